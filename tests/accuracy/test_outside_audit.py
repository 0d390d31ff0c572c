"""The outside measurement end to end on one site: served, registered, audited as ``ashyq audit``
would, every verdict of its truth paired with a finding or counted unmeasured."""

from __future__ import annotations

from pathlib import Path

import pytest
from ashyq_replica.accuracy.compare import overall
from ashyq_replica.accuracy.outside import audit, compare, truth_rows
from ashyq_replica.core import DEFAULT_AS_OF


@pytest.mark.slow
def test_a_site_is_audited_and_every_verdict_gets_an_answer_or_counts_unmeasured(tmp_path: Path) -> None:
    run = audit(DEFAULT_AS_OF, tmp_path, f"sqlite:///{tmp_path / 'a.sqlite'}", browser=False, only=["nadzor"])
    assert run.outcomes == {"nadzor": "complete"}
    assert {f["site"] for f in run.findings} == {"nadzor"}
    pairs = compare(DEFAULT_AS_OF, run.findings, only=["nadzor"])
    assert len(pairs) == len(truth_rows(DEFAULT_AS_OF, ["nadzor"])) == 72
    answered = {(f["item"], f["lang"]) for f in run.findings}
    total = overall(pairs)
    # content items are judged from the harvested pages; browser items are unmeasured without a browser
    assert sum(1 for p in pairs if (p.item, p.lang) in answered) > 40
    assert 0 < total.unmeasured < total.verdicts
    assert total.agree + total.unmeasured + len([p for p in pairs if p.measured and not p.agrees]) == 72
