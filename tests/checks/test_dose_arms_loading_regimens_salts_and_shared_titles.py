"""Arm doses and arm titles as registry records word them: a regimen opened by amounts at numbered weeks or days ("160
mg at week 0, 80 mg at week 2, then 40 mg every other week") is compared step by step, its loading amounts never quoted
as the dose; an amount stated of a salt and one stated of its active part; arms sharing one title."""
from __future__ import annotations

import duckdb
import pytest

from checks.contradictions_arms import DUPLICATE_ARM
from tests.checks.harness import dose_findings

ADALIMUMAB_REGIMEN = "Adalimumab 160 mg at week 0, 80 mg at week 2, then 40 mg every other week"
# (arm description, intervention description, drug): amounts that open a regimen at numbered weeks or days, against
# the dose the other text goes on at; each fired before, quoting the opening amount as the arm's dose.
QUIET_OPENINGS = [
    ("Adalimumab 160 mg at week 0 and 80 mg at week 2", "Adalimumab 40 mg every other week", "Adalimumab"),
    ("Adalimumab 40 mg every other week", "Adalimumab 160 mg at Week 0 and 80 mg at Week 2", "Adalimumab"),
]
# (arm, intervention, drug, the dose the message quotes for each side): the step the regimen goes on at is compared
# with the dose the other text gives in no role, or two openings at the same weeks; each fired on another pair
# before, or stayed quiet.
FIRING_STEPS = [
    (ADALIMUMAB_REGIMEN, "Adalimumab 40 mg every week", "Adalimumab", ("40 mg every 2 weeks", "40 mg once weekly")),
    ("Adalimumab 40 mg every week", ADALIMUMAB_REGIMEN, "Adalimumab", ("40 mg once weekly", "40 mg every 2 weeks")),
    ("Adalimumab 160 mg at Week 0 and 80 mg at Week 2, followed by 40 mg every other week starting at Week 4",
     "Adalimumab 40 mg every week", "Adalimumab", ("40 mg every 2 weeks", "40 mg once weekly")),
    ("Clopidogrel 300 mg on day 1, then 150 mg once daily", "Clopidogrel 75 mg once daily", "Clopidogrel",
     ("150 mg once daily", "75 mg once daily")),
    ("Golimumab 200 mg SC at week 0 and 100 mg at week 2, then 100 mg every 4 weeks", "Golimumab 50 mg every 4 weeks",
     "Golimumab", ("100 mg every 28 days", "50 mg every 28 days")),
    ("Loading dose of 600 mg clopidogrel followed by 75 mg daily", "Clopidogrel 150 mg daily", "Clopidogrel",
     ("75 mg a day", "150 mg a day")),
    ("Ticagrelor 180 mg loading dose then 90 mg twice daily", "Ticagrelor 60 mg twice daily", "Ticagrelor",
     ("90 mg twice daily", "60 mg twice daily")),
    ("Vancomycin 25 mg/kg IV loading dose, then 15 mg/kg every 12 hours", "Vancomycin 20 mg/kg every 12 hours",
     "Vancomycin", ("15 mg/kg twice daily", "20 mg/kg twice daily")),
    ("Ustekinumab 390 mg IV on day 1, then 90 mg SC every 8 weeks", "Ustekinumab 90 mg SC every 12 weeks",
     "Ustekinumab", ("90 mg every 56 days", "90 mg every 84 days")),
    ("Lenalidomide 25 mg on days 1-21 (induction), then 10 mg daily (maintenance)", "Lenalidomide 15 mg daily",
     "Lenalidomide", ("10 mg a day", "15 mg a day")),
    ("Clopidogrel 300 mg on day 1, then 75 mg daily", "Clopidogrel 600 mg loading dose, then 75 mg daily",
     "Clopidogrel", ("300 mg", "600 mg")),
    ("Risankizumab 600 mg IV at weeks 0, 4 and 8, then 360 mg SC every 8 weeks",
     "Risankizumab 1200 mg IV at weeks 0, 4 and 8", "Risankizumab", ("600 mg", "1200 mg")),
    ("Golimumab 200 mg SC at week 0 and 100 mg at week 2, then 100 mg every 4 weeks", "Golimumab 400 mg at week 0",
     "Golimumab", ("200 mg", "400 mg")),
]


