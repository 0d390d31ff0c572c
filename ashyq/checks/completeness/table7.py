"""Table 7 (2025 edition): the content of the official website, rows 1-6, per language.

Rows 1-5 use the vocabulary ``ashyq/config/vocabulary/table7.yaml`` and the presence/currency logic of
:mod:`ashyq.checks.completeness.judge`: row 1 (contacts) is a share of the listed contact elements found
in the contacts, structure, leadership and reception sections; rows 2-5 are present and current
(``pass``), present but older than the row's periodicity — not "актуальная" — (half of the share, or
nothing: interpretation website-current), or absent (``fail``). Row 4's list of adopted acts is not current either
while it shows as in force an act another act on the site declared void (``current.in_force``; asked: whether
"актуальная" reaches an act left in a list after its repeal is a reading).

Every row asks for the information itself («Наличие актуальной информации …», seed 000, Table 7, lines
1581-1617), so a row is read in the pages' content only: their navigation, header, footer and asides are
taken out before any link, label or address is matched (a menu item «Бюджет» on a news page is not the
budget information; a card of the side column is read where its text holds what the row's element asks, the
reception schedule's days and hours under «График приема граждан»), and a place that holds only its heading and a
placeholder («Информация отсутствует», «Ақпарат дайындалуда», «Раздел в разработке») does not show it: the row is
absent there (``fail``, all of its points: the table has no note deducting less), the placeholder cited in
``measured.placeholder``. A link in the content to a page that was not harvested is taken at its word,
named in ``measured.announced`` and doubted (``label_only``: the label is all that was seen); a menu link never
is: where the section pages of a language could not be harvested (gov.kz page records refused), an absent row is
``not_assessed``. Row 2 asks for the budget information "не отнесенной к информации с ограниченным доступом":
restricted information is left out of what must be published, the row is not exempted by a page that mentions
secrets; a body whose budget information is restricted carries the registry tag ``budget_restricted`` and the
edition exempts it.

Rows 2, 4 and 5 name kinds of information in a phrase («использования средств … бюджета», «нормотворческой
деятельности», «статистические отраслевые данные»); the 2017 Appendix 15 names the same information in its rows 1.6,
1.4 and 1.5, the detailed checklist an assessor substantiates Table 7 with. Each row's indicator names its checklist
indicator (``substantiated_by`` in the vocabulary): where the row's own words find no place, that reading of the same
content shows it (``measured.checklist``). A deduction of these rows (``absence_doubted``) resting on indicators found
nowhere - no place of the row saying its information is to come, none giving it in the other language - stays not
shown and is uncertain: the wording may be what was not recognised.

The table names no form for its data (no «*»): a row's data offered only as pictures or scans (sector statistics as a
scanned PDF or a photographed table) is shown, and the verdict is uncertain, naming the file: the 2017 Appendix 15
marks the same data «*», to be posted in a machine-readable form, and an assessor may read that into the row.

Row 6 is the share of the questions received in the reporting period that were answered in the
platform's "Ask a question" (virtual reception):
``PortalRecord(portal="govkz", kind="vr_question")`` per language, numerator the answered ones,
denominator all asked. No records because the harvest was refused (the browser ticket failed) →
``not_assessed``; a reception that received nothing → ``pass`` with 0 ÷ 0 (the rule gives the maximum).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from ashyq.base.artifacts import BodyArtifacts, PortalRecord
from ashyq.base.evidence import Deficiency
from ashyq.base.period import ReportingPeriod
from ashyq.base.vocabulary import LANGS, Lang, Status
from ashyq.base.wording import Said
from ashyq.base.working_days import parse_portal_day
from ashyq.checks.completeness.corpus import coverage, desktop_units, unmeasurable
from ashyq.checks.completeness.judge import assess_section, per_section
from ashyq.checks.completeness.keywords import Section, load_cached, vocabulary_for
from ashyq.checks.edition_index import reading
from ashyq.checks.registry import register
from ashyq.checks.result import Result, not_assessed

VOCABULARY = "table7"
# what a present but not current row keeps of its share, by the run's reading of website-current
STALE_SHARE = {"stale-half": 0.5, "stale-zero": 0.0}
ITEMS = tuple(load_cached(VOCABULARY).sections)
ANSWERED_STATUSES = frozenset({"answered", "closed", "done", "completed", "resolved"})
NO_QUESTION_RECORDS = Said("no «Ask a question» records were harvested", "reason.t7.no_question_records")


@register("t7.website_content", "153", ITEMS, needs=[("pages", "records:govkz")], pages_rule="somewhere")
def run(artifacts: BodyArtifacts, items: tuple[str, ...]) -> list[Result]:
    """Table 7 rows 1-5: the content of the official website, each row a section of the vocabulary."""
    vocabulary = vocabulary_for(VOCABULARY, artifacts.config)
    units = desktop_units(artifacts)
    # the table asks for no form: an indicator offered only as pictures or scans is shown (and asked about below)
    readings = {**(artifacts.config.get("interpretations") or {}), "a15-machine-readable": "presence-only"}
    shown_as_posted = replace(artifacts, config={**artifacts.config, "interpretations": readings})

    def judge(section: Section, lang: Lang) -> Result:
        result = assess_section(
            shown_as_posted,
            section,
            units,
            lang,
            vocabulary,
            source="pages and records",
            check_authenticity=False,
            stale_share=STALE_SHARE[reading(artifacts.config, "website-current")],
            content_only=True,
            deductions=False,
        )
        return _absence_asked(_asked_of_its_form(result), section, lang)

    return per_section(artifacts, vocabulary.sections.values(), judge, units)


def _absence_asked(result: Result, section: Section, lang: Lang) -> Result:
    """A row naming a kind of information in no fixed words (``absence_doubted``: rows 2, 4, 5) whose deduction rests on
    indicators neither its own words nor the detailed checklist's (``substantiated_by``) found anywhere - no place of
    the row saying its information is to come, none giving it in the other language: counted as not shown, and the
    assessor's to decide."""
    if not section.absence_doubted or result.certainty != "certain" or result.status not in ("fail", "partial"):
        return result
    measured = result.measured
    told = set(measured.get("other_language", {}))
    bare = [i for i in section.indicators if i.id in measured.get("absent", []) and i.id not in told]
    if not bare or measured.get("placeholders"):  # the row's place says its information is to come: measured
        return result
    names = "; ".join(f"«{i.name[lang]}»" for i in bare)
    return result.uncertain(
        "other_reading",
        detail=(
            f"{', '.join(i.id for i in bare)}: not recognised on the {lang} pages, and no place there says it is to "
            f"come or gives it in the other language; {section.item} names a kind of information in no fixed words or "
            f"place, so not finding it may be the wording, not the site: counted as not shown; look on the site for "
            f"{names}"
        ),
    )


