"""Trial-summary pages that show more of the record than the seed (other ids, outcomes, officials, the registry's
timeline, titles, age groups), write values in other forms (a type between count and unit, ordinal days, a month's
abbreviation between dashes, 'Not Provided', thousands parted by a point), or were saved otherwise (a menu above
the title, the key block one cell a line): every value is loaded as the registry's, or named as a load problem."""
from __future__ import annotations

from datetime import date

import pytest

from flows.parsers import summary_text
from flows.parsers.model import Refused
from flows.parsers.summary_text.eligibility import age_groups
from flows.parsers.summary_text.title import ONE_TITLE, UNDECIDED_TITLE, page_title
from flows.parsers.page_values import int_value
from flows.parsers.summary_text.value_forms import date_text, type_after_label, typed_count
from tests.parsers.test_summary_study_types_and_numeric_dates import _columns, _read

KEYS = ["NCT number NCT09000901", "Study type Interventional", "Source Example University Hospital",
        "Status Recruiting"]


def _page(keys=(), design="", above=("Clinical Trials Logo",), see_also=()) -> bytes:
    lines = [*above, "", "Clinical Trial Summary", "", "A study of airway inflammation.", "", "",
             "Clinical Trial Description", "", "Participants are followed for 12 months.", "", "", "Study Design", "",
             design, "", "", "Related Conditions & MeSH terms", "", "Asthma", "", "", *KEYS, *keys, "", "See also",
             "  Status Clinical Trial Phase", *see_also]
    return "\n".join(lines).encode()


# Counts and dates as pages write them ---------------------------------------------------------------------------


def test_an_enrollment_with_its_type_between_count_and_unit_keeps_its_type():
    record, problems = _read(_page(["Enrollment 40 (Anticipated) participants"]))
    assert _columns(record.study, "enrollment", "enrollment_type") == (40, "ESTIMATED")
    assert typed_count("12 (Actual) patients") == ("12 patients", "ACTUAL")
    assert typed_count("40 (Anticipated) participants, 20 per arm") == ("40 (Anticipated) participants, 20 per arm",
                                                                        None) and problems == []


def test_an_enrollment_not_given_has_no_type_either():
    record, _ = _read(_page(["Enrollment Not Provided (Estimated)"]))
    assert _columns(record.study, "enrollment", "enrollment_type") == (None, None)


@pytest.mark.parametrize("shown", ["1.250", "1 250", "1,25", "1.250 participants"])
def test_an_enrollment_whose_number_cannot_be_told_is_kept_as_shown_never_read_as_its_first_digits(shown):
    record, _ = _read(_page([f"Enrollment {shown} (Estimated)"]))
    assert record.study["enrollment"] == shown


@pytest.mark.parametrize("shown, read", [("9,500", 9500), ("60 participants", 60), ("N/A", None), ("0", 0),
                                         ("11 (Estimated)", 11), ("12,345,678 people", 12345678), (" 7 ", 7),
                                         ("1.250", "1.250"), ("1 250", "1 250"), ("1,25", "1,25"),
                                         ("40-50", "40-50"), ("1,2345", "1,2345"),
                                         ("60participants", "60participants")])
def test_a_whole_count_reads_as_its_number_on_every_text_layout_and_another_is_kept_as_shown(shown, read):
    assert int_value(shown) == read


@pytest.mark.parametrize("shown, read", [
    ("April 2nd, 2020", date(2020, 4, 2)), ("2nd April 2020", date(2020, 4, 2)),
    ("December 31st, 2021", date(2021, 12, 31)),
    ("02-Apr-2020", date(2020, 4, 2)), ("2-April-2020", date(2020, 4, 2)), ("30/Dec/2021", date(2021, 12, 30)),
])
def test_a_date_with_an_ordinal_day_or_a_month_name_between_dashes_is_read(shown, read):
    record, problems = _read(_page([f"Start date {shown}"]))
    assert _columns(record.study, "start_date", "start_date_precision") == (read, "day") and problems == []


@pytest.mark.parametrize("shown", ["3/4/19", "02-Apr-19", "2nd Quarter 2020", "Apr 31st, 2020"])
def test_a_date_with_a_two_digit_year_or_no_day_of_the_month_stays_refused(shown):
    record, _ = _read(_page([f"Start date {shown}"]))
    assert isinstance(record.study["start_date"], Refused) and record.study["start_date"].raw == shown
    assert date_text("3/4/19") == "3/4/19"


