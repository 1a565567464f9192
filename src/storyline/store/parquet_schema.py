"""Arrow schemas for storyline's dataclasses, derived from their type hints, and the
conversions both ways, so annotated articles round-trip through Parquet unchanged.

Mapping: int/float/bool/str/bytes/date to the Arrow type of that name, StrEnum to
string, ``X | None`` to a nullable X, ``tuple[X, ...]`` to a list of X, a dataclass
to a struct of its fields, ``dict[str, Any]`` to a JSON string.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date
from enum import Enum
from functools import cache
from typing import Any

import pyarrow as pa

__all__ = ["arrow_schema", "from_row", "to_row"]

_SCALARS: dict[Any, pa.DataType] = {
    int: pa.int64(), float: pa.float64(), bool: pa.bool_(), str: pa.string(),
    bytes: pa.binary(), date: pa.date32(),
}


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _fields(cls: type) -> list[tuple[str, Any]]:
    return [(f.name, _hints(cls)[f.name]) for f in dataclasses.fields(cls)]


def _unwrap_optional(hint: Any) -> tuple[Any, bool]:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return hint, False


def _arrow_type(hint: Any) -> pa.DataType:
    hint, _ = _unwrap_optional(hint)
    if hint in _SCALARS:
        return _SCALARS[hint]
    if isinstance(hint, type) and issubclass(hint, Enum):
        return pa.string()
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return pa.struct([pa.field(n, _arrow_type(h), nullable=_unwrap_optional(h)[1])
                          for n, h in _fields(hint)])
    origin = typing.get_origin(hint)
    if origin is tuple:
        return pa.list_(_arrow_type(typing.get_args(hint)[0]))
    if origin is dict:
        return pa.string()
    raise TypeError(f"no Arrow type for {hint!r}")


@cache
def arrow_schema(cls: type) -> pa.Schema:
    """The Arrow schema of dataclass ``cls``: one column per field."""
    return pa.schema([pa.field(n, _arrow_type(h), nullable=_unwrap_optional(h)[1])
                      for n, h in _fields(cls)])


def to_row(obj: Any) -> dict[str, Any]:
    """A dataclass instance as a row for ``pa.Table.from_pylist``."""
    return {n: _plain(getattr(obj, n), h) for n, h in _fields(type(obj))}


def _plain(value: Any, hint: Any) -> Any:
    hint, _ = _unwrap_optional(hint)
    if value is None:
        return None
    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value):
        return to_row(value)
    origin = typing.get_origin(hint)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return [_plain(v, item) for v in value]
    if origin is dict:
        return json.dumps(value, sort_keys=True, default=str)
    return value


def from_row(cls: type, row: dict[str, Any]) -> Any:
    """The dataclass instance that ``to_row`` turned into ``row``."""
    return cls(**{n: _typed(row[n], h) for n, h in _fields(cls)})


def _typed(value: Any, hint: Any) -> Any:
    hint, _ = _unwrap_optional(hint)
    if value is None:
        return None
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(value)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return from_row(hint, value)
    origin = typing.get_origin(hint)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return tuple(_typed(v, item) for v in value)
    if origin is dict:
        return json.loads(value)
    return value
