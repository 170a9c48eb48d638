"""The design-vs-text rules on phrases that extension, split-body, single-arm and observational records write: a
parent trial named by its code, a trial to come, a design the study had before, a later open-label part, open-label
rescue or background drugs, a non-randomized group beside randomized ones, a randomization number, a body part
randomized, headings answered no, quasi-randomization, and hyphens pasted from a word processor.

Every case is one study of one warehouse, built once for the module, with neutral text but for the case's text.
"""
from __future__ import annotations

import pytest

from checks.design_allocation_terms import OBSERVATIONAL, RANDOMIZED
from checks.design_masking_terms import BLINDED, OPEN_LABEL
from checks.design_text import claims, matches
from checks.study_text import StudyText
from checks.trial_text import TRIAL_DESIGN, other_trial
from tests.checks import harness
from tests.checks.harness import (
    BLINDED_RULE, NOT_RANDOMIZED_RULE, OBSERVATIONAL_RULE, OPEN_LABEL_RULE, RANDOMIZED_RULE, TRIAL_RULE,
)


# Hyphens that text pasted from a word processor carries: the Unicode hyphen and the en dash.
HYPHEN, EN_DASH = "\u2010", "\u2013"

# The design each case's study is given.
NO_MASKING = {"masking": "NONE", "subject_masked": None, "investigator_masked": None}
DOUBLE = {"masking": "DOUBLE", "subject_masked": True, "investigator_masked": True}
PARTICIPANT_ONLY = {"masking": "SINGLE", "subject_masked": True, "investigator_masked": None}
NON_RANDOMIZED = {"allocation": "NON_RANDOMIZED"}
NOT_ALLOCATED = {"allocation": "NA"}
ALLOCATED = {"allocation": "RANDOMIZED"}
INTERVENTIONAL = {}
OBSERVATIONAL_STUDY = harness.OBSERVATIONAL_DESIGN

