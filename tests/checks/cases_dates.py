"""Cases for checks.dates, from the seeds (as of 2026-11-22) and the precision edges:
a month- or year-precision date never fires a day-level comparison."""
from __future__ import annotations

from datetime import date as d

from tests.checks.harness import Case


def study(**values):
    """A change that sets columns of the `studies` row."""
    return lambda s: s["studies"][0].update(values)


def header(duration_months: float):
    """A change that adds clincosm header numbers with this duration."""
    return lambda s: s.__setitem__("page_header_metrics", [
        {"enrollment": 40, "sites": 1, "arms": 2, "duration_months": duration_months}])


def both(*changes):
    """A change made of several changes, in order."""
    return lambda s: [change(s) for change in changes]


def _clean(_s) -> None:
    """No change: the clean study."""


# Seed 000 NCT04916756: completed 2021-03-25, first posted 2021-06-08, header 14.3 months.
SEED_000 = study(primary_completion_date=d(2020, 12, 24), completion_date=d(2021, 3, 25),
                 study_first_posted_date=d(2021, 6, 8), last_update_posted_date=d(2021, 6, 30))
# Seed 001 NCT05792462: never updated since 2023-03-31, every date an estimate.
SEED_001 = study(overall_status="NOT_YET_RECRUITING", start_date=d(2023, 3, 20), start_date_type="ESTIMATED",
                 primary_completion_date=d(2024, 3, 20), primary_completion_date_type="ESTIMATED",
                 completion_date=d(2024, 9, 20), completion_date_type="ESTIMATED",
                 study_first_posted_date=d(2023, 3, 31), last_update_posted_date=d(2023, 3, 31),
                 verification_date=d(2023, 3, 1), verification_date_precision="month")
# Seed 003 NCT04966884: recruiting, completion 2021-12-30, no date types.
SEED_003 = study(overall_status="RECRUITING", start_date=d(2020, 4, 2), start_date_type=None,
                 primary_completion_date=None, primary_completion_date_type=None,
                 completion_date=d(2021, 12, 30), completion_date_type=None)
# Seed 002 NCT05300932: active, completion 2026-11-12, ten days before as_of.
SEED_002 = study(overall_status="ACTIVE_NOT_RECRUITING", start_date=d(2022, 3, 8), start_date_type=None,
                 primary_completion_date=None, primary_completion_date_type=None,
                 completion_date=d(2026, 11, 12), completion_date_type=None,
                 last_update_posted_date=d(2026, 1, 27), verification_date=d(2026, 1, 1))
MONTH = "month"

