"""Outcome drugs that are not given: a rescue drug a medication score counts, a reagent added to tissue in an
assay; and the drugs such outcomes name that are still findings."""
from __future__ import annotations

import pytest

from checks.contradictions_drugs import study_drug_findings

TABLET = (("Ragweed allergen tablet", "Sublingual ragweed allergen immunotherapy tablet once daily"),)
RELIEF_SCORES = ("Relief medication scores: 0-no medication taken; 1-using once daily oral antihistamine; "
                 "1-treatment with albuterol.")
RESPIRATION = ("state 4 respiration (proton leak in the absence of ADP and the presence of oligomycin), and fully "
               "uncoupled respiration using FCCP.")


def _drugs_named(measure: str, description: str) -> list[str]:
    findings = study_drug_findings("NCT0", [(measure, description)], list(TABLET), list(TABLET),
                                   [("Ragweed allergen tablet",)], [])
    return [f.message for f in findings]


QUIET = [
    # a medication score counts the rescue drugs its description names
    ("Scores on a Scale [Combined Daily Symptom and Medication Scores]", RELIEF_SCORES),
    ("Daily Medication Score", RELIEF_SCORES),
    ("Combined score", "Symptom and medication score; rescue medication use: 1-treatment with albuterol."),
    ("Combined score", "Rescue medication scores: 1-treatment with albuterol."),
    # a reagent added to biopsy tissue or cells in an assay
    ("Muscle mitochondrial respiration from high resolution respirometry of muscle biopsy tissue", RESPIRATION),
    ("Mitochondrial respiration", "Respirometry of permeabilised fibres in the presence of oligomycin."),
    ("Cytokine release", "Whole blood stimulated ex vivo with lipopolysaccharide; incubated with oligomycin."),
]

FIRING = [
    # a score that counts symptoms, not medication, naming a drug
    ("Scores on a Scale [Combined Daily Symptom Scores]", RELIEF_SCORES),
    # a drug given in the presence of something, with no assay of tissue
    ("Mitochondrial respiration", "Measured by MRI after the presence of oligomycin in the diet."),
    # an assay of tissue, the drug not added to it
    ("Muscle biopsy respirometry", "Participants take oligomycin before the biopsy."),
]


@pytest.mark.parametrize(("measure", "description"), QUIET)
def test_counted_or_reagent_drug_is_quiet(measure, description):
    assert _drugs_named(measure, description) == []


@pytest.mark.parametrize(("measure", "description"), FIRING)
def test_drug_named_otherwise_is_a_finding(measure, description):
    assert _drugs_named(measure, description)
