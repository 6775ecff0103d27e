"""The interface's translation catalogues: extract, update, compile, check.

    python tools/i18n.py extract     # game/ -> assets/locale/game.pot (every marked string)
    python tools/i18n.py init LANG   # start LANG/LC_MESSAGES/game.po from the template
    python tools/i18n.py update      # merge the template into each LANG/LC_MESSAGES/game.po
    python tools/i18n.py compile     # each game.po -> game.mo (what the game reads)
    python tools/i18n.py check       # list the strings a catalogue leaves untranslated

Needs Babel, the `i18n` extra (`pip install -c constraints.txt -e '.[i18n]'`); the
game itself reads the compiled .mo files with the standard library alone.  A test
checks that each shipped game.mo holds exactly what its game.po says, so commit both
after `compile`.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "assets" / "locale"
TEMPLATE = LOCALE / "game.pot"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}


def _babel():
    try:
        import babel  # noqa: F401
    except ImportError:
        sys.exit("tools/i18n.py needs Babel: pip install -c constraints.txt -e '.[i18n]'")


def catalogues() -> list[Path]:
    return sorted(LOCALE.glob("*/LC_MESSAGES/game.po"))


def level_texts() -> list[str]:
    """The difficulty levels' texts: the computer's code holds them unmarked (it stays
    English), and the new-game screen shows them translated."""
    sys.path.insert(0, str(ROOT))
    from game.ai.levels import LEVELS_TEXT
    return list(LEVELS_TEXT.values())


def extract() -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir
    from babel.messages.pofile import write_po
    cat = Catalog(project="Last Great War", charset="utf-8")
    for name, lineno, message, comments, context in extract_from_dir(
            str(ROOT / "game"), method_map=[("**.py", "python")], keywords=KEYWORDS,
            comment_tags=("TRANSLATORS:",), strip_comment_tags=True):
        cat.add(message, None, [(f"game/{name}", lineno)], auto_comments=comments,
                context=context)
    for message in level_texts():
        cat.add(message, None, [("game/ai/levels.py", 0)],
                auto_comments=["a difficulty level's text, as the new-game screen shows it"])
    with open(TEMPLATE, "wb") as fh:
        write_po(fh, cat, width=88, sort_output=False, omit_header=False)
    print(f"{TEMPLATE.relative_to(ROOT)}: {len(cat)} strings")


def init(lang: str) -> None:
    from babel.messages.pofile import read_po, write_po
    po = LOCALE / lang / "LC_MESSAGES" / "game.po"
    if po.exists():
        sys.exit(f"{po.relative_to(ROOT)} exists; use update")
    with open(TEMPLATE, "rb") as fh:
        cat = read_po(fh, locale=lang)
    cat.locale = lang           # its plural rule comes with the locale
    po.parent.mkdir(parents=True, exist_ok=True)
    with open(po, "wb") as fh:
        write_po(fh, cat, width=88)
    print(f"{po.relative_to(ROOT)}: {len(cat)} strings")


def update() -> None:
    from babel.messages.pofile import read_po, write_po
    with open(TEMPLATE, "rb") as fh:
        template = read_po(fh)
    for po in catalogues():
        lang = po.parent.parent.name
        with open(po, "rb") as fh:
            cat = read_po(fh, locale=lang)
        cat.update(template, update_header_comment=False, no_fuzzy_matching=True)
        with open(po, "wb") as fh:
            write_po(fh, cat, width=88, ignore_obsolete=True)
        print(f"{po.relative_to(ROOT)}: {len(cat)} strings")


def compile_all() -> None:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    for po in catalogues():
        with open(po, "rb") as fh:
            cat = read_po(fh, locale=po.parent.parent.name)
        with open(po.with_suffix(".mo"), "wb") as fh:
            write_mo(fh, cat, use_fuzzy=False)
        print(f"{po.with_suffix('.mo').relative_to(ROOT)}: compiled")


def check() -> int:
    from babel.messages.pofile import read_po
    missing = 0
    for po in catalogues():
        with open(po, "rb") as fh:
            cat = read_po(fh, locale=po.parent.parent.name)
        for m in cat:
            if m.id and not (m.string if isinstance(m.string, str) else all(m.string)):
                print(f"{po.relative_to(ROOT)}: untranslated: {m.id!r}")
                missing += 1
    return 1 if missing else 0


def main(argv: list[str]) -> int:
    _babel()
    what = argv[0] if argv else ""
    if what == "extract":
        extract()
    elif what == "init" and len(argv) == 2:
        init(argv[1])
    elif what == "update":
        update()
    elif what == "compile":
        compile_all()
    elif what == "check":
        return check()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