CASES = [
    Case("dates.start_after_primary_completion", True, study(start_date=d(2021, 6, 20),
         primary_completion_date=d(2021, 6, 10))),
    Case("dates.start_after_primary_completion", False, study(start_date=d(2021, 6, 1), start_date_precision=MONTH,
         primary_completion_date=d(2021, 6, 10)), note="start 2021-06 is not after 2021-06-10"),
    Case("dates.start_after_primary_completion", False, _clean, note="clean"),

    Case("dates.start_after_completion", True, study(start_date=d(2021, 10, 1))),
    Case("dates.start_after_completion", False, study(completion_date=d(2020, 1, 1),
         completion_date_precision="year"), note="completion 2020 is not before 2020-01-16"),
    Case("dates.start_after_completion", False, _clean, note="clean"),

    Case("dates.primary_completion_after_completion", True, study(primary_completion_date=d(2021, 10, 1),
         completion_date=d(2021, 9, 1), completion_date_precision=MONTH), note="October after 2021-09"),
    Case("dates.primary_completion_after_completion", False, study(primary_completion_date=d(2021, 9, 15),
         completion_date=d(2021, 9, 1), completion_date_precision=MONTH), note="2021-09-15 within 2021-09"),
    Case("dates.primary_completion_after_completion", False, _clean, note="clean"),

    Case("dates.registered_after_completion", True, SEED_000, note="seed 000"),
    Case("dates.registered_after_completion", False, both(SEED_000, study(
         study_first_posted_date=d(2021, 3, 1), study_first_posted_date_precision=MONTH)),
         note="posted 2021-03 is not after 2021-03-25"),
    Case("dates.registered_after_completion", False, study(start_date=d(1991, 1, 1), primary_completion_date=None,
         completion_date=d(1994, 6, 1), study_first_posted_date=d(1999, 11, 1)),
         note="ended before the registry opened"),
    Case("dates.registered_after_completion", False, _clean, note="clean"),
    Case("dates.registered_after_completion", True, both(SEED_000, study(study_first_submitted_date=d(2021, 5, 30))),
         note="first submitted after completion"),
    Case("dates.registered_after_completion", False, both(SEED_000, study(study_first_submitted_date=d(2021, 3, 1))),
         note="submitted before completion, posted after review: not retrospective"),
    Case("dates.registered_after_completion", False, study(completion_date=d(2019, 11, 20),
         primary_completion_date=d(2019, 11, 1), start_date=d(2019, 1, 1)),
         note="posted 12 days after completion, submission unknown: within review time"),
    Case("dates.registered_after_completion", True, study(start_date=d(2001, 1, 1), primary_completion_date=None,
         completion_date=d(2003, 6, 1), study_first_submitted_date=d(2005, 9, 1),
         study_first_posted_date=d(2005, 9, 2)), note="completed 2003, bulk-registered 2005: fires at info"),

    Case("dates.last_update_before_first_posted", True, study(last_update_posted_date=d(2019, 11, 1))),
    Case("dates.last_update_before_first_posted", False, study(last_update_posted_date=d(2019, 12, 1),
         last_update_posted_date_precision=MONTH), note="2019-12 is not before 2019-12-02"),
    Case("dates.last_update_before_first_posted", False, _clean, note="clean"),

    Case("dates.status_stale_after_completion", True, SEED_001, note="seed 001"),
    Case("dates.status_stale_after_completion", True, SEED_003, note="seed 003 no date types"),
    Case("dates.status_stale_after_completion", True, study(overall_status="RECRUITING", start_date=d(2024, 1, 1),
         completion_date=d(2025, 5, 31), start_date_type=None, primary_completion_date_type=None,
         completion_date_type=None, last_update_posted_date=d(2025, 4, 20)), note="seed 004"),
    Case("dates.status_stale_after_completion", True, study(overall_status="ENROLLING_BY_INVITATION",
         completion_date=None), note="primary completion when no completion"),
    Case("dates.status_stale_after_completion", False, SEED_002, note="seed 002 within 30 days"),
    Case("dates.status_stale_after_completion", False, SEED_001, as_of=d(2024, 6, 1), note="001 as of 2024"),
    Case("dates.status_stale_after_completion", False, study(overall_status="RECRUITING",
         completion_date=d(2026, 10, 1), completion_date_precision=MONTH), as_of=d(2026, 11, 20),
         note="2026-10 ends 20 days before as_of"),
    Case("dates.status_stale_after_completion", True, study(overall_status="RECRUITING",
         completion_date=d(2026, 10, 1)), as_of=d(2026, 11, 20), note="2026-10-01 day precision"),
    Case("dates.status_stale_after_completion", False, study(overall_status="RECRUITING",
         completion_date=d(2027, 6, 1)), note="future completion wins over past primary completion"),
    Case("dates.status_stale_after_completion", False, _clean, note="clean completed"),
    Case("dates.status_stale_after_completion", True, study(overall_status="SUSPENDED"),
         note="suspended is not ended"),
    Case("dates.status_stale_after_completion", False, both(SEED_001, study(snapshot_date=d(2024, 5, 1))),
         note="copy taken 2024-05-01, before completion 2024-09-20: fresh then"),
    Case("dates.status_stale_after_completion", True, both(SEED_001, study(snapshot_date=d(2025, 1, 2))),
         note="stale already at its snapshot"),
    Case("dates.status_stale_after_completion", False, study(overall_status="RECRUITING",
         completion_date=d(2026, 10, 31), completion_date_precision=MONTH), as_of=d(2026, 11, 20),
         note="2026-10 stored on its last day (AACT): not a day-exact 2026-10-31"),

    Case("dates.verification_stale", True, SEED_001, note="seed 001 verified 2023-03"),
    Case("dates.verification_stale", True, study(overall_status="RECRUITING", verification_date=d(2024, 11, 1),
         verification_date_precision="day"), note="2024-11-01 day precision"),
    Case("dates.verification_stale", False, study(overall_status="RECRUITING", verification_date=d(2024, 11, 1)),
         note="2024-11 may be within two years"),
    Case("dates.verification_stale", False, _clean, note="clean completed, old verification"),
    Case("dates.verification_stale", False, both(SEED_001, study(snapshot_date=d(2024, 6, 1))),
         note="verified 2023-03, copy taken 2024-06"),

    Case("dates.verified_before_actual_end", True, study(verification_date=d(2021, 5, 1)),
         note="completed 2021-09-01 (ACTUAL), verified 2021-05"),
    Case("dates.verified_before_actual_end", True, study(overall_status="TERMINATED", verification_date=d(2020, 1, 1),
         completion_date=d(2021, 9, 1), completion_date_precision=MONTH), note="ended 2021-09, verified 2020-01"),
    Case("dates.verified_before_actual_end", False, study(verification_date=d(2021, 9, 1)),
         note="verified 2021-09, the month it completed"),
    Case("dates.verified_before_actual_end", False, study(verification_date=d(2021, 5, 1), completion_date_type=None),
         note="an untyped completion"),
    Case("dates.verified_before_actual_end", False, study(verification_date=d(2021, 5, 1),
         completion_date_type="ESTIMATED"), note="an estimated completion is ended_status_completion_ahead's"),
    Case("dates.verified_before_actual_end", False, study(verification_date=d(2021, 5, 1),
         overall_status="ACTIVE_NOT_RECRUITING"), note="not ended"),
    Case("dates.verified_before_actual_end", False, study(verification_date=d(2021, 5, 1),
         completion_date=d(2022, 5, 1)), note="a completion after the last update is actual_after_last_update's"),
    Case("dates.verified_before_actual_end", False, study(verification_date=None), note="no verification date"),
    Case("dates.verified_before_actual_end", False, _clean, note="clean: verified after it completed"),

    Case("dates.actual_after_last_update", True, study(completion_date=d(2022, 5, 1))),
    Case("dates.actual_after_last_update", False, study(completion_date=d(2022, 3, 1),
         completion_date_precision=MONTH, last_update_posted_date=d(2022, 3, 1)), note="2022-03 vs 2022-03-01"),
    Case("dates.actual_after_last_update", False, study(completion_date=d(2022, 5, 1),
         completion_date_type="ESTIMATED"), note="estimate may lie ahead"),
    Case("dates.actual_after_last_update", False, _clean, note="clean"),

    Case("dates.estimate_kept_long_past", True, study(completion_date_type="ESTIMATED"), note="181 days"),
    Case("dates.estimate_kept_long_past", True, both(SEED_001, study(last_update_posted_date=d(2024, 1, 10))),
         note="start estimate kept 296 days"),
    Case("dates.estimate_kept_long_past", False, study(overall_status="ACTIVE_NOT_RECRUITING",
         completion_date=d(2021, 12, 1), completion_date_precision=MONTH, completion_date_type="ESTIMATED",
         last_update_posted_date=d(2022, 3, 15)), note="active: 2021-12 ends 74 days before"),
    Case("dates.estimate_kept_long_past", False, SEED_001, note="seed 001 updated 11 days after start"),
    Case("dates.estimate_kept_long_past", False, _clean, note="clean"),

    Case("dates.implausible_date", True, study(start_date=d(1900, 1, 16)), note="1900 for 2000"),
    Case("dates.implausible_date", True, study(study_first_posted_date=d(1998, 5, 1)), note="before the registry"),
    Case("dates.implausible_date", True, study(start_date=d(1939, 1, 1), start_date_precision="year")),
    Case("dates.implausible_date", False, study(completion_date=d(2065, 12, 31), completion_date_type="ESTIMATED"),
         note="NCT05080673 registry planned to 2065"),
    Case("dates.implausible_date", False, study(overall_status="RECRUITING", completion_date=d(2050, 12, 31),
         completion_date_type="ESTIMATED", primary_completion_date=d(2050, 12, 31),
         primary_completion_date_type="ESTIMATED"), note="long-running registry ends 2050"),
    Case("dates.implausible_date", True, study(overall_status="RECRUITING", completion_date=d(2099, 12, 31),
         completion_date_type="ESTIMATED"), note="2099-12-31 placeholder"),
    Case("dates.implausible_date", True, study(overall_status="RECRUITING", completion_date=d(2100, 1, 1),
         completion_date_precision="year", completion_date_type="ESTIMATED"), note="2100 placeholder"),
    Case("dates.implausible_date", True, study(start_date=d(2060, 1, 1)), note="start 34 years ahead"),
    Case("dates.implausible_date", False, study(start_date=d(1976, 10, 1), start_date_precision=MONTH,
         start_date_type=None, verification_date=d(1989, 6, 1), study_first_posted_date=d(1999, 9, 21)),
         note="NCT00000154 legacy NIH trial"),
    Case("dates.implausible_date", False, study(start_date=d(1940, 1, 1), start_date_precision="year"),
         note="1940 may be 1940-12-31"),
    Case("dates.implausible_date", False, study(completion_date=d(2041, 11, 1), completion_date_precision=MONTH),
         note="2041-11 may be within 15 years"),
    Case("dates.implausible_date", False, _clean, note="clean"),

    Case("dates.header_duration_mismatch", True, header(528.9), note="NCT05080673 528.9 months"),
    Case("dates.header_duration_mismatch", True, header(22.0), note="19.5 months apart"),
    Case("dates.header_duration_mismatch", False, both(SEED_000, header(14.3)), note="seed 000"),
    Case("dates.header_duration_mismatch", False, both(SEED_001, header(18.1)), note="seed 001"),
    Case("dates.header_duration_mismatch", False, header(20.8), note="off by 1.3 months"),
    Case("dates.header_duration_mismatch", False, both(study(
         start_date=d(2020, 1, 1), start_date_precision=MONTH, completion_date=d(2021, 9, 1),
         completion_date_precision=MONTH), header(22.0)), note="2020-01 to 2021-09 spans up to 21 months"),
    Case("dates.header_duration_mismatch", False, both(study(completion_date=d(2030, 1, 16)), header(125.0)),
         note="within 10% of 120 months"),
    Case("dates.header_duration_mismatch", False, _clean, note="no header"),
]

