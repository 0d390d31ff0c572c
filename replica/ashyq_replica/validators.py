"""HTTP validators the way the real servers send them, and ``304 Not Modified`` where they honour them.

Every successful GET answer with a body gets a strong ``ETag`` (a digest of the bytes) and a
``Last-Modified``; what a host does with ``If-None-Match`` / ``If-Modified-Since`` differs, as on the
real systems: static web servers in front of the classic sites and the legal-acts and dialogue
portals answer ``304`` with no body when nothing changed; the open-data and budget portals'
application servers ignore the validators and send the same bytes again, and www.gov.kz's send none
(a client must compare the content itself). ``Last-Modified`` is the day the content last changed in
the world: the world's first day, or the day a :attr:`~ashyq_replica.core.World.fixes` change was made.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, time
from email.utils import format_datetime, parsedate_to_datetime

from aiohttp import web

from ashyq_replica.core import BUDGET_HOST, DATA_HOST, GOVKZ_HOST, World

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# hosts whose application servers send validators but never answer 304
IGNORES_VALIDATORS = frozenset({DATA_HOST, BUDGET_HOST})
# hosts whose application servers send no validators at all (the middleware is not put on them)
SENDS_NONE = frozenset({GOVKZ_HOST})


def _http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def _not_modified(request: web.Request, etag: str, modified: datetime) -> bool:
    match = request.headers.get("If-None-Match")
    if match is not None:  # RFC 9110 13.1.2: If-None-Match wins over If-Modified-Since
        return any(tag.strip().removeprefix("W/") == etag for tag in match.split(",")) or match.strip() == "*"
    since = request.headers.get("If-Modified-Since")
    if since is None:
        return False
    try:
        return parsedate_to_datetime(since) >= modified
    except (TypeError, ValueError):
        return False


def middleware(world: World, host: str) -> Callable[[web.Request, Handler], Awaitable[web.StreamResponse]]:
    honours = host not in IGNORES_VALIDATORS
    modified = datetime.combine(world.changed_on(host), time(6, 0), tzinfo=UTC)

    @web.middleware
    async def validators(request: web.Request, handler: Handler) -> web.StreamResponse:
        response = await handler(request)
        if request.method != "GET" or response.status != 200 or not isinstance(response, web.Response):
            return response
        body = response.body
        if not isinstance(body, bytes) or "ETag" in response.headers:
            return response
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        response.headers["ETag"] = etag
        response.headers.setdefault("Last-Modified", _http_date(modified))
        if honours and _not_modified(request, etag, modified):
            return web.Response(status=304, headers={"ETag": etag, "Last-Modified": response.headers["Last-Modified"]})
        return response

    return validators
