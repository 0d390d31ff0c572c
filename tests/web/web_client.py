"""A signed-in (or not) client of the served application, as a browser would be: it keeps cookies and
reads each page's form token, which it sends back with every form."""

from __future__ import annotations

import re
from typing import Any

import requests

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


class Client:
    def __init__(self, base: str):
        self.base = base
        self.http = requests.Session()
        self.token: str | None = None

    def get(self, path: str, **options: Any) -> requests.Response:
        response = self.http.get(self.base + path, allow_redirects=False, timeout=30, **options)
        found = TOKEN.search(response.text) if "html" in response.headers.get("content-type", "") else None
        if found:
            self.token = found.group(1)
        return response

    def post(
        self, path: str, data: dict[str, Any] | None = None, token: bool = True, **options: Any
    ) -> requests.Response:
        form = dict(data or {})
        if token:
            if self.token is None:
                self.get("/login")
            form["csrf_token"] = self.token
        return self.http.post(self.base + path, data=form, allow_redirects=False, timeout=30, **options)

    def sign_in(self, username: str, password: str) -> requests.Response:
        self.get("/login")
        answer = self.post("/login", {"username": username, "password": password})
        if answer.status_code == 303:
            # a page with forms, for the session's token
            self.get("/admin/users" if answer.headers["Location"] == "/admin/users" else "/publications")
        return answer
