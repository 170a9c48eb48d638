"""What an info flag says it found, and why it is only worth knowing. A trial begun before ClinicalTrials.gov took its
first records (1999-09) could not register there first: it is not 'registered late'. A trial registered after its start,
or after it completed, before ICMJE asked for registration first (2005-07; phase 1 trials from 2008-07), or an
observational study or expanded-access record registered after it completed, broke no rule: the message says so. An
enrollment of 0 on a study that ran says why the 0 is no count, and a stopped study judged at info for its missing
reason says in its evidence why. Firing cases keep the rule and its severity; shapes marked "new" were worded otherwise
before."""
from __future__ import annotations

from datetime import date as d

import pytest

import checks
from tests.checks import harness

RULES = {rule.id: rule for rule in checks.all_rules()}
LATE = "timeliness.late_registration"
AFTER_COMPLETION = "dates.registered_after_completion"
NO_ENROLLMENT = "missing_fields.no_enrollment"
NO_REASON = "status.stopped_without_reason"
WARNING, INFO = "warning", "info"

# What a late registration's message ends with, by why it is late or only worth knowing.
BEFORE_REGISTRY = (", before ClinicalTrials.gov took its first records (1999-09): it could not be registered there "
                   "before it started.")
BEFORE_ICMJE = (": registered after it started, as was usual before ICMJE asked trials starting from 2005-07-01 to "
                "register first.")
PHASE1_BEFORE_ICMJE = (": registered after it started, as ICMJE asked a phase 1 trial to register first only from "
                       "2008-07-01 (FDAAA never has).")
LATE_SAID = ": registered late."
# What a retrospective registration's message ends with.
OBSERVATIONAL_SAID = ", so it was registered retrospectively, which no rule forbids an observational study."
EXPANDED_SAID = (", so it was registered retrospectively, which no rule forbids an expanded-access record (a "
                 "treatment offered outside a trial).")
COMPLETED_BEFORE_ICMJE = (", so it was registered retrospectively, as was usual before ICMJE asked trials starting "
                          "from 2005-07-01 to register first.")
PHASE1_RETRO = (", so it was registered retrospectively, as ICMJE asked a phase 1 trial to register first only from "
                "2008-07-01 (FDAAA never has).")
RETRO_SAID = ", so it was registered retrospectively."
ZERO_SAID = (": a count of 0 fits only a study that enrolled nobody (withdrawn, or stopped before its first "
             "participant), so the real count is missing.")
BEFORE_FDAAA_EVIDENCE = ("; the record was made public or last updated before FDAAA (2007-09-27) asked why a study "
                         "stopped, and no date it gives shows the study ran past that day")


def _submitted(day, **values) -> dict:
    """The clean study's changes for a record first submitted and posted on `day`, and `values`."""
    return dict(study_first_submitted_date=day, study_first_posted_date=day, **values)


def _legacy(**values) -> dict:
    """A legacy record's dates and counts: untyped, kept to the month, made public in 2001, last updated 2005."""
    return dict(dict(start_date=d(1996, 5, 31), start_date_precision="month", start_date_type=None,
                     primary_completion_date=None, primary_completion_date_type=None, completion_date=d(2000, 9, 30),
                     completion_date_precision="month", completion_date_type=None, enrollment_type=None,
                     study_first_submitted_date=d(2000, 2, 24), study_first_posted_date=d(2001, 8, 31),
                     last_update_posted_date=d(2005, 6, 24), verification_date=None), **values)


