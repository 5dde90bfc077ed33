"""A twelve-week grief and role-transition course, built through `ipt` as a person would,
for the clinician document's tests: a father who died before the course, a move, a partner
in every check-in (badly early, well late), a sister always +2, two PHQ-9s with item 9 at 1
then five at 0, sessions, homework, exercises, a safety plan and the end-of-course review."""

import datetime as dt

import time_machine

WEEKS = 12


def on_a_saturday() -> time_machine.travel:
    """The clock for a module built on this course. The course ends in the week the clock
    is in and its check-ins fall on Tuesdays, Fridays and Sundays, so how many there are
    (and what the document counts) depends on the weekday: noon, Saturday 5 December 2026."""
    return time_machine.travel(dt.datetime(2026, 12, 5, 12).astimezone(), tick=True)


def months_ago(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 - months
    return dt.date(day.year + month // 12, month % 12 + 1, 1)


def baseline_day(start: dt.date) -> dt.date:
    """The baseline questionnaires, answered at the assessment three days before session 1."""
    return start - dt.timedelta(days=3)


def build_grief_course(ipt, today: dt.date | None = None) -> dt.date:
    """The course ends on `today` (the last day of week 12). Returns its first day."""
    today = today or dt.date.today()
    start = today - dt.timedelta(weeks=WEEKS - 1, days=today.weekday())
    died = months_ago(start, 2)
    ipt.ok(
        "inventory",
        "add",
        "--name",
        "Dad",
        "--relationship",
        "parent",
        "--status",
        "deceased",
        "--closeness",
        "1",
        "--satisfying",
        "Sunday walks",
        "--unsatisfying",
        "Never said goodbye",
    )
    ipt.ok(
        "inventory",
        "add",
        "--name",
        "Sam",
        "--relationship",
        "partner",
        "--closeness",
        "1",
        "--contact",
        "daily",
        "--their-expectations",
        "That I talk to them",
        "--my-expectations",
        "Patience",
        "--expectations-met",
        "partly",
    )
    ipt.ok("inventory", "add", "--name", "Kim", "--relationship", "sibling", "--closeness", "1")
    ipt.ok("inventory", "add", "--name", "Ola", "--relationship", "colleague", "--closeness", "3")
    ipt.ok(
        "event",
        "add",
        "--date",
        died.strftime("%Y-%m"),
        "--kind",
        "loss",
        "--person",
        "Dad",
        "--note",
        "Heart attack",
    )
    ipt.ok(
        "event",
        "add",
        "--date",
        (start - dt.timedelta(days=20)).isoformat(),
        "--kind",
        "move",
        "--note",
        "Moved to a new city for work",
    )
    ipt.ok(
        "start",
        "--start-date",
        start.isoformat(),
        "--weeks",
        str(WEEKS),
        "--focus",
        "grief",
        "--focus",
        "role-transition",
        "--goal",
        "Talk about Dad with Sam",
        "--goal",
        "Make one friend in the new city",
        "--baseline-date",
        baseline_day(start).isoformat(),
        "--phq9",
        "2,2,2,2,2,1,1,1,1",
        "--phq9-difficulty",
        "2",
        "--gad7",
        "2,2,2,1,1,1,1",
        "--gad7-difficulty",
        "2",
        "--therapist",
        "--reason",
        "Low since Dad died and the move",
        "--formulation",
        "Since Dad died and we moved I stopped seeing anyone but Sam",
    )
    for week in range(WEEKS):
        monday = start + dt.timedelta(weeks=week)
        for offset, mood in ((1, 3 + week // 3), (4, 4 + week // 3), (6, 3 + week // 3)):
            day = monday + dt.timedelta(days=offset)
            if day > today:
                continue
            went = "-1" if week < 6 else "+1"
            people = ["--with", f"Sam:{went}"]
            if offset == 6:
                people += ["--with", "Kim:+2"]
            ipt.ok("checkin", "--date", day.isoformat(), "--mood", str(min(mood, 10)), *people)
        ipt.ok(
            "session",
            "add",
            "--with",
            "Dr Lee",
            "--date",
            (monday + dt.timedelta(days=2)).isoformat(),
            "--worked-on",
            f"Week {week + 1}: Dad and the move",
            "--agreed",
            "Call Kim",
        )
        if week in (2, 4, 6, 8, 10):
            ipt.ok(
                "measure",
                "phq9",
                "--answers",
                "1,1,1,1,1,1,1,0,0",
                "--date",
                (monday + dt.timedelta(days=5)).isoformat(),
            )
            ipt.ok(
                "measure",
                "gad7",
                "--answers",
                "1,1,1,1,0,0,0",
                "--date",
                (monday + dt.timedelta(days=5)).isoformat(),
            )
        if week == 1:
            ipt.ok(
                "measure",
                "phq9",
                "--answers",
                "2,2,2,2,1,1,1,1,1",
                "--date",
                (monday + dt.timedelta(days=5)).isoformat(),
            )
    ipt.ok(
        "exercise",
        "start",
        "communication-analysis",
        "--with",
        "Sam",
        "--answer",
        "context=Dinner, talking about Dad's things",
        "--answer",
        "turns=Me: I can't sort them yet",
        "--answer",
        "turns=Sam: It's been months",
        "--answer",
        "felt_wanted=Hurt; I wanted time",
        "--answer",
        "their_side=Worried about me",
        "--answer",
        "meant_vs_heard=I meant not yet; they heard never",
        "--answer",
        "outcome=Silence; mood down",
        "--answer",
        "next_time=Say when I could start",
        "--mood-before",
        "3",
        "--mood-after",
        "5",
        "--no-homework",
    )
    ipt.ok("homework", "add", "Call Kim on Sunday", "--with", "Kim")
    ipt.ok("homework", "done", "1", "--outcome", "We talked about Dad", "--helpful", "4")
    ipt.ok("safety-plan", "add", "1", "--text", "Not getting out of bed")
    ipt.ok("safety-plan", "add", "4", "--person", "Kim", "--text", "any time")
    ipt.ok(
        "review",
        "--date",
        today.isoformat(),
        "--what-changed",
        "I can talk about Dad now",
        "--what-helped",
        "Sundays with Kim",
        "--warning-signs",
        "Staying in bed",
        "--relapse-plan",
        "Call Kim and book my GP",
        "--keep-practising",
        "Weekly walk",
    )
    ipt.ok("bring", "How to mark the first anniversary")
    return start
