"""An intervention an observational or expanded-access record links to no group, a related-trials list that names one of
a combined phase's phases, and an outcome copied without a time frame or description, as records really word them. All
shapes share one warehouse, and each rule runs once over it."""
from __future__ import annotations

import pytest

import checks
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from tests.checks import harness

STRAY = "protocol.intervention_in_no_arm"
PHASE = "cross_source.related_study_phase_differs"
TWICE = "contradictions.duplicate_outcome"
RULES = [rule for rule in checks.all_rules() if rule.id in {STRAY, PHASE, TWICE}]


# --- interventions linked to no arm, group or cohort ---------------------------------------------------------------

def _groups(study_type: str | None, groups: list[tuple[str | None, str]], interventions: list[tuple[str, str]],
            links: list[tuple[str, str]]) -> dict:
    """A study of `study_type` with these groups (type, title), interventions (type, name) and links (group, name)."""
    return {"values": {"study_type": study_type, "phase": None if study_type != "INTERVENTIONAL" else "PHASE2"},
            "tables": {
                "design_groups": [{"group_type": kind, "title": title, "description": None} for kind, title in groups],
                "interventions": [{"intervention_type": kind, "name": name, "description": None}
                                  for kind, name in interventions],
                "design_group_interventions": [{"design_group": g, "intervention": i} for g, i in links]}}


_COHORTS = [(None, "Metformin users"), (None, "Non-users")]
_SEPSIS = [(None, "Sepsis"), (None, "Healthy controls")]
_TRIAL_ARMS = [("EXPERIMENTAL", "Baricitinib"), ("PLACEBO_COMPARATOR", "Placebo")]

