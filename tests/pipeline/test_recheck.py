"""Which spiders a recheck runs for the items under appeal: those that harvest what the items'
checks read (the registry's needs and uses), nothing else."""

from __future__ import annotations

from ashyq.checks import inputs
from ashyq.checks.registry import checks
from ashyq.crawler.spiders import spider_classes
from ashyq.pipeline.recheck import browser_for_items, spiders_for_items


def test_items_choose_their_spiders() -> None:
    assert spiders_for_items(["T1-1", "T1-3"]) == ["dataegov"]
    assert spiders_for_items(["A14-2.3", "T7-6"]) == ["site", "govkz", "govkz_render"]
    assert spiders_for_items(["T7-1"]) == ["site", "govkz", "govkz_render"]
    assert spiders_for_items(["T4-2", "T6-1"]) == ["legalacts", "dialog"]
    assert spiders_for_items(["T10-1"]) == ["dataegov"]  # the subordinate organisations' records


def test_a_declared_item_needs_no_harvest_and_an_unknown_one_the_whole_harvest() -> None:
    assert spiders_for_items(["T1-2", "T7.1-2"]) == []
    assert spiders_for_items(["T1-1", "Z-9"]) is None


def test_the_browser_runs_only_for_items_it_measures() -> None:
    assert browser_for_items(["A14-3.3"]) and browser_for_items(["T1-1", "A16-k"])
    assert browser_for_items(["A14-2.3"])  # a menu a script fills is read in the browser's rendering
    assert not browser_for_items(["T1-1", "A14-2.4", "T6-1"])


def test_every_harvested_input_a_check_reads_has_a_spider() -> None:
    harvested = {name for spider in spider_classes() for name in getattr(spider, "harvests", ())}
    for name in harvested:
        inputs.check_name(name)
    read = {source for check in checks() for name in check.reads if (source := inputs.harvested(name))}
    assert read <= harvested, sorted(read - harvested)
