"""protocol.placebo_comparator_without_placebo on an attention control, a behavioural trial's placebo: a Placebo or Sham
Comparator given only behavioural or other interventions, taught on another topic than the one tested. Said outright
("Health education on unrelated topics", "General health education sessions") or by naming a topic that neither the
other arms, the titles nor the conditions use ("This arm receive health promotion intervention on healthy lifestyle"
beside sessions on breast cancer and mammogram, NCT06469684's shape). Beside the controls that must still fire: usual
or enhanced usual care whatever it teaches, a usual way of life kept, education on the topic tested, a lower dose of
the tested behaviour, and talks on another topic given with a device or in a trial of a drug.
"""
from __future__ import annotations

import pytest

from checks import arm_types
from tests.checks import harness
from tests.checks.cases_arm_types import COMPARATOR_WITHOUT_PLACEBO, trial

SCREENING_TITLE = "A Health Education Intervention Tailored for Malay-Muslim Women"
SCREENING_CONDITIONS = ["Breast Cancer", "Screening Mammography"]
SESSION = ("BEHAVIORAL", "Health education session", "1 hour health education session with religious teaching "
           "promoting health-seeking behaviour, and question and answer session with a healthcare professional.")
SCREENING_ARM = ("EXPERIMENTAL", "Intervention", "This arm receive health promotion intervention on breast cancer "
                 "and mammogram including Mammobus deployment.")


def behavioural_trial(description: str, given: tuple[str, str, str] | None = None,
                      arm_type: str = "PLACEBO_COMPARATOR", title: str = SCREENING_TITLE,
                      conditions: list[str] = SCREENING_CONDITIONS):
    """A trial of education sessions on breast cancer screening against a comparator arm "Control" (`arm_type`)
    described as `description`, given the same session as the tested arm, or the intervention `given` of its own; the
    study titled `title`, of the `conditions`."""
    listed = [SESSION] + ([given] if given else [])
    control_links = [("Control", given[1] if given else SESSION[1])]
    arms = trial([SCREENING_ARM, (arm_type, "Control", description)], listed,
                 [("Intervention", SESSION[1]), *control_links], brief_title=title)

    def change(s):
        arms(s)
        s["studies"][0]["official_title"] = title
        s["conditions"] = [{"name": name} for name in conditions]
    return change


def drug_trial(description: str):
    """A trial of a drug against a comparator arm "Control" described as `description`, given talks of its own."""
    return trial([("EXPERIMENTAL", "Dapagliflozin", "Dapagliflozin 10 mg once daily"),
                  ("PLACEBO_COMPARATOR", "Control", description)],
                 [("DRUG", "Dapagliflozin", "10 mg tablet"), ("BEHAVIORAL", "Talks", "Monthly, 1 hour")],
                 [("Dapagliflozin", "Dapagliflozin"), ("Control", "Talks")])


