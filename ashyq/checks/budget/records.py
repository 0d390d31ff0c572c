"""budget.egov.kz records as the open-budget checks read them, one language at a time.

Adapters over the harvest's record kinds (``ashyq/crawler/parsers/budget.py``): ``material`` (a document
card: title, ``kind`` where the portal marks it, the ``info`` label/value table, its files and what
the search listed), ``programme`` (a budget-programme card: tabs of label/value fields, the
restricted-information notice), ``file`` (a programme card's file row) and ``comment``. A material's
kind comes from the card when it says, otherwise from its title (``ashyq/config/checks/budget.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ashyq.base.artifacts import BodyArtifacts, FetchFailure, PortalRecord
from ashyq.base.evidence import EvidenceRef
from ashyq.base.text import normalise
from ashyq.base.working_days import parse_portal_day
from ashyq.checks.inputs import PORTAL_HOSTS, failures_on
from ashyq.checks.portals import as_dict, as_list, keywords_of, mentions, unmeasurable
from ashyq.config.check_settings import check_settings

BUDGET_HOST = PORTAL_HOSTS["budget"]
STATEMENTS = ("fs_balance", "fs_results", "fs_cashflow", "fs_net_assets", "fs_note")
NATIONAL_BANK = "national_bank"  # the registry's tag (ashyq/config/body_tags.yaml)
_YEAR = re.compile(r"\b(19|20)\d{2}\b")


def vocabulary() -> dict[str, Any]:
    return check_settings("budget")


@dataclass(frozen=True)
class Material:
    kind: str | None
    title: str
    posted: date | None
    received: date | None
    formed: date | None
    period: int | None
    has_file: bool
    record: PortalRecord


@dataclass(frozen=True)
class DraftFile:
    title: str
    posted: date | None
    planned_from: int | None  # the first year of the planned period in its title («2027–2029»)
    record: PortalRecord


@dataclass(frozen=True)
class Programme:
    budget_id: str
    title: str
    project_fields: list[dict[str, Any]]
    restricted_notice: str | None
    drafts: list[DraftFile]
    record: PortalRecord

    def draft_gaps(self) -> list[str]:
        """Labels of the draft (PROJECT tab) fields left empty; the tab itself when absent."""
        if not self.project_fields:
            return ["the draft tab"]
        return [str(f.get("label") or "?") for f in self.project_fields if not str(f.get("value") or "").strip()]

    def newest_draft(self) -> DraftFile | None:
        dated = [d for d in self.drafts if d.posted is not None]
        return max(dated, key=lambda d: d.posted or date.min) if dated else (self.drafts[0] if self.drafts else None)


@dataclass(frozen=True)
class Comment:
    id: str
    answered: bool
    record: PortalRecord
    posted: date | None = None  # when it was left, if the card says (budget.egov.kz is not known to)


@dataclass
class BudgetPortal:
    lang: str
    materials: list[Material] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    restricted: str | None = None
    restricted_evidence: list[EvidenceRef] = field(default_factory=list)  # where the notice was shown
    problem: str | None = None  # the search itself could not be read
    card_failures: list[FetchFailure] = field(default_factory=list)
    search_url: str | None = None

    def of_kind(self, kind: str) -> list[Material]:
        return [m for m in self.materials if m.kind == kind]

    def newest(self, kind: str) -> Material | None:
        found = self.of_kind(kind)
        return max(found, key=lambda m: (m.period or 0, m.posted or date.min)) if found else None


def material_year(m: Material) -> int | None:
    """The year a material reports on: the card's period, else the first year its title names
    («… за 2025 год», «…, 2025 жыл»); None when neither says."""
    if m.period is not None:
        return m.period
    found = _YEAR.search(m.title)
    return int(found.group(0)) if found else None


def material_kinds(artifacts: BodyArtifacts) -> list[dict[str, Any]]:
    """The names a material is recognised by: for the National Bank its own statement names first
    (Table 2 note *: they may differ once its external audit confirms them), then everyone's."""
    tags = artifacts.config.get("tags") or ()
    own = list(vocabulary()["national_bank_statements"]) if NATIONAL_BANK in tags else []
    return own + list(vocabulary()["material_kinds"])


def material_kind(payload: dict[str, Any], kinds: list[dict[str, Any]]) -> str | None:
    declared = payload.get("kind")
    known = {entry["kind"] for entry in kinds}
    if isinstance(declared, str) and declared in known:
        return declared
    title = " ".join(str(payload.get(k) or "") for k in ("title",)) or str((payload.get("listed") or {}).get("title"))
    for entry in kinds:
        if mentions(title, keywords_of(entry)):
            return str(entry["kind"])
    return None


