"""The benchmark suite still runs: every benchmark once, in its quick form.

Only that it runs and reports what it should: no timing is checked here (the
figures are in docs/benchmarks.md, from `python -m bench`).  With networkx
and scipy installed (the `bench` extra), the pathfinding benchmark also
checks that they find the same costs as ours.
"""
import pytest

from bench.measure import Row, Stats, machine
from bench.report import markdown_table
from bench.suite import BEGIN, END, GROUPS, run_all, section, write_doc


@pytest.mark.slow
def test_every_benchmark_runs_once_and_reports(tmp_path):
    rows = run_all(GROUPS, quick=True, echo=lambda *_: None)
    names = {(r.group, r.name) for r in rows}
    for group, name in [("Pathfinding", "reachable, budget 8"),
                        ("Pathfinding", "reachable, budget 20"),
                        ("Pathfinding", "route between distant hexes"),
                        ("Pathfinding", "distance field to one hex"),
                        ("Rendering", "frame, panning and zooming"),
                        ("Rendering", "worst frame of a run"),
                        ("Computer", "one computer turn, start of the war, wall"),
                        ("Games", "full_war, peak memory"),
                        ("Start-up", "python run.py to the drawn main menu"),
                        ("Start-up", "load and validate full_war"),
                        ("Saves", "write a save, mid-war"),
                        ("Saves", "read a save, mid-war")]:
        assert (group, name) in names
    for r in rows:
        assert r.stats.n >= 1 and 0 <= r.stats.low <= r.stats.median <= r.stats.high, r
    # the doc: figures between the markers, the notes around them kept
    doc = tmp_path / "benchmarks.md"
    doc.write_text(f"# Benchmarks\n\nNotes before.\n\n{BEGIN}\nold figures\n{END}\n\nNotes after.\n")
    write_doc(section(rows, machine(), "python -m bench --quick"), doc)
    text = doc.read_text()
    assert "Notes before." in text and "Notes after." in text and "old figures" not in text
    assert text.count(BEGIN) == 1 and text.count(END) == 1
    for r in rows:
        assert f"{r.group}: {r.name}" in text


def test_a_row_is_met_only_when_it_beats_its_target_and_its_peers():
    fast = Row("G", "q", "ms", Stats.of([1.0, 2.0, 9.0]), 4.0)
    assert fast.met is True
    assert Row("G", "q", "ms", Stats.of([1.0, 2.0, 9.0]), 4.0, on="high").met is False
    assert Row("G", "q", "ms", Stats.one(1.0)).met is None
    peered = Row("G", "q", "ms", Stats.one(3.0), peers={"scipy": Stats.one(1.0)},
                 peer_target={"scipy": 1.5})
    assert peered.ratio("scipy") == 3.0 and peered.met is False
    assert Row.from_dict(peered.to_dict()) == peered
    table = "\n".join(markdown_table([fast, peered]))
    assert "| G: q | 2.00 ms | 1.00-9.00 | 3 | median < 4.00 ms | yes |" in table
    assert "<= 1.5x scipy" in table and "**no**" in table
