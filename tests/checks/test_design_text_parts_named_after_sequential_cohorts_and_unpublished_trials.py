"""Design-vs-text rules on a randomized part named after the word, parallel groups within sequential cohorts, and a
placebo-controlled trial the text cites unpublished.

- contradictions.allocation_text_randomized: a NON_RANDOMIZED study "With a Randomized Phase II Part" (NCT00517530),
  or whose text says close by that a group is not randomized ("CLL was not randomized"), is randomized in part only.
  The study called randomized, a denial of the whole study's randomization, and an N/A allocation still fire.
- contradictions.model_text_parallel: a SEQUENTIAL model whose titles, summaries or model description name
  ascending-dose cohorts ("Parallel Group, Single Ascending Dose Study", NCT04593641) or a sequential part ("1st phase
  Sequential ... 2nd phase Parallel Assignment", NCT04671017) has parallel groups within cohorts dosed in turn. Other
  models, a dose each participant is titrated up and "Sequential Organ Failure Assessment" still fire.
- contradictions.placebo_controlled_without_placebo: "An unpublished clinical trial with 100 patients showing
  superiority of chloroquine compared to placebo" (NCT04359953) cites another trial; this study compared with placebo
  still fires.

Every case is one study of one warehouse, built once for the module, with neutral text but for the case's texts.
"""
from __future__ import annotations

import pytest

from tests.checks import harness
from tests.checks.design_text_cases import DESIGN_TEXT_RULES, PLACEBO_RULE, case_study

RANDOMIZED_RULE = harness.RANDOMIZED_RULE
PARALLEL_RULE = "contradictions.model_text_parallel"

NON_RANDOMIZED = {"allocation": "NON_RANDOMIZED", "intervention_model": "PARALLEL"}
NOT_ALLOCATED = {"allocation": "NA", "intervention_model": "SINGLE_GROUP"}
SEQUENTIAL = {"allocation": "RANDOMIZED", "intervention_model": "SEQUENTIAL"}
CROSSOVER = {"allocation": "RANDOMIZED", "intervention_model": "CROSSOVER"}
ONE_RANDOMIZED_GROUP = {"allocation": "RANDOMIZED", "intervention_model": "SINGLE_GROUP"}
RANDOMIZED = harness.RANDOMIZED

# NCT00517530's official title and brief summary.
_RANDOMIZED_PART_TITLE = (
    "An Open-label, Multicentre, Nonrandomized, Dose-escalating Phase I/II Study, With a Randomized Phase II Part, to "
    "Investigate the Safety and Tolerability of RO5072759 Given as Monotherapy in Patients With CD20+ Malignant "
    "Disease.")
_SOME_RANDOMIZED_SUMMARY = (
    "It is an open label dose escalating study in phase I and open label in phase II, but the two doses in iNHL & aNHL "
    "are randomized (to high or low dose of the same open label treatment). CLL was not randomized as only one dose "
    "level was used.")
# NCT04593641's official title; NCT04671017's model description, the ordinals' digits lost as the record gives it.
_ASCENDING_DOSE_TITLE = ("A Pilot Phase 1, Randomized, Double-blind, Placebo-controlled, Parallel Group, Single "
                         "Ascending Dose Study to Evaluate the Safety, Tolerability and Virology of CT-P59")
_PHASES_MODEL = ("st phase Sequential (open-label phase)\nnd phase Parallel Assignment (double-blinded randomized "
                 "phase )\nrd phase Parallel Assignment (open-label phase)")
# NCT04359953's detailed description, cut short.
_CITED_TRIAL_DETAIL = (
    "Hydroxychloroquine was chosen because 1. This drug was demonstrated to be potent and more potent than Chloroquine "
    "at inhibiting SARS-CoV-2 in vitro. An unpublished clinical trial with 100 patients showing superiority of "
    "chloroquine compared to placebo with improvement of lung image findings, promotion a virus-negative conversion "
    "and shortening the disease course .")

