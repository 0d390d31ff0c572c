"""data.egov.kz replica: the catalogue AJAX endpoints, passports, the data API and the HTML pages.

Routes (portals.md section 2):

* ``GET|POST /datasets/getdatasetsre`` (``page`` from 1, ``count`` capped at 10, ``status``,
  ``byGovAgencyId``, ``categoryId``) → ``{"datasets": [...]}``; ``/datasets/getdatasetsrecount`` →
  ``{"totalCount": N}`` with the same filters;
* ``GET /meta/<index>/<version>`` passport JSON; ``GET /api/detailed/<index>/<version>?source=`` →
  ``{"totalCount", "data"}``; ``GET /api/v4/<index>/<version>?apiKey=&source=`` → a bare array;
* ``GET /datasets/view?index=`` passport HTML; ``GET /datasets/listbygovagency``.

Data formats chosen here: ``createdDate`` and ``modifiedDate`` are epoch milliseconds (UTC), in
the catalogue and the passport JSON alike; HTML dates are ``dd.mm.yyyy HH:MM`` (Asia/Almaty).
``datasetsCount`` is the number of versions, so the current version is ``v<datasetsCount>``.
[GUESS] ``govAgency.type`` values (``CENTRAL``, ``LOCAL``, ``QUASI``); the 403 body of ``/api/v4``
without a key; ``/datasets/listbygovagency?govAgencyId=`` listing one agency; the passport row
«Способ публикации» (API or manual) and its ``uploadType`` key in the passport JSON.
With ``world.faults == "flaky"`` some catalogue calls hang for a few seconds and some passport
pages answer with a reCAPTCHA, as the real portal does.
"""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta, timezone
from html import escape
from typing import Any

from aiohttp import web

from ashyq_replica.core import World, WorldBody
from ashyq_replica.portals.content.catalogue import portal_content
from ashyq_replica.portals.content.dataset_rows import dataset_records
from ashyq_replica.portals.content.model import Bilingual, Dataset
from ashyq_replica.portals.html import (
    not_found,
    page,
    page_number,
    pagination_script,
    request_lang,
    text,
    total_pages,
)

PAGE_CAP = 10  # the portal returns at most ten items whatever ``count`` asks
ALMATY = timezone(timedelta(hours=5))
HANG_SECONDS = 2.5
ACTUALIZE_LABELS: dict[str, Bilingual] = {
    "DAILY": Bilingual("Күн сайын", "Ежедневно"),
    "WEEKLY": Bilingual("Апта сайын", "Еженедельно"),
    "MONTHLY": Bilingual("Ай сайын", "Ежемесячно"),
    "QUARTERLY": Bilingual("Тоқсан сайын", "Ежеквартально"),
    "HALF_YEAR": Bilingual("Жарты жылда бір рет", "Раз в полгода"),
    "YEARLY": Bilingual("Жыл сайын", "Ежегодно"),
    "AS_NEEDED": Bilingual("Қажеттілігіне қарай", "По мере необходимости"),
}
AGENCY_TYPES = {"cgo": "CENTRAL", "mio": "LOCAL", "subordinate": "QUASI"}
WORLD_KEY = web.AppKey("world", World)
CATALOGUE_KEY = web.AppKey("catalogue", dict)


class CallCounter:
    def __init__(self) -> None:
        self.calls = 0

    def tick(self) -> int:
        self.calls += 1
        return self.calls


CALLS_KEY = web.AppKey("calls", CallCounter)


def epoch_ms(moment: datetime) -> int:
    return int(moment.replace(tzinfo=ALMATY).timestamp() * 1000)


