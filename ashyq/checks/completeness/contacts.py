"""Whose contact a place gives (house style 14): the contact indicators the texts name are the body's own
and a named holder's, not any address or phone that stands near.

* the body's postal address (Appendix 15, 1.2 indicator 1; Appendix 16, 1.1 indicator 1; Table 7 row 1
  «почтовый адрес») is where a letter reaches the body. A reader finds it where the body gives its contacts:
  labelled as an address («Адрес:», «Почтовый адрес», «Мекенжайы»), under a heading of the body's general
  information (its contacts, about, structure), on such a page, or in the page's header or footer. A street
  and house given in a list of other organisations (the territorial bodies, the subordinate organisations,
  the district and rural akimats: «Территориальные инспекции … г. Кокшетау, ул. Ауэзова, 189»), or in a
  paragraph about someone else (a service centre on the business page, an employment centre), is theirs.
* a phone or e-mail stated for a holder («телефон уполномоченного по этике», «телефоны руководства»,
  «телефон пресс-службы»; Table 7 row 1, Appendix 15 1.2) is that holder's when the holder names the block
  (its heading, or one above it), or when it follows the holder's words within a line's reach
  (:data:`HOLDER_REACH` characters): a block that names the ethics commissioner without a phone and gives the
  office's phone elsewhere does not give the commissioner's. The row lists whose phones are given, not the page
  they stand on: an indicator marked ``named_anywhere`` is also read on the content of any page, where its phone
  follows the holder's words within :data:`NAMED_REACH` characters («Уполномоченный по этике — Омарова Д. С.,
  4-40-19» on the civil-service page; not the trust line «1424» a paragraph later) (:func:`named_contact`).
"""

from __future__ import annotations

import re

from ashyq.base.text import fold_kazakh
from ashyq.checks.completeness.corpus import Unit, without
from ashyq.checks.completeness.keywords import Indicator, Section
from ashyq.checks.completeness.page_blocks import Block
from ashyq.checks.completeness.places import ADDRESS, EMAIL, PHONE, TEMPLATE, Hit, matches, unit_blocks

# the contact a detector reads, by its kind: a phone, an e-mail, either («контактные данные»)
CONTACTS = {"phone": PHONE, "email": EMAIL, "contact": re.compile(f"(?:{PHONE.pattern})|(?:{EMAIL.pattern})")}
HOLDER_REACH = 120  # characters after the holder's words in which its phone or e-mail is read
NAMED_REACH = 60  # the same on a page of another subject: the holder's name and its phone, in one line
CONTACT_LENGTH = 60  # room for the whole of a contact beginning inside a reach (a phone with its code, an e-mail)
ENTRY_REACH = 300  # characters after the holder's words in which its contact is read in the same sentence
# a sentence's end and the word before it: an abbreviation's full stop («тел.», «ул.», «г.», «каб.»; a single letter, an
# initial, a number) ends none; the text of a link or a file's label before it stands apart from it in the page's
# text («… кодекс: adilet.zan.kz . План …»: the full stop after the link ends the sentence)
SENTENCE_END = re.compile(r"(\w*) ?[.!?;] ")
ABBREVIATIONS = frozenset(
    ("тел", "ул", "пр", "просп", "пер", "каб", "корп", "кв", "обл", "мкр", "стр", "оф", "эт", "факс", "моб", "доб")
)
LABEL_REACH = 40  # characters before an address in which its label («Адрес:», «Мекенжайы:») is read
# the label of an address («Адрес», «Почтовый адрес», «Юридический адрес»; «Мекенжай», «Пошталық мекенжай»)
_LABEL = r"(?<!\w)(?:адрес|мекен-?жай)\w*"
ADDRESS_LABEL = {"ru": re.compile(_LABEL), "kk": re.compile(fold_kazakh(_LABEL))}
# a heading naming other organisations, whose addresses its list gives: units, territorial bodies, subordinate
# organisations, branches, the lower akimats an akimat lists
_OTHERS = (
    r"(?<!\w)(?:территориальн|региональн\w* подразделени|межрегиональн|подведомствен|структурн\w* подразделени|"
    r"подразделения и организации|департаменты|управления$|отделы$|инспекции$|филиалы|акимат\w* районов|"
    r"акимат\w* городов|акимы сельских|сельских округов|аумақтық|өңірлік|өңіраралық|ведомстволық бағынысты|"
    r"құрылымдық бөлімше|департаменттер|басқармалар|бөлімдер|инспекциялар|филиалдар|ауылдық округтер|"
    r"аудандар\w* әкімдік|қалалар\w* әкімдік|"
    # an entry of such a list, its address after a dash: a district or city unit («Аксуское районное управление —
    # с. Аксу, …», «Ақсу аудандық басқармасы — …»), a subordinate organisation («Ведомственная организация — филиал …:
    # г. …»); folded and lower-cased for Kazakh, so no «\S» (it would read «\s»)
    r"(?:районн|городск)\w* (?:\w+ )?(?:управлени|отдел)\w* -|"
    r"(?:аудандық|қалалық) (?:[^ ]+ )?(?:басқарма|бөлім)[^ ]* -|"
    r"ведомствен\w* (?:организаци|учреждени))"
)
OTHERS = {"ru": re.compile(_OTHERS), "kk": re.compile(fold_kazakh(_OTHERS))}
OTHERS_REACH = 120  # characters before an address in which a phrase naming other organisations makes it theirs


def _pattern(table: dict[str, re.Pattern[str]], lang: str) -> re.Pattern[str]:
    return table["kk" if lang == "kk" else "ru"]


def others_heading(heading: str, lang: str) -> bool:
    """Whether a (normalised) heading names other organisations: its list's addresses are theirs."""
    return bool(heading and _pattern(OTHERS, lang).search(heading))


