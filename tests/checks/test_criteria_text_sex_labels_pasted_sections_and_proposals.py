"""Criteria text as real records write it: numbering, sex and healthy volunteers, a section pasted twice, and the
investigators proposing the study a record describes.

A line that only names a sex in the plural or a child's sex ("* Females", "* Males:", "* Girls", "**Boys**") heads that
group's criteria (criteria_group_labels' GROUP_LABEL), as "* Female" and "* Women" do. A criteria section written again
whole, heading and criteria word for word, with only headings naming no group and list items between, is a copy
(criteria_repeated_sections' `repeated_sections`). A bare "We propose a randomized trial of A versus B" proposes this
study; a proposal made later or conditional ("Based on these results, we propose ...") is another (study_context).
"""
from __future__ import annotations

import pytest

from checks import contradictions_criteria
from checks.criteria_group_labels import GROUP_LABEL
from checks.criteria_sex import study_healthy_findings, study_sex_findings
from checks.study_context import about_this_study, other_study
from tests.checks import harness

I, E = "Inclusion Criteria:\n", "\nExclusion Criteria:\n"
CONSENT = "Signed informed consent obtained before any study procedure"


def listed(*items: str, exclusions: tuple[str, ...] = ("Known hypersensitivity to the study drug",)) -> str:
    """Criteria as API v2 records write them: a bulleted inclusion list, then an exclusion list."""
    body = "\n".join(f"* {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n\nExclusion Criteria:\n\n" + "\n".join(f"* {e}" for e in exclusions)


def flat(first: str, second: str) -> str:
    """A flat bulleted list with one criterion stated under each of two lines."""
    return (f"Inclusion Criteria:\n\n{first}\n* Aged 18 to 45 years\n* {CONSENT}\n{second}\n* Aged 18 to 45 years\n"
            f"* {CONSENT}\n\nExclusion Criteria:\n\n* None")


BLOCK = ("Inclusion Criteria:\n\n* Age 18 years or older at the time of signing consent\n* Histologically confirmed "
         "diagnosis of breast cancer\n\nExclusion Criteria:\n\n* Pregnant or breastfeeding women at the time of "
         "screening\n* Known hypersensitivity to any component of the study drug\n")
NUMBERED_BLOCK = BLOCK.replace("* Age", "1. Age").replace("* Hist", "2. Hist").replace("* Preg", "1. Preg") \
    .replace("* Known", "2. Known")
OTHER_INCLUSION = BLOCK.replace("Age 18 years or older at the time of signing consent",
                                "Healthy adults with no history of any lung disease")
TWICE = "The {} criteria are written twice, word for word, each under the heading '{} Criteria:'."
INCLUSION_TWICE, EXCLUSION_TWICE = TWICE.format("inclusion", "Inclusion"), TWICE.format("exclusion", "Exclusion")

# (name, criteria text, the duplicate rule's messages)
DUPLICATES = {
    # new: a whole block or one section pasted twice
    "a block pasted twice": (BLOCK + "\n" + BLOCK, [INCLUSION_TWICE, EXCLUSION_TWICE]),
    "a numbered block pasted twice": (NUMBERED_BLOCK + NUMBERED_BLOCK, [INCLUSION_TWICE, EXCLUSION_TWICE]),
    "an inclusion section twice": (I + "\n* Age 18 years or older at the time of signing consent\n\n" + I +
                                   "\n* Age 18 years or older at the time of signing consent\n" + E + "\n* None",
                                   [INCLUSION_TWICE]),
    "a block pasted twice, headings without colons": (
        BLOCK.replace(":", "") + "\n" + BLOCK.replace(":", ""),
        [INCLUSION_TWICE.replace(":'", "'"), EXCLUSION_TWICE.replace(":'", "'")]),
    "a block pasted twice with its spacing changed": (
        BLOCK + "\n\n\n" + BLOCK.replace("\n\n", "\n").replace("* ", "*  "), [INCLUSION_TWICE, EXCLUSION_TWICE]),
    # guards: each group's copy, or only a part alike
    "two cohorts' blocks under labels": ("Cohort A\n\n" + BLOCK + "\nCohort B\n\n" + BLOCK, []),
    "two parts' blocks under labels": ("Part 1 (dose escalation)\n" + BLOCK + "\nPart 2 (expansion)\n" + BLOCK, []),
    "two blocks with OR between": (BLOCK + "\nOR\n\n" + BLOCK, []),
    "two blocks under headings that name cohorts": (
        BLOCK.replace("Inclusion Criteria:", "Inclusion Criteria for Cohort A:") +
        BLOCK.replace("Inclusion Criteria:", "Inclusion Criteria for Cohort B:"), []),
    "two blocks under headings that name people": (
        BLOCK.replace("Inclusion Criteria:", "Inclusion Criteria - Patients:") +
        BLOCK.replace("Inclusion Criteria:", "Inclusion Criteria - Caregivers:"), []),
    "two groups sharing one exclusion list": (BLOCK + "\n" + OTHER_INCLUSION, []),
    "a sentence names the second set": (BLOCK + "\nFor the second visit the same criteria apply:\n" + BLOCK, []),
    "a short section twice": (I + "\n* None\n" + E + "\n* None\n\n" + I + "\n* None\n" + E + "\n* None", []),
    "a block once": (BLOCK, []),
    # new: a line naming a sex in the plural or a child's sex heads its group's criteria
    "criteria under Females and Males": (flat("* Females", "* Males"), []),
    "criteria under Girls and Boys": (flat("* Girls", "* Boys"), []),
    "criteria under bold FEMALES and MALES": (flat("**FEMALES**", "**MALES**"), []),
    "criteria under Females only and Males only": (flat("* Females only", "* Males only"), []),
    # guards: as before
    "criteria under Female and Male": (flat("* Female", "* Male"), []),
    "criteria under Women and Men": (flat("* Women", "* Men"), []),
    "criteria under Females: and Males:": (flat("Females:", "Males:"), []),
    "a criterion twice in one list": (listed(CONSENT, "Age 18 years or older", CONSENT),
                                      ["One inclusion criterion appears twice."]),
    "a criterion twice below a criterion naming women": (
        listed(CONSENT, "Females aged 18 to 45 years with PCOS", CONSENT), ["One inclusion criterion appears twice."]),
}

# (name, criteria text, the numbering gap rule's messages)
GAPS = {
    "a sub-list lettered": (I + "1. Age 18 or older\n2. One of the following:\n a. Diabetes\n b. Hypertension\n"
                            "3. Signed consent" + E + "1. Pregnancy\n2. HIV", []),
    "numbers restarting per section": (I + "1. Age 18\n2. ECOG 0-1\n3. Consent" + E + "1. Pregnancy\n2. HIV", []),
    "exclusions numbered on": (I + "1. Age 18\n2. ECOG 0-1\n3. Consent" + E + "4. Pregnancy\n5. HIV", []),
    "numbered with a bracket": (I + "1) Age 18\n2) ECOG 0-1\n3) Consent\n4) Measurable disease", []),
    "numbered in brackets": (I + "(1) Age 18\n(2) ECOG 0-1\n(3) Consent", []),
    "numbered in Roman numerals": (I + "i. Age 18\nii. ECOG 0-1\niii. Consent\niv. Measurable", []),
    "numbered 1.1, 1.2": (I + "1. Disease\n1.1 Histologically confirmed\n1.2 Measurable disease\n2. Organ function\n"
                          "2.1 ANC >= 1.5\n2.2 Platelets >= 100\n3. Consent", []),
    "numbered 1.1, 1.2 alone": (I + "1.1 Age 18 or older\n1.2 ECOG 0-1\n1.3 Consent" + E + "2.1 Pregnancy\n2.2 HIV",
                                []),
    "a deletion said below": (
        I + "1. Age 18\n2. ECOG 0-1\n4. Consent\nInclusion criterion 3 was deleted in amendment 2.", []),
    "a deletion's placeholder": (I + "1. Age 18\n2. ECOG 0-1\n3. Deleted in Amendment 2\n4. Consent", []),
    "a deletion said above": ("Note: inclusion criterion 3 was removed in protocol amendment 2.\n" + I +
                              "1. Age 18\n2. ECOG 0-1\n4. Consent\n5. Life expectancy", []),
    "a deletion said in brackets after the list": (
        I + "1. Age 18\n2. ECOG 0-1\n4. Consent\n5. Measurable\n(Criterion 3 deleted per Amendment 2)", []),
    "Grade 3 or 4.": (I + "1. Adverse event of Grade 3 or 4. Patients who recovered are eligible\n2. ECOG 0-1\n"
                      "3. Consent", []),
    "stage 1. 2.": (I + "1. Breast cancer stage 1. 2. ECOG 0-1\n3. Consent", []),
    "a page number on its own line": (I + "1. Age 18 or older\n2. ECOG 0-1\n\n12\n\n3. Consent\n4. Measurable", []),
    "a page header between items": (
        I + "1. Age 18 or older\n2. ECOG 0-1\n\nPage 12\n\n3. Consent\n4. Measurable", []),
    "footnote marks": (I + "1. Age 18 or older¹\n2. ECOG 0-1²\n3. Consent\n4. Measurable disease", []),
    "a quantity wrapped to a line's start": (I + "1. ECOG performance status of\n2. or less\n3. Consent\n"
                                             "4. Measurable", []),
    "a sub-list numbered with brackets": (I + "1. Adequate organ function:\n1) ANC >= 1.5\n2) Platelets >= 100\n"
                                          "3) Hb >= 9\n2. Signed consent\n3. Age 18", []),
    "an indented sub-list": (I + "1. Adequate organ function:\n   1. ANC >= 1.5\n   2. Platelets >= 100\n"
                             "2. Signed consent\n3. Age 18", []),
    "numbers on their own lines": (I + "1\nAge 18 or older\n2\nECOG 0-1\n3\nConsent", []),
    "lists restarting per cohort": (I + "Cohort A:\n1. Age 18\n2. ECOG 0-1\nCohort B:\n1. Age 12\n2. Weight 40 kg", []),
    "a version number": (I + "1. Toxicities resolved to grade 1 per CTCAE v 5. 0\n2. Age 18\n3. Consent", []),
    "a scale's values": (I + "1. Pre-stroke mRS of:\n   0. No symptoms\n   1. No significant disability\n2. Age 18\n"
                         "3. Consent", []),
    "a run-in list": ("Inclusion Criteria: 1. Age 18 or older 2. ECOG 0-1 3. Signed consent Exclusion Criteria: "
                      "1. Pregnancy 2. HIV", []),
    "ten and more": (I + "".join(f"{n}. Criterion {n}\n" for n in range(1, 13)), []),
    "a number written twice": (I + "1. Age\n2. ECOG\n2. Consent\n3. Measurable", []),
    "a criterion referred to": (I + "1. Age 18 or older (see criterion 5.)\n2. ECOG 0-1\n3. Consent", []),
    "years wrapped": (I + "1. Diagnosed within the last\n5. years\n2. ECOG\n3. Consent", []),
    "lettered groups over numbered lists": (I + "A. Patients\n1. Age 18\n2. ECOG\nB. Controls\n1. Age 18\n"
                                            "2. Healthy", []),
    "notes numbered below": (I + "1. Age 18\n2. ECOG 0-1 (see note 1)\n3. Consent\n\nNotes:\n1. ECOG as defined\n"
                             "2. ULN per lab", []),
    "a grade wrapped": (I + "1. History of neuropathy of grade\n3. or higher\n2. ECOG\n3. Consent", []),
    # firing guards
    "a number skipped": (I + "1. Age 18 or older\n2. ECOG 0-1\n4. Consent\n5. Measurable disease",
                         ["The numbered inclusion criteria jump to 4, so criterion 3 is missing."]),
    "a number skipped, markdown": ("Inclusion Criteria:\n\n* 1\\. Age 18\n* 2\\. ECOG 0-1\n* 4\\. Consent\n"
                                   "* 5\\. Measurable", ["The numbered inclusion criteria jump to 4, so criterion 3 is "
                                                         "missing."]),
    "a number skipped, brackets": (I + "1) Age 18\n2) ECOG 0-1\n4) Consent\n5) Measurable disease",
                                   ["The numbered inclusion criteria jump to 4, so criterion 3 is missing."]),
    "a number skipped, in brackets": (I + "(1) Age 18\n(2) ECOG 0-1\n(4) Consent\n(5) Life expectancy",
                                      ["The numbered inclusion criteria jump to 4, so criterion 3 is missing."]),
    "a list starting at 2": (I + "2. Age 18 or older\n3. ECOG 0-1\n4. Consent",
                             ["The numbered inclusion criteria start at 2, so criterion 1 is missing."]),
    "exclusions numbered on, skipping": (I + "1. Age 18\n2. ECOG 0-1\n3. Consent" + E + "5. Pregnancy\n6. HIV",
                                         ["The numbered exclusion criteria jump to 5, so criterion 4 is missing."]),
    "a run-in list skipping": ("Inclusion Criteria: 1. Age 18 or older 2. ECOG 0-1 4. Signed consent 5. Measurable "
                               "disease", ["The numbered inclusion criteria jump to 4, so criterion 3 is missing."]),
}

WOMEN = "The inclusion criteria admit female participants only, which disagrees with the record's Sex 'ALL'."
MEN = "The inclusion criteria admit male participants only, which disagrees with the record's Sex 'ALL'."
BOTH_NOT_MALE = ("The inclusion criteria admit male and female participants, which disagrees with the record's Sex "
                 "'MALE'.")
BOTH_NOT_FEMALE = ("The inclusion criteria admit male and female participants, which disagrees with the record's Sex "
                   "'FEMALE'.")
# (criteria text, record's Sex, the sex rule's message or None)
SEX = [
    (listed("Age 18-65", "Women of childbearing potential must use contraception"), "ALL", None),
    (listed("Women of childbearing potential must use contraception", "Age 18-65"), "ALL", None),
    (listed("Male participants must agree to use condoms", "Age 18-65"), "ALL", None),
    (listed("Male participants must agree to use condoms", "Age 18-65"), "FEMALE", None),
    (listed("Age 18-65", "Asthma", exclusions=("Pregnant or breastfeeding women are excluded",)), "ALL", None),
    (listed("Pregnant or breastfeeding women are excluded", "Age 18-65"), "ALL", None),
    (listed("Postmenopausal women aged 50-75", "Osteoporosis"), "FEMALE", None),
    (listed("Postmenopausal women aged 50-75", "Osteoporosis"), "ALL", WOMEN),
    (listed("Transgender women aged 18 or older", "HIV negative"), "ALL", None),
    (listed("Transgender women aged 18 or older", "HIV negative"), "MALE", None),
    (listed("Transgender women aged 18 or older", "HIV negative"), "FEMALE", None),
    (listed("Sex: Both", "Age 18-65"), "ALL", None),
    (listed("Sex: Both", "Age 18-65"), "FEMALE", None),
    (listed("Gender: Female (self-identified)", "Age 18-65"), "FEMALE", None),
    (listed("Gender: Female (self-identified)", "Age 18-65"), "ALL", None),
    (listed("Gender: Female", "Age 18-65"), "ALL", WOMEN),
    (listed("Sex: Male", "Age 18-65"), "ALL", MEN),
    (listed("Sex: Male or Female", "Age 18-65"), "MALE", BOTH_NOT_MALE),
    (listed("Men or women aged 18-65"), "ALL", None),
    (listed("Men or women aged 18-65"), "MALE", BOTH_NOT_MALE),
    (listed("Male or female patients aged 18 years or older"), "FEMALE", BOTH_NOT_FEMALE),
    (listed("Adult women with breast cancer", "Men with breast cancer are also eligible"), "FEMALE", None),
    (listed("Women aged 18 or older", "Males\n  * Partners of enrolled women"), "ALL", None),
    (listed("Females aged 18-45 years"), "ALL", WOMEN),
    (listed("Healthy men aged 18-45"), "ALL", MEN),
    (listed("Patients of either sex aged 18-65"), "MALE", None),
    (listed("Patients of both genders aged 18-65"), "FEMALE", None),
    (listed("Female sex at birth, aged 18-45"), "ALL", None),
    (listed("Women who have sex with women"), "ALL", None),
    (listed("Cisgender men aged 18+"), "ALL", None),
    (listed("Women and men aged 18-65"), "FEMALE", BOTH_NOT_FEMALE),
    (listed("Mothers of children with autism"), "ALL", None),
    (listed("Women in the third trimester of pregnancy"), "ALL", None),
    (listed("Pregnant women aged 18-40"), "FEMALE", None),
    (listed("Male", "Age 40-75", "Prostate cancer"), "ALL", MEN),
    (listed("Male", "Age 40-75", "Prostate cancer"), "MALE", None),
    (listed("Men (including transgender women) aged 18+"), "MALE", None),
    (listed("Men who have sex with men aged 18+"), "MALE", None),
    (listed("Women: premenopausal with regular cycles"), "ALL", None),
    ("Inclusion Criteria:\n\nCohort A\n* Women aged 18-65 with breast cancer\nCohort B\n* Men aged 18-65 with "
     "prostate cancer\n\nExclusion Criteria:\n\n* None", "ALL", None),
    ("Inclusion Criteria:\n\n* Females\n  * Aged 18-45\n* Males\n  * Aged 18-65\n\nExclusion Criteria:\n\n* None",
     "ALL", None),
    ("Inclusion Criteria:\n\n* Females\n* Aged 18-45\n* Males\n* Aged 18-65\n\nExclusion Criteria:\n\n* None",
     "FEMALE", None),
    ("Inclusion Criteria:\n\n* Girls\n  * Aged 8-12\n* Boys\n  * Aged 8-12\n\nExclusion Criteria:\n\n* None", "ALL",
     None),
    ("Inclusion Criteria:\n\n* Women aged 18-45 with PCOS\n\nHealthy controls:\n* Men or women aged 18-45\n\n"
     "Exclusion Criteria:\n\n* None", "ALL", None),
    ("Inclusion Criteria:\n\n* Women aged 18-45 with PCOS\n\n* FEMALES:\n  * Age 18 to 45\n* MALES:\n  * Age 18 to "
     "65\n\nExclusion Criteria:\n\n* None", "ALL", None),
]

# (criteria text, whether the healthy-volunteer rule fires against Healthy Volunteers 'No')
HEALTHY = [
    (listed("Patients with COPD aged 40-80", "Healthy volunteers\n  * Age 40-80 with normal spirometry"), True),
    (listed("Healthy controls aged 18-65 matched for age and sex"), True),
    (listed("Diagnosis of type 2 diabetes", "Otherwise healthy as judged by the investigator"), False),
    (listed("Generally healthy except for the condition under study", "Diagnosis of psoriasis"), False),
    (listed("In good health as judged by the investigator", "Diagnosis of psoriasis"), False),
    (listed("In good general health", "Chronic plaque psoriasis for 6 months"), False),
    (listed("Healthy volunteers are not eligible", "Diagnosis of asthma"), False),
    (listed("Healthy Volunteers: No", "Diagnosis of asthma"), False),
    (listed("Healthy volunteers with asthma"), False),
    (listed("Healthy adult subjects aged 18-55"), True),
    (listed("Healthy male and female volunteers aged 18-45"), True),
    (listed("Normal volunteers aged 21-65"), True),
    (listed("Systemically healthy adults with chronic periodontitis"), False),
    (listed("Healthy skin at the test site", "Atopic dermatitis"), False),
    ("Inclusion Criteria:\n\nPatients:\n* Confirmed sepsis\n\nHealthy controls:\n* Age 18-65 with no acute illness\n\n"
     "Exclusion Criteria:\n\n* None", True),
]

# (line, whether it only names a group)
LABELS = [
    ("* Females", True), ("* Males:", True), ("Females", True), ("**Females**", True), ("* Girls", True),
    ("Boys:", True), ("* Females only", True), ("* Females (n = 20)", True), ("MALES", True),
    ("* Female", True), ("* Women", True), ("Men", True),
    ("* Females aged 18-45 years", False), ("* Males must use condoms", False),
    ("* Females of childbearing potential must use contraception", False), ("* Girls with Turner syndrome", False),
    ("* Boys aged 8-12 years", False), ("* Pregnant women", False), ("* Males or females", False),
]

# (sentence, whether it speaks of another study)
PROPOSALS = [
    ("We propose a randomized, double-blind trial comparing drug A with placebo in 200 adults.", False),
    ("We propose a double-blind, placebo-controlled study of drug X.", False),
    ("In this application we propose a randomized trial of exercise.", False),
    ("We propose a pragmatic, cluster-randomised trial in 40 practices.", False),
    ("Based on these results, we propose a randomized controlled study.", True),
    ("If it is feasible, we propose a randomized controlled study.", True),
    ("Next, we propose a multicentre trial.", True),
    ("Once feasibility is shown, we propose a randomised trial.", True),
    ("We will then propose a larger trial.", True),
    ("We would propose a randomized trial.", True),
    ("This study will give foundational data from which to propose a randomized controlled study.", True),
    ("Should the pilot succeed, we propose a definitive trial.", True),
    ("Following the pilot, we propose a larger randomized trial.", True),
    ("Ultimately, we propose a phase 3 trial.", True),
]


@pytest.fixture(scope="module")
def duplicate_messages() -> dict[str, list[str]]:
    """The duplicate rule's messages for every text of DUPLICATES."""
    return harness.criteria_rule_messages(contradictions_criteria.duplicate_criterion,
                                          {name: text for name, (text, _) in DUPLICATES.items()})


@pytest.fixture(scope="module")
def gap_messages() -> dict[str, list[str]]:
    """The numbering gap rule's messages for every text of GAPS."""
    return harness.criteria_rule_messages(contradictions_criteria.criteria_numbering_gap,
                                          {name: text for name, (text, _) in GAPS.items()})


@pytest.mark.parametrize("name", DUPLICATES)
def test_a_section_pasted_twice_and_groups_named_by_sex(duplicate_messages, name):
    assert duplicate_messages[name] == DUPLICATES[name][1]


@pytest.mark.parametrize("name", GAPS)
def test_list_numbers_as_records_write_them(gap_messages, name):
    assert gap_messages[name] == GAPS[name][1]


@pytest.mark.parametrize("text, sex, message", SEX, ids=[f"{c[1]}:{c[0][22:90]}" for c in SEX])
def test_who_the_criteria_admit_by_sex(text, sex, message):
    found = [f.message for f in study_sex_findings("NCT00000001", text, sex, False)]
    assert found == ([message] if message else []), (text, sex)


@pytest.mark.parametrize("text, fires", HEALTHY, ids=[c[0][22:100] for c in HEALTHY])
def test_healthy_people_in_criteria(text, fires):
    assert bool(list(study_healthy_findings("NCT00000001", text, False))) is fires, text


@pytest.mark.parametrize("line, label", LABELS)
def test_a_line_naming_only_a_sex_is_a_groups_label(line, label):
    assert (GROUP_LABEL.fullmatch(line) is not None) is label, line


@pytest.mark.parametrize("sentence, other", PROPOSALS)
def test_a_study_proposed_now_or_later(sentence, other):
    assert (other_study(sentence) is not None) is other, sentence
    assert about_this_study(sentence, narrative=True) is not other, sentence
