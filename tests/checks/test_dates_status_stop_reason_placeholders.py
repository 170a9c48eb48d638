"""The date and status rules on what a record says when it stopped: the end of a TERMINATED study registered after it
ended, a reason for stopping that is only a placeholder ("Terminated for other reasons", "Not provided by sponsor",
"See above"), and a COMPLETED study's reason that only says recruitment ran its course ("Recruitment stopped since
the planned number of patients was reached"). What fires or stays quiet, and what each finding says."""
from __future__ import annotations

from datetime import date

import pytest

import checks
from tests.checks import harness

RULES = {rule.id: rule for rule in checks.all_rules()}
REGISTERED = "dates.registered_after_completion"
STOPPED = "status.stopped_without_reason"
COMPLETED_REASON = "status.completed_with_reason_stopped"

# Started 2020-01-16, ended 2020-06-01 after enrolling 12, first submitted three months later.
REGISTERED_AFTER_IT_ENDED = dict(primary_completion_date=date(2020, 6, 1), completion_date=date(2020, 6, 1),
                                 enrollment=12, study_first_submitted_date=date(2020, 9, 1),
                                 study_first_posted_date=date(2020, 9, 5))

# Reasons for stopping that name none: other, unknown or unnamed reasons, a reason the sponsor did not give, a
# pointer to nothing, information said to be missing.
PLACEHOLDERS = (
    "Terminated for other reasons",
    "Study terminated due to other reasons.",
    "Withdrawn for other reasons",
    "Terminated for unknown reasons",
    "Various reasons",
    "Terminated for several reasons",
    "Not provided by sponsor",
    "Reason not provided by the sponsor",
    "Sponsor did not provide a reason",
    "The sponsor did not disclose a reason.",
    "See above",
    "Please see above",
    "N/A - see above",
    "Information not available",
    "Reason not known",
)
# Reasons beside those words: who or what stopped the study.
REASONS = (
    "Other reasons: sponsor decision",
    "Terminated for business reasons",
    "Business decision",
    "Sponsor decision",
    "Terminated by the sponsor",
    "Withdrawn by the investigator",
    "Funding",
    "Low accrual",
    "PI left the institution",
    "Drug not available",
    "Study terminated for reasons other than safety",
    "Terminated due to other reasons (funding)",
    "Sponsor did not renew funding",
    "Investigator did not provide IRB approval",
    "See above: low enrollment",
    "Administrative reasons",
    "Data not available",
)

# A COMPLETED study's reason that only says recruitment or the study ran its course: it did not end early.
RAN_ITS_COURSE = (
    "Recruitment stopped due to target reached",
    "Recruitment was stopped since the planned number of patients was reached",
    "Stopped recruiting as the sample size was reached",
    "Stopped enrolling: sample size met",
    "Recruitment terminated once the target number was reached",
    "Study terminated after the last patient completed follow-up",
    "Stopped after 30 patients as planned in the protocol",
    "Recruitment ended early because enrollment target was reached ahead of schedule",
    "Enrollment closed after reaching the target",
    "Study ended as scheduled",
    "Recruitment stopped because the required number of participants had been enrolled",
    "Enrollment was stopped when the planned number of subjects had been randomized",
)
# A COMPLETED study's reason that says its course was not run: an early end, or a reason worth knowing.
COURSE_NOT_RUN = {
    "Stopped because the target sample size was not reached": "warning",
    "Terminated early because target enrollment could not be reached": "warning",
    "Stopped for futility at interim analysis": "warning",
    "Target enrollment not reached": "info",
    "Enrollment goal not met": "info",
    "Study not completed": "info",
    "Recruitment stopped before the required number of participants had been enrolled": "warning",
    "Not all planned patients were enrolled": "info",
    "No patients were randomized": "info",
}

