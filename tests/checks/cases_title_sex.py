"""Cases of contradictions.title_sex_differs: a title that names the participants as one sex against the record's
Sex (tests/checks/test_rule_cases.py runs them)."""
from __future__ import annotations

from tests.checks.harness import Case

RULE = "contradictions.title_sex_differs"


def titled(brief: str, sex: str | None, official: str | None = None, gender_based: bool | None = None,
           status: str | None = None, criteria: str | None = None, condition: str | None = None):
    """A change that sets the study's titles and Sex (and its status, its criteria, a condition)."""
    def change(s):
        s["studies"][0].update(brief_title=brief, official_title=official or brief)
        if status is not None:
            s["studies"][0]["overall_status"] = status
        s["eligibilities"][0].update(gender=sex, gender_based=gender_based)
        if criteria is not None:
            s["eligibilities"][0]["criteria"] = criteria
        if condition is not None:
            s["conditions"] = [{"name": condition}]
    return change


CASES = [
    Case(RULE, True, titled("Baricitinib in Postmenopausal Women With Sjogren's Syndrome", "MALE"),
         note="women, males only"),
    Case(RULE, True, titled("Baricitinib in Healthy Male Volunteers", "FEMALE"), note="male volunteers, females only"),
    Case(RULE, True, titled("Baricitinib in Women With Sjogren's Syndrome", "ALL"), note="women, all"),
    Case(RULE, False, titled("Baricitinib in Women With Sjogren's Syndrome", "FEMALE"), note="agrees"),
    Case(RULE, False, titled("Baricitinib in Women With Sjogren's Syndrome", None), note="Sex absent"),
    Case(RULE, False, titled("Baricitinib in Women With Sjogren's Syndrome", "MALE", gender_based=True),
         note="eligibility based on gender identity"),
    Case(RULE, False, titled("Baricitinib in Women With Sjogren's Syndrome", "MALE", status="WITHHELD"),
         note="a withheld record"),
    Case(RULE, True, titled("Baricitinib in Women and Men With Sjogren's Syndrome", "MALE"),
         note="both sexes, males only"),
    Case(RULE, False, titled("Baricitinib in Women and Men With Sjogren's Syndrome", "ALL"), note="both sexes, all"),
    Case(RULE, False, titled("Baricitinib in Girls With Sjogren's Syndrome", "ALL",
                             criteria="Inclusion Criteria:\n1. Girls aged 8-17\n2. Biological parents of the girls"),
         note="the criteria admit the parents too"),
    Case(RULE, False, titled("Baricitinib in Treating Women With Breast Cancer", "ALL", condition="Male Breast Cancer"),
         note="a condition of the other sex: the record means both"),
    Case(RULE, True, titled("Baricitinib in Treating Women With Breast Cancer", "ALL", condition="Breast Cancer"),
         note="a condition of no sex"),
    Case(RULE, False, titled("The Effect of Drug X on Arterial Tone, and on Erectile Function in Men With Angina",
                             "ALL"), note="one sex in one of the aims the title joins"),
    Case(RULE, True, titled("The Effect of Drug X on Arterial Tone and Erectile Function in Men With Angina", "ALL"),
         note="one sex after aims joined under one 'on'"),
]
