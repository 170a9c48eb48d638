"""Phrases of the criteria rules: list numbers written full-width, two nouns of one sex, other people's labels, and
healthy people who are contacts of a case, at risk, or born to mothers with a condition.

A list number written with a full-width point or bracket or the ideographic full stop ("3．", "（3）", "3。"), as Chinese,
Japanese and Korean records write them, is a list number (criteria_list_numbers' `LINE_MARKER`): the number it stands
for is not missing, however far above the gap it stands, and a gap after it names only the numbers skipped. "Girls and
women" and "Men and boys" admit one sex, not both. A line that only names other people ("* Clinicians", "* Nurses", "*
Staff", "* Relatives") heads their criteria (criteria_group_labels' GROUP_LABEL), for the sex and age rules as for the
duplicate rule. Healthy adults who are household or close contacts of a case, or at increased risk of the disease, and
healthy infants of mothers with a condition are exposed to it, not healthy volunteers (as "exposed", "at risk" and "born
to" already said).
"""
from __future__ import annotations

import pytest

from checks import contradictions_criteria
from checks.criteria_ages import study_age_findings
from checks.criteria_group_labels import GROUP_LABEL
from checks.criteria_sex import study_healthy_findings, study_sex_findings
from tests.checks import harness

FILLER = "，患者及家属理解并签署" * 30  # a long criterion: the number written full-width stands far above the gap


