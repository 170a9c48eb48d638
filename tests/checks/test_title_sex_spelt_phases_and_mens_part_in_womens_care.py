"""The phase a title names in other ways, a part's phase in a seamless trial, and the sex a condition implies where the
participants take part in the other sex's care.

contradictions.title_phase_differs: "Fase II" (as Spanish, Italian and Portuguese sponsors' English titles keep it),
a Roman numeral before the word ("II Phase Clinical Trial"), a phase spelt out ("Phase Three"), a range ("Phase I-III")
and a labelled part's phase beside the whole study's ("Stage 2 (Phase 3) of a Seamless Phase 2/3 Trial"); a title's
combination the record gives one phase of is still a warning, and its message names the registry's combined value.
contradictions.condition_sex_differs: men who take part in women's care ("Male Involvement in Cervical Cancer
Screening"), men who have sex with men, health workers, and names that only hold an organ's word ("Trichomonas
Vaginalis", "Intra-uterine Growth Restriction", "Prostate-specific Membrane Antigen").
"""
from __future__ import annotations

import pytest

from checks import condition_sex, title_phase
from checks.title_phase import study_phase_findings
from tests.checks import harness
from tests.checks.cases_condition_sex import given

OFFICIAL = "studies.official_title"


def _severity(title: str, phase: str) -> str | None:
    found = list(study_phase_findings("NCT0", [(OFFICIAL, title)], phase))
    return found[0].severity if found else None


# (title, studies.phase, severity, a nearby title that names no phase of this study): each title's phase was not read
# before ("Fase", a Roman numeral before the word, a phase spelt out); each neighbour stays quiet with the record's
# phase 'NA' (a trial without phases), so only a reading of a phase could flag it.
OTHER_WRITINGS = [
    ("A Fase II Study of Capecitabine in Elderly Patients With Gastric Cancer", "PHASE3", "warning",
     "FASE Trial: Fluid and Sodium Evaluation in Acute Heart Failure"),
    ("Randomized Fase III Trial of Short-course Radiotherapy in Rectal Cancer", "NA", "warning",
     "Estudio de Fase Aguda: Acute Phase Response After Zoledronic Acid"),
    ("A Fase IIb, Randomized Study of Drug X in NASH With Fibrosis", "PHASE1", "warning",
     "Follicular Fase Versus Luteal Fase Embryo Transfer: a Randomized Trial"),
    ("A Multicenter, Randomized, II Phase Clinical Trial of Apatinib in Gastric Cancer", "PHASE3", "warning",
     "Stage II Phase Randomized Trial of Adjuvant Chemotherapy in Colon Cancer"),
    ("III Phase Study of Anlotinib Plus Chemotherapy in Small Cell Lung Cancer", "PHASE2", "warning",
     "Type II Phase Transition Study of Lipid Membranes in Diabetes"),
    ("I/II Phase Trial of Autologous CAR-T Cells in Relapsed Lymphoma", "PHASE2", "warning",
     "WHO Grade II Phase Contrast MRI Study of Gliomas"),
    ("A Randomized, Double-blind, Phase Three Study of Drug X in Severe Asthma", "PHASE2", "warning",
     "A Three Phase, Randomized Trial of Exercise Training in COPD"),
    ("An Open-label Phase Two Trial of Drug X in Gout Flares", "NA", "warning",
     "Phase One: Development and Pilot Study of a Smartphone App for Smoking Cessation"),
    ("Phase One Study of Drug X in Healthy Volunteers", "PHASE2", "warning",
     "Maintenance Phase Two-Year Randomized Trial of Lithium in Bipolar Disorder"),
    ("Phase Two Trial of Drug X in Lupus Nephritis", "PHASE3", "warning",
     "Luteal Phase Two Embryo Transfer Trial in Women With Recurrent Implantation Failure"),
    ("A Phase Three Trial of Drug X in Early Alzheimer's Disease", "EARLY_PHASE1", "warning",
     "Induction Phase One Week Versus Two Weeks of Drug X: a Randomized Trial"),
]


@pytest.mark.parametrize("title, phase, severity, neighbour", OTHER_WRITINGS,
                         ids=[f"{c[1]}:{c[0][:50]}" for c in OTHER_WRITINGS])
def test_a_phase_written_in_other_ways_is_read_and_its_neighbour_is_not(title, phase, severity, neighbour):
    assert _severity(title, phase) == severity
    assert _severity(neighbour, "NA") is None