# Edge cases of the registry's own rules: withdrawn and expanded-access records, precision against as_of and the
# snapshot, one-day studies, and an ended status whose dates are still ahead.
YEAR = "year"
# Seed-like WITHDRAWN record: nobody enrolled, every date still the plan it had (the registry keeps them ESTIMATED).
WITHDRAWN_PLAN = study(overall_status="WITHDRAWN", why_stopped="No funding", enrollment=0, enrollment_type="ACTUAL",
                       start_date=d(2020, 1, 31), start_date_precision=MONTH, start_date_type="ESTIMATED",
                       primary_completion_date=d(2021, 6, 30), primary_completion_date_precision=MONTH,
                       primary_completion_date_type="ESTIMATED", completion_date=d(2021, 12, 31),
                       completion_date_precision=MONTH, completion_date_type="ESTIMATED",
                       study_first_submitted_date=d(2019, 11, 20), last_update_posted_date=d(2022, 3, 1))
# An expanded-access record: no trial, usually no dates; this one gives a completion before it was submitted.
EXPANDED_ACCESS = study(study_type="EXPANDED_ACCESS", phase=None, overall_status="NO_LONGER_AVAILABLE",
                        enrollment=None, enrollment_type=None, start_date=None, start_date_type=None,
                        primary_completion_date=None, primary_completion_date_type=None,
                        completion_date=d(2018, 6, 30), completion_date_precision=MONTH,
                        completion_date_type="ACTUAL", study_first_submitted_date=d(2019, 11, 20))
