"""Cases of invalid_values.placeholder_enrollment: an enrollment of all nines (tests/checks/test_rule_cases.py runs
them)."""
from __future__ import annotations

from tests.checks.harness import Case

RULE = "invalid_values.placeholder_enrollment"


def enrolling(count: int | None):
    """A change that sets the study's enrollment."""
    def change(s):
        s["studies"][0]["enrollment"] = count
    return change


CASES = [
    Case(RULE, True, enrolling(99999), note="five nines"),
    Case(RULE, True, enrolling(99999999), note="eight nines"),
    Case(RULE, False, enrolling(9999), note="four nines: a count that may be real"),
    Case(RULE, False, enrolling(100000), note="a round count"),
    Case(RULE, False, enrolling(199999), note="not all nines"),
    Case(RULE, False, enrolling(None), note="no count"),
]
