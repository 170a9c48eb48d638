"""What a republished page shows is judged as the record is.

A page that shows no posting date (meddatax's, a trial summary) still tells when the record was first made public,
at the latest: its last update, and the end of the year its NCT number was issued by. Every rule whose severity drops
to info for a record made public before FDAAA 801 (2007-09-27) or the Final Rule (2017-01-18) reads the era so, where
that settles it, and only there.

Why a study stopped is judged on the pages that show it: a reason a page shows is read as the record's; no reason
shown is none given only on a page that shows the reason wherever the record gives one (a trial summary's 'Why
stopped'); a page that may have lost words (a text cut at 'Show more', a page cut short) is not judged. Each page is
rendered from a real record (tests/parsers/*_render.py) and read by its layout's reader.
"""
from __future__ import annotations

from datetime import date

import pytest

import checks
from flows.parsers import entry_for
from flows.parsers.page_controls import CUT_TEXT
from flows.parsers.summary_text import CUT_SHORT
from tests.checks import harness
from tests.checks.injected_defects import chosen_records
from tests.checks.page_defects import page_of, page_tables
from tests.shared_corpus import needs_corpus

RULES = {rule.id: rule for rule in checks.all_rules()}
SEVERAL_ARMS = "contradictions.single_group_several_arms"
ESTIMATED_ENROLLMENT = "contradictions.closed_status_estimated_enrollment"
NO_ENROLLMENT = "missing_fields.no_enrollment"
NO_STUDY_COMPLETION = "missing_fields.no_study_completion_date"
NO_REASON = "status.stopped_without_reason"
COMPLETED_REASON = "status.completed_with_reason_stopped"
INFO, WARNING = "info", "warning"
MEDDATAX, CLINCOSM, SUMMARY = "aggregator_text", "ctgov_classic_text", "summary_text"

# A page of meddatax's: no posting, no submission, a last update of this decade.
MEDDATAX_PAGE = dict(source_layout=MEDDATAX, study_first_posted_date=None, study_first_posted_date_precision=None,
                     last_update_posted_date=date(2023, 8, 18), last_update_posted_date_precision="day")
# A trial summary: no posting, no submission, no last update.
SUMMARY_PAGE = dict(MEDDATAX_PAGE, source_layout=SUMMARY, last_update_posted_date=None,
                    last_update_posted_date_precision=None)
CLINCOSM_PAGE = dict(source_layout=CLINCOSM)
# A study run and ended before FDAAA, its dates not typed, as a trial summary shows them.
RAN_BEFORE_FDAAA = dict(start_date=date(2002, 1, 1), start_date_type=None, primary_completion_date=date(2003, 6, 1),
                        primary_completion_date_type=None, completion_date=date(2004, 1, 1), completion_date_type=None)
RAN_PAST_FDAAA = dict(RAN_BEFORE_FDAAA, completion_date=date(2009, 3, 1))
# A single-group design listing two cohorts of different doses, not randomized.
TWO_COHORTS = {"designs": [{"allocation": "NON_RANDOMIZED", "intervention_model": "SINGLE_GROUP",
                            "primary_purpose": "TREATMENT", "masking": "NONE"}],
               "design_groups": [{"group_type": "EXPERIMENTAL", "title": "Cohort 1: Drug X 10 mg",
                                  "description": "Drug X 10 mg daily"},
                                 {"group_type": "EXPERIMENTAL", "title": "Cohort 2: Drug X 20 mg",
                                  "description": "Drug X 20 mg daily"}],
               "design_group_interventions": []}


def _problem(reason: str) -> dict:
    """The page's load problem of `reason` (the clean study's version)."""
    return {"meta.load_problems": [{"run_id": "r", "sha256": "0" * 64, "path": "/in/page.txt", "stage": "parse",
                                    "reason": reason, "detail": "as the reader says"}]}


def _stopped(status: str, why: str | None, page: dict, **more) -> dict:
    return dict(page, overall_status=status, why_stopped=why, **more)