def create_app(world: World) -> web.Application:
    app = web.Application()
    app[WORLD_KEY] = world
    catalogue: dict[str, tuple[Dataset, WorldBody]] = {}
    for body_id, content in portal_content(world).items():
        for dataset in content.datasets:
            catalogue[dataset.api_uri] = (dataset, world.body(body_id))
    app[CATALOGUE_KEY] = catalogue
    app[CALLS_KEY] = CallCounter()
    for path in ("/datasets/getdatasetsre", "/datasets/getdatasetsrecount"):
        app.router.add_route("GET", path, catalogue_endpoint)
        app.router.add_route("POST", path, catalogue_endpoint)
    app.router.add_get("/meta/{index}/{version}", meta)
    app.router.add_get("/api/detailed/{index}/{version}", detailed)
    app.router.add_get("/api/v4/{index}/{version}", api_v4)
    app.router.add_get("/api/v4/{index}", api_v4)
    app.router.add_get("/datasets/view", passport_page)
    app.router.add_get("/datasets/listbygovagency", list_by_agency)
    return app


def _flaky_turn(request: web.Request, every: int) -> bool:
    """Every ``every``-th call misbehaves when the world is flaky (deterministic, not random)."""
    if request.app[WORLD_KEY].faults != "flaky":
        return False
    return request.app[CALLS_KEY].tick() % every == 0


def _selected(request: web.Request, params: dict[str, str]) -> list[tuple[Dataset, WorldBody]]:
    status = params.get("status") or "PUBLISHED"
    agency = params.get("byGovAgencyId") or ""
    category = params.get("categoryId") or ""
    rows = [
        (d, b)
        for d, b in request.app[CATALOGUE_KEY].values()
        if status == "PUBLISHED"
        and (not agency or b.ids.data_gov_agency_id == agency)
        and (not category or d.category.id == category)
    ]
    rows.sort(key=lambda row: (row[0].modified, row[0].id), reverse=True)
    return rows


def _as_int(value: str | None, default: int) -> int:
    try:
        return int(value) if value else default
    except ValueError:
        return default


async def catalogue_endpoint(request: web.Request) -> web.Response:
    params: dict[str, str] = dict(request.query)
    if request.method == "POST":
        params.update({k: str(v) for k, v in (await request.post()).items()})
    if _flaky_turn(request, 7):
        await asyncio.sleep(HANG_SECONDS)
    rows = _selected(request, params)
    if request.path.endswith("count"):
        return web.json_response({"totalCount": len(rows)})
    count = min(max(1, _as_int(params.get("count"), PAGE_CAP)), PAGE_CAP)
    start = (max(1, _as_int(params.get("page"), 1)) - 1) * count
    return web.json_response({"datasets": [dataset_json(d, b) for d, b in rows[start : start + count]]})


def dataset_json(d: Dataset, body: WorldBody) -> dict[str, Any]:
    return {
        "id": d.id,
        "apiUri": d.api_uri,
        "nameRu": d.name.ru,
        "nameKk": d.name.kk,
        "nameEn": d.name_en,
        "descriptionRu": d.description.ru,
        "descriptionKk": d.description.kk,
        "descriptionEn": d.description_en,
        "status": "PUBLISHED",
        "createdDate": epoch_ms(d.created),
        "modifiedDate": epoch_ms(d.modified),
        "views": d.views,
        "downloads": d.downloads,
        "datasetsCount": d.versions_count,
        "govAgency": {
            "id": body.ids.data_gov_agency_id,
            "nameRu": body.names.ru,
            "nameKk": body.names.kk,
            "nameEn": body.names.en or "",
            "type": AGENCY_TYPES[body.kind],
            "isGovAgency": body.kind != "subordinate",
        },
        "responsible": {"phone": d.responsible_phone, "email": d.responsible_email},
        "categories": [
            {
                "id": d.category.id,
                "nameRu": d.category.name.ru,
                "nameKk": d.category.name.kk,
                "nameEn": d.category.name_en,
                "icon": "fa-database",
            }
        ],
        "keyWords": list(d.keywords),
        "actualizeType": d.actualize_type,
        "actual": d.actual,
    }


