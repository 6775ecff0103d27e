"""Build the one-folder desktop game with PyInstaller, then check that it lists the scenarios.

    pip install -e '.[package]'
    python tools/build_desktop.py

The result is dist/last-great-war/: the program `last-great-war` (last-great-war.exe
on Windows) and everything it needs, Python included, in `_internal/`.  Copy or zip
the whole folder; a player runs the program in it.  The build is for the system it
is made on (build on Windows for Windows).  build/ and dist/ are not committed.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "last-great-war.spec"


def built_program(dist: Path) -> Path:
    name = "last-great-war.exe" if sys.platform == "win32" else "last-great-war"
    return dist / "last-great-war" / name


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dist", default=str(ROOT / "dist"), help="where the build goes (dist/)")
    p.add_argument("--work", default=str(ROOT / "build"), help="PyInstaller's work folder")
    args = p.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("PyInstaller is not installed: pip install -e '.[package]'", file=sys.stderr)
        return 2
    r = subprocess.run([sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm",
                        "--clean", "--log-level", "WARN", "--distpath", args.dist,
                        "--workpath", args.work], cwd=ROOT)
    if r.returncode != 0:
        return r.returncode
    program = built_program(Path(args.dist))
    check = subprocess.run([str(program), "scenarios"], capture_output=True, text=True,
                           timeout=300, cwd=Path(args.dist))
    shipped = [line for line in check.stdout.splitlines() if line.endswith("\tshipped")]
    expected = len(list((ROOT / "scenarios").glob("*.yaml")))
    if check.returncode not in (0, 1) or len(shipped) != expected:
        print(f"the build does not list the {expected} shipped scenarios:\n{check.stdout}"
              f"{check.stderr}", file=sys.stderr)
        return 1
    print(f"built {program} ({len(shipped)} scenarios); start it to play, or copy the folder "
          f"{program.parent}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
