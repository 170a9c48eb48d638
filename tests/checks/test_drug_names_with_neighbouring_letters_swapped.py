"""contradictions.drug_not_an_intervention on a drug's name typed with two neighbouring letters swapped, the first
two too ("Elpirudin" for lepirudin, NCT00003726): the same drug misspelt, while another drug of the same stem
("Bivalirudin", "Desirudin" beside lepirudin) is still another drug."""
from __future__ import annotations

import pytest

from checks.contradictions_drugs import study_drug_findings
from checks.drug_other_names import spelled_otherwise
from checks.drug_spellings import letters_swapped

# (word, drug, whether the word is the drug with two neighbouring letters swapped)
SWAPS = [
    ("elpirudin", "lepirudin", True),
    ("lepriudin", "lepirudin", True),
    ("lepiruidn", "lepirudin", True),
    ("oalparib", "olaparib", True),
    ("losatran", "losartan", True),
    ("desirudin", "lepirudin", False),
    ("bivalirudin", "lepirudin", False),
    ("elpiruidn", "lepirudin", False),  # two swaps
    ("lepirudin", "lepirudin", False),  # the same word
    ("epirudin", "lepirudin", False),
]


@pytest.mark.parametrize("word, drug, swapped", SWAPS, ids=[f"{w}-{d}" for w, d, _ in SWAPS])
def test_letters_swapped(word, drug, swapped):
    assert letters_swapped(word, drug) is swapped


# (word, the study's drugs, whether the word is one of them spelt otherwise)
SPELLINGS = [
    ("elpirudin", {"lepirudin"}, True),
    ("oalparib", {"olaparib"}, True),
    ("tiomlol", {"timolol"}, True),
    ("losatran", {"losartan"}, True),
    ("rampiril", {"ramipril"}, True),
    ("ibuprofne", {"ibuprofen"}, True),
    ("bivalirudin", {"lepirudin"}, False),
    ("desirudin", {"lepirudin"}, False),
    ("tinzaparin", {"dalteparin"}, False),
    ("ropivacaine", {"bupivacaine"}, False),
    ("telmisartan", {"losartan"}, False),
    # letters wrong or missing allowed grow with the name: two in a name of 8 to 13 letters, three from 14
    ("ritxumab", {"rituximab"}, True),
    ("hydrocholoroquine", {"hydroxychloroquine"}, True),
    ("cetuximab", {"rituximab"}, False),  # another start: another drug of the stem
    ("losartan", {"valsartan"}, False),
    ("atenolol", {"albuterol"}, False),
    ("hydrochlorothiazide", {"hydroxychloroquine"}, False),
    ("prednisone", {"prednisolone"}, True),
]


@pytest.mark.parametrize("word, drugs, same", SPELLINGS, ids=[w for w, _, _ in SPELLINGS])
def test_a_swap_of_neighbouring_letters_is_the_same_drug(word, drugs, same):
    assert spelled_otherwise(word, drugs, drugs) is same


LEPIRUDIN = [("lepirudin", "lepirudin")]
# (outcome measure, whether drug_not_an_intervention fires beside the intervention lepirudin)
OUTCOMES = [
    ("Dose, Safety and Antitumor Response Rate of Administering Recombinant Desulfato Hirudin, Elpirudin to "
     "Previously Treated Patients With Extensive or Recurrent Small Cell Lung Cancer", False),
    ("Bleeding events with lepriudin", False),
    ("Dose, Safety and Antitumor Response Rate of Administering Bivalirudin to Previously Treated Patients", True),
    ("Bleeding events with desirudin", True),
]


@pytest.mark.parametrize("measure, fires", OUTCOMES, ids=[m[:60] for m, _ in OUTCOMES])
def test_an_outcome_naming_the_intervention_with_letters_swapped(measure, fires):
    found = list(study_drug_findings("NCT0", [(measure, None)], [("Lepirudin", None)], LEPIRUDIN, [("lepirudin",)],
                                     []))
    assert bool(found) is fires
