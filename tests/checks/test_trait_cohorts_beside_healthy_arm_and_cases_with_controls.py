"""Arms that are cohorts by a trait (checks.design_trait_cohorts) in two more forms: a pair told apart by a negated
trait beside an arm of healthy people ("Allergic rhinitis", "Non-allergic rhinitis", "Healthy Control"), whose titles
need not name people; and cases beside a control named for its role alone ("cases group" and "control group"; an arm
whose description says "This group contain cases" beside "control"). A fourth arm of no pair, two healthy arms, a
negated treatment, a control beside an arm of no cases, and arms whose text says what they are given stay unread.
"""
from __future__ import annotations

import pytest

from checks.design_trait_cohorts import TraitCohorts, trait_cohorts

SERUM_TEST = "serum levels of Janus Kinase 1and 2"

# (arm titles, their descriptions, the intervention all are given, the cohorts found: having, lacking, said).
FIRES = [
    # NCT02810535
    (["Allergic rhinitis", "Non-allergic rhinitis", "Healthy Control"], None, "Observation",
     ("Allergic rhinitis", "Non-allergic rhinitis", "")),
    (["Healthy Control", "Non-allergic rhinitis", "Allergic rhinitis"], None, "Observation",
     ("Allergic rhinitis", "Non-allergic rhinitis", "")),
    (["Diabetic", "Non-diabetic", "Healthy volunteers"], None, "Oral glucose tolerance test",
     ("Diabetic", "Non-diabetic", "")),
    (["COPD with frequent exacerbations", "COPD without frequent exacerbations", "Healthy controls"], None,
     "Sputum induction", ("COPD with frequent exacerbations", "COPD without frequent exacerbations", "")),
    (["Smokers", "Non-smokers", "Healthy non-smoking volunteers"], None, "Bronchoscopy",
     ("Smokers", "Non-smokers", "")),
    # NCT06201780
    (["cases group", "control group"], ["group of cases with cholinergic urticaria",
                                        "control group not have cholinergic urticaria"], SERUM_TEST,
     ("cases group", "control group", "")),
    (["control group", "cases group"], None, SERUM_TEST, ("cases group", "control group", "")),
    (["Cases", "Controls"], None, "Skin biopsy", ("Cases", "Controls", "")),
    (["Case group", "The control group"], None, "Blood sample", ("Case group", "The control group", "")),
    # NCT05828563
    (["pesticide applicators", "control"], ["This group contain cases", "control group"], "Blood sample test",
     ("pesticide applicators", "control", "This group contain cases")),
    (["Silica-exposed workers", "Control subjects"], ["The cohort consists of cases of silicosis.", ""],
     "Chest CT", ("Silica-exposed workers", "Control subjects", "The cohort consists of cases of silicosis.")),
]

# (arm titles, their descriptions, the intervention all are given): no cohorts by a trait read.
QUIET = [
    # a fourth arm of no pair, or two healthy arms beside a pair whose titles name no people
    (["Allergic rhinitis", "Non-allergic rhinitis", "Healthy Control", "Asthma"], None, "Observation"),
    (["Allergic rhinitis", "Non-allergic rhinitis", "Healthy Control", "Healthy smokers"], None, "Observation"),
    # a pair whose titles name no people, with no healthy arm beside it
    (["Fasting", "Non-fasting"], None, "Blood test"),
    (["Allergic rhinitis", "Non-allergic rhinitis"], None, "Observation"),
    # a negated treatment beside healthy people
    (["Patients with music", "Patients without music", "Healthy volunteers"], None, "Music listening"),
    (["Diet", "Non-diet", "Healthy volunteers"], None, "Diet"),
    # a control beside an arm of no cases: a treatment's comparator, the links aside
    (["Intervention group", "Control group"], ["Exercise three times a week", "Usual activity"], "Exercise"),
    (["Study group", "Control group"], ["group of patients with knee osteoarthritis", ""], "Knee brace"),
    (["Group A", "Control"], ["In some cases of relapse, the dose is repeated.", ""], "Drug X"),
    # cases and controls whose text says what the arms are given
    (["Cases", "Control"], ["Cases will receive drug X for 12 weeks", "Control group"], "Drug X"),
    (["Treated cases", "Controls"], None, "Drug X"),
    (["Cases group", "Control group"], ["Cases", "Controls are given the same test"], "Serum test"),
    # a control named for more than its role, and three arms
    (["Cases", "Control with standard care"], None, "Drug X"),
    (["Cases group", "Control group", "Healthy controls"], None, "Serum test"),
]


def _ids(cases: list[tuple]) -> list[str]:
    return [" / ".join(c[0]) + (f" ({c[1][0]})" if c[1] else "") for c in cases]


@pytest.mark.parametrize("titles, descriptions, given, cohorts", FIRES, ids=_ids(FIRES))
def test_a_pair_beside_healthy_people_and_cases_beside_controls_are_cohorts(titles, descriptions, given, cohorts):
    assert trait_cohorts(titles, given, descriptions) == TraitCohorts(*cohorts)


@pytest.mark.parametrize("titles, descriptions, given", QUIET, ids=_ids(QUIET))
def test_arms_of_no_pair_treatments_and_controls_of_no_cases_are_not_cohorts(titles, descriptions, given):
    assert trait_cohorts(titles, given, descriptions) is None
