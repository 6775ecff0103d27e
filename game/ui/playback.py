""""While you were away": what a side saw happen since its last turn, played back.

At the start of a hot-seat player's turn the screen replays that side's news
(`Session.news_for(side)`), which the engine has already cut to what the
side could see: enemy marches only along the steps it saw, battles, sieges
and captures within its sight or concerning it, and the scripted events it
was told of.  The map behind is drawn from the side's own View, so nothing
else shows.  Each item is a `Beat`: a caption, where to look, and for a march
the steps to trace.  The camera follows the beats; Space goes to the next,
Esc skips them all.

`beats(events)` is plain data (no pygame); `Playback` times the beats and
draws the markers over the map.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.i18n import _
from game.hexgrid import Hex, hex_distance
from game.rules.report import Event
from game.ui import fonts, map_marks, notes
from game.ui import palette as P
from game.ui.geometry import center
from game.ui.scale import px

# What is worth showing, and how long each kind lingers (seconds at normal speed).
SHOWN = {"moved": 0.0, "battle": 1.6, "assault": 1.6, "captured": 1.6, "siege_begun": 1.3,
         "siege_lifted": 1.1, "siege_progress": 1.1, "retreated": 1.0, "destroyed": 1.3,
         "spotted": 1.2, "raised": 1.0, "attrition": 1.0, "commander_died": 1.4,
         "fired": 1.8, "chosen": 1.4, "message": 1.4, "game_over": 2.0, "reloaded": 2.0}
STEP_TIME = 0.22          # seconds per hex of a march
MARCH_TAIL = 0.5          # and a moment at its end
RING = {"battle": P.BAD, "assault": P.BAD, "captured": P.GOLD, "destroyed": P.BAD,
        "siege_begun": (245, 160, 50), "siege_progress": (245, 160, 50),
        "siege_lifted": P.GOOD, "spotted": P.SELECT}


@dataclass
class Beat:
    kind: str
    text: str
    at: Hex | None                      # where to look; None for news with no place
    path: list[Hex] = field(default_factory=list)    # a march: the hexes seen, in order
    faction: str | None = None          # whose army marched
    duration: float = 1.0


def beats(events: list[Event], state=None) -> list[Beat]:
    """The beats of a side's news, in the order it happened; dull items are left out.
    With the side's known world each caption is in the language in use."""
    from game.ui import describe

    def caption(e):
        return describe.event_text(state, e) if state is not None else e.text
    out = []
    for e in events:
        if e.kind not in SHOWN:
            continue
        if e.kind == "moved":
            d = e.data
            path = ([d.start] if d.start is not None else []) + list(d.path)
            if not path:
                continue
            faction = d.faction or (e.factions[0] if e.factions else None)
            out.append(Beat("moved", caption(e), path[-1], path, faction,
                            STEP_TIME * max(1, len(path) - 1) + MARCH_TAIL))
        else:
            out.append(Beat(e.kind, caption(e), e.at, duration=SHOWN[e.kind]))
    return out


