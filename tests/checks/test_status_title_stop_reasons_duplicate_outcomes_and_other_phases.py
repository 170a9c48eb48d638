"""A record's status against its reason for stopping, its dates, enrollment and sites; its results deadline; its header
numbers and outcomes listed twice; and the phase its title names. The inputs are what could fool the rules: a COMPLETED
study's reason that says it was never stopped or ended normally ('Study was never stopped', 'Study ended as per
protocol'), a withdrawn study's 0 ACTUAL against an ESTIMATED count, trials FDAAA does not reach (phase 1, device
feasibility, no US site, completed before 2017, a certificate of delay, results in review), outcomes listed twice that
differ in time frame or population (not copies) or only in case or white space, a no-break space among it (copies), site
statuses of a study with many sites, and titles naming another study's phase ('Phase 2 Results-Based Follow-up',
'Decision Making About Phase I Trial Enrollment'), subphases, parts and numerals of other things ('Factor VIII', 'Tier
II', 'Stage 2'). The record-level shapes share one warehouse; the titles are judged without one."""
from __future__ import annotations

from datetime import date as d

import pytest

import checks
from checks.check_scope import set_scope
from checks.rule_findings import found_table
from checks.title_phase import observational_phase_findings, study_phase_findings
from tests.checks import harness

RULES = {rule.id: rule for rule in checks.all_rules()}
STOPPED = "status.stopped_without_reason"
OPEN_ACTUAL = "status.open_status_actual_primary_completion"
WITHDRAWN = "status.withdrawn_with_enrollment"
COMPLETED_REASON = "status.completed_with_reason_stopped"
SITES = "status.site_status_differs"
OVERDUE = "timeliness.results_overdue"
NOT_YET_PAST = "timeliness.not_yet_recruiting_past_start"
CLOSED = "contradictions.closed_status_estimated_enrollment"
NOT_YET = "contradictions.not_yet_recruiting_with_actuals"
HEADER = "contradictions.header_metrics_differ"
DUPLICATE = "contradictions.duplicate_outcome"
WARNING, ERROR, INFO = "warning", "error", "info"

# --- a COMPLETED study's reason for stopping ------------------------------------------------------------------------
# A reason that says the study ran its course, or denies a stop: none. Those marked were flagged (info) before.
COMPLETED_NO_REASON = (
    "Study completed as planned", "N/A", "Not applicable", "Completed", "The study was not stopped",
    "Study was never stopped",  # before
    "Never stopped",  # before
    "Study was not terminated or suspended",  # before
    "The study did not stop",  # before
    "The study completed normally and was never terminated",  # before
    "Study ended normally",  # before
    "Study ended on schedule",  # before
    "Study ended as per protocol",  # before
    "Data analysis completed",  # before
    "Never terminated early",  # before
    "The trial was completed as scheduled.", "Completed per protocol",
    "Study completed; not stopped", "Enrollment complete", "All subjects completed the study", "Study ended",
    "Study concluded per protocol", "None - study completed", "This study was not stopped early",
)
# A reason that says the study ended early: a warning, a denial beside it or not.
COMPLETED_ENDED_EARLY = (
    "Stopped early for efficacy", "Study was terminated early by the sponsor for business reasons",
    "Study closed early due to poor accrual", "Trial terminated", "Discontinued, not suspended",
    "Terminated early, not completed", "Study stopped early, not completed", "Study stopped per protocol",
)
# Another reason: left from a stop the study came back from, worth knowing.
COMPLETED_OTHER_REASON = ("Sponsor decision", "Study suspended due to COVID-19 and later resumed",
                          "Study closed to accrual", "Study was not stopped early; it was terminated")

# --- a stopped study's reason --------------------------------------------------------------------------------------
# A stopped study's reason that names none: a warning. "Never" (a stop denied) was no finding before.
STOPPED_NO_REASON = ("N/A", "Never", ".", "?", "Reasons not known", "Other reason", "Study halted prematurely",
                     "Early termination", "The study has been terminated.", "TBD", "See above", "-", "Unknown",
                     "No reason given", "Terminated for other reasons")
STOPPED_A_REASON = ("Business decision", "Administrative reasons", "Closed by IRB", "Sponsor request", "PI left",
                    "Terminated (see results)", "Never started: no funding", "Study completed as planned",
                    "No participants enrolled", "Not funded", "Other: sponsor decision", "Unknown - PI left",
                    "Lack of efficacy", "Slow accrual", "Drug supply issues")

US_SITE = {"facilities": [{"name": "Mayo Clinic", "city": "Rochester", "country": "United States", "status": None}],
           "countries": [{"name": "United States", "removed": False}]}
