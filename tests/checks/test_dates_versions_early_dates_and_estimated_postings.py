"""Dates and versions as records give them: a study date before 1940 of a study that may be a long-running cohort,
posting dates the registry gives as estimates, days counted from a start kept to the month or year, a unit spelt two
ways or a time moved between a primary outcome's title and its time frame in other words, and a republished page dated a
day from the registry's version. All shapes in one warehouse, all versions in another."""
from __future__ import annotations

from datetime import date as d

import pytest

import checks
from tests.checks import harness
from tests.checks.cases_outcome_changes import NEW, OLD
from tests.checks.cases_outcome_changes import versions as outcome_versions

RULES = {rule.id: rule for rule in checks.all_rules()}
IMPLAUSIBLE = "dates.implausible_date"
LATE = "timeliness.late_registration"
AFTER_COMPLETION = "dates.registered_after_completion"
ACTUAL_AFTER = "dates.actual_after_last_update"
ENDED_AHEAD = "dates.ended_status_completion_ahead"
KEPT = "dates.estimate_kept_long_past"
NOT_STARTED = "timeliness.not_yet_recruiting_past_start"
OVERDUE = "timeliness.results_overdue"
OUTCOME = "outcome_changes.primary_outcome_changed"
MONTH, YEAR = "month", "year"

# A legacy record posted before 2017: the registry gives its first posting as an estimate, and the day it gives as
# first submitted was stamped again later (after the posting), so it was registered by its posting.
STAMPED_AGAIN = dict(study_first_submitted_date=d(2006, 7, 13), study_first_posted_date=d(1999, 11, 4),
                     study_first_posted_date_type="ESTIMATED", last_update_posted_date=d(2006, 7, 14),
                     verification_date=d(2006, 7, 1))
# Not yet recruiting, its ends ahead, last updated 2025-01-05.
NOT_YET = dict(overall_status="NOT_YET_RECRUITING", primary_completion_date=d(2028, 1, 1),
               primary_completion_date_type="ESTIMATED", completion_date=d(2029, 1, 1),
               completion_date_type="ESTIMATED", last_update_posted_date=d(2025, 1, 5),
               verification_date=d(2025, 1, 1), study_first_posted_date=d(2024, 12, 1))
# An applicable trial (FDA-regulated drug, phase 3, a US site) whose primary completion is past.
APPLICABLE = dict(is_fda_regulated_drug=True, is_fda_regulated_device=False, phase="PHASE3",
                  start_date=d(2019, 1, 10), study_first_submitted_date=d(2019, 1, 1),
                  study_first_posted_date=d(2019, 1, 12), completion_date=d(2019, 9, 1),
                  last_update_posted_date=d(2019, 10, 1), verification_date=d(2019, 10, 1))
US_SITE = {"facilities": [{"name": "Mayo Clinic", "city": "Rochester", "country": "United States", "status": None}],
           "countries": [{"name": "United States", "removed": False}]}

