"""A phase given to a trial that tests no drug (contradictions.phase_without_drug).

The registry asks N/A of a trial without FDA-defined phases, "including trials of devices or behavioral
interventions": a record that gives a phase while every intervention it lists is a device, a behavioural
intervention or a procedure is info. A record that lists anything that may be a drug, a procedure that gives one, a
device that holds one, or radiotherapy (phased by its field's usage), an observational, expanded-access or N/A record
stays quiet.
"""
from __future__ import annotations

import pytest

from checks.check_scope import set_scope
from checks.phase_without_drug import RULE_ID, RULES, holds_a_drug, study_phase_drug_findings
from checks.rule_findings import findings_of
from checks.title_phase import RULES as TITLE_RULES
from checks.title_phase import study_phase_findings
from checks.title_phase_interventions import tested_without_phases as kinds_said
from flows.parsers import ctgov_xml
from tests.checks import harness

# (phase, interventions as (type, name), what the message says they are): a phase on a trial that tests no drug.
FIRES = [
    ("PHASE2/PHASE3", [("DEVICE", "tDCS (transcranial direct current stimulation), 2 mA"), ("DEVICE", "Sham tDCS")],
     "is a device; the registry asks N/A"),
    ("PHASE1/PHASE2", [("DEVICE", "BION microstimulator implant")], "is a device;"),
    ("PHASE3", [("DEVICE", "Occipital nerve stimulation (ONS), 30% intensity")], "device"),
    ("PHASE3", [("BEHAVIORAL", "Cognitive Behavioural Therapy (CBT) - 12 sessions"),
                ("BEHAVIORAL", "usual care + psycho-education leaflet")], "is a behavioural intervention;"),
    ("PHASE2", [("BEHAVIORAL", "Diet, fat-restricted"), ("BEHAVIORAL", "Diet, sodium-restricted")],
     "behavioural intervention;"),
    ("EARLY_PHASE1", [("DEVICE", "Wearable ECG patch (Zio XT)")], "device"),
    ("PHASE2", [("DEVICE", "Smart pill bottle with medication reminder app")], "device"),
    ("PHASE2", [("DEVICE", "Intra-aortic balloon pump (IABP)")], "device"),
    ("PHASE1", [("DEVICE", "Electric breast pump")], "device"),
    ("PHASE3", [("DEVICE", "Silver-coated endotracheal tube"), ("DEVICE", "Standard uncoated tube")], "device"),
    ("PHASE2", [("DEVICE", "Transcatheter valve delivery system")], "device"),
    ("PHASE2", [("DEVICE", "Digital therapeutic app (PEAR-004)"), ("BEHAVIORAL", "Physiotherapy exercises")],
     "is a device or a behavioural intervention;"),
    ("PHASE4", [("PROCEDURE", "Laparoscopic sleeve gastrectomy"), ("PROCEDURE", "Roux-en-Y gastric bypass")],
     "is a procedure, none named for a drug it gives;"),
    ("PHASE3", [("DEVICE", "Low-level laser therapy"), ("PROCEDURE", "Scaling and root planing")],
     "is a device or a procedure, none"),
    ("PHASE1", [("PROCEDURE", "Vitrectomía pars plana")], "is a procedure, none"),
    ("PHASE3", [("BEHAVIORAL", "Programme d'activité physique adaptée"), ("PROCEDURE", "Kinésithérapie")],
     "is a behavioural intervention or a procedure, none"),
]

