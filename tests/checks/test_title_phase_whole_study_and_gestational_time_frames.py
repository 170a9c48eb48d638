"""Titles that name a part's phase and the whole study's, and time frames of gestational or corrected ages, extensions'
visits and decimal commas.

contradictions.title_phase_differs and contradictions.observational_title_phase: a title that names the phase of the
whole study this record is a part of ("Phase 2 Part of a Phase 1/2 Study", "Phase 1 Lead-in to a Phase 2 Trial", "A
Pharmacokinetic Sub-study of a Phase 3 Trial"), a labelled part's phase ("Sub-study 1 (Phase 1b)"), or the phase of a
study the record follows ("A Phase 3 Trial Long-term Follow-up Study"). dates.primary_completion_before_time_frame: a
gestational age ("36 weeks GA", "34 weeks of amenorrhea"), a corrected age ("18 months CA"), an extension's visit
("Week 52 (OLE)"), an approximation ("ca. 12 months"), a study-level date ("36 months (data cut-off)") and a half
written with a decimal comma ("1,5 years").
"""
from __future__ import annotations

import pytest

from checks.time_frames import RULE_ID as TIME_FRAME_RULE_ID
from checks.time_frames import RULES as TIME_FRAME_RULES
from checks.time_frames import time_point
from checks.title_phase import observational_phase_findings, study_phase_findings
from tests.checks import harness
from tests.checks.cases_time_frames import time_frame_study

OFFICIAL = "studies.official_title"


def _severity(title: str, phase: str) -> str | None:
    found = list(study_phase_findings("NCT0", [(OFFICIAL, title)], phase))
    return found[0].severity if found else None


# (title, studies.phase): the record is the part the title names, or the whole study, or both; or the phase is of a
# labelled part beside the whole study's, or of a study this one follows or lies within. Each fired before.
PART_OR_WHOLE_QUIET = [
    ("Phase 2 Part of a Phase 1/2 Study of Drug X in Advanced Solid Tumors", "PHASE2"),
    ("Phase 1 Lead-in to a Phase 2 Randomized Trial of Drug X in Metastatic Melanoma", "PHASE1"),
    ("Phase 1 Lead-in to a Phase 2 Randomized Trial of Drug X in Metastatic Melanoma", "PHASE1/PHASE2"),
    ("A Phase 1b Cohort of a Phase 2 Study of Drug X in Relapsed Myeloma", "PHASE1"),
    ("Pharmacokinetic Sub-study of a Phase 3 Trial of Drug X in Children With Epilepsy", "PHASE1"),
    ("Safety Run-in for a Phase 3 Trial of Drug X Plus Chemotherapy in Gastric Cancer", "PHASE1"),
    ("A Phase 2 Study of Drug X as Part of a Phase 3 Master Protocol in Squamous NSCLC", "PHASE2"),
    ("A Phase 2 Platform Trial of Novel Agents in Metastatic Prostate Cancer: Sub-study 1 (Phase 1b)", "PHASE2"),
    ("A Two-part Study of Drug X: Part A (Phase 1b) and Part B (Phase 2)", "PHASE1/PHASE2"),
    ("Phase 2 Study of Drug X With Pembrolizumab (KEYNOTE-123 Phase 3 Substudy)", "PHASE2"),
    ("A Phase 3 Trial Extension Study of Drug X in Plaque Psoriasis", "PHASE2"),
    ("Phase III Study Extension of Drug X in Moderate to Severe Psoriasis", "PHASE4"),
]


@pytest.mark.parametrize("title, phase", PART_OR_WHOLE_QUIET, ids=[f"{c[1]}:{c[0][:50]}" for c in PART_OR_WHOLE_QUIET])
def test_a_parts_phase_beside_the_whole_studys_agrees_with_either(title, phase):
    assert _severity(title, phase) is None


