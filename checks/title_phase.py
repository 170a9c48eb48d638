"""The phase a study's title states against the phase the record gives.

ClinicalTrials.gov gives a trial's phase as data (`studies.phase`: 'PHASE2', 'PHASE1/PHASE2', 'EARLY_PHASE1', 'NA')
and its titles very often name it ("A Phase III, Randomized, Double-blind Study of ...", "Phase 1b/2 Trial of ...").
A data team that filters by phase gets the wrong trials when the two differ ("Phase III" with 'NA', "Phase I/II"
with 'PHASE2'). Only interventional studies are judged (an observational or expanded-access record has no phase),
and only one that gives a phase: an interventional study that gives none is missing_fields.no_phase's. A phase is
read as titles write it: "Phase-II", "Fase III" (as Spanish, Italian and Portuguese sponsors keep the word), a
Roman numeral before the word where a study word follows ("II Phase Clinical Trial"; not "Stage II Phase ..." nor
a count of periods, "a two-phase study"), a phase spelt out before a study word ("Phase Three, Randomized Study";
not "Phase One: Development", "Luteal Phase Two ...") and a range ("Phase I-III": phases 1, 2 and 3).

A title's phase is this study's unless the words about it say otherwise: a phase of another study ("extension of the
Phase 3 study", "rollover from phase 2 studies", "participants who completed a Phase 1 trial"), a project's stage
("Phase 2 of the ... programme"), or no trial phase at all ("Phase II cardiac rehabilitation", "phase II enzymes").
The phases of a study's parts ("Phase 1 dose escalation and phase 2 expansion", "Part A (Phase 1b) and Part B (Phase
2)", "Phase 2 (Part A) Followed by Randomized Phase 3 (Part B)", "A Phase 1 Study Followed by Phase 2 Expansion") are
its phases together; a title that names the whole study's phase besides ("A Phase 2 Study With a Phase 1b Safety
Run-in") is read by that, and is no near miss where its parts name the record's other phase. A title that names a
part's phase and the phase of the whole study it is a part of ("Phase 2 Part of a Phase 1/2 Study", "Phase 1 Lead-in
to a Phase 2 Trial", "Stage 2 (Phase 3) of a Seamless Phase 2/3 Trial") agrees with a record that gives either or
both, as the record may be the part or the whole; so does a title that names a trial's phase and the later phase it
was extended to ("A Randomized Phase II Trial of X. Amendment Protocol: Extension to a Randomized Phase III Trial",
"..., Extended to Phase III"), where an extension study's parent ("Extension Study to a Phase 3 Trial") is not this
study's. Subphases
(a, b, c) are their phase's; a combination the registry cannot give ("Phase Ib/III", "Phase 3b/4") agrees with any
of its phases. A title's one phase that is one of the record's two ("Phase II" with 'PHASE2/PHASE3') and Phase 1
against Early Phase 1 (the former Phase 0) are worth knowing but not plainly wrong: info. Where a subphase bridges
two phases as the registry's combination does ("Phase Ib" with 'PHASE1/PHASE2', "Phase IIb" with 'PHASE2/PHASE3')
the title stays quiet. A combination the registry gives registered as one of its phases ("Phase 1b/2" with 'PHASE2')
is a warning whose message names the registry's combined value: the registry defines Phase 1/Phase 2 for such a
trial, and a search for Phase 1 trials misses it.

A title is read in the modules beside this one: `title_phase_written` (how a title writes a phase),
`title_phase_context` (what the words around it make it), `title_phase_mentions` (the phases it names of this study),
`title_phase_disagreement` (against the record's), `title_phase_stages` (a project's stage),
`title_phase_interventions` (whether the trial tests no drug) and `title_phase_protocol_stages` (an observational
protocol's own stages, "Phase I: Patients undergo ... assessments").
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

import duckdb

from checks.rule import CheckScope, Finding, Rule
from checks.study_text import FIELD_LABELS, excerpt, rows_by_study, studies_with, texts_mentioning, texts_of_studies
from checks.title_phase_disagreement import (INFO, NO_PHASE, WARNING, combination_given_in_part, phase_said,
                                             registry_phases, stated_mentions, title_phase)
from checks.title_phase_interventions import (REGISTRY_EXAMPLES, lists_no_drug, tested_interventions,
                                               tested_without_a_product, tested_without_phases)
from checks.title_phase_mentions import title_mentions
from checks.title_phase_protocol_stages import protocol_stages
from checks.title_phase_stages import (appended_stage, heading_stage, names_a_stage, names_project_stages,
                                       stages_named)
from checks.title_phase_written import PHASE_WORDS, names_a_phase
from flows.parsers import LAYOUT_IDS, REGISTRY_LAYOUTS, entry_for

RULE_ID = "contradictions.title_phase_differs"
OBSERVATIONAL_RULE_ID = "contradictions.observational_title_phase"
# The phases only a trial has (0 is Early Phase 1); a Phase 4 title may name a post-marketing observational study.
TRIAL_PHASES = frozenset({0, 1, 2, 3})
TITLE_FIELDS = ("studies.official_title", "studies.brief_title")
# The texts that may define a title's phases as the protocol's own stages ("Phase I: Patients undergo ...").
DESCRIPTION_FIELDS = ("brief_summaries.description", "detailed_descriptions.description")
# The words for a phase (`PHASE_WORDS`) and the abbreviation "Ph" ("A Ph 2 Study", "Ph. II", "Ph1b/2"): the titles
# read.
TITLE_WORDS = PHASE_WORDS + ("ph",)
JUDGED_TYPES = ("INTERVENTIONAL",)
# The column that tells what an intervention is: a page may show its interventions by name alone.
TYPE_FIELD = "interventions.intervention_type"


def study_phase_findings(nct_id: str, titles: list[tuple[str, str]], phase: str | None,
                         without_phases: bool | str | None = False, drug_listed: bool = True,
                         types_shown: bool = True) -> Iterator[Finding]:
    """A finding when a title (`titles`: (field, text), official first) states this study's phase as other than
    the record's `phase`: a warning where a title plainly differs; info where a title only names one of the record's
    two phases or Phase 1 against Early Phase 1, and no other title states the phase the record gives. A record with
    a title that numbers a study of a project's stage ("... Phase II - 4") names no trial phase, nor does one that
    names a stage another title names as such ("Phase II of the ... Program") where the record gives N/A. Where the
    study is `without_phases` (it tests no drug: True, or what `tested_without_phases` calls its interventions; the
    registry asks N/A of such a trial), N/A against a title's phase is right by the registry's definition, so only
    info. Where the record gives N/A and lists no drug (not `drug_listed`: `lists_no_drug`), a phase a title names
    with the project's name in a parenthesis ("(FAR Phase 2)") is that project's stage, in every title, and a phase
    alone after a dash or a colon that ends a title ("... - Phase 2", "(EPIC WheelS): Phase 2"), or alone heading it
    before words that name no study or trial ("Phase 2: Using Biomarkers for ..."), is info: a project's stage is so
    named; where such a record gives a phase, a phase so appended is that stage, and no finding. Where the source
    does not show the interventions' types (not `types_shown`: a page whose layout or shape shows none), N/A against
    a title's phase is info too: whether the trial tests no drug, as the registry asks N/A of, is not shown."""
    given = registry_phases(phase)
    if given is None or any(names_project_stages(text) for _field, text in titles):
        return
    stages = stages_named(titles, drug_listed) if phase == NO_PHASE else frozenset()
    judged = [(field, text, found) for field, text in titles
              if (found := title_phase(text, given)) is not None and not names_a_stage(text, stages)]
    differs = [j for j in judged if j[2].severity == WARNING]
    if not differs and all(j[2].severity is not None for j in judged):
        differs = judged  # only near misses, and no title that agrees
    if not differs:
        return
    field, text, found = differs[0]
    if phase != NO_PHASE and not drug_listed and appended_stage(text, found):
        return
    label = FIELD_LABELS.get(field, field)
    named = " and ".join(f"'{p}'" for p in found.phrases)
    message = f"The {label} names this study's phase as {named}, while the record gives {phase_said(phase)}."
    combined = combination_given_in_part(found.phases, given)
    if combined:
        message = message[:-1] + f"; the registry gives a trial of both phases as {combined}."
    severity = found.severity
    if phase == NO_PHASE and without_phases:
        said = REGISTRY_EXAMPLES if without_phases is True else without_phases
        asked = (f"of a trial of {said} only" if said == REGISTRY_EXAMPLES
                 else f"of a trial that tests no drug, here {said} only")
        message = message[:-1] + f", as the registry asks {asked}."
        severity = INFO
    elif phase == NO_PHASE and not types_shown and severity == WARNING:
        message = message[:-1] + ("; the page shows no intervention types, so whether the trial tests no drug, as the "
                                  "registry asks N/A of, is not shown.")
        severity = INFO
    elif phase == NO_PHASE and not drug_listed and appended_stage(text, found):
        message = message[:-1] + ("; the title names it alone after a dash at its end, as a project's stage is named, "
                                  "and the record lists no drug.")
        severity = INFO
    elif phase == NO_PHASE and not drug_listed and heading_stage(text, found):
        message = message[:-1] + ("; the title names it alone at its start, before words that name no study or trial, "
                                  "as a project's stage is named, and the record lists no drug.")
        severity = INFO
    evidence = f"{field}: '{excerpt(text, found.start, found.end)}'; studies.phase='{phase}'"
    yield Finding(nct_id, message, evidence, (field, "studies.phase"), severity)


