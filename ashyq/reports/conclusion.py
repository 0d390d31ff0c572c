"""The conclusion on a body (Appendix 8 of the methodology), in Russian or Kazakh, as HTML and PDF.

The form: the criteria table with points and maxima, the total, the penalty deduction and the final
score; then the analysis per criterion and the conclusions and recommendations. To what the form
asks for, an automated auditor adds what a reader needs to trust it: the coverage (what could not be
assessed and why), the evidence behind every lost point, the interpretations applied and the
averages borrowed. Every label comes from the message catalogue and every title from the edition.

PDF engine: WeasyPrint (one engine, see docs/reports.md): no browser process for a document that
has no script, and the font is chosen by the CSS (``font-family: "Noto Sans", "DejaVu Sans"``), both
of which carry every Kazakh letter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ashyq import __version__
from ashyq.base.figures import round_points
from ashyq.base.period import MONITORING, ReportingPeriod, parse_period, period_of, recorded_purpose
from ashyq.reports.body_report import BodyReport, EvidenceView, ItemResult
from ashyq.reports.i18n import Translate, catalogue, format_date, format_percent, format_points
from ashyq.reports.questions import decided_text, question_text
from ashyq.reports.rendering import http_url, render, static_text
from ashyq.reports.wording import deficiency_in, reason_in

RECOMMENDATIONS_SHOWN = 10  # the largest losses; the analysis above lists every one


@dataclass
class LinkView:
    text: str
    href: str | None  # http(s) only; None shows the text without a link


@dataclass
class LossView:
    line: str
    where: list[LinkView] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


@dataclass
class CriterionView:
    number: int
    id: str
    title: str
    points: str
    max: str
    result: str
    losses: list[LossView]
    not_assessed: list[str]


def body_name(report: BodyReport, lang: str) -> str:
    body = report.body
    return {"kk": body.name_kk, "ru": body.name_ru, "en": body.name_en or body.name_ru}.get(lang) or body.name_ru


def run_period(run: Any) -> ReportingPeriod:
    """The reporting period the run judged (an older run that recorded none: the year of its date)."""
    recorded = (run.settings or {}).get("period")
    if isinstance(recorded, dict):
        return ReportingPeriod.from_dict(recorded)
    if isinstance(recorded, str):
        return parse_period(recorded)
    day = run.as_of or run.started_at.date()
    return period_of(day)


def is_monitoring(run: Any) -> bool:
    """Whether the run monitored a period to date (no level) rather than assessed one that ended; a run
    stored before the distinction was an assessment."""
    return recorded_purpose(run.settings) == MONITORING


def purpose_note(run: Any, lang: str) -> str:
    """What the run is, as every output heads it: monitoring of a period to date, or an assessment."""
    period = run_period(run)
    if not is_monitoring(run):
        return catalogue().text(lang, "common.purpose_assessment", label=period.label)
    as_of = run.as_of or run.started_at.date()
    return catalogue().text(
        lang,
        "common.purpose_monitoring",
        label=period.label,
        until=format_date(period.judged_until(as_of)),
        share=int(round_points(100 * period.elapsed_share(as_of), 0)),
    )


def reporting_period(report: BodyReport, lang: str = "ru") -> str:
    """The period as the conclusion prints it: its label and dates, and the day it was judged at."""
    period = run_period(report.run)
    until = period.judged_until(report.run.as_of) if report.run.as_of else period.end
    return catalogue().text(
        lang,
        "conclusion.period_value",
        label=period.label,
        start=format_date(period.start),
        end=format_date(period.end),
        until=format_date(until),
    )


def _evidence_line(t: Translate, evidence: EvidenceView) -> str:
    parts = [evidence.url or evidence.path or evidence.id]
    if evidence.is_image:
        parts = [f"{t('evidence.screenshot')} {evidence.path}"]
    if evidence.warc_record_id:
        parts.append(f"{t('evidence.warc_record')} {evidence.warc_record_id}")
    if evidence.selector:
        parts.append(f"{t('evidence.selector')} {evidence.selector}")
    return "; ".join(parts)


def _loss(report: BodyReport, leaf: ItemResult, lang: str, t: Translate) -> LossView:
    title = report.titles.title(leaf.item, lang)
    status = t(f"status.{leaf.status}")
    line = t(
        "conclusion.analysis_lost",
        item=f"{leaf.item} {title}",
        lang=t(f"lang.{leaf.lang or 'none'}"),
        lost=format_points(leaf.lost, lang),
        max=format_points(max(leaf.max, leaf.lost), lang),
        status=status,
    )
    view = LossView(line)
    finding = leaf.finding
    if finding is None:
        return view
    for deficiency in finding.deficiencies:
        view.messages.append(deficiency_in(deficiency, lang))
        url = deficiency.get("url")
        if isinstance(url, str) and url:
            view.where.append(LinkView(url, http_url(url)))
    # a screenshot cites the same page as its WARC record: one line per distinct piece of evidence
    view.evidence = list(dict.fromkeys(_evidence_line(t, e) for e in finding.evidence))
    return view


def criterion_views(report: BodyReport, lang: str) -> list[CriterionView]:
    t = catalogue().translator(lang)
    views = []
    for number, criterion in enumerate(report.criteria, start=1):
        if criterion.is_penalty:
            result = t("conclusion.analysis_penalty_result", points=format_points(criterion.points, lang))
        else:
            result = t(
                "conclusion.analysis_result",
                points=format_points(criterion.points, lang),
                max=format_points(criterion.max, lang),
            )
        losses = [_loss(report, leaf, lang, t) for leaf in criterion.items if leaf.lost > 0]
        not_assessed = [
            t(
                "conclusion.analysis_not_assessed",
                item=f"{leaf.item} {report.titles.title(leaf.item, lang)}",
                lang=t(f"lang.{leaf.lang or 'none'}"),
                reason=(reason_in(leaf.finding, lang) if leaf.finding and leaf.finding.reason else leaf.note),
            )
            for leaf in criterion.items
            if leaf.status == "not_assessed"
        ]
        views.append(
            CriterionView(
                number,
                criterion.id,
                report.titles.title(criterion.id, lang),
                format_points(criterion.points, lang),
                "—" if criterion.is_penalty else format_points(criterion.max, lang),
                result,
                losses,
                not_assessed,
            )
        )
    return views


def coverage_lines(report: BodyReport, lang: str) -> tuple[str, list[str]]:
    """What could not be assessed: the points it may still bring and, apart, what the penalties not
    assessed may still take away (a CGO's subordinates unknown: up to −9), each item with its reason."""
    t = catalogue().translator(lang)
    missing = float(report.breakdown.get("not_assessed", 0.0))
    penalty = report.penalty_not_assessed
    if missing <= 0 and penalty <= 0:
        return t("conclusion.coverage_full"), []
    parts = []
    if missing > 0:
        parts.append(
            t(
                "conclusion.coverage_summary",
                points=format_points(missing, lang),
                max=format_points(report.score.max_points, lang),
                share=format_percent(report.coverage, lang),
            )
        )
    if penalty > 0:
        parts.append(
            t(
                "conclusion.coverage_penalty",
                points=format_points(penalty, lang),
                share=format_percent(report.coverage, lang),
            )
        )
    rows = []
    findings = {(leaf.item, leaf.lang): leaf.finding for leaf in report.items() if leaf.finding is not None}
    for entry in report.not_assessed_items:
        item = f"{entry.get('item')} {report.titles.title(str(entry.get('item')), lang)}"
        where = t(f"lang.{entry.get('lang') or 'none'}")
        reason = str(entry.get("reason", ""))
        finding = findings.get((str(entry.get("item")), entry.get("lang")))
        if finding is not None and finding.reason == reason:  # the scorer's reason is the finding's English
            reason = reason_in(finding, lang)
        if float(entry.get("penalty", 0.0)) > 0:
            points = format_points(float(entry["penalty"]), lang)
            rows.append(t("conclusion.coverage_penalty_row", item=item, lang=where, points=points, reason=reason))
        else:
            points = format_points(float(entry.get("max", 0.0)), lang)
            rows.append(t("conclusion.coverage_row", item=item, lang=where, points=points, reason=reason))
    return " ".join(parts), rows


@dataclass
class CertaintyView:
    """What the conclusion says of the verdicts' certainty: how many are still open and the final
    score's range if each went the other way (the scorer's figures), each open one with its question,
    and each verdict an assessor decided, cited with who, when and why."""

    open_summary: str | None = None
    open_rows: list[str] = field(default_factory=list)
    decided_rows: list[str] = field(default_factory=list)


def certainty_lines(report: BodyReport, lang: str) -> CertaintyView:
    """The open verdicts and the assessors' decisions, as the conclusion states them."""
    t = catalogue().translator(lang)
    view = CertaintyView()
    figures = report.open_verdicts
    if figures.get("count"):
        view.open_summary = t(
            "conclusion.open_verdicts",
            count=int(figures["count"]),
            low=format_points(float(figures.get("final_low", report.score.final)), lang),
            high=format_points(float(figures.get("final_high", report.score.final)), lang),
        )
    for leaf in report.open_items():
        assert leaf.finding is not None
        view.open_rows.append(
            t(
                "conclusion.open_verdict_row",
                item=f"{leaf.item} {report.titles.title(leaf.item, lang)}",
                lang=t(f"lang.{leaf.lang or 'none'}"),
                status=t(f"status.{leaf.status}"),
                question=question_text(leaf.finding.doubt or {}, leaf.item, leaf.lang, report.titles, lang),
            )
        )
    for leaf in report.decided_items():
        assert leaf.finding is not None and leaf.finding.decided is not None
        decided = leaf.finding.decided
        line = t(
            "conclusion.decided_row",
            item=f"{leaf.item} {report.titles.title(leaf.item, lang)}",
            lang=t(f"lang.{leaf.lang or 'none'}"),
            decided=decided_text(decided, lang),
        )
        if decided.get("carried_from"):
            line += " " + t("conclusion.decided_carried", run=str(decided["carried_from"]))
        view.decided_rows.append(line)
    return view


def recommendations(report: BodyReport, lang: str) -> list[str]:
    """From the largest losses down; the penalty and the coverage gap are recommendations too."""
    t = catalogue().translator(lang)
    score = report.score
    out = [
        t(
            "conclusion.recommendation_summary",
            final=format_points(score.final, lang),
            max=format_points(score.max_points, lang),
            level=report.titles.level(score.level, lang),
        )
    ]
    losses = report.losses()
    for leaf in losses[:RECOMMENDATIONS_SHOWN]:
        node = report.titles.node(leaf.item)
        out.append(
            t(
                "conclusion.recommendation_item",
                item=f"{leaf.item} {node.in_lang(lang)}",
                lang=t(f"lang.{leaf.lang or 'none'}"),
                source=node.source_point or leaf.item,
                lost=format_points(leaf.lost, lang),
            )
        )
    if score.penalty > 0:
        out.append(t("conclusion.recommendation_penalty", penalty=format_points(score.penalty, lang)))
    gap = report.not_assessed_items
    if gap:
        points = sum(float(entry.get("max", 0.0)) for entry in gap)
        out.append(t("conclusion.recommendation_coverage", count=len(gap), points=format_points(points, lang)))
    if not losses and score.penalty <= 0 and not gap:
        out.append(t("conclusion.recommendation_none"))
    return out


def interpretation_lines(report: BodyReport, lang: str) -> list[str]:
    t = catalogue().translator(lang)
    chosen: dict[str, Any] = dict(report.breakdown.get("interpretations") or {})
    if not chosen:  # the score row's own list, as ashyq.pipeline.results.save_scores writes it
        chosen = {x["id"]: x["option"] for x in report.score.interpretations_applied or [] if isinstance(x, dict)}
    lines = []
    for interp_id, option in sorted(chosen.items()):
        question, answer, source = report.titles.interpretation(interp_id, str(option), lang)
        lines.append(t("conclusion.interpretation_row", question=question, answer=answer, source=source or interp_id))
    return lines


def average_lines(report: BodyReport, lang: str) -> list[str]:
    """Exempt items given an average: borrowed from an earlier run, or taken from this one."""
    t = catalogue().translator(lang)
    borrowed = {(b.get("item"), b.get("lang")): b for b in report.breakdown.get("averages_borrowed", [])}
    lines = []
    for leaf in report.items():
        if leaf.exempt not in ("cgo_average", "all_average") or leaf.status != "exempt":
            continue
        scope = "cgo" if leaf.exempt == "cgo_average" else "all"
        origin = "averages_from_earlier" if (leaf.item, leaf.lang) in borrowed else "averages_from_this_run"
        lines.append(
            t(
                "conclusion.averages_row",
                item=f"{leaf.item} {report.titles.title(leaf.item, lang)}",
                lang=t(f"lang.{leaf.lang or 'none'}"),
                points=format_points(leaf.points, lang),
                scope=t(f"conclusion.averages_scope_{scope}"),
                origin=t(f"conclusion.{origin}"),
            )
        )
    return lines


@dataclass(frozen=True)
class CitedDecision:
    """A decision of the commission on one of the body's disagreements, as a conclusion cites it."""

    item: str
    lang: str | None
    outcome: str  # upheld | rejected
    day: str  # ISO
    member: str
    reasons: str


@dataclass
class AppealCitation:
    note: str
    lines: list[str]


def appeal_citation(revision: int, decisions: list[CitedDecision], lang: str) -> AppealCitation | None:
    """What a conclusion made by the commission's decisions says of them (None: no decision yet)."""
    if not decisions:
        return None
    t = catalogue().translator(lang)
    lines = [
        t(
            "appeal.decision_line",
            item=d.item,
            lang=t(f"lang.{d.lang or 'none'}"),
            outcome=t(f"appeal.outcome.{d.outcome}"),
            day=d.day,
            member=d.member,
            reasons=d.reasons,
        )
        for d in decisions
    ]
    return AppealCitation(t("appeal.revision_note", revision=revision), lines)


def render_conclusion_html(report: BodyReport, lang: str, appeal: AppealCitation | None = None) -> str:
    """A self-contained HTML page: the CSS inlined, no script, no external resource; ``appeal``: the
    commission's decisions the conclusion's revision was made by."""
    coverage_summary, coverage_rows = coverage_lines(report, lang)
    score = report.score
    kind = report.body.kind
    return render(
        "conclusion.html.j2",
        lang=lang,
        t=catalogue().translator(lang),
        css=static_text("conclusion.css"),
        body_name=body_name(report, lang),
        body_id=report.body.id,
        period=reporting_period(report, lang),
        purpose=purpose_note(report.run, lang),
        monitoring=is_monitoring(report.run),
        criteria=criterion_views(report, lang),
        total=format_points(score.total, lang),
        max=format_points(score.max_points, lang),
        penalty=format_points(score.penalty, lang),
        final=format_points(score.final, lang),
        level=report.titles.level(score.level, lang),
        coverage_summary=coverage_summary,
        coverage_rows=coverage_rows,
        certainty=certainty_lines(report, lang),
        analysis_heading=f"conclusion.analysis_heading_{'mio' if kind == 'mio' else 'cgo'}",
        recommendations=recommendations(report, lang),
        interpretations=interpretation_lines(report, lang),
        averages=average_lines(report, lang),
        appeal=appeal,
        generated=catalogue().text(
            lang, "common.generated", tool="ashyq", version=__version__, edition=score.edition, run=report.run.id
        ),
    )


def write_pdf(html: str, path: Path) -> Path:
    """Print the conclusion with WeasyPrint (imported here: it costs a second or two to load).

    The conclusion is self-contained, and WeasyPrint would otherwise fetch any http or file URL a
    page's text smuggled into it: nothing but ``data:`` URLs is fetched."""
    from weasyprint import HTML, URLFetcher

    HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf(str(path))
    return path


def write_conclusion(
    report: BodyReport, lang: str, out_dir: Path, pdf: bool = True, appeal: AppealCitation | None = None
) -> list[Path]:
    """``conclusion-<body>-<lang>.html`` (and ``.pdf``) in ``out_dir``; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    html = render_conclusion_html(report, lang, appeal)
    stem = f"conclusion-{report.body.id}-{lang}"
    html_path = out_dir / f"{stem}.html"
    html_path.write_text(html, encoding="utf-8")
    written = [html_path]
    if pdf:
        written.append(write_pdf(html, out_dir / f"{stem}.pdf"))
    return written
