"""Test-only harvest of the replica world for the content checks (A15, A16 sections, T7).

The real harvest is others' work; this builds :class:`BodyArtifacts` straight from the running
replica so the checks can be measured against the ground truth: gov.kz bodies from the JSON API
(content-manager lists, the k6 ticket for news, GraphQL contacts, the virtual reception with a
browser ticket computed as the site's bundle does), classic sites from their sitemap, and mobile
renderings — for gov.kz (a responsive React site) built from the same API content as a phone
would show it, for a classic site fetched from its mobile host.
"""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from ashyq_replica.core import World, WorldBody
from ashyq_replica.govkz.api import HASH_SALT, fnv1a32

from ashyq.base.artifacts import BodyArtifacts, Measurement, PageSnapshot, PortalRecord

GOVKZ = "https://www.gov.kz"
KINDS = {"documents": "document", "pages": "page", "curators": "curator", "events": "event", "news": "news"}


def _local(urls: dict[str, str], real: str) -> str:
    parts = urlsplit(real)
    base = urls[f"{parts.scheme}://{parts.netloc}"]
    return base + real[len(f"{parts.scheme}://{parts.netloc}") :]


async def _govkz(session: aiohttp.ClientSession, urls: dict[str, str], body: WorldBody) -> list[PortalRecord]:
    slug = body.ids.govkz_slug
    api = f"{GOVKZ}/api/v1/public/content-manager"
    records: list[PortalRecord] = []
    async with session.post(
        _local(urls, f"{GOVKZ}/api/v1/public/_/c/k6"), json={}, headers={"Origin": GOVKZ}
    ) as answer:
        challenge = (await answer.json())["challenge"]
    for lang in ("kk", "ru"):
        for kind, record_kind in KINDS.items():
            real = f"{api}/{kind}?projects=eq:{slug}&size=1000&lang={lang}"
            async with session.get(_local(urls, real), cookies={"_k6": challenge}) as answer:
                items = await answer.json()
            records += [PortalRecord("govkz", record_kind, item, real, lang, str(item.get("id"))) for item in items]
            records.append(
                PortalRecord(
                    "govkz",
                    "coverage",
                    {"content": kind if kind != "news" else "news", "measurable": True, "count": len(items)},
                    real,
                    lang,
                )
            )
        query = {
            "query": "query C($projects: String, $lang: String) { contacts_page(projects: $projects, _lang: $lang)"
            " { id projects organisations } }",
            "variables": {"projects": f"eq:{slug}", "lang": lang},
        }
        async with session.post(_local(urls, f"{GOVKZ}/graphql"), json=query) as answer:
            for entry in (await answer.json())["data"]["contacts_page"]:
                records.append(PortalRecord("govkz", "contacts", entry, f"{GOVKZ}/graphql", lang, str(entry["id"])))
        ticket = {"token": challenge, "hash": fnv1a32(challenge + HASH_SALT), "Accept-Language": lang}
        payload = {"data": {"page": 0, "size": 100}, "project_slug": slug, "content_type_slug": "vr_question"}
        async with session.post(_local(urls, f"{GOVKZ}/api/v2/public-data"), json=payload, headers=ticket) as answer:
            questions = (await answer.json())["content"]
        records += [
            PortalRecord("govkz", "vr_question", q, f"{GOVKZ}/api/v2/public-data", lang, str(q["id"]))
            for q in questions
        ]
        records.append(
            PortalRecord(
                "govkz",
                "coverage",
                {"content": "vr_question", "measurable": True, "count": len(questions)},
                f"{GOVKZ}/api/v2/public-data",
                lang,
            )
        )
    return records


def _govkz_mobile(records: list[PortalRecord], lang: str) -> list[Measurement]:
    """What a phone shows of each menu page: the same API content in one column."""
    mine = [r for r in records if r.lang == lang]
    menu = "".join(f"<li>{r.payload['title']}</li>" for r in mine if r.kind == "page")
    out = []
    for page in (r for r in mine if r.kind == "page"):
        p = page.payload
        inner = str(p.get("content") or "")
        if p.get("kind") == "contacts":
            for c in (r for r in mine if r.kind == "contacts"):
                inner += "".join(
                    f"<p>{o.get('name')} {o.get('address') or ''} {' '.join(o.get('phones') or [])} "
                    f"{o.get('email') or ''} {' '.join(o.get('links') or [])}</p>"
                    for o in c.payload["organisations"]
                )
        elif p.get("kind") == "structure":
            inner += "".join(
                f"<p>{c.payload['position']} {c.payload['lastname']} {c.payload['phone']}</p>"
                for c in mine
                if c.kind == "curator"
            )
        elif p.get("kind") == "news":
            inner += "".join(
                f"<p>{n.payload['created_date'][:10]} {n.payload['title']}</p>" for n in mine if n.kind == "news"
            )
        elif p.get("kind") == "documents":
            inner += "".join(
                f"<p>{d.payload['title']}</p>"
                for d in mine
                if d.kind == "document"
                and any(x.get("title") == p.get("category") for x in d.payload.get("directions") or [])
            )
        url = f"{GOVKZ}/memleket/entities/{p['projects']}{p['internal_link']}?lang={lang}"
        html = f"<html><body><nav><ul>{menu}</ul></nav><main><h1>{p['title']}</h1>{inner}</main></body></html>"
        out.append(Measurement("mobile", url, {"html": html, "profile": "android"}, lang, "mobile:android"))
    return out


async def _classic(
    session: aiohttp.ClientSession, urls: dict[str, str], host: str, mobile_host: str | None
) -> tuple[list[PageSnapshot], list[Measurement]]:
    async with session.get(_local(urls, f"https://{host}/sitemap.xml")) as answer:
        locations = re.findall(r"<loc>([^<]+)</loc>", await answer.text())
    pages, mobile = [], []
    for real in locations:
        lang_match = re.search(r"/(kk|ru)/|lang=(kk|ru)", real)
        lang = next(g for g in lang_match.groups() if g) if lang_match else None
        async with session.get(_local(urls, real), allow_redirects=False) as answer:
            if answer.status == 200:
                pages.append(PageSnapshot(real, lang, await answer.text(), status=200))
        if mobile_host:
            mobile_real = real.replace(f"https://{host}", f"https://{mobile_host}")
            async with session.get(_local(urls, mobile_real), allow_redirects=False) as answer:
                if answer.status == 200:
                    mobile.append(
                        Measurement("mobile", mobile_real, {"html": await answer.text()}, lang, "mobile:android")
                    )
    return pages, mobile


async def _harvest(world: World, urls: dict[str, str]) -> dict[str, BodyArtifacts]:
    out = {}
    async with aiohttp.ClientSession() as session:
        for body in world.bodies:
            if body.kind not in ("cgo", "mio"):
                continue
            artifacts = BodyArtifacts(body.id, body.kind, world.as_of)
            if body.site == "govkz":
                artifacts.records = await _govkz(session, urls, body)
                artifacts.measurements = _govkz_mobile(artifacts.records, "kk") + _govkz_mobile(artifacts.records, "ru")
            else:
                host = str(body.classic_host)
                mobile_host = f"m.{host.removeprefix('www.')}"
                known = f"https://{mobile_host}" in urls
                artifacts.pages, artifacts.measurements = await _classic(
                    session, urls, host, mobile_host if known else None
                )
            out[body.id] = artifacts
    return out


def harvest(world: World, urls: dict[str, str]) -> dict[str, BodyArtifacts]:
    return asyncio.run(_harvest(world, urls))


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)
