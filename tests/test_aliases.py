"""A short module alias means one module everywhere, so a reader learns it once.

Most modules are imported under their own names.  A few that nearly every
rules file uses keep a one-letter alias; this table is the whole list.
"""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SHORT = {
    "M": "game.rules.movement",
    "Q": "game.rules.queries",
    "C": "game.rules.changes",
    "T": "game.terrain",
    "P": "game.ui.palette",
}


def aliases():
    """(file, alias, module) for every game module imported under a name of one or two capitals."""
    for folder in ("game", "tests", "bench", "tools"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("game"):
                    pairs = [(a.asname, f"{node.module}.{a.name}") for a in node.names]
                elif isinstance(node, ast.Import):
                    pairs = [(a.asname, a.name) for a in node.names if a.name.startswith("game")]
                else:
                    continue
                for alias, module in pairs:
                    if alias and len(alias) <= 2 and alias.isupper():
                        yield str(path.relative_to(ROOT)), alias, module


def test_each_short_alias_names_one_module():
    wrong = [f"{f}: {module} as {alias}" for f, alias, module in aliases()
             if SHORT.get(alias) != module]
    assert wrong == [], "import these under their own names, or add the alias to SHORT"
