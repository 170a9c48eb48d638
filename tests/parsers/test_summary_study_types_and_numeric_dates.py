"""Trial-summary pages shaped as the site's other study pages (observational with biospecimens, expanded access,
withdrawn without dates, phase lists, values wrapped onto the next line, dates in numbers): every value a page
gives is loaded as the registry's value, or named as a load problem, never guessed."""
from __future__ import annotations

from datetime import date

from flows.parsers import summary_text
from flows.parsers.model import Refused
from flows.parsers.summary_text import numeric_dates
from flows.parsers.summary_text.study_facts import UNREAD_OTHER_NAMES

KEYS = ["NCT number NCT09000801", "Study type Interventional", "Source Example University Hospital",
        "Status Recruiting"]


def _page(keys=KEYS, design="", conditions="Asthma", see_also=()) -> bytes:
    lines = ["Clinical Trials Logo", "", "Clinical Trial Summary", "", "A study of airway inflammation.", "", "",
             "Clinical Trial Description", "", "Participants are followed for 12 months.", "", "", "Study Design",
             "", design, "", "", "Related Conditions & MeSH terms", "", conditions, "", "", *keys, "", "See also",
             "  Status Clinical Trial Phase", *see_also]
    return "\n".join(lines).encode()


def _read(page: bytes):
    parsed = summary_text.parse(page)
    (record,) = parsed.records
    return record, [(problem.reason, problem.detail) for problem in parsed.problems]


def _columns(row: dict, *names: str) -> tuple:
    return tuple(row.get(name) for name in names)


# Whole pages of other study types -------------------------------------------------------------------------------


def test_an_observational_page_with_biospecimens_loads_every_value_it_shows():
    keys = ["NCT number NCT09000802", "Study type Observational [Patient Registry]", "Source Example Cancer Centre",
            "Collaborator National Cancer Institute (NCI)", "Collaborator Example Foundation for", "Lung Research",
            "Status Active, not recruiting", "Phase N/A", "Start date January 2020", "Primary completion date 2023-06",
            "Completion date Dec 2023", "Enrollment 1,250 (Estimated)",
            "Ages 40 Years to 80 Years (Adult, Older Adult)", "Sex All", "Accepts healthy volunteers No"]
    design = ("Observational model: Cohort\nTime perspective: Prospective\n"
              "Biospecimen retention: Samples With DNA\nBiospecimen description: Whole blood, serum and\n"
              "tumour tissue collected at diagnosis")
    record, problems = _read(_page(keys=keys, design=design, conditions="Lung Neoplasms\nSmoking", see_also=[
        "Completed NCT03529955 - Early Detection of Lung Cancer Early Phase 1",
        "Recruiting NCT05375435 - Screening With Low-dose CT N/A",
        "Terminated NCT05986162 - A Chemoprevention Study Phase 1/Phase 2"]))
    assert _columns(record.study, "study_type", "overall_status", "phase", "enrollment", "enrollment_type") == (
        "OBSERVATIONAL", "ACTIVE_NOT_RECRUITING", "NA", 1250, "ESTIMATED")
    assert _columns(record.study, "start_date", "start_date_precision", "primary_completion_date",
                    "completion_date", "completion_date_precision") == (
        date(2020, 1, 31), "month", date(2023, 6, 30), date(2023, 12, 31), "month")
    assert _columns(record.study, "biospec_retention", "biospec_description") == (
        "SAMPLES_WITH_DNA", "Whole blood, serum and tumour tissue collected at diagnosis")
    assert _columns(record.tables["designs"][0], "observational_model", "time_perspective", "masking") == (
        "COHORT", "PROSPECTIVE", None)
    assert _columns(record.tables["eligibilities"][0], "gender", "minimum_age", "maximum_age",
                    "healthy_volunteers") == ("ALL", "40 Years", "80 Years", False)
    assert [(row["lead_or_collaborator"], row["name"]) for row in record.tables["sponsors"]] == [
        ("lead", "Example Cancer Centre"), ("collaborator", "National Cancer Institute (NCI)"),
        ("collaborator", "Example Foundation for Lung Research")]
    assert [(row["stated_status"], row["stated_phase"]) for row in record.tables["related_studies"]] == [
        ("COMPLETED", "EARLY_PHASE1"), ("RECRUITING", "NA"), ("TERMINATED", "PHASE1/PHASE2")]
    assert problems == []


