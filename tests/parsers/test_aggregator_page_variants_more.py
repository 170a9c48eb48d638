"""meddatax pages shaped as the site's other study pages (observational, display labels, typed values, roles one a
line, reworded explainers); each with a nearby page that reads as before."""
from __future__ import annotations

import pytest

from flows.parsers import aggregator_text
from flows.parsers.aggregator_text import CHROME, compact_arms

BASIC = ["RECRUITING", "PHASE2", "40 participants", "INTERVENTIONAL", "2024-01-01", "2025-06-30"]


def _page(sections: list[tuple[str, list[str]]]) -> bytes:
    """A small page: title, id, Basic Information unless given, the sections, the closing heading."""
    if not any(heading == "Basic Information" for heading, _ in sections):
        sections = [("Basic Information", BASIC), *sections]
    lines = ["A Study", "NCT ID: NCT09100001", "Last Updated: 2025-01-10"]
    for heading, body in [*sections, ("More Related Trials", [])]:
        lines += [heading, CHROME[heading], *body]
    return "\n".join(lines).encode()


def _read(sections: list[tuple[str, list[str]]]) -> tuple[dict, list[tuple[str, str]]]:
    parsed = aggregator_text.parse(_page(sections))
    (record,) = parsed.records
    return record.tables, [(problem.reason, problem.detail) for problem in parsed.problems]


def _study(basic: list[str]) -> tuple[dict, list[tuple[str, str]]]:
    tables, problems = _read([("Basic Information", basic)])
    return tables["studies"][0], problems


def _design(lines: list[str], study_type: str = "INTERVENTIONAL") -> dict:
    basic = ["COMPLETED", "120 participants", study_type]
    tables, _ = _read([("Basic Information", basic), ("Study Design", lines)])
    return {column: value for column, value in tables["designs"][0].items() if value is not None}


# Study Design --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("lines, expected", [
    (["OTHER", "PROSPECTIVE"], {"observational_model": "OTHER", "time_perspective": "PROSPECTIVE"}),
    (["COHORT", "OTHER"], {"observational_model": "COHORT", "time_perspective": "OTHER"}),
    (["OTHER", "OTHER"], {"observational_model": "OTHER", "time_perspective": "OTHER"}),
], ids=["model-other", "time-other", "both-other"])
def test_bare_design_values_of_an_observational_study_are_its_model_then_time_perspective(lines, expected):
    assert _design(lines, "OBSERVATIONAL") == expected


def test_a_bare_other_of_an_interventional_study_stays_its_primary_purpose():
    assert _design(["RANDOMIZED", "PARALLEL", "OTHER", "NONE"]) == {
        "allocation": "RANDOMIZED", "intervention_model": "PARALLEL", "primary_purpose": "OTHER", "masking": "NONE"}


def test_masked_roles_one_a_line_are_all_masked():
    design = _design(["Blinding Strategy", "TRIPLE", "Participant", "Investigator", "Outcomes Assessor"])
    assert design == {"masking": "TRIPLE", "subject_masked": True, "caregiver_masked": False,
                      "investigator_masked": True, "outcomes_assessor_masked": True}


def test_masked_roles_on_one_line_read_as_before():
    design = _design(["Blinding Strategy", "DOUBLE", "Participant, Investigator", "Placebo looks alike."])
    assert design == {"masking": "DOUBLE", "masking_description": "Placebo looks alike.", "subject_masked": True,
                      "caregiver_masked": False, "investigator_masked": True, "outcomes_assessor_masked": False}


# Basic Information -------------------------------------------------------------------------------------


def test_compact_values_in_the_registry_display_form_are_read():
    study, problems = _study(["Active, not recruiting", "Phase 1/Phase 2", "60 participants (Estimated)",
                              "Interventional", "2022-03", "2026-11"])
    assert (study["overall_status"], study["phase"], study["study_type"]) == (
        "ACTIVE_NOT_RECRUITING", "PHASE1/PHASE2", "INTERVENTIONAL")
    assert (study["enrollment"], study["enrollment_type"]) == (60, "ESTIMATED")
    assert (str(study["start_date"]), str(study["completion_date"])) == ("2022-03-31", "2026-11-30")
    assert problems == []


@pytest.mark.parametrize("status, phase, expected", [("Unknown status", "N/A", ("UNKNOWN", "NA")),
                                                     ("UNKNOWN", "NA", ("UNKNOWN", "NA")),
                                                     ("Enrolling by invitation", "Early Phase 1",
                                                      ("ENROLLING_BY_INVITATION", "EARLY_PHASE1"))])
def test_compact_status_and_phase_in_either_form(status, phase, expected):
    study, problems = _study([status, phase, "0 participants", "OBSERVATIONAL"])
    assert (study["overall_status"], study["phase"], study["enrollment"]) == (*expected, 0)
    assert "enrollment_type" not in study and problems == []


def test_labelled_dates_and_enrollment_with_their_type():
    study, problems = _study(["Recruitment Status", "RECRUITING", "Total Enrollment", "24 participants (Actual)",
                              "Study Start Date", "2024-01-01 (Actual)", "Study Completion Date",
                              "2025-05 (Estimated)"])
    assert (study["enrollment"], study["enrollment_type"]) == (24, "ACTUAL")
    assert (str(study["start_date"]), study["start_date_type"]) == ("2024-01-01", "ACTUAL")
    assert (str(study["completion_date"]), study["completion_date_type"]) == ("2025-05-31", "ESTIMATED")
    assert problems == []


