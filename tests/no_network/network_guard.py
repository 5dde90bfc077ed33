"""Make every attempt to reach the network fail loudly, so the test suite proves that ipt
makes no network calls. Imported by conftest.py for the tests themselves, and by
sitecustomize.py (PYTHONPATH points here) in every Python process the tests start."""

import socket


class NetworkUsed(RuntimeError):
    pass


def _guard(method):
    def guarded(sock, address, *args):
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            raise NetworkUsed(f"something tried to reach the network at {address!r}")
        return method(sock, address, *args)

    return guarded


def _no_lookup(*args, **kwargs):
    raise NetworkUsed(f"something tried to look up a network address: {args[:2]!r}")


socket.socket.connect = _guard(socket.socket.connect)
socket.socket.connect_ex = _guard(socket.socket.connect_ex)
socket.getaddrinfo = _no_lookup
socket.gethostbyname = _no_lookup
