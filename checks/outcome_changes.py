"""Changes between versions of one study: a changed primary outcome (outcome switching).

A registered primary outcome is the promise a trial is judged by; changing it after the
fact is the registry's best-known quality signal. Only versions that show primary outcomes
are compared (a page layout without outcomes says nothing), one per last-update date (a republished page dated a day
from a registry version is that version: neither gives a time zone), and a change of time frame (or a time moved
between title and time frame, at the title's end or its start, in the same unit or another surely the same), case,
accents, spacing, punctuation, order, a unit's spelling, British spelling, 'from baseline', the statistic that counts
the outcome added or dropped ('Number of participants with'), or an abbreviation spelt out (alone, in place of the
words whose initials it spells, or as the words a bracketed term stands for) is not a switch, nor is a change posted
before the study started (the protocol was still being written).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

import duckdb

from checks.placeholder_values import PLACEHOLDERS
from checks.cross_source_versions import REGISTRY_LAYOUTS
from checks.rule import CheckScope, Finding, Rule
from checks.scoped_tables import IN_SCOPE
from warehouse.versions import describe

# Only a study with versions of two last-update dates can have changed: most have one.
REGISTRY_FIRST = "CASE r.layout WHEN 'ctgov_json_v2' THEN 0 WHEN 'ctgov_xml' THEN 1 ELSE 2 END"
_IN_REGISTRY = "(" + ", ".join(f"'{layout}'" for layout in REGISTRY_LAYOUTS) + ")"
# A republished page gives its update date without a time zone, and a site dates a posting by its own clock (a day
# ahead of the registry's US date, or behind it): a page dated a day from a registry version of the study shows that
# version, not another. Its copy is the registry's; a page two or more days from every registry version is a version
# of its own.
PAGE_DATE_MARGIN_DAYS = 1
VERSIONS_WITH_OUTCOMES = f"""
    WITH shown AS MATERIALIZED (
        SELECT r.nct_id, r.sha256, r.path, r.layout, r.last_update_posted_date, v.primary_outcome_measures,
               v.primary_outcome_time_frames, {REGISTRY_FIRST} AS source_rank,
               r.last_update_posted_date < CASE r.start_date_precision WHEN 'year' THEN date_trunc('year', r.start_date)
                                           WHEN 'month' THEN date_trunc('month', r.start_date) ELSE r.start_date END
                 AS posted_before_start
        FROM meta.source_records r
        JOIN meta.version_fields v USING (nct_id, sha256)
        WHERE r.nct_id IN (SELECT nct_id FROM meta.source_records WHERE {IN_SCOPE}
                           AND last_update_posted_date IS NOT NULL
                           GROUP BY nct_id HAVING count(DISTINCT last_update_posted_date) > 1)
          AND r.last_update_posted_date IS NOT NULL
          AND len(v.primary_outcome_measures) > 0)
    SELECT * EXCLUDE (source_rank) FROM shown p
    WHERE p.layout IN {_IN_REGISTRY} OR NOT EXISTS (
        SELECT 1 FROM shown g WHERE g.nct_id = p.nct_id AND g.layout IN {_IN_REGISTRY}
          AND abs(g.last_update_posted_date - p.last_update_posted_date) BETWEEN 1 AND {PAGE_DATE_MARGIN_DAYS})
    QUALIFY row_number() OVER (PARTITION BY p.nct_id, p.last_update_posted_date
                               ORDER BY p.source_rank, p.sha256) = 1
    ORDER BY p.nct_id, p.last_update_posted_date
