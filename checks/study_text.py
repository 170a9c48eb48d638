"""Read the scoped studies' rows and free text in batch (one query per table) and quote it."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import repeat
from typing import Iterable

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from checks.rule import CheckScope
# Which sentences speak of this study: kept beside the texts they judge, for the rules that read them.
from checks.study_context import (  # noqa: F401
    CONTEXT_WORDS, OTHER_STUDY, SELF_REFERENCE, about_this_study, folded_text, folded_words_pattern, may_match,
    other_study,
)

# Text that states what this study is (not narrative that may describe other studies).
DESIGN_FIELDS = (
    "studies.official_title", "studies.brief_title", "designs.intervention_model_description",
    "designs.masking_description", "design_groups.title", "design_groups.description",
    "interventions.description",
)
# Narrative that often cites earlier trials: only sentences about this study count.
NARRATIVE_FIELDS = ("brief_summaries.description", "detailed_descriptions.description")
EXCERPT_WIDTH = 60
# How a person names each text field in a message.
FIELD_LABELS = {
    "studies.official_title": "official title", "studies.brief_title": "brief title",
    "designs.intervention_model_description": "design description",
    "designs.masking_description": "masking description", "design_groups.title": "arm title",
    "design_groups.description": "arm description", "interventions.description": "intervention description",
    "interventions.name": "intervention name", "brief_summaries.description": "brief summary",
    "detailed_descriptions.description": "detailed description",
    "design_outcomes.measure": "outcome measure", "design_outcomes.description": "outcome description",
}


# Where the reads of a scope are written as they are made, when its rules run in other processes
# (checks/shared_reads.py `SharedReads`): the cache entry of an object whose `write(table, read)` writes the
# record batches of `read()` to the file shared with the workers and gives them back mapped from it, so
# the run's process never holds a read's rows in its own memory (at most one batch of them at a time).
READS_SINK = ("reads sink",)
# Rows per record batch of a read written to the shared file: bounds what the run's process holds at once.
READ_BATCH_ROWS = 10_000


class _once:
    """A property computed on first use and then kept in the instance (cheaper than cached_property's lock)."""

    def __init__(self, compute):
        self.compute, self.name, self.__doc__ = compute, compute.__name__, compute.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


@dataclass(frozen=True)
class StudyText:
    """One piece of a study's free text and the `table.column` it came from."""

    field: str
    text: str

    @_once
    def lowered(self) -> str:
        """The text in lower case, for cheap word tests before a pattern search."""
        return self.text.lower()

    @_once
    def memo(self) -> dict:
        """What rules found in this text, by what they looked for: several rules ask the same."""
        return {}

    @property
    def label(self) -> str:
        """How a person names this field: 'arm description'."""
        return FIELD_LABELS.get(self.field, self.field)

    @property
    def narrative(self) -> bool:
        """True for summaries and descriptions, which also describe other studies."""
        return self.field in NARRATIVE_FIELDS


def _scoped_table(con: duckdb.DuckDBPyConnection, scope: CheckScope, table: str,
                  columns: tuple[str, ...]) -> pa.Table:
    """Rows (nct_id, *columns) of one table for every study in check_scope, as Arrow, in one query.

    Read once in the run's process; a worker inherits the Arrow buffers untouched and turns only
    its own studies' rows into Python objects. Each column of a table is read once per scope,
    whichever column lists ask for it: every read of a table has the same rows in the same order.
    """
    return scope.shared(("arrow", table, columns), lambda: _read_columns(con, scope, table, columns))


def _read_columns(con: duckdb.DuckDBPyConnection, scope: CheckScope, table: str,
                  columns: tuple[str, ...]) -> pa.Table:
    read: dict[str, pa.ChunkedArray] = scope.shared(("arrow columns", table), dict)
    missing = [c for c in dict.fromkeys(("nct_id",) + columns) if c not in read]
    if missing:
        cols = ", ".join(f"t.{c}" for c in missing)
        query = f"SELECT {cols} FROM {table} t JOIN check_scope s USING (nct_id) ORDER BY t.rowid"
        sink = scope.cache.get(READS_SINK)
        if sink is not None:
            rows = sink.write(table, lambda: con.execute(query).to_arrow_reader(READ_BATCH_ROWS))
        else:
            rows = con.execute(query).to_arrow_table()
        read.update(zip(missing, rows.columns))
    return pa.table([read["nct_id"]] + [read[c] for c in columns], names=["nct_id", *columns])


def _columns_of_part(rows: pa.Table, scope: CheckScope) -> list[list]:
    """The rows' columns as Python lists, only the rows of the studies in scope.nct_ids."""
    ids = scope.shared(("id array", scope.nct_ids), lambda: pa.array(list(scope.nct_ids), pa.string()))
    keep = pc.is_in(rows.column(0), value_set=ids)
    rows = rows.filter(keep)
    return [column.to_pylist() for column in rows.columns]


def scoped_rows(con: duckdb.DuckDBPyConnection, scope: CheckScope, table: str,
                columns: Iterable[str]) -> list[tuple]:
    """Rows (nct_id, *columns) of one table for the studies of `scope.nct_ids`, in table order (shared by rules)."""
    columns = tuple(columns)
    rows = _scoped_table(con, scope, table, columns)
    return scope.shared(("rows", table, columns, scope.nct_ids),
                        lambda: list(zip(*_columns_of_part(rows, scope))))


def rows_by_study(con: duckdb.DuckDBPyConnection, scope: CheckScope, table: str,
                  columns: Iterable[str]) -> dict[str, list[tuple]]:
    """Scoped rows of one table grouped by nct_id (the nct_id is dropped from each row).

    Only the studies of `scope.nct_ids` are returned: a worker given part of the scope sees its part.
    """
    columns = tuple(columns)
    rows = _scoped_table(con, scope, table, columns)
    return scope.shared(("grouped", table, columns, scope.nct_ids), lambda: _group(_columns_of_part(rows, scope)))


def studies_with(con: duckdb.DuckDBPyConnection, scope: CheckScope, table: str, column: str,
                 values: tuple[str, ...]) -> frozenset[str]:
    """The scoped studies with a row of `table` whose `column` is one of `values` (shared by rules), found in
    Arrow: no row becomes a Python object."""
    rows = _scoped_table(con, scope, table, (column,))
    key = ("studies with", table, column, values, scope.nct_ids)

    def found() -> frozenset[str]:
        hit = pc.fill_null(pc.is_in(rows.column(1), value_set=pa.array(values, rows.schema.types[1])), False)
        return frozenset(pc.unique(rows.column(0).filter(hit)).to_pylist())
    return scope.shared(key, found)


def rows_by_study_matching(con: duckdb.DuckDBPyConnection, scope: CheckScope, table: str, columns: Iterable[str],
                           pattern: str) -> dict[str, list[tuple]]:
    """What `rows_by_study` gives, only for the studies with a row where Arrow finds `pattern` (RE2) in one of the
    columns (shared by rules): the other studies' rows never become Python objects."""
    columns = tuple(columns)
    rows = _scoped_table(con, scope, table, columns)
    key = ("grouped matching", table, columns, pattern, scope.nct_ids)
    return scope.shared(key, lambda: _group(_columns_of_matching(rows, scope, pattern)))


def _columns_of_matching(rows: pa.Table, scope: CheckScope, pattern: str) -> list[list]:
    """The rows' columns as Python lists, only the rows of the studies of scope.nct_ids with a row that matches."""
    ids = scope.shared(("id array", scope.nct_ids), lambda: pa.array(list(scope.nct_ids), pa.string()))
    rows = rows.filter(pc.is_in(rows.column(0), value_set=ids))
    hit = None
    for column in rows.columns[1:]:
        found = pc.fill_null(pc.match_substring_regex(column, pattern), False)
        hit = found if hit is None else pc.or_(hit, found)
    if hit is None:
        return [[] for _ in rows.columns]
    matched = pc.unique(rows.column(0).filter(hit))
    rows = rows.filter(pc.is_in(rows.column(0), value_set=matched))
    return [column.to_pylist() for column in rows.columns]


def _group(columns: list[list]) -> dict[str, list[tuple]]:
    grouped: dict[str, list[tuple]] = {}
    for nct_id, values in zip(columns[0], zip(*columns[1:])):
        found = grouped.get(nct_id)
        if found is None:
            grouped[nct_id] = [values]
        else:
            found.append(values)
    return grouped


def texts_by_study(con: duckdb.DuckDBPyConnection, scope: CheckScope,
                   fields: Iterable[str]) -> dict[str, list[StudyText]]:
    """Non-empty text of the given `table.column` fields for each study of `scope.nct_ids` (shared by rules).

    A study's texts come table by table (in the order the fields name them), row by row, column by
    column. The texts of one table read are shared with every other field list that reads it alike.
    """
    fields = tuple(fields)
    by_table: dict[str, list[str]] = defaultdict(list)
    for name in fields:
        table, column = name.split(".")
        by_table[table].append(column)
    parts = [_table_texts(con, scope, table, tuple(columns)) for table, columns in by_table.items()]
    return scope.shared(("texts", fields, scope.nct_ids), lambda: _joined(parts))


def texts_mentioning(con: duckdb.DuckDBPyConnection, scope: CheckScope, fields: Iterable[str],
                      words: tuple[str, ...]) -> dict[str, list[StudyText]]:
    """What `texts_by_study(con, scope, fields)` gives, but only the texts whose folded form (`folded_text`) holds
    one of `words` (lower-case ASCII letters) (shared by rules).

    For rules whose every match holds one of the words once folded (a pattern's needles, checks/design_text.py):
    they find in these texts what they find in all of them. Most texts hold none of the words; they are screened
    in Arrow, column by column, and never become Python strings.
    """
    fields = tuple(fields)
    by_table: dict[str, list[str]] = defaultdict(list)
    for name in fields:
        table, column = name.split(".")
        by_table[table].append(column)
    parts = [_table_texts_mentioning(con, scope, table, tuple(columns), words) for table, columns in by_table.items()]
    return scope.shared(("texts mentioning", fields, words, scope.nct_ids), lambda: _joined(parts))


def _table_texts_mentioning(con: duckdb.DuckDBPyConnection, scope: CheckScope, table: str,
                            columns: tuple[str, ...], words: tuple[str, ...]) -> dict[str, list[StudyText]]:
    rows = _scoped_table(con, scope, table, columns)
    key = ("table texts mentioning", table, columns, words, scope.nct_ids)
    return scope.shared(key, lambda: _read_texts_mentioning(table, columns, rows, scope, words))


def _read_texts_mentioning(table: str, columns: tuple[str, ...], rows: pa.Table, scope: CheckScope,
                           words: tuple[str, ...]) -> dict[str, list[StudyText]]:
    """`_read_texts` of the texts that hold one of the words once folded: found by Arrow, which looks for each
    letter as the class of every character folded to it (`folded_words_pattern`)."""
    if not all(pa.types.is_string(t) or pa.types.is_large_string(t) for t in rows.schema.types[1:]):
        key = ("table texts", table, columns, scope.nct_ids)
        texts = scope.shared(key, lambda: _read_texts(table, columns, rows, scope))
        return {n: kept for n, found in texts.items() if (kept := [t for t in found if _holds(t.text, words)])}
    # The part's rows are copied first: the screen (the costly step) then reads only their texts.
    ids = scope.shared(("id array", scope.nct_ids), lambda: pa.array(list(scope.nct_ids), pa.string()))
    rows = rows.filter(pc.is_in(rows.column(0), value_set=ids))
    pattern = folded_words_pattern(words)
    masks = [pc.fill_null(pc.match_substring_regex(column, pattern), False) for column in rows.columns[1:]]
    if not masks:
        return {}
    any_kept = masks[0]
    for mask in masks[1:]:
        any_kept = pc.or_(any_kept, mask)
    screened = [column.filter(any_kept) if len(masks) == 1 else
                pc.if_else(mask.filter(any_kept), column.filter(any_kept), pa.scalar(None, column.type))
                for mask, column in zip(masks, rows.columns[1:])]
    kept = pa.table([rows.column(0).filter(any_kept), *screened], names=["nct_id", *columns])
    names = [f"{table}.{column}" for column in columns]
    ids, *values = [column.to_pylist() for column in kept.columns]
    return _by_study((nct_id, name, value) for nct_id, row in zip(ids, zip(*values))
                     for name, value in zip(names, row) if value is not None)


def _holds(text: str, words: tuple[str, ...]) -> bool:
    """Whether the text's folded form holds one of the words."""
    folded = folded_text(text)
    return any(word in folded for word in words)


def texts_of_studies(con: duckdb.DuckDBPyConnection, scope: CheckScope, fields: Iterable[str],
                     nct_ids: Iterable[str]) -> dict[str, list[str]]:
    """What `texts_by_study(con, scope, fields)` gives for each of `nct_ids` (of the scope), as strings: a table's
    texts already made for the scope are taken from there, any other table's rows are read for these
    studies only (a rule that needs some studies' texts does not make every study's).

    Every table is read from the warehouse (as `texts_by_study` does) even when no study is asked for, so
    the run's process makes the reads for a worker that asks.
    """
    wanted = [n for n in dict.fromkeys(nct_ids) if n in scope.nct_ids]
    by_table: dict[str, list[str]] = defaultdict(list)
    for name in fields:
        table, column = name.split(".")
        by_table[table].append(column)
    parts = []
    for table, columns in by_table.items():
        rows = _scoped_table(con, scope, table, tuple(columns))
        made = scope.cache.get(("table texts", table, tuple(columns), scope.nct_ids))
        if made is not None:
            parts.append({n: [t.text for t in made[n]] for n in wanted if n in made})
        else:
            parts.append(_texts_of_rows(rows, wanted))
    texts: dict[str, list[str]] = {}
    for nct_id in wanted:
        found = [text for part in parts for text in part.get(nct_id, ())]
        if found:
            texts[nct_id] = found
    return texts


def _texts_of_rows(rows: pa.Table, nct_ids: list[str]) -> dict[str, list[str]]:
    """Each of the studies' non-empty texts of the rows (nct_id, *columns), row by row, column by column."""
    if not nct_ids:
        return {}
    keep = pc.is_in(rows.column(0), value_set=pa.array(nct_ids, pa.string()))
    ids, *values = [column.to_pylist() for column in rows.filter(keep).columns]
    texts: dict[str, list[str]] = {}
    for nct_id, row in zip(ids, zip(*values)):
        for value in row:
            if value and isinstance(value, str) and not value.isspace():
                texts.setdefault(nct_id, []).append(value)
    return texts


def _table_texts(con: duckdb.DuckDBPyConnection, scope: CheckScope, table: str,
                 columns: tuple[str, ...]) -> dict[str, list[StudyText]]:
    rows = _scoped_table(con, scope, table, columns)
    key = ("table texts", table, columns, scope.nct_ids)
    return scope.shared(key, lambda: _read_texts(table, columns, rows, scope))


def _read_texts(table: str, columns: tuple[str, ...], rows: pa.Table, scope: CheckScope) -> dict[str, list[StudyText]]:
    """Each study's non-empty texts of the table's columns, row by row, column by column.

    A value is text when it is a string with a character that is not white space: `not value.isspace()` on
    a non-empty string says what `value.strip()` does (the same white space), without copying the string.
    """
    names = [f"{table}.{column}" for column in columns]
    ids, *values = _columns_of_part(rows, scope)
    if len(values) == 1:  # one column: no row to take apart
        cells = zip(ids, repeat(names[0]), values[0])
    else:
        cells = ((nct_id, name, value) for nct_id, row in zip(ids, zip(*values)) for name, value in zip(names, row))
    return _by_study(cell for cell in cells if (value := cell[2]) and isinstance(value, str) and not value.isspace())


def _by_study(cells: Iterable[tuple[str, str, str]]) -> dict[str, list[StudyText]]:
    """The (nct_id, column name, text) cells gathered by study, in their order."""
    texts: dict[str, list[StudyText]] = {}
    for nct_id, name, value in cells:
        found = texts.get(nct_id)
        if found is None:
            texts[nct_id] = [StudyText(name, value)]
        else:
            found.append(StudyText(name, value))
    return texts


def _joined(parts: list[dict[str, list[StudyText]]]) -> dict[str, list[StudyText]]:
    """Each study's texts of every table read, in the order of the reads."""
    texts: dict[str, list[StudyText]] = {}
    for part in parts:
        for nct_id, found in part.items():
            known = texts.get(nct_id)
            if known is None:
                texts[nct_id] = list(found)
            else:
                known.extend(found)
    return texts


_SPACES = re.compile(r"\s+")


def excerpt(text: str, start: int, end: int, width: int = EXCERPT_WIDTH) -> str:
    """The matched span with up to `width` characters either side, on one line."""
    left, right = max(0, start - width), min(len(text), end + width)
    snippet = _SPACES.sub(" ", text[left:right]).strip()
    return ("..." if left else "") + snippet + ("..." if right < len(text) else "")


def quote(field: str, text: str, start: int, end: int) -> str:
    """Evidence for one side of a contradiction: `table.column: '...excerpt...'`."""
    return f"{field}: '{excerpt(text, start, end)}'"
