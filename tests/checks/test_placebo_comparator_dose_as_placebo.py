"""protocol.placebo_comparator_without_placebo where the study's texts say a dose is the placebo: a low dose of the
tested drug given as an active placebo, said in how the groups are assigned ("randomized to two groups: 1)
non-psychedelic/placebo dose (psilocybin 1mg) or 2) psychedelic dose (psilocybin 25mg)"), in a summary or in how the
study is masked. Beside them the arms that must still fire: a low dose no text calls a placebo, a dose-finding or
dose-escalation design, and a placebo named only as another study's."""
from __future__ import annotations

import pytest

from checks import arm_types
from tests.checks import harness
from tests.checks.cases_arm_types import COMPARATOR_WITHOUT_PLACEBO, trial

ARMS = trial([("EXPERIMENTAL", "Psychedelic Dose of Psilocybin", "Two psychedelic doses (25mg + 25mg of psilocybin)"),
              ("PLACEBO_COMPARATOR", "Single Dose of Psilocybin", "One low dose (1mg of psilocybin + 25mg)")],
             [("DRUG", "Psilocybin", "Psilocybin capsules of 1 mg or 25 mg")],
             [("Psychedelic Dose of Psilocybin", "Psilocybin"), ("Single Dose of Psilocybin", "Psilocybin")])


def dose_trial(column: str | None = None, text: str | None = None):
    """The psilocybin trial, its Placebo Comparator given a low dose of the tested drug, with `text` in the design's
    `column` ("intervention_model_description", "masking_description") or the brief summary ("summary")."""
    def change(s):
        ARMS(s)
        if column == "summary":
            s["brief_summaries"][0]["description"] = text
        elif column:
            s["designs"][0][column] = text
    return change


MODEL = "intervention_model_description"
# nct_id: (fires, change)
DOSE_CASES = {
    # A dose the study's texts call the placebo.
    "NCT02610001": (False, dose_trial(MODEL, "Participants are randomized to two groups: 1) non-psychedelic/placebo "
                                             "dose (psilocybin 1mg) or 2) psychedelic dose (psilocybin 25mg).")),
    "NCT02610002": (False, dose_trial(MODEL, "Parallel groups; the 1 mg dose serving as placebo.")),
    "NCT02610003": (False, dose_trial("masking_description", "1 mg psilocybin is used as an active placebo.")),
    "NCT02610004": (False, dose_trial("summary", "A low dose used as a placebo is compared with 25 mg psilocybin.")),
    "NCT02610005": (False, dose_trial(MODEL, "Placebo-dose group versus full-dose group.")),
    # Nothing calls the low dose a placebo: the Placebo Comparator type is still unexplained.
    "NCT02610011": (True, dose_trial()),
    "NCT02610012": (True, dose_trial(MODEL, "Participants are randomized to a low dose (1 mg) or a high dose "
                                            "(25 mg).")),
    "NCT02610013": (True, dose_trial(MODEL, "Dose-escalation design: each cohort receives a higher dose than the "
                                            "last.")),
    "NCT02610014": (True, dose_trial("summary", "Earlier trials gave placebo; here the low dose is the comparator.")),
    "NCT02610015": (True, dose_trial(MODEL, "The dose as given in the earlier study is repeated.")),
}


@pytest.fixture(scope="module")
def flagged(tmp_path_factory):
    """The studies the comparator rule flags, on one warehouse holding every case."""
    built = harness.changed_studies({nct_id: change for nct_id, (_fires, change) in DOSE_CASES.items()})
    rules = [rule for rule in arm_types.RULES if rule.id == COMPARATOR_WITHOUT_PLACEBO]
    return harness.flagged_studies(tmp_path_factory.mktemp("dose_as_placebo"), built, rules)[COMPARATOR_WITHOUT_PLACEBO]


@pytest.mark.parametrize("nct_id", DOSE_CASES)
def test_a_dose_the_study_calls_its_placebo(flagged, nct_id):
    assert (nct_id in flagged) is DOSE_CASES[nct_id][0]
