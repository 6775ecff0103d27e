"""The keys and a short how-to-play, shown by F1 and repeated in the README.

A test checks that README.md's "How to play" section lists every key here.
"""
from __future__ import annotations

MOUSE: list[tuple[str, str]] = [
    ("Left click", "select an army or city; with an army selected, march to a hex, attack an "
                   "adjacent enemy or besiege an adjacent city"),
    ("Right click / Esc", "cancel the selection (Esc with nothing selected opens the menu)"),
    ("Drag", "pan the map (also by pushing the mouse against a window edge)"),
    ("Mouse wheel / + and -", "zoom in and out (the wheel zooms about the cursor)"),
]

FIXED: list[tuple[str, str]] = [
    ("Ctrl+Z", "undo the last order, while the rules allow it"),
    ("Space", "while the computer plays: skip its moves to the end of its turn"),
    ("Space / Esc in the news", "while the news of the last turns plays back: the next item / "
                                "skip the rest"),
    ("In a window", "Enter presses the lit button (at first the first one), Tab or the arrow "
                    "keys light the next one, 1 to 9 press the first to ninth, Esc closes it "
                    "(when it need not be answered); in the list of armies the arrows pick a "
                    "row and Enter selects it"),
    ("Ctrl+S / Ctrl+L", "save / load with the file list"),
    ("F1", "this help"),
    ("F11", "fullscreen on or off"),
]


def keys_for(bindings: dict[str, str]) -> list[tuple[str, str]]:
    """Every key and what it does, with the player's own keys (settings.keys)."""
    from game.ui import keys
    return [*MOUSE, *keys.help_rows(bindings), *FIXED]


def _default_keys() -> list[tuple[str, str]]:
    from game.ui import keys
    return keys_for(keys.DEFAULTS)


KEYS: list[tuple[str, str]] = _default_keys()

HOW_TO_PLAY: list[str] = [
    "Each turn is a season (or a month).  On your turn, march your armies, fight, lay "
    "sieges and raise men; then end the turn and the other powers move.",
    "Select an army to see where it can march this turn: the lit hexes.  Hover over a hex "
    "to see the path, what it costs and how many turns it takes; click to go.  Roads halve "
    "the cost; rivers, hills, mountains and winter passes slow you down.  An army that "
    "comes next to an enemy must stop (zone of control), but it may still attack or lay "
    "siege that turn.  Each army fights once a turn.",
    "Hover over an enemy next to your army to see the odds before you attack.  Walled "
    "cities must be besieged: move next to one and click it (or press B).  Each turn of "
    "siege eats the city's food and may breach its walls; storm it (T) when it is weak.  "
    "Hover over the city you besiege to see the chance to take it by storm, the losses to "
    "expect and the food it has left.",
    "Armies far from a friendly city run short of supply and lose men, above all in winter, "
    "in mountains and in the desert.  Money pays your troops; raise new men in your cities "
    "from the side panel.",
    "Events from history fire as the war goes on; some ask you to choose.  The war ends when "
    "a side achieves its aim or the last turn is played.",
    "Hot-seat: with two or more human sides the players share the screen.  Between their "
    "turns a handover screen hides the map until the next player takes over (with a password, "
    "if that side set one).  Each side then sees only what its own scouts see, and the news "
    "of the turns it missed plays back first.  After the war everyone sees everything.",
]


def concepts(rules: dict) -> list[tuple[str, list[str]]]:
    """The help page on supply, morale and war-weariness (H): what each means and what
    changes it, with the numbers of the scenario's rules (game/rules/table.py)."""
    r = rules
    return [
        ("Supply", [
            "Supply (0 to 100, the strip along the foot of a counter) is how well an army "
            "is fed.  Green is 70 or more, amber 50 to 69, red below 50.",
            f"An army is in supply when one of its side's cities that is not besieged lies "
            f"within {r['supply_range']} movement points over land (roads carry supply "
            f"further) and no enemy army or walled enemy city stands across the way.  An "
            f"army at sea is fed by its fleet.",
            f"At the end of its side's turn an army in supply gains {r['supply_gain']} "
            f"supply a season.  Out of supply it loses {r['supply_loss']}, and "
            f"{r['supply_loss_harsh']} more in winter, desert or mountains; foraging in "
            f"farmland outside winter saves {r['forage_percent']}% of that loss.",
            f"Below {r['attrition_threshold']} supply an army loses {r['attrition_per_10']}% "
            f"of its men each season for every 10 points short.  In winter, mountains, "
            f"deserts and snowy passes cost {r['winter_attrition']}% of the men even to a "
            f"fed army.",
            f"A hungry army also fights worse: below {r['battle_supply_par']} supply, 1% "
            f"less strength for every 2 points short.  (A monthly turn counts a third of a "
            f"season.)",
        ]),
        ("Morale", [
            "Morale (0 to 100, shown in the army's details) is the army's will to fight.",
            f"At {r['battle_morale_par']} an army fights at full strength; every 2 points "
            f"above or below that is 1% more or less strength in battle.",
            f"Winning a battle gives {r['morale_win']} morale; losing one, or a failed "
            f"storm, costs {r['morale_loss']}.  Unpaid troops lose {r['unpaid_morale']} "
            f"(and some desert).",
            f"An army in supply recovers {r['morale_recovery']} a season, up to "
            f"{r['morale_base']}; new troops start at {r['morale_base']}.  Joining armies "
            f"share their morale by their numbers.  Some events raise or lower it.",
        ]),
        ("War-weariness", [
            "War-weariness (0 to 100, in the top bar) is how tired your people are of the "
            "war.  It costs nothing by itself, but the war's end and its events turn on "
            "it: in some scenarios a side that is weary enough, and has lost enough, "
            "must make peace on the enemy's terms (see the aims with O), and some of "
            "history's turning points need a side to be weary.",
            f"It rises by {r['weariness_per_10000_lost']} for every 10,000 men lost, "
            f"{r['weariness_city_lost']} for a lost city, {r['weariness_holy_lost']} for a "
            f"holy city and {r['weariness_capital_lost']} for the capital, and "
            f"{r['weariness_yearly']} each spring while at war.  A tyrant on the throne "
            f"adds {r['weariness_tyrant']} a year.",
            f"It falls by {r['weariness_city_won']} for each city taken, by "
            f"{r['weariness_quiet_recovery']} after a quiet year of war (fewer than "
            f"{r['weariness_quiet_men']:,} men lost since the spring before), and by "
            f"{r['weariness_peace_recovery']} each spring at peace.  Some events change it "
            f"too.",
        ]),
    ]