# A phase 2 trial of an FDA-regulated drug at a US site, its primary completion 2019-06-01: results due 2020-06-01.
DUE = dict(start_date=d(2018, 1, 1), primary_completion_date=d(2019, 6, 1), completion_date=d(2019, 9, 1),
           study_first_submitted_date=d(2017, 12, 1), last_update_posted_date=d(2020, 3, 1), phase="PHASE2",
           is_fda_regulated_drug=True, is_fda_regulated_device=False)
FEASIBILITY = {"designs": [{"allocation": "NA", "intervention_model": "SINGLE_GROUP",
                            "primary_purpose": "DEVICE_FEASIBILITY", "masking": "NONE"}]}
NOT_YET_STUDY = dict(overall_status="NOT_YET_RECRUITING", start_date_type="ESTIMATED", enrollment_type="ESTIMATED",
                     primary_completion_date_type="ESTIMATED", completion_date_type="ESTIMATED")
# A study's record first posted and ended before FDAAA 801, and one first posted before it that ran past it.
BEFORE_FDAAA = dict(study_first_posted_date=d(2001, 1, 1), study_first_submitted_date=d(2001, 1, 1),
                    start_date=d(2001, 2, 1), primary_completion_date=d(2003, 1, 1), completion_date=d(2003, 6, 1),
                    last_update_posted_date=d(2005, 1, 1))
RAN_PAST_FDAAA = dict(study_first_posted_date=d(2005, 1, 1), study_first_submitted_date=d(2005, 1, 1),
                      start_date=d(2005, 2, 1), primary_completion_date=d(2008, 1, 1), completion_date=d(2009, 6, 1),
                      last_update_posted_date=d(2010, 1, 1))


def _pending(submitted: d) -> dict:
    """Results submitted on `submitted` and in the registry's review, not posted."""
    return {"pending_results": [{"event": "RELEASE", "event_date": submitted}]}


def _sites(*statuses: str | None) -> dict:
    return {"facilities": [{"name": f"Site {n}", "city": "Boston", "country": "United States", "status": status}
                           for n, status in enumerate(statuses, 1)]}


def _header(**numbers) -> dict:
    return {"page_header_metrics": [{"enrollment": None, "sites": None, "arms": None, **numbers}]}


def _outcomes(*rows: tuple) -> dict:
    """The study's outcome rows: (type, measure, time frame, description)."""
    return {"design_outcomes": [dict(zip(("outcome_type", "measure", "time_frame", "description"), row))
                                for row in rows]}


# The clean study's two arms and one site, which a page's header counts.
ARMS_AND_SITE = {table: harness.CLEAN_STUDY[table] for table in ("design_groups", "facilities")}
NBSP = "\u00a0"
NOT_YET_SITES = ("NOT_YET_RECRUITING",) * 47
P, S, O = "primary", "secondary", "other"

