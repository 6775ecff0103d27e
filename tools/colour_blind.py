"""Show a picture as a colour-blind player sees it.

    python tools/colour_blind.py IN.png OUT.png [--vision deuteranopia]

Applies the same simulation the game's colour checks use (game.colour_vision:
Machado, Oliveira and Fernandes 2009, full severity, on linear RGB) to every
pixel, so a screenshot can be looked at with protanopia, deuteranopia or
tritanopia.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.colour_vision import MACHADO  # noqa: E402


def simulate_pixels(rgb: np.ndarray, vision: str) -> np.ndarray:
    """An (..., 3) uint8 array of sRGB pixels as seen with `vision`."""
    c = rgb.astype(np.float64) / 255.0
    lin = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    out = np.clip(lin @ np.array(MACHADO[vision]).T, 0.0, 1.0)
    s = np.where(out <= 0.0031308, 12.92 * out, 1.055 * out ** (1 / 2.4) - 0.055)
    return np.round(s * 255).astype(np.uint8)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("src")
    p.add_argument("out")
    p.add_argument("--vision", default="deuteranopia", choices=sorted(MACHADO))
    a = p.parse_args(argv)
    import pygame
    img = pygame.image.load(a.src)
    px = pygame.surfarray.array3d(img)
    out = pygame.surfarray.make_surface(simulate_pixels(px, a.vision))
    pygame.image.save(out, a.out)
    print(f"{a.out}: {a.src} as seen with {a.vision}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
