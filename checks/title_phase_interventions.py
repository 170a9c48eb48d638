"""Whether a trial's interventions test no drug, as the registry asks N/A of: devices, behavioural interventions,
radiotherapy or procedures, none named for a drug it gives ("HIPEC", "Lutetium Lu 177 Dotatate", "Stem cell
transplantation"), and other interventions or diagnostic tests that name no product ("Use of virus genome sequence
report to inform infection prevention control procedures", "Body position change")."""
from __future__ import annotations

import re

from checks.drug_names import stem_drugs

# The intervention types the registry names as its examples of trials without phases, given N/A.
WITHOUT_PHASES = frozenset({"DEVICE", "BEHAVIORAL"})
# The registry's phases are a drug's (21 CFR 312.21): radiotherapy and procedures (surgery, a technique) test no drug
# either, so N/A is right for them too, unless one is named for a drug it gives. As a person reads each type.
NO_DRUG = {"RADIATION": "radiotherapy", "PROCEDURE": "procedures"}
KIND_SAID = {"DEVICE": "devices", "BEHAVIORAL": "behavioural interventions", **NO_DRUG}
REGISTRY_EXAMPLES = "devices or behavioural interventions"
# A radioactive drug, which has phases, as a radiotherapy or procedure may be named for it: an isotope with its mass
# number ("177Lu", "Lu-177", "I-131", "Lutetium Lu 177 Dotatate", "Radium-223"), or a radiolabelled or targeted agent
# ("Radioiodine", "radioligand therapy", "131I-MIBG", "PSMA-617", "FDG"), or the imaging that gives a radioactive
# tracer ("Bone scintigraphy", "SPECT", "PET-CT", "pet scan", "Ventilation-perfusion scan", "V/Q scan", "nuclear
# imaging"; not "Pet-assisted therapy").
_RADIOACTIVE_DRUG = re.compile(
    r"\b(?:\d{2,3}-?(?:lu|i|y|ra|sm|sr|ac|pb|ga|cu|tc|in|re|ho|f|zr|th)|(?:lu|i|y|ra|sm|sr|ac|pb|ga|cu|tc|in|re|ho|f|zr"
    r"|th)-\d{2,3})\b"
    r"|\b(?:lutetium|radium|yttrium|samarium|strontium|actinium|technetium|gallium|thorium|holmium|rhenium|zirconium"
    r"|iodine|mibg|dotatate|dotatoc|psma|fdg)\b"
    r"|\bradio(?:iodine|ligand|pharmac|label|immuno|nuclide|active|isotope|tracer)"
    r"|scintigra|\b(?:spect|v/?q)\b|\b(?-i:PET)\b|\bpet[\s/-]*(?:ct|mri?|scans?|imaging)\b|ventilation[\s/-]*perfusion"
    r"|\bnuclear\s+(?:imaging|scan|medicine)", re.I)
# A radiotherapy or procedure that gives a product, whose phases are the product's: "Chemoradiation",
# "Radiochemotherapy", "HIPEC", "Intrathecal chemotherapy", "Botulinum toxin injection", "Bladder instillation", a drug
# perfused into a limb or an organ ("Isolated limb perfusion with melphalan"), contrast given for imaging
# ("Contrast-enhanced ultrasound").
_GIVES_A_PRODUCT = re.compile(r"chemo|\b(?:hipec|pipac|infus|inject|instil)|perfusion\s+with\b"
                              r"|\bisolated\s+(?:limb|hepatic|liver|lung)\s+perfus|\bcontrast\b", re.I)
# A treatment that is drugs, as a procedure may be named: "Intensive medical therapy", "Optimal medical treatment",
# "Pharmacotherapy", "Medication" (a device so named is one about drugs: "Medication reminder app").
_DRUG_TREATMENT = re.compile(r"\b(?:medical|drug)\s+(?:therapy|treatment)|pharmacotherap|\bmedications?\b", re.I)
# A drug that a light or a beam activates: "Photodynamic therapy", "PDT", "BNCT with borofalan", "Boron neutron
# capture therapy".
_ACTIVATED_DRUG = re.compile(r"photodynamic|\b(?:pdt|bnct)\b|boron\s+neutron", re.I)
# Cells or microbiota given, a biological product: "Stem cell transplantation", "Bone marrow transplant", "Bone marrow
# aspirate concentrate", "Cord blood", "Islet transplantation", "HSCT", "Faecal microbiota transplantation", "FMT".
_CELLS_GIVEN = re.compile(r"stem[\s-]*cells?\b|\bmarrow\s+(?:transplant|cell|concentr|derived)|\bcord\s+blood"
                          r"|\bislets?\b|\b(?:hsct|bmt|bmac|fmt)\b|microbio\w*\s+transplant", re.I)


def gives_a_drug(name: str, as_treatment: bool = True) -> bool:
    """Whether a radiotherapy's or procedure's name says it gives a drug: a radioactive one, a product given, a drug a
    light or a beam activates, cells, or (`as_treatment`) drugs as the treatment itself."""
    given = (_RADIOACTIVE_DRUG, _GIVES_A_PRODUCT, _ACTIVATED_DRUG, _CELLS_GIVEN)
    return any(p.search(name) for p in given) or as_treatment and _DRUG_TREATMENT.search(name) is not None


