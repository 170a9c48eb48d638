"""The phase a title names and the reason a record gives for stopping, on the wordings that could fool the rules.

Titles: the phases of a study's parts, labelled after the phase or named as a later part ("Phase 2 (Part A) Followed
by Randomized Phase 3 (Part B)", "A Phase 1 Study Followed by Phase 2 Expansion Cohorts"), which together give the
record's combined phase; a phase joined to another study's ("Participants From a Phase 2 (Part A) and Phase 3 (Part
B) Study"); a likeness ("Phase III-like"); subphases, Phase 0, Early Phase 1, "Fase III", "Phase-II", "PHASE 1/2a",
"Phase 4 (post-marketing)", pivotal and registration trials, stages and parts. Reasons for stopping: those real
records give ("Sponsor decision", "Business reasons", "COVID-19", "Slow accrual", "PI left institution"), placeholders
and the status said again ("N/A", "Early stop", "Study closure"), a reason withheld ("Confidential"), and a COMPLETED
study's reason that only says it ran its course ("Study was completed, no reason for stopping") against one that says
it ended early. Titles are judged without a warehouse; the reasons share one, built once for the module.
"""
from __future__ import annotations

import pytest

from checks import status
from checks.title_phase import observational_phase_findings, study_phase_findings
from tests.checks import harness

WARNING, INFO = "warning", "info"