# name: (the studies row's changed values, tables replacing the clean study's, the rule judged, the severity it finds
# or None). A quiet shape marked "before" was flagged before; a finding marked "before" was not.
SHAPES = {
    **{f"completed, no reason: {why}": ({"why_stopped": why}, {}, COMPLETED_REASON, None)
       for why in COMPLETED_NO_REASON},
    **{f"completed, ended early: {why}": ({"why_stopped": why}, {}, COMPLETED_REASON, WARNING)
       for why in COMPLETED_ENDED_EARLY},
    **{f"completed, another reason: {why}": ({"why_stopped": why}, {}, COMPLETED_REASON, INFO)
       for why in COMPLETED_OTHER_REASON},
    **{f"terminated, no reason: {why}": (dict(overall_status="TERMINATED", why_stopped=why, enrollment=10), {},
                                         STOPPED, WARNING) for why in STOPPED_NO_REASON},
    **{f"terminated, a reason: {why}": (dict(overall_status="TERMINATED", why_stopped=why, enrollment=10), {},
                                        STOPPED, None) for why in STOPPED_A_REASON},
    "withdrawn, never given a reason": (  # before
        dict(overall_status="WITHDRAWN", why_stopped="Never", enrollment=0, enrollment_type="ACTUAL"), {}, STOPPED,
        WARNING),
    "suspended, blank reason": (dict(overall_status="SUSPENDED", why_stopped="  "), {}, STOPPED, WARNING),
    "terminated before FDAAA, no reason": (dict(overall_status="TERMINATED", why_stopped=None, **BEFORE_FDAAA), {},
                                           STOPPED, INFO),
    # --- a withdrawn study's enrollment ----------------------------------------------------------------------------
    **{f"withdrawn, {n} {kind}": (dict(overall_status="WITHDRAWN", why_stopped="No funding", enrollment=n,
                                       enrollment_type=kind), {}, WITHDRAWN, expected)
       for n, kind, expected in ((0, "ACTUAL", None), (0, "ESTIMATED", None), (None, None, None),
                                 (None, "ACTUAL", None), (100, "ESTIMATED", INFO), (50, None, INFO),
                                 (100, "ACTUAL", ERROR), (1, "ACTUAL", ERROR), (1, "ESTIMATED", INFO),
                                 (250, "ACTUAL", ERROR), (0, None, None), (12, "ESTIMATED", INFO))},
    "withdrawn legacy record, untyped 30": (dict(overall_status="WITHDRAWN", why_stopped="No funding", enrollment=30,
                                                 enrollment_type=None, source_layout="ctgov_xml"), {}, WITHDRAWN, INFO),
    "terminated, 10 actual": (dict(overall_status="TERMINATED", why_stopped="Slow accrual", enrollment=10), {},
                              WITHDRAWN, None),
    "completed, 40 actual": ({}, {}, WITHDRAWN, None),
    # --- an open status beside an actual primary completion ---------------------------------------------------------
    **{f"{status}, primary completion {kind}": (dict(overall_status=status, primary_completion_date_type=kind,
                                                     completion_date_type="ESTIMATED"), {}, OPEN_ACTUAL, expected)
       for status, kind, expected in (
           ("RECRUITING", "ACTUAL", WARNING), ("NOT_YET_RECRUITING", "ACTUAL", ERROR),
           ("ENROLLING_BY_INVITATION", "ACTUAL", WARNING), ("ACTIVE_NOT_RECRUITING", "ACTUAL", None),
           ("RECRUITING", "ESTIMATED", None), ("RECRUITING", None, None), ("SUSPENDED", "ACTUAL", None),
           ("COMPLETED", "ACTUAL", None), ("TERMINATED", "ACTUAL", None), ("NOT_YET_RECRUITING", "ESTIMATED", None),
           ("ENROLLING_BY_INVITATION", "ESTIMATED", None), ("UNKNOWN", "ACTUAL", None),
           ("WITHDRAWN", "ACTUAL", None), ("ENROLLING_BY_INVITATION", None, None), ("NOT_YET_RECRUITING", None, None))},
    # --- site statuses against the overall status, a study with many sites --------------------------------------
    "not yet recruiting, 47 sites not yet and 1 recruiting": (
        {"overall_status": "NOT_YET_RECRUITING"}, _sites(*NOT_YET_SITES, "RECRUITING"), SITES, WARNING),
    "not yet recruiting, 47 sites not yet and 1 completed": (
        {"overall_status": "NOT_YET_RECRUITING"}, _sites(*NOT_YET_SITES, "COMPLETED"), SITES, WARNING),
    "not yet recruiting, 47 sites not yet and 1 withdrawn": (
        {"overall_status": "NOT_YET_RECRUITING"}, _sites(*NOT_YET_SITES, "WITHDRAWN"), SITES, None),
    "not yet recruiting, a site suspended": (
        {"overall_status": "NOT_YET_RECRUITING"}, _sites("SUSPENDED", "NOT_YET_RECRUITING"), SITES, None),
    "recruiting, 47 sites not yet and 1 recruiting": (
        {"overall_status": "RECRUITING"}, _sites(*NOT_YET_SITES, "RECRUITING"), SITES, None),
    "recruiting, 47 sites not yet and 1 without a status": (
        {"overall_status": "RECRUITING"}, _sites(*NOT_YET_SITES, None), SITES, None),
    "recruiting, 47 sites all not yet": ({"overall_status": "RECRUITING"}, _sites(*NOT_YET_SITES), SITES, WARNING),
    "recruiting, sites completed and active": (
        {"overall_status": "RECRUITING"}, _sites("COMPLETED", "COMPLETED", "ACTIVE_NOT_RECRUITING"), SITES, WARNING),
    "recruiting, sites withdrawn": ({"overall_status": "RECRUITING"}, _sites("WITHDRAWN", "WITHDRAWN"), SITES, WARNING),
    "recruiting, a site available under expanded access": (
        {"overall_status": "RECRUITING"}, _sites("AVAILABLE", "COMPLETED"), SITES, None),
    "recruiting, a site enrolling by invitation": (
        {"overall_status": "RECRUITING"}, _sites("ENROLLING_BY_INVITATION", "COMPLETED"), SITES, None),
    "active, sites recruiting": ({"overall_status": "ACTIVE_NOT_RECRUITING"}, _sites("RECRUITING"), SITES, None),
    "completed, a site recruiting": ({}, _sites("RECRUITING", "COMPLETED"), SITES, None),
    "recruiting, no site gives a status": ({"overall_status": "RECRUITING"}, _sites(None, None), SITES, None),
    "an aggregator page recruiting, its site completed": (
        {"overall_status": "RECRUITING", "source_layout": "aggregator_text"}, _sites("COMPLETED"), SITES, None),
    # --- results due, and trials FDAAA does not reach ---------------------------------------------------------------
    "phase 2 drug at a US site, no results": (DUE, US_SITE, OVERDUE, WARNING),
    "phase 1/2": (dict(DUE, phase="PHASE1/PHASE2"), US_SITE, OVERDUE, WARNING),
    "phase 1": (dict(DUE, phase="PHASE1"), US_SITE, OVERDUE, None),
    "early phase 1": (dict(DUE, phase="EARLY_PHASE1"), US_SITE, OVERDUE, None),
    "device feasibility": (dict(DUE, phase="NA", is_fda_regulated_drug=False, is_fda_regulated_device=True),
                           {**US_SITE, **FEASIBILITY}, OVERDUE, None),
    "a device trial, not feasibility": (dict(DUE, phase="NA", is_fda_regulated_drug=False,
                                             is_fda_regulated_device=True), US_SITE, OVERDUE, WARNING),
    "no US site, product not exported": (dict(DUE, is_us_export=False), {}, OVERDUE, INFO),
    "no US site, no FDA flags": (dict(DUE, is_fda_regulated_drug=None, is_fda_regulated_device=None), {}, OVERDUE,
                                 None),
    "a US site, not FDA-regulated": (dict(DUE, is_fda_regulated_drug=False), US_SITE, OVERDUE, None),
    "primary completion before the final rule": (dict(DUE, primary_completion_date=d(2016, 12, 1)), US_SITE,
                                                  OVERDUE, None),
    "primary completion the day before the final rule": (dict(DUE, primary_completion_date=d(2017, 1, 17)), US_SITE,
                                                         OVERDUE, None),
    "a certificate of delay in time, within three years": (
        dict(DUE, primary_completion_date=d(2024, 6, 1), disposition_first_submitted_date=d(2025, 3, 1)), US_SITE,
        OVERDUE, None),
    "a certificate of delay after the results were due": (
        dict(DUE, primary_completion_date=d(2024, 6, 1), disposition_first_submitted_date=d(2025, 9, 1)), US_SITE,
        OVERDUE, WARNING),
    "results submitted in time, in review": (DUE, {**US_SITE, **_pending(d(2020, 5, 1))}, OVERDUE, None),
    "results submitted late, in review": (DUE, {**US_SITE, **_pending(d(2021, 5, 1))}, OVERDUE, INFO),
    "results posted": (dict(DUE, results_first_submitted_date=d(2020, 5, 1), results_first_posted_date=d(2020, 7, 1)),
                       US_SITE, OVERDUE, None),
    "withdrawn": (dict(DUE, overall_status="WITHDRAWN", why_stopped="No funding", enrollment=0), US_SITE, OVERDUE,
                  None),
    "primary completion estimated": (dict(DUE, primary_completion_date_type="ESTIMATED"), US_SITE, OVERDUE, None),
    "not yet due": (dict(DUE, primary_completion_date=d(2026, 1, 1), completion_date=d(2026, 2, 1)), US_SITE,
                    OVERDUE, None),
    "no phase given": (dict(DUE, phase=None), US_SITE, OVERDUE, INFO),
    "behavioural, a placebo typed as a drug, no FDA flags": (
        dict(DUE, is_fda_regulated_drug=None, is_fda_regulated_device=None),
        {**US_SITE, "interventions": [{"intervention_type": "BEHAVIORAL", "name": "CBT"},
                                      {"intervention_type": "DRUG", "name": "Placebo"}]}, OVERDUE, None),
    # --- not yet recruiting, a start long past -----------------------------------------------------------------------
    **{f"not yet recruiting, start {start} ({precision})": (
        dict(NOT_YET_STUDY, start_date=start, start_date_precision=precision), {}, NOT_YET_PAST, expected)
       for start, precision, expected in (
           (d(2026, 8, 10), "day", WARNING), (d(2026, 9, 20), "day", None), (d(2027, 1, 1), "day", None),
           (d(2026, 8, 1), "month", None), (d(2026, 7, 1), "month", WARNING), (d(2026, 1, 1), "year", None),
           (d(2025, 1, 1), "year", WARNING), (d(2024, 3, 1), "day", WARNING), (d(2026, 8, 24), "day", None))},
    "not yet recruiting, taken from the registry 2026-08-20": (
        dict(NOT_YET_STUDY, start_date=d(2026, 6, 1), snapshot_date=d(2026, 8, 20)), {}, NOT_YET_PAST, None),
    "recruiting, start long past": ({"overall_status": "RECRUITING", "start_date": d(2020, 1, 1)}, {}, NOT_YET_PAST,
                                    None),
    "not yet recruiting, no start": (dict(NOT_YET_STUDY, start_date=None, start_date_type=None), {}, NOT_YET_PAST,
                                     None),
    "last known not yet recruiting, start long past": (
        dict(NOT_YET_STUDY, overall_status="UNKNOWN", last_known_status="NOT_YET_RECRUITING",
             start_date=d(2020, 1, 1)), {}, NOT_YET_PAST, None),
    "not yet recruiting, actual start long past": (dict(NOT_YET_STUDY, start_date=d(2025, 1, 1),
                                                        start_date_type="ACTUAL"), {}, NOT_YET_PAST, WARNING),
    # --- closed with an estimated enrollment --------------------------------------------------------------------------
    **{f"{status}, enrollment {n} {kind}": (dict(overall_status=status, why_stopped="Slow accrual", enrollment=n,
                                                 enrollment_type=kind), {}, CLOSED, expected)
       for status, n, kind, expected in (
           ("COMPLETED", 40, "ESTIMATED", WARNING), ("TERMINATED", 0, "ESTIMATED", WARNING),
           ("TERMINATED", 12, "ESTIMATED", WARNING), ("COMPLETED", None, "ESTIMATED", WARNING),
           ("WITHDRAWN", 10, "ESTIMATED", None), ("ACTIVE_NOT_RECRUITING", 40, "ESTIMATED", None),
           ("RECRUITING", 40, "ESTIMATED", None), ("SUSPENDED", 40, "ESTIMATED", None),
           ("COMPLETED", 40, "ACTUAL", None),
           ("COMPLETED", 40, None, None), ("TERMINATED", 0, "ACTUAL", None), ("UNKNOWN", 40, "ESTIMATED", None))},
    "completed before FDAAA, an estimate": (dict(enrollment_type="ESTIMATED", **BEFORE_FDAAA), {}, CLOSED, INFO),
    "completed, first posted before FDAAA, ran past it, an estimate": (
        dict(enrollment_type="ESTIMATED", **RAN_PAST_FDAAA), {}, CLOSED, WARNING),
    "terminated before FDAAA, an estimate": (dict(overall_status="TERMINATED", why_stopped="Funding",
                                                  enrollment_type="ESTIMATED", **BEFORE_FDAAA), {}, CLOSED, INFO),
    # --- not yet recruiting with actuals ---------------------------------------------------------------------------
    **{f"not yet recruiting, start {start_kind}, enrollment {n} {kind}": (
        dict(NOT_YET_STUDY, start_date_type=start_kind, enrollment=n, enrollment_type=kind), {}, NOT_YET, expected)
       for start_kind, n, kind, expected in (
           ("ACTUAL", 60, "ESTIMATED", ERROR), ("ESTIMATED", 40, "ACTUAL", ERROR), ("ESTIMATED", 0, "ACTUAL", WARNING),
           ("ESTIMATED", None, "ACTUAL", WARNING), ("ACTUAL", 0, "ACTUAL", ERROR), ("ESTIMATED", 60, "ESTIMATED", None),
           (None, None, None, None), (None, 60, "ESTIMATED", None), ("ACTUAL", None, None, ERROR),
           ("ESTIMATED", 1, "ACTUAL", ERROR))},
    "last known not yet recruiting, actual start": (
        dict(NOT_YET_STUDY, overall_status="UNKNOWN", last_known_status="NOT_YET_RECRUITING", start_date_type="ACTUAL"),
        {}, NOT_YET, ERROR),
    "last known recruiting, actual start": (dict(overall_status="UNKNOWN", last_known_status="RECRUITING"), {},
                                            NOT_YET, None),
    "recruiting, actual start and enrollment": ({"overall_status": "RECRUITING"}, {}, NOT_YET, None),
    "legacy record not yet recruiting, untyped": (dict(NOT_YET_STUDY, source_layout="ctgov_xml", start_date_type=None,
                                                       enrollment_type=None), {}, NOT_YET, None),
    # --- a page's header numbers -----------------------------------------------------------------------------------
    **{f"header {numbers}": ({"source_layout": "ctgov_classic_text", **values},
                              {**ARMS_AND_SITE, **_header(**numbers), **tables}, HEADER, expected)
       for numbers, values, tables, expected in (
           ({"enrollment": 40, "sites": 1, "arms": 2}, {}, {}, None),
           ({"enrollment": 45}, {}, {}, WARNING),
           ({"arms": 3}, {}, {}, WARNING),
           ({"sites": 3}, {}, {}, WARNING),
           ({"sites": 48}, {}, _sites(*NOT_YET_SITES, "RECRUITING"), None),
           ({"sites": 47}, {}, _sites(*NOT_YET_SITES, "RECRUITING"), WARNING),
           ({"arms": 2}, {}, {"design_groups": []}, None),
           ({"sites": 2}, {}, {"facilities": []}, None),
           ({"enrollment": 40}, {"enrollment": None}, {}, None),
           ({}, {}, {}, None),
           ({"enrollment": 30}, {"enrollment_type": "ESTIMATED", "overall_status": "RECRUITING"}, {}, WARNING),
           ({"enrollment": 9500, "sites": 1, "arms": 2}, {"enrollment": 9500}, {}, None),
           ({"enrollment": 0}, {"enrollment": 0}, {}, None),
           ({"enrollment": 40, "sites": 1, "arms": 1}, {}, {}, WARNING),
           ({"arms": 4}, {}, {"design_groups": [{"group_type": "EXPERIMENTAL", "title": f"Cohort {n}"}
                                                for n in range(4)]}, None))},
    # --- an outcome listed twice ------------------------------------------------------------------------------------
    **{f"outcomes: {name}": ({}, _outcomes(*rows), DUPLICATE, expected) for name, rows, expected in (
        ("the same rows", ((P, "Overall survival", "5 years", "Time to death"),) * 2, INFO),
        ("the measure's case aside", ((P, "Overall Survival", "5 years", "d"), (P, "overall survival", "5 years", "d")),
         INFO),
        ("the time frame's case aside", ((P, "OS", "5 Years", "x"), (S, "OS", "5 years", "x")), INFO),
        ("a double space", ((P, "Overall  survival", "5 years", "d"), (P, "Overall survival", "5 years", "d")), INFO),
        ("a line break and a trailing space", ((P, "Overall survival\n", "5 years ", "d"),
                                               (P, "Overall survival", "5 years", "d")), INFO),
        ("a no-break space in the measure", ((P, f"Overall{NBSP}survival", "5 years", "d"),
                                             (P, "Overall survival", "5 years", "d")), INFO),  # before
        ("a no-break space in the time frame", ((P, "Overall survival", f"5{NBSP}years", "d"),
                                                (P, "Overall survival", "5 years", "d")), INFO),  # before
        ("a no-break space in the description", ((P, "QoL", "Week 12", f"EQ-5D{NBSP}{NBSP}index"),
                                                 (S, "QoL", "Week 12", "EQ-5D index")), INFO),  # before
        ("a tab in the description", ((P, "OS", "5 years", "Time\tto death"), (P, "OS", "5 years", "Time to death")),
         INFO),
        ("a Windows line break", ((P, "QoL", "Week 12", "EQ-5D\r\nindex"), (P, "QoL", "Week 12", "EQ-5D index")),
         INFO),
        ("week 12 and 12 weeks", ((P, "HbA1c change", "Week 12", "d"), (P, "HbA1c change", "12 weeks", "d")), None),
        ("weeks 12 and 24", ((P, "HbA1c change", "Week 12", "d"), (S, "HbA1c change", "Week 24", "d")), None),
        ("two populations in the description", ((P, "PFS", "3 years", "In PD-L1 positive participants"),
                                                (P, "PFS", "3 years", "In all randomized participants")), None),
        ("two populations in the measure", ((P, "PFS in PD-L1 positive participants", "3 years", ""),
                                            (P, "PFS in all participants", "3 years", "")), None),
        ("two cohorts in the time frame", ((P, "Cmax", "Day 1 (Cohort A)", "d"), (P, "Cmax", "Day 1 (Cohort B)", "d")),
         None),
        ("fasted and fed", ((P, "Cmax", "Day 1", "Drug X fasted"), (P, "Cmax", "Day 1", "Drug X with food")), None),
        ("as primary and secondary", ((P, "Pain score", "Day 7", "VAS"), (S, "Pain score", "Day 7", "VAS")), INFO),
        ("one row per parameter", ((S, "Change in blood tests", "Week 4", "Hemoglobin"),
                                   (S, "Change in blood tests", "Week 4", "Platelets")), None),
        ("no descriptions", ((P, "Pain score", "Day 7", None), (P, "Pain score", "Day 7", None)), INFO),
        ("no description and an empty one", ((P, "Pain score", "Day 7", None), (P, "Pain score", "Day 7", "")), INFO),
        ("empty measures", ((P, "", "Day 7", None), (P, " ", "Day 7", None)), None),
        ("measures of a no-break space", ((P, NBSP, "Day 7", None), (P, " ", "Day 7", None)), None),
        ("twice of three", ((P, "AE", "1 year", "d"), (S, "AE", "1 year", "d"), (S, "AE", "2 years", "d")), INFO),
        ("a full stop after one", ((P, "Pain score.", "Day 7", "d"), (P, "Pain score", "Day 7", "d")), None),
        ("a hyphen and a space", ((P, "Follow-up visits", "Day 7", "d"), (P, "Follow up visits", "Day 7", "d")), None),
        ("two other outcomes, case aside", ((O, "QoL", "Week 12", "EQ-5D"), (O, "QOL", "week 12", "eq-5d")), INFO),
        ("'N/A' time frames and descriptions", ((P, "QoL", "N/A", "N/A"), (P, "QoL", "N/A", "N/A")), INFO),
        ("'N/A' and no time frame", ((P, "QoL", "N/A", "d"), (P, "QoL", None, "d")), None))},
}