"""


# Marks that change what a measure means ('HbA1c < 7%' is not 'HbA1c > 7%'); other punctuation (hyphens,
# quotes, commas, brackets, API v2's markdown escapes such as '\\<') is how a measure is written, not what it is.
_MEANING_MARKS = re.compile(r"[<>≤≥=%+]")
_WORD = re.compile(r"[^\W_]+")
# A list number or letter that opens a measure ("1. Overall survival", "(2) Response rate", "a) Safety"): where the
# measure stood in a list, not what it measures. A number that counts something ("12-month survival", "1.5 mg") is
# followed by no closing bracket nor a full stop other than a decimal point, and a letter with a full stop may
# abbreviate a genus ("A. fumigatus").
_LIST_MARK = re.compile(r"^\s*(?:\(?(?:\d{1,2}|[a-z])\)|\d{1,2}\.(?!\d))\s*", re.I)
# One comparison written two ways: '≥ 7%' and '>= 7%', '=<' and '<='.
_COMPARISONS = (("≥", ">="), ("≤", "<="), ("=>", ">="), ("=<", "<="))
# One unit written several ways (in the measure's folded text, where 'kg/m²' already reads 'kg/m2' and 'µg' 'μg'): a
# power written with a caret ('kg/m^2', 'cells/mm^3', '10^9/L'), millimetres of mercury and centimetres of water with
# or without a space ('mm Hg', 'cm H2O'), and a percentage as its sign or in words ('%', 'percent', 'per cent',
# 'percentage'). 'mg/dL' and 'mg/dl' fold alike with the case.
_UNIT_SPELLINGS = ((re.compile(r"(?<=[^\W_])\s*\^\s*(?=\d)"), ""), (re.compile(r"\bmm[\s-]*hg\b"), "mmhg"),
                   (re.compile(r"\bcm[\s-]*h2o\b"), "cmh2o"),
                   (re.compile(r"%|\bper\s*cent(?:age)?s?\b"), " percent "))
_MAYBE_UNIT = re.compile(r"[\^%]|hg|h2o|per")
# Micrograms, micromoles and microlitres as the micro sign or its Latin stand-in writes them ('μg', 'ug', 'mcg').
_MICRO_WORDS = {"μg": "mcg", "ug": "mcg", "μmol": "umol", "μl": "ul"}
# An abbreviation in brackets after the words it abbreviates ('Overall Survival (OS)', 'Dose-Limiting Toxicities
# (DLTs)'): it restates them, so a version that adds or drops it measures the same.
_ABBREVIATION = re.compile(r"\(\s*([^\W\d_]{2,8})\s*\)")
# A bracketed abbreviation that ends a measure ('Objective response rate (ORR)'): where it restates all the words
# before it, a version that writes the abbreviation alone ('ORR') measures the same.
_CLOSING_ABBREVIATION = re.compile(r"\(\s*([^\W\d_]{2,8})\s*\)\s*\.?\s*$")
# A measure a page cut short ('... According to the American College of Rheumatology...'): its words so far.
_CUT_SHORT = re.compile(r"(?:\.\.\.|…)\s*$")
# A cut-short measure is held to another only when enough of it is left to tell which measure it is.
CUT_SHORT_MIN_WORDS = 5


# A time a measure's title ends with ('Overall survival at 5 years', 'HbA1c at week 24', 'Change in HbA1c from baseline
# to week 24', 'Pain up to day 7'): where its time frame says the same, the title repeats the time frame, and a version
# that moves it there measures the same.
_TIME_AT_END = re.compile(r"[\s,;:-]*\b(?:from\s+baseline\s+)?(?:at|after|to|through|by|until|up\s+to|over|within)"
                          r"\s+(?:the\s+)?(?:(?P<unit>week|month|day|year)\s+(?P<number>\d+)"
                          r"|(?P<count>\d+)\s+(?P<units>week|month|day|year)s?)\s*\.?\s*$", re.I)
_DIGIT = re.compile(r"\d")
# The most characters such a time at the end takes ('  from baseline up to the week 1234.'), so only they are read.
TIME_AT_END_CHARS = 48
# A time a measure's title opens with ('Week 24 HbA1c', '12-month overall survival', '28-day mortality'): the same.
_TIME_AT_START = re.compile(r"^\s*(?:(?P<unit>week|month|day|year)\s+(?P<number>\d+)"
                            r"|(?P<count>\d+)[\s-]*(?P<units>week|month|day|year)s?)\b[\s,:-]*", re.I)


# A time a time frame names, in its unit's words ('Day 30', '4 weeks', '12-month', 'Week 52'); a figure with a decimal
# point or a range's other end ('1.5 years') is no such time.
_FRAME_TIME = re.compile(r"(?<![\d.])(?:(?P<count>\d{1,4})(?:\s*-\s*|\s+)(?P<units>day|week|month|year)s?"
                         r"|(?P<unit>day|week|month|year)\s+(?P<number>\d{1,4}))(?![\d.])", re.I)
# The days a time in each unit may mean in a trial's schedule: a day and a week are exact, a month is four weeks (28
# days, as a schedule of 4-week cycles counts it) to a calendar month (31 days), a year 52 weeks (364 days) to a leap
# year (366). Two times are surely the same only where these spans meet: 'Day 30' and 'Week 4' are each one month's
# visit, 28 days are 4 weeks, and 12 months and 52 weeks are a year; but 'Week 48' is no year, nor 'Day 30' 4 weeks.
_DAYS = {"day": (1, 1), "week": (7, 7), "month": (28, 31), "year": (364, 366)}


def _days(count: str, unit: str) -> tuple[int, int]:
    """The fewest and the most days `count` of `unit` may mean in a trial's schedule."""
    fewest, most = _DAYS[unit.casefold()]
    return int(count) * fewest, int(count) * most


