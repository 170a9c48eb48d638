"""The phase a study's title states against the phase the record gives (contradictions.title_phase_differs).

A title that names this study's phase ("A Phase III, Randomized ...", "Phase Ib/II", "Phase Ⅳ") disagrees with a
record that gives another ('PHASE2', 'NA'); phases of other studies, of parts, of no trial, subphases of the record's
phase and combinations the registry cannot give stay quiet.
"""
from __future__ import annotations

import pytest

from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from checks.title_phase import OBSERVATIONAL_RULE_ID, RULE_ID, RULES, observational_phase_findings, study_phase_findings
from checks.title_phase_mentions import title_mentions
from tests.checks import harness
from tests.checks.cases_title_phase import FIRES, OBSERVATIONAL_FIRES, OBSERVATIONAL_QUIET, QUIET

OFFICIAL, BRIEF = "studies.official_title", "studies.brief_title"


def _findings(title: str, phase: str | None, field: str = OFFICIAL) -> list:
    return list(study_phase_findings("NCT0", [(field, title)], phase))


@pytest.mark.parametrize("title, phase, severity", FIRES, ids=[f"{c[1]}:{c[0][:60]}" for c in FIRES])
def test_a_title_that_names_another_phase_fires(title, phase, severity):
    [finding] = _findings(title, phase)
    assert finding.severity == severity, finding.message


@pytest.mark.parametrize("title, phase", QUIET, ids=[f"{c[1]}:{c[0][:60]}" for c in QUIET])
def test_a_title_whose_phase_agrees_or_is_not_this_studys_stays_quiet(title, phase):
    assert _findings(title, phase) == [], (title, phase)


def test_there_are_enough_phrasings_on_both_sides():
    assert len(FIRES) >= 25 and len(QUIET) >= 25


@pytest.mark.parametrize("title", [
    "Phase II Cardiac Rehabilitation Delivered at Home With Telemonitoring",
    "An Open-label Extension of the Phase 3 Study ABC-301",
    "Phase 2 of the Diabetes Prevention Program Outcomes Study",
    "SBIR Phase II: A Mobile Application for Medication Adherence in Older Adults",
])
def test_a_phase_of_another_study_or_of_no_trial_is_not_read(title):
    """The quiet titles stay quiet because their phase is not read as this study's, not because it agrees."""
    assert title_mentions(title) == [], title


def test_the_finding_quotes_both_sides():
    title = "Radiation Dose Optimization in Lymphoma (DOBL) - A Randomised Phase III Non-inferiority Trial"
    [finding] = _findings(title, "NA")
    assert finding.message == ("The official title names this study's phase as 'Phase III', while the record gives "
                               "N/A (a trial without phases).")
    assert "A Randomised Phase III Non-inferiority Trial" in finding.evidence
    assert finding.evidence.endswith("studies.phase='NA'")
    assert finding.fields == (OFFICIAL, "studies.phase")


def test_a_combined_phase_is_named_as_the_registry_writes_it():
    [finding] = _findings("A Phase 1b/2 Study of Sotorasib in Colorectal Cancer", "PHASE2/PHASE3")
    assert "'Phase 1b/2'" in finding.message and "Phase 2/Phase 3" in finding.message


def test_a_title_that_agrees_outweighs_the_other_titles_near_miss():
    titles = [(OFFICIAL, "A Phase 1/2 Study of Poziotinib in NSCLC"), (BRIEF, "A Phase 1 Study of Poziotinib")]
    assert list(study_phase_findings("NCT0", titles, "PHASE1/PHASE2")) == []
    assert [f.severity for f in study_phase_findings("NCT0", titles[1:], "PHASE1/PHASE2")] == ["info"]


def test_the_brief_titles_plain_difference_fires_though_the_official_title_agrees():
    titles = [(OFFICIAL, "A Phase 2 Study of Baricitinib"), (BRIEF, "Phase 3 Study of Baricitinib")]
    [finding] = study_phase_findings("NCT0", titles, "PHASE2")
    assert finding.severity == "warning" and finding.message.startswith("The brief title names")


def _study(official: str | None, brief: str | None, phase: str | None, study_type: str = "INTERVENTIONAL") -> dict:
    study = harness.clean_study()
    study["studies"][0].update(official_title=official, brief_title=brief, phase=phase, study_type=study_type)
    return study


