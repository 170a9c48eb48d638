"""contradictions.single_group_several_arms on a diagnostic or screening single group whose arms are the tests every
participant takes: "Routine blood serum IgE levels will be compared with the newly developed microarray-based
diagnostic test system", arms 'Routine allergy tests' and 'Newly developed microarray-based diagnostic test system'.
Unrandomized, of devices or tests only, its titles, brief summary or model description comparing them, no arm named
for people: info, as randomized_single_group says of such a study. Randomized between the arms, a treatment study, one
that lists a drug, one whose words compare nothing (or compare only in the detailed description), or arms of people
stay a warning.

Arms the record's words have every participant go through, each taking all of them ("Each patient enrolled in the
study will experience the same modes of sample collection"; "Patients ... will undergo a lung ultrasound, by two
observers each"), are one group's procedures: not flagged, in a diagnostic study or another. Randomized between the
arms, arms named for people, the same intervention for everyone of a household, or readers of images named for no
participant: still flagged.
"""
from __future__ import annotations

from datetime import date

import pytest

from checks import all_rules
from tests.checks import harness

RULES = {rule.id: rule for rule in all_rules()}
SEVERAL_ARMS = "contradictions.single_group_several_arms"
COMPARED = ("Group of adult participants with IgE-dependent allergic reactions. Routine blood serum IgE levels will be "
            "compared with the newly developed microarray-based diagnostic test system.")
TESTS = (("DIAGNOSTIC_TEST", "Routine allergy tests"),
         ("DIAGNOSTIC_TEST", "Newly developed microarray-based diagnostic test system"))
TEST_ARMS = [name for _kind, name in TESTS]
TESTS_EACH = "a diagnostic study that compares tests or devices may give each to every participant"


def _study(arms: list[str] = TEST_ARMS, model_said: str | None = COMPARED, allocation: str = "NON_RANDOMIZED",
           purpose: str = "DIAGNOSTIC", interventions: tuple[tuple[str, str], ...] = TESTS,
           title: str = "Allergy Diagnostic Test Based on Microchip Technology",
           summary: str = "The purpose of this study is to develop a microarray-based diagnostic test system.",
           detail: str = "Participants give a blood sample.") -> tuple:
    """A single-group study first posted in 2023, of this allocation and purpose, its model described as
    `model_said`, listing the arms (titles) and interventions (type, name), with these titles and summaries."""
    design = {**harness.clean_study()["designs"][0], "allocation": allocation, "intervention_model": "SINGLE_GROUP",
              "primary_purpose": purpose, "intervention_model_description": model_said}
    groups = [{"group_type": "EXPERIMENTAL", "title": arm, "description": None} for arm in arms]
    listed = [{"intervention_type": kind, "name": name, "description": None} for kind, name in interventions]
    return ({"study_first_posted_date": date(2023, 12, 13), "official_title": title, "brief_title": title},
            {"designs": [design], "design_groups": groups, "design_group_interventions": [], "interventions": listed,
             "brief_summaries": [{"description": summary}], "detailed_descriptions": [{"description": detail}]})


# (shape, the severity it must be flagged with, a part of the evidence it must quote or say).
CASES = [
    # Tests every participant takes, compared: info.
    (_study(), "info", "designs.intervention_model_description: 'Routine blood serum IgE levels will be compared"),
    (_study(), "info", TESTS_EACH),
    (_study(["Stool DNA test", "Faecal immunochemical test"], None, purpose="SCREENING",
            interventions=(("DIAGNOSTIC_TEST", "sDNA"), ("DIAGNOSTIC_TEST", "FIT")), title="Stool DNA Test Versus FIT"),
     "info", "studies.official_title: 'Stool DNA Test Versus FIT'"),
    (_study(["New monitor", "Predicate monitor"], None, interventions=(("DEVICE", "Monitor"),),
            summary="The new monitor's readings are correlated with those of its predicate device."),
     "info", TESTS_EACH),
    # Randomized between the arms, a treatment study, a drug listed: a warning.
    (_study(allocation="RANDOMIZED"), "warning", "2 different arms"),
    (_study(purpose="TREATMENT"), "warning", "2 different arms"),
    (_study(interventions=(*TESTS, ("DRUG", "Allergen extract"))), "warning", "2 different arms"),
    # Nothing compared, or compared only in the detailed description: a warning.
    (_study(model_said="Group of adult participants with IgE-dependent allergic reactions."), "warning",
     "2 different arms"),
    (_study(model_said=None, detail="The microarray will be compared with routine tests."), "warning",
     "2 different arms"),
    # Arms of people: groups, whatever the study compares.
    (_study(["Allergic patients", "Healthy controls"]), "warning", "2 different arms"),
]
SHAPES = {str(n): (f"NCT0{n:07d}", *shape) for n, (shape, _severity, _said) in enumerate(CASES, start=1)}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple[str, str, str, str]]]:
    """Each shape's findings of the rule: (rule id, severity, message, evidence)."""
    return harness.shape_findings(tmp_path_factory.mktemp("diagnostic_single_group"), SHAPES, [RULES[SEVERAL_ARMS]])


