"""Dates in the event language: months counted from year 0, and turn spans.

A date `YEAR-MM` becomes one whole number, `year * 12 + month - 1`, so dates
compare and subtract as integers.  A turn covers `months_per_turn` months
from its first: a seasonal turn dated June 626 covers June, July and
August.  Conditions and the history summary compare dates with that whole
span, so an author may write the month something really happened and a
seasonal game still finds it in the right season.
"""
from __future__ import annotations

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
              "Dec")


def parse_date(text) -> int | None:
    """'603-03' -> months since year 0, or None if it is not a date."""
    if not isinstance(text, str):
        return None
    try:
        y, m = text.rsplit("-", 1)
        y, m = int(y), int(m)
    except ValueError:
        return None
    if not 1 <= m <= 12:
        return None
    return y * 12 + m - 1


def month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def year_month(index: int) -> tuple[int, int]:
    y, m = divmod(index, 12)
    return y, m + 1


def date_text(index: int) -> str:
    """'Jun 626'."""
    y, m = year_month(index)
    return f"{MONTH_ABBR[m - 1]} {y}"


def iso(index: int) -> str:
    """'626-06', as scenario files write dates."""
    y, m = year_month(index)
    return f"{y}-{m:02d}"


def span(first: int, months_per_turn: int) -> tuple[int, int]:
    """The first and last month a turn starting at `first` covers."""
    return first, first + max(1, months_per_turn) - 1


def state_span(state) -> tuple[int, int]:
    return span(month_index(state.year, state.month), state.months_per_turn)


def overlaps(turn: tuple[int, int], start: int | None, end: int | None) -> bool:
    """Whether a turn's span meets the window start..end (either end may be open)."""
    first, last = turn
    return (start is None or last >= start) and (end is None or first <= end)


def covers_month(turn: tuple[int, int], month: int) -> bool:
    """Whether a turn's span includes a month of the year (1-12)."""
    first, last = turn
    return any(i % 12 + 1 == month for i in range(first, last + 1))


def offset(turn: tuple[int, int], target: int) -> int:
    """Months from `target` to a turn: 0 if the turn covers it, negative if the turn is earlier."""
    first, last = turn
    if target < first:
        return first - target
    if target > last:
        return last - target
    return 0
