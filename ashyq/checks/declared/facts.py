"""From a body's declared report and the verdicts on its links to findings (pure: reads
``BodyArtifacts.declared`` = the declaration's payload ``{"report": …, "verification": {"verdicts": …}}``).

The report is the methodology's source for these items (point 10: "reporting data of the assessed
bodies"); re-verification removes what is untrue. So, per item and language:

* nothing declared for the item → ``not_assessed`` ("not declared");
* the links were never re-verified → ``not_assessed``;
* a row counts for a language when its link in that language is confirmed — or, when the link could
  not be fetched (robots, time-out, anti-bot), as declared: an unreachable page is not an untrue fact;
* a row whose link is contradicted, or which has no link in that language, does not count and is a
  deficiency with the verdict as evidence;
* every row counts → ``pass``; none → ``fail``; some → ``partial`` with ``share``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ashyq.base.artifacts import BodyArtifacts
from ashyq.base.evidence import Deficiency, EvidenceRef
from ashyq.base.forms import FORM_BY_KEY, DeclaredReport
from ashyq.base.text import trim
from ashyq.base.vocabulary import CONFIRMED, CONTRADICTED, LANGS, NOT_VERIFIABLE, Lang
from ashyq.base.wording import Said
from ashyq.checks.result import Result, not_assessed
from ashyq.config.check_settings import check_settings

NOT_DECLARED = Said("not declared in the body's report (Appendix 9)", "reason.declared.not_declared")
NOT_VERIFIED = Said("the declared links have not been re-verified yet (ashyq declare)", "reason.declared.not_verified")


@dataclass
class Declared:
    """The loaded report with its verdicts, as the checks read it."""

    report: DeclaredReport
    verdicts: dict[tuple[str, int | None, str], dict[str, Any]]
    verified: bool
    source: str
    settings: dict[str, Any] = field(default_factory=dict)

    def verdict(self, form: str, row: Any, name: str) -> dict[str, Any] | None:
        return self.verdicts.get((form, getattr(row, "line", None), name))


def declared_of(artifacts: BodyArtifacts) -> Declared | None:
    """The report in ``artifacts.declared``, or None when the body filed none."""
    payload = artifacts.declared or {}
    if "report" not in payload:
        return None
    report = DeclaredReport.model_validate(payload["report"])
    verification = payload.get("verification") or {}
    verdicts = {(v["form"], v.get("line"), v["field"]): v for v in verification.get("verdicts", [])}
    settings = check_settings("declared", artifacts.config)
    return Declared(
        report, verdicts, "verdicts" in verification, str(payload.get("source") or "declared report"), settings
    )


# ------------------------------------------------------------------------------------------- evidence
def verdict_evidence(verdict: dict[str, Any]) -> EvidenceRef:
    ev = verdict.get("evidence") or {}
    return EvidenceRef(
        url=str(ev.get("url") or verdict["url"]),
        kind="page",
        warc_record_id=ev.get("warc_record_id"),
        snippet=trim(str(ev["snippet"])) if ev.get("snippet") else None,
        sha256=ev.get("sha256"),
        evidence_id=ev.get("evidence_id"),
    )


def row_evidence(declared: Declared, form: str, row: Any, snippet: str | None = None) -> EvidenceRef:
    """The report itself as evidence: the file, the sheet and row, what it says."""
    sheet = FORM_BY_KEY[form].sheet_ru
    line = getattr(row, "line", None)
    return EvidenceRef(
        url=declared.source,
        kind="declared_document",
        selector=f"{sheet}!{line}" if line else sheet,
        snippet=trim(snippet or _row_name(row)),
    )


def _row_name(row: Any) -> str:
    for name in ("title_ru", "title_kk", "organisation", "media"):
        value = getattr(row, name, None)
        if value:
            return str(value)
    return ""


# ------------------------------------------------------------------------------------------- support
@dataclass
class Support:
    """Does one row stand for one language? ``ok`` and the evidence, or the deficiency."""

    ok: bool
    unverified: bool = False
    evidence: list[EvidenceRef] = field(default_factory=list)
    deficiency: Deficiency | None = None


def row_support(declared: Declared, form: str, row: Any, lang: str | None, linkless_ok: bool = False) -> Support:
    """Whether ``row`` is supported in ``lang`` by its links (see the module docstring)."""
    name = _row_name(row)
    links = row.links() if hasattr(row, "links") else {}
    candidates = [f"link_{lang}"] if lang else list(links)
    candidates = [c for c in candidates if c in links]
    if lang and not candidates:
        # Another column's page may carry both languages.
        for other in links:
            v = declared.verdict(form, row, other)
            if v and v.get("verdict") == CONFIRMED and lang in (v.get("langs_found") or []):
                return Support(True, evidence=[verdict_evidence(v)])
    if not candidates:
        if not links and (linkless_ok or not lang):
            return Support(True, evidence=[row_evidence(declared, form, row)])
        row_name = trim(name, 120)
        message = (
            Said(f"«{row_name}»: no link in {lang}", f"deficiency.declared.no_link.{lang}", row=row_name)
            if lang
            else Said(f"«{row_name}»: no link", "deficiency.declared.no_link", row=row_name)
        )
        return Support(
            False, deficiency=Deficiency(message, kind="no_link", evidence=[row_evidence(declared, form, row)])
        )
    for candidate in candidates:
        v = declared.verdict(form, row, candidate)
        if v is None:
            return Support(True, unverified=True, evidence=[row_evidence(declared, form, row)])
        if v.get("verdict") == CONTRADICTED:
            reasons = "; ".join(v.get("reasons") or [])
            deficiency = Deficiency(
                Said(
                    f"«{trim(name, 120)}»: {reasons}",
                    "deficiency.declared.untrue_link",
                    row=trim(name, 120),
                    reasons=reasons,
                ),
                kind="untrue_link",
                url=str(v["url"]),
                evidence=[verdict_evidence(v)],
            )
            return Support(False, deficiency=deficiency)
    first = declared.verdict(form, row, candidates[0]) or {}
    unverified = first.get("verdict") == NOT_VERIFIABLE
    return Support(True, unverified=unverified, evidence=[verdict_evidence(first)])


def rows_of(report: DeclaredReport, form: str, numbers: Sequence[str]) -> list[Any]:
    value = getattr(report, form)
    return [r for r in value if not numbers or getattr(r, "row", "") in numbers]


# ------------------------------------------------------------------------------------------- results
def tally(item: str, lang: str | None, supports: Sequence[Support], extra: dict[str, Any] | None = None) -> Result:
    """pass / partial (share) / fail from the rows' support in one language."""
    ok = [s for s in supports if s.ok]
    measured: dict[str, Any] = {"declared": len(supports), "confirmed": len(ok), **(extra or {})}
    measured["unverified"] = sum(1 for s in ok if s.unverified)
    deficiencies = [s.deficiency for s in supports if s.deficiency is not None]
    evidence = [e for s in ok for e in s.evidence]
    if len(ok) == len(supports):
        return Result(item, lang, "pass", measured, [], evidence)  # type: ignore[arg-type]
    if not ok:
        return Result(item, lang, "fail", measured, deficiencies, evidence)  # type: ignore[arg-type]
    measured["share"] = round(len(ok) / len(supports), 4)
    return Result(item, lang, "partial", measured, deficiencies, evidence)  # type: ignore[arg-type]


