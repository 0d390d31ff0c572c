"""The report forms of Appendix 9 (seed 000, "Отчет по направлению «Открытость государственного органа»")
as data: one pydantic model per form row, each field with its column title in Russian and Kazakh.

The template writer, the loader and the documentation all read these models, so a column exists in
exactly one place. A form is a sheet of the workbook (or a list in the YAML file, or a CSV file):

* ``general`` — the report's cover: body, period, the total of events of Table 5-1 row 1 and the
  survey results the assessing body adds (points 83 and 84: they are not the body's own report);
* ``open_data`` — Table 1; ``budget_cgo`` — Table 2; ``budget_mio`` — Table 3; ``npa`` — Table 4;
  ``dialogue`` — Table 5; ``media_events`` and ``media_requests`` — Table 5-1 rows 1 and 2;
  ``subordinates`` — Table 6.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from ashyq.base.text import normalise

FORMAT: Literal["ashyq-declared/1"] = "ashyq-declared/1"


@dataclass(frozen=True)
class Title:
    """A column's title as the form prints it (ru) and in the state language (kk)."""

    ru: str
    kk: str


@dataclass(frozen=True)
class Choices:
    """A closed list: stored value → (ru label, kk label). A cell may hold any of the three."""

    options: dict[str, tuple[str, str]]

    def parse(self, raw: str) -> str | None:
        wanted = normalise(raw)
        for value, (ru, kk) in self.options.items():
            if wanted in (normalise(value), normalise(ru), normalise(kk)):
                return value
        return None

    def labels(self) -> list[str]:
        return [ru for ru, _ in self.options.values()]


YES_NO = Choices({"true": ("да", "иә"), "false": ("нет", "жоқ")})
EVENT_KINDS = Choices(
    {
        "poll": ("опрос", "сауалнама"),
        "internet_conference": ("интернет-конференция", "интернет-конференция"),
        "it_meeting": ("встреча с IT-компаниями", "IT-компаниялармен кездесу"),
        "data_lab": ("дата-лаб / хакатон", "дата-лаб / хакатон"),
    }
)
REQUEST_DECISIONS = Choices({"published": ("опубликован", "жарияланды"), "refused": ("отказано", "бас тартылды")})
# Appendix 9, Table 4 row 5, in the order and under the names of the edition's choice levels (T4-6).
PUBLICITY_LEVELS = Choices(
    {
        "no-outside-participants": ("без участия сторонних лиц", "бөгде тұлғалардың қатысуынсыз"),
        "announced-streamed": ("анонс и онлайн-трансляция", "анонс және онлайн-трансляция"),
        "announced-streamed-stakeholders": (
            "анонс, трансляция, заинтересованные лица",
            "анонс, трансляция, мүдделі тұлғалар",
        ),
        "announced-streamed-journalists-questions": (
            "анонс, трансляция, журналисты, вопросы в эфире",
            "анонс, трансляция, журналистер, эфирде сұрақ",
        ),
    }
)


def column(ru: str, kk: str, choices: Choices | None = None, **kwargs: Any) -> Any:
    """A model field with its titles (and closed list) recorded for the template and the loader."""
    extra: dict[str, Any] = {"title_ru": ru, "title_kk": kk}
    if choices is not None:
        extra["choices"] = choices
    return Field(default=kwargs.pop("default", None), json_schema_extra=extra, **kwargs)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="before")
    @classmethod
    def _closed_lists(cls, value: Any, info: ValidationInfo) -> Any:
        """A closed-list cell may hold the stored value or its ru/kk label; yes/no becomes a bool."""
        extra = cls.model_fields[str(info.field_name)].json_schema_extra
        choices = extra.get("choices") if isinstance(extra, dict) else None
        if not isinstance(choices, Choices) or not isinstance(value, str) or not value.strip():
            return None if isinstance(value, str) and not value.strip() else value
        parsed = choices.parse(value)
        if parsed is None:
            raise ValueError(f"{value!r} is not one of: {'; '.join(choices.labels())}")
        return parsed == "true" if choices is YES_NO else parsed


