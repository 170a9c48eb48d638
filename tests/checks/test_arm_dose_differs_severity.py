"""contradictions.arm_dose_differs's severity: doses that state the same frequency ("2 mg once daily" against "4 mg once
daily") or differ by a power of ten alone (a slipped decimal point or unit prefix: 200 against 20 mg/m2, 6 mg against
6 mcg) are a warning; any other difference is info, as a per-day total, another phase, a titration step or a misread
free text differs too."""
from __future__ import annotations

import pytest

from checks.contradictions_arms import study_dose_findings

# (arm description, intervention description, severity: None a warning)
CASES = [
    ("Paclitaxel 200 mg/m2 IV", "Paclitaxel 20 mg/m2 IV", None),  # no frequency, a power of ten
    ("Paclitaxel 6 mg orally once daily", "Paclitaxel 6 mcg orally once daily", None),
    ("Paclitaxel 500 mg orally", "Paclitaxel 5 mg orally", None),
    ("Paclitaxel 2 mg orally once daily", "Paclitaxel 4 mg orally once daily", None),  # the same frequency
    ("Paclitaxel 5 mg orally twice daily", "Paclitaxel 10 mg orally twice daily", None),
    ("Paclitaxel 300 mg orally once daily", "Paclitaxel 300 mg orally twice daily", "info"),  # another frequency
    ("Paclitaxel 100 mg orally once daily", "Paclitaxel 10 mg orally twice daily", "info"),
    ("Paclitaxel 5 mg/kg IV", "Paclitaxel 100 mg/kg IV", "info"),  # no frequency, no power of ten
    ("Paclitaxel 2 mg orally", "Paclitaxel 4 mg orally once daily", "info"),  # one frequency only
]


@pytest.mark.parametrize("arm, intervention, severity", CASES, ids=[f"{a} / {i}" for a, i, _ in CASES])
def test_a_power_of_ten_is_a_warning_and_any_other_difference_info(arm, intervention, severity):
    found = list(study_dose_findings("NCT01000001", [("Paclitaxel arm", arm)], [("Paclitaxel", intervention)],
                                     [("Paclitaxel arm", "Paclitaxel")]))
    assert len(found) == 1, [f.message for f in found]
    assert found[0].severity == severity
