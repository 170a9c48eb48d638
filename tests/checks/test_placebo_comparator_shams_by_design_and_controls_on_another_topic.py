"""protocol.placebo_comparator_without_placebo on comparators that are shams by design without the word: a test done
and its results withheld ("CMR performed but results not disclosed"), a device run blinded ("Blinded Sepsis Prediction
Algorithm"), a sham named only where the study says how it blinds ("Blinding attempt of participants by sham
exercise"), and an attention control said not to be on the topic tested ("Motivational texts not alcohol related").
Beside them the controls that must still fire: usual care with the results used or nothing withheld, outcome
assessors blinded, a blinding denied or owed to another arm's sham, and texts on the topic tested or given with usual
care or a drug.
"""
from __future__ import annotations

import pytest

from checks import arm_types
from tests.checks import harness
from tests.checks.cases_arm_types import COMPARATOR_WITHOUT_PLACEBO, said_of_study, trial

GUIDED = ("EXPERIMENTAL", "CMR-guided care", "Stress perfusion CMR; the results are disclosed to the clinician")
GUIDED_IV = ("DIAGNOSTIC_TEST", "CMR results disclosed", "The results of the CMR guide management")


def scan_trial(arm_type: str, title: str, description: str, given: tuple[str, str, str]):
    """A trial of CMR-guided care against a comparator arm (`arm_type`, `title`, `description`) given `given`."""
    return trial([GUIDED, (arm_type, title, description)], [GUIDED_IV, given],
                 [(GUIDED[1], GUIDED_IV[1]), (title, given[1])])


EXERCISE = ("EXPERIMENTAL", "exercise", "Exercise group")
EXERCISE_IV = ("OTHER", "High intensity resistance exercise", "Supervised group training, 3 sessions a week")
WELLNESS = ("OTHER", "Wellness", "1 session a week: stretching, light gymnastics, yoga")


def exercise_trial(masking: str, *other_arms: tuple[tuple[str, str, str], tuple[str, str, str]]):
    """An exercise trial against an arm "control" (Sham Comparator, "active control group") given wellness sessions,
    masked as `masking` says, with `other_arms` ((arm, intervention)) besides."""
    arms = [EXERCISE, ("SHAM_COMPARATOR", "control", "active control group"), *(arm for arm, _iv in other_arms)]
    given = [EXERCISE_IV, WELLNESS, *(iv for _arm, iv in other_arms)]
    links = [("exercise", EXERCISE_IV[1]), ("control", "Wellness"), *((arm[1], iv[1]) for arm, iv in other_arms)]
    return said_of_study(trial(arms, given, links), masking_description=masking)


ALCOHOL_TEXTS = ("EXPERIMENTAL", "TMAP", "Alcohol-related text messages 4 days a week for 6 weeks")
ALCOHOL_TEXTS_IV = ("BEHAVIORAL", "TMAP", "Text messages for alcohol risk reduction")


def text_trial(description: str, given_type: str = "BEHAVIORAL", arm_description: str | None = None,
               name: str = "Mojo Texts"):
    """A trial of alcohol text messages against a Sham Comparator "Control" given texts `name` described as
    `description` (an intervention of `given_type`), the arm described as `arm_description`."""
    said = arm_description or "Motivational text messages 4 days a week for 6 weeks"
    arms = trial([ALCOHOL_TEXTS, ("SHAM_COMPARATOR", "Control", said)],
                 [ALCOHOL_TEXTS_IV, (given_type, name, description)],
                 [("TMAP", "TMAP"), ("Control", name)],
                 brief_title="Text Messaging as a Novel Alcohol Intervention for Community College Students")

    def change(s):
        arms(s)
        s["conditions"] = [{"name": "Alcohol Use"}]
    return change


SHAM_EXERCISE = (("SHAM_COMPARATOR", "sham exercise", "Sham exercise: slow walking"),
                 ("OTHER", "Sham exercise", "Slow walking, same schedule"))
USUAL = (("PLACEBO_COMPARATOR", "usual care", "Usual care"), ("OTHER", "Usual care", "Care as usual"))

