"""Copies of one study against the registry's record, what a related-trials list says of a study the registry shows as
UNKNOWN, and a study's NCT number, presence in the registry and age of our copy, as records and pages really give them:
dates to the month or the day, a page dated a day from the registry (no time zone given), fields a page does not show,
an older page, a study gone from the registry's id list, NCT numbers near the registry's issued range, copies judged as
of another day.

Every case's study sits in one of two warehouses, and each rule runs once over it (once per as_of day used).
"""
from __future__ import annotations

from datetime import date, datetime

import pytest

import checks
from checks.check_scope import set_scope
from checks.rule_findings import findings_of
from tests.checks import harness
from tests.checks.cases_cross_source import PAGE, REGISTRY

RULES = {rule.id: rule for rule in checks.all_rules()}
SAME = "cross_source.same_update_disagrees"
OUTDATED = "cross_source.republished_page_outdated"
PAGE_STATUS = "cross_source.republished_status_differs"
STATUS = "cross_source.related_study_status_differs"
TITLE = "cross_source.related_study_title_differs"
IDENTITY = "identity.nct_number_not_yet_issued"
LEFT = "registry_presence.left_registry"
OLD = "freshness.copy_is_old"

# The registry's record (API v2, last updated 2026-01-27) with the dates a page may give to another precision.
RECORD = {**REGISTRY, "start_date": date(2020, 1, 16), "start_date_precision": "day",
          "primary_completion_date": date(2021, 6, 1), "primary_completion_date_precision": "day"}
XML = {**RECORD, "layout": "ctgov_xml", "path": "corpus/xml_legacy/NCT01000001.xml"}
DAY_BEFORE, DAY_AFTER, TWO_DAYS_BEFORE = date(2026, 1, 26), date(2026, 1, 28), date(2026, 1, 25)
OLDER, NEWER = date(2025, 4, 20), date(2026, 6, 2)


def sources(*rows: dict):
    """The study's source files: the registry's record and the pages, each of its own content."""
    return lambda s: s.__setitem__("meta.source_records", [{**r, "sha256": f"{i + 1:x}" * 64}
                                                           for i, r in enumerate(rows)])


def page(**values) -> dict:
    """A republished page (aggregator_text) of the registry's record, with `values` changed."""
    return {**PAGE, "start_date": RECORD["start_date"], "start_date_precision": "day",
            "primary_completion_date": RECORD["primary_completion_date"],
            "primary_completion_date_precision": "day", **values}


def listed(own: dict, stated_status: str, title: str | None = None, listed_by: date | None = date(2022, 3, 1)):
    """The study's related-trials list (its record last updated `listed_by`) gives another study `stated_status`;
    that study's own record is the clean study changed by `own`."""
    def related(s):
        s["studies"][0]["last_update_posted_date"] = listed_by
        s["related_studies"] = [{"related_nct_id": None, "stated_status": stated_status, "stated_phase": None,
                                 "title": title}]

    def other(o):
        o["studies"][0].update(own)
    return related, other


# The study the registry shows as UNKNOWN, last updated before the list's record (2022-03-01) or after it.
UNKNOWN_BEFORE = {"overall_status": "UNKNOWN", "last_update_posted_date": date(2021, 1, 1)}
UNKNOWN_AFTER = {"overall_status": "UNKNOWN", "last_update_posted_date": date(2026, 1, 1)}
FRENCH = "Baricitinib dans le syndrome de Sj\u00f6gren primaire"

