"""What a check reads from a body's artifacts, named, and why it is missing when it is.

A check declares the inputs it *needs* (without any of them it can only say ``not_assessed``: the
runner says so for it, with the harvest's own reason) and those it also *uses* when they are there.
An input is named by a string:

* ``pages`` — the body's website pages (HTML as served, or the rendered DOM);
* ``records:<portal>`` — records a portal spider harvested (``data``, ``budget``, ``legalacts``,
  ``dialog``, ``govkz``), its ``coverage`` records included;
* ``measurements:<kind>`` — measurements the browser gather step took (axe, focus, zoom, mobile …);
* ``provider:<capability>`` — measurements of an outside provider (search_rank, cross_browser);
* ``declared`` — the body's own report (Appendix 9) with the verdicts on its links;
* ``config:<key>`` — per-body configuration the run supplies (``unified_list``);
* ``subordinates:<input>`` — an input of the body's subordinate organisations.

A requirement is one input, or a tuple of inputs any one of which will do (``("pages",
"measurements:axe")``: the HTML or the browser's measurement).

Every input maps to where it comes from (:func:`sources`): the spiders that harvest it, or the
gather step. The re-check picks its spiders from there and ``docs/checks.md`` lists them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from ashyq.base.artifacts import BROWSER_MEASUREMENTS, PROVIDER_MEASUREMENTS, BodyArtifacts, FetchFailure
from ashyq.base.wording import Said
from ashyq.config.check_settings import check_settings

Requirement = str | tuple[str, ...]

# Where each portal's records come from (the real hosts: the base-URL map is infrastructure).
PORTAL_HOSTS = {
    "data": "data.egov.kz",
    "budget": "budget.egov.kz",
    "legalacts": "legalacts.egov.kz",
    "dialog": "dialog.egov.kz",
    "govkz": "www.gov.kz",
}
# What the run supplies per body, and what its absence means.
CONFIG_KEYS = {
    "unified_list": Said(
        "no Unified list of open data is imported (ashyq open-data import-list)", "reason.input.no_unified_list"
    ),
    "subordinate_list": Said(
        "the body's list of subordinate organisations is not known", "reason.input.no_subordinates"
    ),
    "state_participation": Said(
        "the registry states no state participation for the organisation", "reason.input.no_state_participation"
    ),
}


def check_name(name: str) -> None:
    """Refuse an input name outside the vocabulary above (a typo would silently need nothing)."""
    kind, _, rest = name.partition(":")
    if kind == "subordinates" and rest:
        check_name(rest)
        return
    valid = {
        "pages": not rest,
        "declared": not rest,
        "records": rest in PORTAL_HOSTS,
        "measurements": rest in BROWSER_MEASUREMENTS,
        "provider": rest in PROVIDER_MEASUREMENTS,
        "config": rest in CONFIG_KEYS,
    }
    if not valid.get(kind, False):
        raise ValueError(f"unknown check input {name!r}")


def flat(requirements: Iterable[Requirement]) -> list[str]:
    """Every input named by the requirements, in order, once."""
    out: list[str] = []
    for requirement in requirements:
        for name in (requirement,) if isinstance(requirement, str) else requirement:
            if name not in out:
                out.append(name)
    return out


def present(artifacts: BodyArtifacts, name: str) -> bool:
    kind, _, rest = name.partition(":")
    if kind == "subordinates":
        return not artifacts.subordinates or any(present(sub, rest) for sub in artifacts.subordinates)
    if kind == "pages":
        return bool(artifacts.pages)
    if kind == "records":
        return any(r.portal == rest for r in artifacts.records)
    if kind in ("measurements", "provider"):
        return any(m.kind == rest for m in artifacts.measurements)
    if kind == "declared":
        return bool(artifacts.declared)
    if kind == "config":
        return artifacts.config.get(rest) is not None
    raise ValueError(f"unknown check input {name!r}")


def first_missing(artifacts: BodyArtifacts, needs: Sequence[Requirement]) -> Said | None:
    """Why the first requirement none of whose inputs is there is missing, or None when all are met."""
    for requirement in needs:
        alternatives = (requirement,) if isinstance(requirement, str) else requirement
        if not any(present(artifacts, name) for name in alternatives):
            return missing_reason(artifacts, alternatives[0])
    return None


# ------------------------------------------------------------------------------ reasons
def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def failures_on(artifacts: BodyArtifacts, host: str, paths: Sequence[str] = ()) -> list[FetchFailure]:
    """The fetch failures on ``host`` (under one of ``paths`` when given); robots.txt is not content."""
    out = []
    for failure in artifacts.failures:
        parts = urlsplit(failure.url)
        if (parts.hostname or "").lower() != host or parts.path == "/robots.txt":
            continue
        if paths and not any(parts.path.startswith(p) for p in paths):
            continue
        out.append(failure)
    return out


def failure_reason(failures: Sequence[FetchFailure], what: str) -> Said:
    """``what``, then the failures' reasons, how many and one of their addresses (``what`` a
    :class:`Said`: its message's key with ``.failed`` says the whole)."""
    reasons = ", ".join(sorted({f.reason for f in failures}))
    sample = failures[0]
    status = f" {sample.status_code}" if sample.status_code else ""
    if not isinstance(what, Said):
        return Said(f"{what}: {reasons}{status} on {len(failures)} request(s), e.g. {sample.url}", "")
    return Said(
        f"{what}: {reasons}{status} on {len(failures)} request(s), e.g. {sample.url}",
        f"{what.wording.key}.failed",
        **what.wording.params,
        reasons=f"{reasons}{status}",
        count=len(failures),
        url=sample.url,
    )


