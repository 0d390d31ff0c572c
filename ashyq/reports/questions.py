"""The question put to an assessor about an uncertain verdict, in Kazakh or Russian (issue 25 item 3).

It is worded from the item's own words in the edition (its title in the appendix) and the doubt's
reason code (``ashyq.checks.result.DOUBT_REASONS``): whether the requirement is met, why the tool is
not sure, and what to look at. A check that words its own question (``doubt["question"]``) is asked
in its words. Every sentence comes from the message catalogue (``review.*``).
"""

from __future__ import annotations

from typing import Any

from ashyq.reports.i18n import catalogue
from ashyq.reports.titles import EditionTitles


def question_text(doubt: dict[str, Any], item: str, item_lang: str | None, titles: EditionTitles, lang: str) -> str:
    """The question in ``lang`` (kk or ru; en for the project's own readers)."""
    own = doubt.get("question") or {}
    if isinstance(own, dict) and own.get(lang):
        return str(own[lang])
    t = catalogue().translator(lang)
    head = t("review.question", title=titles.title(item, lang), item=item, lang=t(f"lang.{item_lang or 'none'}"))
    quote = str(doubt.get("quote") or "—")
    why = t(f"review.reason.{doubt.get('reason') or 'other_reading'}", quote=quote)
    return f"{head} {why}"


def decided_text(decided: dict[str, Any], lang: str) -> str:
    """“Decided by the assessor … on …: reason”, as the conclusion cites an answer."""
    t = catalogue().translator(lang)
    return t(
        "review.decided",
        assessor=str(decided.get("assessor") or ""),
        on=str(decided.get("on") or ""),
        verdict=t(f"status.{decided.get('verdict') or 'pass'}"),
        reason=str(decided.get("reason") or ""),
    )
