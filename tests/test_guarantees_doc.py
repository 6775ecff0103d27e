"""docs/guarantees.md names the tests that keep each promise: they must exist."""
import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "guarantees.md"


def test_every_test_named_in_the_guarantees_exists():
    tests = {}
    for f in (ROOT / "tests").glob("test_*.py"):
        tree = ast.parse(f.read_text(encoding="utf-8"))
        tests[f.name] = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    everywhere = set().union(*tests.values())
    text = DOC.read_text(encoding="utf-8")
    named = re.findall(r"`(?:(test_\w+\.py)::)?(test_\w+)`", text)
    assert len(named) > 30
    for file, name in named:
        if file:
            assert name in tests.get(file, ()), f"{file}::{name} is not a test"
        else:
            assert name in everywhere, f"{name} is not a test"
