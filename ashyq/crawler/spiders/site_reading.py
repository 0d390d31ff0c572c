"""One page of a body's site as a visitor reads it: the served HTML, or the rendered DOM of a site built
by scripts; its language; and the item the store keeps of it.

A page whose served markup is an empty shell (:func:`~ashyq.crawler.spiders.site_page.scripted_shell`)
is rendered in Chromium (:mod:`ashyq.crawler.spiders.site_render`), and so is every later page of its
host; a page whose markup leaves one table or list for its script to fill from an address
(:func:`~ashyq.crawler.spiders.site_page.scripted_part`) is rendered itself. The served response and the
rendered DOM are both archived, the page points at the rendered one.

A page's language is its markup's (``<html lang>``), else its address's (``/kk/``, ``?lang=ru``), else
- for the page of a frame - the embedding page's, else the one its text is written in. Where the markup
says one language and both the address and the text another (a template declaring ``lang="kk"`` on its
Russian pages too), the address and the text are believed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import Response, TextResponse

from ashyq.base.routes import route_fragment
from ashyq.base.text import detect_lang
from ashyq.crawler.items import DownloadRecord, FailureReason, LinkRecord, PageItem
from ashyq.crawler.middlewares.traps import canonical_url
from ashyq.crawler.render import budget_from, policy_from, url_map_from_settings
from ashyq.crawler.spiders.site_dialogs import DialogLimits, has_dialog_markup
from ashyq.crawler.spiders.site_downloads import SiteDownloads, header
from ashyq.crawler.spiders.site_page import (
    ParsedPage,
    lang_from_text,
    lang_from_url,
    parse_page,
    scripted_part,
    scripted_shell,
)
from ashyq.crawler.spiders.site_render import RenderedPage, RenderSettings, SiteRenderer, body_archiver
from ashyq.crawler.spiders.site_selects import SelectLimits, has_navigating_select
from ashyq.crawler.spiders.site_session import LANGUAGE_JAR
from ashyq.crawler.spiders.site_tabs import TabLimits, has_drawn_tabs

HTML_TYPES = ("text/html", "application/xhtml+xml")
# the language of the page that embeds a frame: the frame's page is in it unless its own markup or
# address says otherwise
FRAME_LANG = "ashyq_frame_lang"


class SiteReading(SiteDownloads):
    """Reading a page (rendering it when its host's pages are built by scripts) and telling its language."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.scripted: dict[str, str] = {}  # host → why its pages are rendered (the first shell seen)
        self.renderer: SiteRenderer | None = None

    async def close_browser(self) -> None:
        if self.renderer is not None:
            await self.renderer.close()
            self.renderer = None

    def _read_page(self, response: Response) -> ParsedPage | None:
        content_type = header(response, b"Content-Type")
        if not _is_html(response, content_type):
            return None
        return parse_page(response.url, response.body, content_type)

    async def _read(self, response: Response, phone: bool = False) -> tuple[ParsedPage | None, RenderedPage | None]:
        """The page as a visitor reads it: as served, or - for a page of a site built by scripts, or one
        whose scripts write the language it was asked in over served markup of the other - as the browser
        renders it (the served response stays archived beside it)."""
        parsed = self._read_page(response)
        if parsed is None or not self.settings.getbool("ASHYQ_RENDER_SCRIPTED", True):
            return parsed, None
        host = (urlsplit(response.url).hostname or "").lower()
        shell = scripted_shell(parsed.text)
        dialogs = self.settings.getbool("ASHYQ_RENDER_DIALOGS", True)
        route = route_fragment(response.url) is not None  # a single-page app's route: only its script draws it
        needed = (
            shell is not None
            or host in self.scripted
            or route
            or (
                dialogs
                and (
                    has_dialog_markup(response.body)
                    or has_navigating_select(response.body)
                    or has_drawn_tabs(response.body)
                )
            )
            or scripted_part(parsed.text) is not None  # a register its script draws from JSON: this page only
        )
        translated = None if needed else self._translated_in_browser(parsed, response)
        if not needed and translated is None:
            return parsed, None  # a page that neither its scripts build nor opens dialogs or pages: read as served
        if shell is not None and host not in self.scripted:
            self.scripted[host] = f"{response.url}: {shell}"
            if self.crawler.stats is not None:
                self.crawler.stats.set_value(f"ashyq/rendered/{host}", self.scripted[host])
        request = response.request
        assert request is not None
        served = self.archive_fields(response)["warc_record_id"]
        try:
            rendered = await self._renderer().render(canonical_url(response.url), served, phone=phone)
        except Exception as error:  # recorded; the served page is what there is
            reason: FailureReason = "timeout" if "timeout" in type(error).__name__.lower() else "error"
            self.record_failure(request, reason, f"render: {type(error).__name__}: {error}"[:500])
            return parsed, None
        page = parse_page(rendered.final_url, rendered.dom, "text/html; charset=utf-8")
        if translated is not None:
            if page_language(page, rendered.final_url, request.url, None) != translated[0]:
                return parsed, None  # the scripts wrote no other language: the served page is the page
            self.scripted[host] = f"{response.url}: {translated[1]}"
            if self.crawler.stats is not None:
                self.crawler.stats.set_value(f"ashyq/rendered/{host}", self.scripted[host])
        if self.crawler.stats is not None:
            self.crawler.stats.inc_value("ashyq/rendered/pages")
            if rendered.dialogs:  # what the page's cards open, read into it
                self.crawler.stats.inc_value("ashyq/rendered/dialogs", rendered.dialogs)
            if rendered.tabs:  # what the page's tabs draw when chosen, read into it
                self.crawler.stats.inc_value("ashyq/rendered/tabs", rendered.tabs)
        return page, rendered

    def _translated_in_browser(self, parsed: ParsedPage, response: Response) -> tuple[str, str] | None:
        """The language a page was asked in (the language switch followed to it, or its address's
        ``?lang=kk``) and why it is rendered, when its served markup is in the other language and has
        scripts: a site translated in the browser (``data-i18n`` keys filled from a dictionary) serves
        one language's markup at every address and its scripts write the one asked for."""
        request = response.request
        if request is None or "<script" not in parsed.text.lower():
            return None
        asked = request.meta.get(LANGUAGE_JAR) or lang_from_url(request.url)
        served = self._lang(parsed, response)
        if asked not in ("kk", "ru") or served not in ("kk", "ru") or served == asked:
            return None
        return str(asked), f"asked in {asked}, served in {served} with scripts: rendered as the browser translates it"

    def _renderer(self) -> SiteRenderer:
        if self.renderer is None:
            from ashyq.store.warc import archive_for

            out_dir = Path(self.settings.get("ASHYQ_OUT_DIR") or self.out_dir or "out")
            run_id = self.run_id or self.settings.get("ASHYQ_RUN_ID") or "adhoc"
            self.renderer = SiteRenderer(
                RenderSettings(
                    out_dir=out_dir,
                    run_id=run_id,
                    body_id=self.body_id,
                    url_map=url_map_from_settings(self.settings),
                    policy=policy_from(self.settings),
                    budget=budget_from(self.settings),
                    timeout_ms=self.settings.getint("ASHYQ_RENDER_TIMEOUT_MS", 20_000),
                    archive=body_archiver(out_dir, run_id, self.body_id),
                    exchanges=archive_for(out_dir, run_id, self.body_id),
                    dialogs=DialogLimits() if self.settings.getbool("ASHYQ_RENDER_DIALOGS", True) else None,
                    selects=SelectLimits() if self.settings.getbool("ASHYQ_RENDER_DIALOGS", True) else None,
                    tabs=TabLimits() if self.settings.getbool("ASHYQ_RENDER_DIALOGS", True) else None,
                )
            )
        return self.renderer

    def _lang(self, parsed: ParsedPage | None, response: Response) -> str | None:
        request = response.request
        framed = request.meta.get(FRAME_LANG) if request is not None else None
        return page_language(parsed, response.url, request.url if request is not None else None, framed)

    def _page_item(
        self,
        response: Response,
        parsed: ParsedPage | None,
        rendered: RenderedPage | None,
        url: str,
        lang: str | None,
        depth: int | None,
        downloads: list[DownloadRecord],
        source: str,
        counterpart: str | None = None,
    ) -> PageItem:
        archive = self.archive_fields(response)
        links = [] if parsed is None else parsed.links
        if rendered is not None:  # the page is the rendered DOM; its conversion record refers to the response
            archive = {
                "warc_file": rendered.warc_file or archive["warc_file"],
                "warc_record_id": rendered.warc_record_id or archive["warc_record_id"],
                "content_sha256": rendered.sha256,
            }
        return PageItem(
            url=url,
            final_url=canonical_url(rendered.final_url) if rendered is not None else canonical_url(response.url),
            lang=lang,
            status=response.status,
            headers={k.decode("latin-1").lower(): b", ".join(v).decode("latin-1") for k, v in response.headers.items()},
            depth=depth,
            content_type=header(response, b"Content-Type"),
            title=(rendered.title if rendered is not None else None) or (parsed.title if parsed else None),
            source=source,
            rendered=rendered is not None,
            counterpart_url=counterpart or (parsed.language_links.get(_other(lang) or "") if parsed else None),
            links=[LinkRecord(lk.url, lk.anchor_text, self._is_internal(lk.url), lk.rel, lk.target) for lk in links],
            downloads=downloads,
            dom_path=rendered.dom_path if rendered is not None else None,
            fetched_at=self.now(),
            **archive,
        )


def page_language(parsed: ParsedPage | None, url: str, asked: str | None, framed: str | None) -> str | None:
    """The language of a page read at ``url`` (asked for at ``asked``; embedded in a page of ``framed``)."""
    from_url = lang_from_url(url) or (lang_from_url(asked) if asked else None)
    if parsed is not None and parsed.html_lang:
        if from_url and from_url != parsed.html_lang and _written_in(parsed) == from_url:
            # a template that declares one language on every page (``<html lang="kk">`` over /ru/ pages
            # written in Russian): the address and the text agree against it
            return from_url
        return parsed.html_lang
    if from_url or parsed is None:
        return from_url or framed
    if framed:
        return str(framed)  # a frame's page without a language of its own: the embedding page's
    # by the share of Kazakh letters (a Russian page naming «Тәуелсіздік» street or linking «Қазақша» stays
    # Russian); any Kazakh letter at all only where the text is too short to tell
    return _written_in(parsed) or lang_from_text(" ".join(filter(None, [parsed.title, parsed.text[:5000]])))


def _written_in(parsed: ParsedPage) -> str | None:
    """The language the page's text is written in, by the share of Kazakh letters (a Russian text quoting a
    Kazakh name stays Russian); None with too little text to tell."""
    return detect_lang(" ".join(filter(None, [parsed.title, parsed.text[:5000]])), min_letters=80)


def _other(lang: str | None) -> str | None:
    return {"kk": "ru", "ru": "kk"}.get(lang or "")


def _is_html(response: Response, content_type: str | None) -> bool:
    if content_type:
        return content_type.split(";")[0].strip().lower() in HTML_TYPES
    return isinstance(response, TextResponse) and response.body.lstrip()[:15].lower().startswith(
        (b"<!doctype", b"<html")
    )
