"""The date columns of `studies` as partial dates, and the shape of a date rule's SELECT."""
from __future__ import annotations

from checks.identity import issued_by_year_sql
from checks.partial_dates import PartialDate, after, column, day_column, typed_text
from checks.rule import Rule
from checks.sql_text import literal, sql_text
from schemas.enums import OPEN_STATUSES

CATEGORY = "date_anomaly"
# Only these three dates carry a type (ACTUAL or ESTIMATED) in the registry.
TYPED = ("start_date", "primary_completion_date", "completion_date")
# The postings, which the registry gives as an estimate where it did not record the day (records posted before 2017).
POSTED = ("study_first_posted_date", "last_update_posted_date")
LABELS = {
    "start_date": "start", "primary_completion_date": "primary completion",
    "completion_date": "completion", "study_first_posted_date": "first posted",
    "last_update_posted_date": "last update posted", "verification_date": "verification",
    "study_first_submitted_date": "first submitted",
}
# ClinicalTrials.gov posted its first records in September 1999: nothing was registered earlier.
REGISTRY_OPENED = "DATE '1999-09-01'"
# Real studies began as early as the 1940s (Framingham, 1948), so an earlier study date is a typo (1900 for 2000):
# dates.implausible_date flags it, and no rule counts days from it.
EARLIEST_STUDY_DAY = "DATE '1940-01-01'"
OPEN = f"s.overall_status IN ({', '.join(literal(s) for s in OPEN_STATUSES)})"
# A SUSPENDED trial has not ended either: its status goes stale like an open one's.
NOT_ENDED = f"s.overall_status IN ({', '.join(literal(s) for s in OPEN_STATUSES + ('SUSPENDED',))})"
# A WITHDRAWN study stopped before enrolling its first participant: no deadline tied to enrolment applies to it,
# and its dates never happened, so the registry keeps them ESTIMATED for good.
NEVER_STARTED = "coalesce(s.overall_status = 'WITHDRAWN', FALSE)"
# ICMJE journals required registration before enrolment from 2005-07-01; earlier trials were
# bulk-registered when the registry and the requirement arrived.
ICMJE_IN_FORCE = "DATE '2005-07-01'"
# ICMJE's 2005 rule left out phase 1 trials; from trials enrolling on or after 2008-07-01 it covers every phase
# (and FDAAA 801 and 42 CFR 11 never cover phase 1 only).
ICMJE_ALL_PHASES = "DATE '2008-07-01'"
PHASE1_ONLY = "coalesce(s.phase, '') IN ('PHASE1', 'EARLY_PHASE1')"
# FDAAA 801 made registration and its data elements law from 2007-09-27.
FDAAA_IN_FORCE = "DATE '2007-09-27'"
# 42 CFR 11 (the Final Rule) and its data elements took effect on 2017-01-18.
FINAL_RULE_IN_FORCE = "DATE '2017-01-18'"


def _at(alias: str) -> str:
    """The column prefix of a table alias: 's.' for 's', '' for none."""
    return f"{alias}." if alias else ""


def numbered_by(alias: str = "s") -> str:
    """SQL: the last day of the year by whose end the registry had issued the record's NCT number, which it issues in
    sequence at registration (checks.identity.LAST_NCT_BY_YEAR), or NULL for an id of another form or a number beyond
    the table. The record was first made public by then at the latest; how early in that year, or the years before,
    the number does not tell."""
    at = _at(alias)
    year = issued_by_year_sql(f"CAST(substr({at}nct_id, 4) AS BIGINT)")
    return f"CASE WHEN regexp_full_match({at}nct_id, 'NCT[0-9]{{8}}') THEN make_date({year}, 12, 31) END"


def _public_by(alias: str) -> str:
    """SQL: the latest day a record that gives neither its first posting nor its first submission (a page of
    meddatax's, a trial summary) can have been first made public: the earlier of its last update and the end of the
    year its NCT number was issued by."""
    return f"least({_at(alias)}last_update_posted_date, {numbered_by(alias)})"


