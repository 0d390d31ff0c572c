"""What a page says in place of information, and what that is worth: the Appendix 15 note's «неполнота
представленной информации» against a statement that there is nothing of the kind (reading
a15-nothing-to-publish). The phrases are ``common.yaml``'s ``empty_phrases``, in three kinds:

* ``pending`` (``pending_phrases``) — a placeholder announcing content not yet there («Информация
  готовится», «Раздел в разработке», «Ақпарат дайындалуда», «Бөлім толықтырылуда»): the information is
  not shown, and the section page is incomplete information;
* ``none`` (``none_phrases``) — a statement that the body has nothing of the kind now («Вакансии
  отсутствуют», «В настоящее время конкурсы не объявлены», «Бос лауазымдар жоқ», «Жоспарлы тексерулер
  жүргізілген жоқ»): that is the information itself (an empty list of vacancies is the current state; an
  «(при наличии)» indicator has nothing to post), shown, and nothing is deducted;
* ``unclear`` — the rest («Информация отсутствует», «Ақпарат жоқ», «Нет данных», a field left as a dash «—»): the
  words do not tell which. In an indicator's place it is a placeholder (an indicator the body must publish is not shown
  either way; an «(при наличии)» one has nothing to post either way); as a section page's incomplete
  information it is deducted, and the verdict says the words may mean «there is none» (uncertain).

A placeholder is the section's incomplete information only where it stands for the section's own: under
a heading that names the section or one of its indicators, or as the whole content of a section page. A
placeholder under another section's heading on the same page (the home page's «Анонсы: Информация
готовится» read for the State symbols) is that section's matter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Literal

from ashyq.base.text import fold_kazakh, normalise, squash
from ashyq.checks.completeness.corpus import Unit
from ashyq.checks.completeness.keywords import Section, Vocabulary
from ashyq.checks.completeness.page_blocks import STAMP_EITHER, Block
from ashyq.checks.completeness.places import Hit, matches, paragraphs, unit_blocks
from ashyq.checks.completeness.readings import Doubt

Notice = Literal["pending", "none", "unclear"]
OPENING = 3  # a placeholder block opens with its phrase (a dash or a bullet may come first)


def notice_kind(said: str, lang: str, vocabulary: Vocabulary) -> Notice:
    """Which kind of empty phrase ``said`` (as the page writes it) is."""
    text = (fold_kazakh if lang == "kk" else normalise)(said)
    if matches(vocabulary.none_phrases.get(lang, ()), text):
        return "none"
    if matches(vocabulary.pending_phrases.get(lang, ()), text):
        return "pending"
    return "unclear"


def opening(hit: Hit, lang: str, vocabulary: Vocabulary) -> str | None:
    """The empty phrase the place of a hit opens with (its heading's own block), as the page writes it: a
    placeholder whose block runs on into the site's own lines (an update stamp, a footer the page does not
    mark as one) is still a placeholder. None for a link's label or a title (no block of its own)."""
    if hit.announced or hit.block is None or not hit.block.heading:
        return None
    return _said(hit.unit, hit.block, lang, vocabulary)


# a name in quotes («Дорожная карта бизнеса», «Бизнестің жол картасы»): a programme's, a document's own name
QUOTED = re.compile(r"«[^«»]*»|\"[^\"]*\"|“[^“”]*”|„[^„“”]*[“”]")


def _names_section(block: Block, section: Section, lang: str) -> bool:
    """Whether the block's heading names the section or one of its indicators, or the heading it sits under inside
    the page's content does (a service's own sub-heading under «Қызметтер тізімі және жадынамалар» over «Ақпарат
    дайындалуда»: part of the list the section asks for is not there). The page's own heading, over all of it, is
    not read so: a topic of its own under it («Қоғамдық мониторинг нәтижелері») is that topic's matter."""
    return _heading_names_section(block.heading, block.raw_heading, section, lang) or (
        len(block.above) > 1 and _heading_names_section(block.above[-1], "", section, lang)
    )


def _heading_names_section(heading: str, raw_heading: str, section: Section, lang: str) -> bool:
    if not heading:
        return False
    # the section's name said outside a quoted name: a word of it inside one («бизнес» of «Дорожная карта бизнеса»)
    # names that programme, which is no indicator of the section (the indicators' own words are read in the whole
    # heading)
    read = fold_kazakh if lang == "kk" else normalise  # as the heading was read (a Kazakh page's folded)
    unquoted = read(QUOTED.sub(" ", raw_heading)) if raw_heading else heading
    if matches(section.titles.get(lang, ()), unquoted):
        return True
    # a memo part's word («нәтижесі», «результат») names one service's memo, not the section's matter
    # («Қоғамдық мониторинг нәтижелері» over a placeholder is no placeholder of Appendix 16's services section)
    return any(matches(i.keywords.get(lang, ()), heading) for i in section.indicators if i.match != "memo")


