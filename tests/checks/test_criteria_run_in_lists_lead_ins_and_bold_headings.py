"""Criteria texts in the shapes ClinicalTrials.gov records and pages give them: lists run in on one line, lead-ins that
name criteria by their numbers, a list ending before another group's list starts at 1, bold and Roman-numeral
headings, labels that name a sex or an age group, and lists for several cohorts, parts, ages and sexes.

A run-in list ("1. Age 18 or over 2. ECOG 0-1 4. Adequate organ function"), on a heading's line too, loses criterion
3, but a number inside a criterion ("grade 2. Prior therapy", "7. 5 mg/kg", "version 5. 0") is no list number, and a
heading's line that runs items in is read as their list ("Exclusion Criteria: 1. Pregnancy 2. HIV" then "3. HBV"). A
lead-in that names criteria without listing them ("Patients must meet criteria 1 to 3 of Part A and:") accounts for
the numbers it names. Nearby texts keep their verdicts.
"""
from __future__ import annotations

import pytest

from checks import contradictions_criteria
from checks.criteria_gaps import numbering_gaps
from checks.criteria_items import MIN_ITEM_WORDS
from checks.criteria_repeat_screen import may_repeat
from checks.criteria_repeats import repeated_items
from checks.criteria_text import Reading
from checks.study_text import StudyText

CONTRA = "Agree to use a highly effective method of contraception during the study and for 90 days after the last dose"
CONSENT = "Signed informed consent obtained before any study procedure"


def _gaps(text: str) -> list[tuple[str, int, int]]:
    return [(gap.section, gap.expected, gap.found) for gap in numbering_gaps(text)]


