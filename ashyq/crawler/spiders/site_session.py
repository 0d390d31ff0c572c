"""A language kept in the session: every address of the site answers in the language a cookie holds.

Many state bodies' sites (ASP.NET's ``/Home/SetLanguage?lang=ru&returnUrl=…``, PHP's ``?lang=ru`` or
``?culture=kk-KZ`` on the same page) switch the language by setting a cookie: the switch leads to the
page it is on, or to a set-language address that redirects back to it, and from then on every address
answers in the language chosen - with the same links as before. One address then holds two pages.

It is told from the site itself (:func:`session_switch`): the switch leads back to its page, the
answer is in the switch's language, and its links are the first language's addresses. The other
language is then read as a visitor reads it, in a cookie jar of its own (Scrapy's ``cookiejar`` meta),
and each of its pages is stored under the address the site's own switch gives that page
(:meth:`SessionSwitch.twin`: ``/about?lang=ru``, ``/Home/SetLanguage?lang=ru&returnUrl=%2Fabout``),
which fetches it in that language from any session. A site whose switch leads to other addresses
(``/ru/…``, links that carry ``?lang=ru``) is read once, as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import parse_qsl, unquote, urlencode, urljoin, urlsplit, urlunsplit

from scrapy.http import Response

from ashyq.base.vocabulary import LANGS
from ashyq.crawler.middlewares.failures import original_url
from ashyq.crawler.middlewares.traps import canonical_url
from ashyq.crawler.spiders.site_page import ParsedPage, download_format

LANGUAGE_JAR = "ashyq_language_jar"  # meta: the language whose cookie jar a request was made in
PLAIN = "ashyq_plain"  # meta: the first language's address of the page a jar's request reads
SWITCH_FROM = "ashyq_switch_from"  # meta: the page whose switch this request follows, and its links
SAME_LINKS = 0.5  # the share of the answer's links that must be the first language's own addresses


def jar(lang: str) -> str:
    """The cookie jar a language is read in."""
    return f"lang:{lang}"


def leads_back(page_url: str, switch_url: str) -> Literal["query", "redirect"] | None:
    """How a switch leads back to its own page: the same address with a query (``query``), or an
    address whose query names the page to return to (``redirect``); None when it leads elsewhere."""
    page, switch = urlsplit(page_url), urlsplit(switch_url)
    if (page.netloc, page.path) == (switch.netloc, switch.path):
        return "query" if switch.query != page.query else None
    if page.netloc != switch.netloc:
        return None
    return "redirect" if _return_parameter(page_url, switch_url) else None


def _return_parameter(page_url: str, switch_url: str) -> str | None:
    page = canonical_url(page_url)
    for name, value in parse_qsl(urlsplit(switch_url).query, keep_blank_values=True):
        if value and canonical_url(urljoin(switch_url, unquote(value))) == page:
            return name
    return None


@dataclass(frozen=True)
class SessionSwitch:
    """A language the site keeps in the session, and how its switch is written."""

    lang: str
    mode: Literal["query", "redirect"]
    switch_url: str  # the switch as found on ``page_url``
    page_url: str
    found_by: str

    def twin(self, url: str) -> str:
        """The address the site's switch gives ``url``'s page in this language (it fetches that
        language from any session: the switch sets the cookie)."""
        switch = urlsplit(self.switch_url)
        if self.mode == "query":
            own = dict(parse_qsl(urlsplit(self.page_url).query, keep_blank_values=True))
            added = [(k, v) for k, v in parse_qsl(switch.query, keep_blank_values=True) if own.get(k) != v]
            target = urlsplit(url)
            names = {k for k, _ in added}
            kept = [(k, v) for k, v in parse_qsl(target.query, keep_blank_values=True) if k not in names]
            return canonical_url(urlunsplit((*target[:3], urlencode(kept + added), "")))
        name = _return_parameter(self.page_url, self.switch_url)
        pairs = parse_qsl(switch.query, keep_blank_values=True)
        original = next((v for k, v in pairs if k == name), "")
        target = urlsplit(url)
        relative = urlunsplit(("", "", target.path or "/", target.query, ""))
        value = url if urlsplit(unquote(original)).netloc else relative
        query = urlencode([(k, value if k == name else v) for k, v in pairs])
        return canonical_url(urlunsplit((*switch[:3], query, "")))


def session_switch(
    page_url: str,
    page_links: list[str],
    switch_url: str,
    answer_url: str,
    answer_lang: str | None,
    answer_links: list[str],
    lang: str,
) -> SessionSwitch | None:
    """The switch to ``lang`` on ``page_url`` keeps the language in the session when it leads back to
    the page (``answer_url`` is the page's address, with the switch's query or after a redirect), the
    answer is in ``lang``, and the answer's links (switches left out) are mostly the page's own."""
    mode = leads_back(page_url, switch_url)
    if mode is None or answer_lang != lang:
        return None
    page, answer = urlsplit(page_url), urlsplit(answer_url)
    if (page.netloc, page.path) != (answer.netloc, answer.path):
        return None
    mine, theirs = set(page_links), set(answer_links)
    if not theirs or len(theirs & mine) < SAME_LINKS * len(theirs):
        return None
    why = (
        f"the {lang} switch {switch_url} on {page_url} answers in {lang} at the same address "
        f"({len(theirs & mine)} of its {len(theirs)} links the same)"
    )
    return SessionSwitch(lang, mode, switch_url, page_url, why)


class SessionLanguages:
    """The site spider's part that reads a language kept in the session: which cookie jar a link is
    read in, and under which address."""

    session_langs: dict[str, SessionSwitch]  # a language the site keeps in a cookie, and its switch
    crawler: Any
    logger: Any

    def _is_internal(self, url: str) -> bool:
        raise NotImplementedError

    def _lang(self, parsed: ParsedPage | None, response: Response) -> str | None:
        raise NotImplementedError

    def _jar_meta(
        self, lang: str, plain: str, parsed: ParsedPage | None = None, page_url: str | None = None
    ) -> dict[str, Any]:
        """A request read in ``lang``'s own cookie jar, for the page whose first-language address is
        ``plain``; with ``parsed``, the switch on that page it follows (to tell a session-kept language)."""
        meta: dict[str, Any] = {"cookiejar": jar(lang), LANGUAGE_JAR: lang, PLAIN: plain}
        if parsed is not None and lang in LANGS and lang not in self.session_langs:
            meta[SWITCH_FROM] = {"url": plain, "links": self._neutral_links(parsed, page_url or plain)}
        return meta

    def _neutral_links(self, parsed: ParsedPage, page_url: str) -> list[str]:
        """A page's links to other pages of the site, its language switches left out."""
        switches = set(parsed.language_links.values())
        return sorted(
            {
                link.url
                for link in parsed.links
                if link.url.startswith("http")
                and self._is_internal(link.url)
                and link.url not in switches
                and not download_format(link.url)
                and not leads_back(page_url, link.url)
            }
        )

    def _detect_session(self, response: Response, parsed: ParsedPage | None) -> None:
        """Whether the switch this page was reached by keeps its language in the session
        (:func:`~ashyq.crawler.spiders.site_session.session_switch`)."""
        request = response.request
        origin = request.meta.get(SWITCH_FROM) if request is not None else None
        lang = request.meta.get(LANGUAGE_JAR) if request is not None else None
        if request is None or not origin or lang not in LANGS or lang in self.session_langs or parsed is None:
            return
        if response.status >= 400:
            return
        found = session_switch(
            origin["url"],
            origin["links"],
            canonical_url(original_url(request)),
            canonical_url(response.url),
            self._lang(parsed, response),
            self._neutral_links(parsed, response.url),
            lang,
        )
        if found is None:
            return
        self.session_langs[lang] = found
        self.logger.info("language kept in the session: %s", found.found_by)
        if self.crawler.stats is not None:
            self.crawler.stats.set_value(f"ashyq/session_language/{lang}", found.found_by)

    def _follow_plan(
        self, url: str, lang: str | None, parsed: ParsedPage | None, targets: list[str], meta: dict[str, Any]
    ) -> list[tuple[str, str, dict[str, Any]]]:
        """Where each internal link of a page is read: (link, address, the jar's meta or nothing).

        A switch to another language is read in that language's cookie jar (it must not change the
        language of the rest of the crawl). On a site that keeps a language in the session, a page read
        in that language's jar has its links read there too, each under the address its switch gives it
        (:meth:`SessionSwitch.twin`), and its switch back leads to the first language's address; a switch
        to the page's own language is not followed (it only sets the cookie again)."""
        jar_lang = meta.get(LANGUAGE_JAR)
        session = self.session_langs.get(jar_lang or "")
        plain = meta.get(PLAIN, url) if session is not None else url
        switch_of = {u: lg for lg, u in parsed.language_links.items()} if parsed is not None else {}
        plan: list[tuple[str, str, dict[str, Any]]] = []
        for target in dict.fromkeys(targets):
            to = switch_of.get(target)
            if to is None:
                if session is not None:
                    plan.append((target, session.twin(target), self._jar_meta(session.lang, target)))
                else:
                    plan.append((target, target, {}))
            elif to in (lang, jar_lang):
                if not self.session_langs:
                    plan.append((target, target, {}))
            elif session is not None and to in LANGS:  # back to the first language
                plan.append((target, plain, {}))
            else:
                plan.append((target, target, self._jar_meta(to, plain, parsed, url)))
        return plan