# name: (studies values, tables replaced, rule, [(severity, message)] expected of that rule)
SHAPES = {
    # A study date before 1940: a long-running cohort's real beginning, or a typo.
    "observational cohort started 1921": (
        dict(study_type="OBSERVATIONAL", start_date=d(1921, 1, 1), start_date_precision=YEAR), {}, IMPLAUSIBLE,
        [("info", "The start date 1921 (ACTUAL) is before 1940: right only for a long-running cohort or registry "
                  "(such as a birth cohort), else a typo.")]),
    "observational registry started 1932-05": (
        dict(study_type="OBSERVATIONAL", start_date=d(1932, 5, 1), start_date_precision=MONTH), {}, IMPLAUSIBLE,
        [("info", "The start date 1932-05 (ACTUAL) is before 1940: right only for a long-running cohort or registry "
                  "(such as a birth cohort), else a typo.")]),
    "page of no study type, started 1938": (
        dict(study_type=None, start_date=d(1938, 1, 1), start_date_precision=YEAR), {}, IMPLAUSIBLE,
        [("info", "The start date 1938 (ACTUAL) is before 1940: right only for a long-running cohort or registry "
                  "(such as a birth cohort), else a typo.")]),
    "observational, started 1946": (
        dict(study_type="OBSERVATIONAL", start_date=d(1946, 3, 1), start_date_precision=MONTH), {}, IMPLAUSIBLE, []),
    "observational, started 1900 (the century slip)": (
        dict(study_type="OBSERVATIONAL", start_date=d(1900, 1, 16)), {}, IMPLAUSIBLE,
        [("warning", "The start date 1900-01-16 (ACTUAL) is before 1940, almost certainly a typo.")]),
    "drug trial registered 2019, started 1902-03": (
        dict(start_date=d(1902, 3, 1), start_date_precision=MONTH, study_first_submitted_date=d(2019, 5, 2)), {},
        IMPLAUSIBLE, [("warning", "The start date 1902-03 (ACTUAL) is before 1940, almost certainly a typo.")]),
    "observational, completion 2102": (
        dict(study_type="OBSERVATIONAL", overall_status="RECRUITING", completion_date=d(2102, 1, 1),
             completion_date_precision=YEAR, completion_date_type="ESTIMATED", primary_completion_date_type=None),
        {}, IMPLAUSIBLE, [("warning", "The completion date 2102 (ESTIMATED) is a placeholder year, not a planned "
                                      "date.")]),
    "observational, verified 1921": (
        dict(study_type="OBSERVATIONAL", verification_date=d(1921, 3, 1)), {}, IMPLAUSIBLE,
        [("warning", "The verification date 1921-03 is before 1940, almost certainly a typo.")]),
    # Posting dates the registry gives as estimates keep the label.
    "first posting ESTIMATED, 1998": (
        dict(study_first_posted_date=d(1998, 5, 1), study_first_posted_date_type="ESTIMATED"), {}, IMPLAUSIBLE,
        [("warning", "The first posted date 1998-05-01 (ESTIMATED) is before ClinicalTrials.gov posted its first "
                     "records in 1999.")]),
    "registered by an ESTIMATED posting, started 1995-07": (
        dict(start_date=d(1995, 7, 1), start_date_precision=MONTH, start_date_type=None,
             primary_completion_date=d(1999, 1, 1), completion_date=d(1999, 6, 1), **STAMPED_AGAIN), {}, LATE,
        [("info", "Study was first posted on 1999-11-04 (ESTIMATED), at least 1557 days after it started in "
                  "1995-07, before ClinicalTrials.gov took its first records (1999-09): it could not be registered "
                  "there before it started.")]),
    "registered by an ESTIMATED posting, after completion": (
        dict(start_date=d(2000, 1, 1), primary_completion_date=d(2001, 1, 1), completion_date=d(2001, 6, 1),
             completion_date_precision=MONTH, **{**STAMPED_AGAIN, "study_first_posted_date": d(2001, 11, 4)}), {},
        AFTER_COMPLETION,
        [("info", "Study was first posted on 2001-11-04 (ESTIMATED), after it completed in 2001-06 (ACTUAL), so it "
                  "was registered retrospectively, as was usual before ICMJE asked trials starting from 2005-07-01 "
                  "to register first.")]),
    "ACTUAL completion after an ESTIMATED last update": (
        dict(completion_date=d(2022, 6, 1), last_update_posted_date=d(2022, 3, 1),
             last_update_posted_date_type="ESTIMATED"), {}, ACTUAL_AFTER,
        [("error", "The completion date 2022-06-01 (ACTUAL) is after the record's last update posted on 2022-03-01 "
                   "(ESTIMATED).")]),
    "COMPLETED, completion ahead of an ESTIMATED last update": (
        dict(completion_date=d(2022, 6, 1), completion_date_type="ESTIMATED", last_update_posted_date=d(2022, 3, 1),
             last_update_posted_date_type="ESTIMATED"), {}, ENDED_AHEAD,
        [("error", "Status is COMPLETED but the completion date 2022-06-01 (ESTIMATED) is after the record's last "
                   "update posted on 2022-03-01 (ESTIMATED): the record says the study ended before the day it gives "
                   "as its end.")]),
    "estimate kept to an ESTIMATED last update": (
        dict(completion_date_type="ESTIMATED", last_update_posted_date_type="ESTIMATED"), {}, KEPT,
        [("warning", "The completion date 2021-09-01 (ESTIMATED) was still an estimate when the record, which calls "
                     "the study COMPLETED, was last updated on 2022-03-01 (ESTIMATED), 181 days later.")]),
    "estimate kept to an ACTUAL last update": (
        dict(completion_date_type="ESTIMATED", last_update_posted_date_type="ACTUAL"), {}, KEPT,
        [("warning", "The completion date 2021-09-01 (ESTIMATED) was still an estimate when the record, which calls "
                     "the study COMPLETED, was last updated on 2022-03-01, 181 days later.")]),
    # Days counted from a start kept to the month or year are the fewest its readings give.
    "registered late, start 2020-02": (
        dict(start_date=d(2020, 2, 1), start_date_precision=MONTH, study_first_submitted_date=d(2021, 1, 1),
             study_first_posted_date=d(2021, 1, 5)), {}, LATE,
        [("warning", "Study was first submitted on 2021-01-01, at least 307 days after it started in 2020-02 "
                     "(ACTUAL): registered late.")]),
    "registered late, start 2018, legacy untyped": (
        dict(start_date=d(2018, 1, 1), start_date_precision=YEAR, start_date_type=None,
             study_first_submitted_date=d(2021, 1, 1), study_first_posted_date=d(2021, 1, 5)), {}, LATE,
        [("warning", "Study was first submitted on 2021-01-01, at least 732 days after it started in 2018: "
                     "registered late.")]),
    "registered late, start to the day": (
        dict(study_first_submitted_date=d(2021, 1, 1), study_first_posted_date=d(2021, 1, 5)), {}, LATE,
        [("warning", "Study was first submitted on 2021-01-01, 351 days after it started on 2020-01-16 (ACTUAL): "
                     "registered late.")]),
    "registered 21 days into a start month": (
        dict(start_date=d(2020, 1, 1), start_date_precision=MONTH, study_first_submitted_date=d(2020, 2, 15),
             study_first_posted_date=d(2020, 2, 20)), {}, LATE, []),
    "start ESTIMATED, not judged": (
        dict(start_date_type="ESTIMATED", study_first_submitted_date=d(2021, 1, 1),
             study_first_posted_date=d(2021, 1, 5)), {}, LATE, []),
    "not yet recruiting, start 2025-03 (ESTIMATED)": (
        dict(start_date=d(2025, 3, 1), start_date_precision=MONTH, start_date_type="ESTIMATED", **NOT_YET), {},
        NOT_STARTED, [("warning", "Status is NOT_YET_RECRUITING but the start date 2025-03 (ESTIMATED) was at least "
                                  "601 days before 2026-11-22.")]),
    "not yet recruiting, start 2026-08 (ESTIMATED), 83 days at least": (
        dict(start_date=d(2026, 8, 1), start_date_precision=MONTH, start_date_type="ESTIMATED", **NOT_YET), {},
        NOT_STARTED, []),
    "results overdue, primary completion 2019-06 (ACTUAL)": (
        dict(primary_completion_date=d(2019, 6, 1), primary_completion_date_precision=MONTH, **APPLICABLE), US_SITE,
        OVERDUE, [("warning", "Primary completion was 2019-06 (ACTUAL) and results were due by 2020-06-30, but none "
                              "were submitted as of 2026-11-22.")]),
    "results overdue, primary completion 2019 (ACTUAL)": (
        dict(primary_completion_date=d(2019, 1, 1), primary_completion_date_precision=YEAR, **APPLICABLE), US_SITE,
        OVERDUE, [("warning", "Primary completion was 2019 (ACTUAL) and results were due by 2020-12-31, but none "
                              "were submitted as of 2026-11-22.")]),
    "primary completion ESTIMATED: no results due": (
        dict(primary_completion_date=d(2019, 6, 14), primary_completion_date_type="ESTIMATED", **APPLICABLE),
        US_SITE, OVERDUE, []),
}


