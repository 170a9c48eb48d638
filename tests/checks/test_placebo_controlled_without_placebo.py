"""contradictions.placebo_controlled_without_placebo: a study its own title, summary or design description calls
placebo-controlled ("A Randomized, Double-blind, Placebo-controlled Study", "Drug X Versus Placebo", "compared with
placebo") whose arms and interventions name no placebo. Quiet for a denial, another trial's or a parent study's
design, trials in general, a trial to follow, a food challenge, what the study began as, and for a record that gives
a placebo in any form (a Placebo or Sham Comparator arm, "standard of care plus placebo", a sham, a vehicle, a dummy,
a sugar pill, saline given alone, a crossover's one arm given both, a placebo the text says is a listed product or the
listed device in another mode); info where the record lists interventions but no arms, and not judged where it lists
neither, for an observational study or a republished page. The saline or water a product is diluted in is no
placebo.

Every case is one study of one warehouse built once for the module.
"""
from __future__ import annotations

import json

import pytest

from checks.check_scope import set_scope
from checks.contradictions_placebo_claims import RULES
from checks.rule_findings import findings_of
from flows.parsers import ctgov_json_v2
from tests.checks import harness

RULE = RULES[0]
WARNING, INFO, QUIET = "warning", "info", None
TITLE = "A Randomized, Double-blind, Placebo-controlled Study of Baricitinib in Primary Sjogren's Syndrome"
DRUG = ("DRUG", "Baricitinib", "Baricitinib 2 mg tablet once daily")
TWO_DOSES = (("EXPERIMENTAL", "Baricitinib 2 mg", "Baricitinib 2 mg once daily"),
             ("ACTIVE_COMPARATOR", "Baricitinib 4 mg", "Baricitinib 4 mg once daily"))


def record(arms=TWO_DOSES, interventions=(DRUG,), other_names=(), **study) -> dict:
    """What the record gives: its arms (type, title, description), interventions (type, name, description), other
    names (intervention name, other name) and study columns."""
    return {"arms": arms, "interventions": interventions, "other_names": other_names, "study": study}


NO_PLACEBO = record()
NO_ARMS = record(arms=())

