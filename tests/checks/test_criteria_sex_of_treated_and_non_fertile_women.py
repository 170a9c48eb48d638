"""Phrases of contradictions.criteria_sex_differs: women marked out by a therapy and then held to it ("Women receiving
hormonal therapy, including hormone replacement, ..., must have been maintained on a stable dose") and women unable to
conceive ("non-fertile females") are conditions on the women among the participants, not a statement that only women
may join. A population of women that opens the list, women admitted by a therapy they receive, and a relative clause
still fire."""
from __future__ import annotations

import pytest

from checks.criteria_sex import study_sex_findings
from tests.checks import harness


def bulleted(*items: str) -> str:
    """Legacy-bulleted criteria of `items` (tests.checks.harness)."""
    return harness.legacy_bulleted_criteria(*items)


def _fires(text: str, gender: str) -> bool:
    return bool(list(study_sex_findings("NCT0", text, gender, None)))


# (criteria text, the record's Sex, whether the rule fires)
CASES = {
    # NCT00423488
    "women on hormones who must have been kept on a stable dose": (
        bulleted("Subject must have diabetes mellitus type 2",
                 "Women receiving hormonal therapy, including hormone replacement, any estrogen\n     antagonist/agonist, "
                 "or oral contraceptives, must have been maintained on a stable\n     dose and regimen for at least 8 "
                 "weeks"), "ALL", False),
    "women on thyroid hormone who must be on a stable dose": (
        bulleted("Type 2 diabetes", "Women receiving thyroid hormone, levothyroxine or liothyronine, for hypothyroidism "
                 "of any cause, must be on a stable dose for 3 months"), "ALL", False),
    # NCT00857623
    "non-fertile females below the diagnosis": (
        bulleted("Provision of informed consent prior to any study specific procedures.",
                 "Clinical diagnosis of painful diabetic neuropathy.", "non-fertile females"), "ALL", False),
    "non fertile women": (bulleted("Chronic low back pain", "Non fertile women"), "ALL", False),
    # still statements of who is admitted
    "women receiving a therapy for a disease": (
        bulleted("Women receiving adjuvant chemotherapy for early breast cancer", "Age 18 to 70"), "ALL", True),
    "women on a therapy admitted by a relative clause": (
        bulleted("Women receiving adjuvant tamoxifen, after surgery for early breast cancer, who have completed "
                 "radiotherapy", "ECOG 0-1"), "ALL", True),
    "postmenopausal women opening the list": (
        bulleted("Postmenopausal women", "Osteoporosis of the lumbar spine"), "ALL", True),
    "fertile women opening the list": (bulleted("Women aged 18 to 40", "Regular menstrual cycles"), "ALL", True),
}


@pytest.mark.parametrize("name", CASES)
def test_conditions_on_the_women_who_join_are_no_statement_of_one_sex(name):
    text, gender, fires = CASES[name]
    assert _fires(text, gender) is fires
