"""Words shown to people that a finding carries: a message key and its parameters, beside the English.

A check says what it found in English (``Deficiency.message``, ``Result.reason``: findings.json and
every reader of the old fields keep them) and, so that the conclusion, the dashboard, the served
application and the exports can say it in Kazakh and Russian, names the catalogue's message too
(``ashyq/reports/locale/*/LC_MESSAGES/ashyq.po``; docs/translation.md)::

    Deficiency(
        Said(f"Question № {q.number} has no published answer", "deficiency.dialog.unanswered_question",
             number=q.number),
        kind="unanswered_question",
    )

:class:`Said` is the English sentence (a ``str``: it goes wherever a message went) that knows its
:class:`Wording`; ``Deficiency`` and ``Result`` take the wording off it into their ``text`` and
``reason_text`` fields. The English catalogue's text of the key, formatted with the parameters,
is the English sentence itself (a test renders every finding of a run both ways). Parameters are
plain values, formatted as the sentence shows them (a date as ``31.12.2025``, a share cut to two
decimals); a parameter that is crawled text or a URL is escaped where it is shown, like the
English message. A parameter may itself be a :class:`Wording` (a clause said by a message of its
own, ``Said(…).wording``): it is said in the same language as the sentence around it, so a sentence
joined from optional clauses needs a message per clause, not one per combination.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias

Param: TypeAlias = "str | int | float | Wording"
KEY_LIMIT = 120  # characters of a message key
PARAM_LIMIT = 2_000  # characters of a parameter kept (a crawled title can be anything)
NESTING_LIMIT = 3  # wordings within wordings read back from a stored or exported finding


@dataclass(frozen=True)
class Wording:
    """A catalogue message: its key (``deficiency.dialog.unanswered_question``) and parameters."""

    key: str
    params: dict[str, Param] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "params": {name: v.as_dict() if isinstance(v, Wording) else v for name, v in self.params.items()},
        }

    @classmethod
    def read(cls, data: object, depth: int = 0) -> Wording | None:
        """A stored or exported wording (``{"key": …, "params": {…}}``, a parameter possibly a wording
        itself); None for anything else, so a finding written before wordings, or a file edited by
        hand, falls back to its English."""
        if not isinstance(data, Mapping) or depth > NESTING_LIMIT:
            return None
        key, params = data.get("key"), data.get("params") or {}
        if not isinstance(key, str) or not key or len(key) > KEY_LIMIT or not isinstance(params, Mapping):
            return None
        kept: dict[str, Param] = {}
        for name, value in params.items():
            if isinstance(name, str) and isinstance(value, Mapping):
                inner = cls.read(value, depth + 1)
                if inner is None:
                    return None
                kept[name] = inner
                continue
            if not isinstance(name, str) or isinstance(value, bool) or not isinstance(value, str | int | float):
                return None
            kept[name] = value[:PARAM_LIMIT] if isinstance(value, str) else value
        return cls(key, kept)


class Said(str):
    """An English sentence that knows its catalogue message: a ``str`` with ``.wording``."""

    wording: Wording

    def __new__(cls, english: str, key: str, /, **params: Param) -> Said:
        said = super().__new__(cls, english)
        said.wording = Wording(key, dict(params))
        return said


def wording_of(text: str | None) -> Wording | None:
    """The wording a sentence carries, if it is :class:`Said` with a key."""
    return text.wording if isinstance(text, Said) and text.wording.key else None
