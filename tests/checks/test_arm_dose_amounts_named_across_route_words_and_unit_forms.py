"""Phrases of contradictions.arm_dose_differs: which drug an amount is of when a route word ("5 mg IM haloperidol"),
a unit's form with "of" ("a 2.5 mg tablet of saxagliptin", "100 mg capsule of ritonavir") or a code name with the
drug in brackets ("240 mg BI 201335 NA (Faldaprevir)") stands between them; an arm's type heading its text
("Experimental :") is no product's name; a total with its make-up in brackets after it ("150 mg (1 X 50 mg +
1 X 100 mg)") is the dose; and an intervention named by a dose per body size ("Decitabine at 15 mg/m2")
keeps that dose in its description. Each kind stays quiet where the texts agree and fires where a drug's dose differs.
"""
from __future__ import annotations

import pytest

from checks.contradictions_arms import study_dose_findings
from checks.dose_make_ups import make_up_parts
from checks.dose_text import parse_doses
from checks.drug_doses import doses_by_drug

_HALOPERIDOL = ("IM haloperidol plus lorazepam", "IM 5 mg haloperidol plus IM 2 mg lorazepam")
_SAXAGLIPTIN = [("Saxagliptin", "Tablet, Oral, 2.5 mg, Once Daily, 1 week"),
                ("Metformin IR (glucophage)", "Tablets, Oral, 1000 mg, Once Daily, 1 week")]
_DARUNAVIR = [("darunavir 800 mg", "darunavir 800mg tablet will be administered with 100 mg capsule of ritonavir once "
               "daily (may be taken with or without food)"), ("Ritonavir 100 mg", "one tablet of ritonavir is taken "
                                                                "with darunavir daily")]
_FALDAPREVIR = [("BI 201335 NA 240 mg QD", "240mg BI 201335 NA (Faldaprevir) once daily, 24 weeks"),
                ("PegIFN/RBV", "PegIFN (180 µg/wk) and RBV (1000/1200mg/d), 48 weeks")]
_MAGNESIUM = [("Magnesium Sulphate", "Experimental :\n50 mg/kg bolus plus 15 mg/kg continuous infusion")]
_DECITABINE = [("Decitabine at 15 mg/m2", "Decitabine will be given at a dose of 15 mg/m2 as a continuous intravenous "
                "infusion within a 3-hour intravenous infusion, repeated every 8 hours for 3 consecutive days.The "
                "total dose per day is 45 mg/m2; The total dose per course is 135 mg/m2.")]
_DECITABINE_ARM = ("Decitabine will be administered at a dose of 15 mg/m2 as a continuous intravenous infusion within "
                   "a 3 hour period, repeated every 8 hours for 3 consecutive days.")
_CLADRIBINE = [("Cladribine 3.5 mg/kg", "Cladribine tablet will be administered as cumulative dose of 0.875 mg/kg "
                "over a course of 4 or 5 consecutive days at Weeks 1, 5, 48, and 52 resulting in total cladribine "
                "dose of 3.5 mg/kg during the treatment period of 96 weeks.")]
_TMC278 = ("TMC278 150 mg", "TMC278 150 mg (1 X 50 mg + 1 X 100 mg) tablets will be administered once daily.")

