"""Appendix 14 row 2.7: navigation in long documents — big blocks of information split into meaningful
parts, and internal links (anchors) to the parts of a legal act's text."""

from __future__ import annotations

import re
from typing import Any

from ashyq.base.artifacts import BodyArtifacts
from ashyq.base.routes import address_parts, viewed_file
from ashyq.base.text import not_content, squash
from ashyq.base.wording import Said
from ashyq.checks.accessibility.communication import under_heading
from ashyq.checks.accessibility.materials import download_format, pages_deficiency, row_result
from ashyq.checks.accessibility.page_kinds import act_text, content_text
from ashyq.checks.accessibility.points import by_language
from ashyq.checks.accessibility.website import Parsed, on_site_pages
from ashyq.checks.registry import register
from ashyq.checks.result import Result
from ashyq.config.check_settings import pattern


# ------------------------------------------------------------------------------------------- 2.7
def _internal_anchors(parsed: Parsed, config: dict[str, Any]) -> int:
    """The links of the page to a part of it (row 2.7's internal anchors). A link to the element that holds
    the whole page's text - the template's skip link to its main region, whatever its id (``#view``),
    or ``#top`` - leads to no part of the act; nor does a single-page app's route (``#!/kk/…``), a page of
    its own."""
    ignored = set(config["anchor_targets_ignored"])
    targets: dict[str, Any] = {}
    for element in parsed.root.iter():
        if not isinstance(element.tag, str):
            continue
        for name in (element.get("id"), element.get("name") if element.tag == "a" else None):
            if name:
                targets.setdefault(name, element)
    heading = next(iter(parsed.root.iter("h1")), None)
    order = {e: n for n, e in enumerate(parsed.root.iter())}
    count = 0
    for a in parsed.anchors():
        href = a.get("href", "")
        target = targets.get(href[1:]) if href.startswith("#") and href not in ignored else None
        if target is None or target.tag in ("main", "body", "html") or target.get("role") == "main":
            continue
        if heading is not None and heading in target.iterdescendants():
            continue  # it holds the page's heading and all after it: the whole page, not one of its parts
        if heading is not None and order[target] < order[heading]:
            continue  # before the act's title (the template's top, its menu): no part of the act
        if _in_template(target):
            continue  # the site's menu, header or footer («Перейти к навигации»): no part of the act
        count += 1
    return count


TEMPLATE_PARTS = frozenset({"nav", "aside", "form"})
TEMPLATE_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "complementary"})


def _in_template(element: Any) -> bool:
    """Whether the element is, or is inside, the page's navigation, its own header or footer (not an article's or a
    chapter's: :func:`~ashyq.base.text.not_content`), an aside or a form."""
    for e in (element, *element.iterancestors()):
        if not isinstance(e.tag, str):
            continue
        if e.tag in TEMPLATE_PARTS or (e.tag in ("header", "footer") and not_content(e)):
            return True
        if (e.get("role") or "") in TEMPLATE_ROLES:
            return True
    return False


@register("a14.long_documents", "16", ["A14-2.7"], needs=["pages"], also_applies_to=("subordinate",))
@on_site_pages
def long_documents(artifacts: BodyArtifacts, item: str, config: dict[str, Any], pages: list[Parsed]) -> list[Result]:
    """Appendix 14 row 2.7: long documents: split into meaningful parts; internal anchors in the texts of legal acts.

    A page is long when its text, or one block of it, is longer than the settings say; a legal act is a
    page of three chapters or more, or an act's page (``npa_url``) with an act's text (not a list of
    acts: :func:`act_entries`), or any page whose text resolves as an act does (its formula «РЕШИЛ:»,
    «ҚАУЛЫ ЕТЕДІ:» … and numbered points: :func:`act_text`), or a page headed with one act's kind and
    number whose text holds its formula or its numbered points (:func:`_headed_act`), or a document that
    says an act approved it and sets out numbered points (a regulation: :func:`_approved_in_points`),
    whatever its address. The headings the template repeats on most pages (a side column's) are no parts
    of a page's document (:func:`template_headings`). An act written as one paragraph is applicable and
    violates both requirements: it is not split (its points, or its resolving part, in one block make a
    big block, however short: :func:`_act_in_one_block`), and nothing in it links within (certain when
    its numbered points run together in one block; uncertain when it has no parts at all: an act with no
    parts has nothing to link to, another reading). A body whose acts are on the site only as files, no act's
    text on a page nor linked in «Әділет» (:func:`acts_only_as_files`), violates requirement 2, uncertain: a file
    may carry bookmarks, or the requirement be read as for acts set out as text only. A body with nothing long
    whose acts' page links them to their texts in «Әділет» is not applicable, uncertain: the texts with their
    anchors are a link away, and the other reading holds requirement 2 violated with no act's text on the site
    (:func:`acts_linked_elsewhere`). ``measured.languages`` judges each language version on its own pages."""
    result = _long_documents(artifacts, item, config, pages)
    result.measured["languages"] = by_language(pages, lambda own: _long_documents(artifacts, item, config, own))
    return [result]


