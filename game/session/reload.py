"""For scenario authors: read the scenario file again and replay the game's orders on it.

The file is read and checked anew (an error stops the reload and is
reported as `validate` would); then a new game of the same seed and sides
plays every order of the current one, each checked as in play.  The first
order the new scenario refuses is named, with its number, and the game
goes on from just before it.  The author sees at once what a change of the
file does to the game in front of him.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.rules.orders import Refused
from game.scenario.yamlsrc import InputError


@dataclass
class Reloaded:
    session: object | None       # the replayed Session, or None if the file does not load
    message: str                 # what happened, for the author
    diverged_at: int | None = None   # 1-based number of the first order refused
    problems: tuple = ()         # the file's problems (errors), if it does not load


def reload_session(session) -> Reloaded:
    """A new Session of the scenario as it is on disk now, replaying `session`'s orders."""
    from game.scenario.load import load_scenario
    from game.session.game import Session
    old = session.state
    path = old.scenario.file
    try:
        scn = load_scenario(path)
    except InputError as exc:
        first = exc.problems[0] if exc.problems else "?"
        more = len(exc.problems) - 1
        return Reloaded(None, f"The scenario does not load: {first}"
                        + (f" (and {more} more)" if more > 0 else ""), None,
                        tuple(exc.problems))
    if scn.id != old.scenario.id:
        return Reloaded(None, f"The file now holds scenario {scn.id!r}, not "
                              f"{old.scenario.id!r}")
    new, _ = Session.new(scn, old.seed, dict(session.sides))
    new.passwords = dict(session.passwords)
    new.game_id = session.game_id          # the same game: its autosaves go on
    warned = f" ({len(scn.warnings)} warning{'s' * (len(scn.warnings) != 1)})" \
        if scn.warnings else ""
    for n, order in enumerate(session.orders, 1):
        try:
            new.do(order)
        except Refused as exc:
            new.undo_stack.clear()
            return Reloaded(new, f"Reloaded{warned}; the replay diverged at order {n} of "
                                 f"{len(session.orders)} ({type(order).__name__} of "
                                 f"{order.faction}): {exc}", n)
    new.undo_stack.clear()
    return Reloaded(new, f"Reloaded{warned}: {len(session.orders)} orders replayed")
