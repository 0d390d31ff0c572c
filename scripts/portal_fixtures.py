"""Write the check fixtures of the portal items (tests/checks/T1-*, T2-*, T3-*, T4-*, T5-*,
A12-OD-*, A12-B-*, A12-N-*): small portal records in Kazakh and Russian, one case per file.

The fixtures are data (docs/check-fixtures.md); this script is how they were written, so a change
of the record shapes is one edit here. Usage: python scripts/portal_fixtures.py
"""

from __future__ import annotations

import copy
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1] / "tests" / "checks"
AS_OF = "2026-11-20"
ALMATY = timezone(timedelta(hours=5))
DATA = "https://data.egov.kz"
BUDGET = "https://budget.egov.kz"
LEGAL = "https://legalacts.egov.kz"


def write(item: str, name: str, about: str, case: dict[str, Any]) -> None:
    folder = ROOT / item
    folder.mkdir(parents=True, exist_ok=True)
    text = f"# {about}\n" + yaml.safe_dump(case, allow_unicode=True, sort_keys=False, width=120)
    (folder / f"{name}.yaml").write_text(text, encoding="utf-8")


def expect(status: str, langs: tuple[str, ...] = ("kk", "ru"), **extra: Any) -> list[dict[str, Any]]:
    return [{"lang": lang, "status": status, **extra} for lang in langs]


# ============================================================================== data.egov.kz
DATASETS = [
    # (apiUri, kk, ru, periodicity, last update)
    ("obl_mektepter", "Облыстағы мектептер тізімі", "Список школ области", "YEARLY", date(2026, 9, 1)),
    ("obl_dariakhanalar", "Дәріханалардың мекенжайлары", "Адреса аптек", "QUARTERLY", date(2026, 10, 2)),
    ("obl_bos_oryndar", "Бос жұмыс орындары туралы мәліметтер", "Сведения о вакансиях", "MONTHLY", date(2026, 11, 3)),
]
FIELDS = {
    "id": ("Реттік нөмірі", "Порядковый номер"),
    "name": ("Атауы", "Наименование"),
    "address": ("Мекенжайы", "Адрес"),
}


def epoch_ms(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, 10, 0, tzinfo=ALMATY).timestamp() * 1000)


def unified(entries: list[tuple[str, str, str, str, date]] = DATASETS) -> list[dict[str, Any]]:
    return [
        {"code": f"OBL-OD-{n:02d}", "name": {"kk": kk, "ru": ru}, "actualize_type": period, "api_uri": api}
        for n, (api, kk, ru, period, _) in enumerate(entries, start=1)
    ]


def dataset(api: str, kk: str, ru: str, period: str, updated: date) -> dict[str, Any]:
    return {
        "portal": "data",
        "kind": "dataset",
        "lang": "ru",
        "external_id": api,
        "source_url": f"{DATA}/datasets/getdatasetsre?byGovAgencyId=AGY-OBL-0101&status=PUBLISHED&page=1&count=10",
        "payload": {
            "apiUri": api,
            "nameKk": kk,
            "nameRu": ru,
            "descriptionKk": f"«{kk}» деректер жинағы.",
            "descriptionRu": f"Набор данных «{ru}».",
            "modifiedDate": epoch_ms(updated),
            "actualizeType": period,
            "datasetsCount": 1,
            "status": "PUBLISHED",
        },
    }


def passport(api: str, kk: str, ru: str, labels_kk: bool = True) -> dict[str, Any]:
    fields = {
        name: {"type": "String", "labelKk": k if labels_kk or name == "id" else "", "labelRu": r}
        for name, (k, r) in FIELDS.items()
    }
    return {
        "portal": "data",
        "kind": "passport",
        "lang": "ru",
        "external_id": f"{api}/v1",
        "source_url": f"{DATA}/meta/{api}/v1",
        "payload": {
            "apiUri": api,
            "nameKk": kk,
            "nameRu": ru,
            "descriptionKk": f"«{kk}» деректер жинағы.",
            "descriptionRu": f"Набор данных «{ru}».",
            "fullnameKk": "Омаров Бауыржан Қайратұлы",
            "fullnameRu": "Омаров Бауржан Кайратович",
            "fields": fields,
            "_version": "v1",
        },
    }


def data_records(
    datasets: list[tuple[str, str, str, str, date]] = DATASETS, kk_gaps: tuple[str, ...] = ()
) -> list[dict[str, Any]]:
    records = [
        {
            "portal": "data",
            "kind": "coverage",
            "lang": "ru",
            "source_url": DATA,
            "payload": {"content": "datasets", "measurable": True, "count": len(datasets)},
        }
    ]
    for api, kk, ru, period, updated in datasets:
        records.append(dataset(api, kk, ru, period, updated))
        records.append(passport(api, kk, ru, labels_kk=api not in kk_gaps))
    return records


def data_case(kind: str = "cgo", **kw: Any) -> dict[str, Any]:
    return {
        "body": {"kind": kind, "as_of": AS_OF},
        "config": {"unified_list": unified()},
        "records": data_records(**kw),
    }