# Still planned: primary completion 2027-01, completion 2027-06, last updated 2026-06-01.
AHEAD = dict(primary_completion_date=d(2027, 1, 1), primary_completion_date_type="ESTIMATED",
             completion_date=d(2027, 6, 1), completion_date_type="ESTIMATED",
             last_update_posted_date=d(2026, 6, 1), verification_date=d(2026, 6, 1))
ENDED_AHEAD = "dates.ended_status_completion_ahead"

CASES += [
    Case("dates.estimate_kept_long_past", False, WITHDRAWN_PLAN,
         note="withdrawn: its dates never happened, so they stay estimates"),
    Case("dates.estimate_kept_long_past", True, both(WITHDRAWN_PLAN, study(overall_status="TERMINATED")),
         note="terminated with its start and primary completion still estimates"),
    Case("dates.estimate_kept_long_past", True, study(overall_status="SUSPENDED", why_stopped="Drug supply",
         primary_completion_date_type="ESTIMATED", completion_date_type="ESTIMATED"),
         note="suspended keeps past estimates"),
    Case("dates.estimate_kept_long_past", True, study(start_date_type="ESTIMATED", study_type=None),
         note="legacy record without a study type"),
    Case("dates.estimate_kept_long_past", False, study(completion_date_type=None, primary_completion_date_type=None,
         start_date_type=None), note="legacy record without date types"),
    Case("dates.registered_after_completion", False, both(WITHDRAWN_PLAN, study(
         study_first_submitted_date=d(2022, 2, 1), study_first_posted_date=d(2022, 2, 5))),
         note="withdrawn, registered after its planned completion: nobody was enrolled"),
    Case("dates.registered_after_completion", True, EXPANDED_ACCESS,
         note="expanded access registered after it ended (info: test_date_rules_edge_cases.py)"),
    Case("dates.registered_after_completion", True, study(phase="PHASE1", start_date=d(2006, 1, 1),
         primary_completion_date=d(2007, 1, 1), completion_date=d(2007, 2, 1),
         study_first_submitted_date=d(2007, 9, 1), study_first_posted_date=d(2007, 9, 3)),
         note="phase 1 begun 2006, registered after it ended: info"),
    Case("dates.registered_after_completion", False, study(completion_date=d(2019, 12, 31),
         completion_date_precision=YEAR, primary_completion_date=None, start_date=d(2018, 12, 31),
         start_date_precision=YEAR, study_first_submitted_date=d(2019, 6, 1), study_first_posted_date=d(2019, 6, 4)),
         note="completion 2019 may be after 2019-06-01"),

    Case("dates.start_after_completion", False, study(start_date=d(2021, 6, 1), primary_completion_date=d(2021, 6, 1),
         completion_date=d(2021, 6, 1)), note="a one-day study"),
    Case("dates.start_after_completion", False, study(start_date=d(2021, 3, 31), start_date_precision=MONTH,
         primary_completion_date=d(2021, 3, 10), completion_date=d(2021, 3, 10)),
         note="start 2021-03 and completion 2021-03-10 in the same month"),
    Case("dates.start_after_primary_completion", False, study(start_date=d(2021, 12, 31), start_date_precision=YEAR,
         primary_completion_date=d(2021, 2, 1), completion_date=d(2021, 2, 1)),
         note="start 2021 and completion 2021-02-01 in the same year"),
    Case("dates.start_after_primary_completion", True, study(start_date=d(2021, 12, 31), start_date_precision=YEAR,
         primary_completion_date=d(2020, 12, 1), completion_date=d(2021, 2, 1)),
         note="start 2021 after primary completion 2020-12-01"),
    Case("dates.primary_completion_after_completion", False, study(primary_completion_date=d(2021, 9, 1)),
         note="primary completion on the completion day"),

    Case("dates.actual_after_last_update", False, study(completion_date=d(2022, 3, 1)),
         note="completed on the day of the last update"),
    Case("dates.actual_after_last_update", True, study(completion_date=d(2022, 3, 31), completion_date_precision=MONTH,
         last_update_posted_date=d(2022, 2, 28)), note="ACTUAL 2022-03 cannot have happened by 2022-02-28"),
    Case("dates.actual_after_last_update", False, study(overall_status="RECRUITING", start_date=d(2022, 3, 1),
         **{**AHEAD, "last_update_posted_date": d(2022, 3, 1), "verification_date": d(2022, 3, 1)}),
         as_of=d(2022, 6, 1), note="started on the day of the last update"),

    Case("dates.status_stale_after_completion", False, study(overall_status="RECRUITING", **{**AHEAD,
         "completion_date": d(2024, 3, 31), "completion_date_precision": MONTH,
         "primary_completion_date": d(2024, 2, 1)}), as_of=d(2024, 3, 15),
         note="completion 2024-03 is not past on 2024-03-15"),
    Case("dates.status_stale_after_completion", False, study(overall_status="RECRUITING", **{**AHEAD,
         "completion_date": d(2024, 12, 31), "completion_date_precision": YEAR,
         "primary_completion_date": d(2024, 12, 31), "primary_completion_date_precision": YEAR}),
         as_of=d(2025, 1, 20), note="completion 2024 ended 20 days before"),
    Case("dates.status_stale_after_completion", False, study(overall_status="UNKNOWN", last_known_status="RECRUITING",
         primary_completion_date_type="ESTIMATED", completion_date_type="ESTIMATED"),
         note="UNKNOWN is the registry's own word for a stale open status"),
    Case("dates.status_stale_after_completion", False,
         both(WITHDRAWN_PLAN, study(last_update_posted_date=d(2020, 1, 5))),
         note="withdrawn has ended"),
    Case("dates.status_stale_after_completion", False, study(overall_status="AVAILABLE", study_type="EXPANDED_ACCESS",
         phase=None, start_date=None, primary_completion_date=None, completion_date=None),
         note="expanded access available, no dates"),
    Case("dates.status_stale_after_completion", False, study(overall_status="RECRUITING", start_date=d(2018, 6, 1),
         **{**AHEAD, "primary_completion_date": d(2020, 1, 1), "completion_date": d(2020, 6, 1),
            "last_update_posted_date": d(2019, 3, 5), "verification_date": d(2019, 3, 1)},
         study_first_posted_date=d(2018, 5, 2), snapshot_date=d(2019, 4, 1)),
         note="copy taken 2019-04-01, completion 2020-06-01: open then"),

    Case("dates.verification_stale", False, study(overall_status="RECRUITING", **{**AHEAD,
         "verification_date": d(2024, 11, 30), "last_update_posted_date": d(2024, 11, 5)}), as_of=d(2026, 11, 30),
         note="verified 2024-11, as of 2026-11-30: two years at most"),
    Case("dates.verification_stale", True, study(overall_status="RECRUITING", **{**AHEAD,
         "verification_date": d(2024, 10, 31), "last_update_posted_date": d(2024, 10, 5)}), as_of=d(2026, 11, 30),
         note="verified 2024-10, as of 2026-11-30"),
    Case("dates.verification_stale", False, study(overall_status="RECRUITING", **{**AHEAD,
         "verification_date": d(2024, 12, 31), "verification_date_precision": YEAR}), note="verified 2024"),
    Case("dates.verification_stale", False, study(overall_status="SUSPENDED", why_stopped="Drug supply",
         **{**AHEAD, "verification_date": d(2019, 1, 1)}), note="suspended is not an open status"),
    Case("dates.verification_stale", False, study(overall_status="RECRUITING", **{**AHEAD,
         "verification_date": d(2027, 5, 31)}), note="a future verification is not a stale one"),
    Case("dates.verification_stale", False, study(overall_status="ACTIVE_NOT_RECRUITING", verification_date=None,
         verification_date_precision=None, **{k: v for k, v in AHEAD.items() if k != "verification_date"}),
         note="no verification date (legacy record)"),

    Case("dates.implausible_date", False, study(start_date=d(1940, 12, 31), start_date_precision=YEAR),
         note="start 1940"),
    Case("dates.implausible_date", True, study(overall_status="NOT_YET_RECRUITING", start_date=d(2042, 1, 1),
         start_date_type="ESTIMATED", primary_completion_date=d(2043, 1, 1), primary_completion_date_type="ESTIMATED",
         completion_date=d(2044, 1, 1), completion_date_type="ESTIMATED", **{"last_update_posted_date": d(2026, 7, 1),
         "verification_date": d(2026, 7, 1)}), note="start 2042, fifteen years ahead"),

    Case(ENDED_AHEAD, True, study(**AHEAD), note="COMPLETED, completion 2027-06 (ESTIMATED)"),
    Case(ENDED_AHEAD, True, study(overall_status="TERMINATED", why_stopped="Funding", **AHEAD),
         note="TERMINATED with its end still planned"),
    Case(ENDED_AHEAD, True, study(completion_date=d(2022, 5, 1), completion_date_type=None),
         note="untyped completion after the last update"),
    Case(ENDED_AHEAD, False, study(completion_date=d(2022, 5, 1)),
         note="an ACTUAL date ahead is actual_after_last_update's"),
    Case(ENDED_AHEAD, False, study(completion_date=d(2022, 3, 31), completion_date_precision=MONTH,
         completion_date_type="ESTIMATED"), note="2022-03 may be 2022-03-01, the day of the last update"),
    Case(ENDED_AHEAD, False, both(WITHDRAWN_PLAN, study(**AHEAD)), note="withdrawn keeps its planned dates"),
    Case(ENDED_AHEAD, False, study(overall_status="RECRUITING", **AHEAD), note="still recruiting"),
    Case(ENDED_AHEAD, False, study(completion_date_type="ESTIMATED"), note="an estimate already past"),
    Case(ENDED_AHEAD, False, _clean, note="clean"),
]