_CHAPTER_HOLDERS = ("p", "div", "td", "li", "section", "article", "h2", "h3", "h4", "h5", "h6", "b", "strong", "dt")


def _chapters_set_apart(parsed: Parsed, chapters: re.Pattern[str]) -> int:
    """The chapters the page sets apart: blocks (or bold runs) that begin with a chapter's name («Глава 2.», «2-тарау»,
    «Статья 5»). A chapter named inside a paragraph that runs on (the act's chapters and points in one block) is no
    part of its own."""
    openings = {
        squash(e.text_content())[:80]
        for e in parsed.root.iter(*_CHAPTER_HOLDERS)
        if chapters.match(squash(e.text_content()))
    }
    return len(openings)


def _longest_block(parsed: Parsed) -> int:
    """The length of the longest run of text the page shows as one block (a paragraph, a cell …): a block that
    holds no other block at any depth, outside the site's header, menus and footer. A wrapper of the page's header,
    content and footer, or a layout cell whose paragraphs sit inside a ``<font>``, is not one block: its paragraphs
    are."""
    inner = " | ".join(f".//{tag}" for tag in sorted(BLOCKS | LAYOUT))
    frame = "ancestor::header | ancestor::nav | ancestor::footer"  # the site's menus: no information of the page
    blocks = (squash(e.text_content()) for e in parsed.root.iter("p", "div", "td", "li", "section", "article")
              if not e.xpath(inner) and not e.xpath(frame))  # fmt: skip
    return max((len(b) for b in blocks), default=0)


# the page's frame: an element holding one of these holds parts of the page, not one run of text
LAYOUT = frozenset(("header", "main", "footer", "nav", "aside", "form", "dl", "blockquote", "td", "li"))


def _points_in_one_block(parsed: Parsed, config: dict[str, Any]) -> bool:
    """Whether one block of the act's page (a paragraph, a cell …) holds three of its numbered points in
    order, after its formula or without one: the points are there, run together rather than set apart."""
    inner = " | ".join(f".//{tag}" for tag in sorted(BLOCKS))  # a block holding no other block, at any depth
    blocks = (squash(e.text_content()) for e in parsed.root.iter("p", "div", "td", "li", "section", "article")
              if not e.xpath(inner))  # fmt: skip
    return any(act_text(b, config) or ordered_points(b) >= 3 for b in blocks)


_NUMBERED = re.compile(r"(?:^|[\s;:.])(\d{1,3})[.)]\s+\S")


def ordered_points(text: str) -> int:
    """How many numbered points («1. …», «2) …») the text sets out in order from 1, wherever they stand."""
    expected = 1
    for found in _NUMBERED.finditer(text):
        if int(found.group(1)) == expected:
            expected += 1
    return expected - 1


def _approved_in_points(text: str, config: dict[str, Any]) -> bool:
    """A document that says an act approved it («Положение … утверждено постановлением акимата … № а-2/58»,
    «… № 48 бұйрығымен бекітілген …») and sets out three numbered points in order after saying so: a
    regulation, rules, an act's appendix — the text of a legal act, whatever its page is headed."""
    approval = pattern(config, "act_approval").search(text)
    return approval is not None and ordered_points(text[approval.end() :]) >= 3


def _anchored_parts(parsed: Parsed) -> int:
    """The act's parts that carry an anchor of their own: a heading, or a block opening with its number
    («1.», «2-тарау»), with an ``id`` a link can lead to."""
    parts = parsed.root.xpath(
        "//*[@id][self::h2 or self::h3 or self::h4 or self::p or self::li or self::section or self::div]"
    )
    return sum(
        1
        for e in parts
        if e.tag in ("h2", "h3", "h4") or re.match(r"\s*\d{1,3}\s*(?:[.)]|-\s*\w)", e.text_content() or "")
    )


BLOCKS = frozenset(("p", "div", "table", "ul", "ol", "section", "article", "h1", "h2", "h3", "h4", "br"))


