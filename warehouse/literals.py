"""Values written into a statement's text as SQL literals, instead of bound as parameters.

DuckDB's Python client imports pandas (and with it numpy and pyarrow: about 0.4 s of CPU) the first
time it binds any parameter other than None, to tell pandas' missing values apart. The statements of
a run that reads no file carry their few values as literals made here, so such a run imports none of
them. Every literal has the type DuckDB gives the bound value: str -> VARCHAR, int -> INTEGER or
BIGINT, float -> DOUBLE, datetime -> TIMESTAMP, date -> DATE, bool -> BOOLEAN, None -> NULL.

Many values at once (a column of thousands) are one string split in SQL (`text_list`, `int_list`):
a list literal of that many elements costs DuckDB's parser several times as much. Columns of many values
are cheaper still as a file the statement reads (`values_table`): DuckDB's parser takes about 20 ns per
byte of a literal (a 20,000-path literal of 0.9 MB: 19 ms to parse, 60-100 ms for a statement that
sends a run's paths), its file reader a tenth of that.
"""
from __future__ import annotations

import math
import os
import tempfile
from contextlib import contextmanager
from datetime import date, datetime
from typing import Iterator, Sequence

# Joins the values of a text list; a list with a value that holds it goes hex-encoded instead.
SEPARATOR = "\x1f"
# Between the columns of a values file (values_table).
COLUMN_SEPARATOR = "\x1e"


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
    packed, hexed = _packed_texts(values)
    if not hexed:
        return f"string_split({literal(packed)}, {literal(SEPARATOR)})"
    return f"list_transform(string_split('{packed}', ','), x -> decode(unhex(x)))"


def int_list(values: Sequence[int | None]) -> str:
    """A SQL expression of type BIGINT[] holding `values` (None as NULL) in order."""
    if not values:
        return "[]::BIGINT[]"
    return f"list_transform(string_split('{_packed_ints(values)}', ','), x -> nullif(x, '')::BIGINT)"


def _packed_texts(values: Sequence[str], also_not: str = "") -> tuple[str, bool]:
    """The texts joined by SEPARATOR, or, when one holds it, a NUL or a character of `also_not`, each
    UTF-8 hex-encoded and joined by ','; and whether they were hex-encoded."""
    joined = SEPARATOR.join(values)
    if joined.count(SEPARATOR) == len(values) - 1 and "\0" not in joined and not any(c in joined for c in also_not):
        return joined, False
    return ",".join(value.encode("utf-8").hex() for value in values), True


def _packed_ints(values: Sequence[int | None]) -> str:
    """The numbers joined by ',', None as an empty field."""
    if None not in values:
        return ",".join(map(str, map(int, values)))
    return ",".join("" if value is None else str(int(value)) for value in values)


@contextmanager
def values_table(texts: dict[str, Sequence[str]], ints: dict[str, Sequence[int | None]]) -> Iterator[str]:
    """A SQL table expression with one row per position of the columns (all of one length): the `texts` as
    VARCHAR, the `ints` as BIGINT (None as NULL), named as given. Their values are written to a temporary
    file that the statement reads (`read_text`), removed when the block ends; where no such file can be
    written or read back as written (no values, a text that is not UTF-8, a temporary folder whose name
    DuckDB would read as a pattern), they are in the statement, as `text_list` and `int_list` give them."""
    lengths = {len(values) for values in (*texts.values(), *ints.values())}
    if len(lengths) > 1:
        raise ValueError(f"columns of different lengths: {sorted(lengths)}")
    parts, lists, columns = [], [], []
    for name, values in texts.items():
        packed, hexed = _packed_texts(values, also_not=COLUMN_SEPARATOR)
        separator = "','" if hexed else literal(SEPARATOR)
        lists.append(f"unnest(string_split(c[{len(parts) + 1}], {separator})) AS {name}")
        columns.append(f"decode(unhex({name})) AS {name}" if hexed else name)
        parts.append(packed)
    for name, values in ints.items():
        lists.append(f"unnest(string_split(c[{len(parts) + 1}], ',')) AS {name}")
        columns.append(f"nullif({name}, '')::BIGINT AS {name}")
        parts.append(_packed_ints(values))
    path = _values_file(COLUMN_SEPARATOR.join(parts)) if lengths and lengths != {0} else None
    if path is None:
        yield _inline_table(texts, ints)
        return
    try:
        yield (f"(SELECT {', '.join(columns)} FROM (SELECT {', '.join(lists)} FROM (SELECT string_split(content, "
               f"{literal(COLUMN_SEPARATOR)}) AS c FROM read_text({literal(path)}))))")
    finally:
        os.unlink(path)


def _values_file(content: str) -> str | None:
    """The path of a new temporary file holding `content` as UTF-8; None where there can be none."""
    try:
        data = content.encode("utf-8")
    except UnicodeEncodeError:  # a file name that is not UTF-8 (surrogate escapes)
        return None
    try:
        fd, path = tempfile.mkstemp(prefix="trialqc-", suffix=".values")
    except OSError:
        return None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except OSError:
        os.unlink(path)
        return None
    if any(char in path for char in "*?[{'"):  # read_text would take the name for a pattern
        os.unlink(path)
        return None
    return path


def _inline_table(texts: dict[str, Sequence[str]], ints: dict[str, Sequence[int | None]]) -> str:
    columns = [f"unnest({text_list(values)}) AS {name}" for name, values in texts.items()]
    columns += [f"unnest({int_list(values)}) AS {name}" for name, values in ints.items()]
    return f"(SELECT {', '.join(columns)})"
