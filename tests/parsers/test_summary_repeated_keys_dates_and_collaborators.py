"""Trial-summary pages of studies unlike the seed (stopped with the reason beside their status, sparse withdrawn
pages, observational and expanded-access studies, many conditions and collaborators, names in other scripts, old and
long-form dates, ages in one unit, keys repeated): every value is read as the page states it, or named as a load
problem."""
from __future__ import annotations

from datetime import date

import pytest

from flows.parsers.model import Refused
from flows.parsers.summary_text import design
from flows.parsers.summary_text.eligibility import ages
from flows.parsers.summary_text.see_also import see_also
from flows.parsers.summary_text.value_forms import date_text
from tests.parsers.test_summary_study_types_and_numeric_dates import _columns, _read

KEYS = ["NCT number NCT09001001", "Study type Interventional", "Source Example University Hospital"]


def _page(keys=(), design_lines=(), conditions=("Asthma",), title="", rows=(), above=()) -> bytes:
    lines = ["Clinical Trials Logo", "", title, "", "Clinical Trial Summary", "", "A study of airway inflammation.", "",
             "", "Clinical Trial Description", "", "Participants are followed for 12 months.", "", "", "Study Design",
             "", *design_lines, "", "", "Related Conditions & MeSH terms", "", *conditions, "", "", *above, *KEYS,
             *keys, "", "See also", "  Status Clinical Trial Phase", *rows]
    return "\n".join(lines).encode()


def _names(record, table: str) -> list[str]:
    return [row["name"] for row in record.tables.get(table, [])]


# Stopped studies -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lines, status, reason", [
    (["Status Terminated (Low accrual)"], "TERMINATED", "Low accrual"),
    (["Status Withdrawn (No participants enrolled)"], "WITHDRAWN", "No participants enrolled"),
    (["Status Suspended (Pending safety review (DSMB))"], "SUSPENDED", "Pending safety review (DSMB)"),
    (["Status Terminated (Low", "accrual)"], "TERMINATED", "Low accrual"),  # wrapped inside its bracket
    (["Status Terminated", "Why stopped Low accrual"], "TERMINATED", "Low accrual"),
    (["Status Terminated (Low accrual)", "Why stopped Low accrual"], "TERMINATED", "Low accrual"),
])
def test_a_stopped_status_with_its_reason_in_brackets_gives_the_status_and_why_it_stopped(lines, status, reason):
    record, problems = _read(_page(lines))
    assert _columns(record.study, "overall_status", "why_stopped") == (status, reason) and problems == []


def test_a_status_with_a_bracket_that_is_no_stopped_study_s_reason_stays_as_shown():
    record, _ = _read(_page(["Status Completed (Has Results)"]))
    assert _columns(record.study, "overall_status", "why_stopped") == ("Completed (Has Results)", None)
    assert design.status_columns("Active, not recruiting") == {"overall_status": "ACTIVE_NOT_RECRUITING"}


def test_a_reason_beside_the_status_unlike_the_why_stopped_line_is_a_problem():
    record, problems = _read(_page(["Status Terminated (Low accrual)", "Why stopped Sponsor decision"]))
    assert record.study["why_stopped"] == "Sponsor decision"
    assert problems == [("unreadable value", "'Status' gives why the study stopped otherwise than 'Why stopped' "
                                             "(the 'Why stopped' line is read)")]


def test_a_withdrawn_page_without_dates_enrollment_or_contact_loads_only_what_it_shows():
    record, problems = _read(_page(["Status Withdrawn", "Why stopped The sponsor decided not to proceed before "
                                    "enrolling any participant."], conditions=()))
    assert _columns(record.study, "overall_status", "enrollment", "start_date", "completion_date", "phase") == (
        "WITHDRAWN", None, None, None, None)
    assert record.study["why_stopped"].startswith("The sponsor decided")
    assert {"conditions", "central_contacts", "designs", "eligibilities"}.isdisjoint(record.tables) and problems == []


# Keys a page repeats -------------------------------------------------------------------------------------------


def test_a_study_design_label_given_twice_with_different_values_is_a_problem():
    lines = ["Observational model: Cohort", "Time perspective: Prospective", "Observational model: Case-Control"]
    record, problems = _read(_page(["Status Recruiting"], design_lines=lines))
    assert record.tables["designs"][0]["observational_model"] == "COHORT"
    assert problems == [("unreadable value", "'Observational model' is given twice under 'Study Design' with "
                                             "different values (the first is read)")]


def test_a_study_design_label_given_twice_alike_is_read_once_without_a_problem():
    record, problems = _read(_page(["Status Recruiting"], design_lines=["Allocation: Randomized",
                                                                        "Allocation: Randomized"]))
    assert record.tables["designs"][0]["allocation"] == "RANDOMIZED" and problems == []


@pytest.mark.parametrize("above", [["NCT number NCT09001001"], ["NCT number NCT09001001", "Study type Interventional"]])
def test_a_key_block_that_repeats_its_nct_number_line_reads_no_condition_from_it(above):
    record, problems = _read(_page(["Status Recruiting"], above=above))
    assert _names(record, "conditions") == ["Asthma"] and record.nct_id == "NCT09001001" and problems == []


