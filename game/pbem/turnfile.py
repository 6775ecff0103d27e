"""Turn files: what one player sends the other.

On disk a turn file is a small JSON envelope:

    {"format": "last-great-war-turn", "version": 2, "game": ID, "seq": N,
     "keys": {player: the file key sealed to him}, "box": the locked payload}

The envelope names only the game and the file's number, so a folder watch
can tell which file comes next.  Inside the box is the payload, signed by
its sender (Ed25519, the signature first): canonical JSON with the game id,
the number, the sender, the hash of the previous file's payload (the chain),
and what the file is for (see game/pbem/chain.py).  The first file of a game,
the invitation, holds nothing secret (the scenario, who plays what, the
creator's public keys) and is signed but not locked: `"plain"` in place of
`"keys"` and `"box"`.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from game.pbem import crypto
from game.pbem.errors import PbemError
from game.i18n import N_, said

FORMAT = "last-great-war-turn"
VERSION = 2
READS = (1, 2)          # the versions this game opens
SUFFIX = ".lgwturn"
MAX_BYTES = 16 * 1024 * 1024
FILE_NAME = re.compile(r"(?P<game>[a-z0-9_]{1,48}-[0-9a-f]{6})-(?P<seq>\d{4,})-(?P<name>[A-Za-z0-9_-]{1,32})"
                       + re.escape(SUFFIX))


def canonical(payload: dict) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def payload_hash(signed: bytes) -> str:
    """The link of the chain: the hash of a file's signed payload."""
    return hashlib.sha256(signed).hexdigest()


def file_name(game: str, seq: int, sender: str) -> str:
    return f"{game}-{seq:04d}-{sender}{SUFFIX}"


def encode(payload: dict, ident: dict, recipients: dict[str, str] | None) -> tuple[bytes, bytes]:
    """(file bytes, signed payload).  recipients: name -> public box key; None for the
    invitation, which is signed but not locked."""
    signed = crypto.sign(ident, canonical(payload))
    doc = {"format": FORMAT, "version": VERSION, "game": payload["game"], "seq": payload["seq"]}
    if recipients is None:
        doc["plain"] = crypto.b64(signed)
    else:
        doc.update(crypto.seal(signed, recipients))
    return json.dumps(doc, indent=1).encode("utf-8"), signed


def read_envelope(path: str | Path) -> dict:
    """The envelope of a turn file; PbemError if it is not one."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_BYTES:
            raise PbemError(said(N_("{file}: too big to be a turn file"), file=str(p)))
        raw = p.read_bytes()
    except OSError as exc:
        raise PbemError(said(N_("{file}: cannot read the file: {why}"), file=str(p),
                             why=str(exc.strerror or exc))) from None
    return parse_envelope(raw, str(p))


def parse_envelope(raw: bytes, what: str) -> dict:
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise PbemError(said(N_("{file}: the turn file is damaged (not the JSON it should "
                                "be)"), file=what)) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise PbemError(said(N_("{file}: this is not a Last Great War turn file"), file=what))
    version = doc.get("version")
    if version not in READS or type(version) is not int:
        newer = type(version) is int and version > VERSION
        other = said(N_("{file}: a turn file of another version ({version}); this game "
                        "reads versions {first} to {last}"), file=what,
                     version=repr(version), first=str(READS[0]), last=str(VERSION))
        raise PbemError(said(N_("{why}; update the game to open it"), why=other)
                        if newer else other)
    if not isinstance(doc.get("game"), str) or type(doc.get("seq")) is not int:
        raise PbemError(said(N_("{file}: the turn file is damaged (its game or number)"),
                             file=what))
    return doc


def open_signed(doc: dict, ident: dict | None, what: str) -> bytes:
    """The signed payload inside an envelope (unlocked with the player's key)."""
    if "plain" in doc:
        return crypto.unb64(doc["plain"], what)
    if ident is None:
        raise PbemError(said(N_("{file}: the file is locked and no keys were given to open "
                                "it"), file=what))
    return crypto.unseal(doc.get("keys"), doc.get("box"), ident, what)


def split_signed(signed: bytes, what: str) -> dict:
    """The payload of a signed message, not yet checked (to learn who claims to send it)."""
    if len(signed) < 64:
        raise PbemError(said(N_("{file}: the turn file is damaged (cut short)"), file=what))
    try:
        payload = json.loads(signed[64:].decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise PbemError(said(N_("{file}: the turn file is damaged (its payload)"), file=what)
                        ) from None
    if not isinstance(payload, dict):
        raise PbemError(said(N_("{file}: the turn file is damaged (its payload)"), file=what))
    return payload
