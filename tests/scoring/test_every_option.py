"""Every option of every edition changes what it says it changes — the score of the same findings
(options the scorer applies: ``set:`` overrides and ``by_interpretation`` parameters), or the findings
of the same artifacts (options a check applies: the run's choice reaches it through
``BodyArtifacts.config["interpretations"]``). An option that could change nothing has been removed;
an interpretation left with a single option is a reading the text allows no alternative to, listed
in ``READINGS``. A new option without a case here fails ``test_every_option_has_a_case``."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

import pytest
import yaml

import ashyq.checks.registry  # noqa: F401  (registers every check)
from ashyq.checks.registry import run_checks
from ashyq.checks.result import Result
from ashyq.methodology.edition import Edition, available_editions, edition_path
from ashyq.methodology.validate import load_edition
from ashyq.scoring.engine import NodeScore, RunScores, score_run
from ashyq.scoring.findings import FindingsFile
from tests.checks.fixture_harness import ROOT as CHECK_FIXTURES
from tests.checks.fixture_harness import Case as FixtureCase
from tests.checks.fixture_harness import artifacts

# Interpretations with one reading only: the text rules the alternatives out (the edition says why).
READINGS = {
    ("kz-2017", "a14-english-bonus"),
    ("kz-2017", "p90-cross-reference"),
    ("kz-2017", "p97-cross-reference"),
    ("kz-feedback-2024", "feedback-formula"),
    ("kz-feedback-2024", "feedback-language"),
    ("kz-feedback-2024", "feedback-zeroing"),
}


@dataclass(frozen=True)
class ScoreCase:
    """Findings whose score differs under the option; ``probe`` names what differs: (body, item, lang)
    for a leaf, (body, node id) for a group, or (body, "penalty")."""

    findings: list[dict[str, Any]]
    probe: tuple[str, ...]
    bodies: list[dict[str, Any]] = field(default_factory=lambda: [{"id": "a", "kind": "cgo"}])
    reporting_facts: dict[str, int] = field(default_factory=dict)


def f(body: str, item: str, lang: str | None, status: str, **kw: Any) -> dict[str, Any]:
    return {"body": body, "item": item, "lang": lang, "status": status, **kw}


def partial(body: str, item: str, lang: str | None, deficiencies: int = 0, **measured: Any) -> dict[str, Any]:
    return f(body, item, lang, "partial", measured=measured, deficiencies=[{"message": "d"}] * deficiencies)


CGOS = [{"id": "a", "kind": "cgo"}, {"id": "b", "kind": "cgo"}]
C1_ALL = [f("a", f"T1-{n}", lang, "pass") for n in (2, 3, 4, 5, 6) for lang in ("kk", "ru")]

SCORER: dict[tuple[str, str, str], ScoreCase] = {
    # ------------------------------------------------------------------ kz-2025
    ("kz-2025", "opendata-proportional", "all-or-nothing"): ScoreCase(
        [partial("a", "T1-1", "kk", numerator=7, denominator=10)], ("a", "T1-1", "kk")
    ),
    ("kz-2025", "opendata-stimulus-cap", "below-max-uncapped"): ScoreCase(
        [*C1_ALL, partial("a", "T1-1", "kk", numerator=9, denominator=10), f("a", "T1-1", "ru", "pass")], ("a", "C1")
    ),
    ("kz-2025", "budget-nb-award", "maximum"): ScoreCase(
        [f("a", "T2-2", "kk", "pass"), f("b", "T2-2", "kk", "fail")],
        ("nb", "T2-2", "kk"),
        [*CGOS, {"id": "nb", "kind": "cgo", "tags": ["national_bank"]}],
    ),
    ("kz-2025", "budget-restricted-scope", "per-indicator"): ScoreCase(
        [f("a", "T2-1", "kk", "pass"), f("b", "T2-1", "kk", "pass"), f("r", "T2-1", "kk", "fail")],
        ("r", "T2-1", "kk"),
        [*CGOS, {"id": "r", "kind": "cgo", "tags": ["budget_restricted", "budget_restricted:T2-4"]}],
    ),
    ("kz-2025", "budget-quality-partial", "all-or-nothing"): ScoreCase(
        [partial("a", "T2-6", "kk", share=0.5)], ("a", "T2-6", "kk")
    ),
    ("kz-2025", "blog-no-entries", "zero-without-entries"): ScoreCase(
        [partial("a", "T6-2", "kk", value=0)], ("a", "T6-2", "kk")
    ),
    ("kz-2025", "dialogue-defence-award", "maximum"): ScoreCase(
        [f("a", "T6-3", "kk", "pass"), f("b", "T6-3", "kk", "fail")],
        ("mod", "T6-3", "kk"),
        [*CGOS, {"id": "mod", "kind": "cgo", "tags": ["defence"]}],
    ),
    ("kz-2025", "website-answer-share", "all-answered"): ScoreCase(
        [partial("a", "T7-6", "kk", numerator=9, denominator=10)], ("a", "T7-6", "kk")
    ),
    ("kz-2025", "website-budget-restricted", "maximum"): ScoreCase(
        [f("a", "T7-2", "kk", "pass"), f("b", "T7-2", "kk", "fail"), f("r", "T7-2", "kk", "fail")],
        ("r", "T7-2", "kk"),
        [*CGOS, {"id": "r", "kind": "cgo", "tags": ["budget_restricted"]}],
    ),
    ("kz-2025", "media-a-denominator", "held"): ScoreCase(
        [partial("a", "T7.1-1", "kk", numerator=3, denominator=6)], ("a", "T7.1-1", "kk")
    ),
    ("kz-2025", "npa-nothing-posted", "not-met"): ScoreCase(
        [f("a", "T4-5", "kk", "not_applicable", measured={"nothing_to_publish": True})], ("a", "T4-5", "kk")
    ),
    ("kz-2025", "media-d-gaps", "round-half-up"): ScoreCase(
        [partial("a", "T7.1-4", "kk", value=68.5)], ("a", "T7.1-4", "kk")
    ),
    ("kz-2025", "subordinate-once", "per-organisation"): ScoreCase(
        [f("a", "T10-1", "kk", "fail", deficiencies=[{"message": "org 1"}, {"message": "org 2"}])],
        ("a", "T10-1", "kk"),
    ),
    ("kz-2025", "reporting-penalty-basis", "not-applied"): ScoreCase([], ("a", "penalty"), reporting_facts={"a": 3}),
    # ------------------------------------------------------------------ kz-2017
    ("kz-2017", "a12-blog-exactly-70", "one"): ScoreCase(
        [partial("a", "A12-D-2", "kk", value=70)], ("a", "A12-D-2", "kk")
    ),
    ("kz-2017", "a12-dialogue-deductions", "as-other-portals"): ScoreCase(
        [partial("a", "A12-D-1", "kk", 2, share=1)], ("a", "A12-D-1", "kk")
    ),
    ("kz-2017", "a14-deductions-short-of-weight", "zero"): ScoreCase(
        [f("a", "A14-2.1", None, "partial", deficiencies=[{"message": "browser", "count": 8}])], ("a", "A14-2.1", None)
    ),
    ("kz-2017", "a14-sitemap-cap", "whole-parameter"): ScoreCase(
        [
            f(
                "a",
                "A14-2.3",
                None,
                "partial",
                deficiencies=[{"message": e, "kind": f"missing_{e}"} for e in ("menu", "home_link", "sitemap_link")],
            )
        ],
        ("a", "A14-2.3", None),
    ),
    ("kz-2017", "a15-indicator-share", "all-or-nothing"): ScoreCase(
        [partial("a", "A15-1.1", "kk", share=0.5)], ("a", "A15-1.1", "kk")
    ),
    ("kz-2017", "a15-deduction-cap", "section-and-indicator"): ScoreCase(
        [partial("a", "A15-1.1", "kk", 8, share=1)], ("a", "A15-1.1", "kk")
    ),
    ("kz-2017", "a15-national-bank", "cgo-average"): ScoreCase(
        [f("a", "A15-1.6", "kk", "pass"), f("b", "A15-1.6", "kk", "fail")],
        ("nb", "A15-1.6", "kk"),
        [*CGOS, {"id": "nb", "kind": "cgo", "tags": ["national_bank"]}],
    ),
    ("kz-2017", "a16-deduction-cap", "section"): ScoreCase(
        [partial("a", "A16-1.1", "kk", 40, share=1)], ("a", "A16-1.1", "kk")
    ),
    ("kz-2017", "a16-link-back-penalty", "raw-points"): ScoreCase(
        [
            f("a", "A16-k", None, "pass", measured={"value": 5}),
            f("a", "A16-1.1", "kk", "pass"),
            f("a", "A16-2", None, "fail", deficiencies=[{"message": "no link to the full version"}]),
        ],
        ("a", "A16"),
    ),
}


@dataclass(frozen=True)
class CheckCase:
    """A check fixture (``tests/checks/<item>/<case>.yaml``) whose findings for ``item`` differ when
    the run chooses the option; ``config`` is merged into the fixture's configuration."""

    fixture: str
    item: str
    config: dict[str, Any] = field(default_factory=dict)


