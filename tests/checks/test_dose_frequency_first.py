"""Arm doses against their intervention's when the frequency or route is written before the amount ("Olaparib given
orally twice daily at a dose of 300 mg", "Bevacizumab IV Q3W at 15 mg/kg", "Osimertinib daily (160 mg)"): the
frequency is that amount's, and never the amount's before it that another drug's name or step stands apart from
("Pembrolizumab 200 mg and lenvatinib once daily at 20 mg")."""
from __future__ import annotations

import pytest

from checks.dose_text import parse_doses
from tests.checks.harness import dose_findings

# (arm description, intervention description, drug): one drug given two different doses.
FIRING = [
    # the same amount at another frequency
    ("Olaparib given orally twice daily at a dose of 300 mg", "Olaparib 300 mg once daily", "Olaparib"),
    ("Pembrolizumab, administered every 3 weeks at 200 mg until progression", "Pembrolizumab 200 mg every 6 weeks",
     "Pembrolizumab"),
    ("Bevacizumab IV Q3W at 15 mg/kg", "Bevacizumab 15 mg/kg IV every 2 weeks", "Bevacizumab"),
    ("Metformin twice daily with meals at 500 mg", "Metformin 500 mg once daily with the evening meal", "Metformin"),
    ("Gefitinib is taken orally, once a day, at a dose of 250 mg", "Gefitinib 250 mg twice a day", "Gefitinib"),
    ("Nivolumab i.v. every 4 weeks at the dose of 240 mg", "Nivolumab 240 mg IV every 2 weeks", "Nivolumab"),
    ("Dexamethasone orally once daily in the morning at 4 mg", "Dexamethasone 4 mg twice daily", "Dexamethasone"),
    ("Olaparib twice daily (300 mg)", "Olaparib 300 mg once daily", "Olaparib"),
    ("Apixaban b.i.d. at 5 mg", "Apixaban 5 mg o.d.", "Apixaban"),
    ("Ruxolitinib will be administered orally, once per day, 60 mg, on Days 1-21 of a 28-day cycle",
     "Ruxolitinib 60 mg twice a day on Days 1-21", "Ruxolitinib"),
    ("Dutasteride: once daily dosing of 0.5mg orally", "Dutasteride 0.5 mg every other day", "Dutasteride"),
    # an amount that is a part of the other text's day's total
    ("Osimertinib once daily at 40 mg", "Osimertinib 80 mg daily", "Osimertinib"),
    ("Lenvatinib orally once daily at 12 mg", "Lenvatinib 24 mg daily", "Lenvatinib"),
    # two amounts at one frequency
    ("Osimertinib daily (160 mg)", "Osimertinib 80 mg once daily", "Osimertinib"),
    ("Erlotinib orally once daily at 150 mg", "Erlotinib 100 mg once daily", "Erlotinib"),
    ("Pembrolizumab administered intravenously every three weeks at a fixed dose of 200 mg",
     "Pembrolizumab 400 mg IV every 3 weeks", "Pembrolizumab"),
]
# (arm description, intervention description, drug): wordings that must stay quiet.
QUIET = [
    # the same dose written in the two orders
    ("Olaparib given orally twice daily at a dose of 300 mg", "Olaparib 300 mg twice daily", "Olaparib"),
    ("Bevacizumab IV Q3W at 15 mg/kg", "Bevacizumab 15 mg/kg every 3 weeks", "Bevacizumab"),
    ("Osimertinib daily (80 mg)", "Osimertinib 80 mg once daily", "Osimertinib"),
    ("Pembrolizumab 200 mg every 3 weeks", "Pembrolizumab, administered every three weeks at 200 mg", "Pembrolizumab"),
    ("Metformin twice daily at 500 mg", "Metformin 1000 mg daily", "Metformin"),
    ("Nivolumab every 2 weeks (Q2W) at 240 mg", "Nivolumab 240 mg q2wks", "Nivolumab"),
    # an amount with no frequency in one text
    ("Gefitinib once daily at 250 mg", "Gefitinib 250 mg", "Gefitinib"),
    ("Gefitinib 250 mg", "Gefitinib is given once daily at 250 mg", "Gefitinib"),
    # the frequency is another drug's, named between it and the amount before
    ("Pembrolizumab 200 mg and lenvatinib once daily at 20 mg", "Pembrolizumab 200 mg every 3 weeks", "Pembrolizumab"),
    ("Nivolumab 240 mg IV plus ipilimumab every 6 weeks at 1 mg/kg", "Nivolumab 240 mg every 2 weeks", "Nivolumab"),
    ("Aspirin 100 mg and clopidogrel once daily at 75 mg", "Aspirin 100 mg twice daily", "Aspirin"),
    ("Lenvatinib once daily, pembrolizumab at 200 mg", "Pembrolizumab 200 mg every 3 weeks", "Pembrolizumab"),
    ("Lenvatinib once daily with pembrolizumab (200 mg)", "Pembrolizumab 200 mg every 3 weeks", "Pembrolizumab"),
    # the frequency is the amount's before it
    ("Gabapentin: 900mg of the drug daily (300 mg by mouth three times daily).", "Gabapentin 300 mg three times daily",
     "Gabapentin"),
    ("Metformin 500 mg orally twice daily (1000 mg)", "Metformin 500 mg twice daily", "Metformin"),
    ("Gabapentin 900mg of the drug daily, 300 mg three times daily", "Gabapentin 300 mg three times daily",
     "Gabapentin"),
    ("Selpercatinib dose levels: 20 mg BID, 40 mg BID, 80 mg BID", "Selpercatinib 160 mg twice daily", "Selpercatinib"),
    ("Ruxolitinib twice a day, 10 mg in the morning and 5 mg in the evening", "Ruxolitinib 15 mg daily",
     "Ruxolitinib"),
    # escalation, dose levels, titration and amounts that are no dose
    ("Dose escalation: tepotinib once daily at doses of 50, 100 and 150 mg", "Tepotinib 200 mg once daily",
     "Tepotinib"),
    ("Tepotinib once daily at doses of 50, 100 and 150 mg", "Tepotinib 100 mg once daily", "Tepotinib"),
    ("Tepotinib once daily at 50 mg, 100 mg or 150 mg", "Tepotinib 100 mg once daily", "Tepotinib"),
    ("Tepotinib orally once daily at 100 mg or 150 mg", "Tepotinib 150 mg twice daily", "Tepotinib"),
    ("Sotorasib once daily at the dose of the previous cohort", "Sotorasib 960 mg once daily", "Sotorasib"),
    ("Sertraline once daily at 25 mg, titrated to 50 mg", "Sertraline 100 mg once daily", "Sertraline"),
    ("Fluconazole once daily at least 150 mg", "Fluconazole 400 mg once daily", "Fluconazole"),
    ("Fluconazole at least 150 mg once daily", "Fluconazole 400 mg once daily", "Fluconazole"),
    ("Vitamin D3 a minimum of 800 IU daily", "Vitamin D3 2000 IU daily", "Vitamin D3"),
    ("Levothyroxine once daily at 8 am, 50 mcg", "Levothyroxine 50 mcg", "Levothyroxine"),
    ("Ustekinumab every 8 weeks; at week 12 90 mg SC", "Ustekinumab 90 mg SC", "Ustekinumab"),
    ("Imatinib orally once daily at 400 mg (4 capsules containing 100 mg)", "Imatinib 400 mg once daily", "Imatinib"),
    # alternatives, a loading then a maintenance dose, ceilings, weight bands and several days of a cycle
    ("Tocilizumab IV every 4 weeks at 4 mg/kg or 8 mg/kg", "Tocilizumab 8 mg/kg IV every 4 weeks", "Tocilizumab"),
    ("Nivolumab IV every 2 weeks at 240 mg or every 4 weeks at 480 mg", "Nivolumab 480 mg every 4 weeks",
     "Nivolumab"),
    ("Adalimumab weekly or every other week at 40 mg", "Adalimumab 40 mg every other week", "Adalimumab"),
    ("Trastuzumab IV every 3 weeks at 8 mg/kg loading dose, then 6 mg/kg", "Trastuzumab 6 mg/kg every 3 weeks",
     "Trastuzumab"),
    ("Ibuprofen up to three times daily at 400 mg", "Ibuprofen 400 mg twice daily", "Ibuprofen"),
    ("Dolutegravir once daily at 25 mg for children 20 to <25 kg", "Dolutegravir 50 mg once daily", "Dolutegravir"),
    ("Gemcitabine IV every 3 weeks at 1000 mg/m2 on day 1 and 800 mg/m2 on day 8",
     "Gemcitabine 1000 mg/m2 on days 1 and 8 every 3 weeks", "Gemcitabine"),
    ("Cisplatin every 3 weeks at 75 mg/m2 on days 1 and 8", "Cisplatin 75 mg/m2 every 3 weeks", "Cisplatin"),
    ("Venetoclax orally once daily (100 mg d1, 200 mg d2, 400 mg d3-28)", "Venetoclax 400 mg once daily",
     "Venetoclax"),
    ("Capecitabine twice daily at 1000 mg/m2 with oxaliplatin 130 mg/m2", "Capecitabine 1000 mg/m2 twice daily",
     "Capecitabine"),
]
# (text, administrations a day read for each amount): the frequency before an amount is read as its own.
READ = [
    ("Olaparib given orally twice daily at a dose of 300 mg", [2.0]),
    ("Bevacizumab IV Q3W at 15 mg/kg", [1 / 21]),
    ("Pembrolizumab 200 mg and lenvatinib once daily at 20 mg", [None, 1.0]),
    ("Tocilizumab IV every 4 weeks at 4 mg/kg or 8 mg/kg", [None, None]),
    ("Drug X weekly at 150 mg/m2 on day 1 and 100 mg/m2 on day 8", [None, None]),
    ("Nivolumab IV every 2 weeks at 240 mg or every 4 weeks at 480 mg", [1 / 14, 1 / 28]),
]


