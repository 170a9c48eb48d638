"""Cases of contradictions.condition_sex_differs: a condition of one sex's organs in a study whose Sex admits only the
other (tests/checks/test_rule_cases.py runs them)."""
from __future__ import annotations

from tests.checks.harness import Case

RULE = "contradictions.condition_sex_differs"


def given(sex: str, *conditions: str, gender_based: bool | None = None, title: str | None = None):
    """A change that sets the study's Sex and lists its conditions."""
    def change(s):
        s["eligibilities"][0].update(gender=sex, gender_based=gender_based)
        s["conditions"] = [{"name": name} for name in conditions]
        if title is not None:
            s["studies"][0]["official_title"] = title
    return change


CASES = [
    Case(RULE, True, given("MALE", "Ovarian Cancer"), note="ovarian cancer, males only"),
    Case(RULE, True, given("MALE", "Fallopian Tube Neoplasms", "Primary Peritoneal Cavity Cancer"),
         note="fallopian tube"),
    Case(RULE, True, given("MALE", "Uterine Cervical Neoplasms"), note="the uterine cervix"),
    Case(RULE, True, given("MALE", "Cervical Intraepithelial Neoplasia"), note="CIN"),
    Case(RULE, True, given("MALE", "Endometriosis"), note="endometriosis"),
    Case(RULE, True, given("MALE", "Polycystic Ovary Syndrome"), note="PCOS"),
    Case(RULE, True, given("MALE", "Pre-Eclampsia"), note="pre-eclampsia"),
    Case(RULE, True, given("FEMALE", "Metastatic Castration-resistant Prostate Cancer"), note="prostate cancer"),
    Case(RULE, True, given("FEMALE", "Testicular Germ Cell Tumor"), note="testicular tumour"),
    Case(RULE, True, given("FEMALE", "Hypertension", "Erectile Dysfunction"), note="the second condition"),
    Case(RULE, True, given("FEMALE", "Benign Prostatic Hyperplasia"), note="BPH"),
    Case(RULE, False, given("FEMALE", "Ovarian Cancer"), note="agrees"),
    Case(RULE, False, given("ALL", "Prostate Cancer", "Breast Cancer"), note="all: a condition of both sexes beside"),
    Case(RULE, False, given("MALE", "Breast Cancer"), note="male breast cancer"),
    Case(RULE, False, given("MALE", "Cervical Spondylotic Myelopathy"), note="the neck's spine"),
    Case(RULE, False, given("MALE", "Cervical Dystonia"), note="the neck's muscles"),
    Case(RULE, False, given("FEMALE", "Testicular Feminization"), note="androgen insensitivity"),
    Case(RULE, False, given("FEMALE", "Infertility, Male"), note="the male partner's infertility"),
    Case(RULE, False, given("MALE", "Pregnancy Prevention"), note="male contraception"),
    Case(RULE, False, given("MALE", "Gender Dysphoria", "Vaginoplasty"), note="gender-affirming surgery"),
    Case(RULE, False, given("FEMALE", "Penile Prosthesis", title="Phalloplasty Outcomes in Transgender Men"),
         note="gender-affirming, by the title"),
    Case(RULE, False, given("MALE", "Ovarian Cancer", gender_based=True), note="gender-based eligibility"),
    Case(RULE, False, given("MALE", "Endometrioid Adenocarcinoma of the Prostate"),
         note="a prostate cancer named for its endometrial look"),
    Case(RULE, False, given("MALE", "Hereditary Breast and Ovarian Cancer Syndrome", "Prostate Cancer"),
         note="male BRCA carriers screened for prostate cancer"),
    Case(RULE, False, given("FEMALE", "Prostate Cancer", title="Coping Intervention for Wives of Men With Prostate "
                                                               "Cancer"), note="the patients' wives, by the title"),
    Case(RULE, False, given("FEMALE", "Hypospadias", title="Decision Aid for Mothers of Boys With Hypospadias"),
         note="the patients' mothers, by the title"),
    Case(RULE, False, given("FEMALE", "Prostate Cancer Caregivers"), note="caregivers, by the condition"),
    Case(RULE, False, given("MALE", "Cervical Cancer", "Genital Warts",
                            title="Immunogenicity of a 9-valent HPV Vaccine in Boys and Men 16 to 26 Years"),
         note="an HPV vaccine in males lists the cervical cancer it prevents"),
    Case(RULE, True, given("FEMALE", "High-risk Localized Prostate Cancer"), note="a risk group is no relative's"),
    Case(RULE, True, given("MALE", "Endometrial Cancer", title="Lenvatinib Plus Pembrolizumab in Endometrial Cancer"),
         note="a title naming no other people"),
]
