"""Open NPA: 2025 CGO Table 4 rows 1–4 and MIO Table 5 rows 1–3, and the 2017 Appendix 12 NPA
parameters 3–6, from legalacts.egov.kz (per language).

* T4-1 consultative documents of regulatory policy are published (CGO).
* T4-2 / T5-1 every draft act has an explanatory note, and a comparative table when it amends an
  act (attachment names, ``ashyq/config/checks/legalacts.yaml``): share of drafts. Needs the cards.
* T4-3 / T5-2 forms correct: the required fields filled, the version history linked when the
  version is above 1, and the text in the language and keyboard layout of the version
  (ashyq/checks/keyboard_layout.py): share of drafts.
* A row whose subject did not exist in the period (no draft act and no consultative document) is
  not_applicable with ``measured.nothing_to_publish`` and the portal's list as evidence, every row
  alike; the edition's reading npa-nothing-posted decides what it earns (the scorer applies it).
* T4-4 / T5-3 comments answered ÷ received (card comments; without the cards, the list counters
  accepted + not accepted ÷ comments). Unanswered comments on a draft still in public discussion are
  not yet due (ashyq/config/checks/deadlines.yaml).
* A12-N-3 / N-4 / N-5 / N-6 (2017): the same findings as deficiencies (−0.1 each there); no drafts,
  or no comments, → not_applicable (interpretation a12-npa-nothing-planned: the maximum).

Without the document cards (robots.txt disallows /npa/view) what needs a card is not_assessed with
that reason; what the list cards show (counts, dates, titles) is still used.
"""

from __future__ import annotations

from collections.abc import Callable

from ashyq.base.artifacts import BodyArtifacts
from ashyq.base.evidence import Deficiency, EvidenceRef
from ashyq.base.wording import Said
from ashyq.checks.edition_index import reading
from ashyq.checks.keyboard_layout import describe, layout_issues
from ashyq.checks.legalacts.records import Draft, NpaPortal, npa_portal, vocabulary
from ashyq.checks.portals import (
    EVIDENCE_LIMIT,
    answered_result,
    deficiency_result,
    per_language,
    result,
    share_result,
)
from ashyq.checks.registry import register
from ashyq.checks.result import Result, not_assessed
from ashyq.config.check_settings import check_settings

NEEDS = ["records:legalacts"]
# what a row finds missing, by its English words → the part of its message's key (kk and ru name it in words)
WHAT = {
    "draft act": "draft_act",
    "draft act or consultative document": "draft_act_or_consultative",
    "draft or consultative document": "draft_or_consultative",
    "consultative document of regulatory policy": "consultative",
    "comment received": "comment",
}


def on_legalacts(
    artifacts: BodyArtifacts,
    item: str,
    evaluate: Callable[[NpaPortal], Result],
    *settled: Callable[[str, NpaPortal], Result | None],
) -> list[Result]:
    """One result per language (:func:`ashyq.checks.portals.per_language`) from legalacts.egov.kz."""
    return per_language(artifacts, item, npa_portal, evaluate, *settled)


def no_drafts(item: str, portal: NpaPortal) -> Result | None:
    """A row about draft acts when the body posted none in the period: nothing to publish."""
    return nothing_to_publish(item, portal, "draft act") if not portal.drafts else None


def _cite(draft: Draft, what: str) -> EvidenceRef:
    return draft.evidence_record().evidence("$", f"{draft.id} «{draft.title}»: {what}")


def _draft_deficiency(draft: Draft, message: Said, kind: str, cited: str) -> Deficiency:
    """A deficiency of one draft, citing its card (or its entry in the list) with ``cited``."""
    return Deficiency(
        message, kind, url=draft.evidence_record().source_url, record=draft.id, evidence=[_cite(draft, cited)]
    )


def _nothing(item: str, lang: str, what: str) -> Result:
    """2017 Appendix 12: nothing planned → not applicable (the edition awards the maximum)."""
    return result(
        item, lang, "not_applicable", reason=Said(f"no {what} on legalacts.egov.kz", f"reason.npa.none.{WHAT[what]}")
    )


def _not_posted(item: str, portal: NpaPortal, what: str) -> Result:
    url = portal.list_url or "https://legalacts.egov.kz/"
    cited = EvidenceRef(url=url, kind="portal_record", snippet=f"no {what}")
    message = Said(f"No {what} is published", f"deficiency.npa.not_published.{WHAT[what]}")
    deficiency = Deficiency(message, "missing_" + what.replace(" ", "_"), url=url, evidence=[cited])
    return result(item, portal.lang, "fail", {"count": 0}, [deficiency], [cited])


