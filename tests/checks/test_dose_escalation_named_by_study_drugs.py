"""Arm doses against their intervention's when the arm escalates a drug the study names by a word with no INN stem
and no product code ("Dose escalation of lenalidomide ... plus dexamethasone 40 mg weekly"): a word of the study's
drugs' names is a drug's name too, so the other drug's one amount is compared; one drug written under its code and
its name ("Dose escalation of MEDI4736 ...; durvalumab 1500 mg") is no other drug."""
from __future__ import annotations

import pytest

from checks.contradictions_arms import study_dose_findings
from checks.dose_varying import escalated_drug, fixed_amounts


def findings(arm: str, interventions: list[tuple[str, str]]) -> list:
    """The dose rule's findings on one arm given every intervention listed (name, description)."""
    return list(study_dose_findings("NCT0", [("Arm A", arm)], interventions, []))


LENALIDOMIDE = ("Lenalidomide", "Lenalidomide 25 mg once daily on days 1-21")
# (arm description, interventions (name, description), the drug the finding names): the other drug's fixed dose
# differs from its intervention's.
FIRING = [
    ("Dose escalation of lenalidomide (5, 10, 15 mg) plus dexamethasone 40 mg weekly",
     [LENALIDOMIDE, ("Dexamethasone", "Dexamethasone 20 mg weekly")], "dexamethasone"),
    ("Escalating doses of insulin; metformin 500 mg twice daily",
     [("Insulin", "Insulin 10 units daily"), ("Metformin", "Metformin 1000 mg twice daily")], "metformin"),
    ("Methotrexate will be escalated from 7.5 mg to 25 mg weekly; prednisone 10 mg daily",
     [("Methotrexate", "Methotrexate 15 mg weekly"), ("Prednisone", "Prednisone 5 mg daily")], "prednisone"),
    ("Fulvestrant dose escalation (250 mg, 500 mg) with palbociclib 125 mg once daily",
     [("Fulvestrant", "Fulvestrant 500 mg"), ("Palbociclib", "Palbociclib 100 mg once daily")], "palbociclib"),
    # the other drug's name with no stem
    ("Escalating doses of ABC-123 plus methotrexate 15 mg weekly",
     [("ABC-123", "ABC-123 50 mg daily"), ("Methotrexate", "Methotrexate 25 mg weekly")], "methotrexate"),
    ("Dose escalation of AZD1775 with insulin 10 units daily",
     [("AZD1775", "AZD1775 100 mg"), ("Insulin", "Insulin 20 units daily")], "insulin"),
    # the other drug's name of two words, and another joined on before it
    ("Dose escalation of saruparib (100, 200, 300 mg) plus abiraterone acetate 1000 mg daily",
     [("Saruparib", "Saruparib 100 mg"), ("Abiraterone Acetate", "Abiraterone acetate 500 mg daily")],
     "abiraterone acetate"),
    ("Escalating doses of ABC-123 with pembrolizumab plus tremelimumab 75 mg every 4 weeks",
     [("ABC-123", "ABC-123 50 mg"), ("Tremelimumab", "Tremelimumab 300 mg every 4 weeks")], "tremelimumab"),
]
# (arm description, interventions (name, description)): wordings that must stay quiet.
QUIET = [
    # one drug under its code and its name
    ("Dose escalation of MEDI4736 (3, 10 mg/kg); durvalumab 1500 mg every 4 weeks",
     [("Durvalumab (MEDI4736)", "Durvalumab 1120 mg every 3 weeks")]),
    ("Dose escalation of durvalumab (3, 10 mg/kg); MEDI4736 1500 mg every 4 weeks",
     [("MEDI4736 (durvalumab)", "MEDI4736 1120 mg every 3 weeks")]),
    ("Escalating doses of MEDI4736/durvalumab; durvalumab 1500 mg every 4 weeks",
     [("Durvalumab (MEDI4736)", "Durvalumab 1120 mg every 3 weeks")]),
    # the escalated drug's own amounts
    ("Dose escalation of lenalidomide (5, 10, 15 mg) plus dexamethasone 40 mg weekly", [LENALIDOMIDE]),
    ("Methotrexate will be escalated from 7.5 mg to 25 mg weekly; prednisone 10 mg daily",
     [("Methotrexate", "Methotrexate 15 mg weekly")]),
    # both drugs escalated, or an escalation that names no drug
    ("Escalating doses of lenalidomide and methotrexate; methotrexate 15 mg weekly",
     [LENALIDOMIDE, ("Methotrexate", "Methotrexate 25 mg weekly")]),
    ("Dose escalation part: lenalidomide 10 mg plus methotrexate 15 mg weekly",
     [LENALIDOMIDE, ("Methotrexate", "Methotrexate 25 mg weekly")]),
    ("Patients will receive escalating doses in cohorts; methotrexate 15 mg weekly",
     [("Methotrexate", "Methotrexate 25 mg weekly")]),
    # the other drug given at the same dose, or titrated too
    ("Dose escalation of lenalidomide (5, 10, 15 mg) plus dexamethasone 40 mg weekly",
     [LENALIDOMIDE, ("Dexamethasone", "Dexamethasone 40 mg once weekly")]),
    ("Escalating doses of insulin; metformin 500 mg twice daily. Metformin may be titrated to 1000 mg.",
     [("Insulin", "Insulin 10 units daily"), ("Metformin", "Metformin 1000 mg twice daily")]),
]


@pytest.mark.parametrize(("arm", "interventions", "drug"), FIRING, ids=[c[0][:60] for c in FIRING])
def test_another_drugs_fixed_dose_beside_a_drug_named_by_the_study_is_compared(arm, interventions, drug):
    found = findings(arm, interventions)
    assert len(found) == 1
    assert found[0].message.startswith(f"Arm 'Arm A' gives {drug} as ")


@pytest.mark.parametrize(("arm", "interventions"), QUIET, ids=[c[0][:60] for c in QUIET])
def test_escalated_drug_under_any_of_its_names_stays_uncompared(arm, interventions):
    assert findings(arm, interventions) == []


# (text, the study's drug words and their drugs' names, the drug escalated)
ESCALATED = [
    ("Dose escalation of lenalidomide (5, 10, 15 mg)", {"lenalidomide": "lenalidomide"}, "lenalidomide"),
    ("Dose escalation of MEDI4736; durvalumab will be escalated",
     {"medi4736": "durvalumab medi4736", "durvalumab": "durvalumab medi4736"}, "durvalumab medi4736"),
    ("Dose escalation of MEDI4736; olaparib will be escalated", {"medi4736": "durvalumab medi4736"}, None),
    ("Dose escalation of lenalidomide (5, 10, 15 mg)", {}, None),
]


@pytest.mark.parametrize(("text", "names", "drug"), ESCALATED, ids=[f"{c[0][:50]} {sorted(c[1])}" for c in ESCALATED])
def test_escalated_drug_read_with_the_studys_names(text, names, drug):
    assert escalated_drug(text, names) == drug


def test_the_same_drugs_other_name_is_no_fixed_amount():
    text = "Dose escalation of MEDI4736 (3 mg/kg); durvalumab 1500 mg"
    amounts = [(text.index("3 mg"), text.index("3 mg") + 4), (text.index("1500"), len(text))]
    names = {"medi4736": "durvalumab medi4736", "durvalumab": "durvalumab medi4736"}
    assert fixed_amounts(text, amounts) == frozenset({1})
    assert fixed_amounts(text, amounts, names) == frozenset()
