"""HTTP validators on the replica, as the real servers use them: an ETag and a Last-Modified on every
GET answer, 304 where a host honours them, the same bytes again where it ignores them."""

from __future__ import annotations

import pytest
from ashyq_replica.core import World
from ashyq_replica.server import start_world
from world_client import Answer, Client


def _header(answer: Answer, name: str) -> str:
    return next(v for k, v in answer.headers.items() if k.lower() == name.lower())


def test_a_classic_site_answers_304_to_its_own_validators(world_urls: dict[str, str], client: Client) -> None:
    url = world_urls["https://www.kostanay.gov.kz"] + "/ru/news"
    first = client.get(url)
    etag, modified = _header(first, "ETag"), _header(first, "Last-Modified")
    assert first.status == 200 and etag.startswith('"')
    assert client.get(url, headers={"If-None-Match": etag}).status == 304
    assert client.get(url, headers={"If-Modified-Since": modified}).status == 304
    # If-None-Match wins: a tag that does not match is a full answer whatever the date says
    assert client.get(url, headers={"If-None-Match": '"other"', "If-Modified-Since": modified}).status == 200
    again = client.get(url, headers={"If-Modified-Since": "Mon, 01 Jan 2024 00:00:00 GMT"})
    assert again.status == 200 and again.body == first.body


def test_the_open_data_portal_ignores_validators(world_urls: dict[str, str], client: Client) -> None:
    url = world_urls["https://data.egov.kz"] + "/meta/kostanay_zher_uchaskeleri/v2"
    first = client.get(url)
    assert first.status == 200
    again = client.get(url, headers={"If-None-Match": _header(first, "ETag")})
    assert again.status == 200 and again.body == first.body


def test_a_fix_changes_the_pages_it_is_on_and_their_validators(client: Client) -> None:
    news, other = "/ru/news/1", "/ru/contacts"
    with start_world(World()) as before:
        old = {path: client.get(before.urls["https://www.kostanay.gov.kz"] + path) for path in (news, other)}
    with start_world(World(fixes=frozenset({"kostanay:missing_alt"}))) as after:
        base = after.urls["https://www.kostanay.gov.kz"]
        assert client.get(base + news, headers={"If-None-Match": _header(old[news], "ETag")}).status == 200
        assert client.get(base + other, headers={"If-None-Match": _header(old[other], "ETag")}).status == 304
    with pytest.raises(ValueError, match="no such fix"):
        World(fixes=frozenset({"kostanay:no_such_knob"}))