class LinkedRow(Strict):
    """A claim of a form row backed by public links: what it is, when, where in kk and ru."""

    row: str = column("№ строки формы", "Нысан жолының №", default=...)
    title_ru: str | None = column("Наименование (рус.)", "Атауы (орыс.)")
    title_kk: str | None = column("Наименование (каз.)", "Атауы (қаз.)")
    date: dt.date | None = column("Дата", "Күні")
    link_kk: str | None = column("Ссылка (каз.)", "Сілтеме (қаз.)")
    link_ru: str | None = column("Ссылка (рус.)", "Сілтеме (орыс.)")
    note: str | None = column("Примечание", "Ескертпе")
    line: int | None = None  # where the row came from: the sheet row or the list position

    @model_validator(mode="after")
    def _named(self) -> LinkedRow:
        if not (self.title_ru or self.title_kk):
            raise ValueError("give the name in Russian or in Kazakh (title_ru / title_kk)")
        return self

    def links(self) -> dict[str, str]:
        """Field name → URL of every link the row cites."""
        return {name: value for name, value in self.model_dump().items() if name.startswith("link") and value}


class OpenDataRow(LinkedRow):
    """Table 1: 1 datasets of the Unified list, 2 datasets added on request, 3 needs-finding events,
    4 datasets published automatically through the API."""

    row: Literal["1", "2", "3", "4"] = column("№ строки формы", "Нысан жолының №", default=...)
    kind: str | None = column("Вид мероприятия (строка 3)", "Іс-шара түрі (3-жол)", EVENT_KINDS)
    decision: str | None = column("Решение по запросу (строка 2)", "Сұрау бойынша шешім (2-жол)", REQUEST_DECISIONS)
    participants: int | None = column("Количество участников", "Қатысушылар саны", ge=0)


class BudgetCgoRow(LinkedRow):
    """Table 2 (CGO), rows 1-8."""

    row: Literal["1", "2", "3", "4", "5", "6", "7", "8"] = column("№ строки формы", "Нысан жолының №", default=...)
    council_date: dt.date | None = column("Дата заседания общественного совета", "Қоғамдық кеңес отырысының күні")
    received_date: dt.date | None = column("Дата получения результатов аудита", "Аудит нәтижелерін алған күні")


class BudgetMioRow(LinkedRow):
    """Table 3 (MIO), rows 1-6."""

    row: Literal["1", "2", "3", "4", "5", "6"] = column("№ строки формы", "Нысан жолының №", default=...)
    council_date: dt.date | None = column("Дата заседания общественного совета", "Қоғамдық кеңес отырысының күні")
    received_date: dt.date | None = column("Дата получения результатов аудита", "Аудит нәтижелерін алған күні")


class NpaRow(LinkedRow):
    """Table 4, rows 1-5; row 5 names the publicity level of each event of the programme."""

    row: Literal["1", "2", "3", "4", "5"] = column("№ строки формы", "Нысан жолының №", default=...)
    publicity: str | None = column("Степень публичности (строка 5)", "Жариялылық дәрежесі (5-жол)", PUBLICITY_LEVELS)


class DialogueRow(LinkedRow):
    """Table 5: 1 internet conferences and polls, 2 open meetings streamed, 3 blog entries,
    4.1-4.4 meetings with the population (schedule, action plan, reception, NGOs)."""

    row: Literal["1", "2", "3", "4.1", "4.2", "4.3", "4.4"] = column("№ строки формы", "Нысан жолының №", default=...)
    participants: int | None = column("Количество участников", "Қатысушылар саны", ge=0)
    citizens_received: int | None = column("Принято граждан (4.3)", "Қабылданған азаматтар (4.3)", ge=0)
    issues_private: int | None = column("Частные вопросы (4.3)", "Жеке мәселелер (4.3)", ge=0)
    issues_systemic: int | None = column("Системные вопросы (4.3)", "Жүйелі мәселелер (4.3)", ge=0)
    ngos: str | None = column("Перечень НКО и вопросы (4.4)", "КЕҰ тізбесі және мәселелер (4.4)")


class MediaEventRow(LinkedRow):
    """Table 5-1 row 1: an event held under the information policy, with its publicity."""

    row: Literal["1"] = column("№ строки формы", "Нысан жолының №", default="1")
    announced: bool | None = column("Анонсирование", "Анонстау", YES_NO)
    streamed: bool | None = column("Онлайн-трансляция", "Онлайн-трансляция", YES_NO)
    journalists: bool | None = column("Приглашение журналистов", "Журналистерді шақыру", YES_NO)
    live_questions: bool | None = column("Вопросы в прямом эфире", "Тікелей эфирде сұрақ қою", YES_NO)
    link_stream: str | None = column("Ссылка на запись трансляции", "Трансляция жазбасына сілтеме")
    mailing: str | None = column("Рассылка в масс-медиа (письмо)", "Масс-медиаға тарату (хат)")

    @property
    def high_publicity(self) -> bool:
        """Point 81: all four conditions together."""
        return bool(self.announced and self.streamed and self.journalists and self.live_questions)


