"""Which spiders a recheck runs for the items under appeal."""

from __future__ import annotations

from ashyq.pipeline.recheck import spiders_for_items


def test_items_choose_their_spiders() -> None:
    assert spiders_for_items(["T1-1", "T1-3"]) == ["dataegov"]
    assert spiders_for_items(["A14-2.3", "T7-6"]) == ["site", "govkz_render", "govkz"]
    assert spiders_for_items(["T7-1"]) == ["site", "govkz", "govkz_render"]
    assert spiders_for_items(["T4-2", "T6-1"]) == ["legalacts", "dialog"]


def test_an_unknown_item_needs_the_whole_harvest() -> None:
    assert spiders_for_items(["T1-1", "Z-9"]) == []
