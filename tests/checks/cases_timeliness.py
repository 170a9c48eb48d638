"""Cases for checks.timeliness: registration within 21 days of the start (42 CFR 11.24), results
within a year of primary completion (42 CFR 11.44), a start date that passed long ago."""
from __future__ import annotations

from datetime import date as d

from tests.checks.harness import Case


def study(**values):
    """A change that sets columns of the `studies` row."""
    return lambda s: s["studies"][0].update(values)


def both(*changes):
    """A change made of several changes, in order."""
    return lambda s: [change(s) for change in changes]


def rows(table: str, new_rows: list[dict]):
    """A change that replaces the rows of one child table."""
    return lambda s: s.__setitem__(table, new_rows)


def _clean(_s) -> None:
    """No change: the clean study."""


def _pending(*events):
    """A change: results submitted and not yet posted, as (event, date) pairs (pending_results)."""
    return rows("pending_results", [{"event": event, "event_date_description": str(day or "Unknown"),
                                      "event_date": day} for event, day in events])


LATE = "timeliness.late_registration"
OVERDUE = "timeliness.results_overdue"
NOT_STARTED = "timeliness.not_yet_recruiting_past_start"

# Completed 2021-06 (ACTUAL), registered in time, an FDA-regulated drug, no results by 2026.
DUE = study(study_first_submitted_date=d(2019, 11, 20), is_fda_regulated_drug=True)
US_SITE = rows("facilities", [{"name": "Mayo Clinic", "city": "Rochester", "country": "United States"}])

