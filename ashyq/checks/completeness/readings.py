"""Readings of the content appendices' wording that a keyword alone does not settle, and the doubts they
leave (house style 14): what :mod:`ashyq.checks.completeness.judge` asks before it counts an indicator.

* ``parts`` — an indicator whose wording lists several forms (Appendix 15, 1.11 indicator 6: «Данные об
  опросах населения, обобщение и анализ запросов на получение информации, ответы на часто задаваемые
  вопросы, интернет-приемная и др») is shown where the site names the forms it lists (the section, or the
  content of another page: a poll is a widget on the home page) - of an open list as many as ``parts_min``
  says, the verdict then uncertain; one form of several (a FAQ alone) does not show it, and the verdict says
  so as a doubt. A poll is a form of choices (radio buttons, check boxes) under its name: it is read wherever
  the page puts it (:func:`choice_forms`), a side column or a module outside the page's main content too.
* a block of the section's page in its side column (a card «График приема» beside the content) is the page's
  own: read where the content did not name the indicator (:func:`side_cards`).
* a postal address is a street and house or a postal code; a page that names only the city the body sits
  in has not given it, and the verdict says the city was seen.
* a date's label («Дата последнего изменения: 12.11.2026», «Соңғы өзгеріс күні») says when a page
  changed: it is no heading of a section (the «Рубрика о последних обновлениях» is a rubric, not a stamp).
* a dead link (an answer of 404 or 410, a picture that does not load) says nothing the reader could not
  see: the indicator is missing, not unknown; only a refusal of the moment (anti-bot, a timeout, a server
  error) leaves it unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urljoin, urlsplit

from ashyq.base.artifacts import FetchFailure
from ashyq.base.home_page import bare_host, outside_site
from ashyq.base.routes import address_key, not_for_readers, wrapped_target
from ashyq.base.text import element_text, fold_kazakh, normalise, parse_html
from ashyq.checks.result import DoubtReason

if TYPE_CHECKING:
    from ashyq.checks.completeness.corpus import Unit
    from ashyq.checks.completeness.instances import Item, ItemReading
    from ashyq.checks.completeness.keywords import Indicator
    from ashyq.checks.completeness.page_blocks import Block
    from ashyq.checks.completeness.places import Hit

# the place named without the street: seen where a postal address was looked for
CITY_ONLY = {
    "ru": re.compile(r"(?<!\w)(?:г\.\s*|город\s+|с\.\s*|село\s+|пос\.\s*|поселок\s+)[\w-]{3,}"),
    "kk": re.compile(fold_kazakh(r"[\w-]{3,} (?:қ\.|қаласы|а\.|ауылы|кенті)")),
}
# a label of a date («Дата последнего изменения», «Соңғы өзгеріс күні»): it says when, it heads no section
DATE_LABEL = re.compile(r"^(?:дата|date)(?!\w)|(?<!\w)к[үу]н[іи]:?$")
DATE_ONLY = re.compile(r"^[\s:–-]*\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:\s*(?:г\.|ж\.))?[\s\d:.]*$")
DEAD = frozenset({404, 410})  # the page is not there: the reader cannot read it either
MEDIA = re.compile(r"\.(?:jpe?g|png|gif|svg|webp|ico|mp4|webm|mp3|swf|css|js|woff2?)(?:$|[?#])", re.I)


@dataclass(frozen=True)
class Doubt:
    """Why one indicator's verdict may read otherwise: the unit to look at and the quoted text."""

    indicator: str
    reason: DoubtReason
    unit: Unit
    quote: str
    detail: str
    # a reading the measurement settles (the verdict stays certain; the note is kept in ``measured.read_as``):
    # over the first-seen outside sites it agreed with the documented truth every time or all but once
    settled: bool = False
    # a doubt that could only add a deficiency: a verdict that is a deficiency already stays certain
    if_passed: bool = False


def missing_parts(
    indicator: Indicator, units: Sequence[Unit], lang: str, elsewhere: Sequence[Unit] = ()
) -> tuple[list[int], list[int]]:
    """The indices of ``indicator.parts`` the units name (their content and link labels), or the content of
    the site's other pages (``elsewhere``: a poll is a widget on the home page), and those none names."""
    every = (*units, *elsewhere)
    texts = [u.main for u in every] + [label for u in units for label, _ in u.anchors]
    texts += [form for u in every for form in choice_forms(u)]
    named: list[int] = []
    missing: list[int] = []
    for n, part in enumerate(indicator.parts):
        words = part.keywords.get(lang, ())
        (named if any(p.search(t) for p in words for t in texts) else missing).append(n)
    return named, missing


