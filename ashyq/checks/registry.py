"""The registry of checks, keyed by methodology item, and the runner.

A check is a pure function of a body's artifacts (:mod:`ashyq.base.artifacts`) that reports one
:class:`~ashyq.checks.result.Result` per item and language. It registers with the items it
substantiates (each item has exactly one check), a stable id and version (findings carry
``<id>@<version>`` in ``check``) and the inputs it needs and uses (:mod:`ashyq.checks.inputs`).

A check is told its item: the runner calls ``run(artifacts, item)``, so the item ids are written
once, where the check registers, and nowhere in its code. What it is told follows the shape of
``items``:

* one item, ``["A14-2.4"]``: that item (a ``str``);
* a CGO/MIO pair, ``{"cgo": "T2-9", "mio": "T3-5"}`` (keys are body kinds): the item of the body's
  kind (a ``str``);
* several items of one body by the part each is, ``{"blog": "A12-D-1", "answers": "A12-D-2"}``:
  that mapping;
* several items read from data (the sections of a vocabulary): the tuple of those that concern the
  body.

A check's docstring opens with the row it substantiates ("Table 2 row 9 (CGO) / Table 3 row 5 (MIO):
…"); ``tests/checks/test_told_item.py`` keeps both rules.

What the editions already say is not restated: the titles, and the body kinds an item concerns, are
read from ``ashyq/config/methodology`` (a check names only kinds beyond them, e.g. the subordinate
organisations' own websites of point 86). ``docs/checks.md`` is generated from this registry and
the editions (``python -m ashyq.checks.overview``).

The runner enforces ``needs``: when an input a check needs was not harvested, every item of the
check is ``not_assessed`` with the harvest's own reason, and the check is not called. A check that
raises is ``not_assessed`` too: one bug never loses the other checks' findings.

The runner also reads a website harvested in part (:mod:`ashyq.checks.coverage`): when pages of the
body's site were not obtained after retries, a check that reads ``pages`` has the verdicts those
pages could change made ``not_assessed``, as its ``pages_rule`` says (``everywhere`` by default;
``somewhere`` for an item that asks for something to be found somewhere on the site).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ashyq.base.artifacts import BodyArtifacts
from ashyq.base.vocabulary import BODY_KINDS
from ashyq.base.wording import Said
from ashyq.checks import inputs
from ashyq.checks.coverage import (
    PAGES_RULES,
    PagesRule,
    doubted,
    left_open,
    linked_in,
    missing_pages,
    unread_pages,
)
from ashyq.checks.edition_index import applies, item_kinds, languages_of
from ashyq.checks.result import Result, not_assessed

# ``run(artifacts, item)``: what the check is told is a str, a tuple or a mapping as its registration's
# shape says (the module docstring), each check function naming the one it is given.
Run = Callable[[BodyArtifacts, Any], Sequence[Result]]
Items = Sequence[str] | Mapping[str, str]


@dataclass(frozen=True)
class Check:
    """A registered check: the items it substantiates, what it reads, its code."""

    id: str
    version: str
    items: tuple[str, ...]
    needs: tuple[inputs.Requirement, ...]  # without any one of these: not_assessed, said by the runner
    uses: tuple[str, ...]  # read when there, not needed
    run: Run
    also_applies_to: tuple[str, ...] = ()  # body kinds beyond the editions' (a subordinate organisation)
    # what a page of the site not obtained does to its verdicts (ashyq.checks.coverage)
    pages_rule: PagesRule = "everywhere"
    by_kind: tuple[tuple[str, str], ...] = ()  # a CGO/MIO pair: (body kind, item)
    parts: tuple[tuple[str, str], ...] = ()  # several items of one body: (part, item)

    @property
    def ref(self) -> str:
        return f"{self.id}@{self.version}"

    @property
    def reads(self) -> list[str]:
        """Every input the check reads, needed or not."""
        return inputs.flat([*self.needs, *self.uses])

    @property
    def browser(self) -> bool:
        """Whether it reads measurements the browser gather step (or an outside provider) takes."""
        return any(inputs.from_browser(name) for name in self.reads)

    @property
    def applies_to(self) -> tuple[str, ...]:
        """The body kinds its items concern in the editions, and those it adds."""
        kinds = {kind for item in self.items for kind in item_kinds(item)} | set(self.also_applies_to)
        return tuple(k for k in BODY_KINDS if k in kinds)

    def items_for(self, kind: str) -> list[str]:
        """The check's items that concern a body of ``kind`` (``A16-1.2-cgo`` not a MIO)."""
        if self.by_kind:
            return [item for key, item in self.by_kind if key == kind]
        return [item for item in self.items if applies(item, kind)]

    def told(self, kind: str) -> Any:
        """What ``run`` is told for a body of ``kind``: its item, or its items (the module docstring)."""
        if self.parts:
            return dict(self.parts)
        mine = self.items_for(kind)
        if self.by_kind or len(self.items) == 1:
            return mine[0]
        return tuple(mine)

    def apply(self, artifacts: BodyArtifacts) -> list[Result]:
        """The check's results for a body: ``run`` told the item (or items) of the body's kind."""
        return list(self.run(artifacts, self.told(artifacts.kind)))


