"""A phase on a trial whose interventions are all devices, behavioural interventions or procedures, one of which names
a drug (contradictions.phase_without_drug): the finding stays info, and says that intervention's type may be what is
wrong, not the phase ("Tri-Luma" typed BEHAVIORAL, "erythropoietin, recombinant" typed PROCEDURE). Where none names
a drug, it says the phase or the interventions' types are wrong.
"""
from __future__ import annotations

import pytest

from checks.check_scope import set_scope
from checks.phase_without_drug import RULES, study_phase_drug_findings
from checks.rule_findings import findings_of
from tests.checks import harness

TRI_LUMA_TITLE = "Comparison of Two Tri-Luma® Maintenance Regimens in the Treatment of Melasma"
TRI_LUMA_SUMMARY = ("A previous 12-month trial has shown that Tri-Luma® applied\nonce daily over a long-term period is "
                    "safe and tolerable.")

# (phase, interventions as (type, name, description), the record's titles and summary, the drug the message quotes).
NAMES_A_DRUG = [
    ("PHASE4", [("BEHAVIORAL", "Tri-Luma Maintenance regimen", None)], (TRI_LUMA_TITLE, TRI_LUMA_SUMMARY),
     "'Tri-Luma Maintenance regimen' names a drug ('Tri-Luma') typed as a behavioural intervention"),
    ("PHASE2", [("PROCEDURE", "erythropoietin, recombinant", None)], (),
     "'erythropoietin, recombinant' names a drug ('erythropoietin') typed as a procedure"),
    ("PHASE3", [("BEHAVIORAL", "Symptom-based adjustment", "Symptom-based adjustment of beclomethasone dipropionate "
                 "administered via an HFA inhaler (QVAR® 40 mcg or QVAR® 80 mcg)")], (), "('beclomethasone')"),
    ("PHASE1", [("BEHAVIORAL", "Gonadorelin", None)], (), "('Gonadorelin') typed as a behavioural intervention"),
    ("PHASE1", [("PROCEDURE", "CHPP with cisplatin", None)], (), "('cisplatin') typed as a procedure"),
    ("PHASE3", [("DEVICE", "Levonorgestrel intrauterine device (IUD)", None)], (),
     "('Levonorgestrel') typed as a device: if it gives the drug, its type"),
    ("PHASE2", [("PROCEDURE", "Perioperative care", "Cefazolin 2 g given intravenously at induction")], (),
     "('Cefazolin') typed as a procedure: its type"),
    ("PHASE2", [("BEHAVIORAL", "Lyrica titration", None)], (), "('Lyrica')"),
    ("PHASE2", [("PROCEDURE", "Recombinant human growth hormone", None)], (),
     "('Recombinant human growth hormone') typed as a procedure"),
    ("PHASE1", [("PROCEDURE", "Local support", "rhGM-CSF given by mouthwash")], (), "('rhGM-CSF given by mouthwash')"),
    ("PHASE2", [("BEHAVIORAL", "Dose taper", "30 mg/day for 2 weeks, then 15 mg/day")], (), "('30 mg/day')"),
    ("PHASE3", [("BEHAVIORAL", "Education", None),
                ("BEHAVIORAL", "Topical regimen", "Elidel® cream applied twice daily")],
     (), "'Topical regimen' names a drug ('Elidel')"),
]

# Interventions that name no drug: the finding's message keeps the registry's N/A beside a wrong type.
NAMES_NO_DRUG = [
    ("PHASE2/PHASE3", [("DEVICE", "Hyalospine", "lumbar decompression surgery and HyaloSpine.")],
     ("Clinical Trial of Hyalospine® in Lumbar Surgery", "Hyalospine® gel is applied once during surgery.")),
    ("PHASE3", [("BEHAVIORAL", "Triple P parenting programme", None)],
     ("Triple P® is delivered in 8 weekly sessions.",)),
    ("PHASE2", [("BEHAVIORAL", "Triple P", "Intervention dose: 12 sessions of Triple P®")], ()),
    ("PHASE2", [("PROCEDURE", "Implantation of the CardioFit™ system", "Implantation of the CardioFit™ stimulator")],
     ("CardioFit™ for the Treatment of Heart Failure",)),
    ("PHASE2", [("PROCEDURE", "measuring estradiol and progesterone levels in saliva", None)], ()),
    ("PHASE3", [("BEHAVIORAL", "Sodium-restricted diet", "Target intake 1,500 mg sodium per day")], ()),
    ("PHASE3", [("BEHAVIORAL", "Calcium-rich diet", "1200 mg/day of calcium from dairy foods")], ()),
    ("PHASE2", [("BEHAVIORAL", "Diet", "Low-fat diet with 30 g fibre a day")], ()),
    ("PHASE2", [("DEVICE", "tDCS", "2 mA for 20 minutes over 5 days")], ()),
    ("PHASE1", [("DEVICE", "Hyperbaric oxygen", "40 sessions of 100% oxygen at 2 atmospheres")], ()),
    ("PHASE3", [("DEVICE", "Rheopheresis blood filtration", None)], ()),
    ("PHASE2", [("PROCEDURE", "Blood draw", "10 ml of blood drawn at each visit")], ()),
    ("PHASE4", [("BEHAVIORAL", "Usual care", "Patients continue their usual medications")], ()),
    ("PHASE3", [("BEHAVIORAL", "Sham neck massage", "20x 30 minutes sessions of neck massage")], ()),
    # A drug a description names among a package of care, neither dosed nor said to be given.
    ("PHASE2/PHASE3", [("BEHAVIORAL", "Enhanced care", "this group received counseling, contingency management and "
                        "methadone or detoxification")], ()),
    # A drug a device holds is the device's (tests/checks/test_phase_without_drug_drug_held_by_a_device.py).
    ("PHASE4", [("DEVICE", "XIENCE V®/ XIENCE PRIME™", "Coronary artery placement of a XIENCE V® Everolimus Eluting "
                 "Stent System")], ()),
    # A mark in the record's texts counts only on a word of the intervention's name.
    ("PHASE2", [("PROCEDURE", "Maintenance", None)], ("Brand® tablets taken once daily.",)),
]


