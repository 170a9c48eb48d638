"""The study type read from the text, and healthy people admitted by the criteria, on these shapes of records.

An interventional record's text that names an observational study its people are put in ("Patients who do not consent
to randomization will be included in the observational registry study"), one that hosts the trial ("a randomized
trial within an observational cohort study"), a part of the study ("Stage 1 (observational study): ...") or that only
qualifies a visit, a method or data ("observational study visits", "observational research methods"); an observational
record's groups named for the placebo their people were given in another trial ("Former placebo recipients") beside
"This clinical trial". Inclusion criteria whose healthy people are patients: named so ("Healthy adult patients
undergoing third molar extraction"), about to be treated ("candidates for elective knee arthroplasty", "awaiting
elective surgery"), with a condition after their ages ("aged 2-5 years undergoing dental treatment"), or said only to
be healthy beside a criterion that requires a condition ("Diagnosis of moderate plaque psoriasis"); and the form's
answer "Healthy Volunteers: No" copied into the criteria. Around them, texts as records word them that the rules
already judged right.

The design cases are studies of one warehouse, built once for the module; the criteria are read phrase by phrase.
"""
from __future__ import annotations

import pytest

from checks.criteria_sex import study_healthy_findings
from tests.checks import harness
from tests.checks.cases_criteria_sex import XML, listed
from tests.checks.harness import OBSERVATIONAL_DESIGN, OBSERVATIONAL_RULE, TRIAL_RULE

INTERVENTIONAL = {}

# (rule, design, (field, text), group titles or None): an interventional record whose text names another
# observational study or a part of the study, and an observational one whose groups are named for a parent trial's
# placebo; each flagged before, and must not be.
WRONGLY_FLAGGED = [
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "Eligible patients who do not consent to randomization will be "
                                                     "included in the observational registry study."), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "Ineligible patients will be registered in the observational "
                                                     "registry study."), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "This is a randomized trial within an observational cohort "
                                                     "study."), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "This trial is conducted within an observational cohort study "
                                                     "(TwiCs design)."), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "This study uses the cohort multiple randomized controlled trial "
                                                     "design within an observational cohort study."), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "This trial uses the infrastructure of an observational cohort "
                                                     "study."), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "Stage 1 (observational study): patients are followed for 3 "
                                                     "months. Stage 2: patients are randomized."), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("official_title", "Part 1 Observational Study and Part 2 Randomized Trial of "
                                                            "Drug X"), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "The second part of the study will be an observational study of "
                                                    "12 months."), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "Participants will attend observational study visits every 3 "
                                                    "months after the treatment period."), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "Intervention fidelity will be assessed using observational "
                                                    "research methods."), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "The observational study data will be compared with trial data."),
     None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "Patients will then be followed in the observational study "
                                                    "follow-up."), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "Historical controls will be taken from an observational study "
                                                    "of untreated patients."), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "Outcomes will be compared with an external observational cohort "
                                                    "study."), None),
    (TRIAL_RULE, OBSERVATIONAL_DESIGN, ("summary", "This clinical trial evaluates the long-term safety of vaccine X."),
     ["Former placebo recipients", "Former vaccine recipients"]),
    (TRIAL_RULE, OBSERVATIONAL_DESIGN, ("summary", "This clinical trial evaluates the long-term safety of vaccine X."),
     ["Placebo in parent study", "Vaccine X in parent study"]),
    (TRIAL_RULE, OBSERVATIONAL_DESIGN, ("summary", "This clinical trial evaluates the long-term safety of vaccine X."),
     ["Previously received placebo", "Previously received vaccine X"]),
    (TRIAL_RULE, OBSERVATIONAL_DESIGN, ("summary", "This clinical trial follows the participants' placebo response."),
     ["Placebo responders", "Placebo non-responders"]),
]
# (rule, design, (field, text), group titles or None): texts that call the study itself observational, or a
# clinical trial beside a group given placebo now, and other shapes the rules must keep flagging.
STILL_FLAGGED = [
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "Patients included in this observational study will be followed "
                                                     "for one year."), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "This study is an observational cohort study within the national "
                                                     "registry."), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "This Part 2 observational study follows patients from Part 1."),
     None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "This is a Phase 4, observational study."), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("official_title", "Phase II: Observational Study of Drug X in Patients With "
                                                            "Y"), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "Although this is a non-interventional study, participants will "
                                                     "receive a vaccine booster."), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "This study is a single-arm, observational study in which all "
                                                     "patients receive drug X as per protocol."), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "Charts will be randomly selected for the audit. This is an "
                                                    "observational study."), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "Participants will be enrolled in this non-interventional study "
                                                     "at 10 sites."), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "Data from this observational study will inform clinical "
                                                    "practice."), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "This observational study period lasts 12 months; patients "
                                                    "receive drug X as prescribed."), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "This study will be conducted as an observational study in "
                                                    "routine care; patients receive drug X as prescribed."), None),
    (TRIAL_RULE, OBSERVATIONAL_DESIGN, ("summary", "This clinical trial evaluates the long-term safety of vaccine X."),
     ["Placebo", "Vaccine X"]),
    (TRIAL_RULE, OBSERVATIONAL_DESIGN, ("summary", "This clinical trial evaluates sham feeding after surgery."),
     ["Sham feeding", "Usual care"]),
    (TRIAL_RULE, OBSERVATIONAL_DESIGN, ("summary", "This is a pragmatic randomised controlled trial."), None),
]
# Texts the rules judged right before, kept quiet: another observational study or part the text already set apart,
# a trial the observational study follows up.
STILL_QUIET = [
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "Participants completing the trial will be invited into a 5-year "
                                                    "non-interventional follow-up."), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("summary", "This is an expanded access program; it is not an observational "
                                                     "study."), None),
    (OBSERVATIONAL_RULE, INTERVENTIONAL, ("detail", "The observation period is 12 months after the last dose."), None),
    (TRIAL_RULE, OBSERVATIONAL_DESIGN, ("summary", "This case-control study is nested within a randomised controlled "
                                                   "trial."), None),
    (TRIAL_RULE, OBSERVATIONAL_DESIGN, ("summary", "A randomized trial would be unethical, so this prospective cohort "
                                                   "study compares patients choosing surgery."), None),
]
CASES = harness.numbered_cases([case + (False,) for case in WRONGLY_FLAGGED]
                               + [case + (True,) for case in STILL_FLAGGED]
                               + [case + (False,) for case in STILL_QUIET])


