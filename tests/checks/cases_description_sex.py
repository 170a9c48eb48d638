"""Cases of contradictions.description_sex_differs: a summary or description whose own cohort is of both sexes, or of
the other sex, against a Sex of one (tests/checks/test_rule_cases.py runs them)."""
from __future__ import annotations

from tests.checks.harness import Case

RULE = "contradictions.description_sex_differs"


def described(summary: str, sex: str | None, title: str | None = None):
    """A change that sets the study's brief summary and Sex (and its titles)."""
    def change(s):
        s["brief_summaries"] = [{"description": summary}]
        s["eligibilities"][0]["gender"] = sex
        if title is not None:
            s["studies"][0].update(brief_title=title, official_title=title)
    return change


COHORT = "To evaluate cardiovascular morbidity in a cohort of 795 men and women aged 75 years or older."
CASES = [
    Case(RULE, True, described(COHORT, "MALE"), note="a counted cohort of both sexes, males only"),
    Case(RULE, True, described("A total of 148 overweight women were recruited and randomized.", "MALE"),
         note="a counted cohort of the other sex"),
    Case(RULE, False, described(COHORT, "ALL"), note="both sexes, all"),
    Case(RULE, False, described("Another study showed that the decline of heart disease in both white men and women "
                                "has been greater.", "MALE"), note="background"),
    Case(RULE, False, described(COHORT, "MALE", title="Heart Disease in Elderly Men and Women"),
         note="the title names both sexes: title_sex_differs's"),
]