# (title, studies.phase, severity): the record gives neither the part's phase nor the whole's, or a title lists its
# parts' phases and the record gives only one; and nearby titles whose phase is still this study's.
STILL_DIFFERS = [
    ("Phase 2 Part of a Phase 1/2 Study of Drug X in Advanced Solid Tumors", "PHASE3", "warning"),
    ("A Phase 1b Cohort of a Phase 2 Study of Drug X in Relapsed Myeloma", "PHASE3", "warning"),
    ("A Phase 2 Portion of a Phase 2/3 Study of Drug X in Hospitalized COVID-19", "PHASE1", "warning"),
    ("A Two-part Study of Drug X: Part A (Phase 1b) and Part B (Phase 2)", "PHASE2", "warning"),
    ("Stage 1: Phase 1 Dose Escalation; Stage 2: Phase 2 Randomized Expansion of Drug X", "PHASE2", "warning"),
    ("Drug X in Solid Tumors. Part A: Phase 1 Dose Escalation. Part B: Phase 2 Expansion", "PHASE3", "warning"),
    ("A Randomized Phase 2 Trial With Long-term Follow-up of Drug X in Lupus Nephritis", "PHASE3", "warning"),
    ("A Phase 2 Trial and Long-term Follow-up of Drug X in Lupus Nephritis", "PHASE3", "warning"),
    ("A Multi-arm, Multi-stage Phase III Trial of Drug X in Prostate Cancer", "PHASE2", "warning"),
    ("A Phase 1b/2 Study of Drug X With Pembrolizumab in Urothelial Cancer", "PHASE2", "warning"),
]


@pytest.mark.parametrize("title, phase, severity", STILL_DIFFERS, ids=[f"{c[1]}:{c[0][:50]}" for c in STILL_DIFFERS])
def test_a_title_whose_phases_the_record_does_not_give_still_fires(title, phase, severity):
    assert _severity(title, phase) == severity


def test_a_single_labelled_part_is_read_only_as_a_title_reads_any_phase():
    """One labelled part's phase with no study word ("Part 1 (Phase 1): Dose Escalation") may be one part of many."""
    assert _severity("Part 1 (Phase 1): Dose Escalation of Drug X in Advanced Solid Tumors", "PHASE2") is None
    assert _severity("Part 1 (Phase 1): A Dose Escalation Study of Drug X in Solid Tumors", "PHASE2") == "warning"


def test_the_message_names_the_parts_phase_the_title_gives_this_record():
    [found] = study_phase_findings("NCT0", [(OFFICIAL, "Phase 2 Part of a Phase 1/2 Study of Drug X")], "PHASE3")
    assert found.message == ("The official title names this study's phase as 'Phase 2', while the record gives "
                             "Phase 3.")


def test_an_observational_follow_up_of_a_named_trial_stays_quiet():
    assert list(observational_phase_findings("NCT0", [(OFFICIAL, "A Phase 3 Trial Long-term Follow-up Study")])) == []
    assert list(observational_phase_findings("NCT0", [(OFFICIAL, "A Phase 3 Trial of Drug X With Long-term "
                                                                 "Follow-up")])) != []


@pytest.mark.parametrize("title, phase", [
    ("A Phase I-b, Open-label, Dose-escalation Study of Drug X in Advanced Solid Tumors", "PHASE1/PHASE2"),
    ("A Phase II-b, Randomized, Double-blind Study of Drug X in NASH With Fibrosis", "PHASE2/PHASE3"),
])
def test_a_subphase_after_a_hyphen_bridges_as_one_written_together(title, phase):
    assert _severity(title, phase) is None


def test_a_subphase_after_a_hyphen_is_quoted_with_its_phase():
    [found] = study_phase_findings("NCT0", [(OFFICIAL, "A Phase III-B Study of Drug X in Patients With COPD")],
                                   "PHASE4")
    assert "'Phase III-B'" in found.message and found.severity == "warning"
    assert _severity("Phase 2 - A Randomized Study of Drug X in Gout", "PHASE1/PHASE2") == "info"


