"""A programme's stages listed in a title under the plural, each with its own study's name, are no trial phases
(contradictions.title_phase_differs): "Childhood Asthma Management Program (CAMP) Phases I (Trial), II (CAMPCS), III
(CAMPCS/2), and IV (CAMPCS/3)" names the trial and the studies that continued it. A trial's own phases, with or
without their parts in brackets, are still compared with the record's."""
from __future__ import annotations

import pytest

from checks.title_phase import study_phase_findings

BRIEF = "studies.brief_title"


def _fires(title: str, phase: str = "PHASE3") -> bool:
    return bool(list(study_phase_findings("NCT0", [(BRIEF, title)], phase)))


@pytest.mark.parametrize("title", [
    "Childhood Asthma Management Program (CAMP) Phases I (Trial), II (CAMPCS), III (CAMPCS/2), and IV (CAMPCS/3)",
    "Women's Health Study Phases I (WHS), II (WHS-FU) and III (WHS-EX)",
])
def test_a_programmes_named_stages_name_no_trial_phase(title):
    assert not _fires(title)


@pytest.mark.parametrize("title", [
    "Phases I (dose finding) and II (expansion) of Drug X",
    "Phases I (Dose Finding), II (Expansion) of Drug X",
    "Phases I (dose finding), II (expansion) and III (confirmation)",
    "A Study of Drug X: Phases I and II",
    "Childhood Asthma Management Program Phase II",
])
def test_a_trials_phases_are_still_compared(title):
    assert _fires(title)
