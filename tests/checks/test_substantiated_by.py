"""A Table 7 row's indicator names the detailed checklist's indicator of the same information (``substantiated_by``):
every such name leads to an indicator that exists for the kind of body, and a malformed one is refused at load with
its place."""

from __future__ import annotations

import pytest

from ashyq.checks.completeness.keywords import load_cached, section_from


def test_every_checklist_reference_names_an_indicator_of_the_same_kind() -> None:
    named = 0
    for section in load_cached("table7").sections.values():
        for indicator in section.indicators:
            for kind, refs in indicator.substantiated_by.items():
                for ref in refs:
                    vocabulary, _, rest = ref.partition(":")
                    item, _, key = rest.partition("/")
                    target = load_cached(vocabulary).sections[item]
                    assert key in {i.id for i in target.indicators_for(kind)}, (section.item, indicator.id, ref)
                    named += 1
    assert named >= 8  # rows 2, 4 and 5, for both kinds


def test_a_malformed_reference_is_refused_with_its_place() -> None:
    spec = {
        "title": {"kk": ["бюджет"], "ru": ["бюджет"]},
        "indicators": [
            {
                "id": "budget_use",
                "name": {"kk": "Бюджет", "ru": "Бюджет", "en": "Budget"},
                "kk": ["бюджет"],
                "ru": ["бюджет"],
                "substantiated_by": {"mio": ["A15-1.6 execution"]},
            }
        ],
    }
    with pytest.raises(ValueError, match=r"T7-2/budget_use: substantiated_by\.mio"):
        section_from("T7-2", spec)
