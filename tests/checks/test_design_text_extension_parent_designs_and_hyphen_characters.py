"""The design-vs-text rules on what extension and rollover records write of the study participants came from (its
double-blind medication, its randomized treatment, its previous double-blind phase) against this study's own design
("This double-blind extension", "re-randomized"); a trial supposed or to follow; a trial named by its code; a study
that lists its parts; and capitals, non-breaking spaces, non-breaking and soft hyphens and minus signs.

Every case is one study of one warehouse, built once for the module, with neutral text but for the case's texts.
"""
from __future__ import annotations

import pytest

from checks.design_allocation_terms import OBSERVATIONAL, RANDOMIZED
from checks.design_masking_terms import BLINDED, OPEN_LABEL
from checks.design_parent_study import of_an_earlier_part
from checks.design_text import Claim
from checks.study_text import StudyText
from checks.trial_text import TRIAL_DESIGN
from tests.checks import harness
from tests.checks.harness import (
    BLINDED_RULE, NOT_RANDOMIZED_RULE, OBSERVATIONAL_RULE, OPEN_LABEL_RULE, RANDOMIZED_RULE, TRIAL_RULE,
)


NBSP, NB_HYPHEN, SOFT_HYPHEN, MINUS = "\u00a0", "\u2011", "\u00ad", "\u2212"

# The design each case's study is given.
NO_MASKING = {"masking": "NONE", "subject_masked": None, "investigator_masked": None}
DOUBLE = {"masking": "DOUBLE", "subject_masked": True, "investigator_masked": True}
ASSESSOR_ONLY = {"masking": "SINGLE", "subject_masked": None, "investigator_masked": None,
                 "outcomes_assessor_masked": True}
NON_RANDOMIZED = {"allocation": "NON_RANDOMIZED"}
NOT_ALLOCATED = {"allocation": "NA"}
ALLOCATED = {"allocation": "RANDOMIZED"}
INTERVENTIONAL = {}
OBSERVATIONAL_STUDY = harness.OBSERVATIONAL_DESIGN

# An extension's official title: what tells its "previous double-blind phase" is the parent study's.
EXTENSION_TITLE = "An Open-label Extension Study of Drug X"


def _in_an_extension(field: str, text: str) -> tuple:
    """The case's text in an extension's record (its official title calls it one)."""
    return ((field, text), ("official_title", EXTENSION_TITLE))