# (name): (NCT id, the studies row's values, tables replacing the clean study's, rule, severity or None: quiet;
# the evidence's ending where it matters). New behaviour is marked "new" in its name.
ERA_CASES = {
    # The Final Rule's SEQUENTIAL model: a page's number issued by the end of 2012, or 2016, settles it.
    "new: meddatax page numbered in 2012, cohorts before SEQUENTIAL": (
        "NCT01515612", MEDDATAX_PAGE, TWO_COHORTS, SEVERAL_ARMS, INFO,
        "; NCT number issued by the end of 2012, before the registry offered SEQUENTIAL (2017-01-18)"),
    "new: trial summary numbered by the end of 2016": (
        "NCT02990000", SUMMARY_PAGE, TWO_COHORTS, SEVERAL_ARMS, INFO, "NCT number issued by the end of 2016"),
    "new: meddatax page last updated in 2016, its number of 2017": (
        "NCT03100000", dict(MEDDATAX_PAGE, last_update_posted_date=date(2016, 11, 3)), TWO_COHORTS, SEVERAL_ARMS,
        INFO, "; last updated 2016-11-03, before the registry offered SEQUENTIAL"),
    "page numbered in 2017: not settled": ("NCT03000001", MEDDATAX_PAGE, TWO_COHORTS, SEVERAL_ARMS, WARNING, ""),
    "page numbered in 2022": ("NCT05300932", MEDDATAX_PAGE, TWO_COHORTS, SEVERAL_ARMS, WARNING, ""),
    "page numbered beyond the table": ("NCT09900000", SUMMARY_PAGE, TWO_COHORTS, SEVERAL_ARMS, WARNING, ""),
    "a posting decides, not the number": (
        "NCT01515613", dict(source_layout=CLINCOSM, study_first_posted_date=date(2019, 12, 2)), TWO_COHORTS,
        SEVERAL_ARMS, WARNING, ""),
    # FDAAA's data elements: a number of 2006 settles it, one of 2007 does not.
    "page numbered in 2006, no enrollment": (
        "NCT00400000", dict(MEDDATAX_PAGE, enrollment=None), {}, NO_ENROLLMENT, INFO,
        "; NCT number issued by the end of 2006, before FDAAA required it"),
    "page numbered in 2007, last updated before FDAAA": (
        "NCT00500000", dict(MEDDATAX_PAGE, enrollment=None, last_update_posted_date=date(2007, 5, 1)), {},
        NO_ENROLLMENT, INFO, "; last updated 2007-05-01, before FDAAA required it"),
    "page numbered in 2007, updated since": (
        "NCT00500001", dict(MEDDATAX_PAGE, enrollment=None), {}, NO_ENROLLMENT, WARNING, ""),
    # The Final Rule's study completion date.
    "new: page numbered in 2012, no study completion date": (
        "NCT01515614", dict(MEDDATAX_PAGE, completion_date=None, completion_date_type=None), {},
        NO_STUDY_COMPLETION, INFO, "; NCT number issued by the end of 2012, before the Final Rule required it"),
    "page numbered in 2017, no study completion date": (
        "NCT03000002", dict(MEDDATAX_PAGE, completion_date=None, completion_date_type=None), {},
        NO_STUDY_COMPLETION, WARNING, ""),
    # FDAAA's reason for stopping and actual enrollment, on a trial summary's untyped dates.
    "new: trial summary numbered in 2006, stopped before FDAAA": (
        "NCT00300000", _stopped("TERMINATED", None, SUMMARY_PAGE, **RAN_BEFORE_FDAAA), {}, NO_REASON, INFO,
        "before FDAAA (2007-09-27) asked why a study stopped"),
    "new: trial summary numbered in 2006, run past FDAAA": (
        "NCT00300001", _stopped("TERMINATED", None, SUMMARY_PAGE, **RAN_PAST_FDAAA), {}, NO_REASON, WARNING,
        "; first made public by the end of 2006 (its NCT number), before FDAAA required a reason, but the study was "
        "still running on its completion date 2009-03-01"),
    "new: trial summary numbered in 2006, estimated enrollment": (
        "NCT00300002", dict(SUMMARY_PAGE, enrollment_type="ESTIMATED", **RAN_BEFORE_FDAAA), {},
        ESTIMATED_ENROLLMENT, INFO, "; NCT number issued by the end of 2006, before FDAAA required it"),
    "trial summary numbered in 2008, estimated enrollment": (
        "NCT00700000", dict(SUMMARY_PAGE, enrollment_type="ESTIMATED", **RAN_BEFORE_FDAAA), {},
        ESTIMATED_ENROLLMENT, WARNING, ""),
}

