"""An observational record that gives a trial's phase (contradictions.observational_phase_given) and an enrollment of
all nines (invalid_values.placeholder_enrollment), read from the warehouse beside the cohort a description counts
(contradictions.description_sex_differs).

Phases 1 to 3 and Early Phase 1 on an observational record are warnings, Phase 4 info (post-marketing observational
studies are so labelled); 'NA', none, and an interventional record stay quiet, and a record whose title names the
phase is observational_title_phase's alone. Five nines or more are a placeholder, and the message names completion
dates that are placeholders too; four nines, a round count and a count with another digit stay quiet.
"""
from __future__ import annotations

from datetime import date

import pytest

import checks
from checks.check_scope import set_scope
from checks.observational_phase import study_observational_phase_findings
from checks.rule_findings import findings_of
from tests.checks import harness

RULE_IDS = {"contradictions.observational_phase_given", "invalid_values.placeholder_enrollment",
            "contradictions.description_sex_differs", "contradictions.observational_title_phase"}

TITLES = [("studies.official_title", "Clinical and Genetic Study of Neurodegenerative Disorders"),
          ("studies.brief_title", None)]


# (phase, severity or None when quiet)
PHASES = [
    ("PHASE1", "warning"), ("PHASE2", "warning"), ("PHASE3", "warning"), ("EARLY_PHASE1", "warning"),
    ("PHASE1/PHASE2", "warning"), ("PHASE4", "info"), ("NA", None), (None, None), ("", None),
]


@pytest.mark.parametrize("phase, severity", PHASES, ids=[str(p) for p, _s in PHASES])
def test_an_observational_record_with_a_trial_phase(phase, severity):
    found = list(study_observational_phase_findings("NCT0", phase, TITLES))
    assert [f.severity for f in found] == ([severity] if severity else [])
    if found:
        assert found[0].evidence == f"studies.study_type='OBSERVATIONAL'; studies.phase='{phase}'"
        # Phase 4 on an observational record is often loose wording, whatever the study observes.
        assert found[0].message.endswith("often give Phase 4 loosely." if severity == "info"
                                         else "the study type or the phase is wrong.")


@pytest.mark.parametrize("title", ["A Phase I Dose-Finding Study of Drug X", "Phase 2 Study of Drug X in Asthma"])
def test_a_title_that_names_the_phase_is_left_to_the_title_rule(title):
    assert list(study_observational_phase_findings("NCT0", "PHASE1", [("studies.official_title", title)])) == []


def _study(studies: dict, nct_id: str, **changed) -> None:
    study = harness.clean_study()
    study["studies"][0].update(changed)
    studies[nct_id] = study


@pytest.fixture(scope="module")
def issues(tmp_path_factory):
    """The three rules' findings over one warehouse of records as the legacy registry gives them."""
    studies: dict = {}
    _study(studies, "NCT00149175", study_type="OBSERVATIONAL", phase="PHASE1")
    _study(studies, "NCT00297362", study_type="OBSERVATIONAL", phase="PHASE4")
    _study(studies, "NCT01778764", study_type="OBSERVATIONAL", phase="PHASE1",
           brief_title="Phase I Compare OS in Post-CyberKnife Radiosurgery", official_title=None)
    _study(studies, "NCT00000001", study_type="OBSERVATIONAL", phase="NA")
    _study(studies, "NCT00054756", enrollment=99999999, enrollment_type="ESTIMATED", overall_status="RECRUITING",
           primary_completion_date=date(2099, 12, 31), completion_date=date(2099, 12, 31))
    _study(studies, "NCT00001194", enrollment=99999, enrollment_type=None)
    _study(studies, "NCT02890667", enrollment=447694)
    _study(studies, "NCT00005460", study_type="OBSERVATIONAL", phase=None)
    studies["NCT00005460"]["eligibilities"][0]["gender"] = "MALE"
    studies["NCT00005460"]["brief_summaries"] = [{"description": "To evaluate factors associated with cardiovascular "
                                                  "morbidity in a cohort of 795 men and women aged 75 years or older."}]
    con = harness.warehouse_with(tmp_path_factory.mktemp("n"), studies)
    try:
        scope = set_scope(con, None, harness.AS_OF)
        rules = [rule for rule in checks.all_rules() if rule.id in RULE_IDS]
        return sorted((rule.id, f.nct_id, f.severity or rule.severity, f.message)
                      for rule in rules for f in findings_of(con, rule, scope))
    finally:
        con.close()


def test_the_warehouse_findings_are_exactly_these(issues):
    assert [(rule, nct_id, severity) for rule, nct_id, severity, _m in issues] == [
        ("contradictions.description_sex_differs", "NCT00005460", "warning"),
        ("contradictions.observational_phase_given", "NCT00149175", "warning"),
        ("contradictions.observational_phase_given", "NCT00297362", "info"),
        ("contradictions.observational_title_phase", "NCT01778764", "warning"),
        ("invalid_values.placeholder_enrollment", "NCT00001194", "warning"),
        ("invalid_values.placeholder_enrollment", "NCT00054756", "warning"),
    ]


def test_the_placeholder_messages_name_the_count_and_placeholder_dates(issues):
    messages = {nct_id: message for rule, nct_id, _s, message in issues if rule.startswith("invalid_values")}
    assert messages["NCT00054756"] == ("The enrollment 99999999 (ESTIMATED) is all nines: a placeholder, not a number "
                                       "of participants, as the primary completion 2099-12 and completion 2099-12 "
                                       "dates are placeholders.")
    assert messages["NCT00001194"] == "The enrollment 99999 is all nines: a placeholder, not a number of participants."
