"""Amounts in an arm's text that are another product's than the intervention's, as food studies word a serving of
two: a product said to lack something ("33 grams gluten-free pasta", "pasta without wheat"), one the intervention
names with another qualifier ("rice pasta" beside its "wheat-containing pasta"); and a serving's parts that together
make the intervention's amount ("5 grams wheat pasta and 33 grams gluten-free pasta" against 38 grams). The same
product at another amount, or parts that make another amount, still disagree."""
from __future__ import annotations

import pytest

from checks.contradictions_arms import study_dose_findings

SERVING = "One daily serving of 38 grams wheat-containing pasta"
FOOD = "Wheat-containing food"

# (arm description, intervention name, intervention description)
QUIET = [
    # a serving of two products whose amounts make the intervention's (NCT06069492)
    ("one serving containing 5 grams wheat pasta and 33 grams gluten-free pasta daily", FOOD, SERVING),
    ("Consumes one serving containing 5 grams wheat pasta and 33 grams gluten-free pasta daily for 6 days every week",
     FOOD, SERVING + " contains either 5000 mg wheat protein (standard-dose group) or 650 mg wheat protein and 4350 "
     "gluten-free flour (low-dose group)"),
    ("5 grams wheat pasta and 33 grams gluten-free pasta daily", FOOD, SERVING),
    ("5 grams wheat pasta, 13 grams rice pasta and 20 grams gluten-free pasta daily", FOOD, SERVING),
    # the other product alone: said to lack something, or named with another qualifier
    ("33 grams gluten-free pasta daily", FOOD, SERVING),
    ("33 grams of gluten free pasta daily", FOOD, SERVING),
    ("33 grams of wheat-free pasta daily", FOOD, SERVING),
    ("33 grams non-wheat pasta daily", FOOD, SERVING),
    ("33 grams pasta without wheat daily", FOOD, SERVING),
    ("33 grams rice pasta daily", FOOD, SERVING),
    ("20 g lactose-free yoghurt daily", "Fermented milk", "Fermented milk 125 g daily"),
]
# The same product at another amount, parts that make another amount, and a drug's own product said to lack
# something else.
FIRING = [
    ("33 grams wheat pasta daily", FOOD, SERVING),
    ("33 grams whole-wheat pasta daily", FOOD, SERVING),
    ("33 grams wheat-containing pasta daily", FOOD, SERVING),
    ("10 grams wheat pasta and 33 grams gluten-free pasta daily", FOOD, SERVING),
    ("5 mg preservative-free morphine daily", "Morphine", "Morphine 10 mg daily"),
    ("400 mg sugar-free chewable tablets twice daily", "Ibuprofen", "Ibuprofen 200 mg twice daily"),
    ("200 g gluten-free bread daily", "Gluten-free bread", "Gluten-free bread 300 g daily"),
    ("8 mg ondansetron without dexamethasone", "Ondansetron", "Ondansetron 4 mg"),
]


def _findings(arm: str, name: str, description: str) -> list:
    return list(study_dose_findings("NCT0", [("Low-dose group", arm)], [(name, description)],
                                    [("Low-dose group", name)]))


@pytest.mark.parametrize("arm, name, description", QUIET, ids=[a[:70] for a, _, _ in QUIET])
def test_another_products_amount_stays_quiet(arm, name, description):
    assert _findings(arm, name, description) == []


@pytest.mark.parametrize("arm, name, description", FIRING, ids=[a[:70] for a, _, _ in FIRING])
def test_the_products_own_other_amount_fires(arm, name, description):
    assert len(_findings(arm, name, description)) == 1


def test_the_message_names_the_amount_of_the_product_itself():
    [finding] = _findings("10 grams wheat pasta and 33 grams gluten-free pasta daily", FOOD, SERVING)
    assert finding.message == ("Arm 'Low-dose group' gives wheat-containing food as 10 grams but its intervention "
                               "'Wheat-containing food' says 38 grams.")
