"""What a body's mobile version is, from what the harvest stored and the browser measured: the pages
Appendix 16 is judged on, and why those.

* **separate** — the harvest found a separate (or adaptive) mobile version and stored its pages as a
  phone gets them (``PageSnapshot.of_mobile_version``, :mod:`ashyq.crawler.spiders.site_mobile`): the
  sections are judged on those pages, language by language; a language the version does not offer
  is a failed section for that language (the appendix scores what a phone user of that language
  finds), unless fetching the version failed in that language (then it is unknown).
* **responsive** — no separate version, and the site's own pages fit a phone (the browser's phone
  profiles saw no sideways scrolling; without a browser measurement, the pages declare a
  ``width=device-width`` viewport): a phone gets the desktop pages, so the sections are judged on them,
  without what the template hides at phone width (the classes the phone's rendering of the home page
  found only on hidden content, and those its style sheets hide at phone width though the home page does
  not use them, and the pairs a small-screen-first template hides by, «hidden md:table», «d-none d-lg-block»,
  :mod:`ashyq.gather.phone_styles`: ``phone_hidden_classes``).
* What the phone's rendering hides (``display: none``, ``visibility: hidden`` at phone width; marked
  ``data-ashyq-phone-hidden`` by the gather step) is not in the mobile version: content hidden by CSS
  is not counted as present (Appendix 16 scores what a phone user finds).
* **home rendering** — the browser was sent to a mobile host but the harvest holds none of its
  pages: only the phone's DOM of the home page can be read (a narrower reading, and it says so).
* **none** — the phone gets the full fixed layout and no mobile version was found anywhere: the
  site has no mobile version, every section fails.
* **unknown** — nothing was measured: ``not_assessed``.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ashyq.base.artifacts import BodyArtifacts, Measurement, PageSnapshot
from ashyq.base.evidence import EvidenceRef
from ashyq.base.text import matches_label
from ashyq.base.wording import Said
from ashyq.checks.accessibility.website import usable
from ashyq.checks.completeness.corpus import Unit, desktop_units, measurement_units, page_units, phone_units
from ashyq.config.check_settings import check_settings, labels

VIEWPORT_DEVICE_WIDTH = re.compile(
    r"<meta[^>]+name=[\"']?viewport[\"']?[^>]+content=[\"'][^\"']*width\s*=\s*device-width", re.I
)
MOBILE_HOST_LABELS = ("m", "mobile", "pda", "wap", "mob")
MOBILE_PATH_SEGMENTS = ("m", "mobile", "pda", "wap", "mob", "mobi")


NOT_READ = Said("", "")
NO_RENDERING = Said(
    "no mobile rendering was captured (no mobile measurements, no mobile-version pages)", "reason.a16.reading.unknown"
)


@dataclass
class MobileReading:
    """The pages a phone gets, and how that was decided."""

    how: str  # separate | responsive | home rendering | none | unknown
    units: list[Unit] = field(default_factory=list)
    source: str = ""  # what the units are, for a finding's ``measured.source``
    reason: Said = NOT_READ  # why this reading (the finding's reason where it decides alone)
    evidence: list[EvidenceRef] = field(default_factory=list)
    pages: list[PageSnapshot] = field(default_factory=list)  # the separate version's pages
    failures: list[str] = field(default_factory=list)  # URLs of the version that could not be fetched
    rendered: bool = True  # False: read from the markup alone, no phone rendering measured what the styles hide

    def langs(self) -> list[str]:
        return sorted({u.lang for u in self.units})


# the narrowest layout still made for a desktop (the common tablet/desktop breakpoint): a phone given a
# layout narrower than this got a template adapted to small screens, even where one block of it (a slider's
# track, a wide table) is wider than the phone and the browser widens the page to show it
DESKTOP_LAYOUT_PX = 768


def adapted(data: dict[str, Any]) -> bool:
    """Whether a phone measurement got a layout made for phones: nothing wider than the screen, or a
    declared viewport whose layout stays narrower than any desktop one (Appendix 16 asks whether a mobile
    version loads by itself; a block overflowing an adapted page is no full site)."""
    if data.get("horizontal_overflow") is False:
        return True
    if data.get("has_viewport_meta") and (
        (isinstance(data.get("phone_hidden"), int) and data["phone_hidden"] > 0) or data.get("phone_hidden_rules")
    ):
        # the style sheets have rules for phones (they hide blocks at their width, on this page or in the template):
        # their layout, overflowed
        return True
    width = data.get("scroll_width")
    return bool(data.get("has_viewport_meta")) and isinstance(width, int) and 0 < width < DESKTOP_LAYOUT_PX


def overflowing(data: dict[str, Any]) -> bool:
    """An adapted layout with a block wider than the phone's screen."""
    return bool(data.get("horizontal_overflow")) and adapted(data)


