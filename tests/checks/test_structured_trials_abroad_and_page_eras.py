"""Structured-field rules on record shapes the corpus barely holds: a trial of an FDA-regulated product run wholly
abroad, US territories, an anticipated completion before the first submission, a stopped study's reason said to be
missing, an observational follow-up of another trial's placebo group, a numbered outcome, and a republished page of an
old record that shows no posting date. What fires or stays quiet is also in tests/checks/cases_*.py; here, how loud
each finding is and what it says."""
from __future__ import annotations

from datetime import date

import pytest

import checks
from checks.outcome_wording import wording
from tests.checks import harness

RULES = {rule.id: rule for rule in checks.all_rules()}
OVERDUE = "timeliness.results_overdue"
REGISTERED = "dates.registered_after_completion"
STOPPED = "status.stopped_without_reason"
ARM = "protocol.arm_without_intervention"
ENROLLMENT = "missing_fields.no_enrollment"
START = "missing_fields.no_start_date"

# The clean study (sites in China) completed 2021-06 as an FDA-regulated drug trial registered in time, no results.
DUE = dict(study_first_submitted_date=date(2019, 11, 20), is_fda_regulated_drug=True)
PUERTO_RICO = {"facilities": [{"name": "Hospital Auxilio Mutuo", "city": "San Juan", "country": "Puerto Rico"}],
               "countries": [{"name": "Puerto Rico", "removed": False}]}
NO_SITES = {"facilities": [], "countries": []}
# A page that shows neither a posting nor a submission date (meddatax's): enrollment and start not given.
PAGE = dict(source_layout="aggregator_text", study_first_posted_date=None, study_first_submitted_date=None,
            enrollment=None, enrollment_type=None, start_date=None, start_date_type=None, verification_date=None)
# Still recruiting towards an anticipated completion, registered after that plan's date had passed.
PLANNED_END = dict(start_date=date(2024, 1, 1), start_date_type="ESTIMATED", primary_completion_date=date(2024, 2, 1),
                   primary_completion_date_type="ESTIMATED", completion_date=date(2024, 3, 1),
                   completion_date_type="ESTIMATED", enrollment=30, enrollment_type="ESTIMATED",
                   study_first_submitted_date=date(2024, 6, 1), study_first_posted_date=date(2024, 6, 5),
                   last_update_posted_date=date(2024, 6, 5), verification_date=date(2024, 6, 1))
OBSERVATIONAL = dict(study_type="OBSERVATIONAL", phase=None)
FOLLOW_UP_DESIGN = {"allocation": None, "intervention_model": None, "masking": None, "subject_masked": None,
                    "investigator_masked": None, "primary_purpose": None}


def _cohorts(placebo_description: str) -> dict:
    """An observational follow-up: a cohort given the study drug linked to it, and a placebo cohort."""
    return {"designs": [FOLLOW_UP_DESIGN],
            "design_groups": [{"group_type": None, "title": "Baricitinib",
                               "description": "Participants treated with baricitinib"},
                              {"group_type": None, "title": "Placebo", "description": placebo_description}],
            "interventions": [{"intervention_type": "DRUG", "name": "Baricitinib"}],
            "design_group_interventions": [{"design_group": "Baricitinib", "intervention": "Baricitinib"}]}