# (phase, interventions, the record says it studies an FDA-regulated drug): a trial that may test a drug, or gives
# no phase.
QUIET = [
    # A type that may be a drug.
    ("PHASE2", [("DEVICE", "tDCS"), ("DRUG", "Sertraline 50 mg")], None),
    ("PHASE3", [("BEHAVIORAL", "Exercise"), ("DIETARY_SUPPLEMENT", "Omega-3 fatty acids 2 g/day")], None),
    ("PHASE1", [("PROCEDURE", "Leukapheresis"), ("BIOLOGICAL", "Autologous CAR-T cells")], None),
    ("PHASE2", [("DEVICE", "Inhaler device"), ("COMBINATION_PRODUCT", "Budesonide/formoterol inhaler")], None),
    ("PHASE1", [("GENETIC", "AAV gene transfer")], None),
    ("PHASE3", [("DIAGNOSTIC_TEST", "Low-dose CT screening"), ("PROCEDURE", "Lung biopsy")], None),
    ("PHASE2", [("BEHAVIORAL", "Mindfulness"), ("OTHER", "Usual care")], None),
    # A radiotherapy or procedure named for a drug it gives.
    ("PHASE2", [("RADIATION", "177Lu-PSMA-617 radioligand therapy")], None),
    ("PHASE3", [("PROCEDURE", "Cytoreductive surgery + HIPEC")], None),
    ("PHASE2", [("PROCEDURE", "Botulinum toxin injection into the detrusor")], None),
    ("PHASE1", [("PROCEDURE", "double isolated limb perfusion with melphalan alone")], None),
    ("PHASE2", [("PROCEDURE", "Stem cell transplantation")], None),
    ("PHASE2", [("PROCEDURE", "Allogeneic HSCT after reduced-intensity conditioning")], None),
    ("PHASE1", [("RADIATION", "Accelerator-based BNCT with borofalan(10B)")], None),
    # Radiotherapy, phased by radiation oncology's own usage.
    ("PHASE2", [("RADIATION", "Stereotactic body radiotherapy, 8 Gy x 3 fractions")], None),
    ("PHASE3", [("RADIATION", "Whole-brain radiotherapy"), ("RADIATION", "Stereotactic radiosurgery")], None),
    ("PHASE3", [("RADIATION", "Hypofractionated radiotherapy"), ("PROCEDURE", "Breast-conserving surgery")], None),
    ("PHASE2", [("PROCEDURE", "Photodynamic therapy (PDT) of actinic keratoses")], None),
    ("PHASE3", [("PROCEDURE", "Ventilation-perfusion ratio"), ("PROCEDURE", "Angiography")], None),
    ("PHASE3", [("PROCEDURE", "Bone scintigraphy"), ("PROCEDURE", "Whole-body MRI")], None),
    ("PHASE2", [("PROCEDURE", "Contrast-enhanced ultrasound (CEUS)")], None),
    ("PHASE2", [("PROCEDURE", "Faecal microbiota transplantation via colonoscopy")], None),
    ("PHASE3", [("PROCEDURE", "Intensive medical therapy"), ("PROCEDURE", "PCI plus intensive medical therapy")],
     None),
    # A device named for a drug it holds or delivers.
    ("PHASE3", [("DEVICE", "Zotarolimus-eluting coronary stent"), ("DEVICE", "Bare-metal stent")], None),
    ("PHASE2", [("DEVICE", "Drug-coated balloon angioplasty")], None),
    ("PHASE3", [("DEVICE", "Paclitaxel coated balloon (PCB)")], None),
    ("PHASE2", [("DEVICE", "Insulin pump with continuous glucose monitor")], None),
    ("PHASE2", [("DEVICE", "Closed-loop insulin delivery system")], None),
    ("PHASE3", [("DEVICE", "Nicotine inhaler"), ("BEHAVIORAL", "Counselling")], None),
    ("PHASE2", [("DEVICE", "Lidocaine 5% patch")], None),
    ("PHASE2", [("DEVICE", "Metered-dose inhaler with spacer")], None),
    ("PHASE1", [("DEVICE", "Transdermal buprenorphine system")], None),
    ("PHASE3", [("DEVICE", "Dexamethasone intracanalicular insert")], None),
    ("PHASE2", [("DEVICE", "Antibiotic-impregnated shunt catheter")], None),
    ("PHASE2", [("DEVICE", "Intrathecal baclofen pump")], None),
    ("PHASE2", [("DEVICE", "Drug delivery system (implanted port)")], None),
    # The record says it studies a drug the FDA regulates.
    ("PHASE2", [("DEVICE", "Wearable injector")], True),
    # No phase given, or nothing listed.
    ("NA", [("DEVICE", "tDCS")], None),
    (None, [("BEHAVIORAL", "Cognitive behavioural therapy")], None),
    ("", [("DEVICE", "tDCS")], None),
    ("PHASE2", [], None),
]


def _ids(cases: list[tuple]) -> list[str]:
    return [f"{c[0]}:{'+'.join(name for _kind, name in c[1])[:60]}" for c in cases]


@pytest.mark.parametrize("phase, interventions, said", FIRES, ids=_ids(FIRES))
def test_a_phase_on_a_trial_that_tests_no_drug_is_info(phase, interventions, said):
    [found] = study_phase_drug_findings("NCT0", phase, interventions)
    assert said in found.message, found.message
    assert found.severity is None and RULES[0].severity == "info"


@pytest.mark.parametrize("phase, interventions, regulated_drug", QUIET, ids=_ids(QUIET))
def test_a_trial_that_may_test_a_drug_or_gives_no_phase_stays_quiet(phase, interventions, regulated_drug):
    assert list(study_phase_drug_findings("NCT0", phase, interventions, regulated_drug)) == []


