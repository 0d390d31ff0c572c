"""The harvest: Scrapy spiders for body websites and the portals, WARC capture, store pipelines.

Spiders address the real systems' URLs. In replica mode a base-URL map sends each request to the
local replica host serving that real host, and the response comes back under the real URL, so
nothing downstream ever sees a replica address.
"""