def nothing_to_publish(item: str, portal: NpaPortal, what: str) -> Result:
    """A row of Table 4 or 5 whose subject did not exist in the period (no draft act, so no form, no
    comment, no discussion to announce): every row says so alike, with the portal's list as evidence;
    what it earns is the reading npa-nothing-posted of the edition, applied by the scorer."""
    url = portal.list_url or "https://legalacts.egov.kz/"
    cited = EvidenceRef(url=url, kind="portal_record", snippet=f"no {what} of the body in the period")
    return result(
        item,
        portal.lang,
        "not_applicable",
        {"nothing_to_publish": True},
        evidence=[cited],
        reason=Said(
            f"no {what} on legalacts.egov.kz: nothing to publish", f"reason.npa.nothing_to_publish.{WHAT[what]}"
        ),
    )


# ------------------------------------------------------------------------------ findings
def supporting_documents(portal: NpaPortal) -> tuple[int, list[Deficiency], list[EvidenceRef]]:
    good, deficiencies, evidence = 0, [], []
    for draft in portal.drafts:
        lacking = [] if draft.has_attachment("explanatory_note") else ["explanatory note"]
        if draft.is_amendment() and not draft.has_attachment("comparative_table"):
            lacking.append("comparative table")
        if lacking:
            lacks = "_".join(word.split()[0] for word in lacking)  # explanatory, comparative or both
            deficiencies.append(
                _draft_deficiency(
                    draft,
                    Said(
                        f"Draft {draft.id} «{draft.title}» has no {' and no '.join(lacking)}",
                        f"deficiency.npa.missing_attachment.{lacks}",
                        draft=draft.id,
                        title=draft.title,
                    ),
                    "missing_attachment",
                    ", ".join(lacking) + " missing",
                )
            )
        else:
            good += 1
            names = ", ".join(str(a.payload.get("name")) for a in draft.attachments)
            evidence.append(_cite(draft, names))
    return good, deficiencies, evidence[:EVIDENCE_LIMIT]


def form_problems(draft: Draft, lang: str, with_card: bool) -> list[str]:
    required = vocabulary()["required_fields"]["card" if with_card else "list"]
    problems = [f"no {key.replace('_', ' ')}" for key in required if not str(draft.fields.get(key) or "").strip()]
    if with_card:
        number = draft.version_number()
        if number is not None and number > 1 and not draft.card.payload.get("previous_version_url"):  # type: ignore[union-attr]
            problems.append(f"version {number} without a link to the earlier versions")
    texts = [str(draft.fields.get(k) or "") for k in ("title", "summary")]
    issues = [issue for text in texts for issue in layout_issues(text, lang)]
    if issues:
        problems.append(f"text typed in a wrong layout: {describe(issues)}")
    return problems


def form_findings(portal: NpaPortal) -> tuple[int, list[Deficiency], list[EvidenceRef], bool]:
    with_card = portal.cards_complete()
    good, deficiencies, evidence = 0, [], []
    for draft in portal.drafts:
        problems = form_problems(draft, portal.lang, with_card)
        if problems:
            deficiencies.append(
                _draft_deficiency(
                    draft,
                    Said(
                        f"Draft {draft.id} form in {portal.lang}: {'; '.join(problems)}",
                        f"deficiency.npa.incorrect_form.{portal.lang}",
                        draft=draft.id,
                        problems="; ".join(problems),
                    ),
                    "incorrect_form",
                    "; ".join(problems),
                )
            )
        else:
            good += 1
            evidence.append(_cite(draft, "form complete"))
    return good, deficiencies, evidence[:EVIDENCE_LIMIT], with_card


