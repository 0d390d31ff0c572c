"""The first-seen data file: written once per site or rule, never replaced, naming its commit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ashyq_replica.accuracy import record
from ashyq_replica.accuracy.act_rules import ITEMS
from ashyq_replica.outside import truth_of


def test_a_site_or_rule_is_recorded_once(tmp_path: Path) -> None:
    path = tmp_path / "first_seen.json"
    data = record.load(path)
    when = {"commit": "a" * 40, "date": "2026-11-22"}
    verdict = {"item": "A14-3.1", "lang": "-", "truth": "fail", "tool": "pass"}
    assert record.add_outside(data, "geology", when, [verdict])
    assert not record.add_outside(data, "geology", {"commit": "b" * 40}, [])
    assert record.add_act(data, "23a2a8", when, [{"rule": "23a2a8"}])
    assert not record.add_act(data, "23a2a8", when, [])
    record.save(data, path)
    again = record.load(path)
    assert again["outside"]["geology"]["measured_at"]["commit"] == "a" * 40
    assert again["outside"]["geology"]["verdicts"][0]["tool"] == "pass"


def test_a_file_of_another_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "first_seen.json"
    path.write_text('{"format": "something-else/9"}', encoding="utf-8")
    with pytest.raises(record.RecordError, match="format"):
        record.load(path)


def test_uncommitted_changes_to_the_measured_code_refuse_a_first_seen_record(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = {"rev-parse": "c" * 40, "status": " M ashyq/checks/accessibility/alt.py"}
    monkeypatch.setattr(record, "_git", lambda *args: answers[args[0]])
    with pytest.raises(record.RecordError, match="uncommitted"):
        record.measured_at()
    answers["status"] = ""
    assert record.measured_at(browser=True)["commit"] == "c" * 40


# sites whose truth is committed and whose first measurement is still to be recorded (by whoever first measures
# them, on a clean clone); recording them makes the second assertion below fail until they leave this set
AWAITING_FIRST_MEASUREMENT: set[str] = set()


def test_the_committed_first_seen_figures_match_the_material() -> None:
    data = record.load()
    truth = truth_of()
    awaiting = AWAITING_FIRST_MEASUREMENT
    assert set(data["outside"]) == set(truth) - awaiting, "every outside site has its first-seen figures"
    assert awaiting.isdisjoint(data["outside"]), "a recorded site no longer awaits its first measurement"
    statuses = {"pass", "partial", "fail", "not_applicable", "not_assessed", None}
    for site, entry in data["outside"].items():
        assert re.fullmatch(r"[0-9a-f]{40}", entry["measured_at"]["commit"])
        keys = {(v["item"], v["lang"]) for v in entry["verdicts"]}
        assert keys == {(v["item"], v["lang"]) for v in truth[site]}
        assert all(v["tool"] in statuses for v in entry["verdicts"])
        # recorded before findings carried a certainty: none (counted certain); since: certain or uncertain
        assert all(v.get("certainty", "certain") in ("certain", "uncertain") for v in entry["verdicts"])
    for rule, entry in data["act"].items():
        assert re.fullmatch(r"[0-9a-f]{40}", entry["measured_at"]["commit"]), rule
        assert entry["measured_at"]["axe_core"] == "4.14.1"
        for case in entry["cases"]:
            assert case["item"] in ITEMS and case["expected"] in ("passed", "failed", "inapplicable")
            assert case["tool"] in ("passed", "failed", "cantTell", "skipped")
            assert case["axe"] in ("passed", "failed", "cantTell", "skipped")


def test_first_seen_answers_are_judged_against_the_truth_as_it_stands() -> None:
    from ashyq_replica.accuracy.summary import pairs_from_record, truth_corrections

    outside = {
        "s": {
            "measured_at": {"commit": "c" * 40, "date": "2026-11-24"},
            "verdicts": [
                {"item": "A14-2.5", "lang": "-", "truth": "pass", "tool": "partial"},
                {"item": "A14-2.6", "lang": "-", "truth": "fail", "tool": "fail", "certainty": "uncertain"},
            ],
        }
    }
    truth = {
        "s": [{"item": "A14-2.5", "status": "partial", "lang": "-"}, {"item": "A14-2.6", "status": "fail", "lang": "-"}]
    }
    as_recorded, as_now = pairs_from_record(outside), pairs_from_record(outside, truth)
    assert [p.agrees for p in as_recorded] == [False, True] and [p.agrees for p in as_now] == [True, True]
    assert [p.certain for p in as_now] == [True, False]  # no certainty recorded: certain
    assert truth_corrections(outside, truth) == [
        {"site": "s", "item": "A14-2.5", "lang": "-", "recorded": "pass", "now": "partial"}
    ]
