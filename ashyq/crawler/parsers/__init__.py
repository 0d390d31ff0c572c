"""Pure parsers: the bytes a portal answered → records. No network, no Scrapy; spiders call these.

Every function here takes text (HTML or JSON) and returns plain data, so it can be tested on
saved responses and on the replica world's answers alike.
"""
