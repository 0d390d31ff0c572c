"""The schema of every ``ashyq/config/checks/<name>.yaml``: what keys it has and of what type.

The loader (:mod:`ashyq.config.check_settings`) validates a file, and every override laid over it, against
its schema; an unknown or misspelt key is refused with its place, never read as "absent". Nested
vocabularies whose keys are data (label kinds, material kinds …) are typed as mappings.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

Phrases = dict[str, list[str]]  # language (kk, ru, en) or kind → phrases
Source = dict[str, str]  # where a rule comes from: seed file and point, or law and digest


class Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


# ------------------------------------------------------------------------------ accessibility
class Sampling(Schema):
    max_templates: int
    max_confirm: int
    template_similarity: float
    home: bool
    per_section_type: int
    max_pages: int
    section_types: dict[str, list[str]]


class BrowserSettings(Schema):
    timeout_ms: int
    settle_ms: int
    pages_per_context: int
    concurrent_pages: int = Field(ge=0)
    zoom_factor: float
    desktop_viewport: dict[str, int]
    watch_ms: int


class NavDepth(Schema):
    depth_by_interpretation: dict[str, int]
    rules_depth: int
    threshold_percent: int


class ProviderEntry(Schema):
    name: str
    options: dict[str, Any] = {}


class Accessibility(Schema):
    """accessibility.yaml: Appendix 14 and the mobile coefficient (checks and the gather step)."""

    sampling: Sampling
    browser: BrowserSettings
    nav_depth: NavDepth
    menu_selectors: list[str]
    menu_min_links: int
    breadcrumb_selectors: list[str]
    search_selectors: list[str]
    skip_link_selectors: list[str]
    labels: dict[str, list[str]]
    patterns: dict[str, list[str]]
    long_document_chars: int
    long_block_chars: int
    legal_act_min_chars: int
    act_block_chars: int
    long_page_chars: int
    reflow_tolerance_px: int
    anchor_targets_ignored: list[str]
    breadcrumbs_pass_share: float
    breadcrumb_separators: str
    breadcrumb_max_links: int
    presence_pass_share: float
    machine_readable_formats: list[str]
    listed_text_formats: list[str]
    document_formats: list[str]
    archive_formats: list[str]
    plugin_types: list[str]
    wcag_criteria: dict[str, list[str]]
    axe_rules: dict[str, list[str]]
    emblem_max_px: int
    english_all_materials_share: float
    english_placeholder_chars: int
    english_translated_share: float
    english_not_materials: list[str]
    providers: dict[str, str | ProviderEntry]  # capability (search_rank, cross_browser) → provider


# ------------------------------------------------------------------------------ budget
class MaterialKind(Schema):
    kind: str
    kk: list[str] = []
    ru: list[str] = []


class Budget(Schema):
    """budget.yaml: how a budget.egov.kz material is recognised and where its dates are."""

    material_kinds: list[MaterialKind]
    # the National Bank's own names of its consolidated statements (Table 2 note *), read for it only
    national_bank_statements: list[MaterialKind]
    info_labels: dict[str, list[str]]
    draft_file: Phrases
    restricted_notice: Phrases


# ------------------------------------------------------------------------------ deadlines
class WorkingDaysTerm(Schema):
    working_days: int
    counted_from: str
    source: Source


class FixedDate(Schema):
    month: int
    day: int
    source: Source


class BudgetDeadlines(Schema):
    development_plan_report: WorkingDaysTerm
    development_plan_report_due: FixedDate
    budget_programme_reports: FixedDate
    audit_results: WorkingDaysTerm
    draft_budget_programmes: FixedDate
    shift_fixed_dates_past_days_off: bool
    citizen_budget_max_age_years: int


class OpenDataDeadlines(Schema):
    periodicity_days: dict[str, int | None]  # None: "as needed", never overdue
    source: Source


class NpaDeadlines(Schema):
    exclude_open_discussions: bool


class Deadlines(Schema):
    """deadlines.yaml: the statutory deadlines of the portal checks, each with its legal source."""

    budget: BudgetDeadlines
    open_data: OpenDataDeadlines
    npa: NpaDeadlines


# ------------------------------------------------------------------------------ declared
class MediaRequestDeadline(Schema):
    law: str
    working_days: int
    effective_from: str
    source: Source


class Verification(Schema):
    keyword_share: float
    keyword_stem_letters: int
    max_keywords: int
    min_words_for_language: int
    earlier_period_rows: dict[str, list[str]]
    missing_statuses: list[int]
    stopwords: Phrases


class Declared(Schema):
    """declared.yaml: re-verification of declared links and the declared items' rules."""

    media_request_deadlines: list[MediaRequestDeadline]
    publicity_levels: list[str]
    needs_event_groups: dict[str, list[str]]
    verification: Verification


# ------------------------------------------------------------------------------ dialog
class DialogEvents(Schema):
    per_half_year: int
    kinds: list[str]


class BlogBand(Schema):
    """A band of Table 6 row 2 and its regularity: more than ``above`` entries, at least ``at_least``
    in every whole ``per`` (week or month) of the period."""

    above: int
    per: str
    at_least: int


