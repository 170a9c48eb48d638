"""protocol.placebo_comparator_without_placebo on three placebos real records name in other words: a dressing without
the element another arm's holds, by its symbol ("Mepilex without Ag" beside "Mepilex Ag", NCT01036438), saline
misspelt ("normal sailine, 2ml, inhaler", NCT02500784), and the placebo product a summary says lacks what another arm
is given ("placebo product without nicotinamide supplement" beside "Nicotinamide Drink", NCT05696938); and
protocol.arm_linked_to_wrong_intervention on an arm titled without an element, linked to the product holding it. Each
beside the wordings that must still fire: an element no other arm names, the start of a longer word, an unmasked
trial, a product named again, another arm's placebo, a lack no other arm is given.
"""
from __future__ import annotations

import pytest

from checks import arm_types, arm_wrong_links
from tests.checks import harness
from tests.checks.cases_arm_types import COMPARATOR_WITHOUT_PLACEBO, trial
from tests.checks.cases_arm_wrong_links import denying_arm

OPEN = {"masking": "NONE", "subject_masked": None, "investigator_masked": None}


def product_pair(tested: str, control: str, kind: str = "DEVICE", design: dict | None = None):
    """A trial of a product (`tested`) against a Placebo Comparator product (`control`), each its own intervention of
    that name and of type `kind`, masked as the clean study unless `design` says."""
    arms = trial([("EXPERIMENTAL", tested, ""), ("PLACEBO_COMPARATOR", control, "")],
                 [(kind, tested, ""), (kind, control, "")], [(tested, tested), (control, control)])

    def change(s):
        arms(s)
        s["designs"][0].update(design or {})
    return change


def inhaled(control_description: str):
    """NCT02500784's arms: formoterol against an arm "Formoterol B" described `control_description`."""
    return trial([("ACTIVE_COMPARATOR", "Formoterol A", "12 months, formoterol, 20microgram/2ml, inhaler, BID"),
                  ("PLACEBO_COMPARATOR", "Formoterol B", control_description)],
                 [("DRUG", "Formoterol A", "20mg/2mL, BID inhaler for 12 months"),
                  ("DRUG", "Formoterol B", "2mL, BID inhaler for 12 months")],
                 [("Formoterol A", "Formoterol A"), ("Formoterol B", "Formoterol B")])


DRINK = ("Wonderlab Nicotinamide Drink", "25ml/bottle, containing Nicotinamide 0.39 mg, Vitamin C 300 mg")
ORDINARY = ("Ordinary Drink", "25ml/bottle, containing Litchi juice 0.7 g, Erythritol 2 g, Pectin 0.25 g")


def drinks(summary: str, third_arm: tuple[str, str] | None = None):
    """NCT05696938's arms: a nicotinamide drink against an "Ordinary Drink" typed Placebo Comparator (and
    `third_arm`, an Active Comparator), in a study whose summary is `summary`."""
    arms = [("ACTIVE_COMPARATOR", *DRINK), ("PLACEBO_COMPARATOR", *ORDINARY)]
    arms += [("ACTIVE_COMPARATOR", *third_arm)] if third_arm else []
    given = [("DIETARY_SUPPLEMENT", title, "One bottle twice a day for 2 months") for _t, title, _d in arms]
    change_arms = trial(arms, given, [(title, title) for _t, title, _d in arms])

    def change(s):
        change_arms(s)
        s["brief_summaries"] = [{"description": summary}]
        s["detailed_descriptions"] = []
    return change


NICOTINAMIDE_SUMMARY = ("Participants use products (study product plus nicotinamide supplement and placebo product "
                        "without nicotinamide supplement) for 2 months.")

