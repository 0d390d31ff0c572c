"""What every response says to the browser, and the limit on sign-in attempts.

The application's pages run no script of their own and load nothing from elsewhere: the
Content-Security-Policy allows styles and images from the application only, no script at all, forms
posted to the application only, and no framing by anyone. An archived page (crawled, hostile) is served
with a policy of its own: ``sandbox`` (an opaque origin: it reaches neither the application's cookies nor
its pages, and runs no script), nothing loaded, framed by the application only.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from limits import parse
from limits.errors import ConfigurationError
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter
from starlette.requests import Request
from starlette.responses import Response

from ashyq.web.settings import SettingsError

APP_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
ARCHIVED_POLICY = (
    "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'none'; "
    "frame-ancestors 'self'; base-uri 'none'"
)
ARCHIVED_MEDIA = "text/html; charset=utf-8"


def archived_response(content: bytes) -> Response:
    """A crawled page's static copy, sandboxed whatever frame it is opened in (or none)."""
    return Response(
        content,
        media_type=ARCHIVED_MEDIA,
        headers={"Content-Security-Policy": ARCHIVED_POLICY, "X-Frame-Options": "SAMEORIGIN"},
    )


async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
    response = await call_next(request)
    headers = response.headers
    headers.setdefault("Content-Security-Policy", APP_POLICY)
    headers.setdefault("X-Frame-Options", "DENY")
    headers["X-Content-Type-Options"] = "nosniff"
    headers["Referrer-Policy"] = "no-referrer"
    headers["Cross-Origin-Opener-Policy"] = "same-origin"
    headers["Cross-Origin-Resource-Policy"] = "same-origin"
    headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
    headers.setdefault("Cache-Control", "no-store")  # pages differ per account: no shared cache keeps one
    if request.url.scheme == "https":
        headers["Strict-Transport-Security"] = "max-age=31536000"
    return response


def _shown(storage: str) -> str:
    """The storage URI without its password or query (a TLS file's path), for a message."""
    parts = urlsplit(storage)
    return f"{parts.scheme}://{parts.hostname or ''}{f':{parts.port}' if parts.port else ''}{parts.path}"


class ThrottleUnavailable(SettingsError):
    """The storage the sign-in counts are kept in is unknown or cannot be reached, said in a sentence."""


class LoginThrottle:
    """Failed sign-ins counted in a moving window per account name and per client address; while either
    is spent, sign-in is refused without looking at the password. Counted where ``storage`` says (the
    ``limits`` notation, ``serve.rate_limit_storage``): ``memory://``, this process's memory (several
    ``ashyq serve`` processes would each count their own), or a Redis every process shares. A storage
    that cannot be reached stops the application from starting (:class:`ThrottleUnavailable`)."""

    def __init__(self, per_account: str, per_address: str, storage: str = "memory://"):
        try:
            counts = storage_from_string(storage)
        except ConfigurationError as error:
            raise ThrottleUnavailable(f"serve.rate_limit_storage {_shown(storage)}: {error}") from None
        if not counts.check():
            raise ThrottleUnavailable(f"serve.rate_limit_storage {_shown(storage)}: cannot be reached")
        self.limiter = MovingWindowRateLimiter(counts)
        self.per_account = parse(per_account)
        self.per_address = parse(per_address)

    def _keys(self, username: str, address: str) -> list[tuple[object, str]]:
        return [(self.per_account, f"account:{username.casefold()}"), (self.per_address, f"address:{address}")]

    def allowed(self, username: str, address: str) -> bool:
        return all(self.limiter.test(item, key) for item, key in self._keys(username, address))  # type: ignore[arg-type]

    def failed(self, username: str, address: str) -> None:
        for item, key in self._keys(username, address):
            self.limiter.hit(item, key)  # type: ignore[arg-type]
