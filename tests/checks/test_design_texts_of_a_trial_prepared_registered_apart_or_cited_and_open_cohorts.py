"""Design-vs-text rules on a design term of a trial this study prepares, registers apart or cites, and on an arm
called open label beside two arms the masking may blind.

- allocation_text_randomized: "Participants who were randomized and received either Menactra® or Menomune® vaccine
  in trial MTA29 will receive 1 dose" (NCT01239043).
- placebo_controlled_without_placebo and masking_none_text_blinded: "This serves as the pilot for the full placebo
  controlled randomized trial" (NCT00829686); "Aim 2 of this NIH grant will be entered separately into
  ClinicalTrials.gov. It will be a multi-center, randomized, double-blind, placebo-controlled trial" (NCT01801475).
- study_type_text_observational: "The results of our observational study indicate that 42.7% of patients require
  medication" (NCT01449708).
- masking_set_text_open_label: an arm "Oseltamivir Open Label" of renally impaired participants beside the arms
  "Oseltamivir 100 mg" and "Oseltamivir 200 mg" (NCT01050257).

Every case is one study of one warehouse, built once for the module, with neutral text but for the case's texts.
"""
from __future__ import annotations

import random

import pytest

from checks.design_allocation_terms import OBSERVATIONAL as OBSERVATIONAL_TERM
from checks.design_allocation_terms import RANDOMIZED as RANDOMIZED_TERM
from checks.design_masking_terms import BLINDED as BLINDED_TERM
from checks.design_open_label_claims import _open_label_claim_of_every_claim, open_label_claim
from checks.study_text import StudyText
from tests.checks import harness
from tests.checks.design_text_cases import DESIGN_TEXT_RULES, PLACEBO_RULE, case_study

BLINDED_RULE = harness.BLINDED_RULE
OPEN_LABEL_RULE = harness.OPEN_LABEL_RULE
RANDOMIZED_RULE = harness.RANDOMIZED_RULE
OBSERVATIONAL_RULE = harness.OBSERVATIONAL_RULE

ONE_GROUP = harness.SINGLE_GROUP_OPEN
NON_RANDOMIZED = harness.NON_RANDOMIZED_OPEN
DOUBLE_MASKED = {"allocation": "RANDOMIZED", "intervention_model": "PARALLEL", **harness.DOUBLE_MASKED}

# What a case's study lists beside its two dose arms: a third arm whose title is the case's arm title (the case's arm
# texts then go to that arm, not the first).
THIRD_ARM = "third arm"

# NCT01239043's, NCT00829686's, NCT01801475's and NCT01449708's texts.
_MTA29 = ("Participants who were randomized and received either Menactra\u00ae or Menomune\u00ae vaccine in trial "
          "MTA29 will receive 1 dose of either Menactra\u00ae or Menomune\u00ae, respectively on Day 0.")
_PILOT = ("Data will be analyzed both by initial randomization and intention to treat. This serves as the pilot for "
          "the full placebo controlled randomized trial.")
_AIM_2 = ("Aim 2 of this NIH grant will be entered separately into ClinicalTrials.gov. It will be a multi-center, "
          "randomized, double-blind, placebo-controlled trial to determine whether ondansetron treatment will reduce "
          "the incidence or severity of NAS.")
_OUR_RESULTS = ("Morbidly obese patients are at high risk for PONV. The results of our observational study indicate "
                "that 42.7% of patients require medication to treat PONV in the first 24 hours after surgery.")
_RENAL = ("Moderate/Severe renal impaired participants received open label oseltamivir IV or oseltamivir capsules at "
          "reduced doses for 5 days as per protocol.")

