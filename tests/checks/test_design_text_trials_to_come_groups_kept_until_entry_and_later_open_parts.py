"""Design-vs-text rules on a trial to come after this study, a group kept from people only until a participant enters
the study, an open-label part or drug beside a masked one, and work to come.

- allocation_text_randomized and masking_none_text_blinded: "prior to initiating a randomized controlled trial"
  (NCT00401414), "before a randomized trial can be conducted", "the clinical double blinded randomised trial for which
  a separate application will be made to the ethics committee" (NCT00649961).
- masking_none_text_party_masked: "Investigators will be blinded to group designation prior to consent and
  enrollment", and "until this time" after the envelope holding the group is opened (NCT01843933).
- masking_set_text_open_label: a title "... for 2 Years Followed by a 2 Year Open Label Study" beside a placebo arm
  (NCT00619957); "Open-label amlodipine may be given" in an arm (NCT00744237); "open-label, single dose Tredaptive" in
  a crossover whose placebo intervention is linked to other periods, typed Experimental (NCT01012219).
- placebo_controlled_without_placebo: "To guide future placebo-controlled work" (NCT01071538).

Every case is one study of one warehouse, built once for the module, with neutral text but for the case's texts.
"""
from __future__ import annotations

import random

import pytest

from checks.design_allocation_terms import RANDOMIZED as RANDOMIZED_TERM
from checks.design_masking_terms import BLINDED as BLINDED_TERM
from checks.design_open_label_claims import _open_label_claim_of_every_claim, open_label_claim
from checks.study_text import StudyText
from tests.checks import harness
from tests.checks.design_text_cases import DESIGN_TEXT_RULES, PLACEBO_RULE, case_study

BLINDED_RULE = harness.BLINDED_RULE
OPEN_LABEL_RULE = harness.OPEN_LABEL_RULE
RANDOMIZED_RULE = harness.RANDOMIZED_RULE
PARTY_RULE = "contradictions.masking_none_text_party_masked"

ONE_GROUP = harness.SINGLE_GROUP_OPEN
RANDOMIZED_OPEN = {"allocation": "RANDOMIZED", "intervention_model": "PARALLEL", **harness.NO_MASKING}
DOUBLE_MASKED = {"allocation": "RANDOMIZED", "intervention_model": "PARALLEL", **harness.DOUBLE_MASKED}
CROSSOVER_MASKED = {"allocation": "RANDOMIZED", "intervention_model": "CROSSOVER", **harness.DOUBLE_MASKED}

# What a case's study gives beside its texts: a Placebo Comparator arm, or the placebo intervention linked to an arm
# typed otherwise (the design-text study lists a placebo intervention linked to no arm).
PLACEBO_ARM = "placebo arm"
PLACEBO_LINKED = "placebo linked"
SHAM_LINKED = "sham linked"

# NCT00401414's, NCT00649961's, NCT01843933's, NCT00619957's, NCT00744237's, NCT01012219's and NCT01071538's texts.
_NOMOGRAM = ("This failed study emphasizes the pivotal importance of a comprehensive nomogram development phase prior "
             "to initiating a randomized controlled trial.")
_SEPARATE = ("This data will be used in the clinical double blinded randomised trial for which a separate application "
             "will be made to the ethics committee.")
_BEFORE_CONSENT = ("A random number list will again be generated to guide recruitment. Investigators will be blinded "
                   "to group designation prior to consent and enrollment.")
_UNTIL_OPENED = ("When an enrolled subject arrives to the PACU the study envelope containing their group designation "
                 "will be opened by the research assistant and data collection will commence. All staff will be "
                 "blinded to group designation until this time.")
_FOLLOWED_BY = ("Two-year Study to Determine the Efficacy and Safety of Risedronate Therapy Administered 35 mg Once A "
                "Week in Men With Osteoporosis for 2 Years Followed by a 2 Year Open Label Study")