def _names_time(frame: str, number: str, unit: str) -> bool:
    """The time frame names the time `number` `unit`: the same number and unit, or a time in another unit surely the
    same ('Day 30' for 1 month, '1 year' for 52 weeks)."""
    if re.search(rf"(?<![\d.]){number}(?![\d.])", frame) and unit.casefold() in frame:
        return True
    fewest, most = _days(number, unit)
    for time in _FRAME_TIME.finditer(frame):
        low, high = _days(time.group("count") or time.group("number"), time.group("units") or time.group("unit"))
        if low <= most and fewest <= high:
            return True
    return False


def _repeats_frame(match: re.Match | None, time_frame: str) -> bool:
    """The time `match` found in a measure is one its time frame names (in the same or another unit)."""
    if not match:
        return False
    number, unit = match.group("number") or match.group("count"), (match.group("unit") or match.group("units"))
    return _names_time(time_frame.casefold(), number, unit)


def _without_repeated_time(measure: str, time_frame: str | None) -> str:
    """The measure without the time it ends or opens with, where its time frame names the same time (in the same or
    another unit)."""
    if not time_frame or not _DIGIT.search(measure):  # every time a measure gives has a number
        return measure
    end = _TIME_AT_END.search(measure, max(0, len(measure) - TIME_AT_END_CHARS))
    if end and end.start() > 0 and _repeats_frame(end, time_frame):
        measure = measure[:end.start()]
    start = _TIME_AT_START.match(measure)
    if start and start.end() < len(measure.rstrip(" .")) and _repeats_frame(start, time_frame):
        measure = measure[start.end():]
    return measure


# British spellings of medical words, as their American spelling ('haemoglobin', 'tumour', 'randomised'): the same
# measure. Only word parts that spell nothing else are folded ('hour' and 'four' keep their 'our').
_BRITISH = ((re.compile(r"aem(?=i|o|at)"), "em"), (re.compile(r"anaesth"), "anesth"), (re.compile(r"paed"), "ped"),
            (re.compile(r"o(?=e(?:dem|soph|strog|strad))"), ""), (re.compile(r"(?<=[nr])(h?)oea$"), r"\1ea"),
            (re.compile(r"^foet"), "fet"), (re.compile(r"gynaec"), "gynec"), (re.compile(r"^coeliac"), "celiac"),
            (re.compile(r"^(tum|behavi|col|fav|lab|od|vap)our"), r"\1or"),
            (re.compile(r"^((?:centi|milli|kilo)?met|lit|cent|fib)re(s?)$"), r"\1er\2"),
            (re.compile(r"^(randomi|hospitali|immuni|stabili|normali|characteri|minimi|optimi|utili|organi|recogni|"
                        r"sensiti|visuali|mobili|standardi|categori|personali|metaboli|revasculari|vasculari|"
                        r"analy)s(?=e|ing|ation)"), r"\1z"),
            (re.compile(r"^sulph"), "sulf"), (re.compile(r"^programme(s?)$"), r"program\1"))
