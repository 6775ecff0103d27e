"""Mutations of valid scenario files, for the fuzz tests and the fuzz command.

Each mutation takes a `pick` (anything with `integer(lo, hi)` and `choice(seq)`:
hypothesis draws in the tests, a seeded random generator elsewhere) and
returns a damaged copy.  Tree mutations work on the parsed YAML and dump it
again (delete a key, change a value's type, swap an id for an unknown one,
nest deeply...); text mutations work on the raw text (truncate, insert
characters, repeat or drop a line, replace numbers).
"""
from __future__ import annotations

import copy
import random
import re

import yaml

JUNK_TEXT = ["", " ", "zz_unknown", "Antioch", "0,0", "-1,-1", "999,999", "603-13", "#zzzzzz",
             "~", "*", "&", "!!python/object:os.system", "{", "[", "\u202e", "\x07", "a" * 300,
             "none", "yes", "1e9", "0x10", "..", "/etc/passwd", "../../x.yaml", "a\x00b",
             "maps/\x00", "\t", "C:\\x"]
JUNK_NUMBERS = [0, -1, -10**6, 10**9, 10**30, -(10**30), 2**63, 3.5, -0.0, float("inf"),
                float("nan"), True, None]
JUNK_VALUES = JUNK_TEXT + JUNK_NUMBERS + [[], {}, [1, 2], {"a": 1}, [[[]]], {"when": None}]


class RandomPick:
    """`pick` backed by a seeded random.Random (for the long fuzz command)."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def integer(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)

    def choice(self, seq):
        return seq[self.rng.randrange(len(seq))]


class HypothesisPick:
    """`pick` backed by hypothesis' `data.draw`, so failures shrink."""

    def __init__(self, data):
        from hypothesis import strategies as st
        self.data, self.st = data, st

    def integer(self, lo: int, hi: int) -> int:
        return self.data.draw(self.st.integers(lo, hi))

    def choice(self, seq):
        return seq[self.data.draw(self.st.integers(0, len(seq) - 1))]


# --- the tree ----------------------------------------------------------------------

def _slots(tree) -> list[tuple[object, object]]:
    """Every (container, key or index) in the tree, in document order."""
    out = []
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            items = list(node.items())
        elif isinstance(node, list):
            items = list(enumerate(node))
        else:
            continue
        for k, v in reversed(items):
            out.append((node, k))
            stack.append(v)
    return out


def _ids(tree) -> list[str]:
    found = []
    for container, k in _slots(tree):
        if k == "id" and isinstance(container, dict) and isinstance(container[k], str):
            found.append(container[k])
    return found


def _nest(depth: int, leaf):
    v = leaf
    for i in range(depth):
        v = [v] if i % 2 else {"k": v}
    return v


def mutate_tree(tree, pick) -> None:
    """Apply one damaging change to the parsed tree, in place."""
    slots = _slots(tree)
    if not slots:
        return
    container, k = slots[pick.integer(0, len(slots) - 1)]
    value = container[k]
    how = pick.integer(0, 9)
    if how == 0:                                   # delete a key or an item
        del container[k]
    elif how == 1:                                 # another type or a junk value
        container[k] = copy.deepcopy(pick.choice(JUNK_VALUES))
    elif how == 2:                                 # a number far out of range
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            container[k] = pick.choice([-value - 1, value * 1000 + 7, -(10**12), 10**12, 0])
        else:
            container[k] = pick.choice(JUNK_NUMBERS)
    elif how == 3:                                 # an id swapped for an unknown (or another) one
        ids = _ids(tree)
        container[k] = pick.choice(ids + ["zz_unknown", "zz_" + str(value)[:20]])
    elif how == 4 and isinstance(container, list):  # a list item repeated
        container.insert(k, copy.deepcopy(value))
    elif how == 5 and isinstance(container, list) and len(container) > 1:   # items reordered
        j = pick.integer(0, len(container) - 1)
        container[k], container[j] = container[j], container[k]
    elif how == 6 and isinstance(value, dict):     # a junk key
        value[pick.choice(["junk", "id", "x" * 50, "when", "at", "men", "0"])] = \
            copy.deepcopy(pick.choice(JUNK_VALUES))
    elif how == 7:                                 # nested deeply
        container[k] = _nest(pick.integer(1, 120), value)
    elif how == 8 and isinstance(value, str):      # a string changed a little
        i = pick.integer(0, len(value))
        container[k] = value[:i] + pick.choice(JUNK_TEXT) + value[i:]
    elif how == 9 and isinstance(value, (dict, list)):   # a collection emptied
        container[k] = type(value)()
    else:
        container[k] = None


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Writes text of several lines (map rows) as a block, as authors do."""


def _text(dumper, value: str):
    # the emitter falls back to a quoted style where a block cannot hold the text
    return dumper.represent_scalar("tag:yaml.org,2002:str", value,
                                   style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)


def load(text: str):
    """The plain data of a YAML text, or None if it is already too broken to read."""
    try:
        return yaml.load(text, Loader=_LOADER)
    except (yaml.YAMLError, ValueError, RecursionError):
        return None


def dump(tree) -> str:
    return yaml.dump(tree, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**6)


# --- the text ----------------------------------------------------------------------

_NUMBER = re.compile(r"(?<![\w.#-])\d+(?![\w.-])")
TEXT_JUNK = ["\x00", "\t", ":", "- ", "{", "}", "[", "]", "&a ", "*a", "!!", "%", "'", '"', "\n",
             "\n  ", "#", "---\n", "? ", "\ufeff", "\u2028", "\udcff", "é", "<<: ", "|\n"]


def mutate_text(text: str, pick) -> str:
    """Apply one damaging change to the raw text."""
    how = pick.integer(0, 5)
    if how == 0:                                   # cut short
        return text[: pick.integer(0, len(text))]
    if how == 1:                                   # characters inserted
        i = pick.integer(0, len(text))
        return text[:i] + pick.choice(TEXT_JUNK) * pick.integer(1, 3) + text[i:]
    lines = text.split("\n")
    i = pick.integer(0, len(lines) - 1)
    if how == 2:                                   # a line repeated (duplicate keys, items)
        lines.insert(i, lines[i])
    elif how == 3:                                 # a line dropped
        del lines[i]
    elif how == 4:                                 # a line re-indented
        lines[i] = " " * pick.integer(0, 6) + lines[i].lstrip()
    else:                                          # numbers replaced
        lines[i] = _NUMBER.sub(lambda m: pick.choice(["-1", "0", "99999999999", "-99999", "1e400",
                                                      "1" * 5000, "0x7f", "1_000"]), lines[i])
    return "\n".join(lines)


TREE_LIMIT = 300_000      # larger texts (a whole theatre map) get text mutations only: quicker


def mutated(text: str, pick, count: int) -> str:
    """`count` mutations, each to the tree or to the text."""
    for _ in range(count):
        if pick.integer(0, 1) and len(text) < TREE_LIMIT:
            tree = load(text)
            if isinstance(tree, (dict, list)):
                mutate_tree(tree, pick)
                text = dump(tree)
                continue
        text = mutate_text(text, pick)
    return text
