"""Rule family freshness: how old our copy of a record is — a signal about us, not the sponsor.

Rules about "now" judge a record as of the day it was taken from the registry; this family is
what tells a user that day is long past and the copy should be refreshed. The threshold counts
business days, since the registry posts on weekdays only (TRIALQC_FRESHNESS_BUSINESS_DAYS).
"""
from __future__ import annotations

from datetime import date
from typing import Iterable

import duckdb
import numpy as np

from checks.rule import CheckScope, Finding, Rule
from flows.settings import Settings


def business_days_between(earlier: date, later: date) -> int:
    """Weekdays from `earlier` (counted) up to `later` (not counted); 0 when later is not after."""
    return int(np.busday_count(earlier, later)) if later > earlier else 0


def copy_is_old(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterable[Finding]:
    """Studies whose copy was taken from the registry more business days ago than the setting allows."""
    threshold = Settings.from_env().freshness_business_days
    # Business days never outnumber calendar days, so only copies older than the threshold in
    # calendar days need counting.
    rows = con.execute(
        "SELECT nct_id, snapshot_date FROM studies JOIN check_scope USING (nct_id) "
        "WHERE snapshot_date < CAST(? AS DATE) - CAST(? AS INTEGER)", [scope.as_of, threshold]).fetchall()
    for nct_id, snapshot in rows:
        age = business_days_between(snapshot, scope.as_of)
        if age > threshold:
            days = (scope.as_of - snapshot).days
            yield Finding(
                nct_id,
                f"Our copy of this record is {days} days old ({age} business days, taken from the "
                f"registry on {snapshot}); refresh it before relying on its status.",
                f"studies.snapshot_date={snapshot}; as_of={scope.as_of}; business days={age}; "
                f"threshold={threshold} business days",
            )


RULES = (
    Rule(
        id="freshness.copy_is_old",
        category="date_anomaly",
        severity="info",
        rationale="Rules judge each record as of its own snapshot, so an old copy hides whatever the "
                  "registry has posted since; the registry posts on weekdays, so age counts business days.",
        fields=("studies.snapshot_date",),
        func=copy_is_old,
    ),
)
