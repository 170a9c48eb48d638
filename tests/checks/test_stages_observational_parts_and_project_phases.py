"""A study's stages and a project's phases, read as such, both ways.

An interventional record whose text calls one stage or part of the study observational ("Stage (1): It will be a case
control study ... Stage (2): It will be an interventional non-experimental study") or also calls the study or a part
of it interventional or experimental is right to be interventional; one whose text calls the study itself observational
is not. A title's "(FAR Phase 2)" or a phase appended after a dash ("... - Phase 2") in a record that gives N/A and
lists no drug is a project's stage, not a trial phase; "A Phase 2 Study of Drug X" with N/A stays a warning. A
narrative's sentence opening "Single cohort study: ..." or "One-arm, open-label study of ..." speaks of this study, as
"Single arm, open-label study of ..." does; "One randomized trial of drug X found ..." does not. Marked "new": judged
otherwise before.
"""
from __future__ import annotations

import pytest

from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from checks.title_phase import RULES as TITLE_RULES
from checks.title_phase import study_phase_findings
from checks.title_phase_interventions import lists_no_drug
from checks.title_phase_interventions import tested_without_phases as kinds_said
from tests.checks import harness
from tests.checks.harness import NOT_RANDOMIZED_RULE, OBSERVATIONAL_RULE, OPEN_LABEL_RULE, RANDOMIZED

CLEAN: dict = {}  # the clean study: interventional, randomized, parallel, double-masked
DOUBLE = {"masking": "DOUBLE", "subject_masked": True, "investigator_masked": True}
TWO_STAGES = ("The study will be conducted in two stages:\n\nStage (1): It will be a case control study that will "
              "include 44 patients diagnosed as having symptomatic lumbar disc prolapse and 44 age and sex matched "
              "healthy controls.\n\nStage (2): It will be an interventional non-experimental study that will include "
              "only the 44 patients who had symptomatic lumbar disc prolapse. Those patients will be subjected to "
              "transforaminal epidural steroid injection.")
