"""Shapes of the protocol structure rules, as records read by the registry parsers: an observational cohort of another
study's placebo group (former recipients, participants who were assigned to it or took part in it, a study named by its
code), beside cohorts given a placebo or sham in this one; and legacy records of 1999-2007 whose links and ages the
rules judge as before. All records share one warehouse."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

import checks
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from flows.parsers import ctgov_json_v2, ctgov_xml
from tests.checks import harness

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
RULES = [rule for rule in checks.all_rules() if rule.id in {
    "protocol.arm_without_intervention", "protocol.link_to_unlisted_arm", "protocol.minimum_age_above_maximum"}]
ARM = "protocol.arm_without_intervention"
API_RECORD = json.loads((GOLDEN / "ctgov_json_v2" / "year_only_start_mesh_terms.json").read_text(encoding="utf-8"))
LEGACY_RECORD = (GOLDEN / "ctgov_xml" / "interventional_masked_arms.xml").read_text(encoding="utf-8")


def _tables(record, layout: str) -> dict[str, list[dict]]:
    """The warehouse rows of a record parsed from `layout`, as a load gives them."""
    tables = {table: [dict(row) for row in rows] for table, rows in record.tables.items()}
    tables["studies"][0].update(source_layout=layout, source_sha256="0" * 64)
    return tables


def _cohort_record(nct_id: str, title: str, description: str) -> dict[str, list[dict]]:
    """An API v2 observational record whose vaccinated cohort is linked to the vaccine and whose second cohort
    (title, description) is linked to nothing."""
    record = copy.deepcopy(API_RECORD)
    protocol = record["protocolSection"]
    protocol["identificationModule"]["nctId"] = nct_id
    protocol["designModule"] = {"studyType": "OBSERVATIONAL", "patientRegistry": False,
                                "designInfo": {"observationalModel": "COHORT", "timePerspective": "PROSPECTIVE"},
                                "enrollmentInfo": {"count": 400, "type": "ESTIMATED"}}
    protocol["armsInterventionsModule"] = {
        "armGroups": [{"label": "Vaccinees", "description": "Participants who received the vaccine",
                       "interventionNames": ["Biological: mRNA-1273"]},
                      {"label": title, "description": description}],
        "interventions": [{"type": "BIOLOGICAL", "name": "mRNA-1273", "armGroupLabels": ["Vaccinees"]}]}
    (parsed,) = ctgov_json_v2.parse(json.dumps({"studies": [record]}).encode()).records
    return _tables(parsed, ctgov_json_v2.LAYOUT)


def _legacy_record(nct_id: str, *changes: tuple[str, str]) -> dict[str, list[dict]]:
    """The legacy XML record (first submitted 1999) with each (old, new) text replaced once."""
    text = LEGACY_RECORD
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    (parsed,) = ctgov_xml.parse(text.replace("NCT00004154", nct_id).encode()).records
    return _tables(parsed, ctgov_xml.LAYOUT)


# Cohorts placed in another study's placebo group: each fired before as a group given no intervention.
FOLLOWED_UP = {
    "assigned in a coded study": ("Placebo", "Participants assigned to placebo in the P301 study"),
    "were assigned": ("Placebo group", "Participants who were assigned to placebo in the phase 3 efficacy study"),
    "were enrolled": ("Placebo group", "Participants who were enrolled in the placebo arm of the efficacy study"),
    "participated in": ("Placebo", "Participants who participated in the placebo arm of the DAPA-HF study"),
    "took part in": ("Placebo", "Children who took part in the placebo group of the malaria vaccine study"),
    "a previous study": ("Placebo", "Placebo recipients in a previous vaccine study"),
    "from a coded study": ("Placebo", "Participants from the placebo arm of the P301 study"),
    "former recipients": ("Placebo recipients", "Former placebo recipients, vaccinated after unblinding"),
}
# Cohorts given a placebo or sham in this study.
GIVEN_HERE = {
    "tablets twice daily": ("Placebo", "Participants receiving placebo tablets twice daily for 12 weeks"),
    "sham acupuncture": ("Sham", "Patients undergoing sham acupuncture weekly"),
    "will be assigned": ("Placebo", "Participants who will be assigned to placebo for 6 weeks"),
    "former smokers": ("Placebo", "Former smokers given placebo inhalers twice daily"),
    "this study's length": ("Placebo", "Pre-diabetics receiving placebo for 6 weeks in the 12-week study"),
    "allocated, no tense": ("Placebo", "Healthy volunteers allocated to placebo capsules daily"),
    "will be enrolled": ("Placebo", "Participants who will be enrolled in the placebo group and given placebo"),
    "a previous illness": ("Placebo", "Patients with previous stroke receiving placebo"),
}
# Legacy records of 1999-2007: a link to an arm label the record no longer has, ages in different units.
LEGACY = {
    "arm renamed, link kept": (("<arm_group_label>Fenretinide</arm_group_label>\n    <arm_group_type>",
                         "<arm_group_label>Arm I</arm_group_label>\n    <arm_group_type>"),),
    "13 months to 1 year": (("<minimum_age>18 Years</minimum_age>", "<minimum_age>13 Months</minimum_age>"),
                            ("<maximum_age>N/A</maximum_age>", "<maximum_age>1 Year</maximum_age>")),
    "216 months to 18 years": (("<minimum_age>18 Years</minimum_age>", "<minimum_age>216 Months</minimum_age>"),
                               ("<maximum_age>N/A</maximum_age>", "<maximum_age>18 Years</maximum_age>")),
}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple[str, str, str]]]:
    """(rule id, severity, message) of each finding on each record, by its name."""
    names, studies = {}, {}
    for n, (name, (title, description)) in enumerate({**FOLLOWED_UP, **GIVEN_HERE}.items()):
        nct_id = f"NCT{9700001 + n:08d}"
        names[nct_id], studies[nct_id] = name, _cohort_record(nct_id, title, description)
    for n, (name, changes) in enumerate(LEGACY.items()):
        nct_id = f"NCT{9790001 + n:08d}"
        names[nct_id], studies[nct_id] = name, _legacy_record(nct_id, *changes)
    con = harness.warehouse_with(tmp_path_factory.mktemp("protocol_legacy_links"), studies)
    try:
        scope = set_scope(con, None, harness.AS_OF)
        by_name: dict[str, list[tuple[str, str, str]]] = {name: [] for name in names.values()}
        for rule in RULES:
            for f in findings_of(con, rule, scope):
                by_name[names[f.nct_id]].append((rule.id, f.severity or rule.severity, f.message))
        return by_name
    finally:
        con.close()


@pytest.mark.parametrize("name", list(FOLLOWED_UP))
def test_a_cohort_of_another_study_s_placebo_group_is_given_nothing_here(found, name):
    assert [f for f in found[name] if f[0] == ARM] == []


@pytest.mark.parametrize("name", list(GIVEN_HERE))
def test_a_cohort_given_a_placebo_or_sham_here_is_an_arm(found, name):
    title = GIVEN_HERE[name][0]
    assert [f for f in found[name] if f[0] == ARM] == [
        (ARM, "warning", f"The group \"{title}\" receives no intervention, though the record links groups to "
                         "interventions.")]


def test_a_legacy_link_to_an_arm_label_the_record_does_not_have_is_flagged(found):
    assert ("protocol.link_to_unlisted_arm", "warning",
            "A link of the record names the arm \"Fenretinide\" (for \"Fenretinide\"), which is not among its arms."
            ) in found["arm renamed, link kept"]


def test_legacy_ages_are_compared_as_calendar_lengths(found):
    assert ("protocol.minimum_age_above_maximum", "error", "The minimum age 13 Months is above the maximum age 1 Year."
            ) in found["13 months to 1 year"]
    assert [f for f in found["216 months to 18 years"] if f[0] == "protocol.minimum_age_above_maximum"] == []
