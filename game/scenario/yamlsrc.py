"""YAML read as a tree of located values, safely.

PyYAML's parser (its C version when present) turns the text into events, and
a small composer here builds the nodes without recursion; nothing is
constructed from tags, so `!!python/object` and friends are refused rather
than run.  Every value keeps the line and column it came from, so any later
check can say exactly where a problem is.  Aliases are allowed, but the
values they would expand to are counted before anything is expanded, and
nesting is capped as it is read: "billion laughs" and bracket bombs are
refused after reading a few lines, cheaply.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from typing import Any

import yaml

from game.scenario.limits import MAX_ITEMS, MAX_LONG_TEXT, construct, text_problem

try:  # the C-accelerated parser when PyYAML was built with libyaml
    _BaseLoader = yaml.CSafeLoader
    _C_PARSER = True
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _BaseLoader = yaml.SafeLoader
    _C_PARSER = False


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
    severity: str = "error"      # or "warning": reported, but the file still loads

    def __str__(self) -> str:
        where = f"{self.key}: " if self.key else ""
        mark = "warning: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}:{self.column}: {mark}{where}{self.message}"

    def as_error(self) -> "Problem":
        return Problem(self.path, self.line, self.column, self.key, self.message)


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
    reported: bool = False      # a value already refused where it was read: say no more of it

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
            return f"the integer {short_number(v)}"
        if isinstance(v, float):
            return f"the number {v}"
        text = str(v)
        if len(text) > 40:
            text = text[:37] + "..."
        return f"the text {text!r}"


def short_number(v: int | float) -> str:
    """A number for a message: whole if short, else its first digits and length."""
    text = str(v)
    digits = text.lstrip("-")
    return text if len(digits) <= 20 else f"{text[:12]}... ({len(digits)} digits)"


class Collector:
    """Gathers problems for one file.  Checks add to it and carry on."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        from game.scenario.schema import reset_suggestions
        reset_suggestions()

    def add(self, line: int, column: int, key: str, message: str) -> None:
        self.problems.append(Problem(self.path, line, column, key, message))

    def warn(self, line: int, column: int, key: str, message: str) -> None:
        """A problem of meaning that does not stop the load (`validate --strict` refuses it)."""
        self.warnings.append(Problem(self.path, line, column, key, message, "warning"))

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
        st = os.stat(path)
    except OSError as exc:
        raise InputError([Problem(shown, 1, 1, "", f"cannot read the file: {exc.strerror or exc}")])
    if not stat.S_ISREG(st.st_mode):
        # a folder, a device or a pipe: reading it could block or never end
        raise InputError([Problem(shown, 1, 1, "", "not a regular file")])
    if st.st_size > MAX_FILE_BYTES:
        raise InputError([Problem(shown, 1, 1, "", _too_big(st.st_size))])
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)     # the file may have grown since stat
    except OSError as exc:
        raise InputError([Problem(shown, 1, 1, "", f"cannot read the file: {exc.strerror or exc}")])
    if len(data) > MAX_FILE_BYTES:
        raise InputError([Problem(shown, 1, 1, "", _too_big(len(data)))])
    if b"\x00" in data:
        raise InputError([Problem(shown, 1, 1, "", "this is not a text file (it holds NUL bytes)")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return _raise(shown, line, 1, f"the file is not valid UTF-8 text (byte {exc.start})")


def _too_big(size: int) -> str:
    return (f"the file is {size // 1024} KiB, more than the {MAX_FILE_BYTES // 1024} KiB a "
            "scenario or map may be")


def _raise(path: str, line: int, column: int, message: str):
    raise InputError([Problem(path, line, column, "", message)])


def parse(text: str, path: str, col: Collector | None = None) -> Node:
    """Parse YAML text into located Nodes, or raise InputError.

    Problems with single values (a tag, a number out of the format, a bad
    character) go to `col` when one is given, so that the caller reports them
    beside the problems it finds itself; without one they are raised.  A file
    that cannot be read as YAML at all is always raised at once.
    """
    loader = _Loader(text)
    try:
        return _Composer(loader, path, col).document()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        col = mark.column + 1 if mark else 1
        if "nesting depth" in (exc.problem or ""):
            # libyaml (PyYAML 6.0.4 and later) has a nesting limit of its own, which may
            # fire before ours: the author gets the same message whichever refuses first.
            _raise(path, line, col, _too_deep())
        what = exc.problem or "invalid YAML"
        if exc.context:
            what = f"{exc.context}, {what}"
        lines = text.split("\n")
        if line <= len(lines) and "\t" in lines[line - 1][: col]:
            what += " (a tab: indent YAML with spaces only)"
        _raise(path, line, col, f"YAML syntax error: {what}")
    except yaml.reader.ReaderError as exc:
        line, column = _line_column(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        _raise(path, line, column, f"the character U+{code:04X} is not allowed in YAML text "
                                   f"({exc.reason})")
    except yaml.YAMLError as exc:
        _raise(path, 1, 1, f"YAML error: {' '.join(str(exc).split())}")
    finally:
        loader.dispose()


def _too_deep() -> str:
    return f"the YAML is nested too deeply (more than {MAX_DEPTH} levels)"


def _line_column(text: str, position: int) -> tuple[int, int]:
    """Line and column of the reader's position (a byte offset for the C parser)."""
    if _C_PARSER:
        before = text.encode("utf-8", "surrogatepass")[:position].decode("utf-8", "replace")
    else:
        before = text[:position]
    return before.count("\n") + 1, len(before) - before.rfind("\n")


_NO_KEY = object()      # a mapping frame waiting for its next key
_SKIP = object()        # a mapping frame whose last key was refused: drop its value


class _Frame:
    """An open mapping or list while the document is read."""
    __slots__ = ("node", "keypath", "anchor", "size", "height", "key")

    def __init__(self, node: Node, keypath: str, anchor: str | None):
        self.node, self.keypath, self.anchor = node, keypath, anchor
        self.size, self.height, self.key = 1, 1, _NO_KEY


class _Composer:
    """Builds Nodes from the parser's event stream, without recursion.

    PyYAML's own composer recurses once per level of nesting; its C version
    overflows the C stack (the process dies, no exception) on a line of a
    hundred thousand opening brackets.  Reading events with an explicit stack
    instead stops at MAX_DEPTH before the parser has gone any deeper.  An
    alias reuses the Node of its anchor, and the size and depth it adds are
    counted from the anchor's recorded size, so a "billion laughs" document
    is refused after reading its few lines, never expanded.
    """

    def __init__(self, loader, path: str, col: Collector | None = None):
        self.loader, self.path = loader, path
        self.own = col is None
        self.col = Collector(path) if col is None else col
        self.anchors: dict[str, tuple[Node, int, int] | None] = {}   # None while still open
        self.total = 0

    def document(self) -> Node:
        ld = self.loader
        ld.get_event()                                   # stream start
        if ld.check_event(yaml.StreamEndEvent):
            _raise(self.path, 1, 1, "the file is empty")
        ld.get_event()                                   # document start
        root = self._values()
        ld.get_event()                                   # document end
        if not ld.check_event(yaml.StreamEndEvent):
            mark = ld.get_event().start_mark
            _raise(self.path, mark.line + 1, mark.column + 1,
                   "a second YAML document (after `---`); a file holds one document")
        if self.own:
            self.col.raise_if_any()
        return root

    def _count(self, n: int, line: int, column: int) -> None:
        self.total += n
        if self.total > MAX_NODES:
            _raise(self.path, line, column, f"the document expands to more than {MAX_NODES} "
                                            "values (aliases repeated too often?)")

    def _deep(self, line: int, column: int):
        _raise(self.path, line, column, _too_deep())

    def _values(self) -> Node:
        ld, col, anchors = self.loader, self.col, self.anchors
        stack: list[_Frame] = []
        while True:
            ev = ld.get_event()
            kind = type(ev)
            mark = ev.start_mark
            line, column = mark.line + 1, mark.column + 1
            parent = stack[-1] if stack else None
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                fr = stack.pop()
                node, size, height = fr.node, fr.size, fr.height
                if fr.anchor is not None:
                    anchors[fr.anchor] = (node, size, height)
                parent = stack[-1] if stack else None
            elif kind is yaml.ScalarEvent:
                self._count(1, line, column)
                if len(stack) > MAX_DEPTH:
                    self._deep(line, column)
                node, size, height = self._scalar(ev, parent, line, column), 1, 1
                if ev.anchor is not None:
                    self._anchor(ev.anchor, (node, 1, 1), line, column)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self._count(1, line, column)
                if len(stack) > MAX_DEPTH:
                    self._deep(line, column)
                is_map = kind is yaml.MappingStartEvent
                keypath = _child_path(parent)
                if ev.tag not in (None, "!", _MAP_TAG if is_map else _SEQ_TAG):
                    col.add(line, column, keypath, f"the tag {ev.tag!r} is not allowed (plain "
                                                   f"{'mappings' if is_map else 'lists'} only)")
                node = Node("map", {}, line, column, {}) if is_map else Node("seq", [], line, column)
                if ev.anchor is not None:
                    self._anchor(ev.anchor, None, line, column)
                stack.append(_Frame(node, keypath, ev.anchor))
                continue
            elif kind is yaml.AliasEvent:
                if ev.anchor not in anchors:
                    _raise(self.path, line, column, f"the alias *{ev.anchor} names no anchor "
                                                    f"&{ev.anchor} defined before it")
                found = anchors[ev.anchor]
                if found is None:
                    _raise(self.path, line, column, f"the alias *{ev.anchor} is inside the value "
                                                    "it names (a loop)")
                node, size, height = found
                self._count(size, line, column)
                if len(stack) + height - 1 > MAX_DEPTH:
                    self._deep(line, column)
            else:  # pragma: no cover - the parser yields nothing else inside a document
                _raise(self.path, line, column, f"unexpected YAML event {kind.__name__}")
            if parent is None:
                return node
            parent.size += size
            if height >= parent.height:
                parent.height = height + 1
            pnode = parent.node
            if len(pnode.value) >= MAX_ITEMS and (pnode.kind == "seq" or parent.key is _NO_KEY):
                _raise(self.path, line, column, f"more than {MAX_ITEMS} items in one "
                                                f"{'list' if pnode.kind == 'seq' else 'mapping'}")
            if pnode.kind == "seq":
                pnode.value.append(node)
            elif parent.key is _NO_KEY:
                parent.key = self._key(parent, ev, node)
            else:
                if parent.key is not _SKIP:
                    pnode.value[parent.key] = node
                parent.key = _NO_KEY

    def _anchor(self, name: str | None, value, line: int, column: int) -> None:
        if name is None:
            return
        if name in self.anchors:
            _raise(self.path, line, column, f"the anchor &{name} is defined twice")
        self.anchors[name] = value

    def _scalar(self, ev, parent: _Frame | None, line: int, column: int) -> Node:
        if parent is not None and parent.node.kind == "map" and parent.key is _NO_KEY:
            return Node("scalar", ev.value, line, column)    # a key: its text, checked by _key
        tag = ev.tag
        if tag is None or tag == "!":
            tag = self.loader.resolve(yaml.ScalarNode, ev.value, ev.implicit)
        if tag == _STR_TAG:
            return self._text(ev.value, parent, line, column)
        if tag not in _SCALAR_TAGS:
            self.col.add(line, column, _child_path(parent), f"the tag {tag!r} is not allowed "
                                                            "(plain values only)")
            return Node("scalar", None, line, column, reported=True)
        if tag == "tag:yaml.org,2002:timestamp":
            return self._text(ev.value, parent, line, column)   # text is its own value
        value, why = construct(tag, ev.value)
        if why:
            self.col.add(line, column, _child_path(parent), why)
        return Node("scalar", value, line, column, reported=bool(why))

    def _text(self, text: str, parent: _Frame | None, line: int, column: int) -> Node:
        why = text_problem(text, MAX_LONG_TEXT)
        if why:
            self.col.add(line, column, _child_path(parent), why)
            text = ""
        return Node("scalar", text, line, column, reported=bool(why))

    def _key(self, fr: _Frame, ev, node: Node):
        """The text of a mapping key just read, or _SKIP if it is refused."""
        line, column, keypath = node.line, node.column, fr.keypath
        tag = None
        if type(ev) is yaml.ScalarEvent:
            tag = ev.tag
            if tag is None or tag == "!":
                tag = self.loader.resolve(yaml.ScalarNode, ev.value, ev.implicit)
        if tag == "tag:yaml.org,2002:merge":
            self.col.add(line, column, keypath, "merge keys (<<) are not supported; write the "
                                                "keys out")
            return _SKIP
        if tag not in _SCALAR_TAGS:
            self.col.add(line, column, keypath, "a key must be plain text")
            return _SKIP
        key = str(node.value)
        why = text_problem(key, 200)
        if why:
            self.col.add(line, column, keypath, f"a key: {why}")
            return _SKIP
        if key in fr.node.key_pos:
            first = fr.node.key_pos[key][0]
            sub = f"{keypath}.{key}" if keypath else key
            self.col.add(line, column, sub, f"duplicate key (first given on line {first})")
            return _SKIP
        fr.node.key_pos[key] = (line, column)
        return key


def _child_path(parent: _Frame | None) -> str:
    """The key path of the value being read inside `parent` (for messages)."""
    if parent is None:
        return ""
    if parent.node.kind == "seq":
        return f"{parent.keypath}[{len(parent.node.value)}]"
    if parent.key is _NO_KEY or parent.key is _SKIP:
        return parent.keypath
    return f"{parent.keypath}.{parent.key}" if parent.keypath else parent.key


def load(path: str | os.PathLike, shown: str | None = None, col: Collector | None = None
         ) -> Node:
    shown = shown or display_path(path)
    return parse(read_text(path, shown), shown, col)