def test_a_basic_information_line_read_as_nothing_is_a_load_problem():
    study, problems = _study(["Recruitment Status", "SUSPENDED", "Sponsor Note", "Funding paused"])
    assert study["overall_status"] == "SUSPENDED"
    assert problems == [("unknown label", "'Sponsor Note' under 'Basic Information'"),
                        ("unknown label", "'Funding paused' under 'Basic Information'")]


def test_the_usual_compact_block_gives_no_problem():
    study, problems = _study(BASIC)
    assert (study["overall_status"], study["enrollment"], str(study["completion_date"])) == (
        "RECRUITING", 40, "2025-06-30")
    assert "enrollment_type" not in study and study["start_date_type"] is None and problems == []


# Types, site statuses, ages ----------------------------------------------------------------------------


def test_group_and_intervention_types_in_the_registry_display_form():
    tables, problems = _read([
        ("Study Groups", ["Arm A", "Gets a pill.", "Group Type Active Comparator", "Pill X",
                          "Intervention Type Dietary Supplement", "A pill.", "Arm B", "Sham.",
                          "Group Type Sham Comparator"]),
        ("Interventions", ["Pill X", "A pill.", "Intervention Type Dietary Supplement"])])
    assert [(row["title"], row["group_type"], row["description"]) for row in tables["design_groups"]] == [
        ("Arm A", "ACTIVE_COMPARATOR", "Gets a pill."), ("Arm B", "SHAM_COMPARATOR", "Sham.")]
    assert [(row["name"], row["intervention_type"]) for row in tables["interventions"]] == [
        ("Pill X", "DIETARY_SUPPLEMENT")]
    assert problems == []


def test_a_group_titled_like_a_type_line_stays_a_title():
    tables, _ = _read([("Study Groups", ["Group Type 2 diabetes", "Adults.", "Group Type EXPERIMENTAL"]),
                       ("Interventions", ["Drug", "Tablet.", "Intervention Type DRUG"])])
    assert [(row["title"], row["group_type"]) for row in tables["design_groups"]] == [
        ("Group Type 2 diabetes", "EXPERIMENTAL")]


def test_a_site_status_in_the_registry_display_form():
    tables, _ = _read([("Locations", ["Hospital A", "Rome, , Italy", "Site Status Not yet recruiting",
                                      "Hospital B", "Milan, , Italy", "Site Status ACTIVE_NOT_RECRUITING"])])
    assert [(row["name"], row["city"], row["status"]) for row in tables["facilities"]] == [
        ("Hospital A", "Rome", "NOT_YET_RECRUITING"), ("Hospital B", "Milan", "ACTIVE_NOT_RECRUITING")]


@pytest.mark.parametrize("values, expected", [(["6 Months", "N/A", "FEMALE", "No"], ("6 Months", None)),
                                              (["28 Days", "18 Months", "ALL", "Yes"], ("28 Days", "18 Months"))],
                         ids=["no-maximum", "two-ages"])
def test_compact_ages_before_sex_and_healthy_volunteers(values, expected):
    tables, _ = _read([("Eligibility Criteria", ["Inclusion Criteria:", "* infants", *values])])
    row = tables["eligibilities"][0]
    assert (row["minimum_age"], row["maximum_age"], row["criteria"]) == (*expected, "Inclusion Criteria:\n* infants")


# Explainer sentences and other names -------------------------------------------------------------------


def test_an_explainer_in_other_words_is_no_condition_or_sponsor():
    tables, _ = _read([
        ("Conditions", ["See the medical conditions and disease areas this research targets or investigates.",
                        "Asthma", "Allergy, Food"]),
        ("Sponsors", ["Meet the organisations that fund or collaborate on this study and their roles.",
                      "Org A", "OTHER"])])
    assert [row["name"] for row in tables["conditions"]] == ["Asthma", "Allergy, Food"]
    assert [row["name"] for row in tables["sponsors"]] == ["Org A"]


def test_a_first_line_of_content_sharing_words_with_the_explainer_stays():
    text = "Why is this study being conducted? It is about the study of asthma and why."
    tables, _ = _read([("Brief Summary", [text]), ("Conditions", ["Asthma"])])
    assert tables["brief_summaries"] == [{"description": text}]
    assert [row["name"] for row in tables["conditions"]] == ["Asthma"]


def test_other_intervention_names_not_read_are_a_load_problem():
    _, problems = _read([("Interventions", ["Drug X", "A pill."]),
                         ("Other Intervention Names", ["Drug X", "XYZ-01"])])
    assert problems == [("unread section: other intervention names", "'Other Intervention Names': 2 lines not read")]


def test_an_empty_other_intervention_names_section_gives_no_problem():
    _, problems = _read([("Interventions", ["Drug X", "A pill."]), ("Other Intervention Names", [])])
    assert problems == []


# Groups with no intervention to anchor them ------------------------------------------------------


@pytest.mark.parametrize("groups", [["Group one", "Group two"], ["Healthy volunteers", "Patients"]])
def test_groups_of_short_lines_without_interventions_are_left_undecided(groups):
    # one group and its description, or two groups without one: nothing on the page tells
    decided = compact_arms.read_sections(groups, [])
    assert (decided.heads, decided.arms) == (None, None)


@pytest.mark.parametrize("groups, heads", [
    (["Cohort A", "Adults with asthma who use an inhaler daily."],
     (("Cohort A", "Adults with asthma who use an inhaler daily."),)),
    (["Cohort A", "Adults with asthma.", "Cohort B", "Children with asthma."],
     (("Cohort A", "Adults with asthma."), ("Cohort B", "Children with asthma."))),
])
def test_groups_whose_descriptions_are_sentences_are_read_without_interventions(groups, heads):
    assert compact_arms.read_sections(groups, []).heads == heads
