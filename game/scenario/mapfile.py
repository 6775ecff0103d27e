"""Read a map file (or a scenario's inline `map:`) into a HexMap, checking everything.

Beside the scenario loader, so that the map data (game.hexmap) imports
nothing of the scenario format.
"""
from __future__ import annotations

import numpy as np

from game import terrain as T
from game.hexgrid import Hex, hex_direction_to, hex_from_offset, hex_neighbor, offset_from_hex
from game.hexmap import HexMap, Pass, Place, parse_cell, parse_edge
from game.scenario.model import MapSpec
from game.scenario.schema import read
from game.scenario.yamlsrc import Collector, display_path, load as load_yaml


def load_map(path: str) -> HexMap:
    """Read and check a map file; raise InputError with every problem found."""
    shown = display_path(path)
    col = Collector(shown)
    root = load_yaml(path, shown, col)
    spec = read(MapSpec, root, col, "")
    col.raise_if_any()
    hm = build_map(spec, col)
    col.raise_if_any()
    return hm


def build_map(spec: MapSpec, col: Collector) -> HexMap | None:
    """Turn a MapSpec into a HexMap, adding any problems to col."""
    W, H = spec.width, spec.height
    loc = spec.loc

    def rows_of(text: str, name: str) -> list[str] | None:
        rows = [r for r in text.split("\n")]
        while rows and rows[-1].strip() == "":
            rows.pop()
        if len(rows) != H:
            loc.report(col, name, f"has {len(rows)} rows; `height` says {H}")
            return None
        bad = [i for i, r in enumerate(rows) if len(r) != W]
        if bad:
            i = bad[0]
            line = loc.of(name)[0] + 1 + i
            col.add(line, 1, f"{loc.sub(name)}[{i}]",
                    f"row {i} has {len(rows[i])} characters; `width` says {W}")
            return None
        return rows

    terrain = np.full((H, W), T.PLAIN, dtype=np.uint8)
    rows = rows_of(spec.terrain, "terrain")
    if rows is None:
        return None     # without its terrain nothing else about the map can be checked
    for r, line in enumerate(rows):
        for c, ch in enumerate(line):
            t = T.BY_CHAR.get(ch)
            if t is None:   # reported; counted as plain so later checks do not cascade
                col.add(loc.of("terrain")[0] + 1 + r, c + 1, f"{loc.sub('terrain')}[{r}]",
                        f"unknown terrain character {ch!r} at col {c}")
            else:
                terrain[r, c] = t.id

    region = np.full((H, W), -1, dtype=np.int16)
    region_ids: list[str] = []
    region_names: dict[str, str] = {}
    by_char: dict[str, int] = {}
    for i, rs in enumerate(spec.regions):
        if rs.id in region_names:
            rs.loc.report(col, "id", f"region {rs.id!r} is defined twice")
            continue
        if rs.char in by_char:
            rs.loc.report(col, "char", f"character {rs.char!r} is used by another region")
            continue
        by_char[rs.char] = len(region_ids)
        region_ids.append(rs.id)
        region_names[rs.id] = rs.name
    if spec.region_rows:
        rrows = rows_of(spec.region_rows, "region_rows")
        if rrows is not None:
            for r, line in enumerate(rrows):
                for c, ch in enumerate(line):
                    if ch == "-":
                        continue
                    if ch not in by_char:
                        col.add(loc.of("region_rows")[0] + 1 + r, c + 1,
                                f"{loc.sub('region_rows')}[{r}]", f"no region has character {ch!r}")
                    else:
                        region[r, c] = by_char[ch]

    def in_map(c: int, r: int) -> bool:
        return 0 <= c < W and 0 <= r < H

    river = np.zeros((H, W), dtype=np.uint8)
    road = np.zeros((H, W), dtype=np.uint8)
    strait = np.zeros((H, W), dtype=np.uint8)
    bridge = np.zeros((H, W), dtype=np.uint8)
    ford = np.zeros((H, W), dtype=np.uint8)

    def set_edge(layer: np.ndarray, h: Hex, d: int) -> None:
        c, r = offset_from_hex(h)
        if in_map(c, r):
            layer[r, c] |= 1 << d
        n = hex_neighbor(h, d)
        c2, r2 = offset_from_hex(n)
        if in_map(c2, r2):
            layer[r2, c2] |= 1 << ((d + 3) % 6)

    def edges_of(text: str, obj_loc, name: str) -> list[tuple[Hex, int]]:
        out = []
        for tok in text.split():
            e = parse_edge(tok)
            if e is None:
                obj_loc.report(col, name, f"{tok!r} is not an edge `col,row,dir` (dir 0-5)")
                continue
            c, r, d = e
            if not in_map(c, r):
                obj_loc.report(col, name, f"edge {tok!r} is off the map ({W}x{H})")
                continue
            out.append((hex_from_offset(c, r), d))
        return out

    def both(h: Hex, d: int) -> list[tuple[Hex, int]]:
        return [(h, d), (hex_neighbor(h, d), (d + 3) % 6)]

    river_names: dict[tuple[Hex, int], str] = {}
    for rs in spec.rivers:
        for h, d in edges_of(rs.edges, rs.loc, "edges"):
            set_edge(river, h, d)
            for e in both(h, d):
                river_names[e] = rs.name

    strait_of_edge: dict[tuple[Hex, int], str] = {}
    for ss in spec.straits:
        for h, d in edges_of(ss.edges, ss.loc, "edges"):
            n = hex_neighbor(h, d)
            if terrain[offset_from_hex(h)[1], offset_from_hex(h)[0]] in T.WATER_IDS or \
                    not in_map(*offset_from_hex(n)) or \
                    terrain[offset_from_hex(n)[1], offset_from_hex(n)[0]] in T.WATER_IDS:
                ss.loc.report(col, "edges", f"strait edge {offset_from_hex(h)[0]},"
                              f"{offset_from_hex(h)[1]},{d} must join two land hexes")
                continue
            set_edge(strait, h, d)
            for e in both(h, d):
                strait_of_edge[e] = ss.id

    crossing_names: dict[tuple[Hex, int], str] = {}
    for cs in spec.crossings:
        es = edges_of(cs.edge, cs.loc, "edge")
        if len(es) != 1:
            if es:
                cs.loc.report(col, "edge", "a crossing is one edge")
            continue
        h, d = es[0]
        if not (river[offset_from_hex(h)[1], offset_from_hex(h)[0]] >> d & 1):
            cs.loc.report(col, "edge", f"no river runs along edge {cs.edge}")
            continue
        set_edge(bridge if cs.kind == "bridge" else ford, h, d)
        for e in both(h, d):
            crossing_names[e] = cs.name

    road_kinds: dict[tuple[Hex, int], str] = {}
    for rd in spec.roads:
        cells = []
        for tok in rd.path.split():
            cell = parse_cell(tok)
            if cell is None or not in_map(*cell):
                rd.loc.report(col, "path", f"{tok!r} is not a hex `col,row` on the map")
                cells = None
                break
            cells.append(hex_from_offset(*cell))
        if not cells:
            continue
        for a, b in zip(cells, cells[1:]):
            d = hex_direction_to(a, b)
            if d is None:
                ca, cb = offset_from_hex(a), offset_from_hex(b)
                rd.loc.report(col, "path", f"{ca[0]},{ca[1]} and {cb[0]},{cb[1]} are not adjacent")
                continue
            set_edge(road, a, d)
            for e in both(a, d):
                road_kinds[e] = rd.kind

    passes: dict[str, Pass] = {}
    pass_at: dict[Hex, str] = {}
    for ps in spec.passes:
        cell = parse_cell(ps.hex)
        if cell is None or not in_map(*cell):
            ps.loc.report(col, "hex", f"{ps.hex!r} is not a hex `col,row` on the map")
            continue
        if terrain[cell[1], cell[0]] in T.WATER_IDS:
            ps.loc.report(col, "hex", f"the pass {ps.id} is on water")
            continue
        if ps.id in passes:
            ps.loc.report(col, "id", f"pass {ps.id!r} is defined twice")
            continue
        h = hex_from_offset(*cell)
        passes[ps.id] = Pass(ps.id, ps.name, h, ps.winter_closed)
        pass_at[h] = ps.id

    places: dict[str, Place] = {}
    place_at: dict[Hex, str] = {}
    for pl in spec.places:
        cell = parse_cell(pl.hex)
        if cell is None or not in_map(*cell):
            pl.loc.report(col, "hex", f"{pl.hex!r} is not a hex `col,row` on the map ({W}x{H})")
            continue
        if pl.id in places:
            pl.loc.report(col, "id", f"place {pl.id!r} is defined twice")
            continue
        h = hex_from_offset(*cell)
        if pl.kind != "site" and terrain[cell[1], cell[0]] in T.WATER_IDS:
            pl.loc.report(col, "hex", f"{pl.name} ({pl.kind}) is on water at {pl.hex}")
            continue
        if pl.kind != "site" and h in place_at and places[place_at[h]].kind != "site":
            pl.loc.report(col, "hex", f"{pl.name} shares hex {pl.hex} with "
                                      f"{places[place_at[h]].name}")
            continue
        places[pl.id] = Place(pl.id, pl.name, pl.kind, h, pl.lat, pl.lon, pl.port, pl.walls,
                              pl.income, pl.holy, pl.importance)
        if pl.kind != "site" or h not in place_at:
            place_at[h] = pl.id

    hm = HexMap(spec.id, spec.name, spec.hex_km, spec.projection, W, H, terrain, region, river,
                road, strait, bridge, ford, region_ids, region_names, river_names, strait_of_edge,
                crossing_names, road_kinds, passes, places, place_at, pass_at)
    for pl in spec.places:
        if pl.port and pl.id in places and not hm.is_coastal(places[pl.id].hex):
            pl.loc.report(col, "port", f"{pl.name} is a port but no sea hex touches {pl.hex}")
    return hm
