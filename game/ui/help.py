"""The keys and a short how-to-play, shown by F1 and repeated in the README.

A test checks that README.md's "How to play" section lists every key here.
"""
from __future__ import annotations

KEYS: list[tuple[str, str]] = [
    ("Left click", "select an army or city; with an army selected, march to a hex, attack an "
                   "adjacent enemy or besiege an adjacent city"),
    ("Right click / Esc", "cancel the selection (Esc with nothing selected opens the menu)"),
    ("Drag / arrow keys / WASD", "pan the map (also by pushing the mouse against a window edge)"),
    ("Mouse wheel / + and -", "zoom in and out (the wheel zooms about the cursor)"),
    ("Tab", "select the next army that can still move"),
    ("B", "besiege the city next to (or under) the selected army"),
    ("T", "take by storm the city the selected army is besieging"),
    ("C", "centre the view on the selection"),
    ("L", "the list of your armies, sortable by name, men, movement left or supply; click "
          "one to select it (also the Armies button in the side panel)"),
    ("O", "your side's aims: what it needs to win and how far it has got, the deadline, the "
          "briefing, and who is at war with whom (also the Aims button in the side panel)"),
    ("Ctrl+Z", "undo the last order, while the rules allow it"),
    ("U", "with delayed fog updates (a setting): show what your moves have revealed; until "
          "then, moves into new ground can be undone"),
    ("Enter", "end your turn (one press, one action: the press that closes a window does "
              "not also end the turn; if armies could still march it asks first, unless "
              "turned off in the settings)"),
    ("Space", "skip the computer's moves to the end of its turn"),
    ("Space / Esc in the news", "while the news of the last turns plays back: the next item / "
                                "skip the rest"),
    ("F5 / F9", "quick-save / quick-load"),
    ("Ctrl+S / Ctrl+L", "save / load with the file list"),
    ("F1", "this help"),
    ("F11", "fullscreen on or off"),
]

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
