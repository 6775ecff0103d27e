"""One codec for the game's data: typed values to plain JSON data and back.

`encode` turns a value (dataclasses, hexes, lists, tuples, dicts, text,
numbers) into data that `json` writes as it is; `decode(type, data, path)`
rebuilds a value of that type from such data, walking the type hints of the
dataclasses, and checks the shape of every part on the way.  State, orders,
events, saves and turn files all go through these two, so there is one way
to write each kind of value and one way a bad file is refused: a
`DecodeError` that names where (the field path, like
`state.armies.a1.hex`) and what was wrong.  Whoever read the file puts its
name in front.

Orders are tagged by their `kind` (a class variable): `encode_tagged`
writes it first and `decode_tagged` looks the class up in a table of kinds,
so an unknown kind is refused by name.  Orders and events are written
sparse (`encode_sparse`): a field at its default is left out, so older
files read the same.  A field marked `metadata={"saved": False}` (the
state's back reference to its scenario) is never written or read; one
marked `metadata={"key": NAME}` is written under that name.

Scenario files do not come through here: game.scenario.schema.convert reads
YAML into the scenario's typed specs.  The two stay apart on purpose.  A
scenario is written by a person, so its reader goes on after a fault and
gives every problem of the file at once, each at its line and column, with
the key's limits (minimum, maximum, pattern, a suggestion for a misspelt
word) from the spec's field metadata.  A save, an order or a turn file is
written by the game: one that does not decode is damaged, and the first
fault, by its field path, is all a player needs; stopping there keeps the
decoders lean enough for the hot path (a state is encoded every round).
"""
from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Union, get_args, get_origin

from game.hexgrid import Hex


