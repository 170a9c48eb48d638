"""The design-vs-text rules on phrases as ClinicalTrials.gov records write them: what must stay quiet against a
design (a blinded review in an open-label trial, a random sample, an observation arm, another trial's design) and
what must still fire (a plain contradiction of the masking, the allocation or the study type).

Every case is one study of one warehouse, built once for the module, with neutral text but for the case's texts.
"""
from __future__ import annotations

import pytest

from checks import contradictions_design, design_text
from checks.study_text import StudyText
from tests.checks import harness

BLINDED = "contradictions.masking_none_text_blinded"
OPEN_LABEL = "contradictions.masking_set_text_open_label"
RANDOMIZED = "contradictions.allocation_text_randomized"
NOT_RANDOMIZED = "contradictions.allocation_text_not_randomized"
OBSERVATIONAL = "contradictions.study_type_text_observational"

# The design each case's study is given.
NO_MASKING = {"masking": "NONE", "subject_masked": None, "investigator_masked": None}
DOUBLE = {"masking": "DOUBLE", "subject_masked": True, "investigator_masked": True}
QUADRUPLE = {"masking": "QUADRUPLE", "subject_masked": True, "caregiver_masked": True, "investigator_masked": True,
             "outcomes_assessor_masked": True}
SINGLE_UNNAMED = {"masking": "SINGLE", "subject_masked": None, "investigator_masked": None}
SINGLE_PARTICIPANT = {"masking": "SINGLE", "subject_masked": True, "investigator_masked": None}
NON_RANDOMIZED = {"allocation": "NON_RANDOMIZED"}
NOT_ALLOCATED = {"allocation": "NA"}
ALLOCATED = {"allocation": "RANDOMIZED"}
INTERVENTIONAL = {}

# A case whose text is in several fields: its field is TEXTS and its text a tuple of (field, text).
TEXTS = "texts"

