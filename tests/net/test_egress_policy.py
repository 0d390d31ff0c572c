"""The egress policy on its own: which addresses are global, what a URL may name, replica mode's
allow-list, the operator's --url and --replica-map, and the resolver seam."""

from __future__ import annotations

import ipaddress

import pytest

from ashyq.net.egress import EgressPolicy, Refusal, check_site_url, embedded_ipv4, non_global, target_of
from ashyq.net.resolve import ScriptedResolver
from ashyq.net.urlmap import BaseUrlMap, ReplicaMapError, read_replica_map

PUBLIC = "93.184.216.34"


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.10", "private"),
        ("169.254.169.254", "link-local (cloud metadata range)"),
        ("100.64.0.1", "carrier-grade NAT (shared address space)"),
        ("100.100.100.200", "carrier-grade NAT (shared address space)"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.251", "multicast"),
        ("255.255.255.255", "private"),
        ("192.0.2.1", "private"),  # documentation
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local (cloud metadata range)"),
        ("fd00::1", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback (IPv4 127.0.0.1 inside)"),  # IPv4-mapped
        ("::ffff:0:a9fe:a9fe", "link-local (cloud metadata range) (IPv4 169.254.169.254 inside)"),  # SIIT
        ("::127.0.0.1", "loopback (IPv4 127.0.0.1 inside)"),  # IPv4-compatible
        ("2002:7f00:1::", "loopback (IPv4 127.0.0.1 inside)"),  # 6to4
        ("2002:a9fe:a9fe::1", "link-local (cloud metadata range) (IPv4 169.254.169.254 inside)"),
        ("64:ff9b::7f00:1", "loopback (IPv4 127.0.0.1 inside)"),  # NAT64
        ("64:ff9b::a9fe:a9fe", "link-local (cloud metadata range) (IPv4 169.254.169.254 inside)"),
        ("64:ff9b:1::a00:1", "private (IPv4 10.0.0.1 inside)"),  # local-use NAT64
        ("64:ff9b::6440:1", "carrier-grade NAT (shared address space) (IPv4 100.64.0.1 inside)"),
        ("2001:db8::1", "private"),  # documentation
        ("fec0::1", "site-local (deprecated private range)"),  # counted global by ipaddress
        ("feff:ffff::1", "site-local (deprecated private range)"),
        ("3fff::1", "documentation"),  # RFC 9637, counted global by ipaddress
        ("3fff:fff:ffff::1", "documentation"),
        ("192.88.99.1", "6to4 relay anycast (deprecated)"),  # counted global by ipaddress
        ("::ffff:192.88.99.1", "6to4 relay anycast (deprecated) (IPv4 192.88.99.1 inside)"),
        ("3fff:1000::1", None),  # just past the documentation range
        ("192.88.100.1", None),
        (PUBLIC, None),
        ("8.8.8.8", None),
        ("2606:4700::1", None),
        ("64:ff9b::808:808", None),  # NAT64 of a public address is public
        ("2002:808:808::1", None),  # so is 6to4
    ],
)
def test_what_is_not_global(address: str, why: str | None) -> None:
    assert non_global(ipaddress.ip_address(address)) == why


def test_embedded_ipv4_forms() -> None:
    assert embedded_ipv4(ipaddress.IPv6Address("2606:4700::1")) is None
    assert embedded_ipv4(ipaddress.IPv6Address("::1")) is None
    assert str(embedded_ipv4(ipaddress.IPv6Address("64:ff9b::c0a8:10a"))) == "192.168.1.10"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/hostname", "private_address"),
        ("FILE:///proc/self/environ", "private_address"),
        ("ftp://ftp.example.kz/a", "offsite"),
        ("gopher://127.0.0.1:70/_x", "offsite"),
        ("s3://bucket/key", "offsite"),
        ("javascript:alert(1)", "offsite"),
        ("data:text/html,<b>x</b>", "offsite"),
        ("http:///nohost", "error"),
        ("http://example.kz:99999/", "error"),
        ("http://example.kz:0/", "error"),  # port 0 is no port
    ],
)
def test_only_web_addresses(url: str, reason: str) -> None:
    with pytest.raises(Refusal) as refused:
        target_of(url)
    assert refused.value.reason == reason


