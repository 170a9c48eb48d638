"""clincosm pages that read otherwise than their record without a load problem, and a page-only warning: an arm's
description that opens with its own type read as another arm, a site's row split at a multi-word city, a misspelt
state or the registry form's placeholder, a citation wrapped at 80 columns read as two, and a title's phase against
N/A judged on a page that shows no intervention types. Each shape is read as the record has it, or said; the nearby
shapes keep their reading. Pages are made from small API v2 records with the renderers of tests/parsers, or written
as a page shows them."""
from __future__ import annotations

import copy
import textwrap
import xml.etree.ElementTree as ET

import pytest

from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from checks import title_phase
from flows.parsers import ctgov_classic_text, summary_text
from flows.parsers.ctgov_classic_text.site_columns import site_row
from flows.parsers.ctgov_classic_text.sites import UNDECIDABLE, locations
from tests.checks import harness
from tests.parsers import clincosm_render, legacy_as_api, summary_render

ARMS_UNDECIDED = "unreadable section: study arms undecided"
_RECORD = {"protocolSection": {
    "identificationModule": {"nctId": "NCT01234567", "briefTitle": "Lipid Docetaxel in Triple Negative Breast Cancer",
                             "orgStudyIdInfo": {"id": "NDLS-TNBC-01"}},
    "statusModule": {"overallStatus": "RECRUITING", "startDateStruct": {"date": "2018-07-10", "type": "ACTUAL"},
                     "primaryCompletionDateStruct": {"date": "2021-06", "type": "ESTIMATED"},
                     "completionDateStruct": {"date": "2021-12", "type": "ESTIMATED"},
                     "lastUpdatePostDateStruct": {"date": "2020-02-11"}},
    "sponsorCollaboratorsModule": {"leadSponsor": {"name": "Acme Oncology Ltd.", "class": "INDUSTRY"}},
    "descriptionModule": {"briefSummary": "A docetaxel lipid suspension is given every three weeks."},
    "conditionsModule": {"conditions": ["Triple Negative Breast Cancer"]},
    "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE3"], "enrollmentInfo": {"count": 120},
                     "designInfo": {"allocation": "RANDOMIZED", "interventionModel": "PARALLEL",
                                    "primaryPurpose": "TREATMENT", "maskingInfo": {"masking": "NONE"}}},
    "eligibilityModule": {"eligibilityCriteria": "Inclusion Criteria:\n\n* Women aged 18 or over", "sex": "FEMALE",
                          "minimumAge": "18 Years"},
    "contactsLocationsModule": {"locations": [{"facility": "Acme Cancer Centre", "city": "Pune", "state": "Maharashtra",
                                               "country": "India", "status": "RECRUITING"},
                                              {"facility": "City Oncology Hospital", "city": "Kolkata",
                                               "state": "West Bengal", "country": "India", "status": "RECRUITING"}]}}}
_SCHEDULE = ("Experimental: NDLS for Injection, 75 mg/m2 Docetaxel Lipid Suspension for Injection; Dose: 75 mg/m2; "
             "Frequency: Every 3-weeks; Duration of treatment: until progression")


def _record(arms: list[dict], interventions: list[dict], **modules: dict) -> dict:
    """The record with these arms and interventions, and each given module's keys replaced."""
    record = copy.deepcopy(_RECORD)
    record["protocolSection"]["armsInterventionsModule"] = {"armGroups": arms, "interventions": interventions}
    for name, values in modules.items():
        record["protocolSection"][name].update(values)
    return record


def _drug(name: str, *arms: str) -> dict:
    return {"type": "DRUG", "name": name, "description": "Each vial holds 20 mg of docetaxel.",
            "armGroupLabels": list(arms)}