# (title, studies.phase, severity or None). Marked "before": judged otherwise before (the old severity given).
TITLES = [
    # A study's parts, each with its phase: together the record's combined phase.
    ("Phase 2 (Part A) Followed by Randomized Phase 3 (Part B) of Drug X in COVID-19", "PHASE2/PHASE3",
     None),  # before: info
    ("A Phase 2 Dose-Ranging (Part A) Followed by a Randomized Phase 3 Part (Part B) of Drug X", "PHASE2/PHASE3",
     None),  # before: info
    ("Phase 2 (Part A) Followed by Phase 3 (Part B): A Study of Drug X", "PHASE2/PHASE3", None),  # before: info
    ("A Phase 2 Part Followed by a Phase 3 Part of Drug X in Asthma", "PHASE2/PHASE3", None),  # before: info
    ("A Randomized Phase 2 Trial Followed by Phase 3 Expansion of Drug X", "PHASE2/PHASE3", None),  # before: info
    ("Phase 1 Dose Escalation Followed by Phase 2 Expansion of Drug X", "PHASE1/PHASE2", None),  # before: info
    ("A Phase 1 Study Followed by Phase 2 Expansion Cohorts", "PHASE1/PHASE2", None),  # before: info
    ("A Phase I Study With Expansion Into Phase II", "PHASE1/PHASE2", None),  # before: info
    ("A Phase 2 Study With a Phase 1b Safety Run-in", "PHASE1/PHASE2", None),  # before: info
    ("Phase 2 Study of Drug X With Phase 3 Part", "PHASE2/PHASE3", None),  # before: info
    ("A Phase 2 Study of Drug X (Part A) and Phase 3 (Part B)", "PHASE2/PHASE3", None),  # before: info
    ("Randomized Phase II Trial of Drug X Versus Drug Y, With a Phase III Expansion", "PHASE2/PHASE3",
     None),  # before: info
    ("Phase 1b Dose Escalation Then Phase 2 Expansion of Drug X in NSCLC", "PHASE1/PHASE2", None),
    ("Phase I/II Study of Drug X; Phase I Dose Escalation Followed by Phase II Expansion", "PHASE1/PHASE2", None),
    ("Randomized Phase II Trial of Drug X Versus Drug Y, With a Phase III Expansion", "PHASE2", None),
    # The same parts against a record that gives one phase or another: the registry gives such a trial both phases.
    ("Phase 2 (Part A) Followed by Randomized Phase 3 (Part B) of Drug X in COVID-19", "PHASE2",
     WARNING),  # before: quiet
    ("Phase 2 (Part A) Followed by Randomized Phase 3 (Part B) of Drug X in COVID-19", "PHASE3", WARNING),
    ("Phase 2 (Part A) Followed by Randomized Phase 3 (Part B) of Drug X in COVID-19", "PHASE1", WARNING),
    ("A Phase 1 Study Followed by Phase 2 Expansion Cohorts", "PHASE3", WARNING),
    ("Phase 1 Dose Escalation Followed by Phase 2 Expansion of Drug X", "PHASE2", WARNING),
    # One phase of the record's two, with nothing in the title naming the other: info.
    ("A Phase 2 Study of Drug X in Asthma", "PHASE2/PHASE3", INFO),
    ("A Phase 1 Study of Drug X With Pharmacokinetic Expansion", "PHASE1/PHASE2", INFO),
    ("A Phase 2 Study of Drug X With Phase 3 Dose Selection", "PHASE2/PHASE3", INFO),
    # A likeness names no phase of the trial's own.
    ("A Phase III-like Pragmatic Trial of Exercise", "NA", None),  # before: warning
    ("A Phase III-like Pragmatic Trial of Exercise", "PHASE2", None),  # before: warning
    ("A Phase 3-like Registry-based Randomised Trial of Aspirin", "NA", None),  # before: warning
    ("A Phase III Trial Like No Other", "NA", WARNING),
    # Subphases, Phase 0, Early Phase 1, other languages' and hyphenated spellings, combinations.
    ("A Phase IIb Study of Drug X", "PHASE2", None),
    ("A Phase IIb Study of Drug X", "PHASE2/PHASE3", None),
    ("A Phase IIb Study of Drug X", "PHASE3", WARNING),
    # "Ph" before a phase's number is the word abbreviated; leukaemia titles write the Philadelphia chromosome so
    # ("Ph+ ALL", "Ph-like"), which is no phase.
    ("Ph 1b/2 Study of Drug X", "PHASE3", WARNING),
    ("A Phase 2 Study of Drug X in Ph-like Acute Lymphoblastic Leukemia", "PHASE2", None),
    ("A Phase 0 Study of Drug X", "PHASE1", INFO),
    ("A Phase 0 Study of Drug X", "EARLY_PHASE1", None),
    ("Early Phase 1 Study of Drug X", "PHASE1", INFO),
    ("An Early Phase 1 Study of Drug X", "EARLY_PHASE1", None),
    ("Early Phase 1 Study of Drug X", "PHASE2", WARNING),
    ("Estudio Fase III de Drug X", "PHASE3", None),
    ("Studio di Fase III, Randomizzato", "PHASE3", None),
    ("Phase-II Study of Drug X", "PHASE2", None),
    ("Phase-II Study of Drug X", "PHASE3", WARNING),
    ("PHASE 1/2a STUDY OF DRUG X", "PHASE1/PHASE2", None),
    ("PHASE 1/2a STUDY OF DRUG X", "PHASE2", WARNING),
    ("A Phase II/III Pivotal Study", "PHASE2", WARNING),
    ("A Phase 3b Study of Drug X", "PHASE3", None),
    ("A Phase 3b/4 Study of Drug X", "PHASE4", None),
    ("Phase IIa Proof-of-Concept Study", "PHASE2", None),
    ("Phase 1a/1b Study of Drug X", "PHASE1", None),
    ("Phase 4 (post-marketing) Study of Drug X", "PHASE4", None),
    ("Phase 4 (Post-marketing) Study of Drug X", "PHASE3", WARNING),
    # No phase named: phase-appropriate work, pivotal and registration trials, stages, parts, counted phases.
    ("Phase-appropriate Manufacturing of Cell Product X: a Pilot Study", "NA", None),
    ("Phase-appropriate Potency Assay Development for a Phase 1 Trial of CAR-T Cells", "PHASE1", None),
    ("Pivotal Study of Device X", "NA", None),
    ("Registration Trial of Drug X", "NA", None),
    ("Pivotal Phase 3 Registration Trial of Drug X", "PHASE3", None),
    ("Stage 2 Study of Drug X", "NA", None),
    ("Part 2 of a Study of Drug X", "NA", None),
    ("Phase 2 Study of Drug X (Part 1 of 2)", "PHASE2", None),
    ("Phase 2 Portion of a Phase 1/2 Study of Drug X", "PHASE1/PHASE2", None),
    ("Phase 2 Portion of a Phase 1/2 Study of Drug X", "PHASE2", None),
    ("A Three-Phase Study of Behavioural Therapy", "NA", None),
    ("A Two Phase Trial of Exercise", "NA", None),
    ("Phase I Cardiac Rehabilitation Trial", "NA", None),
    ("Phase One: Development of an App; Phase Two: Pilot Trial", "NA", None),
    ("A Randomised Phase II Trial; Stage 1 and Stage 2 Cohorts", "PHASE2", None),
    # Another study's phases, joined as one study's.
    ("Extension Study for Participants From the Phase 2 Study ABC-201 and Phase 3 Study ABC-301", "PHASE3", None),
    ("Open-label Extension of Phase 2 and Phase 3 Studies of Drug X", "PHASE3", None),
    ("A Study in Patients From a Phase 1 Trial and a Phase 2 Cohort", "PHASE1", None),
    ("A Phase 2 Study of Drug X and Phase 3 Study of Drug Y", "PHASE2", WARNING),
]

# (title of an observational study, whether it is flagged). Marked "before": judged otherwise before.
OBSERVATIONAL_TITLES = [
    ("Follow-up of Participants From a Phase 2 (Part A) and Phase 3 (Part B) Study of Drug X", False),  # before
    ("Long-term Follow-up of Patients From Phase 1 or Phase 2 Trials of Gene Therapy X", False),
    ("Phase 4 (post-marketing) Study of Drug X", False),
    ("A Phase III-like Observational Cohort", False),
    ("A Phase III-like Cohort of Drug X Users", False),
    ("A Phase IIb Study of Drug X", True),
    ("Phase 0 Microdosing Study of Drug X", True),
    ("Phase 2 (Part A) Followed by Phase 3 (Part B) of Drug X", True),
]


