"""The outside sites as folders of files: where an address's answer is kept, and what a site folder holds.

``sites/<site>/`` holds ``site.yaml`` (who the site is, its hosts and what of them is not a file),
``truth.yaml`` (its documented truth), ``search.yaml`` (what its own search reads) and a folder per
host with one file per address the host answers: the path, with ``index`` for a path ending in ``/``,
``@`` and the sorted query (each part percent-encoded) when there is one, and the suffix its content
type takes unless the path already ends with it. ``/index.php?lang=kz&id=3`` is kept in
``index.php@id=3&lang=kz.html``, ``/kk/`` in ``kk/index.html``, ``/robots.txt`` in ``robots.txt``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import yaml

SITES_DIR = Path(__file__).parent / "sites"
SITE_IDS = (
    "geology",
    "altynkol",
    "archives",
    "nadzor",
    "akzhaiyk",
    "kalalar",
    "kokzhiek",
    "ekoreg",
    "sushar",
    "baiterek",
    "tutynushy",
    "zhersu",
    "orman",
    "aqbulaq",
    "ertis",
    "kartalau",
    "beskainar",
    "qurylys",
    "taldykol",
    "qarasu",
    "tulpar",
    "sarybel",
    "qanat",
    "olshem",
    "kenaral",
    "shuaq",
    "bozaral",
    "sayahat",
    "saryozen",
    "sholaqsay",
    "kokpar",
    "ortaqala",
    "qyzylqain",
    "kolik",
    "zhetitobe",
    "zhaiylma",
    "shyraq",
    "taldybulaq",
    "qoskol",
    "tarazy",
    "balyqty",
    "zhalpaq",
    "arnasai",
    "tolqyn",
    "shalqar",
    "bastau",
    "qumkent",
    "alatau",
    "tobyl",
    "ulytau",
    "aqsu",
    "kokterek",
    "zhuldyz",
    "koktobe",
    "esil",
    "qazyna",
    "tumar",
    "saryqamys",
    "aqtogai",
    "kentau",
    "sapa",
    "zhanatas",
    "tabigat",
    "shieli",
    "temirtau",
    "zhasyl",
    "qarabulaq",
    "saryagash",
    "kokozek",
    "zhetisu",
    "kemerbastau",
    "tughyr",
    "aqzhar",
    "kemel",
    "qaindy",
    "shoqpar",
    "talapty",
    "qamysty",
    "kiyaly",
    "tasqala",
    "qarqaraly",
    "zhemshan",
    "bayanaul",
    "aqtasty",
    "qaratal",
    "saryoba",
    "zhanaarqa",
    "kerbulaq",
    "aqkol",
    "qosagash",
    "mamyt",
    "boralday",
    "kegen",
    "zhympity",
    "shiderti",
    "baiganin",
    "irgiz",
    "zhosaly",
    "saryterek",
    "qyzylzhar",
    "terekti",
    "qorgan",
    "mayqain",
    "oyil",
    "aqsay",
    "ushtobe",
    "dari",
    "tabys",
    "sarykol",
    "qaragai",
    "bereke",
    "tilder",
    "qoyandy",
    "zhanaozen",
    "zhaltyr",
    "energetika",
    "kokshe",
    "aqshi",
    "qarasai",
    "zhariya",
    "sandyq",
    "shardara",
    "baspasoz",
    "kenes",
    "taza",
    "qujat",
    "audarma",
    "zhyldar",
    "tizilim",
    "habarshy",
    "sozdik",
    "qagaz",
    "latyn",
    "bulut",
    "buma",
    "bolim",
    "tandau",
    "qorgau",
    "suranys",
    "kitap",
    "alippe",
    "sharyn",
    "oqzhetpes",
)

TYPES = {
    ".html": "text/html",
    ".json": "application/json",
    ".xml": "application/xml",
    ".txt": "text/plain",
    ".js": "application/javascript",
    ".css": "text/css",
}
SUFFIX = {kind: suffix for suffix, kind in TYPES.items()} | {"application/rss+xml": ".xml"}


def file_name(path: str, query: Mapping[str, str]) -> str:
    """The file an address's answer is kept in, without its suffix."""
    name = path.lstrip("/")
    if name == "" or name.endswith("/"):
        name += "index"
    if query:
        name += "@" + "&".join(f"{quote(k, safe='')}={quote(v, safe='')}" for k, v in sorted(query.items()))
    return name


def suffix_for(name: str, content_type: str) -> str:
    suffix = SUFFIX.get(content_type, "")
    return "" if name.endswith(suffix) else suffix


@dataclass(frozen=True)
class SiteFolder:
    """One outside site as its folder describes it."""

    id: str
    root: Path
    data: dict[str, Any]  # site.yaml

    @property
    def kind(self) -> str:
        return str(self.data["kind"])

    @property
    def names(self) -> dict[str, str]:
        return dict(self.data["names"])

    @property
    def style(self) -> str:
        return str(self.data["style"])

    @property
    def hosts(self) -> list[dict[str, Any]]:
        return list(self.data["hosts"])

    @property
    def host(self) -> str:
        """The site's host: its first."""
        return str(self.hosts[0]["host"])

    @property
    def home(self) -> str:
        """The body's site address: its first host's root, or the folder ``home`` names when the body's site is
        a part of a larger portal (a district's pages under its oblast's, ``/<district>/``)."""
        return f"https://{self.host}{self.data.get('home', '/')}"

    def truth(self) -> list[dict[str, Any]]:
        """Every verdict of the site's truth: item, lang ("-" for both), status, reason, where."""
        return list(_yaml(self.root / "truth.yaml")["verdicts"])

    def search_index(self) -> dict[str, list[dict[str, str]]]:
        path = self.root / "search.yaml"
        return dict(_yaml(path)) if path.exists() else {}


# libyaml's reader where installed (the pure-Python one took most of the time of reading every site's truth)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=512)  # every site's site.yaml, truth.yaml and search.yaml, read once a process
def _yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # a safe loader either way


def load_site(site_id: str) -> SiteFolder:
    root = SITES_DIR / site_id
    return SiteFolder(site_id, root, dict(_yaml(root / "site.yaml")))


def load_sites() -> list[SiteFolder]:
    return [load_site(s) for s in SITE_IDS]


def excluded() -> dict[str, str]:
    """Items the truth leaves out, and why: the site alone cannot decide them."""
    return dict(_yaml(SITES_DIR / "excluded.yaml"))