# (name, criteria text, gaps): a list run in on one line, as a page or an old record writes it, that skips a number.
RUN_IN_FIRES = {
    "a skip confirmed by the next number": (
        "Inclusion Criteria: 1. Age 18 or over 2. ECOG 0-1 4. Adequate organ function 5. Signed informed consent",
        [("inclusion", 3, 4)]),
    "a skip at the end of the text": ("1. Age 18 or over 2. ECOG 0-1 4. Adequate organ function", [("criteria", 3, 4)]),
    "a skip at the end of a section": ("Inclusion Criteria:\n1. Age ≥ 18 2. ECOG 0-1 4. Consent\n"
                                       "Exclusion Criteria:\n1. Pregnancy", [("inclusion", 3, 4)]),
    "two numbers skipped": ("1. Age ≥ 18 years 2. ECOG 0-1 5. Adequate bone marrow function 6. Signed consent",
                            [("criteria", 3, 5)]),
    "after a unit with its point": ("Patients must have: 1. HIV infection. 2. CD4 count >= 200 cells/mm3. "
                                    "4. Signed informed consent. 5. Age 13 or over.", [("criteria", 3, 4)]),
    "after months": ("1. Diagnosis of type 2 diabetes for at least 1 year 2. On metformin 1500 mg daily for 3 months "
                     "4. HbA1c 7-10%", [("criteria", 3, 4)]),
    "numbers in brackets": ("(1) Age 20 to 80 years (2) Diagnosis of knee OA (4) Kellgren-Lawrence grade 2-3 "
                            "(5) Consent", [("criteria", 3, 4)]),
    "semicolons between": ("Inclusion: 1) Age 20 to 80 years; 2) Diagnosis of knee OA; 4) Consent; 5) Able to walk",
                           [("criteria", 3, 4)]),
    "a nested run-in list": ("Inclusion Criteria:\n1. Age ≥ 18 years\n2. Adequate labs: 1) ANC ≥ 1500 "
                             "2) Platelets ≥ 100000 4) Bilirubin ≤ 1.5 ULN\n3. Consent", [("inclusion", 3, 4)]),
    "under a heading on its line": ("Inclusion Criteria: 1. Age 18 or over 2. ECOG 0-1 4. Adequate organ function",
                                    [("inclusion", 3, 4)]),
    "an exclusion heading's line": ("Inclusion Criteria: 1. Adults aged 18-65 years 2. Healthy 3. BMI 18-30\n"
                                    "Exclusion Criteria: 1. Pregnancy 2. Smoking 4. Drug abuse 5. Alcohol abuse",
                                    [("exclusion", 3, 4)]),
    "a heading's line above lines": ("Exclusion Criteria: 1. Pregnancy 2. HIV 4. Smoking\n5. HBV\n6. HCV",
                                     [("exclusion", 3, 4)]),
    "a heading's line without a space": ("Exclusion Criteria:1. Pregnancy 2. HIV 4. Smoking\n5. HBV",
                                         [("exclusion", 3, 4)]),
    "a run-in line above lines": ("Inclusion Criteria:\n1. Age ≥ 18 2. Consent 4. ECOG 0-1\n5. Labs\n"
                                  "6. Measurable disease", [("inclusion", 3, 4)]),
}
# (name, criteria text): a number inside a criterion of a run-in list, or a list that skips nothing.
RUN_IN_QUIET = {
    "no number skipped": "1. Age 18 or over 2. ECOG 0-1 3. Measurable disease 4. Adequate organ function",
    "a grade before the next criterion": "Exclusion Criteria: 1. Pregnancy or breast feeding 2. Peripheral neuropathy "
    "of grade 2. Prior therapy with taxanes is allowed 3. HIV infection",
    "a grade ending the text": "Exclusion Criteria: 1. Pregnancy or breast feeding 2. Prior toxicity of grade 4. "
    "Known HIV infection",
    "a decimal split by a space": "Inclusion Criteria: 1. Age 18 or over 2. Body weight above 40 kg 3. Tolerated a "
    "dose of 7. 5 mg/kg 4. ECOG 0-1",
    "a version split by a space": "Exclusion Criteria: 1. Pregnancy 2. Adverse events graded by CTCAE version 5. 0 "
    "above grade 1 3. HIV",
    "a version before a capital": "Exclusion Criteria: 1. Pregnancy 2. Neuropathy ≥ grade 2 per CTCAE v 5. Active "
    "hepatitis B",
    "a stage": "1. Histologically confirmed NSCLC 2. Stage 4. Prior EGFR TKI allowed 3. ECOG 0-2",
    "a class": "1. Age over 18 years 2. Heart failure of NYHA class 3. Hospitalized within 30 days",
    "a choice of values": "1. Age over 18 years 2. ECOG performance status 0, 1 or 4. Life expectancy",
    "a Gleason score": "1. Age ≥ 18 years 2. Prostate cancer with Gleason 8. PSA below 20 ng/mL",
    "a scale's name": "1. Parkinson's disease 2. Hoehn and Yahr 4. Levodopa responsive",
    "a scale's value the list goes on after": "1. Acute ischemic stroke 2. Pre-stroke modified Rankin Scale 4. "
    "Bedridden patients are excluded 3. Onset within 6 hours",
    "a quantity the list goes on after": "1. Age ≥ 18 years 2. Prior surgery more than 6. Months since 3. ECOG 0-1",
    "a score far above the list": "Inclusion Criteria: 1. Age ≥ 18 2. MMSE score 24. Diagnosis of AD 3. Consent",
    "a decimal after a sign": "1. Adults 2. Hemoglobin ≥ 9. 0 g/dL 3. Platelets ≥ 100 x 10^9/L",
    "a lower-case word after": "1. Adults 2. Weight over 40 kg 4. years of treatment 5. Other",
    "a year": "1. Adults 2. Diagnosis within the past year 4. Prior surgery allowed",
    "a table": "1. Adults 2. Lab values as in Table 4. Prior surgery allowed",
    "points and brackets mixed": "1. Age 20 to 80 years 2. Diagnosis of knee OA 4) Kellgren-Lawrence grade 2-3",
    "the skipped number written another way": "1. Pregnancy. 2. Breastfeeding. 3. Brain metastases. 4. Hepatitis B. "
    "5. Active hepatitis C infection. 6. Active HIV infection. 7 .Previous interstitial lung disease. 8\\. Previous "
    "allogeneic bone marrow transplant. 9. Hypersensitivity",
    "a Tanner stage": "Inclusion Criteria: 1. Age 6 to 17 years 2. Weight ≥ 20 kg 3. Tanner stage 2. Consent by "
    "parents 4. Assent",
    "no skip under a heading on its line": "Inclusion Criteria: 1. Age 18 or over 2. ECOG 0-1 3. Adequate organ "
    "function",
    "a grade under a heading on its line": "Exclusion Criteria: 1. Neuropathy grade 2. Prior taxane 3. HIV",
    "a heading's line run in above lines": "Exclusion Criteria: 1. Pregnancy 2. HIV infection\n3. HBV\n4. HCV",
    "a heading's line without a space, above lines": "Exclusion Criteria:1. Pregnancy 2. HIV\n3. HBV\n4. HCV",
    "a heading's line numbered on": "Inclusion Criteria:\n" + "\n".join(f"{i}. Requirement {i}" for i in range(1, 13))
    + "\nExclusion Criteria: 13. Pregnancy 14. HIV\n15. HBV\n16. HCV",
    "an ACTG page": "Inclusion Criteria: Patients must have: 1. HIV infection. 2. CD4 count >= 200 cells/mm3. "
    "3. Life expectancy of at least 6 months. 4. Signed consent.",
}


