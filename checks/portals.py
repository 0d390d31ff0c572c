"""What the open-data, open-budget and open-NPA checks share: their configuration, text matching
on the portals' Kazakh and Russian wording, the failures that make a portal unmeasurable, and the
usual shapes of a result (a share of materials that meet a requirement, or deficiencies only).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any, cast
from urllib.parse import urlsplit

import yaml

from ashyq.checks.base import (
    BodyArtifacts,
    Deficiency,
    EvidenceRef,
    FetchFailure,
    Lang,
    PortalRecord,
    Result,
    Status,
    not_assessed,
)
from ashyq.config import CONFIG_DIR

CHECKS_CONFIG = CONFIG_DIR / "checks"
_SPACE = re.compile(r"\s+")
EVIDENCE_LIMIT = 12  # records cited as evidence of a pass: enough to look at, not the whole portal


@functools.cache
def config_file(name: str) -> dict[str, Any]:
    """``config/checks/<name>.yaml`` as data (read once)."""
    data: dict[str, Any] = yaml.safe_load((CHECKS_CONFIG / f"{name}.yaml").read_text(encoding="utf-8"))
    return data


def deadlines(artifacts: BodyArtifacts) -> dict[str, Any]:
    """The statutory deadlines, with the body's own overrides (``config["deadlines"]``) on top."""
    merged: dict[str, Any] = {k: dict(v) if isinstance(v, dict) else v for k, v in config_file("deadlines").items()}
    for section, values in (artifacts.config.get("deadlines") or {}).items():
        if isinstance(values, dict) and isinstance(merged.get(section), dict):
            merged[section].update(values)
        else:
            merged[section] = values
    return merged


def as_dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def norm(text: object) -> str:
    """Lower case, «ё» as «е», whitespace collapsed: the form vocabularies are matched in."""
    return _SPACE.sub(" ", str(text or "").replace("\xa0", " ")).strip().lower().replace("ё", "е")


def mentions(text: object, keywords: Iterable[str]) -> bool:
    value = norm(text)
    return any(norm(k) in value for k in keywords)


def keywords_of(entry: dict[str, Any]) -> list[str]:
    """The kk and ru keywords of a vocabulary entry together (titles may be in either language)."""
    return [*entry.get("kk", []), *entry.get("ru", [])]


# ------------------------------------------------------------------------------------ failures
def host_of(url: str) -> str:
    return urlsplit(url).netloc.lower()


def portal_failures(artifacts: BodyArtifacts, host: str, paths: Sequence[str] = ()) -> list[FetchFailure]:
    """Failures on ``host`` (under one of ``paths`` when given); robots.txt itself is not content."""
    out = []
    for failure in artifacts.failures:
        parts = urlsplit(failure.url)
        if parts.netloc.lower() != host or parts.path == "/robots.txt":
            continue
        if paths and not any(parts.path.startswith(p) for p in paths):
            continue
        out.append(failure)
    return out


def failure_reason(failures: Sequence[FetchFailure], what: str) -> str:
    reasons = sorted({f.reason for f in failures})
    sample = failures[0]
    status = f" {sample.status_code}" if sample.status_code else ""
    return f"{what}: {', '.join(reasons)}{status} on {len(failures)} request(s), e.g. {sample.url}"


def failure_evidence(failures: Sequence[FetchFailure]) -> list[EvidenceRef]:
    return [
        EvidenceRef(url=f.url, kind="fetch_failure", snippet=f"{f.reason}: {f.detail or ''}"[:240])
        for f in failures[:3]
    ]


def coverage_records(artifacts: BodyArtifacts, portal: str, content: str | None = None) -> list[PortalRecord]:
    return [
        r
        for r in artifacts.records
        if r.portal == portal
        and r.kind == "coverage"
        and (content is None or r.payload.get("content") in (content, "all"))
    ]


def unmeasurable(artifacts: BodyArtifacts, portal: str, content: str, lang: str | None = None) -> str | None:
    """Why the harvest says ``content`` of ``portal`` could not be measured (for ``lang``), or None."""
    for record in coverage_records(artifacts, portal, content):
        if lang is not None and record.lang not in (lang, None):
            continue
        if record.payload.get("measurable") is False:
            return f"{portal} {record.payload.get('content')}: {record.payload.get('reason') or 'not measurable'}"
    return None


# ------------------------------------------------------------------------------------ results
def result(
    item: str,
    lang: str | None,
    status: str,
    measured: dict[str, Any] | None = None,
    deficiencies: list[Deficiency] | None = None,
    evidence: list[EvidenceRef] | None = None,
    reason: str | None = None,
) -> Result:
    """A Result from plain strings (the languages and statuses here come from fixed tuples)."""
    return Result(
        item, cast(Lang | None, lang), cast(Status, status), measured or {}, deficiencies or [], evidence or [], reason
    )


def share_result(
    item: str,
    lang: str | None,
    good: int,
    total: int,
    deficiencies: list[Deficiency],
    evidence: list[EvidenceRef],
    **measured: Any,
) -> Result:
    """pass when every material meets the requirement, fail when none does, else partial with the
    share (the scorer's rule for presence items without deductions needs ``share``)."""
    figures = {"numerator": good, "denominator": total, **measured}
    if total and good == total:
        return result(item, lang, "pass", {**figures, "share": 1.0}, evidence=evidence)
    if good == 0:
        return result(item, lang, "fail", {**figures, "share": 0.0}, deficiencies, evidence)
    share = round(good / total, 4)
    return result(item, lang, "partial", {**figures, "share": share}, deficiencies, evidence)


def deficiency_result(
    item: str, lang: str | None, deficiencies: list[Deficiency], evidence: list[EvidenceRef], **measured: Any
) -> Result:
    """For items whose edition deducts per deficiency (2017 Appendix 12, T2-1): pass without any,
    partial with them — the cap on deductions is the edition's business, not the check's."""
    if not deficiencies:
        return result(item, lang, "pass", dict(measured), evidence=evidence)
    return result(item, lang, "partial", dict(measured), deficiencies, evidence)


def per_language(
    items: Sequence[str], langs: Sequence[str], reason: str, evidence: Iterable[EvidenceRef] = ()
) -> list[Result]:
    """not_assessed for every item and language, with one reason."""
    cited = list(evidence)
    return [not_assessed(item, lang, reason, cited) for item in items for lang in langs]


def cite(records: Iterable[PortalRecord], json_path: str | None = None, field: str = "title") -> list[EvidenceRef]:
    out = []
    for record in records:
        out.append(record.evidence(json_path, str(record.payload.get(field) or record.external_id or "")))
        if len(out) >= EVIDENCE_LIMIT:
            break
    return out
