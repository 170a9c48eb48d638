"""An arm's and its intervention's doses as records word them: a unit's strength beside a count of units ("two 5 mg
oral tablets", "2 Oral Capsules (200mg of X)", "produced in a 750 mg tablet"), a tablet make-up and its total, a
constituent's amount, a background drug's dose in the arm's phrase, a crossover arm's several doses, and a dose level
named by its day's amount."""
from __future__ import annotations

import pytest

from checks.arm_dose_agreement import agree
from checks.contradictions_arms import study_dose_findings
from checks.dose_make_ups import make_up_parts
from checks.dose_other_substances import of_other_substance
from checks.dose_text import parse_doses


def _findings(arms: list[tuple], interventions: list[tuple], links: list[tuple] | None = None) -> list:
    """Findings of a study's arms (title, description) against its interventions (name, description); each arm
    linked to every intervention unless links are given."""
    if links is None:
        links = [(title, name) for title, _ in arms for name, _ in interventions]
    return list(study_dose_findings("NCT0", arms, interventions, links))


MAKE_UP = "4 tablets (1 x 0.5 mg + 2 x 1 mg + 1 x 5 mg) totaling 7.5 mg, single oral dose during each crossover period"
COCOA = ("2 capsules/d containing total of 750 mg/d cocoa extract, including 75 mg (-)-epicatechin, and 90 mg "
         "theobromine")

