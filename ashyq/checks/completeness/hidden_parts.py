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
"""

from __future__ import annotations

from collections.abc import Sequence

from ashyq.base.evidence import Deficiency
from ashyq.base.wording import Said
from ashyq.checks.completeness.corpus import Unit
from ashyq.checks.completeness.deficiencies import deficiency
from ashyq.checks.completeness.keywords import Indicator
from ashyq.checks.completeness.places import matches
from ashyq.checks.completeness.search import Verdict

QUOTED = 120  # characters of the hidden text quoted in the deficiency


def hidden_parts(
    verdict: Verdict, indicators: Sequence[Indicator], section_units: Sequence[Unit], lang: str
) -> list[Deficiency]:
    """One «incomplete» deficiency per indicator shown whose words the content hidden at phone width also names,
    on the section's own pages."""
    out: list[Deficiency] = []
    for indicator in indicators:
        if indicator.id not in verdict.present or indicator.detect:
            continue
        keywords = indicator.keywords.get(lang, ())
        for unit in section_units:
            hidden = next((text for text in unit.phone_hidden if matches(keywords, text[:QUOTED])), None)
            if hidden is None:
                continue
            message = Said(
                f"{indicator.id}: part of it is hidden at phone width on {unit.url} («{hidden[:QUOTED]}»): "
                "the mobile version gives it in part",
                "deficiency.a16.hidden_part",
                indicator=indicator.id,
                url=unit.url,
                hidden=hidden[:QUOTED],
            )
            out.append(deficiency("incomplete", message, [unit], hidden[:QUOTED]))
            break
    return out
