"""``POST /graphql``: the subset of gov.kz's Apollo schema that public code uses (portals.md 1.4).

A small recursive-descent parser covers what clients send: an optional ``query Name($v: T)`` header,
aliases, arguments (strings, numbers, booleans, null, variables) and nested selection sets.
Root fields: ``news``, ``pages``, ``contacts_page``, ``projectdetails``. Answers are Apollo-shaped:
``{"data": {...}}``, or ``{"errors": [...]}`` with HTTP 400 for queries that do not parse or validate.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from ashyq_replica.core import World
from ashyq_replica.govkz import api, entities
from ashyq_replica.govkz.content import govkz_bodies, site_content
from ashyq_replica.govkz.menu import contacts

_TOKEN = re.compile(
    r'\s*(?:(\.\.\.)|("(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?)|(\$?[A-Za-z_][A-Za-z0-9_]*)|([{}():,!\[\]=@]))'
)


class GraphQLError(Exception):
    def __init__(self, message: str, code: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class Selection:
    name: str
    alias: str
    args: dict[str, Any] = field(default_factory=dict)
    children: list[Selection] = field(default_factory=list)


class _Parser:
    def __init__(self, source: str, variables: dict[str, Any]) -> None:
        self.tokens: list[str] = []
        pos, source = 0, re.sub(r"#[^\n]*", "", source)
        while pos < len(source.rstrip()):
            match = _TOKEN.match(source, pos)
            if not match:
                raise GraphQLError(f"Syntax Error: unexpected character at {pos}", "GRAPHQL_PARSE_FAILED")
            self.tokens.append(next(g for g in match.groups() if g is not None))
            pos = match.end()
        self.at, self.variables = 0, variables

    def peek(self) -> str | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self, expected: str | None = None) -> str:
        token = self.peek()
        if token is None or (expected is not None and token != expected):
            raise GraphQLError(f"Syntax Error: expected {expected or 'a token'}, found {token}", "GRAPHQL_PARSE_FAILED")
        self.at += 1
        return token

    def document(self) -> list[Selection]:
        if self.peek() in ("query", "mutation"):
            if self.take() == "mutation":
                raise GraphQLError("mutations are not supported", "GRAPHQL_VALIDATION_FAILED")
            if self.peek() not in ("{", "(", None):
                self.take()  # operation name
            if self.peek() == "(":  # variable definitions: types are not checked
                depth = 0
                while True:
                    token = self.take()
                    depth += token == "("
                    depth -= token == ")"
                    if depth == 0:
                        break
        selections = self.selection_set()
        if self.peek() is not None:
            raise GraphQLError("Syntax Error: only one operation is supported", "GRAPHQL_PARSE_FAILED")
        return selections

    def selection_set(self) -> list[Selection]:
        self.take("{")
        out = []
        while self.peek() != "}":
            name = self.take()
            alias = name
            if self.peek() == ":":
                self.take(":")
                name = self.take()
            args = self.arguments() if self.peek() == "(" else {}
            children = self.selection_set() if self.peek() == "{" else []
            out.append(Selection(name, alias, args, children))
            if self.peek() == ",":
                self.take(",")
        self.take("}")
        return out

    def arguments(self) -> dict[str, Any]:
        self.take("(")
        args = {}
        while self.peek() != ")":
            key = self.take()
            self.take(":")
            args[key] = self.value()
            if self.peek() == ",":
                self.take(",")
        self.take(")")
        return args

    def value(self) -> Any:
        token = self.take()
        if token.startswith("$"):
            return self.variables.get(token[1:])
        if token.startswith('"'):
            return json.loads(token)  # GraphQL string escapes are JSON's
        if token in ("true", "false"):
            return token == "true"
        if token == "null":
            return None
        if re.fullmatch(r"-?\d+", token):
            return int(token)
        try:
            return float(token)
        except ValueError:
            return token  # an enum value


def _project(value: Any, children: list[Selection]) -> Any:
    """Keep only the selected fields (recursively); a field with no sub-selection is passed whole."""
    if not children:
        return value
    if isinstance(value, list):
        return [_project(v, children) for v in value]
    if isinstance(value, dict):
        return {c.alias: _project(value.get(c.name), c.children) for c in children}
    return value


def _rest_params(args: dict[str, Any]) -> dict[str, str]:
    params = {"size": str(args.get("_size", 10)), "page": str(args.get("_page", 1))}
    if args.get("_sort"):
        params["sort-by"] = str(args["_sort"])
    for key, value in args.items():
        if not key.startswith("_") and value is not None:
            params[key] = str(value)
    return params


def _projectdetails(world: World, args: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    out = entities.projectdetails(world, lang, str(args["projects"]) if args.get("projects") else None)
    size = int(args.get("_size", len(out)) or len(out))
    return out[:size] if size > 0 else []


def resolve(world: World, root: Selection, lang: str) -> Any:
    lang = str(root.args.get("_lang") or lang)
    lang = lang if lang in ("kk", "ru", "en") else api.DEFAULT_LANG
    if root.name in ("news", "pages", "article"):
        return api.select(world, root.name, _rest_params(root.args), lang)
    if root.name == "contacts_page":
        out: list[dict[str, Any]] = []
        for body in govkz_bodies(world):
            site = site_content(world, body)
            if not root.args.get("projects") or api._matches(
                {"projects": site.slug}, "projects", str(root.args["projects"])
            ):
                out.append({"id": 3000 + len(out), "projects": site.slug, "organisations": contacts(site, lang)})
        return out
    if root.name == "projectdetails":
        return _projectdetails(world, root.args, lang)
    raise GraphQLError(f'Cannot query field "{root.name}" on type "Query".', "GRAPHQL_VALIDATION_FAILED")


def execute(world: World, payload: Any, header_lang: str) -> tuple[dict[str, Any], int]:
    if not isinstance(payload, dict) or not isinstance(payload.get("query"), str):
        return {"errors": [{"message": "POST body missing.", "extensions": {"code": "BAD_REQUEST"}}]}, 400
    try:
        roots = _Parser(payload["query"], payload.get("variables") or {}).document()
        data = {root.alias: _project(resolve(world, root, header_lang), root.children) for root in roots}
    except GraphQLError as error:
        return {"errors": [{"message": str(error), "extensions": {"code": error.code}}]}, 400
    except api.FilterError:
        return {
            "errors": [{"message": "Internal server error", "extensions": {"code": "INTERNAL_SERVER_ERROR"}}],
            "data": None,
        }, 200
    return {"data": data}, 200


def routes(world: World) -> list[web.RouteDef]:
    async def graphql(request: web.Request) -> web.Response:
        if "graphql" in world.outages:
            return web.Response(status=503, text="Service Temporarily Unavailable")
        try:
            payload = await request.json()
        except ValueError:
            payload = None
        result, status = execute(world, payload, api.request_lang(request))
        return web.json_response(result, status=status, dumps=api.json_dumps)

    return [web.post("/graphql", graphql)]
