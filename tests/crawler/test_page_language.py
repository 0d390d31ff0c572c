"""A page's language: its markup's, unless its address and its text both say another (a template that
declares one language on every page), then its address's, a frame's embedding page's, its text's."""

from __future__ import annotations

import pytest

from ashyq.crawler.spiders.site_page import parse_page
from ashyq.crawler.spiders.site_reading import page_language

RU_TEXT = (
    "Аким района ведёт приём граждан по вторникам. Адрес: село Бескайнар, улица Абая, 12. "
    "Телефон приёмной указан ниже; обращения принимаются также через портал электронного правительства."
)
KK_TEXT = (
    "Аудан әкімі азаматтарды сейсенбі сайын қабылдайды. Мекенжайы: Бесқайнар ауылы, Абай көшесі, 12. "
    "Қабылдау бөлмесінің телефоны төменде көрсетілген; өтініштер электрондық үкімет порталы арқылы да қабылданады."
)


def _page(declared: str | None, text: str, title: str = "Приём граждан") -> bytes:
    lang = f' lang="{declared}"' if declared else ""
    return f"<!doctype html><html{lang}><head><title>{title}</title></head><body><p>{text}</p></body></html>".encode()


@pytest.mark.parametrize(
    ("url", "declared", "text", "expected"),
    [
        # the template declares Kazakh on its Russian pages: the address and the text agree against it
        ("https://akimat.example.kz/ru/pages/qabyldau", "kk", RU_TEXT, "ru"),
        ("https://akimat.example.kz/index.php?id=4&lang=ru", "kk", RU_TEXT, "ru"),
        # and the other way round
        ("https://akimat.example.kz/kk/pages/qabyldau", "ru", KK_TEXT, "kk"),
        # the markup stands where the address or the text does not contradict it
        ("https://akimat.example.kz/ru/pages/qabyldau", "kk", KK_TEXT, "kk"),  # a Kazakh page under /ru/
        ("https://akimat.example.kz/pages/qabyldau", "kk", RU_TEXT, "kk"),  # no language in the address
        ("https://akimat.example.kz/ru/pages/qabyldau", "ru", RU_TEXT, "ru"),
        # a Russian text quoting Kazakh names stays Russian; too little text does not overrule the markup
        ("https://akimat.example.kz/ru/", "kk", "Қазақстан Республикасы. Ақмола облысы", "kk"),
        # no markup: the address, then the text
        ("https://akimat.example.kz/ru/pages/qabyldau", None, KK_TEXT, "ru"),
        ("https://akimat.example.kz/pages/qabyldau", None, KK_TEXT, "kk"),
        # no markup and no address language: a Russian text naming a Kazakh street and linking «Қазақша» is
        # Russian by its share of Kazakh letters (a 2000s portal's page.php?id=5 and its PDA copy)
        ("https://akimat.example.kz/page.php?id=5", None, f"{RU_TEXT} Улица Тәуелсіздік, 15. Қазақша", "ru"),
        ("https://akimat.example.kz/pda.php?id=5", None, f"{KK_TEXT} Тәуелсіздік көшесі, 15. Русский", "kk"),
    ],
)
def test_a_pages_language(url: str, declared: str | None, text: str, expected: str) -> None:
    parsed = parse_page(url, _page(declared, text), "text/html; charset=utf-8")
    assert page_language(parsed, url, url, None) == expected


def test_a_frame_without_a_language_of_its_own_is_in_the_embedding_pages() -> None:
    url = "https://docs.akimat.example.kz/register"
    parsed = parse_page(url, _page(None, "No. 12, 14.03.2026"), "text/html")
    assert page_language(parsed, url, url, "kk") == "kk"
