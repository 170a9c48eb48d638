"""contradictions.criteria_age_differs on an age that is one option or one exclusion: an item of a list whose lead-in
offers its items as options, where the lead-in stands as far in as its options ("- At least two of the three following
additional criteria:" then "- Age greater than or equal to 60 years"), or is wrapped over two lines; an item an "OR"
ending it or the item above joins to another ("1. Men, and women over 65 years of age OR"); an item that names one of
several groups the items say "are eligible for this trial"; and an age in a list of exclusions an inclusion item runs
inline ("with the exception of those demonstrating the following exclusion criteria: ... g) children under the age of
18 years"). The age is then not everyone's, and the rule stays quiet; an age stated as a criterion of its own beside
such lists, or after a lead-in whose options stand further in below it, still fires.
"""
from __future__ import annotations

import pytest

from checks.criteria_ages import study_age_findings


def legacy(*items: str) -> str:
    """Criteria as legacy XML records write them: dashed inclusion items, blank lines between, then exclusions."""
    body = "\n\n".join(f"  -  {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n\nExclusion Criteria:\n\n  -  Pregnancy"


def numbered(lead: str, *items: str) -> str:
    """Criteria with a lead-in sentence and numbered inclusion items."""
    body = "\n\n".join(f"  {i}. {item}" for i, item in enumerate(items, 1))
    return f"Inclusion Criteria:\n\n{lead}\n\n{body}\n\nExclusion Criteria:\n\n  1. Pregnancy"


_NESTED_WRAPPED_LEAD = legacy(
    "Diagnosis with SARS-CoV-2 by the currently available assays",
    "Should be hospitalized and exhibit at least one of the following predictors of\n     mortality\n\n"
    "       -  Age >= 65 years\n\n       -  Current smoker\n\n       -  Diabetes",
    "Patients or authorized family member willing to sign informed consent")
_INLINE_EXCLUSIONS = legacy(
    "All patients admitted to the TICU who are intubated will be eligible for study admission, with the exception of\n"
    "     those demonstrating the following exclusion criteria: a) a witnessed aspiration; b) a known\n"
    "     hypersensitivity to CHX; f) a do not intubate order; g) children under the age of 18 years; h)\n"
    "     Pregnant women; i) Legal incarceration",
    "Comatose and intubated patients will be included")

# (criteria, minimum age, maximum age): an age among options, or among inline exclusions: quiet.
QUIET = [
    (legacy("Presenting with symptoms suspected to represent UA or NSTEMI",
            "At least two of the three following additional criteria:", "Age greater than or equal to 60 years",
            "Troponin T or I above the upper limit of normal", "ECG changes compatible with ischemia",
            "Written informed consent dated and signed"), "21 Years", None),
    (legacy("Histologically or cytologically confirmed diagnosis of 1 of the following:\n\n"
            "       -  Relapsed or refractory acute myeloid leukemia (AML)\n\n       -  Secondary AML",
            "Elderly patients ≥ 60 years of age, previously untreated, are eligible for this trial",
            "Patients with relapsed APL who have failed tretinoin are eligible for this trial",
            "No known active CNS disease"), "18 Years", None),
    (legacy("Diagnosis of 1 of the following:", "Relapsed AML",
            "Elderly patients ≥ 60 years of age, previously untreated"), "18 Years", None),
    (legacy("Hospitalized with pneumonia", "At least one of the following risk factors:", "Diabetes",
            "Age 65 years or older"), "18 Years", None),
    (_NESTED_WRAPPED_LEAD, "18 Years", None),
    (numbered("Subjects must meet the criteria for 1,2, OR 3, AND 4-7 to be eligible.",
              "Men, and women over 65 years of age inclusively (according to CDC provisions) OR",
              "Participant works in healthcare facility or other well characterized high-risk\n     environment OR",
              "Has underlying conditions including cardiopathies, diabetes mellitus, cancer",
              "Subject provides written informed consent"), None, None),
    (numbered("Subjects must meet one of the first two criteria.", "Women over 65 years of age OR",
              "Works in a healthcare facility", "Provides written informed consent"), None, None),
    (legacy("Knee pain and osteophytes on radiographs OR",
            "Knee pain plus patient age of 40 years or older, morning stiffness lasting 30 minutes\n     or less",
            "Experiences chronic pain for 6 months or longer"), "18 Years", "90 Years"),
    (_INLINE_EXCLUSIONS, "18 Years", None),
]

# (criteria, minimum age, maximum age): an age that is everyone's beside such lists: fires.
FIRES = [
    (legacy("Age 65 years or older", "At least two of the following:", "Diabetes", "Hypertension"), "18 Years",
     None),
    (legacy("Presenting with chest pain", "All of the following:", "Age greater than or equal to 60 years",
            "Troponin above the upper limit of normal"), "21 Years", None),
    (legacy("Signed informed consent", "Diagnosis of asthma", "Age 40 years or older",
            "Able to use an inhaler"), "18 Years", None),
    (legacy("Diagnosis of diabetes or\n     prediabetes", "Age 40 years or older"), "18 Years", None),
    (legacy("Knee pain and osteophytes on radiographs OR", "Knee pain and crepitus during motion",
            "Age 40 years or older"), "18 Years", None),
    (legacy("Age 65 years or older", "Diagnosis of asthma, with the exception of those with\n     exercise-induced "
            "asthma"), "18 Years", None),
    (legacy("Patients must meet these inclusion criteria: a) children under the age of 12 years; b) asthma"),
     "13 Years", None),
    # a lead-in whose options stand further in offers those, not the item after them (NCT04341922)
    (legacy("The following 2 criteria must be met:\n\n       -  Daily worry\n\n       -  Worry hard to control",
            "In addition, at least one of the following negative consequences of worrying:\n\n"
            "       -  Trouble sleeping\n\n       -  Loss of work productivity",
            "≥ 18 years of age", "Resident in Sweden"), "16 Years", None),
    # one group said to be eligible is everyone
    (legacy("Histologically confirmed AML", "Patients ≥ 60 years of age are eligible for this trial",
            "No known active CNS disease"), "18 Years", None),
]


def _fires(criteria: str, minimum: str | None, maximum: str | None) -> bool:
    return bool(list(study_age_findings("NCT00000001", criteria, minimum, maximum, True)))


@pytest.mark.parametrize("criteria, minimum, maximum", QUIET, ids=[f"quiet-{i}" for i in range(len(QUIET))])
def test_an_age_among_options_or_inline_exclusions_is_no_limit(criteria, minimum, maximum):
    assert not _fires(criteria, minimum, maximum)


@pytest.mark.parametrize("criteria, minimum, maximum", FIRES, ids=[f"fires-{i}" for i in range(len(FIRES))])
def test_an_age_stated_for_everyone_beside_such_lists_still_fires(criteria, minimum, maximum):
    assert _fires(criteria, minimum, maximum)