# (rule, design, field, text) or (rule, design, texts): texts each rule flagged before and must not flag.
QUIET = [
    # Masking NONE: the medication, treatment or phase of the study participants came from.
    (BLINDED_RULE, NO_MASKING, "detail", "Patients will remain on the double-blind study medication of study "
                                         "ABC-123"),
    (BLINDED_RULE, NO_MASKING, "summary", "Patients will remain on the double-blind study medication of study "
                                          "ABC-123."),
    (BLINDED_RULE, NO_MASKING, "arm_description", "Patients will remain on the double-blind study medication of "
                                                  "study ABC-123"),
    (BLINDED_RULE, NO_MASKING, "detail", "Patients will remain on the double-blind study medication of study ABC-123 "
                                         "until the end of that study, then switch to open-label drug X."),
    (BLINDED_RULE, NO_MASKING, "intervention_description", "Participants continue the double-blind study drug of "
                                                           "Study M14-465 until unblinding, then receive open-label "
                                                           "drug X."),
    (BLINDED_RULE, NO_MASKING, "detail", "All participants will continue the double-blind study medication they "
                                         "received in study ABC-123."),
    (BLINDED_RULE, NO_MASKING, "summary", "Participants will remain on the double-blind medication of the main study "
                                          "until it ends."),
    (BLINDED_RULE, NO_MASKING, "arm_description", "Patients will remain on the double-blind study medication of the "
                                                  "ABC trial, then switch to drug X."),
    (BLINDED_RULE, NO_MASKING, "detail", "In the double-blind study ABC-123, patients received drug X or placebo; in "
                                         "this study all receive drug X."),
    (BLINDED_RULE, NO_MASKING, "detail", "Participants who complete this study may be eligible for the double-blind "
                                         "study ABC-456."),
    (BLINDED_RULE, NO_MASKING, "summary", "This open-label study follows the double-blind study ABC-123."),
    (BLINDED_RULE, NO_MASKING, "detail", "Participants who completed the previous double-blind phase will receive "
                                         "open-label drug X in this extension."),
    (BLINDED_RULE, NO_MASKING, *_in_an_extension("detail", "Participants who completed the previous double-blind "
                                                           "phase will receive open-label drug X.")),
    (BLINDED_RULE, NO_MASKING, *_in_an_extension("arm_title", "Drug X (previously double-blind placebo)")),
    (BLINDED_RULE, NO_MASKING, *_in_an_extension("arm_description", "Drug X for those who received placebo in the "
                                                                    "previous double-blind period")),
    # Masking NONE: a trial supposed or to follow.
    (BLINDED_RULE, NO_MASKING, "detail", "A double-blind trial would be needed to confirm these findings."),
    (BLINDED_RULE, NO_MASKING, "detail", "A double-blind, placebo-controlled trial is needed to confirm these "
                                         "results."),
    (BLINDED_RULE, NO_MASKING, "detail", "If this pilot is successful, a double-blind trial will be conducted."),
    (BLINDED_RULE, NO_MASKING, "detail", "A double-blind trial should be considered to confirm the signal."),
    # Allocation NA or NON_RANDOMIZED: the same.
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "Participants will remain on the randomized study medication of study "
                                               "ABC-123."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "Participants will remain on their randomized study drug from study "
                                               "ABC-123 until it is unblinded."),
    (RANDOMIZED_RULE, NON_RANDOMIZED, "detail", "Participants who decline randomization in the main trial will be "
                                                "followed in this registry arm."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "Participants who were randomized to placebo in the previous "
                                               "randomized phase will receive drug X in this extension."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, *_in_an_extension("detail", "Participants who were randomized to placebo in the "
                                                                 "previous randomized phase will receive drug X.")),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "A randomized trial would be needed to confirm the findings of this "
                                               "single-arm study."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "A randomized controlled trial is warranted if this pilot shows "
                                               "benefit."),
    # A denial joined by a soft hyphen or a minus sign pasted from a word processor.
    (BLINDED_RULE, NO_MASKING, "summary", f"This is a non{SOFT_HYPHEN}blinded study of drug X."),
    (RANDOMIZED_RULE, NON_RANDOMIZED, "official_title", f"A Non{MINUS}randomized Study of Drug X"),
    # Interventional: an observational study named by its acronym.
    (OBSERVATIONAL_RULE, INTERVENTIONAL, "detail", "Data from the observational cohort study ABC were used to design "
                                                   "this trial."),
]

# Plain contradictions each rule missed before and must flag.
FIRING = [
    # This study's own design, in a sentence that names the study participants came from.
    (BLINDED_RULE, NO_MASKING, "summary", "This double-blind extension study will evaluate drug X in patients who "
                                          "completed study ABC-123."),
    (BLINDED_RULE, NO_MASKING, "summary", "This is a randomized, double-blind, placebo-controlled extension of study "
                                          "ABC-123."),
    (BLINDED_RULE, NO_MASKING, "detail", "In this double-blind extension, patients from study ABC-123 continue on "
                                         "their randomized treatment."),
    (BLINDED_RULE, NO_MASKING, "summary", "This double-blind study will enroll participants who completed study "
                                          "ABC-123."),
    (BLINDED_RULE, NO_MASKING, "summary", "This randomized, double-blind extension of study ABC-123 will assess drug "
                                          "X."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "summary", "This randomized extension study will compare two doses of drug X in "
                                                "patients who completed study ABC-123."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "summary", "In this randomized extension, participants from study ABC-123 are "
                                                "assigned to drug X 5 or 10 mg."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "summary", "This is a randomized extension of the ABC trial."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, *_in_an_extension("detail", "Participants previously randomized to placebo will "
                                                                 "be re-randomized to drug X 5 or 10 mg.")),
    # A term joined by a soft hyphen or a minus sign.
    (BLINDED_RULE, NO_MASKING, "summary", f"This is a double{SOFT_HYPHEN}blind study of drug X."),
    (OPEN_LABEL_RULE, DOUBLE, "summary", f"This is an open{SOFT_HYPHEN}label study of drug X."),
    (NOT_RANDOMIZED_RULE, ALLOCATED, "official_title", f"A Non{MINUS}randomized Study of Drug X"),
    # A narrative that lists the study's parts.
    (BLINDED_RULE, NO_MASKING, "detail", "The study consists of a 12-week double-blind period followed by a 40-week "
                                         "open-label extension."),
    (BLINDED_RULE, NO_MASKING, "summary", "The study consists of a 12-week double-blind period followed by a 40-week "
                                          "open-label extension."),
    (BLINDED_RULE, NO_MASKING, "detail", "The trial is divided into a 4-week screening period, a 24-week double-blind "
                                         "treatment period and a follow-up."),
    (BLINDED_RULE, NO_MASKING, "detail", "The study consists of two parts: a randomized, double-blind part and an "
                                         "open-label part."),
    (BLINDED_RULE, NO_MASKING, "detail", "The trial includes three periods: screening, double-blind treatment and "
                                         "follow-up."),
]

