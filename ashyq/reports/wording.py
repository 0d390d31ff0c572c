"""A finding's reason and a deficiency's message in a report's language.

A check gives each in English with the catalogue message that says it (``ashyq.base.wording``):
the store keeps the English (``Finding.reason``, a deficiency's ``message``) and the message's key
and parameters beside it (``Finding.reason_text``, a deficiency's ``text``). Every place that shows
them to people — the conclusion, the static dashboard, the served application, the spreadsheets,
the table of disagreements, the review questions — asks here: the catalogue's text in that language
when the finding names a message the catalogue holds, else the English as stored (a finding written
before the messages, or a check not converted yet). A parameter is put into the text as it is; the
page that shows the result escapes it like any other crawled text; a parameter that is itself a
wording (a clause with a message of its own) is said in the same language first.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ashyq.base.wording import Wording
from ashyq.reports.i18n import MissingMessage, catalogue


def say(wording: Wording, lang: str) -> str:
    """The catalogue's text of ``wording`` in ``lang``, a parameter that is a wording said in ``lang``
    too; raises :class:`MissingMessage` (a ``KeyError``) for a message the catalogue lacks and
    ``KeyError`` for a parameter the text names and the wording does not give."""
    params = {name: say(v, lang) if isinstance(v, Wording) else v for name, v in wording.params.items()}
    return catalogue().text(lang, wording.key, **params)


def worded(english: str | None, wording: object, lang: str) -> str:
    """``english`` said in ``lang`` by the catalogue message ``wording`` (a :class:`Wording` or its
    stored dict); the English when there is none, the catalogue lacks it or its parameters differ."""
    found = wording if isinstance(wording, Wording) else Wording.read(wording)
    if found is None or lang == "en":
        return english or ""
    try:
        return say(found, lang)
    except (MissingMessage, KeyError, ValueError, TypeError):
        return english or ""


def reason_in(finding: Any, lang: str) -> str:
    """A finding's reason in ``lang``: anything with ``reason`` and ``reason_text`` (the store's
    ``Finding``, the reports' ``FindingView``) or a findings.json entry."""
    if isinstance(finding, Mapping):
        return worded(finding.get("reason"), finding.get("reason_text"), lang)
    return worded(getattr(finding, "reason", None), getattr(finding, "reason_text", None), lang)


def deficiency_in(deficiency: Mapping[str, Any], lang: str) -> str:
    """A stored deficiency's message (``Deficiency.as_dict``) in ``lang``."""
    message = deficiency.get("message")
    return worded(str(message) if message is not None else "", deficiency.get("text"), lang)
