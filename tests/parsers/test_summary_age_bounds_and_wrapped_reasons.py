"""Trial-summary pages of registry records as the site shows them: ages written as a lower or upper bound alone
('18 Years+', '≥18 Years', 'Birth to 17 Years'), a stopped status whose reason a narrow page
wraps onto a line of its own, and 'See also' trials whose stopped status carries its reason."""
from __future__ import annotations

import pytest

from flows.parsers.summary_text.eligibility import ages
from flows.parsers.summary_text.see_also import see_also
from tests.parsers.test_summary_repeated_keys_dates_and_collaborators import _page
from tests.parsers.test_summary_study_types_and_numeric_dates import _columns, _read


# Ages as one bound ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("shown, read", [
    ("18 Years+", ("18 Years", None)),
    ("18 Years +", ("18 Years", None)),
    ("≥18 Years", ("18 Years", None)),
    (">= 18 Years", ("18 Years", None)),
    ("Older than 18 Years", (None, None)),  # excludes 18: no inclusive minimum the registry states
    ("under 17 Years", (None, None)),  # excludes 17: no inclusive maximum
    ("Birth to 17 Years", (None, "17 Years")),
    ("≤17 Years", (None, "17 Years")),
    # nearby forms read as before
    ("18 Years and older", ("18 Years", None)),
    ("up to 17 Years", (None, "17 Years")),
    ("18 Years to 65 Years", ("18 Years", "65 Years")),
    ("Older than 18", (None, None)),  # no unit: no age the registry states
])
def test_an_age_bound_alone_is_the_minimum_or_maximum_age_it_names(shown, read):
    assert ages(shown) == read


def test_a_page_whose_ages_show_one_bound_loads_it_and_no_problem():
    record, problems = _read(_page(["Status Recruiting", "Ages ≥18 Years", "Sex All"]))
    row = record.tables["eligibilities"][0]
    assert _columns(row, "minimum_age", "maximum_age", "gender") == ("18 Years", None, "ALL") and problems == []
    record, problems = _read(_page(["Status Recruiting", "Ages Birth to 17 Years (Child)", "Sex All"]))
    row = record.tables["eligibilities"][0]
    assert _columns(row, "minimum_age", "maximum_age", "child", "adult") == (None, "17 Years", True, False)
    assert problems == []
    record, problems = _read(_page(["Status Recruiting", "Ages Adults", "Sex All"]))
    assert record.tables["eligibilities"][0]["minimum_age"] is None
    assert problems == [("unreadable value", "'Ages' is not an age range")]


# A stopped status's reason on a line of its own -------------------------------------------------------------------


@pytest.mark.parametrize("lines, status, reason", [
    (["Status Terminated", "(Low accrual)"], "TERMINATED", "Low accrual"),
    (["Status Withdrawn", "(Sponsor decided not to", "proceed)"], "WITHDRAWN", "Sponsor decided not to proceed"),
    (["Status Suspended", "(Pending safety review (DSMB))"], "SUSPENDED", "Pending safety review (DSMB)"),
    # nearby pages that read as before
    (["Status Terminated (Low accrual)"], "TERMINATED", "Low accrual"),
    (["Status Terminated", "Why stopped Low accrual"], "TERMINATED", "Low accrual"),
])
def test_a_stopped_status_with_its_reason_wrapped_alone_below_gives_why_it_stopped(lines, status, reason):
    record, problems = _read(_page(lines))
    assert _columns(record.study, "overall_status", "why_stopped") == (status, reason) and problems == []


def test_a_bracketed_line_below_a_status_that_is_not_stopped_is_no_reason():
    record, problems = _read(_page(["Status Completed", "(Has Results)"]))
    assert _columns(record.study, "overall_status", "why_stopped") == ("COMPLETED", None)
    assert problems == [("unknown label", "key block line starting '(Has'")]


# 'See also' statuses with a reason -------------------------------------------------------------------------------


def test_a_see_also_stopped_status_with_its_reason_is_the_status():
    rows, strays = see_also(["Terminated (Low accrual) NCT01000018 - Efficacy of Drug L (ACCRUE) Phase 2",
                             "Withdrawn (Funding (grant) not obtained) NCT01000019 - A Study of Drug M N/A",
                             "Completed NCT01000017 - Phase 1 Study Phase 1",
                             "Completed (Has Results) NCT01000016 - A Study of Drug K Phase 3"])
    assert [(row["stated_status"], row["title"], row["stated_phase"]) for row in rows] == [
        ("TERMINATED", "Efficacy of Drug L (ACCRUE)", "PHASE2"), ("WITHDRAWN", "A Study of Drug M", "NA"),
        ("COMPLETED", "Phase 1 Study", "PHASE1"), ("Completed (Has Results)", "A Study of Drug K", "PHASE3")]
    assert strays == 0
