"""Debian's Chromium as every part of the project launches it (harvest render, browser checks,
report tests): one place for the binary, the flags and the user agent.

The flags keep Chromium off the network except for the pages asked for (no component updates, no
sync, no background requests: on a closed network they fail loudly) and let it run as root in a
container. ``playwright install`` cannot download a browser here, so the Debian binary is used.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM_VARIABLE = "ASHYQ_CHROMIUM"
# Debian's launcher (it reads /etc/chromium.d), then the binary behind it.
KNOWN_PLACES = ("/usr/bin/chromium", "/usr/lib/chromium/chromium")
ON_PATH = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


class ChromiumMissing(RuntimeError):
    """No browser: the browser measurements and the gov.kz render step cannot run."""


def find_chromium() -> str | None:
    """``$ASHYQ_CHROMIUM``, else Debian's Chromium, else one on PATH, else a browser Playwright
    downloaded (``playwright install chromium``), else None."""
    named = os.environ.get(CHROMIUM_VARIABLE)
    if named:
        return named if Path(named).is_file() else None
    for place in KNOWN_PLACES:
        if Path(place).is_file() and os.access(place, os.X_OK):
            return place
    for name in ON_PATH:
        found = shutil.which(name)
        if found:
            return found
    return _playwright_download()


def _playwright_download() -> str | None:
    cache = Path(os.environ.get("PLAYWRIGHT_BROWSERS_PATH") or Path.home() / ".cache" / "ms-playwright")
    found = sorted(cache.glob("chromium-*/chrome-linux*/chrome"), reverse=True)
    return str(found[0]) if found else None


def require_chromium() -> str:
    found = find_chromium()
    if found is not None:
        return found
    named = os.environ.get(CHROMIUM_VARIABLE)
    if named:
        raise ChromiumMissing(f"${CHROMIUM_VARIABLE} names {named}, which is not a file")
    raise ChromiumMissing(
        "no Chromium found: on Debian `apt install chromium`; elsewhere `playwright install chromium`; "
        f"or set ${CHROMIUM_VARIABLE} to the browser's executable"
    )


CHROMIUM = find_chromium() or "/usr/bin/chromium"
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


def browser_user_agent(product: str = DESKTOP_USER_AGENT) -> str:
    """What Chromium sends: the browser (or phone) a visitor uses, then who audits and how to reach
    them — the contact of the operator's ashyq.yaml (commands refuse the real systems without one)."""
    from ashyq import __version__
    from ashyq.config.operator import contact_for

    return f"{product} ashyq-openness-auditor/{__version__} (+{contact_for(replica=True)})"
