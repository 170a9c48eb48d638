"""Readings of one-off phrasings that were misread:

- protocol.placebo_comparator_without_placebo: a vehicle said to hold no drug ("fast dissolving film contains no
  drug"), a product's arm titled by the product "without" in Latin ("Coldamaris sine") in a study its text calls
  placebo-controlled, and a control the summary compares the tested programme with as "a placebo intervention" are
  placebos; a standard of care typed Placebo Comparator still fires.
- contradictions.criteria_healthy_volunteers_differs: "Healthy persons aged >= 18" beside "Patient is admitted to
  hospital" are patients in good general health; healthy volunteers beside it, or healthy persons alone, still admit
  healthy people.
- contradictions.healthy_volunteers_yes_patients_only: "Parent inclusion criteria include: - Biological Mother" names
  a group who need not have the condition.
- contradictions.criteria_numbering_gap: "6)" ending a wrapped line after a full-width stop ("≤80%。 6)") numbers its
  criterion.
- contradictions.drug_not_an_intervention: a drug that names a cited trial ("established in the remdesivir ACTT
  study") is no drug of the study.
"""
from __future__ import annotations

import pytest

from checks import arm_types, contradictions_criteria
from checks.contradictions_drugs import study_drug_findings
from checks.criteria_healthy_volunteers import admitted_healthy
from checks.criteria_patients_only import study_patients_only_findings
from tests.checks import harness
from tests.checks.cases_arm_types import COMPARATOR_WITHOUT_PLACEBO, said_of_study, trial

_INSULIN = ("EXPERIMENTAL", "Insulin fast dissolving film", "Formulated bioadhesive fast dissolving film contains "
                                                             "100IU of insulin")
_FILMS = [("COMBINATION_PRODUCT", "Insulin film", "Insulin suspension vials"),
          ("DEVICE", "Fast dissolving film", "Fast dissolving film")]


def _film_trial(placebo_description: str):
    """A trial of an insulin film against a Placebo Comparator film described as `placebo_description`."""
    placebo = ("PLACEBO_COMPARATOR", "Plain fast dissolving film", placebo_description)
    links = [(arm, film) for arm in (_INSULIN[1], placebo[1]) for _t, film, _d in _FILMS]
    return trial([_INSULIN, placebo], _FILMS, links)


def _spray_trial(comparator_title: str, design: str):
    """A trial of a nasal spray against a Placebo Comparator `comparator_title`, its design described as `design`."""
    arms = [("EXPERIMENTAL", "Coldamaris pro", "One puff per nostril three puffs into mouth"),
            ("PLACEBO_COMPARATOR", comparator_title, "One puff per nostril three puffs into mouth")]
    spray = [("DEVICE", "nasal spray", "application of nasal spray into nostrils and mouth")]
    change = trial(arms, spray, [("Coldamaris pro", "nasal spray"), (comparator_title, "nasal spray")])

    def changed(s):
        change(s)
        s["designs"][0]["intervention_model_description"] = design
    return changed


def _training_trial(summary: str):
    """A trial of a rights e-training against a Placebo Comparator given a COVID-19 training, summarised so."""
    arms = [("EXPERIMENTAL", "WHO QualityRights", "Professionals will be enrolled in the WHO QualityRights training."),
            ("PLACEBO_COMPARATOR", "WHO COVID-19", "Professionals will be enrolled in the WHO COVID-19 training.")]
    given = [("OTHER", "WHO QualityRights e-training", "Online training on the rights of people with disabilities"),
             ("OTHER", "WHO COVID-19 online training", "A general introduction to COVID-19 for health professionals")]
    return said_of_study(trial(arms, given, [(arms[0][1], given[0][1]), (arms[1][1], given[1][1])]), summary=summary)


# (fires, change, note)
PLACEBOS = [
    (False, _film_trial("Formulated bioadhesive fast dissolving film contains no drug"),
     "a film that contains no drug"),
    (False, _film_trial("A drug-free fast dissolving film"), "a drug-free film"),
    (True, _film_trial("Formulated bioadhesive fast dissolving film"), "a film with nothing said of its drug"),
    (False, _spray_trial("Coldamaris sine", "Randomized placebo-controlled double blinded"),
     "a product 'sine' in a placebo-controlled design"),
    (True, _spray_trial("Coldamaris sine", "Randomized double blinded"), "a product 'sine' in no placebo's design"),
    (True, _spray_trial("Coldamaris standard", "Randomized placebo-controlled double blinded"),
     "another product in a placebo-controlled design"),
    (False, _training_trial("The efficacy of the WHO QR online training compared with a placebo intervention in "
                            "improving knowledge about human rights."), "a control the summary calls a placebo"),
    (True, _training_trial("The efficacy of the WHO QR online training compared with a COVID-19 training in "
                           "improving knowledge about human rights."), "a control the summary names otherwise"),
]


def _nct(n: int) -> str:
    """The id of the n-th case's study."""
    return f"NCT0263{n:04d}"


