"""The nightly command line the queue and resume tests run: the harvest that needs no browser (the
rendered gov.kz pages and the portals are left out), on the replica world."""

from __future__ import annotations

import json
from pathlib import Path

from ashyq.config import CONFIG_DIR
from ashyq.replica.core import World


def nightly_args(registry: Path, out: Path, db: str, urls: dict[str, str], world: World) -> list[str]:
    return [
        "nightly",
        "--registry",
        str(registry),
        "--out",
        str(out),
        "--db",
        db,
        "--replica-map",
        json.dumps(urls),
        "--as-of",
        world.as_of.isoformat(),
        "--crawl-config",
        str(CONFIG_DIR / "crawl-assessor.yaml"),
        "--no-browser",
        # the harvest that needs no browser (the rendered gov.kz pages and the portals are left out)
        "--spider",
        "site",
        "--spider",
        "govkz",
    ]
