""""Your war against history": the scenario's historical events against this game.

For every event with a `historical:` date, `summary(state)` says whether it
happened in this game, when it first fired, and how many months that is
from the real date.  A turn counts as all the months it covers, so an event
of May 614 that fires in the spring turn of 614 happened on time.  The
victory screen and `simulate` show the rows' `text`; `lines(rows)` adds a
closing tally.
"""
from __future__ import annotations

from dataclasses import dataclass

from game import calendar as cal
from game.rules.state import GameState


@dataclass(frozen=True)
class Row:
    event: str
    title: str
    historical: int            # month index of the real date
    happened: bool
    when: int | None           # month index of the turn it first fired
    turn: int | None           # the turn it first fired
    diff: int | None           # months from the real date: <0 earlier, >0 later, 0 on time
    verdict: str               # "earlier", "later", "on time" or "did not happen"
    text: str                  # one line, ready to show




def _months(n: int) -> str:
    return f"{n} month{'s' * (n != 1)}"


def summary(state: GameState) -> list[Row]:
    """One row per event with a historical date, in the order history had them."""
    first: dict[str, tuple[int, int]] = {}
    for entry in state.log:
        first.setdefault(entry.event, (cal.month_index(entry.year, entry.month), entry.turn))
    mpt = state.months_per_turn
    rows = []
    for ev in state.scenario.events:
        spec = ev.spec
        real = cal.parse_date(spec.historical) if spec.historical else None
        if real is None:
            continue
        real_text = cal.date_text(real)
        if spec.id not in first:
            rows.append(Row(spec.id, spec.title, real, False, None, None, None, "did not happen",
                            f"{spec.title}: did not happen (history: {real_text})"))
            continue
        when, turn = first[spec.id]
        diff = cal.offset(cal.span(when, mpt), real)
        verdict = "on time" if diff == 0 else "earlier" if diff < 0 else "later"
        how = ("as in history" if diff == 0 else
               f"{_months(abs(diff))} {verdict} than history")
        rows.append(Row(spec.id, spec.title, real, True, when, turn, diff, verdict,
                        f"{spec.title}: {cal.turn_text(when, mpt)}, {how} ({real_text})"))
    order = {ev.spec.id: i for i, ev in enumerate(state.scenario.events)}
    rows.sort(key=lambda r: (r.historical, order[r.event]))
    return rows


def lines(rows: list[Row]) -> list[str]:
    """The rows' text and a closing tally."""
    if not rows:
        return []
    happened = [r for r in rows if r.happened]
    tally = {v: sum(1 for r in happened if r.verdict == v) for v in ("earlier", "on time",
                                                                      "later")}
    return [r.text for r in rows] + [
        f"{len(happened)} of {len(rows)} historical events happened: {tally['earlier']} "
        f"earlier, {tally['on time']} on time, {tally['later']} later than history."]
