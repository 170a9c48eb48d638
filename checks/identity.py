"""Rule family `identity`: is the NCT number one the registry could have issued?"""
from __future__ import annotations

from checks.rule import Rule

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
# The first number the registry issued (NCT00000102, in 1999): a lower one (NCT00000000) was never issued.
FIRST_NCT = 102


def last_nct_number(year: int) -> int:
    """The highest NCT number plausibly issued by the end of `year`."""
    if year in LAST_NCT_BY_YEAR:
        return LAST_NCT_BY_YEAR[year]
    first, last = min(LAST_NCT_BY_YEAR), max(LAST_NCT_BY_YEAR)
    if year < first:
        return LAST_NCT_BY_YEAR[first]
    return LAST_NCT_BY_YEAR[last] + (year - last) * YEARLY_GROWTH


def last_nct_number_sql(year: str) -> str:
    """SQL for `last_nct_number` of an integer expression."""
    first, last = min(LAST_NCT_BY_YEAR), max(LAST_NCT_BY_YEAR)
    known = " ".join(f"WHEN {y} THEN {n}" for y, n in sorted(LAST_NCT_BY_YEAR.items()))
    return (f"CASE WHEN {year} < {first} THEN {LAST_NCT_BY_YEAR[first]} WHEN {year} > {last} "
            f"THEN {LAST_NCT_BY_YEAR[last]} + ({year} - {last}) * {YEARLY_GROWTH} ELSE CASE {year} {known} END END")


def issued_by_year_sql(number: str) -> str:
    """SQL: the first year by whose end the registry had issued the NCT number `number` (an integer expression), or
    NULL for a number beyond the table: a number tells the year it was issued by, at the latest, not the day. (The
    years of the table follow one another: the year is the first's plus how many of them had ended below it.)"""
    years = sorted(LAST_NCT_BY_YEAR)
    assert years == list(range(years[0], years[-1] + 1))
    lasts = ", ".join(str(LAST_NCT_BY_YEAR[year]) for year in years)
    return (f"CASE WHEN {number} <= {LAST_NCT_BY_YEAR[years[-1]]} "
            f"THEN {years[0]} + len(list_filter([{lasts}], last -> last < {number})) END")


# The year after the later of the run's day and today (see _BEYOND_TODAY), a column of each row: the year ladder
# compared with it folds that constant once per year written out, which cost ten times more to plan.
_YEAR_AFTER_TODAY = "year(greatest(CAST($as_of AS DATE), current_date)) + 1"
# The day by which the record shows its number was issued: its first posting; else the day our copy was taken from the
# registry (the record existed then, even when the run is judged as of an earlier day); else the run's day. The year
# checked is that day's plus one year of slack, since a record registered late in a year may be posted early the next.
_KNOWN_ON = "coalesce(snapshot_date, CAST($as_of AS DATE))"
_RECORDS = f"""
    SELECT nct_id, study_first_posted_date AS posted, {_KNOWN_ON} AS known_on,
           coalesce(year(study_first_posted_date), year({_KNOWN_ON})) + 1 AS year,
           study_first_posted_date IS NULL AND snapshot_date IS NULL AS undated,
           {_YEAR_AFTER_TODAY} AS year_after_today
    FROM studies WHERE regexp_full_match(nct_id, 'NCT[0-9]{{8}}')
"""
# The run's day is a reference a user may set years before the record existed (a past as_of over a page taken today):
# it does not show when a record that gives neither day existed. Such a record's number is judged unissued only where
# the registry had not issued it by the end of the year after today either, whatever the as_of.
_BEYOND_TODAY = f"CAST(substr(nct_id, 4) AS BIGINT) > {last_nct_number_sql('year_after_today')}"
_BELOW_FIRST = f"CAST(substr(nct_id, 4) AS BIGINT) < {FIRST_NCT}"
NCT_NUMBER_BEYOND_REGISTRATION = f"""
    SELECT nct_id,
           CASE WHEN {_BELOW_FIRST} THEN 'The NCT number ' || nct_id || ' is below the first the registry issued ('
                  || printf('NCT%08d', {FIRST_NCT}) || '): the identifier is likely fake or mistyped.'
                ELSE 'The NCT number ' || nct_id || ' had not been issued by the end of ' || year || ' ('
                  || CASE WHEN posted IS NULL THEN 'as of ' || known_on ELSE 'first posted ' || posted END
                  || '): the identifier is likely fake or mistyped.' END AS message,
           'studies.nct_id = ''' || nct_id || '''; studies.study_first_posted_date = '
             || coalesce(CAST(posted AS VARCHAR), 'None') || CASE WHEN {_BELOW_FIRST}
               THEN '; first number issued = ' || printf('NCT%08d', {FIRST_NCT})
               ELSE '; highest number issued by ' || year || ' ≈ ' || printf('NCT%08d', last_number) END AS evidence
    FROM (SELECT *, {last_nct_number_sql("year")} AS last_number FROM ({_RECORDS}))
    WHERE CAST(substr(nct_id, 4) AS BIGINT) > last_number AND (NOT undated OR {_BEYOND_TODAY}) OR {_BELOW_FIRST}
"""


RULES = (
    Rule(
        id="identity.nct_number_not_yet_issued",
        category="contradiction",
        severity="error",
        rationale="NCT numbers are issued in sequence from NCT00000102; one above the registry's range at its "
                  "posting date, or below its first, is a placeholder (NCT12345678, NCT00000000) or a typo, and the "
                  "record cannot be linked.",
        fields=("studies.nct_id", "studies.study_first_posted_date"),
        sql=NCT_NUMBER_BEYOND_REGISTRATION,
    ),
)
