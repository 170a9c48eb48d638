"""The parts of a masked study beside an open-label one: the studies that give a placebo or sham in an arm, and those
that list two arms not said to be open label, a comparison the masking may blind."""
from __future__ import annotations

import re

import duckdb

from checks.design_masking_terms import OPEN_LABEL
from checks.design_parent_study import COMPARATORS
from checks.rule import CheckScope
from checks.study_text import rows_by_study, rows_by_study_matching, studies_with

# An intervention named a placebo or sham: RE2 (as Arrow reads it) to find the studies, Python's for their rows.
_PLACEBO_NAMED = r"(?i)\b(?:placebo|sham)\b"
_PLACEBO_NAME = re.compile(r"\b(?:placebo|sham)\b", re.I)


def placebo_given(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> frozenset[str]:
    """The scoped studies that give a placebo or sham in an arm: an arm typed Placebo or Sham Comparator, or an
    intervention named so linked to an arm the record lists ("Comparator: placebo" given in crossover periods typed
    Experimental)."""
    arms = studies_with(con, scope, "design_groups", "group_type", COMPARATORS)
    links = rows_by_study_matching(con, scope, "design_group_interventions", ("intervention", "design_group"),
                                   _PLACEBO_NAMED)
    titles = rows_by_study(con, scope.of(links), "design_groups", ("title",))
    linked = set()
    for nct_id, rows in links.items():
        listed = {(title or "").strip().lower() for (title,) in titles.get(nct_id, [])}
        if any(group and group.strip().lower() in listed and _PLACEBO_NAME.search(given or "")
               for given, group in rows):
            linked.add(nct_id)
    return arms | frozenset(linked)


def arms_not_open(con: duckdb.DuckDBPyConnection, scope: CheckScope, studies: set[str]) -> frozenset[str]:
    """The studies of `studies` that list two arms neither of whose title and description says open label: a
    comparison the masking may blind, beside an arm that is open label."""
    arms = rows_by_study(con, scope, "design_groups", ("title", "description"))
    return frozenset(nct_id for nct_id in studies
                     if sum(not _says_open_label(title, description) for title, description in arms.get(nct_id, ()))
                     >= 2)


# Every wording OPEN_LABEL reads holds one of these words, looked for first in the lower case: most arms hold none.
_OPEN_LABEL_WORDS = ("open", "mask", "blind")


def _says_open_label(title: str | None, description: str | None) -> bool:
    """Whether an arm's title or description says open label."""
    text = f"{title or ''}\n{description or ''}"
    lowered = text.lower()
    return any(word in lowered for word in _OPEN_LABEL_WORDS) and OPEN_LABEL.search(text) is not None