@pytest.mark.parametrize(("text", "gaps"), RUN_IN_FIRES.values(), ids=RUN_IN_FIRES.keys())
def test_a_run_in_list_that_skips_a_number_loses_a_criterion(text, gaps):
    assert _gaps(text) == gaps


@pytest.mark.parametrize("text", RUN_IN_QUIET.values(), ids=RUN_IN_QUIET.keys())
def test_a_number_inside_a_run_in_criterion_is_no_list_number(text):
    assert _gaps(text) == []


# (name, criteria text): a lead-in names the criteria the list does not write out.
LEAD_IN_QUIET = {
    "criteria 1 to 3 of Part A": "Part A Inclusion Criteria:\n1. Age ≥ 18\n2. Consent\n3. ECOG 0-1\n4. NSCLC\n\n"
    "Part B Inclusion Criteria:\nPatients must meet criteria 1 to 3 of Part A and:\n4. Histologic SCLC\n"
    "5. Prior platinum",
    "criteria 1 to 3 and": "Inclusion Criteria:\nPatients must meet criteria 1 to 3 and:\n4. Histologic NSCLC\n"
    "5. Signed consent",
    "1 through 5 apply, plus": "Inclusion Criteria (Part 2):\nInclusion criteria 1 through 5 from Part 1 apply, "
    "plus:\n6. Histologic SCLC\n7. Prior platinum",
    "in addition to #1-5": "Inclusion Criteria (Part 2):\nIn addition to criteria #1-5 above:\n6. Histologic SCLC\n"
    "7. Prior platinum",
    "a heading naming the numbers": "Exclusion Criteria:\nExclusion criteria 1-6 of the main study apply, and:\n"
    "7. Prior lobectomy\n8. Oxygen therapy",
    "see the protocol": "Exclusion Criteria:\nSee criteria 1-3 in the protocol\n4. Prior lobectomy\n"
    "5. Oxygen therapy",
    "the main study's in brackets": "Inclusion Criteria (Extension):\nAll inclusion criteria of the main study (1-12) "
    "apply, and in addition:\n13. Completed the 52-week treatment period\n14. Consent to the extension",
    "#1-#3 of the parent study": "Inclusion Criteria:\nMeets inclusion criteria #1-#3 from the parent study\n"
    "4. Completed the parent study\n5. Consent",
    "under a cohort's label": "Inclusion Criteria:\nCohort B:\nIn addition to inclusion criteria 1 to 5 listed for "
    "Cohort A, patients in Cohort B must have:\n6. Prior anti-PD-1 therapy\n7. Measurable disease",
    "items": "Inclusion Criteria:\nItems 1-3 of Part 1 apply, and:\n4. Prior anti-PD-1 therapy\n5. Measurable disease",
}
# (name, criteria text, gaps): a lead-in that names numbers, and a list that still loses a criterion.
LEAD_IN_FIRES = {
    "the named numbers are listed": ("Inclusion Criteria:\nAll of the following criteria (1-10) must be met:\n1. Age\n"
                                     "2. Consent\n4. ECOG\n5. NSCLC", [("inclusion", 3, 4)]),
    "all criteria 1-3, listed": ("Inclusion Criteria:\nAll criteria 1-3 must be met:\n1. Age\n2. Consent\n4. ECOG\n"
                                 "5. NSCLC", [("inclusion", 3, 4)]),
    "a skip after the named ones": ("Inclusion Criteria:\nPatients must meet criteria 1 to 3 and:\n"
                                    "4. Histologic NSCLC\n6. Signed consent\n7. More", [("inclusion", 5, 6)]),
    "no lead-in": ("Inclusion Criteria:\n4. Histologic NSCLC\n5. Signed consent\n6. ECOG", [("inclusion", 1, 4)]),
    "named numbers short of the list": ("Inclusion Criteria:\nMeet criteria 1-2 of Part 1, plus:\n4. Prior anti-PD-1 "
                                        "therapy\n5. Measurable disease", [("inclusion", 1, 4)]),
}


