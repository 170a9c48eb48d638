"""The arm-count and record-status rules on single groups' arm lists and on status shapes.

A single group's arm list that holds, beside its one group, a group it does not enrol (a historical, external or
synthetic control, screen failures), a run-in period or every participant at once; two titles of one arm that differ
only by a closing colon, dash or semicolon; an extension whose arms are named for the parent study's treatment.
Around them, arm lists and status shapes as records word them (dose levels, cohorts, two populations, sites, baskets,
legacy arms "1" and "2", a withdrawn or factorial plan with one arm, an actual start still to come, an
ACTIVE_NOT_RECRUITING estimate, a legacy record's estimated closing dates) that the rules already judged right.

Every shape is one study of one warehouse, built once for the module.
"""
from __future__ import annotations

from datetime import date

import pytest

from checks import all_rules
from tests.checks import harness

RULES = {rule.id: rule for rule in all_rules()}
SINGLE_GROUP = "contradictions.single_group_several_arms"
ONE_ARM = "contradictions.multi_arm_model_one_arm"
CLOSED = "contradictions.closed_status_estimated_enrollment"
ACTUALS = "contradictions.not_yet_recruiting_with_actuals"
HEADER = "contradictions.header_metrics_differ"

AFTER_SEQUENTIAL = date(2019, 12, 2)
BEFORE_SEQUENTIAL = date(2005, 6, 23)
EXTENSION = {"official_title": "A Phase 3, Open-label Extension Study of Drug X in Participants With Relapsing "
                               "Multiple Sclerosis Who Completed Study DX-301",
             "brief_title": "Extension Study of Drug X in Relapsing Multiple Sclerosis"}


def _arms(model: str, titles: list[str], allocation: str = "NA", posted: date = AFTER_SEQUENTIAL,
          **studies) -> tuple[dict, dict]:
    """A study of this model and allocation whose arms have these titles, first posted on `posted`."""
    design = {**harness.clean_study()["designs"][0], "intervention_model": model, "allocation": allocation,
              "masking": "NONE", "subject_masked": None, "investigator_masked": None}
    groups = [{"group_type": "EXPERIMENTAL", "title": title, "description": "Drug X 10 mg orally once daily"}
              for title in titles]
    return ({"study_first_posted_date": posted, **studies},
            {"designs": [design], "design_groups": groups, "design_group_interventions": []})


# (rule, shape, the severity it must be flagged with, or None for none): arm lists judged wrongly before.
FIXED = [
    # One arm listed twice, its titles differing only by closing marks.
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Arm A", "Arm A:"]), None),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Cohort 1 -", "Cohort 1"]), None),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Pembrolizumab;", "pembrolizumab"]), None),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Treatment Arm: Nivolumab", "Treatment arm: nivolumab –"]), None),
    # Beside the single group, a control group the study does not enrol.
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Drug X", "Historical control"]), None),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Tisagenlecleucel", "Historical Cohort (CIBMTR registry)"]), None),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Ruxolitinib", "Matched external control cohort"]), None),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Experimental: Zolgensma", "Synthetic Control Arm"]), None),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Blinatumomab", "Retrospective chart review"]), None),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Drug X", "External Data Control"]), None),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Stent implantation", "Literature control"]), None),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Drug X", "Historical control"], "RANDOMIZED"), None),
    # People who failed screening or were not enrolled; a run-in every participant passes through.
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Enrolled participants", "Screen failures"]), None),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Drug X", "Screening Failure"]), None),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Ineligible participants", "Drug X"]), None),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Placebo run-in", "Drug X 10 mg"]), None),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Run-in Period", "Treatment Period"]), None),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Single-blind placebo lead-in period", "Open-label drug X"]), None),
    # Every participant beside one subgroup of them.
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["All participants", "PK substudy"]), None),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["All Enrolled Subjects", "Subjects with MRI sub-study"]), None),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Overall Study", "Drug X"]), None),
    # An extension whose arms are named for the parent study's treatment: its participants all take drug X now.
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Placebo to Drug X", "Drug X to Drug X"], **EXTENSION), "info"),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Placebo / Drug X", "Drug X / Drug X"], **EXTENSION), "info"),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Prior placebo", "Prior Drug X 20 mg"], "NON_RANDOMIZED",
                         official_title="A Long-term Rollover Study of Drug X", brief_title="Drug X Rollover"), "info"),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Double-blind period placebo", "Double-blind period drug X"],
                         **EXTENSION), "info"),
]

