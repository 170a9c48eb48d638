"""Phrases of contradictions.arm_dose_differs: how labels write a dose as units of a strength ("2- 100 mg oral tablets",
"4 actuations (two per nostril) of 80 µg", "2 tablets of Advil PM (ibuprofen 200 mg ...)", "250 mg, tablets"), a
salt's amount said to equal the base's, an amount given another way in brackets, the first step of a titration,
matching "0 mg" tablets, the periods of a crossover written with arrows, and an amount after the name it belongs to
in a list of names. Each kind stays quiet where its words make up the other text's dose, and fires where they do not."""
from __future__ import annotations

import pytest

from checks.contradictions_arms import study_dose_findings
from checks.dose_text import parse_doses

_PROBES = [("Proellex", "2, 25 mg Proellex capsules administered daily"), ("CYP1A2 probe", "Caffeine (200 mg)"),
           ("CYP2C9 probe", "Tolbutamide (250 mg)"), ("CYP2C19 probe", "Omeprazole (20 mg)")]
_ZOLEDRONIC = ("Zoledronic acid 5 mg solution", "Zoledronic acid was supplied as a concentrate of 5.33 mg zoledronic "
               "acid monohydrate in a 100 ml solution. 5.33 mg zoledronic acid monohydrate equals 5 mg zoledronic "
               "acid.")
_ADVIL = ("Ibuprofen / Diphenhydramine citrate", "Participants received 2 tablets of Advil PM (ibuprofen 200 mg and "
          "diphenhydramine citrate 38 mg) and 2 tablets of Placebo, single dose, orally.")
_TITRATION = ("8mg fesoterodine", "4mg tablet once daily for 3 days followed by 8mg tablet once daily for 3 days")
_METFORMIN = ("Metformin", "Metformin 250 mg, tablets, orally, twice or three times daily for up 12 weeks.")
_CANDESARTAN = [("Candesartan cilexetil", "candesartan cilexetil 32 mg once daily"), ("MK-5478", "MK-5478 tablets")]
_BDP = ("Beclomethasone dipropionate", "Total daily dose of 320 micrograms per day of beclomethasone dipropionate "
        "(BDP) hydrofluoroalkane (HFA) applied as a nasal aerosol each morning for two weeks.")
_BDP_ARM = ("BDP HFA", "Participants self-administered 4 actuations (two per nostril) of 80 µg BDP HFA once daily "
            "each morning.")

