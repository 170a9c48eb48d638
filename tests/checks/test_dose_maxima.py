"""Doses as registry records word them: a maximum ("up to 10 mg", "maximum 4 g/day", "not to exceed", "≤") is no
dose of its own, and a dose within it agrees with it; each kind of dose (a loading dose, a maintenance dose, an
infusion's rate, an amount per kg or m2) is compared on its own, so agreeing loads do not hide disagreeing rates."""
from __future__ import annotations

import pytest

from checks.dose_text import parse_doses
from tests.checks.harness import dose_findings


def _note(value) -> str | None:
    """A test's id: the first words of each text."""
    return value[:40] if isinstance(value, str) else None


# (arm description, intervention description, drug): a dose within the other text's maximum, each a finding before.
WITHIN_MAXIMUM = [
    ('Insulin aspart up to 10 units before meals', 'Insulin aspart 4-6 units before meals', 'Insulin aspart'),
    ('Olanzapine 0.1 mg/kg/dose (maximum 10 mg/dose)', 'Olanzapine 5 mg', 'Olanzapine'),
    ('Dexamethasone up to 20 mg IV', 'Dexamethasone 8 mg IV', 'Dexamethasone'),
    ('Dexamethasone ≤ 8 mg', 'Dexamethasone 4 mg twice daily', 'Dexamethasone'),
    ('Epinephrine 0.01 mg/kg IM (max 0.5 mg)', 'Epinephrine 0.3 mg IM', 'Epinephrine'),
    ('Ferric derisomaltose 20 mg/kg (maximum 1500 mg) single infusion',
     'Ferric derisomaltose 1000 mg IV', 'Ferric derisomaltose'),
    ('Methylprednisolone 30 mg/kg (max 1 g) IV daily for 3 days',
     'Methylprednisolone 500 mg IV daily for 3 days', 'Methylprednisolone'),
    ('Nitroglycerin 5 mcg/min, increased by 5 mcg/min every 5 minutes to a maximum of 200 mcg/min',
     'Nitroglycerin 10 mcg/min', 'Nitroglycerin'),
    ('Morphine up to 10 mg', 'Morphine 2 mg every 5 minutes as needed', 'Morphine'),
    ('Oxytocin up to 40 IU', 'Oxytocin 10 IU', 'Oxytocin'),
    ('Baricitinib once daily, up to 4 mg', 'Baricitinib 2 mg tablet once daily', 'Baricitinib'),
    ('Morphine maximum of 10 mg', 'Morphine 2 mg', 'Morphine'),
    ('Morphine max. 10 mg', 'Morphine 2 mg', 'Morphine'),
    ('Morphine not to exceed 10 mg', 'Morphine 2 mg', 'Morphine'),
    ('Morphine no more than 10 mg', 'Morphine 2 mg', 'Morphine'),
    ('Morphine ≤ 10 mg', 'Morphine 2 mg', 'Morphine'),
    ('Gabapentin up to 3600 mg/day', 'Gabapentin 300 mg three times daily', 'Gabapentin'),
    ('Fentanyl 25 mcg IV PRN, maximum 100 mcg', 'Fentanyl 50 mcg IV as needed', 'Fentanyl'),
    ('Oxytocin 10 IU IM', 'Oxytocin up to 40 IU in 1000 mL over 4 hours', 'Oxytocin'),
    ('Ketamine ≤ 0.5 mg/kg', 'Ketamine 0.3 mg/kg', 'Ketamine'),
    ('Vancomycin 15-20 mg/kg every 8-12 hours (max 2 g per dose)', 'Vancomycin 1 g every 12 hours', 'Vancomycin'),
    ('Bupivacaine 0.25% up to 20 mL', 'Bupivacaine 0.25%, 15 mL', 'Bupivacaine'),
    ('Lidocaine 2% maximum 4.5 mg/kg', 'Lidocaine 2% 3 mg/kg', 'Lidocaine'),
    ('Botulinum toxin A up to 200 units', 'Botulinum toxin A 100 units', 'Botulinum toxin A'),
    ('Levothyroxine 25 mcg daily up to max 200 mcg', 'Levothyroxine 50 mcg once daily', 'Levothyroxine'),
]
# The most times a dose may be given is no frequency of its own ("up to three times daily as needed").
WITHIN_MOST_TIMES = [
    ('Lorazepam 1 mg as needed up to twice daily', 'Lorazepam 1 mg once daily as needed', 'Lorazepam'),
    ('Ondansetron 4 mg IV twice daily as needed',
     'Ondansetron 4 mg IV up to three times daily as needed', 'Ondansetron'),
]
# Doses above a maximum, and maxima that differ: findings before and still.
ABOVE_MAXIMUM = [
    ('Olanzapine 0.1 mg/kg/dose (maximum 10 mg/dose)', 'Olanzapine 15 mg', 'Olanzapine'),
    ('Ropinirole 2 mg, maximum 4 mg', 'Ropinirole 6 mg, maximum 10 mg', 'Ropinirole'),
    ('Oxytocin up to 40 IU', 'Oxytocin 50 IU', 'Oxytocin'),
    ('Ondansetron 4 mg IV, may repeat once (maximum 8 mg)', 'Ondansetron 16 mg IV', 'Ondansetron'),
    ('Morphine PCA: 1 mg bolus, 5 minute lockout, maximum 20 mg in 4 hours',
     'Morphine PCA 1.5 mg demand dose, lockout 8 min, max 30 mg/4 h', 'Morphine'),
    ('Zolpidem 5 mg at bedtime as needed, no more than 10 mg', 'Zolpidem 12.5 mg at bedtime', 'Zolpidem'),
    ('Epinephrine 0.01 mg/kg IM (max 0.5 mg)', 'Epinephrine 1 mg IM', 'Epinephrine'),
    ('Ceftriaxone 50 mg/kg once daily (max 2 g)', 'Ceftriaxone 100 mg/kg once daily (max 4 g)', 'Ceftriaxone'),
    ('Ibuprofen 10 mg/kg every 8 hours (maximum 400 mg per dose)', 'Ibuprofen 5 mg/kg q8h', 'Ibuprofen'),
    ('Baricitinib once daily, up to 4 mg', 'Baricitinib 6 mg tablet once daily', 'Baricitinib'),
    ('Baricitinib up to 4 mg', 'Baricitinib 6 mg', 'Baricitinib'),
    ('Liraglutide up to 3 mg daily', 'Liraglutide up to 1.8 mg daily', 'Liraglutide'),
    ('Morphine ≤10 mg', 'Morphine 12 mg', 'Morphine'),
    ('Metformin 500 mg once daily up to 2000 mg daily', 'Metformin 1500 mg twice daily', 'Metformin'),
    ('Gabapentin up to 1800 mg/day', 'Gabapentin 900 mg three times daily', 'Gabapentin'),
    ('Acetaminophen 1 g every 6 hours, maximum 4 g/day',
     'Acetaminophen 650 mg every 6 hours, maximum 3 g/day', 'Acetaminophen'),
    ('Fentanyl 25 mcg IV PRN, maximum 100 mcg', 'Fentanyl 150 mcg IV', 'Fentanyl'),
    ('Rescue medication: salbutamol 100 mcg as needed', 'Salbutamol 200 mcg as needed', 'Salbutamol'),
    ('Dexamethasone 0.15 mg/kg (max 8 mg)', 'Dexamethasone 10 mg IV', 'Dexamethasone'),
    ('Enoxaparin 1 mg/kg every 12 hours', 'Enoxaparin 1.5 mg/kg once daily', 'Enoxaparin'),
    ('Methotrexate up to 25 mg weekly', 'Methotrexate 30 mg weekly', 'Methotrexate'),
    ('Prednisone 1 mg/kg/day (max 60 mg/day)', 'Prednisone 80 mg daily', 'Prednisone'),
    ('Botulinum toxin A up to 200 units', 'Botulinum toxin A 300 units', 'Botulinum toxin A'),
    ('Ferric carboxymaltose 15 mg/kg up to a maximum of 750 mg',
     'Ferric carboxymaltose 1000 mg', 'Ferric carboxymaltose'),
]
# A maximum that is the day's most of its own text's dose ("30 mg every 6 hours, max 120 mg/day"): the other text's
# lower dose is within the maximum but not that dose. A finding before, kept.
CAPPING_OWN_DOSE = [
    ('Ketorolac 30 mg IV every 6 hours, max 120 mg/day', 'Ketorolac 15 mg IV every 6 hours', 'Ketorolac'),
]
# A dose within the other text's maximum but below that text's own dose ("40 mg/day; max. 60 mg/day" against "20 mg
# daily"): no step of a titration from it. A finding before, kept.
BELOW_OWN_DOSE = [
    ("Prednisone 40 mg/day; max. 60 mg/day", "Prednisone 20 mg daily", "Prednisone"),
    ("Fentanyl 25 mcg IV PRN, maximum 100 mcg", "Fentanyl 10 mcg IV as needed", "Fentanyl"),
]
# Kinds of dose the texts tell apart (a load, a rate, per kg, a day's total beside administrations on both sides),
# where an agreeing kind hid a disagreeing one: quiet before.
KINDS_TOLD_APART = [
    ("Hydroxychloroquine 200 mg twice daily (400 mg/day)", "Hydroxychloroquine 400 mg once daily (400 mg/day)",
     "Hydroxychloroquine"),
    ("Intralipid 20% 1.5 mL/kg bolus then 0.25 mL/kg/min", "Intralipid 20% 1.5 mL/kg bolus then 0.5 mL/kg/min",
     "Intralipid"),
    ('Oxytocin 10 IU in 500 mL', 'Oxytocin 20 IU in 500 mL', 'Oxytocin'),
    ('Oxytocin 10 IU in 500 mL at 125 mL/h', 'Oxytocin 10 units in 500 mL, infused at 250 mL/h', 'Oxytocin'),
    ('Dexmedetomidine 1 mcg/kg diluted in 10 mL saline',
     'Dexmedetomidine 0.5 mcg/kg diluted to 10 mL', 'Dexmedetomidine'),
    ('Vitamin D 200,000 IU loading dose followed by 25,000 IU every 2 weeks',
     'Vitamin D 100,000 IU loading dose followed by 25,000 IU every 2 weeks', 'Vitamin D'),
    ('Heparin 5000 units bolus then 1000 units/h', 'Heparin 5000 IU IV bolus followed by 1200 IU/hour', 'Heparin'),
    ('Tocilizumab 8 mg/kg (maximum 800 mg) IV', 'Tocilizumab 4 mg/kg IV, up to 800 mg', 'Tocilizumab'),
    ('Magnesium sulfate 4 g loading dose, then 1 g/h', 'Magnesium sulfate 4 g load, then 2 g/h', 'Magnesium sulfate'),
    ('Heparin 80 units/kg bolus (maximum 5000 units)', 'Heparin 80 units/kg IV bolus, max 10000 units', 'Heparin'),
    ('Heparin 80 units/kg bolus (maximum 5000 units)', 'Heparin 60 units/kg IV bolus, max 5000 units', 'Heparin'),
    ('Alteplase 0.9 mg/kg (maximum 90 mg)', 'Alteplase 0.6 mg/kg IV, max 90 mg', 'Alteplase'),
    ('Vancomycin 25 mg/kg loading dose, then 15 mg/kg every 12 hours',
     'Vancomycin 25 mg/kg loading dose, then 20 mg/kg every 12 hours', 'Vancomycin'),
    ('Imatinib 800 mg loading dose, then 400 mg daily', 'Imatinib 800 mg loading dose, then 600 mg daily', 'Imatinib'),
    ('Imatinib 800 mg loading dose, then 400 mg daily', 'Imatinib 600 mg loading dose, then 400 mg daily', 'Imatinib'),
    ('Amiodarone 150 mg IV over 10 minutes, then 1 mg/min for 6 hours',
     'Amiodarone 150 mg IV bolus followed by 2 mg/min', 'Amiodarone'),
    ('Heparin 80 units/kg bolus, then 18 units/kg/h',
     'Heparin 80 units/kg bolus followed by 12 units/kg/hr infusion', 'Heparin'),
    ('Lidocaine 1.5 mg/kg bolus followed by 2 mg/kg/h infusion',
     'Lidocaine 1.5 mg/kg IV bolus, then 1 mg/kg/h', 'Lidocaine'),
    ('Vincristine 1.4 mg/m2 (max 2 mg)', 'Vincristine 1.5 mg/m2 (maximum 2 mg)', 'Vincristine'),
    ('Ticagrelor 180 mg loading dose followed by 90 mg twice daily',
     'Ticagrelor 180 mg loading dose, then 60 mg twice daily', 'Ticagrelor'),
    ('Clopidogrel 600 mg loading dose, then 75 mg daily',
     'Clopidogrel 300 mg loading dose followed by 75 mg once daily', 'Clopidogrel'),
    ('Ustekinumab 6 mg/kg IV induction, then 90 mg SC every 8 weeks',
     'Ustekinumab 6 mg/kg IV induction followed by 45 mg SC q8w', 'Ustekinumab'),
]
# A dose named a load right after its amount ("4 g load"), and an infusion's rate after a bolus ("then 0.14
# units/kg/h") against a rate named alone: quiet before.
LOAD_AND_RATE = [
    ('Magnesium sulfate 6 g loading dose, then 2 g/h', 'Magnesium sulfate 4 g load, then 2 g/h', 'Magnesium sulfate'),
    ('Caffeine citrate 20 mg/kg loading dose, then 5 mg/kg daily',
     'Caffeine citrate 20 mg/kg load followed by 10 mg/kg daily', 'Caffeine citrate'),
    ('Insulin 0.1 units/kg/h infusion', 'Insulin 0.1 units/kg bolus then 0.14 units/kg/h', 'Insulin'),
]
# Maxima that differ beside doses that agree, and a dose above the other text's dose with its own total maximum:
# quiet before.
MAXIMA_DIFFER = [
    ('Morphine 2 mg IV q5min (max 10 mg)', 'Morphine 2 mg IV q5min (max 15 mg)', 'Morphine'),
    ('Ropinirole 2 mg daily, up to 4 mg daily', 'Ropinirole 2 mg daily; maximum 3 mg daily', 'Ropinirole'),
    ('Acetaminophen 1 g every 6 hours, maximum 4 g/day', 'Acetaminophen 1000 mg q6h, max 3 g per day', 'Acetaminophen'),
    ('Ferric derisomaltose 20 mg/kg (maximum 1500 mg) single infusion',
     'Ferric derisomaltose 20 mg/kg up to 2000 mg', 'Ferric derisomaltose'),
    ('Paracetamol 15 mg/kg every 6 hours (max 60 mg/kg/day)',
     'Paracetamol 15 mg/kg q6h, maximum 75 mg/kg/day', 'Paracetamol'),
    ('Midazolam 1 mg IV, repeated every 2 minutes to a maximum of 5 mg',
     'Midazolam 1 mg IV, maximum dose 10 mg', 'Midazolam'),
    ('Iron sucrose 200 mg IV, up to 1000 mg total', 'Iron sucrose 100 mg IV', 'Iron sucrose'),
]
# A diluent's volume beside an amount that agrees: no kind of dose of its own, quiet before and still.
DILUENTS = [
    ("Ketamine 0.5 mg/kg diluted in 10 mL saline", "Ketamine 0.5 mg/kg diluted to 20 mL", "Ketamine"),
    ("Tranexamic acid 1 g in 100 mL normal saline over 10 minutes", "Tranexamic acid 1 g diluted in 250 mL",
     "Tranexamic acid"),
    ("Oxytocin 10 IU in 500 mL", "Oxytocin 10 IU in 1000 mL Ringer's lactate", "Oxytocin"),
    ("Magnesium sulfate 4 g in 100 mL over 20 minutes", "Magnesium sulfate 4 g in 250 mL", "Magnesium sulfate"),
]
# One regimen said two ways, titrations, maxima and kinds that cannot be told apart: quiet before and still.
QUIET = [
    ("Hydroxychloroquine 200 mg twice daily (400 mg/day)", "Hydroxychloroquine 400 mg/day", "Hydroxychloroquine"),
    ("Hydroxychloroquine 200 mg twice daily (400 mg/day)", "Hydroxychloroquine 200 mg BID, total daily dose 400 mg",
     "Hydroxychloroquine"),
    ("Colchicine 0.5 mg twice daily (1 mg/day)", "Colchicine 1 mg/day, as 1 mg once daily or 0.5 mg twice daily",
     "Colchicine"),
    ("Mycophenolate 1 g twice daily (2 g/day)", "Mycophenolate 2 g daily in two divided doses", "Mycophenolate"),
    ('Ropinirole 2 mg daily, up to 4 mg', 'Ropinirole 4 mg daily', 'Ropinirole'),
    ('Oxytocin up to 40 IU', 'Oxytocin 40 IU', 'Oxytocin'),
    ('Prednisone 40 mg/day; max. 60 mg/day', 'Prednisone 40 mg daily', 'Prednisone'),
    ('Ondansetron 4 mg IV, may repeat once (maximum 8 mg)', 'Ondansetron 8 mg IV', 'Ondansetron'),
    ('Ondansetron 4 mg IV, may repeat once (maximum 8 mg)', 'Ondansetron 4 mg IV', 'Ondansetron'),
    ('Acetaminophen 1 g every 6 hours, maximum 4 g/day',
     'Acetaminophen 1000 mg q6h (max 4000 mg/24 h)', 'Acetaminophen'),
    ('Ketamine 0.5 mg/kg in 20 mL', 'Ketamine 25 mg in 20 mL normal saline', 'Ketamine'),
    ('Patients on stable prednisone up to 10 mg/day', 'Prednisone 10 mg daily', 'Prednisone'),
    ('Morphine PCA: 1 mg bolus, 5 minute lockout, 4-hour limit 20 mg',
     'Morphine PCA 1 mg demand dose, lockout 5 min', 'Morphine'),
    ('Fentanyl 1 mcg/kg IV every 30 minutes as needed, maximum 3 doses', 'Fentanyl 1 mcg/kg PRN', 'Fentanyl'),
    ('Hydromorphone 0.2-0.6 mg IV every 2 hours as needed', 'Hydromorphone 0.5 mg IV q2h PRN', 'Hydromorphone'),
    ('Tramadol 50-100 mg every 6 hours as needed (maximum 400 mg/day)',
     'Tramadol 100 mg every 6 hours PRN', 'Tramadol'),
    ('Tramadol 50 mg every 6 hours as needed', 'Tramadol 50-100 mg q6h PRN, maximum 400 mg daily', 'Tramadol'),
    ('Salbutamol 2 puffs (100 mcg each) as needed, up to 4 times a day', 'Salbutamol 200 mcg PRN', 'Salbutamol'),
    ('Zolpidem 5 mg at bedtime as needed, no more than 10 mg', 'Zolpidem 10 mg at bedtime', 'Zolpidem'),
    ('Ceftriaxone 50 mg/kg/day (maximum 2 g/day)', 'Ceftriaxone 2 g once daily', 'Ceftriaxone'),
    ('Amoxicillin 90 mg/kg/day divided twice daily (max 4 g/day)', 'Amoxicillin 45 mg/kg twice daily', 'Amoxicillin'),
    ('Ibuprofen 10 mg/kg every 8 hours (maximum 400 mg per dose)', 'Ibuprofen 10 mg/kg q8h', 'Ibuprofen'),
    ('Iron sucrose 200 mg IV weekly, up to a total of 1000 mg', 'Iron sucrose 200 mg IV weekly x 5', 'Iron sucrose'),
    ('Tocilizumab 8 mg/kg (maximum 800 mg) IV',
     'Tocilizumab 8 mg/kg IV, not exceeding 800 mg per infusion', 'Tocilizumab'),
    ('Methylprednisolone 30 mg/kg (max 1 g) IV daily for 3 days',
     'Methylprednisolone 1 g IV daily for 3 days', 'Methylprednisolone'),
    ('Heparin 5000 units bolus then 1000 units/h', 'Heparin 5000 IU IV bolus followed by 1000 IU/hour', 'Heparin'),
    ('Esmolol 500 mcg/kg over 1 minute then 50 mcg/kg/min',
     'Esmolol 0.5 mg/kg bolus, then 50-300 mcg/kg/min', 'Esmolol'),
    ('Labetalol 20 mg IV, then 40-80 mg every 10 minutes up to 300 mg', 'Labetalol 20 mg IV bolus', 'Labetalol'),
    ('Ropinirole starting at 2 mg, titrated up to 8 mg', 'Ropinirole 2 mg', 'Ropinirole'),
    ('Magnesium sulfate 4 g loading dose, then 1 g/h', 'Magnesium sulfate 4 g load, then 1 g/h', 'Magnesium sulfate'),
    ('Morphine 2 mg IV every 5 minutes, maximum 10 mg', 'Morphine 2 mg', 'Morphine'),
    ('Morphine titrated to 10 mg', 'Morphine 2 mg', 'Morphine'),
    ('Sertraline 50 mg once daily, may be increased up to 200 mg/day', 'Sertraline 50 mg once daily', 'Sertraline'),
    ('Pregabalin 75 mg twice daily, titrated to a maximum of 300 mg twice daily',
     'Pregabalin 150 mg twice daily', 'Pregabalin'),
    ('Quetiapine starting dose 50 mg, up to a maximum of 800 mg/day', 'Quetiapine 300 mg daily', 'Quetiapine'),
    ('Insulin glargine starting at 10 units, titrated to target',
     'Insulin glargine 20 units once daily', 'Insulin glargine'),
    ('Metformin 500 mg once daily up to 2000 mg daily', 'Metformin 1000 mg twice daily', 'Metformin'),
    ('Dexmedetomidine 0.2-0.7 mcg/kg/h, maximum 1.4 mcg/kg/h', 'Dexmedetomidine 0.5 mcg/kg/h', 'Dexmedetomidine'),
    ('Morphine 0.1 mg/kg IV every 4 hours as needed (max 10 mg per dose)',
     'Morphine 0.1 mg/kg every 4 hours PRN', 'Morphine'),
    ('Oxycodone 5 mg every 4 hours as needed, not to exceed 30 mg per day',
     'Oxycodone 5-10 mg every 4 hours as needed', 'Oxycodone'),
    ('Acetaminophen 1 g every 6 hours, maximum 4 g/day', 'Acetaminophen 1000 mg every 6 hours', 'Acetaminophen'),
    ('Ondansetron 4 mg IV every 8 hours as needed',
     'Ondansetron 4 mg IV up to three times daily as needed', 'Ondansetron'),
    ('Ibuprofen 400 mg every 6 hours as needed, max 1200 mg/day', 'Ibuprofen 400 mg PRN', 'Ibuprofen'),
    ('Ibuprofen 400 mg every 6 hours as needed, no more than 4 doses per day', 'Ibuprofen 400 mg PRN', 'Ibuprofen'),
    ('Alteplase 0.9 mg/kg (maximum 90 mg)', 'Alteplase 0.9 mg/kg IV, max 90 mg', 'Alteplase'),
    ('Tenecteplase 0.25 mg/kg (maximum 25 mg)', 'Tenecteplase 25 mg', 'Tenecteplase'),
    ('Dexamethasone 0.15 mg/kg (max 8 mg)', 'Dexamethasone 8 mg IV', 'Dexamethasone'),
    ('Tranexamic acid 15 mg/kg IV, not exceeding 1 g', 'Tranexamic acid 1 g IV', 'Tranexamic acid'),
    ('Ketamine 0.5 mg/kg (maximum 50 mg)', 'Ketamine 0.5 mg/kg', 'Ketamine'),
    ('Amiodarone 150 mg IV over 10 minutes, then 1 mg/min for 6 hours, then 0.5 mg/min',
     'Amiodarone 150 mg IV bolus followed by 1 mg/min for 6 h and 0.5 mg/min for 18 h', 'Amiodarone'),
    ('Magnesium sulfate 4 g IV loading dose over 20 minutes followed by 1 g/hour',
     'Magnesium sulfate 4 g IV over 20 min then 1 g/h for 24 hours', 'Magnesium sulfate'),
    ('Digoxin 0.5 mg loading, then 0.25 mg daily', 'Digoxin 0.25 mg daily', 'Digoxin'),
    ('Heparin 80 units/kg bolus, then 18 units/kg/h',
     'Heparin 80 units/kg bolus followed by 18 units/kg/hr infusion', 'Heparin'),
    ('Ketamine 0.5 mg/kg bolus then 0.25 mg/kg/h', 'Ketamine 0.5 mg/kg bolus', 'Ketamine'),
    ('Enoxaparin 1 mg/kg every 12 hours', 'Enoxaparin 40 mg once daily', 'Enoxaparin'),
    ('Enoxaparin 1 mg/kg SC every 12 hours (maximum 100 mg)', 'Enoxaparin 1 mg/kg every 12 hours', 'Enoxaparin'),
    ('Cisplatin 75 mg/m2 on day 1', 'Cisplatin 75 mg/m² IV day 1 every 3 weeks', 'Cisplatin'),
    ('Carboplatin AUC 5 (max 750 mg)', 'Carboplatin 750 mg', 'Carboplatin'),
    ('Vincristine 1.4 mg/m2 (max 2 mg)', 'Vincristine 1.4 mg/m2 IV, capped at 2 mg', 'Vincristine'),
    ('Apixaban 10 mg twice daily for 7 days, then 5 mg twice daily', 'Apixaban 5 mg twice daily', 'Apixaban'),
    ('Ticagrelor 180 mg loading dose followed by 90 mg twice daily', 'Ticagrelor 90 mg twice daily', 'Ticagrelor'),
    ('Clopidogrel 600 mg loading dose, then 75 mg daily', 'Clopidogrel 600 mg', 'Clopidogrel'),
    ('Infliximab 5 mg/kg at weeks 0, 2 and 6, then every 8 weeks',
     'Infliximab 5 mg/kg IV induction then 5 mg/kg maintenance every 8 weeks', 'Infliximab'),
    ('Ustekinumab 6 mg/kg IV induction, then 90 mg SC every 8 weeks',
     'Ustekinumab ~6 mg/kg IV induction followed by 90 mg SC q8w', 'Ustekinumab'),
    ('Vedolizumab 300 mg IV at weeks 0, 2, 6 then 108 mg SC every 2 weeks', 'Vedolizumab 300 mg IV', 'Vedolizumab'),
    ('Dexmedetomidine 1 mcg/kg over 10 min followed by 0.4 mcg/kg/h',
     'Dexmedetomidine 1 mcg/kg loading dose then 0.2-0.7 mcg/kg/h', 'Dexmedetomidine'),
    ('Propofol 2 mg/kg induction, then 100 mcg/kg/min', 'Propofol 1.5-2.5 mg/kg, then 50-150 mcg/kg/min', 'Propofol'),
    ('Remifentanil 1 mcg/kg bolus then 0.1 mcg/kg/min', 'Remifentanil 0.05-0.2 mcg/kg/min', 'Remifentanil'),
    ('Norepinephrine 0.05 mcg/kg/min titrated to MAP > 65', 'Norepinephrine 0.1 mcg/kg/min', 'Norepinephrine'),
    ('Insulin 0.1 units/kg/h infusion', 'Insulin 0.1 units/kg bolus then 0.1 units/kg/h', 'Insulin'),
    ('Oxytocin 3 IU bolus followed by 10 IU/h infusion',
     'Oxytocin 3 IU IV bolus, then infusion of 40 IU in 1000 mL at 125 mL/h', 'Oxytocin'),
    ('Oxytocin 5 IU IV bolus then 10 IU in 500 mL over 4 hours', 'Oxytocin 5 IU then 40 IU in 1 L', 'Oxytocin'),
    ('Carbetocin 100 mcg IV', 'Carbetocin 100 mcg IV over 1 minute, maximum 100 mcg', 'Carbetocin'),
    ('Tranexamic acid 1 g IV over 10 min then 1 g over 8 hours', 'Tranexamic acid 1 g loading dose', 'Tranexamic acid'),
    ('Tranexamic acid 1 g IV bolus then 1 g/h', 'Tranexamic acid 1 g bolus, then 2 g over 8 hours', 'Tranexamic acid'),
    ('Cefazolin 2 g IV (3 g if weight ≥ 120 kg)', 'Cefazolin 2 g', 'Cefazolin'),
    ('Paracetamol 15 mg/kg every 6 hours (max 60 mg/kg/day)', 'Paracetamol 15 mg/kg q6h', 'Paracetamol'),
    ('Methotrexate 15 mg weekly, increased to a maximum of 25 mg weekly', 'Methotrexate 20 mg weekly', 'Methotrexate'),
    ('Prednisone 1 mg/kg/day (max 60 mg/day)', 'Prednisone 60 mg daily', 'Prednisone'),
    ('Prednisolone 40 mg daily for 7 days, maximum', 'Prednisolone 40 mg', 'Prednisolone'),
    ('Naloxone 0.4 mg IV, repeated up to 2 mg', 'Naloxone 0.4 mg', 'Naloxone'),
    ('Midazolam 1-2 mg IV, up to 5 mg', 'Midazolam 2 mg IV', 'Midazolam'),
    ('Zoledronic acid 4 mg IV', 'Zoledronic acid 4 mg, ≤ 4 mg in renal impairment', 'Zoledronic acid'),
    ('Semaglutide 0.25 mg weekly, escalated up to 2.4 mg', 'Semaglutide 1 mg weekly', 'Semaglutide'),
    ('Hydroxychloroquine 400 mg daily (not to exceed 5 mg/kg/day)',
     'Hydroxychloroquine 400 mg once daily', 'Hydroxychloroquine'),
    ('Pregabalin 150 mg twice daily, up to 2 capsules per day', 'Pregabalin 150 mg twice daily', 'Pregabalin'),
    ('Iron sucrose 200 mg IV, maximum 5 doses', 'Iron sucrose 200 mg IV', 'Iron sucrose'),
    ('Ferric carboxymaltose 15 mg/kg up to a maximum of 750 mg',
     'Ferric carboxymaltose 750 mg', 'Ferric carboxymaltose'),
    ('Ketorolac 30 mg IV every 6 hours (maximum 5 days)', 'Ketorolac 30 mg IV q6h', 'Ketorolac'),
]


