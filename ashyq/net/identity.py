"""Who the auditor says it is: one user agent for every fetch path, naming the operator's contact.

The Scrapy crawl and the guarded client (:mod:`ashyq.net.fetch`) send it as it is. Chromium sends it
after the product string of the browser it is (desktop Chrome, or the phone a context emulates):
a page must see the browser and the phone the measurement is about - sites send phones elsewhere,
and firewalls turn away "HeadlessChrome" - and its operator must still see who is visiting and how
to reach them.
"""

from __future__ import annotations

from ashyq import __version__

ROBOTS_NAME = "ashyq-openness-auditor"  # the token robots.txt rules name
# The desktop browser's product string; the Chrome version is the launched browser's own.
DESKTOP_PRODUCT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{major}.0.0.0 Safari/537.36"
)


def user_agent(contact: str, browser: str | None = None) -> str:
    """``ashyq-openness-auditor/<version> (+<contact>)``, after ``browser``'s product string if given."""
    own = f"{ROBOTS_NAME}/{__version__} (+{contact.strip()})"
    return f"{browser.strip()} {own}" if browser else own


def desktop_product(browser_version: str) -> str:
    """The desktop Chrome product string for a browser version such as ``156.0.8078.79``."""
    major = browser_version.split(".", 1)[0] if browser_version[:1].isdigit() else "0"
    return DESKTOP_PRODUCT.format(major=major)
