"""contradictions.drug_not_an_intervention on outcome drugs that define or tally what the outcome counts: a rescue
steroid standing for its class in an exacerbation's definition, regimens that define a score's value or a treatment
step, steroid bursts counted, a reagent after other stimuli, the participants' current therapy tallied, another
treatment as the event timed; and the same drugs where the outcome says the participants are given them."""
from __future__ import annotations

import pytest

from checks.contradictions_drugs import study_drug_findings

OMALIZUMAB = (("Omalizumab", "Subcutaneous omalizumab every 2 or 4 weeks"), ("Placebo", "Matching placebo"))
ALLERGENS = (("Allergen extracts (subcutaneous injections)", "Immunotherapy"), ("Standard of care", "Usual care"))
SAMPLES = (("Blood collection", "Blood drawn at the visit"), ("Nasal", "Nasal brushing"))
WITHDRAWAL = (("Continuation of omalizumab treatment", "Omalizumab as before"),
              ("Attempt to withdraw omalizumab", "Omalizumab stopped"))

STEPS = ("At Step 0, the recommendation is for no asthma-control medication or albuterol as needed; at 1, budesonide "
         "180 mcg once a day; at 2, budesonide 180 mcg twice a day")
BASOPHILS = ("To compare the effect of Xolair on IL-4 vs IL-13 secretion from basophils stimulated with allergen, "
             "anti-IgE & calcium ionophore (ionomycin).")
ANOTHER_STEP = ("Days between the randomization and the prescription of OMA or another step 5 asthma treatment "
                "(mepolizumab, benralizumab, daily oral steroids)")

# (interventions, measure, description)
QUIET = [
    # a rescue steroid that defines the exacerbation counted, standing for its class
    (OMALIZUMAB, "Rate of Asthma Exacerbations", "an exacerbation is a 50 mg or more increase in average daily dose "
                                                 "of oral prednisone (or a similar dose of another systemic "
                                                 "corticosteroid)"),
    (OMALIZUMAB, "Rate of protocol-defined asthma exacerbations", "a 20-mg or more increase in the average daily dose "
                                                                  "of oral prednisolone (or a comparable dose of "
                                                                  "another oral corticosteroids)"),
    (OMALIZUMAB, "Severe exacerbations", "40 mg per day of methylprednisolone (or equivalent) for 3 days"),
    # regimens that define a score's value or a treatment step
    (ALLERGENS, "Asthma Severity Score", "The maximum score is 224 (wheezing on 14 of 14 days, using Albuterol 2 "
                                         "puffs 4x/day)"),
    (ALLERGENS, "Asthma medication score", "A score of 3 (montelukast 4 mg daily and an inhaled steroid)"),
    (OMALIZUMAB, "Treatment Step Level 1 or 2", STEPS),
    (OMALIZUMAB, "Treatment step", "Steps per guidelines. At 4, fluticasone-salmeterol 250/50 mcg twice a day; at 5, "
                                   "the same plus montelukast once a day"),
    (OMALIZUMAB, "Step-care level", "Step 3: fluticasone 250 mcg twice a day."),
    # steroid bursts counted
    (ALLERGENS, "Incidence Rate of Systemic Corticosteroid Bursts", "For example, if a child used 5 days of "
                                                                    "prednisolone due to asthma exacerbation, this "
                                                                    "counted as one burst"),
    # a reagent after the other stimuli of a list
    (OMALIZUMAB, BASOPHILS, None),
    (OMALIZUMAB, "Basophil histamine release", "Histamine release from basophils stimulated with anti-IgE or "
                                               "ionomycin"),
    # the participants' current therapy tallied, and a dose unit of another drug
    (SAMPLES, "Description of Lung function", "Asthma therapy ICS: (%) ICS doses: µg/day. eq Budesonide ICS + LABA: "
                                              "n (%)"),
    (SAMPLES, "Baseline asthma therapy", "Leukotriene modifier: n (%) Omalizumab or biologics: n (%)"),
    (SAMPLES, "Baseline asthma therapy", "Montelukast (n, %)"),
    # another treatment as the event timed
    (WITHDRAWAL, "Time to loss of asthma control", ANOTHER_STEP),
    (WITHDRAWAL, "Treatment failure", "need for other biologic therapy (dupilumab or tezepelumab)"),
]

FIRING = [
    # the drug given to participants, or randomized to
    (OMALIZUMAB, "Lung function", "FEV1 after participants are given prednisone 40 mg (or a matching placebo) daily"),
    (ALLERGENS, "Asthma Severity Score", "Participants randomized to montelukast 4 mg daily; the maximum score is 224"),
    (ALLERGENS, "Asthma Severity Score", "The maximum score is 224 (children randomized to montelukast 4 mg daily)"),
    (OMALIZUMAB, "Treatment step", "At 1, participants are given budesonide 180 mcg once a day"),
    (OMALIZUMAB, "Dose level", "Step 2: budesonide 360 mcg twice a day at dose level 2"),
    (ALLERGENS, "Incidence of asthma attacks", "children are given prednisolone 1 mg/kg for 5 days"),
    (OMALIZUMAB, "Basophil activation", "Basophils from participants given allergen, anti-IgE & ionomycin"),
    (SAMPLES, "Lung function", "FEV1 after participants receive budesonide 400 µg"),
    (WITHDRAWAL, "Time to loss of asthma control", "Participants are randomized to another biologic treatment "
                                                   "(mepolizumab) or to continue"),
    (WITHDRAWAL, "Response", "Response to another biologic (benralizumab) given to all participants"),
]


def _drugs_named(interventions: tuple, measure: str, description: str | None) -> list[str]:
    findings = study_drug_findings("NCT0", [(measure, description)], list(interventions), list(interventions),
                                   [(name,) for name, _ in interventions], [])
    return [f.message for f in findings]


@pytest.mark.parametrize(("interventions", "measure", "description"), QUIET)
def test_drug_defining_or_tallying_the_outcome_is_quiet(interventions, measure, description):
    assert _drugs_named(interventions, measure, description) == []


@pytest.mark.parametrize(("interventions", "measure", "description"), FIRING)
def test_drug_the_participants_are_given_is_a_finding(interventions, measure, description):
    assert _drugs_named(interventions, measure, description)
