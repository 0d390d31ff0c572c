"""The appeal's routes as every role and as nobody (the access matrix of tests/web/test_access_matrix.py,
for ashyq/web/routes/appeal.py): a body's account reaches only its own publications and disagreements
(another's is 404, so editing an id reaches nothing), only a body's account files, only an analyst records
a receipt, nobody but the commission decides. Every change asked here is refused before anything is done
(an item not in the conclusion, a file that is not a table, a malformed day, an unknown outcome)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select
from web_accounts import ACCOUNTS, PASSWORD
from web_client import Client

from ashyq.pipeline.appeal_flow import file_disagreements, form_row, opened_by_body
from ashyq.store import session_scope
from ashyq.store.access import Account, Publication

ROLES = ["nobody", *ACCOUNTS]
SEES = {"analyst", "commission"}  # the ministry's roles that read every appeal


@pytest.fixture(scope="module")
def ids(web_store: Any) -> dict[str, int]:
    """enbek's and astana's publications of the new run, and a disagreement of enbek's (filed here)."""
    with session_scope(web_store.url) as session:
        found = {
            p.body_id: p
            for p in session.scalars(
                select(Publication).where(Publication.run_id == web_store.new_run, Publication.revision == 1)
            )
        }
        enbek = session.scalars(select(Account).where(Account.username == "enbek")).one()
        now = datetime.now(UTC)
        opened_by_body(session, found["enbek"], enbek, now=now)
        (filed,) = file_disagreements(
            session, found["enbek"], enbek, [form_row("T7-1", "kk", "Телефон берілген", [])], "form", now=now
        )
        return {"enbek": found["enbek"].id, "astana": found["astana"].id, "disagreement": filed.id}


def _page(role: str, body: str) -> int:
    """A page of the body's appeal (its publication, its disagreement) as the role."""
    if role == "nobody":
        return 303
    if role in SEES:
        return 200
    mine = {"enbek": {"enbek"}, "enbek-all": {"enbek", "astana"}, "adilet": {"adilet"}}
    if role not in mine:
        return 403
    return 200 if body in mine[role] else 404


def _change(role: str, allowed: set[str], answer: int, body: str | None = None) -> int:
    if role == "nobody":
        return 401
    if role not in allowed:
        return 403
    if body is not None and _page(role, body) == 404:
        return 404
    return answer


def _missing(role: str, bodies: set[str]) -> int:
    return 404 if role in SEES | bodies else 403


def matrix(ids: dict[str, int]) -> list[tuple[str, str, str, int, dict[str, str]]]:
    rows: list[tuple[str, str, str, int, dict[str, str]]] = []
    bodies = {"enbek", "enbek-all", "adilet"}
    for role in ROLES:
        for body in ("enbek", "astana"):
            p = ids[body]
            rows += [
                ("GET", f"/appeal/{p}", role, _page(role, body), {}),
                ("GET", f"/appeal/{p}/table.xlsx", role, _page(role, body), {}),
                # an item the conclusion did not deduct for: refused by the rules (409) once the route is reached
                ("POST", f"/appeal/{p}/disagreements", role, _change(role, bodies, 409, body),
                 {"item": "T0-0|kk", "position": "—"}),
                ("POST", f"/appeal/{p}/receipt", role, _change(role, {"analyst"}, 400, body), {"received_on": "x"}),
            ]  # fmt: skip
        d = ids["disagreement"]
        rows += [
            ("GET", "/appeal/999999", role, 303 if role == "nobody" else _missing(role, bodies), {}),
            ("GET", f"/disagreements/{d}", role, _page(role, "enbek"), {}),
            ("GET", "/disagreements/999999", role, 303 if role == "nobody" else _missing(role, bodies), {}),
            ("GET", "/commission", role, 303 if role == "nobody" else 200 if role in SEES else 403, {}),
            # nobody but the commission decides; the commission's unknown outcome is refused (400)
            ("POST", f"/commission/disagreements/{d}", role, _change(role, {"commission"}, 400),
             {"outcome": "maybe" if role == "commission" else "upheld", "reasons": "—"}),
        ]  # fmt: skip
    return rows


@pytest.fixture(scope="module")
def clients(web_url: str) -> Iterator[dict[str, Client]]:
    signed: dict[str, Client] = {"nobody": Client(web_url)}
    signed["nobody"].get("/login")
    for name in ACCOUNTS:
        client = Client(web_url)
        assert client.sign_in(name, PASSWORD).status_code == 303, name
        signed[name] = client
    yield signed


def test_every_appeal_route_as_every_role(ids: dict[str, int], clients: dict[str, Client]) -> None:
    wrong = []
    for method, path, role, expected, data in matrix(ids):
        client = clients[role]
        answer = client.get(path) if method == "GET" else client.post(path, data)
        if answer.status_code != expected:
            wrong.append(f"{method} {path} as {role}: {answer.status_code}, expected {expected}")
    assert not wrong, "\n".join(wrong)


def test_an_upload_reaches_only_the_bodys_own_publication(ids: dict[str, int], clients: dict[str, Client]) -> None:
    junk = {"table": ("table.xlsx", b"not a workbook", "application/octet-stream")}
    for role in ROLES:
        for body in ("enbek", "astana"):
            expected = _change(role, {"enbek", "enbek-all", "adilet"}, 400, body)
            answer = clients[role].post(f"/appeal/{ids[body]}/table", files=junk)
            assert answer.status_code == expected, (role, body, answer.status_code)
            if expected == 400:
                assert "not an XLSX workbook" in answer.text


def test_a_body_cannot_reach_another_bodys_disagreement_by_editing_an_id(
    ids: dict[str, int], clients: dict[str, Client]
) -> None:
    adilet = clients["adilet"]
    for path in (f"/disagreements/{ids['disagreement']}", f"/appeal/{ids['enbek']}", f"/appeal/{ids['astana']}"):
        answer = adilet.get(path)
        assert answer.status_code == 404 and "Телефон берілген" not in answer.text
    assert clients["enbek"].get(f"/disagreements/{ids['disagreement']}").status_code == 200
