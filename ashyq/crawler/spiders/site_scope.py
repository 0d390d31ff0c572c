"""Which hosts are the body's site: where the site spider's crawl may go.

The crawl starts on the hosts of the body's registered sites (with and without ``www.``); the host an
entry address redirects to, a host the site's own language switch names (``kk.body.gov.kz`` →
``ru.body.gov.kz``) and a host a frame of the site's page shows (a register at ``docs.body.gov.kz``)
join it when they are the body's too, by one rule (:func:`joins_site`); a plain link of the site's page
adds a host only when it is a sub-host of the body's own site (:func:`sub_host_of_site`: a documents
register at ``docs.body.gov.kz`` the menu links, not a sibling or a parent). A body's site may sit under
another body's (a ministry's committee at ``nadzor.geology.gov.kz``, a territorial department at
``akzhaiyk.ekoreg.gov.kz``), where the registrable domain is the parent's and sharing it proves nothing.
A link to any other host is external: checked, never crawled. Sites on the unified gov.kz platform are
the gov.kz spider's, not this one's.

A body's site may also be a folder of a larger host: a district akimat's registered address
``https://oblys.gov.kz/audan/`` under its oblast's portal, as every entity on www.gov.kz is
``/memleket/entities/<slug>``. Its pages are the host's addresses under that folder (one rule for both,
:func:`ashyq.base.home_page.under_prefix`; :func:`in_site_scope`); the host's other pages - the oblast's
own budget, site map, search, feed, English page - are another body's: a link to one is checked like an
external link (for the dead links), never crawled, so no check reads it as the body's content. Where
another registered body's address is a deeper folder of the same host, its folder is its own, not this
body's. An entry address that leads out of its folder (``/audan/`` answering with the oblast's ``/kk/``)
shows the folder is no site of its own: the whole host is then the body's.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.http import Response

from ashyq.base.home_page import site_prefix, under_prefix
from ashyq.base.vocabulary import LANGS
from ashyq.crawler.middlewares.cookies import SPLIT_DOMAIN, is_public_suffix
from ashyq.crawler.middlewares.traps import SECTION_LINK, canonical_url
from ashyq.crawler.spiders.site_graph import SiteGraph
from ashyq.crawler.spiders.site_page import FoundLink, download_format
from ashyq.store.bodies import Body

PLATFORM_HOSTS = frozenset({"www.gov.kz", "gov.kz"})
# a host's first label that names one language of a site (``kk.audan.gov.kz`` beside ``ru.audan.gov.kz``)
LANGUAGE_LABELS = frozenset({"kk", "kz", "kaz", "qaz", "ru", "rus", "en", "eng"})

# a language's home page (where the switch leads) holds the way to every section: it may use the page
# limit's reserve like a link to a section (ashyq.crawler.sections)
LANGUAGE_HOME = {SECTION_LINK: "home"}


def classic_sites(body: Body | None) -> list[str]:
    return _off_platform(body.sites) if body is not None else []


def _off_platform(urls: Iterable[str]) -> list[str]:
    return [url for url in urls if (urlsplit(url).hostname or "").lower() not in PLATFORM_HOSTS]


def host_variants(url: str) -> set[str]:
    host = (urlsplit(url).hostname or "").lower()
    bare = host.removeprefix("www.")
    return {bare, f"www.{bare}"}


def same_registrable_domain(host: str, other: str) -> bool:
    """``kk.body.gov.kz`` and ``ru.body.gov.kz`` (one registrable domain under the public suffix list),
    not ``body.gov.kz`` and ``another.gov.kz`` (two sites under the public suffix ``gov.kz``)."""
    mine, theirs = SPLIT_DOMAIN(host), SPLIT_DOMAIN(other)
    return bool(mine.domain) and (mine.domain, mine.suffix) == (theirs.domain, theirs.suffix)


def site_root(host: str) -> str:
    """The site a host serves: the host without a leading ``www.`` or a label naming a language
    (``www.kk.audan.gov.kz`` → ``audan.gov.kz``), never cut down to a public suffix (``ru.gov.kz`` stays)."""
    host = host.lower().rstrip(".")
    while True:
        first, _, rest = host.partition(".")
        if not (first == "www" or first in LANGUAGE_LABELS) or not rest or is_public_suffix(rest):
            return host
        host = rest


def _under(host: str, root: str) -> bool:
    return host == root or host.endswith(f".{root}")


def joins_site(host: str, own: Iterable[str], others: Iterable[str]) -> bool:
    """Whether ``host`` is the body's site, the body's hosts being ``own`` and the other registered
    bodies' ``others`` (each read as its :func:`site_root`).

    A host is the body's when the nearest site it is (or is under) is the body's and not another
    body's: ``kk.nadzor.geology.gov.kz`` and ``docs.nadzor.geology.gov.kz`` are the committee's, a
    ministry's crawl does not take in its committee's ``nadzor.geology.gov.kz``. A host under no
    registered site is the body's when it shares the body's registrable domain and is no ancestor of
    the body's site: ``docs.audan.gov.kz`` is ``audan.gov.kz``'s, while ``www.ekoreg.gov.kz`` - the
    parent of ``akzhaiyk.ekoreg.gov.kz``, whether the registry lists it or not - is not the
    department's."""
    root = site_root(host)
    own_roots = {r for r in map(site_root, own) if not is_public_suffix(r)}
    other_roots = {r for r in map(site_root, others) if not is_public_suffix(r)} - own_roots
    nearest_own = max((len(r) for r in own_roots if _under(root, r)), default=-1)
    nearest_other = max((len(r) for r in other_roots if _under(root, r)), default=-1)
    if nearest_own >= 0 or nearest_other >= 0:
        return nearest_own >= nearest_other
    return any(same_registrable_domain(host, mine) for mine in own) and not any(_under(r, root) for r in own_roots)


