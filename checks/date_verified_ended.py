"""Rule dates.verified_before_actual_end: a study the record says has ended, on an ACTUAL completion after the month
the record says it was last verified.

The verification date is when the record's information, its status first, was last confirmed, and an update that
changes the status should bring it up to date. A record that calls the study COMPLETED or TERMINATED on an ACTUAL
completion in a later month than its verification was updated without it: its status cannot have been confirmed as
ended before the study ended, so the verification date does not tell when the status was last confirmed (a tracker
that dates a record by it reads the status as older than it is). Info: the status and the completion are likely
right, only the verification date is stale. A completion after the record's last update is actual_after_last_update's.
"""
from __future__ import annotations

from checks.date_columns import date_of, on_or_in, rule, select, shown
from checks.date_plausibility import ENDED, UPDATE_NAMED
from checks.partial_dates import after
from checks.sql_text import sql_text


def _verified_before_end_sql() -> str:
    """Ended status, its completion ACTUAL in a period wholly after the verification's and not after the update."""
    texts = {"st": "s.overall_status", "c": shown("completion_date"), "at_c": on_or_in("completion_date"),
             "v": shown("verification_date"), "at_v": on_or_in("verification_date")}
    completion, verification = date_of("completion_date"), date_of("verification_date")
    return select(
        sql_text("Status is {st}, the study completed {at_c}{c}, but the record was last verified {at_v}{v}, "
                 "before it ended: the verification date was not brought up to date when the end was entered, so it "
                 "does not tell when the status was last confirmed.", **texts),
        sql_text("overall_status={st}; completion_date={c}; verification_date={v}", **texts),
        f"{ENDED} AND s.completion_date_type = 'ACTUAL' AND {after(completion, verification)} "
        f"AND NOT {after(completion, UPDATE_NAMED)}")


RULES = (
    rule("verified_before_actual_end", "info",
         "The verification date says when the record's status was last confirmed. A COMPLETED or TERMINATED study "
         "whose ACTUAL completion lies in a later period than its verification was updated without bringing the "
         "verification up to date: the status cannot have been confirmed as ended before the study ended, and a "
         "tracker that dates the record by its verification reads it as older than it is. Info: the status and the "
         "completion are likely right. A completion after the record's last update is actual_after_last_update's.",
         ("studies.overall_status", "studies.completion_date", "studies.completion_date_type",
          "studies.verification_date"), _verified_before_end_sql()),
)