def open_data_fixtures() -> None:
    stale = [*DATASETS[:2], (*DATASETS[2][:4], date(2026, 8, 1))]  # the monthly set last updated in August
    missing = DATASETS[:2]
    catalogue_timeout = [
        {
            "url": f"{DATA}/datasets/getdatasetsre?byGovAgencyId=AGY-OBL-0101&status=PUBLISHED&page=1&count=10",
            "reason": "timeout",
            "detail": "TimeoutError after 20 s",
        }
    ]
    for item, kind in (("T1-1", "cgo"), ("T1-3", "mio")):
        write(
            item,
            "pass_all_published",
            "Every set of the Unified list is published and fresh (kk and ru).",
            {**data_case(kind), "expect": expect("pass", measured={"numerator": 3, "denominator": 3})},
        )
        write(
            item,
            "not_applicable_empty_list",
            "The Unified list names no dataset of the body: the maximum.",
            {**data_case(kind), "config": {"unified_list": []}, "expect": expect("not_applicable")},
        )
        write(
            item,
            "not_assessed_catalogue_timeout",
            "The catalogue hung: nothing can be said, never a deduction.",
            {**data_case(kind), "failures": catalogue_timeout, "expect": expect("not_assessed")},
        )
        write(
            item,
            "not_assessed_list_unknown",
            "A real body: the Unified list is not published machine-readably.",
            {**data_case(kind), "config": {}, "expect": expect("not_assessed")},
        )
    write(
        "T1-1",
        "partial_one_missing",
        "The vacancies set of the list was never published.",
        {
            **data_case(datasets=missing),
            "expect": expect("partial", measured={"numerator": 2, "denominator": 3}, deficiencies=1),
        },
    )
    write(
        "T1-3",
        "partial_monthly_set_stale",
        "The monthly set was last updated on 1 August (111 days before).",
        {
            **data_case(datasets=stale),
            "expect": expect("partial", measured={"numerator": 2, "denominator": 3}, deficiencies=1),
        },
    )
    write(
        "T1-3",
        "partial_missing_counts_as_late",
        "A set never published is not on time either.",
        {**data_case(datasets=missing), "expect": expect("partial", measured={"numerator": 2, "denominator": 3})},
    )
    write(
        "T1-4",
        "pass_passports_complete",
        "Every passport is filled in both languages.",
        {**data_case(), "expect": expect("pass", measured={"share": 1.0})},
    )
    write(
        "T1-4",
        "partial_kk_labels_missing",
        "One Kazakh passport lacks its field labels; Russian is complete.",
        {
            **data_case(kk_gaps=("obl_dariakhanalar",)),
            "expect": [
                {"lang": "kk", "status": "partial", "measured": {"numerator": 2, "denominator": 3}, "deficiencies": 1},
                {"lang": "ru", "status": "pass"},
            ],
        },
    )
    passports_blocked = data_case()
    passports_blocked["records"] = [r for r in passports_blocked["records"] if r["kind"] != "passport"]
    passports_blocked["failures"] = [
        {"url": f"{DATA}/meta/{api}/v1", "reason": "antibot", "status_code": 400, "detail": "reCAPTCHA"}
        for api, *_ in DATASETS
    ]
    write(
        "T1-4",
        "not_assessed_passports_antibot",
        "The passports answered with a reCAPTCHA.",
        {**passports_blocked, "expect": expect("not_assessed")},
    )
    write(
        "A12-OD-3",
        "pass_on_schedule",
        "Every list entry is published and updated on schedule.",
        {**data_case(), "expect": expect("pass")},
    )
    write(
        "A12-OD-3",
        "partial_stale_and_missing",
        "One set missing, none stale: one deficiency (−0.1).",
        {**data_case(datasets=missing), "expect": expect("partial", deficiencies=1)},
    )
    write(
        "A12-OD-3",
        "partial_stale",
        "The monthly set is overdue: one deficiency.",
        {**data_case(datasets=stale), "expect": expect("partial", deficiencies=1)},
    )
    write(
        "A12-OD-5",
        "pass_passports",
        "An akimat's passports are complete.",
        {**data_case("mio"), "expect": expect("pass")},
    )
    write(
        "A12-OD-5",
        "partial_kk_passport",
        "Two Kazakh passports lack labels: two deficiencies in kk.",
        {
            **data_case("mio", kk_gaps=("obl_dariakhanalar", "obl_mektepter")),
            "expect": [{"lang": "kk", "status": "partial", "deficiencies": 2}, {"lang": "ru", "status": "pass"}],
        },
    )


# ============================================================================== budget.egov.kz
MATERIAL_TITLES = {
    "fs_balance": ("Бухгалтерлік баланс, 2025 жыл", "Бухгалтерский баланс за 2025 год"),
    "fs_results": (
        "Қаржылық нәтижелер туралы есеп, 2025 жыл",
        "Отчёт о результатах финансовой деятельности за 2025 год",
    ),
    "fs_cashflow": ("Ақша қаражатының қозғалысы туралы есеп, 2025 жыл", "Отчёт о движении денег за 2025 год"),
    "fs_net_assets": (
        "Таза активтердегі өзгерістер туралы есеп, 2025 жыл",
        "Отчёт об изменениях чистых активов/капитала за 2025 год",
    ),
    "fs_note": ("Түсіндірме жазба, 2025 жыл", "Пояснительная записка за 2025 год"),
    "plan_report": (
        "Даму жоспарының іске асырылуы туралы есеп, 2025 жыл",
        "Отчёт о реализации плана развития за 2025 год",
    ),
    "programme_report": (
        "Бюджеттік бағдарламалардың іске асырылуы туралы есеп, 2025 жыл",
        "Отчёт о реализации бюджетных программ за 2025 год",
    ),
    "audit_results": (
        "Мемлекеттік аудит және қаржылық бақылау нәтижелері, 2025 жыл",
        "Результаты государственного аудита и финансового контроля за 2025 год",
    ),
    "citizen_budget": ("2026 жылға арналған азаматтық бюджет", "Гражданский бюджет на 2026 год"),
    "discussion_announcement": (
        "2027–2029 жылдарға арналған бюджеттік бағдарламалар жобаларын жария талқылау туралы хабарландыру",
        "Объявление о публичном обсуждении проектов бюджетных программ на 2027–2029 годы",
    ),
}
INFO = {
    "posted": ("Жарияланған күні", "Дата публикации"),
    "received": ("Алынған күні", "Дата получения"),
    "formed": ("Қалыптастырылған күні", "Дата формирования"),
    "period": ("Кезең", "Период"),
}
DATES: dict[str, dict[str, str]] = {
    "fs_balance": {"posted": "17.04.2026"},
    "fs_results": {"posted": "07.04.2026"},
    "fs_cashflow": {"posted": "22.04.2026"},
    "fs_net_assets": {"posted": "08.04.2026"},
    "fs_note": {"posted": "20.04.2026"},
    "plan_report": {"formed": "10.02.2026", "posted": "18.02.2026"},
    "programme_report": {"posted": "25.03.2026"},
    "audit_results": {"received": "20.03.2026", "posted": "15.04.2026"},  # Friday before Nauryz: on the 15th day
    "citizen_budget": {"posted": "14.12.2025", "period": "2026"},
    "discussion_announcement": {"posted": "02.05.2026", "period": "2027"},
}
FIELD_ROWS = [
    ("Бюджеттік бағдарламалар әкімшісі", "Администратор бюджетных программ", "Облыс әкімдігі", "Акимат области"),
    (
        "Бюджеттік бағдарламаның мақсаты",
        "Цель бюджетной программы",
        "Білім беру қызметтерінің қолжетімділігін арттыру",
        "Повышение доступности услуг образования",
    ),
    (
        "Тікелей нәтиже көрсеткіші",
        "Показатель прямого результата",
        "Қызмет алушылар саны: 37509 адам",
        "Количество получателей услуг: 37509 человек",
    ),
]


def material(kind: str, lang: str, n: int, dates: dict[str, str] | None = None) -> dict[str, Any]:
    i = 0 if lang == "kk" else 1
    title = MATERIAL_TITLES[kind][i]
    values = {**{"period": "2025"}, **(dates or DATES[kind])}
    info = {INFO[key][i]: value for key, value in values.items()}
    url = f"{BUDGET}/application/document?govAgencyId=3660&documentId={9110000 + n}"
    posted = values["posted"]
    return {
        "portal": "budget",
        "kind": "material",
        "lang": lang,
        "external_id": str(9110000 + n),
        "source_url": url,
        "payload": {
            "title": title,
            "info": info,
            "url": url,
            "files": [
                {
                    "title": title,
                    "date": "-".join(reversed(posted.split("."))),
                    "url": f"{BUDGET}/application/downloadfile?id={9120000 + n}",
                }
            ],
        },
    }


def programme(
    lang: str,
    n: int,
    empty: tuple[str, ...] = (),
    draft_day: str = "2026-05-06",
    comments: tuple[bool, ...] = (True, True),
) -> list[dict[str, Any]]:
    i = 0 if lang == "kk" else 1
    budget_id = str(2270100 + n)
    card = f"{BUDGET}/budgetprogram/budgetprogram?govAgencyId=3660&budgetId={budget_id}"
    names = (
        ("Білім беру ұйымдарын қаржыландыру", "Финансирование организаций образования"),
        ("Жолдарды жөндеу", "Ремонт автомобильных дорог"),
    )[n % 2]
    rows = [{"label": row[i], "value": "" if row[i] in empty or row[0] in empty else row[2 + i]} for row in FIELD_ROWS]
    records: list[dict[str, Any]] = [
        {
            "portal": "budget",
            "kind": "programme",
            "lang": lang,
            "external_id": budget_id,
            "source_url": card,
            "payload": {
                "title": f"00{n + 1} «{names[i]}»",
                "tabs": {"PROJECT": rows},
                "restricted_notice": None,
                "url": card,
            },
        },
        {
            "portal": "budget",
            "kind": "file",
            "lang": lang,
            "external_id": str(9130000 + n),
            "source_url": card,
            "payload": {
                "title": ("Бюджеттік бағдарлама жобасы 2027–2029", "Проект бюджетной программы на 2027–2029 годы")[i],
                "date": draft_day,
                "programme": budget_id,
                "card_url": card,
            },
        },
    ]
    for k, answered in enumerate(comments):
        records.append(
            {
                "portal": "budget",
                "kind": "comment",
                "lang": lang,
                "external_id": f"{budget_id}{k}",
                "source_url": card,
                "payload": {
                    "tab": "PROJECT",
                    "field": FIELD_ROWS[1][i],
                    "text": "Нысаналы индикаторларды нақтылауды ұсынамын."
                    if k % 2
                    else "Предлагаю уточнить целевые индикаторы программы.",
                    "answered": answered,
                    "answer": ("Ұсыныс қабылданды." if lang == "kk" else "Предложение принято.") if answered else None,
                },
            }
        )
    return records


