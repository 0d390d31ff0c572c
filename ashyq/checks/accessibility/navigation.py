"""Appendix 14, section 2 — navigation: depth in clicks (2.2), the elements every page carries and the
site map's dead links (2.3), breadcrumbs (2.4) and direct access to the home page (2.11).

Row 2.3's link to the home page is a link whose target is a home page: one the harvest took as the site's
or a language's home (the page the root leads to, whatever its address), or an address that is a root, or
one worded as the home page. Its site map is a page listing the site's pages: one called the site map, or
the list of all its pages («Барлық беттер», «Все страницы»).

These read the harvested pages only (HTML as served, or the rendered DOM of JavaScript sites). The
other Appendix 14 rows live in ``accessibility_content`` (2.5–2.10), ``accessibility_visual``
(section 3) and ``accessibility_interactive`` (section 4, 1.1 and 2.1).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import lxml.html

from ashyq.base.artifacts import BodyArtifacts, Measurement
from ashyq.base.evidence import Deficiency, EvidenceRef
from ashyq.base.home_page import outside_site
from ashyq.base.routes import address_parts
from ashyq.base.text import matches_label, squash
from ashyq.base.vocabulary import Status
from ashyq.base.wording import Said
from ashyq.checks.accessibility.points import by_language, judge
from ashyq.checks.accessibility.website import (
    Parsed,
    english_site_pages,
    is_home,
    is_home_url,
    is_splash,
    link_label,
    navigable,
    no_pages,
    on_site_pages,
    parse,
    sample,
    site_pages,
    usable,
)
from ashyq.checks.edition_index import reading
from ashyq.checks.registry import register
from ashyq.checks.result import Result, not_assessed, percent
from ashyq.config.check_settings import check_settings, labels

SECTION_2_TITLE = {
    "ru": "Доступность информации на интернет-ресурсе",
    "kk": "Интернет-ресурстағы ақпараттың қолжетімділігі",
    "en": "Accessibility of the information on the website",
}


# ------------------------------------------------------------------------------------------- 2.2
@register("a14.nav_depth", "3", ["A14-2.2"], needs=["pages"], also_applies_to=("subordinate",))
def nav_depth(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 14 row 2.2: Share of the harvested materials within the interpretation's click depth of the home page.

    ``value`` is that share in per cent. The row's distribution decides the status (:func:`judge`):
    the whole 0.3 at 50 % and more, else nothing, so the row is ``pass`` or ``fail``. Materials deeper
    than the Rules' 3 clicks are listed (the row deducts nothing for them: they inform, the band decides).
    """
    config = check_settings("accessibility", artifacts.config)
    pages = [p for p in site_pages(artifacts, config) if p.depth is not None and p.depth > 0]
    if not pages:
        if not artifacts.pages:
            return no_pages(artifacts, [item])
        return [
            not_assessed(
                item, None, Said("no page has a known click depth from the home page", "reason.a14.no_click_depth")
            )
        ]
    depth_config = config["nav_depth"]
    option = reading(artifacts.config, "a14-nav-depth")
    limit = int(depth_config["depth_by_interpretation"][option])
    rules_depth = int(depth_config["rules_depth"])
    within = [p for p in pages if (p.depth or 0) <= limit]
    value = percent(len(within), len(pages))
    deep = sorted((p for p in pages if (p.depth or 0) > rules_depth), key=lambda p: -(p.depth or 0))
    deficiencies = [
        Deficiency(
            Said(
                f"{p.url} is {p.depth} clicks from the home page (the Rules allow {rules_depth})",
                "deficiency.a14.deep_material",
                url=p.url,
                depth=p.depth or 0,
                allowed=rules_depth,
            ),
            kind="deep_material",
            url=p.url,
            evidence=[p.evidence(None, p.title or p.url)],
        )
        for p in deep[:20]
    ]
    measured = {
        "value": value,
        "depth_limit": limit,
        "interpretation": option,
        "materials": len(pages),
        "within": len(within),
        "max_depth": max(p.depth or 0 for p in pages),
    }
    points = judge(item, deficiencies, measured, artifacts.config)
    evidence = [p.evidence(None, f"depth {p.depth}") for p in (deep or pages)[:3]]
    return [Result(item, None, points.status, measured, deficiencies, evidence, reason=points.note)]


