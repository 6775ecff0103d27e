"""The keys and a short how-to-play, shown by F1 and repeated in the README.

A test checks that README.md's "How to play" section lists every key here.
"""
from __future__ import annotations

from game.i18n import N_, _, number

MOUSE: list[tuple[str, str]] = [
    (N_("Left click"), N_("select an army or city; with an army selected, march to a hex, attack an "
                   "adjacent enemy or besiege an adjacent city")),
    (N_("Right click / Esc"), N_("cancel the selection (Esc with nothing selected opens the menu)")),
    (N_("Drag"), N_("pan the map (also by pushing the mouse against a window edge)")),
    (N_("Mouse wheel / + and -"), N_("zoom in and out (the wheel zooms about the cursor)")),
]

FIXED: list[tuple[str, str]] = [
    (N_("Ctrl+Z"), N_("undo the last order, while the rules allow it")),
    (N_("Space"), N_("while the computer plays: skip its moves to the end of its turn")),
    (N_("Space / Esc in the news"), N_("while the news of the last turns plays back: the next item / "
                                "skip the rest")),
    (N_("In a window"), N_("Enter presses the lit button (at first the first one), Tab or the arrow "
                    "keys light the next one, 1 to 9 press the first to ninth, Esc closes it "
                    "(when it need not be answered); in the list of armies the arrows pick a "
                    "row and Enter selects it")),
    (N_("Ctrl+S / Ctrl+L"), N_("save / load with the file list")),
    (N_("F1"), N_("this help")),
    (N_("F11"), N_("fullscreen on or off")),
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
    N_("Each turn is a season (or a month).  On your turn, march your armies, fight, lay "
    "sieges and raise men; then end the turn and the other powers move."),
    N_("Select an army to see where it can march this turn: the lit hexes.  Hover over a hex "
    "to see the path, what it costs and how many turns it takes; click to go.  Roads halve "
    "the cost; rivers, hills, mountains and winter passes slow you down.  An army that "
    "comes next to an enemy must stop (zone of control), but it may still attack or lay "
    "siege that turn.  Each army fights once a turn."),
    N_("Hover over an enemy next to your army to see the odds before you attack.  Walled "
    "cities must be besieged: move next to one and click it (or press B).  Each turn of "
    "siege eats the city's food and may breach its walls; storm it (T) when it is weak.  "
    "Hover over the city you besiege to see the chance to take it by storm, the losses to "
    "expect and the food it has left."),
    N_("An army inside a walled city is besieged with it.  It eats the city's food, so the "
    "food runs out sooner, and then it starves with the garrison.  It may march out; if the "
    "city falls, the army falls with it."),
    N_("Armies far from a friendly city run short of supply and lose men, above all in winter, "
    "in mountains and in the desert.  Money pays your troops; raise new men in your cities "
    "from the side panel."),
    N_("Events from history fire as the war goes on; some ask you to choose.  The war ends when "
    "a side achieves its aim or the last turn is played."),
    N_("Hot-seat: with two or more human sides the players share the screen.  Between their "
    "turns a handover screen hides the map until the next player takes over (with a password, "
    "if that side set one).  Each side then sees only what its own scouts see, and the news "
    "of the turns it missed plays back first.  After the war everyone sees everything."),
]


def concepts(rules: dict) -> list[tuple[str, list[str]]]:
    """The help page on supply, morale and war-weariness (H): what each means and what
    changes it, with the numbers of the scenario's rules (game/rules/table.py)."""
    found = [
        (_("Supply"), [
            _("Supply (0 to 100, the strip along the foot of a counter) is how well an army "
            "is fed.  Green is 70 or more, amber 50 to 69, red below 50."),
            _("An army is in supply when one of its side's cities that is not besieged lies "
            "within {supply_range} movement points over land (roads carry supply "
            "further) and no enemy army or walled enemy city stands across the way.  An "
            "army at sea is fed by its fleet."),
            _("At the end of its side's turn an army in supply gains {supply_gain} "
            "supply a season.  Out of supply it loses {supply_loss}, and "
            "{supply_loss_harsh} more in winter, desert or mountains; foraging in "
            "farmland outside winter saves {forage_percent}% of that loss."),
            _("Below {attrition_threshold} supply an army loses {attrition_per_10}% "
            "of its men each season for every 10 points short.  In winter, mountains, "
            "deserts and snowy passes cost {winter_attrition}% of the men even to a "
            "fed army."),
            _("A hungry army also fights worse: below {battle_supply_par} supply, 1% "
            "less strength for every 2 points short.  (A monthly turn counts a third of a "
            "season.)"),
        ]),
        (_("Morale"), [
            _("Morale (0 to 100, shown in the army's details) is the army's will to fight."),
            _("At {battle_morale_par} an army fights at full strength; every 2 points "
            "above or below that is 1% more or less strength in battle."),
            _("Winning a battle gives {morale_win} morale; losing one, or a failed "
            "storm, costs {morale_loss}.  Unpaid troops lose {unpaid_morale} "
            "(and some desert)."),
            _("An army in supply recovers {morale_recovery} a season, up to "
            "{morale_base}; new troops start at {morale_base}.  Joining armies "
            "share their morale by their numbers.  Some events raise or lower it."),
        ]),
        (_("War-weariness"), [
            _("War-weariness (0 to 100, in the top bar) is how tired your people are of the "
            "war.  It costs nothing by itself, but the war's end and its events turn on "
            "it: in some scenarios a side that is weary enough, and has lost enough, "
            "must make peace on the enemy's terms (see the aims with O), and some of "
            "history's turning points need a side to be weary."),
            _("It rises by {weariness_per_10000_lost} for every 10,000 men lost, "
            "{weariness_city_lost} for a lost city, {weariness_holy_lost} for a "
            "holy city and {weariness_capital_lost} for the capital, and "
            "{weariness_yearly} each spring while at war.  A tyrant on the throne "
            "adds {weariness_tyrant} a year."),
            _("It falls by {weariness_city_won} for each city taken, by "
            "{weariness_quiet_recovery} after a quiet year of war (fewer than "
            "{weariness_quiet_men} men lost since the spring before), and by "
            "{weariness_peace_recovery} each spring at peace.  Some events change it "
            "too."),
        ]),
    ]
    shown = {k: number(v) if isinstance(v, int) and not isinstance(v, bool) else v
             for k, v in rules.items()}
    return [(title, [p.format(**shown) for p in paras]) for title, paras in found]
