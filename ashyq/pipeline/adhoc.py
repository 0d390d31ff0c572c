"""The one-body registry of ``ashyq audit --url``: a website in no registry, audited on its website
criteria only (its portal identifiers are unknown), written under the output folder for the run to
name, with the address decision of :mod:`ashyq.pipeline.addresses` for one's own private site."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ashyq.net.egress import check_site_url
from ashyq.pipeline.addresses import AddressRefused, own_site_map
from ashyq.pipeline.outputs import ensure_dir


class AdhocRefused(ValueError):
    """The URL or kind cannot be audited: a usage error, nothing was written (the message says why)."""


def adhoc_registry(
    url: str, kind: str, out: Path, allow_private: bool, url_map: dict[str, str]
) -> tuple[str, str, dict[str, str]]:
    """A one-body registry for a site that is in none: website criteria only, portals unknown. The
    registry file, the body's id and the base-URL map (one's own private site: replica mode with
    exactly its address and port)."""
    try:
        url = check_site_url(url)
    except ValueError as error:
        raise AdhocRefused(f"--url {error}") from None
    if kind not in ("cgo", "mio"):
        raise AdhocRefused("--kind must be cgo or mio")
    parts = urlsplit(url)
    assert parts.hostname is not None  # check_site_url saw to it
    base = f"{parts.scheme}://{parts.netloc}"
    if not url_map:
        try:
            url_map = own_site_map(base, allow_private)
        except AddressRefused as refused:
            said = (
                f"{refused.detail}; give --allow-private-addresses to audit it" if refused.private else refused.detail
            )
            raise AdhocRefused(f"--url {base}: {said}") from None
    body_id = re.sub(r"[^a-z0-9-]+", "-", parts.hostname.lower()).strip("-")
    folder = Path(tempfile.mkdtemp(prefix="registry-", dir=ensure_dir(out)))
    path = folder / "url.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "name": "url",
                "bodies": [
                    {
                        "id": body_id,
                        "kind": kind,
                        "names": {"kk": parts.hostname, "ru": parts.hostname, "en": parts.hostname},
                        "sites": [f"{base}{parts.path or '/'}"],
                    }
                ],
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    return str(path), body_id, url_map
