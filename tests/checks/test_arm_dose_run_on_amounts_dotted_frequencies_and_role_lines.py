"""Arm doses against their intervention's, as records word them: an amount typed on to the drug's name
("Bevacizumab15mg/kg"), a frequency after a route or frequency abbreviation written with stops ("500 mg p.o. b.i.d.",
"200 mg i.v. Q3W"), "q3wks" and "q2wk", and a regimen role on the next list line ("* Maintenance phase: ..."), which
is that line's amount's role, not the one before it."""
from __future__ import annotations

import pytest

from tests.checks.harness import dose_findings

# (arm description, intervention description, drug): one drug given two different doses; each stayed quiet before.
FIRING = [
    # an amount typed on to the name
    ("Bevacizumab15mg/kg IV on day 1 every 3 weeks", "Bevacizumab 7.5 mg/kg IV on day 1 every 3 weeks", "Bevacizumab"),
    ("Patients receive Sintilimab200mg intravenously every 3 weeks", "Sintilimab 100 mg every 3 weeks", "Sintilimab"),
    ("Erlotinib 150 mg orally once daily", "Erlotinib100mg orally once daily", "Erlotinib"),
    ("Aspirin 100 mg once daily", "Tab. Aspirin75mg once daily after lunch", "Aspirin"),
    ("Metformin 1000 mg twice a day", "metformin500mg twice a day with meals", "Metformin"),
    # a frequency after an abbreviation written with stops
    ("Metformin 500 mg p.o. b.i.d. with meals", "Metformin 500 mg three times daily with meals", "Metformin"),
    ("Enoxaparin 40 mg s.c. q.d. for 10 days", "Enoxaparin 40 mg twice daily for 10 days", "Enoxaparin"),
    ("Pembrolizumab 200 mg i.v. Q3W until progression", "Pembrolizumab 200 mg every 6 weeks", "Pembrolizumab"),
    ("Ondansetron 8 mg P.O. BID on days 1-3", "Ondansetron 8 mg three times a day on days 1-3", "Ondansetron"),
    ("Dexamethasone 4 mg i.v. q.d.", "Dexamethasone 4 mg IV every 8 hours", "Dexamethasone"),
    # "q2wks", "q4wks", "q1wk"
    ("Nivolumab 240 mg IV q2wks", "Nivolumab 240 mg every 4 weeks", "Nivolumab"),
    ("Durvalumab 1500 mg q4wks", "Durvalumab 1500 mg every 3 weeks", "Durvalumab"),
    ("Docetaxel 35 mg/m2 every 2 weeks", "Docetaxel 35 mg/m2 q1wk", "Docetaxel"),
    # a role on the next list line belongs to that line
    ("* Intercalation phase (Duration: 3wks x 4 cycles = 12 wks) Erlotinib 225mg D8-21\n"
     "* Maintenance phase (Duration: 1 year) Erlotinib 225mg D1-28",
     "Erlotinib is orally administered at the dose of 150 mg daily from Day 8 to Day 21 at every cycle of 21 days.",
     "Erlotinib"),
    ("- Cycles 1-6: capecitabine 1000 mg/m2 twice daily on days 1-14\n"
     "- Maintenance: capecitabine 625 mg/m2 twice daily",
     "Capecitabine 1250 mg/m2 twice daily on days 1-14 of each 21-day cycle", "Capecitabine"),
    ("1. Lenalidomide 25 mg days 1-21\n2. Maintenance: lenalidomide 10 mg daily",
     "Lenalidomide 15 mg days 1-21 of each 28-day cycle", "Lenalidomide"),
]
# (arm description, intervention description, drug): wordings that must stay quiet: titration, loading against
# maintenance doses, per-kg or per-m2 against a total, a range or a maximum holding the other, another drug's
# amount, a capsule's strength, two regimens in one arm, dose levels, codes and numbers inside words, another route,
# and a day's total given in two administrations.
QUIET = [
    ("Rituximab (anti-CD20) 375 mg/m2 weekly for 4 weeks", "Rituximab 375 mg/m2 once weekly", "Rituximab"),
    ("Vitamin D3 1000 IU p.o. q.d.", "Vitamin D3 1000 IU once daily", "Vitamin D3"),
    ("Osimertinib (AZD9291) 80 mg once daily", "Osimertinib 80 mg p.o. q.d.", "Osimertinib"),
    ("Aspirin 100 mg p.o. Clopidogrel 75 mg twice daily for the first week.", "Aspirin 100 mg once daily", "Aspirin"),
    ("Aspirin 100 mg p.o. Clopidogrel twice daily", "Aspirin 100 mg once daily", "Aspirin"),
    ("Bevacizumab15mg/kg every 3 weeks", "Bevacizumab 1000 mg every 3 weeks", "Bevacizumab"),
    ("Pemetrexed500mg/m2 plus cisplatin 75 mg/m2 on day 1 q3wks", "Pemetrexed 500 mg/m2 every 3 weeks", "Pemetrexed"),
    ("Trastuzumab 8 mg/kg loading dose, then 6 mg/kg i.v. q3wks", "Trastuzumab 6 mg/kg every 3 weeks", "Trastuzumab"),
    ("* Loading dose: Clopidogrel 600 mg on day 1\n* Maintenance: Clopidogrel 75 mg daily",
     "Clopidogrel 75 mg once daily", "Clopidogrel"),
    ("Clopidogrel 600 mg\nloading dose, then 75 mg daily", "Clopidogrel 75 mg daily", "Clopidogrel"),
    ("* Week 1: Sertraline 25 mg p.o. q.d.\n* Week 2 onwards: titrated to 50 mg p.o. q.d.",
     "Sertraline 100 mg once daily", "Sertraline"),
    ("Dose escalation: Drug ABC 100 mg, 200 mg or 400 mg p.o. q.d. (3+3 design)", "Drug ABC 300 mg once daily",
     "Drug ABC"),
    ("Metformin 10-20 mg p.o. q.d.", "Metformin 15 mg once daily", "Metformin"),
    ("Metformin up to 2000 mg p.o. q.d.", "Metformin 1000 mg once daily", "Metformin"),
    ("Imatinib capsules containing 100 mg; 4 capsules p.o. q.d.", "Imatinib 400 mg once daily", "Imatinib"),
    ("Metformin 500 mg p.o. b.i.d., or 1000 mg p.o. q.d. as extended release", "Metformin 1000 mg once daily",
     "Metformin"),
    ("Nivolumab 240 mg IV q2wks or 480 mg IV q4wks", "Nivolumab 480 mg every 4 weeks", "Nivolumab"),
    ("Carboplatin AUC5 i.v. q3wks", "Carboplatin AUC 5 every 3 weeks", "Carboplatin"),
    ("Dexamethasone 20 mg i.v. once weekly", "Dexamethasone 40 mg p.o. once weekly", "Dexamethasone"),
    ("Ceftriaxone 1 g i.v. b.i.d. for 7 days", "Ceftriaxone 2 g daily for 7 days", "Ceftriaxone"),
]


@pytest.mark.parametrize("arm, intervention, drug", FIRING, ids=[a[:60] for a, _, _ in FIRING])
def test_one_drug_given_two_doses_is_found(arm, intervention, drug):
    found = dose_findings(arm, intervention, drug)
    assert len(found) == 1
    assert found[0].message.startswith(f"Arm '{drug}' gives {drug.lower()} as ")


@pytest.mark.parametrize("arm, intervention, drug", QUIET, ids=[a[:60] for a, _, _ in QUIET])
def test_doses_that_may_agree_stay_quiet(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []
