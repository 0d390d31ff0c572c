"""Table 2, note * (000_12c86a9f7dcd6cb4.txt, line 1145): «наименования консолидированной финансовой
отчетности Национального Банка Республики Казахстан могут отличаться от наименований консолидированной
финансовой отчетности, представленной выше, после их подтверждения внешним аудитом». The National
Bank's five statements under the names its audited statements carry are its five statements; another
body's materials are read by the table's names only."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import ashyq.checks.registry  # noqa: F401  (registers every check)
from ashyq.base.artifacts import BodyArtifacts, PortalRecord
from ashyq.checks.registry import run_checks

AS_OF = date(2026, 11, 20)
# the titles the National Bank's audited consolidated statements carry, in each language
TITLES = {
    "ru": [
        "Консолидированный отчет о финансовом положении за 2025 год",
        "Консолидированный отчет о прибыли или убытке и прочем совокупном доходе за 2025 год",
        "Консолидированный отчет о движении денежных средств за 2025 год",
        "Консолидированный отчет об изменениях в капитале за 2025 год",
        "Примечания к консолидированной финансовой отчетности за 2025 год",
    ],
    "kk": [
        "2025 жылғы қаржылық жағдай туралы шоғырландырылған есеп",
        "2025 жылғы пайда немесе залал және басқа да жиынтық кіріс туралы шоғырландырылған есеп",
        "2025 жылғы ақша қаражатының қозғалысы туралы шоғырландырылған есеп",
        "2025 жылғы капиталдағы өзгерістер туралы шоғырландырылған есеп",
        "2025 жылғы шоғырландырылған қаржылық есептілікке ескертпелер",
    ],
}


def _records() -> list[PortalRecord]:
    out = []
    for lang, titles in TITLES.items():
        search = f"https://budget.egov.kz/application/search?govAgencyId=1&lang={lang}"
        out.append(PortalRecord("budget", "coverage", {"content": "budget_search", "measurable": True}, search, lang))
        for n, title in enumerate(titles):
            url = f"https://budget.egov.kz/application/document?govAgencyId=1&documentId={lang}{n}"
            payload: dict[str, Any] = {"title": title, "url": url, "files": [{"title": title, "date": "2026-04-20"}]}
            out.append(PortalRecord("budget", "material", payload, url, lang, f"{lang}{n}"))
    return out


@pytest.mark.parametrize("lang", ["ru", "kk"])
def test_the_national_banks_statements_under_their_audited_names(lang: str) -> None:
    def t2_1(tags: list[str]) -> Any:
        body = BodyArtifacts("nb", "cgo", AS_OF, records=_records(), config={"tags": tags})
        return next(r for r in run_checks(body, only_items=["T2-1"]) if r.lang == lang)

    bank = t2_1(["national_bank"])
    assert bank.status == "pass" and bank.measured["numerator"] == 5, (bank.status, bank.measured)
    # another body: the table's names only - the balance, the results and the notes are not recognised
    other = t2_1([])
    assert other.status == "partial", (other.status, other.measured)
    assert set(other.measured["missing"]) == {"fs_balance", "fs_results", "fs_note"}, other.measured