def comment_findings(
    portal: NpaPortal, artifacts: BodyArtifacts
) -> tuple[int, int, list[Deficiency], list[EvidenceRef], str]:
    """(answered, received, deficiencies, evidence, source): card comments, else list counters."""
    skip_open = bool(check_settings("deadlines", artifacts.config)["npa"].get("exclude_open_discussions", True))
    answered = received = 0
    deficiencies: list[Deficiency] = []
    evidence: list[EvidenceRef] = []
    from_cards = portal.cards_complete(with_regulatory=True)
    for draft in portal.all_documents:
        open_now = skip_open and draft.in_discussion(artifacts.as_of)
        if from_cards:
            for comment in draft.comments:
                done = bool(comment.payload.get("answered"))
                if not done and open_now:
                    continue  # still in public discussion: the answer is not yet due
                received += 1
                answered += done
                cited = comment.evidence("$.answer", str(comment.payload.get("text") or "")[:200])
                if done:
                    evidence.append(cited)
                else:
                    deficiencies.append(
                        Deficiency(
                            Said(
                                f"Comment {comment.external_id} on draft {draft.id} has no answer",
                                "deficiency.npa.unanswered_comment",
                                comment=str(comment.external_id),
                                draft=draft.id,
                            ),
                            "unanswered_comment",
                            url=comment.source_url,
                            record=comment.external_id,
                            evidence=[cited],
                        )
                    )
            continue
        counters = draft.listed.payload
        total = int(counters.get("comments") or 0)
        decided = int(counters.get("accepted") or 0) + int(counters.get("rejected") or 0)
        pending = max(0, total - decided)
        if open_now:
            total -= pending
            pending = 0
        received += total
        answered += min(decided, total)
        cited = draft.listed.evidence("$.comments", f"{draft.id}: {total} comments, {decided} accepted/not accepted")
        if pending:
            deficiencies.append(
                Deficiency(
                    Said(
                        f"Draft {draft.id}: {pending} of {total} comments without a decision",
                        "deficiency.npa.undecided_comments",
                        draft=draft.id,
                        pending=pending,
                        total=total,
                    ),
                    "unanswered_comment",
                    count=pending,
                    url=draft.listed.source_url,
                    record=draft.id,
                    evidence=[cited],
                )
            )
        elif total:
            evidence.append(cited)
    if not evidence and not deficiencies:
        evidence = [_cite(d, "no comments") for d in portal.all_documents[:EVIDENCE_LIMIT]]
    return answered, received, deficiencies, evidence[:EVIDENCE_LIMIT], "cards" if from_cards else "list counters"


