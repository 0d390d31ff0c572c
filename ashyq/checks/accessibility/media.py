"""Appendix 14 row 3.1, its *media* content (WCAG 1.2.1–1.2.3), from what the browser measured
beside axe-core (:data:`ashyq.gather.probes.MEDIA`): each player a reader can start, its text
tracks, and the words, links and other players in its part of the page.

axe-core leaves every player to a person ("incomplete"). Two answers are measurable: a player with
**nothing** beside it — no captions or subtitles track, no word, no link, no other player — has no
alternative of any kind, a defect (WCAG 1.2.1 for sound or picture alone, 1.2.2 for a video with
sound; the one alternative the page cannot show is captions burned into the picture, so the verdict
asks the assessor); a player with **something** beside it passes only as far as the page goes,
uncertain: whether that is a correct transcript, captions or description is for a person.
"""

from __future__ import annotations

from typing import Any

from ashyq.base.artifacts import Measurement
from ashyq.base.evidence import Deficiency
from ashyq.base.wording import Said
from ashyq.checks.accessibility.wcag import Outcome, pages_listed
from ashyq.checks.result import Result

# text tracks a browser presents (a "descriptions" track is not presented by browsers: no alternative)
SHOWN_TRACKS = frozenset({"captions", "subtitles"})


def _offers_something(media: dict[str, Any]) -> bool:
    """Something beside the player that may be its alternative: words, a link, another player."""
    return bool(media.get("words") or media.get("links") or media.get("players"))


def bare_media(taken: list[Measurement], outcome: Outcome) -> list[Deficiency]:
    """Players (``video``/``audio`` shown with controls, or playing by itself) with **no mechanism for
    an alternative at all**: no captions or subtitles track, and in their part of the page no word, no
    link, no other player (WCAG 1.2.1 for sound alone or picture alone, 1.2.2 captions for a video
    with sound: whichever it is, nothing is there). The defect is added to ``outcome`` and returned:
    captions burned into the picture are the one alternative no measurement of the page sees."""
    bare: list[tuple[Measurement, dict[str, Any]]] = []
    for m in taken:
        for media in m.data.get("media") or []:
            captioned = media.get("kind") == "video" and SHOWN_TRACKS & set(media.get("tracks") or [])
            if not captioned and not _offers_something(media):
                bare.append((m, media))
    if not bare:
        return []
    listed, urls = pages_listed([m.url for m, _ in bare])
    selectors = ", ".join(dict.fromkeys(str(h.get("selector")) for _, h in bare[:5]))
    found = Deficiency(
        Said(
            "audio or video with no alternative at all (no captions track, no transcript, no words, link or "
            f"other player beside it; WCAG 1.2.1, 1.2.2, Appendix 14 row 3.1): {selectors} on {listed} page(s): "
            f"{urls}",
            "deficiency.a14.media_without_alternative",
            selectors=selectors,
            pages=listed,
            urls=urls,
        ),
        kind="missing_alt",
        url=bare[0][0].url,
        selector=bare[0][1].get("selector"),
        evidence=[m.evidence(h.get("selector"), str(h.get("src"))[:200]) for m, h in bare[:3]],
        pages=list(dict.fromkeys(m.url for m, _ in bare)),
        criteria=("1.2.1", "1.2.2"),
    )
    outcome.deficiencies.append(found)
    return [found]


def media_doubt(result: Result, taken: list[Measurement]) -> Result:
    """A passing 3.1 with a player that has something beside it (a track, words, a link, another
    player): whether that is its transcript, captions or description — and a correct one — is for a
    person (WCAG 1.2.1–1.2.3)."""
    if result.status != "pass" or result.certainty == "uncertain":
        return result
    players = [(m, p) for m in taken for p in m.data.get("media") or []]
    if not players:
        return result
    m, first = players[0]
    return result.uncertain(
        "other_reading",
        look_at=m.evidence(first.get("selector"), str(first.get("src") or "")[:200]),
        detail=f"{len(players)} audio or video player(s), first {first.get('selector')} on {m.url}: "
        f"tracks {', '.join(first.get('tracks') or []) or 'none'}, {first.get('words', 0)} word(s), "
        f"{first.get('links', 0)} link(s) and {first.get('players', 0)} other player(s) beside it; whether "
        "one of them is a correct transcript, captions or description needs a person",
    )
