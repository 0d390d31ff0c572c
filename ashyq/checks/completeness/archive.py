"""The news feed's archive: Appendix 15, 1.12 indicator 1) and Appendix 16, «Информационная поддержка»
indicator 1) «Актуальная лента новостей (с созданием архива новостей)».

A feed has an archive where a reader can reach its older items from the section's pages:

* a link to more of the feed - a pager (a page number, «Следующая», «Далее», «Вперед →», «Показать ещё»;
  «Келесі», «Алға», «Тағы»; «»», «▸»), or an address that pages it (``?page=2``, ``/page/2``, ``?year=2025``, a
  list view's ``?Paged=TRUE``, a portlet's ``&_101_INSTANCE_kQ3nWs_cur=2``);
* a link or page named as the archive («Архив новостей», «Архив: 2025»; «Жаңалықтар мұрағаты»), or a page
  of the section whose address says so (``/news/archive``);
* a control loading more: a button, or any element a script answers (a handler, a button's role, a data
  address) labelled «Показать ещё», «Тағы көрсету» (a button also «Вперёд »», «Келесі »»: a pager a script
  answers), or carrying the address of the feed's next page in its data
  (``data-endpoint="/api/news?page=2"``): script-built sites draw the pager so;
* a year or month filter (a ``select`` of years, links labelled with years, also to one file per year:
  «Мұрағат: 2024 (ZIP) 2025 (ZIP)»), or a link to a year's news («2025 жылғы жаңалықтар», the feed's address and
  the year under it: ``/kk/zhanalyqtar/2025``);
* or the feed itself going back: its dated items reach more than :data:`BACK_DAYS` before the freshest,
  or there are :data:`MANY` of them (:data:`FEW` or more, spanning less: counted, uncertain).

A separate phone version's feed that keeps the latest items and links the full version's news feed («Полная
версия», «Толық нұсқа» leading to a news address) sends the reader there for the older ones: counted as the
way, uncertain (the full version's feed is not read with the phone's pages).

Words in the text («архив с 2019 года ниже по ленте») are not a way to the items. Where the feed's page
lists dated items and none of the above is there, the feed has no archive: the indicator is shown
incompletely («неполнота представленной информации»). Where the feed's place lists no dated item (a
list a script fills, a page not harvested) nothing is measured and the verdict says so (uncertain); an
archive link leading back to the feed's own page is taken on its word, uncertain too."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin

from ashyq.base.routes import address_key, without_anchor
from ashyq.base.text import normalise
from ashyq.checks.completeness.corpus import Unit
from ashyq.checks.completeness.places import Hit, unit_blocks

BACK_DAYS = 365  # a feed whose items reach a year back holds its archive itself
MANY = 20  # … or one this long
FEW = 10  # fewer dated items and no way to older ones: only the latest few, no archive (more: uncertain)

ARCHIVE = re.compile(r"(?<!\w)(?:архив|мұрағат|мурагат|archive)")
NEWS = re.compile(r"новост|жаңалық|жаналык|news|novost|zhanal|press")
BARE_ARCHIVE = re.compile(r"^(?:архив|мұрағат)\W*(?:(?:19|20)\d\d\W*(?:г\.?|год|ж\.?|жыл)?)?$")
ARCHIVE_ADDRESS = re.compile(r"archive|arhiv|arxiv|muragat|murag[ae]t|arkhiv")
# a pager's word may carry its arrow («Вперед →», «« Предыдущая», «Келесі »»)
PAGER_LABEL = re.compile(
    r"^(?:[←‹«<]\s*)?(?:[2-9]|[1-9]\d{1,2}|следующ\w*(?: страниц\w*)?|далее|вперед|вперёд|ещ[её]|показать ещ[её]|"
    r"загрузить ещ[её]|ещ[её] новост\w*|предыдущ\w*|ранее|более ранние|старые|келесі|әрі қарай|алға|тағы|"
    r"тағы көрсету|тағы жүктеу|алдыңғы|бұрынғы|барлық жаңалықтар мұрағаты|next|older|more|forward)"
    r"(?:\s*(?:»|›|→|▸|►|▶|>>|>))?$|^(?:»|›|→|▸|►|▶|>>|>)$"
)
# a portal list view's pages are asked by ``Paged=TRUE`` and the first item's id (``&p_ID=8&PageFirstRow=6``); a
# portlet's pager names its instance before the page (Liferay's ``&_101_INSTANCE_kQ3nWs_cur=2``)
PAGER_ADDRESS = re.compile(
    r"[?&](?:page|p|pg|pagen_\d+|start|offset|from|year|month)=\d|/page/?\d|[?&]paged=true|[?&][\w%-]*_(?:cur|page)=\d"
)
FULL_VERSION = re.compile(
    r"^(?:полная версия|основная версия|тол[ыи][қк] н[ұу]с[қк]а|нег[іи]зг[іи] н[ұу]с[қк]а|"
    r"full version|desktop version)\W*$"
)
# a year's link, to a page of that year or to the year's items in one file («2024 (ZIP)», «2025 (PDF, 3 МБ)»)
YEAR_LABEL = re.compile(
    r"^(?:19|20)\d\d(?:\s*(?:г\.?|год|ж\.?|жыл))?(?:\s*\((?:zip|rar|7z|pdf|docx?|xlsx?)(?:[,;][^)]*)?\))?$"
)
# a button loading more, or turning to the feed's next page (a server component's «Вперёд »» / «Келесі »» pager,
# answered by a script, not a link)
MORE_BUTTON = re.compile(
    r"<button[^>]*>\s*(?:[←‹«<]\s*)?(?:показать ещ[её]|загрузить ещ[её]|ещ[её]|тағы|тағы көрсету|тағы жүктеу|көбірек|"
    r"следующ|далее|вперед|вперёд|келесі|әрі қарай|алға|next|older)",
    re.I,
)
YEAR_OPTION = re.compile(r"<option[^>]*>\s*(?:19|20)\d\d\s*</option>", re.I)
# a control a script answers - any element with a handler, a button's role or a data address - labelled as loading
# more («Показать ещё», «Тағы көрсету»): script-built sites draw the feed's «more» so, not as a button or a link
MORE_CONTROL = re.compile(
    r"<(?:a|div|span|li|p)\b(?=[^>]*(?:\bonclick\s*=|\brole\s*=\s*[\"']button|\bdata-[\w-]+\s*=))[^>]*>\s*"
    r"(?:показать ещ[её]|загрузить ещ[её]|ещ[её] новост|тағы көрсету|тағы жүктеу|көбірек көрсету|show more|load more)",
    re.I,
)
# an element's data attribute holding the address of the feed's next page («data-endpoint="/api/news?page=2"»)
DATA_PAGER = re.compile(
    r"\bdata-[\w-]+\s*=\s*[\"'][^\"']*(?:[?&](?:amp;)?(?:page|p|offset|start)=[2-9]|/page/[2-9])", re.I
)


@dataclass(frozen=True)
class ArchiveReading:
    """What the feed's pages offer to reach its older items: ``way`` (how, cited), ``items`` the dated
    items the feed's place lists, ``doubt`` why the reading is not certain."""

    way: str | None
    items: tuple[date, ...]
    doubt: str | None = None

    @property
    def missing(self) -> bool:
        """No way to older items, measured on a feed that lists dated items."""
        return self.way is None and bool(self.items)


