"""Cases of contradictions.phase_without_drug: a phase given to a trial whose interventions test no drug.

tests/checks/test_phase_without_drug.py holds the phrase-level and record-level cases; these put one study of each side
in the warehouse for tests/checks/test_rule_cases.py.
"""
from __future__ import annotations

from tests.checks.harness import Case

RULE = "contradictions.phase_without_drug"


def tested(phase: str | None, *interventions: tuple[str, str]):
    """A change that gives the study `phase` and lists `interventions` (type, name), each in its own arm."""
    def change(study: dict) -> None:
        study["studies"][0]["phase"] = phase
        study["interventions"] = [{"intervention_type": kind, "name": name, "description": f"{name} as assigned"}
                                  for kind, name in interventions]
        study["design_groups"] = [{"group_type": "EXPERIMENTAL", "title": name, "description": f"{name} daily"}
                                  for _kind, name in interventions]
        study["design_group_interventions"] = [{"design_group": name, "intervention": name}
                                               for _kind, name in interventions]
    return change


CASES = [
    Case(RULE, True, tested("PHASE2/PHASE3", ("DEVICE", "Transcranial direct current stimulation"),
                            ("DEVICE", "Sham stimulation")), note="a stimulation device given Phase 2/Phase 3"),
    Case(RULE, False, tested("PHASE2", ("DEVICE", "Zotarolimus-eluting stent"), ("DEVICE", "Bare-metal stent")),
         note="a device that releases a drug"),
    Case(RULE, False, tested("NA", ("BEHAVIORAL", "Cognitive behavioural therapy"), ("BEHAVIORAL", "Usual care")),
         note="N/A, as the registry asks"),
]
