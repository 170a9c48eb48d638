"""Cases of invalid_values.template_record: a title and a lead sponsor that are both a template's placeholders (the
records NCT04567890 and NCT01234567 as software tests give them; tests/checks/test_rule_cases.py runs them)."""
from __future__ import annotations

from tests.checks.cases_contradictions import both, row, rows
from tests.checks.harness import Case

RULE = "invalid_values.template_record"


def _lead(name: str):
    """A change that makes `name` the study's only sponsor, its lead."""
    return rows("sponsors", {"agency_class": "INDUSTRY", "lead_or_collaborator": "lead", "name": name})


CASES = [
    Case(RULE, True, both(row("studies", brief_title="A Study of Drug X in HER2-Positive Breast Cancer"),
                          _lead("Pharma Corp")), note="NCT04567890: Drug X, Pharma Corp"),
    Case(RULE, True, both(row("studies", brief_title="Brief Title", official_title="Official Title"),
                          _lead("Sponsor Agency")), note="NCT01234567: titles and sponsor that are their labels"),
    Case(RULE, False, row("studies", brief_title="A Study of Drug X in HER2-Positive Breast Cancer"),
         note="a placeholder title beside a real sponsor"),
    Case(RULE, False, _lead("Pharma Corp"), note="a placeholder sponsor beside a real title"),
]
