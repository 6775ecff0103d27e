"""The army list (L, or the Armies button): sortable, and a click selects the army."""
from __future__ import annotations

import pygame

from tests.ui.conftest import click_element, key


def row_button(lst, i):
    return lst.list.item_list[i]["button_element"]


def test_l_lists_the_armies_sorts_them_and_a_click_selects(game):
    app, gs = game()
    gs.state.armies["byz_guard"].men = 30000          # the biggest army now
    gs.changed()
    key(app, pygame.K_l)
    lst = gs.dialogs[-1]
    assert getattr(lst, "is_army_list", False)
    assert sorted(lst.ids) == ["byz_field", "byz_guard"]       # Byzantium's own, by name
    assert lst.ids == sorted(lst.ids, key=lambda a: gs.state.armies[a].name.lower())
    assert not any(gs.state.armies[a].faction != "byzantium" for a in lst.ids)
    click_element(app, lst.sort_btns["men"])
    assert lst.ids[0] == "byz_guard"
    assert "30,000 men" in lst.list.item_list[0]["text"]
    click_element(app, lst.sort_btns["name"])
    names = [gs.state.armies[a].name.lower() for a in lst.ids]
    assert names == sorted(names)
    field = lst.ids.index("byz_field")
    click_element(app, row_button(lst, field))
    assert not lst.alive() and not gs.modal()
    assert gs.overlay.selected_army == "byz_field"
    assert "Priscus" in gs.hud.details.html_text


def test_the_armies_button_opens_it_and_l_closes_it(game):
    app, gs = game()
    click_element(app, gs.hud.armies_btn)
    assert getattr(gs.dialogs[-1], "is_army_list", False)
    key(app, pygame.K_l)
    assert not gs.modal()
