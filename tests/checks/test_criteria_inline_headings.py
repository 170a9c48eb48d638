"""Criteria headings that stand inside a line, as one-line and flattened criteria carry them.

"Inclusion Criteria: Adults aged 18-65; ... Exclusion Criteria: Type 1 diabetes; ..." written as one line, a legacy
list whose line breaks were lost ("Inclusion Criteria: - Diagnosis of autism Exclusion Criteria: - ..."), or an
exclusion heading that runs on at the end of the last inclusion item ("... Board (MAB) Exclusion Criteria:• Patient
has ...") open their sections where the heading stands: after a criterion's end (a full stop, a semicolon, a bracket,
a list mark, or in a flattened list the criterion's last word before a capitalised heading and its colon), or at the
start of a line before its first criterion. A sentence that names the criteria opens nothing ("Patients may not be
enrolled if any of the following exclusion criteria are present:", "Further exclusion criteria apply.").
So an exclusion of pregnant women or of an age is not read as the inclusion criteria's statement of who is
admitted, and the inclusion part of a one-line text is compared with the record's Sex and ages.
"""
from __future__ import annotations

import pytest

from checks.criteria_ages import study_age_findings
from checks.criteria_gaps import numbering_gaps
from checks.criteria_repeats import repeated_items
from checks.criteria_sections import sections
from checks.criteria_sex import study_sex_findings

