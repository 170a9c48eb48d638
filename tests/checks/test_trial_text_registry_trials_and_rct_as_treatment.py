"""An observational record's text on a registry trial, and RCT spelt out as a treatment."""
from __future__ import annotations

import pytest

from checks.study_text import StudyText
from checks.trial_text import REGISTRY_TRIAL, other_trial, trial_claim

SUMMARY, TITLE = "brief_summaries.description", "studies.official_title"

# (field, text, the phrase the rule quotes, or None): a registry trial randomizes its participants and follows them
# in a registry; RCT spelt out as radiochemotherapy or root canal treatment is no trial.
CLAIMS = [
    (SUMMARY, "This is a registry-based randomized clinical trial (R-RCT).", "randomized clinical trial"),
    (SUMMARY, "This study is a registry-based randomized controlled trial.", "randomized controlled trial"),
    (SUMMARY, "This study is a randomized registry trial.", "randomized registry trial"),
    (SUMMARY, "This study is a randomized registry-based trial.", "randomized registry-based trial"),
    (SUMMARY, "This is a randomized registry-based clinical trial (RRCT).", "randomized registry-based clinical trial"),
    (SUMMARY, "The present study is a randomized, registry-based trial in Sweden.", "randomized, registry-based trial"),
    (SUMMARY, "This study is a registry-based randomized trial using the SWEDEHEART registry.", "randomized trial"),
    (SUMMARY, "This registry-based randomized trial is embedded in the Danish National Patient Registry.",
     "randomized trial"),
    (TITLE, "A Registry-Based Randomized Clinical Trial of Thrombus Aspiration", "Randomized Clinical Trial"),
    (TITLE, "Registry Randomized Clinical Trial of Early Invasive Strategy", "Randomized Clinical Trial"),
    (SUMMARY, "This study evaluates tumor response after neoadjuvant RCT in patients with rectal cancer.", None),
    (SUMMARY, "This study compares neoadjuvant RCT with total neoadjuvant therapy in routine care.", None),
    (TITLE, "Quality of Life After Neoadjuvant Radiochemotherapy (RCT) for Rectal Cancer: a Prospective Cohort Study",
     None),
    (TITLE, "Outcome of Root Canal Treatment (RCT) in Molars: a Prospective Cohort", None),
]


@pytest.mark.parametrize("field, text, phrase", CLAIMS, ids=[t for _, t, _ in CLAIMS])
def test_trial_claim(field, text, phrase):
    claim = trial_claim([StudyText(field, text)])
    assert (claim.phrase if claim else None) == phrase


def test_rct_spelt_out_in_another_text_means_no_trial():
    title = StudyText(TITLE, "Long-term Toxicity of Radiochemotherapy (RCT) in Rectal Cancer")
    summary = StudyText(SUMMARY, "This study follows patients after RCT of rectal cancer.")
    assert trial_claim([summary]).phrase == "RCT"  # alone, the summary's RCT reads as a trial
    assert trial_claim([title, summary]) is None
    spelt_as_trial = StudyText(TITLE, "A Randomized Controlled Trial (RCT) of Radiochemotherapy in Rectal Cancer")
    assert trial_claim([spelt_as_trial]).phrase == "Randomized Controlled Trial"
    assert trial_claim([StudyText(SUMMARY, "This study is a two-group RCT."), spelt_as_trial]).phrase == "RCT"


# (phrase, whether it names a registry trial): a trial run on a registry, not a registry of a trial's patients.
REGISTRY_PHRASES = [
    ("a registry-based randomized clinical trial", True),
    ("a register-based RCT", True),
    ("a randomized registry trial", True),
    ("a registry-embedded, pragmatic, randomised trial", True),
    ("a registry of patients from a randomized trial", False),
    ("a registry study of randomized patients", False),
    ("an observational registry", False),
    ("a randomized controlled trial registry", False),
    ("a registry-based cohort study", False),
]


@pytest.mark.parametrize("phrase, trial", REGISTRY_PHRASES, ids=[p for p, _ in REGISTRY_PHRASES])
def test_registry_trial_phrase(phrase, trial):
    assert bool(REGISTRY_TRIAL.search(phrase)) is trial


@pytest.mark.parametrize("sentence, marker", [
    ("This is a registry-based randomized clinical trial (R-RCT).", None),
    ("This study is a registry-based randomized trial using the SWEDEHEART registry.", None),
])
def test_other_trial_beside_a_registry_trial(sentence, marker):
    assert other_trial(sentence) == marker
