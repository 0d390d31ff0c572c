"""Read a body's portal content back and state each deficiency it carries as a Defect.

Defects are derived from the very content the apps serve, never listed by hand, so the ground
truth cannot drift from the pages. Items follow the 2025 methodology: T1 open data, T2/T3 budget
(CGO/MIO), T4/T5 NPA (CGO/MIO), T6 dialogue, T10/T11 subordinate organisations, F feedback.
``measured`` carries the figures a correct check should find.
"""

from __future__ import annotations

from datetime import date

from ashyq.base.working_days import half_year_bounds, half_year_label, working_days_between
from ashyq_replica.core import Defect, World, WorldBody
from ashyq_replica.portals.content.calendar import draft_deadline, report_deadline
from ashyq_replica.portals.content.model import (
    FINANCIAL_STATEMENTS,
    LANGS,
    BodyPortalContent,
    BudgetContent,
    Dataset,
    NpaDraft,
)

Measured = tuple[tuple[str, float | int | str], ...]
WORKING_DAYS_LIMIT = 15


def ratio(numerator: int, denominator: int, **extra: float | int | str) -> Measured:
    return (("numerator", numerator), ("denominator", denominator), *extra.items())


def blog_post_points(posts: int) -> float:
    """Table 6 row 2: entries of the first head's blog in a year."""
    return 1.5 if posts > 50 else 1.0 if posts > 25 else 0.5 if posts > 10 else 0.3


class _Collector:
    def __init__(self, body: WorldBody) -> None:
        self.body = body
        self.defects: list[Defect] = []

    def add(
        self,
        item: str,
        langs: tuple[str | None, ...],
        description: str,
        where: str,
        measured: Measured,
        expected: str = "fail",
    ) -> None:
        for lang in langs:
            self.defects.append(Defect(self.body.id, item, lang, description, where, expected, measured))  # type: ignore[arg-type]


def defects_of_body(world: World, body: WorldBody, content: BodyPortalContent) -> list[Defect]:
    out = _Collector(body)
    if body.kind == "subordinate":
        _subordinate(world, out, content)
        return out.defects
    _open_data(world, out, content)
    if content.budget is not None and not content.budget.restricted:
        _budget(world, out, content.budget)
    # the checks judge the documents posted in the reporting period: the calendar year, up to as_of
    judged = tuple(d for d in content.drafts if date(world.as_of.year, 1, 1) <= d.created <= world.as_of)
    _legalacts(out, judged)
    _dialog(world, out, content)
    _feedback(out, content, judged)
    return out.defects


def _data_where(body: WorldBody) -> str:
    return f"https://data.egov.kz/datasets/getdatasetsre?byGovAgencyId={body.ids.data_gov_agency_id}&status=PUBLISHED"


def _stale(world: World, content: BodyPortalContent) -> list[Dataset]:
    return [d for d in content.datasets if d.required_code is not None and not d.actual]


def _open_data(world: World, out: _Collector, c: BodyPortalContent) -> None:
    where = _data_where(out.body)
    required = len(c.required_datasets)
    missing = [r.code for r in c.required_datasets if r.api_uri is None]
    if missing:
        out.add(
            "T1-1",
            LANGS,
            f"Unified-list datasets never published: {', '.join(missing)}",
            where,
            ratio(required - len(missing), required, missing=",".join(missing)),
            "partial" if len(missing) < required else "fail",
        )
    stale = _stale(world, c)
    on_time = required - len(missing) - len(stale)
    if on_time < required:
        out.add(
            "T1-3",
            LANGS,
            f"{len(stale)} published sets are stale for their periodicity, {len(missing)} missing",
            where,
            ratio(on_time, required, stale=",".join(d.api_uri for d in stale)),
            "partial",
        )
    gaps = [d for d in c.datasets if not d.kk_labels_complete]
    if gaps:
        out.add(
            "T1-4",
            ("kk",),
            "Kazakh passport lacks field labels",
            where,
            ratio(len(c.datasets) - len(gaps), len(c.datasets), incomplete=",".join(d.api_uri for d in gaps)),
            "partial",
        )
    if not any(d.required_code is None for d in c.datasets):
        out.add("T1-2", LANGS, "No dataset published on request beyond the Unified list", where, (("count", 0),))
    by_api = sum(d.uploaded_by_api for d in c.datasets)
    if by_api == 0:
        out.add("T1-6", LANGS, "No dataset is published through the API", where, ratio(0, len(c.datasets)))
    _events_gap(world, out, c, "T1-5", open_data_only=True)


