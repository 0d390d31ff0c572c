"""The dashboard: a static site of one run that opens from disk or from any web server.

``index.html`` ranks every body with its level, change since its last run and a per-criterion
chart; ``bodies/<id>.html`` has the body's history and every item's result; ``findings/<id>.html``
shows one finding with its evidence: the screenshot with the element framed, the archived copy of
the page from the WARC (a static copy, sandboxed, scripts never run), the selector and snippet, and
the rule with its source point. Every link is relative; nothing is fetched from elsewhere.

Each body's cited records are also packed as ``archive/<body>.wacz`` and replayed, scripts and all,
by ReplayWeb.page (``replay/ui.js`` and ``replay/sw.js``, shipped from its npm package; no network):
``replay/<record>.html``, with ``replay/index.html`` (ours) for the viewer's frame when it loads before
the viewer's service worker controls it. Its service worker needs the site served over http (any static server,
e.g. ``python -m http.server``); opened from disk the static copy still shows.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import struct
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from ashyq import __version__
from ashyq.config.operator import data_folder
from ashyq.reports.body_report import BodyReport, EvidenceView, ItemResult, load_body_report
from ashyq.reports.charts import Bar, bar_chart, shorten
from ashyq.reports.conclusion import body_name, is_monitoring, purpose_note
from ashyq.reports.i18n import catalogue
from ashyq.reports.monitor_national import write_national_page
from ashyq.reports.questions import decided_text, question_text
from ashyq.reports.ranking import RankedBody, ranking, run_or_fail
from ashyq.reports.rendering import STATIC_DIR, render
from ashyq.reports.replay import UnsafePath, inside, pack_body_archive, read_records, sandboxed_copy
from ashyq.reports.revisions import finding_revisions
from ashyq.reports.run_diff import CHANGE_KINDS, RunDiff, diff_runs, previous_run
from ashyq.reports.titles import titles_for

# ReplayWeb.page (npm ``replaywebpage``, AGPL-3.0: never in the repository or the wheel). Found in
# $ASHYQ_REPLAY_VIEWER (a folder holding ui.js and sw.js), else the data folder where
# ``ashyq setup-replay`` puts it (an installed wheel), else the checkout's node_modules (make setup).
REPLAY_VERSION = "2.5.3"
REPLAY_VARIABLE = "ASHYQ_REPLAY_VIEWER"
REPLAY_FILES = ("ui.js", "sw.js")
REPLAY_VIEWER = Path(__file__).resolve().parents[2] / "node_modules" / "replaywebpage"  # the checkout's


def replay_install_folder() -> Path:
    return data_folder() / "replaywebpage"


def replay_viewer() -> Path | None:
    """The folder the dashboard copies the replay viewer from, or None (no replay links then)."""
    named = os.environ.get(REPLAY_VARIABLE)
    places = [Path(named).expanduser()] if named else [replay_install_folder(), REPLAY_VIEWER]
    return next((p for p in places if all((p / name).is_file() for name in REPLAY_FILES)), None)


_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]")


def file_name(identifier: str) -> str:
    """A file name for an id from the store: kept if plain, otherwise made plain and disambiguated."""
    plain = _UNSAFE_NAME.sub("_", identifier).strip("._") or "x"
    if plain == identifier:
        return plain
    return f"{plain[:40]}-{hashlib.sha256(identifier.encode()).hexdigest()[:8]}"


def png_size(path: Path) -> tuple[int, int] | None:
    """Width and height from a PNG header (no imaging library needed for one rectangle)."""
    with path.open("rb") as f:
        head = f.read(24)
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    width, height = struct.unpack(">II", head[16:24])
    return (width, height) if width and height else None


@dataclass
class ScreenshotView:
    src: str  # relative to the finding page
    box: dict[str, float] | None  # left, top, width, height in % of the image


@dataclass
class ArchiveView:
    src: str | None  # relative to the finding page; None when the record is not in the archive
    record_id: str
    url: str | None
    replay: str | None = None  # the replay page, relative to the finding page


@dataclass
class EvidenceBlock:
    evidence: EvidenceView
    screenshot: ScreenshotView | None
    archive: ArchiveView | None


class DashboardBuilder:
    def __init__(self, session: Session, run_id: str, data_dir: Path, site_dir: Path, lang: str = "ru"):
        self.session = session
        self.run = run_or_fail(session, run_id)
        self.data_dir = data_dir
        self.site = site_dir
        self.lang = lang
        self.t = catalogue().translator(lang)
        self._archived: dict[tuple[str, str], str | None] = {}
        self.changes: RunDiff | None = None  # against the previous run of the same registry and kind
        self._replays: dict[tuple[str, str], str] = {}
        self._viewer = False
        self._national: Path | None = None  # the last monitoring night's national view, if any

    def build(self) -> Path:
        for folder in ("bodies", "findings", "evidence", "archive"):
            (self.site / folder).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(STATIC_DIR / "dashboard.css", self.site / "style.css")
        viewer = replay_viewer()
        if viewer is not None:
            (self.site / "replay").mkdir(exist_ok=True)
            for name in REPLAY_FILES:
                shutil.copyfile(viewer / name, self.site / "replay" / name)
            (self.site / "replay" / "index.html").write_text(
                render("dashboard_replay_index.html.j2", **self._common(1)), encoding="utf-8"
            )
            self._viewer = True
        self._national = write_national_page(self.session, self.data_dir, self.site, self.lang)
        ranked = ranking(self.session, self.run)
        reports = [load_body_report(self.session, self.run.id, r.body.id) for r in ranked]
        previous = previous_run(self.session, self.run)
        self.changes = None if previous is None else diff_runs(self.session, previous.id, self.run.id)
        for report, entry in zip(reports, ranked, strict=True):
            self._body_page(report, entry)
        if self.changes is not None:
            (self.site / "changes.html").write_text(self._changes_page(self.changes, reports), encoding="utf-8")
        index = self.site / "index.html"
        index.write_text(self._index(ranked, reports), encoding="utf-8")
        return index

    # ── pages ──────────────────────────────────────────────────────────────────────────────
    def _common(self, depth: int) -> dict[str, object]:
        return {
            "lang": self.lang,
            "t": self.t,
            "root": "../" * depth,
            "run": self.run,
            "version": __version__,
            "changes_href": None if self.changes is None else f"{'../' * depth}changes.html",
            "purpose": purpose_note(self.run, self.lang),
            "monitoring": is_monitoring(self.run),
            "national_href": None if self._national is None else f"{'../' * depth}monitoring.html",
        }

    def _index(self, ranked: list[RankedBody], reports: list[BodyReport]) -> str:
        edition = ranked[0].score.edition if ranked else self.run.edition
        titles = titles_for(edition)
        totals: dict[str, list[float]] = {}
        for report in reports:
            for criterion in report.criteria:
                if not criterion.is_penalty:
                    sums = totals.setdefault(criterion.id, [0.0, 0.0])
                    sums[0] += criterion.points
                    sums[1] += criterion.max
        count = max(1, len(reports))
        bars = [
            Bar(shorten(f"{cid} {titles.title(cid, self.lang)}"), points / count, top / count)
            for cid, (points, top) in totals.items()
        ]
        rows = [
            {
                "entry": entry,
                "href": f"bodies/{file_name(entry.body.id)}.html",
                "name": body_name(report, self.lang),
                "level": titles.level(entry.score.level, self.lang),
                "coverage": report.coverage,
                "penalty_not_assessed": report.penalty_not_assessed,
            }
            for entry, report in zip(ranked, reports, strict=True)
        ]
        chart = bar_chart(bars, self.lang, self.t("dashboard.criteria_chart"))
        return render("dashboard_index.html.j2", rows=rows, chart=chart, edition=edition, **self._common(0))

    def _changed(self, body_id: str) -> bool:
        if self.changes is None:
            return False
        return any(b.changed for b in self.changes.bodies if b.body.id == body_id)

    def _changes_page(self, diff: RunDiff, reports: list[BodyReport]) -> str:
        """Every body whose results moved since the previous run: its changed items and scores."""
        names = {r.body.id: body_name(r, self.lang) for r in reports}
        finding_ids = {f.id for r in reports for f in r.findings}
        titles = titles_for(diff.edition)
        bodies = []
        for b in diff.bodies:
            if not b.changed:
                continue
            groups = [
                {
                    "kind": kind,
                    "rows": [
                        {
                            "change": c,
                            "title": titles.title(c.item, self.lang),
                            "href": f"findings/{c.finding_id}.html" if c.finding_id in finding_ids else None,
                        }
                        for c in b.of_kind(kind)
                    ],
                }
                for kind in CHANGE_KINDS
                if b.of_kind(kind)
            ]
            criteria = [
                {"label": f"{c.key} {titles.title(c.key, self.lang)}", "change": c} for c in b.criteria if c.changed
            ]
            languages = [{"label": self.t(f"lang.{c.key}"), "change": c} for c in b.languages if c.changed]
            scopes = [
                {"label": self.t(key), "rows": rows}
                for key, rows in (("runs.criteria", criteria), ("runs.languages", languages))
                if rows
            ]
            in_new = b.body.id in names
            bodies.append(
                {
                    "diff": b,
                    "name": names.get(b.body.id) or b.body.name_ru,
                    "href": f"bodies/{file_name(b.body.id)}.html" if in_new else None,
                    "groups": groups,
                    "scopes": scopes,
                }
            )
        return render("dashboard_changes.html.j2", diff=diff, bodies=bodies, **self._common(0))

    def _body_page(self, report: BodyReport, entry: RankedBody) -> None:
        self._prefetch_archive(report)
        items = []
        for leaf in report.items():
            href = None
            if leaf.finding is not None:
                href = f"../findings/{leaf.finding.id}.html"
                self._finding_page(report, leaf)
            items.append({"leaf": leaf, "title": report.titles.title(leaf.item, self.lang), "href": href})
        bars = [
            Bar(shorten(f"{c.id} {report.titles.title(c.id, self.lang)}"), c.points, c.max)
            for c in report.criteria
            if not c.is_penalty
        ]
        history: list[dict[str, object]] = []
        previous: float | None = None
        for point in report.history:
            change: float | None = None if previous is None else point.score.final - previous
            history.append({"point": point, "change": change, "current": point.run.id == self.run.id})
            previous = point.score.final
        html = render(
            "dashboard_body.html.j2",
            report=report,
            revisions=finding_revisions(self.session, self.run, report.body.id),
            entry=entry,
            name=body_name(report, self.lang),
            level=report.titles.level(report.score.level, self.lang),
            chart=bar_chart(bars, self.lang, self.t("dashboard.criteria_chart")),
            items=items,
            history=history,
            body_changed=self._changed(report.body.id),
            **self._common(1),
        )
        (self.site / "bodies" / f"{file_name(report.body.id)}.html").write_text(html, encoding="utf-8")

    def _finding_page(self, report: BodyReport, leaf: ItemResult) -> None:
        finding = leaf.finding
        assert finding is not None
        node = report.titles.node(leaf.item)
        blocks = [self._evidence_block(e) for e in finding.evidence]
        html = render(
            "dashboard_finding.html.j2",
            report=report,
            name=body_name(report, self.lang),
            body_href=f"../bodies/{file_name(report.body.id)}.html",
            leaf=leaf,
            finding=finding,
            rule=node.in_lang(self.lang),
            source=node.source,
            criterion=report.titles.title(leaf.criterion, self.lang),
            blocks=blocks,
            question=question_text(finding.doubt, leaf.item, leaf.lang, report.titles, self.lang)
            if finding.doubt
            else None,
            decided=decided_text(finding.decided, self.lang) if finding.decided else None,
            **self._common(1),
        )
        (self.site / "findings" / f"{finding.id}.html").write_text(html, encoding="utf-8")

    # ── evidence ───────────────────────────────────────────────────────────────────────────
    def _evidence_block(self, evidence: EvidenceView) -> EvidenceBlock:
        screenshot = self._screenshot(evidence) if evidence.is_image else None
        archive = None
        if evidence.warc_file and evidence.warc_record_id and not evidence.is_image:
            key = (evidence.warc_file, evidence.warc_record_id)
            src = self._archived.get(key)
            replay = self._replays.get(key)
            archive = ArchiveView(
                f"../{src}" if src else None, evidence.warc_record_id, evidence.url, f"../{replay}" if replay else None
            )
        return EvidenceBlock(evidence, screenshot, archive)

    def _screenshot(self, evidence: EvidenceView) -> ScreenshotView | None:
        try:
            source = inside(self.data_dir, evidence.path or "")
        except UnsafePath:
            return None
        if not source.is_file():
            return None
        name = f"{file_name(evidence.id)}{source.suffix.lower()}"
        shutil.copyfile(source, self.site / "evidence" / name)
        box = None
        size = png_size(source)
        if evidence.region and size:
            x, y, w, h = evidence.region
            width, height = size
            box = {
                "left": round(100 * x / width, 3),
                "top": round(100 * y / height, 3),
                "width": round(100 * min(w, width - x) / width, 3),
                "height": round(100 * min(h, height - y) / height, 3),
            }
        return ScreenshotView(f"../evidence/{name}", box)

    def _prefetch_archive(self, report: BodyReport) -> None:
        """Replay every cited record of the body, reading each WARC file once."""
        wanted: dict[str, set[str]] = {}
        for finding in report.findings:
            for e in finding.evidence:
                if e.warc_file and e.warc_record_id and (e.warc_file, e.warc_record_id) not in self._archived:
                    wanted.setdefault(e.warc_file, set()).add(e.warc_record_id)
        for warc_file, record_ids in wanted.items():
            try:
                path = inside(self.data_dir, warc_file)
                records = read_records(path, record_ids, self.data_dir) if path.is_file() else {}
            except (UnsafePath, OSError):
                records = {}
            for record_id in record_ids:
                record = records.get(record_id)
                src = None
                if record is not None:
                    payload, suffix = sandboxed_copy(record)
                    src = f"archive/{hashlib.sha256(f'{warc_file} {record_id}'.encode()).hexdigest()[:20]}{suffix}"
                    (self.site / src).write_bytes(payload)
                self._archived[(warc_file, record_id)] = src
        if self._viewer:
            self._replay_package(report)

    def _replay_package(self, report: BodyReport) -> None:
        """``archive/<body>.wacz`` of the body's cited records and a replay page for each."""
        body = file_name(report.body.id)
        wacz = f"{body}.wacz"
        title = f"{report.body.name_ru} — {self.run.id}"
        targets = pack_body_archive(report, self.data_dir, self.site / "archive" / wacz, title)
        for (warc_file, record_id), url in sorted(targets.items()):
            page = f"replay/{hashlib.sha256(f'{warc_file} {record_id}'.encode()).hexdigest()[:20]}.html"
            html = render(
                "dashboard_replay.html.j2", url=url, wacz=wacz, back=f"../bodies/{body}.html", **self._common(1)
            )
            (self.site / page).write_text(html, encoding="utf-8")
            self._replays[(warc_file, record_id)] = page


def build_dashboard(session: Session, run_id: str, data_dir: Path, site_dir: Path, lang: str = "ru") -> Path:
    """Write the site for ``run_id`` into ``site_dir``; returns the path of ``index.html``."""
    return DashboardBuilder(session, run_id, data_dir, site_dir, lang).build()
