import random

import pytest

from game.hexgrid import (DIRECTIONS, Hex, Layout, POINTY, canonical_edge, edge_corners,
                          hex_direction_to, hex_distance, hex_from_offset, hex_linedraw,
                          hex_neighbor, hex_neighbors, hex_range, hex_ring, hex_round,
                          hex_to_pixel, offset_from_hex, pixel_to_hex, polygon_corners)


def test_distance_examples():
    assert hex_distance(Hex(0, 0), Hex(0, 0)) == 0
    assert hex_distance(Hex(0, 0), Hex(3, -1)) == 3
    assert hex_distance(Hex(-2, 4), Hex(3, -1)) == 5
    assert hex_distance(Hex(1, 1), Hex(-1, -1)) == 4


def test_neighbors_are_at_distance_one_and_distinct():
    h = Hex(4, -2)
    ns = hex_neighbors(h)
    assert len(set(ns)) == 6
    assert all(hex_distance(h, n) == 1 for n in ns)
    for d in range(6):
        assert hex_direction_to(h, hex_neighbor(h, d)) == d
    assert hex_direction_to(h, Hex(10, 10)) is None


@pytest.mark.parametrize("radius", [0, 1, 2, 5])
def test_rings_and_ranges(radius):
    c = Hex(2, -7)
    ring = hex_ring(c, radius)
    assert len(ring) == (6 * radius if radius else 1)
    assert all(hex_distance(c, h) == radius for h in ring)
    # consecutive hexes on a ring are neighbours
    for a, b in zip(ring, ring[1:] + ring[:1]):
        if radius:
            assert hex_distance(a, b) == 1
    rng = hex_range(c, radius)
    assert len(rng) == 3 * radius * (radius + 1) + 1
    assert set(rng) == {h for r in range(radius + 1) for h in hex_ring(c, r)}


def test_lines_are_connected_and_shortest():
    rnd = random.Random(3)
    for _ in range(200):
        a = Hex(rnd.randint(-20, 20), rnd.randint(-20, 20))
        b = Hex(rnd.randint(-20, 20), rnd.randint(-20, 20))
        line = hex_linedraw(a, b)
        assert line[0] == a and line[-1] == b
        assert len(line) == hex_distance(a, b) + 1
        assert all(hex_distance(x, y) == 1 for x, y in zip(line, line[1:]))


def test_round_picks_the_containing_hex():
    assert hex_round(0.1, 0.1) == Hex(0, 0)
    assert hex_round(0.9, -0.1) == Hex(1, 0)
    assert hex_round(-0.4, 0.9) == Hex(0, 1)


@pytest.mark.parametrize("layout", [Layout(POINTY, 10, 10, 0, 0), Layout(POINTY, 23.5, 17, 100, -40)])
def test_pixel_round_trip(layout):
    for h in hex_range(Hex(3, -2), 6):
        x, y = hex_to_pixel(layout, h)
        assert pixel_to_hex(layout, x, y) == h
        # any point just inside a corner belongs to the same hex
        for cx, cy in polygon_corners(layout, h):
            px, py = x + (cx - x) * 0.9, y + (cy - y) * 0.9
            assert pixel_to_hex(layout, px, py) == h


def test_edge_midpoints_face_the_neighbour():
    layout = Layout(POINTY, 10, 10, 0, 0)
    h = Hex(0, 0)
    for d in range(6):
        (ax, ay), (bx, by) = edge_corners(layout, h, d)
        nx, ny = hex_to_pixel(layout, hex_neighbor(h, d))
        assert abs((ax + bx) - nx) < 1e-9 and abs((ay + by) - ny) < 1e-9


def test_offset_round_trip_and_odd_rows_shift_right():
    for col in range(-3, 8):
        for row in range(-3, 8):
            assert offset_from_hex(hex_from_offset(col, row)) == (col, row)
    layout = Layout(POINTY, 10, 10, 0, 0)
    x0, _ = hex_to_pixel(layout, hex_from_offset(0, 0))
    x1, _ = hex_to_pixel(layout, hex_from_offset(0, 1))
    assert x1 > x0


def test_canonical_edges_match_from_both_sides():
    h = Hex(5, 5)
    for d in range(6):
        n = hex_neighbor(h, d)
        assert canonical_edge(h, d) == canonical_edge(n, (d + 3) % 6)
        assert canonical_edge(h, d)[1] in (0, 1, 2)
    assert len(DIRECTIONS) == 6
