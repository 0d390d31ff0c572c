"""The registry a correct ``ashyq bodies sync`` writes for the replica's platform (its truth: ids,
categories, parents), with the world's own bodies' portal identifiers from the demo registry: what a
monitoring night reads regions and the legalacts/dialog crosswalk from."""

from __future__ import annotations

from pathlib import Path

import yaml
from ashyq_replica.core import World
from ashyq_replica.govkz.entities import truth

from ashyq.store.bodies import load_registry


def write_registry(path: Path) -> Path:
    own = {b.ids.govkz_slug: b for b in load_registry("demo").bodies if b.ids.govkz_slug}
    bodies = []
    for body_id, row in truth(World()).items():
        known = own.get(row["govkz_slug"]) if row["govkz_slug"] else None
        ids = known.ids.model_dump(exclude_none=True) if known else {}
        if row["govkz_slug"]:
            ids["govkz_slug"] = row["govkz_slug"]
        names = {k: v for k, v in row["names"].items() if v}
        bodies.append({"id": body_id, "kind": row["kind"], "names": names, "sites": [row["site"]], "ids": ids,
                       "parent": row["parent"], "category": row["category"], "evaluated": row["evaluated"],
                       "origin": "govkz"})  # fmt: skip
    path.write_text(yaml.safe_dump({"name": "replica-sync", "bodies": bodies}, allow_unicode=True), encoding="utf-8")
    return path
