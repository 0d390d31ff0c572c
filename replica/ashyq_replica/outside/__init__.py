"""Outside sites: test sites the checks were not written against, each with its documented truth.

Four sites in styles the rest of the replica does not have, written from the legal text (Appendices
14, 15 and 16 of the 2017 order, Table 7 of the 2025 edition) and the wording of real state-body
sites, to measure how the checks do on material nobody tuned them for:

* ``geology``  — www.geology.gov.kz, an older ministry site (table layout, /m/ mobile version);
* ``altynkol`` — www.altynkol.gov.kz, a regional akimat's CMS site, Kazakh by default, with a
  separate mobile version m.altynkol.gov.kz in Kazakh only;
* ``archives`` — www.archives.gov.kz, an agency's site built by JavaScript from a JSON API;
* ``nadzor``   — nadzor.geology.gov.kz, a committee's small site on a fourth-level domain.

They are served beside the replica world (``ashyq world serve``) but belong to no registry and no
demo run. Their truth (:func:`truth_of`) gives one verdict per item and language with its reason;
``docs/accuracy.md`` says how it is measured.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from aiohttp import web

from ashyq_replica.outside import (
    altynkol,
    altynkol_site,
    archives,
    archives_site,
    geology,
    geology_site,
    nadzor,
    nadzor_site,
)
from ashyq_replica.outside.context import Ctx
from ashyq_replica.outside.model import EXCLUDED, SiteSpec, Verdict, truth


@dataclass(frozen=True)
class OutsideSite:
    id: str
    spec: Callable[[date], SiteSpec]
    servers: tuple[tuple[str, Callable[[date], web.Application]], ...]  # (host, app factory)
    context: Callable[[date], Ctx]  # what its content blocks say about the body

    @property
    def host(self) -> str:
        return self.servers[0][0]


SITES: tuple[OutsideSite, ...] = (
    OutsideSite("geology", geology.spec, ((geology.HOST, geology_site.create_app),), geology.context),
    OutsideSite(
        "altynkol",
        altynkol.spec,
        ((altynkol.HOST, altynkol_site.create_app), (altynkol.MOBILE_HOST, altynkol_site.create_mobile_app)),
        altynkol.context,
    ),
    OutsideSite("archives", archives.spec, ((archives.HOST, archives_site.create_app),), archives.context),
    OutsideSite("nadzor", nadzor.spec, ((nadzor.HOST, nadzor_site.create_app),), nadzor.context),
)


def create_apps(as_of: date) -> dict[str, web.Application]:
    """Host → application, for every host of the outside sites."""
    return {host: factory(as_of) for site in SITES for host, factory in site.servers}


def specs(as_of: date) -> list[SiteSpec]:
    return [site.spec(as_of) for site in SITES]


def truth_of(as_of: date) -> dict[str, list[Verdict]]:
    """Site id → every verdict of its documented truth."""
    return {s.id: truth(s) for s in specs(as_of)}


__all__ = ["EXCLUDED", "SITES", "OutsideSite", "create_apps", "specs", "truth_of"]
