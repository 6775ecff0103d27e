"""The map view and play: the screen where the war is fought.

It owns the Session (every change goes through `Session.do` as an order),
draws from the viewer's View only (`observe(state, viewer)` and its `world`, the
game as the viewer knows it: the map, panels and tooltips are never given the
full state; tests/ui/test_view_only.py checks it), and runs the turn flow: a human
side gives orders with mouse and keys; a computer side's orders are thought
out in a worker thread (`computer.Thinker`) and applied one by one at the
pace set in the settings (Space skips to the end of its turn).  When a
human's turn comes round, a summary of what happened since, the events
that fired and any choice to make are shown first, and the game autosaves.

What the screen does at a given moment is its mode (screens/modes/): orders,
playback, dialog, computer turn, hot-seat gate, turn start, ended.  Each mode
has its own input, update and drawing; `modes.current` picks the one in
charge.  This module holds what they share: the session, the view, the
selection, the log, the messages and the map.

Hot-seat (two or more human sides): the screen belongs to one side at a
time, its `owner`.  When the next human to play is someone else, the screen
hands over to the gate (screens/handover.py), which hides everything; the
computer sides play on behind it, unseen.  Past the gate the new owner
sees its "while you were away" playback (game/ui/playback.py), its summary
and its events.  Everything drawn comes from the owner's View; events are
cut with `events_for` to what that side saw, and each side keeps its own
event log, camera and selection.
"""
from __future__ import annotations


import numpy as np
import pygame

from game.i18n import _
from game.scenario.lang import text as scenario_text
from game.hexgrid import Hex, hex_neighbors
from game.rules import engine, vision
from game.rules import movement as M
from game.rules.orders import Attack, Besiege, Refused
from game.rules.report import Event
from game.rules.state import clone
from game.session.game import Session
from game.session.view import View, events_for, known_world, observe
from game.ui.army_list import ArmyList
from game.ui import describe
from game.ui import dialogs
from game.ui import notes
from game.ui import objectives
from game.ui import palette as P
from game.session import seats
from game.ui.computer import Thinker
from game.ui.hud import Hud
from game.ui.map_view import MapView, Overlay
from game.ui.minimap import Minimap
from game.ui.playback import Playback
from game.ui.screens import game_input, game_menu, game_panels, modes, news
from game.ui.screens.game_input import ENTER, pan_of
from game.ui.screens.modes import Mode, gate, playback
from game.ui.screens.base import Screen
from game.ui.screens.game_turns import TurnFlow
from game.ui.scale import px

EDGE = 4              # pixels from the window's edge that scroll the map


