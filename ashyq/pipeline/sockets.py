"""The socket guard of a command's process (:mod:`ashyq.net.socket_guard`), set up by the command line
before any work when ``ASHYQ_SOCKET_GUARD`` names a file; the crawls and the queue's workers a command
starts set it up themselves."""

from __future__ import annotations

from ashyq.net.socket_guard import install_from_environment


def watch_sockets() -> None:
    install_from_environment()
