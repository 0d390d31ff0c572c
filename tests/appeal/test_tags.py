"""C.3: one spelling of every body tag. The 2017 National Bank exemption (Appendix 15, Table 1 note:
section 1.6 "except the National Bank") never fired: the edition said ``national-bank`` while the
registry says ``national_bank``. Editions and registries are now both checked against
``ashyq/config/body_tags.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ashyq.config import BODIES_DIR
from ashyq.methodology.edition import edition_path
from ashyq.methodology.validate import EditionError, load_edition
from ashyq.scoring.engine import score_run
from ashyq.scoring.findings import FindingsError, FindingsFile
from ashyq.store.bodies import RegistryError, load_registry


def test_the_2017_national_bank_exemption_applies_to_the_registry_tag() -> None:
    edition = load_edition(edition_path("kz-2017"))
    findings = [
        {"body": "nb", "item": "A15-1.6", "lang": lang, "status": "fail", "deficiencies": [{"message": "none"}]}
        for lang in ("kk", "ru")
    ]
    bodies = [{"id": "nb", "kind": "cgo", "tags": ["national_bank"]}]
    scores = score_run(FindingsFile.model_validate({"bodies": bodies, "findings": findings}), edition)
    leaves = [leaf for c in scores.bodies[0].criteria for g in c.children for leaf in g.items if leaf.item == "A15-1.6"]
    assert [leaf.status for leaf in leaves] == ["exempt", "exempt"]
    assert all(leaf.points == leaf.max == 2.0 for leaf in leaves)


def test_an_edition_with_a_misspelt_tag_is_refused(tmp_path: Path) -> None:
    text = edition_path("kz-2017").read_text(encoding="utf-8").replace("[national_bank]", "[national-bank]")
    path = tmp_path / "misspelt.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(EditionError) as refused:
        load_edition(path)
    lines = [str(p) for p in refused.value.problems]
    assert len(lines) == 1 and "A15-1.6" in lines[0] and "unknown tag 'national-bank'" in lines[0], lines


def test_a_registry_or_findings_file_with_a_misspelt_tag_is_refused(tmp_path: Path) -> None:
    raw = yaml.safe_load((BODIES_DIR / "demo.yaml").read_text(encoding="utf-8"))
    raw["bodies"][0]["tags"] = ["national-bank"]
    path = tmp_path / "reg.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(RegistryError) as refused:
        load_registry(path)
    assert any("unknown tag 'national-bank'" in p for p in refused.value.problems)
    edition = load_edition(edition_path("kz-2025"))
    document = {"bodies": [{"id": "a", "kind": "cgo", "tags": ["national-bank"]}], "findings": []}
    with pytest.raises(FindingsError) as bad:
        score_run(FindingsFile.model_validate(document), edition)
    assert bad.value.problems == [
        "bodies: a: unknown tag 'national-bank'; known: "
        + ", ".join(
            sorted(
                [
                    "defence",
                    "foreign_affairs",
                    "emergencies",
                    "internal_affairs",
                    "justice",
                    "national_bank",
                    "budget_restricted",
                ]
            )
        )
    ]
