"""Every version of a study (meta.source_records with meta.version_fields) and what changed between two."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import duckdb

# (column, how a person names it); list columns are in meta.version_fields.
SCALAR_FIELDS = (("overall_status", "status"), ("phase", "phase"), ("enrollment", "enrollment"),
                 ("enrollment_type", "enrollment type"), ("start_date", "start date"),
                 ("primary_completion_date", "primary completion date"), ("completion_date", "completion date"),
                 ("brief_title", "brief title"))
LIST_FIELDS = (("primary_outcome_measures", "primary outcomes"), ("primary_outcome_time_frames", "primary outcome time frames"),
               ("arm_titles", "arms"), ("intervention_names", "interventions"))
_DATES = ("start_date", "primary_completion_date", "completion_date")

VERSIONS_SQL = f"""
    SELECT r.nct_id, r.sha256, r.path, r.layout, r.last_update_posted_date, r.loaded_run,
           {', '.join('r.' + c for c, _ in SCALAR_FIELDS)},
           {', '.join('r.' + c + '_precision' for c in _DATES)},
           {', '.join('v.' + c for c, _ in LIST_FIELDS)}
    FROM meta.source_records r
    LEFT JOIN (SELECT * FROM meta.version_fields QUALIFY row_number() OVER (
                   PARTITION BY nct_id, sha256 ORDER BY loaded_run DESC) = 1) v USING (nct_id, sha256)
    LEFT JOIN meta.load_runs l ON l.run_id = r.loaded_run
    WHERE r.nct_id = ?
    ORDER BY r.last_update_posted_date NULLS FIRST, l.started_at NULLS FIRST, r.sha256
"""


@dataclass(frozen=True)
class FieldChange:
    """One field whose value differs between two versions."""

    field: str
    label: str
    before: str
    after: str


def study_versions(con: duckdb.DuckDBPyConnection, nct_id: str) -> list[dict]:
    """Every version of one study, oldest first (by last update, then the run that loaded it)."""
    cursor = con.execute(VERSIONS_SQL, [nct_id])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def version_by_sha(versions: list[dict], sha: str) -> dict | None:
    """The version whose sha256 starts with `sha` (a prefix of 7 or more characters is enough)."""
    found = [v for v in versions if v["sha256"].startswith(sha.lower())]
    return found[0] if len(found) == 1 else None


def shown(version: dict, column: str) -> str:
    """A value as a person reads it: a month-precision date as 2021-09, a list joined by ' | '."""
    value = version.get(column)
    if value is None:
        return "(not given)"
    if isinstance(value, list):
        return " | ".join(value) if value else "(none)"
    if isinstance(value, date) and column in _DATES:
        precision = version.get(f"{column}_precision")
        return value.strftime({"year": "%Y", "month": "%Y-%m"}.get(precision, "%Y-%m-%d"))
    return str(value)


def normalized_text(text: str) -> str:
    """Text compared as its words: case, spacing and trailing punctuation do not count."""
    return re.sub(r"\s+", " ", text).strip().rstrip(".;:").strip().casefold()


def diff_versions(old: dict, new: dict) -> list[FieldChange]:
    """The fields that changed from `old` to `new`; list fields one side does not carry are left out."""
    changes = [FieldChange(c, label, shown(old, c), shown(new, c))
               for c, label in SCALAR_FIELDS if shown(old, c) != shown(new, c)]
    for column, label in LIST_FIELDS:
        before, after = old.get(column) or [], new.get(column) or []
        if before and after and [normalized_text(x) for x in before] != [normalized_text(x) for x in after]:
            changes.append(FieldChange(column, label, shown(old, column), shown(new, column)))
    return changes


def describe(version: dict) -> str:
    """A version as people cite it: layout, file (or sha256) and last update."""
    where = version.get("path") or version["sha256"][:12]
    return (f"{version['layout']} {where} (sha256 {version['sha256'][:12]}, last updated "
            f"{version.get('last_update_posted_date') or 'unknown'})")
