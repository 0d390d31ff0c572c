"""The accuracy commands print the recorded first-seen figures without measuring anything."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from ashyq.cli import app

runner = CliRunner()


def test_outside_first_seen_figures_per_site_and_overall() -> None:
    result = runner.invoke(app, ["accuracy", "outside", "--first-seen-only", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["current"] is None
    first = figures["first_seen"]
    assert set(first["sites"]) >= {"geology", "altynkol", "archives", "nadzor"}
    for site in first["sites"].values():  # the per-site figures make accuracy prints
        assert {"agreement", "certain_agreement", "certain_share", "questions_per_body"} <= set(site)
    assert "says none" in figures["certainty"]  # an absent certainty counts as certain, and the output says so
    # the sites written later are first seen apart from the first four, and reported as their own group
    # sites first seen at one commit form a group, reported apart (the first four, the sites written later)
    groups = first["groups"]
    assert len(groups) == len({m["commit"] for m in figures["measured_at"].values()}) >= 2
    assert sum(g["verdicts"] for g in groups.values()) == first["overall"]["verdicts"]
    assert any(g["verdicts"] == 296 for g in groups.values())  # geology, altynkol, archives, nadzor
    assert first["overall"]["verdicts"] == sum(s["verdicts"] for s in first["sites"].values())
    assert 0 <= first["overall"]["agreement"] <= 1 and 0 <= first["overall"]["not_assessed"] <= 1
    assert "A14-1.1" in figures["excluded"]
    table = runner.invoke(app, ["accuracy", "outside", "--first-seen-only"])
    assert table.exit_code == 0 and "per item and language" in table.output and "A15-1.2" in table.output
    assert "agreement of certain verdicts" in table.output and "questions per body" in table.output


def test_outside_refuses_a_site_it_does_not_have() -> None:
    result = runner.invoke(app, ["accuracy", "outside", "--site", "nowhere"])
    assert result.exit_code == 2 and "nowhere" in result.output


def test_act_without_a_checkout_shows_what_was_recorded() -> None:
    result = runner.invoke(app, ["accuracy", "act", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["current"] is None
    assert set(figures["first_seen"]["tool"]) >= {"recall", "precision", "consistency"}
    assert figures["first_seen"]["axe"]["consistency"]["consistent"] >= 1


def test_act_refuses_a_folder_that_is_no_checkout(tmp_path: object) -> None:
    result = runner.invoke(app, ["accuracy", "act", str(tmp_path)])
    assert result.exit_code == 2 and "testcases.json" in result.output


def test_world_truth_of_the_outside_sites() -> None:
    result = runner.invoke(app, ["world", "truth", "--outside", "--format", "md"])
    assert result.exit_code == 0
    assert "www.archives.gov.kz" in result.output and "| A16-1.1 | ru | fail |" in result.output
