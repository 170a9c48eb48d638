"""Arm types worded as registry records word them: a nutrition trial's control product said to lack what is tested
("Non-protein shake", "Non caloric drink", "Protein-free pudding") names its placebo, and an arm typed No
Intervention that the record links to nothing but whose own words say it is given a placebo or sham ("Placebo
injections weekly", "Participants receive matching placebo capsules") contradicts its type; each beside the wordings
that must stay as they are."""
from __future__ import annotations

import pytest

from checks import arm_types
from tests.checks import harness
from tests.checks.cases_arm_types import COMPARATOR_WITHOUT_PLACEBO, NO_INTERVENTION, comparator, control_arm

# --- A control product said to lack what is tested ---------------------------------------------------------------

# nct_id: (fires, change): the comparator arm (title, description, its interventions) of a two-arm trial.
PRODUCT_CASES = {
    "NCT02300001": (False, comparator(
        "Comparator shake", "Non-protein shake, same flavour, once at 8 am before the test meal",
        [("DIETARY_SUPPLEMENT", "Isocaloric shake", "Vanilla flavour, 250 mL")])),
    "NCT02300002": (False, comparator(
        "Energy comparator", "Non caloric drink with sweetener, 300 ml with lunch",
        [("OTHER", "Sweetened drink", "Artificially sweetened, lemon flavour")])),
    "NCT02300003": (False, comparator(
        "Comparator pudding", "Protein-free pudding, 150 g at breakfast for 12 weeks",
        [("DIETARY_SUPPLEMENT", "Vanilla pudding", "One 150 g cup")])),
    "NCT02300004": (False, comparator(
        "Standard yoghurt", "Non-probiotic yoghurt, 125 g daily for 4 weeks",
        [("DIETARY_SUPPLEMENT", "Plain yoghurt", "Heat-treated, 125 g")])),
    # another kind of control typed Placebo Comparator: usual care, an active product, a denial of the study products
    "NCT02300005": (True, comparator(
        "Usual diet", "Participants keep their usual diet",
        [("BEHAVIORAL", "Dietary advice", "Leaflet on healthy eating")])),
    "NCT02300006": (True, comparator(
        "Whey shake", "Whey protein shake, 20 g",
        [("DIETARY_SUPPLEMENT", "Whey protein", "20 g whey in 250 mL skimmed milk")])),
    "NCT02300007": (True, comparator(
        "Hospital meals", "Usual meals; none of the study supplements",
        [("BEHAVIORAL", "Usual meals", "Hospital menu")])),
}

# --- A No Intervention arm whose own words give it a placebo ------------------------------------------------------

# nct_id: (fires, change): a No Intervention arm (title, description) beside supervised exercise, linked to nothing.
DESCRIBED_CASES = {
    "NCT02300011": (True, control_arm("Placebo/usual diet", "Placebo injection (saline) every week; usual diet",
                                      [], linked=[])),
    "NCT02300012": (True, control_arm("Control", "Participants receive matching placebo capsules twice daily for "
                                                 "12 weeks", [], linked=[])),
    "NCT02300013": (True, control_arm("Sham stimulation", "Electrodes placed for 20 minutes", [], linked=[])),
    "NCT02300014": (True, control_arm("Group B", "Will be given a saline placebo infusion on day 1", [], linked=[])),
    # a denial, another arm's placebo, an earlier study's or a run-in's placebo, a placebo-controlled design
    "NCT02300015": (False, control_arm("Usual care", "No placebo is given; participants continue usual care",
                                       [], linked=[])),
    "NCT02300016": (False, control_arm("Observation", "Participants do not receive placebo injections",
                                       [], linked=[])),
    "NCT02300017": (False, control_arm("Untreated", "Unlike the placebo group, this arm gets no injections",
                                       [], linked=[])),
    "NCT02300018": (False, control_arm("Follow-up only", "Participants who received placebo in the parent study are "
                                                        "followed without treatment", [], linked=[])),
    "NCT02300019": (False, control_arm("No treatment", "All participants took placebo during the 2-week run-in; this "
                                                      "arm then receives no study treatment", [], linked=[])),
    "NCT02300020": (False, control_arm("Placebo-controlled comparison group", "Usual care only", [], linked=[])),
}


@pytest.fixture(scope="module")
def flagged(tmp_path_factory):
    """The studies each arm-type rule flags, on one warehouse holding every case."""
    built = {}
    for nct_id, (_fires, change) in {**PRODUCT_CASES, **DESCRIBED_CASES}.items():
        study = harness.clean_study()
        change(study)
        built[nct_id] = study
    return harness.flagged_studies(tmp_path_factory.mktemp("arm_types_control_products"), built, arm_types.RULES)


@pytest.mark.parametrize("nct_id", PRODUCT_CASES)
def test_a_control_product_lacking_what_is_tested_names_a_placebo(flagged, nct_id):
    fires, _change = PRODUCT_CASES[nct_id]
    assert (nct_id in flagged[COMPARATOR_WITHOUT_PLACEBO]) == fires


@pytest.mark.parametrize("nct_id", DESCRIBED_CASES)
def test_a_no_intervention_arm_described_as_given_a_placebo(flagged, nct_id):
    fires, _change = DESCRIBED_CASES[nct_id]
    assert (nct_id in flagged[NO_INTERVENTION]) == fires