@pytest.mark.parametrize("text", LEAD_IN_QUIET.values(), ids=LEAD_IN_QUIET.keys())
def test_a_lead_in_accounts_for_the_criteria_it_names(text):
    assert _gaps(text) == []


@pytest.mark.parametrize(("text", "gaps"), LEAD_IN_FIRES.values(), ids=LEAD_IN_FIRES.keys())
def test_a_list_beside_a_lead_in_still_loses_a_criterion(text, gaps):
    assert _gaps(text) == gaps


# (name, criteria text, gaps): a list that skips a number before another group's list starts at 1.
RESTART_FIRES = {
    "before the next cohort": ("Inclusion Criteria:\nCohort A:\n1. Age ≥ 18\n2. Consent\n4. ECOG\nCohort B:\n"
                               "1. Age ≥ 18\n2. Consent", [("inclusion", 3, 4)]),
    "two skipped before the next part": ("Inclusion Criteria:\nPart A:\n1. Age ≥ 18\n2. Consent\n5. ECOG 0-1\nPart B:\n"
                                         "1. Age ≥ 18\n2. Consent", [("inclusion", 3, 5)]),
    "under a bold heading": ("**Inclusion Criteria:**\n\n1. Age ≥ 18 years\n2. Consent\n4. ECOG\n\n"
                             "**Exclusion Criteria:**\n\n1. Pregnancy", [("inclusion", 3, 4)]),
    "an exclusion list after a bold heading": ("**Inclusion Criteria:**\n\n1. Age 18\n2. Consent\n3. ECOG\n\n"
                                               "**Exclusion Criteria:**\n\n2. HIV\n3. HBV", [("exclusion", 1, 2)]),
    "under Roman-numeral headings": ("Ⅰ. Inclusion criteria\n1. Age 18-75 years\n2. Ischemic stroke\n4. NIHSS 4-25\n"
                                     "Ⅱ. Exclusion criteria\n1. Hemorrhage\n2. Pregnancy", [("inclusion", 3, 4)]),
}
# (name, criteria text): a list before another group's list that loses nothing, or a number that is no criterion's.
RESTART_QUIET = {
    "each cohort from 1": "Inclusion Criteria:\nCohort A:\n1. Age ≥ 18 years\n2. Relapsed multiple myeloma\n3. ECOG "
    "0-1\nCohort B:\n1. Age ≥ 18 years\n2. Newly diagnosed multiple myeloma\n3. ECOG 0-1",
    "an age wrapped before a part": "Exclusion Criteria:\n1. Pregnant women\n2. Women aged between 18 and\n65.\n"
    "Part B:\n1. Pregnancy",
    "a far number before a part": "Inclusion Criteria:\nPart A:\n1. Age ≥ 18\n2. Consent\n9. ECOG 0-1\nPart B:\n"
    "1. Age ≥ 18\n2. Consent",
    "each part's exclusions from 1": "Exclusion Criteria:\nPart A\n1. Pregnancy\n2. HIV\nPart B\n1. Pregnancy\n"
    "2. HIV\n3. Prior KRAS inhibitor",
    "a stage numbered on": "Inclusion Criteria:\nStage 1:\n1. Age 18-55\n2. BMI 18-30\nStage 2:\n3. Patients with "
    "COPD\n4. FEV1 30-80%",
}


