"""meddatax pages as real studies differ: the site's results sub-page (recognised and rejected for what it is), a
central contact's phone with letters and a role in display form, typed arms whose intervention descriptions run over
lines, compact design values and a patient registry's study type in the registry's display form; each with a nearby
page or line that reads as before."""
from __future__ import annotations

import pytest

from flows.inputs import Input
from flows.parse_batch import ParsedBatch, parse_input
from flows.parsers import HEAD_BYTES, aggregator_text, claimants
from flows.parsers.aggregator_text.design import study_design
from flows.parsers.aggregator_text.people_places import central_contacts
from flows.parsers.aggregator_text.results_page import RESULTS_PAGE
from tests.parsers.test_aggregator_observational_values_and_site_menu import _page
from tests.parsers.test_aggregator_wrapped_titles_ages_and_party import SEED_002, SEED_004, _read, _replaced
from tests.shared_corpus import CORPUS, needs_corpus

# The top of a results sub-page as the site shows it (meddatax.com/clinical-trials/NCT.../results).
RESULTS = """Trial Outcomes & Findings for SYN120 Study in Parkinson's Disease Dementia (SYNAPSE) (NCT NCT02258152)
NCT ID: NCT02258152
Last Updated: 2019-04-19
Results Overview
Continuity of attention, measured with a computerized cognition battery.
COMPLETED
PHASE2
82 participants
up to Week 16
2019-04-19
Participant Flow
Participant milestones
| Measure |
Placebo
|
SYN120
|
|---|---|---|
|
Overall Study
STARTED
|
44
|
38
|
Reasons for withdrawal
"""
# The same page as the site's labelled view shows it (a blank line between lines, values under their labels).
RESULTS_LABELLED = "\n\n".join([
    "Trial Outcomes & Findings for S-Equol in Alzheimer's Disease 2 Trial (NCT NCT03101085)", "NCT ID: NCT03101085",
    "Last Updated: 2024-07-25", "Results Overview", "Cytochrome oxidase was measured in platelet mitochondria.",
    "Recruitment status", "COMPLETED", "Study phase", "PHASE1/PHASE2", "Target enrollment", "40 participants",
    "Results posted on", "2024-07-25", "Participant Flow", "Participant milestones"])


def _run(raw: bytes) -> tuple[list[str], list[tuple[str, str, str | None]], int]:
    """The layouts that claim `raw`, the rejects of the run that reads it (reason, detail, study) and its records."""
    batch = ParsedBatch()
    parse_input(Input("page.txt", raw, None), batch)
    rejects = [(reject.reason, reject.detail, reject.nct_id) for reject in batch.rejects]
    return [parser.LAYOUT for parser in claimants(raw[:HEAD_BYTES])], rejects, len(batch.records)


# The results sub-page ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, nct_id", [
    (RESULTS, "NCT02258152"), (RESULTS_LABELLED, "NCT03101085"),
    ("meddatax\nSearch trials\nHome \u203a Trials\n\n" + RESULTS, "NCT02258152"),
    (RESULTS.split("\n", 1)[1], "NCT02258152"), (RESULTS.replace("Results Overview\n", ""), "NCT02258152"),
    (RESULTS.replace("\n", "\r\n"), "NCT02258152"),
], ids=["compact", "labelled", "under-a-menu", "no-title", "no-overview-heading", "crlf"])
def test_a_results_sub_page_is_claimed_by_this_layout_and_rejected_as_one(text, nct_id):
    claimed, rejects, records = _run(text.encode())
    assert (claimed, records) == (["aggregator_text"], 0)
    ((reason, detail, study),) = rejects
    assert (reason, study) == (RESULTS_PAGE, nct_id)
    assert "results" in detail and "not loaded" in detail
    assert f"https://meddatax.com/clinical-trials/{nct_id}/ " in detail and "without '/results'" in detail


