"""Shared text helpers: normalisation, Kazakh or Russian by letters, keywords as stems, HTML text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ashyq.base.text import (
    compile_keyword,
    detect_lang,
    find_keyword,
    fold_kazakh,
    html_parts,
    html_to_text,
    normalise,
)


def test_normalise_folds_case_yo_quotes_and_spaces() -> None:
    assert normalise("  Приём\u00a0ГРАЖДАН «Ёлка» — итоги ") == 'прием граждан "елка" - итоги'


@given(st.text())
def test_normalise_is_idempotent(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)


def test_detect_lang() -> None:
    assert detect_lang("Азаматтарды жеке қабылдау кестесі сейсенбі күндері өтеді") == "kk"
    assert detect_lang("График личного приёма граждан руководством ведомства по вторникам") == "ru"
    assert detect_lang("Ok") is None
    # a Russian sentence quoting one Kazakh name stays Russian
    assert detect_lang("Встреча прошла в городе Астана на проспекте Мангилик Ел, в здании «Қазақстан»") == "ru"


def test_keywords_are_stems_and_dollar_ends_a_word() -> None:
    assert find_keyword(normalise("Результаты проверок за 3 квартал"), ["результат проверок"])
    assert compile_keyword("результат проверок").search("результаты проверок")
    assert not compile_keyword("ту$").search("туралы")
    assert compile_keyword("ту$").search("мемлекеттік ту және елтаңба")
    assert compile_keyword("re:\\d{4}").search("2026")
    assert find_keyword("проверка", ["верка"]) is None  # only at the start of a word


def test_html_parts_leave_out_navigation() -> None:
    parts = html_parts(
        "<html><head><title>T</title></head><body><nav><a href='/ru/news'>Новости</a></nav>"
        "<header><img alt='Государственный Герб'></header>"
        "<main><h1>Контакты</h1><ul><li>Адрес</li><li>Телефон</li></ul>"
        "</main><footer>© 2026</footer></body></html>"
    )
    assert parts.title == "Контакты"
    assert parts.main_text == "Контакты Адрес Телефон"
    assert "Новости" in parts.full_text and "Государственный Герб" in parts.full_text
    assert parts.hrefs == ("/ru/news",)
    assert html_to_text("<p>a</p><p>b</p>") == "a b"


def test_kazakh_spellings_fold_to_one() -> None:
    # a Latin i standing for і, an old font's Russian letters, and the proper letters read alike
    assert fold_kazakh("Бiз туралы") == fold_kazakh("Біз туралы") == fold_kazakh("Биз туралы") == "биз туралы"
    assert fold_kazakh("Қаржылық есептілік") == "каржылык есептилик"
    # a Latin i in a Latin word stays Latin
    assert normalise("Wi-Fi в Біз") == "wi-fi в біз"


@given(st.text(alphabet="аiıəі Iб"))
def test_latin_letters_in_cyrillic_fold_once(text: str) -> None:
    assert normalise(normalise(text)) == normalise(text)


def test_kazakh_keywords_take_suffixes_and_voiced_finals() -> None:
    news = compile_keyword("жаңалық", kazakh=True)
    assert news.search(fold_kazakh("Министрліктің жаңалықтары"))
    assert news.search(fold_kazakh("Соңғы жаңалығы"))  # к → г before a vowel suffix
    assert compile_keyword("кітап", kazakh=True).search(fold_kazakh("Кітабы"))  # п → б
    assert compile_keyword("біз туралы", kazakh=True).search(fold_kazakh("БIЗ ТУРАЛЫ"))
    assert not compile_keyword("ту$", kazakh=True).search(fold_kazakh("туралы"))
    # a Russian keyword is not folded: қ is not к there
    assert not compile_keyword("қаржы").search(fold_kazakh("Қаржы"))