# (rule, design, field, text): texts each rule flagged before and must not flag against the design.
QUIET = [
    # Masking NONE: the parent trial completed, a trial reported, a design changed or weighed, a blinding denied
    # with a pasted hyphen, a heading answered no.
    (BLINDED_RULE, NO_MASKING, "detail", "Following completion of the double-blind study CL-301, participants may "
                                         "enter this open-label study."),
    (BLINDED_RULE, NO_MASKING, "official_title", "An Open-label Extension Study of Drug X in Participants Completing "
                                                 "a Double-blind Study"),
    (BLINDED_RULE, NO_MASKING, "detail", "A recent double-blind trial found that drug X reduces pain."),
    (BLINDED_RULE, NO_MASKING, "detail", "This study was originally planned as double-blind but was changed to open "
                                         "label."),
    (BLINDED_RULE, NO_MASKING, "summary", "This study, initially double-blind, was amended to an open-label design."),
    (BLINDED_RULE, NO_MASKING, "detail", "Whether a double-blind design is possible will be explored in this study."),
    (BLINDED_RULE, NO_MASKING, "summary", f"This is a non{HYPHEN}blinded study."),
    (BLINDED_RULE, NO_MASKING, "summary", f"This is an un{HYPHEN}blinded study of drug X."),
    (BLINDED_RULE, NO_MASKING, "masking_description", "Double-blind: no"),
    # Masking set: a later part open label, open label for a party not masked, rescue and background drugs.
    (OPEN_LABEL_RULE, DOUBLE, "detail", "The second period of this study will be open-label."),
    (OPEN_LABEL_RULE, DOUBLE, "detail", "From week 24 the study will be open-label."),
    (OPEN_LABEL_RULE, DOUBLE, "detail", "Participants who complete the 12-week treatment will be offered drug X "
                                        "open-label."),
    (OPEN_LABEL_RULE, DOUBLE, "detail", "Drug X will be given open label to all participants after unblinding."),
    (OPEN_LABEL_RULE, PARTICIPANT_ONLY, "masking_description", "Participants will not know their group; open label "
                                                               "for the investigator."),
    (OPEN_LABEL_RULE, DOUBLE, "intervention_description", "Open-label rescue medication (salbutamol) is allowed."),
    (OPEN_LABEL_RULE, DOUBLE, "intervention_description", "Salbutamol, open label, as rescue medication"),
    (OPEN_LABEL_RULE, DOUBLE, "intervention_description", "Background therapy with methotrexate, open label"),
    (OPEN_LABEL_RULE, DOUBLE, "summary", "All participants will continue their open-label background methotrexate "
                                         "in this study."),
    # Allocation NA or NON_RANDOMIZED: a heading answered no, quasi-randomization, the parent trial, a trial to
    # come, a body part randomized, a randomization number, a denial with a pasted or spaced hyphen.
    (RANDOMIZED_RULE, NOT_ALLOCATED, "masking_description", "Randomization not applicable"),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "model_description", "Single group; randomization: not applicable."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "model_description", "Randomization: N/A"),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "model_description", "Randomization: none"),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "model_description", "Randomized: No"),
    (RANDOMIZED_RULE, NON_RANDOMIZED, "detail", "Randomization was deemed unethical in this study."),
    (RANDOMIZED_RULE, NON_RANDOMIZED, "official_title", "A Quasi-randomized Trial of Two Dressings"),
    (RANDOMIZED_RULE, NON_RANDOMIZED, "detail", "Participants will be allocated alternately (quasi-randomization)."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "Patients randomized to the drug arm of the ABC trial are followed in "
                                               "this study."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "Eligible patients are those randomized to the experimental arm of "
                                               "study CL-201."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "This open-label extension will enroll subjects who completed the "
                                               "randomized, placebo-controlled Study 301."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "This pilot will determine whether a randomized trial is feasible."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "This single-arm study will provide data to plan a randomised trial."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "The two legs of each participant will be randomized to treatment or "
                                               "control."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "In each patient, one eye will be randomized to drug X and the fellow "
                                               "eye to placebo."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "Each participant's teeth will be randomly allocated to the two "
                                               "sealants."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "In this study, each subject will be assigned a randomization number "
                                               "via IWRS."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "Each participant will be randomly assigned a unique study code in "
                                               "this study."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "In this single-arm study, the IXRS will be used for randomization of "
                                               "drug kits only."),
    (RANDOMIZED_RULE, NON_RANDOMIZED, "summary", f"This is a non{HYPHEN}randomized, open-label study."),
    (RANDOMIZED_RULE, NON_RANDOMIZED, "official_title", f"A Non{EN_DASH}randomized Study of Drug X"),
    (RANDOMIZED_RULE, NON_RANDOMIZED, "official_title", "A Non - randomized Study of Drug X"),
    # Allocation RANDOMIZED: "non-randomized" said of a group beside the randomized ones.
    (NOT_RANDOMIZED_RULE, ALLOCATED, "detail", "A non-randomised historical control group will be used for "
                                               "comparison in this study."),
    (NOT_RANDOMIZED_RULE, ALLOCATED, "detail", "In addition, a non-randomized observational cohort will be followed "
                                               "in this study."),
    (NOT_RANDOMIZED_RULE, ALLOCATED, "arm_title", "Non-randomized cohort"),
    (NOT_RANDOMIZED_RULE, ALLOCATED, "arm_description", "Patients in this non-randomised arm receive drug X open "
                                                        "label."),
    (NOT_RANDOMIZED_RULE, ALLOCATED, "detail", "In this study, healthy volunteers form a non-randomized reference "
                                               "group."),
    # Interventional: an observational study reported, beside the trial, after it, around it.
    (OBSERVATIONAL_RULE, INTERVENTIONAL, "detail", "A large observational study found that drug X reduced "
                                                   "mortality."),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, "summary", "This interventional study will be followed by an observational "
                                                    "extension study."),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, "official_title", "A Randomized Trial and Observational Follow-up Study of "
                                                           "Drug X"),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, "official_title", "Interventional and Observational Study of Drug X"),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, "detail", "This trial is embedded within an observational cohort study."),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, "detail", "Participants of the observational study XYZ will be invited to "
                                                   "this trial."),
    # Observational: another trial's results, its screened patients, its outcomes; a denial with a pasted hyphen.
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "detail", "This study will evaluate whether results of a randomized controlled "
                                                "trial apply in routine practice."),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "detail", "This study will describe outcomes in patients screened for a "
                                                "randomized controlled trial."),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "detail", "This cohort includes patients who were screened for the randomised "
                                                "controlled trial ABC."),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "official_title", "Ten-year Outcomes of a Randomized Trial of Surgery Versus "
                                                        "Observation"),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "summary", f"This is a non{HYPHEN}randomized, open-label trial."),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "official_title", f"A Case{HYPHEN}controlled Trial of Smoking and Lung Cancer"),
]