LINKS = {
    # observational: an exposure or procedure linked to no cohort (info)
    "cohort study, questionnaire unlinked": _groups(
        "OBSERVATIONAL", _COHORTS, [("DRUG", "Metformin"), ("OTHER", "Questionnaire")],
        [("Metformin users", "Metformin")]),
    "case-control, genetic testing unlinked": _groups(
        "OBSERVATIONAL", _SEPSIS, [("OTHER", "Blood sample"), ("GENETIC", "Whole-exome sequencing")],
        [("Sepsis", "Blood sample"), ("Healthy controls", "Blood sample")]),
    "registry, second device unlinked": _groups(
        "OBSERVATIONAL", [(None, "Watchman cohort")],
        [("DEVICE", "Watchman FLX"), ("DEVICE", "Amulet")], [("Watchman cohort", "Watchman FLX")]),
    "cohort study, comparator drug unlinked": _groups(
        "OBSERVATIONAL", [(None, "Dabigatran"), (None, "Warfarin")],
        [("DRUG", "Dabigatran"), ("DRUG", "Warfarin")], [("Dabigatran", "Dabigatran")]),
    "biobank, specimen collection unlinked": _groups(
        "OBSERVATIONAL", [(None, "Cases"), (None, "Controls")],
        [("OTHER", "No intervention"), ("OTHER", "Biospecimen collection")],
        [("Cases", "No intervention"), ("Controls", "No intervention")]),
    "users and non-users, diet diary unlinked": _groups(
        "OBSERVATIONAL", [(None, "Vitamin D users"), (None, "Non-users")],
        [("DIETARY_SUPPLEMENT", "Vitamin D3"), ("BEHAVIORAL", "Diet diary")], [("Vitamin D users", "Vitamin D3")]),
    "prospective cohort, glucose monitor unlinked": _groups(
        "OBSERVATIONAL", [(None, "Type 1 diabetes")],
        [("DEVICE", "Continuous glucose monitor"), ("OTHER", "Standard care")], [("Type 1 diabetes", "Standard care")]),
    "case-crossover, air pollution unlinked": _groups(
        "OBSERVATIONAL", [(None, "Asthma admissions")], [("OTHER", "Hospital admission"), ("OTHER", "Air pollution")],
        [("Asthma admissions", "Hospital admission")]),
    "chart review, data collection unlinked": _groups(
        "OBSERVATIONAL", [(None, "Surgery"), (None, "Conservative management")],
        [("PROCEDURE", "Lumbar fusion"), ("OTHER", "Retrospective data collection")], [("Surgery", "Lumbar fusion")]),
    "pregnancy registry, no exposure unlinked": _groups(
        "OBSERVATIONAL", [(None, "Exposed pregnancies"), (None, "Unexposed pregnancies")],
        [("DRUG", "Ocrelizumab"), ("OTHER", "No exposure")], [("Exposed pregnancies", "Ocrelizumab")]),
    "valve registry, SAVR unlinked": _groups(
        "OBSERVATIONAL", [(None, "TAVR"), (None, "SAVR")], [("PROCEDURE", "TAVR"), ("PROCEDURE", "SAVR")],
        [("TAVR", "TAVR")]),
    # expanded access: no arms in the registry (info)
    "expanded access, second drug unlinked": _groups(
        "EXPANDED_ACCESS", [(None, "Intermediate-size population")],
        [("DRUG", "Lumasiran"), ("DRUG", "Premedication")], [("Intermediate-size population", "Lumasiran")]),
    "expanded access, monitoring unlinked": _groups(
        "EXPANDED_ACCESS", [(None, "Treatment IND")], [("BIOLOGICAL", "Tecovirimat"), ("OTHER", "Safety monitoring")],
        [("Treatment IND", "Tecovirimat")]),
    # interventional: an arm-less intervention stays a warning
    "trial, blood draw unlinked": _groups(
        "INTERVENTIONAL", _TRIAL_ARMS, [("DRUG", "Baricitinib"), ("DRUG", "Placebo"), ("PROCEDURE", "Blood draw")],
        [("Baricitinib", "Baricitinib"), ("Placebo", "Placebo")]),
    "trial, standard of care unlinked": _groups(
        "INTERVENTIONAL", _TRIAL_ARMS, [("DRUG", "Baricitinib"), ("DRUG", "Placebo"), ("OTHER", "Standard of care")],
        [("Baricitinib", "Baricitinib"), ("Placebo", "Placebo")]),
    "trial, radiotherapy unlinked": _groups(
        "INTERVENTIONAL", [("EXPERIMENTAL", "SBRT plus pembrolizumab"), ("ACTIVE_COMPARATOR", "Pembrolizumab")],
        [("DRUG", "Pembrolizumab"), ("RADIATION", "Stereotactic body radiotherapy")],
        [("SBRT plus pembrolizumab", "Pembrolizumab"), ("Pembrolizumab", "Pembrolizumab")]),
    "single-arm trial, PET-CT unlinked": _groups(
        "INTERVENTIONAL", [("EXPERIMENTAL", "Open-label baricitinib")],
        [("DRUG", "Baricitinib"), ("DIAGNOSTIC_TEST", "FDG PET-CT")], [("Open-label baricitinib", "Baricitinib")]),
    "trial, counselling unlinked": _groups(
        "INTERVENTIONAL", [("EXPERIMENTAL", "App plus counselling"), ("ACTIVE_COMPARATOR", "Counselling")],
        [("DEVICE", "Quit-smoking app"), ("BEHAVIORAL", "Motivational interviewing")],
        [("App plus counselling", "Quit-smoking app")]),
    "trial, sham device unlinked": _groups(
        "INTERVENTIONAL", [("EXPERIMENTAL", "Active tDCS"), ("SHAM_COMPARATOR", "Sham tDCS")],
        [("DEVICE", "tDCS"), ("DEVICE", "Sham tDCS")], [("Active tDCS", "tDCS")]),
    "page of no study type, placebo unlinked": _groups(
        None, _TRIAL_ARMS, [("DRUG", "Baricitinib"), ("DRUG", "Placebo")], [("Baricitinib", "Baricitinib")]),
}


# --- a related-trials list's phase against the study's own record --------------------------------------------------

def _listed(own_phase: str | None, stated_phase: str) -> dict:
    """A study whose related-trials list gives `stated_phase` for another study whose own record gives `own_phase`."""
    return {"own_phase": own_phase, "tables": {"related_studies": [{
        "stated_status": None, "stated_phase": stated_phase, "title": None}]}}


