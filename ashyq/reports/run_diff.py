"""What changed between two runs, finding by finding: the diff behind ``ashyq runs diff``, the
dashboard's "changes since the last run" page and the diff's XLSX/JSON exports.

Both runs are read as the reports read them: each body's newest revision of score (one edition,
the new run's) joined with its newest findings, item by item and language by language. A body's
items are sorted into what an analyst asks about: newly failed, newly passed, partial items whose
points moved, newly not assessed (with the reason), and any other change of result. Scores are
compared in total, per criterion and per language version.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ashyq import __version__
from ashyq.reports.body_report import ItemResult, ReportError, criteria_of, finding_view
from ashyq.reports.exports import Cell, Table, write_xlsx
from ashyq.reports.i18n import Translate, catalogue
from ashyq.reports.ranking import run_or_fail
from ashyq.reports.titles import titles_for
from ashyq.reports.wording import deficiency_in, worded
from ashyq.store import repository as repo
from ashyq.store.models import Body, Finding, Run, Score
from ashyq.store.vocabulary import RunStatus

ChangeKind = Literal["newly_failed", "newly_passed", "partial_changed", "newly_not_assessed", "status_changed"]
CHANGE_KINDS: tuple[ChangeKind, ...] = (
    "newly_failed",
    "newly_passed",
    "partial_changed",
    "newly_not_assessed",
    "status_changed",
)
JSON_FORMAT = "ashyq-run-diff/1"
NO_LANGUAGE = "none"  # the key of items judged once for both language versions
_EPSILON = 1e-6


@dataclass
class ItemChange:
    item: str
    lang: str | None
    criterion: str
    change: ChangeKind
    old_status: str | None  # None: the item was not in the old run's score
    new_status: str | None
    old_points: float | None
    new_points: float | None
    reason: str  # why the new result is not assessed (or the note of the new result)
    finding_id: int | None  # the new run's finding, when there is one
    # the deficiencies behind the change: the new finding's, or (newly met) the old one's that were fixed
    messages: list[str] = field(default_factory=list)
    # the same as stored (with their catalogue messages), and the reason's: said in a reader's language
    deficiencies: list[dict[str, Any]] = field(default_factory=list)
    reason_text: dict[str, Any] | None = None

    def reason_in(self, lang: str) -> str:
        """The reason in ``lang`` (the catalogue's text when the check worded it, else as stored)."""
        return worded(self.reason, self.reason_text, lang) if self.reason else ""

    def messages_in(self, lang: str) -> list[str]:
        """The deficiencies behind the change in ``lang``."""
        return [deficiency_in(d, lang) for d in self.deficiencies] if self.deficiencies else list(self.messages)

    @property
    def delta(self) -> float:
        return (self.new_points or 0.0) - (self.old_points or 0.0)


@dataclass
class ScoreChange:
    """Points of one scope (the final score, a criterion, a language version) in both runs."""

    key: str
    old: float | None
    new: float | None

    @property
    def delta(self) -> float | None:
        return None if self.old is None or self.new is None else round(self.new - self.old, 4)

    @property
    def changed(self) -> bool:
        if self.old is None or self.new is None:
            return (self.old is None) != (self.new is None)
        return abs(self.new - self.old) > _EPSILON


@dataclass
class BodyDiff:
    body: Body
    old_score: Score | None  # None: the body was not scored in the old run
    new_score: Score | None  # None: not scored in the new run
    items: list[ItemChange] = field(default_factory=list)
    criteria: list[ScoreChange] = field(default_factory=list)
    languages: list[ScoreChange] = field(default_factory=list)

    @property
    def final(self) -> ScoreChange:
        return self._figure("final")

    @property
    def penalty(self) -> ScoreChange:
        """The deductions outside the criteria (untrue facts in the body's own report …)."""
        return self._figure("penalty")

    def _figure(self, name: str) -> ScoreChange:
        """The score's figure ``name`` (a column of both runs' scores) in both runs."""
        old, new = self.old_score, self.new_score
        return ScoreChange(
            name, None if old is None else getattr(old, name), None if new is None else getattr(new, name)
        )

    def of_kind(self, kind: ChangeKind) -> list[ItemChange]:
        return [c for c in self.items if c.change == kind]

    @property
    def changed(self) -> bool:
        scopes = [self.final, self.penalty, *self.criteria, *self.languages]
        return bool(self.items) or any(c.changed for c in scopes)


@dataclass
class RunDiff:
    old: Run
    new: Run
    edition: str | None
    bodies: list[BodyDiff]

    def counts(self) -> dict[ChangeKind, int]:
        return {kind: sum(len(b.of_kind(kind)) for b in self.bodies) for kind in CHANGE_KINDS}


# ── which runs ─────────────────────────────────────────────────────────────────────────────────


def registry_of(run: Run) -> str | None:
    value = (run.settings or {}).get("registry")
    return str(value) if value is not None else None


def comparable_runs(session: Session, run: Run) -> list[Run]:
    """Complete runs of the same kind and registry as ``run``, last finished first (``run`` included
    if it is complete)."""
    query = (
        select(Run)
        .where(Run.status == RunStatus.COMPLETE, Run.kind == run.kind)
        .order_by(Run.finished_at.desc(), Run.started_at.desc(), Run.id.desc())
    )
    registry = registry_of(run)
    return [r for r in session.scalars(query) if registry_of(r) == registry]


def previous_run(session: Session, run: Run) -> Run | None:
    """The complete run of the same kind and registry that started before ``run`` (None: none)."""
    earlier = [r for r in comparable_runs(session, run) if r.id != run.id and r.started_at < run.started_at]
    return earlier[0] if earlier else None


def runs_to_compare(session: Session, old: str | None, new: str | None) -> tuple[Run, Run]:
    """The pair ``runs diff [OLD] NEW`` compares. With no run named: the last two complete runs of the
    registry and kind of the last complete run; with only NEW: the comparable run before it."""
    if new is None:
        last = repo.last_complete_run(session)
        if last is None:
            raise ReportError("the store has no complete run")
        new_run = last
    else:
        found = repo.run_by_reference(session, new)
        if found is None:
            raise ReportError(f"no run {new!r} in the store")
        new_run = found
    if old is None:
        old_run = previous_run(session, new_run)
        if old_run is None:
            raise ReportError(f"no complete run of the same registry and kind before {new_run.id}")
    else:
        found = repo.run_by_reference(session, old)
        if found is None:
            raise ReportError(f"no run {old!r} in the store")
        old_run = found
    if old_run.id == new_run.id:
        raise ReportError(f"a run is compared with another run, not with itself ({new_run.id})")
    return old_run, new_run


# ── the comparison ─────────────────────────────────────────────────────────────────────────────


def _edition(session: Session, run: Run) -> str | None:
    editions = sorted({s.edition for s in repo.scores_for(session, run.id)})
    if run.edition in editions:
        return run.edition
    return editions[0] if editions else None


def _leaves(session: Session, score: Score) -> dict[tuple[str, str | None], ItemResult]:
    """The score's leaves by (item, language), each joined with its finding (None: no finding)."""
    findings: dict[tuple[str, str | None], Finding] = {
        (f.item, f.lang): f for f in repo.findings_for(session, score.run_id, score.body_id)
    }
    out: dict[tuple[str, str | None], ItemResult] = {}
    for criterion in criteria_of(score.breakdown or {}):
        for leaf in criterion.items:
            found = findings.get((leaf.item, leaf.lang))
            leaf.finding = None if found is None else finding_view(found, {})
            out[(leaf.item, leaf.lang)] = leaf
    return out


def _deficiencies(before: ItemResult | None, after: ItemResult | None) -> list[dict[str, Any]]:
    """What the change is about: the new result's deficiencies, else the old result's (now fixed)."""
    for leaf in (after, before):
        if leaf is not None and leaf.finding is not None and leaf.finding.deficiencies:
            return [dict(d) for d in leaf.finding.deficiencies if d.get("message")]
    return []


def _reason_text(leaf: ItemResult | None) -> dict[str, Any] | None:
    return leaf.finding.reason_text if leaf is not None and leaf.finding is not None else None


def _reason(leaf: ItemResult | None) -> str:
    if leaf is None:
        return ""
    return (leaf.finding.reason if leaf.finding and leaf.finding.reason else "") or leaf.note or ""


def classify(old: ItemResult | None, new: ItemResult | None) -> ChangeKind | None:
    """Which kind of change (None: nothing an analyst needs to see)."""
    old_status = old.status if old else None
    new_status = new.status if new else None
    if old_status == new_status:
        if new_status == "partial" and old and new and abs(new.points - old.points) > _EPSILON:
            return "partial_changed"
        return None
    if new_status == "fail":
        return "newly_failed"
    if new_status == "pass":
        return "newly_passed"
    if new_status == "not_assessed":
        return "newly_not_assessed"
    return "status_changed"


def _by_language(leaves: dict[tuple[str, str | None], ItemResult]) -> dict[str, float]:
    sums: dict[str, float] = {}
    for (_, lang), leaf in leaves.items():
        key = lang or NO_LANGUAGE
        sums[key] = sums.get(key, 0.0) + leaf.points
    return sums


def _scopes(old: dict[str, float], new: dict[str, float], order: list[str]) -> list[ScoreChange]:
    keys = [k for k in dict.fromkeys([*order, *old, *new]) if k in old or k in new]
    return [ScoreChange(k, old.get(k), new.get(k)) for k in keys]


def body_diff(body: Body, old: Score | None, new: Score | None, session: Session) -> BodyDiff:
    diff = BodyDiff(body, old, new)
    if old is None or new is None:
        return diff  # a body in one run only: its score is shown, its items are not "changes"
    old_leaves, new_leaves = _leaves(session, old), _leaves(session, new)
    order = list(dict.fromkeys([*new_leaves, *old_leaves]))
    order.sort(key=lambda key: (repo.methodology_order(key[0]), key[1] or ""))
    for key in order:
        before, after = old_leaves.get(key), new_leaves.get(key)
        kind = classify(before, after)
        if kind is None:
            continue
        leaf = after or before
        assert leaf is not None
        deficiencies = _deficiencies(before, after)
        diff.items.append(
            ItemChange(
                item=key[0],
                lang=key[1],
                criterion=leaf.criterion,
                change=kind,
                old_status=before.status if before else None,
                new_status=after.status if after else None,
                old_points=before.points if before else None,
                new_points=after.points if after else None,
                reason=_reason(after) if kind in ("newly_not_assessed", "status_changed") else "",
                finding_id=after.finding.id if after and after.finding else None,
                messages=[str(d["message"]) for d in deficiencies],
                deficiencies=deficiencies,
                reason_text=_reason_text(after),
            )
        )
    old_criteria = {c.id: c.points for c in criteria_of(old.breakdown or {})}
    new_criteria = {c.id: c.points for c in criteria_of(new.breakdown or {})}
    diff.criteria = _scopes(old_criteria, new_criteria, list(new_criteria))
    diff.languages = _scopes(_by_language(old_leaves), _by_language(new_leaves), ["kk", "ru", NO_LANGUAGE])
    return diff


def diff_runs(session: Session, old_id: str, new_id: str) -> RunDiff:
    """Compare two runs under the new run's edition (a run is scored under every edition)."""
    old, new = run_or_fail(session, old_id), run_or_fail(session, new_id)
    edition = _edition(session, new)
    old_scores = {s.body_id: s for s in repo.scores_for(session, old.id, edition)}
    new_scores = {s.body_id: s for s in repo.scores_for(session, new.id, edition)}
    bodies: list[BodyDiff] = []
    for body_id in sorted(set(old_scores) | set(new_scores)):
        body = repo.get_body(session, body_id)
        if body is None:  # pragma: no cover - a foreign key keeps the body
            continue
        bodies.append(body_diff(body, old_scores.get(body_id), new_scores.get(body_id), session))
    return RunDiff(old, new, edition, bodies)


# ── the diff as data ───────────────────────────────────────────────────────────────────────────


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _scope_json(change: ScoreChange) -> dict[str, Any]:
    return {"old": _r(change.old), "new": _r(change.new), "delta": change.delta}


def diff_json(diff: RunDiff) -> dict[str, Any]:
    """The diff as the JSON export writes it (format ``ashyq-run-diff/1``, docs/reports.md)."""
    return {
        "format": JSON_FORMAT,
        "generated_at": datetime.now(UTC).isoformat(),
        "tool": {"name": "ashyq", "version": __version__},
        "old_run": diff.old.record(),
        "new_run": diff.new.record(),
        "edition": diff.edition,
        "counts": diff.counts(),
        "bodies": [
            {
                "id": b.body.id,
                "names": {"kk": b.body.name_kk, "ru": b.body.name_ru, "en": b.body.name_en},
                "in_old": b.old_score is not None,
                "in_new": b.new_score is not None,
                "final": _scope_json(b.final),
                "penalty": _scope_json(b.penalty),
                "level": {
                    "old": b.old_score.level if b.old_score else None,
                    "new": b.new_score.level if b.new_score else None,
                },
                "criteria": {c.key: _scope_json(c) for c in b.criteria if c.changed},
                "languages": {c.key: _scope_json(c) for c in b.languages if c.changed},
                "changes": {
                    kind: [
                        {
                            "item": c.item,
                            "lang": c.lang,
                            "criterion": c.criterion,
                            "old_status": c.old_status,
                            "new_status": c.new_status,
                            "old_points": _r(c.old_points),
                            "new_points": _r(c.new_points),
                            "reason": c.reason or None,
                            "finding_id": c.finding_id,
                            "messages": c.messages,
                        }
                        for c in b.of_kind(kind)
                    ]
                    for kind in CHANGE_KINDS
                },
            }
            for b in diff.bodies
        ],
    }


def _status(t: Translate, status: str | None) -> str:
    return "" if status is None else t(f"status.{status}")


def diff_tables(diff: RunDiff, lang: str) -> list[Table]:
    """The diff as two sheets: every changed item, and every changed score (final, criterion, language)."""
    t = catalogue().translator(lang)
    titles = titles_for(diff.edition)
    changes: list[list[Cell]] = []
    scores: list[list[Cell]] = []
    for b in diff.bodies:
        name = {"kk": b.body.name_kk, "ru": b.body.name_ru}.get(lang) or b.body.name_en or b.body.name_ru
        for kind in CHANGE_KINDS:
            for c in b.of_kind(kind):
                changes.append(
                    [
                        b.body.id,
                        name,
                        t(f"runs.{kind}"),
                        c.item,
                        titles.title(c.item, lang),
                        c.lang or "",
                        _status(t, c.old_status),
                        _status(t, c.new_status),
                        _r(c.old_points),
                        _r(c.new_points),
                        c.reason_in(lang),
                    ]
                )
        scopes = [(t("runs.final"), b.final), (t("exports.penalty"), b.penalty)]
        scopes += [(f"{c.key} {titles.title(c.key, lang)}", c) for c in b.criteria]
        scopes += [(t(f"lang.{c.key}"), c) for c in b.languages]
        for label, change in scopes:
            if change.changed:
                scores.append([b.body.id, name, label, _r(change.old), _r(change.new), change.delta])
    return [
        Table(
            "changes",
            t("runs.sheet_changes"),
            [
                t("exports.body_id"),
                t("exports.body_name"),
                t("runs.change_kind"),
                t("common.item"),
                t("exports.item_title"),
                t("common.language"),
                t("runs.before"),
                t("runs.after"),
                f"{t('common.points')} ({t('runs.before')})",
                f"{t('common.points')} ({t('runs.after')})",
                t("exports.reason"),
            ],
            changes,
        ),
        Table(
            "scores",
            t("runs.sheet_scores"),
            [
                t("exports.body_id"),
                t("exports.body_name"),
                t("runs.scope"),
                t("runs.before"),
                t("runs.after"),
                t("dashboard.change"),
            ],
            scores,
        ),
    ]


def export_diff(diff: RunDiff, fmt: str, path: Path, lang: str = "ru") -> Path:
    """Write the diff as XLSX (two sheets, formulas neutralised) or JSON."""
    if fmt == "json":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(diff_json(diff), ensure_ascii=False, indent=2), encoding="utf-8")
        return path
    if fmt == "xlsx":
        return write_xlsx(diff_tables(diff, lang), path)
    raise ValueError(f"unknown export format {fmt!r} (xlsx, json)")
