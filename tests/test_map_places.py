"""The committed theatre map: places where the brief puts them, and the
geography that play depends on (seas, straits, the Caucasus wall, rivers,
crossings, roads, regions)."""
from __future__ import annotations

import os
from collections import deque

import pytest
import yaml

from game import terrain as T
from game.hexgrid import (POINTY, Layout, edge_corners, hex_distance, hex_from_offset,
                          hex_neighbor, hex_neighbors)
from game.hexmap import latlon_to_hex
from game.scenario.mapfile import load_map

MAP_PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                        "scenarios", "maps", "theatre.yaml")

# Every place in the brief's Places table except Carthage (off the map, far west).
BRIEF_PLACE_IDS = [
    "constantinople", "bosporus", "chalcedon", "heraclea", "nicomedia", "pylae", "ancyra",
    "halys_avanos", "caesarea", "sebasteia", "arabissus", "satala", "nicopolis",
    "theodosiopolis", "melitene", "martyropolis", "amida", "edessa", "constantina", "dara",
    "nisibis", "samosata", "cilician_gates", "tarsus", "adana", "antioch", "damascus",
    "caesarea_maritima", "jerusalem", "pelusium", "alexandria", "constantia", "rhodes",
    "thessalonica", "trebizond", "phasis", "tiflis", "partaw", "derbent", "darial", "dvin",
    "nakhchivan", "aliovit", "ganzak", "thebarmais", "zagros_shahrazur", "nineveh",
    "dastagerd", "nahrawan", "ctesiphon",
]
# Towns the campaign needs that the brief names outside its table.
OTHER_TOWN_IDS = ["emesa", "apamea", "sardis", "tyre", "gaza", "babylon", "hira", "arbela"]

# The brief's region centroids (section 2) must fall inside the region of that name.
BRIEF_REGION_CENTROIDS = {
    "cappadocia": (38.7, 35.5), "pontus": (40.6, 37.5), "roman_armenia": (39.9, 40.5),
    "persarmenia": (40.0, 44.5), "iberia": (41.8, 44.5), "albania": (40.6, 47.3),
    "atropatene": (37.5, 46.5), "roman_mesopotamia": (37.0, 39.5), "syria": (35.0, 37.0),
    "palestine": (31.8, 35.0), "egypt": (30.0, 31.0), "asorestan": (33.0, 44.5),
}


@pytest.fixture(scope="module")
def hm():
    return load_map(MAP_PATH)


