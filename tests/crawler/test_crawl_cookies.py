"""A crawl's cookie handling asks nobody for the public suffix list: the cookie middleware the crawl
settings name takes it from tldextract's bundled copy, so no request leaves outside the egress policy
(Scrapy's own middleware fetched it from publicsuffix.org through ``requests``), and a cookie set by
www.gov.kz for the public suffix ``gov.kz`` still reaches no other site under it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# The child builds the crawl's settings, the cookie middleware they name, and has it handle a
# Set-Cookie - with every request through `requests` recorded and failed, and an empty cache folder
# (a cached list from an earlier fetch would hide one). It prints what it saw as JSON.
CHILD = """
import json
import requests
from scrapy import Request
from scrapy.downloadermiddlewares.cookies import CookiesMiddleware
from scrapy.http import Response
from scrapy.settings.default_settings import DOWNLOADER_MIDDLEWARES_BASE
from scrapy.utils.misc import build_from_crawler, load_object
from scrapy.utils.test import get_crawler

fetched = []

def refuse(self, method, url, *args, **kwargs):
    fetched.append(url)
    raise requests.exceptions.ConnectionError(f"the test refuses {url}")

requests.Session.request = refuse

from ashyq.crawler.settings import build_settings
from ashyq.net.crawl_config import load_crawl_config

config = load_crawl_config().model_copy(update={"contact": "https://audit.gov.kz/ashyq; ashyq@audit.gov.kz"})
settings = build_settings(config)
named = {**DOWNLOADER_MIDDLEWARES_BASE, **settings["DOWNLOADER_MIDDLEWARES"]}
cookie_classes = [
    load_object(path) for path, order in named.items()
    if order is not None and issubclass(load_object(path), CookiesMiddleware)
]
assert len(cookie_classes) == 1, cookie_classes
middleware = build_from_crawler(cookie_classes[0], get_crawler(settings_dict={"COOKIES_ENABLED": True}))
asked = Request("https://www.gov.kz/ru")
middleware.process_request(asked)
answer = Response(
    "https://www.gov.kz/ru",
    headers={"Set-Cookie": ["wide=1; Domain=gov.kz; Path=/", "own=2; Path=/", "site=3; Domain=www.gov.kz; Path=/"]},
    request=asked,
)
middleware.process_response(asked, answer)
sent = {}
for url in ("https://www.gov.kz/kz", "https://enbek.gov.kz/ru"):
    later = Request(url)
    middleware.process_request(later)
    sent[url] = (later.headers.get("Cookie") or b"").decode()
print(json.dumps({"middleware": cookie_classes[0].__name__, "fetched": fetched, "sent": sent}))
"""


def test_cookie_handling_never_fetches_the_public_suffix_list(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "HOME": str(tmp_path)}
    env.pop("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", None)
    env.pop("TLDEXTRACT_CACHE", None)
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr[-3000:]
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["middleware"] == "OfflineCookiesMiddleware"
    assert seen["fetched"] == [], seen["fetched"]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    # gov.kz is a public suffix: a cookie for all of it is dropped (only gov.kz itself could set one)
    assert set(seen["sent"]["https://www.gov.kz/kz"].split("; ")) == {"own=2", "site=3"}
    assert seen["sent"]["https://enbek.gov.kz/ru"] == ""
    assert not (tmp_path / "cache" / "python-tldextract").exists()  # and nothing written to a cache