# (arms, interventions, links or None for all): the intervention's unit strength, a make-up's part, a constituent's
# or a background drug's amount was read as its dose, or a dose level named by its day's amount was compared as one
# administration.
QUIET = {
    "make-up of a total, crossover periods": (
        [("MK-7.5 then MK-25", "Single oral dose of MK-0249 7.5 mg in the first crossover period; MK-0249 25 mg "
                               "in the second crossover period.")],
        [("MK-0249 7.5 mg", MAKE_UP), ("MK-0249 25 mg", "5 x 5 mg tablets totaling 25 mg, single oral dose")], None),
    "make-up summed with an equals sign": (
        [("Lorazepam 2.5 mg", "Lorazepam 2.5 mg at bedtime")],
        [("Lorazepam 2.5 mg", "3 tablets (2 x 1 mg + 1 x 0.5 mg) = 2.5 mg at bedtime")], None),
    "two 5 mg oral tablets": (
        [("JNJ-54861911 10 mg", None)],
        [("JNJ-54861911 10 mg", "JNJ-54861911 10 mg will be administered as two 5 mg oral tablets once daily.")], None),
    "two 25 mg film-coated tablets": (
        [("Sitagliptin", "Sitagliptin 50 mg once daily")],
        [("Sitagliptin", "Given as two 25 mg film-coated tablets once daily")], None),
    "2 Oral Capsules (200mg of X) twice daily against the day's 800mg": (
        [("800mg LM11A-31-BHS", "800mg LM11A-31-BHS")],
        [("800mg LM11A-31-BHS", "2 Oral Capsules (200mg of LM11A-31-BHS) twice daily (morning & evening) for 26 "
                                "weeks")], None),
    "plural placebos": (
        [("Placebos", "800mg (microcrystalline cellulose with 0.5 - 1% magnesium stearate) per day")],
        [("Placebos", "2 Oral Capsules (200mg of Placebo) twice daily (morning & evening) for 26 weeks")], None),
    "produced in a 750 mg sustained release tablet": (
        [("Nicotinamide", "1500mg twice daily: 2, 750mg tablets taken orally twice daily")],
        [("Nicotinamide", "Niacinamide (nicotinamide; 99%) is produced in a 750 mg sustained release tablet.")], None),
    "constituents after including": (
        [("Cocoa extract + multivitamin", "2 capsules containing 750 mg/d cocoa extract; daily MTV")],
        [("Cocoa extract", COCOA), ("Multivitamin", "Daily multivitamin")], None),
    "a day's amount in counted capsules against the day's amount": (
        [("Cocoa extract", "2 capsules containing 750 mg/d cocoa extract")],
        [("Cocoa extract", "Cocoa extract 750 mg/d")], None),
    "background drug after adjunct to": (
        [("RVT-101", "RVT-101 adjunct to 5 mg or 10 mg donepezil")],
        [("RVT-101", "once daily, oral, 35 mg tablets")], None),
    "background drug after in addition to": (
        [("Drug A", "Intepirdine in addition to 10 mg memantine twice daily")],
        [("Intepirdine", "35 mg once daily")], None),
}
# The same shapes where the doses do disagree.
FIRING = {
    "make-up of another total": (
        [("Lorazepam", "Lorazepam 10 mg at bedtime")],
        [("Lorazepam", "3 tablets (1 x 5 mg + 2 x 1 mg) totaling 7 mg at bedtime")], None),
    "two 5 mg oral tablets against 20 mg": (
        [("Sitagliptin", "Sitagliptin 20 mg once daily")],
        [("Sitagliptin", "Given as two 5 mg oral tablets once daily")], None),
    "2 Oral Capsules (150mg) twice daily against the day's 800mg": (
        [("800mg LM11A-31-BHS", "800mg LM11A-31-BHS")],
        [("800mg LM11A-31-BHS", "2 Oral Capsules (150mg of LM11A-31-BHS) twice daily for 26 weeks")], None),
    "a day's amount against one administration a day": (
        [("Drug X", "Naltrexone 800 mg")], [("Naltrexone", "400 mg once daily")], None),
    "a day's amount in counted capsules against another day's amount": (
        [("Cocoa extract", "2 capsules containing 500 mg/d cocoa extract")],
        [("Cocoa extract", "Cocoa extract 750 mg/d")], None),
    "the product's own amount before its constituents": (
        [("Cocoa", "Cocoa extract 500 mg daily")],
        [("Cocoa extract", "Cocoa extract 750 mg daily, including 75 mg epicatechin")], None),
    "the arm's own dose beside a background drug's": (
        [("RVT-101", "RVT-101 15 mg once daily adjunct to 10 mg donepezil")],
        [("RVT-101", "once daily, oral, 35 mg tablets")], None),
    "a crossover arm's doses, none of them the intervention's": (
        [("A then B", "Rilmenidine 1 mg in the first period; rilmenidine 2 mg in the second period")],
        [("Rilmenidine", "Rilmenidine 4 mg single oral dose")], None),
}
# A crossover arm naming several doses agrees with an intervention of any of them.
QUIET_GUARDS = {
    "a crossover arm's doses, one of them the intervention's": (
        [("A then B", "Rilmenidine 1 mg in the first period; rilmenidine 2 mg in the second period")],
        [("Rilmenidine", "Rilmenidine 2 mg single oral dose")], None),
}


@pytest.mark.parametrize("case", list(QUIET), ids=list(QUIET))
def test_strengths_make_ups_constituents_and_background_drugs_stay_quiet(case):
    assert _findings(*QUIET[case]) == []


@pytest.mark.parametrize("case", list(QUIET_GUARDS), ids=list(QUIET_GUARDS))
def test_an_arm_naming_several_doses_agrees_with_any_of_them(case):
    assert _findings(*QUIET_GUARDS[case]) == []


@pytest.mark.parametrize("case", list(FIRING), ids=list(FIRING))
def test_doses_that_differ_in_those_shapes_fire(case):
    assert len(_findings(*FIRING[case])) == 1


