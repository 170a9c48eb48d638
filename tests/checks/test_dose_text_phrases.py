"""Phrase by phrase: unit strengths, counts of units, regimen phases, lists and doses varied by design."""
from __future__ import annotations

import re

import pytest

from checks import dose_phases, dose_strengths
from checks.dose_text import describe, parse_doses


def _read(text: str) -> list[tuple[str, bool, str | None]]:
    return [(describe(d), d.strength, d.phase) for d in parse_doses(text)]


# A unit strength is not a dose.
STRENGTHS = [
    ("50 mg/capsule", "after: per unit"),
    ("250 mg per tablet", "after: per unit"),
    ("100 mg in each vial", "after: per unit"),
    ("Paracetamol syrup 120 mg/5 mL", "after: per spoonful"),
    ("capsules containing 100 mg", "before: containing"),
    ("a tablet with a dose strength of 250 mg", "before: strength of"),
    ("available as 10 mg and 20 mg tablets", "before: available as"),
    ("each tablet contains 5 mg", "before: each tablet"),
    ("Azithromycin 250 mg capsules oral, 2 capsules on day one, then 1 capsule daily", "named form, dosed by count"),
    ("Drug 10 mg tablets: two tablets twice daily", "named form, dosed by count"),
    ("pacritinib citrate, which is equivalent to 100 mg pacritinib free base", "before: equivalent to"),
    ("lipid powder, equivalent to 20 mg or 80 mg of anhydrous Docetaxel", "before: equivalent to, listed"),
    ("Oral MK-6096 tablets (5 mg strength)", "after: strength"),
    ("a 1.0-ml syringe, sub-graduated into hundredths of ml (1/100 ml)", "before: graduated"),
    ("Each mL contains dexamethasone sodium phosphate equivalent to dexamethasone phosphate 4 mg",
     "before: what one unit contains"),
    ("200 mg coated tablets", "named form, no schedule"),
]


@pytest.mark.parametrize("text, note", STRENGTHS, ids=[n for _, n in STRENGTHS])
def test_unit_strength_is_not_a_dose(text, note):
    doses = parse_doses(text)
    assert doses and all(d.strength for d in doses)


def test_every_strength_pattern_has_a_phrase():
    after = [t for t, n in STRENGTHS if n.startswith("after")]
    before = [t[:re.search(r"\d", t).start()] for t, n in STRENGTHS if n.startswith("before")]
    before += [t[:d.start] for t, n in STRENGTHS if n.startswith("before") for d in parse_doses(t)]
    for pattern in dose_strengths.STRENGTH_AFTER:
        assert any(pattern.search(t) for t in after), pattern.pattern
    for pattern in dose_strengths.STRENGTH_BEFORE:
        assert any(pattern.search(t) for t in before), pattern.pattern


@pytest.mark.parametrize("text", [
    "Baricitinib 2 mg tablet once daily",
    "Metformin 500 mg tablets, one tablet twice daily",  # one unit: the amount is the dose
    "Drug 10 mg tablet once daily; two capsules of vitamin D",  # other units counted
    "Drug 10 mg tablets; 2 weeks of treatment",  # a count of no unit
    "400 mg twice daily",
    "2 mg of baricitinib per day",
])
def test_a_dose_is_not_a_strength(text):
    assert [strength for _, strength, _ in _read(text)] == [False]


# The count of units times the strength is the dose.
@pytest.mark.parametrize("text, dose", [
    ("two tablets (alendronate 10 mg) once weekly", "20 mg once weekly"),
    ("2 capsules containing 100 mg twice daily", "200 mg twice daily"),
    ("2 x 10 mg daily", "20 mg once daily"),
    ("two 10 mg tablets daily", "20 mg once daily"),
    ("three tablets of 5 mg", "15 mg"),
])
def test_count_times_strength(text, dose):
    assert _read(text) == [(dose, False, None)]


@pytest.mark.parametrize("text", ["Day 2 10 mg", "two weeks of 10 mg daily", "2 10 mg"])
def test_a_number_that_counts_no_units_multiplies_nothing(text):
    assert [d for d, _, _ in _read(text)] in (["10 mg"], ["10 mg once daily"])


# (text, phases of its doses in order)
PHASE_PHRASES = [
    ("loading dose of 400 mg followed by 200 mg daily", ["loading", "maintenance"]),
    ("400 mg loading dose, then 200 mg", ["loading", "maintenance"]),
    ("Induction: cytarabine 100 mg/m2 days 1-7", ["induction"]),
    ("consolidation with cytarabine 3 g/m2", ["consolidation"]),
    ("conditioning with cyclophosphamide 60 mg/kg", ["conditioning"]),
    ("mobilization with cyclophosphamide 2 g/m2", ["mobilization"]),
    ("a booster of 0.5 ml", ["booster"]),
    ("Baricitinib 2 mg once daily", [None]),
]


@pytest.mark.parametrize("text, phases", PHASE_PHRASES)
def test_regimen_phase(text, phases):
    assert [phase for _, _, phase in _read(text)] == phases


def test_every_phase_has_a_phrase():
    named = {p for _, phases in PHASE_PHRASES for p in phases}
    assert {name for name, _ in dose_phases.PHASES} <= named


# Doses that vary by design are not compared with anything.
VARIABLE = [
    "dose escalation cohorts of 10, 20 and 40 mg",
    "Cohort 2: 20 mg daily",
    "titrated from 25 mg to 100 mg",
    "prednisone 40 mg tapered over 8 weeks",
    "dose level 3: 300 mg/m2",
    "increased to 4 mg after 2 weeks",
    "step-up dosing of 0.3 mg",
    'based on the "3+3" model, with a dose ascent starting from 120mg qd',
    "ascending doses of 10 mg",
    "a 3 + 3 design at 100 mg",
    "once daily, starting from 120mg",
]


