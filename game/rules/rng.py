"""The game's random generator: splitmix64, integer-only, state in the game.

One 64-bit integer is the whole state, so it saves to JSON as a number and a
game replays identically on any machine.  `draws` counts uses, which tells
undo that something random has happened.

The dice of an order do not run on from the previous order's: before each
order the engine starts a fresh generator keyed on the game's seed, the turn
and the order itself (`for_order`).  So a battle fought after a reload rolls
the same whatever was marched, explored or fought before it in that turn,
and a replay of the same orders is still exact.  In a game by e-mail the key
also holds the state's `dice_mix`, which no player can know before the turn
it serves begins (game/pbem/dice.py).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

MASK = (1 << 64) - 1


MIX_DIGITS = "0123456789abcdef"


def is_mix(text) -> bool:
    """Whether `text` can be a game's dice mix: a SHA-256 in 64 lower-case hex digits."""
    return isinstance(text, str) and len(text) == 64 and all(ch in MIX_DIGITS for ch in text)


@dataclass
class Rng:
    state: int
    draws: int = 0

    @classmethod
    def from_seed(cls, seed: int) -> "Rng":
        return cls((seed * 0x9E3779B97F4A7C15 + 0x632BE59BD9B4E019) & MASK)

    def next_u64(self) -> int:
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        self.draws += 1
        return z ^ (z >> 31)

    def randint(self, lo: int, hi: int) -> int:
        """A whole number in [lo, hi], both ends included."""
        if hi < lo:
            raise ValueError("empty range")
        return lo + self.next_u64() % (hi - lo + 1)

    def percent(self, chance: int) -> bool:
        """True with `chance` percent probability."""
        if chance <= 0:
            return False
        if chance >= 100:
            return True
        return self.randint(1, 100) <= chance

    def choice_weighted(self, weights: list[int]) -> int:
        """Index picked in proportion to non-negative integer weights."""
        total = sum(max(0, w) for w in weights)
        if total <= 0:
            return 0
        roll = self.randint(1, total)
        for i, w in enumerate(weights):
            roll -= max(0, w)
            if roll <= 0:
                return i
        return len(weights) - 1  # pragma: no cover

    @classmethod
    def for_order(cls, seed: int, turn: int, key: str, draws: int = 0, mix: str = ""
                  ) -> "Rng":
        """The generator of one order: a pure function of (seed, turn, key), and of `mix`
        in a game by e-mail (the players' revealed secrets: see game/pbem/dice.py)."""
        text = f"{seed}|{mix}|{turn}|{key}" if mix else f"{seed}|{turn}|{key}"
        digest = hashlib.sha256(text.encode()).digest()
        return cls(int.from_bytes(digest[:8], "big"), draws)