@pytest.mark.parametrize("title, phase", [
    ("A Fase II Study of Capecitabine in Elderly Patients With Gastric Cancer", "PHASE2"),
    ("III Phase Study of Anlotinib Plus Chemotherapy in Small Cell Lung Cancer", "PHASE3"),
    ("I/II Phase Trial of Autologous CAR-T Cells in Relapsed Lymphoma", "PHASE1/PHASE2"),
    ("Phase Three Randomised Trial of Drug X Versus Placebo in Psoriasis", "PHASE3"),
    ("A Fase IIb Study of Drug X in NASH", "PHASE2/PHASE3"),
])
def test_a_phase_written_in_other_ways_agrees_with_the_same_phase(title, phase):
    """The new readings give the phases the usual writing gives ("Fase IIb" bridges as "Phase IIb")."""
    assert title_phase.title_mentions(title) != []
    assert _severity(title, phase) is None


def test_an_observational_record_whose_title_names_a_phase_in_other_ways_fires():
    """The observational rule reads titles as the interventional one does."""
    for title in ("A Fase II, Open-label Study of Metformin in Women With Polycystic Ovary Syndrome",
                  "II Phase Clinical Trial of Intranasal Ketamine in Healthy Volunteers"):
        assert list(title_phase.observational_phase_findings("NCT0", [(OFFICIAL, title)])) != [], title
    assert list(title_phase.observational_phase_findings(
        "NCT0", [(OFFICIAL, "Phase One: Development and Pilot Study of a Smartphone App")])) == []


def test_the_phase_a_title_writes_before_the_word_is_quoted_as_written():
    [found] = study_phase_findings("NCT0", [(OFFICIAL, "III Phase Study of Anlotinib in SCLC")], "PHASE2")
    assert found.message == ("The official title names this study's phase as 'III Phase', while the record gives "
                             "Phase 2.")


# (title, studies.phase): a labelled part's phase beside the phase of the whole seamless study it is a part of, and a
# range of phases that holds the record's. Each warned before.
PART_OR_RANGE_QUIET = [
    ("Stage 2 (Phase 3) of a Seamless Phase 2/3 Trial of Drug X in Hospitalized COVID-19", "PHASE3"),
    ("Part 2 (Phase 3) of a Phase 2/3 Study of Drug X in Generalized Myasthenia Gravis", "PHASE3"),
    ("A Phase I-III Study of Drug X in Children With Relapsed Leukaemia", "PHASE2"),
    ("A Phase 1 to 3 Adaptive Trial of Drug X in Sickle Cell Disease", "PHASE2"),
]


@pytest.mark.parametrize("title, phase", PART_OR_RANGE_QUIET, ids=[f"{c[1]}:{c[0][:50]}" for c in PART_OR_RANGE_QUIET])
def test_a_seamless_trials_part_and_a_range_of_phases_agree(title, phase):
    assert _severity(title, phase) is None


@pytest.mark.parametrize("title, phase", [
    ("Stage 2 (Phase 3) of a Seamless Phase 2/3 Trial of Drug X in Hospitalized COVID-19", "PHASE1"),
    ("Part B (Phase 2) of the Phase 1/2 Study of Drug X in Advanced Solid Tumours", "PHASE3"),
    ("A Phase I-III Study of Drug X in Children With Relapsed Leukaemia", "PHASE4"),
    ("A Phase 1/3 Study of Drug X in Older Adults", "PHASE2"),
])
def test_a_part_or_a_range_the_record_gives_no_phase_of_still_warns(title, phase):
    assert _severity(title, phase) == "warning"


def test_a_combination_registered_as_one_of_its_phases_warns_naming_the_registrys_combined_value():
    """A 'Phase 1b/2' trial registered as Phase 2 leaves out the registry's own value for it (Phase 1/Phase 2): a
    data team selecting Phase 1 trials misses it, so a warning, and the message says which value fits."""
    [found] = study_phase_findings("NCT0", [(OFFICIAL, "A Phase 1b/2 Study of Drug X in Urothelial Cancer")], "PHASE2")
    assert found.severity == "warning"
    assert found.message == ("The official title names this study's phase as 'Phase 1b/2', while the record gives "
                             "Phase 2; the registry gives a trial of both phases as Phase 1/Phase 2.")
    [other] = study_phase_findings("NCT0", [(OFFICIAL, "A Phase IIb/III Trial of Drug X in Psoriasis")], "PHASE3")
    assert other.message.endswith("while the record gives Phase 3; the registry gives a trial of both phases as "
                                  "Phase 2/Phase 3.")
    [plain] = study_phase_findings("NCT0", [(OFFICIAL, "A Phase II/III Trial of Drug X in Psoriasis")], "PHASE4")
    assert plain.message.endswith("while the record gives Phase 4.")