def test_biospecimen_keys_in_the_key_block_load_and_a_value_the_registry_does_not_name_is_a_problem():
    record, problems = _read(_page(keys=[*KEYS, "Biospecimen Samples Without DNA",
                                         "Biospecimen description Plasma"]))
    assert _columns(record.study, "biospec_retention", "biospec_description") == ("SAMPLES_WITHOUT_DNA", "Plasma")
    assert problems == []
    record, problems = _read(_page(keys=[*KEYS, "Biospecimen retention Blood", "Biospecimen Serum"]))
    assert "biospec_retention" not in record.study
    assert problems == [
        ("unreadable value", "'Biospecimen retention' 'Blood' is none of the registry's retentions"),
        ("unreadable value", "'Biospecimen' is no retention the registry names: retention or description cannot "
                             "be told")]


def test_an_expanded_access_page_loads_its_access_types_as_the_registry_flags():
    keys = ["NCT number NCT09000803", "Study type Expanded Access", "Source Example Pharma", "Status Available",
            "Expanded Access Type Individual Patients, Treatment IND/Protocol"]
    record, problems = _read(_page(keys=keys))
    assert _columns(record.study, "study_type", "overall_status", "phase", "expanded_access_type_individual",
                    "expanded_access_type_intermediate", "expanded_access_type_treatment") == (
        "EXPANDED_ACCESS", "AVAILABLE", None, True, None, True)
    assert problems == []
    shown = "Expanded access type: Intermediate-size Population; Compassionate"
    record, problems = _read(_page(keys=[*keys[:4], shown]))
    assert _columns(record.study, "expanded_access_type_individual", "expanded_access_type_intermediate") == (
        None, True)
    assert problems == [("unreadable value", "'Expanded access type' 'Compassionate' is none of the registry's types")]


def test_an_expanded_access_study_type_with_its_type_in_brackets_gives_that_access_type():
    record, problems = _read(_page(keys=["NCT number NCT09000803", "Study type Expanded Access (Individual Patients)",
                                         "Source Example Pharma", "Status No longer available"]))
    assert _columns(record.study, "study_type", "overall_status", "expanded_access_type_individual") == (
        "EXPANDED_ACCESS", "NO_LONGER_AVAILABLE", True)
    assert problems == []


def test_a_withdrawn_page_without_dates_loads_why_it_stopped_and_no_date():
    keys = [*KEYS[:3], "Status Withdrawn", "Phase Phase 2", "Start date", "Completion date", "Enrollment 0 (Actual)",
            "Why stopped Funding was not obtained"]
    record, problems = _read(_page(keys=keys))
    assert _columns(record.study, "overall_status", "why_stopped", "enrollment", "enrollment_type", "start_date",
                    "completion_date") == ("WITHDRAWN", "Funding was not obtained", 0, "ACTUAL", None, None)
    assert problems == []


def test_other_names_are_named_as_names_the_page_cannot_give_to_an_intervention():
    record, problems = _read(_page(keys=[*KEYS, "Other names Xeljanz, CP-690550"]))
    assert "intervention_other_names" not in record.tables
    assert problems == [(UNREAD_OTHER_NAMES, "'Other names' on a page that shows no intervention to give them to")]


def test_other_names_share_their_reason_with_the_meddatax_pages():
    from flows.parsers.aggregator_text.design import UNREAD_OTHER_NAMES as MEDDATAX_REASON
    assert UNREAD_OTHER_NAMES == MEDDATAX_REASON


# Phases ----------------------------------------------------------------------------------------------------------


def test_phases_on_two_lines_or_parted_by_spaces_are_the_study_s_phase_list():
    readings = {}
    for shown in (["Phase Phase 1", "Phase 2"], ["Phase Phase 1 Phase 2"], ["Phase Phase II", "Phase III"],
                  ["Phase Early Phase 1"], ["Phase Not Applicable"], ["Phase Phase 1/Phase 2"]):
        record, problems = _read(_page(keys=[*KEYS, *shown, "Start date March 2020"]))
        readings[" | ".join(shown)] = (record.study["phase"], problems)
    assert readings == {"Phase Phase 1 | Phase 2": ("PHASE1/PHASE2", []),
                        "Phase Phase 1 Phase 2": ("PHASE1/PHASE2", []),
                        "Phase Phase II | Phase III": ("PHASE2/PHASE3", []),
                        "Phase Early Phase 1": ("EARLY_PHASE1", []), "Phase Not Applicable": ("NA", []),
                        "Phase Phase 1/Phase 2": ("PHASE1/PHASE2", [])}