class GameScreen(TurnFlow, Screen):
    # --- making one ---
    @classmethod
    def new(cls, app, scn, seed: int, sides: dict[str, str],
            passwords: dict[str, str] | None = None) -> "GameScreen":
        """A new war; `passwords` are side -> hash (game.session.password)."""
        session, events = Session.new(scn, seed, sides)
        session.passwords = {f: h for f, h in (passwords or {}).items() if seats.is_human(sides.get(f))}
        return cls(app, session, events)

    @classmethod
    def loaded(cls, app, loaded) -> "GameScreen":
        """A saved game (game.session.save.Loaded); raises SaveError if its news or
        passwords are damaged.  A hot-seat game opens at the handover gate."""
        session = Session.from_loaded(loaded)
        reload = session.announce_reload()   # hot-seat: the other players hear of it
        st = session.state
        sides = seats.clean_sides(session.sides, st.factions) or seats.default_sides(st.scenario)
        for f in st.factions:
            sides.setdefault(f, seats.computer())
        session.sides = sides
        gs = cls(app, session, [])
        gs.just_loaded = True
        gs.saved_at = len(session.orders)
        notes_ = loaded.meta.extra.get("ui") if isinstance(loaded.meta.extra, dict) else None
        notes_ = notes_ if isinstance(notes_, dict) else {}
        briefed = notes_.get("briefed")
        gs.briefed = ({f for f in briefed if isinstance(f, str) and f in st.factions}
                      if isinstance(briefed, list)
                      else set(seats.humans(sides)))
        gs.news_shown = notes_.get("news_shown", True) is not False
        for f in [None, *seats.humans(sides)]:
            if session.logs_saved and f in session.logs:
                continue
            # a save made before the logs were kept: the scripted events are all there is
            entries = st.log if f is None else observe(st, f).log
            gs.logs[f] = [describe.log_entry_line(st, e) for e in entries]
        if reload is not None:        # in their news, and in their logs to read again later
            gs.record({f: [reload] for f in reload.factions if f != reload.data.side},
                      [reload])
        gs.say(_("Loaded: {title}, {date}").format(
            title=scenario_text(st.scenario, "title", st.scenario.title),
            date=describe.now_text(st)))
        return gs

    def __init__(self, app, session: Session, start_events: list[Event]):
        super().__init__(app)
        self.session = session
        self.scn = session.state.scenario
        self.version = 0
        self._drawn_frame = -2               # the app's frame this screen last drew
        self._view = None
        self._view_key = None
        self.overlay = Overlay()
        self.reach_costs: dict = {}          # hex index -> (cost, previous) for the selection
        self.hud: Hud | None = None
        w, h = self.size
        from game.ui.hud import SIDE, TOP
        self.map = MapView(self.scn, pygame.Rect(0, px(TOP), w - px(SIDE), h - px(TOP)),
                           threaded=app.threaded, strong=app.settings.high_contrast)
        self.map.tint = app.settings.territory_tint
        self.minimap: Minimap | None = None
        self.dialogs: list = []              # open windows that take input before the map
        self.queue: list = []                # dialogs waiting their turn (callables)
        # the opening's events for the side that plays first (the session tells the others)
        first = session.state.active_faction
        self.start_news: dict[str, list[Event]] = {
            first: events_for(start_events, session.state, first)} if start_events else {}
        session.logs.setdefault(None, [])     # side -> its event log; None: all (saved)
        self.log_marks: list[dict] = []      # log lengths before each order undo may take back
        self.turn_key = None
        self.owner: str | None = None        # hot-seat: the side whose eyes the screen shows
        self.cameras: dict[str, tuple] = {}  # hot-seat: each side's camera (x, y, level)
        self.playback: Playback | None = None
        self.skip_btn = None
        self.keep_map = False                # leaving for the gate: the map stays ready
        self.news_shown = True               # the side to play has seen its news (for saves)
        self.autosaved = None                # (turn, side) of the last autosave
        self.saved_at: int | None = None     # orders in the session at the last save
        self.leaving = None                  # the "save before leaving?" dialog, when open
        self.army_sort = "name"              # how the army list was last sorted
        self.thinker: Thinker | None = None
        self.replans = 0
        self.pace = 0.0
        self.skip = False
        self.march: news.March | None = None
        self.flashes: list[list] = []
        self.toast_text, self.toast_time, self.toast_bad = "", 0.0, False
        self.mouse: tuple[int, int] | None = None
        self.hover_time = 0.0
        self.press: tuple[int, int] | None = None
        self.dragging = False
        self.mini_drag = False
        self.held: set[int] = set()
        self.key_tip = False                 # the tooltip follows the hex cursor, not the mouse
        self.enter_spent = False             # this press of Enter already did something
        self.next_screen = None
        self.over_wait = 1.2
        self.back_to = None                  # the victory screen, when looking back at the map
        self.just_loaded = False             # no summary or autosave for the turn loaded
        self.briefed: set[str] = set()       # sides that have begun a turn (read their briefing)
        self.choices_open: set[str] = set()
        self._path_key = None
        self._tip_key = None
        self._tip_lines: list[str] = []
        self._details_key = None
        self.log_shown = -1
        self.log_wait = 0.0
        self.last_dt = 0.0
        self.events_panel = False            # play --author, F7: each event and why it waits
        self.pbem = None                     # a game by e-mail: my turn (game.pbem.chain.Turn)
        self.pbem_data = None                # ... and the folder of my keys and games
        self.pbem_sent = None                # ... the turn file, once written
        st = session.state
        self.record({f: events_for(start_events, st, f) for f in self.log_sides()}, start_events)

    # --- state and view ---
    @property
    def state(self):
        return self.session.state

    @property
    def viewer(self) -> str | None:
        """Whose eyes the screen shows: the only human, the hot-seat owner, or None (with
        no human at all: everything; in hot-seat with the screen in nobody's hands: nothing)."""
        return seats.viewer(self.session.sides, self.owner)

    @property
    def hotseat(self) -> bool:
        return seats.hotseat(self.session.sides, self.session.passwords)

    def human_to_play(self) -> str | None:
        """The faction whose turn it is, if a person plays it and may give orders now."""
        st = self.state
        fid = st.active_faction
        if st.over or not seats.is_human(self.session.sides.get(fid)):
            return None
        if self.hotseat and fid != self.owner:
            return None            # not until it has taken the screen at the gate
        if self.turn_key != (st.turn, fid):
            return None            # not until its turn has begun (summary, news, autosave)
        return fid

    def view(self):
        key = (self.version, self.viewer, self.state.over)
        if key != self._view_key:
            self._view_key = key
            st = self.state
            if self.viewer is None and self.hotseat and not st.over:
                self._view = blind(st)
            else:      # the viewer's View (held back while its fog updates wait)
                self._view = self.session.view_for(self.viewer)
        return self._view

    @property
    def logs(self) -> dict[str | None, list[str]]:
        """Each side's event log as it read it, and (None) the whole record; kept in the
        session, so saves hold them."""
        return self.session.logs

    @property
    def log_lines(self) -> list[str]:
        """The event log the viewer may read (everything once the war is over)."""
        key = None if self.state.over else self.viewer
        if key is None and self.hotseat and not self.state.over:
            return []
        return self.logs.setdefault(key, [])

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
        if self.playback is not None:
            playback.make_skip_button(self)
        if not self.app.threaded:
            self.map.tiles.prepare(self.map.camera)

    def clear(self) -> None:
        if self.skip_btn is not None:
            self.skip_btn.kill()
            self.skip_btn = None
        if self.hud is not None:
            self.hud.kill()
            self.hud = None
        super().clear()

    def leave(self) -> None:
        self.clear()
        for d in self.dialogs:
            d.kill()
        self.dialogs = []
        if not self.keep_map:
            self.map.close()
        self.keep_map = False

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
    def log_sides(self) -> list[str]:
        """The sides whose own event log is kept: every human side."""
        return seats.humans(self.session.sides)

    def do(self, order) -> bool:
        st = self.state
        sides = self.log_sides()
        before = {f: vision.visible(st, f) for f in sides}
        marks = {f: len(lines) for f, lines in self.logs.items()}
        stack = len(self.session.undo_stack)
        self.session.delay_fog = self.app.settings.delay_fog
        try:
            events = self.session.do(order)
        except Refused as r:
            self.say(describe.refusal_text(st, r), bad=True)
            return False
        if len(self.session.undo_stack) > stack:
            self.log_marks.append(marks)
        else:
            self.log_marks.clear()
        self.changed()
        st = self.state
        told = {f: events_for(events, before[f] | vision.visible(st, f), f) for f in sides}
        self.record(told, events)
        # a player sees the results of his own orders at once; what follows his turn
        # (the other sides' moves, the turn's end) waits for the news of his next turn
        viewer = self.viewer
        if viewer is None and not self.hotseat:
            news.show(self, events, own=False)
        elif viewer is not None:
            news.show(self, told[viewer], own=order.faction == self.human_to_play())
        return True

    def record(self, told: dict, events: list[Event]) -> None:
        """Add to each side's event log what it was told, and to the full log everything."""
        for f, items in [(None, events), *((f, e) for f, e in told.items() if f is not None)]:
            lines = self.logs.setdefault(f, [])
            for e in items:
                line = describe.log_line(self.state, e)
                if line:
                    lines.append(line)

    # --- the frame: the mode in charge (screens/modes/) ---
    def mode(self) -> Mode:
        """What the screen is doing now: orders, playback, a dialog, the computer's turn..."""
        return modes.current(self)

    def update(self, dt: float):
        if self.next_screen is not None:
            nxt, self.next_screen = self.next_screen, None
            return nxt
        self.last_dt = dt
        self._update_camera(dt)
        self._update_effects(dt)
        self._update_hud()
        if self.march is not None:       # a counter on its way: everything waits for it
            self.march.t += dt
            if self.march.done:
                self.march = None
            return None
        return self.mode().update(self, dt)

    def handle(self, event):
        if event.type == pygame.KEYUP and event.key in ENTER or \
                event.type == pygame.WINDOWFOCUSLOST:
            self.enter_spent = False         # Enter let go: the next press may act again
        elif event.type == pygame.KEYDOWN and event.key in ENTER:
            if self.enter_spent:
                return None                  # still the same press (key repeat): once only
            self.enter_spent = True
        self.mode().handle(self, event)
        return None

    def click_hex(self, h: Hex) -> None:
        self.mode().click(self, h)

    # --- hot-seat: the gate (modes/gate.py) ---
    def needs_gate(self) -> bool:
        return gate.needs_gate(self)

    def gate_side(self) -> str | None:
        return gate.gate_side(self)

    def play_hidden(self, dt: float) -> bool:
        return gate.play_hidden(self, dt)

    def hand_over(self, side: str) -> None:
        gate.hand_over(self, side)

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
        self.reach_costs = {}
        a = self.selected_army()
        if a is None:
            if ov.selected_army is not None:
                ov.selected_army = None
            return
        me = self.human_to_play()
        if a.faction != me or (a.moves <= 0 and not a.may_strike):
            return
        st = self.state
        hm = self.scn.map
        if a.moves > 0:
            self.reach_costs = M.reachable(st, a)
            here = hm.index(a.hex)
            ov.reach = {hm.hex_of(j) for j in self.reach_costs if j != here}
        for n in hex_neighbors(a.hex):
            if hm.contains(n) and engine.is_legal(st, Attack(me, a.id, n)):
                ov.attack.add(n)
        for n in [a.hex, *hex_neighbors(a.hex)]:
            cid = self.scn.city_at.get(n)
            if cid and engine.is_legal(st, Besiege(me, a.id, cid)):
                ov.siege.add(n)
        ov.reach -= ov.attack | ov.siege

    # --- commands ---
    def center_selection(self) -> None:
        a = self.selected_army()
        if a is not None:
            self.map.center_on(a.hex)
        elif self.overlay.selected_city in self.view().cities:
            self.map.center_on(self.view().cities[self.overlay.selected_city].hex)

    def open_aims(self) -> None:
        """The objectives panel for the side whose eyes the screen shows."""
        if self.modal() or self.playback is not None or (
                self.viewer is None and self.hotseat and not self.state.over):
            return
        side = self.viewer

        def closed(value):
            if value == "briefing":
                self.open_dialog(self.briefing_dialog(side or self.state.active_faction))
        self.open_dialog(objectives.aims_dialog(self.manager, self.size, self.view(), side,
                                                closed))

    def open_concepts(self) -> None:
        """The help page on supply, morale and war-weariness, with this scenario's numbers."""
        if self.modal() or self.playback is not None:
            return
        self.open_dialog(dialogs.concepts_dialog(self.manager, self.size,
                                                 self.state.scenario.rules))

    def toggle_tint(self) -> None:
        """G: the owners' colours over their land, on or off (kept in the settings)."""
        s = self.app.settings
        s.territory_tint = self.map.tint = not self.map.tint
        self.say(_("Owners' colours on the map: {state}").format(
            state=_("on") if self.map.tint else _("off")))

    def toggle_mute(self) -> None:
        """M: the sounds off or on (kept in the settings)."""
        muted = self.app.sounds.toggle_mute()
        self.say(_("Sound off (M turns it on)") if muted else _("Sound on"))

    def open_army_list(self) -> None:
        """The list of the viewer's armies; picking one selects it and centres on it."""
        side = self.viewer
        if self.modal() or self.playback is not None or side is None:
            return

        def pick(aid):
            self.army_sort = lst.sort
            self.select_army(aid)
            self.center_selection()
        lst = ArmyList(self.manager, self.size, self.view(), side, pick, self.army_sort)
        self.open_dialog(lst)

    # --- for authors (play --author) ---
    def reload_scenario(self) -> None:
        """F6: read the scenario file again, check it, replay this game's orders on it."""
        if self.hotseat or self.modal() or self.thinker is not None:
            self.say(_("Reload when it is your turn and no window is open"), bad=True)
            return
        from game.session.reload import reload_session
        r = reload_session(self.session)
        if r.session is None:
            self.say(r.message, bad=True)
            return
        nxt = GameScreen(self.app, r.session, [])
        nxt.briefed, nxt.news_shown, nxt.just_loaded = set(self.briefed), True, True
        nxt.events_panel = self.events_panel
        nxt.say(r.message, bad=r.diverged_at is not None)
        self.next_screen = nxt

    def event_lines(self) -> list[str]:
        """F7: each event, whether it fired, and the first condition that stops it now."""
        from game.trace import first_failure
        st = self.state
        lines = ["Events (F7 to close)"]
        for ev in st.scenario.events:
            eid = ev.spec.id
            if eid in st.fired and not ev.spec.repeat:
                lines.append(f"{eid}: fired (turn {st.fired[eid]})")
                continue
            miss = first_failure(ev.when, clone(st))
            if miss is None:
                lines.append(f"{eid}: its condition holds now")
            else:
                args = ", ".join(f"{k}: {v}" for k, v in miss["args"].items())
                lines.append(f"{eid}: waits on {miss['condition']} {{{args}}} "
                             f"(line {miss['line']})")
        return lines

    # --- saving, loading and the menu (game_menu.py) ---
    def quick_save(self) -> None:
        game_menu.quick_save(self)

    def quick_load(self) -> None:
        game_menu.quick_load(self)

    def open_saves(self, mode: str) -> None:
        game_menu.open_saves(self, mode)

    def open_menu(self) -> None:
        game_menu.open_menu(self)

    def autosave(self) -> None:
        self.autosaved = (self.state.turn, self.state.active_faction)
        game_menu.autosave(self)

    def quit_requested(self) -> bool:
        """The window's close button: True if the game asks to save first (a second close
        while it asks quits at once)."""
        if self.leaving is not None and self.leaving.alive():
            return False
        if not game_menu.unsaved(self):
            return False
        game_menu.ask_to_leave(self, self.app.quit)
        return True

    def save_notes(self) -> dict:
        """What the interface keeps in a save beside the game: who has begun a turn (read
        the briefing) and whether the side to play has seen its news."""
        return {"ui": {"briefed": sorted(self.briefed), "news_shown": self.news_shown}}

    # --- per frame ---
    def _update_camera(self, dt: float) -> None:
        speed = (300 + 120 * self.app.settings.scroll_speed) * dt
        dx = dy = 0
        for k in self.held:
            ddx, ddy = pan_of(self, k)
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
        cam = (self.map.camera.level, self.map.camera.world_origin())
        if cam != getattr(self, "_cam_seen", cam):   # the map moved under the mouse (keys,
            game_input.rehover(self)                 # Tab, the minimap): a fresh tooltip
        self._cam_seen = cam
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

    # --- panels (game_panels.py) and drawing ---
    def ui_hovered(self) -> bool:
        return bool(self.manager.get_hovering_any_element())

    def _update_hud(self) -> None:
        game_panels.update_hud(self)

    def draw(self, surface: pygame.Surface) -> None:
        view = self.view()
        if self._drawn_frame != self.app.frame_no - 1:
            self.map.drawn_over = None       # another screen was shown meanwhile
        self._drawn_frame = self.app.frame_no
        self.map.draw(surface, view, self.overlay)
        notes.boxes.clear()
        if self.hud is not None:
            self.hud.draw_background(surface)
            f = self.state.factions[self.state.active_faction]
            pygame.draw.rect(surface, self.map.colors.get(f.id, (128, 128, 128)), self.hud.swatch)
            pygame.draw.rect(surface, P.INK, self.hud.swatch, 1)
        if self.minimap is not None:
            self.minimap.draw(surface, view)
        self.mode().draw(self, surface)
        self._draw_toast(surface)
        if self.events_panel:
            vp = self.map.camera.viewport
            notes.tooltip(surface, self.event_lines(), (vp.x - px(10), vp.y - px(10)))

    def _draw_toast(self, surface) -> None:
        if self.toast_time > 0 and self.toast_text:
            vp = self.map.camera.viewport
            notes.toast(surface, self.toast_text, (vp.centerx, vp.top + px(10)), self.toast_bad)

    def draw_over(self, surface: pygame.Surface) -> None:
        """Over the widgets: the map tooltip (what is under the cursor, the odds)."""
        self.mode().draw_over(self, surface)
        self.map.drawn_over = self.drawn_over_map()

    def drawn_over_map(self) -> list[pygame.Rect] | None:
        """The boxes drawn over the map this frame by all but the map (notes, widgets), so
        that the next frame draws the map again there; None when a mode draws its own
        things over it (the next frame then draws the whole map)."""
        m = self.mode()
        if type(m).draw is not Mode.draw or type(m).draw_over is not Mode.draw_over \
                or self.playback is not None:
            return None
        vp = self.map.camera.viewport
        out = [r for r in notes.boxes if r.colliderect(vp)]
        for image, rect, *_rest in self.manager.get_sprite_group().visible:
            r = pygame.Rect(rect.topleft, image.get_size())      # where it was blitted
            if r.colliderect(vp):
                out.append(r)
        return out


def blind(state) -> View:
    """The view of nobody in particular: nothing seen, nothing known (hot-seat, while the
    screen is in nobody's hands)."""
    hm = state.scenario.map
    none = np.zeros((hm.height, hm.width), dtype=bool)
    v = View(None, none, none.copy(), {}, {}, [], [], {}, False)
    v.world = known_world(state, v)
    return v
