"""Agreement of the tool's findings with a documented truth: pure counting, no I/O.

Each truth verdict (site, item, language) is ``pass``, ``partial`` or ``fail``. The comparison is
binary, as a deduction is: a verdict is a *defect* when it is ``partial`` or ``fail``. The tool's
finding for the same site, item and language counts as

* a defect when it is ``fail`` or ``partial``;
* no defect when it is ``pass`` or ``not_applicable`` (nothing is deducted either way);
* *unmeasured* when it is ``not_assessed`` or when there is no finding at all.

A verdict agrees when the tool measured it and said the same (defect / no defect). An unmeasured
verdict never agrees: it is counted apart as the ``not_assessed`` share, so a tool cannot look good
by declining to answer. The baseline beside it is the agreement of a tool that answers "pass"
everywhere: the share of truth verdicts that are ``pass``.

Each finding also says how sure it is (``certainty``: ``certain``, or ``uncertain`` with a question for
the assessor). A finding without the field counts as certain (findings written before the field
existed, and the first-seen records of the first four sites). Beside the agreement stand the agreement
of the certain verdicts alone (measured and certain: agreeing ÷ all of them), the share certain (the
verdicts measured and certain ÷ all truth verdicts, so an unmeasured verdict is not certain), and the
questions per body: the measured uncertain verdicts of a site (one body each).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

DEFECT = ("fail", "partial")
NO_DEFECT = ("pass", "not_applicable")


@dataclass(frozen=True)
class Pair:
    """One truth verdict beside the tool's answer (``None``: no finding)."""

    site: str
    item: str
    lang: str  # "kk", "ru" or "-"
    truth: str
    tool: str | None
    certain: bool = True  # the finding's certainty; an absent field counts as certain

    @property
    def measured(self) -> bool:
        return self.tool in DEFECT or self.tool in NO_DEFECT

    @property
    def agrees(self) -> bool:
        return self.measured and (self.tool in DEFECT) == (self.truth in DEFECT)

    @property
    def exact(self) -> bool:
        """The same status, partial and fail told apart (not_applicable reads as pass)."""
        tool = "pass" if self.tool == "not_applicable" else self.tool
        return tool == self.truth


@dataclass
class Tally:
    verdicts: int = 0
    agree: int = 0
    exact: int = 0
    truth_pass: int = 0
    unmeasured: int = 0
    sure: int = 0  # measured and certain
    sure_agree: int = 0
    questions: int = 0  # measured and uncertain: a question for the assessor
    missed: list[str] = field(default_factory=list)  # defects the tool called no defect
    false_alarms: list[str] = field(default_factory=list)  # no defect, the tool called a defect

    def add(self, pair: Pair) -> None:
        self.verdicts += 1
        self.agree += pair.agrees
        self.exact += pair.exact
        self.truth_pass += pair.truth == "pass"
        if pair.measured and pair.certain:
            self.sure += 1
            self.sure_agree += pair.agrees
        elif pair.measured:
            self.questions += 1
        if not pair.measured:
            self.unmeasured += 1
        elif not pair.agrees:
            (self.missed if pair.truth in DEFECT else self.false_alarms).append(pair.site)

    @property
    def agreement(self) -> float | None:
        return self.agree / self.verdicts if self.verdicts else None

    @property
    def certain_agreement(self) -> float | None:
        """Agreement of the certain verdicts alone."""
        return self.sure_agree / self.sure if self.sure else None

    @property
    def certain_share(self) -> float | None:
        """The share of verdicts the tool answered with certainty (an unmeasured one is not certain)."""
        return self.sure / self.verdicts if self.verdicts else None

    @property
    def exact_agreement(self) -> float | None:
        return self.exact / self.verdicts if self.verdicts else None

    @property
    def baseline(self) -> float | None:
        return self.truth_pass / self.verdicts if self.verdicts else None

    @property
    def not_assessed(self) -> float | None:
        return self.unmeasured / self.verdicts if self.verdicts else None


def pair_up(truth: Iterable[tuple[str, str, str, str]], findings: Iterable[dict[str, object]]) -> list[Pair]:
    """truth: (site, item, lang, status); findings: ``{"site", "item", "lang", "status"}`` dicts.

    A site-level finding (lang ``-``) that judged each language version on its own pages
    (``languages``: ``{"kk": status, "ru": status}``, Appendix 14's per-language readings) answers a
    truth verdict given per language with that language's own status, never the site's copied over."""
    answers: dict[tuple[str, str, str], tuple[str, bool]] = {}
    for f in findings:
        key = (str(f["site"]), str(f["item"]), str(f.get("lang") or "-"))
        certain = f.get("certainty") != "uncertain"
        answers[key] = (str(f["status"]), certain)
        languages = f.get("languages")
        if key[2] == "-" and isinstance(languages, dict):
            for lang, status in languages.items():
                answers.setdefault((key[0], key[1], str(lang)), (str(status), certain))
    out = []
    for site, item, lang, status in truth:
        tool, certain = answers.get((site, item, lang or "-"), (None, True))
        out.append(Pair(site, item, lang or "-", status, tool, certain))
    return out


def by_item(pairs: Iterable[Pair]) -> dict[tuple[str, str], Tally]:
    out: dict[tuple[str, str], Tally] = {}
    for pair in pairs:
        out.setdefault((pair.item, pair.lang), Tally()).add(pair)
    return dict(sorted(out.items(), key=lambda kv: (item_order(kv[0][0]), kv[0][1])))


def by_site(pairs: Iterable[Pair]) -> dict[str, Tally]:
    out: dict[str, Tally] = {}
    for pair in pairs:
        out.setdefault(pair.site, Tally()).add(pair)
    return out


def overall(pairs: Iterable[Pair]) -> Tally:
    tally = Tally()
    for pair in pairs:
        tally.add(pair)
    return tally


def item_order(item: str) -> tuple[object, ...]:
    head, _, rest = item.partition("-")
    parts = rest.replace("-", ".").split(".")
    return (head, *[(0, int(p)) if p.isdigit() else (1, p) for p in parts])