CHOICES = frozenset({"radio", "checkbox"})


def choice_forms(unit: Unit) -> list[str]:
    """The forms of choices a page shows (a poll: a question and options to vote for), each with the name
    over it (the element before the form: «Сауалнама», «Опрос»), normalised as the unit's texts are; a side
    column or a module outside the main content included. A phone's rendering is read as it stands (what
    its styles hide is no widget there)."""
    if unit.kind == "mobile" or ("radio" not in unit.html and "checkbox" not in unit.html):
        return []
    root = parse_html(unit.html)
    if root is None:
        return []
    out = []
    for form in root.iter("form"):
        if not any((i.get("type") or "").lower() in CHOICES for i in form.iter("input")):
            continue
        before = form.getprevious()
        text = f"{element_text(before) if before is not None else ''} {element_text(form)}"
        out.append(fold_kazakh(text) if unit.lang == "kk" else normalise(text))
    return out


SIDE = ".//aside | .//*[@role='complementary']"
CARD_HEADING = re.compile(r"(?:^|[\s_-])(?:header|heading|title)(?:$|[\s_-])")


def side_cards(unit: Unit) -> list[tuple[str, str, str]]:
    """The named blocks of a page's side column (``aside``, ``role=complementary``): each heading - an ``h2``-
    ``h6``, or an element its class calls a header or title (a card's, a module's) - with the text after it
    in its box, as (heading normalised as the unit's texts are, that text, the heading as written). A phone's
    rendering is read as it stands (what its styles hide is no block there)."""
    if unit.kind == "mobile" or ("<aside" not in unit.html and "complementary" not in unit.html):
        return []
    root = parse_html(unit.html)
    if root is None:
        return []
    read = fold_kazakh if unit.lang == "kk" else normalise
    out = []
    for side in root.xpath(SIDE):
        for element in side.iter():
            if not isinstance(element.tag, str):
                continue
            named = element.tag in ("h2", "h3", "h4", "h5", "h6") or CARD_HEADING.search(element.get("class") or "")
            if not named:
                continue
            after = " ".join(element_text(s) for s in element.itersiblings() if isinstance(s.tag, str))
            written = element_text(element)
            if written and after:
                out.append((read(written), read(after), written))
    return out


def parts_enough(indicator: Indicator, named: list[int]) -> bool:
    """Whether the forms named show the indicator: every one, or ``parts_min`` of an open list."""
    return len(named) >= (indicator.parts_min or len(indicator.parts))


def parts_doubt(indicator: Indicator, unit: Unit, lang: str, named: list[int], missing: list[int]) -> Doubt:
    """The doubt of an indicator shown in some of the forms its wording lists."""

    def words(indices: list[int]) -> str:
        return ", ".join(f"«{indicator.parts[n].name[lang]}»" for n in indices)

    if parts_enough(indicator, named):
        verdict = "counted as shown (the list is open), an assessor may read the missing ones as needed"
    else:
        verdict = "counted as not shown, an assessor may read the forms shown as enough"
    return Doubt(
        indicator.id,
        "other_reading",
        unit,
        indicator.name[lang],
        f"{indicator.id}: the wording lists several forms or parts; the section shows {words(named)} "
        f"but not {words(missing)}: {verdict}",
    )


def city_only(units: Iterable[Unit], lang: str) -> tuple[Unit, str] | None:
    """The first unit that names the city the body sits in (where no postal address was found)."""
    pattern = CITY_ONLY["kk" if lang == "kk" else "ru"]
    for unit in units:
        found = pattern.search(unit.main)
        if found:
            return unit, found.group(0)
    return None


def address_doubt(indicator: Indicator, units: Iterable[Unit], lang: str) -> Doubt | None:
    """A postal address not found where the city is named: not shown, and said. A settled reading, not a
    question: a city with no street, house or postal code is no postal address by the text, and over the
    first-seen outside sites (docs/accuracy.md) the verdict so read agreed with the truth 21 times of 22."""
    seen = city_only(units, lang)
    if seen is None:
        return None
    unit, city = seen
    return Doubt(
        indicator.id,
        "other_reading",
        unit,
        city,
        f"{indicator.id}: the page names the city «{city}» but no street, house or postal code: "
        "a city is not a postal address",
        settled=True,
    )


