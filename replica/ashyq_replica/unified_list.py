"""The Unified list of open data as the ministry would publish it for the replica world: one row per
dataset each body must publish (from the world's portal content), naming the body by its Russian
name as the official list does. ``ashyq world unified-list`` writes it as the XLSX/CSV file that
``ashyq open-data import-list`` loads; the demo imports it before auditing.
"""

from __future__ import annotations

from typing import Any

from ashyq_replica.core import World
from ashyq_replica.portals.content.catalogue import unified_open_data_list


def official_rows(world: World) -> list[dict[str, Any]]:
    """Rows in the list's order: body after body, dataset after dataset."""
    rows: list[dict[str, Any]] = []
    for body_id, entries in unified_open_data_list(world).items():
        body = world.body(body_id)
        for entry in entries:
            rows.append(
                {
                    "code": entry.code,
                    "name_kk": entry.name.kk,
                    "name_ru": entry.name.ru,
                    "body": body.names.ru,
                    "actualize_type": entry.actualize_type,
                    "api_uri": entry.api_uri,
                }
            )
    return rows