@pytest.mark.parametrize("arm, intervention, drug", QUIET_OPENINGS, ids=[a[:60] for a, _, _ in QUIET_OPENINGS])
def test_a_regimens_opening_against_the_dose_it_goes_on_at_stays_quiet(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []


@pytest.mark.parametrize("arm, intervention, drug, quoted", FIRING_STEPS, ids=[a[:60] for a, *_ in FIRING_STEPS])
def test_a_step_of_a_regimen_is_compared_with_its_like(arm, intervention, drug, quoted):
    found = dose_findings(arm, intervention, drug)
    assert len(found) == 1
    gives, says = quoted
    assert found[0].message == (f"Arm '{drug}' gives {drug.lower()} as {gives} but its intervention '{drug}' "
                                f"says {says}.")


# An amount stated of a salt against one the other text says is of the active part the salt carries; each fired before.
QUIET_SALTS = [
    ("Amlodipine 5 mg (as besylate) once daily", "Amlodipine besylate 6.94 mg once daily", "Amlodipine"),
    ("Dexamethasone 3.3 mg base IV", "Dexamethasone sodium phosphate 4 mg IV", "Dexamethasone"),
    ("Hydroxychloroquine sulfate 200 mg twice daily", "Hydroxychloroquine 155 mg base twice daily",
     "Hydroxychloroquine"),
    ("Chloroquine phosphate 500 mg weekly", "Chloroquine 300 mg base weekly", "Chloroquine"),
    ("Tenofovir disoproxil 245 mg (as fumarate) once daily", "Tenofovir disoproxil fumarate 300 mg once daily",
     "Tenofovir"),
    ("Primaquine phosphate 26.3 mg daily", "Primaquine 15 mg base daily", "Primaquine"),
]
# Nearby: a salt's amount no counter-ion explains (twice the base's or more, or less than it), or two amounts neither
# of which is said to be the active part's.
FIRING_SALTS = [
    ("Chloroquine phosphate 500 mg weekly", "Chloroquine 150 mg base weekly", "Chloroquine"),
    ("Hydroxychloroquine sulfate 400 mg daily", "Hydroxychloroquine 200 mg base daily", "Hydroxychloroquine"),
    ("Amlodipine besylate 6.94 mg once daily", "Amlodipine 10 mg (as besylate) once daily", "Amlodipine"),
    ("Primaquine 30 mg base daily", "Primaquine phosphate 26.3 mg daily", "Primaquine"),
    ("Sertraline 50 mg daily", "Sertraline hydrochloride 100 mg daily", "Sertraline"),
    ("Doxycycline hyclate 100 mg twice daily", "Doxycycline 200 mg twice daily", "Doxycycline"),
    ("Metoprolol tartrate 50 mg twice daily", "Metoprolol tartrate 25 mg twice daily", "Metoprolol"),
]


@pytest.mark.parametrize("arm, intervention, drug", QUIET_SALTS, ids=[a[:60] for a, _, _ in QUIET_SALTS])
def test_a_salts_amount_against_its_active_parts_stays_quiet(arm, intervention, drug):
    assert dose_findings(arm, intervention, drug) == []


@pytest.mark.parametrize("arm, intervention, drug", FIRING_SALTS, ids=[a[:60] for a, _, _ in FIRING_SALTS])
def test_amounts_no_salt_explains_fire(arm, intervention, drug):
    assert len(dose_findings(arm, intervention, drug)) == 1


# (study, title, description) rows of design_groups: arms listed again, arms given one title, arms of their own.
ARM_ROWS = [
    ("NCT01", "Arm A", "Drug X 10 mg once daily"), ("NCT01", "Arm A", "Drug X 10 mg once daily"),
    ("NCT02", "Cohort 1", "Part A: drug X 10 mg fasted"), ("NCT02", "Cohort 1", "Part B: drug X 10 mg with food"),
    ("NCT03", "Placebo", "Part A: matching placebo"), ("NCT03", "placebo", "Part B: matching placebo"),
    ("NCT04", "Dose level 1", None), ("NCT04", "Dose level 1", None),
    ("NCT05", "Group 1", "Patients aged 18-40"), ("NCT05", "Group 1", "Patients aged 41-65"),
    ("NCT05", "Group 1", "Patients aged over 65"),
    ("NCT06", "Observational cohort", None), ("NCT06", "Observational Cohort.", None),
    ("NCT07", "Healthy volunteers", "Single dose"), ("NCT07", "Healthy Volunteers", "single dose "),
    ("NCT08", "Arm 1", "Drug X 10 mg once daily"), ("NCT08", "Arm 2", "Drug X 10 mg once daily"),
    ("NCT09", "Sequence AB", "Drug A, then drug B"), ("NCT09", "Sequence BA", "Drug A, then drug B"),
    ("NCT10", "Part A", "Single ascending dose"), ("NCT10", "Part B", "Single ascending dose"),
    ("NCT11", "Arm A:", "Drug A"), ("NCT11", "Arm A", "Drug A"),
    ("NCT12", "Dose Level 1 (0.5 mg/kg)", "Drug"), ("NCT12", "Dose Level 1 (1 mg/kg)", "Drug"),
    ("NCT13", "Treatment Period 1", "Drug A 10 mg"), ("NCT13", "Treatment Period 2", "Drug A 10 mg"),
    ("NCT14", "Arm I", "Drug A"), ("NCT14", "Arm II", "Drug A"),
]
# What each study's arms are flagged with: one arm listed again says so; arms whose descriptions differ are arms of
# their own given one title (each said before to be one arm "listed 2 times"), and rows with no description say so.
ARM_MESSAGES = {
    "NCT01": ("The arm 'Arm A' is listed 2 times.",
              "design_groups.title = 'Arm A' in 2 rows; descriptions identical: 'Drug X 10 mg once daily'"),
    "NCT02": ("The title 'Cohort 1' is given to 2 arms.",
              "design_groups.title = 'Cohort 1' in 2 rows; descriptions differ: 'Part A: drug X 10 mg fasted'"),
    "NCT03": ("The title 'Placebo' is given to 2 arms.",
              "design_groups.title = 'Placebo' in 2 rows; descriptions differ: 'Part A: matching placebo'"),
    "NCT04": ("The arm 'Dose level 1' is listed 2 times.", "design_groups.title = 'Dose level 1' in 2 rows; "
              "no descriptions"),
    "NCT05": ("The title 'Group 1' is given to 3 arms.",
              "design_groups.title = 'Group 1' in 3 rows; descriptions differ: 'Patients aged 18-40'"),
    "NCT06": ("The arm 'Observational cohort' is listed 2 times.",
              "design_groups.title = 'Observational cohort' in 2 rows; no descriptions"),
    "NCT07": ("The arm 'Healthy volunteers' is listed 2 times.",
              "design_groups.title = 'Healthy volunteers' in 2 rows; descriptions identical: 'Single dose'"),
}


def test_arms_listed_again_and_arms_sharing_a_title_are_told_apart():
    con = duckdb.connect()
    con.execute("CREATE TABLE design_groups (nct_id VARCHAR, title VARCHAR, description VARCHAR)")
    con.executemany("INSERT INTO design_groups VALUES (?, ?, ?)", ARM_ROWS)
    found = con.execute(DUPLICATE_ARM).fetchall()
    # a title repeated in another case is shown in either spelling
    assert {nct: (message.lower(), evidence.lower()) for nct, message, evidence in found} == {
        nct: (message.lower(), evidence.lower()) for nct, (message, evidence) in ARM_MESSAGES.items()}
