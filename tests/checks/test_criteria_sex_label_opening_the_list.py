"""A sex and people alone that opens the inclusion list, against a Sex of the other sex alone.

"* Female patients" above the criteria labels them: against Sex 'ALL' or 'FEMALE' it states nobody, as a label of one
sex's criteria beside the other's would. Against Sex 'MALE' the criteria below it are women's either way, so it is read
as the list's statement of who is admitted (and "Female patients only" always is). It stays a label where it heads a
sub-list, stands further down the list (there it opens that sex's own conditions: "* Female participants" above
"* Negative pregnancy test"), ends with a colon, or the list names the other sex or other people; a criterion that
asks something of a sex, "If female, ...", and the exclusion list state nobody.
"""
from __future__ import annotations

import pytest

from checks.criteria_sex import study_sex_findings

MALE_ONLY = "The inclusion criteria admit male participants only, which disagrees with the record's Sex 'FEMALE'."


def _female_only(sex: str) -> str:
    return f"The inclusion criteria admit female participants only, which disagrees with the record's Sex '{sex}'."


def bulleted(*items: str, mark: str = "*", heading: str = "Inclusion Criteria:") -> str:
    """Criteria as API v2 records write them: an inclusion list with the given items, then an exclusion list."""
    body = "\n".join(f"{mark} {item}" for item in items)
    return f"{heading}\n\n{body}\n\nExclusion Criteria:\n\n{mark} Known hypersensitivity to the study drug"


def numbered(*items: str, close: str = ".") -> str:
    """An inclusion list numbered "1." or "1)", then an exclusion list."""
    body = "\n".join(f"{n}{close} {item}" for n, item in enumerate(items, 1))
    return f"Inclusion Criteria:\n\n{body}\n\nExclusion Criteria:\n\n1{close} Pregnancy or breastfeeding"


def legacy(*items: str) -> str:
    """A legacy XML record's hard-wrapped, indented dash list."""
    body = "\n\n".join(f"          -  {item}" for item in items)
    return (f"\n        Inclusion Criteria:\n\n{body}\n\n        Exclusion Criteria:\n\n"
            f"          -  Prior pelvic radiotherapy\n      ")


