"""A site's mobile version as it exists, for the site spider: where it is and how it was found.

Appendix 16 judges the *mobile version* of a body's website. Sites have one of three kinds:

* **responsive** — the same pages adapt to a phone's width: nothing more to harvest (the desktop
  pages are what a phone gets; the browser step measures the layout);
* **separate** — another address: a host (``m.example.gov.kz``, ``mobile.``, ``pda.``) or a path
  (``/m/``, ``/mobile/``, ``/pda/``), reached by a "mobile version" link on the full site or by a
  redirect the server makes for phones (user-agent redirect);
* **adaptive** — the same address answers a phone with other markup (dynamic serving).

A separate or adaptive version is harvested as a site of its own, with a phone's user agent (and
cookie jar), in every language it offers; its pages are stored with ``source`` ``site-mobile``.
A language it does not offer simply has no page: the Appendix 16 check reads that as a failed
section for that language. Pure functions here; the spider does the fetching.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlsplit

from ashyq.base.artifacts import MOBILE_VERSION_SOURCE

MOBILE_SOURCE = MOBILE_VERSION_SOURCE  # PageItem.source of the mobile version's pages
MOBILE_HOST_LABELS = ("m", "mobile", "pda", "wap", "mob")  # the first label of a mobile host
MOBILE_PATH_SEGMENTS = ("m", "mobile", "pda", "wap", "mob", "mobi")  # a directory of a mobile path
MOBILE_PATH_DEPTH = 3  # how deep such a directory is looked for (``/m/``, ``/kk/m/``, ``/portal.nsf/m/``)
# How sites label the link to their mobile version (kk, ru, en): by its words, not one phrase. A label
# names the version when it has a word of a small screen («мобильная», «мобильді», «PDA», «WAP»,
# «телефон», «смартфон», «mobile») beside a word of a version or a device («версия», «нұсқа», «для»,
# «арналған», «устройств», «құрылғы», «version»), or is that one mobile word alone; an application
# («мобильное приложение», «мобильді қосымша») is not a version of the site.
MOBILE_STEMS = ("мобиль", "pda", "wap", "mobile", "mobi")  # alone in a label, these name the version
SCREEN_STEMS = (*MOBILE_STEMS, "телефон", "смартфон", "phone", "кпк")
VERSION_STEMS = ("верси", "нұсқа", "нуска", "version", "для", "арнал", "устройств", "құрылғ", "сайт", "site")
NOT_VERSION_STEMS = ("приложен", "қосымша", "app", "байланыс", "доверия", "сенім")
_WORDS = re.compile(r"[^\W\d_]+")
# A phone as the browser step emulates one (Pixel 7), followed by the crawler's own identity.
PHONE_PRODUCT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/156.0.0.0 Mobile Safari/537.36"
)
PHONE_COOKIES = "phone"  # the phone's own cookie jar (a "full version" cookie of the desktop crawl is not the phone's)
ADAPTIVE_SIMILARITY = 0.5  # link sets of the phone's and the desktop's page sharing less than this differ


def phone_user_agent(crawler_user_agent: str) -> str:
    """A phone's product string, then the crawler's name and contact: servers that redirect phones
    see a phone, and the site's owner still sees who asks."""
    return f"{PHONE_PRODUCT} {crawler_user_agent}".strip()


Kind = Literal["host", "path", "adaptive"]