PHASES = {
    # one of a combined phase's phases, or Phase 1 for Early Phase 1: info
    "'Phase 2' for PHASE1/PHASE2": _listed("PHASE1/PHASE2", "Phase 2"),
    "'Phase 1' for PHASE1/PHASE2": _listed("PHASE1/PHASE2", "Phase 1"),
    "'Phase 3' for PHASE2/PHASE3": _listed("PHASE2/PHASE3", "Phase 3"),
    "'Phase II' for PHASE2/PHASE3": _listed("PHASE2/PHASE3", "Phase II"),
    "'Phase I' for PHASE1/PHASE2": _listed("PHASE1/PHASE2", "Phase I"),
    "'PHASE2' for PHASE1/PHASE2": _listed("PHASE1/PHASE2", "PHASE2"),
    "'Phase 2b' for PHASE1/PHASE2": _listed("PHASE1/PHASE2", "Phase 2b"),
    "'Phase 3b' for PHASE2/PHASE3": _listed("PHASE2/PHASE3", "Phase 3b"),
    "'Phase 1' for EARLY_PHASE1": _listed("EARLY_PHASE1", "Phase 1"),
    # a sub-phase registered as the combined phase: quiet
    "'Phase 1b' for PHASE1/PHASE2": _listed("PHASE1/PHASE2", "Phase 1b"),
    "'Phase Ib' for PHASE1/PHASE2": _listed("PHASE1/PHASE2", "Phase Ib"),
    "'Phase IIa' for PHASE1/PHASE2": _listed("PHASE1/PHASE2", "Phase IIa"),
    "'Phase 2b' for PHASE2/PHASE3": _listed("PHASE2/PHASE3", "Phase 2b"),
    # another phase: still a warning
    "'Phase 3' for PHASE1/PHASE2": _listed("PHASE1/PHASE2", "Phase 3"),
    "'Phase 4' for PHASE2/PHASE3": _listed("PHASE2/PHASE3", "Phase 4"),
    "'Phase 1/2' for PHASE2": _listed("PHASE2", "Phase 1/2"),
    "'Phase 2' for EARLY_PHASE1": _listed("EARLY_PHASE1", "Phase 2"),
    "'Phase 0' for PHASE1": _listed("PHASE1", "Phase 0"),
    "'Phase 1b' for PHASE2/PHASE3": _listed("PHASE2/PHASE3", "Phase 1b"),
    "'Phase 3' for NA": _listed("NA", "Phase 3"),
}


# --- an outcome listed twice ---------------------------------------------------------------------------------------

def _outcomes(*rows: tuple[str, str, str | None, str | None]) -> dict:
    """A study whose outcomes are these (type, measure, time frame, description)."""
    return {"values": {}, "tables": {"design_outcomes": [
        {"outcome_type": kind, "measure": measure, "time_frame": frame, "description": text}
        for kind, measure, frame, text in rows]}}


_AES = "Number of participants with treatment-emergent adverse events"
OUTCOMES = {
    "twice, nothing beside the measure": _outcomes(*[("primary", "Safety", None, None)] * 2),
    "as primary and as secondary, nothing beside": _outcomes(("primary", "Overall survival", None, None),
                                                             ("secondary", "Overall survival", None, None)),
    "three times, white space beside": _outcomes(*[("other", "Biomarker level", " ", "\n")] * 3),
    "an empty and a missing description, no time frame": _outcomes(("primary", "Safety", "", None),
                                                                   ("primary", "Safety", None, "  ")),
    "twice, a time frame and no description": _outcomes(("primary", "Overall survival", "5 years", None),
                                                         ("primary", "Overall survival", "5 Years", None)),
    "twice, a description and no time frame": _outcomes(("secondary", _AES, None, "Graded by CTCAE v5.0"),
                                                        ("secondary", _AES, None, "graded by CTCAE v5.0")),
    "twice, 'N/A' as time frame": _outcomes(("primary", "Pain (VAS)", "N/A", "Visual analogue scale, 0-10"),
                                            ("secondary", "Pain (VAS)", "N/A", "Visual analogue scale, 0-10")),
    "twice, 'Not Provided' and no description": _outcomes(("primary", "Mortality", "Not Provided", None),
                                                          ("primary", "Mortality", "Not Provided", None)),
    "twice, a time frame and 'N/A' as description": _outcomes(("primary", "HbA1c", "Week 26", "N/A"),
                                                              ("primary", "HbA1c", "Week 26", "N/A")),
    "twice, '-' beside": _outcomes(*[("secondary", "Quality of life (EQ-5D-5L)", "-", "-")] * 2),
    "twice, '...' as description": _outcomes(*[("primary", "Time to first exacerbation", "Up to 52 weeks", "...")] * 2),
    "twice, 'Not applicable.' as description": _outcomes(*[("secondary", "Length of stay", "TBD",
                                                              "Not applicable.")] * 2),
    "twice, a time frame in Chinese": _outcomes(*[("primary", "Objective response rate", "12周", None)] * 2),
    "twice, a bullet as description": _outcomes(*[("secondary", "Body weight", "12 weeks", "•")] * 2),
    "twice, a no-break space as time frame": _outcomes(*[("secondary", "Body weight", "\u00a0", None)] * 2),
    "twice, 'Unknown' as time frame": _outcomes(*[("secondary", "Hospitalisation", "Unknown", "Any admission")] * 2),
    "as each type, nothing beside": _outcomes(*[(kind, "Safety", None, None) for kind in ("primary", "secondary",
                                                                                         "other")]),
}


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple[str, str, str]]]:
    """(rule id, severity, message) of each finding on each shape; a related-list shape's other study is in the
    warehouse too."""
    studies, names = {}, {}
    for n, (name, shape) in enumerate({**LINKS, **OUTCOMES}.items()):
        nct_id = f"NCT{9500001 + n:08d}"
        study = harness.clean_study()
        study["studies"][0].update(shape["values"])
        study.update({table: [dict(row) for row in rows] for table, rows in shape["tables"].items()})
        studies[nct_id], names[nct_id] = study, name
    for n, (name, shape) in enumerate(PHASES.items()):
        nct_id, other_id = f"NCT{9510001 + n:08d}", f"NCT{9520001 + n:08d}"
        study, other = harness.clean_study(), harness.clean_study()
        study["related_studies"] = [{"related_nct_id": other_id, **row} for row in shape["tables"]["related_studies"]]
        other["studies"][0]["phase"] = shape["own_phase"]
        studies[nct_id], studies[other_id], names[nct_id] = study, other, name
    con = harness.warehouse_with(tmp_path_factory.mktemp("protocol_cross"), studies)
    result: dict[str, list[tuple[str, str, str]]] = {name: [] for name in names.values()}
    try:
        scope = set_scope(con, None, harness.AS_OF)
        for rule in RULES:
            for f in findings_of(con, rule, scope):
                if f.nct_id in names:
                    result[names[f.nct_id]].append((rule.id, f.severity or rule.severity, f.message))
    finally:
        con.close()
    return result


