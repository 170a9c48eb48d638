"""Phrase by phrase: where a study's text calls it a trial, and the sentences that speak of another trial."""
from __future__ import annotations

import pytest

from checks.design_text import matches
from checks.study_text import StudyText
from checks.trial_text import (
    CLINICAL_TRIAL, OTHER_TRIAL, PLACEBO_GROUP, TRIAL_DESIGN, TRIAL_DESIGN_NEEDLES, other_trial, trial_claim,
)

# (phrase, the words TRIAL_DESIGN finds there, or None)
DESIGNS = [
    ("A Randomized Study of a Prescribed 4-Month Structured Treatment Interruption", "Randomized Study"),
    ("a randomised controlled trial", "randomised controlled trial"),
    ("a randomized, double-blind, placebo-controlled, parallel-group study",
     "randomized, double-blind, placebo-controlled, parallel-group study"),
    ("This double-blind placebo-controlled parallel design protocol will investigate",
     "placebo-controlled parallel design"),
    ("The protocol will use a double-masked, placebo-controlled design.", "placebo-controlled design"),
    ("This is a double-blind, multicenter trial of drug X.", "double-blind, multicenter trial"),
    # blinding alone, without 'trial': an observational study of a test's accuracy may blind its readers
    ("This prospective double-blinded study will evaluate the diagnostic accuracy of ultrasound.", None),
    ("This is a single-blind study comparing two MRI sequences for the diagnosis of appendicitis.", None),
    ("A Controlled Trial of Alternate-Day Prednisone Therapy", "Controlled Trial"),
    ("a placebo-controlled phase 3 trial", "placebo-controlled phase 3 trial"),
    ("This is an RCT study", "RCT"),
    ("a non-randomized, open-label trial", "non-randomized, open-label trial"),
    ("an uncontrolled trial", None),
    ("a case-controlled trial", None),
    ("randomized controlled trials", None),
    ("randomized trial data from two registries", None),
    ("randomized controlled trial participants", None),
    ("patients randomized in the ACCORD study", None),
    ("a randomly selected sample", None),
    ("observational data", None),
]


@pytest.mark.parametrize("phrase, found", DESIGNS, ids=[p for p, _ in DESIGNS])
def test_trial_design_phrase(phrase, found):
    match = TRIAL_DESIGN.search(phrase)
    assert (match.group() if match else None) == found
    if match:  # a text without the needle words is skipped: every match holds one
        assert any(word in match.group().lower() for word in TRIAL_DESIGN_NEEDLES)


def test_trial_design_tried_at_its_anchors_finds_every_match():
    text = " ".join(phrase for phrase, _ in DESIGNS)
    text += " A NON-RANDOMISED, ſingle-blinded trial; an un-randomized study."
    for source in (StudyText("f", text), StudyText("f", text.upper()), StudyText("f", text + " İ")):
        found = [(m.span(), m.groups()) for m in matches(source, TRIAL_DESIGN)]
        assert found == [(m.span(), m.groups()) for m in TRIAL_DESIGN.finditer(source.text)]
        assert len(found) >= sum(f is not None for _, f in DESIGNS)


@pytest.mark.parametrize("phrase, found", [
    ("This study is a clinical trial study to evaluate prevention", True),
    ("This clinical trial studies quality-of-life assessments", True),
    ("It is an open-label, multicenter clinical trial", True),
    ("PURPOSE: Clinical trial to study the genes of patients", False),
    ("This is a clinical trial registry of cancer patients", False),
    ("the experience of patients in cluster headache clinical trials", False),
])
def test_clinical_trial_phrase(phrase, found):
    assert bool(CLINICAL_TRIAL.search(phrase)) is found


@pytest.mark.parametrize("title, placebo", [
    ("Group A Pre-diabetic placebo", True), ("Sham stimulation", True), ("Pre-diabetic cohort", False),
    ("Placebos and nocebos", False),
])
def test_placebo_group_title(title, placebo):
    assert bool(PLACEBO_GROUP.search(title)) is placebo


# (sentence, the OTHER_TRIAL entry that recognises it, or "observational too", or None: this study)
SENTENCES = [
    ("This study is an observational follow-up of a randomized trial of baricitinib.", "study of a trial"),
    ("This study is a registry of patients from randomized trials.", "study of a trial"),
    ("Long-term Follow-up of the BRAVE Randomized Controlled Trial", "study of a trial"),
    ("This study uses data from the randomized controlled trial of vitamin D.", "study of a trial"),
    ("This cohort study is nested in a randomized controlled trial of aspirin.", "inside a trial"),
    ("Patients who took part in a randomized trial of baricitinib will be followed.", "inside a trial"),
    ("Women of the placebo-controlled WHI trial will be interviewed.", "people of a trial"),
    ("Prior to launching a randomized controlled trial, this pilot study will test feasibility.", "trial to come"),
    ("A recent randomized study evaluated the optimal duration of therapy.", "trial done before"),
    ("A randomized trial powered to detect it would require several thousands of patients.", "trial supposed"),
    ("A randomized trial of surgery is not feasible in this population.", "trial supposed"),
    ("This study emulates a randomized controlled trial from registry data.", "emulated trial"),
    ("We will emulate a randomized controlled trial of statins.", "emulated trial"),
    ("This study complements evidence from randomized controlled trials.", "trials in the plural"),
    ("This observational study compares patients given either drug in a randomized fashion.", "observational too"),
    ("This retrospective study reviews a randomized controlled trial's charts.", "observational too"),
    ("This study is a randomized, placebo-controlled trial of baricitinib.", None),
    ("Participants in this randomized trial will receive baricitinib or placebo.", None),
    ("This study is a clinical trial study to evaluate the potential of prevention in pre-diabetics.", None),
]


@pytest.mark.parametrize("sentence, marker", SENTENCES, ids=[s for s, _ in SENTENCES])
def test_other_trial(sentence, marker):
    assert other_trial(sentence) == marker


def test_every_other_trial_entry_has_a_sentence():
    assert {name for name, _ in OTHER_TRIAL} <= {marker for _, marker in SENTENCES}


@pytest.mark.parametrize("field, text, phrase", [
    ("brief_summaries.description", "This study is a randomized, placebo-controlled trial of baricitinib.",
     "randomized, placebo-controlled trial"),
    ("brief_summaries.description", "This is not a randomized trial.", None),
    ("brief_summaries.description", "This study is a non-randomized, open-label trial.", None),
    ("brief_summaries.description", "A randomized trial is not possible in this disease.", None),
    ("brief_summaries.description", "Previous placebo-controlled trials showed a benefit.", None),
    ("brief_summaries.description", "Randomized, double-blind, two-group design.", None),  # says nothing of whose
    ("studies.official_title", "A Randomized Trial of Baricitinib", "Randomized Trial"),
    ("studies.official_title", "Follow-up of a Randomized Trial of Baricitinib", None),
])
def test_trial_claim_of_this_study(field, text, phrase):
    claim = trial_claim([StudyText(field, text)])
    assert (claim.phrase if claim else None) == phrase
