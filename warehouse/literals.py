"""Values written into a statement's text as SQL literals, instead of bound as parameters.

DuckDB's Python client imports pandas (and with it numpy and pyarrow: about 0.4 s of CPU) the first
time it binds any parameter other than None, to tell pandas' missing values apart. The statements of
a run that reads no file carry their few values as literals made here, so such a run imports none of
them. Every literal has the type DuckDB gives the bound value: str -> VARCHAR, int -> INTEGER or
BIGINT, float -> DOUBLE, datetime -> TIMESTAMP, date -> DATE, bool -> BOOLEAN, None -> NULL.

Many values at once (a column of thousands) are one string split in SQL (`text_list`, `int_list`):
a list literal of that many elements costs DuckDB's parser several times as much.
"""
from __future__ import annotations

import math
from datetime import date, datetime
from typing import Sequence

# Joins the values of a text list; a list with a value that holds it goes hex-encoded instead.
SEPARATOR = "\x1f"


def literal(value: object) -> str:
    """`value` as a SQL literal of its type. A text is quoted with every ' doubled (DuckDB reads no other
    escape in '...'); a text with a NUL character, a datetime with a time zone, or another type is refused."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        return repr(value) + "::DOUBLE" if math.isfinite(value) else f"'{value!r}'::DOUBLE"
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            raise ValueError(f"a datetime with a time zone has no TIMESTAMP literal: {value!r}")
        return f"TIMESTAMP '{value.isoformat(sep=' ')}'"
    if isinstance(value, date):
        return f"DATE '{value.isoformat()}'"
    if isinstance(value, str):
        if "\0" in value:
            raise ValueError("a SQL text literal cannot hold a NUL character")
        return "'" + value.replace("'", "''") + "'"
    raise TypeError(f"no SQL literal for {type(value).__name__}")


def text_list(values: Sequence[str]) -> str:
    """A SQL expression of type VARCHAR[] holding `values` in order."""
    if not values:
        return "[]::VARCHAR[]"
    joined = SEPARATOR.join(values)
    if joined.count(SEPARATOR) == len(values) - 1 and "\0" not in joined:
        return f"string_split({literal(joined)}, {literal(SEPARATOR)})"
    packed = ",".join(value.encode("utf-8").hex() for value in values)
    return f"list_transform(string_split('{packed}', ','), x -> decode(unhex(x)))"


def int_list(values: Sequence[int | None]) -> str:
    """A SQL expression of type BIGINT[] holding `values` (None as NULL) in order."""
    if not values:
        return "[]::BIGINT[]"
    packed = ",".join("" if value is None else str(int(value)) for value in values)
    return f"list_transform(string_split('{packed}', ','), x -> nullif(x, '')::BIGINT)"
