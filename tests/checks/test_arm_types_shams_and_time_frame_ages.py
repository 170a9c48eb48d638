"""Arm types, outcome time frames and outcomes without one, as registry records word them: rows that say a No
Intervention arm is given nothing ("won't receive", "Watch and wait", "Healthy volunteers" described as given nothing);
a Sham Comparator's sham procedure worded without the word sham; a zero dose read only as a zero; the ages of the
participants a time frame names; and an outcome row that is a placeholder for none. Record-level cases on one warehouse,
time frames read on their own."""
from __future__ import annotations

from datetime import date

import pytest

from checks import arm_types, protocol_outcomes
from checks.time_frames import StudyDates, study_finding, time_point
from tests.checks import harness
from tests.checks.cases_arm_types import (COMPARATOR_WITHOUT_PLACEBO, NO_INTERVENTION, PLACEBO_TYPED_ACTIVE,
                                          comparator, control_arm, placebo_arm)

OUTCOMES_RULE = "protocol.outcome_without_time_frame"


def _nothing_row(name: str, description: str = ""):
    """A change: a No Intervention control arm linked to one row (name, description) of type OTHER."""
    return control_arm("Control", "No exercise programme during the study", [("OTHER", name, description)])


def _sham(description: str, given: tuple[str, str, str]):
    """A change: a dapagliflozin trial's Sham Comparator arm titled 'Control', described so and given `given`."""
    return comparator("Control", description, [given], "SHAM_COMPARATOR")


def _outcomes(*rows: tuple[str, str, str | None, str | None]):
    """A change: the study's outcomes are these (type, measure, time frame, description)."""
    def change(s):
        s["design_outcomes"] = [{"outcome_type": t, "measure": m, "time_frame": tf, "description": d}
                                for t, m, tf, d in rows]
    return change


OPEN_LABEL_DRUG = ("DRUG", "Dapagliflozin open-label", "Open-label dapagliflozin 10 mg once daily")

