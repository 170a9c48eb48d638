"""Display labels map to API v2 enums."""
import pytest

from flows.parsers import labels


@pytest.mark.parametrize("label, enum", [
    ("Phase 1/Phase 2", "PHASE1/PHASE2"), ("N/A", "NA"), ("Not Applicable", "NA"), ("PHASE4", "PHASE4"),
    ("Early Phase 1", "EARLY_PHASE1"), ("Phase 2/Phase 3", "PHASE2/PHASE3"), ("", None),
])
def test_phase(label, enum):
    assert labels.phase(label) == enum


@pytest.mark.parametrize("label, enum", [
    ("Not yet recruiting", "NOT_YET_RECRUITING"), ("Active, not recruiting", "ACTIVE_NOT_RECRUITING"),
    ("Unknown status", "UNKNOWN"), ("RECRUITING", "RECRUITING"),
])
def test_overall_status(label, enum):
    assert labels.overall_status(label) == enum


@pytest.mark.parametrize("kind, label, enum", [
    ("masking", "None (Open Label)", "NONE"), ("date_type", "Anticipated", "ESTIMATED"),
    ("allocation", "N/A", "NA"), ("intervention_model", "Single Group Assignment", "SINGLE_GROUP"),
    ("yes_no", "No", False), ("yes_no", "maybe", None), ("sex", "All", "ALL"),
])
def test_lookup(kind, label, enum):
    assert labels.lookup(kind, label) == enum


@pytest.mark.parametrize("label, level, flags", [
    ("Double (Participant, Investigator)", "DOUBLE",
     {"subject_masked": True, "caregiver_masked": False, "investigator_masked": True, "outcomes_assessor_masked": False}),
    ("None (Open Label)", "NONE", {c: None for c in ("subject_masked", "caregiver_masked", "investigator_masked",
                                                     "outcomes_assessor_masked")}),
    ("Double Blind", "DOUBLE", {c: None for c in ("subject_masked", "caregiver_masked", "investigator_masked",
                                                  "outcomes_assessor_masked")}),
    ("Single (Outcomes Assessor)", "SINGLE",
     {"subject_masked": False, "caregiver_masked": False, "investigator_masked": False, "outcomes_assessor_masked": True}),
    # Legacy XML of 2017 (NCT00500045, NCT00500331): no level word, or the roles alone (their count is the level).
    ("No masking", "NONE", {c: None for c in ("subject_masked", "caregiver_masked", "investigator_masked",
                                              "outcomes_assessor_masked")}),
    ("Participant, Investigator", "DOUBLE", {"subject_masked": True, "caregiver_masked": False,
                                             "investigator_masked": True, "outcomes_assessor_masked": False}),
    ("Outcomes Assessor", "SINGLE", {"subject_masked": False, "caregiver_masked": False,
                                     "investigator_masked": False, "outcomes_assessor_masked": True}),
])
def test_masking_is_read_the_same_in_every_layout(label, level, flags):
    from flows.parsers.masking import masked_flags, masking_and_roles

    got_level, roles = masking_and_roles(label)
    assert (got_level, masked_flags(roles)) == (level, flags)
