"""One reading of "the home page" by its address, for the checks of Appendix 14 (the page navigation is
counted from; a language switch that leads to the home page instead of the page's twin, 2.9) and for the
authenticity of the two language versions (a switch naming the home page names no counterpart)."""

from __future__ import annotations

import pytest

from ashyq.base.home_page import is_home_url
from ashyq.checks.accessibility import website
from ashyq.checks.completeness import languages

SITE = "https://www.audan.gov.kz"

HOMES = [
    f"{SITE}/",
    SITE,
    f"{SITE}/kk",
    f"{SITE}/kk/",
    f"{SITE}/KAZ/",
    f"{SITE}/rus",
    f"{SITE}/ru/index.php",
    f"{SITE}/index.html",
    "index.html",
    f"{SITE}/?lang=kz",
    "?lang=kz",
    f"{SITE}/Default.aspx?lang=ru",  # ASP.NET's default document with the language chosen
    f"{SITE}/default.aspx",
    f"{SITE}/kk/?lang=kk#content",
    f"{SITE}/?culture=kk-KZ",
    "https://www.gov.kz/memleket/entities/audan?lang=ru",  # an entity's root on the platform
]

PAGES = [
    f"{SITE}/kk/zhanalyqtar",
    f"{SITE}/?id=82",  # a script that serves every page at the root
    f"{SITE}/?p=5&lang=ru",
    f"{SITE}/index.php?lang=ru&mod=news",
    f"{SITE}/Default.aspx?tabid=12&lang=ru",
    f"{SITE}/kk/ru/",  # two languages: no root of either
    f"{SITE}/ru/index.php/about",
    f"{SITE}/Home/SetLanguage?lang=ru&returnUrl=%2Fabout",
    "https://www.gov.kz/memleket/entities/audan/press/news?lang=kk",
]


@pytest.mark.parametrize("url", HOMES)
def test_a_site_s_or_a_language_s_root_is_the_home_page(url: str) -> None:
    assert is_home_url(url)


@pytest.mark.parametrize("url", PAGES)
def test_an_address_that_names_anything_else_is_a_page_of_its_own(url: str) -> None:
    assert not is_home_url(url)


def test_the_accessibility_checks_and_the_language_versions_read_it_alike() -> None:
    assert website.is_home_url is is_home_url
    assert languages.is_home_url is is_home_url
    assert not hasattr(languages, "_home")
