import os

import network_guard  # noqa: F401  (see network_guard.py)

# A process a test starts reads the same clock as the test (tests/conftest.py sets it):
# the moment the test passed down, ticking on from there.
if os.environ.get("IPT_TEST_NOW"):
    import time_machine

    time_machine.travel(float(os.environ["IPT_TEST_NOW"]), tick=True).start()
