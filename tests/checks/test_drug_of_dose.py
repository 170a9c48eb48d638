"""The drug a dose is given of: the word after it, else the nearest drug word before it in its clause.

Pinned against the plain reading (module-level `re` calls on the text before the dose) on phrases that name
the drug after, before, across a sentence or line break (not read), and not at all.
"""
from __future__ import annotations

import re

import pytest

from checks.drug_near_dose import DRUG_LOOKBACK, _AFTER_DOSE, drug_of
from checks.dose_text import parse_doses

DRUGS = {"baricitinib": "baricitinib", "methotrexate": "methotrexate", "alfa-2a": "peginterferon alfa-2a"}


def _plain_drug_of(text, dose, drugs):
    after = _AFTER_DOSE.match(text, dose.end)
    if after and after.group(1).lower() in drugs:
        return drugs[after.group(1).lower()]
    before = text[max(0, dose.start - DRUG_LOOKBACK):dose.start]
    before = re.split(r"[.;!?]\s+(?=[A-Z])|\n", before)[-1]
    words = re.findall(r"[a-z][\w-]*", before.lower())
    return next((drugs[w] for w in reversed(words) if w in drugs), None)


@pytest.mark.parametrize("text, drug", [
    ("4 mg baricitinib once daily", "baricitinib"),
    ("Baricitinib tablets, 2mg daily", "baricitinib"),
    ("Methotrexate then baricitinib 4 mg", "baricitinib"),
    ("Peginterferon alfa-2a 180 mcg weekly", "peginterferon alfa-2a"),
    ("Baricitinib is given. Patients take 4 mg", None),
    ("baricitinib\n4 mg", None),
    ("Placebo 4 mg", None),
    ("x" * 120 + " baricitinib " + "y " * 60 + "4 mg", None),
])
def test_the_drug_of_a_dose_is_read_as_plainly(text, drug):
    doses = parse_doses(text)
    assert doses
    assert drug_of(text, doses[-1], DRUGS) == _plain_drug_of(text, doses[-1], DRUGS) == drug


@pytest.mark.parametrize("text, drugs", [
    ("each subject will receive an I.M. injection of Lupron 3.75 mg", {}),  # another product, by name
    ("Calcium 500 mg daily as background", {}),
    ("LUPRON 3.75 mg", {}),
    ("Dose: 5 mg daily", {"baricitinib": ["5 mg once daily"]}),  # words that lead into a dose
    ("Patients receive 5 mg daily", {"baricitinib": ["5 mg once daily"]}),
    ("Tablets 5 mg once daily", {"baricitinib": ["5 mg once daily"]}),
    ("Cohort 1: 5 mg", {"baricitinib": ["5 mg"]}),
    ("Arm A 2.5 mg", {"baricitinib": ["2.5 mg"]}),  # too short to be a name
    ("Methotrexate 15 mg weekly", {"methotrexate": ["15 mg once weekly"]}),  # a drug the study lists
    # an amount said to be of another substance, or a step of the dose, is none (NCT05697211, NCT05381389)
    ("Each capsule contains 30 mg iron, 91.5 mg of lactose and 0.5 mg of Allura Red", {"baricitinib": ["30 mg"]}),
    ("30 mg iron, 0.5 mg of Allura Red AC and 0.3 mg Sunset Yellow FCF", {"baricitinib": ["30 mg"]}),
    ("Baricitinib 2 mg, 4 mg Tablets", {"baricitinib": ["2 mg", "4 mg"]}),
    ("The solution was injected in 5 ml increments", {}),
    ("20 ml given as 5-ml aliquots", {"baricitinib": ["20 ml"]}),
    ("4 mg of baricitinib", {"baricitinib": ["4 mg"]}),
    ("2 mg of the study drug", {"baricitinib": ["2 mg"]}),
    ("10 mg/kg of body weight", {"baricitinib": ["10 mg/kg"]}),
])
def test_an_amount_right_after_another_name_is_not_the_default_drugs(text, drugs):
    from checks.dose_text import describe
    from checks.drug_doses import doses_by_drug

    found = doses_by_drug(text, DRUGS, "baricitinib")
    assert {drug: [describe(d) for d in doses] for drug, doses in found.items()} == drugs


