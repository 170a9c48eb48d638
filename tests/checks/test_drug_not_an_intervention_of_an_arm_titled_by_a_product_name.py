"""contradictions.drug_not_an_intervention on an arm titled by one drug word that its own description resolves to a
drug the study gives ("Luarprofen" described as "Inhaled Hypertonic ibuprofen 50 mg tid", the intervention "Inhaled
Hypertonic ibuprofen", NCT04382768): the word may be that drug's product name, so info. The warning stays where the
title names a drug the product knows by its common name, where the description names the title's drug or a drug the
study does not give, where it gives no drug, or where the title names a second drug."""
from __future__ import annotations

import pytest

from checks.contradictions_drugs import study_drug_findings

IBUPROFEN = [("Inhaled Hypertonic ibuprofen", "Inhaled ibuprofen 50 mg three times daily")]

# name: (arms (title, description), interventions (name, description), [(drug, severity: None a warning)])
CASES = {
    # a product name its own description resolves to the study's drug: info
    "NCT04382768": ([("Luarprofen", "Inhaled Hypertonic ibuprofen 50 mg tid")], IBUPROFEN, [("luarprofen", "info")]),
    "a product name with its dose": ([("Luarprofen 50 mg", "Ibuprofen 50 mg inhaled three times a day")], IBUPROFEN,
                                     [("luarprofen", "info")]),
    "a product name of a statin": ([("Lipovastatin", "Atorvastatin 20 mg once daily"), ("Control", "Usual care")],
                                   [("Atorvastatin", "20 mg tablet")], [("lipovastatin", "info")]),
    "a product name with its label and route": ([("Arm B: Luarprofen inhaled tid", "Ibuprofen 50 mg")], IBUPROFEN,
                                                [("luarprofen", "info")]),
    # warnings that stay
    "a title naming a code beside the word": ([("A10 Luarprofen Q2W", "Ibuprofen 50 mg then placebo")], IBUPROFEN,
                                              [("luarprofen", None)]),
    "a common drug's name": ([("Atorvastatin", "Rosuvastatin 10 mg once daily")], [("Rosuvastatin", None)],
                             [("atorvastatin", None)]),
    "a description of another drug": ([("Luarprofen", "Ketoprofen 50 mg tid")], IBUPROFEN, [("luarprofen", None)]),
    "a description naming the title's drug": ([("Luarprofen", "Luarprofen, a new NSAID, 50 mg tid beside ibuprofen")],
                                              IBUPROFEN, [("luarprofen", None)]),
    "a description of no drug": ([("Luarprofen", "Inhaled three times daily for 14 days")], IBUPROFEN,
                                 [("luarprofen", None)]),
    "no description": ([("Luarprofen", None)], IBUPROFEN, [("luarprofen", None)]),
    "a title of two drugs": ([("Luarprofen + Rosuvastatin", "Ibuprofen 50 mg tid")], IBUPROFEN,
                             [("luarprofen", None), ("rosuvastatin", None)]),
}


@pytest.mark.parametrize("name", CASES)
def test_an_arm_titled_by_a_product_name_of_its_described_drug(name):
    arms, interventions, expected = CASES[name]
    found = study_drug_findings("NCT00000001", [], arms, interventions, [], [])
    assert [(f.message.split(" names ")[1].split(",")[0], f.severity) for f in found] == expected


def test_the_message_names_the_drug_the_description_gives():
    arms, interventions, _expected = CASES["NCT04382768"]
    [found] = study_drug_findings("NCT00000001", [], arms, interventions, [], [])
    assert found.message == ("The arm 'Luarprofen' names luarprofen, which is not an intervention of this study "
                             "unless it is a product name of the ibuprofen the arm's description gives.")