CASES = [
    Case(LATE, True, study(study_first_submitted_date=d(2020, 3, 1), study_first_posted_date=d(2020, 3, 5)),
         note="45 days after the start"),
    Case(LATE, True, study(start_date=d(2020, 1, 1), start_date_precision="month",
                           study_first_submitted_date=d(2020, 2, 25), study_first_posted_date=d(2020, 3, 2)),
         note="25 days after 2020-01 ends"),
    Case(LATE, True, study(study_first_posted_date=d(2020, 4, 1), study_first_submitted_date=d(2021, 1, 4)),
         note="posted 76 days after the start, before a submission date stamped again later"),
    Case(LATE, False, study(study_first_posted_date=d(2020, 1, 20), study_first_submitted_date=d(2021, 1, 4)),
         note="posted 4 days after the start: the submission date was stamped again later (NCT00001440)"),
    Case(LATE, False, study(study_first_posted_date=d(2020, 2, 28), study_first_submitted_date=d(2021, 1, 4)),
         note="posted 43 days after the start: within the 21 days and 30 for the registry's review"),
    Case(LATE, False, study(start_date=d(2020, 1, 1), start_date_precision="month",
                            study_first_submitted_date=d(2020, 2, 15)),
         note="2020-01 may mean 2020-01-31: 15 days"),
    Case(LATE, False, study(study_first_submitted_date=d(2020, 2, 6)), note="21 days is on time"),
    Case(LATE, False, study(study_first_submitted_date=d(2020, 3, 1), start_date_type="ESTIMATED"),
         note="an estimated start has not happened: nobody enrolled yet"),
    Case(LATE, False, study(study_first_submitted_date=d(2020, 3, 1), study_type="OBSERVATIONAL", phase=None),
         note="observational studies have no 21-day rule"),
    Case(LATE, False, _clean, note="first submission unknown"),

    Case(OVERDUE, True, DUE, note="FDA-regulated drug, no results five years on"),
    Case(OVERDUE, True, both(US_SITE, study(study_first_submitted_date=d(2019, 11, 20))),
         note="a US site and a drug, no FDA flags given"),
    Case(OVERDUE, False, both(US_SITE, study(study_first_submitted_date=d(2019, 11, 20),
                                             is_fda_regulated_drug=False, is_fda_regulated_device=False)),
         note="a US site but the sponsor says no FDA-regulated product"),
    Case(OVERDUE, False, both(US_SITE, study(study_first_submitted_date=d(2019, 11, 20)),
                              rows("interventions", [{"intervention_type": "BEHAVIORAL", "name": "Coaching"}]),
                              rows("design_group_interventions", [])),
         note="a US site, behavioral intervention only"),
    Case(OVERDUE, True, both(DUE, study(disposition_first_submitted_date=d(2022, 5, 1))),
         note="certificate of delay, yet more than three years"),
    Case(OVERDUE, False, both(DUE, study(disposition_first_submitted_date=d(2022, 5, 1))), as_of=d(2023, 6, 1),
         note="certificate of delay extends the deadline"),
    Case(OVERDUE, False, both(DUE, study(results_first_submitted_date=d(2022, 5, 30))), note="results submitted"),
    Case(OVERDUE, True, both(DUE, _pending(("RELEASE", d(2022, 5, 30)), ("RESET", d(2022, 6, 20)))),
         note="submitted on time, returned by the registry's review in 2022, not submitted again: past the 25 days "
              "to correct them"),
    Case(OVERDUE, False, both(DUE, _pending(("RELEASE", d(2022, 5, 30)), ("RESET", d(2022, 6, 20)),
                                            ("RELEASE", d(2022, 7, 8)))),
         note="submitted on time, returned by the registry's review, submitted again: in review"),
    Case(OVERDUE, False, both(DUE, _pending(("RELEASE", d(2022, 5, 30)), ("RESET", d(2026, 11, 1)))),
         note="submitted on time, returned 21 days before the record's day: within the 25 days to correct them"),
    Case(OVERDUE, False, both(DUE, _pending(("RELEASE", d(2022, 5, 30)))),
         note="submitted on time, not yet posted: in review"),
    Case(OVERDUE, True, both(DUE, _pending(("RELEASE", d(2023, 1, 10)))),
         note="submitted late, not yet posted (info: tests/checks/test_severity_by_era.py)"),
    Case(OVERDUE, True, both(DUE, _pending(("RELEASE", d(2022, 5, 30)), ("UNRELEASE", d(2022, 6, 10)))),
         note="submitted on time, then withdrawn by the sponsor"),
    Case(OVERDUE, True, both(DUE, _pending(("RELEASE", d(2022, 5, 30)), ("UNRELEASE", None))),
         note="submitted on time, then withdrawn on a day the registry gives as Unknown: the last act listed"),
    Case(OVERDUE, False, both(DUE, study(snapshot_date=d(2022, 5, 1))), note="not yet due at its snapshot"),
    Case(OVERDUE, False, both(DUE, study(phase="PHASE1")), note="phase 1 is no applicable trial"),
    Case(OVERDUE, False, both(DUE, study(primary_completion_date_type="ESTIMATED")), note="not completed"),
    Case(OVERDUE, False, both(DUE, study(primary_completion_date=d(2016, 12, 1), completion_date=d(2016, 12, 20))),
         note="completed before the final rule (2017-01-18)"),
    Case(OVERDUE, False, both(DUE, study(primary_completion_date=d(2017, 1, 1),
                                         primary_completion_date_precision="month")),
         note="2017-01 may be before 2017-01-18"),
    Case(OVERDUE, False, study(study_first_submitted_date=d(2019, 11, 20)),
         note="no FDA-regulated product, no US site"),
    Case(OVERDUE, False, study(is_fda_regulated_drug=True), note="timeline not loaded: results unknown"),
    Case(OVERDUE, False, both(DUE, study(study_type="OBSERVATIONAL", phase=None)), note="observational"),

    Case(NOT_STARTED, True, study(overall_status="NOT_YET_RECRUITING", start_date=d(2026, 1, 15),
                                  start_date_type="ESTIMATED", primary_completion_date=d(2027, 6, 1),
                                  primary_completion_date_type="ESTIMATED", completion_date=d(2027, 9, 1),
                                  completion_date_type="ESTIMATED"), note="311 days past its start"),
    Case(NOT_STARTED, False, study(overall_status="NOT_YET_RECRUITING", start_date=d(2026, 9, 1),
                                   start_date_type="ESTIMATED"), note="82 days"),
    Case(NOT_STARTED, False, study(overall_status="NOT_YET_RECRUITING", start_date=d(2026, 8, 1),
                                   start_date_precision="month", start_date_type="ESTIMATED"),
         note="2026-08 may end 83 days before"),
    Case(NOT_STARTED, False, study(overall_status="NOT_YET_RECRUITING", start_date=d(2026, 1, 15),
                                   snapshot_date=d(2026, 2, 1)), note="17 days at its snapshot"),
    Case(NOT_STARTED, False, _clean, note="completed"),
]

