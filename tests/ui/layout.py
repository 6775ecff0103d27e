"""A check of a screen's layout: every widget inside the window (and inside the window
it belongs to), no two widgets side by side in one container overlapping, no label's
or button's text wider than its box, and every box drawn over the map (the tooltip,
the toast, the banner: game.ui.notes.drawn) inside the window."""
from __future__ import annotations

import pygame
from pygame_gui.core import UIContainer
from pygame_gui.elements import UIButton, UILabel, UITooltip, UIWindow

from game.ui import notes


def widgets(app) -> list:
    """The live, visible widgets the layout is made of: those placed on the screen itself
    or in a window (not the parts inside a list, a slider or a drop-down menu)."""
    out = []
    for el in app.manager.get_sprite_group().sprites():
        if isinstance(el, (UIContainer, UITooltip)) or not el.alive() or not el.visible:
            continue
        box = el.ui_container
        owner = getattr(box, "parent_element", None)
        part_of = getattr(el, "parent_element", None)      # a text box's scroll bar, ...
        if (owner is None or isinstance(owner, UIWindow)) and (
                part_of is None or part_of is owner or isinstance(part_of, UIWindow)):
            out.append(el)
    return out


def name(el) -> str:
    text = getattr(el, "text", "")
    return f"{type(el).__name__}({str(text)[:30]!r}) at {tuple(el.rect)}"


def problems(app) -> list[str]:
    screen = app.window.get_rect()
    found = []
    els = widgets(app)
    for el in els:
        box = el.ui_container
        area = screen if getattr(box, "parent_element", None) is None else box.rect
        if not area.contains(el.rect):
            found.append(f"{name(el)} leaves {'the window' if area is screen else 'its window'}"
                         f" {tuple(area)}")
        if isinstance(el, (UILabel, UIButton)) and isinstance(getattr(el, "text", None), str) \
                and el.text:
            w = el.font.size(el.text)[0]
            if w > el.rect.w:
                found.append(f"{name(el)}: its text is {w} pixels wide, its box {el.rect.w}")
    flat = [el for el in els if not isinstance(el, UIWindow)]     # windows lie over the rest
    for i, a in enumerate(flat):
        for b in flat[i + 1:]:
            if a.ui_container is b.ui_container and a.rect.colliderect(b.rect):
                found.append(f"{name(a)} overlaps {name(b)}")
    for what, rect in notes.drawn or []:
        if not screen.contains(rect):
            found.append(f"the {what} at {tuple(rect)} leaves the window")
    return found


def drawn_overlaps(boxes: list[tuple[str, pygame.Rect]]) -> list[str]:
    """Boxes drawn over the map that cover each other."""
    out = []
    for i, (wa, ra) in enumerate(boxes):
        for wb, rb in boxes[i + 1:]:
            if ra.colliderect(rb):
                out.append(f"the {wa} at {tuple(ra)} covers the {wb} at {tuple(rb)}")
    return out
