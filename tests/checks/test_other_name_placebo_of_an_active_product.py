"""contradictions.other_name_placebo: 'placebo' (or 'Matching placebo', 'Sham') as the other name of a drug,
biological or device; a warning beside the study's own placebo intervention, info where it is the record's only word
of the placebo. Quiet for an intervention that is itself the placebo (its name, description or arms say so), a masked
product ('X or matching placebo'), a blinded name ('PASER granules (or placebo granules)', '+ Placebo'), a sentence,
and a behavioural or other intervention, which may be the control itself. A placebo arm's type, label and description
pasted in as the other name ('Placebo Comparator: Placebo (starch) in 3 capsules') is a placebo's too."""
from __future__ import annotations

import pytest

from checks.other_name_placebo import placebo_name, placebo_other_name_findings

DRUG_ARM = ("EXPERIMENTAL", "Drug X 10 mg", "One tablet daily for 12 weeks")
PLACEBO_ARM = ("PLACEBO_COMPARATOR", "Placebo", "One tablet daily for 12 weeks")
SHAM_ARM = ("SHAM_COMPARATOR", "Sham", "Sham stimulation")


def _severity(active: tuple, others: list[str], arms: list[tuple], beside: list[tuple] = ()) -> str | None:
    """The severity of the finding on the intervention `active` (name, type, description) with the other names
    `others` and linked to `arms`, beside the interventions `beside` (name, type, description, arms); None if
    quiet."""
    interventions = [(1, *active)] + [(n, *row[:3]) for n, row in enumerate(beside, start=2)]
    arms_of = {1: arms} | {n: list(row[3]) for n, row in enumerate(beside, start=2)}
    found = list(placebo_other_name_findings("NCT00000001", interventions, [(1, active[0], o) for o in others],
                                             arms_of))
    assert len(found) <= 1
    return found[0].severity if found else None


OWN_PLACEBO = [("Placebo", "DRUG", "Matching placebo tablet", [PLACEBO_ARM])]

# (intervention, other names, its arms, the study's other interventions, severity)
CASES = [
    # the placebo given as the drug's other name, the study's placebo listed besides
    (("GW642444M (25, 100 & 400 mcg)", "DRUG", "M salt"), ["placebo", "GW642444H"], [DRUG_ARM], OWN_PLACEBO,
     "warning"),
    (("Drug X", "DRUG", None), ["Matching placebo"], [DRUG_ARM], OWN_PLACEBO, "warning"),
    (("Stimulator X", "DEVICE", "Active stimulation"), ["Sham"], [DRUG_ARM],
     [("Sham stimulation", "DEVICE", None, [SHAM_ARM])], "warning"),
    # the other name the record's only word of the placebo its arms get
    (("CS0159 (Linafexor)", "DRUG", "Oral QD"), ["placebo"], [DRUG_ARM, DRUG_ARM, PLACEBO_ARM], [], "info"),
    (("Vaccine X", "BIOLOGICAL", "0.5 mL intramuscular"), ["Placebo injection"], [DRUG_ARM, PLACEBO_ARM], [], "info"),
    (("Drug X", "DIETARY_SUPPLEMENT", "600 mg daily"), ["PLACEBO"], [], [], "info"),
    # the intervention is itself the placebo
    (("Oat flour", "DRUG", "Oat flour administered as a placebo in identical increasing doses"), ["Placebo"],
     [DRUG_ARM], [], None),
    (("FD&C Blue # 2", "DRUG", None), ["Placebo"], [PLACEBO_ARM, PLACEBO_ARM], [], None),
    (("Sugar Pill", "DRUG", "Sugar pill taken by mouth daily"), ["placebo"], [], [], None),
    (("ILIT with normal saline", "BIOLOGICAL", "0.5 ml injected into a lymph node"), ["Placebo ILIT"], [], [], None),
    # a masked product whose description or arm says so
    (("ILT-101", "DRUG", "Subcutaneous injections of ILT-101 or Placebo"), ["Placebo"], [DRUG_ARM], [], None),
    (("Storz Duolith shockwave therapy", "DEVICE", "A: Sham - an attachment that delivers no shockwaves. B: LiSWT"),
     ["Sham"], [DRUG_ARM], [], None),
    (("Dupilumab", "DRUG", "300 mg every 2 weeks"), ["Matching placebo"],
     [("EXPERIMENTAL", "Treatment arm", "Single-blinded, Dupilumab or matching placebo will be administered")], [],
     None),
    (("Drug X", "DRUG", "10 mg"), ["Placebo"], [("EXPERIMENTAL", "Drug X/placebo", None)], [], None),
    # a blinded name, a combination or a sentence as the other name
    (("4-Aminosalicylic acid granules", "DRUG", "50 mg/kg"), ["PASER Granules (or Placebo Granules)"], [DRUG_ARM],
     [], None),
    (("Prednisolone 30 mg Tablet", "DRUG", "See treatment arm"), ["+ Placebo"], [DRUG_ARM], [], None),
    (("Cells into penis", "DEVICE", "Injection of derived cells"), ["Sham control intervention of injection of saline"],
     [DRUG_ARM], [], None),
    (("Drug X", "DRUG", "10 mg"), ["Placebo for Drug Y"], [DRUG_ARM], OWN_PLACEBO, None),
    (("Drug X", "DRUG", "10 mg"), ["Placebo Comparator: Placebo for Drug X"], [DRUG_ARM, PLACEBO_ARM], [], None),
    (("Drug X", "DRUG", "10 mg"), ["Placebo Comparator: Drug X or placebo"], [DRUG_ARM, PLACEBO_ARM], [], None),
    # a placebo arm's type, label and description pasted in as the other name
    (("Tongkat Ali Maca Plus", "DIETARY_SUPPLEMENT", "Powdered extract 200 mg"),
     ["Placebo Comparator: Placebo (starch) in 3 capsules size 1"], [DRUG_ARM, PLACEBO_ARM], [], "info"),
    (("Stimulator X", "DEVICE", "Active stimulation"), ["Sham Comparator: Sham stimulation, coil tilted 90 degrees"],
     [DRUG_ARM, SHAM_ARM], [], "info"),
    (("Drug X", "DRUG", "10 mg"), ["Placebo Comparator: Matching placebo tablets once daily"], [DRUG_ARM],
     OWN_PLACEBO, "warning"),
    # an intervention that is no product a placebo imitates
    (("Health education", "BEHAVIORAL", "Weekly sessions"), ["Attention placebo"], [DRUG_ARM], [], None),
    (("Milk", "OTHER", "Whole milk"), ["placebo"], [DRUG_ARM], [], None),
    # other names that are no placebo
    (("Drug X", "DRUG", "10 mg"), ["DX-101", "Shamrock"], [DRUG_ARM], OWN_PLACEBO, None),
    (("Drug X", "DRUG", "10 mg"), ["Placebotin"], [DRUG_ARM], OWN_PLACEBO, None),
]


