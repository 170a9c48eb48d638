"""Comparator arms and inclusion criteria worded as registry records word them, read by the comparator rule and the
criteria age rule: the inert gas an oxygen or gas trial gives its control arm ("Medical air", "Room air", "21% O2")
names that arm's placebo, and a bound written after a test, image or sample ("MRI not older than 4 years") is that
record's age, not the participants'; each quiet, beside the defects that still fire."""
from __future__ import annotations

import pytest

from checks import arm_types
from checks.criteria_ages import study_age_findings
from tests.checks import harness
from tests.checks.cases_arm_types import COMPARATOR_WITHOUT_PLACEBO, comparator


# --- An inert gas given as a gas trial's placebo ------------------------------------------------------------------

# nct_id: (fires, change): the comparator arm (title, description, its interventions) of a dapagliflozin trial.
GAS_CASES = {
    "NCT02200001": (False, comparator(
        "Capsaicin and Medical Air", "",
        [("DRUG", "Topical capsaicin", "Capsaicin 0.1% cream on the forearm"),
         ("OTHER", "Medical Air", "Delivered by non-rebreather mask at 15 L/min")], "SHAM_COMPARATOR")),
    "NCT02200002": (False, comparator(
        "Control gas", "Participants breathe room air through the same nasal cannula for 20 minutes",
        [("OTHER", "Nasal cannula", "High-flow nasal cannula")])),
    "NCT02200003": (False, comparator(
        "Normoxia", "21 % O2 via face mask during the exercise test",
        [("OTHER", "Gas mixture", "From a cylinder, blinded to participant")], "SHAM_COMPARATOR")),
    "NCT02200004": (False, comparator(
        "Air arm", "Compressed air by nebuliser, 2 sessions a day",
        [("DEVICE", "Nebuliser", "Jet nebuliser, 8 L/min")])),
    # an active gas typed Placebo Comparator; air as a place or a word of another arm says nothing of a placebo
    "NCT02200005": (True, comparator(
        "Low flow oxygen", "Oxygen 2 L/min by nasal prongs",
        [("DRUG", "Oxygen", "Medical oxygen 2 L/min")])),
    "NCT02200006": (True, comparator(
        "Outdoor walking", "Brisk walking in the open air, 30 minutes a day",
        [("BEHAVIORAL", "Walking", "Supervised outdoor walking")], "SHAM_COMPARATOR")),
    "NCT02200007": (True, comparator(
        "Air travel advice", "Usual advice before air travel",
        [("OTHER", "Advice", "Leaflet and a nurse's talk")])),
}


def test_an_inert_gas_names_a_placebo(tmp_path):
    built = {}
    for nct_id, (_fires, change) in GAS_CASES.items():
        study = harness.clean_study()
        change(study)
        built[nct_id] = study
    flagged = harness.flagged_studies(tmp_path, built, arm_types.RULES)[COMPARATOR_WITHOUT_PLACEBO]
    assert {nct_id for nct_id, (fires, _c) in GAS_CASES.items() if (nct_id in flagged) != fires} == set()


# --- An age written after a test, image or sample -----------------------------------------------------------------

def listed(*items: str) -> str:
    """Criteria as API v2 records write them: a bulleted inclusion list with the items, then an exclusion list."""
    body = "\n".join(f"* {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n* Signed informed consent\n\nExclusion Criteria:\n\n* Pregnancy"


def _fires(text: str, minimum: str | None, maximum: str | None) -> bool:
    return bool(list(study_age_findings("NCT00000001", text, minimum, maximum, True)))


# (criterion, minimum age, maximum age, fires)
RECORD_AGE_CASES = [
    ("Brain MRI available (not older than 4 years prior to study enrolment) or willing to undergo MRI",
     "18 Years", None, False),
    ("Mammogram no older than 12 months before inclusion", "40 Years", "74 Years", False),
    ("Tumour biopsy (archival block) not older than 6 months at screening", "18 Years", None, False),
    ("CT scan of chest less than 28 days old at randomisation", "18 Years", "80 Years", False),
    ("Colonoscopy report not older than 3 yrs", "50 Years", "75 Years", False),
    ("Lab values within 14 days; HbA1c result not older than 3 months", "18 Years", "70 Years", False),
    # the participants' own age still read
    ("Patients not older than 4 years", "18 Years", None, True),
    ("Men and women aged 18-45 years", "18 Years", "65 Years", True),
    ("Not older than 65 years at the screening visit", "18 Years", "80 Years", True),
]


@pytest.mark.parametrize("criterion, minimum, maximum, fires", RECORD_AGE_CASES,
                         ids=[c[0][:40] for c in RECORD_AGE_CASES])
def test_an_age_of_a_test_image_or_sample(criterion, minimum, maximum, fires):
    assert _fires(listed(criterion), minimum, maximum) == fires