# Arm lists the rules already judged right.
HELD = [
    # Distinct cohorts, doses, populations, sites and baskets listed under a single group.
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Cohort 1", "Cohort 2"]), "warning"),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Arm A", "Arm B:"]), "warning"),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Arm A", "Arm A:", "Arm B"]), "warning"),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Dose Escalation", "Dose Expansion"], "NON_RANDOMIZED"), "warning"),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Adults (18-65 years)", "Adolescents (12-17 years)"]), "warning"),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Site 1: Boston", "Site 2: Houston"]), "warning"),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Basket: NSCLC", "Basket: colorectal cancer", "Basket: melanoma"]),
     "warning"),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Healthy volunteers", "Moderate hepatic impairment"]), "warning"),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["All participants", "Cohort A: HER2+", "Cohort B: HER2-"]), "warning"),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["All patients with HER2-positive disease",
                                          "All patients with HER2-negative disease"]), "warning"),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Drug X", "Drug X + Drug Y", "Historical control"]), "warning"),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Safety lead-in: drug X", "Expansion: drug X + drug Y"]), "warning"),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Run-in responders", "Run-in non-responders"]), "warning"),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Placebo run-in", "Drug X 10 mg", "Drug X 20 mg"]), "warning"),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["External beam radiotherapy", "Brachytherapy"]), "warning"),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Virtual reality", "Standard care"]), "warning"),
    # A legacy record's arms "1" and "2": info before SEQUENTIAL unless randomized between them.
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["1", "2"], posted=BEFORE_SEQUENTIAL), "info"),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["1", "2"], "RANDOMIZED", posted=BEFORE_SEQUENTIAL), "warning"),
    # An extension that gives two treatments now, or arms named for a sequence outside an extension.
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Tolebrutinib", "Teriflunomide"], **EXTENSION), "warning"),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Drug X 10 mg/kg", "Drug X 20 mg/kg"], **EXTENSION), "warning"),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Placebo", "Drug X"], **EXTENSION), "warning"),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Drug X 10 mg to 20 mg", "Drug X 20 mg to 40 mg"], **EXTENSION), "warning"),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Placebo to Drug X", "Drug X to Drug X"]), "warning"),
    (SINGLE_GROUP, _arms("SINGLE_GROUP", ["Placebo to Drug X", "Drug X to Drug X"], "RANDOMIZED", **EXTENSION),
     "warning"),
    # One arm under a model of several: a withdrawn plan, a factorial, one arm that describes two, a crossover.
    (ONE_ARM, _arms("PARALLEL", ["Drug X"], "RANDOMIZED", overall_status="WITHDRAWN"), "warning"),
    (ONE_ARM, _arms("FACTORIAL", ["Drug X + Drug Y"], "RANDOMIZED"), "warning"),
    (ONE_ARM, _arms("PARALLEL", ["Drug X versus placebo"], "RANDOMIZED"), "warning"),
    (ONE_ARM, _arms("PARALLEL", ["1"], "RANDOMIZED", posted=BEFORE_SEQUENTIAL), "warning"),
    (ONE_ARM, _arms("PARALLEL", ["Drug X", "drug x."], "NA"), "warning"),
    (ONE_ARM, _arms("CROSSOVER", ["All participants"], "RANDOMIZED"), "info"),
    (ONE_ARM, _arms("CROSSOVER", ["Fasted then fed"], "NON_RANDOMIZED"), "info"),
    (ONE_ARM, _arms("PARALLEL", ["Single arm"], "NA"), "warning"),
    (ONE_ARM, _arms("PARALLEL", ["Participants randomized to drug X or placebo (1:1)"], "RANDOMIZED"), "warning"),
    (ONE_ARM, _arms("FACTORIAL", ["2x2 factorial: vitamin D, omega-3, both or placebo"], "RANDOMIZED"), "warning"),
    (ONE_ARM, _arms("PARALLEL", ["Historical control"], "NON_RANDOMIZED", posted=BEFORE_SEQUENTIAL), "warning"),
    (ONE_ARM, _arms("PARALLEL", ["Drug X", "Placebo"], "RANDOMIZED", overall_status="WITHDRAWN"), None),
    (ONE_ARM, _arms("FACTORIAL", ["A", "B", "A+B", "Placebo"], "RANDOMIZED"), None),
    (ONE_ARM, _arms("SINGLE_GROUP", ["Drug X"], "NA"), None),
    # A parallel model's titles that differ by a closing mark may be two arms titled carelessly.
    (ONE_ARM, _arms("PARALLEL", ["Group 1", "Group 1:"], "RANDOMIZED"), None),
    (ONE_ARM, _arms("PARALLEL", ["Drug X", "Historical control"], "NON_RANDOMIZED"), None),
    (ONE_ARM, _arms("SEQUENTIAL", ["Dose level 1"], "NON_RANDOMIZED"), None),
]

