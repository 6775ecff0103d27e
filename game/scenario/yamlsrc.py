"""YAML read as a tree of located values, safely.

PyYAML composes the document into nodes (its C parser when present); nothing
is constructed from tags, so `!!python/object` and friends are refused rather
than run.  Every value keeps the line and column it came from, so any later
check can say exactly where a problem is.  Aliases are allowed but the number
of values visited is capped, which defuses "billion laughs" documents.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # the C-accelerated parser when PyYAML was built with libyaml
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _BaseLoader = yaml.SafeLoader


class _Loader(_BaseLoader):
    """The safe loader, remembering the tag of each plain value it has resolved.

    Without path resolvers (the safe loader has none) a tag depends only on
    the kind of node, its text and how it was written, and a scenario repeats
    the same keys and values thousands of times.
    """
    _tags: dict = {}

    def resolve(self, kind, value, implicit):
        key = (kind, value, implicit)
        tag = self._tags.get(key)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if not self.yaml_path_resolvers:
                if len(self._tags) > 50_000:
                    self._tags.clear()
                self._tags[key] = tag
        return tag

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_NODES = 100_000   # the full war is a few thousand; an alias bomb is billions
MAX_DEPTH = 60

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:timestamp",
}
_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file: where, which key, and what."""
    path: str
    line: int
    column: int
    key: str
    message: str

    def __str__(self) -> str:
        where = f"{self.key}: " if self.key else ""
        return f"{self.path}:{self.line}:{self.column}: {where}{self.message}"


class InputError(Exception):
    """Raised with every problem found in one input file (or several)."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class Node:
    """A located YAML value.  kind is 'map', 'seq' or 'scalar'.

    For maps, `value` is a dict of key -> Node (the key's own position is in
    `key_pos`); for sequences a list of Node; for scalars the Python value.
    """
    kind: str
    value: Any
    line: int
    column: int
    key_pos: dict[str, tuple[int, int]] = field(default_factory=dict)

    def describe(self) -> str:
        if self.kind == "map":
            return "a mapping"
        if self.kind == "seq":
            return "a list"
        v = self.value
        if v is None:
            return "nothing (null)"
        if isinstance(v, bool):
            return f"the boolean {str(v).lower()}"
        if isinstance(v, int):
            return f"the integer {v}"
        if isinstance(v, float):
            return f"the number {v}"
        text = str(v)
        if len(text) > 40:
            text = text[:37] + "..."
        return f"the text {text!r}"


class Collector:
    """Gathers problems for one file.  Checks add to it and carry on."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []

    def add(self, line: int, column: int, key: str, message: str) -> None:
        self.problems.append(Problem(self.path, line, column, key, message))

    def at(self, node: Node | None, key: str, message: str) -> None:
        if node is None:
            self.add(1, 1, key, message)
        else:
            self.add(node.line, node.column, key, message)

    def raise_if_any(self) -> None:
        if self.problems:
            raise InputError(self.problems)


def display_path(path: str | os.PathLike) -> str:
    """A path as it should appear in messages: relative to the cwd if inside it."""
    p = os.fspath(path)
    try:
        rel = os.path.relpath(p)
    except ValueError:
        return p
    return p if rel.startswith("..") else rel


