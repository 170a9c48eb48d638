"""protocol.placebo_comparator_without_placebo on controls that are a placebo or sham by design, not by name, in a
trial that masks its participants: the device another arm is given, named by another setting ("Red Light Box 657 nm"
beside "Blue Light Box 467 nm", the inactive wavelength of a light trial); an arm whose own words keep the participants
blind to it ("patients will be blinded to this arm of the study"); a device given with the part that treats removed
("with the structural frame of the splint removed"). Beside the controls that must still fire: the same devices in an
open trial, a drug at another dose, another device, a setting no other arm's device shares, and a procedure's "removed".
And, masked or not, a device named at a low output beside the same device at a high one ("Low-output negative ion
generator" beside "High-output negative ion generator"), not a drug's low dose nor a low frequency.
"""
from __future__ import annotations

import pytest

from checks import arm_types
from tests.checks import harness
from tests.checks.cases_arm_types import COMPARATOR_WITHOUT_PLACEBO, trial

OPEN = {"masking": "NONE", "subject_masked": None, "investigator_masked": None}
SUBJECT_ONLY = {"masking": "SINGLE", "subject_masked": True, "investigator_masked": None}
LINER = ("The liner or protective sheath from the splint will be applied to the legs, with the structural frame of the "
         "splint removed by the researcher in advance.")
BLINDED_TO_IT = "Participants wear the liner of the splint at night; patients will be blinded to this arm of the study."


def own_products(tested: tuple[str, str, str], control: tuple[str, str, str], design: dict | None = None,
                 control_said: str = ""):
    """A change: a trial of `tested` (type, name, description) against the Placebo Comparator `control`, each arm titled
    by and given its own intervention (the comparator described as `control_said`), masked as the clean study unless
    `design` says."""
    arms = trial([("ACTIVE_COMPARATOR", tested[1], ""), ("PLACEBO_COMPARATOR", control[1], control_said)],
                 [tested, control], [(tested[1], tested[1]), (control[1], control[1])])

    def change(s):
        arms(s)
        s["designs"][0].update(design or {})
    return change


BLUE = ("DEVICE", "Blue Light Box 467 nm", "467 nm Blue LED Light")
RED = ("DEVICE", "Red Light Box 657 nm", "657 nm Red LED Light")
SPLINT = ("DEVICE", "Night splint", "A pair of night splints worn during sleep")

# nct_id: (fires, change)
BY_DESIGN_CASES = {
    # The device another arm is given, at another setting, in a masked trial: its placebo.
    "NCT02710001": (False, own_products(BLUE, RED)),
    "NCT02710002": (False, own_products(("DEVICE", "Light box 10000 lux", "Bright white light"),
                                        ("DEVICE", "Light box 300 lux", "Light of low illuminance"))),
    "NCT02710003": (False, own_products(("DEVICE", "rTMS 10 Hz", "Repetitive stimulation over the cortex"),
                                        ("DEVICE", "rTMS 1 Hz", "Repetitive stimulation over the cortex"))),
    "NCT02710004": (False, own_products(("RADIATION", "Laser 810 nm", "Low-level laser to the joint"),
                                        ("RADIATION", "Laser 630 nm", "Low-level laser to the joint"))),
    # A sham by design in the arm's own words, in a trial that masks its participants.
    "NCT02710005": (False, own_products(SPLINT, ("DEVICE", "Splint liner", LINER), SUBJECT_ONLY)),
    "NCT02710006": (False, own_products(SPLINT, ("DEVICE", "Splint liner", "Liner of the splint"), SUBJECT_ONLY,
                                        BLINDED_TO_IT)),
    "NCT02710007": (False, own_products(("DEVICE", "Magnetic bracelet", "A bracelet holding four magnets"),
                                        ("DEVICE", "Plain bracelet", "The bracelet with its magnets removed"))),
    # The same devices in an open trial: the participants know which light they get.
    "NCT02710011": (True, own_products(BLUE, RED, OPEN)),
    "NCT02710012": (True, own_products(SPLINT, ("DEVICE", "Splint liner", LINER), OPEN)),
    # A drug at another dose is an active comparator, whatever the arm is typed.
    "NCT02710013": (True, own_products(("DRUG", "Drug X 40 mg", "Drug X 40 mg daily"),
                                       ("DRUG", "Drug X 10 mg", "Drug X 10 mg daily"))),
    # Another device, not the same one at another setting.
    "NCT02710014": (True, own_products(("DEVICE", "Laser 810 nm", "Low-level laser"), RED)),
    # A setting the comparator alone names, the other arm's device being another.
    "NCT02710015": (True, own_products(("DRUG", "Sertraline", "Sertraline 50 mg daily"), BLUE)),
    # A procedure whose "removed" is what the operation does, not a device's part taken away.
    "NCT02710016": (True, own_products(("PROCEDURE", "Laparoscopic surgery", "Keyhole surgery"),
                                       ("PROCEDURE", "Open surgery", "Open surgery with the gallbladder removed"))),
    # The participants blinded to their allocation in general, not to this arm: another kind of control.
    "NCT02710017": (True, own_products(SPLINT, ("OTHER", "Usual care", "Usual care; participants are blinded to "
                                                                        "their allocation"), SUBJECT_ONLY)),
}

