"""Judging one section in one language: which listed indicators are present, how current each is,
and the deficiencies the Appendix 15 note lists.

* presence — an indicator is found the way a reader finds it (:mod:`.keywords`, ``match``): by
  page titles, the labels of links, the headings of the content and the content itself, never by a
  menu's word on every page. Its keywords (kk on kk units, ru on ru) in that scope, one of its URL
  patterns, or its detector (``phone``, ``email`` …) in the same block as its keywords. Every found
  indicator is cited in ``measured.found`` (the heading or link and the page); an indicator resting
  on a reading of the text names it (``measured.readings``). The rows give their points «при наличии
  индикаторов»: a place that holds a placeholder instead («Информация готовится», «Ақпарат
  дайындалуда»; not «Вакансий нет», which is the information) does not show it (``measured.placeholders``,
  and its page is not deducted again as incomplete); a heading or title over nothing (no text, link or
  file) does not either, and the verdict is uncertain (``heading_only``); a link's label to a page of the
  body's own site that was not read shows it on its word, uncertain (``label_only``). Table 7 reads
  only the content and takes such a link at its word (``content_only``, ``measured.announced``). A
  date's label («Дата последнего изменения», «Соңғы өзгеріс күні») names no indicator. ``if_any``
  indicators ("при наличии") that are absent are "nothing to post" (``measured.if_any_absent``). The
  note's indicators (state programmes, the Road Map, the green-economy acts: "if the body does not
  implement them, a short message is posted") are "nothing to post" only where that message is found next to their words
  (``measured.not_implementer``); without it they are missing. An absence resting only on not
  recognising wording, where a section page holds material no recognised indicator accounts for and that
  shares the indicator's words, keeps its guess and is uncertain (:mod:`.leftover`; Appendices 15 and 16).
* language — an indicator whose block is written in the other language (a Kazakh heading over a
  Russian text) is not present in this language: ``not_authentic`` (неаутентичность текстов), listed
  in ``measured.other_language``. An item whose counterpart in this language was looked for and is not
  there is not authentic too; an indicator the other language shows and this one's recognition did not
  is said, uncertain (:mod:`.languages`: what is measured and what is not).
* currency — an indicator with ``current`` is stale when its block's freshest date or latest year
  is too old (``untimely_update``, несвоевременное обновление; listed in ``measured.stale``); it
  still counts as shown. Found where no day, year, period, stamp or year-named file dates it, it counts as
  current and the verdict is uncertain (:func:`~ashyq.checks.completeness.places.undated`; a doubt that could
  only add a deficiency, ``if_passed``, leaves a verdict that has one certain). A section with
  ``periodicity_days`` and no indicator-level currency is judged as a whole: its freshest dated unit (dates
  after ``as_of`` are announcements) against it.
* nothing to post counts as present, or is left out of the count (interpretation
  a15-nothing-to-publish: counts-as-present | excluded); share = present (fresh or stale) ÷ listed
  (the scorer's a15-indicator-share decides what a share earns); ``pass`` when all are counted and
  nothing is deficient, ``fail`` when none is, ``partial`` otherwise.
* memos (Appendix 16, public services, indicator 3 «Памятка о получении государственной услуги»,
  3.1-3.6): read per service (:func:`memos_of`), each listed service's own page or its block on the
  list page; a part is shown when a memo names it.
* deficiencies (−0.1 each in the edition): ``incomplete`` (a section page holding a placeholder for
  the section's own information, :mod:`.notices`; a service's memo lacking a part the others give, or a
  listed service with no memo of its own), ``outdated_npa`` (an act marked repealed), ``untimely_update``,
  ``not_authentic`` (an indicator in the other language, a section item whose counterpart was looked
  for and is not there, or counterparts of very different size), ``no_law_link`` (a law cited with no
  link in the same paragraph). One deficiency per kind and section, its count 1, listing the items
  (interpretation: the note deducts per deficiency found, not per page). The page deficiencies are the
  2017 notes' (Appendices 15 and 16): Table 7 has none (``deductions=False``).
* unknown — an indicator is unknown (the section ``not_assessed``) only when the body's own pages
  that would hold it could not be fetched, or its content type was refused; a link check of
  another site failing says nothing about what the body publishes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from ashyq.base.artifacts import BodyArtifacts, FetchFailure
from ashyq.base.evidence import Deficiency, EvidenceRef
from ashyq.base.vocabulary import LANGS, Lang, Status
from ashyq.base.wording import Said
from ashyq.checks.completeness.corpus import Unit, in_lang
from ashyq.checks.completeness.corpus import content_only as content_only_unit
from ashyq.checks.completeness.deficiencies import (
    MAX_EVIDENCE,
    section_deficiencies,
    stale_deficiency,
    untimely_indicators,
)
from ashyq.checks.completeness.departed import departed_of, mark_departed
from ashyq.checks.completeness.hidden_parts import hidden_parts
from ashyq.checks.completeness.keywords import Indicator, Section, Vocabulary
from ashyq.checks.completeness.languages import (
    Elsewhere,
    authenticity,
    elsewhere,
    foreign_pages,
    shadowed_deficiency,
    written_in_the_other,
)
from ashyq.checks.completeness.leftover import unaccounted
from ashyq.checks.completeness.material_doubts import dead_material, other_language_files
from ashyq.checks.completeness.notices import indicator_pages, linked_from, placeholder_only
from ashyq.checks.completeness.places import accounts_kept, in_section
from ashyq.checks.completeness.readings import Doubt
from ashyq.checks.completeness.running_text import template_for
from ashyq.checks.completeness.search import Verdict, find_indicators, p_lang
from ashyq.checks.edition_index import reading
from ashyq.checks.result import Result, not_assessed

PAGES_AND_RECORDS = "pages and records"  # what Appendix 15 and Table 7 read (a source of its own message)
NOTHING_HARVESTED = Said("no pages or gov.kz records were harvested", "reason.a15.nothing_harvested")


def per_section(
    artifacts: BodyArtifacts,
    sections: Iterable[Section],
    judge: Callable[[Section, Lang], Result],
    units: list[Unit] | None = None,
) -> list[Result]:
    """One result per section and language, as ``judge`` finds. Given the desktop ``units``, a body
    with none harvested and no failure recorded is not_assessed in every section."""
    results = []
    for section in sections:
        for lang in LANGS:
            if units is not None and not units and not artifacts.failures:
                results.append(not_assessed(section.item, lang, NOTHING_HARVESTED))
            else:
                results.append(judge(section, lang))
    return results


def nothing_readable(lang: str, source: str, failure: FetchFailure | None) -> Said:
    """Nothing of ``lang`` to read: a message per language (and per source where it is the pages and
    records), with the first fetch failure of that language (its code and address) when there is one."""
    english = f"nothing readable in {lang} was harvested from {source}"
    key = (
        f"reason.a15.nothing_readable.{lang}"
        if source == PAGES_AND_RECORDS
        else f"reason.a15.nothing_readable_from.{lang}"
    )
    named = {} if source == PAGES_AND_RECORDS else {"source": source}
    if failure is None:
        return Said(english, key, **named)
    return Said(
        f"{english}; {failure.reason} on {failure.url}",
        f"{key}.failed",
        failure=failure.reason,
        url=failure.url,
        **named,
    )


def _counted(artifacts: BodyArtifacts, verdict: Verdict, listed: int) -> tuple[int, int, float]:
    """The indicators counted, those present and the share. Interpretation a15-nothing-to-publish:
    nothing to post counts as present, or leaves the count."""
    if reading(artifacts.config, "a15-nothing-to-publish") == "excluded":
        listed -= verdict.nothing_to_post()
        present = len(verdict.present)
    else:
        present = len(verdict.present) + verdict.nothing_to_post()
    return listed, present, (round(present / listed, 4) if listed else 1.0)


def assess_section(
    artifacts: BodyArtifacts,
    section: Section,
    units: list[Unit],
    lang: Lang,
    vocabulary: Vocabulary,
    *,
    source: str,
    check_authenticity: bool = True,
    stale_share: float | None = None,
    content_only: bool = False,
    deductions: bool = True,
) -> Result:
    """One section in one language. ``stale_share``: what a present but not current section keeps of
    its share (Table 7 rows; the reading website-current decides); None: currency is only a deficiency
    (Appendix 15, deducted by the edition). ``content_only`` (Table 7): the pages are read without
    their navigation, header, footer and asides (:func:`~ashyq.checks.completeness.corpus.content_only`),
    and a place holding only a placeholder shows nothing (:func:`placeholder`). ``deductions``: the
    Appendix 15 and 16 notes' deficiencies of the section's pages (incomplete information, outdated acts,
    laws cited without a link); Table 7 has no such note. An indicator the other language shows and this
    one's recognition did not is said (:mod:`.languages`)."""
    item = section.item
    given = units
    if content_only:
        units = [accounts_kept(content_only_unit(u), u, vocabulary) for u in units]
    by_lang = {lg: in_lang(units, lg) for lg in ("kk", "ru")}
    mine = by_lang[lang]
    if not mine:
        failures = [f for f in artifacts.failures if p_lang(f.url, lang)]
        return not_assessed(item, lang, nothing_readable(lang, source, failures[0] if failures else None))
    section_units = [u for u in mine if in_section(u, section, lang)]
    verdict = _verdict_of(artifacts, section, given, mine, lang, vocabulary, content_only)
    if verdict.unknown:
        names = "; ".join(f"{i.id}: {why}" for i, why in verdict.unknown)
        unknown = Said(f"could not tell whether these are published: {names}", "reason.a15.unknown", indicators=names)
        return not_assessed(item, lang, unknown)
    other = "ru" if lang == "kk" else "kk"
    _other_language(artifacts, section, given, by_lang, lang, vocabulary, content_only, verdict)
    repeated = template_for(artifacts, mine, lang)  # the pieces of text most of the language's pages repeat
    foreign_pages(indicators := section.indicators_for(artifacts.kind), verdict, lang, repeated, mine)
    listed, present, share = _counted(artifacts, verdict, len(indicators))
    measured = _measured(verdict, indicators, share, source)
    announced = {key: hit.cite() for key, hit in verdict.hits.items() if hit.announced}
    if content_only and announced:
        # present on the word of a link whose page was not read: said, not hidden
        measured["announced"] = announced
    deficiencies: list[Deficiency] = []
    theirs = (
        _verdict_of(artifacts, section, given, by_lang[other], other, vocabulary, content_only)
        if by_lang[other]
        else None
    )
    acts = ([*mine, *by_lang[other]], vocabulary) if any(i.in_force for i in indicators) else None
    untimely_indicators(artifacts, section, indicators, verdict, theirs, lang, acts, (section_units, by_lang))
    mark_departed(verdict, departed_of(artifacts, given, artifacts.as_of).get(lang, {}), mine)  # a head who has left
    stale = stale_deficiency(artifacts, section, section_units, verdict, indicators, measured)
    if stale is not None:
        deficiencies.append(stale)
        if stale_share is not None and share > 0:
            share = measured["share"] = round(share * stale_share, 4)
    if any(i.match == "memo" for i in indicators):
        measured["memos"] = len(verdict.memos)
    others = [*(u for u in by_lang[other] if in_section(u, section, other)), *linked_from(section_units, mine)]
    pages = (others, indicator_pages(section, section_units, mine, lang), repeated)  # where a repeal may stand; linked
    deficiencies += section_deficiencies(
        section, section_units, lang, vocabulary, verdict, measured, deductions, artifacts.as_of, *pages
    )
    if deductions:  # a phone's view: an indicator shown in part, the rest hidden at phone width (or may be: a doubt)
        deficiencies += hidden_parts(verdict, indicators, section_units, lang)
    written_apart = written_in_the_other(indicators, verdict, section_units, lang, repeated, units)
    if (shadowed := shadowed_deficiency(written_apart, lang)) is not None:
        deficiencies.append(shadowed)
    if check_authenticity and by_lang[other]:
        deficiencies += authenticity(section, by_lang, lang, artifacts)
    evidence = _found_evidence(verdict) or [
        (section_units or mine)[0].evidence(f"none of {listed} indicators found among {len(mine)} {lang} items")
    ]
    status = _status(listed, present, share, deficiencies)
    result = Result(item, lang, status, measured=measured, deficiencies=deficiencies, evidence=evidence)
    return _with_doubts(result, _doubts(verdict, section, indicators, section_units, lang, vocabulary))