# (rule, design, field, text): texts the rule must not flag against the design.
QUIET = [
    # Masking NONE: blinding said to be impossible, a party the registry does not record, another study's design.
    (BLINDED, NO_MASKING, "detail", "Blinded outcome assessment was not possible because of the nature of surgery."),
    (BLINDED, NO_MASKING, "detail", "Blinding is not feasible in this study because the devices look different."),
    (BLINDED, NO_MASKING, "masking_description", "The statistician will be blinded to group allocation."),
    (BLINDED, NO_MASKING, "detail", "A previous single-blind study showed that the exercise reduced pain."),
    (BLINDED, NO_MASKING, "summary", "This is an open-label study. Tumour response will be assessed by blinded "
                                     "independent central review (BICR)."),
    (BLINDED, NO_MASKING, "masking_description", "The sponsor is blinded to aggregate results."),
    (BLINDED, NO_MASKING, "masking_description", "Open label; the study is unblinded."),
    (BLINDED, NO_MASKING, "summary", "This study enrols patients with masked hypertension."),
    (BLINDED, NO_MASKING, "summary", "This study will recruit visually impaired (blind) participants."),
    (BLINDED, NO_MASKING, "arm_description", "Blind patients receive the tactile training program."),
    (BLINDED, NO_MASKING, "detail", "Due to the nature of the intervention, a double-blind design is not feasible "
                                    "in this study."),
    (BLINDED, NO_MASKING, "detail", "This trial cannot be double-blinded because the surgery is visible."),
    (BLINDED, NO_MASKING, "detail", "In this study it is impossible to run a double-blind comparison of the two "
                                    "surgical techniques."),
    (BLINDED, NO_MASKING, "masking_description", "Single blind - only the data analyst is blinded."),
    (BLINDED, NO_MASKING, "masking_description", "Single-blind: the statistician only."),
    (BLINDED, NO_MASKING, "detail", "Participants who completed the double-blind phase of study ABC-301 will receive "
                                    "open-label drug X in this study."),
    (BLINDED, NO_MASKING, "official_title", "An Open-label Extension of the Double-blind Study ABC-301 of Drug X"),
    (BLINDED, NO_MASKING, "detail", "Double-blind trials of drug X have shown benefit; this study will test it open "
                                    "label in children."),
    (BLINDED, NO_MASKING, "detail", "This single-arm study does not use a double-blind design."),
    (BLINDED, NO_MASKING, "detail", "In this study a double-blind design would not be ethical in children."),
    (BLINDED, NO_MASKING, "arm_description", "Participants remain unmasked to treatment."),
    (BLINDED, NO_MASKING, "masking_description", "Participants will be blinded to the study hypothesis."),
    (BLINDED, NO_MASKING, "detail", "In this study we argue that double-blind, placebo-controlled trials are "
                                    "needed."),
    (BLINDED, NO_MASKING, "official_title", "Long-term Follow-up of the Double-blind XYZ Trial of Drug X"),
    (BLINDED, NO_MASKING, "summary", "This open-label study will compare two dosing schedules; the lab staff will be "
                                     "blinded to sample origin."),
    # Masking set: another part of the study open label, a blinded review, an unblinding at the end.
    (OPEN_LABEL, DOUBLE, "summary", "This study has a 12-week double-blind period followed by an open-label "
                                    "extension."),
    (OPEN_LABEL, DOUBLE, "detail", "Participants who complete the study may enter an open-label extension of "
                                   "study X."),
    (OPEN_LABEL, DOUBLE, "masking_description", "The study will be unblinded after database lock."),
    (OPEN_LABEL, DOUBLE, "masking_description", "The trial will be unblinded once all participants complete week "
                                                "52."),
    (OPEN_LABEL, QUADRUPLE, "detail", "This study was unblinded early for efficacy at the interim analysis."),
    (OPEN_LABEL, SINGLE_UNNAMED, "summary", "This is an open-label study. Progression will be assessed by blinded "
                                            "independent central review."),
    (OPEN_LABEL, SINGLE_UNNAMED, "detail", "This is an open-label trial; all scans are read by a BICR."),
    (OPEN_LABEL, SINGLE_UNNAMED, "summary", "This open-label study uses a blinded independent review committee to "
                                            "assess responses."),
    (OPEN_LABEL, SINGLE_UNNAMED, TEXTS, (("summary", "This is an open-label study of drug X."),
                                         ("detail", "Responses will be assessed by blinded independent central "
                                                    "review."))),
    (OPEN_LABEL, DOUBLE, "masking_description", "The study is unblinded at week 24 for the primary analysis."),
    (OPEN_LABEL, DOUBLE, "summary", "This study is open to accrual at 12 sites."),
    (OPEN_LABEL, DOUBLE, "arm_description", "Open-label placebo pills taken twice daily."),
    (OPEN_LABEL, DOUBLE, "summary", "Part 1 of this study is open label; Part 2 is double-dummy."),
    (OPEN_LABEL, DOUBLE, "detail", "This study has two parts. Part 1 is an open-label dose escalation. Part 2 will "
                                   "compare the selected dose with vehicle."),
    (OPEN_LABEL, DOUBLE, "detail", "Unlike the open-label pilot, this study hides the allocation from participants "
                                   "and investigators."),
    (OPEN_LABEL, DOUBLE, "masking_description", "Participants and investigators are masked; not open label."),
    (OPEN_LABEL, DOUBLE, "summary", "This study enrols adults with masked hypertension."),
    (OPEN_LABEL, DOUBLE, "detail", "Open-label trials of drug X have shown benefit; this study now hides the "
                                   "allocation."),
    # Allocation NON_RANDOMIZED or NA: a random sample, a denial, another trial's randomization, trials in general.
    (RANDOMIZED, NOT_ALLOCATED, "detail", "Patients were randomly selected from the clinic list."),
    (RANDOMIZED, NOT_ALLOCATED, "detail", "A random sample of 200 households will be surveyed in this study."),
    (RANDOMIZED, NON_RANDOMIZED, "summary", "This is a non-randomized, open-label study."),
    (RANDOMIZED, NOT_ALLOCATED, "official_title", "Long-term Follow-up of Participants From the Randomized PROTECT "
                                                  "Trial"),
    (RANDOMIZED, NOT_ALLOCATED, "official_title", "An Open-label Substudy of the Randomized ABC Trial"),
    (RANDOMIZED, NOT_ALLOCATED, "official_title", "A Single-arm Sub-study of the Randomized ABC Trial"),
    (RANDOMIZED, NOT_ALLOCATED, "detail", "Randomization is not applicable as this is a single-arm study."),
    (RANDOMIZED, NOT_ALLOCATED, "detail", "This study does not involve randomization."),
    (RANDOMIZED, NOT_ALLOCATED, "detail", "There is no randomization in this study."),
    (RANDOMIZED, NOT_ALLOCATED, "detail", "Randomised controlled trials are the gold standard, but this single-arm "
                                          "study will collect pilot data."),
    (RANDOMIZED, NOT_ALLOCATED, "detail", "This study cannot be randomized because every patient needs the drug."),
    (RANDOMIZED, NON_RANDOMIZED, "detail", "In this study it is not possible to randomly assign patients to surgery."),
    (RANDOMIZED, NOT_ALLOCATED, "detail", "This pilot will inform a future randomized trial."),
    (RANDOMIZED, NON_RANDOMIZED, "detail", "Unlike a randomized trial, this study assigns treatment by the "
                                           "clinician's choice."),
    (RANDOMIZED, NOT_ALLOCATED, "detail", "In this study the order of the two tasks will be randomized."),
    (RANDOMIZED, NOT_ALLOCATED, "official_title", "Follow-up of the Randomized PRIME Trial Cohort"),
    # Allocation RANDOMIZED: randomization said, stratified; a non-randomized part beside it.
    (NOT_RANDOMIZED, ALLOCATED, "detail", "Randomization will be stratified by site."),
    (NOT_RANDOMIZED, ALLOCATED, "detail", "Participants will be randomized 1:1. A non-randomized open-label cohort "
                                          "will also be followed."),
    (NOT_RANDOMIZED, ALLOCATED, "detail", "Participants will be allocated at random to drug or placebo. This study "
                                          "also follows a non-randomised cohort of patients who decline."),
    (NOT_RANDOMIZED, ALLOCATED, "detail", "Participants are assigned by a computer-generated random allocation "
                                          "sequence. A non-randomized registry cohort is also followed in this "
                                          "study."),
    # Interventional: an observation period or arm, an observational part, another study.
    (OBSERVATIONAL, INTERVENTIONAL, "detail", "In this study an observational period of 12 weeks follows treatment."),
    (OBSERVATIONAL, INTERVENTIONAL, "arm_description", "Patients in the observation arm receive standard care."),
    (OBSERVATIONAL, INTERVENTIONAL, "detail", "This study also follows an observational cohort of patients who "
                                              "decline randomization."),
    (OBSERVATIONAL, INTERVENTIONAL, "detail", "Patients who decline randomisation will be invited to join an "
                                              "observational cohort study."),
    (OBSERVATIONAL, INTERVENTIONAL, "detail", "This observational sub-study of the XYZ trial will collect samples."),
    (OBSERVATIONAL, INTERVENTIONAL, "arm_description", "Non-interventional control group: usual care."),
    (OBSERVATIONAL, INTERVENTIONAL, "detail", "This trial includes an observational study of untreated siblings."),
    (OBSERVATIONAL, INTERVENTIONAL, "detail", "Prior observational studies suggested a benefit; this trial will "
                                              "test it."),
    (OBSERVATIONAL, INTERVENTIONAL, "detail", "Unlike an observational study, this trial assigns the intervention."),
    (OBSERVATIONAL, INTERVENTIONAL, "detail", "This trial will be compared with an observational registry."),
    (OBSERVATIONAL, INTERVENTIONAL, "detail", "Patients not eligible for this trial will be offered enrolment into "
                                              "a parallel observational study."),
    (OBSERVATIONAL, INTERVENTIONAL, "official_title", "A Randomized Trial of Drug X With a Non-interventional Study "
                                                      "of Untreated Patients"),
    (OBSERVATIONAL, INTERVENTIONAL, "detail", "This trial is nested in an observational cohort study of the same "
                                              "patients."),
]

