"""A trial of drugs or biologicals that gives its phase as N/A (the reverse of contradictions.phase_without_drug).

The registry's phases are a drug's (21 CFR 312.21), and its definition of the Phase data element keeps N/A for
"trials without FDA-defined phases, including trials of devices or behavioral interventions". A record that gives
N/A while what it tests is a drug or a biological ('Remdesivir', 'Tocilizumab', 'Cholecalciferol' against placebo)
is left out by a data team that selects drug trials by phase: either the phase is wrong (a marketed drug's trial
is Phase 4, a new use's the phase of that use) or the interventions' types are (a contact-lens solution or a dental
material typed DRUG is a device).

Only info: a study may use a marketed drug as a tool or in a strategy of care, which its sponsor may leave unphased,
and this reading cannot tell those from drug trials. Read only where every intervention is a drug, a biological, a
dietary supplement or an "other" (usual care, a control): a device, procedure, behavioural, radiation, diagnostic-test,
genetic or combination-product intervention beside the drug may be what is tested, the drug its background
("Drug used for analgesia procedures" beside two epidural regimens, nicotine patches in a behavioural programme). Not
counted as tested: a placebo, saline or vehicle, usual or standard care typed DRUG, a sample collected or a test made
("Blood sample", "Nasopharyngeal swabs", "Serological test", typed BIOLOGICAL). A blood product (convalescent plasma
or antibodies, a transfusion, a platelet lysate), whose phasing the registry's users read both ways, leaves the record
unread, as the drugs beside it may be its control's usual care. A dietary supplement alone, or beside "other", is no
drug trial here. Nor is a study whose primary purpose is basic science, diagnosis, screening or health services
research, which may give a drug as a tool (a lipid infusion in a physiology experiment, a dye or tracer for imaging,
sildenafil given to see its effect on a lung function test) or in a strategy of care, nor one whose title names
compassionate use, a treatment IND, expanded or continued access, or a rollover from earlier trials, which the
registry does not phase. A drug row that names radiotherapy or surgery beside the drug is a strategy, not tested, and
so is a regimen linked to every arm where the arms differ in something else (a non-drug intervention linked to some
arms, or what follows an opening sentence every arm's description states word for word): supervised against
self-given therapy, rehabilitation added to an injection both cohorts get.
"""
from __future__ import annotations

import re
from typing import Iterator

import duckdb

from checks.rule import CheckScope, Finding, Rule
from checks.study_text import rows_by_study, studies_with

RULE_ID = "contradictions.phase_na_with_drug"
FIELDS = ("studies.phase", "interventions.intervention_type", "designs.primary_purpose")
# The intervention types a record's tested drug is of.
DRUG_TYPES = ("DRUG", "BIOLOGICAL")
# The types that may stand beside the drugs of a drug trial: its controls, usual care and supplements.
BESIDE_A_DRUG = frozenset(DRUG_TYPES) | {"DIETARY_SUPPLEMENT", "OTHER"}
# A blood product, whose phasing the registry's users read both ways: "Convalescent plasma", "Antibodies obtained from
# convalescent patients", "Red blood cell transfusion", "Nebulized platelet lysate".
_BLOOD_PRODUCT = (r"\bplasma\b|\bconvalescent\b|\bhyperimmune\b|\btransfus\w*|\bplatelets?\b"
                  r"|\bblood\s+(?:products?|components?|cells?)\b|\bred\s+cells?\b")
BLOOD_PRODUCT = re.compile(_BLOOD_PRODUCT, re.I)
# A DRUG or BIOLOGICAL row that is no product tested: a placebo, a diluent or vehicle given as control, usual care or
# a control ("Conventional medicines", "Standard Allergic Rhinitis Treatment", "Negative Control Toothpaste"), a sample
# collected, a test or a measurement made ("Blood sample", "Nasopharyngeal swab", "Serological test", "Biological
# test", "Stool collection", "Biopsy", "Characterisation of immunoglobulin subclasses"), or a strategy
# that names radiotherapy or surgery beside the drugs ("Chemotherapy with or without radiotherapy").
_NOT_TESTED = re.compile(
    r"\bplacebos?\b|\bsaline\b|\bsodium\s+chloride\b|\bnacl\b|\bvehicle\b|\bsham\b|\bdummy\b"
    r"|\b(?:standard|usual|conventional|routine|current|best)\s+(?:[\w-]+\s+){0,3}?(?:care|treatment|therapy"
    r"|practice|management|medicines?|medications?|drugs?)\b|\bsymptomatic\s+(?:drugs?|treatment|therapy)\b"
    r"|\bno\s+(?:drug|treatment)\b|\bcontrols?\b"
    r"|\bsamples?\b|\bsampling\b|\bspecimens?\b|\bswabs?\b|\bcollections?\b|\btests?\b|\bassays?\b|\bsero\w*"
    r"|\bserum\b|\bbiops\w*|\bstools?\b|\burine\b|\bsaliva\b|\bblood\b"
    r"|\bcharacteri[sz]ation\b|\bmeasurements?\b|\bradio\w*|\bradiation\b|\bsurg\w*", re.I)