def _find(request: web.Request) -> Dataset | None:
    found = request.app[CATALOGUE_KEY].get(request.match_info.get("index") or request.query.get("index", ""))
    if found is None:
        return None
    dataset: Dataset = found[0]
    version = request.match_info.get("version", dataset.version)
    valid = {f"v{n}" for n in range(1, dataset.versions_count + 1)} | {"data"}
    return dataset if version in valid else None


def _json_not_found() -> web.Response:
    return web.json_response({"message": "index not found"}, status=404)


async def meta(request: web.Request) -> web.Response:
    d = _find(request)
    if d is None:
        return _json_not_found()
    passport = {
        "apiUri": d.api_uri,
        "nameKk": d.name.kk,
        "nameRu": d.name.ru,
        "nameEn": d.name_en,
        "descriptionKk": d.description.kk,
        "descriptionRu": d.description.ru,
        "descriptionEn": d.description_en,
        "modifiedDate": epoch_ms(d.modified),
        "fullnameKk": d.responsible_name.kk,
        "fullnameRu": d.responsible_name.ru,
        "keywords": list(d.keywords),
        "responsible": {
            "fullnameKk": d.responsible_name.kk,
            "fullnameRu": d.responsible_name.ru,
            "phone": d.responsible_phone,
            "email": d.responsible_email,
        },
        "uploadType": "API" if d.uploaded_by_api else "MANUAL",
        "fields": {
            f.name: {"type": f.type, "pk": f.name == "id", "labelKk": f.label.kk, "labelRu": f.label.ru, "labelEn": ""}
            for f in d.fields
        },
    }
    pretty = "pretty" in request.query
    return web.json_response(passport, dumps=lambda o: json.dumps(o, ensure_ascii=False, indent=2 if pretty else None))


def _source_window(request: web.Request, size_cap: int) -> tuple[int, int] | None:
    raw = request.query.get("source")
    if not raw:
        return 0, 10
    try:
        source = json.loads(raw)
        return max(0, int(source.get("from", 0))), min(size_cap, max(0, int(source.get("size", 10))))
    except (ValueError, TypeError, AttributeError):
        return None


async def detailed(request: web.Request) -> web.Response:
    d = _find(request)
    if d is None:
        return _json_not_found()
    window = _source_window(request, 5000)
    if window is None:
        return web.json_response({"message": "bad source"}, status=400)
    records = dataset_records(request.app[WORLD_KEY], d)
    start, size = window
    return web.json_response({"totalCount": len(records), "data": records[start : start + size]})


async def api_v4(request: web.Request) -> web.Response:
    key = request.query.get("apiKey", "")
    if len(key) != 32 or any(c not in "0123456789abcdefABCDEF" for c in key):
        return web.json_response({"message": "Access denied: a valid apiKey is required"}, status=403)
    d = _find(request)
    if d is None:
        return _json_not_found()
    window = _source_window(request, 10_000)
    if window is None:
        return web.json_response({"message": "bad source"}, status=400)
    start, size = window
    return web.json_response(dataset_records(request.app[WORLD_KEY], d)[start : start + size])


def _stamp(moment: datetime) -> str:
    return moment.strftime("%d.%m.%Y %H:%M")


RECAPTCHA_PAGE = (
    '<form method="post" action="/datasets/view"><div class="g-recaptcha" '
    'data-sitekey="6LdReplicaSiteKeyForTheOpenDataPortal00"></div>'
    '<script src="https://www.google.com/recaptcha/api.js"></script></form>'
)


