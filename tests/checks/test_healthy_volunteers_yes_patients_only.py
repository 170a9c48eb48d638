"""Healthy Volunteers 'Yes' on a study whose inclusion criteria admit only people with a condition
(contradictions.healthy_volunteers_yes_patients_only).

A criterion that requires a disease ("Diagnosis of malignant wound with odor", "Age >= 20 years, Histopathology proved
PTC") admits only people who have it; a record that names healthy people, controls or another group anywhere (the
criteria, titles, arms, conditions), admits people for a procedure, or prevents or screens for the condition, stays
quiet, as do requirements that are none ("can have", "controlled diabetes will be included"), a risk of a condition
("Patients with a family history of breast cancer") and a state of health, an ability or a measure ("Patients with
good oral hygiene", "Patients with BMI 18-30"). A condition suspected by its signs, a sensitisation or a family named
in a title still fires.
"""
from __future__ import annotations

import pytest

from checks.criteria_patients_only import RULE_ID, RULES, study_patients_only_findings
from tests.checks import harness
from tests.checks.cases_criteria_sex import JSON, XML, listed

# Inclusion items that require a condition, each from a real record's wording.
FIRES = [
    "Diagnosis of malignat wound with odor, regardless of location, etiology and tumor staging",
    "Age ≥20 years, Histopathology proved PTC, with no lymph nodes detected (N0)",
    "18 years old to 65 years old, diagnosis of primary headache",
    "Histologically confirmed, previously untreated stage II-III NSCLC, cTNM stage can be confirmed by PET-CT",
    "Patients with erectile dysfuction",
    "meet DSM-IV criteria for schizophrenia, any type, or schizoaffective disorder",
    "Moderate to severe heart failure (NYHA Class II or above) on optimal medical therapy",
    "Is HIV-1 positive with plasma HIV-1 RNA ≥500 copies/mL at screening",
    "Patients who will be clinically diagnosed as having atrophic and/or erosive oral lichen planus",
    "Patients presenting with acute uncomplicated appendicitis",
    "Survivors of childhood acute lymphoblastic leukemia",
    "Type 2 diabetes, e.g., HbA1c >= 6.5%, provider documented T2D",
    "Clinical diagnosis of chronic hand pain from arthritis",
]


def _fires(criteria: str, healthy: bool | None = True, described: tuple[str, ...] = (),
           purpose: str | None = "TREATMENT") -> bool:
    return bool(list(study_patients_only_findings("NCT0", criteria, healthy, described, purpose)))


@pytest.mark.parametrize("layout", (JSON, XML))
@pytest.mark.parametrize("item", FIRES, ids=[item[:50] for item in FIRES])
def test_a_required_condition_beside_healthy_volunteers_yes_fires(item, layout):
    assert _fires(listed("Age 18 years or older", item, layout=layout)), item


def test_a_lettered_list_of_one_requirement_fires():
    criteria = ("Inclusion Criteria:\n\na) Patients Falling into PCOS as per Rotterdam criteria\n\nExclusion "
                "Criteria:\n\n1. Systemic diseases like atherosclerosis,\n2. Diabetes mellitus")
    assert _fires(criteria)


# (a requirement that fires alone; the inclusion items and the titles, arms or conditions of the record, which name
# others beside its patients).
OTHERS_NAMED = [
    ("Patients with colorectal cancer", ("Patients with colorectal cancer", "Controls"), ()),
    ("Diagnosis of essential hypertension", ("Diagnosis of essential hypertension",),
     ("100 mcg Vaccine Healthy Volunteers",)),
    ("Diagnosed with Parkinson disease", ("Diagnosed with Parkinson disease",),
     ("Mild Cognitive Impairment", "Healthy Volunteers")),
    ("Patients falling into PCOS as per Rotterdam criteria", ("Patients falling into PCOS as per Rotterdam criteria",),
     ("Serum Biomarkers in PCOS Females With and Without Metformin Versus Healthy Controls",)),
    ("Survivor of endometrial cancer", ("Survivor of endometrial cancer (survivor group only)", "Age 45 or older"), ()),
    ("Diagnosed with a pituitary disorder",
     ("Diagnosed with a pituitary disorder OR be a caretaker of someone with a pituitary disorder",), ()),
    ("HIV infected infants followed at the sites",
     ("Perinatally exposed to HIV", "HIV infected infants followed at the sites"), ()),
    ("HIV infected", ("HIV infected", "Viral load of 10,000 copies/ml or less"),
     ("Carotid Thickness in HIV Infected and Uninfected Adults",)),
    ("Meet criteria for mild Alzheimer's disease",
     ("Age 60 and older", "Meet criteria for mild Alzheimer's disease, or have no cognitive impairment"), ()),
    ("Patients with signs or symptoms of cardiovascular disease",
     ("Patients with signs or symptoms or risk of cardiovascular disease",), ()),
    ("Diagnosis of knee osteoarthritis", ("Diagnosis of knee osteoarthritis",),
     ("Age- and sex-matched participants without knee pain",)),
    ("Patients with type 2 diabetes", ("Patients with type 2 diabetes",), ("HIV Seronegativity",)),
    ("Diagnosis of asthma", ("Diagnosis of asthma",), ("Asthma in Adults With and Without Obesity",)),
    ("Diagnosis of chronic migraine",
     ("Diagnosis of chronic migraine", "Patients undergoing surgery (non-painful complaint) dilatation and curettage"),
     ()),
    ("Patients having either Type I or Type II diabetes mellitus",
     ("Patients undergoing elective surgery", "Patients having either Type I or Type II diabetes mellitus"), ()),
]


