"""A parsed batch's rows gathered per study table, column by column, with the record position of each row.

Structural faults (no or several `studies` rows, an unknown table or column) and the cells a parser
refused are found here, and listed in the order of the records, tables, rows and columns they sit in.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter, methodcaller

import numpy as np
import pandas as pd

from flows.parse_batch import ParsedBatch
from flows.parsers.model import ColumnRows, Refused
from flows.table_frames import COLUMNS, TEXT_COLUMNS, text_column, text_run, typed_column, typed_frame
from warehouse.tables import STUDY_TABLES

# Columns the record fills (its NCT id; the studies row's input file), not the parser's row.
FROM_RECORD = {table: ("nct_id", "source_layout", "source_sha256") if table == "studies" else ("nct_id",)
               for table in STUDY_TABLES}
_FROM_ROWS = {table: [c for c in COLUMNS[table] if c not in FROM_RECORD[table]] for table in STUDY_TABLES}
_ROW_KEYS = {table: frozenset(columns) for table, columns in _FROM_ROWS.items()}
_TEXT_COLUMNS = {table: [c for c in columns if c in TEXT_COLUMNS[table]] for table, columns in _FROM_ROWS.items()}
# Rows whose text Arrow reads at a time (`_in_runs`): fewest CPU seconds at 500 to 2,000, on batches of 2,000 studies.
_RUN_ROWS = 1000


class TableRows:
    """One table's rows in record order; `plain` is False when a row sets a column the record fills.

    Once a part of the table comes as columns (ColumnRows), the parts are kept as they came, runs of row dicts
    and columns, so that `shared` takes each column from them without making a dict of a row that came as
    columns; `rows` makes those dicts only when asked for."""

    def __init__(self, rows: list[dict] | None = None, positions: list[int] | None = None, plain: bool = True):
        self._rows = [] if rows is None else rows
        self.positions = [] if positions is None else positions
        self.plain = plain
        self._parts: list[list[dict] | ColumnRows] = []  # once a part came as columns: every part, in order

    @property
    def rows(self) -> list[dict]:
        """The rows as dicts, those of the records (made now for parts that came as columns)."""
        if self._parts:
            self._rows = [row for part in self._parts for row in part]
            self._parts = []
        return self._rows

    def add(self, rows: list[dict] | ColumnRows, pos: int) -> None:
        """Append one record's rows of this table."""
        count = len(rows)
        if not count:
            return
        if not self._parts:
            if type(rows) is not ColumnRows or rows.columns is None:
                self._rows += rows
                self.positions += [pos] * count
                return
            if self._rows:
                self._parts.append(self._rows)  # a run of row dicts, this table's own list
                self._rows = []
        if type(rows) is ColumnRows and rows.columns is not None:
            self._parts.append(rows)
        elif type(self._parts[-1]) is list:
            self._parts[-1] += rows
        else:
            self._parts.append(list(rows))  # a new run of row dicts
        self.positions += [pos] * count

    def shared(self) -> dict[str, list] | None:
        """`shared_columns` of the rows (new lists), taken from the parts as they came."""
        return _shared_of_parts(self._parts) if self._parts else shared_columns(self._rows)

    def shared_runs(self, size: int) -> Iterator[tuple[int, dict[str, list] | None]]:
        """`shared` of about `size` rows at a time, in order, as (row count, columns): the parts as they came, a
        long run of row dicts cut. A run whose rows do not share the first run's keys comes as None, and ends."""
        keys = None
        for run in self._runs(size):
            columns = _shared_of_parts(run)
            if columns is None or (keys is not None and columns.keys() != keys):
                yield sum(map(len, run)), None
                return
            keys = keys if keys is not None else set(columns)
            yield sum(map(len, run)), columns

    def _runs(self, size: int) -> Iterator[list[list[dict] | ColumnRows]]:
        """The parts (the row dicts, when none came as columns) in runs of at least `size` rows but the last."""
        run: list[list[dict] | ColumnRows] = []
        count = 0
        for part in self._parts or [self._rows]:
            if type(part) is list and len(part) > size:
                if run:
                    yield run
                    run, count = [], 0
                for start in range(0, len(part), size):
                    yield [part[start:start + size]]
                continue
            run.append(part)
            count += len(part)
            if count >= size:
                yield run
                run, count = [], 0
        if run:
            yield run

    def column(self, name: str) -> list:
        """One column's values in row order, None where a row lacks it (a new list), from the parts as they came."""
        if not self._parts:
            return [row.get(name) for row in self._rows]
        values: list = []
        for part in self._parts:
            given = part.columns if type(part) is ColumnRows else None
            if given is None:
                values += [row.get(name) for row in part]
            else:
                values += given[name] if name in given else [None] * len(part)
        return values


