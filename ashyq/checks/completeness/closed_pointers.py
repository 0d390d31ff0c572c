"""A sentence saying that an indicator's information is set out in another document, where that document cannot be
opened: the place does not hold the information.

A page may name an indicator only to say where it is («Квалификационные требования к кандидатам и перечень
документов приведены в объявлении о конкурсе:», «Біліктілік талаптары хабарландырудың толық мәтінінде келтірілген»).
Such a sentence is a pointer, not the information (Appendix 15, Tables 1 and 2: the information is *placed* on the
site): the information is where it points. Where every link of the place leads to a page or file of the site the
reader cannot open - missing (404), a viewer of a missing file, or a sign-in form (:mod:`.signin`) - nothing of the
indicator can be read, and the place holds only the pointer. Where any link of the place opens, or leads to another
host, the document may be there and the pointer is left to the other readings.

Only the sentences that name the indicator are read: a place whose other sentences name it in words of their own
(«Требования: высшее образование …») holds it whatever its links do.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from urllib.parse import unquote, urljoin

from ashyq.base.home_page import bare_host
from ashyq.base.text import fold_kazakh, normalise, squash
from ashyq.checks.completeness.page_blocks import Block
from ashyq.checks.completeness.places import BACK_TO_TOP, PAGE_STAMP, SENTENCE_SPLIT, Hit, matches, paragraphs

# «приведены в объявлении», «указаны в полном тексте объявления», «содержатся в приложении», «изложены в файле»,
# «см. объявление»: the information is in the document named after the verb
_RU = re.compile(
    r"(?<!\w)(?:приведен|указан|изложен|содерж|размещен|опубликован|представлен|перечислен)\w*"
    r"(?: \w+){0,2} во? (?:\w+ ){0,2}(?:объявлени|текст|файл|документ|приложени|карточк|извещени)"
    r"|(?<!\w)(?:см\.|смотрите) "
)
# «хабарландырудың толық мәтінінде келтірілген», «қосымшада көрсетілген», «құжатта берілген» (the document in the
# locative, then the participle of setting out); compared as the content checks fold Kazakh
_KK = re.compile(
    fold_kazakh(
        r"(?<!\w)(?:хабарландыру|мәтін|файл|құжат|қосымша|карточка)\w*(?:да|де|та|те|нда|нде)"
        r"(?: \w+){0,2} (?:келтірілген|көрсетілген|берілген|жазылған|қамтылған|баяндалған|жарияланған|"
        r"орналастырылған)|(?<!\w)қараңыз"
    )
)


def pointer_sentence(sentence: str, lang: str) -> bool:
    """Whether a (normalised; folded for Kazakh) sentence says its subject is set out in another document."""
    return bool((_KK if lang == "kk" else _RU).search(sentence))


def closed_pointer(
    hit: Hit,
    blocks: Sequence[Block],
    keywords: Sequence[re.Pattern[str]],
    lang: str,
    closed: Collection[str],
    own_hosts: Collection[str],
) -> str | None:
    """The pointer sentence a hit's place (``blocks``: its block and the blocks under it, the template left out) names
    the indicator in (``keywords``), where the place names it in no other sentence and every link of the place leads to
    a page or file of the site (``own_hosts``) the reader cannot open (``closed``: lower-case unquoted addresses, the
    dead, the walled and the viewers of missing files); None otherwise."""
    if hit.block is None or hit.announced:
        return None
    hrefs = [urljoin(hit.unit.url, h) for b in blocks for h in b.hrefs if not h.startswith(("mailto:", "tel:", "#"))]
    if not hrefs or any(bare_host(h) not in own_hosts for h in hrefs):
        return None
    if any(unquote(h.lower()) not in closed for h in hrefs):
        return None
    offered = {unquote(h.lower()) for h in hrefs}
    read = fold_kazakh if lang == "kk" else normalise
    labels = {
        read(label).lower()
        for label, href in hit.unit.anchors
        if label and unquote(urljoin(hit.unit.url, href).lower()) in offered
    }
    labels.discard("")
    # the place's sentences (of its paragraphs, list items and lines), its sub-headings among them, but the closed
    # links' own labels (a heading that is such a link says only what the reader cannot open)
    pieces = [
        p for b in blocks for p in ((b.heading,) if b is not hit.block and b.heading else ()) + (b.pieces or (b.text,))
    ]
    unlabelled = [_without(piece, labels) for piece in pieces]
    naming = [s.strip(" .:;") for p in unlabelled for s in SENTENCE_SPLIT.split(p) if matches(keywords, s)]
    if not naming:
        # a heading that is the label of a closed link, over nothing that names the indicator
        heading = hit.block.heading.lower()
        return hit.block.heading if hit.rank == 0 and heading and heading in labels else None
    if not all(pointer_sentence(s, lang) for s in naming):
        return None
    # quoted as the page writes it: the paragraph that holds the sentence
    return next((squash(p) for p, _ in paragraphs(hit.unit) if naming[0] in read(p).lower()), naming[0])


# the words a label's line may say about the links it offers besides their labels («(папка в облаке)», «(PDF)»)
CLOSED_LABEL_WORDS = 6
# the words of a label at the head of its line at most (a document's title with its dates; not a paragraph)
CLOSED_LABEL_HEAD_WORDS = 30


def closed_label(
    hit: Hit, keywords: Sequence[re.Pattern[str]], closed: Collection[str], own_hosts: Collection[str], lang: str
) -> str | None:
    """A label naming the indicator at the head of its line («Годовой план государственных закупок на 2026 год (с
    изменениями от 2 ноября 2026 года):», «… жылдық жоспары:») where the rest of the line is only links the reader
    cannot open (``closed``: lower-case unquoted addresses, the dead, the walled and the viewers of missing files; on
    the site's ``own_hosts``) and a few words about them («(папка в облаке)»): the label's words and dates name a
    document, the line does not give it.
    Read for the label's place, and for a place's text where every line naming the indicator (``keywords``) is such a
    label. The first such line, as the page's blocks write it; None otherwise (a live link, a figure or a sentence)."""
    if hit.announced or hit.block is None or hit.rank > 2:
        return None
    read = fold_kazakh if lang == "kk" else normalise
    pieces = hit.block.pieces or (hit.block.text,)
    if hit.rank == 0:  # a heading naming it: each line under it, the page's stamp and a «Наверх» aside
        stamp = PAGE_STAMP["kk" if lang == "kk" else "ru"]
        naming = [p for p in pieces if not stamp.search(read(p).lower()) and not _back_to_top(p)]
        keywords = ()  # the heading names the indicator: a line's label need not
    elif hit.rank == 1:
        naming = [p for p in pieces if hit.label and hit.label.lower() in p.lower()][:1]
    else:
        naming = [p for p in pieces if matches(keywords, read(p).lower())]
    if not naming or not all(_closed_line(hit, line, keywords, closed, own_hosts, read) for line in naming):
        return None
    # quoted as the page writes it: the paragraph that holds the line
    line = _letters(naming[0])
    return next((squash(p) for p, _ in paragraphs(hit.unit) if line in _letters(read(p))), naming[0])


def _back_to_top(line: str) -> bool:
    """Whether the line is only a link back to the top of the page («▲ Наверх», «Жоғары ↑»)."""
    return not BACK_TO_TOP.sub(" ", line.lower()).strip(" .")


def _letters(text: str) -> str:
    """The text's letters and digits alone, in lower case (a line of the blocks beside the page's paragraph)."""
    return re.sub(r"\W+", "", text.lower())


def _closed_line(
    hit: Hit,
    line: str,
    keywords: Sequence[re.Pattern[str]],
    closed: Collection[str],
    own_hosts: Collection[str],
    read: Callable[[str], str],
) -> bool:
    """Whether the line is a label naming the indicator, a colon, then only closed links and a few words."""
    head, colon, rest = line.lower().partition(":")
    if not colon or len(re.findall(r"\w+", head)) > CLOSED_LABEL_HEAD_WORDS:
        return False  # no label: running text before the colon
    if keywords and not matches(keywords, read(head)):
        return False
    offered = [
        (text, unquote(urljoin(hit.unit.url, href).lower()))
        for written, href in hit.unit.anchors
        if written and not href.startswith(("mailto:", "tel:", "#"))
        for text in {normalise(written).lower(), read(written).lower()} - {""}
        if re.search(rf"(?<!\w){re.escape(text)}(?!\w)", rest)
    ]
    # closed links of the site's own hosts only: another host's answer to the harvest (a portal's page) is not the
    # reader's, and a link to a portal may itself be the information (the head's blog on «Открытый диалог»)
    if not offered or any(address not in closed or bare_host(address) not in own_hosts for _, address in offered):
        return False
    left = _without(rest, [text for text, _ in offered])
    return not re.search(r"\d", left) and len(re.findall(r"\w+", left)) <= CLOSED_LABEL_WORDS


def _without(text: str, labels: Collection[str]) -> str:
    """The text with each of the labels taken out where it stands as words of its own (not inside a longer word)."""
    for label in sorted(labels, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(label)}(?!\w)", " ", text)
    return text
