"""Read the scoped studies' rows and free text in batch (one query per table) and quote it."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

import duckdb

from checks.rule import CheckScope
# Which sentences speak of this study: kept beside the texts they judge, for the rules that read them.
from checks.study_context import (  # noqa: F401
    CONTEXT_WORDS, OTHER_STUDY, SELF_REFERENCE, about_this_study, may_match, other_study,
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


def scoped_rows(con: duckdb.DuckDBPyConnection, scope: CheckScope, table: str,
                columns: Iterable[str]) -> list[tuple]:
    """Rows (nct_id, *columns) of one table for every study in check_scope, in one query (shared by rules)."""
    columns = tuple(columns)
    cols = ", ".join(f"t.{c}" for c in columns)
    return scope.shared(("rows", table, columns), lambda: con.execute(
        f"SELECT t.nct_id, {cols} FROM {table} t JOIN check_scope s USING (nct_id) ORDER BY t.rowid"
    ).fetchall())


def rows_by_study(con: duckdb.DuckDBPyConnection, scope: CheckScope, table: str,
                  columns: Iterable[str]) -> dict[str, list[tuple]]:
    """Scoped rows of one table grouped by nct_id (the nct_id is dropped from each row).

    Only the studies of `scope.nct_ids` are returned: a worker given part of the scope sees its part.
    """
    columns = tuple(columns)
    grouped = scope.shared(("grouped", table, columns), lambda: _group(scoped_rows(con, scope, table, columns)))
    return _part(grouped, scope)


def _group(rows: list[tuple]) -> dict[str, list[tuple]]:
    grouped: dict[str, list[tuple]] = defaultdict(list)
    for nct_id, *values in rows:
        grouped[nct_id].append(tuple(values))
    return dict(grouped)


def _part(by_study: dict[str, list], scope: CheckScope) -> dict[str, list]:
    """The entries of the studies in scope.nct_ids."""
    return {k: v for k, v in by_study.items() if k in scope.nct_ids}


def texts_by_study(con: duckdb.DuckDBPyConnection, scope: CheckScope,
                   fields: Iterable[str]) -> dict[str, list[StudyText]]:
    """Non-empty text of the given `table.column` fields for each scoped study (shared by rules)."""
    fields = tuple(fields)
    return _part(scope.shared(("texts", fields), lambda: _read_texts(con, scope, fields)), scope)


def _read_texts(con: duckdb.DuckDBPyConnection, scope: CheckScope,
                fields: tuple[str, ...]) -> dict[str, list[StudyText]]:
    by_table: dict[str, list[str]] = defaultdict(list)
    for name in fields:
        table, column = name.split(".")
        by_table[table].append(column)
    texts: dict[str, list[StudyText]] = defaultdict(list)
    for table, columns in by_table.items():
        for nct_id, *values in scoped_rows(con, scope, table, columns):
            for column, value in zip(columns, values):
                if isinstance(value, str) and value.strip():
                    texts[nct_id].append(StudyText(f"{table}.{column}", value))
    return dict(texts)


def excerpt(text: str, start: int, end: int, width: int = EXCERPT_WIDTH) -> str:
    """The matched span with up to `width` characters either side, on one line."""
    left, right = max(0, start - width), min(len(text), end + width)
    snippet = re.sub(r"\s+", " ", text[left:right]).strip()
    return ("..." if left else "") + snippet + ("..." if right < len(text) else "")


def quote(field: str, text: str, start: int, end: int) -> str:
    """Evidence for one side of a contradiction: `table.column: '...excerpt...'`."""
    return f"{field}: '{excerpt(text, start, end)}'"
