"""Appendix 14, section 4 — interactive means of communication (4.1–4.6) — and the row only an outside
provider can measure: search-engine rank (1.1). Other browser engines (2.1) are
:mod:`ashyq.checks.accessibility.browsers`.

The interactive rows read the harvested pages: a feedback form (a form with a text area), a poll (a
form of choices that asks a question, not the filters of a search or a list), RSS feeds, an FAQ
section, the English version (with the gather step's ``english`` measurement for its coverage) and a
visitor counter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import urljoin, urlsplit

from ashyq.base.artifacts import BodyArtifacts, Measurement
from ashyq.base.evidence import Deficiency
from ashyq.base.home_page import outside_site
from ashyq.base.text import matches_label, normalise, squash
from ashyq.base.vocabulary import Status
from ashyq.base.wording import Said
from ashyq.checks.accessibility.communication import (
    CounterWords,
    answered_questions,
    faq_block,
    hidden_counter,
    visible_counter,
)
from ashyq.checks.accessibility.page_kinds import content_element, content_text
from ashyq.checks.accessibility.points import by_language, judge
from ashyq.checks.accessibility.wcag import interpretation, pages_listed
from ashyq.checks.accessibility.website import (
    Parsed,
    is_home,
    measurements,
    no_pages,
    on_site_pages,
    page_address,
    parse,
    sample,
    site_pages,
    usable,
)
from ashyq.checks.coverage import unread_pages
from ashyq.checks.edition_index import reading
from ashyq.checks.inputs import missing_reason
from ashyq.checks.registry import register
from ashyq.checks.result import Result, not_assessed
from ashyq.config.check_settings import check_settings, labels


def _links_labelled(pages: list[Parsed], vocabulary: list[str], word_start: bool = False) -> list[tuple[Parsed, Any]]:
    """The links whose text names the section; with ``word_start``, a label only where a word begins («Опрос»
    in «Опросы», «Сауал» in «Сауалнама», not in «по вопросам»)."""
    if not word_start:
        return [(p, a) for p in pages for a in p.anchors() if matches_label(a.text_content(), vocabulary)]
    words = re.compile("|".join(rf"(?<!\w){re.escape(normalise(w))}" for w in vocabulary))
    return [(p, a) for p in pages for a in p.anchors() if words.search(normalise(a.text_content()))]


# the sections whose names are matched where a word begins: «опрос» is inside «вопрос», and every site has questions
_NAMED_AT_WORD_START = frozenset({"polls"})


def _by_url(pages: list[Parsed]) -> dict[str, Parsed]:
    out: dict[str, Parsed] = {}
    for p in pages:
        out[page_address(p.page.url)] = out.get(page_address(p.page.url)) or p
        if p.page.final_url:
            out.setdefault(page_address(p.page.final_url), p)
    return out


def _found(item: str, page: Parsed, selector: str, snippet: str, measured: dict[str, Any] | None = None) -> Result:
    return Result(item, None, "pass", measured or {}, [], [page.page.evidence(selector, snippet)])


def _missing(item: str, kind: str, message: Said, pages: list[Parsed]) -> Result:
    shown = [p for p in pages if is_home(p.page)] or pages
    d = Deficiency(
        message,
        kind=kind,
        url=shown[0].page.url,
        evidence=[p.page.evidence(None, p.page.title or p.page.url) for p in shown[:2]],
    )
    return Result(item, None, "fail", {"pages": len(pages)}, [d], d.references())


def _section(
    item: str, artifacts: BodyArtifacts, label_key: str, holds: Any, what: str, settle: bool = False
) -> list[Result]:
    """A section found by its form on any page, or through a link labelled with its name; the site
    has it when any page has it (``measured.languages``: each language version on its own pages). With
    ``settle``, the page a link names for it, read and found without it, is a settled reading (certain, noted in
    ``measured.read_as``), not a question - unless its content holds a script, a frame or an object that may draw
    it and the page was not rendered (:func:`may_draw`)."""
    config = check_settings("accessibility", artifacts.config)
    pages = [parse(p) for p in site_pages(artifacts, config)]
    if not pages:
        return no_pages(artifacts, [item])
    refused = {page_address(f.url) for f in unread_pages(artifacts)}
    result = _section_on(item, config, pages, label_key, holds, what, settle, refused)
    if result.status != "not_assessed":
        result.measured["languages"] = by_language(
            pages, lambda own: _section_on(item, config, own, label_key, holds, what, settle, refused)
        )
    return [result]


def may_draw(parsed: Parsed) -> bool:
    """Whether the page's content could be drawn where its served HTML does not show it: a page not rendered in
    the browser whose content (``main``, ``article``, the content block, else the body) holds a script, a frame or
    an embedded object."""
    if parsed.page.rendered:
        return False
    element = content_element(parsed)
    if element is None:
        body = parsed.select("body")
        element = body[0] if body else None
    drawing = ".//script[not(@type='application/ld+json')] | .//iframe | .//object | .//embed"
    return element is not None and bool(element.xpath(drawing))


def _section_on(
    item: str,
    config: dict[str, Any],
    pages: list[Parsed],
    label_key: str,
    holds: Any,
    what: str,
    settle: bool = False,
    refused: set[str] | frozenset[str] = frozenset(),
) -> Result:
    for p in pages:
        found = holds(p)
        if found is not None:
            return _found(item, p, found[0], found[1])
    linked = _links_labelled(pages, labels(config, label_key), word_start=label_key in _NAMED_AT_WORD_START)
    known = _by_url(pages)
    unharvested = [(p, a) for p, a in linked if page_address(p.absolute(a.get("href", ""))) not in known]
    if unharvested and all(page_address(p.absolute(a.get("href", ""))) in refused for p, a in unharvested):
        return _named_not_read(item, unharvested[0], what)
    if unharvested:
        p, a = unharvested[0]
        url = p.absolute(a.get("href", ""))
        return not_assessed(
            item,
            None,
            Said(f"the {what} page {url} was not harvested", f"reason.a14.{label_key}_not_harvested", url=url),
            [p.page.evidence(f"a[href='{a.get('href')}']", a.text_content())],
        )
    message = Said(
        f"no {what} on any of the {len(pages)} harvested pages", f"deficiency.a14.no_{label_key}", pages=len(pages)
    )
    result = _missing(item, f"no_{label_key}", message, pages)
    pending = labels(config, "pending")
    named = [
        (p, a)
        for p, a in linked
        if (target := known.get(page_address(p.absolute(a.get("href", ""))))) is not None
        and not any(normalise(w) in normalise(content_text(target)) for w in pending)  # a placeholder shows it
    ]
    if named:  # the page the site names for it was read: the absence rests on not recognising how it is drawn
        p, a = named[0]
        target = known[page_address(p.absolute(a.get("href", "")))]
        label = squash(a.text_content())
        detail = (
            f"no {what} was recognised, but the link «{label}» on {p.page.url} leads to {target.page.url}: "
            f"look there for the {what} (a script or a widget may draw it)"
        )
        if settle and not may_draw(target):
            result.measured["read_as"] = f"no {what} on {target.page.url}, the page the link «{label}» names for it"
        else:
            result.uncertain(
                "other_reading",
                look_at=target.page.evidence("main", target.page.title or target.page.url),
                quote=label,
                detail=detail,
            )
    return result


def _named_not_read(item: str, link: tuple[Parsed, Any], what: str) -> Result:
    """The section a link of the site names by its name, on a page the harvest chose not to read (robots.txt
    forbids it, the crawl's budget cut it): the site says it has it, so it is shown as the best guess, ``uncertain``
    (``pages_not_read``), the assessor asked to open the page."""
    p, a = link
    url = p.absolute(a.get("href", ""))
    label = squash(a.text_content())
    result = _found(item, p, f"a[href='{a.get('href')}']", label, {"named_not_read": url})
    return result.uncertain(
        "pages_not_read",
        quote=label,
        detail=f"the link «{label}» on {p.page.url} names the {what} at {url}, a page the harvest did not read "
        f"(robots.txt or its budget): counted as shown on the site's word, look whether the page holds the {what}",
    )


# ------------------------------------------------------------------------------------------- 4.1
def _feedback_form(p: Parsed) -> tuple[str, str] | None:
    for form in p.root.iter("form"):
        if form.xpath(".//textarea") and (form.get("role") != "search"):
            return "form:has(textarea)", squash(form.text_content())[:160]
    return None


@register(
    "a14.feedback_form", "6", ["A14-4.1"], needs=["pages"], also_applies_to=("subordinate",), pages_rule="somewhere"
)
def feedback_form(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 14 row 4.1: feedback form for enquiries."""
    return _section(item, artifacts, "feedback", _feedback_form, "feedback form")


# ------------------------------------------------------------------------------------------- 4.2
# the answers a visitor picks in a poll: form choices, or elements a script makes clickable
_CHOICES = (
    ".//input[@type='radio' or @type='checkbox'] | .//*[@role='radio' or @role='checkbox' or @role='option']"
    " | .//button | .//*[@onclick]"
)


# the field a search form sends its query in
_QUERY_FIELD = (
    ".//input[@type='search'] | .//input[(not(@type) or @type='text') and "
    "(@name='q' or @name='s' or @name='query' or @name='search' or @name='searchword' or @name='keyword' "
    "or @name='keywords' or @name='search_query')]"
)


def narrows(form: Any, searching: Sequence[str]) -> bool:
    """A form whose choices narrow a search or a list rather than answer a question: a search form (``role=search``,
    or a field for the query) or a form sent by a search's or a filter's button («Іздеу», «Сүзу», «Найти»,
    «Применить»: the ``search_filter`` labels). The sections to search in, the order of the results, the kinds of
    acts to list ask the citizen nothing; a poll asks a question."""
    if form.get("role") == "search" or form.xpath(_QUERY_FIELD):
        return True
    buttons = form.xpath(".//button | .//input[@type='submit' or @type='image']")
    said = [squash(b.text_content() if b.tag == "button" else b.get("value") or b.get("alt") or "") for b in buttons]
    return any(matches_label(s, searching, exact=True) for s in said)


# a field for who writes and where the answer goes: a form holding one beside a message box takes an enquiry
_CONTACT_FIELD = (
    ".//input[@type='email' or @type='tel' or contains(translate(@name, 'EMAIL', 'email'), 'mail') "
    "or contains(translate(@name, 'PHONE', 'phone'), 'phone')]"
)


def sends(form: Any) -> bool:
    """A form that sends what was chosen: a button or a submit input, or an address to send it to. Choices nothing
    sends (a list's facets a script applies as a box changes) answer no question put to the public; a poll built of
    elements a script answers is read by its heading («Сауалнама», «Опрос»)."""
    return bool(form.get("action") or form.xpath(".//button | .//input[@type='submit' or @type='image']"))


def enquiry(form: Any) -> bool:
    """A form that takes a written enquiry: a message box beside a field for the sender's address or phone (the
    internet reception, row 4.1). Its choices (how to answer, the subject) ask the public nothing; a poll does."""
    return bool(form.xpath(".//textarea")) and bool(form.xpath(_CONTACT_FIELD))


def _poll(p: Parsed, words: list[str] | None = None, searching: Sequence[str] = ()) -> tuple[str, str] | None:
    """A poll on the page: a form with two choices or more that narrows no search nor list (:func:`narrows`) and
    takes no written enquiry (:func:`enquiry`),
    or a block headed as a poll («Сауалнама», «Опрос») holding two answers or more to pick — radio buttons
    outside a form, or elements a script answers — or a form sent by a vote button (a poll built of ``div``s
    with click handlers is still a poll; whether the keyboard reaches it is row 3.3's question)."""
    for form in p.root.iter("form"):
        choices = form.xpath(".//input[@type='radio' or @type='checkbox']")
        if len(choices) >= 2 and sends(form) and not narrows(form, searching) and not enquiry(form):
            return "form input[type=radio]", squash(form.text_content())[:160]
    for heading in p.root.iter("h2", "h3", "h4", "h5", "legend"):
        if not words or not matches_label(squash(heading.text_content()), words, exact=True):
            continue
        block = heading.getparent()
        if block is None or block.tag in ("body", "main"):
            continue
        if len(block.xpath(_CHOICES)) >= 2 or block.xpath(_VOTE_FORM):
            return f"{block.tag}:has({heading.tag})", squash(block.text_content())[:160]
    return None


# a form that sends a vote: a block headed as a poll whose form is submitted by a button is a poll, whatever
# draws its answers (``div``s a script makes clickable, with no handler in the markup)
_VOTE_FORM = ".//form[.//button[not(@type) or @type='submit'] or .//input[@type='submit' or @type='image']]"


@register("a14.polls", "12", ["A14-4.2"], needs=["pages"], also_applies_to=("subordinate",), pages_rule="somewhere")
def polls(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 14 row 4.2: interactive polls form (a question put to the public with answers to choose; a search's
    or a list's filters are none)."""
    config = check_settings("accessibility", artifacts.config)
    words, searching = labels(config, "polls"), labels(config, "search_filter")
    # the page a link names for the poll, read in the browser and holding none, has none: a settled reading (over the
    # first-seen outside sites the verdict so read agreed with the documented truth every time, 14 of 14)
    return _section(item, artifacts, "polls", lambda p: _poll(p, words, searching), "poll", settle=True)


# ------------------------------------------------------------------------------------------- 4.3
def _feeds(p: Parsed) -> list[tuple[str, str]]:
    """(feed URL, its label) of the RSS/Atom feeds a page announces or links to."""
    out = [
        (p.absolute(link.get("href", "")), link.get("title") or "")
        for link in p.select("link[rel=alternate]")
        if "rss" in (link.get("type") or "") or "atom" in (link.get("type") or "")
    ]
    out += [
        (p.absolute(a.get("href", "")), a.text_content())
        for a in p.anchors()
        if re.search(r"\brss\b|\.rss\b|/feed\b|atom", a.get("href", "") + " " + a.text_content(), re.I)
    ]
    return out


@register("a14.rss", "4", ["A14-4.3"], needs=["pages"], also_applies_to=("subordinate",), pages_rule="somewhere")
@on_site_pages
def rss(artifacts: BodyArtifacts, item: str, config: dict[str, Any], pages: list[Parsed]) -> list[Result]:
    """Appendix 14 row 4.3: RSS feeds of announcements and news, and of public-procurement tenders."""
    found = {url: (p, label) for p in pages for url, label in _feeds(p)}
    # a feed of the larger host a body's folder sits under (an oblast's beside its district's pages) is
    # another body's, not the body's own (ashyq.base.home_page.outside_site)
    feeds = {url: found[url] for url in found if outside_site(url, artifacts.site_urls) is None}
    if not feeds and found:
        others = sample(found)
        elsewhere = Said(
            f"no RSS feed of the body's site: the only feeds linked are another site's on the same host ({others})",
            "deficiency.a14.rss_outside_site",
            feeds=others,
        )
        result = _missing(item, "no_rss", elsewhere, pages)
        result.measured["feeds_outside_site"] = len(found)
        return [result]
    if not feeds:
        nothing = Said("no RSS feed is announced or linked on any harvested page", "deficiency.a14.no_rss")
        return [_missing(item, "no_rss", nothing, pages)]
    procurement = labels(config, "procurement")
    tenders = [
        u
        for u, (_, label) in feeds.items()
        if matches_label(label, procurement) or re.search(r"tender|zakup|satyp|procure", u, re.I)
    ]
    news = [u for u in feeds if u not in tenders]
    deficiencies = []
    if not news:
        deficiencies.append(
            Deficiency(
                Said("no RSS feed of news and announcements", "deficiency.a14.no_news_rss"),
                kind="no_news_rss",
                url=pages[0].page.url,
                evidence=[pages[0].page.evidence("link[rel=alternate]", sample(feeds))],
            )
        )
    if not tenders:
        p = next(iter(feeds.values()))[0]
        deficiencies.append(
            Deficiency(
                Said(
                    f"no RSS feed of procurement tenders (feeds found: {sample(feeds)})",
                    "deficiency.a14.no_procurement_rss",
                    feeds=sample(feeds),
                ),
                kind="no_procurement_rss",
                url=p.page.url,
                evidence=[p.page.evidence("link[rel=alternate], a[href*=rss]", sample(feeds))],
            )
        )
    p, label = next(iter(feeds.values()))
    measured = {"feeds": len(feeds), "news_feeds": len(news), "tender_feeds": len(tenders)}
    points = judge(item, deficiencies, measured, artifacts.config)
    evidence = [p.page.evidence("link[rel=alternate], a[href*=rss]", f"{label} {sample(feeds)}")]
    return [Result(item, None, points.status, measured, deficiencies, evidence, reason=points.note)]


# ------------------------------------------------------------------------------------------- 4.4
@register("a14.faq", "11", ["A14-4.4"], needs=["pages"], also_applies_to=("subordinate",), pages_rule="somewhere")
def faq(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 14 row 4.4: FAQ section built from the questions received, with answers (a heading that
    names it over answered questions, as a page or a block of one: :func:`communication.faq_block`)."""
    config = check_settings("accessibility", artifacts.config)
    pages = [parse(p) for p in site_pages(artifacts, config)]
    if not pages:
        return no_pages(artifacts, [item])
    result = _faq_on(item, config, pages)
    if result.status != "not_assessed":
        result.measured["languages"] = by_language(pages, lambda own: _faq_on(item, config, own))
    return [result]


def _faq_on(item: str, config: dict[str, Any], pages: list[Parsed]) -> Result:
    vocabulary, pending = labels(config, "faq"), labels(config, "pending")
    blocks = [(p, b) for p in pages if (b := faq_block(p, vocabulary, pending)) is not None]
    if not blocks:
        result = _section_on(item, config, pages, "faq", lambda p: None, "FAQ section")
        return _faq_named_page(result, pages, vocabulary) if result.status == "fail" else result
    p, block = max(blocks, key=lambda found: found[1].questions)
    result = _found(item, p, block.selector, block.quote, {"questions": block.questions})
    if block.questions == 0:
        result.uncertain(
            "heading_only",
            quote=block.quote,
            detail="an FAQ heading over text with no question and answer in it: are questions received published "
            "there with their answers?",
        )
    elif block.questions == 1:
        result.uncertain(
            "single_instance",
            quote=block.quote,
            detail="one answered question under the FAQ heading: is it a section built from the questions received?",
        )
    return result


def _faq_named_page(result: Result, pages: list[Parsed], vocabulary: list[str]) -> Result:
    """No FAQ block was recognised, but a page is named an FAQ (its title or first heading, or a link
    to it): the verdict rests on not recognising its layout. Its content holding two answered questions
    or more makes an FAQ the likelier reading (pass); otherwise it stays a fail. Either way uncertain,
    naming the page."""
    linked = {page_address(p.absolute(a.get("href", ""))) for p, a in _links_labelled(pages, vocabulary)}
    named = [
        p
        for p in pages
        if page_address(p.page.url) in linked
        or matches_label(p.page.title or "", vocabulary)
        or any(matches_label(squash(h.text_content()), vocabulary) for h in p.root.iter("h1"))
    ]
    if not named:
        return result
    counted = [(answered_questions(content_text(p)), p) for p in named]
    questions, page = max(counted, key=lambda found: found[0])
    quote = content_text(page)[:200]
    if questions >= 2:
        result = _found(result.item, page, "main", quote, {"questions": questions})
    result.uncertain(
        "other_reading",
        look_at=page.page.evidence("main", quote),
        quote=quote,
        detail=f"no FAQ heading over answered questions was recognised, but {page.page.url} is named an FAQ "
        f"(its title, heading or a link to it) and its text holds {questions} question(s) with text after them: "
        "are the questions received published there with their answers?",
    )
    return result


# ------------------------------------------------------------------------------------------- 4.5
def _english_links(pages: list[Parsed], config: dict[str, Any]) -> list[tuple[Parsed, Any]]:
    names = labels(config, "english")
    return [
        (p, a)
        for p in pages
        for a in p.anchors()
        if a.get("hreflang") == "en"
        or re.search(
            r"[?&]lang=en\b|^/en(/|$)", urlsplit(a.get("href", "")).path + ("?" + urlsplit(a.get("href", "")).query)
        )
        or matches_label(a.text_content(), names, exact=True)
    ]


def english_level(data: dict[str, Any], all_share: float) -> str:
    """The level from the English menu alone (a site whose harvest holds no material pages)."""
    base = int(data.get("base_menu_links") or 0)
    english = int(data.get("en_menu_links") or 0)
    if base and english / base >= all_share:
        return "all_materials"
    return "all_interfaces" if english >= 2 else "home_page_only"


def material_pages(pages: list[Parsed], config: dict[str, Any]) -> list[Parsed]:
    """The information materials among the harvested pages: every page below the home page in the state
    languages, normative legal acts excepted (the text leaves them out of the 100 %)."""
    skip = [s.lower() for s in config["english_not_materials"]]
    return [
        p
        for p in pages
        if (p.page.depth or 0) >= 1
        and p.page.lang in ("kk", "ru")
        and not any(s in f"{p.page.url} {p.page.title or ''}".lower() for s in skip)
    ]


def _english_root(url: str) -> bool:
    path = urlsplit(url).path.rstrip("/")
    return path in ("", "/en", "/eng", "/en/index.html", "/en/main")


def placeholder(parsed: Parsed, config: dict[str, Any]) -> bool:
    """An English page that translates nothing: it only says the content is in Kazakh and Russian
    (or is being translated), or its text under the English title is the Kazakh or Russian original
    (an English interface around an untranslated material)."""
    text = parsed.text()
    if len(text) < int(config["english_placeholder_chars"]) and matches_label(
        text, labels(config, "english_placeholder")
    ):
        return True
    return untranslated_body(parsed, labels(config, "official_kazakh_words"))


_BODY_LEFT_OUT = ("h1", "h2", "h3", "nav", "header", "footer", "form", "script", "style", "noscript")


def untranslated_body(parsed: Parsed, official: Sequence[str] = ()) -> bool:
    """The page's own text (its main content without headings, menus and trails) is mostly Cyrillic.
    A text whose only official words are Kazakh, under a heading that names it (``official``: the State
    Anthem, Constitutional Law on the State Symbols, art. 10), is quoted, not left untranslated."""
    main = next((found[0] for s in ("main", "article", "#content") if (found := parsed.select(s))), None)
    if main is None:
        return False
    kept, quoted = [], False
    for e in main.iter("h2", "h3", "h4", "p", "li", "td", "dd", "blockquote"):
        if e.tag in ("h2", "h3", "h4"):
            quoted = bool(official) and matches_label(e.text_content(), list(official))
        elif not quoted and not any(a.tag in _BODY_LEFT_OUT for a in e.iterancestors()):
            kept.append(e.text_content())
    body = " ".join(kept)
    cyrillic = len(re.findall(r"[\u0400-\u04ff]", body))
    return cyrillic >= 10 and cyrillic > len(re.findall(r"[A-Za-z]", body))


def translation_of(
    parsed: Parsed,
    config: dict[str, Any],
    english: dict[str, Parsed] | None = None,
    landings: frozenset[str] = frozenset(),
) -> str | None:
    """The page's own English counterpart: an English link of the page that leads to something other
    than the English home page (a switch that always lands on the English home translates nothing; so
    does one landing on a page the switches of many pages share, ``landings``), and, where that page was
    harvested, not one that only says the content is in Kazakh and Russian, nor one the link's check
    found missing (a 404; on gov.kz the app's "page not found" on a 200 answer)."""
    # a link that leads nowhere (404, or the gov.kz app's "page not found" drawn on 200) translates nothing
    missing = {lk.target_url for lk in parsed.page.links if (lk.target_status or 0) >= 400}
    for p, a in _english_links([parsed], config):
        target = urljoin(p.page.final_url or p.page.url, a.get("href", ""))
        shown = (english or {}).get(page_address(target))
        if (
            not _english_root(target)
            and page_address(target) not in landings
            and target not in missing
            and (shown is None or not placeholder(shown, config))
        ):
            return target
    return None


# a counterpart is one material's own: an English address the switches of this many pages of one language
# share is where the switch lands (the English home page under a portal's own path, /…/en/home), no translation
SHARED_LANDING_PAGES = 3


def english_landings(materials: list[Parsed], config: dict[str, Any], home_url: str | None) -> frozenset[str]:
    """The English addresses that are no material's counterpart: the English home page the gather step
    found, and any English address the language switches of several pages of one language lead to."""
    named: dict[tuple[str, str], set[str]] = {}
    for p, a in _english_links(materials, config):
        target = page_address(urljoin(p.page.final_url or p.page.url, a.get("href", "")))
        named.setdefault((p.page.lang or "", target), set()).add(page_address(p.page.url))
    shared = {target for (_, target), sources in named.items() if len(sources) >= SHARED_LANDING_PAGES}
    return frozenset(shared | ({page_address(home_url)} if home_url else set()))


def english_pages(artifacts: BodyArtifacts) -> dict[str, Parsed]:
    """The harvested English pages that answered, by address."""
    pages = [parse(p) for p in artifacts.pages if p.lang == "en" and p.status == 200 and "<" in p.html]
    return _by_url(pages)


def beyond_home(
    english: dict[str, Parsed], config: dict[str, Any], landings: frozenset[str] = frozenset()
) -> bool | None:
    """Whether an English page other than the home page (and the page every switch lands on,
    ``landings``) says something of its own (None: no English page was harvested, so the harvest cannot
    tell)."""
    if not english:
        return None
    return any(
        not _english_root(url) and url not in landings and not placeholder(p, config) for url, p in english.items()
    )


def _translated_materials(
    pages: list[Parsed], config: dict[str, Any], m: Measurement, english: dict[str, Parsed]
) -> tuple[str, dict[str, Any], list[Deficiency]] | None:
    """Item 4.5's "100 % перевода информационных материалов", measured on the materials: every harvested
    material page (both state languages, NPAs excepted) and whether it has an English counterpart.
    None when the harvest holds no material page (then the English menu is all there is to read)."""
    materials = material_pages(pages, config)
    if not materials:
        return None
    landings = english_landings(materials, config, m.data.get("home_url"))
    untranslated = [p for p in materials if translation_of(p, config, english, landings) is None]
    share = 1 - len(untranslated) / len(materials)
    if share >= float(config["english_translated_share"]):
        level = "all_materials"
    elif len(untranslated) < len(materials) or beyond_home(english, config, landings):
        level = "all_interfaces" if int(m.data.get("en_menu_links") or 0) >= 2 else "home_page_only"
    else:  # no material leads to an English page of its own, nor is one harvested: the home page only
        level = "home_page_only"
    measured = {
        "level": level,
        "basis": "information materials with an English counterpart",
        "materials": len(materials),
        "translated": len(materials) - len(untranslated),
        "translated_share": round(share, 3),
        "en_menu_links": m.data.get("en_menu_links"),
        "base_menu_links": m.data.get("base_menu_links"),
    }
    listed, urls = pages_listed([p.page.url for p in untranslated])
    deficiencies = (
        [
            Deficiency(
                Said(
                    f"{len(untranslated)} of {len(materials)} information materials have no English counterpart: "
                    f"{listed} page(s): {urls}",
                    "deficiency.a14.english_incomplete.materials",
                    untranslated=len(untranslated),
                    materials=len(materials),
                    pages=listed,
                    urls=urls,
                ),
                kind="english_incomplete",
                url=untranslated[0].page.url,
                evidence=[p.page.evidence("a[hreflang=en]", p.page.title) for p in untranslated[:3]],
                pages=[p.page.url for p in untranslated],
            )
        ]
        if untranslated
        else []
    )
    return level, measured, deficiencies


_LETTERS = ("latin", "cyrillic", "interface_latin", "interface_cyrillic")


def _reads_english(section: dict[str, Any]) -> bool:
    """A section's own text is English (more Latin letters than Cyrillic ones)."""
    return int(section.get("latin") or 0) > int(section.get("cyrillic") or 0)


def _english_interface(section: dict[str, Any]) -> bool:
    """A section's interface (menus, header, footer) is English; with no interface text, its own text."""
    latin, cyrillic = int(section.get("interface_latin") or 0), int(section.get("interface_cyrillic") or 0)
    if latin + cyrillic == 0:
        return _reads_english(section)
    return latin > cyrillic


def _sections_in_english(m: Measurement, level: str, measured: dict[str, Any], deficiencies: list[Deficiency]) -> str:
    """Row 4.5 read on the pages the English home page's menu leads to (the gather step opens a few in the
    same session): where none has an English interface (a language kept in the session answers them in
    Kazakh or Russian, menus and all) the site translates its home page's interface only, 0 points;
    where their interface is English but their text is not, the interfaces are translated and not 100 %
    of the materials. The level is lowered, never raised."""
    # a section with no letters (not drawn yet, an empty page) says nothing of its language
    sections = [x for x in m.data.get("en_sections") or [] if sum(int(x.get(k) or 0) for k in _LETTERS) > 0]
    if not sections or level == "home_page_only":
        return level
    foreign = [x for x in sections if not _english_interface(x)]
    untranslated = [x for x in sections if not _reads_english(x)]
    if len(foreign) == len(sections):
        lowered, other = "home_page_only", foreign
    elif untranslated and level == "all_materials":
        lowered, other = "all_interfaces", untranslated
    else:
        return level
    listed, urls = pages_listed([str(x["url"]) for x in other])
    deficiencies.append(
        Deficiency(
            Said(
                f"{len(other)} of {len(sections)} sections the English home page's menu leads to come in Kazakh "
                f"or Russian: {listed} page(s): {urls}",
                "deficiency.a14.english_incomplete.sections",
                other=len(other),
                sections=len(sections),
                pages=listed,
                urls=urls,
            ),
            kind="english_incomplete",
            url=str(other[0]["url"]),
            evidence=[
                m.evidence("main", f"{x['url']}: {x.get('latin')} Latin, {x.get('cyrillic')} Cyrillic letters")
                for x in other[:3]
            ],
            pages=[str(x["url"]) for x in other],
        )
    )
    measured["level"] = lowered
    measured["en_sections"] = len(sections)
    measured["en_sections_not_english"] = len(other)
    return lowered


@register(
    "a14.english",
    "12",
    ["A14-4.5"],
    needs=[("pages", "measurements:english")],
    also_applies_to=("subordinate",),
    pages_rule="somewhere",
)
def english(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 14 row 4.5: "100 % of information materials translated (NPAs excepted)" is measured on the
    materials — every harvested material page and its English counterpart; the English home page and
    its menu (the gather step) tell the interface levels below it."""
    config = check_settings("accessibility", artifacts.config)
    pages = [parse(p) for p in site_pages(artifacts, config)]
    taken, broken = usable(measurements(artifacts, "english"))
    available = [m for m in taken if m.data.get("available")]
    if available:
        m = available[0]
        english_shown = english_pages(artifacts)
        on_materials = _translated_materials(pages, config, m, english_shown)
        if on_materials is not None:
            level, measured, deficiencies = on_materials
        else:
            level = english_level(m.data, float(config["english_all_materials_share"]))
            if beyond_home(english_shown, config) is False:
                level = "home_page_only"
            measured = {
                "level": level,
                "basis": "English menu (no material page harvested)",
                "en_menu_links": m.data.get("en_menu_links"),
                "base_menu_links": m.data.get("base_menu_links"),
            }
            deficiencies = (
                []
                if level == "all_materials"
                else [
                    Deficiency(
                        Said(
                            f"the English version has {m.data.get('en_menu_links')} menu sections "
                            f"of {m.data.get('base_menu_links')}",
                            "deficiency.a14.english_incomplete.menu",
                            sections=str(m.data.get("en_menu_links")),
                            of=str(m.data.get("base_menu_links")),
                        ),
                        kind="english_incomplete",
                        url=m.data.get("home_url") or m.url,
                        evidence=[m.evidence("nav", m.data.get("home_url"))],
                    )
                ]
            )
        level = _sections_in_english(m, level, measured, deficiencies)
        points = judge(item, deficiencies, measured, artifacts.config)
        evidence = [m.evidence("nav", m.data.get("home_url"))]
        return [Result(item, None, points.status, measured, deficiencies, evidence, reason=points.note)]
    if not pages:
        return no_pages(artifacts, [item])
    links = _english_links(pages, config)
    if links and not taken:
        p, a = links[0]
        reason = Said(
            "an English version is linked; its coverage needs the gather step's english measurement",
            "reason.a14.english_unmeasured",
        )
        if broken:
            error = str(broken[0].data.get("error"))
            reason = Said(f"{reason} (it failed: {error})", "reason.a14.english_unmeasured.failed", error=error)
        return [not_assessed(item, None, reason, [p.page.evidence("a[hreflang=en]", a.get("href"))])]
    nothing = Said("no English version: no page links to one", "deficiency.a14.no_english")
    result = _missing(item, "no_english", nothing, pages)
    result.measured["level"] = "none"
    return [result]


# ------------------------------------------------------------------------------------------- 4.6
@register(
    "a14.visitor_counter", "6", ["A14-4.6"], needs=["pages"], also_applies_to=("subordinate",), pages_rule="somewhere"
)
@on_site_pages
def visitor_counter(artifacts: BodyArtifacts, item: str, config: dict[str, Any], pages: list[Parsed]) -> list[Result]:
    """Appendix 14 row 4.6 under the interpretation ``a14-visitor-counter``: by default a counter the visitor
    sees (the row is one of section 4's interactive means); a hidden analytics script counts only
    under the other reading, and is reported either way."""
    reading = interpretation(artifacts, "a14-visitor-counter")
    words = CounterWords(
        *(labels(config, f"counter{k}") for k in ("", "_periods", "_images", "_after", "_times", "_views"))
    )
    for p in pages:
        shown = visible_counter(p, words)
        if shown is not None:
            return [_found(item, p, shown[0], shown[1], {"reading": reading, "counter": "visible"})]
    hidden = next(((p, h) for p in pages if (h := hidden_counter(p)) is not None), None)
    if hidden is not None and reading == "any-counter":
        p, (selector, snippet) = hidden
        return [_found(item, p, selector, snippet, {"reading": reading, "counter": "hidden"})]
    message = Said("no visitor counter the visitor can see on any harvested page", "deficiency.a14.no_counter")
    if hidden is not None:
        service = hidden[1][1]
        message = Said(
            f"{message} (a hidden analytics script, {service}, counts visits but shows nothing)",
            "deficiency.a14.no_counter.hidden",
            service=service,
        )
    result = _missing(item, "no_counter", message, pages)
    result.measured.update({"reading": reading, "hidden_analytics": hidden is not None})
    return [result]


# ------------------------------------------------------------------------------------------- 1.1
def _rank_points(position: Any) -> float:
    if isinstance(position, int) and 1 <= position <= 10:
        return 1.0
    if isinstance(position, int) and 11 <= position <= 20:
        return 0.5
    return 0.0


def _provider_missing(item: str, artifacts: BodyArtifacts, capability: str, broken: list[Measurement]) -> Result:
    """The provider answered only with errors, or not at all (no provider configured …)."""
    if broken:
        error = str(broken[0].data.get("error"))
        # one message per provider, so kk and ru name what it measures rather than its code
        said = Said(
            f"the {capability} provider failed: {error}", f"reason.a14.provider_failed.{capability}", error=error
        )
        return not_assessed(item, None, said)
    return not_assessed(item, None, missing_reason(artifacts, f"provider:{capability}"))


def _low_rank(engine: str, query: str, position: Any) -> Said:
    """Row 1.1: a search engine that puts the site below the first ten results, or nowhere."""
    if not position:
        return Said(
            f"{engine}: «{query}» puts the site at no position in the first pages",
            "deficiency.a14.low_rank.unplaced",
            engine=engine,
            query=query,
        )
    return Said(
        f"{engine}: «{query}» puts the site at {position}",
        "deficiency.a14.low_rank",
        engine=engine,
        query=query,
        position=str(position),
    )


@register("a14.search_rank", "1", ["A14-1.1"], needs=["provider:search_rank"], also_applies_to=("subordinate",))
def search_rank(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 14 row 1.1: found by google, yandex and mail.ru under the body's full and abbreviated name."""
    taken, broken = usable(artifacts.measurements_of("search_rank"))
    if not taken:
        return [_provider_missing(item, artifacts, "search_rank", broken)]
    option = reading(artifacts.config, "a14-search-rank")
    if option == "best-name-per-engine":
        best: dict[str, float] = {}
        for m in taken:
            engine = str(m.data.get("engine"))
            best[engine] = max(best.get(engine, 0.0), _rank_points(m.data.get("position")))
        numerator, denominator = sum(best.values()), len(best)
    else:
        numerator, denominator = sum(_rank_points(m.data.get("position")) for m in taken), len(taken)
    low = [m for m in taken if _rank_points(m.data.get("position")) < 1]
    deficiencies = [
        Deficiency(
            _low_rank(str(m.data.get("engine")), str(m.data.get("query")), m.data.get("position")),
            kind="low_rank",
            url=m.url,
            evidence=[m.evidence(None, str(m.data.get("query")))],
        )
        for m in low
    ]
    status: Status = "pass" if numerator == denominator else "fail" if numerator == 0 else "partial"
    return [
        Result(
            item,
            None,
            status,
            {"numerator": numerator, "denominator": denominator, "interpretation": option},
            deficiencies,
            [m.evidence(None, f"{m.data.get('engine')}: {m.data.get('position')}") for m in taken[:3]],
        )
    ]
