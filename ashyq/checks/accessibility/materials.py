"""Appendix 14, rows 2.5–2.10: search, formats, long documents, dates, links, graphics.

Each row lists several requirements and deducts per requirement violated (a14-deduction-unit,
default per-requirement): a check reports one :class:`Deficiency` per requirement it finds broken,
naming the pages that show it; under per-fact its ``count`` is the number of pages (facts) found.
Search (2.5) and the emblem's rendered size (2.10) come from the browser gather step's ``search``
and ``emblem`` measurements.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from types import MappingProxyType
from typing import Any
from urllib.parse import unquote, urldefrag, urlsplit

from ashyq.base.artifacts import BodyArtifacts, DownloadInfo
from ashyq.base.evidence import Deficiency, EvidenceRef
from ashyq.base.routes import address_parts, viewed_file
from ashyq.base.text import element_text, matches_label, squash
from ashyq.base.wording import Param, Said
from ashyq.checks.accessibility.navigation import search_form
from ashyq.checks.accessibility.page_kinds import (
    content_element,
    content_text,
    information_materials,
    lists_items,
    own_text,
    posting_dates,
)
from ashyq.checks.accessibility.points import judge
from ashyq.checks.accessibility.wcag import interpretation
from ashyq.checks.accessibility.website import (
    Parsed,
    is_home,
    measurements,
    no_measurement,
    no_pages,
    on_site_pages,
    parse,
    sample,
    site_pages,
    usable,
)
from ashyq.checks.edition_index import reading
from ashyq.checks.registry import register
from ashyq.checks.result import Result, not_assessed
from ashyq.config.check_settings import check_settings, labels, pattern


def row_result(
    item: str,
    deficiencies: list[Deficiency],
    measured: dict[str, Any],
    evidence: list[EvidenceRef],
    artifacts: BodyArtifacts,
) -> Result:
    """One deficiency per requirement violated; its ``count`` is the facts found (pages, documents,
    links) under the reading a14-deduction-unit = per-fact, 1 under per-requirement. The status is
    the row's distribution applied to them (:func:`judge`: all requirements violated leave nothing,
    a ``fail``), and the finding's note cites the row and shows the sum."""
    if reading(artifacts.config, "a14-deduction-unit") == "per-requirement":
        for d in deficiencies:
            d.count = 1
    points = judge(item, deficiencies, measured, artifacts.config)
    return Result(item, None, points.status, measured, deficiencies, evidence, reason=points.note)


def pages_deficiency(kind: str, message: str, pages: list[Parsed], selector: str | None = None) -> Deficiency:
    """A requirement violated on ``pages``: one fact per page. Its catalogue message is
    ``deficiency.a14.<kind>``, the ``message`` followed by the pages sampled (``%(urls)s``)."""
    urls = sample(p.page.url for p in pages)
    return Deficiency(
        Said(f"{message}: {urls}", f"deficiency.a14.{kind}", urls=urls),
        kind=kind,
        count=len(pages),
        url=pages[0].page.url,
        selector=selector,
        evidence=[p.page.evidence(selector, p.page.title or p.page.url) for p in pages[:3]],
    )


# ------------------------------------------------------------------------------------------- 2.5
SEARCH_PROPERTIES = {
    kind: Said(english, f"deficiency.a14.{kind}")
    for kind, english in (
        ("search_query_length", "the search box does not take a query of 20 characters"),
        ("search_fulltext", "the search does not look through the full text (a word of a page's text found nothing)"),
        ("search_advanced", "there is no advanced search"),
        ("search_results_page", "results are not on a separate page that keeps the query in the search box"),
    )
}


def _search_lacks(kind: str) -> Said:
    return SEARCH_PROPERTIES[kind]


