"""Sign-in through an identity provider (OpenID Connect, the code flow with PKCE) served on loopback:
the provider's person signs in to the account of the same name; a name with no account, an ID token
for another sign-in (its nonce) or a forged state are refused, each written to the audit log."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from oidc_provider import CLIENT_ID, CLIENT_SECRET, ProviderState, provider
from sqlalchemy import select
from web_accounts import WebStore, web_settings
from web_client import Client

from ashyq.config.operator import OidcSettings
from ashyq.store import session_scope
from ashyq.store.access import AuditEntry
from ashyq.web.app import create_app
from ashyq.web.server import served


@pytest.fixture(scope="module")
def idp() -> Iterator[ProviderState]:
    with provider() as state:
        yield state


@pytest.fixture(scope="module")
def oidc_url(web_store: WebStore, idp: ProviderState, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    secret = tmp_path_factory.mktemp("oidc") / "client.secret"
    secret.write_text(CLIENT_SECRET)
    oidc = OidcSettings(issuer=idp.issuer, client_id=CLIENT_ID, client_secret_file=secret, label="eGov IdP")
    with served(create_app(web_settings(web_store, oidc=oidc, oidc_secret=CLIENT_SECRET))) as url:
        yield url


def _through_provider(client: Client) -> int:
    """Start at the application, pass through the provider, come back: the callback's status."""
    start = client.get("/oidc/login")
    assert start.status_code == 303
    to_provider = start.headers["Location"]
    assert "code_challenge=" in to_provider and "nonce=" in to_provider
    back = client.http.get(to_provider, allow_redirects=False, timeout=10)
    callback = urlsplit(back.headers["Location"])
    return client.get(f"{callback.path}?{callback.query}").status_code


def _last_action(store: WebStore) -> AuditEntry:
    with session_scope(store.url) as session:
        entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
        assert entry is not None
        return entry


def test_the_providers_person_signs_in_to_the_account_of_that_name(
    oidc_url: str, idp: ProviderState, web_store: WebStore
) -> None:
    client = Client(oidc_url)
    assert "eGov IdP" in client.get("/login").text
    idp.user = "verifier"
    assert _through_provider(client) == 303
    assert client.get("/publications").status_code == 200
    entry = _last_action(web_store)
    assert (entry.action, entry.username, entry.detail["method"]) == ("sign_in", "verifier", "oidc")


def test_refused_sign_ins(oidc_url: str, idp: ProviderState, web_store: WebStore) -> None:
    idp.user = "no-such-person"
    client = Client(oidc_url)
    assert _through_provider(client) == 401
    assert client.get("/publications").status_code == 303
    assert _last_action(web_store).action == "sign_in_failed"
    idp.user, idp.wrong_nonce = "verifier", True
    assert _through_provider(Client(oidc_url)) == 401  # an ID token made for another sign-in
    idp.wrong_nonce = False
    forged = Client(oidc_url)
    forged.get("/oidc/login")
    assert forged.get("/oidc/callback?code=x&state=forged").status_code == 400


def test_without_a_provider_there_is_no_such_sign_in(web_url: str) -> None:
    client = Client(web_url)
    assert client.get("/oidc/login").status_code == 404
    assert "/oidc/login" not in client.get("/login").text
