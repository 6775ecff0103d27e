"""Text from files made safe to draw: every string a menu shows from a scenario, map,
save or file name passes through `shown` first.

A file name that is not UTF-8 holds lone surrogates, which the font cannot
encode; a hand-edited save may hold NUL, other control characters or
direction overrides; a title may be 40,000 characters long, which takes the
text layout most of a minute.  Each of those is replaced or cut here, once.
"""
from __future__ import annotations

import re

MAX_SHOWN = 120             # characters of one name or title in a list
MAX_SHOWN_LONG = 4_000      # characters of a description or a list of problems

_ODD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069"
                  "\ufffe\uffff]")


def shown(text: object, limit: int = MAX_SHOWN) -> str:
    """`text` as a string fit to draw: odd characters as U+FFFD, cut to `limit` with '...'."""
    if not isinstance(text, str):
        text = str(text)
    if len(text) > limit:
        text = text[:max(0, limit - 3)] + "..."
    return _ODD.sub("\ufffd", text)
