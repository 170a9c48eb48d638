"""contradictions.masking_none_text_party_masked on a masking the text itself withdraws: a party blinded only "in
theory", "in principle" or "nominally", or blinded and then denied in the same or the next sentence ("However, it
is not possible to blind completely"). An assessor stays masked where only the participants or the people who give
the intervention cannot be. contradictions.masking_none_text_blinded reads a blinded design the same way: "in theory
double-blind", or "a double-blind study" whose participants and those who treat them are then said not to be
blinded, leaves NONE right; where its design is withdrawn, a party still masked is masking_none_text_party_masked's.

Every case is one randomized, parallel study with masking NONE, of one warehouse built once for the module.
"""
from __future__ import annotations

import pytest

from tests.checks import harness

PARTY_RULE = "contradictions.masking_none_text_party_masked"
BLINDED_RULE = harness.BLINDED_RULE
NO_MASKING = {"masking": "NONE", "subject_masked": None, "investigator_masked": None}

# NCT06113666's masking description: NONE is what the text explains.
_IN_THEORY_RECORD = (
    "The participants are in theory blinded to which group they are allocated to. However, it is not possible to "
    "blind completely as it is easy for the patients to see if they are receiving active, interactive treatment or "
    "are allocated into the control group with patient education.")

# (field, text, fires)
CASES = [
    # Withdrawn: hedged before the term, or in its words.
    ("masking_description", _IN_THEORY_RECORD, False),
    ("masking_description", "The participants are in theory blinded to which group they are allocated to.", False),
    ("masking_description", "In principle, participants are blinded to the group allocation.", False),
    ("masking_description", "Participants are, in theory, blinded to treatment allocation.", False),
    ("masking_description", "Participants are nominally blinded to treatment allocation.", False),
    ("detail", "In this study, outcome assessors are theoretically blinded to group allocation.", False),
    # Withdrawn: denied after the term, in its sentence or the next, of everyone it names or of no one named.
    ("masking_description", "Participants will be blinded to group allocation. However, it is not possible to blind "
                            "completely.", False),
    ("masking_description", "Participants will be blinded to group allocation. However, blinding is not possible "
                            "for all sessions.", False),
    ("masking_description", "Patients will be blinded to treatment allocation, but blinding could not be maintained "
                            "once side effects appear.", False),
    ("masking_description", "Participants will be blinded to group assignment. It is not feasible to blind the "
                            "participants to the exercise they perform.", False),
    ("masking_description", "The investigators will be blinded to treatment allocation. They cannot be blinded once "
                            "treatment starts.", False),
    ("masking_description", "Outcome assessors will be blinded to group allocation. However, the assessors cannot "
                            "be blinded to the wound dressing.", False),
    # Still masked: plainly, the hedge elsewhere, or the denial of another party.
    ("masking_description", "Participants will be blinded.", True),
    ("masking_description", "Outcome assessors are blinded; the participants cannot be blinded.", True),
    ("masking_description", "In theory, exercise improves balance. Outcome assessors will be blinded to group "
                            "allocation.", True),
    ("masking_description", "Participants will be blinded to group allocation, which in theory reduces bias.", True),
    ("masking_description", "Treatment is in principle open, but outcome assessors are blinded to group "
                            "allocation.", True),
    ("masking_description", "In principle the trial compares two common physiotherapy programmes and outcome "
                            "assessors are blinded to group allocation.", True),
    ("masking_description", "Outcome assessors will be blinded to group allocation. Blinding of participants is "
                            "not possible.", True),
    ("masking_description", "Outcome assessors will be blinded to group allocation. It is not possible to blind "
                            "completely as patients see their treatment.", True),
    ("masking_description", "Participants will be blinded to group allocation. It is not possible to blind the "
                            "surgeons.", True),
    ("masking_description", "Participants will be blinded to group allocation; the therapists cannot be blinded.",
     True),
    ("masking_description", "Participants will be blinded to group allocation. Blinding is not possible for the "
                            "surgeons.", True),
    ("masking_description", "Outcome assessors and participants will be blinded to group allocation. The "
                            "participants cannot be blinded to the exercise itself.", True),
    ("masking_description", "Participants will be blinded to group allocation. Blinding of outcome assessment is "
                            "not possible.", True),
    ("masking_description", "Participants will be blinded to group allocation. Sessions last 30 minutes. Blinding "
                            "is not possible at follow-up.", True),
]
# (field, text, fires) of contradictions.masking_none_text_blinded: a blinded design the text withdraws is quiet.
DESIGN_CASES = [
    ("masking_description", _IN_THEORY_RECORD, False),
    ("masking_description", "The study is in theory double-blind. However, it is not possible to blind completely as "
                            "patients see their treatment.", False),
    ("detail", "This is in principle a double-blind study.", False),
    ("masking_description", "Nominally double-blind; the side effects of the active drug reveal the allocation.",
     False),
    ("masking_description", "This is a double-blind study. However, it is not possible to blind completely.", False),
    ("masking_description", "A single-blind design was planned, but blinding could not be maintained.", False),
    # Still blinded: plainly, the hedge elsewhere, or the denial of one side only.
    ("masking_description", "This is a double-blind study.", True),
    ("masking_description", "In theory, exercise improves balance. This is a double-blind study.", True),
    ("masking_description", "This is a double-blind study, which in theory reduces bias.", True),
    ("masking_description", "This is a double-blind study. It is not possible to blind the surgeons.", True),
    ("masking_description", "This is a double-blind study. The participants cannot be blinded to the exercise "
                            "itself.", True),
    ("masking_description", "This is a double-blind study. Blinding of outcome assessment is not possible.", True),
]
# A withdrawn design beside a party still masked: the party rule reads it (the design rule stays quiet).
_WITHDRAWN_DESIGN_MASKED_ASSESSOR = ("This is in theory a double-blind study; outcome assessors will be blinded to "
                                     "group allocation.")
_IDS = harness.numbered_cases(
    [(PARTY_RULE, NO_MASKING, (field, text), fires) for field, text, fires in CASES]
    + [(BLINDED_RULE, NO_MASKING, (field, text), fires) for field, text, fires in DESIGN_CASES]
    + [(PARTY_RULE, NO_MASKING, ("masking_description", _WITHDRAWN_DESIGN_MASKED_ASSESSOR), True),
       (BLINDED_RULE, NO_MASKING, ("masking_description", _WITHDRAWN_DESIGN_MASKED_ASSESSOR), False)])


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[str, set[str]]:
    """The studies each rule flags, one warehouse holding every case."""
    return harness.flagged_design_cases(tmp_path_factory.mktemp("withdrawn_masking"), _IDS,
                                        harness.design_or_arms_study)


@pytest.mark.parametrize("nct_id", list(_IDS), ids=[harness.design_or_arms_case_id(c) for c in _IDS.values()])
def test_a_masking_or_design_the_text_withdraws_leaves_none_right(flagged, nct_id):
    rule, design, texts, fires = _IDS[nct_id]
    assert (nct_id in flagged[rule]) is fires, texts