def _is_act(parsed: Parsed, text: str, config: dict[str, Any]) -> bool:
    chapters = pattern(config, "chapter_marker")
    if len(chapters.findall(text)) >= 3 or act_text(text, config) or _named_act_in_points(parsed, config):
        return True
    if _approved_in_points(text, config):
        return True
    if _headed_act(parsed, text, config):
        return True
    own_links = len(parsed.select("main a[href], article a[href]"))
    return (
        bool(pattern(config, "npa_url").search(address_parts(parsed.page.final_url or parsed.page.url).path))
        and len(text) >= int(config["legal_act_min_chars"])
        and own_links < 10
        and act_entries(parsed, config) < 2
    )


_POINT = re.compile(r"\s*(\d{1,3})\s*[.)]\s+\S")


def _headed_act(parsed: Parsed, text: str, config: dict[str, Any]) -> bool:
    """A page headed with one act's kind and number («… № 412 қаулысы», «Постановление … № 412»: its first
    ``h1``, else its title) whose text resolves as the act does (its formula «ҚАУЛЫ ЕТЕДІ:», «ПОСТАНОВЛЯЕТ:») or
    sets out its numbered points in order («1. …», «2. …», «3. …», an amending order's points with no formula,
    even run together in one paragraph): the act's own text, wherever a site publishes it (a feed's post
    ``/kk/p/<id>`` as well as an act's page). A news item headed with an act's number tells of it in its own
    words, neither resolving nor numbering points."""
    heading = next(iter(parsed.root.iter("h1")), None)
    named = squash(heading.text_content()) if heading is not None else parsed.page.title or ""
    if not pattern(config, "act_entry").search(named[:300]):
        return False
    return bool(pattern(config, "act_formula").search(text)) or ordered_points(text) >= 3


def _act_in_one_block(parsed: Parsed, config: dict[str, Any]) -> bool:
    """The act's resolving part run together in one block: a block holding no other block whose text, after
    the act's formula, runs on for ``act_block_chars`` or more (its resolutions joined by commas, unnumbered),
    no block of the page opening with a point's number. A big block of information not split into the act's
    parts (its points), however short the page."""
    formula, least = pattern(config, "act_formula"), int(config["act_block_chars"])
    inner = " | ".join(f".//{tag}" for tag in sorted(BLOCKS))
    blocks = [squash(e.text_content()) for e in parsed.root.iter("p", "div", "td", "li", "section", "article")
              if not e.xpath(inner)]  # fmt: skip
    if sum(1 for b in blocks if _POINT.match(b)) >= 2:
        return False
    return any((found := formula.search(b)) is not None and len(b) - found.end() >= least for b in blocks)


def _named_act_in_points(parsed: Parsed, config: dict[str, Any]) -> bool:
    """An act's text set out as a CMS draws it, without its resolving formula: one block naming the act by
    its kind and number («Аудандық мәслихаттың … № 41/2 шешімі», «Решение … маслихата … № 41/2») and,
    after it, three numbered parts or more in order («1. …», «2. …», «3. …»: headings or paragraphs
    opening with their number), none of them inside a list's item. A list of acts names several, or
    quotes an act's points inside its entry; a news item names an act but is not set out in its points."""
    content = next((found[0] for s in ("main", "article", "#content", ".content") if (found := parsed.select(s))), None)
    if content is None or act_entries(parsed, config) != 1:
        return False
    entry, named, expected = pattern(config, "act_entry"), False, 1
    for block in content.iter("h2", "h3", "h4", "h5", "p"):
        if block.xpath("ancestor::li"):  # an entry of a list of acts, however much of the act it quotes
            continue
        text = squash(block.text_content())
        if not named:
            named = len(text) < 800 and bool(entry.search(text[:300]))
            continue
        point = _POINT.match(text)
        if point and int(point.group(1)) == expected:
            expected += 1
    return expected > 3


def act_entries(parsed: Parsed, config: dict[str, Any]) -> int:
    """Blocks that each name one act by its kind and number («Постановление акимата … от … № 812 …»,
    «… № 812 қаулысы …»): on an act's page, two or more make it a list of acts, each linking to its
    text, rather than the text of one act (an act's own paragraphs open with its points, not an act's name)."""
    entry = pattern(config, "act_entry")
    blocks = (squash(e.text_content()) for e in parsed.root.iter("li", "p", "tr", "dt", "dd"))
    return sum(1 for text in blocks if len(text) < 800 and entry.search(text[:300]))


