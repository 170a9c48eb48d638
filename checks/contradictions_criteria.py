"""Defects inside the eligibility criteria text: a criterion stated twice, numbers skipped."""
from __future__ import annotations

from typing import Iterator

import duckdb

from checks.criteria_headings import block_of
from checks.criteria_text import Item, numbering_gaps, repeated_items
from checks.rule import CheckScope, Finding, Rule
from checks.study_text import StudyText, excerpt, texts_by_study


def _criteria(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[tuple[str, StudyText]]:
    """(nct_id, criteria text) for every scoped study that has criteria; both rules share each text's reading."""
    for nct_id, texts in texts_by_study(con, scope, ("eligibilities.criteria",)).items():
        for source in texts:
            yield nct_id, source


def _name(item: Item) -> str:
    kind = "criterion" if item.section == "criteria" else f"{item.section} criterion"
    return f"{kind} {item.number}" if item.number is not None else f"an {kind}" if kind[0] in "ie" else f"a {kind}"


def _repeat_message(first: Item, repeat: Item, text: str) -> str:
    if first.section != repeat.section:
        return f"The same criterion is both an {first.section} and an {repeat.section} criterion."
    if first.number is not None and first.number == repeat.number:
        return f"{_name(repeat).capitalize()} is written twice, word for word."
    if first.number is not None and repeat.number is not None:
        return f"{_name(repeat).capitalize()} repeats {_name(first)} word for word."
    said = f"{_name(first).capitalize().replace('A ', 'One ', 1).replace('An ', 'One ', 1)} appears twice"
    above, again = block_of(text, first.start), block_of(text, repeat.start)
    if above is not None and again is not None and above.headings != again.headings:
        return f"{said}, under '{above.headings}' and again under '{again.headings}'."
    return f"{said}."


def duplicate_criterion(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """The same criterion text appears twice in a study's eligibility criteria."""
    for nct_id, source in _criteria(con, scope):
        text = source.text
        for first, repeat in repeated_items(text, source.memo):
            evidence = (f"eligibilities.criteria: '{excerpt(text, first.start, first.start + 80, 0)}' "
                        f"and again: '{excerpt(text, repeat.start, repeat.start + 80, 0)}'")
            yield Finding(nct_id, _repeat_message(first, repeat, text), evidence)


def criteria_numbering_gap(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """Numbered criteria skip a number or start after 1, so criteria may have been lost."""
    for nct_id, source in _criteria(con, scope):
        text = source.text
        for gap in numbering_gaps(text, source.memo):
            section = "criteria" if gap.section == "criteria" else f"{gap.section} criteria"
            if gap.found == gap.expected + 1:
                missing = f"criterion {gap.expected} is"
            elif gap.found == gap.expected + 2:
                missing = f"criteria {gap.expected} and {gap.expected + 1} are"
            else:
                missing = f"criteria {gap.expected} to {gap.found - 1} are"
            verb = f"start at {gap.found}" if gap.expected == 1 else f"jump to {gap.found}"
            message = f"The numbered {section} {verb}, so {missing} missing."
            yield Finding(nct_id, message, f"eligibilities.criteria: '{excerpt(text, gap.at, gap.at + 2, 60)}'")


RULES = (
    Rule("contradictions.duplicate_criterion", "contradiction", "info",
         "A criterion stated twice is a copy error that may hide the criterion meant to be there. Twice in one "
         "list, or in one exclusion section under two topical headings that exclude it at the same time (an ACTG "
         "record's 'Co-existing Condition:' and 'Patients with the following are excluded:'); under a cohort's, "
         "a part's or an arm's heading or label ('Cohort B', '* Healthy volunteers', 'OR') it is that group's "
         "criterion, and a deleted criterion's placeholder or a note is no criterion.",
         ("eligibilities.criteria",), func=duplicate_criterion, in_worker=True),
    Rule("contradictions.criteria_numbering_gap", "contradiction", "warning",
         "A skipped number in a criteria list usually means a criterion was lost (unless the record says those "
         "numbers were deleted).",
         ("eligibilities.criteria",), func=criteria_numbering_gap, in_worker=True),
)
