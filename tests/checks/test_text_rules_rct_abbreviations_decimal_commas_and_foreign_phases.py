"""The text rules on more wordings registrants write, each defect with matched quiet cases.

Open label said of a masked study ("an open trial", "Without masking, patients receive ...", "unblinded",
"non-blinded", "no blinding"); randomisation said of a study not randomized ("an RCT", "This RCT") and denied of a
randomized one ("Without randomization, patients choose"); an age in brackets after the group it bounds ("Adults (18
years or older)") and an age limit beside the age field; a dose written with a decimal comma ("0,5 mg/kg"); and a
title's phase in Spanish, French, Portuguese or Italian ("Estudio Fase II", "Étude de phase III"). Quiet: the same
words of another study, denied, conditional, quoted from a guideline, in a criterion about prior treatment, or a
single arm said of a randomized study (no rule reads it). Marked "new": judged otherwise before.
"""
from __future__ import annotations

import pytest

from checks.criteria_ages import study_age_findings
from checks.title_phase import study_phase_findings
from tests.checks import harness
from tests.checks.harness import DOUBLE_MASKED, NON_RANDOMIZED, RANDOMIZED, SINGLE_GROUP_NOT_ALLOCATED, dose_findings

OPEN = "contradictions.masking_set_text_open_label"
RANDOMISED = "contradictions.allocation_text_randomized"
NOT_RANDOMISED = "contradictions.allocation_text_not_randomized"
SINGLE_MASKED = {"masking": "SINGLE", "subject_masked": True, "investigator_masked": None}
RANDOMIZED_GROUPS = {"allocation": "RANDOMIZED", "intervention_model": "PARALLEL"}