# Edge cases of the registry's deadlines: withdrawn studies, certificates of delay submitted late, phases and
# purposes that make a trial applicable or not, precision of the primary completion against as_of.
WITHDRAWN_STARTED = study(overall_status="WITHDRAWN", why_stopped="No funding", enrollment=0,
                          start_date=d(2020, 1, 31), start_date_precision="month",
                          study_first_submitted_date=d(2020, 6, 1), study_first_posted_date=d(2020, 6, 5))
DEVICE_FEASIBILITY = both(US_SITE,
                          study(phase="NA", is_fda_regulated_device=True, study_first_submitted_date=d(2019, 11, 20)),
                          lambda s: s["designs"][0].update(primary_purpose="DEVICE_FEASIBILITY"))

MONTH_COMPLETION = study(primary_completion_date=d(2021, 6, 30), primary_completion_date_precision="month")

CASES += [
    Case(LATE, False, WITHDRAWN_STARTED, note="withdrawn: nobody enrolled, so no 21 days ran"),
    Case(LATE, True, both(WITHDRAWN_STARTED, study(overall_status="TERMINATED", why_stopped="Slow accrual",
                                                   enrollment=3, enrollment_type="ACTUAL")),
         note="terminated after enrolling 3, registered four months after the start"),
    Case(LATE, True, study(start_date=d(2020, 1, 31), start_date_precision="month",
                           study_first_submitted_date=d(2020, 2, 22), study_first_posted_date=d(2020, 2, 25)),
         note="22 days after 2020-01 ends"),
    Case(LATE, False, study(start_date=d(2015, 12, 31), start_date_precision="year",
                            study_first_submitted_date=d(2015, 6, 1), study_first_posted_date=d(2015, 6, 4)),
         note="start 2015 may be after 2015-06-01"),
    Case(LATE, True, study(phase="PHASE1", study_first_submitted_date=d(2020, 6, 1),
                           study_first_posted_date=d(2020, 6, 4)),
         note="phase 1 begun 2020: ICMJE covers it"),
    Case(LATE, True, study(start_date=d(2000, 6, 30), start_date_precision="month", start_date_type=None,
                           primary_completion_date=None, primary_completion_date_type=None,
                           completion_date=d(2003, 6, 30), completion_date_precision="month", completion_date_type=None,
                           study_first_submitted_date=d(2001, 3, 2), study_first_posted_date=d(2001, 3, 5),
                           last_update_posted_date=d(2005, 6, 24), verification_date=None),
         note="legacy record of 2001 without date types: info"),
    Case(LATE, False, both(study(study_type="EXPANDED_ACCESS", phase=None, overall_status="AVAILABLE",
                                 study_first_submitted_date=d(2020, 6, 1)), rows("designs", [])),
         note="expanded access is no trial"),

    Case(OVERDUE, True, both(DUE, study(disposition_first_submitted_date=d(2023, 5, 1))), as_of=d(2024, 5, 1),
         note="certificate of delay submitted after the results were due extends nothing"),
    Case(OVERDUE, False, both(DUE, study(disposition_first_submitted_date=d(2022, 6, 1))), as_of=d(2024, 5, 1),
         note="certificate of delay submitted on the day the results were due"),
    Case(OVERDUE, True, both(DUE, study(overall_status="TERMINATED", why_stopped="Sponsor decision", enrollment=3)),
         note="terminated trials post results too"),
    Case(OVERDUE, True, both(DUE, study(phase="PHASE1/PHASE2")), note="phase 1/2 is an applicable trial"),
    Case(OVERDUE, False, both(DUE, study(phase="EARLY_PHASE1")), note="early phase 1 is not"),
    Case(OVERDUE, False, DEVICE_FEASIBILITY, note="a device feasibility study is not"),
    Case(OVERDUE, True, both(DUE, study(phase="NA", is_fda_regulated_drug=False, is_fda_regulated_device=True)),
         note="an FDA-regulated device trial"),
    Case(OVERDUE, False, both(DUE, MONTH_COMPLETION),
         as_of=d(2022, 6, 20), note="primary completion 2021-06: due by 2022-06-30"),
    Case(OVERDUE, True, both(DUE, MONTH_COMPLETION),
         as_of=d(2022, 7, 2), note="primary completion 2021-06: overdue on 2022-07-02"),
    Case(OVERDUE, False, both(DUE, study(results_first_posted_date=d(2022, 7, 1))),
         note="results posted, submission date not given"),
    Case(OVERDUE, False, both(DUE, study(overall_status="WITHDRAWN", why_stopped="No funding", enrollment=0)),
         note="withdrawn: nobody to report on"),

    Case(NOT_STARTED, True, study(overall_status="NOT_YET_RECRUITING", start_date=d(2026, 6, 1),
                                  primary_completion_date=d(2027, 6, 1), primary_completion_date_type="ESTIMATED",
                                  completion_date=d(2027, 9, 1), completion_date_type="ESTIMATED",
                                  last_update_posted_date=d(2026, 7, 1), verification_date=d(2026, 7, 1)),
         note="an ACTUAL start 174 days ago and still not recruiting"),
    Case(NOT_STARTED, True, study(overall_status="NOT_YET_RECRUITING", start_date=d(2018, 10, 1),
                                  start_date_type="ESTIMATED", study_first_posted_date=d(2018, 9, 5),
                                  last_update_posted_date=d(2018, 9, 5), snapshot_date=d(2019, 4, 1)),
         note="already 182 days past at its snapshot"),
]

