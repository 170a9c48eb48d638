"""Arm doses against their intervention's when the arm escalates, titrates or tapers one drug beside a fixed dose of
another ("Escalating doses of ABC-123 plus nivolumab 480 mg Q4W"): the escalated drug's amounts vary by design and
are not compared, the other drug's one amount is. A text whose escalation names no drug, lists cohorts or dose
levels alone, escalates both drugs or titrates the other one too stays varying as a whole."""
from __future__ import annotations

import pytest

from checks.dose_text import parse_doses
from tests.checks.harness import dose_findings

# (arm description, intervention description, drug): the other drug's fixed dose differs from its intervention's.
FIRING = [
    ("Dose escalation of ABC-123 (50, 100, 200 mg) in combination with pembrolizumab 200 mg every 3 weeks",
     "Pembrolizumab 400 mg every 6 weeks", "Pembrolizumab"),
    ("Escalating doses of ABC-123 plus nivolumab 480 mg Q4W", "Nivolumab 240 mg every 2 weeks", "Nivolumab"),
    ("Olaparib will be escalated from 100 mg to 300 mg BID; durvalumab 1500 mg IV Q4W",
     "Durvalumab 1120 mg IV every 3 weeks", "Durvalumab"),
    # the other drug first, the escalated one after it
    ("Pembrolizumab 200 mg Q3W + escalating doses of BAY1895344 (20 mg, 40 mg or 60 mg BID, 3 days on/4 days off)",
     "Pembrolizumab 400 mg Q6W", "Pembrolizumab"),
    # the escalated drug named before its escalation's words, and inside a parenthesis of dose levels
    ("MK-1084 dose-escalation cohorts (MK-1084 100 mg, 200 mg or 400 mg once daily) in combination with "
     "pembrolizumab 200 mg every 3 weeks", "Pembrolizumab 400 mg every 6 weeks", "Pembrolizumab"),
    ("Olaparib (dose levels 1-4: 100, 200, 300, 400 mg BID) in combination with durvalumab 1500 mg Q4W",
     "Durvalumab 1120 mg every 3 weeks", "Durvalumab"),
    ("Ipatasertib at escalating doses (200 mg, 300 mg, 400 mg daily) plus paclitaxel 80 mg/m2 weekly",
     "Paclitaxel 90 mg/m2 weekly", "Paclitaxel"),
    ("Selumetinib in ascending doses, with docetaxel 75 mg/m2 every 21 days", "Docetaxel 60 mg/m2 every 21 days",
     "Docetaxel"),
    # titration and tapering, lower case, British spelling
    ("Dose titration of AZD1775 twice daily to 225 mg, with carboplatin 400 mg/m2 on day 1",
     "Carboplatin 300 mg/m2 on day 1", "Carboplatin"),
    ("prednisolone taper (60 mg tapered to 5 mg over 8 weeks); tacrolimus 2 mg twice daily",
     "Tacrolimus 1 mg twice daily", "Tacrolimus"),
    ("Tapering of prednisolone from 40 mg to 5 mg over 6 weeks, with tofacitinib 5 mg twice daily",
     "Tofacitinib 10 mg twice daily", "Tofacitinib"),
    ("escalating doses of abc-123 + fixed-dose nivolumab at a dose of 480mg every 4 weeks",
     "Nivolumab 360 mg every 3 weeks", "Nivolumab"),
]
# (arm description, intervention description, drug): wordings that must stay quiet.
QUIET = [
    # the escalated drug's own doses against its intervention's
    ("Dose escalation of olaparib (100 mg, 200 mg, 300 mg twice daily) plus durvalumab 1500 mg every 4 weeks",
     "Olaparib 50 mg twice daily", "Olaparib"),
    ("Escalating doses of olaparib given with durvalumab; olaparib 100 mg, 200 mg or 300 mg BID",
     "Olaparib 400 mg BID", "Olaparib"),
    # both drugs said to escalate
    ("Escalating doses of olaparib and durvalumab: olaparib 100 mg BID, durvalumab 1500 mg Q4W",
     "Durvalumab 750 mg every 2 weeks", "Durvalumab"),
    ("Olaparib and durvalumab will be escalated; durvalumab 1500 mg Q4W", "Durvalumab 750 mg Q2W", "Durvalumab"),
    ("Dose escalation of both ABC-123 and nivolumab, nivolumab 480 mg Q4W", "Nivolumab 240 mg Q2W", "Nivolumab"),
    # an escalation that names no drug, or a drug by a word no drug's name is read in
    ("Dose escalation part: ABC-123 50 mg to 200 mg with nivolumab 480 mg every 4 weeks",
     "Nivolumab 240 mg every 2 weeks", "Nivolumab"),
    ("Patients will receive escalating doses in cohorts; pembrolizumab 100 mg every 3 weeks",
     "Pembrolizumab 200 mg every 3 weeks", "Pembrolizumab"),
    ("3+3 dose escalation design. Pembrolizumab 200 mg Q3W", "Pembrolizumab 400 mg Q6W", "Pembrolizumab"),
    ("Dose escalation of Drug A (50, 100, 200 mg) in combination with pembrolizumab 200 mg every 3 weeks",
     "Pembrolizumab 400 mg every 6 weeks", "Pembrolizumab"),
    ("Nivolumab 480 mg Q4W with escalating doses of ABC-123 and ipilimumab 1 mg/kg every 6 weeks",
     "Ipilimumab 3 mg/kg every 3 weeks", "Ipilimumab"),
    # the drug the escalated one is combined with is not the escalated one
    ("ABC-123 100 mg to 400 mg dose escalation with pembrolizumab 200 mg Q3W", "ABC-123 50 mg daily", "ABC-123"),
    ("ABC-123 at 100 mg daily, then pembrolizumab with escalating doses", "ABC-123 50 mg daily", "ABC-123"),
    ("ABC-123 100 mg daily plus pembrolizumab in the dose escalation part", "ABC-123 50 mg daily", "ABC-123"),
    # cohorts of doses listed alone
    ("Cohort 1: 100 mg, Cohort 2: 200 mg, nivolumab 480 mg every 4 weeks", "Nivolumab 240 mg every 2 weeks",
     "Nivolumab"),
    # the other drug titrated too, later in the text
    ("Escalating doses of ABC-123 plus nivolumab 480 mg Q4W. Nivolumab may be titrated down to 240 mg.",
     "Nivolumab 360 mg every 3 weeks", "Nivolumab"),
    # the same dose of the other drug
    ("Escalating doses of ABC-123 plus nivolumab 480 mg every 4 weeks", "Nivolumab 480 mg every 4 weeks",
     "Nivolumab"),
    ("Dose escalation of ABC-123 in combination with pembrolizumab 200 mg Q3W", "Pembrolizumab 200 mg every 3 weeks",
     "Pembrolizumab"),
    # the other drug given at more than one amount
    ("Dose escalation of ABC-123 with pembrolizumab 200 mg every 3 weeks or 400 mg every 6 weeks",
     "Pembrolizumab 400 mg every 6 weeks", "Pembrolizumab"),
    ("Escalating doses of ABC-123 with nivolumab: 240 mg, 360 mg, 480 mg every 4 weeks",
     "Nivolumab 480 mg every 4 weeks", "Nivolumab"),
    ("Escalating doses of ABC-123 plus nivolumab 480 mg Q4W (dose level 1) or 240 mg Q2W (dose level 2)",
     "Nivolumab 360 mg every 3 weeks", "Nivolumab"),
    ("Escalating doses of ABC-123 plus cetuximab 400 mg/m2 loading dose then 250 mg/m2 weekly",
     "Cetuximab 500 mg/m2 every 2 weeks", "Cetuximab"),
]


@pytest.mark.parametrize(("arm", "intervention", "drug"), FIRING, ids=[c[0] for c in FIRING])
def test_another_drugs_fixed_dose_beside_an_escalation_is_compared(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug)


@pytest.mark.parametrize(("arm", "intervention", "drug"), QUIET, ids=[c[0] for c in QUIET])
def test_escalated_or_unnamed_doses_are_not_compared(arm, intervention, drug):
    assert not dose_findings(arm, intervention, drug)


def test_only_the_other_drugs_amount_is_fixed():
    doses = parse_doses("Escalating doses of olaparib (100 mg, 200 mg) plus durvalumab 1500 mg IV Q4W")
    assert [(d.low, d.variable) for d in doses] == [(100.0, True), (200.0, True), (1500.0, False)]