# Of the clean study, only its studies row is kept, and the tables each shape gives: the reviewed rules read the
# others only where a shape gives them (a study's sites, arms, outcomes, interventions), and the one warehouse of all
# the shapes is loaded sooner without them.
KEPT = ("studies",)


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple[str, str, str]]]:
    """Each shape's findings of the rule it names, (rule id, severity, message): all shapes in one warehouse, which
    holds only them, and each rule evaluated once over them all, as a run over every study does."""
    names = {f"NCT0{n:07d}": name for n, name in enumerate(SHAPES, 1)}
    studies = {}
    for nct_id, name in names.items():
        values, tables, _rule, _expected = SHAPES[name]
        study = harness.clean_study()
        study["studies"][0].update(values)
        study = {table: rows for table, rows in study.items() if table in KEPT}
        study.update(tables)
        studies[nct_id] = study
    found = {name: [] for name in SHAPES}
    con = harness.warehouse_with(tmp_path_factory.mktemp("status_title"), studies)
    try:
        scope = set_scope(con, None, harness.AS_OF)
        for rule_id in sorted({rule for _values, _tables, rule, _expected in SHAPES.values()}):
            for row in found_table(con, RULES[rule_id], scope, narrowed=True).to_pylist():
                found[names[row["nct_id"]]].append((rule_id, row["severity"], row["message"]))
    finally:
        con.close()
    return found


