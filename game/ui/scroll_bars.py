"""Scroll bars and arrow buttons at the interface's scale.

pygame_gui fixes a few sizes at 20 pixels in its code, not in its theme: the width
of a text box's or a list's scroll bar, the height of a scroll bar's arrow buttons,
the open button of a drop-down menu.  At 200 % they stayed 20 pixels, half the size
of everything around them.  `install()` puts a small descriptor on each of those
attributes: the library still writes 20 (its size at 100 %), and reads it back as
`px(20)` at the scale in use, so every widget made afterwards gets bars and arrows
of its scale.  The sizes are the ones pygame_gui 0.6 sets (constraints.txt pins it).
"""
from __future__ import annotations

from pygame_gui import elements

from game.ui.scale import px

# (class, attribute) that pygame_gui sets to a pixel size at 100 %
SIZES = ((elements.UITextBox, "scroll_bar_width"),
         (elements.UISelectionList, "scroll_bar_width"),
         (elements.UIVerticalScrollBar, "button_height"),
         (elements.UIHorizontalScrollBar, "button_width"),
         (elements.UIScrollingContainer, "scroll_bar_width"),
         (elements.UIScrollingContainer, "scroll_bar_height"),
         (elements.UIDropDownMenu, "open_button_width"))


class Scaled:
    """An attribute stored in pixels at 100 % and read in pixels at the scale in use."""

    def __init__(self, name: str):
        self.key = f"_at_100_{name}"

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return px(obj.__dict__[self.key])

    def __set__(self, obj, value) -> None:
        obj.__dict__[self.key] = value


def install() -> None:
    """Scale the fixed sizes of every widget made from now on (once is enough)."""
    for cls, name in SIZES:
        if not isinstance(cls.__dict__.get(name), Scaled):
            setattr(cls, name, Scaled(name))