@pytest.mark.parametrize("text", VARIABLE)
def test_doses_varied_by_design(text):
    doses = parse_doses(text)
    assert doses and all(d.variable for d in doses)
    assert not any(d.comparable(d) for d in doses)


@pytest.mark.parametrize("text", ["Baricitinib 2 mg once daily for 24 weeks", "methotrexate 25 mg weekly",
                                  "10 mg once daily starting from week 2", "starting at day 1, 5 mg daily",
                                  "100 µg, per os, 3 times within 3 weeks", "a dose of 3 mg daily"])
def test_fixed_doses_are_not_variable(text):
    assert not any(d.variable for d in parse_doses(text))


@pytest.mark.parametrize("text, doses", [
    ("25, 100 & 400 mcg", ["0.025 mg", "0.1 mg", "0.4 mg"]),
    ("0, 15 or 30 mg", ["0 mg", "15 mg", "30 mg"]),
    ("10 and 20 mg", ["10 mg", "20 mg"]),
])
def test_lists_of_doses_keep_every_amount(text, doses):
    assert [d for d, _, _ in _read(text)] == doses


@pytest.mark.parametrize("a, b, comparable", [
    ("loading dose 400 mg", "200 mg daily", False),
    ("induction 100 mg/m2", "consolidation 100 mg/m2", False),
    ("induction 100 mg/m2", "induction 200 mg/m2", True),
    ("50 mg/capsule", "50 mg daily", False),
    ("2 mg daily", "4 mg daily", True),
])
def test_comparable(a, b, comparable):
    (first,), (second,) = parse_doses(a), parse_doses(b)
    assert first.comparable(second) is comparable


@pytest.mark.parametrize("text, units", [
    ("75 mg/ m2 every 3 weeks", ["mg/m2"]),
    ("5 mg/ kg", ["mg/kg"]),
    ("75 mg/m2", ["mg/m2"]),
    ("75 mg per  m2", ["mg/m2"]),
])
def test_a_space_after_the_slash_keeps_the_body_size(text, units):
    assert [d.unit for d in parse_doses(text)] == units


@pytest.mark.parametrize("text, dose", [("10 mg/ day", "10 mg once daily"), ("70 mg/ week", "70 mg once weekly")])
def test_a_space_after_the_slash_keeps_the_period(text, dose):
    assert [describe(d) for d in parse_doses(text)] == [dose]


# The route stated with each amount, in order.
ROUTE_PHRASES = [
    ("melphalan 8 mg/m2 PO D1-4, cyclophosphamide 400 mg/m2 IV D1", ["oral", "intravenous"]),
    ("140 mg/m2 is given IV within 30 minutes", ["intravenous"]),
    ("Patients also receive intrathecal cytarabine 30 mg/m^2", ["intrathecal"]),
    ("Ara-C 30 mg/m2 IT per dose", ["intrathecal"]),
    ("100 µg, per os, 3 times within 3 weeks", ["oral"]),
    ("5 mg/kg i.v. daily", ["intravenous"]),
    ("ranibizumab 0.5 mg intravitreal injection", ["intravitreal"]),
    ("2 mg subcutaneously once weekly", ["subcutaneous"]),
    ("a 0.5 ml IM injection", ["intramuscular"]),
    ("oxaliplatin 460 mg/m2 intraperitoneally", ["intraperitoneal"]),
    ("1 g applied topically", ["topical"]),
    ("dex 40 mg/d PO or IVPB D1-4", [None]),  # either route
    ("stage IV disease: 10 mg daily", [None]),
    ("Part IV 10 mg daily", [None]),
    ("cutaneous lupus: 10 mg daily", [None]),  # a disease, not a route
    ("nasal polyps, 10 mg daily", [None]),
    ("a 50 mcg nasal spray", ["intranasal"]),
    ("it is given as 10 mg daily", [None]),
    ("IV D1, BCNU 20 mg/m2", [None]),  # the route of the item before
    ("Baricitinib 2 mg once daily", [None]),
]


@pytest.mark.parametrize("text, routes", ROUTE_PHRASES)
def test_route(text, routes):
    assert [d.route for d in parse_doses(text)] == routes


def test_every_route_has_a_phrase():
    named = {r for _, routes in ROUTE_PHRASES for r in routes}
    assert {"oral", "intravenous", "intrathecal", "subcutaneous", "intramuscular", "topical", "intravitreal",
            "intraperitoneal"} <= named


@pytest.mark.parametrize("a, b, comparable", [
    ("8 mg/m2 PO", "140 mg/m2 IV", False),
    ("intrathecal 30 mg/m2", "225 mg/m2 IV", False),
    ("8 mg/m2 orally", "140 mg/m2 PO", True),
    ("30 mg/m2", "225 mg/m2 IV", True),  # a route on one side only
])
def test_doses_by_different_routes_are_not_comparable(a, b, comparable):
    (first,), (second,) = parse_doses(a), parse_doses(b)
    assert first.comparable(second) is comparable


@pytest.mark.parametrize("a, b, matches", [
    ("3 x 100 µg in three weeks", "100 µg, 3 times within 3 weeks", True),  # three administrations of 100 µg
    ("3 x 100 µg", "300 µg", True),
    ("3 x 200 µg in three weeks", "100 µg, 3 times within 3 weeks", False),
    ("two tablets (baricitinib 2 mg)", "2 mg", False),  # two units taken at once are one dose
    ("2 x 10 mg daily", "30 mg daily", False),
])
def test_a_counted_amount_matches_one_administration(a, b, matches):
    (first,), (second,) = parse_doses(a), parse_doses(b)
    assert first.matches(second) is matches and second.matches(first) is matches
