"""Cases for checks.freshness: our copy of a record ages in business days (default 10)."""
from __future__ import annotations

from datetime import date as d

from tests.checks.harness import Case


def study(**values):
    """A change that sets columns of the `studies` row."""
    return lambda s: s["studies"][0].update(values)


OLD = "freshness.copy_is_old"

CASES = [
    Case(OLD, True, study(snapshot_date=d(2025, 10, 2)), note="a year old"),
    Case(OLD, True, study(snapshot_date=d(2026, 11, 6)), note="Fri 2026-11-06 to Sun 11-22: 11 business days"),
    Case(OLD, False, study(snapshot_date=d(2026, 11, 9)), note="Mon 2026-11-09: 13 days but 10 business days"),
    Case(OLD, False, study(snapshot_date=d(2026, 11, 22)), note="taken today"),
    Case(OLD, False, study(snapshot_date=None), note="age of the copy unknown"),
]

CASES += [
    Case(OLD, False, study(snapshot_date=d(2026, 12, 1)), note="taken after as_of"),
    Case(OLD, True, study(snapshot_date=d(2019, 4, 1)), note="taken 2019, judged as of it"),
]

CASES += [
    Case(OLD, False, study(snapshot_date=d(2026, 11, 9)), note="exactly at the threshold"),
    Case(OLD, True, study(snapshot_date=d(2026, 11, 6)), as_of=d(2026, 11, 21), note="as_of a Saturday"),
]
