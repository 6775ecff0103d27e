"""The objectives panel (O and the Aims button) and the word of peace, with real events."""
from __future__ import annotations

import re

import pygame

from game.rules.state import Relation, relation_key
from game.session import objectives
from tests.helpers import cell
from tests.ui.conftest import click, click_element, hex_pos, key, steps


def plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).replace("&nbsp;", " ")


def test_o_opens_the_panel_with_the_progress_the_engine_computes(game):
    app, gs = game()
    key(app, pygame.K_o)
    panel = gs.dialogs[-1]
    assert getattr(panel, "is_aims", False)
    text = plain(panel.text.html_text)
    st = gs.state
    assert objectives.deadline(st).text in text
    for aim in objectives.aims(st, "byzantium"):
        assert aim.result in text
        for g in aim.goals:
            assert f"{g.text} - {g.progress}" in text if g.progress else g.text in text
    assert "All of these: - 2 of 2 done" in text          # the frontier: Jerusalem and Ancyra
    assert "Byzantium holds Ctesiphon - not held" in text
    assert "What the others need" in text and "Sassanid Persia: Decisive victory" in text
    assert "Byzantium and Sassanid Persia: at war since the start (Spring 603)" in text
    key(app, pygame.K_o)                                  # O again closes it
    assert not gs.modal()


def test_progress_in_the_panel_follows_the_game(game):
    app, gs = game()
    gs.state.cities["ancyra"].owner = "sassanids"
    gs.changed()
    click_element(app, gs.hud.aims_btn)                   # the side panel's button
    text = plain(gs.dialogs[-1].text.html_text)
    assert "All of these: - 1 of 2 done" in text and "Byzantium holds Ancyra - not held" in text


def test_the_briefing_can_be_read_again(game):
    app, gs = game()
    key(app, pygame.K_o)
    panel = gs.dialogs[-1]
    click_element(app, next(b for b, v in panel.value_of.items() if v == "briefing"))
    brief = gs.dialogs[-1]
    assert "Hold the capital." in brief.text.html_text
    key(app, pygame.K_ESCAPE)
    assert not gs.modal()


def at_peace(st):
    st.relations[relation_key("byzantium", "sassanids")] = Relation("peace")
    st.armies["byz_field"].hex = cell(8, 4)              # next to Edessa, a Persian city


def test_at_peace_the_turn_opens_with_a_word_of_it_and_b_says_why_not(game):
    app, gs = game(prepare=at_peace)
    steps(app, 3)
    assert gs.toast_text.startswith("At peace with Sassanid Persia")
    click(app, hex_pos(gs, cell(8, 4)))
    key(app, pygame.K_b)
    assert gs.toast_bad and gs.toast_text == "Cannot besiege Edessa: at peace with Sassanid Persia"
    key(app, pygame.K_o)
    text = plain(gs.dialogs[-1].text.html_text)
    assert "At peace with Sassanid Persia" in text
    assert "Byzantium and Sassanid Persia: at peace" in text


def test_the_help_and_the_readme_list_the_o_key():
    from game.ui.help import KEYS
    assert any(k == "O" and "aims" in what for k, what in KEYS)


def test_b_at_war_with_nobody_says_so(game):
    def prepare(st):
        st.relations[relation_key("byzantium", "sassanids")] = Relation("peace")
    app, gs = game(prepare=prepare)
    click(app, hex_pos(gs, cell(5, 3)))              # Priscus at Ancyra, no city near
    key(app, pygame.K_b)
    assert gs.toast_text == "No enemy city next to this army: your side is at war with nobody yet"