def _parsed(record: dict, width: int | None = None):
    page = clincosm_render.render(record)
    if width:
        page = "\n".join("\n".join(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
                         if len(line) > width else line for line in page.split("\n"))
    parsed = ctgov_classic_text.parse(page.encode("utf-8"))
    return parsed.records[0].tables, [problem.reason for problem in parsed.problems]


def _arms(tables: dict) -> list[tuple]:
    return [(row["group_type"], row["title"], row["description"]) for row in tables.get("design_groups", [])]


def _links(tables: dict) -> list[tuple]:
    return sorted((row["design_group"], row["intervention"]) for row in tables.get("design_group_interventions", []))


# clincosm: an arm's description that opens with its own type ---------------------------------------------------------

@pytest.mark.parametrize("width", [None, 80])
def test_a_description_opening_with_a_type_and_running_as_a_schedule_is_the_arm_s_description(width):
    record = _record([{"label": "Docetaxel Lipid Suspension - 75 mg/m2", "type": "EXPERIMENTAL",
                       "description": _SCHEDULE, "interventionNames": ["Drug: Docetaxel Lipid Suspension"]}],
                     [_drug("Docetaxel Lipid Suspension", "Docetaxel Lipid Suspension - 75 mg/m2")])
    tables, problems = _parsed(record, width)
    # a wrapped copy keeps the cell's lines as it shows them
    assert [(kind, title, " ".join(text.split())) for kind, title, text in _arms(tables)] == [
        ("EXPERIMENTAL", "Docetaxel Lipid Suspension - 75 mg/m2", _SCHEDULE)]
    assert _links(tables) == [("Docetaxel Lipid Suspension - 75 mg/m2", "Docetaxel Lipid Suspension")]
    assert ARMS_UNDECIDED not in problems


def test_descriptions_opening_with_a_type_are_told_by_the_header_s_number_of_arms():
    # short descriptions, no schedule: the header shows 2 arms, the table 4 lines typed as arms
    record = _record([{"label": "T1, Lipid docetaxel", "type": "EXPERIMENTAL",
                       "description": "Experimental: lipid docetaxel 75 mg/m2 IV every 3 weeks",
                       "interventionNames": ["Drug: Lipid docetaxel"]},
                      {"label": "R, Taxotere", "type": "ACTIVE_COMPARATOR",
                       "description": "Active Comparator: Taxotere 100 mg/m2 IV every 3 weeks",
                       "interventionNames": ["Drug: Taxotere"]}],
                     [_drug("Lipid docetaxel", "T1, Lipid docetaxel"), _drug("Taxotere", "R, Taxotere")])
    tables, problems = _parsed(record)
    assert _arms(tables) == [("EXPERIMENTAL", "T1, Lipid docetaxel",
                              "Experimental: lipid docetaxel 75 mg/m2 IV every 3 weeks"),
                             ("ACTIVE_COMPARATOR", "R, Taxotere",
                              "Active Comparator: Taxotere 100 mg/m2 IV every 3 weeks")]
    assert _links(tables) == [("R, Taxotere", "Taxotere"), ("T1, Lipid docetaxel", "Lipid docetaxel")]
    assert ARMS_UNDECIDED not in problems


def test_a_short_typed_line_below_an_arm_that_no_header_tells_is_said_undecided():
    # no enrollment: the page shows no header numbers, and the line may be a description or a second, empty arm
    record = _record([{"label": "Lipid docetaxel", "type": "EXPERIMENTAL",
                       "description": "Experimental: lipid docetaxel every 3 weeks",
                       "interventionNames": ["Drug: Lipid docetaxel"]}],
                     [_drug("Lipid docetaxel", "Lipid docetaxel")], designModule={"enrollmentInfo": {}})
    tables, problems = _parsed(record)
    assert ARMS_UNDECIDED in problems
    assert _arms(tables) == [] and _links(tables) == []
    assert [(row["intervention_type"], row["name"]) for row in tables["interventions"]] == [("DRUG", "Lipid docetaxel")]


def test_a_typed_line_below_an_arm_is_another_arm_where_the_header_counts_it():
    page = clincosm_render.render(_record([{"label": "A", "type": "EXPERIMENTAL", "interventionNames": ["Drug: X"]}],
                                          [_drug("X", "A")]))
    # the header says 2 arms: 'Experimental: B high dose' below 'Experimental: A' is the second arm, shown with no
    # description and no intervention of its own (the page's lines as a copy may show them)
    page = page.replace("Experimental: A\n\n", "Experimental: A\n\nExperimental: B high dose\n\n").replace(
        "\n120\n2\n1\n", "\n120\n2\n2\n")
    parsed = ctgov_classic_text.parse(page.encode("utf-8"))
    assert _arms(parsed.records[0].tables) == [("EXPERIMENTAL", "A", None), ("EXPERIMENTAL", "B high dose", None)]
    assert ARMS_UNDECIDED not in [problem.reason for problem in parsed.problems]


@pytest.mark.parametrize("arms, interventions, read", [
    # two real arms, each with its intervention
    ([{"label": "A", "type": "EXPERIMENTAL", "interventionNames": ["Drug: Drug A"]},
      {"label": "B", "type": "PLACEBO_COMPARATOR", "interventionNames": ["Drug: Placebo"]}],
     [_drug("Drug A", "A"), _drug("Placebo", "B")],
     [("EXPERIMENTAL", "A", None), ("PLACEBO_COMPARATOR", "B", None)]),
    # an arm with neither description nor intervention (its row ends with two blank lines), then an arm
    ([{"label": "Observation", "type": "NO_INTERVENTION"},
      {"label": "Docetaxel", "type": "EXPERIMENTAL", "interventionNames": ["Drug: Docetaxel"]}],
     [_drug("Docetaxel", "Docetaxel")],
     [("NO_INTERVENTION", "Observation", None), ("EXPERIMENTAL", "Docetaxel", None)]),
    # a description that names another arm's type inside its text, not at its start
    ([{"label": "Docetaxel", "type": "EXPERIMENTAL", "description": "As the Experimental: arm of the pilot study.",
       "interventionNames": ["Drug: Docetaxel"]}],
     [_drug("Docetaxel", "Docetaxel")],
     [("EXPERIMENTAL", "Docetaxel", "As the Experimental: arm of the pilot study.")]),
])
def test_nearby_arm_tables_keep_their_reading(arms, interventions, read):
    tables, problems = _parsed(_record(arms, interventions))
    assert _arms(tables) == read and ARMS_UNDECIDED not in problems


# clincosm: a site's row ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("row, read", [
    # a misspelt state after a known city of several words
    ("1 ACTREC Navi Mumbai Maharahstra India 410210", ("ACTREC", "Navi Mumbai", "Maharahstra")),
    ("4 Advanced Centre for Treatment (ACTREC) Navi Mumbai Maharashtar India",
     ("Advanced Centre for Treatment (ACTREC)", "Navi Mumbai", "Maharashtar")),
    # a city whose first word is none alone, its last a county's name, where the row shows no state
    ("25 First Obstetrics and Gynecology Clinic Targu Mures Romania 540136",
     ("First Obstetrics and Gynecology Clinic", "Targu Mures", None)),
    ("3 Spitalul Clinic Judetean de Urgenta Tirgu Mures Romania", ("Spitalul Clinic Judetean de Urgenta",
                                                                   "Tirgu Mures", None)),
    ("2 All India Institute of Medical Sciences New Delhi India 110029",
     ("All India Institute of Medical Sciences", "New Delhi", None)),
    # the registry form's placeholder for a state not chosen is the state's cell
    ("1 Postgraduate Institute of Medical Education and Research Chandigarh Choose Any State/Province India 160012",
     ("Postgraduate Institute of Medical Education and Research", "Chandigarh", "Choose Any State/Province")),
])
def test_a_row_with_a_misspelt_state_a_two_word_city_or_the_form_s_placeholder_reads_as_the_record(row, read):
    site, doubt = site_row(row)
    assert (site["name"], site["city"], site["state"]) == read and doubt is None


