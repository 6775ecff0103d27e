"""The few cryptographic acts of play by e-mail, all from PyNaCl (libsodium).

- Each player has two key pairs: Ed25519 to sign what he sends, Curve25519
  to receive what is sent to him.
- A turn file's payload is signed by its sender, then locked with a fresh
  random key (XSalsa20-Poly1305, `SecretBox`); that key is sealed to each
  player of the game (`SealedBox`), so only they can open the file.
- A player's own record of a game is locked with a key made from his
  private keys, so his folder read without them shows nothing.

PyNaCl is the optional extra `pbem`.  It is imported only here, and only when
a game by e-mail is made or opened: hot-seat and single play never need it.
"""
from __future__ import annotations

import base64
import hashlib

from game.pbem.errors import PbemError
from game.i18n import N_, said

MISSING = N_("play by e-mail needs PyNaCl, which is not installed; install the extra with "
             "`pip install -c constraints.txt -e '.[pbem]'` (or `pip install pynacl`)")


def nacl():
    """The PyNaCl modules (public, signing, secret, exceptions, utils); PbemError if the
    extra is not installed."""
    try:
        import nacl.exceptions
        import nacl.public
        import nacl.secret
        import nacl.signing
        import nacl.utils
    except ImportError:
        raise PbemError(said(MISSING)) from None
    return nacl


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text, what: str) -> bytes:
    if not isinstance(text, str):
        raise PbemError(said(N_("{what} is damaged (not text)"), what=what))
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise PbemError(said(N_("{what} is damaged (not base64)"), what=what)) from None


def new_identity(name: str) -> dict:
    """A new player: his name and his two private keys (hex)."""
    n = nacl()
    return {"name": name, "sign": n.signing.SigningKey.generate().encode().hex(),
            "box": n.public.PrivateKey.generate().encode().hex()}


def public_of(identity: dict) -> dict:
    """The public halves of a player's keys (hex): what the other players are sent."""
    n = nacl()
    sk = n.signing.SigningKey(bytes.fromhex(identity["sign"]))
    bk = n.public.PrivateKey(bytes.fromhex(identity["box"]))
    return {"sign": sk.verify_key.encode().hex(), "box": bk.public_key.encode().hex()}


def fingerprint(public: dict) -> str:
    """A short text to compare by voice or by another channel: the hash of both public keys."""
    digest = hashlib.sha256((public["sign"] + public["box"]).encode()).hexdigest()
    return "-".join(digest[i:i + 4] for i in range(0, 16, 4))


def sign(identity: dict, message: bytes) -> bytes:
    """The message with its signature before it (64 bytes)."""
    n = nacl()
    return bytes(n.signing.SigningKey(bytes.fromhex(identity["sign"])).sign(message))


def verify(public_sign: str, signed: bytes) -> bytes:
    """The message if the signature is the key's; PbemError otherwise."""
    n = nacl()
    try:
        return n.signing.VerifyKey(bytes.fromhex(public_sign)).verify(signed)
    except (n.exceptions.BadSignatureError, ValueError, TypeError):
        raise PbemError(said(N_("bad signature"))) from None


def seal(data: bytes, recipients: dict[str, str]) -> dict:
    """Lock data so that each recipient (name -> public box key, hex) and only they can
    open it: {"keys": {name: sealed file key}, "box": locked data} (base64)."""
    n = nacl()
    key = n.utils.random(n.secret.SecretBox.KEY_SIZE)
    keys = {name: b64(n.public.SealedBox(n.public.PublicKey(bytes.fromhex(pub))).encrypt(key))
            for name, pub in sorted(recipients.items())}
    return {"keys": keys, "box": b64(bytes(n.secret.SecretBox(key).encrypt(data)))}


def unseal(keys: dict, box: str, identity: dict, what: str) -> bytes:
    """Open what `seal` locked, with the identity's private key; PbemError saying why not."""
    n = nacl()
    if not isinstance(keys, dict):
        raise PbemError(said(N_("{what} is damaged (its keys)"), what=what))
    mine = keys.get(identity["name"])
    if mine is None:
        raise PbemError(said(N_("{what} is not addressed to {name}"), what=what,
                             name=identity["name"]))
    try:
        private = n.public.PrivateKey(bytes.fromhex(identity["box"]))
        key = n.public.SealedBox(private).decrypt(unb64(mine, what))
        return n.secret.SecretBox(key).decrypt(unb64(box, what))
    except (n.exceptions.CryptoError, ValueError, TypeError):
        raise PbemError(said(N_("{what} cannot be opened with {name}'s key: it was changed "
                                "or damaged on the way, or it is not for this player"),
                             what=what, name=identity["name"])) from None


def _local_key(identity: dict) -> bytes:
    return hashlib.blake2b(bytes.fromhex(identity["box"]) + bytes.fromhex(identity["sign"]),
                           digest_size=32, person=b"lgw-pbem-local").digest()


def lock_local(identity: dict, data: bytes) -> bytes:
    """A player's own record, locked with a key only his private keys make."""
    n = nacl()
    return bytes(n.secret.SecretBox(_local_key(identity)).encrypt(data))


def unlock_local(identity: dict, blob: bytes, what: str) -> bytes:
    n = nacl()
    try:
        return n.secret.SecretBox(_local_key(identity)).decrypt(blob)
    except (n.exceptions.CryptoError, ValueError, TypeError):
        raise PbemError(said(N_("{what} cannot be opened with {name}'s key (damaged, or "
                                "another player's)"), what=what, name=identity["name"])
                        ) from None