@pytest.mark.parametrize("shown", ["Not Provided", "not available", "N/A", "-"])
def test_a_page_s_word_for_no_date_or_no_phase_is_no_value_not_a_refused_one(shown):
    record, problems = _read(_page([f"Phase {shown}" if shown != "N/A" else "Phase Phase 2",
                                    f"Completion date {shown}"]))
    assert _columns(record.study, "completion_date", "completion_date_type") == (None, None)
    assert record.study["phase"] == (None if shown != "N/A" else "PHASE2") and problems == []
    assert _read(_page(["Phase N/A"]))[0].study["phase"] == "NA"  # the registry's 'not applicable' phase


@pytest.mark.parametrize("line, read", [
    ("Estimated enrollment 40", "Enrollment (Estimated) 40"),
    ("Actual Study Start: April 2, 2020", "Start date (Actual) April 2, 2020"),
    ("Anticipated primary completion date June 2025", "Primary completion date (Anticipated) June 2025"),
    ("Estimated Study Completion 2026-01", "Completion date (Estimated) 2026-01"),
    ("Estimated time frame 12 months", "Estimated time frame 12 months"),
    ("expected enrollment not reached", "expected enrollment not reached"),
    ("Expected enrollment was not reached", "Expected enrollment was not reached"),
])
def test_a_type_before_its_label_is_put_beside_it(line, read):
    assert type_after_label(line) == read


def test_typed_labels_load_with_their_type_in_the_key_block_and_under_study_design():
    record, problems = _read(_page(["Estimated enrollment 40", "Study Start (Actual) 2020-04-02",
                                    "Primary Completion (Estimated) June 2025"],
                                   design="Actual Study Completion: 2026"))
    assert _columns(record.study, "enrollment", "enrollment_type", "start_date", "start_date_type",
                    "primary_completion_date_type", "completion_date", "completion_date_type") == (
        40, "ESTIMATED", date(2020, 4, 2), "ACTUAL", "ESTIMATED", date(2026, 12, 31), "ACTUAL")
    assert problems == []


# What the record says beyond the seed's keys --------------------------------------------------------------------


def test_the_study_s_other_ids_load_as_id_information_with_their_registry_types():
    record, problems = _read(_page(["Other Study ID Numbers XJTU-2020-012",
                                    "Secondary ID 2020-001234-56 (EudraCT Number)",
                                    "Secondary IDs R01 CA123456, 2019-XJTU-01"]))
    assert record.tables["id_information"] == [
        {"id_source": "org_study_id", "id_type": None, "id_value": "XJTU-2020-012"},
        {"id_source": "secondary_id", "id_type": "EUDRACT_NUMBER", "id_value": "2020-001234-56"}]
    assert problems == [("unreadable value", "'Secondary IDs' names several ids in one line: where one ends cannot "
                                             "be told")]


def test_other_study_id_numbers_after_an_org_study_id_are_secondary_ids():
    record, _ = _read(_page(["Org study ID XJTU-2020-012", "Other Study ID Numbers 2019-XJTU-01"]))
    assert [row["id_source"] for row in record.tables["id_information"]] == ["org_study_id", "secondary_id"]


def test_outcome_lines_load_as_design_outcomes_with_their_time_frames():
    record, problems = _read(_page(["Primary outcome Number of responders [Time Frame: 12 months]",
                                    "Secondary outcomes Change in FVC [6 months]", "Other outcome Ferritin level"]))
    assert [_columns(row, "outcome_type", "measure", "time_frame") for row in record.tables["design_outcomes"]] == [
        ("primary", "Number of responders", "12 months"), ("secondary", "Change in FVC", "6 months"),
        ("other", "Ferritin level", None)]
    assert problems == []


def test_the_registry_timeline_titles_and_flags_load_into_their_studies_columns():
    record, problems = _read(_page([
        "Official title A Pilot Study of Tofacitinib in Asthma", "Acronym TOFA-A", "Status Unknown status",
        "Last known status Active, not recruiting", "First submitted July 12, 2021",
        "First posted July 19, 2021 (Actual)", "Last update posted 2022-08-02", "Verification date July 2022",
        "Has results Yes", "Results first posted March 3rd, 2023", "FDA regulated drug No",
        "Studies a U.S. FDA-regulated Device Product Yes"]))
    assert _columns(record.study, "official_title", "acronym", "last_known_status", "study_first_submitted_date",
                    "study_first_posted_date", "study_first_posted_date_type", "last_update_posted_date",
                    "verification_date", "verification_date_precision", "has_results", "results_first_posted_date",
                    "is_fda_regulated_drug", "is_fda_regulated_device") == (
        "A Pilot Study of Tofacitinib in Asthma", "TOFA-A", "ACTIVE_NOT_RECRUITING", date(2021, 7, 12),
        date(2021, 7, 19), "ACTUAL", date(2022, 8, 2), date(2022, 7, 31), "month", True, date(2023, 3, 3), False, True)
    assert problems == [("unreadable value", "'Status' is given twice with different values (the key block's first is "
                                             "read)")]  # the page's own 'Status Recruiting' comes first