def _ids(cases: list[tuple]) -> list[str]:
    return [f"{c[0]}:{c[1][-1][1]}"[:70] for c in cases]


@pytest.mark.parametrize("phase, interventions, texts, said", NAMES_A_DRUG, ids=_ids(NAMES_A_DRUG))
def test_a_drug_named_by_a_non_drug_intervention_is_said_to_be_typed_otherwise(phase, interventions, texts, said):
    [found] = study_phase_drug_findings("NCT0", phase, interventions, None, texts)
    assert said in found.message, found.message
    assert found.message.endswith("its type may be what is wrong, not the phase."), found.message
    assert "asks N/A" not in found.message and found.severity is None and RULES[0].severity == "info"


@pytest.mark.parametrize("phase, interventions, texts", NAMES_NO_DRUG, ids=_ids(NAMES_NO_DRUG))
def test_an_intervention_that_names_no_drug_keeps_the_phase_or_the_types_wrong(phase, interventions, texts):
    [found] = study_phase_drug_findings("NCT0", phase, interventions, None, texts)
    assert "names a drug" not in found.message, found.message
    assert found.message.endswith("the registry asks N/A of a trial without FDA-defined phases: either the phase is "
                                  "wrong or the interventions' types are."), found.message


def test_the_message_names_the_intervention_its_type_and_the_drug_and_the_evidence_where():
    interventions = [("PROCEDURE", "Leukapheresis", None), ("PROCEDURE", "erythropoietin, recombinant", "weekly")]
    [found] = study_phase_drug_findings("NCT0", "PHASE2", interventions)
    assert found.message == ("The record gives Phase 2 while every intervention it lists is a procedure, but "
                             "'erythropoietin, recombinant' names a drug ('erythropoietin') typed as a procedure: "
                             "its type may be what is wrong, not the phase.")
    assert found.evidence == ("studies.phase='PHASE2'; interventions.intervention_type: PROCEDURE 'Leukapheresis'; "
                              "PROCEDURE 'erythropoietin, recombinant'; PROCEDURE 'erythropoietin, recombinant' names "
                              "a drug: 'erythropoietin'")


def test_a_drug_named_changes_no_finding_a_drug_type_or_regulated_drug_keeps_it_quiet():
    assert list(study_phase_drug_findings("NCT0", "NA", [("PROCEDURE", "erythropoietin, recombinant", None)])) == []
    assert list(study_phase_drug_findings("NCT0", "PHASE2", [("BEHAVIORAL", "Gonadorelin", None)], True)) == []
    assert list(study_phase_drug_findings("NCT0", "PHASE2", [("BEHAVIORAL", "Exercise", None),
                                                              ("DRUG", "Gonadorelin", None)])) == []


def _study(nct_id: str, phase: str, title: str, summary: str, *interventions: tuple[str, str, str | None]) -> dict:
    """The clean study with `phase`, its titles, summary and `interventions` (type, name, description)."""
    study = harness.clean_study()
    study["studies"][0].update(nct_id=nct_id, phase=phase, study_type="INTERVENTIONAL", is_fda_regulated_drug=None,
                               brief_title=title, official_title=title)
    study["brief_summaries"] = [{"description": summary}]
    study["interventions"] = [{"intervention_type": kind, "name": name, "description": description}
                              for kind, name, description in interventions]
    study["design_group_interventions"] = []
    return study


RECORDS = {
    "NCT00000001": (_study("NCT00000001", "PHASE4", TRI_LUMA_TITLE, TRI_LUMA_SUMMARY,
                           ("BEHAVIORAL", "Tri-Luma Maintenance regimen", None)), "('Tri-Luma')"),
    "NCT00000002": (_study("NCT00000002", "PHASE3", "Meditation in Hypertension", "Participants meditate daily.",
                           ("BEHAVIORAL", "Meditation", "Twice daily, 20 minutes")), "either the phase is wrong"),
    "NCT00000003": (_study("NCT00000003", "PHASE2", "QVAR Adjustment", "Asthma control by adjustment.",
                           ("BEHAVIORAL", "Adjustment", "beclomethasone via HFA inhaler (QVAR® 40 mcg)")),
                    "('beclomethasone')"),
}


def test_the_rule_reads_descriptions_titles_and_summaries_of_the_warehouse(tmp_path):
    con = harness.warehouse_with(tmp_path, {n: s for n, (s, _said) in RECORDS.items()})
    try:
        found = {f.nct_id: f.message for f in findings_of(con, RULES[0], set_scope(con, None, harness.AS_OF))}
    finally:
        con.close()
    assert sorted(found) == sorted(RECORDS)
    assert [n for n, (_s, said) in RECORDS.items() if said not in found[n]] == []
