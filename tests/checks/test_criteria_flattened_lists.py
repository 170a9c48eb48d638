"""Ages, sex and healthy volunteers stated inside a flattened list: a dashed list whose line breaks were lost, its items
joined by " - " on one line ("Inclusion Criteria: - Diagnosis of autism - Aged 6 to 12 years - IQ above 70").

Each item of such a line is read as a criterion of its own, so an age or a sex stated in its second item, or further
than a criterion is read into the line, is compared with the record's ages and Sex. A spaced dash marks no item in a
range ("18 - 65 years", "ECOG 0 - 2", "ASA class I - III", "C1 - T2"), in a word joined by a spaced hyphen ("non -
smoker"), before a word that carries the sentence on ("- Or 16 years with parental consent"), after another dash ("-
-"), nor in a line of a list whose items open lines of their own.
"""
from __future__ import annotations

import pytest

from checks.criteria_age_statement import criteria_pieces
from checks.criteria_ages import study_age_findings
from checks.criteria_sections import sections
from checks.criteria_sex import study_healthy_findings, study_sex_findings

EXCLUSION = " Exclusion Criteria: - Pregnant or breastfeeding women - Known allergy to the study drug"


def flat(*items: str, heading: str = "Inclusion Criteria:") -> str:
    """A list flattened onto one line: its heading, its items each after " - ", then a flattened exclusion list."""
    return heading + "".join(f" - {item}" for item in items) + EXCLUSION


def _ages_differ(said: str, sides: str, minimum: str, maximum: str) -> str:
    return (f"The inclusion criteria state the participants' ages as {said}, which disagrees with the record's {sides} "
            f"age (minimum '{minimum}', maximum '{maximum}').")


LONG_DIAGNOSIS = ("Diagnosis of autism spectrum disorder by a child psychiatrist according to DSM-IV criteria, "
                  "confirmed by the Autism Diagnostic Observation Schedule and the Autism Diagnostic Interview")

