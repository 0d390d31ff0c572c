"""Appendix 16: an indicator a phone shows only in part, the rest hidden at phone width.

The mobile version is scored on what a phone shows (:mod:`ashyq.checks.mobile.version`): a responsive page's
content its style sheets hide at phone width is taken out before reading (:func:`.corpus.phone_hidden_out`), so
an indicator given only there is absent. An indicator a phone still finds may have lost a part the same way: the
units and the subordinate organisations of Appendix 16's 1.1 indicator 5 («Перечень структурных подразделений
государственного органа и его подведомственных организаций …»), the departments' table shown and the
subordinate organisations' hidden. Where a piece of content the phone's view took out of a section page names
an indicator the phone shows (its own words), the phone gives that indicator in part: «неполнота
представленной информации», one deficiency per indicator, citing the hidden text. Desktop pages hide nothing,
so Appendix 15 and Table 7 are unchanged.

An indicator of several holders' contacts (the heads' «контактные данные», a list «с контактами») is read on the page
it was found on: where that page's full text gives phones or e-mails its phone view does not show at all (a table's
contact columns, a person's contact box the style sheet hides below a width), the phone gives the indicator without
them, in part (the same deficiency). A contact the phone still shows elsewhere on the page (a desktop duplicate) loses
nothing; a hidden piece naming another indicator of the section (the subordinate organisations' table under its
heading) is that indicator's, not this one's; the body's own phone or e-mail (one of them is the indicator) is not
read so: others' hidden phones take none of it away.

A page whose phone view hides the control that opens the rest of a block («Толығырақ», «Показать полностью»: a template
that clamps long blocks and shows the button only on wider screens) may show a phone only the block's top, or may
show the whole block at phone width with no need of the button: which one, the page's text cannot tell. An indicator
found there is counted as the phone shows it and the verdict is uncertain, asking an assessor to look on a phone
(:func:`unopened`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ashyq.base.evidence import Deficiency
from ashyq.base.wording import Said
from ashyq.checks.completeness.corpus import Unit
from ashyq.checks.completeness.deficiencies import deficiency
from ashyq.checks.completeness.keywords import Indicator
from ashyq.checks.completeness.places import EMAIL, PHONE, matches
from ashyq.checks.completeness.readings import Doubt
from ashyq.checks.completeness.search import Verdict

QUOTED = 120  # characters of the hidden text quoted in the deficiency
# the label of a control that opens the rest of a clamped block (normalised; Kazakh folded), the whole hidden piece
SHOW_MORE = re.compile(
    r"^\W*(?:толыгырак|толык (?:корсету|оку|ашу)|толыгымен (?:корсету|оку)|тагы (?:корсету|оку)|"
    r"ары карай (?:оку|корсету)|подробнее|показать (?:полностью|целиком|больше|ещ[её]|все)|"
    r"развернуть(?: полностью)?|читать (?:далее|полностью|дальше))\W*$"
)
HOLDERS_CONTACTS = "contact"  # the detector of several holders' contacts («контактные данные руководства»)


def hidden_parts(
    verdict: Verdict, indicators: Sequence[Indicator], section_units: Sequence[Unit], lang: str
) -> list[Deficiency]:
    """One «incomplete» deficiency per indicator shown whose words the content hidden at phone width also names,
    on the section's own pages, or whose holders' contacts its page shows a phone only in part; the indicators a
    phone may not open in full (:func:`unopened`) are added to the verdict's doubts."""
    verdict.doubts += unopened(verdict, indicators)
    out: list[Deficiency] = []
    for indicator in indicators:
        if indicator.id not in verdict.present:
            continue
        if (lost := _lost_contacts(verdict, indicator, indicators, lang)) is not None:
            out.append(lost)
            continue
        if indicator.detect:
            continue
        keywords = indicator.keywords.get(lang, ())
        for unit in section_units:
            hidden = next((text for text in unit.phone_hidden if matches(keywords, text[:QUOTED])), None)
            if hidden is None:
                continue
            out.append(_hidden_part(indicator, unit, hidden))
            break
    return out


def _hidden_part(indicator: Indicator, unit: Unit, hidden: str) -> Deficiency:
    """The deficiency of an indicator a phone shows without the piece hidden on ``unit``, the piece quoted."""
    message = Said(
        f"{indicator.id}: part of it is hidden at phone width on {unit.url} («{hidden[:QUOTED]}»): "
        "the mobile version gives it in part",
        "deficiency.a16.hidden_part",
        indicator=indicator.id,
        url=unit.url,
        hidden=hidden[:QUOTED],
    )
    return deficiency("incomplete", message, [unit], hidden[:QUOTED])


def _lost_contacts(
    verdict: Verdict, indicator: Indicator, indicators: Sequence[Indicator], lang: str
) -> Deficiency | None:
    """An indicator of holders' contacts whose own page, as a phone shows it, lacks phones or e-mails the full page
    gives."""
    if not (indicator.detect == HOLDERS_CONTACTS or indicator.with_contacts):
        return None
    hit = verdict.hits.get(indicator.id)
    if hit is None:
        return None
    unit = hit.unit
    others = [i.keywords.get(lang, ()) for i in indicators if i.id != indicator.id and i.keywords.get(lang)]
    for text in unit.phone_hidden:
        if any(matches(keywords, text) for keywords in others):
            continue
        lost = [m.group(0) for pattern in (PHONE, EMAIL) for m in pattern.finditer(text) if m.group(0) not in unit.text]
        if lost:
            return _hidden_part(indicator, unit, text)
    return None


def unopened(verdict: Verdict, indicators: Sequence[Indicator]) -> list[Doubt]:
    """A doubt for each indicator shown on a page whose phone view hides a control opening more of a block: the phone
    may not show all of it (the verdict's question; it could only add a deficiency)."""
    out: list[Doubt] = []
    for indicator in indicators:
        hit = verdict.hits.get(indicator.id)
        if indicator.id not in verdict.present or hit is None:
            continue
        control = next((text for text in hit.unit.phone_hidden if SHOW_MORE.match(text)), None)
        if control is None:
            continue
        detail = (
            f"{indicator.id}: {hit.cite()} hides at phone width the control «{control}» that opens more of a block: "
            "counted as shown; look on a phone whether the block shows in full there (else the mobile version gives it "
            "in part, неполнота)"
        )
        out.append(Doubt(indicator.id, "other_reading", hit.unit, control, detail, if_passed=True))
    return out
