"""Name resolution as the egress policy sees it: a resolver is a function from a host name to the
addresses it answers, raising :class:`OSError` when the name does not resolve.

The system resolver is the default. The seam exists so that a test can stand in for the DNS (a name
that answers one address first and another the second time, as a rebinding attacker's server does)
without touching the machine's configuration: every fetch path takes its resolver from its
:class:`~ashyq.net.egress.EgressPolicy`, and the Scrapy crawl builds it from the setting
``ASHYQ_DNS_SCRIPT``.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Mapping, Sequence

Resolver = Callable[[str], list[str]]


def system_resolver(host: str) -> list[str]:
    """The addresses the operating system answers for ``host`` (TCP), in its order, each once."""
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except UnicodeError as error:
        raise OSError(f"{host!r} is not a valid host name: {error}") from error
    found: list[str] = []
    for info in infos:
        address = str(info[4][0]).split("%", 1)[0]  # a scope id (fe80::1%eth0) does not change the judgement
        if address not in found:
            found.append(address)
    return found


class ScriptedResolver:
    """Answers names from a script: ``{"rebind.example": [["93.184.216.34"], ["127.0.0.1"]]}``.

    Each lookup of a name takes its next answer; the last answer repeats. An empty answer is a name
    that does not resolve. Names not in the script go to ``fallback`` (none: they do not resolve).
    Thread-safe: the crawl resolves from a thread pool.
    """

    def __init__(self, script: Mapping[str, Sequence[Sequence[str]]], fallback: Resolver | None = None) -> None:
        self.script = {name.lower().rstrip("."): [list(a) for a in answers] for name, answers in script.items()}
        self.fallback = fallback
        self.lookups: dict[str, int] = {}
        self._lock = threading.Lock()

    def __call__(self, host: str) -> list[str]:
        name = host.lower().rstrip(".")
        answers = self.script.get(name)
        if answers is None:
            if self.fallback is None:
                raise OSError(f"{host} does not resolve (not in the resolver's script)")
            return self.fallback(host)
        with self._lock:
            count = self.lookups.get(name, 0)
            self.lookups[name] = count + 1
        answer = answers[min(count, len(answers) - 1)] if answers else []
        if not answer:
            raise OSError(f"{host} does not resolve")
        return list(answer)


def resolver_from_script(script: Mapping[str, Sequence[Sequence[str]]] | None) -> Resolver:
    """The system resolver, or a scripted one in front of it when a script is given."""
    if not script:
        return system_resolver
    return ScriptedResolver(script, fallback=system_resolver)