# 'Change from baseline in' says what 'Change in' means: a change is from baseline unless another time is named.
_FROM_BASELINE = ("from", "baseline")
_CHANGE = frozenset({"change", "changes"})


# How a measure is counted, before what it counts ('Number of participants with adverse events', 'Percentage of
# patients who achieved remission', 'Mean change in HbA1c'): the statistic a results table reports. A version that
# gives what is counted without it measures the same; one that counts it another way (a percentage for a number) does
# not. The words as wording() gives them ('%' and 'percentage' read 'percent').
_PEOPLE = r"(?:participants|patients|subjects|people|persons|individuals|adults|children|women|men|infants|volunteers)"
_COUNTED = re.compile(r"^(?:the )?(?:(?:mean|median|average) )?(?:(?:total )?(?:number|percent|proportion|rate|"
                      r"incidence|frequency|count|share) of (?:the )?" + _PEOPLE + r" (?:with |who (?:have |has |had |"
                      r"experience |experienced |achieve |achieved |develop |developed |report |reported )?|"
                      r"experiencing |achieving |reporting |having |developing )?)?")
# The first words _COUNTED may open with: a measure opening with none of them is read as it is.
_COUNTED_OPENINGS = frozenset({"the", "mean", "median", "average", "total", "number", "percent", "proportion", "rate",
                               "incidence", "frequency", "count", "share"})


# Letters every British spelling of _BRITISH holds: a word without them is spelt alike on both sides of the Atlantic.
_MAYBE_BRITISH = re.compile(r"ae|oe|our|re|is|ys|sulph|programme")


@lru_cache(maxsize=65536)
def _american(word: str) -> str:
    """The word in American spelling (the British spellings of _BRITISH folded)."""
    if not _MAYBE_BRITISH.search(word):
        return word
    for pattern, spelling in _BRITISH:
        word = pattern.sub(spelling, word)
    return word


def _without_from_baseline(words: list[str]) -> list[str]:
    """The words without 'from baseline' between 'change' and 'in' or 'of'."""
    if "baseline" not in words:
        return words
    kept: list[str] = []
    index = 0
    while index < len(words):
        if (kept and kept[-1] in _CHANGE and tuple(words[index:index + 2]) == _FROM_BASELINE
                and index + 2 < len(words) and words[index + 2] in ("in", "of")):
            index += 2
            continue
        kept.append(words[index])
        index += 1
    return kept


def _restated(text: str, match: re.Match) -> bool:
    """The bracketed abbreviation is the initials of the words just before it (a plural 's' aside)."""
    letters = match.group(1).casefold()
    words = _WORD.findall(text[:match.start()])
    readings = (letters, letters[:-1]) if letters.endswith("s") and len(letters) > 2 else (letters,)
    return any(len(words) >= len(r) and "".join(word[0] for word in words[-len(r):]) == r for r in readings)


def _without_abbreviations(text: str) -> str:
    """The measure without the bracketed abbreviations that restate the words before them."""
    return _ABBREVIATION.sub(lambda m: " " if _restated(text, m) else m.group(0), text)


