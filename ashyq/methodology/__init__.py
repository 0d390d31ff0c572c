"""Methodology editions as data: the schema of an edition file and its validator."""