def _of_news(label: str, address: str, own: str) -> bool:
    """Whether an archive link is the feed's (not «Архив документов» in the menu): it names the news, or
    nothing but the archive and a year, or leads under the feed's address or to a news address."""
    if NEWS.search(label) or BARE_ARCHIVE.match(label) or NEWS.search(address):
        return True
    path = _path(own).split("?", 1)[0]
    return bool(path) and _path(address).split("?", 1)[0].startswith(path)


YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _path(address: str) -> str:
    """An address without its scheme and host."""
    return re.sub(r"^https?://[^/]+", "", address)


def _years_items(label: str, address: str, own: str) -> bool:
    """Whether a link leads to a year's items of the feed: named as a year's news («2025 жылғы жаңалықтар», «Новости
    за 2025 год»), or leading to the feed's own address and a year under it (``/kk/zhanalyqtar/2025``)."""
    if YEAR.search(label) and NEWS.search(label):
        return True
    path, target = (_path(x).split("?", 1)[0].rstrip("/") for x in (own, address))
    year = target[len(path) + 1 :] if target.startswith(path + "/") else ""
    return bool(path) and bool(YEAR.fullmatch(year))


def _ways(unit: Unit, repeated: frozenset[str] = frozenset()) -> tuple[str | None, str | None]:
    """(the way to older items a page offers, an archive link to the page itself). ``repeated``: the pager pages
    (by :func:`~ashyq.base.routes.address_key`) that list the feed's own items again: a link there leads to no older
    item."""
    own = without_anchor(unit.url.lower()).rstrip("/")
    itself = None
    for n, (label, target) in enumerate(unit.anchors):
        label = normalise(label).strip()
        address = without_anchor(target).rstrip("/")
        if repeated and address_key(urljoin(unit.url, address)) in repeated:
            continue
        shown = unit.shown_label(n)
        named = bool(ARCHIVE.search(label))
        if named and (address == own or (own.endswith(address) and address.startswith("/"))):
            itself = itself or f"the link «{shown}» leads back to the feed ({unit.url})"
            continue
        if (named or ARCHIVE_ADDRESS.search(address)) and _of_news(label if named else "", address, own):
            return f"the link «{shown}» ({target}) on {unit.url}", itself
        pager = bool(PAGER_LABEL.match(label) or PAGER_ADDRESS.search(address) or YEAR_LABEL.match(label))
        if (pager or _years_items(label, address, own)) and address and address != own:
            return f"the pager or filter link «{shown}» ({target}) on {unit.url}", itself
    if len(YEAR_OPTION.findall(unit.html)) >= 2:
        return f"a filter by year on {unit.url}", itself
    if MORE_BUTTON.search(unit.html) or MORE_CONTROL.search(unit.html):
        return f"a button loading more items on {unit.url}", itself
    if DATA_PAGER.search(unit.html):
        return f"a control loading the feed's next page on {unit.url}", itself
    return None, itself