def budget_records(
    kind: str = "cgo",
    drop: dict[str, tuple[str, ...]] | None = None,
    dates: dict[str, dict[str, str]] | None = None,
    programme_args: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    drop = drop or {}
    kinds = list(MATERIAL_TITLES)
    if kind == "mio":
        kinds = [k for k in kinds if not k.startswith("fs_") and k != "plan_report"]
    records: list[dict[str, Any]] = []
    for lang in ("kk", "ru"):
        records.append(
            {
                "portal": "budget",
                "kind": "coverage",
                "lang": lang,
                "source_url": BUDGET,
                "payload": {"content": "budget_search", "measurable": True, "count": 2},
            }
        )
        for n, k in enumerate(kinds):
            if lang in drop.get(k, ()):
                continue
            records.append(material(k, lang, n * 2 + (lang == "ru"), (dates or {}).get(k)))
        for n in range(2):
            args = (programme_args or {}).get(lang, {}) if n == 0 else {}
            records += programme(lang, n, **args)
    return records


def budget_case(kind: str = "cgo", **kw: Any) -> dict[str, Any]:
    return {"body": {"kind": kind, "as_of": AS_OF}, "records": budget_records(kind, **kw)}


RESTRICTED = (
    "Бюджеттік ақпарат шектеулі таралатын қызметтік ақпаратқа жатады және жарияланбайды.",
    "Бюджетная информация относится к служебной информации ограниченного распространения и не публикуется.",
)


def restricted_case() -> dict[str, Any]:
    records = []
    for i, lang in enumerate(("kk", "ru")):
        records.append(
            {
                "portal": "budget",
                "kind": "coverage",
                "lang": lang,
                "source_url": BUDGET,
                "payload": {"content": "budget_search", "measurable": True, "count": 1, "reason": RESTRICTED[i]},
            }
        )
        card = f"{BUDGET}/budgetprogram/budgetprogram?govAgencyId=3501&budgetId=2270200"
        records.append(
            {
                "portal": "budget",
                "kind": "programme",
                "lang": lang,
                "external_id": "2270200",
                "source_url": card,
                "payload": {"title": "001", "tabs": {}, "restricted_notice": RESTRICTED[i], "url": card},
            }
        )
    return {"body": {"kind": "cgo", "as_of": AS_OF}, "records": records}


SEARCH_ANTIBOT = [
    {
        "url": f"{BUDGET}/application/search?budgetStatus=ALL&govAgencyId=3660&page=1&searchType=ALL",
        "reason": "antibot",
        "status_code": 400,
        "detail": "Request blocked",
    }
]


def budget_fixtures() -> None:
    late_dates = {
        "programme_report": {"posted": "14.04.2026"},
        "audit_results": {"received": "20.03.2026", "posted": "16.04.2026"},
        "plan_report": {"formed": "02.02.2026", "posted": "10.03.2026"},
    }
    late_drafts = {"kk": {"draft_day": "2026-06-11"}, "ru": {"draft_day": "2026-06-11"}}
    cgo_mio = (("cgo", "T2"), ("mio", "T3"))
    # rows present in both tables: (2025 row per kind) → cases
    pairs = {
        "programme_report": ("T2-3", "T3-1"),
        "audit_results": ("T2-4", "T3-2"),
        "citizen_budget": ("T2-5", "T3-3"),
        "drafts_complete": ("T2-8", "T3-4"),
        "drafts_on_time": ("T2-9", "T3-5"),
        "comments": ("T2-10", "T3-6"),
    }
    for n, (kind, _) in enumerate(cgo_mio):
        t = {key: items[n] for key, items in pairs.items()}
        write(
            t["programme_report"],
            "pass_by_first_of_april",
            "Reports for 2025 posted on 25 March 2026.",
            {**budget_case(kind), "expect": expect("pass")},
        )
        write(
            t["programme_report"],
            "fail_after_first_of_april",
            "Reports for 2025 posted on 14 April 2026.",
            {**budget_case(kind, dates=late_dates), "expect": expect("fail", deficiencies=1)},
        )
        write(
            t["audit_results"],
            "pass_fifteenth_working_day_after_nauryz",
            "Received Friday 20.03.2026, posted 15.04.2026: the 15th working day after Nauryz and its moved days.",
            {**budget_case(kind), "expect": expect("pass", measured={"working_days": 15})},
        )
        write(
            t["audit_results"],
            "fail_sixteenth_working_day",
            "Received 20.03.2026, posted 16.04.2026: day 16.",
            {**budget_case(kind, dates=late_dates), "expect": expect("fail", measured={"working_days": 16})},
        )
        write(
            t["citizen_budget"],
            "pass_citizen_budget",
            "A citizen budget for 2026 in both languages.",
            {**budget_case(kind), "expect": expect("pass")},
        )
        write(
            t["citizen_budget"],
            "fail_no_citizen_budget",
            "No citizen budget in Kazakh; the Russian one is there.",
            {
                **budget_case(kind, drop={"citizen_budget": ("kk",)}),
                "expect": [{"lang": "kk", "status": "fail"}, {"lang": "ru", "status": "pass"}],
            },
        )
        write(
            t["drafts_complete"],
            "pass_drafts_filled",
            "Every draft programme field is filled in both languages.",
            {**budget_case(kind), "expect": expect("pass")},
        )
        write(
            t["drafts_complete"],
            "partial_kk_indicator_empty",
            "The Kazakh draft leaves its indicator empty.",
            {
                **budget_case(kind, programme_args={"kk": {"empty": ("Тікелей нәтиже көрсеткіші",)}}),
                "expect": [
                    {"lang": "kk", "status": "partial", "measured": {"numerator": 1, "denominator": 2}},
                    {"lang": "ru", "status": "pass"},
                ],
            },
        )
        write(
            t["drafts_on_time"],
            "pass_by_fifteenth_of_may",
            "Drafts for 2027–2029 posted on 6 May 2026.",
            {**budget_case(kind), "expect": expect("pass")},
        )
        write(
            t["drafts_on_time"],
            "partial_one_draft_in_june",
            "One of two drafts was posted on 11 June 2026.",
            {
                **budget_case(kind, programme_args=late_drafts),
                "expect": expect("partial", measured={"numerator": 1, "denominator": 2}),
            },
        )
        write(
            t["comments"],
            "pass_all_answered",
            "Every comment on the drafts has an answer.",
            {**budget_case(kind), "expect": expect("pass")},
        )
        write(
            t["comments"],
            "partial_one_unanswered",
            "One of four comments was left without an answer.",
            {
                **budget_case(kind, programme_args={lang: {"comments": (True, False)} for lang in ("kk", "ru")}),
                "expect": expect("partial", measured={"numerator": 3, "denominator": 4}, deficiencies=1),
            },
        )
        for item in t.values():
            write(
                item,
                "not_assessed_search_antibot",
                "The search answered 400 (anti-bot): not assessed.",
                {**budget_case(kind), "failures": SEARCH_ANTIBOT, "expect": expect("not_assessed")},
            )
    for item in ("T2-1", "T2-2", "T2-3", "T2-6", "T2-7", "T2-10", "A12-B-1", "A12-B-9"):
        write(
            item,
            "not_assessed_restricted",
            "The Ministry of Defence: budget information restricted (point 67).",
            {**restricted_case(), "expect": expect("not_assessed")},
        )
    write(
        "T2-1",
        "pass_five_statements",
        "All five consolidated statements in both languages.",
        {**budget_case(), "expect": expect("pass", measured={"numerator": 5, "denominator": 5})},
    )
    write(
        "T2-1",
        "partial_note_missing_in_kk",
        "The explanatory note is posted in Russian only.",
        {
            **budget_case(drop={"fs_note": ("kk",)}),
            "expect": [
                {"lang": "kk", "status": "partial", "measured": {"numerator": 4}, "deficiencies": 1},
                {"lang": "ru", "status": "pass"},
            ],
        },
    )
    write(
        "T2-1",
        "fail_no_statement",
        "No consolidated statement at all (other materials are there).",
        {
            **budget_case(drop={k: ("kk", "ru") for k in MATERIAL_TITLES if k.startswith("fs_")}),
            "expect": expect("fail", deficiencies=5),
        },
    )
    write(
        "T2-2",
        "pass_within_fifteen_days",
        "Formed 10.02.2026, posted 18.02.2026: 6 working days.",
        {**budget_case(), "expect": expect("pass", measured={"working_days": 6})},
    )
    write(
        "T2-2",
        "fail_late",
        "Formed 02.02.2026, posted 10.03.2026: 25 working days.",
        {**budget_case(dates=late_dates), "expect": expect("fail")},
    )
    write(
        "T2-6",
        "pass_rows_complete",
        "Materials of rows 1–5 all present in both languages.",
        {**budget_case(), "expect": expect("pass", measured={"numerator": 5, "denominator": 5})},
    )
    write(
        "T2-6",
        "partial_kk_statement_missing",
        "The Kazakh explanatory note is missing: row 1 incomplete.",
        {
            **budget_case(drop={"fs_note": ("kk",)}),
            "expect": [
                {"lang": "kk", "status": "partial", "measured": {"numerator": 4, "denominator": 5}},
                {"lang": "ru", "status": "pass"},
            ],
        },
    )
    write(
        "T2-7",
        "pass_on_time",
        "Plan report, programme reports and audit results all on time.",
        {**budget_case(), "expect": expect("pass", measured={"numerator": 3, "denominator": 3})},
    )
    write(
        "T2-7",
        "partial_audit_late",
        "The audit results came on the 16th working day.",
        {
            **budget_case(dates={"audit_results": late_dates["audit_results"]}),
            "expect": expect("partial", measured={"numerator": 2, "denominator": 3}),
        },
    )
    weekend = {"programme_report": {"posted": "03.04.2023", "period": "2022"}}
    write(
        "T2-3",
        "pass_first_of_april_on_saturday",
        "1 April 2023 was a Saturday: reports posted Monday 3 April 2023 are on time.",
        {
            "body": {"kind": "cgo", "as_of": "2023-11-20"},
            "records": budget_records(dates=weekend),
            "expect": expect("pass", measured={"deadline": "2023-04-03"}),
        },
    )
    write(
        "T2-3",
        "fail_first_of_april_on_saturday_without_shift",
        "The same with the shift switched off (deadlines.yaml): 3 April is late.",
        {
            "body": {"kind": "cgo", "as_of": "2023-11-20"},
            "records": budget_records(dates=weekend),
            "config": {"deadlines": {"budget": {"shift_fixed_dates_past_days_off": False}}},
            "expect": expect("fail"),
        },
    )
    write(
        "T2-4",
        "pass_over_independence_day",
        "Received 11.12.2026, posted 04.01.2027: 16 December is a holiday.",
        {
            "body": {"kind": "cgo", "as_of": "2027-02-01"},
            "records": budget_records(dates={"audit_results": {"received": "11.12.2026", "posted": "04.01.2027"}}),
            "expect": expect("pass"),
        },
    )
    # 2017 budget parameters
    for number, kind in enumerate(("fs_balance", "fs_results", "fs_cashflow", "fs_net_assets", "fs_note"), start=1):
        item = f"A12-B-{number}"
        write(
            item,
            "pass_statement",
            "The statement is posted in both languages.",
            {**budget_case(), "expect": expect("pass")},
        )
        write(
            item,
            "partial_missing_in_kk",
            "The statement is posted in Russian only: one deficiency in kk.",
            {
                **budget_case(drop={kind: ("kk",)}),
                "expect": [{"lang": "kk", "status": "partial", "deficiencies": 1}, {"lang": "ru", "status": "pass"}],
            },
        )
    write(
        "A12-B-6",
        "pass_plan_report",
        "The plan report within 15 working days of its formation.",
        {**budget_case(), "expect": expect("pass")},
    )
    write(
        "A12-B-6",
        "partial_late",
        "The plan report 25 working days after its formation: one deficiency.",
        {**budget_case(dates=late_dates), "expect": expect("partial", deficiencies=1)},
    )
    for kind in ("cgo", "mio"):
        write(
            "A12-B-7",
            f"pass_{kind}",
            "Budget-programme reports by 1 April.",
            {**budget_case(kind), "expect": expect("pass")},
        )
        write(
            "A12-B-7",
            f"partial_late_{kind}",
            "Budget-programme reports after 1 April: one deficiency.",
            {**budget_case(kind, dates=late_dates), "expect": expect("partial", deficiencies=1)},
        )
    write(
        "A12-B-9", "pass_drafts", "Drafts complete and posted by 15 May.", {**budget_case(), "expect": expect("pass")}
    )
    write(
        "A12-B-9",
        "partial_mio_late_drafts_and_report",
        "An akimat: one draft in June and the reports after 1 April: two deficiencies.",
        {
            **budget_case("mio", programme_args=late_drafts, dates=late_dates),
            "expect": expect("partial", deficiencies=2),
        },
    )
    write("A12-B-10", "pass_answered", "Every comment answered.", {**budget_case(), "expect": expect("pass")})
    write(
        "A12-B-10",
        "partial_unanswered",
        "One comment without an answer: one deficiency.",
        {
            **budget_case(programme_args={lang: {"comments": (True, False)} for lang in ("kk", "ru")}),
            "expect": expect("partial", deficiencies=1),
        },
    )
    write(
        "A12-B-11",
        "pass_announced",
        "The public discussion of the drafts was announced.",
        {**budget_case("mio"), "expect": expect("pass")},
    )
    write(
        "A12-B-11",
        "partial_not_announced",
        "No announcement of a public discussion: one deficiency.",
        {
            **budget_case("mio", drop={"discussion_announcement": ("kk", "ru")}),
            "expect": expect("partial", deficiencies=1),
        },
    )


# ============================================================================== legalacts.egov.kz
DRAFTS = [
    # id, kk title, ru title, amendment, attachments (kk, ru), discussion until, comments (answered?)
    (
        "15940000",
        "Аумақты абаттандыру қағидаларын бекіту туралы",
        "Об утверждении правил благоустройства территории",
        False,
        ["note"],
        "2026-11-27",
        (True, True),
    ),
    (
        "15940020",
        "«Аумақты абаттандыру қағидаларын бекіту туралы» шешімге өзгерістер енгізу туралы",
        "О внесении изменений в решение «Об утверждении правил благоустройства территории»",
        True,
        ["note", "table"],
        "2026-10-14",
        (True, True, True),
    ),
    (
        "15940040",
        "Коммуналдық қалдықтарды жинау тарифтерін бекіту туралы",
        "Об утверждении тарифов на сбор коммунальных отходов",
        False,
        ["note"],
        "2026-09-01",
        (True,),
    ),
]
ATTACHMENT = {
    "note": ("Түсіндірме жазба.docx", "Пояснительная записка.docx"),
    "table": ("Салыстырма кесте.docx", "Сравнительная таблица.docx"),
}
SUMMARY = (
    "Жоба азаматтар мен ұйымдар үшін рәсімдерді жеңілдетуге және мерзімдерді қысқартуға бағытталған.",
    "Проект направлен на упрощение процедур и сокращение сроков для граждан и организаций.",
)
LOOKALIKE = str.maketrans({"қ": "к", "ә": "а", "ұ": "у", "ү": "у", "і": "i", "а": "a", "е": "e", "о": "o"})


def legal_records(
    kind: str = "cgo",
    drafts: list[Any] | None = None,
    cards: bool = True,
    lookalike: str = "",
    regulatory: bool = True,
    no_date: str = "",
) -> list[dict[str, Any]]:
    drafts = drafts if drafts is not None else DRAFTS
    government = "1733738" if kind == "cgo" else "15500102"
    list_url = f"{LEGAL}/list?governmentId={government}&page=1"
    records: list[dict[str, Any]] = []
    for i, lang in enumerate(("kk", "ru")):
        for content in ("drafts", "drafts_archive", "regulatory_policy_documents"):
            records.append(
                {
                    "portal": "legalacts",
                    "kind": "coverage",
                    "lang": lang,
                    "source_url": LEGAL,
                    "payload": {"content": content, "measurable": True},
                }
            )
        for draft_id, kk, ru, _amend, files, until, comments in drafts:
            title = (kk, ru)[i]
            summary = SUMMARY[i]
            if lang == "kk" and draft_id == lookalike:
                title, summary = title.translate(LOOKALIKE), summary.translate(LOOKALIKE)
            day = "" if draft_id == no_date else until
            fields = {
                "title": title,
                "status": ("Мұрағат", "Архив")[i],
                "type": ("Шешім", "Решение")[i],
                "created": "2026-10-04",
                "discussion_until": day or None,
            }
            answered = sum(comments)
            url = f"{LEGAL}/npa/view?id={draft_id}"
            records.append(
                {
                    "portal": "legalacts",
                    "kind": "draft",
                    "lang": lang,
                    "external_id": draft_id,
                    "source_url": list_url,
                    "payload": {
                        **fields,
                        "url": url,
                        "comments": len(comments),
                        "accepted": answered,
                        "rejected": 0,
                        "likes": 3,
                        "views": 400,
                    },
                }
            )
            if not cards:
                continue
            records.append(
                {
                    "portal": "legalacts",
                    "kind": "draft_card",
                    "lang": lang,
                    "external_id": draft_id,
                    "source_url": url,
                    "payload": {
                        **fields,
                        "summary": summary,
                        "version": ("Нұсқа 1", "Версия 1")[i],
                        "previous_version_url": None,
                        "url": url,
                    },
                }
            )
            for n, f in enumerate(files):
                records.append(
                    {
                        "portal": "legalacts",
                        "kind": "attachment",
                        "lang": lang,
                        "external_id": f"{draft_id}{n}",
                        "source_url": url,
                        "payload": {"draft": draft_id, "name": ATTACHMENT[f][i]},
                    }
                )
            for n, done in enumerate(comments):
                records.append(
                    {
                        "portal": "legalacts",
                        "kind": "comment",
                        "lang": lang,
                        "external_id": f"{draft_id}0{n}",
                        "source_url": url,
                        "payload": {
                            "draft": draft_id,
                            "author": "ЖҰМАБЕКОВА ГҮЛНАР",
                            "text": "Ауылдық жерлерде қағаз түріндегі өтінішті де қабылдау керек.",
                            "status": "accepted" if done else None,
                            "answered": done,
                            "answer": {"text": "Ұсыныс қабылданды."} if done else None,
                        },
                    }
                )
        if regulatory and kind == "cgo":
            records.append(
                {
                    "portal": "legalacts",
                    "kind": "regulatory_policy_document",
                    "lang": lang,
                    "external_id": "15900180",
                    "source_url": list_url,
                    "payload": {
                        "title": (
                            "Кәсіпкерлік субъектілеріне қойылатын талаптарды оңайлату",
                            "Упрощение требований к субъектам предпринимательства",
                        )[i],
                        "type": (
                            "Реттеушілік саясаттың консультативтік құжаты",
                            "Консультативный документ регуляторной политики",
                        )[i],
                        "created": "2026-06-16",
                        "discussion_until": "2026-06-26",
                        "comments": 0,
                        "accepted": 0,
                        "rejected": 0,
                    },
                }
            )
    return records


def legal_case(kind: str = "cgo", **kw: Any) -> dict[str, Any]:
    failures = []
    if kw.get("cards") is False:
        failures = [
            {
                "url": f"{LEGAL}/npa/view?id={d[0]}",
                "reason": "robots",
                "detail": "robots.txt disallows /npa/view; no override in config/crawl.yaml",
            }
            for d in DRAFTS
        ]
    return {"body": {"kind": kind, "as_of": AS_OF}, "records": legal_records(kind, **kw), "failures": failures}


def npa_fixtures() -> None:
    no_table = copy.deepcopy(DRAFTS)
    no_table[1] = (*no_table[1][:4], ["note"], *no_table[1][5:])  # the amendment lost its comparative table
    unanswered = copy.deepcopy(DRAFTS)
    unanswered[1] = (*unanswered[1][:6], (True, False, False))
    list_fail = [{"url": f"{LEGAL}/list?governmentId=1733738&page=1", "reason": "timeout", "detail": "timed out"}]
    write(
        "T4-1",
        "pass_consultative_document",
        "A consultative document of regulatory policy is published.",
        {**legal_case(), "expect": expect("pass")},
    )
    write(
        "T4-1",
        "fail_none",
        "No consultative document of regulatory policy at all.",
        {**legal_case(regulatory=False), "expect": expect("fail", deficiencies=1)},
    )
    write(
        "T4-1",
        "not_assessed_list_timeout",
        "The lists timed out: not assessed.",
        {**legal_case(), "failures": list_fail, "expect": expect("not_assessed")},
    )
    for kind, (notes, forms, comments) in (("cgo", ("T4-2", "T4-3", "T4-4")), ("mio", ("T5-1", "T5-2", "T5-3"))):
        write(
            notes,
            "pass_notes_and_tables",
            "Every draft has its note; the amendment its comparative table.",
            {**legal_case(kind), "expect": expect("pass", measured={"numerator": 3, "denominator": 3})},
        )
        write(
            notes,
            "partial_amendment_without_table",
            "The amendment lacks its comparative table.",
            {
                **legal_case(kind, drafts=no_table),
                "expect": expect("partial", measured={"numerator": 2, "denominator": 3}, deficiencies=1),
            },
        )
        write(
            notes,
            "not_assessed_robots",
            "robots.txt disallows /npa/view: the attachments are not known.",
            {**legal_case(kind, cards=False), "expect": expect("not_assessed")},
        )
        write(
            forms,
            "pass_forms_correct",
            "Fields filled, texts typed in the right language and layout.",
            {**legal_case(kind), "expect": expect("pass")},
        )
        write(
            forms,
            "partial_kk_lookalike_letters",
            "The Kazakh card of one draft is typed without Kazakh letters, with Latin a, e, o, i.",
            {
                **legal_case(kind, lookalike="15940040"),
                "expect": [
                    {"lang": "kk", "status": "partial", "measured": {"numerator": 2, "denominator": 3}},
                    {"lang": "ru", "status": "pass"},
                ],
            },
        )
        write(
            forms,
            "partial_no_discussion_date_list_only",
            "No cards (robots), but the list card shows a draft without its discussion term.",
            {
                **legal_case(kind, cards=False, no_date="15940040"),
                "expect": expect("partial", measured={"numerator": 2, "denominator": 3}),
            },
        )
        write(
            forms,
            "not_assessed_robots_nothing_seen",
            "No cards (robots) and the list cards show no defect.",
            {**legal_case(kind, cards=False), "expect": expect("not_assessed")},
        )
        write(
            comments,
            "pass_all_answered",
            "Every comment on the drafts was answered.",
            {**legal_case(kind), "expect": expect("pass", measured={"numerator": 6, "denominator": 6})},
        )
        write(
            comments,
            "partial_two_unanswered",
            "Two of six comments have no answer.",
            {
                **legal_case(kind, drafts=unanswered),
                "expect": expect("partial", measured={"numerator": 4, "denominator": 6}, deficiencies=2),
            },
        )
        write(
            comments,
            "partial_list_counters_without_cards",
            "No cards (robots): the list counters (accepted + not accepted of comments) suffice.",
            {
                **legal_case(kind, drafts=unanswered, cards=False),
                "expect": expect("partial", measured={"numerator": 4, "denominator": 6, "source": "list counters"}),
            },
        )
    write("A12-N-3", "pass_forms", "Forms correct.", {**legal_case("mio"), "expect": expect("pass")})
    write(
        "A12-N-3",
        "partial_lookalike",
        "One Kazakh form typed with look-alike letters: one deficiency in kk.",
        {
            **legal_case("mio", lookalike="15940000"),
            "expect": [{"lang": "kk", "status": "partial", "deficiencies": 1}, {"lang": "ru", "status": "pass"}],
        },
    )
    write("A12-N-4", "pass_answered", "Every comment answered.", {**legal_case(), "expect": expect("pass")})
    write(
        "A12-N-4",
        "partial_unanswered",
        "Two comments unanswered: two deficiencies.",
        {**legal_case(drafts=unanswered), "expect": expect("partial", deficiencies=2)},
    )
    write(
        "A12-N-4",
        "not_applicable_no_comments",
        "No comment was received: the maximum.",
        {**legal_case(drafts=[(*d[:6], ()) for d in DRAFTS]), "expect": expect("not_applicable")},
    )
    write(
        "A12-N-5", "pass_supporting_documents", "Notes and tables attached.", {**legal_case(), "expect": expect("pass")}
    )
    write(
        "A12-N-5",
        "partial_no_table",
        "The amendment has no comparative table: one deficiency.",
        {**legal_case(drafts=no_table), "expect": expect("partial", deficiencies=1)},
    )
    write(
        "A12-N-6",
        "pass_discussion_terms",
        "Every draft announced with its public-discussion term.",
        {**legal_case("mio"), "expect": expect("pass")},
    )
    write(
        "A12-N-6",
        "partial_no_term",
        "One draft posted without a public-discussion term.",
        {**legal_case("mio", no_date="15940020"), "expect": expect("partial", deficiencies=1)},
    )


if __name__ == "__main__":
    open_data_fixtures()
    budget_fixtures()
    npa_fixtures()
    print("fixtures written under", ROOT)
