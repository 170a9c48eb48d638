"""contradictions.other_name_placebo: a product an arm names as the study's placebo ("HCQ + placebo (folic acid 800
µg ...)", "folic acid (placebo)", "folic acid as placebo") imitates nothing: its other name 'Placebo' says what it is
given as. An arm that names another product in the placebo's brackets, or gives the product beside a placebo, still
has the product's other name read as a placebo's."""
from __future__ import annotations

import pytest

from checks.other_name_placebo import placebo_other_name_findings

FOLIC_ACID = ("Folic Acid", "DRUG", "Eligible participants in a household will receive folic acid and an additional "
              "intervention drug")
# the study's other placebo product, given only in its placebo arm (NCT04354428)
ASCORBIC_ACID = ("Ascorbic Acid", "DRUG", "ascorbic acid and folic acid therapy",
                 [("PLACEBO_COMPARATOR", "Ascorbic acid and Folic acid", "Ascorbic acid 500 mg orally twice")])
PLACEBO_ARM = ("PLACEBO_COMPARATOR", "Ascorbic acid and Folic acid", "Ascorbic acid 500 mg + folic acid 800 µg")


def _experimental(description: str) -> tuple:
    return "EXPERIMENTAL", "Hydroxychloroquine and Folic Acid", description


def _severity(arm_description: str) -> str | None:
    """The severity of the finding on folic acid, other name 'Placebo', linked to the placebo arm and to an
    experimental arm described as `arm_description`; None if quiet."""
    interventions = [(1, *FOLIC_ACID), (2, *ASCORBIC_ACID[:3])]
    arms_of = {1: [PLACEBO_ARM, _experimental(arm_description)], 2: ASCORBIC_ACID[3]}
    found = list(placebo_other_name_findings("NCT00000001", interventions, [(1, "Folic Acid", "Placebo")], arms_of))
    return found[0].severity if found else None


# (name, the experimental arm's description, severity)
CASES = {
    # NCT04354428
    "the placebo in brackets names the product": (
        "HCQ 400 mg orally twice on Day 1 + placebo (folic acid 800 µg orally once on Day 1, followed by 400 µg)",
        None),
    "the product with the placebo in brackets": ("HCQ 400 mg + folic acid (placebo) 800 µg daily", None),
    "the product given as placebo": ("HCQ 400 mg, with folic acid as placebo", None),
    # still the product's other name read as a placebo's
    "the placebo in brackets names another product": (
        "HCQ 400 mg + placebo (matching azithromycin tablets) + folic acid 800 µg", "warning"),
    "the product given beside a placebo": ("HCQ 400 mg + folic acid 800 µg plus placebo", "warning"),
}


@pytest.mark.parametrize("name", CASES)
def test_a_product_an_arm_names_as_the_placebo(name):
    description, severity = CASES[name]
    assert _severity(description) == severity