@pytest.mark.parametrize(("title", "phase", "expected"), TITLES, ids=[f"{t} [{p}]" for t, p, _ in TITLES])
def test_the_phase_a_title_names_against_the_record(title, phase, expected):
    found = list(study_phase_findings("NCT00000001", [("studies.official_title", title)], phase))
    assert [f.severity for f in found] == ([expected] if expected else []), [f.message for f in found]


@pytest.mark.parametrize(("title", "flagged"), OBSERVATIONAL_TITLES, ids=[t for t, _ in OBSERVATIONAL_TITLES])
def test_the_phase_an_observational_studys_title_names(title, flagged):
    found = list(observational_phase_findings("NCT00000001", [("studies.official_title", title)]))
    assert bool(found) is flagged


STOPPED = "status.stopped_without_reason"
COMPLETED_REASON = "status.completed_with_reason_stopped"
# Reasons a stopped study gives: each names something (who, what, why), however short.
STOPPED_A_REASON = (
    "Sponsor decision", "Business reasons", "Business decision", "COVID-19", "Covid", "Slow accrual",
    "PI left institution", "PI left the institution", "See results", "Please see results section", "See protocol",
    "Terminated early due to futility at interim analysis", "Terminated by sponsor", "Lack of funding",
    "Low enrollment", "Poor recruitment", "Futility", "Safety", "Strategic reasons", "Administrative reasons",
    "Closed by sponsor", "Study closed by IRB", "Investigator decision", "Per sponsor", "At the request of the sponsor",
    "Terminated for reasons not related to safety", "Company decision", "Drug supply", "Personal reasons",
    "Confidential business reasons", "Site closure", "Closure of the study site", "Stop of funding",
)
# Reasons that name none: placeholders, the status said again, a reason withheld. Marked "before": quiet before.
STOPPED_NO_REASON = (
    "N/A", "NA", "n.a.", "Not applicable", "Not Applicable - study terminated", "Other", "Unknown reason", "-", ".",
    "Study terminated", "Study was terminated early.", "Early termination", "Terminated prematurely", "Halted",
    "The trial was stopped.", "Closed", "Study ended early", "Stopped for other reasons", "Reason not given",
    "Confidential",  # before
    "Reason is confidential",  # before
    "Early stop",  # before
    "Stop",  # before
    "Study closure",  # before
    "Early closure",  # before
)
# A COMPLETED study's reason that only says it ran its course, or gives none. Marked "before": flagged before.
COMPLETED_NO_REASON = (
    "Study was completed as planned", "Study completed", "N/A", "Not applicable - study completed",
    "Not Applicable - Study Completed", "enrollment goal met", "Accrual goal met", "Study closed to accrual after "
    "reaching target", "N/A - study completed as planned", "Completed - not terminated",
    "Confidential",  # before: info
    "Study was completed, no reason for stopping",  # before: info
    "Study stopped for completion of enrollment",  # before: warning
)
# A COMPLETED study's reason that says it ended early: a warning.
COMPLETED_ENDED_EARLY = (
    "Terminated early due to futility at interim analysis", "Stopped early for efficacy", "Stopped for efficacy",
    "Closed early due to slow accrual", "Study terminated", "Early termination due to sponsor decision",
    "Study completed; terminated early due to slow accrual",
)
# Another reason, worth knowing: a stop the record does not say was early or on target ("Closed to accrual" may be
# either), or a reason a stopped study would give.
COMPLETED_OTHER_REASON = (
    "Study closed to accrual", "Closed to accrual", "Sponsor decision", "Business reasons", "COVID-19", "Slow accrual",
    "PI left institution", "Funding ended", "See results",
)

SHAPES = {
    **{f"terminated, a reason: {why}": ({"overall_status": "TERMINATED", "why_stopped": why}, {}, STOPPED, None)
       for why in STOPPED_A_REASON},
    **{f"terminated, no reason: {why}": ({"overall_status": "TERMINATED", "why_stopped": why}, {}, STOPPED, WARNING)
       for why in STOPPED_NO_REASON},
    **{f"completed, no reason: {why}": ({"why_stopped": why}, {}, COMPLETED_REASON, None)
       for why in COMPLETED_NO_REASON},
    **{f"completed, ended early: {why}": ({"why_stopped": why}, {}, COMPLETED_REASON, WARNING)
       for why in COMPLETED_ENDED_EARLY},
    **{f"completed, another reason: {why}": ({"why_stopped": why}, {}, COMPLETED_REASON, INFO)
       for why in COMPLETED_OTHER_REASON},
}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple]]:
    """Each shape's findings of the status rules: all shapes in one warehouse, each rule evaluated once."""
    return harness.judged_shape_findings(tmp_path_factory.mktemp("stop_reasons"), SHAPES,
                                         {rule.id: rule for rule in status.RULES})


@pytest.mark.parametrize("name", list(SHAPES))
def test_a_reason_for_stopping_is_read_as_real_records_word_it(found, name):
    _values, _tables, rule_id, expected = SHAPES[name]
    severities = {severity for rule, severity, _message, _evidence in found[name] if rule == rule_id}
    assert severities == ({expected} if expected else set()), found[name]
