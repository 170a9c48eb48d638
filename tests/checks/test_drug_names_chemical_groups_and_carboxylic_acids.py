"""Chemical groups and constituents that carry a drug's stem: a ring's name on its own ("imidazole", "triazole"), the
pyrrolidone, piperidone and pyridone built like the antipsychotics' "-idone", and a word that names a carboxylic acid
with the words after it ("pyrrolidone carboxylic acid" of the skin's natural moisturizing factor, NCT07316465). None is
a drug an outcome can name; the drugs built on them ("fluconazole", "carboxyamidotriazole", "risperidone") still are.
"""
from __future__ import annotations

import pytest

from checks.contradictions_drugs import study_drug_findings
from checks.drug_names import stem_drugs

# (text, the drug words stem_drugs finds in it)
WORDS = [
    # chemical groups and constituents: no drug
    ("Natural moisturizing factor components, including amino acids, lactic acid, pyrrolidone carboxylic acid and "
     "sugars.", set()),
    ("Urinary N-methyl-2-pyrrolidone", set()),
    ("Polyvinylpyrrolidone coated catheter", set()),
    ("Urinary 2-piperidone", set()),
    ("Plasma N-methyl-2-pyridone-5-carboxamide", set()),
    ("Plasma imidazole propionate", set()),
    ("Breakthrough infection on triazole prophylaxis", set()),
    ("Benzimidazole resistance of hookworms", set()),
    ("Thiazole, pyrazole, tetrazole, isoxazole, indazole, carbazole and benzothiazole", set()),
    ("Plasma 4-quinolone-3-carboxylic acid", set()),
    ("Imidazole-4-carboxylic acid", set()),
    # drugs built on them, and drugs beside a carboxylic acid named after another word
    ("Risperidone, paliperidone, lurasidone and domperidone", {"risperidone", "paliperidone", "lurasidone",
                                                               "domperidone"}),
    ("Pirfenidone", {"pirfenidone"}),
    ("Fluconazole, tinidazole, sulfamethoxazole and carboxyamidotriazole", {"fluconazole", "tinidazole",
                                                                           "sulfamethoxazole",
                                                                           "carboxyamidotriazole"}),
    ("Quinolone", {"quinolone"}),
    ("Risperidone and pyrrolidone carboxylic acid", {"risperidone"}),
    ("Pyrrolidone carboxylic acid after risperidone", {"risperidone"}),
    ("Risperidone, with the carboxylic acid of the metabolite", {"risperidone"}),
]


@pytest.mark.parametrize("text, drugs", WORDS, ids=[t[:60] for t, _ in WORDS])
def test_chemical_groups_are_no_drug_words(text, drugs):
    assert stem_drugs(text) == drugs


def _outcome_findings(intervention: str, measure: str, description: str | None = None) -> list[str]:
    """contradictions.drug_not_an_intervention's messages for a study of one intervention and one outcome."""
    found = study_drug_findings("NCT01000001", [(measure, description)], [], [(intervention, None)],
                                [(intervention,)], [])
    return [f.message for f in found]


# (intervention, outcome measure, outcome description, the drug the finding names or None)
OUTCOMES = [
    ("Development of atopic dermatitis", "Skin barrier function: Natural moisturizing factor",
     "Natural moisturizing factor components, including amino acids, lactic acid, pyrrolidone carboxylic acid and "
     "sugars.", None),  # NCT07316465
    ("Emollient", "Pyrrolidone carboxylic acid in the stratum corneum", None, None),
    ("Exercise", "Imidazole propionate", None, None),
    ("Metformin", "Association of imidazole propionate with HbA1c", None, None),
    ("Posaconazole", "Incidence of invasive fungal infection during triazole prophylaxis", None, None),
    ("Niacin", "N-methyl-2-pyridone-5-carboxamide", None, None),
    # a drug built on such a group, which the study does not give
    ("Posaconazole", "Adverse events of fluconazole", None, "fluconazole"),
    ("Nintedanib", "Decline of FVC compared with pirfenidone", None, "pirfenidone"),
    ("Emollient", "Pyrrolidone carboxylic acid after risperidone", None, "risperidone"),
]


@pytest.mark.parametrize("intervention, measure, description, drug", OUTCOMES, ids=[o[1][:60] for o in OUTCOMES])
def test_an_outcome_naming_a_chemical_group_names_no_drug(intervention, measure, description, drug):
    messages = _outcome_findings(intervention, measure, description)
    assert [drug in m for m in messages] == ([True] if drug else [])
