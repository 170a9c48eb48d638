"""Phrases of three readings. An "Eligibility Criteria" heading that follows the items of an inclusion list opens
another list (records write it for the exclusions), which the sex, age and healthy-volunteer rules do not read as
inclusion; before the inclusion list it heads the whole criteria. A group's lettered label that runs on into its
first numbered criterion ("B) Concomitant Medication 1. Patients ...") opens that list, and a number after a stray
point (" .2. Patients") is written, so neither is missing. An observational study the trial is run as part of,
nested in or within ("as part of a larger, on-going observational study") is the host, not this study."""
from __future__ import annotations

import pytest

from checks import contradictions_criteria
from checks.criteria_ages import study_age_findings
from checks.criteria_sex import study_healthy_findings, study_sex_findings
from tests.checks import harness
from tests.checks.harness import SINGLE_GROUP_OPEN

INCLUSION = "Inclusion Criteria:\n\n"
EXCLUSION = "\n\nExclusion Criteria:\n\n1. Pregnancy\n2. Smoking\n"
TIGIT_EXCLUSIONS = "\n\n1. Previous exposure to any anti-TIGIT antibody.\n2. Pregnant or nursing females."

# (criteria text, the record's Sex, whether criteria_sex_differs fires)
SEX = [
    # NCT04353830: the exclusion list headed "Eligibility Criteria" with a full-width colon
    (INCLUSION + "1. Adults 18 years of age or older." + "\n\nEligibility Criteria\uff1a" + TIGIT_EXCLUSIONS, "ALL",
     False),
    (INCLUSION + "* Adults with asthma\n\nKey Eligibility Criteria:\n\n* Women who are pregnant or breast-feeding",
     "ALL", False),
    (INCLUSION + "* Adults with asthma\n\n**Eligibility Criteria**\n\n* Males with a partner planning pregnancy",
     "ALL", False),
    # the inclusion list before the heading is read as before
    (INCLUSION + "1. Postmenopausal women aged 50 or older." + "\n\nEligibility Criteria\uff1a" + TIGIT_EXCLUSIONS,
     "ALL", True),
    # a heading over the whole criteria, above the inclusion list
    ("Eligibility Criteria:\n\n" + INCLUSION + "* Women aged 18 or older\n\nExclusion Criteria:\n\n* Pregnancy",
     "ALL", True),
    ("Key Eligibility Criteria\uff1a\n" + INCLUSION + "* Men aged 40 or older" + EXCLUSION, "ALL", True),
    # a line that names a part's or a phase's criteria, inside the inclusion list, is read as before
    (INCLUSION + "Treatment eligibility\n\n* Women aged 18 or older" + EXCLUSION, "ALL", True),
    (INCLUSION + "* Adults with asthma\n\nEligibility criteria for the extension phase:\n\n* Women aged 18 or older"
     + EXCLUSION, "ALL", True),
]


@pytest.mark.parametrize("text, gender, fires", SEX, ids=[f"{c[1]}:{c[0][20:70]}" for c in SEX])
def test_a_second_eligibility_heading_ends_the_inclusion_list_for_sex(text, gender, fires):
    found = list(study_sex_findings("NCT00000001", text, gender, None))
    assert bool(found) is fires, [f.message for f in found]


# (criteria text, minimum age, maximum age, whether criteria_age_differs fires)
AGES = [
    (INCLUSION + "1. Age 18 to 65 years\n2. Asthma\n\nEligibility Criteria:\n\n1. Age over 80 years\n2. Smokers",
     "18 Years", "80 Years", True),
    (INCLUSION + "1. Age 18 to 80 years\n2. Asthma\n\nEligibility Criteria:\n\n1. Age over 80 years\n2. Smokers",
     "18 Years", "80 Years", False),
    ("Eligibility Criteria:\n\n" + INCLUSION + "1. Age 18 to 65 years" + EXCLUSION, "18 Years", "80 Years", True),
]


@pytest.mark.parametrize("text, minimum, maximum, fires", AGES, ids=[f"{c[2]}:{c[0][20:60]}" for c in AGES])
def test_a_second_eligibility_heading_ends_the_inclusion_list_for_ages(text, minimum, maximum, fires):
    found = list(study_age_findings("NCT00000001", text, minimum, maximum, True))
    assert bool(found) is fires, [f.message for f in found]


# (criteria text, whether criteria_healthy_volunteers_differs fires with Healthy Volunteers 'No')
HEALTHY = [
    (INCLUSION + "* Adults with moderate asthma\n\nEligibility Criteria\uff1a\n\n* Healthy volunteers who took part "
     "in another trial within 30 days", False),
    ("Eligibility Criteria:\n\n" + INCLUSION + "* Healthy volunteers aged 18 to 45" + EXCLUSION, True),
]


@pytest.mark.parametrize("text, fires", HEALTHY, ids=[c[0][20:70] for c in HEALTHY])
def test_a_second_eligibility_heading_ends_the_inclusion_list_for_healthy_volunteers(text, fires):
    found = list(study_healthy_findings("NCT00000001", text, False))
    assert bool(found) is fires, [f.message for f in found]


def _gap(found: int, missing: str, section: str = "exclusion") -> list[str]:
    verb = "are" if " and " in missing else "is"
    return [f"The numbered {section} criteria jump to {found}, so {missing} {verb} missing."]


