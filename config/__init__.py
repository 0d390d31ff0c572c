"""Configuration data: methodology editions, body registries, vocabularies, settings."""

from pathlib import Path

CONFIG_DIR = Path(__file__).resolve().parent
METHODOLOGY_DIR = CONFIG_DIR / "methodology"
BODIES_DIR = CONFIG_DIR / "bodies"