@pytest.mark.parametrize("row", [
    "3 Kidwai Memorial Institute of Oncology Bengaluru Karnatka India 560029",  # a misspelt state, or the city
    "2 Hospital Sao Lucas Parnaiba Brazil",  # one letter from Paraiba: a city or a misspelt state
])
def test_a_word_one_letter_from_a_state_after_no_known_city_is_said_not_read_as_the_city(row):
    site, doubt = site_row(row)
    assert site["city"] is None and doubt


def test_a_known_city_before_an_unknown_word_is_undecidable_where_other_rows_of_the_country_show_a_state():
    sites, doubts = locations(["1 Tata Memorial Hospital Mumbai Maharashtra India 400012", "Recruiting",
                               "2 ACTREC, Advanced Centre for Treatment in Cancer Navi Mumbai Raigad India -410210",
                               "Recruiting"])
    assert [(site["name"], site["city"], site["state"]) for site in sites] == [
        ("Tata Memorial Hospital", "Mumbai", "Maharashtra"), (None, None, None)]
    assert len(doubts) == 1 and doubts[0].startswith("site 2: ") and "Navi Mumbai Raigad" in doubts[0]
    assert [site["country"] for site in sites] == ["India", "India"]


def test_a_known_city_then_a_county_no_list_holds_is_undecidable_beside_rows_with_a_state():
    sites, doubts = locations(["1 Spitalul Clinic Judetean Targu Mures Mures Romania 540136",
                               "2 Spitalul Judetean de Urgenta Dr. Constantin Opris Baia Mare Maramures Romania"])
    assert (sites[1]["name"], sites[1]["city"]) == (None, None) and doubts[-1].startswith("site 2: ")


