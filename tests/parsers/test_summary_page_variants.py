"""Trial-summary pages shaped as the site's other study pages: each reading beside a nearby page that reads as
it did."""
from __future__ import annotations

from flows.parsers import summary_text

KEYS = ["NCT number NCT09000401", "Study type Interventional", "Source Example University Hospital",
        "Status Recruiting", "Phase Phase 2", "Start date March 2019"]


def _page(keys=(), design="", conditions="", description="Participants are followed for 12 weeks.",
          see_also=(), keys_before=(), header="  Status Clinical Trial Phase") -> bytes:
    lines = ["Clinical Trials Logo", "", "Clinical Trial Summary", "", "A trial of exercise in lupus.", "", "",
             "Clinical Trial Description", "", description, "", "", "Study Design", "", design, "", "",
             "Related Conditions & MeSH terms", "", conditions, "", "", *KEYS[:3], *keys_before, *KEYS[3:], *keys,
             "", "See also", header, *see_also]
    return "\n".join(lines).encode()


def _read(page: bytes):
    parsed = summary_text.parse(page)
    (record,) = parsed.records
    return record, [(problem.reason, problem.detail) for problem in parsed.problems]


# 'See also' rows -------------------------------------------------------------------------------------------


def test_a_see_also_title_that_wraps_onto_the_next_line_is_one_row_with_its_phase():
    record, problems = _read(_page(see_also=[
        "Completed NCT03529955 - Apremilast in the Treatment of Cutaneous Disease in Patients With",
        "Recalcitrant Dermatomyositis Phase 2",
        "Withdrawn NCT05375435 - A Randomized Phase 2",
        "Study of Tofacitinib, Placebo and Usual Care Phase 2",
        "Unknown status NCT05986162 - Itolizumab in Dermatomyositis N/A"]))
    assert record.tables["related_studies"] == [
        {"related_nct_id": "NCT03529955", "stated_status": "COMPLETED", "stated_phase": "PHASE2",
         "title": "Apremilast in the Treatment of Cutaneous Disease in Patients With Recalcitrant Dermatomyositis"},
        {"related_nct_id": "NCT05375435", "stated_status": "WITHDRAWN", "stated_phase": "PHASE2",
         "title": "A Randomized Phase 2 Study of Tofacitinib, Placebo and Usual Care"},
        {"related_nct_id": "NCT05986162", "stated_status": "UNKNOWN", "stated_phase": "NA",
         "title": "Itolizumab in Dermatomyositis"}]
    assert problems == []


def test_a_line_after_a_row_closed_by_its_phase_is_no_part_of_it_and_is_named():
    tabbed_header = "Status\tClinical Trial\tPhase"
    record, problems = _read(_page(header=tabbed_header, see_also=[
        "Completed\tNCT03529955 - Apremilast in Dermatomyositis\tPhase 2", "Terms of use"]))
    assert record.tables["related_studies"] == [
        {"related_nct_id": "NCT03529955", "stated_status": "COMPLETED", "stated_phase": "PHASE2",
         "title": "Apremilast in Dermatomyositis"}]
    assert problems == [("unreadable value", "1 line(s) under 'See also' that start no trial row")]



def test_a_line_after_a_row_that_shows_no_phase_is_counted_not_read_into_its_title():
    record, problems = _read(_page(see_also=["Completed NCT03529955 - Apremilast in Dermatomyositis",
                                             "Terms of use"]))
    assert [row["title"] for row in record.tables["related_studies"]] == ["Apremilast in Dermatomyositis"]
    assert problems == [("unreadable value", "1 line(s) under 'See also' that start no trial row")]

# Headings and the key block as the page orders them --------------------------------------------------------


def test_a_description_line_that_spells_a_heading_stays_in_the_description():
    description = "Background\nFatigue is common.\n\nStudy Design\nTwo arms.\n\nSee also\nThe pilot trial."
    record, problems = _read(_page(description=description, design="Allocation: Randomized",
                                   conditions="Systemic Lupus Erythematosus",
                                   see_also=["Completed NCT03529955 - Pilot Exercise Trial in Lupus N/A"]))
    assert record.tables["detailed_descriptions"] == [{"description": description}]
    assert record.tables["designs"][0]["allocation"] == "RANDOMIZED"
    assert record.tables["conditions"] == [{"name": "Systemic Lupus Erythematosus"}]
    assert [row["related_nct_id"] for row in record.tables["related_studies"]] == ["NCT03529955"]
    assert problems == []


def test_a_description_line_that_starts_with_nct_number_is_not_the_key_block():
    description = "This is the extension of the parent trial.\nNCT number NCT01111111 enrolled 40 patients."
    record, problems = _read(_page(description=description))
    assert record.nct_id == "NCT09000401"
    assert record.study["overall_status"] == "RECRUITING"
    assert record.tables["detailed_descriptions"] == [{"description": description}]
    assert problems == []


