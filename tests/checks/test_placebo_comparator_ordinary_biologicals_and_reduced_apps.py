"""protocol.placebo_comparator_without_placebo on the control version of what another arm is given, in a trial that masks
its participants: the ordinary version of a product, a biological's too, where the study's title or summary calls it
placebo-controlled ("Standard Plasma (FFP)" beside "High-Titer COVID-19 Convalescent Plasma" in a "Double-Masked,
Placebo-Controlled Trial"), and the tested app with its content reduced ("a fully operational mobile phone App with
limited contents"). Beside the controls that must still fire: an unmasked trial, a trial that does not call itself
placebo-controlled or denies it, usual or standard care and an active drug in a placebo-controlled trial, a plasma no
other arm is given with something added, a control app named for itself with full content of another topic, and an
app whose use, not content, is limited.
"""
from __future__ import annotations

import pytest

from checks import arm_types
from tests.checks import harness
from tests.checks.cases_arm_types import COMPARATOR_WITHOUT_PLACEBO, trial

OPEN = {"masking": "NONE", "subject_masked": None, "investigator_masked": None}
PLACEBO_CONTROLLED = ("A Prospective, Randomized, Double-Masked, Placebo-Controlled Trial of High-Titer Convalescent "
                      "Plasma for the Treatment of Hospitalized Patients")
NOT_CALLED = "A Randomized Trial of High-Titer Convalescent Plasma for the Treatment of Hospitalized Patients"
HT_CCP = ("BIOLOGICAL", "High-Titer COVID-19 Convalescent Plasma (HT-CCP)", "250mL HT-CCP x2 doses given sequentially.")
FFP = ("BIOLOGICAL", "Standard Plasma (FFP)", "250mL FFP or FP24 x2 doses given sequentially.")
SUMMARY = "Investigators will determine whether the early addition of HT-CCP to standard treatment improves outcomes."


def plasma_trial(tested: tuple[str, str, str], control: tuple[str, str, str], control_arm: tuple[str, str],
                 official_title: str = PLACEBO_CONTROLLED, summary: str = SUMMARY, design: dict | None = None):
    """A change: a trial of `tested` (type, name, description) in "Arm A" against a Placebo Comparator (title,
    description) given `control`, with its official title and brief summary, masked as the clean study unless
    `design` says."""
    arms = trial([("EXPERIMENTAL", "Arm A", f"Two units of {tested[1]}"), ("PLACEBO_COMPARATOR", *control_arm)],
                 [tested, control], [("Arm A", tested[1]), (control_arm[0], control[1])])

    def change(s):
        arms(s)
        s["studies"][0]["official_title"] = official_title
        s["brief_summaries"] = [{"description": summary}]
        s["detailed_descriptions"] = [{"description": "Participants are randomized to one of two plasma products."}]
        s["designs"][0].update(design or {})
    return change


ARM_B = ("Arm B", "Two units of FFP or FP24 (each 200-275 mL) will be administered sequentially.")
HYPERIMMUNE = ("BIOLOGICAL", "Hyperimmune plasma", "Two units of hyperimmune anti-SARS-CoV-2 plasma")
PLASMA = ("BIOLOGICAL", "Fresh frozen plasma", "Two units of fresh frozen plasma")

# nct_id: (fires, change)
ORDINARY_CASES = {
    # The ordinary version of the biological another arm is given with what it adds, in a masked trial its title or
    # summary calls placebo-controlled: the study's placebo.
    "NCT02710001": (False, plasma_trial(HT_CCP, FFP, ARM_B)),
    "NCT02710002": (False, plasma_trial(HYPERIMMUNE, PLASMA, ("Plasma", "Two units of plasma"), NOT_CALLED,
                                        "A double-blind, placebo-controlled trial of hyperimmune plasma.")),
    # Unmasked, not called placebo-controlled, or denied to be.
    "NCT02710011": (True, plasma_trial(HT_CCP, FFP, ARM_B, design=OPEN)),
    "NCT02710012": (True, plasma_trial(HT_CCP, FFP, ARM_B, NOT_CALLED)),
    "NCT02710013": (True, plasma_trial(HT_CCP, FFP, ARM_B, NOT_CALLED, "This is not a placebo-controlled trial.")),
    # Standard care, or an active drug, in a placebo-controlled trial.
    "NCT02710014": (True, plasma_trial(HT_CCP, ("OTHER", "Standard of care", "Standard of care per hospital protocol"),
                                       ("Standard of care", "Standard treatment for COVID-19"))),
    "NCT02710015": (True, plasma_trial(("DRUG", "Low-molecular-weight heparin", "Enoxaparin 40 mg daily"),
                                       ("DRUG", "Standard heparin", "Unfractionated heparin 5000 IU twice daily"),
                                       ("Arm B", "Standard heparin"))),
    # No other arm is given the plasma with something added.
    "NCT02710016": (True, plasma_trial(("DRUG", "Remdesivir", "200 mg on day 1"), FFP, ARM_B)),
}