# name: (the studies row's changes, tables replaced, rule, [(severity, how its message ends)] it should give).
SHAPES = {
    # new: a start before the registry opened is no late registration
    "begun 1994-02 (ACTUAL), submitted as the registry opened": (
        _submitted(d(1999, 9, 23), start_date=d(1994, 2, 28), start_date_precision="month",
                   completion_date=d(2002, 6, 30), primary_completion_date=d(2002, 6, 30)), {}, LATE,
        [(INFO, BEFORE_REGISTRY)]),
    "begun 1976-10 untyped, submitted 1999": (
        _submitted(d(1999, 9, 23), start_date=d(1976, 10, 31), start_date_precision="month", start_date_type=None),
        {}, LATE, [(INFO, BEFORE_REGISTRY)]),
    "begun 1985 (the year), registered 2009": (
        _submitted(d(2009, 3, 23), start_date=d(1985, 12, 31), start_date_precision="year"), {}, LATE,
        [(INFO, BEFORE_REGISTRY)]),
    "begun 1999-08-31, the day before the registry opened": (
        _submitted(d(2000, 1, 10), start_date=d(1999, 8, 31)), {}, LATE, [(INFO, BEFORE_REGISTRY)]),
    "posted 1999-11 (ESTIMATED), its submission stamped again later, begun 1995-07": (
        dict(study_first_submitted_date=d(2006, 7, 13), study_first_posted_date=d(1999, 11, 4),
             study_first_posted_date_type="ESTIMATED", start_date=d(1995, 7, 31), start_date_precision="month",
             start_date_type=None), {}, LATE, [(INFO, BEFORE_REGISTRY)]),
    # new: begun after the registry opened, before ICMJE asked for registration first
    "begun 1999-09 (the month), registered 2000-01": (
        _submitted(d(2000, 1, 28), start_date=d(1999, 9, 30), start_date_precision="month", start_date_type=None),
        {}, LATE, [(INFO, BEFORE_ICMJE)]),
    "begun 2003-01, registered with ICMJE's deadline 2005-09-13": (
        _submitted(d(2005, 9, 13), start_date=d(2003, 1, 31), start_date_precision="month", start_date_type=None),
        {}, LATE, [(INFO, BEFORE_ICMJE)]),
    "phase 1 begun 2005-10, registered 2007-06": (
        _submitted(d(2007, 6, 27), phase="PHASE1", start_date=d(2005, 10, 31), start_date_precision="month"), {},
        LATE, [(INFO, PHASE1_BEFORE_ICMJE)]),
    "early phase 1 begun 2008-06-01, registered 2009": (
        _submitted(d(2009, 6, 27), phase="EARLY_PHASE1", start_date=d(2008, 6, 1)), {}, LATE,
        [(INFO, PHASE1_BEFORE_ICMJE)]),
    # guards: late where a rule asked the trial to register first
    "phase 2 begun 2020-01-16, registered 2020-03-01": (_submitted(d(2020, 3, 1)), {}, LATE, [(WARNING, LATE_SAID)]),
    "phase 1 begun 2009-05, registered 2010": (
        _submitted(d(2010, 2, 1), phase="PHASE1", start_date=d(2009, 5, 1)), {}, LATE, [(WARNING, LATE_SAID)]),
    "phase 1/phase 2 begun 2005-10, registered 2006": (
        _submitted(d(2006, 6, 27), phase="PHASE1/PHASE2", start_date=d(2005, 10, 1)), {}, LATE,
        [(WARNING, LATE_SAID)]),
    "begun 2005-07-01, registered 2006": (_submitted(d(2006, 3, 1), start_date=d(2005, 7, 1)), {}, LATE,
                                          [(WARNING, LATE_SAID)]),
    "begun 1994, registered in time (21 days)": (
        _submitted(d(1994, 3, 1), start_date=d(1994, 2, 15)), {}, LATE, []),
    # new: a retrospective registration no rule forbade says so
    "observational, completed 2016-06, registered 2018": (
        _submitted(d(2018, 2, 8), study_type="OBSERVATIONAL", phase=None, start_date=d(2015, 1, 1),
                   primary_completion_date=None, completion_date=d(2016, 6, 1)), {}, AFTER_COMPLETION,
        [(INFO, OBSERVATIONAL_SAID)]),
    "observational, completed 2000-03 untyped, registered 2000-05": (
        _submitted(d(2000, 5, 25), study_type="OBSERVATIONAL", phase=None, start_date=d(1985, 9, 30),
                   start_date_precision="month", start_date_type=None, primary_completion_date=None,
                   completion_date=d(2000, 3, 31), completion_date_precision="month", completion_date_type=None),
        {}, AFTER_COMPLETION, [(INFO, OBSERVATIONAL_SAID)]),
    "expanded access, available until 2018-06, registered 2019": (
        dict(study_type="EXPANDED_ACCESS", phase=None, overall_status="NO_LONGER_AVAILABLE", enrollment=None,
             enrollment_type=None, start_date=None, start_date_type=None, primary_completion_date=None,
             primary_completion_date_type=None, completion_date=d(2018, 6, 30), completion_date_precision="month",
             completion_date_type="ACTUAL", study_first_submitted_date=d(2019, 11, 20)), {}, AFTER_COMPLETION,
        [(INFO, EXPANDED_SAID)]),
    "phase 3 completed 2004-12-16 (ACTUAL), registered 2007": (
        _submitted(d(2007, 7, 9), phase="PHASE3", start_date=d(2003, 10, 8), primary_completion_date=d(2004, 12, 1),
                   completion_date=d(2004, 12, 16)), {}, AFTER_COMPLETION, [(INFO, COMPLETED_BEFORE_ICMJE)]),
    "phase 1 begun 2006-01, completed 2007-01, registered 2007-06": (
        _submitted(d(2007, 6, 1), phase="PHASE1", start_date=d(2006, 1, 1), primary_completion_date=d(2006, 12, 1),
                   completion_date=d(2007, 1, 1)), {}, AFTER_COMPLETION, [(INFO, PHASE1_RETRO)]),
    # guards: a trial a rule asked to register first
    "phase 2 completed 2012-06, registered 2013": (
        _submitted(d(2013, 2, 1), start_date=d(2011, 1, 1), primary_completion_date=d(2012, 1, 1),
                   completion_date=d(2012, 6, 1)), {}, AFTER_COMPLETION, [(WARNING, RETRO_SAID)]),
    "phase 1 begun 2009, completed 2010, registered 2011": (
        _submitted(d(2011, 2, 1), phase="PHASE1", start_date=d(2009, 1, 1), primary_completion_date=d(2010, 1, 1),
                   completion_date=d(2010, 6, 1)), {}, AFTER_COMPLETION, [(WARNING, RETRO_SAID)]),
    "observational, registered before it completed": (
        _submitted(d(2015, 6, 1), study_type="OBSERVATIONAL", phase=None, start_date=d(2015, 1, 1),
                   primary_completion_date=None, completion_date=d(2016, 6, 1)), {}, AFTER_COMPLETION, []),
    # new: an enrollment of 0 on a study that ran says why it is no count
    "completed legacy trial, enrollment 0 untyped": (
        _legacy(enrollment=0, overall_status="COMPLETED"), {}, NO_ENROLLMENT,
        [(INFO, "status is COMPLETED" + ZERO_SAID)]),
    "unknown status, enrollment 0": (
        _legacy(enrollment=0, overall_status="UNKNOWN"), {}, NO_ENROLLMENT, [(INFO, "status is UNKNOWN" + ZERO_SAID)]),
    "recruiting, an anticipated 0": (
        dict(enrollment=0, enrollment_type="ESTIMATED", overall_status="RECRUITING", completion_date=d(2027, 1, 1),
             completion_date_type="ESTIMATED", primary_completion_date=d(2026, 6, 1),
             primary_completion_date_type="ESTIMATED"), {}, NO_ENROLLMENT,
        [(WARNING, "status is RECRUITING" + ZERO_SAID)]),
    # guards
    "completed legacy trial, no enrollment": (
        _legacy(enrollment=None, overall_status="COMPLETED"), {}, NO_ENROLLMENT,
        [(INFO, "Study gives no enrollment.")]),
    "terminated, 0 enrolled": (
        dict(enrollment=0, enrollment_type="ACTUAL", overall_status="TERMINATED", why_stopped="No participants"), {},
        NO_ENROLLMENT, []),
    "suspended, an untyped 0": (
        _legacy(enrollment=0, overall_status="SUSPENDED", why_stopped="Drug supply"), {}, NO_ENROLLMENT, []),
}


