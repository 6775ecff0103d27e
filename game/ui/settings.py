"""Where the game keeps its files, and the player's settings.

Settings live in the user's config folder ($XDG_CONFIG_HOME/last-great-war,
~/.config/last-great-war, or %APPDATA%\\last-great-war on Windows); saves and
autosaves in the data folder (game.resources.data_dir: $XDG_DATA_HOME/last-great-war,
~/.local/share/last-great-war, or %APPDATA%\\last-great-war\\data).  Tests point
both at temporary folders through those environment variables.
"""
from __future__ import annotations

import dataclasses
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from game.resources import APP, data_dir
from game.session.save import write_atomic

SETTINGS_FILE = "settings.json"


def config_dir() -> Path:
    if os.environ.get("XDG_CONFIG_HOME"):
        return Path(os.environ["XDG_CONFIG_HOME"]) / APP
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / APP
    return Path.home() / ".config" / APP


def saves_dir() -> Path:
    return data_dir() / "saves"


@dataclass
class Settings:
    """What the settings screen changes.  Speeds run 1 (slow) to 10 (fastest)."""
    scroll_speed: int = 5
    animation_speed: int = 5
    edge_scroll: bool = True
    confirm_end_turn: bool = True    # ask before ending a turn with armies that could move
    fullscreen: bool = False
    window: tuple[int, int] = (1280, 800)

    def clamp(self) -> "Settings":
        self.scroll_speed = min(10, max(1, int(self.scroll_speed)))
        self.animation_speed = min(10, max(1, int(self.animation_speed)))
        w, h = self.window
        self.window = (max(800, int(w)), max(600, int(h)))
        return self


def load_settings() -> Settings:
    """The saved settings, or the defaults when there are none or they are unreadable."""
    path = config_dir() / SETTINGS_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    s = Settings()
    for f in dataclasses.fields(Settings):
        v = raw.get(f.name)
        if f.name == "window":
            if (isinstance(v, list) and len(v) == 2
                    and all(isinstance(x, int) and not isinstance(x, bool) for x in v)):
                s.window = (v[0], v[1])
        elif isinstance(getattr(s, f.name), bool):
            if isinstance(v, bool):
                setattr(s, f.name, v)
        elif isinstance(v, int) and not isinstance(v, bool):
            setattr(s, f.name, v)
    return s.clamp()


def save_settings(s: Settings) -> str | None:
    """Write the settings atomically; returns an error message instead of raising."""
    data = dataclasses.asdict(s)
    data["window"] = list(s.window)
    try:
        write_atomic(config_dir() / SETTINGS_FILE,
                     json.dumps(data, indent=2).encode("utf-8"), keep_backup=False)
    except OSError as exc:
        return f"cannot save the settings in {config_dir()}: {exc.strerror or exc}"
    return None
