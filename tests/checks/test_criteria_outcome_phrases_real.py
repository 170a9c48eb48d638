"""Eligibility criteria and outcomes as ClinicalTrials.gov records write them: numbered lists that skip no criterion
stay quiet, lists that lose one fire; outcomes listed once each stay quiet, an outcome copied fires."""
from __future__ import annotations

import pytest

import checks
from checks import criteria_quantities
from checks.check_scope import set_scope
from checks.criteria_gaps import numbering_gaps
from checks.rule_findings import findings_of
from tests.checks import harness


def _numbered(first: int, last: int, what: str) -> str:
    return "\n".join(f"{n}. {what} number {n} of the list" for n in range(first, last + 1))


def _legacy(*lines: str) -> str:
    """Lines as a legacy XML record hard-wraps them (ten spaces before an item, thirteen before its next lines)."""
    return "\n".join(lines)


# (criteria text, what it shows): no criterion is missing from any of these lists.
QUIET = [
    ("Inclusion Criteria:\n\n1. Age ≥ 18 years\n2. Histologically confirmed NSCLC\n3. ECOG 0-1\n\n"
     "Exclusion Criteria:\n\n1. Pregnant or breastfeeding\n2. Active brain metastases",
     "numbering restarts under each heading"),
    ("Inclusion Criteria:\n\nCohort A:\n\n1. Age 18 years or older\n2. Relapsed disease\n\nCohort B:\n\n"
     "1. Age 12 years or older\n2. Newly diagnosed disease", "numbering restarts under each cohort"),
    ("Inclusion Criteria:\n\n1. Signed informed consent\n2. Measurable disease per RECIST 1.1\n\n"
     "For patients in Part B:\n\n1. Prior platinum doublet\n2. No more than 2 prior lines", "restarts under a part"),
    ("Inclusion Criteria:\n\nPart A\n\n1. Healthy male or female\n2. BMI 18 to 30 kg/m2\n\nPart B\n\n"
     "1. Type 2 diabetes\n2. HbA1c 7.0% to 10.0%", "restarts under a part heading without a colon"),
    ("Inclusion Criteria:\n\n1. Adequate organ function defined as:\n   a. ANC ≥ 1.5 x 10^9/L\n"
     "   b. Platelets ≥ 100 x 10^9/L\n2. Age 18 years or older\n3. Signed consent", "lettered sub-items"),
    ("Inclusion Criteria:\n\n1. General\n1.1 Age 18 or older\n1.2 Signed consent\n2. Disease\n2.1 Confirmed diagnosis\n"
     "3. Other\n3.1 Able to comply", "decimal sub-items"),
    ("Inclusion Criteria:\n\n1. General\n1.1. Age 18 or older\n1.2. Signed consent\n2. Disease\n2.1. Confirmed "
     "diagnosis\n3. Other", "decimal sub-items with a point"),
    ("Exclusion Criteria:\n\n1. Any of the following within 6 months:\n   1) myocardial infarction\n   2) stroke\n"
     "   3) unstable angina\n2. Pregnancy\n3. Allergy", "a nested numbered list"),
    ("Exclusion Criteria:\n\n1. AST or ALT greater than\n3.0 x ULN\n2. Creatinine clearance below 30 mL/min\n"
     "3. Active hepatitis B", "a lab value wrapped to a line start"),
    ("Inclusion Criteria:\n\n1. Stable dose of prednisone no more than\n2.5 mg daily for 4 weeks\n2. Age over 18\n"
     "3. Able to swallow", "a dose wrapped to a line start"),
    ("Inclusion Criteria:\n\n1. Diagnosed after January 1, 2019.\n2. Age 18 or older\n3. Consent\n", "a year"),
    ("Exclusion Criteria:\n\n1. Contraception as defined in section 5. Women must use two methods\n"
     "2. Prior surgery within 4 weeks\n3. Known allergy to the study drug", "a section of the protocol"),
    ("Exclusion Criteria:\n\n1. Prohibited medications listed in Section\n10.3 of the protocol\n2. Known allergy\n"
     "3. Pregnancy", "a protocol section wrapped to a line start"),
    ("Inclusion Criteria:\n\nI. Age over 18\nII. Stage III or IV disease\nIII. ECOG 0-2\n\nExclusion Criteria:\n\n"
     "I. Pregnancy\nII. Prior chemotherapy", "Roman numerals"),
    ("Inclusion Criteria:\n\n" + _numbered(1, 10, "Inclusion") + "\n\nExclusion Criteria:\n\n"
     + _numbered(11, 14, "Exclusion"), "exclusions numbered on from ten inclusions"),
    ("Inclusion Criteria:\n\n1\\. Age ≥ 18 years\n2\\. Signed consent\n\nExclusion Criteria:\n\n1\\. Pregnancy\n"
     "2\\. Active infection", "markdown escapes"),
    ("Inclusion Criteria:\n\n* 1\\. Age ≥ 18 years\n* 2\\. Signed consent\n* 3\\. ECOG 0-1", "bullets and escapes"),
    ("Inclusion Criteria:\n\n* Age ≥ 18 years\n* Diagnosis of asthma\n\nExclusion Criteria:\n\n1. Smoker\n"
     "2. Pregnancy\n* Any other condition in the opinion of the investigator", "bullets mixed with numbers"),
    ("Inclusion Criteria:\n(1) Age 18-65;\n(2) BMI 18-28;\n(3) Signed consent.\nExclusion Criteria:\n(1) Pregnancy;\n"
     "(2) Allergy to the drug.", "numbers in brackets"),
    ("Inclusion Criteria:\n1) Age 18-65\n2) BMI 18-28\n3) Signed consent\nExclusion Criteria:\n1) Pregnancy\n"
     "2) Allergy", "numbers with a closing bracket"),
    ("Exclusion Criteria:\n\n" + _numbered(1, 15, "Exclusion"), "two-digit numbers"),
    ("Inclusion Criteria:\n\n1. Age 18 or older\n2. Signed consent\n2. ECOG 0-1\n3. Adequate organ function",
     "a number written twice"),
    ("N/A", "no criteria"),
    ("Inclusion Criteria:\n\n1. Adequate organ function:\n\n| Test | Value |\n|---|---|\n| ANC | ≥1.5 x 10^9/L |\n"
     "| Hemoglobin | ≥9.0 g/dL |\n\n2. Age 18 or older\n3. Consent", "a table of lab thresholds"),
    ("Inclusion Criteria:\n\n1. Children aged 6 to 12. Parents must consent\n2. Diagnosis of asthma\n"
     "3. Able to use an inhaler", "an age inside a criterion"),
    ("Inclusion Criteria: 1. Age 18 years or older 2. Signed consent 3. ECOG 0 or 1 Exclusion Criteria: "
     "1. Pregnancy 2. Active infection", "page text with items sharing a line"),
    ("Exclusion Criteria:\n\nMedical conditions\n\n1. Pregnancy\n2. Infection\n\nPrior/concomitant therapy\n\n"
     "1. Prior chemotherapy\n2. Live vaccine", "restarts under a topic without a colon"),
    ("Inclusion Criteria:\n\n1 . Age over 18\n2 . Consent\n3 . ECOG 0-1", "a space before the point"),
    (_legacy("        Inclusion Criteria:", "",
             "          1. Male or female patients aged 18 years or older with a confirmed diagnosis",
             "             of chronic hepatitis C genotype 1 infection and a viral load of more than",
             "             100,000 IU/mL at screening", "",
             "          2. Patients who have not been treated before with interferon or ribavirin", "",
             "        Exclusion Criteria:", "", "          1. Co-infection with HIV or hepatitis B virus"),
     "a hard-wrapped legacy record"),
    (_legacy("Inclusion Criteria:", "",
             "          1. Patients with histologically confirmed adenocarcinoma of the pancreas with an",
             "             ECOG performance status of",
             "          2. or less at the time of study entry and adequate organ function",
             "          2. Patients must have measurable disease by CT scan within 4 weeks of registration",
             "          3. Patients must be at least 18 years of age and able to give informed consent"),
     "a wrapped ECOG score at a line start"),
    ("Inclusion Criteria:\n\n1. Hospitalised between 01.03.2020 and 31.12.2020\n2. Age over 18\n3. Consent",
     "dates with points"),
    ("Inclusion Criteria:\n\n1. Diagnosis of MS by the 2017 McDonald criteria\n2. EDSS 2.0 to 6.5\n"
     "   1. with relapse in prior year\n   2. or MRI activity\n3. Age 18-55", "a markdown sub-list"),
    ("Inclusion Criteria:\n\n1.Age ≥ 18 years;\n2.Signed consent;\n\nExclusion Criteria:\n\n1.Pregnancy;\n2.HIV.",
     "no space after the point"),
    ("Inclusion Criteria:\n\n1. Adequate organ function: (1) ANC ≥ 1500/µL; (2) platelets ≥ 100,000/µL; "
     "(3) creatinine ≤ 1.5 x ULN\n2. Age 18\n3. Consent", "numbered values inside a criterion"),
    ("Exclusion Criteria:\n\n1. Grade ≥ 2 neuropathy per CTCAE v\n5.0\n2. Pregnancy\n3. HIV", "a version number"),
    ("Inclusion Criteria:\n1. Age\n2. One of the following:\n1) diabetes\n2) hypertension\n3) obesity\n"
     "Exclusion Criteria:\n3. Pregnancy\n4. HIV", "exclusions numbered on from an outer list closed by a nested one"),
    ("Exclusion Criteria:\n1. Pregnancy\n2. HIV\n3. Use of any investigational drug within\n6. months before "
     "screening", "a duration wrapped to a line start at the list's end"),
    ("Exclusion Criteria:\n1. Pregnancy\n2. HIV infection\n3. Hepatitis B\n3. Hepatitis C\n5. Allergy to the drug",
     "a number written twice standing for the next"),
    ("Inclusion Criteria:\n1. Age 18-65\n2. Consent\n3. BMI < 30\nExclusion Criteria: 1. Pregnancy\n2. HIV\n3. HBV",
     "the first exclusion on the heading line"),
    ("Inclusion Criteria: 1\\. Age 18-65\n2\\. Consent\n3\\. BMI < 30", "the first inclusion on the heading line"),
    ("Inclusion criteria: (1) Age 18-65 years\n(2) Consent\n(3) BMI < 30", "the first item in brackets on the heading"),
    ("Inclusion Criteria:\n0. Signed consent\n1. Age 18-65\n2. Diagnosis", "a list numbered from 0"),
    ("Inclusion Criteria:\n1. On prednisone at a dose up to\n10. mg per day\n2. Consent\n3. Age", "a dose wrapped"),
    ("Exclusion Criteria:\n1. Pregnancy\n2. Platelet count greater than or equal to\n150. 000 per mm3\n3. HIV",
     "a count wrapped after a comparison"),
]