_MAY_BE_GIVEN = ("HCTZ 12.5 mg (overencapsulated 12.5 capsule), oral administration\nHCTZ 25 mg (two capsules, "
                 "overencapsulated 12.5-mg capsules), oral administration\nOpen-label amlodipine may be given")
_SINGLE_DOSE = "open-label, single dose Tredaptive (1000mg ER niacin/ 20mg laropiprant) 2 oral tablets"
_FUTURE_WORK = ("Overview of intervention: To guide future placebo-controlled work, at this preliminary stage of "
                "research we will collect data on buprenorphine.")

# (rule, design, [(field, text), ...], fires, what the study gives beside its texts)
CASES = [
    # A trial to be started once this study is done: quiet.
    (RANDOMIZED_RULE, ONE_GROUP, [("detail", _NOMOGRAM)], False, None),
    (BLINDED_RULE, ONE_GROUP, [("detail", "This pilot will establish the dose ahead of launching a double-blind, "
                                          "placebo-controlled trial.")], False, None),
    (BLINDED_RULE, ONE_GROUP, [("detail", "This pilot will establish the dose prior to undertaking a double-blind "
                                          "trial.")], False, None),
    (RANDOMIZED_RULE, ONE_GROUP, [("detail", "This study will show whether the dose is safe before a randomized trial "
                                             "can be conducted.")], False, None),
    (BLINDED_RULE, ONE_GROUP, [("detail", "This study must show safety before an adequately powered double-blind trial "
                                          "is undertaken.")], False, None),
    (RANDOMIZED_RULE, ONE_GROUP, [("detail", "This study tests feasibility prior to embarking on a randomised "
                                             "controlled trial.")], False, None),
    # This study's own period or randomization named beside the start: fires.
    (BLINDED_RULE, ONE_GROUP, [("detail", "Prior to initiating the double-blind phase, patients will complete a "
                                          "2-week run-in.")], True, None),
    (RANDOMIZED_RULE, ONE_GROUP, [("detail", "Prior to initiating treatment, patients will be randomized to drug X or "
                                             "placebo.")], True, None),
    (BLINDED_RULE, ONE_GROUP, [("detail", "Patients will receive double-blind treatment before a trial of drug Y can "
                                          "be conducted.")], True, None),
    (RANDOMIZED_RULE, ONE_GROUP, [("detail", "Before initiating a randomized trial, this study randomized 40 patients "
                                             "to drug X or placebo.")], True, None),
    # A trial a separate application or protocol is still to cover: quiet.
    (BLINDED_RULE, ONE_GROUP, [("detail", _SEPARATE)], False, None),
    (BLINDED_RULE, ONE_GROUP, [("detail", "The double-blind trial for which a new protocol will be submitted will "
                                          "follow this pilot.")], False, None),
    (RANDOMIZED_RULE, ONE_GROUP, [("detail", "Efficacy will be tested by the randomized trial that will be described "
                                             "in a separate protocol.")], False, None),
    (RANDOMIZED_RULE, ONE_GROUP, [("detail", "Efficacy will be tested by the randomized trial, which will be "
                                             "registered separately.")], False, None),
    # The trial the study's own application covers: fires.
    (BLINDED_RULE, ONE_GROUP, [("detail", "Melatonin will be given in the double blinded randomised trial for which "
                                          "ethics approval has been obtained.")], True, None),
    (BLINDED_RULE, ONE_GROUP, [("detail", "The double blinded trial, for which the application will be made to the "
                                          "ethics committee, will enrol 60 infants.")], True, None),
    # People blinded to the group only until a participant enters the study: allocation concealment, quiet.
    (PARTY_RULE, RANDOMIZED_OPEN, [("detail", _BEFORE_CONSENT)], False, None),
    (PARTY_RULE, RANDOMIZED_OPEN, [("detail", _UNTIL_OPENED)], False, None),
    (PARTY_RULE, RANDOMIZED_OPEN, [("detail", "Staff will be blinded to treatment allocation until randomization.")],
     False, None),
    (PARTY_RULE, RANDOMIZED_OPEN, [("detail", "Recruiting physicians are blinded to the allocation sequence prior to "
                                              "the patient's consent.")], False, None),
    (PARTY_RULE, RANDOMIZED_OPEN, [("detail", "Nurses will be blinded to group allocation until the sealed envelope is "
                                              "opened.")], False, None),
    # Blinded until the study's end or its code is broken, "until this time" with no envelope opened, or an assessor
    # blinded beside the concealment: fires.
    (PARTY_RULE, RANDOMIZED_OPEN, [("detail", "Investigators will be blinded to group designation until the end of "
                                              "the study.")], True, None),
    (PARTY_RULE, RANDOMIZED_OPEN, [("detail", "Investigators will be blinded to treatment assignment until the "
                                              "randomization code is broken.")], True, None),
    (PARTY_RULE, RANDOMIZED_OPEN, [("detail", "Surgery will be performed. All staff will be blinded to group "
                                              "designation until this time.")], True, None),
    (PARTY_RULE, RANDOMIZED_OPEN, [("detail", "Nurses will be blinded to group allocation until the sealed envelope is "
                                              "opened at the end of the study.")], True, None),
    (PARTY_RULE, RANDOMIZED_OPEN, [("detail", _BEFORE_CONSENT + " Outcome assessors will be blinded to group "
                                                                "allocation.")], True, None),
    # An open-label study that follows a first part, beside a placebo arm: quiet.
    (OPEN_LABEL_RULE, DOUBLE_MASKED, [("official_title", _FOLLOWED_BY)], False, PLACEBO_ARM),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, [("official_title", "Drug X in Adults With Gout for 24 Weeks With a Later "
                                                         "Open-Label Study")], False, PLACEBO_ARM),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, [("official_title", "Drug X in Adults With Gout Followed by an Optional 6-Month "
                                                         "Open-Label Study")], False, PLACEBO_LINKED),
    # The same with no masked part, or an open-label study that follows nothing: fires.
    (OPEN_LABEL_RULE, DOUBLE_MASKED, [("official_title", _FOLLOWED_BY)], True, None),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, [("official_title", "A 2 Year Open Label Study of Risedronate in Men With "
                                                         "Osteoporosis")], True, PLACEBO_ARM),
    # A drug that may be given open label beside the study's treatment: quiet.
    (OPEN_LABEL_RULE, DOUBLE_MASKED, [("arm_description", _MAY_BE_GIVEN)], False, None),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, [("arm_description", "Patients may receive open-label amlodipine if blood "
                                                          "pressure stays above target.")], False, None),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, [("arm_description", "Drug X 10 mg daily. Open-label metformin can be added for "
                                                          "patients whose glucose stays high.")], False, None),
    # An open-label drug every participant is given, or the study called open label: fires.
    (OPEN_LABEL_RULE, DOUBLE_MASKED, [("arm_description", "Open-label amlodipine will be given once daily.")], True,
     None),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, [("summary", "An open-label study in which amlodipine may be given.")], True,
     None),
    # An open-label treatment beside a placebo or sham intervention linked to an arm typed Experimental: quiet.
    (OPEN_LABEL_RULE, CROSSOVER_MASKED, [("intervention_description", _SINGLE_DOSE)], False, PLACEBO_LINKED),
    (OPEN_LABEL_RULE, CROSSOVER_MASKED, [("intervention_description", _SINGLE_DOSE)], False, SHAM_LINKED),
    # A placebo listed but given in no arm, or the study itself called open label beside the placebo: fires.
    (OPEN_LABEL_RULE, CROSSOVER_MASKED, [("intervention_description", _SINGLE_DOSE)], True, None),
    (OPEN_LABEL_RULE, CROSSOVER_MASKED, [("summary", "This is an open-label study of Tredaptive.")], True,
     PLACEBO_LINKED),
    # Placebo-controlled work or research to come: quiet.
    (PLACEBO_RULE, ONE_GROUP, [("detail", _FUTURE_WORK)], False, None),
    (PLACEBO_RULE, ONE_GROUP, [("detail", "We will collect data to inform subsequent placebo-controlled research.")],
     False, None),
    # This study called placebo-controlled beside work to come, or beside a work-up: fires.
    (PLACEBO_RULE, ONE_GROUP, [("detail", "This placebo-controlled study will guide future work.")], True, None),
    (PLACEBO_RULE, ONE_GROUP, [("detail", "Patients will receive placebo-controlled treatment, and the subsequent "
                                          "work-up includes an MRI.")], True, None),
]
_IDS = harness.numbered_cases(CASES)