# (rule, design, field, text): plain contradictions the rule must flag.
FIRING = [
    (BLINDED, NO_MASKING, "summary", "This is a randomized, double-blind, placebo-controlled trial."),
    (BLINDED, NO_MASKING, "official_title", "A Double-Blind, Placebo-Controlled Study of Drug X"),
    (BLINDED, NO_MASKING, "masking_description", "Double blind (participant, investigator)"),
    (BLINDED, NO_MASKING, "official_title", "A Single-blind (Outcomes Assessor) Randomized Study"),
    (BLINDED, NO_MASKING, "summary", "This trial has a 12-week double-blind treatment period followed by an "
                                     "open-label extension."),
    (BLINDED, NO_MASKING, "intervention_description", "Matching double-dummy tablets once daily"),
    (BLINDED, NO_MASKING, "summary", "This is a triple-blind randomized trial."),
    (BLINDED, NO_MASKING, "arm_description", "Participants receive drug X in a double-blind manner."),
    (BLINDED, NO_MASKING, "detail", "This double-blind design is feasible in this study."),
    (BLINDED, NO_MASKING, "masking_description", "Single blind (participant)."),
    (BLINDED, NO_MASKING, "detail", "A double-blind design is used in this study."),
    (BLINDED, NO_MASKING, "detail", "Unlike the pilot, this study is double-blind."),
    (BLINDED, NO_MASKING, "arm_description", "Patients who cannot attend receive double-blind drug X by post."),
    (BLINDED, NO_MASKING, "official_title", "A Double-blind Follow-up Study of Drug X"),
    (OPEN_LABEL, DOUBLE, "summary", "This is an open-label study of drug X."),
    (OPEN_LABEL, DOUBLE, "masking_description", "Open label"),
    (OPEN_LABEL, DOUBLE, "masking_description", "No masking"),
    (OPEN_LABEL, QUADRUPLE, "official_title", "An Open-Label, Single-Arm Study of Drug X"),
    (OPEN_LABEL, SINGLE_PARTICIPANT, "masking_description", "The trial is not blinded."),
    (OPEN_LABEL, DOUBLE, "masking_description", "The study will not be blinded."),
    (OPEN_LABEL, DOUBLE, "summary", "This is a non-blinded trial of two doses."),
    (OPEN_LABEL, DOUBLE, "masking_description", "The study is unblinded."),
    (OPEN_LABEL, DOUBLE, "summary", "This open-label study treats adults with masked hypertension."),
    (RANDOMIZED, NON_RANDOMIZED, "summary", "Participants in this study will be randomized 1:1 to drug or placebo."),
    (RANDOMIZED, NOT_ALLOCATED, "official_title", "A Randomized Controlled Trial of Drug X"),
    (RANDOMIZED, NON_RANDOMIZED, "detail", "Patients will be randomly allocated to two groups."),
    (RANDOMIZED, NON_RANDOMIZED, "detail", "After 12 weeks of open-label treatment, responders in this study will "
                                           "be randomized to continue drug X or switch to placebo."),
    (RANDOMIZED, NOT_ALLOCATED, "detail", "Randomization is appropriate for this study."),
    (RANDOMIZED, NON_RANDOMIZED, "detail", "In this study, patients will be randomized between two techniques."),
    (RANDOMIZED, NON_RANDOMIZED, "detail", "Randomization is used in this study."),
    (NOT_RANDOMIZED, ALLOCATED, "summary", "This is a non-randomized, single-arm study."),
    (NOT_RANDOMIZED, ALLOCATED, "detail", "Participants in this study will not be randomized."),
    (NOT_RANDOMIZED, ALLOCATED, "official_title", "A Non-randomised Pilot Study of Drug X"),
    (NOT_RANDOMIZED, ALLOCATED, "detail", "Participants are not allocated at random; this is a non-randomized "
                                          "comparison."),
    (OBSERVATIONAL, INTERVENTIONAL, "summary", "This is a prospective observational study."),
    (OBSERVATIONAL, INTERVENTIONAL, "official_title", "A Multicenter Observational Study of Drug X"),
    (OBSERVATIONAL, INTERVENTIONAL, "summary", "This is a non-interventional study of drug X in routine care."),
    (OBSERVATIONAL, INTERVENTIONAL, "official_title", "A Non-interventional Study of Drug X in Routine Practice"),
    (OBSERVATIONAL, INTERVENTIONAL, "summary", "This is a single-center, prospective observational study."),
]