def _naming_a_phase(texts: dict[str, list]) -> dict[str, list]:
    """The studies of `texts` (StudyText by study) whose titles name a phase (`names_a_phase`): a title that holds
    "ph" in another word ("Pharmacokinetics", "Lymphoma") is not read, nor are its study's phase and interventions."""
    return {nct_id: found for nct_id, found in texts.items() if any(names_a_phase(t.text) for t in found)}


def title_phase_differs(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """An interventional study whose title names its phase as other than the phase the record gives."""
    # Only interventional studies are judged (most studies): the scope narrowed to them shares the reads.
    judged = CheckScope(scope.as_of, scope.nct_ids & studies_with(con, scope, "studies", "study_type", JUDGED_TYPES),
                        scope.cache)
    texts = _naming_a_phase(texts_mentioning(con, judged, TITLE_FIELDS, TITLE_WORDS))
    # Only the phases and interventions (type, name) of the studies whose titles name one become Python values.
    named = scope.of(texts)
    phases = rows_by_study(con, named, "studies", ("phase", "source_layout"))
    kinds = rows_by_study(con, named, "interventions", ("intervention_type", "name"))
    for nct_id in sorted(texts):
        rows = phases.get(nct_id)
        if not rows or len(rows) != 1:
            continue
        titles = [(t.field, t.text) for t in texts[nct_id]]
        tested = kinds.get(nct_id, [])
        without_phases = tested_without_phases(tested_interventions(tested)) or tested_without_a_product(tested)
        yield from study_phase_findings(nct_id, titles, rows[0][0], without_phases,
                                        not lists_no_drug(tested), shows_types(rows[0][1], tested))


def shows_types(layout: str | None, interventions: list[tuple]) -> bool:
    """Whether the study's source shows its interventions' types (type, name): a registry record does, a page only
    where its layout shows them (a trial-summary page shows no interventions) and the page read them (meddatax's
    compact page lists interventions by name alone, their types NULL)."""
    if layout is None or layout in REGISTRY_LAYOUTS or layout not in LAYOUT_IDS:
        return True
    return entry_for(layout).shows(TYPE_FIELD) and not any(kind is None for kind, _name in interventions)


# A title that itself names an observational design ("Retrospective Chart Review"), or research whose phases are not a
# trial's (biomarker, diagnostic and assay research number their own phases: "a Phase 2 biomarker validation study",
# "Phase 2 Clinical Validation of a Blood Test for Early Detection", "Sample Collection Study for Assay Development").
_OBSERVATIONAL_TITLE = re.compile(
    r"\b(?:observational|non-?interventional|biomarkers?|diagnostic|accuracy|cohort|registry|survey|case-?control"
    r"|cross-?sectional|epidemiolog\w*|natural\s+history|screening|surveillance|real[\s-]world|retrospective"
    r"|chart\s+review|validation|detection|assays?|specimens?|sample\s+collection)\b", re.I)


def observational_phase_findings(nct_id: str, titles: list[tuple[str, str]],
                                  texts: Iterable[str] = ()) -> Iterator[Finding]:
    """A finding when a title of a study registered as observational names this study's phase as a trial's, Early
    Phase 1 to Phase 3 ("A Phase I Dose-Finding Study"): the registry gives phases to interventional studies only,
    so the study type or the title is wrong. A Phase 4 in the title stays quiet: post-marketing studies that assign
    no intervention are registered as observational and often named so ("Phase IV Observational Study"). Nor does
    a title that itself names an observational design or biomarker, diagnostic or assay research, whose phases are
    its own ("A Phase 2, Prospective, Observational Study of Biomarkers"), nor a phase after "of", "in", "to" or
    "for", or before a trial's members, which an observational study's title gives the trial it studies ("Ancillary
    Study to a Phase 3 Trial", "Patients Who Received Drug X in a Phase 1 Trial", "Phase II Trial Participants").
    Nor does a title whose phases the record's `texts` define as its protocol's stages of procedures ("Phase I:
    Patients undergo fasting for ... endocrine assessments", `protocol_stages`), where no text names a phase as a
    trial's or a study's."""
    if any(names_project_stages(text) for _field, text in titles):
        return
    stages = protocol_stages(texts)
    for field, text in titles:
        if not names_a_phase(text) or _OBSERVATIONAL_TITLE.search(text):
            continue
        stated = stated_mentions(title_mentions(text, follows_another=True))
        phases = frozenset().union(*(m.phases for m in stated)) if stated else frozenset()
        if not phases or not phases <= TRIAL_PHASES or phases <= stages:
            continue
        named = " and ".join(f"'{p}'" for p in dict.fromkeys(" ".join(text[m.start:m.end].split()) for m in stated))
        message = (f"Study type is OBSERVATIONAL but the {FIELD_LABELS.get(field, field)} names this study's phase as "
                   f"{named}, which only an interventional study has.")
        evidence = (f"{field}: '{excerpt(text, stated[0].start, stated[-1].end)}'; "
                    "studies.study_type='OBSERVATIONAL'")
        yield Finding(nct_id, message, evidence, (field, "studies.study_type"))
        return


def observational_title_phase(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """A study registered as observational whose title names this study's phase as a trial's."""
    observational = scope.of(scope.nct_ids & studies_with(con, scope, "studies", "study_type", ("OBSERVATIONAL",)))
    texts = texts_mentioning(con, observational, TITLE_FIELDS, TITLE_WORDS)
    described = texts_of_studies(con, observational, DESCRIPTION_FIELDS, texts)
    for nct_id in sorted(texts):
        yield from observational_phase_findings(nct_id, [(t.field, t.text) for t in texts[nct_id]],
                                                described.get(nct_id, ()))


RULES = (
    Rule(RULE_ID, "contradiction", WARNING,
         "A title that names the study's phase ('A Phase III, Randomized ...') should agree with the phase the record "
         "gives: a data team filtering by phase gets the wrong trials when they differ. Read from the titles, so a "
         "warning; a title's one phase of the record's two, Phase 1 against Early Phase 1, and N/A for a trial that "
         "tests no drug (devices, behavioural interventions, radiotherapy or procedures, none named for a drug it "
         "gives, or other interventions and diagnostic tests that name no product), which the registry asks of it, "
         "are info, as is N/A on a page that shows no intervention types (whether the trial tests a drug is not "
         "shown there) and a phase alone after a dash ending the title of an "
         "N/A record that lists no drug, or alone heading it before words that name no study or trial ('Phase 2: "
         "Using Biomarkers for ...'; a project's stage is so named); a project's stage after its name in a "
         "parenthesis ('(FAR Phase 2)') in such a record is none.",
         TITLE_FIELDS + ("studies.phase",), func=title_phase_differs, in_worker=True),
    Rule(OBSERVATIONAL_RULE_ID, "contradiction", WARNING,
         "The registry gives phases to interventional studies only: an observational record whose title names the "
         "study's phase as a trial's ('A Phase I Dose-Finding Study') has the wrong study type or the wrong title, "
         "and a person must read which. Phase 4 stays quiet (post-marketing observational studies are often so "
         "named), as does a phase the record's text defines as its protocol's own stage of procedures ('Phase I: "
         "Patients undergo ... assessments').",
         TITLE_FIELDS + ("studies.study_type",) + DESCRIPTION_FIELDS, func=observational_title_phase,
         in_worker=True),
)