def _study(case: tuple) -> dict:
    """The case's design-text study, with its placebo arm or a placebo or sham intervention linked to an arm."""
    rule, design, texts, fires, given = case
    study = case_study((rule, design, texts, fires))
    if given == PLACEBO_ARM:
        study["design_groups"][1].update(group_type="PLACEBO_COMPARATOR", title="Placebo",
                                         description="Matching placebo once a week")
    elif given in (PLACEBO_LINKED, SHAM_LINKED):
        name = "Comparator: placebo" if given == PLACEBO_LINKED else "Sham procedure"
        study["interventions"][1].update(name=name, description="One tablet once daily for 7 days")
        study["design_group_interventions"] = [{"design_group": "Baricitinib 4 mg", "intervention": name}]
    return study


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[str, set[str]]:
    """The studies each rule flags, one warehouse holding every case."""
    studies = {nct_id: _study(case) for nct_id, case in _IDS.items()}
    rules = [DESIGN_TEXT_RULES[rule_id] for rule_id in sorted({case[0] for case in CASES})]
    return harness.flagged_studies(tmp_path_factory.mktemp("trials_to_come"), studies, rules)


def _case_id(case: tuple) -> str:
    rule, _design, texts, fires, given = case
    return f"{rule.split('.')[1]}:{'fires' if fires else 'quiet'}:{given or ''}:{texts[0][1][:60]}"


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[_case_id(c) for c in _IDS.values()])
def test_trials_to_come_groups_kept_until_entry_and_later_open_parts(flagged, nct_id):
    rule, _design, texts, fires, _given = _IDS[nct_id]
    assert (nct_id in flagged[rule]) is fires, texts


