"""Rule family dates: dates in an impossible order, stale statuses and estimates, odd dates.

Every comparison goes through checks.partial_dates, so a month-precision date is never
'after' a day inside that month. Anything about "now" uses the run's $as_of.
"""
from __future__ import annotations

from checks.date_columns import OPEN, REGISTRY_OPENED, date_of, rule, select, shown
from checks.date_plausibility import PLAUSIBILITY_RULES
from checks.partial_dates import AS_OF, after, exact
from checks.rule import Rule
from checks.sql_text import sql_text


def _order_rule(name: str, later: str, earlier: str, severity: str, rationale: str,
                template: str, only_if: str = "TRUE") -> Rule:
    """`later` must not lie after `earlier`; `template` words the message with {a} and {b}."""
    where = f"{only_if} AND {after(date_of(later), date_of(earlier))}"
    message = sql_text(template, a=shown(later), b=shown(earlier))
    evidence = sql_text(f"{later}={{a}}; {earlier}={{b}}", a=shown(later), b=shown(earlier))
    return rule(name, severity, rationale, (f"studies.{later}", f"studies.{earlier}"),
                select(message, evidence, where))


ORDER_RULES = (
    _order_rule("start_after_primary_completion", "start_date", "primary_completion_date", "error",
                "A trial cannot reach its primary completion before it starts; one of the dates is wrong.",
                "Study starts on {a}, after its primary completion date {b}."),
    _order_rule("start_after_completion", "start_date", "completion_date", "error",
                "A trial cannot complete before it starts; one of the dates is wrong.",
                "Study starts on {a}, after its completion date {b}."),
    _order_rule("primary_completion_after_completion", "primary_completion_date", "completion_date",
                "error", "Primary completion is part of the study, so it cannot come after study completion.",
                "The primary completion date {a} is after the completion date {b}."),
    _order_rule("registered_after_completion", "study_first_posted_date", "completion_date",
                "warning", "A trial registered only after it ended was not prospectively registered "
                "(ICMJE, FDAAA), so its outcomes may have been chosen after the fact; trials that "
                "ended before the registry opened in 1999 could not have been.",
                "Study was first posted on {a}, after it completed on {b}, so it was registered retrospectively.",
                only_if=f"{date_of('completion_date').lo} >= {REGISTRY_OPENED}"),
    _order_rule("last_update_before_first_posted", "study_first_posted_date", "last_update_posted_date",
                "error", "A record cannot be updated before it was first posted; one of the dates is wrong.",
                "The record was first posted on {a}, after its last update posted on {b}."),
)

# Sponsors must report a status change within 30 days of it (42 CFR 11.64), so a status is
# stale only once the completion date is more than 30 days past.
STATUS_GRACE_DAYS = 30


def _stale_status_sql() -> str:
    """Open status with the completion date (or, lacking it, primary completion) past as of as_of."""
    parts = []
    for name, label, only_if in (("completion_date", "completion", "TRUE"),
                                 ("primary_completion_date", "primary completion",
                                  "s.completion_date IS NULL")):
        message = sql_text(f"Status is {{st}} but the {label} date {{d}} is past as of {{now}}.",
                           st="s.overall_status", d=shown(name), now=AS_OF.text)
        evidence = sql_text(f"overall_status={{st}}; {name}={{d}}; as_of={{now}}",
                            st="s.overall_status", d=shown(name), now=AS_OF.text)
        where = f"{OPEN} AND {only_if} AND {after(AS_OF, date_of(name), STATUS_GRACE_DAYS)}"
        parts.append(select(message, evidence, where, (f"studies.{name}", "studies.overall_status")))
    return " UNION ALL ".join(parts)


def _stale_verification_sql() -> str:
    """Open status with the verification date more than two years before as_of."""
    texts = {"st": "s.overall_status", "v": shown("verification_date"), "now": AS_OF.text}
    two_years_ago = exact("CAST($as_of AS DATE) - INTERVAL 2 YEAR")
    return select(
        sql_text("Status is {st} but the record was last verified {v}, more than two years "
                 "before {now}.", **texts),
        sql_text("overall_status={st}; verification_date={v}; as_of={now}", **texts),
        f"{OPEN} AND {after(two_years_ago, date_of('verification_date'))}")


STATUS_RULES = (
    rule("status_stale_after_completion", "warning",
         "A trial still called open more than 30 days after its completion date has a stale "
         "status (or a stale date); trackers would count it as running.",
         ("studies.overall_status", "studies.completion_date", "studies.primary_completion_date"),
         _stale_status_sql()),
    rule("verification_stale", "warning",
         "The registry marks an open trial's status UNKNOWN once it is unverified for two years; "
         "its status can no longer be trusted.",
         ("studies.verification_date", "studies.overall_status"), _stale_verification_sql()),
)

RULES = ORDER_RULES + STATUS_RULES + PLAUSIBILITY_RULES
