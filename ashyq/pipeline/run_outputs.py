"""What ``ashyq report …`` and ``ashyq evidence export`` make of a stored run: the conclusion on a body,
the dashboard, the exports, the table of disagreements and a body's evidence package. Each opens the
store (brought to the current schema first: an empty or older store is not a traceback, an empty one
simply has no run), finds the run named (an id, or ``last``) and writes; a
:class:`~ashyq.reports.body_report.ReportError` says what is missing."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy.orm import Session

from ashyq.net.crawl_config import load_crawl_config
from ashyq.net.timestamp import TimestampError, request_timestamp
from ashyq.pipeline.addresses import url_map_of
from ashyq.reports.body_report import ReportError, load_body_report
from ashyq.reports.bundle import BundleContents, Timestamper, TimestampRefused, export_bundle
from ashyq.reports.conclusion import write_conclusion
from ashyq.reports.dashboard import build_dashboard
from ashyq.reports.disagreement import write_disagreement_table
from ashyq.reports.exports import TableName, export_run
from ashyq.store import ensure_schema, session_scope
from ashyq.store import repository as repo


@contextmanager
def open_store(db: str | None) -> Iterator[Session]:
    """A session on the store, brought to the current schema first."""
    ensure_schema(db)
    with session_scope(db) as session:
        yield session


def run_id_of(session: Session, run: str) -> str:
    """The run named by ``--run``: an id, or ``last`` (the last complete run, as for every command)."""
    found = repo.run_by_reference(session, run)
    if found is None:
        raise ReportError("the store has no complete run" if run == "last" else f"no run {run!r} in the store")
    return found.id


def write_conclusions(db: str | None, run: str, body: str, languages: list[str], out: Path, pdf: bool) -> list[Path]:
    """The conclusion on one body (Appendix 8) in each language: the files written."""
    with open_store(db) as session:
        report = load_body_report(session, run_id_of(session, run), body)
        return [path for language in languages for path in write_conclusion(report, language, out, pdf=pdf)]


def write_dashboard(db: str | None, run: str, data: Path, out: Path, lang: str) -> Path:
    """The run's static site; its index page."""
    with open_store(db) as session:
        return build_dashboard(session, run_id_of(session, run), data, out, lang)


def write_export(db: str | None, run: str, fmt: str, out: Path, lang: str, table: TableName) -> Path:
    """The run's ranking, criteria, findings and reconciliation act as XLSX, CSV or JSON."""
    with open_store(db) as session:
        return export_run(session, run_id_of(session, run), fmt, out, lang, table)


def write_disagreements(db: str | None, run: str, body: str, lang: str, out: Path) -> Path:
    """The table of disagreements (appeal form) pre-filled with every finding of the body that lost points."""
    with open_store(db) as session:
        report = load_body_report(session, run_id_of(session, run), body)
        return write_disagreement_table(report, lang, out)


def write_evidence_package(
    db: str | None,
    run: str,
    body: str,
    data: Path,
    out: Path,
    key: Ed25519PrivateKey | None,
    signer: str,
    timestamper: Timestamper | None,
) -> BundleContents:
    """One body's evidence of a run as a WACZ (signed when a key is given)."""
    with open_store(db) as session:
        return export_bundle(session, run_id_of(session, run), body, data, out, key, signer, timestamper)


def timestamper(url: str, replica_map: str | None) -> Timestamper:
    """Asks ``url`` through the guarded client (in replica mode, a replica's authority on loopback);
    :class:`~ashyq.net.urlmap.ReplicaMapError` when the map cannot be read."""
    url_map = url_map_of(replica_map)
    agent = load_crawl_config().user_agent()

    def ask(digest_hex: str) -> tuple[str, bytes]:
        try:
            return url, request_timestamp(url, digest_hex, agent, url_map=url_map)
        except TimestampError as error:
            raise TimestampRefused(str(error)) from None

    return ask