def test_study_design_lines_spelt_as_the_key_block_spells_its_keys_are_read():
    design = ("Allocation Randomized\nIntervention model Parallel Assignment\nMasking Double (Participant, "
              "Outcomes Assessor)\nPrimary purpose Treatment\nEnrollment 60 (Actual)\nRandomized, open label")
    record, problems = _read(_page(design=design))
    (row,) = record.tables["designs"]
    assert (row["allocation"], row["intervention_model"], row["masking"], row["primary_purpose"]) == (
        "RANDOMIZED", "PARALLEL", "DOUBLE", "TREATMENT")
    assert (row["subject_masked"], row["outcomes_assessor_masked"], row["investigator_masked"]) == (True, True, False)
    assert (record.study["enrollment"], record.study["enrollment_type"]) == (60, "ACTUAL")
    assert problems == [("unknown label", "'(a line without 'Label:')' under 'Study Design'")]


# Key block values -------------------------------------------------------------------------------------------


def test_accepts_healthy_volunteers_shown_as_its_badge_is_yes_and_another_word_is_named():
    readings = {}
    for shown in ("Accepts Healthy Volunteers", "No", "Yes", "Sometimes"):
        record, problems = _read(_page(keys=["Sex All", f"Accepts healthy volunteers {shown}"]))
        readings[shown] = (record.tables["eligibilities"][0]["healthy_volunteers"], problems)
    assert readings == {
        "Accepts Healthy Volunteers": (True, []), "No": (False, []), "Yes": (True, []),
        "Sometimes": (None, [("unreadable value", "'Accepts healthy volunteers' is neither yes nor no")])}


def test_ages_followed_by_their_age_groups_and_ages_not_applicable_are_read():
    readings = {}
    for shown in ("18 Years to 65 Years (Adult, Older Adult)", "6 Months and older (Child, Adult, Older Adult)",
                  "18 Years to N/A", "N/A", "Child, Adult, Older Adult"):
        record, problems = _read(_page(keys=["Sex Female", f"Ages {shown}"]))
        row = record.tables["eligibilities"][0]
        readings[shown] = (row["minimum_age"], row["maximum_age"], row["gender"], problems)
    assert readings == {
        "18 Years to 65 Years (Adult, Older Adult)": ("18 Years", "65 Years", "FEMALE", []),
        "6 Months and older (Child, Adult, Older Adult)": ("6 Months", None, "FEMALE", []),
        "18 Years to N/A": ("18 Years", None, "FEMALE", []), "N/A": (None, None, "FEMALE", []),
        "Child, Adult, Older Adult": (None, None, "FEMALE", [("unreadable value", "'Ages' is not an age range")])}


def test_a_study_type_followed_by_a_bracketed_gloss_is_the_type_it_glosses():
    readings = {}
    for shown in ("Interventional (Clinical Trial)", "Observational (Patient Registry)",
                  "Expanded Access (Intermediate-size Population)", "Observational", "N/A", "Screening (Pilot)"):
        page = _page().replace(b"Study type Interventional", f"Study type {shown}".encode())
        readings[shown] = _read(page)[0].study["study_type"]
    assert readings == {"Interventional (Clinical Trial)": "INTERVENTIONAL",
                        "Observational (Patient Registry)": "OBSERVATIONAL",
                        "Expanded Access (Intermediate-size Population)": "EXPANDED_ACCESS",
                        "Observational": "OBSERVATIONAL", "N/A": "N/A", "Screening (Pilot)": "Screening (Pilot)"}


def test_collaborator_lines_are_collaborator_sponsors_and_several_in_one_line_are_named():
    record, problems = _read(_page(keys_before=["Collaborator National Natural Science Foundation of China",
                                                "Collaborator University of California, San Francisco"]))
    assert record.tables["sponsors"] == [
        {"agency_class": None, "lead_or_collaborator": "lead", "name": "Example University Hospital"},
        {"agency_class": None, "lead_or_collaborator": "collaborator",
         "name": "National Natural Science Foundation of China"},
        {"agency_class": None, "lead_or_collaborator": "collaborator",
         "name": "University of California, San Francisco"}]
    assert problems == []
    record, problems = _read(_page(keys_before=["Collaborators Example Institute, Example Foundation"]))
    assert [row["lead_or_collaborator"] for row in record.tables["sponsors"]] == ["lead"]
    assert problems == [("unreadable value", "'Collaborators' names several collaborators in one line")]


def test_each_contact_line_starts_a_contact_the_first_primary_the_next_backup():
    record, problems = _read(_page(keys_before=["Contact Contact One", "Phone 000-0001", "Email one@example.org",
                                                "Contact Contact Two", "Email two@example.org"]))
    assert record.tables["central_contacts"] == [
        {"contact_type": "primary", "name": "Contact One", "phone": "000-0001", "email": "one@example.org"},
        {"contact_type": "backup", "name": "Contact Two", "phone": None, "email": "two@example.org"}]
    assert problems == []
    record, _ = _read(_page(keys_before=["Contact", "Phone 000-0001", "Email"]))
    assert record.tables["central_contacts"] == [
        {"contact_type": "primary", "name": None, "phone": "000-0001", "email": None}]


def test_bulleted_conditions_are_read_without_their_bullets():
    record, problems = _read(_page(conditions="• Systemic Lupus Erythematosus\n- Fatigue\nNon-Hodgkin Lymphoma\n"
                                              "Lung Diseases, Interstitial"))
    assert record.tables["conditions"] == [{"name": "Systemic Lupus Erythematosus"}, {"name": "Fatigue"},
                                           {"name": "Non-Hodgkin Lymphoma"}, {"name": "Lung Diseases, Interstitial"}]
    assert problems == []
