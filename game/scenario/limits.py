"""The limits of the scenario format, and the reading of plain YAML values within them.

YAML 1.1 reads `1:30:00` as a number in base 60, `0x...` in hex and `017` in
octal, and will build an integer of any length from any of them.  Nothing in
a scenario needs those, and the big ones cost time (a base-60 number of a
million digits takes hours to build) and break saves later (Python will not
print an integer of more than 4,300 digits).  So a scenario's numbers are
decimal, short, and below MAX_WHOLE; its texts are of bounded length and
hold no control characters, lone surrogates or bidirectional overrides; its
lists and mappings have a bounded number of items.  docs/scenario-format.md
lists these limits (see game/scenario/docs.py), and the checks below report
each broken one where it is, with its key.
"""
from __future__ import annotations

import math
import re

MAX_WHOLE = 10**12          # the largest whole number any key or event argument may hold
MAX_DIGITS = 15             # digits in a number as written (MAX_WHOLE has 13)
MAX_NUMBER_CHARS = 40       # characters in a written number (signs, point, exponent, _)
MAX_TEXT = 2_000            # characters in a name, briefing, event text and the like
MAX_LONG_TEXT = 200_000     # characters in a map's terrain, region rows, river edges, road paths
MAX_ITEMS = 20_000          # items in one list or keys in one mapping
MAX_PATH_CHARS = 255        # a file named inside a scenario (its map)

_BOOL = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False,
         "y": True, "n": False}
_DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9_]*)")
_FLOAT = re.compile(r"[-+]?([0-9][0-9_]*)?(\.[0-9_]*)?([eE][-+]?[0-9]+)?")
_SPECIAL_FLOAT = {".inf": math.inf, "+.inf": math.inf, "-.inf": -math.inf, ".nan": math.nan}

# Characters no text in a file may hold: control characters (tab and newline aside),
# lone surrogates, bidirectional overrides and isolates (they can make a name read as
# another), and the two non-characters.
_BAD_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069"
                        "\ufffe\uffff]")


def construct(tag: str, text: str) -> tuple[object, str | None]:
    """The value of a plain YAML scalar with the resolved `tag`: (value, None) or (None, why)."""
    kind = tag.rsplit(":", 1)[-1]
    if kind == "null":
        return None, None
    if kind == "bool":
        v = _BOOL.get(text.lower()) if len(text) < 8 else None
        if v is None:
            return None, f"{shown(text)} is not true or false"
        return v, None
    if kind == "int":
        return whole_number(text)
    if kind == "float":
        return real_number(text)
    return None, f"values tagged {tag!r} are not allowed"    # pragma: no cover - caller filters


def whole_number(text: str) -> tuple[int | None, str | None]:
    t = text.strip()
    if len(t) > MAX_NUMBER_CHARS or sum(ch.isdigit() for ch in t[:MAX_NUMBER_CHARS + 1]) > MAX_DIGITS:
        return None, f"a number of more than {MAX_DIGITS} digits ({shown(text)})"
    if ":" in t:
        return None, (f"{shown(text)} is a base-60 number in YAML; write numbers in decimal "
                      "(or quote it if it is text)")
    if not _DECIMAL.fullmatch(t):
        if re.fullmatch(r"[-+]?0[xXbBoO]?[0-9a-fA-F_]+", t):
            return None, (f"{shown(text)} is not a decimal number (hex, octal and binary are "
                          "not allowed; a leading 0 makes YAML read octal)")
        return None, f"{shown(text)} is not a whole number"
    return int(t.replace("_", "")), None


def real_number(text: str) -> tuple[float | None, str | None]:
    t = text.strip()
    low = t.lower()
    if low in _SPECIAL_FLOAT:
        return _SPECIAL_FLOAT[low], None
    if len(t) > MAX_NUMBER_CHARS:
        return None, f"a number written with more than {MAX_NUMBER_CHARS} characters"
    if ":" in t:
        return None, (f"{shown(text)} is a base-60 number in YAML; write numbers in decimal "
                      "(or quote it if it is text)")
    if not _FLOAT.fullmatch(t) or not any(ch.isdigit() for ch in t):
        return None, f"{shown(text)} is not a number"
    try:
        return float(t.replace("_", "")), None
    except ValueError:
        return None, f"{shown(text)} is not a number"


def text_problem(text: str, limit: int = MAX_LONG_TEXT) -> str | None:
    """Why a text may not stand in a file, or None."""
    if len(text) > limit:
        return f"a text of {len(text)} characters, more than the {limit} allowed here"
    m = _BAD_CHARS.search(text)
    if m:
        return (f"the character U+{ord(m.group()):04X} is not allowed in text (no control "
                "characters, lone surrogates or direction overrides)")
    return None


def shown(text: str, width: int = 30) -> str:
    """A value quoted for a message, cut short and with odd characters escaped."""
    text = text if len(text) <= width else text[:width - 3] + "..."
    return repr(text)


LIMITS_DOC = f"""\
- Whole numbers are written in decimal, with at most {MAX_DIGITS} digits, and none is
  above {MAX_WHOLE:,} (10^12), even where a key names no maximum of its own.
  Base-60 (`1:30`), hex (`0x1F`), octal (`017`) and binary (`0b101`) numbers are
  refused; quote such a value if it is meant as text.
- A number of any kind is written in at most {MAX_NUMBER_CHARS} characters.
- A text holds at most {MAX_TEXT:,} characters ({MAX_LONG_TEXT:,} for a map's `terrain`,
  `region_rows`, river and strait `edges`, road `path` and a scenario's `sources`), and no control
  characters (tab and newline aside), lone surrogates or direction overrides.
- A list or mapping holds at most {MAX_ITEMS:,} items.
- A file named in a scenario (its `map`) is at most {MAX_PATH_CHARS} characters long.
- A file is at most 8 MiB, nests at most 60 levels and expands (aliases
  included) to at most 100,000 values.
"""