def _shared_of_parts(parts: list[list[dict] | ColumnRows]) -> dict[str, list] | None:
    """`shared_columns` of the rows of the parts (new lists), each part taken as it came."""
    columns: dict[str, list] | None = None
    for part in parts:
        held = part.columns if type(part) is ColumnRows else None
        given = shared_columns(part if type(part) is list else part.rows) if held is None else held
        if given is None or (columns is not None and columns.keys() != given.keys()):
            return None
        if columns is None:  # a part's own columns are copied, shared_columns' are new lists already
            columns = {name: list(values) for name, values in given.items()} if held is not None else given
        else:
            for name, into in columns.items():
                into += given[name]
    return columns


@dataclass
class RefusedCell:
    """A cell a parser refused: the row (index in its TableRows), the column and the parser's Refused."""

    row: int
    column: str
    value: Refused


@dataclass
class BatchTables:
    """Every table's rows, its frame in the model's dtypes when its values allow, the refused cells,
    and the structural faults per record position."""

    tables: dict[str, TableRows]
    faults: dict[int, list[str]]
    typed: dict[str, pd.DataFrame | None] = field(default_factory=dict)
    refused: dict[str, list[RefusedCell]] = field(default_factory=dict)


def gather(batch: ParsedBatch) -> BatchTables:
    """Rows per table with the record position of each, the structural faults, the typed frames."""
    tables = {table: TableRows() for table in STUDY_TABLES}
    found: list[tuple[tuple[int, int, int], str]] = []  # ((position, table's rank, row's rank), fault)
    for pos, sourced in enumerate(batch.records):
        record_tables = sourced.record.tables
        if len(record_tables.get("studies", ())) != 1:
            found.append(((pos, -1, 0), "record must have exactly one studies row"))
        for rank, (table, table_rows) in enumerate(record_tables.items()):
            into = tables.get(table)
            if into is None:
                found.append(((pos, rank, 0), f"unknown table {table!r}"))
                continue
            if type(table_rows) is list and not into._parts:  # the usual case at once (this module owns TableRows)
                into._rows += table_rows
                into.positions += [pos] * len(table_rows)
            else:
                into.add(table_rows, pos)
    gathered = BatchTables(tables, {})
    by_record = _by_record(batch)
    for table, rows in tables.items():
        arrays, values = _in_runs(table, rows)
        if values is None:
            shared = rows.shared()
            if not _ROW_KEYS[table].issuperset(shared if shared is not None else chain.from_iterable(rows.rows)):
                rows.plain = _odd_rows(batch, table, rows, found)
            values = _values(table, rows, shared)
        arrays, gathered.refused[table] = _columns(by_record, table, rows, values, arrays)
        gathered.typed[table] = typed_frame(table, arrays) if rows.plain else None
    for (pos, _, _), fault in sorted(found, key=lambda f: f[0]):
        gathered.faults.setdefault(pos, []).append(fault)
    return gathered


def shared_columns(rows: list[dict]) -> dict[str, list] | None:
    """Each key's values, by key in the first row's order, when every row has the same keys (the rows of one
    parser usually do; their order may differ, as each row is read by key); None when the keys differ."""
    first = list(rows[0]) if rows else []
    count = len(first)
    if sum(map(len, rows)) != count * len(rows):
        return None
    if not count:
        return {}
    try:  # every row has each of the first row's keys, and (by the count) no other
        if count == 1:
            return {first[0]: list(map(itemgetter(first[0]), rows))}
        flat = list(chain.from_iterable(map(itemgetter(*first), rows)))
    except KeyError:
        return None
    return {key: flat[i::count] for i, key in enumerate(first)}


def _rank(batch: ParsedBatch, table: str, rows: TableRows, i: int) -> tuple[int, int, int]:
    """Where row i sits: its record's position, the table's rank in the record, the row's rank in the table."""
    pos = rows.positions[i]
    return pos, list(batch.records[pos].record.tables).index(table), i - bisect_left(rows.positions, pos)


def _odd_rows(batch: ParsedBatch, table: str, rows: TableRows, found: list) -> bool:
    """Report unknown columns; False when a row sets a column the record fills."""
    plain = True
    for i, row in enumerate(rows.rows):
        extra = set(row) - set(COLUMNS[table])
        if extra:
            found.append((_rank(batch, table, rows, i), f"unknown columns {sorted(extra)} in {table}"))
        plain = plain and not any(column in row for column in FROM_RECORD[table])
    return plain


def _values(table: str, rows: TableRows, shared: dict[str, list] | None) -> dict[str, list]:
    """Each column's values as the rows give them (None where a row lacks the column); `shared` is
    `shared_columns` of the rows (None when they do not share their keys: each row is then asked for each)."""
    names, count = (_FROM_ROWS if rows.plain else COLUMNS)[table], len(rows.positions)
    if count and shared is not None:
        return {name: shared[name] if name in shared else [None] * count for name in names}
    return {name: list(map(methodcaller("get", name), rows.rows)) for name in names}


