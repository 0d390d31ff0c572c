"""A website harvested in part: the pages that were not obtained, and the findings they leave open.

A page of the body's own website that still failed after the crawl's retries - a server error
(5xx, 408, 429), a timeout, a dropped connection, a bot wall - is *missing*: the site has it, the
auditor did not see it. Policy refusals (robots.txt, a private address, an offsite link, a trap, an
answer over the size limit) and dead links (404) are not missing pages: they are the harvest's
decisions or the site's own defects, and the checks already read them as such.

Whether a missing page matters to a finding depends on what the item asks (``pages_rule`` of the
check, :mod:`ashyq.checks.registry`):

* ``somewhere`` - something must be found somewhere on the site (a section, a form, an RSS feed):
  a ``pass`` stands (what was found was found); a ``fail`` or ``partial`` could be the missing
  page's content, so it is ``not_assessed``;
* ``everywhere`` - every page must meet it (dates, breadcrumbs, alternative texts, links): every
  verdict depends on every page (fewer pages seen is fewer defects found), so a ``pass``, ``fail``
  or ``partial`` is ``not_assessed``.

A missing page of one language (``/ru/…``, ``?lang=kk``) concerns that language's findings only; a
page whose language the address does not tell concerns both - save an unread one that pages of one language alone
link (a document of the Russian version's card): it concerns that language's (:func:`linked_in`). The finding keeps
the verdict it would have had (``measured.harvested_in_part``) and cites every missing page as evidence.

Pages the harvest chose not to read are *unread* (:func:`unread_pages`): cut by the crawl's own
budget (the page limit, the depth limit) or disallowed by the site's robots.txt. The site has them
and the audit did not look; they are no fault of the site, and too common on a large site to leave
every finding open. A verdict of absence under ``somewhere`` (a ``fail`` or ``partial``: the thing was
not found on the pages read) keeps its status as the best guess and is ``uncertain``
(``pages_not_read``), the assessor asked whether an unread page holds it (:func:`doubted`); it is never
a certain deduction - save a verdict no page could change (the site has no mobile version at all, so every
Appendix 16 section fails with it). The body's website is the registry's addresses and the hosts its harvest read as
the site (a language on a host of its own: ``kk.body.gov.kz``, ``ru.body.gov.kz``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Literal
from urllib.parse import parse_qs, urljoin, urlsplit

from ashyq.base.artifacts import BodyArtifacts, FetchFailure
from ashyq.base.evidence import EvidenceRef
from ashyq.base.routes import address_parts, not_for_readers
from ashyq.base.text import parse_html
from ashyq.base.wording import Said
from ashyq.checks.result import Result, not_assessed

PagesRule = Literal["somewhere", "everywhere"]
PAGES_RULES: tuple[PagesRule, ...] = ("somewhere", "everywhere")

TRANSIENT_REASONS = frozenset({"timeout", "error", "antibot"})
TRANSIENT_STATUSES = frozenset({408, 429})
# the languages an address may name (English pages concern neither Kazakh nor Russian findings)
URL_LANGS = frozenset({"kk", "ru", "en"})
CITED = 20  # missing pages cited as evidence on one finding (the count says how many there were)
# the crawl's own budget (ashyq.crawler.middlewares.traps): a page it cut exists and was not read; a
# calendar's thousandth month or a redirect loop is a trap, not a page
BUDGET_CUTS = ("page limit of", "clicks from the home page")
QUOTED = 3  # unread pages named in an assessor's question


def transient(failure: FetchFailure) -> bool:
    """Whether the failure is the kind a retry might have cured: the page exists, it was not obtained."""
    if failure.reason in TRANSIENT_REASONS:
        return True
    status = failure.status_code or 0
    return failure.reason == "http_status" and (status >= 500 or status in TRANSIENT_STATUSES)


def _normal(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return (parts.hostname or "").lower(), parts.path.rstrip("/")


def on_site(url: str, site_urls: Sequence[str]) -> bool:
    """Whether ``url`` is under one of the body's website addresses (host and path prefix)."""
    host, path = _normal(url)
    for site in site_urls:
        site_host, site_path = _normal(site)
        if host == site_host and (path == site_path or path.startswith(f"{site_path}/")):
            return True
    return False


def lang_of(url: str) -> str | None:
    """The language the address names (``?lang=kk``, ``/ru/…``, a single-page app's route ``/#!/ru/…``), or None."""
    parts = address_parts(url)
    asked = parse_qs(parts.query).get("lang", [])
    if asked and asked[0] in URL_LANGS:
        return asked[0]
    first = parts.path.strip("/").split("/", 1)[0].lower()
    return first if first in URL_LANGS else None