def _doubts(
    verdict: Verdict,
    section: Section,
    indicators: tuple[Indicator, ...],
    section_units: list[Unit],
    lang: Lang,
    vocabulary: Vocabulary,
) -> list[Doubt]:
    """The section's doubts: the search's, an absence resting on wording (:mod:`.leftover`), and a file named as
    the other language's, or a link to a missing file, in an indicator's place (:mod:`.material_doubts`)."""
    leftover = unaccounted(verdict, section, section_units, lang, vocabulary)
    files = [*other_language_files(verdict, indicators, lang), *dead_material(verdict, indicators)]
    return [*verdict.doubts, *leftover, *files]


# The verdicts of the last body: a section's other language is read to say what it shows that this one's
# recognition did not, and is judged itself after (one reading each).
_VERDICTS: dict[tuple[int, int, int, str, str, bool], tuple[object, object, object, Verdict]] = {}


def _verdict_of(
    artifacts: BodyArtifacts,
    section: Section,
    given: list[Unit],
    units: list[Unit],
    lang: str,
    vocabulary: Vocabulary,
    content_only: bool,
) -> Verdict:
    """:func:`find_indicators` over ``units`` (the units of ``lang`` among ``given``), read once."""
    key = (id(artifacts), id(given), id(vocabulary), section.item, lang, content_only)
    held = _VERDICTS.get(key)
    if held is not None and held[0] is artifacts and held[1] is given and held[2] is vocabulary:
        return held[3]
    if any(h[0] is not artifacts for h in _VERDICTS.values()):
        _VERDICTS.clear()
    verdict = find_indicators(artifacts, section, units, lang, vocabulary, content_only)
    _VERDICTS[key] = (artifacts, given, vocabulary, verdict)
    return verdict


