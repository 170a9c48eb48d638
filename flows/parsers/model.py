"""What every parser returns: study records as rows per warehouse table, plus problems."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# A ClinicalTrials.gov identifier: match it with NCT_ID.fullmatch (ASCII digits, nothing around).
NCT_ID = re.compile(r"NCT[0-9]{8}")

# Row dicts never carry nct_id: the loader adds it from StudyRecord.nct_id.
Row = dict[str, object]


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
    tables: dict[str, list[Row]] = field(default_factory=dict)

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
