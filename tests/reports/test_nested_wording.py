"""A parameter that is itself a wording (a clause with a message of its own) is said in the same
language as the sentence around it, and survives the store's and findings.json's dict form."""

from __future__ import annotations

from ashyq.base.wording import Said, Wording
from ashyq.reports.wording import say, worded


def test_a_nested_wording_is_said_in_the_sentence_language() -> None:
    missing = Said("No citizen budget is published in kk", "deficiency.budget.missing.citizen_budget.kk")
    dated = Said(
        "«Бюджет» (posted 01.02.2024)", "clause.budget.dated.no_year.posted", title="Бюджет", posted="01.02.2024"
    )
    sentence = Said(
        f"{missing}; the newest on the portal is {dated}",
        "deficiency.budget.absent.newest",
        missing=missing.wording,
        newest=dated.wording,
    )
    assert say(sentence.wording, "en") == sentence
    stored = Wording.read(sentence.wording.as_dict())
    assert stored == sentence.wording
    ru = worded(sentence, sentence.wording.as_dict(), "ru")
    assert (
        ru == "Гражданский бюджет не размещён на казахском языке; последний на портале — «Бюджет» (размещён 01.02.2024)"
    )
    kk = worded(sentence, sentence.wording.as_dict(), "kk")
    assert "Азаматтық бюджет қазақ тілінде" in kk and "орналастырылған)" in kk


def test_a_stored_nesting_too_deep_or_malformed_falls_back_to_english() -> None:
    deep: dict[str, object] = {"key": "reason.budget.cannot_tell", "params": {}}
    for _ in range(6):
        deep = {"key": "deficiency.budget.absent.newest", "params": {"missing": deep, "newest": "x"}}
    assert Wording.read(deep) is None
    assert Wording.read({"key": "k", "params": {"p": {"key": 3}}}) is None
    assert worded("English", deep, "ru") == "English"
