"""Shapes of the protocol rules: an observational cohort said not to be given a placebo, or given it in another trial; a
record that lists one arm only; a withdrawn study's planned or untyped enrollment; an outcome whose measure says when it
is assessed. All shapes share one warehouse."""
from __future__ import annotations

import pytest

import checks
from tests.checks import harness

RULES = [rule for rule in checks.all_rules() if rule.id in {
    "protocol.arm_without_intervention", "protocol.interventional_design_missing",
    "status.withdrawn_with_enrollment", "protocol.outcome_without_time_frame", "protocol.intervention_not_named"}]
OBSERVATIONAL = {"study_type": "OBSERVATIONAL", "phase": None}
ONE_DRUG = [{"intervention_type": "DRUG", "name": "Baricitinib", "description": None}]
ONE_LINK = [{"design_group": "Baricitinib", "intervention": "Baricitinib"}]


def _cohort(title: str, description: str) -> tuple[dict, dict]:
    """An observational study whose exposed cohort is linked to its drug and whose second cohort (title,
    description) is linked to nothing."""
    return OBSERVATIONAL, {
        "design_groups": [{"group_type": None, "title": "Baricitinib", "description": "Patients taking baricitinib"},
                          {"group_type": None, "title": title, "description": description}],
        "interventions": ONE_DRUG, "design_group_interventions": ONE_LINK}


def _design(allocation: str | None, model: str | None, arms: list[str]) -> tuple[dict, dict]:
    """An interventional study with the design answers given and the arms titled `arms`, each linked to its drug."""
    return {}, {
        "designs": [{"allocation": allocation, "intervention_model": model, "masking": "NONE",
                     "primary_purpose": "TREATMENT"}],
        "design_groups": [{"group_type": "EXPERIMENTAL", "title": arm, "description": None} for arm in arms],
        "interventions": ONE_DRUG,
        "design_group_interventions": [{"design_group": arm, "intervention": "Baricitinib"} for arm in arms]}


def _withdrawn(enrollment: int, kind: str | None) -> tuple[dict, dict]:
    """A withdrawn study whose enrollment is `enrollment` of type `kind`."""
    return {"overall_status": "WITHDRAWN", "why_stopped": "Sponsor decision", "enrollment": enrollment,
            "enrollment_type": kind}, {}


def _untimed(*outcomes: tuple[str, str, str | None]) -> tuple[dict, dict]:
    """A study whose outcomes (type, measure, description) give no time frame."""
    return {}, {"design_outcomes": [{"outcome_type": kind, "measure": measure, "time_frame": None,
                                     "description": description} for kind, measure, description in outcomes]}


def _comparator(kind: str, name: str) -> tuple[dict, dict]:
    """A study whose comparator arm receives the intervention `name` of type `kind`."""
    return {}, {"interventions": [{"intervention_type": "DRUG", "name": "Baricitinib", "description": None},
                                  {"intervention_type": kind, "name": name, "description": None}],
                "design_group_interventions": [{"design_group": "Baricitinib", "intervention": "Baricitinib"},
                                               {"design_group": "Placebo", "intervention": name}]}


SHAPES = {
    # observational cohorts given nothing in this study
    "not to receive placebo": _cohort("Healthy controls", "Healthy volunteers who will not receive placebo or any "
                                                          "study drug"),
    "not exposed to vaccine or placebo": _cohort("Unexposed", "Women not exposed to the vaccine or placebo during "
                                                              "pregnancy"),
    "no sham": _cohort("Reference group", "Age-matched adults; no sham procedure is performed"),
    "placebo of a named study": _cohort("Placebo", "Placebo-treated patients from Study JAHN-301"),
    "placebo of a named trial": _cohort("Placebo group", "Patients on placebo in the ORAL Standard trial"),
    "placebo of a double-blind period": _cohort("Placebo responders", "Participants who responded to placebo during "
                                                                      "the double-blind period"),
    "sham of a registered study": _cohort("Sham", "Participants assigned to sham stimulation in NCT01234567"),
    # observational cohorts given a placebo or sham in this study
    "sham session at each visit": _cohort("Sham tDCS", "Participants given a sham tDCS session at each visit"),
    "saline placebo injections": _cohort("Saline", "Volunteers receiving saline placebo injections for 4 weeks"),
    "placebo during this study": _cohort("Placebo", "Pre-diabetics receiving placebo for 6 weeks during this study"),
    # design answers
    "one arm, no allocation or model": _design(None, None, ["Open-label baricitinib"]),
    "two arms, no allocation or model": _design(None, None, ["Cohort 1", "Cohort 2"]),
    # withdrawn
    "withdrawn, anticipated 120": _withdrawn(120, "ESTIMATED"),
    "withdrawn, untyped 50": _withdrawn(50, None),
    "withdrawn, actual 3": _withdrawn(3, "ACTUAL"),
    # outcomes without a time frame
    "measure says when": _untimed(("primary", "Pathologic complete response at the end of treatment", None)),
    "measure says when, days after": _untimed(("primary", "Seroconversion rate 28 days after the second dose", None)),
    "measure says nothing of when": _untimed(("primary", "Overall survival", None)),
    "description says when": _untimed(("primary", "Change in HbA1c", "From baseline to week 26")),
    "one measure, one description": _untimed(("primary", "Change in HbA1c from baseline to week 26", None),
                                             ("secondary", "Body weight", "Measured at week 52")),
    "one measure, one nowhere": _untimed(("primary", "Change in HbA1c from baseline to week 26", None),
                                         ("secondary", "Body weight", None)),
    # interventions named with hyphens
    "Active-Control": _comparator("BEHAVIORAL", "Active-Control"),
    "Study-drug": _comparator("DRUG", "Study-drug"),
    "Control-Group": _comparator("OTHER", "Control-Group"),
    "Anti-PD-1 antibody": _comparator("BIOLOGICAL", "Anti-PD-1 antibody"),
    "Non-drug treatment": _comparator("OTHER", "Non-drug treatment"),
    "Add-on therapy": _comparator("DRUG", "Add-on therapy"),
}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple[str, str, str, str]]]:
    shapes = {name: (f"NCT{9400001 + n:08d}", values, tables) for n, (name, (values, tables)) in
              enumerate(SHAPES.items())}
    return harness.shape_findings(tmp_path_factory.mktemp("protocol_placebo_cohorts"), shapes, RULES)


