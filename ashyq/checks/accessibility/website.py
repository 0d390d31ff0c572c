"""The website as the Appendix 14 checks read it: its pages parsed, which of them are the
website's own HTML pages, the browser's measurements of them, and the honest "nothing to look at"
outcomes.

The vocabularies (labels in kk, ru and en), selectors and thresholds are data in
``ashyq/config/checks/accessibility.yaml``, read with :func:`ashyq.config.check_settings.check_settings` (a fixture
or a run may override any key through ``artifacts.config["accessibility"]``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from w3lib.url import canonicalize_url

from ashyq.base.artifacts import BodyArtifacts, Measurement, PageSnapshot
from ashyq.base.home_page import is_home_url
from ashyq.base.routes import address_parts
from ashyq.base.text import normalise, squash, without_xml_declaration
from ashyq.base.wording import Said
from ashyq.checks.coverage import PRINT_LABEL
from ashyq.checks.inputs import missing_reason
from ashyq.checks.result import Result, not_assessed
from ashyq.config.check_settings import check_settings, pattern


# ------------------------------------------------------------------------------------------- pages
@dataclass(frozen=True)
class Parsed:
    page: PageSnapshot
    root: Any  # lxml.html.HtmlElement

    def select(self, selector: str) -> list[Any]:
        try:
            return list(self.root.cssselect(selector))
        except Exception:  # a selector lxml cannot compile is a configuration mistake, not a crash
            return []

    def first(self, selectors: Sequence[str]) -> tuple[str, Any] | None:
        for selector in selectors:
            found = self.select(selector)
            if found:
                return selector, found[0]
        return None

    def anchors(self) -> list[Any]:
        return [a for a in self.root.iter("a") if a.get("href") is not None]

    def navigation_links(self) -> list[Any]:
        """The links a reader follows from the page: its anchors and its image maps' areas."""
        return [e for e in self.root.iter("a", "area") if e.get("href") is not None]

    def text(self) -> str:
        """The visible text of the page body (scripts and styles dropped)."""
        return main_text(self.root)

    def absolute(self, href: str) -> str:
        return urljoin(self.page.final_url or self.page.url, href)


_NOT_TEXT = frozenset(("script", "style", "noscript", "template"))


def main_text(element: Any) -> str:
    """The element's text without its scripts, styles and templates, read off the shared tree
    (nothing is copied or re-parsed, and the tree stays as it was)."""
    return squash(" ".join(_texts(element)))


def _texts(element: Any) -> list[str]:
    """The texts ``itertext`` gives once the left-out elements are dropped: a dropped element's tail
    joins the text before it (``a<script>…</script>b`` reads ``ab``, as the page shows it)."""
    out: list[str] = []
    slot = element.text or ""  # the text run at this level, to which a dropped element's tail joins
    for child in element:
        if isinstance(child.tag, str) and child.tag.lower() in _NOT_TEXT:
            slot += child.tail or ""
            continue
        if slot:
            out.append(slot)
        if isinstance(child.tag, str):
            out.extend(_texts(child))
        slot = child.tail or ""
    if slot:
        out.append(slot)
    return out


@functools.lru_cache(maxsize=256)
def _parse(html: str) -> Any:
    return lxml.html.fromstring(without_xml_declaration(html) or "<html></html>")


def parse(page: PageSnapshot) -> Parsed:
    try:
        return Parsed(page, _parse(page.html))
    except (ValueError, lxml.etree.ParserError):
        return Parsed(page, lxml.html.fromstring("<html><body></body></html>"))


def is_mobile_host(config: dict[str, Any], url: str) -> bool:
    return bool(pattern(config, "mobile_host").search(urlsplit(url).hostname or ""))


def _desktop_page(page: PageSnapshot, config: dict[str, Any]) -> bool:
    """An HTML page of the desktop website that answered 200 (the mobile host and version are Appendix 16's)."""
    return (
        page.status == 200
        and page.is_html
        and not is_mobile_host(config, page.final_url or page.url)
        and not page.of_mobile_version
    )


def site_pages(artifacts: BodyArtifacts, config: dict[str, Any]) -> list[PageSnapshot]:
    """The desktop website's HTML pages that answered 200, in the state languages (the mobile host is
    Appendix 16's)."""
    return [
        p
        for p in artifacts.pages
        if _desktop_page(p, config) and p.lang not in ("en",) and not is_splash(parse(p), config)
    ]


def english_site_pages(artifacts: BodyArtifacts, config: dict[str, Any]) -> list[PageSnapshot]:
    """The desktop website's English HTML pages that answered 200 (pages of the site as much as the state
    languages' are: row 2.3 asks its elements "on every page")."""
    return [p for p in artifacts.pages if p.lang == "en" and _desktop_page(p, config)]


def is_home(page: PageSnapshot) -> bool:
    return page.depth == 0 or is_home_url(page.final_url or page.url)


def is_splash(parsed: Parsed, config: dict[str, Any]) -> bool:
    """A splash page: the root of a site that only offers a choice of language (and a picture)."""
    page = parsed.page
    if address_parts(page.final_url or page.url).path not in ("", "/"):  # a single-page app's route: its own
        return False
    anchors = parsed.anchors()
    limit = int(config["patterns"]["splash_max_links"][0])
    if not anchors or len(anchors) > limit:
        return False
    if parsed.first(config["menu_selectors"]) is not None and len(anchors) > 3:
        return False
    return all(_language_name(link_label(a)) or _is_language_href(a.get("href", "")) for a in anchors)


