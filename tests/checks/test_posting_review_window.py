"""A retrospective registration judged on the first posting, where the source gives no submission date (a page):
the registry's review between submission and posting takes days to weeks, so a posting up to 30 days past
completion is allowed; one later is a warning, as such records were mostly submitted after they ended too (18 of
23 records giving both dates, posted 31-90 days after completion). A record that gives its submission date is judged
on it, whatever its posting."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

import checks
from tests.checks import harness

REGISTERED = "dates.registered_after_completion"
RULES = [rule for rule in checks.all_rules() if rule.id == REGISTERED]
COMPLETED_ON = date(2024, 8, 31)
# A trial that ran and completed, its days ACTUAL, as a clincosm page shows it (no submission date).
ENDED = dict(study_type="INTERVENTIONAL", overall_status="COMPLETED", phase="PHASE2", start_date=date(2023, 2, 1),
             start_date_type="ACTUAL", primary_completion_date=date(2024, 6, 30),
             primary_completion_date_type="ACTUAL", completion_date=COMPLETED_ON, completion_date_type="ACTUAL",
             enrollment=80, enrollment_type="ACTUAL", study_first_submitted_date=None,
             last_update_posted_date=date(2025, 3, 1))


def _posted(days: int, **values) -> dict:
    """The trial first posted `days` after it completed."""
    return dict(ENDED, study_first_posted_date=COMPLETED_ON + timedelta(days=days), **values)


SHAPES = {
    "posted 20 days after completion, no submission date": (_posted(20), None),
    "posted 30 days after completion, no submission date": (_posted(30), None),
    "posted 31 days after completion, no submission date": (_posted(31), "warning"),
    "posted 52 days after completion, no submission date": (_posted(52), "warning"),
    "posted 90 days after completion, no submission date": (_posted(90), "warning"),
    "posted 91 days after completion, no submission date": (_posted(91), "warning"),
    "posted two years after completion, no submission date": (_posted(730), "warning"),
    "submitted 52 days after completion, posted 55 days after": (
        _posted(55, study_first_submitted_date=COMPLETED_ON + timedelta(days=52)), "warning"),
    "submitted before completion, posted 52 days after": (
        _posted(52, study_first_submitted_date=date(2024, 1, 26)), None),
    "observational, posted two years after completion": (
        _posted(730, study_type="OBSERVATIONAL", phase=None), "info"),
}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple]]:
    shapes = {name: (f"NCT0{n:07d}", values, {}) for n, (name, (values, _)) in enumerate(SHAPES.items(), 1)}
    return harness.shape_findings(tmp_path_factory.mktemp("posting_review"), shapes, RULES)


@pytest.mark.parametrize("shape", list(SHAPES))
def test_a_posting_is_allowed_the_registrys_review_and_no_more(found, shape):
    severities = [severity for _rule, severity, _m, _e in found[shape]]
    expected = SHAPES[shape][1]
    assert severities == ([expected] if expected else [])


def test_a_late_posting_says_it_was_registered_retrospectively(found):
    [(_rule, _severity, message, evidence)] = found["posted 52 days after completion, no submission date"]
    assert message == ("Study was first posted on 2024-10-22, after it completed on 2024-08-31 (ACTUAL), so it was "
                       "registered retrospectively.")
    assert evidence.startswith("first posted=2024-10-22")
