"""A drug a device holds and releases (contradictions.phase_without_drug): a drug-eluting stent, a drug-coated balloon,
an antibiotic-impregnated catheter or a steroid-eluting sinus implant is a device, in a combination product the device
leads, so its drug is no sign that the intervention's type is wrong; the finding says the phase or the types are wrong.
A drug given beside such a device, or held by a product that is a drug itself (a levonorgestrel-releasing intrauterine
system, a contraceptive implant, drug-loaded beads), is still named.
"""
from __future__ import annotations

import pytest

from checks.drug_named_by_non_drug import named_drug
from checks.phase_without_drug import study_phase_drug_findings

# The finding's message where no intervention names a drug.
PHASE_OR_TYPES = "either the phase is wrong or the interventions' types are."

# (phase, interventions as (type, name, description)): each names only a drug its device holds.
HELD_BY_THE_DEVICE = [
    ("PHASE4", [("DEVICE", "XIENCE V®/ XIENCE PRIME™",
                 "Coronary artery placement of a XIENCE V®/ XIENCE PRIME™ Everolimus Eluting Stent System")]),
    ("PHASE1", [("DEVICE", "Percutaneous Coronary Intervention (PCI) TAXUS Petal",
                 "TAXUS Petal, paclitaxel eluting stent")]),
    ("PHASE3", [("DEVICE", "IN.PACT Admiral",
                 "Angioplasty with a paclitaxel-coated PTA balloon catheter (3.5 µg/mm2)")]),
    ("PHASE2", [("DEVICE", "NOVA", "The NOVA stent is a sirolimus-eluting stent system")]),
    ("PHASE4", [("DEVICE", "BioMatrix Flex", "Polymer-free Biolimus A9-coated stent implanted in the lesion")]),
    ("PHASE3", [("DEVICE", "Central venous line", "A central venous catheter coated with minocycline and rifampin")]),
    ("PHASE3", [("DEVICE", "Zilver PTX", "A nitinol stent that elutes paclitaxel, implanted in the femoral artery")]),
    ("PHASE2", [("DEVICE", "PROPEL", "A mometasone furoate-eluting sinus implant placed at the end of surgery")]),
    ("PHASE2", [("DEVICE", "Pacing lead", "A dexamethasone-eluting pacing lead is implanted")]),
    ("PHASE3", [("DEVICE", "Spacer", "Gentamicin-loaded bone cement applied at revision surgery")]),
    ("PHASE4", [("PROCEDURE", "Everolimus-eluting stent implantation", None)]),
    ("PHASE4", [("PROCEDURE", "Percutaneous coronary intervention", "Implantation of a zotarolimus-eluting stent")]),
]

# (phase, interventions, the drug the message quotes): a drug given beside the device, or a drug's own product.
A_DRUG_ALL_THE_SAME = [
    ("PHASE4", [("PROCEDURE", "Percutaneous coronary intervention",
                 "A sirolimus-eluting stent, then clopidogrel 75 mg daily for 12 months")], "('clopidogrel')"),
    ("PHASE3", [("DEVICE", "Levonorgestrel-releasing intrauterine system", None)], "('Levonorgestrel-releasing')"),
    ("PHASE4", [("DEVICE", "Contraceptive implant", "An etonogestrel-releasing implant inserted in the upper arm")],
     "('etonogestrel-releasing')"),
    ("PHASE2", [("DEVICE", "TACE beads", "Doxorubicin-loaded beads given into the hepatic artery")],
     "('Doxorubicin-loaded')"),
    ("PHASE3", [("PROCEDURE", "Aspirin and a sirolimus-eluting stent", None)], "('Aspirin')"),
    ("PHASE4", [("DEVICE", "Bare metal stent", "A non-drug-eluting stent; bivalirudin given during the procedure")],
     "('bivalirudin')"),
    ("PHASE3", [("DEVICE", "Balloon", "A paclitaxel-coated balloon catheter; paclitaxel 80 mg/m2 infused weekly")],
     "('paclitaxel')"),
]


def _ids(cases: list[tuple]) -> list[str]:
    return [f"{c[1][-1][0]}:{c[1][-1][1]}"[:70] for c in cases]


@pytest.mark.parametrize("phase, interventions", HELD_BY_THE_DEVICE, ids=_ids(HELD_BY_THE_DEVICE))
def test_a_drug_its_device_holds_is_no_sign_the_type_is_wrong(phase, interventions):
    [found] = study_phase_drug_findings("NCT0", phase, interventions)
    assert "names a drug" not in found.message and found.message.endswith(PHASE_OR_TYPES), found.message


@pytest.mark.parametrize("phase, interventions, said", A_DRUG_ALL_THE_SAME, ids=_ids(A_DRUG_ALL_THE_SAME))
def test_a_drug_given_beside_a_device_or_a_drugs_own_product_is_named(phase, interventions, said):
    [found] = study_phase_drug_findings("NCT0", phase, interventions)
    assert said in found.message and found.message.endswith("its type may be what is wrong, not the phase."), \
        found.message


# (a description's phrase, the drug it names as given, or None): read phrase by phrase.
PHRASES = [
    ("XIENCE V® Everolimus Eluting Stent System", None),
    ("paclitaxel-coated PTA balloon catheter", None),
    ("stent eluting everolimus", None),
    ("a balloon coated with paclitaxel", None),
    ("chlorhexidine-silver sulfadiazine impregnated central venous catheter", None),
    ("heparin-bonded graft coated with rifampin", None),
    ("sirolimus-eluting bioresorbable vascular scaffold", None),
    ("Titanium coated stent", None),
    ("mometasone furoate-eluting sinus implant", None),
    ("Levonorgestrel-releasing intrauterine system", "Levonorgestrel-releasing"),
    ("dexamethasone-releasing implant", "dexamethasone-releasing"),
    ("Doxorubicin eluting beads", "Doxorubicin"),
    ("everolimus-eluting stent and clopidogrel given daily", "clopidogrel"),
    ("zotarolimus-eluting stent, then prasugrel 10 mg", "prasugrel"),
]


@pytest.mark.parametrize("text, named", PHRASES, ids=[p[0][:50] for p in PHRASES])
def test_a_drug_held_by_a_stent_balloon_catheter_or_implant_is_read_as_the_devices(text, named):
    assert named_drug(text, as_given=True) == named
