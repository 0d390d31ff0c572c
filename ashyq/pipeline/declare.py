"""A body's filled Appendix 9 report into the store (``ashyq declare``, and the demo's bodies): loaded
whole or refused whole, stored in one transaction with a run of its own, then every declared link
re-verified through the polite fetcher and the verdicts and the reconciliation act stored."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ashyq.base.forms import DeclaredReport
from ashyq.crawler.storing import store_body
from ashyq.declared.fetch import PoliteFetcher
from ashyq.declared.loader import LoadContext, load_report
from ashyq.declared.reconcile import store_declaration, store_verification
from ashyq.declared.verify import Verdict, verify_report
from ashyq.net.crawl_config import load_crawl_config
from ashyq.net.urlmap import BaseUrlMap
from ashyq.store.bodies import Body
from ashyq.store.db import ensure_schema, session_scope
from ashyq.store.repository import finish_run, start_run, upsert_bodies
from ashyq.store.vocabulary import RunKind
from ashyq.store.warc import WarcArchive


@dataclass
class DeclareOutcome:
    declaration_id: int
    run_id: str
    period: str
    verdicts: list[Verdict]
    untrue_facts: int


def declare_file(
    file: Path,
    found: Body,
    everyone: list[Body],
    db: str | None,
    url_map: BaseUrlMap,
    out: Path,
    period: str | None = None,
    verify: bool = True,
) -> DeclareOutcome:
    """Load a report (refused whole with DeclarationError when malformed), store it in one transaction,
    then re-verify its links and store the verdicts and the reconciliation act."""
    context = LoadContext(found.id, found.kind, allow_internal_links=bool(url_map), period=period)
    loaded = load_report(file, context)
    ensure_schema(db)
    with session_scope(db) as session:  # one transaction: the body rows, the run and the declaration
        upsert_bodies(session, [store_body(b) for b in everyone])
        run = start_run(session, RunKind.RECHECK, body_ids=[found.id], settings={"declared": {"source": str(file)}})
        declaration = store_declaration(session, found.id, loaded, run.id)
        run_id, declaration_id = run.id, declaration.id
    verdicts: list[Verdict] = []
    entries = 0
    if verify:
        verdicts = _verify(loaded.report, found.id, run_id, out, url_map)
    with session_scope(db) as session:
        if verify:
            declaration = session.merge(declaration)
            entries = len(store_verification(session, declaration, run_id, found.kind, verdicts))
        finish_run(session, run_id)
    return DeclareOutcome(declaration_id, run_id, str(loaded.report.general.period), verdicts, entries)


def _verify(report: DeclaredReport, body_id: str, run_id: str, out: Path, url_map: BaseUrlMap) -> list[Verdict]:
    config = load_crawl_config()
    archive = WarcArchive(out.resolve(), run_id, body_id)
    try:
        fetcher = PoliteFetcher(config, url_map, archive)
        return verify_report(report, fetcher)
    finally:
        archive.close()