@pytest.mark.parametrize(("text", "gaps"), RESTART_FIRES.values(), ids=RESTART_FIRES.keys())
def test_a_list_that_skips_before_a_restart_loses_a_criterion(text, gaps):
    assert _gaps(text) == gaps


@pytest.mark.parametrize("text", RESTART_QUIET.values(), ids=RESTART_QUIET.keys())
def test_lists_before_a_restart_that_lose_nothing_stay_quiet(text):
    assert _gaps(text) == []


@pytest.mark.parametrize(("heading", "name"), [
    ("**Inclusion Criteria:**", "inclusion"), ("**Exclusion Criteria**:", "exclusion"),
    ("* __Exclusion Criteria__", "exclusion"), ("Ⅱ. Exclusion criteria", "exclusion"),
    ("**Key Inclusion Criteria:**", "inclusion")])
def test_bold_and_roman_numeral_headings_head_their_lists(heading, name):
    assert [s.name for s in Reading(f"{heading}\n1. Pregnancy\n2. HIV").sections] == [name]


def test_a_bold_criterion_naming_the_criteria_is_no_heading():
    assert [s.name for s in Reading("**Meets all inclusion criteria**\n1. Pregnancy").sections] == ["criteria"]


# (name, criteria text): the same criterion for two sexes, ages or groups named by a label line without a colon.
LABEL_QUIET = {
    "male and female participants": f"Inclusion Criteria:\n\n* Age 18 to 65 years\n* Male participants\n* {CONTRA}\n"
    f"* Female participants\n* {CONTRA}",
    "adults and children": f"Inclusion Criteria:\n\n* Adults (Cohort 1)\n* {CONSENT}\n* Children (Cohort 2)\n"
    f"* {CONSENT}",
    "women of childbearing potential and men": f"Inclusion Criteria:\n\n* Age 18 to 65 years\n"
    f"* Women of childbearing potential\n* {CONTRA}\n* Men\n* {CONTRA}",
    "adolescents and adults": f"Inclusion Criteria:\n- Adolescent participants\n- {CONSENT}\n- Adult participants\n"
    f"- {CONSENT}",
}
# (name, criteria text): the same criterion twice in one list, with labels elsewhere or none.
LABEL_FIRES = {
    "contraception twice, no label": f"Inclusion Criteria:\n1. Age 18 to 65 years\n2. {CONTRA}\n3. Signed consent\n"
    f"4. {CONTRA}",
    "twice under one label": f"Inclusion Criteria:\n\n* Male participants\n* {CONTRA}\n* Age 18 to 65 years\n"
    f"* {CONTRA}\n* Female participants\n* Negative pregnancy test at screening",
    "an age twice": "Inclusion Criteria:\n\n* Aged ≥ 28 days to < 18 years at the time of consent\n* Weight ≥ 3 kg\n"
    "* Aged ≥ 28 days to < 18 years at the time of consent",
    "a criterion naming women, twice": f"Inclusion Criteria:\n\n* Women of childbearing potential must use "
    f"contraception during the study\n* {CONSENT}\n* Women of childbearing potential must use contraception during "
    "the study",
}


@pytest.mark.parametrize("text", LABEL_QUIET.values(), ids=LABEL_QUIET.keys())
def test_the_same_criterion_under_a_sex_or_an_age_groups_label_stays_quiet(text):
    assert repeated_items(text) == []


@pytest.mark.parametrize("text", LABEL_FIRES.values(), ids=LABEL_FIRES.keys())
def test_a_criterion_stated_twice_for_one_group_fires(text):
    assert len(repeated_items(text)) == 1


LEGACY = ("\n        Inclusion Criteria:\n\n          1. Male or female patients aged 18 years or older with "
          "histologically confirmed\n             adenocarcinoma of the pancreas\n\n          2. ECOG performance "
          "status of 0 to 1 and a life expectancy of at least 3\n             months\n\n          3. Adequate organ "
          "function\n\n        Exclusion Criteria:\n\n          1. Prior chemotherapy for metastatic disease\n\n"
          "          2. Pregnancy\n")
