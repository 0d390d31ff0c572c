# ruff: noqa: E501
"""One-off: write the outside sites as folders of files (pages, site.yaml, truth.yaml, search index)
from the code that printed them, at the world's default date. Run once, then the printing code goes."""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import shutil
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urljoin, urlsplit

import yaml
from aiohttp.test_utils import TestClient, TestServer

from ashyq_replica.core import DEFAULT_AS_OF
from ashyq_replica.outside import EXCLUDED, SITES, altynkol, archives, geology, nadzor
from ashyq_replica.outside import altynkol_site, archives_site, geology_site, nadzor_site
from ashyq_replica.outside.compose import body
from ashyq_replica.outside.folder import SITES_DIR, file_name, suffix_for
from ashyq_replica.outside.model import truth

AS_OF = DEFAULT_AS_OF
GENERATED = ("/img/", "/files/")
PHONE = {"User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148"}


def _links(url: str, kind: str, text: str) -> list[str]:
    found: list[str] = []
    if "html" in kind:
        found += [unescape(h) for h in re.findall(r'(?:href|src)="([^"#]+)"', text)]
    if "xml" in kind:
        found += [unescape(h) for h in re.findall(r"<(?:loc|link)>([^<]+)</", text)]
    if "json" in kind:
        data = json.loads(text)

        def walk(node: Any) -> None:
            if isinstance(node, dict):
                for k, v in node.items():
                    if k == "path" and isinstance(v, str):
                        found.append(v)
                    elif k == "html" and isinstance(v, str):
                        found.extend(unescape(h) for h in re.findall(r'href="([^"#]+)"', v))
                    else:
                        walk(v)
            elif isinstance(node, list):
                for v in node:
                    walk(v)

        walk(data)
    return [urljoin(url, h) for h in found]


async def crawl(clients: dict[str, TestClient], seeds: list[str], spa: bool) -> dict[str, dict[str, Any]]:
    """URL → answer of every URL reachable from the seeds on the site's own hosts."""
    seen: dict[str, dict[str, Any]] = {}
    queue = list(seeds)
    while queue:
        url = queue.pop(0)
        parts = urlsplit(url)
        if parts.hostname not in clients or any(parts.path.startswith(g) for g in GENERATED):
            continue
        url = f"https://{parts.hostname}{parts.path}" + (f"?{parts.query}" if parts.query else "")
        if url in seen:
            continue
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        answer = await clients[parts.hostname or ""].get(target, allow_redirects=False)
        data = await answer.read()
        kind = answer.headers.get("Content-Type", "")
        seen[url] = {"status": answer.status, "type": kind, "body": data, "location": answer.headers.get("Location")}
        if answer.status in (301, 302):
            queue.append(urljoin(url, answer.headers["Location"]))
            continue
        text = data.decode("utf-8", "replace")
        links = _links(url, kind, text) if any(k in kind for k in ("html", "xml", "json")) else []
        for link in links:
            queue.append(link)
            lp = urlsplit(link)
            if spa and lp.hostname == parts.hostname and lp.path[:4] in ("/kk/", "/ru/", "/en/", "/kk", "/ru", "/en"):
                for path in {lp.path, lp.path.rstrip("/") if lp.path.count("/") > 1 else lp.path}:
                    queue.append(f"https://{lp.hostname}/api/v1/page?path={path}")
    return seen