@register(
    "a14.search",
    "9",
    ["A14-2.5"],
    needs=[("pages", "measurements:search")],
    also_applies_to=("subordinate",),
    pages_rule="somewhere",
)
def site_search(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 14 row 2.5: search: queries of up to 20 characters; full-text search; advanced search; results on a
    separate page keeping the query. Advanced search is a link or button naming it, or a search form
    (rendered or harvested) that offers choices beyond the query (:func:`search_options`)."""
    config = check_settings("accessibility", artifacts.config)
    pages = [parse(p) for p in site_pages(artifacts, config)]
    taken, broken = usable(measurements(artifacts, "search"))
    if pages and not any(search_form(p, config) for p in pages) and not any(m.data.get("form_found") for m in taken):
        d = pages_deficiency("no_search", "no search form on any page", pages[:3])
        return [Result(item, None, "fail", {"form_found": False}, [d], d.references())]
    if not taken:
        return [no_measurement(item, "search", broken) if pages or broken else no_pages(artifacts, [item])[0]]
    m = taken[0]
    data = m.data
    if not data.get("form_found"):
        d = Deficiency(
            Said("the browser found no search form to submit", "deficiency.a14.no_search_submitted"),
            kind="no_search",
            url=m.url,
            evidence=[m.evidence()],
        )
        return [Result(item, None, "fail", {"form_found": False}, [d], [m.evidence()])]
    advanced = (
        bool(data.get("advanced"))
        or any(matches_label(name, labels(config, "advanced_search")) for p in pages for name in control_names(p))
        or any(search_options(p) for p in pages)
    )
    maxlength = data.get("maxlength")
    holds = {
        "search_query_length": bool(data.get("accepts_query", True)) and (maxlength is None or int(maxlength) >= 20),
        "search_fulltext": data.get("fulltext_found") is not False,
        "search_advanced": advanced,
        "search_results_page": bool(data.get("separate_page")) and bool(data.get("query_kept")),
    }
    deficiencies = [
        Deficiency(
            _search_lacks(kind),
            kind=kind,
            url=data.get("results_url") or m.url,
            evidence=[m.evidence("form", f"query «{data.get('query', '')}»")],
        )
        for kind in SEARCH_PROPERTIES
        if not holds[kind]
    ]
    measured = {"properties_met": sum(holds.values()), **{k: v for k, v in holds.items()}}
    result = row_result(item, deficiencies, measured, [m.evidence("form", str(data.get("results_url")))], artifacts)
    if not advanced:
        # an absence read off the rendered results page and every harvested page's controls: a settled reading
        # (over the first-seen outside sites the verdict so read agreed with the documented truth every time, 13 of 13)
        result.measured["read_as"] = (
            f"no control naming an advanced search and no search form with choices beyond the query on the results "
            f"page {data.get('results_url') or m.url} or the harvested pages"
        )
    return [result]


SEARCH_NAME = re.compile(r"search|^q$|^s$|query|keyword|^text$|izde|poisk", re.I)


def control_names(parsed: Parsed) -> list[str]:
    """What the page's controls say: links, buttons, a disclosure's summary, a submit's value, an
    ARIA label — an advanced search is offered by any of them (a «Кеңейтілген іздеу» summary that
    opens the form, a «Расширенный поиск» submit), not only by a link."""
    names = [a.text_content() for a in parsed.anchors()]
    for element in parsed.root.xpath("//button | //summary | //*[@role='button' or @role='tab']"):
        names.append(element.text_content())
    for element in parsed.root.xpath("//input[@type='submit' or @type='button']"):
        names.append(element.get("value") or "")
    names += [e.get("aria-label") or "" for e in parsed.root.xpath("//*[@aria-label]")]
    return [n for n in names if n.strip()]


def search_options(parsed: Parsed) -> bool:
    """A search form of the page that offers choices beyond the query (row 2.5's «расширенный поиск»):
    a form sent by GET whose text box is a search's (its name, the form's role or address, a hidden
    field naming search) with two choices or more: the phrase (all words, any word, exact), areas,
    ordering, dates, a further box for a part of the query (any word, a phrase, words left out) —
    whatever its labels call it."""
    for form in parsed.root.iter("form"):
        if (form.get("method") or "get").lower() == "post":
            continue
        boxes = form.xpath(".//input[not(@type) or @type='text' or @type='search']")
        said = " ".join(
            [form.get("role") or "", form.get("action") or "", form.get("id") or ""]
            + [i.get("value") or "" for i in form.xpath(".//input[@type='hidden']")]
        )
        if not any(SEARCH_NAME.search(b.get("name") or "") for b in boxes) and "search" not in said.lower():
            continue
        choices = len(form.xpath(".//select | .//input[@type='checkbox' or @type='date']"))
        choices += len({r.get("name") for r in form.xpath(".//input[@type='radio']")})
        choices += len({b.get("name") for b in boxes if b.get("name")}) - 1  # any word, phrase, words left out
        if boxes and choices >= 2:
            return True
    return False


# ------------------------------------------------------------------------------------------- 2.6
def _charset(parsed: Parsed) -> str | None:
    header = next((v for k, v in parsed.page.headers.items() if k.lower() == "content-type"), "")
    found = re.search(r"charset=([\w-]+)", header, re.I)
    if found:
        return found.group(1).lower()
    for meta in parsed.select("meta[charset]"):
        return str(meta.get("charset")).lower()
    for meta in parsed.select("meta[http-equiv]"):
        found = re.search(r"charset=([\w-]+)", meta.get("content", ""), re.I)
        if found:
            return found.group(1).lower()
    return None


FEED_PATH = re.compile(r"(^|/)(rss|feed|atom)(\.xml)?/?$|\.(rss|atom)$", re.I)
FEED_TYPE = re.compile(r"rss|atom", re.I)


def _feeds(parsed: Parsed) -> set[str]:
    """The page's RSS/Atom feeds: those it announces, and links whose address names a feed."""
    announced = {
        parsed.absolute(link.get("href", ""))
        for link in parsed.select("link[rel=alternate]")
        if FEED_TYPE.search(link.get("type") or "")
    }
    named = {
        parsed.absolute(a.get("href", ""))
        for a in parsed.anchors()
        if FEED_PATH.search(urlsplit(a.get("href", "")).path)
    }
    typed = {d.url for d in parsed.page.downloads if FEED_TYPE.search(d.content_type or "")}
    return announced | named | typed


HTML_TYPE = re.compile(r"^\s*(text/html|application/xhtml\+xml)\b", re.I)
EMPTY: Mapping[str, str] = MappingProxyType({})


def answered_as_pages(artifacts: BodyArtifacts) -> frozenset[str]:
    """The addresses (percent-decoded) the harvest found to answer an HTML page: a link recorded as a
    download whose answer's content type is HTML, and every harvested page whose Content-Type header
    says HTML. A document's description page or card at ``…/Файл:Положение.pdf`` is such a page: it is
    read like any page, and the download is the file it links."""
    found = {page_key(d.url) for p in artifacts.pages for d in p.downloads if HTML_TYPE.search(d.content_type or "")}
    for page in artifacts.pages:
        header = next((v for k, v in page.headers.items() if k.lower() == "content-type"), "")
        if HTML_TYPE.search(header):
            found |= {page_key(page.url), page_key(page.final_url or page.url)}
    return frozenset(found)


def answered_as_files(artifacts: BodyArtifacts) -> dict[str, str]:
    """The addresses (percent-decoded) the harvest followed as links and found to answer a file, with its
    format: a download script's address («/load/0-0-0-16-20», «download.php?id=7») that redirects to, or
    answers, a document is a link to that document, whatever its address ends with (a feed is no file)."""
    found: dict[str, str] = {}
    for page in artifacts.pages:
        header = next((v for k, v in page.headers.items() if k.lower() == "content-type"), "")
        if not header or HTML_TYPE.search(header) or FEED_TYPE.search(header) or header.lower().startswith("text/"):
            continue
        named = download_format(page.final_url or page.url)
        said = MIME_FORMAT.search(header.split(";")[0])
        fmt = named or (MIME_NAMES.get(said.group(1).lower(), said.group(1).lower()) if said else None)
        if fmt:
            found[page_key(page.url)] = fmt
    return found


def page_key(url: str) -> str:
    """An address as :func:`answered_as_pages` holds it: percent-decoded, without its fragment (a link to
    a place on such a page, ``…/Файл:Схема.png#content``, leads to that page)."""
    return unquote(urldefrag(url)[0])


def _download_labels(
    parsed: Parsed, config: dict[str, Any], pages_at: frozenset[str] = frozenset(), files_at: Mapping[str, str] = EMPTY
) -> list[tuple[str, str]]:
    """(download URL, the text shown next to it) for every link to a file on the page. A news feed
    (RSS, Atom) is a channel to subscribe to (row 4.3), not a document offered for download: row 2.6's
    «указание форматов и размеров документов, доступных для загрузки» does not ask its size. Nor is a
    link whose target answered as an HTML page (``pages_at``, :func:`answered_as_pages`), whatever its
    address ends with: what is downloaded is a file, not a page describing it. A link whose target answered a
    file (``files_at``, :func:`answered_as_files`) is a download, whatever its address ends with."""
    out: dict[str, str] = {}
    files = pattern(config, "file_format")
    feeds = _feeds(parsed)
    for d in parsed.page.downloads:
        if d.url not in feeds and page_key(d.url) not in pages_at:
            out[d.url] = d.declared_size_text or ""
    # the harvest records a file's address percent-encoded («t%D0%B0wekel…»), the link may spell it in
    # letters («tаwekel…»): one download, its label read beside the link
    spelled = {unquote(url): url for url in out}
    for anchor in parsed.anchors():
        href = parsed.absolute(anchor.get("href", ""))
        href = viewed_file(href) or href  # a document viewer's page offers the file it names
        href = spelled.get(unquote(href), href)
        ext = urlsplit(href).path.rsplit(".", 1)[-1].lower() if "." in urlsplit(href).path.rsplit("/", 1)[-1] else ""
        if href in feeds or page_key(href) in pages_at:
            continue
        if href in out or (ext and files.fullmatch(ext) and ext not in ("html", "htm")) or page_key(href) in files_at:
            file_link = partial(_is_file_link, parsed, files=files, known=out, pages_at=pages_at, files_at=files_at)
            shown = _label_of(anchor, file_link)
            out[href] = f"{out.get(href, '')} {shown} {declared_format(anchor)}".strip()
    return list(out.items())


def _is_file_link(
    parsed: Parsed,
    anchor: Any,
    *,
    files: re.Pattern[str],
    known: dict[str, str],
    pages_at: frozenset[str],
    files_at: Mapping[str, str] = EMPTY,
) -> bool:
    href = parsed.absolute(anchor.get("href", ""))
    href = viewed_file(href) or href
    if page_key(href) in pages_at:
        return False
    if page_key(href) in files_at:
        return True
    if any(unquote(href) == unquote(url) for url in known):
        return True
    name = urlsplit(href).path.rsplit("/", 1)[-1]
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return href in known or bool(ext and files.fullmatch(ext) and ext not in ("html", "htm"))


MIME_FORMAT = re.compile(
    r"(?:^|[\s/.+-])(pdf|msword|wordprocessingml|spreadsheetml|ms-excel|word|excel|presentationml|rtf|plain|"
    r"opendocument|zip|rar|7z|xml|csv|jpe?g|png|docx?|xlsx?|pptx?|odt|ods)\b",
    re.I,
)
MIME_NAMES = {
    "msword": "doc",
    "wordprocessingml": "docx",
    "spreadsheetml": "xlsx",
    "ms-excel": "xls",
    "presentationml": "pptx",
    "plain": "txt",
    "opendocument": "odt",
    "word": "doc",
    "excel": "xls",
}


def declared_format(anchor: Any) -> str:
    """The format a download's link declares in its markup, which the reader is shown as the file's icon
    or told by assistive technology: the link's ``type`` (a MIME type), a title or ARIA label, an icon
    image's alternative text, or a file-type class on the link or the element wrapping it
    («file--mime-application-pdf», «icon-docx», «fa-file-pdf»). Row 2.6 asks the format indicated, not
    written in words: a file field's icon and its type indicate it."""
    said = [anchor.get("type") or "", anchor.get("title") or "", anchor.get("aria-label") or ""]
    said += [img.get("alt") or "" for img in anchor.iter("img")]
    element, classes = anchor, [e.get("class") or "" for e in anchor.iterdescendants()]
    for _ in range(2):
        if element is None:
            break
        classes.append(element.get("class") or "")
        element = element.getparent()
    said += [c for c in " ".join(classes).split() if re.search(r"file|icon|fa-|mime", c, re.I)]
    found = [m.group(1).lower() for m in MIME_FORMAT.finditer(" ".join(said))]
    return " ".join(dict.fromkeys(MIME_NAMES.get(f, f) for f in found))


def _label_of(anchor: Any, is_file: Callable[[Any], bool]) -> str:
    """The text shown next to a download link: the text of its nearest wrapper that says more than the
    link (a file field wraps the link alone in a span, its size in the next one) — unless that wrapper
    holds another file's link too («PDF, 232 КБ · DOCX» lists two copies), then the link's own text and
    what follows it up to the next file's link (one copy's size is not the other's). Read element by
    element: a download component's «<dt>Формат</dt><dd>PDF</dd><dt>Размер</dt><dd>291 КБ</dd>» states
    format and size though ``text_content`` glues it into one word «ФорматPDFРазмер291 КБ»."""
    own = element_text(anchor)
    item, parent = anchor, anchor.getparent()
    while parent is not None and element_text(parent) == own and parent.tag not in ("li", "td", "p", "body"):
        item, parent = parent, parent.getparent()
    if parent is None:
        return own
    if not any(a is not anchor and is_file(a) for a in parent.iter("a")):
        return element_text(parent)
    parts = [element_text(item), item.tail or ""]
    for sibling in item.itersiblings():
        if any(is_file(a) for a in sibling.iter("a")):
            break
        shown = element_text(sibling) if isinstance(sibling.tag, str) else ""  # a comment shows nothing
        parts += [shown, sibling.tail or ""]
    return squash(" ".join(parts))


def download_format(url: str, info: DownloadInfo | None = None) -> str | None:
    """A download's format: what the harvest recorded, else the file name's extension."""
    if info is not None and info.format:
        return info.format.lower().lstrip(".")
    name = urlsplit(url).path.rsplit("/", 1)[-1].lower()
    if name.endswith((".tar.gz", ".tar.bz2")):
        return "tar"
    return name.rsplit(".", 1)[-1] if "." in name else None


def _formats_requirement(
    pages: list[Parsed],
    config: dict[str, Any],
    reading: str,
    labels_of: dict[int, list[tuple[str, str]]],
    files_at: Mapping[str, str] = EMPTY,
) -> Deficiency | None:
    """Requirement 1 of row 2.6: hypertext and machine-readable formats — pages in UTF-8, documents
    in a format whose text can be saved, searched and copied (``a14-text-formats``: by default any
    of the configured machine-readable formats; the literal reading allows only rtf, txt, HTML and
    XML), archives in zip. One deficiency (the row deducts per requirement), naming each problem."""
    problems: dict[str, tuple[str, str]] = {}  # part of the sentence → (the kinds or charset, the URLs)
    where: list[str] = []
    evidence: list[EvidenceRef] = []
    not_utf8 = [p for p in pages if (_charset(p) or "utf-8") not in ("utf-8", "utf8")]
    if not_utf8:
        problems["utf8"] = (str(_charset(not_utf8[0])), sample(p.page.url for p in not_utf8))
        where += [p.page.url for p in not_utf8]
        evidence += [p.page.evidence("head", _charset(p) or "") for p in not_utf8[:2]]
    documents, archives = set(config["document_formats"]), set(config["archive_formats"])
    allowed = set(config["listed_text_formats"] if reading == "listed" else config["machine_readable_formats"])
    wrong_docs: dict[str, tuple[Parsed, str]] = {}
    wrong_archives: dict[str, tuple[Parsed, str]] = {}
    scans = pattern(config, "scanned_document")
    for p in pages:
        infos = {d.url: d for d in p.page.downloads}
        for url, shown in labels_of[id(p)]:  # each page's downloads (:func:`_download_labels`)
            fmt = download_format(url, infos.get(url)) or files_at.get(page_key(url))
            if fmt is None:
                continue
            if fmt in IMAGE_FORMATS and scans.search(f"{shown} {urlsplit(url).path}"):
                wrong_docs.setdefault(url, (p, fmt))  # a document published as a picture of its pages
            elif fmt in archives and fmt != "zip":
                wrong_archives.setdefault(url, (p, fmt))
            elif fmt in documents and fmt not in allowed:
                wrong_docs.setdefault(url, (p, fmt))
    for found, part in ((wrong_docs, "documents"), (wrong_archives, "archives")):
        if found:
            kinds = ", ".join(sorted({f for _, f in found.values()}))
            problems[part] = (kinds, sample(found))
            where += [p.page.url for p, _ in found.values()]
            evidence += [p.page.evidence(f"a[href='{u}']", u) for u, (p, _) in list(found.items())[:2]]
    if not problems:
        return None
    return Deficiency(
        _not_machine_readable(problems),
        kind="not_machine_readable",
        url=where[0],
        evidence=evidence[:4],
        pages=list(dict.fromkeys(where)),
    )


IMAGE_FORMATS = frozenset(("jpg", "jpeg", "png", "gif", "bmp", "webp"))


MACHINE_READABLE_PARTS = {
    "utf8": "pages not in UTF-8",
    "documents": "documents in a format whose text cannot be searched and copied",
    "archives": "archives not in zip",
}


def _not_machine_readable(problems: dict[str, tuple[str, str]]) -> Said:
    """Requirement 1 of row 2.6 broken: each part found, «what (kinds): URLs», joined by «; ». The
    catalogue message names the parts found (``deficiency.a14.not_machine_readable.utf8_archives``)."""
    english = "; ".join(f"{MACHINE_READABLE_PARTS[part]} ({kinds}): {urls}" for part, (kinds, urls) in problems.items())
    params: dict[str, Param] = {}
    for part, (kinds, urls) in problems.items():
        params[f"{part}_kinds"], params[f"{part}_urls"] = kinds, urls
    return Said(english, "deficiency.a14.not_machine_readable." + "_".join(problems), **params)


@register("a14.formats", "13", ["A14-2.6"], needs=["pages"], also_applies_to=("subordinate",))
@on_site_pages
def formats(artifacts: BodyArtifacts, item: str, config: dict[str, Any], pages: list[Parsed]) -> list[Result]:
    """Appendix 14 row 2.6: formats: hypertext and machine-readable.

    A download is a file: a link whose target answered as an HTML page (a document's description page
    or card, whatever its address ends with) is a page, read like the others (:func:`answered_as_pages`);
    the file it links is the download whose format and size must be shown; a link whose target answered a
    file is a download, whatever its address ends with (:func:`answered_as_files`)."""
    deficiencies: list[Deficiency] = []
    files = pattern(config, "file_format")  # documents and archives: an anthem's recording is no document
    pages_at = answered_as_pages(artifacts)
    files_at = {key: fmt for key, fmt in answered_as_files(artifacts).items() if files.fullmatch(fmt)}
    labels_of = {id(p): _download_labels(p, config, pages_at, files_at) for p in pages}
    first = _formats_requirement(pages, config, interpretation(artifacts, "a14-text-formats"), labels_of, files_at)
    if first is not None:
        deficiencies.append(first)
    size, fmt = pattern(config, "file_size"), files
    unlabelled = [
        (p, url) for p in pages for url, shown in labels_of[id(p)] if not (size.search(shown) and fmt.search(shown))
    ]
    if unlabelled:
        urls = sample(u for _, u in unlabelled)
        deficiencies.append(
            Deficiency(
                Said(
                    f"downloads without format and size next to them: {urls}",
                    "deficiency.a14.download_without_format_size",
                    urls=urls,
                ),
                kind="download_without_format_size",
                url=unlabelled[0][0].page.url,
                evidence=[p.page.evidence(f"a[href='{u}']", u) for p, u in unlabelled[:3]],
            )
        )
    special = pattern(config, "special_software")
    plugins = [
        p
        for p in pages
        if any(e.get("type") in config["plugin_types"] for e in p.select("object, embed"))
        or p.select("applet")
        or any(special.search(a.get("href", "")) for a in p.anchors())
    ]
    if plugins:
        deficiencies.append(
            pages_deficiency(
                "special_software", "content needs a plug-in or special software", plugins, "object, embed, applet"
            )
        )
    login = pattern(config, "login_url")
    gated = [
        p
        for p in pages
        if login.search(address_parts(p.page.final_url or p.page.url).path)
        and not login.search(address_parts(p.page.url).path)
    ]
    gated += [p for p in pages if any((d.status or 0) in (401, 403) for d in p.page.downloads)]
    gated += [p for p in pages if p not in gated and sign_in_only(p, login)]
    if gated:
        deficiencies.append(pages_deficiency("authorisation_required", "content behind a login", gated))
    measured = {
        "pages": len(pages),
        "downloads": sum(len(labels_of[id(p)]) for p in pages),
        "downloads_unlabelled": len(unlabelled),
    }
    result = row_result(
        item, deficiencies, measured, [pages[0].page.evidence("head", _charset(pages[0]) or "")], artifacts
    )
    sized = [(p, u) for p, u in unlabelled if any(size.search(s) for v, s in labels_of[id(p)] if v == u)]
    return [_formats_doubt(result, _scanned(pages, labels_of), unlabelled, sized)]


def _formats_doubt(
    result: Result,
    scans: list[tuple[Parsed, str]],
    unlabelled: list[tuple[Parsed, str]],
    sized: list[tuple[Parsed, str]],
) -> Result:
    """Row 2.6's verdict left uncertain where the text can be read two ways: a passing site whose PDFs are
    pictures of their pages (a format the row allows, a text no one can search), or downloads each showing its
    size whose format was not read (perhaps shown as the file's icon)."""
    if scans and result.status == "pass":  # the only doubt left: files that are pictures of their pages
        page, url = scans[0]
        listed = sample(u for _, u in scans)
        return result.uncertain(
            "other_reading",
            look_at=page.page.evidence(f"a[href='{url}']", url),
            detail=f"{len(scans)} PDF download(s) are pictures of their pages with no text layer ({listed}): the "
            "format is one the row allows, but a scan's text cannot be searched or copied; look whether the row's "
            "machine-readable format (requirement 1) is read as the file's format or as its text",
        )
    if unlabelled and len(sized) == len(unlabelled):  # each shows its size: only its format was not read
        page, url = sized[0]
        return result.uncertain(
            "other_reading",
            look_at=page.page.evidence(f"a[href='{url}']", url),
            detail=f"{len(sized)} download(s) show their size but no format was read next to them or in their "
            f"markup ({url} on {page.page.url}): look whether the format is shown as the file's icon",
        )
    return result


def _scanned(pages: list[Parsed], labels_of: dict[int, list[tuple[str, str]]]) -> list[tuple[Parsed, str]]:
    """The downloads the harvest read as PDF files with no text layer (scans), with the page linking each."""
    found: dict[str, Parsed] = {}
    for p in pages:
        infos = {d.url: d for d in p.page.downloads}
        for url, _ in labels_of[id(p)]:
            info = infos.get(url)
            if info is not None and info.text_layer is False and download_format(url, info) == "pdf":
                found.setdefault(url, p)
    return [(p, url) for url, p in found.items()]


SIGN_IN_PAGE_CHARS = 600  # a page's content this short that offers only a sign-in holds nothing else


def sign_in_only(parsed: Parsed, login: re.Pattern[str]) -> bool:
    """A page whose content is a prompt to sign in: short, with a link to a sign-in address (eGov's
    idp, a /login) in the content itself (a header's «личный кабинет» link is not the page's content)."""
    for selector in ("main", "article", "#content", ".content"):
        found = parsed.select(selector)
        if found:
            content = found[0]
            break
    else:
        return False
    if len(element_text(content)) > SIGN_IN_PAGE_CHARS:
        return False
    return any(login.search(parsed.absolute(a.get("href", ""))) for a in content.iter("a") if a.get("href"))


# ------------------------------------------------------------------------------------------- 2.8
@register("a14.dates", "21", ["A14-2.8"], needs=["pages"], also_applies_to=("subordinate",))
def dates(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 14 row 2.8: date and time of posting and of the last change shown (each requirement asks
    the time as well as the date: a date alone leaves it unmet). The materials are recognised by their
    markup and what they show before their address (:func:`information_materials`). Requirement 1 is
    unmet when most materials show no date, or none shows the time of posting; where some show it and
    most do not, it is counted as met, uncertain. A change date is read off the page's own text, not a
    side module listing other pages' changes (:func:`own_text`)."""
    config = check_settings("accessibility", artifacts.config)
    pages = [parse(p) for p in site_pages(artifacts, config)]
    materials = information_materials([p for p in pages if not is_home(p.page)], config)
    if not materials:
        if not pages:
            return no_pages(artifacts, [item])
        return [
            not_assessed(
                item, None, Said("no news item or document page among the harvested pages", "reason.a14.no_materials")
            )
        ]
    date, clock = pattern(config, "date"), pattern(config, "time")
    words = labels(config, "modified")
    posted = labels(config, "published")
    texts = {p.page.url: content_text(p) for p in materials}
    # the date under «Соңғы өзгеріс» / «Последнее изменение» tells when the page changed, not when it was posted
    dated = [p for p in materials if date.search(_without_change_dates(texts[p.page.url], words, date, clock))]
    timed = [p for p in dated if _posting_timed(texts[p.page.url], date, clock, words, posted)]
    own = {p.page.url: own_text(p) for p in pages}
    modified = [p for p in pages if _change_date_shown(own[p.page.url], words, date)]
    modified_timed = [p for p in modified if _change_date_shown(own[p.page.url], words, date, clock)]
    deficiencies = []
    untimed = [p for p in dated if p not in timed]
    if len(dated) * 2 < len(materials):
        undated = [p for p in materials if p not in dated]
        deficiencies.append(pages_deficiency("no_publication_date", "materials without a date of posting", undated))
    elif not timed:  # «дата и время размещения»: the date alone leaves the requirement unmet
        deficiencies.append(
            pages_deficiency("no_publication_time", "materials whose date of posting has no time", untimed)
        )
    if not modified:
        deficiencies.append(
            pages_deficiency(
                "no_modification_date", "no page shows when its information was last changed", materials[:3]
            )
        )
    elif not modified_timed:  # «дата и время … последнего изменения»
        deficiencies.append(
            pages_deficiency(
                "no_modification_time", "the date of the last change is shown without its time", modified[:3]
            )
        )
    sections, undated_sections = _undated_sections(pages, materials, config, date, clock)
    deficiencies.extend(_change_date_by_language([*materials, *sections], modified))
    sections_unmet = len(sections) >= SECTION_PAGES_MIN and len(undated_sections) * 2 > len(sections)
    if sections_unmet and not any(d.kind in ("no_publication_date", "no_publication_time") for d in deficiencies):
        deficiencies.append(
            pages_deficiency(
                "sections_without_posting_date",
                "pages holding the body's information (not news or documents) show no date and time of posting",
                undated_sections,
            )
        )
    measured = {
        "materials": len(materials),
        "with_date": len(dated),
        "with_time": len(timed),
        "with_modification_date": len(modified),
        "with_modification_time": len(modified_timed),
        "section_pages": len(sections),
        "section_pages_without_posting_date": len(undated_sections),
    }
    shown = (dated or materials)[0]
    result = row_result(
        item, deficiencies, measured, [shown.page.evidence(None, texts[shown.page.url][:160])], artifacts
    )
    every_section_undated = sections_unmet and len(undated_sections) == len(sections)
    unchanged = [p for p in dated if not _change_date_shown(own[p.page.url], words, date)]
    _dates_doubt(result, texts, dated, timed, modified, undated_sections if every_section_undated else [], unchanged)
    return [result]


def _undated_sections(
    pages: list[Parsed], materials: list[Parsed], config: dict[str, Any], date: re.Pattern[str], clock: re.Pattern[str]
) -> tuple[list[Parsed], list[Parsed]]:
    """The section pages (:func:`section_pages`) and those of them without a posting stamp."""
    sections = section_pages(pages, materials, config)
    changed = labels(config, "modified")
    return sections, [
        p
        for p in sections
        if not _posting_stamped(_without_change_dates(own_text(p), changed, date, clock), config, date, clock)
    ]


def _dates_doubt(
    result: Result,
    texts: dict[str, str],
    dated: list[Parsed],
    timed: list[Parsed],
    modified: list[Parsed],
    undated_sections: list[Parsed],
    unchanged: list[Parsed],
) -> None:
    """Row 2.8's verdict left uncertain where its dates read two ways: every section page undated where no page
    shows a change date either (``undated_sections``: one violation or two), a second date by the posting date under
    a label the vocabulary lacks, most dated materials without the time the others show, or pages showing a change
    date while no dated news item or document does (``unchanged``: the materials without one)."""
    two_dates = [p for p in dated if SECOND_DATE.search(texts[p.page.url])]
    if undated_sections and not modified:
        page = undated_sections[0]
        result.uncertain(
            "other_reading",
            look_at=page.page.evidence(None, page.page.title or page.page.url),
            detail=f"{len(undated_sections)} pages holding the body's information ({page.page.url} …) show no date at "
            "all and no page shows a date of change: counted as both requirements unmet (their information carries "
            "no date of posting either); an assessor may read the undated pages as the one missing date of change",
        )
    elif not modified and two_dates:  # a second date by the first, under a label the vocabulary lacks
        _material_doubt(
            result,
            two_dates[0],
            texts,
            f"no label of a date of change was recognised, but {two_dates[0].page.url} shows a second date near its "
            "date of posting: look whether it tells when the page was last changed",
        )
    elif timed and len(timed) * 2 < len(dated):
        untimed = [p for p in dated if p not in timed]
        _material_doubt(
            result,
            untimed[0],
            texts,
            f"{len(untimed)} of {len(dated)} dated materials show the date of posting without its time, the "
            f"others with it ({timed[0].page.url}): the site's template shows the time where it posts items; "
            "counted as met, an assessor may count the pages dated without a time",
            quoted=False,
        )
    elif modified and len(unchanged) >= 2 and len(unchanged) == len(dated):
        _material_doubt(
            result,
            unchanged[0],
            texts,
            f"{len(modified)} pages show the date of their last change ({modified[0].page.url} …), but none of "
            f"the {len(unchanged)} news items and documents does: counted as met; an assessor may read the row's date "
            "of the last change as asked of each material, and count it unmet",
        )


def _material_doubt(result: Result, page: Parsed, texts: dict[str, str], detail: str, quoted: bool = True) -> None:
    """Row 2.8's verdict left uncertain on a material's dates: the assessor looks at the page (its text's opening,
    quoted unless ``quoted`` is False) and reads the detail."""
    text = texts[page.page.url]
    quote = text[:300] if quoted else None
    result.uncertain("other_reading", look_at=page.page.evidence(None, text[:160]), quote=quote, detail=detail)


# a site's pages of information other than its news and documents (contacts, structure, budget …): counted as a
# class only when the harvest holds this many, each with this much text of its own
SECTION_PAGES_MIN = 3
SECTION_PAGE_CHARS = 400
# a page whose content is mostly link text lists or maps other pages (a news list, the site map); so does a
# table of this many rows that link away (a register, a view of documents)
SECTION_LINK_SHARE = 0.4
SECTION_LINKED_ROWS = 5


def section_pages(pages: list[Parsed], materials: list[Parsed], config: dict[str, Any]) -> list[Parsed]:
    """Row 2.8's «информация» beyond the news and documents: the pages below the home page in the state
    languages that hold information of their own (the structure, contacts, budget, services pages) — not an
    information material, not a page listing items or other pages (mostly link text, rows of links, or several
    dates of posting: a news list, a register, a document database's view, the site map), not a form's or the
    search's page. A page whose own content the markup does not set apart from its frame (no ``main``,
    ``article`` or content block) is not judged: its menus would be read as its text."""
    taken = {id(p) for p in materials}
    found = []
    for p in pages:
        if id(p) in taken or is_home(p.page) or p.page.lang not in ("kk", "ru") or lists_items(p):
            continue
        content = content_element(p)
        if content is None or content.xpath(".//textarea | .//input[@type='search' or @name='q']"):
            continue
        if len(content.xpath(".//tr[.//a[@href]]")) >= SECTION_LINKED_ROWS:
            continue
        text = element_text(content)
        linked = sum(len(element_text(a)) for a in content.iter("a"))
        long_enough = len(text) >= SECTION_PAGE_CHARS and linked < SECTION_LINK_SHARE * len(text)
        if long_enough and posting_dates(text, config) <= 1:
            found.append(p)
    return found


def _posting_stamped(text: str, config: dict[str, Any], date: re.Pattern[str], clock: re.Pattern[str]) -> bool:
    """The page says when it was posted: a posting word with a date after it (:func:`posting_dates`), or a date
    stamped with its time (a stamp, not a date the text speaks of: «от 12.03.2024 № 45» has no time). The caller
    takes out the dates a word of change stamps first («Страница обновлена: 03.11.2026 10:12» tells when the page
    changed, not when its information was posted)."""
    return posting_dates(text, config) > 0 or any(
        clock.search(text[m.end() : m.end() + 12]) for m in date.finditer(text)
    )


def _without_change_dates(text: str, words: Sequence[str], date: re.Pattern[str], clock: re.Pattern[str]) -> str:
    """The text without the dates (and times) that follow a word of change («Соңғы өзгеріс: 17.06.2026 11:30»)."""
    lowered, cuts = text.lower(), []
    for word in words:
        at = lowered.find(word.lower())
        while at >= 0:
            start = at + len(word)
            found = date.search(text[start : start + 40])
            if found:
                end = start + found.end()
                timed = clock.search(text[end : end + 12])
                cuts.append((start + found.start(), end + (timed.end() if timed else 0)))
            at = lowered.find(word.lower(), at + 1)
    for start, end in sorted(cuts, reverse=True):
        text = text[:start] + " " + text[end:]
    return text


def _change_date_by_language(materials: list[Parsed], modified: list[Parsed]) -> list[Deficiency]:
    """Row 2.8 asks the date of the last change of the site's information, in each of its languages: where one
    language's materials and pages of information (a template of their own, a version left on an older CMS) show
    none while the other's show it, the requirement is unmet on that part of the site (the same deduction, once)."""
    shown = {p.page.lang for p in modified}
    for lang in ("kk", "ru"):
        mine = [p for p in materials if p.page.lang == lang]
        if mine and lang not in shown and shown - {lang}:
            urls = sample(p.page.url for p in mine)
            said = f"the {lang} pages show no date of the last change, those in the other language do: {urls}"
            return [
                _no_change_date(
                    mine, Said(said, "deficiency.a14.no_modification_date_in_language", lang=lang, urls=urls)
                )
            ]
    return _change_date_by_host(materials, modified)


def _no_change_date(mine: list[Parsed], said: Said) -> Deficiency:
    """The part of the site whose pages show no date of the last change, as one deficiency of row 2.8."""
    return Deficiency(
        said,
        kind="no_modification_date",
        count=len(mine),
        url=mine[0].page.url,
        evidence=[p.page.evidence(None, p.page.title or p.page.url) for p in mine[:3]],
    )


HOST_PAGES_MIN = 3  # a host of the site holding this many pages of information is a part of it of its own


def _change_date_by_host(materials: list[Parsed], modified: list[Parsed]) -> list[Deficiency]:
    """As :func:`_change_date_by_language`, a part of the site on a host of its own (a department's register on a
    subdomain, another small system) whose pages of information show no date of the last change while the pages on
    the site's other hosts do: the requirement is unmet on that part (the same deduction, once)."""
    shown = {urlsplit(p.page.url).hostname for p in modified}
    hosts: dict[str | None, list[Parsed]] = {}
    for p in materials:
        hosts.setdefault(urlsplit(p.page.url).hostname, []).append(p)
    for host, mine in sorted(hosts.items(), key=lambda kv: str(kv[0])):
        if len(mine) >= HOST_PAGES_MIN and host not in shown and shown - {host}:
            urls = sample(p.page.url for p in mine)
            said = f"the pages on {host} show no date of the last change, those elsewhere on the site do: {urls}"
            return [
                _no_change_date(
                    mine, Said(said, "deficiency.a14.no_modification_date_on_host", host=str(host), urls=urls)
                )
            ]
    return []


# a date, and another within a few words of it: a posting line that gives a second date («… 10.02.2026 · … 02.11.2026»)
SECOND_DATE = re.compile(
    r"\b\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}\b(?:[^\d.]|\d{1,2}:\d{2}){1,40}?\b\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}\b"
)


def _posting_timed(
    text: str, date: re.Pattern[str], clock: re.Pattern[str], words: list[str], posted: Sequence[str] = ()
) -> bool:
    """A date with its time right after it that is not a date of change (one the modified words announce).
    Where the page labels its date of posting («Жарияланды: …», «Опубликовано: …»), that date is the one
    asked: another date with a time in the text (an event's «27.11.2026, 11:00») is not when it was posted."""
    lowered = text.lower()
    labelled: list[bool] = []
    for word in posted:
        for at in (m.end() for m in re.finditer(re.escape(word.lower()), lowered)):
            found = date.search(text[at : at + 40])
            if found:
                labelled.append(bool(clock.search(text[at + found.end() : at + found.end() + 12])))
    if labelled:
        return any(labelled)
    last = 0
    for found in date.finditer(text):
        before = lowered[max(last, found.start() - 40) : found.start()]  # back to the previous date at most
        last = found.end()
        if any(w.lower() in before for w in words):
            continue
        if clock.search(text[found.end() : found.end() + 12]):
            return True
    return False


def _change_date_shown(
    text: str, words: list[str], date: re.Pattern[str], clock: re.Pattern[str] | None = None
) -> bool:
    """Whether the page shows the reader when its information was last changed: one of the words
    («Дата изменения», «Жаңартылған» …) with a date right after it. An HTTP ``Last-Modified`` header
    or a site map's ``lastmod`` is not shown to the reader (row 2.8, «указание … даты … последнего
    изменения»), and the word alone, with no date, dates nothing. With ``clock``: the date followed by
    its time."""
    lowered = text.lower()
    for word in words:
        at = lowered.find(word.lower())
        while at >= 0:
            after = text[at + len(word) : at + len(word) + 40]
            found = date.search(after)
            if found and (clock is None or clock.search(after[found.end() : found.end() + 12])):
                return True
            at = lowered.find(word.lower(), at + 1)
    return False


# ------------------------------------------------------------------------------------------ 2.10
def _emblem_in_html(parsed: Parsed, config: dict[str, Any]) -> Any | None:
    vocabulary = labels(config, "emblem")
    for image in parsed.root.iter("img"):
        described = " ".join(filter(None, [image.get("alt"), image.get("src"), image.get("class"), image.get("title")]))
        if matches_label(described, vocabulary):
            return image
    return None


def _template_emblems(found: list[Any], home: Sequence[Parsed]) -> list[Any]:
    """The emblem measurements of the site's graphic part, its template as the home page shows it: the Emblem a
    page of the State symbols shows as its content (Appendix 15 1.1) is no part of it; the other pages' count
    where the home page has none."""
    home_urls = {u for p in home for u in (p.page.url, p.page.final_url) if u}
    return [m for m in found if m.url in home_urls] or found


OWED_BY_STATE_BODIES = Said(
    "the official marking of a state body and the State Emblem are owed by state bodies, "
    "not by subordinate organisations",
    "reason.a14.graphics_subordinate",
)
NO_EMBLEM = Said("no emblem measurement and no emblem in the HTML of the home page", "reason.a14.no_emblem")


@register("a14.graphics", "6", ["A14-2.10"], uses=["pages", "measurements:emblem"], also_applies_to=("subordinate",))
def graphics(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 14 row 2.10: graphics: marked as the body's official website; the State Emblem no larger than
    100×100 px. The Emblem measured is the site's graphic part, as its home page shows it (another page's only
    where the home page has none): the large Emblem of a page of the State symbols is that page's content."""
    if artifacts.kind == "subordinate":
        return [
            Result(
                item,
                None,
                "not_applicable",
                reason=OWED_BY_STATE_BODIES,
            )
        ]
    config = check_settings("accessibility", artifacts.config)
    pages = [parse(p) for p in site_pages(artifacts, config)]
    if not pages:
        return no_pages(artifacts, [item])
    home = [p for p in pages if is_home(p.page)] or pages[:1]
    marking = labels(config, "official_marking")
    marked = [p for p in home if matches_label(p.text(), marking)]
    deficiencies = []
    if not marked:
        deficiencies.append(
            pages_deficiency(
                "no_official_marking", "the home page does not say it is the body's official website", home
            )
        )
    limit = int(config["emblem_max_px"])
    taken, _ = usable(measurements(artifacts, "emblem", "desktop"))
    found = _template_emblems([m for m in taken if m.data.get("found")], home)
    measured: dict[str, Any] = {"official_marking": bool(marked), "emblem_limit_px": limit}
    too_large: Deficiency | None = None  # what is said when the emblem, rendered or declared, is above the limit
    if found:
        m = max(
            found, key=lambda m: max(float(m.data.get("rendered_width", 0)), float(m.data.get("rendered_height", 0)))
        )
        width, height = round(float(m.data["rendered_width"])), round(float(m.data["rendered_height"]))
        measured.update(width=width, height=height, size_source="rendered")
        too_large = Deficiency(
            Said(
                f"the State Emblem is shown at {width}×{height} px (at most {limit}×{limit})",
                "deficiency.a14.emblem_too_large.rendered",
                width=width,
                height=height,
                limit=limit,
            ),
            kind="emblem_too_large",
            url=m.url,
            selector=m.data.get("selector"),
            evidence=[m.evidence(m.data.get("selector"), m.data.get("src"))],
        )
    else:
        images = [(p, img) for p in home if (img := _emblem_in_html(p, config)) is not None]
        if not images and not taken:
            return [not_assessed(item, None, NO_EMBLEM)]
        if not images:
            deficiencies.append(
                pages_deficiency("emblem_missing", "no image of the State Emblem on the home page", home)
            )
        else:
            p, img = images[0]
            width, height = int(img.get("width") or 0), int(img.get("height") or 0)
            measured.update(width=width, height=height, size_source="html_attributes")
            too_large = Deficiency(
                Said(
                    f"the State Emblem is declared {width}×{height} px",
                    "deficiency.a14.emblem_too_large.declared",
                    width=width,
                    height=height,
                ),
                kind="emblem_too_large",
                url=p.page.url,
                evidence=[p.page.evidence("img", img.get("src"))],
            )
    if too_large is not None and (measured["width"] > limit or measured["height"] > limit):
        deficiencies.append(too_large)
    evidence = [home[0].page.evidence("header", (marked[0].text() if marked else home[0].text())[:160])]
    return [row_result(item, deficiencies, measured, evidence, artifacts)]