def _by_record(batch: ParsedBatch) -> dict[str, tuple[list, object]]:
    """Per column a record fills (its NCT id; the studies row's input file): the values by record position,
    and the same as a text array when they are all text (a table's column is then taken from it)."""
    records = batch.records
    values = {"nct_id": [sourced.record.nct_id for sourced in records],
              "source_layout": [sourced.file.layout for sourced in records],
              "source_sha256": [sourced.file.sha256 for sourced in records]}
    # Every model types these columns alike (text), so the studies model's array serves every table.
    return {name: (given, typed_column("studies", name, given)) for name, given in values.items()}


def _record_arrays(table: str, rows: TableRows, by_record: dict[str, tuple[list, object]]) -> dict[str, object]:
    """The columns the record fills, per row, in the model's dtype (None where the values need coercion)."""
    arrays, at = {}, np.array(rows.positions, dtype=np.int64)
    for name in FROM_RECORD[table]:
        given, typed = by_record[name]
        if typed is not None and name in TEXT_COLUMNS[table]:
            arrays[name] = typed.take(at)
        else:
            arrays[name] = typed_column(table, name, list(map(given.__getitem__, rows.positions)))
    return arrays


def _in_runs(table: str, rows: TableRows) -> tuple[dict[str, object], dict[str, list] | None]:
    """The text columns typed (flows.table_frames.text_column) and every other column's values, read `_RUN_ROWS`
    rows at a time: Arrow reads a run's text while its values, just gathered, are still in the processor's caches,
    where a whole table's columns gathered at once are not (gathering took about a sixth longer so). A text column
    with any value but text and None is left out of the arrays and comes with its values. The values are None
    when the rows do not share their keys, or set a column the record fills or the table lacks: the caller then
    reads the table whole."""
    if not rows.positions:
        return {}, None
    texts = _TEXT_COLUMNS[table]
    runs: dict[str, list | None] = {name: [] for name in texts}
    values: dict[str, list] = {name: [] for name in _FROM_ROWS[table] if name not in runs}
    for count, shared in rows.shared_runs(_RUN_ROWS):
        if shared is None or not _ROW_KEYS[table].issuperset(shared):
            return {}, None
        for name, into in runs.items():
            if into is not None:
                runs[name] = text_run(shared[name] if name in shared else [None] * count, into)
        for name, into in values.items():
            into += shared[name] if name in shared else [None] * count
    arrays = {}
    for name, into in runs.items():
        if into is None:
            values[name] = rows.column(name)
        else:
            arrays[name] = text_column(table, name, into)
    return arrays, values


def _columns(by_record: dict[str, object], table: str, rows: TableRows, given: dict[str, list],
             typed: dict[str, object]) -> tuple[dict[str, object], list[RefusedCell]]:
    """Each column in its model's dtype where its values allow (None otherwise), and the refused cells; `given`
    holds the values of each column (`_values`) but those already `typed`."""
    arrays: dict[str, object] = {}
    refused = []
    for column in (_FROM_ROWS if rows.plain else COLUMNS)[table]:
        if column in typed:
            arrays[column] = typed[column]
            continue
        values = given[column]
        array = typed_column(table, column, values) if rows.plain else None
        if array is None and Refused in set(map(type, values)):
            for i, value in enumerate(values):
                if type(value) is Refused:
                    refused.append(RefusedCell(i, column, value))
                    values[i] = None
            array = typed_column(table, column, values) if rows.plain else None
        arrays[column] = array
    if rows.plain:
        arrays.update(_record_arrays(table, rows, by_record))
    return arrays, refused


def dict_rows(batch: ParsedBatch, table: str, rows: TableRows) -> list[dict]:
    """The table's rows as whole dicts, as the record gives them, refused cells None."""
    out = []
    for row, pos in zip(rows.rows, rows.positions):
        sourced = batch.records[pos]
        full = {"nct_id": sourced.record.nct_id, **row}
        if table == "studies":
            full.update(source_layout=sourced.file.layout, source_sha256=sourced.file.sha256)
        for column, value in row.items():
            if type(value) is Refused:
                full[column] = None
        out.append(full)
    return out


def in_record_order(batch: ParsedBatch, gathered: BatchTables) -> list[tuple[int, str, RefusedCell]]:
    """Every refused cell as (record position, table, cell), in the order the records hold them."""
    keyed = []
    for table, cells in gathered.refused.items():
        rows = gathered.tables[table]
        for cell in cells:
            column_rank = list(rows.rows[cell.row]).index(cell.column)
            keyed.append(((*_rank(batch, table, rows, cell.row), column_rank), table, cell))
    return [(key[0], table, cell) for key, table, cell in sorted(keyed, key=lambda k: k[0])]
