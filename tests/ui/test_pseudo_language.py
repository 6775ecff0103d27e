"""The pseudo-language: every interface string comes back marked ([!! ... !!]) and about a
third longer.  Walking the screens in it under the dummy driver finds any string that
never went through the translation layer (English words left unmarked) and any text
wider than its box (a longer language would be cut off there)."""
from __future__ import annotations

import errno
import html
import os
import re

import pygame
import pytest

from game import i18n
from tests.ui.conftest import (battle_by_ancyra, click, click_element, dismiss, hex_pos, key,
                               run_until, steps)

# Words of two or more plain Latin letters: the pseudo-language accents every letter it
# translates, so such a word on screen is English that skipped the layer.
ENGLISH = re.compile(r"[A-Za-z]{2,}")
# What may stay as it is: key names and abbreviations a keyboard shows.
KEPT = {"Esc", "Ctrl", "Tab", "Enter", "Alt", "Shift", "Keypad", "px"}
# The rules and the session word their reports, refusals and goals in English; the
# screen says them again in the language in use, so none may be unmarked either.


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    i18n.set_language("en")


def _plain(text: str) -> str:
    text = re.sub(r"<br\s*/?>", "\n", text or "")
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def unmarked(text: str) -> list[str]:
    """The English words in `text` that no translation went through."""
    words = []
    for w in ENGLISH.findall(_plain(text)):
        if w not in KEPT:
            words.append(w)
    return words


def elements(app):
    return [e for e in app.manager.get_sprite_group().sprites() if e.alive()]


def visible(el) -> bool:
    return getattr(el, "visible", 1) and el.rect.w > 0 and el.rect.h > 0


def check_screen(app, where: str, allowed=()) -> list[str]:
    """Problems on what is shown now: unmarked words and texts wider than their boxes."""
    problems = []
    for el in elements(app):
        if not visible(el):
            continue
        kind = type(el).__name__
        texts = []
        if kind in ("UILabel", "UIButton") and isinstance(getattr(el, "text", None), str):
            text = el.text
            texts.append(text)
            font = getattr(el, "font", None)
            if text and font is not None:
                width = font.size(text)[0]
                room = el.rect.w - (6 if kind == "UIButton" else 2)
                if width > room and not _scrolls(el):
                    problems.append(f"{where}: {kind} cut off ({width} > {room} px): {text!r}")
        if kind == "UITextBox":
            texts.append(getattr(el, "html_text", ""))
        if kind == "UITextEntryLine":
            texts.append(getattr(el, "placeholder_text", "") or "")
        tip = getattr(el, "tool_tip_text", None)
        if isinstance(tip, str):
            texts.append(tip)
        for t in texts:
            for line in _plain(t).split("\n"):
                if any(a in line for a in allowed):
                    continue
                words = unmarked(line)
                if words:
                    problems.append(f"{where}: {kind} says {words[:4]} unmarked: {line[:90]!r}")
    return problems


def _scrolls(el) -> bool:
    """A row of a list that scrolls sideways is not cut off."""
    parent = getattr(getattr(el, "ui_container", None), "parent_element", None)
    return type(parent).__name__ in ("UISelectionList",)


def drawn_texts(monkeypatch) -> list[str]:
    """Every text the game draws itself (map labels, tooltips, toasts, banners)."""
    from game.ui import fonts
    seen: list[str] = []
    cached = fonts.text

    def text(s, size, color=(24, 22, 20), halo=None):
        seen.append(s)
        return cached(s, size, color, halo)
    text.cache_clear = cached.cache_clear
    monkeypatch.setattr(fonts, "text", text)
    return seen


def test_the_menus_in_the_pseudo_language(make_app):
    from game.ui.screens.main_menu import MainMenu
    from game.ui.screens.new_game import NewGame
    app = make_app(language="qps")
    app.switch(MainMenu(app))
    steps(app, 3)
    problems = check_screen(app, "main menu")
    click_element(app, app.screen.buttons["settings"])
    steps(app, 2)
    problems += check_screen(app, "settings")
    win = app.screen.window
    click_element(app, win.keys)
    steps(app, 2)
    problems += check_screen(app, "keys")
    click_element(app, win.keys_window.ok)
    click_element(app, win.ok)
    key(app, pygame.K_F1)
    steps(app, 2)
    problems += check_screen(app, "help")
    key(app, pygame.K_F1)
    app.switch(NewGame(app))
    steps(app, 3)
    problems += check_screen(app, "new game")
    assert not problems, "\n".join(problems)


