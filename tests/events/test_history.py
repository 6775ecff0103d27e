"""The "war against history" summary: which historical events happened, and when."""
from game.events import history
from game.events.runner import event_by_id, fire


def fire_at(state, event, turn, year, month):
    state.turn, state.year, state.month = turn, year, month
    fire(state, event_by_id(state, event))


def test_nothing_happened_yet(state):
    rows = history.summary(state)
    assert [(r.event, r.happened, r.verdict) for r in rows] == [
        ("evt_test_avars", False, "did not happen"),        # 603-06 comes before 614-05
        ("evt_test_jerusalem", False, "did not happen")]
    assert rows[1].text == "The Holy City falls: did not happen (history: May 614)"


def test_on_time_earlier_and_later(state):
    fire_at(state, "evt_test_avars", 3, 603, 9)             # autumn 603: three months late
    fire_at(state, "evt_test_jerusalem", 9, 605, 3)         # spring 605, nine years early
    avars, jerusalem = history.summary(state)
    assert (avars.happened, avars.when, avars.turn, avars.diff, avars.verdict) == (
        True, 603 * 12 + 8, 3, 3, "later")
    assert avars.text == "The Avars cross the Danube: Autumn 603, 3 months later than history " \
                         "(Jun 603)"
    assert (jerusalem.diff, jerusalem.verdict) == (-108, "earlier")
    assert jerusalem.text.startswith("The Holy City falls: Spring 605, 108 months earlier")


def test_a_turn_that_covers_the_real_month_is_on_time(state):
    fire_at(state, "evt_test_jerusalem", 45, 614, 3)        # spring 614 includes May
    row = next(r for r in history.summary(state) if r.event == "evt_test_jerusalem")
    assert (row.diff, row.verdict) == (0, "on time")
    assert row.text == "The Holy City falls: Spring 614, as in history (May 614)"


def test_the_first_firing_counts_and_events_without_a_date_are_left_out(state):
    fire_at(state, "evt_test_avars", 2, 603, 6)
    fire_at(state, "evt_test_avars", 4, 603, 12)
    fire_at(state, "evt_test_tribute", 4, 603, 12)          # no historical date
    rows = history.summary(state)
    assert [r.event for r in rows] == ["evt_test_avars", "evt_test_jerusalem"]
    assert rows[0].turn == 2 and rows[0].verdict == "on time"


def test_lines_end_with_a_tally(state):
    fire_at(state, "evt_test_avars", 2, 603, 6)
    lines = history.lines(history.summary(state))
    assert lines[-1] == "1 of 2 historical events happened: 0 earlier, 1 on time, 0 later " \
                        "than history."
    assert history.lines([]) == []


def test_monthly_turns_are_named_by_month(state):
    state.months_per_turn = 1
    fire_at(state, "evt_test_avars", 5, 603, 7)
    row = history.summary(state)[0]
    assert row.text == "The Avars cross the Danube: Jul 603, 1 month later than history (Jun 603)"