# (rule, expected severity or None for quiet, change of the study or (related, other) of listed(), note)
CASES = [
    # Two copies of one version (the same last-update date) that disagree, compared at the coarser precision.
    (SAME, "error", sources(RECORD, page(overall_status="RECRUITING")), "another status"),
    (SAME, "error", sources(RECORD, page(enrollment=400)), "another enrollment"),
    (SAME, "error", sources(RECORD, page(phase="PHASE2/PHASE3")), "another phase"),
    (SAME, "error", sources(RECORD, {**XML, "overall_status": "TERMINATED"}), "the legacy XML says terminated"),
    (SAME, "error", sources({**RECORD, "overall_status": "WITHDRAWN"}, page(overall_status="UNKNOWN")),
     "UNKNOWN against withdrawn: UNKNOWN comes only from an open status"),
    (SAME, "error", sources({**RECORD, "completion_date": date(2021, 10, 1)},
                            page(completion_date=date(2021, 9, 30), completion_date_precision="month")),
     "a month against a day in the next month"),
    (SAME, "error", sources({**RECORD, "completion_date": date(2022, 1, 15)},
                            page(completion_date=date(2021, 12, 31), completion_date_precision="year")),
     "a year against a day in the next year"),
    # A page older than the registry's record.
    (OUTDATED, "warning", sources(RECORD, page(last_update_posted_date=OLDER)), "an older page, the same status"),
    (OUTDATED, "warning", sources(RECORD, page(last_update_posted_date=OLDER),
                                  page(layout="summary_text", overall_status=None)),
     "two pages, one of the registry's update, one older"),
    (OUTDATED, "warning", sources(RECORD, page(last_update_posted_date=date(2026, 1, 20))), "a week older"),
    (OUTDATED, "warning", sources(RECORD, page(last_update_posted_date=TWO_DAYS_BEFORE)),
     "two days older: more than a time zone"),
    (OUTDATED, "warning", sources(RECORD, page(last_update_posted_date=OLDER, overall_status=None)),
     "an older page showing no status"),
    (OUTDATED, "warning", sources(RECORD, {**XML, "last_update_posted_date": date(2026, 2, 1)}, page()),
     "a page of the API copy, the legacy XML copy newer"),
    (OUTDATED, "warning", sources({**RECORD, "overall_status": "WITHDRAWN"},
                                  page(last_update_posted_date=OLDER, overall_status="WITHDRAWN")),
     "an older page of a withdrawn study"),
    (OUTDATED, "warning", sources({**RECORD, "overall_status": "UNKNOWN"},
                                  page(last_update_posted_date=OLDER, overall_status="UNKNOWN")),
     "an older page of a study shown as UNKNOWN"),
    (OUTDATED, "warning", sources(RECORD, page(layout="ctgov_classic_text", last_update_posted_date=OLDER)),
     "an older classic-layout page"),
    (OUTDATED, "warning", sources(RECORD, page(layout="summary_text", last_update_posted_date=OLDER,
                                               overall_status=None)), "an older trial-summary page"),
    # A page whose status is not the registry's record's.
    (PAGE_STATUS, None, sources({**RECORD, "overall_status": "UNKNOWN"},
                                page(last_update_posted_date=DAY_BEFORE, overall_status="RECRUITING")),
     "a page dated a day before, recruiting, against UNKNOWN (the same version before the registry's change)"),
    (PAGE_STATUS, None, sources({**RECORD, "overall_status": "UNKNOWN"},
                                page(last_update_posted_date=DAY_AFTER, overall_status="ENROLLING_BY_INVITATION")),
     "a page dated a day after, enrolling by invitation, against UNKNOWN"),
    (PAGE_STATUS, None, sources({**RECORD, "overall_status": "UNKNOWN"},
                                page(layout="ctgov_classic_text", last_update_posted_date=DAY_BEFORE,
                                     overall_status="NOT_YET_RECRUITING")),
     "a classic page dated a day before, not yet recruiting, against UNKNOWN"),
    (PAGE_STATUS, "warning", sources(RECORD, page(last_update_posted_date=OLDER, overall_status="RECRUITING")),
     "an older page, still recruiting"),
    (PAGE_STATUS, "warning", sources(RECORD, page(last_update_posted_date=NEWER, overall_status="TERMINATED")),
     "a newer page, terminated"),
    (PAGE_STATUS, "warning", sources({**RECORD, "overall_status": "UNKNOWN"},
                                     page(last_update_posted_date=TWO_DAYS_BEFORE, overall_status="RECRUITING")),
     "two days before, recruiting, against UNKNOWN: more than a time zone"),
    (PAGE_STATUS, "warning", sources({**RECORD, "overall_status": "UNKNOWN"},
                                     page(last_update_posted_date=DAY_BEFORE, overall_status="COMPLETED")),
     "a day before, completed, against UNKNOWN: UNKNOWN comes only from an open status"),
    (PAGE_STATUS, "warning", sources(RECORD, page(last_update_posted_date=DAY_AFTER, overall_status="RECRUITING")),
     "a day after, recruiting, against completed"),
    (PAGE_STATUS, "warning", sources(RECORD, page(last_update_posted_date=DAY_BEFORE, overall_status="RECRUITING")),
     "a day before, recruiting, against completed"),
    (PAGE_STATUS, "warning", sources({**RECORD, "overall_status": "RECRUITING"},
                                     page(last_update_posted_date=OLDER, overall_status="COMPLETED")),
     "an older page, completed, of a study recruiting since"),
    (PAGE_STATUS, "warning", sources({**RECORD, "overall_status": "RECRUITING"},
                                     page(last_update_posted_date=None, overall_status="WITHDRAWN")),
     "an undated page, withdrawn, against recruiting"),
    (PAGE_STATUS, "warning", sources({**RECORD, "overall_status": "WITHDRAWN"},
                                     page(last_update_posted_date=OLDER, overall_status="RECRUITING")),
     "an older page, recruiting, of a study withdrawn since"),
    (PAGE_STATUS, "warning", sources({**RECORD, "overall_status": "RECRUITING"},
                                     page(last_update_posted_date=OLDER, overall_status="SUSPENDED")),
     "an older page, suspended, of a study recruiting again"),
    (PAGE_STATUS, "warning", sources({**RECORD, "overall_status": "TERMINATED"},
                                     page(last_update_posted_date=OLDER, overall_status="ACTIVE_NOT_RECRUITING")),
     "an older page, active, of a study terminated since"),
    (PAGE_STATUS, "warning", sources({**RECORD, "overall_status": "RECRUITING"},
                                     {**XML, "last_update_posted_date": date(2026, 2, 1)},
                                     page(last_update_posted_date=OLDER, overall_status="RECRUITING")),
     "held to the newest registry copy (the legacy XML's completed)"),
    # A related-trials list against a study the registry shows as UNKNOWN (no status verified for two years).
    (STATUS, "info", listed({**UNKNOWN_BEFORE, "last_known_status": "RECRUITING"}, "Completed"),
     "completed, last known recruiting, the list's record updated after the study's"),
    (STATUS, "info", listed({**UNKNOWN_BEFORE, "last_known_status": "ACTIVE_NOT_RECRUITING"}, "Terminated"),
     "terminated, last known active"),
    (STATUS, "info", listed({**UNKNOWN_BEFORE, "last_known_status": "RECRUITING"}, "Active, not recruiting"),
     "active, last known recruiting"),
    (STATUS, "info", listed({**UNKNOWN_BEFORE, "last_known_status": None}, "Completed"),
     "completed, no last known status kept"),
    (STATUS, "info", listed({**UNKNOWN_BEFORE, "last_known_status": "NOT_YET_RECRUITING"}, "Withdrawn"),
     "withdrawn, last known not yet recruiting"),
    (STATUS, "info", listed({**UNKNOWN_AFTER, "last_known_status": "RECRUITING"}, "Completed", listed_by=None),
     "completed, the list's record of no update date"),
    (STATUS, "warning", listed({**UNKNOWN_AFTER, "last_known_status": "RECRUITING"}, "Completed"),
     "completed, in a list whose record was updated before the study was last known recruiting"),
    (STATUS, "warning", listed({**UNKNOWN_BEFORE, "last_known_status": "RECRUITING"}, "Completed",
                               listed_by=date(2021, 1, 1)), "completed, the list's record updated the same day"),
    (STATUS, "warning", listed({**UNKNOWN_BEFORE, "last_known_status": "RECRUITING"}, "Enrolling by invitation"),
     "another open status of the same stage"),
    (STATUS, "warning", listed({"overall_status": "RECRUITING", "last_update_posted_date": date(2021, 1, 1)},
                               "Completed"), "completed, a study the registry shows recruiting"),
    (STATUS, "info", listed({**UNKNOWN_AFTER, "last_known_status": "ACTIVE_NOT_RECRUITING"}, "Recruiting"),
     "an earlier stage than the last known"),
    # A title in another language: it cannot be told from a sibling's translated title.
    (TITLE, "info", listed({}, None, title=FRENCH), "a French translation of the title"),
]


