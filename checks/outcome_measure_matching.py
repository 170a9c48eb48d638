"""Whether two versions of a study give the same primary outcome measures: each measure of one found in the other,
the same words, one cut short from the other, the statistic that counts it added or dropped, or an abbreviation
written in place of the words it stands for."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from checks.outcome_time_in_title import without_repeated_time
from checks.outcome_wording import WORD, american, restated, wording
from checks.placeholder_values import PLACEHOLDERS

# A bracketed abbreviation that ends a measure ('Objective response rate (ORR)'): where it restates all the words
# before it, a version that writes the abbreviation alone ('ORR') measures the same.
_CLOSING_ABBREVIATION = re.compile(r"\(\s*([^\W\d_]{2,8})\s*\)\s*\.?\s*$")
# A measure a page cut short ('... According to the American College of Rheumatology...'): its words so far.
_CUT_SHORT = re.compile(r"(?:\.\.\.|…)\s*$")
# A cut-short measure is held to another only when enough of it is left to tell which measure it is.
CUT_SHORT_MIN_WORDS = 5


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
    if not match or not restated(text, match):
        return ()
    letters = match.group(1)
    readings = (letters, letters[:-1]) if letters.endswith("s") and len(letters) > 2 else (letters,)
    words = len(WORD.findall(text[:match.start()]))
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
        folded = american(term.casefold())
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


def measures_compared(version: dict) -> set[tuple]:
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
    shown = without_repeated_time(measure, frame)
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


def same_measures(old: set[tuple], new: set[tuple]) -> bool:
    """Both versions measure the same: each measure of one is found in the other."""
    if {m[0] for m in old} == {m[0] for m in new}:
        return True
    return all(_found_in(m, new) for m in old) and all(_found_in(m, old) for m in new)
