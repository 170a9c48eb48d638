"""protocol.arm_linked_to_wrong_intervention on a factorial trial's placebo arm given one product and the placebo of
another ("DOXY PLACEBO": "Doxycycline daily dosing (100mg) placebo of Zinc", linked to doxycycline, NCT04584567), or a
product beside a placebo ("Metformin 500 mg + placebo"): its link is right. Beside the placebo arms that must still
fire: a plain placebo, the linked product's own placebo however named, a placebo of a word the study names nowhere
else.
"""
from __future__ import annotations

import pytest

from checks import arm_wrong_links
from tests.checks import harness
from tests.checks.cases_arm_types import trial
from tests.checks.cases_arm_wrong_links import RUCONEST, placebo_beside

DOXYCYCLINE = ("DRUG", "Doxycyclin", "daily (100mg)")
BOTH = ("EXPERIMENTAL", "DOXY ZINC", "Doxycycline daily dosing (100mg) Zinc daily dosing (15mg)")


def factorial(title: str, description: str):
    """NCT04584567's arms: doxycycline with zinc against a Placebo Comparator arm (`title`, `description`), both
    linked only to doxycycline (the record lists neither zinc nor its placebo)."""
    return trial([BOTH, ("PLACEBO_COMPARATOR", title, description)], [DOXYCYCLINE],
                 [(BOTH[1], DOXYCYCLINE[1]), (title, DOXYCYCLINE[1])])


# nct_id: (fires, change, what it is)
CASES = {
    "NCT02620001": (False, factorial("DOXY PLACEBO", "Doxycycline daily dosing (100mg) placebo of Zinc"),
                    "NCT04584567: doxycycline given, the placebo zinc's"),
    "NCT02620002": (False, factorial("Doxy placebo", "Doxycycline 100 mg with placebo for zinc"),
                    "doxycycline given with a placebo for zinc"),
    "NCT02620003": (False, placebo_beside("Placebo", [RUCONEST], "Ruconest 50 U/kg + placebo"),
                    "the product beside a placebo"),
    "NCT02620004": (True, factorial("PLACEBO", "placebo of Doxycycline daily dosing placebo of Zinc"),
                    "NCT04584567's placebo arm: both placebos"),
    "NCT02620005": (True, factorial("DOXY PLACEBO", "Doxycycline placebo daily, placebo of Zinc"),
                    "the linked product's placebo beside another's"),
    "NCT02620006": (True, factorial("DOXY PLACEBO", "Placebo for doxycycline 100 mg daily"),
                    "a placebo for the linked product"),
    "NCT02620007": (True, placebo_beside("Placebo", [RUCONEST], "Ruconest placebo for four weeks"),
                    "the linked product's placebo for a time"),
    "NCT02620008": (True, placebo_beside("Placebo", [RUCONEST], "Placebo"), "NCT04705831: a plain placebo"),
    "NCT02620009": (True, placebo_beside("Placebo", [RUCONEST], "Infusion as for Ruconest; placebo of the same "
                                         "volume"), "a placebo of a word the study names nowhere else"),
}


@pytest.fixture(scope="module")
def flagged(tmp_path_factory):
    """The studies arm_linked_to_wrong_intervention flags, on one warehouse holding every case."""
    built = {}
    for nct_id, (_fires, change, _what) in CASES.items():
        study = harness.clean_study()
        change(study)
        built[nct_id] = study
    rule = arm_wrong_links.wrong_link_rule()
    return harness.flagged_studies(tmp_path_factory.mktemp("factorial_placebos"), built, [rule])[rule.id]


@pytest.mark.parametrize("nct_id", CASES, ids=lambda n: f"{n}-{CASES[n][2]}")
def test_a_placebo_arm_given_the_product_and_another_products_placebo(flagged, nct_id):
    assert (nct_id in flagged) is CASES[nct_id][0]
