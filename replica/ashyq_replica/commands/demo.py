"""``ashyq demo``: the whole job on the replica world. The world starts, the ministry's Unified list
is imported, every demo body submits its Appendix 9 report and is audited side by side, the ranking is
printed, the world stops.

Exit codes as ``ashyq audit``: 0 complete, 1 partial, 2 usage error, 3 failed, 4 internal error.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from ashyq.cli.audit import (
    StageProgress,
    console,
    err,
    internal_errors_exit_4,
    parse_date,
    print_ranking,
    usage_error,
)
from ashyq.pipeline.audit import AuditRequest, AuditSummary, run_audit
from ashyq.pipeline.audit_request import ASSESSOR_CRAWL
from ashyq.pipeline.outputs import ensure_dir
from ashyq.store.bodies import load_registry
from ashyq.store.vocabulary import RunKind


def declare_replica_reports(world: Any, reg: Any, urls: dict[str, str], out: Path, db: str) -> None:
    """Each demo body submits its Appendix 9 report (the replica world writes it); the assessor loads
    it and re-verifies every link, as in a real assessment. The reports are kept under out/declared/."""
    import yaml

    from ashyq.net.urlmap import BaseUrlMap
    from ashyq.pipeline.declare import declare_file
    from ashyq_replica.declared_reports import declared_report

    folder = ensure_dir(out / "declared")
    for body in reg.assessed():
        path = folder / f"{body.id}.yaml"
        path.write_text(
            yaml.safe_dump(declared_report(world, body.id), allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        outcome = declare_file(path, body, list(reg.bodies), db, BaseUrlMap.from_mapping(urls), out)
        err.print(
            f"[bold]declared report[/bold] {body.id}: {len(outcome.verdicts)} links verified, "
            f"{outcome.untrue_facts} untrue fact(s) in the reconciliation act",
            highlight=False,
        )


def import_replica_list(world: Any, out: Path, db: str) -> None:
    """The ministry publishes the Unified list of open data; the assessor imports it (here: the
    replica world's, written as the official file under out/declared/)."""
    from ashyq.declared.unified_list import Entry, load_unified_list, write_unified_list
    from ashyq.store.db import ensure_schema, session_scope
    from ashyq.store.unified_list import save_unified_list
    from ashyq_replica.unified_list import official_rows

    rows = official_rows(world)
    path = write_unified_list(
        [Entry(row=n, bin=None, **row) for n, row in enumerate(rows, start=1)],
        ensure_dir(out / "declared") / "unified-list.xlsx",
    )
    loaded = load_unified_list(path)
    ensure_schema(db)
    with session_scope(db) as session:
        save_unified_list(session, loaded.source, loaded.sha256, [e.as_dict() for e in loaded.entries])
    err.print(f"[bold]Unified list[/bold] imported: {len(loaded.entries)} datasets of {len(loaded.bodies)} bodies")


def replica_audit(
    world: Any,
    out: Path,
    db: str,
    browser: bool = True,
    reports: bool = True,
    progress: Callable[[str, dict[str, Any]], None] | None = None,
) -> AuditSummary:
    """Every demo body audited on the running replica world, as the allow-listed assessor (side by
    side: one crawl process and one browser for them all)."""
    from ashyq_replica.server import start_world

    with start_world(world) as served:
        reg = load_registry("demo")
        import_replica_list(world, out, db)
        declare_replica_reports(world, reg, served.urls, out, db)
        request = AuditRequest(
            [b.id for b in reg.assessed()],
            "demo",
            "kz-2025",
            out,
            db,
            dict(served.urls),
            world.as_of,
            RunKind.DEMO,
            None,
            browser,
            reports=reports,
            crawl_config=ASSESSOR_CRAWL,
        )
        return run_audit(request, progress or StageProgress())


@internal_errors_exit_4
def demo_command(
    out: Annotated[Path, typer.Option(help="Output folder.")] = Path("out"),
    as_of: Annotated[str | None, typer.Option("--as-of", help="The replica's date YYYY-MM-DD.")] = None,
    faults: Annotated[str, typer.Option(help="none or flaky.")] = "none",
    no_browser: Annotated[bool, typer.Option("--no-browser", help="Skip browser measurements.")] = False,
) -> None:
    """The whole job on the built-in replica: start it, audit every demo body, write everything under
    --out, print the ranking and where the dashboard is, stop the replica.

    Exit codes: 0 complete, 1 partial, 2 usage error, 3 failed, 4 internal error."""
    from ashyq_replica.core import DEFAULT_AS_OF, World

    if faults not in ("none", "flaky"):
        raise usage_error("--faults must be none or flaky")
    day = parse_date(as_of) or DEFAULT_AS_OF
    out = out.resolve()
    db = f"sqlite:///{ensure_dir(out) / 'ashyq.sqlite'}"
    err.print(f"starting the replica world (as of {day}, faults {faults})", highlight=False)
    summary = replica_audit(World(as_of=day, faults=faults), out, db, browser=not no_browser)  # type: ignore[arg-type]
    err.print("replica world stopped", highlight=False)
    print_ranking(summary)
    console.print(f"store: {db}", highlight=False)
    print_served_app(out, db)
    raise typer.Exit(summary.exit_code)


# Demo accounts, one per role, with a password everyone can read here: for the demo's store only.
DEMO_PASSWORD = "demo-only-not-secret"
DEMO_ROLES = ("analyst", "assessor", "body", "commission", "verifier", "admin")


def demo_accounts(db: str) -> list[tuple[str, str]]:
    """An account of each role in the demo's store (the body's bound to the first demo body); made again
    with the known password if the store has them already. (user name, what it is) pairs."""
    from ashyq.pipeline.accounts import add_account, find_account, set_disabled, set_password, set_role
    from ashyq.pipeline.run_outputs import open_store

    body = load_registry("demo").assessed()[0].id
    made = []
    with open_store(db) as session:
        for role in DEMO_ROLES:
            name = f"demo-{role}"
            bound = body if role == "body" else None
            if find_account(session, name) is None:
                add_account(session, name, role, DEMO_PASSWORD, bound, language="kk" if role == "body" else "ru")
            else:
                set_role(session, name, role, bound)
                set_password(session, name, DEMO_PASSWORD)
                set_disabled(session, name, False)
            made.append((name, f"{role} ({bound})" if bound else role))
    return made


def print_served_app(out: Path, db: str) -> None:
    """How to open the served application on the demo run, with the demo accounts (demo only)."""
    accounts = demo_accounts(db)
    console.print(
        f"\nserved application: ashyq serve --db {db} --out {out}\n  then open http://127.0.0.1:8080/ and sign in "
        f"as one of these DEMO-ONLY accounts (password {DEMO_PASSWORD!r}; never use them on a real store):",
        highlight=False,
    )
    for name, role in accounts:
        console.print(f"  {name:18} {role}", highlight=False)
