"""budget.egov.kz content of one body: programme cards, their comments, and the body's materials.

Deadlines (methodology 2025, Tables 2–3 and Part D): budget-programme reports by 1 April of the
following year, draft programmes by 15 May, state-audit results within 15 working days of
receipt, the development-plan report within 15 working days of its formation. On-time items are
posted well inside a deadline and late ones well past it, so no reasonable reading of the rule
flips them.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from ashyq_replica.core import World, WorldBody
from ashyq_replica.portals.content.calendar import at, draft_year, not_after, report_year
from ashyq_replica.portals.content.model import (
    FINANCIAL_STATEMENTS,
    LANGS,
    Bilingual,
    BudgetComment,
    BudgetContent,
    BudgetFile,
    BudgetMaterial,
    BudgetProgramme,
    BudgetRow,
    Lang,
    MaterialKind,
)
from ashyq_replica.portals.content.profiles import BudgetProfile
from ashyq_replica.portals.content.wording import (
    ANSWER_ACCEPTED,
    ANSWER_EXPLAINED,
    ANSWER_REJECTED,
    BUDGET_PROGRAMMES,
    COMMENTS,
    PEOPLE,
    THEME_OF_BODY,
)

B = Bilingual

MATERIAL_TITLES: dict[MaterialKind, Bilingual] = {
    "fs_balance": B("Бухгалтерлік баланс", "Бухгалтерский баланс"),
    "fs_results": B("Қаржылық нәтижелер туралы есеп", "Отчёт о результатах финансовой деятельности"),
    "fs_cashflow": B("Ақша қаражатының қозғалысы туралы есеп", "Отчёт о движении денег"),
    "fs_net_assets": B(
        "Таза активтердегі/капиталдағы өзгерістер туралы есеп", "Отчёт об изменениях чистых активов/капитала"
    ),
    "fs_note": B("Түсіндірме жазба", "Пояснительная записка"),
    "plan_report": B("Даму жоспарының іске асырылуы туралы есеп", "Отчёт о реализации плана развития"),
    "programme_report": B(
        "Бюджеттік бағдарламалардың іске асырылуы туралы есеп", "Отчёт о реализации бюджетных программ"
    ),
    "audit_results": B(
        "Мемлекеттік аудит және қаржылық бақылау нәтижелері",
        "Результаты государственного аудита и финансового контроля",
    ),
    "citizen_budget": B("Азаматтық бюджет", "Гражданский бюджет"),
    "discussion_announcement": B("Жария талқылау туралы хабарландыру", "Объявление о публичном обсуждении"),
}

FIELD_LABELS: tuple[tuple[str, Bilingual], ...] = (
    ("admin", B("Бюджеттік бағдарламалар әкімшісі", "Администратор бюджетных программ")),
    ("kind", B("Бюджеттік бағдарламаның түрі", "Вид бюджетной программы")),
    ("purpose", B("Бюджеттік бағдарламаның мақсаты", "Цель бюджетной программы")),
    ("description", B("Бюджеттік бағдарламаның сипаттамасы", "Описание бюджетной программы")),
    ("amount", B("Қаржыландыру көлемі, мың теңге", "Объём финансирования, тыс. тенге")),
    ("indicator", B("Тікелей нәтиже көрсеткіші", "Показатель прямого результата")),
)
EXECUTION_LABEL = B("Атқарылуы, %", "Исполнение, %")


def build_budget(world: World, body: WorldBody, profile: BudgetProfile | None, index: int) -> BudgetContent | None:
    if body.ids.budget_gov_agency_id is None:
        return None
    rng = world.rng("budget", body.id)
    ids = _Ids(9_100_000 + index * 10_000)
    if "budget_restricted" in body.tags or profile is None:
        # Restricted budget information: the portal names the programmes and shows a notice.
        names = BUDGET_PROGRAMMES[THEME_OF_BODY[body.id]]
        programmes = tuple(
            BudgetProgramme(
                2_270_000 + index * 100 + n,
                f"{n + 1:03d}",
                name,
                {"PROJECT": (), "APPROVED": (), "REPORT": ()},
                draft_year(world.as_of),
                world.as_of,
                (),
                (),
            )
            for n, name in enumerate(names)
        )
        return BudgetContent(restricted=True, programmes=programmes)
    y = report_year(world.as_of)
    as_of = world.as_of
    draft_posted = (
        not_after(date(draft_year(as_of), 6, rng.randint(1, 25)), as_of)
        if profile.drafts_late
        else date(draft_year(as_of), 5, rng.randint(2, 14))
    )
    report_posted = (
        not_after(date(y + 1, 4, rng.randint(15, 28)), as_of)
        if profile.programme_reports_late
        else date(y + 1, 3, rng.randint(10, 27))
    )
    programmes = _programmes(world, body, profile, rng, ids, index, draft_posted, report_posted)
    materials = _materials(world, profile, rng, ids, y, draft_posted, report_posted)
    return BudgetContent(restricted=False, programmes=programmes, materials=materials)


class _Ids:
    def __init__(self, start: int) -> None:
        self.next_id = start

    def take(self) -> int:
        self.next_id += 1
        return self.next_id


def _programmes(
    world: World,
    body: WorldBody,
    profile: BudgetProfile,
    rng: random.Random,
    ids: _Ids,
    index: int,
    draft_posted: date,
    report_posted: date,
) -> tuple[BudgetProgramme, ...]:
    names = BUDGET_PROGRAMMES[THEME_OF_BODY[body.id]][: profile.programmes]
    unanswered_left = profile.unanswered_comments
    programmes = []
    for n, name in enumerate(names):
        tabs = {tab: _rows(body, name, rng, tab) for tab in ("PROJECT", "APPROVED", "REPORT")}
        if n < profile.draft_gaps:  # the draft's purpose left empty in both languages
            tabs["PROJECT"] = tuple(
                BudgetRow(r.key, r.label, B("", "")) if r.key == "purpose" else r for r in tabs["PROJECT"]
            )
        elif n < profile.draft_gaps + profile.draft_gaps_kk:  # the Kazakh draft lacks its indicator
            tabs["PROJECT"] = tuple(
                BudgetRow(r.key, r.label, B("", r.value.ru)) if r.key == "indicator" else r for r in tabs["PROJECT"]
            )
        comments = []
        for _ in range(rng.randint(2, 3)):
            unanswered = unanswered_left > 0
            unanswered_left -= unanswered
            comments.append(_comment(world.as_of, rng, ids, draft_posted, unanswered))
        year = draft_year(world.as_of)
        files = (
            BudgetFile(
                ids.take(),
                B(
                    f"Бюджеттік бағдарлама жобасы {year + 1}–{year + 3}",
                    f"Проект бюджетной программы на {year + 1}–{year + 3} годы",
                ),
                draft_posted,
            ),
            BudgetFile(
                ids.take(),
                B(
                    f"Бюджеттік бағдарламаның іске асырылуы туралы есеп, {report_year(world.as_of)}",
                    f"Отчёт о реализации бюджетной программы за {report_year(world.as_of)} год",
                ),
                report_posted,
            ),
        )
        programmes.append(
            BudgetProgramme(
                budget_id=2_270_000 + index * 100 + n,
                code=f"{n + 1:03d}",
                name=name,
                tabs=tabs,
                draft_year=year,
                draft_posted=draft_posted,
                files=files,
                comments=tuple(comments),
            )
        )
    return tuple(programmes)


def _rows(body: WorldBody, name: Bilingual, rng: random.Random, tab: str) -> tuple[BudgetRow, ...]:
    amount = f"{rng.randint(150_000, 90_000_000):,}".replace(",", " ") + ",0"
    people = rng.randint(800, 60_000)
    values = {
        "admin": B(body.names.kk, body.names.ru),
        "kind": B("Мемлекеттік функцияларды іске асыру", "Осуществление государственных функций"),
        "purpose": B(
            f"«{name.kk}» бағыты бойынша қызметтердің қолжетімділігін арттыру",
            f"Повышение доступности услуг по направлению «{name.ru}»",
        ),
        "description": B(
            "Бағдарлама шеңберінде көзделген іс-шараларды қаржыландыру",
            "Финансирование мероприятий, предусмотренных программой",
        ),
        "amount": B(amount, amount),
        "indicator": B(f"Қызмет алушылар саны: {people} адам", f"Количество получателей услуг: {people} человек"),
    }
    rows = [BudgetRow(key, label, values[key]) for key, label in FIELD_LABELS]
    if tab == "REPORT":
        executed = f"{rng.uniform(91, 100):.1f}".replace(".", ",")
        rows.append(BudgetRow("execution", EXECUTION_LABEL, B(executed, executed)))
    return tuple(rows)


def _comment(as_of: date, rng: random.Random, ids: _Ids, draft_posted: date, unanswered: bool) -> BudgetComment:
    posted = at(
        not_after(draft_posted + timedelta(days=rng.randint(1, 12)), as_of), rng.randint(9, 20), rng.randint(0, 59)
    )
    accepted = None if unanswered else rng.choice((True, False, None))
    lang = rng.choice((0, 1))
    answer = None
    if not unanswered:
        bank = ANSWER_ACCEPTED if accepted else ANSWER_REJECTED if accepted is False else ANSWER_EXPLAINED
        answer = bank[lang]
    answered = None if unanswered else min(posted + timedelta(days=rng.randint(1, 6)), at(as_of, 18))
    return BudgetComment(
        id=ids.take(),
        tab="PROJECT",
        field_key=rng.choice(("purpose", "amount", "indicator")),
        author=rng.choice(PEOPLE),
        text=rng.choice(COMMENTS),
        posted=posted,
        accepted=accepted,
        answer=answer,
        answered=answered,
    )


def _materials(
    world: World,
    profile: BudgetProfile,
    rng: random.Random,
    ids: _Ids,
    y: int,
    draft_posted: date,
    report_posted: date,
) -> tuple[BudgetMaterial, ...]:
    as_of = world.as_of
    items: list[BudgetMaterial] = []

    def add(
        kind: MaterialKind,
        year: int,
        posted: date,
        langs: tuple[Lang, ...] = LANGS,
        full: Bilingual | None = None,
        **dates: date,
    ) -> None:
        title = MATERIAL_TITLES[kind]
        full = full or B(f"{title.kk}, {year} жыл", f"{title.ru} за {year} год")
        posted = not_after(posted, as_of)
        items.append(
            BudgetMaterial(ids.take(), kind, full, year, posted, BudgetFile(ids.take(), full, posted, langs), **dates)
        )

    for kind in FINANCIAL_STATEMENTS:
        langs: tuple[Lang, ...] = ("ru",) if kind in profile.statements_missing_kk else LANGS
        add(kind, y, date(y + 1, 4, rng.randint(5, 25)), langs)
    formed = date(y + 1, 2, rng.randint(1, 10))
    add(
        "plan_report",
        y,
        formed + timedelta(days=rng.randint(40, 60) if profile.plan_report_late else rng.randint(2, 9)),
        formed=formed,
    )
    add("programme_report", y, report_posted)
    received = as_of - timedelta(days=rng.randint(90, 150))
    add(
        "audit_results",
        y,
        received + timedelta(days=rng.randint(40, 55) if profile.audit_late else rng.randint(3, 10)),
        received=received,
    )
    if profile.citizen_budget:
        add(
            "citizen_budget",
            as_of.year,
            date(as_of.year - 1, 12, rng.randint(10, 28)),
            full=B(f"{as_of.year} жылға арналған азаматтық бюджет", f"Гражданский бюджет на {as_of.year} год"),
        )
    if profile.announcements:
        d = draft_year(as_of) + 1
        add(
            "discussion_announcement",
            d,
            draft_posted - timedelta(days=1),
            full=B(
                f"{d}–{d + 2} жылдарға арналған бюджеттік бағдарламалар жобаларын жария талқылау туралы хабарландыру",
                f"Объявление о публичном обсуждении проектов бюджетных программ на {d}–{d + 2} годы",
            ),
        )
        add(
            "discussion_announcement",
            y,
            report_posted + timedelta(days=2),
            full=B(
                f"{y} жылғы бюджеттік бағдарламалардың іске асырылуы туралы есептерді"
                " жария талқылау туралы хабарландыру",
                f"Объявление о публичном обсуждении отчётов о реализации бюджетных программ за {y} год",
            ),
        )
    return tuple(items)
