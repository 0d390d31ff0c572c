"""What the portal checks (open data, open budget, open NPA, open dialogue) share: the shape of a
portal check (:func:`per_language`: the portal read per language, unmeasurable → not_assessed, else
judged), text matching on the portals' Kazakh and Russian wording, the failures that make a portal
unmeasurable, and the usual shapes of a result (a share of materials that meet a requirement, or
deficiencies only). Their configuration is read
with :func:`ashyq.config.check_settings.check_settings`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol, TypeVar, cast

from ashyq.base.artifacts import BodyArtifacts, FetchFailure, PortalRecord
from ashyq.base.evidence import Deficiency, EvidenceRef
from ashyq.base.text import normalise
from ashyq.base.vocabulary import LANGS, Lang, Status
from ashyq.base.wording import Said
from ashyq.checks.result import Result, not_assessed

EVIDENCE_LIMIT = 12  # records cited as evidence of a pass: enough to look at, not the whole portal


def as_dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def mentions(text: object, keywords: Iterable[str]) -> bool:
    """Whether one of the keywords is in the text (both normalised: case, «ё», spacing, quotes)."""
    value = normalise(text)
    return any(normalise(k) in value for k in keywords)


def keywords_of(entry: dict[str, Any]) -> list[str]:
    """The kk and ru keywords of a vocabulary entry together (titles may be in either language)."""
    return [*entry.get("kk", []), *entry.get("ru", [])]


# ------------------------------------------------------------------------------------ failures
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


def unmeasurable(artifacts: BodyArtifacts, portal: str, content: str, lang: str | None = None) -> Said | None:
    """Why the harvest says ``content`` of ``portal`` could not be measured (for ``lang``), or None."""
    for record in coverage_records(artifacts, portal, content):
        if lang is not None and record.lang not in (lang, None):
            continue
        if record.payload.get("measurable") is False:
            return not_measurable(portal, record)
    return None


def not_measurable(portal: str, record: PortalRecord) -> Said:
    """A coverage record's "could not be measured": the portal, what, and the harvest's reason."""
    content, why = str(record.payload.get("content")), record.payload.get("reason")
    if why:
        return Said(
            f"{portal} {content}: {why}",
            "reason.portal.not_measurable_because",
            portal=portal,
            content=content,
            why=str(why),
        )
    return Said(f"{portal} {content}: not measurable", "reason.portal.not_measurable", portal=portal, content=content)


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


def answered_result(
    item: str,
    lang: str | None,
    answered: int,
    received: int,
    deficiencies: list[Deficiency],
    evidence: list[EvidenceRef],
    **measured: Any,
) -> Result:
    """Users' comments answered ÷ received (the portals' comment rows): with nothing received there is
    nothing to answer, and the ratio is 1 (methodology, part C)."""
    if received == 0:
        figures = {"numerator": 0, "denominator": 0, "share": 1.0, **measured}
        return result(item, lang, "pass", figures, evidence=evidence)
    return share_result(item, lang, answered, received, deficiencies, evidence, **measured)


def deficiency_result(
    item: str, lang: str | None, deficiencies: list[Deficiency], evidence: list[EvidenceRef], **measured: Any
) -> Result:
    """For items whose edition deducts per deficiency (2017 Appendix 12, T2-1): pass without any,
    partial with them — the cap on deductions is the edition's business, not the check's."""
    if not deficiencies:
        return result(item, lang, "pass", dict(measured), evidence=evidence)
    return result(item, lang, "partial", dict(measured), deficiencies, evidence)


class PortalView(Protocol):
    """What a room reads of its portal for one language: the language, and why the portal could not
    be measured in it (None when it could)."""

    @property
    def lang(self) -> str: ...

    @property
    def problem(self) -> str | None: ...


View = TypeVar("View", bound=PortalView)


def per_language(
    artifacts: BodyArtifacts,
    item: str,
    read: Callable[[BodyArtifacts, str], View],
    evaluate: Callable[[View], Result],
    *settled: Callable[[str, View], Result | None],
) -> list[Result]:
    """The portal check's shape, once for the four portals: per language, the portal as ``read``
    has it; unmeasurable → not_assessed with the portal's reason; a result the portal already settles
    (the first of ``settled`` that says one: the body exempt there, nothing to publish) → that result;
    else what ``evaluate`` finds."""
    results = []
    for lang in LANGS:
        portal = read(artifacts, lang)
        if portal.problem:
            results.append(not_assessed(item, lang, portal.problem))
            continue
        said = next((found for rule in settled if (found := rule(item, portal)) is not None), None)
        results.append(said if said is not None else evaluate(portal))
    return results


def cite(records: Iterable[PortalRecord], json_path: str | None = None, field: str = "title") -> list[EvidenceRef]:
    out = []
    for record in records:
        out.append(record.evidence(json_path, str(record.payload.get(field) or record.external_id or "")))
        if len(out) >= EVIDENCE_LIMIT:
            break
    return out