# (rule, design, (field, text), fires)
DESIGN = [
    # Masking set, open label said of this study.
    (OPEN, DOUBLE_MASKED, ("summary", "This is an open trial of baricitinib in primary Sjogren's syndrome."),
     True),  # new
    (OPEN, DOUBLE_MASKED, ("summary", "This open, randomised trial compares baricitinib 2 mg and 4 mg."), True),  # new
    (OPEN, DOUBLE_MASKED, ("official_title", "Baricitinib in pSS: an Open, Randomised, Multicentre Trial"),
     True),  # new
    (OPEN, DOUBLE_MASKED, ("summary", "Without masking, patients receive baricitinib 2 mg or 4 mg."), True),  # new
    (OPEN, SINGLE_MASKED, ("summary", "Without blinding, participants will receive 2 mg or 4 mg daily."), True),
    (OPEN, DOUBLE_MASKED, ("summary", "This is an unblinded, randomised study of baricitinib."), True),  # new
    (OPEN, DOUBLE_MASKED, ("summary", "The trial is unblinded."), True),
    (OPEN, DOUBLE_MASKED, ("detail", "Non-blinded, randomized, parallel group trial of baricitinib."), True),  # new
    (OPEN, SINGLE_MASKED, ("summary", "This is a non blinded study of 2 doses."), True),
    (OPEN, DOUBLE_MASKED, ("detail", "There will be no blinding in this study."), True),
    (OPEN, DOUBLE_MASKED, ("detail", "No blinding: participants and investigators know the dose."), True),  # new
    (OPEN, SINGLE_MASKED, ("masking_description", "No blinding"), True),
    (OPEN, DOUBLE_MASKED, ("summary", "Prior participation in an open-label trial of a JAK inhibitor."), False),
    (OPEN, DOUBLE_MASKED, ("summary", "The trial is open to men and women aged 18 to 75."), False),
    (OPEN, DOUBLE_MASKED, ("summary", "This is an open question in primary Sjogren's syndrome."), False),
    (OPEN, DOUBLE_MASKED, ("summary", "An open trial (Lee 2018) suggested benefit of baricitinib."), False),
    (OPEN, DOUBLE_MASKED, ("summary", "A previous unblinded study showed a benefit."), False),
    (OPEN, DOUBLE_MASKED, ("summary", "Without masking, the effect of the drug cannot be judged, so both groups "
                                      "receive identical capsules."), False),
    (OPEN, DOUBLE_MASKED, ("summary", "If a serious adverse event occurs, the treatment may be unblinded."), False),
    (OPEN, DOUBLE_MASKED, ("summary", "The CONSORT guideline asks trials to report whether they were non-blinded."),
     False),
    (OPEN, DOUBLE_MASKED, ("summary", "This is not an open trial: participants and investigators are blinded."),
     False),
    (OPEN, DOUBLE_MASKED, ("summary", "There is no unblinding before database lock."), False),
    (OPEN, DOUBLE_MASKED, ("summary", "Without blinding, participants could guess their dose, so the capsules look "
                                      "alike."), False),
    (OPEN, DOUBLE_MASKED, ("summary", "The OPEN trial (NCT01234567) compared early and late surgery."), False),
    (OPEN, DOUBLE_MASKED, ("summary", "The sponsor will open study sites in 2024."), False),
    (OPEN, DOUBLE_MASKED, ("summary", "This is a randomised trial of open versus laparoscopic surgery."), False),
    (OPEN, DOUBLE_MASKED, ("summary", "The unblinded study pharmacist prepares the infusions."), False),
    # Allocation NA or NON_RANDOMIZED, randomisation said of this study.
    (RANDOMISED, NON_RANDOMIZED, ("official_title", "Baricitinib Versus Hydroxychloroquine in pSS: an RCT"),
     True),  # new
    (RANDOMISED, NON_RANDOMIZED, ("official_title", "Baricitinib in Primary Sjogren Syndrome - A Pilot RCT"),
     True),  # new
    (RANDOMISED, NON_RANDOMIZED, ("summary", "This is an RCT of baricitinib 2 mg versus 4 mg."), True),  # new
    (RANDOMISED, SINGLE_GROUP_NOT_ALLOCATED, ("summary", "This RCT will compare two doses of baricitinib."),
     True),  # new
    (RANDOMISED, NON_RANDOMIZED, ("summary", "The study is a multicentre, double-blind RCT."), True),  # new
    (RANDOMISED, NON_RANDOMIZED, ("detail", "Allocation is concealed in sealed opaque envelopes."), False),
    (RANDOMISED, NON_RANDOMIZED, ("official_title", "Feasibility Study for an RCT of Baricitinib in pSS"), False),
    (RANDOMISED, NON_RANDOMIZED, ("summary", "Previous RCTs have shown benefit of JAK inhibitors."), False),
    (RANDOMISED, NON_RANDOMIZED, ("summary", "An RCT (Smith 2019) showed benefit of baricitinib."), False),
    (RANDOMISED, NON_RANDOMIZED, ("summary", "If this pilot succeeds, an RCT will follow."), False),
    (RANDOMISED, NON_RANDOMIZED, ("summary", "This is not an RCT: all patients receive baricitinib."), False),
    (RANDOMISED, NON_RANDOMIZED, ("summary", "Participants of the RCT ABC-301 may enrol in this extension."), False),
    (RANDOMISED, NON_RANDOMIZED, ("summary", "The CONSORT statement for RCTs will be followed in reporting."), False),
    # Allocation RANDOMIZED, "non-randomized" said of this study, or a single arm said (quiet: no rule reads it).
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "This is a single-arm study. Later, patients will be randomised to 2 or "
                                             "4 mg."), False),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "Patients may be assigned to receive treatment immediately (i.e., "
                                             "single-arm design)."), False),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "A previous single-arm study (Lee 2018) showed benefit."), False),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "This is not a single-arm study: patients are randomised."), False),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "Part A is a single-arm, open-label run-in; part B is randomised."),
     False),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "Without randomization, patients choose their dose."), True),  # new
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "Without randomisation, patients would choose the dose they prefer."),
     False),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "Participants in the single-arm safety cohort receive 4 mg."), False),
    (NOT_RANDOMISED, RANDOMIZED, ("summary", "This is a randomised trial; a single-arm study would not answer the "
                                             "question."), False),
    (RANDOMISED, NON_RANDOMIZED, ("summary", "This single arm study will include 30 patients."), False),
]
CASES = harness.numbered_cases(DESIGN)


@pytest.fixture(scope="module")
def design_findings(tmp_path_factory) -> dict[str, list[tuple]]:
    return harness.design_rule_findings(tmp_path_factory.mktemp("text_rules_more"), CASES, {case[0] for case in DESIGN})


@pytest.mark.parametrize("nct_id", CASES, ids=[harness.design_case_id((c[0], c[1], c[2][0], c[2][1], c[3]))
                                               for c in DESIGN])
def test_design_said_in_text_against_the_design_fields(design_findings, nct_id):
    harness.design_case_found(design_findings, nct_id, CASES[nct_id])


def listed(*items: str) -> str:
    """Criteria as API v2 records write them: a bulleted inclusion list, then an exclusion list."""
    body = "\n".join(f"* {item}" for item in items)
    return f"Inclusion Criteria:\n\n{body}\n\nExclusion Criteria:\n\n* Known hypersensitivity to the study drug"


