"""`run.py map SCENARIO --out FILE.png`: a picture of the scenario's start for its author."""
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")

import pygame  # noqa: E402

from game import cli  # noqa: E402
from game.scenario.load import load_scenario  # noqa: E402
from tests.conftest import TEST_SCENARIO  # noqa: E402


def test_the_picture_shows_each_sides_colour(tmp_path, capsys):
    out = tmp_path / "start.png"
    assert cli.main(["map", str(TEST_SCENARIO), "--out", str(out)]) == cli.EXIT_OK
    assert capsys.readouterr().out.startswith(f"wrote {out} (")
    img = pygame.image.load(str(out))
    w, h = img.get_size()
    assert 300 <= w <= 4000 and 200 <= h <= 4000
    pixels = {tuple(img.get_at((x, y)))[:3] for x in range(0, w, 2) for y in range(0, h, 2)}
    for f in load_scenario(TEST_SCENARIO).spec.factions:
        c = f.color.lstrip("#")
        rgb = tuple(int(c[i:i + 2], 16) for i in (0, 2, 4))
        assert any(sum(abs(a - b) for a, b in zip(rgb, p)) <= 12 for p in pixels), f.id


def test_an_unknown_scenario_is_refused_without_a_picture(tmp_path, capsys):
    out = tmp_path / "none.png"
    assert cli.main(["map", "no_such_scenario", "--out", str(out)]) == cli.EXIT_PROBLEMS
    assert not out.exists()


def test_an_unwritable_picture_is_a_message(tmp_path, capsys):
    out = tmp_path / "missing" / "start.png"
    assert cli.main(["map", str(TEST_SCENARIO), "--out", str(out)]) == cli.EXIT_PROBLEMS
    assert "cannot write" in capsys.readouterr().err