def wording(measure: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A measure as compared between versions: its words (without case or accents, nor a list number that opens it,
    nor a bracketed abbreviation of the words before it, nor 'from baseline' after 'change', in American spelling) and
    its meaning marks (one comparison written one way)."""
    text = "".join(c for c in unicodedata.normalize("NFKD", measure) if not unicodedata.combining(c)).casefold()
    text = _without_abbreviations(_LIST_MARK.sub("", text, count=1))
    for written, meant in _COMPARISONS:
        text = text.replace(written, meant)
    if _MAYBE_UNIT.search(text):
        for spelling, unit in _UNIT_SPELLINGS:
            text = spelling.sub(unit, text)
    words = _without_from_baseline([_MICRO_WORDS.get(word) or _american(word) for word in _WORD.findall(text)])
    return tuple(words), tuple(_MEANING_MARKS.findall(text))


def _uncounted(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words without the statistic that opens them (_COUNTED), where words are left after it."""
    if not words or words[0] not in _COUNTED_OPENINGS:
        return words
    joined = " ".join(words) + " "
    opening = _COUNTED.match(joined)
    rest = joined[opening.end():].split() if opening else []
    return tuple(rest) if rest else words


def _closing_abbreviation(measure: str) -> tuple[str, ...]:
    """The bracketed abbreviation that ends the measure and restates all its words ('Objective response rate (ORR)'):
    a version that writes the measure as the abbreviation alone measures the same. Its readings, plural 's' aside."""
    text = unicodedata.normalize("NFKD", measure).casefold()
    match = _CLOSING_ABBREVIATION.search(text)
    if not match or not _restated(text, match):
        return ()
    letters = match.group(1)
    readings = (letters, letters[:-1]) if letters.endswith("s") and len(letters) > 2 else (letters,)
    words = len(_WORD.findall(text[:match.start()]))
    return readings if any(len(reading) == words for reading in readings) else ()


# A short term a measure gives in brackets after words ('Change in glycated haemoglobin (HbA1c)', 'Pain (VAS)'): a
# single word of two or more capitals ('HbA1c', 'pCR', 'QoL', 'VAS'), the name the words go by. A version that writes
# the term in their place measures the same. ('(grade 3 or higher)' is no such term; one dropped may have said which
# scale or which of two measures was meant, 'Overall survival (PFS)'.)
_BRACKETED_TERM = re.compile(r"[(\[]\s*([^\W\d_][^\W_]{1,9})\s*[)\]]")
# The most words before a bracketed term that it may stand for.
TERM_WORDS = 5


def _term_readings(measure: str, key: tuple) -> frozenset:
    """The measure's other readings as compared: without the statistic that opens it (_COUNTED), and with each
    bracketed term (_BRACKETED_TERM) standing for the 1 to TERM_WORDS words before it."""
    words, marks = key
    readings = {(_uncounted(words), marks)} - {key}
    if "(" not in measure and "[" not in measure:
        return frozenset(readings)
    for match in _BRACKETED_TERM.finditer(measure):
        term = match.group(1)
        if sum(c.isupper() for c in term) < 2:
            continue
        folded = _american(term.casefold())
        if folded not in words[1:]:
            continue
        at = len(words) - 1 - words[::-1].index(folded)
        readings.update((words[:at - n] + words[at:], marks) for n in range(1, min(TERM_WORDS, at) + 1))
    return frozenset(readings)


# Words too common to be an abbreviation of others ('in', 'of').
_NO_ABBREVIATION = frozenset({"in", "on", "at", "of", "to", "as", "an", "or", "by", "is", "it", "no", "up", "and",
                              "the", "for", "with", "per"})


def _abbreviates(short: tuple, long: tuple) -> bool:
    """The two measures differ only where one has a word that the initials of the other's words there spell ('Incidence
    of AEs' and 'Incidence of adverse events', 'ORR' and 'Objective response rate'; a plural 's' aside)."""
    (words, marks), (all_words, all_marks) = short, long
    if marks != all_marks or len(words) >= len(all_words):
        return False
    same = 0
    while same < len(words) and words[same] == all_words[same]:
        same += 1
    end = 0
    while end < len(words) - same and words[-1 - end] == all_words[-1 - end]:
        end += 1
    term, spelt = words[same:len(words) - end], all_words[same:len(all_words) - end]
    if len(term) != 1 or len(spelt) < 2 or len(term[0]) < 2 or term[0] in _NO_ABBREVIATION:
        return False
    initials = "".join(word[0] for word in spelt)
    return term[0] == initials or (term[0].endswith("s") and term[0][:-1] == initials)


def _is_placeholder(measure: str) -> bool:
    """A form's filler ('TBD', 'N/A', 'Not provided') where a measure belongs: the version shows no measure."""
    return measure.strip(" .\t\n\r\u00a0").casefold() in PLACEHOLDERS


def _measures(version: dict) -> set[tuple]:
    """The version's measures as compared, each with whether a page cut it short, the abbreviation it ends with and its
    readings without its statistic or with a bracketed term standing for the words before it."""
    measures = version["primary_outcome_measures"] or []
    frames = list(version.get("primary_outcome_time_frames") or [])
    frames = frames if len(frames) == len(measures) else [None] * len(measures)
    return {compared for measure, frame in zip(measures, frames) if not _is_placeholder(measure)
            for compared in [_compared(measure, frame)] if compared[0] != ((), ())}


@lru_cache(maxsize=65536)
def _compared(measure: str, frame: str | None) -> tuple:
    """One measure as compared (its time frame `frame`): consecutive versions of a study mostly repeat it."""
    shown = _without_repeated_time(measure, frame)
    key = wording(shown)
    return key, bool(_CUT_SHORT.search(measure)), _closing_abbreviation(measure), _term_readings(shown, key)


def _prefix_of(cut: tuple, whole: tuple) -> bool:
    """A cut-short measure's words begin the other's (its last word may itself be cut), with enough of them left."""
    (words, marks), (all_words, all_marks) = cut, whole
    if len(words) < CUT_SHORT_MIN_WORDS or len(words) > len(all_words) or all_marks[:len(marks)] != marks:
        return False
    return all_words[:len(words) - 1] == words[:-1] and all_words[len(words) - 1].startswith(words[-1])


def _found_in(measure: tuple, others: set[tuple]) -> bool:
    """The measure is among the other version's: the same, one of the two cut short from the other, written as the
    other's abbreviation alone or with a word the initials of the other's words spell, or with a term the other
    brackets in place of the words before it."""
    key, cut, abbreviation, readings = measure
    return any(key == other or (cut and _prefix_of(key, other)) or (other_cut and _prefix_of(other, key))
               or _abbreviated(key, other_abbreviation) or _abbreviated(other, abbreviation)
               or key in other_readings or other in readings or _abbreviates(key, other) or _abbreviates(other, key)
               for other, other_cut, other_abbreviation, other_readings in others)


def _abbreviated(key: tuple, abbreviation: tuple[str, ...]) -> bool:
    """The measure is written as the other's closing abbreviation alone ('ORR' for 'Objective response rate (ORR)')."""
    words, marks = key
    return not marks and len(words) == 1 and words[0] in abbreviation


def _same_measures(old: set[tuple], new: set[tuple]) -> bool:
    """Both versions measure the same: each measure of one is found in the other."""
    if {m[0] for m in old} == {m[0] for m in new}:
        return True
    return all(_found_in(m, new) for m in old) and all(_found_in(m, old) for m in new)


def _finding(old: dict, new: dict) -> Finding:
    before = "; ".join(old["primary_outcome_measures"])
    after = "; ".join(new["primary_outcome_measures"])
    message = (f"The primary outcome changed between the version last updated {old['last_update_posted_date']} "
               f"and the one last updated {new['last_update_posted_date']}: '{before}' became '{after}'.")
    evidence = f"{describe(old)}: primary outcome = '{before}'; {describe(new)}: primary outcome = '{after}'"
    return Finding(old["nct_id"], message, evidence)


def primary_outcome_changed(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterable[Finding]:
    """Consecutive versions of a study whose primary outcome measures differ, the newer posted once the study had
    started (or with no start date to tell)."""
    cursor = con.execute(VERSIONS_WITH_OUTCOMES)
    names = [d[0] for d in cursor.description]
    previous: dict | None = None
    previous_measures: set[tuple] = set()
    for row in cursor.fetchall():
        version = dict(zip(names, row))
        measures = _measures(version)
        if not measures:  # only fillers: the version shows no primary outcome
            continue
        if (previous and previous["nct_id"] == version["nct_id"] and not version["posted_before_start"]
                and not _same_measures(previous_measures, measures)):
            yield _finding(previous, version)
        previous, previous_measures = version, measures


RULES = (
    Rule("outcome_changes.primary_outcome_changed", "contradiction", "warning",
         "A primary outcome changed between registered versions (outcome switching) must be justified "
         "before the trial's results are trusted. (A change posted before the study started is the protocol being "
         "written, not switching. A republished page dated a day from a registry version shows that version: neither "
         "gives a time zone.)",
         ("design_outcomes.measure", "meta.version_fields.primary_outcome_measures"),
         func=primary_outcome_changed, judges_absence=True),
)