def _long_documents(artifacts: BodyArtifacts, item: str, config: dict[str, Any], pages: list[Parsed]) -> Result:
    chapters = pattern(config, "chapter_marker")
    long_limit, block_limit = int(config["long_document_chars"]), int(config["long_block_chars"])
    texts = {p.page.url: content_text(p) for p in pages}
    long_pages = [p for p in pages if len(texts[p.page.url]) > long_limit or _longest_block(p) > block_limit]
    template = template_headings(pages)
    headed = {p.page.url: sum(1 for h in p.select(PART_HEADINGS) if not _of(h, template)) for p in pages}
    # a contents whose links lead to the text's parts (anchored chapters under bold numbered captions) sets them apart
    parts = {
        p.page.url: max(headed[p.page.url], _chapters_set_apart(p, chapters), _internal_anchors(p, config))
        for p in pages
    }
    npa = [p for p in pages if _is_act(p, texts[p.page.url], config)]
    # an act's points run together in one block: the act is a big block not split into its parts
    run_together = [p for p in npa if parts[p.page.url] < 2 and _points_in_one_block(p, config)]
    long_pages += [p for p in run_together if p not in long_pages]
    # an act's resolutions run together unnumbered in one block: a big block, though it numbers no parts to link to
    long_pages += [p for p in npa if parts[p.page.url] < 2 and p not in long_pages and _act_in_one_block(p, config)]
    unsplit = [p for p in long_pages if parts[p.page.url] < 2]
    unanchored = [p for p in npa if _internal_anchors(p, config) == 0]
    # parts each carrying an anchor (an id) that nothing on the page links to: the text's «ссылок (якорей)»
    # names the anchors themselves; counted as met, uncertain
    targets_only = [p for p in unanchored if _anchored_parts(p) >= 3]
    unanchored = [p for p in unanchored if p not in targets_only]
    filed = [] if npa else acts_only_as_files(pages, config)  # no act's text on a page: its files are the texts
    if not long_pages and not npa and not filed:
        result = Result(
            item,
            None,
            "not_applicable",
            {"pages": len(pages)},
            reason=Said("no long document or legal act among the harvested pages", "reason.a14.no_long_documents"),
        )
        linked = acts_linked_elsewhere(pages, config)
        if linked:  # the acts' texts are elsewhere: whether requirement 2 then applies to the site is a reading
            _doubt_of_act(result, linked[0], texts, LINKED_DOUBT)
        return result
    deficiencies = []
    if unsplit:
        deficiencies.append(pages_deficiency("long_text_not_split", "long texts not split into parts", unsplit))
    if unanchored or filed:
        deficiencies.append(
            pages_deficiency(
                "npa_without_anchors", "legal acts without internal links to their parts", unanchored or filed
            )
        )
    shown = (unanchored or unsplit or npa or filed or long_pages)[0]
    measured = {"long_documents": len(long_pages), "npa_texts": len(npa), "npa_without_anchors": len(unanchored)}
    result = row_result(item, deficiencies, measured, [shown.page.evidence(None, shown.page.title or "")], artifacts)
    if targets_only and result.status != "fail":
        _doubt_of_act(
            result,
            targets_only[0],
            texts,
            "the legal act's parts carry anchors (ids) but nothing on the page links to them: requirement 2 "
            "(«внутренних ссылок (якорей)») is counted as met; an assessor may ask for the links themselves",
        )
    elif filed:
        _doubt_of_act(result, filed[0], texts, FILED_DOUBT)
    elif unanchored and all(parts[p.page.url] < 2 and p not in run_together for p in unanchored):
        _doubt_of_act(
            result,
            unanchored[0],
            texts,
            "the legal act is not divided into parts at all; requirement 2 (internal anchors to the act's "
            "sections) is counted as violated, though an act with no parts has no sections to link to",
        )
    return result


FILED_DOUBT = (
    "no legal act's text is set out on a page: the acts are offered only as files, which a reader cannot follow a "
    "link within from the site; requirement 2 («наличие в тексте нормативных правовых актов внутренних ссылок "
    "(якорей)») is counted as violated; an assessor may find bookmarks inside the files, or read the requirement "
    "as applying only to acts set out as text"
)
LINKED_DOUBT = (
    "no legal act's text is set out on a page: the acts' page links them to their texts in «Әділет», which carry "
    "their own anchors; requirement 2 («наличие в тексте нормативных правовых актов внутренних ссылок (якорей)») is "
    "counted as not applying to the site; an assessor may read it as violated, since no act's text on the site "
    "has internal links"
)
# the acts' files, and the archives they come packed in (an act offered as «Шешім_2026.zip» is offered as a file)
ACT_FILE_FORMATS = frozenset(("pdf", "doc", "docx", "rtf", "odt", "zip", "rar", "7z"))