# (rule, design, [(field, text), ...], fires, what the study lists beside its texts)
CASES = [
    # Participants randomized in a trial named by its code a few words on, past product names: quiet.
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("detail", _MTA29)], False, None),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("detail", "Subjects who were randomized and received Fluad\u00ae in study "
                                                  "V70-27 will receive a booster.")], False, None),
    # Randomized here, the named trial a later or unrelated word: fires.
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("detail", "Participants will be randomized and receive either Menactra\u00ae "
                                                  "or Menomune\u00ae vaccine on Day 0 and be followed for 28 days "
                                                  "after the dose.")], True, None),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("detail", "Participants will be randomized to one of two vaccines given on "
                                                  "Day 0, and the antibody levels of each subject will be measured "
                                                  "in serum as in study MTA29.")], True, None),
    # The trial a pilot is for: quiet.
    (PLACEBO_RULE, ONE_GROUP, [("summary", _PILOT)], False, None),
    (BLINDED_RULE, ONE_GROUP, [("summary", "This study is a pilot for a larger double-blind trial of drug X.")],
     False, None),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("summary", "It is a pilot for the randomized trial of drug X.")], False, None),
    (RANDOMIZED_RULE, ONE_GROUP, [("detail", "This open study serves as a pilot study for the definitive randomized "
                                             "controlled trial.")], False, None),
    # A pilot that is itself placebo-controlled, or a pilot phase of this trial: fires.
    (PLACEBO_RULE, ONE_GROUP, [("summary", "This placebo controlled pilot will test drug X in 40 patients.")], True,
     None),
    (BLINDED_RULE, ONE_GROUP, [("summary", "In this double-blind pilot, patients take drug X for the full trial "
                                           "period.")], True, None),
    # A trial the sentence before says is registered separately: quiet.
    (PLACEBO_RULE, ONE_GROUP, [("detail", _AIM_2)], False, None),
    (BLINDED_RULE, ONE_GROUP, [("detail", _AIM_2)], False, None),
    (PLACEBO_RULE, ONE_GROUP, [("detail", "The second phase will be registered separately. It will be a "
                                          "placebo-controlled trial of drug X.")], False, None),
    # No separate registration before it, or this study registered so: fires.
    (PLACEBO_RULE, ONE_GROUP, [("detail", "Aim 2 of this NIH grant will enrol 60 mothers. It will be a "
                                          "placebo-controlled trial of ondansetron.")], True, None),
    (BLINDED_RULE, ONE_GROUP, [("detail", "The data will be entered separately into a database. Enrolment will be "
                                          "slow. It will be a double-blind trial.")], True, None),
    (PLACEBO_RULE, ONE_GROUP, [("detail", "Aim 2 will be entered separately into ClinicalTrials.gov. This study is "
                                          "a placebo-controlled trial of ondansetron.")], True, None),
    # The results of an earlier study of the investigators', said to show something now: quiet.
    (OBSERVATIONAL_RULE, DOUBLE_MASKED, [("summary", _OUR_RESULTS)], False, None),
    (OBSERVATIONAL_RULE, DOUBLE_MASKED, [("summary", "The findings of our previous observational study suggest that "
                                                     "drug X lowers pain.")], False, None),
    # Results this study will show, or this study called observational: fires.
    (OBSERVATIONAL_RULE, DOUBLE_MASKED, [("summary", "The results of our observational study will indicate whether "
                                                     "drug X lowers pain.")], True, None),
    (OBSERVATIONAL_RULE, DOUBLE_MASKED, [("summary", "Our observational study indicates that drug X lowers pain.")],
     True, None),
    (OBSERVATIONAL_RULE, DOUBLE_MASKED, [("summary", "The results of this observational study indicate that drug X "
                                                     "lowers pain.")], True, None),
    # An open-label arm of renally impaired participants beside two dose arms: quiet.
    (OPEN_LABEL_RULE, DOUBLE_MASKED, [("arm_title", "Oseltamivir Open Label"), ("arm_description", _RENAL)], False,
     THIRD_ARM),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, [("arm_title", "Cohort C"), ("arm_description", "Patients on dialysis receive "
                                                                                     "open-label drug X.")], False,
     THIRD_ARM),
    # The only arms but one said open label, or the study called open label beside the third arm: fires.
    (OPEN_LABEL_RULE, DOUBLE_MASKED, [("arm_title", "Oseltamivir Open Label"), ("arm_description", _RENAL)], True,
     None),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, [("arm_title", "Oseltamivir Open Label"), ("arm_description", _RENAL),
                                      ("summary", "This is an open-label study of oseltamivir.")], True, THIRD_ARM),
]
_IDS = harness.numbered_cases(CASES)