# (field, text, what the record gives, severity expected).
CASES = [
    # The study's own words call it placebo-controlled; the record gives no placebo.
    ("official_title", TITLE, NO_PLACEBO, WARNING),
    ("brief_title", "Baricitinib Versus Placebo in Primary Sjogren's Syndrome", NO_PLACEBO, WARNING),
    ("official_title", "Phase III Randomized Study of Baricitinib vs. Placebo in Sjogren's Syndrome", NO_PLACEBO,
     WARNING),
    ("official_title", "Baricitinib Compared With Placebo for Dry Eye in Sjogren's Syndrome", NO_PLACEBO, WARNING),
    ("summary", "This placebo-controlled trial tests baricitinib in primary Sjogren's syndrome.", NO_PLACEBO,
     WARNING),
    ("summary", "This study will evaluate baricitinib compared with placebo in primary Sjogren's syndrome.",
     NO_PLACEBO, WARNING),
    ("detail", "OUTLINE: This is a randomized, double blind, placebo controlled, multicenter study.", NO_PLACEBO,
     WARNING),
    ("detail", "In this study, patients are randomized to baricitinib or to a placebo control group.", NO_PLACEBO,
     WARNING),
    ("model_description", "Randomized, placebo-controlled, parallel-group design", NO_PLACEBO, WARNING),
    ("masking_description", "Participants and investigators are blinded in this placebo-controlled trial.",
     NO_PLACEBO, WARNING),
    ("official_title", TITLE, record(arms=(("EXPERIMENTAL", "Baricitinib", "Baricitinib 2 mg once daily"),
                                           ("NO_INTERVENTION", "Control", "Usual care"))), WARNING),
    # A title comparing the placebo among the products, a purpose, a legacy record's design heading.
    ("official_title", "Comparing the Effects of Baricitinib, Hydroxychloroquine, and Placebo in Sjogren's Syndrome",
     NO_PLACEBO, WARNING),
    ("brief_title", "Comparing Baricitinib With Placebo in Preventing Dry Eye in Sjogren's Syndrome", NO_ARMS, INFO),
    ("summary", "To compare the efficacy of baricitinib versus placebo for the prevention of dry eye.", NO_ARMS, INFO),
    ("summary", "The primary objective is to assess the efficacy of baricitinib in comparison to placebo.",
     NO_ARMS, INFO),
    ("summary", "This study assesses the efficacy of baricitinib in comparison with placebo.", NO_PLACEBO, WARNING),
    ("detail", "3. To evaluate the efficacy of baricitinib as compared to placebo on dry eye. Subsequently, a "
               "placebo-controlled randomized study will follow.", NO_PLACEBO, QUIET),
    ("detail", "DESIGN NARRATIVE:\nProspective, randomized, placebo-controlled, double-blind. Patients were followed "
               "for a year.", NO_ARMS, INFO),
    ("detail", "BACKGROUND:\nDry eye is common.\n\nDESIGN NARRATIVE:\n\nProspective, randomized, placebo-controlled, "
               "double-blind.", NO_ARMS, INFO),
    ("detail", "To compare baricitinib versus placebo, a previous trial by Smith et al. randomized 300 patients.",
     NO_PLACEBO, QUIET),
    ("summary", "To compare two doses of baricitinib; there is no placebo-controlled arm.", NO_PLACEBO, QUIET),
    ("official_title", "Comparing Placebo Response Rates Across Trials of Baricitinib", NO_PLACEBO, QUIET),
    # Interventions but no arms (a legacy record): worth knowing.
    ("official_title", TITLE, NO_ARMS, INFO),
    ("detail", "PROTOCOL OUTLINE: This is a randomized, double blind, placebo controlled study.", NO_ARMS, INFO),

    # Not this study's placebo control: denied, another trial's, a parent study's, trials in general, earlier
    # studies, a trial to follow, a challenge test, what the study began as.
    ("summary", "There is no placebo control group in this study.", NO_PLACEBO, QUIET),
    ("summary", "This study has no placebo-controlled period: all participants receive baricitinib.", NO_PLACEBO,
     QUIET),
    ("detail", "This open-label study enrolls participants who completed the randomized, placebo-controlled Study "
               "JAHB-301.", NO_PLACEBO, QUIET),
    ("summary", "This study is an extension of the double-blind, placebo-controlled parent study.", NO_PLACEBO,
     QUIET),
    ("official_title", "Long-term Follow-up of the Placebo-controlled ABC-301 Trial of Baricitinib", NO_PLACEBO,
     QUIET),
    ("detail", "Placebo-controlled trials are unethical in this population, so this study compares two doses.",
     NO_PLACEBO, QUIET),
    ("detail", "In earlier studies, baricitinib was superior compared with placebo.", NO_PLACEBO, QUIET),
    ("detail", "A previous placebo-controlled trial found that baricitinib lowers the ESSDAI score.", NO_PLACEBO,
     QUIET),
    ("detail", "If this pilot is successful, a placebo-controlled trial will be conducted.", NO_PLACEBO, QUIET),
    ("summary", "This study confirms milk allergy with a double-blind, placebo-controlled food challenge.",
     NO_PLACEBO, QUIET),
    ("model_description", "Began as a randomized, placebo-controlled design, amended to two active doses",
     NO_PLACEBO, QUIET),
    ("detail", "MARS was a randomized, double-blind, placebo-controlled trial of lovastatin.", NO_PLACEBO, QUIET),
    ("summary", "All participants enter a single-blind placebo run-in before randomization to baricitinib 2 mg or "
                "4 mg.", NO_PLACEBO, QUIET),

    # The record gives a placebo in some form.
    ("official_title", TITLE, record(arms=(TWO_DOSES[0], ("PLACEBO_COMPARATOR", "Control", "Tablets daily"))),
     QUIET),
    ("official_title", TITLE, record(arms=(("EXPERIMENTAL", "Baricitinib plus standard of care", "Baricitinib"),
                                           ("ACTIVE_COMPARATOR", "Standard of care plus placebo", "Usual care")),),
     QUIET),
    ("official_title", TITLE, record(interventions=(DRUG, ("DEVICE", "Sham stimulation", "Device not switched on"))),
     QUIET),
    ("official_title", TITLE, record(interventions=(DRUG, ("DRUG", "Vehicle cream", "Cream base twice daily"))),
     QUIET),
    ("official_title", TITLE, record(interventions=(DRUG, ("DRUG", "Dummy tablets", "Look the same"))), QUIET),
    ("official_title", TITLE, record(interventions=(DRUG, ("OTHER", "Sugar pill", "Once daily"))), QUIET),
    ("official_title", TITLE, record(interventions=(DRUG, ("DRUG", "Normal saline", "Intravenous infusion"))),
     QUIET),
    ("official_title", TITLE, record(interventions=(DRUG, ("DRUG", "Control tablet", "Once daily")),
                                     other_names=(("Control tablet", "Placebo"),)), QUIET),
    ("official_title", "A Randomized, Placebo-controlled, Two-period Crossover Study of Baricitinib",
     record(arms=(("EXPERIMENTAL", "Crossover", "Baricitinib then placebo, two weeks apart"),),
            interventions=(DRUG, ("DRUG", "Placebo", "Matching tablet"))), QUIET),
    ("summary", "In this crossover, randomized, placebo-controlled study, stimulation is compared in two sequences.",
     record(arms=(("EXPERIMENTAL", "1", "the sequence of stimulation begins by ON"),
                  ("EXPERIMENTAL", "2", "the sequence of stimulation begins by OFF")),
            interventions=(("PROCEDURE", "Deep brain stimulation", "Electrode implanted"),)), QUIET),
    ("summary", "This randomized placebo-controlled double blind trial tests an enriched formula.",
     record(arms=(("ACTIVE_COMPARATOR", "1", "Enriched formula"),
                  ("ACTIVE_COMPARATOR", "2", "An isocaloric isonitrogenous nutritional support"))), QUIET),
    # Saline, sodium chloride, water or dextrose a product is diluted in or given with is no placebo.
    ("official_title", "Randomized, Double Blind, Double Dummy, Placebo Controlled Trial of Formoterol vs Fenoterol",
     record(arms=(("ACTIVE_COMPARATOR", "Formoterol", "Formoterol 12 micrograms through Aerolizer"),
                  ("ACTIVE_COMPARATOR", "Fenoterol", "Fenoterol 0.5 mg 20 drops in 3 mL of saline solution "
                                                     "nebulized.")),
            interventions=(("DRUG", "Formoterol", "Inhaled"),
                           ("DRUG", "Fenoterol", "20 drops nebulized diluted in 3cc of 0.9% saline."))), WARNING),
    ("official_title", TITLE, record(arms=(("EXPERIMENTAL", "Baricitinib", "Baricitinib diluted in 50cc of NaCl "
                                                                           "0.9% over 2 hours"),
                                           TWO_DOSES[1])), WARNING),
    ("official_title", TITLE, record(interventions=(("DRUG", "Baricitinib", "Dissolved in normal saline"),)),
     WARNING),
    ("official_title", TITLE, record(interventions=(("DRUG", "Baricitinib", "Reconstituted with sterile water for "
                                                                            "injection"),)), WARNING),
    ("official_title", TITLE, record(interventions=(("DRUG", "Baricitinib", "Infused in 250 ml of 5% dextrose"),)),
     WARNING),
    ("official_title", TITLE, record(interventions=(("DRUG", "Baricitinib", "Tablet taken with a glass of water"),)),
     WARNING),
    ("official_title", TITLE, record(interventions=(("DRUG", "Baricitinib", "Bolus followed by a saline flush"),)),
     WARNING),
    # Saline given as the control still is a placebo.
    ("official_title", TITLE, record(interventions=(DRUG, ("DRUG", "Saline injection", "5 mL intravenously"))),
     QUIET),
    ("official_title", TITLE, record(arms=(TWO_DOSES[0], ("ACTIVE_COMPARATOR", "Saline", "100 mL infused")),),
     QUIET),
    ("official_title", TITLE, record(interventions=(DRUG, ("DRUG", "Normal saline placebo", "Given in 3 mL "
                                                                                         "nebulized"))), QUIET),
    ("official_title", TITLE, record(arms=(TWO_DOSES[0], ("ACTIVE_COMPARATOR", "Control", "3 mL of saline solution "
                                                                                          "nebulized")),), QUIET),
    ("official_title", TITLE, record(arms=(TWO_DOSES[0], ("ACTIVE_COMPARATOR", "Control", "Hydroxyzine diluted in "
                                                          "50cc of NaCl 0.9% and 250cc of NaCl 0.9% over 30 minutes"))),
     QUIET),
    # The text says what its placebo is, and the record lists it: a product of the placebo alone, a device's mode.
    ("official_title", "A Placebo-Controlled Trial of Env 2-3 With MTP-PE/MF59 (Placebo Patients Receive MF59 "
                       "Emulsion Only)", record(arms=(), interventions=(("BIOLOGICAL", "MTP-PE/MF59", None),
                                                                        ("BIOLOGICAL", "Env 2-3", None))), QUIET),
    ("official_title", "A Placebo-Controlled Trial of Env 2-3 With MTP-PE/MF59 (Placebo Patients Receive MF59 "
                       "Emulsion Only)", record(arms=(), interventions=(("BIOLOGICAL", "Env 2-3", None),)), INFO),
    ("detail", "We propose a randomized, cross-over study of DDD pacing versus placebo (AAI pacing mode).",
     record(arms=(), interventions=(("DEVICE", "Pacemaker therapy", None),)), QUIET),
    ("detail", "We propose a randomized, cross-over study of DDD pacing versus placebo (AAI pacing mode).",
     record(arms=(), interventions=(("PROCEDURE", "Septal myectomy", None),)), INFO),
    ("detail", "This randomized, placebo-controlled study gives Env 2-3 or placebo (ALVAC) with equal probability.",
     record(arms=(), interventions=(("BIOLOGICAL", "ALVAC vCP1452", None),)), INFO),
    ("detail", "This randomized, placebo-controlled study gives Env 2-3 or placebo (ALVAC alone).",
     record(arms=(), interventions=(("BIOLOGICAL", "ALVAC vCP1452", None),)), QUIET),
    ("official_title", "Baricitinib Cream Versus Placebo (Baricitinib Cream Vehicle) in Sjogren's Syndrome",
     record(interventions=(("DRUG", "Baricitinib cream", "Twice daily"),)), WARNING),
    ("official_title", "Baricitinib Versus Placebo (n=40) in Primary Sjogren's Syndrome", NO_PLACEBO, WARNING),
    # Not judged: nothing listed, an observational study, a republished page.
    ("official_title", TITLE, record(arms=(), interventions=()), QUIET),
    ("official_title", TITLE, record(study_type="OBSERVATIONAL"), QUIET),
    ("official_title", TITLE, record(source_layout="aggregator_text"), QUIET),
]
_IDS = harness.numbered_cases(CASES)