# (rule, design, field, text): plain contradictions each rule missed before and must flag.
FIRING = [
    (BLINDED_RULE, NO_MASKING, "summary", f"This is a double{HYPHEN}blind study of drug X."),
    (BLINDED_RULE, NO_MASKING, "summary", f"This is a double{EN_DASH}blind study of drug X."),
    (BLINDED_RULE, NO_MASKING, "detail", "DESIGN: Prospective, randomized, single-blinded study."),
    (OPEN_LABEL_RULE, DOUBLE, "summary", f"This is an open{HYPHEN}label study of drug X."),
    (OPEN_LABEL_RULE, DOUBLE, "summary", f"This is a non{HYPHEN}blinded trial of two doses."),
    (NOT_RANDOMIZED_RULE, ALLOCATED, "summary", f"This is a non{HYPHEN}randomized, single-arm study."),
    (NOT_RANDOMIZED_RULE, ALLOCATED, "detail", "This study is quasi-randomized: patients are allocated by "
                                               "alternation."),
    (NOT_RANDOMIZED_RULE, ALLOCATED, "model_description", "Randomized: no"),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, "detail", "This is a prospective, observational, single-centre study."),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, "summary", "This is a non interventional, multicentre study."),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, "summary", f"This is a non{HYPHEN}interventional study of drug X in "
                                                    "routine care."),
]

# (rule, design, field, text): contradictions next to the quiet phrases above, flagged before and still flagged.
STILL_FIRING = [
    (BLINDED_RULE, NO_MASKING, "summary", "In this study, participants will initially receive double-blind treatment "
                                          "for 12 weeks."),
    (BLINDED_RULE, NO_MASKING, "summary", "This double-blind trial found that drug X was safe."),
    (BLINDED_RULE, NO_MASKING, "summary", "Following a 12-week double-blind period, participants will enter an "
                                          "open-label extension in this study."),
    (OPEN_LABEL_RULE, DOUBLE, "summary", "This open-label trial will follow patients from week 0 to week 52."),
    (OPEN_LABEL_RULE, DOUBLE, "summary", "This is an open label, add-on study of drug X."),
    (OPEN_LABEL_RULE, DOUBLE, "official_title", "An Open-label Trial of Drug X Versus Standard of Care"),
    (OPEN_LABEL_RULE, DOUBLE, "masking_description", "Open label to all participants and investigators"),
    (RANDOMIZED_RULE, NON_RANDOMIZED, "detail", "In this study, patients will initially be randomized to drug X or "
                                                "placebo."),
    (RANDOMIZED_RULE, NON_RANDOMIZED, "official_title", "A Randomized Substudy of the ABC Trial"),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "Participants will be randomly assigned to one of two groups in this "
                                               "study."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "Randomisation will be stratified by centre."),
    (NOT_RANDOMIZED_RULE, ALLOCATED, "summary", "This is a non-randomized study with two groups."),
    (NOT_RANDOMIZED_RULE, ALLOCATED, "official_title", "A Non-randomized Phase 2 Study of Drug X"),
    (NOT_RANDOMIZED_RULE, ALLOCATED, "summary", "This is a non-randomized, population-based study."),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, "summary", "This is a prospective and observational study."),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "official_title", "A Randomized Controlled Trial of Exercise in Older Adults "
                                                        "From the ABC Cohort"),
]


CASES = ([(*case, False) for case in QUIET] + [(*case, True) for case in FIRING]
         + [(*case, True) for case in STILL_FIRING])
_IDS = harness.numbered_cases(CASES)


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[str, set[str]]:
    """The studies each design-vs-text rule flags, one warehouse holding every case."""
    return harness.flagged_design_cases(tmp_path_factory.mktemp("design_text_parent_trials"), _IDS,
                                        lambda case: harness.design_text_study(case[1], ((case[2], case[3]),)))


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[harness.design_case_id(c) for c in _IDS.values()])
def test_a_phrase_fires_only_on_a_plain_contradiction(flagged, nct_id):
    rule, design, field, text, fires = _IDS[nct_id]
    assert (nct_id in flagged[rule]) is fires, (design, field, text)


def test_every_rule_has_quiet_and_firing_phrases():
    rules = {BLINDED_RULE, OPEN_LABEL_RULE, RANDOMIZED_RULE, NOT_RANDOMIZED_RULE, OBSERVATIONAL_RULE, TRIAL_RULE}
    assert {c[0] for c in QUIET} == rules
    assert {c[0] for c in FIRING + STILL_FIRING} == rules


