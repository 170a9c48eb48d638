"""A title's phase against N/A where a device or behavioural trial lists its comparison of care as usual, a waiting
list or no intervention as an "Other" intervention (contradictions.title_phase_differs).

"MORE-VR" (a device) against "Treatment as Usual" tests the device: N/A is the registry's answer and the title's
"Phase 2" the investigators' stage, info as for a trial of devices alone. An Other that may be a product, or
standard care beside a procedure or radiotherapy (it may be the drugs compared with it), keeps the warning."""
from __future__ import annotations

import pytest

from checks.title_phase import study_phase_findings
from checks.title_phase_interventions import tested_interventions as compared_with_care_left_out
from checks.title_phase_interventions import tested_without_phases as kinds_said

OFFICIAL = "studies.official_title"
TITLE = "Virtual Cognitive-Affective Training for Opioid Use Disorder: A Phase 2 Randomized Controlled Trial"


def _severity(interventions: list[tuple]) -> str:
    without_phases = kinds_said(compared_with_care_left_out(interventions))
    [found] = study_phase_findings("NCT0", [(OFFICIAL, TITLE)], "NA", without_phases)
    return found.severity


@pytest.mark.parametrize("interventions", [
    [("DEVICE", "MORE-VR"), ("OTHER", "Treatment as Usual")],
    [("DEVICE", "MORE-VR"), ("OTHER", "Treatment-as-usual (TAU)")],
    [("BEHAVIORAL", "Mindfulness training"), ("OTHER", "Usual care")],
    [("BEHAVIORAL", "Mindfulness training"), ("OTHER", "Usual Care (UC) control")],
    [("BEHAVIORAL", "Exercise"), ("OTHER", "Wait-list control")],
    [("BEHAVIORAL", "Exercise"), ("OTHER", "Waiting list")],
    [("DEVICE", "App"), ("OTHER", "No intervention")],
    [("BEHAVIORAL", "CBT-I"), ("OTHER", "Attention control group")],
    [("DEVICE", "App"), ("BEHAVIORAL", "Coaching"), ("OTHER", "TAU")],
], ids=lambda listed: " + ".join(name for _kind, name in listed))
def test_a_device_or_behavioural_trial_against_care_as_usual_is_info(interventions):
    assert _severity(interventions) == "info"


@pytest.mark.parametrize("interventions", [
    [("DEVICE", "MORE-VR"), ("OTHER", "Nutritional supplement X")],
    [("DEVICE", "MORE-VR"), ("OTHER", "Standard care")],
    [("DEVICE", "MORE-VR"), ("OTHER", "Usual care plus buprenorphine")],
    [("PROCEDURE", "Surgery"), ("OTHER", "Usual care")],
    [("RADIATION", "Radiotherapy"), ("OTHER", "No intervention")],
    [("DRUG", "Buprenorphine"), ("OTHER", "Treatment as usual")],
    [("OTHER", "Treatment as usual")],
    [("DEVICE", "MORE-VR"), ("OTHER", "Control")],
], ids=lambda listed: " + ".join(name for _kind, name in listed))
def test_an_other_that_may_be_a_product_or_beside_other_kinds_keeps_the_warning(interventions):
    assert _severity(interventions) == "warning"


def test_care_as_usual_is_left_out_only_beside_devices_or_behavioural_interventions():
    listed = [("DEVICE", "MORE-VR"), ("OTHER", "Treatment as Usual")]
    assert compared_with_care_left_out(listed) == [("DEVICE", "MORE-VR")]
    assert compared_with_care_left_out([("PROCEDURE", "Surgery"), ("OTHER", "Usual care")]) == [
        ("PROCEDURE", "Surgery"), ("OTHER", "Usual care")]
