"""Where the game's files are: what it ships, and the player's own folders.

The shipped scenarios (with their map) and the assets (theme, fonts) live at the
top of the repository, in scenarios/ and assets/.  Installed (pip install ., a
wheel, a desktop build) they travel inside the game package as game/data/
(pyproject.toml maps the two folders there) and are found with
importlib.resources; a zipped install has them copied out to a temporary folder
once, since the loader reads real files.

The player's data folder holds saves and their own scenarios:
$XDG_DATA_HOME/last-great-war, ~/.local/share/last-great-war, or
%APPDATA%\\last-great-war\\data on Windows.  Tests point it at temporary folders
through those environment variables.

Headless: the rules, the loader and the UI all ask here.
"""
from __future__ import annotations

import atexit
import importlib.resources
import os
import shutil
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

APP = "last-great-war"
SHIPPED = ("scenarios", "assets")


def checkout_root() -> Path | None:
    """The repository this code runs from, if it is one (python run.py, an editable install)."""
    root = Path(__file__).resolve().parent.parent
    if (root / "pyproject.toml").is_file() and all((root / d).is_dir() for d in SHIPPED):
        return root
    return None


@lru_cache(maxsize=1)
def data_root() -> Path:
    """The folder holding the shipped scenarios/ and assets/."""
    root = checkout_root()
    if root is not None:
        return root
    return installed_root(importlib.resources.files("game") / "data")


def installed_root(tree) -> Path:
    """An installed data tree as a real folder: itself when it is one, else a copy."""
    if isinstance(tree, Path):
        return tree
    where = Path(tempfile.mkdtemp(prefix="last-great-war-"))
    atexit.register(shutil.rmtree, where, ignore_errors=True)
    _copy_tree(tree, where)
    return where


def _copy_tree(tree, dest: Path) -> None:
    for item in tree.iterdir():
        if item.is_dir():
            (dest / item.name).mkdir()
            _copy_tree(item, dest / item.name)
        elif item.is_file():
            (dest / item.name).write_bytes(item.read_bytes())


def scenarios_dir() -> Path:
    """The shipped scenarios (their shared map in maps/)."""
    return data_root() / "scenarios"


def assets_dir() -> Path:
    """The theme and the fonts."""
    return data_root() / "assets"


def home_folder() -> Path:
    """The user's home folder; with none to be found (HOME unset and a user id with no
    entry in the password file) a private folder under the system's temporary folder."""
    try:
        return Path.home()
    except (RuntimeError, KeyError, OSError):
        import tempfile
        uid = os.getuid() if hasattr(os, "getuid") else "user"
        return Path(tempfile.gettempdir()) / f"{APP}-home-{uid}"


def data_dir() -> Path:
    """The player's data folder (saves, their own scenarios)."""
    if os.environ.get("XDG_DATA_HOME"):
        return Path(os.environ["XDG_DATA_HOME"]) / APP
    if sys.platform == "win32" and os.environ.get("APPDATA"):
        return Path(os.environ["APPDATA"]) / APP / "data"
    return home_folder() / ".local" / "share" / APP


def user_scenarios_dir() -> Path:
    """Where the player puts scenarios of their own (subfolders too)."""
    return data_dir() / "scenarios"
