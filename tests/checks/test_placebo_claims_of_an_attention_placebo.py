"""contradictions.placebo_controlled_without_placebo on an attention placebo: "randomized to either the TLC-Asthma group
or an attention placebo control group" (NCT00232557, whose control arm is "TLC-health education", an Active Comparator)
is a behavioural control matched for the attention the tested arm gets, which a record registers under any name and
type, not a placebo its arms must name. A placebo-controlled study that also matches attention, or that calls its
control a placebo, is still read.
"""
from __future__ import annotations

import pytest

from checks.design_placebo_claims import placebo_claims, purpose_claims
from checks.study_text import StudyText

# (text, whether the study is called placebo-controlled)
SENTENCES = [
    # An attention placebo, however written: no placebo claim.
    ("Patients will be randomized to either the TLC-Asthma group or an attention placebo control group.", False),
    ("Participants are randomized to TLC-CPAP or an attention placebo control group.", False),
    ("Women will be assigned to the exercise programme or an attention-placebo control condition.", False),
    ("Children are randomized to the reading intervention or to an attentional placebo control group.", False),
    ("The study compares the coaching calls with an attention-matched placebo control.", False),
    ("Caregivers receive the skills training or attention control placebo sessions of equal length.", False),
    # A placebo of a product, or a placebo control beside a matched attention: read.
    ("A randomized, double-blind, placebo-controlled trial of drug X in asthma.", True),
    ("Patients will be randomized to drug X or a placebo control group.", True),
    ("A placebo-controlled study with an attention control arm.", True),
    ("A randomized, placebo-controlled trial of drug X; attention is matched between the groups.", True),
    ("Attention span is measured in this double-blind, placebo-controlled study of drug X.", True),
    ("Attention placebo-controlled designs are common; this study of drug X is placebo-controlled.", True),
]
# (text, whether it is read as this study's purpose against a placebo)
PURPOSES = [
    ("To compare the telephone coaching with an attention placebo control.", False),
    ("To compare drug X versus placebo in adults with asthma.", True),
]


@pytest.mark.parametrize("text, claimed", SENTENCES, ids=[t[:60] for t, _ in SENTENCES])
def test_an_attention_placebo_is_no_placebo_claim(text, claimed):
    assert bool(placebo_claims([StudyText("detailed_descriptions.description", text)])) is claimed


@pytest.mark.parametrize("text, claimed", PURPOSES, ids=[t[:60] for t, _ in PURPOSES])
def test_an_objective_against_an_attention_placebo_is_no_placebo_claim(text, claimed):
    assert bool(purpose_claims([StudyText("brief_summaries.description", text)])) is claimed
