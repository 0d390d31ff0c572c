"""The closed vocabularies of the store. Each value is what the database holds. A finding's status
and language are the vocabularies every stage shares (:mod:`ashyq.base.vocabulary`)."""

from __future__ import annotations

from enum import StrEnum


class RunKind(StrEnum):
    NIGHTLY = "nightly"
    AUDIT = "audit"
    URL = "url"
    RECHECK = "recheck"
    DEMO = "demo"
    MONITOR = "monitor"  # a night watching the platform's entities through their listings: never an assessment


class RunStatus(StrEnum):
    RUNNING = "running"
    COMPLETE = "complete"
    PARTIAL = "partial"  # finished, but some bodies or portals could not be assessed
    FAILED = "failed"


class EvidenceKind(StrEnum):
    WARC_RECORD = "warc_record"
    SCREENSHOT = "screenshot"
    AXE_RESULT = "axe_result"
    PORTAL_RECORD = "portal_record"
    DECLARED_DOCUMENT = "declared_document"
    DOM_SNAPSHOT = "dom_snapshot"
    MEASUREMENT = "measurement"  # a browser measurement of the gather step (focus, zoom, mobile …)
    FETCH_FAILURE = "fetch_failure"  # a page not obtained (a finding left open by a partial harvest)


class Portal(StrEnum):
    DATA = "data"  # data.egov.kz
    BUDGET = "budget"  # budget.egov.kz
    LEGALACTS = "legalacts"  # legalacts.egov.kz
    DIALOG = "dialog"  # dialog.egov.kz
    GOVKZ = "govkz"  # www.gov.kz JSON API


class FetchFailureReason(StrEnum):
    ROBOTS = "robots"
    ANTIBOT = "antibot"
    TIMEOUT = "timeout"
    HTTP_STATUS = "http_status"
    PRIVATE_ADDRESS = "private_address"
    TRAP = "trap"
    TOO_LARGE = "too_large"
    ERROR = "error"
    OFFSITE = "offsite"  # outside the body's allowed hosts (in replica mode: not a replica host)
