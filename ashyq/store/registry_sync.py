"""A synced registry is a proposal, never a silent overwrite: what was found, merged into the current
registry, with the differences (added, removed, renamed, changed) for a person to review.

Merging keeps what people entered: a body found again keeps its registry id, its portal
identifiers, tags and sources; the sync updates its names, category, kind, evaluation, parent,
platform slug and page. A current body the sync no longer finds is proposed for removal when it
came from the platform (``origin`` not ``manual``, or a gov.kz slug); a body entered by hand that is
not on the platform is kept as it is.

Matching a found body to a current one, first hit: the platform's entity id, the slug, the registry
id, the site's address (outside the platform), the Russian name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from ashyq.store.bodies import Body, Registry, consistency_problems
from ashyq.store.entity_rules import normal, site_url

COMPARED = ("category", "kind", "evaluated", "parent")


@dataclass(frozen=True)
class Renamed:
    id: str
    before: dict[str, str | None]
    after: dict[str, str | None]


@dataclass(frozen=True)
class Changed:
    id: str
    fields: dict[str, tuple[Any, Any]]  # field → (before, after)


@dataclass
class RegistryDiff:
    added: list[Body] = field(default_factory=list)
    removed: list[Body] = field(default_factory=list)
    renamed: list[Renamed] = field(default_factory=list)
    changed: list[Changed] = field(default_factory=list)
    kept: list[Body] = field(default_factory=list)  # entered by hand, not on the platform: left alone

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.renamed or self.changed)

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": [b.id for b in self.added],
            "removed": [b.id for b in self.removed],
            "renamed": {r.id: {"before": r.before, "after": r.after} for r in self.renamed},
            "changed": {c.id: {k: {"before": v[0], "after": v[1]} for k, v in c.fields.items()} for c in self.changed},
            "kept": [b.id for b in self.kept],
        }


@dataclass
class Proposal:
    registry: Registry
    diff: RegistryDiff


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def _external_hosts(body: Body) -> set[str]:
    return {_host(u) for u in body.sites if _host(u) not in ("gov.kz",)}


class _Index:
    def __init__(self, bodies: list[Body]) -> None:
        self.free = {b.id: b for b in bodies}

    def take(self, found: Body) -> Body | None:
        tests = (
            lambda b: found.ids.govkz_entity_id is not None and b.ids.govkz_entity_id == found.ids.govkz_entity_id,
            lambda b: found.ids.govkz_slug is not None and b.ids.govkz_slug == found.ids.govkz_slug,
            lambda b: b.id == found.id,
            lambda b: bool(_external_hosts(found) & _external_hosts(b)),
            lambda b: normal(b.names.ru) == normal(found.names.ru),
        )
        for test in tests:
            hit = next((b for b in self.free.values() if test(b)), None)
            if hit is not None:
                return self.free.pop(hit.id)
        return None


def _names(body: Body) -> dict[str, str | None]:
    return {"kk": body.names.kk, "ru": body.names.ru, "en": body.names.en}


def _merged_sites(current: Body, found: Body) -> list[str]:
    """The found address first where the current registry has none outside the platform; the body's
    own sites entered by hand stay (a gov.kz page that moved is replaced)."""
    platform = [u for u in current.sites if _host(u) == "gov.kz"]
    own = [u for u in current.sites if u not in platform]
    new = [u for u in found.sites if site_url(u) not in {site_url(x) for x in own}]
    return own + new if own else new


def propose(current: Registry | None, found: list[Body], name: str) -> Proposal:
    """The proposed registry: ``found`` merged into ``current``, and the differences."""
    existing = list(current.bodies) if current else []
    index = _Index(existing)
    matched: dict[str, Body] = {}  # found id → current body
    diff = RegistryDiff()
    for body in found:
        hit = index.take(body)
        if hit is not None:
            matched[body.id] = hit
    final_id = {f.id: matched[f.id].id if f.id in matched else f.id for f in found}
    used = {b.id for b in matched.values()}
    for f in found:  # a new body must not take the id of a current one left unmatched
        if f.id not in matched and f.id in {b.id for b in existing}:
            n = 2
            while f"{f.id}-{n}" in used or f"{f.id}-{n}" in {b.id for b in existing}:
                n += 1
            final_id[f.id] = f"{f.id}-{n}"
    proposed: dict[str, Body] = {}
    for f in found:
        parent = final_id.get(f.parent) if f.parent else None
        old = matched.get(f.id)
        if old is None:
            body = f.model_copy(update={"id": final_id[f.id], "parent": parent})
            diff.added.append(body)
        else:
            body = old.model_copy(
                update={
                    "names": f.names,
                    "kind": f.kind,
                    "category": f.category,
                    "evaluated": f.evaluated,
                    "parent": parent,
                    "sites": _merged_sites(old, f),
                    "ids": old.ids.model_copy(
                        update={"govkz_slug": f.ids.govkz_slug, "govkz_entity_id": f.ids.govkz_entity_id}
                    ),
                    "origin": f.origin,
                    "sources": list(dict.fromkeys([*old.sources, *f.sources])),
                }
            )
            if _names(old) != _names(body):
                diff.renamed.append(Renamed(body.id, _names(old), _names(body)))
            changes = {k: (getattr(old, k), getattr(body, k)) for k in COMPARED if getattr(old, k) != getattr(body, k)}
            if old.ids.govkz_slug != body.ids.govkz_slug:
                changes["govkz_slug"] = (old.ids.govkz_slug, body.ids.govkz_slug)
            if old.sites != body.sites:
                changes["sites"] = (old.sites, body.sites)
            if changes:
                diff.changed.append(Changed(body.id, changes))
        proposed[body.id] = body
    order = [b.id for b in existing if b.id in proposed] + [b.id for b in diff.added]
    for body in index.free.values():
        if body.origin != "manual" or body.ids.govkz_slug:
            diff.removed.append(body)
        else:
            diff.kept.append(body)
            proposed[body.id] = body
            order.append(body.id)
    gone = {b.id for b in diff.removed}
    bodies = [proposed[i] for i in dict.fromkeys(order)]
    bodies = [b.model_copy(update={"parent": None}) if b.parent in gone else b for b in bodies]
    description = current.description if current else "Bodies of www.gov.kz, proposed by `ashyq bodies sync`."
    return Proposal(Registry(name=name, description=description, bodies=bodies), diff)


def problems_of(proposal: Proposal) -> list[str]:
    return consistency_problems(proposal.registry)


def registry_yaml(registry: Registry, header: str) -> str:
    data = registry.model_dump(mode="json", exclude_defaults=True, exclude_none=True)
    data["bodies"] = [
        {"id": b["id"], "kind": b["kind"], **{k: v for k, v in b.items() if k not in ("id", "kind")}}
        for b in data["bodies"]
    ]
    body = yaml.safe_dump({"name": registry.name, **data}, allow_unicode=True, sort_keys=False, width=120)
    return "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines()) + body


def write_registry(registry: Registry, path: Path, header: str) -> Path:
    """Write atomically (a reader never sees half a registry)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(registry_yaml(registry, header), encoding="utf-8")
    partial.replace(path)
    return path


