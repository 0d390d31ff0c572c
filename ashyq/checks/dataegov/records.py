"""data.egov.kz records as the open-data checks read them, and the Unified list of open data.

One small adapter per record kind, so the field names of the harvest (``ashyq/crawler/parsers/
dataegov.py``: the catalogue's own JSON objects, ``dataset``; the passport JSON of
``/meta/<apiUri>/<version>``, ``passport``) are read in one place only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from ashyq.base.artifacts import BodyArtifacts, FetchFailure, PortalRecord
from ashyq.base.evidence import EvidenceRef
from ashyq.base.forms import DeclaredReport
from ashyq.base.text import normalise
from ashyq.base.vocabulary import CONFIRMED, CONTRADICTED
from ashyq.base.wording import Said
from ashyq.base.working_days import parse_portal_day
from ashyq.checks.inputs import PORTAL_HOSTS, failures_on
from ashyq.checks.portals import as_dict, unmeasurable

DATA_HOST = PORTAL_HOSTS["data"]
LANG_SUFFIX = {"kk": "Kk", "ru": "Ru"}


# ------------------------------------------------------------------------------ the Unified list
@dataclass(frozen=True)
class UnifiedEntry:
    """One entry of the Unified list: a dataset the body must publish, and how often."""

    code: str
    name: dict[str, str]
    actualize_type: str | None = None
    api_uri: str | None = None
    row: int | None = None  # the row of the imported file, or of the declared report

    def label(self, lang: str) -> str:
        return self.name.get(lang) or self.name.get("ru") or self.code


def unified_entries(artifacts: BodyArtifacts) -> list[UnifiedEntry] | None:
    """The body's rows of the imported Unified list (``config["unified_list"]``); None: none imported."""
    raw = artifacts.config.get("unified_list")
    if raw is None:
        return None
    return [
        UnifiedEntry(str(e["code"]), dict(e.get("name") or {}), e.get("actualize_type"), e.get("api_uri"), e.get("row"))
        for e in raw
    ]


@dataclass(frozen=True)
class RequiredDatasets:
    """What the body must publish, and where that comes from: the imported Unified list, or, without
    one, the datasets the body itself declares as its Unified-list datasets (Appendix 9 Table 1 row 1),
    taken as claims and checked against the catalogue."""

    entries: list[UnifiedEntry]
    source: dict[str, Any]

    @property
    def declared(self) -> bool:
        return self.source.get("kind") == "declared"

    def evidence(self) -> EvidenceRef:
        if self.declared:
            snippet = f"{len(self.entries)} datasets declared as the body's Unified-list datasets"
            return EvidenceRef(
                url=str(self.source["file"]), kind="declared_document", selector=DECLARED_ROWS, snippet=snippet
            )
        listed = self.source["list"]
        return EvidenceRef(
            url=f"unified-list:{listed['source']}",
            kind="declared_document",
            sha256=listed.get("sha256"),
            snippet=f"{len(self.entries)} rows of the Unified list imported {str(listed.get('imported_at'))[:10]}",
        )


DECLARED_ROWS = "Таблица 1, строка 1"
NO_SOURCE = Said(
    "the Unified list of open data is not imported (ashyq open-data import-list) and the body's report "
    "declares no dataset of it (Appendix 9, Table 1 row 1)",
    "reason.dataegov.no_source",
)


def required_datasets(artifacts: BodyArtifacts) -> RequiredDatasets | None:
    """The imported list's rows of the body; without an import, the body's declared claims; else None."""
    imported = unified_entries(artifacts)
    if imported is not None:
        return RequiredDatasets(imported, {"kind": "unified_list", "list": artifacts.config.get("unified_list_source")
                                           or {"source": "configured list"}})  # fmt: skip
    payload = artifacts.declared or {}
    if "report" not in payload:
        return None
    report = DeclaredReport.model_validate(payload["report"])
    rows = [r for r in report.open_data if r.row == "1"]
    if not rows:
        return None
    verification = payload.get("verification") or {}
    verdicts = {(v["form"], v.get("line"), v["field"]): v for v in verification.get("verdicts", [])}
    entries, confirmed, contradicted = [], 0, 0
    for row in rows:
        links = row.links()
        found = [verdicts.get(("open_data", row.line, name)) or {} for name in links]
        confirmed += sum(v.get("verdict") == CONFIRMED for v in found)
        contradicted += sum(v.get("verdict") == CONTRADICTED for v in found)
        uri = next((u for u in map(dataset_index, links.values()) if u), None)
        names = {lang: str(t) for lang, t in (("kk", row.title_kk), ("ru", row.title_ru)) if t}
        entries.append(UnifiedEntry(row.note or uri or f"row {row.line}", names, None, uri, row.line))
    source = {
        "kind": "declared",
        "file": str(payload.get("source") or "declared report"),
        "rows": len(rows),
        "links_confirmed": confirmed,
        "links_contradicted": contradicted,
        "links_verified": "verdicts" in verification,
    }
    return RequiredDatasets(entries, source)


def dataset_index(url: str) -> str | None:
    """The portal index (apiUri) a data.egov.kz link names: ``/meta/<index>/..``,
    ``/datasets/view?index=<index>``, ``/api/v4/<index>/..``."""
    parts = urlsplit(url)
    if (parts.hostname or "").lower() != DATA_HOST:
        return None
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) >= 2 and segments[0] == "meta":
        return segments[1]
    if len(segments) >= 3 and segments[0] == "api" and segments[1].startswith("v"):
        return segments[2]
    query = dict(parse_qsl(parts.query))
    return query.get("index") or None


