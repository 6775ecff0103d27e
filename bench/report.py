"""The report: rows of figures as plain text for the terminal and as Markdown for docs/."""
from __future__ import annotations

from bench.measure import Row, Stats


def num(x: float) -> str:
    """A figure with about three significant digits."""
    if x == 0:
        return "0"
    a = abs(x)
    if a >= 100:
        return f"{x:.0f}"
    if a >= 10:
        return f"{x:.1f}"
    if a >= 1:
        return f"{x:.2f}"
    if a >= 0.1:
        return f"{x:.3f}"
    return f"{x:.4f}"


def spread(s: Stats) -> str:
    return num(s.low) if s.n == 1 else f"{num(s.low)}-{num(s.high)}"


def verdict(row: Row) -> str:
    met = row.met
    return "-" if met is None else "yes" if met else "**no**"


def target_text(row: Row) -> str:
    parts = []
    if row.target is not None:
        which = "worst" if row.on == "high" else "median"
        parts.append(f"{which} < {num(row.target)} {row.unit}")
    for peer, limit in row.peer_target.items():
        parts.append(f"<= {limit:g}x {peer}" if limit != 1 else f"faster than {peer}")
    return "; ".join(parts) or "-"


def peer_text(row: Row) -> str:
    return "; ".join(f"{p} {num(s.median)} ({row.ratio(p):.2f}x)" for p, s in row.peers.items())


def print_rows(rows: list[Row]) -> None:
    for r in rows:
        line = (f"{r.group:<12} {r.name:<40} median {num(r.stats.median):>7} {r.unit:<3} "
                f"[{spread(r.stats)}] n={r.stats.n}")
        if r.peers:
            line += "  | " + peer_text(r)
        if r.met is not None:
            line += "  target met" if r.met else "  TARGET MISSED"
        print(line)
        if r.note:
            print(f"{'':<13}{r.note}")


def markdown_table(rows: list[Row]) -> list[str]:
    out = ["| benchmark | median | spread (min-max) | n | target | met |",
           "|---|---:|---:|---:|---|:---:|"]
    for r in rows:
        out.append(f"| {r.group}: {r.name} | {num(r.stats.median)} {r.unit} | "
                   f"{spread(r.stats)} | {r.stats.n} | {target_text(r)} | {verdict(r)} |")
    return out


def markdown_peers(rows: list[Row]) -> list[str]:
    peers = sorted({p for r in rows for p in r.peers})
    if not peers:
        return []
    head = "| query | ours (ms) | " + " | ".join(f"{p} (ms) | ours / {p}" for p in peers) + " |"
    out = [head, "|---|---:|" + "---:|---:|" * len(peers)]
    for r in rows:
        if not r.peers:
            continue
        cells = []
        for p in peers:
            if p in r.peers:
                cells += [f"{num(r.peers[p].median)} [{spread(r.peers[p])}]", f"{r.ratio(p):.2f}"]
            else:
                cells += ["-", "-"]
        out.append(f"| {r.name} | {num(r.stats.median)} [{spread(r.stats)}] | "
                   + " | ".join(cells) + " |")
    return out


def group_parser(doc: str):
    """A benchmark group's command line with the usual options: `--quick`, `--scenario ID`
    and `--json`; the group adds its own."""
    import argparse
    p = argparse.ArgumentParser(description=doc.splitlines()[0])
    p.add_argument("--quick", action="store_true")
    p.add_argument("--scenario", default="full_war")
    p.add_argument("--json", action="store_true", help="print the rows as JSON")
    return p


def show(rows: list[Row], as_json: bool) -> int:
    """Print a group's rows, as JSON or as text."""
    if as_json:
        import json
        print(json.dumps([r.to_dict() for r in rows]))
    else:
        print_rows(rows)
    return 0


def group_main(run, doc: str, argv=None) -> int:
    """The command line of a benchmark group with only the usual options; prints its rows."""
    a = group_parser(doc).parse_args(argv)
    return show(run(a.quick, a.scenario), a.json)
