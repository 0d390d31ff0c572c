"""Debian's Chromium as every part of the project launches it (harvest render, browser checks,
report tests): one place for the binary, the flags and the user agent.

The flags keep Chromium off the network except for the pages asked for (no component updates, no
sync, no background requests: on a closed network they fail loudly) and let it run as root in a
container. ``playwright install`` cannot download a browser here, so the Debian binary is used.
"""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]
# A visitor's browser (the version Debian ships), not "HeadlessChrome", which government firewalls may block.
DESKTOP_USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36"
)