# (rule, design, (field, text) or [(field, text), ...], fires)
DESIGN = [
    # One stage or part of the study observational, another interventional.
    (OBSERVATIONAL_RULE, CLEAN, ("detail", TWO_STAGES), False),  # new
    (OBSERVATIONAL_RULE, CLEAN, ("detail", "Stage (1): It will be a case control study of 44 patients and 44 healthy "
                                           "controls.\n\nStage (2): the 44 patients receive an epidural steroid "
                                           "injection."), False),  # new
    (OBSERVATIONAL_RULE, CLEAN, ("summary", "Part 1 will be a prospective observational study of untreated adults; in "
                                            "Part 2 patients receive baricitinib 4 mg."), False),  # new
    (OBSERVATIONAL_RULE, CLEAN, ("summary", "Stage 1 - this is a retrospective cohort study of 300 charts; stage 2 "
                                            "tests baricitinib."), False),  # new
    (OBSERVATIONAL_RULE, CLEAN, ("detail", "In the first stage, this is a cross-sectional study of 200 nurses. In the "
                                           "second stage nurses are trained."), False),  # new
    (OBSERVATIONAL_RULE, CLEAN, ("summary", "This is a prospective cohort study. The second part is an experimental "
                                            "phase in which participants receive baricitinib."), False),  # new
    (OBSERVATIONAL_RULE, CLEAN, ("summary", "This is a prospective cohort study of adults with pSS. Cohort B "
                                            "(interventional): adults with active disease receive baricitinib 4 mg."),
     False),  # new
    (OBSERVATIONAL_RULE, CLEAN, ("model_description", "Study type: Interventional. This is a prospective cohort study "
                                                      "with a treated and an untreated group."), False),  # new
    (OBSERVATIONAL_RULE, CLEAN, [("summary", "This prospective observational study follows adults with pSS."),
                                 ("detail", "It is a prospective, interventional, single-centre trial in which "
                                            "baricitinib is added for those with active disease.")], False),  # new
    (OBSERVATIONAL_RULE, CLEAN, ("summary", "Part 1 is an observational cohort; in Part 2 patients receive "
                                            "baricitinib."), False),
    (OBSERVATIONAL_RULE, CLEAN, ("detail", "Stage 1 (observational study): patients are followed for 3 months."),
     False),
    # The study itself called observational: still flagged.
    (OBSERVATIONAL_RULE, CLEAN, ("summary", "This prospective, observational study examines the response to routine "
                                            "therapy in adults with pSS."), True),
    (OBSERVATIONAL_RULE, CLEAN, ("detail", "This is a prospective, observational study. Participants in the "
                                           "experimental arm receive baricitinib."), True),
    (OBSERVATIONAL_RULE, CLEAN, ("detail", "This is not an interventional study. It is a prospective cohort study of "
                                           "adults with pSS."), True),
    (OBSERVATIONAL_RULE, CLEAN, ("summary", "This is an observational, non-interventional study; participants are not "
                                            "given baricitinib by the study."), True),
    (OBSERVATIONAL_RULE, CLEAN, ("summary", "Unlike an interventional trial, this observational study assigns no "
                                            "treatment."), True),
    (OBSERVATIONAL_RULE, CLEAN, ("summary", "This observational study follows adults who took part in an "
                                            "interventional trial of baricitinib."), True),
    (OBSERVATIONAL_RULE, CLEAN, ("detail", "Stage II-III colon cancer patients will join this prospective cohort "
                                           "study."), True),
    (OBSERVATIONAL_RULE, CLEAN, ("detail", "Stage 4 melanoma: this is a retrospective cohort study of 300 charts."),
     True),
    (OBSERVATIONAL_RULE, CLEAN, ("summary", "This is a retrospective cohort study. Experimental studies in mice "
                                            "showed that baricitinib protects the gland."), True),
    (OBSERVATIONAL_RULE, CLEAN, ("summary", "This is an observational study of the experimental study drug's "
                                            "routine use."), True),
    # A narrative's sentence opening with the design words of one arm, group or cohort: this study's.
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "One-arm, open-label study of baricitinib 4 mg in adults with pSS."),
     True),  # new
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "One group, open label, multicentre trial: all receive baricitinib."),
     True),  # new
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("summary", "Single cohort study: 30 adults with pSS receive baricitinib "
                                                  "4 mg."), True),  # new
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("detail", "Single-cohort, open-label study: all 30 participants get "
                                                 "baricitinib."), True),  # new
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "Single arm, open-label study of baricitinib in pSS."), True),
    # "One" opening a cited trial, another study, or trials in general: not this study.
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "One randomized, open-label trial of baricitinib found no benefit."),
     False),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "One open-label trial of baricitinib in pSS was published in 2019."),
     False),
    (OPEN_LABEL_RULE, DOUBLE, ("summary", "One-arm, open-label studies of baricitinib are few."), False),
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("summary", "Single cohort study: Smith et al. reported 30 patients on "
                                                  "baricitinib."), False),
    (NOT_RANDOMIZED_RULE, RANDOMIZED, ("summary", "Single cohort studies: what is known of baricitinib."), False),
]
CASES = harness.numbered_cases(DESIGN)
RULES = {OBSERVATIONAL_RULE, OPEN_LABEL_RULE, NOT_RANDOMIZED_RULE}


def _case_id(case: tuple) -> str:
    rule, design, texts, fires = case
    field, text = texts if isinstance(texts, tuple) else texts[-1]
    return harness.design_case_id((rule, design, field, text[:90], fires))


@pytest.fixture(scope="module")
def design_findings(tmp_path_factory) -> dict[str, list[tuple]]:
    return harness.design_rule_findings(tmp_path_factory.mktemp("stages"), CASES, RULES)


@pytest.mark.parametrize("nct_id", CASES, ids=[_case_id(c) for c in DESIGN])
def test_a_stage_or_the_study_called_observational(design_findings, nct_id):
    harness.design_case_found(design_findings, nct_id, CASES[nct_id])