# ------------------------------------------------------------------------------ 2025 items
@register("npa.regulatory_policy", "1", ["T4-1"], needs=NEEDS)
def regulatory_policy(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 4 row 1: drafts of consultative documents of regulatory policy."""

    def evaluate(portal: NpaPortal) -> Result:
        found = portal.regulatory
        if found:
            return result(
                item,
                portal.lang,
                "pass",
                {"count": len(found)},
                evidence=[_cite(d, "consultative document") for d in found[:EVIDENCE_LIMIT]],
            )
        if not portal.all_documents:  # no draft activity at all: nothing to publish, like every row
            return nothing_to_publish(item, portal, "draft act or consultative document")
        # drafts were published, but no consultative document of the policy behind them
        return _not_posted(item, portal, "consultative document of regulatory policy")

    return on_legalacts(artifacts, item, evaluate)


@register("npa.supporting_documents", "1", {"cgo": "T4-2", "mio": "T5-1"}, needs=NEEDS)
def supporting(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 4 row 2 (CGO) / Table 5 row 1 (MIO): draft NPAs with explanatory notes and comparative tables."""

    def evaluate(portal: NpaPortal) -> Result:
        if not portal.cards_complete():
            return not_assessed(item, portal.lang, portal.card_reason())
        good, deficiencies, evidence = supporting_documents(portal)
        return share_result(item, portal.lang, good, len(portal.drafts), deficiencies, evidence)

    return on_legalacts(artifacts, item, evaluate, no_drafts)


@register("npa.forms", "1", {"cgo": "T4-3", "mio": "T5-2"}, needs=NEEDS)
def forms(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 4 row 3 (CGO) / Table 5 row 2 (MIO): correctness of forms."""

    def evaluate(portal: NpaPortal) -> Result:
        good, deficiencies, evidence, with_card = form_findings(portal)
        if not with_card and not deficiencies:
            return not_assessed(item, portal.lang, portal.card_reason(unchecked=True))
        return share_result(
            item, portal.lang, good, len(portal.drafts), deficiencies, evidence, cards_fetched=with_card
        )

    return on_legalacts(artifacts, item, evaluate, no_drafts)


@register("npa.comments", "1", {"cgo": "T4-4", "mio": "T5-3"}, needs=NEEDS)
def comments(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Table 4 row 4 (CGO) / Table 5 row 3 (MIO): monitoring and handling of users' comments on draft NPAs and on
    regulatory impact analysis."""

    def evaluate(portal: NpaPortal) -> Result:
        if not portal.all_documents:
            return nothing_to_publish(item, portal, "draft or consultative document")
        answered, received, deficiencies, evidence, source = comment_findings(portal, artifacts)
        return answered_result(item, portal.lang, answered, received, deficiencies, evidence, source=source)

    return on_legalacts(artifacts, item, evaluate)


# ------------------------------------------------------------------------------ 2017 items
def _nothing_planned(
    item: str, portal: NpaPortal, artifacts: BodyArtifacts, what: str, comments: bool = False
) -> Result:
    """Point 81 para 3: no drafts planned and/or no comments received → the parameter's maximum.
    Interpretation a12-npa-nothing-planned: ``per-parameter`` (default) — the drafts parameters when
    there are no drafts, the monitoring one when there are no comments; ``jointly`` — only when
    there are neither, and then for every parameter; otherwise the parameter is judged as usual (the
    ``comments`` parameter, with drafts but no comment, has nothing left unanswered)."""
    if reading(artifacts.config, "a12-npa-nothing-planned") == "jointly":
        received = comment_findings(portal, artifacts)[1]
        if portal.drafts or received:
            if comments:  # drafts but no comment: nothing left unanswered
                cited = EvidenceRef(url=portal.list_url or "https://legalacts.egov.kz/", kind="portal_record")
                return result(item, portal.lang, "pass", {"numerator": 0, "denominator": 0}, evidence=[cited])
            return _not_posted(item, portal, what)
    return _nothing(item, portal.lang, what)


@register("npa.a12_forms", "1", ["A12-N-3"], needs=NEEDS)
def a12_forms(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 12, open NPA parameter 3: correctness of the forms (accuracy, reliability, completeness, timing)."""

    def evaluate(portal: NpaPortal) -> Result:
        if not portal.drafts:
            return _nothing_planned(item, portal, artifacts, "draft act")
        good, deficiencies, evidence, with_card = form_findings(portal)
        if not with_card and not deficiencies:
            return not_assessed(item, portal.lang, portal.card_reason())
        return deficiency_result(
            item, portal.lang, deficiencies, evidence, numerator=good, denominator=len(portal.drafts)
        )

    return on_legalacts(artifacts, item, evaluate)


@register("npa.a12_comments", "1", ["A12-N-4"], needs=NEEDS)
def a12_comments(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 12, open NPA parameter 4: monitoring and consideration of users' proposals and comments."""

    def evaluate(portal: NpaPortal) -> Result:
        answered, received, deficiencies, evidence, source = comment_findings(portal, artifacts)
        if received == 0:
            return _nothing_planned(item, portal, artifacts, "comment received", comments=True)
        return deficiency_result(
            item, portal.lang, deficiencies, evidence, numerator=answered, denominator=received, source=source
        )

    return on_legalacts(artifacts, item, evaluate)


@register("npa.a12_supporting_documents", "1", ["A12-N-5"], needs=NEEDS)
def a12_supporting(artifacts: BodyArtifacts, item: str) -> list[Result]:
    """Appendix 12, open NPA parameter 5: supporting documents of the posted concepts of draft laws and draft
    normative legal acts."""

    def evaluate(portal: NpaPortal) -> Result:
        if not portal.drafts:
            return _nothing_planned(item, portal, artifacts, "draft act")
        if not portal.cards_complete():
            return not_assessed(item, portal.lang, portal.card_reason())
        good, deficiencies, evidence = supporting_documents(portal)
        return deficiency_result(
            item, portal.lang, deficiencies, evidence, numerator=good, denominator=len(portal.drafts)
        )

    return on_legalacts(artifacts, item, evaluate)


@register("npa.a12_announcements", "1", ["A12-N-6"], needs=NEEDS)
def a12_announcements(artifacts: BodyArtifacts, item: str) -> list[Result]:
    # Interpretation a12-mio-npa-fourth: announcements (Appendix 12, default) or supporting documents
    # (Appendix 13 form). INTERPRETATION: on legalacts.egov.kz a draft is announced for public discussion with its term
    # («Публичное обсуждение до»); a draft posted without that term was not announced.
    """Appendix 12, open NPA parameter 6: announcements of the start of public discussion of draft normative legal
    acts."""

    def evaluate(portal: NpaPortal) -> Result:
        if not portal.drafts:
            return _nothing_planned(item, portal, artifacts, "draft act")
        if reading(artifacts.config, "a12-mio-npa-fourth") == "supporting-documents":
            # the Appendix 13 report form's wording of the MIO's fourth parameter
            if not portal.cards_complete():
                return not_assessed(item, portal.lang, portal.card_reason())
            good, missing, cited = supporting_documents(portal)
            return deficiency_result(item, portal.lang, missing, cited, numerator=good, denominator=len(portal.drafts))
        deficiencies: list[Deficiency] = []
        evidence: list[EvidenceRef] = []
        for draft in portal.drafts:
            if draft.discussion_until() is None:
                deficiencies.append(
                    _draft_deficiency(
                        draft,
                        Said(
                            f"Draft {draft.id} «{draft.title}» shows no public-discussion term",
                            "deficiency.npa.no_discussion_term",
                            draft=draft.id,
                            title=draft.title,
                        ),
                        "no_discussion_term",
                        "no discussion term",
                    )
                )
            elif len(evidence) < EVIDENCE_LIMIT:
                evidence.append(_cite(draft, f"public discussion until {draft.discussion_until()}"))
        return deficiency_result(item, portal.lang, deficiencies, evidence)

    return on_legalacts(artifacts, item, evaluate)