REGISTRY: dict[str, Check] = {}  # item → the check that substantiates it
_IDS: set[str] = set()


def register(
    id: str,
    version: str,
    items: Items,
    *,
    needs: Sequence[inputs.Requirement] = (),
    uses: Sequence[str] = (),
    also_applies_to: Sequence[str] = (),
    pages_rule: PagesRule = "everywhere",
) -> Callable[[Run], Run]:
    """Decorator: ``@register("a14.breadcrumbs", "1", ["A14-2.4"], needs=["pages"])`` on
    ``def run(artifacts, item)``; ``items={"cgo": "T2-9", "mio": "T3-5"}`` for a CGO/MIO pair."""

    def wrap(fn: Run) -> Run:
        if id in _IDS:
            raise ValueError(f"check {id!r} is registered twice")
        for name in inputs.flat([*needs, *uses]):
            inputs.check_name(name)
        if pages_rule not in PAGES_RULES:
            raise ValueError(f"check {id!r}: pages_rule is one of {', '.join(PAGES_RULES)}, not {pages_rule!r}")
        by_kind, parts = _shape(id, items)
        listed = tuple(items.values()) if isinstance(items, Mapping) else tuple(items)
        check = Check(
            id, version, listed, tuple(needs), tuple(uses), fn, tuple(also_applies_to), pages_rule, by_kind, parts
        )
        for item in check.items:
            if item in REGISTRY:
                raise ValueError(f"item {item} has two checks: {REGISTRY[item].id} and {id}")
        _IDS.add(id)
        REGISTRY.update(dict.fromkeys(check.items, check))
        return fn

    return wrap


def _shape(id: str, items: Items) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """(by kind, by part) of a registration's ``items``: a mapping keyed by body kinds is a pair."""
    if isinstance(items, str):
        raise ValueError(f"check {id!r}: items is a list or a mapping, not the string {items!r}")
    if not isinstance(items, Mapping):
        return (), ()
    pairs = tuple(items.items())
    if set(items) <= set(BODY_KINDS):
        return pairs, ()
    if set(items) & set(BODY_KINDS):
        raise ValueError(f"check {id!r}: items keyed by body kinds and by parts at once")
    return (), pairs


_LOADED = False


def _load_all() -> None:
    """Import every check module of the package once (each registers its checks on import)."""
    global _LOADED
    if _LOADED:
        return
    import ashyq.checks

    for module in pkgutil.walk_packages(ashyq.checks.__path__, prefix="ashyq.checks."):
        if not module.ispkg:
            importlib.import_module(module.name)
    _LOADED = True


def checks() -> list[Check]:
    """Every registered check, once each, in the order they registered."""
    _load_all()
    return list(dict.fromkeys(REGISTRY.values()))


def check_for(item: str) -> Check | None:
    _load_all()
    return REGISTRY.get(item)


def run_checks(artifacts: BodyArtifacts, only_items: Iterable[str] | None = None) -> list[Result]:
    """Run every registered check that applies to the body (those of ``only_items`` when given)."""
    wanted = set(only_items) if only_items is not None else None
    missing, unread = missing_pages(artifacts), unread_pages(artifacts)
    langs: dict[str, str] | None = None  # the unread addresses' languages, read once when a check asks
    results: list[Result] = []
    for check in checks():
        if artifacts.kind not in check.applies_to:
            continue
        if wanted is not None and not wanted & set(check.items):
            continue
        absent = inputs.first_missing(artifacts, check.needs)
        if absent is not None:
            produced = _not_assessed(check, artifacts.kind, absent)
        else:
            try:
                produced = check.apply(artifacts)
            except Exception as error:  # a bug in one check must not lose the others' findings
                failed = f"{type(error).__name__}: {error}"
                produced = _not_assessed(
                    check,
                    artifacts.kind,
                    Said(f"check {check.ref} failed: {failed}", "reason.check_failed", check=check.ref, error=failed),
                )
        if missing and "pages" in check.reads:
            produced = [left_open(result, missing, check.pages_rule) for result in produced]
        if unread and "pages" in check.reads:
            langs = langs if langs is not None else linked_in(artifacts, unread)
            produced = [doubted(result, unread, check.pages_rule, langs) for result in produced]
        for result in produced:
            if wanted is None or result.item in wanted:
                result.check = check.ref
                results.append(result)
    return results


def _not_assessed(check: Check, kind: str, reason: Said) -> list[Result]:
    return [not_assessed(item, lang, reason) for item in check.items_for(kind) for lang in languages_of(item)]
