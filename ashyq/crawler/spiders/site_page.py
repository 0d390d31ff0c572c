"""Reading one page of a classic website: decoding, language, title, links, downloads, switch.

Pure functions of the bytes and headers, so they are tested without a crawl. Old CMS pages come
without any charset (neither header nor meta); those are decoded as UTF-8 when they are valid
UTF-8 and otherwise as the Cyrillic single-byte encoding that reads most like text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from posixpath import splitext
from urllib.parse import parse_qsl, urljoin, urlsplit

import lxml.html
from lxml import etree
from parsel import Selector
from w3lib.encoding import html_to_unicode

from ashyq.base.routes import route_fragment, route_parts, viewed_file
from ashyq.base.text import squash
from ashyq.crawler.middlewares.traps import canonical_url

KAZAKH_LETTERS = set("әіңғүұқөһӘІҢҒҮҰҚӨҺ")
LANG_CODES = {"kk": "kk", "kz": "kk", "kaz": "kk", "qaz": "kk", "ru": "ru", "rus": "ru", "en": "en", "eng": "en"}
# How sites label their language switch.
SWITCH_LABELS = {
    "қазақша": "kk",
    "қазақ тілі": "kk",
    "қаз": "kk",
    "каз": "kk",
    "kaz": "kk",
    "kk": "kk",
    "kz": "kk",
    "мемлекеттік тілде": "kk",
    "русский": "ru",
    "русский язык": "ru",
    "орысша": "ru",
    "рус": "ru",
    "ru": "ru",
    "rus": "ru",
    "english": "en",
    "eng": "en",
    "en": "en",
}
DOWNLOAD_FORMATS = {
    "pdf",
    "doc",
    "docx",
    "xls",
    "xlsx",
    "ppt",
    "pptx",
    "odt",
    "ods",
    "odp",
    "rtf",
    "csv",
    "zip",
    "rar",
    "7z",
    "gz",
    "txt",
    "xml",
    "json",
}
CONTENT_TYPE_FORMATS = {
    "application/pdf": "pdf",
    "application/msword": "doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.ms-excel": "xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/zip": "zip",
    "text/csv": "csv",
}
SIZE_TEXT = re.compile(r"\d+(?:[.,]\d+)?\s*(?:байт|Б|КБ|Кб|кб|МБ|Мб|мб|ГБ|Гб|B|KB|kB|Kb|MB|Mb|GB)\b", re.I)


@dataclass
class FoundLink:
    url: str  # canonical, absolute
    anchor_text: str | None
    rel: str | None
    target: str | None
    hreflang: str | None


@dataclass
class FoundDownload:
    url: str
    format: str | None
    declared_size_text: str | None


@dataclass
class ParsedPage:
    text: str
    encoding: str
    html_lang: str | None
    title: str | None
    links: list[FoundLink] = field(default_factory=list)
    downloads: list[FoundDownload] = field(default_factory=list)
    language_links: dict[str, str] = field(default_factory=dict)  # lang → URL of the switch
    alternates: dict[str, str] = field(default_factory=dict)  # lang → <link rel="alternate" hreflang> in the head
    # what the page shows in its <iframe>/<frame> elements: the frame's address, labelled as a reader sees
    # it (the heading above it, else the frame's title, else the page's title)
    frames: list[FoundLink] = field(default_factory=list)


def _cyrillic_guess(body: bytes) -> str | None:
    """UTF-8 if it is valid UTF-8, else the Cyrillic code page whose reading looks most like text."""
    try:
        body.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best, best_score = None, -1.0
    for encoding in ("cp1251", "koi8_r", "cp866"):
        text = body.decode(encoding, "replace")
        letters = [c for c in text if c.isalpha()]
        if not letters:
            continue
        # Lower-case Cyrillic dominates running text; a wrong code page yields capitals and symbols.
        score = sum(1 for c in letters if "а" <= c <= "я" or c == "ё") / len(letters)
        if score > best_score:
            best, best_score = encoding, score
    return best


def decode_html(body: bytes, content_type: str | None) -> tuple[str, str]:
    """Text and encoding: BOM, then the header charset, then <meta charset>, then the guess."""
    encoding, text = html_to_unicode(content_type, body, auto_detect_fun=_cyrillic_guess)
    return text, encoding


def normalise_lang(value: str | None) -> str | None:
    if not value:
        return None
    return LANG_CODES.get(value.strip().lower().replace("_", "-").split("-")[0])


def lang_from_url(url: str) -> str | None:
    """The language a URL names: ``/kk/…``, ``/ru/…`` or ``?lang=kk`` - for a single-page app's route, in
    the route (``/#!/ru/komitet``) as in a path."""
    path, query = route_parts(url)
    for name, value in parse_qsl(query):
        if name.lower() in ("lang", "language", "locale", "hl") and normalise_lang(value):
            return normalise_lang(value)
    first = path.strip("/").split("/")[0]
    return normalise_lang(first) if first.lower() in LANG_CODES else None


def lang_from_text(text: str) -> str | None:
    """A last resort: Kazakh letters mean Kazakh, other Cyrillic Russian, Latin English."""
    if any(c in KAZAKH_LETTERS for c in text):
        return "kk"
    if any("а" <= c.lower() <= "я" for c in text):
        return "ru"
    if any("a" <= c.lower() <= "z" for c in text):
        return "en"
    return None


def _clean(text: str | None, limit: int = 500) -> str | None:
    """The text with its white space folded, cut to ``limit``; None when nothing is left."""
    return (squash(text)[:limit] or None) if text is not None else None


def _repair_unclosed_title(text: str, title: str) -> str:
    """An unclosed <title> swallows the page; close it where the markup starts again."""
    cut = title.find("<")
    start = text.lower().find("<title")
    if cut < 0 or start < 0:
        return text
    opening_end = text.find(">", start) + 1
    position = opening_end + cut
    return text[:position] + "</title>" + text[position:]


def download_format(url: str, content_type: str | None = None) -> str | None:
    extension = splitext(urlsplit(url).path)[1].lower().lstrip(".")
    if extension in DOWNLOAD_FORMATS:
        return extension
    if content_type:
        return CONTENT_TYPE_FORMATS.get(content_type.split(";")[0].strip().lower())
    return None


def _size_text(anchor: Selector, anchor_text: str | None) -> str | None:
    """The size a page shows next to a link: in the link text or right after the link."""
    tail = anchor.xpath("following-sibling::text()[1]").get() or ""
    for candidate in (tail, anchor_text or ""):
        if SIZE_TEXT.search(candidate):
            return _clean(candidate.strip(" ()[]—-–|"), 64)
    return None


def parse_page(url: str, body: bytes, content_type: str | None) -> ParsedPage:
    """Everything the site spider keeps from one HTML page; malformed markup is read as browsers do."""
    text, encoding = decode_html(body, content_type)
    # read as HTML whatever the page declares: an XHTML page opening with «<?xml … ?>» (a PDA or WAP
    # version's) is parsed by browsers as HTML, and as XML its namespace would hide every element
    selector = Selector(text=text or "<html></html>", type="html")
    raw_title = selector.xpath("//title/text()").get()
    if raw_title and "<" in raw_title:
        text = _repair_unclosed_title(text, raw_title)
        selector = Selector(text=text, type="html")
        raw_title = selector.xpath("//title/text()").get()
    page = ParsedPage(
        text=text,
        encoding=encoding,
        html_lang=normalise_lang(selector.xpath("/html/@lang | //html/@lang").get()),
        title=_clean(raw_title),
    )
    base = selector.xpath("//base/@href").get()
    base_url = urljoin(url, base.strip()) if base else url
    seen: set[str] = set()
    for anchor in selector.xpath("//a[@href]"):
        href = (anchor.attrib.get("href") or "").strip()
        if not href or href.lower().startswith(("javascript:", "data:")):
            continue
        if href.startswith("#") and route_fragment(href) is None:
            continue  # a place in this page; a route of a single-page app (``#!/kk/komitet``) is a page
        absolute = urljoin(base_url, href)
        scheme = urlsplit(absolute).scheme.lower()
        target_url = canonical_url(absolute) if scheme in ("http", "https") else absolute
        anchor_text = _clean(" ".join(anchor.xpath(".//text()").getall())) or _clean(
            anchor.attrib.get("aria-label") or anchor.attrib.get("title") or anchor.xpath(".//img/@alt").get()
        )
        hreflang = normalise_lang(anchor.attrib.get("hreflang"))
        page.links.append(
            FoundLink(target_url, anchor_text, _clean(anchor.attrib.get("rel")), anchor.attrib.get("target"), hreflang)
        )
        switch_lang = hreflang or SWITCH_LABELS.get((anchor_text or "").lower().strip(" .[]|"))
        if switch_lang and scheme in ("http", "https"):
            page.language_links.setdefault(switch_lang, target_url)
        fmt = download_format(target_url) if scheme in ("http", "https") else None
        file_url = target_url
        if fmt is None and (viewed := viewed_file(target_url)) is not None:
            # a link to a document viewer offers its file: the file's size and text layer are read
            file_url, fmt = canonical_url(viewed), download_format(viewed)
        if fmt and file_url not in seen:
            seen.add(file_url)
            page.downloads.append(FoundDownload(file_url, fmt, _size_text(anchor, anchor_text)))
    # <link rel="alternate" hreflang="ru" href="…">: the same page in another language, said in the head
    for alternate in selector.xpath("//link[@hreflang][@href]"):
        if "alternate" not in (alternate.attrib.get("rel") or "").lower().split():
            continue
        alternate_lang = normalise_lang(alternate.attrib.get("hreflang"))
        absolute = urljoin(base_url, (alternate.attrib.get("href") or "").strip())
        if alternate_lang and urlsplit(absolute).scheme.lower() in ("http", "https"):
            page.alternates.setdefault(alternate_lang, canonical_url(absolute))
    page.frames = _frames(selector, base_url, page.title)
    return page


FRAME_HEADING = "preceding::*[self::h1 or self::h2 or self::h3 or self::h4][1]"
FRAME_IN_TEMPLATE = "ancestor::header | ancestor::footer | ancestor::nav | ancestor::aside"


def _frames(selector: Selector, base_url: str, page_title: str | None) -> list[FoundLink]:
    """The pages a page embeds (``<iframe src>``, a lazy ``<iframe data-src>``, ``<frame src>``), each
    under the label a reader takes it by: the heading right above the frame (a register embedded under
    «Нормативтік құқықтық актілер» is that section's content), else the frame's own ``title``, else the
    page's title. A frame in the template's header, footer, navigation or sidebar is labelled by its own
    ``title`` only: the heading above it is the page's content, not the widget's."""
    out: list[FoundLink] = []
    seen: set[str] = set()
    for frame in selector.xpath("//iframe[@src or @data-src] | //frame[@src]"):
        for name in ("src", "data-src"):  # a lazy-loading template keeps the address in data-src until shown
            src = (frame.attrib.get(name) or "").strip()
            absolute = urljoin(base_url, src) if src else ""
            if urlsplit(absolute).scheme.lower() in ("http", "https"):
                break
        else:
            continue  # about:blank, javascript:, data:
        target_url = canonical_url(absolute)
        if target_url in seen:
            continue
        seen.add(target_url)
        own = _clean(frame.attrib.get("title"), 200)
        if frame.xpath(FRAME_IN_TEMPLATE):  # a widget of every page's template names no section of its own
            out.append(FoundLink(target_url, own, None, None, None))
            continue
        heading = _clean(" ".join(frame.xpath(f"{FRAME_HEADING}//text()").getall()), 200)
        out.append(FoundLink(target_url, heading or own or page_title, None, None, None))
    return out


# Where script frameworks mount a page they build (React, Vue, Next, Nuxt, Svelte, Angular, Quasar).
FRAMEWORK_ROOT_IDS = frozenset({"app", "root", "__next", "__nuxt", "svelte", "q-app", "app-root", "main-app"})
FRAMEWORK_ATTRIBUTES = ("ng-app", "ng-version", "data-reactroot", "data-v-app", "data-server-rendered")
SHELL_MAX_WORDS = 25  # a menu alone has more: below this, nothing a visitor reads is in the markup
SHELL_MAX_LINKS = 3


def _with_scripts(text: str) -> lxml.html.HtmlElement | None:
    """The page parsed, where it holds a script element; None otherwise (or when it is no HTML)."""
    if "<script" not in text.lower():
        return None
    try:
        root = lxml.html.fromstring(text)
    except (etree.ParserError, ValueError):
        return None
    return root if any(True for _ in root.iter("script")) else None


def scripted_shell(text: str) -> str | None:
    """Why the page's content appears only after its scripts run, or None when the markup carries it.

    An *empty shell*: scripts, almost no readable text and almost no links in the served markup, and
    one of a ``<noscript>`` notice, an empty framework root (``<div id="app">``, ``<app-root>``,
    ``ng-app`` …) or no link at all. A server-rendered page of a framework has its text and is read
    as served."""
    root = _with_scripts(text)
    if root is None:
        return None
    custom = _custom_elements(root)
    if custom:
        return f"custom elements a script defines ({', '.join(custom[:3])}): what they hold is drawn in the browser"
    notice = next((squash(" ".join(n.itertext())) for n in root.iter("noscript")), None)
    mount = _framework_root(root)
    for element in list(root.iter("script", "style", "noscript", "template", "head")):
        if element.getparent() is not None:
            element.drop_tree()
    words = len(squash(" ".join(root.itertext())).split())
    links = sum(1 for a in root.iter("a") if (a.get("href") or "").strip() not in ("", "#"))
    if words >= SHELL_MAX_WORDS or links >= SHELL_MAX_LINKS:
        return None
    signs = []
    if notice is not None:
        signs.append(f"a <noscript> notice ({notice[:80]!r})" if notice else "a <noscript> element")
    if mount:
        signs.append(f"an empty framework root ({mount})")
    if not links:
        signs.append("no link")
    if not signs or (signs == ["no link"] and words):
        return None
    return f"empty shell: {words} words of text and {links} links in the served markup; " + ", ".join(signs)


# the attributes a script reads the address it fills an element from (a data table's ``data-source``, a list's
# ``data-url``): not ``data-src``, which lazy pictures use
DATA_SOURCE_ATTRIBUTES = (
    *("data-source", "data-url", "data-ajax", "data-ajax-url", "data-api", "data-endpoint"),
    *("data-read", "data-read-url", "data-source-url"),  # a data source's read transport (Kendo-like grids)
)
DATA_HOLDERS = ("table", "tbody", "ul", "ol", "dl", "div", "section")
# a data-grid library's widget the markup declares and leaves for its script to draw (the rows it reads from JSON):
# Kendo UI's declarative ``data-role="grid"`` (or ``listview`` …), and the holders the grid libraries name by class
# (``GRID_MARKS``)
GRID_ROLES = frozenset({"grid", "listview", "treelist", "pivotgrid", "scheduler", "gantt"})
# the holders' class names, to tell quickly whether a page may hold one (a name ending in "-" starts a family)
GRID_MARKS = (
    "k-grid",
    "k-listview",
    "ag-theme-",
    "ag-grid",
    "jsgrid",
    "tabulator",
    "w2ui-grid",
    "dx-datagrid",
    "handsontable",
)
GRID_NAMES = "|".join(re.escape(m) + (r"[\w-]+" if m.endswith("-") else "") for m in GRID_MARKS)
GRID_CLASS = re.compile(rf"(?<![\w-])(?:{GRID_NAMES})(?![\w-])", re.I)


# an element an htmx-like library fills from an address when the page is shown or scrolled to (``<div
# hx-get="/kk/_frag/bio" hx-trigger="load">``); a click's (``hx-get`` on a «Show more» button) is the reader's choice
FILLED_ON_ARRIVAL = ("hx-get", "data-hx-get")
ARRIVAL_TRIGGER = re.compile(r"(?<![\w-])(?:load|revealed|intersect)(?![\w-])")
# what such a box says until it is filled: «Загрузка…», «Жүктелуде…», «Loading…»
LOADING_TEXT = re.compile(r"^\W*(?:идёт загрузка|идет загрузка|загрузка|загружается|жүктелуде|loading)\W*$", re.I)


def scripted_part(text: str) -> str | None:
    """Why a part of a page that carries the rest in its markup appears only after its scripts run: a table,
    list or box the markup leaves empty but for column heads (or a «Загрузка…» notice), naming the address its
    script fills it from (``<table data-source="/api/docs?lang=kk">`` with an empty body, a register drawn from
    JSON; ``<div hx-get="/kk/_frag/bio" hx-trigger="load">``), or None. Such a page is rendered itself; its
    host's other pages are read as served."""
    names = (*DATA_SOURCE_ATTRIBUTES, *FILLED_ON_ARRIVAL, "data-role", *GRID_MARKS)
    root = _with_scripts(text) if any(a in text for a in names) else None
    if root is None:
        return None
    grid = _empty_grid(root)
    if grid is not None:
        return grid
    for element in root.iter(*DATA_HOLDERS):
        source = next((element.get(a) for a in DATA_SOURCE_ATTRIBUTES if element.get(a)), None)
        if not source or not source.strip().startswith(("/", "http", "?", "./", "api")):
            continue
        # empty: no row, item or paragraph with text (a table's column heads are none), a box no text at all
        rows = (squash(" ".join(e.itertext())) for e in element.iter("td", "li", "dd", "p"))
        if not any(rows) and (element.tag != "div" or _unfilled(element)):
            return f"an empty <{element.tag}> its script fills from {source.strip()[:80]}"
    for element in root.iter():
        source = next((element.get(a) for a in FILLED_ON_ARRIVAL if element.get(a)), None)
        trigger = element.get("hx-trigger") or element.get("data-hx-trigger") or ""
        if source and ARRIVAL_TRIGGER.search(trigger) and _unfilled(element):
            return f"a <{element.tag}> its script fills from {source.strip()[:80]} on arrival"
    return None


def _empty_grid(root: lxml.html.HtmlElement) -> str | None:
    """An empty data-grid widget of a library the page declares (``<div id="grid" data-role="grid">``, ``<div
    class="ag-theme-alpine">``), whose rows its script draws from what it reads: no row with text in the markup."""
    for element in root.iter("div", "table", "section", "ul"):
        role = (element.get("data-role") or "").strip().lower()
        named = GRID_CLASS.search(element.get("class") or "")
        if role not in GRID_ROLES and named is None:
            continue
        rows = (squash(" ".join(e.itertext())) for e in element.iter("td", "li", "dd", "p"))
        if not any(rows):
            mark = f'data-role="{role}"' if role in GRID_ROLES else f'class="{named.group(0) if named else ""}"'
            return f"an empty data grid <{element.tag} {mark}> its script draws"
    return None


def _unfilled(element: lxml.html.HtmlElement) -> bool:
    """A box with no text, or only a «Загрузка…» notice."""
    said = squash(" ".join(element.itertext()))
    return not said or LOADING_TEXT.match(said) is not None


# names with a hyphen that are not custom elements (SVG and MathML ones)
NOT_CUSTOM = frozenset(
    {"annotation-xml", "color-profile", "font-face", "font-face-src", "font-face-uri", "font-face-format"}
    | {"font-face-name", "missing-glyph"}
)


def _custom_elements(root: lxml.html.HtmlElement) -> list[str]:
    """The custom elements of the page's body (a tag name with a hyphen: ``<tr-page>``, ``<gov-header>``), whose
    content a script draws, in a shadow root the served markup does not hold: the page is read as rendered."""
    body = root.find("body")
    found: list[str] = []
    for element in (body if body is not None else root).iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if "-" in tag and tag not in NOT_CUSTOM and f"<{tag}>" not in found:
            found.append(f"<{tag}>")
    return found


def _framework_root(root: lxml.html.HtmlElement) -> str | None:
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        ident = (element.get("id") or "").lower()
        if ident in FRAMEWORK_ROOT_IDS and not squash(" ".join(element.itertext())):
            return f"#{ident}"
        if element.tag.lower() == "app-root" or ("-" in element.tag and element.tag.lower().endswith("-app")):
            return f"<{element.tag.lower()}>"
        if any(element.get(name) is not None for name in FRAMEWORK_ATTRIBUTES):
            found = next(name for name in FRAMEWORK_ATTRIBUTES if element.get(name) is not None)
            return f"[{found}]"
    return None


def sitemaps_in_robots(text: str, robots_url: str | None = None) -> list[str]:
    """The ``Sitemap:`` lines of a robots.txt as absolute http(s) URLs (a local-file one kept, to be refused).

    A relative line (``Sitemap: /sitemap.xml``, common in the wild though the format asks for a full
    URL) is read against the robots.txt's own address; a line that names nothing fetchable is
    skipped, never an error."""
    found = []
    for line in text.splitlines():
        name, _, value = line.partition(":")
        value = value.split("#", 1)[0].strip()
        if name.strip().lower() != "sitemap" or not value:
            continue
        absolute = urljoin(robots_url, value) if robots_url else value
        if _fetchable_or_refusable(absolute):
            found.append(absolute)
    return list(dict.fromkeys(found))


GZIP_MAGIC = b"\x1f\x8b"
MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit, uncompressed


def sitemap_entries(body: bytes, sitemap_url: str | None = None) -> list[tuple[str, str]]:
    """``("url", loc)`` of a urlset and ``("sitemap", loc)`` of a sitemap index, as absolute
    http(s) URLs; a gzipped sitemap is unpacked (within the protocol's 50 MB), a relative ``loc``
    is read against the sitemap's address, a plain-text sitemap (one URL a line) is read too, and
    junk (an HTML error page, broken XML) gives nothing."""
    if body[:2] == GZIP_MAGIC:
        body = _gunzip(body)
    stripped = body.lstrip()
    if not stripped:
        return []
    if not stripped.startswith(b"<"):
        lines = body.decode("utf-8", "replace").splitlines()
        return [("url", u) for u in (_absolute(line.strip(), sitemap_url) for line in lines) if u]
    try:
        selector = Selector(body=body, type="xml")
    except ValueError:
        return []
    selector.remove_namespaces()
    entries = [("url", loc) for loc in selector.xpath("//url/loc/text()").getall()]
    entries += [("sitemap", loc) for loc in selector.xpath("//sitemap/loc/text()").getall()]
    out = []
    for kind, loc in entries:
        absolute = _absolute(loc.strip(), sitemap_url)
        if absolute:
            out.append((kind, absolute))
    return out


def _absolute(loc: str, base: str | None) -> str | None:
    if not loc or " " in loc:
        return None
    absolute = urljoin(base, loc) if base else loc
    return absolute if _fetchable_or_refusable(absolute) else None


def _fetchable_or_refusable(url: str) -> bool:
    """An http(s) URL with a host, or a local-file one: that one is kept so that the crawl's egress
    policy refuses it on the record (a site pointing its crawler at a local file is evidence)."""
    parts = urlsplit(url)
    return parts.scheme == "file" or (parts.scheme in ("http", "https") and bool(parts.hostname))


def _gunzip(body: bytes) -> bytes:
    import zlib

    try:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        return inflater.decompress(body, MAX_SITEMAP_BYTES)
    except zlib.error:
        return b""