CHECKS: dict[tuple[str, str, str], CheckCase] = {
    ("kz-2025", "npa-publicity-aggregate", "majority"): CheckCase("T4-6/partial_majority_option.yaml", "T4-6"),
    ("kz-2025", "npa-no-programme", "not-assessed"): CheckCase(
        "T4-6/not_applicable_no_programme_approved.yaml", "T4-6"
    ),
    ("kz-2025", "media-language-split", "all-same"): CheckCase("T7.1-1/partial_kk_materials_missing.yaml", "T7.1-1"),
    ("kz-2025", "media-request-deadline", "five-days-throughout"): CheckCase(
        "T7.1-2/pass_seven_days_before_the_2024_law.yaml", "T7.1-2"
    ),
    ("kz-2025", "media-b-formula", "of-answered"): CheckCase("T7.1-2/partial_one_unanswered.yaml", "T7.1-2"),
    ("kz-2025", "budget-deadline-rows", "timeliness-row-only"): CheckCase(
        "T2-3/fail_after_first_of_april.yaml", "T2-3"
    ),
    ("kz-2025", "plan-report-due-date", "not-assessed"): CheckCase(
        "T2-2/pass_no_formation_date_by_first_of_march.yaml", "T2-2"
    ),
    ("kz-2025", "opendata-no-datasets", "whole-criterion"): CheckCase(
        "T1-2/pass_confirmed_in_kk_and_ru.yaml", "T1-2", {"unified_list": []}
    ),
    ("kz-2025", "website-current", "stale-zero"): CheckCase("T7-2/partial_stale.yaml", "T7-2"),
    ("kz-2025", "blog-regularity", "count-only"): CheckCase("T6-2/partial_kazakh_behind.yaml", "T6-2"),
    ("kz-2025", "dialogue-events-frequency", "each-half-year"): CheckCase(
        "T6-1/pass_one_poll_in_the_period.yaml", "T6-1"
    ),
    ("kz-2017", "a12-parameter-floor", "zero-when-absent"): CheckCase("A12-B-1/partial_missing_in_kk.yaml", "A12-B-1"),
    ("kz-2017", "a12-consolidated-statements", "unmet-parameter"): CheckCase(
        "A12-B-1/partial_missing_in_kk.yaml", "A12-B-1"
    ),
    ("kz-2017", "a12-npa-nothing-planned", "jointly"): CheckCase("A12-N-4/not_applicable_no_comments.yaml", "A12-N-4"),
    ("kz-2017", "a12-mio-npa-fourth", "supporting-documents"): CheckCase("A12-N-6/partial_no_term.yaml", "A12-N-6"),
    ("kz-2017", "a14-search-rank", "best-name-per-engine"): CheckCase("A14-1.1/ranks.yaml", "A14-1.1"),
    ("kz-2017", "a14-nav-depth", "three-clicks"): CheckCase("A14-2.2/three-clicks-interpretation.yaml", "A14-2.2"),
    ("kz-2017", "a14-deduction-unit", "per-fact"): CheckCase("A14-2.8/no-dates.yaml", "A14-2.8"),
    ("kz-2017", "a14-text-formats", "listed"): CheckCase("A14-2.6/docx-under-listed-reading.yaml", "A14-2.6"),
    ("kz-2017", "a14-skip-link", "any-bypass"): CheckCase("A14-3.4/no-skip-link.yaml", "A14-3.4"),
    ("kz-2017", "a14-visitor-counter", "any-counter"): CheckCase("A14-4.6/metrika.yaml", "A14-4.6"),
    ("kz-2017", "a15-nothing-to-publish", "excluded"): CheckCase("A15-1.8-cgo/partial_half_listed.yaml", "A15-1.8-cgo"),
    ("kz-2017", "a15-machine-readable", "presence-only"): CheckCase(
        "A15-1.5/partial_statistics_picture_only.yaml", "A15-1.5"
    ),
    ("kz-feedback-2024", "feedback-sources", "by-decision"): CheckCase("F-1/partial_6_of_10_accepted.yaml", "F-1"),
}


