"""The spider registry: which spiders harvest a body.

``spiders_for(body)`` asks every known spider module - the classic-website spider here, and the
gov.kz and portal spiders once their modules exist - for its spider classes, and keeps those whose
``applies_to(body)`` is true (a class without ``applies_to`` is not offered). Modules are imported
lazily, so a missing or not-yet-written module never breaks a crawl of the others.
"""

from __future__ import annotations

import importlib
import inspect
import logging
from types import ModuleType

from scrapy import Spider

from ashyq.registry import Body

log = logging.getLogger(__name__)

# Order is the order spiders start in for a body: its own site first, then the platform and portals.
SPIDER_MODULES = (
    "crawler.spiders.site",
    "crawler.spiders.govkz",
    "crawler.spiders.govkz_render",
    "crawler.spiders.dataegov",
    "crawler.spiders.budget",
    "crawler.spiders.legalacts",
    "crawler.spiders.dialog",
)


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as error:
        if error.name != name:
            raise  # the module is there but something it needs is not: a real error
        return None


def spider_classes() -> list[type[Spider]]:
    """Every spider class defined in the known spider modules."""
    classes: list[type[Spider]] = []
    for name in SPIDER_MODULES:
        module = _module(name)
        if module is None:
            continue
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
