"""The closed vocabularies every stage shares, each defined once: the outcome of a finding, the
languages the methodology scores, the kinds of body, and the verdicts on a declared link.

They are ``Literal`` types, so a check writes ``"pass"`` and mypy still refuses ``"passed"``; the
tuples beside them are the same values for code that iterates or validates (the store's CHECK
constraints, the scorer's schema).
"""

from __future__ import annotations

from typing import Literal, get_args

# pass | fail | partial by the rules of the item; not_applicable when the item does not concern the
# body; not_assessed when it could not be measured (timeout, anti-bot, robots, a missing input):
# never a deduction.
Status = Literal["pass", "fail", "partial", "not_applicable", "not_assessed"]
STATUSES: tuple[Status, ...] = get_args(Status)
ASSESSED: frozenset[Status] = frozenset({"pass", "fail", "partial"})

# How sure a verdict is (house style 14): certain when the measurement decides it by the text;
# uncertain when the evidence admits another reading (the status is then the best guess, and an
# assessor is asked). ``not_assessed`` is never uncertain: it already says it could not be checked.
Certainty = Literal["certain", "uncertain"]
CERTAINTIES: tuple[Certainty, ...] = get_args(Certainty)

# The two state languages the methodology scores per language (an English version is one item of
# Appendix 14, not a scored language).
Lang = Literal["kk", "ru"]
LANGS: tuple[Lang, ...] = get_args(Lang)

# What a body is: a central government body (CGO), a local executive body - an akimat (MIO) - or a
# subordinate organisation of one, judged on its own website and within its parent's rows. The values
# are what the registry, the store and the findings hold; the editions score CGOs and MIOs.
BodyKind = Literal["cgo", "mio", "subordinate"]
BODY_KINDS: tuple[BodyKind, ...] = get_args(BodyKind)

# The re-verification of a link a body declared in its own report (Appendix 9): the page shows what
# the row claims; it does not (an untrue fact of the reconciliation act); or it could not be seen
# (robots, a time-out, an anti-bot wall), which is never untrue.
Verdict = Literal["confirmed", "contradicted", "not_verifiable"]
CONFIRMED: Verdict = "confirmed"
CONTRADICTED: Verdict = "contradicted"
NOT_VERIFIABLE: Verdict = "not_verifiable"
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