def sub_host_of_site(host: str, whole: Iterable[str], others: Iterable[str]) -> bool:
    """Whether a host a plain link of the body's site names is a sub-host of the body's own site, the
    body's hosts that are a whole site being ``whole`` (a folder of a larger host is no such site: a
    district's ``oblys.gov.kz/audan/`` has no sub-hosts, ``docs.oblys.gov.kz`` is the oblast's) and the
    other registered bodies' ``others``. Appendix 14 judges the body's internet resource: a register of
    acts at ``docs.body.gov.kz`` the menu links is the body's, a sibling under a shared domain
    (``other.ministry.gov.kz``), the parent's host, a national portal and www.gov.kz (the platform's
    domain, a public suffix here) are not."""
    root = site_root(host)
    roots = {r for r in map(site_root, whole) if not is_public_suffix(r)}
    below = any(root != r and _under(root, r) for r in roots)
    return below and joins_site(host, whole, others)


def in_site_scope(url: str, own: Iterable[str], others: Iterable[str] = ()) -> bool:
    """Whether an address on a host of the body's is the body's page, ``own`` being the body's registered
    addresses and ``others`` the other bodies': under the deepest folder any of them names on that host,
    when that folder is the body's (a host no own address names - a language host the switch added - is
    the body's whole)."""
    host = (urlsplit(url).hostname or "").lower()
    mine = [site_prefix(u) for u in own if host in host_variants(u)]
    if not mine:
        return True
    nearest_own = max((len(p) for p in mine if under_prefix(url, p)), default=-1)
    if nearest_own < 0:
        return False
    theirs = (site_prefix(u) for u in others if host in host_variants(u))
    return nearest_own >= max((len(p) for p in theirs if under_prefix(url, p)), default=-1)


