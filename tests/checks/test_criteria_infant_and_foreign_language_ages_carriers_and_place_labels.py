"""Ages, sex and repeated criteria as registry records word them: infants' ages in weeks and days, ages written in other
languages, limits beside alternatives, other people's ages; a condition of the other sex's organs in a study of
inherited-risk carriers or of partners; the lines that name another list between two copies of a criterion.

contradictions.criteria_age_differs: a lower age of 0 ("Infants aged 0-6 months", "Age 0-17 years") sets no
minimum; a unit written in another language ("6-24 meses", "1-12 Monate", "2 to 11 anos") is that unit, not years,
and a bare letter ("0-6 m") leaves the age unread; the word for age in another language is read beside its unit
("Edad ≥ 18 años", "Alter ≥ 18 Jahre"); "aged 18+" and "18 years or more" are lower limits; the participants'
babies or children enrolled beside them ("* Their newborn infants") make the age not everyone's; an age in brackets
cut from its sentence ("... the booster. (18-59 years of age) on Day 29") is a note, not a criterion.
contradictions.condition_sex_differs: a study that names both an inherited risk and the sex it admits ("Prostate
Cancer Screening in Men With Germline BRCA1/2 Variants") lists the syndrome's cancers of the other sex; spousal,
dyadic and widowed people are others too.
contradictions.duplicate_criterion: a line that only names a sex or age group ("* Females", "* Adolescents"), a
country ("* Japan only", "* For participants in Korea"), a site, population or indication ("* Population 2"), a
sub-study or a time of the study's checks ("* Prior to Day 1", "* Visit 2") heads another list.
"""
from __future__ import annotations

import pytest

from checks import condition_sex, contradictions_criteria
from checks.criteria_ages import study_age_findings
from checks.criteria_headings import names_another_list
from tests.checks import harness
from tests.checks.cases_condition_sex import given