# (name, criteria text, minimum age, maximum age, the finding's message or None)
AGE_CASES = {
    # fire: the age item stands inside the line, after another item
    "aged after a diagnosis": (
        flat("Diagnosis of autism spectrum disorder by a child psychiatrist", "Aged 6 to 12 years", "IQ above 70"),
        "18 Years", "N/A", _ages_differ("6 years to 12 years", "minimum and maximum", "18 Years", "N/A")),
    "age after a long item": (
        flat(LONG_DIAGNOSIS, "Sleep onset delay of 30 minutes or more", "Age 4 to 10 years", "IQ of 70 or more"),
        "4 Years", "12 Years", _ages_differ("4 years to 10 years", "maximum", "4 Years", "12 Years")),
    "heading on its own line": (
        "Inclusion Criteria:\n\n- Moderate to severe plaque psoriasis for at least 6 months - Age 18 to 65 years - "
        "PASI of 12 or more\n\nExclusion Criteria:\n\n- Pregnancy", "18 Years", "N/A",
        _ages_differ("18 years to 65 years", "maximum", "18 Years", "N/A")),
    "an item led by its age": (
        flat("Diagnosis of attention deficit hyperactivity disorder", "6 to 12 years old", "Attending school"),
        "6 Years", "17 Years", _ages_differ("6 years to 12 years", "maximum", "6 Years", "17 Years")),
    "capitals": (
        flat("DIAGNOSIS OF CHRONIC OBSTRUCTIVE PULMONARY DISEASE", "AGE 40 TO 75 YEARS", "SMOKING HISTORY OF 10 "
             "PACK-YEARS OR MORE", heading="INCLUSION CRITERIA:"),
        "40 Years", "N/A", _ages_differ("40 years to 75 years", "maximum", "40 Years", "N/A")),
    "items closed by full stops": (
        flat("Diagnosis of autism spectrum disorder by a child psychiatrist.", "Aged 6 to 12 years.",
             "IQ above 70."), "5 Years", "12 Years", _ages_differ("6 years to 12 years", "minimum", "5 Years",
                                                                  "12 Years")),
    "hard-wrapped after flattening": (
        "Inclusion Criteria: - Type 2 diabetes treated with metformin for at least 3 months - HbA1c between 7.0%\n"
        "and 10.0% - Age 30 to 70 years - Body mass index below 40" + EXCLUSION, "18 Years", "70 Years",
        _ages_differ("30 years to 70 years", "minimum", "18 Years", "70 Years")),
    "after an item of two sentences": (
        flat("Patients must meet NINCDS-ADRDA criteria for probable Alzheimer's disease. Patients must have disrupted "
             "sleep, documented by clinical history", "Aged 60 to 70 years", "MMSE score 0-26."), "55 Years", "N/A",
        _ages_differ("60 years to 70 years", "minimum and maximum", "55 Years", "N/A")),
    "after an item with a semicolon": (
        flat("In good health; any underlying chronic illness must be documented to be in stable condition",
             "Aged 55 to 70 years", "Signed and dated informed consent"), "50 Years", "N/A",
        _ages_differ("55 years to 70 years", "minimum and maximum", "50 Years", "N/A")),
    "a heading that ends with a dash": (
        "Inclusion criteria - Adult participants who voluntarily sign the informed consent - Aged 23 to 70 years - "
        "Fasting triglycerides of 150 mg/dL or more" + EXCLUSION, "18 Years", "N/A",
        _ages_differ("23 years to 70 years", "minimum and maximum", "18 Years", "N/A")),
    # quiet: agreeing, ranges kept whole, a qualified limit, a list that kept its line breaks
    "agreeing": (
        flat("Diagnosis of autism spectrum disorder by a child psychiatrist", "Aged 6 to 12 years", "IQ above 70"),
        "6 Years", "12 Years", None),
    "a range with spaced hyphens": (
        flat("Diagnosis of persistent asthma for at least one year", "Age 18 - 65 years", "Non - smoker"),
        "18 Years", "65 Years", None),
    "a range of years and years": (
        flat("Diagnosis of persistent asthma for at least one year", "Age 18 years - 65 years", "FEV1 40 - 80%"),
        "18 Years", "65 Years", None),
    "an alternative carried on by or": (
        flat("Diagnosis of persistent asthma for at least one year", "Age 18 years or older - Or 16 years with "
             "parental consent"), "16 Years", "N/A", None),
    "another item naming a younger group": (
        flat("Diagnosis of persistent asthma for at least one year", "Age 18 to 65 years",
             "Adolescents aged 12 to 17 years in Part B"), "12 Years", "65 Years", None),
    "a single dash inside a dashed list": (
        "Inclusion Criteria:\n\n  -  Performance status - ECOG 0 or 1\n\n  -  Age 18 or older\n\n"
        "Exclusion Criteria:\n\n  -  Pregnancy", "18 Years", "N/A", None),
    "a double dash": (
        flat("Diagnosis of persistent asthma for at least one year - - Age 40 to 75 years"), "18 Years", "N/A",
        None),
}

# (name, criteria text, the record's Sex, the finding's message or None)
SEX_CASES = {
    "women after a diagnosis": (
        flat("Histologically confirmed invasive breast cancer, stage I to III", "Women aged 18 to 70 years",
             "ECOG 0-1"), "ALL",
        "The inclusion criteria admit female participants only, which disagrees with the record's Sex 'ALL'."),
    "men after a diagnosis": (
        flat("Localised prostate adenocarcinoma, Gleason score 6 to 7", "Men aged 50 to 80 years", "PSA below 20"),
        "FEMALE", "The inclusion criteria admit male participants only, which disagrees with the record's Sex "
                  "'FEMALE'."),
    "male or female against one sex": (
        flat("Chronic plaque psoriasis for at least 6 months", "Male or female, aged 18 to 65 years"), "MALE",
        "The inclusion criteria admit male and female participants, which disagrees with the record's Sex 'MALE'."),
    "women agreeing": (
        flat("Histologically confirmed invasive breast cancer, stage I to III", "Women aged 18 to 70 years",
             "ECOG 0-1"), "FEMALE", None),
    "both sexes in two items": (
        flat("Chronic plaque psoriasis for at least 6 months", "Women aged 18 to 45 years", "Men aged 18 to 60 "
             "years"), "ALL", None),
    "women joined by a dash inside a sentence": (
        flat("Chronic plaque psoriasis for at least 6 months - including women aged 18 to 45 years"), "ALL", None),
    "women after or": (
        flat("Chronic plaque psoriasis for at least 6 months", "Men aged 18 to 60 years - Or women after the "
             "menopause"), "ALL", None),
}