# ------------------------------------------------------------------------------------------- 2.3
def has_menu(parsed: Parsed, config: dict[str, Any]) -> tuple[str, Any] | None:
    minimum = int(config["menu_min_links"])
    for selector in config["menu_selectors"]:
        for element in parsed.select(selector):
            if len(element.xpath(".//a[@href]")) >= minimum:
                return selector, element
    for selector in config["menu_selectors"]:
        block = _block_of_entries(parsed.select(selector), minimum)
        if block is not None:
            return selector, block
    return None


MENU_OUTSIDE = frozenset(("footer", "main", "article"))  # a list in these is the page's content or its footer
MENU_OUTSIDE_ROLES = frozenset(("contentinfo", "main"))
NOT_PAGES = ("#", "javascript:", "mailto:", "tel:")


def _bare(host: str | None) -> str:
    host = (host or "").lower()
    return host[4:] if host.startswith("www.") else host


def link_lists(parsed: Parsed, minimum: int) -> list[tuple[Any, frozenset[str]]]:
    """The page's lists of links to its own site's pages (:func:`address_key`): a ``ul`` or ``ol`` of at
    least ``minimum`` entries each led by a link to a page of the same host (not a part of the page, not
    mail), outside the page's main content, its footer and a breadcrumb trail."""
    host = _bare(urlsplit(parsed.page.final_url or parsed.page.url).hostname)
    out = []
    candidates = [
        *parsed.root.iter("ul", "ol"),
        *(e for e in parsed.root.iter("p", "div") if _line_of_links(e)),
        *(t for t in parsed.root.iter("table") if _column_of_links(t, minimum)),
        *parsed.root.iter("map"),  # an image map's areas: a banner's navigation strip
    ]
    for listed in candidates:
        around = [listed, *listed.iterancestors()]
        if any(e.tag in MENU_OUTSIDE or (e.get("role") or "") in MENU_OUTSIDE_ROLES for e in around[1:]):
            continue
        if any("crumb" in f"{e.get('class') or ''} {e.get('aria-label') or ''}".lower() for e in around):
            continue
        keys = set()
        for entry in _entries(listed):
            own = entry.tag in ("a", "area")  # else the entry's own link, not its submenu's
            link = entry if own else next(iter(entry.xpath(".//a[@href]")), None)
            href = (link.get("href") or "").strip() if link is not None else ""
            if not href or href.lower().startswith(NOT_PAGES):
                continue
            url = parsed.absolute(href)
            if _bare(urlsplit(url).hostname) == host:
                keys.add(address_key(url))
        if len(keys) >= minimum:
            out.append((listed, frozenset(keys)))
    return out


def _entries(listed: Any) -> list[Any]:
    """A list's entries: a list's items, a line's links, a column table's rows, an image map's areas."""
    if listed.tag == "table":
        return list(listed.xpath("./tr | ./tbody/tr"))
    if listed.tag == "map":
        return [a for a in listed.iterchildren("area") if a.get("href")]
    return list(listed.iterchildren("li", "a"))


COLUMN_ROW_TEXT = 3  # characters a column-of-links row may hold besides its link's label (a bullet, a separator)


def _column_of_links(table: Any, minimum: int) -> bool:
    """A table layout's menu column: a table (no table inside) whose rows each hold one link and nothing else
    to read but its label or image (the image buttons of an editor's template, «Басты бет», «Әкім туралы» …)."""
    if table.xpath(".//table"):
        return False
    rows = table.xpath("./tr | ./tbody/tr")
    if len(rows) < minimum:
        return False
    for row in rows:
        links = row.xpath(".//a[@href]")
        if len(links) != 1:
            return False
        label = links[0].text_content()
        if len(squash(row.text_content()).replace(squash(label), "", 1).strip()) > COLUMN_ROW_TEXT:
            return False
    return True


VERSION_MIN_PAGES = 3  # other pages sharing a query parameter that make a version with its own template


def _query_names(parsed: Parsed) -> frozenset[str]:
    """The names of the query parameters of the page's address."""
    return frozenset(name for name, _ in parse_qsl(urlsplit(parsed.page.url).query, keep_blank_values=True))


LINE_SEPARATORS = re.compile(r"^[\s·|•/,–—-]*$")


def _line_of_links(element: Any) -> bool:
    """A paragraph or box that is a line of links and nothing else, the links set apart by «·», «|» or spaces
    (a plain version's menu: «Әкімдік · Қызмет · Құжаттар · …»)."""
    children = [c for c in element if isinstance(c.tag, str)]
    if len(children) < 2 or any(c.tag != "a" or not c.get("href") for c in children):
        return False
    between = [element.text or "", *(c.tail or "" for c in children)]
    return all(LINE_SEPARATORS.match(t) for t in between)


