"""Links that lead to the pages the content checks read: a label naming a section of Appendix 15 or
16 or a row of Table 7 («Мемлекеттік рәміздер», «Государственные закупки», «Вакансии» …).

A large site fills the page limit with news, archives and galleries long before its crawl has seen
every section; those pages are where the appendices' indicators live, and a verdict of absence
resting on a section that was never read is no verdict. So the site spider marks a request whose
link label names a section (:data:`~ashyq.crawler.middlewares.traps.SECTION_LINK`), and the page
limit keeps a reserve of its pages for them (:class:`~ashyq.crawler.middlewares.traps.TrapLimits`):
the budget stays what it is, ordinary pages stop earlier.

The words are the sections' titles in the content checks' own vocabularies
(``ashyq/config/vocabulary/appendix15.yaml``, ``appendix16.yaml``, ``table7.yaml``), kk and ru,
compared in the folded spelling Kazakh and Russian labels share (:func:`ashyq.base.text.fold_kazakh`):
a title is found inside a label («Мемлекеттік сатып алу» in «Мемлекеттік сатып алу жоспары»).
"""

from __future__ import annotations

import functools
import logging
import re

from ashyq.base.text import fold_kazakh
from ashyq.config.loader import ConfigError, kind, read

log = logging.getLogger(__name__)

VOCABULARIES = ("appendix15", "appendix16", "table7")
LANGS = ("kk", "ru")
MIN_TITLE = 4  # shorter titles («бюджет» is six) would be found inside unrelated words


@functools.cache
def section_titles() -> tuple[tuple[str, str], ...]:
    """(folded title, section id) of every section of the three vocabularies, longest titles first. A
    vocabulary that does not load gives no titles (said in the crawl log): the harvest goes on without the
    reserve's priority rather than stop; the checks that read the vocabulary say what is wrong with it."""
    titles: dict[str, str] = {}
    for name in VOCABULARIES:
        where = f"ashyq/config/vocabulary/{name}.yaml"
        try:
            data = read("vocabulary", kind("vocabulary").named(name), where=where)
        except ConfigError as error:
            log.warning("section titles of %s not read, links to its sections are ordinary links: %s", where, error)
            continue
        for section_id, section in (data.get("sections") or {}).items():
            for lang in LANGS:
                for title in (section.get("title") or {}).get(lang, []):
                    folded = fold_kazakh(title)
                    if len(folded) >= MIN_TITLE:
                        titles.setdefault(folded, str(section_id))
    return tuple(sorted(titles.items(), key=lambda pair: (-len(pair[0]), pair[0])))


@functools.cache
def _any_title() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One expression for every title (a page's links are many: one search each), and title → section."""
    titles = section_titles()
    if not titles:
        return None, {}
    return re.compile("|".join(re.escape(title) for title, _ in titles)), dict(titles)


@functools.lru_cache(maxsize=8192)  # a site's menus repeat on every page
def section_named(label: str | None) -> str | None:
    """The section a link's label names (its id: the longest title found decides), or None."""
    folded = fold_kazakh(label or "")
    expression, sections = _any_title()
    if not folded or expression is None:
        return None
    found = [m.group(0) for m in expression.finditer(folded)]
    return sections[max(found, key=len)] if found else None