def _case(note: str) -> int:
    """The index of the case of this note."""
    return next(index for index, case in enumerate(CASES) if case[3] == note)


def _case_studies() -> tuple[dict, dict]:
    """Each case's study (and the study its list names) under NCT numbers of their own, and the case of each study."""
    return harness.related_case_studies(CASES, 2001, 3001)


def _day_studies() -> dict:
    """Each day case's study under its NCT number."""
    studies = {}
    for _rule, nct_id, values, tables, _as_of, _fires, _note in DAY_CASES:
        study = harness.clean_study()
        study["studies"][0].update(values)
        study.update(tables)
        studies[nct_id] = study
    return studies


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    """One warehouse holding every case's studies, and the case of each study of CASES."""
    studies, owners = _case_studies()
    con = harness.warehouse_with(tmp_path_factory.mktemp("cross_source_date_precision"), {**studies, **_day_studies()})
    try:
        yield con, owners
    finally:
        con.close()


@pytest.fixture(scope="module")
def found(warehouse):
    """(severity, message) of each case's rule's findings on its study, by case index."""
    con, owners = warehouse
    return harness.findings_by_case(con, RULES, owners, [case[0] for case in CASES])


@pytest.mark.parametrize("index", range(len(CASES)), ids=lambda i: f"{CASES[i][0].split('.')[1]}:{CASES[i][3]}")
def test_case(found, index):
    _rule, severity, _change, _note = CASES[index]
    assert [s for s, _ in found[index]] == ([severity] if severity else []), found[index]


