"""A writer for the reliability proofs: another process saving check-ins meanwhile."""

import textwrap

# Saves check-ins with numbered notes until its stdin closes, opening the journal afresh for
# each as a loop of `ipt checkin` would; says which it was told were saved.
WRITER = textwrap.dedent(
    """
    import select, sys, time
    from pathlib import Path
    from ipt_journal.errors import IptError
    from ipt_journal.models import CheckinIn
    from ipt_journal.store import open_journal
    path = Path(sys.argv[1])
    print("ready", flush=True)
    n = 0
    while not select.select([sys.stdin], [], [], 0)[0]:
        n += 1
        try:
            journal = open_journal(path, lambda: sys.argv[2])
            try:
                journal.checkins.add(CheckinIn(day="2026-01-01", mood=5, note=f"n{n}"))
            finally:
                journal.close()
            print(f"saved n{n}", flush=True)
        except IptError as error:
            print("refused", error.message, flush=True)
        time.sleep(0.02)  # a new ipt process takes longer than that to start
    """
)