# (inclusion item, minimum age, maximum age, fires)
AGES = [
    ("Adults (18 years or older)", "21 Years", None, True),  # new
    ("Adults (≥18 years) with primary Sjogren's syndrome", "21 Years", None, True),  # new
    ("Adult patients (aged 18 years or over)", "21 Years", None, True),  # new
    ("Children (2 to 11 years old)", "3 Years", "11 Years", True),  # new
    ("Aged ≥ 20", "18 Years", None, True),
    ("aged ≥ 20 years", "18 Years", None, True),
    ("Age >= 20", "18 Years", None, True),
    ("Adults (18 years or older)", "18 Years", None, False),
    ("Aged ≥ 20", "20 Years", None, False),
    ("Adults (as defined by local law: 18 years, or 20 years in Japan)", "18 Years", None, False),
    ("Parents of children (aged 2 to 11 years) attending the clinic", "18 Years", None, False),
    ("Mothers (aged 18 or older) and their babies", "0 Years", None, False),
    ("Adults (≥ 18 years) or adolescents (12 to 17 years) with a parent's consent", "18 Years", None, False),
    ("Patients (≥ 2 years since diagnosis)", "18 Years", None, False),
]


@pytest.mark.parametrize("item, minimum, maximum, fires", AGES, ids=[f"{c[0]}:{c[1]}-{c[2]}" for c in AGES])
def test_criteria_ages_against_the_age_fields(item, minimum, maximum, fires):
    found = list(study_age_findings("NCT00000001", listed(item), minimum, maximum, True))
    assert bool(found) is fires, [f.message for f in found]


# (arm description, intervention description, drug, fires)
DOSES = [
    ("Ketamine 0,5 mg/kg bolus", "Ketamine 5 mg/kg bolus", "Ketamine", True),  # new
    ("Ketamine 0,5 mg/kg bolus", "Ketamine 1 mg/kg bolus", "Ketamine", True),  # new
    ("Dexmedetomidine 0,2 µg/kg/h", "Dexmedetomidine 0.7 µg/kg/h", "Dexmedetomidine", True),  # new
    ("Ketamine 0,5 mg/kg bolus", "Ketamine 0.5 mg/kg bolus", "Ketamine", False),
    ("Ketamine 0.5 mg/kg bolus", "Ketamine 0,5 mg/kg bolus", "Ketamine", False),
    ("Paracetamol 1,000 mg every 6 hours", "Paracetamol 1000 mg every 6 hours", "Paracetamol", False),
    ("Paracetamol 1,000 mg every 6 hours", "Paracetamol 1 g every 6 hours", "Paracetamol", False),
    ("Ketamine 0,25 mg/kg", "Ketamine 0.25 mg/kg", "Ketamine", False),
    ("Methotrexate 7,5 mg weekly", "Methotrexate 15 mg weekly", "Methotrexate", True),  # new
    ("Methotrexate 7,5 mg weekly", "Methotrexate 7.5 mg weekly", "Methotrexate", False),
    ("Drug X 1,5,10 mg/kg in three cohorts", "Drug X 5 mg/kg", "Drug X", False),
]


@pytest.mark.parametrize("arm, intervention, drug, fires", DOSES, ids=[f"{c[0]}|{c[1]}" for c in DOSES])
def test_arm_dose_against_the_intervention_dose(arm, intervention, drug, fires):
    found = dose_findings(arm, intervention, drug)
    assert bool(found) is fires, [f.message for f in found]


# (official title, studies.phase, fires)
TITLES = [
    ("Estudio Fase II de Baricitinib en Síndrome de Sjögren", "PHASE3", True),  # new
    ("Étude de phase III du baricitinib", "PHASE2", True),  # new
    ("Ensayo clínico fase 3 de baricitinib", "PHASE2", True),  # new
    ("Estudo de Fase II do baricitinib", "PHASE3", True),  # new
    ("Studio di fase II sul baricitinib", "PHASE3", True),  # new
    ("Estudio Fase II de Baricitinib", "PHASE2", False),
    ("Étude de phase III du baricitinib", "PHASE3", False),
    ("Estudio de extensión del ensayo fase III ABC-301", "PHASE2", False),
    ("Estudio de la fase aguda del ictus", "PHASE3", False),
    ("Extensión abierta para pacientes que completaron el estudio fase III ABC-301", "PHASE2", False),
    ("Studio di fase 2: baricitinib nella sindrome di Sjögren", "PHASE2", False),
]


@pytest.mark.parametrize("title, phase, fires", TITLES, ids=[f"{c[0]}:{c[1]}" for c in TITLES])
def test_title_phase_against_the_record_phase(title, phase, fires):
    found = list(study_phase_findings("NCT00000001", [("studies.official_title", title)], phase))
    assert bool(found) is fires, [(f.message, f.severity) for f in found]