def test_a_later_stage_than_an_unknown_studys_last_known_says_the_registry_is_out_of_date(found):
    index = _case("completed, last known recruiting, the list's record updated after the study's")
    [(_, message)] = found[index]
    other = f"NCT0{index + 3001:07d}"
    assert message == (f"This record says {other} is Completed but that study's own record says UNKNOWN (last known "
                       "RECRUITING): the registry's status is out of date (not verified for two years), and this "
                       "record may give the later one.")


@pytest.mark.parametrize("note, message", [
    ("an older page, still recruiting",
     "The aggregator_text page (last updated 2025-04-20) still says the study is RECRUITING but the registry record, "
     "updated since (2026-01-27), says COMPLETED: the page is out of date."),
    ("an older page, active, of a study terminated since",
     "The aggregator_text page (last updated 2025-04-20) still says the study is ACTIVE_NOT_RECRUITING but the "
     "registry record, updated since (2026-01-27), says TERMINATED: the page is out of date."),
    ("a day before, recruiting, against completed",
     "The aggregator_text page (last updated 2026-01-26) says the study is RECRUITING but the registry record (last "
     "updated 2026-01-27) says COMPLETED."),
    ("an older page, completed, of a study recruiting since",
     "The aggregator_text page (last updated 2025-04-20) says the study is COMPLETED but the registry record (last "
     "updated 2026-01-27) says RECRUITING."),
    ("an older page, suspended, of a study recruiting again",
     "The aggregator_text page (last updated 2025-04-20) says the study is SUSPENDED but the registry record (last "
     "updated 2026-01-27) says RECRUITING."),
])
def test_an_older_page_at_an_earlier_stage_is_said_to_be_out_of_date(found, note, message):
    """Only a page older by more than a day, at an earlier stage of the order the registry moves a study on."""
    [(_, found_message)] = found[_case(note)]
    assert found_message == message


# The registry's id lists that lacked a study: first on 2026-11-01, last on 2026-11-21.
FIRST_MISSING, LAST_MISSING = datetime(2026, 11, 1, 6), datetime(2026, 11, 21, 6)
AS_OF = harness.AS_OF  # Sunday 2026-11-22
EARLY = date(2019, 6, 1)


def departed(first: datetime = FIRST_MISSING, last: datetime = LAST_MISSING, returned: datetime | None = None,
             count: int | None = 575_000) -> dict:
    """The meta.registry_departures row of a study the registry's id lists lacked."""
    return {"meta.registry_departures": [{
        "first_missing_pull": "p1", "first_missing_at": first, "last_missing_pull": "p2", "last_missing_at": last,
        "registry_count": count, "returned_pull": "p3" if returned else None, "returned_at": returned}]}


