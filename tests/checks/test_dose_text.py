"""The dose parser: amounts, ranges, units, per-body-size and frequency, and which drug a dose belongs to."""
from __future__ import annotations

import pytest

from checks.dose_text import describe, parse_doses
from checks.drug_doses import doses_by_drug

DAILY, WEEKLY = 1.0, 1 / 7


@pytest.mark.parametrize("text, expected", [
    ("2mg once daily", [(2, 2, "mg", DAILY)]),
    ("4 mg daily", [(4, 4, "mg", DAILY)]),
    ("Baricitinib 2 MG", [(2, 2, "mg", None)]),
    ("25 mg weekly with folic acid 5 mg weekly", [(25, 25, "mg", WEEKLY), (5, 5, "mg", WEEKLY)]),
    ("0.8mg-1mg/kg/day", [(0.8, 1, "mg/kg", DAILY)]),
    ("10-15 mg/d", [(10, 15, "mg", DAILY)]),
    ("4mg of oral Baricitinib everyday for 48 weeks", [(4, 4, "mg", DAILY)]),
    ("cyclophosphamide 400mg intravenous drip every 2 weeks", [(400, 400, "mg", 1 / 14)]),
    ("tofacitinib at a dose of 5 mg twice daily", [(5, 5, "mg", 2.0)]),
    ("500 mcg BID", [(0.5, 0.5, "mg", 2.0)]),
    ("1 g", [(1000, 1000, "mg", None)]),
    ("1,000 mg three times a day", [(1000, 1000, "mg", 3.0)]),
    ("100 mg/m2 every 3 weeks", [(100, 100, "mg/m2", 1 / 21)]),
    ("3 to 5 mg", [(3, 5, "mg", None)]),
    ("0, 15 or 30 mg per day", [(0, 0, "mg", DAILY), (15, 15, "mg", DAILY), (30, 30, "mg", DAILY)]),
    ("a 5 mg/mL solution", []),
    ("Hemoglobin < 8 g/dL", []),
    ("the needle (25 G) or cannula (25 G)", []),  # gauges (NCT05691049)
    ("a 27G needle", []),
    ("1 G IV once daily", [(1000, 1000, "mg", DAILY)]),
    ("for 24 weeks", []),
    ("", []),
    (None, []),
])
def test_parse_doses(text, expected):
    found = [(d.low, d.high, d.unit, _rounded(d.per_day)) for d in parse_doses(text)]
    assert found == [(low, high, unit, _rounded(per_day)) for low, high, unit, per_day in expected]


def _rounded(per_day: float | None) -> float | None:
    return None if per_day is None else round(per_day, 6)


@pytest.mark.parametrize("a, b, same", [
    ("2mg once daily", "2 mg daily", True),
    ("2mg once daily", "4mg once daily", False),
    ("2 mg", "2 mg twice daily", True),
    ("2 mg once daily", "2 mg twice daily", False),
    ("1 g", "1000 mg", True),
    ("10-15 mg/d", "12 mg daily", True),
])
def test_matches(a, b, same):
    (first,), (second,) = parse_doses(a), parse_doses(b)
    assert first.matches(second) is same


def test_mg_and_mg_per_kg_are_not_comparable():
    (mg,), (per_kg,) = parse_doses("100 mg"), parse_doses("1 mg/kg")
    assert not mg.comparable(per_kg)


@pytest.mark.parametrize("text, expected", [
    ("Baricitinib will be taken orally with a dose of 2mg once daily", {"baricitinib": ["2 mg once daily"]}),
    ("4mg of oral Baricitinib everyday", {"baricitinib": ["4 mg once daily"]}),
    ("tab. methotrexate 25 mg weekly with folic acid 5 mg weekly",
     {"methotrexate": ["25 mg once weekly"], "folic acid": ["5 mg once weekly"]}),
    ("Take 2 mg once daily", {"default": ["2 mg once daily"]}),
])
def test_doses_by_drug(text, expected):
    drugs = {"baricitinib": "baricitinib", "methotrexate": "methotrexate", "folic": "folic acid"}
    found = doses_by_drug(text, drugs, default="default")
    assert {drug: [describe(d) for d in doses] for drug, doses in found.items()} == expected