def _events_gap(world: World, out: _Collector, c: BodyPortalContent, item: str, open_data_only: bool) -> None:
    """The half-years of the reporting period (the calendar year of as_of) a check judges: those ended
    by as_of, and the one under way once it has an event; an ended one without an event is the gap."""
    events = [e for e in c.blog.events if e.about_open_data or not open_data_only] if c.blog else []
    halves, uncovered = [], []
    for half in ((world.as_of.year, 1), (world.as_of.year, 2)):
        start, end = half_year_bounds(half)
        covered = any(start <= e.start <= min(end, world.as_of) for e in events)
        if start > world.as_of or (end >= world.as_of and not covered):
            continue
        halves.append(half)
        if not covered:
            uncovered.append(half_year_label(half))
    if uncovered:
        what = "poll or internet conference on open data" if open_data_only else "internet conference or poll"
        where = f"https://dialog.egov.kz/blogs/{out.body.ids.dialog_blog_id}/welcome"
        out.add(
            item,
            LANGS,
            f"No {what} in half-year(s) {', '.join(uncovered)}",
            where,
            ratio(len(halves) - len(uncovered), len(halves), half_years_without=",".join(uncovered)),
            "fail" if len(uncovered) == len(halves) else "partial",
        )


def _budget(world: World, out: _Collector, budget: BudgetContent) -> None:
    cgo = out.body.kind == "cgo"

    def item(cgo_item: str, mio_item: str) -> str:  # Table 2 for central bodies, Table 3 for akimats
        return cgo_item if cgo else mio_item

    where = (
        f"https://budget.egov.kz/application/search?budgetStatus=ALL"
        f"&govAgencyId={out.body.ids.budget_gov_agency_id}&page=1&searchType=ALL"
    )
    kinds = {m.kind: m for m in budget.materials}
    if cgo:
        for lang in LANGS:
            present = [k for k in FINANCIAL_STATEMENTS if k in kinds and lang in kinds[k].langs]
            if len(present) < len(FINANCIAL_STATEMENTS):
                absent = ",".join(k for k in FINANCIAL_STATEMENTS if k not in present)
                out.add(
                    "T2-1",
                    (lang,),
                    f"Financial statements missing in {lang}: {absent}",
                    where,
                    ratio(len(present), len(FINANCIAL_STATEMENTS), missing=absent),
                    "partial",
                )
                out.add(
                    "T2-6",
                    (lang,),
                    f"Materials 1–5 incomplete in {lang}: {absent}",
                    where,
                    ratio(len(present), len(FINANCIAL_STATEMENTS), missing=absent),
                    "partial",
                )
    late: list[str] = []
    plan = kinds.get("plan_report")
    if cgo and plan is not None and plan.formed is not None:
        days = working_days_between(plan.formed, plan.posted)
        if days > WORKING_DAYS_LIMIT:
            late.append("plan_report")
            out.add(
                "T2-2",
                LANGS,
                f"Development-plan report posted {days} working days after its formation",
                where,
                (("working_days", days), ("formed", plan.formed.isoformat()), ("posted", plan.posted.isoformat())),
            )
    report = kinds.get("programme_report")
    deadline = report_deadline(world.as_of)
    if report is not None and report.posted > deadline:
        late.append("programme_report")
        out.add(
            item("T2-3", "T3-1"),
            LANGS,
            f"Budget-programme reports posted after {deadline:%d.%m.%Y}",
            where,
            (("posted", report.posted.isoformat()), ("deadline", deadline.isoformat())),
        )
    audit = kinds.get("audit_results")
    if audit is not None and audit.received is not None:
        days = working_days_between(audit.received, audit.posted)
        if days > WORKING_DAYS_LIMIT:
            late.append("audit_results")
            out.add(
                item("T2-4", "T3-2"),
                LANGS,
                f"State-audit results posted {days} working days after receipt",
                where,
                (
                    ("working_days", days),
                    ("received", audit.received.isoformat()),
                    ("posted", audit.posted.isoformat()),
                ),
            )
    if cgo and late:
        out.add(
            "T2-7",
            LANGS,
            f"Materials 1–5 posted late: {', '.join(late)}",
            where,
            ratio(3 - len(late), 3, late=",".join(late)),
            "partial",
        )
    if "citizen_budget" not in kinds:
        out.add(item("T2-5", "T3-3"), LANGS, "No citizen budget published", where, (("count", 0),))
    programmes = budget.programmes
    for lang in LANGS:
        complete = sum(p.draft_complete[lang] for p in programmes)
        if complete < len(programmes):
            out.add(
                item("T2-8", "T3-4"),
                (lang,),
                f"Draft budget programmes with empty fields in {lang}",
                where,
                ratio(complete, len(programmes)),
                "partial",
            )
    if programmes and programmes[0].draft_posted > draft_deadline(world.as_of):
        out.add(
            item("T2-9", "T3-5"),
            LANGS,
            "Draft budget programmes posted after 15 May",
            where,
            (("posted", programmes[0].draft_posted.isoformat()), ("deadline", draft_deadline(world.as_of).isoformat())),
        )
    comments = [c for p in programmes for c in p.comments]
    answered = sum(c.answer is not None for c in comments)
    if answered < len(comments):
        out.add(
            item("T2-10", "T3-6"),
            LANGS,
            "Public comments on budget programmes left unanswered",
            where,
            ratio(answered, len(comments)),
            "partial",
        )
    if "discussion_announcement" not in kinds:
        out.add(
            item("T2-11", "T3-7"),
            LANGS,
            "No announcement of public discussion of drafts or reports",
            where,
            (("count", 0),),
        )