def _other_language(
    artifacts: BodyArtifacts,
    section: Section,
    given: list[Unit],
    by_lang: dict[str, list[Unit]],
    lang: str,
    vocabulary: Vocabulary,
    content_only: bool,
    verdict: Verdict,
) -> None:
    """The indicators no place of ``lang`` showed (none found: not a placeholder, a heading over nothing or
    the other language's text, which are measured; not found by a pattern, which reads both languages) that
    the other language's pages show: each said as a doubt, and counted as shown where this language's
    counterpart of that page was read and is its twin (:func:`~ashyq.checks.completeness.languages.elsewhere`)."""
    other = "ru" if lang == "kk" else "kk"
    unseen = [
        i
        for i in verdict.absent
        if not i.detect
        and i.id not in verdict.hits
        and i.id not in verdict.placeholders
        and i.id not in verdict.foreign
    ]
    if not unseen or not by_lang[other]:
        return
    theirs = _verdict_of(artifacts, section, given, by_lang[other], other, vocabulary, content_only)
    taken = frozenset((h.unit.url, h.block.heading) for h in verdict.hits.values() if h.rank == 0 and h.block)
    for indicator in unseen:
        hit = theirs.hits.get(indicator.id)
        if hit is None or theirs.present.get(indicator.id) is not hit.unit:
            continue
        seen: Elsewhere | None = elsewhere(indicator, hit, lang, by_lang[lang], artifacts, by_lang[other], taken)
        if seen is None:
            continue
        if seen.counterpart.unit is not None and placeholder_only(seen.counterpart.unit, lang, vocabulary):
            continue  # this language's counterpart says only that the information is to come: not shown (measured)
        if seen.foreign is not None:  # its twin place here is written in the other language: measured
            verdict.absent.remove(indicator)
            verdict.foreign[indicator.id] = seen.foreign
            continue
        doubt = seen.doubt(lang)
        if doubt is not None:
            verdict.doubts.append(doubt)
        if seen.shown and seen.counterpart.unit is not None:
            verdict.absent.remove(indicator)
            verdict.present[indicator.id] = seen.counterpart.unit
            verdict.counterparts[indicator.id] = f"{hit.cite()}; its {lang} counterpart {seen.counterpart.url}"


