"""contradictions.drug_not_an_intervention: an antibody-drug conjugate's payload (monomethyl auristatin E, DM1's
maytansine) that an outcome measures beside the conjugate, named by the outcome or an intervention, or beside the
intervention's own name, is a part of what the study gives; so is a drug an outcome measures as a metabolite. A drug
beside a conjugate that is no payload of one, and a payload named with no conjugate, are still read."""
from __future__ import annotations

import pytest

from checks.contradictions_drugs import study_drug_findings

ABC = [("ABC-123", None)]

# name: (outcome measure, its description, interventions (name, description), the drugs the rule says are not given)
CASES = {
    # a conjugate's payload
    "a payload beside the conjugate": (
        "Serum concentration of the antibody drug conjugate and unconjugated monomethyl auristatin E", None, ABC, []),
    "the three analytes of a conjugate": (
        "Pharmacokinetic parameter for total antibody (TAb), antibody drug conjugate (ADC), and Monomethyl "
        "Auristatin E (MMAE): Concentration at the end of infusion (CEOI)", None, [("AGS67E", None)], []),
    "a payload beside the intervention's name": (
        "Pharmacokinetics of AGS67E", "Cmax of AGS67E, total antibody and monomethyl auristatin E", [("AGS67E", None)],
        []),
    "a payload of an intervention described as a conjugate": (
        "Serum monomethyl auristatin E", None, [("AGS67E", "An antibody-drug conjugate of an anti-CD37 antibody")], []),
    "a payload of a conjugate named by its name": (
        "Plasma maytansine and total trastuzumab", None, [("Trastuzumab emtansine", None)], []),
    # a metabolite
    "a metabolite of the intervention": (
        "Plasma concentrations of ABC-123 and its active metabolite desipramine", None, ABC, []),
    "a metabolite written after a colon": (
        "Cmax of the metabolite: norfluoxetine", None, ABC, []),
    # still read
    "a payload named with no conjugate": ("Response rate to monomethyl auristatin E", None, ABC, ["auristatin"]),
    "a drug beside a conjugate": ("Plasma concentration of ADC and of topotecan", None, ABC, ["topotecan"]),
    "a drug given beside a conjugate": (
        "Pharmacokinetics of XYZ-1 antibody drug conjugate and irinotecan", None, [("XYZ-1", None)], ["irinotecan"]),
    "a drug whose metabolites are measured": ("Desipramine metabolites in urine", None, ABC, ["desipramine"]),
}


@pytest.mark.parametrize("name", CASES)
def test_a_part_of_the_intervention_measured_by_an_outcome(name):
    measure, description, interventions, named = CASES[name]
    findings = study_drug_findings("NCT00000001", [(measure, description)], [], interventions, [], [])
    assert [f.message.split(" names ")[1].split(",")[0] for f in findings] == named


def test_a_payload_alone_in_one_outcome_of_a_study_whose_other_outcomes_name_the_conjugate():
    outcomes = [("Pharmacokinetic parameter for total antibody (TAb), antibody drug conjugate (ADC), and Monomethyl "
                 "Auristatin E (MMAE): Maximum observed concentration (Cmax)", None),
                ("Pharmacokinetic parameter for Monomethyl Auristatin E (MMAE): Time to maximum concentration (Tmax)",
                 None)]
    assert list(study_drug_findings("NCT00000001", outcomes, [], [("AGS67E", "IV infusion")], [], [])) == []
