"""How far apart two colours look, to normal eyes and to colour-blind ones.

Pure arithmetic, no pygame: the scenario loader uses it to warn an author
whose faction colours are too close, the tests use it on the shipped
scenarios, and the UI uses `simulate` to show what a colour-blind player sees.

- Colour blindness is simulated with the matrices of Machado, Oliveira and
  Fernandes (2009) at full severity (protanopia, deuteranopia, tritanopia),
  applied to linear RGB.
- Distances are CIEDE2000 (ΔE00) in CIELAB under D65.

`MIN_DELTA_E` is the distance every pair of factions in one scenario keeps,
for normal eyes and under each of the three simulations.
"""
from __future__ import annotations

import math

# Every pair of faction colours in a scenario stays at least this far apart (ΔE00),
# for normal vision and under each simulation.  ΔE00 of 2 is about the smallest
# difference one notices side by side; 20 is plainly another colour, even on a
# small counter.  The shipped palette keeps at least 23.
MIN_DELTA_E = 20.0

# Machado et al. (2009), severity 1.0, for linear RGB.
MACHADO = {
    "protanopia": ((0.152286, 1.052583, -0.204868),
                   (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968),
                     (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779),
                   (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}
VISIONS = ("normal", *MACHADO)

_WHITE = (0.95047, 1.0, 1.08883)     # D65


def to_linear(c: float) -> float:
    c /= 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def to_srgb(c: float) -> int:
    c = min(1.0, max(0.0, c))
    c = 12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055
    return int(round(c * 255))


def simulate(rgb, vision: str) -> tuple[int, int, int]:
    """The sRGB colour a person with `vision` sees for `rgb` (unchanged for 'normal')."""
    if vision == "normal":
        return tuple(int(v) for v in rgb[:3])
    m = MACHADO[vision]
    lin = [to_linear(v) for v in rgb[:3]]
    return tuple(to_srgb(sum(m[i][j] * lin[j] for j in range(3))) for i in range(3))


def lab(rgb) -> tuple[float, float, float]:
    """CIELAB (D65) of an sRGB colour."""
    r, g, b = (to_linear(v) for v in rgb[:3])
    xyz = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b,
           0.2126729 * r + 0.7151522 * g + 0.0721750 * b,
           0.0193339 * r + 0.1191920 * g + 0.9503041 * b)

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = (f(v / w) for v, w in zip(xyz, _WHITE))
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def ciede2000(lab1, lab2) -> float:
    """The CIEDE2000 colour difference of two CIELAB colours (kL = kC = kH = 1)."""
    L1, a1, b1 = lab1
    L2, a2, b2 = lab2
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar ** 7 / (c_bar ** 7 + 25 ** 7)))
    a1p, a2p = a1 * (1 + g), a2 * (1 + g)
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dl = L2 - L1
    dc = c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    else:
        dh = h2p - h1p
        if dh > 180:
            dh -= 360
        elif dh < -180:
            dh += 360
    dH = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_bar = (L1 + L2) / 2
    cp_bar = (c1p + c2p) / 2
    if c1p * c2p == 0:
        hp_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hp_bar = (h1p + h2p) / 2
    elif h1p + h2p < 360:
        hp_bar = (h1p + h2p + 360) / 2
    else:
        hp_bar = (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(hp_bar - 30))
         + 0.24 * math.cos(math.radians(2 * hp_bar))
         + 0.32 * math.cos(math.radians(3 * hp_bar + 6))
         - 0.20 * math.cos(math.radians(4 * hp_bar - 63)))
    d_theta = 30 * math.exp(-(((hp_bar - 275) / 25) ** 2))
    rc = 2 * math.sqrt(cp_bar ** 7 / (cp_bar ** 7 + 25 ** 7))
    sl = 1 + 0.015 * (l_bar - 50) ** 2 / math.sqrt(20 + (l_bar - 50) ** 2)
    sc = 1 + 0.045 * cp_bar
    sh = 1 + 0.015 * cp_bar * t
    rt = -math.sin(math.radians(2 * d_theta)) * rc
    return math.sqrt((dl / sl) ** 2 + (dc / sc) ** 2 + (dH / sh) ** 2
                     + rt * (dc / sc) * (dH / sh))


def distance(rgb1, rgb2, vision: str = "normal") -> float:
    """ΔE00 between two sRGB colours as a person with `vision` sees them."""
    return ciede2000(lab(simulate(rgb1, vision)), lab(simulate(rgb2, vision)))


def closest_pairs(colours: dict[str, tuple[int, int, int]]):
    """For each vision, the closest pair of named colours: {vision: (ΔE00, name, name)}.
    Fewer than two colours give no entries."""
    names = list(colours)
    out = {}
    for vision in VISIONS:
        best = None
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                d = distance(colours[a], colours[b], vision)
                if best is None or d < best[0]:
                    best = (d, a, b)
        if best is not None:
            out[vision] = best
    return out


def too_close(colours: dict[str, tuple[int, int, int]], minimum: float = MIN_DELTA_E):
    """Every pair closer than `minimum` for some vision, as (name, name, vision, ΔE00),
    the closest vision per pair, in the order of the names."""
    names = list(colours)
    out = []
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            d, vision = min((distance(colours[a], colours[b], v), v) for v in VISIONS)
            if d < minimum:
                out.append((a, b, vision, d))
    return out