def _study(design: dict, field: str, text: str) -> dict:
    """The clean study with neutral texts and arms, the given design, and `text` in `field`."""
    return harness.design_text_study(design, text if field == TEXTS else ((field, text),))


CASES = [(rule, design, field, text, False) for rule, design, field, text in QUIET] + \
        [(rule, design, field, text, True) for rule, design, field, text in FIRING]
_IDS = {f"NCT0{n:07d}": case for n, case in enumerate(CASES, start=1)}
_RULES = {rule.id: rule for rule in contradictions_design.RULES}


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[str, set[str]]:
    """The studies each design-vs-text rule flags, one warehouse holding every case."""
    studies = {nct_id: _study(design, field, text) for nct_id, (_, design, field, text, _) in _IDS.items()}
    rules = [_RULES[rule_id] for rule_id in (BLINDED, OPEN_LABEL, RANDOMIZED, NOT_RANDOMIZED, OBSERVATIONAL)]
    return harness.flagged_studies(tmp_path_factory.mktemp("design_text"), studies, rules)


def _case_id(case: tuple) -> str:
    rule, _, field, text, fires = case
    shown = " / ".join(t for _, t in text) if field == TEXTS else text
    return f"{rule.split('.')[1]}:{'fires' if fires else 'quiet'}:{shown}"


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[_case_id(c) for c in _IDS.values()])
def test_a_real_phrase_fires_only_on_a_plain_contradiction(flagged, nct_id):
    rule, design, field, text, fires = _IDS[nct_id]
    assert (nct_id in flagged[rule]) is fires, (design, field, text)


