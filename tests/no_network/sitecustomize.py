import os

import network_guard  # noqa: F401  (see network_guard.py)

# On a hard day (IPT_TEST_TODAY, see tests/conftest.py) a process a test starts reads the
# same clock as the test: the moment the test passed down, ticking on from there.
if os.environ.get("IPT_TEST_NOW"):
    import time_machine

    time_machine.travel(float(os.environ["IPT_TEST_NOW"]), tick=True).start()