# (the arm (title, description), the interventions (name, description) it receives, the severity of the finding:
# None for none, "warning" or "info")
CASES = {
    # NCT00094757
    "two tablets joined to their strength by a dash": (
        ("Sitagliptin 200 mg", "Sitagliptin 200 mg"),
        [("Comparator: sitagliptin 200 mg", "sitagliptin 200 mg (2- 100 mg oral tablets) once daily for 54 weeks")],
        None),
    "a dose that is no count of the dashed tablets": (
        ("Sitagliptin high dose", "Sitagliptin 300 mg once daily"),
        [("Sitagliptin", "sitagliptin 200 mg (2- 100 mg oral tablets) once daily for 54 weeks")], "info"),
    # NCT01024608
    "a count of actuations of a strength against the day's total": (_BDP_ARM, [_BDP], None),
    "a count of actuations against another day's total": (
        _BDP_ARM, [(_BDP[0], _BDP[1].replace("320", "640"))], "warning"),
    # NCT00741468
    "an amount after its name in a list of names": (("All subjects", "Proellex 50 mg CYP1A2 probe CYP2C9 probe "
                                                     "CYP2C19 probe"), _PROBES, None),
    "the name before the amount is the probe's": (("All subjects", "CYP1A2 probe 100 mg Proellex CYP2C9 probe "
                                                   "CYP2C19 probe"), _PROBES, "info"),
    # NCT01318109
    "a strength of tablets named with no count against two or three of them": (
        ("Metformin 500mg BID or 750mg TID", ""), [_METFORMIN], None),
    "a dose that is no whole count of tablets of the strength": (
        ("Metformin 600mg BID", ""), [_METFORMIN], "info"),
    # NCT01336738
    "tablets counted in brackets before their strength": (
        ("750 mg PF-04991532", ""),
        [("750 mg PF-04991532", "Tablets (n=5), 150 mg + tablets (n=1), 0 mg, all once daily for 84 days")], None),
    "tablets counted in brackets that make up another dose": (
        ("600 mg PF-04991532", ""),
        [("600 mg PF-04991532", "Tablets (n=5), 150 mg + tablets (n=1), 0 mg, all once daily for 84 days")], "info"),
    # NCT00909545
    "a number of tablets with the product's name between": (
        ("Isradipine CR 20mg", "Isradipine CR 20mg/day"),
        [("Isradipine CR 20mg", "20mg dose: 4 Dynacirc CR 5mg tablets once daily")], None),
    "a day's number before the product's name": (
        ("Isradipine CR 20mg", "Isradipine CR 20mg/day"),
        [("Isradipine CR 20mg", "From day 4 Dynacirc CR 5mg tablets once daily")], "info"),
    # NCT00709826
    "tablets named with no count and no frequency": (
        ("Apricoxib", "400mg apricoxib"), [("apricoxib", "apricoxib: 100mg tablets, given orally")], None),
    "a dose that is five tablets or more": (
        ("Apricoxib", "600mg apricoxib"), [("apricoxib", "apricoxib: 100mg tablets, given orally")], "info"),
    "tablets named right after the amount give the dose": (
        ("Metformin 1000 mg BID", ""), [("Metformin", "Metformin 500 mg film-coated tablets twice daily")], "warning"),
    "one tablet named at the same frequency": (
        ("Metformin 1000 mg BID", ""), [("Metformin", "Metformin 500 mg tablet twice daily")], "warning"),
    # NCT01338870
    "matching tablets of 0 mg in a blinded count": (
        ("25 mg PF-04991532", ""),
        [("25 mg PF-04991532", "Tablets (n=1), 25 mg strength + tablets (n=3) 0 mg twice daily for 84 days")], None),
    "a small amount that is no zero": (
        ("Baricitinib low dose", "baricitinib 1 mg once daily"), [("Baricitinib", "baricitinib 0.5 mg once daily")],
        "warning"),
    # NCT01025843
    "a crossover's periods written with arrows": (("Candesartan→8 mg→ 18 mg →2 mg fed→38 mg", ""), _CANDESARTAN,
                                                  None),
    "a period naming the drug with its amount": (("Candesartan 8 mg → Placebo → MK-5478 18 mg", ""), _CANDESARTAN,
                                                 "info"),
    # NCT00267956
    "an amount given another way in brackets": (
        ("CNTO1275", "Patients will receive CNTO 1275 63 mg at Weeks 0, 1, 2, and 3."),
        [("CNTO 1275 63 mg", "The patients will receive 90 mg (or 63 mg after filtration) subcutaneous injection "
                             "on Weeks 0, 1, 2, and 3")], None),
    "neither amount of the brackets": (
        ("CNTO1275", "Patients will receive CNTO 1275 45 mg at Weeks 0, 1, 2, and 3."),
        [("CNTO 1275 63 mg", "The patients will receive 90 mg (or 63 mg after filtration) subcutaneous injection "
                             "on Weeks 0, 1, 2, and 3")], "info"),
    # NCT01118273
    "counted tablets of a combination's strengths": (
        ("Ibuprofen 400 mg / Diphenhydramine citrate 76 mg", ""), [_ADVIL], None),
    "counted tablets that make up another dose": (
        ("Ibuprofen 600 mg / Diphenhydramine citrate 114 mg", ""), [_ADVIL], "info"),
    # NCT01161472
    "the first step of a titration to the arm's dose": (("fesoterodine 8mg", ""), [_TITRATION], None),
    "a titration that reaches another dose": (("fesoterodine 12mg", ""), [_TITRATION], "info"),
    # NCT00404820
    "a salt's amount said to equal the arm's dose of the base": (
        ("Zoledronic acid 5 mg", "Patients received zoledronic acid 5 mg in 100 ml solution once per year."),
        [_ZOLEDRONIC], None),
    "a salt's amount equal to another amount of the base": (
        ("Zoledronic acid 4 mg", "Patients received zoledronic acid 4 mg in 100 ml solution once per year."),
        [_ZOLEDRONIC], "info"),
    # the seed's defect
    "2 mg against 4 mg once daily": (
        ("Baricitinib low dose", "baricitinib 2 mg once daily"), [("Baricitinib", "baricitinib 4 mg once daily")],
        "warning"),
}


def _severity(arm: tuple[str, str], interventions: list[tuple[str, str]]) -> str | None:
    links = [(arm[0], name) for name, _ in interventions]
    found = list(study_dose_findings("NCT01000001", [arm], interventions, links))
    return (found[0].severity or "warning") if found else None


@pytest.mark.parametrize("name", CASES)
def test_units_salts_steps_and_periods_of_an_arm_s_dose(name):
    arm, interventions, severity = CASES[name]
    assert _severity(arm, interventions) == severity


# (text, the amount written with a dash as read: (low, high in mg, one unit's amount or None))
AMOUNTS = {
    "a count of tablets joined by a dash": ("200 mg (2- 100 mg oral tablets) once daily",
                                            (200.0, 200.0, (100.0, 100.0))),
    "a range with no space after its dash": ("2-100 mg tablets", (2.0, 100.0, None)),
    "a range whose ends are near": ("2- 4 mg tablets daily", (2.0, 4.0, None)),
    "a range with no units after it": ("2- 100 mg daily", (2.0, 100.0, None)),
}


@pytest.mark.parametrize("name", AMOUNTS)
def test_a_count_of_units_joined_by_a_dash(name):
    text, (low, high, single) = AMOUNTS[name]
    dose = next(d for d in parse_doses(text) if "-" in d.text)
    assert (dose.low, dose.high, dose.single) == (low, high, single)
