"""Phrases of contradictions.phase_na_with_drug: a regimen linked to every one of two or more arms is their background,
not what is tested, where the arms differ in something else (a non-drug intervention linked to some arms, or what each
arm's description says after an opening sentence every arm's states word for word). Arms differing in dose, a drug
linked to some arms only, a crossover's placebo and arms with one description still fire."""
from __future__ import annotations

import pytest

from checks.phase_na_with_drug import study_phase_na_findings

_REGIMEN = [("DRUG", "Lopinavir/ritonavir"), ("DRUG", "Emtricitabine/Tenofovir disoproxil fumarate"),
            ("DRUG", "Zidovudine")]
_REGIMEN_NAMES = frozenset(name.lower() for _kind, name in _REGIMEN)


def _arms(*arms: tuple[str, tuple[str, ...]]) -> list[tuple[str, frozenset[str]]]:
    """Arms as their descriptions and the names of the interventions linked to each, in lower case."""
    return [(description, frozenset(name.lower() for name in names)) for description, names in arms]


# (interventions (type, name), arms (description, linked names), whether the rule fires)
CASES = {
    # NCT00608569
    "supervised against self-given therapy after the regimen both arms state": (_REGIMEN, _arms(
        ("Oral FTC/TDF+LPV/rtv or TDF+ZDV+LPV/rtv for 52 weeks. Modified directly observed therapy (mDOT) for the first "
         "24 weeks and self-administration for the remaining 28 weeks.", tuple(_REGIMEN_NAMES)),
        ("Oral FTC/TDF+LPV/rtv or TDF+ZDV+LPV/rtv for 52 weeks. Self-administration of the study treatment (non-mDOT) "
         "for 52 weeks.", tuple(_REGIMEN_NAMES))), False),
    "rehabilitation linked to one of two arms that both get the toxin": (
        [("DRUG", "Botulinum toxin type A"), ("OTHER", "Rehabilitation Therapy")], _arms(
            ("BoNT-A plus rehabilitation therapy.", ("Botulinum toxin type A", "Rehabilitation Therapy")),
            ("BoNT-A alone.", ("Botulinum toxin type A",))), False),
    "a probiotic beside the triple therapy both arms get": (
        [("DIETARY_SUPPLEMENT", "Lactobacillus reuteri"), ("DIETARY_SUPPLEMENT", "Placebo"), ("DRUG", "Omeprazole"),
         ("DRUG", "Amoxicillin")], _arms(
            ("Triple therapy and Lactobacillus reuteri.", ("Lactobacillus reuteri", "Omeprazole", "Amoxicillin")),
            ("Triple therapy and placebo.", ("Placebo", "Omeprazole", "Amoxicillin"))), False),
    # still drugs tested
    "doses that differ in the opening sentence": ([("DRUG", "Zonisamide")], _arms(
        ("Zonisamide 400 mg daily. Taken at night.", ("Zonisamide",)),
        ("Zonisamide 200 mg daily. Taken in the morning.", ("Zonisamide",))), True),
    "a drug linked to one arm beside the regimen both get": (_REGIMEN + [("DRUG", "Raltegravir")], _arms(
        ("Standard regimen for 48 weeks. Raltegravir added.", tuple(_REGIMEN_NAMES) + ("Raltegravir",)),
        ("Standard regimen for 48 weeks. Nothing added.", tuple(_REGIMEN_NAMES))), True),
    "a crossover whose arms both get the drug and its placebo": (
        [("DRUG", "Low Dose Naltrexone"), ("DRUG", "Placebo - sugar pill")], _arms(
            ("Randomized crossover. LDN first, then placebo.", ("Low Dose Naltrexone", "Placebo - sugar pill")),
            ("Randomized crossover. Placebo first, then LDN.", ("Low Dose Naltrexone", "Placebo - sugar pill"))),
        True),
    "arms with one description word for word": ([("DRUG", "Atorvastatin")], _arms(
        ("40 mg QD for 7 days before surgery. Then 14 days after.", ("Atorvastatin",)),
        ("40 mg QD for 7 days before surgery. Then 14 days after.", ("Atorvastatin",))), True),
    "one arm alone": ([("DRUG", "Atorvastatin")], _arms(
        ("Atorvastatin for 7 days. Then 14 days after surgery.", ("Atorvastatin",))), True),
    "a placebo linked to one arm while the drug is linked to both": (
        [("DRUG", "Alefacept"), ("OTHER", "Placebo")], _arms(
            ("Alefacept weekly.", ("Alefacept",)), ("Placebo weekly.", ("Alefacept", "Placebo"))), True),
}


@pytest.mark.parametrize("name", CASES)
def test_a_regimen_every_arm_shares_is_no_drug_tested(name):
    interventions, arms, fires = CASES[name]
    assert bool(list(study_phase_na_findings("NCT0", "NA", interventions, "TREATMENT", (), arms))) is fires


def test_a_drug_beside_the_shared_regimen_is_the_one_named():
    interventions = [("DRUG", "Influenza vaccination"), ("DRUG", "Pneumococcal vaccination"),
                     ("OTHER", "Specific frequency of oral care")]
    arms = _arms(("Oral care and both vaccines.", ("Influenza vaccination", "Pneumococcal vaccination",
                                                   "Specific frequency of oral care")),
                 ("Influenza vaccine only.", ("Influenza vaccination",)))
    [found] = study_phase_na_findings("NCT0", "NA", interventions, "PREVENTION", (), arms)
    assert "('Pneumococcal vaccination')" in found.message, found.message