def test_a_turn_in_the_pseudo_language(game, monkeypatch):
    drawn = drawn_texts(monkeypatch)
    app, gs = game(language="qps", dismiss_briefing=False)
    steps(app, 2)
    problems = check_screen(app, "briefing")
    dismiss(app, gs)
    steps(app, 3)
    problems += check_screen(app, "play screen")
    army = next(a for a in gs.view().armies.values() if a.faction == "byzantium")
    click(app, hex_pos(gs, army.hex))
    steps(app, 2)
    problems += check_screen(app, "army selected")
    # hover a hex next to the army: the tooltip with the march
    from game.hexgrid import hex_neighbors
    for h in hex_neighbors(army.hex):
        if gs.scn.map.contains(h):
            pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=hex_pos(gs, h),
                                                 rel=(0, 0), buttons=(0, 0, 0)))
            steps(app, 3)
            break
    # a button the rules refuse says why, in the language in use too
    from game.ui.screens.modes import orders
    refused = [tip for order, tip in orders.possible_actions(gs).values() if order is None]
    assert refused
    problems += [f"refusal: {unmarked(t)[:4]} unmarked: {t[:90]!r}" for t in refused
                 if unmarked(t)]
    for k, where in ((pygame.K_o, "aims"), (pygame.K_l, "army list"), (pygame.K_h, "concepts")):
        key(app, k)
        steps(app, 2)
        problems += check_screen(app, where)
        key(app, pygame.K_ESCAPE)
        steps(app, 2)
    key(app, pygame.K_ESCAPE)
    steps(app, 2)
    problems += check_screen(app, "game menu")
    key(app, pygame.K_ESCAPE)
    steps(app, 2)
    key(app, pygame.K_s, mod=pygame.KMOD_CTRL)
    steps(app, 2)
    problems += check_screen(app, "save window")
    for text in set(drawn):
        words = unmarked(text)
        if words and not text.isupper():
            problems.append(f"drawn on the map: {words[:4]} unmarked: {text[:90]!r}")
    assert not problems, "\n".join(sorted(set(problems)))


def test_a_battle_a_refusal_and_the_news_in_the_pseudo_language(game, monkeypatch):
    """The casualty report, the line the map shows after a battle, the reason the rules
    give for refusing an order, and the summary of what happened, all translated."""
    from game.rules.orders import Move
    from game.ui import describe
    from tests.helpers import cell
    drawn = drawn_texts(monkeypatch)

    app, gs = battle_by_ancyra(game, language="qps")
    assert gs.session.orders[-1].kind == "attack"
    dlg = gs.dialogs[-1]
    assert getattr(dlg, "is_casualties", False)
    problems = check_screen(app, "casualty report")
    click_element(app, next(iter(dlg.value_of)))
    steps(app, 2)
    # an order the rules refuse: a march that jumps over a hex
    assert not gs.do(Move("byzantium", "byz_field", (cell(9, 3),)))
    steps(app, 2)
    told = gs.session.news_for("sassanids") if hasattr(gs.session, "news_for") else []
    battles = [e for e in gs.session.news.get("sassanids", []) + told if e.kind == "battle"]
    assert battles, "the other side was told of the battle"
    for head, text in describe.summary_lines(battles, "sassanids", gs.view().world):
        problems += [f"summary: {unmarked(x)[:4]} unmarked: {x[:90]!r}"
                     for x in (head, text) if unmarked(x)]
    assert any("[!!" in t for t in drawn if "{" not in t)
    for text in set(drawn):
        words = unmarked(text)
        if words and not text.isupper():
            problems.append(f"drawn: {words[:4]} unmarked: {text[:90]!r}")
    assert not problems, "\n".join(sorted(set(problems)))


def test_the_victory_screen_in_the_pseudo_language(game):
    from game.ai import placeholder
    from game.rules import engine
    from game.ui.screens.victory import VictoryScreen

    def near_the_end(st):
        while not (st.turn == 12 and st.active_faction == "byzantium") and not st.over:
            engine.apply(st, placeholder.next_order(st))
    app, gs = game(prepare=near_the_end, dismiss_briefing=False, confirm_end_turn=False,
                   language="qps")
    dismiss(app, gs)
    key(app, pygame.K_RETURN)
    assert run_until(app, lambda: isinstance(app.screen, VictoryScreen), 400)
    steps(app, 2)
    st = app.screen.session.state
    from game.events.history import summary
    assert summary(st), "the war against history has rows to check"
    assert app.screen.log_lines, "and the record of the war has lines"
    problems = check_screen(app, "victory")
    assert not problems, "\n".join(problems)


