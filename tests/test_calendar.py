"""The calendar: the one home of date arithmetic."""
from game import calendar as cal


def test_seasons_follow_the_months():
    got = [cal.season_of(m) for m in range(1, 13)]
    assert got == ["winter"] * 2 + ["spring"] * 3 + ["summer"] * 3 + ["autumn"] * 3 + ["winter"]
    assert [m for m in range(1, 13) if cal.starts_season(cal.month_index(600, m))] == [3, 6, 9, 12]


def test_turns_and_dates_go_both_ways():
    start = (602, 12)
    for mpt in (1, 3):
        for turn in range(1, 40):
            k = cal.turn_start(start, turn, mpt)
            assert cal.turn_at(start, k, mpt) == turn
            assert cal.turn_at(start, k + mpt - 1, mpt) == turn        # its last month too
    assert cal.total_turns((602, 12), (628, 6), 3) == 103             # the full war
    assert cal.total_turns((627, 9), (628, 7), 1) == 11


def test_the_next_turn_crosses_the_year():
    assert cal.next_turn(602, 12, 3) == (603, 3)
    assert cal.next_turn(626, 12, 1) == (627, 1)
    assert cal.next_turn(626, 6, 1) == (626, 7)


def test_dates_are_written_four_ways():
    k = cal.month_index(626, 6)
    assert cal.parse_date("626-06") == k and cal.parse_date("626-13") is None
    assert cal.iso(k) == "626-06" and cal.date_text(k) == "Jun 626"
    assert cal.turn_name(626, 6, 3) == "Summer 626" and cal.turn_name(626, 6, 1) == "June 626"
    assert cal.turn_text(k, 3) == "Summer 626" and cal.turn_text(k, 1) == "Jun 626"
    assert cal.turn_name(627, 1, 3) == "Winter 627"