# Contradictions next to the quiet phrases above, flagged before and still flagged.
STILL_FIRING = [
    (BLINDED_RULE, NO_MASKING, "detail", "Participants will continue the double-blind study medication of this study "
                                         "until week 52."),
    (BLINDED_RULE, NO_MASKING, "detail", "Patients will take the double-blind study medication once daily for 24 "
                                         "weeks."),
    (BLINDED_RULE, NO_MASKING, "detail", "Participants will receive the double-blind study drug for 12 weeks."),
    (BLINDED_RULE, NO_MASKING, "detail", "Participants will enter the double-blind study phase after screening."),
    (BLINDED_RULE, NO_MASKING, "summary", "Participants completing study ABC-123 will enter this 52-week double-blind "
                                          "study."),
    (BLINDED_RULE, NO_MASKING, "detail", "Participants who completed the previous double-blind phase will enter the "
                                         "open-label phase of this study."),
    (BLINDED_RULE, NO_MASKING, "arm_title", "Drug X (previously double-blind placebo)"),
    (BLINDED_RULE, NO_MASKING, "summary", "In this double-blind study, patients will be randomized to drug X or "
                                          "placebo."),
    (BLINDED_RULE, NO_MASKING, "official_title", "A DOUBLE-BLIND STUDY IN THE ABC POPULATION OF DRUG X"),
    (BLINDED_RULE, NO_MASKING, "official_title", "A RANDOMIZED, DOUBLE-BLIND STUDY OF THE EFFICACY OF DRUG X IN THE "
                                                 "TREATMENT OF COPD"),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "Participants will receive the randomized study treatment for 12 "
                                               "weeks."),
    (BLINDED_RULE, NO_MASKING, "arm_description", "The double-blind study should last 12 weeks for each "
                                                  "participant."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "intervention_description", "Participants in the randomized trial should take "
                                                                 "drug X with food."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "summary", "This randomized trial could change practice."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "official_title", "A Randomized Study of Drug X in the NHS"),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "Participants in this extension will be re-randomized to one of two "
                                               "doses."),
]

