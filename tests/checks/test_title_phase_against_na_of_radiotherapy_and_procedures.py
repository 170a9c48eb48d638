"""A title's phase against a record's N/A where the trial tests no drug (contradictions.title_phase_differs).

The registry's phases are a drug's (21 CFR 312.21) and it asks N/A of a trial without them. A radiotherapy or
surgical trial tests no drug, so its N/A is as right as a device's or a behavioural trial's, and the "Phase III" in
its title is the investigators' staging: info, worth knowing to a team that filters by phase, not a defect. A
radiotherapy or procedure named for a drug it gives (a radioactive drug, chemoradiation, HIPEC, an injection) is the
drug's trial, and N/A against its title's phase stays a warning, as does any trial that lists a drug."""
from __future__ import annotations

import pytest

from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from checks.title_phase import RULES, study_phase_findings
from checks.title_phase_interventions import tested_without_phases as kinds_said
from tests.checks import harness

OFFICIAL = "studies.official_title"
TITLE = "Dose De-escalation of Radiotherapy in Lymphoma - A Randomised Phase III Non-Inferiority Trial."
INFO, WARNING = "info", "warning"

# Interventions (type, name) of a trial that tests no drug: N/A is the registry's answer, the title's phase is info.
# Those marked were warnings before (radiotherapy and procedures were read as possible drug trials).
NO_DRUG = (
    ([("RADIATION", "Standard Arm"), ("RADIATION", "Experimental Arm")], "radiotherapy"),  # before
    ([("RADIATION", "craniospinal irradiation")], "radiotherapy"),  # before
    ([("RADIATION", "Hypofractionated whole-breast irradiation, 26 Gy in 5 fractions")], "radiotherapy"),  # before
    ([("RADIATION", "SBRT (stereotactic body radiotherapy) 3 x 18Gy")], "radiotherapy"),  # before
    ([("RADIATION", "Intensity-modulated RT (IMRT) 70 Gy/35 fx")], "radiotherapy"),  # before
    ([("RADIATION", "Proton beam therapy")], "radiotherapy"),  # before
    ([("PROCEDURE", "Laparoscopic Roux-en-Y gastric bypass")], "procedures"),  # before
    ([("PROCEDURE", "Omission of axillary lymph node dissection")], "procedures"),  # before
    ([("PROCEDURE", "Surgery"), ("RADIATION", "Post-operative radiotherapy")], "radiotherapy and procedures"),  # before
    ([("DEVICE", "Cooling cap"), ("PROCEDURE", "Scalp cooling")], "devices and procedures"),  # before
    ([("BEHAVIORAL", "Exercise programme"), ("RADIATION", "Radiotherapie")], "behavioural interventions and "
                                                                              "radiotherapy"),  # before
    ([("DEVICE", "Leva Pelvic Digital Health System")], "devices or behavioural interventions"),
    ([("BEHAVIORAL", "CBT"), ("DEVICE", "App")], "devices or behavioural interventions"),
)
# Interventions of a trial that may test a drug: N/A against the title's phase stays a warning.
MAY_TEST_A_DRUG = (
    [("RADIATION", "177Lu-PSMA-617")],
    [("RADIATION", "Lutetium Lu 177 Dotatate")],
    [("RADIATION", "I-131 MIBG therapy")],
    [("RADIATION", "131I-metuximab")],
    [("RADIATION", "Radioactive iodine ablation")],
    [("RADIATION", "Radium-223 dichloride")],
    [("RADIATION", "Radioligand therapy")],
    [("RADIATION", "Y-90 radioembolization")],
    [("RADIATION", "Chemoradiation")],
    [("RADIATION", "Radiochemotherapy (cisplatin weekly)")],
    [("PROCEDURE", "HIPEC"), ("PROCEDURE", "Cytoreductive surgery")],
    [("PROCEDURE", "Intrathecal chemotherapy")],
    [("PROCEDURE", "Botulinum toxin injection")],
    [("PROCEDURE", "Intravesical instillation")],
    [("PROCEDURE", "Hepatic arterial infusion")],
    [("PROCEDURE", "FDG-PET guided surgery")],
    [("RADIATION", "Radiotherapy"), ("DRUG", "Cisplatin")],
    [("PROCEDURE", "Surgery"), ("OTHER", "Standard care")],
    [("RADIATION", "Radiotherapy"), ("DIETARY_SUPPLEMENT", "Probiotic")],
    [("RADIATION", "Radiotherapy"), (None, "Unknown")],
    [],
)


@pytest.mark.parametrize("interventions, said", NO_DRUG, ids=[c[1] + ":" + c[0][0][1][:30] for c in NO_DRUG])
def test_na_against_a_title_phase_is_info_for_a_trial_that_tests_no_drug(interventions, said):
    assert kinds_said(interventions) == said
    [found] = study_phase_findings("NCT0", [(OFFICIAL, TITLE)], "NA", kinds_said(interventions))
    assert found.severity == INFO, found.message


@pytest.mark.parametrize("interventions", MAY_TEST_A_DRUG,
                         ids=[(c[0][1] if c else "none")[:30] for c in MAY_TEST_A_DRUG])
def test_na_against_a_title_phase_stays_a_warning_where_the_trial_may_test_a_drug(interventions):
    assert kinds_said(interventions) is None
    [found] = study_phase_findings("NCT0", [(OFFICIAL, TITLE)], "NA", kinds_said(interventions))
    assert found.severity == WARNING, found.message


def test_a_radiotherapy_trials_message_says_it_tests_no_drug():
    [found] = study_phase_findings("NCT0", [(OFFICIAL, TITLE)], "NA", "radiotherapy")
    assert found.message == ("The official title names this study's phase as 'Phase III', while the record gives "
                             "N/A (a trial without phases), as the registry asks of a trial that tests no drug, here "
                             "radiotherapy only.")


def test_a_radiotherapy_trial_registered_with_a_phase_other_than_its_titles_is_still_a_warning():
    """Only N/A is the registry's answer for a trial without a drug; another phase than the title's is a warning."""
    [found] = study_phase_findings("NCT0", [(OFFICIAL, TITLE)], "PHASE2", "radiotherapy")
    assert found.severity == WARNING


def test_the_rule_reads_the_names_of_an_na_records_radiotherapy(tmp_path):
    def with_interventions(*interventions: tuple[str, str]) -> dict:
        study = harness.clean_study()
        study["studies"][0].update(official_title=TITLE, phase="NA", study_type="INTERVENTIONAL")
        study["interventions"] = [{"intervention_type": kind, "name": name, "description": "As told"}
                                  for kind, name in interventions]
        return study
    studies = {"NCT00000001": with_interventions(("RADIATION", "Standard Arm"), ("RADIATION", "Experimental Arm")),
               "NCT00000002": with_interventions(("RADIATION", "177Lu-PSMA-617")),
               "NCT00000003": with_interventions(("PROCEDURE", "Surgery"), ("RADIATION", "Adjuvant radiotherapy")),
               "NCT00000004": with_interventions(("PROCEDURE", "HIPEC"))}
    con = harness.warehouse_with(tmp_path, studies)
    try:
        found = {f.nct_id: f.severity for f in findings_of(con, RULES[0], set_scope(con, None, harness.AS_OF))}
    finally:
        con.close()
    assert found == {"NCT00000001": INFO, "NCT00000002": WARNING, "NCT00000003": INFO, "NCT00000004": WARNING}
