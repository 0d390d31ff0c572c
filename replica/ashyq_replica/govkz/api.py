"""gov.kz JSON API: ``/api/v1/public/content-manager/<type>``, the k6 ticket and ``/api/v2/public-data``.

Shapes follow portals.md 1.3 and 1.5: bare JSON arrays, ``op:value`` filters, ``sort-by=field:DIR``,
``page`` from 1, ``size`` up to 1000, language from ``Accept-Language`` or ``lang``.

Tickets [GUESS: the live mechanism is not public; this one keeps the observed behaviour]:

* ``POST /api/v1/public/_/c/k6`` with ``Content-Type: application/json`` and an ``Origin`` of the site
  answers ``{"status": "ok", "challenge": C}`` and sets the cookie ``_k6=C`` (HttpOnly).
  ``C`` is ``<nonce>.<hmac>``, so the server needs no session store.
* News answer ``400 {"error":"notAllowed"}`` unless the request carries a valid ``_k6`` cookie, or the
  browser-ticket headers below (the "hash"/"token" headers scrapers capture with Playwright).
* The browser ticket is the header pair ``token: C`` and ``hash: fnv1a32(C + "|gov.kz")`` (8 hex
  digits), which the JS bundle computes from the challenge. ``/api/v2/public-data`` answers
  ``400 {"error":"browserTicketMissing"}`` without it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Callable
from datetime import datetime
from typing import Any

from aiohttp import web

from ashyq_replica.core import World
from ashyq_replica.govkz import articles, entities
from ashyq_replica.govkz.content import govkz_bodies, site_content
from ashyq_replica.govkz.files import human_size
from ashyq_replica.govkz.model import ALMATY, SiteContent, iso

TICKET_COOKIE = "_k6"
HASH_SALT = "|gov.kz"
DEFAULT_LANG = "ru"
Item = dict[str, Any]


def fnv1a32(text: str) -> str:
    value = 0x811C9DC5
    for byte in text.encode():
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return f"{value:08x}"


class Tickets:
    def __init__(self, world: World) -> None:
        self._key = hashlib.sha256(f"{world.seed}/k6".encode()).digest()

    def issue(self) -> str:
        nonce = secrets.token_hex(8)
        return f"{nonce}.{self._sign(nonce)}"

    def _sign(self, nonce: str) -> str:
        return hmac.new(self._key, nonce.encode(), "sha256").hexdigest()[:16]

    def valid(self, challenge: str | None) -> bool:
        if not challenge or "." not in challenge:
            return False
        nonce, signature = challenge.split(".", 1)
        return hmac.compare_digest(signature, self._sign(nonce))

    def browser_ticket(self, request: web.Request) -> bool:
        token, digest = request.headers.get("token"), request.headers.get("hash")
        return self.valid(token) and digest == fnv1a32(f"{token}{HASH_SALT}")

    def news_allowed(self, request: web.Request) -> bool:
        return self.valid(request.cookies.get(TICKET_COOKIE)) or self.browser_ticket(request)


def _json(data: Any, status: int = 200) -> web.Response:
    return web.json_response(data, status=status, dumps=lambda v: json.dumps(v, ensure_ascii=False))


def request_lang(request: web.Request) -> str:
    lang = request.query.get("lang") or request.headers.get("Accept-Language") or DEFAULT_LANG
    lang = lang.split(",")[0].split(";")[0].strip().lower()[:2]
    return lang if lang in ("kk", "ru", "en") else DEFAULT_LANG


# ---- serialisation, one function per content type ---------------------------------------------------


def _news(site: SiteContent, lang: str) -> list[Item]:
    return [
        {
            "id": n.id,
            "title": n.title[lang],
            "slug": n.slug,
            "body": n.body[lang],
            "created_date": iso(n.created),
            "heropic": n.heropic,
            "alt_image": n.title[lang],
            "short_description": n.short[lang],
            "hint": None,
            "comments_on": False,
            "projects": site.slug,
            "directions": [{"id": 14990, "title": n.direction[lang]}],
            "views": n.views,
        }
        for n in site.news
        if lang in n.title
    ]


def _documents(site: SiteContent, lang: str) -> list[Item]:
    from ashyq_replica.govkz.content import DIRECTIONS

    name = {"kk": site.body.names.kk, "ru": site.body.names.ru, "en": site.body.names.en or site.body.names.ru}[lang]
    return [
        {
            "id": d.id,
            "title": d.title[lang],
            "content": d.content[lang],
            "created_date": iso(d.created),
            "updated_date": iso(d.updated),
            "projects": site.slug,
            "full_text": [
                {
                    "document": d.upload.path,
                    "format": d.upload.ext,
                    "size": len(d.upload.data),
                    "size_text": human_size(len(d.upload.data), lang),
                }
            ],
            "gosorgan": {"items": [{"project_name": name}]},
            "activities": {"items": [{"title": d.activity[lang]}]},
            "directions": [{"id": DIRECTIONS[d.category], "title": d.category}],
        }
        for d in site.documents
        if lang in d.title
    ]


def _pages(site: SiteContent, lang: str) -> list[Item]:
    return [
        {
            "id": p.id,
            "slug": p.slug,
            "title": p.title[lang],
            "internal_link": p.internal_link,
            "order": p.order,
            "is_menu_item": p.is_menu_item,
            "content": p.content.get(lang, ""),
            "kind": p.kind,
            "category": p.category,
            "options": p.options,
            "description_seo": p.title[lang],
            "seo_title": p.title[lang],
            "projects": site.slug,
        }
        for p in site.pages
        if lang in p.title
    ]


def _curators(site: SiteContent, lang: str) -> list[Item]:
    return [
        {
            "id": c.id,
            "lastname": c.lastname,
            "name": c.name,
            "middlename": c.middlename,
            "position": c.position[lang],
            "level": {"items": [{"position": c.position[lang]}]},
            "photo": None,
            "phone": c.phone,
            "phone_number": c.phone,
            "public_reception_phone": "+7 7172 74-10-00",
            "email": c.email,
            "biography": f"<p>{c.biography[lang]}</p>",
            "biography_details": "",
            "order": c.order,
            "cur_directions": {"items": []},
            "projects": site.slug,
        }
        for c in site.curators
        if lang in c.position
    ]


def _events(site: SiteContent, lang: str) -> list[Item]:
    return [
        {
            "id": e.id,
            "title": e.title[lang],
            "event_date": iso(e.start),
            "event_date_end": iso(e.end),
            "projects": site.slug,
        }
        for e in site.events
        if lang in e.title
    ]


SERIALISERS: dict[str, Callable[[SiteContent, str], list[Item]]] = {
    "news": _news,
    "documents": _documents,
    "pages": _pages,
    "curators": _curators,
    "events": _events,
    "article": articles.serialise,  # not linked from any menu: asked by id (portals.md 1.2, 1.4)
}
DEFAULT_SORT = {
    "news": "created_date:DESC",
    "documents": "created_date:DESC",
    "pages": "order:ASC",
    "curators": "order:ASC",
    "events": "event_date:ASC",
    "article": "publication_date:DESC",
}
DATE_FIELDS = ("created_date", "event_date", "event_date_end", "updated_date", "publication_date")
RESERVED = ("page", "size", "sort-by", "lang", "_")
FILTER_OPS = ("eq", "contains", "neq", "gt", "lt", "gte", "lte")


class FilterError(Exception):
    """A filter the live API fails on with HTTP 500 (``created_date=gte:``)."""


def _parse_date(value: str) -> datetime:
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=ALMATY)


def _matches(item: Item, field: str, raw: str) -> bool:
    op, _, value = raw.partition(":") if raw.split(":", 1)[0].lower() in FILTER_OPS else ("eq", ":", raw)
    op = op.lower()
    if field == "created_date" and op == "gte":
        raise FilterError(field)
    actual = item.get(field)
    if field == "directions":
        actual = ",".join(str(d["id"]) for d in item.get("directions", []))
        return value in actual.split(",") if op in ("eq", "contains") else value not in actual.split(",")
    if field in DATE_FIELDS and op in ("gt", "lt", "gte", "lte") and actual:
        left, right = _parse_date(str(actual)), _parse_date(value)
        return {"gt": left > right, "lt": left < right, "gte": left >= right, "lte": left <= right}[op]
    text = "" if actual is None else str(actual)
    if op == "neq":
        return (value == "null" and actual is not None) or (value != "null" and text != value)
    if op == "contains":
        return value.lower() in text.lower()
    return text == value or text.lower() == value.lower()


_SERIALISED: dict[tuple[object, ...], list[Item]] = {}


def all_items(world: World, kind: str, lang: str) -> list[Item]:
    """Every body's items of one type in one language, serialised once per world content."""
    key = (world.content_key, kind, lang)
    if key not in _SERIALISED:
        _SERIALISED[key] = [
            item for body in govkz_bodies(world) for item in SERIALISERS[kind](site_content(world, body), lang)
        ]
        if kind == "pages":  # every entity's «Подведомственные организации» page
            _SERIALISED[key] += entities.subordinate_pages(world, lang)
    return _SERIALISED[key]