# (expected to fire, Sex, conditions, official title): men who take part in women's care, men who have sex with
# men, health workers, and condition names that hold an organ's word but are no condition of it (each quiet case
# fired before); beside them, true findings that stay.
SEX_CASES = {
    "NCT01610001": (False, "MALE", ("Cervical Cancer",),
                    "Male Involvement in Cervical Cancer Screening in Rural Kenya"),
    "NCT01610002": (False, "MALE", ("Cervical Cancer Screening",),
                    "Engaging Men to Increase Uptake of Cervical Cancer Screening"),
    "NCT01610003": (False, "MALE", ("Uterine Cervical Neoplasms",),
                    "Men\u2019s Role in Supporting Cervical Cancer Screening: a Cluster Randomized Trial"),
    "NCT01610004": (False, "MALE", ("Pre-Eclampsia", "Antenatal Care"),
                    "Male Participation in Antenatal Care and Maternal Outcomes in Malawi"),
    "NCT01610005": (False, "MALE", ("Cervical Intraepithelial Neoplasia", "Anal Cancer"),
                    "Anal Cancer Screening Among Men Who Have Sex With Men Living With HIV"),
    "NCT01610006": (False, "MALE", ("Vaginal Gel",), "Rectal Safety of Tenofovir 1% Gel in MSM"),
    "NCT01610007": (False, "MALE", ("Trichomonas Vaginalis Infection",),
                    "Single-dose Versus 7-day Metronidazole for Trichomoniasis in Men"),
    "NCT01610008": (False, "MALE", ("Gardnerella Vaginalis",), "Penile Colonisation With Gardnerella in Men"),
    "NCT01610009": (False, "MALE", ("Intra-Uterine Growth Restriction",),
                    "Neurodevelopment of Boys Born Small for Gestational Age"),
    "NCT01610010": (False, "FEMALE", ("Prostate-specific Membrane Antigen", "Glioblastoma"),
                    "PSMA PET/MRI in Recurrent Glioblastoma"),
    "NCT01610011": (False, "MALE", ("Cervical Cancer",),
                    "Training Community Health Workers in Cervical Cancer Prevention"),
    "NCT01610012": (False, "FEMALE", ("Prostate Cancer Screening",),
                    "Engaging Women to Promote Prostate Cancer Screening Among Black Men"),
    # Still a swapped Sex: the sex named as taking part is not the one admitted, or nobody but the patients.
    "NCT01610013": (True, "MALE", ("Ovarian Cancer",), "Women's Support Group for Ovarian Cancer Survivors"),
    "NCT01610014": (True, "MALE", ("Cervical Cancer",), "Involvement of Women in Cervical Cancer Screening Decisions"),
    "NCT01610015": (True, "FEMALE", ("Prostate Cancer",), "Men's Involvement in Prostate Cancer Treatment Decisions"),
    "NCT01610016": (True, "MALE", ("Ovarian Cancer",), "Olaparib Maintenance in BRCA-mutated Ovarian Cancer"),
    "NCT01610017": (True, "MALE", ("Vaginal Atrophy",), "Estradiol Vaginal Insert for Vaginal Atrophy"),
    "NCT01610018": (True, "MALE", ("Uterine Cervical Neoplasms",),
                    "Male Patients With Cervical Cancer Undergoing Chemoradiation"),
    "NCT01610019": (True, "FEMALE", ("Prostate Cancer",), "PSMA PET/CT Before Radical Prostatectomy"),
    "NCT01610020": (True, "MALE", ("Vaginal Cancer",), "Brachytherapy Boost in Vaginal Cancer"),
}
# Studies whose titles name their phase in the new ways, for the rule's screen of the titles it reads.
TITLE_STUDIES = {
    "NCT01620001": ("A Fase III, Randomized Study of Drug X in Gastric Cancer", "PHASE2"),
    "NCT01620002": ("A Fase III, Randomized Study of Drug X in Gastric Cancer", "PHASE3"),
    "NCT01620003": ("Phase Three Randomised Trial of Drug X in Psoriasis", "NA"),
}


def test_sex_and_title_cases_in_one_warehouse(tmp_path):
    built = {}
    for nct_id, (_fires, sex, conditions, title) in SEX_CASES.items():
        study = harness.clean_study()
        given(sex, *conditions, title=title)(study)
        built[nct_id] = study
    for nct_id, (title, phase) in TITLE_STUDIES.items():
        study = harness.clean_study()
        study["studies"][0].update(official_title=title, phase=phase)
        built[nct_id] = study
    flagged = harness.flagged_studies(tmp_path, built, condition_sex.RULES + title_phase.RULES[:1])
    assert flagged[condition_sex.RULE_ID] == {n for n, (fires, *_rest) in SEX_CASES.items() if fires}
    assert flagged[title_phase.RULE_ID] == {"NCT01620001", "NCT01620003"}