ACROSS = "Inclusion Criteria:\n" + "\n".join(f"{i}. Inclusion requirement number {i} is met" for i in range(1, 13))
# (name, criteria text, gaps, repeats): the shapes of real records, each with its verdict.
SHAPES = {
    "parts under bold labels, each from 1": (
        "Inclusion Criteria:\n\n**Part 1 (dose escalation)**\n\n1. Adults with advanced solid tumors who have "
        "progressed on standard therapy\n2. ECOG performance status of 0 or 1 at screening\n\n"
        "**Part 2 (expansion)**\n\n1. Adults with advanced solid tumors who have progressed on standard therapy\n"
        "2. ECOG performance status of 0 or 1 at screening\n3. Measurable disease per RECIST 1.1", [], 0),
    "a repeat within one cohort": (
        "Inclusion Criteria:\nCohort A:\n1. Signed written informed consent before any study procedure\n2. ECOG "
        "performance status 0 or 1\n3. Signed written informed consent before any study procedure\nCohort B:\n"
        "1. Age ≥ 18", [], 1),
    "a lettered sub-list": ("Inclusion Criteria:\n1. Age ≥ 18\n2. Adequate organ function, defined as:\n"
                            "   a. ANC ≥ 1.5 x 10^9/L\n   b. Platelets ≥ 100 x 10^9/L\n   c. Hemoglobin ≥ 9 g/dL\n"
                            "3. Signed consent\n4. ECOG 0-1", [], 0),
    "a Roman sub-list": ("Inclusion Criteria:\n1. Age ≥ 18\n2. One of the following:\n   i. prior anti-PD-1 therapy\n"
                         "   ii. prior platinum therapy\n   iii. refusal of chemotherapy\n3. Signed consent", [], 0),
    "the same sub-item under two parents": (
        "Exclusion Criteria:\n1. Any of the following within 6 months before enrollment:\n   - myocardial infarction "
        "or unstable angina pectoris\n2. Any of the following within 12 months before enrollment:\n   - myocardial "
        "infarction or unstable angina pectoris\n3. Pregnancy", [], 0),
    "a numbered sub-list": ("Inclusion Criteria:\n1. Adequate labs:\n   1) ANC ≥ 1500/mm3\n   2) Platelets ≥ "
                            "100,000/mm3\n   3) Creatinine ≤ 1.5 x ULN\n2. ECOG 0-1\n3. Consent", [], 0),
    "decimal sub-numbers": ("Inclusion Criteria:\n1. Age ≥ 18\n2. Adequate labs:\n2.1 ANC ≥ 1500\n"
                            "2.2 Platelets ≥ 100000\n3. Consent", [], 0),
    "one numbering, 1-12 then 13-25": (
        ACROSS + "\n\nExclusion Criteria:\n" + "\n".join(f"{i}. Exclusion condition number {i} present"
                                                         for i in range(13, 26)), [], 0),
    "one numbering, 13 missing": (
        ACROSS + "\n\nExclusion Criteria:\n" + "\n".join(f"{i}. Exclusion condition number {i} present"
                                                         for i in range(14, 26)), [("exclusion", 13, 14)], 0),
    "one numbering around a sub-list": ("Inclusion Criteria:\n1. Age ≥ 18\n2. One of:\n   1) NSCLC\n   2) SCLC\n"
                                        "3. Consent\nExclusion Criteria:\n4. Pregnancy\n5. HIV", [], 0),
    "numbers with brackets": ("Inclusion criteria:\n1) Age 20 years or older\n2) Histologically confirmed gastric "
                              "cancer\n3) ECOG PS 0-1\nExclusion criteria:\n1) Pregnancy\n2) Active infection", [], 0),
    "numbers in brackets, one skipped": ("Inclusion criteria:\n(1) Age 20 years or older\n(2) Histologically "
                                         "confirmed gastric cancer\n(4) ECOG PS 0-1\n(5) Consent",
                                         [("inclusion", 3, 4)], 0),
    "circled numbers": ("Inclusion criteria:\n① Age 18-75 years\n② Diagnosed with ischemic stroke\n④ NIHSS 4-25\n"
                        "Exclusion criteria:\n① Hemorrhage", [], 0),
    "a legacy record's indented list": (LEGACY, [], 0),
    "a legacy record's PDQ topics": ("\n        DISEASE CHARACTERISTICS:\n\n          -  Histologically confirmed "
                                     "breast cancer\n\n        PATIENT CHARACTERISTICS:\n\n        Age:\n\n"
                                     "          -  18 and over\n\n        Sex:\n\n          -  Female\n\n"
                                     "        Menopausal status:\n\n          -  Postmenopausal\n", [], 0),
    "markdown's escaped numbers, one skipped": ("Inclusion Criteria:\n\n* 1\\. Age ≥ 18 years\n* 2\\. Consent\n"
                                                "* 4\\. ECOG 0-1\n* 5\\. Labs", [("inclusion", 3, 4)], 0),
    "Inclusion for Part A and Part B": (f"Inclusion for Part A:\n\n* {CONSENT}\n* Adults aged 18 to 55 years\n\n"
                                        f"Inclusion for Part B:\n\n* {CONSENT}\n* Patients with moderate psoriasis",
                                        [], 0),
    "main study and sub-study": (f"Inclusion Criteria (Main Study):\n\n* {CONSENT}\n\n"
                                 f"Inclusion Criteria (Sub-study):\n\n* {CONSENT}", [], 0),
    "a criterion in both lists under bold headings": (
        "**Inclusion Criteria:**\n\n* Women of childbearing potential must have a negative pregnancy test\n* Age 18\n\n"
        "**Exclusion Criteria:**\n\n* Women of childbearing potential must have a negative pregnancy test\n* HIV",
        [], 0),
    "an infant's age in weeks and months": ("Inclusion Criteria:\n1. Infants aged 6 weeks to 12 months at "
                                            "enrollment\n2. Born at ≥ 37 weeks gestation\n3. Parent or guardian "
                                            "consent", [], 0),
    "28 days of age": ("Inclusion Criteria:\n1. Children ≥ 28 days of age and < 18 years\n2. Body weight ≥ 3 kg\n"
                       "3. Consent", [], 0),
    "an age wrapped to a line's start": ("Inclusion Criteria:\n1. Children aged between 2 and\n6. years old\n"
                                         "2. Consent of parents", [], 0),
    "gestational weeks run in": ("Inclusion Criteria: 1. Preterm infants born at 24 to 32 weeks gestation 2. Birth "
                                 "weight 500-1500 g 3. Admitted to NICU within 24 hours of birth", [], 0),
    "age groups, each from 1": ("Inclusion Criteria:\n\nAge group 1 (12 to 17 years):\n1. Weight of at least 40 kg at "
                                "the screening visit\nAge group 2 (6 to 11 years):\n1. Weight of at least 20 kg at "
                                "the screening visit", [], 0),
    "infants and toddlers labelled": ("Inclusion Criteria:\n\nInfants 6 to 11 months of age\n\n* Born after at least "
                                      "37 weeks of gestation with birth weight over 2.5 kg\n\nToddlers 12 to 23 "
                                      "months of age\n\n* Born after at least 37 weeks of gestation with birth weight "
                                      "over 2.5 kg", [], 0),
    "postmenopausal women defined": ("Inclusion Criteria:\n\n1. Postmenopausal women, defined as any of the "
                                     "following:\n   * Age ≥ 60 years\n   * Age < 60 years and amenorrhea for at least "
                                     "12 months\n2. ER-positive breast cancer\n3. Women of childbearing potential must "
                                     "use contraception", [], 0),
    "women and men, each a criterion": ("Inclusion Criteria:\n1. Male or female aged 18 to 65\n2. Women of "
                                        "childbearing potential: negative pregnancy test and use of contraception for "
                                        "90 days after last dose\n3. Men with partners of childbearing potential: use "
                                        "of contraception for 90 days after last dose", [], 0),
    "sexes under labels with colons": (f"Inclusion Criteria:\n\n* Age 18 to 65 years\n\nMale participants:\n\n"
                                       f"* {CONTRA}\n\nFemale participants:\n\n* {CONTRA}", [], 0),
    "a sponsor's sex and contraception heading": (f"Inclusion Criteria:\n\nAge\n\n1. Participant must be 18 to 65 "
                                                  f"years of age\n\nSex and Contraceptive/Barrier Requirements\n\n"
                                                  f"2. Male participants: {CONTRA}\n3. Female participants: {CONTRA}",
                                                  [], 0),
    "healthy volunteers and patients": ("Inclusion Criteria:\n\nHealthy volunteers:\n\n* Aged 18 to 55 years inclusive "
                                        "at the time of signing consent\n* BMI 18 to 30 kg/m2\n\nPatients with hepatic "
                                        "impairment:\n\n* Aged 18 to 55 years inclusive at the time of signing "
                                        "consent\n* Child-Pugh class B", [], 0),
    "healthy participants labelled without a colon": (
        "Inclusion Criteria:\n\nHealthy Participants\n\n* Body mass index of 18 to 32 kg/m2 at screening visit\n\n"
        "Participants with Renal Impairment\n\n* Body mass index of 18 to 32 kg/m2 at screening visit", [], 0),
    "healthy volunteers only": ("Exclusion Criteria:\n\nAll participants:\n\n* Participation in another clinical study "
                                "within 30 days before dosing\n\nHealthy Volunteers Only:\n\n* Any clinically "
                                "significant abnormality in laboratory values at screening\n\nPatients Only:\n\n* Any "
                                "clinically significant abnormality in laboratory values at screening", [], 0),
    "healthy subjects, one skipped": ("Inclusion Criteria:\n1. Healthy male subjects aged 18 to 45 years\n2. BMI 18.5 "
                                      "to 29.9 kg/m2\n3. Non-smokers for at least 3 months\n5. Able to give consent",
                                      [("inclusion", 4, 5)], 0),
    "healthy volunteers twice": ("Inclusion Criteria:\n1. Healthy male or female volunteers aged 18 to 55\n2. Body "
                                 "mass index 18 to 30 kg/m2 inclusive\n3. Healthy male or female volunteers aged 18 "
                                 "to 55", [], 1),
}


