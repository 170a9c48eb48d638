"""Phrases of contradictions.criteria_age_differs: an age stated in one of alternative ways into a study is that
way's, not everyone's. An item whose people have not had something another item requires ("Women younger than 50
years who had not undergone prior mammography" beside "Past prior screening mammography"), and items that each open
by naming people of another time of life ("- Children who have ..." beside "- Adolescents between the ages of 15-17
years who have ..."), are such ways, and so is an item that states inside it an age of its own people that no age of
the statement meets ("Patients having low risk ... and having an age of <65 years" beside "Patients having an age of >
65 years with ..."): the ages all ways admit together are compared with the record's, and a side they still
disagree on is named alone. The same age beside no such item, beside an overlapping age, an age at an event or
another person's age still fires."""
from __future__ import annotations

import pytest

from checks.criteria_ages import study_age_findings


def numbered(*items: str) -> str:
    """Criteria with a numbered inclusion list, then an exclusion list."""
    body = "\n\n".join(f"  {n}. {item}" for n, item in enumerate(items, 1))
    return f"Inclusion Criteria:\n\n{body}\n\nExclusion Criteria:\n\n  1. Pregnancy"


def bulleted(*items: str) -> str:
    """Criteria with a bulleted inclusion list, then an exclusion list."""
    body = "\n\n".join(f"  -  {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n\nExclusion Criteria:\n\n  -  Any eye disease"


def _fires(text: str, minimum: str, maximum: str) -> bool:
    return bool(list(study_age_findings("NCT0", text, minimum, maximum, True)))


# (criteria text, minimum age, maximum age, whether the rule fires)
RULING_OUT = {
    # NCT00620373
    "younger women without the prior examination another way requires": (numbered(
        "Past prior screening mammography (SM) interpreted as negative or benign",
        "Past prior SM interpreted as heterogeneously dense or extremely dense",
        "Women younger than 50 years who had not undergone prior mammography, as most of these\n     women have dense "
        "breasts."), "25 Years", "N/A", False),
    # NCT01253447
    "older patients with fewer prior regimens than another way requires": (bulleted(
        "Patients must have persistent or relapsing disease requiring 2nd salvage therapy (e.g. after\n     failure of "
        "two prior treatment regimens)",
        "Patients age >= 60 years with less than two prior treatment regimens not candidates\n     for standard "
        "chemotherapy", "ECOG performance status =< 2"), "18 Years", "N/A", False),
    "an age never had the prior surgery another item requires": (bulleted(
        "Prior surgery for the primary tumour", "Age 70 years or older, and never had prior surgery",
        "ECOG performance status =< 2"), "18 Years", "N/A", False),
    # still everyone's age
    "an age beside no item requiring the thing": (bulleted(
        "Histologically confirmed AML", "Patients age >= 60 years with less than two prior treatment regimens",
        "ECOG performance status =< 2"), "18 Years", "N/A", True),
    "another item ruling the same thing out": (numbered(
        "No prior chemotherapy for metastatic disease", "Patients aged 60 years or older without prior chemotherapy"),
        "18 Years", "N/A", True),
    "another item bounding the thing it names": (numbered(
        "At most one prior chemotherapy regimen", "Patients aged 60 years or older without prior chemotherapy"),
        "18 Years", "N/A", True),
    "the thing required only within the age's own item": (numbered(
        "Histologically confirmed AML", "Patients aged 60 years or older without prior chemotherapy, or after prior "
        "chemotherapy failed"), "18 Years", "N/A", True),
}

LIFE_STAGES = {
    # NCT01023841
    "the third of three groups, adolescents beside children": (bulleted(
        "Children who have inadequate eyelashes or have lost their eyelashes as a result of\n     chemotherapy "
        "treatment, who completed their chemotherapy at least 4 weeks before",
        "Children who have minimal to moderate inadequate eyelashes due to alopecia areata",
        "Adolescents between the ages of 15-17 years who have minimal to marked inadequate\n     eyelashes"),
        "5 Years", "17 Years", False),
    "children aged beside toddlers with": (bulleted(
        "Toddlers with a history of wheeze", "Children aged 3 to 5 years with asthma"), "1 Year", "5 Years", False),
    "adults aged beside adolescents with": (bulleted(
        "Adults aged 18 to 65 years with asthma", "Adolescents with asthma who use an inhaler"), "12 Years",
        "65 Years", False),
    "young adults beside adolescents": (bulleted(
        "Adolescents with type 1 diabetes on insulin pumps", "Young adults aged 18-25 years with type 1 diabetes"),
        "13 Years", "25 Years", False),
    # still everyone's age
    "one time of life in every item": (bulleted(
        "Children aged 6-11 years with asthma", "Children who use an inhaler"), "2 Years", "11 Years", True),
    "one item naming people beside criteria naming none": (bulleted(
        "Adults aged 18-65 years with asthma", "Non-smokers"), "12 Years", "65 Years", True),
    "another time of life named only inside an item": (bulleted(
        "Adults aged 18-65 years with asthma", "Living with children who have asthma"), "12 Years", "65 Years", True),
    "the other people named by an item that is no list's": (
        "Inclusion Criteria:\n\nAdults aged 18-65 years with asthma. Children with asthma are not eligible.\n\n"
        "Exclusion Criteria:\n\n  -  Smoking", "12 Years", "65 Years", True),
}


@pytest.mark.parametrize("name", RULING_OUT)
def test_an_age_of_an_item_ruling_out_another_is_no_one_s_age(name):
    text, minimum, maximum, fires = RULING_OUT[name]
    assert _fires(text, minimum, maximum) is fires


@pytest.mark.parametrize("name", LIFE_STAGES)
def test_an_age_of_one_time_of_life_among_others_is_that_group_s(name):
    text, minimum, maximum, fires = LIFE_STAGES[name]
    assert _fires(text, minimum, maximum) is fires


SIGNS = "and having any 1 out of 4 of the following signs"
# (criteria text, minimum age, maximum age, the message's words or None where the rule stays quiet)
OTHER_WAYS_AGES = {
    # NCT04730323
    "one way over an age, another under it": (bulleted(
        "All patients diagnosed with COVID-19 infection", f"Patients having an age of > 65 years with proven "
        f"cardiomyopathy {SIGNS}",
        f"Patients having low risk or no comorbidities and having an age of <65 years {SIGNS}"),
        "16 Years", "85 Years", None),
    "one way from an age on, another up to the age before it": (numbered(
        "Age 18 to 64 years with moderate persistent asthma", "Patients with severe asthma on daily oral steroids for "
        "more than one year, who are 65 years or older"), "18 Years", "N/A", None),
    # still fires: what the ways admit together is not what the record says
    # NCT04431869: still fires, on the side all ways together still disagree on
    "a way for newborns beside a way for adults": (bulleted(
        "Pregnant women with COVID-19 during pregnancy who received care at the hospital, having an age of 18 years or "
        "older", "Neonates born to infected mothers", "Neonates aged 1 to 60 days of life with limb anomalies"),
        "18 Years", "N/A", "at least 18 years in another (at least 1 day together), which disagrees with the "
        "record's minimum age ("),
    # still fires: no other way's own age apart from the statement's
    "an overlapping age in another item": (bulleted(
        f"Patients having an age of > 65 years with proven cardiomyopathy {SIGNS}", "Patients having low risk or no "
        "comorbidities and having an age of 50 years or older"), "16 Years", "85 Years", "the record's minimum age"),
    "an age at an event in another item": (bulleted(
        "Age 18 to 40 years", "Patients with type 1 diabetes on insulin for at least one year, diagnosed at age < 12 "
        "years"), "18 Years", "N/A", "the record's maximum age"),
    "another person's age in another item": (bulleted(
        "Women aged 18 to 45 years", "Women who breastfeed exclusively and plan to go on during the study, with an "
        "infant younger than 6 months of age"), "18 Years", "N/A", "the record's maximum age"),
    "an age in a bracketed note on another item": (numbered(
        "Be 18 years of age or older", "Immunocompromised, as defined by a congenital immunodeficiency (only "
        "applicable to\n     subjects age < 18 years old)"), "N/A", "N/A", "the record's minimum age"),
}


@pytest.mark.parametrize("name", OTHER_WAYS_AGES)
def test_ages_of_other_ways_in_are_compared_together(name):
    text, minimum, maximum, said = OTHER_WAYS_AGES[name]
    found = list(study_age_findings("NCT0", text, minimum, maximum, True))
    assert [said in f.message for f in found] == ([] if said is None else [True])
