"""The demo ends with an account of every role in its store (demo-only passwords), made again on a
second demo into the same folder; and ``ashyq users`` manages accounts from the command line."""

from __future__ import annotations

from pathlib import Path

from ashyq_replica.commands.demo import DEMO_PASSWORD, DEMO_ROLES, demo_accounts
from typer.testing import CliRunner

from ashyq.cli import app
from ashyq.crawler.storing import store_body
from ashyq.pipeline.accounts import find_account, password_matches
from ashyq.store import ensure_schema, session_scope
from ashyq.store import repository as repo
from ashyq.store.bodies import load_registry


def _store(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'ashyq.sqlite'}"
    ensure_schema(url)
    with session_scope(url) as session:
        repo.upsert_bodies(session, [store_body(b) for b in load_registry("demo").bodies])
    return url


def test_the_demo_makes_an_account_of_every_role(tmp_path: Path) -> None:
    url = _store(tmp_path)
    first = demo_accounts(url)
    assert [name for name, _ in first] == [f"demo-{role}" for role in DEMO_ROLES]
    runner = CliRunner()
    assert runner.invoke(app, ["users", "disable", "demo-analyst", "--db", url]).exit_code == 0
    assert demo_accounts(url) == first  # a second demo: the same accounts, enabled, the known password
    with session_scope(url) as session:
        for name, _ in first:
            assert password_matches(find_account(session, name), DEMO_PASSWORD), name
        body = find_account(session, "demo-body")
        assert body is not None and body.body_id == load_registry("demo").assessed()[0].id


def test_users_commands(tmp_path: Path) -> None:
    url = _store(tmp_path)
    body = load_registry("demo").assessed()[0].id
    runner = CliRunner()
    added = runner.invoke(app, ["users", "add", "aigerim", "body", "--body", body, "--password", "x" * 12, "--db", url])
    assert added.exit_code == 0, added.output
    refused = runner.invoke(app, ["users", "add", "aigerim", "analyst", "--password", "x" * 12, "--db", url])
    assert refused.exit_code == 2 and "already" in refused.output
    short = runner.invoke(app, ["users", "add", "dana", "analyst", "--password", "short", "--db", url])
    assert short.exit_code == 2 and "12 characters" in short.output
    unbound = runner.invoke(app, ["users", "add", "dana", "body", "--password", "x" * 12, "--db", url])
    assert unbound.exit_code == 2 and "--body" in unbound.output
    assert runner.invoke(app, ["users", "role", "aigerim", "verifier", "--db", url]).exit_code == 0
    assert runner.invoke(app, ["users", "disable", "aigerim", "--db", url]).exit_code == 0
    listed = runner.invoke(app, ["users", "list", "--db", url, "--lang", "en"]).output
    row = next(line for line in listed.splitlines() if "aigerim" in line)
    assert [cell.strip() for cell in row.split("│")[1:6]] == ["aigerim", "verifier", "—", "—", "disabled"], row