LETTERED = "Exclusion Criteria:\n\nA) Previous or current Medical Conditions\n\n* Unstable angina pectoris\n\n"
# (criteria text, the numbering gap rule's messages)
GAPS = {
    # NCT00654914
    "a lettered label run on into item 1, item 2 after a stray point": (
        LETTERED + "B) Concomitant Medication 1. Patients who are taking nitrates (e.g. molsidomine) .2. Patients who "
        "are taking anticoagulants.\n\n3. Patients who are taking androgens.\n\n4. Patients taking ritonavir.", []),
    "a lettered label run on into item 1": (
        LETTERED + "B) Concomitant Medication 1. Patients taking nitrates\n\n2. Patients taking anticoagulants\n\n"
        "3. Patients taking androgens", []),
    "a bracketed letter's label run on into item 1": (
        LETTERED + "(b) Prior therapy 1. Chemotherapy within 4 weeks\n2. Radiotherapy within 2 weeks\n"
        "3. Surgery within 4 weeks", []),
    "item 2 after a stray point": (
        INCLUSION + "1. Adults aged 18 or older (e.g. outpatients) .2. Able to give consent\n3. Asthma\n4. Non-smokers",
        []),
    # still missing
    "a lettered label run on into item 1, item 2 left out": (
        LETTERED + "B) Concomitant Medication 1. Patients taking nitrates\n\n3. Patients taking androgens\n\n"
        "4. Patients taking ritonavir", _gap(3, "criterion 2")),
    "item 2 left out": (
        INCLUSION + "1. Adults aged 18 or older\n3. Asthma\n4. Non-smokers", _gap(3, "criterion 2", "inclusion")),
    "a decimal before a point is no item 2": (
        INCLUSION + "1. Platelets above 0.2. Adults aged 18 or older\n3. Asthma\n4. Non-smokers",
        _gap(3, "criterion 2", "inclusion")),
}


@pytest.fixture(scope="module")
def gap_messages() -> dict[str, list[str]]:
    """The numbering gap rule's messages for every text of GAPS."""
    return harness.criteria_rule_messages(contradictions_criteria.criteria_numbering_gap,
                                          {name: text for name, (text, _) in GAPS.items()})


@pytest.mark.parametrize("name", GAPS)
def test_numbers_after_a_lettered_label_or_a_stray_point_are_items(gap_messages, name):
    assert gap_messages[name] == GAPS[name][1]


OBSERVATIONAL = "contradictions.study_type_text_observational"
# (rule, design, (field, text), fires)
DESIGN = [
    # NCT00939198
    (OBSERVATIONAL, SINGLE_GROUP_OPEN, ("detail", "The clinical testing of the skin test reagent will be conducted as "
                                                  "part of a larger, on-going observational study of the prevalence "
                                                  "of hookworm infection currently underway in Brazil."), False),
    (OBSERVATIONAL, SINGLE_GROUP_OPEN, ("summary", "This trial is nested in the parent observational cohort study of "
                                                   "2,000 adults."), False),
    (OBSERVATIONAL, SINGLE_GROUP_OPEN, ("summary", "The trial is part of an ongoing observational study of child "
                                                   "growth."), False),
    (OBSERVATIONAL, SINGLE_GROUP_OPEN, ("summary", "Children are vaccinated within a larger, ongoing observational "
                                                   "cohort study in Kenya."), False),
    (OBSERVATIONAL, SINGLE_GROUP_OPEN, ("detail", "The skin test will be conducted as part of a larger, on-going "
                                                  "observational study of hookworm infection in Brazil. Eligible adult "
                                                  "participants in this observational study will be invited to undergo "
                                                  "the skin testing procedure."), False),
    (OBSERVATIONAL, SINGLE_GROUP_OPEN, ("summary", "The trial is nested in an observational cohort of mothers. The "
                                                   "ongoing observational study provides the pregnancy data."), False),
    # this study called observational
    (OBSERVATIONAL, SINGLE_GROUP_OPEN, ("detail", "Controls will be taken from an observational registry study. This "
                                                  "is an observational study of 100 adults."), True),
    (OBSERVATIONAL, SINGLE_GROUP_OPEN, ("detail", "Controls will be taken from an observational registry study. This "
                                                  "trial, a prospective observational study, enrols 100 adults."),
     True),
    (OBSERVATIONAL, SINGLE_GROUP_OPEN, [("summary", "The trial is nested in an observational cohort of mothers."),
                                        ("detail", "This observational study will enrol 200 mothers.")], True),
    (OBSERVATIONAL, SINGLE_GROUP_OPEN, ("summary", "This is a prospective observational study of 200 adults."), True),
    (OBSERVATIONAL, SINGLE_GROUP_OPEN, ("summary", "As part of this project, we will conduct an observational study "
                                                   "of 200 adults."), True),
    (OBSERVATIONAL, SINGLE_GROUP_OPEN, ("detail", "This observational study will enrol 200 adults within a single "
                                                  "clinic."), True),
    (OBSERVATIONAL, SINGLE_GROUP_OPEN, ("summary", "The trial will be conducted as an observational study, part of "
                                                   "routine care."), True),
]
CASES = harness.numbered_cases(DESIGN)


@pytest.fixture(scope="module")
def design_findings(tmp_path_factory) -> dict[str, list[tuple]]:
    return harness.design_rule_findings(tmp_path_factory.mktemp("host_studies"), CASES, {OBSERVATIONAL})


@pytest.mark.parametrize("nct_id", CASES, ids=[harness.design_or_arms_case_id(c) for c in DESIGN])
def test_an_observational_study_hosting_the_trial_is_not_this_study(design_findings, nct_id):
    harness.design_case_found(design_findings, nct_id, CASES[nct_id])
