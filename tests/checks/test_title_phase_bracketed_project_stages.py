"""A title's phases each labelled in brackets as a project's stage, on an N/A record that lists no drug
(contradictions.title_phase_differs).

"ACT1ON Phase 2 (SMART Pilot) and Phase 3 (Efficacy Trial Development)" on a trial of diets names a grant project's
stages, a pilot and the development of a later trial, not trial phases: N/A is right and the title is not read. A
drug trial with such a title, a title whose label names a trial or is followed by one ("Phase 2 (Pilot RCT)",
"Phase 2 (Feasibility) Trial of ..."), and a phase left unlabelled still fire; on a trial of diets they are info, as
the registry asks N/A of a trial that tests no drug."""
from __future__ import annotations

import pytest

from checks.title_phase import RULES, study_phase_findings
from checks import title_phase_interventions as kinds
from tests.checks import harness

BRIEF = "studies.brief_title"
DIETS = [("BEHAVIORAL", "Hypocaloric, low carbohydrate diet"), ("BEHAVIORAL", "Mediterranean diet")]
DRUGS = [("DRUG", "Drug X"), ("DRUG", "Placebo")]
JUDGED = "ACT1ON Phase 2 (SMART Pilot) and Phase 3 (Efficacy Trial Development)"


def _severities(title: str, interventions: list[tuple], phase: str = "NA") -> list[str]:
    """The severities of the findings on a record of `title`, `phase` and `interventions` (type, name), read as the
    rule reads a record's interventions."""
    without = (kinds.tested_without_phases(kinds.tested_interventions(interventions))
               or kinds.tested_without_a_product(interventions))
    return [f.severity for f in study_phase_findings("NCT0", [(BRIEF, title)], phase, without,
                                                     not kinds.lists_no_drug(interventions))]


# (title, interventions): each phase labelled as a pilot, a feasibility or a development stage, on a record that
# lists no drug.
QUIET = [
    (JUDGED, DIETS),
    ("Diet Project Phase 2 (SMART Pilot) and Phase 3 (Efficacy Trial Development)", [("DEVICE", "Glucose monitor")]),
    ("Phase 1 (Feasibility) and Phase 2 (Pilot) of a Walking Programme", [("BEHAVIORAL", "Walking")]),
    ("Phase I (Intervention Development) and Phase II (Pilot) of Wheelchair Skills Training",
     [("OTHER", "Skills training")]),
    ("Phase 2 [Feasibility and Acceptability] Coaching for Caregivers of People With Dementia",
     [("BEHAVIORAL", "Coaching")]),
    ("Phase 1 (Pilot Testing) of Prehabilitation Before Surgery", [("PROCEDURE", "Prehabilitation")]),
]

# (title, interventions, phase, severity): a drug trial's phases, a label that names a trial or is followed by one,
# an unlabelled phase, and a behavioural trial's "Phase 2 Trial of ...", which N/A makes info.
FIRES = [
    (JUDGED, DRUGS, "NA", "warning"),
    (JUDGED, DIETS, "PHASE1", "warning"),
    ("Phase 2 Trial of a Hypocaloric Diet in Young Adults With Type 1 Diabetes", DIETS, "NA", "info"),
    ("Phase 2 (Pilot RCT) of a Hypocaloric Diet", DIETS, "NA", "info"),
    ("Phase 2 (Feasibility) Trial of a Hypocaloric Diet", DIETS, "NA", "info"),
    ("ACT1ON Phase 2 (SMART Pilot) and Phase 3 Trial of Diets", DIETS, "NA", "info"),
    ("A Phase 1 (Dose Finding) Study of Drug X", DRUGS, "NA", "warning"),
    ("Phase 2 (Pilot) of Drug X in Asthma", DRUGS, "NA", "warning"),
]


@pytest.mark.parametrize("title, interventions", QUIET, ids=[t for t, _i in QUIET])
def test_phases_labelled_as_a_projects_stages_name_no_trial_phase(title, interventions):
    assert _severities(title, interventions) == []


@pytest.mark.parametrize("title, interventions, phase, severity", FIRES, ids=[c[0] for c in FIRES])
def test_a_trials_phases_still_fire(title, interventions, phase, severity):
    assert _severities(title, interventions, phase) == [severity]


def _record(title: str, interventions: list[tuple]):
    def change(study):
        study["studies"][0].update(brief_title=title, official_title="Diets in Young Adults With Type 1 Diabetes",
                                   phase="NA")
        study["interventions"] = [{"intervention_type": kind, "name": name, "description": name}
                                  for kind, name in interventions]
    return change


def test_records_of_a_projects_stages_and_of_a_trials_phases(tmp_path):
    studies = harness.changed_studies({"NCT90000001": _record(JUDGED, DIETS), "NCT90000002": _record(JUDGED, DRUGS),
                                       "NCT90000003": _record("Phase 2 Trial of a Hypocaloric Diet", DIETS)})
    [rule] = [r for r in RULES if r.id == "contradictions.title_phase_differs"]
    assert harness.flagged_studies(tmp_path, studies, [rule])[rule.id] == {"NCT90000002", "NCT90000003"}
