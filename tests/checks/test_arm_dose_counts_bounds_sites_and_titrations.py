"""contradictions.arm_dose_differs on doses an arm and its intervention state alike in other words: a count of units
times their strength ("Two 400 mg darunavir (DRV) ie, TMC114 tablets", "cp 5mg: 2pills", "120 mg x 2 injections
(equal to 240 mg)", "up to three 0.58 mg injections"), a dose at each nostril with its frequency between, a bound
("<0.1 mg"), a titration's first step, another substance's or another arm's amount, a frequency run into the drug's
name, a drug named after how often and by which route and a combination named by hyphens; and a day's total against a
once-daily dose, which plainly differs."""
from __future__ import annotations

import pytest

from checks.contradictions_arms import study_dose_findings

# (case, arm (title, description), intervention (name, description))
QUIET = [
    ("titration's first step",
     ("Induction", "Participants received oral mycophenolate mofetil (MMF) 1.5 g twice a day"),
     ("Mycophenolate mofetil (MMF)", "Supplied as 500 mg tablets taken orally twice a day (BID). Dose specific for "
      "each arm. Dosing started at 500 mg BID for the first week, increasing by 500 mg in subsequent weeks until the "
      "final target dose was reached.")),
    ("count, name and code before the form",
     ("DRV/rtv 800/100 mg once daily", "Two 400 mg darunavir (DRV) ie, TMC114 tablets + one 100 mg ritonavir (rtv) "
      "capsule once daily."),
     ("Darunavir (DRV)", "DRV/rtv 800/100 mg once daily group: 2 tablets of 400 mg of DRV administered orally once "
      "daily.")),
    ("count of pills after a colon", ("tofacitinib", "Tofacitinib cp 5mg: 2pills twice a day for 14 days"),
     ("Tofacitinib", "Tofacitinib 10mg twice a day will be administered within 24h from hospital admission")),
    ("total in brackets after a count", ("Belimumab SC 2 x 120 mg", None),
     ("Single Dose Group: Belimumab SC 2 x 120 mg", "Belimumab SC 120 mg x 2 injections (equal to 240 mg) "
      "administered immediately one after the other on Day 0")),
    ("a bound on a count", ("XIAFLEX MP Joint", "Up to 3 injections of collagenase clostridium histolyticum 0.58 mg in "
                            "the metacarpophalangeal (MP) joint cord"),
     ("Collagenase clostridium histolyticum", "up to three 0.58 mg injections")),
    ("capsules each holding a combination", ("Naproxen sodium 440 mg/DPH 50 mg", None),
     ("Naproxen sodium 440 mg/DPH 50 mg", "2 capsules each containing naproxen sodium 220 mg /diphenhydramine "
      "hydrochloride (DPH) 25 mg are taken orally with a full glass of water")),
    ("each nostril after the frequency", ("Ciclesonide nasal", "Intranasal ciclesonide BID 50mcg BID to each nostril"),
     ("Ciclesonide", "nasal ciclesonide (200 mcg DIE)")),
    ("another substance in brackets", ("Letrozole", "Participants also received Letrozole 2.5 daily plus calcium "
                                                    "(1000-1200 mg) and vitamin D (400-800 IU) daily."),
     ("Letrozole", "Participants received Letrozole 2.5 mg daily.")),
    ("a product's make-up",
     ("TREATED", "Participants will receive a supply of 28 -- 390 mg ARBOX capsules for 14 days."),
     ("ARBOX", "dry extract of polyphenols (tannins) form quebracho and chestnut 240 mg, B12 vitamin 0.72 µg")),
    ("a bound written <", ("VLNC Cigarette", "Dosage: 0.05 mg to 0.09 mg nicotine yield cigarette; Frequency: Daily"),
     ("Nicotine cigarette", "Cigarette where the tobacco contains <0.1 mg of nicotine yield.")),
    ("a frequency run into the name", ("Control Group", "200/50 mg of Lopinavir/Ritonavirtwo times per day for seven "
                                                        "days."),
     ("Lopinavir / Ritonavir", "Patients will be given 200/50 mg of Lopinavir / Ritonavir two times per day.")),
    ("another arm's dose", ("2", "the DSMB recommended to terminate the UK-427,857 300 mg QD arm based on "
                                 "non-inferiority criteria not being met"),
     ("Maraviroc (UK-427,857)", "maraviroc (UK-427,857) 300 mg twice daily added to zidovudine/lamivudine")),
    ("a drug named after how often and by which route",
     ("Control group", "The conventional therapy: 400 mg once PO Hydroxychloroquine/day with 250mg once PO "
                       "Azithromycin."),
     ("Hydroxychloroquin with Azithromycin", "Hydroxychloroquine 400mg PO twice per day for 5 days and Azithromycin "
                                             "once PO 500 mg per day for 5 days.")),
    ("a day's total of two doses", ("Hydroxychloroquine", "hydroxychloroquine 400 mg twice daily"),
     ("Hydroxychloroquine", "hydroxychloroquine 800 mg per day")),
]

