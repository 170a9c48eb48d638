"""The inclusion criteria's one age limit for all participants against the record's Minimum and Maximum Age.

A criterion that states the participants' ages ("Age 12 to 17 years", "aged 18-65 years", "18 years of age or older")
disagrees with ages given as data that say otherwise ('18 Years', 'N/A' in a legacy record, none given in an API v2
record). Ages of several groups, of other people, at an event, durations, qualified limits ("or the age of majority")
and ages that agree within the rounding of their units stay quiet.
"""
from __future__ import annotations

import pytest

from checks.criteria_age_statement import stated_ages
from checks.criteria_ages import RULE_ID, RULES, study_age_findings
from tests.checks import harness

JSON, XML, PAGE = "ctgov_json_v2", "ctgov_xml", "aggregator_text"


def listed(*items: str, layout: str = JSON) -> str:
    """Criteria as the registry writes them: an inclusion list (markdown bullets in API v2, hard-wrapped dashes in
    legacy XML) with the given items, then an exclusion list."""
    if layout == XML:
        body = "\n\n".join(f"  -  {item}" for item in items)
        return f"Inclusion Criteria:\n\n{body}\n\n  -  Signed informed consent\n\nExclusion Criteria:\n\n  -  Pregnancy"
    body = "\n".join(f"* {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n* Signed informed consent\n\nExclusion Criteria:\n\n* Pregnancy"


# (criterion, minimum age, maximum age, layout): one clear age limit that the record's ages contradict.
FIRES = [
    ("Age 12 to 17 years", "18 Years", "65 Years", JSON),
    ("Aged 18-65 years", "18 Years", None, JSON),
    ("Aged 18-65 years", "18 Years", "75 Years", JSON),
    ("Male or female, aged 18 to 75 years", "18 Years", "N/A", XML),
    ("Age ≥ 18 years", "16 Years", None, JSON),
    ("18 years of age or older", "12 Years", None, JSON),
    ("Patients aged ≥ 65 years", "18 Years", None, JSON),
    ("Age between 40 and 80 years", "18 Years", "80 Years", JSON),
    ("Healthy volunteers aged 18 to 45 years", "18 Years", "55 Years", JSON),
    ("Age \\>= 18 years", "N/A", "N/A", XML),
    ("Children between 2 and 11 years of age", "6 Months", "11 Years", JSON),
    # the participants' own children named beside them make their age no one's limit; other children do not
    ("Women aged 18 or older who have children under 5", "0 Years", None, JSON),
    ("Women aged 18 or older", "0 Years", None, JSON),
    ("Age 6 months to 17 years", "6 Years", "17 Years", JSON),
    ("Age < 18 years", "2 Years", None, JSON),
    ("Younger than 18 years", "0 Years", "21 Years", JSON),
    ("Up to 17 years of age", "1 Year", "21 Years", JSON),
    ("Age 50-75 years", "40 Years", "75 Years", JSON),
    ("Between 18 and 70 years old", "18 Years", "60 Years", JSON),
    ("Postmenopausal women aged 45 to 70 years", "18 Years", "70 Years", JSON),
    ("Age ≥ 18 and ≤ 65 years", "18 Years", "75 Years", JSON),
    ("Patients be age \\>18 years and \\< 75 years", "18 Years", "65 Years", JSON),
    ("Adults ≥ 18 years old", "21 Years", None, JSON),
    ("Subjects must be at least 21 years of age", "18 Years", None, JSON),
    ("Is 18 years of age or older", "18 Months", None, JSON),
    ("Age 18-80 years", "18 Years", "99 Years", JSON),
    ("Ages 1-55 years.", "N/A", "N/A", XML),
    ("Infants aged 6 to 12 weeks", "6 Weeks", "12 Months", JSON),
    ("Newborns up to 28 days of age", "0 Days", "6 Months", JSON),
    ("Age: 18 - 70 years", "18 Years", "N/A", XML),
    ("Be between 18 and 65 years of age", "20 Years", "65 Years", JSON),
    ("Aged 65 years or older", "60 Years", None, JSON),
    ("Age over 65 years", "18 Years", None, JSON),
    ("Men aged 40-70", "40 Years", "N/A", XML),
    ("Age 18 to 35 years, inclusive", "18 Years", "45 Years", JSON),
    ("Age 3-17 years at the time of enrollment", "3 Years", "21 Years", JSON),
    ("Age ≥ 12 years", "18 Years", None, JSON),
    ("Female participants aged 18 to 45 years", "18 Years", None, JSON),
    ("Age 2 months to 5 years", "2 Years", "5 Years", JSON),
    ("Participants must be 55 to 85 years old", "50 Years", "85 Years", JSON),
    ("Aged 60 and over", "65 Years", None, JSON),
    ("Age ≥ 18 years", None, "18 Years", JSON),
    ("Age 18-40 years", "18 Years", "40 Months", JSON),
    ("Age 20～80", "20 Years", "N/A", XML),
    ("Males and females between the ages of 18 and 50", "18 Years", "65 Years", JSON),
    ("Age 18-65 years", "18 Years", "75 Years", PAGE),
    ("Healthy Children, Between 12 Months And 12 Years Of Age", "12 Years", "12 Years", XML),
    ("Males or females 18 to 65 years of age.", "N/A", "N/A", XML),
]

# (criteria text, minimum age, maximum age, layout): no one clear limit that disagrees.
_AGREE = [
    ("Age 6 months to 17 years", "6 Months", "17 Years"),
    ("Up to 17 years of age", "N/A", "17 Years"),
    ("Under 18 years of age", "N/A", "17 Years"),
    ("Children under 18 years of age", "1 Month", "18 Years"),
    ("Age ≥ 18 years", "18 Years", None),
    ("Age ≥ 18 years", "18 Years", "75 Years"),
    ("Age 18-65", "18 Years", "65 Years"),
    ("Aged 18-65 years", "18 Years", "64 Years"),
    ("Age 18-64 years", "18 Years", "65 Years"),
    ("Age > 18 years", "19 Years", None),
    ("Age \\> 18 years", "18 Years", "99 Years"),
    ("2.5 to \\< 18 years of age", "30 Months", "17 Years"),
    ("Age 1 to 24 months", "1 Month", "2 Years"),
    ("Age 28 days to 17 years", "4 Weeks", "17 Years"),
    ("Up to 2 years of age", "0 Days", "24 Months"),
    ("Less than 2 years old", "0 Days", "23 Months"),
    ("Aged 12 months to 5 years", "1 Year", "5 Years"),
    ("Age 18-65 years", "216 Months", "780 Months"),
    ("Male or female aged 18-65 years", "18 Years", "65 Years"),
    ("Patients be age \\>18 years and \\< 75 years", "18 Years", "75 Years"),
    ("Age ≥18 and ≤69 years.", "18 Years", "69 Years"),
    ("Between the ages of 20 and 45", "20 Years", "45 Years"),
    ("18 years old to 65 years old", "18 Years", "64 Years"),
    ("Males and females (age 9 - 17.99)", "9 Years", "17 Years"),
    ("be ≥ 0.5 year old and ≤ 18 years old", "6 Months", "18 Years"),
    ("Age 18 and above, regardless of gender", "18 Years", None),
    ("Subjects aged 65 years or older at the time of informed consent", "65 Years", None),
    ("Age 4 to 7 years at the time of consent.", "4 Years", "7 Years"),
    ("Ages eligible: 18 years and older", "18 Years", None),
    ("Not younger than 18 years and not older than 70 years", "18 Years", "70 Years"),
    ("Population over 18 years of age up to 70, sample size 30.", "18 Years", "70 Years"),
    ("Age \\>/= 18 years", "18 Years", None),
    ("Greater than or equal to (≥) 18 years of age", "18 Years", None),
]
_NOT_ONE_LIMIT = [
    ("Age ≥ 18 years or the legal age of majority in the country of the study", "16 Years", None),
    ("At least 18 years of age (or the legal age of consent in the jurisdiction)", "19 Years", None),
    ("Age ≥ 18 years (≥ 12 years in countries where approved)", "12 Years", None),
    ("Age ≥ 18 years, or ≥ 12 years and weighing ≥ 40 kg", "12 Years", None),
    ("Age ≥ 16 years (≥ 18 years in Germany)", "18 Years", None),
    ("Age 18 years or older (16 or 17 with parental consent)", "16 Years", None),
    ("18 years of age or older (19 in Korea)", "19 Years", None),
    ("Adults aged 18-65 years\n* Adolescents aged 12-17 years", "12 Years", "65 Years"),
    ("Age ≥ 18 years\n* Age ≤ 75 years at randomization", "18 Years", None),
    ("Parents aged 18 years or older", "0 Years", "5 Years"),
    ("Caregiver aged ≥ 21 years", "2 Years", "12 Years"),
    ("Children aged 6-12 of the participants", "18 Years", None),
    ("Mothers aged 18-40 years and their infants", "0 Days", "28 Days"),
    ("Women aged 18 or older and their infants", "0 Years", None),
    ("Women aged 18 years or older and their newborn babies", "N/A", "N/A"),
    ("Pregnant women aged 18-45 years and their offspring", "0 Days", "45 Years"),
    ("Donor age 18-60 years", "N/A", "N/A"),
    ("HLA-identical sibling donor aged 16 years or older", "1 Year", "21 Years"),
    ("Infants born at < 32 weeks gestational age", "0 Days", "6 Months"),
    ("Post-menstrual age 32 to 36 weeks at enrolment", "0 Days", "3 Months"),
    ("Preterm infants aged 2 to 8 weeks", "0 Days", "6 Months"),
    ("Diagnosed before the age of 40 years", "18 Years", None),
    ("Age at diagnosis ≤ 18 years", "1 Year", "30 Years"),
    ("Age of onset < 12 years", "18 Years", None),
    ("Onset of symptoms before 40 years of age", "18 Years", None),
    ("Age at HSCT ≤ 21 years", "1 Month", "18 Years"),
    ("Diagnosis of type 1 diabetes ≤ 18 years of age", "18 Years", "45 Years"),
    ("At least 6 months of treatment with metformin", "18 Years", None),
    ("Disease duration of at least 1 year", "18 Years", None),
    ("History of smoking for more than 10 years", "40 Years", None),
    ("Time since diagnosis less than 5 years", "18 Years", None),
    ("Stable dose for ≥ 3 months before screening", "18 Years", None),
    ("Age-appropriate vaccinations up to date", "2 Months", "6 Years"),
    ("Adult patients (as defined by local law)", "18 Years", None),
    ("Adults", "21 Years", None),
    ("Women of childbearing age must use contraception", "18 Years", "45 Years"),
    ("For patients ≥ 50 years of age, a colonoscopy within the past 5 years", "18 Years", "70 Years"),
    ("T1 tumors with high-risk features such as lymphovascular invasion or age < 35 years", "18 Years", "80 Years"),
    ("Age 18-5 years", "18 Years", "50 Years"),
    ("Life expectancy of at least 3 months", "18 Years", None),
]
_GROUPS = [
    "Inclusion Criteria:\n\nCohort 1:\n* Adults aged 18 to 65 years\n\nCohort 2:\n* Adolescents aged 12 to 17 years",
    "Inclusion Criteria:\n\nPart A (healthy volunteers):\n* Aged 18-55 years\n\nPart B:\n* Patients with asthma",
    "Inclusion Criteria:\n\nPATIENT:\n\nAges 1-55 years.\n\nHLA identical sibling.\n\nDONOR:\n\nHLA identical "
    "sibling or parent donor.\n\nExclusion Criteria:\n\nPregnancy",
    "Inclusion Criteria:\n\n* Stratum A: children 2-11 years of age\n* Stratum B: adolescents 12-17 years of age",
    "Inclusion Criteria:\n\nHealthy volunteers:\n* Age 18-45 years\n\nPatients:\n* Diagnosis of COPD",
    "Inclusion Criteria:\n\n* Age ≥ 18 years in the adult cohort; 12 to 17 years in the adolescent cohort",
]
QUIET = ([(listed(item), lo, hi, JSON) for item, lo, hi in _AGREE + _NOT_ONE_LIMIT]
         + [(text, "12 Years", "65 Years", JSON) for text in _GROUPS]
         + [
             # An age in an exclusion criterion only.
             ("Inclusion Criteria:\n\n* Signed consent\n\nExclusion Criteria:\n\n* Age < 18 years", "12 Years", None,
              JSON),
             # No inclusion heading, and the age is not the list's first item: its criteria may include or exclude
             # (one whose first item is the age is the inclusion list: test_criteria_ages_in_lists_without_headings).
             ("No pregnancy\nAge 18-65", "18 Years", "N/A", XML),
             # A page that does not show the ages, and an API v2 record that gives neither.
             (listed("Age 18-65 years"), None, None, PAGE),
             (listed("Age 18-65 years"), "18 Years", None, PAGE),
             (listed("Age 18-65 years"), None, None, JSON),
             # Legacy hard-wrapped criterion with an alternative on its next line.
             (listed("Aged 18 to 60 years (i.e. to the day before the 61st birthday) or 61 years or above\n"
                     "     (from the day of the 61st birthday) on the day of inclusion", layout=XML),
              "18 Years", "N/A", XML),
             (listed("Age ≥ 18 years", layout=XML), "18 Years", "N/A", XML),
             (listed("Age 6 months to 17 years", layout=XML), "6 Months", "17 Years", XML),
             # A value that is no age.
             (listed("Age ≥ 18 years"), "Adult", None, JSON),
         ])


def _fires(text: str, minimum: str | None, maximum: str | None, layout: str) -> bool:
    registry = layout in (JSON, XML) and not (minimum is None and maximum is None)
    return bool(list(study_age_findings("NCT0", text, minimum, maximum, registry)))


@pytest.mark.parametrize("item, minimum, maximum, layout", FIRES, ids=[c[0][:60] for c in FIRES])
def test_one_clear_age_limit_that_the_ages_contradict_fires(item, minimum, maximum, layout):
    assert _fires(listed(item, layout=layout), minimum, maximum, layout), (item, minimum, maximum)


@pytest.mark.parametrize("text, minimum, maximum, layout", QUIET, ids=[c[0][22:82] for c in QUIET])
def test_ages_that_agree_or_are_no_one_limit_stay_quiet(text, minimum, maximum, layout):
    assert not _fires(text, minimum, maximum, layout), (text, minimum, maximum)


def test_there_are_enough_phrasings_on_both_sides():
    assert len(FIRES) >= 40 and len(QUIET) >= 60


def test_the_finding_quotes_both_sides():
    text = listed("Age 12 to 17 years")
    [finding] = study_age_findings("NCT0", text, "18 Years", None, True)
    assert finding.message == ("The inclusion criteria state the participants' ages as 12 years to 17 years, which "
                               "disagrees with the record's minimum and maximum age (minimum '18 Years', maximum "
                               "none given).")
    assert "Age 12 to 17 years" in finding.evidence
    assert "eligibilities.minimum_age='18 Years'" in finding.evidence
    assert "eligibilities.maximum_age=none given" in finding.evidence


def _study(criteria: str, minimum: str | None, maximum: str | None, layout: str) -> dict:
    return harness.eligibility_study(criteria, layout, minimum_age=minimum, maximum_age=maximum)


def test_the_rule_reads_each_layouts_ages_from_the_warehouse(tmp_path):
    studies = {
        "NCT00000001": _study(listed("Aged 18-65 years"), "18 Years", None, JSON),
        "NCT00000002": _study(listed("Aged 18-65 years", layout=XML), "18 Years", "N/A", XML),
        "NCT00000003": _study(listed("Aged 18-65 years"), "18 Years", None, PAGE),
        "NCT00000004": _study(listed("Aged 18-65 years"), "18 Years", "75 Years", PAGE),
        "NCT00000005": _study(listed("Aged 18-65 years"), "18 Years", "65 Years", JSON),
        "NCT00000006": _study(listed("Aged 18-65 years"), None, None, JSON),
    }
    flagged = harness.flagged_studies(tmp_path, studies, RULES)[RULE_ID]
    assert flagged == {"NCT00000001", "NCT00000002", "NCT00000004"}


@pytest.mark.parametrize("item, minimum, maximum", _AGREE, ids=[c[0][:60] for c in _AGREE])
def test_ages_that_agree_are_read_as_one_limit(item, minimum, maximum):
    """The agreeing criteria stay quiet because their ages are read and agree, not because they went unread."""
    assert stated_ages(listed(item)) is not None, item


@pytest.mark.parametrize("text", [
    "Patient Inclusion Criteria:\n\n* Age 18-65 years\n\nDonor Inclusion Criteria:\n\n* HLA-matched sibling",
    "Healthy Volunteer Inclusion Criteria:\n\n* Aged 18 to 45 years\n\nExclusion Criteria:\n\n* Pregnancy",
    "Inclusion Criteria for Cohort 1:\n\n* Age ≥ 18 years\n\nExclusion Criteria:\n\n* Pregnancy",
])
def test_an_inclusion_list_of_one_group_stays_quiet(text):
    assert not _fires(text, "12 Years", None, JSON), text


def test_a_lead_in_sentence_with_a_colon_is_no_groups_label():
    text = ("Inclusion Criteria:\n\nParticipants must meet all of the following:\n\n* Age 12 to 17 years\n"
            "* Signed assent\n\nExclusion Criteria:\n\n* Pregnancy")
    assert _fires(text, "18 Years", "65 Years", JSON)


# A legacy record's criteria in the PDQ's form: its "PATIENT CHARACTERISTICS:" block's "Age:", inline (wrapped) or
# above a bullet, and no inclusion heading.
_PDQ_BULLETED = ("DISEASE CHARACTERISTICS:\n\n  -  Histologically confirmed melanoma\n\nPATIENT CHARACTERISTICS:\n\n"
                 "Age:\n\n  -  {age}\n\nPerformance status:\n\n  -  ECOG 0-2\n\nPRIOR CONCURRENT THERAPY:\n\n"
                 "  -  No prior chemotherapy")
_PDQ_INLINE = ("DISEASE CHARACTERISTICS: Stage III breast cancer\n\nPATIENT CHARACTERISTICS: Age: {age} Sex: Women only"
               " Performance status:\nGOG 0-2 Life expectancy: Not specified")
PDQ_FIRING = [
    (_PDQ_BULLETED, "18 and over", "N/A", "N/A"),
    (_PDQ_BULLETED, "18 to 65", "18 Years", "N/A"),
    (_PDQ_INLINE, "70 and under", "N/A", "65 Years"),
    (_PDQ_INLINE, "16 and over", "18 Years", "N/A"),
]
PDQ_QUIET = [
    (_PDQ_BULLETED, "18 and over", "18 Years", "N/A"),
    (_PDQ_BULLETED, "Under 70", "N/A", "69 Years"),
    (_PDQ_INLINE, "18 to 65", "18 Years", "65 Years"),
    (_PDQ_INLINE, "Any age", "N/A", "N/A"),
    (_PDQ_INLINE, "Children", "N/A", "18 Years"),
    (_PDQ_BULLETED, "5 and over (cystic fibrosis)\n\n  -  Under 18 (all others)", "5 Years", "N/A"),
    # under an inclusion heading the inclusion list is read, as any: its one age agrees
    (_PDQ_BULLETED.replace("PATIENT CHARACTERISTICS:", "Inclusion Criteria:\n\nPATIENT CHARACTERISTICS:"),
     "18 and over", "18 Years", "N/A"),
]


@pytest.mark.parametrize("form, age, minimum, maximum", PDQ_FIRING)
def test_a_pdq_blocks_age_that_the_ages_contradict_fires(form, age, minimum, maximum):
    findings = list(study_age_findings("NCT00000001", form.format(age=age), minimum, maximum, True))
    assert len(findings) == 1 and "patient characteristics" in findings[0].message, findings


@pytest.mark.parametrize("form, age, minimum, maximum", PDQ_QUIET)
def test_a_pdq_blocks_age_that_agrees_or_is_no_one_limit_stays_quiet(form, age, minimum, maximum):
    assert list(study_age_findings("NCT00000001", form.format(age=age), minimum, maximum, True)) == []