def read_text(path: str | os.PathLike, shown: str | None = None) -> str:
    shown = shown or display_path(path)
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise InputError([Problem(shown, 1, 1, "", f"cannot read the file: {exc.strerror or exc}")])
    if size > MAX_FILE_BYTES:
        raise InputError([Problem(shown, 1, 1, "",
                                  f"the file is {size // 1024} KiB, more than the "
                                  f"{MAX_FILE_BYTES // 1024} KiB a scenario may be")])
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError([Problem(shown, 1, 1, "", f"cannot read the file: {exc.strerror or exc}")])
    if b"\x00" in data:
        raise InputError([Problem(shown, 1, 1, "", "this is not a text file (it holds NUL bytes)")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return _raise(shown, line, 1, f"the file is not valid UTF-8 text (byte {exc.start})")


def _raise(path: str, line: int, column: int, message: str):
    raise InputError([Problem(path, line, column, "", message)])


def parse(text: str, path: str) -> Node:
    """Parse YAML text into located Nodes, or raise InputError."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        col = mark.column + 1 if mark else 1
        what = exc.problem or "invalid YAML"
        if exc.context:
            what = f"{exc.context}, {what}"
        _raise(path, line, col, f"YAML syntax error: {what}")
    except yaml.YAMLError as exc:
        _raise(path, 1, 1, f"YAML error: {exc}")
    except RecursionError:
        _raise(path, 1, 1, f"the YAML is nested too deeply (more than {MAX_DEPTH} levels)")
    if root is None:
        _raise(path, 1, 1, "the file is empty")
    col = Collector(path)
    budget = [MAX_NODES]
    try:
        node = _convert(root, col, "", 0, budget)
    except _TooBig as exc:
        _raise(path, exc.line, exc.column, str(exc))
    col.raise_if_any()
    return node


class _TooBig(Exception):
    def __init__(self, message: str, line: int, column: int):
        super().__init__(message)
        self.line, self.column = line, column


_constructor = yaml.constructor.SafeConstructor()


def _convert(n: yaml.Node, col: Collector, keypath: str, depth: int, budget: list[int]) -> Node:
    line, column = n.start_mark.line + 1, n.start_mark.column + 1
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooBig(f"the document expands to more than {MAX_NODES} values "
                      "(aliases repeated too often?)", line, column)
    if depth > MAX_DEPTH:
        raise _TooBig(f"the YAML is nested too deeply (more than {MAX_DEPTH} levels)", line, column)
    if isinstance(n, yaml.ScalarNode):
        if n.tag not in _SCALAR_TAGS:
            col.add(line, column, keypath, f"the tag {n.tag!r} is not allowed (plain values only)")
            return Node("scalar", None, line, column)
        if n.tag == "tag:yaml.org,2002:timestamp" or n.tag == _STR_TAG:
            return Node("scalar", n.value, line, column)    # text is its own value
        try:
            value = _constructor.construct_object(n)
        except (yaml.YAMLError, ValueError) as exc:
            col.add(line, column, keypath, f"bad value: {exc}")
            value = None
        return Node("scalar", value, line, column)
    if isinstance(n, yaml.SequenceNode):
        if n.tag != _SEQ_TAG:
            col.add(line, column, keypath, f"the tag {n.tag!r} is not allowed (plain lists only)")
        items = [_convert(c, col, f"{keypath}[{i}]", depth + 1, budget) for i, c in enumerate(n.value)]
        return Node("seq", items, line, column)
    if isinstance(n, yaml.MappingNode):
        if n.tag != _MAP_TAG:
            col.add(line, column, keypath, f"the tag {n.tag!r} is not allowed (plain mappings only)")
        out: dict[str, Node] = {}
        pos: dict[str, tuple[int, int]] = {}
        for k, v in n.value:
            kl, kc = k.start_mark.line + 1, k.start_mark.column + 1
            if k.tag == "tag:yaml.org,2002:merge":
                col.add(kl, kc, keypath, "merge keys (<<) are not supported; write the keys out")
                continue
            if not isinstance(k, yaml.ScalarNode) or k.tag not in _SCALAR_TAGS:
                col.add(kl, kc, keypath, "a key must be plain text")
                continue
            key = str(k.value)
            sub = f"{keypath}.{key}" if keypath else key
            if key in out:
                first = pos[key][0]
                col.add(kl, kc, sub, f"duplicate key (first given on line {first})")
                continue
            pos[key] = (kl, kc)
            out[key] = _convert(v, col, sub, depth + 1, budget)
        return Node("map", out, line, column, pos)
    raise AssertionError(f"unknown YAML node {n!r}")  # pragma: no cover


def load(path: str | os.PathLike, shown: str | None = None) -> Node:
    shown = shown or display_path(path)
    return parse(read_text(path, shown), shown)

