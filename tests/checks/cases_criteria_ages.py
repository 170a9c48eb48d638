"""Rule cases of contradictions.criteria_age_differs (tests/checks/test_rule_cases.py runs them): the inclusion
criteria's one age limit against the record's Minimum and Maximum Age. Its phrases are in test_criteria_ages.py."""
from __future__ import annotations

from tests.checks.harness import Case

RULE = "contradictions.criteria_age_differs"


def ages(criteria: str, minimum: str | None, maximum: str | None):
    """A change that sets the eligibility criteria text and the record's ages."""
    return lambda s: s["eligibilities"][0].update(criteria=criteria, minimum_age=minimum, maximum_age=maximum)


CASES = [
    Case(RULE, True, ages("Inclusion Criteria:\n\n* Age 12 to 17 years\n\nExclusion Criteria:\n\n* Pregnancy",
                          "18 Years", None), note="adolescents' ages, adults' minimum, no maximum"),
    Case(RULE, False, ages("Inclusion Criteria:\n\n* Age 6 months to 17 years\n\nExclusion Criteria:\n\n* Pregnancy",
                           "6 Months", "17 Years"), note="the same ages in months and years"),
]