_INDEXED: dict[tuple[object, ...], dict[tuple[str, str], list[Item]]] = {}
INDEXED_FIELDS = ("projects", "id")


def _index(world: World, kind: str, lang: str) -> dict[tuple[str, str], list[Item]]:
    """The type's items by entity and by id (lower-cased text, as ``eq:`` compares), in the list's order."""
    key = (world.content_key, kind, lang)
    if key not in _INDEXED:
        index: dict[tuple[str, str], list[Item]] = {}
        for item in all_items(world, kind, lang):
            for field in INDEXED_FIELDS:
                text = "" if item.get(field) is None else str(item[field])
                index.setdefault((field, text.lower()), []).append(item)
        _INDEXED[key] = index
    return _INDEXED[key]


def _candidates(world: World, kind: str, params: dict[str, str], lang: str, known: set[str]) -> list[Item]:
    """The items the filters can keep: one entity's or one id's where an ``eq`` filter names it (a night
    that reads each of 3,000 entities' listings, or opens items one by one, scans no other entity's), else
    all. Only without a date filter, the one kind that can fail: its error is then the full list's."""
    applied = {f: raw for f, raw in params.items() if f not in RESERVED and raw and f in known}
    if any(f in DATE_FIELDS for f in applied):
        return list(all_items(world, kind, lang))
    for field in INDEXED_FIELDS:
        raw = applied.get(field)
        if raw is None:
            continue
        op, _, value = raw.partition(":") if raw.split(":", 1)[0].lower() in FILTER_OPS else ("eq", ":", raw)
        if op.lower() == "eq":
            return list(_index(world, kind, lang).get((field, value.lower()), []))
    return list(all_items(world, kind, lang))