@pytest.mark.parametrize("arm, intervention, drug", WITHIN_MAXIMUM + WITHIN_MOST_TIMES + DILUENTS + QUIET, ids=_note)
def test_dose_within_maximum_or_same_kind_is_quiet(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []


FIRING = ABOVE_MAXIMUM + CAPPING_OWN_DOSE + BELOW_OWN_DOSE + KINDS_TOLD_APART + LOAD_AND_RATE + MAXIMA_DIFFER


@pytest.mark.parametrize("arm, intervention, drug", FIRING, ids=_note)
def test_dose_above_maximum_or_of_another_kind_fires(arm, intervention, drug):
    assert len(dose_findings(arm, intervention, drug)) == 1


# (text, the amounts read as maxima, the amounts read as doses)
MAXIMA_READ = [
    ("Morphine up to 10 mg", ["10 mg"], []),
    ("Morphine maximum of 10 mg", ["10 mg"], []),
    ("Morphine max. 10 mg", ["10 mg"], []),
    ("Morphine not to exceed 10 mg", ["10 mg"], []),
    ("Morphine no more than 10 mg", ["10 mg"], []),
    ("Morphine ≤ 10 mg", ["10 mg"], []),
    ("Quetiapine starting dose 50 mg, up to a maximum of 800 mg/day", ["800 mg/day"], ["50 mg"]),
    ("Acetaminophen 1 g every 6 hours, maximum 4 g/day", ["4 g/day"], ["1 g"]),
    ("Olanzapine 0.1 mg/kg/dose (maximum 10 mg/dose) by mouth", ["10 mg"], ["0.1 mg/kg"]),
    ("Paracetamol 4 g/day maximum", ["4 g/day"], []),
    ("Morphine 2 mg (maximum 10 mg)", ["10 mg"], ["2 mg"]),
    ("Ibuprofen 400 mg every 6 hours as needed, max 1200 mg/day", ["1200 mg/day"], ["400 mg"]),
    ("Iron sucrose 200 mg IV, maximum 5 doses", [], ["200 mg"]),
    ("Ketorolac 30 mg IV every 6 hours (maximum 5 days)", [], ["30 mg"]),
]


@pytest.mark.parametrize("text, maxima, doses", MAXIMA_READ, ids=_note)
def test_maximum_is_read_apart_from_the_dose(text, maxima, doses):
    read = parse_doses(text)
    assert [d.text for d in read if d.ceiling] == maxima
    assert [d.text for d in read if not d.ceiling] == doses


def test_a_maximum_is_labelled_as_one():
    dose, = parse_doses("Gabapentin up to 1800 mg/day")
    assert dose.label == "up to 1800 mg/day"
    found = dose_findings("Gabapentin up to 1800 mg/day", "Gabapentin 900 mg three times daily", "Gabapentin")
    assert found[0].message == ("Arm 'Gabapentin' gives gabapentin as up to 1800 mg/day but its intervention "
                                "'Gabapentin' says 900 mg three times daily.")


def test_most_times_is_no_frequency():
    dose, = parse_doses("Ondansetron 4 mg IV up to three times daily as needed")
    assert dose.per_day is None
    dose, = parse_doses("Ondansetron 4 mg IV three times daily as needed")
    assert dose.per_day == 3.0


def test_a_load_named_after_its_amount_is_a_loading_dose():
    load, rate = parse_doses("Magnesium sulfate 4 g load, then 2 g/h")
    assert (load.phase, rate.unit) == ("loading", "mg/h")