FAR = ("Assessment of Fuel Utilization and Circadian Rhythms in Overweight, Older Adults Following Time Restricted "
       "Eating")
DIET = [("OTHER", "Time Restricted Eating Intervention")]
DRUG = [("DRUG", "Drug X")]
# (official title, brief title, the record's phase, interventions (type, name), the severity found or None)
TITLES = [
    # A project's stage after its name in a parenthesis, in a record that gives N/A and lists no drug.
    (FAR + " - Phase 2 (FAR Phase 2)", "The Fuel and Rhythm (FAR) Phase 2 Study", "NA", DIET, None),  # new
    ("Time Restricted Eating in Older Adults - Phase 2 (TREAT Phase 2)", "TRE in Older Adults", "NA", DIET,
     None),  # new
    ("Time Restricted Eating in Older Adults (TREAT Phase II)", "TRE in Older Adults", "NA",
     [("BEHAVIORAL", "TRE")], None),  # new: was info
    ("Walking After Stroke (WALK-ON Phase 2)", "WALK-ON Phase 2 Study", "NA",
     [("BEHAVIORAL", "Walking"), ("OTHER", "Usual care")], None),  # new
    # The short title alone, as a page shows it: the project's name in its own parenthesis before the stage.
    ("The Fuel and Rhythm (FAR) Phase 2 Study", "The Fuel and Rhythm (FAR) Phase 2 Study", "NA", DIET, None),  # new
    ("Walking After Stroke (WALK-ON) Phase II Trial", "Walking After Stroke", "NA", [("BEHAVIORAL", "Walking")],
     None),  # new
    # A phase alone after a dash at a title's end, in such a record: info.
    ("Fuel Utilization After Time Restricted Eating - Phase 2", "Fuel Utilization After TRE", "NA", DIET,
     "info"),  # new
    ("Fuel Utilization After Time Restricted Eating \u2013 Phase II.", "Fuel Utilization After TRE", "NA",
     DIET + [("DIAGNOSTIC_TEST", "Indirect calorimetry")], "info"),  # new
    # A phase alone heading a title before a colon or a dash, the words after it naming no study or trial: info.
    ("Phase 2: Using Biomarkers for Diagnosis and Long-Term Surveillance of Lung Cancer", "Using Biomarkers", "NA",
     [("DIAGNOSTIC_TEST", "Gene assay")], "info"),  # new
    ("Phase II - Peer Coaching Evaluation for Weight Loss in Primary Care", "Peer Coaching", "NA",
     [("OTHER", "Peer coaching")], "info"),  # new
    ("Phase 2: A Randomized Trial of Time Restricted Eating", "TRE", "NA", DIET, "warning"),
    ("Phase 2: Drug X Study in Asthma", "Drug X", "NA", DIET, "warning"),
    ("Phase 2: Biomarker-Guided Drug X Evaluation in Asthma", "Drug X", "NA", DRUG, "warning"),
    ("Using Biomarkers - Phase 2: Surveillance of Lung Cancer", "Using Biomarkers", "NA",
     [("DIAGNOSTIC_TEST", "Gene assay")], "warning"),
    ("Phase 2: Using Biomarkers for Surveillance of Lung Cancer", "Using Biomarkers", "PHASE3",
     [("DIAGNOSTIC_TEST", "Gene assay")], "warning"),
    # A drug listed, another phase given, or the phase not a stage's: still a warning.
    (FAR + " - Phase 2 (FAR Phase 2)", "The Fuel and Rhythm (FAR) Phase 2 Study", "NA", DRUG, "warning"),
    ("A Phase 2 Study of Drug X in Asthma (ASTRA Phase 2)", "Drug X in Asthma", "NA", DRUG, "warning"),
    ("A Phase 2 Study of Drug X in Asthma", "Drug X in Asthma", "NA", DRUG, "warning"),
    ("A Phase 2 Study of Drug X in Asthma", "Drug X in Asthma", "NA", [("OTHER", "Drug X")], "warning"),
    ("Drug X in Asthma - Phase 2", "Drug X in Asthma", "NA", DRUG, "warning"),
    ("Drug X in Asthma - Phase 2", "Drug X in Asthma", "NA", [("PROCEDURE", "HIPEC")], "warning"),
    ("Time Restricted Eating (FAR Phase 2)", "Time Restricted Eating", "PHASE3", DIET, "warning"),
    ("Time Restricted Eating (RCT Phase 2)", "Time Restricted Eating", "NA", DIET, "warning"),
    ("Time Restricted Eating (Far Phase 2)", "Time Restricted Eating", "NA", DIET, "warning"),
    ("The Fuel and Rhythm (FAR) Phase 2 Study", "The Fuel and Rhythm (FAR) Phase 2 Study", "NA", DRUG, "warning"),
    ("Eating in Older Adults (RCT) Phase 2", "Eating in Older Adults", "NA", DIET, "warning"),
    ("A Study of Drug X (DX-101) Phase 2", "Drug X", "NA", DRUG, "warning"),
    ("Fuel Utilization - A Phase 2 Randomized Trial of Time Restricted Eating", "Fuel Utilization", "NA", DIET,
     "warning"),
    ("Time Restricted Eating: A Phase 2 Randomized Controlled Trial", "TRE in Older Adults", "NA", DIET, "warning"),
    # A trial that tests no drug, as before: info, with the registry's reason.
    ("Radiotherapy in Glioma - Phase II", "Radiotherapy in Glioma", "NA", [("RADIATION", "Radiotherapy")], "info"),
]