def template_menus(missing: list[Parsed], pages: list[Parsed], minimum: int) -> dict[str, Any]:
    """Row 2.3's main menu by what it is, whatever the skin calls it: a list of links to the site's
    sections that the template repeats, the same entries (three in four of them) on at least half the
    other pages of the language. For each page of ``missing`` that carries one, its list, by the page's URL."""
    lists = {id(p): link_lists(p, minimum) for p in pages}
    queries = {id(p): _query_names(p) for p in pages}
    found: dict[str, Any] = {}
    for parsed in missing:
        others = [p for p in pages if p is not parsed and p.page.lang == parsed.page.lang]
        # a version of the site at the same addresses with a query of its own (a plain version for the visually
        # impaired at «?special=1»), its template its own: its pages are compared with each other
        versions = [[p for p in others if name in queries[id(p)]] for name in sorted(_query_names(parsed))]
        alike = max(versions, key=len, default=[])
        if len(alike) >= VERSION_MIN_PAGES:
            others = alike
        for element, keys in lists[id(parsed)] if others else []:
            least = max(minimum, (3 * len(keys) + 3) // 4)
            repeated = sum(1 for o in others if any(len(keys & other) >= least for _, other in lists[id(o)]))
            if repeated * 2 >= len(others):
                found[parsed.page.url] = element
                break
    return found


ENTRY_LEVELS = 3  # how far above a menu entry its menu's block is looked for (a cell, its row, its table)


def _block_of_entries(entries: list[Any], minimum: int) -> Any | None:
    """A menu made of entries each marked as one (a table layout's «td class=menu» cells, a column of
    «a class=menu» links): the nearest block holding the links of at least ``minimum`` of them."""
    found = [a for e in entries for a in ([e] if e.tag == "a" and e.get("href") else e.xpath(".//a[@href]"))]
    links = list({id(a): a for a in found}.values())  # a cell and its link both marked: one entry
    for link in links:
        block = link
        for _ in range(ENTRY_LEVELS + 1):
            block = block.getparent()
            if block is None or block.tag in ("body", "html"):
                break
            if sum(1 for a in links if block in a.iterancestors()) >= minimum:
                return block
    return None


def _site_above(host: str | None, target: str | None) -> bool:
    """Whether ``target`` is the site a sub-host ``host`` of the body's belongs to: the register at
    ``docs.body.gov.kz`` linking home to ``www.body.gov.kz`` (the harvest takes such a sub-host in as
    the body's, ashyq.crawler.spiders.site_scope). A bare two-label domain (``gov.kz``) is no site."""
    site = (target or "").lower().removeprefix("www.")
    return bool(host) and site.count(".") >= 2 and (host or "").lower().endswith(f".{site}")


def home_key(url: str) -> str:
    """One spelling of an address for finding the home page among links: :func:`address_key` with the
    path's percent-encoding read (``/kk/wiki/%D0%91…`` is ``/kk/wiki/Б…``) and no trailing slash."""
    key = unquote(address_key(url))
    path, _, query = key.partition("?")
    return f"{path.rstrip('/')}?{query}"


def home_addresses(artifacts: BodyArtifacts) -> dict[str, str | None]:
    """The home pages the harvest found (address → language, by :func:`home_key`): each page it took as
    the site's or a language's home (depth 0: where the root or the language's root leads, ``/`` →
    ``/kk/wiki/Басты_бет``) or whose address is a root, under the address asked and the one it ended at."""
    out: dict[str, str | None] = {}
    for page in artifacts.pages:
        if page.status == 200 and (page.depth == 0 or is_home_url(page.url)):
            out |= {home_key(page.url): page.lang, home_key(page.final_url or page.url): page.lang}
    return out


def home_link(parsed: Parsed, config: dict[str, Any], homes: dict[str, str | None] | None = None) -> Any | None:
    """The page's link to the home page: to a home page the harvest found (``homes``, :func:`home_addresses`;
    the English one only from an English page, elsewhere it is a language switch), to an address that is a
    root, or worded as the home page; a language switch (``hreflang``) or an anchor on the page is none."""
    vocabulary = labels(config, "home")
    page_url = parsed.page.final_url or parsed.page.url
    host = urlsplit(page_url).hostname
    for anchor in parsed.navigation_links():
        target = urlsplit(parsed.absolute(anchor.get("href", "")))
        if target.hostname != host and not _site_above(host, target.hostname):
            continue
        text = link_label(anchor)
        home = not target.fragment and anchor.get("hreflang") is None
        found = (homes or {}).get(home_key(target.geturl()), "none")
        if found != "none" and (found != "en" or parsed.page.lang == "en") and home:
            return anchor
        if matches_label(text, vocabulary, exact=True) or (
            is_home_url(target.geturl()) and not target.path.rstrip("/").lower().endswith(("/en", "/eng")) and home
        ):
            return anchor
        if "site-title" in (anchor.get("class") or "") or "logo" in (anchor.get("class") or ""):
            return anchor
    return None


def sitemap_link(parsed: Parsed, config: dict[str, Any], site_urls: tuple[str, ...] = ()) -> Any | None:
    """The page's link to the site map: one of the body's site (``site_urls``: a link to the map of the
    larger host a body's folder sits under - an oblast's beside its district's pages - is another body's
    map, :func:`ashyq.base.home_page.outside_site`)."""
    for anchor in _sitemap_anchors(parsed, config):
        if not site_urls or outside_site(parsed.absolute(anchor.get("href", "")), site_urls) is None:
            return anchor
    return None


def _sitemap_anchors(parsed: Parsed, config: dict[str, Any]) -> list[Any]:
    vocabulary, all_pages = labels(config, "sitemap"), labels(config, "all_pages")
    return [
        anchor
        for anchor in parsed.navigation_links()
        if matches_label(link_label(anchor), vocabulary)
        or matches_label(link_label(anchor), all_pages, exact=True)  # the list of every page is the map
        or "sitemap" in (href := anchor.get("href", "").lower())
        or "karta-sajta" in href
    ]


def _sitemap_missing(
    pages: list[Parsed], config: dict[str, Any], site_urls: tuple[str, ...]
) -> tuple[list[Parsed], str | None]:
    """The pages with no link to the body's site map, and the site map outside the body's site that
    the first of them links to instead (None: none does)."""
    missing = [p for p in pages if sitemap_link(p, config, site_urls) is None]
    elsewhere = (p.absolute(a.get("href", "")) for p in missing for a in _sitemap_anchors(p, config))
    return missing, next(elsewhere, None)


def search_form(parsed: Parsed, config: dict[str, Any]) -> tuple[str, Any] | None:
    """The page's search form: one the usual markup names (``search_selectors``), else one the reader
    sees is for searching (:func:`worded_search_form`)."""
    return parsed.first(config["search_selectors"]) or worded_search_form(parsed.root, labels(config, "search"))


_TEXT_TYPES = ("text", "search")  # an input's types a reader writes a query in
_SAYING_TYPES = ("submit", "button", "image", "hidden")  # an input's types whose value or alt says what the form does


def _input_type(element: Any) -> str:
    return (element.get("type") or "text").strip().lower()


def worded_search_form(root: Any, words: list[str]) -> tuple[str, Any] | None:
    """A form of one text box and no other place to write (no text area, no password), whose own words
    say it searches: its button's label or value, the box's placeholder, title or ARIA label, a label
    inside it, or a hidden field's value («Найти», «Поиск по сайту...», «Іздеу», ``do=search``) - the
    row's «поисковая форма» is a form a reader searches with, whatever its markup is called. The same
    reading is the browser's (:data:`ashyq.gather.probes.SEARCH_FORM`)."""
    for form in root.iter("form"):
        inputs = list(form.iter("input"))
        boxes = [i for i in inputs if _input_type(i) in _TEXT_TYPES]
        if (
            len(boxes) != 1
            or any(True for _ in form.iter("textarea"))
            or any(_input_type(i) == "password" for i in inputs)
        ):
            continue
        box = boxes[0]
        said = [box.get("placeholder"), box.get("title"), box.get("aria-label"), form.get("aria-label")]
        said += [i.get("value") or i.get("alt") for i in inputs if _input_type(i) in _SAYING_TYPES]
        said += [e.text_content() for e in form.iter("button", "label")]
        if any(matches_label(text, words) for text in said if text):
            return "form", form
    return None


ELEMENTS = (
    ("menu", "main navigation menu", lambda p, c: has_menu(p, c)),
    ("home_link", "link to the home page", home_link),
    ("sitemap_link", "link to the site map", sitemap_link),
    ("search_form", "search form", lambda p, c: search_form(p, c)),
)


def _is_sitemap_page(parsed: Parsed, maps: Collection[str] = ()) -> bool:
    """The site map's page: the page the pages' site-map links lead to (``maps``, by :func:`address_key`:
    a CMS's map may live at ``index.php?option=…&view=html``), or one whose address says it is the map."""
    if address_key(parsed.page.final_url or parsed.page.url) in maps or address_key(parsed.page.url) in maps:
        return True
    path = address_parts(parsed.page.final_url or parsed.page.url).path.lower()  # a route read as a path
    return "sitemap" in path or "karta-sajta" in path or path.endswith("sitemap.xml")


def address_key(url: str) -> str:
    """One spelling of an address for comparing links with pages: host and path as they are, the query's
    parameters in order and the fragment dropped (``?option=x&id=1`` is ``?id=1&option=x``)."""
    parts = urlsplit(url)
    query = "&".join(f"{k}={v}" for k, v in sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return f"{(parts.hostname or '').lower()}{parts.path or '/'}?{query}"


def sitemap_targets(pages: list[Parsed], config: dict[str, Any]) -> set[str]:
    """The addresses the pages' site-map links lead to (:func:`address_key`)."""
    out = set()
    for parsed in pages:
        anchor = sitemap_link(parsed, config)
        if anchor is not None and anchor.get("href"):
            out.add(address_key(parsed.absolute(anchor.get("href", ""))))
    return out


_FRAME = ("header", "footer", "aside")


def map_links(parsed: Parsed) -> set[str] | None:
    """The addresses the site map itself lists: its page's links outside the template's frame (header,
    footer, side column, a menu outside the main content), which every page of the site carries; None
    for a page that is not HTML (sitemap.xml: every link is the map's)."""
    if not parsed.root.xpath("//body"):
        return None
    out = set()
    for anchor in parsed.anchors():
        ancestors = [a.tag for a in anchor.iterancestors()]
        framed = any(tag in _FRAME for tag in ancestors) or ("nav" in ancestors and "main" not in ancestors)
        if not framed:
            out.add(address_key(parsed.absolute(anchor.get("href", ""))))
    return out


def template_links(pages: list[Parsed], but: Parsed) -> set[str]:
    """The addresses at least half the other pages of its language link to (:func:`address_key`): the
    template's (each language version has its own, linking its own language's pages)."""
    others = [p for p in pages if p is not but and p.page.lang == but.page.lang and p.root.xpath("//body")]
    counts: dict[str, int] = {}
    for parsed in others:
        for key in {address_key(parsed.absolute(a.get("href", ""))) for a in parsed.anchors()}:
            counts[key] = counts.get(key, 0) + 1
    return {key for key, n in counts.items() if others and n * 2 >= len(others)}


def broken_sitemap_links(artifacts: BodyArtifacts, pages: list[Parsed], config: dict[str, Any]) -> list[Deficiency]:
    """Dead links of the site map (the map's own links, not the frame around it: a dead link in the
    side column is row 2.9's): the harvest's checked status of each target (≥ 400). The map is the
    page the site-map links lead to, whatever its address (:func:`_is_sitemap_page`)."""
    failed = {
        address_key(f.url): f for f in artifacts.failures if f.reason == "http_status" and (f.status_code or 0) >= 400
    }
    statuses = {address_key(p.url): p.status for p in artifacts.pages}
    maps = sitemap_targets(pages, config)
    out: dict[str, Deficiency] = {}
    for parsed in pages:
        if not _is_sitemap_page(parsed, maps):
            continue
        listed = map_links(parsed)
        if listed is not None:  # what most other pages also link to is the template's frame (a side column in a
            listed -= template_links(pages, parsed)  # layout table marks none), not the map's own
        for link in parsed.page.links:
            key = address_key(link.target_url)
            if listed is not None and key not in listed:
                continue
            status = link.target_status or statuses.get(key)
            if status is None and key in failed:
                status = failed[key].status_code
            if status is not None and status >= 400 and link.target_url not in out:
                out[link.target_url] = Deficiency(
                    Said(
                        f"the site map links to {link.target_url}, which answers {status}",
                        "deficiency.a14.broken_sitemap_link",
                        url=link.target_url,
                        status=status,
                    ),
                    kind="broken_sitemap_link",
                    url=parsed.page.url,
                    selector=f"a[href='{link.target_url}']",
                    evidence=[
                        parsed.page.evidence(f"a[href='{link.target_url}']", link.anchor_text or link.target_url)
                    ],
                )
    return list(out.values())


@register(
    "a14.page_elements",
    "16",
    ["A14-2.3"],
    needs=["pages"],
    uses=["measurements:mobile"],
    also_applies_to=("subordinate",),
)
@on_site_pages
def page_elements(artifacts: BodyArtifacts, item: str, config: dict[str, Any], pages: list[Parsed]) -> list[Result]:
    """Appendix 14 row 2.3: main navigation menu, link to the home page, site map and search form on every page.

    The row's points come from every page of the site, its English version's too (−0.15 per element
    missing, −0.1 per dead link of the site map); ``measured.languages`` judges each state-language
    version on its own pages. A page's printable copy is no page to navigate from (:func:`navigable`)."""
    pages = navigable(pages)
    english = [p for p in (parse(page) for page in english_site_pages(artifacts, config)) if not is_splash(p, config)]
    if len(english) < ENGLISH_VERSION_PAGES:  # an English home page alone is no version of the site (row 4.5's lowest)
        english = []
    state_languages = _page_elements(artifacts, item, config, pages)
    result = _page_elements(artifacts, item, config, [*pages, *english]) if english else state_languages
    if english:
        result.measured["english_pages"] = len(english)
        if len(result.deficiencies) > len(state_languages.deficiencies) or result.status != state_languages.status:
            urls = sample(p.page.url for p in english)
            result.uncertain(
                "other_reading",
                look_at=english[0].page.evidence("body", english[0].page.title or english[0].page.url),
                quote=urls,
                detail=f"the Kazakh and Russian pages give {state_languages.status}; the elements missing are "
                f"missing on the English version's pages only ({urls}): row 2.3 asks them on every page of the site "
                "— is the English version judged with it?",
            )
    result.measured["languages"] = by_language(pages, lambda own: _page_elements(artifacts, item, config, own))
    return [result]


ENGLISH_VERSION_PAGES = 2  # English pages harvested that make a version of the site row 2.3 reads


def _element_missing(key: str, name: str, missing: int, pages: int, urls: str) -> Said:
    """An element of row 2.3 missing from every page (``deficiency.a14.missing_<key>.everywhere``) or
    from some of them (``….some``)."""
    if missing == pages:
        return Said(f"no {name} on any page: {urls}", f"deficiency.a14.missing_{key}.everywhere", urls=urls)
    return Said(
        f"no {name} on {missing} of {pages} pages: {urls}",
        f"deficiency.a14.missing_{key}.some",
        missing=missing,
        pages=pages,
        urls=urls,
    )


def _empty_menu(parsed: Parsed, config: dict[str, Any]) -> str | None:
    """A menu container with no link in the page as served, on a page that runs scripts: a menu a
    script fills (from JSON, say); the container's selector, to find it in a rendering."""
    if not parsed.root.xpath("//script[@src]"):
        return None
    for selector in config["menu_selectors"]:
        for element in parsed.select(selector):
            if not element.xpath(".//a[@href]"):
                ident = element.get("id")
                return f"#{ident}" if ident else selector
    return None


def _filled(element: Any, minimum: int) -> bool:
    """A rendered menu container holding its items: links, or entries a script made clickable (a menu
    of ``div`` with click handlers is still the menu; that it answers only the mouse is row 3.3's)."""
    links = element.xpath(".//a[@href] | .//*[@role='link' or @role='menuitem' or @onclick]")
    entries = [c for c in element if isinstance(c.tag, str) and 0 < len(squash(c.text_content())) <= 80]
    return max(len(links), len(entries)) >= minimum


def rendered_menu(artifacts: BodyArtifacts, config: dict[str, Any], selector: str) -> Measurement | None:
    """A browser rendering of the site (the gather step's ``mobile`` DOM of the home page) in which the
    menu container that a script fills (``selector``) holds its items."""
    minimum = int(config["menu_min_links"])
    for m in usable(artifacts.measurements_of("mobile"))[0]:
        try:
            root = lxml.html.fromstring(str(m.data.get("html") or "<html/>"))
            found = root.cssselect(selector)
        except Exception:  # an unparsable rendering or selector: no evidence of the menu
            continue
        if any(_filled(element, minimum) for element in found):
            return m
    return None


def _menu_missing(
    artifacts: BodyArtifacts, config: dict[str, Any], pages: list[Parsed], measured: dict[str, Any]
) -> tuple[list[Parsed], list[Parsed]]:
    """The pages with no menu, and of those the ones whose menu a script fills and no rendering showed."""
    missing = [p for p in pages if has_menu(p, config) is None]
    if missing:  # no container the settings name: the template's repeated list of the site's sections
        repeated = template_menus(missing, pages, int(config["menu_min_links"]))
        measured["menu_template_lists"] = len(repeated)
        missing = [p for p in missing if p.page.url not in repeated]
    containers = {p.page.url: c for p in missing if (c := _empty_menu(p, config)) is not None}
    scripted = [p for p in missing if p.page.url in containers]
    shown = next((m for c in dict.fromkeys(containers.values()) if (m := rendered_menu(artifacts, config, c))), None)
    if scripted and shown is not None:
        measured["menu_rendered"] = shown.viewport
        return [p for p in missing if p not in scripted], []
    return missing, scripted


def _page_elements(artifacts: BodyArtifacts, item: str, config: dict[str, Any], pages: list[Parsed]) -> Result:
    deficiencies: list[Deficiency] = []
    measured: dict[str, Any] = {"pages": len(pages)}
    scripted: list[Parsed] = []
    for key, name, find in ELEMENTS:
        elsewhere = None
        if key == "menu":
            missing, scripted = _menu_missing(artifacts, config, pages, measured)
        elif key == "home_link":
            homes = home_addresses(artifacts)
            missing = [p for p in pages if home_link(p, config, homes) is None]
        elif key == "sitemap_link":
            missing, elsewhere = _sitemap_missing(pages, config, artifacts.site_urls)
        else:
            missing = [p for p in pages if find(p, config) is None]
        measured[f"{key}_missing_pages"] = len(missing)
        if missing:
            said = _element_missing(key, name, len(missing), len(pages), sample(p.page.url for p in missing))
            if elsewhere is not None:
                measured["sitemap_outside_site"] = elsewhere
                said = Said(
                    f"{said}; the only site map they link to is another site's on the same host ({elsewhere}), "
                    "not the body's",
                    "deficiency.a14.sitemap_outside_site",
                    missing=said.wording,
                    url=elsewhere,
                )
            deficiencies.append(
                Deficiency(
                    said,
                    kind=f"missing_{key}",
                    url=missing[0].page.url,
                    evidence=[p.page.evidence(None, p.page.title or p.page.url) for p in missing[:3]],
                )
            )
    broken = broken_sitemap_links(artifacts, pages, config)
    measured["broken_sitemap_links"] = len(broken)
    deficiencies += broken
    missing_everywhere = sum(1 for key, _, _ in ELEMENTS if measured[f"{key}_missing_pages"] == len(pages))
    points = judge(item, deficiencies, measured, artifacts.config, nothing=missing_everywhere == len(ELEMENTS))
    evidence = [pages[0].page.evidence("body", pages[0].page.title or pages[0].page.url)]
    result = Result(item, None, points.status, measured, deficiencies, evidence, reason=points.note)
    if scripted:
        shown = scripted[0]
        result.uncertain(
            "other_reading",
            look_at=shown.page.evidence(_empty_menu(shown, config), shown.page.title or shown.page.url),
            detail="the main menu is a container a script fills and no browser rendering of the site was taken: "
            "open the page in a browser and see whether the menu shows",
            question={
                "ru": "Есть ли на каждой странице основное меню навигации (п. 2.3 приложения 14)? "
                "Меню строит сценарий, а отображение страницы в браузере не снималось: откройте страницу в браузере.",
                "kk": "Әр бетте негізгі навигация мәзірі бар ма (14-қосымшаның 2.3-тармағы)? Мәзірді сценарий құрады, "
                "ал беттің браузердегі көрінісі алынбады: бетті браузерде ашыңыз.",
            },
        )
    return result


# ------------------------------------------------------------------------------------------- 2.4
def breadcrumbs(parsed: Parsed, config: dict[str, Any]) -> tuple[str, Any] | None:
    """A trail the template names (``breadcrumb_selectors``), or one known by its form whatever its class
    (:func:`_trail_by_form`)."""
    found = parsed.first(config["breadcrumb_selectors"])
    if found is not None and len(found[1].xpath(".//a[@href]")) >= 1:
        return found
    return _trail_by_form(parsed, config)


def _trail_by_form(parsed: Parsed, config: dict[str, Any]) -> tuple[str, Any] | None:
    """A breadcrumb trail in a block whose class names nothing (``div class="bc"``): a link labelled as
    the home page followed by a trail separator («Басты бет › Құжаттар › …», «Главная / Документы»),
    in a short block of its own that is no menu (a menu's links are not joined by separators)."""
    vocabulary = labels(config, "home")
    separators = str(config["breadcrumb_separators"])
    most = int(config["breadcrumb_max_links"])
    for anchor in parsed.anchors():
        if not anchor.get("href") or not matches_label(anchor.text_content(), vocabulary, exact=True):
            continue
        after = (anchor.tail or "").strip()
        following = anchor.getnext()
        if not after and following is not None and following.tag != "a":
            after = (following.text_content() or "").strip()
        block = anchor.getparent()
        if not after or after[0] not in separators or block is None:
            continue
        if len(block.xpath(".//a[@href]")) <= most and squash(block.text_content()) != squash(anchor.text_content()):
            return "trail-after-home-link", block
    return None


@register("a14.breadcrumbs", "7", ["A14-2.4"], needs=["pages"], also_applies_to=("subordinate",))
def breadcrumb_trails(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 14 row 2.4: breadcrumbs showing the user's place in the site hierarchy (the share of the
    site's inner pages that show them; ``measured.languages``: each language on its own pages)."""
    config = check_settings("accessibility", artifacts.config)
    # the printable copies are told by the links of every page, the home page's too
    everything = [parse(p) for p in site_pages(artifacts, config)]
    inner = [p for p in navigable(everything) if not is_home(p.page)]
    if not inner:
        if not artifacts.pages:
            return no_pages(artifacts, [item])
        return [
            not_assessed(
                item,
                None,
                Said("only the home page was harvested; breadcrumbs are for inner pages", "reason.a14.home_page_only"),
            )
        ]
    result = _breadcrumb_trails(item, config, inner)
    result.measured["languages"] = by_language(inner, lambda own: _breadcrumb_trails(item, config, own))
    return [result]


def _breadcrumb_trails(item: str, config: dict[str, Any], inner: list[Parsed]) -> Result:
    with_trail = [(p, breadcrumbs(p, config)) for p in inner]
    have = [(p, found) for p, found in with_trail if found is not None]
    share = round(len(have) / len(inner), 3)
    lacking = [p for p, found in with_trail if found is None]
    deficiencies = (
        [
            Deficiency(
                Said(
                    f"no breadcrumbs on {(urls := sample(p.page.url for p in lacking))}",
                    "deficiency.a14.missing_breadcrumbs",
                    urls=urls,
                ),
                kind="missing_breadcrumbs",
                count=1,
                url=lacking[0].page.url,
                evidence=[p.page.evidence(None, p.page.title or p.page.url) for p in lacking[:3]],
            )
        ]
        if lacking
        else []
    )
    evidence: list[EvidenceRef] = [p.page.evidence(sel, found.text_content()) for p, (sel, found) in have[:2]]
    if not evidence:
        evidence = [p.page.evidence(None, p.page.title or p.page.url) for p in inner[:2]]
    threshold = float(config["breadcrumbs_pass_share"])
    status: Status = "pass" if share >= threshold else "fail" if not have else "partial"
    measured: dict[str, Any] = {"share": share, "pages": len(inner), "with_breadcrumbs": len(have)}
    return Result(item, None, status, measured, deficiencies, evidence)


# ------------------------------------------------------------------------------------------ 2.11
@register("a14.no_splash", "2", ["A14-2.11"], needs=["pages"], also_applies_to=("subordinate",))
def no_splash(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 14 row 2.11: direct access to the home page (no splash screen)."""
    config = check_settings("accessibility", artifacts.config)
    roots = [
        p
        for p in artifacts.pages
        if (p.status == 200 and address_parts(p.url).path in ("", "/")) or (p.depth == 0 and p.status == 200)
    ]
    if not roots:
        if not artifacts.pages:
            return no_pages(artifacts, [item])
        return [
            not_assessed(
                item, None, Said("the root page of the site was not among the harvested pages", "reason.a14.no_root")
            )
        ]
    splashes = [parse(p) for p in roots if is_splash(parse(p), config)]
    if splashes:
        page = splashes[0].page
        snippet = " | ".join(a.text_content().strip() for a in splashes[0].anchors())
        deficiency = Deficiency(
            Said(
                f"{page.url} is a splash page: it only offers a choice ({snippet})",
                "deficiency.a14.splash_page",
                url=page.url,
                choice=snippet,
            ),
            kind="splash_page",
            url=page.url,
            evidence=[page.evidence("body", snippet)],
        )
        return [Result(item, None, "fail", {"share": 0.0}, [deficiency], [page.evidence("body", snippet)])]
    page = roots[0]
    return [Result(item, None, "pass", {}, [], [page.evidence("body", page.title or page.url)])]
