"""Rule family freshness: how old our copy of a record is — a signal about us, not the sponsor.

Rules about "now" judge a record as of the day it was taken from the registry; this family is
what tells a user that day is long past and the copy should be refreshed. The threshold counts
business days, since the registry posts on weekdays only (TRIALQC_FRESHNESS_BUSINESS_DAYS).
"""
from __future__ import annotations

from datetime import date

import numpy as np

from checks.rule import Rule
from flows.settings import Settings


def business_days_between(earlier: date, later: date) -> int:
    """Weekdays from `earlier` (counted) up to `later` (not counted); 0 when later is not after."""
    return int(np.busday_count(earlier, later)) if later > earlier else 0


def _weekdays_from_monday(days: str) -> str:
    """SQL: the weekdays among the `days` days that start on a Monday."""
    return f"(5 * (({days}) // 7) + least(({days}) % 7, 5))"


def business_days_sql(earlier: str, later: str) -> str:
    """SQL for `business_days_between` of two DATE expressions, `later` after `earlier`:
    the weekdays from the Monday before `earlier` up to `later`, less those before `earlier`."""
    offset = f"(isodow({earlier}) - 1)"
    return (f"({_weekdays_from_monday(f'{offset} + ({later} - {earlier})')} "
            f"- {_weekdays_from_monday(offset)})")


_AS_OF = "CAST($as_of AS DATE)"
_AGE = f"CASE WHEN {_AS_OF} > snapshot_date THEN {business_days_sql('snapshot_date', _AS_OF)} ELSE 0 END"
# Business days never outnumber calendar days, so only copies older than the threshold in
# calendar days need counting.
COPY_IS_OLD = f"""
    SELECT nct_id,
           'Our copy of this record is ' || ({_AS_OF} - snapshot_date) || ' days old (' || age
             || ' business days, taken from the registry on ' || snapshot_date
             || '); refresh it before relying on its status.' AS message,
           'studies.snapshot_date=' || snapshot_date || '; as_of=' || {_AS_OF} || '; business days=' || age
             || '; threshold=' || $threshold || ' business days' AS evidence
    FROM (SELECT nct_id, snapshot_date, {_AGE} AS age FROM studies
          WHERE snapshot_date < {_AS_OF} - CAST($threshold AS INTEGER))
    WHERE age > $threshold
"""


def _threshold() -> dict:
    return {"threshold": Settings.from_env().freshness_business_days}


RULES = (
    Rule(
        id="freshness.copy_is_old",
        category="date_anomaly",
        severity="info",
        rationale="Rules judge each record as of its own snapshot, so an old copy hides whatever the "
                  "registry has posted since; the registry posts on weekdays, so age counts business days.",
        fields=("studies.snapshot_date",),
        sql=COPY_IS_OLD,
        params=_threshold,
    ),
)
