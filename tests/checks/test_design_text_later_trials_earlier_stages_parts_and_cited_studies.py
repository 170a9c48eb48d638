"""Design-vs-text rules on a trial this study prepares, a stage before the randomized one, a part of the study named
as such, allocation concealment, and a study cited or run beside this one.

- allocation_text_randomized: a trial to follow "If this initial study shows promise" (NCT00181766) or "Once the
  accuracy, acceptability, and feasibility ... are established" (NCT01163474).
- masking_none_text_blinded and placebo_controlled_without_placebo: "grant applications proposing to examine ...
  under placebo-controlled, double-blind conditions" (NCT00731133); an extension whose title ends "(Open-label
  Extension Part)" or whose text names the "main double-blind trial" (NCT00732875); a title opening "Substudy-A Phase
  IIIB Multicenter, Randomized, Double-Blind, Double-Dummy Study" (NCT01844895).
- allocation_text_not_randomized: "a nonrandomized pilot (N = 15) ... Finally, ... in a randomized pilot study"
  (NCT01193114), an arm titled "IDeg (non-randomised)" (NCT01388361).
- masking_none_text_party_masked: "allocation concealment since the mothers and the principle investigator will be
  unaware of the group to which they will be randomized" (NCT00983489).
- masking_set_text_open_label: "Partially Blind (Open Label Warfarin)" (NCT00787150), "then receive open label
  MK-0954A ... for 44 weeks (extension)" (NCT01307033).
- study_type_text_observational: "An observational study (n=131) of adolescents ... identified improvement"
  (NCT00563576); model_text_parallel: "the same as our parallel study which is investigating" (NCT00082329);
  model_text_crossover: "In a recent pilot study ... This pilot study design was a crossover study that included 22"
  (NCT01419314).

Every case is one study of one warehouse, built once for the module, with neutral text but for the case's texts.
"""
from __future__ import annotations

import pytest

from tests.checks import harness
from tests.checks.design_text_cases import DESIGN_TEXT_RULES, PLACEBO_RULE, case_study

BLINDED_RULE = harness.BLINDED_RULE
OPEN_LABEL_RULE = harness.OPEN_LABEL_RULE
RANDOMIZED_RULE = harness.RANDOMIZED_RULE
NOT_RANDOMIZED_RULE = harness.NOT_RANDOMIZED_RULE
OBSERVATIONAL_RULE = harness.OBSERVATIONAL_RULE
PARTY_RULE = "contradictions.masking_none_text_party_masked"
PARALLEL_RULE = "contradictions.model_text_parallel"
CROSSOVER_RULE = "contradictions.model_text_crossover"

ONE_GROUP = {"allocation": "NA", "intervention_model": "SINGLE_GROUP"}
RANDOMIZED = harness.RANDOMIZED
RANDOMIZED_OPEN = {"allocation": "RANDOMIZED", "intervention_model": "PARALLEL", **harness.NO_MASKING}
DOUBLE_MASKED = {"allocation": "RANDOMIZED", "intervention_model": "PARALLEL", **harness.DOUBLE_MASKED}
EXTENSION = {"allocation": "NON_RANDOMIZED", "intervention_model": "SINGLE_GROUP", **harness.NO_MASKING}

# NCT00731133's, NCT00563576's and NCT01193114's sentences; NCT00732875's title and summary.
_GRANTS = ("Results of this study will provide initial safety and drug use data for grant applications proposing to "
           "examine the clinical efficacy of disulfiram or similar agents for treating methamphetamine dependence "
           "under placebo-controlled, double-blind conditions.")
_SIZED_CITED = ("An observational study (n=131) of adolescents reporting vaginal bleeding on DMPA who were treated "
                "with monophasic oral contraceptive pills identified improvement of bleeding patterns.")
_STAGES = ("The intervention will be tested in a nonrandomized pilot (N = 15) in which interview and self-report "
           "methods will be used. Follow-up will be conducted at 3 and 6 months post baseline. Finally, the revised "
           "intervention will be tested in Stage 1b in a randomized pilot study involving 60 women.")