def diff_lines(diff: RegistryDiff, lang: str = "ru") -> list[str]:
    """The differences as a reviewer reads them, one line each."""

    def label(body: Body) -> str:
        kind = body.kind.upper() if body.kind != "subordinate" else "subordinate"
        status = "evaluated" if body.evaluated else "monitored"
        name = getattr(body.names, lang, None) or body.names.ru
        return f"{body.id} ({body.category or '?'}, {kind}, {status}): {name}"

    lines = [f"+ added    {label(b)}" for b in diff.added]
    lines += [f"- removed  {label(b)}" for b in diff.removed]
    for r in diff.renamed:
        changed = [lang for lang in ("kk", "ru", "en") if r.before.get(lang) != r.after.get(lang)]
        for lang_ in changed:
            lines.append(f"~ renamed  {r.id} [{lang_}]: {r.before.get(lang_) or '—'} → {r.after.get(lang_) or '—'}")
    for c in diff.changed:
        said = "; ".join(f"{k}: {_show(v[0])} → {_show(v[1])}" for k, v in c.fields.items())
        lines.append(f"* changed  {c.id}: {said}")
    if diff.kept:
        lines.append(
            f"= kept     {len(diff.kept)} entered by hand, not on www.gov.kz: {', '.join(b.id for b in diff.kept)}"
        )
    return lines


def _show(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "—"
    return "—" if value is None else str(value)