# Values wrapped onto the next line --------------------------------------------------------------------------------


def test_a_study_design_value_that_plainly_goes_on_is_joined_and_another_line_is_named():
    design = ("Allocation: Randomized\nIntervention model: Parallel Assignment\n"
              "Intervention model description: Participants are randomized\nto one of two arms in a 1:1 ratio.\n"
              "Masking: Quadruple (Participant, Care Provider,\nInvestigator, Outcomes Assessor)\n"
              "Primary purpose: Treatment\nOpen label extension follows")
    record, problems = _read(_page(design=design))
    (row,) = record.tables["designs"]
    assert _columns(row, "allocation", "intervention_model", "masking", "primary_purpose") == (
        "RANDOMIZED", "PARALLEL", "QUADRUPLE", "TREATMENT")
    assert row["intervention_model_description"] == "Participants are randomized to one of two arms in a 1:1 ratio."
    assert _columns(row, "subject_masked", "caregiver_masked", "investigator_masked", "outcomes_assessor_masked") == (
        True, True, True, True)
    assert problems == [("unknown label", "'(a line without 'Label:')' under 'Study Design'")]


def test_a_status_wrapped_onto_the_next_line_is_read_whole_and_a_finished_one_keeps_its_next_line_apart():
    readings = {}
    for shown in (["Status Active, not", "recruiting"], ["Status Enrolling by", "invitation"],
                  ["Status Recruiting", "updated weekly"]):
        record, problems = _read(_page(keys=[*KEYS[:3], *shown]))
        readings[shown[0]] = (record.study["overall_status"], problems)
    assert readings == {"Status Active, not": ("ACTIVE_NOT_RECRUITING", []),
                        "Status Enrolling by": ("ENROLLING_BY_INVITATION", []),
                        "Status Recruiting": ("RECRUITING", [("unknown label", "key block line starting 'updated'")])}


def test_a_name_that_goes_on_above_a_line_starting_with_a_key_is_a_problem_not_read_as_settled():
    keys = ["NCT number NCT09000801", "Source Institute for", "Contact Lens Research", "Status Recruiting"]
    record, problems = _read(_page(keys=keys))
    assert problems == [("unreadable value", "'Source' goes on past its line and the next line starts with a key: "
                                             "whether that line is the rest of it cannot be told")]
    keys = ["NCT number NCT09000801", "Source Example Institute", "Contact Contact One", "Status Recruiting"]
    assert _read(_page(keys=keys))[1] == []


def test_a_key_given_twice_with_different_values_is_a_problem():
    record, problems = _read(_page(keys=[*KEYS, "Start date March 2019", "Status Completed", "Status Recruiting"]))
    assert record.study["overall_status"] == "RECRUITING"
    assert problems == [("unreadable value", "'Status' is given twice with different values (the key block's first "
                                             "is read)")]
    record, problems = _read(_page(keys=[*KEYS, "Enrollment 40 (Actual)"], design="Enrollment: 60 (Anticipated)"))
    assert (record.study["enrollment"], record.study["enrollment_type"]) == (40, "ACTUAL")
    assert problems == [("unreadable value", "'Enrollment' is given twice with different values (the key block's "
                                             "first is read)")]
    record, problems = _read(_page(keys=[*KEYS, "Enrollment 40 (Actual)", "Contact Contact One", "Contact Contact Two"],
                                   design="Enrollment: 40 (Actual)"))
    assert problems == []


# Values with their type, ages --------------------------------------------------------------------------------------