def _with_doubts(result: Result, doubts: list[Doubt]) -> Result:
    """The verdict marked uncertain where an indicator's evidence admits another reading: the first
    doubt is the question, every one is listed in ``measured.doubts``; a settled reading is noted in
    ``measured.read_as`` and leaves the verdict certain, as does one that could only add a deficiency (``if_passed``)
    to a verdict that is not a pass."""
    settled = [d for d in doubts if d.settled]
    if settled:
        result.measured["read_as"] = {d.indicator: d.detail for d in settled}
    doubts = [d for d in doubts if not d.settled and not (d.if_passed and result.status != "pass")]
    if not doubts:
        return result
    result.measured["doubts"] = {d.indicator: d.detail for d in doubts}
    first = doubts[0]
    detail = "; ".join(d.detail for d in doubts)
    look_at = first.unit.evidence(first.quote[:200])
    return result.uncertain(first.reason, look_at=look_at, quote=first.quote, detail=detail)


def _found_evidence(verdict: Verdict) -> list[EvidenceRef]:
    """Where the indicators were found, then where one was named over a placeholder or nothing, then where
    a "*" indicator was offered only as pictures or scans."""
    evidence = [hit.unit.evidence(hit.how[:200]) for hit in list(verdict.hits.values())[:MAX_EVIDENCE]]
    evidence += [
        hit.unit.evidence(f"{hit.how[:120]}: «{said}»" if said else f"{hit.how[:120]}: nothing under its heading")
        for hit, said in list(verdict.placeholders.values())[: MAX_EVIDENCE - len(evidence)]
    ]
    evidence += [hit.unit.evidence(f"{key}: {why}"[:300]) for key, (hit, why) in verdict.unreadable.items()]
    return evidence


