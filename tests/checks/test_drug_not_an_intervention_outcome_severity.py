"""contradictions.drug_not_an_intervention's severity: an arm title naming a drug no intervention lists, or an outcome
measured of it as the treatment ("Response rate to X", "after 24 weeks of X", "Adverse events related to X"), is a
warning; an outcome that names the drug otherwise is info, as outcomes name rescue, background, prior and measured
drugs far more often than a study drug the interventions leave out."""
from __future__ import annotations

import pytest

from checks.contradictions_drugs import study_drug_findings

INTERVENTIONS = [("Famotidine", "Famotidine 20 mg twice daily")]
ARMS = [("Famotidine", "Famotidine 20 mg twice daily"), ("Placebo", "Matching placebo")]

# (outcome measure, outcome description, arm title or None, the drug named, severity: None a warning)
CASES = [
    ("Response rate to ruxolitinib", "Proportion of responders", None, "ruxolitinib", None),
    ("Change in FEV1 after 24 weeks of tiotropium", "Spirometry", None, "tiotropium", None),
    ("Safety of Venetoclax", "Adverse events", None, "venetoclax", None),
    ("Efficacy of treatment with ibrutinib", "Overall response", None, "ibrutinib", None),
    # the description naming the drug whose events or response are measured
    ("Incidence of treatment-emergent adverse events", "Adverse events related to belimumab are recorded", None,
     "belimumab", None),
    ("Overall response", "Response to nivolumab by RECIST 1.1", None, "nivolumab", None),
    ("Quality of life", "SF-36 score measured during treatment with etanercept", None, "etanercept", "info"),
    ("Number of exacerbations", "Exacerbations treated in hospital with prednisolone", None, "prednisolone", "info"),
    ("Apparent Terminal Elimination Half-life of Penciclovir", "Plasma concentrations", None, "penciclovir", "info"),
    ("Daily sedation dose", "Midazolam and propofol given per day", None, "midazolam", "info"),
    ("Cytochrome P450 Assay on Losartan", "Probe assay", None, "losartan", "info"),
    ("Medication Safety Monitoring - Metformin", "Monitoring by the device", None, "metformin", "info"),
    ("Heartburn episodes", "Per week", "Famotidine plus Omeprazole", "omeprazole", None),
]


@pytest.mark.parametrize("measure, description, arm, drug, severity", CASES, ids=[c[0] for c in CASES])
def test_the_severity_follows_where_and_how_the_drug_is_named(measure, description, arm, drug, severity):
    arms = ARMS + ([(arm, "Both drugs daily")] if arm else [])
    found = list(study_drug_findings("NCT01000001", [(measure, description)], arms, INTERVENTIONS,
                                     [("Famotidine",)], []))
    named = [f for f in found if f" names {drug}," in f.message]
    assert len(named) == 1, [f.message for f in found]
    assert named[0].severity == severity
    if severity == "info":
        assert "a rescue, background or measured drug, or one the interventions leave out" in named[0].message
