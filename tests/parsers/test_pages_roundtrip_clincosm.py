"""clincosm pages made from real API v2 records (tests/parsers/clincosm_render.py) read as the record does, and the
page shapes those records showed the reader got wrong."""
from __future__ import annotations

import json
import re

from flows.parsers import ctgov_classic_text, ctgov_json_v2
from tests.parsers.clincosm_render import differences, render
from tests.shared_corpus import CORPUS, needs_corpus

# Every 7th record of the corpus, in file order, up to 40.
_SAMPLE_STEP, _SAMPLE_SIZE = 7, 40
# What the page shows otherwise than the record: an official's name and affiliation are one comma-parted line.
_NOT_COMPARED = re.compile(r"^overall_officials\..*$")
# A record that leaves out whether its observational study is a patient registry shows as any study that is none:
# 'Observational', without the '[Patient Registry]' mark.
_NOT_SHOWN = {"studies.patient_registry": (None, False)}
_SITE = re.compile(r"^site (\d+)")
# Sites whose record names a city as the state ('CHU Lyon Sud', city Pierre-Bénite, state Lyon): its row, 'CHU Lyon
# Sud Pierre-Bénite Lyon France', reads as a site in Lyon as any reader of the page would.
_CITY_AS_STATE = {("NCT02227251", 57), ("NCT02227251", 99), ("NCT02227251", 138)}


def _page(arms: str, listed: str = "", study_type: str = "Interventional") -> str:
    """A clincosm page with the given Arms and Interventions rows and conditions-table interventions."""
    return (f"A Study\n\nSponsor\nAcme University (Other)\nOverall Status\nCompleted\nCT.gov ID\nNCT01234567\n"
            f"Collaborator\n(none)\n\nStudy Details\n\nStudy Description\n\nBrief Summary\n\nA study.\n\n"
            f"Condition or Disease Intervention/Treatment Phase\n  \u2022 Spinal Fusion\n{listed}N/A\n\n"
            f"Detailed Description\n\nStudy Design\n\nStudy Type:\n{study_type}\n\nArms and Interventions\n\n"
            f"{arms}\nOutcome Measures\n\nEligibility Criteria\n\nCriteria\n\nContacts and Locations\n\n"
            "Locations\n\nSite City State Country Postal Code\n1 Dokuz Eylul University Izmir Turkey (T\u00fcrkiye)\n\n"
            "Sponsors and Collaborators\n\n  \u2022 Acme University\n\nInvestigators\n\nNone specified.\n\n"
            "Study Documents (Full-Text)\n\nNone provided.\n\nMore Information\n\nPublications\n\nNone provided.\n"
            "ClinicalTrials.gov Identifier:\nNCT01234567\n\nStudy Results\n\nNo Results Posted as of Mar 1, 2024\n")


def _read(page: str):
    parsed = ctgov_classic_text.parse(page.encode("utf-8"))
    (record,) = parsed.records
    return record.tables, [problem.reason for problem in parsed.problems]


# An arm's description that opens with a type word, as a registry's arm descriptions do ('Biological: 5 cc
# ViviGen...'), naming no intervention the conditions table lists: the arm's text, not an intervention.
TYPED_DESCRIPTION_ARMS = (
    "Arm Intervention/Treatment\nActive Comparator: Intervention group 5-5.4 cc ViviGen\u00ae\n\n"
    "Biological: 5-5.4 cc ViviGen\u00aeThe stand-alone ALIF L5/S1 fusion patients assigned to this group will receive "
    "5-5.4 cc ViviGen\u00ae\n\nOther: ViviGen\u00ae\nBone matrix, 1:1 with rhBMP-2.\n\n"
    "Active Comparator: Control group 4-6mg rhBMP-2\n\nBiological: 4-6mg rhBMP-2 given to every patient of this "
    "group\n\nOther: rhBMP-2\nBone morphogenetic protein.\nOther Names:\n  \u2022 InductOS\n\n")
TYPED_DESCRIPTION_LISTED = "  \u2022 Other: ViviGen\u00ae\n  \u2022 Other: rhBMP-2\n"