def test_the_hot_seat_gate_in_the_pseudo_language(make_app, monkeypatch):
    """The handover screen between two players, with a password asked."""
    from game.scenario.load import load_scenario
    from game.session.password import hash_password
    from game.ui.screens.game_screen import GameScreen
    from game.ui.screens.handover import HandoverScreen
    from tests.conftest import TEST_SCENARIO
    drawn = drawn_texts(monkeypatch)
    app = make_app(language="qps")
    sides = {"byzantium": "human", "sassanids": "human", "avars": "computer:normal"}
    gs = GameScreen.new(app, load_scenario(TEST_SCENARIO), 7, sides,
                        {"byzantium": hash_password("x")})
    app.switch(gs)
    steps(app, 3)
    assert isinstance(app.screen, HandoverScreen)
    steps(app, 3)
    problems = check_screen(app, "gate")
    for text in set(drawn):
        if unmarked(text):
            problems.append(f"drawn at the gate: {unmarked(text)[:4]} unmarked: {text[:90]!r}")
    assert not problems, "\n".join(sorted(set(problems)))


def test_the_play_by_e_mail_screen_in_the_pseudo_language(make_app, tmp_path):
    """The list of games, what opening a file says, a refused file and the watch: every
    line is said through the layer (names of games, players, scenarios and files aside)."""
    pytest.importorskip("nacl")
    from game.pbem import chain, store
    from game.scenario.load import find_scenario, load_scenario
    from game.ui.screens.pbem import PbemMenu
    alice, bob, shared = store.pbem_dir(None), tmp_path / "bob", tmp_path / "shared"
    shared.mkdir()
    scn = load_scenario(find_scenario("road_to_ctesiphon"))
    rec, invite = chain.new_game(alice, scn, 4, {"byzantium": "alice", "sassanids": "bob"},
                                 {"turks": "normal"}, "alice", shared)
    join = chain.open_file(bob, invite).written[0]
    bad = tmp_path / "damaged.lgwturn"
    bad.write_text("not a turn file")
    app = make_app(language="qps")
    menu = PbemMenu(app)
    app.switch(menu)
    steps(app, 2)
    names = ["alice", "bob", "road_to_ctesiphon", rec["game"], str(tmp_path), join.name,
             bad.name, "missing.lgwturn", os.strerror(errno.ENOENT)]   # the system's words
    problems = _pbem_problems(app, "pbem, waiting", names)
    assert any("bob" in t and i18n.is_pseudo(t) for t in _texts(app))   # waiting for bob
    for path in (join, bad, tmp_path / "missing.lgwturn"):              # opened, refused x2
        menu.entry.set_text(str(path))
        click_element(app, menu.open_btn)
        steps(app, 2)
    click_element(app, menu.watch_btn)
    steps(app, 2)
    assert len(menu.lines) == 4 and all(i18n.is_pseudo(line) for line in menu.lines)
    assert menu.play_buttons                                  # alice's turn now
    names += [p.name for p in shared.iterdir()] + [str(shared)]
    names += re.findall(r"[0-9a-f]{4}(?:-[0-9a-f]{4})+", " ".join(menu.lines))   # a key's
    problems += _pbem_problems(app, "pbem, after opening", names)
    assert not problems, "\n".join(problems)


def _texts(app) -> list[str]:
    out = []
    for el in elements(app):
        if not visible(el):
            continue
        kind = type(el).__name__
        if kind in ("UILabel", "UIButton") and isinstance(getattr(el, "text", None), str):
            out.append(el.text)
        elif kind == "UITextBox":
            out.append(getattr(el, "html_text", ""))
        tip = getattr(el, "tool_tip_text", None)
        if isinstance(tip, str):
            out.append(tip)
    return out


def _pbem_problems(app, where: str, names: list[str]) -> list[str]:
    """check_screen's problems, the English of names (players, games, files) aside."""
    allowed = set(ENGLISH.findall(" ".join(names)))
    problems = [p for p in check_screen(app, where) if "unmarked" not in p]   # cut off
    for text in _texts(app):
        for line in _plain(text).split("\n"):
            words = [w for w in unmarked(line) if w not in allowed]
            if words:
                problems.append(f"{where}: says {words[:4]} unmarked: {line[:90]!r}")
    return problems