@needs_corpus
def test_the_real_results_sub_page_excerpt_is_rejected_as_a_results_page():
    raw = (CORPUS / "text_pages" / "pages_corpus_excerpts" / "NCT02258152__meddatax_results_excerpt.txt").read_bytes()
    claimed, rejects, _ = _run(raw)
    assert claimed == ["aggregator_text"] and [(reason, study) for reason, _, study in rejects] == [
        (RESULTS_PAGE, "NCT02258152")]


def test_a_study_page_whose_study_results_show_results_is_still_read_as_the_study():
    page = _replaced(SEED_002, "Basic Information\n", "Participant Flow\n82 participants started\nBasic Information\n")
    tables, problems = _read(page)
    assert tables["studies"][0]["overall_status"] == "ACTIVE_NOT_RECRUITING"
    assert [reason for reason, _ in problems] == ["unread section: study results"]


def test_a_study_page_cut_before_basic_information_is_no_results_page():
    # its Study Results heading is the study page's: it is read as the same cut page without results lines is
    cut = SEED_002[:SEED_002.index("Basic Information")]
    shown = _run(cut.replace("Study Results\n", "Study Results\nParticipant Flow\n").encode())
    assert shown == _run(cut.encode()) and RESULTS_PAGE not in [reason for reason, _, _ in shown[1]]


def test_a_study_page_followed_by_its_results_page_loads_the_study_and_names_the_results_page():
    parsed = aggregator_text.parse((SEED_002 + "\n" + RESULTS).encode())
    assert [record.nct_id for record in parsed.records] == ["NCT05300932"]
    assert [problem.reason for problem in parsed.problems] == [RESULTS_PAGE]


def test_text_with_an_id_line_and_no_results_heading_is_not_claimed():
    text = "Trial Outcomes\nNCT ID: NCT02258152\nLast Updated: 2019-04-19\nOverview\nCOMPLETED\n"
    assert not aggregator_text.sniff(text.encode())


# Central contacts ------------------------------------------------------------------------------------------------

def test_a_contact_phone_with_letters_below_the_role_line_is_the_phone_not_another_contact():
    rows = central_contacts(["There may be multiple sites in this clinical trial.", "Role: CONTACT",
                             "1-877-CTLilly (1-877-285-4559)", "ClinicalTrials.gov@lilly.com"])
    assert [(row["name"], row["phone"], row["email"]) for row in rows] == [
        ("There may be multiple sites in this clinical trial.", "1-877-CTLilly (1-877-285-4559)",
         "ClinicalTrials.gov@lilly.com")]


def test_a_line_like_a_phone_above_a_role_line_is_the_next_contact_s_name():
    rows = central_contacts(["Trial Office", "Role: CONTACT", "+1 617 555 0100 ext: 12", "24 Hour Line Team 7000000",
                             "Role: CONTACT"])
    assert [(row["name"], row["phone"]) for row in rows] == [("Trial Office", "+1 617 555 0100 ext: 12"),
                                                             ("24 Hour Line Team 7000000", None)]


@pytest.mark.parametrize("shown, role", [("Contact", "CONTACT"), ("CONTACT", "CONTACT"),
                                         ("Principal Investigator", "PRINCIPAL_INVESTIGATOR"),
                                         ("Study Nurse", "Study Nurse")])
def test_a_contact_role_is_read_as_api_v2_spells_it_and_another_role_as_shown(shown, role):
    (row,) = central_contacts(["Kari Example", f"Role: {shown}", "+47 22 11 80 80"])
    assert row["role"] == role


# Typed arms with descriptions over several lines -----------------------------------------------------------------

_TYPED_GROUPS = ["Part 1", "XYZ-9 alone.", "Group Type EXPERIMENTAL", "XYZ-9", "Intervention Type DRUG",
                 "Oral capsule once daily.", "Each cycle is 21 days.",
                 "Part 2", "XYZ-9 with pembrolizumab.", "Group Type EXPERIMENTAL", "XYZ-9", "Intervention Type DRUG",
                 "Oral capsule once daily.", "Each cycle is 21 days.", "Pembrolizumab", "Intervention Type BIOLOGICAL",
                 "200 mg IV every 3 weeks.", "Given on day 1.",
                 "Part 3", "Pembrolizumab alone.", "Group Type ACTIVE_COMPARATOR", "Pembrolizumab",
                 "Intervention Type BIOLOGICAL", "200 mg IV every 3 weeks.", "Given on day 1."]