@dataclass(frozen=True)
class MobileVersion:
    """Where a separate (or adaptive) mobile version lives and how the harvest found it."""

    kind: Kind
    host: str  # the host that serves it
    prefix: str  # the path it lives under ("/m/"); "" for a whole host
    entry: str  # its first address
    found_by: str  # what the harvest saw: the link, the redirect or the different markup

    def contains(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or (parts.hostname or "").lower() != self.host:
            return False
        if not self.prefix:
            return True
        path = parts.path or "/"
        return path.startswith(self.prefix) or path == self.prefix.rstrip("/")


def _bare(host: str) -> str:
    return host.lower().removeprefix("www.")


def mobile_version_at(url: str, site_hosts: set[str], found_by: str) -> MobileVersion | None:
    """The mobile version ``url`` belongs to, judged by its shape alone: a mobile host of one of the
    site's domains (``m.`` + the site's host without ``www.``), or a mobile path on one of the
    site's hosts; None for any other address."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        return None
    bare_sites = {_bare(h) for h in site_hosts}
    label, _, rest = host.partition(".")
    if label in MOBILE_HOST_LABELS and rest and _bare(rest) in bare_sites:
        return MobileVersion("host", host, "", f"{parts.scheme}://{parts.netloc}/", found_by)
    if host not in site_hosts:
        return None
    path = parts.path or "/"
    segments = path.strip("/").split("/")
    # the first segment (``/m/``), or a directory further down the site's own containers
    # (``/ru/m/``, ``/portal.nsf/m/``: a database or script serving the whole site with its mobile
    # views beneath it); a deeper segment counts only as a directory, never as a page's own name
    directories = len(segments) if path.endswith("/") else len(segments) - 1
    for index, segment in enumerate(segments[:MOBILE_PATH_DEPTH]):
        if segment.lower() in MOBILE_PATH_SEGMENTS and (index == 0 or index < directories):
            return MobileVersion("path", host, "/" + "/".join(segments[: index + 1]) + "/", url, found_by)
    return None


def is_mobile_label(text: str | None) -> bool:
    """Whether a link's text names the mobile version («Мобильная версия», «PDA-нұсқа», «Версия для
    телефона», «Телефонға арналған нұсқа», «Mobile» …): see ``MOBILE_STEMS`` and ``VERSION_STEMS``."""
    words = _WORDS.findall(unicodedata.normalize("NFC", text or "").casefold())
    if not words or len(words) > 6 or any(w.startswith(NOT_VERSION_STEMS) for w in words):
        return False
    if len(words) == 1:
        return words[0].startswith(MOBILE_STEMS)
    screen = any(w.startswith(SCREEN_STEMS) for w in words)
    return screen and any(w.startswith(VERSION_STEMS) for w in words if not w.startswith(SCREEN_STEMS))


INDEX_NAMES = ("index", "default", "main", "home")  # the full site's own entry scripts


def labelled_version(url: str, page_url: str, site_hosts: set[str], found_by: str) -> MobileVersion | None:
    """The version a link labelled as the mobile version leads to on the site's own host, whatever its
    address is called (``/pda.php?id=5``, ``/lite/``, ``/tel/index.html``): the path it lives under,
    its first segment (a directory, or the script that draws it; beneath a script or database that
    serves the whole site, its next one: ``/portal.nsf/lite/``). None for a link to the site's entry
    script or to the page's own path (a switch by query or cookie: the same pages, nothing to harvest apart)."""
    parts, page = urlsplit(url), urlsplit(page_url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or host not in site_hosts:
        return None
    segments = (parts.path or "/").strip("/").split("/")
    own = (page.path or "/").strip("/").split("/")
    # a script or database the whole site is served through (``/portal.nsf/…``, ``/index.php/…``) is
    # no version of its own: the version is the directory beneath it
    level = 1 if len(segments) > 2 and "." in segments[0] else 0
    first = segments[level]
    own_first = own[level] if len(own) > level and own[:level] == segments[:level] else ""
    if not first or first == own_first or first.lower().split(".")[0] in INDEX_NAMES:
        return None
    head = "/" + "/".join(segments[: level + 1])
    prefix = head if "." in first and len(segments) == level + 1 else f"{head}/"
    return MobileVersion("path", host, prefix, url, found_by)


def redirected_version(asked: str, final: str, site_hosts: set[str]) -> MobileVersion | None:
    """The version a phone was sent to: ``asked`` was answered from ``final`` (after redirects)."""
    if _same_place(asked, final):
        return None
    found_by = f"a phone asking for {asked} is redirected to {final}"
    version = mobile_version_at(final, site_hosts, found_by)
    if version is not None:
        return MobileVersion(version.kind, version.host, version.prefix, final, found_by)
    asked_host, final_host = (urlsplit(u).hostname or "" for u in (asked, final))
    if final_host and final_host != asked_host and final_host.lower().endswith("." + _bare(asked_host)):
        return MobileVersion("host", final_host.lower(), "", final, found_by)  # touch.example.kz and the like
    return None


def _same_place(a: str, b: str) -> bool:
    pa, pb = urlsplit(a), urlsplit(b)
    return (pa.hostname, pa.path.rstrip("/")) == (pb.hostname, pb.path.rstrip("/"))


def differs(desktop_links: set[str], phone_links: set[str]) -> bool:
    """Whether a phone got other markup at the same address: the internal links of the two answers
    share less than half of their union (a responsive page links the same pages either way)."""
    if len(desktop_links) < 3 or len(phone_links) < 3:
        return False
    shared = len(desktop_links & phone_links) / len(desktop_links | phone_links)
    return shared < ADAPTIVE_SIMILARITY
