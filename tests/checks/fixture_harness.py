"""Check fixtures: ``tests/checks/<item>/<case>.yaml`` builds a body's artifacts and states the
expected outcome of that item. The format is documented in ``docs/check-fixtures.md``."""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from ashyq.base.artifacts import (
    BROWSER_MEASUREMENTS,
    PROVIDER_MEASUREMENTS,
    BodyArtifacts,
    DownloadInfo,
    FetchFailure,
    LinkInfo,
    Measurement,
    PageSnapshot,
    PortalRecord,
)
from ashyq.base.period import parse_period
from ashyq.base.strict_files import safe_yaml
from ashyq.checks.inputs import CONFIG_KEYS, PORTAL_HOSTS

ROOT = Path(__file__).parent


@dataclass(frozen=True)
class Case:
    item: str
    name: str
    path: Path
    data: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.item}/{self.name}"

    @property
    def expected(self) -> list[dict[str, Any]]:
        return list(self.data["expect"])


# folders under tests/checks that hold no fixture case: the wording corpus (``ashyq accuracy wording``)
NOT_CASES = frozenset({"wording"})


@functools.cache
def all_cases() -> tuple[Case, ...]:
    """Every fixture case, read once per process (four test modules collect them)."""
    return tuple(
        Case(path.parent.name, path.stem, path, safe_yaml(path.read_text(encoding="utf-8")))
        for path in sorted(ROOT.glob("*/*.yaml"))
        if path.parent.name not in NOT_CASES
    )


def _page(spec: dict[str, Any], base: Path) -> PageSnapshot:
    html = spec.get("html")
    if html is None and "html_file" in spec:
        html = (base / spec["html_file"]).read_text(encoding="utf-8")
    links = tuple(LinkInfo(**link) for link in spec.get("links", []))
    downloads = tuple(DownloadInfo(**d) for d in spec.get("downloads", []))
    known = {
        "url",
        "lang",
        "status",
        "final_url",
        "depth",
        "counterpart_url",
        "title",
        "headers",
        "rendered",
        "source",
        "warc_record_id",
        "screenshots",
    }
    return PageSnapshot(
        html=html or "", links=links, downloads=downloads, **{k: v for k, v in spec.items() if k in known}
    )


def artifacts(case: Case) -> BodyArtifacts:
    d = case.data
    body = d.get("body", {})
    base = case.path.parent
    out = BodyArtifacts(
        body_id=body.get("id", "case"),
        kind=body.get("kind", "cgo"),
        as_of=date.fromisoformat(str(body.get("as_of", "2026-11-20"))),
        site_urls=tuple(body.get("site_urls", ())),
        names=body.get("names", {}),
        pages=[_page(p, base) for p in d.get("pages", [])],
        records=[PortalRecord(**r) for r in d.get("records", [])],
        failures=[FetchFailure(**f) for f in d.get("failures", [])],
        measurements=[Measurement(**m) for m in d.get("measurements", [])],
        declared=d.get("declared", {}),
        config=d.get("config", {}),
        period=parse_period(str(body["period"])) if body.get("period") else None,
    )
    for sub in d.get("subordinates", []):
        out.subordinates.append(artifacts(Case(case.item, case.name, case.path, sub)))
    return out


def without(artifacts: BodyArtifacts, name: str) -> BodyArtifacts:
    """The artifacts with one input (``ashyq.checks.inputs``) taken away, as if it was never harvested."""
    kind, _, rest = name.partition(":")
    if kind == "subordinates":
        return replace(artifacts, subordinates=[without(sub, rest) for sub in artifacts.subordinates])
    if kind == "pages":
        return replace(artifacts, pages=[])
    if kind == "records":
        return replace(artifacts, records=[r for r in artifacts.records if r.portal != rest])
    if kind in ("measurements", "provider"):
        return replace(artifacts, measurements=[m for m in artifacts.measurements if m.kind != rest])
    if kind == "declared":
        return replace(artifacts, declared={})
    if kind == "config":
        return replace(artifacts, config={k: v for k, v in artifacts.config.items() if k != rest})
    raise ValueError(f"unknown input {name!r}")


def every_input() -> list[str]:
    """Every input a check can read."""
    names = ["pages", "declared", *(f"config:{key}" for key in CONFIG_KEYS)]
    names += [f"records:{portal}" for portal in PORTAL_HOSTS]
    names += [f"measurements:{kind}" for kind in BROWSER_MEASUREMENTS]
    names += [f"provider:{kind}" for kind in PROVIDER_MEASUREMENTS]
    return names + [f"subordinates:{name}" for name in names]