# An estimate kept where the status says the date has happened: 42 CFR 11.64 gives 30 days to make a reached start,
# primary completion or completion date ACTUAL, judged on the update's submission (the registry may post it weeks
# later). An open study's estimate may have slipped, to be moved later: 90 days. A study that no longer recruits
# (ACTIVE_NOT_RECRUITING) has started, but may not have reached its (primary) completion.
KEPT = "dates.estimate_kept_long_past"
# Still planned: primary completion and completion ahead of the last update, so only the start is judged.
ENDS_AHEAD = dict(primary_completion_date=d(2027, 1, 1), primary_completion_date_type="ESTIMATED",
                  completion_date=d(2027, 6, 1), completion_date_type="ESTIMATED")

CASES += [
    Case(KEPT, True, study(completion_date=d(2021, 12, 1), completion_date_type="ESTIMATED",
         last_update_submitted_date=d(2022, 1, 12), last_update_posted_date=d(2022, 1, 15)),
         note="completed, completion an estimate at an update 42 days after it"),
    Case(KEPT, True, study(completion_date=d(2021, 12, 1), completion_date_precision=MONTH,
         completion_date_type="ESTIMATED", last_update_posted_date=d(2022, 2, 10)),
         note="completed, 2021-12 an estimate 41 days after the month ended, no submission date"),
    Case(KEPT, True, study(overall_status="TERMINATED", why_stopped="Slow accrual", enrollment=6,
         primary_completion_date=d(2021, 6, 1), primary_completion_date_type="ESTIMATED",
         completion_date=d(2021, 6, 1), completion_date_type="ESTIMATED", last_update_posted_date=d(2021, 8, 1)),
         note="terminated, primary completion and completion estimates 61 days on"),
    Case(KEPT, True, study(overall_status="ACTIVE_NOT_RECRUITING", start_date_type="ESTIMATED",
         last_update_posted_date=d(2020, 3, 20), verification_date=d(2020, 3, 1), **ENDS_AHEAD),
         note="no longer recruiting, so started: start an estimate 64 days on"),
    Case(KEPT, False, study(completion_date=d(2021, 12, 1), completion_date_type="ESTIMATED",
         last_update_submitted_date=d(2021, 12, 20), last_update_posted_date=d(2022, 3, 15)),
         note="completed, the update submitted 19 days after the completion and posted 104 days after it"),
    Case(KEPT, False, study(completion_date=d(2021, 12, 1), completion_date_precision=MONTH,
         completion_date_type="ESTIMATED", last_update_posted_date=d(2022, 1, 25)),
         note="completed, 2021-12 may end 25 days before the update"),
    Case(KEPT, False, study(overall_status="ACTIVE_NOT_RECRUITING", primary_completion_date=d(2021, 12, 1),
         primary_completion_date_type="ESTIMATED", completion_date=d(2023, 6, 1), completion_date_type="ESTIMATED",
         last_update_posted_date=d(2022, 2, 1), verification_date=d(2022, 2, 1)),
         note="active, not recruiting: its primary completion, 62 days past, may have slipped"),
    Case(KEPT, False, study(overall_status="RECRUITING", start_date_type="ESTIMATED",
         last_update_posted_date=d(2020, 3, 20), verification_date=d(2020, 3, 1), **ENDS_AHEAD),
         note="recruiting: a start estimate 64 days past may still be the plan"),
    Case(KEPT, False, study(overall_status="TERMINATED", why_stopped="No participants enrolled", enrollment=0,
         start_date_type="ESTIMATED"), note="terminated before its first participant: its start never happened"),
    Case(KEPT, False, study(overall_status="TERMINATED", why_stopped="Sponsor decision", enrollment=0,
         enrollment_type="ESTIMATED", start_date_type="ESTIMATED"),
         note="terminated with an estimated 0: a count of nobody, so no start"),
    Case(KEPT, True, study(overall_status="TERMINATED", why_stopped="Sponsor decision", enrollment=0,
         primary_completion_date_type="ESTIMATED"),
         note="terminated before enrolling, yet its primary completion, the day it stopped, kept an estimate"),
]