def test_a_timeline_date_that_is_no_date_is_refused_as_shown():
    record, _ = _read(_page(["First posted soon", "Has results maybe"]))
    assert record.study["study_first_posted_date"] == Refused("soon", "a date ('July 19, 2021', '2021-07-19')")
    assert isinstance(record.study["has_results"], Refused)


def test_of_two_keys_for_one_field_the_first_is_read_as_the_problem_says():
    record, problems = _read(_page(["FDA regulated drug Yes", "Studies a U.S. FDA-regulated Drug Product No",
                                    "Gender Female", "Sex Male"]))
    assert _columns(record.study, "is_fda_regulated_drug") == (True,)
    assert record.tables["eligibilities"][0]["gender"] == "FEMALE" and len(problems) == 2


def test_a_page_s_word_for_no_value_in_a_name_or_id_key_is_no_name():
    record, problems = _read(_page(["Contact Not Provided", "Phone N/A", "Email -", "Collaborator N/A",
                                    "Principal investigator Not Provided", "Secondary ID N/A", "Acronym None",
                                    "Sponsor Not Provided"]))
    assert not {"central_contacts", "overall_officials", "id_information"} & set(record.tables)
    assert [row["name"] for row in record.tables["sponsors"]] == ["Example University Hospital"]
    assert record.study.get("acronym") is None and problems == []


def test_an_observational_page_s_sampling_method_and_population_load():
    design = "Sampling Method: Non-Probability Sample\nStudy Population: Adults seen at the clinic"
    record, problems = _read(_page(design=design))
    assert _columns(record.tables["eligibilities"][0], "sampling_method", "population") == (
        "NON_PROBABILITY_SAMPLE", "Adults seen at the clinic") and problems == []


def test_officials_and_the_responsible_party_load_and_a_party_of_no_registry_type_is_named():
    record, problems = _read(_page(["Principal investigator Jane Roe, MD", "Study director John Doe, PhD",
                                    "Responsible party Sponsor-Investigator"]))
    assert [_columns(row, "role", "name") for row in record.tables["overall_officials"]] == [
        ("PRINCIPAL_INVESTIGATOR", "Jane Roe, MD"), ("STUDY_DIRECTOR", "John Doe, PhD")]
    assert record.tables["responsible_parties"][0]["responsible_party_type"] == "SPONSOR_INVESTIGATOR"
    _, problems = _read(_page(["Responsible party Jane Roe"]))
    assert problems == [("unreadable value", "'Responsible party' is none of the registry's responsible-party types")]


def test_a_sponsor_key_is_the_lead_sponsor_and_leaves_the_source_to_the_source_key():
    record, _ = _read(_page(["Sponsor Example Pharma Inc."]))
    assert [row["name"] for row in record.tables["sponsors"] if row["lead_or_collaborator"] == "lead"] == [
        "Example Pharma Inc."]
    assert record.study["source"] == "Example University Hospital"


def test_condition_keyword_and_country_keys_load_one_name_a_line_and_a_comma_is_named():
    record, problems = _read(_page(["Condition Asthma", "Condition Rhinitis", "Keywords JAK inhibitor",
                                    "Country Korea, Republic of", "Country France, Spain"]))
    assert [row["name"] for row in record.tables["conditions"]] == ["Asthma", "Rhinitis"]
    # the registry's own name of a country may hold a comma: a name it knows is one country
    assert record.tables["keywords"] == [{"name": "JAK inhibitor"}]
    assert record.tables["countries"] == [{"name": "Korea, Republic of"}]
    assert problems == [
        ("unreadable value", "'Country' holds a comma or semicolon: one name or several cannot be told")]


