"""Cases of contradictions.criteria_sex_differs and contradictions.criteria_healthy_volunteers_differs: who the
inclusion criteria admit against the record's Sex and Healthy Volunteers.

`CASES` are rule cases (tests/checks/test_rule_cases.py runs them on a warehouse); the phrase lists below are criteria
items with the record's values, worded as registry criteria are, which tests/checks/test_criteria_sex.py reads.
"""
from __future__ import annotations

from tests.checks.harness import Case

SEX_RULE = "contradictions.criteria_sex_differs"
HEALTHY_RULE = "contradictions.criteria_healthy_volunteers_differs"
JSON, XML = "ctgov_json_v2", "ctgov_xml"


def listed(*items: str, layout: str = JSON) -> str:
    """Criteria as the registry writes them: an inclusion list (markdown bullets in API v2, hard-wrapped dashes in
    legacy XML) with the given items, then an exclusion list."""
    if layout == XML:
        body = "\n\n".join(f"  -  {item}" for item in items)
        return (f"Inclusion Criteria:\n\n{body}\n\n  -  Signed informed consent\n\nExclusion Criteria:\n\n"
                f"  -  Active infection")
    body = "\n".join(f"* {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n* Signed informed consent\n\nExclusion Criteria:\n\n* Active infection"


def given(criteria: str, gender: str | None = "ALL", healthy: bool | None = False, gender_based: bool | None = None):
    """A change that sets the eligibility criteria text, the record's Sex and Healthy Volunteers."""
    return lambda s: s["eligibilities"][0].update(criteria=criteria, gender=gender, healthy_volunteers=healthy,
                                                  gender_based=gender_based)


CASES = [
    Case(SEX_RULE, True, given(listed("Postmenopausal women aged 50 to 75 years", "Osteopenia on DXA")),
         note="women only, Sex ALL"),
    Case(SEX_RULE, False, given(listed("Women of childbearing potential must use contraception")),
         note="a requirement of women, not who is admitted"),
    Case(HEALTHY_RULE, True, given(listed("Healthy adult subjects aged 18 to 55 years")),
         note="healthy subjects, Healthy Volunteers No"),
    Case(HEALTHY_RULE, False, given(listed("Otherwise healthy adults with mild persistent asthma")),
         note="otherwise healthy patients"),
]

# (criterion, the record's Sex, layout): the inclusion list's statement of who is admitted names one sex, or both,
# and Sex says otherwise.
SEX_FIRES = [
    ("Postmenopausal women aged 50-75 years", "ALL", JSON),
    ("Females.", "ALL", JSON),
    ("Pregnant women at 24-28 weeks of gestation", "ALL", JSON),
    ("Women aged 18 to 45 years", "MALE", JSON),
    ("Premenopausal female patients with histologically confirmed breast cancer", "ALL", JSON),
    ("Men aged 40 years and older", "ALL", JSON),
    ("Boys aged 6-12 years", "ALL", JSON),
    ("Male patients with metastatic castration-resistant prostate cancer", "ALL", JSON),
    ("Female", "MALE", XML),
    ("Female, 18 to 50 years of age", "ALL", JSON),
    ("Healthy postmenopausal women", "ALL", JSON),
    ("Postmenopausal patients with hormone receptor-positive, HER2-negative breast cancer", "ALL", JSON),
    ("Participants must be female", "ALL", JSON),
    ("Sex: Female", "ALL", JSON),
    ("Women with polycystic ovary syndrome according to the Rotterdam criteria", "ALL", JSON),
    ("Girls aged 9 to 14 years", "ALL", JSON),
    ("Adult male subjects ≥ 18 years of age", "FEMALE", JSON),
    ("Males between the ages of 20-45.", "ALL", XML),
    ("Men and women aged 18-65 years", "FEMALE", JSON),
    ("Male or female, 18-65 years of age", "MALE", JSON),
    ("Males or non-pregnant females ≥ 18 years of age", "FEMALE", JSON),
    ("Women undergoing elective cesarean delivery under spinal anesthesia", "ALL", JSON),
    ("Japanese male subjects aged 20 to 45 years", "ALL", JSON),
    ("Is a woman aged 40-74 years scheduled for screening mammography", "ALL", JSON),
    ("Women ≥ 65 years of age with osteoporosis", "ALL", JSON),
    ("Female patients aged 18 years or older with endometriosis", "MALE", JSON),
    ("Men who have undergone radical prostatectomy for localized prostate cancer", "ALL", JSON),
    ("Female gender", "ALL", JSON),
    ("Postmenopausal women aged 55 to 80 years with a T-score between -1.0 and\n     -2.5 at the lumbar spine", "ALL",
     XML),
    ("Healthy male volunteers aged 18 to 45 years", "ALL", JSON),
    ("Black, white and Hispanic males between the ages of 20 to 70 years", "ALL", XML),
    ("Women (18-45 years) with heavy menstrual bleeding", "ALL", JSON),
    ("Women aged 18 to 45 years with type 2 diabetes and inadequate glycemic control", "ALL", JSON),
    ("Women in active labour at term with a cephalic singleton", "ALL", JSON),
    ("Male and female healthy volunteers", "FEMALE", JSON),
    ("Female healthy volunteers aged 18 to 45 years", "ALL", XML),
    # a sex and people alone, opening the list, against a Sex of the other sex alone
    ("Female patients", "MALE", JSON),
    ("Male volunteers", "FEMALE", XML),
]

# (criterion, the record's Sex, layout): no statement of who is admitted that disagrees with Sex.
_SEX_QUIET_ITEMS = [
    # a requirement of one sex, not who is admitted
    ("Women of childbearing potential must use contraception", "ALL"),
    ("Male participants must agree to use condoms during the study and for 90 days after", "ALL"),
    ("Female patients must not be pregnant or breastfeeding", "ALL"),
    ("If female, must not be pregnant or lactating", "ALL"),
    ("For women: a negative serum pregnancy test at screening", "ALL"),
    ("Female subjects who are postmenopausal for at least 1 year or surgically sterile", "ALL"),
    ("Women of childbearing age must have a negative urine pregnancy test", "ALL"),
    ("All female patients must have a negative pregnancy test within 7 days of enrolment", "ALL"),
    ("Females of reproductive potential need to commit to true abstinence", "ALL"),
    ("Women of childbearing potential:", "ALL"),
    ("A female subject is eligible to participate if she is of non-childbearing potential", "ALL"),
    ("Men must agree to use a condom", "ALL"),
    ("Male participants...", "ALL"),
    ("Male patients who are sexually active", "ALL"),
    ("Female participants", "ALL"),
    ("Female participants", "FEMALE"),
    # both sexes, with Sex ALL
    ("Men and women aged 18-65", "ALL"),
    ("Male or female", "ALL"),
    ("Males or non-pregnant females", "ALL"),
    ("Male or female patients aged ≥ 18 years", "ALL"),
    ("Either sex, aged 18 to 65 years", "ALL"),
    ("Female or male, 18 years or older", "ALL"),
    ("Gender: male or female", "ALL"),
    ("Women and men of reproductive potential must use effective contraception", "ALL"),
    # one sex that Sex gives
    ("Postmenopausal women aged 50-75 years", "FEMALE"),
    ("Men aged 40-70", "MALE"),
    ("Women of reproductive age (18-45 years) with regular menstrual cycles", "FEMALE"),
    ("Men who have sex with men", "MALE"),
    # another person's sex, several people, a gender identity
    ("Female partners of male participants", "ALL"),
    ("Pregnant women and their newborns", "ALL"),
    ("Mothers of children aged 2-5 years", "ALL"),
    ("Men who have sex with men, aged 18 years or older", "ALL"),
    ("Cisgender men or transgender women aged 18 years or older", "ALL"),
    ("Patients attending the women's health clinic", "ALL"),
    # a disease of one sex is no statement of who is admitted
    ("Histologically confirmed adenocarcinoma of the prostate", "ALL"),
    ("Epithelial ovarian cancer, FIGO stage III-IV", "ALL"),
    ("Breast cancer in women aged 50 or older", "ALL"),
    # the record's Sex is unknown (a page that does not show it), or a value that is no Sex
    ("Women aged 18 to 45 years", None),
    ("Women aged 18 to 45 years", "Female"),
    # no person of either sex named
    ("Adults (men and women) aged 18 to 75", "FEMALE"),
]
# (criteria text, the record's Sex): statements that are not everyone's, or not in an inclusion list.
_SEX_QUIET_TEXTS = [
    # several groups
    (listed("Cohort A: postmenopausal women aged 50 or older", "Cohort B: men aged 50 or older"), "ALL"),
    (listed("Women aged 18 to 45 years", "Part B: patients with asthma"), "ALL"),
    ("Inclusion Criteria:\n\nFemale participants:\n* Aged 18 to 45\n\nExclusion Criteria:\n\n* Pregnancy", "ALL"),
    ("Inclusion Criteria for Women:\n\n* Aged 18 to 45 years\n* Regular menstrual cycles\n\nExclusion Criteria:\n\n"
     "* Pregnancy", "ALL"),
    ("Patient Inclusion Criteria:\n\n* Women aged 18 to 45\n\nCaregiver Inclusion Criteria:\n\n* Adult family member",
     "ALL"),
    # a sex's label over its own criteria: over a sub-list, or further down the list, also against the other sex
    ("Inclusion Criteria:\n\n* Age 18 to 65 years\n* Female\n  * Not pregnant or breastfeeding\n  * Using "
     "contraception\n\nExclusion Criteria:\n\n* Active infection", "ALL"),
    ("Inclusion Criteria:\n\n* Female participants\n  * Not pregnant or breastfeeding\n  * Using contraception\n"
     "* Signed informed consent\n\nExclusion Criteria:\n\n* Active infection", "MALE"),
    (listed("Age 18 to 65 years", "Female participants", "Negative pregnancy test at screening"), "MALE"),
    # the other sex or other people elsewhere in the inclusion list
    (listed("Pregnant women aged 18-40 years", "Infant born at 37 weeks of gestation or later"), "ALL"),
    (listed("Women aged 18-40 undergoing IVF", "Male partner with a normal semen analysis"), "ALL"),
    (listed("Women with breast cancer", "Men with breast cancer are also eligible"), "ALL"),
    (listed("Women aged 18 to 45 years", "Transgender participants may enrol"), "ALL"),
    (listed("Female patients with systemic lupus erythematosus aged 18-60", "Healthy controls matched for age"), "ALL"),
    # in an exclusion list only, or in a list without an inclusion heading
    ("Inclusion Criteria:\n\n* Age 18 to 65\n\nExclusion Criteria:\n\n* Women who are pregnant", "ALL"),
    ("Women aged 18 to 45 years\nNo pregnancy", "ALL"),
]
SEX_QUIET = ([(listed(item), sex, None) for item, sex in _SEX_QUIET_ITEMS]
             + [(text, sex, None) for text, sex in _SEX_QUIET_TEXTS]
             # a record whose eligibility is based on gender identity
             + [(listed("Women aged 18 to 45 years"), "ALL", True)])

# Criteria items that admit healthy people, with Healthy Volunteers No.
HEALTHY_FIRES = [
    listed("Healthy volunteers"),
    listed("Healthy male and female volunteers aged 18 to 45 years"),
    listed("Healthy adult subjects"),
    listed("Healthy, non-smoking male subjects aged 18 to 55 years"),
    listed("Patients with COPD (GOLD stage 2-3)", "Healthy controls matched for age and sex"),
    listed("Normal healthy volunteers"),
    listed("Healthy Japanese male subjects"),
    listed("Healthy as determined by medical history, physical examination and laboratory tests"),
    listed("Participants must be healthy adults aged 18-50 years"),
    listed("Healthy infants aged 6 to 12 weeks at the time of the first vaccination"),
    listed("Healthy children aged 2 to 5 years", layout=XML),
    listed("Healthy subjects with a body mass index of 18.5 to 30 kg/m2"),
    listed("Normal volunteers.", layout=XML),
    "Inclusion Criteria for Healthy Volunteers:\n\n* Aged 18 to 45\n\nExclusion Criteria:\n\n* Smoking",
    "Inclusion Criteria:\n\nPatients:\n* Diagnosis of COPD\n\nHealthy volunteers:\n* Aged 40-75\n\nExclusion "
    "Criteria:\n\n* Pregnancy",
    listed("Healthy volunteers (ASA physical status I) aged 18 to 40 years"),
    listed("Periodontally healthy adults aged 18-65"),
    listed("Healthy infants aged 6-12 weeks with a birth weight above 2.5 kg"),
    listed("Healthy male subjects aged 18 to 45 years inclusive, with normal ECG", layout=XML),
    listed("Healthy adults aged 18-64 years who have received 2 doses of an mRNA vaccine"),
]
# (criteria text, Healthy Volunteers): no healthy people admitted, or Healthy Volunteers that agrees or is unknown.
HEALTHY_QUIET = [
    (listed("Healthy volunteers"), True),
    (listed("Healthy volunteers"), None),
    (listed("Healthy skin at the injection site"), False),
    (listed("Otherwise healthy adults with mild persistent asthma"), False),
    (listed("In good general health"), False),
    (listed("Patients in good health except for the condition under study"), False),
    (listed("Healthy volunteers are not eligible"), False),
    (listed("No healthy volunteers"), False),
    (listed("Healthy volunteers with mild persistent asthma"), False),
    (listed("Healthy patients undergoing elective surgery (ASA I-II)"), False),
    (listed("Normal renal function"), False),
    (listed("Normal 12-lead ECG"), False),
    (listed("Healthy HLA-matched sibling donor available"), False),
    (listed("Generally healthy apart from controlled hypertension"), False),
    (listed("Healthy weight (BMI 18.5-25 kg/m2)"), False),
    (listed("Maintains a healthy diet"), False),
    (listed("Healthy volunteers: not applicable"), False),
    (listed("Healthy, full-term newborns born to HBsAg-positive mothers"), False),
    (listed("Blood samples from healthy volunteers will serve as reference"), False),
    ("Healthy volunteers aged 18-45\nNo smoking", False),
    ("Inclusion Criteria:\n\n* Type 2 diabetes\n\nExclusion Criteria for healthy controls:\n\n* Any chronic disease",
     False),
    ("Inclusion Criteria:\n\n* Age 18 to 65\n\nExclusion Criteria:\n\n* Healthy volunteers", False),
    # "healthy" by the anaesthetists' physical status, of surgical patients; "systemically healthy" dental patients
    (listed("Scheduled for elective laparoscopic cholecystectomy",
            "Healthy, as defined by ASA physical status I or II"), False),
    (listed("Healthy as per American Society of Anesthesiologists classification"), False),
    (listed("Systemically healthy adults aged 18-65", "Chronic periodontitis with at least 4 sites of probing depth "
                                                      ">= 5 mm"), False),
    # a condition after the ages, or after "but"
    (listed("Healthy men aged 50-70 years with elevated PSA"), False),
    (listed("Healthy adults aged 60 years or older with chronic conditions controlled by medication"), False),
    (listed("Healthy subjects, but with a diagnosis of mild hypertension"), False),
]