def weak_doubt(indicator: Indicator, hit: Hit, reason: DoubtReason) -> Doubt:
    """The doubt of an indicator whose only place is a heading over nothing (not counted) or the label of
    a link to a page of the site that was not read (counted on its word)."""
    said = hit.label or hit.how
    if reason == "heading_only":
        detail = (
            f"{indicator.id}: {hit.cite()} heads nothing (no text, link or file under it): counted as not "
            "shown; the content may be drawn where the reading did not see it"
        )
    else:
        detail = (
            f"{indicator.id}: only {hit.cite()} names it, and that page was not read: counted as shown on the "
            "link's word"
        )
    return Doubt(indicator.id, reason, hit.unit, said, detail)


def rubric_doubt(indicator: Indicator, rubric: Hit, article: Hit, said: str | None) -> Doubt:
    """The doubt of a Table 7 indicator whose own heading on the site holds nothing, a placeholder or the other
    language's text, while an article elsewhere tells of it (counted as not shown)."""
    holds = "nothing" if said == "" else f"«{said}»" if said else "only the other language's text"
    detail = (
        f"{indicator.id}: {rubric.cite()} holds {holds}; {article.cite()} is an article of its own on the subject: "
        "counted as not shown; look whether that article gives the information the heading announces"
    )
    return Doubt(indicator.id, "other_reading", rubric.unit, rubric.label or rubric.how, detail)


# the words of a place that only says where the information is (a sentence and its link), not the information
POINTER_WORDS = 25
FILE = re.compile(r"\.(?:pdf|docx?|xlsx?|odt|ods|odp|rtf|pptx?|csv|txt|xml|json|rar|zip|7z|gz)$", re.I)


def points_elsewhere(hit: Hit, site_urls: Sequence[str]) -> str | None:
    """The page another site's on the same host that a place only points to: a heading (or a short text)
    whose every link leads outside the folder of a larger host the body's site is (a district's «Инвестиционные
    возможности — на инвестиционном портале области» linking the oblast's page,
    :func:`ashyq.base.home_page.outside_site`); None for any other place."""
    block = hit.block
    if block is None or not block.hrefs or len(block.text.split()) > POINTER_WORDS:
        return None
    targets = [urljoin(hit.unit.url, href) for href in block.hrefs]
    if any(FILE.search(urlsplit(t).path) for t in targets):
        return None  # a file is the material offered, wherever the host keeps its uploads (/upload/…)
    away = [t for t in targets if outside_site(t, site_urls) is not None]
    return away[0] if away and len(away) == len(targets) else None


# A sentence saying where else the information is published: on a portal or another site («… «Ашық бюджеттер»
# порталында жарияланады», «… публикуются на портале «Открытые бюджеты»», «… на сайте …»).
_AWAY = {
    "kk": re.compile(fold_kazakh(r"(?<!\w)(?:портал|сайт|ресурс)\w*(?:нда|нде|на|не)(?!\w)")),
    "ru": re.compile(r"(?<!\w)(?:на|в) (?:\w+ )?(?:портал|сайт|интернет-ресурс|ресурс)(?:е|ах)(?!\w)"),
}
SENTENCE = re.compile(r"(?<=[.!?]) +")


def published_elsewhere(sentence: str, lang: str) -> bool:
    """Whether a (normalised; folded for Kazakh) sentence says its matter is published on a portal or another site."""
    return bool(_AWAY["kk" if lang == "kk" else "ru"].search(sentence))


def referred_away(blocks: Sequence[Block], url: str, lang: str, portals: Sequence[str] = ()) -> tuple[str, str] | None:
    """A sentence of a page's content saying its information is published on a portal or another site, in a
    block linking a page of another host (not a file): the sentence and that page, or None. Table 7 asks for the
    information on the body's site («Наполнение официального интернет-ресурса»): a page that names a matter and
    sends the reader elsewhere for it does not hold it. ``portals``: the hosts the vocabulary names as the
    indicator's own place (the drafts' «Открытые НПА», legalacts.egov.kz): a link there is the material."""
    host = urlsplit(url).hostname
    for block in blocks:
        targets = [urljoin(url, h) for h in block.hrefs]
        away = [t for t in targets if urlsplit(t).hostname not in (None, host) and not FILE.search(urlsplit(t).path)]
        if any(p in t for t in targets for p in portals):
            continue
        if not away:
            continue
        for sentence in SENTENCE.split(block.text):
            if published_elsewhere(sentence, lang):
                return sentence, away[0]
    return None


def away_doubt(indicator: Indicator, hit: Hit, lang: str, sentence: str, target: str) -> Doubt:
    """The doubt of an indicator found only by the address of a page whose text sends the reader to another
    site for it (:func:`referred_away`): counted as not shown on the body's site."""
    detail = (
        f"{indicator.id}: found only by the address of {hit.unit.url}, whose text sends the reader to {target} "
        f"(«{sentence[:120]}»): counted as not shown on the body's site, the row asking for the information itself; "
        f"look there for «{indicator.name[lang]}»"
    )
    return Doubt(indicator.id, "other_reading", hit.unit, sentence[:200], detail)


