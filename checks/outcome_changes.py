"""Changes between versions of one study: a changed primary outcome (outcome switching).

A registered primary outcome is the promise a trial is judged by; changing it after the
fact is the registry's best-known quality signal. Only versions that show primary outcomes
are compared (a page layout without outcomes says nothing), one per last-update date, and a
change of time frame, case, accents, spacing, punctuation or order alone is not a switch.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

import duckdb

from checks.rule import CheckScope, Finding, Rule
from checks.scoped_tables import IN_SCOPE
from warehouse.versions import describe

# Only a study with versions of two last-update dates can have changed: most have one.
REGISTRY_FIRST = "CASE r.layout WHEN 'ctgov_json_v2' THEN 0 WHEN 'ctgov_xml' THEN 1 ELSE 2 END"
VERSIONS_WITH_OUTCOMES = f"""
    SELECT r.nct_id, r.sha256, r.path, r.layout, r.last_update_posted_date, v.primary_outcome_measures
    FROM meta.source_records r
    JOIN meta.version_fields v USING (nct_id, sha256)
    WHERE r.nct_id IN (SELECT nct_id FROM meta.source_records WHERE {IN_SCOPE} AND last_update_posted_date IS NOT NULL
                       GROUP BY nct_id HAVING count(DISTINCT last_update_posted_date) > 1)
      AND r.last_update_posted_date IS NOT NULL
      AND len(v.primary_outcome_measures) > 0
    QUALIFY row_number() OVER (PARTITION BY r.nct_id, r.last_update_posted_date
                               ORDER BY {REGISTRY_FIRST}, r.sha256) = 1
    ORDER BY r.nct_id, r.last_update_posted_date
"""


# Marks that change what a measure means ('HbA1c < 7%' is not 'HbA1c > 7%'); other punctuation (hyphens,
# quotes, commas, brackets, API v2's markdown escapes such as '\\<') is how a measure is written, not what it is.
_MEANING_MARKS = re.compile(r"[<>≤≥=%+]")
_WORD = re.compile(r"[^\W_]+")
# A list number or letter that opens a measure ("1. Overall survival", "(2) Response rate", "a) Safety"): where the
# measure stood in a list, not what it measures. A number that counts something ("12-month survival", "1.5 mg") is
# followed by no closing bracket nor a full stop other than a decimal point, and a letter with a full stop may
# abbreviate a genus ("A. fumigatus").
_LIST_MARK = re.compile(r"^\s*(?:\(?(?:\d{1,2}|[a-z])\)|\d{1,2}\.(?!\d))\s*", re.I)


def wording(measure: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A measure as compared between versions: its words (without case or accents, nor a list number that opens it)
    and its meaning marks."""
    text = "".join(c for c in unicodedata.normalize("NFKD", measure) if not unicodedata.combining(c)).casefold()
    text = _LIST_MARK.sub("", text, count=1)
    return tuple(_WORD.findall(text)), tuple(_MEANING_MARKS.findall(text))


def _measures(version: dict) -> set[tuple]:
    return {key for key in map(wording, version["primary_outcome_measures"] or []) if key != ((), ())}


def _finding(old: dict, new: dict) -> Finding:
    before = "; ".join(old["primary_outcome_measures"])
    after = "; ".join(new["primary_outcome_measures"])
    message = (f"The primary outcome changed between the version last updated {old['last_update_posted_date']} "
               f"and the one last updated {new['last_update_posted_date']}: '{before}' became '{after}'.")
    evidence = f"{describe(old)}: primary outcome = '{before}'; {describe(new)}: primary outcome = '{after}'"
    return Finding(old["nct_id"], message, evidence)


def primary_outcome_changed(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterable[Finding]:
    """Consecutive versions of a study whose primary outcome measures differ."""
    cursor = con.execute(VERSIONS_WITH_OUTCOMES)
    names = [d[0] for d in cursor.description]
    previous: dict | None = None
    for row in cursor.fetchall():
        version = dict(zip(names, row))
        if previous and previous["nct_id"] == version["nct_id"] and _measures(previous) != _measures(version):
            yield _finding(previous, version)
        previous = version


RULES = (
    Rule("outcome_changes.primary_outcome_changed", "contradiction", "warning",
         "A primary outcome changed between registered versions (outcome switching) must be justified "
         "before the trial's results are trusted.",
         ("design_outcomes.measure", "meta.version_fields.primary_outcome_measures"),
         func=primary_outcome_changed, judges_absence=True),
)
