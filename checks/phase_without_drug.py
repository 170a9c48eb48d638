"""A phase given to a trial that tests no drug.

The registry's phases are a drug's (21 CFR 312.21), and its definition of the Phase data element asks N/A for "trials
without FDA-defined phases, including trials of devices or behavioral interventions". A record that gives a phase
('PHASE2', 'PHASE1/PHASE2', 'EARLY_PHASE1') while every intervention it lists is a device, a behavioural
intervention or a procedure (`checks.title_phase_interventions.tested_without_phases`) puts a device or behavioural
trial among the drug trials of that phase for a data team that filters by phase. Only info: the NIH long called its
behavioural and surgical trials "phase III" in its own sense, and a device may carry the drug the trial tests. A
trial that lists radiotherapy is not judged: radiation oncology's trials are phased by the NCI's own usage ("A Phase
III Trial of Hypofractionated Radiotherapy"), which the registry accepts.

Quiet where the record may test a drug after all: an intervention of any other type (a drug, a biological, a dietary
supplement, a combination product, a genetic or diagnostic test, an "other"; radiotherapy, above), a procedure
named for a drug it gives ("HIPEC", "Botulinum toxin injection": `checks.title_phase_interventions.gives_a_drug`), a
device named for a drug it holds or delivers ("Zotarolimus-eluting stent", "Paclitaxel-coated balloon", "Insulin pump",
"Nicotine inhaler", "Lidocaine patch"), or a record that says it studies a drug the FDA regulates. A device named for
its own use stays a device ("Stent delivery system", "Breast pump", "Wearable ECG patch"). A title that names the same
phase changes nothing: it repeats the record's phase, and a title that names another is title_phase_differs'.

Where an intervention of these types names a drug all the same (`checks.drug_named_by_non_drug`: "erythropoietin,
recombinant" typed PROCEDURE, "Gonadorelin" typed BEHAVIORAL, a dose, "Tri-Luma®" applied once daily), the finding
stays info, and says that intervention's type may be what is wrong rather than the phase; elsewhere it says the
phase or the interventions' types are wrong, not that N/A is the only way out. A drug a device holds and releases
("XIENCE V" described as an "Everolimus Eluting Stent System", a "paclitaxel-coated balloon") is the device's, in a
combination product the device leads: it is no sign that the device's type is wrong.
"""
from __future__ import annotations

import re
from typing import Iterator

import duckdb

from checks.drug_named_by_non_drug import drug_typed_otherwise
from checks.drug_names import stem_drugs
from checks.rule import CheckScope, Finding, Rule
from checks.study_text import rows_by_study, studies_with, texts_of_studies
from checks.title_phase import JUDGED_TYPES
from checks.title_phase_disagreement import COMBINATIONS, INFO, REGISTRY_PHASES, phase_said, registry_phases
from checks.title_phase_interventions import (NO_DRUG, REGISTRY_EXAMPLES, WITHOUT_PHASES, gives_a_drug,
                                              tested_without_phases)

RULE_ID = "contradictions.phase_without_drug"
# The values a record gives its phase by, but N/A ('PHASE2', 'PHASE1/PHASE2'): only records that give one are read.
GIVEN_PHASES = tuple(REGISTRY_PHASES) + tuple("/".join(f"PHASE{p}" for p in sorted(c)) for c in COMBINATIONS)
# The intervention types given phases by their field's own usage: a record that lists one is not judged.
PHASED_BY_USAGE = frozenset({"RADIATION"})
# The intervention types of a trial that may test no drug (`tested_without_phases` reads them): only records that list
# one are read.
NO_DRUG_TYPES = tuple(sorted(WITHOUT_PHASES | NO_DRUG.keys() - PHASED_BY_USAGE))
FIELDS = ("studies.phase", "interventions.intervention_type")
# The record's texts that may write the product an intervention's name is under its registered mark ("Tri-Luma®").
MARK_FIELDS = ("studies.brief_title", "studies.official_title", "brief_summaries.description")
# How a person reads one intervention of each type, in the order a message names them: "a device or a procedure".
ONE_SAID = {"DEVICE": "a device", "BEHAVIORAL": "a behavioural intervention", "PROCEDURE": "a procedure"}
# How many interventions the evidence names, and how much of each name.
NAMED_INTERVENTIONS = 4
NAME_CHARS = 60

