"""Appendix 14, section 3 — accessibility for visually impaired people (rows 3.1–3.7).

Two sources, each where it can see:

* **the markup of every harvested page** (both languages): images without alternative text, a
  ``<marquee>``/``<blink>``, a skip link and a back-to-top link, a viewport that forbids zooming. A
  defect found here names every page it is on, however many;
* **the browser** on one page of every template the site uses (and on the pages the markup flagged):
  axe-core with every rule of the row's WCAG criteria, and the project's probes — what moves by itself
  and the control that stops it (``motion``), the focus indicator at each Tab stop and keyboard traps
  (``focus``), the skip link used with the keyboard (``skip_link``), forms sent with wrong input
  (``form_errors``), 200 % and 320 px (``zoom``).

A row is met (pass) or not (fail); the rows have no scale of partial points. Where something could
not be decided (axe-core's "incomplete" that no probe settled) and nothing failed, the row is
``not_assessed`` for that, naming the elements (:mod:`ashyq.checks.accessibility.wcag`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import lxml.html

from ashyq.base.artifacts import BodyArtifacts, Measurement
from ashyq.base.evidence import Deficiency, EvidenceRef
from ashyq.base.routes import viewed_file
from ashyq.base.text import matches_label
from ashyq.base.wording import Said
from ashyq.checks.accessibility.image_text import image_text_defects, read_images
from ashyq.checks.accessibility.media import bare_media, media_doubt
from ashyq.checks.accessibility.repeated import doubt_of_repeated, given_elsewhere
from ashyq.checks.accessibility.wcag import Outcome, axe_outcome, interpretation, item_criteria, pages_listed
from ashyq.checks.accessibility.website import (
    Parsed,
    measurements,
    no_measurement,
    no_pages,
    on_site_pages,
    parse,
    site_pages,
    usable,
)
from ashyq.checks.registry import register
from ashyq.checks.result import Result
from ashyq.config.check_settings import check_settings, labels


def _markup_defect(
    pages: list[Parsed],
    hits: Callable[[Parsed], list[Any]],
    message: str,
    kind: str,
    criteria: tuple[str, ...],
    selector: str,
    snippet: Callable[[Any], str | None],
    name: str | None = None,
) -> Deficiency | None:
    """One defect found in the markup, naming every page it is on. Its catalogue message is
    ``deficiency.a14.<name>.markup`` (the name is the kind unless given): the ``message`` followed by
    the elements counted and the pages (``%(count)s``, ``%(pages)s``, ``%(urls)s``)."""
    found = [(p, h) for p in pages if (h := hits(p))]
    if not found:
        return None
    count = sum(len(h) for _, h in found)
    listed, urls = pages_listed([p.page.url for p, _ in found])
    return Deficiency(
        Said(
            f"{message}: {count} on {listed} page(s): {urls}",
            f"deficiency.a14.{name or kind}.markup",
            count=count,
            pages=listed,
            urls=urls,
        ),
        kind=kind,
        count=1,
        url=found[0][0].page.url,
        selector=selector,
        evidence=[p.page.evidence(selector, snippet(h[0])) for p, h in found[:3]],
        pages=[p.page.url for p, _ in found],
        criteria=criteria,
    )


def _measured_urls(taken: list[Measurement]) -> set[str]:
    return {m.url for m in taken}


def _unmeasured(pages: list[Parsed], measured: set[str]) -> list[Parsed]:
    """Pages the browser did not see (their markup is what there is to judge)."""
    return [p for p in pages if p.page.url not in measured and (p.page.final_url or "") not in measured]


def to_confirm(artifacts: BodyArtifacts) -> dict[str, str]:
    """Pages whose markup shows something only the browser can settle, beyond one page per template:
    images without alternative text (a script may add it), moving elements (a control may stop
    them), a viewport that forbids zooming, forms to fill in (only sending them tells), and text
    that opens on demand from an element that is no control (only a click and a Tab tell)."""
    config = check_settings("accessibility", artifacts.config)
    forms: dict[str, str] = {}  # first: a feedback form is on few pages, and must not be crowded out
    out: dict[str, str] = {}
    seen: set[tuple[str | None, str, tuple[str, ...]]] = set()  # the forms already sent: a template's form once
    narrowed: set[tuple[str, str, int]] = set()  # the kinds of wide content already chosen: a component once
    opened: set[tuple[str, str]] = set()  # … and of text opened on demand
    for page in site_pages(artifacts, config):
        p = parse(page)
        asks = [f for f in p.root.iter("form") if f.xpath(ASKS_FOR_SOMETHING)]
        # a form the template puts on every page (a newsletter's sign-up box) is confirmed on its first page only
        signed = [(f, (page.lang, *_form_signature(f))) for f in asks]
        new = [f for f, signature in signed if signature not in seen]
        seen.update(signature for _, signature in signed)
        if any(f.xpath(".//textarea|.//*[@required]|.//*[@aria-required='true']") for f in new):
            forms[page.url] = "a form to fill in"
        elif new:
            out.setdefault(page.url, "a form asking for an address or a number")
        elif images_without_alt(p):
            out.setdefault(page.url, "images without alternative text in the markup")
        elif p.select("marquee, blink"):
            out.setdefault(page.url, "a marquee or blinking text")
        elif p.select("video[autoplay]"):
            out.setdefault(page.url, "a video that plays by itself")
        elif zoom_blocked(p) is not None:
            out.setdefault(page.url, "a viewport that forbids zooming")
        elif (opening := _on_demand_kinds(p)) and not opening <= opened:
            opened.update(opening)  # a widget every page repeats (a calendar's days) is confirmed on its first page
            out.setdefault(page.url, "text that opens on demand from an element that is no control")
        elif (kinds := narrow_prone(p)) and not kinds <= narrowed:
            narrowed.update(kinds)
            out.setdefault(page.url, "content a narrow window may hide or cut (a wide table, a block for wide screens)")
    return forms | out


def _form_signature(form: lxml.html.HtmlElement) -> tuple[str, tuple[str, ...]]:
    """What makes two forms one: where they are sent and the names of their fields."""
    names = sorted({str(f.get("name") or f.get("id") or f.tag) for f in form.iter("input", "textarea", "select")})
    return (str(form.get("action") or ""), tuple(names))


# hidden text (an answer of a FAQ, the body of an accordion) right after an element with words of its
# own to click on (a question, a heading) that is neither a control nor holds one: whatever opens it is
# a click listener, which only the browser tells (3.3). An empty list a script fills is no trigger.
_ON_DEMAND = (
    "//*[(@hidden or contains(translate(@style, ' ', ''), 'display:none')) and string-length(normalize-space()) > 20]"
    "[not(ancestor::form)]"  # a form's messages (sent, failed) are its answers, not text to open
    "[preceding-sibling::*[1][normalize-space() and string-length(normalize-space()) < 300]"
    "[not(self::a or self::button or self::summary or self::label or self::input"
    " or @tabindex or @role='button' or @href) and not(.//a or .//button or .//*[@tabindex] or .//input)]]"
)


# … or hidden by a style sheet the markup does not show, where the trigger's class names a disclosure (a builder's
# toggle or accordion card: «kg-toggle-heading», «accordion-title», «faq-question») and a text follows it
_NAMED_DISCLOSURE = (
    "//*[normalize-space() and string-length(normalize-space()) < 300][not(ancestor::form)]"
    "[contains(@class, 'toggle') or contains(@class, 'accordion') or contains(@class, 'collaps')"
    " or contains(@class, 'spoiler') or contains(@class, 'expand') or contains(@class, 'question')]"
    "[not(self::a or self::button or self::summary or self::label or self::input"
    " or @tabindex or @role='button' or @href) and not(.//a or .//button or .//*[@tabindex] or .//input)]"
    "[following-sibling::*[1][string-length(normalize-space()) > 20]]"
)


# content the page itself holds (no header, menu or footer of its template) that a narrow window may hide or cut: a
# table of four columns or more, or a block classed as hidden on phones by a framework or a builder («hidden-xs»,
# «d-none d-lg-block», «elementor-hidden-mobile»): whether it survives 200 % is the browser's to see (row 3.7)
_WIDE_TABLE = "//table[count((.//tr)[1]/*) >= 4]"
_HIDDEN_ON_PHONES = re.compile(
    r"(?:^|\s)(?:hidden-(?:xs|sm)|u-hidden-xs|d-none|hide-(?:on-)?mobile|desktop-only|visible-(?:md|lg)"
    r"|elementor-hidden-(?:mobile|tablet))(?:\s|$)"
)
_TEMPLATE_PARTS = ("header", "nav", "footer", "aside")


def narrow_prone(parsed: Parsed) -> frozenset[tuple[str, str, int]]:
    """What of the page's own content a narrow window may hide or cut (a wide table, a block classed as hidden on
    phones), as the kinds of element it is (tag, classes, a table's columns): empty for none. Pages holding the same
    kinds hold one component of the site's (its documents table on every list): one of them is measured for all."""
    found = parsed.root.xpath(_WIDE_TABLE) + [
        e for e in parsed.root.iter() if isinstance(e.tag, str) and _HIDDEN_ON_PHONES.search(e.get("class") or "")
    ]
    return frozenset(
        (str(e.tag), " ".join(sorted((e.get("class") or "").split())), len(e.xpath("(.//tr)[1]/*")))
        for e in found
        if e.tag not in _TEMPLATE_PARTS and not any(a.tag in _TEMPLATE_PARTS for a in e.iterancestors())
    )


def opened_by_no_control(parsed: Parsed) -> bool:
    """Whether the page holds text shown on demand whose trigger is no control (a FAQ of ``div``s)."""
    return bool(_on_demand_kinds(parsed))


def _on_demand_kinds(parsed: Parsed) -> frozenset[tuple[str, str]]:
    """The kinds (tag and classes, its parent's too) of the elements :func:`opened_by_no_control` finds: empty for
    none."""
    found = parsed.root.xpath(_ON_DEMAND) + parsed.root.xpath(_NAMED_DISCLOSURE)
    return frozenset((_kind(e), _kind(e.getparent())) for e in found)


def _kind(element: Any) -> str:
    if element is None:
        return ""
    return " ".join([str(element.tag), *sorted((element.get("class") or "").split())])


# a form field that asks for something: a message box, a required field, an address or a number
ASKS_FOR_SOMETHING = (
    ".//textarea|.//input[@required]|.//input[@aria-required='true']|.//select[@required]"
    "|.//input[@type='email']|.//input[@type='tel']"
)


# ------------------------------------------------------------------------------------------- 3.1
def images_without_alt(parsed: Parsed) -> list[Any]:
    """Images with no text alternative at all in the markup (no ``alt``, no name, not hidden)."""
    out = []
    for element in parsed.root.iter("img", "input", "area"):
        if element.tag == "input" and (element.get("type") or "").lower() != "image":
            continue
        if element.tag == "area" and not element.get("href"):
            continue
        if element.get("alt") is not None or element.get("aria-label") or element.get("aria-labelledby"):
            continue
        if element.get("title") or element.get("aria-hidden") == "true":
            continue
        if element.tag == "img" and (element.get("role") or "").lower() in ("presentation", "none"):
            continue
        out.append(element)
    return out


def image_links_without_name(parsed: Parsed) -> list[Any]:
    """Links whose only content is images that give no text (``alt=""``, or hidden from assistive
    technology): the image carries the link's purpose, so an empty alternative leaves the link with
    no name at all (WCAG 1.1.1, failure F89; a banner of text in a picture is the common case)."""
    out = []
    for anchor in parsed.root.iter("a"):
        if anchor.get("href") is None or anchor.get("aria-hidden") == "true":
            continue
        if anchor.get("aria-label", "").strip() or anchor.get("aria-labelledby") or anchor.get("title", "").strip():
            continue
        if anchor.text_content().strip():
            continue
        images = [e for e in anchor.iter("img", "svg", "input", "object") if e is not anchor]
        if not images or any(_names_itself(e) for e in images):
            continue
        out.append(anchor)
    return out


def _names_itself(element: Any) -> bool:
    if element.get("aria-label", "").strip() or element.get("aria-labelledby") or element.get("title", "").strip():
        return True
    return element.tag in ("img", "input") and bool((element.get("alt") or "").strip())


# An alternative text that is the image's file name, its extension or a camera's counter (IMG_4471.JPG,
# DSC_0098, photo-12.png) is no text alternative at all (WCAG 1.1.1, failure F30): a defect, whatever
# the picture shows. One that only says "a picture" (a generic word) is present, so axe passes it, but
# it may not describe the image: the assessor is asked.
FILE_NAME_ALT = re.compile(
    r"^\S*\.(?:jpe?g|png|gif|svg|webp|bmp|tiff?|heic|avif)$"
    r"|^(?:img|dsc[nf]?|dcim|pxl|mvimg|screenshot)[-_]?\d+\S*$"
    r"|^\.?(?:jpe?g|png|gif|svg|webp|bmp|tiff?|heic|avif)$",
    re.I,
)
NUMBERED_GENERIC_ALT = re.compile(r"^(?:image|photo|picture|изображение|фото|сурет|кескін)[-_ ]?\d+$", re.I)
GENERIC_ALT = frozenset(
    {
        "image", "picture", "photo", "img", "pic", "banner", "logo", "icon", "untitled",
        "изображение", "картинка", "фото", "фотография", "рисунок", "баннер", "логотип", "иконка",
        "без названия", "сурет", "фотосурет", "кескін", "сурет жоқ",
    }
)  # fmt: skip


# A picture of figures and text (an infographic, a chart, a diagram) says something: its text alternative gives
# that, in the alt or in a description tied to it (WCAG 1.1.1; techniques G92, H45: a caption, aria-describedby,
# longdesc). An alt that only names the picture's kind («Инфографика», «Диаграмма», «Сызба») gives none of it: a
# defect where no description is tied to the picture.
KIND_ONLY_ALT = re.compile(
    r"^(?:infographics?|chart|diagram|graph|scheme|инфографика|диаграмма|график|схема|таблица|сызба|кесте|графика)"
    r"(?:[-_ ]?\d+)?$",
    re.I,
)


def kind_only_alts(parsed: Parsed) -> list[Any]:
    """Pictures of information whose alternative text only names their kind, with no description tied to
    them (a caption of their figure, ``aria-describedby``, ``longdesc``): what they say is said nowhere for
    one who cannot see them (Appendix 14 row 3.1)."""
    out = []
    for element in parsed.root.iter("img", "input", "area"):
        if element.get("aria-hidden") == "true" or not KIND_ONLY_ALT.search(_alt_of(element).strip(" .:-")):
            continue
        if element.get("aria-describedby") or element.get("longdesc"):
            continue
        figure = next((a for a in element.iterancestors() if a.tag == "figure"), None)
        caption = figure.find(".//figcaption") if figure is not None else None
        said = " ".join(caption.itertext()).strip(" .:-") if caption is not None else ""
        if not said or KIND_ONLY_ALT.search(said):
            out.append(element)
    return out


def _alt_of(element: Any) -> str:
    return re.sub(r"\s+", " ", str(element.get("alt") or element.get("aria-label") or "")).strip()


def file_name_alts(parsed: Parsed) -> list[Any]:
    """Images (not hidden from assistive technology) whose alternative text is a file name, an
    extension or a camera's counter: no description of the image (WCAG 1.1.1, F30)."""
    return [
        element
        for element in parsed.root.iter("img", "input", "area")
        if element.get("aria-hidden") != "true"
        and (element.get("role") or "").lower() not in ("presentation", "none")
        and FILE_NAME_ALT.search(_alt_of(element))
    ]


def questionable_alts(pages: list[Parsed]) -> list[tuple[Parsed, Any, str]]:
    """Images whose alternative text exists but may not describe them: a generic word for "image"
    (each page, each distinct text once). A file name is no question: :func:`file_name_alts`."""
    out = []
    for parsed in pages:
        seen: set[str] = set()
        for element in parsed.root.iter("img", "input", "area"):
            alt = _alt_of(element)
            if not alt or alt in seen or FILE_NAME_ALT.search(alt):
                continue
            if alt.lower().strip(" .:-") in GENERIC_ALT or NUMBERED_GENERIC_ALT.search(alt):
                seen.add(alt)
                out.append((parsed, element, alt))
    return out


# a photograph's file; or a picture the page declares at least this large (an icon or a rule is smaller)
PHOTO_FILE = re.compile(r"\.(?:jpe?g|webp)(?:[?#]|$)", re.I)
PICTURE_PX = 150
NOT_CONTENT = frozenset({"header", "nav", "footer", "aside", "a", "button"})


def declared_px(element: Any, name: str) -> float:
    """A picture's declared width or height in pixels: its attribute, else its inline style's (a published
    document's ``style="width: 600px; height: 300px"``); 0 when neither says."""
    attribute = viewport_number(str(element.get(name) or "0"))
    if attribute:
        return attribute
    found = re.search(rf"(?:^|[;\s]){name}\s*:\s*(\d+(?:\.\d+)?)px", str(element.get("style") or ""), re.I)
    return float(found.group(1)) if found else 0.0


def decorative_pictures(pages: list[Parsed]) -> list[tuple[Parsed, Any]]:
    """Pictures of the page's content marked as decoration (``alt=""``): a photograph's file, or a picture declared
    large (in its attributes or its inline style), outside the site's frame and outside any link or button. WCAG 1.1.1
    lets a purely decorative picture say nothing; whether a news photograph only decorates or shows what the text does
    not is a reader's judgement."""
    out = []
    for parsed in pages:
        for element in parsed.root.iter("img"):
            if element.get("alt") != "" or any(a.tag in NOT_CONTENT for a in element.iterancestors()):
                continue
            sizes = [declared_px(element, k) for k in ("width", "height")]
            declared_small = all(sizes) and min(sizes) < PICTURE_PX / 3
            if declared_small or not (PHOTO_FILE.search(str(element.get("src") or "")) or min(sizes) >= PICTURE_PX):
                continue
            out.append((parsed, element))
    return out


def _alt_doubt(result: Result, pages: list[Parsed]) -> Result:
    """A passing 3.1 whose pages have an image with a questionable alternative text, or content pictures marked as
    decoration (:func:`decorative_pictures`): uncertain."""
    found = questionable_alts(pages)
    if result.status == "pass" and not found and (marked := decorative_pictures(pages)):
        parsed, element = marked[0]
        src = str(element.get("src") or "")
        result.measured["decorative_pictures"] = len(marked)
        return result.uncertain(
            "image_alternative",
            look_at=parsed.page.evidence(f'img[src="{src}"]' if '"' not in src else "img", f'alt "", src {src}'[:200]),
            quote=src[:200],
            detail=f'{len(marked)} picture(s) of the pages\' content marked as decoration (alt=""), first {src} on '
            f"{parsed.page.url}: a purely decorative picture may say nothing; whether it only decorates or shows "
            "what the text does not is the assessor's",
        )
    if result.status != "pass" or not found:
        return result
    parsed, element, alt = found[0]
    src = str(element.get("src") or "")
    result.measured["questionable_alt"] = len(found)
    return result.uncertain(
        "image_alternative",
        look_at=parsed.page.evidence(f'img[alt="{alt}"]' if '"' not in alt else "img", f"alt «{alt}», src {src}"[:200]),
        quote=alt,
        detail=f"{len(found)} image(s) whose alternative text is a generic word, first «{alt}» "
        f"({src}) on {parsed.page.url}: present, but it may not describe what the image shows",
    )


@register("a14.alt_text", "11", ["A14-3.1"], needs=[("pages", "measurements:axe")], also_applies_to=("subordinate",))
def alt_text(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 14 row 3.1: alternative text for meaningful non-text and media content."""
    config = check_settings("accessibility", artifacts.config)
    taken, broken = usable(measurements(artifacts, "axe", "desktop"))
    pages = [parse(p) for p in site_pages(artifacts, config)]
    if not taken and not pages:
        return [no_measurement(item, "axe", broken)] if broken else no_pages(artifacts, [item])
    outcome = axe_outcome(taken, config, item, "missing_alt")

    def alt_and_src(e: Any) -> str:
        return f"alt «{_alt_of(e)}», src {e.get('src')}"[:200]

    markup, unnamed_links, file_names, kind_only = found = (
        _markup_defect(
            _unmeasured(pages, _measured_urls(taken)),
            images_without_alt,
            "images without alternative text in the markup",
            "missing_alt",
            ("1.1.1",),
            "img:not([alt])",
            lambda e: e.get("src"),
        ),
        _markup_defect(
            pages,
            image_links_without_name,
            "links whose only content is an image with an empty alternative text (the link has no name; "
            "Appendix 14 row 3.1)",
            "missing_alt",
            ("1.1.1",),
            "a[href] > img[alt='']",
            lambda a: f"{a.get('href')}: {' '.join(str(i.get('src')) for i in a.iter('img'))}"[:200],
            name="image_link_without_name",
        ),
        _markup_defect(
            pages,
            file_name_alts,
            "images whose alternative text is a file name (it does not describe the image; Appendix 14 row 3.1)",
            "missing_alt",
            ("1.1.1",),
            "img[alt]",
            alt_and_src,
            name="alt_file_name",
        ),
        _markup_defect(
            pages,
            kind_only_alts,
            "pictures of information (an infographic, a chart) whose alternative text only names their kind, "
            "with no description tied to them (Appendix 14 row 3.1)",
            "missing_alt",
            ("1.1.1",),
            "img[alt]",
            alt_and_src,
            name="alt_kind_only",
        ),
    )
    outcome.deficiencies += [d for d in found if d is not None]
    read_text = image_text_defects(taken)
    outcome.deficiencies += read_text
    doubtful = bare_media(taken, outcome)
    measured: dict[str, Any] = {
        "pages": len(pages),
        "browser_pages": len(taken),
        "media": sum(len(m.data.get("media") or []) for m in taken),
        "image_links_without_name": len(unnamed_links.pages) if unnamed_links else 0,
        "file_name_alt_pages": len(file_names.pages) if file_names else 0,
        "kind_only_alt_pages": len(kind_only.pages) if kind_only else 0,
        "violations": sum(
            int(v.get("count", 1))
            for m in taken
            for v in m.data.get("violations", [])
            if v.get("id") in config["axe_rules"] and "1.1.1" in config["axe_rules"][v["id"]]
        ),
        "markup_pages_without_alt": len(markup.pages) if markup else 0,
        **_words_read(taken, read_text),
    }
    result = outcome.result(item, measured, _evidence(taken, pages))
    return [_alt_verdict(result, read_text, doubtful, taken, pages)]


def _words_read(taken: list[Measurement], read_text: list[Deficiency]) -> dict[str, Any]:
    """How many pictures were read for words, and on how many pages a picture's words went unsaid."""
    if taken and all((m.data.get("image_text") or {}).get("available") is False for m in taken):
        return {"images_read_for_words": "no Tesseract: the words images show were not read"}
    return {
        "images_read_for_words": read_images(taken),
        "images_of_text_unsaid": sum(len(d.pages) for d in read_text),
    }


def _alt_verdict(
    result: Result,
    read_text: list[Deficiency],
    doubtful: list[Deficiency],
    taken: list[Measurement],
    pages: list[Parsed],
) -> Result:
    """Row 3.1's certainty: a fail resting only on the words read in pictures (recognition can misread)
    or only on players whose picture may carry their captions is asked; a pass with a questionable
    alternative text or a player beside something is asked too."""
    if result.status == "fail" and read_text and all(d in read_text for d in result.deficiencies):
        first_read = read_text[0]
        return result.uncertain(
            "image_alternative",
            look_at=next((e for e in first_read.evidence if isinstance(e, EvidenceRef)), None),
            quote=str(first_read.message)[:200],
            detail=first_read.message + " — the words were read from the picture by character recognition, "
            "which can misread: look at the picture and its alternative",
        )
    if result.status == "fail" and doubtful and all(d in doubtful for d in result.deficiencies):
        first = doubtful[0]
        return result.uncertain(
            "other_reading",
            look_at=next((e for e in first.evidence if isinstance(e, EvidenceRef)), None),
            detail=first.message
            + " — what the page holds was measured; whether the picture itself carries what is missing "
            "(captions burned into a video) only a person can tell",
        )
    return media_doubt(_alt_doubt(result, pages), taken)


def _evidence(taken: list[Measurement], pages: list[Parsed]) -> list[EvidenceRef]:
    if taken:
        return [
            taken[0].evidence(None, f"axe-core {taken[0].tool_versions.get('axe-core', '?')}, {len(taken)} page(s)")
        ]
    return [pages[0].page.evidence("body", f"{len(pages)} page(s)")] if pages else []


# ------------------------------------------------------------------------------------------- 3.2
@register("a14.motion", "8", ["A14-3.2"], needs=[("measurements:motion", "pages")], also_applies_to=("subordinate",))
def motion(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 14 row 3.2: A way to stop moving, blinking or scrolling content that flashes more than three times a
    second."""
    config = check_settings("accessibility", artifacts.config)
    taken, broken = usable(measurements(artifacts, "motion", "desktop"))
    pages = [parse(p) for p in site_pages(artifacts, config)]
    if not taken and not pages:
        return [no_measurement(item, "motion", broken)]
    criteria = item_criteria(config, item)[:1]
    outcome = Outcome()
    uncontrolled: list[tuple[Measurement, dict[str, Any]]] = []
    broken_controls: list[tuple[Measurement, dict[str, Any]]] = []
    for m in taken:
        for moving in m.data.get("moving", []):
            if not moving.get("control") and not m.data.get("pause_controls"):
                uncontrolled.append((m, moving))
            elif moving.get("control_works") is False:
                broken_controls.append((m, moving))
    for found, message, kind in (
        (
            uncontrolled,
            "content moves by itself with no visible, keyboard-operable control to stop it",
            "moving_without_pause",
        ),
        (
            broken_controls,
            "the control pressed with the keyboard did not stop the moving content",
            "pause_does_not_work",
        ),
    ):
        if found:
            m, first = found[0]
            selectors = ", ".join(dict.fromkeys(str(i.get("selector")) for _, i in found[:5]))
            listed, urls = pages_listed([x.url for x, _ in found])
            outcome.deficiencies.append(
                Deficiency(
                    Said(
                        f"{message}: {selectors} on {listed} page(s): {urls}",
                        f"deficiency.a14.{kind}",
                        selectors=selectors,
                        pages=listed,
                        urls=urls,
                    ),
                    kind=kind,
                    url=m.url,
                    selector=first.get("selector"),
                    evidence=[
                        x.evidence(i.get("selector"), f"{i.get('kind')}; control {i.get('control')}")
                        for x, i in found[:3]
                    ],
                    pages=list(dict.fromkeys(x.url for x, _ in found)),
                    criteria=criteria,
                )
            )
    markup = _markup_defect(
        _unmeasured(pages, _measured_urls(taken)),
        lambda p: p.select("marquee, blink"),
        "a marquee or blinking text the browser did not watch (no control of its own)",
        "moving_without_pause",
        criteria,
        "marquee, blink",
        lambda e: e.text_content()[:80],
    )
    if markup is not None:
        outcome.deficiencies.append(markup)
    if not taken and markup is None:
        return [no_measurement(item, "motion", broken)]
    measured = {
        "pages": len(taken),
        "pages_with_motion": sum(1 for m in taken if m.data.get("moving")),
        "uncontrolled": len(uncontrolled),
    }
    evidence = [taken[0].evidence(None, f"{len(taken)} page(s) watched")] if taken else []
    return [outcome.result(item, measured, evidence)]


# ------------------------------------------------------------------------------------------- 3.4
def skip_link(parsed: Parsed, config: dict[str, Any]) -> Any | None:
    """A link to the main content among the first links of the page: to an element of the page, and
    labelled as one (or matching a skip-link selector). A link to the content placed after it and worded as a way
    back up («↑ Наверх» to ``#content`` at the page's foot) is the back-to-top link, not a skip link."""
    ids = {e.get("id") for e in parsed.root.iter() if e.get("id")} | {a.get("name") for a in parsed.root.iter("a")}
    vocabulary = labels(config, "skip_link")
    first = parsed.anchors()[:15]  # a skip link comes first in the tab order
    for anchor in first:
        href = anchor.get("href", "")
        if href.startswith("#") and href[1:] in ids and matches_label(anchor.text_content(), vocabulary):
            return anchor
    found = parsed.first(config["skip_link_selectors"])
    if found is None or (found[1].get("href") or "#")[1:] not in ids:
        return None
    up = labels(config, "back_to_top")
    said = found[1].text_content() or found[1].get("title") or found[1].get("aria-label")
    if found[1].tag == "a" and found[1] not in first:
        return None
    if matches_label(said, up, exact=True) or matches_label(_words_only(said), up, exact=True):
        return None
    return found[1]


def _words_only(text: str | None) -> str:
    """The text without the arrows, signs and punctuation around its words."""
    return re.sub(r"^[\W_]+|[\W_]+$", "", text or "")


def bypass_in_markup(parsed: Parsed) -> str | None:
    """WCAG 2.4.1's other ways past the repeated blocks, read from the markup: a main landmark, or a
    heading that starts the content."""
    if parsed.select("main, [role=main]"):
        return "main landmark"
    if parsed.select("h1, h2, [role=heading]"):
        return "headings"
    return None


def _top_ids(parsed: Parsed) -> set[str]:
    """The ids that name the top of the page: ``top``, and those of the page itself, its body, the body's first
    element and the page's header."""
    body = parsed.root.find("body")
    tops = [parsed.root, body] if body is not None else [parsed.root]
    if body is not None:
        first = next((c for c in body if isinstance(c.tag, str)), None)
        tops += [first] if first is not None else []
    tops += parsed.select("header, [role=banner]")[:1]
    return {"top"} | {str(e.get("id")) for e in tops if e is not None and e.get("id")}


def _back_to_contents(parsed: Parsed, anchor: Any, target_id: str) -> bool:
    """A link back to the page's own contents list above it («↑ К содержанию», «↑ Мазмұнға оралу» at the end of a
    long publication): its target, before the link, holds two links or more into the page itself (a contents
    list, whatever element draws it) - the reader is taken back up to where the page's parts are listed."""
    if not target_id:
        return False
    found = parsed.root.xpath("//*[@id=$id]", id=target_id)
    target = found[0] if found else None
    if target is None or target is anchor or anchor in target.iterdescendants():
        return False
    inward = [a for a in target.iter("a") if (a.get("href") or "").startswith("#") and len(a.get("href") or "") > 1]
    if len(inward) < 2:
        return False
    order = {e: i for i, e in enumerate(parsed.root.iter())}
    return order[target] < order[anchor]


def back_to_top(parsed: Parsed, config: dict[str, Any]) -> Any | None:
    """A link back to the top of the page: labelled as one (an arrow or a sign beside the word, as in
    «Наверх ↑» or «▲ Жоғары», changes nothing), a link to the top itself (``#top``, or the id of the page, its
    body or its header, whatever its words: «↑ Беттің басына», «В начало страницы»), a link back up to the page's
    own contents list (:func:`_back_to_contents`), or a bare ``#`` link styled as one."""
    vocabulary = labels(config, "back_to_top")
    tops = _top_ids(parsed)
    for anchor in parsed.anchors():
        href = anchor.get("href", "")
        said = anchor.text_content() or anchor.get("title") or anchor.get("aria-label")
        if matches_label(said, vocabulary, exact=True) or matches_label(_words_only(said), vocabulary, exact=True):
            return anchor
        if href.startswith("#") and (href[1:] in tops or _back_to_contents(parsed, anchor, href[1:])):
            return anchor
        if href == "#" and re.search(r"top|up|наверх", anchor.get("class") or "", re.I):
            return anchor
    return None


@register(
    "a14.skip_and_top",
    "7",
    ["A14-3.4"],
    needs=["pages"],
    uses=["measurements:skip_link", "measurements:axe"],
    also_applies_to=("subordinate",),
)
@on_site_pages
def skip_and_top(artifacts: BodyArtifacts, item: str, config: dict[str, Any], pages: list[Parsed]) -> list[Result]:
    """Appendix 14 row 3.4 asks for "a link to the main content on every web page" (interpretation
    ``a14-skip-link``: by default that link, as the text says; the other reading accepts any of
    WCAG 2.4.1's ways past repeated blocks). A link the browser used that led nowhere near the main
    content is no such link."""
    reading = interpretation(artifacts, "a14-skip-link")
    probes, _ = usable(measurements(artifacts, "skip_link", "desktop"))
    axe_taken, _ = usable(measurements(artifacts, "axe", "desktop"))
    criteria = item_criteria(config, item)
    outcome = Outcome()
    without, broken, via = _ways_past(pages, {m.url: m for m in probes}, config, reading)
    if without and len(without) > (1 - float(config["presence_pass_share"])) * len(pages):
        what = "no link to the main content" if reading == "link" else "no way past the repeated blocks"
        listed, urls = pages_listed([p.page.url for p in without])
        outcome.deficiencies.append(
            Deficiency(
                Said(
                    f"{what} on {len(without)} of {len(pages)} pages: {listed} page(s): {urls}",
                    "deficiency.a14.no_skip_link." + ("link" if reading == "link" else "any_bypass"),
                    missing=len(without),
                    of=len(pages),
                    pages=listed,
                    urls=urls,
                ),
                kind="no_skip_link",
                url=without[0].page.url,
                evidence=[p.page.evidence("body > a:first-of-type", p.page.title) for p in without[:3]],
                pages=[p.page.url for p in without],
                criteria=criteria,
            )
        )
    if broken:
        outcome.deficiencies.append(_skip_links_broken(broken, criteria))
    axe = axe_outcome(axe_taken, config, item, "no_skip_link")
    outcome.deficiencies += axe.deficiencies
    long_limit = int(config["long_page_chars"])
    long_pages = [p for p in pages if len(p.text()) > long_limit]
    without_top = [p for p in long_pages if back_to_top(p, config) is None]
    if without_top:
        listed, urls = pages_listed([p.page.url for p in without_top])
        outcome.deficiencies.append(
            Deficiency(
                Said(
                    f"long pages without a «back to top» link: {listed} page(s): {urls}",
                    "deficiency.a14.no_back_to_top",
                    pages=listed,
                    urls=urls,
                ),
                kind="no_back_to_top",
                url=without_top[0].page.url,
                evidence=[p.page.evidence(None, p.page.title) for p in without_top[:3]],
                pages=[p.page.url for p in without_top],
            )
        )
    shown = next((p for p in pages if p.page.url in via), pages[0])
    found = skip_link(shown, config)
    measured = {
        "pages": len(pages),
        "reading": reading,
        "without_skip_link": len(without),
        "skip_link_broken": len(broken),
        "used_with_keyboard": len(probes),
        "long_pages": len(long_pages),
        "long_without_back_to_top": len(without_top),
    }
    snippet = found.text_content() if found is not None else via.get(shown.page.url) or shown.page.title
    return [_skip_doubt(outcome.result(item, measured, [shown.page.evidence("a[href^='#']", snippet)]), broken)]


def _skip_doubt(result: Result, broken: list[tuple[Parsed, Measurement]]) -> Result:
    """A 3.4 fail whose only defect is skip links that name the main content (``#main`` of ``<main id="main">``) but,
    used, left the focus elsewhere (the page's own script moved it, or reloaded the page): the row asks for «ссылка
    перехода к основному содержанию», and whether a link that is there and names it, but does not take the reader
    there, is one is read both ways. Uncertain; the best guess stays fail."""
    if result.status != "fail" or not broken or any(d.kind != "skip_link_broken" for d in result.deficiencies):
        return result
    for _, probe in broken:
        main = str(probe.data.get("main") or "")
        if not main.startswith("#") or not any(t.get("href") == main for t in probe.data.get("tried") or []):
            return result
    page, probe = broken[0]
    tried = (probe.data.get("tried") or [{}])[0]
    return result.uncertain(
        "other_reading",
        look_at=probe.evidence(tried.get("selector"), f"landed on {tried.get('landed')}"),
        quote=str(tried.get("text") or tried.get("href") or page.page.url),
        detail=f"the link to the main content is on the page and names it ({tried.get('href')}), but used with the "
        "keyboard the focus did not land there: whether a link that does not take the reader to the content is row "
        "3.4's link to it is read both ways",
    )


def _ways_past(
    pages: list[Parsed], probe_of: dict[str, Measurement], config: dict[str, Any], reading: str
) -> tuple[list[Parsed], list[tuple[Parsed, Measurement]], dict[str, str]]:
    """(pages without a way past the repeated blocks, pages whose skip link the keyboard used in vain,
    page → the way it has)."""
    without: list[Parsed] = []
    broken: list[tuple[Parsed, Measurement]] = []
    via: dict[str, str] = {}
    for p in pages:
        link = skip_link(p, config)
        probe = probe_of.get(p.page.url) or probe_of.get(p.page.final_url or "")
        works = bool(probe and probe.data.get("works"))
        if works:
            via[p.page.url] = "skip link used with the keyboard"
            continue
        if link is not None and probe is not None and probe.data.get("tried"):
            broken.append((p, probe))
            continue
        if link is not None:
            via[p.page.url] = "skip link in the markup"
            continue
        if reading == "any-bypass":
            other = bypass_in_markup(p)
            if probe is not None and probe.data.get("focusable_before_main") == 0:
                other = "nothing to pass before the main content"
            elif probe is not None and probe.data.get("collapses"):
                other = "the repeated block folds away"
            if other:
                via[p.page.url] = other
                continue
        without.append(p)
    return without, broken, via


def _skip_links_broken(broken: list[tuple[Parsed, Measurement]], criteria: tuple[str, ...]) -> Deficiency:
    listed, urls = pages_listed([p.page.url for p, _ in broken])
    return Deficiency(
        Said(
            "the link to the main content, used with the keyboard, does not take the focus there: "
            f"{listed} page(s): {urls}",
            "deficiency.a14.skip_link_broken",
            pages=listed,
            urls=urls,
        ),
        kind="skip_link_broken",
        url=broken[0][0].page.url,
        selector=(broken[0][1].data.get("tried") or [{}])[0].get("selector"),
        evidence=[
            m.evidence(
                (m.data.get("tried") or [{}])[0].get("selector"),
                f"landed on {(m.data.get('tried') or [{}])[0].get('landed')}",
            )
            for _, m in broken[:3]
        ],
        pages=[p.page.url for p, _ in broken],
        criteria=criteria,
    )


# ------------------------------------------------------------------------------------------- 3.5
SENT = re.compile(r"спасибо|отправлен|принят|рахмет|жіберілді|қабылданды|thank|\bsent\b|received", re.IGNORECASE)


def _describes(message: dict[str, Any], generic: list[str]) -> bool:
    """Whether a message tied to a field says more than that the field is wrong: a word beyond the
    field's name and the words that only say "invalid value" (the cause, or how to put it right).
    A measurement without the message's words (taken before they were read) counts as saying it."""
    if "says" not in message:
        return True
    return any(not any(str(word).startswith(stem) for stem in generic) for word in message["says"])


# why a form sent wrongly told the visitor too little: its code (the catalogue's
# deficiency.a14.no_error_message.<code>) → the English, «{message}» the words the form showed
FORM_FAULTS = {
    "field_only": "the message «{message}» names the field but not what is wrong with it",
    "no_field": "the message «{message}» does not say which field is wrong",
    "hidden": "the message «{message}» is hidden from assistive technology",
    "silent": "the form took wrong input without any error text",
}


@dataclass(frozen=True)
class FormFault:
    """A code of :data:`FORM_FAULTS` and the words of the message the form showed ("" for none)."""

    code: str
    message: str = ""

    def __str__(self) -> str:
        return FORM_FAULTS[self.code].format(message=self.message)


def _form_verdicts(m: Measurement, generic: list[str] | None = None) -> list[tuple[dict[str, Any], FormFault | None]]:
    """Each form sent wrongly on the page: None when the visitor was told which field is wrong and
    what is wrong with it, else why not."""
    generic = generic or []
    out: list[tuple[dict[str, Any], FormFault | None]] = []
    for form in m.data.get("forms", []):
        messages = [x for x in form.get("messages", []) if x.get("fresh") or x.get("error_like")]
        # a message tied to the field counts, unless it thanks the visitor for a message it took
        errors = [
            x for x in messages if x.get("error_like") or (x.get("tied") and not SENT.search(x.get("text") or ""))
        ]
        exposed = [_about_the_one_field(form, x) for x in errors if not x.get("hidden_from_at")]
        if form.get("native") and form.get("sent_by") != "plain-button":
            out.append((form, None))  # the browser refused the input and named the field
        elif exposed and any(x.get("tied") and _describes(x, generic) for x in exposed):
            out.append((form, None))
        elif exposed and any(x.get("tied") for x in exposed):
            said = next(x for x in exposed if x.get("tied"))
            out.append((form, FormFault("field_only", str(said["text"]))))
        elif exposed:
            out.append((form, FormFault("no_field", str(exposed[0]["text"]))))
        elif errors:
            out.append((form, FormFault("hidden", str(errors[0]["text"]))))
        elif form.get("constrained") or (form.get("textarea") and not form.get("went_on")) or _sent_back(form):
            # a field it requires left empty, an address that is none: an error the form had to detect;
            # a message box nothing marks required, left empty, is one only if the form kept it back —
            # one that went on with it detected no error (WCAG 3.3.1 speaks of errors detected), and
            # is left to the assessor as a form whose error could not be triggered
            out.append((form, FormFault("silent")))
    return out


def _about_the_one_field(form: dict[str, Any], message: dict[str, Any]) -> dict[str, Any]:
    """A message about the input of a form with one field to fill is about that field (WCAG 3.3.1's "the
    item that is in error is identified": there is no other item it could be), so it is tied to it; what
    it says is every word of it (the field's label is not known here)."""
    if form.get("fields") != 1 or message.get("tied"):
        return message
    said = re.findall(r"[^\W\d_]{3,}", str(message.get("text") or "").lower())
    return {**message, "tied": ["(the form's only field)"], "says": said[:24]}


def _sent_back(form: dict[str, Any]) -> bool:
    """A form sent with its fields spoiled whose answer is a new page holding the same form again, with
    no word of thanks: the site kept the entry back (it detected an error) and said nothing in text."""
    thanked = any(SENT.search(x.get("text") or "") for x in form.get("messages", []) if x.get("fresh"))
    return bool(form.get("went_on") and form.get("spoiled") and form.get("fields") and not thanked)


Sent = tuple[Measurement, dict[str, Any]]  # a form as the browser sent it wrongly, on its page


def untriggered_forms(taken: list[Measurement], judged: list[dict[str, Any]]) -> list[Sent]:
    """The forms sent wrongly whose error could not be triggered: nothing required, no message box,
    no message, so the empty form told nothing either way (a poll, a subscription)."""
    ids = {id(f) for f in judged}
    return [(m, f) for m in taken for f in m.data.get("forms", []) if id(f) not in ids]


def _form_doubt(result: Result, untried: list[Sent]) -> Result:
    """A 3.5 verdict that is not a fail while some form's error could not be triggered: uncertain."""
    if result.status not in ("pass", "not_applicable") or not untried:
        return result
    m, form = untried[0]
    result.measured["untriggered_forms"] = len(untried)
    return result.uncertain(
        "error_not_triggered",
        look_at=m.evidence(
            form.get("selector"), f"form {form.get('selector')}: no error message after sending it empty"
        ),
        quote=str(form.get("selector") or m.url),
        detail=f"{len(untried)} form(s) took an empty submission without any message, none of their fields "
        f"required (first {form.get('selector')} on {m.url}): whether they say what is wrong with a wrong "
        "input could not be seen",
    )


@register("a14.form_errors", "10", ["A14-3.5"], needs=["measurements:form_errors"], also_applies_to=("subordinate",))
def form_errors(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 14 row 3.5: A text message for an input error when filling in forms."""
    config = check_settings("accessibility", artifacts.config)
    taken, broken = usable(measurements(artifacts, "form_errors", "desktop"))
    if not taken:
        return [no_measurement(item, "form_errors", broken)]
    generic = labels(config, "input_error_generic")
    verdicts = [(m, form, why) for m in taken for form, why in _form_verdicts(m, generic)]
    untried = untriggered_forms(taken, [form for _, form, _ in verdicts])
    if not verdicts:
        return [
            _form_doubt(
                Result(
                    item,
                    None,
                    "not_applicable",
                    {"forms": 0, "pages": len(taken)},
                    reason=Said("no page the browser saw has a form to fill in", "reason.a14.no_form"),
                    evidence=[taken[0].evidence()],
                ),
                untried,
            )
        ]
    failed = [(m, f, why) for m, f, why in verdicts if why]
    outcome = Outcome()
    if failed:
        m, form, why = failed[0]
        listed, urls = pages_listed([x.url for x, _, _ in failed])
        words = {"message": why.message} if why is not None and why.code != "silent" else {}
        outcome.deficiencies.append(
            Deficiency(
                Said(
                    f"{why} (form {form.get('selector')}); forms that fail: {len(failed)} on {listed} page(s): {urls}",
                    f"deficiency.a14.no_error_message.{why.code if why is not None else 'silent'}",
                    form=str(form.get("selector")),
                    forms=len(failed),
                    pages=listed,
                    urls=urls,
                    **words,
                ),
                kind="no_error_message",
                url=m.url,
                selector=form.get("selector"),
                evidence=[x.evidence(f.get("selector"), str(w)) for x, f, w in failed[:3]],
                pages=list(dict.fromkeys(x.url for x, _, _ in failed)),
                criteria=item_criteria(config, item),
            )
        )
    shown = next(((m, f) for m, f, why in verdicts if not why), (verdicts[0][0], verdicts[0][1]))
    told = [x.get("message") for x in shown[1].get("native", [])] + [x["text"] for x in shown[1].get("messages", [])]
    return [
        _form_doubt(
            outcome.result(
                item,
                {"forms": len(verdicts), "silent_forms": len(failed)},
                [shown[0].evidence(shown[1].get("selector"), "; ".join(t for t in told if t)[:200])],
            ),
            untried,
        )
    ]


# ------------------------------------------------------------------------------------------- 3.6
@register("a14.contrast", "6", ["A14-3.6"], needs=["measurements:axe"], also_applies_to=("subordinate",))
def contrast(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 14 row 3.6: text contrast against the background of at least 4.5:1."""
    config = check_settings("accessibility", artifacts.config)
    taken, broken = usable(measurements(artifacts, "axe", "desktop"))
    if not taken:
        return [no_measurement(item, "axe", broken)]
    taken = [_active_only(m) for m in taken]
    outcome = axe_outcome(taken, config, item, "low_contrast")
    nodes = [
        n
        for m in taken
        for v in m.data.get("violations", [])
        if v.get("id") == "color-contrast"
        for n in v.get("nodes", [])
    ]
    ratios = [float(n["contrast_ratio"]) for n in nodes if n.get("contrast_ratio")]
    decided = [d for m in taken for d in m.data.get("decided", [])]
    measured: dict[str, Any] = {
        "pages": len(taken),
        "violations": sum(
            int(v.get("count", 1))
            for m in taken
            for v in m.data.get("violations", [])
            if v.get("id") == "color-contrast"
        ),
        "decided_on_pixels": len(decided),
    }
    if ratios:
        measured["contrast_ratio"] = min(ratios)
    result = outcome.result(item, measured, _evidence(taken, []))
    if result.status == "not_assessed" and outcome.undecided and not outcome.deficiencies:
        return [_contrast_asked(item, result, outcome, taken)]
    return [result]


# a control marked inactive by its own markup (a data table's «Предыдущая» on its first page, a pager's disabled item):
# WCAG 1.4.3 asks no contrast of an inactive user interface component, whatever the script marks it with
INACTIVE = re.compile(
    r"""^<[^>]*(?:\bclass\s*=\s*["'][^"']*(?<![\w-])disabled(?![\w-])"""
    r"""|\baria-disabled\s*=\s*["']true["']|\sdisabled[\s>=])""",
    re.I,
)


def _active_only(taken: Measurement) -> Measurement:
    """An axe measurement without the low-contrast nodes of inactive controls (:data:`INACTIVE`)."""
    violations = taken.data.get("violations") or []
    kept = []
    for v in violations:
        if v.get("id") != "color-contrast":
            kept.append(v)
            continue
        nodes = [n for n in v.get("nodes", []) if not INACTIVE.match(str(n.get("html") or ""))]
        if len(nodes) == len(v.get("nodes", [])):
            kept.append(v)
        elif nodes:
            kept.append({**v, "nodes": nodes, "count": len(nodes)})
    if len(kept) == len(violations) and all(a is b for a, b in zip(kept, violations, strict=True)):
        return taken
    return replace(taken, data={**taken.data, "violations": kept})


def _contrast_asked(item: str, result: Result, outcome: Outcome, taken: list[Measurement]) -> Result:
    """Every text measured reaches the ratio and some could not be measured (covered by another element,
    over a busy picture, off the screen): what cannot be measured is no defect, so the row keeps the
    measured texts' verdict, pass, and the assessor is asked about the rest."""
    first = outcome.undecided[0]
    page = next((m for m in taken if m.url == first.url), taken[0])
    count, urls = pages_listed([u.url for u in outcome.undecided])
    # every reason met, in the order met (a slider's captions: one covered, one off the screen as it turns)
    why = "; ".join(dict.fromkeys(u.why for u in outcome.undecided[:20]))
    passed = Result(item, None, "pass", result.measured, [], result.evidence)
    return passed.uncertain(
        "other_reading",
        look_at=page.evidence(first.selector, first.why[:200]),
        detail=f"every text measured reaches the ratio; {len(outcome.undecided)} text(s) could not be measured "
        f"({why}; first: {first.selector or '?'}) on {count} page(s): {urls} — look whether they read at 4.5:1",
    )


# ------------------------------------------------------------------------------------------- 3.7
def zoom_blocked(parsed: Parsed) -> str | None:
    """The viewport forbids zooming to 200 % (``user-scalable=no`` or a maximum scale under 2), read
    as the browser reads the values: ``yes`` is 1, ``no`` 0, ``device-width`` 10, a number its prefix,
    anything else 0; a negative maximum is ignored."""
    for meta in parsed.select("meta[name=viewport]"):
        content = (meta.get("content") or "").lower()
        for key, raw in re.findall(r"([\w-]+)\s*=\s*([^,;\s]*)", content):
            value = viewport_number(raw)
            if key == "user-scalable" and abs(value) < 1:
                return str(meta.get("content"))
            if key == "maximum-scale" and 0 <= value < 2:
                return str(meta.get("content"))
    return None


def viewport_number(raw: str) -> float:
    if raw in ("yes",):
        return 1.0
    if raw in ("no",):
        return 0.0
    if raw in ("device-width", "device-height"):
        return 10.0
    found = re.match(r"[+-]?(\d+(\.\d*)?|\.\d+)", raw)
    return float(found.group(0)) if found else 0.0


def _zoomed_defects(scrolling: list[Measurement], lost: list[Measurement]) -> list[Deficiency]:
    """What the browser saw at 200 %: pages that scroll sideways, text cut off."""
    out: list[Deficiency] = []
    if scrolling:
        m = scrolling[0]
        causes = ", ".join(str(c.get("selector")) for c in (m.data.get("overflow") or [])[:3])
        listed, urls = pages_listed([x.url for x in scrolling])
        width, client = str(m.data.get("scroll_width")), str(m.data.get("client_width"))
        out.append(
            Deficiency(
                Said(
                    f"at 200 % the page scrolls sideways ({width} px of content in "
                    f"{client} px{'; made wide by ' + causes if causes else ''}) on {listed} page(s): {urls}",
                    "deficiency.a14.horizontal_scroll" + (".caused" if causes else ""),
                    width=width,
                    client=client,
                    pages=listed,
                    urls=urls,
                    **({"causes": causes} if causes else {}),
                ),
                kind="horizontal_scroll",
                url=m.url,
                evidence=[x.evidence("html", x.url) for x in scrolling[:3]],
                pages=[x.url for x in scrolling],
                criteria=("1.4.10",),
            )
        )
    if lost:
        first = _cut_at_zoom(lost[0])[0]
        selector = first.get("selector") if isinstance(first, dict) else first
        listed, urls = pages_listed([m.url for m in lost])
        out.append(
            Deficiency(
                Said(
                    f"text is cut off at 200 % ({selector}) on {listed} page(s): {urls}",
                    "deficiency.a14.content_lost",
                    selector=str(selector),
                    pages=listed,
                    urls=urls,
                ),
                kind="content_lost",
                url=lost[0].url,
                selector=selector,
                evidence=[
                    m.evidence(selector, first.get("text") if isinstance(first, dict) else None) for m in lost[:3]
                ],
                pages=[m.url for m in lost],
                criteria=("1.4.4",),
            )
        )
    return out


def _cut_at_zoom(m: Measurement) -> list[Any]:
    """The texts cut off at 200 % on a page, but those its own control shows whole (a line-clamped text's «Толық
    оқу»: ``expands``, folded behind the control, not lost)."""
    clipped = m.data.get("clipped") or []
    if not isinstance(clipped, list):
        return [clipped]
    return [c for c in clipped if not (isinstance(c, dict) and c.get("expands"))]


def _cut_by_design(taken: list[Measurement]) -> dict[str, int]:
    """The texts cut at 200 % that the zoom did not lose: moving through their box (a ticker: cut by design at every
    size), or shown whole by a control right after them (a line-clamped text's «Читать полностью»)."""
    return {
        "clipped_moving": sum(len(m.data.get("clipped_moving") or []) for m in taken),
        "clipped_folded": sum(
            1 for m in taken for c in (m.data.get("clipped") or []) if isinstance(c, dict) and c.get("expands")
        ),
    }


def _hidden_at_zoom(taken: list[Measurement], how: str) -> list[tuple[Measurement, dict[str, Any]]]:
    """The blocks of text shown at 100 % that the zoomed layout hides, by how they come back (``lost``:
    nothing opens them; ``folded_mouse_only``: only a mouse click on a control does)."""
    return [(m, b) for m in taken for b in ((m.data.get("hidden") or {}).get(how) or []) if isinstance(b, dict)]


def _substantial(block: dict[str, Any]) -> bool:
    """Content beyond doubt: a table, a menu, a form (a field to fill: the row's "functionality", whatever
    few words its button says), or more than a short label's words. A menu is one of links to other
    places than the page itself (two or more): a row of tabs going nowhere (``javascript:``) is none."""
    if "links" in block:  # the probe counted where the block's links lead
        elsewhere = int(block["links"]) - int(block.get("in_page") or 0) - int(block.get("nowhere") or 0)
        menu = bool(block.get("nav")) and elsewhere >= 2
    else:
        menu = bool(block.get("nav"))
    return bool(block.get("table") or menu or block.get("form")) or int(block.get("chars") or 0) >= 60


def _page_links_only(block: dict[str, Any]) -> bool:
    """A box of links to places on the page itself (a page's own table of contents, «Осы бетте» / «На этой
    странице»), each place still shown at 200 %, with no more words of its own than a caption: hiding it
    loses no content (what it names is on the page) and no function (scrolling reaches each place)."""
    links, in_page = int(block.get("links") or 0), int(block.get("in_page") or 0)
    plain = not (block.get("table") or block.get("form"))
    return plain and links > 0 and in_page == links and int(block.get("chars") or 0) < 60


def _hidden_defects(gone: list[tuple[Measurement, dict[str, Any]]]) -> list[Deficiency]:
    """Row 3.7's "without loss of content or function": text the style sheet hides at 200 % that no
    control brings back. A block folded behind a control only a mouse click opens is not lost to the
    reader who enlarges the text (the control opens it); that the keyboard cannot open it is row 3.3's
    (``mouse_only_at_zoom``), not counted twice."""
    if not gone:
        return []
    # a form no control shows again: what the reader could do is lost, not only what they could read
    lost = "function_lost" if any(b.get("form") for _, b in gone) else "content_lost"
    m, block = gone[0]
    listed, urls = pages_listed(list(dict.fromkeys(x.url for x, _ in gone)))
    where = str(block.get("selector"))
    said = Said(
        f"at 200 % the style sheet hides text shown at 100 % ({where}: «{block.get('text')}») and nothing "
        f"shows it again, on {listed} page(s): {urls}",
        "deficiency.a14.hidden_at_zoom", selector=where, text=str(block.get("text")), pages=listed, urls=urls,
    )  # fmt: skip
    evidence = [x.evidence(b.get("selector"), b.get("html")) for x, b in gone[:3]]
    pages = [x.url for x, _ in gone]
    return [Deficiency(said, kind=lost, url=m.url, selector=where, evidence=evidence, pages=pages, criteria=("1.4.4",))]


@register(
    "a14.zoom",
    "14",
    ["A14-3.7"],
    needs=[("measurements:zoom", "pages")],
    uses=["measurements:axe"],
    also_applies_to=("subordinate",),
)
def zoom(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 14 row 3.7: text resizable to 200 % without loss of content or function and without horizontal
    scrolling."""
    config = check_settings("accessibility", artifacts.config)
    pages = [parse(p) for p in site_pages(artifacts, config)]
    taken, broken = usable(measurements(artifacts, "zoom", "desktop"))
    outcome = Outcome()
    blocked = _markup_defect(
        pages,
        lambda p: [c] if (c := zoom_blocked(p)) is not None else [],
        "the viewport forbids zooming",
        "zoom_blocked",
        ("1.4.4",),
        "meta[name=viewport]",
        lambda c: str(c),
    )
    if blocked is not None:
        outcome.deficiencies.append(blocked)
    if not taken and blocked is None:
        return [no_measurement(item, "zoom", broken)]
    slight = [m for m in taken if m.data.get("horizontal_scroll") and _slight(m, int(config["reflow_tolerance_px"]))]
    scrolling = [m for m in taken if m.data.get("horizontal_scroll") and m not in slight]
    lost = [m for m in taken if _cut_at_zoom(m)]
    outcome.deficiencies += _zoomed_defects(scrolling, lost)
    hidden, mouse_folds = _hidden_at_zoom(taken, "lost"), _hidden_at_zoom(taken, "folded_mouse_only")
    gone = [(m, b) for m, b in hidden if not _page_links_only(b)]
    # a block whose every text the site's other pages give: no loss of the resource's content (uncertain)
    repeated = given_elsewhere(gone, pages)
    gone = [x for x in gone if x not in repeated]
    outcome.deficiencies += _hidden_defects(gone)
    axe_taken, _ = usable(measurements(artifacts, "axe", "desktop"))
    axe = axe_outcome(axe_taken, config, item, "zoom_blocked")
    if blocked is None:  # the markup's reading of the viewport and axe-core's say the same thing
        outcome.deficiencies += axe.deficiencies
    measured = {
        "pages": len(taken),
        "blocked": len(blocked.pages) if blocked else 0,
        "horizontal_scroll": len(scrolling),
        "wide_content_only": sum(
            1 for m in taken if m.data.get("document_scroll") and not m.data.get("horizontal_scroll")
        ),
        "reflow_320_scroll": sum(1 for m in taken if (m.data.get("reflow_320") or {}).get("horizontal_scroll")),
        **_cut_by_design(taken),
        "slight_overflow": len(slight),
        # text a style sheet hides at 200 %: nothing opens it, only a mouse click does, a keyboard does
        "hidden_lost": len(gone),
        # a box of links to places on the same page that stay shown (a table of contents): nothing lost
        "hidden_page_links": len(hidden) - len(gone) - len(repeated),
        "hidden_given_elsewhere": len(repeated),
        "hidden_mouse_only": len(mouse_folds),
        "hidden_folded": sum(len((m.data.get("hidden") or {}).get("folded_keyboard") or []) for m in taken),
    }
    evidence = [taken[0].evidence("html", f"zoom {taken[0].data.get('zoom', 2)}")] if taken else []
    result = outcome.result(item, measured, evidence)
    if len(result.deficiencies) == 1 and gone and not mouse_folds and not any(_substantial(b) for _, b in gone):
        m, block = gone[0]
        return [
            result.uncertain(
                "other_reading",
                look_at=m.evidence(block.get("selector"), block.get("html")),
                quote=block.get("text") or None,
                detail="a short text shown at 100 % is not rendered at 200 % (the style sheet hides it at the narrower "
                "width) and no control shows it: look whether it is content a reader needs or a repeated decoration",
            )
        ]
    if repeated and result.status == "pass":
        return [doubt_of_repeated(result, repeated)]
    if _viewer_only(result, taken):
        return [result]
    if slight and result.status == "pass":
        m = slight[0]
        over = int(m.data["scroll_width"]) - int(m.data["client_width"])
        result.uncertain(
            "other_reading",
            look_at=m.evidence("html", m.url),
            detail=f"at 200 % the page is {over} px wider than its window on {len(slight)} page(s) ({m.url}): "
            "less than one character of text, so nothing has to be scrolled to be read; counted as no sideways "
            "scrolling, an assessor may count the scroll bar itself",
        )
    return [result]


def _viewer_only(result: Result, taken: list[Measurement]) -> bool:
    """Mark the result uncertain (True) when every page its deficiencies name is a document viewer's
    (``viewer.html?file=…``): a program that zooms the document it shows by its own controls."""
    pages = [p for d in result.deficiencies for p in (d.pages or ((d.url,) if d.url else ()))]
    if not pages or not all(viewed_file(p) for p in pages):
        return False
    result.uncertain(
        "other_reading",
        look_at=next((m.evidence("html", m.url) for m in taken if m.url == pages[0]), None),
        detail=f"every defect found at 200 % is on the pages of a document viewer ({pages[0]}), a program that zooms "
        "the document it shows by its own controls: look whether the document can be read at 200 %",
    )
    return True


def _slight(m: Measurement, tolerance: int) -> bool:
    """The page is wider than its window by no more than ``tolerance`` px (a border, a rounding of a
    flex row, a margin): a scroll bar appears, but nothing that is read lies beyond the window."""
    width, client = m.data.get("scroll_width"), m.data.get("client_width")
    if not isinstance(width, int | float) or not isinstance(client, int | float):
        return False
    return 0 < width - client <= tolerance