@pytest.mark.parametrize("name", list(SHAPES))
def test_shape(shape_found, name):
    _values, _tables, rule, expected = SHAPES[name]
    found = [(severity, message) for rule_id, severity, message, _ in shape_found[name] if rule_id == rule]
    assert [severity for severity, _ in found] == [severity for severity, _ in expected]
    for (_, message), (_, ending) in zip(found, expected):
        assert message.endswith(ending), message


def test_a_trial_begun_before_the_registry_is_never_called_late(shape_found):
    begun_before = [name for name, (_v, _t, rule, expected) in SHAPES.items()
                    if rule == LATE and expected and expected[0][1] == BEFORE_REGISTRY]
    messages = [m for name in begun_before for rule_id, _s, m, _e in shape_found[name] if rule_id == LATE]
    assert len(messages) == len(begun_before) == 5
    assert not any("registered late" in m for m in messages)


def test_a_late_registration_before_the_registry_keeps_its_dates(shape_found):
    [(_, severity, message, evidence)] = shape_found["begun 1994-02 (ACTUAL), submitted as the registry opened"]
    assert (severity, message) == (INFO, "Study was first submitted on 1999-09-23, at least 2033 days after it "
                                         "started in 1994-02 (ACTUAL)" + BEFORE_REGISTRY)
    assert evidence == "study_first_submitted_date=1999-09-23; start_date=1994-02 (ACTUAL); days after start=2033"