_TYPED_INTERVENTIONS = ["XYZ-9", "Oral capsule once daily.", "Each cycle is 21 days.", "Intervention Type DRUG",
                        "Pembrolizumab", "200 mg IV every 3 weeks.", "Given on day 1.", "Intervention Type BIOLOGICAL"]


def _groups(groups: list[str], interventions: list[str]) -> tuple[list[tuple], list[tuple], list]:
    tables, problems = _read(_page([("Study Groups", groups), ("Interventions", interventions)]).decode())
    return ([(row["title"], row["description"]) for row in tables["design_groups"]],
            [(row["design_group"], row["intervention"]) for row in tables["design_group_interventions"]], problems)


def test_an_intervention_description_over_lines_ends_where_interventions_ends_it_not_at_its_first_line():
    heads, links, problems = _groups(_TYPED_GROUPS, _TYPED_INTERVENTIONS)
    assert heads == [("Part 1", "XYZ-9 alone."), ("Part 2", "XYZ-9 with pembrolizumab."),
                     ("Part 3", "Pembrolizumab alone.")]
    assert links == [("Part 1", "XYZ-9"), ("Part 2", "XYZ-9"), ("Part 2", "Pembrolizumab"), ("Part 3", "Pembrolizumab")]
    assert problems == []


def test_typed_arms_with_one_line_descriptions_read_as_before():
    tables, problems = _read(SEED_004)
    assert [(row["title"], row["description"]) for row in tables["design_groups"]] == [
        ("Group A", "Group A participants will get tab. baricitinib 4 mg daily"),
        ("Group B", "Group B participants will be given tab. Methotrexate 25 mg weekly with folic acid 5 mg weekly")]
    assert problems == []


# Compact values in the registry's display form -------------------------------------------------------------------

def test_compact_design_values_in_display_form_are_their_api_v2_values():
    row = study_design(["Randomized", "Parallel Assignment", "Open label", "Supportive Care", "None (Open Label)"])
    assert (row["allocation"], row["intervention_model"], row["primary_purpose"], row["masking"]) == (
        "RANDOMIZED", "PARALLEL", "SUPPORTIVE_CARE", "NONE")
    assert row["intervention_model_description"] == "Open label"
    row = study_design(["Non-Randomized", "Single Group Assignment", "Educational/Counseling/Training", "Double"])
    assert (row["allocation"], row["intervention_model"], row["primary_purpose"], row["masking"]) == (
        "NON_RANDOMIZED", "SINGLE_GROUP", "ECT", "DOUBLE")


_REGISTRY_BASIC = ["Recruiting", "N/A", "400 participants (Anticipated)", "Observational [Patient Registry]",
                   "2014-04 (Actual)", "2034-12 (Anticipated)"]


def _compact(basic: list[str], design: list[str]) -> tuple[dict, list]:
    return _read(_page([("Study Design", design)], basic).decode().replace("\n\n", "\n"))


def test_a_compact_patient_registry_in_display_form_is_observational_with_its_design_read():
    tables, problems = _compact(_REGISTRY_BASIC, ["Cohort", "Prospective"])
    study = tables["studies"][0]
    assert (study["study_type"], study["patient_registry"]) == ("OBSERVATIONAL", True)
    assert {column: value for column, value in tables["designs"][0].items() if value is not None} == {
        "observational_model": "COHORT", "time_perspective": "PROSPECTIVE"}
    assert problems == []


def test_a_plain_observational_study_says_nothing_of_a_registry():
    basic = [*_REGISTRY_BASIC[:3], "OBSERVATIONAL", *_REGISTRY_BASIC[4:]]
    tables, problems = _compact(basic, ["COHORT", "PROSPECTIVE"])
    assert "patient_registry" not in tables["studies"][0] and problems == []
    assert tables["designs"][0]["observational_model"] == "COHORT"
