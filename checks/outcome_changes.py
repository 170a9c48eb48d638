"""Changes between versions of one study: a changed primary outcome (outcome switching).

A registered primary outcome is the promise a trial is judged by; changing it after the
fact is the registry's best-known quality signal. Only versions that show primary outcomes
are compared (a page layout without outcomes says nothing), one per last-update date (a republished page dated a day
from a registry version is that version: neither gives a time zone), and a change of time frame (or a time moved
between title and time frame, at the title's end or its start, in the same unit or another surely the same), case,
accents, spacing, punctuation, order, a unit's spelling, British spelling, 'from baseline', the statistic that counts
the outcome added or dropped ('Number of participants with'), or an abbreviation spelt out (alone, in place of the
words whose initials it spells, or as the words a bracketed term stands for) is not a switch, nor is a change posted
before the study started (the protocol was still being written).
"""
from __future__ import annotations

from typing import Iterable

import duckdb

from checks.cross_source_versions import REGISTRY_LAYOUTS
from checks.outcome_measure_matching import measures_compared, same_measures
from checks.rule import CheckScope, Finding, Rule
from checks.scoped_tables import IN_SCOPE
from warehouse.versions import describe

# Only a study with versions of two last-update dates can have changed: most have one.
REGISTRY_FIRST = "CASE r.layout WHEN 'ctgov_json_v2' THEN 0 WHEN 'ctgov_xml' THEN 1 ELSE 2 END"
_IN_REGISTRY = "(" + ", ".join(f"'{layout}'" for layout in REGISTRY_LAYOUTS) + ")"
# A republished page gives its update date without a time zone, and a site dates a posting by its own clock (a day
# ahead of the registry's US date, or behind it): a page dated a day from a registry version of the study shows that
# version, not another. Its copy is the registry's; a page two or more days from every registry version is a version
# of its own.
PAGE_DATE_MARGIN_DAYS = 1
VERSIONS_WITH_OUTCOMES = f"""
    WITH shown AS MATERIALIZED (
        SELECT r.nct_id, r.sha256, r.path, r.layout, r.last_update_posted_date, v.primary_outcome_measures,
               v.primary_outcome_time_frames, {REGISTRY_FIRST} AS source_rank,
               r.last_update_posted_date < CASE r.start_date_precision WHEN 'year' THEN date_trunc('year', r.start_date)
                                           WHEN 'month' THEN date_trunc('month', r.start_date) ELSE r.start_date END
                 AS posted_before_start
        FROM meta.source_records r
        JOIN meta.version_fields v USING (nct_id, sha256)
        WHERE r.nct_id IN (SELECT nct_id FROM meta.source_records WHERE {IN_SCOPE}
                           AND last_update_posted_date IS NOT NULL
                           GROUP BY nct_id HAVING count(DISTINCT last_update_posted_date) > 1)
          AND r.last_update_posted_date IS NOT NULL
          AND len(v.primary_outcome_measures) > 0)
    SELECT * EXCLUDE (source_rank) FROM shown p
    WHERE p.layout IN {_IN_REGISTRY} OR NOT EXISTS (
        SELECT 1 FROM shown g WHERE g.nct_id = p.nct_id AND g.layout IN {_IN_REGISTRY}
          AND abs(g.last_update_posted_date - p.last_update_posted_date) BETWEEN 1 AND {PAGE_DATE_MARGIN_DAYS})
    QUALIFY row_number() OVER (PARTITION BY p.nct_id, p.last_update_posted_date
                               ORDER BY p.source_rank, p.sha256) = 1
    ORDER BY p.nct_id, p.last_update_posted_date
"""


def _finding(old: dict, new: dict) -> Finding:
    before = "; ".join(old["primary_outcome_measures"])
    after = "; ".join(new["primary_outcome_measures"])
    message = (f"The primary outcome changed between the version last updated {old['last_update_posted_date']} "
               f"and the one last updated {new['last_update_posted_date']}: '{before}' became '{after}'.")
    evidence = f"{describe(old)}: primary outcome = '{before}'; {describe(new)}: primary outcome = '{after}'"
    return Finding(old["nct_id"], message, evidence)


def primary_outcome_changed(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterable[Finding]:
    """Consecutive versions of a study whose primary outcome measures differ, the newer posted once the study had
    started (or with no start date to tell)."""
    cursor = con.execute(VERSIONS_WITH_OUTCOMES)
    names = [d[0] for d in cursor.description]
    previous: dict | None = None
    previous_measures: set[tuple] = set()
    for row in cursor.fetchall():
        version = dict(zip(names, row))
        measures = measures_compared(version)
        if not measures:  # only fillers: the version shows no primary outcome
            continue
        if (previous and previous["nct_id"] == version["nct_id"] and not version["posted_before_start"]
                and not same_measures(previous_measures, measures)):
            yield _finding(previous, version)
        previous, previous_measures = version, measures


RULES = (
    Rule("outcome_changes.primary_outcome_changed", "contradiction", "warning",
         "A primary outcome changed between registered versions (outcome switching) must be justified "
         "before the trial's results are trusted. (A change posted before the study started is the protocol being "
         "written, not switching. A republished page dated a day from a registry version shows that version: neither "
         "gives a time zone.)",
         ("design_outcomes.measure", "meta.version_fields.primary_outcome_measures"),
         func=primary_outcome_changed, judges_absence=True),
)
