"""The served application's test accounts and store handle, shared by the fixtures of conftest.py and
the tests that sign in (a module of its own: ``from conftest import`` takes whichever folder's
conftest was imported last when several folders are collected in one process)."""

from __future__ import annotations

from dataclasses import dataclass

from reports_sample import ReportStore

from ashyq.web.settings import WebSettings

PASSWORD = "correct horse battery staple"
# user name → (role, bound body, with its subordinates)
ACCOUNTS: dict[str, tuple[str, str | None, bool]] = {
    "analyst": ("analyst", None, False),
    "assessor": ("assessor", None, False),
    "commission": ("commission", None, False),
    "verifier": ("verifier", None, False),
    "admin": ("admin", None, False),
    "enbek": ("body", "enbek", False),
    "enbek-all": ("body", "enbek", True),
    "adilet": ("body", "adilet", False),
}
SECRET = "k" * 48


@dataclass
class WebStore:
    store: ReportStore
    new_run: str
    old_run: str

    @property
    def url(self) -> str:
        return self.store.url


def web_settings(store: WebStore, **changes: object) -> WebSettings:
    values: dict[str, object] = {"db": store.url, "data_dir": store.store.out_dir, "secret_key": SECRET}
    values.update(changes)
    return WebSettings(**values)  # type: ignore[arg-type]
