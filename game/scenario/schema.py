"""Typed reading of located YAML into dataclasses, driven by field metadata.

A model dataclass declares its keys as ordinary fields made with `key(...)`,
which records the documentation, default, range and allowed choices.  `read`
turns a located Node into an instance, collecting every problem (unknown key
with a "did you mean", missing key, wrong type, out of range) rather than
stopping at the first.  The same metadata generates the key-by-key reference
in docs/scenario-format.md, so the documentation cannot drift from the code.
"""
from __future__ import annotations

import dataclasses
import difflib
import math
import re
import types
import typing
from dataclasses import MISSING, dataclass
from typing import Any, Literal, Union, get_args, get_origin

from game.scenario.limits import MAX_LONG_TEXT, MAX_TEXT, MAX_WHOLE
from game.scenario.yamlsrc import Collector, Node, short_number

REQUIRED = MISSING


def key(doc: str, default: Any = REQUIRED, *, min: float | None = None, max: float | None = None,
        example: str | None = None, pattern: str | None = None, long: bool = False) -> Any:
    """Declare a YAML key on a model dataclass.  A text key may hold MAX_TEXT characters,
    or MAX_LONG_TEXT if `long`; a whole number is at most MAX_WHOLE whatever its `max`."""
    meta = {"doc": doc, "min": min, "max": max, "example": example, "pattern": pattern,
            "long": long}
    if default is REQUIRED:
        return dataclasses.field(metadata=meta)
    if isinstance(default, (list, dict)):
        factory = (lambda d=default: type(d)(d))
        return dataclasses.field(default_factory=factory, metadata=meta)
    return dataclasses.field(default=default, metadata=meta)


@dataclass(frozen=True)
class Loc:
    """Where an object and each of its keys came from."""
    file: str
    keypath: str
    line: int
    column: int
    keys: dict = dataclasses.field(default_factory=dict, compare=False)

    def of(self, name: str) -> tuple[int, int]:
        return self.keys.get(name, (self.line, self.column))

    def sub(self, name: str) -> str:
        return f"{self.keypath}.{name}" if self.keypath else name

    def report(self, col: Collector, name: str | None, message: str) -> None:
        if name is None:
            col.add(self.line, self.column, self.keypath, message)
        else:
            line, column = self.of(name)
            col.add(line, column, self.sub(name), message)


def loc_field() -> Any:
    return dataclasses.field(default=None, compare=False, repr=False, metadata={"internal": True})


def model_fields(cls) -> list[dataclasses.Field]:
    return [f for f in dataclasses.fields(cls) if not f.metadata.get("internal")]


_hints_cache: dict[type, dict[str, Any]] = {}


def _hints(cls) -> dict[str, Any]:
    h = _hints_cache.get(cls)
    if h is None:
        h = typing.get_type_hints(cls, include_extras=False)
        _hints_cache[cls] = h
    return h


MAX_SUGGESTIONS = 200       # "did you mean" hints in one file; past that, none
MAX_CANDIDATES = 400        # names compared with one misspelt word
MAX_COMPARISONS = 10_000    # name comparisons for the hints of one file, all told
_budget = {"hints": 0, "compared": 0}


def reset_suggestions() -> None:
    """Start counting a new file's hints (each Collector does, when it is made)."""
    _budget["hints"] = _budget["compared"] = 0


