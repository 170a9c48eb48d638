"""Cases of contradictions.observational_phase_given: an observational record that gives a trial's phase
(tests/checks/test_rule_cases.py runs them)."""
from __future__ import annotations

from tests.checks.harness import Case

RULE = "contradictions.observational_phase_given"


def observational(phase: str | None, title: str | None = None, study_type: str = "OBSERVATIONAL"):
    """A change that makes the study of `study_type` with `phase` (and a title)."""
    def change(s):
        s["studies"][0].update(study_type=study_type, phase=phase)
        if title is not None:
            s["studies"][0].update(brief_title=title, official_title=title)
    return change


CASES = [
    Case(RULE, True, observational("PHASE1"), note="observational, Phase 1"),
    Case(RULE, True, observational("PHASE4"), note="observational, Phase 4 (info)"),
    Case(RULE, False, observational("NA"), note="observational, N/A"),
    Case(RULE, False, observational(None), note="observational, no phase"),
    Case(RULE, False, observational("PHASE2", study_type="INTERVENTIONAL"), note="interventional"),
    Case(RULE, False, observational("PHASE1", title="A Phase I Dose-Finding Study of Baricitinib"),
         note="the title names the phase: observational_title_phase's"),
]
