"""Arms that are cohorts by a trait participants already have (checks.design_trait_cohorts), read against a
randomized allocation by contradictions.randomized_trait_cohorts.

Titles of people that differ only by a negation of a trait ("Ambulatory Patients" and "Non-Ambulatory Patients",
"with" and "without freezing of gait", "Responders" and "Non-responders"), and two arms of which one names healthy
people and the other patients, are cohorts; a negated treatment ("with" and "without ultrasound guidance", a
negated word of what the arms are given), arms named for what they are given, and a third arm of no pair are not.
The records' cases (tests/checks/cases_randomized_trait_cohorts.py) are run by tests/checks/test_rule_cases.py.
"""
from __future__ import annotations

import pytest

from checks.contradictions_design import RULES
from checks.design_trait_cohorts import TraitCohorts, trait_cohorts

STEM_CELLS = "Umbilical Cord Mesenchymal Stem Cells"

# (arm titles, the intervention all are given, the cohort that has the trait and the one that lacks it).
FIRES = [
    (["Ambulatory Patients", "Non-Ambulatory Patients"], STEM_CELLS, ("Ambulatory Patients", "Non-Ambulatory "
                                                                       "Patients")),
    (["Non-Ambulatory Patients", "Ambulatory Patients"], STEM_CELLS, ("Ambulatory Patients", "Non-Ambulatory "
                                                                       "Patients")),
    (["People with iPD with freezing of gait", "People with iPD without freezing of gait"], "EMG",
     ("People with iPD with freezing of gait", "People with iPD without freezing of gait")),
    (["Responders", "Non-responders"], "Infliximab", ("Responders", "Non-responders")),
    (["Smokers", "Nonsmokers"], "Sildenafil 50 mg", ("Smokers", "Nonsmokers")),
    (["Diabetic Patients", "Non Diabetic Patients"], "Oral glucose tolerance test",
     ("Diabetic Patients", "Non Diabetic Patients")),
    (["Patients with Severe Asthma", "Healthy Volunteers"], "Methacholine challenge",
     ("Patients with Severe Asthma", "Healthy Volunteers")),
    (["Healthy control group", "Prodromal Alzheimer's disease"], "EEG",
     ("Prodromal Alzheimer's disease", "Healthy control group")),
]

# (arm titles, the intervention all are given): kept quiet by what tells the arms apart or by the arms.
QUIET = [
    (["Diabetes", "Non-diabetes"], "Walking"),
    (["Modified vaginal tampons", "Unmodified vaginal tampons"], "Modified vaginal tampon"),
    (["Detailed information about screening harms", "Non-detailed information about screening harms"], "Leaflet"),
    (["Patients with ultrasound guidance", "Patients without ultrasound guidance"], "Nerve block"),
    (["Patients with music", "Patients without music"], "Music listening"),
    (["Vancomycin loaded group", "Non vancomycin loaded group"], "Arthroplasty"),
    (["Colonoscopy with EndoVigilant Software", "Colonoscopy without EndoVigilant Software"], "Colonoscopy"),
    (["Ambulatory Patients - 10 mg", "Ambulatory Patients - 20 mg", "Non-Ambulatory Patients - 10 mg"], STEM_CELLS),
    (["Non-Smokers", "Cigarette Smokers", "Cannabis Smokers"], "Sildenafil 50 mg"),
    (["Healthy Volunteers", "Elderly Healthy Volunteers"], "Drug X"),
    (["Healthy Volunteers: Fasted", "Fed"], "Drug X"),
    (["Healthy Volunteers", "Patients with COPD", "Patients with Asthma"], "Drug X"),
    (["Cohort 1", "Cohort 2"], "Drug X"),
    (["Ambulatory Patients", "Ambulatory Patients"], STEM_CELLS),
]


@pytest.mark.parametrize("titles, given, cohorts", FIRES, ids=[" / ".join(c[0]) for c in FIRES])
def test_arms_of_people_told_apart_by_a_trait_are_cohorts(titles, given, cohorts):
    assert trait_cohorts(titles, given) == TraitCohorts(*cohorts)


@pytest.mark.parametrize("titles, given", QUIET, ids=[" / ".join(c[0]) for c in QUIET])
def test_arms_told_apart_by_treatment_or_not_by_a_trait_are_not_cohorts(titles, given):
    assert trait_cohorts(titles, given) is None


def test_the_rule_is_a_warning_that_skips_field_selected_extracts():
    rule = next(r for r in RULES if r.id == "contradictions.randomized_trait_cohorts")
    assert (rule.severity, rule.absence_judged, rule.in_worker) == ("warning", True, False)
