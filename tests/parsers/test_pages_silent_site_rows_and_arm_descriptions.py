"""Pages that read otherwise than their record without a load problem: a site's row split into name, city and state
the wrong way, a description's own typed or bulleted lines read as interventions, a misspelt criteria heading read
into the population, a text's own 'pre- existing' joined, a masking description that is a role word, an
intervention model's description that begins with another label, a condition a print wrapped. Each shape is read as
the record has it, or said; the nearby shapes keep their reading. Pages are made from small API v2 records with the
renderers of tests/parsers, or written as a page shows them."""
from __future__ import annotations

import copy
import textwrap

import pytest

from flows.parsers import aggregator_text, ctgov_classic_text
from flows.parsers.aggregator_text import compact_arms
from flows.parsers.aggregator_text.design import study_design
from flows.parsers.ctgov_classic_text.site_columns import site_row
from flows.parsers.ctgov_classic_text.wrapped_lines import unwrapped
from tests.parsers import clincosm_render, meddatax_render

_RECORD = {"protocolSection": {
    "identificationModule": {"nctId": "NCT01234567", "briefTitle": "Bone Graft Substitutes in Lumbar Fusion",
                             "orgStudyIdInfo": {"id": "LF-2022-07"}},
    "statusModule": {"overallStatus": "RECRUITING", "startDateStruct": {"date": "2022-09-01", "type": "ACTUAL"},
                     "primaryCompletionDateStruct": {"date": "2025-03", "type": "ESTIMATED"},
                     "completionDateStruct": {"date": "2025-12", "type": "ESTIMATED"},
                     "lastUpdatePostDateStruct": {"date": "2024-02-11"}},
    "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Acme Spine Institute", "class": "OTHER"}},
    "descriptionModule": {"briefSummary": "Two bone graft substitutes are compared in instrumented lumbar fusion."},
    "conditionsModule": {"conditions": ["Degenerative Disc Disease", "Spondylolisthesis"]},
    "designModule": {"studyType": "INTERVENTIONAL", "phases": ["NA"], "enrollmentInfo": {"count": 60},
                     "designInfo": {"allocation": "RANDOMIZED", "interventionModel": "PARALLEL",
                                    "primaryPurpose": "TREATMENT",
                                    "maskingInfo": {"masking": "SINGLE", "whoMasked": ["PARTICIPANT"]}}},
    "armsInterventionsModule": {
        "armGroups": [{"label": "Ceramic putty", "type": "EXPERIMENTAL",
                       "interventionNames": ["Device: Ceramic putty"]},
                      {"label": "Autograft", "type": "ACTIVE_COMPARATOR", "interventionNames": ["Device: Autograft"]}],
        "interventions": [{"type": "DEVICE", "name": "Ceramic putty", "description": "5 cc per level.",
                           "armGroupLabels": ["Ceramic putty"]},
                          {"type": "DEVICE", "name": "Autograft", "description": "Local bone, 5 cc per level.",
                           "armGroupLabels": ["Autograft"]}]},
    "eligibilityModule": {"eligibilityCriteria": "Inclusion Criteria:\n\n* Adults needing fusion", "sex": "ALL",
                          "minimumAge": "18 Years", "maximumAge": "80 Years"},
    "contactsLocationsModule": {"locations": [{"facility": "Acme Spine Institute", "city": "Ghent",
                                               "country": "Belgium", "status": "RECRUITING"}]}}}


def _record(**modules: dict) -> dict:
    """The record with each given module's keys replaced."""
    record = copy.deepcopy(_RECORD)
    for name, values in modules.items():
        record["protocolSection"][name].update(values)
    return record


def _clincosm(record: dict):
    parsed = ctgov_classic_text.parse(clincosm_render.render(record).encode("utf-8"))
    return parsed.records[0].tables, [problem.reason for problem in parsed.problems]


def _meddatax(page: str):
    parsed = aggregator_text.parse(page.encode("utf-8"))
    return parsed.records[0].tables, [problem.reason for problem in parsed.problems]


