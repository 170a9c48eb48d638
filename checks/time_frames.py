"""Rule dates.primary_completion_before_time_frame: a primary outcome's time point the study's own dates cannot reach.

The Primary Completion Date is the day the last participant was examined for the final collection of the primary
outcome's data. A primary outcome measured at a fixed time after each participant starts ("Week 52", "12 months
after randomization", "Baseline and week 24") therefore needs at least that long between the study's start (its
first participant) and its primary completion. A record whose primary completion comes sooner gives a wrong date or
a wrong time frame, and a data team estimating when results are due, or how long a trial ran, is misled.

The dates are screened in SQL: only a primary outcome whose time frame holds a number large enough, in its largest
unit, to exceed the span between the dates is read. The time frame is then read in Python (`time_point`), which
gives a reading only where every participant reaches it: a cap ("up to 5 years"), an event ("until progression"), an
average, a repeated visit ("annually"), an age ("6 months of age"), a look-back ("5 years before diagnosis"), or a
time counted from something that may precede the participant's start (diagnosis, transplant) or from the study as
a whole ("after the last participant is enrolled") gives none. A named visit that caps a period ("Up to Week 12")
is a visit every participant who completes the study attends, so it counts. A bare duration ("2 years") that the
record shows to be the study's period (time_frame_study_periods) gives none either.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterator

import duckdb

from checks.date_columns import CATEGORY
from checks.partial_dates import DAYS_PER_MONTH, column, typed_text
from checks.rule import CheckScope, Finding, Rule
from checks.sql_text import literal, one_of
from checks.time_frame_points import TimePoint, time_point
from checks.time_frame_study_periods import StudyRun, study_period
from checks.time_frame_words import NUMBER, SPELLED_BOUND, SPELLED_NUMBER

RULE_ID = "dates.primary_completion_before_time_frame"
# A visit is held within a window around its day ("Week 52" may be done at day 350; protocols allow a week or two
# for early visits and about a tenth of the time point for late ones): the time point must exceed the longest span
# the dates allow by more than the larger of these.
MIN_WINDOW_DAYS = 14
WINDOW_SHARE = 0.10
# Statuses whose primary completion is when the study stopped, not when its outcome was due: quiet.
STOPPED = ("TERMINATED", "WITHDRAWN", "SUSPENDED")
# How long an immunity lasts: "Antibody Persistence", "Immune Persistence", "Persistence of Antibody Response",
# "Persistence of Anti-meningococcal Bactericidal Antibodies" (not a treatment's persistence).
_IMMUNITY_PERSISTING = (r"(?:(?:antibody|immune|immunological|seroprotection)(?: response)? persistence\b"
                        r"|persistence of (?:[\w-]+ ){0,3}?(?:antibod|immun|seroprotect|bactericidal)\w*)")
# A title that says the study follows participants of another study: its time points count from the parent study.
FOLLOWS_ANOTHER_STUDY = "(?i)" + "|".join((
    r"\bextension\b|roll-?over|long[- ]term,? follow|follow-?up study|continuation|\bLTFU\b",
    # "Follow-up of Participants From the 12-Week Trial ABC-301", "Extended Follow-up of the SPRINT Trial",
    # "Post-trial follow-up of UKPDS"
    r"\bfollow[- ]?up of (?:[\w-]+ ){0,6}?(?:stud(?:y|ies)|trials?|protocols?)\b|\bpost[- ]?(?:trial|study) follow",
    # "in Participants Who Completed Study ABC-301", "Subjects Who Have Completed the Double-blind Study"
    r"\b(?:who|that) (?:have |had )?(?:completed|participated in|took part in) "
    r"(?:[\w-]+ ){0,4}?(?:stud(?:y|ies)|trials?)\b",
    # "Patients Previously Enrolled in Study ABC-301", "Subjects Previously Vaccinated in the V59P14 Trial"
    r"\bpreviously (?:enrolled|vaccinated|treated|randomi[sz]ed|included|immuni[sz]ed|dosed) (?:in|into|during) "
    r"(?:[\w-]+ ){0,4}?(?:stud(?:y|ies)|trials?)\b",
    # "for Participants From Prior Studies", "Subjects From the Parent Trial"
    r"\b(?:from|of|in) (?:the |a |an |their )?(?:prior|previous|parent|preceding|original|earlier|feeder|antecedent) "
    r"(?:[\w-]+ ){0,3}?(?:stud(?:y|ies)|trials?)\b",
    # "Subjects Vaccinated in the Primary Study"
    r"\b(?:in|from) the primary (?:stud(?:y|ies)|trials?)\b",
    # a study named by its code: "After Vaccination in Study V72P12", "Who Received the Primary Series in Study ABC-12",
    # "Subjects Included in Protocol 31GB0106"
    r"\b(?:in|from) (?:the )?(?:stud(?:y|ies)|trials?|protocols?) [a-z]*[-a-z]*\d",
    # how long the immunity of an earlier study's vaccination lasts: "Persistence of Antibody Response ... in Subjects
    # Previously Vaccinated as Adolescents", "Persistence Of Antibody Responses Among Children Who Previously Received
    # MenACWY Conjugate Vaccine", "Long-Term Immune Persistence of Hepatitis A Vaccine": its time points count from
    # that vaccination ("Day 1 (5 years after primary vaccination)", "At Months 138, 150, ..., 246")
    rf"\b{_IMMUNITY_PERSISTING}.*\bpreviously (?:vaccinated|immuni[sz]ed|primed|received)\b",
    # "Long-term Study of Immune Response Persistence of ... Hepatitis B Vaccines" (NCT00343915)
    rf"\blong[- ]term (?:(?:study|follow[- ]?up|evaluation|assessment) of (?:the )?)?{_IMMUNITY_PERSISTING}",
))
# A summary that calls this study a follow-up of another study's participants: "No additional subjects will be recruited
# during this long-term follow-up study", "at the time of enrollment in the present long-term follow-up study",
# "All subjects who participated in the primary study ... were contacted" (NCT00343915, whose time points count "after
# the first dose of the hepatitis B primary vaccination course", given in the primary study).
SAID_TO_FOLLOW_ANOTHER_STUDY = "(?i)" + "|".join((
    r"\b(?:this|the present|the current) (?:[\w-]+ ){0,2}?(?:follow[- ]?up|extension|persistence) (?:stud(?:y|ies)"
    r"|trials?)\b",
    r"\b(?:who|that) (?:have |had )?(?:participated|took part|were (?:enrolled|vaccinated|randomi[sz]ed|included)) in "
    r"the (?:primary|parent|previous|prior|original|earlier|preceding) (?:[\w-]+ ){0,2}?"
    r"(?:stud(?:y|ies)|trials?)\b",
))
# The summaries read for it.
_SUMMARIES = ("SELECT nct_id, description FROM brief_summaries UNION ALL "
              "SELECT nct_id, description FROM detailed_descriptions")
# A time-to-event measure (survival, time to progression, a 5-year survival rate) is estimated from participants
# followed for different lengths, censored at the analysis: its time frame is a horizon, not a visit everyone attends.
TIME_TO_EVENT = re.compile(r"(?i)surviv|\btime\s+to\b|event[- ]free|progression|recurrence|relapse|duration\s+of|"
                           r"\b(?:[PDEMR]FS|OS|TTP|TTF|DoR)\b")
# A measure is quoted by its start in the evidence.
MEASURE_CHARS = 80


def window_days(days: float) -> float:
    """The visit window allowed around a time point of `days`."""
    return max(MIN_WINDOW_DAYS, WINDOW_SHARE * days)


def unreachable(point: TimePoint, longest_span_days: int) -> bool:
    """Whether the time point lies past the longest span the dates allow by more than its visit window."""
    return point.days - window_days(point.days) > longest_span_days


def span_said(start: date, start_precision: str | None, completion: date, completion_precision: str | None) -> str:
    """How the primary completion stands to the start, as a person says it: '3 months after', '40 days after', 'on
    the same day as' (month-only dates are counted in calendar months, year-only ones in years)."""
    if "year" in (start_precision, completion_precision):
        years = completion.year - start.year
        return "in the same year as" if years <= 0 else f"{years} year{'' if years == 1 else 's'} after"
    if (start_precision or "day") == "day" and (completion_precision or "day") == "day":
        days = (completion - start).days
        if days == 0:
            return "on the same day as"
        if days < 62:
            return f"{days} day{'' if days == 1 else 's'} after"
        return f"about {round(days / DAYS_PER_MONTH)} months after"
    months = (completion.year - start.year) * 12 + completion.month - start.month
    return "in the same month as" if months <= 0 else f"{months} month{'' if months == 1 else 's'} after"