# (case, arm, intervention, severity: None a warning)
FIRING = [
    ("a titration's step named, doses of one frequency",
     ("Induction", "Participants received oral mycophenolate mofetil (MMF) 1.5 g twice a day"),
     ("Mycophenolate mofetil (MMF)", "Mycophenolate mofetil 500 mg BID for the first week."), None),
    ("count, name and code before the form, another total",
     ("DRV/rtv 600 mg once daily", "Two 400 mg darunavir (DRV) ie, TMC114 tablets once daily."),
     ("Darunavir (DRV)", "DRV 600 mg administered orally once daily."), "info"),
    ("count of pills after a colon, another total", ("tofacitinib", "Tofacitinib cp 5mg: 2pills twice a day"),
     ("Tofacitinib", "Tofacitinib 15mg twice a day"), None),
    ("a count and its total in brackets, another count", ("Belimumab SC 2 x 150 mg", None),
     ("Single Dose Group: Belimumab SC", "Belimumab SC 120 mg x 2 injections (equal to 240 mg) administered"), "info"),
    ("capsules each holding a combination, another amount", ("Naproxen sodium 660 mg/DPH 75 mg", None),
     ("BAY98-7111 (naproxen)", "2 capsules each containing naproxen sodium 220 mg /diphenhydramine hydrochloride "
                               "(DPH) 25 mg are taken orally"), "info"),
    ("a frequency run into the name, another ratio", ("Control", "200/50 mg of Lopinavir/Ritonavirtwo times per day"),
     ("Lopinavir / Ritonavir", "400/100 mg of Lopinavir / Ritonavir two times per day"), None),
    ("a product's own amount beside its make-up", ("TREATED", "ARBOX 500 mg twice daily"),
     ("ARBOX", "ARBOX 390 mg, B12 vitamin 0.72 µg"), "info"),
    ("one drug of a combination named by hyphens", ("HCTZ arm", "Hydrochlorothiazide 25mg once daily"),
     ("Olmesartan 40mg-Amlodipine 10mg-Hydrochlorothiazide 12.5mg", "Hydrochlorothiazide 12.5mg once daily"), None),
    ("a bound on a count, exceeded", ("XIAFLEX MP Joint", "collagenase clostridium histolyticum 2.5 mg in the joint"),
     ("Collagenase clostridium histolyticum", "up to three 0.58 mg injections"), "info"),
    ("each nostril, no multiple", ("Ciclesonide nasal", "Intranasal ciclesonide BID 75mcg BID to each nostril"),
     ("Ciclesonide", "nasal ciclesonide (200 mcg DIE)"), "info"),
    ("the drug's own amount beside another substance",
     ("Letrozole", "Participants also received Letrozole 5 mg daily plus calcium (1000-1200 mg)."),
     ("Letrozole", "Participants received Letrozole 2.5 mg daily."), None),
    ("a bound written <, exceeded", ("VLNC Cigarette", "Dosage: 0.5 mg nicotine yield cigarette"),
     ("Nicotine cigarette", "Cigarette where the tobacco contains <0.1 mg of nicotine yield."), "info"),
    ("the arm's own dose", ("2", "Maraviroc (UK-427,857) 300 mg QD"),
     ("Maraviroc (UK-427,857)", "maraviroc (UK-427,857) 300 mg twice daily"), "info"),
    ("a drug named after how often and by which route, another amount",
     ("Control group", "The conventional therapy: 400 mg once PO Hydroxychloroquine/day with 750mg once PO "
                       "Azithromycin."),
     ("Hydroxychloroquin with Azithromycin", "Hydroxychloroquine 400mg PO twice per day for 5 days and Azithromycin "
                                             "once PO 500 mg per day for 5 days."), "info"),
    ("a once-daily dose against a day's total", ("Hydroxychloroquine", "a loading dose of 400 mg qd at D1"),
     ("Hydroxychloroquine", "a loading dose of 800 mg per day at D1"), None),
    ("a weekly dose against a week's total", ("Methotrexate", "methotrexate 15 mg once weekly"),
     ("Methotrexate", "methotrexate 20 mg per week"), None),
]


# Products of a combination joined by hyphens after their amounts, each a drug of its own: (the thiazide's amount in
# the arm's and product's names, the product's description).
HYPHENED = [
    ("12.5mg", "Coated, oral tablets containing Olmesartan 40mg-Amlodipine 10mg + 1 Hydrochlorothiazide 12.5mg oral "
               "tablet + 1 Hydrochlorothiazide 12.5mg oral, placebo tablet. All tablets are given once a day."),
    ("25mg", "Coated, oral tablets containing Olmesartan 40mg-Amlodipine 10mg + 2 Hydrochlorothiazide 12.5mg oral "
             "tablets. All tablets are given once a day."),
]
OLMESARTAN_AMLODIPINE = ("Olmesartan medoxomil 40 mg - Amlodipine 10 mg",
                         "Oral tablets containing Olmesartan medoxomil-Amlodipine 40-10 mg, given once daily")


@pytest.mark.parametrize("thiazide, description", HYPHENED, ids=[t for t, _ in HYPHENED])
def test_a_combination_named_by_hyphens_is_several_drugs(thiazide, description):
    name = f"OLM 40mg-AML 10mg-Hydrochlorothiazide {thiazide}"
    arm = (f"{name} (Responders)", "Participants continued to receive this combination.")
    products = [OLMESARTAN_AMLODIPINE, (f"Olmesartan 40mg-Amlodipine 10mg-Hydrochlorothiazide {thiazide}", description),
                (name, description)]
    found = study_dose_findings("NCT01000001", [arm], products, [(arm[0], name)])
    assert [f.message for f in found] == []


def _findings(arm: tuple, intervention: tuple) -> list:
    return list(study_dose_findings("NCT01000001", [arm], [intervention], [(arm[0], intervention[0])]))


@pytest.mark.parametrize("case, arm, intervention", QUIET, ids=[c for c, _, _ in QUIET])
def test_doses_said_otherwise_agree(case, arm, intervention):
    assert _findings(arm, intervention) == []


@pytest.mark.parametrize("case, arm, intervention, severity", FIRING, ids=[c for c, _, _, _ in FIRING])
def test_doses_that_differ_are_found_at_their_severity(case, arm, intervention, severity):
    found = _findings(arm, intervention)
    assert [f.severity for f in found] == [severity], [f.message for f in found]
