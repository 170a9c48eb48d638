"""Arms and interventions stating no dose are passed over: the arm-dose findings stay those of reading every arm."""
from __future__ import annotations

import pytest

from checks.arm_stated_doses import read_arms, vocabulary
from checks.contradictions_arms import _arm_findings, study_dose_findings

BARICITINIB = [("Baricitinib", "Baricitinib 2 mg tablet once daily"), ("Placebo", "Matching placebo tablet once daily")]
LINKS = [("Baricitinib", "Baricitinib"), ("Placebo", "Placebo")]

# (arms, interventions, links, fires): studies whose findings must be the same both ways.
STUDIES = [
    ([("Baricitinib", "Baricitinib 4 mg once daily")], BARICITINIB, LINKS, True),
    ([("Baricitinib 4mg", None), ("Placebo", "Placebo once daily")], BARICITINIB, [], True),
    ([("Cohort 2", "Baricitinib once daily for 24 weeks")], BARICITINIB, [], False),  # a digit, no dose
    ([("Baricitinib", "Baricitinib 4 mg once daily")], [("Baricitinib", "Tablets once daily for 12 weeks")], [], False),
    ([("Baricitinib", "Baricitinib 4 mg once daily")], [], [], False),
    ([("Arm A", None), ("Arm B", "")], BARICITINIB, LINKS, False),
    ([("Baricitinib", "Baricitinib 4 mg once daily")], [("Baricitinib 2 mg", None)], [], False),  # a strength
    ([("Baricitinib", "Baricitinib 4 mg once daily")], [("Baricitinib 2 mg daily", None)], [], True),
    ([("Vitamin D", "Cholecalciferol 50 µg once daily – “high dose”")],
     [("Cholecalciferol", "Cholecalciferol 25 µg once daily")], [], True),
    ([("Vitamin D", "Cholecalciferol 50 µg once daily")], [("Cholecalciferol", "Cholecalciferol 50 mcg daily")],
     [], False),
    ([("Bras A – Ondansétron", "Ondansetron 8 mg per day, über 5 Tage")], [("Ondansetron", "Ondansetron 4 mg daily")],
     [], True),
    ([("Kol A – İlaç", "Metformin 500 mg twice daily")], [("Metformin", "Metformin 1000 mg twice daily, Stärke")],
     [], True),
    ([("İlaç", "İlaç 10 mg once daily")], [("İlaç", "Stärke: 20 mg once daily")], [], False),  # no drug word
    ([("Straße", "ﬁrst dose 1 g")], [("Straße", "no amount")], [], False),
]


def _every_arm(arms, interventions, links):
    drugs, given = vocabulary(arms, interventions), {}
    read = read_arms(arms, interventions, links, drugs)
    return [f for arm in arms for f in _arm_findings("NCT0", arm, read, drugs, given)]


@pytest.mark.parametrize("arms, interventions, links, fires", STUDIES)
def test_dose_findings_are_those_of_every_arm(arms, interventions, links, fires):
    found = list(study_dose_findings("NCT0", arms, interventions, links))
    assert found == _every_arm(arms, interventions, links)
    assert bool(found) is fires
