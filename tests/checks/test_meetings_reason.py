"""A meeting row decided by the body's declaration replaces the result's reason after the result is
built (ashyq/checks/meetings.py): the reason's catalogue message is replaced with it, so a report in
kk or ru says the sentence the finding gives, not the declaration's (or none)."""

from __future__ import annotations

from ashyq.checks.meetings import declaration_decides, measured_or_declared
from ashyq.reports.i18n import catalogue
from tests.checks.fixture_harness import all_cases, artifacts


def test_a_row_decided_by_the_declaration_names_the_message_of_its_reason() -> None:
    case = next(c for c in all_cases() if c.item == "T6-3" and c.name == "pass_declared_when_not_on_the_web")
    results = measured_or_declared(artifacts(case), "T6-3")
    assert {r.lang: r.measured.get("basis") for r in results} == {"kk": "declared", "ru": "declared"}
    for result in results:
        assert result.reason_text is not None
        assert result.reason_text.key == f"reason.meetings.declaration_decides.collegium.{result.lang}"
        assert catalogue().text("en", result.reason_text.key, **result.reason_text.params) == result.reason
    kk = results[0] if results[0].lang == "kk" else results[1]
    assert "онлайн-трансляция" in catalogue().text("kk", kk.reason_text.key)  # type: ignore[union-attr]


def test_a_row_set_otherwise_keeps_its_english_as_a_parameter() -> None:
    said = declaration_decides("press conference", "ru")
    assert said.wording.key == "reason.meetings.declaration_decides.other.ru"
    assert catalogue().text("en", said.wording.key, **said.wording.params) == said
    assert "press conference" in catalogue().text("ru", said.wording.key, **said.wording.params)