def site_addresses(artifacts: BodyArtifacts) -> tuple[str, ...]:
    """The body's website: the registry's addresses, and the hosts of the pages its harvest read as the
    site (the crawl adds a language the site offers on a host of its own)."""
    hosts = {
        f"{parts.scheme}://{parts.netloc}/"
        for p in artifacts.pages
        if p.source == "site" and (parts := urlsplit(p.url)).scheme in ("http", "https") and parts.netloc
    }
    return (*artifacts.site_urls, *sorted(hosts - set(artifacts.site_urls)))


def missing_pages(artifacts: BodyArtifacts) -> list[FetchFailure]:
    """The body's website pages that were not obtained in the end (one failure per address)."""
    return _site_failures(artifacts, lambda f: transient(f) and not (f.detail or "").startswith("browser"))


def unread(failure: FetchFailure) -> bool:
    """Whether the harvest chose not to read the page: its budget cut it, or robots.txt forbade it."""
    detail = failure.detail or ""
    return failure.reason == "robots" or (failure.reason == "trap" and any(cut in detail for cut in BUDGET_CUTS))


def unread_pages(artifacts: BodyArtifacts) -> list[FetchFailure]:
    """The body's website pages the harvest did not read by its own choice (one failure per address),
    less those that are another rendering of a page it did read (:func:`copy_of_read`): what a printable
    copy holds is what its page holds, so it cannot change a finding; and less the site search's answers
    (:func:`search_results`, and the address its search form sends a query to, :func:`search_actions`) and the views
    for its editors or its sign-in (:func:`~ashyq.base.routes.not_for_readers`)."""
    read = _read_shapes(artifacts)
    failures = _site_failures(artifacts, unread)
    renderings = other_renderings(artifacts)
    left = [
        f
        for f in failures
        if not copy_of_read(f.url, read)
        and _shape_raw(f.url) not in renderings
        and not search_results(f.url)
        and not not_for_readers(f.url)
    ]
    if not left:
        return left
    searches = search_actions(artifacts)
    return [f for f in left if not _of_search(_shape_raw(f.url)[:2], searches)]


def _of_search(address: tuple[str, str], searches: set[tuple[str, str]]) -> bool:
    """Whether the address (host, path) is a search form's action or a page under it (``/ru/poisk/rasshirennyy``, its
    advanced form); under a language's or the site's root (WordPress's ``/kk/?s=``) every page is, so none counts."""
    host, path = address
    for search_host, search_path in searches:
        if host != search_host:
            continue
        if path == search_path:
            return True
        last = search_path.rsplit("/", 1)[-1].lower()
        if last and last not in URL_LANGS and path.startswith(f"{search_path}/"):
            return True
    return False


# a link whose whole label offers its page for print («🖨 Басып шығару», «Версия для печати», «Печать», «Print»): the
# page's own print control, not a document to print («Распечатать бланк заявления»)
PRINT_LABEL = re.compile(
    r"(?i)^\W*(?:версия для печати|печатная версия|печать|распечатать|басып шығару|басып шығару нұсқасы|"
    r"басып шығаруға арналған нұсқа(?:сы)?|"
    r"print|printable version|print version)\W*$"
)


# a link naming a news feed («Жаңалықтар арнасы (RSS)», «RSS-лента», «Atom»)
FEED_LABEL = re.compile(r"(?i)(?<![^\W_])(?:rss|atom)(?![^\W_])")


def other_renderings(artifacts: BodyArtifacts) -> set[tuple[str, str, frozenset[tuple[str, tuple[str, ...]]]]]:
    """The addresses (as :func:`_shape_raw` reads them) of other renderings of what pages read show, whatever the
    address says: a page's printable copy offered by its print control (TYPO3's ``index.php?id=10&L=0&type=98``,
    linked from the page's speaking address ``/kk/akimat/audan-akimi/``), and a news feed a link names (its items are
    the news the pages list). What they hold is what those pages hold."""
    return {
        _shape_raw(link.target_url)
        for page in artifacts.pages
        for link in page.links
        if PRINT_LABEL.match(label := " ".join((link.anchor_text or "").split())) or FEED_LABEL.search(label)
    }


# the query keys a site search's answer carries (``?q=``, WordPress's ``?s=``, Joomla's ``searchword`` …)
SEARCH_KEYS = frozenset({"q", "s", "query", "search", "searchword", "search_query", "keyword", "keywords"})

# the parameter a CMS's one script takes the requested action from, and an action that is its search
ACTION_KEYS = frozenset({"do", "action", "task", "option", "mod", "module", "view", "page"})
SEARCH_ACTION = re.compile(r"(?i)^(?:com_)?search$")


