"""Contract tests for the data.egov.kz replica (portals.md section 2)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from ashyq_replica.core import World
from ashyq_replica.portals.content.catalogue import portal_content, portal_defects
from ashyq_replica.portals.content.model import ACTUALIZE_DAYS
from ashyq_replica.portals.dataegov import create_app
from portal_harness import Served

WORLD = World()
DATASET_KEYS = {
    "id",
    "apiUri",
    "nameRu",
    "nameKk",
    "nameEn",
    "descriptionRu",
    "descriptionKk",
    "descriptionEn",
    "status",
    "createdDate",
    "modifiedDate",
    "views",
    "downloads",
    "datasetsCount",
    "govAgency",
    "responsible",
    "categories",
    "keyWords",
    "actualizeType",
    "actual",
}
ASTANA = WORLD.body("astana").ids.data_gov_agency_id


@pytest.fixture(scope="module")
def site() -> Iterator[Served]:
    served = Served(create_app(WORLD))
    yield served
    served.close()


def test_catalogue_caps_pages_at_ten_and_counts_with_the_same_filters(site: Served) -> None:
    total = site.get(f"/datasets/getdatasetsrecount?byGovAgencyId={ASTANA}&status=PUBLISHED").json()["totalCount"]
    assert total == len(portal_content(WORLD)["astana"].datasets) > 10
    first = site.get(f"/datasets/getdatasetsre?byGovAgencyId={ASTANA}&status=PUBLISHED&page=1&count=50").json()
    second = site.get(f"/datasets/getdatasetsre?byGovAgencyId={ASTANA}&status=PUBLISHED&page=2&count=50").json()
    assert len(first["datasets"]) == 10
    assert len(second["datasets"]) == total - 10
    ids = {d["id"] for d in first["datasets"] + second["datasets"]}
    assert len(ids) == total
    assert all(d["govAgency"]["id"] == ASTANA for d in first["datasets"])


def test_catalogue_answers_form_posts_like_gets(site: Served) -> None:
    form = {"byGovAgencyId": ASTANA, "status": "PUBLISHED", "page": "1", "count": "3"}
    posted = site.request("/datasets/getdatasetsre", method="POST", data=form).json()
    got = site.get(f"/datasets/getdatasetsre?byGovAgencyId={ASTANA}&status=PUBLISHED&page=1&count=3").json()
    assert posted == got and len(got["datasets"]) == 3


def test_dataset_objects_carry_the_documented_fields(site: Served) -> None:
    datasets = site.get("/datasets/getdatasetsre?page=1&count=10&status=PUBLISHED").json()["datasets"]
    assert datasets
    for d in datasets:
        assert d.keys() >= DATASET_KEYS
        assert d["actualizeType"] in ACTUALIZE_DAYS
        assert isinstance(d["modifiedDate"], int) and d["createdDate"] <= d["modifiedDate"]
        assert {"id", "nameRu", "nameKk", "nameEn", "type", "isGovAgency"} <= d["govAgency"].keys()
        assert {"phone", "email"} <= d["responsible"].keys()
        assert {"id", "nameRu", "nameKk", "nameEn", "icon"} <= d["categories"][0].keys()


def test_filters_by_category_and_status(site: Served) -> None:
    category = "AVS-EI0B99eXTcgzfxyo"
    count = site.get(f"/datasets/getdatasetsrecount?categoryId={category}").json()["totalCount"]
    expected = sum(d.category.id == category for c in portal_content(WORLD).values() for d in c.datasets)
    assert count == expected > 0
    assert site.get("/datasets/getdatasetsrecount?status=DELETED").json() == {"totalCount": 0}


def test_passport_json_detailed_and_v4(site: Served) -> None:
    dataset = portal_content(WORLD)["enbek"].datasets[0]
    passport = site.get(f"/meta/{dataset.api_uri}/{dataset.version}").json()
    assert {"descriptionKk", "descriptionRu", "modifiedDate", "fullnameKk", "fullnameRu", "fields"} <= passport.keys()
    assert all({"type", "labelRu", "labelKk"} <= f.keys() for f in passport["fields"].values())
    detailed = site.get(f'/api/detailed/{dataset.api_uri}/{dataset.version}?source={{"from":0,"size":5}}').json()
    assert detailed["totalCount"] == dataset.record_count and len(detailed["data"]) == 5
    assert site.get(f"/api/v4/{dataset.api_uri}/{dataset.version}").status == 403
    rows = site.get(f"/api/v4/{dataset.api_uri}/{dataset.version}?apiKey={'a1' * 16}").json()
    assert isinstance(rows, list) and set(rows[0]) == set(passport["fields"])
    beyond = f'?apiKey={"a1" * 16}&source={{"from":{dataset.record_count},"size":10}}'
    assert site.get(f"/api/v4/{dataset.api_uri}/{dataset.version}{beyond}").json() == []
    assert site.get(f"/meta/{dataset.api_uri}/v99").status == 404


def test_passport_page_is_kazakh_by_default_and_russian_by_cookie(site: Served) -> None:
    dataset = portal_content(WORLD)["enbek"].datasets[0]
    kk = site.get(f"/datasets/view?index={dataset.api_uri}")
    ru = site.get(f"/datasets/view?index={dataset.api_uri}", lang="ru")
    kk_labels = [tr.find_all("td")[0].get_text() for tr in kk.soup().select("table.passport tr")]
    ru_labels = [tr.find_all("td")[0].get_text() for tr in ru.soup().select("table.passport tr")]
    assert "Атауы" in kk_labels and "Название" in ru_labels
    assert {"Тип актуализации", "Дата размещения", "Дата обновления", "Статус"} <= set(ru_labels)
    assert f"currentVersion = '{dataset.version}'" in kk.text
    values = [tr.find_all("td")[1].get_text() for tr in ru.soup().select("table.passport tr")]
    updated = dict(zip(ru_labels, values, strict=True))
    assert updated["Дата обновления"] == dataset.modified.strftime("%d.%m.%Y %H:%M")
    assert site.get("/datasets/view?index=no_such_set").status == 404


def test_listbygovagency_links_to_passports(site: Served) -> None:
    listing = site.get(f"/datasets/listbygovagency?govAgencyId={ASTANA}").soup()
    links = listing.select('a[href^="/datasets/view?index="]')
    assert len(links) == 10
    agencies = site.get("/datasets/listbygovagency", lang="ru").soup().select("ul.agencies a")
    assert any("Акимат города Астаны" in a.get_text() for a in agencies)


def test_declared_open_data_defects_are_what_the_portal_serves(site: Served) -> None:
    defects = [d for d in portal_defects(WORLD) if d.item in ("T1-1", "T1-3", "T1-4", "T10-1", "T10-2", "T10-3")]
    assert {d.body for d in defects} >= {"karaganda", "enbek-center", "zqai"}
    for defect in defects:
        measured = dict(defect.measured)
        body = WORLD.body(defect.body)
        agency = body.ids.data_gov_agency_id
        served = []
        for number in (1, 2) if agency else ():
            served += site.get(f"/datasets/getdatasetsre?byGovAgencyId={agency}&page={number}").json()["datasets"]
        uris = {d["apiUri"] for d in served}
        if defect.item in ("T1-1", "T10-1"):
            required = portal_content(WORLD)[defect.body].required_datasets
            for code in str(measured["missing"]).split(","):
                entry = next(r for r in required if r.code == code)
                assert entry.api_uri is None and not any(d["nameRu"] == entry.name.ru for d in served)
        elif defect.item in ("T1-3", "T10-2") and measured.get("stale"):
            as_of_ms = datetime(WORLD.as_of.year, WORLD.as_of.month, WORLD.as_of.day, tzinfo=UTC).timestamp()
            for uri in str(measured["stale"]).split(","):
                item = next(d for d in served if d["apiUri"] == uri)
                period = ACTUALIZE_DAYS[item["actualizeType"]]
                assert period is not None and item["actual"] is False
                assert as_of_ms - item["modifiedDate"] / 1000 > timedelta(days=period).total_seconds()
        elif defect.item in ("T1-4", "T10-3"):
            for uri in str(measured["incomplete"]).split(","):
                assert uri in uris
                kk = site.get(f"/datasets/view?index={uri}").soup().select("table.fields tbody tr")
                ru = site.get(f"/datasets/view?index={uri}", lang="ru").soup().select("table.fields tbody tr")
                assert any(not tr.find_all("td")[2].get_text() for tr in kk)
                assert all(tr.find_all("td")[2].get_text() for tr in ru)


def test_flaky_world_shows_a_recaptcha_on_some_passports() -> None:
    served = Served(create_app(World(faults="flaky")))
    try:
        dataset = portal_content(WORLD)["enbek"].datasets[0]
        pages = [served.get(f"/datasets/view?index={dataset.api_uri}").text for _ in range(4)]
        assert sum("g-recaptcha" in p for p in pages) == 1
    finally:
        served.close()