def version_pages(artifacts: BodyArtifacts) -> list[PageSnapshot]:
    """The separate (or adaptive) mobile version's pages the harvest stored (answered below 400)."""
    return [p for p in artifacts.pages if p.of_mobile_version and p.status < 400]


def _is_mobile_address(url: str, desktop_hosts: AbstractSet[str]) -> bool:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    label, _, rest = host.partition(".")
    if label in MOBILE_HOST_LABELS and rest.removeprefix("www.") in {h.removeprefix("www.") for h in desktop_hosts}:
        return True
    first = (parts.path or "/").strip("/").split("/")[0].lower()
    return host in desktop_hosts and first in MOBILE_PATH_SEGMENTS


def desktop_hosts(artifacts: BodyArtifacts) -> set[str]:
    hosts = {(urlsplit(u).hostname or "").lower() for u in artifacts.site_urls}
    hosts |= {(urlsplit(p.url).hostname or "").lower() for p in artifacts.pages if not p.of_mobile_version}
    return {h for h in hosts if h}


@dataclass(frozen=True)
class VersionScope:
    """What deciding whether an address belongs to the harvested mobile version asks of the harvest,
    read once (a check asks it of every link of every page)."""

    desktop: frozenset[str]  # the full site's hosts (:func:`desktop_hosts`)
    mobile: frozenset[str]  # the hosts of the version's pages
    full_site: frozenset[str]  # the hosts that hold a page of the full site
    addresses: frozenset[str]  # the version's pages' addresses, as asked and as answered
    # on the full site's host: the first path segments (a directory, or the script drawing it, «pda.php»)
    # that only the version's pages have, so an address under one of them is the version's even unharvested
    segments: frozenset[tuple[str, str]] = frozenset()

    @classmethod
    def of(cls, pages: list[PageSnapshot], artifacts: BodyArtifacts) -> VersionScope:
        full = [p for p in artifacts.pages if not p.of_mobile_version]
        desktop = frozenset(desktop_hosts(artifacts))
        own = {(_host(p.url), _first_segment(p.url)) for p in pages if _host(p.url) in desktop}
        return cls(
            desktop,
            frozenset(_host(p.url) for p in pages),
            frozenset(_host(p.url) for p in full),
            frozenset({p.url for p in pages} | {p.final_url for p in pages if p.final_url}),
            frozenset(own - {(_host(p.url), _first_segment(p.url)) for p in full} - {(h, "") for h in desktop}),
        )

    def holds(self, url: str) -> bool:
        """Whether ``url`` belongs to the version (its host, and its path prefix when the version lives
        under a path of the full site's host)."""
        host = _host(url)
        if host not in self.mobile:
            return False
        if host not in self.desktop or host not in self.full_site:
            return True
        return (
            _is_mobile_address(url, self.desktop)
            or url in self.addresses
            or (host, _first_segment(url)) in self.segments
        )


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _first_segment(url: str) -> str:
    return (urlsplit(url).path or "/").strip("/").split("/")[0].lower()


def links_back(page: PageSnapshot, pages: list[PageSnapshot], artifacts: BodyArtifacts) -> str | None:
    """The link of a mobile-version page that leads to the full version (its address), if any: a link
    labelled as the full version, or one to a page of the full site."""
    config = check_settings("accessibility", artifacts.config)
    scope = VersionScope.of(pages, artifacts)
    hosts = {h.removeprefix("www.") for h in scope.desktop}
    for link in page.links:
        target = link.target_url
        if not target.startswith(("http://", "https://")) or scope.holds(target):
            continue
        if matches_label(link.anchor_text, labels(config, "full_version")):
            return target
        if _host(target).removeprefix("www.") in hosts and not _is_mobile_address(target, scope.desktop):
            return target
    return None


def _phone_measurements(artifacts: BodyArtifacts) -> list[Measurement]:
    taken, _ = usable([m for m in artifacts.measurements_of("mobile") if m.viewport.startswith("mobile")])
    return taken


def read_mobile_version(artifacts: BodyArtifacts) -> MobileReading:
    """What a phone gets: the separate mobile version's pages, else what the phone measurements show
    (a redirect, the responsive site, the full layout, the home page's rendering), else the markup's
    viewport; ``unknown`` when nothing was captured."""
    pages = version_pages(artifacts)
    if pages:
        return _separate_version(artifacts, pages)
    return _from_measurements(artifacts) or _from_markup(artifacts) or MobileReading("unknown", reason=NO_RENDERING)