# (name, criteria text, the sections' names in order, the words that open the last section)
SECTIONED = {
    "one line, semicolons": (
        "Inclusion Criteria: Adults aged 18-65 years; HbA1c between 7.0% and 10.0%; on a stable dose of metformin "
        "for at least 3 months; Exclusion Criteria: Type 1 diabetes; pregnant or breastfeeding women; eGFR below 30.",
        ["inclusion", "exclusion"], "Type 1 diabetes"),
    "one line, full stops": (
        "Inclusion Criteria: Adults 21 and older. HbA1c greater than 8.0% at enrolment. Access to a smartphone. "
        "Exclusion Criteria: Severe hearing or vision impairment. Dialysis.", ["inclusion", "exclusion"],
        "Severe hearing"),
    "a flattened legacy list": (
        "Inclusion Criteria: - Diagnosis of autism spectrum disorder by a child psychiatrist - Aged 6 to 12 years "
        "Exclusion Criteria: - Diagnosis of Asperger syndrome, Rett syndrome or childhood disintegrative disorder",
        ["inclusion", "exclusion"], "- Diagnosis of Asperger"),
    "a heading run on after a bracket": (
        "Inclusion Criteria:\n\n* Single-level degenerative disc disease between L4 and S1\n* All procedures must be "
        "approved by the Surgical Review Committee (SRC) Exclusion Criteria:\u2022 Patient has less than 5 mm of disc "
        "height.\n* Osteoporosis", ["inclusion", "exclusion"], "\u2022 Patient has less"),
    "a heading run on after a full stop, dashed items": (
        "Inclusion Criteria: - child BMI above the 5th percentile - child born at 37 weeks or later with no\n"
        "significant neo- or perinatal complications. Exclusion Criteria: - Child is experiencing clinical levels\n"
        "of behaviour problems", ["inclusion", "exclusion"], "- Child is experiencing"),
    "study headings closed by a full stop": (
        "Study Inclusion Criteria. Age 22 or older. English speaking. Study Exclusion Criteria. History of "
        "aspiration pneumonia within the past 12 months. Unable to swallow tablets.", ["inclusion", "exclusion"],
        "History of aspiration"),
    "capitals, British spelling": (
        "INCLUSION CRITERIA: Randomised patients with haemophilia A aged 12 or over, on prophylaxis; EXCLUSION "
        "CRITERIA: Inhibitor titre of 0.6 BU or more; prior gene therapy.", ["inclusion", "exclusion"],
        "Inhibitor titre"),
    "headings closed by a dash": (
        "Inclusion criteria - Adults with chronic low back pain for at least 3 months and able to walk unaided. "
        "Exclusion criteria - Previous spinal surgery; pregnancy.", ["inclusion", "exclusion"], "Previous spinal"),
    "key headings": (
        "Key Inclusion Criteria: Adults with moderate to severe plaque psoriasis and a PASI of 12 or more. Key "
        "Exclusion Criteria: Prior exposure to any IL-17 inhibitor; active tuberculosis.", ["inclusion", "exclusion"],
        "Prior exposure"),
    "criteria that include": (
        "Inclusion criteria include: age 40-80 years, a diagnosis of COPD and a smoking history of 10 pack-years or "
        "more. Exclusion criteria include: asthma, lung cancer and an exacerbation in the last 6 weeks.",
        ["inclusion", "exclusion"], "asthma"),
    "criteria for exclusion": (
        "Criteria for inclusion: adults over 18 years with a first episode of major depression rated 18 or more. "
        "Criteria for exclusion: bipolar disorder; current substance use disorder.", ["inclusion", "exclusion"],
        "bipolar"),
    "non-inclusion criteria": (
        "Inclusion criteria: adults over 18 years with a first episode of psychosis, followed in one of the centres; "
        "Non-inclusion criteria: pregnant women, persons under guardianship.", ["inclusion", "exclusion"],
        "pregnant women"),
    "a bullet right after the heading": (
        "Inclusion Criteria: stroke survivors 3 to 24 months after a first ischaemic stroke, able to give consent. "
        "EXCLUSION CRITERIA \u2022 Severe aphasia \u2022 Dementia", ["inclusion", "exclusion"], "\u2022 Severe"),
    "a full-width colon": (
        "Inclusion Criteria\uff1a Patients aged 18 to 75 years with chronic hepatitis B infection for at least 6 "
        "months; Exclusion Criteria\uff1a Co-infection with HIV", ["inclusion", "exclusion"], "Co-infection"),
    "an exclusion heading line that goes on": (
        "Inclusion Criteria:\n\n* Age 18 to 70\n\nExclusion Criteria: Patients with any of the following conditions "
        "will not be eligible for the study:\n\n* Pregnancy\n* Active infection", ["inclusion", "exclusion"],
        "Patients with any"),
    "numbered one-line lists": (
        "Inclusion Criteria: 1. Age 18 to 75 years 2. Confirmed rheumatoid arthritis 3. Stable methotrexate dose "
        "Exclusion Criteria: 1. Pregnancy 2. Active hepatitis B", ["inclusion", "exclusion"], "1. Pregnancy"),
    "after a word longer than any that goes on": (
        "Inclusion Criteria: - Contact lens wearers using polyaminopropylbiguanidehydrochloridecontaining solutions "
        "Exclusion Criteria: - Corneal ulcer", ["inclusion", "exclusion"], "- Corneal ulcer"),
    "a group's heading on a line of its own": (
        "Inclusion Criteria:\n\n* Recipient aged 18 to 60 years\n\nDonor Inclusion Criteria:\n\n* Related donor aged "
        "18 to 55 years", ["inclusion", "inclusion"], "* Related donor"),
}

