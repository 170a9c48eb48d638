"""A trial of drugs or biologicals that gives phase N/A (contradictions.phase_na_with_drug).

Phase N/A beside a drug or biological tested, every intervention a drug, biological, supplement or "other", is info;
quiet where a device, procedure, behavioural or other kind of intervention or a blood product stands beside the drug,
where the only drug rows are a placebo, usual care or a sample collected, for a supplement alone, for a basic-science,
diagnostic, screening or health-services study, and for any phase given, an observational record or a record that
lists nothing.
"""
from __future__ import annotations

import pytest

from checks.phase_na_with_drug import RULE_ID, RULES, study_phase_na_findings
from tests.checks import harness

# (interventions as (type, name), what the message says): a drug or biological tested under phase N/A.
FIRES = [
    ([("DRUG", "Remdesivir"), ("OTHER", "Standard of Care")], "is a drug ('Remdesivir')"),
    ([("DRUG", "Clarithromycin 500mg"), ("DRUG", "Azithromycin"), ("DRUG", "Placebo")],
     "('Clarithromycin 500mg', 'Azithromycin')"),
    ([("DRUG", "Medium dose prednisolone"), ("DRUG", "Low dose prednisolone")], "'Medium dose prednisolone'"),
    ([("DRUG", "Cholecalciferol"), ("DRUG", "Placebo")], "('Cholecalciferol')"),
    ([("DRUG", "Tocilizumab")], "('Tocilizumab')"),
    ([("BIOLOGICAL", "Cetuximab"), ("DRUG", "Gemcitabine Hydrochloride"), ("DRUG", "Oxaliplatin")],
     "is a biological or a drug ('Cetuximab', 'Gemcitabine Hydrochloride', 'Oxaliplatin')"),
    ([("BIOLOGICAL", "ZOSTAVAX")], "is a biological ('ZOSTAVAX')"),
    ([("BIOLOGICAL", "UC-MSCs"), ("OTHER", "Placebo")], "('UC-MSCs')"),
    ([("DRUG", "Memantine"), ("DRUG", "Placebo")], "('Memantine')"),
    ([("DRUG", "Pimecrolimus"), ("OTHER", "Vehicle cream")], "('Pimecrolimus')"),
    ([("DRUG", "Ondansetron Oral Disintegrating Tablet")], "'Ondansetron Oral Disintegrating Tablet'"),
    ([("DRUG", "Vitamin C"), ("DIETARY_SUPPLEMENT", "Zinc")], "('Vitamin C')"),
    ([("DRUG", "A"), ("DRUG", "B"), ("DRUG", "C"), ("DRUG", "D"), ("DRUG", "E"), ("DRUG", "F")],
     "('A', 'B', 'C', 'D' and 2 more)"),
    # A device typed DRUG: the type is what is wrong, which the message allows.
    ([("DRUG", "Alcon Opti-Free RepleniSH contact lens solution")], "or the interventions' types are"),
]