def select(world: World, kind: str, params: dict[str, str], lang: str) -> list[Item]:
    """The list the API answers: filtered, sorted and paged. Raises FilterError for ``created_date=gte:``."""
    every = all_items(world, kind, lang)
    known = set(every[0]) if every else set()
    items = _candidates(world, kind, params, lang, known)
    for field, raw in params.items():
        # Unknown fields are ignored, as the CMS does with filters on fields a type lacks.
        if field not in RESERVED and raw and field in known:
            items = [item for item in items if _matches(item, field, raw)]
    sort_field, _, direction = (params.get("sort-by") or DEFAULT_SORT[kind]).partition(":")
    items.sort(
        key=lambda item: (item.get(sort_field) is None, item.get(sort_field) or 0), reverse=direction.upper() == "DESC"
    )
    page = max(_int(params.get("page"), 1), 1)
    size = min(max(_int(params.get("size"), 10), 1), 1000)
    return items[(page - 1) * size : page * size]


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _server_error(request: web.Request) -> web.Response:
    return _json(
        {
            "timestamp": datetime.now(ALMATY).isoformat(),
            "status": 500,
            "error": "Internal Server Error",
            "path": request.path,
        },
        status=500,
    )


def routes(world: World) -> list[web.RouteDef]:
    tickets = Tickets(world)

    async def content_list(request: web.Request) -> web.Response:
        kind = request.match_info["kind"]
        if kind == "projectdetails":
            return _entity_list(request)
        if kind not in SERIALISERS:
            return _json({"error": "notFound"}, status=404)
        if kind == "news" and not tickets.news_allowed(request):
            return _json({"error": "notAllowed"}, status=400)
        try:
            return _json(select(world, kind, dict(request.query), request_lang(request)))
        except (FilterError, ValueError):
            return _server_error(request)

    def _entity_list(request: web.Request) -> web.Response:
        """[GUESS] the entity list through the content API, paged like every type; with the
        ``entities-api`` outage only the site's own script (the browser ticket) is answered."""
        if "entities-api" in world.outages and not tickets.browser_ticket(request):
            return _json({"error": "notAllowed"}, status=400)
        items = entities.projectdetails(world, request_lang(request), request.query.get("projects"))
        page = max(_int(request.query.get("page"), 1), 1)
        size = min(max(_int(request.query.get("size"), 10), 1), 1000)
        return _json(items[(page - 1) * size : page * size])

    async def content_item(request: web.Request) -> web.Response:
        kind = request.match_info["kind"]
        if kind == "news" and not tickets.news_allowed(request):
            return _json({"error": "notAllowed"}, status=400)
        if kind not in SERIALISERS:
            return _json({"error": "notFound"}, status=404)
        found = select(world, kind, {"id": f"eq:{request.match_info['item_id']}", "size": "1"}, request_lang(request))
        return _json(found[0]) if found else _json({"error": "notFound"}, status=404)

    async def ticket(request: web.Request) -> web.Response:
        origin = request.headers.get("Origin", "")
        own = f"{request.scheme}://{request.host}"
        if request.content_type != "application/json" or origin not in ("https://www.gov.kz", own):
            return _json({"error": "forbidden"}, status=403)
        challenge = tickets.issue()
        response = _json({"status": "ok", "challenge": challenge})
        response.set_cookie(TICKET_COOKIE, challenge, path="/", httponly=True, samesite="Lax")
        return response

    async def public_data(request: web.Request) -> web.Response:
        if not tickets.browser_ticket(request):
            return _json({"error": "browserTicketMissing"}, status=400)
        try:
            payload = await request.json()
            paging = payload.get("data") or {}
            page, size = int(paging.get("page", 0)), min(int(paging.get("size", 20)), 100)
            slug, content_type = payload["project_slug"], payload["content_type_slug"]
        except (ValueError, KeyError, TypeError, AttributeError):
            return _json({"error": "badRequest"}, status=400)
        body = world.by_slug(slug)
        if content_type != "vr_question" or body is None:
            return _json({"error": "notFound"}, status=404)
        lang = request_lang(request)
        questions = sorted(
            (q for q in site_content(world, body).questions if q.lang == lang), key=lambda q: q.created, reverse=True
        )
        content = [
            {
                "id": q.id,
                "question": q.text,
                "category": q.category,
                "created_at": iso(q.created),
                "status": "answered" if q.answered else "pending",
                "answer": q.answer,
                "answered_at": iso(q.answered_at) if q.answered_at else None,
            }
            for q in questions[page * size : (page + 1) * size]
        ]
        return _json(
            {
                "content": content,
                "page": page,
                "size": size,
                "totalElements": len(questions),
                "totalPages": -(-len(questions) // size) if size else 0,
            }
        )

    return [
        web.get("/api/v1/public/content-manager/{kind}", content_list),
        web.get("/api/v1/public/content-manager/{kind}/{item_id}", content_item),
        web.post("/api/v1/public/_/c/k6", ticket),
        web.post("/api/v2/public-data", public_data),
    ]


def json_dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