@pytest.mark.parametrize("arm, intervention, drug", FIRING, ids=[a[:60] for a, _, _ in FIRING])
def test_frequency_before_the_amount_is_compared(arm, intervention, drug):
    found = dose_findings(arm, intervention, drug)
    assert len(found) == 1
    assert found[0].message.startswith(f"Arm '{drug}' gives {drug.lower()} as ")


@pytest.mark.parametrize("arm, intervention, drug", QUIET, ids=[a[:60] for a, _, _ in QUIET])
def test_doses_that_may_agree_stay_quiet(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []


@pytest.mark.parametrize("text, per_day", READ, ids=[t[:60] for t, _ in READ])
def test_frequency_read_for_each_amount(text, per_day):
    assert [d.per_day for d in parse_doses(text)] == pytest.approx(per_day)


# (arm description, intervention description, the message's end): the message gives the frequency read before it.
MESSAGES = [
    ("Osimertinib daily (160 mg)", "Osimertinib 80 mg once daily",
     "gives osimertinib as 160 mg a day but its intervention 'Osimertinib' says 80 mg once daily."),
    ("Erlotinib orally once daily at 150 mg", "Erlotinib 100 mg once daily",
     "gives erlotinib as 150 mg once daily but its intervention 'Erlotinib' says 100 mg once daily."),
]


@pytest.mark.parametrize("arm, intervention, says", MESSAGES, ids=[a[:60] for a, _, _ in MESSAGES])
def test_message_gives_the_frequency_before_the_amount(arm, intervention, says):
    drug = arm.split()[0]
    assert [f.message for f in dose_findings(arm, intervention, drug)] == [f"Arm '{drug}' {says}"]