# (pattern, text, [(phrase, negated)]): the claims a design field's text holds, with the words a pasted hyphen,
# a spaced hyphen or "quasi" joins to the term.
CLAIMS = [
    (RANDOMIZED, f"A non{HYPHEN}randomized study", [(f"non{HYPHEN}randomized", True)]),
    (RANDOMIZED, f"An un{EN_DASH}randomised study", [(f"un{EN_DASH}randomised", True)]),
    (RANDOMIZED, "A Non - randomized study", [("randomized", True)]),
    (RANDOMIZED, "A quasi-randomised trial", [("quasi-randomised", True)]),
    (RANDOMIZED, "Randomization: not applicable, single group", [("Randomization", True)]),
    (RANDOMIZED, "Randomization: no stratification; 1:1 allocation", [("Randomization", False)]),
    (RANDOMIZED, "RANDOMIZATION-None BLINDING-none", [("RANDOMIZATION", True)]),
    (RANDOMIZED, "Participants are randomized - none of the staff knows the sequence.", [("randomized", False)]),
    (BLINDED, f"A double{HYPHEN}blind, placebo{HYPHEN}controlled study", [(f"double{HYPHEN}blind", False)]),
    (BLINDED, f"A non{HYPHEN}blinded study", []),
    (OPEN_LABEL, f"An open\u2011label study", [(f"open\u2011label", False)]),
    (OPEN_LABEL, f"An open-label run{HYPHEN}in", []),
    (OBSERVATIONAL, "A prospective, observational, multicentre study", [("observational, multicentre study", False)]),
    (OBSERVATIONAL, f"A non{HYPHEN}interventional study", [(f"non{HYPHEN}interventional study", False)]),
]


@pytest.mark.parametrize("pattern, text, expected", CLAIMS, ids=[t for _, t, _ in CLAIMS])
def test_claims_of_a_design_field(pattern, text, expected):
    found = claims([StudyText("designs.masking_description", text)], pattern)
    assert [(c.phrase, c.negated) for c in found] == expected


@pytest.mark.parametrize("pattern", [BLINDED, OPEN_LABEL, RANDOMIZED, OBSERVATIONAL, TRIAL_DESIGN],
                         ids=["blinded", "open label", "randomized", "observational", "trial design"])
def test_matches_tried_at_anchors_are_every_match_with_any_hyphen(pattern):
    text = (f"A non{HYPHEN}randomized, un{EN_DASH}randomised, quasi-randomized, QUASI RANDOMISED, quasirandomized "
            f"trial; double{HYPHEN}blind, placebo{EN_DASH}controlled, non\u2011blinded study; open{HYPHEN}label; "
            f"a non{HYPHEN}interventional study; a prospective, observational, multicentre study; "
            f"a double{HYPHEN}blind, placebo{EN_DASH}controlled trial; an un{HYPHEN}randomized study.")
    for source in (StudyText("f", text), StudyText("f", text + " ſ")):  # ASCII folding, and every character tried
        found = [(m.span(), m.groups()) for m in matches(source, pattern)]
        assert found == [(m.span(), m.groups()) for m in pattern.finditer(source.text)] != []


# (sentence, the checks.trial_text.OTHER_TRIAL entry that recognises another trial in it)
OTHER_TRIAL_SENTENCES = [
    ("This cohort includes patients who were screened for the randomised controlled trial ABC.", "inside a trial"),
    ("Patients not eligible for the randomized trial are followed in this registry.", "inside a trial"),
    ("Ten-year Outcomes of a Randomized Trial of Surgery Versus Observation", "study of a trial"),
    ("This study will evaluate whether results of a randomized controlled trial apply in practice.",
     "study of a trial"),
]


@pytest.mark.parametrize("sentence, marker", OTHER_TRIAL_SENTENCES, ids=[s for s, _ in OTHER_TRIAL_SENTENCES])
def test_another_trial_named(sentence, marker):
    assert other_trial(sentence) == marker


def test_the_folded_sentence_only_spares_patterns_of_words_it_lacks():
    sentences = [text for _, _, _, text in QUIET + FIRING + STILL_FIRING] + [
        "Subjects who completed the randomized,\nplacebo-controlled Study 301 enrol here.",
        "We will assess whether\ta double-blind design is feasible.", "It was,  originally  double-blind."]
    patterns = (BLINDED, OPEN_LABEL, RANDOMIZED, OBSERVATIONAL, TRIAL_DESIGN)
    assert harness.folded_sentence_judgements(sentences, patterns) >= 15