def _editions() -> dict[str, Edition]:
    return {name: load_edition(edition_path(name)) for name in available_editions()}


EDITIONS = _editions()


def _options() -> list[tuple[str, str, str]]:
    return [
        (name, interp.id, option)
        for name, edition in EDITIONS.items()
        for interp in edition.interpretations
        for option in interp.options
        if option != interp.default
    ]


def test_every_option_has_a_case() -> None:
    uncovered = [key for key in _options() if key not in SCORER and key not in CHECKS]
    assert not uncovered, f"options that no test shows changing anything: {uncovered}"
    assert not set(SCORER) & set(CHECKS)
    for name, edition in EDITIONS.items():
        for interp in edition.interpretations:
            single = len(interp.options) == 1
            assert single == ((name, interp.id) in READINGS), (name, interp.id)
    stale = [k for k in [*SCORER, *CHECKS] if k not in _options()]
    assert not stale, stale


def _find(nodes: list[NodeScore], node_id: str) -> NodeScore | None:
    for node in nodes:
        if node.id == node_id:
            return node
        found = _find(node.children, node_id)
        if found is not None:
            return found
    return None


def _probe(scores: RunScores, probe: tuple[str, ...]) -> float:
    body = next(b for b in scores.bodies if b.body == probe[0])
    if probe[1] == "penalty":
        return body.penalty
    if len(probe) == 2:
        node = _find(body.criteria, probe[1])
        assert node is not None, probe
        return node.points
    stack = list(body.criteria)
    while stack:
        node = stack.pop()
        for leaf in node.items:
            if (leaf.item, leaf.lang) == (probe[1], probe[2]):
                return leaf.points
        stack.extend(node.children)
    raise KeyError(probe)