SHAPES = {
    "terminated, registered after it ended": ("NCT06100001", {**REGISTERED_AFTER_IT_ENDED,
                                                              "overall_status": "TERMINATED",
                                                              "why_stopped": "Slow accrual"}, {}),
    "terminated, an end left an estimate": ("NCT06100002", {**REGISTERED_AFTER_IT_ENDED,
                                                            "overall_status": "TERMINATED",
                                                            "why_stopped": "Sponsor decision",
                                                            "completion_date_type": "ESTIMATED"}, {}),
    "unknown status, an actual completion": ("NCT06100003", {**REGISTERED_AFTER_IT_ENDED,
                                                             "overall_status": "UNKNOWN",
                                                             "last_known_status": "ACTIVE_NOT_RECRUITING"}, {}),
    **{f"terminated: {why}": (f"NCT062{n:05d}", {"overall_status": "TERMINATED", "why_stopped": why}, {})
       for n, why in enumerate(PLACEHOLDERS + REASONS)},
    "completed: Not provided by sponsor": ("NCT06300001", {"why_stopped": "Not provided by sponsor"}, {}),
    **{f"completed: {why}": (f"NCT064{n:05d}", {"why_stopped": why}, {})
       for n, why in enumerate(RAN_ITS_COURSE + tuple(COURSE_NOT_RUN))},
}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple[str, str, str, str]]]:
    """Each shape's findings of the three rules: (rule id, severity, message, evidence)."""
    return harness.shape_findings(tmp_path_factory.mktemp("dates_status"), SHAPES,
                                  [RULES[rule_id] for rule_id in (REGISTERED, STOPPED, COMPLETED_REASON)])


def _of(found, shape: str, rule_id: str) -> list[tuple[str, str, str]]:
    return [(severity, message, evidence) for rule, severity, message, evidence in found[shape] if rule == rule_id]


@pytest.mark.parametrize("shape, message", [
    ("terminated, registered after it ended",
     "Study was first submitted on 2020-09-01, after it ended (TERMINATED) on 2020-06-01 (ACTUAL), so it was "
     "registered retrospectively."),
    ("terminated, an end left an estimate",
     "Study was first submitted on 2020-09-01, after it ended (TERMINATED) on 2020-06-01 (ESTIMATED), so it was "
     "registered retrospectively."),
    ("unknown status, an actual completion",
     "Study was first submitted on 2020-09-01, after its completion date 2020-06-01 (ACTUAL), so it was registered "
     "retrospectively."),
])
def test_registered_after_completion_says_how_the_study_ended(found, shape, message):
    """A TERMINATED study ended on its completion date: it did not complete. A study of another status gives only
    an ACTUAL completion date."""
    (severity, said, _evidence), = _of(found, shape, REGISTERED)
    assert (severity, said) == ("warning", message)


@pytest.mark.parametrize("why", PLACEHOLDERS)
def test_a_placeholder_reason_is_no_reason(found, why):
    (severity, message, evidence), = _of(found, f"terminated: {why}", STOPPED)
    assert severity == "warning"
    assert message == f"Status is TERMINATED but why the study stopped is given only as '{why}', which names no reason."
    assert evidence.startswith(f"overall_status=TERMINATED; why_stopped={why}")


@pytest.mark.parametrize("why", REASONS)
def test_a_reason_beside_those_words_is_a_reason(found, why):
    assert _of(found, f"terminated: {why}", STOPPED) == []


def test_a_completed_studys_placeholder_is_no_reason_it_still_gives(found):
    assert _of(found, "completed: Not provided by sponsor", COMPLETED_REASON) == []


@pytest.mark.parametrize("why", RAN_ITS_COURSE)
def test_a_completed_studys_reason_that_says_recruitment_ran_its_course_is_none(found, why):
    assert _of(found, f"completed: {why}", COMPLETED_REASON) == []


@pytest.mark.parametrize("why, severity", COURSE_NOT_RUN.items())
def test_a_completed_studys_reason_that_says_its_course_was_not_run_is_flagged(found, why, severity):
    (said, message, _evidence), = _of(found, f"completed: {why}", COMPLETED_REASON)
    assert said == severity
    assert f"'{why}'" in message