@pytest.fixture(scope="module")
def shape_found(tmp_path_factory):
    """(rule id, severity, message, evidence) of every date and timeliness rule's findings, by shape."""
    return harness.judged_shape_findings(tmp_path_factory.mktemp("dates_early_and_estimated"), SHAPES, RULES)


@pytest.mark.parametrize("name", list(SHAPES))
def test_shape(shape_found, name):
    _values, _tables, rule, expected = SHAPES[name]
    assert [(severity, message) for rule_id, severity, message, _ in shape_found[name] if rule_id == rule] == expected


def test_an_estimated_posting_keeps_its_label_in_the_evidence(shape_found):
    [(_, _, _, evidence)] = [f for f in shape_found["registered by an ESTIMATED posting, started 1995-07"]
                             if f[0] == LATE]
    assert evidence == "study_first_posted_date=1999-11-04 (ESTIMATED); start_date=1995-07; days after start=1557"


# The study started on 2021-06-15: the older version (2021-03-01) was posted before, the newer (2022-03-01) after.
STARTED = {"start_date": d(2021, 6, 15), "start_date_precision": "day"}


def changed(old_measures, new_measures, old_frames=None, new_frames=None):
    """Two registry versions of a study that started on 2021-06-15."""
    return outcome_versions(old_measures, new_measures, old_frames, new_frames, old={**OLD, **STARTED},
                            new={**NEW, **STARTED})


