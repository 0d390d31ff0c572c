"""The public feedback indicator F (seed 004, order No. 17-НҚ, points 20-23), as two items of the
edition ``kz-feedback-2024``: F-1 = B ÷ C (accepted ÷ received remarks and proposals) and F-2 =
E ÷ G (answered ÷ received comments), each worth half of 100 %; a ratio with nothing received is 1.

Counted from legalacts.egov.kz comments on the body's drafts (``comment`` records; the list cards'
``comments``/``accepted`` counters when a card could not be fetched) and budget.egov.kz comments on
its programmes. People's texts and the body's decisions are the same in both interface languages,
so each entry is counted once (by portal and id) and F is one figure per body (``lang`` None).

The zeroing rule of point 23 (no announcement of drafts or budget programmes, or project results
not public) makes both items ``fail`` with the reason; a condition that could not be verified is
reported in ``measured`` and F is computed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from parsel import Selector

from ashyq.base.artifacts import BodyArtifacts, PortalRecord
from ashyq.base.evidence import Deficiency, EvidenceRef
from ashyq.base.text import normalise
from ashyq.base.vocabulary import Status
from ashyq.base.wording import Said
from ashyq.base.working_days import parse_portal_day
from ashyq.checks.edition_index import reading
from ashyq.checks.inputs import PORTAL_HOSTS, failures_on
from ashyq.checks.registry import register
from ashyq.checks.result import Result, not_assessed
from ashyq.config.check_settings import check_settings


@dataclass
class Tally:
    """What one portal contributes: entries counted, with the evidence behind them."""

    proposals: int = 0
    accepted: int = 0
    comments: int = 0
    answered: int = 0
    evidence: list[EvidenceRef] = field(default_factory=list)
    unanswered: list[PortalRecord] = field(default_factory=list)
    comments_unknown: int = 0  # comments counted from list counters, whose answers were not seen

    def add(self, comment: PortalRecord, proposal: bool, accepted: bool, shown: str) -> None:
        """One comment read: a remark or proposal too when ``proposal``; answered or not; cited while
        the evidence is short."""
        if proposal:
            self.proposals += 1
            self.accepted += accepted
        self.comments += 1
        if comment.payload.get("answered"):
            self.answered += 1
        else:
            self.unanswered.append(comment)
        if len(self.evidence) < 5:
            self.evidence.append(comment.evidence("$.status", f"{shown}; answered: {comment.payload.get('answered')}"))


def _once(records: list[PortalRecord]) -> list[PortalRecord]:
    """One record per entry: the same comment is listed under both interface languages."""
    seen: dict[str, PortalRecord] = {}
    for r in records:
        seen.setdefault(r.external_id or f"{r.source_url}#{len(seen)}", r)
    return list(seen.values())


def _portal_failures(artifacts: BodyArtifacts, host: str) -> list[str]:
    return [f"{f.url} ({f.reason})" for f in failures_on(artifacts, host)]


def _unmeasured(artifacts: BodyArtifacts, portal: str, host: str) -> Said | None:
    for r in artifacts.records_of(portal, "coverage"):
        if r.payload.get("measurable") is False:
            content, why = str(r.payload.get("content")), r.payload.get("reason")
            if why:
                return Said(
                    f"{host}: {content}: {why}",
                    "reason.feedback.not_measurable_because",
                    host=host,
                    content=content,
                    why=str(why),
                )
            return Said(
                f"{host}: {content}: not measurable", "reason.feedback.not_measurable", host=host, content=content
            )
    if not artifacts.records_of(portal):
        return Said(f"no {host} record was harvested", "reason.feedback.none_harvested", host=host)
    return None


def _outside_period(artifacts: BodyArtifacts) -> set[str]:
    """Draft acts posted outside the run's reporting period: their comments are another period's."""
    period = artifacts.reporting_period()
    out = set()
    for d in artifacts.records_of("legalacts", "draft"):
        created = parse_portal_day(d.payload.get("created"))
        if created is not None and not period.within(created, artifacts.as_of):
            out.add(str(d.external_id))
    return out


def _legalacts(artifacts: BodyArtifacts, cfg: dict[str, Any]) -> Tally:
    tally = Tally()
    elsewhere = _outside_period(artifacts)
    comments = [
        c for c in _once(artifacts.records_of("legalacts", "comment")) if str(c.payload.get("draft")) not in elsewhere
    ]
    by_draft: dict[str, list[PortalRecord]] = {}
    for c in comments:
        by_draft.setdefault(str(c.payload.get("draft")), []).append(c)
    need_decision = bool(cfg.get("proposals_need_decision"))
    for c in comments:
        status = c.payload.get("status")
        proposal = not need_decision or status in ("accepted", "rejected")
        tally.add(c, proposal, status == "accepted", f"{status or 'no decision'}")
    # drafts whose card (and so their comments) was not fetched: the list card's counters still
    # give received and accepted; the answers stay unknown
    for d in _once(artifacts.records_of("legalacts", "draft")):
        if str(d.external_id) in elsewhere:
            continue
        listed = int(d.payload.get("comments") or 0)
        if listed and str(d.external_id) not in by_draft:
            tally.proposals += (
                listed
                if not need_decision
                else int(d.payload.get("accepted") or 0) + int(d.payload.get("rejected") or 0)
            )
            tally.accepted += int(d.payload.get("accepted") or 0)
            tally.comments_unknown += listed
            tally.evidence.append(d.evidence("$.comments", f"{listed} comments, {d.payload.get('accepted')} accepted"))
    return tally


def _budget(artifacts: BodyArtifacts, cfg: dict[str, Any]) -> Tally:
    tally = Tally()
    accepted_words = [w.lower() for w in cfg["budget_status"]["accepted"]]
    rejected_words = [w.lower() for w in cfg["budget_status"]["rejected"]]
    need_decision = bool(cfg.get("proposals_need_decision"))
    for c in _once(artifacts.records_of("budget", "comment")):
        status = str(c.payload.get("status") or "").strip().lower()
        accepted = status in accepted_words
        decided = accepted or status in rejected_words
        tally.add(c, not need_decision or decided, accepted, status or "no status")
    return tally


# ---------------------------------------------------------------------------------------- zeroing
def _phrase_in(text: str, phrases: list[str]) -> bool:
    low = normalise(text)
    return any(re.search(rf"(?<!\w){re.escape(normalise(p))}", low) for p in phrases)


def _page_hits(artifacts: BodyArtifacts, phrases: dict[str, list[str]]) -> list[EvidenceRef]:
    hits = []
    for page in artifacts.pages:
        words = phrases.get(page.lang or "ru", []) or [p for v in phrases.values() for p in v]
        sel = Selector(text=page.html or "<html/>")
        for tag in ("title", "h1", "h2", "h3"):
            for text in (" ".join(n.css("::text").getall()) for n in sel.css(tag)):
                if _phrase_in(text, words):
                    hits.append(page.evidence(tag, text))
                    break
    return hits[:3]


def _declared(artifacts: BodyArtifacts, key: str) -> list[str] | None:
    section = artifacts.declared.get("feedback")
    value = section.get(key) if isinstance(section, dict) else None
    return [str(v) for v in value] if isinstance(value, list) else None


def _declared_ref(artifacts: BodyArtifacts, key: str, links: list[str]) -> EvidenceRef:
    source = str(artifacts.declared.get("source") or f"declared:{artifacts.body_id}")
    return EvidenceRef(
        url=source, kind="declared_document", json_path=f"$.feedback.{key}", snippet=", ".join(links) or "(none)"
    )


@dataclass
class Condition:
    name: str
    state: str  # met | not_met | unverified | not_required
    evidence: list[EvidenceRef]
    detail: str = ""


def _declared_condition(artifacts: BodyArtifacts, name: str) -> Condition | None:
    """The condition as the body reports it (its links, or none: not met), or None when it does not."""
    declared = _declared(artifacts, name)
    if declared is None:
        return None
    state = "met" if declared else "not_met"
    return Condition(name, state, [_declared_ref(artifacts, name, declared)], "reported by the body")


def _on_pages(artifacts: BodyArtifacts, name: str, phrases: dict[str, list[str]], unseen: str) -> Condition:
    """The condition met where a heading of a harvested page names it; unverified (``unseen``) where none does."""
    hits = _page_hits(artifacts, phrases)
    return Condition(name, "met" if hits else "unverified", hits, "" if hits else unseen)


def _npa_announced(artifacts: BodyArtifacts, cfg: dict[str, Any]) -> Condition:
    if not artifacts.records_of("legalacts", "draft") and not artifacts.records_of("legalacts", "draft_card"):
        return Condition("npa_announcements", "not_required", [], "no draft NPA on legalacts.egov.kz")
    return _declared_condition(artifacts, "npa_announcements") or _on_pages(
        artifacts,
        "npa_announcements",
        cfg["announcement_phrases"],
        "no announcement reported or found on the website pages harvested",
    )


def _budget_announced(artifacts: BodyArtifacts, cfg: dict[str, Any]) -> Condition:
    programmes = artifacts.records_of("budget", "programme")
    restricted = any(p.payload.get("restricted_notice") for p in programmes) or any(
        r.payload.get("reason") for r in artifacts.records_of("budget", "coverage") if r.payload.get("measurable")
    )
    if not programmes or restricted:
        why = "budget information is restricted" if restricted else "no budget programme on budget.egov.kz"
        return Condition("budget_announcements", "not_required", [], why)
    reported = _declared_condition(artifacts, "budget_announcements")
    if reported is not None:
        return reported
    phrases = cfg["announcement_phrases"]
    found = [
        m
        for m in artifacts.records_of("budget", "material")
        if _phrase_in(
            f"{m.payload.get('type') or ''} {m.payload.get('title') or ''}",
            phrases.get(m.lang or "ru", []) or [p for v in phrases.values() for p in v],
        )
    ]
    if found:
        return Condition(
            "budget_announcements", "met", [m.evidence("$.type", str(m.payload.get("title"))) for m in found[:3]]
        )
    hits = _page_hits(artifacts, phrases)
    if hits:
        return Condition("budget_announcements", "met", hits)
    search = artifacts.records_of("budget", "coverage") or programmes
    return Condition(
        "budget_announcements",
        "not_met",
        [r.evidence("$", "no announcement material") for r in search[:1]],
        "no announcement of the public discussion among the body's budget.egov.kz materials",
    )


def _results_public(artifacts: BodyArtifacts, cfg: dict[str, Any]) -> Condition:
    return _declared_condition(artifacts, "project_results") or _on_pages(
        artifacts,
        "project_results",
        cfg["project_results_phrases"],
        "no quarterly or annual project results reported or found on the pages harvested",
    )


# ---------------------------------------------------------------------------------------- F
@register(
    "feedback.indicator",
    "1",
    {"proposals": "F-1", "comments": "F-2"},
    uses=["records:legalacts", "records:budget", "pages", "declared"],
    pages_rule="somewhere",
)
def feedback_indicator(artifacts: BodyArtifacts, items: Mapping[str, str]) -> list[Result]:
    """Feedback indicator F (kz-feedback-2024, order No. 17-НҚ p. 23): F-1 remarks and proposals
    accepted ÷ received (B ÷ C), F-2 comments answered ÷ received (E ÷ G); zeroed when a condition
    of publicity is not met."""
    cfg = dict(check_settings("feedback", artifacts.config))
    if reading(artifacts.config, "feedback-sources") == "by-decision":
        # a remark or proposal is an entry with an accepted / not accepted decision, on either portal
        cfg.update(proposals_need_decision=True, proposals_from=["legalacts", "budget"])
    hosts = {portal: PORTAL_HOSTS[portal] for portal in ("legalacts", "budget")}
    sources = set(cfg["proposals_from"]) | set(cfg["comments_from"])
    problems = {p: _unmeasured(artifacts, p, hosts[p]) for p in sources}
    failures = {p: _portal_failures(artifacts, hosts[p]) for p in sources}
    tallies = {"legalacts": _legalacts(artifacts, cfg), "budget": _budget(artifacts, cfg)}
    conditions = [_npa_announced(artifacts, cfg), _budget_announced(artifacts, cfg), _results_public(artifacts, cfg)]

    def blocked(portals: list[str], answers: bool) -> Said | None:
        for p in portals:
            if problems[p]:
                return problems[p]
            if answers and tallies[p].comments_unknown:
                return Said(
                    f"{hosts[p]}: answers unknown for {tallies[p].comments_unknown} comments ({failures[p][:1]})",
                    "reason.feedback.answers_unknown",
                    host=hosts[p],
                    comments=tallies[p].comments_unknown,
                    failures=str(failures[p][:1]),
                )
            if not answers and failures[p] and p != "legalacts":
                return _not_fully_fetched(hosts[p], failures[p])
        if answers:
            for p in portals:
                if failures[p]:
                    return _not_fully_fetched(hosts[p], failures[p])
        return None

    results = []
    parts = ((items["proposals"], cfg["proposals_from"], False), (items["comments"], cfg["comments_from"], True))
    for item, portals, answers in parts:
        reason = blocked(list(portals), answers)
        if reason:
            results.append(not_assessed(item, None, reason))
            continue
        results.append(_ratio(artifacts, item, list(portals), answers, tallies, conditions))
    return results


def _not_fully_fetched(host: str, failures: list[str]) -> Said:
    joined = ", ".join(failures[:2])
    return Said(
        f"{host} could not be fully fetched: {joined}", "reason.feedback.not_fully_fetched", host=host, failures=joined
    )


# a condition's detail when it is not met → the catalogue's word for it
NOT_MET_DETAILS = {
    "reported by the body": "declared",
    "no announcement of the public discussion among the body's budget.egov.kz materials": "no_material",
}


def _zeroed(condition: Condition) -> Said:
    """The deficiency that zeroes F: the condition not met, and how that is known."""
    english = f"F is zeroed (order No. 17-НҚ p. 23): {condition.name} not met. {condition.detail}".strip()
    detail = NOT_MET_DETAILS.get(condition.detail)
    if detail is None:  # a condition worded otherwise: its name and detail as they are
        return Said(english, "deficiency.feedback.zeroed", condition=condition.name, detail=condition.detail)
    return Said(english, f"deficiency.feedback.zeroed.{condition.name}.{detail}")


def _ratio(
    artifacts: BodyArtifacts,
    item: str,
    portals: list[str],
    answers: bool,
    tallies: dict[str, Tally],
    conditions: list[Condition],
) -> Result:
    """One part of F from the portals' tallies: answers ÷ comments, or accepted ÷ proposals."""
    zeroed = [c for c in conditions if c.state == "not_met"]
    num = sum(tallies[p].answered if answers else tallies[p].accepted for p in portals)
    den = sum(tallies[p].comments if answers else tallies[p].proposals for p in portals)
    evidence = [e for p in portals for e in tallies[p].evidence][:8]
    evidence += [
        r.evidence("$.content", str(r.payload.get("content")))
        for p in portals
        for r in artifacts.records_of(p, "coverage")
    ][: max(0, 2 - len(evidence))]
    symbols = ("E", "G") if answers else ("B", "C")
    measured: dict[str, Any] = {
        "numerator": num,
        "denominator": den,
        symbols[0]: num,
        symbols[1]: den,
        "ratio": round(num / den, 4) if den else 1.0,
        "conditions": {c.name: c.state for c in conditions},
    }
    if zeroed:
        deficiencies = [
            Deficiency(
                _zeroed(c),
                kind="zeroed",
                evidence=c.evidence,
            )
            for c in zeroed
        ]
        return Result(item, None, "fail", measured, deficiencies, evidence + zeroed[0].evidence)
    if not evidence:
        return not_assessed(item, None, Said("no record to show as evidence", "reason.no_record_evidence"))
    deficiencies = []
    if answers:
        deficiencies = [
            Deficiency(
                Said("Comment without an answer", "deficiency.feedback.unanswered"),
                kind="unanswered",
                url=r.source_url,
                record=r.external_id,
                evidence=[r.evidence("$.answered", "false")],
            )
            for p in portals
            for r in tallies[p].unanswered
        ]
    elif num < den:
        deficiencies = [
            Deficiency(
                Said(
                    f"{den - num} of {den} remarks and proposals were not accepted",
                    "deficiency.feedback.not_accepted",
                    rejected=den - num,
                    proposals=den,
                ),
                kind="not_accepted",
                count=den - num,
                evidence=evidence[:1],
            )
        ]
    status: Status = "pass" if num >= den else "partial"
    return Result(item, None, status, measured, deficiencies, evidence)
