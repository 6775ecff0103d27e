"""The history report `simulate` prints after several games: turning points and ways to win."""
from types import SimpleNamespace

from game.simulate import GameResult, turning_point_lines, turning_points


def _scn():
    def ev(eid, title, hist, tp):
        return SimpleNamespace(spec=SimpleNamespace(id=eid, title=title, historical=hist,
                                                    turning_point=tp))
    return SimpleNamespace(months_per_turn=3, events=[
        ev("evt_a", "Jerusalem", "614-05", True),
        ev("evt_b", "Not a turning point", "615-01", False),
        ev("evt_c", "Nineveh", "627-12", True)])


def _game(seed, fired, winner="byzantium", kind="major", text="Persia bled white"):
    g = GameResult(seed, winner, kind, text, 40, {})
    g.fired = [{"id": e, "year": y, "month": m} for e, y, m in fired]
    return g


def test_turning_points_give_share_and_median_date():
    games = [_game(1, [("evt_a", 612, 3), ("evt_a", 620, 3)]),     # only the first firing counts
             _game(2, [("evt_a", 614, 3)]),
             _game(3, [("evt_a", 616, 6), ("evt_b", 615, 1)]),
             _game(4, [])]
    tps = turning_points(_scn(), games)
    assert [t.event for t in tps] == ["evt_a", "evt_c"]
    a, c = tps
    assert (a.fired, a.games) == (3, 4)
    assert a.median_date == 614 * 12 + 2            # March 614, the middle of three
    assert a.median_diff == -0                       # the spring turn Mar-May covers May 614
    assert c.fired == 0 and c.median_date is None


def test_report_lines_name_each_turning_point_and_each_way_to_win():
    games = [_game(1, [("evt_a", 614, 3)]),
             _game(2, [], winner="sassanids", kind="minor", text="frontier held"),
             _game(3, [("evt_a", 615, 6)])]
    lines = turning_point_lines(_scn(), games, {"byzantium": "Byzantium",
                                                 "sassanids": "Sassanid Persia"})
    text = "\n".join(lines)
    assert lines[0].startswith("turning points over 3 games")
    jer = next(ln for ln in lines if "Jerusalem" in ln)
    assert "2/3" in jer and "66%" in jer and "Mar 614" in jer and "May 614" in jer
    assert next(ln for ln in lines if "Nineveh" in ln).split()[1] == "0/3"
    assert "wins by victory condition over 3 games:" in text
    assert "2   66%  Byzantium (major): Persia bled white" in text
    assert "1   33%  Sassanid Persia (minor): frontier held" in text


def test_ways_to_win_are_named_by_the_victory_id_when_it_has_one():
    games = [_game(1, []), _game(2, [])]
    games[0].by = "bled_white"
    lines = turning_point_lines(_scn(), games, {"byzantium": "Byzantium"})
    assert "     1   50%  Byzantium (major, bled_white): Persia bled white" in lines
    assert "     1   50%  Byzantium (major): Persia bled white" in lines


def test_a_simulated_game_names_the_victory_that_ended_it(tmp_path, capsys):
    from game import cli
    from game import simulate
    from game.scenario.load import load_scenario
    from tests.conftest import TEST_SCENARIO
    # the frontier is held from the start; checked after every order, it ends the game at once
    text = TEST_SCENARIO.read_text().replace("kind: minor, check: end,", "kind: minor,")
    f = tmp_path / "held.yaml"
    f.write_text(text)
    result = simulate.play(load_scenario(f), 1)
    assert (result.winner, result.kind, result.by) == ("byzantium", "minor", "frontier_held")
    assert result.to_dict()["by"] == "frontier_held"
    assert cli.main(["simulate", str(f), "--jobs", "1"]) == 0
    assert "result: Byzantium (minor, by frontier_held) after 1 turns" in capsys.readouterr().out