# (criteria text, (expected, found) of each gap): a criterion lost from one list.
FIRES = [
    ("Inclusion Criteria:\n\n1. Age 18\n2. Consent\n4. ECOG 0-1\n5. Adequate organ function", [(3, 4)]),
    ("Inclusion Criteria:\n1. Age 18\n2. Consent\nExclusion Criteria:\n1. Pregnancy\n2. HIV\n4. Hepatitis\n5. Allergy",
     [(3, 4)]),
    ("Exclusion Criteria:\n\n2. Pregnancy\n3. HIV\n4. Hepatitis", [(1, 2)]),
    ("Inclusion Criteria:\n\n1\\. Age 18\n2\\. Consent\n4\\. ECOG 0-1\n5\\. Organ function", [(3, 4)]),
    ("Inclusion Criteria:\n(1) Age 18-65;\n(2) BMI 18-28;\n(4) Signed consent;\n(5) No smoking.", [(3, 4)]),
    ("Inclusion Criteria:\n1) Age 18-65\n2) BMI 18-28\n4) Signed consent\n5) No smoking", [(3, 4)]),
    ("Exclusion Criteria:\n\n" + _numbered(1, 11, "Exclusion") + "\n" + _numbered(13, 15, "Exclusion"), [(12, 13)]),
    ("Exclusion Criteria:\n1. Pregnancy\n2. HIV\n6. Hepatitis\n7. Allergy\n8. Smoking", [(3, 6)]),
    ("Inclusion Criteria:\n\n* 1\\. Age 18\n* 2\\. Consent\n* 4\\. ECOG\n* 5\\. Organ function", [(3, 4)]),
    (_legacy("        Inclusion Criteria:", "",
             "          1. Male or female patients aged 18 years or older with a confirmed diagnosis",
             "             of chronic hepatitis C genotype 1 infection at the screening visit", "",
             "          2. Patients who have not been treated before with interferon or ribavirin", "",
             "          4. Patients willing to use two methods of contraception during the study", "",
             "          5. Patients able to attend all visits"), [(3, 4)]),
    ("Inclusion Criteria:\n1. Age\n2. One of:\n   a) diabetes\n   b) hypertension\n4. Consent\n5. Able", [(3, 4)]),
    ("Inclusion Criteria:\n1.Age 18;\n2.Consent;\n4.ECOG 0-1;\n5.Organ function.", [(3, 4)]),
    ("Exclusion Criteria:\n1. Pregnancy\n2. HIV\n3. HBV\n5. HCV", [(4, 5)]),
    ("Inclusion Criteria:\n\nCohort A:\n\n1. Age\n2. Relapsed\n\nCohort B:\n\n1. Age\n2. New\n4. Organ\n5. Consent",
     [(3, 4)]),
    ("Exclusion Criteria:\n1) Pregnancy\n3) HIV\n4) HBV\n5) HCV", [(2, 3)]),
    ("Exclusion Criteria:\n1. Pregnancy\n2. Use of drugs within 6 months\n4. HIV\n5. HBV", [(3, 4)]),
    ("Exclusion Criteria:\n1. Pregnancy\n2. HIV\n3. HBV\n3. HCV\n6. Allergy\n7. Smoking", [(4, 6)]),
    ("Exclusion Criteria: 1. Pregnancy\n2. HIV\n4. HBV\n5. HCV", [(3, 4)]),
    ("Inclusion Criteria:\n" + _numbered(1, 10, "Inclusion") + "\nExclusion Criteria:\n12. Pregnancy\n13. HIV",
     [(11, 12)]),
    ("Inclusion Criteria:\n0. Signed consent\n1. Age 18-65\n3. Diagnosis\n4. Stage", [(2, 3)]),
    ("Exclusion Criteria:\n1. Pregnancy\n2. Known allergy to study drug\n4. HIV\n5. HBV", [(3, 4)]),
    ("Exclusion Criteria:\n1. Pregnancy\n2. Active hepatitis A\n4. HIV\n5. HBV", [(3, 4)]),
    ("Inclusion Criteria:\n1. Consent\n2. Able to attend follow-up\n4. Age 18-65\n5. BMI < 30", [(3, 4)]),
    ("Inclusion Criteria:\n1. Consent\n2. Aged 18 years and over\n4. ECOG 0-1\n5. BMI < 30", [(3, 4)]),
    ("Inclusion Criteria:\n1. Consent\n2. Breast cancer, HER2 3+\n4. ECOG 0-1\n5. LVEF ≥ 50%", [(3, 4)]),
]


