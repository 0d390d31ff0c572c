"""A separate mobile version found by what links to it: a link labelled as the mobile, PDA or phone
version in Kazakh or Russian, wherever it leads on the site's own host (``/pda.php?id=5``, ``/lite/``),
not only an ``m.`` host or a ``/m/`` path (ashyq.crawler.spiders.site_mobile)."""

from __future__ import annotations

import pytest

from ashyq.base.text import parse_html
from ashyq.crawler.spiders.site_mobile import is_mobile_label, labelled_version, mobile_version_at
from ashyq.crawler.spiders.site_page import parse_page

HOSTS = {"www.audan.gov.kz"}
HOME = "https://www.audan.gov.kz/"


@pytest.mark.parametrize(
    "label",
    [
        "Мобильная версия",
        "PDA-версия",
        "Версия для телефона",
        "Для мобильных устройств",
        "WAP-версия сайта",
        "Мобильді нұсқа",
        "PDA-нұсқа",
        "Телефонға арналған нұсқа",
        "Сайттың мобильді нұсқасы",
        "Мобильдік құрылғыларға арналған",
    ],
)
def test_a_label_naming_the_mobile_version_in_either_language(label: str) -> None:
    assert is_mobile_label(label)


@pytest.mark.parametrize(
    "label",
    [
        "Мобильное приложение",
        "Мобильді қосымша",
        "Телефоны",
        "Телефон доверия",
        "Сенім телефоны",
        "Версия для слабовидящих",
        "Көру қабілеті нашар адамдарға арналған нұсқа",
        "Полная версия",
        "Толық нұсқа",
    ],
)
def test_a_label_that_is_not_the_mobile_version(label: str) -> None:
    assert not is_mobile_label(label)


def test_a_labelled_version_drawn_by_a_script_of_the_full_site_host() -> None:
    version = labelled_version(f"{HOME}pda.php?id=5", HOME, HOSTS, "the link «PDA-версия»")
    assert version is not None and version.prefix == "/pda.php"
    assert version.contains(f"{HOME}pda.php?id=11&lang=kz")
    assert not version.contains(f"{HOME}page.php?id=5")
    lite = labelled_version(f"{HOME}lite/index.html", HOME, HOSTS, "the link «Мобильді нұсқа»")
    assert lite is not None and lite.contains(f"{HOME}lite/kontakty") and not lite.contains(f"{HOME}kontakty")


def test_a_mobile_directory_beneath_the_database_that_serves_the_whole_site() -> None:
    """A site served through one database or script (``/portal.nsf/…``): its mobile views beneath it are
    the version, not the whole database, whose other documents are the full site's pages."""
    for lang, label in (("kz", "Мобильді нұсқа"), ("ru", "Мобильная версия")):
        link = f"{HOME}portal.nsf/m/home-{lang}?OpenDocument"
        version = mobile_version_at(link, HOSTS, f"the link «{label}»")
        assert version is not None and version.prefix == "/portal.nsf/m/"
        assert version.contains(f"{HOME}portal.nsf/m/news-{lang}?OpenDocument")
        assert not version.contains(f"{HOME}portal.nsf/pages/contacts-{lang}?OpenDocument")
        assert not version.contains(f"{HOME}portal.nsf/0/17417555510FEA93A95E409E08A124F1?OpenDocument")
        lite = labelled_version(f"{HOME}portal.nsf/lite/home-{lang}", HOME, HOSTS, f"the link «{label}»")
        assert lite is not None and lite.prefix == "/portal.nsf/lite/"
        assert not lite.contains(f"{HOME}portal.nsf/pages/home-{lang}")
    assert mobile_version_at(f"{HOME}ru/m/kontakty", HOSTS, "x") is not None
    assert mobile_version_at(f"{HOME}news/m", HOSTS, "x") is None  # a page named «m», no directory


def test_a_switch_by_query_on_the_entry_script_or_another_host_is_no_version_apart() -> None:
    assert labelled_version(f"{HOME}index.php?mobile=1", HOME, HOSTS, "x") is None
    assert labelled_version(f"{HOME}?view=mobile", HOME, HOSTS, "x") is None
    assert labelled_version(f"{HOME}page.php?id=5&pda=1", f"{HOME}page.php?id=5", HOSTS, "x") is None
    assert labelled_version("https://apps.example.kz/audan", HOME, HOSTS, "x") is None


PDA_PAGE = (
    '<?xml version="1.0" encoding="windows-1251"?>\n'
    '<!DOCTYPE html PUBLIC "-//WAPFORUM//DTD XHTML Mobile 1.0//EN" "http://www.wapforum.org/DTD/xhtml-mobile10.dtd">\n'
    '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Байланыс</title></head><body>'
    '<p><a href="/pda.php?id=5&amp;lang=kz">Байланыс</a> | <a href="/pda.php?id=13&amp;lang=kz">Бос орындар</a></p>'
    "<h1>Байланыс</h1><p>Пошталық мекенжайы: аудан орталығы, Бейбітшілік көшесі, 3.</p>"
    '<p><a href="/page.php?id=5&amp;lang=kz">Толық нұсқа</a></p></body></html>'
)


def test_an_xhtml_page_opening_with_an_xml_declaration_is_read_as_html() -> None:
    # a PDA/WAP version's XHTML: parsed as XML its namespace hid every link, and the HTML parser
    # refused a decoded text declaring its encoding; browsers read it as HTML
    parsed = parse_page(
        f"{HOME}pda.php?id=5&lang=kz", PDA_PAGE.encode("cp1251", "xmlcharrefreplace"), "text/html; charset=windows-1251"
    )
    assert parsed.title == "Байланыс"
    assert [link.anchor_text for link in parsed.links] == ["Байланыс", "Бос орындар", "Толық нұсқа"]
    root = parse_html(PDA_PAGE)
    assert root is not None and "Пошталық мекенжайы" in root.text_content()