@pytest.mark.parametrize("name", SHAPES)
def test_the_reviewed_record_rules(found, name):
    _values, _tables, rule_id, expected = SHAPES[name]
    severities = {severity for rule, severity, _message in found[name] if rule == rule_id}
    assert severities == ({expected} if expected else set()), found[name]


def test_a_no_break_space_is_shown_as_a_space_in_the_message(found):
    (_rule, _severity, message), = found["outcomes: a no-break space in the measure"]
    assert message == ("The primary outcome 'Overall survival' is listed 2 times with the same time frame and "
                       "description.")


# --- the phase a title names ----------------------------------------------------------------------------------------
# (title, the record's phase, the severity of the finding or None). Marked "before": judged otherwise before.
TITLES = (
    ("Phase 2 Results-Based Follow-up of Drug X in Psoriasis", "PHASE3", None),  # before
    ("Phase III Data Long-Term Follow-up of Drug X", "PHASE2", None),  # before
    ("Phase 2 Trial Results Dissemination Intervention", "NA", None),  # before
    ("Decision Aid for Phase I Trial Participation", "NA", None),  # before
    ("A Phase I Trial Enrollment Intervention for Older Adults", "NA", None),  # before
    ("Phase 3 Data-Driven Dosing Trial of Drug X", "PHASE2", WARNING),
    ("A Phase 2 Study Enrolling Adults With Relapsed AML", "PHASE3", WARNING),
    ("A Phase 3 Trial of Drug X: Final Results", "PHASE2", WARNING),
    ("Extension of the Phase 3 ABC-301 Study of Drug X in Psoriasis", "PHASE2", None),
    ("An Open-Label Extension Study for Participants Who Completed the Phase 3 ABC-301 Study", "PHASE2", None),
    ("Long-term Extension Study of Participants From Phase 2 Study XYZ-201", "PHASE3", None),
    ("A Phase 1b/2a Study of Drug X in Solid Tumors", "PHASE1/PHASE2", None),
    ("A Phase 1b/2a Study of Drug X in Solid Tumors", "PHASE2", WARNING),
    ("A Phase 1b/2a Study of Drug X in Solid Tumors", "PHASE3", WARNING),
    ("A Phase IIb, Randomized, Double-Blind Study of Drug X", "PHASE2", None),
    ("A Phase IIb, Randomized, Double-Blind Study of Drug X", "PHASE2/PHASE3", None),
    ("A Phase IIb, Randomized, Double-Blind Study of Drug X", "PHASE3", WARNING),
    ("Stage 2 of a Randomized Study of Drug X", "PHASE3", None),
    ("Stage 2 (Phase 3) of a Seamless Phase 2/3 Trial", "PHASE3", None),
    ("Part A (Phase 1) and Part B (Phase 2) Study of Drug X", "PHASE1/PHASE2", None),
    ("Part A (Phase 1) and Part B (Phase 2) Study of Drug X", "PHASE2", WARNING),
    ("A Pivotal Study of Drug X", "PHASE3", None),
    ("Pivotal Phase III Trial of Drug X", "PHASE2", WARNING),
    ("Recombinant Factor VIII in Previously Treated Patients: a Phase III Study", "PHASE3", None),
    ("Recombinant Factor VIII in Previously Treated Patients: a Phase III Study", "PHASE2", WARNING),
    ("Factor VIII Phase Study", "PHASE3", None),
    ("Tier II Phase Study of Drug X", "PHASE3", None),
    ("Type II Diabetes Phase III Trial of Drug X", "PHASE2", WARNING),
    ("Stage IV Melanoma: a Phase II Trial", "PHASE2", None),
    ("A Phase I Study of Drug X IV Infusion", "PHASE1", None),
    ("A Phase 0 Study of Drug X", "PHASE1", INFO),
    ("A Phase 2 Study Using the Recommended Phase 3 Dose", "PHASE2", None),
    ("A Two-Phase, Randomized Study of Drug X", "PHASE2", None),
    ("A Phase II Study of Drug X (ABC-II Study)", "PHASE2", None),
    ("A Phase 2 Study in Subjects Who Completed Phase 1 Study ABC-101", "PHASE2", None),
    ("A Phase I/II Trial of Drug X", "NA", WARNING),
)


