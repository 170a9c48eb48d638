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
is a visit every participant who completes the study attends, so it counts.
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

RULE_ID = "dates.primary_completion_before_time_frame"
# Days in each unit a time frame counts in (a month as the mean month, a year as the mean year).
UNIT_DAYS = {"minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0, "month": DAYS_PER_MONTH, "year": 365.25}
# A visit is held within a window around its day ("Week 52" may be done at day 350; protocols allow a week or two
# for early visits and about a tenth of the time point for late ones): the time point must exceed the longest span
# the dates allow by more than the larger of these.
MIN_WINDOW_DAYS = 14
WINDOW_SHARE = 0.10
# Statuses whose primary completion is when the study stopped, not when its outcome was due: quiet.
STOPPED = ("TERMINATED", "WITHDRAWN", "SUSPENDED")
# A title that says the study follows participants of another study: its time points count from the parent study.
FOLLOWS_ANOTHER_STUDY = "(?i)" + "|".join((
    r"\bextension\b|roll-?over|long[- ]term follow|follow-?up study|continuation|\bLTFU\b",
    # "Follow-up of Participants From the 12-Week Trial ABC-301", "Extended Follow-up of the SPRINT Trial",
    # "Post-trial follow-up of UKPDS"
    r"\bfollow[- ]?up of (?:[\w-]+ ){0,6}?(?:stud(?:y|ies)|trials?)\b|\bpost[- ]?(?:trial|study) follow",
    # "in Participants Who Completed Study ABC-301", "Subjects Who Have Completed the Double-blind Study"
    r"\b(?:who|that) (?:have |had )?(?:completed|participated in|took part in) "
    r"(?:[\w-]+ ){0,4}?(?:stud(?:y|ies)|trials?)\b",
    # "Patients Previously Enrolled in Study ABC-301", "Subjects Previously Vaccinated in the V59P14 Trial"
    r"\bpreviously (?:enrolled|vaccinated|treated|randomi[sz]ed|included|immuni[sz]ed|dosed) (?:in|into|during) "
    r"(?:[\w-]+ ){0,4}?(?:stud(?:y|ies)|trials?)\b",
    # "for Participants From Prior Studies", "Subjects From the Parent Trial"
    r"\b(?:from|of|in) (?:the |a |an |their )?(?:prior|previous|parent|preceding|original|earlier|feeder|antecedent) "
    r"(?:[\w-]+ ){0,3}?(?:stud(?:y|ies)|trials?)\b",
    # a study named by its code: "After Vaccination in Study V72P12", "Who Received the Primary Series in Study ABC-12"
    r"\b(?:in|from) (?:the )?(?:stud(?:y|ies)|trials?) [a-z]*[-a-z]*\d",
))
# A time-to-event measure (survival, time to progression, a 5-year survival rate) is estimated from participants
# followed for different lengths, censored at the analysis: its time frame is a horizon, not a visit everyone attends.
TIME_TO_EVENT = re.compile(r"(?i)surviv|\btime\s+to\b|event[- ]free|progression|recurrence|relapse|duration\s+of|"
                           r"\b(?:[PDEMR]FS|OS|TTP|TTF|DoR)\b")
# A measure is quoted by its start in the evidence.
MEASURE_CHARS = 80

_UNIT_WORDS = (
    ("year", r"years?|yrs?"),
    ("month", r"months?|monthes|mos?|mths?|mnths?"),
    ("week", r"weeks?|wks?"),
    ("day", r"days?|d"),
    ("hour", r"hours?|hrs?|h"),
    ("minute", r"minutes?|mins?"),
)
_UNIT = "(?:" + "|".join(words for _, words in _UNIT_WORDS) + r")\b"
_NUMBER = r"\d+(?:\.\d+)?"
# Spelled numbers that time frames use ("Twelve months", "one-year", "six weeks").
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_SPELLED_NUMBER = (rf"\b(?:({'|'.join(_TENS)})(?:[\s-]({'|'.join(_ONES)}))?|({'|'.join({**_ONES, **_TEENS})}))")
_SPELLED = re.compile(rf"{_SPELLED_NUMBER}(?=[\s-]*(?:{_UNIT}))", re.I)
# Every spelled number read is below this: the SQL screen counts a spelled number as this many.
SPELLED_BOUND = 100

# Words that make a time frame a cap, an event, an average or an approximation ("around 12 months", "ca. 12 months",
# "cca 12 months", "not more than 6 months"), a window ("between 6 and 12 months"), a repeated or open period, a
# study-level period or date ("3 years (total study period)", "enrollment period", "36 months (data cut-off)", "database
# lock"), a season or school year, a study-level or unknown anchor, an age (a corrected or postmenstrual one, "18 months
# CA", a gestational one, "36 weeks GA", "34 weeks of amenorrhea", or the age of the participants a time frame names:
# "Day 28 (infants 6-11 months)", "Day 28 (adults 18-64 years)", "participants ≥65 years", "65 years and older"), an
# open-label or long-term extension's visit ("Week 52 (OLE)", counted from another study's start), a horizon ("10-year
# risk"), a look-back ("past 12 months", "retrospective review") or a look-back at another study: no time point every
# participant reaches can be read from it. Whole words, words that begin so, and phrases (a word test is many times
# cheaper than one pattern of them all).
_NOT_A_TIME_POINT_WORDS = frozenset((
    "until", "till", "whichever", "maximum", "max", "median", "average", "mean", "about", "minimum", "estimated",
    "expected", "or", "within", "during", "throughout", "death", "died", "event", "events", "completion",
    "duration", "length", "every", "each", "yearly", "monthly", "weekly", "thereafter", "cycle", "cycles",
    "course", "courses", "intake", "accrual", "last", "enrolled", "age", "aged", "old", "born", "delivery", "onset",
    "parent", "extension", "upto", "between", "less", "around", "roughly", "nearly", "almost", "circa", "past",
    "previous", "preceding", "corrected", "pma", "risk", "ole", "lte", "cca", "appr", "dco", "older", "younger",
    "yoa"))
_NOT_A_TIME_POINT_STEMS = (
    "aprox", "approx", "washout", "progress", "surviv", "relapse", "recurren", "occurrence", "discharge", "annual",
    "recruit", "birth", "postpartum", "gestation", "pregnan", "diagnos", "transplant", "menopaus", "injur", "symptom",
    "feeder", "retrospectiv", "postmenstrual", "season", "semester", "academic", "school", "infant", "child",
    "toddler", "newborn", "neonat", "adolescen", "amenorrh")
_NOT_A_TIME_POINT = re.compile(r"""(?x)
    \bup\s*to\b(?!\s+(?:and\s+including\s+)?(?:the\s+)?(?:week|wk|day|month)\s*\d) | ~ | \bend\s+of\b
  | \bfirst\s+(?:patient|participant|subject|person)s?\b | \bprimary\s+end | \bof\s+life\b | \bpost-partum
  | \bcore\s+study | \b(?:previous|prior|original|preceding)\s+(?:study|trial) | \b(?:19|20)\d\d\b
  | \bnot?\s+(?:more|longer|later)\s+than\b | \b(?:total|entire|whole|overall)\s+(?:study|trial|follow)
  | \b(?:study|trial|enrol+ment|recruitment)\s+(?:period|duration|length)\b
  | \b(?:months?|mos?|weeks?|wks?|days?)(?:\s*\+\s*\d+\s*d(?:ays?)?)?\W{0,2}\s*(?:of\s+)?(?:c?ga|wga|gw|ca)\b
  | \b(?:c?ga|wga|gw)\s*(?:of\s+)?\d | \bca\.\s*\d
  | \bdata\s+cut[\s-]?off | \bcut[\s-]?off\s+date | \bdatabase\s+lock
  | [<>≥≤]\s*=?\s*\d+\s*(?:years?|yrs?)\b | \d+\s*\+\s*(?:years?|yrs?)\b
  | \b(?:adults?|elderly|participants?|patients?|subjects?|people|persons?|women|men|volunteers?|individuals?)\s+
    (?:of\s+)?(?:(?:over|above|under|below|from|between)\s+\d+|\d+\s*(?:-|–|to|and)\s*\d+)\s*(?:years?|yrs?)\b""")
_WORDS = re.compile(r"[a-z]+")


def _no_time_point_said(text: str) -> bool:
    """Whether the lower-case time frame says a cap, an event, an average, a repeated or open period, an unknown
    anchor, an age or a calendar date."""
    for word in _WORDS.findall(text):
        if word in _NOT_A_TIME_POINT_WORDS or word.startswith(_NOT_A_TIME_POINT_STEMS):
            return True
    return _NOT_A_TIME_POINT.search(text) is not None


# What a time counted "after", "post", "from" or "since" may be counted from: the participant's entry into the
# study or something the study does to them later (randomization, the first dose, surgery, vaccination).
_ANCHORS = re.compile(r"""(?x)^(?:randomi|baseline|enrol|inclusion|screen|start|initiat|commence|entry|entering
  |dose|dosing|postdose|administ|treat|tx\b|therap|interven|surg|operat|op\b|procedure|implant|insertion|placement
  |vaccin|immuni|inject|infusion|application|study|day\b|week\b|visit|randomized|allocation|assignment)""")
_AFTER = re.compile(r"[\s-]*\(?(after|post|following|from|since)\b[\s-]*((?:(?:the|a|an|his|her|their|"
                    r"\d+(?:st|nd|rd|th))\s+)*)([a-z0-9]+)(?:[\s-]+([a-z0-9]+))?(?:[\s-]+([a-z0-9]+))?")
_JOINED_POST = re.compile(r"[\s-]*(post)-?([a-z]+)")
# A time counted back from an event ("4-6 weeks prior to surgery", "5 years before diagnosis", "the 12-month period
# before enrollment", "a 6-month window preceding randomisation") is no time point.
_BEFORE = re.compile(r"[\s-]*(?:(?:period|interval|window|span|time[\s-]?frame)s?[\s-]*)?\(?"
                     r"(?:before|prior|pre\b|pre-|preceding|earlier|ago|leading\s+up)")
# A visit window stated with the time point ("6 weeks (± 2 weeks)", "month 3 (±15 days)") is allowed on top.
_TOLERANCE = re.compile(rf"(?:±|\+/-|\+-)\s*({_NUMBER})\s*({_UNIT})", re.I)

# A named visit: "Week 52", "Day 28", "Month 12", "Year 2", "Weeks 20-27" (its first), "days 1,14" (its last).
_VISIT = re.compile(rf"\b(week|wk|day|month|year)s?\s*({_NUMBER})((?:\s*(?:,|&|and)\s*{_NUMBER})*)\b(?!\s*{_UNIT})",
                    re.I)
# An ordinal visit: "8th week", "12th month".
_ORDINAL = re.compile(rf"\b(\d+)(?:st|nd|rd|th)\s+({_UNIT})", re.I)
# A length: "52 weeks", "24-month", "3, 6 and 12 months" (its last), "6- and 12- month", "6-9 months" (its first:
# a window), "0-730 days" (a period from the start: its last). A negative length ("-14 days") is before the start.
_LENGTH = re.compile(rf"(?<![\w.])(?<![\s(]-)(?<!^-)({_NUMBER})((?:-?\s*(?:,|&|and)\s*{_NUMBER})*)"
                     rf"(?:\s*(?:-|–|to)\s*({_NUMBER}))?\s*-?\s*({_UNIT})", re.I)


# Two numbers joined by a comma with no space, the second a 5 ("1,5 years", "0,5 years", "2,5 months"), are as often
# a half written with a decimal comma, as records from countries that write 1.5 so give it.
_DECIMAL_COMMA = re.compile(r",5")


@dataclass(frozen=True)
class TimePoint:
    """The latest fixed time point a time frame gives: its length in days and how a person says it."""

    days: float
    said: str


def _unit_of(word: str) -> str:
    """The unit a time frame's word names ('wks' -> 'week')."""
    word = word.lower()
    for unit, words in _UNIT_WORDS:
        if re.fullmatch(words, word):
            return unit
    raise ValueError(f"not a unit of time: {word!r}")


def _latest_of(first: str, joined: str) -> float:
    """The latest of the numbers a list joins ('3', ', 6 and 12' -> 12); where the list may be a half written with a
    decimal comma ('1', ',5' in '1,5 years': 1.5, or 1 and 5), the smaller reading, so a time point is never read
    later than the record may mean."""
    latest = max([float(first)] + [float(v) for v in re.findall(_NUMBER, joined)])
    if "." not in first and _DECIMAL_COMMA.fullmatch(joined):
        return min(latest, float(f"{first}.{joined[1:]}"))
    return latest


def _shown(value: float) -> str:
    """A number as a time frame says it: '52', '2.5'."""
    return f"{value:g}"


def _unspelled(text: str) -> str:
    """The time frame with spelled numbers before a unit written as digits ('Twelve months' -> '12 months')."""
    def digits(m: re.Match) -> str:
        if m.group(3):
            return str({**_ONES, **_TEENS}[m.group(3).lower()])
        return str(_TENS[m.group(1).lower()] + (_ONES[m.group(2).lower()] if m.group(2) else 0))
    return _SPELLED.sub(digits, text)


# How a time is counted: from the participant's start or what the study does to them (or not said), back from an
# event, or from something else.
FROM_START, COUNTED_BACK, FROM_ELSEWHERE = "start", "back", "elsewhere"


def _counted(text: str, end: int) -> str:
    """How the time ending at `end` is counted: back from an event ('4 weeks prior to surgery'), from something
    that may come before the participant's start or is not theirs ('12 months from diagnosis', '15 days after the
    embryo transfer': unknown), or from the start (unsaid, or 'after randomization', 'postoperatively')."""
    rest = text[end:end + 60]
    if _BEFORE.match(rest):
        return COUNTED_BACK
    joined = _JOINED_POST.match(rest)
    if joined:
        return FROM_START if _ANCHORS.match(joined.group(2)) else FROM_ELSEWHERE
    after = _AFTER.match(rest)
    if after is None:
        return FROM_START
    words = [w for w in after.group(3, 4, 5) if w]
    return FROM_START if any(_ANCHORS.match(word) for word in words) else FROM_ELSEWHERE


def _visits(text: str) -> Iterator[tuple[float, str] | None]:
    """The named and ordinal visits ('Week 52', 'days 28, 56', '8th week'): None for one counted from elsewhere
    ('Day 100 after transplant'). 'Pre-dose' after a visit is its time of day, not a look-back."""
    for m in _VISIT.finditer(text):
        unit = _unit_of(m.group(1))
        value = _latest_of(m.group(2), m.group(3))
        if _counted(text, m.end()) == FROM_ELSEWHERE:
            yield None
        else:
            yield value * UNIT_DAYS[unit], f"{unit.capitalize()} {_shown(value)}"
    for m in _ORDINAL.finditer(text):
        unit, value = _unit_of(m.group(2)), float(m.group(1))
        if _counted(text, m.end()) == FROM_ELSEWHERE:
            yield None
        else:
            yield value * UNIT_DAYS[unit], f"{unit.capitalize()} {_shown(value)}"


def _lengths(text: str) -> Iterator[tuple[float, str] | None]:
    """The lengths ('52 weeks', '3, 6 and 12 months', '6-9 months'): None for one counted from elsewhere; one
    counted back ('4-6 weeks prior to surgery') is left out."""
    for m in _LENGTH.finditer(text):
        unit, first = _unit_of(m.group(4)), float(m.group(1))
        if m.group(3) is not None:
            # a range of one unit: a window ('6-9 months') is reached at its first, a period from the start at its end
            value = float(m.group(3)) if first == 0 else first
        else:
            value = _latest_of(m.group(1), m.group(2))
        counted = _counted(text, m.end())
        if counted == FROM_ELSEWHERE:
            yield None
        elif counted == FROM_START:
            yield value * UNIT_DAYS[unit], f"{_shown(value)} {unit}{'' if value == 1 else 's'}"


def time_point(time_frame: str | None) -> TimePoint | None:
    """The latest fixed time point that every participant reaches for this outcome, less any visit window the time
    frame states; None where the time frame gives none (a cap, an event, an average, a repeated or open period, an
    age, a calendar date, a time counted from something unknown) or gives no time at all."""
    if not time_frame:
        return None
    text = _unspelled(time_frame.replace("\\", " ")).lower()
    if _no_time_point_said(text):
        return None
    tolerance = max((float(n) * UNIT_DAYS[_unit_of(u)] for n, u in _TOLERANCE.findall(text)), default=0.0)
    text = _TOLERANCE.sub(" ", text)
    points = [*_visits(text), *_lengths(text)]
    if not points or None in points:
        return None
    days, said = max(points, key=lambda p: p[0])
    if days - tolerance <= 0:
        return None
    return TimePoint(days - tolerance, said)


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
_BOUND_DAYS = f"""(greatest(coalesce(list_max(list_transform(regexp_extract_all(o.time_frame, '{_NUMBER}'),
                                                              x -> TRY_CAST(x AS DOUBLE))), 0),
                            CASE WHEN regexp_matches(o.time_frame, {literal('(?i)' + _SPELLED_NUMBER)})
                                 THEN {SPELLED_BOUND} ELSE 0 END)
                   * CASE WHEN regexp_matches(o.time_frame, '(?i)y(ea)?r') THEN 366
                          WHEN regexp_matches(o.time_frame, '(?i)mo|m(o?n)?th') THEN 31
                          WHEN regexp_matches(o.time_frame, '(?i)w(ee)?k') THEN 7 ELSE 1 END)"""


def _candidates_sql() -> str:
    """The primary outcomes of the scoped interventional studies that ran to their end (or are planned to) whose
    time frame may name a time point past the longest span between the start and the primary completion. The
    dates and the numbers of the time frame are screened first; the title is read only of the studies left."""
    start, completion = column("start_date"), column("primary_completion_date")
    return f"""
        SELECT s.nct_id, c.measure, c.time_frame, {start.lo} AS start_lo, {completion.hi} AS completion_hi,
               s.start_date_precision, s.primary_completion_date_precision,
               {start.text} AS start_shown, {completion.text} AS completion_shown,
               {typed_text('start_date')} AS start_typed, {typed_text('primary_completion_date')} AS completion_typed
        FROM (SELECT o.nct_id, o.id, o.measure, o.time_frame, longest, {_BOUND_DAYS} AS bound
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


def study_finding(nct_id: str, outcomes: list[tuple[str | None, str | None]], dates: StudyDates) -> Finding | None:
    """A finding when the largest fixed time point of the study's primary outcomes (measure, time frame) lies past
    the longest span its dates allow, beyond the visit window. A time-to-event measure gives no time point."""
    latest: tuple[TimePoint, str, str] | None = None
    for measure, time_frame in outcomes:
        point = None if TIME_TO_EVENT.search(measure or "") else time_point(time_frame)
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
    outcomes: dict[str, list[tuple[str | None, str | None]]] = {}
    dates: dict[str, StudyDates] = {}
    for nct_id, measure, time_frame, *columns in con.execute(_candidates_sql()).fetchall():
        outcomes.setdefault(nct_id, []).append((measure, time_frame))
        dates[nct_id] = StudyDates(*columns)
    for nct_id, listed in outcomes.items():
        found = study_finding(nct_id, listed, dates[nct_id])
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
         "month-only dates; the largest such time point of the primary outcomes counts. Not for studies that "
         "stopped (TERMINATED, WITHDRAWN, SUSPENDED), observational studies (whose time frame is often a look-back "
         "period) or studies that follow another study's participants (an extension).",
         ("design_outcomes.time_frame", "studies.start_date", "studies.primary_completion_date"),
         func=primary_completion_before_time_frame),
)