def first_public(alias: str = "s") -> str:
    """SQL: when the record was first made public. Its first posting; in a legacy XML record of before 2017, which
    gives no posted date (only its firstreceived_date), its first submission: the registry posts a record days
    after it is submitted, and without it such a record would be judged as if posted today. A page that shows neither
    gives the latest day it can have been (_public_by). Compared as 'before' a day, that settles the question only
    where it is earlier: so compare first_public() only so ('<'), never as 'on or after'."""
    at = _at(alias)
    return (f"coalesce({at}study_first_posted_date, {at}study_first_submitted_date, "
            f"CASE WHEN {at}study_first_posted_date IS NULL AND {at}study_first_submitted_date IS NULL "
            f"THEN {_public_by(alias)} END)")


def _public_by_said(alias: str, updated: str, numbered: str) -> str:
    """SQL text of _public_by(): `updated` with {day}, the last update, where that is the earlier day, else `numbered`
    with {year}, the year the NCT number was issued by; NULL where neither is known. (The end of that year is named
    once, in a one-item list's lambda: written out in each test, it was planned three times over.)"""
    at = _at(alias)
    updated_on = f"{at}last_update_posted_date"
    day = f"date_shown({updated_on}, {at}last_update_posted_date_precision)"
    year = "CAST(year(numbered_by) AS VARCHAR)"
    return (f"list_transform([{numbered_by(alias)}], numbered_by -> "
            f"CASE WHEN {updated_on} <= coalesce(numbered_by, {updated_on}) THEN {sql_text(updated, day=day)} "
            f"WHEN numbered_by IS NOT NULL THEN {sql_text(numbered, year=year)} END)[1]")


def first_public_shown(alias: str = "s") -> str:
    """SQL text of first_public() at its own precision: a first posting a text page keeps to the month is shown as
    that month ('2005-06'), not as the day stored for it; a page that shows neither posting nor submission gives the
    latest day it can have been: 'by 2005-06-24 (its last update)', 'by the end of 2006 (its NCT number)'."""
    at = _at(alias)
    return (f"coalesce(date_shown({at}study_first_posted_date, {at}study_first_posted_date_precision), "
            f"strftime({at}study_first_submitted_date, '%Y-%m-%d'), "
            f"{_public_by_said(alias, 'by {day} (its last update)', 'by the end of {year} (its NCT number)')})")


def _first_public_said(alias: str) -> str:
    """SQL text naming first_public() as an evidence says it: 'first posted 2005-06-23', 'first submitted
    2005-06-21'; on a page that shows neither, 'last updated 2005-06-24' or 'NCT number issued by the end of 2006'."""
    at = _at(alias)
    return (f"CASE WHEN {at}study_first_posted_date IS NOT NULL OR {at}study_first_submitted_date IS NOT NULL "
            f"THEN 'first ' || CASE WHEN {at}study_first_posted_date IS NULL THEN 'submitted ' ELSE 'posted ' END "
            f"|| coalesce(date_shown({at}study_first_posted_date, {at}study_first_posted_date_precision), "
            f"strftime({at}study_first_submitted_date, '%Y-%m-%d')) "
            f"ELSE {_public_by_said(alias, 'last updated {day}', 'NCT number issued by the end of {year}')} END")


def before_fdaaa(alias: str = "s") -> str:
    """SQL: the record was first made public before FDAAA 801 required its data elements (NULL where a page shows
    too little to tell)."""
    return f"{first_public(alias)} < {FDAAA_IN_FORCE}"


def before_fdaaa_evidence(alias: str = "s") -> str:
    """SQL text to end an evidence with: '; first posted 2005-06-23, before FDAAA required it' ('first submitted'
    when the record gives no posted date, see first_public_before), or '' for a later record."""
    return first_public_before(FDAAA_IN_FORCE, "FDAAA required it", alias)


def first_public_before(cutoff: str, what: str, alias: str = "s") -> str:
    """SQL text to end an evidence with when the record was first made public before `cutoff` (SQL):
    '; first posted 2005-06-23, before <what>' ('first submitted' when it gives no posted date; 'last updated
    2005-06-24' or 'NCT number issued by the end of 2006' on a page that shows neither), else ''."""
    return (f"CASE WHEN {first_public(alias)} < {cutoff} THEN '; ' || {_first_public_said(alias)} "
            f"|| {literal(', before ' + what)} ELSE '' END")