# (name, criteria text, the sections' names in order): a sentence that names the criteria opens no section.
NOT_SECTIONED = {
    "the following exclusion criteria are present": (
        "Inclusion Criteria:\n\n* Age 18 or older\n\nExclusion Criteria:\n\nPatients may not be enrolled if any of "
        "the following exclusion criteria are present:\n\n* Pregnancy", ["inclusion", "exclusion"]),
    "other protocol-defined criteria apply": (
        "Inclusion Criteria:\n\n* Age 18 or older\n* Other protocol-defined inclusion/exclusion criteria apply\n\n"
        "Exclusion Criteria:\n\n* Pregnancy", ["inclusion", "exclusion"]),
    "further exclusion criteria apply": (
        "Inclusion Criteria: Adults aged 18 to 65 years with asthma for at least one year. Further exclusion "
        "criteria apply.", ["inclusion"]),
    "a criterion's number referred to": (
        "Inclusion Criteria:\n\n* Prior radiotherapy allowed (but not per exclusion criteria 3.2)\n\nExclusion "
        "Criteria:\n\n* Pregnancy", ["inclusion", "exclusion"]),
    "MRI exclusion criteria in a criterion": (
        "Inclusion Criteria:\n\n* Age 18 or older\n* No General MRI exclusion criteria (including pacemaker, "
        "metallic implants)\n\nExclusion Criteria:\n\n* Pregnancy", ["inclusion", "exclusion"]),
    "criteria of the respective groups": (
        "Inclusion Criteria:\n\n* Age 18 or older\n\nExclusion Criteria:\n\n* Pregnancy\n\nIn cohorts A and B, "
        "specific exclusion criteria apply to the respective groups:\n\n* Prior surgery", ["inclusion", "exclusion"]),
    "a specific heading on its own line": (
        "Inclusion Criteria:\n\n* Age 18 or older\n\nSPECIFIC EXCLUSION CRITERIA FOR POST-STROKE APHASIA "
        "SUBJECTS:\n\n* Severe dysarthria", ["inclusion", "exclusion"]),
    "meets the following inclusion criteria": (
        "Inclusion Criteria:\n\n* Patients who meet the following Inclusion Criteria: age 18 or over and a "
        "confirmed diagnosis\n\nExclusion Criteria:\n\n* Pregnancy", ["inclusion", "exclusion"]),
    "a qualifier inside the sentence": (
        "Inclusion Criteria:\n\n* Age 18 or older\n\nExclusion Criteria:\n\n* Patients who meet any of the General "
        "Exclusion Criteria: see the protocol", ["inclusion", "exclusion"]),
    "inclusion and exclusion criteria together": (
        "Inclusion and Exclusion Criteria: see the protocol for the full eligibility of patients in this study, "
        "as approved by the ethics committee", ["criteria"]),
    "inclusion/exclusion criteria": (
        "Inclusion/Exclusion Criteria: adults with a confirmed diagnosis of chronic migraine for at least one year",
        ["criteria"]),
    "after a comma": (
        "Adults with type 2 diabetes treated with metformin, Exclusion Criteria: as in the parent study, which are "
        "listed in the protocol", ["criteria"]),
    "in brackets": (
        "Adults with type 2 diabetes treated with metformin for at least 3 months (see Exclusion Criteria: item 4) "
        "and willing to attend", ["criteria"]),
    "named in a sentence, lower case": (
        "Adults with type 2 diabetes. exclusion criteria: as in the parent study, which are listed in the protocol",
        ["criteria"]),
    "a group's heading that goes on": (
        "Inclusion Criteria: adults aged 18 to 65 years with asthma for at least one year. Exclusion criteria for "
        "part B: prior biologic therapy", ["inclusion"]),
}


def _words_after(text: str, start: int) -> str:
    return text[start:].strip(" \t\n")


@pytest.mark.parametrize("name", SECTIONED)
def test_a_heading_inside_a_line_opens_its_section(name):
    text, names, opening = SECTIONED[name]
    found = sections(text)
    assert [s.name for s in found] == names, found
    assert _words_after(text, found[-1].start).startswith(opening.strip())


@pytest.mark.parametrize("name", NOT_SECTIONED)
def test_a_sentence_naming_criteria_opens_no_section(name):
    text, names = NOT_SECTIONED[name]
    assert [s.name for s in sections(text)] == names


def test_the_heading_is_no_part_of_the_section_before():
    text = SECTIONED["one line, semicolons"][0]
    inclusion, exclusion = sections(text)
    assert text[inclusion.start:inclusion.end].strip() == (
        "Adults aged 18-65 years; HbA1c between 7.0% and 10.0%; on a stable dose of metformin for at least 3 months;")
    assert text[inclusion.end:exclusion.start] == "Exclusion Criteria:"


RUN_ON = ("Inclusion Criteria:\n\n* Stable angina pectoris for at least 3 months\n* Scheduled for elective coronary "
          "angiography (CAG) Exclusion Criteria:\u2022 Prior coronary artery bypass graft\n* Pregnant or breastfeeding "
          "women\n* Severe renal impairment")
LEGACY_RUN_ON = ("\n        Inclusion Criteria:\n\n          -  Chronic heart failure, NYHA class II-III\n\n"
                 "          -  Left ventricular ejection fraction below 40%. Exclusion Criteria: - Prior heart "
                 "transplant\n\n"
                 "          -  Pregnant or breastfeeding women\n      ")
