"""The keys of the play screen that a player may change: one table, read by the
screen's input, by the settings (which keep the player's choices in settings.json)
and by the help, so what the help lists is what the keys do.

Keys are kept by pygame's names for them ("left", "tab", "b", "return").  Keys
with Ctrl (Ctrl+Z, Ctrl+S, Ctrl+L), Esc, F1 and F11 are fixed, and so are the
numeric keypad's six directions (7 8 9 / 1 2 3 and 4 6) and 5 (act).
"""
from __future__ import annotations

from dataclasses import dataclass

import pygame


from game.i18n import N_, _
from game.hexgrid import Hex, hex_from_offset, hex_neighbor, offset_from_hex


@dataclass(frozen=True)
class Action:
    id: str
    default: str          # pygame's name for the key
    what: str             # for the help and the settings


ACTIONS: tuple[Action, ...] = (
    Action("cursor_left", "left", N_("move the hex cursor west")),
    Action("cursor_right", "right", N_("move the hex cursor east")),
    Action("cursor_up", "up", N_("move the hex cursor up a row")),
    Action("cursor_down", "down", N_("move the hex cursor down a row")),
    Action("act", "space", N_("at the hex cursor: select, or with an army selected march there, "
                           "attack or besiege (as a left click does)")),
    Action("next_army", "tab", N_("select the next army that can still move or strike (attack, "
                               "besiege or storm)")),
    Action("besiege", "b", N_("besiege the city next to (or under) the selected army")),
    Action("storm", "t", N_("take by storm the city the selected army is besieging, or sally "
                           "from the city it is besieged in")),
    Action("raise", "r", N_("raise men in the selected city (or the city of the selected army)")),
    Action("split", "p", N_("split the selected army in two")),
    Action("merge", "m", N_("join the selected army to another of yours in its hex")),
    Action("centre", "c", N_("centre the view on the selection")),
    Action("armies", "l", N_("the list of your armies, sortable by name, men, movement left or "
                          "supply; pick one to select it (also the Armies button in the side "
                          "panel)")),
    Action("aims", "o", N_("your side's aims: what it needs to win and how far it has got, the "
                        "deadline, the briefing, and who is at war with whom (also the Aims "
                        "button in the side panel)")),
    Action("concepts", "h", N_("what supply, morale and war-weariness mean, and what changes them")),
    Action("tint", "g", N_("the owners' colours over their land, on or off")),
    Action("mute", "v", N_("sound on or off (the volume is in the settings)")),
    Action("show_fog", "u", N_("with delayed fog updates (a setting): show what your moves have "
                            "revealed; until then, moves into new ground can be undone")),
    Action("end_turn", "return", N_("end your turn (one press, one action: the press that closes "
                                 "a window does not also end the turn; if armies could still "
                                 "march it asks first, unless turned off in the settings)")),
    Action("pan_up", "w", N_("pan the map up")),
    Action("pan_left", "a", N_("pan the map left")),
    Action("pan_down", "s", N_("pan the map down")),
    Action("pan_right", "d", N_("pan the map right")),
    Action("zoom_in", "=", N_("zoom in")),
    Action("zoom_out", "-", N_("zoom out")),
    Action("quick_save", "f5", N_("quick-save")),
    Action("quick_load", "f9", N_("quick-load")),
)
BY_ID = {a.id: a for a in ACTIONS}
DEFAULTS: dict[str, str] = {a.id: a.default for a in ACTIONS}

# Keys that are never offered for an action: fixed elsewhere or needed by dialogs.
RESERVED = frozenset({"escape", "f1", "f11", "left ctrl", "right ctrl", "left shift",
                      "right shift", "left alt", "right alt", "left meta", "right meta",
                      "1", "2", "3", "4", "5", "6", "7", "8", "9"})

# The numeric keypad's fixed keys: six hex directions, up and down a row, and act.
# Directions are 0=E, 1=NE, 2=NW, 3=W, 4=SW, 5=SE (game.hexgrid).
KEYPAD = {pygame.K_KP6: 0, pygame.K_KP9: 1, pygame.K_KP7: 2, pygame.K_KP4: 3,
          pygame.K_KP1: 4, pygame.K_KP3: 5, pygame.K_KP8: "up", pygame.K_KP2: "down"}
KEYPAD_ACT = pygame.K_KP5
CURSOR = {"cursor_left": 3, "cursor_right": 0, "cursor_up": "up", "cursor_down": "down"}
PAN = {"pan_up": (0, -1), "pan_left": (-1, 0), "pan_down": (0, 1), "pan_right": (1, 0)}


