import network_guard  # noqa: F401  (see network_guard.py)
