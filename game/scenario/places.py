"""What lies where: the place ids an author can name, and what is at one hex.

Read by `run.py places`, so that a scenario author never has to read the map
file to find an id, a `col,row`, or who holds a city at the start.  Positions
are written as authors write them (`col,row`, offset coordinates), never as
the engine's axial hexes.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.hexgrid import DIRECTION_NAMES, Hex, hex_from_offset, hex_neighbor, offset_from_hex
from game.hexmap import HexMap


@dataclass(frozen=True)
class PlaceRow:
    id: str
    name: str
    kind: str          # city, fortress, site, ... as the map or the scenario says
    cell: str          # "col,row"
    terrain: str
    region: str        # the region's id, or "-"
    owner: str         # the faction holding it at the start, or "-"

    def line(self) -> str:
        return "\t".join((self.id, self.name, self.kind, self.cell, self.terrain, self.region,
                          self.owner))


HEADER = "id\tname\tkind\tcol,row\tterrain\tregion\towner"


def cell_text(h: Hex) -> str:
    col, row = offset_from_hex(h)
    return f"{col},{row}"


def place_rows(hm: HexMap, scenario=None) -> list[PlaceRow]:
    """Every named place on the map, and every city the scenario adds, sorted by id.

    With a scenario, cities carry its names, kinds and owners at the start.
    """
    cities = {}
    if scenario is not None:
        specs = {c.id: c for c in scenario.spec.cities}
        for h, cid in scenario.city_at.items():
            cities[h] = specs[cid]
    rows: dict[str, PlaceRow] = {}
    for pid, pl in hm.places.items():
        city = cities.get(pl.hex)
        owner = city.owner if city is not None and city.id == pid else "-"
        rows[pid] = PlaceRow(pid, pl.name, pl.kind, cell_text(pl.hex), hm.terrain_name(pl.hex),
                             hm.region_of(pl.hex) or "-", owner)
    for h, city in cities.items():
        if city.id in rows:
            continue
        name = city.name or (hm.places[hm.place_at[h]].name if h in hm.place_at else city.id)
        rows[city.id] = PlaceRow(city.id, name, city.kind or "city", cell_text(h),
                                 hm.terrain_name(h), hm.region_of(h) or "-", city.owner)
    return [rows[k] for k in sorted(rows)]


def describe_cell(hm: HexMap, col: int, row: int, scenario=None) -> list[str] | None:
    """Lines telling what lies at `col,row`: terrain, region, place, roads, rivers, passes,
    and with a scenario the city and armies there at the start.  None when off the map."""
    h = hex_from_offset(col, row)
    if not hm.contains(h):
        return None
    lines = [f"{col},{row}: {hm.terrain_name(h)}"]
    region = hm.region_of(h)
    lines.append(f"region: {hm.region_names.get(region, region)} ({region})" if region
                 else "region: none")
    if h in hm.place_at:
        pl = hm.places[hm.place_at[h]]
        lines.append(f"place: {pl.id} ({pl.name}, {pl.kind}"
                     + (f", walls {pl.walls}" if pl.walls else "")
                     + (", port" if pl.port else "") + ")")
    if h in hm.pass_at:
        ps = hm.passes[hm.pass_at[h]]
        lines.append(f"pass: {ps.id} ({ps.name}" + (", closed in winter" if ps.winter_closed
                                                     else "") + ")")
    for label, layer, names in (("road", hm.road, hm.road_kinds),
                                ("river", hm.river, hm.river_names),
                                ("strait", hm.strait, hm.strait_of_edge),
                                ("bridge", hm.bridge, hm.crossing_names),
                                ("ford", hm.ford, hm.crossing_names)):
        sides = []
        for d in range(6):
            if hm.has_edge(layer, h, d):
                n = hex_neighbor(h, d)
                what = names.get((h, d)) if names is not None else None
                sides.append(f"{DIRECTION_NAMES[d]} to {cell_text(n)}"
                             + (f" ({what})" if what else ""))
        if sides:
            lines.append(f"{label}: " + "; ".join(sides))
    if scenario is not None:
        cid = scenario.city_at.get(h)
        if cid is not None:
            city = next(c for c in scenario.spec.cities if c.id == cid)
            lines.append(f"city at the start: {cid}, held by {city.owner}"
                         + (f", garrison {city.garrison}" if city.garrison else ""))
        for a in scenario.spec.armies:
            if hm.resolve(a.at) == h:
                lines.append(f"army at the start: {a.id} ({a.faction}, {a.men} men"
                             + (f", led by {a.commander}" if a.commander else "") + ")")
    return lines
