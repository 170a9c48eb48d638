"""A single arm said of a randomized study: allocation RANDOMIZED while the text calls the study single-arm ("This is
a single-arm study of drug X", "Single arm, open-label study of drug X in Y", a title "A Single-Arm, Phase 2 Study of
drug X") contradicts itself. Quiet: a single-arm part, run-in, cohort or extension of the study, another study's
design or single-arm trials in general, a single arm denied, a text that also says the study randomizes, and a
record that is not randomized. Marked "new": judged otherwise before.
"""
from __future__ import annotations

import pytest

from tests.checks import harness
from tests.checks.harness import NON_RANDOMIZED, RANDOMIZED, SINGLE_GROUP_NOT_ALLOCATED

NOT_RANDOMISED = "contradictions.allocation_text_not_randomized"

# (rule, design, (field, text), fires)
DESIGN = [
    # Allocation RANDOMIZED, one arm said of this study.
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "This is a single-arm study of baricitinib."), True),  # new
    (NOT_RANDOMISED, RANDOMIZED, ("detail", "Single arm, open-label study of baricitinib in pSS."), True),  # new
    (NOT_RANDOMISED, RANDOMIZED, ("official_title", "A Single-Arm, Phase 2 Study of Baricitinib in Primary Sjogren's "
                                                    "Syndrome"), True),  # new
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "This is an open label, single arm, phase II clinical trial to evaluate "
                                             "the efficacy of baricitinib 4 mg in adults with pSS."), True),  # new
    (NOT_RANDOMISED, RANDOMIZED, ("detail", "This study is a single group, open, multicentre clinical trial. Thirty "
                                            "patients will receive baricitinib 4 mg daily for 24 weeks."), True),  # new
    (NOT_RANDOMISED, RANDOMIZED, ("brief_title", "Baricitinib in pSS: a Prospective Single-armed Pilot Trial"),
     True),  # new
    (NOT_RANDOMISED, RANDOMIZED, ("detail", "Prospective, single-arm, interventional study."), True),  # new
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "This is a single\u2010arm, non-comparative study of baricitinib 4 mg."),
     True),  # new
    # A single-arm part, run-in, cohort or extension of the study.
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "Part A is a single-arm dose escalation; in part B patients receive 2 or "
                                             "4 mg."), False),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "Part A is a single-arm, open-label study of baricitinib 4 mg."), False),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "Cohort 2 will be a single arm trial in Japanese participants."), False),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "Participants in the single-arm safety cohort receive 4 mg."), False),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "The 24-week treatment period is followed by a single-arm open-label "
                                             "extension."), False),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "The main study is followed by a single-arm extension study of 4 mg."),
     False),
    # Another study's design, or single-arm trials in general.
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "A previous single-arm study showed benefit of baricitinib in pSS."),
     False),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "A previous single-arm study of baricitinib in 40 patients showed a "
                                             "fall in ESSDAI."), False),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "In a single-arm trial of 40 patients (Lee 2019), baricitinib lowered "
                                             "ESSDAI by 4 points."), False),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "Unlike single-arm trials, this study compares two doses."), False),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "A single-arm phase 2 study (NCT01234567) reported a response rate of "
                                             "40%."), False),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "Single-arm trials cannot separate the effect of the drug from the "
                                             "natural course."), False),
    # A single arm denied, or the text also saying the study randomizes.
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "This is not a single-arm study: patients are assigned to 2 or 4 mg."),
     False),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "Patients will be randomized 1:1 after a single-arm run-in of 4 weeks."),
     False),
    (NOT_RANDOMISED, RANDOMIZED, [("official_title", "A Single-Arm Lead-in and Randomised Phase 2 Study of "
                                                     "Baricitinib"),
                                  ("summary", "This is a single-arm study in stage 1; in stage 2, patients are "
                                              "randomised to 2 or 4 mg.")], False),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "This single arm trial is followed by an RCT of 2 versus 4 mg."),
     False),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "This is a single-arm study; participants will then be allocated at "
                                             "random to stop or continue."), False),
    # A record that is not randomized: one arm is no contradiction.
    (NOT_RANDOMISED, NON_RANDOMIZED, ("summary", "This is a single-arm study of baricitinib."), False),
    (NOT_RANDOMISED, SINGLE_GROUP_NOT_ALLOCATED, ("detail", "Single arm, open-label study of baricitinib in pSS."),
     False),
    (NOT_RANDOMISED, SINGLE_GROUP_NOT_ALLOCATED, ("official_title", "A Single-Arm, Phase 2 Study of Baricitinib"),
     False),
]
CASES = harness.numbered_cases(DESIGN)


def _case_id(case: tuple) -> str:
    rule, design, texts, fires = case
    field, text = texts if isinstance(texts, tuple) else texts[-1]
    return harness.design_case_id((rule, design, field, text, fires))


@pytest.fixture(scope="module")
def design_findings(tmp_path_factory) -> dict[str, list[tuple]]:
    return harness.design_rule_findings(tmp_path_factory.mktemp("single_arm"), CASES, {NOT_RANDOMISED})


@pytest.mark.parametrize("nct_id", CASES, ids=[_case_id(c) for c in DESIGN])
def test_a_single_arm_said_against_the_allocation(design_findings, nct_id):
    found = harness.design_case_found(design_findings, nct_id, CASES[nct_id])
    if found:
        assert all("single" in message.lower() for _rule, _severity, message in found), found