CASES += [
    Case(KEPT, False, study(overall_status="TERMINATED", why_stopped="Sponsor decision", enrollment=None,
         enrollment_type=None, start_date_type="ESTIMATED", last_update_posted_date=d(2020, 3, 20),
         verification_date=d(2020, 3, 1), **ENDS_AHEAD),
         note="terminated, no count given: whether it started is unknown, so 64 days are within the 90"),
    Case(KEPT, True, study(overall_status="TERMINATED", why_stopped="Sponsor decision", enrollment=None,
         enrollment_type=None, start_date_type="ESTIMATED", last_update_posted_date=d(2020, 6, 1),
         verification_date=d(2020, 6, 1), **ENDS_AHEAD),
         note="terminated, no count given, the start an estimate 137 days on"),
    Case(KEPT, True, study(overall_status="TERMINATED", why_stopped="Sponsor decision", enrollment=9,
         start_date_type="ESTIMATED", last_update_posted_date=d(2020, 3, 20), verification_date=d(2020, 3, 1),
         **ENDS_AHEAD), note="terminated after enrolling 9: started, the start an estimate 64 days on"),
]

# Registered after completion needs a completion that happened: an ACTUAL date, or the date of a study whose status
# says it ended. An anticipated completion already past when a still-open study was first submitted is a plan.
PLAN_PASSED = dict(start_date=d(2024, 1, 1), start_date_type="ESTIMATED", primary_completion_date=d(2024, 2, 1),
                   primary_completion_date_type="ESTIMATED", completion_date=d(2024, 3, 1),
                   completion_date_type="ESTIMATED", enrollment=30, enrollment_type="ESTIMATED",
                   study_first_submitted_date=d(2024, 6, 1), study_first_posted_date=d(2024, 6, 5),
                   last_update_posted_date=d(2024, 6, 5), verification_date=d(2024, 6, 1))

