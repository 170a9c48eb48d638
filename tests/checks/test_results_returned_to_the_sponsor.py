"""timeliness.results_overdue: results submitted late and not yet posted are info while they are in the registry's
review, and results submitted on time are not overdue; where the review's return is the record's last event, more than
the 25 days 42 CFR 11.64(b) gives to correct results before the record's day, the results are back with the sponsor and
owed again, however late or early they were first submitted: a warning that says so."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

import checks
from checks.engine import run_rules
from tests.checks import harness

OVERDUE = "timeliness.results_overdue"
# Results due 2022-06-30 (a primary completion of 2021-06-30), submitted late on 2022-08-09.
LATE = ("RELEASE", date(2022, 8, 9))
# The same results submitted in time, on 2022-05-30, and on the day they were due.
ON_TIME = ("RELEASE", date(2022, 5, 30))
ON_THE_DAY = ("RELEASE", date(2022, 6, 30))
RECORD_DAY = date(2026, 3, 3)


def _before(days: int) -> date:
    return RECORD_DAY - timedelta(days=days)


# (case, pending results events, severity, words the message holds, words it must not hold)
CASES = [
    ("returned once four years ago (NCT03342417)", [LATE, ("RESET", date(2022, 9, 16))],
     "warning", "returned them once, on 2022-09-16, and they were not submitted again as of 2026-03-03", None),
    ("returned six times, last 19 months ago", [LATE, ("RESET", date(2022, 9, 1)), ("RELEASE", date(2023, 5, 31)),
                                                ("RESET", date(2024, 7, 11))],
     "warning", "returned them 2 times, last on 2024-07-11, and they were not submitted again", None),
    ("returned 26 days before the record's day", [LATE, ("RESET", _before(26))],
     "warning", f"returned them once, on {_before(26)}, and they were not submitted again", None),
    ("returned 25 days before the record's day: still within the correction time", [LATE, ("RESET", _before(25))],
     "info", "are not posted as of 2026-03-03: the registry's review returned them once", "owed again"),
    ("returned 3 days before the record's day", [LATE, ("RESET", _before(3))],
     "info", "are not posted as of", "owed again"),
    ("returned, then submitted again (NCT04948307's last act before its return)",
     [LATE, ("RESET", date(2022, 9, 1)), ("RELEASE", date(2022, 9, 20))],
     "info", "returned them once, on 2022-09-01", "owed again"),
    ("submitted late, never returned (NCT02753764)", [LATE], "info", "has not returned them", "owed again"),
    ("returned on a day the registry gives as Unknown", [LATE, ("RESET", None)],
     "info", "are not posted as of 2026-03-03: the registry's review returned them once, on a day the registry gives "
             "as Unknown.", "owed again"),
    ("returned after the record's day", [LATE, ("RESET", RECORD_DAY + timedelta(days=40))],
     "info", "are not posted as of", "owed again"),
    ("returned, then canceled by the sponsor", [LATE, ("RESET", date(2022, 9, 1)), ("UNRELEASE", date(2022, 10, 1))],
     "warning", "later canceled by the sponsor", "owed again"),
    ("on time, returned once four years ago", [ON_TIME, ("RESET", date(2022, 6, 20))],
     "warning", "first submitted on 2022-05-30, on time, the registry's review returned them once, on 2022-06-20, "
                "and they were not submitted again as of 2026-03-03", "days late"),
    ("on the day they were due, returned 26 days before the record's day", [ON_THE_DAY, ("RESET", _before(26))],
     "warning", f"2022-06-30, on time, the registry's review returned them once, on {_before(26)}", "days late"),
    ("on time, returned twice, last 19 months ago", [ON_TIME, ("RESET", date(2022, 6, 20)),
                                                     ("RELEASE", date(2022, 7, 1)), ("RESET", date(2024, 7, 11))],
     "warning", "on time, the registry's review returned them 2 times, last on 2024-07-11", "days late"),
    ("on time, returned 25 days before the record's day: still within the correction time",
     [ON_TIME, ("RESET", _before(25))], None, None, None),
    ("on time, returned, then submitted again", [ON_TIME, ("RESET", date(2022, 6, 20)), ("RELEASE", date(2022, 7, 1))],
     None, None, None),
    ("on time, never returned", [ON_TIME], None, None, None),
    ("on time, returned on a day the registry gives as Unknown", [ON_TIME, ("RESET", None)], None, None, None),
    ("on time, returned after the record's day", [ON_TIME, ("RESET", RECORD_DAY + timedelta(days=40))],
     None, None, None),
]


def _study(events: list[tuple[str, date | None]]) -> dict:
    study = harness.clean_study()
    study["studies"][0].update(study_first_submitted_date=date(2019, 11, 20), is_fda_regulated_drug=True,
                               primary_completion_date=date(2021, 6, 30), snapshot_date=RECORD_DAY)
    study["pending_results"] = [{"event": event, "event_date_description": str(day or "Unknown"), "event_date": day}
                                for event, day in events]
    return study


@pytest.fixture(scope="module")
def found(tmp_path_factory) -> dict[str, list[tuple[str, str, str]]]:
    """(severity, message, evidence) of each case's findings: every case a study of one warehouse, the rule run
    once."""
    ids = {f"NCT0{5000001 + index}": case[0] for index, case in enumerate(CASES)}
    con = harness.warehouse_with(tmp_path_factory.mktemp("returned"),
                                 {nct_id: _study(case[1]) for nct_id, case in zip(ids, CASES)})
    rule = next(rule for rule in checks.all_rules() if rule.id == OVERDUE)
    run_rules(con, [rule], run_id="t", as_of=harness.AS_OF)
    by_case: dict[str, list] = {name: [] for name in ids.values()}
    for nct_id, severity, message, evidence in con.execute(
            "SELECT nct_id, severity, message, evidence FROM quality_issues WHERE rule_id = ?", [OVERDUE]).fetchall():
        by_case[ids[nct_id]].append((severity, message, evidence))
    return by_case


@pytest.mark.parametrize("name, _events, severity, says, never_says", CASES, ids=[case[0] for case in CASES])
def test_results_back_with_the_sponsor_past_the_correction_time_are_owed_again(
        found, name, _events, severity, says, never_says):
    assert [finding[0] for finding in found[name]] == ([severity] if severity else [])
    for _severity, message, _evidence in found[name]:
        assert says in message
        assert never_says is None or never_says not in message


def test_the_message_and_evidence_say_the_results_were_returned_and_not_submitted_again(found):
    (_severity, message, evidence), = found["returned once four years ago (NCT03342417)"]
    assert message == (
        "Primary completion was 2021-06-30 (ACTUAL) and results were due by 2022-06-30; they were first submitted on "
        "2022-08-09, 40 days late, the registry's review returned them once, on 2022-09-16, and they were not "
        "submitted again as of 2026-03-03: past the 25 days 42 CFR 11.64(b) gives to correct them, the results are "
        "owed again.")
    assert ("results submitted, not posted (pending_results)=2022-08-09, returned by the review on 2022-09-16, "
            "not submitted again;") in evidence


def test_results_submitted_on_time_and_returned_say_so(found):
    (severity, message, evidence), = found["on time, returned once four years ago"]
    assert severity == "warning"
    assert message == (
        "Primary completion was 2021-06-30 (ACTUAL) and results were due by 2022-06-30; they were first submitted on "
        "2022-05-30, on time, the registry's review returned them once, on 2022-06-20, and they were not submitted "
        "again as of 2026-03-03: past the 25 days 42 CFR 11.64(b) gives to correct them, the results are owed again.")
    assert ("results submitted, not posted (pending_results)=2022-05-30, returned by the review on 2022-06-20, "
            "not submitted again;") in evidence