@pytest.mark.parametrize(("text", "gaps", "repeats"), SHAPES.values(), ids=SHAPES.keys())
def test_real_records_shapes_keep_their_verdicts(text, gaps, repeats):
    assert _gaps(text) == gaps
    assert len(repeated_items(text)) == repeats


@pytest.fixture
def messages(monkeypatch) -> dict[str, list[str]]:
    """Both criteria rules' messages for a few texts, each text one study's criteria."""
    texts = {
        "run-in": RUN_IN_FIRES["a skip confirmed by the next number"][0],
        "heading's line": RUN_IN_FIRES["an exclusion heading's line"][0],
        "lead-in": LEAD_IN_QUIET["criteria 1 to 3 of Part A"],
        "bold heading": RESTART_FIRES["under a bold heading"][0],
        "labels": LABEL_QUIET["male and female participants"],
    }
    monkeypatch.setattr(contradictions_criteria, "texts_by_study", lambda con, scope, fields: {
        name: [StudyText("eligibilities.criteria", text)] for name, text in texts.items()})
    found = {name: [] for name in texts}
    for rule in (contradictions_criteria.duplicate_criterion, contradictions_criteria.criteria_numbering_gap):
        for finding in rule(None, None):
            found[finding.nct_id].append(finding.message)
    return found


def test_the_rules_say_what_the_pages_show(messages):
    assert messages["run-in"] == ["The numbered inclusion criteria jump to 4, so criterion 3 is missing."]
    assert messages["heading's line"] == ["The numbered exclusion criteria jump to 4, so criterion 3 is missing."]
    assert messages["lead-in"] == []
    assert messages["bold heading"] == ["The numbered inclusion criteria jump to 4, so criterion 3 is missing."]
    assert messages["labels"] == []


def test_a_number_on_a_headings_line_is_no_cut_of_the_repeat_screen():
    # "1." on a heading's line bounds no item: the screen reads the text as the plain reading of its sections does.
    text = "Exclusion Criteria:\nInclusion criteria: 1. Exclusion Criteria:\nExclusion Criteria:\nInclusion criteria: "
    read = Reading(text)
    assert read.numbers_inside_lines() == read.list_numbers() == []
    assert may_repeat(text, read.numbers_inside_lines(), MIN_ITEM_WORDS) is False
