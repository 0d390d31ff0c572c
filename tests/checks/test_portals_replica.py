"""The portal checks (open data, open budget, open NPA) measured against the replica world.

The project's own spiders harvest data.egov.kz, budget.egov.kz and legalacts.egov.kz of the replica
(tests/checks/portals_harness.py); the checks run on each body's artifacts; their fail/partial
findings are compared with the world's ground truth (``all_defects``) item by item and language by
language. The 2025 items are compared with the ground truth directly; the 2017 Appendix 12 items,
which the ground truth does not state, with the 2025 defect that breaks the same requirement
(``DERIVED_2017``). The bar: every portal indicator of every demo body matches.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from ashyq_replica.core import Defect, World
from ashyq_replica.truth import all_defects

from ashyq.checks.registry import run_checks
from ashyq.checks.result import Result
from tests.checks.portals_harness import ASSESSED, body_artifacts, harvest

MINE = re.compile(r"^(T1-[134]|T2-(10|[1-9])|T3-[1-6]|T4-[1-4]|T5-[1-3]|A12-OD-[35]|A12-B-(1[01]|[1-79])|A12-N-[3-6])$")
Truth = dict[tuple[str, str, str | None], Defect]


def _defect_of(
    truth: Truth, body: str, lang: str | None, *items: str, when: Callable[[Defect], bool] | None = None
) -> bool:
    return any((d := truth.get((body, i, lang))) is not None and (when is None or when(d)) for i in items)


def _missing(kind: str) -> Callable[[Defect], bool]:
    return lambda d: kind in str(dict(d.measured).get("missing", ""))


STATEMENTS = ("fs_balance", "fs_results", "fs_cashflow", "fs_net_assets", "fs_note")
# 2017 item → (the 2025 items whose defect breaks the same requirement, an optional filter)
DERIVED_2017: dict[str, tuple[tuple[str, ...], Callable[[Defect], bool] | None]] = {
    "A12-OD-3": (("T1-1", "T1-3"), None),
    "A12-OD-5": (("T1-4",), None),
    **{f"A12-B-{n}": (("T2-1",), _missing(kind)) for n, kind in enumerate(STATEMENTS, start=1)},
    "A12-B-6": (("T2-2",), None),
    "A12-B-7": (("T2-3", "T3-1"), None),
    "A12-B-9": (("T2-8", "T2-9", "T3-4", "T3-5", "T3-1"), None),
    "A12-B-10": (("T2-10", "T3-6"), None),
    "A12-B-11": (("T2-11", "T3-7"), None),
    "A12-N-3": (("T4-3", "T5-2"), None),
    "A12-N-4": (("T4-4", "T5-3"), None),
    "A12-N-5": (("T4-2",), None),
    "A12-N-6": (("T5-2",), lambda d: "no-discussion-date" in str(dict(d.measured).get("drafts", ""))),
}


def expected_defect(truth: Truth, body: str, item: str, lang: str | None) -> tuple[bool, str | None]:
    """Whether the ground truth has a defect for (body, item, lang), and the status it expects."""
    if item in DERIVED_2017:
        sources, when = DERIVED_2017[item]
        return (True, "partial") if _defect_of(truth, body, lang, *sources, when=when) else (False, None)
    found = truth.get((body, item, lang))
    return (True, found.expected) if found else (False, None)


@pytest.fixture(scope="module")
def truth(world: World) -> Truth:
    """Every seeded defect (the 2017 items derive from 2025 ones outside this area too, e.g. T3-7)."""
    return {(d.body, d.item, d.lang): d for d in all_defects(world)}


def _results(crawl: dict[tuple[str, str], Any], world: World) -> dict[str, list[Result]]:
    out = {}
    for body in ASSESSED:
        artifacts = body_artifacts(crawl, body, world.as_of)
        out[body] = [r for r in run_checks(artifacts) if MINE.match(r.item)]
    return out


@pytest.fixture(scope="module")
def with_cards(
    world_urls: dict[str, str], tmp_path_factory: pytest.TempPathFactory, world: World
) -> dict[str, list[Result]]:
    return _results(harvest(world_urls, tmp_path_factory.mktemp("portals-cards")), world)


@pytest.fixture(scope="module")
def list_only(
    world_urls: dict[str, str], tmp_path_factory: pytest.TempPathFactory, world: World
) -> dict[str, list[Result]]:
    """The same harvest without the assessor's robots override: no /npa/view cards."""
    return _results(harvest(world_urls, tmp_path_factory.mktemp("portals-lists"), cards=False), world)