def labelled_address(text: str, lang: str) -> bool:
    """Whether an address in the (normalised) text follows its label («Адрес: 010000, г. Астана, …»)."""
    text = PHONE.sub(" ", text)
    label = _pattern(ADDRESS_LABEL, lang)
    for found in _pattern(ADDRESS, lang).finditer(text):
        if label.search(text[max(0, found.start() - LABEL_REACH) : found.start()]):
            return True
    return False


def others_addresses(text: str, lang: str) -> bool:
    """Whether every address in the (normalised) text follows, within :data:`OTHERS_REACH` characters, words
    naming other organisations («Адреса сельских округов: Карабулакский — с. Карабулак, ул. Мектеп, 3»): a
    block that lists only theirs gives no address of the body, whatever its heading («Адрес и телефоны»)."""
    text = PHONE.sub(" ", text)
    found = list(_pattern(ADDRESS, lang).finditer(text))
    others = _pattern(OTHERS, lang)
    return bool(found) and all(others.search(text[max(0, f.start() - OTHERS_REACH) : f.start()]) for f in found)


def outside_content(unit: Unit) -> str:
    """A page's text outside its content blocks: its header, navigation and footer."""
    return without(unit.text, (b.text for b in unit_blocks(unit)))


def _general(texts: list[str], section: Section, lang: str) -> bool:
    return any(matches(section.titles[lang], t) for t in texts if t)


def own_address(hit: Hit, section: Section, lang: str) -> bool:
    """Whether the address a detector found at ``hit`` is the body's: see the module's notes."""
    unit = hit.unit
    block = hit.block
    # the page's text, or the template's block (Table 7, :func:`~.places.template_hits`): its header and footer are
    # the body's own, not a list's entries left in it
    if block is None or block.raw_heading == TEMPLATE:
        outside = PHONE.sub(" ", block.text if block is not None else outside_content(unit))
        return bool(_pattern(ADDRESS, lang).search(outside)) and not others_addresses(outside, lang)
    if others_heading(block.heading, lang) or others_addresses(block.all_text, lang):
        return False  # a list of other organisations: their addresses
    headings = [block.heading, *block.above]
    if labelled_address(block.all_text, lang) or any(_pattern(ADDRESS_LABEL, lang).search(h) for h in headings if h):
        return True
    if block.above and others_heading(block.above[-1], lang):
        return False  # a block inside such a list (an organisation's own heading under «Подведомственные организации»)
    return _general([*headings, unit.title], section, lang) or any(p in unit.tags for p in section.urls)


def holders_contact(indicator: Indicator, hit: Hit, lang: str) -> bool:
    """Whether the phone or e-mail a detector found at ``hit`` is the holder's its keywords name: see the
    module's notes. Other detectors, and indicators naming no holder, are not asked."""
    keywords = indicator.keywords.get(lang, ())
    if indicator.detect not in CONTACTS or not keywords or hit.block is None or hit.block.raw_heading == TEMPLATE:
        return True  # (the template's: read so, :func:`~.places.template_hits`)
    block = hit.block
    if any(matches(keywords, h) for h in (block.heading, *block.above) if h):
        return True
    contact = CONTACTS[str(indicator.detect)]
    for pattern in keywords:
        for found in pattern.finditer(block.text):
            if _begins_within(contact, block.text, found.end(), HOLDER_REACH) is not None:
                return True
    pieces = block.pieces or (block.text,)
    return any(_in_its_entry(pattern, contact, piece) for piece in pieces for pattern in keywords)


def _in_its_entry(holder: re.Pattern[str], contact: re.Pattern[str], piece: str) -> bool:
    """Whether the piece (a paragraph, list item or line) gives a contact after the holder's words in the same
    sentence, however long the entry's name and address between them («Ведомстволық бағынысты ұйым: «…» КММ, … ауылы,
    Абай көшесі, 25, тел. 8 (72832) 2-41-30»): an entry of a list is one sentence; a full stop after an abbreviation
    («тел.», «ул.», «г.») ends none."""
    for found in holder.finditer(piece):
        at = _begins_within(contact, piece, found.end(), ENTRY_REACH)
        between = piece[found.end() : found.end() + at.start()] if at is not None else ""
        if at is not None and not any(_ends(end.group(1)) for end in SENTENCE_END.finditer(between)):
            return True
    return False


def _begins_within(contact: re.Pattern[str], text: str, start: int, reach: int) -> re.Match[str] | None:
    """The first contact in ``text`` after ``start`` that begins within ``reach`` characters of it, read whole (a
    phone beginning at the reach's end is not cut to a few digits); its span counts from ``start``."""
    found = contact.search(text[start : start + reach + CONTACT_LENGTH])
    return found if found is not None and found.start() <= reach else None


def _ends(word: str) -> bool:
    """Whether a full stop after the word ends a sentence (not after an abbreviation, a letter or a number)."""
    return len(word) > 1 and not word.isdigit() and word not in ABBREVIATIONS


def named_contact(indicator: Indicator, block: Block, lang: str) -> bool:
    """Whether the block gives the holder's phone or e-mail right after the holder's words (beginning within
    :data:`NAMED_REACH` characters): the holder's contact on a page of another subject. The contact is read whole
    where it begins inside the reach: a holder's full name between the words and the phone («Уполномоченный по этике
    Агентства — Нурланова Айгерим Серикбаевна, тел. +7 (7172) 55-41-19») leaves the phone's end beyond it."""
    contact = CONTACTS[str(indicator.detect)]
    for pattern in indicator.keywords.get(lang, ()):
        for found in pattern.finditer(block.text):
            if _begins_within(contact, block.text, found.end(), NAMED_REACH) is not None:
                return True
    return False
