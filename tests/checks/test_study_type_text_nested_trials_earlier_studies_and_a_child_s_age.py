"""Prose readings of a trial nested in its host study, of studies done before, of a blinded prediction, of the age of
a participant's child, and of a second group's list numbered otherwise.

- study_type_text_observational: the observational study a record names may be the host of the trial it registers
  ("A Diagnostic Study And Nested Randomised Trial", "... will be enrolled in the nested malaria treatment trial"),
  the other part of a study another registration holds ("This record refers only to the randomized portion"), one
  group of it ("Observational study participants are asked ..."), an aim it adds ("Furthermore, in an observational
  design ...") or a study done before ("We conducted a preliminary observational study"); a record whose text also
  calls it a randomized trial has the type its text gives. A study called observational, one nested within a
  trial, or a past-tense study with no word that it came before still fires.
- study_type_text_trial: "a preliminary study before the implementation of a randomized trial" is a trial to come.
- masking_none_text_blinded: "response will be predicted at site B a priori, but in a double-blind manner" is a
  blinded assessment, not a blinded design.
- criteria_age_differs (criterion_statement): "Must have a 3-5 year old child" states the child's age.
- duplicate_criterion (repeated_items): "2. X" and, in a list numbered again with other marks, "2) X" are two
  groups' criteria.

Every design case is one study of one warehouse, built once for the module, with neutral text but for its texts.
"""
from __future__ import annotations

import pytest

from checks.criteria_age_criterion import criterion_statement
from checks.criteria_repeats import repeated_items
from tests.checks import harness
from tests.checks.design_text_cases import DESIGN_TEXT_RULES, case_study

OBSERVATIONAL_RULE = harness.OBSERVATIONAL_RULE
TRIAL_RULE = harness.TRIAL_RULE
BLINDED_RULE = harness.BLINDED_RULE
RANDOMIZED = harness.RANDOMIZED
OBSERVATIONAL = harness.OBSERVATIONAL_DESIGN
SINGLE_GROUP = harness.SINGLE_GROUP_OPEN

_NESTED_TITLE = ("official_title", "The Clinical Utility Of Cardiac Magnetic Resonance Imaging in Patients With "
                                   "Angina (CorCMR): A Diagnostic Study And Nested Randomised Trial")
_HOST_STUDY = ("detail", "We propose that an observational, diagnostic study involving stress CMR will provide "
                         "information on the prevalence of microvascular disease.")
_OTHER_PORTION = ("detail", "This is a prospective observational study of healthy girls. Girls were randomized to "
                            "receive either the HPV vaccine first or their other vaccines first. Please note: This "
                            "record refers only to the randomized portion of the study where pain following "
                            "vaccination was assessed. Please refer to NCT02280642 for the observational portion of "
                            "the study.")

# (rule, design, [(field, text), ...], fires)
DESIGN_CASES = [
    # The host study named first and the registered trial nested in it: quiet.
    (OBSERVATIONAL_RULE, RANDOMIZED, [_NESTED_TITLE, _HOST_STUDY], False),
    (OBSERVATIONAL_RULE, RANDOMIZED, [("summary", "An observational cohort study will be conducted in 708 newly "
                                                  "diagnosed COVID-19 patients. Approximately 142 of them will be "
                                                  "enrolled in the nested malaria treatment trial and randomized.")],
     False),
    # The record the randomized portion, the observational one registered apart: quiet.
    (OBSERVATIONAL_RULE, RANDOMIZED, [_OTHER_PORTION], False),
    # One group of the study, an aim the trial adds, a study done before: quiet.
    (OBSERVATIONAL_RULE, RANDOMIZED, [("detail", "Non-randomized participants are followed up at 16 weeks, and "
                                                 "Observational study participants are asked to complete surveys at "
                                                 "12 and 24 months.")], False),
    (OBSERVATIONAL_RULE, RANDOMIZED, [("summary", "The aim of this study is to evaluate if acute invasive evaluation "
                                                  "improves outcome in acute coronary syndrome (ACS) Furthermore, "
                                                  "in an observational design the potential clinical benefit of "
                                                  "CCTA is evaluated.")], False),
    (OBSERVATIONAL_RULE, RANDOMIZED, [("summary", "We conducted a preliminary observational study of hospitalized "
                                                  "COVID-19 patients at two Spanish hospitals.")], False),
    (OBSERVATIONAL_RULE, RANDOMIZED, [("summary", "A recent prospective observational study of early prone "
                                                  "positioning found it well tolerated.")], False),
    # A narrative calls the study observational, a text calls it a randomized trial: quiet.
    (OBSERVATIONAL_RULE, RANDOMIZED, [("summary", "This is an observational study of exercise in prostate cancer."),
                                      ("detail", "This study is a randomized controlled trial of 16 weeks of aerobic "
                                                 "exercise versus usual care.")], False),
    # The host study with no nested trial, a trial nested in a cohort (the host's record, maybe), a title that calls
    # the study observational, this study said observational, one nested within a trial, or a study this one
    # conducted with no word that it came before: fires.
    (OBSERVATIONAL_RULE, RANDOMIZED, [_HOST_STUDY], True),
    (OBSERVATIONAL_RULE, RANDOMIZED, [("summary", "An observational cohort study will be conducted in 708 patients. "
                                                  "A malaria treatment trial will be conducted nested within the "
                                                  "cohort.")], True),
    (OBSERVATIONAL_RULE, RANDOMIZED, [("official_title", "A Prospective Observational Study of Aerobic Exercise"),
                                      ("detail", "This study is a randomized controlled trial of 16 weeks of aerobic "
                                                 "exercise versus usual care.")], True),
    (OBSERVATIONAL_RULE, RANDOMIZED, [("summary", "An observational cohort study will be conducted in 708 newly "
                                                  "diagnosed COVID-19 patients.")], True),
    (OBSERVATIONAL_RULE, RANDOMIZED, [("detail", "This is a prospective observational study of healthy girls. Girls "
                                                 "were randomized to receive the HPV vaccine first.")], True),
    (OBSERVATIONAL_RULE, RANDOMIZED, [("detail", "This observational study is nested within a randomized trial of "
                                                 "baricitinib.")], True),
    (OBSERVATIONAL_RULE, RANDOMIZED, [("summary", "We conducted a prospective observational study of 200 patients "
                                                  "given baricitinib.")], True),
    (OBSERVATIONAL_RULE, RANDOMIZED, [("detail", "The observational study group will be followed for 12 months. This "
                                                 "is an observational study.")], True),
    # A trial to come after this study: quiet; this study called a randomized trial: fires.
    (TRIAL_RULE, OBSERVATIONAL, [("summary", "This is a preliminary study before the implementation of a randomized "
                                             "trial confirming the therapeutic monitoring of erlotinib.")], False),
    (TRIAL_RULE, OBSERVATIONAL, [("summary", "This is a preliminary randomized trial of the therapeutic monitoring "
                                             "of erlotinib.")], True),
    (TRIAL_RULE, OBSERVATIONAL, [("summary", "This randomized trial starts before the implementation of new "
                                             "guidelines.")], True),
    # A response predicted blind in a single-group study: quiet; the study's treatment given blind: fires.
    (BLINDED_RULE, SINGLE_GROUP, [("summary", "While at site A predictions will be generated following completion of "
                                              "the treatment, response will be predicted at site B a priori, but in "
                                              "a double-blind manner.")], False),
    (BLINDED_RULE, SINGLE_GROUP, [("summary", "Participants will be treated in a double-blind manner.")], True),
    (BLINDED_RULE, SINGLE_GROUP, [("summary", "This is a double-blind study, but response will be predicted at site "
                                              "B.")], True),
]
_IDS = harness.numbered_cases(DESIGN_CASES)


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[str, set[str]]:
    """The studies each rule flags, one warehouse holding every case."""
    studies = {nct_id: case_study(case) for nct_id, case in _IDS.items()}
    rules = [DESIGN_TEXT_RULES[rule_id] for rule_id in sorted({case[0] for case in DESIGN_CASES})]
    return harness.flagged_studies(tmp_path_factory.mktemp("nested_trials_and_earlier_studies"), studies, rules)