@pytest.mark.parametrize("official, brief, phase, interventions, severity", TITLES,
                         ids=[f"{c[2]}:{c[0][-40:]}" for c in TITLES])
def test_a_projects_stage_against_a_trial_phase(official, brief, phase, interventions, severity):
    titles = [("studies.official_title", official), ("studies.brief_title", brief)]
    found = list(study_phase_findings("NCT0", titles, phase, kinds_said(interventions),
                                      not lists_no_drug(interventions)))
    assert [f.severity for f in found] == ([severity] if severity else []), [f.message for f in found]


def test_an_appended_stages_message_says_why_it_is_info():
    [found] = study_phase_findings("NCT0", [("studies.official_title", "Fuel Utilization After TRE - Phase 2")], "NA",
                                   None, drug_listed=False)
    assert found.message == ("The official title names this study's phase as 'Phase 2', while the record gives N/A (a "
                             "trial without phases); the title names it alone after a dash at its end, as a project's "
                             "stage is named, and the record lists no drug.")


def test_the_rule_reads_whether_an_na_record_lists_a_drug(tmp_path):
    def titled(interventions: list[tuple[str, str]]) -> dict:
        study = harness.clean_study()
        study["studies"][0].update(official_title=FAR + " - Phase 2 (FAR Phase 2)",
                                   brief_title="The Fuel and Rhythm (FAR) Phase 2 Study", phase="NA",
                                   study_type="INTERVENTIONAL")
        study["interventions"] = [{"intervention_type": kind, "name": name, "description": "As told"}
                                  for kind, name in interventions]
        return study
    studies = {"NCT00000001": titled(DIET), "NCT00000002": titled(DIET + DRUG), "NCT00000003": titled([])}
    con = harness.warehouse_with(tmp_path, studies)
    try:
        found = {f.nct_id: f.severity for f in findings_of(con, TITLE_RULES[0], set_scope(con, None, harness.AS_OF))}
    finally:
        con.close()
    assert found == {"NCT00000002": "warning", "NCT00000003": "warning"}


def test_a_heading_stages_message_says_why_it_is_info():
    [found] = study_phase_findings("NCT0", [("studies.official_title", "Phase 2: Biomarker Surveillance")], "NA",
                                   None, drug_listed=False)
    assert found.message == ("The official title names this study's phase as 'Phase 2', while the record gives N/A (a "
                             "trial without phases); the title names it alone at its start, before words that name "
                             "no study or trial, as a project's stage is named, and the record lists no drug.")
