"""Criteria written as paragraphs without their numbers between numbered ones (contradictions.criteria_numbering_gap).

"1\\." then a bare paragraph "BMI >=28.0 ... at screening and randomization 3. Participants had ..." then "(4)": the
paragraph is criterion 2 with its number lost and criterion 3 run on inside it, so nothing is missing. A list that
skips numbers with no paragraph for them, sub-items under the criterion above, a lead-in ending in a colon
or a note about the criteria still has criteria missing."""
from __future__ import annotations

import pytest

from checks.criteria_gaps import numbering_gaps

EXCLUSION = "\n\nExclusion Criteria:\n\n1. Diabetes."
AGE = "1\\. The age was from 18 to 65 years old."
BMI = "BMI >=28.0 but <40.0 kg/m2 at screening and randomization"
DIET = "Participants had been under diet control for 3 months."
FERTILE = "(4) fertile female subjects who agreed to take contraception."


def inclusion(*paragraphs: str) -> str:
    """An inclusion list of paragraphs with blank lines between them, then an exclusion list."""
    return "Inclusion Criteria:\n\n" + "\n\n".join(paragraphs) + EXCLUSION


QUIET = [
    inclusion(AGE, f"{BMI} 3. {DIET}", FERTILE),
    inclusion(AGE, f"{BMI}.", DIET, FERTILE),
    inclusion(AGE, f"{BMI}.", "3. " + DIET, FERTILE),
    inclusion("1. Age 18 to 65 years.", f"{BMI}.", "3. Stable weight.", "4. Willing to use contraception."),
    inclusion(AGE, f"2\\. {BMI}", "3. " + DIET, FERTILE),
]
FIRES = [
    (inclusion(AGE, FERTILE), 2),
    (inclusion(AGE, f"{BMI}.", FERTILE), 2),
    (inclusion(AGE, "- a) signed consent", "- b) able to attend visits", FERTILE), 2),
    (inclusion(AGE, "Participants must also meet the following:", FERTILE), 2),
    (inclusion(AGE, "Note: the BMI limits are those at screening.", FERTILE), 2),
    (inclusion(AGE, "The BMI criterion holds at randomization too.", FERTILE), 2),
    (inclusion("1. Age 18 to 65 years.", "2. BMI 28 to 40.", "Stable weight.", "Not smoking.", "6. Consent."), 3),
    ("Inclusion Criteria:\n\n1. Age 18 to 65 years.\n2. BMI 28 to 40.\n4. Consent." + EXCLUSION, 3),
]


@pytest.mark.parametrize("criteria", QUIET, ids=lambda text: text[21:80])
def test_paragraphs_without_their_numbers_are_no_missing_criteria(criteria):
    assert numbering_gaps(criteria) == []


@pytest.mark.parametrize("criteria, expected", FIRES, ids=lambda v: str(v)[21:80])
def test_numbers_with_no_paragraph_for_them_are_still_missing(criteria, expected):
    [gap] = numbering_gaps(criteria)
    assert gap.expected == expected