class Playback:
    """Times the beats; `update` says where the camera should look, `draw` marks the map."""

    def __init__(self, items: list[Beat], speed: int = 5):
        self.items = items
        self.index = 0
        self.t = 0.0
        self.rate = 0.6 + 0.12 * max(0, min(10, speed))     # faster with the animation speed

    @property
    def done(self) -> bool:
        return self.index >= len(self.items)

    @property
    def beat(self) -> Beat | None:
        return None if self.done else self.items[self.index]

    def update(self, dt: float) -> None:
        if self.done:
            return
        self.t += dt * self.rate
        if self.t >= self.items[self.index].duration:
            self.next()

    def next(self) -> None:
        self.index += 1
        self.t = 0.0

    def skip(self) -> None:
        self.index = len(self.items)

    def marcher_at(self) -> tuple[float, float] | None:
        """Where the marching marker is now, in map units (None if the beat is no march)."""
        b = self.beat
        if b is None or b.kind != "moved":
            return None
        pts = [center(h) for h in b.path]
        if len(pts) == 1:
            return pts[0]
        k = min(len(pts) - 1.0, self.t / STEP_TIME)
        i = min(len(pts) - 2, int(k))
        f = k - i
        if hex_distance(b.path[i], b.path[i + 1]) != 1:     # unseen steps between: no glide
            return pts[i] if f < 0.5 else pts[i + 1]
        (ax, ay), (bx, by) = pts[i], pts[i + 1]
        return ax + (bx - ax) * f, ay + (by - ay) * f

    def focus(self) -> tuple[float, float] | None:
        """The point (map units) the camera should follow."""
        b = self.beat
        if b is None:
            return None
        if b.kind == "moved":
            return self.marcher_at()
        return center(b.at) if b.at is not None else None

    # --- drawing over the map ---
    def draw(self, surf: pygame.Surface, camera, colors: dict,
             emblems: dict | None = None) -> None:
        b = self.beat
        if b is None:
            return
        s = camera.s
        ox, oy = camera.world_origin()
        old = surf.get_clip()
        surf.set_clip(camera.viewport)

        def to_px(u: tuple[float, float]) -> tuple[float, float]:
            return u[0] * s + ox, u[1] * s + oy
        if b.kind == "moved" and len(b.path) > 1:
            color = colors.get(b.faction, (128, 128, 128))
            for run in runs(b.path):         # only where the steps were seen, one after another
                if len(run) > 1:
                    pts = [to_px(center(h)) for h in run]
                    pygame.draw.lines(surf, P.INK, False, pts, 5 if s >= 11 else 3)
                    pygame.draw.lines(surf, color, False, pts, 3 if s >= 11 else 1)
            pos = self.marcher_at()
            if pos is not None:
                img = ghost(color, s, (emblems or {}).get(b.faction, ""))
                surf.blit(img, img.get_rect(center=to_px(pos)))
        elif b.at is not None:
            x, y = to_px(center(b.at))
            pulse = (self.t * 1.5) % 1.0
            rgb = RING.get(b.kind, P.PAPER)
            pygame.draw.circle(surf, rgb, (x, y), max(8, s) * (0.5 + 0.8 * pulse),
                               max(1, round(4 * (1 - pulse))))
            pygame.draw.circle(surf, rgb, (x, y), max(6, s * 0.6), 2)
        surf.set_clip(old)

    def draw_caption(self, surf: pygame.Surface, rect: pygame.Rect) -> pygame.Rect:
        """The caption box along the bottom of `rect` (the map's viewport); returns its box."""
        b = self.beat
        if b is None:
            return pygame.Rect(0, 0, 0, 0)
        head = fonts.text(_("While you were away  ({n} of {total})").format(
            n=self.index + 1, total=len(self.items)), px(13), P.GOLD)
        body = fonts.text(b.text[:120], px(15), P.PAPER)
        keys = fonts.text(_("Space: next    Esc: skip all"), px(12), P.TEXT_DIM)
        w = max(head.get_width(), body.get_width(), keys.get_width()) + px(28)
        h = head.get_height() + body.get_height() + keys.get_height() + px(20)
        box = pygame.Rect(0, 0, min(w, rect.w - px(20)), h)
        box.midbottom = (rect.centerx, rect.bottom - px(14))
        surf.blit(map_marks.shadow_box(box.size), box)
        y = box.y + px(6)
        for img in (head, body, keys):
            surf.blit(img, (box.x + px(14), y))
            y += img.get_height() + px(4)
        notes.note("news", box)
        return box


def runs(path: list[Hex]) -> list[list[Hex]]:
    """A march's seen steps split where hexes were not seen in between."""
    out: list[list[Hex]] = []
    for h in path:
        if out and hex_distance(out[-1][-1], h) == 1:
            out[-1].append(h)
        else:
            out.append([h])
    return out


def ghost(color: tuple, s: int, emblem: str = "") -> pygame.Surface:
    """The marker of an army seen on the march: its colour and emblem, no figures."""
    w, h = map_marks.counter_size(s)
    surf = pygame.Surface((w + 4, h + 4), pygame.SRCALPHA)
    rect = pygame.Rect(2, 2, w, h)
    pygame.draw.rect(surf, color, rect, border_radius=3)
    pygame.draw.rect(surf, P.PAPER, rect, 2, border_radius=3)
    ink = P.text_on(color)
    if emblem:
        k = max(3, h // 4)
        map_marks.draw_emblem(surf, emblem, (rect.x + 3 + k, rect.centery), k, ink)
    mark = fonts.text("?", max(10, min(px(17), h * 11 // 20)), ink)
    surf.blit(mark, mark.get_rect(center=(rect.centerx + map_marks.emblem_room(h) // 2,
                                          rect.centery)))
    return surf