class MediaRequestRow(Strict):
    """Table 5-1 row 2: one media request of the register, with the answer."""

    media: str = column("Масс-медиа", "Масс-медиа", default=...)
    incoming_no: str = column("Входящий №", "Кіріс №", default=...)
    incoming_date: dt.date = column("Дата запроса", "Сұрау салу күні", default=...)
    outgoing_no: str | None = column("Исходящий № ответа", "Жауаптың шығыс №")
    answer_date: dt.date | None = column("Дата ответа", "Жауап күні")
    link: str | None = column("Ссылка на материал", "Материалға сілтеме")
    line: int | None = None

    def links(self) -> dict[str, str]:
        return {"link": self.link} if self.link else {}


class SubordinateRow(Strict):
    """Table 6: 1 the organisation's website, 2 its datasets, 3 questions on the quasi-public blog platform."""

    row: Literal["1", "2", "3"] = column("№ строки формы", "Нысан жолының №", default=...)
    organisation: str = column("Подведомственная организация", "Ведомстволық бағынысты ұйым", default=...)
    link: str | None = column("Ссылка", "Сілтеме")
    registration_no: str | None = column("Регистрационный № вопроса (строка 3)", "Сұрақтың тіркеу № (3-жол)")
    line: int | None = None

    def links(self) -> dict[str, str]:
        return {"link": self.link} if self.link else {}


class General(Strict):
    """The cover of the report; the surveys are filled by the assessing body (points 83, 84)."""

    body_id: str = column("Идентификатор органа", "Органның идентификаторы", default=...)
    name_ru: str | None = column("Наименование органа (рус.)", "Органның атауы (орыс.)")
    name_kk: str | None = column("Наименование органа (каз.)", "Органның атауы (қаз.)")
    period: str = column("Отчетный период", "Есепті кезең", default=..., pattern=r"^\d{4}(-H[12])?$")
    events_total: int | None = column(
        "Общее количество проведенных мероприятий (табл. 5-1, строка 1)",
        "Өткізілген іс-шаралардың жалпы саны (5-1-кесте, 1-жол)",
        ge=0,
    )
    media_survey_percent: float | None = column(
        "Доля удовлетворенных масс-медиа, % (опрос, п. 83)",
        "Қанағаттанған масс-медиа үлесі, % (сауалнама, 83-т.)",
        ge=0,
        le=100,
    )
    population_survey_percent: float | None = column(
        "Удовлетворенность населения, % (исследование, п. 84)",
        "Халықтың қанағаттануы, % (зерттеу, 84-т.)",
        ge=0,
        le=100,
    )
    open_data_list_link: str | None = column(
        "Ссылка на утвержденный перечень открытых данных", "Ашық деректердің бекітілген тізбесіне сілтеме"
    )
    open_data_approved_count: int | None = column(
        "Количество наборов в утвержденном перечне", "Бекітілген тізбедегі жиынтықтар саны", ge=0
    )

    def links(self) -> dict[str, str]:
        return {"open_data_list_link": self.open_data_list_link} if self.open_data_list_link else {}


class DeclaredReport(Strict):
    """A body's whole report for one period."""

    format: Literal["ashyq-declared/1"] = FORMAT
    general: General
    open_data: list[OpenDataRow] = Field(default_factory=list)
    budget_cgo: list[BudgetCgoRow] = Field(default_factory=list)
    budget_mio: list[BudgetMioRow] = Field(default_factory=list)
    npa: list[NpaRow] = Field(default_factory=list)
    dialogue: list[DialogueRow] = Field(default_factory=list)
    media_events: list[MediaEventRow] = Field(default_factory=list)
    media_requests: list[MediaRequestRow] = Field(default_factory=list)
    subordinates: list[SubordinateRow] = Field(default_factory=list)


@dataclass(frozen=True)
class Form:
    """One form (sheet): its key in the report, its sheet names, the row model, its source."""

    key: str
    sheet_ru: str
    sheet_kk: str
    title_ru: str
    title_kk: str
    model: type[BaseModel]
    source: str
    kinds: tuple[str, ...] = ("cgo", "mio")
    list_form: bool = True  # False: the key/value cover sheet


