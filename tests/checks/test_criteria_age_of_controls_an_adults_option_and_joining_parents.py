"""An age the criteria state for one group or one option only (contradictions.criteria_age_differs).

Young controls' ages beside patients named with an apostrophe or an abbreviation in brackets ("Alzheimer's disease
(AD) patients"), an age range offered as the alternative to adults of any age ("are adults (or children 18-21 years
old)"), and an adolescent's ages beside parents who take part too ("a mother and father willing to participate") are
not the record's ages. The same ages stated for everyone still fire."""
from __future__ import annotations

import pytest

from checks.criteria_ages import study_age_findings


def listed(*items: str) -> str:
    """Criteria as legacy records write them: an indented dashed inclusion list, then an exclusion list."""
    body = "\n\n".join(f"  -  {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n\nExclusion Criteria:\n\n  -  Serious medical disorder"


YOUNG = "Healthy young controls who are 20 - 30 years old and have no memory complaints"
ELDERLY = "Cognitively normal elderly who have Clinical Dementia Rating score of 0"
ADOLESCENT = "a willing adolescent between the ages of 13 and 16"

QUIET = [
    (listed(YOUNG, ELDERLY, "Alzheimer's disease (AD) patients who met the criteria for probable AD"), "20", "80"),
    # the elderly are another group of their own, whatever the third criterion says
    (listed(YOUNG, ELDERLY, "Alzheimer's disease (AD) is suspected by the referring doctor"), "20", "80"),
    (listed(YOUNG, "Alzheimer's disease patients who met the criteria for probable AD"), "20", "80"),
    (listed(YOUNG, "Parkinson's disease (PD) patients on stable treatment"), "20", "80"),
    (listed("Patients with a diagnosis of cancer,", "are adults (or children 18-21 years old),",
            "either male or female,"), "18", None),
    (listed("Patients with a diagnosis of cancer,", "are adults or children 18-21 years old,"), "18", None),
    (listed("Adults or adolescents 16-17 years with asthma"), "16", None),
    (listed(ADOLESCENT, "assuming a two-parent family, a mother and father willing to participate"), "13", "75"),
    (listed("Adolescents aged 13 to 16 years", "Their parents willing to participate in the sessions"), "13", "75"),
    (listed("Children aged 8 to 12 years", "A parent or caregiver who is willing to take part"), "8", "70"),
]
FIRES = [
    (listed(YOUNG, "Alzheimer's disease (AD) is suspected by the referring doctor"), "20", "80"),
    (listed(YOUNG, "Patients will be eligible if they are referred"), "20", "80"),
    (listed("Patients with a diagnosis of cancer,", "children 18-21 years old,"), "18", None),
    (listed("Patients with a diagnosis of cancer,", "are adults aged 18-21 years,"), "18", None),
    (listed(ADOLESCENT), "13", "75"),
    (listed(ADOLESCENT, "a parent willing to give written consent"), "13", "75"),
    (listed(ADOLESCENT, "a parent who can drive the adolescent to the sessions"), "13", "75"),
]


def years(value: str | None) -> str:
    """An age as the record's structured field holds it."""
    return "N/A" if value is None else f"{value} Years"


@pytest.mark.parametrize("criteria, minimum, maximum", QUIET, ids=lambda v: str(v)[16:70])
def test_an_age_of_one_group_or_option_is_not_the_records(criteria, minimum, maximum):
    assert list(study_age_findings("NCT0", criteria, years(minimum), years(maximum), True)) == []


@pytest.mark.parametrize("criteria, minimum, maximum", FIRES, ids=lambda v: str(v)[16:70])
def test_an_age_for_everyone_that_disagrees_still_fires(criteria, minimum, maximum):
    [found] = study_age_findings("NCT0", criteria, years(minimum), years(maximum), True)
    assert "age" in found.message
