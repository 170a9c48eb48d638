"""contradictions.study_type_text_trial on a sentence that opens by telling what a trial named by its acronym was
("DISH was a multicenter, controlled, randomized study conducted in 1980-1983", NCT00005464; "TOMHS was a two phase
double-blind randomized controlled clinical trial", NCT00005213): in an observational record, the finished trial whose
data or people it studies, whether the sentence follows its heading on one line or after a paragraph break. This
study's own sentences, and a named study in the present tense, are still read."""
from __future__ import annotations

import pytest

from checks.study_text import StudyText
from checks.trial_text import trial_claim

DESCRIPTION = "detailed_descriptions.description"

# (detailed description, the phrase the rule quotes, or None)
CLAIMS = [
    ("BACKGROUND:\n\nDISH was a multicenter, controlled, randomized study conducted in 1980-1983 of 496 patients, "
     "who were formerly participants in the Hypertension Detection and Follow-up Program.", None),
    ("BACKGROUND: DISH was a multicenter, controlled, randomized study conducted in 1980-1983 of 496 patients.", None),
    ("DISH was a randomized study of 496 patients.", None),
    ("BACKGROUND:\n\nCARDIA was a longitudinal study of risk factors.\n\nTOMHS was a two phase double-blind "
     "randomized controlled clinical trial to determine whether pharmacologic therapy lowers morbidity.", None),
    ("The SHEP was a randomized, placebo-controlled trial of chlorthalidone in older adults.", None),
    ("  -  ALLHAT was a randomized, double-blind trial of antihypertensive drugs.", None),
    ("ACCORD-BP was a randomized controlled trial of intensive blood pressure control.", None),
    ("This is a randomized study of 496 patients.", "randomized study"),
    ("BACKGROUND:\n\nThis was a randomized study of 496 patients.", "randomized study"),
    ("DISH is a randomized study of 496 patients.", "randomized study"),
    ("It was a randomized, double-blind study of 496 patients.", "randomized, double-blind study"),
    ("BACKGROUND:\n\nThe study is a randomized trial of 496 patients.", "randomized trial"),
]


@pytest.mark.parametrize("text, phrase", CLAIMS, ids=[t[:70] for t, _ in CLAIMS])
def test_a_named_trial_told_in_the_past_is_another_trial(text, phrase):
    claim = trial_claim([StudyText(DESCRIPTION, text)])
    assert (claim.phrase if claim else None) == phrase
