"""protocol.placebo_comparator_without_placebo on the ordinary version of the product another arm is given with what is
tested: "250 mL of a common dairy product" beside "a dairy product, which is enriched with 3 g of milk phospholipids",
"commercially available underpants" beside "underpants made of precious metal fibers". In a masked trial of a food, a
supplement, a device or another product, the same vehicle without the active ingredient is a placebo in all but name.
Beside the controls that must still fire: an ordinary amount of what is tested ("Ordinary moxibustion volume group",
an active lower dose), usual care, a drug's ordinary version, a product of the same kind that holds an active
ingredient itself, an unmasked trial, and an ordinary product no other arm is given with something added. So is the
bare product a comparator is titled by ("Nutrition" beside "Arginine enriched nutrition"), and an intervention both
arms share speaks of the tested arm's product, not of what the comparator holds.
"""
from __future__ import annotations

import pytest

from checks import arm_types
from tests.checks import harness
from tests.checks.cases_arm_types import COMPARATOR_WITHOUT_PLACEBO, trial

OPEN = {"masking": "NONE", "subject_masked": None, "investigator_masked": None}
ENRICHED = ("The patients will consume daily 250 mL of a dairy product, which is enriched with 3 g of milk "
            "phospholipids.")
COMMON = "The patients will consume daily 250 mL of a common dairy product."


def own_products(tested: tuple[str, str, str], control: tuple[str, str, str], design: dict | None = None):
    """A change: a trial of the product `tested` (type, name, description) against the comparator product `control`,
    each arm titled and given its own intervention, masked as the clean study unless `design` says."""
    arms = trial([("EXPERIMENTAL", tested[1], ""), ("PLACEBO_COMPARATOR", control[1], "")], [tested, control],
                 [(tested[1], tested[1]), (control[1], control[1])])

    def change(s):
        arms(s)
        s["designs"][0].update(design or {})
    return change


def one_device(tested: str, control: str, kind: str = "DEVICE"):
    """A change: both arms given one intervention "underpants" (of type `kind`), told apart by the arms' descriptions:
    the tested arm's `tested`, the Placebo Comparator's `control`."""
    return trial([("ACTIVE_COMPARATOR", "Test", tested), ("PLACEBO_COMPARATOR", "Control", control)],
                 [(kind, "underpants", "")], [("Test", "underpants"), ("Control", "underpants")])


METAL = "The test group used underpants made of precious metal fibers (germanium, titanium and phosphorus)."
MOXIBUSTION = [("BEHAVIORAL", "First group of heavy moxibustion", "Moxibustion for 20 minutes per acupoint"),
               ("BEHAVIORAL", "Ordinary moxibustion volume group", "Moxibustion for 10 minutes per acupoint")]
HEAVY, ORDINARY = (name for _kind, name, _said in MOXIBUSTION)

# nct_id: (fires, change)
ORDINARY_CASES = {
    # The ordinary version of the vehicle another arm is given with what is tested, in a masked trial: a placebo.
    "NCT02700001": (False, own_products(("DIETARY_SUPPLEMENT", "milk phospholipid", ENRICHED),
                                        ("DIETARY_SUPPLEMENT", "diary product", COMMON))),
    "NCT02700002": (False, one_device(METAL, "The control group used commercially available underpants.")),
    "NCT02700003": (False, own_products(("OTHER", "Xylitol gum", "Chewing gum containing 1 g xylitol"),
                                       ("OTHER", "Regular gum", "Regular chewing gum, five pieces a day"))),
    "NCT02700004": (False, own_products(("DEVICE", "Copper insoles", "Insoles woven with copper fibres"),
                                        ("DEVICE", "Plain insoles", "Plain insoles of the same shape"))),
    "NCT02700005": (False, own_products(("DIETARY_SUPPLEMENT", "Fortified bread", "Bread fortified with iron"),
                                        ("DIETARY_SUPPLEMENT", "Bread", "Standard bread, 100 g a day"))),
    # An ordinary amount of what is tested: an active lower dose.
    "NCT02700011": (True, trial([("EXPERIMENTAL", HEAVY, ""), ("PLACEBO_COMPARATOR", ORDINARY, "")], MOXIBUSTION,
                                [(HEAVY, HEAVY), (ORDINARY, ORDINARY)])),
    "NCT02700012": (True, own_products(("DIETARY_SUPPLEMENT", "milk phospholipid", ENRICHED),
                                       ("DIETARY_SUPPLEMENT", "dairy product", "An ordinary dose of dairy product"))),
    # Usual care, whatever is added to it in the other arm: another kind of control.
    "NCT02700013": (True, own_products(("OTHER", "Exercise", "Usual care with supervised exercise"),
                                       ("OTHER", "Usual care", "Usual care as given at the clinic"))),
    # A drug's ordinary version is an active treatment of its own.
    "NCT02700014": (True, own_products(("DRUG", "Glargine-PH20", "Insulin glargine with hyaluronidase"),
                                       ("DRUG", "Glargine", "Commercially available insulin glargine"))),
    # A product of the same kind that says it holds something itself: an active comparator.
    "NCT02700015": (True, own_products(("OTHER", "Arginine toothpaste", "Toothpaste containing 8% arginine"),
                                       ("OTHER", "Fluoride toothpaste", "Standard toothpaste containing 1450 ppm "
                                                                        "fluoride"))),
    # Unmasked: the participants know their product is the ordinary one.
    "NCT02700016": (True, own_products(("DIETARY_SUPPLEMENT", "milk phospholipid", ENRICHED),
                                       ("DIETARY_SUPPLEMENT", "diary product", COMMON), OPEN)),
    # No other arm is given the product with something added.
    "NCT02700017": (True, own_products(("DRUG", "Tadalafil", "Tadalafil 5 mg daily"),
                                       ("DEVICE", "Underpants", "Commercially available underpants"))),
    "NCT02700018": (True, one_device("The test group used underpants of another brand.",
                                     "The control group used commercially available underpants.")),
}


