"""A title that joins a dose-finding part to a Phase 2 ("Dose Finding and Phase II Study of X") names a Phase 1 part
and a Phase 2 part: it agrees with a record that gives Phase 1/Phase 2 (contradictions.title_phase_differs). "Phase
I-ll", two small L's typed for "II" after "Phase I-", is Phase I-II. A Phase 2 study's own dose finding ("Dose-Finding
Phase II Study"), dose ranging, and small L's anywhere else name no Phase 1 part and no Phase 2."""
from __future__ import annotations

import pytest

from checks.title_phase import study_phase_findings

OFFICIAL = "studies.official_title"
PHASE_1_2 = "PHASE1/PHASE2"


def _severities(title: str, phase: str) -> list[str | None]:
    return [f.severity for f in study_phase_findings("NCT0", [(OFFICIAL, title)], phase)]


@pytest.mark.parametrize("title", [
    "Dose Finding and Phase II Study of STI 571 in Advanced Soft Tissue Sarcoma",
    "Dose-Escalation and Phase 2 Study of Drug X in Solid Tumours",
    "Dose-Finding Followed by Phase II Study of Drug X",
    "A Dose Escalation Study and Phase II Expansion of Drug X",
    "Dose-Finding, Followed by a Randomized Phase II Trial of Drug X Versus Drug Y",
    "Dose Escalating and Phase II Trial of Drug X Plus Radiotherapy",
    "A One-arm Monocentric Phase I-ll Trial of Drug X",
    "Drug X in Relapsed Lymphoma: a Phase I/lla Trial",
    "A Phase I / ll Study of Drug X",
])
def test_a_dose_finding_part_or_ells_for_two_agree_with_phase_1_2(title):
    assert _severities(title, PHASE_1_2) == []


@pytest.mark.parametrize(("title", "phase", "severities"), [
    # A Phase 2 study's own dose finding, and dose ranging, are Phase 2's: a near miss of Phase 1/Phase 2.
    ("Dose-Finding Phase II Study of Drug X", PHASE_1_2, ["info"]),
    ("Dose Ranging and Phase II Study of Drug X", PHASE_1_2, ["info"]),
    ("A Phase II Dose-Finding Study of Drug X", PHASE_1_2, ["info"]),
    # A dose-finding part joined to a phase other than 2 names no Phase 1 part.
    ("Dose Finding and Phase III Study of Drug X", "PHASE2/PHASE3", ["info"]),
    # Joined to a Phase 2, it still disagrees with a record of another phase.
    ("Dose Finding and Phase II Study of Drug X", "PHASE3", ["warning"]),
    # Small L's read as II only right after "Phase I-" or "Phase I/".
    ("A Phase I-ll Trial of Drug X", "PHASE3", ["warning"]),
    ("A Phase II-ll Trial of Drug X", PHASE_1_2, ["info"]),
    ("A Phase I Trial of Drug X, Illinois", PHASE_1_2, ["info"]),
    ("A Phase I-llama Trial of Drug X", PHASE_1_2, ["info"]),
])
def test_other_dose_words_and_small_ls_elsewhere_are_read_as_before(title, phase, severities):
    assert _severities(title, phase) == severities


def test_a_phase_i_ll_title_names_both_phases_against_a_phase_2_record():
    [finding] = study_phase_findings("NCT0", [(OFFICIAL, "A Phase I-ll Trial of Drug X")], "PHASE2")
    assert finding.severity == "warning"
    assert finding.message == ("The official title names this study's phase as 'Phase I-ll', while the record gives "
                               "Phase 2; the registry gives a trial of both phases as Phase 1/Phase 2.")


def test_a_dose_finding_part_beside_a_phase_2_record_stays_quiet():
    assert _severities("Dose Finding and Phase II Study of Drug X", "PHASE2") == []
