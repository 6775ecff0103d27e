"""The small record types the hand-written map data (tools/mapdata) is made of.

Coordinates are always (lat, lon) in degrees, as in the history brief.
"""
from __future__ import annotations

from dataclasses import dataclass

LatLon = tuple[float, float]


# --- terrain ------------------------------------------------------------------

@dataclass(frozen=True)
class Area:
    """Paint every land hex whose centre lies inside the polygon."""
    char: str
    name: str
    points: tuple[LatLon, ...]


@dataclass(frozen=True)
class Band:
    """Paint every land hex whose centre is within width_km/2 of the line."""
    char: str
    name: str
    width_km: float
    points: tuple[LatLon, ...]


@dataclass(frozen=True)
class Chain:
    """Paint an unbroken chain of adjacent hexes along the line (a barrier)."""
    char: str
    name: str
    points: tuple[LatLon, ...]


@dataclass(frozen=True)
class Spot:
    """Paint the one hex containing the point (a single peak, an oasis)."""
    char: str
    name: str
    point: LatLon


@dataclass(frozen=True)
class Water:
    """A sea or lake the land mask does not know (it counts them as land).

    A hex becomes water when most of it is sea by the mask or inside this
    polygon; it gets `char` if this polygon covers more of it than the sea.
    """
    char: str   # "~" sea or "%" lake
    name: str
    points: tuple[LatLon, ...]


@dataclass(frozen=True)
class Fix:
    """Force the hex containing `point` to land ("land") or water ("~", "%").

    For things a 30 km sample misses or gets wrong: small islands that matter,
    the hexes either side of a strait, a one-hex lake.
    """
    to: str
    name: str
    point: LatLon


# --- edges, routes, places ---------------------------------------------------------

@dataclass(frozen=True)
class River:
    id: str
    name: str
    points: tuple[LatLon, ...]      # from source to mouth
    start_on: str | None = None     # begins where it leaves this (already traced) river
    end_on: str | None = None       # ends where it joins this river


@dataclass(frozen=True)
class Crossing:
    id: str
    name: str
    kind: str                       # bridge or ford
    river: str
    near: LatLon                    # the river edge nearest this point (preferring road edges)


@dataclass(frozen=True)
class Strait:
    """Land-to-land edges between the hex of each `europe` point and `asia` point."""
    id: str
    name: str
    pairs: tuple[tuple[LatLon, LatLon], ...]


@dataclass(frozen=True)
class Pass:
    id: str
    name: str
    point: LatLon
    terrain: str                    # h or m: what the pass hex is painted
    winter_closed: bool = True


@dataclass(frozen=True)
class Road:
    id: str
    name: str
    kind: str                       # roman, persian or track
    via: tuple[str | LatLon, ...]   # place ids or (lat, lon) waypoints, in order


@dataclass(frozen=True)
class Region:
    id: str
    name: str
    char: str
    seeds: tuple[LatLon, ...]       # land hexes go to the nearest seed on their landmass


@dataclass(frozen=True)
class PlaceData:
    id: str
    name: str
    lat: float
    lon: float
    kind: str = "city"
    port: bool = False
    walls: int = 0
    income: int = 0
    holy: bool = False
    importance: int = 1
    notes: str = ""
    nudge: str | None = None        # E, NE, NW, W, SW or SE: one hex that way from the projected hex
    nudge_why: str = ""             # said in `notes` and in docs/map.md