def test_there_are_many_quiet_phrases_and_firing_phrases_for_every_rule():
    assert len(QUIET) >= 50 and len(FIRING) >= 20
    assert {c[0] for c in QUIET} == {c[0] for c in FIRING} == {BLINDED, OPEN_LABEL, RANDOMIZED, NOT_RANDOMIZED,
                                                                 OBSERVATIONAL}


# (pattern, phrase, claimed): whether a design field's phrase holds a claim of the pattern that is not denied: a term
# said to be impossible or not applicable, another trial's or trials in general, a study beside this one.
PATTERN_PHRASES = [
    ("BLINDED", "A double-blind design is not feasible.", False),
    ("BLINDED", "A double-blind design is feasible.", True),
    ("BLINDED", "The trial cannot be double-blinded.", False),
    ("BLINDED", "Patients who cannot attend receive double-blind drug X.", True),
    ("BLINDED", "Single blind - only the data analyst is blinded.", False),
    ("BLINDED", "Single blind (participant)", True),
    ("BLINDED", "Double-blind trials of drug X have shown benefit.", False),
    ("BLINDED", "Long-term Follow-up of the Double-blind XYZ Trial", False),
    ("BLINDED", "A Double-blind Follow-up Study of Drug X", True),
    ("BLINDED", "A randomized, non-blinded study", False),
    ("OPEN_LABEL", "The study will be unblinded after database lock.", False),
    ("OPEN_LABEL", "The study is unblinded.", True),
    ("OPEN_LABEL", "The study will not be blinded.", True),
    ("OPEN_LABEL", "Unlike the open-label pilot, participants are masked.", False),
    ("RANDOMIZED", "Randomization is not applicable.", False),
    ("RANDOMIZED", "Randomization is used.", True),
    ("RANDOMIZED", "Randomised controlled trials are the gold standard.", False),
    ("RANDOMIZED", "Patients are randomized to two groups.", True),
    ("RANDOMIZED", "A Substudy of the Randomized ABC Trial", False),
    ("RANDOMIZED", "A Randomized Substudy of the ABC Trial", True),
    ("RANDOMIZED", "The study cannot be randomized.", False),
    ("RANDOMIZING", "Participants are allocated at random.", True),
    ("RANDOMIZING", "Participants are not allocated at random.", False),
    ("RANDOMIZING", "A computer-generated random allocation sequence", True),
    ("OBSERVATIONAL", "The trial includes an observational study of siblings.", False),
    ("OBSERVATIONAL", "Patients who decline will join an observational cohort study.", False),
    ("OBSERVATIONAL", "This is an observational study.", True),
    ("OBSERVATIONAL", "This is a non-interventional study.", True),
    ("OBSERVATIONAL", "Non-interventional control group", False),
    ("OBSERVATIONAL", "Unlike an observational study, this trial assigns treatment.", False),
]


@pytest.mark.parametrize("name, phrase, claimed", PATTERN_PHRASES, ids=[f"{n}:{p}" for n, p, _ in PATTERN_PHRASES])
def test_a_phrase_claims_a_design_only_when_it_states_this_studys(name, phrase, claimed):
    found = design_text.claims([StudyText("designs.masking_description", phrase)], getattr(design_text, name))
    assert any(not c.negated for c in found) is claimed


@pytest.mark.parametrize("phrase, mentioned", [
    ("Scans are read by a BICR.", True), ("by blinded independent central review", True),
    ("An independent central review of scans", False)])
def test_a_blinded_central_review_is_a_blinded_assessment(phrase, mentioned):
    assert bool(design_text.BLINDED_ASSESSMENT.search(phrase)) is mentioned