# ------------------------------------------------------------------------------ catalogue records
@dataclass(frozen=True)
class CatalogueDataset:
    api_uri: str
    names: dict[str, str]
    descriptions: dict[str, str]
    modified: date | None
    actualize_type: str | None
    record: PortalRecord

    def published_in(self, lang: str) -> bool:
        return bool(self.names.get(lang, "").strip())


@dataclass(frozen=True)
class Passport:
    api_uri: str
    version: str | None
    names: dict[str, str]
    descriptions: dict[str, str]
    responsible: dict[str, str]
    fields: dict[str, dict[str, Any]]
    record: PortalRecord
    records_total: int | None = None  # rows of the set, when the harvest counted them


NO_UNIFIED_DATASETS = Said(
    "the Unified list names no dataset of this body (Table 1, note *: the maximum)",
    "reason.dataegov.no_unified_datasets",
)


def no_unified_datasets(artifacts: BodyArtifacts) -> bool:
    """The body is known to hold no dataset of the Unified list (a known, empty list; an unknown
    list is not "none")."""
    entries = unified_entries(artifacts)
    return entries is not None and not entries


def _by_lang(payload: dict[str, Any], stem: str) -> dict[str, str]:
    return {lang: str(payload.get(f"{stem}{suffix}") or "") for lang, suffix in LANG_SUFFIX.items()}


def catalogue_dataset(record: PortalRecord) -> CatalogueDataset:
    p = record.payload
    return CatalogueDataset(
        api_uri=str(p.get("apiUri") or record.external_id or p.get("id")),
        names=_by_lang(p, "name"),
        descriptions=_by_lang(p, "description"),
        modified=parse_portal_day(p.get("modifiedDate")),
        actualize_type=p.get("actualizeType"),
        record=record,
    )


def passport(record: PortalRecord) -> Passport:
    p = record.payload
    responsible = as_dict(p.get("responsible"))
    fullnames = {
        lang: str(p.get(f"fullname{s}") or responsible.get(f"fullname{s}") or "") for lang, s in LANG_SUFFIX.items()
    }
    fields = as_dict(p.get("fields"))
    total = p.get("totalCount") if isinstance(p.get("totalCount"), int) else None
    return Passport(
        api_uri=str(p.get("apiUri") or (record.external_id or "").split("/")[0]),
        version=p.get("_version"),
        names=_by_lang(p, "name"),
        descriptions=_by_lang(p, "description"),
        responsible=fullnames,
        fields={str(k): v for k, v in fields.items() if isinstance(v, dict)},
        record=record,
        records_total=total,
    )


@dataclass
class DataPortal:
    """What the harvest brought from data.egov.kz for one body (languages share the catalogue)."""

    datasets: dict[str, CatalogueDataset] = field(default_factory=dict)
    passports: dict[str, Passport] = field(default_factory=dict)
    catalogue_failures: list[FetchFailure] = field(default_factory=list)
    passport_failures: list[FetchFailure] = field(default_factory=list)
    unmeasurable: Said | None = None
    listed_count: int | None = None  # getdatasetsrecount's totalCount, when recorded

    def missing_from_catalogue(self) -> int:
        return max(0, (self.listed_count or 0) - len(self.datasets))

    def catalogue_url(self) -> str | None:
        for dataset in self.datasets.values():
            return dataset.record.source_url.split("&page=")[0]
        return None


def data_portal(artifacts: BodyArtifacts) -> DataPortal:
    portal = DataPortal()
    for record in artifacts.records:
        if record.portal != "data":
            continue
        if record.kind == "dataset":
            dataset = catalogue_dataset(record)
            portal.datasets.setdefault(dataset.api_uri, dataset)
        elif record.kind == "passport":
            found = passport(record)
            known = portal.passports.get(found.api_uri)
            # keep the newest version's passport (v10 after v9: compare numbers, not strings)
            if known is None or _version_number(found.version) >= _version_number(known.version):
                portal.passports[found.api_uri] = found
        elif record.kind == "coverage" and record.payload.get("content") == "datasets":
            count = record.payload.get("count")
            if isinstance(count, int):
                portal.listed_count = max(portal.listed_count or 0, count)
    portal.catalogue_failures = failures_on(artifacts, DATA_HOST, ("/datasets/getdatasets",))
    portal.passport_failures = failures_on(artifacts, DATA_HOST, ("/meta/",))
    portal.unmeasurable = unmeasurable(artifacts, "data", "datasets")
    return portal


def _version_number(version: str | None) -> int:
    digits = "".join(ch for ch in (version or "") if ch.isdigit())
    return int(digits) if digits else 0


def match_entry(entry: UnifiedEntry, datasets: dict[str, CatalogueDataset]) -> CatalogueDataset | None:
    """The published set that fulfils a list entry: by portal index, else by its name (kk or ru)."""
    if entry.api_uri and entry.api_uri in datasets:
        return datasets[entry.api_uri]
    wanted = {normalise(n) for n in entry.name.values() if n}
    for dataset in datasets.values():
        if wanted & {normalise(n) for n in dataset.names.values() if n}:
            return dataset
    return None