@pytest.mark.parametrize("title, phase, expected", TITLES, ids=[f"{t[0]} [{t[1]}]" for t in TITLES])
def test_the_phase_a_title_names_against_the_record(title, phase, expected):
    found = list(study_phase_findings("NCT00000001", [("studies.official_title", title)], phase))
    assert [f.severity for f in found] == ([expected] if expected else [])


# (title of an observational study, whether it is flagged). Marked "before": judged otherwise before.
OBSERVATIONAL_TITLES = (
    ("Phase 2 Results-Based Follow-up of Drug X", False),  # before
    ("Phase III Data Long-Term Follow-up", False),  # before
    ("Decision Making About Phase I Trial Enrollment", False),  # before
    ("Phase I Clinical Trial Enrollment Among Older Adults", False),  # before
    ("Phase 1 Trial Referral Patterns in Community Oncology", False),  # before
    ("A Phase I Dose-Finding Study of Drug X", True),
    ("A Phase 2 Study of Drug X in Asthma", True),
    ("Phase 3 Data-Driven Dosing Study of Drug X", True),
    ("Long-term Follow-up of Participants From the Phase 3 ABC-301 Study", False),
    ("Pharmacokinetics of Drug X in Children: a Phase IV Study", False),
    ("Phase II of the SHARE Project: Interviews With Caregivers", False),
    ("Tier II Phase of the Program", False),
    ("Prospective Follow-up of Patients Treated in Phase I Trials", False),
    ("Quality of Life in Patients Enrolled in Phase 1 Oncology Trials", False),
    ("Outcomes of Phase I Trial Participants", False),
    ("Patient Experience in Phase I Cancer Trials", False),
    ("Understanding of Phase 1 Trials in Parents of Children With Cancer", False),
    ("Phase 2 of the Healthy Aging Study", False),
    ("Follicular Phase Estradiol Levels", False),
    ("Luteal Phase Support Observational Study", False),
    ("Genetic Testing in Patients Screened for Phase 1 Trials", False),
    ("Post-trial Access After a Phase 3 Trial", False),
    ("A Non-Interventional Phase IV Study of Drug X", False),
    ("Stage 2 of the Cohort Study", False),
    ("Factor VIII Inhibitors: a Phase 2 Study", True),
)


@pytest.mark.parametrize("title, flagged", OBSERVATIONAL_TITLES, ids=[t[0] for t in OBSERVATIONAL_TITLES])
def test_the_phase_an_observational_studys_title_names(title, flagged):
    found = list(observational_phase_findings("NCT00000001", [("studies.official_title", title)]))
    assert bool(found) is flagged
