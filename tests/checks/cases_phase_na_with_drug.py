"""Cases of contradictions.phase_na_with_drug: phase N/A given to a trial whose interventions test a drug.

tests/checks/test_phase_na_with_drug.py holds the phrase-level and record-level cases; these put one study of each side
in the warehouse for tests/checks/test_rule_cases.py.
"""
from __future__ import annotations

from tests.checks.cases_phase_without_drug import tested
from tests.checks.harness import Case

RULE = "contradictions.phase_na_with_drug"

CASES = [
    Case(RULE, True, tested("NA", ("DRUG", "Tocilizumab"), ("DRUG", "Placebo")),
         note="a drug against placebo given phase N/A"),
    Case(RULE, False, tested("NA", ("DEVICE", "Nasal high-flow oxygen"), ("DRUG", "Dexamethasone")),
         note="a device beside the drug may be what is tested"),
    Case(RULE, False, tested("PHASE3", ("DRUG", "Tocilizumab"), ("DRUG", "Placebo")),
         note="the drug trial gives its phase"),
]