# nct_id: (fires, change)
ATTENTION_CASES = {
    # The same session on another topic, named or said to be another: an attention control.
    "NCT02600061": (False, behavioural_trial("This arm receive health promotion intervention on healthy lifestyle.")),
    "NCT02600062": (False, behavioural_trial("Monthly talks", ("BEHAVIORAL", "Health talks",
                                                              "Health education on unrelated topics"))),
    "NCT02600063": (False, behavioural_trial("General health education sessions on the same schedule",
                                             ("BEHAVIORAL", "Health education", "Weekly, 1 hour"))),
    "NCT02600064": (False, behavioural_trial("Weekly calls from the same coach, whose content is not related to the "
                                             "intervention", ("BEHAVIORAL", "Phone calls", "Weekly"))),
    "NCT02600065": (False, behavioural_trial("Lectures on nutrition and dental hygiene",
                                             ("OTHER", "Lectures", "Four 1-hour lectures"),
                                             title="Exercise for Late-life Depression", conditions=["Depression"])),
    "NCT02600066": (False, behavioural_trial("Educational video about road safety",
                                             ("OTHER", "Video", "20 minutes"), title="Mindfulness for Test Anxiety",
                                             conditions=["Anxiety"])),
    "NCT02600067": (False, behavioural_trial("Control sessions covering different topics", ("BEHAVIORAL", "Sessions",
                                                                                            "Group sessions"),
                                             "SHAM_COMPARATOR")),
    "NCT02600068": (False, behavioural_trial("Newsletters focused on home safety",
                                             ("BEHAVIORAL", "Newsletter", "Every two weeks"))),
    # Usual or enhanced usual care, a wait list, whatever it teaches: another kind of control.
    "NCT02600071": (True, behavioural_trial("Usual care plus leaflets on healthy eating",
                                            ("OTHER", "Leaflets", "Printed"))),
    "NCT02600072": (True, behavioural_trial("Enhanced usual care: materials on caregiver stress",
                                            ("OTHER", "Materials", "Mailed"))),
    "NCT02600073": (True, behavioural_trial("Treatment as usual, with general health education",
                                            ("BEHAVIORAL", "Health education", "Weekly"))),
    "NCT02600074": (True, behavioural_trial("Wait-list; receives sessions on gardening after the study",
                                            ("BEHAVIORAL", "Delayed sessions", "After 6 months"))),
    "NCT02600082": (True, behavioural_trial("Participants keep their usual diet",
                                            ("BEHAVIORAL", "Dietary advice", "Leaflet on gardening"))),
    # Education on the topic tested, named by another arm, the titles or the conditions: an active control.
    "NCT02600075": (True, behavioural_trial("Education sessions on breast cancer screening")),
    "NCT02600076": (True, behavioural_trial("Pamphlets about mammography", ("OTHER", "Pamphlets", "Printed"),
                                            title="Mammography Uptake in Malay Women", conditions=["Women"])),
    "NCT02600077": (True, behavioural_trial("Sessions about stress", ("BEHAVIORAL", "Sessions", "Weekly"),
                                            title="Stress Management for Nurses", conditions=["Stress"])),
    # No topic said, or only the dose of the tested behaviour: not shown to be another topic.
    "NCT02600078": (True, behavioural_trial("Phone counseling standard")),
    "NCT02600079": (True, behavioural_trial("The same sessions once a month instead of weekly")),
    "NCT02600080": (True, behavioural_trial("Health education", ("BEHAVIORAL", "Health education", "Weekly classes"))),
    # When or how long, not what on.
    "NCT02600085": (True, behavioural_trial("Minimal intervention. The session lasts on average 15 minutes",
                                            ("OTHER", "Advice", "Advice to keep active"))),
    "NCT02600086": (True, behavioural_trial("Group sessions held on Mondays", ("BEHAVIORAL", "Sessions", "Weekly"))),
    # Another topic, but given a device, or in a trial of a drug: no attention control of taught sessions.
    "NCT02600081": (True, behavioural_trial("Health talks on unrelated topics and a pedometer",
                                            ("DEVICE", "Pedometer", "Worn daily"))),
    "NCT02600083": (True, drug_trial("Health talks on unrelated topics")),
    "NCT02600084": (True, drug_trial("Lectures on home safety")),
}


@pytest.fixture(scope="module")
def flagged(tmp_path_factory):
    """The studies the comparator rule flags, on one warehouse holding every case."""
    built = harness.changed_studies({nct_id: change for nct_id, (_fires, change) in ATTENTION_CASES.items()})
    rules = [rule for rule in arm_types.RULES if rule.id == COMPARATOR_WITHOUT_PLACEBO]
    return harness.flagged_studies(tmp_path_factory.mktemp("attention"), built, rules)[COMPARATOR_WITHOUT_PLACEBO]


@pytest.mark.parametrize("nct_id", ATTENTION_CASES)
def test_an_attention_control_taught_on_another_topic(flagged, nct_id):
    assert (nct_id in flagged) is ATTENTION_CASES[nct_id][0]