CASES += [
    Case("dates.registered_after_completion", False, study(overall_status="NOT_YET_RECRUITING", **PLAN_PASSED),
         note="not yet recruiting: its anticipated completion 2024-03 is no end"),
    Case("dates.registered_after_completion", False,
         study(**{**PLAN_PASSED, "overall_status": "UNKNOWN", "last_known_status": "RECRUITING",
                  "start_date_type": "ACTUAL"}),
         note="unknown status, last known recruiting: an anticipated completion"),
    Case("dates.registered_after_completion", False,
         study(**{**PLAN_PASSED, "overall_status": "RECRUITING", "completion_date_type": None,
                  "primary_completion_date_type": None, "start_date_type": None}),
         note="recruiting, an untyped completion (legacy): a plan"),
    Case("dates.registered_after_completion", True,
         study(**{**PLAN_PASSED, "overall_status": "UNKNOWN", "last_known_status": "RECRUITING",
                  "start_date_type": "ACTUAL", "primary_completion_date_type": "ACTUAL",
                  "completion_date_type": "ACTUAL"}),
         note="unknown status, but an ACTUAL completion before the first submission"),
    Case("dates.registered_after_completion", True,
         study(**{**PLAN_PASSED, "overall_status": "COMPLETED", "start_date_type": "ACTUAL",
                  "enrollment_type": "ACTUAL"}),
         note="completed: its date happened, whatever type was left on it"),
]

# A trial that enrolled nobody (an ACTUAL 0, a TERMINATED trial's 0) was never run unregistered, as a WITHDRAWN one.
REGISTERED_AFTER_IT_ENDED = dict(start_date=d(2020, 1, 16), primary_completion_date=d(2020, 6, 1),
                                 completion_date=d(2020, 6, 1), study_first_submitted_date=d(2020, 9, 1),
                                 study_first_posted_date=d(2020, 9, 5))

CASES += [
    Case("dates.registered_after_completion", False,
         study(overall_status="TERMINATED", why_stopped="No participants enrolled", enrollment=0,
               **REGISTERED_AFTER_IT_ENDED), note="terminated before enrolling anyone"),
    Case("dates.registered_after_completion", False,
         study(overall_status="TERMINATED", why_stopped="Sponsor decision", enrollment=0, enrollment_type="ESTIMATED",
               **REGISTERED_AFTER_IT_ENDED), note="terminated, a 0 left as an estimate: an ended study's count"),
    Case("dates.registered_after_completion", True,
         study(overall_status="TERMINATED", why_stopped="Slow accrual", enrollment=5, **REGISTERED_AFTER_IT_ENDED),
         note="terminated after enrolling 5"),
]

# A study that stopped before its first participant (WITHDRAWN, a count of 0, TERMINATED without a count) never reached
# the start, or the primary completion, it planned: the day it stopped, given as its (primary) completion, not typed
# ESTIMATED, may come before that plan. Once it enrolled, or where the start is ACTUAL, the order is impossible again.
STOPPED_BEFORE_START = dict(start_date=d(2021, 9, 1), start_date_type="ESTIMATED",
                            primary_completion_date=d(2021, 6, 30), completion_date=d(2021, 6, 30),
                            last_update_posted_date=d(2021, 7, 10), verification_date=d(2021, 7, 1))
WITHDRAWN_STOPPED = dict(overall_status="WITHDRAWN", why_stopped="Sponsor decision", enrollment=0,
                         start_date=d(2023, 3, 31), start_date_precision=MONTH, start_date_type="ESTIMATED",
                         primary_completion_date=d(2022, 11, 15), completion_date=d(2022, 11, 15),
                         study_first_submitted_date=d(2022, 6, 1), study_first_posted_date=d(2022, 6, 7),
                         last_update_posted_date=d(2022, 11, 20), verification_date=d(2022, 11, 1))

CASES += [
    Case("dates.start_after_primary_completion", False, study(**WITHDRAWN_STOPPED),
         note="withdrawn 2022-11-15 (ACTUAL), its start 2023-03 still the plan"),
    Case("dates.start_after_completion", False, study(**WITHDRAWN_STOPPED),
         note="withdrawn: completion, the day it stopped, before its planned start"),
    Case("dates.start_after_completion", False,
         study(overall_status="TERMINATED", why_stopped="Drug supply withdrawn before the first patient", enrollment=0,
               **STOPPED_BEFORE_START), note="terminated with 0 enrolled before its planned start"),
    Case("dates.start_after_primary_completion", False,
         study(overall_status="TERMINATED", why_stopped="Funding", enrollment=None, enrollment_type=None,
               **STOPPED_BEFORE_START), note="terminated, no count given: it may have stopped before its start"),
    Case("dates.start_after_primary_completion", False,
         study(overall_status="WITHDRAWN", why_stopped=None, enrollment=0, start_date=d(2003, 12, 31),
               start_date_precision=MONTH, start_date_type=None, primary_completion_date=d(2003, 5, 31),
               primary_completion_date_precision=MONTH, primary_completion_date_type=None,
               completion_date=d(2003, 5, 31), completion_date_precision=MONTH, completion_date_type=None,
               last_update_posted_date=d(2008, 3, 4), verification_date=d(2008, 3, 1)),
         note="legacy withdrawn record, untyped start 2003-12 after its untyped end 2003-05"),
    Case("dates.primary_completion_after_completion", False,
         study(**{**WITHDRAWN_STOPPED, "primary_completion_date": d(2024, 9, 30),
                  "primary_completion_date_precision": MONTH, "primary_completion_date_type": "ESTIMATED"}),
         note="withdrawn: completion the day it stopped, primary completion 2024-09 the plan"),
    Case("dates.start_after_primary_completion", True,
         study(overall_status="TERMINATED", why_stopped="Slow accrual", enrollment=12, **STOPPED_BEFORE_START),
         note="terminated after enrolling 12: it started, so a start after its end is wrong"),
    Case("dates.start_after_completion", True,
         study(**{**WITHDRAWN_STOPPED, "start_date_type": "ACTUAL"}),
         note="withdrawn, yet a start typed ACTUAL after the day it stopped"),
    Case("dates.start_after_primary_completion", True,
         study(**{**WITHDRAWN_STOPPED, "primary_completion_date_type": "ESTIMATED", "completion_date": d(2024, 3, 31),
                  "completion_date_type": "ESTIMATED"}),
         note="withdrawn, its planned primary completion before its planned start: the plan contradicts itself"),
    Case("dates.primary_completion_after_completion", True,
         study(overall_status="TERMINATED", why_stopped="Futility", enrollment=4, primary_completion_date=d(2023, 1, 1),
               primary_completion_date_type="ESTIMATED"),
         note="terminated after enrolling 4, primary completion 2023-01-01 (ESTIMATED) after completion 2021-09-01"),
]