# (rule, fires, change, note). Each quiet case below marked "before" fired before; each firing one so marked was quiet.
CASES = [
    # --- No Intervention arms: rows that say the arm is given nothing --------------------------------------------
    (NO_INTERVENTION, False, _nothing_row("Control", "Patients won't receive any treatment"), "won't receive: before"),
    (NO_INTERVENTION, False, _nothing_row("Control", "Participants will receive nothing"), "receive nothing: before"),
    (NO_INTERVENTION, False, _nothing_row("Control", "Will not be treated"), "will not be treated: before"),
    (NO_INTERVENTION, False, _nothing_row("Control", "Not treated"), "not treated: before"),
    (NO_INTERVENTION, False, _nothing_row("No-treatment control"), "no-treatment control: before"),
    (NO_INTERVENTION, False, _nothing_row("Watch and wait"), "watch and wait: before"),
    (NO_INTERVENTION, False, _nothing_row("Wait and see"), "wait and see: before"),
    (NO_INTERVENTION, False, _nothing_row("Expectant management", "Awaiting spontaneous onset of labour"),
     "expectant management: before"),
    (NO_INTERVENTION, False, _nothing_row("Healthy controls", "No intervention"), "healthy controls: before"),
    (NO_INTERVENTION, False, _nothing_row("Healthy volunteers", "Participants will not receive any intervention"),
     "healthy volunteers: before"),
    (NO_INTERVENTION, False, _nothing_row("Observation", "Observation only"), "observation: guard"),
    (NO_INTERVENTION, False, _nothing_row("No Intervention: Control"), "labelled placeholder: guard"),
    (NO_INTERVENTION, True, _nothing_row("Healthy volunteers", "A single blood sample at baseline"),
     "a blood draw given to healthy volunteers"),
    (NO_INTERVENTION, True, _nothing_row("Usual care", "Care as usual from the general practitioner"), "usual care"),
    (NO_INTERVENTION, True, _nothing_row("Standard physiotherapy", "Twice weekly"), "physiotherapy"),
    (NO_INTERVENTION, True, _nothing_row("Control", "Standard chemotherapy with cisplatin"),
     "a control row given chemotherapy"),
    (NO_INTERVENTION, True, _nothing_row("Patients", ""), "a row naming only who is in the arm, undescribed"),
    # --- Sham Comparator arms: a sham procedure worded without the word sham ---------------------------------------
    (COMPARATOR_WITHOUT_PLACEBO, False,
     _sham("Syringe hub without a needle pressed against the eye to mimic an injection",
           ("PROCEDURE", "Control procedure", "Performed at each monthly visit")), "mimic an injection: before"),
    (COMPARATOR_WITHOUT_PLACEBO, False,
     _sham("Same schedule", ("PROCEDURE", "Needleless syringe", "Pressed against the conjunctiva")),
     "needleless syringe: before"),
    (COMPARATOR_WITHOUT_PLACEBO, False,
     _sham("Renal angiography only, without denervation", ("PROCEDURE", "Renal angiography", "Diagnostic")),
     "angiography without denervation: before"),
    (COMPARATOR_WITHOUT_PLACEBO, False,
     _sham("Bronchoscopy without valve placement", ("PROCEDURE", "Bronchoscopy", "Under sedation")),
     "bronchoscopy without valve placement: before"),
    (COMPARATOR_WITHOUT_PLACEBO, False,
     _sham("Skin incision only", ("PROCEDURE", "Skin incision", "Under local anaesthesia")), "skin incision: before"),
    (COMPARATOR_WITHOUT_PLACEBO, False,
     _sham("Same electrode montage", ("DEVICE", "tDCS", "Current ramped up and down over 30 seconds")),
     "current ramped down: before"),
    (COMPARATOR_WITHOUT_PLACEBO, False,
     _sham("Coil tilted 90 degrees away from the scalp", ("DEVICE", "rTMS", "10 Hz")), "coil tilted: before"),
    (COMPARATOR_WITHOUT_PLACEBO, False,
     _sham("Electrodes placed", ("DEVICE", "TENS", "The stimulator will be placed but not switched on")),
     "not switched on: before"),
    (COMPARATOR_WITHOUT_PLACEBO, False,
     _sham("Device applied but not activated", ("DEVICE", "Photobiomodulation", "Same probe")),
     "not activated: before"),
    (COMPARATOR_WITHOUT_PLACEBO, False,
     _sham("Needles inserted superficially at non-acupuncture points", ("DEVICE", "Acupuncture", "30 minutes")),
     "non-acupuncture points: before"),
    (COMPARATOR_WITHOUT_PLACEBO, False,
     _sham("Laser probe applied with no emission", ("DEVICE", "Low-level laser", "Same duration")),
     "no emission: before"),
    (COMPARATOR_WITHOUT_PLACEBO, False,
     _sham("Transducer applied at 0 W/cm2", ("DEVICE", "Therapeutic ultrasound", "1 MHz")), "0 W/cm2: before"),
    (COMPARATOR_WITHOUT_PLACEBO, False,
     _sham("Catheter inserted, no ablation performed", ("PROCEDURE", "Catheterization", "Femoral access")),
     "no ablation: before"),
    (COMPARATOR_WITHOUT_PLACEBO, True,
     _sham("Conventional physiotherapy only", ("OTHER", "Physiotherapy", "Stretching and strengthening")),
     "physiotherapy typed Sham Comparator: guard"),
    (COMPARATOR_WITHOUT_PLACEBO, True,
     _sham("Usual care only", ("OTHER", "Usual care", "Care as usual")), "usual care typed Sham Comparator: guard"),
    (COMPARATOR_WITHOUT_PLACEBO, True,
     comparator("Control", "Medical therapy without stent placement",
                [("DRUG", "Optimal medical therapy", "Aspirin, statin and beta-blocker")]),
     "a Placebo Comparator's 'without stent placement' is medical therapy: guard"),
    (COMPARATOR_WITHOUT_PLACEBO, True,
     _sham("Same montage", ("DEVICE", "tDCS", "Anodal tDCS at 2.0 mA for 20 minutes")),
     "active stimulation at 2.0 mA, read before as 0 mA: before"),
    (COMPARATOR_WITHOUT_PLACEBO, True,
     comparator("Low dose", "Dapagliflozin 1.0 mg once daily",
                [("DRUG", "Dapagliflozin 1.0 mg", "Dapagliflozin 1.0 mg tablet")]),
     "a low dose, read before as a zero dose: before"),
    (COMPARATOR_WITHOUT_PLACEBO, False,
     comparator("Control", "Dose 0 mg", [("DRUG", "Dapagliflozin", "0 mg")]), "a zero dose: guard"),
    # --- Placebo Comparator arms: a food or hygiene product without what is tested -------------------------------
    (COMPARATOR_WITHOUT_PLACEBO, False,
     comparator("Control", "Chewing gum without xylitol, 3 pieces a day", [("OTHER", "Sorbitol gum", "Same flavour")]),
     "gum without xylitol: before"),
    (COMPARATOR_WITHOUT_PLACEBO, False,
     comparator("Control", "Twice daily", [("OTHER", "Toothpaste", "Fluoride-free toothpaste, same flavour")]),
     "fluoride-free toothpaste: before"),
    (COMPARATOR_WITHOUT_PLACEBO, False,
     comparator("Control", "Yogurt without probiotics, 125 g daily", [("DIETARY_SUPPLEMENT", "Yogurt", "Plain")]),
     "yogurt without probiotics: before"),
    (COMPARATOR_WITHOUT_PLACEBO, False,
     comparator("Control", "One a day", [("OTHER", "Gluten-free muffin", "Baked on site")]),
     "gluten-free muffin (a gluten challenge's placebo): before"),
    (COMPARATOR_WITHOUT_PLACEBO, False,
     comparator("Control", "Unfortified bread, 2 slices a day", [("OTHER", "Bread", "Wheat bread")]),
     "unfortified bread: before"),
    (COMPARATOR_WITHOUT_PLACEBO, True,
     comparator("Control", "Standard care without exercise", [("OTHER", "Standard care", "Usual follow-up")]),
     "standard care without exercise: guard"),
    (COMPARATOR_WITHOUT_PLACEBO, True,
     comparator("Control", "Usual diet, no supplements", [("OTHER", "Usual diet", "No change")]),
     "usual diet: guard"),
    (COMPARATOR_WITHOUT_PLACEBO, False,
     comparator("Control", "Identical tablets", [("DRUG", "Placebo", "Matching placebo")]), "a placebo: guard"),
    # --- Placebo arms typed Experimental or Active Comparator (the placebo words read beside them) ----------------
    (PLACEBO_TYPED_ACTIVE, True, placebo_arm("Placebo (randomized withdrawal)"), "withdrawal design's placebo arm"),
    (PLACEBO_TYPED_ACTIVE, True, placebo_arm("Cohort 1 Placebo"), "a SAD cohort's placebo arm"),
    (PLACEBO_TYPED_ACTIVE, True, placebo_arm("MAD: Placebo"), "a MAD part's placebo arm"),
    (PLACEBO_TYPED_ACTIVE, True, placebo_arm("Sham procedure", "ACTIVE_COMPARATOR", given=[
        ("PROCEDURE", "Sham procedure", "Syringe hub pressed against the eye to mimic an injection")]), "sham"),
    (PLACEBO_TYPED_ACTIVE, False, placebo_arm("Single-blind placebo run-in"), "a run-in"),
    (PLACEBO_TYPED_ACTIVE, False, placebo_arm("Placebo / Dapagliflozin (OLE)", given=[OPEN_LABEL_DRUG]),
     "an open-label extension's arm"),
    (PLACEBO_TYPED_ACTIVE, False, placebo_arm("Extension: Placebo", given=[OPEN_LABEL_DRUG]),
     "an extension arm named for the earlier placebo"),
    (PLACEBO_TYPED_ACTIVE, False, placebo_arm("Cohort 1: 10 mg Dapagliflozin or Placebo"), "a dose cohort"),
    (PLACEBO_TYPED_ACTIVE, False, placebo_arm("Placebo Plus Best Supportive Care"), "placebo beside care"),
    # --- Outcomes without a time frame: a placeholder row is no outcome ------------------------------------------
    (OUTCOMES_RULE, False, _outcomes(("primary", "ESSDAI", "12 weeks", None), ("secondary", "None", "None", None)),
     "a secondary outcome row 'None': before"),
    (OUTCOMES_RULE, False, _outcomes(("primary", "ESSDAI", "12 weeks", None), ("secondary", "N/A", "N/A", None)),
     "a secondary outcome row 'N/A': before"),
    (OUTCOMES_RULE, False, _outcomes(("primary", "ESSDAI", "12 weeks", None),
                                     ("secondary", "Not applicable.", None, None)),
     "a secondary outcome row 'Not applicable.': before"),
    (OUTCOMES_RULE, True, _outcomes(("primary", "ESSDAI", "12 weeks", None), ("secondary", "ESSPRI", "N/A", None)),
     "a real outcome with a placeholder time frame"),
    (OUTCOMES_RULE, True, _outcomes(("primary", "Nil by mouth duration", None, None)), "a measure that starts 'Nil'"),
]