def test_the_finding_says_what_the_record_gives_lists_and_the_registry_asks():
    interventions = [("DEVICE", "tDCS"), ("DEVICE", "Sham tDCS"), ("BEHAVIORAL", "Cognitive training"),
                     ("BEHAVIORAL", "Relaxation"), ("BEHAVIORAL", "Sleep hygiene  advice")]
    [found] = study_phase_drug_findings("NCT0", "PHASE2/PHASE3", interventions)
    assert found.message == ("The record gives Phase 2/Phase 3 while every intervention it lists is a device or a "
                             "behavioural intervention; the registry asks N/A of a trial without FDA-defined phases: "
                             "either the phase is wrong or the interventions' types are.")
    assert found.evidence == ("studies.phase='PHASE2/PHASE3'; interventions.intervention_type: DEVICE 'tDCS'; "
                              "DEVICE 'Sham tDCS'; BEHAVIORAL 'Cognitive training'; BEHAVIORAL 'Relaxation'; "
                              "and 1 more")
    assert RULES[0].fields == ("studies.phase", "interventions.intervention_type")


def test_a_device_is_read_as_holding_a_drug_only_by_a_drug_or_a_drug_holder_in_its_name():
    holds = ["Everolimus-eluting bioresorbable scaffold", "Sirolimus eluting stent", "Heparin-bonded graft",
             "Nebuliser (jet)", "Autoinjector", "Pre-filled syringe", "Nicotine patch 21 mg", "Fentanyl iontophoretic "
             "transdermal system", "Levonorgestrel intrauterine implant"]
    holds_not = ["Zio patch", "Stent delivery system", "Breast pump", "Medication adherence app", "Titanium dental "
                 "implant", "Hydroxyapatite-coated hip stem", "Eye patch", "Silver-coated catheter"]
    assert [n for n in holds if not holds_a_drug(n)] == []
    assert [n for n in holds_not if holds_a_drug(n)] == []


# Procedures and radiotherapy now read as giving a drug: a title's phase against N/A is no longer softened to info
# for them (contradictions.title_phase_differs), as the phase may be the drug's.
GIVES_A_DRUG = ["Isolated limb perfusion with melphalan", "Photodynamic therapy", "Boron neutron capture therapy",
                "Bone marrow transplant", "Autologous stem-cell transplantation", "Cord blood infusion",
                "Islet transplantation", "FDG-PET guided surgery", "SPECT myocardial perfusion imaging",
                "Contrast-enhanced MRI", "Faecal microbiota transplantation (FMT)",
                "Optimal medical treatment", "Pharmacotherapy according to guidelines"]


@pytest.mark.parametrize("name", GIVES_A_DRUG)
def test_a_procedure_that_gives_a_drug_keeps_a_title_phase_against_na_a_warning(name):
    assert kinds_said([("PROCEDURE", name)]) is None
    [found] = study_phase_findings("NCT0", [("studies.official_title", f"A Phase II Trial of {name}")], "NA",
                                   kinds_said([("PROCEDURE", name)]))
    assert found.severity == "warning"


def test_a_procedure_named_for_no_drug_keeps_a_title_phase_against_na_info():
    for name in ("Laparoscopic cholecystectomy", "Perfusion index monitoring", "Pet-assisted therapy session",
                 "Whole-body MRI"):
        said = kinds_said([("PROCEDURE", name)])
        [found] = study_phase_findings("NCT0", [("studies.official_title", f"A Phase II Trial of {name}")], "NA",
                                       said)
        assert (said, found.severity) == ("procedures", "info"), name


def _xml(nct_id: str, phase: str, study_type: str, *interventions: tuple[str, str]) -> dict:
    """A legacy XML record's warehouse rows, as a load gives them: phase as the XML writes it ("Phase 2", "N/A")."""
    listed = "".join(f"  <intervention>\n    <intervention_type>{kind}</intervention_type>\n"
                     f"    <intervention_name>{name}</intervention_name>\n  </intervention>\n"
                     for kind, name in interventions)
    raw = (f"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<clinical_study>\n  <required_header>\n    <download_date>"
           f"ClinicalTrials.gov processed this data on March 14, 2012</download_date>\n  </required_header>\n"
           f"  <id_info><org_study_id>R01-0001</org_study_id><nct_id>{nct_id}</nct_id></id_info>\n"
           f"  <brief_title>A Study of {interventions[0][1]}</brief_title>\n  <source>University Hospital</source>\n"
           f"  <overall_status>Completed</overall_status>\n  <start_date>March 2003</start_date>\n"
           f"  <phase>{phase}</phase>\n  <study_type>{study_type}</study_type>\n  <condition>Depression</condition>\n"
           f"{listed}</clinical_study>\n")
    (record,) = ctgov_xml.parse(raw.encode()).records
    return harness.loaded_tables(record, ctgov_xml.LAYOUT)