@pytest.mark.parametrize("text, note", QUIET, ids=[note for _, note in QUIET])
def test_lists_that_lose_no_criterion_stay_quiet(text, note):
    assert numbering_gaps(text) == []


@pytest.mark.parametrize("text, gaps", FIRES)
def test_lists_that_lose_a_criterion_fire(text, gaps):
    assert [(g.expected, g.found) for g in numbering_gaps(text)] == gaps


@pytest.mark.parametrize("text, at, goes_on", [
    ("1. Use of any investigational drug within\n6. months", 42, True),
    ("1. ECOG performance status of\n2. or less", 30, True),
    ("1. AST greater than\n3. 0 x ULN", 20, True),
    ("1. Platelets ≥\n9. 0 g/dL", 15, True),
    ("1. Prior treatment\n6. months before screening", 19, True),
    ("1. Prior treatment\n3. Pregnancy", 19, False),
    ("1. Known allergy to study drug\n4. HIV", 31, False),
    ("1. Pregnancy 4. HIV", 13, False),
    ("4. months", 0, False),
    ("1. Active hepatitis A\n4. HIV", 22, False),
    ("1. Able to attend follow-up\n4. Age", 28, False),
    ("1. Aged 18 years and over\n4. ECOG", 26, False),
])
def test_a_line_number_that_goes_on_the_sentence_before(text, at, goes_on):
    assert criteria_quantities.goes_on_sentence(text, at) is goes_on