def _study(field: str, text: str, given: dict) -> dict:
    """The clean study with the text in its place and the record's arms, interventions and other names."""
    study = harness.design_text_study({}, [(field, text)])
    study["design_groups"] = [{"group_type": t, "title": title, "description": d} for t, title, d in given["arms"]]
    study["interventions"] = [{"intervention_type": t, "name": name, "description": d}
                              for t, name, d in given["interventions"]]
    names = [name for _t, name, _d in given["interventions"]]
    study["intervention_other_names"] = [{"intervention_name": drug, "name": other, "intervention_id":
                                          names.index(drug) + 1} for drug, other in given["other_names"]]
    study["studies"][0].update(given["study"])
    return study


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, tuple[str, str, str]]:
    """(severity, message, evidence) of the rule's finding by study, one warehouse holding every case."""
    studies = {nct_id: _study(field, text, given) for nct_id, (field, text, given, _severity) in _IDS.items()}
    con = harness.warehouse_with(tmp_path_factory.mktemp("placebo_claims"), studies)
    try:
        scope = set_scope(con, None, harness.AS_OF)
        return {f.nct_id: (f.severity or RULE.severity, f.message, f.evidence) for f in findings_of(con, RULE, scope)}
    finally:
        con.close()


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[f"{c[3] or 'quiet'}:{c[1]}" for c in _IDS.values()])
def test_a_placebo_control_against_what_the_record_gives(found, nct_id):
    _field, text, _given, severity = _IDS[nct_id]
    finding = found.get(nct_id)
    assert (finding and finding[0]) == severity, text


