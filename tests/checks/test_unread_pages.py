"""Pages the harvest chose not to read (its page or depth budget, robots.txt): a verdict of absence
keeps its status as the best guess and is uncertain, naming them (ashyq.checks.coverage.doubted);
nothing found is never a certain deduction while pages of the site were not read."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from ashyq.base.artifacts import BodyArtifacts, FetchFailure, LinkInfo, PageSnapshot
from ashyq.base.evidence import Deficiency
from ashyq.base.wording import Said
from ashyq.checks.coverage import doubted, missing_pages, site_addresses, unread_pages
from ashyq.checks.registry import check_for, run_checks
from ashyq.checks.result import Result

KK_SITE = "https://kk.audan.gov.kz/"
RU_SITE = "https://ru.audan.gov.kz/"
HTML = {
    "kk": """<!doctype html><html lang="kk"><head><title>Аудан әкімдігі</title></head><body><nav>
<a href="/bailanys">Байланыс</a></nav><main><h1>Жаңалықтар</h1><p>Жарияланды 01.02.2020</p></main></body></html>""",
    "ru": """<!doctype html><html lang="ru"><head><title>Акимат района</title></head><body><nav>
<a href="/kontakty">Контакты</a></nav><main><h1>Новости</h1><p>Опубликовано 01.02.2020</p></main></body></html>""",
}
BUDGET = "page limit of 2000 for this body reached for ordinary pages (the last 200 kept for the sections)"


def _artifacts(failures: list[FetchFailure]) -> BodyArtifacts:
    # the registry names the Kazakh host; the crawl read the Russian one as the site too (its language switch)
    pages = [
        PageSnapshot(url=KK_SITE, lang="kk", html=HTML["kk"]),
        PageSnapshot(url=RU_SITE, lang="ru", html=HTML["ru"]),
    ]
    return BodyArtifacts("x", "mio", date(2026, 6, 1), site_urls=(KK_SITE,), pages=pages, failures=failures)


def _by_key(results: list[Result]) -> dict[tuple[str, str | None], Result]:
    return {(r.item, r.lang): r for r in results}


def test_a_page_the_budget_cut_makes_absence_uncertain_in_its_language_and_names_it() -> None:
    cut = FetchFailure(f"{RU_SITE}ru/gallery/17", "trap", BUDGET)
    whole, in_part = _by_key(run_checks(_artifacts([]))), _by_key(run_checks(_artifacts([cut])))
    doubted = {k for k in whole if in_part[k].certainty != whole[k].certainty}
    assert doubted, "an unread page must leave some verdict of absence uncertain"
    for key, before in whole.items():
        after = in_part[key]
        assert after.status == before.status, key  # the best guess stays
        if key in doubted:
            check = check_for(key[0])
            assert check is not None and check.pages_rule == "somewhere" and "pages" in check.reads
            assert before.status in ("fail", "partial") and key[1] in (None, "ru")
            assert after.doubt is not None and after.doubt.reason == "pages_not_read"
            assert cut.url in (after.doubt.quote or "") and after.doubt.look_at is not None
            assert after.measured["not_read"]["urls"] == [cut.url]
    assert not any(k[1] == "kk" for k in doubted)  # a Russian page does not concern the Kazakh findings
    assert any(whole[k].status == "pass" and k not in doubted for k in whole)


def test_robots_and_the_depth_limit_are_unread_a_calendar_trap_and_another_site_are_not() -> None:
    unread = [
        FetchFailure(f"{KK_SITE}private/report", "robots", "disallowed by the site's robots.txt"),
        FetchFailure(f"{KK_SITE}a/b/c", "trap", "11 clicks from the home page, deeper than the limit of 10"),
    ]
    not_unread = [
        FetchFailure(f"{KK_SITE}calendar?month=2031-01", "trap", "repeated pattern: more than 12 distinct queries"),
        FetchFailure("https://adilet.zan.kz/rus/docs/V1", "robots", "disallowed by the site's robots.txt"),
    ]
    assert [f.url for f in unread_pages(_artifacts([*unread, *not_unread]))] == [f.url for f in unread]


def test_the_other_language_host_the_harvest_read_is_the_body_site() -> None:
    assert site_addresses(_artifacts([])) == (KK_SITE, RU_SITE)
    lost = FetchFailure(f"{RU_SITE}novosti/1", "http_status", "HTTP 503 after 3 attempts", 503)
    assert missing_pages(_artifacts([lost])) == [lost]


def test_a_printable_copy_of_a_page_read_is_not_a_page_that_could_change_a_finding() -> None:
    # a 2000s portal: page.php?id=N read, print.php?id=N its printable copy closed by robots.txt; a
    # news item's «/print» and a «?print=1» are copies too; an unread page of its own is still unread
    read = [
        PageSnapshot(url=f"{KK_SITE}page.php?id=3&lang=kz", lang="kk", html=HTML["kk"]),
        PageSnapshot(url=f"{RU_SITE}page.php?id=3", lang="ru", html=HTML["ru"]),
        PageSnapshot(url=f"{RU_SITE}novosti/12", lang="ru", html=HTML["ru"]),
    ]
    robots = "disallowed by the site's robots.txt"
    copies = [
        FetchFailure(f"{KK_SITE}print.php?id=3&lang=kz", "robots", robots),
        FetchFailure(f"{RU_SITE}print.php?id=3", "robots", robots),
        FetchFailure(f"{RU_SITE}novosti/12/print", "robots", robots),
        FetchFailure(f"{RU_SITE}novosti/12?print=1", "robots", robots),
    ]
    own = [
        FetchFailure(f"{RU_SITE}print.php?id=4", "robots", robots),  # the copy of a page not read
        FetchFailure(f"{RU_SITE}docs.php?id=3", "robots", robots),  # another script, not a copy
        FetchFailure(f"{KK_SITE}novosti/13/print", "robots", robots),
    ]
    artifacts = _artifacts([*copies, *own])
    artifacts.pages.extend(read)
    assert [f.url for f in unread_pages(artifacts)] == [f.url for f in own]


def test_a_copy_a_page_offers_for_print_or_its_news_feed_is_not_a_page_that_could_change_a_finding() -> None:
    # a TYPO3 site: index.php?id=60&L=1 read, its «Версия для печати» link to index.php?id=60&L=1&type=98 closed by
    # robots.txt (the address names no print: the link's label does), the Kazakh page read at its speaking address;
    # its news feed (RSS) closed alike lists the news the pages show; a form offered for print by a longer label, and
    # a page of the list closed alike, are still unread
    robots = "disallowed by the site's robots.txt"
    links = (
        LinkInfo(f"{RU_SITE}index.php?id=60&L=1&type=98", "🖨 Версия для печати"),
        LinkInfo(f"{RU_SITE}index.php?id=61&L=1&type=98", "Распечатать бланк заявления"),
        LinkInfo(f"{RU_SITE}index.php?id=60&L=1&page=2", "Следующая страница"),
    )
    kk_links = (
        LinkInfo(f"{KK_SITE}index.php?id=60&L=0&type=98", "🖨 Басып шығару"),
        LinkInfo(f"{KK_SITE}index.php?L=0&type=9818", "Жаңалықтар арнасы (RSS)"),
    )
    read = [
        PageSnapshot(url=f"{RU_SITE}index.php?L=1&id=60", lang="ru", html=HTML["ru"], links=links),
        PageSnapshot(url=f"{KK_SITE}kk/azamattarga/bos-oryndar/", lang="kk", html=HTML["kk"], links=kk_links),
    ]
    copies = [
        FetchFailure(f"{RU_SITE}index.php?id=60&L=1&type=98", "robots", robots),
        FetchFailure(f"{KK_SITE}index.php?id=60&L=0&type=98", "robots", robots),
        FetchFailure(f"{KK_SITE}index.php?L=0&type=9818", "robots", robots),  # the news feed the page names
    ]
    own = [
        FetchFailure(f"{RU_SITE}index.php?id=61&L=1&type=98", "robots", robots),
        FetchFailure(f"{RU_SITE}index.php?id=60&L=1&page=2", "robots", robots),
    ]
    artifacts = _artifacts([*copies, *own])
    artifacts.pages.extend(read)
    assert [f.url for f in unread_pages(artifacts)] == [f.url for f in own]


def test_the_site_searchs_answers_closed_by_robots_are_not_pages_that_could_change_a_finding() -> None:
    # robots.txt commonly closes the search's answers (Disallow: /search, /*?s=): they list the site's pages
    robots = "disallowed by the site's robots.txt"
    searches = [
        FetchFailure(f"{KK_SITE}izdeu?adv=1&q=", "robots", robots),
        FetchFailure(f"{RU_SITE}?s=бюджет", "robots", robots),
        FetchFailure(f"{RU_SITE}index.php?option=com_search&searchword=закуп", "robots", robots),
        # a news engine's search form and its answer, the action in the one script's «do» (its default robots.txt
        # closes them: Disallow: /*do=search)
        FetchFailure(f"{RU_SITE}index.php?do=search&mode=advanced", "robots", robots),
        FetchFailure(f"{KK_SITE}kz/index.php?do=search&subaction=search&story=бюджет", "robots", robots),
    ]
    own = [
        FetchFailure(f"{RU_SITE}search-rules", "robots", robots),
        FetchFailure(f"{RU_SITE}docs?id=4", "robots", robots),
        # a form to write in: it may be the internet reception an indicator asks for
        FetchFailure(f"{RU_SITE}index.php?do=feedback", "robots", robots),
        FetchFailure(f"{RU_SITE}index.php?do=static&page=search-help", "robots", robots),
    ]
    assert [f.url for f in unread_pages(_artifacts([*searches, *own]))] == [f.url for f in own]


def test_the_address_the_search_form_sends_to_closed_by_robots_is_not_a_page_that_could_change_a_finding() -> None:
    # a geoportal's robots.txt closes its search (Disallow: /kk/izdeu) and its site map links the bare address; a
    # form to write in that sends by GET, and a form sent by POST, are not the search; a search whose action is the
    # language's root (WordPress's /kk/?s=) makes no page under that root its own
    robots = "disallowed by the site's robots.txt"
    forms = (
        '<form action="/izdeu" method="get" role="search"><input type="search" name="q"></form>'
        '<form action="/surak"><input name="email"><textarea name="text"></textarea></form>'
        '<form action="/sauaqnama" method="post"><input name="q"></form>'
        '<form action="https://ru.audan.gov.kz/poisk"><input type="text" name="Query"></form>'
        '<form action="/kk/"><input type="text" name="s"></form>'
    )
    artifacts = _artifacts([])
    # an XHTML page declaring its encoding (which lxml refuses in a string) is read as any other
    xhtml = '<?xml version="1.0" encoding="utf-8"?>\n' + HTML["ru"].replace("</main>", forms + "</main>")
    pages = [replace(artifacts.pages[0], html=HTML["kk"].replace("</main>", forms + "</main>")), artifacts.pages[1]]
    pages.append(PageSnapshot(url=f"{RU_SITE}ru/kontakty", lang="ru", html=xhtml))
    searches = [FetchFailure(f"{KK_SITE}izdeu", "robots", robots), FetchFailure(f"{RU_SITE}poisk/", "robots", robots)]
    own = [
        FetchFailure(f"{KK_SITE}surak", "robots", robots),
        FetchFailure(f"{KK_SITE}sauaqnama", "robots", robots),
        FetchFailure(f"{KK_SITE}izdeuler", "robots", robots),
        FetchFailure(f"{RU_SITE}poiskovik", "robots", robots),
        FetchFailure(f"{KK_SITE}kk/zhoba", "robots", robots),
    ]
    # a page under the search's address is its own (the advanced form «Расширенный поиск»)
    searches.append(FetchFailure(f"{RU_SITE}poisk/rasshirennyy", "robots", robots))
    with_forms = replace(artifacts, pages=pages, failures=[*searches, *own])
    assert [f.url for f in unread_pages(with_forms)] == [f.url for f in own]
    # without the form on a page read, the bare address is a page like any other
    assert len(unread_pages(replace(artifacts, failures=[*searches, *own]))) == len(searches) + len(own)


def test_a_page_read_with_its_session_id_in_the_address_is_not_a_page_that_could_change_a_finding() -> None:
    # a Java application's links carry the session (/kk/reception;jsessionid=…), which robots.txt closes
    # (Disallow: /*;jsessionid): the page without it was read; another page with a session id is still unread
    robots = "disallowed by the site's robots.txt"
    artifacts = _artifacts([])
    read = PageSnapshot(url=f"{KK_SITE}kk/reception.xhtml", lang="kk", html=HTML["kk"])
    copies = [
        FetchFailure(f"{KK_SITE}kk/reception.xhtml;jsessionid=8C41D7F2A9E3", "robots", robots),
        FetchFailure(f"{KK_SITE}kk/reception.xhtml?PHPSESSID=91ab", "robots", robots),
    ]
    own = [FetchFailure(f"{KK_SITE}kk/vacancies.xhtml;jsessionid=8C41D7F2A9E3", "robots", robots)]
    with_read = replace(artifacts, pages=[*artifacts.pages, read], failures=[*copies, *own])
    assert [f.url for f in unread_pages(with_read)] == [f.url for f in own]


def test_the_editors_views_closed_by_robots_are_not_pages_that_could_change_a_finding() -> None:
    # a wiki's robots.txt closes its editing tools (Disallow: /kk/index.php): a page's source, history, revisions
    # and the links to pages not yet written hold nothing a reader is given
    robots = "disallowed by the site's robots.txt"
    tools = [
        FetchFailure(f"{KK_SITE}index.php?title=Байланыс&action=edit&section=1", "robots", robots),
        FetchFailure(f"{KK_SITE}index.php?title=Байланыс&action=history", "robots", robots),
        FetchFailure(f"{RU_SITE}index.php?title=Водный_кодекс&action=edit&redlink=1", "robots", robots),
        FetchFailure(f"{RU_SITE}index.php?title=Контакты&diff=412&oldid=398", "robots", robots),
    ]
    own = [
        FetchFailure(f"{KK_SITE}index.php?title=Құжаттар", "robots", robots),
        FetchFailure(f"{RU_SITE}index.php?action=view&id=9", "robots", robots),
        FetchFailure(f"{RU_SITE}edit-history-of-the-district", "robots", robots),
    ]
    assert [f.url for f in unread_pages(_artifacts([*tools, *own]))] == [f.url for f in own]


def test_the_sign_in_forms_closed_by_robots_are_not_pages_that_could_change_a_finding() -> None:
    # a portal's robots.txt closes its sign-in (Disallow: /_layouts/): the form asks a user of the system for a
    # password, whatever page its query names to return to, and gives a reader none of the site's material
    robots = "disallowed by the site's robots.txt"
    sign_in = [
        FetchFailure(f"{KK_SITE}_layouts/15/Authenticate.aspx?Source=%2Fkk%2FPages%2FBudget.aspx", "robots", robots),
        FetchFailure(f"{RU_SITE}user/login?destination=/ru/npa", "robots", robots),
        FetchFailure(f"{RU_SITE}wp-login.php?redirect_to=%2Fru%2Fvakansii%2F", "robots", robots),
        FetchFailure(f"{KK_SITE}kiru/", "robots", robots),
    ]
    own = [
        FetchFailure(f"{KK_SITE}_layouts/15/listfeed.aspx?List=News", "robots", robots),
        FetchFailure(f"{RU_SITE}login-to-egov-services", "robots", robots),
        FetchFailure(f"{RU_SITE}Pages/Budget.aspx?Source=%2Fru%2F", "robots", robots),
    ]
    assert [f.url for f in unread_pages(_artifacts([*sign_in, *own]))] == [f.url for f in own]


def test_a_site_with_no_mobile_version_fails_its_mobile_sections_whatever_pages_were_not_read() -> None:
    """Appendix 16: a phone gets the full layout and the site links to no mobile version, so every section of the
    mobile version fails; robots.txt closing a page of the site leaves that as it is (no page read or unread can
    give the site a mobile version), while another verdict of absence of the same site is asked about."""
    unread = [FetchFailure(f"{RU_SITE}ru/reports", "robots", "disallowed by the site's robots.txt")]
    reason = Said("the site has no mobile version", "reason.a16.no_mobile_version")
    none = Result("A16-1.1", "ru", "fail", deficiencies=[Deficiency(reason, kind="no_mobile_version")], reason=reason)
    absent = Result("A15-1.6", "ru", "fail", deficiencies=[Deficiency(reason, kind="absent")], reason=reason)
    assert doubted(none, unread, "somewhere").certainty == "certain"
    asked = doubted(absent, unread, "somewhere")
    assert asked.certainty == "uncertain" and asked.doubt is not None and asked.doubt.reason == "pages_not_read"


def test_a_file_only_the_russian_pages_link_concerns_the_russian_findings_only() -> None:
    # a document of a Russian card closed by robots.txt: its address names no language, the page linking it does
    file = f"{RU_SITE}dms/archive/10660/otchet-2025.pdf"
    refused = FetchFailure(file, "robots")
    artifacts = _artifacts([refused])
    ru_page = next(p for p in artifacts.pages if p.lang == "ru")
    linked = replace(ru_page, links=(LinkInfo(file, "Отчёт за 2025 год"),))
    artifacts = replace(artifacts, pages=[p if p is not ru_page else linked for p in artifacts.pages])
    whole, in_part = _by_key(run_checks(_artifacts([]))), _by_key(run_checks(artifacts))
    doubted = {k for k in whole if in_part[k].certainty != whole[k].certainty}
    assert any(k[1] == "ru" for k in doubted), "the Russian verdicts of absence are left open"
    assert not any(k[1] == "kk" for k in doubted), "a file the Russian pages alone offer does not concern the Kazakh"
    # linked from both languages, it concerns both
    both = replace(artifacts, pages=[replace(p, links=(LinkInfo(file, "Есеп"),)) for p in artifacts.pages])
    again = _by_key(run_checks(both))
    assert any(k[1] == "kk" and again[k].certainty != whole[k].certainty for k in whole)
