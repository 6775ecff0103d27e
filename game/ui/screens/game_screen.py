"""The map view and play: the screen where the war is fought.

It owns the Session (every change goes through `Session.do` as an order),
draws from `observe(state, viewer)` only, and runs the turn flow: a human
side gives orders with mouse and keys; a computer side's orders are thought
out in a worker thread (`computer.Thinker`) and applied one by one at the
pace set in the settings (Space skips to the end of its turn).  When a
human's turn comes round, a summary of what happened since, the events
that fired and any choice to make are shown first, and the game autosaves.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pygame
import pygame_gui

from game.hexgrid import Hex, hex_distance, hex_neighbors
from game.rules import engine, economy
from game.rules import movement as M
from game.rules.orders import (Assault, Attack, Besiege, Choose, EndTurn, Merge, Move, Raise,
                               Refused, Split)
from game.rules.report import Event
from game.session.game import Session
from game.session.save import SaveError, load_game, save_game
from game.session.view import observe
from game.ui import describe as D
from game.ui import dialogs
from game.ui import fonts
from game.ui import palette as P
from game.ui import sides as S
from game.ui.computer import Thinker
from game.ui.geometry import center
from game.ui.hud import Hud
from game.ui.map_view import MapView, Overlay
from game.ui.minimap import Minimap
from game.ui.saves_window import AUTO, QUICK, SavesWindow
from game.ui.screens.base import Screen
from game.ui.settings import saves_dir

PAN_KEYS = {pygame.K_LEFT: (-1, 0), pygame.K_a: (-1, 0), pygame.K_RIGHT: (1, 0),
            pygame.K_d: (1, 0), pygame.K_UP: (0, -1), pygame.K_w: (0, -1),
            pygame.K_DOWN: (0, 1), pygame.K_s: (0, 1)}
EDGE = 4              # pixels from the window's edge that scroll the map
TOOLTIP_DELAY = 0.35


@dataclass
class March:
    """A counter moving along its path, in map units."""
    army: str
    points: list[tuple[float, float]]
    per_step: float
    t: float = 0.0

    @property
    def done(self) -> bool:
        return self.t >= self.per_step * (len(self.points) - 1)

    def pos(self) -> tuple[float, float]:
        k = min(len(self.points) - 1.0, self.t / self.per_step)
        i = min(len(self.points) - 2, int(k))
        f = k - i
        (ax, ay), (bx, by) = self.points[i], self.points[i + 1]
        return ax + (bx - ax) * f, ay + (by - ay) * f


class GameScreen(Screen):
    # --- making one ---
    @classmethod
    def new(cls, app, scn, seed: int, sides: dict[str, str]) -> "GameScreen":
        session, events = Session.new(scn, seed)
        session.sides = dict(sides)
        return cls(app, session, events)

    @classmethod
    def loaded(cls, app, loaded) -> "GameScreen":
        st = loaded.state
        sides = dict(loaded.meta.sides) if loaded.meta.sides else S.default_sides(st.scenario)
        for f in st.factions:
            sides.setdefault(f, S.computer())
        session = Session(st, list(loaded.orders), sides=sides)
        gs = cls(app, session, [])
        gs.first_turn = False
        gs.log_lines = [f"{e.year}: {e.title}" + (f" ({e.choice})" if e.choice else "")
                        for e in st.log]
        gs.say(f"Loaded: {st.scenario.title}, {st.date_text()}")
        return gs

    def __init__(self, app, session: Session, start_events: list[Event]):
        super().__init__(app)
        self.session = session
        self.scn = session.state.scenario
        self.version = 0
        self._view = None
        self._view_key = None
        self.overlay = Overlay()
        self.hud: Hud | None = None
        w, h = self.size
        from game.ui.hud import SIDE, TOP
        self.map = MapView(self.scn, pygame.Rect(0, TOP, w - SIDE, h - TOP),
                           threaded=app.threaded)
        self.minimap: Minimap | None = None
        self.dialogs: list = []              # open windows that take input before the map
        self.queue: list = []                # dialogs waiting their turn (callables)
        self.unseen: list[Event] = list(start_events)
        self.log_lines: list[str] = []
        self.first_turn = True
        self.turn_key = None
        self.last_viewer: str | None = None
        self.thinker: Thinker | None = None
        self.replans = 0
        self.pace = 0.0
        self.skip = False
        self.march: March | None = None
        self.flashes: list[list] = []
        self.toast_text, self.toast_time, self.toast_bad = "", 0.0, False
        self.mouse: tuple[int, int] | None = None
        self.hover_time = 0.0
        self.press: tuple[int, int] | None = None
        self.dragging = False
        self.mini_drag = False
        self.held: set[int] = set()
        self.next_screen = None
        self.over_wait = 1.2
        self.back_to = None                  # the victory screen, when looking back at the map
        self.choices_open: set[str] = set()
        self._path_key = None
        self._tip_key = None
        self._tip_lines: list[str] = []
        self._details_key = None
        self.log_shown = -1
        self.log_wait = 0.0
        self.last_dt = 0.0
        self.note_events(start_events, shown=False)

    # --- state and view ---
    @property
    def state(self):
        return self.session.state

    @property
    def viewer(self) -> str | None:
        return S.viewer(self.session.sides, self.state.active_faction, self.last_viewer)

    def human_to_play(self) -> str | None:
        """The faction whose turn it is, if a person plays it and may give orders now."""
        st = self.state
        fid = st.active_faction
        if st.over or not S.is_human(self.session.sides.get(fid)):
            return None
        return fid

    def view(self):
        key = (self.version, self.viewer)
        if key != self._view_key:
            self._view_key = key
            self._view = observe(self.state, self.viewer)
        return self._view

    def changed(self) -> None:
        """The state changed: views, overlays and texts are stale."""
        self.version += 1
        self.refresh_overlay()

    # --- screen plumbing ---
    def build(self) -> None:
        self.hud = Hud(self.manager, self.size)
        self.map.set_viewport(self.hud.map_rect)
        if self.minimap is None:
            self.minimap = Minimap(self.map, self.hud.minimap_rect)
        else:
            self.minimap.set_rect(self.hud.minimap_rect)
        self._details_key = None
        self.log_shown = -1
        if not self.app.threaded:
            self.map.tiles.prepare(self.map.camera)

    def clear(self) -> None:
        if self.hud is not None:
            self.hud.kill()
            self.hud = None
        super().clear()

    def leave(self) -> None:
        self.clear()
        for d in self.dialogs:
            d.kill()
        self.dialogs = []
        self.map.close()

    # --- messages ---
    def say(self, text: str, bad: bool = False) -> None:
        self.toast_text, self.toast_time, self.toast_bad = text, 4.5, bad

    def open_dialog(self, dlg) -> None:
        self.dialogs.append(dlg)

    def close_dialog(self, dlg) -> None:
        if dlg in self.dialogs:
            self.dialogs.remove(dlg)

    def modal(self) -> bool:
        self.dialogs = [d for d in self.dialogs if d.alive()]
        return bool(self.dialogs)

    # --- orders ---
    def do(self, order) -> bool:
        try:
            events = self.session.do(order)
        except Refused as r:
            self.say(r.message, bad=True)
            return False
        self.changed()
        # a player sees the results of his own orders at once; what follows his turn
        # (the other sides' moves, the turn's end) waits for the summary of his next turn
        self.note_events(events, shown=order.faction == self.human_to_play())
        return True

    def note_events(self, events: list[Event], shown: bool) -> None:
        """Record what happened: the log, effects on the map, dialogs for fired events."""
        viewer = self.viewer
        view_armies = self.view().armies
        speed = self.app.settings.animation_speed
        for e in events:
            if not D.concerns(e, viewer):
                continue
            line = D.log_line(self.state, e)
            if line:
                self.log_lines.append(line)
            if e.kind == "moved" and e.data.get("army") in view_armies and speed < 10 \
                    and not self.skip:
                pts = [tuple(e.data["from"])] + [tuple(p) for p in e.data["path"]]
                self.march = March(e.data["army"], [center(Hex(*p)) for p in pts],
                                   0.03 * (11 - speed))
            if e.at is not None and e.kind in ("battle", "assault", "captured"):
                rgb = {"battle": P.BAD, "assault": P.BAD, "captured": P.GOLD}[e.kind]
                self.flashes.append([e.at, 0.0, rgb])
        if shown:
            for e in events:
                if D.concerns(e, viewer) and e.kind in ("battle", "assault", "captured",
                                                        "siege_begun", "destroyed"):
                    self.say(e.text, bad=e.kind == "destroyed")
            self.queue_fired(events)
        else:
            self.unseen.extend(events)

    def queue_fired(self, events: list[Event]) -> None:
        viewer = self.viewer
        for e in events:
            if e.kind == "fired" and (viewer is None or viewer in e.factions):
                self.queue.append(lambda e=e: self.show_fired(e))

    def show_fired(self, e: Event) -> None:
        st = self.state
        viewer = self.viewer
        text = e.data.get("text_for", {}).get(viewer) or e.data.get("text", "")
        chooser = e.data.get("chooser")
        event_id = e.data["event"]
        pending = any(p.event == event_id and p.faction == chooser for p in st.pending)
        can_choose = bool(pending and chooser == self.human_to_play())
        if can_choose:
            self.choices_open.add(event_id)

        def answered(option, event_id=event_id, chooser=chooser):
            self.choices_open.discard(event_id)
            if option is not None and can_choose:
                self.do(Choose(chooser, event_id, option))
        dlg = dialogs.event_dialog(self.manager, self.size, e.text, st.date_text(), text,
                                   e.data.get("choices"), answered, can_choose)
        self.open_dialog(dlg)

    def show_pending_choice(self) -> None:
        """A choice waiting for the human to play (e.g. after loading a save)."""
        fid = self.human_to_play()
        if fid is None:
            return
        from game.events.runner import event_by_id
        for p in self.state.pending:
            if p.faction == fid and p.event not in self.choices_open:
                ev = event_by_id(self.state, p.event)
                if ev is None:
                    continue
                spec = ev.spec
                fake = Event("fired", spec.title, None, (fid,),
                             {"event": spec.id, "text": spec.text,
                              "text_for": dict(spec.text_for),
                              "choices": [{"id": c.id, "label": c.label, "hint": c.hint}
                                          for c, _ in ev.choices], "chooser": fid})
                self.show_fired(fake)
                return

    # --- the turn flow ---
    def update(self, dt: float):
        if self.next_screen is not None:
            nxt, self.next_screen = self.next_screen, None
            return nxt
        self.last_dt = dt
        self._update_camera(dt)
        self._update_effects(dt)
        self._update_hud()
        if self.march is not None:
            self.march.t += dt
            if self.march.done:
                self.march = None
            return None
        if self.modal():
            return None
        if self.queue:
            self.queue.pop(0)()
            return None
        st = self.state
        if st.over:
            self.over_wait -= dt
            if self.over_wait <= 0:
                from game.ui.screens.victory import VictoryScreen
                return VictoryScreen(self.app, self.session, self.log_lines)
            return None
        key = (st.turn, st.active_faction)
        if key != self.turn_key:
            self.turn_key = key
            self.turn_begins()
            return None
        if self.human_to_play() is None:
            self.computer_step(dt)
        else:
            self.show_pending_choice()
        return None

    def turn_begins(self) -> None:
        fid = self.state.active_faction
        self.thinker = None
        self.replans = 0
        if not S.is_human(self.session.sides.get(fid)):
            return
        self.skip = False
        self.last_viewer = fid
        self._view_key = None
        self.deselect()
        events, self.unseen = self.unseen, []
        if self.first_turn:
            spec = next(f for f in self.scn.spec.factions if f.id == fid)
            text = self.scn.spec.description
            if spec.briefing:
                text = (text + "\n\n" if text else "") + f"{spec.name}: {spec.briefing}"
            if text:
                self.queue.append(lambda: self.open_dialog(dialogs.message(
                    self.manager, self.size, f"{self.scn.title}: {self.state.date_text()}",
                    text)))
        else:
            lines = D.summary_lines(events, fid)
            title = f"{self.state.factions[fid].name}: {self.state.date_text()}"
            self.queue.append(lambda: self.open_dialog(
                dialogs.summary_dialog(self.manager, self.size, title, lines)))
        self.first_turn = False
        self.queue_fired(events)
        self.autosave()
        armies = [a for a in self.view().armies.values() if a.faction == fid]
        if armies:
            cap = self.state.factions[fid].capital
            first = max(armies, key=lambda a: a.men)
            if not self.map.camera.viewport.collidepoint(self.map.screen_of(first.hex)):
                self.map.center_on(first.hex)
            _ = cap

    def computer_step(self, dt: float) -> None:
        st = self.state
        fid = st.active_faction
        t = self.thinker
        if t is None or t.faction != fid or t.turn != st.turn:
            self.thinker = Thinker(st, S.level_of(self.session.sides.get(fid, "")),
                                   threaded=self.app.threaded)
            self.pace = 0.0
            return
        if not t.done:
            return
        if t.error:
            self.say(f"The computer player failed ({t.error}); its turn ends.", bad=True)
            self.thinker = None
            self.do(EndTurn(fid))
            return
        speed = self.app.settings.animation_speed
        self.pace -= dt
        if self.pace > 0 and not self.skip:
            return
        fast = self.skip or speed >= 10
        budget = 0.012 if fast else 0.0
        import time
        start = time.perf_counter()
        while True:
            order = t.next_order()
            if order is None:
                self.thinker = None
                return
            if not self.do(order):
                # the real game went otherwise than the clone: think again from here
                self.replans += 1
                self.thinker = None
                if self.replans > 3:
                    self.do(EndTurn(fid))
                return
            if self.state.active_faction != fid or self.state.over or self.queue \
                    or self.march is not None:
                break
            if not fast or time.perf_counter() - start > budget:
                break
        self.pace = 0.08 * (10 - speed)

    def autosave(self) -> None:
        try:
            save_game(saves_dir() / f"{AUTO}.json", self.state, self.session.orders,
                      self.session.sides, label="Autosave")
        except SaveError as exc:
            self.say(f"Autosave failed: {exc}", bad=True)

    # --- selection and the overlay ---
    def selected_army(self):
        aid = self.overlay.selected_army
        return self.view().armies.get(aid) if aid else None

    def deselect(self) -> None:
        self.overlay.selected_army = None
        self.overlay.selected_city = None
        self.refresh_overlay()

    def select_army(self, aid: str | None) -> None:
        self.overlay.selected_army = aid
        self.overlay.selected_city = None
        self.refresh_overlay()

    def select_city(self, cid: str | None) -> None:
        self.overlay.selected_army = None
        self.overlay.selected_city = cid
        self.refresh_overlay()

    def refresh_overlay(self) -> None:
        ov = self.overlay
        ov.version += 1
        ov.reach, ov.attack, ov.siege = set(), set(), set()
        ov.path, ov.path_label = [], ""
        self._path_key = None
        self._tip_key = None
        self._reach = {}
        a = self.selected_army()
        if a is None:
            if ov.selected_army is not None:
                ov.selected_army = None
            return
        me = self.human_to_play()
        if a.faction != me or a.moves <= 0:
            return
        st = self.state
        hm = self.scn.map
        self._reach = M.reachable(st, a)
        here = hm.index(a.hex)
        ov.reach = {hm.hex_of(j) for j in self._reach if j != here}
        for n in hex_neighbors(a.hex):
            if hm.contains(n) and engine.is_legal(st, Attack(me, a.id, n)):
                ov.attack.add(n)
        for n in [a.hex, *hex_neighbors(a.hex)]:
            cid = self.scn.city_at.get(n)
            if cid and engine.is_legal(st, Besiege(me, a.id, cid)):
                ov.siege.add(n)
        ov.reach -= ov.attack | ov.siege

    def update_path(self, h: Hex | None) -> None:
        a = self.selected_army()
        key = (self.version, self.overlay.version, h)
        if key == self._path_key:
            return
        self._path_key = key
        ov = self.overlay
        ov.path, ov.path_label, ov.path_ok = [], "", True
        if h is None or a is None or a.faction != self.human_to_play() or h == a.hex:
            return
        if h in ov.attack or h in ov.siege:
            return
        st = self.state
        hm = self.scn.map
        budget = M.move_budget(st, a)
        if h in ov.reach:
            path = M.path_to(st, self._reach, h)
            cost = self._reach[hm.index(h)][0]
            ov.path = [a.hex, *path]
            ov.path_label, ov.path_ok = D.path_label(cost, a.moves, budget)
            return
        if hm.is_water(h) and not st.factions[a.faction].navy:
            return
        r = M.route(st, a, h)
        if r is None:
            ov.path_label = ""
            return
        path, cost = r
        ov.path = [a.hex, *path]
        ov.path_label, ov.path_ok = D.path_label(cost, a.moves, budget)

    # --- input ---
    def handle(self, event):
        for d in list(self.dialogs):
            if d.alive() and hasattr(d, "handle") and d.handle(event):
                self.modal()
                return None
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            self.on_button(event.ui_element)
            return None
        if event.type == pygame.KEYUP:
            self.held.discard(event.key)
            return None
        if event.type == pygame.KEYDOWN:
            self.on_key(event)
            return None
        if event.type == pygame.WINDOWLEAVE:
            self.mouse = None
            return None
        if event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP,
                          pygame.MOUSEWHEEL):
            self.on_mouse(event)
        return None

    def ui_hovered(self) -> bool:
        return bool(self.manager.get_hovering_any_element())

    def on_mouse(self, event) -> None:
        consumed = event.dict.get("consumed", False)
        if event.type == pygame.MOUSEWHEEL:
            if not consumed and self.mouse and self.map.camera.viewport.collidepoint(self.mouse) \
                    and not self.modal():
                self.map.camera.zoom(1 if event.y > 0 else -1, self.mouse)
            return
        pos = event.pos
        if event.type == pygame.MOUSEMOTION:
            self.mouse = pos
            self.hover_time = 0.0
            if self.mini_drag:
                self.minimap.click(pos)
            elif self.press is not None and (event.buttons[0] or event.buttons[1]):
                if self.dragging or math.dist(pos, self.press) > 5:
                    self.dragging = True
                    self.map.camera.pan(-event.rel[0], -event.rel[1])
            h = self.map.hex_at(pos) if not self.modal() else None
            self.overlay.hover = h
            self.update_path(h)
            return
        if self.modal():
            return
        if event.type == pygame.MOUSEBUTTONDOWN:
            if self.minimap and self.minimap.rect.collidepoint(pos) and event.button == 1:
                self.mini_drag = self.minimap.click(pos)
                return
            if consumed or not self.map.camera.viewport.collidepoint(pos):
                return
            if event.button in (1, 2):
                self.press = pos
                self.dragging = False
            elif event.button == 3:
                self.deselect()
            return
        if event.type == pygame.MOUSEBUTTONUP:
            if self.mini_drag:
                self.mini_drag = False
                return
            was_drag, self.dragging = self.dragging, False
            pressed, self.press = self.press, None
            if event.button == 1 and pressed is not None and not was_drag and not consumed:
                h = self.map.hex_at(pos)
                if h is not None:
                    self.click_hex(h)

    def click_hex(self, h: Hex) -> None:
        view = self.view()
        me = self.human_to_play()
        a = self.selected_army()
        ov = self.overlay
        if a is not None and me is not None and a.faction == me and h != a.hex \
                and self.thinker is None:
            if h in ov.attack:
                self.do(Attack(me, a.id, h))
                return
            if h in ov.siege:
                self.do(Besiege(me, a.id, self.scn.city_at[h]))
                return
            if h in ov.reach:
                path = M.path_to(self.state, self._reach, h)
                if path and self.do(Move(me, a.id, path)):
                    self.refresh_overlay()
                return
        here = [x for x in view.armies.values() if x.hex == h]
        own = sorted((x for x in here if x.faction == me), key=lambda x: x.id)
        if own:
            ids = [x.id for x in own]
            if ov.selected_army in ids:
                nxt = ids[(ids.index(ov.selected_army) + 1) % len(ids)]
            else:
                nxt = max(own, key=lambda x: (x.moves > 0, x.men)).id
            self.select_army(nxt)
            return
        if a is not None and a.faction == me and me is not None and not here:
            cid = self.scn.city_at.get(h)
            if cid is None:
                self.say(self.why_not(a, h), bad=True)
                return
        if here:
            self.select_army(max(here, key=lambda x: x.men).id)
            return
        cid = self.scn.city_at.get(h)
        if cid is not None and cid in view.cities:
            self.select_city(cid)
            return
        self.deselect()

    def why_not(self, a, h: Hex) -> str:
        if a.moves <= 0:
            return f"{a.name} has no movement left this turn"
        r = M.route(self.state, a, h)
        if r is None:
            return f"{a.name} cannot get there"
        _, cost = r
        label, _ = D.path_label(cost, a.moves, M.move_budget(self.state, a))
        return f"Too far for this turn ({label})"

    def on_key(self, event) -> None:
        k = event.key
        ctrl = event.mod & pygame.KMOD_CTRL
        if self.modal():
            top = self.dialogs[-1]
            if isinstance(top, dialogs.Dialog) and not top.must_answer:
                if k in (pygame.K_RETURN, pygame.K_KP_ENTER) and top.value_of:
                    top.finish(next(iter(top.value_of.values())))     # the first button
                elif k == pygame.K_ESCAPE:
                    top.finish(None)
            elif k == pygame.K_ESCAPE and hasattr(top, "done"):
                top.done(None, None)
            elif k == pygame.K_ESCAPE and not getattr(top, "must_answer", False):
                top.kill()
            self.modal()
            return
        if k in PAN_KEYS and not ctrl:
            self.held.add(k)
            return
        if ctrl and k == pygame.K_z:
            self.undo()
        elif ctrl and k == pygame.K_s:
            self.open_saves("save")
        elif ctrl and k == pygame.K_l:
            self.open_saves("load")
        elif k == pygame.K_ESCAPE:
            if self.overlay.selected_army or self.overlay.selected_city:
                self.deselect()
            else:
                self.open_menu()
        elif k in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.end_turn()
        elif k == pygame.K_SPACE:
            if self.human_to_play() is None:
                self.skip = True
                self.march = None
        elif k == pygame.K_TAB:
            self.next_army()
        elif k == pygame.K_b:
            self.action("besiege")
        elif k == pygame.K_c:
            self.center_selection()
        elif k in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS):
            self.map.camera.zoom(1)
        elif k in (pygame.K_MINUS, pygame.K_KP_MINUS):
            self.map.camera.zoom(-1)
        elif k == pygame.K_F5:
            self.quick_save()
        elif k == pygame.K_F9:
            self.quick_load()
        elif k == pygame.K_t:
            self.action("assault")

    def on_button(self, el) -> None:
        hud = self.hud
        if hud is None:
            return
        if el is hud.end_btn:
            self.end_turn()
        elif el is hud.undo_btn:
            self.undo()
        elif el is hud.menu_btn:
            self.open_menu()
        elif el is hud.help_btn:
            self.app.toggle_help()
        else:
            for key, b in hud.actions.items():
                if el is b:
                    self.action(key)

    # --- commands ---
    def end_turn(self) -> None:
        me = self.human_to_play()
        if me is None or self.modal():
            return
        if self.do(EndTurn(me)):
            self.deselect()

    def undo(self) -> None:
        if self.human_to_play() is None:
            return
        if not self.session.can_undo():
            self.say("Nothing to undo: a battle, a roll of the dice or an event has happened "
                     "since (or no order was given)", bad=True)
            return
        self.session.undo()
        self.changed()
        self.say("Undone")

    def next_army(self) -> None:
        me = self.human_to_play()
        if me is None:
            return
        ready = sorted((a for a in self.view().armies.values()
                        if a.faction == me and a.moves > 0), key=lambda a: a.id)
        if not ready:
            self.say("Every army has moved")
            return
        ids = [a.id for a in ready]
        cur = self.overlay.selected_army
        nxt = ids[(ids.index(cur) + 1) % len(ids)] if cur in ids else ids[0]
        self.select_army(nxt)
        self.center_selection()

    def center_selection(self) -> None:
        a = self.selected_army()
        if a is not None:
            self.map.center_on(a.hex)
        elif self.overlay.selected_city in self.view().cities:
            self.map.center_on(self.view().cities[self.overlay.selected_city].hex)

    def possible_actions(self) -> dict[str, tuple[object | None, str]]:
        """For each action button: the order it would give (None if none) and a tip."""
        me = self.human_to_play()
        st = self.state
        out: dict[str, tuple[object | None, str]] = {}
        a = self.selected_army()
        own = a is not None and a.faction == me
        city_id = self.overlay.selected_city
        if own:
            targets = [self.scn.city_at[h] for h in [a.hex, *hex_neighbors(a.hex)]
                       if h in self.scn.city_at]
            besiege = [Besiege(me, a.id, c) for c in targets]
            legal = [o for o in besiege if engine.is_legal(st, o)]
            if legal:
                out["besiege"] = (legal[0], f"Besiege {st.cities[legal[0].city].name} (B)")
            else:
                out["besiege"] = (None, "No enemy city next to this army to besiege")
            cid = self.scn.city_at.get(a.hex)
            if cid:
                o = Assault(me, a.id, cid)
                out["assault"] = (o, f"Storm the walls of {st.cities[cid].name} (T)") \
                    if engine.is_legal(st, o) else (None, self._refusal(o))
            else:
                out["assault"] = (None, "Storming needs a siege: besiege a city first")
            half = a.men // 2 // 100 * 100
            o = Split(me, a.id, half)
            out["split"] = (o, f"Split off {half:,} men as a new army") \
                if engine.is_legal(st, o) else (None, self._refusal(o))
            others = [x for x in self.view().armies.values()
                      if x.hex == a.hex and x.faction == me and x.id != a.id]
            if others:
                o = Merge(me, a.id, others[0].id)
                out["merge"] = (o, f"Join {a.name} to {others[0].name}")
            else:
                out["merge"] = (None, "Another of your armies must share the hex")
            city_id = self.scn.city_at.get(a.hex)
        if city_id and me and city_id in st.cities and st.cities[city_id].owner == me:
            limit = economy.raise_limit(st) - st.raised.get(city_id, 0)
            men = max(100, min(1000, limit) // 100 * 100)
            o = Raise(me, city_id, men)
            cost = economy.raise_cost(st, men)
            out["raise"] = (o, f"Raise {men:,} men at {st.cities[city_id].name} for {cost}") \
                if engine.is_legal(st, o) else (None, self._refusal(o))
        else:
            out.setdefault("raise", (None, "Select one of your cities (or an army in one) to "
                                           "raise men there"))
        for key in ("besiege", "assault", "split", "merge"):
            out.setdefault(key, (None, "Select one of your armies"))
        ready = me is not None and any(x.faction == me and x.moves > 0
                                       for x in self.view().armies.values())
        out["next"] = (True if ready else None, "Select the next army that can still move "
                                                "(Tab)")
        return out

    def _refusal(self, order) -> str:
        try:
            engine.check(self.state, order)
        except Refused as r:
            return r.message[0].upper() + r.message[1:]
        return ""

    def action(self, key: str) -> None:
        if self.human_to_play() is None or self.modal():
            return
        order, tip = self.possible_actions().get(key, (None, ""))
        if key == "next":
            self.next_army()
            return
        if order is None:
            self.say(tip, bad=True)
            return
        if self.do(order):
            if key == "split":
                self.refresh_overlay()

    # --- saving and loading ---
    def save_to(self, path, label: str = "") -> bool:
        try:
            save_game(path, self.state, self.session.orders, self.session.sides,
                      label=label or path.stem)
        except SaveError as exc:
            self.open_dialog(dialogs.message(self.manager, self.size, "Not saved", str(exc)))
            return False
        return True

    def quick_save(self) -> None:
        if self.save_to(saves_dir() / f"{QUICK}.json", "Quick-save"):
            self.say("Quick-saved (F9 loads it)")

    def quick_load(self) -> None:
        path = saves_dir() / f"{QUICK}.json"
        if not path.exists():
            self.say("There is no quick-save yet (F5 makes one)", bad=True)
            return
        self.load_from(path)

    def load_from(self, path) -> None:
        try:
            loaded = load_game(path)
        except SaveError as exc:
            self.open_dialog(dialogs.message(self.manager, self.size, "Cannot load", str(exc)))
            return
        self.next_screen = GameScreen.loaded(self.app, loaded)

    def open_saves(self, mode: str) -> None:
        if self.modal():
            return
        default = f"{self.scn.id}_{self.state.date_text().replace(' ', '_').lower()}"

        def done(action, path):
            if action == "save":
                if path.exists():
                    def really(ok, path=path):
                        if ok and self.save_to(path):
                            self.say(f"Saved as {path.stem}")
                    self.open_dialog(dialogs.confirm(self.manager, self.size, "Replace save?",
                                                     f"A save called {path.stem} exists. "
                                                     "Replace it?", "Replace", really))
                elif self.save_to(path):
                    self.say(f"Saved as {path.stem}")
            elif action == "load":
                self.load_from(path)
        self.open_dialog(SavesWindow(self.manager, self.size, mode, saves_dir(), done, default))

    def open_menu(self) -> None:
        if self.modal():
            return

        def chosen(value):
            if value == "save":
                self.open_saves("save")
            elif value == "load":
                self.open_saves("load")
            elif value == "settings":
                from game.ui.screens.settings_screen import SettingsWindow
                self.open_dialog(SettingsWindow(self.manager, self.size, self.app.settings))
            elif value == "menu":
                from game.ui.screens.main_menu import MainMenu
                self.next_screen = MainMenu(self.app)
            elif value == "results":
                self.next_screen = self.back_to
            elif value == "quit":
                self.app.quit()
        extra = [("Back to the results", "results", "The victory screen")] \
            if self.back_to is not None else []
        dlg = dialogs.Dialog(self.manager, self.size, "Menu",
                             "<i>Autosaved at the start of each of your turns.</i>",
                             extra + [("Back to the game", None, ""), ("Save", "save", "Ctrl+S"),
                              ("Load", "load", "Ctrl+L"), ("Settings", "settings", ""),
                              ("Main menu", "menu", "Leave this game (unsaved orders since "
                                                    "the last save are lost)"),
                              ("Quit", "quit", "Close the game")],
                             chosen, size=(340, 420 + 44 * len(extra)))
        self.open_dialog(dlg)

    # --- per frame ---
    def _update_camera(self, dt: float) -> None:
        speed = (300 + 120 * self.app.settings.scroll_speed) * dt
        dx = dy = 0
        for k in self.held:
            ddx, ddy = PAN_KEYS.get(k, (0, 0))
            dx += ddx
            dy += ddy
        if self.app.settings.edge_scroll and self.mouse is not None and not self.modal() \
                and pygame.mouse.get_focused():
            w, h = self.size
            x, y = self.mouse
            dx += (x >= w - EDGE) - (x < EDGE)
            dy += (y >= h - EDGE) - (y < EDGE)
        if dx or dy:
            self.map.camera.pan(dx * speed, dy * speed)
        self.hover_time += dt

    def _update_effects(self, dt: float) -> None:
        if self.toast_time > 0:
            self.toast_time -= dt
        for f in self.flashes:
            f[1] += dt / 0.8
        self.flashes = [f for f in self.flashes if f[1] < 1.0]
        ov = self.overlay
        ov.flashes = [(h, age, rgb) for h, age, rgb in self.flashes]
        ov.moving = {self.march.army: self.march.pos()} if self.march else {}
        ov.active = self.human_to_play()

    def _update_hud(self) -> None:
        hud = self.hud
        if hud is None:
            return
        human = self.human_to_play() is not None and not self.modal()
        hud.set_button(hud.end_btn, human)
        hud.set_button(hud.undo_btn, human and self.session.can_undo())
        # the log is slow to lay out: while the computer plays, refresh it twice a second
        self.log_wait -= self.last_dt
        if self.log_shown != len(self.log_lines) and (self.human_to_play() is not None
                                                     or self.log_wait <= 0):
            self.log_shown = len(self.log_lines)
            self.log_wait = 0.5
            lines = list(reversed(self.log_lines[-40:]))
            hud.set_box("log", hud.log, "<br>".join(D.esc(x) for x in lines) or
                        "<i>Nothing has happened yet.</i>")
        key = (self.version, self.viewer, self.overlay.selected_army, self.overlay.selected_city)
        if key == self._details_key:
            return
        self._details_key = key
        st = self.state
        fid = st.active_faction
        f = st.factions[fid]
        me = self.viewer or fid
        mine = st.factions[me]
        total = self.scn.total_turns
        hud.set_label("date", hud.date, f"{st.date_text()}  -  turn {st.turn} of {total}",
                      f"{st.season.capitalize()}: " + (
                          "winter doubles the cost of hills, mountains and passes, closes "
                          "snowbound passes and starves armies out of supply"
                          if st.winter else "the campaigning season") +
                      f".  The war ends after {self.scn.spec.end}.")
        who = self.session.sides.get(fid, "")
        if S.is_human(who):
            playing = "your turn" if fid == self.viewer else "human"
        else:
            playing = f"computer, {S.level_of(who)}"
        hud.set_label("side", hud.side, f"{f.name} ({playing})",
                      "Who plays each side: " + "; ".join(
                          f"{st.factions[x].name}: {S.describe(w)}"
                          for x, w in self.session.sides.items()
                          if st.factions[x].in_play))
        net = economy.income(st, me) - economy.upkeep(st, me)
        hud.set_label("money", hud.money, f"Treasury {mine.treasury:,} ({net:+,})",
                      D.faction_tip(st, me))
        hud.set_label("weary", hud.weary, f"War-weariness {mine.war_weariness}",
                      "War-weariness rises with losses, lost cities and long years of war; "
                      "events and peace terms may turn on it")
        # details of the selection
        view = self.view()
        a = self.selected_army()
        if a is not None:
            html = D.army_html(st, a, a.faction == self.viewer)
        elif self.overlay.selected_city in view.cities:
            c = view.cities[self.overlay.selected_city]
            html = D.city_html(st, c, c.owner == self.viewer)
        else:
            html = ("<i>Click an army or a city to see it here.  Press F1 for the keys.</i>")
        hud.set_box("details", hud.details, html)
        for k, (order, tip) in self.possible_actions().items():
            hud.set_action(k, order is not None, tip)

    def draw(self, surface: pygame.Surface) -> None:
        view = self.view()
        self.map.draw(surface, view, self.state, self.overlay)
        if self.hud is not None:
            self.hud.draw_background(surface)
            f = self.state.factions[self.state.active_faction]
            pygame.draw.rect(surface, self.map.colors.get(f.id, (128, 128, 128)), self.hud.swatch)
            pygame.draw.rect(surface, P.INK, self.hud.swatch, 1)
        if self.minimap is not None:
            self.minimap.draw(surface, view)
        self._draw_toast(surface)
        self._draw_status(surface)

    def _draw_status(self, surface) -> None:
        """While the computer plays: who is thinking or moving, and how to skip."""
        if self.human_to_play() is not None or self.state.over:
            return
        fid = self.state.active_faction
        name = self.state.factions[fid].name
        msg = f"{name} is thinking..." if self.thinker is not None and not self.thinker.done \
            else f"{name} moves  (Space: skip)"
        img = fonts.text(msg, 15, P.PAPER, (20, 18, 14))
        vp = self.map.camera.viewport
        surface.blit(img, img.get_rect(midbottom=(vp.centerx, vp.bottom - 12)))

    def _draw_toast(self, surface) -> None:
        if self.toast_time <= 0 or not self.toast_text:
            return
        vp = self.map.camera.viewport
        img = fonts.text(self.toast_text[:140], 15, P.PAPER)
        box = img.get_rect(midtop=(vp.centerx, vp.top + 10)).inflate(20, 10)
        bg = pygame.Surface(box.size, pygame.SRCALPHA)
        bg.fill((60, 20, 16, 225) if self.toast_bad else (28, 24, 18, 225))
        surface.blit(bg, box)
        pygame.draw.rect(surface, P.BAD if self.toast_bad else P.GOLD, box, 1)
        surface.blit(img, img.get_rect(center=box.center))

    def draw_over(self, surface: pygame.Surface) -> None:
        """The map tooltip: what is under the cursor, and the odds of an attack."""
        if self.mouse is None or self.modal() or self.dragging or self.mini_drag \
                or self.hover_time < TOOLTIP_DELAY:
            return
        if self.minimap is not None and self.minimap.rect.collidepoint(self.mouse):
            self._draw_tip(surface, ["The whole map", "Click or drag to move the view there"])
            return
        h = self.overlay.hover
        if h is None or self.ui_hovered():
            return
        key = (self.version, self.overlay.version, h)
        if key != self._tip_key:
            self._tip_key = key
            a = self.selected_army()
            own = a if a is not None and a.faction == self.human_to_play() else None
            self._tip_lines = D.hover_lines(self.state, self.view(), h, own)
            if self.overlay.path_label:
                self._tip_lines.append("March: " + self.overlay.path_label)
        self._draw_tip(surface, self._tip_lines)

    def _draw_tip(self, surface, lines: list[str]) -> None:
        if not lines:
            return
        imgs = [fonts.text(t, 13 if i else 14, P.GOLD if i == 0 else P.TEXT)
                for i, t in enumerate(lines)]
        w = max(i.get_width() for i in imgs) + 16
        hgt = sum(i.get_height() + 2 for i in imgs) + 10
        x, y = self.mouse[0] + 18, self.mouse[1] + 18
        sw, sh = self.size
        if x + w > sw:
            x = self.mouse[0] - w - 8
        if y + hgt > sh:
            y = self.mouse[1] - hgt - 8
        box = pygame.Rect(x, y, w, hgt)
        bg = pygame.Surface(box.size, pygame.SRCALPHA)
        bg.fill((30, 26, 20, 235))
        surface.blit(bg, box)
        pygame.draw.rect(surface, P.GOLD, box, 1)
        yy = y + 5
        for img in imgs:
            surface.blit(img, (x + 8, yy))
            yy += img.get_height() + 2