@pytest.mark.parametrize("n", range(1, len(CASES) + 1))
def test_a_diagnostic_single_group_of_tests_every_participant_takes(found, n):
    _shape, severity, said = CASES[n - 1]
    flagged = [(s, f"{m} {e}") for r, s, m, e in found[str(n)] if r == SEVERAL_ARMS]
    assert [s for s, _text in flagged] == [severity], found[str(n)]
    assert all(said in text for _s, text in flagged), flagged


SAMPLES = ["Method 1- Nasopharyngeal swab in transfer liquid", "Method 2- Collection of nasal sample"]
SAMPLES_EACH = "Each Patient enrolled in the study will experience the same modes of sample collection and analysis."
OBSERVERS = ["LUS observer 1", "LUS observer 2"]
OBSERVERS_EACH = "Patients with COVID-19 pneumonia will undergo a lung ultrasound, by two observers each."
# (shape, the severities it must be flagged with: none where every participant goes through every arm).
EVERY_ARM_CASES = [
    (_study(SAMPLES, SAMPLES_EACH), []),
    (_study(OBSERVERS, OBSERVERS_EACH), []),
    (_study(SAMPLES, "All patients will receive both the conjunctival swab and the nasopharyngeal swab."), []),
    (_study(SAMPLES, None, detail="All three tests will be performed on every participant at one visit."), []),
    (_study(OBSERVERS, "Each patient will be examined by both sonographers.", purpose="TREATMENT"), []),
    # Randomized between the arms, arms of people, a household's one intervention, readers named for nobody: flagged.
    (_study(SAMPLES, SAMPLES_EACH, allocation="RANDOMIZED"), ["warning"]),
    (_study(["Patients with pneumonia", "Healthy volunteers"], SAMPLES_EACH), ["warning"]),
    (_study(["Vitamin D", "Standard care"], "All participants in one household will receive the same intervention.",
            purpose="PREVENTION", interventions=(("DRUG", "Vitamin D"),)), ["warning"]),
    (_study(["Drug X", "Standard care"], "Chest CT images will be read by two independent radiologists.",
            purpose="TREATMENT", interventions=(("DRUG", "Drug X"),)), ["warning"]),
    (_study(OBSERVERS, "Patients will undergo a lung ultrasound by an observer."), ["warning"]),
]
EVERY_ARM_SHAPES = {str(n): (f"NCT1{n:07d}", *shape) for n, (shape, _severities) in enumerate(EVERY_ARM_CASES, start=1)}


@pytest.fixture(scope="module")
def every_arm_found(tmp_path_factory) -> dict[str, list[tuple[str, str, str, str]]]:
    """Each every-arm shape's findings of the rule: (rule id, severity, message, evidence)."""
    return harness.shape_findings(tmp_path_factory.mktemp("every_arm_single_group"), EVERY_ARM_SHAPES,
                                  [RULES[SEVERAL_ARMS]])


@pytest.mark.parametrize("n", range(1, len(EVERY_ARM_CASES) + 1))
def test_arms_every_participant_goes_through_are_one_group(every_arm_found, n):
    _shape, severities = EVERY_ARM_CASES[n - 1]
    assert [s for r, s, _m, _e in every_arm_found[str(n)] if r == SEVERAL_ARMS] == severities, every_arm_found[str(n)]
