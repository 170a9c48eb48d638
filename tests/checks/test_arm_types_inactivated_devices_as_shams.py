"""A Sham Comparator arm whose device the study says is inactivated ("all negative ion generators are inactivated" in
how it is masked, the control of light-therapy trials) names a sham; an arm beside an inactivated vaccine or a device
that is not inactivated does not."""
from __future__ import annotations

import pytest

from checks import arm_types
from tests.checks import harness
from tests.checks.cases_arm_types import COMPARATOR_WITHOUT_PLACEBO, comparator, said_of_study

GENERATOR = comparator("Negative Ion Generator", "Sitting in front of a modified negative ion generator for 60 min.",
                       [("DEVICE", "Negative ion generator", "Modified negative ion generator")], "SHAM_COMPARATOR")
MASKED = ("Subjects will be told that both devices may or may not be active and thus, will be unaware that all light "
          "boxes are active and all negative ion generators are inactivated.")

# (fires, change, note)
CASES = [
    (False, said_of_study(GENERATOR, masking_description=MASKED), "generators inactivated, in the masking"),
    (False, said_of_study(GENERATOR, summary="The negative ion generator is disabled for the control group."),
     "generator disabled, in the summary"),
    (False, comparator("Control", "An inactivated light box for 30 minutes a day",
                       [("DEVICE", "Light box", "Light box, 10,000 lux")], "SHAM_COMPARATOR"),
     "inactivated light box, in the arm"),
    (True, GENERATOR, "a modified generator, nothing said of it"),
    (True, said_of_study(GENERATOR, masking_description="Subjects will be unaware of which device is active."),
     "the masking says only which is active"),
    (True, comparator("Control", "Inactivated influenza vaccine, one dose",
                      [("BIOLOGICAL", "Influenza vaccine", "Inactivated influenza vaccine")]),
     "an inactivated vaccine is an active comparator"),
]


@pytest.fixture(scope="module")
def flagged(tmp_path_factory):
    """The studies the comparator rule flags, every case in one warehouse."""
    studies = {}
    for n, (_fires, change, _note) in enumerate(CASES, start=1):
        study = harness.clean_study()
        change(study)
        studies[f"NCT0{n:07d}"] = study
    return harness.flagged_studies(tmp_path_factory.mktemp("inactivated_devices"), studies, arm_types.RULES)


@pytest.mark.parametrize("n", range(1, len(CASES) + 1), ids=[c[2] for c in CASES])
def test_an_inactivated_device_is_a_sham(flagged, n):
    fires, _change, note = CASES[n - 1]
    assert (f"NCT0{n:07d}" in flagged[COMPARATOR_WITHOUT_PLACEBO]) is fires, note
