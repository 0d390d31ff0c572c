"""The gettext catalogues (ashyq/reports/locale): every key is translated in ru, kk and en with the
same parameters; the template ashyq.pot is in step with the English catalogue; every key the code
and the templates name (found by Babel's extraction, as ``pybabel extract -F babel.cfg`` finds it)
exists; a key a catalogue lacks raises, never shows itself; Kazakh labels use Kazakh letters."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from jinja2 import Environment

from ashyq.reports.i18n import (
    LANGUAGES,
    LOCALE_DIR,
    Catalogue,
    MissingMessage,
    catalogue,
    format_points,
    format_signed,
    po_path,
    resolve_lang,
    translations,
)

ROOT = Path(__file__).resolve().parents[2]
KAZAKH_ONLY = set("әғқңөұүі")  # һ occurs only in loanwords; no label needs it
# the keywords docs/translation.md gives pybabel: t("key"), catalogue().text(lang, "key"), _("key")
KEYWORDS = {"t": None, "text": (2,), "_": None}
# a message key as the catalogues spell every one: dotted lower-case names («conclusion.total»,
# «deficiency.a14.hidden_at_zoom»); what else extraction reports is no key (Babel 2.19 also reports a function's
# docstring where a parameter is called like a keyword, «text»)
KEY = re.compile(r"^[a-z0-9_]+(?:\.[a-z0-9_-]+)+$")


def test_every_key_is_translated_in_every_language_with_the_same_parameters() -> None:
    messages = catalogue().messages
    assert set(messages) == set(LANGUAGES)
    assert catalogue().problems() == []
    assert set(messages["ru"]) == set(messages["kk"]) == set(messages["en"])
    assert len(messages["ru"]) > 200


def _copy_of_the_catalogues(tmp_path: Path) -> Path:
    shutil.copytree(LOCALE_DIR, tmp_path / "locale")
    return tmp_path / "locale"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_missing_translation_fails_the_check(tmp_path: Path) -> None:
    locale = _copy_of_the_catalogues(tmp_path)
    _edit(po_path("kk", locale), 'msgstr "Мемлекеттік орган"', 'msgstr ""')
    problems = Catalogue.load(locale).problems()
    assert problems == ["kk: 'common.body' is not translated"]
    with pytest.raises(MissingMessage):
        Catalogue.load(locale).text("kk", "common.body")


def test_a_missing_key_a_fuzzy_guess_another_parameter_and_a_stray_percent_fail_the_check(tmp_path: Path) -> None:
    locale = _copy_of_the_catalogues(tmp_path)
    _edit(po_path("ru", locale), 'msgid "common.body"', 'msgid "common.body_gone"')
    fuzzy = '#. Coverage\n#, fuzzy\nmsgid "common.coverage"'
    _edit(po_path("kk", locale), '#. Coverage\nmsgid "common.coverage"', fuzzy)
    _edit(po_path("en", locale), 'msgstr "%(value)s %%"', 'msgstr "%(amount)s %"')
    problems = Catalogue.load(locale).problems()
    assert "ru: no message 'common.body'" in problems
    assert "kk: 'common.coverage' is fuzzy (a guess to be checked)" in problems
    assert any(p.startswith("common.percent: the languages use different parameters") for p in problems)
    assert "en: 'common.percent' has a stray %" in problems


def test_a_malformed_catalogue_is_refused_with_its_file_and_line(tmp_path: Path) -> None:
    locale = _copy_of_the_catalogues(tmp_path)
    _edit(po_path("en", locale), 'msgid "common.body"', 'msgid "common.body"\nmsgtext "State body"')
    with pytest.raises(ValueError, match=r"en/LC_MESSAGES/ashyq\.po: Unknown or misformatted keyword on \d+"):
        Catalogue.load(locale)


def test_the_template_is_in_step_with_the_english_catalogue() -> None:
    """``python scripts/messages.py template`` writes ashyq.pot; a key added to en alone fails here."""
    with (LOCALE_DIR / "ashyq.pot").open("rb") as handle:
        template = {m.id: m for m in read_po(handle) if m.id}
    english = catalogue().messages["en"]
    assert set(template) == set(english)
    for key, message in template.items():
        assert message.string == "" and " ".join(message.auto_comments) == " ".join(english[key].split()), key
    with po_path("kk").open("rb") as handle:  # the translator sees the English text beside the key
        kk = read_po(handle)
    assert " ".join(kk["conclusion.total"].auto_comments) == " ".join(english["conclusion.total"].split())


def test_every_key_the_code_and_the_templates_name_exists() -> None:
    with (ROOT / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    used = {
        message if isinstance(message, str) else message[0]
        for _, _, message, _, _ in extract_from_dir(ROOT, method_map, options_map, keywords=KEYWORDS)
    }
    keys = {k for k in used if KEY.match(k)}
    assert len(keys) > 100
    known = set(catalogue().messages["ru"])
    assert all(KEY.match(k) for k in known)  # every key the catalogues hold is read here
    assert sorted(k for k in keys if k not in known) == []


def test_a_key_no_catalogue_holds_raises_instead_of_showing_itself() -> None:
    with pytest.raises(MissingMessage):
        catalogue().text("kk", "conclusion.no_such_key")
    with pytest.raises(MissingMessage):
        translations("ru").gettext("conclusion.no_such_key")
    with pytest.raises(MissingMessage):
        translations("de")


def test_jinja_templates_read_the_same_catalogue_through_the_i18n_extension() -> None:
    env = Environment(extensions=["jinja2.ext.i18n"], autoescape=True)
    env.install_gettext_translations(translations("kk"), newstyle=True)  # type: ignore[attr-defined]
    page = env.from_string('{{ _("status.pass") }} | {{ _("common.percent", value="<5>") }}').render()
    assert page == f"{catalogue().text('kk', 'status.pass')} | &lt;5&gt; %"
    assert env.from_string("{% trans %}status.fail{% endtrans %}").render() == catalogue().text("kk", "status.fail")


def test_the_language_is_the_one_asked_for_else_the_environment_else_russian(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ASHYQ_LANG", raising=False)
    assert resolve_lang(None) == "ru"
    monkeypatch.setenv("ASHYQ_LANG", "kk")
    assert resolve_lang(None) == "kk"
    assert resolve_lang("en") == "en"
    monkeypatch.setenv("ASHYQ_LANG", "de")
    with pytest.raises(ValueError, match="one of ru, kk, en"):
        resolve_lang(None)


def test_kazakh_labels_are_written_with_kazakh_letters() -> None:
    kk = catalogue().messages["kk"]
    text = " ".join(kk.values())
    assert set(text.lower()) >= KAZAKH_ONLY
    assert "Қорытындылар мен ұсыныстар" in kk["conclusion.recommendations_heading"]


def test_points_use_a_decimal_comma_in_russian_and_kazakh() -> None:
    assert format_points(17.5, "ru") == "17,5"
    assert format_points(17.5, "kk") == "17,5"
    assert format_points(17.5, "en") == "17.5"
    assert format_points(18.0, "kk") == "18"
    assert format_points(-0.0001, "ru") == "0"
    assert format_signed(-3.9, "ru") == "−3,9"
    assert format_signed(1.5, "en") == "+1.5"


def test_points_are_printed_rounded_half_up_as_the_final_is() -> None:
    """A printed row and the printed total are rounded the same way (issue 26, item 13): half up on
    the decimal figure, as the scorer rounds the final, never Python's ties-to-even on the binary value."""
    assert format_points(0.125, "ru") == "0,13"  # round() gives 0,12
    assert format_points(89.995, "ru") == "90"  # round() gives 89,99 (the float is 89.99499…)
    assert format_points(2.675, "en") == "2.68"  # round() gives 2.67
    assert format_points(1.005 + 0.0, "kk") == "1,01"
    assert format_points(-0.125, "en") == "-0.13"
