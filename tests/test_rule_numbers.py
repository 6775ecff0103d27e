"""Every number a rule uses lives in the rules table (game/rules/table.py).

This scans the rule modules for numeric literals.  0, 1, 2 and 100 (the
percent scale) are allowed everywhere; any other number must be listed
below with the reason it is not a balancing number.  A new literal in rule
code fails here: move it into the table, or list it with its reason.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from game.rules.table import LIMITS, RULES

RULES_DIR = Path(__file__).resolve().parents[1] / "game" / "rules"
ALWAYS = {0, 1, 2, 100}
# module: {number: why it is not a rule number}
ALLOWED: dict[str, dict[int, str]] = {
    "combat.py": {},
    "siege.py": {3: "a seasonal turn is three months"},
    "movement.py": {5: "the five kinds of step (land, embark, land from sea, sea, strait)",
                    30: "1 << 30 stands for an impassable cost",
                    6: "a hex has six sides",
                    3: "a seasonal turn is three months"},
    "engine.py": {1000: "the computer's candidate amount to raise (not a rule)",
                  100: "men are raised in hundreds (the order's unit)"},
    "economy.py": {1000: "upkeep and costs are stated per 1000 men",
                   999: "rounding a cost per 1000 men up",
                   2000: "garrison upkeep is per 2000 men (half the field rate)"},
    "supply.py": {3: "rules are stated per three-month season",
                  10: "attrition is stated per 10 points of supply",
                  9: "rounding up to the next 10 points of supply"},
    "changes.py": {10000: "war-weariness from losses is stated per 10000 men",
                   6: "how far to look for a free hex for a displaced army (search bound)"},
    "vision.py": {512: "size of the caches of unpacked memories, stamps and known cities",
                  4096: "size of the sight-mask cache",
                  50000: "size of the cache of what single pairs of eyes see",
                  8: "bits in a byte (packing the memory of seen hexes)",
                  7: "rounding up to whole bytes",
                  20: "(eye, offset) pairs worked on at once: a batch of 2**20",
                  64: "size of the cache of sight stamps by radius",
                  50000: "size of the cache of what one pair of eyes sees"},
    "between.py": {},
    "turns.py": {12: "months in a year", 3: "the year turns in March"},
    "paths.py": {30: "1 << 30 stands for an unreached hex",
                 3: "a step is a (from, to, cost) triple",
                 4096: "the longest limit a march's search keeps a list of buckets for"},
    "traits.py": {},
    "victory.py": {},
    "queries.py": {4: "how far a named place still names a hex ('near Nineveh'): words, not a rule"},
    "orders.py": {},
    "event_data.py": {},
    "report.py": {3: "a saved date is (turn, year, month)", 12: "months in a year",
                  100_000: "bound on a saved turn or year (a damaged save is refused)"},
    "__init__.py": {},
    "invariants.py": {5: "walls are 0 to 5 (the scenario format's bound)"},
    "state.py": {**{m: "month numbers of the seasons" for m in range(3, 12)},
                 70: "a dataclass default (armies are made with morale_base)",
                 16: "length of the state hash",
                 4096: "size of the cache of relation keys"},
    "between.py": {},
    "rng.py": {},  # the random generator's constants: not rules, not scanned
}
NOT_SCANNED = {"table.py", "rng.py"}


def _literals(path: Path) -> list[tuple[int, object]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and type(n.value) in (int, float)]


def test_every_rules_module_is_scanned():
    modules = {p.name for p in RULES_DIR.glob("*.py")} - NOT_SCANNED
    assert modules <= set(ALLOWED), f"list {sorted(modules - set(ALLOWED))} in ALLOWED"


@pytest.mark.parametrize("module", sorted(set(ALLOWED) - NOT_SCANNED))
def test_rule_code_has_no_stray_numbers(module):
    allowed = ALWAYS | set(ALLOWED[module])
    stray = [(line, v) for line, v in _literals(RULES_DIR / module) if v not in allowed]
    assert not stray, (f"game/rules/{module} uses numbers outside the rules table: "
                       + ", ".join(f"{v} (line {line})" for line, v in sorted(stray)))


def test_the_scan_catches_a_stray_number(tmp_path):
    p = tmp_path / "m.py"
    p.write_text("def f(x):\n    return x * 37 // 100\n")
    assert [v for _, v in _literals(p) if v not in ALWAYS] == [37]


def test_every_limit_names_a_rule():
    assert set(LIMITS) <= set(RULES)