# A completed study first posted before FDAAA with an estimated enrollment; a legacy record's untyped dates.
POSTED_2005 = dict(study_first_posted_date=date(2005, 3, 1), overall_status="COMPLETED", enrollment=120,
                   enrollment_type="ESTIMATED")
LEGACY_DATES = dict(start_date=date(2003, 1, 1), start_date_precision="month", start_date_type=None,
                    primary_completion_date=None, primary_completion_date_type=None,
                    completion_date_precision="month", completion_date_type=None)
NOT_YET = dict(overall_status="NOT_YET_RECRUITING", enrollment=60, enrollment_type="ESTIMATED",
               start_date=date(2027, 3, 1), start_date_type="ESTIMATED", primary_completion_date=date(2028, 6, 1),
               primary_completion_date_type="ESTIMATED", completion_date=date(2028, 12, 1),
               completion_date_type="ESTIMATED", last_update_posted_date=date(2026, 10, 1))

# (rule, (studies values, tables), severity or None): status shapes the rules already judged right.
HELD_STATUS = [
    # Posted and ended before FDAAA: info, whatever its status.
    (CLOSED, (dict(POSTED_2005, **harness.ENDED_BEFORE_FDAAA), {}), "info"),
    (CLOSED, (dict(POSTED_2005, **harness.ENDED_BEFORE_FDAAA, overall_status="TERMINATED", why_stopped="Funding"),
              {}), "info"),
    # Posted before FDAAA, its completion estimated after it, untyped after its last update, or in its month: info.
    (CLOSED, ({**POSTED_2005, **harness.ENDED_BEFORE_FDAAA, "completion_date": date(2009, 1, 1),
               "completion_date_type": "ESTIMATED"}, {}), "info"),
    (CLOSED, (dict(POSTED_2005, **LEGACY_DATES, completion_date=date(2010, 6, 1),
                   last_update_posted_date=date(2006, 2, 1), verification_date=date(2006, 2, 1)), {}), "info"),
    (CLOSED, ({**POSTED_2005, **harness.ENDED_BEFORE_FDAAA, "completion_date": date(2007, 9, 30),
               "completion_date_precision": "month"}, {}), "info"),
    (CLOSED, (dict(POSTED_2005, study_first_posted_date=date(2012, 5, 1)), {}), "warning"),
    # Not closed, or withdrawn before enrolling: no actual count is owed yet.
    (CLOSED, (dict(overall_status="ACTIVE_NOT_RECRUITING", enrollment=300, enrollment_type="ESTIMATED"), {}), None),
    (CLOSED, (dict(overall_status="WITHDRAWN", why_stopped="No funding", enrollment=0,
                   enrollment_type="ESTIMATED"), {}), None),
    (CLOSED, (dict(overall_status="UNKNOWN", last_known_status="ACTIVE_NOT_RECRUITING", enrollment=80,
                   enrollment_type="ESTIMATED"), {}), None),
    # Not yet recruiting: an actual start still to come is an actual start all the same; the legacy registry's
    # "Anticipated" is an estimate; an untyped start says nothing.
    (ACTUALS, (dict(NOT_YET, start_date_type="ACTUAL"), {}), "error"),
    (ACTUALS, (dict(NOT_YET, start_date=date(2019, 5, 1), start_date_type="ACTUAL", source_layout="ctgov_xml"),
               {}), "error"),
    (ACTUALS, (dict(NOT_YET, start_date=date(2006, 5, 1), start_date_type="ESTIMATED", source_layout="ctgov_xml"),
               {}), None),
    (ACTUALS, (dict(NOT_YET, start_date=date(2006, 5, 1), start_date_type=None, source_layout="ctgov_xml"), {}),
     None),
    (ACTUALS, (dict(NOT_YET, enrollment=0, enrollment_type="ACTUAL"), {}), "warning"),
    (ACTUALS, (dict(NOT_YET, overall_status="UNKNOWN", last_known_status="RECRUITING", start_date_type="ACTUAL"),
               {}), None),
    (ACTUALS, (dict(NOT_YET, overall_status="WITHDRAWN", enrollment=0, enrollment_type="ACTUAL"), {}), None),
    # A clincosm header that agrees with the page, and one whose counts differ from it.
    (HEADER, ({"source_layout": "ctgov_classic_text"},
              {"page_header_metrics": [{"enrollment": 40, "sites": 1, "arms": 2}]}), None),
    (HEADER, ({"source_layout": "ctgov_classic_text"},
              {"page_header_metrics": [{"enrollment": 40, "sites": 1, "arms": 3}]}), "warning"),
    (HEADER, ({"source_layout": "ctgov_classic_text"},
              {"page_header_metrics": [{"enrollment": None, "sites": None, "arms": 2}]}), None),
]