@pytest.mark.parametrize("shown, flags", [
    ("18 Years and older (Adult, Older Adult)", {"child": False, "adult": True, "older_adult": True}),
    ("Child, Adult", {"child": True, "adult": True, "older_adult": False}),
    ("18 Years to 65 Years", {}),
])
def test_the_registry_s_age_groups_load_as_its_age_group_flags(shown, flags):
    assert age_groups(shown) == flags


def test_age_groups_shown_alone_load_as_their_flags_and_still_give_no_age_range():
    record, problems = _read(_page(["Ages Child, Adult, Older Adult", "Minimum age 6 Months"]))
    assert _columns(record.tables["eligibilities"][0], "minimum_age", "child", "adult", "older_adult") == (
        "6 Months", True, True, True)
    assert problems == [("unreadable value", "'Ages' is not an age range")]


# How a page was saved ----------------------------------------------------------------------------------------------


def test_a_menu_above_the_title_is_no_title():
    record, problems = _read(_page(above=("Home  Search  Conditions  Sponsors  About", "Clinical Trials Logo", "",
                                          "Tofacitinib for Anti-MDA5 Positive Dermatomyositis")))
    assert record.study["brief_title"] == "Tofacitinib for Anti-MDA5 Positive Dermatomyositis" and problems == []


@pytest.mark.parametrize("above, title", [
    (["Home | Trials | NCT09000901", "A Study of Tofacitinib"], "A Study of Tofacitinib"),
    (["A Study of Tofacitinib in", "Asthma"], "A Study of Tofacitinib in Asthma"),
    (["Clinical Trials Database", "", "Patients Aged > 65 Years With Asthma"], "Patients Aged > 65 Years With Asthma"),
    (["Home", "Search", "", "A Study of X"], "A Study of X"),
])
def test_the_title_is_the_part_right_above_the_summary_read_whole(above, title):
    assert page_title(above)[0] == title


def test_two_title_lines_that_do_not_plainly_make_one_title_are_a_problem():
    record, problems = _read(_page(above=("Clinical Trials Database", "A Study of Tofacitinib")))
    assert record.study["brief_title"] == Refused("Clinical Trials Database / A Study of Tofacitinib", ONE_TITLE)
    assert [reason for reason, _ in problems] == [UNDECIDED_TITLE]  # refused, not none: the page shows a title
    record, problems = _read(_page(["Title A Study of Tofacitinib"], above=("Site", "A Study")))
    assert record.study["brief_title"] == "A Study of Tofacitinib" and problems == []


def test_a_key_block_copied_one_cell_a_line_loads_as_one_key_a_line():
    cells = ["NCT number", "NCT09000902", "", "Study type", "Interventional", "Source:", "Example Hospital", "Phase",
             "Status", "Recruiting", "Start date", "April 2, 2020"]
    page = _page().decode().replace("\n".join(KEYS), "\n".join(cells)).encode()
    record, problems = _read(page)
    assert record.nct_id == "NCT09000902"
    assert _columns(record.study, "study_type", "source", "phase", "overall_status", "start_date") == (
        "INTERVENTIONAL", "Example Hospital", None, "RECRUITING", date(2020, 4, 2)) and problems == []


def test_a_see_also_row_of_a_study_without_phases_shown_as_not_applicable_reads_na():
    record, problems = _read(_page(see_also=["Completed NCT03529955 - A Registry of Asthma Not Applicable"]))
    assert _columns(record.tables["related_studies"][0], "stated_phase", "title") == ("NA", "A Registry of Asthma")
    assert problems == []


def test_a_see_also_row_whose_id_and_title_are_parted_by_a_dash_is_read():
    record, problems = _read(_page(see_also=["Completed NCT03529955 \u2013 A Registry of Asthma Phase 2",
                                             "Recruiting NCT05375435 \u2014 Triple Therapy N/A"]))
    assert [_columns(row, "related_nct_id", "stated_phase", "title") for row in record.tables["related_studies"]] == [
        ("NCT03529955", "PHASE2", "A Registry of Asthma"), ("NCT05375435", "NA", "Triple Therapy")]
    assert problems == []


def test_not_provided_under_the_summary_description_or_conditions_is_no_text_and_no_condition():
    page = _page().decode().replace("A study of airway inflammation.", "Not Provided").replace(
        "Participants are followed for 12 months.", "N/A").replace("\nAsthma\n", "\nNot Provided\n").encode()
    record, problems = _read(page)
    assert not {"brief_summaries", "detailed_descriptions", "conditions"} & set(record.tables) and problems == []
