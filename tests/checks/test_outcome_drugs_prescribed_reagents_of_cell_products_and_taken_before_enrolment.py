"""contradictions.drug_not_an_intervention on outcome drugs the study does not give: drugs whose prescriptions an
outcome counts, a reagent a cell product is made with, a drug the participants took before they joined the study;
and the drugs such outcomes name that are still findings."""
from __future__ import annotations

import pytest

from checks.contradictions_drugs import study_drug_findings

PROBIOTIC = (("B. infantis", "Daily oral probiotic for three weeks from 7 days of age"),
             ("Placebo", "Identical looking placebo"))
CELLS = (("B7-H3CART Dose (Intravenous)", "Subjects will receive IV B7-H3CART cells on Day 0."),)
EXAMS = (("Diagnostic procedures", "Eye examinations, blood work and an interview."),)

PRESCRIPTIONS = "Number of prescriptions of medicine for asthmatic bronchitis; Ventoline, Flixotide, Montelukast"
MANUFACTURE = ("Feasibility of manufacturing autologous T cells transduced with a lentiviral vector expressing the "
               "B7-H3 Chimeric Antigen Receptor, using the CliniMACS Prodigy system with dasatinib and protamine "
               "sulfate.")
PDE5_BEFORE = ("Adult men first diagnosed with NAION who took PDE5 inhibitors (vardenafil, sildenafil, tadalafil or "
               "avanafil) in the 1 year prior to enrollment.")

# (interventions, measure, description)
QUIET = [
    # prescriptions the outcome counts, said by the measure or by the description before the drugs it lists
    (PROBIOTIC, "Asthmatic Bronchitis, prescriptions", PRESCRIPTIONS),
    (PROBIOTIC, "Asthmatic Bronchitis", PRESCRIPTIONS),
    (PROBIOTIC, "Medicines prescribed for wheeze", "Montelukast, fluticasone or salbutamol, from the registry."),
    (PROBIOTIC, "Wheeze", "Total number of prescribed medications for wheeze (montelukast, fluticasone)."),
    # a reagent of the cell product's manufacture
    (CELLS, "Feasibility of manufacturing autologous T cells", MANUFACTURE),
    (CELLS, "Manufacturing success", "T cells transduced with the vector and expanded in the presence of dasatinib."),
    (CELLS, "Product viability", "CAR T cells cultured in culture medium containing dexamethasone for 9 days."),
    (CELLS, "Transduction efficiency", "Cells from the apheresis of patients, transduced and expanded with IL-2 "
                                       "and dasatinib."),
    # a drug taken before enrolment, an exposure the study observes
    (EXAMS, "Number of Participants With NAION", PDE5_BEFORE),
    (EXAMS, "Exposure", "Men who used tadalafil within 30 days before study entry."),
    (EXAMS, "Exposure", "Participants who took avanafil in the year preceding screening."),
]

FIRING = [
    # no count of prescriptions: a drug measured or named as given
    (PROBIOTIC, "Asthmatic Bronchitis", "Lung function after montelukast inhalation."),
    (PROBIOTIC, "Asthmatic Bronchitis", "Number of prescriptions of antibiotics. Children receive montelukast."),
    (PROBIOTIC, "Asthma control", "Number of visits; Ventoline, Flixotide, Montelukast"),
    # a drug given to the participants, not to the cells made
    (CELLS, "Feasibility of manufacturing autologous T cells", "Manufacturing feasibility and safety after "
                                                                "infusion with dasatinib."),
    (CELLS, "Manufacturing success", "T cells are manufactured. Participants then take dasatinib daily."),
    (CELLS, "Response", "Response to CAR T cells given with dasatinib."),
    # a drug taken during the study, or before the randomization a run-in may precede
    (EXAMS, "Number of Participants With NAION", "Men who took avanafil during the 1 year after enrollment."),
    (EXAMS, "Number of Participants With NAION", "Men given avanafil 2 weeks before randomization."),
]


def _drugs_named(interventions: tuple, measure: str, description: str) -> list[str]:
    findings = study_drug_findings("NCT0", [(measure, description)], list(interventions), list(interventions),
                                   [(name,) for name, _ in interventions], [])
    return [f.message for f in findings]


@pytest.mark.parametrize(("interventions", "measure", "description"), QUIET)
def test_prescribed_reagent_or_earlier_drug_is_quiet(interventions, measure, description):
    assert _drugs_named(interventions, measure, description) == []


@pytest.mark.parametrize(("interventions", "measure", "description"), FIRING)
def test_drug_named_otherwise_is_a_finding(interventions, measure, description):
    assert _drugs_named(interventions, measure, description)
