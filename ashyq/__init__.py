"""ashyq: the openness auditor: harvest, browser measurements, checks, scores, reports, the store."""

__version__ = "0.1.0"
