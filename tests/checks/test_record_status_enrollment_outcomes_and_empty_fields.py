"""A record's status, enrollment and outcome rows, and the fields it leaves empty, as API v2 records, legacy XML records
and the text pages' studies rows hold them: one outcome at two time frames or in two populations, the same measure as
primary and secondary, outcomes that differ by a number or a drug; a study not yet recruiting with an actual start ahead
or an actual enrollment of 0; closed studies with an estimate; record kinds that need not give a field (expanded access,
an observational study's phase, a withdrawn study's enrollment, a legacy record of 1999); placeholders ('TBD', 'Not yet
known', '-', 'N/A'); and fields a page never shows, or shows elsewhere (a clincosm header's enrollment). Every shape is
judged by every rule reviewed, all in one warehouse."""
from __future__ import annotations

from datetime import date as d

import pytest

import checks
from tests.checks import harness

RULES = {rule.id: rule for rule in checks.all_rules()}
# A missing-field rule added since this review has cases of its own (tests/checks/cases_missing_fields.py).
ADDED_SINCE = ("missing_fields.no_study_completion_date",)
REVIEWED = sorted(rule_id for rule_id in RULES
                  if rule_id.startswith("missing_fields.no_") and rule_id not in ADDED_SINCE or rule_id in ("contradictions.duplicate_outcome", "contradictions.header_metrics_differ",
                                 "contradictions.not_yet_recruiting_with_actuals",
                                 "contradictions.closed_status_estimated_enrollment"))

DUPLICATE = "contradictions.duplicate_outcome"
HEADER = "contradictions.header_metrics_differ"
NOT_YET = "contradictions.not_yet_recruiting_with_actuals"
CLOSED = "contradictions.closed_status_estimated_enrollment"
TITLE, STATUS = "missing_fields.no_title", "missing_fields.no_overall_status"
CONDITIONS, SUMMARY = "missing_fields.no_conditions", "missing_fields.no_brief_summary"
ENROLLMENT, PRIMARY = "missing_fields.no_enrollment", "missing_fields.no_primary_outcome"
START, COMPLETION = "missing_fields.no_start_date", "missing_fields.no_completion_date"
PHASE, SPONSOR = "missing_fields.no_phase", "missing_fields.no_lead_sponsor"
CRITERIA = "missing_fields.no_eligibility_criteria"

CLASSIC, AGGREGATOR, TRIAL_SUMMARY, LEGACY = "ctgov_classic_text", "aggregator_text", "summary_text", "ctgov_xml"


def _outcomes(*rows: tuple) -> dict[str, list[dict]]:
    """The study's outcome rows: (type, measure, time frame[, description])."""
    return {"design_outcomes": [{"outcome_type": row[0], "measure": row[1], "time_frame": row[2],
                                 "description": row[3] if len(row) > 3 else None} for row in rows]}


def _conditions(*names: str) -> dict[str, list[dict]]:
    return {"conditions": [{"name": name} for name in names]}


def _header(enrollment: int | None, sites: int | None, arms: int | None) -> dict[str, list[dict]]:
    """A clincosm page's header numbers."""
    return {"page_header_metrics": [{"enrollment": enrollment, "sites": sites, "arms": arms}]}


# A study not yet recruiting, everything ahead and estimated, last updated 2026-10-01.
NOT_YET_STUDY = dict(overall_status="NOT_YET_RECRUITING", start_date=d(2027, 3, 1), start_date_type="ESTIMATED",
                     primary_completion_date=d(2028, 1, 1), primary_completion_date_type="ESTIMATED",
                     completion_date=d(2029, 1, 1), completion_date_type="ESTIMATED", enrollment=60,
                     enrollment_type="ESTIMATED", last_update_posted_date=d(2026, 10, 1),
                     verification_date=d(2026, 10, 1))
# A legacy XML record first posted in 1999, ended and last updated before FDAAA 801; its dates untyped.
LEGACY_1999 = dict(source_layout=LEGACY, **harness.ENDED_BEFORE_FDAAA, study_first_posted_date=d(1999, 11, 1),
                   start_date_type=None, primary_completion_date_type=None, completion_date_type=None,
                   enrollment_type=None)
