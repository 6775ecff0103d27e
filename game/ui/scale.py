"""The interface's scale: one factor for fonts, panels, buttons, dialogs and the theme.

The player picks 100 to 200 % in steps of 25, or "auto".  Auto looks at the
desktop: 100 % up to a 1920x1080 screen, then as much more as the screen is
larger in both directions, rounded down to a step (2560x1440: 125 %,
3840x2160: 200 %).  The window's own size caps the factor, so the interface
never needs more than the window holds: the window must be at least
960x640 pixels for each 100 % (a 1280x720 window gets 100 % at most).

The factor in use is kept here, set by the App when it starts and when the
window or the setting changes; layout code asks `px(n)` for the pixels of n
at 100 %.
"""
from __future__ import annotations

AUTO = "auto"
CHOICES: tuple[int, ...] = (100, 125, 150, 175, 200)
STEP = 25
LOWEST, HIGHEST = CHOICES[0], CHOICES[-1]
BASE_DESKTOP = (1920, 1080)      # auto gives 100 % up to this screen
ROOM = (960, 640)                # the window's pixels each 100 % needs

_percent = 100


def checked(value) -> int | str:
    """The setting from settings.json or the command line: "auto" or a whole percent
    100-200 (rounded down to a step of 25); anything else is "auto"."""
    if isinstance(value, str):
        text = value.strip().lower().rstrip("%").strip()
        if text == AUTO:
            return AUTO
        if not text.isdigit() or len(text) > 4:
            return AUTO
        value = int(text)
    if isinstance(value, bool) or not isinstance(value, int):
        return AUTO
    if not LOWEST <= value <= HIGHEST:
        return AUTO
    return value - (value - LOWEST) % STEP


def auto_percent(desktop: tuple[int, int] | None) -> int:
    """What "auto" picks for a desktop of that size (100 % when it is not known)."""
    if not desktop or desktop[0] <= 0 or desktop[1] <= 0:
        return LOWEST
    k = min(desktop[0] / BASE_DESKTOP[0], desktop[1] / BASE_DESKTOP[1])
    return _steps(int(k * 100 + 1e-6))


def fitting_percent(window: tuple[int, int]) -> int:
    """The largest factor the window has room for."""
    k = min(window[0] / ROOM[0], window[1] / ROOM[1])
    return _steps(int(k * 100 + 1e-6))


def _steps(percent: int) -> int:
    percent = min(HIGHEST, max(LOWEST, percent))
    return percent - (percent - LOWEST) % STEP


def effective(setting, window: tuple[int, int], desktop: tuple[int, int] | None) -> int:
    """The factor in use for a setting, a window and a desktop, in percent."""
    chosen = checked(setting)
    wanted = auto_percent(desktop) if chosen == AUTO else chosen
    return min(wanted, fitting_percent(window))


def set_percent(percent: int) -> None:
    global _percent
    _percent = _steps(int(percent))


def percent() -> int:
    return _percent


def factor() -> float:
    return _percent / 100


def px(n: float) -> int:
    """Pixels at the current scale of n pixels at 100 %."""
    return int(round(n * _percent / 100))


def label(setting) -> str:
    """How the setting is written for the player."""
    chosen = checked(setting)
    return "Auto" if chosen == AUTO else f"{chosen} %"


# Theme keys (under "misc") that hold pixel sizes: scaled with the fonts.
THEME_PIXELS = ("shape_corner_radius", "border_width", "shadow_width", "title_bar_height",
                "padding", "rect_width", "list_item_height", "text_horiz_alignment_padding",
                "text_vert_alignment_padding")


def scale_theme(theme: dict, percent_: int) -> dict:
    """The pygame_gui theme with its font sizes and pixel sizes scaled (in place)."""
    if percent_ == 100 or not isinstance(theme, dict):
        return theme
    k = percent_ / 100
    for block in theme.values():
        if not isinstance(block, dict):
            continue
        font = block.get("font")
        if isinstance(font, dict) and str(font.get("size", "")).isdigit():
            font["size"] = str(round(int(font["size"]) * k))
        misc = block.get("misc")
        if isinstance(misc, dict):
            for key in THEME_PIXELS:
                if key in misc:
                    misc[key] = _scaled_numbers(misc[key], k)
    # pygame_gui takes no default font from the theme's "defaults": each kind of widget
    # gets the scaled default size, unless its block names a font of its own
    base = theme.get("defaults", {}).get("font", {}) if isinstance(theme.get("defaults"),
                                                                  dict) else {}
    size = base.get("size") if str(base.get("size", "")).isdigit() else str(round(14 * k))
    slider = theme.setdefault("horizontal_slider", {}).setdefault("misc", {})
    slider.setdefault("sliding_button_width", str(round(20 * k)))
    for kind in WIDGET_KINDS:
        block = theme.setdefault(kind, {})
        if isinstance(block, dict) and "font" not in block:
            block["font"] = {"name": base.get("name", "noto_sans"), "size": size}
    return theme


# The kinds of pygame_gui widgets the game uses, whose font follows the scale.
WIDGET_KINDS = ("button", "label", "text_box", "text_entry_line", "selection_list",
                "drop_down_menu", "horizontal_slider", "window", "tool_tip", "panel")


def _scaled_numbers(value, k: float):
    """"6,4" -> "12,8" at 200 %; a value that is not numbers is kept."""
    parts = str(value).split(",")
    if not all(p.strip().isdigit() for p in parts):
        return value
    return ",".join(str(round(int(p) * k)) for p in parts)


def theme_fonts(theme: dict) -> list[dict]:
    """The fonts a theme's texts may use, for pygame_gui's preload: each size it names
    (and the default's) in every style, since rich text boxes use bold and italic."""
    sizes = set()
    for block in theme.values():
        font = block.get("font") if isinstance(block, dict) else None
        if isinstance(font, dict) and str(font.get("size", "")).isdigit():
            sizes.add(int(font["size"]))
    return [{"name": "noto_sans", "point_size": s, "style": st, "antialiased": "1"}
            for s in sorted(sizes) for st in ("regular", "bold", "italic", "bold_italic")]