async def passport_page(request: web.Request) -> web.Response:
    lang = request_lang(request)
    d = _find(request)
    if d is None:
        return not_found(lang)
    if _flaky_turn(request, 4):
        return page("reCAPTCHA", lang, RECAPTCHA_PAGE)
    body = request.app[CATALOGUE_KEY][d.api_uri][1]
    status = Bilingual("Жарияланған", "Опубликован")
    upload = Bilingual("API арқылы", "Через API") if d.uploaded_by_api else Bilingual("Қолмен", "Вручную")
    rows = (
        (Bilingual("Атауы", "Название"), text(d.name, lang)),
        (Bilingual("Сипаттамасы", "Описание"), text(d.description, lang)),
        (Bilingual("Мемлекеттік орган", "Государственный орган"), text(Bilingual(body.names.kk, body.names.ru), lang)),
        (Bilingual("Санат", "Категория"), text(d.category.name, lang)),
        (Bilingual("Өзектендіру түрі", "Тип актуализации"), text(ACTUALIZE_LABELS[d.actualize_type], lang)),
        (Bilingual("Орналастырылған күні", "Дата размещения"), _stamp(d.created)),
        (Bilingual("Жаңартылған күні", "Дата обновления"), _stamp(d.modified)),
        (Bilingual("Мәртебесі", "Статус"), text(status, lang)),
        (Bilingual("Жауапты тұлға", "Ответственное лицо"), text(d.responsible_name, lang)),
        (Bilingual("Жариялау тәсілі", "Способ публикации"), text(upload, lang)),
    )
    passport = "".join(f"<tr><td>{text(label, lang)}</td><td>{value}</td></tr>" for label, value in rows)
    columns = Bilingual("Өріс", "Поле"), Bilingual("Түрі", "Тип"), Bilingual("Белгісі", "Подпись")
    head = "".join(f"<th>{text(c, lang)}</th>" for c in columns)
    fields = "".join(
        f"<tr><td>{escape(f.name)}</td><td>{f.type}</td><td>{text(f.label, lang)}</td></tr>" for f in d.fields
    )
    tabs = "".join(f'<li class="version" type="v{n}"><a href="#">v{n}</a></li>' for n in range(1, d.versions_count + 1))
    html = (
        f'<h1>{text(d.name, lang)}</h1>\n<table class="table passport"><tbody>{passport}</tbody></table>\n'
        f'<ul class="nav nav-tabs versions">{tabs}</ul>\n'
        f'<table class="table fields"><thead><tr>{head}</tr></thead><tbody>{fields}</tbody></table>'
    )
    script = f"<script>\nvar index = '{d.api_uri}';\nvar currentVersion = '{d.version}';\n</script>"
    return page(d.name.get(lang), lang, html, script)


async def list_by_agency(request: web.Request) -> web.Response:
    lang = request_lang(request)
    world: World = request.app[WORLD_KEY]
    agency = request.query.get("govAgencyId", "")
    if not agency:
        counts: dict[str, int] = {}
        for _d, b in request.app[CATALOGUE_KEY].values():
            counts[b.id] = counts.get(b.id, 0) + 1
        items = "".join(
            f'<li><a href="/datasets/listbygovagency?govAgencyId={b.ids.data_gov_agency_id}">'
            f"{escape(getattr(b.names, lang))}</a> "
            f'<span class="badge">{counts.get(b.id, 0)}</span></li>'
            for b in world.bodies
            if b.ids.data_gov_agency_id
        )
        title = "Мемлекеттік органдар" if lang == "kk" else "Государственные органы"
        return page(title, lang, f'<h1>{title}</h1><ul class="agencies">{items}</ul>')
    rows = _selected(request, {"byGovAgencyId": agency})
    number = page_number(request)
    shown = rows[(number - 1) * PAGE_CAP : number * PAGE_CAP]
    items = "".join(
        f'<div class="dataset-item"><a href="/datasets/view?index={d.api_uri}">{text(d.name, lang)}</a>'
        f' <span class="date">{_stamp(d.modified)}</span></div>'
        for d, _b in shown
    )
    pages = total_pages(len(rows), PAGE_CAP)
    return page(
        agency, lang, f'<div class="datasets">{items}</div><ul id="pagination"></ul>', pagination_script(pages, number)
    )