EXPANDED = dict(study_type="EXPANDED_ACCESS", overall_status="AVAILABLE", phase=None, enrollment=None,
                enrollment_type=None, start_date=None, start_date_type=None, primary_completion_date=None,
                primary_completion_date_type=None, completion_date=None, completion_date_type=None)
NO_DATES = dict(start_date=None, start_date_type=None, primary_completion_date=None,
                primary_completion_date_type=None, completion_date=None, completion_date_type=None)
OBSERVATIONAL = dict(study_type="OBSERVATIONAL", phase=None)
ADVERSE = ("Number of participants with treatment-emergent adverse events",
           "From first dose through 30 days after the last dose", "Graded by CTCAE v5.0")
WARNING, ERROR, INFO = "warning", "error", "info"

# name: (studies values, tables replacing the clean study's, {(rule, severity)} every reviewed rule finds).
# A quiet shape marked "before" was flagged before; a finding marked "before" was not.
SHAPES = {
    # --- one outcome listed twice, or two outcomes alike -------------------------------------------------------
    "HbA1c at 12 and at 24 weeks": (
        {}, _outcomes(("primary", "Change from baseline in HbA1c", "Baseline and week 12"),
                      ("secondary", "Change from baseline in HbA1c", "Baseline and week 24")), set()),
    "the time point in the measure": (
        {}, _outcomes(("primary", "Change in HbA1c at 12 weeks", "12 weeks"),
                      ("secondary", "Change in HbA1c at 24 weeks", "24 weeks")), set()),
    "ITT and per-protocol populations in the description": (
        {}, _outcomes(("primary", "Sustained virologic response (SVR12)", "12 weeks after end of treatment",
                       "Proportion with HCV RNA < LLOQ in the intention-to-treat population"),
                      ("secondary", "Sustained virologic response (SVR12)", "12 weeks after end of treatment",
                       "Proportion with HCV RNA < LLOQ in the per-protocol population")), set()),
    "the population in the measure": (
        {}, _outcomes(("primary", "Progression-free survival", "Up to 36 months"),
                      ("secondary", "Progression-free survival in the per-protocol population", "Up to 36 months")),
        set()),
    "the same measure, time frame and description as primary and secondary": (
        {}, _outcomes(("primary", "Overall survival", "5 years", "Time from randomization to death from any cause"),
                      ("secondary", "Overall survival", "5 years",
                       "Time from randomization to death from any cause")), {(DUPLICATE, INFO)}),
    "adverse events as primary and as secondary": (
        {}, _outcomes(("primary", *ADVERSE), ("secondary", *ADVERSE)), {(DUPLICATE, INFO)}),
    "adverse events as primary and as other, the case and spacing aside": (
        {}, _outcomes(("primary", *ADVERSE), ("other", ADVERSE[0].upper(), "  " + ADVERSE[1], ADVERSE[2])),
        {(DUPLICATE, INFO)}),
    "grade 3 and grade 4 toxicity": (
        {}, _outcomes(("primary", "Proportion of participants with grade 3 neutropenia", "Cycle 1 (21 days)"),
                      ("primary", "Proportion of participants with grade 4 neutropenia", "Cycle 1 (21 days)")), set()),
    "Cmax of each drug of a combination": (
        {}, _outcomes(("primary", "Cmax of tenofovir alafenamide", "Day 1: predose and 0.5, 1, 2, 4, 8 h postdose"),
                      ("primary", "Cmax of emtricitabine", "Day 1: predose and 0.5, 1, 2, 4, 8 h postdose")), set()),
    "AUC at 10 mg and at 20 mg": (
        {}, _outcomes(("primary", "AUC0-inf after 10 mg", "Days 1-4"), ("primary", "AUC0-inf after 20 mg", "Days 1-4")),
        set()),
    "one title per parameter, the descriptions differ": (
        {}, _outcomes(("primary", "Change in ESSDAI", "12 weeks"),
                      ("secondary", "Change in liver function tests", "Week 12", "Alanine aminotransferase (U/L)"),
                      ("secondary", "Change in liver function tests", "Week 12", "Total bilirubin (mg/dL)")), set()),
    "a legacy record's measure twice, no time frame or description": (
        dict(LEGACY_1999), _outcomes(("primary", "Tumor response", None), ("primary", "Tumor response", None)),
        {(DUPLICATE, INFO)}),
    "time frames 'N/A' on both copies": (
        {}, _outcomes(("primary", "Overall survival", "N/A"), ("secondary", "Overall survival", "N/A")),
        {(DUPLICATE, INFO)}),
    "one copy 'N/A', the other with no time frame": (
        {}, _outcomes(("primary", "Overall survival", "N/A"), ("secondary", "Overall survival", None)), set()),
    "one copy described, the other not": (
        {}, _outcomes(("primary", "Overall survival", "5 years"),
                      ("secondary", "Overall survival", "5 years", "Death from any cause")), set()),
    "a clincosm page's outcome as primary and secondary": (
        dict(source_layout=CLASSIC), _outcomes(("primary", "ESSDAI score", "12 weeks"),
                                               ("secondary", "ESSDAI score", "12 weeks")), {(DUPLICATE, INFO)}),
    "a quality-of-life outcome three times": (
        {}, _outcomes(("primary", "Change in ESSDAI", "12 weeks"),
                      *[("secondary", "Quality of life (EQ-5D-5L)", "Baseline, 6 and 12 months")] * 3),
        {(DUPLICATE, INFO)}),
    "a period after one measure only": (
        {}, _outcomes(("primary", "Overall survival.", "5 years"), ("secondary", "Overall survival", "5 years")),
        set()),
    # --- a clincosm page's header numbers against the page ------------------------------------------------------
    "header agrees": (dict(source_layout=CLASSIC), _header(40, 1, 2), set()),
    "header of 3 arms, 2 listed": (dict(source_layout=CLASSIC), _header(40, 1, 3), {(HEADER, WARNING)}),
    "header of 52 participants, 40 enrolled": (dict(source_layout=CLASSIC), _header(52, 1, 2), {(HEADER, WARNING)}),
    "header of 3 sites, none listed": (dict(source_layout=CLASSIC), {**_header(40, 3, 2), "facilities": []}, set()),
    "header numbers the page did not settle": (dict(source_layout=CLASSIC), _header(40, None, None), set()),
    "header of 40, the record's enrollment 0": (
        dict(source_layout=CLASSIC, enrollment=0), _header(40, 1, 2), {(HEADER, WARNING), (ENROLLMENT, WARNING)}),
    "header's enrollment, none in the Study Design section": (
        dict(source_layout=CLASSIC, enrollment=None, enrollment_type=None), _header(40, 1, 2), set()),  # before
    "header without an enrollment, none in the Study Design section": (
        dict(source_layout=CLASSIC, enrollment=None, enrollment_type=None), _header(None, 1, 2),
        {(ENROLLMENT, WARNING)}),
    # --- not yet recruiting ------------------------------------------------------------------------------------
    "not yet recruiting, all estimated": (NOT_YET_STUDY, {}, set()),
    "not yet recruiting, an actual start ahead": (
        dict(NOT_YET_STUDY, start_date_type="ACTUAL"), {}, {(NOT_YET, ERROR)}),
    "not yet recruiting, an actual enrollment of 0": (
        dict(NOT_YET_STUDY, enrollment=0, enrollment_type="ACTUAL"), {}, {(NOT_YET, WARNING), (ENROLLMENT, WARNING)}),
    "not yet recruiting, an actual enrollment of 12": (
        dict(NOT_YET_STUDY, enrollment=12, enrollment_type="ACTUAL"), {}, {(NOT_YET, ERROR)}),
    "not yet recruiting, an actual start and an actual 0": (
        dict(NOT_YET_STUDY, enrollment=0, enrollment_type="ACTUAL", start_date_type="ACTUAL"), {},
        {(NOT_YET, ERROR), (ENROLLMENT, WARNING)}),
    "legacy record not yet recruiting, untyped": (
        dict(NOT_YET_STUDY, source_layout=LEGACY, start_date_type=None, enrollment_type=None), {}, set()),
    "aggregator page not yet recruiting, no types shown": (
        dict(NOT_YET_STUDY, source_layout=AGGREGATOR, start_date_type=None, enrollment_type=None), {}, set()),
    "last known not yet recruiting, an actual start": (
        dict(NOT_YET_STUDY, overall_status="UNKNOWN", last_known_status="NOT_YET_RECRUITING",
             start_date_type="ACTUAL"), {}, {(NOT_YET, ERROR)}),
    "last known recruiting, an actual start": (
        dict(NOT_YET_STUDY, overall_status="UNKNOWN", last_known_status="RECRUITING", start_date_type="ACTUAL"), {},
        set()),
    "not yet recruiting, an estimated 0": (dict(NOT_YET_STUDY, enrollment=0), {}, {(ENROLLMENT, WARNING)}),
    "not yet recruiting, no start date": (
        dict(NOT_YET_STUDY, start_date=None, start_date_type=None), {}, {(START, WARNING)}),
    # --- closed with an estimated enrollment -------------------------------------------------------------------
    "completed, an estimate": (dict(enrollment_type="ESTIMATED"), {}, {(CLOSED, WARNING)}),
    "completed, an estimate of 0": (
        dict(enrollment=0, enrollment_type="ESTIMATED"), {}, {(CLOSED, WARNING), (ENROLLMENT, WARNING)}),
    "terminated, an estimate without a count": (
        dict(overall_status="TERMINATED", why_stopped="Slow accrual", enrollment=None, enrollment_type="ESTIMATED"),
        {}, {(CLOSED, WARNING), (ENROLLMENT, WARNING)}),
    "withdrawn, an estimate of 0": (
        dict(overall_status="WITHDRAWN", why_stopped="No funding", enrollment=0, enrollment_type="ESTIMATED"), {},
        set()),
    "active, not recruiting, an estimate": (
        dict(overall_status="ACTIVE_NOT_RECRUITING", enrollment_type="ESTIMATED", completion_date_type="ESTIMATED"),
        {}, set()),
    "legacy record of 1999, anticipated": (dict(LEGACY_1999, enrollment_type="ESTIMATED"), {}, {(CLOSED, INFO)}),
    "trial-summary page, completed, estimated": (
        dict(source_layout=TRIAL_SUMMARY, enrollment_type="ESTIMATED"), {}, {(CLOSED, WARNING)}),
    "aggregator page, completed, no type shown": (dict(source_layout=AGGREGATOR, enrollment_type=None), {}, set()),
    "expanded access approved for marketing, estimated": (
        dict(EXPANDED, overall_status="APPROVED_FOR_MARKETING", enrollment=40, enrollment_type="ESTIMATED"),
        {"design_outcomes": []}, set()),
    # --- record kinds that need not give a field ---------------------------------------------------------------
    "expanded access: no phase, dates, enrollment or outcomes": (EXPANDED, {"design_outcomes": []}, set()),
    "observational: no phase": (OBSERVATIONAL, {}, set()),
    "observational: no phase and no primary outcome": (OBSERVATIONAL, {"design_outcomes": []}, set()),
    "withdrawn: an actual 0, no dates, no outcomes": (
        dict(overall_status="WITHDRAWN", enrollment=0, enrollment_type="ACTUAL", **NO_DATES),
        {"design_outcomes": []}, set()),
    "withdrawn: no enrollment": (dict(overall_status="WITHDRAWN", enrollment=None, enrollment_type=None), {}, set()),
    "withdrawn: no phase": (dict(overall_status="WITHDRAWN", phase=None), {}, {(PHASE, WARNING)}),
    "withheld: nothing but its id": (
        dict(overall_status="WITHHELD", study_type=None, phase=None, enrollment=None, enrollment_type=None,
             **NO_DATES), {"conditions": [], "brief_summaries": [], "eligibilities": [], "design_outcomes": []},
        set()),
    "legacy record of 1999: no enrollment, dates, outcome or criteria": (
        dict(LEGACY_1999, enrollment=None, **NO_DATES),
        {"design_outcomes": [], "eligibilities": [{"gender": "ALL", "criteria": None}]},
        {(ENROLLMENT, INFO), (PRIMARY, INFO), (START, INFO), (COMPLETION, INFO), (CRITERIA, INFO)}),
    "legacy record of 1999: observational, 'No eligibility criteria'": (
        dict(LEGACY_1999, **OBSERVATIONAL),
        {"eligibilities": [{"gender": "ALL", "criteria": "No eligibility criteria"}]}, set()),
    "suspended, an actual 0": (dict(overall_status="SUSPENDED", enrollment=0, enrollment_type="ACTUAL"), {}, set()),
    "suspended, an estimated 0": (
        dict(overall_status="SUSPENDED", enrollment=0, enrollment_type="ESTIMATED"), {}, {(ENROLLMENT, WARNING)}),
    "aggregator page, suspended, 0 not typed": (
        dict(source_layout=AGGREGATOR, overall_status="SUSPENDED", enrollment=0, enrollment_type=None), {},
        set()),  # before
    "legacy record, suspended, 0 not typed": (
        dict(source_layout=LEGACY, overall_status="SUSPENDED", enrollment=0, enrollment_type=None), {},
        set()),  # before
    "terminated, an actual 0": (dict(overall_status="TERMINATED", enrollment=0, enrollment_type="ACTUAL"), {}, set()),
    "completed, an actual 0": (dict(enrollment=0, enrollment_type="ACTUAL"), {}, {(ENROLLMENT, WARNING)}),
    "interventional, no phase": (dict(phase=None), {}, {(PHASE, WARNING)}),
    "interventional, phase NA": (dict(phase="NA"), {}, set()),
    "no status": (dict(overall_status=None), {}, {(STATUS, ERROR)}),
    # --- placeholders --------------------------------------------------------------------------------------------
    "title TBD": (dict(brief_title="TBD", official_title=None), {}, {(TITLE, ERROR)}),
    "title 'Not yet known'": (
        dict(brief_title="Not yet known", official_title="Not yet known."), {}, {(TITLE, ERROR)}),  # before
    "title '-'": (dict(brief_title="-", official_title="-"), {}, {(TITLE, ERROR)}),
    "brief title N/A, an official title": (dict(brief_title="N/A"), {}, set()),
    "condition TBD": ({}, _conditions("TBD"), {(CONDITIONS, WARNING)}),
    "condition 'Not yet known'": ({}, _conditions("Not yet known"), {(CONDITIONS, WARNING)}),  # before
    "condition 'To be determined' and '-'": ({}, _conditions("To be determined", "-"), {(CONDITIONS, WARNING)}),
    "condition 'Not known' beside a disease": ({}, _conditions("Not known", "Sjogren's Syndrome"), set()),
    "condition Healthy": ({}, _conditions("Healthy"), set()),
    "condition 'Carcinoma of Unknown Primary'": ({}, _conditions("Carcinoma of Unknown Primary"), set()),
    "condition 'Neoplasm of unknown site, not yet known'": (
        {}, _conditions("Neoplasm of unknown site, not yet known"), set()),
    "primary outcome N/A": ({}, _outcomes(("primary", "N/A", "N/A")), {(PRIMARY, WARNING)}),
    "primary outcome 'Not yet known'": ({}, _outcomes(("primary", "Not yet known", None)),
                                        {(PRIMARY, WARNING)}),  # before
    "primary outcome 'To be confirmed', a secondary given": (
        {}, _outcomes(("primary", "To be confirmed", "TBD"), ("secondary", "Pain (VAS)", "6 weeks")),
        {(PRIMARY, WARNING)}),  # before
    "primary outcome '-'": ({}, _outcomes(("primary", "-", "-")), {(PRIMARY, WARNING)}),
    "primary outcome 'Pain'": ({}, _outcomes(("primary", "Pain", "6 weeks")), set()),
    "primary outcome naming a status not yet known": (
        {}, _outcomes(("primary", "Proportion of contacts whose TB status is not yet known", "3 months")), set()),
    "summary TBD": ({}, {"brief_summaries": [{"description": "TBD"}]}, {(SUMMARY, INFO)}),
    "summary 'Not yet known'": (
        {}, {"brief_summaries": [{"description": "Not yet known"}]}, {(SUMMARY, INFO)}),  # before
    "summary 'Pilot study.'": ({}, {"brief_summaries": [{"description": "Pilot study."}]}, set()),
    "criteria 'N/A'": ({}, {"eligibilities": [{"gender": "ALL", "criteria": "N/A"}]}, {(CRITERIA, INFO)}),
    "sponsor 'TBD' as source and lead": (
        dict(source="TBD"), {"sponsors": [{"agency_class": "OTHER", "lead_or_collaborator": "lead", "name": "TBD"}]},
        {(SPONSOR, WARNING)}),
    # --- what a page never shows ---------------------------------------------------------------------------------
    "aggregator page: no outcomes shown": (dict(source_layout=AGGREGATOR), {"design_outcomes": []}, set()),
    "trial-summary page: no outcomes or criteria shown": (
        dict(source_layout=TRIAL_SUMMARY),
        {"design_outcomes": [], "eligibilities": [{"gender": "ALL", "criteria": None}]}, set()),
    "aggregator page: no source, a lead sponsor": (dict(source_layout=AGGREGATOR, source=None), {}, set()),
    "aggregator page: no official title": (dict(source_layout=AGGREGATOR, official_title=None), {}, set()),
    "aggregator page: only collaborators": (
        dict(source_layout=AGGREGATOR, source=None),
        {"sponsors": [{"agency_class": None, "lead_or_collaborator": "collaborator", "name": "Mayo Clinic"}]},
        {(SPONSOR, WARNING)}),
    "clincosm page: no conditions": (dict(source_layout=CLASSIC), {"conditions": []}, {(CONDITIONS, WARNING)}),
    "trial-summary page: no start date": (
        dict(source_layout=TRIAL_SUMMARY, start_date=None, start_date_type=None), {}, {(START, WARNING)}),
}