# clincosm: a site's row -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("row, read", [
    # the registry's placeholder for a state not chosen is the state's cell, not the city and the name's end
    ("1 Near East University Hospital Nicosia None Selected Cyprus 99138",
     ("Near East University Hospital", "Nicosia", "None Selected")),
    ("2 Kyrenia Nursing School Kyrenia None Selected Cyprus", ("Kyrenia Nursing School", "Kyrenia", "None Selected")),
    # a field of medicine ends a site's name: no city, and a region named as its city after it is the city
    ("3 Hayami Dermatology Osaka Japan 530-0001", ("Hayami Dermatology", "Osaka", None)),
    ("4 Suzuki Pediatrics Osaka Japan", ("Suzuki Pediatrics", "Osaka", None)),
    ("5 Centro di Cardiologia Roma Italy", ("Centro di Cardiologia", "Roma", None)),
], ids=["none-selected", "none-selected-no-code", "dermatology", "pediatrics", "cardiologia"])
def test_a_row_s_placeholder_state_or_a_specialty_ending_the_name_is_read_as_the_record_has_it(row, read):
    place, doubt = site_row(row)
    assert (place["name"], place["city"], place["state"]) == read and doubt is None


@pytest.mark.parametrize("row", [
    # initials with full stops are no city: the row ends with more than a city ('Bogotá D.C.')
    "6 Sociedad de Cirugia de Bogota- Hospital de San Jose Bogotá D.c. Colombia 111411",
    "7 Fundacion Santa Fe Bogota D.C. Colombia",
    # the same city spelt twice, once with the dot a lowered Turkish capital I leaves: which is the city is not told
    "1 Elvan Tekir Yılmaz Giresun Gi\u0307resun Turkey 28100",
    "2 Ege Universitesi Hastanesi Izmir \u0130zmir Turkey 35100",
], ids=["d-c-lower", "d-c-upper", "giresun-dotted", "izmir-dotted-capital"])
def test_a_row_ending_with_initials_or_a_city_spelt_twice_is_said_not_split(row):
    place, doubt = site_row(row)
    assert doubt is not None and place["name"] is None and place["city"] is None and place["country"] is not None


@pytest.mark.parametrize("row, read", [
    ("2 Osaka General Hospital Osaka Japan", ("Osaka General Hospital", "Osaka", None)),
    ("3 Hospital Clinic Barcelona Barcelona Spain", None),  # a city shown twice: said
    ("4 Clinique Pasteur Toulouse France 31076", ("Clinique Pasteur", "Toulouse", None)),
    ("5 Hospital Universitario San Ignacio Bogotá Distrito Capital de Bogotá Colombia",
     ("Hospital Universitario San Ignacio", "Bogotá", "Distrito Capital de Bogotá")),
], ids=["osaka-after-hospital", "barcelona-twice", "plain-row", "bogota-region-spelt-out"])
def test_nearby_rows_keep_their_reading(row, read):
    place, doubt = site_row(row)
    if read is None:
        assert doubt is not None
    else:
        assert (place["name"], place["city"], place["state"]) == read and doubt is None


# clincosm: the arms table -----------------------------------------------------------------------------------------

def _arms_record(arms: list[dict], interventions: list[dict]) -> dict:
    return _record(armsInterventionsModule={"armGroups": arms, "interventions": interventions})


def _interventions(tables: dict) -> list[tuple[str, str | None]]:
    return sorted((row["name"], row["description"]) for row in tables["interventions"])


def test_an_arm_description_listing_its_interventions_with_bullets_is_the_description():
    described = "Interventions\n* Procedure: Instrumented posterolateral fusion\n* Device: Ceramic putty"
    record = _arms_record(
        [{"label": "Ceramic putty", "type": "EXPERIMENTAL", "description": described,
          "interventionNames": ["Device: Ceramic putty"]}],
        [{"type": "DEVICE", "name": "Ceramic putty", "description": "5 cc per level.",
          "armGroupLabels": ["Ceramic putty"]}])
    tables, problems = _clincosm(record)
    assert [row["description"] for row in tables["design_groups"]] == [described]
    assert _interventions(tables) == [("Ceramic putty", "5 cc per level.")]
    assert [row["intervention"] for row in tables["design_group_interventions"]] == ["Ceramic putty"]


@pytest.mark.parametrize("first_line", ["Procedure: Instrumented posterolateral lumbar fusion",
                                        "Device: Use of the mobile application for 30 minutes a day"])
