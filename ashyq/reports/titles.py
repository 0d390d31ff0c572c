"""Titles and sources of criteria and items, in ru/kk/en, from the methodology edition.

Reports never restate the methodology: the words of a criterion or an item come from
``ashyq/config/methodology/<edition>.yaml``, so a new amendment changes the reports with the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ashyq.base.period import MONITORING
from ashyq.methodology.edition import Edition, Group, Item, edition_path, walk
from ashyq.methodology.validate import EditionError, load_edition
from ashyq.reports.i18n import catalogue


@dataclass(frozen=True)
class NodeTitle:
    """What a reader needs to find an item in the legal text."""

    id: str
    title: dict[str, str]
    source: str  # "file: point"
    source_point: str
    parent: str | None  # the top-level criterion (C1 … C7); None for a criterion itself

    def in_lang(self, lang: str) -> str:
        return self.title.get(lang) or self.title.get("ru") or self.id


class EditionTitles:
    """Titles of every node of an edition; unknown ids (an edition that lost an item) show their id."""

    def __init__(self, edition: Edition | None):
        self.edition = edition
        self.nodes: dict[str, NodeTitle] = {}
        self.level_titles: dict[str, dict[str, str]] = {}
        self.interpretations: dict[str, tuple[dict[str, str], dict[str, dict[str, str]], str]] = {}
        if edition is None:
            return
        for criterion in edition.criteria:
            for node in walk([criterion]):
                self._add(node, None if node is criterion else criterion.id)
        if edition.reporting_penalty is not None:
            rp = edition.reporting_penalty
            self.nodes[rp.item] = NodeTitle(
                rp.item, rp.title.model_dump(), f"{rp.source.file}: {rp.source.point}", rp.source.point, None
            )
        self.level_titles = {level.id: level.title.model_dump() for level in edition.levels}
        for interp in edition.interpretations:
            options = {
                key: {lang: getattr(o, lang) for lang in ("ru", "kk", "en")} for key, o in interp.options.items()
            }
            self.interpretations[interp.id] = (interp.question.model_dump(), options, interp.source.point)

    def _add(self, node: Group | Item, parent: str | None) -> None:
        self.nodes[node.id] = NodeTitle(
            node.id, node.title.model_dump(), f"{node.source.file}: {node.source.point}", node.source.point, parent
        )

    def node(self, node_id: str) -> NodeTitle:
        found = self.nodes.get(node_id)
        if found is None:
            return NodeTitle(node_id, {}, "", "", None)
        return found

    def title(self, node_id: str, lang: str) -> str:
        return self.node(node_id).in_lang(lang)

    def level(self, level_id: str | None, lang: str) -> str:
        if level_id is None:
            return "—"
        if level_id == MONITORING:  # a period monitored to date is given no level
            return catalogue().text(lang, "common.level_monitoring")
        return self.level_titles.get(level_id, {}).get(lang, level_id)

    def interpretation(self, interp_id: str, option: str, lang: str) -> tuple[str, str, str]:
        """(question, chosen answer, source point) of an interpretation in ``lang``."""
        found = self.interpretations.get(interp_id)
        if found is None:
            return interp_id, option, ""
        question, options, point = found
        return question.get(lang, interp_id), options.get(option, {}).get(lang, option), point


@lru_cache(maxsize=8)
def titles_for(edition_name: str | None) -> EditionTitles:
    """The titles of a named edition; an unknown or broken edition gives ids instead of failing a report."""
    if not edition_name:
        return EditionTitles(None)
    try:
        return EditionTitles(load_edition(edition_path(edition_name)))
    except (EditionError, OSError):
        return EditionTitles(None)
