"""contradictions.drug_not_an_intervention on an arm titled by one drug word alone whose description names an
intervention in full, of a drug of the word's INN stem: the arm "Luarprofen", described "Inhaled Hypertonic ibuprofen
50 mg tid", of the intervention "Inhaled Hypertonic ibuprofen" (NCT04382768), is titled by the product's name. A title
with more words, an arm described otherwise or not at all, and a drug of another stem are still read."""
from __future__ import annotations

import pytest

from checks.contradictions_drugs import study_drug_findings

IBUPROFEN = [("Inhaled Hypertonic ibuprofen", "Standard of care plus lipid ibuprofen 50mg tid")]
_DESCRIBED = "Inhaled Hypertonic ibuprofen 50 mg tid"

# (arm title, arm description, whether drug_not_an_intervention fires)
ARMS = [
    ("Luarprofen", _DESCRIBED, False),
    ("  luarprofen ", "Patients inhale INHALED  HYPERTONIC IBUPROFEN 50 mg three times a day", False),
    ("Luarprofen", None, True),
    ("Luarprofen", "Standard of care plus lipid formulation 50 mg tid", True),
    ("Luarprofen 50 mg tid", _DESCRIBED, True),
    ("Lumiracoxib", _DESCRIBED, True),
]


@pytest.mark.parametrize("title, description, fires", ARMS, ids=[f"{t.strip()}-{d}" for t, d, _ in ARMS])
def test_an_arm_titled_by_the_product_name_of_the_intervention_it_describes(title, description, fires):
    found = list(study_drug_findings("NCT0", [], [(title, description)], IBUPROFEN,
                                     [("Inhaled Hypertonic ibuprofen",)], []))
    assert bool(found) is fires, [f.message for f in found]