LISTED = {"prednisone": "prednisone", "baricitinib": "baricitinib"}


@pytest.mark.parametrize("text, drugs", [
    # an amount right after another name in a list is that name's, in any case
    ("prednisone 60 mg/m^2 on days 1-14, cytosine arabinoside 300 mg/m^2 on day 8",
     {"prednisone": ["60 mg/m2"]}),
    ("prednisone 60 mg/m^2 on days 1-14; Ara-C 300 mg/m^2", {"prednisone": ["60 mg/m2"]}),
    ("Chemo: vincristine 1.2 mg/m2 IV D1, prednisone 40 mg/m2 PO D1-7", {"prednisone": ["40 mg/m2"]}),
    ("prednisone 40 mg daily and folic acid 5 mg daily", {"prednisone": ["40 mg once daily"]}),
    # lead-ins keep the amount the drug's
    ("prednisone 60 mg on days 1-14, then 30 mg", {"prednisone": ["60 mg", "30 mg"]}),
    ("Baricitinib 2 mg daily, followed by 4 mg", {"baricitinib": ["2 mg once daily", "4 mg"]}),
    ("Baricitinib 2 mg, increased to 4 mg", {"baricitinib": ["2 mg", "4 mg"]}),
    ("Baricitinib 2 mg, up to 4 mg", {"baricitinib": ["2 mg", "4 mg"]}),
    ("Baricitinib 2 mg daily, maximum 4 mg", {"baricitinib": ["2 mg once daily", "4 mg"]}),
    ("Baricitinib 2 mg daily, and a dose of 4 mg", {"baricitinib": ["2 mg once daily", "4 mg"]}),
    ("Baricitinib tablets, 2mg daily", {"baricitinib": ["2 mg once daily"]}),
    ("baricitinib, orally 2 mg", {"baricitinib": ["2 mg"]}),
    ("Dose: 5 mg daily", {"baricitinib": ["5 mg once daily"]}),
    ("methotrexate weekly, baricitinib 4 mg", {"baricitinib": ["4 mg"]}),  # a study drug named in the list
])
def test_an_amount_after_a_name_listed_is_that_names(text, drugs):
    from checks.dose_text import describe
    from checks.drug_doses import doses_by_drug

    found = doses_by_drug(text, LISTED, "baricitinib")
    assert {drug: [describe(d) for d in doses] for drug, doses in found.items()} == drugs


def _plain_listed(text, dose, drugs):
    """The list reading by one pattern over the characters before the amount."""
    from checks.drug_other_amounts import LIST_ITEM, LIST_LEAD_INS

    m = re.search(r"(?:[,;:+]|\band\b|\bplus\b)\s+(?P<name>[a-z][a-z-]*[a-z](?:\s+[a-z][a-z-]*[a-z]){0,2})\s*:?\s*$",
                  text[max(0, dose.start - LIST_ITEM):dose.start], re.I)
    return bool(m) and not any(w in LIST_LEAD_INS or w in drugs for w in m.group("name").lower().split())


@pytest.mark.parametrize("text", [
    "prednisone 60 mg/m^2 on days 1-14, cytosine arabinoside 300 mg/m^2",
    "prednisone 60 mg/m^2; Ara-C 300 mg/m^2",
    "Chemo: vincristine 1.2 mg/m2",
    "prednisone 40 mg and folic acid 5 mg",
    "prednisone 40 mg plus calcium carbonate: 500 mg",
    "prednisone 60 mg, then 30 mg",
    "Baricitinib 2 mg, up to 4 mg",
    "Baricitinib 2 mg daily, and a dose of 4 mg",
    "Baricitinib tablets, 2mg daily",
    "methotrexate weekly, baricitinib 4 mg",
    "x" * 80 + ", cytosine arabinoside 300 mg",
    "cytosine arabinoside 300 mg",  # no list
    "prednisone 60 mg, (x) 30 mg",
])
def test_the_list_reading_is_read_as_plainly(text):
    from checks.drug_other_amounts import _listed_name, LIST_LEAD_INS

    dose = parse_doses(text)[-1]
    name = _listed_name(text, dose.start, LISTED)
    fast = bool(name) and not any(w in LIST_LEAD_INS or w in LISTED for w in name.lower().split())
    assert fast == _plain_listed(text, dose, LISTED)
