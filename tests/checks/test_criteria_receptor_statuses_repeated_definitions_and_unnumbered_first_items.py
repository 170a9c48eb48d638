"""Criteria texts in shapes that stated no criterion twice and lost none, though the criteria rules said so.

A criterion for one receptor status beside the same words for the other ("HR+/HER2-" and "HR-/HER2+", "HBsAg (+)"
and "HBsAg (-)") is two criteria, and so is a criterion under headings for two groups of people ("Exclusion Criteria
for Index Patients" and "... for Partners"); a placeholder that says a number does not apply, and a definition
repeated under each criterion that uses its term, are no criteria; sub-items listed flat under two lead-in lines of any
length ("... must agree to use one of the following methods ... after the last dose:", "..., including") are each
lead-in's.
A list that starts at 2 right below its first criterion written without a number has lost no criterion. Nearby
texts keep their verdicts, and a gap of two numbers is said as "criteria 1 and 2".
"""
from __future__ import annotations

import pytest

from checks import contradictions_criteria
from checks.criteria_gaps import numbering_gaps
from checks.criteria_repeats import repeated_items
from checks.study_text import StudyText

LIVER = "Adequate hepatic function: total bilirubin <= 1.5 x upper limit of normal"
HORMONAL = ("Combined (estrogen and progestogen containing) hormonal contraception associated with inhibition of "
            "ovulation")
IUD = "Intrauterine device (IUD) or intrauterine hormone-releasing system (IUS)"
WOCBP = "A woman of childbearing potential is defined as a premenopausal woman capable of becoming pregnant"
CONSENT = "Able to understand and willing to sign a written informed consent document"
PRIOR_HIV = "Prior HIV treatment for more than 7 days before enrollment"
FEMALE_LEAD_IN = ("Female participants of childbearing potential must agree to use one of the following highly "
                  "effective methods of contraception from screening until 90 days after the last dose:")
MALE_LEAD_IN = ("Male participants with a female partner of childbearing potential must agree that the partner uses "
                "one of the following highly effective methods of contraception until 90 days after the last dose:")

# (name, criteria text): no criterion is stated twice.
REPEAT_QUIET = {
    "receptor statuses": "Inclusion Criteria:\n\n* Histologically confirmed HR+/HER2- metastatic breast cancer with "
                         "measurable disease\n* Histologically confirmed HR-/HER2+ metastatic breast cancer with "
                         "measurable disease\n* ECOG 0-1",
    "a marker's (+) and (-)": "Inclusion Criteria:\n\n1. HBsAg (+) patients with chronic hepatitis B infection for at "
                              "least 6 months\n2. HBsAg (-) patients with chronic hepatitis B infection for at least 6 "
                              "months",
    "a number said not to apply": "Exclusion Criteria:\n\n1. Pregnancy\n2. Not applicable to this study per amendment "
                                  "number 2\n3. HIV\n4. Not applicable to this study per amendment number 2",
    "a definition under two criteria": "Inclusion Criteria:\n\n* Women of childbearing potential must have a negative "
                                       f"pregnancy test at screening.\n\n  {WOCBP}\n* Women of childbearing potential "
                                       f"must use contraception.\n\n  {WOCBP}",
    "flat sub-items under long lead-ins": f"Inclusion Criteria:\n\n* {FEMALE_LEAD_IN}\n* {HORMONAL}\n* {IUD}\n"
                                          f"* {MALE_LEAD_IN}\n* {HORMONAL}\n* {IUD}\n* Age 18 or older",
    "flat sub-items under lead-ins ending in 'including'": (
        "Inclusion Criteria:\n\n* Female participants of childbearing potential must agree to use highly effective "
        f"contraception from screening until 90 days after the last dose, including\n* {HORMONAL}\n* Male "
        "participants with a female partner of childbearing potential must ensure the partner uses highly effective "
        f"contraception, including\n* {HORMONAL}"),
    "lists under headings for index patients and partners": (
        f"Exclusion Criteria for Index Patients\n* {PRIOR_HIV}\n* Unable to provide consent\n"
        f"Exclusion Criteria for Partners\n* {PRIOR_HIV}\n* Unable to provide consent"),
    "lists under headings for mothers and infants": (
        f"Inclusion criteria for mothers\n- {CONSENT}\n- Pregnant at 28 weeks\nInclusion criteria for infants\n"
        f"- {CONSENT}\n- Born at term"),
}
# (name, criteria text): the same criterion twice in one list.
REPEAT_FIRES = {
    "the same receptor status twice": "Inclusion Criteria:\n\n* Histologically confirmed HR+/HER2- metastatic breast "
                                      "cancer with measurable disease\n* ECOG 0-1\n* Histologically confirmed "
                                      "HR+/HER2- metastatic breast cancer with measurable disease",
    "a hyphenated word twice": "Exclusion Criteria:\n\n* Known HIV-positive status or active hepatitis B infection\n"
                               "* Pregnancy\n* Known HIV-positive status or active hepatitis B infection",
    "a criterion that says 'not pregnant' twice": "Inclusion Criteria:\n\n* Not pregnant or breastfeeding at screening "
                                                  "or baseline\n* Age 18 or older\n* Not pregnant or breastfeeding at "
                                                  "screening or baseline",
    "a criterion with its own definition twice": "Inclusion Criteria:\n\n* Measurable disease defined as at least one "
                                                 "lesion of 10 mm or more\n* ECOG 0-1\n* Measurable disease defined as "
                                                 "at least one lesion of 10 mm or more",
    "a hard-wrapped criterion's line that ends in 'including'": (
        "Exclusion Criteria:\n\n  -  Known hypersensitivity to any component of the study drug formulation\n"
        "  -  Any serious medical condition including\n     heart failure or uncontrolled diabetes\n"
        "  -  Known hypersensitivity to any component of the study drug formulation"),
    "a heading written again, continued": (
        f"Exclusion Criteria:\n* {PRIOR_HIV}\n* Pregnancy or breastfeeding\nExclusion Criteria (continued)\n"
        f"* {PRIOR_HIV}\n* HBV infection"),
    "key and other criteria of one population": (
        f"Key Exclusion Criteria\n* {PRIOR_HIV}\n* Pregnancy or breastfeeding\nOther Exclusion Criteria\n"
        f"* {PRIOR_HIV}\n* HBV infection"),
    "flat sub-items, one lead-in": f"Inclusion Criteria:\n\n* {FEMALE_LEAD_IN}\n* {HORMONAL}\n* {IUD}\n* {HORMONAL}",
    "a flat list with a long criterion between": f"Inclusion Criteria:\n\n* {LIVER}\n* Participants must agree to "
                                                 "attend every study visit and to complete the electronic diary each "
                                                 f"evening for the whole treatment period\n* {LIVER}",
}