# A comparison of care as usual, a waiting list or nothing, named as an "Other" intervention: "Treatment as Usual",
# "Usual care (UC)", "Wait-list control", "Waiting list", "No intervention", "Attention control". Beside a device or a
# behavioural intervention it is what that intervention is compared with, not what the trial tests (not "Standard
# care", which beside a procedure or radiotherapy may be the drugs compared with it).
_CARE_AS_USUAL = re.compile(
    r"\s*(?:(?:the|a)\s+)?(?:treatment[\s-]+as[\s-]+usual|usual[\s-]+(?:care|treatment|practice)|tau"
    r"|wait(?:ing)?[\s-]*list(?:ed)?|no[\s-]+(?:intervention|treatment)|attention[\s-]+control)"
    r"(?:\s*\((?:tau|uc|wl|wlc)\))?(?:[\s-]+(?:control|condition|group|arm|comparator))?[\s.]*", re.I)


def tested_interventions(interventions: list[tuple]) -> list[tuple]:
    """The interventions (type, name) a trial tests: an Other that is only care as usual, a waiting list or no
    intervention, beside devices or behavioural interventions, is what they are compared with, and is left out."""
    tested = [(kind, name) for kind, name in interventions
              if not (kind == "OTHER" and _CARE_AS_USUAL.fullmatch(name or ""))]
    return tested if tested and {kind for kind, _name in tested} <= WITHOUT_PHASES else list(interventions)


def tested_without_phases(interventions: list[tuple]) -> str | None:
    """What a person calls the interventions (type, name) of a trial that tests no drug, which the registry asks to
    give N/A: its examples, "devices or behavioural interventions", or the kinds tested ("radiotherapy", "devices
    and procedures"); None where none is listed, one may be a drug, or a radiotherapy or procedure gives one."""
    kinds = {kind for kind, _name in interventions}
    if not kinds or not kinds <= WITHOUT_PHASES | NO_DRUG.keys():
        return None
    if any(kind in NO_DRUG and gives_a_drug(name or "") for kind, name in interventions):
        return None
    if kinds <= WITHOUT_PHASES:
        return REGISTRY_EXAMPLES
    return " and ".join(said for kind, said in KIND_SAID.items() if kind in kinds)


# The intervention types that name no drug: the kinds tested without phases, and other interventions, diagnostic tests
# (a diet, usual care, a questionnaire). Not enough alone to call N/A right (an "Other" may be a product with phases),
# but a record listing only these names no drug that a title's phase could be.
NAMES_NO_DRUG = WITHOUT_PHASES | NO_DRUG.keys() | {"OTHER", "DIAGNOSTIC_TEST"}


def lists_no_drug(interventions: list[tuple]) -> bool:
    """Whether a record lists interventions (type, name) and none is a drug: each of a type in NAMES_NO_DRUG, and
    no radiotherapy or procedure named for a drug it gives."""
    return bool(interventions) and all(kind in NAMES_NO_DRUG for kind, _name in interventions) and not any(
        kind in NO_DRUG and gives_a_drug(name or "") for kind, name in interventions)


# The types the registry offers for what is neither a drug nor a device: "Other" and "Diagnostic Test".
OTHER_KINDS = {"OTHER": "other interventions", "DIAGNOSTIC_TEST": "diagnostic tests"}
# A product an "Other" or a diagnostic test may be named for, which may have phases: blood products, vaccines,
# supplements and foods, a pharmaceutical form, a dose, a drug, a medication or a placebo ("Convalescent plasma",
# "Vitamin D3 drops", "Probiotic capsules", "Saline 10 ml", "Placebo").
_A_PRODUCT = re.compile(
    r"\b(?:plasma|serum|sera|immunoglobulin|antibod|vaccin|vitamin|supplement|extract|probiotic|prebiotic|capsule"
    r"|tablet|pill|drops?\b|cream|gel\b|ointment|spray|solution|oil\b|juice|tea\b|powder|formula\b|drug|medicin"
    r"|medicat|placebo|saline|tracer|contrast|dose|dosing)|\d\s*(?:mg|mcg|µg|g|ml|iu)\b", re.I)
# Care given as usual or as standard, or a control, which may be the drugs a trial compares with ("Standard care",
# "Treatment as usual", "Standard of care", "Control", "Attention control group"; not "infection prevention control
# procedures"): it names no product, but may be one.
_CARE_OR_CONTROL = re.compile(r"\b(?:standard|usual|routine|conventional|current|best|optimal)\s+(?:of\s+)?"
                              r"(?:medical\s+)?(?:care|treatment|therapy|practice|management)|as[\s-]+usual"
                              r"|\b(?:tau|soc)\b|^\s*control\b|\bcontrol(?:\s+(?:group|arm|condition))?\s*$", re.I)


def tested_without_a_product(interventions: list[tuple]) -> str | None:
    """What a person calls the interventions (type, name) of a trial that lists, besides any of the kinds tested
    without phases, other interventions or diagnostic tests, none named for a product or a drug
    (`_A_PRODUCT`, a drug's name, `gives_a_drug`) nor care that may be drugs (`_CARE_OR_CONTROL`): "other
    interventions that name no product"; None otherwise."""
    kinds = {kind for kind, _name in interventions}
    if not kinds & OTHER_KINDS.keys() or not kinds <= WITHOUT_PHASES | NO_DRUG.keys() | OTHER_KINDS.keys():
        return None
    if any(gives_a_drug(name or "") or kind in OTHER_KINDS and (_A_PRODUCT.search(name or "") or stem_drugs(name)
                                                                or _CARE_OR_CONTROL.search(name or ""))
           for kind, name in interventions):
        return None
    said = [KIND_SAID[kind] for kind in KIND_SAID if kind in kinds]
    return " and ".join(said + [f"{OTHER_KINDS[kind]} that name no product" for kind in OTHER_KINDS if kind in kinds])
