"""An observational record that reports another's trial ("A multicentre, randomized, double-blind, placebo-controlled
trial conducted by Professor X investigated that drug Y was effective ...") is not called a trial by its text
(contradictions.study_type_text_trial): who ran the trial may stand between its noun and its finding, and "investigated
that" or "proved that" report a finding as "found that" does. The study's own trial still counts.
"""
from __future__ import annotations

import pytest

from checks.trial_text import TRIAL_DESIGN
from tests.checks import harness
from tests.checks.harness import OBSERVATIONAL_DESIGN, TRIAL_RULE

REPORTED = [
    "A multicentre, randomized, double-blind, placebo-controlled trial conducted by Professor Jia investigated that "
    "drug X was effective for improving cognitive function.",
    "A randomized controlled trial led by the ABC group and colleagues at two university hospitals in Beijing observed "
    "that drug X reduced falls.",
    "A double-blind, placebo-controlled trial proved that drug X prevents relapse.",
    "A randomized, placebo-controlled trial carried out by Smith and colleagues established that drug X lowers blood "
    "pressure.",
]
OWN = [
    "This randomized, double-blind trial investigated that drug X was effective.",
    "This is a randomized, double-blind trial conducted by the investigators at ten centres.",
    "This is a randomized, placebo-controlled trial; the investigators observed the participants for 12 weeks.",
]
CASES = [(TRIAL_RULE, OBSERVATIONAL_DESIGN, ("summary", text), False) for text in REPORTED] + [
    (TRIAL_RULE, OBSERVATIONAL_DESIGN, ("summary", text), True) for text in OWN]
_IDS = harness.numbered_cases(CASES)


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple[str, str, str]]]:
    """(rule id, severity, message) of the study-type rule's findings, by study: one warehouse holding every case."""
    return harness.design_rule_findings(tmp_path_factory.mktemp("trial_reported"), _IDS, {TRIAL_RULE})


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[harness.design_or_arms_case_id(c) for c in _IDS.values()])
def test_a_trial_reported_with_who_ran_it_is_not_this_study(found, nct_id):
    harness.design_case_found(found, nct_id, _IDS[nct_id])


def test_a_trial_reported_is_read_alike_with_and_without_the_folded_sentence():
    assert harness.folded_sentence_judgements(REPORTED + OWN, [TRIAL_DESIGN]) == len(REPORTED)
