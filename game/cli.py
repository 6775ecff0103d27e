"""The command line: `play`, `scenarios`, `validate`, `simulate`.

This is a contract with players, scenario authors and the project's checks;
keep its options and output stable (the README documents them).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from game.ai.levels import LEVELS
from game.scenario.yamlsrc import InputError, Problem, display_path

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
INTERNAL_ERROR = "the checker itself failed on this file; please report it as a bug"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="run.py", description="Last Great War: the Byzantine-Sassanid war of 602-628.",
        epilog="With no command, `play` opens the game.")
    sub = p.add_subparsers(dest="command")

    play = sub.add_parser("play", help="open the game (the default)")
    play.add_argument("--scenario", help="start this scenario (id or path) directly")
    play.add_argument("--side", action="append", default=[], metavar="FACTION=WHO",
                      help="who plays a faction: human, or computer[:easy|normal|hard] "
                           "(repeatable; default: the first playable faction is human)")
    play.add_argument("--seed", type=int, help="the game's random seed (default: random)")
    play.add_argument("--load", metavar="SAVE", help="load a saved game")
    play.add_argument("--fullscreen", action="store_true", help="start in fullscreen")
    play.add_argument("--size", default=None, metavar="WxH", help="window size, e.g. 1280x800")

    sub.add_parser("scenarios", help="list the scenarios: id, years, title")

    val = sub.add_parser("validate", help="check scenario (or map) files; exit 1 on problems")
    val.add_argument("paths", nargs="+", metavar="PATH", help="scenario files or folders")

    pl = sub.add_parser(
        "places", help="list the place ids a scenario can name, or describe one hex",
        description="List every place id with its name, kind, col,row, terrain, region and "
                    "owner at the start (tab-separated, a header first), or with --at "
                    "describe what lies at one hex.")
    pl.add_argument("scenario", nargs="?", metavar="SCENARIO",
                    help="a scenario id or YAML file (default: the shared map alone)")
    pl.add_argument("--at", metavar="COL,ROW", help="describe this hex instead")

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
    sim.add_argument("--policy", default="ai", choices=["ai", "placeholder"],
                     help="who plays every side: the computer opponent (ai, the default) or "
                          "the simple placeholder policy kept as a baseline")
    sim.add_argument("--level", default="normal", choices=list(LEVELS),
                     help="the computer's difficulty on every side (default normal)")
    sim.add_argument("--side", action="append", default=[], metavar="FACTION=POLICY",
                     help="another player for one faction: ai, ai:LEVEL or placeholder "
                          "(repeatable), e.g. to pit the computer against the baseline")
    sim.add_argument("--jobs", type=int, default=None, metavar="N",
                     help="play games on N processes at once (default: all cores); the "
                          "output is the same as with --jobs 1")
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv = ["play", *argv]
    args = _parser().parse_args(argv)
    try:
        if args.command == "play":
            return cmd_play(args)
        if args.command == "scenarios":
            return cmd_scenarios()
        if args.command == "validate":
            return cmd_validate(args.paths)
        if args.command == "simulate":
            return cmd_simulate(args)
        if args.command == "places":
            return cmd_places(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    return EXIT_USAGE


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


# --- scenarios ---------------------------------------------------------------------

def cmd_scenarios() -> int:
    from game.scenario.load import load_scenario, scenario_files
    files = scenario_files()
    if not files:
        print("no scenarios found under scenarios/", file=sys.stderr)
        return EXIT_PROBLEMS
    status = EXIT_OK
    for f in files:
        try:
            s = load_scenario(f)
        except InputError as exc:
            first = exc.problems[0] if exc.problems else None
            print(f"{f.stem}\t?\tBROKEN: {first}")
            status = EXIT_PROBLEMS
            continue
        except Exception as exc:    # a bug in the checker: listed as broken, never a traceback
            print(f"{f.stem}\t?\tBROKEN: {INTERNAL_ERROR} ({type(exc).__name__})")
            status = EXIT_PROBLEMS
            continue
        print(f"{s.id}\t{s.years()}\t{s.title}")
    return status


# --- validate ----------------------------------------------------------------------

def _expand(paths: list[str]) -> list[Path]:
    out = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out += sorted(path.glob("*.yaml"))
        else:
            out.append(path)
    return out


def _is_map_file(path: Path) -> bool:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    keys = {line.split(":", 1)[0] for line in head.splitlines() if line and line[0].isalpha()}
    return "terrain" in keys or ("width" in keys and "factions" not in keys)


def validate_paths(paths: list[str]) -> list[Problem]:
    from game.hexmap import load_map
    from game.scenario.load import load_scenario
    problems: list[Problem] = []
    for path in _expand(paths):
        if not path.exists():
            problems.append(Problem(display_path(path), 1, 1, "", "no such file"))
            continue
        if not path.is_file():      # a pipe or a device: opening it could block forever
            problems.append(Problem(display_path(path), 1, 1, "", "not a regular file"))
            continue
        try:
            if _is_map_file(path):
                load_map(str(path))
            else:
                load_scenario(path)
        except InputError as exc:
            problems += exc.problems
        except Exception as exc:    # a bug in the checker: still a message, never a traceback
            problems.append(Problem(display_path(path), 1, 1, "", f"{INTERNAL_ERROR} "
                                    f"({type(exc).__name__}: {exc})"))
    return problems


def cmd_validate(paths: list[str]) -> int:
    problems = validate_paths(paths)
    for p in problems:
        print(p)
    if problems:
        files = len({p.path for p in problems})
        print(f"{len(problems)} problem{'s' * (len(problems) != 1)} in {files} "
              f"file{'s' * (files != 1)}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


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
        print(f"no scenario {arg!r} (give an id from `run.py scenarios` or a path to a "
              "YAML file)", file=sys.stderr)
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
    """--side FACTION=POLICY[:LEVEL] options -> ((faction, policy, level), ...), or None."""
    from game.simulate import POLICIES
    out = []
    factions = [f.id for f in scn.spec.factions]
    for spec in specs:
        fid, _, who = spec.partition("=")
        pol, _, level = who.partition(":")
        level = level or "normal"
        if fid not in factions:
            print(f"--side {spec}: no faction {fid!r} in {scn.id} (its factions: "
                  f"{', '.join(factions)})", file=sys.stderr)
            return None
        if pol not in POLICIES or level not in LEVELS or (pol == "placeholder" and ":" in who):
            print(f"--side {spec}: say ai, ai:LEVEL ({'/'.join(LEVELS)}) or placeholder",
                  file=sys.stderr)
            return None
        out.append((fid, pol, level))
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
    out = None
    if args.jsonl:
        try:
            out = open(args.jsonl, "w", encoding="utf-8")
        except OSError as exc:
            print(f"cannot write {args.jsonl}: {exc.strerror}", file=sys.stderr)
            return EXIT_USAGE
    tasks = [simulate.Task(scn.file, args.seed + k, args.turns, args.policy, args.level, sides)
             for k in range(args.games)]
    results = []
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
            print(f"result: {winner} ({result.kind}) after {result.turns} turns; cities held: "
                  f"{cities}")
            if result.text:
                print(f"  {result.text}")
            if out:
                out.write(json.dumps(result.to_dict()) + "\n")
            sys.stdout.flush()
    finally:
        if out:
            out.close()
    if args.games > 1:
        names = {f.id: f.name for f in scn.spec.factions}
        for line in simulate.summary_lines(results, names):
            print(line)
        print_event_stats(scn, results)
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