# (text, the amounts read as a make-up's parts)
MAKE_UP_PARTS = [
    (MAKE_UP, ["1 x 0.5 mg", "2 x 1 mg", "1 x 5 mg"]),
    ("3 tablets (2 x 1 mg + 1 x 0.5 mg) = 2.5 mg", ["2 x 1 mg", "1 x 0.5 mg"]),
    ("10 mg + 5 mg, for a total of 15 mg daily", ["10 mg", "5 mg"]),
    ("10 mg + 5 mg, for a total of 20 mg daily", []),  # not their sum
    ("amlodipine 5 mg + atorvastatin 10 mg daily", []),  # no total
    ("5 x 5 mg tablets totaling 25 mg", []),  # one amount, counted
]


@pytest.mark.parametrize("text, parts", MAKE_UP_PARTS, ids=[t for t, _ in MAKE_UP_PARTS])
def test_a_make_up_s_parts_are_those_its_total_sums(text, parts):
    spans = make_up_parts(text, parse_doses(text))
    assert sorted(text[start:end] for start, end in spans) == sorted(parts)


DRUGS = {"cocoa": "cocoa extract", "extract": "cocoa extract", "rvt-101": "rvt-101", "donepezil": "donepezil"}
# (text, the amount's text, whether it is another substance's)
OTHER_SUBSTANCES = [
    (COCOA, "75 mg", True),
    (COCOA, "90 mg", True),
    ("RVT-101 adjunct to 5 mg or 10 mg galantamine", "5 mg", True),
    ("RVT-101 adjunct to 5 mg or 10 mg galantamine", "10 mg", True),
    ("Add-on to 500 mg metformin twice daily", "500 mg", True),
    ("RVT-101 adjunct to 5 mg or 10 mg donepezil", "5 mg", False),  # a study drug: its own dose
    ("Cocoa extract 750 mg daily, including 75 mg epicatechin", "750 mg", False),
    ("RVT-101 adjunct to 10 mg daily", "10 mg", False),  # no substance named
    ("In addition to 35 mg tablets once daily", "35 mg", False),
    ("including 10 mg loading dose on day 1", "10 mg", False),
    ("RVT-101 35 mg. Including 10 mg of donepezil", "10 mg", False),
    ("750 mg cocoa extract, of which 75 mg epicatechin", "75 mg", True),
    ("10 capsules of coffee, each of which will contain 600 mg Nescafe", "600 mg", False),  # each unit's strength
]


@pytest.mark.parametrize("text, amount, other", OTHER_SUBSTANCES, ids=[f"{t} | {a}" for t, a, _ in OTHER_SUBSTANCES])
def test_an_amount_after_including_or_adjunct_to_names_another_substance(text, amount, other):
    dose = next(d for d in parse_doses(text) if d.text.endswith(amount))
    assert of_other_substance(text, dose, DRUGS) is other


# (text, the amount read, as count x strength)
COUNTED = [
    ("two 5 mg oral tablets once daily", 10.0),
    ("2 Oral Capsules (200mg of LM11A-31-BHS) twice daily", 400.0),
    ("three 10 mg film-coated tablets", 30.0),
    ("two 5 mg doses of oral tablets", 5.0),  # the count is of doses, not of tablets of 5 mg
    ("2 capsules containing 750 mg/d cocoa extract", 750.0),  # a day's amount: the units make it up
    ("2 capsules containing 750 mg cocoa extract", 1500.0),
]


@pytest.mark.parametrize("text, amount", COUNTED, ids=[t for t, _ in COUNTED])
def test_a_count_of_units_with_their_route_or_release_multiplies_the_strength_not_a_day_s_amount(text, amount):
    assert parse_doses(text)[0].low == amount


def test_a_strength_a_product_is_produced_in_is_no_dose():
    (dose,) = parse_doses("Niacinamide is produced in a 750 mg sustained release tablet.")
    assert dose.strength


def test_a_dose_level_named_with_no_frequency_is_the_day_s_total():
    (level,) = parse_doses("800mg LM11A-31-BHS")
    (twice,) = parse_doses("400 mg twice daily")
    (once,) = parse_doses("400 mg once daily")
    assert agree(level, twice) and agree(twice, level) and not agree(level, once)