class DialogBlog(Schema):
    top_band_above: int
    bands: list[BlogBand]
    questions_closed: str
    subordinate_min_answered_percent: int


class Dialog(Schema):
    """dialog.yaml: the open-dialogue checks (events, the first head's blog, answers)."""

    events: DialogEvents
    blog: DialogBlog
    declared_link_patterns: dict[str, list[str]]


# ------------------------------------------------------------------------------ feedback
class Feedback(Schema):
    """feedback.yaml: the public feedback indicator F (order No. 17-НҚ)."""

    proposals_from: list[str]
    proposals_need_decision: bool
    comments_from: list[str]
    budget_status: dict[str, list[str]]
    announcement_phrases: Phrases
    project_results_phrases: Phrases


# ------------------------------------------------------------------------------ layout
class Layout(Schema):
    """layout.yaml: Kazakh text typed without a Kazakh keyboard layout."""

    kazakh_words: list[str]
    valid_without_kazakh_letters: list[str]
    kazakh_letters: str
    min_letters_without_kazakh: int
    latin_lookalikes: dict[str, str]
    russian_layout: dict[str, str]


# ------------------------------------------------------------------------------ legalacts
class Legalacts(Schema):
    """legalacts.yaml: the open-NPA checks on legalacts.egov.kz."""

    attachments: dict[str, Phrases]
    amendment_title: Phrases
    regulatory_policy_type: Phrases
    required_fields: dict[str, list[str]]


# ------------------------------------------------------------------------------ subordinate
class Art16Kind(Schema):
    title: dict[str, str]
    kk: list[str]
    ru: list[str]


class Art16(Schema):
    kinds: dict[str, Art16Kind]
    missing_for_penalty: int


class SubordinateOpenData(Schema):
    periodicity_days: dict[str, int | None]
    required_text: Phrases
    field_label: dict[str, str]


class Subordinate(Schema):
    """subordinate.yaml: the subordinate organisations' penalty items (Tables 8-11)."""

    art16: Art16
    open_data: SubordinateOpenData


# ------------------------------------------------------------------------------ announcements
class Announcements(Schema):
    """announcements.yaml: what an announcement of a public discussion and the action plan on problem
    issues look like on a website (ashyq/checks/announcements.py)."""

    announcement: Phrases
    subjects: dict[str, Phrases]
    action_plan: Phrases


# ------------------------------------------------------------------------------ meetings
class MeetingRow(Schema):
    what: str
    held: bool
    figures: bool  # Appendix 9 asks for figures, not links: a declared row without links counts
    heading: dict[str, list[list[str]]]  # language → groups, a phrase of each must be in the heading
    online: Phrases = {}
    unless: Phrases


class Meetings(Schema):
    """meetings.yaml: what an open sitting streamed online and a meeting with the population, a
    reception or an NGO meeting look like where the body publishes them (ashyq/checks/meetings.py)."""

    rows: dict[str, MeetingRow]


SCHEMAS: dict[str, type[Schema]] = {
    "accessibility": Accessibility,
    "announcements": Announcements,
    "budget": Budget,
    "deadlines": Deadlines,
    "declared": Declared,
    "dialog": Dialog,
    "feedback": Feedback,
    "layout": Layout,
    "legalacts": Legalacts,
    "meetings": Meetings,
    "subordinate": Subordinate,
}


# ------------------------------------------------------------------------------ vocabularies
# ashyq/config/vocabulary/*.yaml: the keyword vocabularies of the content checks. The words' meaning
# (a name in three languages, keywords or a detector, the match scopes) is checked where they are
# compiled (ashyq.checks.completeness.keywords); here, which keys there are and of what type.
Words = dict[str, list[str]]  # kk, ru (and a ``with``'s url) → keywords


class Currency(Schema):
    days: int | None = None
    years: int | None = None
    report_months: int | None = None  # a periodic report «по состоянию на …»: the length of its period
    period_months: int | None = None  # results named by the periods they cover: the length of the period due
    upcoming: bool = False  # announcements of events to come: a date after the audit's makes the place current
    schedule: bool = False  # a schedule for a period it names: current until the period ends
    lag: bool = False  # a list with no period of its own: as current as the other language's list of the same kind
    lag_days: int | None = None  # … how far behind the other language's it may be (default: a quarter)
    in_force: bool = False  # a list of acts: not current while it shows as in force an act another act declared void
    numbered: bool = False  # a list of acts by number and day: one the other language's names and this one never does


class Together(Schema):
    """An indicator's ``with``: what its place must also name or link (kk/ru words, url patterns) or hold
    (``figures``: data)."""

    kk: list[str] = []
    ru: list[str] = []
    url: list[str] = []
    figures: bool = False


class EntryPart(Schema):
    """A thing each entry of a list must give: its id (said in findings) and kk/ru keywords."""

    id: str
    kk: list[str]
    ru: list[str]


