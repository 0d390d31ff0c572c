"""The rules of re-verification on pages given by hand (no network): existence, language, period,
content; and the fetcher's guards."""

from __future__ import annotations

from ashyq.base.vocabulary import CONFIRMED, CONTRADICTED, NOT_VERIFIABLE
from ashyq.declared.fetch import Fetched, PoliteFetcher
from ashyq.declared.verify import LinkClaim, judge_page
from ashyq.net.crawl_config import load_crawl_config

RU_PAGE = """<html lang="ru"><body><main><h1>Заседание коллегии министерства 12 марта 2026 года</h1>
<p>12.03.2026 состоялось расширенное заседание коллегии министерства в режиме онлайн-трансляции.
На заседании рассмотрены итоги работы за прошлый год и задачи на текущий период, вопросы занятости
населения, социальной защиты и развития рынка труда. Трансляция велась на официальном сайте и в
социальных сетях, журналисты задали вопросы в прямом эфире.</p></main></body></html>"""
KK_PAGE = """<html lang="kk"><body><main><h1>Министрліктің алқа отырысы 2026 жылғы 12 наурыз</h1>
<p>2026 жылғы 12 наурызда министрліктің кеңейтілген алқа отырысы онлайн-трансляция режимінде өтті.
Отырыста өткен жылғы жұмыс қорытындылары және ағымдағы кезеңге арналған міндеттер, халықты жұмыспен
қамту, әлеуметтік қорғау және еңбек нарығын дамыту мәселелері қаралды. Трансляция ресми сайтта және
әлеуметтік желілерде жүргізілді.</p></main></body></html>"""


def claim(lang: str, text: str) -> LinkClaim:
    return LinkClaim("dialogue", 5, "2", f"link_{lang}", f"https://www.gov.kz/x?lang={lang}", lang, text)


def page(html: str, status: int = 200) -> Fetched:
    return Fetched("https://www.gov.kz/x", "https://www.gov.kz/x", status, html.encode(), "text/html; charset=utf-8")


def test_confirmed_in_each_language() -> None:
    ru = judge_page(claim("ru", "Заседание коллегии министерства"), page(RU_PAGE), "2026")
    kk = judge_page(claim("kk", "Министрліктің алқа отырысы"), page(KK_PAGE), "2026")
    assert (ru.verdict, ru.langs_found, kk.verdict, kk.langs_found) == (CONFIRMED, ["ru"], CONFIRMED, ["kk"])
    assert "2026-03-12" in ru.dates_found


def test_kazakh_link_to_a_russian_page_is_contradicted() -> None:
    verdict = judge_page(claim("kk", "Министрліктің алқа отырысы"), page(RU_PAGE), "2026")
    assert verdict.verdict == CONTRADICTED and "the page is in ru, not in kk" in verdict.reasons


def test_both_languages_on_one_page() -> None:
    both = RU_PAGE.replace("</main>", KK_PAGE.split("<main>")[1].split("</main>")[0] + "</main>")
    verdict = judge_page(claim("kk", "Министрліктің алқа отырысы"), page(both), "2026")
    assert verdict.verdict == CONFIRMED and verdict.langs_found == ["kk", "ru"]


def test_page_dated_outside_the_period() -> None:
    verdict = judge_page(claim("ru", "Заседание коллегии министерства"), page(RU_PAGE), "2025")
    assert verdict.verdict == CONTRADICTED
    assert verdict.reasons == ["no date on the page falls in the period 01.01.2025–31.12.2025"]


def test_page_about_something_else() -> None:
    verdict = judge_page(claim("ru", "Хакатон по открытым данным Data Lab Astana"), page(RU_PAGE), "2026")
    assert verdict.verdict == CONTRADICTED and verdict.keywords_missing


def test_missing_page_is_untrue_but_a_wall_is_not() -> None:
    gone = Fetched("https://www.gov.kz/x", status=404, failure="http_status")
    wall = Fetched("https://www.gov.kz/x", status=400, failure="antibot")
    slow = Fetched("https://www.gov.kz/x", failure="timeout")
    assert judge_page(claim("ru", "x"), gone, "2026").verdict == CONTRADICTED
    assert judge_page(claim("ru", "x"), wall, "2026").verdict == NOT_VERIFIABLE
    assert judge_page(claim("ru", "x"), slow, "2026").verdict == NOT_VERIFIABLE


def test_fetcher_refuses_private_addresses_outside_replica_mode() -> None:
    fetcher = PoliteFetcher(load_crawl_config())
    for url in ("http://10.0.0.5/news", "http://127.0.0.1:9/", "http://localhost/a"):
        got = fetcher.fetch(url)
        assert got.failure == "private_address", url