# shape: (nct_id, studies values, other tables)
SHAPES = {
    "abroad, export not given": ("NCT04000001", DUE, {}),
    "abroad, not exported": ("NCT04000002", {**DUE, "is_us_export": False}, {}),
    "abroad, exported": ("NCT04000003", {**DUE, "is_us_export": True}, {}),
    "no sites listed, not exported": ("NCT04000004", {**DUE, "is_us_export": False}, NO_SITES),
    "Puerto Rico, not exported": ("NCT04000005", {**DUE, "is_us_export": False}, PUERTO_RICO),
    "Puerto Rico, no FDA flags": ("NCT04000006", {"study_first_submitted_date": date(2019, 11, 20)}, PUERTO_RICO),
    "no phase": ("NCT04000007", {**DUE, "phase": None}, {}),
    "abroad, not exported, an IND among its ids": ("NCT04000009", {**DUE, "is_us_export": False}, {"id_information": [
        {"id_source": "org_study_id", "id_value": "PUMCH-1"},
        {"id_source": "secondary_id", "id_type": "OTHER", "id_value": "BB-IND 12,345"}]}),
    "abroad, not exported, an acronym among its ids": ("NCT04000010", {**DUE, "is_us_export": False}, {
        "id_information": [{"id_source": "secondary_id", "id_type": "OTHER", "id_value": "INDIGO-2"}]}),
    "abroad, not exported, submitted late": ("NCT04000008", {**DUE, "is_us_export": False}, {"pending_results": [
        {"event": "RELEASE", "event_date_description": "2023-01-10", "event_date": date(2023, 1, 10)}]}),
    "not yet recruiting, planned end passed": ("NCT04000011", {**PLANNED_END, "overall_status": "NOT_YET_RECRUITING"},
                                               {}),
    "suspended, planned end passed": ("NCT04000012", {**PLANNED_END, "overall_status": "SUSPENDED",
                                                      "why_stopped": "Drug supply", "start_date_type": "ACTUAL"}, {}),
    "unknown, planned end passed": ("NCT04000013", {**PLANNED_END, "overall_status": "UNKNOWN",
                                                    "last_known_status": "RECRUITING", "start_date_type": "ACTUAL"},
                                    {}),
    "unknown, ended before registration": ("NCT04000014", {**PLANNED_END, "overall_status": "UNKNOWN",
                                                           "last_known_status": "RECRUITING",
                                                           "start_date_type": "ACTUAL",
                                                           "primary_completion_date_type": "ACTUAL",
                                                           "completion_date_type": "ACTUAL"}, {}),
    "completed, end left an estimate": ("NCT04000015", {**PLANNED_END, "overall_status": "COMPLETED",
                                                        "start_date_type": "ACTUAL", "enrollment_type": "ACTUAL"}, {}),
    "no reason given": ("NCT04000021", {"overall_status": "TERMINATED", "why_stopped": "No reason given"}, {}),
    "reason not specified": ("NCT04000022", {"overall_status": "SUSPENDED", "why_stopped": "Not specified"}, {}),
    "reason not provided": ("NCT04000023", {"overall_status": "TERMINATED", "why_stopped": "Reason not provided."},
                            {}),
    "no funding": ("NCT04000024", {"overall_status": "WITHDRAWN", "enrollment": 0, "why_stopped": "No funding"}, {}),
    "no participants enrolled": ("NCT04000025", {"overall_status": "TERMINATED", "enrollment": 0,
                                                 "why_stopped": "No participants enrolled"}, {}),
    "parent study's placebo group": ("NCT04000031", OBSERVATIONAL,
                                     _cohorts("Participants who received placebo in the parent study")),
    "placebo group randomized before": ("NCT04000032", OBSERVATIONAL,
                                        _cohorts("Patients randomized to placebo in the core study, followed up")),
    "sham procedure now": ("NCT04000033", OBSERVATIONAL, _cohorts("Patients undergoing a sham procedure")),
    "page last updated 2005": ("NCT01100041", {**PAGE, "last_update_posted_date": date(2005, 6, 24)}, {}),
    "page of an NCT number of 2006": ("NCT00272012", {**PAGE, "last_update_posted_date": date(2012, 6, 24)}, {}),
    "page of an NCT number of 2010": ("NCT01272012", {**PAGE, "last_update_posted_date": date(2012, 6, 24)}, {}),
    "registry record of an NCT number of 2006 first posted 2012": (
        "NCT00272013", {"study_first_posted_date": date(2012, 3, 1), "enrollment": None}, {}),
}
JUDGED = (OVERDUE, REGISTERED, STOPPED, ARM, ENROLLMENT, START)


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple[str, str, str, str]]]:
    """(rule, severity, message, evidence) of each finding on each shape, all shapes in one warehouse."""
    return harness.shape_findings(tmp_path_factory.mktemp("applicable"), SHAPES, [RULES[rule_id] for rule_id in JUDGED])


def _of(found: dict, shape: str, rule_id: str) -> list[tuple[str, str, str]]:
    return [(severity, message, evidence) for rule, severity, message, evidence in found[shape] if rule == rule_id]


NONE_SUBMITTED = ("Primary completion was 2021-06-01 (ACTUAL) and results were due by 2022-06-01, but none were "
                  "submitted as of 2026-11-22.")
NOT_REACHED = (" The trial owes results only if it runs under a US IND or IDE, which the registry does not publish: "
               "the record lists no site in the US or its territories and says its product is not made in and exported "
               "from the US.")


@pytest.mark.parametrize("shape, severity, message", [
    ("abroad, not exported", "info", NONE_SUBMITTED + NOT_REACHED),
    ("no sites listed, not exported", "info", NONE_SUBMITTED + NOT_REACHED),
    ("no phase", "info", NONE_SUBMITTED + " The record gives no phase, so whether it is a phase 1 trial, which owes no "
                                          "results, cannot be told."),
    ("abroad, not exported, an acronym among its ids", "info", NONE_SUBMITTED + NOT_REACHED),
    ("abroad, not exported, an IND among its ids", "warning", NONE_SUBMITTED),
    ("abroad, exported", "warning", NONE_SUBMITTED),
    ("abroad, export not given", "warning", NONE_SUBMITTED),
    ("Puerto Rico, not exported", "warning", NONE_SUBMITTED),
    ("Puerto Rico, no FDA flags", "warning", NONE_SUBMITTED),
])
def test_results_overdue_says_when_the_record_does_not_show_the_trial_applicable(found, shape, severity, message):
    """42 CFR 11.22(b) reaches a trial of an FDA-regulated product through a US site (a territory's too), a US IND or
    IDE, or a product exported from the US. The registry publishes no IND or IDE: a trial run abroad whose record says
    its product is not exported, and lists no IND or IDE among its secondary ids, is not shown to owe results."""
    assert [(s, m) for s, m, _e in _of(found, shape, OVERDUE)] == [(severity, message)]


