"""The spider registry: which spiders harvest a body.

``spiders_for(body)`` asks every spider module - the classic-website spider, the gov.kz API and
render spiders and the four portal spiders - for its spider classes, and keeps those whose
``applies_to(body)`` is true (a class without ``applies_to`` is not offered). A module that fails
to import is an error, never a silently smaller crawl.
"""

from __future__ import annotations

import importlib
import inspect
import logging

from scrapy import Spider

from ashyq.store.bodies import Body

log = logging.getLogger(__name__)

# Order is the order spiders start in for a body: its own site first, then the platform and portals.
SPIDER_MODULES = (
    "ashyq.crawler.spiders.site",
    "ashyq.crawler.spiders.govkz",
    "ashyq.crawler.spiders.govkz_render",
    "ashyq.crawler.spiders.dataegov",
    "ashyq.crawler.spiders.budget",
    "ashyq.crawler.spiders.legalacts",
    "ashyq.crawler.spiders.dialog",
)


def spider_classes() -> list[type[Spider]]:
    """Every spider class defined in the known spider modules."""
    classes: list[type[Spider]] = []
    for name in SPIDER_MODULES:
        module = importlib.import_module(name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, Spider) and value.__module__ == module.__name__ and getattr(value, "name", None):
                classes.append(value)
    return classes


def spiders_for(body: Body) -> list[type[Spider]]:
    """The spiders that have something to harvest for ``body``."""
    chosen = []
    for spider_class in spider_classes():
        applies = getattr(spider_class, "applies_to", None)
        if applies is None:
            continue
        try:
            if applies(body):
                chosen.append(spider_class)
        except Exception:  # one spider's bug must not stop the others
            log.exception("%s.applies_to(%s) failed", spider_class.__name__, body.id)
    return chosen
