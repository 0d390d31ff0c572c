"""What the commands' tables show people in place of a code: the translator of the tables' language
(``--lang``, else ``$ASHYQ_LANG``, else ``language:`` of ashyq.yaml, else ru) and the labels of the
closed vocabularies the tables print (a fetch failure's reason). JSON output keeps the codes."""

from __future__ import annotations

from ashyq.cli.operator import choose_lang
from ashyq.reports.i18n import ReportLang, Translate, catalogue


def tables_translator(lang: str | None = None) -> tuple[ReportLang, Translate]:
    """The tables' language and its translator."""
    chosen = choose_lang(lang)
    return chosen, catalogue().translator(chosen)


def failure_reason(t: Translate, code: str) -> str:
    """A fetch failure's reason in words (a code outside the vocabulary is shown as it came)."""
    key = f"cli.failure.{code}"  # one per reason of the store's FetchFailureReason
    return t(key) if key in catalogue().messages["en"] else code


def review_reason(t: Translate, code: str, quote: str | None) -> str:
    """Why a verdict is not sure, in words, with what it quotes (a reason the catalogues do not name is
    shown as it came)."""
    key = f"review.reason.{code}"
    return t(key, quote=quote or "…") if key in catalogue().messages["en"] else code


def failure_counts(t: Translate, counts: dict[str, int]) -> str:
    """``timed out 3, HTTP error status 1``: the failures of a harvest by reason."""
    return ", ".join(f"{failure_reason(t, code)} {count}" for code, count in sorted(counts.items()))
