"""Hot-seat passwords: kept only as salted hashes, never as the text typed.

A side in a hot-seat game may lock its turn with a password; the save keeps
`pbkdf2_sha256$ROUNDS$SALT$HASH` (hex), so reading the file does not give it
away.  This guards against a glance at the screen, not against someone who
edits the save: the whole game state is in the file.

ROUNDS follows OWASP's current advice for PBKDF2-HMAC-SHA256 (600,000).  A
hash made with fewer rounds (an older save) is still accepted, and `upgrade`
makes a new one at the current count once the right password is typed, so
the next save keeps the stronger hash.  The test suite lowers ROUNDS (see
tests/conftest.py) to stay fast; the game never does.
"""
from __future__ import annotations

import hashlib
import hmac
import os

SCHEME = "pbkdf2_sha256"
ADVISED_ROUNDS = 600_000      # OWASP's advice for PBKDF2-HMAC-SHA256
ROUNDS = ADVISED_ROUNDS


def hash_password(text: str, salt: bytes | None = None, rounds: int | None = None) -> str:
    salt = os.urandom(16) if salt is None else salt
    rounds = ROUNDS if rounds is None else rounds
    digest = hashlib.pbkdf2_hmac("sha256", text.encode("utf-8"), salt, rounds)
    return f"{SCHEME}${rounds}${salt.hex()}${digest.hex()}"


def is_hash(stored) -> bool:
    """Whether `stored` has the shape `hash_password` writes (for checking a loaded save)."""
    if not isinstance(stored, str):
        return False
    parts = stored.split("$")
    if len(parts) != 4 or parts[0] != SCHEME or not parts[1].isdigit():
        return False
    try:
        return len(bytes.fromhex(parts[2])) >= 8 and len(bytes.fromhex(parts[3])) == 32 \
            and 1 <= int(parts[1]) <= 10_000_000
    except ValueError:
        return False


def check_password(stored: str, text: str) -> bool:
    """Whether `text` is the password `stored` was made from."""
    if not is_hash(stored):
        return False
    _, rounds, salt, digest = stored.split("$")
    got = hashlib.pbkdf2_hmac("sha256", text.encode("utf-8"), bytes.fromhex(salt), int(rounds))
    return hmac.compare_digest(got.hex(), digest)


def upgrade(stored: str, text: str) -> str | None:
    """A new hash of `text` at today's round count if `stored` (which `text` matches) was
    made with fewer; None if it is already as strong."""
    if not is_hash(stored) or int(stored.split("$")[1]) >= ROUNDS:
        return None
    return hash_password(text) if check_password(stored, text) else None