# The registry's own timeline (submissions, postings, snapshot) is always given to the day.
DAY_ONLY = ("study_first_submitted_date", "results_first_submitted_date", "results_first_posted_date",
            "disposition_first_submitted_date", "disposition_first_posted_date", "snapshot_date")


def registered_by_posting() -> str:
    """SQL: the record was registered by its first posting (see registered())."""
    submitted, posted = date_of("study_first_submitted_date"), date_of("study_first_posted_date")
    return f"(s.study_first_submitted_date IS NULL OR coalesce({after(submitted, posted)}, FALSE))"


# registered_by_posting() as a column of registered_studies().
_BY_POSTING = "by_posting"
BY_POSTING_COLUMN = f"s.{_BY_POSTING}"


def registered_studies() -> str:
    """SQL: `studies` rows with registered_by_posting() as a column: a rule that reads registered() a dozen times
    reads it so, computed once (written out each time, it cost a third of such a rule's planning)."""
    return f"(SELECT *, {registered_by_posting()} AS {_BY_POSTING} FROM studies s)"


def registered(by_posting: str | None = None) -> tuple[PartialDate, str, str]:
    """When the record was registered, what that date is ('first submitted' or 'first posted', SQL text), and
    whether it is its posting (SQL: `by_posting` where a query reads it as a column, else registered_by_posting()).
    Its first submission; but a record first posted before the day it gives as first submitted had that date stamped
    again later (a legacy record that gives 2006-07-13, posted 1999-11-04): it was registered by its posting."""
    submitted, posted = date_of("study_first_submitted_date"), date_of("study_first_posted_date")
    by_posting = by_posting or registered_by_posting()
    pick = lambda a, b: f"CASE WHEN {by_posting} THEN {a} ELSE {b} END"  # noqa: E731
    on = PartialDate(pick(posted.lo, submitted.lo), pick(posted.hi, submitted.hi), pick(posted.text, submitted.text))
    return on, pick("'first posted'", "'first submitted'"), by_posting


def date_of(name: str) -> PartialDate:
    """The partial date held in column `name` of `studies s`."""
    return day_column(name, "s") if name in DAY_ONLY else column(name, "s")


def shown(name: str) -> str:
    """SQL text of a studies date at its own precision, with its type when it has one: a posting's only where the
    registry gives it as an estimate ('1999-11-04 (ESTIMATED)'); NULL where the record gives none."""
    if name in TYPED:
        return typed_text(name)
    if name in POSTED:
        return f"{date_of(name).text} || CASE WHEN s.{name}_type = 'ESTIMATED' THEN ' (ESTIMATED)' ELSE '' END"
    return date_of(name).text


def on_or_in(name: str) -> str:
    """SQL text to put before a studies date as a message says it: 'on ' before a day, 'in ' before a date kept to
    the month or year ('completed in 2004-05'), which is a period the event fell in, not a day."""
    if name in DAY_ONLY:
        return "'on '"
    return f"CASE WHEN coalesce(s.{name}_precision, 'day') = 'day' THEN 'on ' ELSE 'in ' END"


def period_word(name: str) -> str:
    """SQL text naming the period a studies date gives: 'day', 'month' or 'year'."""
    return "'day'" if name in DAY_ONLY else f"coalesce(s.{name}_precision, 'day')"


def select(message: str, evidence: str, where: str, fields: tuple[str, ...] = (),
           joins: str = "", severity: str = "NULL", studies: str = "studies") -> str:
    """A rule SELECT over `studies s` (plus `joins`; `studies` a query of studies rows with more columns); `fields`
    overrides the rule's fields, `severity` (SQL) the rule's severity where it is not NULL."""
    listed = f", [{', '.join(literal(f) for f in fields)}] AS fields" if fields else ""
    return (f"SELECT s.nct_id, {message} AS message, {evidence} AS evidence{listed}, "
            f"{severity} AS severity FROM {studies} s {joins} WHERE {where}")


def rule(name: str, severity: str, rationale: str, fields: tuple[str, ...], sql: str,
         family: str = "dates", category: str = CATEGORY, judges_absence: bool | None = None) -> Rule:
    """A rule of the dates family (or of another family written over `studies s`)."""
    return Rule(id=f"{family}.{name}", category=category, severity=severity,
                rationale=rationale, fields=fields, sql=sql, judges_absence=judges_absence)