# An open study's estimate is judged, as an ended one's, at the update's submission where the record gives it (the
# registry may post it weeks later); without one, at the first day its posting may mean.
START_PLANNED = dict(overall_status="RECRUITING", start_date=d(2020, 1, 16), start_date_type="ESTIMATED",
                     verification_date=d(2020, 4, 1), **ENDS_AHEAD)

CASES += [
    Case(KEPT, False, study(**START_PLANNED, last_update_submitted_date=d(2020, 4, 10),
                            last_update_posted_date=d(2020, 4, 20)),
         note="recruiting: start estimate kept by an update submitted 85 days on, posted 95 days on"),
    Case(KEPT, True, study(**START_PLANNED, last_update_submitted_date=d(2020, 4, 17),
                           last_update_posted_date=d(2020, 4, 25)),
         note="recruiting: the update submitted 92 days after the start estimate"),
    Case(KEPT, False, study(completion_date=d(2021, 11, 20), completion_date_type="ESTIMATED",
                            last_update_posted_date=d(2021, 12, 31), last_update_posted_date_precision=MONTH,
                            verification_date=d(2021, 12, 1), source_layout="summary_text"),
         note="completed; a page gives the last update as 2021-12, which may be 11 days after the estimate"),
    Case(KEPT, True, study(completion_date=d(2021, 10, 20), completion_date_type="ESTIMATED",
                           last_update_posted_date=d(2021, 12, 31), last_update_posted_date_precision=MONTH,
                           verification_date=d(2021, 12, 1), source_layout="summary_text"),
         note="completed; a last update of 2021-12 is at least 42 days after the estimate"),
]

# A legacy XML record of before 2017 gives no posting of its last update, only the day it was last changed (loaded as
# last_update_submitted_date): its ended status and ACTUAL dates are judged against that day.
LEGACY_UPDATE = dict(last_update_posted_date=None, last_update_posted_date_precision=None)

CASES += [
    Case(ENDED_AHEAD, True, study(**{**AHEAD, **LEGACY_UPDATE}, last_update_submitted_date=d(2026, 6, 1)),
         note="legacy record: completed, completion 2027-06 (ESTIMATED) after the update submitted 2026-06-01"),
    Case(ENDED_AHEAD, True, study(**LEGACY_UPDATE, overall_status="TERMINATED", why_stopped="Funding",
                                  completion_date=d(2008, 5, 31), completion_date_precision=MONTH,
                                  completion_date_type=None, last_update_submitted_date=d(2008, 4, 14)),
         note="legacy record: terminated, untyped completion 2008-05 after the update submitted 2008-04-14"),
    Case(ENDED_AHEAD, False, study(**LEGACY_UPDATE, completion_date=d(2022, 5, 1), completion_date_type=None,
                                   last_update_submitted_date=d(2022, 6, 1)),
         note="legacy record: untyped completion before the update submitted"),
    Case(ENDED_AHEAD, False, study(**LEGACY_UPDATE, completion_date=d(2008, 4, 30), completion_date_precision=MONTH,
                                   completion_date_type=None, last_update_submitted_date=d(2008, 4, 14)),
         note="legacy record: completion 2008-04 may be the day of the update submitted 2008-04-14"),
    Case(ENDED_AHEAD, False, study(**{**AHEAD, **LEGACY_UPDATE}, last_update_submitted_date=None),
         note="no update date at all: nothing to judge the end by"),
    Case(ENDED_AHEAD, False, study(completion_date=d(2022, 2, 20), completion_date_type=None,
                                   last_update_submitted_date=d(2022, 2, 10)),
         note="a posting is given (2022-03-01): the end is judged by it, not by the submission"),
    Case("dates.actual_after_last_update", True, study(**LEGACY_UPDATE, completion_date=d(2022, 5, 1),
                                                       last_update_submitted_date=d(2022, 3, 1)),
         note="legacy record: ACTUAL completion after the update submitted"),
    Case("dates.actual_after_last_update", False, study(**LEGACY_UPDATE, last_update_submitted_date=d(2022, 3, 1)),
         note="legacy record: ACTUAL dates before the update submitted"),
]
