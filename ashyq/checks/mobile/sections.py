"""Appendix 16 (2017 edition): the sections of the MOBILE version, per language.

Judged on the pages a phone gets (:func:`ashyq.checks.mobile.version.read_mobile_version`): the
separate mobile version's own pages when the harvest found one, else the responsive site's pages,
else the phone's rendering of the home page. The vocabulary is ``ashyq/config/vocabulary/appendix16.yaml``;
the logic is Appendix 15's (:mod:`ashyq.checks.completeness.judge`), the service memo (Table 1 row 1.2
and Table 2 row 1.3, indicator 3 «Памятка о получении государственной услуги», parts 3.1 to 3.6) read
per service on the services' own pages or their blocks of the list (``memos.memos_of``): a memo
lacking a part, or a listed service without one, is incomplete information (the note's deduction). A
listed page that only asks the reader to sign in (a register behind an eGov sign-in) cannot be read from
outside: no deduction, and the verdict is uncertain, asking an assessor to look at it (``behind_sign_in``).

A language the separate mobile version does not offer is a *failed* section for that language (the
appendix scores per language what a phone user finds; there is nothing), unless fetching the
version failed in that language. A site whose phone view is the full fixed layout and that has no
mobile version anywhere fails every section. With no mobile rendering at all the sections are
``not_assessed``. A16-k and A16-2 (the coefficient and the link back) are :mod:`.coefficient`'s.
"""

from __future__ import annotations

from ashyq.base.artifacts import BodyArtifacts
from ashyq.base.evidence import Deficiency
from ashyq.base.vocabulary import Lang
from ashyq.base.wording import Said
from ashyq.checks.completeness.corpus import Unit, in_lang
from ashyq.checks.completeness.judge import assess_section, per_section
from ashyq.checks.completeness.keywords import Section, Vocabulary, load_cached, vocabulary_for
from ashyq.checks.completeness.memos import memos_of
from ashyq.checks.completeness.places import in_section
from ashyq.checks.completeness.search import p_lang
from ashyq.checks.mobile.version import MobileReading, read_mobile_version
from ashyq.checks.registry import register
from ashyq.checks.result import Result, not_assessed

VOCABULARY = "appendix16"
ITEMS = tuple(load_cached(VOCABULARY).sections)
LANG_NAMES = {"kk": "Kazakh", "ru": "Russian"}


@register("a16.mobile_sections", "189", ITEMS, needs=[("measurements:mobile", "pages")], pages_rule="somewhere")
def run(artifacts: BodyArtifacts, items: tuple[str, ...]) -> list[Result]:
    """Appendix 16 rows 1.x (2017), the mobile version's sections the vocabulary lists for the body's kind."""
    vocabulary = vocabulary_for(VOCABULARY, artifacts.config)
    reading = read_mobile_version(artifacts)
    sections = [section for section in vocabulary.sections.values() if artifacts.kind in section.applies_to]
    return per_section(
        artifacts, sections, lambda section, lang: _section(artifacts, section, lang, reading, vocabulary)
    )


def _section(
    artifacts: BodyArtifacts, section: Section, lang: Lang, reading: MobileReading, vocabulary: Vocabulary
) -> Result:
    item = section.item
    listed = [i.id for i in section.indicators_for(artifacts.kind)]
    if reading.how == "unknown":
        return not_assessed(item, lang, reading.reason)
    if reading.how == "none":
        return Result(
            item,
            lang,
            "fail",
            measured={"share": 0.0, "present": [], "absent": listed, "source": reading.source},
            deficiencies=[Deficiency(reading.reason, kind="no_mobile_version", evidence=reading.evidence)],
            evidence=reading.evidence,
            reason=reading.reason,
        )
    mine = [u for u in reading.units if u.lang == lang]
    if not mine and reading.how == "separate":
        failed = [url for url in reading.failures if p_lang(url, lang)]
        if failed:
            return not_assessed(
                item,
                lang,
                Said(
                    f"the mobile version's {lang} pages could not be fetched ({failed[0]} and others)",
                    f"reason.a16.version_not_fetched.{lang}",
                    url=failed[0],
                ),
            )
        offered = ", ".join(reading.langs()) or "no language"
        why = _language_missing(lang, offered)
        return Result(
            item,
            lang,
            "fail",
            measured={"share": 0.0, "present": [], "absent": listed, "source": reading.source, "languages": offered},
            deficiencies=[Deficiency(why, kind="language_missing", evidence=reading.evidence)],
            evidence=reading.evidence,
            reason=why,
        )
    result = assess_section(artifacts, section, reading.units, lang, vocabulary, source=reading.source)
    if result.status != "not_assessed":
        _behind_sign_in(result, artifacts.kind, section, reading.units, lang, vocabulary)
    if result.status == "pass" and result.certainty == "certain" and not reading.rendered:
        _unrendered(result, reading)
    if result.status == "not_assessed" and reading.how != "separate":
        # the judge's reason and the phone reading's, each said in the report's language, joined
        english = f"{result.reason}; {reading.reason}"
        if result.reason_text is None:  # (every reason of the judge has its message: not met)
            result.reason, result.reason_text = english, None
        else:
            joined = Said(
                english, "reason.a16.section_and_reading", section=result.reason_text, reading=reading.reason.wording
            )
            result.reason, result.reason_text = str(joined), joined.wording
    return result