@pytest.mark.parametrize("name", REPEAT_QUIET)
def test_no_criterion_stated_twice(name):
    assert repeated_items(REPEAT_QUIET[name]) == []


@pytest.mark.parametrize("name", REPEAT_FIRES)
def test_the_same_criterion_twice_still_found(name):
    assert len(repeated_items(REPEAT_FIRES[name])) == 1


# (name, criteria text, gaps as (section, expected, found)).
GAPS = {
    "the first criterion without its number": ("Inclusion Criteria:\nAge 18 years or older\n2. ECOG 0-1\n"
                                               "3. Consent", []),
    "a first criterion with a decimal": ("Inclusion Criteria:\nHemoglobin ≥ 9.0 g/dL at screening\n2. ECOG 0-1\n"
                                         "3. Consent", []),
    "a first criterion wrapped": ("Inclusion Criteria:\nHistologically confirmed adenocarcinoma of the pancreas "
                                  "that is\nlocally advanced or metastatic\n2. ECOG 0-1\n3. Consent", []),
    "an exclusion list's first criterion": ("Inclusion Criteria:\n1. Age 18\n2. ECOG 0-1\nExclusion Criteria:\n"
                                            "Pregnancy or breastfeeding\n2. HIV infection\n3. HBV", []),
    "a lead-in above": ("Inclusion Criteria:\nPatients must meet all of the following:\n2. ECOG 0-1\n3. Consent",
                        [("inclusion", 1, 2)]),
    "nothing above": ("Inclusion Criteria:\n\n2. ECOG 0-1\n3. Consent", [("inclusion", 1, 2)]),
    "two numbers missing below one criterion": ("Inclusion Criteria:\nAge 18 or older\n3. ECOG 0-1\n4. Consent",
                                                [("inclusion", 1, 3)]),
    "a criterion that names criteria": ("Inclusion Criteria:\nMeets all inclusion criteria of the parent study "
                                        "NCT01234567\n2. ECOG 0-1\n3. Consent", []),
    "a title without a colon": ("Eligibility Criteria\n2. Age 18 or older\n3. ECOG 0-1", [("criteria", 1, 2)]),
    "a title in capitals": ("PATIENTS\n2. Age 18 or older\n3. ECOG 0-1", [("criteria", 1, 2)]),
    "a paragraph and a criterion above": ("Inclusion Criteria:\nThe following criteria apply to all participants.\n\n"
                                          "Age 18 or older\n2. ECOG 0-1\n3. Consent", [("inclusion", 1, 2)]),
}


@pytest.mark.parametrize("name", GAPS)
def test_lists_that_start_after_their_first_criterion(name):
    text, gaps = GAPS[name]
    assert [(gap.section, gap.expected, gap.found) for gap in numbering_gaps(text)] == gaps


def test_a_gap_of_two_numbers_is_said_as_two_criteria(monkeypatch):
    texts = {"two": GAPS["two numbers missing below one criterion"][0],
             "one": GAPS["nothing above"][0],
             "three": "Inclusion Criteria:\n1. Age 18 or older\n2. ECOG 0-1\n6. Consent\n7. Measurable disease"}
    monkeypatch.setattr(contradictions_criteria, "texts_by_study", lambda con, scope, fields: {
        name: [StudyText("eligibilities.criteria", text)] for name, text in texts.items()})
    found = {finding.nct_id: finding.message for finding in contradictions_criteria.criteria_numbering_gap(None, None)}
    assert found == {
        "two": "The numbered inclusion criteria start at 3, so criteria 1 and 2 are missing.",
        "one": "The numbered inclusion criteria start at 2, so criterion 1 is missing.",
        "three": "The numbered inclusion criteria jump to 6, so criteria 3 to 5 are missing.",
    }
