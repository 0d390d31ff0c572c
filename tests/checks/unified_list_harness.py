"""The replica world's Unified list as the checks receive it after an import (``config["unified_list"]``),
for tests that build BodyArtifacts without a store."""

from __future__ import annotations

from typing import Any

from ashyq_replica.core import World
from ashyq_replica.portals.content.catalogue import unified_open_data_list


def world_rows(body_id: str, world: World | None = None) -> list[dict[str, Any]] | None:
    entries = unified_open_data_list(world or World()).get(body_id)
    if entries is None:
        return None
    return [
        {"code": e.code, "name": {"kk": e.name.kk, "ru": e.name.ru}, "actualize_type": e.actualize_type,
         "api_uri": e.api_uri}
        for e in entries
    ]  # fmt: skip
