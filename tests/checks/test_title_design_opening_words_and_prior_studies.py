"""The design a title opens with, against the design fields, where the rest of the title names prior treatment,
another study or a finding.

A title's leading design words ("An Open Label, Multicenter, Phase IV Study of Teclistamab ... in Participants Who
Have Previously Received at Least 3 Prior Lines of Therapy ... and Have Demonstrated Disease Progression on the Last
Therapy", "Drug X After a Phase 2 Study: An Open-label, Single-arm Trial") qualify the title's own study, as "this
double-blind study" does: what the rest of the title says of earlier treatment, of a study participants completed
or of what they showed does not make those words another study's. Quiet: the same words of another study, later in
the title ("Long-term Follow-up of Participants From the Open-label Study ABC-301"), a title that names a blinded
part beside the open one, an open-label placebo (a treatment), an open label beside a blinded assessor, and an
extension whose texts say the parent study's blind is kept or speak of a placebo. A title that opens with an
open-label extension or rollover ("Open-Label Extension Study of Drug X in Participants Who Completed Study ABC-301")
is that extension, itself open label. Marked "new": judged otherwise before.
"""
from __future__ import annotations

import pytest

from tests.checks import harness
from tests.checks.harness import (
    BLINDED_RULE, DOUBLE_MASKED, NO_MASKING, NON_RANDOMIZED, NOT_RANDOMIZED_RULE, OPEN_LABEL_RULE, RANDOMIZED,
    RANDOMIZED_RULE, SINGLE_GROUP_NOT_ALLOCATED,
)

PARTY_RULE = "contradictions.masking_none_text_party_masked"
ASSESSOR_ONLY = {"masking": "SINGLE", "subject_masked": False, "investigator_masked": False,
                 "outcomes_assessor_masked": True}
ASSESSOR_AND_PARTICIPANT = {"masking": "DOUBLE", "subject_masked": True, "investigator_masked": False,
                            "outcomes_assessor_masked": True}
RANDOMIZED_GROUPS = {"allocation": "RANDOMIZED", "intervention_model": "PARALLEL"}
PARENT_BLIND_KEPT = ("masking_description", "Participants and investigators remain blinded to the treatment "
                                            "assigned in the parent study ABC-301 until it is unblinded.")
TECLISTAMAB = ("An Open Label, Multicenter, Phase IV Study of Teclistamab to Evaluate Its Safety in Indian "
               "Participants With Relapsed and Refractory Multiple Myeloma Who Have Previously Received at Least 3 "
               "Prior Lines of Therapy Including an Immunomodulatory Agent, a Proteasome Inhibitor and an Anti-CD38 "
               "Antibody and Have Demonstrated Disease Progression on the Last Therapy")

