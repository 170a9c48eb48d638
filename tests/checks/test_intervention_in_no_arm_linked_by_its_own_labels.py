"""An intervention a registry record links to groups by its own armGroupLabels is linked, whatever its name
(protocol.intervention_in_no_arm): one without a name has no name for a link to match, but the link holds the
intervention it belongs to. Its missing name is protocol.intervention_not_named's finding. An intervention, named or
not, that no group's link holds is still flagged; one without a name is called so in the message."""
from __future__ import annotations

import pytest

from tests.checks.test_protocol_label_typography_ages_and_intervention_names import api_record, loaded_findings

NO_ARM = "protocol.intervention_in_no_arm"
NOT_NAMED = "protocol.intervention_not_named"
ARMS = [("Condition A", None, "Patients with A"), ("Condition B", None, "Patients with B"),
        ("Control group", None, "Healthy")]
TRIAL_ARMS = [("Drug X", "EXPERIMENTAL", "Drug X daily"), ("Placebo", "PLACEBO_COMPARATOR", "Matching placebo")]
LABELS = ["Condition A", "Condition B", "Control group"]

# (record, the messages of intervention_in_no_arm it must give).
RECORDS = {
    "unnamed, linked to every cohort": (
        api_record(ARMS, [("OTHER", None, "No intervention", LABELS)], study_type="OBSERVATIONAL"), []),
    "blank name, linked to every cohort": (
        api_record(ARMS, [("OTHER", "  ", "No intervention", LABELS)], study_type="OBSERVATIONAL"), []),
    "unnamed, linked to one arm of a trial": (
        api_record(TRIAL_ARMS, [("DRUG", "Drug X", "d", ["Drug X"]), ("DRUG", None, "Matching placebo", ["Placebo"])]),
        []),
    "unnamed, linked to no arm of a trial": (
        api_record(TRIAL_ARMS, [("DRUG", "Drug X", "d", ["Drug X"]), ("DRUG", "Placebo", "p", ["Placebo"]),
                                ("OTHER", None, "Questionnaire", None)]),
        [("warning", "An intervention without a name is given in no arm, though the record links arms to "
                     "interventions.")]),
    "named, linked to no arm of a trial": (
        api_record(TRIAL_ARMS, [("DRUG", "Drug X", "d", ["Drug X"]), ("DRUG", "Placebo", "p", ["Placebo"]),
                                ("OTHER", "Questionnaire", "Quality of life", None)]),
        [("warning", "The intervention \"Questionnaire\" is given in no arm, though the record links arms to "
                     "interventions.")]),
    "named, linked to every cohort": (
        api_record(ARMS, [("OTHER", "Blood draw", "Blood sample", LABELS)], study_type="OBSERVATIONAL"), []),
}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple]]:
    """Each record's findings of the two rules: (rule id, severity, message)."""
    records = {name: record for name, (record, _messages) in RECORDS.items()}
    return loaded_findings(tmp_path_factory.mktemp("linked_by_labels"), records, (NO_ARM, NOT_NAMED))


@pytest.mark.parametrize("name", RECORDS)
def test_an_intervention_is_judged_by_the_groups_its_own_labels_link(found, name):
    assert [(severity, message) for rule, severity, message in found[name] if rule == NO_ARM] == RECORDS[name][1]


@pytest.mark.parametrize("name", [name for name in RECORDS if name.startswith(("unnamed", "blank"))])
def test_an_intervention_without_a_name_is_still_said_to_have_none(found, name):
    assert any(rule == NOT_NAMED for rule, _severity, _message in found[name])
