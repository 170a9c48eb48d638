"""A 'randomized' claim of the exercises or tasks each participant does ("the remaining 8 exercises will be
randomized"), or of a step of an order randomized in the sentence before ("The order of exercises will be randomized
in to two parts. First, cervical flexion and extension ... will be randomized"), allocates no participants
(contradictions.allocation_text_randomized reads `allocates`). People randomized, in a step or not, still are."""
from __future__ import annotations

import re

import pytest

from checks.design_randomized_claims import allocates
from checks.design_text import Claim
from checks.study_text import StudyText

ORDER = "The order of exercises will be randomized in to two parts to minimize the effect of fatigue. "


def _allocates(text: str) -> bool:
    """Whether the last 'randomized' of the text allocates participants."""
    last = list(re.finditer(r"randomi[sz]ed", text))[-1]
    return allocates(Claim(StudyText("brief_summaries.description", text), last.start(), last.end(), True))


@pytest.mark.parametrize("text", [
    ORDER + "First, cervical flexion and extension with manual and elastic resistance will be randomized.",
    ORDER + "First, flexion will be tested. Secondly, the remaining 8 exercises will be randomized.",
    "Secondly, the remaining 8 exercises will be randomized.",
    "The tasks are randomized across the two visits.",
    "The sequence of the stretches will be randomized. Then, the balance drills will be randomised.",
])
def test_exercises_and_steps_of_an_order_allocate_no_one(text):
    assert not _allocates(text)


@pytest.mark.parametrize("text", [
    ORDER + "First, participants will be randomized to elastic or manual resistance.",
    "First, the 40 patients will be randomized to drug X or placebo.",
    "First, eligible volunteers will be randomized.",
    "The order of exercises is fixed. First, the groups will be randomized.",
    "First, cervical flexion and extension with manual and elastic resistance will be randomized.",
    "Subjects performing home exercises with bands will be randomized to two groups.",
])
def test_people_randomized_are_still_allocated(text):
    assert _allocates(text)
