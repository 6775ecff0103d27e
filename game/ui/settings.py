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
from dataclasses import dataclass, field
from pathlib import Path

from game.resources import APP, data_dir, home_folder
from game.session.save import write_atomic
from game.ui.keys import DEFAULTS as DEFAULT_KEYS
from game.ui.keys import checked as checked_keys
from game.ui import scale

SETTINGS_FILE = "settings.json"
MAX_SETTINGS_BYTES = 64 * 1024      # the real file is about 150 bytes
MIN_WINDOW = (800, 600)
MAX_WINDOW = (16384, 16384)


def config_dir() -> Path:
    if os.environ.get("XDG_CONFIG_HOME"):
        return Path(os.environ["XDG_CONFIG_HOME"]) / APP
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / APP
    return home_folder() / ".config" / APP


def saves_dir() -> Path:
    return data_dir() / "saves"


@dataclass
class Settings:
    """What the settings screen changes.  Speeds run 1 (slow) to 10 (fastest); the volume
    0 (silent) to 10."""
    scroll_speed: int = 5
    animation_speed: int = 5
    edge_scroll: bool = True
    confirm_end_turn: bool = True    # ask before ending a turn with armies that could move
    delay_fog: bool = False          # moves show new ground only on U or at the turn's end
    volume: int = 6                  # of the sounds, 0 (silent) to 10
    muted: bool = False              # M on the play screen
    territory_tint: bool = True      # the owners' colours over their land (G)
    fullscreen: bool = False
    high_contrast: bool = False      # plain black and white panels, stronger edges on the map
    window: tuple[int, int] = (1280, 800)
    ui_scale: int | str = scale.AUTO  # 100-200 (percent, steps of 25) or "auto" (game.ui.scale)
    language: str = "en"             # of the game's texts (game.i18n.LANGUAGES)
    keys: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_KEYS))   # action -> key

    def clamp(self) -> "Settings":
        self.scroll_speed = min(10, max(1, int(self.scroll_speed)))
        self.animation_speed = min(10, max(1, int(self.animation_speed)))
        self.volume = min(10, max(0, int(self.volume)))
        self.ui_scale = scale.checked(self.ui_scale)
        w, h = self.window
        self.window = (min(MAX_WINDOW[0], max(MIN_WINDOW[0], int(w))),
                       min(MAX_WINDOW[1], max(MIN_WINDOW[1], int(h))))
        return self


def read_small_file(path: Path, limit: int) -> bytes | None:
    """A regular file's bytes, at most `limit` of them, or None.  Opened without blocking,
    so a named pipe or a device put in its place is never waited on or read without end."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except (OSError, ValueError):
        return None
    try:
        import stat
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        data = os.read(fd, limit + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return data if len(data) <= limit else None


def load_settings() -> Settings:
    """The saved settings, or the defaults when there are none or they are unreadable
    (too big, not a regular file, not JSON, nested without end, wrong types)."""
    data = read_small_file(config_dir() / SETTINGS_FILE, MAX_SETTINGS_BYTES)
    if data is None:
        return Settings()
    try:
        raw = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    s = Settings()
    for f in dataclasses.fields(Settings):
        v = raw.get(f.name)
        if f.name == "keys":
            s.keys = checked_keys(v)
        elif f.name == "ui_scale":
            s.ui_scale = scale.checked(v)
        elif f.name == "language":
            from game.i18n import LANGUAGES
            if isinstance(v, str) and v in LANGUAGES:
                s.language = v
        elif f.name == "window":
            if (isinstance(v, list) and len(v) == 2
                    and all(isinstance(x, int) and not isinstance(x, bool) and abs(x) < 10**6
                            for x in v)):
                s.window = (v[0], v[1])
        elif isinstance(getattr(s, f.name), bool):
            if isinstance(v, bool):
                setattr(s, f.name, v)
        elif isinstance(v, int) and not isinstance(v, bool) and abs(v) < 10**6:
            setattr(s, f.name, v)
    return s.clamp()


def save_settings(s: Settings) -> str | None:
    """Write the settings atomically; returns an error message instead of raising."""
    data = dataclasses.asdict(s)
    data["window"] = list(s.window)
    data["keys"] = dict(s.keys)
    try:
        write_atomic(config_dir() / SETTINGS_FILE,
                     json.dumps(data, indent=2).encode("utf-8"), keep_backup=False)
    except OSError as exc:
        return f"cannot save the settings in {config_dir()}: {exc.strerror or exc}"
    return None
