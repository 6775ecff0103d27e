"""An installed game carries its scenarios, map and assets, and finds them away from the checkout.

pyproject.toml maps the top-level scenarios/ and assets/ into the package as
game/data/; game/resources.py finds them there (or in the checkout).
"""
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from game import cli, resources

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_SCENARIOS = sorted(p.name for p in (ROOT / "scenarios").glob("*.yaml"))
ASSETS = sorted(p.relative_to(ROOT / "assets").as_posix()
                for p in (ROOT / "assets").rglob("*") if p.is_file())
LANG_FILES = sorted(p.relative_to(ROOT / "scenarios").as_posix()
                    for p in (ROOT / "scenarios" / "lang").rglob("*.yaml"))
MODULES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "game").rglob("*.py"))


def test_the_checkout_is_used_when_running_from_it():
    assert resources.data_root() == ROOT
    assert resources.scenarios_dir() == ROOT / "scenarios"
    assert (resources.assets_dir() / "theme.json").is_file()
    assert len(SHIPPED_SCENARIOS) == 6 and "theme.json" in ASSETS


def test_an_installed_tree_that_is_not_a_folder_is_copied_out(tmp_path):
    """A zipped install: importlib.resources gives a zip path, the loader needs real files."""
    z = tmp_path / "data.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("game/data/scenarios/maps/m.yaml", "id: m\n")
        zf.writestr("game/data/assets/theme.json", "{}")
    root = resources.installed_root(zipfile.Path(z, "game/data/"))
    assert root.is_dir() and root != tmp_path
    assert (root / "scenarios" / "maps" / "m.yaml").read_text() == "id: m\n"
    assert (root / "assets" / "theme.json").read_text() == "{}"
    assert resources.installed_root(tmp_path) == tmp_path       # a real folder: used as it is


def zipped_install(folder: Path) -> Path:
    """The game as a wheel lays it out, in one zip file: the code and game/data/."""
    z = folder / "game.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for m in MODULES:
            zf.write(ROOT / m, m)
        for name in SHIPPED_SCENARIOS:
            zf.write(ROOT / "scenarios" / name, f"game/data/scenarios/{name}")
        zf.write(ROOT / "scenarios" / "maps" / "theatre.yaml", "game/data/scenarios/maps/theatre.yaml")
        for name in LANG_FILES:
            zf.write(ROOT / "scenarios" / name, f"game/data/scenarios/{name}")
        for a in ASSETS:
            zf.write(ROOT / "assets" / a, f"game/data/assets/{a}")
    return z


def test_a_zipped_install_away_from_the_checkout_plays(tmp_path):
    z = zipped_install(tmp_path)
    away = tmp_path / "elsewhere"
    away.mkdir()
    env = dict(os.environ, PYTHONPATH=str(z), SDL_VIDEODRIVER="dummy")
    code = ("import sys, game, game.resources as r; from game.cli import main; "
            "print('code from', game.__file__); print('data in', r.data_root()); "
            "sys.argv[0] = 'last-great-war'; sys.exit(main(sys.argv[1:]))")

    def run(*args):
        return subprocess.run([sys.executable, "-c", code, *args], cwd=away, env=env,
                              capture_output=True, text=True, timeout=300)
    r = run("scenarios")
    assert r.returncode == 0, r.stdout + r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith(f"code from {z}")
    data = Path(lines[1].removeprefix("data in "))
    assert ROOT not in data.parents and data != ROOT
    listed = lines[2:]
    assert sorted(line.split("\t")[0] + ".yaml" for line in listed) == SHIPPED_SCENARIOS
    assert all(line.endswith("\tshipped") for line in listed)
    r = run("--lang", "el", "scenarios")         # the catalogues travel with the game
    assert r.returncode == 0 and "Ο δρόμος προς την Κτησιφώντα" in r.stdout, r.stderr
    r = run("simulate", "road_to_ctesiphon", "--seed", "1", "--turns", "1", "--jobs", "1")
    assert r.returncode == 0 and "result:" in r.stdout, r.stderr
    r = run("--help")
    assert r.returncode == 0 and "\nusage: last-great-war " in r.stdout


def test_the_program_name_is_the_one_typed(monkeypatch, capsys):
    for typed, shown in (("/usr/local/bin/last-great-war", "last-great-war"),
                         ("run.py", "run.py"), ("C:/Games/lgw/last-great-war.exe",
                                                "last-great-war.exe")):
        monkeypatch.setattr(sys, "argv", [typed])
        with pytest.raises(SystemExit):
            cli.main(["--help"])
        assert capsys.readouterr().out.startswith(f"usage: {shown} ")
    r = subprocess.run([sys.executable, str(ROOT / "run.py"), "--help"], capture_output=True,
                       text=True, timeout=120, cwd=ROOT)
    assert r.returncode == 0 and r.stdout.startswith("usage: run.py ")


@pytest.mark.slow
def test_the_wheel_carries_the_scenarios_the_map_and_the_assets(tmp_path):
    """What setuptools puts in the wheel, from pyproject.toml: its build_py step, run on a
    copy (so the checkout gets no build/ folder, and no `wheel` package is needed)."""
    pytest.importorskip("setuptools", reason="a venv of Python 3.12+ comes without setuptools")
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("game", "scenarios", "assets"):
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    out = tmp_path / "lib"
    r = subprocess.run([sys.executable, "-c", "from setuptools import setup; setup()",
                        "-q", "build_py", "-d", str(out)],
                       capture_output=True, text=True, timeout=600, cwd=src)
    assert r.returncode == 0, r.stdout + r.stderr
    names = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    for name in SHIPPED_SCENARIOS:
        assert f"game/data/scenarios/{name}" in names
    assert "game/data/scenarios/maps/theatre.yaml" in names
    assert LANG_FILES and all(f"game/data/scenarios/{name}" in names for name in LANG_FILES)
    assert "game/data/assets/locale/el/LC_MESSAGES/game.mo" in names
    for a in ASSETS:
        assert f"game/data/assets/{a}" in names
    missing = [m for m in MODULES if m not in names]
    assert not missing, f"add their packages to [tool.setuptools] packages: {missing}"


@pytest.mark.slow
def test_the_desktop_build_lists_the_scenarios(tmp_path):
    """tools/build_desktop.py builds and checks the one-folder game (only where the `package`
    extra is installed; it is never needed to play or test)."""
    pytest.importorskip("PyInstaller")
    r = subprocess.run([sys.executable, str(ROOT / "tools" / "build_desktop.py"),
                        "--dist", str(tmp_path / "dist"), "--work", str(tmp_path / "build")],
                       capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    program = tmp_path / "dist" / "last-great-war" / (
        "last-great-war.exe" if sys.platform == "win32" else "last-great-war")
    out = subprocess.run([str(program), "scenarios"], capture_output=True, text=True,
                         timeout=300, cwd=tmp_path).stdout.splitlines()
    assert sorted(line.split("\t")[0] + ".yaml" for line in out) == SHIPPED_SCENARIOS
    help_text = subprocess.run([str(program), "--help"], capture_output=True, text=True,
                               timeout=300, cwd=tmp_path).stdout
    assert help_text.startswith(f"usage: {program.name} ")
