"""Phrases of contradictions.criteria_numbering_gap: a list whose first criteria are bullets without numbers and whose
number before its first numbered line stands run on inside the last bullet's text ("-  If available, lung infiltrates
<50% present 3.\n 12-lead ECG at rest ..." then "4. The subject provides consent") loses no criterion: the bullets are
the criteria the numbers before count. Fewer bullets than the numbers before the run-on one, no run-on number, a
run-on number that is not the one before the list, and a list with no bullets above still fire."""
from __future__ import annotations

import pytest

from checks.criteria_gaps import numbering_gaps

INCLUSION, EXCLUSION = "Inclusion Criteria:\n\n", "\n\nExclusion Criteria:\n\n  -  None"
LAST_BULLET = ("  -  If available, X-ray or computed tomography-based lung infiltrates <50% present {}.\n"
               "     12-lead ECG at rest clinically normal at the screening visit.\n\n")
NUMBERED = ("     4. The subject provides her informed written consent before starting any study procedure.\n\n"
            "     5. Understand and agree to comply with planned study procedures.")


def criteria(bullets: int, run_on: str = "3") -> str:
    """Bulleted first criteria, the last with `run_on` run on inside it, then criteria numbered from 4."""
    first = "".join(f"  -  Criterion number {n} written as a bullet of the list\n\n" for n in range(1, bullets))
    return INCLUSION + first + LAST_BULLET.format(run_on) + NUMBERED + EXCLUSION


# (criteria text, the gaps read: (section, expected, found))
CASES = {
    # NCT04407182
    "bullets, then 3 run on inside the last one": (criteria(10), []),
    "as many bullets as the numbers before the run-on one": (criteria(2), []),
    # still fire
    "fewer bullets than the numbers before the run-on one": (criteria(1), [("inclusion", 1, 4)]),
    "no number run on inside the last bullet": (criteria(3, "that day"), [("inclusion", 1, 4)]),
    "another number run on inside the last bullet": (criteria(3, "2"), [("inclusion", 1, 4)]),
    "no bullets above the list": (
        INCLUSION + "Population over 18 years of age, mild disease present 3.\n12-lead ECG normal.\n\n" + NUMBERED
        + EXCLUSION, [("inclusion", 1, 4)]),
}


@pytest.mark.parametrize("name", CASES)
def test_bulleted_first_criteria_before_a_run_on_number_are_the_numbers_before(name):
    text, gaps = CASES[name]
    assert [(g.section, g.expected, g.found) for g in numbering_gaps(text)] == gaps