def test_the_undecidable_row_is_a_load_problem_of_the_page():
    record = copy.deepcopy(_RECORD)
    record["protocolSection"]["contactsLocationsModule"]["locations"] = [
        {"facility": "Tata Memorial Hospital", "city": "Mumbai", "state": "Maharashtra", "country": "India"},
        {"facility": "ACTREC, Advanced Centre for Treatment in Cancer", "city": "Navi Mumbai", "state": "Raigad",
         "country": "India"}]
    record["protocolSection"]["armsInterventionsModule"] = {"interventions": [_drug("Docetaxel")]}
    _tables, problems = _parsed(record)
    assert UNDECIDABLE in problems


@pytest.mark.parametrize("rows, read", [
    (["1 Tata Memorial Hospital Mumbai Maharashtra India 400012"], [("Tata Memorial Hospital", "Mumbai",
                                                                     "Maharashtra")]),
    # a saint's name that ends a hospital's, no other row of the country showing a state
    (["1 Clinica San Jose Medellin Colombia"], [("Clinica San Jose", "Medellin", None)]),
    (["5 Spitalul Judetean Targu Mures Mures Romania"], [("Spitalul Judetean", "Targu Mures", "Mures")]),
    (["1 Near East University Hospital Nicosia None Selected Cyprus 99138"],
     [("Near East University Hospital", "Nicosia", "None Selected")]),
    (["1 ACTREC Navi Mumbai Raigad India"], [("ACTREC Navi Mumbai", "Raigad", None)]),
    # a city one letter from a region's name, after an institution's word, is the city
    (["46 Tianjin Medical University Cancer Institute & Hospital Tianjing China 300060"],
     [("Tianjin Medical University Cancer Institute & Hospital", "Tianjing", None)]),
    (["72 Huizhou Central People's Hospital Huizhou China 516001"],
     [("Huizhou Central People's Hospital", "Huizhou", None)]),
    # a known city of several words ends the row: its last word is no misspelt region
    (["3 Hospital Universitario Insular Las Palmas de Gran Canaria Spain 35016"],
     [("Hospital Universitario Insular", "Las Palmas de Gran Canaria", None)]),
])
def test_nearby_rows_keep_their_reading(rows, read):
    sites, doubts = locations(rows)
    assert [(site["name"], site["city"], site["state"]) for site in sites] == read and doubts == []


@pytest.mark.parametrize("row", [
    "4 Grande Ospedale Metropolitano Reggio Calabria Italy",
    # the region's name, then a city named with it: the city and its state, or the name's end and the city
    "15 All India Institute of Medical Sciences Delhi New Delhi India 110029",
])
def test_a_city_that_may_be_a_city_and_its_region_is_still_said(row):
    site, doubt = site_row(row)
    assert site["city"] is None and doubt


# clincosm: a citation wrapped at 80 columns --------------------------------------------------------------------------

_DEWAN = ("Dewan MC, Thompson RC, Kalkanis SN, Barker FG 2nd, Hadjipanayis CG. Prophylactic antiepileptic drug "
          "administration following brain tumor resection: results of a recent AANS/CNS Section on Tumors survey. J "
          "Neurosurg. 2017 Jun;126(6):1772-1778. doi: 10.3171/2016.4.JNS16245.")


def _references(references: list[dict], width: int | None = None) -> list[tuple]:
    record = copy.deepcopy(_RECORD)
    record["protocolSection"]["referencesModule"] = {"references": references}
    record["protocolSection"]["armsInterventionsModule"] = {"interventions": [_drug("Docetaxel")]}
    tables, _problems = _parsed(record, width)
    return [(row["pmid"], row["citation"]) for row in tables.get("study_references", [])]


@pytest.mark.parametrize("width", [80, 72])
def test_a_citation_wrapped_at_a_fixed_width_is_one_citation(width):
    read = _references([{"pmid": "27341048", "type": "BACKGROUND", "citation": _DEWAN},
                        {"pmid": "20212232", "type": "BACKGROUND",
                         "citation": "Rosati A, Buttolo L. Efficacy and safety of levetiracetam in patients with "
                                     "glioma: a clinical prospective study. Arch Neurol. 2010 Mar;67(3):343-6."}],
                       width)
    assert [pmid for pmid, _citation in read] == ["27341048", "20212232"]
    assert read[0][1] == _DEWAN