# Why a stopped study stopped, on each page layout; and a completed one's reason.
REASON_CASES = {
    "new: trial summary, terminated, no reason": (
        "NCT04000001", _stopped("TERMINATED", None, SUMMARY_PAGE), {}, NO_REASON, WARNING,
        "why_stopped=NULL"),
    "new: trial summary, withdrawn, the status said again": (
        "NCT04000002", _stopped("WITHDRAWN", "Study withdrawn.", SUMMARY_PAGE, enrollment=0), {}, NO_REASON,
        WARNING, "why_stopped=Study withdrawn."),
    "trial summary, terminated for slow accrual": (
        "NCT04000003", _stopped("TERMINATED", "Slow accrual", SUMMARY_PAGE), {}, NO_REASON, None, ""),
    "trial summary cut short, no reason shown": (
        "NCT04000004", _stopped("TERMINATED", None, SUMMARY_PAGE), _problem(CUT_SHORT), NO_REASON, None, ""),
    "meddatax, terminated, no reason shown (compact or labelled)": (
        "NCT04000005", _stopped("TERMINATED", None, MEDDATAX_PAGE), {}, NO_REASON, None, ""),
    "new: meddatax, withdrawn with N/A": (
        "NCT04000006", _stopped("WITHDRAWN", "N/A", MEDDATAX_PAGE, enrollment=0), {}, NO_REASON, WARNING,
        "why_stopped=N/A"),
    "new: meddatax, suspended: not provided by sponsor": (
        "NCT04000007", _stopped("SUSPENDED", "Not provided by sponsor", MEDDATAX_PAGE), {}, NO_REASON, WARNING, ""),
    "meddatax with a text cut, suspended: not specified": (
        "NCT04000008", _stopped("SUSPENDED", "Not specified", MEDDATAX_PAGE), _problem(CUT_TEXT), NO_REASON, None,
        ""),
    "meddatax, terminated: funding withdrawn by the sponsor": (
        "NCT04000009", _stopped("TERMINATED", "Funding withdrawn by sponsor", MEDDATAX_PAGE), {}, NO_REASON, None,
        ""),
    "new: meddatax, pointing to a description the page lacks": (
        "NCT04000010", _stopped("TERMINATED", "See Detailed Description", MEDDATAX_PAGE),
        {"detailed_descriptions": []}, NO_REASON, WARNING, "detailed description: none"),
    "meddatax, pointing to the description the page gives": (
        "NCT04000011", _stopped("TERMINATED", "See detailed description", MEDDATAX_PAGE), {}, NO_REASON, None, ""),
    "new: clincosm, terminated (-)": (
        "NCT04000012", _stopped("TERMINATED", "-", CLINCOSM_PAGE), {}, NO_REASON, WARNING, "why_stopped=-"),
    "new: clincosm, withdrawn (Other)": (
        "NCT04000013", _stopped("WITHDRAWN", "Other", CLINCOSM_PAGE, enrollment=0), {}, NO_REASON, WARNING, ""),
    "clincosm, terminated (Sponsor decision)": (
        "NCT04000014", _stopped("TERMINATED", "Sponsor decision", CLINCOSM_PAGE), {}, NO_REASON, None, ""),
    "new: meddatax, completed: terminated early due to futility": (
        "NCT04000015", _stopped("COMPLETED", "Terminated early due to futility", MEDDATAX_PAGE), {},
        COMPLETED_REASON, WARNING, ""),
    "new: trial summary, completed: stopped prematurely for lack of efficacy": (
        "NCT04000016", _stopped("COMPLETED", "The study was stopped prematurely for lack of efficacy",
                                SUMMARY_PAGE), {}, COMPLETED_REASON, WARNING, ""),
    "new: clincosm, completed: recruitment temporarily halted, resumed": (
        "NCT04000017", _stopped("COMPLETED", "Recruitment temporarily halted during COVID-19; resumed in 2021",
                                CLINCOSM_PAGE), {}, COMPLETED_REASON, INFO, ""),
    "meddatax, completed: enrollment goal reached": (
        "NCT04000018", _stopped("COMPLETED", "Enrollment goal reached", MEDDATAX_PAGE), {}, COMPLETED_REASON, None,
        ""),
    "meddatax with a text cut, completed: terminated early": (
        "NCT04000019", _stopped("COMPLETED", "Terminated early", MEDDATAX_PAGE), _problem(CUT_TEXT),
        COMPLETED_REASON, None, ""),
    "trial summary cut short, completed: halted early for safety": (
        "NCT04000020", _stopped("COMPLETED", "Halted early for safety", SUMMARY_PAGE), _problem(CUT_SHORT),
        COMPLETED_REASON, None, ""),
}
CASES = {**ERA_CASES, **REASON_CASES}


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    """Each case's findings of the rule it names, all cases in one warehouse."""
    shapes = {name: (nct_id, values, tables) for name, (nct_id, values, tables, *_rest) in CASES.items()}
    judged = [RULES[rule_id] for rule_id in sorted({case[3] for case in CASES.values()})]
    return harness.shape_findings(tmp_path_factory.mktemp("judged"), shapes, judged)


