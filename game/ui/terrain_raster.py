"""Terrain as pixels: colour, relief shading, coasts and the hex grid, with numpy.

Every pixel is placed in the triangle of the three hex centres around it
(hex centres form a triangular lattice) and gets barycentric weights for
them.  Colours are blended with sharpened weights (flat hexes, soft seams);
land and water with cubed weights, so coasts keep to the hex sides (a sea
hex looks like sea) with rounded corners; heights with squared weights,
plus a texture of value noise scaled by each terrain's roughness, lit from
the north-west.  The two largest weights being nearly equal marks a hex
side, which draws the grid.  All of it is array arithmetic and lookup
tables, fast enough to draw a 256-pixel tile in a few milliseconds.
"""
from __future__ import annotations

import numpy as np

from game import terrain as T
from game.hexmap import HexMap
from game.ui import palette as P
from game.ui.geometry import SQ3, map_size_units

F = np.float32
LIGHT = 0.5           # strength of the relief shading


class TerrainRaster:
    """Per-map lookup arrays, and `render(s, x0, y0, w, h)` -> RGB pixels of a region."""

    def __init__(self, hm: HexMap):
        self.w, self.h = hm.width, hm.height
        self.units = map_size_units(hm.width, hm.height)
        terr = hm.terrain.ravel().astype(np.intp)
        n = terr.size
        rng = np.random.default_rng(7)
        jitter = rng.uniform(-1.0, 1.0, n).astype(F)
        water = np.isin(terr, list(T.WATER_IDS))
        self.land = (~water).astype(F)
        tint = np.where(water, 1.0 + 0.012 * jitter, 1.0 + 0.04 * jitter).astype(F)
        rgb = P.TERRAIN_RGB[terr] * tint[:, None]
        self.rgb = [np.ascontiguousarray(rgb[:, k]) for k in range(3)]
        self.height = np.where(water, 0.0, P.RELIEF[terr] + 0.15 * jitter).astype(F)
        self.rough = P.ROUGHNESS[terr].astype(F)
        self.noise = np.random.default_rng(1234).uniform(-1.0, 1.0, (256, 256)).astype(F)

    def _value_noise(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        xf = np.floor(x)
        yf = np.floor(y)
        fx = x - xf
        fy = y - yf
        fx = fx * fx * (3 - 2 * fx)
        fy = fy * fy * (3 - 2 * fy)
        xi = xf.astype(np.int32) & 255
        yi = yf.astype(np.int32) & 255
        x1 = (xi + 1) & 255
        y1 = (yi + 1) & 255
        t = self.noise.ravel()
        r0 = yi * 256
        r1 = y1 * 256
        a00 = np.take(t, r0 + xi)
        a01 = np.take(t, r0 + x1)
        a10 = np.take(t, r1 + xi)
        a11 = np.take(t, r1 + x1)
        a = a00 + (a01 - a00) * fx
        b = a10 + (a11 - a10) * fx
        return a + (b - a) * fy

    def texture(self, s: float, ux: np.ndarray, uy: np.ndarray) -> np.ndarray:
        """Relief texture: octaves of value noise in map units, computed at half resolution."""
        hx, hy = ux[::2, ::2], uy[::2, ::2]
        tex = np.zeros(hx.shape, F)
        amp, freq = 1.0, 1.7
        for _ in range(4):
            if freq / s > 0.2:                  # cells under 5 pixels: skip
                break
            tex += amp * self._value_noise(hx * freq, hy * freq)
            amp *= 0.5
            freq *= 2.1
        full = np.repeat(np.repeat(tex, 2, axis=0), 2, axis=1)
        return full[:ux.shape[0], :ux.shape[1]]

    def render(self, s: float, x0: int, y0: int, w: int, h: int, grid: bool = True) -> np.ndarray:
        """RGB uint8 array [h, w, 3] of world pixels [x0, x0+w) x [y0, y0+h) at hex size s."""
        m = 1                                   # margin for the slope of the relief
        xs = (np.arange(x0 - m, x0 + w + m, dtype=F) + F(0.5)) / F(s)
        ys = (np.arange(y0 - m, y0 + h + m, dtype=F) + F(0.5)) / F(s)
        W, H = self.w, self.h
        # rows: fr depends on y only
        py = ys - F(1.0)
        fr = py * F(2.0 / 3.0)
        r0 = np.floor(fr)
        v = (fr - r0)[:, None]
        r0 = r0.astype(np.int32)
        r1 = r0 + 1
        off0 = ((r0 - (r0 & 1)) // 2)[:, None]
        off1 = ((r1 - (r1 & 1)) // 2)[:, None]
        row0 = (np.clip(r0, 0, H - 1) * W)[:, None]
        row1 = (np.clip(r1, 0, H - 1) * W)[:, None]
        # columns
        fq = (xs - F(SQ3 / 2))[None, :] * F(SQ3 / 3) - (py / F(3.0))[:, None]
        q0f = np.floor(fq)
        u = fq - q0f
        q0 = q0f.astype(np.int32)
        upper = (u + v) < 1.0
        wa = np.abs(1.0 - u - v)
        wb = np.where(upper, u, 1.0 - v)
        wc = np.where(upper, v, 1.0 - u)
        cb = q0 + 1 + off0
        cc = q0 + off1
        ca = np.where(upper, q0 + off0, q0 + 1 + off1)
        ib = row0 + np.clip(cb, 0, W - 1)
        ic = row1 + np.clip(cc, 0, W - 1)
        ia = np.where(upper, row0, row1) + np.clip(ca, 0, W - 1)

        take = np.take
        la, lb, lc = take(self.land, ia), take(self.land, ib), take(self.land, ic)
        # land-ness with cubed weights: the coast keeps to the hex sides (a sea hex looks
        # like sea) but its corners are rounded
        ca3, cb3, cc3 = wa * wa * wa, wb * wb * wb, wc * wc * wc
        landness = (ca3 * la + cb3 * lb + cc3 * lc) / (ca3 + cb3 + cc3)
        is_land = landness >= 0.5
        fl = is_land.astype(F)
        # colour weights: sharpened, and only from hexes on the same side of the coast
        pa = wa * wa
        pa = pa * pa * pa
        pb = wb * wb
        pb = pb * pb * pb
        pc = wc * wc
        pc = pc * pc * pc
        ka = pa * (1.0 - fl - la + 2.0 * fl * la)     # la if land else 1 - la
        kb = pb * (1.0 - fl - lb + 2.0 * fl * lb)
        kc = pc * (1.0 - fl - lc + 2.0 * fl * lc)
        tot = ka + kb + kc
        tot = np.maximum(tot, F(1e-12))
        ka /= tot
        kb /= tot
        kc /= tot

        # relief: interpolated heights plus texture, lit from the north-west
        ht = self.height
        # heights use squared weights: slopes gather near the hex sides, so a plain next
        # to a mountain stays mostly flat
        qa, qb, qc = wa * wa, wb * wb, wc * wc
        qt = qa + qb + qc
        qa /= qt
        qb /= qt
        qc /= qt
        z = qa * take(ht, ia) + qb * take(ht, ib) + qc * take(ht, ic)
        rough = qa * take(self.rough, ia) + qb * take(self.rough, ib) + qc * take(self.rough, ic)
        ux = np.broadcast_to(xs[None, :], u.shape)
        uy = np.broadcast_to(ys[:, None], u.shape)
        z = z + rough * self.texture(s, ux, uy)
        slope = (z[1:-1, 2:] - z[1:-1, :-2] + z[2:, 1:-1] - z[:-2, 1:-1]) * F(0.5 * s)
        light = 1.0 + F(LIGHT * 0.9 / 2.5) * np.clip(slope, -2.5, 2.5)

        sl = (slice(m, m + h), slice(m, m + w))
        lnd = landness[sl]
        fl = fl[sl]
        # water is lighter in the shallows near the coast
        shallow = np.clip(lnd * 2.0, 0.0, 1.0)
        shallow = shallow * shallow * shallow * F(0.55) * (1.0 - fl)
        shade = light * fl + (1.0 - fl)
        # hex grid where the two largest weights are nearly equal
        dark = np.zeros((h, w), F)
        if grid and s >= 10:
            wmax = np.maximum(np.maximum(wa, wb), wc)[sl]
            wmin = np.minimum(np.minimum(wa, wb), wc)[sl]
            dist = (wmax - (1.0 - wmax - wmin)) * F(0.866 * s / 0.9)
            dark = np.clip(1.0 - dist, 0.0, 1.0) * F(0.16)
        # the coastline, where land-ness crosses one half
        width = 0.7 + s / 28.0
        coast = np.clip(1.0 - np.abs(lnd - 0.5) * F(1.5 * s / width), 0.0, 1.0)
        outside = None
        x_lo, y_lo, x_hi, y_hi = x0 / s, y0 / s, (x0 + w) / s, (y0 + h) / s
        if x_lo < 2.0 or y_lo < 2.0 or x_hi > self.units[0] - 2.0 or y_hi > self.units[1] - 2.0:
            inb = ((cb >= 0) & (cb < W) & (r0 >= 0)[:, None] & (r0 < H)[:, None])
            inc = ((cc >= 0) & (cc < W) & (r1 >= 0)[:, None] & (r1 < H)[:, None])
            ra = np.where(upper, r0[:, None], r1[:, None])
            ina = (ca >= 0) & (ca < W) & (ra >= 0) & (ra < H)
            near_a = (wa >= wb) & (wa >= wc)
            near_b = ~near_a & (wb >= wc)
            outside = ~np.where(near_a, ina, np.where(near_b, inb, inc))[sl]

        out = np.empty((h, w, 3), np.uint8)
        ka, kb, kc = ka[sl], kb[sl], kc[sl]
        ia, ib, ic = ia[sl], ib[sl], ic[sl]
        for k in range(3):
            ch = self.rgb[k]
            c = ka * take(ch, ia) + kb * take(ch, ib) + kc * take(ch, ic)
            c = c * shade
            c = c + (F(P.SHALLOW[k]) - c) * shallow
            c = c * (1.0 - dark)
            c = c + (F(P.COAST[k]) - c) * coast
            if outside is not None:
                c[outside] = P.BACKGROUND[k]
            out[..., k] = np.clip(c, 0, 255)
        return out

    def nearest(self, s: float, x0: int, y0: int, w: int, h: int) -> np.ndarray:
        """Flat index of the hex each pixel lies in (-1 beyond the map), [h, w] int32."""
        xs = (np.arange(x0, x0 + w, dtype=F) + F(0.5)) / F(s) - F(SQ3 / 2)
        ys = (np.arange(y0, y0 + h, dtype=F) + F(0.5)) / F(s) - F(1.0)
        fq = xs[None, :] * F(SQ3 / 3) - (ys / F(3.0))[:, None]
        fr = np.broadcast_to((ys * F(2.0 / 3.0))[:, None], fq.shape)
        fs = -fq - fr
        q, r, t = np.round(fq), np.round(fr), np.round(fs)
        dq, dr, dt = np.abs(q - fq), np.abs(r - fr), np.abs(t - fs)
        fix_q = (dq > dr) & (dq > dt)
        fix_r = ~fix_q & (dr > dt)
        q = np.where(fix_q, -r - t, q).astype(np.int32)
        r = np.where(fix_r, -q - t, r).astype(np.int32)
        col = q + (r - (r & 1)) // 2
        inside = (col >= 0) & (col < self.w) & (r >= 0) & (r < self.h)
        return np.where(inside, r * self.w + col, -1).astype(np.int32)