RULE = next(rule for rule in checks.all_rules() if rule.id == "contradictions.duplicate_outcome")
AE = "Number of Participants With Treatment-Emergent Adverse Events (TEAEs)"


def _outcome(kind: str, measure: str, time_frame: str | None, description: str | None = None) -> dict:
    return {"outcome_type": kind, "measure": measure, "time_frame": time_frame, "description": description}


# Outcomes listed once each: the same measure at another time, for another part or population, of another number.
OUTCOMES_QUIET = {
    "another time frame": [_outcome("primary", "Change in HbA1c", "Week 12", "Change from baseline"),
                           _outcome("secondary", "Change in HbA1c", "Week 26", "Change from baseline")],
    "primary and secondary at other times": [_outcome("primary", "Overall survival", "Up to 5 years", "Time to death"),
                                             _outcome("secondary", "Overall survival", "At 2 years", "Time to death")],
    "adverse events per part, told by the description": [
        _outcome("primary", AE, "Up to 28 days", "Part A: participants with TEAEs"),
        _outcome("primary", AE, "Up to 28 days", "Part B: participants with TEAEs")],
    "adverse events per part, told by the measure": [_outcome("primary", AE + " - Part A", "Up to 28 days"),
                                                     _outcome("primary", AE + " - Part B", "Up to 28 days")],
    "adverse events per part, told by the time frame": [_outcome("primary", AE, "Part A: Day 1 to Day 28"),
                                                        _outcome("primary", AE, "Part B: Day 1 to Day 56")],
    "adverse events per period": [
        _outcome("primary", "Number of participants with AEs", "Up to Week 52 (double-blind period)"),
        _outcome("secondary", "Number of participants with AEs", "Up to Week 104 (open-label extension)")],
    "another day in the measure": [_outcome("secondary", "Plasma concentration of drug X on Day 1", "Day 1"),
                                   _outcome("secondary", "Plasma concentration of drug X on Day 15", "Day 1")],
    "another parameter": [_outcome("secondary", "Cmax of drug X", "Pre-dose up to 24 hours post-dose"),
                          _outcome("secondary", "AUC0-inf of drug X", "Pre-dose up to 24 hours post-dose")],
    "one title per parameter": [_outcome("other", "Change in routine blood test", "21 days", "White blood cell count"),
                                _outcome("other", "Change in routine blood test", "21 days", "Platelet count")],
    "another grade": [_outcome("primary", "Incidence of grade 3 adverse events", "1 year"),
                      _outcome("primary", "Incidence of grade 4 adverse events", "1 year")],
    "numbers alike without their spaces": [_outcome("primary", "Grade 1 2 toxicity", "12 weeks", "x"),
                                           _outcome("primary", "Grade 12 toxicity", "12 weeks", "x")],
    "time frames alike without their spaces": [_outcome("primary", "Pain score", "Week 1 2", "x"),
                                               _outcome("primary", "Pain score", "Week 12", "x")],
    "another dose level": [_outcome("primary", "DLT at 10 mg", "Cycle 1 (21 days)"),
                           _outcome("primary", "DLT at 20 mg", "Cycle 1 (21 days)")],
    "another age group": [_outcome("secondary", "Serum IgG titre", "Day 28", "In participants aged 18-64"),
                          _outcome("secondary", "Serum IgG titre", "Day 28", "In participants aged 65 or older")],
    "another arm": [_outcome("primary", "Response rate (Arm A)", "8 weeks"),
                    _outcome("primary", "Response rate (Arm B)", "8 weeks")],
    "another version of a scale": [_outcome("secondary", "Quality of life (EQ-5D-5L)", "Baseline, 6 months"),
                                   _outcome("secondary", "Quality of life (EQ-5D-3L)", "Baseline, 6 months")],
    "before and after the dose": [_outcome("secondary", "Heart rate", "Pre-dose"),
                                  _outcome("secondary", "Heart rate", "2 hours post-dose")],
    "one time frame missing": [_outcome("primary", "Mortality", None, "All-cause"),
                               _outcome("secondary", "Mortality", "90 days", "All-cause")],
    "another cohort": [_outcome("primary", "ORR in Cohort 1", "Up to 2 years"),
                       _outcome("primary", "ORR in Cohort 2", "Up to 2 years")],
    "at rest and on movement": [_outcome("primary", "VAS pain", "Day 7", "Pain at rest"),
                                _outcome("primary", "VAS pain", "Day 7", "Pain on movement")],
    "adults and children": [_outcome("primary", "Seroconversion rate, adults", "Day 29"),
                            _outcome("primary", "Seroconversion rate, children", "Day 29")],
}
# An outcome copied: the same measure, time frame and description, white space and case aside.
OUTCOMES_FIRE = {
    "as primary and as secondary": [_outcome("primary", "Change in HbA1c", "Week 12", "Change from baseline"),
                                    _outcome("secondary", "Change in HbA1c", "Week 12", "Change from baseline")],
    "one secondary outcome twice": [_outcome("secondary", AE, "Up to 2 years", "TEAEs"),
                                    _outcome("secondary", AE, "Up to 2 years", "TEAEs")],
    "in another case": [_outcome("secondary", "Overall Survival", "5 years", "OS"),
                        _outcome("secondary", "overall survival", "5 Years", "os")],
    "with more spaces": [_outcome("primary", "Overall  survival ", "5 years"),
                         _outcome("secondary", "Overall survival", "5 years")],
    "with a line break after the measure": [_outcome("primary", "Overall survival\n", "5 years", "Time to death"),
                                            _outcome("secondary", "Overall survival", "5 years", "Time to death")],
    "with a tab in the time frame": [_outcome("primary", "Overall survival", "5\tyears", "Time to death"),
                                     _outcome("secondary", "Overall survival", "5 years", "Time to death")],
    "with a line break inside the measure": [_outcome("primary", "Change in HbA1c from\nbaseline", "Week 12"),
                                             _outcome("primary", "Change in HbA1c from baseline", "Week 12")],
    "without descriptions": [_outcome("primary", "Safety", "1 year"), _outcome("primary", "Safety", "1 year")],
    "three times": [_outcome("other", "Biomarker level", "Day 1")] * 3,
    "with a missing and an empty time frame": [_outcome("primary", "Safety", None, "AEs"),
                                               _outcome("secondary", "Safety", "", "AEs")],
}


