"""A party kept unaware of the assignment only until it is told is the allocation's concealment, not masking
(contradictions.masking_none_text_party_masked): "The investigator will be unaware of the randomization code until the
day of the pre-discharge sample". Kept unaware until the study's end, its analysis or its database's lock, it is masked.
"""
from __future__ import annotations

import pytest

from checks.design_masked_people import MASKED_PARTY

CONCEALED = [
    "The investigator will be unaware of the randomization code until the day of the pre-discharge sample.",
    "The surgeon is unaware of the allocation until the start of the operation.",
    "Staff will be uninformed of the group assignment until the envelope is opened.",
    "Nurses are not aware of the treatment allocation before randomization is complete.",
    "The evaluator will not know the allocation until told.",
]
MASKED = [
    "Outcome assessors will be blinded to group allocation until database lock.",
    "The investigator will be unaware of the randomization code until the end of the study.",
    "The statistician remains unaware of the treatment allocation until the final analysis.",
    "Physicians will be unaware of the treatment assignment until study completion.",
    "The outcome assessor is unaware of the treatment allocation.",
    "Participants will not know the allocation until the end of the study.",
    "Investigators are blinded to treatment assignment; unblinding occurs until the end of follow-up",
]


@pytest.mark.parametrize("sentence", CONCEALED)
def test_unaware_of_the_assignment_until_it_is_told_is_concealment(sentence):
    assert MASKED_PARTY.search(sentence) is None


@pytest.mark.parametrize("sentence", MASKED)
def test_unaware_until_the_studys_end_or_without_an_end_is_masking(sentence):
    assert MASKED_PARTY.search(sentence) is not None