_PART_TITLE = ("A Placebo-controlled, Double-blinded, Randomized Clinical Trial of Anti-TNF Chimeric Monoclonal "
               "Antibody (cA2) in Korean Patients With Active Rheumatoid Arthritis (Open-label Extension Part)")
_MAIN_TRIAL = ("After completion of the last follow-up visit at Week 30 and code break in main double-blind trial, "
               "subjects randomized to the placebo group will be provided with open-label infliximab.")
_RECENT_PILOT = ("In a recent pilot study, conducted by this author and colleagues, night time splinting showed "
                 "promising results. ")
_CONCEALED = ("It will be an open-label randomized controlled trial. There will be allocation concealment since the "
              "mothers and the principle investigator will be unaware of the group to which they will be "
              "randomized.")

# (rule, design, [(field, text), ...], fires)
CASES = [
    # A trial to follow if this one shows promise or once its feasibility is established: quiet.
    (RANDOMIZED_RULE, ONE_GROUP, [("detail", "If this initial study shows promise, we will follow-up with a "
                                             "randomized clinical trial.")], False),
    (RANDOMIZED_RULE, ONE_GROUP, [("detail", "Once the accuracy, acceptability, and feasibility of the use of video "
                                             "conferencing (VC) in the postoperative care for cardiac surgical "
                                             "patients are established, we will submit a full proposal to conduct a "
                                             "two-arm RCT in future.")], False),
    # This study randomizing after its condition: fires.
    (RANDOMIZED_RULE, ONE_GROUP, [("detail", "If this study shows promise, patients will be randomized to drug X or "
                                             "placebo.")], True),
    (RANDOMIZED_RULE, ONE_GROUP, [("detail", "Once eligibility is established, patients will be randomized to two "
                                             "arms.")], True),
    # Later trials that grant applications propose: quiet; this study's conditions: fires.
    (BLINDED_RULE, harness.SINGLE_GROUP_OPEN, [("detail", _GRANTS)], False),
    (PLACEBO_RULE, harness.SINGLE_GROUP_OPEN, [("detail", _GRANTS)], False),
    (BLINDED_RULE, harness.SINGLE_GROUP_OPEN, [("detail", "This study will examine the efficacy of disulfiram under "
                                                          "placebo-controlled, double-blind conditions.")], True),
    # A study cited with its size and finding: quiet; this study with its size: fires.
    (OBSERVATIONAL_RULE, RANDOMIZED, [("detail", _SIZED_CITED)], False),
    (OBSERVATIONAL_RULE, RANDOMIZED, [("detail", "This observational study (n=131) of adolescents identified "
                                                 "improvement of bleeding patterns.")], True),
    # A companion study likened to this one: quiet; this study called parallel: fires.
    (PARALLEL_RULE, ONE_GROUP, [("detail", "The immunological studies conducted on these mobilized cells will be the "
                                           "same as our parallel study which is investigating the immune properties "
                                           "of PBPCs.")], False),
    (PARALLEL_RULE, ONE_GROUP, [("detail", "This is a parallel study which is investigating the immune properties of "
                                           "PBPCs.")], True),
    (PARALLEL_RULE, ONE_GROUP, [("detail", "Our parallel study will investigate the immune properties of PBPCs.")],
     True),
    # A non-randomized stage before a randomized one, an arm titled non-randomised: quiet.
    (NOT_RANDOMIZED_RULE, RANDOMIZED, [("detail", _STAGES)], False),
    (NOT_RANDOMIZED_RULE, RANDOMIZED, [("arm_title", "IDeg (non-randomised)")], False),
    # The study called non-randomized, with no randomized stage after (a later stage non-randomized too): fires.
    (NOT_RANDOMIZED_RULE, RANDOMIZED, [("detail", "The intervention will be tested in a nonrandomized pilot (N = 15) "
                                                  "in which interview and self-report methods will be used.")], True),
    (NOT_RANDOMIZED_RULE, RANDOMIZED, [("detail", "The intervention will be tested in a nonrandomized pilot. Finally, "
                                                  "it will be tested in a non-randomized pilot study.")], True),
    (NOT_RANDOMIZED_RULE, RANDOMIZED, [("summary", "This is a non-randomised study of IDeg.")], True),
    # Allocation concealment: quiet; people unaware of the group they are assigned to: fires.
    (PARTY_RULE, RANDOMIZED_OPEN, [("detail", _CONCEALED)], False),
    (PARTY_RULE, RANDOMIZED_OPEN, [("detail", "The mothers and the principle investigator will be unaware of the "
                                              "group to which they are randomized.")], True),
    # The part a partial blind leaves open, an open-label extension after the blinded weeks: quiet.
    (OPEN_LABEL_RULE, DOUBLE_MASKED, [("official_title", "A Phase 2b, Randomized, Partially Blind (Open Label "
                                                         "Warfarin), Active-Controlled (Warfarin) Study of Drug X")],
     False),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, [("arm_description", "One tablet daily for 8 weeks. Participants will then "
                                                          "receive open label MK-0954A once daily for 44 weeks "
                                                          "(extension)")], False),
    # The study open label, or an open-label arm with no later part named: fires.
    (OPEN_LABEL_RULE, DOUBLE_MASKED, [("official_title", "A Phase 2b, Randomized, Open Label, Active-Controlled "
                                                         "(Warfarin) Study of Drug X")], True),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, [("arm_description", "Participants will receive open label MK-0954A once daily "
                                                          "for 44 weeks")], True),
    # An extension whose title ends with the part it is, or that names the main double-blind trial: quiet.
    (PLACEBO_RULE, EXTENSION, [("official_title", _PART_TITLE)], False),
    (BLINDED_RULE, EXTENSION, [("official_title", _PART_TITLE)], False),
    (BLINDED_RULE, EXTENSION, [("summary", _MAIN_TRIAL), ("official_title", "Extension Study of Infliximab")], False),
    # "This pilot study" in the past after a recent pilot study cited: quiet.
    (CROSSOVER_RULE, RANDOMIZED, [("detail", _RECENT_PILOT + "This pilot study design was a crossover study that "
                                                             "included 22 PLWA.")], False),
    # This pilot study in the present, or in the past with no study cited before: fires.
    (CROSSOVER_RULE, RANDOMIZED, [("detail", _RECENT_PILOT + "This pilot study design is a crossover study of 22 "
                                                             "PLWA.")], True),
    (CROSSOVER_RULE, RANDOMIZED, [("detail", "Splinting may help. This pilot study design was a crossover study that "
                                             "included 22 PLWA.")], True),
    # A title opening with the sub-study, then the trial it is of: quiet; a double-blind sub-study: fires.
    (BLINDED_RULE, EXTENSION, [("official_title", "Substudy-A Phase IIIB Multicenter, Randomized, Double-Blind, "
                                                  "Double-Dummy Study to Compare the Efficacy of Drug X")], False),
    (BLINDED_RULE, EXTENSION, [("official_title", "A Double-Blind Substudy of Drug X Pharmacokinetics")], True),
    # A study with an extension of its own, the main trial not named as a parent: fires.
    (PLACEBO_RULE, EXTENSION, [("official_title", "A Placebo-controlled, Double-blinded, Randomized Clinical Trial of "
                                                  "Infliximab (With an Open-label Extension)")], True),
    (BLINDED_RULE, EXTENSION, [("summary", "This double-blind trial of infliximab enrols 60 subjects.")], True),
]
_IDS = harness.numbered_cases(CASES)


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[str, set[str]]:
    """The studies each rule flags, one warehouse holding every case."""
    studies = {nct_id: case_study(case) for nct_id, case in _IDS.items()}
    rules = [DESIGN_TEXT_RULES[rule_id] for rule_id in sorted({case[0] for case in CASES})]
    return harness.flagged_studies(tmp_path_factory.mktemp("later_trials_and_parts"), studies, rules)


def _case_id(case: tuple) -> str:
    rule, _design, texts, fires = case
    return f"{rule.split('.')[1]}:{'fires' if fires else 'quiet'}:{texts[0][1][:70]}"


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[_case_id(c) for c in _IDS.values()])
def test_later_trials_earlier_stages_parts_and_studies_cited(flagged, nct_id):
    rule, _design, texts, fires = _IDS[nct_id]
    assert (nct_id in flagged[rule]) is fires, texts