@pytest.mark.parametrize("name", list(CASES))
def test_a_page_is_judged_as_the_record(found, name):
    _nct_id, _values, _tables, rule_id, severity, evidence = CASES[name]
    got = [(rule, level, said) for rule, level, _message, said in found[name] if rule == rule_id]
    assert [(rule, level) for rule, level, _said in got] == ([(rule_id, severity)] if severity else []), got
    if severity and evidence:
        assert evidence in got[0][2]


def test_no_reason_shown_is_judged_exactly_where_the_layout_shows_the_reason(tmp_path):
    # a page that shows a stopped status's reason wherever the record gives one says no reason by showing none
    layouts = (MEDDATAX, CLINCOSM, SUMMARY)
    shapes = {layout: (f"NCT0410000{at}", _stopped("TERMINATED", None, dict(MEDDATAX_PAGE, source_layout=layout)),
                       {}) for at, layout in enumerate(layouts)}
    found = harness.shape_findings(tmp_path, shapes, [RULES[NO_REASON]])
    judged = {layout for layout in layouts if found[layout]}
    assert judged == {layout for layout in layouts if entry_for(layout).shows("studies.why_stopped")}
    assert SUMMARY in judged and MEDDATAX not in judged


# Pages of a real record, stopped with a reason and without, as each site shows them.
PAGE_SHAPES = ("clincosm", "meddatax", "meddatax compact", "trial-summary")


def _record_stopped(record: dict, status: str, why: str | None) -> dict:
    """The record with `status` and `why` (None: no reason given)."""
    protocol = record["protocolSection"]
    module = {key: value for key, value in protocol["statusModule"].items() if key != "whyStopped"}
    module["overallStatus"] = status
    if why is not None:
        module["whyStopped"] = why
    return {**record, "protocolSection": {**protocol, "statusModule": module}}


@pytest.fixture(scope="module")
def pages():
    """(the reader's studies row, its load problems) of each page shape of a real record as each stopped variant."""
    nct_id, record = next(iter(chosen_records().items()))
    variants = {"slow accrual": ("TERMINATED", "Slow accrual"), "none": ("TERMINATED", None),
                "N/A": ("WITHDRAWN", "N/A"), "futility": ("COMPLETED", "Terminated early due to futility")}
    read = {}
    for shape in PAGE_SHAPES:
        for variant, (status, why) in variants.items():
            tables = page_tables(page_of(_record_stopped(record, status, why), nct_id, shape), shape)
            read[shape, variant] = (tables["studies"][0], tables.get("meta.load_problems", []))
    return read


@needs_corpus
@pytest.mark.parametrize("shape", PAGE_SHAPES)
def test_a_page_reads_the_reason_it_shows_and_none_it_does_not(pages, shape):
    shown = shape != "meddatax compact"  # the compact page shows no reason at all
    assert pages[shape, "slow accrual"][0]["overall_status"] == "TERMINATED"
    assert pages[shape, "slow accrual"][0].get("why_stopped") == ("Slow accrual" if shown else None)
    assert pages[shape, "none"][0]["overall_status"] == "TERMINATED"
    assert pages[shape, "none"][0].get("why_stopped") is None
    # a placeholder is shown as given: a trial summary's 'N/A' is its word for no value, which is no reason too
    assert pages[shape, "N/A"][0].get("why_stopped") == ("N/A" if shown and shape != "trial-summary" else None)


@needs_corpus
def test_a_completed_page_reads_the_reason_it_shows(pages):
    for shape in ("meddatax", "trial-summary"):
        assert pages[shape, "futility"][0]["overall_status"] == "COMPLETED"
        assert pages[shape, "futility"][0].get("why_stopped") == "Terminated early due to futility"
    assert pages["meddatax compact", "futility"][0].get("why_stopped") is None


@needs_corpus
def test_a_trial_summary_cut_before_its_reason_says_so(tmp_path):
    nct_id, record = next(iter(chosen_records().items()))
    page = page_of(_record_stopped(record, "TERMINATED", "Slow accrual"), nct_id, "trial-summary")
    cut = page[:page.index("Why stopped")]
    tables = page_tables(cut, "trial-summary")
    assert tables["studies"][0]["overall_status"] == "TERMINATED" and tables["studies"][0].get("why_stopped") is None
    assert CUT_SHORT in {problem["reason"] for problem in tables["meta.load_problems"]}
    con = harness.warehouse_with(tmp_path, {nct_id: tables})
    try:
        scope = harness.set_scope(con, None, harness.AS_OF)
        assert list(harness.findings_of(con, RULES[NO_REASON], scope)) == []
    finally:
        con.close()
