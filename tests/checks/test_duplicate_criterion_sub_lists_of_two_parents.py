"""contradictions.duplicate_criterion: the same sub-list under two parent criteria that each count the items below
them ("Patients over 65 years with comorbidities and any 1 out of 4 of the following signs" and "Patients under 65
years at low risk and any 3 out of 4 of the following signs", each above the same four signs) is each parent's own
list, not a criterion written twice. Quiet there; a sub-list pasted again below the same parent, and an item written
twice in one parent's list, still fire."""
from __future__ import annotations

import pytest

from checks import contradictions_criteria
from tests.checks import harness

SIGNS = ("Hypotension or drop in mean arterial pressure of more than 10 mmHg",
         "Progressive hypoxemia requiring more than 5 liters of oxygen",
         "Sustained respiratory rate above 30 per minute with raised D-dimers")
OLDER = "Patients having an age of > 65 years with proven cardiomyopathy and having any 1 out of 4 Fever of"
YOUNGER = "Patients having low risk or no comorbidities and an age of <65 years with any 3 out of 4 Fever of"


def bulleted(*items: str) -> str:
    """Criteria as legacy records write them: a bulleted inclusion list, then an exclusion list."""
    body = "\n\n".join(f"          -  {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n\nExclusion Criteria:\n\n          -  Pregnancy or breastfeeding"


# (criteria text, whether the rule fires)
CASES = {
    # NCT04730323
    "the same signs below two parents' counts": (bulleted(
        "All patients diagnosed with COVID-19 infection", OLDER, ">= 39 C", *SIGNS, YOUNGER, ">= 39 C", *SIGNS), False),
    "one of the following, then two or more of the following": (bulleted(
        "Severe disease with at least one of the following:", *SIGNS[:2], "Critical disease with two or more of the "
        "following signs present at once", *SIGNS[:2]), False),
    # still fires
    "the parent and its list pasted again": (bulleted(
        "All patients diagnosed with COVID-19 infection", OLDER, *SIGNS, OLDER, *SIGNS), True),
    "an item twice in one parent's list": (bulleted(
        "All patients diagnosed with COVID-19 infection", OLDER, SIGNS[0], SIGNS[1], SIGNS[0]), True),
    # NCT00000690: a heading of excluded people, written again above the same items
    "the same items below a heading of excluded people written twice": (
        "Exclusion Criteria\n\nCo-existing Condition:\n\nVolunteers with any of the following are excluded:\n\n"
        f"  -  {SIGNS[0]}\n\n  -  {SIGNS[1]}\n\nConcurrent Medication:\n\nExcluded:\n\n  -  Volunteers who "
        "anticipate need for medication during study.\n\nVolunteers with any of the following are excluded:\n\n"
        f"  -  {SIGNS[0]}\n\n  -  {SIGNS[1]}\n", True),
    "the same list twice with no parent's count": (bulleted(
        "All patients diagnosed with COVID-19 infection", *SIGNS, "Patients with a chest X-ray showing pneumonia",
        *SIGNS), True),
}


@pytest.fixture(scope="module")
def duplicate_messages() -> dict[str, list[str]]:
    """The duplicate criterion rule's messages for every text of CASES."""
    texts = {name: text for name, (text, _) in CASES.items()}
    return harness.criteria_rule_messages(contradictions_criteria.duplicate_criterion, texts)


@pytest.mark.parametrize("name", CASES)
def test_a_sub_list_under_each_of_two_parents_is_each_parent_s(duplicate_messages, name):
    assert bool(duplicate_messages[name]) is CASES[name][1], duplicate_messages[name]
