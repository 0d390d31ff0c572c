"""A mobile section not assessed on the phone's pages says why in two parts, the content judge's
reason and the phone reading's (ashyq/checks/mobile/sections.py): the joined reason names a message
whose parameters are the two parts' own messages, so kk and ru say both in their language."""

from __future__ import annotations

from ashyq.base.wording import Said
from ashyq.checks.completeness.keywords import vocabulary_for
from ashyq.checks.mobile.sections import VOCABULARY, _section
from ashyq.checks.mobile.version import MobileReading
from ashyq.reports.wording import say
from tests.checks.fixture_harness import all_cases, artifacts


def test_a_section_not_assessed_on_the_phones_pages_joins_both_reasons_by_key() -> None:
    case = next(c for c in all_cases() if c.item == "A16-1.1" and c.name == "pass_kk_ru")
    body = artifacts(case)
    vocabulary = vocabulary_for(VOCABULARY, body.config)
    section = next(s for s in vocabulary.sections.values() if s.item == "A16-1.1")
    why = Said("only the phone's rendering of the home page was captured", "reason.a16.reading.home_only")
    reading = MobileReading("home rendering", units=[], source="mobile measurements", reason=why)
    result = _section(body, section, "kk", reading, vocabulary)
    assert result.status == "not_assessed"
    assert result.reason == (
        "nothing readable in kk was harvested from mobile measurements; "
        "only the phone's rendering of the home page was captured"
    )
    assert result.reason_text is not None and result.reason_text.key == "reason.a16.section_and_reading"
    assert say(result.reason_text, "en") == result.reason
    kk, ru = say(result.reason_text, "kk"), say(result.reason_text, "ru")
    assert "қазақ тілінде" in kk and "nothing readable" not in kk and "captured" not in kk
    assert "на казахском языке" in ru and "captured" not in ru