def _of(found, shape: str, rule_id: str) -> list[tuple[str, str]]:
    """(severity, message) of each finding of `rule_id` on `shape`."""
    return [(severity, message) for rule, severity, message in found[shape] if rule == rule_id]



@pytest.mark.parametrize(("shape", "name"), [
    ("cohort study, questionnaire unlinked", "Questionnaire"),
    ("case-control, genetic testing unlinked", "Whole-exome sequencing"),
    ("registry, second device unlinked", "Amulet"),
    ("cohort study, comparator drug unlinked", "Warfarin"),
    ("biobank, specimen collection unlinked", "Biospecimen collection"),
    ("users and non-users, diet diary unlinked", "Diet diary"),
    ("prospective cohort, glucose monitor unlinked", "Continuous glucose monitor"),
    ("case-crossover, air pollution unlinked", "Air pollution"),
    ("chart review, data collection unlinked", "Retrospective data collection"),
    ("pregnancy registry, no exposure unlinked", "No exposure"),
    ("valve registry, SAVR unlinked", "SAVR")])
def test_an_observational_study_s_unlinked_intervention_is_info_about_its_groups(found, shape, name):
    assert _of(found, shape, STRAY) == [
        ("info", f"The intervention \"{name}\" is linked to no group or cohort, though the record links its groups "
                 "to interventions.")]


@pytest.mark.parametrize(("shape", "name"), [("expanded access, second drug unlinked", "Premedication"),
                                             ("expanded access, monitoring unlinked", "Safety monitoring")])
def test_an_expanded_access_record_s_unlinked_intervention_is_info_about_its_groups(found, shape, name):
    assert _of(found, shape, STRAY) == [
        ("info", f"The intervention \"{name}\" is linked to no group, though the record links its groups to "
                 "interventions.")]


def test_only_a_trial_s_intervention_in_no_arm_is_a_warning(found):
    severities = {shape: [severity for severity, _ in _of(found, shape, STRAY)] for shape in LINKS}
    trials = {"trial, blood draw unlinked", "trial, standard of care unlinked", "trial, radiotherapy unlinked",
              "single-arm trial, PET-CT unlinked", "trial, counselling unlinked", "trial, sham device unlinked",
              "page of no study type, placebo unlinked"}
    assert severities == {shape: ["warning" if shape in trials else "info"] for shape in LINKS}


@pytest.mark.parametrize(("shape", "stated", "own"), [
    ("'Phase 2' for PHASE1/PHASE2", "Phase 2", "PHASE1/PHASE2"),
    ("'Phase 1' for PHASE1/PHASE2", "Phase 1", "PHASE1/PHASE2"),
    ("'Phase 3' for PHASE2/PHASE3", "Phase 3", "PHASE2/PHASE3"),
    ("'Phase II' for PHASE2/PHASE3", "Phase II", "PHASE2/PHASE3"),
    ("'Phase I' for PHASE1/PHASE2", "Phase I", "PHASE1/PHASE2"),
    ("'PHASE2' for PHASE1/PHASE2", "PHASE2", "PHASE1/PHASE2"),
    ("'Phase 2b' for PHASE1/PHASE2", "Phase 2b", "PHASE1/PHASE2"),
    ("'Phase 3b' for PHASE2/PHASE3", "Phase 3b", "PHASE2/PHASE3")])
