"""Design-vs-text rules on a drug given open label beside a blinded one, on an observational study a trial's text
sets against itself, and on an open-label study called a cohort.

- masking_set_text_open_label: "commence treatment with open-label fondaparinux" where an intervention's text names
  fondaparinux and gives "adjunctive blinded standard dose UFH" (NCT00790907): a background drug given open label
  beside the masked comparison, not the study's masking. An open-label study, a drug no arm or intervention names,
  or no blinded treatment beside it still fires.
- study_type_text_observational: "... on Day #3 in observational study, this trial should enroll 98 patients"
  (NCT04467086) sets another study against this trial; a title "A Pilot Cohort Study of AMD3100 ..." beside "a
  single-center, 2-arm, non-randomized, open-label study" (NCT00444912) is a trial (an observational study gives no
  treatment open label). "As an observational study, this study ...", the cohort title alone, "an open label
  observational single center study" (NCT04222491) and an open-label trial cited from before still fire.

Every case is one study of one warehouse, built once for the module, with neutral text but for the case's texts.
"""
from __future__ import annotations

import pytest

from tests.checks import harness
from tests.checks.design_text_cases import DESIGN_TEXT_RULES, case_study

OPEN_LABEL_RULE = harness.OPEN_LABEL_RULE
OBSERVATIONAL_RULE = harness.OBSERVATIONAL_RULE
MASKED = harness.DOUBLE_MASKED
RANDOMIZED = harness.RANDOMIZED

_BACKGROUND = ("detail", "Suitable subjects will be enrolled and commence treatment with open-label fondaparinux, "
                         "2.5 mg once daily.")
_BLINDED_UFH = ("intervention_description", "Open label fondaparinux 2.5 mg once daily. Participants indicated for PCI "
                                            "were randomized to receive adjunctive blinded standard dose UFH.")
_UNBLINDED_UFH = ("intervention_description", "Fondaparinux 2.5 mg once daily. Participants indicated for PCI were "
                                              "randomized to receive standard or low dose UFH.")
_COHORT_TITLE = ("official_title", "A Pilot Cohort Study of AMD3100 in Combination With G-CSF and Rituximab Compared "
                                   "With AMD3100 in Combination With G-CSF Alone")

# (rule, design, [(field, text), ...], fires)
CASES = [
    # A background drug given open label beside a blinded one: quiet.
    (OPEN_LABEL_RULE, MASKED, [_BACKGROUND, _BLINDED_UFH], False),
    # No blinded treatment beside it, a drug no arm or intervention names, or the study called open label: fires.
    (OPEN_LABEL_RULE, MASKED, [_BACKGROUND, _UNBLINDED_UFH], True),
    (OPEN_LABEL_RULE, MASKED, [("detail", "All participants will also receive open-label methotrexate 15 mg weekly."),
                               _BLINDED_UFH], True),
    (OPEN_LABEL_RULE, MASKED, [("detail", "This is an open-label fondaparinux study in acute coronary syndromes."),
                               _BLINDED_UFH], True),
    (OPEN_LABEL_RULE, MASKED, [("detail", "This is an open-label, randomized study of fondaparinux."), _BLINDED_UFH],
     True),
    # Another observational study set against this trial, or a cohort study that says it is open label: quiet.
    (OBSERVATIONAL_RULE, RANDOMIZED, [("detail", "Based on the mean daily dose of propofol at baseline and on Day #3 "
                                                 "in observational study, this trial should enroll 98 patients.")],
     False),
    (OBSERVATIONAL_RULE, RANDOMIZED, [_COHORT_TITLE, ("detail", "This is a single-center, 2-arm, non-randomized, "
                                                                "open-label study to evaluate the safety of "
                                                                "plerixafor.")], False),
    # This study called observational, a cohort study with no open label, or an open-label trial cited: fires.
    (OBSERVATIONAL_RULE, RANDOMIZED, [("detail", "As an observational study, this study assigns no treatment.")],
     True),
    (OBSERVATIONAL_RULE, RANDOMIZED, [_COHORT_TITLE], True),
    (OBSERVATIONAL_RULE, RANDOMIZED, [("detail", "This is an open label observational single center study of clinical "
                                                 "food oral immunotherapy outcomes.")], True),
    (OBSERVATIONAL_RULE, RANDOMIZED, [_COHORT_TITLE, ("detail", "A previous open-label trial found plerixafor safe "
                                                                "(Smith 2005).")], True),
]
_IDS = harness.numbered_cases(CASES)


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[str, set[str]]:
    """The studies each rule flags, one warehouse holding every case."""
    studies = {nct_id: case_study(case) for nct_id, case in _IDS.items()}
    rules = [DESIGN_TEXT_RULES[rule_id] for rule_id in sorted({case[0] for case in CASES})]
    return harness.flagged_studies(tmp_path_factory.mktemp("open_label_drugs_and_observational_studies"), studies,
                                   rules)


def _case_id(case: tuple) -> str:
    rule, _design, texts, fires = case
    return f"{rule.split('.')[1]}:{'fires' if fires else 'quiet'}:{texts[0][1][:70]}"


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[_case_id(c) for c in _IDS.values()])
def test_a_background_open_label_drug_and_an_observational_study_set_against_this_one(flagged, nct_id):
    rule, _design, texts, fires = _IDS[nct_id]
    assert (nct_id in flagged[rule]) is fires, texts
