"""What a finding of contradictions.healthy_volunteers_yes_patients_only says: only what the rule has read. A study's
controls may be patients too (a placebo arm, usual care, a sham procedure), so the message never says the record has
no controls or no other group; it says the record names no one who need not have the condition.
"""
from __future__ import annotations

import pytest

from checks.criteria_patients_only import MESSAGE, study_patients_only_findings
from tests.checks.cases_criteria_sex import listed

# (inclusion items, the titles and arms of the record, whether the rule fires). The firing records have control arms
# whose people have the condition, as a randomized trial of patients has.
CASES = [
    (("Diagnosis of knee osteoarthritis",), ("Placebo", "Patients with knee osteoarthritis receive placebo tablets"),
     True),
    (("Patients with chronic low back pain",), ("Usual care", "Participants continue their usual physiotherapy"),
     True),
    (("Clinical diagnosis of lumbar disc herniation",), ("Sham Comparator: Sham laser",
                                                        "The probe is applied with the device switched off"), True),
    (("Confirmed diagnosis of type 2 diabetes",), ("Standard treatment", "Metformin as prescribed"), True),
    (("Diagnosis of essential hypertension",), (), True),
    # People without the condition named: quiet.
    (("Diagnosis of knee osteoarthritis",), ("Healthy volunteers", "Age-matched adults without knee pain"), False),
    (("Patients with chronic low back pain",), ("Controls", "Spouses of the patients"), False),
]


@pytest.mark.parametrize("items, described, fires", CASES, ids=[c[0][0][:40] for c in CASES])
def test_the_message_says_only_what_was_read(items, described, fires):
    found = list(study_patients_only_findings("NCT0", listed("Age 18 years or older", *items), True, described,
                                              "TREATMENT"))
    assert bool(found) == fires, items
    for finding in found:
        assert finding.message == MESSAGE
        assert "controls" not in finding.message and "other group" not in finding.message, finding.message


def test_the_message_names_the_people_it_looked_for():
    assert MESSAGE.startswith("Healthy Volunteers is 'Yes', yet the inclusion criteria admit only people with a "
                              "condition")
    assert "names no one who need not have it" in MESSAGE
