"""Defects of every class of the check catalogue put into real registry records and shown as each site shows the
study: a defect a page shows is flagged by the same rule, at the same severity, as when the record itself is loaded,
and adds no flag the unchanged page lacks.

The defects are those of tests/checks/test_injected_defects_found_at_their_severity.py (several real forms of each
class, put into seven records of the shared corpus). Each changed record, and each record unchanged, is loaded as the
registry gives it and as a clincosm page, a meddatax page (labelled and compact) and a trial-summary page show it
(tests/parsers/*_render.py), every page read by its layout's reader; every rule runs once over the one warehouse. Where
the page reads otherwise than the record, the table says why:
(b) the rule judges ClinicalTrials.gov's own layouts only, or (c) the page does not show what the rule reads (a
layout's CARRIES). Any other difference fails: (a) the reader lost or misread what the page shows, or (d) a flag the
page gives only because of how it reads.
"""
from __future__ import annotations

import pytest

from tests.checks.injected_defects import chosen_records
from tests.checks.page_defects import LAYOUTS, REGISTRY, judged, new_findings
from tests.checks.test_injected_defects_found_at_their_severity import (
    ACTUAL, BLINDED, CRITERIA_AGE, CRITERIA_SEX, DOSE, DRUG, DUPLICATE_ARM, DUPLICATE_CRITERION, ENDED_AHEAD, ERROR,
    INFO, INJECTED, KEPT, LATE, NO_PRIMARY, NO_REASON, NO_TIME_FRAME, OPEN_ACTUAL, OPEN_LABEL, OVERDUE,
    RANDOMIZED_TEXT, REGISTERED, SEVERAL_ARMS, TITLE_PHASE, VERIFIED, WARNING, WITHDRAWN)
from tests.shared_corpus import needs_corpus

pytestmark = needs_corpus

CLINCOSM, MEDDATAX, COMPACT, SUMMARY = "clincosm", "meddatax", "meddatax compact", "trial-summary"
AGGREGATOR = (MEDDATAX, COMPACT)
COMPLETED_REASON = "status.completed_with_reason_stopped"
NO_CRITERIA = "missing_fields.no_eligibility_criteria"
NO_COMPLETION = "missing_fields.no_completion_date"
REFUSED = "invalid_values.refused_value"
HEADER = "contradictions.header_metrics_differ"
# The meddatax compact page's load problem where its arms and interventions can be read more than one way (none read).
ARMS_UNDECIDED = "unreadable section: names and descriptions undecided"
ARM_RULES = frozenset({DUPLICATE_ARM, DOSE, SEVERAL_ARMS})

# Rules no page of a layout feeds, and why: (b) the rule judges the registry's own layouts only, though the page may
# show what it reads; (c) the page does not show what the rule reads.
REGISTRY_ONLY = {
    NO_TIME_FRAME: "(b) protocol.outcome_without_time_frame judges the registry's layouts only",
    LATE: "(c) no page shows when the record was first submitted",
    OVERDUE: "(c) no page carries the registry's timeline (submissions, results sent for review)",
}
# What neither meddatax page shows: posting and verification dates, date types, outcomes.
AGGREGATOR_UNSHOWN = {
    REGISTERED: "(c) the page shows no first posting", VERIFIED: "(c) the page shows no verification date",
    OPEN_ACTUAL: "(c) the page shows no date's type", KEPT: "(c) the page shows no date's type",
    ACTUAL: "(c) the page shows no date's type", NO_PRIMARY: "(c) the page shows no outcomes",
    DRUG: "(c) the page shows no outcomes (each case names the drug in an outcome)",
}
# What a trial-summary page does not show besides: the last update, arms, interventions, criteria.
SUMMARY_UNSHOWN = {
    **AGGREGATOR_UNSHOWN, ENDED_AHEAD: "(c) the page shows no last update",
    DUPLICATE_ARM: "(c) the page shows no arms", DOSE: "(c) the page shows no arms or interventions",
    SEVERAL_ARMS: "(c) the page shows no arms", DUPLICATE_CRITERION: "(c) the page shows no criteria",
    CRITERIA_SEX: "(c) the page shows no criteria", CRITERIA_AGE: "(c) the page shows no criteria",
    NO_CRITERIA: "(c) the page shows no criteria",
}
# What the compact meddatax page does not show besides: why a study stopped.
COMPACT_UNSHOWN = {NO_REASON: "(c) the compact page shows no reason why a study stopped",
                   COMPLETED_REASON: "(c) the compact page shows no reason why a study stopped"}
UNJUDGED = {CLINCOSM: REGISTRY_ONLY, MEDDATAX: {**REGISTRY_ONLY, **AGGREGATOR_UNSHOWN},
            COMPACT: {**REGISTRY_ONLY, **AGGREGATOR_UNSHOWN, **COMPACT_UNSHOWN},
            SUMMARY: {**REGISTRY_ONLY, **SUMMARY_UNSHOWN}}
# Stopped records that give no reason at all. A page shows that as no reason only where its layout shows the reason
# wherever the record gives one (its CARRIES: a trial summary's 'Why stopped', the clincosm header's bracket beside
# the status); the labelled meddatax page shows 'Why Stopped' only where the record gives one, as the compact page,
# which shows none, cannot be told from it.
NO_REASON_GIVEN = ("terminated without a reason", "terminated without a reason, run past FDAAA",
                   "terminated without a reason before FDAAA")

