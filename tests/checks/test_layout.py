"""Keyboard-layout detection: Kazakh typed on a Russian layout or with Latin look-alike letters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from ashyq.checks.keyboard_layout import layout_issues, vocabulary

PROPER_KAZAKH = [
    "Қазақстан Республикасының Еңбек және халықты әлеуметтік қорғау министрлігі",
    "Аумақты абаттандыру қағидаларын бекіту туралы",
    "Жоба азаматтар мен ұйымдар үшін рәсімдерді жеңілдетуге және мерзімдерді қысқартуға бағытталған.",
    "«Әлеуметтік көмек мөлшерін бекіту туралы» қаулыға өзгерістер енгізу туралы",
    "eGov порталы арқылы өтініш беру тәртібі",  # a Latin word beside Kazakh ones is fine
]
KAZAKH_LETTERS = "әғқңөұүһі"
KAZAKH_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя" + KAZAKH_LETTERS


def kinds(text: str, lang: str = "kk") -> set[str]:
    return {issue.kind for issue in layout_issues(text, lang)}


def test_proper_kazakh_is_not_flagged() -> None:
    for text in PROPER_KAZAKH:
        assert layout_issues(text, "kk") == [], text


def test_russian_layout_words_are_flagged_with_the_right_spelling() -> None:
    issues = layout_issues("Казакстан Республикасынын Енбек министрлиги", "kk")
    assert {(i.word, i.expected) for i in issues if i.kind == "russian_layout"} >= {
        ("Казакстан", "қазақстан"), ("Енбек", "еңбек")}  # fmt: skip
    assert "no_kazakh_letters" in kinds("Казакстан Республикасынын Енбек министрлиги")


def test_latin_look_alikes_are_flagged_in_both_languages() -> None:
    seeded = "Aлeумeттiк комeк молшeрiн бeкiту турaлы"  # Latin a, e, i inside Cyrillic words
    assert "lookalike_letters" in kinds(seeded, "kk")
    assert "lookalike_letters" in kinds("Пpоект постановления акимата", "ru")  # Latin p
    assert kinds("Проект постановления акимата области", "ru") == set()


def test_russian_text_in_the_kazakh_version_is_flagged() -> None:
    assert kinds("Об утверждении правил благоустройства территории города Караганды") == {"no_kazakh_letters"}


def test_short_kazakh_without_kazakh_letters_is_not_flagged() -> None:
    assert layout_issues("Жоба туралы", "kk") == []


@given(
    st.lists(st.sampled_from(sorted(vocabulary().wrong_forms.values())), min_size=1, max_size=12),
    st.lists(st.sampled_from(["туралы", "жоба", "мен", "бар", "жыл", "орган"]), max_size=6),
)
def test_text_of_correctly_spelt_kazakh_words_is_never_flagged(words: list[str], plain: list[str]) -> None:
    text = " ".join(words + plain)
    assert layout_issues(text, "kk") == [], text


@given(
    st.lists(
        st.tuples(
            st.text(alphabet=KAZAKH_ALPHABET, max_size=8),
            st.sampled_from(KAZAKH_LETTERS),
            st.text(alphabet=KAZAKH_ALPHABET, max_size=8),
        ),
        min_size=1,
        max_size=15,
    ),
    st.sampled_from([" ", ", ", " — ", ". "]),
)
def test_cyrillic_words_with_kazakh_letters_are_never_flagged(parts: list[tuple[str, str, str]], sep: str) -> None:
    text = sep.join(a + letter + b for a, letter, b in parts)
    assert layout_issues(text, "kk") == [], text
    assert layout_issues(text.upper(), "kk") == [], text
