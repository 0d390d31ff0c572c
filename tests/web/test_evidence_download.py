"""A verifier downloads the signed evidence of a published conclusion and it verifies against the
operator's public key; an unpublished conclusion's is not there for it, nor another body's for a body."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from web_accounts import PASSWORD, WebStore
from web_client import Client

from ashyq.reports.bundle import verify_bundle
from ashyq.reports.signing import load_public_keys
from ashyq.store import session_scope
from ashyq.store.access import AuditEntry, Publication


def _publication(store: WebStore, body: str) -> int:
    with session_scope(store.url) as session:
        found = session.scalar(
            select(Publication.id).where(Publication.body_id == body, Publication.run_id == store.new_run)
        )
        assert found is not None
        return found


def test_a_verifier_downloads_a_signed_package_that_verifies(
    web_url: str, web_store: WebStore, signing_key: Path, tmp_path: Path
) -> None:
    verifier = Client(web_url)
    verifier.sign_in("verifier", PASSWORD)
    publication = _publication(web_store, "enbek")
    assert f"/publications/{publication}/evidence.wacz" in verifier.get("/publications").text
    answer = verifier.get(f"/publications/{publication}/evidence.wacz")
    assert answer.status_code == 200, answer.text
    assert "attachment" in answer.headers["content-disposition"]
    package = tmp_path / "enbek.wacz"
    package.write_bytes(answer.content)
    verdict = verify_bundle(package, load_public_keys(signing_key.with_name("operator.key.pub")))
    assert verdict.ok, verdict.problems
    with session_scope(web_store.url) as session:
        logged = session.scalars(select(AuditEntry).where(AuditEntry.action == "evidence_package")).all()
    assert any(e.username == "verifier" and e.target == f"{web_store.new_run}/enbek" for e in logged)


def test_no_package_beyond_what_one_may_read(web_url: str, web_store: WebStore) -> None:
    body = Client(web_url)
    body.sign_in("adilet", PASSWORD)
    assert body.get(f"/publications/{_publication(web_store, 'enbek')}/evidence.wacz").status_code == 404
    assert body.get("/publications/999999/evidence.wacz").status_code == 404
    nobody = Client(web_url)
    assert nobody.get(f"/publications/{_publication(web_store, 'enbek')}/evidence.wacz").status_code == 303
