"""The top bar's texts never run into each other, the colour square or the buttons."""
from __future__ import annotations

import pygame
import pytest

from tests.ui.conftest import key, run_until


@pytest.mark.parametrize("size", [(1280, 800), (1100, 700), (960, 640)])
def test_top_bar_labels_do_not_collide(game, size):
    app, gs = game(size=size, confirm_end_turn=False, animation_speed=1)
    key(app, pygame.K_RETURN)                     # Persia plays: "(computer, normal)"
    assert run_until(app, lambda: gs.human_to_play() is None and gs.hud.side.text.startswith(
        "Sassanid Persia"), 60)
    hud = gs.hud
    rects = hud.top_rects()
    for a, b in zip(rects, rects[1:]):
        assert a.right <= b.left, (a, b)
    assert rects[-1].right <= hud.undo_btn.rect.left
    for label in (hud.date, hud.side, hud.money, hud.weary):
        assert label.font.size(label.text)[0] <= label.rect.w, label.text
    if size[0] >= 1280:
        assert hud.side.text == "Sassanid Persia (computer, normal)"
        assert hud.date.text.endswith("turn 1 of 12")
