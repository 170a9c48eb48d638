"""contradictions.title_phase_differs: a phase after the study its people were treated, enrolled or dosed in
("Retreatment of Recurrent Contractures in Joints Effectively Treated With AA4500 in an Auxilium-sponsored Phase 3
Study") is that study's, not this one's. A title that names its own phase before its people, or names a phase
without saying they were treated in it, is still compared with the record's."""
from __future__ import annotations

import pytest

from checks.title_phase import study_phase_findings

OFFICIAL = "studies.official_title"


def _fires(title: str, phase: str = "PHASE4") -> bool:
    return bool(list(study_phase_findings("NCT0", [(OFFICIAL, title)], phase)))


# (title, whether the rule fires on a Phase 4 record)
CASES = [
    # NCT01498640
    ("Retreatment of Recurrent Contractures in Joints Effectively Treated With AA4500 (Collagenase Clostridium "
     "Histolyticum [XIAFLEX®/XIAPEX®]) in an Auxilium-sponsored Phase 3 Study in the United States, Australia, and "
     "Europe", False),
    ("Long-term Safety in Patients Enrolled in a Phase 3 Study of Drug X", False),
    ("Antibody Persistence in Children Vaccinated During a Phase 3 Trial of Vaccine X", False),
    # still this study's phase
    ("Retreatment of Recurrent Contractures in a Phase 3 Study in the United States", True),
    ("A Phase 3 Study of Drug X in Patients Treated With Methotrexate", True),
    ("Patients Treated With Drug X: A Phase 3 Study", True),
]


@pytest.mark.parametrize("title, fires", CASES, ids=[title[:50] for title, _ in CASES])
def test_the_phase_of_the_study_people_were_treated_in(title, fires):
    assert _fires(title) is fires