# Further phrasings as records word them, read right before and held: what must stay quiet (negations, trials
# supposed, other studies, outcome assessors only, placebo effect, random samples) and what must fire (capitals,
# non-breaking spaces and hyphens, double-masked, parentheses).
HELD_QUIET = [
    (BLINDED_RULE, NO_MASKING, "detail", "Subjects from the double-blind core study will receive open-label drug X "
                                         "for 52 weeks."),
    (BLINDED_RULE, NO_MASKING, "arm_description", "Participants who received placebo in the double-blind core study "
                                                  "will switch to drug X 200 mg."),
    (BLINDED_RULE, NO_MASKING, "detail", "Participants will continue the blinded treatment of the preceding study "
                                         "until the database lock of that study."),
    (BLINDED_RULE, NO_MASKING, "arm_description", "Participants randomized to placebo in the double-blind period of "
                                                  "the parent study will receive drug X."),
    (BLINDED_RULE, NO_MASKING, "detail", "Subjects rolled over from study ABC-301 (a double-blind study) will receive "
                                         "open-label drug X."),
    (BLINDED_RULE, NO_MASKING, "detail", "Patients who were on placebo during the double-blind phase of Study 12 will "
                                         "be switched to drug X."),
    (BLINDED_RULE, NO_MASKING, "detail", "Subjects will maintain their double-blind treatment assignment from Study "
                                         "301 until Study 301 is unblinded."),
    (BLINDED_RULE, NO_MASKING, "detail", "Participants who completed the double-blind (DB) period of Study M15-555 "
                                         "may enter."),
    (BLINDED_RULE, NO_MASKING, "brief_title", "Extension Study for Participants From the Double-blind Study ABC-123"),
    (BLINDED_RULE, NO_MASKING, "official_title", "A Rollover Study for Participants Who Completed a Double-Blind Study "
                                                 "of Drug X"),
    (BLINDED_RULE, NO_MASKING, "detail", "Participants from the double-blind study ABC-123 will receive open-label "
                                         "drug X."),
    (BLINDED_RULE, NO_MASKING, "summary", "This extension of the double-blind study ABC-123 will assess long-term "
                                          "safety."),
    (BLINDED_RULE, NO_MASKING, "summary", "In this open-label study, outcome assessors will be blinded to group "
                                          "allocation."),
    (BLINDED_RULE, NO_MASKING, "masking_description", "Open label; outcome assessors blinded"),
    (BLINDED_RULE, NO_MASKING, "summary", "This is a PROBE (prospective, randomized, open, blinded end-point) trial."),
    (BLINDED_RULE, NO_MASKING, "summary", "The placebo effect will be studied in this open-label trial."),
    (BLINDED_RULE, NO_MASKING, "detail", "This study is not a double-blind trial; all participants receive drug X."),
    (BLINDED_RULE, NO_MASKING, "detail", "Results will inform the design of a future double-blind trial."),
    (BLINDED_RULE, NO_MASKING, "masking_description", "Single blind (statistician)"),
    (BLINDED_RULE, NO_MASKING, "detail", "This open-label study is needed because a double-blind trial would be "
                                         "unethical."),
    (OPEN_LABEL_RULE, DOUBLE, "detail", "Patients who completed the open-label study ABC-123 are eligible for this "
                                        "double-blind study."),
    (OPEN_LABEL_RULE, DOUBLE, "detail", "Subjects rolled over from the open-label parent study will be randomized to "
                                        "drug X or placebo."),
    (OPEN_LABEL_RULE, DOUBLE, "summary", "Unlike the earlier open-label studies, this trial is double-blind."),
    (OPEN_LABEL_RULE, DOUBLE, "official_title", "A Double-blind Study With an Open-label Extension of Drug X"),
    (OPEN_LABEL_RULE, ASSESSOR_ONLY, "masking_description", "Open label for participants and physicians; outcome "
                                                            "assessors are blinded."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "Subjects will continue the treatment to which they were randomized in "
                                               "the parent study."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "Charts of 200 patients will be randomly selected for review."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "A random sample of clinics will be invited."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "detail", "The order of the two test meals will be randomized."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "official_title", "LONG-TERM FOLLOW-UP OF PATIENTS RANDOMIZED IN STUDY ABC-301"),
    (NOT_RANDOMIZED_RULE, ALLOCATED, "detail", "Patients who were not randomized in the parent study may enroll in "
                                               "this study."),
    (NOT_RANDOMIZED_RULE, ALLOCATED, "official_title", "A Randomized Study of Drug X With a Non-randomized Safety "
                                                       "Cohort"),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "detail", "This registry will use stratified randomization to select "
                                                "participating sites."),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "detail", "Charts will be randomly selected from the hospital database."),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "detail", "This study will examine the placebo effect in patients with chronic "
                                                "pain."),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "detail", "Placebo-controlled studies have shown that drug X reduces relapses."),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "detail", "Drug X was approved on the basis of a randomized, double-blind, "
                                                "placebo-controlled trial."),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "detail", "Patients who remain on the double-blind study medication of study "
                                                "ABC-123 will be observed."),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "official_title", "Observational Follow-up of the Double-blind, "
                                                        "Placebo-controlled Trial ABC-123"),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, "summary", "Patients who are not randomized will be followed in an "
                                                    "observational cohort."),
]
HELD_FIRING = [
    (BLINDED_RULE, NO_MASKING, "official_title", "A RANDOMIZED, DOUBLE BLIND, PLACEBO CONTROLLED TRIAL OF DRUG X"),
    (BLINDED_RULE, NO_MASKING, "official_title", "A Randomized, Double-blind (DB), Placebo-controlled Study of Drug X"),
    (BLINDED_RULE, NO_MASKING, "official_title", f"A Randomised Double{NB_HYPHEN}Blind Placebo{NB_HYPHEN}Controlled "
                                                 "Trial"),
    (BLINDED_RULE, NO_MASKING, "official_title", "A Phase 3 Study (Double-Blind) of Drug X"),
    (BLINDED_RULE, NO_MASKING, "summary", f"This is a double{NBSP}blind study of drug X."),
    (BLINDED_RULE, NO_MASKING, "brief_title", "Double-Masked Study of Drug X Eye Drops"),
    (BLINDED_RULE, NO_MASKING, "masking_description", "Double blind (Participant, Investigator)"),
    (BLINDED_RULE, NO_MASKING, "arm_description", "Matching placebo tablets, double-dummy, once daily"),
    (BLINDED_RULE, NO_MASKING, "detail", "Participants will be re-randomized in a double-blind manner to drug X or "
                                         "placebo."),
    (OPEN_LABEL_RULE, DOUBLE, "official_title", "AN OPEN-LABEL, RANDOMIZED STUDY OF DRUG X VERSUS DRUG Y"),
    (OPEN_LABEL_RULE, DOUBLE, "masking_description", "None (Open Label)"),
    (OPEN_LABEL_RULE, DOUBLE, "summary", f"This is an open{NBSP}label study of drug X."),
    (RANDOMIZED_RULE, NON_RANDOMIZED, "official_title", "A Cluster Randomized Trial of School-based Exercise"),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "summary", "This is a randomized, crossover study of two formulations."),
    (RANDOMIZED_RULE, NOT_ALLOCATED, "official_title", f"A Randomized{NBSP}Trial of Drug X"),
    (NOT_RANDOMIZED_RULE, ALLOCATED, "official_title", "A NON-RANDOMIZED, OPEN-LABEL STUDY OF DRUG X"),
    (NOT_RANDOMIZED_RULE, ALLOCATED, "summary", f"This is an open label, non{NBSP}randomized study."),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "official_title", "RANDOMISED CONTROLLED TRIAL OF PHYSIOTHERAPY AFTER STROKE"),
    (TRIAL_RULE, OBSERVATIONAL_STUDY, "summary", f"This is a double{NBSP}blind, randomized trial of drug X."),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, "official_title", "A PROSPECTIVE OBSERVATIONAL STUDY OF DRUG X"),
]


