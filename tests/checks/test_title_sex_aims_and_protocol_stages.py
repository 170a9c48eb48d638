"""A title's one sex in one of the aims it joins, and an observational protocol's own stages named as phases.

contradictions.title_sex_differs: a title that joins aims, each after its own "on", and names one sex in one of them
only ("The Effect of X on Arterial Tone, and on Erectile Function in Men With ...") names the people of that aim, not
the participants, and stays quiet against a Sex of 'ALL'; a title whose one sex stands before the aims, in each of
them, or after aims joined under one "on" still fires. contradictions.observational_title_phase: a title's phases
that the record's text defines as its protocol's own stages of procedures ("Phase I: Patients undergo fasting for
urine and blood endocrine assessments ...") name no trial phase; a text that names a phase as a trial's or a study's,
or stages of doses, still fires.
"""
from __future__ import annotations

import pytest

from checks.title_phase import observational_phase_findings
from checks.title_phase_protocol_stages import protocol_stages
from checks.title_sex import study_title_sex_findings

BRIEF, OFFICIAL = "studies.brief_title", "studies.official_title"


def _sex_severity(title: str, gender: str) -> str | None:
    found = list(study_title_sex_findings("NCT0", [(BRIEF, "Drug X in Coronary Disease"), (OFFICIAL, title)], gender))
    return found[0].severity if found else None


# (title, Sex, severity): one sex named for the participants, before, across or after the aims a title joins.
SEX_FIRES = [
    ("The Effect of Drug X on Arterial Tone and Erectile Function in Men With Coronary Disease", "ALL", "info"),
    ("Effect of Drug X in Men on Arterial Tone and on Erectile Function", "ALL", "info"),
    ("Effect of Exercise on Bone Density in Women, and on Muscle Strength in Women", "ALL", "info"),
    ("The Effect of Drug X on Arterial Tone, and on Erectile Function in Men With Coronary Disease", "FEMALE",
     "warning"),
    ("Effect of Drug X on Sexual Function in Men With Coronary Disease", "ALL", "info"),
]

# (title, Sex): one sex named in one of the aims a title joins, each after its own "on".
SEX_QUIET = [
    ("The Effect of Drug X on Arterial Tone, and on Erectile Function in Men With Coronary Disease", "ALL"),
    ("Effect of Drug X on Erectile Function in Men, and on Arterial Tone", "ALL"),
    ("Effect of Drug X on Arterial Tone as Well as on Bone Density in Postmenopausal Women", "ALL"),
]


@pytest.mark.parametrize("title, gender, severity", SEX_FIRES, ids=[c[0][:50] for c in SEX_FIRES])
def test_one_sex_of_the_participants_still_fires(title, gender, severity):
    assert _sex_severity(title, gender) == severity


@pytest.mark.parametrize("title, gender", SEX_QUIET, ids=[c[0][:50] for c in SEX_QUIET])
def test_one_sex_in_one_of_the_joined_aims_stays_quiet_against_all(title, gender):
    assert _sex_severity(title, gender) is None


TITLE = "Phase I/II Study of Neuroendocrine Dysfunction in Patients With Closed Head Injuries"
STAGES = ("PROTOCOL OUTLINE: Phase I: Patients undergo fasting for urine and blood endocrine assessments. First "
          "morning urine is collected.\n\nPhase II: Beginning at noon on a different day, patients with any abnormal "
          "endocrine tests during phase I undergo 24 hour inpatient dynamic testing of the neuroendocrine system.")

# (title, texts): the title's phases defined as the protocol's own stages of procedures.
PHASE_QUIET = [
    (TITLE, [STAGES]),
    ("Phase II Study of Bone Loss After Spinal Cord Injury",
     ["Phase I: Participants undergo a baseline bone density scan.\nPhase II: Participants undergo repeat "
      "measurements at 12 months."]),
    ("A Phase I Study of Sleep in Shift Workers",
     ["OUTLINE: Phase I - Subjects undergo two nights of polysomnography monitoring."]),
]

# (title, texts): a trial's phase, in the title and the texts, or a stage only one of the title's phases.
PHASE_FIRES = [
    (TITLE, []),
    (TITLE, ["This phase I/II trial is studying neuroendocrine function. " + STAGES]),
    (TITLE, ["A Phase 2 study of endocrine testing. " + STAGES]),
    (TITLE, ["PROTOCOL OUTLINE: Phase I: Patients receive escalating doses of drug X IV.\n\nPhase II: Patients "
             "receive drug X at the maximum tolerated dose."]),
    (TITLE, ["Phase I: Patients undergo blood tests after escalating doses of drug X.\nPhase II: Patients undergo "
             "repeat testing."]),
    (TITLE, ["PROTOCOL OUTLINE: Phase I: Patients undergo fasting for endocrine assessments."]),
    (TITLE, ["Patients undergo endocrine assessments in phase I and dynamic testing in phase II."]),
]


@pytest.mark.parametrize("title, texts", PHASE_QUIET, ids=[c[0][:40] for c in PHASE_QUIET])
def test_a_title_phase_the_text_defines_as_the_protocols_stage_stays_quiet(title, texts):
    assert list(observational_phase_findings("NCT0", [(BRIEF, title)], texts)) == []


@pytest.mark.parametrize("title, texts", PHASE_FIRES, ids=[str(i) for i in range(len(PHASE_FIRES))])
def test_a_trials_phase_in_an_observational_record_still_fires(title, texts):
    assert len(list(observational_phase_findings("NCT0", [(BRIEF, title)], texts))) == 1


def test_the_stages_are_the_phases_that_head_procedures_of_observation():
    assert protocol_stages([STAGES]) == {1, 2}
    assert protocol_stages(["This phase I trial is studying side effects. " + STAGES]) == frozenset()
    assert protocol_stages(["Phase I: Patients receive escalating doses of drug X."]) == frozenset()