AGE_RUN_ON = ("Inclusion Criteria:\n\n* Knee osteoarthritis confirmed by X-ray\n* Scheduled for total knee "
              "replacement (TKR) Exclusion Criteria:\u2022 Rheumatoid arthritis\n\u2022 Age over 75")
ONE_LINE_WOMEN = ("Inclusion Criteria: Women aged 18-70 with histologically confirmed breast cancer; ECOG 0-1. "
                  "Exclusion Criteria: Prior chemotherapy; pregnancy.")
ONE_LINE_AGES = ("Inclusion Criteria: Adults aged 18-65 years; HbA1c between 7.0% and 10.0%; stable metformin dose. "
                 "Exclusion Criteria: Type 1 diabetes; pregnant or breastfeeding women; age over 75.")
FEMALE_ONLY = "The inclusion criteria admit female participants only, which disagrees with the record's Sex '{}'."

# (name, criteria text, the record's Sex, the finding's message or None)
SEX_CASES = {
    "an excluded sex run on, Sex MALE": (RUN_ON, "MALE", None),
    "an excluded sex run on, Sex ALL": (RUN_ON, "ALL", None),
    "an excluded sex run on in a legacy list": (LEGACY_RUN_ON, "MALE", None),
    "an excluded sex on one line": (ONE_LINE_AGES, "ALL", None),
    "a sex admitted on one line, Sex MALE": (ONE_LINE_WOMEN, "MALE", FEMALE_ONLY.format("MALE")),
    "a sex admitted on one line, Sex ALL": (ONE_LINE_WOMEN, "ALL", FEMALE_ONLY.format("ALL")),
    "a sex admitted on one line, its own Sex": (ONE_LINE_WOMEN, "FEMALE", None),
}


@pytest.mark.parametrize("name", SEX_CASES)
def test_the_sex_rule_reads_the_inclusion_part_only(name):
    text, sex, message = SEX_CASES[name]
    found = [f.message for f in study_sex_findings("NCT00000001", text, sex, False)]
    assert found == ([message] if message else []), text


def _ages_message(said: str, side: str, minimum: str, maximum: str) -> str:
    return (f"The inclusion criteria state the participants' ages as {said}, which disagrees with the record's {side} "
            f"age (minimum '{minimum}', maximum '{maximum}').")


# (name, criteria text, minimum age, maximum age, the finding's message or None)
AGE_CASES = {
    "an excluded age run on": (AGE_RUN_ON, "18 Years", "75 Years", None),
    "an excluded age on one line, its limit agreed": (ONE_LINE_AGES, "18 Years", "65 Years", None),
    "an inclusion age on one line that disagrees": (
        ONE_LINE_AGES, "18 Years", "75 Years",
        _ages_message("18 years to 65 years", "maximum", "18 Years", "75 Years")),
    "an inclusion age on one line, women": (
        ONE_LINE_WOMEN, "18 Years", "65 Years",
        _ages_message("18 years to 70 years", "maximum", "18 Years", "65 Years")),
}


@pytest.mark.parametrize("name", AGE_CASES)
def test_the_age_rule_reads_the_inclusion_part_only(name):
    text, minimum, maximum, message = AGE_CASES[name]
    found = [f.message for f in study_age_findings("NCT00000001", text, minimum, maximum, False)]
    assert found == ([message] if message else []), text


def test_a_gap_is_named_by_the_inline_section():
    text = ("Inclusion Criteria: 1. Age 18 to 75 years 2. Confirmed rheumatoid arthritis 3. Stable methotrexate dose "
            "Exclusion Criteria: 1. Pregnancy 2. Active hepatitis B 4. Live vaccine within 4 weeks 5. Prior biologic")
    assert [(g.section, g.expected, g.found) for g in numbering_gaps(text)] == [("exclusion", 3, 4)]


def test_a_criterion_under_each_heading_is_not_stated_twice():
    text = ("Inclusion Criteria:\n\n* Able to walk 10 metres without assistance or walking aids\n* Adults aged 18 "
            "to 80 years (community dwelling) Exclusion Criteria:\n* Able to walk 10 metres without assistance or "
            "walking aids")
    assert repeated_items(text) == []