def _said(unit: Unit, block: Block, lang: str, vocabulary: Vocabulary) -> str | None:
    """The empty phrase a block opens with, as the page writes it (what follows it may be the site's own
    lines the reading kept: an update stamp, a footer); None when the block opens with something else."""
    text = block.text.strip()
    # the phrase it opens with, not the list's first found anywhere
    # («Ақпарат толықтырылу үстінде» holds «толықтырылу үстінде»)
    found = min(
        (f for p in vocabulary.empty_phrases.get(lang, ()) if (f := p.search(text)) is not None),
        key=lambda f: f.start(),
        default=None,
    )
    if found is None or (
        found.start() > OPENING
        and not _promise_sentence(text, found, lang, vocabulary)
        and (block.hrefs or not _lead_over_promise(text, found, lang, vocabulary))
    ):
        return None
    if found.group(0) == text:  # the whole block is the phrase (a field left as a dash): as it stands
        return text
    read = fold_kazakh if lang == "kk" else normalise
    return squash(next((p for p, _ in paragraphs(unit) if found.group(0) in read(p)), found.group(0)))


def _promise_sentence(text: str, found: re.Match[str], lang: str, vocabulary: Vocabulary) -> bool:
    """Whether the block is one sentence announcing its information to come, whatever it names as its subject
    («Жоспардың орындалу барысы туралы ақпарат жақында жарияланады.», «Обзор обращений за 2026 год будет опубликован
    после подведения итогов года.»): a phrase of information to come (not one saying there is none now) is the
    sentence's predicate, and the block holds no other sentence (no sentence ends before it, no words follow the end of
    its own)."""
    return _promise_ends_block(text, found, lang, vocabulary) and not SENTENCE_END.search(text[: found.start()])


LEAD_WORDS = 25  # a lead restating the section's subject is one short sentence
OPENING_WORDS = 3  # the placeholder's own sentence may open with its subject («Ақпарат», «Информация по разделу»)


def _lead_over_promise(text: str, found: re.Match[str], lang: str, vocabulary: Vocabulary) -> bool:
    """Whether the block is a lead over a placeholder (a builder's page: «Аудандағы «жасыл экономикаға» көшу
    тұжырымдамасын іске асыру жөніндегі әкімдіктің жұмысы. Ақпарат дайындалуда.»): one short sentence before the
    phrase of information to come, holding no figure (no date, number, act or amount: nothing measured or done, only
    the subject named; that the block links nowhere is the caller's to see), the phrase's own sentence the block's
    last. The lead names what the section is about; the placeholder says its information is still to come."""
    if not _promise_ends_block(text, found, lang, vocabulary):
        return False
    ends = list(SENTENCE_END.finditer(text, 0, found.start()))
    if len(ends) != 1:
        return False
    lead, opening_words = text[: ends[0].end()], text[ends[0].end() : found.start()].split()
    return not (re.search(r"\d", lead) or len(lead.split()) > LEAD_WORDS or len(opening_words) > OPENING_WORDS)


def _promise_ends_block(text: str, found: re.Match[str], lang: str, vocabulary: Vocabulary) -> bool:
    """Whether ``found`` is a phrase of information to come (not one saying there is none now) whose sentence is the
    block's last: no words follow the end of its own sentence."""
    if not matches(vocabulary.pending_phrases.get(lang, ()), found.group(0)):
        return False
    after = text[found.end() :]
    end = SENTENCE_END.search(after)
    return not re.search(r"[^\W\d_]", after[end.end() :] if end else "")


SENTENCE_END = re.compile(r"[.!?…](?:\s|$)")
# a dated label at a block's head: the page's stamps («Жарияланған күні: 14.03.2025 · Өзгертілген күні: 14.03.2025»)
_DATED_LABEL = re.compile(
    r"^[^\d:.;]{3,40}:\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:\s*(?:г\.|ж\.))?(?:,?\s*\d{1,2}:\d{2})?\s*[·|]?\s*"
)


# the same stamps closing a block (a CMS prints them under the page's text): a label of publication or change (the page
# blocks' :data:`~.page_blocks.STAMP_LINE`), so that a sentence of the page's own ending in a date («Құжаттар қабылдау
# мерзімі: 20.12.2026», «Дата проведения: …») stays its text
_STAMP_AT_END = re.compile(rf"\s*[·|]?\s*{STAMP_EITHER}\s*$", re.I)


def _unstamped(text: str) -> str:
    """A block's text without the page's stamps at its head or at its end."""
    before = None
    while before != text:
        before, text = text, _DATED_LABEL.sub("", text.strip(), count=1)
        text = _STAMP_AT_END.sub("", text, count=1)
    return text