# Interventions (type, name): quiet under phase N/A.
QUIET = [
    # Another kind of intervention beside the drug may be what is tested.
    [("DRUG", "Ivermectin"), ("BEHAVIORAL", "Personal protective measures")],
    [("PROCEDURE", "Programmed intermittent epidural bolus"), ("DRUG", "Drug used for analgesia procedures")],
    [("BEHAVIORAL", "Online stop smoking program"), ("DRUG", "Nicotine patches 21 mg")],
    [("RADIATION", "Low-dose radiotherapy"), ("DRUG", "Hydroxychloroquine")],
    [("DEVICE", "Insulin pump"), ("DRUG", "Insulin glargine")],
    [("DIAGNOSTIC_TEST", "Rapid antigen test"), ("DRUG", "Oseltamivir")],
    [("COMBINATION_PRODUCT", "Budesonide inhaler"), ("DRUG", "Budesonide")],
    [("GENETIC", "Pharmacogenetic testing"), ("DRUG", "Clopidogrel")],
    # No drug tested: a placebo, usual care, a sample collected, a blood product.
    [("DRUG", "Placebo"), ("OTHER", "Exercise")],
    [("DRUG", "Normal saline"), ("OTHER", "Acupressure")],
    [("DRUG", "Standard of care"), ("OTHER", "Telemonitoring")],
    [("DRUG", "Usual treatment")],
    [("DRUG", "Symptomatic treatment")],
    [("DRUG", "Standard Allergic Rhinitis Treatment"), ("DIETARY_SUPPLEMENT", "Vitamin D and probiotics")],
    [("BIOLOGICAL", "characterisation of immunoglobulin subclasses")],
    [("BIOLOGICAL", "Blood sample")],
    [("BIOLOGICAL", "blood tests"), ("BIOLOGICAL", "Nasopharyngeal swabs"), ("BIOLOGICAL", "Stools")],
    [("BIOLOGICAL", "Biological collection with nasopharyngeal samples, saliva, blood, stool and urine")],
    [("BIOLOGICAL", "Serology test")],
    [("BIOLOGICAL", "Biological test")],
    [("BIOLOGICAL", "Serological test"), ("BIOLOGICAL", "Serum test")],
    [("BIOLOGICAL", "Anti-SARS-CoV-2 IgT seropositivity")],
    [("DRUG", "Conventional medicines (Oxygen therapy, alfa interferon via aerosol inhalation)")],
    [("DRUG", "Test Toothpaste"), ("DRUG", "Negative Control Toothpaste")],
    [("BIOLOGICAL", "Skin biopsy")],
    [("BIOLOGICAL", "Convalescent plasma")],
    [("BIOLOGICAL", "Red blood cell transfusion")],
    [("BIOLOGICAL", "Convalescent plasma"), ("DRUG", "Hydroxychloroquine with Azithromycin")],
    [("BIOLOGICAL", "Anti-coronavirus antibodies (immunoglobulins) obtained from convalescent patients")],
    [("BIOLOGICAL", "Nebulized Platelet Lysate"), ("OTHER", "Nebulized Sterile Saline")],
    # A strategy naming radiotherapy or surgery beside the drug.
    [("DRUG", "Chemotherapy with or without radiotherapy")],
    [("DRUG", "Neoadjuvant chemotherapy followed by surgery")],
    # A supplement or an "other" alone.
    [("DIETARY_SUPPLEMENT", "Vitamin D3 2000 IU"), ("OTHER", "Placebo")],
    [("OTHER", "Mouth rinse")],
    [],
]


def _ids(cases: list) -> list[str]:
    return ["+".join(name for _kind, name in (c[0] if isinstance(c, tuple) else c))[:60] or "none" for c in cases]


@pytest.mark.parametrize("interventions, said", FIRES, ids=_ids(FIRES))
def test_a_drug_or_biological_tested_under_phase_na_is_info(interventions, said):
    [found] = study_phase_na_findings("NCT0", "NA", interventions)
    assert said in found.message, found.message
    assert found.severity is None and RULES[0].severity == "info"


@pytest.mark.parametrize("interventions", QUIET, ids=_ids(QUIET))
def test_no_drug_tested_or_another_kind_beside_it_stays_quiet(interventions):
    assert list(study_phase_na_findings("NCT0", "NA", interventions)) == []


@pytest.mark.parametrize("purpose", ["BASIC_SCIENCE", "DIAGNOSTIC", "SCREENING", "HEALTH_SERVICES_RESEARCH"])
def test_a_study_that_may_use_the_drug_as_a_tool_stays_quiet(purpose):
    assert list(study_phase_na_findings("NCT0", "NA", [("DRUG", "Oral sildenafil 20 mg")], purpose)) == []


@pytest.mark.parametrize("purpose", ["TREATMENT", "PREVENTION", "SUPPORTIVE_CARE", "OTHER", None])
def test_a_study_that_treats_prevents_or_supports_with_the_drug_is_read(purpose):
    assert len(list(study_phase_na_findings("NCT0", "NA", [("DRUG", "Oral sildenafil 20 mg")], purpose))) == 1


ACCESS_TITLES = ["Extended Compassionate Use Program (UCA) With Inhalational Ibuprofen",
                 "A Treatment IND Protocol for the Use of Videx in Patients With AIDS",
                 "Rollover Protocol for Prior SU011248 Protocols", "Expanded Access to Drug X",
                 "Continued Access Study of Drug X"]


@pytest.mark.parametrize("title", ACCESS_TITLES)
def test_a_compassionate_use_access_or_rollover_programme_stays_quiet(title):
    assert list(study_phase_na_findings("NCT0", "NA", [("DRUG", "Ibuprofen")], "TREATMENT", (None, title))) == []


def test_a_title_naming_no_access_programme_is_read():
    titles = ("Efficacy of Ivermectin in COVID-19", "A Randomized Trial of Ivermectin Over Standard Care")
    assert len(list(study_phase_na_findings("NCT0", "NA", [("DRUG", "Ivermectin")], "TREATMENT", titles))) == 1