def search_results(url: str) -> bool:
    """Whether the address is the site search's answer to a query, or its form (robots.txt commonly forbids them):
    it lists the site's own pages and holds no material of its own, so not reading it cannot change a finding. The
    search is named by a query key (``?q=``, ``?s=``) or by the action a CMS's one script is asked for
    (``index.php?do=search&mode=advanced``, ``?option=com_search``, ``?action=search``)."""
    query = parse_qs(urlsplit(url).query, keep_blank_values=True)
    if {k.lower() for k in query} & SEARCH_KEYS:
        return True
    return any(
        k.lower() in ACTION_KEYS and SEARCH_ACTION.match(v.strip()) for k, values in query.items() for v in values
    )


# a box that takes a search query: a search box, or a text box named by a search's query key (``name="q"``)
_LOWER_NAME = "translate(@name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
QUERY_BOX = ".//input[@type='search' or ((not(@type) or @type='text') and ({}))]".format(
    " or ".join(f"{_LOWER_NAME}='{key}'" for key in sorted(SEARCH_KEYS))
)


def search_actions(artifacts: BodyArtifacts) -> set[tuple[str, str]]:
    """The addresses (host and path) the site's search forms send a query to: a form sent by GET with no box to write a
    message in, marked as a search (``role="search"``) or holding a box that takes a query. robots.txt commonly
    forbids the answer's address (``Disallow: /kk/izdeu``) and a site map may link it bare: it lists the site's own
    pages, so not reading it cannot change a finding."""
    found: set[tuple[str, str]] = set()
    for page in artifacts.pages:
        if "<form" not in page.html or (root := parse_html(page.html)) is None:
            continue
        for form in root.iter("form"):
            if (form.get("method") or "get").lower() != "get" or form.xpath(".//textarea"):
                continue
            if form.get("role") == "search" or form.xpath(QUERY_BOX):
                host, path, _ = _shape_raw(urljoin(page.final_url or page.url, form.get("action") or ""))
                found.add((host, path))
    return found


PRINT_WORDS = frozenset({"print", "printable", "printer", "pechat", "basyp"})  # a printable copy's address
# a visitor's session carried in the address (a Java server's ``;jsessionid=…`` path parameter, PHP's ``?PHPSESSID=…``):
# the same page as without it
SESSION_PARAM = re.compile(r"(?i);(?:jsessionid|phpsessid)=[^/;]*")
SESSION_KEYS = frozenset({"jsessionid", "phpsessid"})


def _shape(url: str) -> tuple[str, str, frozenset[tuple[str, tuple[str, ...]]]]:
    parts = urlsplit(url)
    dropped = PRINT_WORDS | SESSION_KEYS
    query = frozenset((k, tuple(v)) for k, v in parse_qs(parts.query).items() if k.lower() not in dropped)
    path = "/".join(s for s in SESSION_PARAM.sub("", parts.path or "/").split("/") if s.lower() not in PRINT_WORDS)
    return (parts.hostname or "").lower(), path.rstrip("/") or "/", query


def _read_shapes(artifacts: BodyArtifacts) -> set[tuple[str, str, frozenset[tuple[str, tuple[str, ...]]]]]:
    urls = {p.url for p in artifacts.pages} | {p.final_url for p in artifacts.pages if p.final_url}
    return {_shape(u) for u in urls}


def copy_of_read(url: str, read: set[tuple[str, str, frozenset[tuple[str, tuple[str, ...]]]]]) -> bool:
    """Whether the unread ``url`` is another rendering of a page read: its address without a print word
    («/print», «?print=1») or a session id (``;jsessionid=…``) is a page read, or it is a script naming print that
    asks for the same page as one read (``print.php?id=1`` beside ``page.php?id=1``: the same query, another script)."""
    host, path, query = _shape(url)
    if (host, path, query) in read and _shape(url) != _shape_raw(url):
        return True
    name = path.rsplit("/", 1)[-1].lower().split(".")[0]
    named_print = any(w in PRINT_WORDS for w in re.split(r"[^a-z]+", name) if w)
    return bool(query) and named_print and any(h == host and q == query and p != path for h, p, q in read)


def _shape_raw(url: str) -> tuple[str, str, frozenset[tuple[str, tuple[str, ...]]]]:
    parts = urlsplit(url)
    query = frozenset((k, tuple(v)) for k, v in parse_qs(parts.query).items())
    return (parts.hostname or "").lower(), (parts.path or "/").rstrip("/") or "/", query


def _site_failures(artifacts: BodyArtifacts, kept: Callable[[FetchFailure], bool]) -> list[FetchFailure]:
    obtained = {p.url for p in artifacts.pages} | {p.final_url for p in artifacts.pages if p.final_url}
    sites = site_addresses(artifacts)
    out: dict[str, FetchFailure] = {}
    for failure in artifacts.failures:
        if not kept(failure):
            continue  # a browser measurement's failure is on a page the harvest did obtain
        if failure.url in obtained or failure.url in out or urlsplit(failure.url).path == "/robots.txt":
            continue
        if on_site(failure.url, sites):
            out[failure.url] = failure
    return list(out.values())


