"""Fog of war: what each side sees now, what it remembers, what it knows.

Sight.  Every army and city of a side looks a few hexes around it: an army
`sight_army` hexes, a city `sight_city`, one more (`sight_walls_bonus`) from
walls of `sight_walls_min` or more, one more (`sight_hills_bonus`) from hills or mountains.
Forest and mountain hexes hide what is in them: they are seen only from
`sight_cover_penalty` hexes closer.  The hexes next to an army or a city are
always seen.  Allied factions share their sight (an alliance, not a truce or a
tribute, pools the scouts), so a side sees what its allies see.

Memory.  Each side remembers every hex it has ever seen (the terrain there
never changes, so one bit a hex is enough) and each city as it last saw it:
owner, walls, garrison and who besieged it.  The opening situation is common
knowledge, so every side starts knowing every city as the scenario sets it,
and learns of any change only by seeing the city again.  Memory lives in the
state (`GameState.memory`) and the engine refreshes it after every order, and
at each step of a march for the marching side.

Knowledge.  A side knows its own and its allies' armies, the other armies on
hexes it sees now, and every city as it sees it now or remembers it.  The
`known_*` functions give exactly that, so checking a player's orders, showing
reachable hexes and the computer's planning can all be limited to what the
side could know.  With `fog: false` in the scenario nothing is hidden: every
function here answers with the whole truth and no memory is kept.

A sight mask depends only on where a side's eyes are, so it is cached per
scenario by that set; what each single pair of eyes (a hex and a range) sees
is kept too, so a new mask is the union of hexes already worked out.
"""
from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from game import terrain as T
from game.hexgrid import Hex
from game.rules import between
from game.rules import queries as Q
from game.rules.event_data import Spotted
from game.rules.report import Event
from game.rules.state import Army, City, CitySeen, GameState, SideMemory, Siege

COVER = (T.FOREST, T.MOUNTAINS, T.PEAKS)
HIGH = (T.HILLS, T.MOUNTAINS)
_CACHE_LIMIT = 512
_MASK_LIMIT = 4096      # sight masks kept per scenario (6 KB each on the full war's map)
_DISC_LIMIT = 50000     # what one pair of eyes sees, kept per scenario (a few hundred bytes each)


def fog(state: GameState) -> bool:
    """Whether this game hides anything at all."""
    return bool(state.scenario.spec.fog)


def friends(state: GameState, side: str) -> set[str]:
    """The side and its allies: they share sight and are never hidden from each other."""
    return {f for f in state.factions if Q.friendly(state, side, f)}


# --- sight -----------------------------------------------------------------------

def army_sight(state: GameState, army: Army) -> int:
    r = Q.rules(state)
    bonus = r["sight_hills_bonus"] if Q.hexmap(state).terrain_at(army.hex) in HIGH else 0
    return r["sight_army"] + bonus


def city_sight(state: GameState, city: City) -> int:
    r = Q.rules(state)
    sight = r["sight_city"]
    if city.walls >= r["sight_walls_min"]:
        sight += r["sight_walls_bonus"]
    if Q.hexmap(state).terrain_at(city.hex) in HIGH:
        sight += r["sight_hills_bonus"]
    return sight


def _static(state: GameState) -> dict:
    """Per-scenario data: axial q and r of every hex, the cover mask, the sight bonus of
    high ground per hex, city hex indices, and the cache of sight masks."""
    scn = state.scenario
    st = scn.cache.get("vision")
    if st is None:
        hm = scn.map
        n = hm.width * hm.height
        qs = np.empty(n, dtype=np.int32)
        rs = np.empty(n, dtype=np.int32)
        for i in range(n):
            h = hm.hex_of(i)
            qs[i], rs[i] = h.q, h.r
        high = np.isin(hm.terrain.ravel(), HIGH) * scn.rules["sight_hills_bonus"]
        st = {"q": qs, "r": rs, "cover": np.isin(hm.terrain.ravel(), COVER),
              "high": [int(x) for x in high], "width": hm.width,
              "city": {cid: hm.index(h) for h, cid in scn.city_at.items()},
              "masks": {}, "discs": {}}
        scn.cache["vision"] = st
    return st