@pytest.mark.parametrize("phase", ["PHASE4", "PHASE2/PHASE3", "EARLY_PHASE1", None])
def test_a_phase_given_or_none_stays_quiet(phase):
    assert list(study_phase_na_findings("NCT0", phase, [("DRUG", "Remdesivir")])) == []


def test_the_finding_says_what_the_record_gives_tests_and_the_registry_keeps():
    interventions = [("DRUG", "Remdesivir  200 mg"), ("OTHER", "Standard of Care"), ("DRUG", "Placebo"),
                     ("DRUG", "Dexamethasone"), ("OTHER", "Oxygen")]
    [found] = study_phase_na_findings("NCT0", "NA", interventions)
    assert found.message == ("The record gives phase N/A while what it tests is a drug ('Remdesivir 200 mg', "
                             "'Dexamethasone'); the registry keeps N/A for trials without FDA-defined phases, such as "
                             "device or behavioural trials: either the phase is wrong or the interventions' types are.")
    assert found.evidence == ("studies.phase='NA'; interventions.intervention_type: DRUG 'Remdesivir 200 mg'; OTHER "
                              "'Standard of Care'; DRUG 'Placebo'; DRUG 'Dexamethasone'; and 1 more")


def _study(phase: str | None, *interventions: tuple[str, str], study_type: str = "INTERVENTIONAL",
           purpose: str = "TREATMENT", arms: tuple[str, ...] = ()) -> dict:
    """The clean study with `phase`, `study_type`, primary `purpose` and `interventions` (type, name), and where
    `arms` (descriptions) are given, those arms, each linked to every intervention."""
    study = harness.clean_study()
    study["studies"][0].update(phase=phase, study_type=study_type)
    study["designs"][0].update(primary_purpose=purpose)
    study["interventions"] = [{"intervention_type": kind, "name": name, "description": "As assigned"}
                              for kind, name in interventions]
    study["design_group_interventions"] = []
    if arms:
        titles = [f"Arm {n}" for n in range(1, len(arms) + 1)]
        study["design_groups"] = [{"group_type": "EXPERIMENTAL", "title": title, "description": description}
                                  for title, description in zip(titles, arms)]
        study["design_group_interventions"] = [{"design_group": title, "intervention": name}
                                               for title in titles for _kind, name in interventions]
    return study


# A regimen every arm gets, stated first in each arm's description, the arms differing in what follows (NCT00608569),
# and the same regimen whose opening sentences differ.
_REGIMEN = (("DRUG", "Lopinavir/ritonavir"), ("DRUG", "Zidovudine"))
_SHARED = ("Oral LPV/rtv and ZDV for 52 weeks. Observed therapy for 24 weeks.",
           "Oral LPV/rtv and ZDV for 52 weeks. Self-administration.")
_NOT_SHARED = ("Oral LPV/rtv and ZDV for 52 weeks. Observed therapy.", "Oral LPV/rtv and ZDV for 24 weeks.")


# Record-level cases: {nct_id: (study rows, fires)}.
RECORDS = {
    "NCT00000001": (_study("NA", ("DRUG", "Remdesivir"), ("OTHER", "Standard of care")), True),
    "NCT00000002": (_study("PHASE4", ("DRUG", "Remdesivir")), False),
    "NCT00000003": (_study("NA", ("DRUG", "Remdesivir"), study_type="OBSERVATIONAL"), False),
    "NCT00000004": (_study(None, ("DRUG", "Remdesivir")), False),
    "NCT00000005": (_study("NA", ("BIOLOGICAL", "Blood sample")), False),
    "NCT00000006": (_study("NA", ("DRUG", "Remdesivir"), ("DEVICE", "High-flow nasal cannula")), False),
    "NCT00000007": (_study("NA", ("BIOLOGICAL", "Tocilizumab")), True),
    "NCT00000008": (_study("NA", ("DRUG", "Oral sildenafil 20 mg"), purpose="DIAGNOSTIC"), False),
    "NCT00000009": (_study("NA", *_REGIMEN, arms=_SHARED), False),
    "NCT00000010": (_study("NA", *_REGIMEN, arms=_NOT_SHARED), True),
}


def test_records_are_judged_on_the_warehouse(tmp_path):
    studies = {nct_id: rows for nct_id, (rows, _fires) in RECORDS.items()}
    flagged = harness.flagged_studies(tmp_path, studies, RULES)[RULE_ID]
    assert flagged == {nct_id for nct_id, (_rows, fires) in RECORDS.items() if fires}