def _status(listed: int, present: int, share: float, deficiencies: list[Deficiency]) -> Status:
    if listed == 0 and not deficiencies:  # every indicator is something the body has nothing of
        return "pass"
    if present == 0 or share == 0:
        return "fail"
    if present == listed and not deficiencies:
        return "pass"
    return "partial"


def _measured(verdict: Verdict, indicators: tuple[Indicator, ...], share: float, source: str) -> dict[str, Any]:
    """What a section's result measures: the share, what is present and absent, where it was found."""
    measured: dict[str, Any] = {
        "share": share,
        "present": sorted(verdict.present),
        "absent": [i.id for i in verdict.absent],
        "source": source,
        "found": {i.id: verdict.hits[i.id].cite() for i in indicators if i.id in verdict.hits},
    }
    if verdict.if_any_absent:
        measured["if_any_absent"] = [i.id for i in verdict.if_any_absent]
    if verdict.not_implementer:
        measured["not_implementer"] = sorted(verdict.not_implementer)
    if verdict.counterparts:  # shown in the other language, counted here on its counterpart page (uncertain)
        measured["counterparts"] = dict(verdict.counterparts)
    if verdict.checklist:  # shown by the detailed checklist's indicator of the same information (substantiated_by)
        measured["checklist"] = dict(verdict.checklist)
    if verdict.foreign:
        measured["other_language"] = {key: hit.cite() for key, hit in verdict.foreign.items()}
        measured["absent"] = [*measured["absent"], *verdict.foreign]
    if verdict.placeholders:
        # what the page says instead of the information, as it writes it ("" for nothing at all)
        measured["placeholder"] = next(iter(verdict.placeholders.values()))[1]
        measured["placeholders"] = {key: f"{hit.cite()}: «{said}»" for key, (hit, said) in verdict.placeholders.items()}
    if verdict.unreadable:  # "*" indicators offered only as pictures or scans (a15-machine-readable)
        measured["not_machine_readable"] = {
            key: f"{hit.cite()}: {why}" for key, (hit, why) in verdict.unreadable.items()
        }
    notes = {i.id: i.reading for i in indicators if i.reading}
    if notes:
        measured["readings"] = notes
    return measured
