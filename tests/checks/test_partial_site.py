"""A website harvested in part: the pages not obtained after retries leave open exactly the findings
they could change (ashyq.checks.coverage), in their own language, with the reason and the missing
addresses as evidence; the checks run on the same pages either way."""

from __future__ import annotations

from datetime import date

import pytest

from ashyq.base.artifacts import BodyArtifacts, FetchFailure, PageSnapshot
from ashyq.checks.coverage import lang_of, missing_pages, on_site, transient
from ashyq.checks.registry import check_for, run_checks
from ashyq.checks.result import Result

SITE = "https://www.example.gov.kz/"
HTML = """<!doctype html><html lang="{lang}"><head><title>Акимат области</title>
<link rel="alternate" type="application/rss+xml" href="/{lang}/rss.xml"></head>
<body><header><img src="/logo.png"></header><nav><a href="/{lang}/about">О нас</a></nav>
<main><h1>Новости</h1><p>Опубликовано 01.02.2020</p>
<form action="/{lang}/feedback"><label>Имя<input name="n"></label><textarea name="t"></textarea>
<button>Отправить</button></form><a href="/{lang}/faq">Часто задаваемые вопросы</a></main></body></html>"""


def _artifacts(failures: list[FetchFailure]) -> BodyArtifacts:
    pages = [PageSnapshot(url=f"{SITE}{lang}/", lang=lang, html=HTML.format(lang=lang)) for lang in ("kk", "ru")]
    return BodyArtifacts("x", "mio", date(2026, 6, 1), site_urls=(SITE,), pages=pages, failures=failures)


Keyed = dict[tuple[str, str | None], Result]


def _by_key(results: list[Result]) -> Keyed:
    return {(r.item, r.lang): r for r in results}


def _compare(failures: list[FetchFailure]) -> tuple[Keyed, Keyed]:
    whole = _by_key(run_checks(_artifacts([])))
    in_part = _by_key(run_checks(_artifacts(failures)))
    assert whole.keys() == in_part.keys()
    return whole, in_part


def test_a_missing_page_leaves_open_what_it_could_change_and_nothing_else() -> None:
    lost = FetchFailure(f"{SITE}kk/news/1", "http_status", "render: HTTP 503 after 3 attempts", 503)
    whole, in_part = _compare([lost])
    changed = {k for k in whole if whole[k].status != in_part[k].status}
    assert changed, "a missing page must leave some finding open"
    for key, before in whole.items():
        after = in_part[key]
        check = check_for(key[0])
        assert check is not None
        if key in changed:
            assert after.status == "not_assessed"
            assert "pages" in check.reads and key[1] in (None, "kk")  # a website item; the page's language
            allowed = ("pass", "fail", "partial") if check.pages_rule == "everywhere" else ("fail", "partial")
            assert before.status in allowed, (key, before.status, check.pages_rule)
            # left open by the runner, or by the check itself naming the page; either way it is cited
            assert after.reason and lost.url in after.reason
            assert [e.url for e in after.evidence] == [lost.url] and after.evidence[0].kind == "fetch_failure"
            if "harvested in part" in after.reason:
                assert after.measured["harvested_in_part"]["status_on_pages_seen"] == before.status
        else:
            assert after.status == before.status, key
    assert any("harvested in part" in (in_part[k].reason or "") for k in changed)
    # what an item asks to be found somewhere and was found stands
    assert any(
        whole[k].status == "pass" and (c := check_for(k[0])) is not None and c.pages_rule == "somewhere"
        for k in whole
        if k not in changed
    )
    # a deduction on the Russian pages seen stands: only the Kazakh page is missing
    assert any(k[1] == "ru" and whole[k].status in ("fail", "partial") for k in whole)
    assert not any(k[1] == "ru" for k in changed)


@pytest.mark.parametrize(
    "failure",
    [
        FetchFailure(f"{SITE}ru/x", "http_status", "HTTP 404", 404),  # a dead link is the site's own defect
        FetchFailure(f"{SITE}ru/x", "robots", "disallowed by the site's robots.txt"),
        FetchFailure(f"{SITE}ru/calendar?month=2031-01", "trap", "calendar"),
        FetchFailure(f"{SITE}ru/big.zip", "too_large", "over the limit"),
        FetchFailure("https://data.egov.kz/api/x", "timeout", "timed out"),  # a portal: not the website
        FetchFailure(f"{SITE}robots.txt", "http_status", "HTTP 503", 503),
        FetchFailure(f"{SITE}ru/", "timeout", "browser: timed out"),  # a measurement on an obtained page
        FetchFailure(f"{SITE}kk/", "http_status", "HTTP 503", 503),  # failed once, obtained in the end
    ],
)
def test_what_is_not_a_missing_page_changes_nothing(failure: FetchFailure) -> None:
    assert missing_pages(_artifacts([failure])) == []
    whole, in_part = _compare([failure])
    assert all(whole[k].status == in_part[k].status for k in whole)


def test_transient_reasons_and_the_site_and_language_of_an_address() -> None:
    assert transient(FetchFailure("u", "timeout"))
    assert transient(FetchFailure("u", "error", "connection reset"))
    assert transient(FetchFailure("u", "antibot", "HTTP 403 with a bot-wall answer", 403))
    assert transient(FetchFailure("u", "http_status", "HTTP 502", 502))
    assert transient(FetchFailure("u", "http_status", "HTTP 429", 429))
    assert not transient(FetchFailure("u", "http_status", "HTTP 404", 404))
    assert not transient(FetchFailure("u", "private_address", "10.0.0.5"))
    govkz = ("https://www.gov.kz/memleket/entities/karaganda",)
    assert on_site("https://www.gov.kz/memleket/entities/karaganda/about?lang=kk", govkz)
    assert not on_site("https://www.gov.kz/memleket/entities/karagandaX/about", govkz)
    assert not on_site("https://www.gov.kz/api/v1/public/content-manager/news", govkz)
    assert lang_of("https://www.gov.kz/memleket/entities/karaganda/about?lang=kk") == "kk"
    assert lang_of(f"{SITE}ru/news/1") == "ru"
    assert lang_of(f"{SITE}en/about") == "en"
    assert lang_of(f"{SITE}files/report.pdf") is None
