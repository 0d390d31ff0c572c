"""The agreement counting behind ``ashyq accuracy outside``, on a small case worked by hand."""

from __future__ import annotations

from ashyq_replica.accuracy.compare import by_item, by_site, item_order, overall, pair_up

TRUTH = [
    ("a", "A14-3.1", "-", "fail"),
    ("a", "A15-1.2", "kk", "partial"),
    ("a", "A15-1.2", "ru", "pass"),
    ("a", "T7-1", "kk", "pass"),
    ("b", "A14-3.1", "-", "pass"),
    ("b", "A15-1.2", "kk", "pass"),
    ("b", "A15-1.2", "ru", "fail"),
    ("b", "T7-1", "kk", "fail"),
]
FINDINGS = [
    {"site": "a", "item": "A14-3.1", "lang": None, "status": "partial"},  # defect found: agrees
    {"site": "a", "item": "A15-1.2", "lang": "kk", "status": "pass"},  # defect missed
    {"site": "a", "item": "A15-1.2", "lang": "ru", "status": "not_applicable"},  # no defect: agrees
    {"site": "a", "item": "T7-1", "lang": "kk", "status": "not_assessed", "reason": "timeout"},  # unmeasured
    {"site": "b", "item": "A14-3.1", "lang": None, "status": "fail"},  # false alarm
    {"site": "b", "item": "A15-1.2", "lang": "kk", "status": "pass"},  # agrees
    {"site": "b", "item": "A15-1.2", "lang": "ru", "status": "partial"},  # agrees, though not exactly
    # b / T7-1 / kk: no finding at all — unmeasured
    {"site": "b", "item": "A99-9", "lang": "kk", "status": "fail"},  # not in the truth: ignored
]


def test_overall_agreement_counts_unmeasured_verdicts_as_disagreement() -> None:
    pairs = pair_up(TRUTH, FINDINGS)
    assert len(pairs) == len(TRUTH)
    total = overall(pairs)
    assert (total.verdicts, total.agree, total.unmeasured) == (8, 4, 2)
    assert total.agreement == 0.5
    assert total.not_assessed == 0.25
    assert total.baseline == 4 / 8  # answering "pass" everywhere
    assert total.exact == 2  # partial for a fail (twice) is a binary agreement, not an exact one


def test_missed_defects_and_false_alarms_name_the_site() -> None:
    sites = by_site(pair_up(TRUTH, FINDINGS))
    assert sites["a"].missed == ["a"] and sites["a"].false_alarms == []
    assert sites["b"].false_alarms == ["b"] and sites["b"].missed == []
    assert sites["b"].agreement == 2 / 4


def test_per_item_rows_in_the_methodology_order() -> None:
    rows = by_item(pair_up(TRUTH, FINDINGS))
    assert list(rows) == [("A14-3.1", "-"), ("A15-1.2", "kk"), ("A15-1.2", "ru"), ("T7-1", "kk")]
    assert rows[("A14-3.1", "-")].agreement == 0.5
    assert rows[("T7-1", "kk")].not_assessed == 1.0 and rows[("T7-1", "kk")].agreement == 0.0
    assert item_order("A15-1.10") > item_order("A15-1.9")
    assert item_order("A16-1.2-cgo") < item_order("A16-1.3-cgo")


def test_nothing_measured_gives_no_figures() -> None:
    empty = overall([])
    assert empty.agreement is None and empty.baseline is None and empty.not_assessed is None


def test_certain_verdicts_are_counted_apart_and_an_absent_certainty_counts_as_certain() -> None:
    findings = [dict(f) for f in FINDINGS]
    findings[0]["certainty"] = "uncertain"  # a / A14-3.1: agrees, but a question for the assessor
    findings[4]["certainty"] = "certain"  # b / A14-3.1: a false alarm, certain
    findings[6]["certainty"] = "uncertain"  # b / A15-1.2 / ru: agrees, uncertain
    pairs = pair_up(TRUTH, findings)
    sites = by_site(pairs)
    # a: measured A14-3.1 (uncertain, agrees), A15-1.2 kk (missed, no field: certain), A15-1.2 ru (agrees)
    assert (sites["a"].sure, sites["a"].sure_agree, sites["a"].questions) == (2, 1, 1)
    assert sites["a"].certain_agreement == 0.5 and sites["a"].certain_share == 2 / 4
    # b: false alarm (certain), A15-1.2 kk (agrees, certain), A15-1.2 ru (uncertain); T7-1 unmeasured
    assert (sites["b"].sure, sites["b"].sure_agree, sites["b"].questions) == (2, 1, 1)
    total = overall(pairs)
    assert total.questions == 2 and total.certain_share == 4 / 8 and total.certain_agreement == 2 / 4


def test_without_any_certainty_every_measured_verdict_is_certain() -> None:
    total = overall(pair_up(TRUTH, FINDINGS))
    assert total.questions == 0 and total.sure == total.verdicts - total.unmeasured
    assert total.certain_agreement == total.agree / total.sure


def test_a_per_language_truth_is_answered_by_the_language_judged_on_its_own_pages() -> None:
    """Appendix 14 is scored for the site, but a truth written per language (the search form missing
    on the Kazakh pages only) is compared with that language's own reading, not the site's status."""
    truth = [("a", "A14-2.3", "kk", "fail"), ("a", "A14-2.3", "ru", "pass"), ("a", "A14-2.4", "-", "pass")]
    findings: list[dict[str, object]] = [
        {"site": "a", "item": "A14-2.3", "lang": None, "status": "partial", "languages": {"kk": "fail", "ru": "pass"}},
        {"site": "a", "item": "A14-2.4", "lang": None, "status": "pass", "languages": {"kk": "pass", "ru": "fail"}},
    ]
    answered = {(p.item, p.lang): p.tool for p in pair_up(truth, findings)}
    assert answered == {("A14-2.3", "kk"): "fail", ("A14-2.3", "ru"): "pass", ("A14-2.4", "-"): "pass"}