def one_product(tested: tuple[str, str], control: tuple[str, str], product: tuple[str, str, str],
                design: dict | None = None):
    """A change: a trial whose tested arm and Placebo Comparator ((title, description) each) are both linked to one
    intervention `product` (type, name, description), masked as the clean study unless `design` says."""
    arms = trial([("ACTIVE_COMPARATOR", *tested), ("PLACEBO_COMPARATOR", *control)], [product],
                 [(tested[0], product[1]), (control[0], product[1])])

    def change(s):
        arms(s)
        s["designs"][0].update(design or {})
    return change


ARGININE = ("DIETARY_SUPPLEMENT", "Arginine", "Oral nutritional supplement")
ENRICHED_JUICE = ("1 Potassium supplement", "Patients received an Enriched Grape Juice containing 234.5 mmol KCl")
POTASSIUM = ("DIETARY_SUPPLEMENT", "Potassium supplement", "Either the enriched grape juice containing KCl or the "
                                                           "grape juice alone, twice daily")
XYLITOL_GUM = ("OTHER", "Chewing gum", "Chewing gum containing 1 g xylitol, or regular chewing gum")

# nct_id: (fires, change). The bare product the comparator is titled by, beside it with something added in another
# arm, in a masked trial ("Nutrition" beside "Arginine enriched nutrition", NCT00497380; "2 Grape Juice" beside "an
# Enriched Grape Juice containing ... KCl", NCT00461448): the plain vehicle; and an ordinary version whose only
# intervention, shared with the tested arm, speaks of what the tested arm's holds.
PLAIN_CASES = {
    "NCT02700021": (False, one_product(("Arginine enriched nutrition", ""), ("Nutrition", ""), ARGININE)),
    "NCT02700022": (False, one_product(ENRICHED_JUICE, ("2 Grape Juice", "Patients received same amount of grape "
                                                                         "juice for 28 days."), POTASSIUM)),
    "NCT02700023": (False, one_product(("Xylitol gum", "Five pieces a day"), ("Control", "Regular chewing gum"),
                                       XYLITOL_GUM)),
    # Unmasked, a drug, a product that holds something itself, a regimen, no other arm's product enriched, a dose.
    "NCT02700031": (True, one_product(("Arginine enriched nutrition", ""), ("Nutrition", ""), ARGININE, OPEN)),
    "NCT02700032": (True, own_products(("DRUG", "Glargine-PH20", "Glargine containing hyaluronidase"),
                                       ("DRUG", "Glargine", "Insulin glargine, 10 units daily"))),
    "NCT02700033": (True, own_products(("OTHER", "Arginine toothpaste", "Toothpaste containing 8% arginine"),
                                       ("OTHER", "Toothpaste", "Toothpaste containing 1450 ppm fluoride"))),
    "NCT02700034": (True, own_products(("OTHER", "Fish oil diet", "Diet enriched with fish oil"),
                                       ("OTHER", "Diet", "The participants' usual diet"))),
    "NCT02700035": (True, own_products(("DIETARY_SUPPLEMENT", "Potassium tablets", "Potassium chloride tablets"),
                                       ("DIETARY_SUPPLEMENT", "Grape juice", "Grape juice twice daily"))),
    "NCT02700036": (True, one_product(("Arginine enriched nutrition", ""), ("Nutrition", "A low dose of nutrition"),
                                      ARGININE)),
}


@pytest.fixture(scope="module")
def flagged(tmp_path_factory):
    """The studies the comparator rule flags, on one warehouse holding every case."""
    cases = {**ORDINARY_CASES, **PLAIN_CASES}
    built = harness.changed_studies({nct_id: change for nct_id, (_fires, change) in cases.items()})
    rules = [rule for rule in arm_types.RULES if rule.id == COMPARATOR_WITHOUT_PLACEBO]
    return harness.flagged_studies(tmp_path_factory.mktemp("ordinary"), built, rules)[COMPARATOR_WITHOUT_PLACEBO]


@pytest.mark.parametrize("nct_id", ORDINARY_CASES)
def test_the_ordinary_version_of_a_product_another_arm_is_given_with_something_added(flagged, nct_id):
    assert (nct_id in flagged) is ORDINARY_CASES[nct_id][0]


@pytest.mark.parametrize("nct_id", PLAIN_CASES)
def test_the_bare_product_another_arm_is_given_with_something_added(flagged, nct_id):
    assert (nct_id in flagged) is PLAIN_CASES[nct_id][0]
