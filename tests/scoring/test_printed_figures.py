"""What the score says is what it computed: the level comes from the printed (rounded) final, a
criterion's split by language adds up to its points, and facts reach the penalty by one route."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from ashyq.methodology.edition import Edition, edition_path
from ashyq.methodology.validate import load_edition
from ashyq.scoring.engine import RunScores, score_run
from ashyq.scoring.findings import FindingsError, FindingsFile

DOCS = Path(__file__).resolve().parents[2] / "docs" / "findings-format.md"


@pytest.fixture(scope="module")
def kz2025() -> Edition:
    return load_edition(edition_path("kz-2025"))


def _everything_passes(edition: Edition, body: str = "a") -> dict[tuple[str, str | None], dict[str, Any]]:
    out: dict[tuple[str, str | None], dict[str, Any]] = {}
    for item in edition.items():
        if item.applies_to is not None and "cgo" not in item.applies_to:
            continue
        for lang in ("kk", "ru") if item.per_language else (None,):
            out[(item.id, lang)] = {"body": body, "item": item.id, "lang": lang, "status": "pass"}
    return out


def _score(edition: Edition, findings: list[dict[str, Any]], **extra: Any) -> RunScores:
    document = {"bodies": [{"id": "a", "kind": "cgo"}], "findings": findings, **extra}
    return score_run(FindingsFile.model_validate(document), edition)


def test_the_level_is_read_from_the_printed_final(kz2025: Edition) -> None:
    findings = _everything_passes(kz2025)
    for key in [("T1-1", "kk"), ("T1-3", "kk"), ("T1-4", "kk"), ("T1-4", "ru"), ("T1-5", "kk"), ("T1-6", "kk")]:
        findings[key]["status"] = "fail"  # 2.5 + 3 + 2 + 2 + 0.5 = 10 (the stimulus adds nothing then)
    findings[("T1-6", "ru")]["status"] = "fail"
    # 1.5 × 299/300 = 1.495: 0.005 short of the row's weight
    findings[("T7-6", "kk")] = {**findings[("T7-6", "kk")], "status": "partial"}
    findings[("T7-6", "kk")]["measured"] = {"numerator": 299, "denominator": 300}
    body = _score(kz2025, list(findings.values())).bodies[0]
    assert body.total == pytest.approx(89.995)
    # the conclusion prints "90,00": that figure is the final, and 90 is "high" (90–100)
    assert body.final == 90.0
    assert f"{body.final:.2f}" == "90.00"
    assert body.level == "high"
    assert body.as_dict()["final"] == 90.0


def test_the_language_split_includes_the_stimulus(kz2025: Edition) -> None:
    findings = _everything_passes(kz2025)
    findings[("T1-4", "kk")]["status"] = "fail"  # kk 7 without the stimulus, ru 9
    body = _score(kz2025, list(findings.values())).bodies[0]
    c1 = next(c for c in body.criteria if c.id == "C1")
    # 16 + 1 + 1 = 18: the ru stimulus finds ru already at its best, yet what counts is the criterion
    assert c1.points == pytest.approx(18)
    assert sum(c1.by_lang.values()) == pytest.approx(c1.points)
    assert c1.by_lang["kk"] == pytest.approx(8) and c1.by_lang["ru"] == pytest.approx(10)

    findings = _everything_passes(kz2025)
    for key in [("T1-1", "kk"), ("T1-1", "ru")]:
        findings[key]["status"] = "fail"  # 13 without the stimulus: both stimulus points count
    c1 = next(c for c in _score(kz2025, list(findings.values())).bodies[0].criteria if c.id == "C1")
    assert c1.points == pytest.approx(15)
    assert c1.by_lang == pytest.approx({"kk": 7.5, "ru": 7.5})


def test_every_node_split_adds_up_to_its_points(kz2025: Edition) -> None:
    findings = _everything_passes(kz2025)
    findings[("T1-2", "kk")]["status"] = "fail"
    for crit in _score(kz2025, list(findings.values())).bodies[0].criteria:
        if crit.by_lang:
            assert sum(crit.by_lang.values()) == pytest.approx(crit.points), crit.id


def _documented_example() -> dict[str, Any]:
    text = DOCS.read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)```", text, re.S)
    assert block is not None
    return dict(json.loads(block.group(1)))


def test_the_documented_example_is_scored_with_its_facts(kz2025: Edition) -> None:
    example = _documented_example()
    scores = score_run(FindingsFile.model_validate(example), kz2025)
    enbek = next(b for b in scores.bodies if b.body == "enbek")
    assert enbek.penalty == pytest.approx(0.4)  # 2 untrue facts × 0.2
    other = score_run(FindingsFile.model_validate({**example, "reporting_facts": {}}), kz2025)
    assert next(b for b in other.bodies if b.body == "enbek").penalty == 0


def test_the_penalty_id_is_not_a_second_route(kz2025: Edition) -> None:
    """One route for untrue facts: ``reporting_facts``. A finding for ``R`` is refused with that pointer,
    and the documentation describes no other."""
    finding = {"body": "a", "item": "R", "status": "fail", "measured": {"facts": 3}}
    with pytest.raises(FindingsError) as refused:
        _score(kz2025, [finding])
    assert len(refused.value.problems) == 1
    assert "reporting_facts" in refused.value.problems[0]
    text = DOCS.read_text(encoding="utf-8")
    assert "`facts`" not in text and "reporting_facts" in text
