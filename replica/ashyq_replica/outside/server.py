"""One server for every outside site: it answers from the site's folder as its ``site.yaml`` says.

An address is answered, in this order: the anti-DDoS front before the host (``rate_limit``: a client sending more than
``requests`` in ``per`` seconds answered 429 with ``Retry-After``; ``challenge``: a client without the clearance cookie
answered the interstitial whose script computes the token, sets the cookie and reloads); a phone sent to the separate
mobile host (``mobile_users``);
a redirect (``redirects``, 302); a generated image or download (``generated``: the small generators of
:mod:`ashyq_replica.outside.serve`, ``media`` for a folder of both told apart by suffix); a search
(``search``, ``json_search``) run over the site's ``search.yaml`` (its part for the language, or the part a search
names by ``index`` when a second host of the site searches its own pages, a documents register; one kept at a page's
own address, ``with_param``, only when its parameter is sent); a form sent (``forms``: the answer kept for the fields
it got wrong, its values put back; ``json_forms``); a fixed reply (``replies``); a postback of an ASP.NET
page (``postbacks``: the answer kept per
``__EVENTTARGET`` and ``__EVENTARGUMENT`` the page's script sends); a call of a Livewire-like server component
(``live``: the JSON its script posts, the answer kept per component and call); a data grid's read
(``post_json``: the JSON request its script posts, ``{"page": 2, "pageSize": 10, "sort": …, "filter": …}``,
answered by the file kept for the value of one of its fields, ``<folder>/page-2.json``); a GraphQL endpoint
(``graphql``: the JSON its script posts, ``{"operationName", "query", "variables"}``, answered by the file kept for
the operation and its variables, ``<folder>/<operation>/index@<variables as a query>.json``, a site search run over
``search.yaml``, a mutation answered alike whatever it sends; anything else a GraphQL error); the file kept for the
address (:func:`ashyq_replica.outside.folder.file_name`, its status in ``status``, its content type by suffix
or ``types``; a name starting with ``_`` only under a ``public`` prefix such as a framework's ``_next/``;
a host whose language is a session's, ``session_language``, keeps a folder per language
and answers in the one the visitor chose last, the choice kept in a cookie, what all languages share
outside those folders; a host whose pages are kept in another encoding, ``charset``, sends them and what it makes
in that one); the script-built site's one page (``shell``); the host's page for a missing address
(``not_found``: by ``path`` and ``query``, ``prefix`` or a
``pattern`` the whole path matches); otherwise a plain 404.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import time
from collections import deque
from collections.abc import Callable
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

from aiohttp import web

from ashyq_replica.outside.folder import TYPES, SiteFolder, file_name, load_sites
from ashyq_replica.outside.serve import file_bytes, image_bytes


def _matches(rule: dict[str, Any], request: web.Request) -> bool:
    method = rule.get("method", "GET")
    if request.method != method and not (method == "GET" and request.method == "HEAD"):
        return False
    if "prefix" in rule:
        return request.path.startswith(rule["prefix"])
    if "pattern" in rule:
        return re.fullmatch(rule["pattern"], request.path) is not None
    if rule["path"] != request.path:
        return False
    return all(request.query.get(k) == v for k, v in rule.get("query", {}).items())


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a name too long for the file system is no file of the site
        return False


def _valid(rule: str, value: str) -> bool:
    if rule == "email":
        return bool(value) and "@" in value
    if rule == "min10":
        return len(value) >= 10
    return bool(value)


def clearance_token(nonce: str, rounds: int) -> str:
    """The token the front's interstitial script computes: FNV-1a (32 bits) over ``<nonce>:<round>`` for each round,
    as eight hex digits (the script does the same with ``Math.imul``)."""
    return _clearance(nonce, rounds)


@lru_cache(maxsize=256)
def _clearance(nonce: str, rounds: int) -> str:
    h = 0x811C9DC5
    for r in range(rounds):
        for ch in f"{nonce}:{r}":
            h = ((h ^ ord(ch)) * 0x01000193) & 0xFFFFFFFF
    return f"{h:08x}"


class RateLimit:
    """A front's limit on each client's pace: at most ``requests`` in any ``per`` seconds. A request over it is refused
    with the whole seconds until the oldest counted one leaves the window (the answer's ``Retry-After``) and is not
    counted itself, so a client that waits as told is served."""

    def __init__(self, requests: int, per: float, clock: Callable[[], float]) -> None:
        self.requests, self.per, self.clock = requests, per, clock
        self.seen: dict[str, deque[float]] = {}

    def wait(self, client: str) -> int:
        """0 when ``client`` may be served now (the request is counted), else the seconds it must wait."""
        now = self.clock()
        times = self.seen.setdefault(client, deque())
        while times and times[0] <= now - self.per:
            times.popleft()
        if len(times) >= self.requests:
            return max(1, math.ceil(times[0] + self.per - now))
        times.append(now)
        return 0


class HostServer:
    """The answers of one host of a site."""

    def __init__(self, site: SiteFolder, spec: dict[str, Any], clock: Callable[[], float] = time.monotonic) -> None:
        self.site = site
        self.spec = spec
        self.root = site.root / spec["host"]
        # a host whose pages are kept and sent in another encoding (a 2000s portal's windows-1251) says so
        self.charset = str(spec.get("charset", "utf-8"))
        limit = spec.get("rate_limit")
        self.limit = RateLimit(int(limit["requests"]), float(limit["per"]), clock) if limit else None

    def text(self, name: str) -> str:
        return (self.root / name).read_text(encoding=self.charset)

    def page(self, text: str) -> web.Response:
        """A page made here (a search's results, a form's answer) in the host's encoding; a letter the encoding
        lacks (Kazakh in windows-1251) written as a numeric character reference, as such sites wrote it."""
        body = text.encode(self.charset, "xmlcharrefreplace")
        return web.Response(body=body, content_type="text/html", charset=self.charset)

    def kept(self, name: str, status: int | None = None) -> web.Response | None:
        for candidate in (name, *(name + suffix for suffix in TYPES)):
            path = self.root / candidate
            if self._hidden(candidate) or ".." in Path(candidate).parts or not _is_file(path):
                continue
            kind = self.spec.get("types", {}).get(candidate) or TYPES.get(path.suffix, "application/octet-stream")
            code = status or self.spec.get("status", {}).get(candidate, 200)
            return web.Response(body=path.read_bytes(), status=code, content_type=kind, charset=self.charset)
        return None

    def _hidden(self, name: str) -> bool:
        """A name starting with ``_`` is an answer no address names by itself (``_forms/``, ``_errors/``), unless
        the host serves files under it by that name (``public``: a framework's ``_next/`` assets)."""
        return name.startswith("_") and not any(name.startswith(prefix) for prefix in self.spec.get("public", ()))

    def language(self, request: web.Request) -> str:
        """The language a host whose language is the session's answers in: the one asked for by the query,
        else the one its cookie keeps, else its default."""
        rule = self.spec["session_language"]
        for chosen in (request.query.get(rule["param"]), request.cookies.get(rule["cookie"])):
            if chosen in rule["langs"]:
                return str(chosen)
        return str(rule["default"])

    def _file(self, request: web.Request) -> web.Response | None:
        rule = self.spec.get("session_language")
        if rule is None:
            return self.kept(file_name(request.path, dict(request.query)))
        name = file_name(request.path, {k: v for k, v in request.query.items() if k != rule["param"]})
        lang = self.language(request)
        fallback = rule.get("fallback", {}).get(lang)  # a language with few pages shows the default's for the rest
        for candidate in (lang, fallback):
            response = self.kept(f"{candidate}/{name}") if candidate else None
            if response is not None:
                return response
        return self.kept(name)  # what every language shares: style sheets, scripts, feeds, robots.txt

    async def answer(self, request: web.Request) -> web.StreamResponse:
        spec = self.spec
        front = self._front(request)
        if front is not None:
            return front
        phone = spec.get("mobile_users")
        if phone and self._sent_to_mobile(phone, request):
            raise web.HTTPFound(phone["to"])
        if request.method in ("GET", "HEAD") and request.path in spec.get("redirects", {}):
            raise web.HTTPFound(spec["redirects"][request.path])
        for prefix, kind in spec.get("generated", {}).items():
            if request.path.startswith(prefix):
                return _generated(kind, request.path.removeprefix(prefix))
        response = await self._dynamic(request)
        if response is None and request.method in ("GET", "HEAD"):
            response = self._file(request)
            if response is None:
                response = self._shell(request)
        if response is None:
            response = self._missing(request)
        if phone and phone["stay"]["query"] in request.query:
            response.set_cookie(phone["stay"]["cookie"], phone["stay"]["value"])
        session = spec.get("session_language")
        if session and request.query.get(session["param"]) in session["langs"]:
            response.set_cookie(session["cookie"], request.query[session["param"]], path="/")
        return response

    def _front(self, request: web.Request) -> web.Response | None:
        """The anti-DDoS front before the host: a client over its pace (``rate_limit``) is answered 429 with
        ``Retry-After``; a client without a valid clearance cookie (``challenge``) the interstitial «checking your
        browser», whose script computes the token for the nonce given to the client's address, sets the cookie and
        reloads. Paths under a rule's ``exempt`` prefixes pass that rule (robots.txt, the template's static files)."""
        client = request.remote or ""
        limit = self.spec.get("rate_limit")
        if self.limit is not None and not request.path.startswith(tuple(limit.get("exempt", ()))):
            wait = self.limit.wait(client)
            if wait:
                return web.Response(
                    body=(self.root / limit["page"]).read_bytes(),
                    status=429,
                    content_type="text/html",
                    charset="utf-8",
                    headers={"Retry-After": str(wait), "Cache-Control": "no-store"},
                )
        rule = self.spec.get("challenge")
        if rule is None or request.path.startswith(tuple(rule.get("exempt", ()))):
            return None
        nonce = hashlib.sha256(f"{self.spec['host']}|{client}".encode()).hexdigest()[:16]
        rounds = int(rule["rounds"])
        if request.cookies.get(rule["cookie"]) == f"{nonce}.{clearance_token(nonce, rounds)}":
            return None
        values = {"nonce": nonce, "rounds": str(rounds), "cookie": rule["cookie"], "max_age": str(rule["max_age"])}
        page = (self.root / rule["page"]).read_text(encoding="utf-8")
        for key, value in values.items():
            page = page.replace("{{" + key + "}}", value)
        return web.Response(
            text=page,
            status=int(rule["status"]),
            content_type="text/html",
            charset="utf-8",
            headers={"Cache-Control": "private, no-store"},
        )

    def _sent_to_mobile(self, phone: dict[str, Any], request: web.Request) -> bool:
        if any(request.path.startswith(p) for p in phone["keep"]):
            return False
        stay = phone["stay"]
        if request.cookies.get(stay["cookie"]) == stay["value"] or stay["query"] in request.query:
            return False
        agent = request.headers.get("User-Agent", "")
        return any(marker in agent for marker in phone["agents"])

    async def _dynamic(self, request: web.Request) -> web.Response | None:
        spec = self.spec
        for rule in spec.get("postbacks", ()):
            if _matches({**rule, "method": "POST"}, request):
                return await self._postback(rule, request)
        for rule in spec.get("live", ()):
            if _matches({**rule, "method": "POST"}, request):
                return await self._live(rule, request)
        for rule in spec.get("post_json", ()):
            if _matches({**rule, "method": "POST"}, request):
                return await self._post_json(rule, request)
        rule = spec.get("graphql")
        if rule and request.path == rule["path"]:
            return await self._graphql(rule, request)
        for rule in spec.get("search", ()):
            if _matches(rule, request) and self._in_session_language(rule, request) and self._searched(rule, request):
                return self._search(rule, request.query.get(rule["param"], ""))
        rule = spec.get("json_search")
        if rule and request.path == rule["path"] and request.method in ("GET", "HEAD"):
            return self._json_search(rule, request)
        for rule in spec.get("forms", ()):
            if _matches({**rule, "method": "POST"}, request) and self._in_session_language(rule, request):
                return await self._form(rule, request)
        for rule in spec.get("json_forms", ()):
            if _matches({**rule, "method": "POST"}, request):
                return await self._json_form(rule, request)
        for rule in spec.get("replies", ()):
            if _matches(rule, request):
                return web.json_response(rule["json"])
        return None

    @staticmethod
    def _searched(rule: dict[str, Any], request: web.Request) -> bool:
        """A search kept at an address that is also a page (WordPress answers ``/kk/?s=…`` with its results and
        ``/kk/`` with the home page) runs only when its parameter is sent (``with_param``)."""
        return not rule.get("with_param") or rule["param"] in request.query

    def _in_session_language(self, rule: dict[str, Any], request: web.Request) -> bool:
        """A search or form of a host whose language is the session's answers in the language chosen."""
        return "session_language" not in self.spec or rule["lang"] == self.language(request)

    async def _postback(self, rule: dict[str, Any], request: web.Request) -> web.Response:
        """An ASP.NET page posted back to itself: the answer kept for the control and argument sent
        (``Page$2`` of a paged list is ``<folder>/<control>/Page$2.html``, a button sending no argument
        ``<folder>/<control>/click.html``, the control's ``$`` written ``_``); anything else, the page as it was."""
        form = await request.post()
        target = str(form.get("__EVENTTARGET", "")).replace("$", "_")
        argument = str(form.get("__EVENTARGUMENT", "")) or "click"
        path = self.root / rule["folder"] / target / f"{argument}.html"
        if target and ".." not in (target, argument) and "/" not in target + argument and _is_file(path):
            return web.Response(body=path.read_bytes(), content_type="text/html", charset=self.charset)
        return self.kept(file_name(request.path, dict(request.query))) or self._missing(request)

    async def _live(self, rule: dict[str, Any], request: web.Request) -> web.Response:
        """A Livewire-like page's components called back: the script posts ``{"components": [{"snapshot": "<JSON>",
        "updates": {...}, "calls": [{"method": ..., "params": [...]}]}]}``; each is answered from
        ``<folder>/<the snapshot's memo id>/<call>.json`` (``nextPage``, ``show-12`` for a method and its parameters,
        ``year=2025`` for a property bound by ``wire:model.live`` when nothing is called), a kept ``{"snapshot": …,
        "effects": {"html": …}}``; a component or call with nothing kept, or a body that is no such JSON, a 404."""
        try:
            data = await request.json()
        except ValueError:
            data = None
        components = data.get("components") if isinstance(data, dict) else None
        if not isinstance(components, list) or not components:
            raise web.HTTPNotFound()
        answers = []
        for component in components:
            path = self._live_answer(rule, component)
            if path is None:
                raise web.HTTPNotFound()
            answers.append(json.loads(path.read_text(encoding="utf-8")))
        body = json.dumps({"components": answers}, ensure_ascii=False)
        return web.Response(text=body, content_type="application/json", charset="utf-8")

    async def _post_json(self, rule: dict[str, Any], request: web.Request) -> web.Response:
        """A Kendo-like grid's read: its script posts ``{"page": 2, "pageSize": 10, "sort": [...], "filter": {...}}``
        as JSON and the server answers the rows of that page; kept as ``<folder>/<by>-<value>.json`` for the
        request's field ``by`` (``page`` unless told; a request without it asks for the first). Sort and filter
        are not read: the kept answer is the page as the server sorted it. A body that is no JSON object, a value
        that is no number or a page with nothing kept, a 404."""
        try:
            data = await request.json()
        except ValueError:
            data = None
        by = str(rule.get("by", "page"))
        value = data.get(by, 1) if isinstance(data, dict) else None
        if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).isdigit():
            raise web.HTTPNotFound()
        path = self.root / rule["folder"] / f"{by}-{int(value)}.json"
        if not _is_file(path):
            raise web.HTTPNotFound()
        return web.Response(body=path.read_bytes(), content_type="application/json", charset="utf-8")

    async def _graphql(self, rule: dict[str, Any], request: web.Request) -> web.Response:
        """A headless CMS's GraphQL endpoint: the script posts ``{"operationName": "Route", "query": "query Route(…)
        {…}", "variables": {"uri": "/kk/about"}}`` and the answer is the one kept for the operation and its variables,
        ``<folder>/<operation>/index@<variables>.json`` (the variables sorted and written as a query, a null one left
        out, a value that is no string as compact JSON: ``Route/index@uri=%2Fkk%2Fabout.json``,
        ``NewsList/index@after=bmV3czo4&first=8&lang=kk.json``). The operation ``search`` names runs the site's search
        over ``search.yaml`` for its text and language variables; those ``fixed`` names (a mutation sending a form) are
        answered by ``<operation>/index.json`` whatever they send. A known operation with nothing kept for its
        variables answers a GraphQL error «Not found» (with 200, as such servers do); a body that is no such JSON, an
        operation its query does not define or one the server does not know, and a GET, a GraphQL error with 400."""
        if request.method != "POST":
            return _graphql_error("GET query missing.", "BAD_REQUEST", 400)
        try:
            data = await request.json()
        except ValueError:
            data = None
        if not isinstance(data, dict) or not isinstance(data.get("query"), str):
            return _graphql_error(
                "POST body missing, invalid Content-Type, or JSON object has no keys.", "BAD_REQUEST", 400
            )
        operation = data.get("operationName")
        variables = data.get("variables") or {}
        defined = isinstance(operation, str) and re.fullmatch(r"[_A-Za-z][_0-9A-Za-z]*", operation) is not None
        if not defined or not isinstance(variables, dict):
            return _graphql_error(
                "Must provide operation name if query contains multiple operations.", "BAD_REQUEST", 400
            )
        if re.search(rf"\b(?:query|mutation)\s+{operation}\b", data["query"]) is None:
            return _graphql_error(f'Unknown operation named "{operation}".', "GRAPHQL_VALIDATION_FAILED", 400)
        search = rule.get("search")
        if search and operation == search["operation"]:
            return self._graphql_search(search, variables)
        folder = self.root / rule["folder"] / operation
        if not folder.is_dir():
            return _graphql_error(f'Unknown operation named "{operation}".', "GRAPHQL_VALIDATION_FAILED", 400)
        if operation in rule.get("fixed", ()):
            path = folder / "index.json"
        else:
            values = {
                str(k): v
                if isinstance(v, str)
                else json.dumps(v, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
                for k, v in variables.items()
                if v is not None
            }
            path = self.root / rule["folder"] / (file_name(f"{operation}/", values) + ".json")
        if not _is_file(path):
            return _graphql_error("Not found", "NOT_FOUND", 200)
        return web.Response(body=path.read_bytes(), content_type="application/json", charset="utf-8")

    def _graphql_search(self, rule: dict[str, Any], variables: dict[str, Any]) -> web.Response:
        text = str(variables.get(rule["text"]) or "")
        lang = str(variables.get(rule["lang"]) or "").lower()
        found = self._found(lang, text) if text.strip() else []
        nodes = [{"title": row["title"], "uri": row["path"]} for row in found]
        body = {"data": {rule["field"]: {"total": len(nodes), "nodes": nodes}}}
        return web.Response(text=json.dumps(body, ensure_ascii=False), content_type="application/json", charset="utf-8")

    def _live_answer(self, rule: dict[str, Any], component: Any) -> Path | None:
        try:
            memo_id = str(json.loads(component["snapshot"])["memo"]["id"])
            calls = component.get("calls") or []
            updates = component.get("updates") or {}
            if calls:
                call = str(calls[0]["method"]) + "".join(f"-{p}" for p in calls[0].get("params", ()))
            else:
                call = "&".join(f"{k}={v}" for k, v in sorted(updates.items()))
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            return None
        if not memo_id or not call or any(".." in part or "/" in part or "\\" in part for part in (memo_id, call)):
            return None
        path = self.root / rule["folder"] / memo_id / f"{call}.json"
        return path if _is_file(path) else None

    def _found(self, lang: str, needle: str, section: str = "") -> list[dict[str, str]]:
        needle = needle.strip().lower()
        return [
            row
            for row in self.site.search_index().get(lang, ())
            if (not section or row.get("section") == section)
            and (needle in row["text"].lower() or needle in row["title"].lower())
        ]

    def _search(self, rule: dict[str, Any], query: str) -> web.Response:
        query = query[: rule["max_length"]] if "max_length" in rule else query
        if not query.strip():
            results = rule["empty"]
        else:
            found = self._found(rule.get("index", rule["lang"]), query)  # a host's own part of search.yaml
            items = "".join(
                rule["item"].format(path=row["path"], title=escape(row.get("label") or row["title"])) for row in found
            )
            wording = rule["found"] if found else rule["none"]
            results = wording.format(query=escape(query), count=len(found), items=items)
        page = self.text(rule["page"]).replace("{{query}}", escape(query)).replace("{{results}}", results)
        return self.page(page)

    def _json_search(self, rule: dict[str, Any], request: web.Request) -> web.Response:
        q = request.query
        lang = q.get("lang", "") if q.get("lang") in rule["langs"] else rule["langs"][0]
        query = q.get("q", "")
        results = []
        if query.strip() and lang in rule["searched"]:
            found = self._found(lang, query, q.get("section", ""))
            results = [{"title": row["title"], "path": row["path"]} for row in found]
        body = json.dumps({"query": query, "results": results}, ensure_ascii=False)
        return web.Response(text=body, content_type="application/json", charset="utf-8")

    async def _form(self, rule: dict[str, Any], request: web.Request) -> web.Response:
        form = await request.post()
        values = {k: str(form.get(k, "")).strip() for k in rule["fields"]}
        wrong = sorted(k for k, kind in rule["fields"].items() if not _valid(kind, values[k]))
        page = self.text(f"{rule['folder']}/{'+'.join(wrong) or 'sent'}.html")
        for field, value in values.items():
            page = page.replace("{{value:" + field + "}}", escape(value))
        return self.page(page)

    async def _json_form(self, rule: dict[str, Any], request: web.Request) -> web.Response:
        try:
            data = await request.json()
        except ValueError:
            data = {}
        lang = data.get("lang", "kk")
        errors = {
            field: rule["messages"][field]["kk" if lang == "kk" else "ru"]
            for field, kind in rule["fields"].items()
            if not _valid(kind, str(data.get(field, "")).strip())
        }
        dumps = lambda o: json.dumps(o, ensure_ascii=False)  # noqa: E731
        if errors:
            return web.json_response({"errors": errors}, status=422, dumps=dumps)
        # the registration number carries the length of the request as the body's own software printed it
        return web.json_response({"ok": True, "number": rule["number"].format(size=len(str(data)))}, dumps=dumps)

    def _shell(self, request: web.Request) -> web.Response | None:
        shell = self.spec.get("shell")
        if shell and (request.path in shell["paths"] or any(request.path.startswith(p) for p in shell["prefixes"])):
            return self.kept(shell["file"])
        return None

    def _missing(self, request: web.Request) -> web.Response:
        if request.method not in ("GET", "HEAD"):
            raise web.HTTPNotFound()
        for rule in self.spec.get("not_found", ()):
            if _matches(rule, request):
                if "file" not in rule:  # the host's framework answers: a plain 404
                    break
                page = (self.root / rule["file"]).read_bytes()
                return web.Response(body=page, status=rule["status"], content_type="text/html", charset=self.charset)
        raise web.HTTPNotFound()


def _graphql_error(message: str, code: str, status: int) -> web.Response:
    body = {"errors": [{"message": message, "extensions": {"code": code}}], "data": None}
    return web.Response(text=json.dumps(body), status=status, content_type="application/json", charset="utf-8")


IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".swf")


def _generated(kind: str, name: str) -> web.Response:
    if kind == "media":  # one folder of uploads holding pictures and documents alike (WordPress's wp-content/uploads)
        kind = "image" if name.lower().endswith(IMAGE_SUFFIXES) else "file"
    if kind == "image":
        if name.endswith(".swf"):
            return web.Response(body=b"FWS\x09" + bytes(64), content_type="application/x-shockwave-flash")
        return web.Response(body=image_bytes(name), content_type="image/gif" if name.endswith(".gif") else "image/png")
    data, content_type = file_bytes(name)
    return web.Response(body=data, content_type=content_type)


def host_app(site: SiteFolder, spec: dict[str, Any], clock: Callable[[], float] = time.monotonic) -> web.Application:
    """One host's application; ``clock`` is what its front's rate limit reads the time from."""
    server = HostServer(site, spec, clock)
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", server.answer)
    return app


def create_apps(sites: list[SiteFolder] | None = None) -> dict[str, web.Application]:
    """Host → application, for every host of the outside sites."""
    return {spec["host"]: host_app(site, spec) for site in sites or load_sites() for spec in site.hosts}