def placeholder_only(unit: Unit, lang: str, vocabulary: Vocabulary) -> str | None:
    """The placeholder a page holds instead of its content («Ақпарат дайындалуда», «Информация готовится»): every
    block with text or links opens with one that announces information to come, as the page writes the first;
    None for a page with anything else, or one saying there is none of it now («Гранты не привлекались»). The
    content is what the page's headings head (a breadcrumb above the title is the way to the page, not its content),
    or the whole page where nothing is headed."""
    blocks = [b for b in unit_blocks(unit) if b.text.strip() or b.hrefs]
    blocks = [b for b in blocks if b.heading] or blocks
    said = [_said(unit, replace(b, text=_unstamped(b.text)), lang, vocabulary) for b in blocks]
    if not said or any(s is None or notice_kind(s, lang, vocabulary) == "none" for s in said):
        return None
    return said[0]


def placeholder_pages(
    section: Section, units: Iterable[Unit], lang: str, vocabulary: Vocabulary
) -> tuple[list[Unit], list[Doubt]]:
    """The section pages holding a placeholder for the section's own information (one per page), and the
    doubts of those whose words do not tell a placeholder from «there is none» (see the module's notes)."""
    pages: list[Unit] = []
    doubts: list[Doubt] = []
    for unit in units:
        blocks = [b for b in unit_blocks(unit) if b.text.strip() or b.hrefs]
        for block in blocks:
            said = _said(unit, replace(block, text=_unstamped(block.text)), lang, vocabulary)
            if said is None:
                continue
            kind = notice_kind(said, lang, vocabulary)
            if kind == "none" or not (len(blocks) == 1 or _names_section(block, section, lang)):
                continue
            pages.append(unit)
            if kind == "unclear":
                where = f"«{block.raw_heading or block.heading}»" if block.heading else "the page"
                doubts.append(
                    Doubt(
                        section.item,
                        "other_reading",
                        unit,
                        said,
                        f"{unit.url}: {where} says «{said}»: whether that announces information still to be posted "
                        "or states that the body has none of it now cannot be told from the words: counted as "
                        "incomplete information",
                    )
                )
            break
    return pages, doubts


def withheld_section(
    section: Section, section_units: Iterable[Unit], lang: str, vocabulary: Vocabulary
) -> tuple[list[Unit], str] | None:
    """The section's own pages (:func:`rubric_of`) when every one of them holds only a placeholder
    («Ақпарат дайындалуда», «Информация готовится»), with the first one's words; None when there is no such
    page or one holds anything else. The site says there that its information is still to come: a phone of
    the site's template on such a page, or a page elsewhere that merely shares a word of the section's title
    (a document «о подготовке кадров»), is not that information."""
    own = [u for u in section_units if rubric_of(u, section, lang)]
    said = [placeholder_only(u, lang, vocabulary) for u in own]
    if not own or any(s is None for s in said):
        return None
    return own, next(s for s in said if s is not None)


RUBRIC_WORDS = 5  # a rubric's name is short («Бос орындар», «Кадровое обеспечение государственных органов»)


def rubric_of(unit: Unit, section: Section, lang: str) -> bool:
    """A page of the section's own rubric: at the section's address, or titled by the section with a title as short
    as a rubric's name (a document's long title sharing a word of it, «… о подготовке кадров …», is not one)."""
    if any(p in unit.tags for p in section.urls):
        return True
    return bool(matches(section.titles.get(lang, ()), unit.title)) and len(unit.title.split()) <= RUBRIC_WORDS


def indicator_pages(section: Section, section_units: Iterable[Unit], units: Iterable[Unit], lang: str) -> list[Unit]:
    """The pages the section's own pages link to that are named for one of its indicators (by their title or the
    link's label: a card «Подведомственные организации» / «Ведомстволық бағынысты ұйымдар» on the body's «about»
    page) and are no section page by themselves: where such a page holds only a placeholder, the section's
    information for that indicator is incomplete (the note's «неполнота представленной информации»), though the
    indicator may be named elsewhere (the units listed on the structure page)."""
    named = [i.keywords.get(lang, ()) for i in section.indicators if i.match != "memo" and not i.detect]
    # an indicator read from a pattern (a phone) names its holders in words as broad as «телефон», «әкім»: a page is
    # named for it by a name as short as a rubric's («Аумақтық департаменттер»), not by a question or a document
    detected = [i.keywords.get(lang, ()) for i in section.indicators if i.match != "memo" and i.detect]
    return [
        unit
        for unit in linked_from(section_units, units)
        if any(
            matches(k, name)
            for name in (unit.title, *unit.incoming)
            for k in (*named, *(detected if len(name.split()) <= RUBRIC_WORDS else ()))
        )
    ]


def linked_from(section_units: Iterable[Unit], units: Iterable[Unit]) -> list[Unit]:
    """The pages of ``units`` that the section's own pages link to and that are none of them (a register's acts: each
    listed act's own page, where «п. 3 Признать утратившим силу постановление … № 84» may stand)."""
    own = list(section_units)
    targets = {target for unit in own for _, target in unit.anchors}
    seen = {id(u) for u in own}
    return [u for u in units if id(u) not in seen and u.url.lower() in targets]
