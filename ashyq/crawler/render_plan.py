"""Which pages of a gov.kz body the browser renders in one language, found as it goes.

The home page, then the sections its menu links to, then beyond the menu a sample of the platform's
detail routes: per kind (a news item, a document, an article, a person of the leadership …) the
newest few, taken in the order the rendered pages list them (the platform draws its lists newest
first), or for a kind no page links (the ``article`` type) from the ids the API answered newest
first. The kinds share about a third of the page budget, one page each in turn, so a small budget
still opens one of each; the menu's sections get the rest (``render.sample`` in
``ashyq/config/crawl.yaml``).

After the sample, the body's own link targets that no page of it rendered are rendered once more
(:func:`link_check_targets`, ``render.check_links``), the language switch's first: on the platform
every route answers HTTP 200 with the same shell, so whether a link leads anywhere is known only from
what the app draws there (its "page not found", :func:`ashyq.crawler.parsers.rendered.not_found_heading`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ashyq.crawler.parsers import rendered
from ashyq.crawler.parsers.govkz import entity_url


@dataclass(frozen=True)
class SampleKind:
    """A kind of detail page: a part of its route, how many of the newest to render, and the GraphQL
    root field its ids are asked of when no page links it."""

    kind: str
    path: str
    newest: int
    graphql: str | None = None


# without a configuration: one news item and one document, as the render always took
DEFAULT_SAMPLE = (SampleKind("news", "/press/news/details/", 1), SampleKind("documents", "/documents/details/", 1))


def sample_from(config: Mapping[str, Any] | None) -> tuple[SampleKind, ...]:
    """The sample of ``render.sample`` (the ``ASHYQ_RENDER_SAMPLE`` setting), in its order."""
    if not config:
        return DEFAULT_SAMPLE
    return tuple(
        SampleKind(str(kind), str(entry["path"]), int(entry.get("newest", 1)), entry.get("graphql") or None)
        for kind, entry in config.items()
    )


@dataclass
class RenderTarget:
    url: str
    depth: int | None  # clicks from the home page; None: no rendered page links it (asked of the API)
    kind: str = "menu"  # "menu" (the home page and its sections), a sampled kind, or "link_check"


def quotas(sample: Iterable[SampleKind], room: int) -> dict[str, int]:
    """The pages of each kind within ``room``: one each in turn, each up to its ``newest``."""
    kinds = [s for s in sample if s.newest > 0]
    out = {s.kind: 0 for s in kinds}
    while room > 0 and any(out[s.kind] < s.newest for s in kinds):
        for s in kinds:
            if room > 0 and out[s.kind] < s.newest:
                out[s.kind] += 1
                room -= 1
    return out


@dataclass
class RenderPlan:
    """Which pages of a body to render in one language, found as the browser goes."""

    slug: str
    lang: str
    max_pages: int
    sample: tuple[SampleKind, ...] = DEFAULT_SAMPLE
    queue: list[RenderTarget] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    taken: dict[str, list[str]] = field(default_factory=dict)  # the sampled pages, per kind

    def __post_init__(self) -> None:
        total = sum(s.newest for s in self.sample)
        # the sample's room: a third of the budget, at least two pages (a news item and a document)
        self.reserved = min(total, max(2, self.max_pages // 3))
        self.quota = quotas(self.sample, self.reserved)
        self.taken = {kind: [] for kind in self.quota}
        self.add(entity_url(self.slug, "", self.lang), 0)

    def add(self, url: str, depth: int | None, kind: str = "menu") -> bool:
        if url in self.seen:
            return False
        if kind == "menu":
            if len(self.seen) - self._sampled() >= self.max_pages - self.reserved:
                return False
        elif len(self.taken[kind]) >= self.quota[kind] or len(self.seen) >= self.max_pages:
            return False
        else:
            self.taken[kind].append(url)
        self.seen.add(url)
        self.queue.append(RenderTarget(url, depth, kind))
        return True

    def _sampled(self) -> int:
        return sum(len(urls) for urls in self.taken.values())

    def seed(self, kind: str, urls: Iterable[str]) -> None:
        """Pages of a kind asked of the API (newest first): no page links them, so no depth."""
        for url in urls:
            if kind in self.taken:
                self.add(url, None, kind)

    def learn(self, html: str, target: RenderTarget) -> None:
        if target.depth == 0:
            for url in rendered.menu_links(html, target.url, self.slug, self.lang):
                self.add(url, 1)
        if target.depth is None:  # a page asked of the API: what it links is sampled from linked pages
            return
        depth = target.depth + 1
        for sample in self.sample:
            if sample.kind not in self.taken:
                continue
            for url in rendered.links_to(html, target.url, self.slug, self.lang, sample.path):
                if len(self.taken[sample.kind]) >= self.quota[sample.kind]:
                    break
                self.add(url, depth, sample.kind)

    def next(self) -> RenderTarget | None:
        return self.queue.pop(0) if self.queue else None

    def described(self) -> dict[str, Any]:
        """What was sampled, for the record: per kind the pages taken and the quota it had."""
        return {kind: {"quota": self.quota[kind], "pages": list(urls)} for kind, urls in self.taken.items()}


def link_check_targets(
    pages: Iterable[tuple[str, str, int | None]], slug: str, rendered_urls: set[str], langs: Iterable[str], limit: int
) -> list[RenderTarget]:
    """Up to ``limit`` per language (of ``langs``) of the body's own link targets that no rendered page
    is, from ``pages`` (each its DOM, address and depth, in the order they were rendered): first the
    language switches' targets, then the other links."""
    wanted = set(langs)
    switches: list[RenderTarget] = []
    others: list[RenderTarget] = []
    seen = set(rendered_urls)
    for html, url, depth in pages:
        hop = None if depth is None else depth + 1
        switch, other = rendered.own_link_targets(html, url, slug)
        for targets, into in ((switch, switches), (other, others)):
            for target in targets:
                if target not in seen and rendered.lang_of(target) in wanted:
                    seen.add(target)
                    into.append(RenderTarget(target, hop, "link_check"))
    taken: dict[str | None, int] = {}
    out: list[RenderTarget] = []
    for chosen in switches + others:
        lang = rendered.lang_of(chosen.url)
        if taken.get(lang, 0) < limit:
            taken[lang] = taken.get(lang, 0) + 1
            out.append(chosen)
    return out
