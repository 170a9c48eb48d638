"""Cases of invalid_values.title_markup: a brief or official title that holds HTML markup (the brief title of
NCT06927739 as a copy gives it; tests/checks/test_rule_cases.py runs them)."""
from __future__ import annotations

from tests.checks.cases_contradictions import row
from tests.checks.harness import Case

RULE = "invalid_values.title_markup"

CASES = [
    Case(RULE, True, row("studies", brief_title="Focused Orticumab Research for Treating Inflammation in "
                                                "<mark class=\"hl-synonym\">Coronary</mark> Arteries"),
         note="NCT06927739: a search's highlighting kept"),
    Case(RULE, True, row("studies", official_title="A Phase 2 Study of <em>Drug X</em> in Asthma"),
         note="emphasis in the official title"),
    Case(RULE, False, row("studies", brief_title="Safety and Immunogenicity of SCB-2019 in Children <18 Years of Age"),
         note="a bound"),
    Case(RULE, False, row("studies", official_title="Study of Bexxar <Tositumomab> Combined With External Beam "
                                                    "Radiation Therapy"),
         note="a word in angle brackets that is no HTML element"),
]