def _study(case: tuple) -> dict:
    """The study of a case: its text in place, and its groups titled as the case says (given nothing)."""
    _, design, text, groups, _ = case
    study = harness.design_text_study(design, [text])
    if groups is not None:
        study["design_groups"] = [{"group_type": None, "title": title, "description": title} for title in groups]
    return study


@pytest.fixture(scope="module")
def flagged(tmp_path_factory) -> dict[str, set[str]]:
    """The studies each rule flags, all cases in one warehouse."""
    return harness.flagged_design_cases(tmp_path_factory.mktemp("design_criteria"), CASES, _study)


@pytest.mark.parametrize("nct_id", list(CASES), ids=[f"{c[0].split('.')[1]}:{'fires' if c[4] else 'quiet'}:{c[2][1]}"
                                                      f"{':' + c[3][0] if c[3] else ''}" for c in CASES.values()])
def test_study_type_read_from_the_text(flagged, nct_id):
    rule, _, text, groups, fires = CASES[nct_id]
    assert (nct_id in flagged[rule]) is fires, (text, groups)


# Inclusion criteria items (or whole criteria texts) whose healthy people are patients, or that copy the form's
# answer: flagged before with Healthy Volunteers 'No', and must not be.
HEALTHY_WRONGLY_FLAGGED = [
    listed("Healthy subjects who are candidates for elective knee arthroplasty"),
    listed("Healthy individuals who are candidates for dental implants"),
    listed("Healthy subjects who are eligible for bariatric surgery"),
    listed("Healthy subjects awaiting elective surgery"),
    listed("Healthy adults referred for colonoscopy"),
    listed("Healthy adult patients undergoing third molar extraction"),
    listed("Healthy adult patients aged 18-65, ASA I-II, scheduled for laparoscopic cholecystectomy"),
    listed("Healthy children aged 2-5 years undergoing dental treatment under general anaesthesia"),
    listed("Healthy women aged 18-45 years who are scheduled for IVF"),
    listed("Healthy subjects aged 18-45 years diagnosed with mild COVID-19"),
    listed("Healthy men and women aged 18-60 years who are seropositive for HSV-2", layout=XML),
    listed("Healthy Volunteers: No", "Patients with persistent asthma"),
    listed("Accepts Healthy Volunteers: No"),
    listed("Moderate to severe acne vulgaris", "Generally healthy as determined by medical history and physical "
                                               "examination"),
    listed("Diagnosis of moderate plaque psoriasis", "Healthy, as determined by medical history"),
    listed("Patients with chronic migraine", "Healthy, as judged by the investigator"),
    listed("Histologically confirmed adenocarcinoma of the prostate", "Healthy as determined by physical examination",
           layout=XML),
    listed("Mild-to-moderate hypertension", "Healthy, as determined by medical history"),
    listed("Subjects with a diagnosis of COPD", "Healthy according to the investigator"),
]
# Healthy people admitted with Healthy Volunteers 'No', which must keep firing: healthy controls beside patients,
# vaccine trials' healthy people, a list that says only "Healthy" with no condition required.
HEALTHY_STILL_FLAGGED = [
    listed("Healthy adults, 18-45 years of age, scheduled to receive the influenza vaccine"),
    listed("Healthy adults aged 18-49 attending the clinic as patients"),
    listed("Healthy volunteers or patients with mild COPD"),
    listed("Healthy adults (for the control group) and patients with psoriasis"),
    listed("Patients with mild Alzheimer's disease", "Healthy elderly controls"),
    listed("Healthy, as determined by medical history", "Body mass index 18 to 30 kg/m2"),
    listed("Subjects with a body mass index of 18 to 30 kg/m2", "Healthy as determined by medical history"),
    listed("Diagnosed as healthy at the screening visit", "Healthy, as determined by medical history"),
    listed("Moderate physical activity at least twice a week", "Healthy, as determined by medical history"),
    listed("Apparently healthy adults aged 20-40"),
    listed("Healthy adults who are HIV-negative"),
    listed("Healthy volunteers (Part A only)", "Patients with CKD stage 3 (Part B)"),
    listed("Healthy volunteers aged 18 to 55 years, inclusive, with a BMI of 18-30 kg/m2", layout=XML),
]
# Healthy of a state, a weight or a pregnancy, or healthy people with the condition, quiet before and after.
HEALTHY_STILL_QUIET = [
    listed("Healthy weight (BMI 18.5-24.9)", "Women with polycystic ovary syndrome"),
    listed("Healthy singleton pregnancy"),
    listed("Otherwise healthy adults with mild asthma"),
    listed("Healthy, apart from mild hypertension"),
    listed("Patients with AML scheduled for transplant from a healthy sibling donor"),
    "Inclusion Criteria:\n\n* Patients with type 2 diabetes aged 18-75\n\nExclusion Criteria:\n\n* Healthy volunteers",
]