def scan_passed_doubt(indicator: Indicator, best: Hit, refused: Hit, why: str, *, shown: bool) -> Doubt:
    """The doubt of a "*" indicator whose own place (a heading, a link naming it) offers it only as pictures or
    scans, while a weaker place (a link elsewhere, a phrase in another block's text) names it too: counted as shown
    there (``shown``), or - its own heading's material being the scan - as not shown."""
    counted = "counted as shown on" if shown else "counted as not shown; it is also named by"
    detail = (
        f"{indicator.id}: {refused.cite()} {why[:240]}; {counted} {best.cite()}, which names it less directly: "
        "look whether that place gives the information in a machine-readable form"
    )
    return Doubt(indicator.id, "other_reading", best.unit, best.label or best.how, detail)


def newest_scan_doubt(indicator: Indicator, best: Hit, label: str, why: str) -> Doubt:
    """The doubt of a "*" indicator whose newest file is only a picture or a scan beside older machine-readable ones."""
    detail = (
        f"{indicator.id}: the newest file at {best.cite()}, «{label[:120]}», is {why[:200]}, while the older files "
        "there are machine-readable: counted as incomplete (the current material is not in a machine-readable form); "
        "look whether it is given in a machine-readable form elsewhere"
    )
    return Doubt(indicator.id, "other_reading", best.unit, label[:200] or best.how, detail)


def phones_only_doubt(indicator: Indicator, hit: Hit, reading: ItemReading) -> Doubt:
    """The doubt of a list «с указанием … номеров телефонов, адресов электронной почты» giving every entry's phone
    and no e-mail of any: counted as the list with contacts; the text names both kinds."""
    first = reading.items[0]
    detail = (
        f"{indicator.id}: {hit.cite()} gives the phone of each of its {len(reading.items)} entries and no e-mail of "
        "any: counted as the list with contacts; the text asks «номеров телефонов, адресов электронной почты» - look "
        "whether the e-mails are given elsewhere (else incomplete, неполнота)"
    )
    return Doubt(indicator.id, "other_reading", first.unit, first.name[:200], detail, if_passed=True)


def shared_contact_doubt(indicator: Indicator, hit: Hit, reading: ItemReading) -> Doubt:
    """The doubt of a list «с указанием … номеров телефонов, адресов электронной почты» each of whose entries gives one
    and the same phone and e-mail (the office's reference line for every unit): counted as incomplete, none given its
    own; a body whose units answer only through that line may be read as giving them."""
    first = reading.items[0]
    detail = (
        f"{indicator.id}: {hit.cite()} gives each of its {len(reading.items)} entries the same contacts: "
        "counted as incomplete (неполнота), no entry given its own; look whether the units are reached only through "
        "that line (then given)"
    )
    return Doubt(indicator.id, "other_reading", first.unit, first.name[:200], detail)


def carded_doubt(indicator: Indicator, carded: Sequence[Item]) -> Doubt:
    """The doubt of a list's entries (``each_entry``) that name none of what each must give on the site and link their
    own card on the drafts' portal: counted as giving it there, where the portal keeps a draft with its documents."""
    first = carded[0]
    detail = (
        f"{indicator.id}: {len(carded)} entr(ies) give on the site none of what each must give (a draft's explanatory "
        "note, an amending draft's comparative table) and link their own card on the «Открытые НПА» portal: counted as "
        "given there; look whether the card gives it (else incomplete, неполнота)"
    )
    return Doubt(indicator.id, "other_reading", first.unit, first.name[:200], detail, if_passed=True)


def undated_doubt(indicator: Indicator, hit: Hit) -> Doubt:
    """The doubt of an indicator the text asks to keep current found where nothing dates it
    (:func:`ashyq.checks.completeness.places.undated`): counted as shown and current."""
    detail = (
        f"{indicator.id}: {hit.cite()} shows it with no date, year or period, and nothing there dates it: counted "
        "as shown and current; look whether it is kept up to date (the note's «несвоевременное обновление»)"
    )
    return Doubt(indicator.id, "other_reading", hit.unit, hit.label or hit.how, detail, if_passed=True)


