"""Ground truth: in sync with the code, well-formed, and equal to what the sites serve."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from ashyq_replica import site_defects, truth
from ashyq_replica.core import World
from ashyq_replica.govkz.api import fnv1a32
from ashyq_replica.govkz.content import govkz_bodies, site_content
from world_client import Client

WORLD_DIR = Path(truth.__file__).parent
SITE_ITEM = re.compile(
    r"^(A14-[1-4]\.\d{1,2}|A15-1\.\d{1,2}(-cgo|-mio)?|A16-1\.[1-7](-cgo|-mio)?|A16-k|T7-[1-6]|T9-1)$"
)


def test_ground_truth_file_is_in_sync() -> None:
    expected = truth.render_markdown(World())
    assert (WORLD_DIR / "GROUND_TRUTH.md").read_text(encoding="utf-8") == expected, (
        "regenerate with: ashyq world truth --format md > replica/ashyq_replica/GROUND_TRUTH.md"
    )


def test_site_defects_are_well_formed(world: World) -> None:
    defects = truth.site_defects(world)
    govkz_bodies = [b for b in world.bodies if b.site == "govkz"]
    assert len(defects) == (
        len(site_defects.SEEDS) + len(govkz_bodies) * len(site_defects.TEMPLATE_GAPS) + len(site_defects.CLASSIC_GAPS)
    )
    for defect in defects:
        assert SITE_ITEM.match(defect.item), defect
        assert defect.body in {b.id for b in world.bodies} and defect.lang in (None, "kk", "ru")
        assert defect.where.startswith("https://") and "<" not in defect.where, defect
    keys = [(d.body, d.item, d.lang, d.description) for d in defects]
    assert len(keys) == len(set(keys))


def test_every_knob_drives_a_generator() -> None:
    sources = "".join(
        p.read_text(encoding="utf-8") for p in WORLD_DIR.rglob("*.py") if p.name not in ("site_defects.py", "truth.py")
    )
    for knob in {s.knob for s in site_defects.SEEDS} - site_defects.STATE_KNOBS:
        assert f'"{knob}"' in sources, f"seeded knob {knob} is read by no generator"


def test_state_knobs_match_the_registry(world: World) -> None:
    for seed in site_defects.SEEDS:
        if seed.knob == "no_english":
            body = world.body(seed.body)
            assert not body.has_english, seed
            assert "en" not in (site_content(world, body).langs if body.site == "govkz" else ("kk", "ru"))
    english = {b.id for b in world.bodies if b.has_english}
    assert not english & {s.body for s in site_defects.SEEDS if s.knob == "no_english"}


def test_scores_spread_between_bodies(world: World) -> None:
    counts = {b: sum(1 for d in truth.site_defects(world) if d.body == b) for b in ("enbek", "mod", "karaganda")}
    assert counts["enbek"] < counts["mod"] < counts["karaganda"]


def test_inventory_matches_the_api(client: Client, world: World, world_urls: dict[str, str]) -> None:
    govkz = world_urls["https://www.gov.kz"]
    challenge = client.post(govkz + "/api/v1/public/_/c/k6", json={}, headers={"Origin": "https://www.gov.kz"}).json()[
        "challenge"
    ]
    headers = {"token": challenge, "hash": fnv1a32(challenge + "|gov.kz")}
    bodies = truth.inventory(world)["bodies"]
    for body in govkz_bodies(world):
        for lang, counts in bodies[body.id]["langs"].items():
            for kind in ("news", "documents"):
                served = client.get(
                    f"{govkz}/api/v1/public/content-manager/{kind}?projects=eq:{body.ids.govkz_slug}&size=1000",
                    headers={**headers, "Accept-Language": lang},
                ).json()
                assert len(served) == counts[kind], (body.id, lang, kind)


@pytest.mark.parametrize("as_of", [date(2025, 3, 1), date(2027, 6, 30)])
def test_dates_follow_the_world_clock(as_of: date) -> None:
    world = World(as_of=as_of)
    for body in govkz_bodies(world):
        site = site_content(world, body)
        newest = max(n.created.date() for n in site.news)
        assert as_of - newest <= __import__("datetime").timedelta(days=2) and newest <= as_of
    stale = next(d for d in truth.site_defects(world) if d.item == "A15-1.12")
    assert dict(stale.measured)["newest_kk_news_age_days"] >= 150


def test_yaml_lists_defects_and_inventory(world: World) -> None:
    import yaml

    data = yaml.safe_load(truth.render_yaml(world))
    assert len(data["defects"]) >= len(site_defects.SEEDS)
    assert set(data["inventory"]["bodies"]) == {b.id for b in world.bodies if b.site == "govkz" or b.classic_host}
