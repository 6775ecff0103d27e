"""`simulate --games K`: how often each event fired, and when, against history."""
from game import cli, simulate
from game.simulate import GameResult
from tests.conftest import TEST_SCENARIO


def result(seed, *fired):
    return GameResult(seed, None, "undecided", "", 12, {}, [
        {"type": "event", "seed": seed, "turn": 1, "year": y, "month": m, "season": "",
         "id": eid, "title": ""} for eid, y, m in fired])


def test_event_stats_count_games_and_average_first_dates(scn):
    results = [result(1, ("evt_test_avars", 603, 6), ("evt_test_avars", 604, 6)),
               result(2, ("evt_test_avars", 603, 9)),
               result(3)]
    stats = {s.event: s for s in simulate.event_stats(scn, results)}
    avars = stats["evt_test_avars"]
    assert (avars.fired, avars.games) == (2, 3)
    assert avars.mean_date == 603 * 12 + 7          # Jun and Sep 603 -> Jul/Aug, halves up
    assert avars.historical == 603 * 12 + 5
    assert avars.mean_diff == 1.5                    # on time once, three months late once
    jerusalem = stats["evt_test_jerusalem"]
    assert (jerusalem.fired, jerusalem.mean_date, jerusalem.mean_diff) == (0, None, None)
    assert stats["evt_test_tribute"].historical is None


def test_event_table_lists_every_event_and_the_dead_ones(scn):
    lines = simulate.event_table(simulate.event_stats(scn, [result(1, ("evt_test_avars", 603,
                                                                       6))]))
    assert lines[0].startswith("events over 1 games:")
    assert [line.split()[0] for line in lines[1:4]] == ["evt_test_jerusalem", "evt_test_avars",
                                                        "evt_test_tribute"]
    assert lines[2].split() == ["evt_test_avars", "1/1", "Jun", "603", "Jun", "603", "+0.0",
                                "months"]
    assert lines[-1] == "never fired: evt_test_jerusalem, evt_test_tribute"


def test_simulate_prints_the_table_after_the_games_only_for_several(capsys):
    assert cli.main(["simulate", str(TEST_SCENARIO), "--seed", "1", "--games", "2",
                     "--turns", "2", "--policy", "placeholder"]) == 0
    out = capsys.readouterr().out.splitlines()
    table = out.index("events over 2 games: fired, mean date of first firing, history, "
                      "mean difference")
    assert sum(1 for line in out[:table] if line.startswith("result:")) == 2
    assert any(line.startswith("603 summer evt_test_avars: ") for line in out[:table])
    assert out[table + 2].split()[:2] == ["evt_test_avars", "2/2"]
    assert out[-1] == "never fired: evt_test_jerusalem"
    assert cli.main(["simulate", str(TEST_SCENARIO), "--seed", "1", "--turns", "1"]) == 0
    assert "events over" not in capsys.readouterr().out