def elsewhere_doubt(indicator: Indicator, hit: Hit, site_urls: Sequence[str]) -> Doubt:
    """The doubt of an indicator whose only place points to another site's page (:func:`points_elsewhere`):
    counted as not shown on the body's site."""
    target = points_elsewhere(hit, site_urls) or ""
    detail = (
        f"{indicator.id}: {hit.cite()} holds nothing but a link to {target}, a page outside the body's site on the "
        "same host (the larger site its folder sits under): counted as not shown on the body's site; look there "
        "whether it gives the body's own information"
    )
    return Doubt(indicator.id, "other_reading", hit.unit, hit.label or hit.how, detail)


def merged_doubt(indicator: Indicator, carrier: Hit, lang: str) -> Doubt:
    """The doubt of an indicator not named whose document a later law made another one's carry (``merged_into``)."""
    return Doubt(
        indicator.id,
        "other_reading",
        carrier.unit,
        carrier.how[:200],
        f"{indicator.id}: not named on the {lang} pages, while {indicator.merged_into} is ({carrier.cite()}); since "
        "a later law one document carries both (a service's standard and its regulation are given as the rules of "
        f"providing it): counted as shown by it; look whether what is shown gives «{indicator.name.get(lang, '')}»",
    )


def single_doubt(indicator: Indicator, item: Item) -> Doubt:
    """The doubt of an indicator stated for every item of a kind, found with one item only."""
    return Doubt(
        indicator.id,
        "single_instance",
        item.unit,
        item.name,
        f"{indicator.id}: stated for each item; one item was found ({item.where}) and it states it: whether "
        "every item does cannot be told from one",
    )


def date_label(label: str, text: str | None = None) -> bool:
    """Whether a heading or label (normalised) is the label of a date, not a section's name: it begins
    with «Дата», ends with «күні», or (``text``, what stands under it) nothing but a date follows it."""
    label = label.strip()
    return bool(DATE_LABEL.search(label)) or (text is not None and bool(DATE_ONLY.match(text)))


def tells_unknown(failure: FetchFailure) -> bool:
    """Whether a failed fetch leaves unknown what the body publishes there: a refusal of the moment
    (anti-bot, robots, a timeout, a server error) does; a dead link (404, 410), a picture, or a view a reader is not
    given (a sign-in form, an editor's view: :func:`~ashyq.base.routes.not_for_readers`) does not."""
    if MEDIA.search(failure.url) or not_for_readers(failure.url):
        return False
    return not (failure.reason == "http_status" and failure.status_code in DEAD)


def read_plainer(failure_url: str, read: Iterable[str]) -> bool:
    """Whether a failed address is a page read at its address with fewer query parameters: another form of it
    (``?special=1``, a version for the low-sighted a site's robots.txt keeps crawlers out of; ``&print=1``), whose
    failure hides nothing the page read does not show. A different value of a parameter (``?id=5`` beside ``?id=3``)
    is another page."""
    parts = urlsplit(failure_url)
    if not parts.query:
        return False
    mine = set(parse_qsl(parts.query, keep_blank_values=True))
    key = ((parts.hostname or "").lower(), parts.path.rstrip("/"))
    for url in read:
        other = urlsplit(url)
        same_path = ((other.hostname or "").lower(), other.path.rstrip("/")) == key
        if same_path and set(parse_qsl(other.query, keep_blank_values=True)) < mine:
            return True
    return False


def hides_nothing(failure_url: str, read: Iterable[str], own_hosts: Iterable[str]) -> bool:
    """Whether a failed address hides none of the body's material: another form of a read page
    (:func:`read_plainer`), or a link wrapper (:func:`wrapped_target`) - robots.txt keeps crawlers out of a
    redirector - whose target is on another site (an act on adilet.zan.kz) or was read itself; or a file (a
    document's text is not what the content checks read: the page linking it is, and was read)."""
    read = list(read)
    if read_plainer(failure_url, read) or FILE.search(urlsplit(failure_url).path):
        return True
    target = wrapped_target(failure_url)
    if target is None:
        return False
    if FILE.search(urlsplit(target).path):
        return True
    host = bare_host(target)
    return host not in set(own_hosts) or address_key(target) in {address_key(url) for url in read}


def address_only_doubt(indicator: Indicator, hit: Hit, lang: str, other: str) -> Doubt:
    """The doubt of an indicator found only by the address of a page that a reader sees holding another
    indicator's material (``other``: «Тексерулер кестесі» on /inspections): the address names the kind of page,
    not this material, which the page does not name."""
    return Doubt(
        indicator.id,
        "other_reading",
        hit.unit,
        indicator.name[lang],
        f"{indicator.id}: found only by the address of {hit.unit.url}, which shows {other} and nothing that names "
        f"it: counted as not shown; look there for «{indicator.name[lang]}»",
    )
