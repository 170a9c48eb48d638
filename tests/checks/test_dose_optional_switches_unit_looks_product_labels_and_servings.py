"""Amounts that are no dose to compare with an arm's, as registry records word them: a dose some participants may be
moved to later at a choice ("may have been switched to belimumab 10 mg/kg at the investigator's discretion"), a unit's
strength told with its look ("100 mg capsule with a blue opaque cap"), an arm's text that is a product's label alone
("Valaciclovir 500Mg Tablet") against a schedule stepping up from it; and a count of servings that multiplies the
amount of one ("two servings (125 g/serving) per day" are 250 g a day)."""
from __future__ import annotations

import pytest

from checks.dose_text import parse_doses
from tests.checks.harness import dose_findings

# (arm description, intervention description, drug): one regimen, worded as records word it.
QUIET = [
    # a later switch some participants may make, at a choice (NCT00071487)
    ("Belimumab 1 mg/kg plus SOC",
     "Belimumab 1 mg/kg IV administered every 28 days. In the open-label extension period, patients either continued "
     "on the same dose or may have been switched to belimumab 10 mg/kg at the investigator's discretion.",
     "Belimumab"),
    ("Escitalopram 20 mg daily", "After week 4 the dose could be escalated to escitalopram 40 mg daily.",
     "Escitalopram"),
    ("Escitalopram 20 mg daily", "In the extension, escitalopram 40 mg daily at the discretion of the investigator.",
     "Escitalopram"),
    ("Escitalopram 20 mg daily", "In the extension, participants may be switched to escitalopram 40 mg daily.",
     "Escitalopram"),
    ("Escitalopram 20 mg daily", "In the extension, escitalopram 40 mg daily at the physicians’ discretion.",
     "Escitalopram"),
    # a unit's strength told with its look (NCT02130661)
    ("200 mg of itraconazole twice daily", "100 mg capsule with a blue opaque cap and pink transparent body.",
     "Itraconazole"),
    ("200 mg of itraconazole twice daily", "A capsule of 100 mg, white and opaque.", "Itraconazole"),
    ("200 mg of itraconazole twice daily", "Itraconazole 100 mg tablets: round, yellow, scored.", "Itraconazole"),
    # a product's label against a schedule that steps up from its strength (NCT02997982)
    ("Valaciclovir 500Mg Tablet",
     "Valaciclovir treatment (oral, 500 mg tablets). First week: 500 mg three times daily, second to fourth week: "
     "1000 mg three times daily.", "Valaciclovir"),
    ("Metformin 850 mg film-coated tablets", "Metformin 850 mg twice daily, then 1700 mg twice daily from week 2.",
     "Metformin"),
    # servings counted with the amount of one (NCT06836752)
    ("Subjects will consume two servings (125 g/serving) of the test product per day.", "250 g per day", "Yoghurt"),
    ("Two portions of 125 g of yoghurt per day", "Yoghurt 250 g per day", "Yoghurt"),
    ("Yoghurt 250 g per day", "2 servings of 125 g of yoghurt daily", "Yoghurt"),
]
# Nearby texts that still state two doses.
FIRING = [
    ("Belimumab 1 mg/kg every 28 days", "Belimumab 10 mg/kg every 28 days", "Belimumab"),
    ("Escitalopram 20 mg daily", "Escitalopram 40 mg daily; participants may be switched to 60 mg daily.",
     "Escitalopram"),
    ("Escitalopram 20 mg daily", "Escitalopram 40 mg daily. The investigator may stop treatment at any time.",
     "Escitalopram"),
    ("Escitalopram 20 mg daily", "In the extension, participants were switched to escitalopram 40 mg daily.",
     "Escitalopram"),
    ("200 mg of itraconazole twice daily", "Itraconazole 100 mg twice daily", "Itraconazole"),
    ("200 mg of itraconazole twice daily", "One 100 mg capsule twice daily", "Itraconazole"),
    ("Valaciclovir 500 mg three times daily", "Valaciclovir 1000 mg three times daily", "Valaciclovir"),
    ("Valaciclovir 500Mg Tablet twice daily", "Valaciclovir 1000 mg three times daily", "Valaciclovir"),
    ("Subjects will consume two servings (125 g/serving) of the test product per day.", "500 g per day", "Yoghurt"),
    ("Two portions of 125 g of yoghurt per day", "Yoghurt 125 g per day", "Yoghurt"),
]


