"""contradictions.arm_dose_differs's severity: doses that differ by a power of ten alone (a slipped decimal point or
unit prefix: 200 against 20 mg/m2, 6 mg against 6 mcg) are a warning; any other difference is info, as another
phase, a titration step, a per-day total or a misread free text differs too."""
from __future__ import annotations

import pytest

from checks.contradictions_arms import study_dose_findings

# (arm description, intervention description, severity: None a warning)
CASES = [
    ("Paclitaxel 200 mg/m2 IV every 3 weeks", "Paclitaxel 20 mg/m2 IV every 3 weeks", None),
    ("Paclitaxel 6 mg orally once daily", "Paclitaxel 6 mcg orally once daily", None),
    ("Paclitaxel 500 mg orally once daily", "Paclitaxel 5 mg orally once daily", None),
    ("Paclitaxel 5 mg orally twice daily", "Paclitaxel 10 mg orally twice daily", "info"),
    ("Paclitaxel 300 mg orally once daily", "Paclitaxel 300 mg orally twice daily", "info"),
    ("Paclitaxel 5 mg/kg IV every 2 weeks", "Paclitaxel 100 mg/kg IV every 2 weeks", "info"),
    ("Paclitaxel 100 mg orally once daily", "Paclitaxel 10 mg orally twice daily", "info"),
]


@pytest.mark.parametrize("arm, intervention, severity", CASES, ids=[f"{a} / {i}" for a, i, _ in CASES])
def test_a_power_of_ten_is_a_warning_and_any_other_difference_info(arm, intervention, severity):
    found = list(study_dose_findings("NCT01000001", [("Paclitaxel arm", arm)], [("Paclitaxel", intervention)],
                                     [("Paclitaxel arm", "Paclitaxel")]))
    assert len(found) == 1, [f.message for f in found]
    assert found[0].severity == severity