def app_trial(control: tuple[str, str, str], design: dict | None = None, tested: str = "Intervention App",
              shared: bool = True):
    """A change: a trial of a psychoeducation app ("Intervention App", given as the intervention `tested`) against a
    comparator (type, title, description) linked to the tested app's intervention too (`shared`) or to one of its own
    named by its title, masked three ways unless `design` says."""
    full = ("BEHAVIORAL", tested, "Access to a fully operational mobile phone App with psychoeducational materials.")
    own = ("BEHAVIORAL", control[1], control[2])
    arms = trial([("EXPERIMENTAL", "Intervention App", full[2]), control], [full] if shared else [full, own],
                 [("Intervention App", tested), (control[1], tested if shared else control[1])])

    def change(s):
        arms(s)
        s["designs"][0].update({"masking": "TRIPLE", "subject_masked": True, "caregiver_masked": True,
                                "masking_description": "Both groups will receive an App.", **(design or {})})
    return change


LIMITED = ("SHAM_COMPARATOR", "Control App", "Participants will receive access to a fully operational mobile phone "
                                             "App with limited contents about management of mental health problems.")

# nct_id: (fires, change)
REDUCED_CASES = {
    # The tested app with its content reduced, in a masked trial: a sham.
    "NCT02720001": (False, app_trial(LIMITED)),
    "NCT02720002": (False, app_trial(("PLACEBO_COMPARATOR", "Control App", "The same app without the therapy "
                                                                          "modules"), shared=False)),
    "NCT02720003": (False, app_trial(("SHAM_COMPARATOR", "Minimal App", "A minimal-content version of the app"),
                                     shared=False)),
    # Unmasked; a control app named for itself with full content of another topic; an app whose use is limited; a
    # website with limited information that no other arm is given.
    "NCT02720011": (True, app_trial(LIMITED, OPEN)),
    "NCT02720012": (True, app_trial(("SHAM_COMPARATOR", "Healthy Eating App", "A fully operational app with recipes "
                                                                               "and nutrition facts"), shared=False)),
    "NCT02720013": (True, app_trial(("SHAM_COMPARATOR", "Control App", "The same app, its use limited to ten minutes "
                                                                       "a day"))),
    "NCT02720014": (True, app_trial(("SHAM_COMPARATOR", "Control Website", "A website with limited information"),
                                    tested="Nurse calls", shared=False)),
}


@pytest.fixture(scope="module")
def flagged(tmp_path_factory):
    """The studies the comparator rule flags, on one warehouse holding every case."""
    cases = {**ORDINARY_CASES, **REDUCED_CASES}
    built = harness.changed_studies({nct_id: change for nct_id, (_fires, change) in cases.items()})
    rules = [rule for rule in arm_types.RULES if rule.id == COMPARATOR_WITHOUT_PLACEBO]
    return harness.flagged_studies(tmp_path_factory.mktemp("versions"), built, rules)[COMPARATOR_WITHOUT_PLACEBO]


@pytest.mark.parametrize("nct_id", ORDINARY_CASES)
def test_the_ordinary_version_of_a_biological_in_a_placebo_controlled_trial(flagged, nct_id):
    assert (nct_id in flagged) is ORDINARY_CASES[nct_id][0]


@pytest.mark.parametrize("nct_id", REDUCED_CASES)
def test_the_tested_app_with_its_content_reduced(flagged, nct_id):
    assert (nct_id in flagged) is REDUCED_CASES[nct_id][0]