def presence_results(
    artifacts: BodyArtifacts, item: str, form: str, numbers: Sequence[str], linkless_ok: bool = False
) -> list[Result]:
    """One presence item from the rows ``numbers`` of ``form``, kk and ru."""

    def judge(declared: Declared, lang: Lang) -> Result:
        rows = rows_of(declared.report, form, numbers)
        return tally(item, lang, [row_support(declared, form, r, lang, linkless_ok) for r in rows])

    return declared_results(artifacts, item, form, numbers, judge)


def declared_results(
    artifacts: BodyArtifacts, item: str, form: str, numbers: Sequence[str], judge: Callable[[Declared, Lang], Result]
) -> list[Result]:
    """The declared check's shape: per language, ``not_assessed`` when nothing is declared for the
    item or nothing was verified (:func:`gate_result`), else what ``judge`` finds in the report."""
    declared = declared_of(artifacts)
    out = []
    for lang in LANGS:
        gate = gate_result(declared, item, lang, form, numbers)
        if gate is None:
            assert declared is not None
            gate = judge(declared, lang)
        out.append(gate)
    return out


def gate_result(
    declared: Declared | None, item: str, lang: str | None, form: str, numbers: Sequence[str]
) -> Result | None:
    """``not_assessed`` when nothing is declared for the item or nothing was verified; else None."""
    if declared is None or not rows_of(declared.report, form, numbers):
        return not_assessed(item, lang, NOT_DECLARED)
    if not declared.verified:
        return not_assessed(item, lang, NOT_VERIFIED)
    return None


def each_lang() -> Iterator[str]:
    yield from ("kk", "ru")