def stored(*layouts: str, superseded: bool = False) -> dict:
    """meta.source_records rows: one version of the study from each layout, the first current."""
    return {"meta.source_records": [{"sha256": f"{n}" * 64, "layout": layout, "is_current": n == 1,
                                     "superseded": superseded and n > 1} for n, layout in enumerate(layouts, 1)]}


POSTED = "study_first_posted_date"
# (rule, NCT number, studies-row values, other tables, as_of, fires, what the record shows)
DAY_CASES = [
    # NCT numbers beyond the registry's issued range at the record's posting (a year's slack).
    (IDENTITY, "NCT99999999", {POSTED: date(2024, 3, 1)}, {}, AS_OF, True, "NCT99999999"),
    (IDENTITY, "NCT00000001", {POSTED: date(1999, 9, 20)}, {}, AS_OF, True, "below the first number"),
    (IDENTITY, "NCT01234568", {POSTED: date(2005, 6, 1)}, {}, AS_OF, True, "a 2010 number posted in 2005"),
    (IDENTITY, "NCT04700000", {POSTED: date(2019, 6, 1)}, {}, AS_OF, True, "a 2021 number posted in 2019"),
    (IDENTITY, "NCT06200000", {POSTED: date(2022, 11, 1)}, {}, AS_OF, True, "a 2024 number posted in 2022"),
    (IDENTITY, "NCT11111111", {POSTED: None, "snapshot_date": date(2025, 1, 1)}, {}, AS_OF, True,
     "no posting date, NCT11111111 in a copy of 2025"),
    (IDENTITY, "NCT08600000", {POSTED: date(2026, 3, 1)}, {}, AS_OF, True, "beyond 2027's growth, posted 2026"),
    (IDENTITY, "NCT99999998", {POSTED: None}, {}, AS_OF, True, "no posting date nor copy's day, NCT99999998"),
    # A study gone from the registry's full id list.
    (LEFT, "NCT01900120", {"source_layout": "ctgov_classic_text", "snapshot_date": None},
     {**departed(), **stored("ctgov_classic_text", "ctgov_xml")}, AS_OF, True, "a classic page over a legacy XML copy"),
    (LEFT, "NCT01900121", {"snapshot_date": date(2026, 11, 1)}, departed(), AS_OF, True,
     "a copy of the day the first list lacked it, still missing since"),
    (LEFT, "NCT01900108", {"snapshot_date": date(2026, 10, 15)}, departed(), AS_OF, True, "an API copy before"),
    (LEFT, "NCT01900109", {"snapshot_date": None}, departed(), AS_OF, True, "an API copy of no day given"),
    (LEFT, "NCT01900110", {"source_layout": "ctgov_xml", "snapshot_date": date(2017, 5, 2)}, departed(), AS_OF, True,
     "a legacy XML copy of 2017"),
    (LEFT, "NCT01900111", {"overall_status": "WITHDRAWN", "enrollment": 0, "snapshot_date": date(2026, 10, 15)},
     departed(), AS_OF, True, "a withdrawn study gone from the list"),
    (LEFT, "NCT01900112", {"source_layout": "aggregator_text", "snapshot_date": None},
     {**departed(), **stored("aggregator_text", "ctgov_json_v2", superseded=True)}, AS_OF, True,
     "a page over a superseded API version"),
    (LEFT, "NCT01900113", {"snapshot_date": date(2026, 3, 2)},
     departed(first=datetime(2026, 4, 1, 6)), AS_OF, True, "missing since April"),
    (LEFT, "NCT01900114", {"snapshot_date": date(2026, 10, 15)}, departed(), date(2026, 11, 10), True,
     "judged between the first and the last list that lacked it"),
    (LEFT, "NCT01900115", {"snapshot_date": date(2026, 10, 15)}, departed(count=None), AS_OF, True,
     "a list of no count"),
    (LEFT, "NCT01900116", {"snapshot_date": date(2026, 11, 20)}, departed(), AS_OF, True,
     "a copy the day before the last list that lacked it"),
    (LEFT, "NCT01900117", {"snapshot_date": date(2026, 10, 15)},
     departed(first=datetime(2026, 11, 22, 23), last=datetime(2026, 11, 22, 23)), AS_OF, True,
     "missing from a list taken late on as_of"),
    (LEFT, "NCT01900118", {"snapshot_date": date(2026, 11, 5)}, departed(), AS_OF, True,
     "a copy between the first and the last list that lacked it"),
    # Our copy's age in business days (threshold 10), as of the run's day.
    (OLD, "NCT01800110", {"snapshot_date": date(2026, 11, 6)}, {}, date(2026, 11, 23), True,
     "Friday to the Monday after next: 11 business days"),
    (OLD, "NCT01800111", {"snapshot_date": date(2026, 11, 10)}, {}, date(2026, 11, 25), True,
     "Tuesday to the Wednesday after next"),
    (OLD, "NCT01800112", {"snapshot_date": date(2026, 12, 18)}, {}, date(2027, 1, 4), True,
     "over the new year"),
    (OLD, "NCT01800113", {"snapshot_date": date(2028, 2, 15)}, {}, date(2028, 3, 1), True, "over a leap day"),
    (OLD, "NCT01800114", {"snapshot_date": date(2017, 5, 2), "source_layout": "ctgov_xml"}, {}, AS_OF, True,
     "a legacy XML copy of 2017"),
    (OLD, "NCT01800115", {"snapshot_date": date(2019, 5, 17)}, {}, EARLY, True, "judged as of 2019, two weeks old"),
    (OLD, "NCT01800116", {"snapshot_date": date(2026, 11, 6)}, {}, date(2026, 11, 21), True, "as of a Saturday"),
    (OLD, "NCT01800117", {"snapshot_date": date(2026, 11, 6)}, {}, AS_OF, True, "as of a Sunday"),
    (OLD, "NCT01800118", {"snapshot_date": date(2026, 10, 30), "overall_status": "WITHDRAWN", "enrollment": 0},
     {}, AS_OF, True, "a withdrawn study's copy"),
    (OLD, "NCT01800119", {"snapshot_date": date(2026, 11, 5)}, departed(), AS_OF, True,
     "a study gone from the registry's list"),
    (OLD, "NCT01800120", {"snapshot_date": date(2016, 12, 6)}, {}, AS_OF, True, "ten years old"),
]


