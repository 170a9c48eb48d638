"""contradictions.drug_not_an_intervention on drugs an arm title or an outcome names that the study need not give:
info where an intervention is named only by a research code the product does not know (the drug may be that code's);
quiet for an abbreviation the arm's own description declares, a stratum of background therapy in an arm title's
brackets, a cohort its description names by prior therapy, and a scale's earlier use; info for a measured quantity's
response to a drug given as a challenge. Where every intervention has a plain name, the unlisted drug is still a
warning."""
from __future__ import annotations

import pytest

from checks.contradictions_drugs import study_drug_findings

STRATA = ["BI 10773 low (drug naive)", "BI 10773 low (metformin)", "BI 10773 low (pioglitazone)",
          "Placebo (drug naive)", "Placebo (metformin)"]
IXAZOMIB = "Ixazomib citrate, 2.97 mg/m^2, capsules, orally, once weekly in the expansion cohort of participants"

# name: (outcomes (measure, description), arms (title, description), interventions (name, description),
#        the study's other texts, [(drug, severity: None a warning)] the rule reports)
CASES = {
    # an intervention named only by a research code
    "an arm by the INN of a coded intervention": (
        [], [("Pazopanib", "800 mg GW786034 administered orally")], [("GW786034", None)], [],
        [("pazopanib", "info")]),
    "an arm by a misspelt INN of a hyphenated code": (
        [], [("Brexipiprazole + ADT", "Flexible dose")], [("OPC-34712", None), ("Placebo", None), ("ADT", None)], [],
        [("brexipiprazole", "info")]),
    "an outcome measured with the INN of a coded intervention": (
        [("Plasma Crizotinib Pharmacokinetics With or Without Co-administration of Dacomitinib", None)], [],
        [("PF-02341066", None), ("PF-00299804", None)], [], [("dacomitinib", "info")]),
    "an outcome's drug another outcome gives as the code's name": (
        [("Response rate to dacomitinib", None), ("DLTs", "AEs attributed to crizotinib (PF-02341066) plus "
                                                  "Dacomitinib (PF-00299804)")],
        [], [("PF-02341066", None), ("PF-00299804", None)], [], []),
    "an arm's drug another arm gives as the code's name": (
        [], [("Pazopanib", "800 mg orally"), ("Pazopanib and food", "pazopanib (GW786034) 800 mg with a meal")],
        [("GW786034", None)], [], []),
    "a coded intervention with its dose": (
        [("Response rate to pazopanib", None)], [], [("GW786034 800 mg", None)], [], [("pazopanib", "info")]),
    "a code the product knows as another drug (MK-3475 is pembrolizumab)": (
        [("Response rate to nivolumab", None)], [], [("MK-3475", None)], [], [("nivolumab", None)]),
    "every intervention with a plain name": (
        [], [("Pazopanib", "800 mg orally")], [("Sunitinib", None), ("Placebo", None)], [], [("pazopanib", None)]),
    "a code inside a longer name": (
        [], [("Pazopanib", "800 mg orally")], [("GW786034 and sunitinib", None)], [], [("pazopanib", None)]),
    # an abbreviation the arm's own description declares
    "an abbreviation after the given drug": (
        [], [("A10 EvoMab Q2W", "Atorvastatin 10 mg then 140 mg evolocumab (EvoMab) every 2 weeks")],
        [("Evolocumab", None), ("Atorvastatin", None)], [], []),
    "an abbreviation before the given drug": (
        [], [("EvoMab QM", "EvoMab (evolocumab) 420 mg monthly")], [("Evolocumab", None)], [], []),
    "an abbreviation another arm declares": (
        [], [("A10 EvoMab Q2W", "Atorvastatin 10 mg then placebo"), ("B", "140 mg evolocumab (EvoMab)")],
        [("Evolocumab", None), ("Atorvastatin", None)], [], []),
    "an abbreviation declared of no given drug": (
        [], [("A10 EvoMab Q2W", "Atorvastatin 10 mg then placebo"), ("B", "140 mg alirocumab (EvoMab)")],
        [("Evolocumab", None), ("Atorvastatin", None)], [], [("evomab", None)]),
    "a bracketed drug the study does not give": (
        [], [("A10 EvoMab Q2W", "Atorvastatin 10 mg then 140 mg alirocumab (EvoMab)")],
        [("Evolocumab", None), ("Atorvastatin", None)], [], [("evomab", None)]),
    "a dose in brackets before the drug": (
        [], [("Alirocumab Q2W", "75 mg (alirocumab) every 2 weeks")], [("Evolocumab", "140 mg every 2 weeks")], [],
        [("alirocumab", None)]),
    # a stratum of background therapy in an arm title's brackets
    "strata of one title in brackets": (
        [], [(t, "Tablets once daily") for t in STRATA], [("Empagliflozin", None), ("Placebo", None)], [], []),
    "a bracket in a trial with background therapies": (
        [], [("Empagliflozin low (metformin)", "Tablets once daily")], [("Empagliflozin", None)],
        ["Empagliflozin as Monotherapy or With Different Back-ground Therapies"], []),
    "a bracketed drug of one arm alone": (
        [], [("Empagliflozin low (metformin)", "Tablets once daily"), ("Placebo", "Tablets")],
        [("Empagliflozin", None), ("Placebo", None)], ["Empagliflozin in type 2 diabetes"], [("metformin", None)]),
    "a drug of the title before its bracket": (
        [], [("Metformin (high dose)", "Tablets"), ("Metformin (low dose)", "Tablets")],
        [("Empagliflozin", None)], [], [("metformin", None)]),
    "brackets of an active drug and its placebo": (
        [], [("Empagliflozin low (metformin)", "Tablets"), ("Empagliflozin low (placebo)", "Tablets")],
        [("Empagliflozin", None)], [], [("metformin", None)]),
    # a cohort named by its prior therapy
    "a cohort by the last dose of its prior drug": (
        [], [("Carfilzomib", IXAZOMIB + " who received their last dose of carfilzomib 21 to 60 days before")],
        [("Ixazomib citrate", None)], [], []),
    "a cohort refractory to its prior drug": (
        [], [("Lenalidomide-refractory", IXAZOMIB + " refractory to lenalidomide")], [("Ixazomib citrate", None)],
        [], []),
    "an arm whose description gives the title's drug": (
        [], [("Carfilzomib", IXAZOMIB + " with carfilzomib 20 mg/m^2 on days 1 and 2")],
        [("Ixazomib citrate", None)], [], [("carfilzomib", None)]),
    "an arm whose description gives no study drug": (
        [], [("Carfilzomib", "Participants who failed carfilzomib")], [("Ixazomib citrate", None)], [],
        [("carfilzomib", None)]),
    # a measured quantity's response to a challenge drug
    "a blood flow's response to a bronchodilator": (
        [("Airway Blood Flow Response to Albuterol", "Measured before and 15 minutes after 180 mcg of albuterol")],
        [], [("Whole Body Periodic Acceleration", None)], [], [("albuterol", "info")]),
    "a cortisol response to a stimulation": (
        [("Cortisol response to dexamethasone", None)], [], [("Hydrocortisone", None)], [],
        [("dexamethasone", "info")]),
    "a response to the treatment": (
        [("Response to nivolumab", None)], [], [("Ipilimumab", None)], [], [("nivolumab", None)]),
    "a response rate to the treatment": (
        [("Overall response rate to ruxolitinib", None)], [], [("Famotidine", None)], [], [("ruxolitinib", None)]),
    # a scale's earlier use
    "a scale used before in response to a drug": (
        [("Crohn's Disease Histologic Index of Severity (CDHIS)", "The CDHIS was developed to determine the effect of "
          "therapies. It has been used to assess mucosal healing in response to infliximab and 6-MP/AZA.It contains "
          "eight items")], [], [("growth hormone", None)], [], []),
    "a scale validated in treated patients": (
        [("Disease activity score", "The score was validated in patients treated with adalimumab.")], [],
        [("Famotidine", None)], [], []),
    "this study's use of a scale told in the past": (
        [("Mucosal healing", "The index was used to assess the response to infliximab at week 12.")], [],
        [("growth hormone", None)], [], [("infliximab", None)]),
    "a response to a drug in the next sentence": (
        [("Mucosal healing", "The index has been used before. Response to infliximab is measured.")], [],
        [("growth hormone", None)], [], [("infliximab", None)]),
}


@pytest.mark.parametrize("name", CASES)
def test_an_unlisted_drug_the_study_need_not_give(name):
    outcomes, arms, interventions, context, expected = CASES[name]
    found = study_drug_findings("NCT00000001", outcomes, arms, interventions, [], context)
    assert [(f.message.split(" names ")[1].split(",")[0], f.severity) for f in found] == expected