def page_after(days: int, measures: list[str], layout: str = "ctgov_classic_text"):
    """The registry's version of 2022-03-01 (measure 'Change in HbA1c') and a republished page (or another registry
    copy, `layout`) dated `days` later that shows `measures`."""
    registry = {**NEW, **STARTED, "sha256": "c" * 64, "path": "corpus/json_v2/NCT01000001.2022.json"}
    page = {**NEW, **STARTED, "sha256": "d" * 64, "path": "pages/NCT01000001.txt", "layout": layout,
            "last_update_posted_date": d(2022, 3, 1 + days)}
    return outcome_versions(["Change in HbA1c"], measures, old=registry, new=page)


# (expected severity or None for quiet, change of the study, note)
VERSION_CASES = [
    # A unit spelt another way.
    (None, changed(["Change in systolic blood pressure (mmHg)"], ["Change in systolic blood pressure (mm Hg)"]),
     "'mmHg' and 'mm Hg'"),
    (None, changed(["Body mass index (kg/m2)"], ["Body mass index (kg/m^2)"]), "'kg/m2' and 'kg/m^2'"),
    (None, changed(["Body mass index (kg/m²)"], ["Body mass index (kg/m^2)"]), "'kg/m²' and 'kg/m^2'"),
    (None, changed(["Percentage of participants with HbA1c < 7%"], ["Percent of participants with HbA1c < 7 percent"]),
     "'%' and 'percent', 'percentage' and 'percent'"),
    (None, changed(["% of participants with an ACR20 response"], ["Per cent of participants with an ACR20 response"]),
     "'%' and 'per cent'"),
    (None, changed(["Plateau pressure (cm H2O)"], ["Plateau pressure (cmH2O)"]), "'cm H2O' and 'cmH2O'"),
    (None, changed(["CD4+ count (cells/mm^3)"], ["CD4+ count (cells/mm³)"]), "'mm^3' and 'mm³'"),
    (None, changed(["Serum 25-hydroxyvitamin D (ug/L)"], ["Serum 25-hydroxyvitamin D (µg/L)"]), "'ug' and 'µg'"),
    (None, changed(["Fasting plasma glucose (mg/dL)"], ["Fasting plasma glucose (mg/dl)"]), "'mg/dL' and 'mg/dl'"),
    ("warning", changed(["Change in systolic blood pressure (mmHg)"], ["Change in diastolic blood pressure (mm Hg)"]),
     "another pressure, its unit spelt another way"),
    ("warning", changed(["Proportion with HbA1c < 7%"], ["Proportion with HbA1c < 7 mmol/mol"]),
     "a percent threshold became another unit"),
    ("warning", changed(["Body weight (kg)"], ["Body mass index (kg/m^2)"]), "weight became BMI"),
    ("warning", changed(["Percentage of participants with ACR20"], ["Number of participants with ACR20"]),
     "a percentage became a count"),
    # A time moved between the title and the time frame, in other words.
    (None, changed(["Pain at 1 month"], ["Pain"], ["Day 30"], ["1 month"]), "'at 1 month' with a frame of Day 30"),
    (None, changed(["Pain at 4 weeks"], ["Pain"], ["28 days"], ["4 weeks"]), "'at 4 weeks' with a frame of 28 days"),
    (None, changed(["Pain"], ["Pain at 28 days"], ["1 month"], ["Week 4"]), "'at 28 days' with a frame of Week 4"),
    (None, changed(["Pain at 12 months"], ["Pain"], ["1 year"], ["1 year"]), "'at 12 months' with a frame of 1 year"),
    (None, changed(["Pain at 1 year"], ["Pain"], ["Week 52"], ["Week 52"]), "'at 1 year' with a frame of Week 52"),
    (None, changed(["Pain at 52 weeks"], ["Pain"], ["12 months"], ["12 months"]),
     "'at 52 weeks' with a frame of 12 months"),
    (None, changed(["Remission rate at 6 months"], ["Remission rate"], ["Week 24"], ["Week 24"]),
     "'at 6 months' with a frame of Week 24"),
    (None, changed(["Pain at 3 months"], ["Pain"], ["Baseline, Day 90"], ["Day 90"]),
     "'at 3 months' with a frame of Day 90"),
    ("warning", changed(["Pain at 1 year"], ["Pain"], ["Week 48"], ["Week 48"]), "'at 1 year' with a frame of Week 48"),
    ("warning", changed(["Pain at 4 weeks"], ["Pain"], ["Day 30"], ["Day 30"]), "'at 4 weeks' with a frame of Day 30"),
    ("warning", changed(["Pain at 1 month"], ["Pain"], ["1.5 months"], ["1.5 months"]),
     "'at 1 month' with a frame of 1.5 months"),
    ("warning", changed(["Pain at 12 weeks"], ["Pain"], ["Week 24"], ["Week 24"]),
     "'at 12 weeks' with a frame of Week 24"),
    ("warning", changed(["Overall survival at 1 year"], ["Progression-free survival"], ["12 months"], ["12 months"]),
     "a time moved, and another measure"),
    # A republished page dated a day from the registry's version shows that version.
    (None, page_after(1, ["Change in HbA1c (%)"]), "a page a day after the registry's version, its own wording"),
    (None, page_after(1, ["Time to first hypoglycaemic event"]), "a page a day after, another measure"),
    ("warning", page_after(2, ["Time to first hypoglycaemic event"]), "a page two days after, another measure"),
    ("warning", page_after(1, ["Time to first hypoglycaemic event"], layout="ctgov_xml"),
     "the registry's own version a day later"),
]


@pytest.fixture(scope="module")
def version_found(tmp_path_factory):
    """(severity, message) of the outcome rule's findings on each case's study, by case index."""
    studies, owners = {}, {}
    for index, (_severity, change, _note) in enumerate(VERSION_CASES):
        nct_id = f"NCT0{index + 1:07d}"
        study = harness.clean_study()
        change(study)
        studies[nct_id] = study
        owners[nct_id] = index
    con = harness.warehouse_with(tmp_path_factory.mktemp("versions"), studies)
    try:
        return harness.findings_by_case(con, RULES, owners, [OUTCOME] * len(VERSION_CASES))
    finally:
        con.close()


@pytest.mark.parametrize("index", range(len(VERSION_CASES)), ids=lambda i: VERSION_CASES[i][2])
def test_version_case(version_found, index):
    severity, _change, _note = VERSION_CASES[index]
    assert [s for s, _ in version_found[index]] == ([severity] if severity else []), version_found[index]
