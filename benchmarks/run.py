"""Time whole `ipt` processes on a ten-year journal, against jrnl 4.6 in the same run.

    python benchmarks/run.py [--runs N] [--no-jrnl] [--rebuild] [--only NAME ...]

Run it from the project's venv (the README's install command). It builds, under
benchmarks/out/ (ignored by git): the ten-year journal and the ten-times one with
make_journal.py, a venv with jrnl 4.6 from PyPI, and a ten-year jrnl journal. Each
command runs once to warm up, then the commands take turns for --runs rounds; the table
shows the median, the spread (fastest to slowest), the median CPU time (user and system)
and the peak memory of one more run. Then each budget of docs/performance.md is checked as
a ratio of wall-time medians measured in this same run; the ratio of CPU times is printed
beside it, the steadier figure on a machine other programs share.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
JRNL_VERSION = "4.6"
PEAK_MIB = 40  # any command's peak memory
IMPORT_PEAK_MIB = 100  # ipt import of a ten-year export, a Daylio file, a CSV of 100,000 rows


def ipt_command() -> list[str]:
    script = Path(sys.executable).with_name("ipt")
    return [str(script)] if script.exists() else [sys.executable, "-m", "ipt_journal"]


# Peak memory is read in a separate run under this small wrapper: a child forked straight
# from the benchmark would start with the benchmark's own memory counted as its peak.
PEAK_WRAPPER = (
    "import os, sys\n"
    "pid = os.fork()\n"
    "if pid == 0:\n"
    "    os.execvp(sys.argv[1], sys.argv[1:])\n"
    "_, status, usage = os.wait4(pid, 0)\n"
    "sys.stderr.write(f'\\npeak-kib {usage.ru_maxrss}\\n')\n"
    "sys.exit(os.waitstatus_to_exitcode(status))\n"
)


def run_once(cmd: list[str], env: dict, before=None) -> tuple[float, float]:
    """Wall time and CPU time (user and system) of one run, in milliseconds."""
    if before:
        before()
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({result.returncode}): {result.stderr[-500:]!r}")
    cpu = (after.ru_utime - used.ru_utime) + (after.ru_stime - used.ru_stime)
    return elapsed * 1000, cpu * 1000


def peak_memory(cmd: list[str], env: dict, before=None) -> float:
    """Peak resident memory of one run, in MiB."""
    if before:
        before()
    wrapped = subprocess.run(
        [sys.executable, "-S", "-c", PEAK_WRAPPER, *cmd],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    return int(wrapped.stderr.rsplit("peak-kib ", 1)[1]) / 1024


def measure(cases: dict, runs: int) -> dict:
    """Median and spread of each command's wall time, and its peak memory.

    Every command runs once to warm the caches, then the commands take turns, one run each
    per round: on a shared machine a slow spell then slows every command alike instead of
    whichever one happened to be running, so the ratios stay fair."""
    for cmd, before, env in cases.values():
        run_once(cmd, env, before)
    times: dict[str, list[float]] = {name: [] for name in cases}
    cpu: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(runs):
        for name, (cmd, before, env) in cases.items():
            wall, used = run_once(cmd, env, before)
            times[name].append(wall)
            cpu[name].append(used)
    return {
        name: {
            "median_ms": statistics.median(times[name]),
            # CPU time barely moves when other programs share the machine; wall time does.
            "cpu_median_ms": statistics.median(cpu[name]),
            "min_ms": min(times[name]),
            "max_ms": max(times[name]),
            "peak_mib": peak_memory(cmd, env, before),
        }
        for name, (cmd, before, env) in cases.items()
    }


def stale(path: Path) -> bool:
    """A journal built by an older version would be migrated by the first command timed."""
    from ipt_journal.store import SCHEMA_VERSION

    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION
    finally:
        conn.close()


def build_journals(rebuild: bool) -> tuple[Path, Path]:
    sys.path.insert(0, str(HERE))
    from make_journal import build

    paths = []
    for scale in (1, 10):
        path = OUT / f"journal-x{scale}.db"
        if rebuild or not path.exists() or stale(path):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            build(path, scale)
        paths.append(path)
    return paths[0], paths[1]


def jrnl_setup(rebuild: bool) -> tuple[Path, dict, Path]:
    """jrnl 4.6 in its own venv, with a config and a ten-year journal of daily entries."""
    venv = OUT / "jrnl-venv"
    jrnl = venv / "bin" / "jrnl"
    if rebuild or not jrnl.exists():
        shutil.rmtree(venv, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", f"jrnl=={JRNL_VERSION}"], check=True)
    home = OUT / "jrnl-home"
    journal = home / "journal.txt"
    config = home / "config" / "jrnl" / "jrnl.yaml"
    if rebuild or not journal.exists():
        shutil.rmtree(home, ignore_errors=True)
        config.parent.mkdir(parents=True)
        config.write_text(
            "colors: {body: none, date: none, tags: none, title: none}\n"
            "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: true\n"
            f"indent_character: '|'\njournals:\n  default:\n    journal: {journal}\n"
            "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\ntimeformat: '%F %r'\n"
            f"version: v{JRNL_VERSION}\n"
        )
        rnd = random.Random(1)
        start = dt.date.today() - dt.timedelta(days=3649)
        with journal.open("w") as handle:
            for offset in range(3650):
                day = start + dt.timedelta(days=offset)
                handle.write(
                    f"[{day.isoformat()} 09:00:00 PM] Mood {rnd.randint(0, 10)} today, time with "
                    f"@person{rnd.randint(1, 150)}.\nA few lines about the day: what happened, who was "
                    "there, and how it felt afterwards.\n\n"
                )
    env = {**os.environ, "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data")}
    return jrnl, env, journal


def import_files(ten_years: Path, rebuild: bool) -> tuple[Path, Path, Path]:
    """The ten-year journal's JSON export, a journal holding only its inventory (people), and
    a ten-year Daylio export whose activities name some of those people."""
    from make_daylio import write as write_daylio

    export, people, daylio = OUT / "export-x1.json", OUT / "people-only.db", OUT / "daylio-x1.csv"
    if (
        rebuild
        or not export.exists()
        or not people.exists()
        or export.stat().st_mtime < ten_years.stat().st_mtime
    ):
        subprocess.run(
            [*ipt_command(), "--db", str(ten_years), "export", "--force", "-o", str(export)],
            check=True,
            stderr=subprocess.DEVNULL,
        )
        for suffix in ("", "-wal", "-shm"):
            Path(f"{people}{suffix}").unlink(missing_ok=True)
        doc = json.loads(export.read_text(encoding="utf-8"))
        only_people = OUT / "people-only.json"
        only_people.write_text(
            json.dumps({key: doc[key] for key in ("format", "format_version", "people")}), encoding="utf-8"
        )
        subprocess.run(
            [*ipt_command(), "--db", str(people), "import", str(only_people)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    if rebuild or not daylio.exists():
        write_daylio(daylio)
    return export, people, daylio


LARGE_CSV_ROWS = 100_000


def large_csv(rebuild: bool) -> Path:
    """A CSV of LARGE_CSV_ROWS moods, three a day and out of order (issue 22: a million rows
    once took 2.3 GB; an import now streams, its memory the same for any size)."""
    path = OUT / "moods-100k.csv"
    if rebuild or not path.exists():
        start = dt.date(1900, 1, 1).toordinal()
        with path.open("w", encoding="utf-8") as out:
            out.write("Date,Mood,Note\n")
            for n in range(LARGE_CSV_ROWS):
                k = (n * 7919) % LARGE_CSV_ROWS  # three rows a day, from 1900 on
                day = dt.date.fromordinal(start + k // 3)
                out.write(f"{day.isoformat()} {8 + k % 3 * 4:02d}:00,{n % 11},row {n}\n")
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--no-jrnl", action="store_true", help="skip the comparison with jrnl")
    parser.add_argument("--rebuild", action="store_true", help="build the journals and jrnl's venv again")
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help="time only the commands whose name starts with NAME (repeatable), and check only "
        "the budgets between them: e.g. --only 'ipt report' --only floor",
    )
    args = parser.parse_args()
    # Both programs run with their bytecode cached, as on a person's machine: pip compiles
    # jrnl's venv when installing, but an editable ipt would be compiled afresh on every
    # run if the environment forbade writing bytecode.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    OUT.mkdir(exist_ok=True)
    ten_years, hundred_years = build_journals(args.rebuild)
    scratch = OUT / "checkin-scratch.db"
    ipt = ipt_command()
    env = {**os.environ, "IPT_JOURNAL_DB": str(ten_years), "COLUMNS": "100", "NO_COLOR": "1"}
    env.pop("IPT_DEBUG", None)

    def fresh_scratch() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{scratch}{suffix}").unlink(missing_ok=True)
        shutil.copy(ten_years, scratch)

    export, people_only, daylio = import_files(ten_years, args.rebuild)
    moods_csv = large_csv(args.rebuild)
    imported = OUT / "import-scratch.db"

    def empty_journal() -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{imported}{suffix}").unlink(missing_ok=True)

    def people_only_journal() -> None:
        empty_journal()
        shutil.copy(people_only, imported)

    checkin = [
        *ipt,
        "--db",
        str(scratch),
        "checkin",
        "--mood",
        "6",
        "--with",
        "Sam 001:+1",
        "--with",
        "Alex 002:-1:argued about the move",  # with what happened (an incident)
        "--note",
        "Dinner together, then a walk",
        "--tag",
        "family",
        "--date",
        dt.date.today().isoformat(),
    ]
    one_line = [
        *ipt,
        "--db",
        str(scratch),
        "checkin",
        "--date",
        dt.date.today().isoformat(),
        "6",
        "dinner with Sam 001+1, then a walk #family",
    ]
    cases = {
        "floor: python -c 'import sqlite3'": ([sys.executable, "-c", "import sqlite3"], None, env),
        # The floor of ipt's own stack: the libraries every table-drawing command starts with.
        "floor: typer, rich.console, sqlite3": (
            [sys.executable, "-c", "import typer, rich.console, sqlite3"],
            None,
            env,
        ),
        "ipt --help": ([*ipt, "--help"], None, env),
        "ipt (dashboard)": (ipt, None, env),
        "ipt report": ([*ipt, "report"], None, env),
        "ipt report --json": ([*ipt, "report", "--json"], None, env),
        "ipt inventory list": ([*ipt, "inventory", "list"], None, env),
        "ipt timeline (ten years)": ([*ipt, "timeline"], None, env),
        "ipt inventory circle (150)": ([*ipt, "inventory", "circle"], None, env),
        "ipt chart (a year)": ([*ipt, "chart"], None, env),
        "ipt checkin (all flags)": (checkin, fresh_scratch, env),
        'ipt checkin 6 "..." (one line)': (one_line, fresh_scratch, env),
        "ipt checkin show ID": ([*ipt, "checkin", "show", "1"], None, env),
        # Issue 23: the WSAS, saved into a copy of the ten-year journal as a check-in is.
        "ipt measure wsas --answers": (
            [*ipt, "--db", str(scratch), "measure", "wsas", "--answers", "n/a,3,4,2,5"],
            fresh_scratch,
            env,
        ),
        "ipt remind": ([*ipt, "remind", "--scheduler", "cron"], None, env),
        # Written to standard output, as jrnl --export json writes it.
        "ipt export json, ten years": ([*ipt, "export", "--format", "json"], None, env),
        "ipt import json, ten years": (
            [*ipt, "--db", str(imported), "import", str(export)],
            empty_journal,
            env,
        ),
        "ipt import daylio, ten years": (
            [*ipt, "--db", str(imported), "import", "--from", "daylio", str(daylio)],
            people_only_journal,
            env,
        ),
        "ipt import csv, 100,000 rows": (
            [
                *ipt,
                "--db",
                str(imported),
                "import",
                "--from",
                "csv",
                "--columns",
                "day=Date,mood=Mood,note=Note",
            ]
            + [str(moods_csv)],
            empty_journal,
            env,
        ),
        "ipt prep": ([*ipt, "prep"], None, env),
        "ipt pathway": ([*ipt, "pathway"], None, env),
        "ipt report --format html": (
            [*ipt, "report", "--format", "html", "--weeks", "12", "--force", "-o", str(OUT / "report.html")],
            None,
            env,
        ),
        # Issue 21: the clinician document for the journal's 12-week course (its default
        # window while the course runs), page one and the whole case.
        "ipt report --format html --course": (
            [*ipt, "report", "--format", "html", "--course", "--force", "-o", str(OUT / "course.html")],
            None,
            env,
        ),
        "ipt crisis": ([*ipt, "crisis"], None, env),
        "ipt course formulation": ([*ipt, "course", "formulation"], None, env),
        # Issue 20: the staying-well plan and the safety plan's card.
        "ipt staying-well": ([*ipt, "staying-well"], None, env),
        "ipt safety-plan --card (html)": (
            [*ipt, "safety-plan", "--card", "--force", "-o", str(OUT / "card.html")],
            None,
            env,
        ),
        "ipt report, ten-times journal": (
            [*ipt, "report"],
            None,
            {**env, "IPT_JOURNAL_DB": str(hundred_years)},
        ),
    }
    # Issue 14: long lists, search and completion. Output goes to /dev/null: piped.
    ten_times = {**env, "IPT_JOURNAL_DB": str(hundred_years)}
    cases |= {
        "ipt checkin list --all (piped)": ([*ipt, "checkin", "list", "--all"], None, env),
        "ipt search WORD, ten-times": ([*ipt, "search", "money"], None, ten_times),
        "ipt checkin list --contains, ten-times": (
            [*ipt, "checkin", "list", "--contains", "money"],
            None,
            ten_times,
        ),
        "ipt measure history": ([*ipt, "measure", "history"], None, env),
        "ipt exercise history": ([*ipt, "exercise", "history"], None, env),
        "complete: ipt chec<TAB>": (
            ipt,
            None,
            {**env, "_IPT_COMPLETE": "complete_bash", "_IPT_LINE": "ipt chec", "_IPT_WORD": "chec"},
        ),
        "complete: --with S<TAB>": (
            ipt,
            None,
            {
                **env,
                "_IPT_COMPLETE": "complete_bash",
                "_IPT_LINE": "ipt checkin --with S",
                "_IPT_WORD": "S",
            },
        ),
    }
    if not args.no_jrnl:
        jrnl, jrnl_env, jrnl_journal = jrnl_setup(args.rebuild)
        backup = jrnl_journal.with_suffix(".bak")
        shutil.copy(jrnl_journal, backup)
        cases["jrnl --help"] = ([str(jrnl), "--help"], None, jrnl_env)
        cases["jrnl -n 10"] = ([str(jrnl), "-n", "10"], None, jrnl_env)
        cases["jrnl -n 3650"] = ([str(jrnl), "-n", "3650"], None, jrnl_env)
        cases["jrnl -contains WORD"] = ([str(jrnl), "-contains", "money"], None, jrnl_env)
        cases["jrnl --export json"] = ([str(jrnl), "--export", "json"], None, jrnl_env)
        cases["jrnl add one entry"] = (
            [str(jrnl), "Mood 6 today, time with @sam."],
            lambda: shutil.copy(backup, jrnl_journal),
            jrnl_env,
        )

    if args.only:
        cases = {name: case for name, case in cases.items() if name.startswith(tuple(args.only))}
    results = measure(cases, args.runs)
    print(f"{'command':34} {'median':>9} {'spread':>17} {'cpu':>8} {'peak':>9}")
    for name, result in results.items():
        print(
            f"{name:34} {result['median_ms']:7.0f}ms {result['min_ms']:7.0f}-{result['max_ms']:.0f}ms "
            f"{result['cpu_median_ms']:6.0f}ms {result['peak_mib']:6.1f}MiB"
        )

    budgets = [
        ("ipt report, ten-times journal", "ipt report", 1.5),
        ("ipt import daylio, ten years", "ipt import json, ten years", 3.0),
        # 27 times the Daylio file's rows, simpler ones: no worse than linear
        ("ipt import csv, 100,000 rows", "ipt import daylio, ten years", 35.0),
        ("ipt remind", "ipt --help", 1.5),  # it opens no journal and loads neither Rich nor pydantic
        ("ipt report", "floor: typer, rich.console, sqlite3", 1.5),  # start-up is most of a report
    ]
    if not args.no_jrnl:
        budgets = [
            ("ipt --help", "jrnl --help", 0.8),
            ("ipt (dashboard)", "jrnl -n 10", 0.8),
            ("ipt report", "jrnl -n 10", 0.8),
            ("ipt timeline (ten years)", "jrnl -n 10", 0.8),
            ("ipt inventory circle (150)", "jrnl -n 10", 0.8),
            ("ipt chart (a year)", "jrnl -n 10", 0.8),
            ("ipt prep", "jrnl -n 10", 0.8),
            ("ipt pathway", "jrnl -n 10", 0.8),
            ("ipt report --format html", "jrnl -n 10", 0.8),
            ("ipt report --format html --course", "jrnl -n 10", 0.8),
            ("ipt checkin (all flags)", "jrnl add one entry", 0.3),
            ('ipt checkin 6 "..." (one line)', "jrnl add one entry", 0.3),
            ("ipt checkin show ID", "jrnl -n 10", 0.8),
            ("ipt measure wsas --answers", "jrnl add one entry", 0.3),
            ("ipt crisis", "jrnl --help", 0.8),
            ("ipt course formulation", "jrnl -n 10", 0.8),
            ("ipt staying-well", "jrnl -n 10", 0.8),
            ("ipt safety-plan --card (html)", "jrnl -n 10", 0.8),
            ("ipt checkin list --all (piped)", "jrnl -n 3650", 0.5),
            ("ipt search WORD, ten-times", "jrnl -contains WORD", 0.5),
            ("ipt checkin list --contains, ten-times", "jrnl -contains WORD", 0.5),
            ("ipt measure history", "jrnl -n 10", 0.8),
            ("ipt exercise history", "jrnl -n 10", 0.8),
            ("complete: ipt chec<TAB>", "jrnl --help", 0.8),
            ("complete: --with S<TAB>", "jrnl --help", 0.8),
            ("ipt export json, ten years", "jrnl --export json", 1.0),
            *budgets,
        ]
    print("\nbudgets (ratio of wall-time medians in this run; of CPU-time medians beside it)")
    failed = 0
    for ours, theirs, limit in budgets:
        if ours not in results or theirs not in results:  # left out by --only
            continue
        ratio = results[ours]["median_ms"] / results[theirs]["median_ms"]
        cpu_ratio = results[ours]["cpu_median_ms"] / results[theirs]["cpu_median_ms"]
        ok = ratio <= limit
        failed += not ok
        print(
            f"  {ours:32} / {theirs:30} {ratio:5.2f}  cpu {cpu_ratio:5.2f}  (at most {limit})  "
            f"{'ok' if ok else 'OVER'}"
        )
    # Imports read a whole file into memory at once: they are held to IMPORT_PEAK_MIB. Every
    # other command, the ten-year JSON export included (it streams), to PEAK_MIB.
    heavy = [
        name
        for name, r in results.items()
        if name.startswith("ipt")
        and r["peak_mib"] >= (IMPORT_PEAK_MIB if name.startswith("ipt import") else PEAK_MIB)
    ]
    print(
        f"  peak memory under {PEAK_MIB} MiB, imports under {IMPORT_PEAK_MIB} MiB: "
        f"{'ok' if not heavy else 'OVER: ' + ', '.join(heavy)}"
    )
    failed += bool(heavy)
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"SQLite {__import__('sqlite3').sqlite_version}"
    )
    print(f"\nmachine: {machine}")
    (OUT / "results.json").write_text(
        json.dumps({"machine": machine, "runs": args.runs, "results": results}, indent=2)
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