def _legalacts(out: _Collector, drafts: tuple[NpaDraft, ...]) -> None:
    cgo = out.body.kind == "cgo"
    where = f"https://legalacts.egov.kz/list?governmentId={out.body.ids.legalacts_government_id}"
    acts = [d for d in drafts if not d.is_regulatory_policy]
    if cgo and not any(d.is_regulatory_policy for d in drafts):
        out.add("T4-1", LANGS, "No consultative document of regulatory policy published", where, (("count", 0),))
    lacking = [
        d
        for d in acts
        if not d.has_file("explanatory_note") or (d.is_amendment and not d.has_file("comparative_table"))
    ]
    if lacking:
        out.add(
            "T4-2" if cgo else "T5-1",
            LANGS,
            "Drafts without explanatory note or comparative table",
            where,
            ratio(len(acts) - len(lacking), len(acts), drafts=",".join(str(d.id) for d in lacking)),
            "partial",
        )
    for lang in LANGS:
        wrong = [d for d in acts if d.discussion_until is None or (lang == "kk" and d.kk_lookalike_letters)]
        if wrong:
            reasons = ",".join(
                f"{d.id}:{'no-discussion-date' if d.discussion_until is None else 'lookalike-letters'}" for d in wrong
            )
            out.add(
                "T4-3" if cgo else "T5-2",
                (lang,),
                f"Incorrect draft forms in {lang}",
                where,
                ratio(len(acts) - len(wrong), len(acts), drafts=reasons),
                "partial",
            )
    comments = [c for d in drafts for c in d.comments]
    answered = sum(c.answer is not None for c in comments)
    if answered < len(comments):
        out.add(
            "T4-4" if cgo else "T5-3",
            LANGS,
            "Comments on drafts left without an answer",
            where,
            ratio(answered, len(comments)),
            "partial",
        )