def test_names_are_resolved_once_and_every_answer_must_pass() -> None:
    script = ScriptedResolver(
        {
            "public.example": [[PUBLIC]],
            "mixed.example": [[PUBLIC, "10.0.0.5"]],
            "rebind.example": [[PUBLIC], ["127.0.0.1"]],
            "gone.example": [[]],
        }
    )
    policy = EgressPolicy(resolver=script)
    assert policy.check_url("https://public.example/x")[1] == [PUBLIC]
    with pytest.raises(Refusal, match=r"mixed.example \(10.0.0.5\) is a private address") as mixed:
        policy.check_url("http://mixed.example/")
    assert mixed.value.reason == "private_address"
    assert policy.addresses("rebind.example", 80) == [PUBLIC]  # the first answer, checked
    with pytest.raises(Refusal, match="loopback"):
        policy.addresses("rebind.example", 80)  # the second look is judged again
    assert script.lookups == {"public.example": 1, "mixed.example": 1, "rebind.example": 2}
    with pytest.raises(Refusal, match="does not resolve") as gone:
        policy.addresses("gone.example", 80)
    assert gone.value.reason == "error"  # fail closed: an unchecked name is not contacted
    with pytest.raises(Refusal) as unknown:
        policy.addresses("not-in-the-script.example", 80)
    assert unknown.value.reason == "error"


@pytest.mark.parametrize("host", ["localhost", "localhost.", "LOCALHOST", "api.localhost", "2130706433", "0x7f.1"])
def test_loopback_spelled_otherwise(host: str) -> None:
    with pytest.raises(Refusal) as refused:
        EgressPolicy().addresses(host, 80)  # numeric spellings resolve (inet_aton) to 127.0.0.1
    assert refused.value.reason == "private_address"


def test_a_name_that_does_not_resolve_fails_closed() -> None:
    with pytest.raises(Refusal, match="does not resolve") as refused:
        EgressPolicy().check_url("http://no-such-name.invalid/")
    assert refused.value.reason == "error"


def test_replica_mode_is_the_printed_endpoints_and_nothing_else() -> None:
    url_map = BaseUrlMap.from_mapping({"https://www.gov.kz": "http://127.0.0.1:4100"})
    policy = url_map.policy(resolver=ScriptedResolver({"akorda.kz": [[PUBLIC]]}))
    assert policy.closed and policy.allowed == frozenset({("127.0.0.1", 4100)})
    assert policy.check_url("http://127.0.0.1:4100/x")[1] == ["127.0.0.1"]
    for url, reason in [
        ("http://127.0.0.1:4101/", "private_address"),  # loopback, not printed
        ("http://169.254.169.254/", "private_address"),
        ("https://akorda.kz/", "offsite"),  # public, but the replica is a closed world (no DNS asked)
        ("https://www.gov.kz/", "offsite"),  # the real name is not where the map sends it
    ]:
        with pytest.raises(Refusal) as refused:
            policy.check_url(url)
        assert refused.value.reason == reason, url


