"""An anti-DDoS front's «checking your browser» answer, told from a refusal.

Many regional sites sit behind a protection service that answers a client it has not cleared with an
interstitial instead of the page: an error status (503 most often, 403 or 429 with some services), a short
page saying the browser is being checked, and a script that computes a token, keeps it in a cookie and loads
the address again (or a script of the service's own that does so). A browser passes by itself in a few
seconds and then gets the page; a reader never sees the front. It is not the site's answer, neither a
missing page nor content: the harvest passes it as a browser does (:mod:`ashyq.crawler.middlewares.front`)
and the browser waits for the page behind it (:meth:`ashyq.net.browser.BrowserSession.goto`). A front
that cannot be passed stays what it was: a refusal, recorded, and its pages not assessed.

Told by its structure, not by a service's name: a script of the page that sets a cookie and loads the page
again (``location.reload()``, an assignment to ``location``, or a refresh), or the script of a
protection service's challenge (an address naming a challenge or the service), on an answer with an error
status and little to read.
"""

from __future__ import annotations

import re

FRONT_STATUSES = frozenset((403, 429, 503))  # what protection services answer a client they have not cleared
FRONT_MAX_TEXT = 1500  # the readable text of an interstitial (characters); a real error page may say more
FRONT_WAIT_MS = 20_000  # how long a browser is given to pass a front before the answer is taken as it is
FRONT_READ_CHARS = 65_536  # an interstitial is a small page: an error answer is read this far, never whole

_SCRIPTS = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_SETS_COOKIE = re.compile(r"document\s*\.\s*cookie\s*=")
_LOADS_AGAIN = re.compile(
    r"location\s*\.\s*(?:reload|replace|assign)\s*\(|(?:window\s*\.\s*|document\s*\.\s*)?location(?:\s*\.\s*href)?\s*=[^=]"
)
_REFRESH = re.compile(r"<meta[^>]+http-equiv\s*=\s*[\"']?refresh", re.I)
_SERVICE_SCRIPT = re.compile(r"\bsrc\s*=\s*[\"'][^\"']*(?:challenge|ddos-guard|/cdn-cgi/)", re.I)
_TAGS = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]+>", re.S | re.I)


def is_browser_check(status: int, html: str) -> bool:
    """Whether an answer of ``status`` with the document ``html`` is a front's «checking your browser» page."""
    if status not in FRONT_STATUSES:
        return False
    html = html[:FRONT_READ_CHARS]  # a hostile error page of any size costs no more than this
    scripts = _SCRIPTS.findall(html)
    if not scripts:
        return False
    if len(" ".join(_TAGS.sub(" ", html).split())) > FRONT_MAX_TEXT:
        return False
    inline = "\n".join(body for _, body in scripts)
    own = bool(_SETS_COOKIE.search(inline)) and bool(_LOADS_AGAIN.search(inline) or _REFRESH.search(html))
    return own or any(_SERVICE_SCRIPT.search(attributes) for attributes, _ in scripts)
