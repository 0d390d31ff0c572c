"""data.egov.kz content of one body: its Unified-list entries and the datasets it published.

The Unified list (what a body must publish, and how often) depends only on the world's seed, so
configuration can mirror it; the datasets' dates are placed relative to ``as_of`` so that a set is
fresh or stale against its periodicity on the day of the audit.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from ashyq_replica.core import World, WorldBody
from ashyq_replica.portals.content.calendar import at
from ashyq_replica.portals.content.model import (
    ACTUALIZE_DAYS,
    ActualizeType,
    Bilingual,
    Category,
    Dataset,
    DatasetField,
    RequiredDataset,
)
from ashyq_replica.portals.content.profiles import OpenDataProfile
from ashyq_replica.portals.content.wording import CATEGORIES, DATASET_FIELDS, DATASET_TOPICS, THEME_OF_BODY

# Periodicities of the Unified list, weighted toward what state bodies usually commit to.
LIST_PERIODICITIES: tuple[ActualizeType, ...] = (
    "MONTHLY",
    "MONTHLY",
    "QUARTERLY",
    "QUARTERLY",
    "HALF_YEAR",
    "YEARLY",
    "YEARLY",
    "WEEKLY",
    "DAILY",
)

RESPONSIBLE_PEOPLE = (
    Bilingual("Ахметова Динара Серікқызы", "Ахметова Динара Сериковна"),
    Bilingual("Омаров Бауыржан Қайратұлы", "Омаров Бауржан Кайратович"),
    Bilingual("Сергеева Анна Викторовна", "Сергеева Анна Викторовна"),
)


def required_datasets(world: World, body: WorldBody, profile: OpenDataProfile) -> tuple[RequiredDataset, ...]:
    """The body's entries of the Unified list; the last ``missing`` of them were never published."""
    rng = world.rng("unified-list", body.id)
    topics = list(DATASET_TOPICS[THEME_OF_BODY[body.id]])
    rng.shuffle(topics)
    entries = []
    for n, (key, name, _en, _category) in enumerate(topics[: profile.required]):
        published = n < profile.required - profile.missing
        entries.append(
            RequiredDataset(
                code=f"{body.id.upper()}-OD-{n + 1:02d}",
                name=name,
                actualize_type=rng.choice(LIST_PERIODICITIES),
                api_uri=_api_uri(body, key) if published else None,
            )
        )
    return tuple(entries)


def published_datasets(
    world: World, body: WorldBody, profile: OpenDataProfile, required: tuple[RequiredDataset, ...]
) -> tuple[Dataset, ...]:
    if body.ids.data_gov_agency_id is None:
        return ()
    rng = world.rng("datasets", body.id)
    topics = {key: (name, en, cat) for key, name, en, cat in DATASET_TOPICS[THEME_OF_BODY[body.id]]}
    published = [r for r in required if r.api_uri is not None]
    stale_codes = {r.code for r in published[-profile.stale :]} if profile.stale else set()
    gap_codes = {r.code for r in published[: profile.kk_label_gaps]}
    datasets = []
    for n, entry in enumerate(published):
        key = entry.api_uri.removeprefix(f"{_prefix(body)}_") if entry.api_uri else ""
        name, en, cat = topics[key]
        datasets.append(
            _dataset(
                world,
                rng,
                body,
                key,
                name,
                en,
                cat,
                entry.actualize_type,
                entry.code,
                stale=entry.code in stale_codes,
                kk_gap=entry.code in gap_codes,
                by_api=profile.by_api and n % 2 == 0,
            )
        )
    listed = {r.name.ru for r in required}
    extras = [t for t in DATASET_TOPICS[THEME_OF_BODY[body.id]] if t[1].ru not in listed]
    for key, name, en, cat in extras[: profile.on_request]:
        datasets.append(
            _dataset(world, rng, body, key, name, en, cat, "AS_NEEDED", None, stale=False, kk_gap=False, by_api=False)
        )
    return tuple(datasets)


def _prefix(body: WorldBody) -> str:
    return body.id.replace("-", "_")


def _api_uri(body: WorldBody, key: str) -> str:
    return f"{_prefix(body)}_{key}"


def _dataset(
    world: World,
    rng: random.Random,
    body: WorldBody,
    key: str,
    name: Bilingual,
    name_en: str,
    category_key: str,
    actualize: ActualizeType,
    required_code: str | None,
    *,
    stale: bool,
    kk_gap: bool,
    by_api: bool,
) -> Dataset:
    modified = _modified(world.as_of, rng, actualize, stale)
    created = min(modified - timedelta(days=30), at(world.as_of - timedelta(days=rng.randint(300, 1500)), 10))
    versions = rng.randint(1, 3)
    cat_id, cat_name, cat_en = CATEGORIES[category_key]
    fields = []
    chosen = ["id", "name", *rng.sample(["address", "count", "date", "active"], 3)]
    for field_name, field_type, label in DATASET_FIELDS:
        if field_name not in chosen:
            continue
        # A Kazakh-passport gap: the labels of the data columns were left untranslated.
        kk_label = "" if kk_gap and field_name not in ("id",) else label.kk
        fields.append(DatasetField(field_name, field_type, Bilingual(kk_label, label.ru)))  # type: ignore[arg-type]
    period = ACTUALIZE_DAYS[actualize]
    return Dataset(
        id=f"{rng.getrandbits(96):024x}",
        api_uri=_api_uri(body, key),
        version=f"v{versions}",
        body_id=body.id,
        name=name,
        name_en=name_en,
        description=Bilingual(
            f"«{name.kk}» деректер жинағы. Иесі: {body.names.kk}.",
            f"Набор данных «{name.ru}». Владелец: {body.names.ru}.",
        ),
        description_en=f"Dataset “{name_en}”. Owner: {body.names.en or body.names.ru}.",
        created=created,
        modified=modified,
        views=rng.randint(40, 9000),
        downloads=rng.randint(5, 1200),
        versions_count=versions,
        category=Category(cat_id, cat_name, cat_en),
        keywords=(name.ru.split()[0].lower(), name.kk.split()[0].lower(), body.id),
        actualize_type=actualize,
        actual=period is None or (world.as_of - modified.date()).days <= period,
        fields=tuple(fields),
        record_count=rng.randint(12, 60),
        uploaded_by_api=by_api,
        responsible_name=rng.choice(RESPONSIBLE_PEOPLE),
        responsible_phone=f"+7 7172 {rng.randint(20, 79)}-{rng.randint(10, 99)}-{rng.randint(10, 99)}",
        responsible_email=f"opendata@{body.id}.gov.kz",
        required_code=required_code,
    )


def _modified(as_of: date, rng: random.Random, actualize: ActualizeType, stale: bool) -> datetime:
    period = ACTUALIZE_DAYS[actualize]
    if period is None:
        age = rng.randint(20, 400)
    elif stale:
        # Clearly overdue: more than two periods behind, so no reading of the rule calls it fresh.
        age = 2 * period + rng.randint(5, 30)
    else:
        age = rng.randint(0, period // 3)
    return at(as_of - timedelta(days=age), rng.randint(9, 17), rng.choice((0, 15, 30, 45)))
