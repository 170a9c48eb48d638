"""Date rules that judge dates against the record itself: types vs last update, odd years,
and the clincosm header duration."""
from __future__ import annotations

from typing import Callable

from checks.date_columns import LABELS, NEVER_STARTED, REGISTRY_OPENED, TYPED, date_of, rule, select, shown
from checks.partial_dates import RECORD_TODAY, after, exact, months_between_range
from checks.sql_text import sql_text

LAST_UPDATE = "last_update_posted_date"
# The record was updated but kept an estimate this many days past its date.
ESTIMATE_STALE_DAYS = 90
# Real trials started as early as the 1940s (Framingham, 1948; NIH trials of the 1970s are
# common), so only earlier study dates are typos (1900 for 2000). Postings cannot predate
# the registry.
EARLIEST_STUDY_DATE = (exact("DATE '1940-01-01'"), "before 1940, almost certainly a typo")
EARLIEST_POSTING = (exact(REGISTRY_OPENED), "before ClinicalTrials.gov posted its first records in 1999")
EARLIEST = {"study_first_posted_date": EARLIEST_POSTING, "last_update_posted_date": EARLIEST_POSTING}
IMPLAUSIBLE = ("start_date", "primary_completion_date", "completion_date", "study_first_posted_date",
               "last_update_posted_date", "verification_date")
LATEST = exact(f"{RECORD_TODAY.lo} + INTERVAL 15 YEAR")
# End dates of long-running registries and cohorts lie decades ahead on purpose (2050, 2065);
# a year from 2099 on is a placeholder ("2099-12-31", "2100"), not a plan.
END_DATES = ("primary_completion_date", "completion_date")
PLACEHOLDER_FROM = exact("DATE '2099-01-01'")
# The header duration may round; it disagrees only past both tolerances.
DURATION_TOLERANCE_MONTHS, DURATION_TOLERANCE_SHARE = 1.5, 0.10


def _per_date(names: tuple[str, ...], build: Callable[[str], str]) -> str:
    """UNION ALL of one SELECT per date column, each made by `build(name)`."""
    return " UNION ALL ".join(build(name) for name in names)


def _actual_after_update(name: str) -> str:
    texts = {"d": shown(name), "u": shown(LAST_UPDATE)}
    return select(
        sql_text(f"The {LABELS[name]} date {{d}} is after the record's last update posted "
                 "on {u}.", **texts),
        sql_text(f"{name}={{d}}; {LAST_UPDATE}={{u}}", **texts),
        f"s.{name}_type = 'ACTUAL' AND {after(date_of(name), date_of(LAST_UPDATE))}",
        (f"studies.{name}", f"studies.{name}_type", f"studies.{LAST_UPDATE}"))


def _estimate_kept(name: str) -> str:
    days = f"(({date_of(LAST_UPDATE).lo}) - ({date_of(name).hi}))"
    texts = {"d": shown(name), "u": shown(LAST_UPDATE), "n": days}
    return select(
        sql_text(f"The {LABELS[name]} date {{d}} was still an estimate when the record was "
                 "last updated on {u}, {n} days later.", **texts),
        sql_text(f"{name}={{d}}; {LAST_UPDATE}={{u}}", **texts),
        f"s.{name}_type = 'ESTIMATED' AND NOT {NEVER_STARTED} AND "
        f"{after(date_of(LAST_UPDATE), date_of(name), ESTIMATE_STALE_DAYS)}",
        (f"studies.{name}", f"studies.{name}_type", f"studies.{LAST_UPDATE}"))


def _implausible(name: str) -> str:
    earliest, why = EARLIEST.get(name, EARLIEST_STUDY_DATE)
    end_date = name in END_DATES
    latest = PLACEHOLDER_FROM if end_date else LATEST
    early = after(earliest, date_of(name))
    late = f"{date_of(name).lo} >= {latest.lo}" if end_date else after(date_of(name), latest)
    texts = {"d": shown(name), "now": RECORD_TODAY.text}
    too_early = sql_text(f"The {LABELS[name]} date {{d}} is {why}.", **texts)
    too_late = sql_text(f"The {LABELS[name]} date {{d}} is a placeholder year, not a planned date."
                        if end_date else
                        f"The {LABELS[name]} date {{d}} is more than 15 years after {{now}}.", **texts)
    message = f"CASE WHEN {early} THEN {too_early} ELSE {too_late} END"
    return select(message, sql_text(f"{name}={{d}}; judged as of={{now}}", **texts),
                  f"({early} OR {late})", (f"studies.{name}",))


def _duration_sql() -> str:
    """Header duration outside the months the start and completion dates allow, past tolerance."""
    fewest, most = months_between_range(date_of("start_date"), date_of("completion_date"))
    months = f"round((({fewest}) + ({most})) / 2, 1)"
    gap = f"greatest(({fewest}) - h.duration_months, h.duration_months - ({most}))"
    texts = {"h": "h.duration_months", "m": months, "a": shown("start_date"), "b": shown("completion_date")}
    return select(
        sql_text("The page header gives a duration of {h} months but the start date {a} and "
                 "completion date {b} are {m} months apart.", **texts),
        sql_text("page_header_metrics.duration_months={h}; start_date={a}; completion_date={b}; "
                 "months between the dates={m}", **texts),
        f"{gap} > {DURATION_TOLERANCE_MONTHS} AND {gap} > {DURATION_TOLERANCE_SHARE} * abs({months})",
        joins="JOIN page_header_metrics h ON h.nct_id = s.nct_id")


PLAUSIBILITY_RULES = (
    rule("actual_after_last_update", "error",
         "A date marked ACTUAL has happened, so it cannot lie after the record was last posted.",
         tuple(f"studies.{n}" for n in TYPED) + (f"studies.{LAST_UPDATE}",),
         _per_date(TYPED, _actual_after_update)),
    rule("estimate_kept_long_past", "warning",
         f"An update that keeps an estimate more than {ESTIMATE_STALE_DAYS} days past its date "
         "leaves the record's timeline unconfirmed. A WITHDRAWN study never started, so its dates stay "
         "estimates for good.",
         tuple(f"studies.{n}" for n in TYPED) + (f"studies.{LAST_UPDATE}",),
         _per_date(TYPED, _estimate_kept)),
    rule("implausible_date", "warning",
         "Study dates before 1940 and postings before the registry opened (1999) are typos (1900 "
         "for 2000); completion in 2099 or later is a placeholder, while long registries may "
         "honestly plan to end in 2050 or 2065; other dates more than 15 years ahead are typos.",
         tuple(f"studies.{n}" for n in IMPLAUSIBLE), _per_date(IMPLAUSIBLE, _implausible)),
    rule("header_duration_mismatch", "warning",
         "The clincosm header duration is derived from the dates; disagreeing, one of them is wrong.",
         ("page_header_metrics.duration_months", "studies.start_date", "studies.completion_date"),
         _duration_sql()),
)
