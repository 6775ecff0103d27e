"""Dice that no turn file can forecast: commit, then reveal.

Each player keeps a secret for his next turn and sends only its hash (the
commitment).  In his next file he reveals it and commits to a new one.  The
dice of a player's turn hang on the state's seed and on `mix`: the hash of
his own secret (revealed in the file of that turn) and of the other
player's latest revealed secret (which reaches him with the file that starts
his turn).  Each secret is committed before the other's is revealed, so
neither player can choose his to suit the other's; the other cannot work out
the mover's dice, and the mover learns them only when his turn starts.  The
receiver checks each revealed secret against its commitment.  The engine
takes the mix as the first order of the turn (`MixDice`), so a replay of the
orders alone gives the same game.
"""
from __future__ import annotations

import hashlib
import secrets


def new_secret() -> str:
    return secrets.token_hex(32)


def commitment(secret: str) -> str:
    return hashlib.sha256(f"lgw-commit|{secret}".encode()).hexdigest()


def mix(game: str, seq: int, reveals: dict[str, str]) -> str:
    """The dice mix of turn file `seq`: every player's latest revealed secret, by name."""
    body = "|".join(f"{name}={reveals[name]}" for name in sorted(reveals))
    return hashlib.sha256(f"lgw-dice|{game}|{seq}|{body}".encode()).hexdigest()


def is_secret(value) -> bool:
    return (isinstance(value, str) and len(value) == 64
            and all(ch in "0123456789abcdef" for ch in value))