def _json(phase: str | None, *interventions: tuple[str, str], title: str | None = None,
          study_type: str = "INTERVENTIONAL", regulated_drug: bool | None = None) -> dict:
    """The clean study with `phase`, `interventions` (type, name), and optionally its official title."""
    study = harness.clean_study()
    study["studies"][0].update(phase=phase, study_type=study_type, is_fda_regulated_drug=regulated_drug)
    if title:
        study["studies"][0]["official_title"] = title
    study["interventions"] = [{"intervention_type": kind, "name": name, "description": "As assigned"}
                              for kind, name in interventions]
    study["design_group_interventions"] = []
    return study


TDCS = (("DEVICE", "Transcranial direct current stimulation"), ("DEVICE", "Sham stimulation"))
# Record-level cases: {nct_id: (study rows, fires)}.
RECORDS = {
    "NCT00000001": (_json("PHASE2/PHASE3", *TDCS), True),
    "NCT00000002": (_json("PHASE2/PHASE3", *TDCS, study_type="OBSERVATIONAL"), False),
    "NCT00000003": (_json("PHASE2", *TDCS, study_type="EXPANDED_ACCESS"), False),
    "NCT00000004": (_json("NA", *TDCS), False),
    "NCT00000005": (_json(None, *TDCS), False),
    "NCT00000006": (_json("PHASE2"), False),
    "NCT00000007": (_json("PHASE2", *TDCS, regulated_drug=True), False),
    "NCT00000008": (_json("PHASE2", *TDCS, regulated_drug=False), True),
    "NCT00000009": (_json("PHASE2", ("DEVICE", "tDCS"), ("DRUG", "Escitalopram 10 mg")), False),
    "NCT00000010": (_json("PHASE3", ("PROCEDURE", "Vitrectomy"), title="A Phase III Trial of Early Vitrectomy"),
                    True),
    "NCT00000011": (_json("PHASE3", ("BEHAVIORAL", "Meditation"),
                          title="A Phase II Randomized Trial of Transcendental Meditation in Hypertension"), True),
    "NCT00000012": (_json("EARLY_PHASE1", ("DEVICE", "Paclitaxel-coated balloon")), False),
    "NCT00000013": (_xml("NCT00000013", "Phase 2", "Interventional", ("Device", "tDCS (2 mA, 20 minutes)"),
                         ("Device", "Sham tDCS")), True),
    "NCT00000014": (_xml("NCT00000014", "N/A", "Interventional", ("Device", "tDCS (2 mA, 20 minutes)")), False),
    "NCT00000015": (_xml("NCT00000015", "Phase 1/Phase 2", "Interventional", ("Behavioral", "Exercise"),
                         ("Drug", "Fluoxetine")), False),
    "NCT00000016": (_xml("NCT00000016", "Phase 3", "Interventional", ("Procedure", "Coronary artery bypass"),
                         ("Procedure", "Percutaneous coronary intervention")), True),
    "NCT00000017": (_xml("NCT00000017", "Phase 2", "Interventional", ("Radiation", "Iodine I 131 tositumomab")),
                    False),
    "NCT00000018": (_xml("NCT00000018", "Phase 3", "Observational", ("Behavioral", "Diet")), False),
}


@pytest.fixture(scope="module")
def record_findings(tmp_path_factory):
    """Both rules' findings ({rule id: {nct_id: severity}}) on every record-level case, one warehouse."""
    con = harness.warehouse_with(tmp_path_factory.mktemp("phase_drug"), {n: s for n, (s, _f) in RECORDS.items()})
    try:
        scope = set_scope(con, None, harness.AS_OF)
        return {rule.id: {f.nct_id: f.severity or rule.severity for f in findings_of(con, rule, scope)}
                for rule in (RULES[0], TITLE_RULES[0])}
    finally:
        con.close()


def test_the_rule_reads_interventional_records_phases_and_interventions_json_and_legacy_xml(record_findings):
    found = record_findings[RULE_ID]
    assert sorted(found) == sorted(n for n, (_s, fires) in RECORDS.items() if fires)
    assert set(found.values()) == {"info"}


def test_a_title_that_names_a_phase_changes_nothing(record_findings):
    """A title that repeats the record's phase does not make it a drug's; one that names another phase is also the
    title rule's."""
    assert {"NCT00000010", "NCT00000011"} <= set(record_findings[RULE_ID])
    titled = record_findings[TITLE_RULES[0].id]
    assert "NCT00000010" not in titled and titled.get("NCT00000011") == "warning"