def test_a_key_block_giving_two_nct_numbers_reads_the_first_and_names_the_second():
    record, problems = _read(_page(["Status Recruiting"], above=["NCT number NCT09001002"]))
    assert record.nct_id == "NCT09001002" and _names(record, "conditions") == ["Asthma"]
    assert problems == [("unreadable value", "'NCT number' is given twice with different values (the key block's "
                                             "first is read)")]


def test_a_condition_right_above_the_block_spelling_another_of_its_keys_stays_a_condition():
    record, _ = _read(_page(["Status Recruiting"], conditions=(), above=["Status Epilepticus"]))
    assert _names(record, "conditions") == ["Status Epilepticus"]


# Sponsors and collaborators ------------------------------------------------------------------------------------


def test_collaborators_parted_by_semicolons_are_a_problem_and_one_a_line_each_a_sponsor():
    keys = ["Collaborator Genentech, Inc.", "Collaborator University of California, San Francisco",
            "Collaborator Université de Montréal", "Collaborators Chugai Pharmaceutical; Roche Korea",
            "Collaborator National Heart, Lung, and Blood Institute (NHLBI)", "Status Completed"]
    record, problems = _read(_page(keys))
    assert [(row["lead_or_collaborator"], row["name"]) for row in record.tables["sponsors"]] == [
        ("lead", "Example University Hospital"), ("collaborator", "Genentech, Inc."),
        ("collaborator", "University of California, San Francisco"), ("collaborator", "Université de Montréal"),
        ("collaborator", "National Heart, Lung, and Blood Institute (NHLBI)")]
    assert problems == [("unreadable value", "'Collaborators' names several collaborators in one line")]


def test_a_single_collaborator_line_parting_names_with_a_semicolon_is_named_too():
    record, problems = _read(_page(["Collaborator Chugai Pharmaceutical; Roche Korea", "Status Completed"]))
    assert _names(record, "sponsors") == ["Example University Hospital"]
    assert problems == [("unreadable value", "'Collaborator' names several collaborators in one line")]


# 'See also' ----------------------------------------------------------------------------------------------------


def test_a_see_also_phase_written_short_is_the_trial_s_two_phases():
    rows, strays = see_also(["Terminated NCT01000018 - Efficacy of Drug L Phase 2/3",
                             "Recruiting NCT01000013 - A Phase 1/2 Study of Drug J Phase 1/Phase 2",
                             "Completed NCT01000017 - Phase 1 Study Phase 1"])
    assert [(row["title"], row["stated_phase"]) for row in rows] == [
        ("Efficacy of Drug L", "PHASE2/PHASE3"), ("A Phase 1/2 Study of Drug J", "PHASE1/PHASE2"),
        ("Phase 1 Study", "PHASE1")] and strays == 0


def test_a_long_see_also_list_of_every_status_loads_a_row_each():
    statuses = {"Active, not recruiting": "ACTIVE_NOT_RECRUITING", "Enrolling by invitation": "ENROLLING_BY_INVITATION",
                "Unknown status": "UNKNOWN", "Withdrawn": "WITHDRAWN", "Suspended": "SUSPENDED",
                "Terminated": "TERMINATED", "Available": "AVAILABLE", "No longer available": "NO_LONGER_AVAILABLE",
                "Approved for marketing": "APPROVED_FOR_MARKETING", "Withheld": "WITHHELD",
                "Temporarily not available": "TEMPORARILY_NOT_AVAILABLE", "Completed": "COMPLETED"}
    rows = [f"{shown} NCT0100{index:04d} - 阿帕替尼治疗晚期胃癌的研究 {index} Early Phase 1"
            for index, shown in enumerate(statuses)]
    record, problems = _read(_page(["Status Completed"], rows=rows))
    assert [(row["stated_status"], row["stated_phase"]) for row in record.tables["related_studies"]] == [
        (status, "EARLY_PHASE1") for status in statuses.values()] and problems == []


# Dates, ages and counts as pages write them ----------------------------------------------------------------------


@pytest.mark.parametrize("shown, read", [
    ("Monday, March 15, 2021", date(2021, 3, 15)), ("Mon 15 March 2021", date(2021, 3, 15)),
    ("Sun, April 5, 2020", date(2020, 4, 5)), ("15th of March 2021", date(2021, 3, 15)),
    ("the 2nd of April 2020", date(2020, 4, 2)), ("Monday, March 15th, 2021", date(2021, 3, 15)),
    ("March 15, 2021", date(2021, 3, 15)),
])
def test_a_date_after_its_weekday_or_with_of_before_its_month_is_read(shown, read):
    record, problems = _read(_page(["Status Completed", f"Start date {shown}"]))
    assert _columns(record.study, "start_date", "start_date_precision") == (read, "day") and problems == []


@pytest.mark.parametrize("shown", ["Tuesday, March 15, 2021", "Wednesday, March 2021", "Spring 2021"])
def test_a_weekday_the_date_is_not_on_or_a_date_with_no_day_stays_refused_as_shown(shown):
    record, _ = _read(_page(["Status Completed", f"Start date {shown}"]))
    assert record.study["start_date"] == Refused(shown, "a date ('April 2, 2020', 'March 2020', '2020-04-02')")
    assert date_text("Marching 2021") == "Marching 2021"


