"""Every route as every role and as nobody: who reads what, who changes what.

The store (tests/web/conftest.py): the newest run's conclusions of enbek and astana are published,
adilet's is not, the older run's none (other tests may publish more: the table reads what is); astana
is under enbek. A body's account reads only its own
published results (enbek-all: and its subordinates'), a verifier every published one, the ministry's
analysts, assessors and commission everything, an administrator the accounts and the audit log only.
A record one may not read answers 404 like one that does not exist, so editing an id in the address
reaches nothing and tells nothing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from sqlalchemy import select
from web_accounts import ACCOUNTS, PASSWORD, WebStore
from web_client import Client

from ashyq.store import session_scope
from ashyq.store.access import Publication
from ashyq.store.models import Evidence, Finding

ROLES = ["nobody", *ACCOUNTS]
READ_ALL = {"analyst", "assessor", "commission"}


@dataclass(frozen=True)
class Ids:
    finding: dict[tuple[str, str], int]  # (run, body) → a finding with evidence
    evidence: dict[tuple[str, str], str]  # (run, body) → an evidence with a file
    archived: dict[tuple[str, str], str]  # (run, body) → an archived page (a WARC record)
    published: frozenset[tuple[str, str]]  # (run, body) published (the store's state when read)
    enbek_publication: int | None


def _ids(store: WebStore) -> Ids:
    findings: dict[tuple[str, str], int] = {}
    files: dict[tuple[str, str], str] = {}
    archived: dict[tuple[str, str], str] = {}
    with session_scope(store.url) as session:
        for run in (store.new_run, store.old_run):
            for body in ("enbek", "adilet", "astana"):
                for finding in session.scalars(
                    select(Finding).where(Finding.run_id == run, Finding.body_id == body).order_by(Finding.id)
                ):
                    if finding.evidence:
                        findings[(run, body)] = finding.id
                        break
                files[(run, body)] = session.scalars(
                    select(Evidence.id).where(
                        Evidence.run_id == run, Evidence.body_id == body, Evidence.path.is_not(None)
                    )
                ).first()
                archived[(run, body)] = session.scalars(
                    select(Evidence.id).where(
                        Evidence.run_id == run, Evidence.body_id == body, Evidence.kind == "warc_record"
                    )
                ).first()
        published = frozenset(
            (run, body) for run, body in session.execute(select(Publication.run_id, Publication.body_id))
        )
        enbek = session.scalar(
            select(Publication.id).where(Publication.run_id == store.new_run, Publication.body_id == "enbek")
        )
    return Ids(findings, files, archived, published, enbek)


def _reads(role: str, run: str, body: str, ids: Ids) -> int:
    """What a reading route of the body's results in the run answers the role."""
    if role == "nobody":
        return 303  # to the sign-in form
    if role == "admin":
        return 403
    if role in READ_ALL:
        return 200
    published = (run, body) in ids.published
    mine = {"verifier": {"enbek", "adilet", "astana"}, "enbek": {"enbek"}, "enbek-all": {"enbek", "astana"}}
    return 200 if published and body in mine.get(role, {"adilet"} if role == "adilet" else set()) else 404


def _only(roles: set[str], role: str, allowed: int = 200) -> int:
    return 303 if role == "nobody" else allowed if role in roles else 403


def matrix(store: WebStore, ids: Ids) -> list[tuple[str, str, str, int]]:
    """(method, path, role, expected status) for every route and role."""
    new = store.new_run
    rows: list[tuple[str, str, str, int]] = []
    for role in ROLES:
        readers = READ_ALL | {"verifier", "enbek", "enbek-all", "adilet"}
        rows += [
            ("GET", "/runs", role, _only(READ_ALL, role)),
            ("GET", f"/runs/{new}", role, _only(READ_ALL, role)),
            ("GET", f"/runs/{new}/changes", role, _only(READ_ALL, role)),
            ("GET", "/runs/no-such-run", role, _only(READ_ALL, role, 404)),
            ("GET", "/publications", role, _only(readers, role)),
            ("GET", "/admin/users", role, _only({"admin"}, role)),
            ("GET", "/admin/audit", role, _only({"admin"}, role)),
            ("GET", "/findings/999999", role, _only(readers, role, 404)),
            ("GET", "/evidence/no-such-evidence/file", role, _only(readers, role, 404)),
            # the signed evidence package of enbek's published conclusion
            ("GET", f"/publications/{ids.enbek_publication}/evidence.wacz", role, _reads(role, new, "enbek", ids)),
        ]
        for run in (store.new_run, store.old_run):
            for body in ("enbek", "adilet", "astana"):
                expected = _reads(role, run, body, ids)
                rows += [
                    ("GET", f"/runs/{run}/bodies/{body}", role, expected),
                    ("GET", f"/findings/{ids.finding[(run, body)]}", role, expected),
                    ("GET", f"/evidence/{ids.evidence[(run, body)]}/file", role, expected),
                    ("GET", f"/evidence/{ids.archived[(run, body)]}/archived", role, expected),
                ]
        # changes refused before anything is done: a body that does not exist, a password too short
        unsigned = 401 if role == "nobody" else None
        rows += [
            ("POST", "/publications", role, unsigned or (409 if role == "analyst" else 403)),
            ("POST", "/admin/users", role, unsigned or (400 if role == "admin" else 403)),
            ("POST", "/admin/users/no-such-user/disable", role, unsigned or (400 if role == "admin" else 403)),
        ]
    return rows