# (rule, design, [(field, text), ...], fires)
CASES = [
    # NON_RANDOMIZED, randomized in a part named after the word: quiet.
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("official_title", _RANDOMIZED_PART_TITLE),
                                       ("summary", "A study of obinutuzumab in CD20+ malignant disease.")], False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("official_title", "A Phase I Study of Drug X With a Randomized Expansion "
                                                          "Cohort")], False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("detail", "Patients in the randomized portion of the study will receive drug "
                                                  "X or drug Y.")], False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("detail", "The trial has a randomised, double-blind part in which patients "
                                                  "receive drug X or placebo.")], False),
    # NON_RANDOMIZED, a group or part said close by not to be randomized: quiet.
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("summary", _SOME_RANDOMIZED_SUMMARY)], False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("summary", "Patients are randomized to two doses in the CLL cohort; the NHL "
                                                   "cohort is not randomized.")], False),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("detail", "Cohort 1 will not be randomized. Patients are randomized 1:1 to "
                                                  "drug X or drug Y.")], False),
    # The study called randomized, randomized to a part, the whole study denied, or an N/A allocation: fires.
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("official_title", "A Randomized Phase II Study of Drug X")], True),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("official_title", "A Randomized Two-Stage Study of Drug X")], True),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("official_title", "A Randomized Multi-stage Trial of Drug X")], True),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("detail", "Patients will be randomized to cohort A or cohort B.")], True),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("detail", "This study is not randomized. Patients are randomized 1:1 to drug X "
                                                  "or drug Y.")], True),
    (RANDOMIZED_RULE, NON_RANDOMIZED, [("detail", "Participants will not be randomized by site. Patients are "
                                                  "randomized 1:1 to drug X or drug Y.")], True),
    (RANDOMIZED_RULE, NOT_ALLOCATED, [("official_title", _RANDOMIZED_PART_TITLE)], True),
    (RANDOMIZED_RULE, NOT_ALLOCATED, [("summary", _SOME_RANDOMIZED_SUMMARY)], True),
    # SEQUENTIAL, parallel groups within ascending-dose cohorts or beside a sequential part: quiet.
    (PARALLEL_RULE, SEQUENTIAL, [("official_title", _ASCENDING_DOSE_TITLE)], False),
    (PARALLEL_RULE, SEQUENTIAL, [("model_description", _PHASES_MODEL)], False),
    (PARALLEL_RULE, SEQUENTIAL, [("model_description", "1st phase Sequential, 2nd phase Parallel Assignment")], False),
    (PARALLEL_RULE, SEQUENTIAL, [("summary", "A randomized, placebo-controlled, parallel-group, dose-escalation study "
                                             "of drug X.")], False),
    (PARALLEL_RULE, SEQUENTIAL, [("official_title", "A Randomized, Parallel Group Study of Drug X"),
                                 ("detail", "Three cohorts of 8 participants receive multiple ascending doses of drug "
                                            "X or placebo.")], False),
    (PARALLEL_RULE, SEQUENTIAL, [("model_description", "Parallel groups of 8 participants in sequential cohorts")],
     False),
    # Another model, no sequential design, a dose titrated within each participant, another sense: fires.
    (PARALLEL_RULE, CROSSOVER, [("official_title", _ASCENDING_DOSE_TITLE)], True),
    (PARALLEL_RULE, ONE_RANDOMIZED_GROUP, [("official_title", _ASCENDING_DOSE_TITLE)], True),
    (PARALLEL_RULE, SEQUENTIAL, [("official_title", "A Randomized, Double-blind, Parallel Group Study of Drug X")],
     True),
    (PARALLEL_RULE, SEQUENTIAL, [("official_title", "A Randomized, Parallel Group Study of Drug X With Intra-patient "
                                                    "Dose Escalation")], True),
    (PARALLEL_RULE, SEQUENTIAL, [("summary", "A parallel-group study of drug X in sepsis; the Sequential Organ Failure "
                                             "Assessment score is the primary outcome.")], True),
    (PARALLEL_RULE, SEQUENTIAL, [("official_title", "A Randomized, Parallel Group Study of Drug X"),
                                 ("arm_description", "Cohorts receive ascending doses of drug X.")], True),
    # A placebo-controlled trial the text cites unpublished: quiet.
    (PLACEBO_RULE, RANDOMIZED, [("detail", _CITED_TRIAL_DETAIL)], False),
    (PLACEBO_RULE, RANDOMIZED, [("detail", "An unpublished clinical trial with 100 patients showing superiority of "
                                           "chloroquine compared to placebo.")], False),
    (PLACEBO_RULE, RANDOMIZED, [("summary", "An unpublished randomized, placebo-controlled trial found that drug X "
                                            "lowers blood pressure.")], False),
    # This study compared with placebo: fires.
    (PLACEBO_RULE, RANDOMIZED, [("detail", "A clinical trial with 100 patients comparing chloroquine to placebo.")],
     True),
    (PLACEBO_RULE, RANDOMIZED, [("official_title", "Chloroquine Compared to Placebo in Hospitalized Patients With "
                                                   "COVID-19")], True),
    (PLACEBO_RULE, RANDOMIZED, [("detail", "A randomized clinical trial with 100 patients comparing chloroquine to "
                                           "placebo will be conducted at three hospitals.")], True),
]
_IDS = harness.numbered_cases(CASES)


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[str, set[str]]:
    """The studies each rule flags, one warehouse holding every case."""
    studies = {nct_id: case_study(case) for nct_id, case in _IDS.items()}
    rules = [DESIGN_TEXT_RULES[rule_id] for rule_id in (RANDOMIZED_RULE, PARALLEL_RULE, PLACEBO_RULE)]
    return harness.flagged_studies(tmp_path_factory.mktemp("parts_cohorts_cited_trials"), studies, rules)


def _case_id(case: tuple) -> str:
    rule, design, texts, fires = case
    model = design.get("intervention_model", design["allocation"])
    return f"{rule.split('_')[-1]}:{model}:{'fires' if fires else 'quiet'}:{texts[0][1][:60]}"


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[_case_id(c) for c in _IDS.values()])
def test_a_part_named_after_the_word_cohorts_dosed_in_turn_and_a_trial_cited_unpublished(flagged, nct_id):
    rule, _design, texts, fires = _IDS[nct_id]
    assert (nct_id in flagged[rule]) is fires, texts