# Cases whose defect sits in the official title, which neither meddatax page nor a trial-summary page shows (c).
OFFICIAL_TITLE = ("open-label official title on a single-masked trial", "open-label title on a double-masked trial",
                  "randomized title on a single-group study", "phase 3 title on a phase 4 record",
                  "phase III title on a phase 2 record")
# A COMPLETED record's ACTUAL date after its last update: a meddatax page shows no date's type, and the same error
# is the status's against the last update the page shows (dates.ended_status_completion_ahead).
COMPLETED_AHEAD = ("actual completion month after the last update", "actual completion day after the last update",
                   "observational actual ends after the last update",
                   "actual primary completion after the last update of a record with results")
# What a page gives in place of the record's finding, by (case, layout): (findings, why).
INSTEAD: dict[tuple[str, str], tuple[frozenset, str]] = {
    **{(name, layout): (frozenset(), "(c) the page shows no official title")
       for name in OFFICIAL_TITLE for layout in (*AGGREGATOR, SUMMARY)},
    **{(name, layout): (frozenset({(ENDED_AHEAD, ERROR)}), "(c) no date type: the status against the last update")
       for name in COMPLETED_AHEAD for layout in AGGREGATOR},
    **{("withdrawn with an actual enrollment", layout): (frozenset({(WITHDRAWN, INFO)}),
                                                         "(c) the page shows no enrollment type: info, as for an "
                                                         "estimate") for layout in AGGREGATOR},
    ("blinded in an arm description", SUMMARY): (frozenset(), "(c) the page shows no arms"),
    ("open label brief title on a single-masked trial", COMPACT): (
        frozenset(), "(c) the compact page shows no one masked: the one may be the outcomes assessor, whom open label "
                     "fits"),
    ("no lead sponsor nor organization", COMPACT): (frozenset(), "(c) the compact page shows no sponsor's role: its "
                                                                 "one sponsor, a collaborator, reads as the lead"),
    ("no start date", COMPACT): (frozenset(), "(c) two bare dates read as start and completion (docs/layouts.md)"),
    ("no start date before FDAAA", COMPACT): (frozenset(), "(c) two bare dates read as start and completion"),
    ("no completion dates", COMPACT): (frozenset({(REFUSED, WARNING)}),
                                       "(c) one bare date, start or completion, refused in both (docs/layouts.md)"),
    **{(name, layout): (frozenset(), "(c) the page shows no reason, and its layout does not say it shows one wherever "
                                     "the record gives it")
       for name in NO_REASON_GIVEN for layout in (MEDDATAX,)},
}
def expected(case, layout: str, record: set[tuple[str, str]], problems: list[str]) -> set[tuple[str, str]]:
    """What the page should give of the record's findings of the case's rules."""
    if (case.name, layout) in INSTEAD:
        return set(INSTEAD[case.name, layout][0])
    unjudged = set(UNJUDGED[layout]) | (ARM_RULES if ARMS_UNDECIDED in problems else set())
    return {(rule, severity) for rule, severity in record if rule not in unjudged}


def _case_id(case, layout: str) -> str:
    return f"{layout}:{case.name}"


def _param(case, layout: str):
    return pytest.param(case, layout, id=_case_id(case, layout))


# A page of a record without a lead sponsor is not made: the clincosm header names one.
UNSHOWN_PAGES = {("no lead sponsor nor organization", CLINCOSM)}
PAGE_CASES = [_param(case, layout) for case in INJECTED for layout in LAYOUTS if (case.name, layout) not in
              UNSHOWN_PAGES]


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    """Every rule's findings on every record and case, as the registry gives it and as each page shows it."""
    return judged(tmp_path_factory.mktemp("pages"), chosen_records(), INJECTED, tuple(LAYOUTS))


def test_every_case_has_its_page_in_every_layout_a_site_shows_it(found):
    assert {(name, layout) for layout, name in found.changed if layout != REGISTRY} == {
        (case.name, layout) for case in INJECTED for layout in LAYOUTS} - UNSHOWN_PAGES


@pytest.mark.parametrize("case, layout", PAGE_CASES)
def test_a_defect_a_page_shows_is_flagged_as_on_the_record(found, case, layout):
    record_new = new_findings(found, REGISTRY, case)
    record = {(rule, severity) for rule, severity, _message in record_new if rule in case.rules}
    page_new = new_findings(found, layout, case)
    want = expected(case, layout, record, found.problems[layout, case.name])
    shown = {rule for rule, _severity in want} | set(case.rules)
    caught = {(rule, severity) for rule, severity, _message in page_new if rule in shown}
    assert caught == want, page_new
    # a flag the page adds is its own unless the record's change earns it, or the unchanged page gives it already
    # (a page, which shows no day it was copied, is judged as of today, not as of the copy's day as a record is)
    known = set(case.rules) | set(case.follows) | shown | {rule for rule, _severity, _message in record_new} | {
        rule for rule, _severity, _message in found.unchanged[layout, case.record]}
    assert [f for f in page_new if f[0] not in known] == []