def test_the_message_quotes_the_claim_and_the_evidence_lists_the_arms(found):
    _severity, message, evidence = found["NCT00000001"]
    assert message == ("The official title calls the study placebo-controlled ('Placebo-controlled'), yet no arm is a "
                       "Placebo or Sham Comparator and no arm or intervention names a placebo: the placebo arm is "
                       "missing, or the text is wrong.")
    assert evidence == ("studies.official_title: 'A Randomized, Double-blind, Placebo-controlled Study of Baricitinib "
                        "in Primary Sjogren's Syndrome'; design_groups: EXPERIMENTAL 'Baricitinib 2 mg'; "
                        "ACTIVE_COMPARATOR 'Baricitinib 4 mg'; interventions: 'Baricitinib' (DRUG)")


def test_a_claim_after_vs_is_quoted_with_it(found):
    _severity, message, _evidence = found["NCT00000003"]
    assert "placebo-controlled ('vs. Placebo')" in message


# NCT05316428 as the registry gives it, cut short: a placebo-controlled crossover of TPN171H and alcohol whose three
# arms are each given the drug, alcohol or both, and no placebo.
_RECORD = {"protocolSection": {
    "identificationModule": {"nctId": "NCT05316428",
                             "briefTitle": "A Study of the Hemodynamic Interactions of TPN171H Tablets & Alcohol in "
                                           "Healthy Male Subjects",
                             "officialTitle": "A Randomized, Blind, Placebo-controlled, Three-way Crossover Study "
                                              "Evaluating the Interaction of TPN171H Tablets and Alcohol in Healthy "
                                              "Chinese Male Subjects"},
    "statusModule": {"statusVerifiedDate": "2022-02", "overallStatus": "COMPLETED",
                     "studyFirstPostDateStruct": {"date": "2022-04-07", "type": "ACTUAL"},
                     "lastUpdatePostDateStruct": {"date": "2022-05-23", "type": "ACTUAL"}},
    "designModule": {"studyType": "INTERVENTIONAL", "phases": ["PHASE1"],
                     "designInfo": {"allocation": "RANDOMIZED", "interventionModel": "CROSSOVER"}},
    "armsInterventionsModule": {
        "armGroups": [{"label": "alcohol plus TPN171H", "type": "EXPERIMENTAL",
                       "description": "0.5 g/Kg alcohol plus 10 mg TPN171H tablet",
                       "interventionNames": ["Drug: TPN171H tablet plus alcohol"]},
                      {"label": "alcohol", "type": "EXPERIMENTAL", "description": "0.5 g/kg alcohol",
                       "interventionNames": ["Other: alcohol"]},
                      {"label": "TPN171H", "type": "EXPERIMENTAL", "description": "10 mg TPN171H tablet",
                       "interventionNames": ["Drug: TPN171H tablet"]}],
        "interventions": [{"type": "DRUG", "name": "TPN171H tablet plus alcohol",
                           "description": "10 mg TPN171H tablet QD plus 0.5 g/kg alcohol",
                           "armGroupLabels": ["alcohol plus TPN171H"]},
                          {"type": "OTHER", "name": "alcohol", "description": "0.5 g/kg alcohol",
                           "armGroupLabels": ["alcohol"]},
                          {"type": "DRUG", "name": "TPN171H tablet", "description": "10 mg TPN171H tablet QD",
                           "armGroupLabels": ["TPN171H"]}]}}}