def acts_only_as_files(pages: list[Parsed], config: dict[str, Any]) -> list[Parsed]:
    """The pages of the body's legal acts (headed «Нормативные правовые акты», «Нормативтік құқықтық актілер»,
    not their drafts - the page, or a part of a documents page under such a heading or a disclosure's label
    ``<summary>``) that offer two acts or more as files (PDF, DOC …, an archive of them, or a document viewer's page
    showing one) and link to no act's text in the legal database
    (``act_text_url``: «Әділет»'s text of an act, which carries its anchors): the acts' texts are on the site only
    as files, with no internal links a reader follows (row 2.7 requirement 2)."""
    found = []
    for parsed in pages:
        if _links_an_act_text(parsed, config):
            continue
        whole, parts = _naming_acts(parsed, config)
        if whole:
            files = {d.url for d in parsed.page.downloads if (d.format or "").lower() in ACT_FILE_FORMATS}
            files |= _act_files(parsed, parsed.root.iter("a"))
        else:  # a documents page: the files under its heading (or a disclosure's label) naming the acts
            files = set()
            for part in parts:
                files |= _act_files(parsed, (a for s in _under(part) for a in s.iter("a")))
        if len(files) >= 2:
            found.append(parsed)
    return found


def acts_linked_elsewhere(pages: list[Parsed], config: dict[str, Any]) -> list[Parsed]:
    """The pages of the body's legal acts (named so by their heading, or by a part's heading, as in
    :func:`acts_only_as_files`) that link to an act's text in the legal database (``act_text_url``)."""
    return [p for p in pages if _links_an_act_text(p, config) and any(_naming_acts(p, config))]


def _naming_acts(parsed: Parsed, config: dict[str, Any]) -> tuple[bool, list[Any]]:
    """Whether the page is named for the body's legal acts (not their drafts: its first-level heading, or its title),
    and else the part headings (``h2``, ``h3``, a disclosure's ``summary``) that are."""
    section, draft = pattern(config, "npa_section"), pattern(config, "npa_drafts")

    def names_acts(title: str) -> bool:
        return bool(section.search(title)) and not draft.search(title)

    heading = next(iter(parsed.root.iter("h1")), None)
    if names_acts(squash(heading.text_content()) if heading is not None else parsed.page.title or ""):
        return True, []
    return False, [h for h in parsed.root.iter("h2", "h3", "summary") if names_acts(squash(h.text_content()))]


def _links_an_act_text(parsed: Parsed, config: dict[str, Any]) -> bool:
    elsewhere = pattern(config, "act_text_url")
    return any(elsewhere.search(parsed.absolute(a.get("href"))) for a in parsed.anchors())


def _under(part: Any) -> list[Any]:
    """What a heading heads: the section under it, or a disclosure's content under its ``summary`` label."""
    if part.tag == "summary":
        details = part.getparent()
        return [e for e in details if isinstance(e.tag, str) and e is not part] if details is not None else []
    return list(under_heading(part))


def _act_files(parsed: Parsed, links: Any) -> set[str]:
    """The act files the links lead to: by the address's extension, or the file a document viewer's page shows."""
    out = set()
    for a in links:
        address = parsed.absolute(a.get("href"))
        if not address:
            continue
        address = viewed_file(address) or address
        if download_format(address) in ACT_FILE_FORMATS:
            out.add(address)
    return out


PART_HEADINGS = "main h2, main h3, main h4, article h2, article h3, h2, h3"
TEMPLATE_MIN_PAGES = 3  # a heading on this many pages, and on more than half of them, is the template's


def _of(heading: Any, template: frozenset[str]) -> bool:
    return squash(heading.text_content()) in template


def template_headings(pages: list[Parsed]) -> frozenset[str]:
    """The headings the site's template repeats on most pages (a blog's side column «Беттер», «Блог мұрағаты»,
    «Іздеу / Поиск»): they title the template's blocks, not parts of a page's document, and do not split it."""
    counts: dict[str, int] = {}
    for parsed in pages:
        for text in {squash(h.text_content()) for h in parsed.root.iter("h2", "h3", "h4")}:
            counts[text] = counts.get(text, 0) + 1
    least = max(TEMPLATE_MIN_PAGES, len(pages) // 2 + 1)
    return frozenset(text for text, n in counts.items() if text and n >= least)


def _doubt_of_act(result: Result, act: Parsed, texts: dict[str, str], detail: str) -> None:
    """Make ``result`` uncertain on the reading of requirement 2 for the legal act ``act``, quoting its text."""
    text = texts[act.page.url]
    result.uncertain("other_reading", look_at=act.page.evidence("main", text[:160]), quote=text[:300], detail=detail)