# A stopped study without a reason: (the studies row's changes, severity, whether the evidence says why it is info).
STOPPED = {
    "terminated 2000, last updated 2005 (new)": (
        _legacy(overall_status="TERMINATED", why_stopped=None, enrollment=70), INFO, True),
    "withdrawn legacy record (new)": (
        _legacy(overall_status="WITHDRAWN", why_stopped=None, enrollment=0, enrollment_type="ACTUAL"), INFO, True),
    "terminated 2015": (dict(overall_status="TERMINATED", why_stopped=None, start_date=d(2013, 1, 1),
                             primary_completion_date=d(2015, 1, 1), completion_date=d(2015, 6, 1),
                             study_first_submitted_date=d(2012, 11, 20), last_update_posted_date=d(2015, 9, 1)),
                        WARNING, False),
    "posted 2005, terminated 2009": (
        _legacy(overall_status="TERMINATED", why_stopped="", completion_date=d(2009, 3, 31),
                completion_date_type="ACTUAL", last_update_posted_date=d(2009, 6, 1)), WARNING, False),
}


@pytest.fixture(scope="module")
def all_found(tmp_path_factory):
    """(rule id, severity, message, evidence) of the rules' findings on SHAPES and STOPPED, by shape, on one
    warehouse."""
    shapes = {**SHAPES, **{name: (values, {}, NO_REASON, None) for name, (values, _s, _e) in STOPPED.items()}}
    return harness.judged_shape_findings(tmp_path_factory.mktemp("info_flags"), shapes, RULES)


@pytest.fixture(scope="module")
def shape_found(all_found):
    return all_found


@pytest.fixture(scope="module")
def stopped_found(all_found):
    return all_found


@pytest.mark.parametrize("name", list(STOPPED))
def test_a_missing_reason_judged_at_info_says_why_in_its_evidence(stopped_found, name):
    _values, severity, says_why = STOPPED[name]
    [(_, found_severity, message, evidence)] = [f for f in stopped_found[name] if f[0] == NO_REASON]
    assert found_severity == severity
    assert "gives no reason why the study stopped" in message
    assert evidence.endswith(BEFORE_FDAAA_EVIDENCE) == says_why, evidence