HIGH_IONS = ("DEVICE", "High-output negative ion generator", "60-min high-density ion exposure after awakening")
LOW_IONS = ("DEVICE", "Low-output negative ion generator", "60-min low-density ion exposure after awakening")

# nct_id: (fires, change). A device named at a low output beside the same device at a high one (NCT00006172's shape),
# masked or not: its inactive setting.
LOW_OUTPUT_CASES = {
    "NCT02710021": (False, own_products(HIGH_IONS, LOW_IONS, OPEN)),
    "NCT02710022": (False, own_products(("DEVICE", "High intensity light box", "Light box at 10000 lux"),
                                        ("DEVICE", "Low intensity light box", "Light box at 50 lux"))),
    # A drug's low dose, a low frequency (a treatment of its own), another device, or no high output beside it.
    "NCT02710031": (True, own_products(("DRUG", "High-dose Drug X", "Drug X 40 mg daily"),
                                       ("DRUG", "Low-dose Drug X", "Drug X 10 mg daily"), OPEN)),
    "NCT02710032": (True, own_products(("DEVICE", "High-frequency rTMS", "10 Hz over the left DLPFC"),
                                       ("DEVICE", "Low-frequency rTMS", "1 Hz over the right DLPFC"), OPEN)),
    "NCT02710033": (True, own_products(("DEVICE", "High-output ultrasound", "3 W/cm2"), LOW_IONS, OPEN)),
    "NCT02710034": (True, own_products(("DEVICE", "Bright light box", "10000 lux"), LOW_IONS, OPEN)),
}


@pytest.fixture(scope="module")
def flagged(tmp_path_factory):
    """The studies the comparator rule flags, on one warehouse holding every case."""
    cases = {**BY_DESIGN_CASES, **LOW_OUTPUT_CASES}
    built = harness.changed_studies({nct_id: change for nct_id, (_fires, change) in cases.items()})
    rules = [rule for rule in arm_types.RULES if rule.id == COMPARATOR_WITHOUT_PLACEBO]
    return harness.flagged_studies(tmp_path_factory.mktemp("by_design"), built, rules)[COMPARATOR_WITHOUT_PLACEBO]


@pytest.mark.parametrize("nct_id", BY_DESIGN_CASES)
def test_a_placebo_or_sham_by_design_is_one_and_other_controls_still_fire(flagged, nct_id):
    assert (nct_id in flagged) is BY_DESIGN_CASES[nct_id][0]


@pytest.mark.parametrize("nct_id", LOW_OUTPUT_CASES)
def test_a_device_at_a_low_output_beside_it_at_a_high_one_is_its_placebo(flagged, nct_id):
    assert (nct_id in flagged) is LOW_OUTPUT_CASES[nct_id][0]
