"""docs/tutorial.md runs as written: its files are written and its commands run, in order,
in a fresh folder, with the player's data folder there too; each ```text block after a
command holds lines its output must contain."""
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TUTORIAL = ROOT / "docs" / "tutorial.md"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```$", re.S | re.M)


def steps(text: str):
    """(kind, body) for each fenced block: yaml (a file), sh (commands), text (output)."""
    return [(m.group(1), m.group(2)) for m in BLOCK.finditer(text)]


def test_the_tutorial_runs_as_written(tmp_path):
    data = tmp_path / "data"
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "XDG_DATA_HOME": str(data), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "HOME": str(tmp_path), "SDL_VIDEODRIVER": "dummy", "PYTHONPATH": str(ROOT)}
    prelude = f'last-great-war() {{ "{sys.executable}" "{ROOT / "run.py"}" "$@"; }}\nset -e\n'
    cwd = work
    output = None
    ran = files = 0
    for kind, body in steps(TUTORIAL.read_text(encoding="utf-8")):
        if kind == "yaml":
            first, rest = body.split("\n", 1)
            m = re.fullmatch(r"# (file|append to): (\S+)", first)
            if m is None:
                continue      # an example, not part of the tutorial's files
            target = cwd / m.group(2)
            with open(target, "a" if m.group(1) == "append to" else "w", encoding="utf-8") as fh:
                fh.write(rest)
            files += 1
        elif kind == "sh":
            # each block runs in the folder the previous one ended in
            script = prelude + body + '\npwd > "$TUTORIAL_PWD"\n'
            pwd_file = tmp_path / "pwd"
            proc = subprocess.run(["bash", "-c", script], cwd=cwd, capture_output=True,
                                  text=True, env={**env, "TUTORIAL_PWD": str(pwd_file)},
                                  timeout=300)
            assert proc.returncode == 0, f"{body}\n-> exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
            cwd = Path(pwd_file.read_text().strip())
            output = proc.stdout + proc.stderr
            ran += 1
        elif kind == "text":
            assert output is not None, "an output block before any command"
            for line in body.splitlines():
                if line.strip():
                    assert line.strip() in output, f"{line!r} not in the output:\n{output}"
    assert ran >= 8 and files >= 4
    assert (data / "last-great-war" / "scenarios" / "armenian_march.yaml").is_file()


def test_the_example_scenarios_load_without_warnings():
    from game import cli
    from tests.events.harness import example_scenarios
    examples = example_scenarios()
    assert examples, "no example scenario under docs/examples"
    assert cli.main(["validate", "--strict", *map(str, examples)]) == 0