def _clipped(text: str, chars: int = MEASURE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


# The largest number a time frame holds (a spelled one counted as SPELLED_BOUND) in days of its largest unit: no
# reading of the text exceeds it, so only a time frame whose bound exceeds the longest span is read.
_BOUND_DAYS = f"""(greatest(coalesce(list_max(list_transform(regexp_extract_all(o.time_frame, '{NUMBER}'),
                                                              x -> TRY_CAST(x AS DOUBLE))), 0),
                            CASE WHEN regexp_matches(o.time_frame, {literal('(?i)' + SPELLED_NUMBER)})
                                 THEN {SPELLED_BOUND} ELSE 0 END)
                   * CASE WHEN regexp_matches(o.time_frame, '(?i)y(ea)?r') THEN 366
                          WHEN regexp_matches(o.time_frame, '(?i)mo|m(o?n)?th') THEN 31
                          WHEN regexp_matches(o.time_frame, '(?i)w(ee)?k') THEN 7 ELSE 1 END)"""


# Every outcome of the study (two or more) gives the same time frame, read alike whatever its case, spacing or
# final full stop ('Two years' and 'two years.').
_ONE_TIME_FRAME = """(SELECT count(*) >= 2 AND count(DISTINCT coalesce(lower(trim(regexp_replace(x.time_frame, '\\s+',
                          ' ', 'g'), ' .')), '')) = 1
                      FROM design_outcomes x WHERE x.nct_id = s.nct_id)"""


def _candidates_sql() -> str:
    """The primary outcomes of the scoped interventional studies that ran to their end (or are planned to) whose
    time frame may name a time point past the longest span between the start and the primary completion. The
    dates and the numbers of the time frame are screened first; the title is read only of the studies left."""
    start, completion, end = column("start_date"), column("primary_completion_date"), column("completion_date")
    return f"""
        SELECT s.nct_id, c.measure, c.time_frame, c.description,
               {end.lo} - {start.hi} AS shortest_run, {end.hi} - {start.lo} AS longest_run,
               {_ONE_TIME_FRAME} AS one_time_frame,
               {start.lo} AS start_lo, {completion.hi} AS completion_hi,
               s.start_date_precision, s.primary_completion_date_precision,
               {start.text} AS start_shown, {completion.text} AS completion_shown,
               {typed_text('start_date')} AS start_typed, {typed_text('primary_completion_date')} AS completion_typed
        FROM (SELECT o.nct_id, o.id, o.measure, o.time_frame, o.description, longest, {_BOUND_DAYS} AS bound
              FROM (SELECT s.nct_id, {completion.hi} - {start.lo} AS longest
                    FROM studies s
                    WHERE s.nct_id IN (SELECT nct_id FROM check_scope)
                      AND s.study_type = 'INTERVENTIONAL' AND coalesce(s.overall_status, '') NOT IN {one_of(STOPPED)}
                      AND s.start_date IS NOT NULL AND s.primary_completion_date IS NOT NULL) d
              JOIN design_outcomes o ON o.nct_id = d.nct_id
              WHERE d.longest >= 0 AND o.outcome_type = 'primary' AND o.time_frame IS NOT NULL) c
        JOIN studies s ON s.nct_id = c.nct_id
        WHERE greatest(c.bound - {MIN_WINDOW_DAYS}, {1 - WINDOW_SHARE} * c.bound) > c.longest
          AND NOT regexp_matches(concat(s.official_title, ' ', s.brief_title), {literal(FOLLOWS_ANOTHER_STUDY)})
          AND NOT EXISTS (SELECT 1 FROM ({_SUMMARIES}) t WHERE t.nct_id = s.nct_id
                          AND regexp_matches(regexp_replace(t.description, '\\s+', ' ', 'g'),
                                             {literal(SAID_TO_FOLLOW_ANOTHER_STUDY)}))
        ORDER BY s.nct_id, c.id NULLS LAST, c.measure, c.time_frame"""


@dataclass(frozen=True)
class StudyDates:
    """A study's start and primary completion as the rule compares them: the earliest day the start may be, the
    latest day the primary completion may be, their precisions, and how each is shown (alone, and with its type)."""

    start_lo: date
    completion_hi: date
    start_precision: str | None
    completion_precision: str | None
    start_shown: str
    completion_shown: str
    start_typed: str
    completion_typed: str


def study_finding(nct_id: str, outcomes: list[tuple[str | None, ...]], dates: StudyDates,
                  run: StudyRun | None = None) -> Finding | None:
    """A finding when the largest fixed time point of the study's primary outcomes (measure, time frame and, where
    given, description) lies past the longest span its dates allow, beyond the visit window. A time-to-event measure
    gives no time point, nor a bare duration that the study's run shows to be its period."""
    latest: tuple[TimePoint, str, str] | None = None
    primary_days = (dates.completion_hi - dates.start_lo).days
    for measure, time_frame, *described in outcomes:
        point = None if TIME_TO_EVENT.search(measure or "") else time_point(time_frame)
        if point is not None and run is not None and study_period(time_frame, (described or [None])[0], run,
                                                                  window_days(point.days), primary_days):
            point = None
        if point is not None and (latest is None or point.days > latest[0].days):
            latest = (point, measure or "", time_frame or "")
    if latest is None:
        return None
    point, measure, time_frame = latest
    if not unreachable(point, (dates.completion_hi - dates.start_lo).days):
        return None
    relation = span_said(dates.start_lo, dates.start_precision, dates.completion_hi, dates.completion_precision)
    message = (f"The primary outcome is measured at {point.said}, but the primary completion date "
               f"({dates.completion_shown}) is {relation} the start ({dates.start_shown}).")
    evidence = (f"design_outcomes.time_frame: '{_clipped(time_frame, 200)}' (primary outcome '{_clipped(measure)}'); "
                f"start_date={dates.start_typed}; primary_completion_date={dates.completion_typed}")
    return Finding(nct_id, message, evidence)


def primary_completion_before_time_frame(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """The primary completion comes sooner after the start than the largest fixed time point of the primary
    outcomes (past the visit window and the slack of month-only dates)."""
    outcomes: dict[str, list[tuple[str | None, ...]]] = {}
    dates: dict[str, StudyDates] = {}
    runs: dict[str, StudyRun] = {}
    for nct_id, measure, time_frame, description, *columns in con.execute(_candidates_sql()).fetchall():
        outcomes.setdefault(nct_id, []).append((measure, time_frame, description))
        runs[nct_id] = StudyRun(*columns[:3])
        dates[nct_id] = StudyDates(*columns[3:])
    for nct_id, listed in outcomes.items():
        found = study_finding(nct_id, listed, dates[nct_id], runs[nct_id])
        if found is not None:
            yield found


RULES = (
    Rule(RULE_ID, CATEGORY, "warning",
         "The primary completion date is when the last participant gave the primary outcome's final data, so a "
         "primary outcome measured at a fixed time after each participant starts ('Week 52', '12 months after "
         "randomization') cannot be complete sooner after the study's start: the date or the time frame is wrong. "
         "Read from text, so a warning, and only where every participant reaches the time point (not a cap, 'up to "
         "5 years', an event, an average, an age, a look-back or a time counted from something unknown), beyond a "
         f"visit window (the larger of {MIN_WINDOW_DAYS} days and a tenth of the time point) and the slack of "
         "month-only dates; the largest such time point of the primary outcomes counts. Not for a bare duration "
         "('2 years') the record shows to be the study's period (the same years on every outcome, with a primary "
         "completion at least half of them after the start; years about the span from the start to the completion; "
         "or beside a description of times of hours or days; only where the dates give the study a run of at least "
         "half of it). Not for studies that "
         "stopped (TERMINATED, WITHDRAWN, SUSPENDED), observational studies (whose time frame is often a look-back "
         "period) or studies that follow another study's participants (an extension, or a study whose summary calls "
         "it 'this long-term follow-up study' or speaks of those 'who participated in the primary study').",
         ("design_outcomes.time_frame", "studies.start_date", "studies.primary_completion_date"),
         func=primary_completion_before_time_frame),
)