@pytest.mark.parametrize("alone, items, described", OTHERS_NAMED, ids=[c[0][:50] for c in OTHERS_NAMED])
def test_patients_beside_others_the_record_names_stay_quiet(alone, items, described):
    assert _fires(listed(alone)), alone
    assert not _fires(listed(*items), described=described), (items, described)


# Inclusion items that are no requirement of a disease.
NO_REQUIREMENT = [
    ("Patients who are HIV seropositive can have decreased immune competence",),
    ("Patients with controlled diabetes and/or controlled hypertension will be included in the study",),
    ("Patients having surgery for an inguinal hernia",),
    ("Women with a regular cycle (between 21 and 35 days)",),
    ("Adults aged 18-65 years", "BMI 30-40 kg/m2"),
    ("Pregnant women at 24-28 weeks of gestation",),
    ("Current smokers of at least 10 cigarettes per day",),
    ("Otherwise healthy adults with a diagnosis of mild acne",),
    ("Adults at risk of type 2 diabetes",),
]


@pytest.mark.parametrize("items", NO_REQUIREMENT, ids=[c[0][:50] for c in NO_REQUIREMENT])
def test_no_requirement_of_a_disease_stays_quiet(items):
    assert not _fires(listed(*items)), items


# A requirement's words that go on to a risk of a condition, which people without it have, or to a state of health,
# an ability or a measure.
NOT_A_CONDITION = [
    "Patients with a family history of breast cancer",
    "Patients with a positive family history of colorectal cancer",
    "Patients with a first-degree relative with type 1 diabetes",
    "Patients with a strong family history of sudden cardiac death",
    "Patients with a genetic predisposition to melanoma",
    "Patients with good oral hygiene",
    "Patients with normal renal function",
    "Patients with no history of diabetes",
    "Patients with adequate oral hygiene",
    "Patients with intact dentition",
    "Patients with ASA I-II physical status",
    "Patients with BMI 18-30",
    "Patients with age between 18 and 40",
    "Patients with a good command of English",
    "Patients with the ability to give consent",
    "Patients with access to a smartphone",
]

# The same words before a condition: still required.
A_CONDITION_AFTER_ALL = [
    "Patients with breast cancer and a family history of ovarian cancer",
    "Patients with normal-tension glaucoma",
    "Patients with normal pressure hydrocephalus",
    "Patients with age-related macular degeneration",
    "Patients with no prior treatment for hepatitis C",
    "Patients with access-site bleeding",
    "Patients with nodular goiter",
]


@pytest.mark.parametrize("item", NOT_A_CONDITION, ids=[item[:50] for item in NOT_A_CONDITION])
def test_a_risk_a_state_of_health_or_an_ability_is_no_requirement(item):
    assert not _fires(listed("Age 18 years or older", item)), item


@pytest.mark.parametrize("item", A_CONDITION_AFTER_ALL, ids=[item[:50] for item in A_CONDITION_AFTER_ALL])
def test_a_condition_after_the_same_words_still_fires(item):
    assert _fires(listed("Age 18 years or older", item)), item


