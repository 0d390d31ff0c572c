"""Chromium in a network namespace of its own, whose only way out is the egress proxy.

Chromium is started (by the launcher :func:`ashyq.net.browser.launch_plan` writes) as::

    unshare --net [--map-root-user] python -m ashyq.net.jail -- COMMAND…

The new namespace has a loopback interface and nothing else: no route, no address of the machine, so
no packet of the browser's own (WebRTC's STUN/TURN over UDP, a socket a page found a way to open,
background requests of the browser) can leave it. This program, first in the namespace:

1. brings the loopback interface up;
2. listens on ``127.0.0.1:<port>`` *inside* the namespace, the port the browser's ``--proxy-server``
   names, and relays each connection to the egress proxy's Unix socket (a file both sides see), the
   one door between the namespace and the machine;
3. starts ``COMMAND`` (Chromium, as the unprivileged user where the launcher says so) and ends with
   it, passing on its exit status.

The proxy's socket and port come in the environment (``ASHYQ_PROXY_SOCKET``, ``ASHYQ_PROXY_PORT``),
given per browser by :func:`ashyq.net.browser.open_browser`. The pipes Playwright drives Chromium
through (inherited descriptors above 2) are handed on to it.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import signal
import socket
import struct
import sys

SOCKET_ENV = "ASHYQ_PROXY_SOCKET"
PORT_ENV = "ASHYQ_PROXY_PORT"
_SIOCGIFFLAGS = 0x8913
_SIOCSIFFLAGS = 0x8914
_IFF_UP = 0x1
_CHUNK = 64 * 1024


def loopback_up() -> None:
    """Bring ``lo`` up (a new network namespace has it down)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        request = struct.pack("16sH14s", b"lo", 0, b"")
        flags = struct.unpack("16sH14s", fcntl.ioctl(probe, _SIOCGIFFLAGS, request))[1]
        fcntl.ioctl(probe, _SIOCSIFFLAGS, struct.pack("16sH14s", b"lo", flags | _IFF_UP, b""))


def inherited_descriptors() -> tuple[int, ...]:
    """The open descriptors above 2 this process was given (Playwright's pipes to Chromium)."""
    found = []
    for name in os.listdir("/proc/self/fd"):
        fd = int(name)
        if fd > 2:
            with contextlib.suppress(OSError):
                if os.get_inheritable(fd):
                    found.append(fd)
    return tuple(sorted(found))


async def _copy(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(_CHUNK):
            writer.write(data)
            await writer.drain()
        if writer.can_write_eof():
            writer.write_eof()
    except (ConnectionError, OSError):
        pass


async def _relay(path: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """One connection of the browser, carried to the proxy and back."""
    try:
        upstream_reader, upstream_writer = await asyncio.open_unix_connection(path)
    except OSError:
        writer.close()
        return
    try:
        await asyncio.gather(_copy(reader, upstream_writer), _copy(upstream_reader, writer))
    finally:
        for end in (writer, upstream_writer):
            end.close()


async def serve(path: str, port: int, command: list[str], keep: tuple[int, ...]) -> int:
    server = await asyncio.start_server(lambda r, w: _relay(path, r, w), "127.0.0.1", port)
    child = await asyncio.create_subprocess_exec(*command, pass_fds=keep)
    loop = asyncio.get_running_loop()
    for number in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(number, child.send_signal, number)
    try:
        return await child.wait()
    finally:
        server.close()


def main(argv: list[str]) -> int:
    if "--" not in argv or not argv[argv.index("--") + 1 :]:
        print("usage: python -m ashyq.net.jail -- COMMAND…", file=sys.stderr)
        return 2
    command = argv[argv.index("--") + 1 :]
    path, port = os.environ.get(SOCKET_ENV, ""), os.environ.get(PORT_ENV, "")
    if not path or not port.isdigit():
        print(f"ashyq.net.jail: {SOCKET_ENV} and {PORT_ENV} must be set", file=sys.stderr)
        return 2
    keep = inherited_descriptors()
    loopback_up()
    status = asyncio.run(serve(path, int(port), command, keep))
    return 128 - status if status < 0 else status  # a signal's death as a shell reports it


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