def _info_day(info: dict[str, Any], role: str) -> date | None:
    labels = {normalise(x) for x in vocabulary()["info_labels"][role]}
    for label, value in info.items():
        if normalise(label).rstrip(":") in labels:
            return parse_portal_day(value)
    return None


def _info_year(info: dict[str, Any]) -> int | None:
    labels = {normalise(x) for x in vocabulary()["info_labels"]["period"]}
    for label, value in info.items():
        if normalise(label).rstrip(":") in labels:
            found = _YEAR.search(str(value))
            return int(found.group(0)) if found else None
    return None


def material(record: PortalRecord, kinds: list[dict[str, Any]]) -> Material:
    p = record.payload
    info = as_dict(p.get("info"))
    files = as_list(p.get("files"))
    listed = as_dict(p.get("listed"))
    posted = _info_day(info, "posted") or next(
        (parse_portal_day(f.get("date")) for f in files if isinstance(f, dict) and f.get("date")), None
    )
    return Material(
        kind=material_kind(p, kinds),
        title=str(p.get("title") or listed.get("title") or ""),
        posted=posted or parse_portal_day(listed.get("date")),
        received=_info_day(info, "received"),
        formed=_info_day(info, "formed"),
        period=_info_year(info),
        has_file=bool(files),
        record=record,
    )


def restricted_text(text: object) -> bool:
    """Is this the notice the portal shows for secret or restricted budget information?"""
    return bool(text) and mentions(text, keywords_of(vocabulary()["restricted_notice"]))


def draft_file(record: PortalRecord) -> DraftFile:
    title = str(record.payload.get("title") or "")
    found = _YEAR.search(title)
    year = int(found.group(0)) if found else None
    return DraftFile(title, parse_portal_day(record.payload.get("date")), year, record)


def budget_portal(artifacts: BodyArtifacts, lang: str) -> BudgetPortal:
    portal = BudgetPortal(lang)
    records = [r for r in artifacts.records if r.portal == "budget" and r.lang in (lang, None)]
    draft_words = keywords_of(vocabulary()["draft_file"])
    kinds = material_kinds(artifacts)
    files: dict[str, list[DraftFile]] = {}
    seen: set[tuple[str, str]] = set()
    for record in records:
        key = (record.kind, record.external_id or record.source_url)
        if key in seen:
            continue
        seen.add(key)
        p = record.payload
        if record.kind == "material":
            portal.materials.append(material(record, kinds))
        elif record.kind == "file" and p.get("programme") and mentions(p.get("title"), draft_words):
            files.setdefault(str(p["programme"]), []).append(draft_file(record))
        elif record.kind == "comment":
            posted = parse_portal_day(p.get("date"))
            portal.comments.append(Comment(str(record.external_id), bool(p.get("answered")), record, posted))
        elif record.kind == "coverage" and p.get("content") == "budget_search" and restricted_text(p.get("reason")):
            portal.restricted = str(p.get("reason"))
            portal.restricted_evidence.append(record.evidence("$.reason", portal.restricted))
    for record in records:
        if record.kind != "programme" or (record.kind, record.external_id or record.source_url) not in seen:
            continue
        p = record.payload
        tabs = as_dict(p.get("tabs"))
        budget_id = str(record.external_id or p.get("url"))
        if any(pr.budget_id == budget_id for pr in portal.programmes):
            continue
        notice = p.get("restricted_notice")
        portal.programmes.append(
            Programme(
                budget_id,
                str(p.get("title") or ""),
                list(tabs.get("PROJECT") or []),
                str(notice) if notice else None,
                files.get(budget_id, []),
                record,
            )
        )
        if restricted_text(notice):
            portal.restricted = portal.restricted or str(notice)
            portal.restricted_evidence.append(record.evidence("$.restricted_notice", str(notice)))
    portal.problem = unmeasurable(artifacts, "budget", "budget_search", lang)
    search_failures = failures_on(artifacts, BUDGET_HOST, ("/application/search",))
    if search_failures and portal.problem is None:
        first = search_failures[0]
        portal.problem = f"budget.egov.kz search not fully fetched: {first.reason} on {first.url}"
    portal.card_failures = failures_on(artifacts, BUDGET_HOST, ("/budgetprogram/", "/application/document"))
    if portal.problem is None and not records:
        portal.problem = "no records from budget.egov.kz for this body"
    for record in records:
        if record.kind == "coverage":
            portal.search_url = record.source_url
    portal.search_url = next((m.record.source_url for m in portal.materials), portal.search_url)
    return portal
