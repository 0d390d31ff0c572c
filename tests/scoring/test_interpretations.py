"""Interpretation options change the arithmetic they name, and every score records the options used."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from ashyq.methodology.edition import Edition, edition_path
from ashyq.methodology.validate import EditionError, load_edition
from ashyq.scoring.engine import RunScores, score_run
from ashyq.scoring.findings import FindingsFile


@pytest.fixture(scope="module")
def kz2025() -> Edition:
    return load_edition(edition_path("kz-2025"))


BODIES = [{"id": "a", "kind": "cgo"}, {"id": "b", "kind": "cgo"}, {"id": "mod", "kind": "cgo", "tags": ["defence"]}]


def run(edition: Edition, findings: list[dict[str, Any]], options: dict[str, str] | None = None) -> RunScores:
    return score_run(FindingsFile.model_validate({"bodies": BODIES, "findings": findings}), edition, options)


def points(scores: RunScores, body: str, item: str, lang: str | None = "kk") -> float:
    b = next(x for x in scores.bodies if x.body == body)
    stack = list(b.criteria)
    while stack:
        node = stack.pop()
        for leaf in node.items:
            if leaf.item == item and leaf.lang == lang:
                return leaf.points
        stack.extend(node.children)
    raise KeyError(item)


def test_defence_award_option(kz2025: Edition) -> None:
    f = [
        {"body": "a", "item": "T6-3", "lang": "kk", "status": "pass"},
        {"body": "b", "item": "T6-3", "lang": "kk", "status": "fail"},
    ]
    default = run(kz2025, f)
    assert points(default, "mod", "T6-3") == pytest.approx(1.0)  # the CGO average of 2 and 0
    assert default.bodies[2].interpretations["dialogue-defence-award"] == "cgo-average"
    chosen = run(kz2025, f, {"dialogue-defence-award": "maximum"})
    assert points(chosen, "mod", "T6-3") == pytest.approx(2.0)
    assert chosen.bodies[2].interpretations["dialogue-defence-award"] == "maximum"


@pytest.mark.parametrize(
    ("value", "lower_band", "rounded"),
    [(68.5, 0.8, 1.0), (79.6, 1.0, 1.0), (80.4, 1.5, 1.0), (35.5, 0.0, 0.4), (90, 1.5, 1.5)],
)
def test_satisfaction_band_gaps(kz2025: Edition, value: float, lower_band: float, rounded: float) -> None:
    f = [{"body": "a", "item": "T7.1-4", "lang": "kk", "status": "partial", "measured": {"value": value}}]
    assert points(run(kz2025, f), "a", "T7.1-4") == pytest.approx(lower_band)
    assert points(run(kz2025, f, {"media-d-gaps": "round-half-up"}), "a", "T7.1-4") == pytest.approx(rounded)


def test_blog_without_entries(kz2025: Edition) -> None:
    f = [{"body": "a", "item": "T6-2", "lang": "kk", "status": "partial", "measured": {"value": 0}}]
    assert points(run(kz2025, f), "a", "T6-2") == pytest.approx(0.3)
    assert points(run(kz2025, f, {"blog-no-entries": "zero-without-entries"}), "a", "T6-2") == 0
    some = [{**f[0], "measured": {"value": 4}}]
    assert points(run(kz2025, some, {"blog-no-entries": "zero-without-entries"}), "a", "T6-2") == pytest.approx(0.3)


def test_subordinate_penalty_per_organisation(kz2025: Edition) -> None:
    f = [
        {
            "body": "a",
            "item": "T10-1",
            "lang": "kk",
            "status": "fail",
            "deficiencies": [{"message": "org 1"}, {"message": "org 2"}],
        }
    ]
    assert points(run(kz2025, f), "a", "T10-1") == pytest.approx(-0.5)
    assert points(run(kz2025, f, {"subordinate-once": "per-organisation"}), "a", "T10-1") == pytest.approx(-1.0)


def _broken(tmp_path: Path, mutate: Any) -> Path:
    raw = yaml.safe_load(edition_path("kz-2025").read_text(encoding="utf-8"))
    interp = next(i for i in raw["interpretations"] if i["id"] == "dialogue-defence-award")
    mutate(interp["options"]["maximum"])
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def test_an_override_on_a_missing_node_is_refused(tmp_path: Path) -> None:
    path = _broken(tmp_path, lambda o: o.update(set=[{"node": "T6-99", "set": {"weights": 1}}]))
    with pytest.raises(EditionError) as e:
        load_edition(path)
    assert any("dialogue-defence-award" in str(p) and "T6-99" in str(p) for p in e.value.problems)


def test_an_override_that_breaks_the_sums_is_refused(tmp_path: Path) -> None:
    path = _broken(tmp_path, lambda o: o.update(set=[{"node": "T6-3", "set": {"weights": 3}}]))
    with pytest.raises(EditionError) as e:
        load_edition(path)
    assert any("under interpretation dialogue-defence-award=maximum" in str(p) for p in e.value.problems)