# (name, criteria text, the finding expected)
HEALTHY_CASES = {
    "healthy volunteers after consent": (
        flat("Signed informed consent before any study procedure", "Healthy male or female volunteers aged 18 to 45 "
             "years", "Body mass index 18.5 to 30 kg/m2"), True),
    "healthy beside a diagnosis": (
        flat("Diagnosis of moderate plaque psoriasis for at least 6 months", "Healthy, as determined by medical "
             "history and physical examination"), False),
}


@pytest.mark.parametrize("name", AGE_CASES)
def test_an_age_inside_a_flattened_list_is_compared(name):
    text, minimum, maximum, message = AGE_CASES[name]
    found = [f.message for f in study_age_findings("NCT00000001", text, minimum, maximum, True)]
    assert found == ([message] if message else []), text


@pytest.mark.parametrize("name", SEX_CASES)
def test_a_sex_inside_a_flattened_list_is_compared(name):
    text, sex, message = SEX_CASES[name]
    found = [f.message for f in study_sex_findings("NCT00000001", text, sex, False)]
    assert found == ([message] if message else []), text


@pytest.mark.parametrize("name", HEALTHY_CASES)
def test_healthy_volunteers_inside_a_flattened_list_are_compared(name):
    text, fires = HEALTHY_CASES[name]
    assert bool(list(study_healthy_findings("NCT00000001", text, False))) is fires, text


def _items(text: str) -> list[str]:
    """The criteria of the text's first section, as the age and sex rules read them."""
    first = sections(text)[0]
    pieces = (text[start:end].strip(" \t\n-") for start, end in criteria_pieces(text, first.start, first.end))
    return [piece for piece in pieces if piece]


# (name, criteria text, its first section's criteria): a dash that marks no item leaves its line whole.
PIECES = {
    "three items": (flat("Age 6 to 12 years", "Diagnosis of autism by a child psychiatrist", "IQ above 70"),
                    ["Age 6 to 12 years", "Diagnosis of autism by a child psychiatrist", "IQ above 70"]),
    "a digit-led item": (flat("Diagnosis of autism by a child psychiatrist", "6 to 12 years old"),
                         ["Diagnosis of autism by a child psychiatrist", "6 to 12 years old"]),
    "ranges": (flat("ECOG 0 - 2, ASA class I - III, spinal levels C1 - T2 or L1 - S1, tumour Grade 1 - Grade 3",
                    "Age 18 - 65 years"),
               ["ECOG 0 - 2, ASA class I - III, spinal levels C1 - T2 or L1 - S1, tumour Grade 1 - Grade 3",
                "Age 18 - 65 years"]),
    "joined words": (flat("Non - Hodgkin lymphoma in a non - smoker", "Anti - TNF therapy failed"),
                     ["Non - Hodgkin lymphoma in a non - smoker", "Anti - TNF therapy failed"]),
    "a dash inside a sentence": (
        "Inclusion Criteria: Adults with asthma - Including those on oral steroids - who consent to the study "
        "visits and blood draws", ["Adults with asthma - Including those on oral steroids - who consent to the study "
                                   "visits and blood draws"]),
    "a line that opens with no dash": (
        "Inclusion Criteria: Adults with asthma for one year - Age 18 to 65 years - Signed consent for the study "
        "visits", ["Adults with asthma for one year - Age 18 to 65 years - Signed consent for the study visits"]),
    "a single dash in a list that kept its line breaks": (
        "Inclusion Criteria:\n\n  -  Performance status - ECOG 0 or 1\n\n  -  Any risk of pregnancy - All women "
        "must use contraception\n\nExclusion Criteria:\n\n  -  Pregnancy",
        ["Performance status - ECOG 0 or 1", "Any risk of pregnancy - All women must use contraception"]),
    "a single dash in a list of one line": (
        "Inclusion Criteria:\n\n- Performance status ECOG 0 or 1 - Any risk of pregnancy excluded by a test\n\n"
        "Exclusion Criteria:\n\n- Pregnancy", ["Performance status ECOG 0 or 1", "Any risk of pregnancy excluded by a "
                                                 "test"]),
    "lower-case items": (flat("child BMI above the 5th percentile - child born at 37 weeks or later"),
                         ["child BMI above the 5th percentile - child born at 37 weeks or later"]),
}


@pytest.mark.parametrize("name", PIECES)
def test_a_flattened_list_is_cut_at_its_item_marks_only(name):
    text, expected = PIECES[name]
    assert _items(text) == expected