_BATCH_CELLS = 1 << 20     # (eye, offset) pairs worked on at once: tens of MB at most


@lru_cache(maxsize=64)
def _stamp(radius: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Axial offsets (dq, dr) of every hex within radius, and their distances."""
    dq, dr, dist = [], [], []
    for q in range(-radius, radius + 1):
        for r in range(max(-radius, -q - radius), min(radius, -q + radius) + 1):
            dq.append(q)
            dr.append(r)
            dist.append((abs(q) + abs(r) + abs(q + r)) // 2)
    return (np.array(dq, dtype=np.int32), np.array(dr, dtype=np.int32),
            np.array(dist, dtype=np.int32))


def _mask(state: GameState, eyes) -> np.ndarray:
    """Flat bool mask of the hexes seen from eyes, (hex index, range) pairs in any order.

    Each pair of eyes sees the same hexes wherever else the side looks from, so what
    one pair sees is worked out once (`_discs`) and kept; a mask is then the union of
    its eyes' kept hexes, one numpy operation.
    """
    hm = Q.hexmap(state)
    out = np.zeros(hm.width * hm.height, dtype=bool)
    got = _discs(state, eyes)
    if got is None:             # a sight that reaches across the whole map sees all of it
        out[:] = True
    elif got:
        out[np.concatenate(got)] = True
    out.flags.writeable = False
    return out


def _discs(state: GameState, eyes) -> list[np.ndarray] | None:
    """The hex indices each pair of eyes sees, one array per pair (kept per scenario);
    None if one of them sees the whole map."""
    st = _static(state)
    kept = st["discs"]
    hm = Q.hexmap(state)
    w, h = hm.width, hm.height
    penalty = Q.rules(state)["sight_cover_penalty"]
    span = w + h            # no two hexes of the map are farther apart than this
    out: list[np.ndarray] = []
    missing: dict[int, list[int]] = {}
    for i, rng in eyes:
        rng = max(0, rng)
        got = kept.get((i, rng))
        if got is None:
            if max(min(rng, 1), rng - penalty) >= span:
                return None
            missing.setdefault(rng, []).append(i)
        else:
            out.append(got)
    if not missing:
        return out
    if len(kept) >= _DISC_LIMIT:
        kept.clear()
    for rng, idx in missing.items():
        near = max(min(rng, 1), rng - penalty)
        dq, dr, dist = _stamp(min(rng, span))
        # eyes in batches, so a wide sight over many eyes never builds one huge array
        step = max(1, _BATCH_CELLS // len(dq))
        for k in range(0, len(idx), step):
            part = idx[k:k + step]
            src = np.array(part, dtype=np.int32)
            q = st["q"][src][:, None] + dq[None, :]
            r = st["r"][src][:, None] + dr[None, :]
            col = q + (r - (r & 1)) // 2
            inside = (col >= 0) & (col < w) & (r >= 0) & (r < h)
            flat = np.where(inside, r * w + col, 0)
            seen = inside & ((dist[None, :] <= near) | ~st["cover"][flat])
            for row, i in enumerate(part):
                d = flat[row][seen[row]]
                d.flags.writeable = False
                kept[(i, rng)] = d
                out.append(d)
    return out


def eyes(state: GameState, side: str, _by_faction: dict | None = None
         ) -> tuple[tuple[int, int], ...]:
    """Where the side (with its allies) looks from: sorted (hex index, range) pairs."""
    fr = friends(state, side)
    if _by_faction is None:
        return tuple(sorted(_eyes_of(state, fr)))
    return tuple(sorted(_eye_set(_by_faction, fr)))


def _eyes_of(state: GameState, only: set[str]) -> set[tuple[int, int]]:
    """The (hex index, range) pairs the armies and cities of the factions in `only` look
    from, all in one set (`eyes_by_faction` without telling the factions apart)."""
    st = _static(state)
    r = Q.rules(state)
    high, w = st["high"], st["width"]
    ra, rw, wmin = r["sight_army"], r["sight_walls_bonus"], r["sight_walls_min"]
    out: set[tuple[int, int]] = set()
    add = out.add
    for a in state.armies.values():
        if a.faction in only:
            q, row = a.hex
            i = row * w + q + ((row - (row & 1)) >> 1)
            add((i, ra + high[i]))
    for c, (i, base) in zip(state.cities.values(), _city_sights(state)):
        if c.owner in only:
            add((i, base + rw) if c.walls >= wmin else (i, base))
    return out


def _eye_set(by_faction: dict[str, set[tuple[int, int]]], fr: set[str]
             ) -> frozenset[tuple[int, int]]:
    """The eyes of the factions fr, from `eyes_by_faction`, as one set."""
    out: set[tuple[int, int]] = set()
    for f in fr:
        got = by_faction.get(f)
        if got:
            out |= got
    return frozenset(out)


def eyes_by_faction(state: GameState, only: set[str] | None = None
                    ) -> dict[str, set[tuple[int, int]]]:
    """Faction -> the (hex index, range) pairs its own armies and cities look from (for
    the factions in `only`, or every faction).

    The same numbers as army_sight and city_sight, computed inline: this runs
    on every question about sight, so it is kept to plain arithmetic.
    """
    st = _static(state)
    r = Q.rules(state)
    high, w = st["high"], st["width"]
    ra, rw, wmin = r["sight_army"], r["sight_walls_bonus"], r["sight_walls_min"]
    out: dict[str, set[tuple[int, int]]] = {}
    for a in state.armies.values():
        if only is not None and a.faction not in only:
            continue
        q, row = a.hex
        i = row * w + q + ((row - (row & 1)) >> 1)
        got = out.get(a.faction)
        if got is None:
            got = out[a.faction] = set()
        got.add((i, ra + high[i]))
    for c, (i, base) in zip(state.cities.values(), _city_sights(state)):
        if only is not None and c.owner not in only:
            continue
        got = out.get(c.owner)
        if got is None:
            got = out[c.owner] = set()
        got.add((i, base + rw) if c.walls >= wmin else (i, base))
    return out


def _city_sights(state: GameState) -> list[tuple[int, int]]:
    """(hex index, sight without the walls' bonus) of each city of the state, in the order
    of `state.cities` (cached per scenario by that order)."""
    table = _static(state).setdefault("city_sights", {})
    key = tuple(state.cities)
    got = table.get(key)
    if got is None:
        st = _static(state)
        rc = Q.rules(state)["sight_city"]
        got = table[key] = [(st["city"][cid], rc + st["high"][st["city"][cid]]) for cid in key]
    return got


def _cached_mask(state: GameState, key: frozenset[tuple[int, int]]) -> np.ndarray:
    """The sight mask of a set of eyes, made once and kept (a set, not a sorted tuple, is
    the key: sorting a hundred eyes costs ten times what hashing them does)."""
    masks = _static(state)["masks"]
    m = masks.get(key)
    if m is None:
        if len(masks) >= _MASK_LIMIT:
            masks.clear()
        m = masks[key] = _mask(state, key)
    return m


def _visible_flat(state: GameState, side: str) -> np.ndarray:
    kept = between.kept(state)          # asked many times while the state stands still
    if kept is None:
        return _cached_mask(state, frozenset(_eyes_of(state, friends(state, side))))
    key = ("visible", side)
    got = kept.get(key)
    if got is None:
        got = kept[key] = _cached_mask(state, frozenset(_eyes_of(state, friends(state, side))))
    return got


def visible(state: GameState, side: str | None) -> np.ndarray:
    """Bool [row, col]: the hexes the side sees now (read-only; all of them without fog)."""
    hm = Q.hexmap(state)
    if side is None or not fog(state):
        out = np.ones((hm.height, hm.width), dtype=bool)
        out.flags.writeable = False
        return out
    return _visible_flat(state, side).reshape(hm.height, hm.width)


def sees(state: GameState, side: str, h: Hex) -> bool:
    if not fog(state):
        return True
    i = Q.hexmap(state).index(h)
    return i >= 0 and bool(_visible_flat(state, side)[i])


def disc(state: GameState, h: Hex, radius: int) -> np.ndarray:
    """Flat bool mask of what one pair of eyes at h with this range sees (read-only)."""
    return _cached_mask(state, frozenset(((Q.hexmap(state).index(h), radius),)))


# --- knowledge -------------------------------------------------------------------

def known_armies(state: GameState, side: str, _vis: np.ndarray | None = None) -> list[Army]:
    """The armies the side knows of now: its own, its allies', and any on a hex it sees."""
    if not fog(state):
        return list(state.armies.values())
    hm = Q.hexmap(state)
    vis = _visible_flat(state, side) if _vis is None else _vis
    fr = friends(state, side)
    return [a for a in state.armies.values() if a.faction in fr or vis[hm.index(a.hex)]]


def armies_known_at(state: GameState, side: str, h: Hex) -> list[Army]:
    if sees(state, side, h):
        return Q.armies_at(state, h)
    fr = friends(state, side)
    return [a for a in Q.armies_at(state, h) if a.faction in fr]


def _as_remembered(city: City, seen: CitySeen) -> City:
    c = object.__new__(City)            # a shallow copy (copy.copy, without its detours)
    c.__dict__.update(city.__dict__)
    c.owner, c.walls, c.garrison = seen.owner, seen.walls, seen.garrison
    c.siege = Siege(seen.besieger) if seen.besieger else None
    return c


def city_as_known(state: GameState, side: str, city: City) -> City:
    """The city itself if the side sees it, else a copy as the side remembers it."""
    if not fog(state):
        return city
    if _visible_flat(state, side)[_static(state)["city"][city.id]]:
        return city
    seen = state.memory[side].cities.get(city.id)
    return city if seen is None else _as_remembered(city, seen)


def known_cities(state: GameState, side: str, _vis: np.ndarray | None = None
                 ) -> dict[str, City]:
    """Every city as the side knows it: live where it sees it, as remembered elsewhere.

    Remembered cities are copies; cities it sees are the state's own objects,
    so callers must not change what they get.
    """
    if not fog(state):
        return dict(state.cities)
    vis = _visible_flat(state, side) if _vis is None else _vis
    mem = state.memory[side].cities
    # the answer is kept, per side's memory, and given again (as a new dict) while the
    # mask, the memory's records and the state's cities are the very same objects, in the
    # same order, and no city's fixed part changed; sight masks are read-only, and the
    # memory replaces a record rather than change it
    kept = _static(state).setdefault("known_cities", {})
    mask = vis if vis.base is None else vis.base
    records = tuple(mem.items())
    cities = tuple(state.cities.values())
    fixed = tuple([c.max_walls for c in cities])
    stamp = kept.get(id(mem)) if not mask.flags.writeable else None
    if stamp is not None:
        was_mem, was_mask, was_records, was_cities, was_fixed, was_out = stamp
        if (was_mem is mem and was_mask is mask and was_records == records
                and _same(was_cities, cities) and was_fixed == fixed):
            return dict(was_out)
    out = {}
    for (cid, c), sees_it in zip(state.cities.items(), vis[_city_indices(state)].tolist()):
        seen = mem.get(cid)
        out[cid] = c if sees_it or seen is None else _as_remembered(c, seen)
    if not mask.flags.writeable:
        if len(kept) >= _CACHE_LIMIT:
            kept.clear()
        kept[id(mem)] = (mem, mask, records, cities, fixed, out)   # mem kept: its id stays
    return dict(out)


def _same(a: tuple, b: tuple) -> bool:
    """Whether two tuples hold the very same objects, in the same order."""
    return len(a) == len(b) and all(x is y for x, y in zip(a, b))


def city_last_seen(state: GameState, side: str) -> dict[str, int]:
    """City id -> the turn the side last saw it (the current turn if it sees it now)."""
    if not fog(state):
        return {cid: state.turn for cid in state.cities}
    vis = _visible_flat(state, side)
    where = _static(state)["city"]
    mem = state.memory[side].cities
    return {cid: state.turn if vis[where[cid]] else (mem[cid].turn if cid in mem else 0)
            for cid in state.cities}


def believed_city_counts(state: GameState, side: str) -> dict[str, int]:
    """Faction -> how many cities the side believes it holds."""
    out = {f: 0 for f in state.order}
    if not fog(state):
        owners = [c.owner for c in state.cities.values()]
    else:                  # the owners `known_cities` would give, without copying the cities
        mem = state.memory[side].cities
        owners = []
        for (cid, c), sees_it in zip(state.cities.items(), city_sight_bits(
                state, _visible_flat(state, side))):
            seen = None if sees_it else mem.get(cid)
            owners.append(c.owner if seen is None else seen.owner)
    for owner in owners:
        if owner in out:
            out[owner] += 1
    return out


# --- memory ------------------------------------------------------------------------

def pack(mask: np.ndarray) -> str:
    return base64.b64encode(np.packbits(mask.ravel()).tobytes()).decode("ascii")


def unpack(text: str, n: int) -> np.ndarray:
    """Bits back to a flat bool mask of n hexes; ValueError if the text does not fit."""
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise ValueError("not base64 text") from None
    if len(raw) != (n + 7) // 8:
        raise ValueError(f"holds {len(raw) * 8} bits; the map has {n} hexes")
    return np.unpackbits(np.frombuffer(raw, dtype=np.uint8), count=n).astype(bool)


def explored(state: GameState, side: str | None) -> np.ndarray:
    """Bool [row, col]: every hex the side has ever seen."""
    hm = Q.hexmap(state)
    if side is None or not fog(state):
        return np.ones((hm.height, hm.width), dtype=bool)
    return _explored_flat(state, side).reshape(hm.height, hm.width).copy()


def _record(state: GameState, c: City) -> CitySeen:
    return CitySeen(c.owner, c.walls, c.garrison, c.siege.by if c.siege else None, state.turn)


def init_memory(state: GameState) -> None:
    """Every side starts knowing the opening situation of every city, and the terrain of
    the whole map unless the scenario says `known_map: false`."""
    if not fog(state):
        state.memory = {}
        return
    hm = Q.hexmap(state)
    blank = pack(np.full(hm.width * hm.height, state.scenario.spec.known_map, dtype=bool))
    state.memory = {}
    for f in state.factions:
        cities = {cid: _record(state, c) for cid, c in sorted(state.cities.items())}
        for rec in cities.values():
            rec.turn = 0
        state.memory[f] = SideMemory(blank, cities)
    refresh(state)


def _explored_flat(state: GameState, side: str) -> np.ndarray:
    """The side's explored bits, unpacked (cached by their text; read-only)."""
    text = state.memory[side].explored
    cache = _static(state).setdefault("unpacked", {})
    hit = cache.get(text)
    if hit is None:
        if len(cache) >= _CACHE_LIMIT:
            cache.clear()
        hm = Q.hexmap(state)
        hit = cache[text] = unpack(text, hm.width * hm.height)
        hit.flags.writeable = False
    return hit


def remember(state: GameState, side: str, seen: np.ndarray, _cities: tuple | None = None
             ) -> None:
    """Add what the side sees (flat bool mask) to its memory.

    A side is also told at once when a city it believes it holds is lost,
    wherever that city is: its governor's messengers get through.

    `_cities` (from `refresh`) is `_city_states(state)`: given it, a call that
    would repeat the side's last call exactly (the same mask, the same cities,
    the same turn, nothing remembered in between) is known to change nothing
    and is skipped.
    """
    mem = state.memory[side]
    stamps = _static(state).setdefault("remembered", {})
    stamp = stamps.pop(id(mem), None)
    if _cities is not None and stamp is not None:
        was_mem, was_seen, was_cities, was_turn = stamp
        if (was_mem is mem and was_seen is seen and was_cities == _cities
                and was_turn == state.turn):
            stamps[id(mem)] = stamp
            return
    ex = _explored_flat(state, side)
    if (seen & ~ex).any():
        mem.explored = pack(ex | seen)
    turn = state.turn
    known = mem.cities
    cities = state.cities
    # the cities it sees, in the order of the state's cities (so new records are added in
    # that order), then those it believes it holds and does not see
    order = list(cities)
    for k in np.flatnonzero(seen[_city_indices(state)]).tolist():
        cid = order[k]
        _note(known, cid, cities[cid], turn)
    where = _static(state)["city"]
    lost = [cid for cid, old in known.items() if old.owner == side]
    for cid in lost:
        c = cities.get(cid)
        if c is not None and c.owner != side and not seen[where[cid]]:
            _note(known, cid, c, turn)
    if _cities is not None:
        if len(stamps) >= _CACHE_LIMIT:
            stamps.clear()
        # the memory itself is kept in the stamp, so that its id is not another's
        stamps[id(mem)] = (mem, seen, _cities, turn)


def _note(known: dict, cid: str, c: City, turn: int) -> None:
    """Record the city as seen now, unless the record already says just that."""
    old = known.get(cid)
    besieger = c.siege.by if c.siege else None
    if (old is None or old.turn != turn or old.owner != c.owner or old.walls != c.walls
            or old.garrison != c.garrison or old.besieger != besieger):
        known[cid] = CitySeen(c.owner, c.walls, c.garrison, besieger, turn)


def _city_states(state: GameState) -> tuple:
    """What a side remembers of every city, as it is now (for `remember`'s skip)."""
    return tuple((c.owner, c.walls, c.garrison, c.siege.by if c.siege else None)
                 for c in state.cities.values())


def city_sight_bits(state: GameState, vis: np.ndarray) -> list[bool]:
    """Whether each city of the state (in the order of `state.cities`) is on a hex of the
    flat mask vis."""
    return vis[_city_indices(state)].tolist()


def _city_indices(state: GameState) -> np.ndarray:
    """The hex index of each city of the state, in the order of `state.cities`."""
    order = _static(state).setdefault("city_order", {})
    key = tuple(state.cities)
    got = order.get(key)
    if got is None:
        where = _static(state)["city"]
        got = order[key] = np.array([where[cid] for cid in key], dtype=np.intp)
    return got


def refresh(state: GameState) -> dict[str, np.ndarray]:
    """Bring every side's memory up to date with what it sees now; returns what each side
    sees now (its flat sight mask, as `_visible_flat` gives it)."""
    if not fog(state):
        return {}
    by = eyes_by_faction(state)        # one look at every army and city serves every side
    cities = _city_states(state)
    # cities as at the last refresh are that very tuple, so `remember` compares them at once
    st = _static(state)
    if st.get("city_states") == cities:
        cities = st["city_states"]
    else:
        st["city_states"] = cities
    seen = {}
    for f in state.factions:
        if f in state.memory:
            seen[f] = _cached_mask(state, _eye_set(by, friends(state, f)))
            remember(state, f, seen[f], cities)
    return seen


def check_memory(state: GameState) -> list[str]:
    """Problems with a (loaded) state's memory, for a player; [] when it is sound."""
    if not fog(state):
        return []
    hm = Q.hexmap(state)
    problems = []
    for f in state.factions:
        mem = state.memory.get(f)
        if mem is None:
            problems.append(f"the fog-of-war memory of {f!r} is missing")
            continue
        try:
            unpack(mem.explored, hm.width * hm.height)
        except ValueError as exc:
            problems.append(f"the explored map of {f!r} is damaged ({exc})")
        for cid, seen in mem.cities.items():
            if (cid not in state.cities or seen.owner not in state.factions
                    or (seen.besieger is not None and seen.besieger not in state.factions)):
                problems.append(f"{f!r} remembers a city {cid!r} that does not fit")
                break
    for f in state.memory:
        if f not in state.factions:
            problems.append(f"fog-of-war memory for an unknown faction {f!r}")
    return problems


# --- what an order revealed -----------------------------------------------------------

def _seen_key(seen: CitySeen | None):
    return None if seen is None else (seen.owner, seen.walls, seen.garrison, seen.besieger)


@dataclass
class Watch:
    """What the acting side saw before its order, to tell what the order revealed."""
    side: str
    visible: np.ndarray                  # flat bool
    armies: set[str]                     # other sides' armies it saw
    cities: dict[str, CitySeen]          # city -> its record in the side's memory then
    unseen: list[Army]                   # other sides' armies it did not see
    reported: set[str] = field(default_factory=set)
    swept: np.ndarray | None = None      # flat bool: what a march has seen on its way


def watch(state: GameState, side: str) -> Watch | None:
    if not fog(state):
        return None
    hm = Q.hexmap(state)
    vis = _visible_flat(state, side)
    fr = friends(state, side)
    others = sorted((a for a in state.armies.values() if a.faction not in fr),
                    key=lambda a: a.id)
    seen = {a.id for a in others if vis[hm.index(a.hex)]}
    # the records themselves: the memory replaces a record rather than change it (`_note`)
    cities = dict(state.memory[side].cities)
    return Watch(side, vis, seen, cities, [a for a in others if a.id not in seen])


def _sighted(state: GameState, side: str, a: Army) -> Event:
    who = state.factions[a.faction].name
    return Event("spotted", f"{a.name} ({who}, {a.men} men) sighted "
                            f"{Q.place_phrase(state, a.hex)}", a.hex, (side,),
                 Spotted(a.id, a.faction, a.men))


def look(state: GameState, w: Watch | None, army: Army) -> list[Event]:
    """A marching army looks around from where it stands now; returns new sightings.

    What it sees is added to its side's (and allies') memory by `end_march`.
    """
    if w is None:
        return []
    hm = Q.hexmap(state)
    seen = disc(state, army.hex, army_sight(state, army))
    w.swept = seen if w.swept is None else w.swept | seen
    out = []
    for a in w.unseen:
        if a.id not in w.reported and seen[hm.index(a.hex)]:
            w.reported.add(a.id)
            out.append(_sighted(state, w.side, a))
    return out


def end_march(state: GameState, w: Watch | None) -> None:
    """Remember everything a march saw on its way (the side and its allies)."""
    if w is None or w.swept is None:
        return
    for f in sorted(friends(state, w.side)):
        if f in state.memory:
            remember(state, f, w.swept)
    w.swept = None


def after_order(state: GameState, w: Watch | None) -> list[Event]:
    """Refresh every side's memory; `spotted` events for what the acting side newly saw.

    An army is news if the side did not see it before the order; a city is
    news if the side did not see it before the order and finds it changed
    (owner, walls, garrison or siege) from what it remembered.
    """
    now = refresh(state)
    if w is None:
        return []
    hm = Q.hexmap(state)
    vis = now.get(w.side)
    if vis is None:
        vis = _visible_flat(state, w.side)
    fr = friends(state, w.side)
    out = []
    for a in sorted(state.armies.values(), key=lambda x: x.id):
        if (a.faction not in fr and a.id not in w.armies and a.id not in w.reported
                and vis[hm.index(a.hex)]):
            w.reported.add(a.id)
            out.append(_sighted(state, w.side, a))
    where = _static(state)["city"]
    before = w.cities
    news = [(cid, seen) for cid, seen in state.memory[w.side].cities.items()
            if seen is not before.get(cid) and not w.visible[where[cid]]
            and _seen_key(seen) != _seen_key(before.get(cid))]
    for cid, seen in sorted(news):
        c = state.cities[cid]
        was = before.get(cid)
        if was is None or was.owner != seen.owner:
            text = f"{c.name} is seen to be held by {state.factions[seen.owner].name}"
        else:
            text = f"News of {c.name}: walls {seen.walls}, garrison {seen.garrison}" + (
                f", besieged by {state.factions[seen.besieger].name}" if seen.besieger else "")
        out.append(Event("spotted", text, c.hex, (w.side,), Spotted(city=cid, owner=seen.owner)))
    return out