# (name, criteria text, the record's Sex, the finding's message or None)
CASES = {
    # fire: the list opens with a sex and people alone, and Sex is the other sex alone
    "female patients above a disease": (
        bulleted("Female patients", "HER2 positive gastric cancer", "ECOG 0-1"), "MALE", _female_only("MALE")),
    "female subjects": (bulleted("Female subjects", "Signed informed consent"), "MALE", _female_only("MALE")),
    "numbered female participants with a stop": (
        numbered("Female participants.", "Aged 18 to 45 years", "Regular menstrual cycles"), "MALE",
        _female_only("MALE")),
    "male patients": (bulleted("Male patients", "Hepatocellular carcinoma, BCLC stage B"), "FEMALE", MALE_ONLY),
    "male volunteers": (bulleted("Male volunteers", "BMI 18.5 to 30 kg/m2"), "FEMALE", MALE_ONLY),
    "male subjects in a legacy list": (legacy("Male subjects", "Age 18 to 45 years"), "FEMALE", MALE_ONLY),
    "women patients in a dashed list": (
        bulleted("Women patients", "Histologically confirmed carcinoma of the oesophagus", mark="-"), "MALE",
        _female_only("MALE")),
    "female volunteers numbered with a bracket": (
        numbered("Female volunteers", "Non-smokers", close=")"), "MALE", _female_only("MALE")),
    "capitals": (bulleted("FEMALE PATIENTS", "AGE 18-70 YEARS"), "MALE", _female_only("MALE")),
    "female adults under a lower-case heading": (
        bulleted("Female adults", "Randomised to the trial's first visit", heading="Inclusion criteria:"), "MALE",
        _female_only("MALE")),
    "female patients below a lead-in": (
        "Inclusion Criteria:\n\nParticipants must meet all of the following:\n\n* Female patients\n* Stage II-III "
        "breast cancer\n\nExclusion Criteria:\n\n* Metastatic disease", "MALE", _female_only("MALE")),
    "a round bullet": (bulleted("Female individuals", "Living in the catchment area", mark="\u2022"), "MALE",
                       _female_only("MALE")),
    "female patients only": (bulleted("Female patients only", "Aged 18 years or older"), "ALL", _female_only("ALL")),
    "male subjects only against female": (bulleted("Male subjects only.", "Aged 20-45"), "FEMALE", MALE_ONLY),
    # quiet: the same lines against 'ALL' or their own sex
    "female patients, Sex ALL": (bulleted("Female patients", "HER2 positive gastric cancer"), "ALL", None),
    "female patients, Sex FEMALE": (bulleted("Female patients", "HER2 positive gastric cancer"), "FEMALE", None),
    "male volunteers, Sex ALL": (legacy("Male volunteers", "Age 18 to 45 years"), "ALL", None),
    "male subjects, Sex MALE": (bulleted("Male subjects", "BMI 18.5 to 30 kg/m2"), "MALE", None),
    # quiet: both sexes' lists, other people, a requirement of a sex
    "both sexes' labelled lists": (
        "Inclusion Criteria:\n\nFemale participants:\n* Aged 18 to 45 years\n* Not pregnant\n\nMale participants:\n"
        "* Aged 18 to 45 years\n* Willing to use condoms\n\nExclusion Criteria:\n\n* Active infection", "MALE", None),
    "both sexes' labels in one flat list": (
        bulleted("Female participants", "Aged 18 to 45 years", "Male participants", "Aged 18 to 50 years"), "MALE",
        None),
    "female partners of enrolled men": (bulleted("Female partners of enrolled men", "Aged 18 or older"), "MALE", None),
    "female patients and their partners": (
        bulleted("Female patients", "Partner willing to attend the counselling sessions"), "MALE", None),
    "a requirement of female patients": (
        bulleted("Female patients must not be pregnant or breastfeeding", "Aged 18-65"), "MALE", None),
    "if female": (bulleted("If female, not pregnant or lactating", "Aged 18-65"), "MALE", None),
    "female patients only if postmenopausal": (
        bulleted("Female patients only if postmenopausal", "Aged 50 or older"), "ALL", None),
    # quiet: a label over a sub-list, further down the list, ending with a colon, or a label inside a sub-list
    "female participants over a sub-list": (
        "Inclusion Criteria:\n\n* Female participants\n    * Not pregnant or breastfeeding\n    * Using highly "
        "effective contraception\n* Signed informed consent\n\nExclusion Criteria:\n\n* Active infection", "MALE",
        None),
    "female participants further down": (
        bulleted("Age 18 to 65 years", "Female participants", "Negative pregnancy test at screening"), "MALE", None),
    "female patients with a colon": (
        "Inclusion Criteria:\n\nFemale patients:\n* Aged 18 to 45 years\n\nExclusion Criteria:\n\n* Pregnancy", "MALE",
        None),
    "a label inside an item's sub-list": (
        "Inclusion Criteria:\n\n* Adequate contraception:\n  * Female participants\n  * Two methods of birth control\n"
        "* Aged 18 to 65 years\n\nExclusion Criteria:\n\n* Pregnancy", "MALE", None),
    "a cohort's label beside it": (bulleted("Female patients", "Cohort B: patients with asthma"), "MALE", None),
    # quiet: in the exclusion list, as a breast cancer record writes it
    "male patient excluded": (
        "Inclusion Criteria:\n\n* Confirmed diagnosis of primary breast cancer\n* Age \\> 18 years\n\nExclusion "
        "Criteria:\n\n* Bilateral breast cancer\n* Male patient\n* Limited life expectancy", "FEMALE", None),
    "female patients excluded": (
        "Inclusion Criteria:\n\n* Age 18 to 65 years\n\nExclusion Criteria:\n\n* Female patients", "MALE", None),
}


@pytest.mark.parametrize("name", CASES)
def test_a_sex_label_that_opens_the_list_against_the_other_sex(name):
    text, sex, message = CASES[name]
    found = [f.message for f in study_sex_findings("NCT00000001", text, sex, False)]
    assert found == ([message] if message else []), (text, sex)


def test_the_finding_quotes_the_label():
    [finding] = study_sex_findings("NCT00000001", CASES["male volunteers"][0], "FEMALE", False)
    assert finding.evidence == "eligibilities.criteria: '...* Male volunteers...'; eligibilities.gender='FEMALE'"