POSTED = {
    "/publications": {"run_id": "no-such-run", "body_id": "no-such-body"},
    "/admin/users": {"username": "x", "role": "analyst", "password": "short"},
}


@pytest.fixture(scope="module")
def clients(web_url: str) -> Iterator[dict[str, Client]]:
    signed: dict[str, Client] = {"nobody": Client(web_url)}
    signed["nobody"].get("/login")
    for name in ACCOUNTS:
        client = Client(web_url)
        assert client.sign_in(name, PASSWORD).status_code == 303, name
        signed[name] = client
    yield signed


def test_every_route_as_every_role(web_store: WebStore, clients: dict[str, Client]) -> None:
    ids = _ids(web_store)
    wrong = []
    rows = matrix(web_store, ids)
    for method, path, role, expected in rows:
        client = clients[role]
        answer = client.get(path) if method == "GET" else client.post(path, POSTED.get(path, {}))
        if answer.status_code != expected:
            wrong.append(f"{method} {path} as {role}: {answer.status_code}, expected {expected}")
        if role == "nobody" and method == "GET":
            assert answer.headers["Location"].startswith("/login?next=")
    assert not wrong, "\n".join(wrong)
    assert len(rows) == len(ROLES) * 37


def test_a_body_cannot_reach_another_bodys_finding_or_evidence_by_editing_an_id(
    web_store: WebStore, clients: dict[str, Client]
) -> None:
    ids = _ids(web_store)
    enbek = clients["enbek"]
    own = enbek.get(f"/findings/{ids.finding[(web_store.new_run, 'enbek')]}")
    assert (own.status_code == 200 and "Дәлелдер" in own.text) or "Доказательства" in own.text
    for body in ("adilet", "astana"):  # unpublished; published but not its own
        for path in (
            f"/findings/{ids.finding[(web_store.new_run, body)]}",
            f"/evidence/{ids.evidence[(web_store.new_run, body)]}/file",
            f"/evidence/{ids.evidence[(web_store.new_run, body)]}/archived",
            f"/runs/{web_store.new_run}/bodies/{body}",
        ):
            refused = enbek.get(path)
            assert refused.status_code == 404, path
            assert body not in refused.text
    # the ids next to its own finding's belong to others or to nothing: none answers but 404
    start = ids.finding[(web_store.new_run, "enbek")]
    readable = {start}
    with session_scope(web_store.url) as session:
        for finding_id in range(start - 40, start + 40):
            finding = session.get(Finding, finding_id)
            status = enbek.get(f"/findings/{finding_id}").status_code
            if finding is not None and finding.body_id == "enbek" and finding.run_id == web_store.new_run:
                readable.add(finding_id)
                assert status in (200, 404)  # an older revision's page is its newest one's
            else:
                assert status == 404, finding_id


def test_the_body_list_shows_only_its_own_publications(clients: dict[str, Client]) -> None:
    listed = clients["enbek"].get("/publications").text
    assert "/bodies/enbek" in listed and "/bodies/astana" not in listed and "/bodies/adilet" not in listed
    with_subordinates = clients["enbek-all"].get("/publications").text
    assert "/bodies/enbek" in with_subordinates and "/bodies/astana" in with_subordinates
    assert "/bodies/adilet" not in clients["verifier"].get("/publications").text  # not published
