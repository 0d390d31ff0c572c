"""The rows of a replica dataset, as ``/api/detailed`` and ``/api/v4`` return them.

Rows are generated on demand from the dataset's own seed, so they never change between calls,
and their dates end at the dataset's last update.
"""

from __future__ import annotations

from datetime import timedelta
from functools import lru_cache
from typing import Any

from ashyq_replica.core import World
from ashyq_replica.portals.content.model import Dataset
from ashyq_replica.portals.content.wording import PLACE_NAMES

CITIES = ("Астана", "Қарағанды", "Қостанай", "Алматы")


def dataset_records(world: World, dataset: Dataset) -> list[dict[str, Any]]:
    return list(_records(world.seed, dataset))


@lru_cache(maxsize=256)
def _records(seed: str, dataset: Dataset) -> tuple[dict[str, Any], ...]:
    rng = World(seed=seed).rng("records", dataset.api_uri, dataset.modified.isoformat())
    rows = []
    for n in range(dataset.record_count):
        values: dict[str, Any] = {
            "id": n + 1,
            "name": f"{rng.choice(PLACE_NAMES)} {n + 1}",
            "address": f"{rng.choice(CITIES)}, {rng.choice(PLACE_NAMES)} көшесі, {rng.randint(1, 140)}",
            "count": rng.randint(0, 5000),
            "date": (dataset.modified - timedelta(days=rng.randint(0, 300))).strftime("%Y-%m-%dT%H:%M:%S"),
            "active": rng.random() < 0.85,
        }
        rows.append({f.name: values[f.name] for f in dataset.fields})
    return tuple(rows)
