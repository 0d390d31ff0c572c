"""ashyq: the openness auditor's command line, store, runs and replica world."""

__version__ = "0.1.0"
