"""legalacts.egov.kz records as the open-NPA checks read them, one language at a time.

Adapters over the harvest's record kinds (``ashyq/crawler/parsers/legalacts.py``): ``draft`` (a list
card: title, status, type, dates, and the counters of comments, accepted and not accepted),
``regulatory_policy_document`` (a list card of the consultative documents, types 7001/7002),
``draft_card`` (the document card ``/npa/view``: header fields, summary, version), ``attachment``,
``comment`` (with ``answered``) and ``version``. robots.txt disallows ``/npa/view``: without an
assessor's override only the list cards are there, and the checks say what that leaves open.

Only documents posted in the run's reporting period (their "created" date, up to the audit date) are
judged, with their comments; a document without a readable date is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ashyq.base.artifacts import BodyArtifacts, FetchFailure, PortalRecord
from ashyq.base.wording import Said
from ashyq.base.working_days import parse_portal_day
from ashyq.checks.inputs import PORTAL_HOSTS, failures_on
from ashyq.checks.portals import keywords_of, mentions, unmeasurable
from ashyq.config.check_settings import check_settings

LEGALACTS_HOST = PORTAL_HOSTS["legalacts"]
_NUMBER = re.compile(r"\d+")


def vocabulary() -> dict[str, Any]:
    return check_settings("legalacts")


@dataclass
class Draft:
    id: str
    listed: PortalRecord
    card: PortalRecord | None = None
    attachments: list[PortalRecord] = field(default_factory=list)
    comments: list[PortalRecord] = field(default_factory=list)
    versions: list[PortalRecord] = field(default_factory=list)
    regulatory: bool = False

    @property
    def fields(self) -> dict[str, Any]:
        """The card's fields when the card was fetched, else the list card's."""
        return (self.card or self.listed).payload

    @property
    def title(self) -> str:
        return str(self.fields.get("title") or self.listed.payload.get("title") or self.id)

    def discussion_until(self) -> date | None:
        return parse_portal_day(self.fields.get("discussion_until"))

    def in_discussion(self, as_of: date) -> bool:
        until = self.discussion_until()
        return until is not None and until >= as_of

    def is_amendment(self) -> bool:
        return mentions(self.title, keywords_of(vocabulary()["amendment_title"]))

    def has_attachment(self, kind: str) -> bool:
        words = keywords_of(vocabulary()["attachments"][kind])
        return any(mentions(a.payload.get("name"), words) for a in self.attachments)

    def version_number(self) -> int | None:
        found = _NUMBER.search(str((self.card.payload if self.card else {}).get("version") or ""))
        return int(found.group(0)) if found else None

    def evidence_record(self) -> PortalRecord:
        return self.card or self.listed

    def created(self) -> date | None:
        return parse_portal_day(self.fields.get("created") or self.listed.payload.get("created"))


@dataclass
class NpaPortal:
    lang: str
    drafts: list[Draft] = field(default_factory=list)  # draft acts (not consultative documents)
    regulatory: list[Draft] = field(default_factory=list)  # consultative documents of regulatory policy
    problem: str | None = None
    card_failures: list[FetchFailure] = field(default_factory=list)
    list_url: str | None = None
    # documents posted outside the run's reporting period (not judged; their comments neither)
    outside_period: list[Draft] = field(default_factory=list)

    @property
    def all_documents(self) -> list[Draft]:
        return self.drafts + self.regulatory

    def cards_complete(self, with_regulatory: bool = False) -> bool:
        """Every draft act's card was fetched (and every consultative document's, when asked)."""
        return all(d.card is not None for d in (self.all_documents if with_regulatory else self.drafts))

    def card_reason(self, unchecked: bool = False) -> Said:
        """Why the document cards are missing; ``unchecked``: what the forms row then leaves unchecked."""
        tail, key = (": versions and summaries unchecked", ".unchecked") if unchecked else ("", "")
        failure = self.card_failures[0] if self.card_failures else None
        if failure is None:
            return Said(
                f"the document cards (/npa/view) were not harvested{tail}", f"reason.npa.cards_not_harvested{key}"
            )
        count, url = len(self.card_failures), failure.url
        if failure.reason == "robots":
            return Said(
                "the document cards could not be fetched "
                f"(robots.txt disallows /npa/view; {count} card(s), e.g. {url}){tail}",
                f"reason.npa.cards_robots{key}",
                count=count,
                url=url,
            )
        why = failure.reason
        return Said(
            f"the document cards could not be fetched ({why}; {count} card(s), e.g. {url}){tail}",
            f"reason.npa.cards_failed{key}",
            failure=why,
            count=count,
            url=url,
        )


def npa_portal(artifacts: BodyArtifacts, lang: str) -> NpaPortal:
    portal = NpaPortal(lang)
    records = [r for r in artifacts.records if r.portal == "legalacts" and r.lang in (lang, None)]
    consultative = keywords_of(vocabulary()["regulatory_policy_type"])
    regulatory_ids = {r.external_id for r in records if r.kind == "regulatory_policy_document"}
    by_id: dict[str, Draft] = {}
    for record in records:
        if record.kind in ("draft", "regulatory_policy_document") and record.external_id not in by_id:
            draft = Draft(str(record.external_id), record)
            draft.regulatory = (
                record.kind == "regulatory_policy_document"
                or record.external_id in regulatory_ids
                or mentions(record.payload.get("type"), consultative)
            )
            by_id[draft.id] = draft
            portal.list_url = portal.list_url or record.source_url
    seen: set[tuple[str, str | None]] = set()
    for record in records:
        key = (record.kind, record.external_id)
        if key in seen:
            continue
        seen.add(key)
        owner = by_id.get(str(record.payload.get("draft") or record.external_id))
        if owner is None:
            continue
        if record.kind == "draft_card":
            owner.card = record
        elif record.kind == "attachment":
            owner.attachments.append(record)
        elif record.kind == "comment":
            owner.comments.append(record)
        elif record.kind == "version":
            owner.versions.append(record)
    period = artifacts.reporting_period()
    for draft in by_id.values():
        created = draft.created()
        if created is not None and not period.within(created, artifacts.as_of):
            portal.outside_period.append(draft)  # posted in another period: judged there
            continue
        (portal.regulatory if draft.regulatory else portal.drafts).append(draft)
    portal.card_failures = failures_on(artifacts, LEGALACTS_HOST, ("/npa/view", "/application/viewcardhistory"))
    list_failures = failures_on(artifacts, LEGALACTS_HOST, ("/list",))
    portal.problem = unmeasurable(artifacts, "legalacts", "drafts", lang) or unmeasurable(
        artifacts, "legalacts", "drafts_archive", lang
    )
    if portal.problem is None and list_failures:
        first = list_failures[0]
        portal.problem = f"legalacts.egov.kz lists not fully fetched: {first.reason} on {first.url}"
    if portal.problem is None and not records:
        portal.problem = "no records from legalacts.egov.kz for this body"
    return portal
