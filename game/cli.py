"""The command line: `play`, `scenarios`, `validate`, `simulate`.

This is a contract with players, scenario authors and the project's checks;
keep its options and output stable (the README documents them).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from game.ai.levels import LEVELS
from game.scenario.yamlsrc import InputError, Problem, display_path

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
INTERNAL_ERROR = "the checker itself failed on this file; please report it as a bug"


def program_name() -> str:
    """The name the player typed: run.py, last-great-war, ..."""
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    return "last-great-war" if name in ("", "-c", "__main__.py") else name


def _scenarios_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--scenarios", action="append", default=[], metavar="DIR",
                   help="also look for scenarios in DIR and its subfolders (repeatable); "
                        "your scenarios folder is always searched")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=program_name(), description="Last Great War: the Byzantine-Sassanid war of 602-628.",
        epilog="With no command, `play` opens the game.")
    p.add_argument("--lang", metavar="CODE", default=None,
                   help="the language of the game's texts: " + ", ".join(_languages())
                        + " (default: the one chosen in the settings; this command line's "
                          "own messages stay English)")
    sub = p.add_subparsers(dest="command")

    play = sub.add_parser("play", help="open the game (the default)")
    play.add_argument("--scenario", help="start this scenario (id or path) directly")
    play.add_argument("--side", action="append", default=[], metavar="FACTION=WHO",
                      help="who plays a faction: human, computer[:easy|normal|hard] or "
                           "placeholder (repeatable; default: the first playable faction "
                           "is human)")
    play.add_argument("--seed", type=int, help="the game's random seed (default: random)")
    play.add_argument("--load", metavar="SAVE", help="load a saved game")
    play.add_argument("--fullscreen", action="store_true", help="start in fullscreen")
    play.add_argument("--author", action="store_true",
                      help="for scenario authors: F6 reloads the scenario file and replays "
                           "the game's orders on it; F7 shows the events panel")
    play.add_argument("--size", default=None, metavar="WxH", help="window size, e.g. 1280x800")
    play.add_argument("--scale", default=None, metavar="PERCENT",
                      help="the interface's scale for this run: 100 to 200 (steps of 25) or "
                           "auto (default: the setting)")
    _scenarios_option(play)

    lst = sub.add_parser("scenarios", help="list the scenarios: id, years, title, origin")
    _scenarios_option(lst)

    val = sub.add_parser("validate", help="check scenario (or map) files; exit 1 on problems")
    val.add_argument("paths", nargs="+", metavar="PATH", help="scenario files or folders")
    val.add_argument("--strict", action="store_true",
                     help="refuse warnings too (exit 1 when there are any)")

    pl = sub.add_parser(
        "places", help="list the place ids a scenario can name, or describe one hex",
        description="List every place id with its name, kind, col,row, terrain, region and "
                    "owner at the start (tab-separated, a header first), or with --at "
                    "describe what lies at one hex.")
    pl.add_argument("scenario", nargs="?", metavar="SCENARIO",
                    help="a scenario id or YAML file (default: the shared map alone)")
    pl.add_argument("--at", metavar="COL,ROW", help="describe this hex instead")
    _scenarios_option(pl)

    sim = sub.add_parser(
        "simulate", help="play headless games with the computer on every side",
        description="Play headless games with the computer on every side, printing each "
                    "fired event as `YEAR SEASON event_id: title` and a summary per game.")
    sim.add_argument("scenario", metavar="SCENARIO", help="a scenario id or a path to a YAML file")
    sim.add_argument("--seed", type=int, default=1, help="seed of the first game (default 1)")
    sim.add_argument("--games", type=int, default=1, metavar="K",
                     help="number of games, seeds N, N+1, ... (default 1)")
    sim.add_argument("--turns", type=int, default=None, metavar="T",
                     help="stop each game after T turns (default: play to the end)")
    sim.add_argument("--jsonl", metavar="FILE",
                     help="also write one JSON object per fired event and per game to FILE")
    sim.add_argument("--trace", metavar="FILE",
                     help="write what happens inside each game to FILE, one JSON object a "
                          "line: every side's turn (armies' places, men, supply and aims; "
                          "treasury, income, upkeep; choices) and every check of the "
                          "--watch events")
    sim.add_argument("--watch", action="append", default=[], metavar="EVENT_ID",
                     help="trace every check of this event and, after the games, say how "
                          "often it fired and which condition stopped it (repeatable)")
    sim.add_argument("--policy", default="computer", choices=["computer", "placeholder", "ai"],
                     help="who plays every side: the computer opponent (computer, the "
                          "default; ai is its old name) or the simple placeholder policy "
                          "kept as a baseline")
    sim.add_argument("--level", default="normal", choices=list(LEVELS),
                     help="the computer's difficulty on every side (default normal)")
    sim.add_argument("--side", action="append", default=[], metavar="FACTION=WHO",
                     help="another player for one faction: computer, computer:LEVEL or "
                          "placeholder, as for play (repeatable; ai and ai:LEVEL, the old "
                          "words, still work), e.g. to pit the computer against the baseline")
    sim.add_argument("--jobs", type=int, default=None, metavar="N",
                     help="play games on N processes at once (default: all cores); the "
                          "output is the same as with --jobs 1")
    _scenarios_option(sim)

    mp = sub.add_parser(
        "map", help="draw a scenario's start to a PNG (owners, armies, place ids)",
        description="Draw the part of the map where a scenario's cities and armies are, at "
                    "its start: each city in its owner's colour with its id and col,row, each "
                    "army with its id and men, every other place with its id.")
    mp.add_argument("scenario", metavar="SCENARIO", help="a scenario id or YAML file")
    mp.add_argument("--out", required=True, metavar="FILE.png", help="the picture to write")
    _scenarios_option(mp)

    from game.pbem.cli import add_parser as add_pbem
    add_pbem(sub)
    te = sub.add_parser(
        "test-events", help="run event case files; exit 1 if a case fails",
        description="Run the cases of event case files (see docs/event-tests.md), the same "
                    "runner as the test suite: each failure with its file, line and why, then "
                    "a closing line `N passed, N failed`.")
    te.add_argument("paths", nargs="+", metavar="FILE", help="case files or folders of them")
    _scenarios_option(te)
    return p


def _languages() -> list[str]:
    from game.i18n import LANGUAGES
    return list(LANGUAGES)


def _split_lang(argv: list[str]) -> tuple[list[str], list[str]]:
    """(the leading `--lang CODE` if given, the rest), so that `--lang el scenarios`
    runs `scenarios` and `--lang el` alone opens the game."""
    if argv and argv[0] == "--lang" and len(argv) > 1:
        return argv[:2], argv[2:]
    if argv and argv[0].startswith("--lang="):
        return argv[:1], argv[1:]
    return [], argv


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    lang, argv = _split_lang(argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv = ["play", *argv]
    args = _parser().parse_args(lang + argv)
    if args.lang is not None:
        from game.i18n import known, set_language
        if not known(args.lang):
            print(f"--lang {args.lang}: no such language (choose from "
                  f"{', '.join(_languages())})", file=sys.stderr)
            return EXIT_USAGE
        set_language(args.lang)
    if args.command == "pbem":
        from game.pbem.cli import run as run_pbem
        _forgiving_output()
        try:
            return run_pbem(args)
        except KeyboardInterrupt:
            return 130
    _forgiving_output()
    if not use_scenario_folders(getattr(args, "scenarios", [])):
        return EXIT_USAGE
    try:
        if args.command == "play":
            return cmd_play(args)
        if args.command == "scenarios":
            return cmd_scenarios()
        if args.command == "validate":
            return cmd_validate(args.paths, args.strict)
        if args.command == "simulate":
            return cmd_simulate(args)
        if args.command == "places":
            return cmd_places(args)
        if args.command == "map":
            return cmd_map(args)
        if args.command == "test-events":
            return cmd_test_events(args.paths)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    return EXIT_USAGE


def _forgiving_output() -> None:
    """Print what cannot be encoded (a file name that is not UTF-8, on a terminal that
    takes only ASCII) as escapes instead of failing on it."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):
            pass