@pytest.fixture(scope="module")
def raw():
    with open(MAP_PATH, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def at(hm, lat, lon):
    return latlon_to_hex(hm.projection, hm.hex_km, lat, lon)


def cell(text):
    c, r = (int(v) for v in text.split(","))
    return hex_from_offset(c, r)


def walk(hm, start, *, enter=lambda h: True, cross=lambda h, d: True):
    """Every hex reachable from start, one step at a time."""
    seen = {start}
    todo = deque([start])
    while todo:
        h = todo.popleft()
        for d in range(6):
            n = hex_neighbor(h, d)
            if n in seen or not hm.contains(n) or not enter(n) or not cross(h, d):
                continue
            seen.add(n)
            todo.append(n)
    return seen


def land(hm):
    return lambda h: not hm.is_water(h)


# --- the file itself ----------------------------------------------------------------

def test_map_loads_cleanly():
    # How fast it loads is measured in bench/ (startup), never asserted here.
    hm = load_map(MAP_PATH)     # raises InputError listing every problem
    assert (hm.width, hm.height) == (86, 71)
    assert hm.hex_km == 30
    assert hm.projection.kind == "equirectangular"
    assert hm.projection.standard_parallel == 37.0


def test_header_states_hex_size_and_projection():
    with open(MAP_PATH, encoding="utf-8") as fh:
        text = fh.read()
    head = "\n".join(text.splitlines()[:12])
    assert "30 km" in head and "equirectangular" in head
    assert "Carthage" in text   # the one brief place left off, named in a comment


# --- places -----------------------------------------------------------------------------

def test_every_brief_place_is_on_the_map(hm):
    missing = [p for p in BRIEF_PLACE_IDS + OTHER_TOWN_IDS if p not in hm.places]
    assert not missing
    assert "carthage" not in hm.places


def test_every_place_is_within_one_hex_of_its_true_position(hm):
    far = []
    for p in hm.places.values():
        assert p.lat is not None and p.lon is not None, p.id
        true = at(hm, p.lat, p.lon)
        if hex_distance(p.hex, true) > 1:
            far.append((p.id, hex_distance(p.hex, true)))
    assert not far


def test_no_two_towns_share_a_hex(hm):
    towns = [p.hex for p in hm.places.values() if p.kind != "site"]
    assert len(towns) == len(set(towns))


def test_towns_stand_on_passable_land(hm):
    for p in hm.places.values():
        if p.kind != "site":
            assert hm.terrain_at(p.hex) not in T.WATER_IDS | {T.PEAKS}, p.id


def test_ports_touch_the_sea(hm):
    ports = [p for p in hm.places.values() if p.port]
    assert {"constantinople", "alexandria", "trebizond", "constantia", "rhodes"} <= {p.id for p in ports}
    for p in ports:
        assert hm.is_coastal(p.hex), p.id


def test_town_attributes(hm):
    P = hm.places
    assert P["constantinople"].walls == 5
    assert all(p.walls < 5 for p in P.values() if p.id != "constantinople")
    top = sorted(P.values(), key=lambda p: -p.income)[:4]
    assert {p.id for p in top} == {"constantinople", "alexandria", "antioch", "ctesiphon"}
    assert P["jerusalem"].holy and P["jerusalem"].importance == 3
    assert P["derbent"].kind == "fortress"
    for site in ("bosporus", "halys_avanos", "cilician_gates", "darial", "zagros_shahrazur",
                 "nahrawan", "aliovit"):
        assert P[site].kind == "site", site


# --- seas, lakes and islands ------------------------------------------------------------

@pytest.mark.parametrize("name,lat,lon,kind", [
    ("middle of the Caspian", 42.0, 50.0, T.SEA),
    ("southern Caspian", 38.5, 50.2, T.SEA),
    ("Lake Van", 38.65, 42.9, T.LAKE),
    ("Lake Urmia", 37.7, 45.5, T.LAKE),
    ("Lake Sevan", 40.35, 45.2, T.LAKE),
    ("Sea of Marmara", 40.7, 28.2, T.SEA),
    ("Black Sea", 43.0, 34.0, T.SEA),
    ("Mediterranean off Cyprus", 34.5, 32.5, T.SEA),
    ("Aegean", 38.5, 25.0, T.SEA),
    ("head of the Persian Gulf", 29.6, 49.5, T.SEA),
    ("Gulf of Suez", 29.6, 32.65, T.SEA),
])
def test_seas_and_lakes(hm, name, lat, lon, kind):
    assert hm.terrain_at(at(hm, lat, lon)) == kind, name


@pytest.mark.parametrize("name,lat,lon", [
    ("Anatolian plateau", 39.0, 33.0), ("Syrian desert", 33.0, 39.0), ("Mesopotamia", 33.0, 44.5),
    ("Nile delta", 30.8, 31.0), ("Thrace", 41.6, 27.0), ("Armenia", 39.5, 42.0),
])
def test_land_where_land_should_be(hm, name, lat, lon):
    assert not hm.is_water(at(hm, lat, lon)), name


def test_islands_are_islands(hm):
    P = hm.places
    rhodes = walk(hm, P["rhodes"].hex, enter=land(hm))
    assert P["ephesus"].hex not in rhodes and len(rhodes) <= 4
    cyprus = walk(hm, P["constantia"].hex, enter=land(hm))
    assert P["antioch"].hex not in cyprus and P["tarsus"].hex not in cyprus
    assert 6 <= len(cyprus) <= 20


def test_terrain_follows_geography(hm):
    def kind(lat, lon):
        return hm.terrain_at(at(hm, lat, lon))
    assert kind(32.5, 39.5) == T.DESERT            # Syrian desert
    assert kind(29.5, 27.0) == T.DESERT            # Libyan desert
    assert kind(31.2, 47.0) == T.MARSH             # marshes of lower Mesopotamia
    assert kind(30.6, 31.1) == T.FARMLAND          # Nile delta
    assert kind(33.6, 44.8) == T.FARMLAND          # the Sawad near Ctesiphon
    assert kind(39.0, 33.0) == T.STEPPE            # central Anatolia
    assert kind(34.5, 47.3) in (T.MOUNTAINS, T.PEAKS)   # Zagros
    assert kind(40.6, 38.5) in (T.MOUNTAINS, T.PEAKS)   # Pontic range
    assert kind(37.1, 33.5) in (T.MOUNTAINS, T.PEAKS)   # Taurus
    counts = {t.id: int((hm.terrain == t.id).sum()) for t in T.TERRAINS}
    assert all(n > 0 for n in counts.values()), counts


# --- straits ------------------------------------------------------------------------------

def test_bosporus_separates_constantinople_and_chalcedon(hm):
    c, k = hm.places["constantinople"].hex, hm.places["chalcedon"].hex
    assert hex_distance(c, k) == 1
    d = hex_neighbors(c).index(k)
    assert hm.has_edge(hm.strait, c, d) and hm.strait_of_edge[(c, d)] == "bosporus"
    # The Black Sea and the Marmara meet at the strait's two ends.
    common = [n for n in hex_neighbors(c) if n in hex_neighbors(k)]
    assert len(common) == 2 and all(hm.terrain_at(n) == T.SEA for n in common)


def test_hellespont_separates_gallipoli_and_abydos(hm):
    g, a = hm.places["gallipoli"].hex, hm.places["abydos"].hex
    d = hex_neighbors(g).index(a)
    assert hm.strait_of_edge[(g, d)] == "hellespont"


def test_europe_and_asia_touch_only_across_straits(hm):
    P = hm.places
    europe = walk(hm, P["constantinople"].hex, enter=land(hm),
                  cross=lambda h, d: not hm.has_edge(hm.strait, h, d))
    assert P["thessalonica"].hex in europe and P["gallipoli"].hex in europe
    for asian in ("chalcedon", "nicomedia", "abydos", "ancyra", "antioch"):
        assert P[asian].hex not in europe, asian
    # With the straits open the two shores do join.
    assert P["chalcedon"].hex in walk(hm, P["constantinople"].hex, enter=land(hm))


# --- the Caucasus -----------------------------------------------------------------------------

def test_caucasus_is_crossed_only_at_its_passes(hm):
    gates = {hm.passes["darial"].hex, hm.passes["caspian_gates"].hex}
    assert hm.places["derbent"].hex == hm.passes["caspian_gates"].hex
    assert hm.places["darial"].hex == hm.passes["darial"].hex

    def walkable(h):
        return hm.terrain_at(h) not in T.WATER_IDS | {T.PEAKS}
    north = at(hm, 44.3, 43.0)          # steppe north of the range
    assert walkable(north)
    shut = walk(hm, hm.places["tiflis"].hex, enter=lambda h: walkable(h) and h not in gates)
    assert north not in shut
    for g in gates:
        open_one = walk(hm, hm.places["tiflis"].hex,
                        enter=lambda h, g=g: walkable(h) and (h not in gates or h == g))
        assert north in open_one


def test_passes(hm):
    for pid in ("cilician_gates", "caspian_gates", "darial", "zagros_shahrazur"):
        assert pid in hm.passes, pid
    for p in hm.passes.values():
        t = hm.terrain_at(p.hex)
        assert t in (T.HILLS, T.MOUNTAINS), p.id
        if t == T.MOUNTAINS:
            assert p.winter_closed, p.id
    # The Darial is a gap in a wall of peaks.
    darial = hm.passes["darial"].hex
    assert sum(hm.terrain_at(n) == T.PEAKS for n in hex_neighbors(darial)) >= 2


# --- rivers and crossings ----------------------------------------------------------------------

def corners(h, d):
    a, b = edge_corners(Layout(POINTY, 1.0, 1.0, 0.0, 0.0), h, d)
    return {(round(a[0], 6), round(a[1], 6)), (round(b[0], 6), round(b[1], 6))}


def test_rivers_are_connected_chains_of_edges(raw):
    rivers = {r["id"]: r for r in raw["rivers"]}
    for rid in ("euphrates", "tigris", "halys", "sarus", "araxes", "great_zab", "nile",
                "nahrawan"):
        assert rid in rivers, rid
    for r in rivers.values():
        edges = [tuple(int(v) for v in tok.split(",")) for tok in r["edges"].split()]
        assert len(edges) >= 3, r["id"]
        for (c1, r1, d1), (c2, r2, d2) in zip(edges, edges[1:]):
            shared = corners(hex_from_offset(c1, r1), d1) & corners(hex_from_offset(c2, r2), d2)
            assert len(shared) == 1, (r["id"], (c1, r1, d1), (c2, r2, d2))


def test_tributaries_meet_their_rivers(raw):
    rivers = {r["id"]: r for r in raw["rivers"]}

    def verts(rid):
        out = set()
        for tok in rivers[rid]["edges"].split():
            c, r, d = (int(v) for v in tok.split(","))
            out |= corners(hex_from_offset(c, r), d)
        return out
    for branch, main in (("great_zab", "tigris"), ("tigris", "euphrates"), ("nahrawan", "tigris"),
                         ("araxes", "kura"), ("nile_pelusiac", "nile"),
                         ("nile_phatnitic", "nile_pelusiac")):
        assert verts(branch) & verts(main), branch


def test_crossings(hm, raw):
    by_id = {c["id"]: c for c in raw["crossings"]}
    for cid, kind, river, place in (("samosata_ford", "ford", "Euphrates", "samosata"),
                                    ("sarus_bridge", "bridge", "Sarus", "adana"),
                                    ("nahrawan_bridge", "bridge", "Nahrawan canal", "nahrawan")):
        c, r, d = (int(v) for v in by_id[cid]["edge"].split(","))
        h = hex_from_offset(c, r)
        assert by_id[cid]["kind"] == kind
        assert hm.river_names[(h, d)] == river, cid
        layer = hm.bridge if kind == "bridge" else hm.ford
        assert hm.has_edge(layer, h, d)
        near = hm.places[place].hex
        assert min(hex_distance(near, h), hex_distance(near, hex_neighbor(h, d))) <= 1, cid


def test_samosata_crossing_joins_the_two_banks(hm, raw):
    """Samosata sits on the west bank; the ford leads over to the Edessa side."""
    edge = next(c["edge"] for c in raw["crossings"] if c["id"] == "samosata_ford")
    c, r, d = (int(v) for v in edge.split(","))
    h = hex_from_offset(c, r)
    assert hm.places["samosata"].hex in (h, hex_neighbor(h, d))


def test_ctesiphon_lies_behind_the_nahrawan(hm):
    """From Dastagerd, Ctesiphon can be reached only over the Nahrawan canal."""
    P = hm.places

    def crossing(allowed):
        return lambda h, d: not hm.has_edge(hm.river, h, d) or hm.river_names[(h, d)] in allowed
    assert P["ctesiphon"].hex not in walk(hm, P["dastagerd"].hex, enter=land(hm),
                                          cross=crossing(()))
    assert P["ctesiphon"].hex in walk(hm, P["dastagerd"].hex, enter=land(hm),
                                      cross=crossing(("Nahrawan canal",)))


def test_sides_of_the_rivers(hm):
    """Towns on the right side of their rivers (paths that must cross, and must not)."""
    P = hm.places

    def over(a, b, river, radius=6):
        """b is across `river` from a, within `radius` hexes of a (rivers have
        sources, so far enough away there is always a way round)."""
        def near(h):
            return not hm.is_water(h) and hex_distance(h, P[a].hex) <= radius
        plain = walk(hm, P[a].hex, enter=near,
                     cross=lambda h, d: not hm.has_edge(hm.river, h, d))
        return P[b].hex not in plain and P[b].hex in walk(
            hm, P[a].hex, enter=near,
            cross=lambda h, d: not hm.has_edge(hm.river, h, d) or hm.river_names[(h, d)] == river)
    assert over("samosata", "edessa", "Euphrates")
    assert over("nineveh", "singara", "Tigris")
    assert over("hierapolis", "edessa", "Euphrates")
    # Towns that stand on their rivers have a river edge.
    for town, river in (("nineveh", "Tigris"), ("ctesiphon", "Tigris"), ("adana", "Sarus"),
                        ("antioch", "Orontes"), ("samosata", "Euphrates"), ("tiflis", "Kura")):
        h = P[town].hex
        assert any(hm.river_names.get((h, d)) == river for d in range(6)), town
    # Adana is on the west bank of the Sarus, with Tarsus; the bridge leads east.
    dry = walk(hm, P["adana"].hex, enter=land(hm),
               cross=lambda h, d: not hm.has_edge(hm.river, h, d))
    assert P["tarsus"].hex in dry
    # The Nile runs to the south edge of the map: Egypt's two gates are on opposite banks.
    dry = walk(hm, P["pelusium"].hex, enter=land(hm),
               cross=lambda h, d: not hm.has_edge(hm.river, h, d))
    assert P["alexandria"].hex not in dry


# --- roads ------------------------------------------------------------------------------------

REQUIRED_ROADS = {
    "via_egnatia": ("thessalonica", "constantinople"),
    "military_road": ("chalcedon", "nicomedia", "ancyra", "caesarea"),
    "armenian_road": ("caesarea", "sebasteia", "satala", "theodosiopolis"),
    "cilician_road": ("caesarea", "cilician_gates", "tarsus", "adana", "antioch"),
    "syrian_road": ("antioch", "emesa", "damascus", "jerusalem", "gaza", "pelusium", "alexandria"),
    "mesopotamian_road": ("antioch", "edessa", "constantina", "dara", "nisibis"),
    "euphrates_road": ("melitene", "samosata", "edessa"),
    "royal_road": ("nisibis", "nineveh", "dastagerd", "ctesiphon"),
    "zagros_road": ("ctesiphon", "zagros_shahrazur", "ganzak"),
    "araxes_road": ("dvin", "nakhchivan", "ganzak"),
    "albanian_road": ("tiflis", "partaw", "derbent"),
}


def test_roads_follow_adjacent_passable_hexes(hm, raw):
    roads = {r["id"]: r for r in raw["roads"]}
    for rid, stops in REQUIRED_ROADS.items():
        assert rid in roads, rid
        path = [cell(t) for t in roads[rid]["path"].split()]
        for stop in stops:
            assert hm.places[stop].hex in path, (rid, stop)
    for r in roads.values():
        path = [cell(t) for t in r["path"].split()]
        for a, b in zip(path, path[1:]):
            assert hex_distance(a, b) == 1, r["id"]
        for h in path:
            assert hm.terrain_at(h) not in T.WATER_IDS | {T.PEAKS}, (r["id"], h)
    assert roads["royal_road"]["kind"] == "persian"
    assert roads["via_egnatia"]["kind"] == "roman"


# --- regions ------------------------------------------------------------------------------------

def test_every_land_hex_has_a_region_and_water_none(hm):
    is_water = sum((hm.terrain == t) for t in T.WATER_IDS).astype(bool)
    assert (hm.region[is_water] == -1).all()
    assert (hm.region[~is_water] >= 0).all()


def test_regions(hm):
    needed = set(BRIEF_REGION_CENTROIDS) | {
        "thrace", "bithynia", "asia", "galatia", "cilicia", "lycaonia", "lazica",
        "persian_mesopotamia", "media", "arabia", "cyprus"}
    assert needed <= set(hm.region_ids)
    for rid, (lat, lon) in BRIEF_REGION_CENTROIDS.items():
        assert hm.region_of(at(hm, lat, lon)) == rid, rid
    P = hm.places
    assert hm.region_of(P["dara"].hex) == "roman_mesopotamia"
    assert hm.region_of(P["nisibis"].hex) == "persian_mesopotamia"
    assert hm.region_of(P["constantinople"].hex) == "thrace"
    assert hm.region_of(P["chalcedon"].hex) == "bithynia"
    assert hm.region_of(P["constantia"].hex) == "cyprus"
    assert hm.region_of(P["ctesiphon"].hex) == "asorestan"


# --- the Cilician Gates ------------------------------------------------------------------------

def test_the_cilician_gates_matter_in_winter():
    """The crest of the Taurus beside the Gates is impassable: with the pass shut in winter
    the march from Tarsus to Tyana goes round through Rough Cilicia, three times as dear."""
    import heapq

    from game.rules import movement as M
    from game.scenario.load import load_scenario
    scn = load_scenario(os.path.join(os.path.dirname(os.path.dirname(MAP_PATH)), "full_war.yaml"))
    m = scn.map
    gate = m.index(m.passes["cilician_gates"].hex)
    assert m.passes["cilician_gates"].winter_closed

    def cost(winter, shut=()):
        g = M.graph(scn, winter)
        start, goal = m.index(m.places["tarsus"].hex), m.index(m.places["tyana"].hex)
        best, todo = {start: 0}, [(0, start)]
        while todo:
            c, i = heapq.heappop(todo)
            if i == goal:
                return c
            if c > best[i]:
                continue
            for j, w, kind, _tag in g[i]:
                if kind == M.LAND and j not in shut and c + w < best.get(j, 1 << 30):
                    best[j] = c + w
                    heapq.heappush(todo, (c + w, j))
        return None
    through = cost(True)
    around = cost(True, {gate})
    assert around is not None and around >= 3 * through
    assert sum(m.terrain_at(n) == T.PEAKS for n in hex_neighbors(m.places["cilician_gates"].hex)) >= 2
