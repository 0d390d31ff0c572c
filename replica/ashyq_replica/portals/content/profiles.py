"""How well each body of the replica keeps its Open Government portals: the seeded compliance.

The demo needs portal scores that spread: the Ministry of Labour is the excellent body, the
Karaganda akimat the poor one, the others sit between, and Kazakh and Russian differ on some
items. Every knob here becomes content in ``portal_content`` and, where it breaks a methodology
item, a :class:`~ashyq_replica.core.Defect` in ``portal_defects``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OpenDataProfile:
    required: int  # entries of the Unified list
    missing: int  # of them never published
    stale: int  # of them published but not updated as their periodicity demands
    kk_label_gaps: int  # published sets whose Kazakh passport lacks labels
    on_request: int  # sets published beyond the list (T1-2)
    by_api: bool  # at least some sets are uploaded through the API (T1-6)


@dataclass(frozen=True)
class BudgetProfile:
    programmes: int
    statements_missing_kk: tuple[str, ...] = ()  # financial statements posted in Russian only
    plan_report_late: bool = False
    programme_reports_late: bool = False
    audit_late: bool = False
    citizen_budget: bool = True
    drafts_late: bool = False
    draft_gaps: int = 0  # draft programmes with an empty field (the gap is in both languages)
    draft_gaps_kk: int = 0  # draft programmes whose Kazakh version lacks a field
    unanswered_comments: int = 0
    announcements: bool = True


@dataclass(frozen=True)
class LegalactsProfile:
    drafts: int
    regulatory_policy: int  # consultative documents of regulatory policy (CGO only)
    without_note: int = 0
    without_table: int = 0  # amendments lacking the comparative table
    lookalike_kk: int = 0  # drafts whose Kazakh text was typed with Russian/Latin letters
    without_discussion_date: int = 0
    unanswered_comments: int = 0


@dataclass(frozen=True)
class DialogProfile:
    posts_per_year: int
    ru_only_posts: int = 0  # of those, posted without a Kazakh version
    questions: int = 24
    unanswered_questions: int = 0
    half_years_without_events: int = 0  # the most recent complete half-years with no event
    open_data_event: bool = True


@dataclass(frozen=True)
class PortalProfile:
    open_data: OpenDataProfile
    budget: BudgetProfile | None
    legalacts: LegalactsProfile | None
    dialog: DialogProfile | None


PROFILES: dict[str, PortalProfile] = {
    # The excellent body: everything complete, on time, answered, in both languages.
    "enbek": PortalProfile(
        OpenDataProfile(required=8, missing=0, stale=0, kk_label_gaps=0, on_request=1, by_api=True),
        BudgetProfile(programmes=4),
        LegalactsProfile(drafts=9, regulatory_policy=2),
        DialogProfile(posts_per_year=62, questions=36),
    ),
    "adilet": PortalProfile(
        OpenDataProfile(required=8, missing=0, stale=1, kk_label_gaps=1, on_request=1, by_api=True),
        BudgetProfile(programmes=3, statements_missing_kk=("fs_note",), audit_late=True, unanswered_comments=1),
        LegalactsProfile(drafts=8, regulatory_policy=1, without_table=1, unanswered_comments=2),
        DialogProfile(posts_per_year=30, ru_only_posts=8, questions=28, unanswered_questions=2),
    ),
    # Budget restricted: the portal shows a notice; the scorer borrows the average (point 67).
    "mod": PortalProfile(
        OpenDataProfile(required=4, missing=1, stale=0, kk_label_gaps=0, on_request=0, by_api=False),
        None,
        LegalactsProfile(drafts=6, regulatory_policy=0, without_discussion_date=1),
        DialogProfile(posts_per_year=12, questions=12, half_years_without_events=1),
    ),
    "astana": PortalProfile(
        OpenDataProfile(required=10, missing=1, stale=2, kk_label_gaps=0, on_request=2, by_api=True),
        BudgetProfile(programmes=5, drafts_late=True, draft_gaps_kk=1),
        LegalactsProfile(drafts=10, regulatory_policy=0, unanswered_comments=1),
        DialogProfile(posts_per_year=54, ru_only_posts=6, questions=30, unanswered_questions=1),
    ),
    # The poor body: much missing, late, unanswered; Kazakh typed without Kazakh letters.
    "karaganda": PortalProfile(
        OpenDataProfile(required=9, missing=4, stale=3, kk_label_gaps=2, on_request=0, by_api=False),
        BudgetProfile(
            programmes=4,
            programme_reports_late=True,
            audit_late=True,
            citizen_budget=False,
            drafts_late=True,
            draft_gaps=2,
            unanswered_comments=4,
            announcements=False,
        ),
        LegalactsProfile(
            drafts=8,
            regulatory_policy=0,
            without_note=2,
            without_table=1,
            lookalike_kk=1,
            without_discussion_date=1,
            unanswered_comments=6,
        ),
        DialogProfile(
            posts_per_year=6,
            ru_only_posts=3,
            questions=20,
            unanswered_questions=9,
            half_years_without_events=2,
            open_data_event=False,
        ),
    ),
    "kostanay": PortalProfile(
        OpenDataProfile(required=7, missing=1, stale=1, kk_label_gaps=1, on_request=1, by_api=False),
        BudgetProfile(programmes=3, plan_report_late=False, unanswered_comments=1),
        LegalactsProfile(drafts=7, regulatory_policy=0, without_note=1),
        DialogProfile(posts_per_year=15, questions=22, unanswered_questions=3),
    ),
    # Subordinate organisations: their deficiencies are penalties of the parent (Tables 10–11).
    "enbek-center": PortalProfile(
        OpenDataProfile(required=4, missing=1, stale=1, kk_label_gaps=1, on_request=0, by_api=False),
        None,
        None,
        DialogProfile(posts_per_year=8, questions=20, unanswered_questions=4),
    ),
    "zqai": PortalProfile(
        OpenDataProfile(required=2, missing=2, stale=0, kk_label_gaps=0, on_request=0, by_api=False),
        None,
        None,
        None,
    ),
}