def test_a_list_naming_one_of_a_combined_phase_s_phases_is_info(found, shape, stated, own):
    [(severity, message)] = _of(found, shape, PHASE)
    assert severity == "info"
    assert message.endswith(f" is in {stated}, but that study's own record says {own}, of which this is one phase.")


def test_a_list_calling_an_early_phase_1_study_phase_1_is_info(found):
    [(severity, message)] = _of(found, "'Phase 1' for EARLY_PHASE1", PHASE)
    assert severity == "info"
    assert message.endswith(" is in Phase 1, but that study's own record says EARLY_PHASE1 (Early Phase 1, formerly "
                            "Phase 0), the phase before it.")


@pytest.mark.parametrize("shape", ["'Phase 1b' for PHASE1/PHASE2", "'Phase Ib' for PHASE1/PHASE2",
                                   "'Phase IIa' for PHASE1/PHASE2", "'Phase 2b' for PHASE2/PHASE3"])
def test_a_sub_phase_sponsors_register_as_the_combined_phase_agrees(found, shape):
    assert _of(found, shape, PHASE) == []


def test_a_list_naming_another_phase_is_still_a_warning(found):
    warned = {shape for shape in PHASES if [s for s, _ in _of(found, shape, PHASE)] == ["warning"]}
    assert warned == {"'Phase 3' for PHASE1/PHASE2", "'Phase 4' for PHASE2/PHASE3", "'Phase 1/2' for PHASE2",
                      "'Phase 2' for EARLY_PHASE1", "'Phase 0' for PHASE1", "'Phase 1b' for PHASE2/PHASE3",
                      "'Phase 3' for NA"}


COPIED = {
    "twice, nothing beside the measure":
        "The primary outcome 'Safety' is listed 2 times with no time frame or description given.",
    "as primary and as secondary, nothing beside":
        "The outcome 'Overall survival' is listed as primary and as secondary with no time frame or description given.",
    "three times, white space beside":
        "The other outcome 'Biomarker level' is listed 3 times with no time frame or description given.",
    "an empty and a missing description, no time frame":
        "The primary outcome 'Safety' is listed 2 times with no time frame or description given.",
    "twice, a time frame and no description":
        "The primary outcome 'Overall survival' is listed 2 times with the same time frame and no description.",
    "twice, a description and no time frame":
        f"The secondary outcome '{_AES}' is listed 2 times with the same description and no time frame.",
    "twice, 'N/A' as time frame":
        "The outcome 'Pain (VAS)' is listed as primary and as secondary with the same description and no time frame.",
    "twice, 'Not Provided' and no description":
        "The primary outcome 'Mortality' is listed 2 times with no time frame or description given.",
    "twice, a time frame and 'N/A' as description":
        "The primary outcome 'HbA1c' is listed 2 times with the same time frame and no description.",
    "twice, '-' beside":
        "The secondary outcome 'Quality of life (EQ-5D-5L)' is listed 2 times with no time frame or description given.",
    "twice, '...' as description":
        "The primary outcome 'Time to first exacerbation' is listed 2 times with the same time frame and no "
        "description.",
    "twice, 'Not applicable.' as description":
        "The secondary outcome 'Length of stay' is listed 2 times with no time frame or description given.",
    "twice, a time frame in Chinese":
        "The primary outcome 'Objective response rate' is listed 2 times with the same time frame and no description.",
    "twice, a bullet as description":
        "The secondary outcome 'Body weight' is listed 2 times with the same time frame and no description.",
    "twice, a no-break space as time frame":
        "The secondary outcome 'Body weight' is listed 2 times with no time frame or description given.",
    "twice, 'Unknown' as time frame":
        "The secondary outcome 'Hospitalisation' is listed 2 times with the same description and no time frame.",
    "as each type, nothing beside":
        "The outcome 'Safety' is listed as primary and as secondary and as other with no time frame or description "
        "given.",
}


@pytest.mark.parametrize("shape", COPIED)
def test_a_copied_outcome_s_message_says_what_its_copies_give(found, shape):
    assert _of(found, shape, TWICE) == [("info", COPIED[shape])]