def read_archive(feed: Hit, section_units: Sequence[Unit], as_of: date) -> ArchiveReading:
    """Whether the feed found at ``feed`` has an archive a reader can reach (the rules above)."""
    units = [feed.unit, *(u for u in section_units if u is not feed.unit)]
    listed = {id(u): _items(u, as_of) for u in units}  # each page's dated items, read once
    # the feed is the place found when a title or heading names it there; found by a link's label, the text or
    # an address (one news item, a record of the platform's), the list is the section's page listing the most
    items = listed[id(feed.unit)] if feed.rank == 0 else max(listed.values(), key=len)
    # a pager's page listing none but the feed's own items (a paging script left answering its first page) leads to no
    # older item: neither it nor a link to it is the archive
    repeated = frozenset(
        address_key(u.url)
        for u in units
        if u is not feed.unit
        and PAGER_ADDRESS.search(u.url.lower())
        and listed[id(u)]
        and set(listed[id(u)]) <= set(items)
    )
    itself = None
    for unit in units:
        if address_key(unit.url) in repeated:
            continue
        if (
            ARCHIVE.search(unit.title)
            or ARCHIVE_ADDRESS.search(unit.url.lower())
            or PAGER_ADDRESS.search(unit.url.lower())
        ):
            return ArchiveReading(f"the page {unit.url} («{unit.shown_title or unit.title}»)", items)
        way, back = _ways(unit, repeated)
        if way is not None:
            return ArchiveReading(way, items)
        itself = itself or back
    if items and ((items[0] - items[-1]).days > BACK_DAYS or len(items) >= MANY):
        return ArchiveReading(f"the feed lists {len(items)} items back to {items[-1].isoformat()}", items)
    # the news items the site keeps, each its own page or record (a platform's news served one by one)
    kept = sorted({max(d) for u in units if (d := [x for x in u.dates if x <= as_of]) and len(listed[id(u)]) <= 1})
    if kept and ((kept[-1] - kept[0]).days > BACK_DAYS or len(kept) >= MANY):
        return ArchiveReading(f"the site keeps {len(kept)} news items back to {kept[0].isoformat()}", items)
    full = _full_feed(feed.unit)
    if full is not None:
        doubt = f"{full}: the full version's feed is not read here; look there for its older items"
        return ArchiveReading(full, items, doubt)
    if len(items) >= FEW:
        way = f"the feed lists {len(items)} items back to {items[-1].isoformat()}"
        doubt = (
            f"{way}, with no pager, archive link or filter: whether older items are kept is not shown; "
            "counted as the archive"
        )
        return ArchiveReading(way, items, doubt)
    if itself is not None:
        return ArchiveReading(itself, items, f"{itself}: counted as an archive on its word")
    if not items:
        return ArchiveReading(
            None,
            items,
            f"the feed's place ({feed.cite()}) lists no dated item (a list a script fills, or not harvested): "
            "whether it has an archive was not measured",
        )
    return ArchiveReading(None, items)


def _full_feed(unit: Unit) -> str | None:
    """A phone version's feed linking the full version's news feed («Полная версия», «Толық нұсқа» to a news
    address): the version keeps the latest items and sends the reader there for the older ones."""
    own = without_anchor(unit.url.lower()).rstrip("/")
    for n, (label, target) in enumerate(unit.anchors):
        address = without_anchor(target).rstrip("/")
        if FULL_VERSION.match(normalise(label).strip()) and NEWS.search(address) and address != own:
            return f"the link «{unit.shown_label(n)}» ({target}) on {unit.url} to the full version's feed"
    return None


def _items(unit: Unit, as_of: date) -> tuple[date, ...]:
    """The dated items a page lists (its own stamps left out), the newest first."""
    return tuple(sorted({d for b in unit_blocks(unit) for d in b.dates if d <= as_of}, reverse=True))