# (the arm (title, description), the interventions (name, description) it receives, the severity of the finding:
# None for none, "warning" or "info")
CASES = {
    # NCT00797277
    "an amount before a route word and its drug": (
        ("IM haloperidol plus lorazepam", "Patients of this arm received 5 mg IM haloperidol plus 2 mg IM lorazepam "
                                          "after randomization"), [_HALOPERIDOL], None),
    "another amount before a route word and the drug": (
        ("IM haloperidol plus lorazepam", "Patients of this arm received 10 mg IM haloperidol plus 2 mg IM "
                                          "lorazepam after randomization"), [_HALOPERIDOL], "info"),
    # NCT00897390
    "a tablet's amount of the drug after it": (
        ("Arm A", "Co-administration of single oral doses of a 2.5 mg tablet of saxagliptin and a 1000 mg tablet of "
                  "metformin IR under fasted conditions"), _SAXAGLIPTIN, None),
    "another tablet's amount of the drug after it": (
        ("Arm A", "Co-administration of single oral doses of a 5 mg tablet of saxagliptin and a 1000 mg tablet of "
                  "metformin IR under fasted conditions"), _SAXAGLIPTIN, "info"),
    # NCT00525733
    "a second drug's capsule in the first drug's sentence": (
        ("3-drug standard therapy", "darunavir 800 mg/ +ritonavir 100 mg QD"), _DARUNAVIR, None),
    "the first drug's other amount beside the second drug's capsule": (
        ("3-drug standard therapy", "darunavir 600 mg/ +ritonavir 100 mg QD"),
        [("Darunavir", _DARUNAVIR[0][1]), _DARUNAVIR[1]], "info"),
    # NCT00774397
    "a code name with its drug in brackets after the amount": (
        ("240 mg QD TN", "240 mg BI 201335 NA (Faldaprevir) once daily (QD) combined with PegIFN/RBV for 24 weeks"),
        _FALDAPREVIR, None),
    "another amount of the drug named by its code at one frequency": (
        ("120 mg QD TN", "120 mg BI 201335 NA (Faldaprevir) once daily (QD) combined with PegIFN/RBV for 24 weeks"),
        _FALDAPREVIR, "warning"),
    # NCT01972659
    "an arm's type heading the intervention's bolus": (
        ("sugammadex and magnesium sulphate", "magnesium: 50 mg/kg iv bolus plus continuous infusion until the end "
                                              "of surgery"), _MAGNESIUM, None),
    "another bolus against the one under the arm's type": (
        ("sugammadex and magnesium sulphate", "magnesium: 30 mg/kg iv bolus plus continuous infusion until the end "
                                              "of surgery"), _MAGNESIUM, "info"),
    # NCT01751867
    "an intervention named by its dose per body area and a day's total": (
        ("3-Day Dose schedule", _DECITABINE_ARM), _DECITABINE, None),
    "another dose per body area against the one the name states": (
        ("3-Day Dose schedule", _DECITABINE_ARM.replace("15 mg/m2", "20 mg/m2")), _DECITABINE, "info"),
    # NCT00213135
    "an intervention named by its total per body weight": (("Cladribine 3.5 mg/kg", None), _CLADRIBINE, None),
    "another total per body weight than the name and description state": (
        ("Cladribine 5.25 mg/kg", None), _CLADRIBINE, "info"),
    # NCT00110305
    "a total with its make-up in brackets after it": (
        ("TMC278 150 mg", "Participants will receive TMC278 150 mg once daily up to Week 96."), [_TMC278], None),
    "another dose than the total made up in brackets": (
        ("TMC278 100 mg", "Participants will receive TMC278 100 mg once daily up to Week 96."),
        [("TMC278", _TMC278[1])], "info"),
    "amounts at one frequency that differ": (
        ("Apixaban", "Apixaban 2 mg once daily"), [("Apixaban", "Apixaban 4 mg once daily")], "warning"),
}


def _severity(arm: tuple[str, str], interventions: list[tuple[str, str]]) -> str | None:
    links = [(arm[0], name) for name, _ in interventions]
    found = list(study_dose_findings("NCT01000001", [arm], interventions, links))
    return (found[0].severity or "warning") if found else None


@pytest.mark.parametrize("name", CASES)
def test_which_drug_an_arm_s_amount_is_of(name):
    arm, interventions, severity = CASES[name]
    assert _severity(arm, interventions) == severity


_DRUGS = {"haloperidol": "haloperidol", "lorazepam": "lorazepam", "ritonavir": "ritonavir", "darunavir": "darunavir",
          "faldaprevir": "faldaprevir", "pegifn": "pegifn", "aspirin": "aspirin"}
# (text, {drug: the amounts read as its doses})
ATTRIBUTIONS = {
    "two route words before two drugs": ("5 mg IM haloperidol plus 2 mg IM lorazepam",
                                         {"haloperidol": ["5 mg"], "lorazepam": ["2 mg"]}),
    "a capsule of the second drug": ("darunavir 800mg tablet with 100 mg capsule of ritonavir once daily",
                                     {"darunavir": ["800mg"], "ritonavir": ["100 mg"]}),
    "a code name and its drug in brackets": ("240 mg BI 201335 NA (Faldaprevir) once daily with PegIFN",
                                             {"faldaprevir": ["240 mg"]}),
    "a word in lower case is no code name": ("ritonavir 100 mg daily (aspirin)", {"ritonavir": ["100 mg"]}),
    "a unit's form with no drug after it": ("ritonavir 100 mg capsule of the study", {"ritonavir": ["100 mg"]}),
}


@pytest.mark.parametrize("name", ATTRIBUTIONS)
def test_an_amount_s_drug_across_a_route_a_form_or_a_code(name):
    text, expected = ATTRIBUTIONS[name]
    found = {drug: [dose.text for dose in doses] for drug, doses in doses_by_drug(text, _DRUGS).items()}
    assert found == expected


# (text, the spans of the amounts that are parts of a make-up)
MAKE_UPS = {
    "a total with its make-up in brackets after it": ("TMC278 150 mg (1 X 50 mg + 1 X 100 mg) tablets",
                                                      {(15, 24), (27, 37)}),
    "a total the bracket's amounts do not sum to": ("TMC278 200 mg (1 X 50 mg + 1 X 100 mg) tablets", set()),
    "amounts in brackets that go on after the bracket": ("150 mg (50 mg + 100 mg daily) tablets", set()),
}


@pytest.mark.parametrize("name", MAKE_UPS)
def test_a_total_s_make_up_in_brackets(name):
    text, spans = MAKE_UPS[name]
    assert make_up_parts(text, parse_doses(text)) == spans