def _behind_sign_in(
    result: Result, kind: str, section: Section, units: list[Unit], lang: Lang, vocabulary: Vocabulary
) -> None:
    """Listed pages of the services section that only ask the reader to sign in: their memos cannot be read
    from outside (not deducted by the judge); said in ``measured.behind_sign_in`` and asked of an assessor."""
    if not any(i.match == "memo" for i in section.indicators_for(kind)):
        return
    mine = in_lang(units, lang)
    listed = [u for u in mine if in_section(u, section, lang)]
    signed = memos_of(section, mine, listed, lang, vocabulary, kind).signed_in
    if not signed:
        return
    result.measured["behind_sign_in"] = [u.url for u in signed]
    if result.certainty == "uncertain":
        return
    first = signed[0]
    result.uncertain(
        "other_reading",
        look_at=first.evidence(first.main[:200]),
        quote=first.main[:200],
        detail=(
            f"{len(signed)} listed page(s) of the services section ask the reader to sign in through eGov "
            f"({first.url}): a memo there cannot be read from outside, so none is counted missing; "
            "an assessor signed in may check whether each service behind it has its memo (3.1-3.6)"
        ),
    )


UNRENDERED_QUESTION = {
    "ru": "Видны ли на телефоне все сведения раздела мобильной версии (приложение 16)? Сайт объявляет, что "
    "подстраивается под экран телефона, но его отображение на телефоне не измерялось: откройте страницы раздела на "
    "телефоне и проверьте, не скрывает ли шаблон их часть (колонки таблиц с телефонами и e-mail, боковые блоки).",
    "kk": "Мобильді нұсқа бөлімінің барлық мәліметтері телефонда көріне ме (16-қосымша)? Сайт телефон экранына "
    "бейімделетінін хабарлайды, бірақ оның телефондағы көрінісі өлшенбеді: бөлім беттерін телефонда ашып, үлгі олардың "
    "бір бөлігін (телефондар мен e-mail бағандарын, бүйірлік блоктарды) жасырмайтынын тексеріңіз.",
}


def _unrendered(result: Result, reading: MobileReading) -> None:
    """A section every indicator of which the full pages give, judged on them by their markup alone (no phone rendering
    was measured, :func:`ashyq.checks.mobile.version.read_mobile_version`): Appendix 16 scores what a phone shows, and a
    responsive template may hide a block or a table's contact columns at phone width, which only a rendering tells.
    The pass stands as the best guess and an assessor is asked to look on a phone. A missing indicator is missing on a
    phone too: a partial or a failed section stays certain."""
    result.uncertain(
        "other_reading",
        look_at=reading.evidence[0] if reading.evidence else None,
        detail=(
            "judged on the site's full pages by their markup (a width=device-width viewport): no phone rendering was "
            "measured, so what the style sheets hide at phone width (a block, a table's contact columns) is not known; "
            "an assessor may look at the section's pages on a phone"
        ),
        question=UNRENDERED_QUESTION,
    )


def _language_missing(lang: Lang, offered: str) -> Said:
    """The separate version lacks ``lang``: a message per language, and per language offered where it
    offers only the other one, so kk and ru name the languages in words."""
    english = (
        f"the separate mobile version has no {LANG_NAMES[lang]} pages (it offers {offered}): "
        f"a phone user reading {LANG_NAMES[lang]} finds none of the section"
    )
    if offered in ("kk", "ru", "no language"):
        return Said(english, f"deficiency.a16.language_missing.{lang}.{offered.replace(' ', '_')}")
    return Said(english, f"deficiency.a16.language_missing.{lang}", offered=offered)