def describe(missing: Sequence[FetchFailure]) -> Said:
    """The missing pages in one line: how many, why, one address."""
    why = ", ".join(sorted({f"{f.reason} {f.status_code}" if f.status_code else f.reason for f in missing}))
    return Said(
        f"the website was harvested in part: {len(missing)} page(s) could not be obtained after retries "
        f"({why}), e.g. {missing[0].url}",
        "reason.coverage.in_part",
        count=len(missing),
        reasons=why,
        url=missing[0].url,
    )


def concerning(
    missing: Sequence[FetchFailure], lang: str | None, langs: dict[str, str] | None = None
) -> list[FetchFailure]:
    """The missing pages that concern findings in ``lang`` (None: every language); ``langs``: the language of an
    address that names none, told otherwise (:func:`linked_in`)."""
    if lang is None:
        return list(missing)
    known = langs or {}
    return [f for f in missing if (lang_of(f.url) or known.get(f.url)) in (None, lang)]


def linked_in(artifacts: BodyArtifacts, failures: Sequence[FetchFailure]) -> dict[str, str]:
    """The language of each unread address that names none, where every page read that links it is of one language:
    a document the Russian pages alone offer (``/dms/archive/10660/otchet-2025-ru.pdf`` on a Russian card) is part of
    the Russian version, and what it holds concerns the Russian findings only."""
    wanted = {f.url for f in failures if lang_of(f.url) is None}
    if not wanted:
        return {}
    seen: dict[str, set[str]] = {}
    for page in artifacts.pages:
        for link in page.links:
            if link.target_url in wanted:
                seen.setdefault(link.target_url, set()).add(page.lang or "?")  # a page of no known language: both
    return {url: lang for url, langs in seen.items() if len(langs) == 1 and (lang := next(iter(langs))) != "?"}


def _cited(failure: FetchFailure) -> EvidenceRef:
    return EvidenceRef(url=failure.url, kind="fetch_failure", snippet=(failure.detail or failure.reason)[:300])


def left_open(result: Result, missing: Sequence[FetchFailure], rule: PagesRule) -> Result:
    """The finding as the missing pages leave it: the same, or ``not_assessed`` with the reason and
    every missing page of its language as evidence."""
    if result.status == "not_assessed":
        # the check left it open itself, naming missing pages: they are its evidence
        if not result.evidence and result.reason:
            result.evidence = [_cited(f) for f in missing if f.url in result.reason][:CITED]
        return result
    if result.status == "not_applicable":
        return result
    if rule == "somewhere" and result.status == "pass":
        return result
    relevant = concerning(missing, result.lang)
    if not relevant:
        return result
    evidence = [_cited(f) for f in relevant[:CITED]]
    described = describe(relevant)
    open_result = not_assessed(
        result.item,
        result.lang,
        Said(
            f"{described}; what they hold could change this finding (on the pages seen: {result.status})",
            "reason.coverage.could_change",
            **described.wording.params,
            status=result.status,
        ),
        evidence,
    )
    open_result.measured = {
        "harvested_in_part": {
            "missing_pages": len(relevant),
            "status_on_pages_seen": result.status,
            "urls": [f.url for f in relevant[:CITED]],
        }
    }
    return open_result


# deficiencies measured on the site as a whole that an unread page cannot change: the phone gets the full layout and
# the home page links to no mobile version (Appendix 16: its sections fail with it)
SETTLED_BY_THE_SITE = frozenset({"no_mobile_version"})


def doubted(
    result: Result, unread_list: Sequence[FetchFailure], rule: PagesRule, langs: dict[str, str] | None = None
) -> Result:
    """A verdict of absence the unread pages could change: the same status, ``uncertain``
    (``pages_not_read``) with the pages named (see the module's notes). Other verdicts stay as they are.
    ``langs``: the languages of unread addresses that name none (:func:`linked_in`)."""
    if rule != "somewhere" or result.status not in ("fail", "partial") or result.certainty == "uncertain":
        return result
    if result.deficiencies and all(d.kind in SETTLED_BY_THE_SITE for d in result.deficiencies):
        return result  # what no page of the site could change: it has no mobile version at all
    relevant = concerning(unread_list, result.lang, langs)
    if not relevant:
        return result
    why = ", ".join(sorted({f.reason for f in relevant}))
    more = f" … (+{len(relevant) - QUOTED})" if len(relevant) > QUOTED else ""
    named = ", ".join(f.url for f in relevant[:QUOTED]) + more
    result.measured["not_read"] = {"pages": len(relevant), "reasons": why, "urls": [f.url for f in relevant[:CITED]]}
    return result.uncertain(
        "pages_not_read",
        look_at=_cited(relevant[0]),
        quote=named,
        detail=f"{len(relevant)} page(s) of the site were not read ({why}), e.g. {relevant[0].url}: "
        f"what they hold could change this finding",
    )