def write_answers(site_dir: Path, seen: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Write every answer with a body as a file; return per host what is not a file."""
    hosts: dict[str, dict[str, Any]] = {}
    for url, a in sorted(seen.items()):
        parts = urlsplit(url)
        host = hosts.setdefault(parts.hostname or "", {"redirects": {}, "status": {}})
        if a["status"] in (301, 302):
            host["redirects"][parts.path] = a["location"]
            continue
        name = file_name(parts.path, dict(parse_qsl(parts.query, keep_blank_values=True)))
        kind = a["type"].split(";")[0]
        name += suffix_for(name, kind)
        path = site_dir / (parts.hostname or "") / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(a["body"])
        if a["status"] != 200:
            host["status"][name] = a["status"]
        if kind == "application/rss+xml":
            host.setdefault("types", {})[name] = kind
    return hosts


async def capture(client: TestClient, target: str, dest: Path, method: str = "GET", **kw: Any) -> tuple[int, str]:
    answer = await client.request(method, target, allow_redirects=False, **kw)
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(await answer.read())
    return answer.status, answer.headers.get("Content-Type", "")


def sentinel(field: str, valid: bool, rule: str) -> str:
    return f"\x02{field}{'@' if valid and rule == 'email' else ''}\x03" if valid or rule == "email" else ""


async def capture_form(
    client: TestClient, host_dir: Path, form_id: str, target: str, rules: dict[str, str]
) -> dict[str, Any]:
    """The answers to a form sent with every combination of wrong fields, values left as placeholders."""
    fields = list(rules)
    folder = f"_forms/{form_id}"
    for n in range(len(fields) + 1):
        for wrong in itertools.combinations(fields, n):
            values = {f: sentinel(f, f not in wrong, rules[f]) for f in fields}
            answer = await client.post(target, data=values, allow_redirects=False)
            text = (await answer.text()).replace("\x02", "{{value:").replace("\x03", "}}")
            text = re.sub(r"\{\{value:(\w+)@\}\}", r"{{value:\1}}", text)
            assert answer.status == 200, (target, answer.status)
            name = "+".join(sorted(wrong)) or "sent"
            dest = host_dir / folder / f"{name}.html"
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(text, encoding="utf-8")
    return {"folder": folder, "fields": rules}


def search_index(pages: Any, ctx: Any, look: Any, url: Any, langs: tuple[str, ...], skip_home: bool) -> dict[str, list[dict[str, str]]]:
    out: dict[str, list[dict[str, str]]] = {}
    for lang in langs:
        rows = []
        for p in pages:
            if skip_home and not p.key:
                continue
            row = {"title": p.title[lang], "path": url(p.key, lang), "text": body(p, ctx, lang, look)}
            if not p.title[lang]:
                row["label"] = ctx.names[lang]
            if getattr(p, "parent", None):
                row["section"] = p.parent
            rows.append(row)
        out[lang] = rows
    return out


def layout_template(html: str) -> str:
    return html.replace("\x02Q\x03", "{{query}}").replace("\x02R\x03", "{{results}}")


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(path: Path, data: Any) -> None:
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)
    path.write_text(text, encoding="utf-8")


def truth_data(spec: Any) -> dict[str, Any]:
    return {
        "site": spec.id,
        "as_of": AS_OF.isoformat(),
        "verdicts": [
            {"item": v.item, "lang": v.lang or "-", "status": v.status, "reason": v.reason, "where": list(v.where)}
            for v in truth(spec)
        ],
    }


async def export() -> None:
    if SITES_DIR.exists():
        shutil.rmtree(SITES_DIR)
    for site in SITES:
        spec = site.spec(AS_OF)
        clients = {host: TestClient(TestServer(factory(AS_OF))) for host, factory in site.servers}
        for c in clients.values():
            await c.start_server()
        try:
            site_dir = SITES_DIR / site.id
            seeds = [f"https://{h}{p}" for h in clients for p in ("/", "/robots.txt", "/sitemap.xml")]
            for page in spec.pages:
                for lang in page.langs:
                    seeds.append(urljoin(f"https://{spec.host}/", spec.url(page.key, lang, False)))
            for page in spec.mobile_pages or ():
                for lang in page.langs:
                    seeds.append(urljoin(f"https://{spec.host}/", spec.url(page.key, lang, True)))
            for v in truth(spec):
                seeds += [urljoin(f"https://{spec.host}/", w) for w in v.where]
            if site.id == "archives":
                seeds += [f"https://{spec.host}/api/v1/site?lang={lang}" for lang in ("kk", "ru", "en")]
                seeds += [f"https://{spec.host}/assets/app.js", f"https://{spec.host}/assets/app.css"]
                seeds += [f"https://{spec.host}/rss/{k}-{lang}.xml" for k in ("news", "tenders") for lang in ("kk", "ru")]
            seen = await crawl(clients, seeds, site.id == "archives")
            hosts = write_answers(site_dir, seen)
            extra = await SITE_EXTRAS[site.id](clients, site_dir, hosts)
            data = {
                "id": spec.id,
                "kind": spec.kind,
                "names": dict(spec.names),
                "style": spec.style,
                "as_of": AS_OF.isoformat(),
                "hosts": [
                    {"host": h, **{k: v for k, v in hosts.get(h, {}).items() if v}, **extra.get(h, {})} for h in clients
                ],
            }
            dump(site_dir / "site.yaml", data)
            dump(site_dir / "truth.yaml", truth_data(spec))
        finally:
            for c in clients.values():
                await c.close()
    dump(SITES_DIR / "excluded.yaml", dict(EXCLUDED))


SEARCH_WORDING = {
    "geology": {
        "kk": {"empty": "<h1>Іздеу нәтижелері</h1><p>—</p>", "found": "<h1>Іздеу нәтижелері</h1><ol>{items}</ol>", "none": "<h1>Іздеу нәтижелері</h1><p>Ештеңе табылмады</p>"},
        "ru": {"empty": "<h1>Результаты поиска</h1><p>—</p>", "found": "<h1>Результаты поиска</h1><ol>{items}</ol>", "none": "<h1>Результаты поиска</h1><p>Ничего не найдено</p>"},
    },
    "nadzor": {
        "kk": {"empty": "", "found": "<ol>{items}</ol>", "none": "<p>Ештеңе табылмады</p>"},
        "ru": {"empty": "", "found": "<ol>{items}</ol>", "none": "<p>Ничего не найдено</p>"},
    },
    "altynkol": {
        lang: {"empty": "<p>—</p>", "found": "<p>«{query}»: {count}</p><ol>{items}</ol>", "none": "<p>«{query}»: 0</p><ol></ol>"}
        for lang in ("kk", "ru")
    },
}
ITEM = '<li><a href="{path}">{title}</a></li>'


def _search_rule(site: str, lang: str, path: str, query: dict[str, str], template: str, limit: int | None = None) -> dict[str, Any]:
    rule: dict[str, Any] = {"path": path, "lang": lang, "param": "q", "page": template}
    if query:
        rule["query"] = query
    if limit:
        rule["max_length"] = limit
    rule.update(SEARCH_WORDING[site][lang])
    rule["item"] = ITEM
    return rule


async def geology_extra(clients: dict[str, TestClient], site_dir: Path, hosts: dict[str, Any]) -> dict[str, Any]:
    host = geology.HOST
    hd = site_dir / host
    ctx = geology.context(AS_OF)
    searches, forms, missing = [], [], []
    for lang in ("kk", "ru"):
        code = geology.CODE[lang]
        tpl = f"_search/{lang}.html"
        (hd / tpl).parent.mkdir(parents=True, exist_ok=True)
        (hd / tpl).write_text(layout_template(geology_site.layout(ctx, lang, "Search", "\x02R\x03")), encoding="utf-8")
        searches.append(_search_rule("geology", lang, "/index.php", {"lang": code, "mod": "search"}, tpl))
        form = await capture_form(clients[host], hd, f"feedback-{lang}", f"/index.php?lang={code}&mod=feedback", dict.fromkeys(("name", "email", "text"), "required"))
        forms.append({"path": "/index.php", "query": {"lang": code, "mod": "feedback"}, **form})
        status, _ = await capture(clients[host], f"/index.php?lang={code}&id=__none__", hd / f"_errors/404-{lang}.html")
        missing.append({"path": "/index.php", "query": {"lang": code}, "file": f"_errors/404-{lang}.html", "status": status})
    # a page of the ministry with no language named is in Russian
    missing.append({"path": "/index.php", "file": "_errors/404-ru.html", "status": 404})
    status, _ = await capture(clients[host], "/m/?lang=ru&p=__none__", hd / "_errors/404-mobile.html")
    missing.append({"path": "/m/", "file": "_errors/404-mobile.html", "status": status})
    # the search index: the pages' content area, as the site's own search reads it
    dump(site_dir / "search.yaml", search_index(geology.PAGES, ctx, geology.LOOK, geology.url, ("kk", "ru"), False))
    return {host: {"generated": {"/img/": "image", "/files/": "file"}, "search": searches, "forms": forms, "not_found": missing}}


async def nadzor_extra(clients: dict[str, TestClient], site_dir: Path, hosts: dict[str, Any]) -> dict[str, Any]:
    host = nadzor.HOST
    hd = site_dir / host
    ctx = nadzor.context(AS_OF)
    searches, forms = [], []
    for lang in ("kk", "ru"):
        code = nadzor.CODE[lang]
        tpl = f"_search/{lang}.html"
        (hd / tpl).parent.mkdir(parents=True, exist_ok=True)
        title = "Іздеу" if lang == "kk" else "Поиск"
        (hd / tpl).write_text(layout_template(nadzor_site.layout(ctx, lang, "search", title, "\x02R\x03", query="\x02Q\x03")), encoding="utf-8")
        searches.append(_search_rule("nadzor", lang, f"/{code}/search", {}, tpl, 15))
        form = await capture_form(clients[host], hd, f"feedback-{lang}", f"/{code}/feedback", dict.fromkeys(("name", "phone", "text"), "required"))
        forms.append({"path": f"/{code}/feedback", **form})
    dump(site_dir / "search.yaml", search_index(nadzor.PAGES, ctx, nadzor_site.LOOK, nadzor.url, ("kk", "ru"), True))
    return {host: {"generated": {"/img/": "image", "/files/": "file"}, "search": searches, "forms": forms}}


async def altynkol_extra(clients: dict[str, TestClient], site_dir: Path, hosts: dict[str, Any]) -> dict[str, Any]:
    host, mhost = altynkol.HOST, altynkol.MOBILE_HOST
    hd = site_dir / host
    ctx = altynkol.context(AS_OF)
    searches, forms, missing = [], [], []
    rules = {"name": "required", "email": "email", "text": "required"}
    for lang in ("kk", "ru"):
        tpl = f"_search/{lang}.html"
        (hd / tpl).parent.mkdir(parents=True, exist_ok=True)
        title = "Іздеу" if lang == "kk" else "Поиск"
        (hd / tpl).write_text(layout_template(altynkol_site.layout(ctx, lang, "search", title, "\x02R\x03", query="\x02Q\x03")), encoding="utf-8")
        searches.append(_search_rule("altynkol", lang, f"/{lang}/search", {}, tpl))
        form = await capture_form(clients[host], hd, f"feedback-{lang}", f"/{lang}/feedback", rules)
        forms.append({"path": f"/{lang}/feedback", **form})
        status, _ = await capture(clients[host], f"/{lang}/__none__", hd / f"_errors/404-{lang}.html")
        missing.append({"prefix": f"/{lang}/", "file": f"_errors/404-{lang}.html", "status": status})
    status, _ = await capture(clients[mhost], "/__none__", site_dir / mhost / "_errors/404.html")
    dump(site_dir / "search.yaml", search_index(altynkol.PAGES, ctx, altynkol_site.LOOK, altynkol.url, ("kk", "ru"), False))
    phone = {
        "agents": ["Mobile", "Android", "iPhone", "iPad"],
        "to": f"https://{mhost}/",
        "stay": {"query": "full", "cookie": "site_version", "value": "full"},
        "keep": ["/robots.txt", "/sitemap.xml", "/img/", "/files/"],
    }
    return {
        host: {"generated": {"/img/": "image", "/files/": "file"}, "mobile_users": phone, "search": searches, "forms": forms, "not_found": missing},
        mhost: {"generated": {"/img/": "image", "/files/": "file"}, "not_found": [{"prefix": "/", "file": "_errors/404.html", "status": status}]},
    }


async def archives_extra(clients: dict[str, TestClient], site_dir: Path, hosts: dict[str, Any]) -> dict[str, Any]:
    host = archives.HOST
    ctx = archives.context(AS_OF)
    index = search_index(archives.PAGES, ctx, archives_site.LOOK, archives.url, ("kk", "ru"), False)
    for rows in index.values():
        for row in rows:
            row.pop("label", None)
    dump(site_dir / "search.yaml", index)
    errors = {field: {"kk": kk, "ru": ru} for field, (kk, ru) in archives_site.APPEAL_ERRORS.items()}
    return {
        host: {
            "generated": {"/img/": "image", "/files/": "file"},
            "shell": {"file": "index.html", "paths": ["/", "/kk", "/ru", "/en"], "prefixes": ["/kk/", "/ru/", "/en/"]},
            "json_search": {"path": "/api/v1/search", "langs": ["kk", "ru", "en"], "searched": ["kk", "ru"]},
            "json_forms": [
                {
                    "path": "/api/v1/appeal",
                    "fields": {"name": "required", "email": "email", "text": "min10"},
                    "messages": errors,
                    "number": f"ЖТ-{AS_OF.year}-" + "{size:05d}",
                }
            ],
            "replies": [{"method": "POST", "path": "/api/v1/poll", "json": {"ok": True}}],
        }
    }


SITE_EXTRAS = {"geology": geology_extra, "nadzor": nadzor_extra, "altynkol": altynkol_extra, "archives": archives_extra}

if __name__ == "__main__":
    asyncio.run(export())