def listed(*items: str) -> str:
    """Criteria as API v2 records write them: a bulleted inclusion list with the items, then an exclusion list."""
    body = "\n".join(f"* {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n\nExclusion Criteria:\n\n* Known hypersensitivity to the study drug"


# (inclusion items, minimum age, maximum age, whether the age rule fires). "new": the reading changed.
AGES = [
    # a lower age of 0 is no minimum (new: each fired)
    (("Infants aged 0-6 months",), None, "6 Months", False),
    (("Age 0-17 years",), None, "17 Years", False),
    (("Aged 0 to 18 years",), "N/A", "18 Years", False),
    (("Age 0-17 years",), "1 Year", "17 Years", True),
    # units written in other languages (new: each was read in years)
    (("Age 6-24 meses",), "6 Months", "24 Months", False),
    (("Age 1-12 Monate",), "1 Month", "12 Months", False),
    (("Age 2 to 11 anos",), "2 Years", "11 Years", False),
    (("Age 6-24 meses",), "6 Years", "24 Years", True),
    (("Age 2 to 11 anos",), "2 Months", "11 Months", True),
    (("Age 28 días or younger",), None, "28 Days", False),
    # a bare letter says no unit (new: read as years)
    (("Age 0-6 m",), None, "6 Months", False),
    (("Age 0-6 m",), None, "6 Years", False),
    (("Age 18-65 M/F",), "18 Years", "65 Years", False),
    # the word for age in another language, with its unit (new)
    (("Edad ≥ 18 años",), "21 Years", None, True),
    (("Alter ≥ 18 Jahre",), "21 Years", None, True),
    (("Alter: 18-65 Jahre",), "18 Years", None, True),
    (("Âge ≥ 18 ans",), "16 Years", None, True),
    (("Idade ≥ 18 anos",), "21 Years", None, True),
    (("Edad ≥ 18 años",), "18 Years", None, False),
    (("Alter ≥ 18 Jahre",), "18 Years", None, False),
    (("Edad ≥ 18",), "21 Years", None, False),
    (("Medications that alter ≥ 2 CYP enzymes",), "21 Years", None, False),
    (("Edad: 6 meses a 5 años",), "6 Months", "5 Years", False),
    # "18+" and "or more" (new)
    (("Aged 18+",), "21 Years", None, True),
    (("Age 18+ years",), "21 Years", None, True),
    (("18+ years old",), "21 Years", None, True),
    (("Aged 18 years or more",), "21 Years", None, True),
    (("Aged 18+",), "18 Years", None, False),
    (("Aged 18 years or more",), "18 Years", None, False),
    (("Children whose parents are aged 18+",), "5 Years", "12 Years", False),
    (("Parents aged 18+ of children with asthma",), "5 Years", "12 Years", False),
    (("Age 18 to 65 years", "Diabetes for 10 years or more"), "18 Years", "65 Years", False),
    # the participants' babies or children enrolled beside them (new: each fired)
    (("Pregnant women aged 18-40 years", "Their newborn infants"), "18 Years", None, False),
    (("Pregnant women aged 18-40 years", "Infants born to enrolled mothers"), "18 Years", None, False),
    (("Pregnant women aged 18-40 years", "Newborns of enrolled women will be followed to 6 weeks"), "18 Years",
     None, False),
    (("Pregnant women aged 18-40 years", "Singleton pregnancy"), "18 Years", None, True),
    # an age in brackets cut from its sentence (new: fired)
    (("Healthy adults who received the booster. (18-59 years of age) on Day 29",), "60 Years", None, False),
    # a stratum inside a time point, and time points beside an age (guards)
    (("Day 29 (18-59 years)",), "60 Years", None, False),
    (("Completed the Day 29 (18-59 years) or Day 57 visit",), "60 Years", None, False),
    (("Age at Day 29 (18-59 years)",), "60 Years", None, False),
    (("Stratified by age at Day 29: (18-59 years) and (≥ 60 years)",), "18 Years", None, False),
    (("Participant is 18 to 59 years of age (Day 29 cohort)",), "18 Years", None, False),
    (("Age ≥ 18 years on Day 1",), "18 Years", None, False),
    (("Age ≥ 18 years on Day 1",), "40 Years", None, True),
    # neonates and infants (guards)
    (("Infants 6-12 weeks of age",), "6 Weeks", "12 Weeks", False),
    (("Infants 6 to 12 weeks of age",), "42 Days", "90 Days", False),
    (("Infants 6-12 weeks of age",), "18 Years", "65 Years", True),
    (("Gestational age 28-32 weeks",), "18 Years", None, False),
    (("Born at gestational age 28-32 weeks",), None, "28 Days", False),
    (("Postnatal age < 28 days",), None, "28 Days", False),
    (("Postnatal age < 28 days",), "6 Weeks", "12 Weeks", True),
    (("Infants with a corrected age of 3 to 12 months",), "18 Years", None, False),
    (("Corrected age 3 to 12 months",), "18 Years", None, False),
    (("Postmenstrual age 32-36 weeks at enrolment",), None, "28 Days", False),
    (("Neonates < 72 hours of age",), None, "3 Days", False),
    (("Newborns ≤ 72 hours old",), None, "3 Days", False),
    (("Term newborns aged 24-72 hours",), "1 Day", "3 Days", False),
    (("Aged 6 months to < 6 years",), "6 Months", "5 Years", False),
    (("Children aged 18 months to 5 years",), "18 Months", "5 Years", False),
    (("Children aged 18 months to 5 years",), "1 Year", "5 Years", True),
    # limits with an alternative or a place (guards)
    (("Aged 18 years or older at the time of signing consent",), "18 Years", None, False),
    (("Aged 18 years or older at the time of signing consent",), "40 Years", None, True),
    (("≥ 18 years (or ≥ 19 in South Korea, ≥ 20 in Japan)",), "19 Years", None, False),
    (("Age ≥ 18 years (≥ 20 years in Japan)",), "20 Years", None, False),
    (("Age ≥ 18 years or the legal age of consent in the country",), "16 Years", None, False),
    (("Age ≥ 18 years", "For Japan only: age ≥ 20 years"), "20 Years", None, False),
    (("Age 18-75 (inclusive)",), "18 Years", "75 Years", False),
    (("Age 18-75 years (inclusive)",), "18 Years", "80 Years", True),
    (("Adolescents aged 12 to <18 years",), "12 Years", "17 Years", False),
    (("Adolescents 12 to <18 years",), "18 Years", None, False),
    (("Aged over 65",), "65 Years", None, False),
    (("Aged over 65",), "60 Years", None, True),
    (("over 65",), "18 Years", None, False),
    (("Age 18 years or older, no upper age limit",), "18 Years", None, False),
    (("Age ≥ 18 years; no upper age limit",), "18 Years", "N/A", False),
    # other people's ages, and numbers that are no age (guards)
    (("Mothers aged 18-45 and their infants",), None, "6 Months", False),
    (("Caregivers aged 21 or older",), "2 Years", "12 Years", False),
    (("Diagnosis of dementia", "Study partner aged 18 or older"), "60 Years", None, False),
    (("BMI 18-30",), "40 Years", None, False),
    (("18-30 kg/m2",), "40 Years", None, False),
    (("A history of 10 pack-years",), "40 Years", None, False),
    (("Disease duration of 18 years or less",), "40 Years", None, False),
    (("HbA1c 7-10%",), "40 Years", None, False),
    (("Able to play 18 holes of golf",), "40 Years", None, False),
    (("Age 18 to 65 years, BMI 18-30 kg/m2",), "18 Years", "65 Years", False),
    (("Age 40-80 and ≥ 10 pack-years of smoking",), "40 Years", "80 Years", False),
]


@pytest.mark.parametrize("items, minimum, maximum, fires", AGES,
                         ids=[f"{'|'.join(c[0])[:60]}:{c[1]}-{c[2]}" for c in AGES])
def test_ages_as_real_records_word_them(items, minimum, maximum, fires):
    found = list(study_age_findings("NCT00000001", listed(*items), minimum, maximum, True))
    assert bool(found) is fires, (items, minimum, maximum, [f.message for f in found])


def test_an_age_in_the_exclusion_criteria_is_not_read():
    text = ("Inclusion Criteria:\n\n* Age >= 18 years\n* ECOG 0-1\n\nExclusion Criteria:\n\n* Age > 80 years\n"
            "* Pregnancy")
    assert not list(study_age_findings("NCT00000001", text, "18 Years", None, True))
    assert not list(study_age_findings("NCT00000001", text, "18 Years", "80 Years", True))


def test_a_localised_limit_says_its_ages_in_the_message():
    [found] = study_age_findings("NCT00000001", listed("Age 6-24 meses"), "6 Years", "24 Years", True)
    assert "as 6 months to 24 months" in found.message


# Lines between two copies of a criterion: whether each names another list (the copies are then one per list).
LABELS = {
    "* Females": True, "* Males": True, "* Women": True, "* Adolescents": True, "* Adults": True,
    "* Pregnant women": True, "* Infants": True, "* For the parent": True, "* For the child": True,
    "* Japan only": True, "* China only": True, "* For participants in Korea": True,
    "* Country-specific (France)": True, "* Site B": True, "* Population 2": True, "* Indication 1: NSCLC": True,
    "* Main Study": True, "* Optional Biopsy Sub-study": True, "* Additional criteria for the PK substudy": True,
    "* Prior to randomization": True, "* Prior to Day 1": True, "* Visit 2": True, "* Screening": True,
    # criteria, not labels
    "* Able to swallow tablets": False, "* Age 18 years or older": False,
    "* Patients with a site of measurable disease": False, "* Japanese participants must be 20 years or older": False,
    "* Prior chemotherapy allowed": False, "* At least one measurable lesion per RECIST 1.1": False,
    "* Baseline QTcF below 450 ms": False, "* Women of childbearing potential must use contraception": False,
    "* Adults with type 2 diabetes for at least 1 year": False, "     site of disease": False,
}


@pytest.mark.parametrize("line", LABELS)
def test_a_line_naming_another_group_place_or_time_heads_another_list(line):
    assert names_another_list(line) is LABELS[line], line


CONSENT = "Signed written informed consent before any study-specific procedure"
DISEASE = "Histologically or cytologically confirmed metastatic breast cancer"


def _between(first: str, second: str) -> str:
    return (f"Inclusion Criteria:\n\n{first}\n* {CONSENT}\n* {DISEASE}\n{second}\n* {CONSENT}\n"
            "* ECOG performance status 0-1\n\nExclusion Criteria:\n\n* Pregnancy")


TWICE = "One inclusion criterion appears twice."
# (criteria text, the duplicate rule's messages)
DUPLICATES = {
    # new: each was flagged
    "sexes": (_between("* Females", "* Males"), []),
    "countries": (_between("* Japan only", "* China only"), []),
    "sub-study": (_between("* Main Study", "* Optional Biopsy Sub-study"), []),
    "times": (_between("* Prior to randomization", "* Prior to Day 1"), []),
    "parent and child": (_between("* For the parent", "* For the child"), []),
    "sites": (_between("* Site A", "* Site B"), []),
    "populations": (_between("* Population 1", "* Population 2"), []),
    "indications": (_between("* Indication 1: NSCLC", "* Indication 2: SCLC"), []),
    "country-specific": (_between("* Country-specific (France)", "* Country-specific (Germany)"), []),
    # guards: a criterion between the copies, the same list, a heading written again, a negation in the other list
    "a criterion between": (_between("", "* Able to swallow tablets"), [TWICE]),
    "an age between": (_between("", "* Age 18 years or older"), [TWICE]),
    "a heading written again": (_between("", "* Inclusion Criteria Continued"), [TWICE]),
    "numbers that restart": ("Inclusion Criteria:\n\n1. Age 18 years or older at screening visit\n2. ECOG 0-1 "
                             "performance status at baseline\n1. Willing to comply with all study visits and "
                             "procedures\n2. Able to read and write in English language\n\nExclusion Criteria:\n\n"
                             "1. Pregnancy", []),
    "repeated headings": ("Inclusion Criteria:\n\nInclusion Criteria:\n\n1. Age 18 years or older at screening "
                          "visit\n2. ECOG 0-1 performance status at baseline\n\nExclusion Criteria:\n\nExclusion "
                          "Criteria:\n\n1. Pregnancy or breastfeeding at screening visit", []),
    "negation in the exclusions": ("Inclusion Criteria:\n\n* Age >= 18 years at the time of signing consent\n"
                                   "* ECOG 0-1\n\nExclusion Criteria:\n\n* Age < 18 years at the time of signing "
                                   "consent\n* Pregnancy", []),
    "in inclusion and exclusion": ("Inclusion Criteria:\n\n- Age 18 years or older at the screening visit\n- Able to "
                                   "give informed consent\n\nExclusion Criteria:\n\n- Pregnancy\n- Age 18 years or "
                                   "older at the screening visit", []),
    "a copy with a closing stop": ("Inclusion Criteria:\n\n* Age 18 years or older at the screening visit\n* Able to "
                                   "give written informed consent\n* Age 18 years or older at the screening visit."
                                   "\n\nExclusion Criteria:\n\n* Pregnancy", [TWICE]),
    "cohorts": ("Inclusion Criteria:\n\nCohort 1\n* Age 18 years or older at the screening visit\nCohort 2\n* Age 18 "
                "years or older at the screening visit\n\nExclusion Criteria:\n\n* Pregnancy", []),
    "mothers and infants": ("Inclusion Criteria:\n\n* Mothers: Age 18 years or older at the screening visit\n* "
                            "Infants: born at 37 weeks of gestation or later\n\nExclusion Criteria:\n\n* Mothers: "
                            "Known HIV infection at the time of screening visit\n* Infants: Known HIV infection at "
                            "the time of screening visit", []),
}


@pytest.fixture(scope="module")
def duplicate_messages() -> dict[str, list[str]]:
    """The duplicate rule's messages for every text of DUPLICATES."""
    return harness.criteria_rule_messages(contradictions_criteria.duplicate_criterion,
                                          {name: text for name, (text, _) in DUPLICATES.items()})


@pytest.mark.parametrize("name", DUPLICATES)
def test_a_criterion_under_two_groups_places_or_times_is_stated_once_for_each(duplicate_messages, name):
    assert duplicate_messages[name] == DUPLICATES[name][1]


# (whether it fires, Sex, conditions, official title): inherited-risk carriers of the admitted sex, partners, couples,
# fathers and others (new: the first six fired), beside true findings and guards.
SEX_CASES = {
    "NCT01900001": (False, "MALE", ("BRCA1 Mutation", "BRCA2 Mutation", "Prostate Cancer", "Ovarian Cancer"),
                    "Prostate Cancer Screening in Men With Germline BRCA1/2 Variants"),
    "NCT01900002": (False, "MALE", ("Ovarian Cancer", "Breast Cancer, Male"),
                    "Targeted Screening in Male BRCA Carriers"),
    "NCT01900003": (False, "MALE", ("Lynch Syndrome", "Endometrial Cancer", "Colorectal Cancer"),
                    "Colonoscopy Intervals in Men With Lynch Syndrome"),
    "NCT01900004": (False, "FEMALE", ("Prostate Cancer", "Lynch Syndrome"),
                    "Urinary Screening in Women Carrying Mismatch Repair Variants"),
    "NCT01900005": (False, "FEMALE", ("Prostate Cancer",), "A Spousal Support Programme After Prostatectomy"),
    "NCT01900006": (False, "FEMALE", ("Prostate Cancer",), "Dyadic Coping After a Diagnosis of Prostate Cancer"),
    # guards that were quiet already
    "NCT01900007": (False, "MALE", ("Pregnancy", "Paternal Depression"), "Fathers' Mood Across Pregnancy"),
    "NCT01900008": (False, "MALE", ("Infertility", "Endometriosis"), "Couples' Experience of IVF"),
    "NCT01900009": (False, "ALL", ("Polycystic Ovary Syndrome",), "Metabolic Health of Offspring of Women With PCOS"),
    "NCT01900010": (False, "MALE", ("Breast Cancer",), "Male Breast Cancer Outcomes"),
    "NCT01900011": (False, "FEMALE", ("Prostate Cancer",), "Transgender Women on Oestrogen: Prostate Screening"),
    "NCT01900012": (False, "MALE", ("Endometriosis",), "Questionnaire for Partners of Women With Endometriosis"),
    "NCT01900013": (False, "FEMALE", ("Prostate Cancer",), "Couples Coping With Prostate Cancer"),
    "NCT01900014": (False, "MALE", ("Breast Cancer", "Ovarian Cancer"),
                    "Genetic Testing for Men With a Family History of Breast or Ovarian Cancer"),
    "NCT01900015": (False, "MALE", ("Polycystic Ovary Syndrome",), "Brothers of Women With PCOS"),
    # still a swapped Sex: no inherited risk beside the admitted sex, or no other people
    "NCT01900016": (True, "MALE", ("Ovarian Cancer",), "Olaparib Maintenance in BRCA-mutated Ovarian Cancer"),
    "NCT01900017": (True, "MALE", ("Ovarian Cancer", "BRCA1 Mutation Carrier"),
                    "Risk-reducing Salpingo-oophorectomy in BRCA Carriers"),
    "NCT01900018": (True, "FEMALE", ("Prostate Cancer",), "Germline Testing in Metastatic Prostate Cancer"),
    "NCT01900019": (True, "MALE", ("Endometrial Cancer",), "Hysterectomy for Endometrial Cancer in Lynch Syndrome"),
    "NCT01900020": (True, "MALE", ("Polycystic Ovary Syndrome",), "Metformin in Polycystic Ovary Syndrome"),
    "NCT01900021": (True, "FEMALE", ("Benign Prostatic Hyperplasia",), "Tadalafil for BPH in Older Men"),
}


def test_conditions_of_the_other_sex_in_carriers_and_partners_studies(tmp_path):
    built = {}
    for nct_id, (_fires, sex, conditions, title) in SEX_CASES.items():
        study = harness.clean_study()
        given(sex, *conditions, title=title)(study)
        built[nct_id] = study
    flagged = harness.flagged_studies(tmp_path, built, condition_sex.RULES)[condition_sex.RULE_ID]
    assert flagged == {n for n, (fires, *_rest) in SEX_CASES.items() if fires}