def test_the_rule_reads_interventional_studies_titles_from_the_warehouse(tmp_path):
    studies = {
        "NCT00000001": _study("A Phase III Trial of Radiotherapy in Lymphoma", None, "NA"),
        "NCT00000002": _study(None, "Phase I/II Study of Vaccine Therapy in HIV Infection", "PHASE1"),
        "NCT00000003": _study("A Phase II Study of a Hyaluronan Gel in Laminectomy", None, "PHASE2/PHASE3"),
        "NCT00000004": _study("A Phase 2b Study of Selinexor in DLBCL", None, "PHASE2"),
        "NCT00000005": _study("A Phase IV Observational Study of Insulin in Routine Care", None, None, "OBSERVATIONAL"),
        "NCT00000006": _study("A Phase III Trial of Radiotherapy in Lymphoma", None, None),
        "NCT00000007": _study("A Study of Radiotherapy in Lymphoma", None, "PHASE2"),
    }
    con = harness.warehouse_with(tmp_path, studies)
    try:
        scope = set_scope(con, None, harness.AS_OF)
        found = {f.nct_id: f.severity for f in findings_of(con, RULES[0], scope)}
    finally:
        con.close()
    assert found == {"NCT00000001": "warning", "NCT00000002": "warning", "NCT00000003": "info"}
    assert RULES[0].id == RULE_ID


@pytest.mark.parametrize("title", OBSERVATIONAL_FIRES)
def test_an_observational_record_whose_title_names_a_trials_phase_fires(title):
    [found] = observational_phase_findings("NCT0", [(BRIEF, title)])
    assert found.message.startswith("Study type is OBSERVATIONAL but the brief title names this study's phase as '")
    assert found.evidence.endswith("studies.study_type='OBSERVATIONAL'")


@pytest.mark.parametrize("title", OBSERVATIONAL_QUIET)
def test_an_observational_record_whose_title_names_no_trial_phase_of_its_own_stays_quiet(title):
    assert list(observational_phase_findings("NCT0", [(OFFICIAL, title)])) == []


def test_the_observational_rule_reads_only_observational_studies_titles(tmp_path):
    studies = {
        "NCT00000001": _study("A Phase I Dose-finding Study of Topical Hexaminolevulinate", None, None,
                              "OBSERVATIONAL"),
        "NCT00000002": _study("A Phase I Dose-finding Study of Topical Hexaminolevulinate", None, "PHASE1"),
        "NCT00000003": _study(None, "A Phase IV Observational Study of Insulin in Routine Care", None,
                              "OBSERVATIONAL"),
    }
    con = harness.warehouse_with(tmp_path, studies)
    try:
        rule = next(r for r in RULES if r.id == OBSERVATIONAL_RULE_ID)
        found = [f.nct_id for f in findings_of(con, rule, set_scope(con, None, harness.AS_OF))]
    finally:
        con.close()
    assert found == ["NCT00000001"]


def test_a_record_titled_as_a_numbered_study_of_a_projects_stage_names_no_trial_phase():
    """Legacy NIDA records number the studies of a project's stage ("Phase II - 4"): neither title's phase is read."""
    titles = [(OFFICIAL, "Alternate-Day Buprenorphine Administration. Phase II"),
              (BRIEF, "Alternate-Day Buprenorphine Administration. Phase II - 4")]
    assert list(study_phase_findings("NCT0", titles, "PHASE1")) == []
    assert list(observational_phase_findings("NCT0", titles)) == []
    assert [f.severity for f in study_phase_findings("NCT0", titles[:1], "PHASE1")] == ["warning"]
    assert [f.severity for f in study_phase_findings("NCT0", [(OFFICIAL, "A Phase 2 - 3 Study of Drug X")],
                                                     "PHASE1")] == ["warning"]


def test_na_against_a_title_phase_is_info_for_a_trial_of_devices_or_behavioural_interventions():
    """The registry asks N/A of device and behavioural trials: their title's phase is the investigators' staging."""
    title = "Phase II Pilot Study of a Digital Cognitive-Behavioral Stress Management Application"
    [found] = study_phase_findings("NCT0", [(OFFICIAL, title)], "NA", without_phases=True)
    assert found.severity == "info"
    assert found.message.endswith("N/A (a trial without phases), as the registry asks of a trial of devices or "
                                  "behavioural interventions only.")
    [plain] = study_phase_findings("NCT0", [(OFFICIAL, title)], "NA")
    assert plain.severity == "warning"


def test_the_rule_reads_the_intervention_types_of_an_na_record(tmp_path):
    def with_kinds(*kinds: str) -> dict:
        study = _study("Phase II Randomized Trial of a Smoking Cessation Intervention", None, "NA")
        study["interventions"] = [{"intervention_type": kind, "name": f"Intervention {n}", "description": "As told"}
                                  for n, kind in enumerate(kinds)]
        return study
    studies = {"NCT00000001": with_kinds("BEHAVIORAL"), "NCT00000002": with_kinds("DEVICE", "BEHAVIORAL"),
               "NCT00000003": with_kinds("BEHAVIORAL", "DRUG"), "NCT00000004": with_kinds("RADIATION")}
    con = harness.warehouse_with(tmp_path, studies)
    try:
        found = {f.nct_id: f.severity for f in findings_of(con, RULES[0], set_scope(con, None, harness.AS_OF))}
    finally:
        con.close()
    assert found == {"NCT00000001": "info", "NCT00000002": "info", "NCT00000003": "warning",
                     "NCT00000004": "info"}