@pytest.fixture(scope="module")
def flagged(tmp_path_factory):
    """The studies each rule of the cases flags, every case in one warehouse."""
    studies = {}
    for n, (_rule, _fires, change, _note) in enumerate(CASES, start=1):
        study = harness.clean_study()
        change(study)
        studies[f"NCT0{n:07d}"] = study
    rules = [*arm_types.RULES, *protocol_outcomes.RULES]
    return harness.flagged_studies(tmp_path_factory.mktemp("arm_types_time_frames"), studies, rules)


@pytest.mark.parametrize("n", range(1, len(CASES) + 1), ids=[f"{c[0].split('.')[1]}:{c[3]}" for c in CASES])
def test_arm_and_outcome_cases(flagged, n):
    rule_id, fires, _change, note = CASES[n - 1]
    assert (f"NCT0{n:07d}" in flagged[rule_id]) is fires, note


def test_each_arm_case_is_flagged_by_its_own_rule_alone(flagged):
    owner = {f"NCT0{n:07d}": c[0] for n, c in enumerate(CASES, start=1)}
    assert {(rule_id, n) for rule_id, found in flagged.items() for n in found if owner[n] != rule_id} == set()


# --- Time frames ---------------------------------------------------------------------------------------------------

# The ages of the participants a time frame names: each read before as a time point of 18 to 65 years, but
# '18-64 YoA', read past as '18-64 years of age' is.
AGES = [
    "Participants 65 years and older: day 28",
    "Baseline and 12 months (adults 18-64 years)",
    "At 12 months (participants over 50 years)",
    "12 months in patients older than 60 years",
    "12 months (patients >60 years)",
    "Day 29 (participants ≥ 65 years)",
    "Day 28 (18-64 YoA)",
    "Day 57 (60+ years)",
    "Women 40 to 75 years: 12 months",
    "Day 29 in adults younger than 50 years",
]
# (time frame, days, said): nearby time frames, and time frames as records commonly word them, still read.
STILL_READ = [
    ("Participants 2 years after randomization", 730.5, "2 years"),
    ("Patients 1 year after surgery", 365.25, "1 year"),
    ("Week 52 in adults", 364, "Week 52"),
    ("At 2 years in patients", 730.5, "2 years"),
    ("Baseline, Week 12", 84, "Week 12"),
    ("at 6 months", 182.625, "6 months"),
    ("Day 1 pre-dose and 2, 4, 8 h post-dose", 1, "Day 1"),
    ("Month 7 (1 month after dose 3)", 213.0625, "Month 7"),
    ("Day 28 ± 3 days", 25, "Day 28"),
    ("Postoperative day 3", 3, "Day 3"),
]
# Time frames as records commonly word them that give no time point every participant reaches.
NO_POINT = [
    "Up to 5 years", "Through study completion, an average of 1 year", "Cycle 1 Day 1 (each cycle is 28 days)",
    "approximately 2 years", "From randomization until death from any cause, assessed up to 60 months",
    "Day 1 of Cycle 3 (each cycle is 21 days)", "Week 52 or early termination", "Up to 24 weeks after the last dose",
    "6 months after last vaccination", "Day 90 after stroke",
]