def test_a_type_in_brackets_before_the_value_is_read_with_it():
    record, problems = _read(_page(keys=[*KEYS, "Enrollment (Estimated) 120", "Start date (Actual) 2020-04-02",
                                         "Completion date (Anticipated) December 2024"]))
    assert _columns(record.study, "enrollment", "enrollment_type", "start_date", "start_date_type", "completion_date",
                    "completion_date_type") == (120, "ESTIMATED", date(2020, 4, 2), "ACTUAL", date(2024, 12, 31),
                                                "ESTIMATED")
    assert problems == []


def test_a_type_in_brackets_wrapped_alone_onto_the_next_line_is_the_type_of_the_value_above():
    record, problems = _read(_page(keys=[*KEYS, "Enrollment 60", "(Anticipated)", "Start date April 2, 2020",
                                         "(Actual)"]))
    assert _columns(record.study, "enrollment", "enrollment_type", "start_date", "start_date_type") == (
        60, "ESTIMATED", date(2020, 4, 2), "ACTUAL")
    assert problems == []

def test_a_minimum_or_maximum_age_of_n_a_is_no_limit_on_that_side():
    record, problems = _read(_page(keys=[*KEYS, "Minimum age 18 Years", "Maximum age N/A"]))
    assert _columns(record.tables["eligibilities"][0], "minimum_age", "maximum_age") == ("18 Years", None)
    assert problems == []


# Dates in numbers ---------------------------------------------------------------------------------------------------


def _dates(*shown: tuple[str, str]):
    record, problems = _read(_page(keys=[*KEYS, *(f"{key} {value}" for key, value in shown)]))
    return [record.study[prefix] for prefix in ("start_date", "completion_date")], problems


def test_a_date_in_two_readings_is_refused_and_named_when_no_other_date_fixes_the_order():
    values, problems = _dates(("Start date", "03/04/2019"), ("Completion date", "June 30, 2021"))
    assert values == [Refused("03/04/2019", "a date of one reading (the page's dates do not fix whether day or month "
                                            "comes first)"), date(2021, 6, 30)]
    assert problems == [("unreadable value", "'Start date' 03/04/2019 reads as two dates: the page does not fix the "
                                             "order of day and month")]


def test_a_date_in_two_readings_takes_the_order_another_date_of_the_page_fixes():
    assert _dates(("Start date", "03/04/2019"), ("Completion date", "03/15/2021")) == (
        [date(2019, 3, 4), date(2021, 3, 15)], [])
    assert _dates(("Start date", "03.04.2019"), ("Completion date", "15.03.2021")) == (
        [date(2019, 4, 3), date(2021, 3, 15)], [])
    values, problems = _dates(("Start date", "03/04/2019"), ("Completion date", "03/15/2021"),
                              ("Primary completion date", "15/03/2021"))
    assert isinstance(values[0], Refused) and values[1] == date(2021, 3, 15)
    assert [detail for _, detail in problems] == [
        "'Start date' 03/04/2019 reads as two dates: the page does not fix the order of day and month"]


def test_dates_in_numbers_that_read_one_way_are_read_at_their_precision():
    record, problems = _read(_page(keys=[*KEYS, "Start date 2021/03/15", "Primary completion date 03/2022",
                                         "Completion date 2022-09"]))
    assert _columns(record.study, "start_date", "start_date_precision", "primary_completion_date",
                    "primary_completion_date_precision", "completion_date") == (
        date(2021, 3, 15), "day", date(2022, 3, 31), "month", date(2022, 9, 30))
    assert problems == []


def test_text_in_a_date_key_is_refused_as_shown_never_left_for_a_reader_of_text_to_take_for_a_date():
    values, problems = _dates(("Start date", "3/4/19"), ("Completion date", "TBD"))
    expected = "a date ('April 2, 2020', 'March 2020', '2020-04-02')"
    assert values == [Refused("3/4/19", expected), Refused("TBD", expected)]
    assert problems == []


def test_the_page_order_of_day_and_month_is_the_one_its_dates_agree_on():
    assert numeric_dates.page_order(["03/15/2021", "04/20/2022", "03/04/2019", None]) == numeric_dates.MONTH_FIRST
    assert numeric_dates.page_order(["15.03.2021"]) == numeric_dates.DAY_FIRST
    assert numeric_dates.page_order(["03/04/2019", "2021-03-15", "March 2021"]) is None
    assert numeric_dates.page_order(["03/15/2021", "15/03/2021"]) is None