def test_an_intervention_description_beginning_with_an_unlisted_typed_line_is_the_description(first_line):
    record = _arms_record(
        [{"label": "Putty", "type": "EXPERIMENTAL", "interventionNames": ["Device: Ceramic putty"]},
         {"label": "Allograft", "type": "ACTIVE_COMPARATOR", "interventionNames": ["Device: Ceramic putty"]}],
        [{"type": "DEVICE", "name": "Ceramic putty", "description": first_line,
          "armGroupLabels": ["Putty", "Allograft"]}])
    tables, _ = _clincosm(record)
    assert _interventions(tables) == [("Ceramic putty", first_line)]
    assert len(tables["design_group_interventions"]) == 2


def test_an_arm_description_that_names_its_listed_intervention_is_the_description():
    shown = "Behavioral: Digital patient education about insomnia (PE)"
    record = _arms_record(
        [{"label": "Patient education", "type": "ACTIVE_COMPARATOR", "description": shown,
          "interventionNames": [shown]}],
        [{"type": "BEHAVIORAL", "name": "Digital patient education about insomnia (PE)",
          "description": "Nine weeks of online lessons.", "armGroupLabels": ["Patient education"]}])
    tables, _ = _clincosm(record)
    assert [row["description"] for row in tables["design_groups"]] == [shown]
    assert _interventions(tables) == [("Digital patient education about insomnia (PE)",
                                       "Nine weeks of online lessons.")]


def test_two_listed_interventions_of_an_arm_stay_two():
    record = _arms_record(
        [{"label": "Fusion", "type": "EXPERIMENTAL", "description": "Fusion with a graft.",
          "interventionNames": ["Procedure: Lumbar fusion", "Device: Ceramic putty"]}],
        [{"type": "PROCEDURE", "name": "Lumbar fusion", "armGroupLabels": ["Fusion"]},
         {"type": "DEVICE", "name": "Ceramic putty", "description": "5 cc per level.", "armGroupLabels": ["Fusion"]}])
    tables, _ = _clincosm(record)
    assert _interventions(tables) == [("Ceramic putty", "5 cc per level."), ("Lumbar fusion", None)]
    assert [row["description"] for row in tables["design_groups"]] == ["Fusion with a graft."]


# clincosm: the criteria below an observational study's population -------------------------------------------------

_POPULATION = "Adults with idiopathic interstitial pneumonia seen at the clinic"


def _observational(criteria: str) -> dict:
    return _record(designModule={"studyType": "OBSERVATIONAL", "phases": [],
                                 "designInfo": {"observationalModel": "COHORT", "timePerspective": "PROSPECTIVE"}},
                   eligibilityModule={"eligibilityCriteria": criteria, "studyPopulation": _POPULATION,
                                      "samplingMethod": "PROBABILITY_SAMPLE", "sex": "ALL",
                                      "minimumAge": "40 Years"})


@pytest.mark.parametrize("heading", ["Inclusion Criteriar:", "Inclusion Critera:", "inclusion criterias",
                                     "Inclusion Criterion:"])
def test_a_misspelt_criteria_heading_starts_the_criteria_not_the_population(heading):
    criteria = f"{heading}\n\n* Clinical diagnosis of lung disease\n\nExclusion Criteria:\n\n* Acute exacerbation"
    tables, _ = _clincosm(_observational(criteria))
    (row,) = tables["eligibilities"]
    assert row["population"] == _POPULATION
    assert row["criteria"].startswith(heading)


@pytest.mark.parametrize("criteria", ["Inclusion Criteria:\n\n* Adults\n\nExclusion Criteria:\n\n* Acute exacerbation",
                                      "Key Inclusion Criteria:\n\n* Adults"])
def test_criteria_with_the_usual_heading_start_the_criteria(criteria):
    tables, _ = _clincosm(_observational(criteria))
    (row,) = tables["eligibilities"]
    assert row["population"] == _POPULATION and row["criteria"].startswith(criteria.split("\n")[0])


# clincosm: a text's own hyphen and space at a wrap ----------------------------------------------------------------

# A copy that breaks words after their hyphens (its width 60): 'cluster-' / 'randomized' tells it.
_HYPHEN_COPY = ["Brief Summary:", "This prospective single-centre study is a trial that is cluster-",
                "randomized across the region's hospitals, enrolling adults."]