def test_trials_to_come_are_judged_alike_with_the_folded_sentence():
    sentences = [texts[0][1] for rule, _d, texts, _f, _g in CASES if rule in (BLINDED_RULE, RANDOMIZED_RULE)]
    assert harness.folded_sentence_judgements(sentences, [RANDOMIZED_TERM, BLINDED_TERM]) >= 9


def _key(claim) -> tuple | None:
    return None if claim is None else (claim.source.field, claim.start, claim.end)


def test_open_part_that_follows_is_read_alike_lazily_and_from_every_claim():
    rnd = random.Random(27)
    sentences = ["Followed by a 2 Year Open Label Study.", "This is an open-label study.", "Open label arm.",
                 "Drug X for 24 weeks.", "Blinded drug.", "Placebo once daily."]
    fields = ["studies.official_title", "brief_summaries.description", "design_groups.description"]
    design = {"subject_masked": True, "caregiver_masked": None, "investigator_masked": True,
              "outcomes_assessor_masked": None, "masking": "DOUBLE"}
    answers = set()
    for _ in range(300):
        texts = [StudyText(rnd.choice(fields), " ".join(rnd.choice(sentences) for _ in range(rnd.randint(1, 3))))
                 for _ in range(rnd.randint(1, 3))]
        comparator = rnd.random() < 0.5
        lazy = open_label_claim(design, texts, comparator)
        assert _key(lazy) == _key(_open_label_claim_of_every_claim(design, texts, comparator)), texts
        answers.add(lazy is None)
    assert answers == {True, False}
