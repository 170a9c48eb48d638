"""contradictions.other_name_of_another_drug: a radiolabelled or chelator-bound peptide ('Ga-68 DOTA0-Tyr3-octreotide',
'111In-DTPA-octreotide') is another substance than the bare drug its name holds, so such an other name of edotreotide or
pentetreotide names no octreotide; a bare drug's brand or name given as the other name of another drug still does."""
from __future__ import annotations

import pytest

from checks.drug_conjugates import conjugates_read_past
from checks.other_name_drugs import other_drug

# (intervention, description, other name): the drugs the other name names that are not the intervention's.
OTHER_NAMES = {
    # A conjugate's chemical or trivial name, the label or chelator joined to the peptide or written before it.
    ("Gallium Ga 68-Edotreotide", "Given IV", "Ga-68 DOTA0-Tyr3-octreotide"): (),
    ("Indium In 111 pentetreotide", None, "111In-DTPA-octreotide"): (),
    ("Pentetreotide", None, "[111In-DTPA0]octreotide"): (),
    ("Edotreotide", None, "68Ga DOTA-octreotide"): (),
    ("Edotreotide", None, "Ga 68 octreotide"): (),
    ("Edotreotide", None, "HYNIC-octreotide"): (),
    ("Lutetium Lu 177 Dotatate", "Given IV", "177Lu-DOTA0-Tyr3-octreotate"): (),
    ("Copper Cu 64 dotatate", None, "64Cu-DOTA-Tyr3-octreotate"): (),
    ("Edotreotide", None, "DOTATOC"): (),
    # The same drug named within a longer chemical name of the intervention itself.
    ("111In-DTPA-octreotide", None, "Sandostatin"): (),
    ("Ga-68 DOTA0-Tyr3-octreotide", None, "Edotreotide"): (),
    # A bare drug's name or brand as the other name of another drug.
    ("Desipramine", None, "Anafranil"): ("clomipramine",),
    ("Lanreotide", None, "Sandostatin"): ("octreotide",),
    ("Lanreotide", None, "Octreotide"): ("octreotide",),
    ("Edotreotide", None, "Sandostatin LAR"): ("octreotide",),
    ("Ga-68 DOTA0-Tyr3-octreotide", None, "Lanreotide"): ("lanreotide",),
    ("Tositumomab", None, "Rituxan"): ("rituximab",),
}


@pytest.mark.parametrize("given", OTHER_NAMES, ids=lambda g: f"{g[0]}-{g[2]}")
def test_the_other_drug_an_other_name_names(given):
    assert tuple(d for naming in other_drug(*given) for d in naming.drugs) == OTHER_NAMES[given]


# text: the text as read for drugs, the words of its conjugates left out.
TEXTS = {
    "Ga-68 DOTA0-Tyr3-octreotide": "",
    "Gallium Ga 68-Edotreotide": "Gallium",
    "[68Ga]Ga-DOTATATE scan": "scan",
    "99mTc-sestamibi and ibuprofen": "and ibuprofen",
    "F-18 fluciclovine": "",
    "Fluciclovine F18": "Fluciclovine",
    "Sandostatin LAR": "Sandostatin LAR",
    "Co-trimoxazole": "Co-trimoxazole",
    "Octreotide in 12 patients": "Octreotide in 12 patients",
    "DTPa-HBV-IPV/Hib": "DTPa-HBV-IPV/Hib",
    "Vitamin D3": "Vitamin D3",
}


@pytest.mark.parametrize("text", TEXTS)
def test_a_text_read_past_its_conjugates(text):
    assert conjugates_read_past(text) == TEXTS[text]