@pytest.mark.parametrize("above, below, joined", [
    # 'pre-existing' would have fitted on the line: the copy did not break it there, the space is the text's own
    ("Adjacent degeneration factors were studied, and the pre-", "existing disease",
     "and the pre- existing disease"),
    # it would not have fitted: the copy broke the word after its hyphen
    ("Important adjacent degeneration factors were studied in the pre-", "existing disease",
     "in the pre-existing disease"),
], ids=["whole-word-fits", "whole-word-too-wide"])
def test_a_line_ending_in_a_hyphen_goes_on_after_a_space_where_the_whole_word_would_have_fitted(above, below, joined):
    lines = unwrapped([*_HYPHEN_COPY, "", above, below])
    assert "cluster-randomized" in lines[1]
    assert joined in lines[-1]


# meddatax: the design's descriptions ------------------------------------------------------------------------------

@pytest.mark.parametrize("level, roles, description, masked", [
    ("SINGLE", ["Participant"], "Outcome Assessor", (True, False, False, False)),
    ("DOUBLE", ["Participant, Investigator"], "Care Provider", (True, False, True, False)),
    ("DOUBLE", ["Participant", "Investigator"], "Outcomes Assessor", (True, False, True, False)),
], ids=["single-then-role-word", "double-on-one-line", "double-one-a-line"])
def test_a_masking_description_that_is_a_role_word_after_all_the_roles_is_the_description(
        level, roles, description, masked):
    row = study_design(["Blinding Strategy", level, *roles, description])
    assert row["masking_description"] == description
    assert (row["subject_masked"], row["caregiver_masked"], row["investigator_masked"],
            row["outcomes_assessor_masked"]) == masked


@pytest.mark.parametrize("level, roles, masked", [
    ("DOUBLE", ["Participant", "Investigator"], (True, False, True, False)),
    ("TRIPLE", ["Participant", "Care Provider", "Outcomes Assessor"], (True, True, False, True)),
    ("SINGLE", ["Participant"], (True, False, False, False)),
], ids=["double-one-a-line", "triple-one-a-line", "single"])
def test_roles_one_a_line_up_to_the_level_s_count_are_all_roles(level, roles, masked):
    row = study_design(["Blinding Strategy", level, *roles])
    assert row["masking_description"] is None
    assert (row["subject_masked"], row["caregiver_masked"], row["investigator_masked"],
            row["outcomes_assessor_masked"]) == masked


def test_a_masking_description_that_is_a_role_word_is_read_from_the_labelled_page():
    record = _record(designModule={"designInfo": {
        "allocation": "RANDOMIZED", "interventionModel": "PARALLEL", "primaryPurpose": "TREATMENT",
        "maskingInfo": {"masking": "SINGLE", "whoMasked": ["PARTICIPANT"], "maskingDescription": "Outcome Assessor"}}})
    tables, _ = _meddatax(meddatax_render.render(record))
    (row,) = tables["designs"]
    assert row["masking_description"] == "Outcome Assessor" and not row["outcomes_assessor_masked"]


@pytest.mark.parametrize("described", ["Observational Model: Cohort Time Perspective: Prospective",
                                       "Time Perspective: Prospective follow-up of both arms"])
def test_a_model_description_that_begins_with_another_design_label_is_the_description(described):
    row = study_design(["Intervention Model", "PARALLEL", described, "Blinding Strategy", "NONE"])
    assert row["intervention_model_description"] == described
    assert row["observational_model"] is None and row["time_perspective"] is None


def test_an_observational_page_s_labelled_values_are_its_design():
    row = study_design(["Observational Model: Cohort", "Time Perspective: Prospective"], "OBSERVATIONAL")
    assert (row["observational_model"], row["time_perspective"]) == ("COHORT", "PROSPECTIVE")
    row = study_design(["Intervention Model", "PARALLEL", "Observational Model: Cohort"])
    assert row["observational_model"] == "COHORT" and row["intervention_model_description"] is None


# meddatax: conditions on a page wrapped at a sheet's width --------------------------------------------------------