@pytest.mark.parametrize("title", [
    "Phase 2 Clinical Validation of a Blood Test for Early Detection of Lung Cancer",
    "Phase I Sample Collection Study for Assay Development in Sepsis",
    "A Phase 1 Study of Drug X in Children With Leukaemia (Retrospective Chart Review)",
    "Phase II Trial Participants' Quality of Life: an Interview Study",
])
def test_an_observational_title_of_assay_research_a_chart_review_or_a_trials_members_stays_quiet(title):
    assert list(observational_phase_findings("NCT0", [(OFFICIAL, title)])) == []


@pytest.mark.parametrize("title", [
    "Prospective Phase 2 Study of Hypofractionated Radiotherapy in Elderly Glioblastoma",
    "A Phase 2 Trial of Drug X in Patients With Sepsis",
])
def test_an_observational_title_that_names_a_trial_of_its_own_still_fires(title):
    assert list(observational_phase_findings("NCT0", [(OFFICIAL, title)])) != []


# Time frames that give no time point every participant reaches from the study's start (each read one before).
NO_TIME_POINT = [
    "36 weeks GA",
    "At 36 weeks' GA",
    "GA 36 weeks",
    "Doppler indices at 34 weeks of amenorrhea",
    "At 34 weeks' amenorrhoea (WA)",
    "Bayley-III at 18 months CA",
    "Week 52 (OLE)",
    "Through Week 52 in the LTE",
    "ca. 12 months",
    "12 months (ca.)",
    "cca 12 months after surgery",
    "appr. 12 months",
    "36 months (data cut-off)",
    "Month 24 (DCO)",
    "Week 52 (database lock)",
]


@pytest.mark.parametrize("time_frame", NO_TIME_POINT)
def test_a_gestational_or_corrected_age_an_extensions_visit_or_an_approximation_gives_no_time_point(time_frame):
    assert time_point(time_frame) is None


# (time frame, days, said): nearby time frames still read, a decimal comma read as the smaller reading.
READ = [
    ("Change in GA lesion area from baseline to Month 12", 365.25, "Month 12"),
    ("CA-125 at 6 months", 182.625, "6 months"),
    ("Serum CA 125 at 3 months", 91.3125, "3 months"),
    ("Gait speed at 12 weeks", 84, "12 weeks"),
    ("Role functioning (EORTC QLQ-C30) at 12 months", 365.25, "12 months"),
    ("Cut-off value of HbA1c at 12 months", 365.25, "12 months"),
    ("1,5 years", 547.875, "1.5 years"),
    ("0,5 years after randomization", 182.625, "0.5 years"),
    ("2,5 months after surgery", 76.09375, "2.5 months"),
    ("Day 1,14", 14, "Day 14"),
    ("3,6 months", 182.625, "6 months"),
    ("1,5 and 12 months", 365.25, "12 months"),
]


@pytest.mark.parametrize("time_frame, days, said", READ, ids=[r[0][:50] for r in READ])
def test_nearby_time_frames_are_read_and_a_decimal_comma_as_its_smaller_reading(time_frame, days, said):
    point = time_point(time_frame)
    assert point is not None and (round(point.days, 4), point.said) == (round(days, 4), said)


def test_the_rule_reads_these_time_frames_from_the_warehouse(tmp_path):
    """Two years from the start to the primary completion: '1,5 years' (18 months) is reached, '5 years' is not; a
    gestational or corrected age and an extension's visit say nothing of a span of two months, 'Week 52' does."""
    studies = {
        "NCT00000001": time_frame_study("1,5 years", "2020-01", "2022-01"),
        "NCT00000002": time_frame_study("Doppler indices at 34 weeks of amenorrhea", "2021-01", "2021-03"),
        "NCT00000003": time_frame_study("Bayley-III at 18 months CA", "2021-01", "2021-03"),
        "NCT00000004": time_frame_study("Week 52 (OLE)", "2021-01", "2021-03"),
        "NCT00000005": time_frame_study("5 years", "2020-01", "2022-01"),
        "NCT00000006": time_frame_study("Week 52", "2021-01", "2021-03"),
    }
    flagged = harness.flagged_studies(tmp_path, studies, TIME_FRAME_RULES)[TIME_FRAME_RULE_ID]
    assert flagged == {"NCT00000005", "NCT00000006"}
