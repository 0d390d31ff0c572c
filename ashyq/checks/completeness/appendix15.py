"""Appendix 15 (2017 edition): completeness and currency of the website's information.

One result per section (A15-1.1 … A15-1.15, CGO or MIO table as the body's kind says) and language.
The kk result reads only Kazakh pages and records, the ru result only Russian ones; the same
vocabulary (``ashyq/config/vocabulary/appendix15.yaml``) and the same logic decide both
(:mod:`ashyq.checks.completeness.judge`). Pages and gov.kz API records are read together: on gov.kz the
records are the content, on a classic site the pages are. An indicator the table marks "*" («сведения,
которые должны быть размещены в машиночитаемом виде», the notes under tables 1 and 2) offered only as
pictures or scanned PDFs is not shown (:mod:`ashyq.checks.completeness.machine_readable`, reading
a15-machine-readable).
"""

from __future__ import annotations

from ashyq.base.artifacts import BodyArtifacts
from ashyq.base.vocabulary import Lang
from ashyq.checks.completeness.corpus import desktop_units
from ashyq.checks.completeness.judge import assess_section, per_section
from ashyq.checks.completeness.keywords import Section, load_cached, vocabulary_for
from ashyq.checks.registry import register
from ashyq.checks.result import Result

VOCABULARY = "appendix15"
ITEMS = tuple(load_cached(VOCABULARY).sections)


@register("a15.completeness", "196", ITEMS, needs=[("pages", "records:govkz")], pages_rule="somewhere")
def run(artifacts: BodyArtifacts, items: tuple[str, ...]) -> list[Result]:
    """Appendix 15 rows 1.1-1.15 (2017), the sections the vocabulary lists for the body's kind."""
    vocabulary = vocabulary_for(VOCABULARY, artifacts.config)
    units = desktop_units(artifacts)
    sections = [section for section in vocabulary.sections.values() if artifacts.kind in section.applies_to]

    def judge(section: Section, lang: Lang) -> Result:
        return assess_section(artifacts, section, units, lang, vocabulary, source="pages and records")

    return per_section(artifacts, sections, judge, units)