# (rule, design, (field, text) or [(field, text), ...], fires)
DESIGN = [
    # An open-label title against a masking that masks the participant or the investigator.
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("official_title", TECLISTAMAB), True),  # new
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("brief_title", "Open-Label Extension Study of Drug X in Participants Who "
                                                     "Completed Study ABC-301"), True),  # new
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("official_title", "An Open-labelled, Multicentre Study of Drug X in Patients "
                                                        "Who Showed a Partial Response to Drug Y"), True),  # new
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("official_title", "Randomised, Open Label, Multicentre Trial of Drug X Versus "
                                                        "Drug Y in Patients Previously Enrolled in NCT01234567"),
     True),  # new
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("official_title", "Drug X in Myeloma Treated in a Phase 2 Study: an Open-label, "
                                                        "Single-arm Phase 3 Trial"), True),  # new
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("official_title", "AN OPEN-LABEL, MULTICENTRE STUDY OF DRUG X IN PATIENTS WHO "
                                                        "HAVE DEMONSTRATED RESISTANCE TO DRUG Y"), True),  # new
    (OPEN_LABEL_RULE, {"masking": "SINGLE", "subject_masked": True, "investigator_masked": False},
     ("official_title", "A Phase 2, Open-Label, Non-comparative Study of Drug X in Adults Who Have Been Shown to "
                        "Carry a KRAS Mutation"), True),  # new
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("official_title", "A Phase 3, Open-label, Multicenter, Long-term Extension "
                                                        "Study of Drug X in Adults With Asthma"), True),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("brief_title", "Open\u2010label Rollover Study for Participants of Study "
                                                     "ABC-301"), True),  # new
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("brief_title", "Open-label Study of Drug X in Adults With Asthma"), True),
    # Quiet: the open label is another study's, a part's, a treatment's, or beside a blinded party.
    (OPEN_LABEL_RULE, DOUBLE_MASKED, [("brief_title", "Open-Label Extension Study of Drug X in Participants Who "
                                                      "Completed Study ABC-301"), PARENT_BLIND_KEPT], False),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, [("official_title", "A Phase 3, Open-label, Multicenter, Long-term Extension "
                                                         "Study of Drug X"),
                                      ("summary", "Participants who completed study ABC-301 receive drug X. The blind "
                                                  "of the parent study is kept until it is completed.")],
     False),  # new
    (OPEN_LABEL_RULE, DOUBLE_MASKED, [("brief_title", "Open-label Rollover Study for Participants of Study ABC-301"),
                                      ("summary", "Participants who received placebo in the randomized study ABC-301 "
                                                  "switch to drug X.")], False),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("brief_title", "A Double-blind Study With an Open-label Extension of Drug X in "
                                                     "Patients Who Completed Study ABC-301"), False),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("brief_title", "Drug X in Asthma With an Open-label Extension Phase for "
                                                     "Participants Who Completed Study ABC-301"), False),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("official_title", "A Randomized, Double-Blind, Placebo-Controlled Study Followed "
                                                        "by an Open-Label Extension in Patients Who Have Demonstrated "
                                                        "Intolerance to Drug Y"), False),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("official_title", "A Phase 3, Open-label, Multicenter, Long-term Extension Study "
                                                        "of Drug X in Participants Who Completed the Double-blind "
                                                        "Study B7981015"), False),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("official_title", "Double-blind and Open-label Phases of a Study of Drug X in "
                                                        "Patients Who Showed a Response"), False),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("official_title", "Open-label vs Blinded Assessment of Wound Healing in Patients "
                                                        "Previously Enrolled in a Phase 3 Trial"), False),
    (OPEN_LABEL_RULE, ASSESSOR_ONLY, ("official_title", "Open-Label Placebo for Chronic Low Back Pain in Adults Who "
                                                        "Have Previously Shown a Placebo Response"), False),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("official_title", "Open-Label Placebo for Chronic Pain: a Randomised Trial in "
                                                        "Patients Previously Enrolled in a Phase 2 Study"), False),
    (OPEN_LABEL_RULE, ASSESSOR_ONLY, ("official_title", "Open Label, Assessor-blinded, Randomised Trial of Drug X in "
                                                        "Patients Who Have Previously Shown Intolerance"), False),
    (OPEN_LABEL_RULE, ASSESSOR_AND_PARTICIPANT, ("official_title", "Open Label, Assessor-blinded Trial of Drug X in "
                                                                   "Patients Who Completed Study ABC-301"), False),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("official_title", "Long-term Follow-up of Participants From the Open-label Study "
                                                        "ABC-301 Who Showed a Response"), False),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("official_title", "Retreatment of Participants Who Completed an Open-label Trial "
                                                        "of Drug X and Have Demonstrated Relapse"), False),
    (OPEN_LABEL_RULE, DOUBLE_MASKED, ("official_title", "Drug X Versus Open-label Drug Y in Patients Who Showed "
                                                        "Resistance to Drug Z"), False),
    # Masking NONE against a title that opens with a blinded design.
    (BLINDED_RULE, NO_MASKING, ("official_title", "A Randomized, Double-blind, Placebo-controlled Study of Drug X in "
                                                  "Patients Who Have Demonstrated Intolerance to Metformin"),
     True),  # new
    (BLINDED_RULE, NO_MASKING, ("official_title", "Drug X in Participants Previously Enrolled in Study ABC-201: A "
                                                  "Double-Blind, Randomised Withdrawal Trial"), True),  # new
    (BLINDED_RULE, NO_MASKING, ("official_title", "Open-label Extension of the Double-blind Study ABC-301 in "
                                                  "Patients Who Showed a Response"), False),
    (BLINDED_RULE, NO_MASKING, ("official_title", "Long-term Follow-up of a Double-blind Trial of Drug X in Patients "
                                                  "Who Have Demonstrated a Response"), False),
    (PARTY_RULE, {**NO_MASKING, **RANDOMIZED_GROUPS},
     ("official_title", "Assessor-blinded, Randomised Trial of Drug X in Patients Who Have Demonstrated "
                        "Intolerance to Drug Y"), True),  # new
    # Allocation against a title that opens with randomized or non-randomized.
    (RANDOMIZED_RULE, NON_RANDOMIZED, ("official_title", "A Randomized, Open-label Study of Drug X Versus Drug Y in "
                                                         "Patients Who Have Demonstrated Disease Progression"),
     True),  # new
    (RANDOMIZED_RULE, SINGLE_GROUP_NOT_ALLOCATED, ("official_title", "Open-label Extension for Participants Who "
                                                                     "Completed a Randomized Trial of Drug X"), False),
    (RANDOMIZED_RULE, SINGLE_GROUP_NOT_ALLOCATED, ("official_title", "Long-term Follow-up of Patients Randomized in "
                                                                     "Study ABC-301 Who Showed a Response"), False),
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("official_title", "A Non-randomized, Open-label Study of Drug X in Patients Who "
                                                         "Have Demonstrated a Response to Drug Y"), True),  # new
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("official_title", "A Single-arm, Phase 2 Study of Drug X in Patients Who Have "
                                                         "Demonstrated Resistance to Drug Y"), True),  # new
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("official_title", "A Non-randomized Extension for Participants Who Completed "
                                                         "a Randomized Trial of Drug X"), False),
]
CASES = harness.numbered_cases(DESIGN)


@pytest.fixture(scope="module")
def design_findings(tmp_path_factory) -> dict[str, list[tuple]]:
    return harness.design_rule_findings(tmp_path_factory.mktemp("titles"), CASES, {case[0] for case in DESIGN})


def _case_id(case: tuple) -> str:
    rule, _design, texts, fires = case
    text = texts[1] if isinstance(texts, tuple) else texts[0][1]
    return f"{rule.split('.')[1]}:{'fires' if fires else 'quiet'}:{text}"


@pytest.mark.parametrize("nct_id", CASES, ids=[_case_id(c) for c in DESIGN])
def test_title_design_against_the_design_fields(design_findings, nct_id):
    harness.design_case_found(design_findings, nct_id, CASES[nct_id])