@pytest.fixture(scope="module")
def outcome_findings(tmp_path_factory) -> dict[str, list[str]]:
    """The rule's messages for every set of outcomes, each set one study of one warehouse."""
    sets = {**OUTCOMES_QUIET, **OUTCOMES_FIRE}
    ids = {name: f"NCT{n:08d}" for n, name in enumerate(sets, start=2000001)}
    studies = {}
    for name, outcomes in sets.items():
        study = harness.clean_study()
        study["design_outcomes"] = [dict(outcome) for outcome in outcomes]
        studies[ids[name]] = study
    con = harness.warehouse_with(tmp_path_factory.mktemp("outcomes"), studies)
    found = {name: [] for name in sets}
    names = {nct_id: name for name, nct_id in ids.items()}
    for finding in findings_of(con, RULE, set_scope(con, None, harness.AS_OF)):
        found[names[finding.nct_id]].append(finding.message)
    return found


@pytest.mark.parametrize("name", OUTCOMES_QUIET)
def test_outcomes_listed_once_each_stay_quiet(outcome_findings, name):
    assert outcome_findings[name] == []


@pytest.mark.parametrize("name", OUTCOMES_FIRE)
def test_an_outcome_copied_fires_once(outcome_findings, name):
    assert len(outcome_findings[name]) == 1


def test_a_measure_with_a_line_break_is_quoted_on_one_line(outcome_findings):
    assert outcome_findings["with a line break inside the measure"] == [
        "The primary outcome 'Change in HbA1c from baseline' is listed 2 times with the same time frame and no "
        "description."]
