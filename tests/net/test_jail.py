"""Chromium in a network namespace of its own: the egress proxy's Unix socket is its only way out.

A program started in the jail reaches the proxy through the relay and nothing else: a TCP and a UDP
canary on the machine's loopback hear nothing from it. A browser session runs its Chromium there.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from loopback import Loopback

from ashyq.net.browser import JAILED, open_browser
from ashyq.net.jail import PORT_ENV, SOCKET_ENV
from ashyq.net.urlmap import BaseUrlMap
from ashyq.store.leases import process_stat

OUTER = ["unshare", "--net"] if os.geteuid() == 0 else ["unshare", "--net", "--map-root-user"]


def _jail_works() -> bool:
    return subprocess.run([*OUTER, "true"], capture_output=True, check=False).returncode == 0


pytestmark = pytest.mark.skipif(not _jail_works(), reason="this machine makes no network namespace")

# run inside the jail: the relay's port answers (the proxy's socket outside); the canaries do not
INSIDE = """
import socket, sys
relay, tcp, udp = (int(a) for a in sys.argv[1:4])
with socket.create_connection(("127.0.0.1", relay), timeout=5) as s:
    s.sendall(b"through the door")
    print(s.recv(100).decode())
try:
    socket.create_connection(("127.0.0.1", tcp), timeout=2).close()
    print("tcp reached")
except OSError as error:
    print("tcp refused", type(error).__name__)
with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u:
    u.sendto(b"stun", ("127.0.0.1", udp))
    print("udp sent")
"""


def _door(path: Path, heard: list[bytes]) -> socket.socket:
    """A Unix socket standing in for the proxy's: it answers each connection once."""
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen()

    def answer() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            with conn:
                heard.append(conn.recv(100))
                conn.sendall(b"proxy answered")

    threading.Thread(target=answer, daemon=True).start()
    return server


def test_a_program_in_the_jail_gets_out_only_through_the_proxy_socket(tmp_path: Path, loopback: Loopback) -> None:
    heard: list[bytes] = []
    door = _door(tmp_path / "proxy.sock", heard)
    canary = loopback.canary()  # TCP and UDP on one port
    relay_port = 18080  # inside the namespace: its own ports, nothing else listens there
    try:
        env = {**os.environ, SOCKET_ENV: str(tmp_path / "proxy.sock"), PORT_ENV: str(relay_port)}
        inside = [sys.executable, "-c", INSIDE, str(relay_port), str(canary.port), str(canary.port)]
        done = subprocess.run(
            [*OUTER, sys.executable, "-m", "ashyq.net.jail", "--", *inside],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        time.sleep(0.5)  # a datagram on its way
    finally:
        door.close()
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "proxy answered"
    assert "tcp refused" in done.stdout and "udp sent" in done.stdout
    assert canary.watches_udp and canary.connections == [] and canary.datagrams == []
    assert heard == [b"through the door"]


def test_the_jail_passes_on_its_programs_exit_status() -> None:
    env = {**os.environ, SOCKET_ENV: "/nonexistent", PORT_ENV: "18081"}
    done = subprocess.run(
        [*OUTER, sys.executable, "-m", "ashyq.net.jail", "--", sys.executable, "-c", "raise SystemExit(7)"],
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 7
    refused = subprocess.run([sys.executable, "-m", "ashyq.net.jail", "--", "true"], capture_output=True, text=True)
    assert refused.returncode == 2 and SOCKET_ENV in refused.stderr  # no door named: nothing started


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        stat = process_stat(entry.name) if entry.name.isdigit() else None
        if stat is not None:
            children.setdefault(int(stat[1]), []).append(int(entry.name))
    found, queue = [], [pid]
    while queue:
        for child in children.get(queue.pop(), []):
            found.append(child)
            queue.append(child)
    return found


@pytest.mark.browser
def test_a_browser_session_runs_chromium_in_the_jail() -> None:
    async def inspect() -> tuple[str, set[str], str]:
        async with open_browser(contact="tests@example.org", url_map=BaseUrlMap()) as session:
            spaces = set()
            for pid in _descendants(os.getpid()):
                try:
                    if "chromium" in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace"):
                        spaces.add(os.readlink(f"/proc/{pid}/ns/net"))
                except OSError:
                    continue
            return session.sandbox, spaces, os.readlink("/proc/self/ns/net")

    said, spaces, ours = asyncio.run(inspect())
    assert JAILED in said
    assert spaces and ours not in spaces  # every Chromium process is in another network namespace