class DecodeError(ValueError):
    """Data that does not have the shape the game expects: where (a field path) and what."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


# --- encoding ------------------------------------------------------------------------

_saved_fields: dict[type, tuple[tuple[str, str], ...] | None] = {}


def key_of(f: dataclasses.Field) -> str:
    """The name a field is written under: its own, or `metadata={"key": ...}` where the
    written name is a word Python keeps for itself (an event's `from`)."""
    return f.metadata.get("key", f.name)


def saved_fields(tp: type) -> tuple[tuple[str, str], ...] | None:
    """The (field, written name) pairs of a dataclass that are written (cached per class);
    None for other types."""
    names = _saved_fields.get(tp, False)
    if names is False:
        names = None
        if dataclasses.is_dataclass(tp):
            names = tuple((f.name, key_of(f)) for f in dataclasses.fields(tp)
                          if f.metadata.get("saved", True))
        _saved_fields[tp] = names
    return names


def encode(obj: Any) -> Any:
    """Plain JSON-ready data (dicts, lists, numbers, text) for a value."""
    tp = type(obj)
    if tp is str or tp is int or tp is bool or obj is None:
        return obj
    if tp is Hex:
        return [obj.q, obj.r]
    if tp is list or tp is tuple:
        return [encode(v) for v in obj]
    if tp is dict:
        return {str(k): encode(v) for k, v in obj.items()}
    names = saved_fields(tp)
    if names is not None:
        return {k: encode(getattr(obj, n)) for n, k in names}
    # anything else (subclasses of the plain types) by what it is an instance of
    if isinstance(obj, Hex):
        return [obj.q, obj.r]
    if isinstance(obj, dict):
        return {str(k): encode(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [encode(v) for v in obj]
    return obj


_sparse_fields: dict[type, tuple[tuple[str, str, Any], ...]] = {}
_NO_DEFAULT = object()


def encode_sparse(obj: Any) -> dict:
    """A dataclass as data with every field that is at its default left out."""
    fields = _sparse_fields.get(type(obj))
    if fields is None:
        fields = _sparse_fields[type(obj)] = tuple(
            (f.name, key_of(f), f.default if f.default is not dataclasses.MISSING
             else f.default_factory() if f.default_factory is not dataclasses.MISSING
             else _NO_DEFAULT)
            for f in dataclasses.fields(obj) if f.metadata.get("saved", True))
    out = {}
    for name, key, default in fields:
        v = getattr(obj, name)
        if default is _NO_DEFAULT or v != default:
            out[key] = encode(v)
    return out


def encode_tagged(obj: Any) -> dict:
    """A tagged dataclass (an order) as data: its `kind` first, then its fields, sparse."""
    return {"kind": obj.kind, **encode_sparse(obj)}


# --- decoding ------------------------------------------------------------------------

class _Bad(Exception):
    """A decoding fault on its way out: the message and the path, gathered innermost first."""

    def __init__(self, message: str, part: str | None = None):
        self.message = message
        self.parts = [] if part is None else [part]


def decode(tp: Any, value: Any, path: str) -> Any:
    """Rebuild a value of type `tp` from JSON data, checking its shape; DecodeError if bad."""
    try:
        return _decoder(tp)(value)
    except _Bad as bad:
        raise DecodeError(path + "".join(reversed(bad.parts)), bad.message) from None


def class_of_kind(kinds: dict[str, type], value: Any, path: str, what: str = "kind") -> type:
    """The class in `kinds` that the `kind` of tagged data names; DecodeError if the data
    is not an object or the kind is unknown (`what` words it)."""
    if not isinstance(value, dict):
        raise DecodeError(path, "expected an object")
    kind = value.get("kind")
    cls = kinds.get(kind) if isinstance(kind, str) else None
    if cls is None:
        raise DecodeError(f"{path}.kind", f"unknown {what} {kind!r:.60}")
    return cls


def decode_tagged(kinds: dict[str, type], value: Any, path: str) -> Any:
    """Rebuild a tagged dataclass (an order) from data whose `kind` names its class in
    `kinds`; DecodeError if the kind is unknown or a field is missing or bad."""
    cls = class_of_kind(kinds, value, path)
    # `kind` is a class variable, not a field
    return decode(cls, value, f"{path}({value['kind']})")


_hint_cache: dict[type, dict] = {}


def _hints(cls: type) -> dict:
    """The types of the saved fields of a dataclass, resolved from their annotations (only
    those: a field never saved may name a type its module imports for type checkers only)."""
    h = _hint_cache.get(cls)
    if h is None:
        h = {}
        for f in dataclasses.fields(cls):
            if not f.metadata.get("saved", True):
                continue
            tp = f.type
            if isinstance(tp, str):           # resolved in the module of the class declaring it
                owner = next(c for c in cls.__mro__
                             if f.name in c.__dict__.get("__annotations__", {}))
                holder = type("_", (), {"__annotations__": {f.name: tp},
                                        "__module__": owner.__module__})
                tp = typing.get_type_hints(holder)[f.name]
            h[f.name] = tp
        _hint_cache[cls] = h
    return h


_decoders: dict[Any, Any] = {}


def _decoder(tp: Any):
    """The function that decodes (and checks) JSON data as `tp`, made once per type."""
    dec = _decoders.get(tp)
    if dec is None:
        dec = _decoders[tp] = _make_decoder(tp)
    return dec


def _bad_item(value: list, item) -> _Bad:
    """The fault of the first bad item of a list, its index added to the path."""
    for i, v in enumerate(value):
        try:
            item(v)
        except _Bad as bad:
            bad.parts.append(f"[{i}]")
            return bad
    return _Bad("a bad item")  # pragma: no cover - only called after an item failed


def _make_decoder(tp: Any):
    origin = get_origin(tp)
    if tp is Any:
        return lambda value: value
    if origin in (Union, types.UnionType):
        return _union(get_args(tp))
    if tp is Hex:
        return _hex
    if origin is list:
        (it,) = get_args(tp)

        def list_(value):
            if not isinstance(value, list):
                raise _Bad("expected a list")
            item = _decoder(it)
            try:
                return [item(v) for v in value]
            except _Bad:
                raise _bad_item(value, item) from None
        return list_
    if origin is tuple:
        return _tuple(get_args(tp))
    if origin is dict or tp is dict:
        vt = get_args(tp)[1] if origin is dict else Any

        def dict_(value):
            if not isinstance(value, dict):
                raise _Bad("expected an object")
            item = _decoder(vt)
            try:
                return {k: item(v) for k, v in value.items()}
            except _Bad:
                for k, v in value.items():          # find which entry, for the path
                    try:
                        item(v)
                    except _Bad as bad:
                        bad.parts.append(f".{k}")
                        raise bad from None
                raise
        return dict_
    if dataclasses.is_dataclass(tp):
        return _object(tp)
    if tp in _PLAIN:
        return _PLAIN[tp]
    raise TypeError(f"cannot decode {tp!r}")  # pragma: no cover - programming error


def _union(args):
    nullable = type(None) in args
    others = [a for a in args if a is not type(None)]

    def union(value):
        if value is None and nullable:
            return None
        last = None
        for a in others:
            try:
                return _decoder(a)(value)
            except _Bad as bad:
                last = bad
        raise last or _Bad("unexpected null")
    return union


def _hex(value):
    if (type(value) is not list or len(value) != 2 or type(value[0]) is not int
            or type(value[1]) is not int):
        if (not isinstance(value, list) or len(value) != 2 or not all(
                isinstance(v, int) and not isinstance(v, bool) for v in value)):
            raise _Bad("expected a hex [q, r]")
    return Hex(value[0], value[1])


def _tuple(args):
    if len(args) == 2 and args[1] is Ellipsis:           # tuple[X, ...]: any length
        def tuple_(value):
            if not isinstance(value, list):
                raise _Bad("expected a list")
            item = _decoder(args[0])
            try:
                return tuple([item(v) for v in value])
            except _Bad:
                raise _bad_item(value, item) from None
        return tuple_

    def fixed(value):                                    # tuple[A, B, C]: that many
        if not isinstance(value, list) or len(value) != len(args):
            raise _Bad(f"expected a list of {len(args)}")
        out = []
        for i, (a, v) in enumerate(zip(args, value)):
            try:
                out.append(_decoder(a)(v))
            except _Bad as bad:
                bad.parts.append(f"[{i}]")
                raise
        return tuple(out)
    return fixed


def _object(tp):
    fields: list[tuple[str, str, Any, bool]] | None = None     # name, key, decoder, required

    def object_(value):
        nonlocal fields
        if not isinstance(value, dict):
            raise _Bad(f"expected an object ({tp.__name__})")
        if fields is None:          # made at first use: the hints may name later classes
            hints = _hints(tp)
            fields = [(f.name, key_of(f), _decoder(hints[f.name]),
                       f.default is dataclasses.MISSING
                       and f.default_factory is dataclasses.MISSING)
                      for f in dataclasses.fields(tp) if f.metadata.get("saved", True)]
        kwargs = {}
        for name, key, dec, required in fields:
            if key not in value:
                if required:
                    raise _Bad("missing", f".{key}")
                continue
            try:
                kwargs[name] = dec(value[key])
            except _Bad as bad:
                bad.parts.append(f".{key}")
                raise
        return tp(**kwargs)
    return object_


def _bool(value):
    if not isinstance(value, bool):
        raise _Bad("expected true or false")
    return value


def _int(value):
    if type(value) is not int and (isinstance(value, bool) or not isinstance(value, int)):
        raise _Bad("expected a whole number")
    return value


def _str(value):
    if not isinstance(value, str):
        raise _Bad("expected text")
    return value


_PLAIN = {bool: _bool, int: _int, str: _str}