def test_pre_2000_month_and_year_dates_load_at_their_precision():
    keys = ["Status Completed", "Start date September 1997", "Primary completion date 1999",
            "Completion date January 1, 2000"]
    record, problems = _read(_page(keys))
    assert _columns(record.study, "start_date", "start_date_precision", "primary_completion_date",
                    "primary_completion_date_precision", "completion_date") == (
        date(1997, 9, 30), "month", date(1999, 12, 31), "year", date(2000, 1, 1)) and problems == []


@pytest.mark.parametrize("shown, read", [
    ("18 to 65 Years", ("18 Years", "65 Years")), ("6-17 Years", ("6 Years", "17 Years")),
    ("28 – 90 Days", ("28 Days", "90 Days")), ("6 Months to 17 Years", ("6 Months", "17 Years")),
    ("18 to 65", (None, None)), ("18 to 65 Kilograms", (None, None)),
])
def test_an_age_range_whose_unit_is_written_once_has_it_on_both_sides(shown, read):
    assert ages(shown) == read


def test_an_age_range_in_one_unit_loads_its_limits():
    record, problems = _read(_page(["Status Recruiting", "Ages 18 to 65 Years", "Sex Female"]))
    assert _columns(record.tables["eligibilities"][0], "gender", "minimum_age", "maximum_age") == (
        "FEMALE", "18 Years", "65 Years") and problems == []


@pytest.mark.parametrize("lines, column, value", [
    (["Number of arms: 3"], "number_of_arms", 3), (["Number of groups/cohorts: 2"], "number_of_groups", 2),
    (["Number of arms: three"], "number_of_arms", "three"),
])
def test_the_number_of_arms_or_groups_loads_as_a_count_or_as_shown(lines, column, value):
    record, problems = _read(_page(["Status Recruiting"], design_lines=["Allocation: Randomized", *lines]))
    assert record.study[column] == value and problems == []


# Other kinds of study, other scripts ---------------------------------------------------------------------------


def test_an_observational_page_with_many_conditions_loads_each_and_its_design():
    conditions = ("Carcinoma, Non-Small-Cell Lung", "Lung Neoplasms", "Neoplasms, Second Primary",
                  "Adenocarcinoma of Lung", "Stage IV Lung Cancer AJCC v8", "1p/19q Co-deleted Glioma", "COVID-19",
                  "HER2-positive Breast Cancer", "Pulmonary Fibrosis", "Smoking", "Tobacco Use Disorder", "Neoplasms")
    keys = ["Status Enrolling by invitation", "Phase N/A", "Start date 2015-01", "Sampling method Probability Sample",
            "Ages 18 Years and older", "Accepts healthy volunteers Yes"]
    record, problems = _read(_page(keys, design_lines=["Observational model: Case-Control",
                                                       "Time perspective: Cross-Sectional"], conditions=conditions))
    assert _names(record, "conditions") == list(conditions)
    assert _columns(record.study, "overall_status", "phase", "start_date") == (
        "ENROLLING_BY_INVITATION", "NA", date(2015, 1, 31))
    assert _columns(record.tables["designs"][0], "observational_model", "time_perspective") == (
        "CASE_CONTROL", "CROSS_SECTIONAL")
    assert _columns(record.tables["eligibilities"][0], "minimum_age", "maximum_age", "healthy_volunteers",
                    "sampling_method") == ("18 Years", None, True, "PROBABILITY_SAMPLE") and problems == []


def test_names_titles_and_conditions_in_other_scripts_load_as_written():
    title = "Эффективность препарата X у пациентов с ревматоидным артритом"
    keys = ["Contact Zoë Ōtsuka-Müller", "Phone +7 495 609-14-00", "Status Recruiting", "Phase Phase 2"]
    record, problems = _read(_page(keys, conditions=("Ревматоидный артрит", "関節リウマチ"), title=title))
    assert record.study["brief_title"] == title
    assert _names(record, "conditions") == ["Ревматоидный артрит", "関節リウマチ"]
    assert record.tables["central_contacts"][0]["name"] == "Zoë Ōtsuka-Müller" and problems == []


# A patient registry ----------------------------------------------------------------------------------------------


def _observational(study_type: str, design_lines=()) -> bytes:
    page = _page(["Status Recruiting"], design_lines=design_lines)
    return page.replace(b"Study type Interventional", study_type.encode())


def test_a_patient_registry_says_so_and_gives_its_follow_up():
    record, problems = _read(_observational("Study type Observational [Patient Registry]",
                                            ["Target follow-up duration: 2 Years"]))
    assert _columns(record.study, "study_type", "patient_registry", "target_duration") == (
        "OBSERVATIONAL", True, "2 Years") and problems == []


def test_a_plain_observational_study_says_nothing_of_a_registry():
    record, problems = _read(_observational("Study type Observational"))
    assert _columns(record.study, "study_type", "patient_registry", "target_duration") == (
        "OBSERVATIONAL", None, None) and problems == []