def _wrapped(page: str, width: int = 80) -> str:
    return "\n".join("\n".join(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
                     if len(line) > width else line for line in page.split("\n"))


def _conditions_page(conditions: list[str]) -> str:
    long = ("Participants are followed for twelve months after the operation, with visits at the clinic every "
            "three months and a questionnaire on pain and function at each of them. ")
    return _wrapped(meddatax_render.render(_record(conditionsModule={"conditions": conditions},
                                                   descriptionModule={"briefSummary": long * 4})))


def test_a_condition_a_print_wrapped_inside_its_brackets_is_one_condition():
    name = "Mental Health Issue (E.G., Depression, Psychosis, Personality Disorder, Substance Abuse, Anxiety)"
    tables, problems = _meddatax(_conditions_page([name, "Homelessness"]))
    assert [row["name"] for row in tables["conditions"]] == [name, "Homelessness"]
    assert "unreadable value" not in problems


def test_a_condition_line_that_fills_the_sheet_above_another_line_is_said():
    name = "Acute Myeloid Leukaemia; Myelodysplastic Syndromes; Chronic Myelomonocytic Leukemia"
    tables, problems = _meddatax(_conditions_page([name]))
    assert "unreadable value" in problems  # the line below may be the name's rest or a condition of its own
    assert len(tables["conditions"]) == 2


def test_short_conditions_on_a_wrapped_page_are_each_one_condition():
    tables, problems = _meddatax(_conditions_page(["Degenerative Disc Disease", "Spondylolisthesis"]))
    assert [row["name"] for row in tables["conditions"]] == ["Degenerative Disc Disease", "Spondylolisthesis"]
    assert "unreadable value" not in problems


# meddatax compact: an arm's description of two lines --------------------------------------------------------------

def _compact_arms(arm_description: str) -> tuple[dict, list[str]]:
    record = _record(armsInterventionsModule={
        "armGroups": [{"label": "Neoadjuvant therapy followed by surgery", "type": "EXPERIMENTAL",
                       "description": arm_description, "interventionNames": ["Drug: JDQ443"]}],
        "interventions": [{"type": "DRUG", "name": "JDQ443", "description": "Dose assigned at enrollment",
                           "armGroupLabels": ["Neoadjuvant therapy followed by surgery"]}]})
    return _meddatax(meddatax_render.render(record, labelled=False))


@pytest.mark.parametrize("described", [
    # readable as an arm described by the first line and listing nothing, then an arm titled by the second
    "Adjuvant therapy may follow a major response.\nMajor Pathological Response (MPR)",
    # readable as an arm with neither, then an arm titled by the first line and described by the second
    "If MPR - adjuvant therapy may follow (JDQ443)\nMajor Pathological Response (MPR) assessed centrally.",
], ids=["second-line-as-title", "first-line-as-title"])
def test_an_arm_description_of_two_lines_leaves_the_arms_undecided(described):
    tables, problems = _compact_arms(described)
    assert compact_arms.UNDECIDED in problems and tables.get("design_groups") in (None, [])


def test_an_arm_description_of_one_line_is_read():
    tables, problems = _compact_arms("If MPR - adjuvant therapy may follow (JDQ443)")
    assert compact_arms.UNDECIDED not in problems
    assert [(row["title"], row["description"]) for row in tables["design_groups"]] == [
        ("Neoadjuvant therapy followed by surgery", "If MPR - adjuvant therapy may follow (JDQ443)")]


def _compact_interventions(description: str) -> tuple[dict, list[str]]:
    record = _record(armsInterventionsModule={
        "armGroups": [{"label": "Deep anaesthesia", "type": "EXPERIMENTAL", "description": "BIS kept below 45.",
                       "interventionNames": ["Drug: Propofol", "Drug: Fentanyl"]}],
        "interventions": [{"type": "DRUG", "name": "Propofol", "description": description,
                           "armGroupLabels": ["Deep anaesthesia"]},
                          {"type": "DRUG", "name": "Fentanyl", "description": "Bolus at induction.",
                           "armGroupLabels": ["Deep anaesthesia"]}]})
    return _meddatax(meddatax_render.render(record, labelled=False))


@pytest.mark.parametrize("description", ["High dose propofol\nOther Names:\nDiprivan",
                                         "Dosing schedule:\nTarget-controlled infusion"])
def test_an_intervention_description_that_stops_at_a_colon_leaves_the_interventions_undecided(description):
    tables, problems = _compact_interventions(description)
    assert compact_arms.UNDECIDED in problems and tables.get("interventions") in (None, [])


def test_an_intervention_description_of_one_line_with_a_colon_inside_is_read():
    tables, problems = _compact_interventions("Dose: 2 mg/kg at induction")
    assert compact_arms.UNDECIDED not in problems
    assert sorted((row["name"], row["description"]) for row in tables["interventions"]) == [
        ("Fentanyl", "Bolus at induction."), ("Propofol", "Dose: 2 mg/kg at induction")]
