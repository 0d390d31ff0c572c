"""A separate mobile version found by what links to it: a link labelled as the mobile, PDA or phone
version in Kazakh or Russian, wherever it leads on the site's own host (``/pda.php?id=5``, ``/lite/``),
not only an ``m.`` host or a ``/m/`` path (ashyq.crawler.spiders.site_mobile)."""

from __future__ import annotations

import pytest

from ashyq.crawler.spiders.site_mobile import is_mobile_label, labelled_version

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


def test_a_switch_by_query_on_the_entry_script_or_another_host_is_no_version_apart() -> None:
    assert labelled_version(f"{HOME}index.php?mobile=1", HOME, HOSTS, "x") is None
    assert labelled_version(f"{HOME}?view=mobile", HOME, HOSTS, "x") is None
    assert labelled_version(f"{HOME}page.php?id=5&pda=1", f"{HOME}page.php?id=5", HOSTS, "x") is None
    assert labelled_version("https://apps.example.kz/audan", HOME, HOSTS, "x") is None