# nct_id: (fires, change, what it is)
COMPARATOR_CASES = {
    # A product without the element another arm's product holds, named by its symbol.
    "NCT02610001": (False, product_pair("Mepilex Ag", "Mepilex without Ag"), "NCT01036438: the dressing without Ag"),
    "NCT02610002": (False, product_pair("Zn tablets", "Zn-free tablets", "DIETARY_SUPPLEMENT"),
                    "tablets free of the zinc the others hold"),
    "NCT02610003": (False, product_pair("Copper insoles (Cu)", "Insoles without Cu"), "insoles without copper"),
    "NCT02610004": (True, product_pair("Mepilex Border", "Mepilex without Ag"), "an element no other arm names"),
    "NCT02610005": (True, product_pair("Mepilex agent", "Mepilex without Ag"), "a symbol that starts a longer word"),
    "NCT02610006": (True, product_pair("Mepilex Ag", "Mepilex without Ag", design=OPEN), "an unmasked trial"),
    # Saline misspelt.
    "NCT02610011": (False, inhaled("12 months, normal sailine, 2ml, inhaler, BID"), "NCT02500784's sailine"),
    "NCT02610012": (True, inhaled("12 months, formoterol, 10microgram/2ml, inhaler, BID"), "a lower dose"),
    # The placebo product a summary says lacks what another arm is given.
    "NCT02610021": (False, drinks(NICOTINAMIDE_SUMMARY), "NCT05696938's summary"),
    "NCT02610022": (False, drinks("The control is a placebo drink free of nicotinamide, identical in taste."),
                    "a placebo drink free of it"),
    "NCT02610023": (True, drinks("A placebo-controlled study without crossover."), "a design without something"),
    "NCT02610024": (True, drinks("Participants on placebo without improvement will be offered the drink."),
                    "a placebo's people without what no arm is given"),
    "NCT02610025": (True, drinks(NICOTINAMIDE_SUMMARY, ("Placebo drink", "Matching placebo drink")),
                    "another arm that names the placebo"),
}


@pytest.fixture(scope="module")
def flagged(tmp_path_factory):
    """The studies the comparator rule flags, on one warehouse holding every case."""
    built = {}
    for nct_id, (_fires, change, _what) in COMPARATOR_CASES.items():
        study = harness.clean_study()
        change(study)
        built[nct_id] = study
    return harness.flagged_studies(tmp_path_factory.mktemp("placebo_products"), built,
                                   arm_types.RULES)[COMPARATOR_WITHOUT_PLACEBO]


@pytest.mark.parametrize("nct_id", COMPARATOR_CASES, ids=lambda n: f"{n}-{COMPARATOR_CASES[n][2]}")
def test_a_placebo_named_in_other_words(flagged, nct_id):
    assert (nct_id in flagged) is COMPARATOR_CASES[nct_id][0]


# An arm titled without an element, linked only to what holds it: fires where the linked name holds the symbol as a
# word, not where it starts a longer word.
DENIED_ELEMENTS = {
    "NCT02610031": (True, denying_arm("Mepilex without Ag", ("DEVICE", "Mepilex Ag", "")),
                    "the dressing without Ag linked to the silver dressing"),
    "NCT02610032": (False, denying_arm("Mepilex without Ag", ("DEVICE", "Mepilex agent", "")),
                    "a name in which the symbol starts a longer word"),
}


@pytest.fixture(scope="module")
def wrongly_linked(tmp_path_factory):
    """The studies arm_linked_to_wrong_intervention flags, on one warehouse holding every case."""
    built = {}
    for nct_id, (_fires, change, _what) in DENIED_ELEMENTS.items():
        study = harness.clean_study()
        change(study)
        built[nct_id] = study
    rule = arm_wrong_links.wrong_link_rule()
    return harness.flagged_studies(tmp_path_factory.mktemp("denied_elements"), built, [rule])[rule.id]


@pytest.mark.parametrize("nct_id", DENIED_ELEMENTS, ids=lambda n: f"{n}-{DENIED_ELEMENTS[n][2]}")
def test_an_arm_without_an_element_linked_to_what_holds_it(wrongly_linked, nct_id):
    assert (nct_id in wrongly_linked) is DENIED_ELEMENTS[nct_id][0]