@pytest.fixture(scope="module")
def flagged(warehouse) -> dict[tuple[str, date], dict[str, tuple]]:
    """(severity, message, evidence) of what each rule flags as of each day its cases use, by study."""
    con, _owners = warehouse
    found = {}
    for as_of in sorted({case[4] for case in DAY_CASES}):
        scope = set_scope(con, None, as_of)
        for rule_id in sorted({case[0] for case in DAY_CASES if case[4] == as_of}):
            rule = RULES[rule_id]
            found[rule_id, as_of] = {f.nct_id: (f.severity or rule.severity, f.message, f.evidence)
                                     for f in findings_of(con, rule, scope)}
    return found


@pytest.mark.parametrize("case", DAY_CASES,
                         ids=lambda c: f"{c[0].split('.')[1]}:{'fires' if c[5] else 'quiet'}:{c[6]}")
def test_day_case(flagged, case):
    rule, nct_id, _values, _tables, as_of, fires, note = case
    assert (nct_id in flagged[rule, as_of]) == fires, note


def test_an_old_copy_counts_calendar_and_business_days(flagged):
    severity, message, evidence = flagged[OLD, date(2026, 11, 23)]["NCT01800110"]
    assert severity == "info"
    assert message == ("Our copy of this record is 17 days old (11 business days, taken from the registry on "
                       "2026-11-06); refresh it before relying on its status.")
    assert evidence == ("studies.snapshot_date=2026-11-06; as_of=2026-11-23; business days=11; "
                        "threshold=10 business days")


def test_a_study_gone_from_the_list_names_the_lists_not_people(flagged):
    severity, message, evidence = flagged[LEFT, AS_OF]["NCT01900115"]
    assert severity == "warning"
    assert message.startswith("The registry no longer lists this study (absent from its full id list since "
                              "2026-11-01)")
    assert evidence == ("meta.registry_departures: first missing 2026-11-01 (pull p1), still missing 2026-11-21 "
                        "(pull p2)")