@pytest.mark.parametrize("key", list(SCORER), ids=lambda k: "/".join(k))
def test_a_scorer_option_changes_the_score_of_the_same_findings(key: tuple[str, str, str]) -> None:
    name, interp_id, option = key
    edition = EDITIONS[name]
    case = SCORER[key]
    document = FindingsFile.model_validate(
        {"bodies": case.bodies, "findings": case.findings, "reporting_facts": case.reporting_facts}
    )
    default = score_run(document, edition)
    chosen = score_run(document, edition, {interp_id: option})
    assert _probe(default, case.probe) != pytest.approx(_probe(chosen, case.probe)), key
    assert all(b.interpretations[interp_id] == option for b in chosen.bodies)


def _outcome(results: list[Result], item: str) -> list[tuple[Any, ...]]:
    return sorted(
        (str(r.lang), r.status, repr(sorted(r.measured.items())), sum(d.count for d in r.deficiencies))
        for r in results
        if r.item == item
    )


def _fixture(path: str) -> FixtureCase:
    file = CHECK_FIXTURES / path
    assert file.exists(), f"no fixture {path}"
    return FixtureCase(file.parent.name, file.stem, file, yaml.safe_load(file.read_text(encoding="utf-8")))


@pytest.mark.parametrize("key", list(CHECKS), ids=lambda k: "/".join(k))
def test_a_check_option_changes_the_findings_of_the_same_artifacts(key: tuple[str, str, str]) -> None:
    _, interp_id, option = key
    case = CHECKS[key]
    fixture = _fixture(case.fixture)
    data = copy.deepcopy(fixture.data)
    data["config"] = {**data.get("config", {}), **case.config}
    data["config"].pop("interpretations", None)  # the default reading, whatever the fixture chose
    default = artifacts(FixtureCase(fixture.item, fixture.name, fixture.path, data))
    chosen_data = copy.deepcopy(data)
    chosen_data["config"]["interpretations"] = {interp_id: option}
    chosen = artifacts(FixtureCase(fixture.item, fixture.name, fixture.path, chosen_data))
    before = _outcome(run_checks(default, only_items=[case.item]), case.item)
    after = _outcome(run_checks(chosen, only_items=[case.item]), case.item)
    assert before and after
    assert before != after, key
