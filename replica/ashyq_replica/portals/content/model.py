"""The records the four Open Government portals of the replica serve.

Plain frozen dataclasses: ``portal_content`` fills them, the portal apps render them, and
``portal_defects`` reads them back to state the seeded deficiencies. Texts a portal translates
are :class:`Bilingual`; texts people typed (comments, questions) are one string in both languages,
as on the real portals.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from ashyq.base.vocabulary import LANGS, Lang


@dataclass(frozen=True)
class Bilingual:
    kk: str
    ru: str

    def get(self, lang: str) -> str:
        return self.kk if lang == "kk" else self.ru


# --- data.egov.kz -------------------------------------------------------------------------------

ActualizeType = Literal["DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "HALF_YEAR", "YEARLY", "AS_NEEDED"]

# How many days may pass after the last update before a set counts as stale. AS_NEEDED never does.
ACTUALIZE_DAYS: dict[str, int | None] = {
    "DAILY": 1,
    "WEEKLY": 7,
    "MONTHLY": 31,
    "QUARTERLY": 92,
    "HALF_YEAR": 183,
    "YEARLY": 366,
    "AS_NEEDED": None,
}


@dataclass(frozen=True)
class Category:
    id: str
    name: Bilingual
    name_en: str


@dataclass(frozen=True)
class DatasetField:
    name: str
    type: Literal["Int", "String", "Datetime", "Boolean"]
    label: Bilingual  # label.kk == "" is a seeded gap in the Kazakh passport


@dataclass(frozen=True)
class Dataset:
    id: str
    api_uri: str
    version: str
    body_id: str
    name: Bilingual
    name_en: str
    description: Bilingual
    description_en: str
    created: datetime
    modified: datetime
    views: int
    downloads: int
    versions_count: int
    category: Category
    keywords: tuple[str, ...]
    actualize_type: ActualizeType
    actual: bool
    fields: tuple[DatasetField, ...]
    record_count: int
    uploaded_by_api: bool
    responsible_name: Bilingual
    responsible_phone: str
    responsible_email: str
    required_code: str | None  # the Unified-list entry it fulfils; None = published on request

    @property
    def kk_labels_complete(self) -> bool:
        return all(f.label.kk for f in self.fields) and bool(self.description.kk)


@dataclass(frozen=True)
class RequiredDataset:
    """One entry of the Unified list of open data: what a body must publish and how often."""

    code: str
    name: Bilingual
    actualize_type: ActualizeType
    api_uri: str | None  # None: the body never published it


# --- budget.egov.kz ------------------------------------------------------------------------------

MaterialKind = Literal[
    "fs_balance",
    "fs_results",
    "fs_cashflow",
    "fs_net_assets",
    "fs_note",
    "plan_report",
    "programme_report",
    "audit_results",
    "citizen_budget",
    "discussion_announcement",
]
FINANCIAL_STATEMENTS: tuple[MaterialKind, ...] = (
    "fs_balance",
    "fs_results",
    "fs_cashflow",
    "fs_net_assets",
    "fs_note",
)


@dataclass(frozen=True)
class BudgetFile:
    id: int
    title: Bilingual
    posted: date
    langs: tuple[Lang, ...] = LANGS  # a file attached in one language only is missing in the other


@dataclass(frozen=True)
class BudgetMaterial:
    id: int
    kind: MaterialKind
    title: Bilingual
    period_year: int
    posted: date
    file: BudgetFile
    received: date | None = None  # state-audit results: when the body received them
    formed: date | None = None  # development-plan report: when it was formed

    @property
    def langs(self) -> tuple[Lang, ...]:
        return self.file.langs


@dataclass(frozen=True)
class BudgetComment:
    id: int
    tab: Literal["PROJECT", "APPROVED", "REPORT"]
    field_key: str
    author: str
    text: str
    posted: datetime
    accepted: bool | None
    answer: str | None
    answered: datetime | None


@dataclass(frozen=True)
class BudgetRow:
    key: str
    label: Bilingual
    value: Bilingual  # value.kk or value.ru == "" is a seeded gap in a draft


@dataclass(frozen=True)
class BudgetProgramme:
    budget_id: int
    code: str
    name: Bilingual
    tabs: dict[str, tuple[BudgetRow, ...]]
    draft_year: int
    draft_posted: date
    files: tuple[BudgetFile, ...]
    comments: tuple[BudgetComment, ...]

    @property
    def draft_complete(self) -> dict[str, bool]:
        rows = self.tabs["PROJECT"]
        return {lang: all(r.value.get(lang) for r in rows) for lang in ("kk", "ru")}


@dataclass(frozen=True)
class BudgetContent:
    restricted: bool
    programmes: tuple[BudgetProgramme, ...] = ()
    materials: tuple[BudgetMaterial, ...] = ()


# --- legalacts.egov.kz ---------------------------------------------------------------------------

NpaStatus = Literal["IN_PUBLIC_DISCUSSION", "IN_PROGRESS", "IN_ARCHIVE"]


@dataclass(frozen=True)
class NpaComment:
    id: int
    author: str
    text: str
    posted: datetime
    outcome: Literal["accepted", "rejected", "pending"]
    answer: str | None
    answered: datetime | None
    row: int  # the numbered row of the draft the comment points at


@dataclass(frozen=True)
class NpaVersion:
    history_id: int
    number: int
    created: date
    discussion_until: date | None


@dataclass(frozen=True)
class NpaFile:
    id: int
    kind: Literal["explanatory_note", "comparative_table", "concept"]
    filename: Bilingual


@dataclass(frozen=True)
class NpaDraft:
    id: int
    docx_id: int
    body_id: str
    title: Bilingual
    type_id: int
    status: NpaStatus
    category_id: int
    created: date
    discussion_until: date | None
    online_start: datetime | None
    online_end: datetime | None
    summary: Bilingual
    rows: tuple[tuple[Bilingual, Bilingual], ...]  # (label, value) rows of the draft's table
    is_amendment: bool
    files: tuple[NpaFile, ...]
    versions: tuple[NpaVersion, ...]  # older versions, newest first
    comments: tuple[NpaComment, ...]
    likes: int
    dislikes: int
    views: int
    kk_lookalike_letters: bool = False

    @property
    def is_regulatory_policy(self) -> bool:
        return self.type_id in (7001, 7002)

    def has_file(self, kind: str) -> bool:
        return any(f.kind == kind for f in self.files)

    @property
    def accepted(self) -> int:
        return sum(c.outcome == "accepted" for c in self.comments)

    @property
    def rejected(self) -> int:
        return sum(c.outcome == "rejected" for c in self.comments)


# --- dialog.egov.kz ------------------------------------------------------------------------------


@dataclass(frozen=True)
class BlogPost:
    id: int
    title: Bilingual
    body: Bilingual
    posted: date
    langs: tuple[Lang, ...] = LANGS


@dataclass(frozen=True)
class Question:
    id: int
    author: str
    text: str
    category: Bilingual
    asked: date
    views: int
    answer: str | None
    answered: date | None
    answer_author: str


@dataclass(frozen=True)
class DialogEvent:
    """An internet conference or a poll of a blog."""

    id: int
    kind: Literal["conference", "poll"]
    title: Bilingual
    start: date
    end: date
    about_open_data: bool
    options: tuple[tuple[Bilingual, int], ...] = ()  # poll answers with their vote counts


@dataclass(frozen=True)
class Blog:
    blog_id: int
    head: Bilingual
    head_position: Bilingual
    welcome: Bilingual
    posts: tuple[BlogPost, ...]
    questions: tuple[Question, ...]
    events: tuple[DialogEvent, ...]


# --- one body across the four portals -----------------------------------------------------------


@dataclass(frozen=True)
class BodyPortalContent:
    body_id: str
    required_datasets: tuple[RequiredDataset, ...]
    datasets: tuple[Dataset, ...]
    budget: BudgetContent | None
    drafts: tuple[NpaDraft, ...]
    blog: Blog | None