def _compare(results: dict[str, list[Result]], truth: Truth) -> tuple[list[str], dict[tuple[str, str], list[int]]]:
    problems: list[str] = []
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, fp, fn
    for body, found in results.items():
        for r in found:
            defect, status = expected_defect(truth, body, r.item, r.lang)
            flagged = r.status in ("fail", "partial")
            key = (r.item, str(r.lang))
            if r.status == "not_assessed":
                if defect:
                    problems.append(f"{body} {r.item} {r.lang}: not_assessed ({r.reason}) but the truth has a defect")
                continue
            counts[key][0] += flagged and defect
            counts[key][1] += flagged and not defect
            counts[key][2] += defect and not flagged
            if flagged != defect or (defect and status != r.status):
                problems.append(f"{body} {r.item} {r.lang}: got {r.status} {r.measured}, truth {status}")
                continue
            if defect and r.item in truth_items(truth):
                for key_name, value in dict(truth[(body, r.item, r.lang)].measured).items():
                    got = r.measured.get(key_name)
                    if got is not None and not isinstance(got, list) and got != value:
                        problems.append(f"{body} {r.item} {r.lang}: measured {key_name}={got}, truth {value}")
        for (t_body, item, lang), _ in truth.items():
            if t_body == body and MINE.match(item) and not any(r.item == item and r.lang == lang for r in found):
                problems.append(f"{body} {item} {lang}: no finding, truth has a defect")
    return problems, counts


def truth_items(truth: Truth) -> set[str]:
    return {item for _, item, _ in truth}


def _print_table(title: str, counts: dict[tuple[str, str], list[int]]) -> None:
    print(f"\n{title}\nitem       lang  tp fp fn  precision recall")
    for (item, lang), (tp, fp, fn) in sorted(counts.items()):
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(f"{item:<10} {lang:<4} {tp:>3} {fp:>2} {fn:>2}  {precision:9.2f} {recall:6.2f}")


def test_every_portal_indicator_matches_the_ground_truth(with_cards: dict[str, list[Result]], truth: Truth) -> None:
    problems, counts = _compare(with_cards, truth)
    _print_table("portal checks vs ground truth (cards fetched)", counts)
    assert not problems, "\n".join(problems)


def test_the_restricted_budget_is_never_failed(with_cards: dict[str, list[Result]]) -> None:
    # point 67, part three (000_12c86a9f7dcd6cb4.txt line 65): the 2025 rows are exempt, shown by the
    # finding with the portal's notice; the 2017 edition has no such exemption: not assessed
    budget = [r for r in with_cards["mod"] if r.item.startswith(("T2-", "A12-B-"))]
    assert budget and all("restricted" in (r.reason or "") for r in budget)
    for r in budget:
        if r.item.startswith("T2-"):
            assert r.status == "not_applicable" and r.measured["exempt"] == "budget_restricted" and r.evidence
        else:
            assert r.status == "not_assessed"


def test_without_cards_what_needs_them_is_not_assessed(list_only: dict[str, list[Result]], truth: Truth) -> None:
    card_items = {"T4-2", "T5-1", "A12-N-5"}
    for body, found in list_only.items():
        for r in found:
            if r.item in card_items:
                assert r.status in ("not_assessed", "not_applicable"), (body, r.item, r.status)
                assert r.status == "not_applicable" or "robots" in (r.reason or ""), (body, r.item, r.reason)
    # the list cards' counters suffice for the comments: the same findings as with the cards
    comment_items = {"T4-4", "T5-3", "A12-N-4"}
    problems, counts = _compare(
        {b: [r for r in f if r.item in comment_items] for b, f in list_only.items()},
        {k: v for k, v in truth.items() if k[1] in comment_items},
    )
    _print_table("comments from the list counters (no cards)", counts)
    assert not [p for p in problems if "no finding" not in p], "\n".join(problems)


def test_the_harvest_module_reads_no_ground_truth() -> None:
    source = (Path(__file__).parent / "portals_harness.py").read_text(encoding="utf-8")
    assert "truth" not in source.replace("ground truth", "") and "portal_content" not in source