def _separate_version(artifacts: BodyArtifacts, pages: list[PageSnapshot]) -> MobileReading:
    home = min(pages, key=lambda p: (p.depth if p.depth is not None else 99, len(p.url)))
    full_hosts, scope = desktop_hosts(artifacts), VersionScope.of(pages, artifacts)
    # of the failures, the version's own: under a mobile address, or the version's host or path (a version
    # drawn by a script of the full site's host, «pda.php», does not own that host's other failures)
    failed = [f.url for f in artifacts.failures if _is_mobile_address(f.url, full_hosts) or scope.holds(f.url)]
    units = page_units(pages, "mobile")
    where = sorted({f"{_host(p.url)}{_prefix(p.url, full_hosts)}" for p in pages})
    return MobileReading(
        "separate",
        units,
        f"the separate mobile version ({', '.join(where)}), {len(pages)} pages",
        Said(
            f"the harvest found a separate mobile version at {', '.join(where)}",
            "reason.a16.reading.separate",
            where=", ".join(where),
        ),
        [home.evidence("body", f"the mobile version's entry: {home.url}")],
        pages,
        failed,
    )


def _from_measurements(artifacts: BodyArtifacts) -> MobileReading | None:
    """What the phone measurements say, when they say something."""
    measured = _phone_measurements(artifacts)
    desktop = desktop_units(artifacts)
    fits = [m for m in measured if "horizontal_overflow" in m.data and adapted(m.data)]
    redirected = [m for m in measured if m.data.get("redirected_to_mobile_host")]
    if redirected and isinstance(redirected[0].data.get("html"), str):
        phone = [m for m in measured if isinstance(m.data.get("html"), str)]
        units = [u for m in phone for u in measurement_units(m)]
        return MobileReading(
            "home rendering",
            units,
            "mobile measurements (the phone's home page only)",
            Said(
                f"phones are sent to {redirected[0].data.get('final_url')}, but none of its pages were harvested",
                "reason.a16.reading.redirected",
                address=f"{redirected[0].data.get('final_url')}",
            ),
            [redirected[0].evidence("html", redirected[0].data.get("final_url"))],
        )
    if fits and desktop:
        m = fits[0]
        screen = f"{m.data.get('device_width') or m.data.get('viewport_width')}"
        hidden = sorted({str(c) for f in fits for c in f.data.get("phone_hidden_classes") or ()})
        return MobileReading(
            "responsive",
            phone_units(artifacts, hidden),
            "the responsive site's own pages (a phone gets them)"
            + (f"; what the template hides at phone width left out (class {', '.join(hidden[:5])})" if hidden else ""),
            Said(
                f"no separate mobile version; the site's pages fit a phone ({m.data.get('profile')}: "
                f"{m.data.get('scroll_width')} px in a {screen} px screen)",
                "reason.a16.reading.responsive",
                profile=f"{m.data.get('profile')}",
                width=f"{m.data.get('scroll_width')}",
                screen=screen,
            ),
            [m.evidence("html", m.data.get("final_url"))],
        )
    if measured and not fits and not any(m.data.get("desktop_links_to_mobile") for m in measured):
        m = measured[0]
        if "horizontal_overflow" in m.data:
            return MobileReading(
                "none",
                [],
                "no mobile version",
                Said(
                    f"the site has no mobile version: a phone ({m.data.get('profile')}) gets the full layout "
                    f"({m.data.get('scroll_width')} px wide in a {m.data.get('viewport_width')} px screen), and the "
                    "harvest found no separate version",
                    "reason.a16.reading.none",
                    profile=f"{m.data.get('profile')}",
                    width=f"{m.data.get('scroll_width')}",
                    screen=f"{m.data.get('viewport_width')}",
                ),
                [m.evidence("html", m.data.get("final_url"))],
            )
    with_html = [m for m in measured if isinstance(m.data.get("html"), str)]
    if with_html:
        units = [u for m in with_html for u in measurement_units(m)]
        return MobileReading(
            "home rendering",
            units,
            "mobile measurements",
            Said("only the phone's rendering of the home page was captured", "reason.a16.reading.home_only"),
            [with_html[0].evidence("html", with_html[0].data.get("final_url"))],
        )
    return None


def _from_markup(artifacts: BodyArtifacts) -> MobileReading | None:
    """No phone measurement at all: the home page's markup declaring a device-width viewport."""
    desktop = desktop_units(artifacts)
    if desktop and not _phone_measurements(artifacts):
        homes = [p for p in artifacts.pages if not p.of_mobile_version and p.depth == 0 and p.status < 400]
        declared = [p for p in homes if VIEWPORT_DEVICE_WIDTH.search(p.html)]
        if declared:
            return MobileReading(
                "responsive",
                desktop,
                "the responsive site's own pages (by their markup)",
                Said(
                    "no separate mobile version was found and the home page declares a width=device-width viewport "
                    "(no browser measurement of the layout)",
                    "reason.a16.reading.markup",
                ),
                [declared[0].evidence("head", "meta viewport width=device-width")],
                rendered=False,
            )
    return None


def _prefix(url: str, desktop: AbstractSet[str]) -> str:
    if _host(url) not in desktop:
        return ""
    first = (urlsplit(url).path or "/").strip("/").split("/")[0]
    return f"/{first}/" if first.lower() in MOBILE_PATH_SEGMENTS else ""