# Healthy controls' label on a line of its own right below the patients' last criterion, in a list without blank lines
# (the criterion runs on into it): missed before, flagged now.
HEALTHY_LABEL_BELOW_A_CRITERION = [
    "Inclusion Criteria:\nPatients:\n- Diagnosis of Parkinson's disease\nHealthy controls:\n- Age 50-80\n"
    "Exclusion Criteria:\n- Dementia",
    "Inclusion Criteria:\nPatients with COPD:\n1. FEV1 < 80% predicted\nHealthy volunteers:\n1. Age 40-75\n"
    "Exclusion Criteria:\n1. Pregnancy",
]
# A line that only continues a criterion, or a form's answer on its own line, names no group.
HEALTHY_LINE_NO_LABEL = [
    "Inclusion Criteria:\n- Diagnosis of Parkinson's disease, confirmed by a neurologist\nhealthy as otherwise "
    "determined:\n- Age 50-80\nExclusion Criteria:\n- Dementia",
    "Inclusion Criteria:\n- Diagnosis of asthma\nHealthy volunteers: No\nExclusion Criteria:\n- Smoking",
]


def _fires(criteria: str) -> bool:
    return bool(list(study_healthy_findings("NCT0", criteria, False)))


@pytest.mark.parametrize("criteria", HEALTHY_WRONGLY_FLAGGED + HEALTHY_STILL_QUIET + HEALTHY_LINE_NO_LABEL,
                         ids=[c[22:100] for c in HEALTHY_WRONGLY_FLAGGED + HEALTHY_STILL_QUIET + HEALTHY_LINE_NO_LABEL])
def test_healthy_people_who_are_patients_stay_quiet(criteria):
    assert not _fires(criteria), criteria


@pytest.mark.parametrize("criteria", HEALTHY_STILL_FLAGGED + HEALTHY_LABEL_BELOW_A_CRITERION,
                         ids=[c[22:100] for c in HEALTHY_STILL_FLAGGED + HEALTHY_LABEL_BELOW_A_CRITERION])
def test_healthy_people_admitted_still_fire(criteria):
    assert _fires(criteria), criteria


def test_healthy_people_admitted_stay_quiet_when_the_record_accepts_them():
    assert not [c for c in HEALTHY_STILL_FLAGGED + HEALTHY_LABEL_BELOW_A_CRITERION
                if list(study_healthy_findings("NCT0", c, True))]