# A device that holds a drug and releases or delivers it, whatever drug it names: "Drug-eluting stent", "Zotarolimus
# eluting stent", "Paclitaxel-coated balloon", "Antibiotic-impregnated shunt", "Heparin-bonded graft", an inhaler or a
# nebuliser, a transdermal system, an auto-injector, a prefilled syringe.
_HOLDS_A_DRUG = re.compile(
    r"elut(?:ing|ion)|(?:drug|medicat\w*|antibiotic|antimicrobial|antiseptic|steroid|heparin|\w+(?:limus|taxel))"
    r"[\s-]*(?:coated|impregnated|loaded|releasing|bonded)|\binhal|nebuli[sz]|transdermal|auto-?injector"
    r"|pre-?filled\s+(?:syringe|pen)", re.I)
# A word for a drug in a device's name: "drug", "medication", and the drugs devices are made to give ("Insulin pump",
# "Nicotine patch", "Intrathecal baclofen pump", "Opioid infusion", "Oxytocin", "Hormone-releasing implant").
_DRUG_WORD = re.compile(r"\b(?:drugs?|medicat\w*|insulin|nicotine|baclofen|morphine|opioids?|analges\w*"
                        r"|an(?:a|ae)?esthe\w*|hormon\w*|antibiotics?|steroids?|oxytocin)\b", re.I)
# What holds or gives a drug named beside it: "Insulin pump", "Smart insulin pen", "Nicotine patch", "Drug delivery
# system", "Medicated dressing", "Steroid implant", "Drug reservoir" (not "medication reminder app").
_CARRIER = re.compile(r"\b(?:pumps?|pens?|patch(?:es)?|implants?|inserts?|deliver\w*|reservoirs?|depots?|dressings?"
                      r"|plugs?|rings?|iontophor\w*|sprays?)\b|medicated", re.I)


def holds_a_drug(name: str) -> bool:
    """Whether a device's name says it holds or delivers a drug: a drug-eluting or drug-coated device, an inhaler, a
    transdermal system or an auto-injector, or a pump, pen, patch, implant or delivery system named with a drug
    ("Insulin pump", "Lidocaine patch"), or a device named for a product it gives ("Botulinum toxin injection")."""
    if _HOLDS_A_DRUG.search(name) or gives_a_drug(name, as_treatment=False):
        return True
    return _CARRIER.search(name) is not None and (_DRUG_WORD.search(name) is not None or bool(stem_drugs(name)))


def tests_no_drug(interventions: list[tuple]) -> str | None:
    """What a person calls the interventions (type, name) of a trial that tests no drug (`tested_without_phases`),
    or None where one may be a drug, give one, be a device that holds one, or be radiotherapy."""
    said = tested_without_phases(interventions)
    if said is None or any(kind == "DEVICE" and holds_a_drug(name or "") or kind in PHASED_BY_USAGE
                           for kind, name in interventions):
        return None
    return said


def _short(name: str) -> str:
    """An intervention's name as a message or evidence quotes it: spaces joined, the first NAME_CHARS."""
    return " ".join(name.split())[:NAME_CHARS]


def _listed(interventions: list[tuple]) -> str:
    """The interventions as evidence: each one's type and name, the first few."""
    named = [f"{kind} '{_short(name or '')}'" for kind, name in
             interventions[:NAMED_INTERVENTIONS]]
    more = len(interventions) - NAMED_INTERVENTIONS
    return "; ".join(named) + (f"; and {more} more" if more > 0 else "")


