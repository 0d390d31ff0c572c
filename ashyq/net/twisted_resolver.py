"""The crawl's connections, checked where they are made: the Twisted name resolver Scrapy's HTTP
handler connects through answers only addresses the egress policy passes.

Scrapy's HTTP/1.1 handler connects with Twisted's ``HostnameEndpoint``, which asks the reactor's
name resolver for every host - a literal address included - with the port, and connects to exactly
what it answers. :class:`EgressResolver` is that resolver (setting ``TWISTED_DNS_RESOLVER``): it
resolves a name once, judges every answer with :class:`~ashyq.net.egress.EgressPolicy` and answers
nothing when one fails. A name that answered a public address to an earlier check and answers
loopback now (DNS rebinding) is therefore refused at the moment it would be connected to. The
refusal is kept per host, so the download handler can record the reason rather than a DNS error.

The policy comes from the crawl's settings (:func:`policy_from_settings`): the base-URL map
(replica mode), explicitly allowed endpoints (``ASHYQ_EGRESS_ALLOW``, ``["127.0.0.1:8000"]``) and a
scripted resolver for tests (``ASHYQ_DNS_SCRIPT``, see :mod:`ashyq.net.resolve`).
"""

from __future__ import annotations

import ipaddress
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from twisted.internet import defer
from twisted.internet.address import IPv4Address, IPv6Address
from twisted.internet.error import DNSLookupError
from twisted.internet.interfaces import IHostnameResolver, IHostResolution, IResolverSimple
from twisted.internet.threads import deferToThreadPool
from twisted.python.failure import Failure
from zope.interface import implementer

from ashyq.net.egress import EgressPolicy, Refusal
from ashyq.net.resolve import resolver_from_script
from ashyq.net.urlmap import BaseUrlMap

REMEMBERED_REFUSALS = 1000


def parse_endpoint(text: str) -> tuple[str, int]:
    """``"127.0.0.1:8000"`` or ``"[::1]:8000"`` → (address, port)."""
    host, _, port = text.strip().rpartition(":")
    if not host or not port.isdigit():
        raise ValueError(f"{text!r}: an endpoint is ADDRESS:PORT")
    return host.strip("[]"), int(port)


def policy_from_settings(settings: Any) -> EgressPolicy:
    """The crawl's egress policy, from its Scrapy settings (the same for every component)."""
    url_map = BaseUrlMap.from_mapping(settings.getdict("ASHYQ_BASE_URL_MAP"))
    policy = url_map.policy(resolver_from_script(settings.getdict("ASHYQ_DNS_SCRIPT")))
    extra = [parse_endpoint(e) for e in settings.getlist("ASHYQ_EGRESS_ALLOW")]
    return policy.allowing(extra) if extra else policy


@implementer(IHostResolution)
class _Resolution:
    def __init__(self, name: str) -> None:
        self.name = name

    def cancel(self) -> None:  # the lookup runs in a thread; its answer is then ignored
        pass


@implementer(IHostnameResolver, IResolverSimple)
class EgressResolver:
    def __init__(self, reactor: Any, policy: EgressPolicy) -> None:
        self.reactor = reactor
        self.policy = policy
        self.refusals: OrderedDict[str, Refusal] = OrderedDict()

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> EgressResolver:
        return cls(reactor, policy_from_settings(crawler.settings))

    def install_on_reactor(self) -> None:
        # Both interfaces: HostnameEndpoint asks the name resolver, a plain connectTCP(name) the simple one.
        self.reactor.installResolver(self)
        self.reactor.installNameResolver(self)

    def refusal_for(self, host: str) -> Refusal | None:
        return self.refusals.get(host.strip("[]").lower())

    def _checked(self, host: str, port: int) -> defer.Deferred[list[str]]:
        pool = self.reactor.getThreadPool()
        lookup: defer.Deferred[list[str]] = deferToThreadPool(self.reactor, pool, self.policy.addresses, host, port)

        def refused(failure: Failure) -> Failure:
            if isinstance(failure.value, Refusal):
                key = host.strip("[]").lower()
                self.refusals[key] = failure.value
                self.refusals.move_to_end(key)
                while len(self.refusals) > REMEMBERED_REFUSALS:
                    self.refusals.popitem(last=False)
            return failure

        return lookup.addErrback(refused)

    def resolveHostName(
        self,
        resolutionReceiver: Any,
        hostName: str,
        portNumber: int = 0,
        addressTypes: Sequence[type[Any]] | None = None,
        transportSemantics: str = "TCP",
    ) -> Any:
        resolution = _Resolution(hostName)
        resolutionReceiver.resolutionBegan(resolution)
        wanted = set(addressTypes) if addressTypes else {IPv4Address, IPv6Address}

        def answer(addresses: list[str]) -> None:
            for address in addresses:
                kind = IPv6Address if ipaddress.ip_address(address).version == 6 else IPv4Address
                if kind in wanted:
                    resolutionReceiver.addressResolved(kind("TCP", address, portNumber))
            resolutionReceiver.resolutionComplete()

        def nothing(failure: Failure) -> None:  # no address: the endpoint fails with a DNS error
            resolutionReceiver.resolutionComplete()

        self._checked(hostName, portNumber).addCallbacks(answer, nothing)
        return resolution

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> defer.Deferred[str]:
        def first(addresses: list[str]) -> str:
            return addresses[0]

        def failed(failure: Failure) -> Failure:
            return Failure(DNSLookupError(str(failure.value)))

        return self._checked(name, 0).addCallbacks(first, failed)


def ensure_installed(settings: Any) -> EgressResolver:
    """The reactor's egress resolver, installed now if the crawl was started some other way than by
    a CrawlerProcess (which installs ``TWISTED_DNS_RESOLVER`` itself): no connection of the crawl is
    made through an unchecked resolver."""
    from twisted.internet import reactor

    installed = getattr(reactor, "nameResolver", None)
    if isinstance(installed, EgressResolver):
        return installed
    resolver = EgressResolver(reactor, policy_from_settings(settings))
    resolver.install_on_reactor()
    return resolver


def refusal_for(host: str) -> Refusal | None:
    """Why the crawl's resolver refused ``host`` lately (None: it did not, or it is not installed)."""
    from twisted.internet import reactor

    resolver = getattr(reactor, "nameResolver", None)
    return resolver.refusal_for(host) if isinstance(resolver, EgressResolver) else None