class SiteScope(SiteGraph):
    """The hosts of the body's site, and the requests that bring a new one into the crawl."""

    def __init__(self, *, start_urls: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.site_urls = [canonical_url(u) for u in (start_urls or classic_sites(self.body))]
        self.hosts: set[str] = set().union(*(host_variants(u) for u in self.site_urls)) if self.site_urls else set()
        self.requested: set[str] = set()
        self.language_hosts: dict[str, str] = {}  # a host the site's language switch adds → where it was found
        self.frame_hosts: dict[str, str] = {}  # a host a frame of the site's page adds → where it was found
        self.link_hosts: dict[str, str] = {}  # a sub-host a link of the site's page adds → where it was found
        # the hosts of the registry's other bodies' own sites: where this body's site ends
        self.other_hosts: set[str] = set().union(*(host_variants(u) for u in _off_platform(self.other_sites)))
        # the registered addresses that draw the site's folder on a host it shares (in_site_scope)
        self.scope_urls = list(self.site_urls)

    # the site spider's callbacks (ashyq.crawler.spiders.site)
    def parse_page(self, response: Response) -> AsyncIterator[Any]:
        raise NotImplementedError

    def parse_robots(self, response: Response) -> Any:
        raise NotImplementedError

    def _is_internal(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").lower()
        return host in self.hosts and in_site_scope(url, self.scope_urls, _off_platform(self.other_sites))

    def _outside_folder(self, url: str) -> bool:
        """An address on a host of the body's, outside the body's folder of it: another body's page."""
        return (urlsplit(url).hostname or "").lower() in self.hosts and not self._is_internal(url)

    def _entry_landed(self, asked: str, final: str) -> None:
        """An entry address that leads out of its own folder (``/audan/`` → the host's ``/kk/``): the
        folder is no site of its own, the whole host is the body's."""
        prefix = site_prefix(asked)
        if prefix and not under_prefix(final, prefix) and (urlsplit(final).hostname or "").lower() in self.hosts:
            root = f"{urlsplit(asked).scheme}://{urlsplit(asked).netloc}/"
            self.scope_urls = [root if u == asked else u for u in self.scope_urls]
            self.logger.info("entry %s leads to %s outside its folder: the whole host is the site", asked, final)

    def _joins(self, host: str) -> bool:
        """A host not yet crawled is the body's site too (:func:`joins_site`)."""
        return joins_site(host, self.hosts, self.other_hosts)

    def _robots_request(self, root: str) -> Request:
        """robots.txt of a host of the site: the sitemaps it names are read (:meth:`parse_robots`)."""
        return self.probe_request(
            f"{root}/robots.txt",
            self.parse_robots,
            method="GET",
            expect_errors=True,
            meta={"dont_obey_robotstxt": True, "ashyq_root": root},
        )

    def _adopt_language_hosts(self, switches: dict[str, str], page_url: str, depth: int | None = None) -> list[Any]:
        """A language the site's own switch (or ``hreflang``) offers on another host of the body's
        (``kk.body.gov.kz`` → ``ru.body.gov.kz``; :func:`joins_site`) is the body's site too: its host
        joins the crawl's, so its pages are followed like the first language's (and its robots.txt
        and sitemap read). A switch to another domain, or to a parent body's site, is left alone: a
        body's site is not found by guessing."""
        out: list[Any] = []
        for switch_lang, target in switches.items():
            host = (urlsplit(target).hostname or "").lower()
            if switch_lang not in LANGS or not host or host in self.hosts:
                continue
            if not self._joins(host):
                continue
            self.hosts |= host_variants(target)
            self.language_hosts[host] = f"the {switch_lang} switch {target} on {page_url}"
            if self.crawler.stats is not None:
                self.crawler.stats.set_value(f"ashyq/language_host/{host}", self.language_hosts[host])
            root = f"{urlsplit(target).scheme}://{urlsplit(target).netloc}"
            if target not in self.requested:
                self.requested.add(target)
                out.append(
                    self.page_request(target, self.parse_page, depth=depth, source_url=page_url, meta=LANGUAGE_HOME)
                )
            out.append(self._robots_request(root))
        return out

    def _adopt_frames(self, frames: list[FoundLink], page_url: str) -> tuple[list[FoundLink], list[Any]]:
        """The frames of a page of the body's site that show the body's own pages, and the probes of the
        hosts they add. A frame on the site's host, or on another host of the body's (:func:`joins_site`:
        a register of acts at ``docs.body.gov.kz`` embedded on ``body.gov.kz``), is the body's content:
        it is followed like a link labelled with the heading it sits under (so the content checks read
        it as that section's page), and a new host joins the crawl's as a language host does. A frame
        of another domain (a map, a video, a third party's widget) or of a parent body's site is not the
        body's site."""
        if not self._is_internal(page_url):
            return [], []
        kept: list[FoundLink] = []
        probes: list[Any] = []
        for frame in frames:
            host = (urlsplit(frame.url).hostname or "").lower()
            if not host or download_format(frame.url):
                continue
            if host not in self.hosts:
                if not self._joins(host):
                    continue
                how = f"the frame {frame.url} on {page_url}"
                probes.append(self._join_host(frame.url, host, self.frame_hosts, "frame_host", how))
            kept.append(frame)
        return kept, probes

    def _adopt_sub_hosts(self, links: list[FoundLink], page_url: str) -> list[Any]:
        """The hosts a page of the body's site links that are sub-hosts of the body's own site
        (:func:`sub_host_of_site`: the documents register at ``docs.body.gov.kz``) join the crawl's, as
        a language host does; the probes of their robots.txt. A mobile version's host is the phone
        harvest's (left to it)."""
        if not self._is_internal(page_url):
            return []
        folders = {h for u in self.scope_urls if site_prefix(u) for h in host_variants(u)}
        whole = self.hosts - folders
        probes: list[Any] = []
        for link in links:
            host = (urlsplit(link.url).hostname or "").lower()
            if not host or host in self.hosts or not link.url.startswith(("http://", "https://")):
                continue
            if self._in_mobile_version(link.url) or not sub_host_of_site(host, whole, self.other_hosts):
                continue
            how = f"the link {link.url} on {page_url}"
            probes.append(self._join_host(link.url, host, self.link_hosts, "link_host", how))
        return probes

    def _join_host(self, url: str, host: str, joined: dict[str, str], stat: str, how: str) -> Any:
        """``url``'s host joins the crawl's, ``how`` it was found kept in ``joined`` and in the crawl's
        stats (``ashyq/<stat>/<host>``); the probe of its robots.txt."""
        self.hosts |= host_variants(url)
        joined[host] = how
        if self.crawler.stats is not None:
            self.crawler.stats.set_value(f"ashyq/{stat}/{host}", how)
        return self._robots_request(f"{urlsplit(url).scheme}://{urlsplit(url).netloc}")

    def _in_mobile_version(self, url: str) -> bool:
        raise NotImplementedError