@pytest.fixture(scope="module")
def shape_found(tmp_path_factory):
    shapes = {name: (f"NCT0{n:07d}", values, tables)
              for n, (name, (values, tables, _)) in enumerate(SHAPES.items(), start=1)}
    return harness.shape_findings(tmp_path_factory.mktemp("record_shapes"), shapes, [RULES[r] for r in REVIEWED])


@pytest.mark.parametrize("name", list(SHAPES))
def test_shape(shape_found, name):
    expected = SHAPES[name][2]
    assert {(rule_id, severity) for rule_id, severity, _, _ in shape_found[name]} == expected, shape_found[name]


def test_a_placeholder_still_to_come_is_quoted(shape_found):
    [(_, _, message, evidence)] = shape_found["primary outcome 'To be confirmed', a secondary given"]
    assert message == "Interventional study lists no primary outcome, only 'To be confirmed'."
    assert evidence.endswith("design_outcomes: 2 row(s), none with a primary measure but a placeholder: "
                             "'To be confirmed'")


def test_the_copies_say_which_time_frame_and_description_they_share(shape_found):
    messages = {name: [m for rule_id, _, m, _ in shape_found[name] if rule_id == DUPLICATE] for name in (
        "time frames 'N/A' on both copies", "adverse events as primary and as other, the case and spacing aside")}
    assert messages == {
        "time frames 'N/A' on both copies": [
            "The outcome 'Overall survival' is listed as primary and as secondary with no time frame or description "
            "given."],
        "adverse events as primary and as other, the case and spacing aside": [
            f"The outcome '{ADVERSE[0]}' is listed as primary and as other with the same time frame and "
            "description."]}


def test_every_rule_reviewed_meets_25_shapes():
    assert len(REVIEWED) == 15 and len(SHAPES) >= 25