def _dialog(world: World, out: _Collector, c: BodyPortalContent) -> None:
    if c.blog is None:
        return
    _events_gap(world, out, c, "T6-1", open_data_only=False)
    year_start = date(world.as_of.year, 1, 1)  # the reporting period: the calendar year, up to as_of
    for lang in LANGS:
        posts = sum(year_start <= p.posted <= world.as_of and lang in p.langs for p in c.blog.posts)
        points = blog_post_points(posts)
        if points < 1.5:
            out.add(
                "T6-2",
                (lang,),
                f"{posts} blog entries in {lang} in {world.as_of.year} up to {world.as_of:%d.%m.%Y}",
                f"https://dialog.egov.kz/blogs/{c.blog.blog_id}/posts",
                (("posts", posts), ("points", points), ("period", str(world.as_of.year))),
                "partial",
            )


def _feedback(out: _Collector, c: BodyPortalContent, drafts: tuple[NpaDraft, ...]) -> None:
    proposals = [x for d in drafts for x in d.comments]
    accepted = sum(x.outcome == "accepted" for x in proposals)
    comments_answered = sum(x.answer is not None for x in proposals)
    received = len(proposals)
    if c.budget is not None:
        budget_comments = [x for p in c.budget.programmes for x in p.comments]
        received += len(budget_comments)
        comments_answered += sum(x.answer is not None for x in budget_comments)
    if comments_answered < received:
        share = ((accepted / len(proposals) if proposals else 1.0) + comments_answered / received) / 2
        out.add(
            "F",
            (None,),
            "Feedback: comments received on drafts and budget programmes left unanswered",
            f"https://legalacts.egov.kz/list?governmentId={out.body.ids.legalacts_government_id}",
            (
                ("B", accepted),
                ("C", len(proposals)),
                ("E", comments_answered),
                ("G", received),
                ("F_percent", round(share * 100, 1)),
            ),
            "partial",
        )


def _subordinate(world: World, out: _Collector, c: BodyPortalContent) -> None:
    where = _data_where(out.body)
    required = len(c.required_datasets)
    missing = [r.code for r in c.required_datasets if r.api_uri is None]
    parent = f"penalty of {out.body.parent}"
    if missing:
        out.add(
            "T10-1",
            LANGS,
            f"Datasets not published ({parent}): {', '.join(missing)}",
            where,
            ratio(required - len(missing), required, missing=",".join(missing)),
        )
    stale = _stale(world, c)
    if stale:
        out.add(
            "T10-2",
            LANGS,
            f"Datasets not updated on time ({parent})",
            where,
            ratio(len(c.datasets) - len(stale), len(c.datasets), stale=",".join(d.api_uri for d in stale)),
        )
    gaps = [d for d in c.datasets if not d.kk_labels_complete]
    if gaps:
        out.add(
            "T10-3",
            ("kk",),
            f"Datasets filled incorrectly in Kazakh ({parent})",
            where,
            ratio(len(c.datasets) - len(gaps), len(c.datasets), incomplete=",".join(d.api_uri for d in gaps)),
        )
    if out.body.state_participation == 100:
        return  # Table 11 concerns the quasi-public sector «за исключением лиц со стопроцентным участием государства»
    if c.blog is None:
        out.add(
            "T11-1",
            LANGS,
            f"No first-head blog on dialog.egov.kz ({parent})",
            "https://dialog.egov.kz/",
            (("count", 0),),
        )
        return
    # the questions asked in the reporting period (the calendar year up to as_of; appeals to blogs
    # closed in January 2023, so a later audit finds none and no penalty)
    asked = [q for q in c.blog.questions if date(world.as_of.year, 1, 1) <= q.asked <= world.as_of]
    answered = sum(q.answer is not None for q in asked)
    total = len(asked)
    if total and answered / total < 0.9:
        out.add(
            "T11-2",
            LANGS,
            f"Blog answers below 90 % ({parent})",
            f"https://dialog.egov.kz/blogs/{c.blog.blog_id}/questions?page=1",
            ratio(answered, total, share_percent=round(100 * answered / total, 1)),
        )