@pytest.mark.parametrize("arm, intervention, drug", QUIET, ids=[a[:60] for a, _, _ in QUIET])
def test_switches_looks_labels_and_servings_stay_quiet(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []


@pytest.mark.parametrize("arm, intervention, drug", FIRING, ids=[i[:60] for _, i, _ in FIRING])
def test_two_doses_still_fire(arm, intervention, drug):
    assert len(dose_findings(arm, intervention, drug)) == 1


@pytest.mark.parametrize("text, doses", [
    ("100 mg capsule with a blue opaque cap", []),
    ("a capsule of 100 mg, white and opaque", []),
    ("one 100 mg capsule twice daily", ["one 100 mg"]),
    ("100 mg capsule twice daily with food", ["100 mg"]),
])
def test_which_amounts_are_doses(text, doses):
    assert [d.text for d in parse_doses(text) if not d.strength] == doses


@pytest.mark.parametrize("text, amount", [
    ("two servings (125 g/serving) per day", 250000.0),
    ("2 portions of 125 g per day", 250000.0),
    ("125 g per day", 125000.0),
])
def test_servings_multiply_the_amount_of_one(text, amount):
    [dose] = parse_doses(text)
    assert dose.low == amount


# (arm title, arm description, intervention name, intervention description) of arms titled by their regimen and
# products named by their strength, as the records word them; the arm is linked to the intervention.
TITLED_QUIET = [
    ("Belimumab 1 mg/kg plus SOC", "Belimumab 1 mg/kg plus standard of care.", "Belimumab 1 mg/kg",
     "Belimumab 1 mg/kg IV administered every 28 days. In the open-label extension period, patients either continued "
     "on the same dose or may have been switched to belimumab 10 mg/kg at the investigator's discretion."),
    ("Belimumab 4 mg/kg plus SOC", "Belimumab 4 mg/kg plus standard of care.", "Belimumab 4 mg/kg",
     "Belimumab 4 mg/kg IV every 28 days; in the extension, patients could be switched to belimumab 10 mg/kg."),
    ("Valaciclovir treatment", "Valaciclovir 500Mg Tablet", "Valaciclovir 500Mg Tablet",
     "Valaciclovir treatment (oral, 500 mg tablets). First week: 500 mg three times daily, second to fourth week: "
     "1000 mg three times daily."),
    ("Metformin", "Metformin 850 mg tablets", "Metformin 850 mg",
     "First week: 850 mg once daily, then 850 mg twice daily."),
]
TITLED_FIRING = [
    ("Belimumab 1 mg/kg plus SOC", "Belimumab 1 mg/kg plus standard of care.", "Belimumab 1 mg/kg",
     "Belimumab 10 mg/kg IV administered every 28 days."),
    ("Valaciclovir treatment", "Valaciclovir 500 mg three times daily", "Valaciclovir 500Mg Tablet",
     "Valaciclovir treatment (oral, 500 mg tablets): 1000 mg three times daily."),
    ("Metformin", "Metformin 850 mg tablets twice daily", "Metformin 850 mg", "Metformin 1000 mg twice daily."),
]


def _titled_findings(title: str, arm: str, name: str, intervention: str) -> list:
    from checks.contradictions_arms import study_dose_findings

    return list(study_dose_findings("NCT0", [(title, arm)], [(name, intervention)], [(title, name)]))


@pytest.mark.parametrize("title, arm, name, intervention", TITLED_QUIET, ids=[c[0] for c in TITLED_QUIET])
def test_titled_arms_and_named_products_stay_quiet(title, arm, name, intervention):
    assert _titled_findings(title, arm, name, intervention) == []


@pytest.mark.parametrize("title, arm, name, intervention", TITLED_FIRING, ids=[c[1] for c in TITLED_FIRING])
def test_titled_arms_still_fire(title, arm, name, intervention):
    assert len(_titled_findings(title, arm, name, intervention)) == 1