# A title that names a programme giving a drug outside a trial's phases: compassionate use, a treatment IND, expanded
# or continued access, a rollover for patients of earlier trials.
_ACCESS_TITLE = re.compile(r"\bcompassionate\b|\btreatment\s+IND\b|\bexpanded\s+access\b|\bcontinued\s+access\b"
                           r"|\broll[\s-]?over\b", re.I)
# The primary purposes of a study that may use a drug as a tool, not test it: a physiology experiment ("20% lipid
# infusion" to study muscle metabolism, "Naltrexone" to study social connection), a diagnostic procedure (a tracer,
# a dye, "Oral sildenafil" given to see its effect on a lung function test) or a strategy of care.
TOOL_PURPOSES = frozenset({"BASIC_SCIENCE", "DIAGNOSTIC", "SCREENING", "HEALTH_SERVICES_RESEARCH"})
NAMED_INTERVENTIONS = 4
NAME_CHARS = 60


def drugs_tested(interventions: list[tuple], background: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """The drugs and biologicals (type, name) a trial whose interventions are `interventions` (type, name) tests:
    none where another kind of intervention or a blood product stands beside them (either may be what is tested),
    nor a placebo, usual care or a sample, nor a regimen every arm shares (`background`, names as `name_key` spells
    them)."""
    if not interventions or any(kind not in BESIDE_A_DRUG or BLOOD_PRODUCT.search(name or "")
                                for kind, name in interventions):
        return []
    return [(kind, name) for kind, name in interventions
            if kind in DRUG_TYPES and name and not _NOT_TESTED.search(name) and name_key(name) not in background]


def name_key(name: str | None) -> str:
    """An intervention's or an arm's name as links match it: lower case, runs of white space made single."""
    return " ".join((name or "").lower().split())


# A regimen linked to every one of two or more arms is their background, not what is tested, where the arms differ in
# something else: a non-drug intervention linked to some arms only ("Rehabilitation Therapy" beside the botulinum toxin
# both cohorts get; a probiotic supplement beside the triple therapy of both arms), or what each arm's description says
# after an opening sentence every arm's states word for word ("Oral FTC/TDF+LPV/rtv or TDF+ZDV+LPV/rtv for 52 weeks."
# then "Modified directly observed therapy ..." or "Self-administration ...", NCT00608569). A placebo every arm gets
# is a crossover's, whose arms differ in order.
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z(])|\n")
_PLACEBO = re.compile(r"\bplacebos?\b|\bsham\b|\bdummy\b|\bvehicle\b", re.I)


def shared_regimen(interventions: list[tuple], arms: list[tuple]) -> frozenset[str]:
    """The interventions (names as `name_key` spells them) linked to every one of the arms (description, linked
    names) where the arms differ in a non-drug intervention or after one opening sentence; none otherwise."""
    linked = [set(names) for _description, names in arms]
    if len(linked) < 2 or not (every := set.intersection(*linked)) or any(_PLACEBO.search(n) for n in every):
        return frozenset()
    some = set.union(*linked) - every
    others = {name_key(name) for kind, name in interventions
              if kind not in DRUG_TYPES and name and not _NOT_TESTED.search(name)}
    if others & some or _differ_after_one_opening([description for description, _names in arms]):
        return frozenset(every)
    return frozenset()


def _differ_after_one_opening(descriptions: list[str | None]) -> bool:
    """Whether every description opens with the same sentence and goes on, each differently."""
    parts = [_SENTENCE_END.split((description or "").strip(), maxsplit=1) for description in descriptions]
    openings = {name_key(part[0]) for part in parts}
    rests = [name_key(part[1]) if len(part) > 1 else "" for part in parts]
    return len(openings) == 1 and "" not in openings and all(rests) and len(set(rests)) == len(rests)


def _short(name: str) -> str:
    """An intervention's name as a message or evidence quotes it: spaces joined, the first NAME_CHARS."""
    return " ".join(name.split())[:NAME_CHARS]