# (fires, change, note)
CASES = [
    # A test done and its results withheld, a device run blinded: the sham of a trial of a test or monitoring device.
    (False, scan_trial("SHAM_COMPARATOR", "Standard Care Group", "Angiography-guided care",
                       ("DIAGNOSTIC_TEST", "CMR performed but results not disclosed", "Angiography-guided care")),
     "a scan done and its results not disclosed"),
    (False, scan_trial("SHAM_COMPARATOR", "Standard of Care", "Monitored by local guidelines",
                       ("OTHER", "Blinded Sepsis Prediction Algorithm", "Standard of Care, i.e. no prediction alert")),
     "a prediction algorithm run blinded"),
    (False, scan_trial("PLACEBO_COMPARATOR", "Usual care", "Usual care",
                       ("GENETIC", "Genotyping", "Results are withheld from the treating physician until the end")),
     "a genotype whose results are withheld"),
    (False, scan_trial("SHAM_COMPARATOR", "Control", "Usual cardiology care",
                       ("DEVICE", "Heart rhythm patch", "Worn in blinded mode for 14 days")),
     "a rhythm patch worn in blinded mode"),
    (False, scan_trial("SHAM_COMPARATOR", "Control", "Usual care",
                       ("DEVICE", "Early warning software", "It runs, but alerts are not displayed to staff")),
     "alerts not displayed"),
    (True, scan_trial("SHAM_COMPARATOR", "Standard of Care", "Usual monitoring",
                      ("OTHER", "Standard of care", "Usual monitoring, no prediction alert")),
     "usual monitoring, no device run"),
    (True, scan_trial("SHAM_COMPARATOR", "CMR Group", "CMR-guided care",
                      ("DIAGNOSTIC_TEST", "CMR", "CMR performed and its results disclosed to the clinician")),
     "a scan whose results are used"),
    (True, scan_trial("PLACEBO_COMPARATOR", "Usual care", "Usual care; the trial's results will be disclosed later",
                      ("OTHER", "Usual care", "Care as usual")), "the trial's results disclosed later"),
    (False, scan_trial("PLACEBO_COMPARATOR", "SphygmoCor Blinded", "SphygmoCor values will be blinded to the "
                       "investigator.", ("DEVICE", "SphygmoCor", "Hand-held tonometer")), "a device's values blinded"),
    (True, scan_trial("PLACEBO_COMPARATOR", "SphygmoCor", "SphygmoCor values will guide treatment.",
                      ("DEVICE", "SphygmoCor", "Hand-held tonometer")), "a device's values used"),
    (True, scan_trial("PLACEBO_COMPARATOR", "Standard care", "Standard care; outcome assessors are blinded",
                      ("OTHER", "Standard care", "Blinded outcome assessment at 6 months")),
     "outcome assessors blinded"),
    # A sham named where the study says how it blinds its participants.
    (False, exercise_trial("Blinding attempt of participants by sham exercise. Outcome assessors were unaware of "
                           "participant's group status."), "participants blinded by sham exercise"),
    (False, exercise_trial("Participants are masked with a placebo programme."), "masked with a placebo programme"),
    (False, exercise_trial("Sham sessions are used to maintain the blind of participants."),
     "sham sessions used to keep the blind"),
    (True, exercise_trial("Outcome assessors were unaware of participant's group status."), "only assessors blinded"),
    (True, exercise_trial("Participants could not be blinded with a sham; assessors were."), "a blinding denied"),
    (True, exercise_trial("Blinding was not possible without a sham exercise."), "no sham, no blinding"),
    (True, exercise_trial("Participants are blinded by sham exercise.", SHAM_EXERCISE, USUAL),
     "usual care beside another arm's sham exercise"),
    # An attention control said not to be on the topic tested.
    (False, text_trial("Motivational texts not alcohol related"), "texts not alcohol related"),
    (False, text_trial("Health tips unrelated to drinking"), "tips unrelated to drinking"),
    (False, text_trial("Messages on non-alcohol-related topics"), "non-alcohol-related topics"),
    (False, text_trial("Three 20-minute sessions of writing in response to neutral writing prompts"),
     "neutral writing prompts"),
    (False, text_trial("Weekly group", arm_description="Present centered group therapy serves as a credible control "
                       "for the nonspecific effects of a group (i.e. controls for time, attention, expectation)."),
     "a control for nonspecific effects"),
    (False, text_trial("Weekly group sessions giving equal attention"), "sessions of equal attention"),
    (False, text_trial("Four days a week", arm_description="Messages about birdfeeding", name="Text messages"),
     "texts on a topic, the intervention's name apart"),
    (True, text_trial("Motivational texts on alcohol risks"), "texts on the topic tested"),
    (True, text_trial("Four days a week", arm_description="Messages about alcohol", name="Text messages"),
     "texts about the topic tested"),
    (True, text_trial("Writing about alcohol use"), "writing on the topic tested"),
    (True, text_trial("Usual care, giving equal attention"), "usual care of equal attention"),
    (True, text_trial("Weekly group sessions that control for alcohol intake"), "a control for intake, not attention"),
    (True, text_trial("Alcohol-related texts once a week"), "fewer texts on the topic tested"),
    (True, text_trial("Texts not alcohol related", arm_description="Usual care and weekly texts"),
     "texts beside usual care"),
    (True, text_trial("Texts not alcohol related", given_type="DRUG"), "texts in a trial of a drug"),
]


def _nct(n: int) -> str:
    """The id of the n-th case's study."""
    return f"NCT0262{n:04d}"


@pytest.fixture(scope="module")
def flagged(tmp_path_factory):
    """The studies the comparator rule flags, on one warehouse holding every case."""
    built = harness.changed_studies({_nct(n): change for n, (_fires, change, _note) in enumerate(CASES, start=1)})
    rules = [rule for rule in arm_types.RULES if rule.id == COMPARATOR_WITHOUT_PLACEBO]
    return harness.flagged_studies(tmp_path_factory.mktemp("shams_by_design"), built, rules)[COMPARATOR_WITHOUT_PLACEBO]


@pytest.mark.parametrize("n", range(1, len(CASES) + 1), ids=[note for _f, _c, note in CASES])
def test_a_sham_by_design_or_a_control_on_another_topic(flagged, n):
    fires, _change, note = CASES[n - 1]
    assert (_nct(n) in flagged) is fires, note