@pytest.mark.parametrize("active, others, arms, beside, severity", CASES,
                         ids=[f"{c[0][0]}: {' | '.join(c[1])} ({c[4]})" for c in CASES])
def test_a_placebo_as_an_active_products_other_name(active, others, arms, beside, severity):
    assert _severity(active, others, arms, beside) == severity


# (other name, whether it is only a placebo's or a sham's)
NAMES = [
    ("placebo", True), ("Matching placebo", True), ("Sham", True), ("Placebo tablets", True),
    ("Placebo ILIT", True), ("VivaGel Placebo", True),
    ("Drug X or placebo", False), ("Drug X/Placebo", False), ("+ Placebo", False), ("Placebo (starch)", False),
    ("Placebo for Drug X", False), ("Placebo 3 or 4.5 mg/kg/day", False), ("Olumiant", False),
    ("Sham control injection of saline", False), ("Shampoo", False),
    ("Placebo Comparator: Placebo (starch) in 3 capsules size 1 (0 mg of active ingredient)", True),
    ("Sham Comparator: Sham stimulation of 20 min", True), ("Placebo Comparator - matching placebo tablets", True),
    ("Placebo Comparator: Placebo for Drug X", False), ("Placebo Comparator: Drug X or placebo", False),
    ("Placebo Comparator: placebo or Drug X", False), ("Placebo Comparator: Placebo / Drug X", False),
    ("Placebo Comparator: Placebo + Drug X", False),
    ("Placebo Comparator: Placebo tablets, with Drug X or placebo", False),
    ("Placebo Comparator: Drug X", False), ("Experimental: Drug X, not a placebo", False),
]


@pytest.mark.parametrize("other, expected", NAMES, ids=[name for name, _ in NAMES])
def test_an_other_name_that_is_only_a_placebos(other, expected):
    assert placebo_name(other) is expected


def test_the_message_names_the_product_and_the_placebo_beside_it():
    interventions = [(1, "Drug X", "DRUG", "10 mg"), (2, "Placebo", "DRUG", "Matching placebo")]
    found = list(placebo_other_name_findings("NCT00000001", interventions, [(1, "Drug X", "placebo")],
                                             {1: [DRUG_ARM], 2: [PLACEBO_ARM]}))
    assert [(f.message, f.evidence) for f in found] == [(
        "The drug 'Drug X' has the other name 'placebo', while the study lists its placebo or sham as an intervention "
        "of its own ('Placebo'): a placebo is no other name of the product it imitates.",
        "interventions.name: 'Drug X'; interventions.intervention_type=DRUG; intervention_other_names.name: 'placebo'")]
