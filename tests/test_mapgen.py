"""Pieces of the map builder that do not need the land mask."""
import math

import numpy as np

from game.hexgrid import POINTY, Layout, hex_from_offset, hex_neighbor, offset_from_hex
from game.hexgrid import edge_corners as pixel_edge
from tools.mapgen.edges import corner, drop_loops, edge_corners, straighten
from tools.mapgen.shapes import distance_to_polyline, inside_polygon


def test_an_edge_has_the_same_corners_seen_from_either_side():
    for col, row in ((0, 0), (5, 3), (10, 8), (7, 1)):
        for d in range(6):
            n = offset_from_hex(hex_neighbor(hex_from_offset(col, row), d))
            assert set(edge_corners((col, row), d)) == set(edge_corners(n, (d + 3) % 6))


def test_corner_keys_match_the_game_layout():
    size = 1.0
    lay = Layout(POINTY, size, size, 0.0, 0.0)
    for col, row in ((0, 0), (4, 7), (9, 2)):
        h = hex_from_offset(col, row)
        for d in range(6):
            a, b = pixel_edge(lay, h, d)
            keys = edge_corners((col, row), d)
            pts = {(round(k[0] * math.sqrt(3) / 2, 6), round(k[1] / 2, 6)) for k in keys}
            assert pts == {(round(a[0], 6), round(a[1], 6)), (round(b[0], 6), round(b[1], 6))}


def test_drop_loops_cuts_out_a_return_to_a_corner():
    assert drop_loops([1, 2, 3, 4, 2, 5]) == [1, 2, 5]


def test_straighten_replaces_a_walk_round_five_sides_of_a_hex():
    ring = [corner((3, 3), i) for i in range(6)]
    path = [(-50, -50)] + ring + [(50, 50)]      # in at corner 0, round to corner 5
    out = straighten(path)
    assert out[1:-1] == [ring[0], ring[5]]
    short = [ring[0], ring[1], ring[2]]          # two sides: which bank a town is on
    assert straighten(short) == short


def test_polygon_and_polyline_geometry():
    square = np.array([(0, 0), (10, 0), (10, 10), (0, 10)], dtype=float)
    x = np.array([5.0, 15.0])
    y = np.array([5.0, 5.0])
    assert inside_polygon(square, x, y).tolist() == [True, False]
    line = np.array([(0, 0), (10, 0)], dtype=float)
    assert distance_to_polyline(line, np.array([5.0, 13.0]), np.array([3.0, 4.0])).tolist() == [3.0, 5.0]