def suggest(word: str, choices) -> str:
    """' (did you mean X?)' for the closest of `choices`, or ''.  The work is bounded: a
    word is compared with at most MAX_CANDIDATES names of about its length, and a file
    gets at most MAX_SUGGESTIONS hints from at most MAX_COMPARISONS comparisons, so a file
    of a thousand misspellings against a thousand places is checked in linear time."""
    word = str(word)
    left = min(MAX_CANDIDATES, MAX_COMPARISONS - _budget["compared"])
    if len(word) > 60 or _budget["hints"] >= MAX_SUGGESTIONS or left <= 0:
        return ""
    names = []
    for c in choices:
        c = str(c)
        if abs(len(c) - len(word)) <= max(3, len(word) // 2):
            names.append(c)
            if len(names) >= left:
                break
    _budget["hints"] += 1
    _budget["compared"] += len(names)
    close = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def read(cls, node: Node, col: Collector, keypath: str):
    """Build a `cls` from a mapping node, or return None if it cannot be built."""
    if node.kind != "map":
        col.at(node, keypath, f"expected a mapping of keys, found {node.describe()}")
        return None
    fields = model_fields(cls)
    names = {f.name for f in fields}
    before = None
    for k, (line, column) in node.key_pos.items():
        if k not in names:
            sub = f"{keypath}.{k}" if keypath else k
            if not _thousands_comma(node, before, k, col, keypath):
                col.add(line, column, sub, f"unknown key {k!r}{suggest(k, names)}")
        before = k
    hints = _hints(cls)
    values: dict[str, Any] = {}
    complete = True
    for f in fields:
        sub = f"{keypath}.{f.name}" if keypath else f.name
        if f.name not in node.value:
            if f.default is MISSING and f.default_factory is MISSING:
                col.at(node, keypath, f"missing required key {f.name!r}")
                complete = False
            continue
        ok, value = convert(hints[f.name], node.value[f.name], col, sub, f.metadata)
        if ok:
            values[f.name] = value
        elif f.default is MISSING and f.default_factory is MISSING:
            complete = False
    if not complete:
        return None
    loc = Loc(col.path, keypath, node.line, node.column, dict(node.key_pos))
    return cls(**values, loc=loc) if "loc" in {f.name for f in dataclasses.fields(cls)} else cls(**values)


def _thousands_comma(node: Node, before, k, col: Collector, keypath: str) -> bool:
    """`{men: 25,000}` reads as `men: 25` and a key `000`: say so, at `men`."""
    prev = node.value.get(before) if before is not None else None
    value = node.value.get(k)
    if (prev is None or prev.kind != "scalar" or isinstance(prev.value, bool)
            or not isinstance(prev.value, int) or not re.fullmatch(r"\d{3}", str(k))
            or value is None or value.value is not None):
        return False
    line, column = node.key_pos[before]
    col.add(line, column, f"{keypath}.{before}" if keypath else str(before),
            f"a number with a thousands comma ({prev.value},{k}): write {prev.value}{k}, "
            "without the comma (inside { } a comma ends the value)")
    return True


def convert(tp: Any, node: Node, col: Collector, keypath: str, meta: dict | None = None) -> tuple[bool, Any]:
    """Convert a node to the annotated type.  Returns (ok, value)."""
    meta = meta or {}
    origin = get_origin(tp)
    if tp is Node:
        return True, node
    if node.reported:           # refused as it was read; one message is enough
        return False, None
    if tp is Any:
        return True, _plain(node)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if node.kind == "scalar" and node.value is None and len(args) < len(get_args(tp)):
            return True, None
        # pick by the shape of the node: a mapping goes to a dataclass, a scalar to a scalar type
        for a in args:
            if _shape_fits(a, node):
                return convert(a, node, col, keypath, meta)
        col.at(node, keypath, f"expected {describe_type(tp)}, found {node.describe()}")
        return False, None
    if origin is Literal:
        choices = get_args(tp)
        if node.kind == "scalar" and node.value in choices and type(node.value) is type(choices[0]):
            return True, node.value
        shown = ", ".join(str(c) for c in choices)
        extra = suggest(node.value, choices) if node.kind == "scalar" else ""
        col.at(node, keypath, f"expected one of {shown}; found {node.describe()}{extra}")
        return False, None
    if origin is list:
        (item_tp,) = get_args(tp)
        if node.kind != "seq":
            col.at(node, keypath, f"expected a list, found {node.describe()}")
            return False, None
        out = []
        for i, item in enumerate(node.value):
            ok, v = convert(item_tp, item, col, f"{keypath}[{i}]")
            if ok and v is not None:
                out.append(v)
        return True, out
    if origin is dict:
        _, val_tp = get_args(tp)
        if node.kind != "map":
            col.at(node, keypath, f"expected a mapping, found {node.describe()}")
            return False, None
        out = {}
        for k, item in node.value.items():
            ok, v = convert(val_tp, item, col, f"{keypath}.{k}", meta)
            if ok:
                out[k] = v
        return True, out
    if dataclasses.is_dataclass(tp):
        obj = read(tp, node, col, keypath)
        return obj is not None, obj
    if tp in (int, float, str, bool):
        return _scalar(tp, node, col, keypath, meta)
    raise TypeError(f"schema cannot read type {tp!r}")  # pragma: no cover - programming error


def _shape_fits(tp: Any, node: Node) -> bool:
    origin = get_origin(tp)
    if tp is Node or tp is Any:
        return True
    if dataclasses.is_dataclass(tp) or origin is dict:
        return node.kind == "map"
    if origin is list:
        return node.kind == "seq"
    if node.kind != "scalar":
        return False
    v = node.value
    if tp is bool:
        return isinstance(v, bool)
    if tp is int:
        return isinstance(v, int) and not isinstance(v, bool)
    if tp is float:
        return isinstance(v, (int, float)) and not isinstance(v, bool)
    if tp is str:
        return isinstance(v, str)
    if origin is Literal:
        return v in get_args(tp)
    return False


def _scalar(tp, node: Node, col: Collector, keypath: str, meta: dict) -> tuple[bool, Any]:
    v = node.value
    if node.kind != "scalar" or v is None:
        col.at(node, keypath, f"expected {describe_type(tp)}, found {node.describe()}")
        return False, None
    if tp is bool:
        if not isinstance(v, bool):
            col.at(node, keypath, f"expected true or false, found {node.describe()}")
            return False, None
        return True, v
    if tp is int:
        if isinstance(v, str) and re.fullmatch(r"\d{1,3}(,\d{3})+", v):
            col.at(node, keypath, f"a number with a thousands comma ({v}): write "
                                  f"{v.replace(',', '')}, without the comma")
            return False, None
        if isinstance(v, bool) or not isinstance(v, int):
            col.at(node, keypath, f"expected a whole number, found {node.describe()}")
            return False, None
    elif tp is float:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            col.at(node, keypath, f"expected a number, found {node.describe()}")
            return False, None
        try:
            v = float(v)
        except OverflowError:
            v = math.inf
        if not math.isfinite(v):
            col.at(node, keypath, f"expected an ordinary number, found {node.describe()}")
            return False, None
    elif tp is str:
        if not isinstance(v, str):
            # a bare number or date where text is expected: accept its text
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                v = str(v)
            else:
                col.at(node, keypath, f"expected text, found {node.describe()}")
                return False, None
        limit = MAX_LONG_TEXT if meta.get("long") else MAX_TEXT
        if len(v) > limit:
            col.at(node, keypath, f"a text of {len(v)} characters, more than the {limit} "
                                  "allowed here")
            return True, v       # reported; kept whole so that later checks do not mislead
        pattern = meta.get("pattern")
        if pattern:
            if not re.fullmatch(pattern, v):
                # reported, but the value is kept so that later checks do not cascade
                col.at(node, keypath, f"{v!r} does not match the form {meta.get('example') or pattern}")
                return True, v
    lo, hi = meta.get("min"), meta.get("max")
    if tp is int:
        lo = -MAX_WHOLE if lo is None else lo
        hi = MAX_WHOLE if hi is None else hi
    if lo is not None and v < lo:
        col.at(node, keypath, f"{short_number(v)} is below the minimum {lo}")
        return True, type(v)(lo)
    if hi is not None and v > hi:
        col.at(node, keypath, f"{short_number(v)} is above the maximum {hi}")
        return True, type(v)(hi)
    return True, v


def _plain(node: Node) -> Any:
    if node.kind == "map":
        return {k: _plain(v) for k, v in node.value.items()}
    if node.kind == "seq":
        return [_plain(v) for v in node.value]
    return node.value


def describe_type(tp: Any) -> str:
    origin = get_origin(tp)
    if tp is int:
        return "a whole number"
    if tp is float:
        return "a number"
    if tp is str:
        return "text"
    if tp is bool:
        return "true or false"
    if tp is Node or tp is Any:
        return "any YAML value"
    if origin is Literal:
        return "one of " + ", ".join(str(a) for a in get_args(tp))
    if origin is list:
        return f"a list of {_plural(get_args(tp)[0])}"
    if origin is dict:
        return f"a mapping of names to {_plural(get_args(tp)[1])}"
    if origin in (Union, types.UnionType):
        parts = [describe_type(a) for a in get_args(tp) if a is not type(None)]
        s = " or ".join(parts)
        return s + (" (or null)" if type(None) in get_args(tp) else "")
    if dataclasses.is_dataclass(tp):
        return f"a {tp.__name__} mapping"
    return str(tp)


def _plural(tp: Any) -> str:
    if get_origin(tp) is Literal:
        return "values among " + ", ".join(str(a) for a in get_args(tp))
    d = describe_type(tp)
    for article in ("a ", "an "):
        if d.startswith(article):
            d = d[len(article):]
    return d if d.endswith("s") else d + "s"