@pytest.mark.parametrize("references, pmids", [
    ([{"pmid": "101", "type": "BACKGROUND", "citation": "Smith J."},
      {"pmid": "102", "type": "BACKGROUND", "citation": "Jones K. A short title. Lancet. 2001."}], ["101", "102"]),
    ([{"type": "BACKGROUND", "citation": "Smith J."}, {"pmid": "123", "type": "RESULT", "citation": "Jones K. T."}],
     [None, "123"]),
])
def test_citations_one_a_line_stay_apart(references, pmids):
    assert [pmid for pmid, _citation in _references(references, 80)] == pmids
    assert [pmid for pmid, _citation in _references(references)] == pmids


# the renderers' legacy masking word ----------------------------------------------------------------------------------

@pytest.mark.parametrize("shown, masking", [("No masking", "NONE"), ("None (Open Label)", "NONE"),
                                            ("Open Label", "NONE"), ("Double Blind (Participant)", "DOUBLE")])
def test_a_legacy_no_masking_word_is_api_v2_s_none(shown, masking):
    info = ET.fromstring(f"<design_info><masking>{shown}</masking></design_info>")
    assert legacy_as_api._masking(info)["masking"] == masking


# a title's phase against N/A on a page that shows no intervention types ----------------------------------------------

_TITLE = "Phase III Randomized Trial Comparing D2 vs D3 Lymphadenectomy With Gastric Cancer"


def _phase_study(layout: str, interventions: list[tuple]) -> dict:
    study = harness.clean_study()
    study["studies"][0].update(official_title=None, brief_title=_TITLE, phase="NA", source_layout=layout)
    study["interventions"] = [{"intervention_type": kind, "name": name, "description": None}
                              for kind, name in interventions]
    return study


def _summary_page_study() -> dict:
    record = copy.deepcopy(_RECORD)
    record["protocolSection"]["identificationModule"]["briefTitle"] = _TITLE
    record["protocolSection"]["designModule"]["phases"] = ["NA"]
    record["protocolSection"]["armsInterventionsModule"] = {"interventions": [
        {"type": "PROCEDURE", "name": "D3 Lymphadenectomy"}]}
    parsed = summary_text.parse(summary_render.render(record).encode("utf-8"))
    return harness.loaded_tables(parsed.records[0], summary_text.LAYOUT)


_PHASE_CASES = {
    # pages that show no intervention types: whether the trial tests no drug is not shown (info, not warning)
    "NCT00000001": (_phase_study("aggregator_text", [(None, "D3 Lymphadenectomy")]), "info"),
    "NCT00000002": (_phase_study("summary_text", []), "info"),
    "NCT00000003": (_summary_page_study(), "info"),
    # pages and records that show the types keep their reading
    "NCT00000004": (_phase_study("aggregator_text", [("PROCEDURE", "D3 Lymphadenectomy")]), "info"),
    "NCT00000005": (_phase_study("aggregator_text", [("DRUG", "Docetaxel")]), "warning"),
    "NCT00000006": (_phase_study("ctgov_classic_text", [("DRUG", "Docetaxel")]), "warning"),
    "NCT00000007": (_phase_study("ctgov_json_v2", []), "warning"),
    "NCT00000008": (_phase_study("ctgov_json_v2", [("PROCEDURE", "D3 Lymphadenectomy")]), "info"),
}


@pytest.fixture(scope="module")
def phase_findings(tmp_path_factory) -> dict[str, list]:
    con = harness.warehouse_with(tmp_path_factory.mktemp("title_phase"),
                                 {nct_id: study for nct_id, (study, _severity) in _PHASE_CASES.items()})
    try:
        found: dict[str, list] = {}
        for finding in findings_of(con, title_phase.RULES[0], set_scope(con, None, harness.AS_OF)):
            found.setdefault(finding.nct_id, []).append(finding)
        return found
    finally:
        con.close()


@pytest.mark.parametrize("nct_id", sorted(_PHASE_CASES))
def test_n_a_against_a_title_s_phase_is_no_warning_on_a_page_that_shows_no_intervention_types(phase_findings,
                                                                                                 nct_id):
    [finding] = phase_findings[nct_id]
    assert finding.severity == _PHASE_CASES[nct_id][1]
    if nct_id in ("NCT00000001", "NCT00000002", "NCT00000003"):
        assert "the page shows no intervention types" in finding.message


def test_a_source_shows_types_where_its_layout_and_its_reading_show_them():
    shows = title_phase.shows_types
    assert not shows("summary_text", []) and not shows("aggregator_text", [(None, "Docetaxel")])
    assert shows("aggregator_text", [("DRUG", "Docetaxel")])
    assert shows("ctgov_xml", []) and shows("ctgov_classic_text", [])