class EachEntry(Schema):
    """The entries of an indicator's list and what each must give («проекты … с пояснительными записками и
    сравнительными таблицами (в случаях внесения изменений)»)."""

    names: Words  # kk/ru words naming one entry (a draft: «проект приказа», «бұйрықтың жобасы»)
    needs: list[EntryPart]  # what every entry gives
    when: Words = {}  # kk/ru words of an entry that must give ``also`` too (a draft amending an act)
    also: list[EntryPart] = []


class VocabularyIndicator(Schema):
    id: str
    name: dict[str, str]
    kk: list[str] = []
    ru: list[str] = []
    url: list[str] = []
    match: str = "anywhere"
    detect: str | None = None
    if_any: bool = False
    note: bool = False
    applies_to: list[str] = []
    needs: str | None = None
    current: Currency | None = None
    reading: str | None = None
    with_: Together = Field(default_factory=lambda: Together(), alias="with")
    unless: Words = {}
    in_text_with: Words = {}  # kk/ru words the block must also name where its words are running text
    not_under: Words = {}  # kk/ru words of a heading under which its words in running text are about something else
    not_in_sentence_with: Words = {}  # kk/ru words of a sentence of running text about another thing
    expected_with: list[str] = []
    machine_readable: list[str] = []  # the kinds of body whose table marks it "*" (Appendix 15)
    official_language: str | None = None  # kk or ru: the one language its official text exists in
    named_anywhere: bool = False  # a holder's phone or e-mail, read on any content page right after the holder's words
    parts: list[dict[str, list[str]]] = []  # the forms its wording lists, each kk/ru keywords
    parts_min: int | None = None  # how many of the forms show it (an open list «… и др.»); None: every one
    parts_closed: bool = False  # listed without «и др.»: read in the section only, a missing one not shown
    per_item: Words = {}  # kk/ru words naming one item of the kind it is stated for (a vacancy's post)
    none_said: Words = {}  # kk/ru words of a sentence saying there is none of it (if_any: nothing to post)
    archive: bool = False  # «с созданием архива»: a feed whose older items a reader must reach
    listed_by_memos: bool = False  # the list of the items whose memos the section shows: memos of two name them
    merged_into: str | None = None  # the indicator whose document a later law made carry this one's too
    memos_from: dict[str, str] = {}  # kind → «vocabulary:item» whose memo parts read the services' memos that show it
    with_contacts: bool = False  # a list «с контактами»: its entries without a phone or e-mail are incomplete
    each_entry: EachEntry | None = None  # what each entry of its list gives (a draft's explanatory note)
    contact_at_all: bool = False  # … read only for a list under a heading giving no contact at all
    material: bool = False  # the material itself (no «либо ссылка»): a link to another site's home page is none
    apart_from: str | None = None  # another section's item whose own rubric does not show it (row 1.7's vacancies)
    # kind → «vocabulary:item/indicator» of the detailed checklist naming the same information (a Table 7 row's)
    substantiated_by: dict[str, list[str]] = {}


class VocabularySection(Schema):
    title: Words
    url: list[str] = []
    indicators: list[VocabularyIndicator]
    periodicity_days: int | None = None
    applies_to: list[str] = []
    absence_doubted: bool = False  # an absence resting on words not recognised is the assessor's to decide


class SectionVocabulary(Schema):
    """A vocabulary of methodology items (appendix15, appendix16, table7). Other top-level keys hold
    sections shared by several items through YAML anchors, and are sections themselves."""

    model_config = ConfigDict(extra="allow", strict=True)
    __pydantic_extra__: dict[str, VocabularySection] = Field(init=False)

    sections: dict[str, VocabularySection]


class CommonVocabulary(Schema):
    """common.yaml: the phrases every vocabulary shares."""

    empty_phrases: Words
    none_phrases: Words = {}
    pending_phrases: Words = {}
    incomplete_phrases: Words = {}
    not_implementer_phrases: Words
    repealed_phrases: Words
    law_citations: Words
    social_hosts: list[str]


VOCABULARY_SCHEMAS: dict[str, type[Schema]] = {
    "appendix15": SectionVocabulary,
    "appendix16": SectionVocabulary,
    "common": CommonVocabulary,
    "table7": SectionVocabulary,
}


# ------------------------------------------------------------------------------ body tags
class BodyTag(Schema):
    en: str
    marks: bool = False  # single indicators may be marked with it (``tag:ITEM``)


class BodyTags(Schema):
    """body_tags.yaml: the body tags the methodology editions understand."""

    tags: dict[str, BodyTag]


# ------------------------------------------------------------------------------ portal URLs
class DialogUrls(Schema):
    event_paths: dict[str, str] = {}  # event kind → path with {blog_id}


class PortalUrls(Schema):
    """portal_urls.yaml: URL patterns of the portals that no public source confirms ([GUESS])."""

    dialog: DialogUrls = DialogUrls()


# ------------------------------------------------------------------------------ Chromium policy
class ChromiumPolicy(Schema):
    """chromium-policy.json: Chromium's own managed-policy format, installed as it is by ``ashyq setup``
    (its names are Chromium's, so the mapping is open)."""

    model_config = ConfigDict(extra="allow", strict=True)
