"""A twelve-week course, built through `ipt` as a person would, for the report tests."""

import datetime as dt

HOSTILE = "<script>alert(1)</script> [click](javascript:alert(1))"


def build_course(ipt, weeks: int = 12) -> dt.date:
    """Twelve weeks of check-ins, questionnaires every two weeks, sessions, events, homework
    and things to bring, ending today. Returns the course's first day."""
    today = dt.date.today()
    start = today - dt.timedelta(weeks=weeks - 1, days=today.weekday())
    ipt.ok("inventory", "add", "--name", "Sam", "--relationship", "partner", "--closeness", "1")
    ipt.ok("inventory", "add", "--name", "Jo", "--relationship", "other-family", "--closeness", "2")
    ipt.ok(
        "start",
        "--start-date",
        start.isoformat(),
        "--weeks",
        "12",
        "--focus",
        "role-dispute",
        "--dispute-with",
        "Sam",
        "--dispute-stage",
        "impasse",
        "--goal",
        f"Talk calmly {HOSTILE}",
        "--phq9",
        "2,2,2,2,2,1,1,1,0",
        "--gad7",
        "2,2,2,1,1,1,1",
        "--therapist",
        "--reason",
        "Rows with Sam",
        "--background",
        "Moved for work",
    )
    for week in range(weeks):
        monday = start + dt.timedelta(weeks=week)
        for offset, mood in ((1, 3 + week // 3), (4, 4 + week // 3), (6, 2 + week // 2)):
            day = monday + dt.timedelta(days=offset)
            if day > today:
                continue
            people = ["--with", "Sam:-1" if week < 6 else "Sam:+1"] if offset != 6 else ["--with", "Jo:+2"]
            ipt.ok(
                "checkin",
                "--date",
                day.isoformat(),
                "--mood",
                str(min(mood, 10)),
                *people,
                "--goal",
                f"1:{min(week, 10)}",
            )
        session_day = monday + dt.timedelta(days=2)
        if session_day <= today:
            ipt.ok(
                "session",
                "add",
                "--with",
                "Dr Lee",
                "--date",
                session_day.isoformat(),
                "--worked-on",
                f"Week {week + 1}: expectations",
                "--agreed",
                "One I-statement",
            )
        if week % 2 == 1 and monday + dt.timedelta(days=5) <= today:
            item9 = "1" if week == 3 else "0"
            ipt.ok(
                "measure",
                "phq9",
                "--answers",
                f"2,2,1,1,1,1,1,1,{item9}",
                "--date",
                (monday + dt.timedelta(days=5)).isoformat(),
            )
    ipt.ok(
        "event",
        "add",
        "--date",
        (start + dt.timedelta(days=10)).isoformat(),
        "--kind",
        "conflict",
        "--person",
        "Sam",
        "--note",
        HOSTILE,
    )
    ipt.ok("homework", "add", "Tell Sam how I feel", "--with", "Sam")
    ipt.ok("homework", "done", "1", "--outcome", "He listened", "--helpful", "4")
    ipt.ok("bring", HOSTILE)
    ipt.ok("bring", "Plan for the last sessions")
    return start