def study_phase_na_findings(nct_id: str, phase: str | None, interventions: list[tuple], purpose: str | None = None,
                            titles: tuple = (), arms: list[tuple] = ()) -> Iterator[Finding]:
    """A finding when the record gives phase N/A (`phase` 'NA') while the drugs or biologicals it lists (type,
    name) are what it tests (`drugs_tested`, but for a regimen its arms (description, linked names) share:
    `shared_regimen`), unless its primary purpose (`purpose`) may use them as tools or a title (`titles`) names
    compassionate use, a treatment IND, expanded or continued access or a rollover."""
    if phase != "NA" or purpose in TOOL_PURPOSES or any(_ACCESS_TITLE.search(t or "") for t in titles):
        return
    if not (drugs := drugs_tested(interventions, shared_regimen(interventions, list(arms)))):
        return
    named = ", ".join(f"'{_short(name)}'" for _kind, name in drugs[:NAMED_INTERVENTIONS])
    more = len(drugs) - NAMED_INTERVENTIONS
    named += f" and {more} more" if more > 0 else ""
    kinds = " or ".join(dict.fromkeys("a drug" if kind == "DRUG" else "a biological" for kind, _name in drugs))
    message = (f"The record gives phase N/A while what it tests is {kinds} ({named}); the registry keeps N/A for "
               "trials without FDA-defined phases, such as device or behavioural trials: either the phase is wrong or "
               "the interventions' types are.")
    listed = "; ".join(f"{kind} '{_short(name or '')}'" for kind, name in interventions[:NAMED_INTERVENTIONS])
    extra = len(interventions) - NAMED_INTERVENTIONS
    evidence = (f"studies.phase='NA'; interventions.intervention_type: {listed}"
                + (f"; and {extra} more" if extra > 0 else ""))
    yield Finding(nct_id, message, evidence)


def phase_na_with_drug(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """An interventional study that gives phase N/A while what it tests is a drug or a biological."""
    read = (studies_with(con, scope, "studies", "study_type", ("INTERVENTIONAL",))
            & studies_with(con, scope, "studies", "phase", ("NA",))
            & studies_with(con, scope, "interventions", "intervention_type", DRUG_TYPES))
    judged = scope.of(scope.nct_ids & read)
    listed = rows_by_study(con, judged, "interventions", ("intervention_type", "name"))
    designs = rows_by_study(con, judged, "designs", ("primary_purpose",))
    titles = rows_by_study(con, judged, "studies", ("brief_title", "official_title"))
    groups = rows_by_study(con, judged, "design_groups", ("title", "description"))
    links = rows_by_study(con, judged, "design_group_interventions", ("design_group", "intervention"))
    for nct_id in sorted(judged.nct_ids):
        purposes = {purpose for (purpose,) in designs.get(nct_id, [])}
        purpose = purposes.pop() if len(purposes) == 1 else None
        study_titles = tuple(t for row in titles.get(nct_id, []) for t in row)
        arms = _arms(groups.get(nct_id, []), links.get(nct_id, []))
        yield from study_phase_na_findings(nct_id, "NA", listed.get(nct_id, []), purpose, study_titles, arms)


def _arms(groups: list[tuple], links: list[tuple]) -> list[tuple[str | None, frozenset[str]]]:
    """A study's arms as their descriptions and the names of the interventions linked to each (as `name_key`
    spells them)."""
    linked: dict[str, set[str]] = {}
    for group, intervention in links:
        linked.setdefault(name_key(group), set()).add(name_key(intervention))
    return [(description, frozenset(linked.get(name_key(title), ()))) for title, description in groups]


RULES = (
    Rule(RULE_ID, "contradiction", "info",
         "The registry's phases are a drug's: it keeps N/A for 'trials without FDA-defined phases, including trials "
         "of devices or behavioral interventions'. A record that gives N/A while every intervention it lists is a "
         "drug, a biological, a supplement or a control, and a drug or biological (not a placebo, usual care or a "
         "sample) is tested, is missed by a data team that selects drug trials by phase: either the phase is wrong "
         "or the interventions' types are. A regimen every arm gets while the arms differ in something else is their "
         "background, not tested. Not read beside a blood product, nor in a basic-science, diagnostic, "
         "screening or health-services study, which may give a drug as a tool, nor in a compassionate-use, "
         "treatment-IND, access or rollover programme. Info: a marketed drug given in a "
         "strategy of care may be left unphased, which this reading cannot tell.",
         FIELDS, func=phase_na_with_drug, in_worker=True),
)
