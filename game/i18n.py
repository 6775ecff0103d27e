"""The language of what the player reads.

Interface strings go through the standard library's gettext: `_("text")` for a
string, `ngettext(one, many, n)` for one with a number (each language has its
own plural rule in its catalogue), and named placeholders filled after the
lookup, `_("{army} marches to {place}").format(...)`, so a translator may put
the words in any order.  `N_("text")` marks a string that is looked up later
(module-level tables).

The catalogues are assets/locale/LANG/LC_MESSAGES/game.po (the source a
translator edits) and game.mo (compiled from it, read at run time).  Babel,
an optional extra for the tools only, extracts and compiles them
(tools/i18n.py); playing needs nothing but the standard library.

Besides the real languages there is PSEUDO, a made-up one for tests: every
string comes back marked and about a third longer, so a test can spot both a
string that never went through the layer and a box too small for a longer
language.

Headless: the engine only marks strings with `N_` (its refusals' templates) and
never looks one up, so its reports stay English and deterministic; the UI and the
command line's `--lang` do the lookups.
"""
from __future__ import annotations

import gettext
from dataclasses import dataclass
from pathlib import Path

DOMAIN = "game"
ENGLISH = "en"
PSEUDO = "qps"          # the pseudo-language, for tests (not offered to players)
# The languages offered in the settings, each named in itself.
LANGUAGES: dict[str, str] = {"en": "English", "el": "Ελληνικά"}

_current: gettext.NullTranslations = gettext.NullTranslations()
_code = ENGLISH


def locale_dir() -> Path:
    from game.resources import assets_dir
    return assets_dir() / "locale"


def known(code: str) -> bool:
    return code in LANGUAGES or code == PSEUDO


def set_language(code: str | None) -> str:
    """Use `code` for every later lookup; an unknown code (or one with no catalogue)
    falls back to English.  Returns the code in use."""
    global _current, _code
    code = (code or ENGLISH).strip()
    if code == PSEUDO:
        _current, _code = Pseudo(), PSEUDO
        return _code
    if code == ENGLISH or code not in LANGUAGES:
        _current, _code = gettext.NullTranslations(), ENGLISH
        return _code
    try:
        _current = gettext.translation(DOMAIN, str(locale_dir()), languages=[code])
        _code = code
    except OSError:
        _current, _code = gettext.NullTranslations(), ENGLISH
    return _code


def language_name(code: str) -> str:
    """A language's name, written in that language (the pseudo-language marked as such)."""
    if code == PSEUDO:
        return pseudo("Pseudo")
    return LANGUAGES.get(code, code)


def language() -> str:
    """The code of the language in use."""
    return _code


def _(text: str) -> str:
    """`text` in the language in use."""
    return _current.gettext(text)


def ngettext(one: str, many: str, n: int) -> str:
    """The form of a phrase for the number `n`, in the language in use."""
    return _current.ngettext(one, many, n)


def pgettext(context: str, text: str) -> str:
    """`text` as meant in `context` (the same English word said two ways)."""
    return _current.pgettext(context, text)


# How each language groups the thousands of a number: Greek writes 12.500, English 12,500.
THOUSANDS: dict[str, str] = {"en": ",", "el": "."}


def number(n: int, sign: bool = False) -> str:
    """A whole number as the language in use writes it (its thousands separator; a
    leading + for a gain when `sign`).  Every count of men or solidi shown goes
    through here."""
    text = f"{n:+,}" if sign else f"{n:,}"
    sep = THOUSANDS.get(_code, ",")
    return text if sep == "," else text.replace(",", sep)


def N_(text: str) -> str:
    """Mark `text` for translation without looking it up now."""
    return text


# --- words said later -----------------------------------------------------------------

@dataclass(frozen=True)
class Named:
    """A name or phrase that headless code words in English now and a screen words in its
    language later: its English, what it is and what it refers to.  kind: 'army',
    'city', 'faction', 'commander', 'pass', 'region', 'event' (ref: an id), 'cities'
    (ref: ids), 'place' (ref: (hex, preposition)), 'spot' (ref: a hex, named alone) or
    'phrase' (ref: (template, values): a phrase inside another)."""
    english: str
    kind: str
    ref: object = None

    def __str__(self) -> str:
        return self.english

    def __format__(self, spec: str) -> str:
        return format(self.english, spec)


def said(template: str, **values) -> Named:
    """A phrase for a screen: `template` (marked with N_) filled with `values` (numbers,
    words, Named), in English now and in the screen's language when it is shown."""
    english = {k: f"{v:,}" if isinstance(v, int) and not isinstance(v, bool) else v
               for k, v in values.items()}
    return Named(template.format(**english), "phrase", (template, values))


# --- the pseudo-language --------------------------------------------------------------

_ACCENTED = dict(zip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                     "åƀçđéƒĝĥîĵķĺɱñöþǫŕšŧûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŦÛṼŴẊÝŽ"))
OPEN, CLOSE = "[!!", "!!]"


def pseudo(text: str) -> str:
    """`text` accented, padded by about a third and marked at both ends.  Placeholders
    ({name}, %s, %(name)s), markup (<b>...</b>) and escapes (&lt;) are kept as they are."""
    if not text:
        return text
    out, i, shown = [], 0, 0
    while i < len(text):
        ch = text[i]
        end = None
        if ch == "{":
            end = text.find("}", i)
        elif ch == "<":
            end = text.find(">", i)
        elif ch == "&":
            end = text.find(";", i)
            end = end if 0 < end - i <= 8 else None
        elif ch == "%" and i + 1 < len(text):
            if text[i + 1] == "(":
                end = text.find(")", i)
                end = end + 1 if end > 0 and end + 1 < len(text) else None
            elif text[i + 1] in "sdif%":
                end = i + 1
        if end is not None and end > i:
            out.append(text[i:end + 1])
            i = end + 1
            continue
        if ch == "\n":
            out.append(ch)
        else:
            out.append(_ACCENTED.get(ch, ch))
            shown += 1
        i += 1
    # about 35% longer in all: the two marks and their spaces, then the tildes
    pad = "~" * max(1, (shown * 35 + 99) // 100 - len(OPEN) - len(CLOSE) - 3)
    lines = "".join(out).split("\n")
    lines[0] = f"{OPEN} {lines[0]}"
    lines[-1] = f"{lines[-1]} {pad} {CLOSE}"
    return "\n".join(lines)


def is_pseudo(text: str) -> bool:
    """Whether `text` (a whole line or label) came through the pseudo-language."""
    return OPEN in text and CLOSE in text


class Pseudo(gettext.NullTranslations):
    def gettext(self, message):
        return pseudo(message)

    def ngettext(self, msgid1, msgid2, n):
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context, message):
        return pseudo(message)
