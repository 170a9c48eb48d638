"""A criteria heading without a colon that ends a list item's line, as a flattened legacy list runs it on.

"-  Age 18-30 Exclusion Criteria" followed by the line "-  Smokers": the exclusion heading lost its line and its colon,
and stands at the end of the last inclusion item. It opens the exclusion section there when the line opens a list
item, a criterion's last word or end stands before the heading, the heading's words are capitalised, and the next line
with words opens a list item. A sentence that names the criteria at the end of its line opens nothing ("- Patients
who meet any of the Exclusion Criteria", "- see the exclusion criteria"), so an exclusion of women under a heading run
on this way is not read as the inclusion criteria admitting women only.
"""
from __future__ import annotations

import pytest

from checks.criteria_sections import sections
from checks.criteria_sex import study_sex_findings

LEGACY = ("\n        Inclusion Criteria:\n\n          -  Both genders and all races will be invited to participate\n\n"
          "          -  BMI > 19 and < 35\n\n          -  Age 18-30 Exclusion Criteria\n\n          -  Smokers\n\n"
          "          -  Post-menopausal women\n\n        For the MRI, the following exclusion criteria apply:\n\n"
          "          -  Individuals who have a heart pacemaker\n      ")

# (name, criteria text, the sections' names in order, the words that open the last section)
SECTIONED = {
    "a legacy list, after an age": (LEGACY, ["inclusion", "exclusion"], "-  Smokers"),
    "carriage returns": (
        "Inclusion Criteria:\r\n\r\n  -  Age 18-30 Exclusion Criteria\r\n\r\n  -  Smokers", ["inclusion", "exclusion"],
        "-  Smokers"),
    "capitals": (
        "Inclusion Criteria:\n\n* Adults with asthma EXCLUSION CRITERIA\n* Current smokers", ["inclusion", "exclusion"],
        "* Current smokers"),
    "after a bracket": (
        "Inclusion Criteria:\n\n- Scheduled for elective coronary angiography (CAG) Exclusion Criteria\n- Pregnancy",
        ["inclusion", "exclusion"], "- Pregnancy"),
    "after a full stop, with a full stop": (
        "Inclusion Criteria:\n\n1. Age 18 to 65 years. Exclusion Criteria.\n1. Pregnancy", ["inclusion", "exclusion"],
        "1. Pregnancy"),
    "a legacy item's wrapped line": (
        "Inclusion Criteria:\n\n  -  Fertile patients must use effective contraception during and for 3 months after"
        "\n     completion of study therapy Exclusion Criteria\n\n  -  Known severe hypersensitivity to gefitinib",
        ["inclusion", "exclusion"], "-  Known severe"),
    "a key heading": (
        "Inclusion Criteria:\n\n- Stable angina for at least 3 months Key Exclusion Criteria\n\n- Prior bypass graft",
        ["inclusion", "exclusion"], "- Prior bypass"),
    "an inclusion heading after a preamble item": (
        "- Healthy volunteers are recruited by advertisement Inclusion Criteria\n- Age 18 to 30",
        ["criteria", "inclusion"], "- Age 18 to 30"),
}

# (name, criteria text, the sections' names in order): a heading's words at a line's end that open nothing.
NOT_SECTIONED = {
    "meets any of the exclusion criteria": (
        "Inclusion Criteria:\n\n- Age 18 or older\n- Patients who meet any of the Exclusion Criteria\n- Pregnancy",
        ["inclusion"]),
    "lower case words": (
        "Inclusion Criteria:\n\n- Age 18 or older\n- All other patients are assessed by the exclusion criteria\n"
        "- Pregnancy", ["inclusion"]),
    "lower case criteria": (
        "Inclusion Criteria:\n\n- Age 18-30 Exclusion criteria\n- Smokers", ["inclusion"]),
    "after a colon": (
        "Inclusion Criteria:\n\n- Applies to: Exclusion Criteria\n- Smokers", ["inclusion"]),
    "after a comma": (
        "Inclusion Criteria:\n\n- Adults with asthma, Exclusion Criteria\n- Smokers", ["inclusion"]),
    "not a list item's line": (
        "Inclusion Criteria:\n\nAdults aged 18-30 years Exclusion Criteria\n- Smokers", ["inclusion"]),
    "a paragraph's wrapped line": (
        "Inclusion Criteria:\n\nAdults who are aged 18 to 30 years and who\n  signed consent Exclusion Criteria\n"
        "- Smokers", ["inclusion"]),
    "a wrapped line after a blank line": (
        "Inclusion Criteria:\n\n- Adults who are aged 18 to 30 years and who\n\n  signed consent Exclusion Criteria\n"
        "- Smokers", ["inclusion"]),
    "a wrapped line that is not indented": (
        "Inclusion Criteria:\n\n- Adults who are aged 18 to 30 years and who\nsigned consent Exclusion Criteria\n"
        "- Smokers", ["inclusion"]),
    "a wrapped line that names the criteria": (
        "Inclusion Criteria:\n\n  -  Adults with asthma, except for inhaled steroids as allowed by\n"
        "     the Exclusion Criteria\n\n  -  Pregnancy", ["inclusion"]),
    "no list item after it": (
        "Inclusion Criteria:\n\n- Age 18-30 Exclusion Criteria\n\nSmokers are not eligible", ["inclusion"]),
    "the end of the text": ("Inclusion Criteria:\n\n- Age 18-30 Exclusion Criteria", ["inclusion"]),
    "inclusion/exclusion criteria": (
        "Inclusion Criteria:\n\n- Age 18 or older\n- Other protocol-defined Inclusion/Exclusion Criteria\n"
        "- Pregnancy", ["inclusion"]),
    "as in the exclusion criteria": (
        "Inclusion Criteria:\n\n- Prior radiotherapy allowed as in Exclusion Criteria\n- Pregnancy", ["inclusion"]),
}


@pytest.mark.parametrize("name", SECTIONED)
def test_a_bare_heading_ending_a_list_item_opens_its_section(name):
    text, names, opening = SECTIONED[name]
    found = sections(text)
    assert [s.name for s in found] == names, found
    assert text[found[-1].start:].strip(" \t\r\n").startswith(opening)


@pytest.mark.parametrize("name", NOT_SECTIONED)
def test_heading_words_ending_a_sentence_open_no_section(name):
    text, names = NOT_SECTIONED[name]
    assert [s.name for s in sections(text)] == names


def test_the_heading_is_no_part_of_the_inclusion_section():
    inclusion = sections(LEGACY)[0]
    assert LEGACY[inclusion.start:inclusion.end].rstrip().endswith("-  Age 18-30")


@pytest.mark.parametrize("sex", ["ALL", "MALE"])
def test_an_excluded_sex_under_a_bare_heading_is_no_inclusion(sex):
    assert list(study_sex_findings("NCT00000001", LEGACY, sex, False)) == []
