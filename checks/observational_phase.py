"""Rule contradictions.observational_phase_given: an observational record that gives a trial's phase.

ClinicalTrials.gov asks a study's phase (`studies.phase`) of interventional studies only; an observational study's
phase is 'N/A' or absent. A record typed OBSERVATIONAL that gives PHASE1, PHASE2, PHASE3, PHASE4 (or a combination)
or EARLY_PHASE1 has the wrong type (a trial registered as observational: "Safety of Three Formulations of ...
Administered for 14 Days") or a phase the registry does not define for it ("Clinical and Genetic Study of
Neurodegenerative Disorders" as Phase 1): a data team that selects trials by phase gets observational studies, and
one that selects observational studies counts trials. A person must read which is wrong. Phase 4 is info: sponsors
give it to post-marketing observational studies of an approved drug ("An Observational Study of the Safety and
Effectiveness of Galantamine"), where the phase says when the drug is studied. A record whose title names this
study's phase is contradictions.observational_title_phase's (the same disagreement, read from the title), and is not
flagged again here. A record of no study type (a field-selected extract) is not read.
"""
from __future__ import annotations

from typing import Iterator

import duckdb

from checks.rule import CheckScope, Finding, Rule
from checks.study_text import rows_by_study, studies_with
from checks.title_phase import TITLE_FIELDS, observational_phase_findings

RULE_ID = "contradictions.observational_phase_given"
WARNING, INFO = "warning", "info"
# The phases of no trial: what an observational record may give.
NO_TRIAL_PHASE = (None, "", "NA", "N/A")
# Phases given to post-marketing observational studies of approved drugs.
POST_MARKETING = ("PHASE4",)


def study_observational_phase_findings(nct_id: str, phase: str | None,
                                       titles: list[tuple[str, str | None]]) -> Iterator[Finding]:
    """A finding when an observational record (`phase`, `titles`: (field, text)) gives a trial's phase, unless its
    title names the study's phase (observational_title_phase flags that)."""
    if phase in NO_TRIAL_PHASE or phase.strip().upper() in NO_TRIAL_PHASE:
        return
    if any(observational_phase_findings(nct_id, [(field, text) for field, text in titles if text])):
        return
    info = phase in POST_MARKETING
    message = (f"Study type is OBSERVATIONAL but the record gives phase {phase}, which only an interventional study "
               + ("has; observational records often give Phase 4 loosely." if info
                  else "has: the study type or the phase is wrong."))
    evidence = f"studies.study_type='OBSERVATIONAL'; studies.phase='{phase}'"
    yield Finding(nct_id, message, evidence, severity=INFO if info else WARNING)


def observational_phase_given(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """An observational record gives a trial's phase (PHASE1 to PHASE4, EARLY_PHASE1)."""
    observational = scope.of(scope.nct_ids & studies_with(con, scope, "studies", "study_type", ("OBSERVATIONAL",)))
    columns = ("phase",) + tuple(field.split(".")[1] for field in TITLE_FIELDS)
    rows = rows_by_study(con, observational, "studies", columns)
    for nct_id in sorted(rows):
        if len(rows[nct_id]) != 1:
            continue
        phase, *titles = rows[nct_id][0]
        yield from study_observational_phase_findings(nct_id, phase, list(zip(TITLE_FIELDS, titles)))


RULES = (
    Rule(RULE_ID, "contradiction", WARNING,
         "The registry asks the phase of interventional studies only: an observational record that gives PHASE1 to "
         "PHASE3 or EARLY_PHASE1 has the wrong study type or a phase it should not give, and a person must read "
         "which (a warning); PHASE4 is info, as sponsors give it to post-marketing observational studies of an "
         "approved drug. A record whose title names the study's phase is left to observational_title_phase.",
         ("studies.study_type", "studies.phase"), func=observational_phase_given, in_worker=True),
)