# (inclusion item, titles and conditions): a condition suspected by its signs, a sensitisation found by tests, or
# patients of one family. By the registry's definition people with related conditions or symptoms are no healthy
# volunteers, and a family named in a title admits no unaffected member the criteria leave out.
RELATED_CONDITIONS = [
    ("Patients with a positive skin prick test and/or positive specific IgE to pecan nut",
     ("Epidemiology of Pecan Nut Allergy", "Allergic Reaction")),
    ("Patients with the ten warning signs are four or more new ear infections within 1 year",
     ("Inborn Errors of Immunity Attending a Children's Hospital", "Primary Immunodeficiency Diseases (PID)")),
    ("Patients with suspected primary immunodeficiency", ()),
    ("Patients with symptoms suggestive of celiac disease", ("Celiac Disease",)),
    ("Patients with congenital hypothyroidism due to thyroglobulin defective synthesis",
     ("Congenital Hypothyroidism Due to Thyroglobulin Mutations in an Inbred Brazilian Family",)),
]


@pytest.mark.parametrize("item, described", RELATED_CONDITIONS, ids=[c[0][:50] for c in RELATED_CONDITIONS])
def test_a_suspected_or_related_condition_or_one_family_still_fires(item, described):
    assert _fires(listed(item), described=described, purpose=None), item


def test_a_family_study_naming_unaffected_members_stays_quiet():
    described = ("Congenital Hypothyroidism in Affected and Unaffected Members of an Inbred Family",)
    assert not _fires(listed(RELATED_CONDITIONS[-1][0]), described=described, purpose=None)


def test_a_diagnosis_only_in_the_exclusion_criteria_stays_quiet():
    criteria = "Inclusion Criteria:\n\n* Adults aged 18-65\n\nExclusion Criteria:\n\n* Diagnosis of diabetes"
    assert not _fires(criteria)


def test_criteria_without_an_inclusion_heading_stay_quiet():
    assert not _fires("Diagnosis of asthma\nAge 18-65 years")


@pytest.mark.parametrize("healthy", (False, None))
def test_healthy_volunteers_no_or_absent_stays_quiet(healthy):
    assert not _fires(listed(FIRES[0]), healthy)


@pytest.mark.parametrize("purpose", ("PREVENTION", "SCREENING"))
def test_a_prevention_or_screening_study_stays_quiet(purpose):
    assert not _fires(listed("Diagnosis of type 2 diabetes"), purpose=purpose)
    assert _fires(listed("Diagnosis of type 2 diabetes"), purpose=None)


def test_the_finding_quotes_the_requirement_and_the_value():
    found = list(study_patients_only_findings("NCT0", listed("Age 18 or older", "Diagnosis of achalasia"), True))
    assert len(found) == 1
    assert found[0].evidence == ("eligibilities.criteria: '...* Diagnosis of achalasia...'; "
                                 "eligibilities.healthy_volunteers=true")
    assert "Healthy Volunteers is 'Yes'" in found[0].message


def test_there_are_enough_phrasings_on_both_sides():
    assert len(FIRES) >= 12 and len(OTHERS_NAMED) + len(NO_REQUIREMENT) >= 20


def _study(criteria: str, healthy: bool | None, layout: str = JSON, **changes) -> dict:
    study = harness.eligibility_study(criteria, layout, healthy_volunteers=healthy)
    for table, values in changes.items():
        study[table][0].update(values)
    return study


def test_the_rule_reads_the_record_from_the_warehouse(tmp_path):
    patients_only = listed("Diagnosis of primary Sjogren's syndrome")
    studies = {
        "NCT00000001": _study(patients_only, True),
        "NCT00000002": _study(listed("Diagnosis of primary Sjogren's syndrome", layout=XML), True, XML),
        "NCT00000003": _study(patients_only, False),
        "NCT00000004": _study(patients_only, True, design_groups={"title": "Healthy controls"}),
        "NCT00000005": _study(patients_only, True, conditions={"name": "Healthy Volunteers"}),
        "NCT00000006": _study(patients_only, True, studies={"official_title": "Sjogren's Syndrome Versus Healthy "
                                                                           "Controls"}),
        "NCT00000007": _study(patients_only, True, designs={"primary_purpose": "PREVENTION"}),
        "NCT00000008": _study(patients_only, True, studies={"study_type": "EXPANDED_ACCESS"}),
    }
    flagged = harness.flagged_studies(tmp_path, studies, RULES)
    assert flagged[RULE_ID] == {"NCT00000001", "NCT00000002"}
