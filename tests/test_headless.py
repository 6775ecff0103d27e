"""The rules engine must run with no display: nothing outside game/ui imports pygame."""
import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAME = ROOT / "game"


def engine_modules():
    for p in sorted(GAME.rglob("*.py")):
        rel = p.relative_to(ROOT)
        if rel.parts[:2] == ("game", "ui"):
            continue
        yield ".".join(rel.with_suffix("").parts).removesuffix(".__init__")


def imported_names(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_no_pygame_import_outside_ui():
    pygame_users, ui_users = [], []
    for p in GAME.rglob("*.py"):
        if p.relative_to(GAME).parts[0] == "ui":
            continue
        names = imported_names(p)
        rel = str(p.relative_to(ROOT))
        if any(n.split(".")[0] in ("pygame", "pygame_gui") for n in names):
            pygame_users.append(rel)
        if any(n == "game.ui" or n.startswith("game.ui.") for n in names):
            ui_users.append(rel)
    assert pygame_users == []
    # only the command line reaches into the UI, and only to open the window for `play`
    assert set(ui_users) <= {"game/cli.py"}


def test_engine_imports_and_plays_with_pygame_blocked():
    mods = list(engine_modules())
    assert "game.rules.engine" in mods and "game.scenario.load" in mods
    code = (
        "import sys\n"
        "sys.modules['pygame'] = None\n"        # any `import pygame` now raises ImportError
        "sys.modules['pygame_gui'] = None\n"
        f"mods = {[m for m in mods if m != 'game.cli']!r}\n"
        "import importlib\n"
        "for m in mods: importlib.import_module(m)\n"
        "from game.scenario.load import load_scenario\n"
        "from game import simulate\n"
        f"scn = load_scenario({str(ROOT / 'tests/data/test_scenario.yaml')!r})\n"
        "r = simulate.play(scn, 1)\n"
        "assert r.turns == 12, r\n"
        "assert not any(k == 'pygame' or k.startswith('pygame.') for k, v in sys.modules.items() if v is not None)\n"
        "print('ok')\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                       timeout=120)
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr
