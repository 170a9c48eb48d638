"""What every parser returns: study records as rows per warehouse table, plus problems."""
from __future__ import annotations

import re
import threading
from collections.abc import MutableSequence
from dataclasses import dataclass, field

# A ClinicalTrials.gov identifier: match it with NCT_ID.fullmatch (ASCII digits, nothing around).
NCT_ID = re.compile(r"NCT[0-9]{8}")

# The problem reason of a part of a record that could not be read for its type or its shape: an API v2 module given
# as a string, an array of the registry's values holding one API v2 does not know, a legacy XML element that holds
# elements where it should hold text, one given twice where the registry gives it once, an attribute legacy XML does
# not give. Stored in meta.load_problems, where checks.invalid_values selects by it (DDL 211 rewrote the rows stored
# under its former words, which named a wrong type only).
UNREAD_PART = "part of the study is given in another type or shape than the registry's and was not read"

# The problem reason of an item of an array of objects given as an empty object (API v2 armGroups [{}]): the registry
# never writes one, and it gives no value. It is read as AACT reads it (an arm, an intervention, a site of no values:
# a row of NULLs, counted among the study's arms), and noted: not a part of the wrong type, nothing in it unread.
EMPTY_PART = "part of the study is an empty object and gives no value"

# The problem reason of a string of text holding a \uD800-\uDFFF escape without its pair ("\ud800" alone, as a broken
# converter writes it), which names no character: the text is read with U+FFFD in the escape's place, and noted
# (flows.parsers.ctgov_json_v2_unpaired). A coded value so written is refused instead, quoted with the escape.
UNPAIRED_ESCAPE = "a string holds an escape without its pair, read with U+FFFD in its place"

# The problem reason of a value given in another JSON type than API v2's that spells the value meant (a flag given
# as the string "Yes", a count as the string "+12"), or written otherwise than the registry writes it (a date
# 'Jan 2020', a legacy label 'Completed.'): read as what it spells, and loaded. Stored in meta.load_problems, where
# checks.invalid_values selects by it (DDL 210 rewrote the rows stored under its former words, which named
# another type only).
READ_AS_SPELT = "a value given in another type or written otherwise was read as the value it spells"

# The problem reason of an API v2 record that is a field-selected extract (an API answer to `fields=...`): it
# lacks what the registry keeps in every record it posts (statusVerifiedDate, studyFirstPostDateStruct,
# lastUpdatePostDateStruct), so what it leaves out may be in the record, and is not judged missing.
FIELD_SELECTED = "field-selected extract: what it leaves out is not judged missing"

# Row dicts never carry nct_id: the loader adds it from StudyRecord.nct_id.
Row = dict[str, object]


class ColumnRows(MutableSequence):
    """A table's rows held as one list per column (all of one length, at least one column), as a parser may give
    a big table.

    To everyone it is the list of row dicts (key order: the columns'); flows.batch_tables gathers it column
    by column without making those dicts, the way a table's values are wanted. The first read of a row
    makes every row's dict, once: from then on it holds those dicts only (a change to one stays)."""

    __slots__ = ("columns", "_rows")

    def __init__(self, columns: dict[str, list]) -> None:
        self.columns: dict[str, list] | None = columns
        self._rows: list[Row] | None = None

    @property
    def rows(self) -> list[Row]:
        """The rows as dicts (made on first use; the columns are dropped then)."""
        if self._rows is None:
            names = list(self.columns)
            self._rows = [dict(zip(names, values)) for values in zip(*self.columns.values())]
            self.columns = None
        return self._rows

    def __len__(self) -> int:
        if self._rows is not None:
            return len(self._rows)
        return len(next(iter(self.columns.values()))) if self.columns else 0

    def __getitem__(self, index):
        return self.rows[index]

    def __setitem__(self, index, value) -> None:
        self.rows[index] = value

    def __delitem__(self, index) -> None:
        del self.rows[index]

    def insert(self, index: int, value: Row) -> None:
        self.rows.insert(index, value)

    def __iter__(self):
        return iter(self.rows)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ColumnRows):
            other = other.rows
        return self.rows == other if isinstance(other, list) else NotImplemented

    __hash__ = None

    def __repr__(self) -> str:
        return repr(self.rows)

    def __getstate__(self) -> tuple:
        return self.columns, self._rows

    def __setstate__(self, state: tuple) -> None:
        self.columns, self._rows = state


@dataclass(frozen=True)
class Refused:
    """A cell value a parser cannot accept as given (a list given as a string...): validation stores
    NULL, keeps `raw` in meta.raw_values and raises an invalid_value issue quoting it."""

    raw: str
    expected: str


@dataclass
class StudyRecord:
    """One study as one source gives it: rows per AACT-named table."""

    nct_id: str
    tables: dict[str, list[Row] | ColumnRows] = field(default_factory=dict)

    @property
    def study(self) -> Row:
        """The single `studies` row."""
        return self.tables["studies"][0]

    def add(self, table: str, row: Row) -> None:
        """Append one row to a child table."""
        self.tables.setdefault(table, []).append(row)


@dataclass
class Problem:
    """Why (part of) an input could not be read; becomes a `meta.rejects` row."""

    reason: str
    detail: str = ""
    nct_id: str | None = None
    stage: str = "parse"


@dataclass
class Parsed:
    """A parser's answer for one input: the studies it read and the problems it met."""

    layout: str
    records: list[StudyRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


class _Unread(threading.local):
    """The parts of the study being read that could not be read, and the values read from another type than
    theirs (per thread: studies are read one at a time)."""

    def __init__(self) -> None:
        self.parts: dict[str, None] = {}
        self.empty: dict[str, None] = {}
        self.read_as: dict[str, str] = {}  # the value's name -> the note of the first such value


_UNREAD = _Unread()


def note_unread_part(description: str) -> None:
    """Note a part of the study being read that could not be read, in words that name it and never quote it."""
    _UNREAD.parts[description] = None


def unread() -> list[str]:
    """The parts noted since the last call, each once, in the order first met; the notes are cleared."""
    parts = list(_UNREAD.parts)
    _UNREAD.parts.clear()
    return parts


def note_empty_part(description: str) -> None:
    """Note an item of the study being read that is an empty object, in words that name where it stands."""
    _UNREAD.empty[description] = None


def note_read_as(name: str, description: str) -> None:
    """Note a value `name` of the study being read that was given in another type and read as what it spells
    (the first of a name only: a study may give thousands of sites' coordinates so)."""
    _UNREAD.read_as.setdefault(name, description)


def noted() -> list[tuple[str, str]]:
    """(reason, description) of every note since the last call: the parts that could not be read (UNREAD_PART),
    the empty items (EMPTY_PART), then the values read as they spell (READ_AS_SPELT), each once, in the order first
    met; notes cleared."""
    found = [(UNREAD_PART, part) for part in unread()] + [(EMPTY_PART, part) for part in _UNREAD.empty]
    found += [(READ_AS_SPELT, note) for note in _UNREAD.read_as.values()]
    _UNREAD.empty.clear()
    _UNREAD.read_as.clear()
    return found