# The 21 days run from the first enrolment: a trial that enrolled nobody never started that clock, whatever status
# it ended in. A TERMINATED trial's 0 is a count whatever its type; a TERMINATED trial that gives no count but an
# ACTUAL start (the day its first participant enrolled) enrolled someone, as does one giving a count above 0.
REGISTERED_45_DAYS_ON = dict(study_first_submitted_date=d(2020, 3, 1), study_first_posted_date=d(2020, 3, 5))

CASES += [
    Case(LATE, False, study(overall_status="TERMINATED", why_stopped="No participants enrolled", enrollment=0,
                            **REGISTERED_45_DAYS_ON), note="terminated, an ACTUAL enrollment of 0"),
    Case(LATE, False, study(overall_status="TERMINATED", why_stopped="Sponsor decision", enrollment=0,
                            enrollment_type="ESTIMATED", **REGISTERED_45_DAYS_ON),
         note="terminated, an estimated 0: an ended study's count"),
    Case(LATE, True, study(overall_status="TERMINATED", why_stopped="Sponsor decision", enrollment=None,
                           enrollment_type=None, **REGISTERED_45_DAYS_ON),
         note="terminated, no enrollment given: its ACTUAL start is its first enrolment"),
    Case(LATE, False, study(enrollment=0, **REGISTERED_45_DAYS_ON), note="completed with an ACTUAL 0"),
    Case(LATE, True, study(overall_status="TERMINATED", why_stopped="Slow accrual", enrollment=2,
                           **REGISTERED_45_DAYS_ON), note="terminated after enrolling 2"),
    Case(LATE, True, study(overall_status="TERMINATED", why_stopped="Slow accrual", enrollment=30,
                           enrollment_type="ESTIMATED", **REGISTERED_45_DAYS_ON),
         note="terminated, the planned 30 left as an estimate: not a count of nobody"),
    Case(LATE, True, study(enrollment=None, enrollment_type=None, **REGISTERED_45_DAYS_ON),
         note="completed, no enrollment given: a completed trial enrolled"),
    Case(LATE, True, study(overall_status="RECRUITING", enrollment=60, enrollment_type="ESTIMATED",
                           primary_completion_date_type="ESTIMATED", completion_date_type="ESTIMATED",
                           **REGISTERED_45_DAYS_ON), note="recruiting, an estimated 60"),
]