def _site_failures(artifacts: BodyArtifacts) -> list[FetchFailure]:
    portals = {host for portal, host in PORTAL_HOSTS.items() if portal != "govkz"}
    return [f for f in artifacts.failures if _host(f.url) not in portals]


def missing_reason(artifacts: BodyArtifacts, name: str) -> Said:
    """What the harvest says about a missing input: its fetch failures, or that nothing came."""
    kind, _, rest = name.partition(":")
    if kind == "subordinates":
        reasons = {missing_reason(sub, rest) for sub in artifacts.subordinates if not present(sub, rest)}
        joined = "; ".join(sorted(reasons))
        return Said(
            f"nothing harvested of the subordinate organisations: {joined}", "reason.input.subordinates", reasons=joined
        )
    if kind == "pages":
        failures = _site_failures(artifacts)
        if failures:
            return failure_reason(failures, Said("no page of the website was harvested", "reason.input.no_pages"))
        return Said("no page of the website was harvested (nothing was fetched)", "reason.input.no_pages_fetched")
    if kind == "records":
        host = PORTAL_HOSTS[rest]
        failures = failures_on(artifacts, host)
        if failures:
            return failure_reason(
                failures, Said(f"no {host} record was harvested", "reason.input.no_records", host=host)
            )
        return Said(f"no {host} record was harvested for this body", "reason.input.no_records_of_body", host=host)
    if kind == "measurements":
        return Said(
            f"no {rest} measurement: the browser gather step did not run for this site",
            "reason.input.no_measurement",
            measurement=rest,
        )
    if kind == "provider":
        entry = (check_settings("accessibility", artifacts.config)["providers"] or {}).get(rest)
        if not entry:
            return Said("no provider configured", "reason.input.no_provider")
        provider = entry if isinstance(entry, str) else entry.get("name")
        return Said(
            f"the {rest} provider {provider} returned nothing",
            "reason.input.provider_empty",
            measurement=rest,
            provider=str(provider),
        )
    if kind == "declared":
        return Said(
            "not declared: the body's own report (Appendix 9) is not loaded (ashyq declare)",
            "reason.input.not_declared",
        )
    if kind == "config":
        return CONFIG_KEYS[rest]
    raise ValueError(f"unknown check input {name!r}")


# ------------------------------------------------------------------------------ sources
def describe(name: str) -> str:
    """The input in words, for ``docs/checks.md``."""
    kind, _, rest = name.partition(":")
    if kind == "subordinates":
        return f"subordinate organisations' {describe(rest)}"
    return {
        "pages": "website pages",
        "records": f"{PORTAL_HOSTS.get(rest, rest)} records",
        "measurements": f"browser measurement {rest}",
        "provider": f"outside provider {rest}",
        "declared": "declared report (Appendix 9)",
        "config": f"run configuration {rest}",
    }.get(kind, name)


def from_browser(name: str) -> bool:
    """Whether the input is taken by the gather step (the browser or an outside provider)."""
    kind, _, rest = name.partition(":")
    return from_browser(rest) if kind == "subordinates" else kind in ("measurements", "provider")


def harvested(name: str) -> str | None:
    """What a spider must harvest for the input (``pages`` or ``records:<portal>``); browser
    measurements are taken on harvested pages; a declared report or the run's configuration is
    harvested by nothing."""
    kind, _, rest = name.partition(":")
    if kind == "subordinates":
        return harvested(rest)
    if kind in ("pages", "measurements"):
        return "pages"
    if kind == "records":
        return name
    return None