def _texts(case: tuple) -> tuple:
    """The case's (field, text) pairs."""
    return case[2:-1] if isinstance(case[2], tuple) else (case[2:4],)


CASES = ([(*case, False) for case in QUIET + HELD_QUIET] + [(*case, True) for case in FIRING + HELD_FIRING]
         + [(*case, True) for case in STILL_FIRING])
_IDS = harness.numbered_cases(CASES)


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[str, set[str]]:
    """The studies each design-vs-text rule flags, one warehouse holding every case."""
    return harness.flagged_design_cases(tmp_path_factory.mktemp("design_text_extensions"), _IDS,
                                        lambda case: harness.design_text_study(case[1], _texts(case)))


def _case_id(case: tuple) -> str:
    return f"{case[0].split('.')[1]}:{'fires' if case[-1] else 'quiet'}:{_texts(case)[0][1]}"


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[_case_id(c) for c in _IDS.values()])
def test_a_phrase_fires_only_on_a_plain_contradiction(flagged, nct_id):
    case = _IDS[nct_id]
    assert (nct_id in flagged[case[0]]) is case[-1], _texts(case)


def test_there_are_sixty_further_phrasings_on_both_sides():
    assert len(QUIET + HELD_QUIET) >= 60 and len(FIRING + STILL_FIRING + HELD_FIRING) >= 40


# (text, whether its first "double-blind" or "randomized" is said of a part done before)
EARLIER_PARTS = [
    ("Participants who completed the previous double-blind phase", True),
    ("in the prior 12-week double-blind period", True),
    ("Drug X (previously double-blind placebo)", True),
    ("Participants who were randomized to placebo in the previous randomized phase", True),
    ("randomized during the prior study", True),
    ("Participants will enter the double-blind period after the previous visit", False),
    ("The double-blind period follows screening.", False),
]


@pytest.mark.parametrize("text, earlier", EARLIER_PARTS, ids=[t for t, _ in EARLIER_PARTS])
def test_a_part_done_before(text, earlier):
    source = StudyText("design_groups.description", text)
    m = min((m for pattern in (BLINDED, RANDOMIZED) if (m := pattern.search(text))), key=lambda m: m.start())
    assert of_an_earlier_part(Claim(source, m.start(), m.end(), False)) is earlier


def test_the_folded_sentence_only_spares_patterns_of_words_it_lacks():
    sentences = [text for case in QUIET + FIRING + STILL_FIRING + HELD_QUIET + HELD_FIRING
                 for _, text in _texts(case)]
    patterns = (BLINDED, OPEN_LABEL, RANDOMIZED, OBSERVATIONAL, TRIAL_DESIGN)
    assert harness.folded_sentence_judgements(sentences, patterns) >= 15