@pytest.mark.parametrize("time_frame", AGES)
def test_the_age_of_the_participants_is_no_time_point(time_frame):
    assert time_point(time_frame) is None


@pytest.mark.parametrize("time_frame, days, said", STILL_READ, ids=[r[0] for r in STILL_READ])
def test_nearby_time_frames_are_still_read(time_frame, days, said):
    point = time_point(time_frame)
    assert point is not None and (round(point.days, 4), point.said) == (round(days, 4), said)


@pytest.mark.parametrize("time_frame", NO_POINT)
def test_caps_cycles_events_and_later_anchors_give_no_time_point(time_frame):
    assert time_point(time_frame) is None


def _dates(start: date, completion: date, precision: str) -> StudyDates:
    shown = {"month": "%Y-%m", "year": "%Y"}[precision]
    return StudyDates(start, completion, precision, precision, start.strftime(shown), completion.strftime(shown),
                      start.strftime(shown), completion.strftime(shown))


def test_an_age_beside_a_reachable_visit_is_quiet_and_the_visit_still_counts():
    """March to June 2021, month-only: 'Day 28 (adults 18-64 years)' fired before as 18 years; 'Week 52' alone
    still fires. Year-only dates a year apart reach Month 12, and not Month 36."""
    months = _dates(date(2021, 3, 1), date(2021, 6, 30), "month")
    assert study_finding("NCT0", [("Seroconversion", "Day 28 (adults 18-64 years)")], months) is None
    found = study_finding("NCT0", [("Seroconversion", "Week 52")], months)
    assert found is not None and "is 3 months after the start (2021-03)" in found.message
    years = _dates(date(2020, 1, 1), date(2021, 12, 31), "year")
    assert study_finding("NCT0", [("HbA1c", "Month 12")], years) is None
    found = study_finding("NCT0", [("HbA1c", "Month 36")], years)
    assert found is not None and "is 1 year after the start (2020)" in found.message