def test_an_operator_may_allow_loopback_or_private_endpoints_only() -> None:
    open_web = EgressPolicy().allowing([("127.0.0.1", 8000), ("10.0.0.5", 80)])
    assert open_web.check_address("127.0.0.1", 8000) and open_web.check_address("10.0.0.5", 80)
    with pytest.raises(Refusal):
        open_web.check_address("127.0.0.1", 8001)
    for host in ("169.254.169.254", "100.64.0.1", "localhost"):
        with pytest.raises(ValueError):
            EgressPolicy().allowing([(host, 80)])


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ('{"https://www.gov.kz": "http://169.254.169.254"}', "a served base is http://127.x.x.x:PORT"),
        ('{"https://www.gov.kz": "http://169.254.169.254:80"}', "served on loopback only"),
        ('{"https://www.gov.kz": "file:///etc"}', "a served base is http://127.x.x.x:PORT"),
        ('{"https://www.gov.kz": "gopher://127.0.0.1:70"}', "a served base is http://127.x.x.x:PORT"),
        ('{"https://www.gov.kz": "http://localhost:4100"}', "a served base is http://127.x.x.x:PORT"),
        ('{"https://www.gov.kz": "http://10.0.0.5:4100"}', "served on loopback only"),
        ('{"https://www.gov.kz": "https://127.0.0.1:4100"}', "a served base is http://127.x.x.x:PORT"),
        ('{"https://www.gov.kz": "http://127.0.0.1:4100/path"}', "a served base is http://127.x.x.x:PORT"),
        ('{"file:///etc": "http://127.0.0.1:4100"}', "a real base is an http(s) URL"),
        ('{"https://www.gov.kz/api": "http://127.0.0.1:4100"}', "without path"),
        ('{"https://www.gov.kz": 4100}', "strings"),
        ("[1, 2]", "a JSON object"),
        ("{}", "a JSON object"),
        ("{nope", "--replica-map, line 1, column 2: not valid JSON"),
        ("/no/such/map.json", "cannot be read"),
        ('{"https://www.gov.kz": "http://127.0.0.1:0"}', "'http://127.0.0.1:0': port 0 is no port"),
        ('{"https://www.gov.kz:0": "http://127.0.0.1:4100"}', "'https://www.gov.kz:0': port 0 is no port"),
        (
            '{"https://www.gov.kz": "http://127.0.0.1:4100", "https://WWW.gov.kz/": "http://127.0.0.1:4101"}',
            "'https://WWW.gov.kz/': the same host as the entry 'https://www.gov.kz' (https://www.gov.kz)",
        ),
        (
            '{"https://www.gov.kz": "http://127.0.0.1:4100", "https://www.gov.kz:443": "http://127.0.0.1:4101"}',
            "'https://www.gov.kz:443': the same host as the entry 'https://www.gov.kz'",
        ),
    ],
)
def test_a_replica_map_names_loopback_ports_only(value: str, problem: str) -> None:
    with pytest.raises(ReplicaMapError) as refused:
        read_replica_map(value)
    assert problem in str(refused.value) and "\n" not in str(refused.value)


def test_a_map_built_in_code_refuses_two_entries_for_one_host_and_port_0() -> None:
    served = {"https://www.gov.kz": "http://127.0.0.1:4100", "https://www.gov.kz:443/": "http://127.0.0.1:4101"}
    with pytest.raises(ReplicaMapError, match=r"the same host as the entry 'https://www\.gov\.kz'"):
        BaseUrlMap.from_mapping(served)
    with pytest.raises(ReplicaMapError, match="port 0 is no port"):
        BaseUrlMap.from_mapping({"https://www.gov.kz": "http://127.0.0.1:0"})
    both_schemes = BaseUrlMap.from_mapping(
        {"http://x.kz": "http://127.0.0.1:4100", "https://x.kz": "http://127.0.0.1:4101"}
    )
    assert both_schemes.to_served("https://x.kz:443/a") == "http://127.0.0.1:4101/a"  # the default port is the host's


def test_the_map_the_world_prints_is_read() -> None:
    printed = '{"https://www.gov.kz": "http://127.0.0.1:4100", "https://zqai.kz": "http://[::1]:4101/"}'
    assert read_replica_map(printed) == {
        "https://www.gov.kz": "http://127.0.0.1:4100",
        "https://zqai.kz": "http://[::1]:4101",
    }


@pytest.mark.parametrize(
    ("given", "site"),
    [("example.kz", "https://example.kz"), ("http://example.kz/ru/", "http://example.kz/ru/"),
     ("127.0.0.1:8000", "https://127.0.0.1:8000")],
)  # fmt: skip
def test_site_url_accepted(given: str, site: str) -> None:
    assert check_site_url(given) == site


@pytest.mark.parametrize(
    "given",
    ["javascript:alert(1)", "file:///etc/passwd", "gopher://x.kz/", "data:text/html,x", "http://a b.kz/",
     "http://user:pw@x.kz/", "mailto:a@b.kz", "http://x.kz/\x00", "ftp://x.kz/"],
)  # fmt: skip
def test_site_url_refused(given: str) -> None:
    with pytest.raises(ValueError, match="must be an http"):
        check_site_url(given)