def _loaded(document: dict, nct_id: str) -> dict:
    """The warehouse rows of the API v2 record `document` under `nct_id`, as a load gives them."""
    document = json.loads(json.dumps(document).replace("NCT05316428", nct_id))
    (parsed,) = ctgov_json_v2.parse(json.dumps(document).encode()).records
    return harness.loaded_tables(parsed, ctgov_json_v2.LAYOUT)


def test_a_registry_record_without_its_placebo_is_flagged_and_with_it_is_not(tmp_path):
    with_placebo = json.loads(json.dumps(_RECORD))
    module = with_placebo["protocolSection"]["armsInterventionsModule"]
    module["armGroups"][1]["interventionNames"].append("Drug: Placebo")
    module["interventions"].append({"type": "DRUG", "name": "Placebo", "description": "Tablet matching TPN171H",
                                    "armGroupLabels": ["alcohol"]})
    studies = {"NCT05316428": _loaded(_RECORD, "NCT05316428"), "NCT05316429": _loaded(with_placebo, "NCT05316429")}
    con = harness.warehouse_with(tmp_path, studies)
    try:
        found = list(findings_of(con, RULE, set_scope(con, None, harness.AS_OF)))
    finally:
        con.close()
    assert [(f.nct_id, f.severity or RULE.severity) for f in found] == [("NCT05316428", "warning")]
    assert "design_groups: EXPERIMENTAL 'alcohol plus TPN171H'; EXPERIMENTAL 'alcohol'" in found[0].evidence
