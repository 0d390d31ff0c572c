"""Every message key exists in ru, kk and en with the same parameters; every key the code and the
templates use exists; Kazakh labels use Kazakh letters."""

from __future__ import annotations

import re
from pathlib import Path

from ashyq.reports.i18n import LANGUAGES, Catalogue, catalogue, format_points, format_signed

REPORTS = Path(__file__).resolve().parents[2] / "ashyq" / "reports"
KEY_IN_TEMPLATE = re.compile(r"""\bt\(\s*["']([a-z_]+\.[a-z_.]+)["']""")
KEY_IN_CODE = re.compile(r"""\bt\(\s*f?["']([a-z_]+\.[a-z_]+)["']|text\(\s*\w+,\s*["']([a-z_]+\.[a-z_]+)["']""")
KAZAKH_ONLY = set("әғқңөұүі")  # һ occurs only in loanwords; no label needs it


def test_every_key_exists_in_every_language_with_the_same_parameters() -> None:
    messages = catalogue().messages
    assert set(messages) == set(LANGUAGES)
    assert catalogue().problems() == []
    assert set(messages["ru"]) == set(messages["kk"]) == set(messages["en"])


def test_problems_are_reported_for_a_missing_key_and_a_different_parameter() -> None:
    broken = Catalogue({"ru": {"a": "{x}", "b": "b"}, "kk": {"a": "{y}"}, "en": {"a": "{x}", "b": "b"}})
    problems = broken.problems()
    assert "kk: no message 'b'" in problems
    assert any(p.startswith("a: the languages use different parameters") for p in problems)


def test_every_key_used_by_templates_and_code_exists() -> None:
    used: set[str] = set()
    for template in (REPORTS / "templates").glob("*.j2"):
        used |= set(KEY_IN_TEMPLATE.findall(template.read_text(encoding="utf-8")))
    for module in REPORTS.glob("*.py"):
        for a, b in KEY_IN_CODE.findall(module.read_text(encoding="utf-8")):
            key = a or b
            if "{" not in key:
                used.add(key)
    assert len(used) > 60
    missing = sorted(k for k in used if k not in catalogue().messages["ru"] and not k.endswith("."))
    assert missing == []


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