FORMS: tuple[Form, ...] = (
    Form(
        "general",
        "Сведения",
        "Мәліметтер",
        "Отчет по направлению «Открытость государственного органа»",
        "«Мемлекеттік органның ашықтығы» бағыты бойынша есеп",
        General,
        "Приложение 9, шапка формы; пп. 83, 84",
        list_form=False,
    ),
    Form(
        "open_data",
        "Т1 Открытые данные",
        "Т1 Ашық деректер",
        "Таблица 1. Открытые данные",
        "1-кесте. Ашық деректер",
        OpenDataRow,
        "Приложение 9, Таблица 1",
    ),
    Form(
        "budget_cgo",
        "Т2 Открытый бюджет ЦГО",
        "Т2 Ашық бюджет ОМО",
        "Таблица 2. Открытый бюджет (ЦГО)",
        "2-кесте. Ашық бюджет (ОМО)",
        BudgetCgoRow,
        "Приложение 9, Таблица 2",
        kinds=("cgo",),
    ),
    Form(
        "budget_mio",
        "Т3 Открытый бюджет МИО",
        "Т3 Ашық бюджет ЖАО",
        "Таблица 3. Открытый бюджет (МИО)",
        "3-кесте. Ашық бюджет (ЖАО)",
        BudgetMioRow,
        "Приложение 9, Таблица 3",
        kinds=("mio",),
    ),
    Form(
        "npa",
        "Т4 Открытые НПА",
        "Т4 Ашық НҚА",
        "Таблица 4. Открытые нормативные правовые акты",
        "4-кесте. Ашық нормативтік құқықтық актілер",
        NpaRow,
        "Приложение 9, Таблица 4",
    ),
    Form(
        "dialogue",
        "Т5 Открытый диалог",
        "Т5 Ашық диалог",
        "Таблица 5. Открытый диалог",
        "5-кесте. Ашық диалог",
        DialogueRow,
        "Приложение 9, Таблица 5",
    ),
    Form(
        "media_events",
        "Т5-1 Мероприятия",
        "Т5-1 Іс-шаралар",
        "Таблица 5-1, строка 1. Мероприятия с высокой степенью публичности",
        "5-1-кесте, 1-жол. Жариялылық дәрежесі жоғары іс-шаралар",
        MediaEventRow,
        "Приложение 9, Таблица 5-1, строка 1",
    ),
    Form(
        "media_requests",
        "Т5-1 Запросы масс-медиа",
        "Т5-1 Масс-медиа сұраулары",
        "Таблица 5-1, строка 2. Запросы масс-медиа",
        "5-1-кесте, 2-жол. Масс-медиа сұрау салулары",
        MediaRequestRow,
        "Приложение 9, Таблица 5-1, строка 2",
    ),
    Form(
        "subordinates",
        "Т6 Подведомственные",
        "Т6 Ведомстволық ұйымдар",
        "Таблица 6. Открытость подведомственных организаций",
        "6-кесте. Ведомстволық бағынысты ұйымдардың ашықтығы",
        SubordinateRow,
        "Приложение 9, Таблица 6",
        kinds=("cgo",),
    ),
)
FORM_BY_KEY = {f.key: f for f in FORMS}


def forms_for(kind: str) -> list[Form]:
    """The forms a body of ``kind`` fills (Tables 2 and 6 are the CGOs', Table 3 the MIOs')."""
    return [f for f in FORMS if kind in f.kinds]


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    title: Title
    type: str  # text | int | number | date | url | choice | bool | row
    required: bool
    choices: Choices | None = None


def columns_of(model: type[BaseModel]) -> list[ColumnSpec]:
    """The visible columns of a form's model, in order (``line`` is where a row came from, not a column)."""
    out = []
    for key, info in model.model_fields.items():
        extra = info.json_schema_extra
        if key == "line" or not isinstance(extra, dict) or (key == "row" and not info.is_required()):
            continue
        choices = extra.get("choices")
        annotation = str(info.annotation)
        if key == "row":
            kind = "row"
        elif isinstance(choices, Choices):
            kind = "bool" if choices is YES_NO else "choice"
        elif "date" in annotation:
            kind = "date"
        elif "int" in annotation:
            kind = "int"
        elif "float" in annotation:
            kind = "number"
        elif key.startswith("link") or key.endswith("_link"):
            kind = "url"
        else:
            kind = "text"
        out.append(
            ColumnSpec(
                key,
                Title(str(extra["title_ru"]), str(extra["title_kk"])),
                kind,
                info.is_required(),
                choices if isinstance(choices, Choices) else None,
            )
        )
    return out


def row_choices(model: type[BaseModel]) -> list[str]:
    """The form row numbers a model accepts (its ``row`` Literal)."""
    annotation = model.model_fields["row"].annotation
    return list(getattr(annotation, "__args__", ()))
