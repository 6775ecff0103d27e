"""The calendar: months counted from year 0, seasons, turns and how dates are written.

A date `YEAR-MM` becomes one whole number, `year * 12 + month - 1`, so dates
compare and subtract as integers.  A turn covers `months_per_turn` months
from its first: a seasonal turn dated June 626 covers June, July and
August.  Conditions and the history summary compare dates with that whole
span, so an author may write the month something really happened and a
seasonal game still finds it in the right season.

Every piece of date arithmetic in the game lives here: turn to date and
back, the next turn's month, the season of a month, and the ways a date is
written ("Spring 603", "June 603", "Jun 603", "603-06").
"""
from __future__ import annotations

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
              "Dec")
MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
SEASONS = ("spring", "summer", "autumn", "winter")
TURN_LENGTHS = (1, 3)                 # months a turn may cover: a month or a season


def is_month(month) -> bool:
    return isinstance(month, int) and 1 <= month <= 12


def season_of(month: int) -> str:
    """The season of a month of the year (1-12): March to May is spring, December to February
    winter."""
    return SEASONS[(month - 3) % 12 // 3]


# --- month indexes ---------------------------------------------------------------

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


def starts_season(index: int) -> bool:
    """Whether a month index is the first month of a season (March, June, September, December)."""
    return year_month(index)[1] % 3 == 0


def month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def year_month(index: int) -> tuple[int, int]:
    y, m = divmod(index, 12)
    return y, m + 1


# --- turns -----------------------------------------------------------------------

def turn_start(start: tuple[int, int], turn: int, months_per_turn: int) -> int:
    """The month index at which turn `turn` (1 is the first) of a war starting at `start` begins."""
    return month_index(*start) + (turn - 1) * months_per_turn


def turn_at(start: tuple[int, int], index: int, months_per_turn: int) -> int:
    """The turn (1 is the first) of a war starting at `start` that covers month index `index`."""
    return (index - month_index(*start)) // months_per_turn + 1


def total_turns(start: tuple[int, int], end: tuple[int, int], months_per_turn: int) -> int:
    """How many turns a war from `start` to `end` (both inclusive, as year and month) has."""
    return turn_at(start, month_index(*end), months_per_turn)


def next_turn(year: int, month: int, months_per_turn: int) -> tuple[int, int]:
    """The year and month of the turn after one starting at `year`, `month`."""
    return year_month(month_index(year, month) + months_per_turn)


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


# --- writing dates ---------------------------------------------------------------

def date_text(index: int) -> str:
    """'Jun 626'."""
    y, m = year_month(index)
    return f"{MONTH_ABBR[m - 1]} {y}"


def iso(index: int) -> str:
    """'626-06', as scenario files write dates."""
    y, m = year_month(index)
    return f"{y}-{m:02d}"


def turn_name(year: int, month: int, months_per_turn: int) -> str:
    """A turn as the game names it on screen: 'Spring 603' (seasons) or 'June 603' (months)."""
    if months_per_turn == 3:
        return f"{season_of(month).capitalize()} {year}"
    return f"{MONTH_NAMES[month]} {year}"


def turn_text(index: int, months_per_turn: int) -> str:
    """A turn as reports name it: 'Spring 614' for seasons, 'May 614' for months."""
    y, m = year_month(index)
    if months_per_turn == 3:
        return f"{season_of(m).capitalize()} {y}"
    return date_text(index)
