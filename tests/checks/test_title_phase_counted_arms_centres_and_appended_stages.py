"""A number after a title's phase that counts arms, centres, sites or countries ("A Phase 2, 3 Arm, Randomized
Study", "Phase III, 2-center Study") is no second phase (contradictions.title_phase_differs), and a phase alone after
a colon or a dash at the end of the title of a trial that lists no drug ("Wheelchair Skills (EPIC WheelS): Phase 2")
is its project's stage. Phases joined by a comma, and a phase so appended where a drug is listed, are still read."""
from __future__ import annotations

import pytest

from checks.title_phase import study_phase_findings

OFFICIAL = "studies.official_title"


def _severity(title: str, phase: str, drug_listed: bool = True) -> str | None:
    found = list(study_phase_findings("NCT0", [(OFFICIAL, title)], phase, False, drug_listed))
    return found[0].severity if found else None


@pytest.mark.parametrize("title, phase", [
    ("A Phase 2, 3 Arm, Randomized, Double-Blind Study of Drug X", "PHASE2"),
    ("A Randomized, Comparative Phase III, 2-center Study of Drug X", "PHASE3"),
    ("A Phase III, 2-Centre Trial of Drug X", "PHASE3"),
    ("A Phase II, 3-Armed Randomized Trial of Drug X", "PHASE2"),
    ("A Phase 3, 4 Site Study of Drug X", "PHASE3"),
    ("A Phase III, 2-Country Study of Drug X", "PHASE3"),
])
def test_a_number_counting_arms_or_centres_is_no_phase(title, phase):
    assert _severity(title, phase) is None


@pytest.mark.parametrize("title, phase, drug_listed", [
    ("Enhancing Participation in the Community by Improving Wheelchair Skills (EPIC WheelS): Phase 2", "PHASE1", False),
    ("A Walking Programme for Older Adults - Phase 2", "PHASE1", False),
    ("A Walking Programme for Older Adults: Phase II.", "PHASE3", False),
])
def test_a_stage_appended_to_the_title_of_a_trial_of_no_drug_is_the_projects(title, phase, drug_listed):
    assert _severity(title, phase, drug_listed) is None


@pytest.mark.parametrize("title, phase, drug_listed", [
    ("A Phase 2, 3 Study of Drug X", "PHASE2", True),
    ("A Phase II, III Randomized Trial of Drug X", "PHASE3", True),
    ("A Phase 1/2 Dose Escalation Study of Drug X", "PHASE1", True),
    ("A Randomized Phase III Multicenter Study of Drug X", "PHASE2", True),
    ("Drug X in Chronic Pain: Phase 2", "PHASE1", True),
    ("A Walking Programme With Drug X: Phase 2 Trial of Its Effects", "PHASE1", False),
    ("A Phase 2, Two-Arm Study of Drug X", "PHASE3", True),
])
def test_a_trials_phase_is_still_read(title, phase, drug_listed):
    assert _severity(title, phase, drug_listed) is not None