def _names() -> dict[str, int]:
    names = {c: getattr(pygame, f"K_{c}") for c in "abcdefghijklmnopqrstuvwxyz0123456789"}
    names.update({f"f{i}": getattr(pygame, f"K_F{i}") for i in range(1, 13)})
    names.update({"left": pygame.K_LEFT, "right": pygame.K_RIGHT, "up": pygame.K_UP,
                  "down": pygame.K_DOWN, "space": pygame.K_SPACE, "tab": pygame.K_TAB,
                  "return": pygame.K_RETURN, "backspace": pygame.K_BACKSPACE,
                  "insert": pygame.K_INSERT, "delete": pygame.K_DELETE, "home": pygame.K_HOME,
                  "end": pygame.K_END, "page up": pygame.K_PAGEUP,
                  "page down": pygame.K_PAGEDOWN, "=": pygame.K_EQUALS, "-": pygame.K_MINUS,
                  ",": pygame.K_COMMA, ".": pygame.K_PERIOD, "/": pygame.K_SLASH,
                  ";": pygame.K_SEMICOLON, "'": pygame.K_QUOTE, "[": pygame.K_LEFTBRACKET,
                  "]": pygame.K_RIGHTBRACKET, "\\": pygame.K_BACKSLASH, "`": pygame.K_BACKQUOTE,
                  "escape": pygame.K_ESCAPE})
    return names


# The keys an action may have, by the name kept in settings.json.
NAMES: dict[str, int] = _names()
NAME_OF: dict[int, str] = {v: k for k, v in NAMES.items()}


def key_code(name: str) -> int | None:
    """The pygame key of a name in NAMES, or None."""
    return NAMES.get(name) if isinstance(name, str) else None


def key_name(code: int) -> str | None:
    """The name of a pressed key, or None for a key no action may have."""
    return NAME_OF.get(code)


def key_label(name: str) -> str:
    """How a key is written for people: "Tab", "B", "Enter", "Left"."""
    special = {"return": "Enter", "escape": "Esc"}
    if name in special:
        return special[name]
    return name.upper() if len(name) == 1 else name.title()


# Key names a player's keyboard may write in his own language (the others stay as printed).
KEY_WORDS = (N_("Left"), N_("Right"), N_("Up"), N_("Down"), N_("Space"), N_("Backspace"),
             N_("Delete"), N_("Insert"), N_("Home"), N_("End"), N_("Page Up"), N_("Page Down"))


def key_text(name: str) -> str:
    """A key's name for people, in the language in use."""
    return _(key_label(name)) if name else ""


def checked(raw) -> dict[str, str]:
    """The bindings from settings.json, checked: unknown actions and unknown or reserved
    keys are dropped, and a key given to two actions stays with the first.  An action
    left without a key gets its default if that is free, else the default of the action
    that took it (as a swap would), else none."""
    out = dict(DEFAULTS)
    if not isinstance(raw, dict):
        return out
    chosen = {}
    for a in ACTIONS:
        name = raw.get(a.id)
        if isinstance(name, str) and name not in RESERVED and key_code(name) is not None:
            chosen[a.id] = name
    used: set[str] = set()
    for a in ACTIONS:                   # the player's choices first
        name = chosen.get(a.id)
        if name is not None and name not in used:
            out[a.id] = name
            used.add(name)
        else:
            out[a.id] = ""
    for a in ACTIONS:                   # then defaults where they are still free
        if out[a.id]:
            continue
        name = a.default
        if name in used:
            taker = next((b for b in ACTIONS if out[b.id] == name), None)
            name = taker.default if taker is not None else ""
        if name and name not in used:
            out[a.id] = name
            used.add(name)
    return out


def action_of(bindings: dict[str, str], key: int) -> str | None:
    """The action bound to a pressed key, if any."""
    name = NAME_OF.get(key)
    if name is None:
        return None
    for aid, bound in bindings.items():
        if bound == name:
            return aid
    return None


def rebind(bindings: dict[str, str], action: str, name: str) -> tuple[dict[str, str], str]:
    """Give `action` the key `name`; the action that had that key gets this one's old key.
    Returns the new bindings and a sentence saying what happened."""
    if name in RESERVED or key_code(name) is None:
        return bindings, _("{key} cannot be used: it is kept for the game").format(
            key=key_text(name))
    new = dict(bindings)
    old = new.get(action, "")
    other = next((a for a, k in new.items() if k == name and a != action), None)
    new[action] = name
    if other is not None:
        new[other] = old
        return new, _("{key} now does: {action}; {other} moves to {old}").format(
            key=key_text(name), action=_(BY_ID[action].what), other=_(BY_ID[other].what),
            old=key_text(old) if old else _("no key"))
    return new, _("{key} now does: {action}").format(key=key_text(name),
                                                     action=_(BY_ID[action].what))


def step(h: Hex, move) -> Hex:
    """The hex next to h in a direction (0-5), or straight up or down a row ("up", "down"):
    in offset rows a row up or down keeps the column, which is the NE/NW or SE/SW
    neighbour by the row's parity."""
    if move in ("up", "down"):
        col, row = offset_from_hex(h)
        return hex_from_offset(col, row + (-1 if move == "up" else 1))
    return hex_neighbor(h, move)


def help_rows(bindings: dict[str, str]) -> list[tuple[str, str]]:
    """The changeable keys as (key, what it does) rows for the help, with the keypad."""
    rows = [(key_label(bindings.get(a.id) or "") or N_("(no key)"), a.what) for a in ACTIONS]
    rows.append((N_("Keypad 7 8 9 4 6 1 2 3 / 5"), N_("move the hex cursor in the six directions "
                                                      "(8 and 2: up and down a row) / act")))
    return rows