CASES = FIXED + HELD + HELD_STATUS
SHAPES = {f"{n}": (f"NCT0{n:07d}", *shape) for n, (_rule, shape, _severity) in enumerate(CASES, start=1)}


def _case_id(n: int, case: tuple) -> str:
    rule, (values, tables), severity = case
    shown = [g["title"] for g in tables.get("design_groups", [])] or values
    return f"{n}-{rule.split('.')[1]}-{severity or 'quiet'}-{shown}"


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple[str, str, str, str]]]:
    """Each shape's findings of the five rules: (rule id, severity, message, evidence)."""
    return harness.shape_findings(tmp_path_factory.mktemp("structure"), SHAPES,
                                  [RULES[rule_id] for rule_id in (SINGLE_GROUP, ONE_ARM, CLOSED, ACTUALS, HEADER)])


@pytest.mark.parametrize("n", range(1, len(CASES) + 1), ids=[_case_id(n, c) for n, c in enumerate(CASES, start=1)])
def test_a_structure_or_status_is_flagged_only_where_the_record_contradicts_itself(found, n):
    rule, _shape, severity = CASES[n - 1]
    assert [s for r, s, _m, _e in found[str(n)] if r == rule] == ([severity] if severity else [])


def _of(found, case: tuple) -> list[tuple[str, str, str]]:
    n = str(CASES.index(case) + 1)
    return [(s, m, e) for r, s, m, e in found[n] if r == case[0]]


def test_an_extension_of_the_parent_studys_arms_says_why_it_is_only_info(found):
    [(_severity, message, evidence)] = _of(found, FIXED[21])
    assert message == "The intervention model is SINGLE_GROUP but the study lists 2 different arms."
    assert evidence == ("designs.intervention_model = 'SINGLE_GROUP'; design_groups.title: Drug X to Drug X; "
                        "Placebo to Drug X; an extension study whose arms are named for the parent study's treatment")


def test_a_single_group_counts_titles_apart_from_their_closing_marks(found):
    [(_severity, message, _evidence)] = _of(found, HELD[2])
    assert message == "The intervention model is SINGLE_GROUP but the study lists 2 different arms."


def test_a_single_group_counts_every_arm_it_lists_where_several_are_assigned(found):
    [(_severity, message, _evidence)] = _of(found, HELD[8])
    assert message == "The intervention model is SINGLE_GROUP but the study lists 3 different arms."
