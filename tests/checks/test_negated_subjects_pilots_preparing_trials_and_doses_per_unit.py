"""A subject denied at its clause's start ("However, no participant in the study will be randomized", "neither
patients nor clinicians can be blinded to the allocation") denies the design term its verb carries, as does the
randomized trial a pilot prepares ("to ensure that procedures are adequate for a cluster randomized control trial"):
contradictions.allocation_text_randomized and masking_none_text_party_masked stay quiet. A bound ("No more than 10
patients will be randomized"), what someone has ("Patients with no prior therapy"), a "no" of another clause and this
study's own trial still count.

contradictions.arm_dose_differs: one dose written both ways ("4000 IU daily (10 drops)" against "10 drops daily
(4000 IU)") and a count of units with each unit's strength ("2 capsules daily, 100 mg each" against "200 mg") agree;
doses that differ still differ.
"""
from __future__ import annotations

import pytest

from checks.contradictions_arms import study_dose_findings
from tests.checks import harness
from tests.checks.harness import NON_RANDOMIZED, RANDOMIZED_RULE, SINGLE_GROUP_NOT_ALLOCATED

PARTY_RULE = "contradictions.masking_none_text_party_masked"
RANDOMIZED_OPEN = {"allocation": "RANDOMIZED", "masking": "NONE", "subject_masked": None, "investigator_masked": None}

# (rule, design, (field, text), fires)
CASES = [
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("model_description", "However, no participant in the study will be randomized "
                                       "to any treatment assignment, and the decision to attend is left to them."),
     False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("detail", "No patient in either cohort will be randomized."), False),
    (RANDOMIZED_RULE, SINGLE_GROUP_NOT_ALLOCATED, (
        "detail", "The aims of this pilot feasibility study are to a) assess interest from beneficiaries; and d) to "
                  "assess possible problems of recruitment to ensure that procedures are adequate for a cluster\n"
                  "randomized control trial. Additionally, the investigators will employ a single-arm design."), False),
    (RANDOMIZED_RULE, SINGLE_GROUP_NOT_ALLOCATED, (
        "detail", "The aim of this study is to prepare for a future randomised trial of the programme."), False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("model_description", "No more than 10 patients will be randomized each month."),
     True),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("model_description", "Patients with no prior therapy will be randomized 1:1 "
                                                            "to drug X or drug Y."), True),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("model_description", "After meeting all inclusion criteria and no exclusion "
                                                            "criteria they will be randomized in a 2:1 ratio."), True),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("model_description", "There is no placebo, and patients will be randomized "
                                                            "1:1."), True),
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("model_description", "No placebo will be used but patients will be randomized "
                                                            "to two doses."), True),
    (RANDOMIZED_RULE, SINGLE_GROUP_NOT_ALLOCATED, (
        "detail", "In this study, patients will be randomized to drug X or placebo to ensure that procedures are "
                  "adequate."), True),
    (PARTY_RULE, RANDOMIZED_OPEN, ("detail", "Due to the nature of the intervention neither patients nor clinicians "
                                             "can be blinded to the allocation."), False),
    (PARTY_RULE, RANDOMIZED_OPEN, ("detail", "No one in the ward will be blinded to the allocation."), False),
    (PARTY_RULE, RANDOMIZED_OPEN, ("detail", "Patients will be blinded to the allocation."), True),
    (PARTY_RULE, RANDOMIZED_OPEN, ("detail", "Patients with no prior surgery will be blinded to the allocation."),
     True),
]
_IDS = harness.numbered_cases(CASES)


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    """The design rules' findings on every case's study, one warehouse for the module."""
    return harness.design_rule_findings(tmp_path_factory.mktemp("negated_subjects"), _IDS,
                                        {RANDOMIZED_RULE, PARTY_RULE})


@pytest.mark.parametrize("nct_id", _IDS, ids=[f"{c[0].split('.')[1]}:{c[3]}:{c[2][1][:60]}" for c in CASES])
def test_a_denied_subject_or_a_prepared_trial_is_no_claim(findings, nct_id):
    harness.design_case_found(findings, nct_id, _IDS[nct_id])


# (case, arm (title, description), intervention (name, description), fires)
DOSES = [
    ("drops counted in brackets", ("High Dose Vitamin D3", "Cholecalciferol followed by 4000 IU daily (10 drops) for "
                                                           "the entire active study period"),
     ("Cholecalciferol", "Cholecalciferol followed by 10 drops daily (4000 IU) for 90 days"), False),
    ("capsules and each one's strength", ("XC7 200 mg multiple", None),
     ("XC7 200 mg multiple", "Multiple doses of XC7 during 14 days (2 capsules daily, 100 mg each)"), False),
    ("capsules once and each one's strength", ("XC7 200 mg single", None),
     ("XC7 200 mg single", "A single dose of XC7 (2 capsules once, 100 mg each)"), False),
    ("drops in brackets against another daily dose", ("Vitamin D3", "Cholecalciferol 2000 IU daily"),
     ("Cholecalciferol", "Cholecalciferol 10 drops daily (4000 IU)"), True),
    ("capsules of a strength against another dose", ("Quercetin", "Quercetin 300 mg daily"),
     ("Quercetin", "Quercetin (2 capsules daily, 100 mg each)"), True),
    ("capsules of a strength against their total", ("Quercetin", "Quercetin 200 mg daily"),
     ("Quercetin", "Quercetin (2 capsules daily, 100 mg each)"), False),
]


@pytest.mark.parametrize("case, arm, intervention, fires", DOSES, ids=[c[0] for c in DOSES])
def test_a_dose_counted_in_units_agrees_with_its_total(case, arm, intervention, fires):
    found = list(study_dose_findings("NCT01000001", [arm], [intervention], [(arm[0], intervention[0])]))
    assert bool(found) is fires, (case, [f.message for f in found])
