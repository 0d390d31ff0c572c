"""Judging one section in one language: which listed indicators are present, how fresh the section
is, and the deficiencies the Appendix 15 note lists.

* presence — an indicator is present when one of its keywords (kk keywords on kk units, ru on ru)
  is found in the scope it names (``anywhere``: anything a visitor reads; ``section``: the units
  whose title or URL is the section's; ``titles``: titles and URLs only), or one of its URL patterns
  matches, or its detector (``phone``, ``email`` …) fires in that scope. ``if_any`` indicators
  ("при наличии") that are absent are "nothing to post" (``measured.if_any_absent``). The note's
  indicators (state programmes, the Road Map, the green-economy acts: "if the body does not
  implement them, a short message is posted") are "nothing to post" only where that message is
  found next to their words (``measured.not_implementer``); without it they are missing.
* nothing to post counts as present, or is left out of the count (interpretation
  a15-nothing-to-publish: counts-as-present | excluded); share = present ÷ listed (the scorer's
  a15-indicator-share decides what a share earns); ``pass`` when all are present and nothing is
  deficient, ``fail`` when none is, ``partial`` otherwise.
* currency — the freshest dated unit of the section (dates after ``as_of`` are announcements and
  do not count) against the section's ``periodicity_days``; older → ``untimely_update``.
* deficiencies (−0.1 each in the edition): ``incomplete`` (a section page saying it is empty),
  ``outdated_npa`` (an act marked repealed), ``untimely_update``, ``not_authentic`` (a section item
  with no counterpart in the other language, or counterparts of very different size),
  ``no_law_link`` (a law cited with no link in the same paragraph). One deficiency per kind and
  section, its count 1, listing the items (interpretation: the note deducts per deficiency found,
  not per page; a stopped Kazakh news feed is one deficiency, not thirty).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import lxml.html
from lxml import etree

from ashyq.base.artifacts import BodyArtifacts
from ashyq.base.evidence import Deficiency, EvidenceRef
from ashyq.base.text import normalise
from ashyq.base.vocabulary import Lang, Status
from ashyq.checks.completeness.corpus import Unit, in_lang, unmeasurable
from ashyq.checks.completeness.keywords import Indicator, Section, Vocabulary
from ashyq.checks.edition_index import reading
from ashyq.checks.result import Result, not_assessed

PHONE = re.compile(r"(?:\+7|8)[\s(-]*\d{3,4}[\s)-]*\d{2,3}[\s-]*\d{2}[\s-]*\d{2}|(?<!\d)1414(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
ADDRESS = re.compile(
    r"(?<!\w)(?:г\.|ул\.|улица|проспект|пр\.|микрорайон|мкр\.|почтовый адрес|адрес[:,]|"
    r"қ\.|көшесі|даңғылы|мекенжай|шағын аудан)"
)
MAX_EVIDENCE = 12
SIZE_RATIO = 3.0  # counterparts whose texts differ more than this are not one text in two languages
MIN_SIZE = 200


@dataclass
class Verdict:
    present: dict[str, Unit] = field(default_factory=dict)
    absent: list[Indicator] = field(default_factory=list)
    if_any_absent: list[Indicator] = field(default_factory=list)
    # the note's indicators the body says (the short message) it does not implement, with the message
    not_implementer: dict[str, Unit] = field(default_factory=dict)
    unknown: list[tuple[Indicator, str]] = field(default_factory=list)

    def nothing_to_post(self) -> int:
        return len(self.if_any_absent) + len(self.not_implementer)


NOTE_WINDOW = 200  # characters around the indicator's words in which the note's message is looked for


def not_implementer_message(indicator: Indicator, unit: Unit, lang: str, vocabulary: Vocabulary) -> bool:
    """Does ``unit`` say the body does not implement ``indicator`` (the Appendix 15 note's message)?"""
    phrases = vocabulary.not_implementer_phrases.get(lang, ())
    for pattern in indicator.keywords[lang]:
        for found in pattern.finditer(unit.text):
            window = unit.text[max(0, found.start() - NOTE_WINDOW) : found.end() + NOTE_WINDOW]
            if matches(phrases, window):
                return True
    return False


def matches(patterns: Sequence[re.Pattern[str]], text: str) -> re.Match[str] | None:
    for pattern in patterns:
        found = pattern.search(text)
        if found:
            return found
    return None


def in_section(unit: Unit, section: Section, lang: str) -> bool:
    return bool(matches(section.titles[lang], unit.title)) or any(p in unit.tags for p in section.urls)


def _detect(kind: str, unit: Unit, vocabulary: Vocabulary, scope_text: str) -> bool:
    if kind == "phone":
        return bool(PHONE.search(scope_text))
    if kind == "email":
        return bool(EMAIL.search(scope_text))
    if kind == "address":
        return bool(ADDRESS.search(scope_text))
    if kind == "social":
        return any(host in unit.links or host in unit.text for host in vocabulary.social_hosts)
    if kind == "egov_link":
        return "egov.kz" in unit.links or "egov.kz" in unit.text
    return False


def _found_in(indicator: Indicator, unit: Unit, lang: str, vocabulary: Vocabulary) -> bool:
    if indicator.match == "titles":
        text = unit.title
    elif indicator.match == "section":
        text = unit.main or unit.text
    else:
        text = unit.text
    keyword_hit = bool(matches(indicator.keywords[lang], text)) if indicator.keywords[lang] else False
    url_hit = any(p in unit.tags or p in unit.links for p in indicator.urls)
    if indicator.detect:
        detected = _detect(indicator.detect, unit, vocabulary, text)
        return detected and (keyword_hit or url_hit or not (indicator.keywords[lang] or indicator.urls))
    return keyword_hit or url_hit


def find_indicators(
    artifacts: BodyArtifacts, section: Section, units: list[Unit], lang: str, vocabulary: Vocabulary
) -> Verdict:
    verdict = Verdict()
    section_units = [u for u in units if in_section(u, section, lang)]
    for indicator in section.indicators_for(artifacts.kind):
        scope = section_units if indicator.match == "section" else units
        hits = [u for u in scope if _found_in(indicator, u, lang, vocabulary)]
        if indicator.note:
            message = next((u for u in hits if not_implementer_message(indicator, u, lang, vocabulary)), None)
            if message is not None:
                verdict.not_implementer[indicator.id] = message
                continue
        if hits:
            verdict.present[indicator.id] = hits[0]
            continue
        why = unmeasurable(artifacts, indicator.needs, lang) if indicator.needs else None
        failed = [
            f
            for f in artifacts.failures
            if any(p in f.url.lower() for p in (*indicator.urls, *section.urls)) and p_lang(f.url, lang)
        ]
        if why is None and failed:
            why = f"{failed[0].reason} on {failed[0].url}"
        if why is not None:
            verdict.unknown.append((indicator, why))
        elif indicator.if_any:
            verdict.if_any_absent.append(indicator)
        else:
            verdict.absent.append(indicator)
    return verdict


def p_lang(url: str, lang: str) -> bool:
    """A failed URL concerns ``lang`` unless it names the other language."""
    other = "ru" if lang == "kk" else "kk"
    return f"lang={other}" not in url and f"/{other}/" not in url


def _deficiency(kind: str, message: str, units: Sequence[Unit], snippet: str | None = None) -> Deficiency:
    first = units[0]
    return Deficiency(
        message=message,
        kind=kind,
        url=first.url,
        selector="main" if first.kind == "page" else None,
        record=first.key if first.kind not in ("page", "mobile") else None,
        evidence=[u.evidence(snippet) for u in units[:MAX_EVIDENCE]],
    )


def currency(
    artifacts: BodyArtifacts, section: Section, section_units: list[Unit]
) -> tuple[dict[str, Any], Unit | None]:
    """The freshest dated unit of the section (not after as_of) and its age against the periodicity."""
    dated = [(d, u) for u in section_units for d in u.dates if d <= artifacts.as_of]
    if not dated:
        return {"freshest": None}, None
    day, unit = max(dated, key=lambda pair: pair[0])
    age = (artifacts.as_of - day).days
    out: dict[str, Any] = {"freshest": day.isoformat(), "age_days": age}
    if section.periodicity_days is not None:
        out["periodicity_days"] = section.periodicity_days
        out["stale"] = age > section.periodicity_days
    return out, unit


def _citations_without_links(unit: Unit, vocabulary: Vocabulary, lang: str) -> str | None:
    """The first law citation in a paragraph of the unit's HTML that has no link, if any."""
    if not unit.html or "<" not in unit.html:
        return None
    try:
        root = lxml.html.fragment_fromstring(unit.html, create_parent="div")
    except (etree.ParserError, ValueError):
        return None
    for block in root.iter("p", "li", "td"):
        text = normalise(block.text_content())
        hit = matches(vocabulary.law_citations[lang], text)
        if hit and not any(a.get("href") for a in block.iter("a")):
            return text[max(0, hit.start() - 40) : hit.end() + 80]
    return None


def content_deficiencies(
    section: Section, section_units: list[Unit], lang: str, vocabulary: Vocabulary
) -> list[Deficiency]:
    out = []
    empty = [u for u in section_units if matches(vocabulary.empty_phrases[lang], u.main)]
    if empty:
        out.append(_deficiency("incomplete", f"{len(empty)} section page(s) say there is nothing to show", empty))
    repealed = [u for u in section_units if matches(vocabulary.repealed_phrases[lang], u.main)]
    if repealed:
        out.append(_deficiency("outdated_npa", f"{len(repealed)} item(s) are acts marked as repealed", repealed))
    unlinked = [(u, s) for u in section_units if (s := _citations_without_links(u, vocabulary, lang))]
    if unlinked:
        out.append(
            _deficiency(
                "no_law_link",
                f"{len(unlinked)} text(s) cite a law without a link to it",
                [u for u, _ in unlinked],
                unlinked[0][1],
            )
        )
    return out


def authenticity(section: Section, units_by_lang: dict[str, list[Unit]], lang: str) -> list[Deficiency]:
    """kk and ru texts not authentic to each other: missing counterparts, or very different sizes."""
    other = "ru" if lang == "kk" else "kk"
    mine = {u.key: u for u in units_by_lang[lang] if in_section(u, section, lang)}
    theirs = {u.key: u for u in units_by_lang[other] if in_section(u, section, other)}
    all_mine = {u.key for u in units_by_lang[lang]}
    if not units_by_lang[lang] or not units_by_lang[other]:
        return []
    out = []
    missing = [u for key, u in theirs.items() if key not in all_mine and u.kind != "contacts"]
    if missing:
        out.append(
            _deficiency(
                "not_authentic", f"{len(missing)} item(s) of the section exist in {other} only, not in {lang}", missing
            )
        )
    # The shorter version is the one that lost content: only it gets the deficiency.
    uneven = [
        u
        for key, u in mine.items()
        if key in theirs
        and u.size >= MIN_SIZE // 4
        and theirs[key].size >= MIN_SIZE
        and theirs[key].size / max(1, u.size) > SIZE_RATIO
    ]
    if uneven:
        out.append(
            _deficiency(
                "not_authentic",
                f"{len(uneven)} item(s) are over {SIZE_RATIO:g} times shorter than their {other} version",
                uneven,
            )
        )
    return out


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
) -> Result:
    """One section in one language. ``stale_share``: what a present but not current section keeps of
    its share (Table 7 rows; the reading website-current decides); None: currency is only a deficiency
    (Appendix 15, deducted by the edition)."""
    item = section.item
    by_lang = {lg: in_lang(units, lg) for lg in ("kk", "ru")}
    mine = by_lang[lang]
    if not mine:
        failures = [f for f in artifacts.failures if p_lang(f.url, lang)]
        reason = f"nothing readable in {lang} was harvested from {source}" + (
            f"; {failures[0].reason} on {failures[0].url}" if failures else ""
        )
        return not_assessed(item, lang, reason)
    section_units = [u for u in mine if in_section(u, section, lang)]
    verdict = find_indicators(artifacts, section, mine, lang, vocabulary)
    if verdict.unknown:
        names = "; ".join(f"{i.id}: {why}" for i, why in verdict.unknown)
        return not_assessed(item, lang, f"could not tell whether these are published: {names}")
    listed = len(section.indicators_for(artifacts.kind))
    # interpretation a15-nothing-to-publish: nothing to post counts as present, or leaves the count
    if reading(artifacts.config, "a15-nothing-to-publish") == "excluded":
        listed -= verdict.nothing_to_post()
        present = len(verdict.present)
    else:
        present = len(verdict.present) + verdict.nothing_to_post()
    share = round(present / listed, 4) if listed else 1.0
    measured: dict[str, Any] = {
        "share": share,
        "present": sorted(verdict.present),
        "absent": [i.id for i in verdict.absent],
        "source": source,
    }
    if verdict.if_any_absent:
        measured["if_any_absent"] = [i.id for i in verdict.if_any_absent]
    if verdict.not_implementer:
        measured["not_implementer"] = sorted(verdict.not_implementer)
    fresh, fresh_unit = currency(artifacts, section, section_units)
    measured.update(fresh)
    deficiencies: list[Deficiency] = []
    if fresh.get("stale") and fresh_unit is not None:
        deficiencies.append(
            _deficiency(
                "untimely_update",
                f"the freshest item is {fresh['age_days']} days old "
                f"(expected at least every {section.periodicity_days} days)",
                [fresh_unit],
            )
        )
        if stale_share is not None and share > 0:
            share = measured["share"] = round(share * stale_share, 4)
    deficiencies += content_deficiencies(section, section_units, lang, vocabulary)
    if check_authenticity:
        deficiencies += authenticity(section, by_lang, lang)
    cited = [*verdict.present.values(), *verdict.not_implementer.values()]
    evidence: list[EvidenceRef] = [u.evidence() for u in cited[:MAX_EVIDENCE]]
    if not evidence:
        anchor = section_units[0] if section_units else mine[0]
        evidence = [anchor.evidence(f"none of {listed} indicators found among {len(mine)} {lang} items")]
    status: Status
    if listed == 0 and not deficiencies:  # every indicator is something the body has nothing of
        status = "pass"
    elif present == 0 or share == 0:
        status = "fail"
    elif present == listed and not deficiencies:
        status = "pass"
    else:
        status = "partial"
    return Result(item, lang, status, measured=measured, deficiencies=deficiencies, evidence=evidence)
