"""An incremental nightly of a www.gov.kz body: a page is rendered again only when what its render asked
answers differently."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from ashyq_replica.core import World
from ashyq_replica.server import start_world

from ashyq.pipeline.audit import AuditSummary
from ashyq.store import session_scope
from ashyq.store.captures import read_original
from ashyq.store.models import Evidence, Page

from .nights_harness import night as one_night
from .nights_harness import warc_records

GOVKZ_BODY = "mod"


def _rendered(db: str, out: Path, run_id: str) -> dict[str, tuple[str | None, list[bytes]]]:
    """The run's rendered gov.kz pages: per URL and language the DOM's digest and the screenshots' bytes."""
    with session_scope(db) as session:
        pages = session.query(Page).filter(Page.run_id == run_id, Page.source == "govkz-render").all()
        evidence = session.query(Evidence).filter(Evidence.run_id == run_id)
        shots = {e.id: out / e.path for e in evidence if e.path}
        return {
            f"{p.lang} {p.url}": (p.content_sha256, [shots[i].read_bytes() for i in p.screenshot_evidence_ids])
            for p in pages
        }


@pytest.mark.slow
@pytest.mark.browser
def test_an_unchanged_govkz_page_is_not_rendered_again_and_a_changed_one_is(tmp_path: Path) -> None:
    """www.gov.kz sends no validators and its pages are built by script, so a page is unchanged when
    every exchange its render made answers with the same bytes: the second night on the same world
    asks each once, archives revisits and takes the render over (the same DOM and screenshots), with
    no page rendered again. On a world whose content moved on a day, the incremental night's pages are
    exactly those a full render of that world gives, the unchanged ones taken over."""
    out, db = tmp_path, f"sqlite:///{tmp_path / 'store.sqlite'}"
    world = World()
    moved = World(as_of=world.as_of + timedelta(days=1))

    def night(served: dict[str, str], full: bool = False) -> AuditSummary:
        # the same audit date throughout: only the world's content moves
        return one_night(
            world, out, db, served, full, world.as_of, body=GOVKZ_BODY, spiders=["govkz_render"], max_pages=6
        )

    with start_world(world) as served:
        first, second = night(dict(served.urls)), night(dict(served.urls))
    with start_world(moved) as served:
        third, full = night(dict(served.urls)), night(dict(served.urls), full=True)

    before, again = _rendered(db, out, first.run_id), _rendered(db, out, second.run_id)
    assert len(before) >= 8 and again == before
    records = warc_records(out, second.run_id, GOVKZ_BODY)
    kinds = Counter(
        (kind, (headers.get_header("WARC-Target-URI") or "").split("?")[0]) for kind, headers, *_ in records
    )
    documents = {url.split(" ", 1)[1].split("?")[0] for url in before}
    assert all(kinds[("revisit", url)] >= 1 and not kinds[("response", url)] for url in documents), kinds
    # only the browser ticket (a new credential each time it is asked) is answered anew
    fresh = {url for (kind, url) in kinds if kind == "response"}
    assert fresh and all("/api/v1/public/_/c/" in url for url in fresh), fresh
    for kind, _, _, original, _ in records:
        if kind == "revisit":
            assert original is not None and original.file.startswith(f"runs/{first.run_id}/")
            found = read_original(out, original)
            assert found is not None and hashlib.sha256(found[1]).hexdigest() == original.payload_sha256

    moved_pages, whole = _rendered(db, out, third.run_id), _rendered(db, out, full.run_id)
    assert {u: d for u, (d, _) in moved_pages.items()} == {u: d for u, (d, _) in whole.items()}
    taken_over = {u for u, (d, _) in moved_pages.items() if before.get(u, (None,))[0] == d}
    rendered_again = set(moved_pages) - taken_over
    assert taken_over and rendered_again, (taken_over, rendered_again)