def study_phase_drug_findings(nct_id: str, phase: str | None, interventions: list[tuple],
                              regulated_drug: bool | None = None, texts: tuple = ()) -> Iterator[Finding]:
    """A finding when the record gives a phase (`phase`, not N/A) while every intervention it lists (type, name and
    optionally description) is of a kind tested without phases and none gives or holds a drug, unless the record
    says it studies a drug the FDA regulates (`regulated_drug`). Where one names a drug (`drug_typed_otherwise`,
    also under a mark in the record's `texts`), the message says its type may be what is wrong."""
    if not registry_phases(phase) or regulated_drug:
        return
    typed = [(row[0], row[1]) for row in interventions]
    said = tests_no_drug(typed)
    if said is None:
        return
    kinds = {kind for kind, _name in typed}
    which = " or ".join(one for kind, one in ONE_SAID.items() if kind in kinds)
    evidence = f"studies.phase='{phase}'; interventions.intervention_type: {_listed(typed)}"
    drug = drug_typed_otherwise([(*row, None)[:3] for row in interventions], texts)
    if drug is None:
        if said != REGISTRY_EXAMPLES:
            which += ", none named for a drug it gives"
        message = (f"The record gives {phase_said(phase)} while every intervention it lists is {which}; the registry "
                   "asks N/A of a trial without FDA-defined phases: either the phase is wrong or the interventions' "
                   "types are.")
    else:
        kind, name, named = drug
        given = " if it gives the drug," if kind == "DEVICE" else ""
        message = (f"The record gives {phase_said(phase)} while every intervention it lists is {which}, but "
                   f"'{_short(name)}' names a drug ('{named}') typed as {ONE_SAID[kind]}:{given} its type may be what "
                   "is wrong, not the phase.")
        evidence += f"; {kind} '{_short(name)}' names a drug: '{named}'"
    yield Finding(nct_id, message, evidence)


def phase_without_drug(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """An interventional study that gives a phase while every intervention it lists tests no drug."""
    read = (studies_with(con, scope, "studies", "study_type", JUDGED_TYPES)
            & studies_with(con, scope, "studies", "phase", GIVEN_PHASES)
            & studies_with(con, scope, "interventions", "intervention_type", NO_DRUG_TYPES))
    judged = scope.of(scope.nct_ids & read)
    studies = rows_by_study(con, judged, "studies", ("phase", "is_fda_regulated_drug"))
    listed = rows_by_study(con, judged, "interventions", ("intervention_type", "name", "description"))
    found = [n for n in sorted(judged.nct_ids) if _gives_a_phase_testing_no_drug(studies.get(n), listed.get(n, []))]
    texts = texts_of_studies(con, judged, MARK_FIELDS, found)
    for nct_id in found:
        [(phase, regulated_drug)] = studies[nct_id]
        yield from study_phase_drug_findings(nct_id, phase, listed[nct_id], regulated_drug,
                                             tuple(texts.get(nct_id, ())))


def _gives_a_phase_testing_no_drug(rows: list[tuple] | None, interventions: list[tuple]) -> bool:
    """Whether a study's one row (phase, FDA-regulated drug) and interventions (type, name, description) make a
    finding: a phase given, no regulated drug said, and interventions that test no drug."""
    if not rows or len(rows) != 1 or not registry_phases(rows[0][0]) or rows[0][1]:
        return False
    return tests_no_drug([(row[0], row[1]) for row in interventions]) is not None


RULES = (
    Rule(RULE_ID, "contradiction", INFO,
         "The registry's phases are a drug's: it asks N/A of a trial without FDA-defined phases, 'including trials of "
         "devices or behavioral interventions'. A record that gives a phase while every intervention it lists is a "
         "device, a behavioural intervention or a procedure (none named for a drug it gives or holds) "
         "is found among drug trials of that phase: either the phase is wrong or the interventions' types are. "
         "Where one of them names a drug, a dose or a product under its mark, the message says its type may be what "
         "is wrong; a drug an eluting or coated stent, balloon, catheter or implant holds is the device's, no such "
         "sign. Info: the NIH long called such trials 'phase III' in its own sense, and a device may carry the "
         "drug tested.",
         FIELDS, func=phase_without_drug, in_worker=True),
)
