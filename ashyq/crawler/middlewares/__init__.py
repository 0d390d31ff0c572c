"""The crawl's downloader components, one concern each (see ashyq/crawler/settings.py for their order).

* :mod:`.mapping` - the download handler that fetches a mapped real URL from the replica and hands
  the answer back under the real URL;
* :mod:`.guard` - refuses private, loopback and link-local targets before any connection;
* :mod:`.robots` - per-source robots.txt overrides, each with its recorded reason;
* :mod:`.traps` - page, depth and query-pattern limits, redirect loops;
* :mod:`.retry` - retries with back-off (and Retry-After);
* :mod:`.front` - an anti-DDoS front's «checking your browser» answer passed in Chromium, its cookies carried;
* :mod:`.archive` - every exchange into the body's WARC;
* :mod:`.failures` - turns every refusal, error and final HTTP error into a FetchFailureItem.
"""