def test_an_arm_description_opening_with_a_type_word_stays_the_arms_description():
    tables, problems = _read(_page(TYPED_DESCRIPTION_ARMS, TYPED_DESCRIPTION_LISTED))
    assert [(row["group_type"], row["title"]) for row in tables["design_groups"]] == [
        ("ACTIVE_COMPARATOR", "Intervention group 5-5.4 cc ViviGen\u00ae"),
        ("ACTIVE_COMPARATOR", "Control group 4-6mg rhBMP-2")]
    assert tables["design_groups"][0]["description"].startswith("Biological: 5-5.4 cc ViviGen\u00aeThe stand-alone")
    assert tables["design_groups"][1]["description"] == "Biological: 4-6mg rhBMP-2 given to every patient of this group"
    assert [(row["intervention_type"], row["name"], row["description"]) for row in tables["interventions"]] == [
        ("OTHER", "ViviGen\u00ae", "Bone matrix, 1:1 with rhBMP-2."),
        ("OTHER", "rhBMP-2", "Bone morphogenetic protein.")]
    assert [(row["design_group"], row["intervention"]) for row in tables["design_group_interventions"]] == [
        ("Intervention group 5-5.4 cc ViviGen\u00ae", "ViviGen\u00ae"), ("Control group 4-6mg rhBMP-2", "rhBMP-2")]
    assert tables["intervention_other_names"] == [{"intervention_name": "rhBMP-2", "name": "InductOS"}]
    assert "clincosm location row undecidable" not in problems


def test_a_typed_line_the_conditions_table_lists_is_still_the_arms_first_intervention():
    arms = "Arm Intervention/Treatment\nExperimental: Fusion\n\nBiological: rhBMP-2\nGiven once.\n\n"
    tables, _ = _read(_page(arms, "  \u2022 Biological: rhBMP-2\n"))
    assert [(row["title"], row["description"]) for row in tables["design_groups"]] == [("Fusion", None)]
    assert [(row["name"], row["description"]) for row in tables["interventions"]] == [("rhBMP-2", "Given once.")]


def test_without_interventions_in_the_conditions_table_a_typed_line_below_an_arm_is_an_intervention():
    arms = "Arm Intervention/Treatment\nExperimental: Fusion\n\nBiological: rhBMP-2\nGiven once.\n\n"
    tables, _ = _read(_page(arms))
    assert [row["name"] for row in tables["interventions"]] == ["rhBMP-2"]
    assert tables["design_group_interventions"] == [{"design_group": "Fusion", "intervention": "rhBMP-2"}]


def test_a_site_in_the_registrys_turkey_tuerkiye_is_read_whole():
    tables, problems = _read(_page("Arm Intervention/Treatment\nNo Intervention: Usual care\n\n\n"))
    assert tables["facilities"] == [{"name": "Dokuz Eylul University", "city": "Izmir", "state": None, "zip": None,
                                     "country": "Turkey (T\u00fcrkiye)", "status": None}]
    assert tables["countries"] == [{"name": "Turkey (T\u00fcrkiye)"}]
    assert problems == []


def test_groups_without_description_or_intervention_each_end_with_their_empty_cell():
    groups = "Group/Cohort Intervention/Treatment\nDiabetic retinopathy cohort\n\n\nMild visual impairment cohort\n\n\n"
    tables, _ = _read(_page(groups, study_type="Observational"))
    assert [(row["title"], row["description"]) for row in tables["design_groups"]] == [
        ("Diabetic retinopathy cohort", None), ("Mild visual impairment cohort", None)]


def _compared(record_tables: dict, page_tables: dict, flagged: set[int], nct_id: str) -> dict:
    """The differences the page does not explain: a site a problem names may lack what it could not split."""
    found = {field: values for field, values in differences(record_tables, page_tables).items()
             if not field.startswith("facilities") and not _NOT_COMPARED.match(field)
             and _NOT_SHOWN.get(field) != values}
    sites = zip(record_tables.get("facilities", []), page_tables.get("facilities", []))
    for number, (site, shown) in enumerate(sites, 1):
        if (nct_id, number) in _CITY_AS_STATE:
            continue
        for column in ("name", "city", "state", "zip", "country", "status"):
            if site.get(column) != shown.get(column) and (number not in flagged or shown.get(column) is not None):
                found.setdefault(f"facilities.{column}", (number, site.get(column), shown.get(column)))
    return found


@needs_corpus
def test_pages_made_from_corpus_records_read_as_the_records_do():
    paths = sorted((CORPUS / "json_v2").glob("*.json"))[::_SAMPLE_STEP][:_SAMPLE_SIZE]
    assert len(paths) == _SAMPLE_SIZE
    found = {}
    for path in paths:
        raw = path.read_bytes()
        (record,) = ctgov_json_v2.parse(raw).records
        page = ctgov_classic_text.parse(render(json.loads(raw)).encode("utf-8"))
        flagged = {int(match[1]) for problem in page.problems if (match := _SITE.match(problem.detail))}
        assert len(page.records) == 1 and len(record.tables.get("facilities", [])) == len(
            page.records[0].tables.get("facilities", []))
        if differ := _compared(record.tables, page.records[0].tables, flagged, record.nct_id):
            found[record.nct_id] = differ
    assert found == {}
