"""Cases for the rule of checks.contradictions_placebo_claims: a study its own words call placebo-controlled whose
arms and interventions name no placebo (the record of NCT01354691 as the registry gives it, cut short: a
placebo-controlled trial of ladostigil whose one arm and one intervention are ladostigil).

The phrases the rule reads are in tests/checks/test_placebo_controlled_without_placebo.py; these are the rule's
table-driven cases (tests/checks/test_rule_cases.py).
"""
from __future__ import annotations

from tests.checks.cases_contradictions import both, row, rows
from tests.checks.harness import Case

PLACEBO_CONTROLLED = "contradictions.placebo_controlled_without_placebo"

_TITLE = ("A 6-Month Prospective, Multi-Center, Double-Blind, Placebo-Controlled, Randomized, Adaptive-Trial-Design "
          "Study to Evaluate the Safety and Efficacy of 80mg b.i.d Ladostigil")
_LADOSTIGIL_ONLY = both(
    rows("design_groups", {"group_type": "EXPERIMENTAL", "title": "ladostigil hemitartrate", "description": ""}),
    rows("interventions", {"intervention_type": "DRUG", "name": "ladostigil hemitartrate",
                           "description": "Final dosage strength of 80mg b.i.d"}),
    rows("design_group_interventions", {"design_group": "ladostigil hemitartrate",
                                        "intervention": "ladostigil hemitartrate"}))

_NEBULIZED_IN_SALINE = both(
    rows("design_groups", {"group_type": "EXPERIMENTAL", "title": "ladostigil hemitartrate",
                           "description": "80mg b.i.d in 3 mL of saline solution nebulized"}),
    rows("interventions", {"intervention_type": "DRUG", "name": "ladostigil hemitartrate",
                           "description": "Diluted in 3cc of 0.9% saline"}),
    rows("design_group_interventions", {"design_group": "ladostigil hemitartrate",
                                        "intervention": "ladostigil hemitartrate"}))

CASES = [
    Case(PLACEBO_CONTROLLED, True, both(row("studies", official_title=_TITLE), _LADOSTIGIL_ONLY),
         note="NCT01354691: placebo-controlled, one ladostigil arm"),
    Case(PLACEBO_CONTROLLED, True, both(row("studies", official_title=_TITLE), _NEBULIZED_IN_SALINE),
         note="the saline the drug is diluted in is no placebo"),
    Case(PLACEBO_CONTROLLED, False, row("studies", official_title=_TITLE),
         note="clean: a Placebo Comparator arm given matching placebo"),
]
