"""Amounts that are no dose to compare, as registry records word them: a product's unit strengths listed together
("tablets containing 50 and 20 mg", "tablets of 50 mg and 20 mg", "50 mg and 20 mg tablets"), which make a dose
between them rather than offer doses to choose from; a content or concentration per mass or volume of the product
("260.53ug/g" of a constituent, "80 mg per gram", "20 mg per mL"); and a number split by a space ("14.5 5 g" typed for
14.55 g), read as either number."""
from __future__ import annotations

import pytest

from checks.dose_text import parse_doses
from tests.checks.harness import dose_findings

# (arm description, intervention description, drug): one regimen; the ones marked were findings before.
QUIET = [
    # tablet strengths that add up to the arm's dose (NCT05780073)
    ("Dasatinib 70 mg/daily, orally administered, for 24 weeks",
     "Commercially available tablets containing 50 and 20 mg of dasatinib will be used.", "Dasatinib"),
    ("Dasatinib 70 mg daily", "Tablets containing 20 mg and 50 mg of dasatinib.", "Dasatinib"),
    ("Dasatinib 70 mg daily", "Dasatinib tablets of 50 and 20 mg.", "Dasatinib"),
    ("Dasatinib 70 mg daily", "Dasatinib tablets of 50 mg and 20 mg are used.", "Dasatinib"),
    ("Dasatinib 70 mg daily", "Dasatinib 50 mg and 20 mg tablets.", "Dasatinib"),
    ("Dasatinib 70 mg daily", "Dasatinib 50 and 20 mg film-coated tablets taken together once daily.", "Dasatinib"),
    ("Tucatinib 300 mg twice daily", "Tucatinib 150 mg and 50 mg tablets taken by mouth.", "Tucatinib"),
    ("Omalizumab 300 mg every 4 weeks", "The syringes contain 75 mg or 150 mg omalizumab.", "Omalizumab"),
    ("Dasatinib 70 mg daily", "Dasatinib is supplied as 20 mg and 50 mg film-coated tablets.", "Dasatinib"),  # held
    # a content per gram of the product, of its constituents (NCT02413099), and a concentration per mL
    ("Patients take KBMSI-2 6g twice a day",
     "KBMSI-2 contained major ginsenoside-Rb1: 260.53ug/g, -Rb2: 543.91ug/g, Allantoin 98.66ug.g.", "KBMSI-2"),
    ("Ginseng extract 6 g daily", "Ginseng extract with 80 mg per gram of ginsenosides.", "Ginseng"),
    ("Ginseng extract 6 g daily", "Ginseng extract, 80 mg ginsenosides per g.", "Ginseng"),
    ("Lidocaine 100 mg", "Lidocaine 20 mg per mL", "Lidocaine"),
    ("Ginseng extract 6 g daily", "Ginseng extract containing 80 mg/g ginsenosides.", "Ginseng"),  # held
    # a number split by a space whose digits join to the arm's dose (NCT04976023)
    ("14.55g of Yupingfeng Powder granules twice daily for 8 weeks", "14.5 5 g twice daily for 8 weeks",
     "Yupingfeng Powder granules"),
]
# Nearby texts that still state two doses.
FIRING = [
    ("Dasatinib 70 mg daily", "Dasatinib 50 mg once daily", "Dasatinib"),
    # doses to choose from, not the strengths of a product's units
    ("Dasatinib 70 mg daily", "Dasatinib 50 or 20 mg tablets once daily", "Dasatinib"),
    ("Dasatinib 70 mg daily", "Patients receive 50 and 20 mg of dasatinib on alternate days.", "Dasatinib"),
    # one amount after "tablets of" is the dose of one tablet
    ("Dasatinib 70 mg daily", "Dasatinib tablets of 100 mg once daily", "Dasatinib"),
    ("Dasatinib 70 mg daily", "Tablets containing 50 and 20 mg of dasatinib. Patients take 100 mg daily.",
     "Dasatinib"),
    ("Ginseng extract 6 g daily", "Ginseng extract 3 g/day", "Ginseng"),
    ("Ketamine 0.5 mg/kg", "Ketamine 1 mg per kg", "Ketamine"),
    # neither reading of the split number is the arm's dose, and a number not split differs
    ("10 g of Yupingfeng Powder granules twice daily", "14.5 5 g twice daily for 8 weeks",
     "Yupingfeng Powder granules"),
    ("14.55g of Yupingfeng Powder granules twice daily", "14.5 g twice daily for 8 weeks",
     "Yupingfeng Powder granules"),
]


@pytest.mark.parametrize("arm, intervention, drug", QUIET, ids=[i[:60] for _, i, _ in QUIET])
def test_strengths_contents_and_split_numbers_stay_quiet(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []


@pytest.mark.parametrize("arm, intervention, drug", FIRING, ids=[i[:60] for _, i, _ in FIRING])
def test_two_doses_still_fire(arm, intervention, drug):
    assert len(dose_findings(arm, intervention, drug)) == 1


def test_a_split_number_is_quoted_whole():
    [finding] = dose_findings("10 g of Yupingfeng Powder granules twice daily", "14.5 5 g twice daily",
                              "Yupingfeng Powder granules")
    assert "says 14.5 5 g twice daily" in finding.message


# (text, the amounts read as doses that are no strength): lab values and contents per volume or mass are no amounts.
@pytest.mark.parametrize("text, doses", [
    ("Tucatinib 150 mg and 50 mg tablets taken by mouth at a dose of 300 mg twice daily.", ["300 mg"]),
    ("LCP-Tacro tablets were provided in 3 strengths: 1 mg, 2 mg, and 5 mg oral tablets.", []),
    ("Film-coated tablets containing 50 mg, 100 mg, or 300 mg of retigabine per tablet.", []),
    ("If LDL cholesterol did not fall below 3.1 mmol per liter, lovastatin was increased to 40 mg.", ["40 mg"]),
    ("total serum IgE > 500 IU per mL", []),
    ("cysteine hydrochloride (40mg/gm amino acids)", []),
    ("1.0mg per ml of DNA HIV-C vaccine", []),
    ("Aspirin 100 mg or 300 mg tablets", ["100 mg", "300 mg"]),
    ("Drug 4 mg/100 mL infused over 30 minutes", ["4 mg"]),  # a bag's volume: the dose it holds
])
def test_which_amounts_are_doses(text, doses):
    assert [d.text for d in parse_doses(text) if not d.strength] == doses


@pytest.mark.parametrize("text, readings", [
    ("14.5 5 g twice daily", [(14550.0, 14550.0)]),
    ("(14.5 5g)", [(14550.0, 14550.0)]),
    ("10, 14.5 5 g twice daily", []),  # listed after another amount: no number split
    ("10 or 14.5 5 g", []),
    ("Day 1 5 mg", []),  # a bare whole number before: a day's
    ("1.5-2.5 5 mg", []),
    ("14.5 125 mg", []),  # more digits than a split leaves
])
def test_the_readings_of_a_split_number(text, readings):
    [dose] = [d for d in parse_doses(text) if d.unit == "mg"]
    assert list(dose.readings) == readings
