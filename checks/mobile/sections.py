"""Appendix 16 (2017 edition): the sections of the MOBILE version, per language.

Read only from the mobile rendering: ``mobile`` measurements (viewport ``mobile``) whose
``data["html"]`` is the DOM the browser gather step captured, or else pages of a separate mobile
host (``m.example.gov.kz``). The vocabulary is ``config/vocabulary/appendix16.yaml``; the logic is
Appendix 15's (:mod:`ashyq.checks.completeness.judge`). With no mobile rendering at all the sections
are ``not_assessed`` — the desktop pages are not the mobile version — and the reason says what the
desktop pages alone would show, so a reader knows what is at stake. A16-k and A16-2 (the
coefficient and the link back) belong to the mobile-layout check, not here.
"""

from __future__ import annotations

from ashyq.base.artifacts import BodyArtifacts
from ashyq.base.vocabulary import LANGS
from ashyq.checks.completeness.corpus import desktop_units, mobile_units
from ashyq.checks.completeness.judge import assess_section
from ashyq.checks.completeness.keywords import load_cached, vocabulary_for
from ashyq.checks.registry import register
from ashyq.checks.result import Result, not_assessed

VOCABULARY = "appendix16"
ITEMS = tuple(load_cached(VOCABULARY).sections)


@register(
    "a16.mobile_sections",
    "1",
    ITEMS,
    needs=[("measurements:mobile", "pages")],
)
def run(artifacts: BodyArtifacts) -> list[Result]:
    vocabulary = vocabulary_for(VOCABULARY, artifacts.config)
    units, source = mobile_units(artifacts)
    results = []
    desktop = None if units else desktop_units(artifacts)
    for section in vocabulary.sections.values():
        if artifacts.kind not in section.applies_to:
            continue
        for lang in LANGS:
            if units:
                results.append(assess_section(artifacts, section, units, lang, vocabulary, source=source))
                continue
            reason = "no mobile rendering was captured (no mobile measurements, no mobile-host pages)"
            if desktop:
                fallback = assess_section(artifacts, section, desktop, lang, vocabulary, source="desktop pages")
                share = fallback.measured.get("share")
                if share is not None:
                    reason += f"; the desktop pages alone would give share {share:g} ({fallback.status})"
            results.append(not_assessed(section.item, lang, reason))
    return results
