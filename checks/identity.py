"""Rule family `identity`: is the NCT number one the registry could have issued?"""
from __future__ import annotations

from typing import Iterable

import duckdb

from checks.rule import CheckScope, Finding, Rule

# Highest NCT number issued by the end of each year (ClinicalTrials.gov assigns them in
# sequence at registration; read off real records, rounded up).
LAST_NCT_BY_YEAR = {
    2005: 270_000, 2006: 420_000, 2007: 590_000, 2008: 815_000, 2009: 1_040_000, 2010: 1_270_000,
    2011: 1_500_000, 2012: 1_760_000, 2013: 2_030_000, 2014: 2_330_000, 2015: 2_650_000,
    2016: 3_000_000, 2017: 3_390_000, 2018: 3_790_000, 2019: 4_215_000, 2020: 4_690_000,
    2021: 5_170_000, 2022: 5_670_000, 2023: 6_180_000, 2024: 6_760_000, 2025: 7_300_000,
}
# Beyond the table, the registry has grown by fewer than 600,000 numbers a year.
YEARLY_GROWTH = 600_000


def last_nct_number(year: int) -> int:
    """The highest NCT number plausibly issued by the end of `year`."""
    if year in LAST_NCT_BY_YEAR:
        return LAST_NCT_BY_YEAR[year]
    first, last = min(LAST_NCT_BY_YEAR), max(LAST_NCT_BY_YEAR)
    if year < first:
        return LAST_NCT_BY_YEAR[first]
    return LAST_NCT_BY_YEAR[last] + (year - last) * YEARLY_GROWTH


def nct_number_beyond_registration(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterable[Finding]:
    """Studies whose NCT number was not yet issued when the record says it was first posted."""
    rows = con.execute("""
        SELECT nct_id, study_first_posted_date, record_today($as_of, snapshot_date)
        FROM studies JOIN check_scope USING (nct_id)
        WHERE regexp_full_match(nct_id, 'NCT[0-9]{8}')""", {"as_of": scope.as_of}).fetchall()
    for nct_id, posted, as_of in rows:
        # one year of slack: a record registered late in a year may be posted early the next
        year = (posted.year if posted else as_of.year) + 1
        limit = last_nct_number(year)
        if int(nct_id[3:]) > limit:
            when = f"first posted {posted}" if posted else f"as of {as_of}"
            yield Finding(
                nct_id,
                f"The NCT number {nct_id} had not been issued by the end of {year} ({when}): "
                "the identifier is likely fake or mistyped.",
                f"studies.nct_id = '{nct_id}'; studies.study_first_posted_date = {posted}; "
                f"highest number issued by {year} ≈ NCT{limit:08d}",
            )


RULES = (
    Rule(
        id="identity.nct_number_not_yet_issued",
        category="contradiction",
        severity="error",
        rationale="NCT numbers are issued in sequence; one above the registry's range at its posting "
                  "date is a placeholder (NCT12345678) or a typo, and the record cannot be linked.",
        fields=("studies.nct_id", "studies.study_first_posted_date"),
        func=nct_number_beyond_registration,
    ),
)