def _of(found, shape: str, rule_id: str) -> list[tuple[str, str]]:
    """(severity, message) of each finding of `rule_id` on `shape`."""
    return [(severity, message) for rule, severity, message, _ in found[shape] if rule == rule_id]


@pytest.mark.parametrize("shape", ["not to receive placebo", "not exposed to vaccine or placebo", "no sham",
                                   "placebo of a named study", "placebo of a named trial",
                                   "placebo of a double-blind period", "sham of a registered study"])
def test_a_cohort_given_no_placebo_here_is_a_comparison_cohort(found, shape):
    assert _of(found, shape, "protocol.arm_without_intervention") == []


@pytest.mark.parametrize(("shape", "arm"), [("sham session at each visit", "Sham tDCS"),
                                            ("saline placebo injections", "Saline"),
                                            ("placebo during this study", "Placebo")])
def test_a_cohort_given_a_placebo_or_sham_here_is_an_arm(found, shape, arm):
    assert _of(found, shape, "protocol.arm_without_intervention") == [
        ("warning", f"The group \"{arm}\" receives no intervention, though the record links groups to interventions.")]


def test_a_record_of_one_arm_has_no_allocation_to_describe(found):
    assert _of(found, "one arm, no allocation or model", "protocol.interventional_design_missing") == [
        ("warning", "Interventional study does not describe its intervention model.")]
    assert _of(found, "two arms, no allocation or model", "protocol.interventional_design_missing") == [
        ("warning", "Interventional study does not describe its allocation, intervention model.")]


@pytest.mark.parametrize(("shape", "expected"), [
    ("withdrawn, anticipated 120", ("info", "Study is WITHDRAWN, which means no participant was enrolled, but its "
                                            "enrollment still gives the anticipated 120 (ESTIMATED), not the actual "
                                            "0.")),
    ("withdrawn, untyped 50", ("info", "Study is WITHDRAWN, which means no participant was enrolled, but its "
                                       "enrollment gives 50 without saying whether actual or anticipated, not the "
                                       "actual 0.")),
    ("withdrawn, actual 3", ("error", "Study is WITHDRAWN, which means no participant was enrolled, but its "
                                      "enrollment is 3 (ACTUAL)."))])
def test_a_withdrawn_study_s_enrollment_is_told_as_its_type_says(found, shape, expected):
    assert _of(found, shape, "status.withdrawn_with_enrollment") == [expected]


@pytest.mark.parametrize(("shape", "measure"), [
    ("measure says when", "Pathologic complete response at the end of treatment"),
    ("measure says when, days after", "Seroconversion rate 28 days after the second dose")])
def test_an_outcome_whose_measure_says_when_is_told_so(found, shape, measure):
    assert _of(found, shape, "protocol.outcome_without_time_frame") == [
        ("warning", f"The outcome '{measure}' (primary) gives no time frame; only its measure says when it is "
                    "assessed.")]


def test_outcomes_said_nowhere_or_in_descriptions_keep_their_messages(found):
    assert _of(found, "measure says nothing of when", "protocol.outcome_without_time_frame") == [
        ("warning", "The outcome 'Overall survival' (primary) gives no time frame, so when it is assessed cannot be "
                    "told.")]
    assert _of(found, "description says when", "protocol.outcome_without_time_frame") == [
        ("warning", "The outcome 'Change in HbA1c' (primary) gives no time frame; only its description says when it "
                    "is assessed.")]


def test_several_outcomes_timed_in_their_measures_say_so(found):
    assert _of(found, "one measure, one description", "protocol.outcome_without_time_frame") == [
        ("warning", "2 outcomes give no time frame; only their measures or descriptions say when they are assessed: "
                    "'Change in HbA1c from baseline to week 26' (primary), 'Body weight' (secondary).")]
    assert _of(found, "one measure, one nowhere", "protocol.outcome_without_time_frame") == [
        ("warning", "2 outcomes give no time frame (1 says when they are assessed only in their measures or "
                    "descriptions): 'Change in HbA1c from baseline to week 26' (primary), 'Body weight' "
                    "(secondary).")]


@pytest.mark.parametrize(("shape", "kind", "says"), [
    ("Active-Control", "BEHAVIORAL", "which arm receives it but not what it is"),
    ("Control-Group", "OTHER", "which arm receives it but not what it is"),
    ("Study-drug", "DRUG", "what kind of intervention it is but not which")])
def test_a_role_or_kind_written_with_a_hyphen_is_no_name(found, shape, kind, says):
    assert _of(found, shape, "protocol.intervention_not_named") == [
        ("warning", f"An intervention of type {kind} is named only \"{shape}\", which says {says}.")]


@pytest.mark.parametrize("shape", ["Anti-PD-1 antibody", "Non-drug treatment", "Add-on therapy"])
def test_a_hyphenated_name_of_what_is_given_is_a_name(found, shape):
    assert _of(found, shape, "protocol.intervention_not_named") == []