@pytest.fixture(scope="module")
def flagged(tmp_path_factory):
    """The studies the comparator rule flags, on one warehouse holding every case."""
    built = harness.changed_studies({_nct(n): change for n, (_fires, change, _note) in enumerate(PLACEBOS, start=1)})
    rules = [rule for rule in arm_types.RULES if rule.id == COMPARATOR_WITHOUT_PLACEBO]
    return harness.flagged_studies(tmp_path_factory.mktemp("vehicles"), built, rules)[COMPARATOR_WITHOUT_PLACEBO]


@pytest.mark.parametrize("n", range(1, len(PLACEBOS) + 1), ids=[note for _f, _c, note in PLACEBOS])
def test_a_placebo_in_other_words(flagged, n):
    fires, _change, note = PLACEBOS[n - 1]
    assert (_nct(n) in flagged) is fires, note


def _inclusion(*items: str) -> str:
    """Legacy criteria: the inclusion items as dashes, then an exclusion list."""
    listed = "".join(f"\n          -  {item}\n" for item in items)
    return f"\n        Inclusion Criteria:\n{listed}\n        Exclusion Criteria:\n\n          -  Pregnancy\n"


# (inclusion items, whether healthy people are admitted)
HEALTHY = [
    (("Healthy persons aged ≥ 18, and able to give informed consent", "Patient is admitted to hospital",
      "Primary reason for hospital admission is clinical suspicion of a new episode of ARI"), False),
    (("Healthy adults aged 18 or over", "Hospitalized for community-acquired pneumonia"), False),
    (("Healthy persons aged ≥ 18, and able to give informed consent", "Able to attend two visits"), True),
    (("Healthy volunteers aged ≥ 18", "Patient is admitted to hospital"), True),
    (("Healthy persons aged ≥ 18", "No admission to hospital in the past year"), True),
]


@pytest.mark.parametrize("items, admitted", HEALTHY, ids=[" / ".join(i)[:70] for i, _ in HEALTHY])
def test_healthy_persons_beside_a_stay_in_hospital(items, admitted):
    assert (admitted_healthy(_inclusion(*items)) is not None) is admitted


# (criteria, fires)
PARENTS = [
    ("Inclusion Criteria:\n\nChild inclusion criteria include:\n\n- diagnosis of ASD or showing signs of ASD based on "
     "autism screening\n\nParent inclusion criteria include:\n\n- Biological Mother\n\nExclusion Criteria:\n\n- None",
     False),
    ("Inclusion Criteria:\n\n- diagnosis of ASD or showing signs of ASD based on autism screening\n- Biological "
     "mother available for visits\n\nExclusion Criteria:\n\n- None", False),
    ("Inclusion Criteria:\n\n- diagnosis of ASD or showing signs of ASD based on autism screening\n\nExclusion "
     "Criteria:\n\n- Parents unable to consent", True),
]


@pytest.mark.parametrize("criteria, fires", PARENTS, ids=[c[0][22:80] for c in PARENTS])
def test_a_parents_group_beside_the_patients(criteria, fires):
    found = list(study_patients_only_findings("NCT0", criteria, True, (), "TREATMENT"))
    assert bool(found) is fires


_WRAPPED = ("Inclusion Criteria:\n\n     1) Age 18 to 75 years.\n\n     2) Discharged after COVID-19.\n\n"
            "     3) Able to perform lung function tests.\n\n"
            "     4) Forced vital capacity/per predicted (FVC% pred) ≥ 50%. 5) 50% ≤ FEV1 %pred ≤80%{stop} 6)\n"
            "     Subject (or legally authorized representative) provides written informed consent prior\n"
            "     to initiation of any study procedures.\n\n"
            "     7) Agrees not to participate in other drug/device studies until the end of the study.\n\n"
            "Exclusion Criteria:\n\n     1) Pregnancy.\n")
# (name, criteria, the rule's messages)
NUMBERS = {
    "after a full-width stop": (_WRAPPED.format(stop="。"), []),
    "after a full stop": (_WRAPPED.format(stop="."), []),
    "after a quantity, no stop": (_WRAPPED.format(stop="").replace(" 6)\n", " 6\n"),
                                  ["The numbered inclusion criteria jump to 7, so criterion 6 is missing."]),
}


def test_a_bracketed_number_ending_a_line_after_a_stop():
    texts = {name: text for name, (text, _) in NUMBERS.items()}
    messages = harness.criteria_rule_messages(contradictions_criteria.criteria_numbering_gap, texts)
    assert messages == {name: expected for name, (_, expected) in NUMBERS.items()}


_TRIAL_SCALE = "Change in clinical status from Baseline to Day 28"
# (outcome description, the drugs the rule says are not given)
CITED = [
    ("Clinical Status Ordinal Scale established in the remdesivir ACTT study. Scale is 1-8.", []),
    ("The ordinal scale used in the remdesivir trial, scored 1-8.", []),
    ("Patients given remdesivir in the ward are counted.", ["remdesivir"]),
    ("Clinical status on the scale, compared with the remdesivir arm of the ACTT study.", ["remdesivir"]),
]


@pytest.mark.parametrize("description, named", CITED, ids=[c[0][:60] for c in CITED])
def test_a_drug_that_names_a_cited_trial(description, named):
    findings = study_drug_findings("NCT00000001", [(_TRIAL_SCALE, description)], [], [("CNM-ZnAg", None)], [], [])
    assert [f.message.split(" names ")[1].split(",")[0] for f in findings] == named
