"""Hypothesis strategies for hostile submitted files: a valid document with some of its values
replaced, removed or duplicated, written as YAML or JSON, then perhaps damaged byte by byte."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import yaml
from hypothesis import strategies as st

# Text a hostile file would carry: formulas, markup, control characters, encodings, sizes.
HOSTILE_TEXT = (
    "=1+2*3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+7 (7172) 74-00-00",
    "-2+3",
    "<script>alert(1)</script>",
    "\x00\x07\x1b[2J\x0b",
    "javascript:alert(1)",
    "file:///etc/passwd",
    "http://169.254.169.254/latest/meta-data/",
    "http://127.0.0.1:1/",
    "https://" + "a" * 3000 + ".kz/",
    "x" * 40_000,
    "Қазақ тілі ӘҒҚҢӨҰҮҺІ",
    "2026-02-30",
    "31.12.9999",
    "NaN",
    "1e309",
    "",
    " ",
)
# Fragments that make YAML and JSON hostile when spliced into the text of a valid file.
HOSTILE_BYTES = (
    b"&a [1,2]",
    b"*a",
    b"!!python/object/apply:os.system ['true']",
    b"!!binary aGk=",
    b"<<: {x: 1}",
    b"? [1, 2]\n: 3",
    b"[" * 200,
    b"{" * 200,
    b"\xff\xfe",
    b"\xcf\xf0\xe8",  # Windows-1251 «При»
    b"\x00",
    b"---\n",
    b"\t",
    b'"unterminated',
    b"1e999999",
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(HOSTILE_TEXT),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
)
values = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=16,
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for key, child in node.items():
            out.extend(_paths(child, (*prefix, key)))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            out.extend(_paths(child, (*prefix, index)))
    return out


def _parent(doc: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        doc = doc[step]
    return doc


@st.composite
def mutated(draw: st.DrawFn, seed: Any) -> Any:
    """``seed`` with one to four of its values replaced, removed or duplicated."""
    doc = copy.deepcopy(seed)
    for _ in range(draw(st.integers(1, 4))):
        paths = [p for p in _paths(doc) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = _parent(doc, path)
        operation = draw(st.sampled_from(("replace", "replace", "remove", "duplicate", "add")))
        if operation == "replace":
            parent[path[-1]] = draw(values)
        elif operation == "remove":
            del parent[path[-1]]
        elif operation == "duplicate" and isinstance(parent, list):
            parent.extend([copy.deepcopy(parent[path[-1]])] * draw(st.integers(1, 50)))
        elif operation == "add" and isinstance(parent, dict):
            parent[draw(st.text(max_size=12))] = draw(values)
    return doc


def _plain(value: Any) -> Any:
    """JSON cannot hold dates; the text form is what a hand-written file would have."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def serialised(doc: Any, fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps(_plain(doc), ensure_ascii=False).encode("utf-8")
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False).encode("utf-8")


Damage = list[tuple[str, float, int]]
# cut the data at a point, splice a hostile fragment in, or change one byte - up to three times
damage_plans: st.SearchStrategy[Damage] = st.lists(
    st.tuples(
        st.sampled_from(("cut", "splice", "splice", "flip")),
        st.floats(min_value=0, max_value=1),
        st.integers(0, 255),
    ),
    max_size=3,
)


def damage(data: bytes, plan: Damage) -> bytes:
    """``data`` damaged by ``plan``; positions are fractions, so a plan fits data of any length."""
    for operation, where, number in plan:
        at = int(where * len(data))
        if operation == "cut":
            data = data[:at]
        elif operation == "splice":
            data = data[:at] + HOSTILE_BYTES[number % len(HOSTILE_BYTES)] + data[at:]
        elif at < len(data):
            data = data[:at] + bytes([number]) + data[at + 1 :]
    return data