def test_results_overdue_evidence_names_the_sites_countries_and_the_export_answer(found):
    (_s, _m, evidence), = _of(found, "abroad, not exported", OVERDUE)
    assert evidence.endswith("; is_us_export=false; site countries=China")
    (_s, _m, evidence), = _of(found, "no sites listed, not exported", OVERDUE)
    assert evidence.endswith("; is_us_export=false; site countries=none listed")
    (_s, _m, evidence), = _of(found, "abroad, not exported, an IND among its ids", OVERDUE)
    assert evidence.endswith("; is_us_export=false; site countries=China; US IND or IDE among its secondary ids=BB-IND "
                             "12,345")


def test_results_submitted_late_by_a_trial_not_shown_applicable_says_both(found):
    (severity, message, _e), = _of(found, "abroad, not exported, submitted late", OVERDUE)
    assert severity == "info"
    assert message.startswith("Primary completion was 2021-06-01 (ACTUAL) and results were due by 2022-06-01; they "
                              "were first submitted on 2023-01-10, 223 days late")
    assert message.endswith(NOT_REACHED)


@pytest.mark.parametrize("shape, fires", [
    ("not yet recruiting, planned end passed", False),
    ("suspended, planned end passed", False),
    ("unknown, planned end passed", False),
    ("unknown, ended before registration", True),
    ("completed, end left an estimate", True),
])
def test_registered_after_completion_needs_a_completion_that_happened(found, shape, fires):
    """An anticipated completion of a study still open, suspended or of unknown status is a plan: the study did not
    complete on it, so a record submitted after it was not 'registered after it completed'."""
    assert bool(_of(found, shape, REGISTERED)) == fires


def test_registered_after_an_ended_studys_estimate_names_the_estimate(found):
    (severity, message, _e), = _of(found, "completed, end left an estimate", REGISTERED)
    assert (severity, message) == ("warning", "Study was first submitted on 2024-06-01, after it completed on "
                                              "2024-03-01 (ESTIMATED), so it was registered retrospectively.")


@pytest.mark.parametrize("shape, message", [
    ("no reason given", "Status is TERMINATED but why the study stopped is given only as 'No reason given', which "
                        "names no reason."),
    ("reason not specified", "Status is SUSPENDED but why the study stopped is given only as 'Not specified', which "
                             "names no reason."),
    ("reason not provided", "Status is TERMINATED but why the study stopped is given only as 'Reason not provided.', "
                            "which names no reason."),
])
def test_a_reason_said_to_be_missing_is_no_reason(found, shape, message):
    assert [(s, m) for s, m, _e in _of(found, shape, STOPPED)] == [("warning", message)]


@pytest.mark.parametrize("shape", ["no funding", "no participants enrolled"])
def test_a_reason_that_opens_with_no_is_a_reason(found, shape):
    assert _of(found, shape, STOPPED) == []


@pytest.mark.parametrize("shape, fires", [
    ("parent study's placebo group", False),
    ("placebo group randomized before", False),
    ("sham procedure now", True),
])
def test_an_observational_cohort_of_another_studys_placebo_group_is_given_nothing(found, shape, fires):
    assert bool(_of(found, shape, ARM)) == fires


@pytest.mark.parametrize("shape, severity, era", [
    ("page last updated 2005", "info", "; last updated 2005-06-24, before FDAAA required it"),
    ("page of an NCT number of 2006", "info", "; NCT number issued by the end of 2006, before FDAAA required it"),
    ("page of an NCT number of 2010", "warning", ""),
])
def test_a_page_without_a_posting_date_is_placed_in_its_era_by_its_last_update_or_nct_number(
        found, shape, severity, era):
    """meddatax's page shows no posting or submission date; a record last updated before FDAAA, or registered under
    an NCT number issued by the end of 2006, was made public before FDAAA asked for enrollment and dates."""
    for rule_id in (ENROLLMENT, START):
        (got, _message, evidence), = _of(found, shape, rule_id)
        assert got == severity
        assert evidence.endswith("overall_status=COMPLETED" + era)


def test_a_registry_record_is_placed_in_its_era_by_its_first_posting_not_its_number(found):
    assert [s for s, _m, _e in _of(found, "registry record of an NCT number of 2006 first posted 2012", ENROLLMENT)] \
        == ["warning"]


@pytest.mark.parametrize("old, new, same", [
    ("1. Overall survival", "Overall survival", True),
    ("(2) Objective response rate", "Objective response rate", True),
    ("a) Incidence of adverse events", "Incidence of adverse events", True),
    ("3.Pain score (VAS)", "Pain score (VAS)", True),
    ("1. Overall survival", "1. Progression-free survival", False),
    ("12-month survival", "Survival", False),
    ("1.5 mg/kg dose response", "5 mg/kg dose response", False),
    ("A. fumigatus clearance", "fumigatus clearance", False),
])
def test_a_list_number_opening_a_measure_is_no_change(old, new, same):
    assert (wording(old) == wording(new)) is same