def use_scenario_folders(folders: list[str]) -> bool:
    """Search the --scenarios folders too for this run; False (with a message) if one is
    not a folder."""
    from game.scenario import load
    for d in folders:
        if not Path(d).is_dir():
            print(f"--scenarios {d}: no such folder", file=sys.stderr)
            return False
    load.EXTRA_DIRS[:] = [Path(d) for d in folders]
    return True


# --- play ------------------------------------------------------------------------

def cmd_play(args) -> int:
    try:
        from game.ui import app
    except ImportError as exc:
        print(f"The game window cannot open: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not hasattr(app, "main"):
        print("The game window does not exist yet in this version; use `simulate` to watch "
              "the computer play.", file=sys.stderr)
        return EXIT_USAGE
    return app.main(args)


def open_pbem_window(data, me: str, game: str, size: str | None) -> int:
    """`pbem play GAME`: the window, on the player's turn of a game by e-mail."""
    try:
        from game.ui import app
    except ImportError as exc:
        print(f"The game window cannot open: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return app.main_pbem(data, me, game, size)


# --- scenarios ---------------------------------------------------------------------

def cmd_scenarios() -> int:
    """One line a scenario: id, years, title, origin (tab-separated)."""
    from game.scenario.lang import text as scenario_text
    from game.scenario.load import listed_scenarios, load_scenario, search_folders
    found = listed_scenarios()
    if not found:
        where = ", ".join(display_path(f) for f, _ in search_folders())
        print(f"no scenarios found (looked in {where})", file=sys.stderr)
        return EXIT_PROBLEMS
    status = EXIT_OK
    for item in found:
        f, origin = item.path, item.origin
        clash = item.clash()
        if clash is not None:
            print(f"{item.id}\t?\tBROKEN: {clash}\t{origin}")
            status = EXIT_PROBLEMS
            continue
        try:
            s = load_scenario(f)
        except InputError as exc:
            first = exc.problems[0] if exc.problems else None
            print(f"{f.stem}\t?\tBROKEN: {first}\t{origin}")
            status = EXIT_PROBLEMS
            continue
        except Exception as exc:    # a bug in the checker: listed as broken, never a traceback
            print(f"{f.stem}\t?\tBROKEN: {INTERNAL_ERROR} ({type(exc).__name__})\t{origin}")
            status = EXIT_PROBLEMS
            continue
        print(f"{s.id}\t{s.years()}\t{scenario_text(s, 'title', s.title)}\t{origin}")
    return status


# --- validate ----------------------------------------------------------------------

def _expand(paths: list[str]) -> list[Path]:
    from game.scenario.load import is_yaml_name
    out = []
    for p in paths:
        path = Path(p)
        try:
            is_dir = path.is_dir()
        except (OSError, ValueError):
            is_dir = False
        if is_dir:
            out += sorted(f for f in path.iterdir() if is_yaml_name(f.name))
        else:
            out.append(path)
    return out


def _top_keys(path: Path) -> set[bytes]:
    """The top-level keys of a YAML file, wherever they are and however many comments
    come first."""
    from game.scenario.yamlsrc import MAX_FILE_BYTES
    keys = set()
    try:
        with open(path, "rb") as fh:
            for raw in fh.read(MAX_FILE_BYTES).split(b"\n"):
                if raw[:1].isalpha():
                    keys.add(raw.split(b":", 1)[0].strip())
    except OSError:
        pass
    return keys


def _is_map_file(path: Path) -> bool:
    """A map file has `terrain` (or `width` and no `factions`) among its top-level keys."""
    keys = _top_keys(path)
    return b"terrain" in keys or (b"width" in keys and b"factions" not in keys)


def _is_case_file(path: Path) -> bool:
    """An event case file (`cases:` at the top, no `factions:`), not a scenario."""
    keys = _top_keys(path)
    return b"cases" in keys and b"factions" not in keys


def validate_paths(paths: list[str], warnings: list[Problem] | None = None) -> list[Problem]:
    """Every problem (error) in the files; the warnings of those that load go to `warnings`."""
    from game.scenario.load import load_scenario
    from game.scenario.mapfile import load_map
    problems: list[Problem] = []
    warnings = [] if warnings is None else warnings
    for path in _expand(paths):
        try:
            path.stat()
        except (OSError, ValueError) as exc:
            why = "no such file" if isinstance(exc, FileNotFoundError) else \
                f"cannot read it: {getattr(exc, 'strerror', None) or exc}"
            problems.append(Problem(display_path(path), 1, 1, "", why))
            continue
        if not path.exists():
            problems.append(Problem(display_path(path), 1, 1, "", "no such file"))
            continue
        if not path.is_file():      # a pipe or a device: opening it could block forever
            problems.append(Problem(display_path(path), 1, 1, "", "not a regular file"))
            continue
        try:
            if _is_case_file(path):
                from game.events.cases import load_cases
                problems += load_cases(path).problems
            elif _is_map_file(path):
                load_map(str(path))
            else:
                warnings += load_scenario(path).warnings
        except InputError as exc:
            problems += exc.problems
        except Exception as exc:    # a bug in the checker: still a message, never a traceback
            problems.append(Problem(display_path(path), 1, 1, "", f"{INTERNAL_ERROR} "
                                    f"({type(exc).__name__}: {exc})"))
    return problems


def cmd_validate(paths: list[str], strict: bool = False) -> int:
    if not _expand(paths):
        print("nothing to check: no .yaml or .yml files in " + ", ".join(paths),
              file=sys.stderr)
        return EXIT_PROBLEMS
    warnings: list[Problem] = []
    problems = validate_paths(paths, warnings)
    if strict:      # warnings become errors
        problems = sorted(set(problems) | {w.as_error() for w in warnings})
        warnings = []
    for p in sorted(problems + warnings, key=lambda p: (p.path, p.line, p.column, p.key)):
        print(p)
    if warnings:
        files = len({p.path for p in warnings})
        print(f"{len(warnings)} warning{'s' * (len(warnings) != 1)} in {files} "
              f"file{'s' * (files != 1)}", file=sys.stderr)
    if problems:
        files = len({p.path for p in problems})
        print(f"{len(problems)} problem{'s' * (len(problems) != 1)} in {files} "
              f"file{'s' * (files != 1)}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


# --- map -------------------------------------------------------------------------

def cmd_map(args) -> int:
    scn = load_scenario_arg(args.scenario)
    if scn is None:
        return EXIT_PROBLEMS
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")     # never opens a window
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game import resources
    from game.ui.scenario_map import save_start        # pygame only now, and only in game/ui
    font = resources.assets_dir() / "fonts" / "DejaVuSans-Bold.ttf"
    try:
        w, h = save_start(scn, args.out, str(font) if font.is_file() else None)
    except Exception as exc:    # pygame has its own error type for a file it cannot write
        print(f"cannot write {args.out}: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"wrote {args.out} ({w}x{h})")
    return EXIT_OK


# --- test-events ---------------------------------------------------------------------

def cmd_test_events(paths: list[str]) -> int:
    from game.events.cases import load_cases, run
    passed = failed = errors = 0
    for path in _expand(paths):
        if not path.is_file():
            print(f"{display_path(path)}:1:1: no such file")
            errors += 1
            continue
        try:
            loaded = load_cases(path)
        except Exception as exc:    # a bug in the runner: still a message, never a traceback
            print(f"{display_path(path)}:1:1: {INTERNAL_ERROR} ({type(exc).__name__}: {exc})")
            errors += 1
            continue
        for p in loaded.problems:
            print(p)
        errors += len(loaded.problems)
        for case in loaded.cases:
            try:
                message = run(case)
            except Exception as exc:
                message = f"{case.where}: case {case.spec.name!r}: {INTERNAL_ERROR} " \
                          f"({type(exc).__name__}: {exc})"
            if message:
                print(f"FAILED {message}")
                failed += 1
            else:
                passed += 1
    tail = f", {errors} error{'s' * (errors != 1)}" if errors else ""
    print(f"{passed} passed, {failed} failed{tail}")
    return EXIT_PROBLEMS if failed or errors or not passed else EXIT_OK


# --- places ------------------------------------------------------------------------

def cmd_places(args) -> int:
    from game.hexmap import parse_cell
    from game.scenario.load import SHARED_MAP, map_file
    from game.scenario.places import HEADER, describe_cell, place_rows
    scn = None
    if args.scenario is not None:
        scn = load_scenario_arg(args.scenario)
        if scn is None:
            return EXIT_PROBLEMS
        hm = scn.map
    else:
        try:
            hm = map_file(SHARED_MAP)
        except InputError as exc:
            for p in exc.problems:
                print(p, file=sys.stderr)
            return EXIT_PROBLEMS
    if args.at is not None:
        cell = parse_cell(args.at)
        lines = describe_cell(hm, *cell, scn) if cell is not None else None
        if lines is None:
            print(f"--at {args.at}: give col,row on the map (0-{hm.width - 1}, "
                  f"0-{hm.height - 1})", file=sys.stderr)
            return EXIT_USAGE
        print("\n".join(lines))
        return EXIT_OK
    print(HEADER)
    for row in place_rows(hm, scn):
        print(row.line())
    return EXIT_OK


# --- simulate ----------------------------------------------------------------------

def load_scenario_arg(arg: str):
    """A scenario id or path -> Scenario; prints problems and returns None on failure."""
    from game.scenario.load import find_scenario, load_scenario
    path = find_scenario(arg)
    if path is None:
        print(f"no scenario {arg!r} (give an id from `{program_name()} scenarios` or a path "
              "to a YAML file)", file=sys.stderr)
        return None
    try:
        return load_scenario(path)
    except InputError as exc:
        for p in exc.problems:
            print(p, file=sys.stderr)
        return None
    except Exception as exc:    # a bug in the checker: a message, never a traceback
        print(f"{display_path(path)}:1:1: {INTERNAL_ERROR} ({type(exc).__name__}: {exc})",
              file=sys.stderr)
        return None


def _sides(specs: list[str], scn) -> tuple | None:
    """--side FACTION=WHO options -> ((faction, seat word), ...), or None (said why)."""
    from game.session import seats
    out = []
    factions = {f.id: f for f in scn.spec.factions}
    for spec in specs:
        try:
            fid, seat = seats.parse_side(spec, factions)
        except ValueError as exc:
            print(exc, file=sys.stderr)
            return None
        if seat.human:
            print(f"--side {spec!r}: simulate has no people at the table; say "
                  f"{seats.WORDS.replace('human, human:NAME, ', '')}", file=sys.stderr)
            return None
        out.append((fid, str(seat)))
    return tuple(out)


def cmd_simulate(args) -> int:
    from game import simulate
    if args.games < 1:
        print("--games must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    if args.jobs is not None and args.jobs < 1:
        print("--jobs must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    scn = load_scenario_arg(args.scenario)
    if scn is None:
        return EXIT_PROBLEMS
    sides = _sides(args.side, scn)
    if sides is None:
        return EXIT_USAGE
    events = [e.spec.id for e in scn.events]
    for eid in args.watch:
        if eid not in events:
            from game.scenario.schema import suggest
            print(f"--watch {eid}: no event {eid!r} in {scn.id}{suggest(eid, events)}",
                  file=sys.stderr)
            return EXIT_USAGE
    out = trace_out = None
    for name in ("jsonl", "trace"):
        path = getattr(args, name)
        if path:
            try:
                fh = open(path, "w", encoding="utf-8")
            except OSError as exc:
                print(f"cannot write {path}: {exc.strerror}", file=sys.stderr)
                return EXIT_USAGE
            if name == "jsonl":
                out = fh
            else:
                trace_out = fh
    traced = args.trace is not None or bool(args.watch)
    watch = tuple(dict.fromkeys(args.watch)) if traced else None
    tasks = [simulate.Task(scn.file, args.seed + k, args.turns, args.policy, args.level, sides,
                           watch)
             for k in range(args.games)]
    results = []
    try:
        return _simulate_games(args, scn, tasks, results, out, trace_out, watch)
    except BrokenPipeError:
        raise
    except OSError as exc:      # a full disk, /dev/full, a file system gone read-only
        named = [p for p in (args.jsonl, args.trace) if p]
        print(f"cannot write {' or '.join(named) or 'the output'}: {exc.strerror or exc}",
              file=sys.stderr)
        return EXIT_PROBLEMS


def _simulate_games(args, scn, tasks, results, out, trace_out, watch) -> int:
    from game import simulate
    try:
        for k, result in enumerate(simulate.run_games(tasks, args.jobs, scn)):
            results.append(result)
            if args.games > 1:
                print(f"== game {k + 1} of {args.games}, seed {result.seed}")
            for rec in result.fired:
                print(f"{rec['year']} {rec['season']} {rec['id']}: {rec['title']}")
                if out:
                    out.write(json.dumps(rec) + "\n")
            cities = ", ".join(f"{scn_faction_name(scn, f)} {n}" for f, n in result.cities.items())
            winner = scn_faction_name(scn, result.winner) if result.winner else "undecided"
            how = f"{result.kind}, by {result.by}" if result.by else result.kind
            how = "" if how == "undecided" else f" ({how})"
            print(f"result: {winner}{how} after {result.turns} turns; cities held: {cities}")
            if result.text:
                print(f"  {result.text}")
            if out:
                out.write(json.dumps(result.to_dict()) + "\n")
            if trace_out:
                for rec in result.trace:
                    trace_out.write(json.dumps({"seed": result.seed, **rec}) + "\n")
            sys.stdout.flush()
    finally:
        for fh in (out, trace_out):
            if fh:
                fh.close()
    if args.games > 1:
        names = {f.id: f.name for f in scn.spec.factions}
        for line in simulate.summary_lines(results, names):
            print(line)
        for line in simulate.turning_point_lines(scn, results, names):
            print(line)
        print_event_stats(scn, results)
    if args.watch:
        from game import trace
        for line in trace.summary_lines(results, watch):
            print(line)
    return EXIT_OK


def print_event_stats(scn, results) -> None:
    """After a batch: how often each event fired, and when against history."""
    from game import simulate
    for line in simulate.event_table(simulate.event_stats(scn, results)):
        print(line)


def scn_faction_name(scn, fid: str) -> str:
    for f in scn.spec.factions:
        if f.id == fid:
            return f.name
    return fid
