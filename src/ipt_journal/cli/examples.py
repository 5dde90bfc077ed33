"""One or two examples at the end of every command's --help, kept together so they read
as a set and a test can check that no command lacks them."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ipt_journal.cli.framework import Command

EXAMPLES: dict[str, tuple[str, ...]] = {
    "ipt": ("ipt checkin --mood 6 --with 'Sam:+1'", "ipt report"),
    "ipt start": ("ipt start", "ipt start --weeks 12 --focus role-dispute --goal 'Talk calmly with Sam'"),
    "ipt course": ("ipt course", "ipt course --json"),
    "ipt course extend": ("ipt course extend 4",),
    "ipt course end": (
        "ipt course end",
        "ipt course end --date 'last friday'",
        "ipt course end --done 1 --keep all",
    ),
    "ipt goals": ("ipt goals list",),
    "ipt goals list": ("ipt goals list", "ipt goals list --all"),
    "ipt goals add": (
        "ipt goals add 'Say no without apologising'",
        "ipt goals add 'Call Mum weekly' --date 'last monday'",
    ),
    "ipt goals edit": ("ipt goals edit 2 'Say no calmly'",),
    "ipt goals done": ("ipt goals done 2",),
    "ipt goals drop": ("ipt goals drop 3",),
    "ipt goals show": ("ipt goals show 2",),
    "ipt review": (
        "ipt review",
        "ipt review --warning-signs 'Skipping meals' --whom-i-tell Jo --add-to-safety-plan whom-i-tell",
    ),
    "ipt staying-well": ("ipt staying-well", "ipt staying-well --markdown"),
    "ipt staying-well edit": (
        "ipt staying-well edit",
        "ipt staying-well edit --when-to-contact 'If it lasts two weeks'",
    ),
    "ipt staying-well move-copies": ("ipt staying-well move-copies", "ipt staying-well move-copies --id 4"),
    "ipt course review-midpoint": (
        "ipt course review-midpoint",
        "ipt course review-midpoint --focus-still-right yes --next-half 'Talk to Sam about money'",
    ),
    "ipt inventory": ("ipt inventory list", "ipt inventory add --name Sam --relationship partner"),
    "ipt inventory add": (
        "ipt inventory add",
        "ipt inventory add --name Sam --relationship partner --closeness 1",
    ),
    "ipt inventory list": ("ipt inventory list", "ipt inventory list --json"),
    "ipt inventory show": ("ipt inventory show Sam",),
    "ipt inventory edit": ("ipt inventory edit Sam --closeness 2",),
    "ipt inventory remove": ("ipt inventory remove Sam",),
    "ipt checkin": (
        'ipt checkin 6 "dinner with Sam+1 #family"',
        "ipt checkin --mood 6 --with 'Sam:+1' --note 'Dinner with Sam'",
        "ipt checkin --mood 4 --date yesterday --edit",
        "ipt checkin --mood 4 --with 'Tom:-1:argued about the move'",
    ),
    "ipt checkin list": (
        "ipt checkin list --with Sam --since 'last monday'",
        "ipt checkin list --all --mood-below 4 --contains argument",
    ),
    "ipt checkin edit": (
        "ipt checkin edit 12 --mood 5 --date 'last friday'",
        "ipt checkin edit 12 --what-happened 'Tom:made up over dinner'",
        "ipt checkin edit 12 --edit",
    ),
    "ipt checkin delete": ("ipt checkin delete 12",),
    "ipt checkin show": ("ipt checkin show 12", "ipt checkin show 12 --json"),
    "ipt measure": ("ipt measure phq9", "ipt measure history"),
    "ipt measure phq9": ("ipt measure phq9", "ipt measure phq9 --answers 1,1,0,2,1,0,0,1,0"),
    "ipt measure gad7": ("ipt measure gad7", "ipt measure gad7 --answers 1,1,0,2,1,0,0 --date yesterday"),
    "ipt measure wsas": (
        "ipt measure wsas",
        "ipt measure wsas --answers 4,2,6,3,5",
        "ipt measure wsas --answers n/a,2,6,3,5",
    ),
    "ipt measure history": (
        "ipt measure history --scale phq9 --since 2026-01-01",
        "ipt measure history --limit 5",
    ),
    "ipt measure edit": (
        "ipt measure edit 3 --date 'last friday'",
        "ipt measure edit 3 --answers 1,1,0,2,1,0,0,1,0",
    ),
    "ipt measure delete": ("ipt measure delete 3",),
    "ipt exercise": ("ipt exercise list", "ipt exercise start active-listening --with Sam"),
    "ipt exercise list": ("ipt exercise list",),
    "ipt exercise start": (
        "ipt exercise start active-listening --with Sam",
        "ipt exercise start grief --edit",
        "ipt exercise start communication-analysis --from-incident 3",
    ),
    "ipt exercise history": (
        "ipt exercise history --with Sam --since 2026-01-01",
        "ipt exercise history --limit 5",
    ),
    "ipt exercise show": ("ipt exercise show 4",),
    "ipt exercise show-questions": ("ipt exercise show-questions i-statement",),
    "ipt pathway": ("ipt pathway", "ipt pathway next", "ipt pathway --area grief --json"),
    "ipt pathway next": (
        "ipt pathway next",
        "ipt pathway next --area role-dispute --with Sam",
    ),
    "ipt pathway week": ("ipt pathway week --stage impasse", "ipt pathway week --confidants 2 --date monday"),
    "ipt pathway done": ("ipt pathway done pattern --date 2026-03-30",),
    "ipt homework": ("ipt homework list", "ipt homework add 'Ask Sam about the weekend' --due friday"),
    "ipt homework add": ("ipt homework add 'Ask Sam about the weekend' --with Sam --due friday",),
    "ipt homework list": ("ipt homework list", "ipt homework list --all --limit 10"),
    "ipt homework done": (
        "ipt homework done 2",
        "ipt homework done 2 --outcome 'Calmer than I feared' --helpful 4",
    ),
    "ipt homework skip": ("ipt homework skip 2",),
    "ipt report": ("ipt report", "ipt report --since '8 weeks ago' --json"),
    "ipt search": ("ipt search argument", "ipt search '\"phone call\" OR letter' --kind check-in"),
    "ipt crisis": ("ipt crisis",),
    "ipt safety-plan": ("ipt safety-plan", "ipt safety-plan --card -o card.html"),
    "ipt safety-plan closing": (
        "ipt safety-plan closing",
        "ipt safety-plan closing --kept-where 'a photo on my phone'",
    ),
    "ipt safety-plan add": (
        "ipt safety-plan add 2 --text 'a hot shower'",
        "ipt safety-plan add 4 --person Sam --phone '07700 900123'",
    ),
    "ipt safety-plan remove": ("ipt safety-plan remove 4",),
    "ipt safety-plan edit": ("ipt safety-plan edit",),
    "ipt cope": ("ipt cope", "ipt cope log short-walk --helpful 4"),
    "ipt cope add": ("ipt cope add 'Cold water on my face' --how 'Splash it, slowly.'",),
    "ipt cope remove": ("ipt cope remove cold-water-on-my-face",),
    "ipt cope log": ("ipt cope log short-walk --helpful 4", "ipt cope log grounding --date yesterday"),
    "ipt breathe": ("ipt breathe", "ipt breathe --minutes 1 --pattern box"),
    "ipt backup": ("ipt backup", "ipt backup ~/safe/ipt-journal.db"),
    "ipt restore": ("ipt restore ~/safe/ipt-journal.db",),
    "ipt doctor": ("ipt doctor", "ipt doctor --fix"),
    "ipt export": ("ipt export -o journal.json", "ipt export --format markdown -o journal.md"),
    "ipt import": ("ipt import journal.json --dry-run", "ipt import journal.json"),
    "ipt wipe": ("ipt wipe",),
    "ipt encrypt": ("ipt encrypt",),
    "ipt decrypt": ("ipt decrypt",),
    "ipt passphrase": ("ipt passphrase", "ipt passphrase remember"),
    "ipt passphrase remember": ("ipt passphrase remember",),
    "ipt passphrase forget": ("ipt passphrase forget",),
    "ipt config": ("ipt config show", "ipt config set country GB"),
    "ipt config show": ("ipt config show",),
    "ipt config set": ("ipt config set country GB",),
    "ipt config unset": ("ipt config unset country",),
    "ipt completion": (
        "ipt completion bash > ~/.local/share/bash-completion/completions/ipt",
        "ipt completion fish > ~/.config/fish/completions/ipt.fish",
    ),
    "ipt course formulation": (
        "ipt course formulation",
        "ipt course formulation --text 'I feel low when Sam and I fight about chores' --agreed",
    ),
    "ipt inventory circle": ("ipt inventory circle", "ipt inventory circle --weeks 12"),
    "ipt event": ("ipt event list", "ipt event add --date 2025-09 --kind new-job-or-role"),
    "ipt event add": (
        "ipt event add",
        "ipt event add --date 2025-09 --kind move --person Sam --note 'Moved in together'",
    ),
    "ipt event list": ("ipt event list", "ipt event list --person Sam --kind conflict"),
    "ipt event edit": ("ipt event edit 3 --date 2025-10", "ipt event edit 3"),
    "ipt event delete": ("ipt event delete 3",),
    "ipt chart": ("ipt chart", "ipt chart --weeks 104"),
    "ipt timeline": ("ipt timeline", "ipt timeline --since 2024-01-01 --by quarter"),
    "ipt remind": ("ipt remind", "ipt remind --day wednesday --time 20:30 --scheduler systemd"),
    "ipt remind notify": ("ipt remind notify",),
    "ipt session": ("ipt session list", "ipt session add --with 'Dr Lee' --worked-on 'The row with Sam'"),
    "ipt session add": (
        "ipt session add",
        "ipt session add --with 'Dr Lee' --worked-on 'The row with Sam' --homework 'Ask Sam calmly'",
    ),
    "ipt session list": ("ipt session list", "ipt session list --json"),
    "ipt session edit": ("ipt session edit 4 --agreed 'Try an I-statement'", "ipt session edit 4"),
    "ipt session delete": ("ipt session delete 4",),
    "ipt bring": ("ipt bring 'Why do Sundays feel worst?'", "ipt bring list"),
    "ipt prep": ("ipt prep", "ipt prep --since 'last monday'"),
}


def epilog(path: str) -> str | None:
    """The examples as a help epilog; '\\b' keeps Click from joining the lines."""
    examples = EXAMPLES.get(path)
    if not examples:
        return None
    return (
        "\b\n"
        + ("Examples:" if len(examples) > 1 else "Example:")
        + "\n"
        + "\n".join(f"  {e}" for e in examples)
    )


def add_examples(command: "Command", path: str) -> None:
    """Give `command` and every command under it its examples, and whole summaries."""
    command.epilog = epilog(path)
    if not command.short_help and command.help:
        # The whole first paragraph, wrapped: Click would cut it at 'e.g.' or with '...'.
        command.short_help = " ".join(command.help.split("\n\n")[0].split())
    for name, sub in (getattr(command, "commands", None) or {}).items():
        add_examples(sub, f"{path} {name}")