def _case_id(case: tuple) -> str:
    rule, _design, texts, fires = case
    return f"{rule.split('.')[1]}:{'fires' if fires else 'quiet'}:{texts[-1][1][:70]}"


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[_case_id(c) for c in _IDS.values()])
def test_a_nested_trial_an_earlier_study_and_a_blinded_prediction(flagged, nct_id):
    rule, _design, texts, fires = _IDS[nct_id]
    assert (nct_id in flagged[rule]) is fires, texts


# (criterion, whether it states the participants' age)
AGE_CASES = [
    ("- Must have a 3-5 year old child", False),
    ("- Pregnant women or women who have at least one child younger than 18 years of age", False),
    ("- Mothers who have one child aged 2 to 5 years", False),
    ("- Children aged 6-12 years", True),
    ("- Adults aged 18 to 65 years who have a child in the study", True),
    ("- Women aged 20-45 years having one child", True),
]


@pytest.mark.parametrize("criterion, states_age", AGE_CASES, ids=[c[0][2:60] for c in AGE_CASES])
def test_a_child_s_age_is_not_the_participant_s(criterion, states_age):
    assert bool(criterion_statement(criterion)) is states_age


_VIOLENT = ("Inclusion Criteria:\n\nfor violent group\n\n  1. Inpatient or out-patient treatment;\n\n"
            "  2. Junior high school education or above, eliminate mental retardation;\n\n"
            "  3. Willing to participate in this study and sign the informed consent. Inclusion criteria\n"
            "     for non-violent patients\n\n")
_NON_VIOLENT = ("1) Schizophrenic patients treated in hospital or outpatient; 2) Junior high school\n"
                "education or above, eliminate mental retardation; 3) Willing to participate in\n"
                "this study and sign the informed consent.\n")
_PASTED = ("  1. Schizophrenic patients treated in hospital or outpatient;\n\n"
           "  2. Junior high school education or above, eliminate mental retardation;\n\n"
           "  3. Willing to participate in this study and sign the informed consent.\n")
_ONE_LIST = ("Inclusion Criteria:\n\n  1. Junior high school education or above, eliminate mental retardation;\n\n"
             "  2. Inpatient or out-patient treatment;\n\n"
             "  3. Junior high school education or above, eliminate mental retardation;\n")

# (criteria, how many criteria are stated twice)
REPEAT_CASES = [
    (_VIOLENT + _NON_VIOLENT, 0),
    (_VIOLENT + _PASTED, 1),
    (_ONE_LIST, 1),
]


@pytest.mark.parametrize("criteria, repeats", REPEAT_CASES, ids=["numbered again otherwise", "numbered again alike",
                                                                 "twice in one list"])
def test_a_second_group_s_list_numbered_otherwise(criteria, repeats):
    assert len(repeated_items(criteria)) == repeats
