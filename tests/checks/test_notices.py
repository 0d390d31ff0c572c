"""Every empty phrase of ``common.yaml`` is of one kind (:mod:`ashyq.checks.completeness.notices`): a placeholder
announcing content to come, a statement that there is none now, or one of the few whose words tell neither. A
phrase added to ``empty_phrases`` alone would otherwise be read as telling neither, and every page holding it
asked about."""

from __future__ import annotations

import pytest

from ashyq.checks.completeness.keywords import load_cached
from ashyq.checks.completeness.notices import notice_kind
from ashyq.config.loader import kind, read

# the wording that does not tell a placeholder from «there is none»: deducted, and the verdict uncertain
UNCLEAR = {
    "ru": {
        "информация отсутствует",
        "нет данных",
        "сведения отсутствуют",
        "данные отсутствуют",
        "сведений нет",
        "данных нет",
    },
    "kk": {"ақпарат жоқ", "деректер жоқ", "мәлімет жоқ", "мәліметтер жоқ"},
}


def _phrases() -> list[tuple[str, str]]:
    common = read("vocabulary", kind("vocabulary").named("common"), where="common.yaml")
    out = []
    for lang in ("kk", "ru"):
        for phrase in common["empty_phrases"][lang]:
            text = str(phrase)
            if text.startswith("re:"):
                continue
            out.append((lang, text.rstrip("$")))
    return out


@pytest.mark.parametrize(("lang", "phrase"), _phrases())
def test_every_empty_phrase_is_of_one_kind(lang: str, phrase: str) -> None:
    found = notice_kind(phrase, lang, load_cached("appendix15"))
    assert (found == "unclear") == (phrase in UNCLEAR[lang]), (phrase, found)


@pytest.mark.parametrize(
    ("lang", "written", "expected"),
    [
        ("ru", "Информация готовится.", "pending"),
        ("ru", "В настоящее время вакансии отсутствуют.", "none"),
        ("ru", "Плановые проверки не проводились.", "none"),
        ("ru", "Информация отсутствует.", "unclear"),
        ("kk", "Ақпарат дайындалуда.", "pending"),
        ("kk", "Бөлім толықтырылуда", "pending"),
        ("kk", "Бос лауазымдар жоқ.", "none"),
        ("kk", "Жоспарлы тексерулер жүргізілген жоқ.", "none"),
        ("kk", "Ақпарат жоқ.", "unclear"),
    ],
)
def test_a_notice_as_a_page_writes_it(lang: str, written: str, expected: str) -> None:
    assert notice_kind(written, lang, load_cached("appendix15")) == expected
