"""The ministry's identity provider (OpenID Connect), for the served application's sign-in (the ``oidc``
extra: Authlib for the authorization-code flow with PKCE, joserfc for the ID token).

Only the provider the operator configured is asked (``serve.oidc.issuer`` of ashyq.yaml): its discovery
document, its token endpoint, its keys. The ID token is checked whole: signature against the provider's
keys, issuer, audience (this client), expiry and the nonce of this sign-in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

TIMEOUT = 10  # seconds for each exchange with the provider


class OidcError(Exception):
    """The provider could not be asked, or what it answered is refused; said in a sentence."""


@dataclass(frozen=True)
class Provider:
    issuer: str
    authorization_endpoint: str
    token_endpoint: str
    jwks_uri: str


def _get_json(url: str) -> dict[str, Any]:
    import requests

    try:
        answer = requests.get(url, timeout=TIMEOUT, allow_redirects=False)
        answer.raise_for_status()
        document = answer.json()
    except (requests.RequestException, ValueError) as error:
        raise OidcError(f"{url}: {error}") from None
    if not isinstance(document, dict):
        raise OidcError(f"{url}: not a JSON object")
    return document


def discover(issuer: str) -> Provider:
    """The provider's endpoints from its discovery document (its ``issuer`` must be the one configured)."""
    document = _get_json(issuer.rstrip("/") + "/.well-known/openid-configuration")
    if document.get("issuer") != issuer:
        raise OidcError(f"the provider says it is {document.get('issuer')!r}, not {issuer!r}")
    try:
        return Provider(
            issuer,
            str(document["authorization_endpoint"]),
            str(document["token_endpoint"]),
            str(document["jwks_uri"]),
        )
    except KeyError as missing:
        raise OidcError(f"the discovery document has no {missing}") from None


def authorization_url(
    provider: Provider, client_id: str, redirect_uri: str, scopes: str, state: str, nonce: str, verifier: str
) -> str:
    """Where to send the person: the provider's sign-in, coming back to ``redirect_uri`` with a code."""
    from authlib.integrations.requests_client import OAuth2Session

    client = OAuth2Session(client_id, redirect_uri=redirect_uri, scope=scopes, code_challenge_method="S256")
    url, _ = client.create_authorization_url(
        provider.authorization_endpoint, state=state, nonce=nonce, code_verifier=verifier
    )
    return str(url)


def signed_in_claims(
    provider: Provider, client_id: str, secret: str, redirect_uri: str, code: str, verifier: str, nonce: str
) -> dict[str, Any]:
    """Exchange the code for tokens and return the ID token's claims, once every check holds."""
    from authlib.integrations.requests_client import OAuth2Session
    from joserfc import jwt
    from joserfc.errors import JoseError
    from joserfc.jwk import KeySet

    client = OAuth2Session(client_id, secret, redirect_uri=redirect_uri, code_challenge_method="S256")
    try:
        token = client.fetch_token(provider.token_endpoint, code=code, code_verifier=verifier, timeout=TIMEOUT)
    except Exception as error:  # Authlib raises its own and requests' errors
        raise OidcError(f"the code exchange was refused: {error}") from None
    id_token = token.get("id_token")
    if not isinstance(id_token, str):
        raise OidcError("the provider answered no ID token")
    try:
        keys = KeySet.import_key_set(_get_json(provider.jwks_uri))  # type: ignore[arg-type]
        decoded = jwt.decode(id_token, keys, algorithms=["RS256", "ES256", "PS256", "EdDSA"])
        jwt.JWTClaimsRegistry(
            iss={"essential": True, "value": provider.issuer},
            aud={"essential": True, "value": client_id},
            nonce={"essential": True, "value": nonce},
            exp={"essential": True},
            sub={"essential": True},
        ).validate(decoded.claims)
    except (JoseError, ValueError) as error:
        raise OidcError(f"the ID token is refused: {error}") from None
    return dict(decoded.claims)
