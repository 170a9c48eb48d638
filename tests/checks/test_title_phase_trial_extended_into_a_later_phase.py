"""A title that names a trial's phase and the later phase the trial was extended to ("A Randomized Phase II Trial of X.
Amendment Protocol: Extension to a Randomized Phase III Trial", "..., Extended to Phase III"), against an extension
study's title, whose phase after "extension to" or "of" is its parent study's.

contradictions.title_phase_differs: the record may give the trial's first phase, the later one or both.
"""
from __future__ import annotations

import pytest

from checks.title_phase import study_phase_findings
from checks.title_phase_mentions import title_mentions

OFFICIAL = "studies.official_title"
AMENDED = ("A Randomized Phase II Trial of Interferon Alfa With and Without Isotretinoin in Renal Cell Carcinoma. "
           "Amendment Protocol: Extension to a Randomized Phase III Trial")
EXTENDED = "A Randomized Phase II Trial of Drug X in Metastatic Melanoma, Extended to Phase III"


def _severity(title: str, phase: str) -> str | None:
    found = list(study_phase_findings("NCT0", [(OFFICIAL, title)], phase))
    return found[0].severity if found else None


# (title, studies.phase): the trial grew into the later phase; the record gives the first, the later or both. Each
# fired before but the first-phase ones.
EXTENDED_AGREES = [
    (AMENDED, "PHASE3"),
    (AMENDED, "PHASE2/PHASE3"),
    (EXTENDED, "PHASE3"),
    (EXTENDED, "PHASE2/PHASE3"),
    ("A Phase I Study of Drug X in Solid Tumours With Extension Into Phase II", "PHASE2"),
    ("A Phase I Study of Drug X in Solid Tumours With Extension Into Phase II", "PHASE1/PHASE2"),
    ("A Randomized Phase II Trial of Drug X: Extension to a Randomized, Double-blind Phase III Trial", "PHASE3"),
    (AMENDED, "PHASE2"),
    (EXTENDED, "PHASE2"),
]


@pytest.mark.parametrize("title, phase", EXTENDED_AGREES, ids=[f"{c[1]}:{c[0][-40:]}" for c in EXTENDED_AGREES])
def test_a_trial_extended_into_a_later_phase_agrees_with_either_phase(title, phase):
    assert _severity(title, phase) is None


# (title, studies.phase, severity): the record gives neither phase, or the phase after "extension to" or "of" is an
# extension study's parent: an extension study's own words ("Extension Study to", "Open-label Extension to"), a phase
# not later than the title's first, or no phase of the trial named before it.
STILL_DIFFERS = [
    (AMENDED, "PHASE1", "warning"),
    (EXTENDED, "PHASE4", "warning"),
    ("A Phase 2, Open-label Extension to a Phase 1 Study of Drug X in Gaucher Disease", "PHASE1", "warning"),
    ("A Phase 2 Study of Drug X in Gaucher Disease, Extension to a Phase 1 Study", "PHASE1", "warning"),
    ("A Phase 2 Trial of Drug X; Extension Study to a Phase 3 Trial in Gaucher Disease", "PHASE3", "warning"),
    ("A Phase 2 Trial of Drug X, Extension Into the Phase 3 ABC Trial", "PHASE3", "warning"),
    ("A Phase 3 Trial of Drug X in Asthma, Extended to a Phase 3 Long-term Safety Cohort", "PHASE2", "warning"),
]


@pytest.mark.parametrize("title, phase, severity", STILL_DIFFERS, ids=[f"{c[1]}:{c[0][:50]}" for c in STILL_DIFFERS])
def test_a_phase_the_record_does_not_give_or_a_parent_studys_still_differs(title, phase, severity):
    assert _severity(title, phase) == severity


# An extension study's title: the phase after "of", "to" or "for" is its parent study's, never this study's.
PARENTS_ONLY = [
    "Open-Label Extension of the Phase 3 Study of Drug X",
    "Extension of the Phase III ABC Trial of Drug X in Psoriasis",
    "Extension to a Randomized Phase III Trial of Drug X in Psoriasis",
    "Long-term Extension Study to a Phase 2 Study of Drug X",
    "Extension Study for Phase I/II Study X-101",
]


@pytest.mark.parametrize("title", PARENTS_ONLY)
def test_an_extension_studys_parent_phase_is_no_phase_of_this_study(title):
    assert title_mentions(title) == []
    assert _severity(title, "PHASE2") is None


def test_the_first_phase_stays_the_trials_own_where_the_record_gives_another():
    """The message names the trial's first phase, the one the title states as its own."""
    (finding,) = study_phase_findings("NCT0", [(OFFICIAL, AMENDED)], "PHASE1")
    assert "'Phase II'" in finding.message and "'Phase III'" not in finding.message
