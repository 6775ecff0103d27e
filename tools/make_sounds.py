#!/usr/bin/env python3
"""Make the game's short sounds from code and write them to assets/sounds/.

    python tools/make_sounds.py          # rewrite assets/sounds/*.wav

Each sound is built from sine tones, plucked strings (Karplus-Strong) and
filtered noise with a fixed seed, so running this again gives the same files.
Mono, 16-bit, 22,050 Hz, each well under a second.  Nothing is sampled or
downloaded; the files are our own work, under the game's licence.
"""
from __future__ import annotations

import argparse
import wave
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "sounds"
RATE = 22050


def seconds(t: float) -> np.ndarray:
    return np.arange(int(RATE * t)) / RATE


def envelope(n: int, attack: float, decay: float) -> np.ndarray:
    """A quick rise and an exponential fall, in samples."""
    t = np.arange(n) / RATE
    rise = np.clip(t / max(attack, 1e-4), 0, 1)
    return rise * np.exp(-t / decay)


def tone(freq: float, t: float, decay: float, attack: float = 0.004,
         overtones=(1.0, 0.35, 0.12)) -> np.ndarray:
    x = seconds(t)
    wave_ = sum(a * np.sin(2 * np.pi * freq * (k + 1) * x) for k, a in enumerate(overtones))
    return wave_ * envelope(len(x), attack, decay)


def noise(rng: np.random.Generator, t: float, decay: float, smooth: int = 1) -> np.ndarray:
    n = int(RATE * t)
    x = rng.uniform(-1, 1, n)
    if smooth > 1:                       # a low-pass: a running mean
        x = np.convolve(x, np.ones(smooth) / smooth, mode="same") * np.sqrt(smooth)
    return x * envelope(n, 0.002, decay)


def pluck(rng: np.random.Generator, freq: float, t: float, damping: float = 0.996) -> np.ndarray:
    """A plucked string (Karplus-Strong)."""
    n = int(RATE * t)
    period = max(2, int(RATE / freq))
    buf = rng.uniform(-1, 1, period)
    out = np.empty(n)
    for i in range(n):
        out[i] = buf[i % period]
        buf[i % period] = damping * 0.5 * (buf[i % period] + buf[(i + 1) % period])
    return out


def place(total: float, *parts: tuple[float, np.ndarray]) -> np.ndarray:
    """Mix parts, each starting at its time in seconds, into one track."""
    out = np.zeros(int(RATE * total))
    for start, x in parts:
        i = int(RATE * start)
        j = min(len(out), i + len(x))
        out[i:j] += x[: j - i]
    return out


def drum(rng, t0: float, pitch: float = 90.0) -> tuple[float, np.ndarray]:
    """A muffled drum beat: a falling low tone and a little noise."""
    x = seconds(0.18)
    f = pitch * (1 + 0.8 * np.exp(-x / 0.02))
    body = np.sin(2 * np.pi * np.cumsum(f) / RATE) * envelope(len(x), 0.002, 0.06)
    return t0, body + 0.25 * noise(rng, 0.18, 0.02, smooth=6)


def make_all() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(602)
    sounds = {}
    # march: three drum beats, left, right, left
    sounds["march"] = place(0.62, drum(rng, 0.0), drum(rng, 0.2, 80), drum(rng, 0.4))
    # battle: clashes of metal over a rumble
    clash = [(t, 0.6 * noise(rng, 0.25, 0.05, smooth=2)
              + 0.25 * tone(f, 0.25, 0.06, overtones=(1.0, 0.6, 0.4)))
             for t, f in ((0.0, 1900), (0.13, 2300), (0.3, 1700))]
    sounds["battle"] = place(0.75, (0.0, 0.5 * noise(rng, 0.7, 0.25, smooth=40)), *clash)
    # siege: heavy thuds of a ram against a gate
    sounds["siege"] = place(0.8, drum(rng, 0.0, 55), drum(rng, 0.38, 50))
    # capture: a rising call of a horn, three notes
    horn = (1.0, 0.5, 0.3, 0.15)
    sounds["capture"] = place(0.9, (0.0, tone(392, 0.25, 0.18, 0.02, horn)),
                              (0.18, tone(523, 0.25, 0.18, 0.02, horn)),
                              (0.36, tone(659, 0.5, 0.3, 0.02, horn)))
    # event: a bell
    sounds["event"] = place(0.9, (0.0, tone(880, 0.9, 0.35, 0.002, (1.0, 0.0, 0.4, 0.0, 0.2))))
    # end of turn: two plucked notes, falling
    sounds["end_turn"] = place(0.6, (0.0, 0.8 * pluck(rng, 330, 0.35)),
                               (0.15, 0.8 * pluck(rng, 247, 0.45)))
    return sounds


def write_wav(path: Path, x: np.ndarray) -> None:
    peak = float(np.max(np.abs(x))) or 1.0
    x = x / peak * 0.7
    fade = min(len(x), int(RATE * 0.01))            # no click at the end
    x[-fade:] *= np.linspace(1, 0, fade)
    data = (x * 32767).astype("<i2").tobytes()
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(data)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, x in make_all().items():
        write_wav(args.out / f"{name}.wav", x)
        print(f"{name}.wav: {len(x) / RATE:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
