"""A watch on every connection a process makes: each must come from the egress module.

With ``ASHYQ_SOCKET_GUARD=FILE`` in the environment, every process of the project installs an audit
hook when it starts: a command (the command line, before any work; a queue worker is one), the warm
crawl launcher (its forked crawls keep the hook), a crawl process, a test session. The hook sees each
``connect``, each datagram sent and each name lookup. It writes a line to ``FILE`` for each one the
egress module did not decide:

* made by the project's code outside ``ashyq.net`` (the nearest code of the project on the call's
  stack), to an address the egress policy never passed in this process
  (:func:`ashyq.net.egress.passed_endpoint`); a lookup of a name by such code;
* and not by the store's or the queue's own client on the way (PostgreSQL, Redis: the operator's
  addresses, not a crawled page's), nor by the replica world or a test (they serve and fetch the
  fixtures).

The test session sets it and fails any test after which the file has grown (``tests/conftest.py``). An
operator may set it too, to watch a night. A line reads ``<event> <destination> by <file>:<line>``.
"""

from __future__ import annotations

import ipaddress
import os
import sys
import threading
from types import FrameType
from typing import Any

from ashyq.net.egress import passed_endpoint

GUARD_ENV = "ASHYQ_SOCKET_GUARD"
WATCHED = frozenset({"socket.connect", "socket.sendto", "socket.sendmsg", "socket.getaddrinfo"})
# whose connections are theirs to decide: the egress module; the store's and the queue's clients
DECIDERS = ("ashyq.net", "psycopg", "redis", "kombu", "amqp", "celery.backends")
# what serves or drives the tests: the replica world, the tests themselves, the test runner
INFRASTRUCTURE = ("ashyq_replica", "tests", "conftest", "_pytest", "pytest", "xdist", "execnet")
_installed: set[str] = set()
_lock = threading.Lock()


def _top(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def _deciding_frame(frame: FrameType | None) -> tuple[str, FrameType | None]:
    """Who the call is: ``decided`` (the egress module or a store/queue client), ``infrastructure``,
    ``project`` (the product's own code, with its frame), or ``other`` (no project code at all)."""
    while frame is not None:
        name = str(frame.f_globals.get("__name__", ""))
        if _top(name, DECIDERS):
            return "decided", frame
        if _top(name, INFRASTRUCTURE) or f"{os.sep}tests{os.sep}" in frame.f_code.co_filename:
            return "infrastructure", frame
        if _top(name, ("ashyq",)):
            return "project", frame
        frame = frame.f_back
    return "other", None


def _literal(host: Any) -> str | None:
    """An IP address as the policy writes it, or None for a name."""
    try:
        return str(ipaddress.ip_address(str(host).split("%", 1)[0]))
    except ValueError:
        return None


def _endpoint(address: Any) -> tuple[str, int] | None:
    """The (address or name, port) of an IP socket's destination; None for a Unix socket's path."""
    if not isinstance(address, tuple) or len(address) < 2:
        return None
    return _literal(address[0]) or str(address[0]), int(address[1])


def judge(event: str, args: tuple[Any, ...], frame: FrameType | None) -> str | None:
    """The line to write for this event, or None when the egress module decided it."""
    if event not in WATCHED:
        return None
    who, where = _deciding_frame(frame)
    if who != "project":  # decided, the tests' own, or a thread of a library no project code started
        return None
    if event == "socket.getaddrinfo":
        destination: Any = args[0]
        if destination in (None, "", "localhost") or _literal(destination) is not None:
            return None  # a literal address or loopback: no name goes out; the connect is judged itself
    else:
        endpoint = _endpoint(args[1] if len(args) > 1 else None)
        if endpoint is None or passed_endpoint(*endpoint):
            return None  # a Unix socket, or an address the policy passed
        destination = f"{endpoint[0]}:{endpoint[1]}"
    assert where is not None
    return f"{event} {destination} by {where.f_code.co_filename}:{where.f_lineno}"


def install(path: str) -> None:
    """Watch this process; each connection the egress module did not decide is a line of ``path``."""
    with _lock:
        if path in _installed:
            return
        _installed.add(path)

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event not in WATCHED:
            return
        said = judge(event, args, sys._getframe(1))
        if said is not None:
            with open(path, "a", encoding="utf-8") as log:
                log.write(f"{said} (pid {os.getpid()})\n")

    sys.addaudithook(hook)


def install_from_environment() -> None:
    path = os.environ.get(GUARD_ENV)
    if path:
        install(path)
