"""Who a site belongs to, as its content blocks need to say it, and the small helpers they share."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape

MONTHS_RU = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip
MONTHS_KK = (
    "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
    "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан",
)  # fmt: skip
# the locative ("…-дағы/-дегі") the Kazakh date of an act takes: «2026 жылғы 14 қазандағы»
MONTHS_KK_LOC = (
    "қаңтардағы", "ақпандағы", "наурыздағы", "сәуірдегі", "мамырдағы", "маусымдағы",
    "шілдедегі", "тамыздағы", "қыркүйектегі", "қазандағы", "қарашадағы", "желтоқсандағы",
)  # fmt: skip


@dataclass(frozen=True)
class Person:
    kk: str  # name as written in Kazakh
    ru: str
    position: dict[str, str]
    phone: str
    email: str


@dataclass(frozen=True)
class Unit:
    kk: str
    ru: str
    head: dict[str, str]
    phone: str
    email: str
    site: str = ""
    city: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Service:
    code: str
    kk: str
    ru: str
    form: dict[str, str]  # form of delivery
    documents: dict[str, str]
    cost: dict[str, str]
    term: dict[str, str]
    result: dict[str, str]


def person(kk: str, ru: str, kk_pos: str, ru_pos: str, phone: str, email: str) -> Person:
    """A person as the sites list them: the name and the position in both languages."""
    return Person(kk, ru, {"kk": kk_pos, "ru": ru_pos}, phone, email)


def unit(kk: str, ru: str, head_kk: str, head_ru: str, phone: str, email: str, site: str = "") -> Unit:
    """A subdivision or territorial body with its head in both languages."""
    return Unit(kk, ru, {"kk": head_kk, "ru": head_ru}, phone, email, site)


def service(code: str, kk: str, ru: str, **fields: tuple[str, str]) -> Service:
    """A public service; each field is given as a (kk, ru) pair."""
    v = {name: {"kk": a, "ru": b} for name, (a, b) in fields.items()}
    return Service(code, kk, ru, v["form"], v["documents"], v["cost"], v["term"], v["result"])


Image = Callable[[str, dict[str, str], int, int, str], str]  # (file, alt kk/ru, width, height, lang) → <img>


def plain_image(file: str, alt: dict[str, str], width: int, height: int, lang: str) -> str:
    return f'<img src="/img/{file}" width="{width}" height="{height}" alt="{escape(alt.get(lang, ""))}">'


@dataclass(frozen=True)
class Ctx:
    """What the blocks say about the body: names, contacts, people, services, its field of work."""

    kind: str
    host: str
    as_of: date
    names: dict[str, str]  # nominative, kk / ru
    of: dict[str, str]  # genitive: «Министерства …» / «… министрлігінің»
    short: dict[str, str]
    address: dict[str, str]
    email: str
    phone: str
    office_phone: str
    press_phone: str
    head: Person
    deputies: tuple[Person, ...]
    ethics: Person
    hr: Person
    units: tuple[Unit, ...]
    subordinates: tuple[Unit, ...]
    territorial: tuple[Unit, ...]
    services: tuple[Service, ...]
    laws: tuple[tuple[str, str], ...]  # (kk, ru) titles of the laws on the body's powers
    field_kk: str  # the body's field, as a Kazakh noun phrase: «геология және жер қойнауын пайдалану»
    field_ru: str  # … and in Russian, prepositional: «геологии и недропользования»
    regulation: dict[str, str]  # kk / ru: the act approving the regulation; title_kk / title_ru: its title
    order_by: dict[str, str]  # who signs the body's acts, genitive: «Министра …» / «… министрінің»
    stats: tuple[tuple[str, str, str, str], ...]  # (kk label, ru label, previous year, this year)
    social: tuple[tuple[str, str], ...]  # (network, url)
    programs: dict[str, str]  # a programme the body implements
    control: dict[str, str]  # what it controls (CGO), empty for none
    permits: tuple[tuple[str, str], ...]
    roadmap_executor: bool = False
    green_executor: bool = False
    blog: str = ""
    image: Image = plain_image
    voice: str = "formal"  # "formal" or "plain": how the headings are worded
    show_formats: bool = True  # download links say their format and size

    def day(self, days_ago: int) -> date:
        return self.as_of - timedelta(days=days_ago)

    @property
    def year(self) -> int:
        return self.as_of.year


def dmy(d: date) -> str:
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def long_date(d: date, lang: str) -> str:
    """«14 октября 2026 года» / «2026 жылғы 14 қазан»."""
    if lang == "kk":
        return f"{d.year} жылғы {d.day} {MONTHS_KK[d.month - 1]}"
    return f"{d.day} {MONTHS_RU[d.month - 1]} {d.year} года"


def act_date(d: date, lang: str) -> str:
    """The date as an act is cited: «от 14 октября 2026 года» / «2026 жылғы 14 қазандағы»."""
    if lang == "kk":
        return f"{d.year} жылғы {d.day} {MONTHS_KK_LOC[d.month - 1]}"
    return f"от {d.day} {MONTHS_RU[d.month - 1]} {d.year} года"


def pick(lang: str, kk: str, ru: str) -> str:
    return kk if lang == "kk" else ru


def doc_link(href: str, title: str, fmt: str, size: str, lang: str, show_format: bool = True) -> str:
    """A download link; ``show_format`` False is the habit of not saying the format and size."""
    tail = f' <span class="file">({fmt}, {size})</span>' if show_format else ""
    return f'<a href="{escape(href)}">{escape(title)}</a>{tail}'


def ext_link(href: str, text: str) -> str:
    return f'<a href="{escape(href)}" class="ext">{escape(text)}</a>'


def table(head: list[str], rows: list[list[str]], cls: str = "data") -> str:
    th = "".join(f"<th>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f'<table class="{cls}"><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>'