def _study(case: tuple) -> dict:
    """The case's design-text study, with a third arm that takes the case's arm texts where the case lists one."""
    rule, design, texts, fires, given = case
    if given != THIRD_ARM:
        return case_study((rule, design, texts, fires))
    arm_texts = [(field, text) for field, text in texts if field.startswith("arm_")]
    study = case_study((rule, design, [(field, text) for field, text in texts if not field.startswith("arm_")],
                        fires))
    arm = {"group_type": "EXPERIMENTAL", "title": "Baricitinib open", "description": "Baricitinib once daily"}
    for field, text in arm_texts:
        arm[harness.TEXT_FIELDS[field][1]] = text
    study["design_groups"].append(arm)
    return study


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[str, set[str]]:
    """The studies each rule flags, one warehouse holding every case."""
    studies = {nct_id: _study(case) for nct_id, case in _IDS.items()}
    rules = [DESIGN_TEXT_RULES[rule_id] for rule_id in sorted({case[0] for case in CASES})]
    return harness.flagged_studies(tmp_path_factory.mktemp("trials_prepared"), studies, rules)


def _case_id(case: tuple) -> str:
    rule, _design, texts, fires, given = case
    return f"{rule.split('.')[1]}:{'fires' if fires else 'quiet'}:{given or ''}:{texts[-1][1][:60]}"


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[_case_id(c) for c in _IDS.values()])
def test_trials_prepared_registered_apart_or_cited_and_open_cohorts(flagged, nct_id):
    rule, _design, texts, fires, _given = _IDS[nct_id]
    assert (nct_id in flagged[rule]) is fires, texts


def test_trials_prepared_or_cited_are_judged_alike_with_the_folded_sentence():
    sentences = [text for rule, _d, texts, _f, _g in CASES if rule != OPEN_LABEL_RULE for _field, text in texts]
    assert harness.folded_sentence_judgements(sentences, [RANDOMIZED_TERM, BLINDED_TERM, OBSERVATIONAL_TERM]) >= 4


def _key(claim) -> tuple | None:
    return None if claim is None else (claim.source.field, claim.start, claim.end)


def test_open_arm_beside_compared_arms_is_read_alike_lazily_and_from_every_claim():
    rnd = random.Random(34)
    sentences = ["Open label arm.", "This is an open-label study.", "Drug X 100 mg.", "Blinded drug.",
                 "Followed by a 2 Year Open Label Study."]
    fields = ["design_groups.title", "design_groups.description", "brief_summaries.description",
              "interventions.description", "studies.official_title"]
    design = {"subject_masked": True, "caregiver_masked": None, "investigator_masked": True,
              "outcomes_assessor_masked": None, "masking": "DOUBLE"}
    answers = set()
    for _ in range(300):
        texts = [StudyText(rnd.choice(fields), " ".join(rnd.choice(sentences) for _ in range(rnd.randint(1, 2))))
                 for _ in range(rnd.randint(1, 3))]
        comparator, arms_compared = rnd.random() < 0.3, rnd.random() < 0.5
        lazy = open_label_claim(design, texts, comparator, arms_compared)
        assert _key(lazy) == _key(_open_label_claim_of_every_claim(design, texts, comparator, arms_compared)), texts
        answers.add((lazy is None, arms_compared))
    assert answers == {(True, True), (True, False), (False, True), (False, False)}
