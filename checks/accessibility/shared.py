"""What the Appendix 14 checks share: their configuration, parsed pages, label matching, and the
honest "nothing to look at" outcomes.

The vocabularies (labels in kk, ru and en), selectors and thresholds are data in
``config/checks/accessibility.yaml``; a fixture or a run may override any top-level key through
``artifacts.config["accessibility"]``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
import yaml

from ashyq.checks.base import BodyArtifacts, FetchFailure, Measurement, PageSnapshot, Result, not_assessed
from ashyq.config import CONFIG_DIR

CONFIG_PATH = CONFIG_DIR / "checks" / "accessibility.yaml"
BODY_KINDS = ("cgo", "mio", "subordinate")  # point 86: the websites of every body and its units


@functools.cache
def _base_config() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(CONFIG_PATH.read_text(encoding="utf-8"))
    return loaded


def settings(artifacts: BodyArtifacts | None = None) -> dict[str, Any]:
    """The configuration, with the run's or the fixture's overrides of top-level keys."""
    base = _base_config()
    overrides = (artifacts.config.get("accessibility") if artifacts is not None else None) or {}
    return {**base, **overrides} if overrides else base


def labels(config: dict[str, Any], key: str) -> list[str]:
    return list(config["labels"][key])


@functools.cache
def _compiled(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def pattern(config: dict[str, Any], key: str) -> re.Pattern[str]:
    return _compiled(tuple(config["patterns"][key]))


def norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def matches_label(text: str | None, vocabulary: Iterable[str], exact: bool = False) -> bool:
    """Whether ``text`` is (or, unless ``exact``, contains) one of the labels, case-insensitively."""
    have = norm(text)
    if not have:
        return False
    for label in vocabulary:
        want = norm(label)
        if have == want or (not exact and len(want) > 3 and want in have):
            return True
    return False


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

    def text(self) -> str:
        """The visible text of the page body (scripts and styles dropped)."""
        return main_text(self.root)

    def absolute(self, href: str) -> str:
        return urljoin(self.page.final_url or self.page.url, href)


def main_text(element: Any) -> str:
    clone = lxml.html.fromstring(lxml.html.tostring(element))
    for bad in clone.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    return spaced_text(clone)


def spaced_text(element: Any) -> str:
    """The element's text with a space between the texts of its descendants (``text_content`` glues
    "граждан" and "12.11.2026" of neighbouring elements into one word)."""
    return " ".join(" ".join(element.itertext()).split())


@functools.lru_cache(maxsize=256)
def _parse(html: str) -> Any:
    return lxml.html.fromstring(html or "<html></html>")


def parse(page: PageSnapshot) -> Parsed:
    try:
        return Parsed(page, _parse(page.html))
    except (ValueError, lxml.etree.ParserError):
        return Parsed(page, lxml.html.fromstring("<html><body></body></html>"))


def is_mobile_host(config: dict[str, Any], url: str) -> bool:
    return bool(pattern(config, "mobile_host").search(urlsplit(url).hostname or ""))


def is_html(page: PageSnapshot) -> bool:
    kind = next((v for k, v in page.headers.items() if k.lower() == "content-type"), "text/html")
    return "html" in kind.lower() and "<" in page.html


def site_pages(artifacts: BodyArtifacts, config: dict[str, Any]) -> list[PageSnapshot]:
    """The desktop website's HTML pages that answered 200 (the mobile host is Appendix 16's)."""
    return [
        p
        for p in artifacts.pages
        if p.status == 200
        and is_html(p)
        and not is_mobile_host(config, p.final_url or p.url)
        and p.lang not in ("en",)
        and not is_splash(parse(p), config)
    ]


def is_home(page: PageSnapshot) -> bool:
    return page.depth == 0 or is_home_url(page.final_url or page.url)


def is_home_url(url: str) -> bool:
    path = urlsplit(url).path.rstrip("/")
    return path in ("", "/kk", "/ru", "/kz", "/en") or bool(re.fullmatch(r"/memleket/entities/[^/]+", path))


def is_splash(parsed: Parsed, config: dict[str, Any]) -> bool:
    """A splash page: the root of a site that only offers a choice of language (and a picture)."""
    page = parsed.page
    if urlsplit(page.final_url or page.url).path not in ("", "/"):
        return False
    anchors = parsed.anchors()
    limit = int(config["patterns"]["splash_max_links"][0])
    if not anchors or len(anchors) > limit:
        return False
    if parsed.first(config["menu_selectors"]) is not None and len(anchors) > 3:
        return False
    language_names = ("қазақша", "русский", "english", "kk", "ru", "en", "kz", "қаз", "рус", "eng")
    return all(norm(a.text_content()) in language_names or _is_language_href(a.get("href", "")) for a in anchors)


def _is_language_href(href: str) -> bool:
    path = urlsplit(href).path.strip("/")
    return path in ("kk", "ru", "kz", "en") or bool(re.search(r"[?&]lang=(kk|ru|en)\b", href))


def is_material(page: PageSnapshot, config: dict[str, Any]) -> bool:
    return bool(pattern(config, "material_url").search(urlsplit(page.final_url or page.url).path))


# ------------------------------------------------------------------------------ honest no-outcomes
def failure_summary(failures: Sequence[FetchFailure]) -> str:
    reasons = sorted({f.reason for f in failures})
    return f"{len(failures)} fetch failure(s): {', '.join(reasons)}" if failures else "nothing was fetched"


def no_pages(artifacts: BodyArtifacts, items: Sequence[str]) -> list[Result]:
    reason = f"no page of the website was harvested ({failure_summary(artifacts.failures)})"
    return [not_assessed(item, None, reason) for item in items]


def measurements(artifacts: BodyArtifacts, kind: str, viewport: str | None = None) -> list[Measurement]:
    return [m for m in artifacts.measurements_of(kind) if viewport is None or m.viewport.startswith(viewport)]


def usable(found: Sequence[Measurement]) -> tuple[list[Measurement], list[Measurement]]:
    """Measurements split into those that worked and those the gather step reports an ``error`` for."""
    ok = [m for m in found if not m.data.get("error")]
    return ok, [m for m in found if m.data.get("error")]


def no_measurement(item: str, kind: str, broken: Sequence[Measurement]) -> Result:
    if broken:
        errors = "; ".join(sorted({str(m.data.get("error"))[:120] for m in broken}))
        return not_assessed(item, None, f"the browser could not take the {kind} measurement: {errors}")
    return not_assessed(item, None, f"no {kind} measurement: the browser gather step did not run for this site")


def sample(values: Iterable[str], limit: int = 5) -> str:
    items = list(dict.fromkeys(values))
    head = ", ".join(items[:limit])
    return head + (f" … (+{len(items) - limit})" if len(items) > limit else "")