# NOT_YET_RECRUITING says nobody has enrolled: a past start typed ACTUAL (or untyped, in a legacy record) contradicts
# it, and that contradiction is contradictions.not_yet_recruiting_with_actuals' to report, not a late registration.
NOT_YET = dict(primary_completion_date=d(2027, 1, 1), primary_completion_date_type="ESTIMATED",
               completion_date=d(2027, 6, 1), completion_date_type="ESTIMATED", enrollment=60,
               enrollment_type="ESTIMATED", last_update_posted_date=d(2020, 3, 5), verification_date=d(2020, 3, 1))

CASES += [
    Case(LATE, False, study(overall_status="NOT_YET_RECRUITING", **NOT_YET, **REGISTERED_45_DAYS_ON),
         note="not yet recruiting, its start marked ACTUAL"),
    Case(LATE, False, study(overall_status="UNKNOWN", last_known_status="NOT_YET_RECRUITING", start_date_type=None,
                            **NOT_YET, **REGISTERED_45_DAYS_ON),
         note="last known not yet recruiting, an untyped start"),
    Case(LATE, True, study(overall_status="UNKNOWN", last_known_status="RECRUITING", start_date_type=None,
                           **NOT_YET, **REGISTERED_45_DAYS_ON),
         note="last known recruiting, an untyped start"),
]

# A US territory's site is a US site (42 CFR 11.22(b), ClinicalTrials.gov's ACT checklist).
PUERTO_RICO = both(rows("facilities", [{"name": "Hospital Auxilio Mutuo", "city": "San Juan",
                                        "country": "Puerto Rico"}]),
                   rows("countries", [{"name": "Puerto Rico", "removed": False}]))

CASES += [
    Case(OVERDUE, True, both(PUERTO_RICO, study(study_first_submitted_date=d(2019, 11, 20))),
         note="a Puerto Rico site and a drug, no FDA flags given"),
    Case(OVERDUE, False, study(study_first_submitted_date=d(2019, 11, 20), is_us_export=True),
         note="exported, but no FDA-regulated product and no US site"),
    Case(OVERDUE, True, both(DUE, study(is_us_export=False)),
         note="no US site, not exported: info (tests/checks/test_structured_trials_abroad_and_page_eras.py)"),
]

# Another registry ICMJE accepts, and a page's own word that results exist (severities and messages:
# tests/checks/test_timeliness_status_other_registries_and_canceled_results.py).
ISRCTN = rows("id_information", [{"id_source": "org_study_id", "id_value": "PUMCH-1"},
                                 {"id_source": "secondary_id", "id_value": "ISRCTN12345678"}])

CASES += [
    Case(LATE, True, both(ISRCTN, study(study_first_submitted_date=d(2020, 3, 1),
                                        study_first_posted_date=d(2020, 3, 5))),
         note="45 days after the start, an ISRCTN id: info, the trial may have been registered there in time"),
    Case(OVERDUE, False, both(DUE, study(has_results=True, source_layout="summary_text")),
         note="a trial-summary page that says the study has results, without their dates"),
    Case(OVERDUE, True, both(DUE, study(has_results=False, source_layout="summary_text")),
         note="a trial-summary page that says the study has no results"),
]

# A placebo typed as a drug beside a dietary supplement is the comparator: no product that makes the trial applicable.
SUPPLEMENT_AND_PLACEBO = rows("interventions", [{"intervention_type": "DIETARY_SUPPLEMENT", "name": "Vitamin D3"},
                                                {"intervention_type": "DRUG", "name": "Placebo"}])

CASES += [
    Case(OVERDUE, False, both(US_SITE, SUPPLEMENT_AND_PLACEBO, rows("design_group_interventions", []),
                              study(study_first_submitted_date=d(2019, 11, 20))),
         note="a US site, no FDA flags, vitamin D3 against a placebo typed as a drug"),
]