# a language named in its own words, as a choice of language labels it: «Қазақша», «Қазақ тілі», «На русском языке»,
# «РУС», «English»
LANGUAGE_NAMES = frozenset(("қазақша", "русский", "english", "kk", "ru", "en", "kz", "қаз", "рус", "eng", "орысша"))
_LANGUAGE_PHRASE = re.compile(r"(?:на )?(?:қазақ|русск|орыс|english)\w*(?: (?:тілі\w*|язык\w*|language|version))?")


def _language_name(label: str) -> bool:
    """A link's label naming a language alone: its words only, a flag or an icon beside them left out (🇰🇿 Қазақша)."""
    words = " ".join(re.sub(r"[^\w\s]|_", " ", normalise(label)).split())
    return words in LANGUAGE_NAMES or _LANGUAGE_PHRASE.fullmatch(words) is not None


def link_label(link: Any) -> str:
    """A link's label: its text, else its own alternative text or title (an image map's area), else the
    alternative text of its image (an image button «Қазақша»)."""
    text = link.text_content().strip()
    own = link.get("alt") or link.get("title") or link.get("aria-label") or ""
    return text or own.strip() or " ".join(i.get("alt") or "" for i in link.iter("img")).strip()


LANGUAGE_FOLDERS = frozenset(("kk", "ru", "kz", "en", "kaz", "rus", "eng"))


def _is_language_href(href: str) -> bool:
    """A link to a language's home: its folder (``/kk/``, ``kaz/index.htm``) or a ``?lang=`` choice."""
    path = urlsplit(href).path.strip("/")
    folder, _, rest = path.partition("/")
    home = folder in LANGUAGE_FOLDERS and (not rest or re.fullmatch(r"(?i)index\.\w{2,5}", rest) is not None)
    return home or bool(re.search(r"[?&]lang=(kk|ru|en)\b", href))


def is_material(page: PageSnapshot, config: dict[str, Any]) -> bool:
    """A news item or a document page, by its address: the path, and the query where a script's module
    names the item (``index.php?mod=news&nid=3``)."""
    parts = address_parts(page.final_url or page.url)  # a single-page app's route read as a path
    return bool(pattern(config, "material_url").search(f"{parts.path}?{parts.query}"))


# ------------------------------------------------------------------------------ honest no-outcomes
def no_pages(artifacts: BodyArtifacts, items: Sequence[str]) -> list[Result]:
    """None of the harvested pages is one of the website's HTML pages that answered."""
    return [not_assessed(item, None, missing_reason(artifacts, "pages")) for item in items]


PagesCheck = Callable[[BodyArtifacts, str, dict[str, Any], list[Parsed]], list[Result]]


def on_site_pages(check: PagesCheck) -> Callable[[BodyArtifacts, str], list[Result]]:
    """A row read off the website's own pages (:func:`site_pages`, parsed): the check is told the
    Appendix 14 settings and those pages, and is not called when there are none (:func:`no_pages`)."""

    @functools.wraps(check)
    def run(artifacts: BodyArtifacts, item: str) -> list[Result]:
        config = check_settings("accessibility", artifacts.config)
        pages = [parse(p) for p in site_pages(artifacts, config)]
        if not pages:
            return no_pages(artifacts, [item])
        return check(artifacts, item, config, pages)

    return run


def page_address(url: str) -> str:
    """One spelling of an address, as the harvest stores pages (``?lang=ru&id=82`` is ``?id=82&lang=ru``:
    the query sorted, no fragment): a link is to a harvested page whatever order its query is written in."""
    return canonicalize_url(url, keep_fragments=False)


def printable_copies(pages: list[Parsed]) -> frozenset[str]:
    """The addresses the site's pages offer as their own printable copy (a link labelled «Басып шығару нұсқасы»,
    «Версия для печати», «Print»): another rendering of a page, made to be printed, not a page to navigate from."""
    return frozenset(
        page_address(p.absolute(a.get("href", "")))
        for p in pages
        for a in p.anchors()
        if PRINT_LABEL.match(" ".join(link_label(a).split()))
    )


def navigable(pages: list[Parsed]) -> list[Parsed]:
    """The pages a reader navigates from: all but the printable copies (rows 2.3 and 2.4 ask their menu,
    links and trail of the site's pages, not of a copy made for the printer)."""
    copies = printable_copies(pages)
    return [p for p in pages if page_address(p.page.url) not in copies] if copies else pages


def measurements(artifacts: BodyArtifacts, kind: str, viewport: str | None = None) -> list[Measurement]:
    return [m for m in artifacts.measurements_of(kind) if viewport is None or m.viewport.startswith(viewport)]


def usable(found: Sequence[Measurement]) -> tuple[list[Measurement], list[Measurement]]:
    """Measurements split into those that worked and those the gather step reports an ``error`` for."""
    ok = [m for m in found if not m.data.get("error")]
    return ok, [m for m in found if m.data.get("error")]


def no_measurement(item: str, kind: str, broken: Sequence[Measurement]) -> Result:
    if broken:
        errors = "; ".join(sorted({str(m.data.get("error"))[:120] for m in broken}))
        return not_assessed(
            item,
            None,
            Said(
                f"the browser could not take the {kind} measurement: {errors}",
                "reason.a14.measurement_failed",
                measurement=kind,
                errors=errors,
            ),
        )
    return not_assessed(
        item,
        None,
        Said(
            f"no {kind} measurement: the browser gather step did not run for this site",
            "reason.input.no_measurement",
            measurement=kind,
        ),
    )


def sample(values: Iterable[str], limit: int = 5) -> str:
    items = list(dict.fromkeys(values))
    head = ", ".join(items[:limit])
    return head + (f" … (+{len(items) - limit})" if len(items) > limit else "")
