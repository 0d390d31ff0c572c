"""A small OpenID Connect provider on loopback for the sign-in tests: discovery, an authorization
endpoint that signs in whoever it is told to (no form) and sends the code back, a token endpoint that
checks the client's secret and the PKCE verifier, and its keys. Kept out of conftest.py so test modules
can import it by a name no other test folder uses."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from joserfc import jwt
from joserfc.jwk import RSAKey

CLIENT_ID = "ashyq-web"
CLIENT_SECRET = "provider-test-secret"


@dataclass
class ProviderState:
    issuer: str = ""
    user: str = "verifier"  # the preferred_username the next sign-in gets
    wrong_nonce: bool = False
    codes: dict[str, dict[str, str]] = field(default_factory=dict)
    key: RSAKey = field(default_factory=lambda: RSAKey.generate_key(2048, parameters={"kid": "test"}))


def _handler(state: ProviderState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_: Any) -> None:
            pass

        def _json(self, document: dict[str, Any], status: int = 200) -> None:
            body = json.dumps(document).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            if url.path == "/.well-known/openid-configuration":
                self._json(
                    {
                        "issuer": state.issuer,
                        "authorization_endpoint": state.issuer + "/authorize",
                        "token_endpoint": state.issuer + "/token",
                        "jwks_uri": state.issuer + "/jwks",
                    }
                )
            elif url.path == "/jwks":
                self._json({"keys": [state.key.as_dict(private=False)]})
            elif url.path == "/authorize":
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                code = secrets.token_urlsafe(16)
                state.codes[code] = query
                self.send_response(302)
                self.send_header(
                    "Location", query["redirect_uri"] + "?" + urlencode({"code": code, "state": query["state"]})
                )
                self.end_headers()
            else:
                self._json({"error": "not_found"}, 404)

        def do_POST(self) -> None:
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode()).items()}
            asked = state.codes.pop(form.get("code", ""), None)
            basic = base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
            challenge = base64.urlsafe_b64encode(hashlib.sha256(form.get("code_verifier", "").encode()).digest())
            if (
                asked is None
                or self.headers.get("Authorization") != f"Basic {basic}"
                or challenge.rstrip(b"=").decode() != asked["code_challenge"]
            ):
                self._json({"error": "invalid_grant"}, 400)
                return
            now = int(time.time())
            claims = {
                "iss": state.issuer,
                "aud": CLIENT_ID,
                "sub": f"kz-idp|{state.user}",
                "preferred_username": state.user,
                "nonce": "another" if state.wrong_nonce else asked["nonce"],
                "iat": now,
                "exp": now + 300,
            }
            id_token = jwt.encode({"alg": "RS256", "kid": "test"}, claims, state.key)
            self._json({"access_token": "a", "token_type": "Bearer", "expires_in": 300, "id_token": id_token})

    return Handler


@contextmanager
def provider() -> Iterator[ProviderState]:
    state = ProviderState()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    state.issuer = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
