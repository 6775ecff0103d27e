"""Writing the map file: compact, stable YAML laid out by hand.

Terrain and regions are blocks of one character per hex; edges and road
paths are space-separated tokens folded over short lines.  Strings are
written double-quoted via json.dumps, which is valid YAML, so a name with a
colon or an apostrophe cannot break the file.
"""
from __future__ import annotations

import json
import textwrap


def q(text: str) -> str:
    return json.dumps(text)


def num(x: float) -> str:
    return repr(round(float(x), 4))


def folded(key: str, tokens: list[str], indent: int) -> list[str]:
    pad = " " * indent
    body = textwrap.wrap(" ".join(tokens), width=96 - indent, break_on_hyphens=False)
    return [f"{pad}{key}: >-"] + [f"{pad}  {line}" for line in body]


def block(key: str, rows: list[str]) -> list[str]:
    return [f"{key}: |"] + [f"  {r}" for r in rows]


def map_yaml(header: list[str], meta: dict, terrain_rows: list[str], regions: list[dict],
             region_rows: list[str], rivers: list[dict], roads: list[dict],
             straits: list[dict], crossings: list[dict], passes: list[dict],
             places: list[dict]) -> str:
    out = [f"# {h}" if h else "#" for h in header]
    out += [
        f"id: {meta['id']}",
        f"name: {q(meta['name'])}",
        f"hex_km: {num(meta['hex_km'])}",
        "projection:",
        "  kind: equirectangular",
        f"  standard_parallel: {num(meta['standard_parallel'])}",
        f"  origin_lat: {num(meta['origin_lat'])}",
        f"  origin_lon: {num(meta['origin_lon'])}",
        f"width: {meta['width']}",
        f"height: {meta['height']}",
        "",
        "# ~ sea  % lake  . plain  : farmland  h hills  m mountains  M high peaks (impassable)",
        "# f forest  w marsh  d desert  s steppe.  Row 0 is the north edge; odd rows sit half",
        "# a hex to the right.",
    ]
    out += block("terrain", terrain_rows)
    out += ["", "regions:"]
    out += [f"  - {{id: {r['id']}, name: {q(r['name'])}, char: {r['char']}}}" for r in regions]
    out += block("region_rows", region_rows)
    out += ["", "rivers:"]
    for r in rivers:
        out += [f"  - id: {r['id']}", f"    name: {q(r['name'])}"]
        out += folded("edges", r["edges"], 4)
    out += ["", "straits:"]
    for s in straits:
        out += [f"  - {{id: {s['id']}, name: {q(s['name'])}, edges: {q(' '.join(s['edges']))}}}"]
    out += ["", "crossings:"]
    for c in crossings:
        out += [f"  - {{id: {c['id']}, name: {q(c['name'])}, kind: {c['kind']}, "
                f"edge: {q(c['edge'])}}}"]
    out += ["", "roads:"]
    for r in roads:
        out += [f"  - id: {r['id']}", f"    name: {q(r['name'])}", f"    kind: {r['kind']}"]
        out += folded("path", r["path"], 4)
    out += ["", "passes:"]
    for p in passes:
        out += [f"  - {{id: {p['id']}, name: {q(p['name'])}, hex: {q(p['hex'])}, "
                f"winter_closed: {str(p['winter_closed']).lower()}}}"]
    out += ["", "places:"]
    for p in places:
        out.append(f"  - id: {p['id']}")
        out.append(f"    name: {q(p['name'])}")
        out.append(f"    kind: {p['kind']}")
        out.append(f"    hex: {q(p['hex'])}")
        out.append(f"    lat: {num(p['lat'])}")
        out.append(f"    lon: {num(p['lon'])}")
        for k in ("port", "holy"):
            if p[k]:
                out.append(f"    {k}: true")
        for k in ("walls", "income"):
            if p[k]:
                out.append(f"    {k}: {p[k]}")
        if p["importance"] != 1:
            out.append(f"    importance: {p['importance']}")
        if p["notes"]:
            out.append(f"    notes: {q(p['notes'])}")
    return "\n".join(out) + "\n"