def listed(*items: str) -> str:
    """Criteria as API v2 records write them: a bulleted inclusion list with the items, then an exclusion list."""
    body = "\n".join(f"* {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n\nExclusion Criteria:\n\n* Known hypersensitivity to the study drug"


# (name, criteria text, the numbering gap rule's messages)
GAPS = {
    "a full-width point far above the next number": (
        f"入选标准：\n1. 年龄18-75岁\n2. ECOG评分0-1分\n3．签署知情同意书{FILLER}\n4. 预计生存期≥3个月", []),
    "full-width brackets far above the next number": (
        f"Inclusion Criteria:\n(1) Age 18-75 years\n(2) ECOG 0-1\n（3）签署知情同意书{FILLER}\n(4) Life expectancy", []),
    "an ideographic full stop, then a number skipped": (
        "入选标准：\n1. 年龄18-75岁\n2. ECOG评分0-1分\n3。签署知情同意书\n5. 预计生存期≥3个月",
        ["The numbered criteria jump to 5, so criterion 4 is missing."]),
    "full-width points, then a number skipped": (
        "入选标准：\n1．年龄18-75岁\n2. ECOG评分0-1分\n3．签署知情同意书\n5. 预计生存期≥3个月",
        ["The numbered criteria jump to 5, so criterion 4 is missing."]),
    # a guard: a full-width list below an item, numbered from 1, goes on the list above after it
    "a full-width list below an item": (
        "Inclusion Criteria:\n1. Adequate organ function:\n（1）ANC ≥ 1.5 x 10^9/L\n（2）Platelets ≥ 100 x 10^9/L\n"
        "2. Signed informed consent", []),
    "a full-width number that skips one": (
        "Inclusion Criteria:\n1. Age 18-75 years\n2. ECOG 0-1\n4．Signed informed consent\n5. Life expectancy",
        ["The numbered inclusion criteria jump to 4, so criterion 3 is missing."]),
}

CONSENT = "Signed informed consent form before any study procedure"
# (name, criteria text, the duplicate rule's messages)
DUPLICATES = {
    "a criterion twice in a full-width list": (
        f"入选标准：\n1. 年龄18-75岁\n（1）{CONSENT}\n（2）Age 18 to 75 years with a confirmed diagnosis of asthma\n"
        f"（3）{CONSENT}", ["Criterion 3 repeats criterion 1 word for word."]),
    # a guard: each group's full-width list below its numbered label states the criterion once for the group
    "the same criterion in two groups' full-width lists": (
        f"入选标准：\n1. 患者组：\n（1）Age 18 to 75 years with a confirmed diagnosis of asthma\n（2）{CONSENT}\n"
        f"2. 健康对照组：\n（1）Age 18 to 75 years without any lung disease\n（2）{CONSENT}", []),
}

# (criteria text, record's Sex, the sex rule's message or None)
FEMALE_ONLY = "The inclusion criteria admit female participants only, which disagrees with the record's Sex 'ALL'."
SEX = [
    # two nouns of one sex admit that sex
    (listed("Girls and women aged 12-45 years"), "FEMALE", None),
    (listed("Women and girls aged 12 years or older with HIV"), "FEMALE", None),
    (listed("Men and boys aged 10 years or older"), "MALE", None),
    (listed("Boys and men with haemophilia A"), "MALE", None),
    (listed("Females/women aged 18-45"), "FEMALE", None),
    (listed("Women or girls with Turner syndrome"), "FEMALE", None),
    (listed("Girls and women aged 12-45 years"), "ALL", FEMALE_ONLY),
    (listed("Men and boys aged 10 years or older"), "ALL",
     "The inclusion criteria admit male participants only, which disagrees with the record's Sex 'ALL'."),
    (listed("Boys and girls aged 8-12 years"), "FEMALE",
     "The inclusion criteria admit male and female participants, which disagrees with the record's Sex 'FEMALE'."),
    (listed("Men and postmenopausal women aged 50-80 years"), "MALE",
     "The inclusion criteria admit male and female participants, which disagrees with the record's Sex 'MALE'."),
    # other people's criteria below a line that names them
    (listed("Women aged 40-70 years with breast cancer", "Clinicians\n  * Oncologists at participating sites"), "ALL",
     None),
    (listed("Women aged 40-70 years with breast cancer", "Nurses\n  * Registered nurses working on the unit"), "ALL",
     None),
    (listed("Men aged 18 and older with HIV", "Staff\n  * Clinic staff delivering the intervention"), "ALL", None),
    (listed("Girls aged 12-17 years", "Teachers\n  * Teaching at a participating school"), "ALL", None),
    (listed("Women aged 18-45 with endometriosis", "Relatives\n  * First-degree relative of an enrolled patient"),
     "ALL", None),
    (listed("Women aged 40-70 years with breast cancer", "Clinicians treating the patient at the site"), "ALL",
     FEMALE_ONLY),
    (listed("Women aged 40-70 years with breast cancer", "Nurses must have 2 years of experience"), "ALL",
     FEMALE_ONLY),
]

# (criteria text, whether the healthy-volunteer rule fires against Healthy Volunteers 'No')
HEALTHY = [
    (listed("Healthy adults aged 18-64 years who are household contacts of a person with TB"), False),
    (listed("Healthy adults 18-64 years who are household contacts of an index case with TB"), False),
    (listed("Healthy adults who are close contacts of a confirmed COVID-19 case"), False),
    (listed("Healthy participants aged 65 years or older who are at risk of RSV"), False),
    (listed("Healthy adults aged 60 years or older at increased risk of RSV disease"), False),
    (listed("Healthy infants of mothers with HIV"), False),
    (listed("Healthy infants of mothers aged 18 years or older"), True),
    (listed("Healthy adults 18-45 years who are willing to comply with study visits"), True),
    (listed("Healthy adults 18 years or older with no history of hepatitis B"), True),
    (listed("Healthy volunteers aged 18-55 years who are non-smokers"), True),
    (listed("Healthy adults 18 to 50 years of age"), True),
    (listed("Healthy adults aged 18-64 years who have received 2 doses of an mRNA vaccine"), True),
]

# (criteria text, minimum age, maximum age, whether the age rule fires)
AGES = [
    ("Inclusion Criteria:\n\n* Children with asthma\n* Clinicians\n  * Aged 21 years or older\n  * Treating children "
     "at a participating clinic\n\nExclusion Criteria:\n\n* None", "2 Years", "12 Years", False),
    ("Inclusion Criteria:\n\n* Diagnosis of dementia\n\n* Staff\n  * Aged 18 years or older\n  * Working in the care "
     "home\n\nExclusion Criteria:\n\n* None", "65 Years", None, False),
    ("Inclusion Criteria:\n\n* Clinicians aged 21 years or older\n* Treating children at a participating clinic\n\n"
     "Exclusion Criteria:\n\n* None", "18 Years", None, True),
]


def _messages(rule, cases: dict[str, tuple[str, list[str]]]) -> dict[str, list[str]]:
    """The rule's messages for each case's text, each text one study of one evaluation."""
    return harness.criteria_rule_messages(rule, {name: text for name, (text, _) in cases.items()})


@pytest.fixture(scope="module")
def gap_messages() -> dict[str, list[str]]:
    """The numbering gap rule's messages for every text of GAPS."""
    return _messages(contradictions_criteria.criteria_numbering_gap, GAPS)


@pytest.fixture(scope="module")
def duplicate_messages() -> dict[str, list[str]]:
    """The duplicate rule's messages for every text of DUPLICATES."""
    return _messages(contradictions_criteria.duplicate_criterion, DUPLICATES)


@pytest.mark.parametrize("name", GAPS)
def test_list_numbers_written_full_width_are_list_numbers(gap_messages, name):
    assert gap_messages[name] == GAPS[name][1]


@pytest.mark.parametrize("name", DUPLICATES)
def test_full_width_lists_state_a_criterion_twice_as_ascii_lists_do(duplicate_messages, name):
    assert duplicate_messages[name] == DUPLICATES[name][1]


@pytest.mark.parametrize("text, sex, message", SEX, ids=[f"{c[1]}:{c[0][22:90]}" for c in SEX])
def test_who_the_criteria_admit_by_sex(text, sex, message):
    found = [f.message for f in study_sex_findings("NCT00000001", text, sex, False)]
    assert found == ([message] if message else []), (text, sex)


@pytest.mark.parametrize("text, fires", HEALTHY, ids=[c[0][22:100] for c in HEALTHY])
def test_healthy_people_who_are_contacts_or_at_risk(text, fires):
    assert bool(list(study_healthy_findings("NCT00000001", text, False))) is fires, text


@pytest.mark.parametrize("text, minimum, maximum, fires", AGES, ids=[c[0][22:70] for c in AGES])
def test_ages_below_a_line_naming_other_people(text, minimum, maximum, fires):
    assert bool(list(study_age_findings("NCT00000001", text, minimum, maximum, True))) is fires, text


@pytest.mark.parametrize("line", ["* Clinicians", "* Nurses", "**Staff**", "* Staff members", "* Teachers",
                                  "* Relatives", "* Dyads", "* Healthcare providers", "* Health care workers:",
                                  "* Nurses (n = 20):"])
def test_a_line_naming_only_other_people_is_a_groups_label(line):
    assert GROUP_LABEL.fullmatch(line) is not None, line


@pytest.mark.parametrize("line", ["* Nurses must have 2 years of experience", "* Clinicians treating the patient",
                                  "* Staff trained in the protocol", "* Healthcare workers aged 18-65", "* Patients"])
def test_a_criterion_about_other_people_is_no_label(line):
    assert GROUP_LABEL.fullmatch(line) is None, line
