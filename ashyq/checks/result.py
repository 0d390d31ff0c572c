"""What a check reports: one :class:`Result` per methodology item and language.

Weights are never here: a check only says what it found (status, measured figures, deficiencies,
evidence); ``ashyq/config/methodology/<edition>.yaml`` turns that into points. Honest outcomes: when what
a check needs was not fetched (timeout, anti-bot, robots, an unknown portal identifier), the result
is ``not_assessed`` with the reason — never a failure.

**How sure a verdict is** (house style 14). Every result is ``certain`` unless the check says
otherwise: the measurement decides it by the text. Where the evidence admits another reading, the
check keeps its best guess as the status (the score counts it) and marks the result uncertain with a
:class:`Doubt`: a reason code of :data:`DOUBT_REASONS` and what an assessor should look at::

    result = Result("A15-1.4", "ru", "pass", evidence=[ref])
    result.uncertain(
        "label_only",
        look_at=ref,                      # the page (url, selector, snippet, screenshot and region)
        quote="Вакансии",                 # the words the verdict rests on, as the page shows them
    )

The question put to the assessor is worded from the reason code and the item's own wording in the
appendix (kk and ru, ``ashyq.pipeline.review``); a check words it itself only when the reason's
general question would mislead, by passing ``question={"kk": "…", "ru": "…"}`` (both languages, one
question that an assessor answers with a verdict: pass, fail, partial or not applicable). Only a
verdict can be doubted: ``not_assessed`` already says it could not be checked. A check whose results
start carrying doubts changes its output: raise its version.

**Words in every language** (house style 7). A deficiency's message and a result's reason are
English sentences that findings.json and every older reader keep; a check gives each as
:class:`~ashyq.base.wording.Said`, the English with the catalogue message that says it in kk, ru
and en (``ashyq/reports/locale``, docs/translation.md)::

    Deficiency(
        Said(f"Question № {q.number} has no published answer", "deficiency.dialog.unanswered_question",
             number=q.number),
        kind="unanswered_question",
    )
    not_assessed(item, lang, Said(f"no record of {lang} was harvested", "reason.dialog.none_harvested", lang=lang))

``Deficiency.text`` and ``Result.reason_text`` keep the :class:`~ashyq.base.wording.Wording` (key
and parameters); findings.json writes it beside the English (``text``, ``reason_text``) and
``ashyq.reports.wording`` says it in a report's language (the English where a finding has none).
The English catalogue's text of the key, formatted with the parameters, is the English sentence:
``tests/checks/test_wordings.py`` checks both for the findings of a harvested run, and
``tests/architecture/test_worded_checks.py`` that every deficiency and reason in ``ashyq/checks``
is given as ``Said``. Adding the key to a message changes no verdict and no English: a check's
version stays.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from ashyq.base.evidence import Deficiency, EvidenceRef
from ashyq.base.vocabulary import Certainty, Lang, Status
from ashyq.base.wording import Wording, wording_of

DoubtReason = Literal[
    "label_only",  # recognised from a link label (or a menu item) only: no page body matched
    "single_instance",  # a single instance taken for the whole (one vacancy, one act, one record)
    "heading_only",  # a heading (or a title) found with no body of its own under it
    "image_alternative",  # an image whose alternative text may not describe it
    "error_not_triggered",  # a form whose error message could not be triggered
    "pages_not_read",  # not found, while pages of the site were not read (cut by the page budget, robots.txt)
    "other_reading",  # any other evidence that admits another reading (say it in ``detail``)
]
DOUBT_REASONS: tuple[DoubtReason, ...] = get_args(DoubtReason)
QUOTE_LIMIT = 300  # characters of quoted text kept with a doubt


@dataclass(frozen=True)
class Doubt:
    """Why a verdict is uncertain and what an assessor should look at to decide it."""

    reason: DoubtReason
    look_at: EvidenceRef | None = None  # the page or record the question names (its capture decides)
    quote: str | None = None  # the text the verdict rests on, trimmed to QUOTE_LIMIT
    detail: str | None = None  # a sentence for the assessor (English, like deficiency messages)
    question: Mapping[str, str] | None = None  # the check's own wording, {"kk": …, "ru": …}

    def __post_init__(self) -> None:
        if self.reason not in DOUBT_REASONS:
            raise ValueError(f"unknown doubt reason {self.reason!r}: one of {', '.join(DOUBT_REASONS)}")
        if self.question is not None and not all(self.question.get(lang) for lang in ("kk", "ru")):
            raise ValueError("a check's own question is worded in both kk and ru")
        if self.quote is not None and len(self.quote) > QUOTE_LIMIT:
            object.__setattr__(self, "quote", self.quote[: QUOTE_LIMIT - 1] + "…")

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"reason": self.reason}
        if self.look_at is not None:
            out["look_at"] = self.look_at.as_dict()
        for key in ("quote", "detail"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.question is not None:
            out["question"] = {"kk": self.question["kk"], "ru": self.question["ru"]}
        return out


@dataclass
class Result:
    """One finding: an item, a language (or None), an honest status, figures, deficiencies, evidence,
    and how sure the status is (``certainty``; an ``uncertain`` one names its :class:`Doubt`)."""

    item: str
    lang: Lang | None
    status: Status
    measured: dict[str, Any] = field(default_factory=dict)
    deficiencies: list[Deficiency] = field(default_factory=list)
    evidence: list[EvidenceRef] = field(default_factory=list)
    reason: str | None = None
    check: str = ""  # "<check id>@<version>", filled in by the runner
    certainty: Certainty = "certain"
    doubt: Doubt | None = None  # set through :meth:`uncertain`
    reason_text: Wording | None = None  # the catalogue message of ``reason`` (taken off a Said reason)

    def __post_init__(self) -> None:
        if self.reason_text is None:
            self.reason_text = wording_of(self.reason)
        if self.reason is not None:
            self.reason = str(self.reason)
        if self.status == "not_assessed" and not self.reason:
            raise ValueError(f"{self.item}: a not_assessed result must say why")
        if self.status in ("pass", "fail", "partial") and not (self.evidence or self.deficiencies):
            raise ValueError(f"{self.item}: a {self.status} result must carry evidence")
        if (self.certainty == "uncertain") != (self.doubt is not None):
            raise ValueError(f"{self.item}: an uncertain result names its doubt, a certain one none")

    def uncertain(
        self,
        reason: DoubtReason,
        *,
        look_at: EvidenceRef | None = None,
        quote: str | None = None,
        detail: str | None = None,
        question: Mapping[str, str] | None = None,
    ) -> Result:
        """Mark this verdict uncertain (its status stays the best guess); returns the result."""
        if self.status == "not_assessed":
            raise ValueError(f"{self.item}: not_assessed is not a verdict to doubt")
        if look_at is None and self.evidence:
            look_at = self.evidence[0]
        self.doubt = Doubt(reason, look_at=look_at, quote=quote, detail=detail, question=question)
        self.certainty = "uncertain"
        return self

    def as_finding(self, body_id: str) -> dict[str, Any]:
        """The finding as ``docs/findings-format.md`` describes it."""
        out: dict[str, Any] = {
            "body": body_id,
            "item": self.item,
            "lang": self.lang,
            "status": self.status,
            "measured": self.measured,
            "deficiencies": [d.as_dict() for d in self.deficiencies],
            "evidence": [e.as_dict() for e in self.evidence],
            "check": self.check,
            "certainty": self.certainty,
        }
        if self.reason:
            out["reason"] = self.reason
            if self.reason_text is not None:
                out["reason_text"] = self.reason_text.as_dict()
        if self.doubt is not None:
            out["doubt"] = self.doubt.as_dict()
        return out


def percent(part: int, whole: int) -> float:
    """``part`` of ``whole`` in per cent, not rounded: a threshold of the text (100 %, more than 70 %)
    is met by the share itself, never by its rounding (2,499 answers to 2,500 questions are 99.96 %,
    which one decimal would print as 100.0 and score as all answered). Reports round for display."""
    return 100.0 * part / whole


def percent_text(value: float) -> str:
    """A share for a message, cut (not rounded) to two decimals: 69.996 % reads 69.99, never 70."""
    return f"{math.floor(value * 100 + 1e-9) / 100:g}"


def not_assessed(item: str, lang: str | None, reason: str, evidence: Iterable[EvidenceRef] = ()) -> Result:
    return Result(item, lang, "not_assessed", reason=reason, evidence=list(evidence))  # type: ignore[arg-type]
