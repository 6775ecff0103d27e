"""The committed map is exactly what tools/build_map.py makes from tools/mapdata.

Skipped when the map-building extra (global-land-mask) is not installed.
"""
import os

import pytest

pytest.importorskip("global_land_mask")

from tools import build_map  # noqa: E402


def test_committed_map_is_exactly_what_a_fresh_build_writes():
    """The committed file came from an earlier run, so this also shows that the
    build gives the same output every time."""
    text, summary = build_map.build()
    with open(build_map.DEFAULT_OUT, encoding="utf-8") as fh:
        assert fh.read() == text, "scenarios/maps/theatre.yaml is stale: run tools/build_map.py"
    assert summary["width"] == 86 and summary["height"] == 71


def test_bad_data_is_reported_not_raised_as_a_traceback(monkeypatch, capsys):
    from tools.mapdata import places
    from tools.mapgen.spec import PlaceData
    bad = places.PLACES + [PlaceData("atlantis", "Atlantis", 34.0, 25.0)]   # open sea south of Crete
    monkeypatch.setattr(build_map, "PLACES", bad)
    assert build_map.main(["--out", os.devnull]) == 2
    err = capsys.readouterr().err
    assert "atlantis" in err and "water" in err
