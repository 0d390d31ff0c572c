"""The feedback edition kz-feedback-2024 (seed 004, order No. 17-НҚ, points 22-23): it validates,
its items add up to 100, and F = (B/C + E/G) / 2 × 100 % with the levels of point 23, a ratio with
nothing received equal to 1, and the zeroing rule as the check reports it."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import ashyq.checks.feedback  # noqa: F401  (registers the check)
from ashyq.base.artifacts import BodyArtifacts, PortalRecord
from ashyq.checks.registry import run_checks
from ashyq.methodology.edition import Edition, edition_path
from ashyq.methodology.validate import load_edition
from ashyq.scoring.engine import score_run
from ashyq.scoring.findings import FindingsFile

EDITION = "kz-feedback-2024"


@pytest.fixture(scope="module")
def edition() -> Edition:
    return load_edition(edition_path(EDITION))


def score(edition: Edition, findings: list[dict[str, Any]], kind: str = "cgo") -> tuple[float, str]:
    data = {"bodies": [{"id": "body", "kind": kind}], "findings": [{"body": "body", **f} for f in findings]}
    body = score_run(FindingsFile.model_validate(data), edition).bodies[0]
    return body.final, body.level


def ratio(item: str, num: int, den: int, status: str = "partial") -> dict[str, Any]:
    return {"item": item, "lang": None, "status": status, "measured": {"numerator": num, "denominator": den}}


def test_the_edition_validates_and_adds_up(edition: Edition) -> None:
    cli = Path(sys.executable).with_name("ashyq")
    done = subprocess.run(
        [str(cli), "methodology", "validate", str(edition_path(EDITION))], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert edition.total_max == 100
    items = {i.id: i for i in edition.items()}
    assert set(items) == {"F-1", "F-2"}
    for item in items.values():
        assert not item.per_language
        assert item.obtained == "check"
        assert item.weight("cgo", None) == 50 and item.weight("mio", None) == 50
    assert [(lv.id, lv.min) for lv in edition.levels][:3] == [("high", 90), ("medium", 70), ("low", 50)]


def test_worked_example_8_of_10_and_15_of_20_is_medium(edition: Edition) -> None:
    final, level = score(edition, [ratio("F-1", 8, 10), ratio("F-2", 15, 20)])
    assert final == pytest.approx((0.8 + 0.75) / 2 * 100) == pytest.approx(77.5)
    assert level == "medium"


@pytest.mark.parametrize(
    ("b", "c", "e", "g", "expected", "level"),
    [
        (0, 0, 0, 0, 100.0, "high"),  # nothing received: both ratios are 1
        (9, 10, 0, 0, 95.0, "high"),  # no comments: E/G = 1
        (1, 2, 1, 2, 50.0, "low"),
        (1, 4, 1, 2, 37.5, "ineffective"),
        (7, 10, 7, 10, 70.0, "medium"),
        # point 23 prints the scale to one decimal («70 % - 89,9 %»): F = 69,95 % is the printed 70,0,
        # medium (it read "low" from two decimals); 69,9 % stays low
        (699, 1000, 700, 1000, 70.0, "medium"),
        (699, 1000, 699, 1000, 69.9, "low"),
    ],
)
def test_scale_of_point_23(edition: Edition, b: int, c: int, e: int, g: int, expected: float, level: str) -> None:
    status_1 = "pass" if b >= c else "partial"
    status_2 = "pass" if e >= g else "partial"
    final, got_level = score(edition, [ratio("F-1", b, c, status_1), ratio("F-2", e, g, status_2)])
    assert final == pytest.approx(expected)
    assert got_level == level


def _comment(portal: str, n: int, status: str | None, answered: bool) -> PortalRecord:
    return PortalRecord(
        portal,
        "comment",
        {"draft": "1", "status": status, "answered": answered},
        f"https://{portal}.egov.kz/npa/view?id=1",
        lang="ru",
        external_id=str(n),
    )


def _artifacts(declared: dict[str, Any]) -> BodyArtifacts:
    records = [
        PortalRecord(
            "legalacts",
            "draft",
            {"comments": 10, "accepted": 8},
            "https://legalacts.egov.kz/list",
            lang="ru",
            external_id="1",
        )
    ]
    records += [_comment("legalacts", n, "accepted" if n < 8 else "rejected", n < 15) for n in range(10)]
    records += [
        PortalRecord(
            "budget",
            "comment",
            {"status": "Без решения", "answered": n < 5},
            "https://budget.egov.kz/budgetprogram/budgetprogram?budgetId=7",
            lang="ru",
            external_id=f"b{n}",
        )
        for n in range(10)
    ]
    return BodyArtifacts("body", "cgo", date(2026, 11, 20), records=records, declared=declared)


def _findings(artifacts: BodyArtifacts) -> list[dict[str, Any]]:
    """The check's results as findings; evidence objects become ids, as the store would save them."""
    out = []
    for n, result in enumerate(run_checks(artifacts, only_items=["F-1", "F-2"])):
        finding = result.as_finding("body")
        finding["evidence"] = [f"ev-{n}-{k}" for k, _ in enumerate(finding["evidence"])]
        for d in finding["deficiencies"]:
            d["evidence"] = [f"ev-{n}-d{k}" for k, _ in enumerate(d["evidence"])]
        finding.pop("body")
        out.append(finding)
    return out


def test_the_check_on_the_worked_example_scores_77_5(edition: Edition) -> None:
    # 8 of 10 proposals accepted; 10 draft comments all answered + 5 of 10 budget comments = 15 of 20
    declared = {
        "feedback": {"npa_announcements": ["https://www.gov.kz/x"], "project_results": ["https://www.gov.kz/y"]}
    }
    findings = _findings(_artifacts(declared))
    by_item = {f["item"]: f for f in findings}
    assert by_item["F-1"]["measured"]["numerator"] == 8 and by_item["F-1"]["measured"]["denominator"] == 10
    assert by_item["F-2"]["measured"]["numerator"] == 15 and by_item["F-2"]["measured"]["denominator"] == 20
    final, level = score(edition, findings)
    assert final == pytest.approx(77.5) and level == "medium"


def test_zeroing_project_results_not_public(edition: Edition) -> None:
    declared = {"feedback": {"npa_announcements": ["https://www.gov.kz/x"], "project_results": []}}
    findings = _findings(_artifacts(declared))
    assert {f["status"] for f in findings} == {"fail"}
    assert all("zeroed" in f["deficiencies"][0]["message"] for f in findings)
    final, level = score(edition, findings)
    assert final == 0 and level == "ineffective"


def test_zeroing_drafts_not_announced(edition: Edition) -> None:
    declared = {"feedback": {"npa_announcements": [], "project_results": ["https://www.gov.kz/y"]}}
    findings = _findings(_artifacts(declared))
    assert {f["status"] for f in findings} == {"fail"}
    assert score(edition, findings)[0] == 0