def _asked_of_its_form(result: Result) -> Result:
    """A row's data offered only as pictures or scans (``measured.not_machine_readable``): shown, since Table 7
    names no form, and uncertain: the 2017 checklist marks the same data «*» (to be machine-readable), which an
    assessor may read into the row."""
    unread = result.measured.get("not_machine_readable")
    if not unread or result.status == "not_assessed" or result.certainty == "uncertain":
        return result
    key, why = next(iter(unread.items()))
    look_at = next((e for e in result.evidence if (e.snippet or "").startswith(f"{key}:")), None)
    return result.uncertain(
        "other_reading",
        look_at=look_at,
        quote=why[:200],
        detail=(
            f"{key}: {why}; the row asks for the data without naming a form and counts it as shown, but the 2017 "
            "Appendix 15 marks the same data «*» (to be posted in a machine-readable form): an assessor may read "
            "a picture or a scan as not showing it"
        ),
    )


def is_answered(payload: dict[str, Any]) -> bool:
    """The one place that knows the virtual reception's fields (``status``, ``answer``)."""
    status = str(payload.get("status") or "").lower()
    return status in ANSWERED_STATUSES or bool(payload.get("answer"))


@register("t7.ask_a_question", "1", ["T7-6"], needs=["records:govkz"])
def run_questions(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 7 row 6: share of questions answered in the "Ask a question" service of the Unified platform of state
    bodies' websites."""
    results = []
    period = artifacts.reporting_period()
    for lang in LANGS:
        asked = [r for r in artifacts.records if r.portal == "govkz" and r.kind == "vr_question" and r.lang == lang]
        # the questions received in the reporting period (one without a readable date is kept)
        questions = [r for r in asked if _asked_in(r, period, artifacts.as_of)]
        refused = unmeasurable(artifacts, "vr_question", lang)
        failed = [f for f in artifacts.failures if "public-data" in f.url or "vr_question" in (f.detail or "")]
        if refused or (not questions and failed):
            why = refused or f"{failed[0].reason} on {failed[0].url}: {failed[0].detail or ''}".rstrip(": ")
            results.append(
                not_assessed(
                    item,
                    lang,
                    Said(f"the questions could not be harvested: {why}", "reason.t7.questions_not_harvested", why=why),
                )
            )
            continue
        counted = coverage(artifacts, "vr_question", lang)
        if not questions:
            if counted is None:
                results.append(not_assessed(item, lang, NO_QUESTION_RECORDS))
            else:
                results.append(
                    Result(
                        item,
                        lang,
                        "pass",
                        measured={"numerator": 0, "denominator": 0},
                        evidence=[counted.evidence("$.count", "no questions received")],
                    )
                )
            continue
        results.append(_share(item, questions, lang))
    return results


def _asked_in(record: PortalRecord, period: ReportingPeriod, as_of: date) -> bool:
    day = parse_portal_day(record.payload.get("created_at") or record.payload.get("created"))
    return day is None or period.within(day, as_of)


def _share(item: str, questions: list[PortalRecord], lang: Lang) -> Result:
    answered = [q for q in questions if is_answered(q.payload)]
    waiting = [q for q in questions if not is_answered(q.payload)]
    measured = {
        "numerator": len(answered),
        "denominator": len(questions),
        "ratio": round(len(answered) / len(questions), 4),
    }
    evidence = [q.evidence("$.status", str(q.payload.get("status"))) for q in questions[:3]]
    if not waiting:
        return Result(item, lang, "pass", measured=measured, evidence=evidence)
    deficiency = Deficiency(
        message=Said(
            f"{len(waiting)} of {len(questions)} questions have no answer",
            "deficiency.t7.unanswered",
            unanswered=len(waiting),
            asked=len(questions),
        ),
        kind="unanswered",
        count=len(waiting),
        record=waiting[0].external_id,
        url=waiting[0].source_url,
        evidence=[
            q.evidence("$.status", str(q.payload.get("question") or q.payload.get("status"))) for q in waiting[:10]
        ],
    )
    status: Status = "fail" if not answered else "partial"
    return Result(
        item,
        lang,
        status,
        measured=measured,
        deficiencies=[deficiency],
        evidence=evidence,
    )
