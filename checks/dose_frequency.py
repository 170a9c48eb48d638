"""How often a dose is given, as stated after its amount ("twice daily", "q12h", "every 3 weeks", "3 times a week"):
administrations a day and whether the amount is the day's total, where a sentence ends, and a frequency written
back as words ('once daily', 'every 2 weeks')."""
from __future__ import annotations

import re

_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "other": 2, "twice": 2, "thrice": 3}
# (pattern, times per period, period in days, whether the amount is the period's total); the first that matches after
# a dose wins. "1200 mg daily" states a day's amount (given as 400 mg three times daily or at once); "once daily",
# "qd" and "at bedtime" state one administration. A count of times may be run into the word before it
# ("Lopinavir/Ritonavirtwo times per day").
_FREQUENCIES = (
    (r"(?:\b|(?<=[a-z]))(?:twice|two\s+times)\s*(?:a|per|each)?[\s-]*(?:day|daily)\b|\bb\.?i\.?d\b", 2, 1, False),
    (r"(?:\b|(?<=[a-z]))(?:three\s+times|thrice)\s*(?:a|per|each)?[\s-]*(?:day|daily)\b|\bt\.?i\.?d\b", 3, 1, False),
    (r"(?:\b|(?<=[a-z]))four\s+times\s*(?:a|per|each)?[\s-]*(?:day|daily)\b|\bq\.?i\.?d\b", 4, 1, False),
    (r"\bonce\s+(?:a|per|every|each)\s+week\b|\b(?:once[\s-]+)?weekly\b|\bevery\s+week\b|\bper\s+week\b|\bqw\b",
     1, 7, False),
    (r"\b(?:once[\s-]+)?monthly\b|\bonce\s+a\s+month\b|\bevery\s+month\b", 1, 30, False),
    # "q.o.d.", "QOD": every other day (its "o.d." is no once daily).
    (r"\bq\.?o\.?d\b", 1, 2, False),
    (r"\b(?:once|one\s+time)\s*(?:a|per|each)?[\s-]*(?:day|daily)\b|\bq\.?d\b|\bo\.?d\b|\bnightly\b"
     r"|\bat\s+bedtime\b", 1, 1, False),
    (r"\bdaily\b|\bevery\s*day\b|\bper\s+day\b|\ba\s+day\b|\beach\s+day\b", 1, 1, True),
    (r"\b(?:on\s+)?alternate\s+days\b", 1, 2, False),
)
_PERIOD_DAYS = {"d": 1, "w": 7, "m": 30, "2": 1}
# "3 times a day", "2x daily", "twice weekly", "3 times per week", "2x/week"; "3-4 times a day" states no one number.
_TIMES_PER = (
    r"\b(?:(?P<word>twice|thrice)|(?P<n>\d{1,2}|one|two|three|four|five|six)\s*(?:times?|x|×))"
    r"[\s-]*(?:(?:a|per|each|every|in\s+a)[\s-]+|/\s*)?(?P<period>day|daily|d|24\s*h|week|weekly|wk|month|monthly)\b")
RANGE_BEFORE = re.compile(r"(?:\d{1,2}|one|two|three|four|five|six)\s*(?:-|–|to|or)\s*$", re.I)
# "every 8 hours", "q12h": 24 / N administrations a day.
_EVERY_HOURS = r"\bevery\s+(?P<hours>\d{1,2})\s*(?:hours?|hrs?|h)\b|\bq\.?\s?(?P<q_hours>\d{1,2})\s?(?:hours?|hrs?|h)\b"
_EVERY_N = (r"\bevery\s+(?P<every>\d+|two|three|four|six|other)\s+(?P<every_unit>day|week|wk|month)s?\b"
            r"|\bq(?P<q_weeks>\d)\s?(?:w|wks?|weeks?)\b")
# Words that state a frequency two ways ("bi-weekly": every two weeks or twice a week): none is read.
_AMBIGUOUS_FREQUENCY = r"\bbi-?(?:weekly|monthly)\b"
# Days of a week the amount is given on ("5 days per week", "three days a week"): the days, not the times a day, so
# no frequency is read (and "per week" after them is not once weekly).
_DAYS_A_WEEK = (r"\b(?:\d|one|two|three|four|five|six|seven)\s+days?\s*(?:(?:a|per|each|every|in\s+a)\s+|/\s*)"
               r"(?:week|wk)\b")
# Every way of stating a frequency, one named group each, in the order that decides between two found at one place:
# a search finds the first stated.
_FREQUENCY_GROUPS = ([("times_per", _TIMES_PER)] + [(f"f{i}", p) for i, (p, *_) in enumerate(_FREQUENCIES)]
                     + [("every_hours", _EVERY_HOURS), ("every_n", _EVERY_N), ("ambiguous", _AMBIGUOUS_FREQUENCY),
                        ("days_a_week", _DAYS_A_WEEK)])
FREQUENCY = re.compile("|".join(f"(?P<{name}>{p})" for name, p in _FREQUENCY_GROUPS), re.I)
# The ways that need a word most windows lack ("3 times", "2x", "twice", "alternate", "bi-weekly"), and the search
# of the others for a window without one.
_RARE_FREQUENCIES = frozenset({"times_per", f"f{len(_FREQUENCIES) - 1}", "ambiguous"})
RARE_FREQUENCY_WORDS = ("time", "x", "×", "twice", "thrice", "alternate", "biw", "bi-w", "bim", "bi-m")
USUAL_FREQUENCY = re.compile("|".join(f"(?P<{name}>{p})" for name, p in _FREQUENCY_GROUPS
                                      if name not in _RARE_FREQUENCIES), re.I)
FREQUENCY_WINDOW = 45


# A sentence's end; not the last stop of an abbreviation written with stops ("10 mg p.o. q.d.", "200 mg i.v. every 3
# weeks", "s.c. Q2W") where the sentence goes on in lower case or with another abbreviation ("p.o. Clopidogrel ..."
# starts another sentence).
SENTENCE_END = re.compile(r";(?:\s|$)|(?<!\.[A-Za-z])\.(?:\s|$)"
                          r"|(?<=\.[A-Za-z])\.(?:$|\s(?!\s*(?:[a-z\d]|[A-Z][A-Z\d]+\b|[A-Z]\.)))")


# A frequency that is the most times the amount may be given: "up to three times daily", "maximum 4 times a day",
# "no more than every 4 hours".
MOST_TIMES_BEFORE = re.compile(
    r"(?:\bup\s+to|\bmax(?:imum)?\.?|\b(?:no|not)\s+more\s+(?:than|often\s+than)|\bat\s+most)\s*(?:of\s+)?$", re.I)
_MOST_WORDS = ("up", "max", "more", "most")
# "or" before another frequency right after the first ("40 mg weekly or every other week", "300 mg Q2W or Q4W",
# "10 mg daily (or every other day)"): either schedule may be given, so none is read.
OR_AFTER = re.compile(r"\s*[,(]?\s*or\s+", re.I)


# Several days of a cycle the amount is given on ("on days 1, 8 and 15", "D1,8", "days 1-3", "day 1 and day 8"):
# a weekly or longer interval after them is the cycle's length, not the amount's frequency.
CYCLE_DAYS = re.compile(r"\b(?:days?|d)\s*\d{1,2}\s*(?:(?:,|&|\+|-|–|\band\b|\bto\b|\bthrough\b)\s*(?:days?\s*|d\s*)?"
                        r"\d{1,2}\b)+", re.I)
# The ways a cycle's length is also written (every N days or weeks, weekly, monthly): an interval of a week or more.
CYCLE_DAYS_LEAST = 7
_CYCLE_FREQUENCIES = frozenset({"every_n"} | {f"f{i}" for i, (_, _, days, _) in enumerate(_FREQUENCIES)
                                               if days >= CYCLE_DAYS_LEAST})


# "OD" is also the right eye (oculus dexter): in a text about an eye's treatment it is no frequency ("0.5 mg
# intravitreal injection OD every 4 weeks", "2 mg IVT in the study eye (OD or OS) monthly").
_RIGHT_EYE = re.compile(r"o\.?d\.?", re.I)
_EYE_TEXT = re.compile(r"\b(?:eyes?|ocular|intra-?vitreal\w*|ivt|intra-?cameral\w*|sub-?conjunctival\w*|sub-?tenon\w*"
                       r"|peri-?ocular|retro-?bulbar|ophthalm\w*|retina\w*|macula\w*|(?-i:O\.?[SU]\.?))(?![\w-])", re.I)


def frequency(window: str, text: str = "") -> tuple[float | None, bool]:
    """Administrations per day stated first in `window` (None when none is, or a range or a word read two ways is),
    and whether the amount before it is the day's total ("1200 mg daily"); `text`, the whole text the window is of,
    tells whether an "OD" is the right eye."""
    lower = window.lower()
    rare = any(word in lower for word in RARE_FREQUENCY_WORDS)
    pattern = FREQUENCY if rare else USUAL_FREQUENCY
    m = pattern.search(window)
    while m is not None and _RIGHT_EYE.fullmatch(m.group(0)) and _EYE_TEXT.search(text):
        m = pattern.search(window, m.end())
    if m is None or any(word in lower for word in _MOST_WORDS) and MOST_TIMES_BEFORE.search(window, 0, m.start()):
        return None, False  # none, or the most times it may be given ("up to three times daily as needed")
    found = m.lastgroup
    if found in _CYCLE_FREQUENCIES and "d" in lower and CYCLE_DAYS.search(window, 0, m.start()):
        return None, False  # "on days 1, 8 and 15 every 4 weeks": the cycle's length, given on several of its days
    if (alternative := OR_AFTER.match(window, m.end())) and FREQUENCY.match(window, alternative.end()):
        return None, False  # "weekly or every other week": two schedules, either of which may be given
    if found == "times_per":
        times = _WORD_NUMBERS.get((m.group("word") or m.group("n")).lower()) or int(m.group("n"))
        if RANGE_BEFORE.search(window, 0, m.start()):
            return None, False
        return times / _PERIOD_DAYS[m.group("period")[0].lower()], False
    if found == "every_hours":
        hours = int(m.group("hours") or m.group("q_hours"))
        return (24 / hours if hours else None), False
    if found == "every_n":
        n = m.group("every") or m.group("q_weeks")
        days = (_WORD_NUMBERS.get(n.lower()) or int(n)) * _PERIOD_DAYS.get((m.group("every_unit") or "w")[0].lower(), 1)
        return (1 / days if days else None), False
    if found in ("ambiguous", "days_a_week"):
        return None, False
    _, times, days, total = _FREQUENCIES[int(found[1:])]
    return times / days, total


def frequency_label(per_day: float) -> str:
    """'once daily', 'twice daily', 'once weekly', 'three times weekly' or 'every N days'."""
    labels = {1.0: "once daily", 2.0: "twice daily", 3.0: "three times daily", 4.0: "four times daily"}
    if per_day in labels:
        return labels[per_day]
    if per_day > 1:  # "every 4 hours", "5 times daily"
        hours = 24 / per_day
        return f"every {hours:g} hours" if abs(hours - round(hours)) < 1e-6 else f"{per_day:g} times daily"
    weekly = per_day * 7
    if 1 < weekly < 7 and abs(weekly - round(weekly)) < 1e-6:
        return {2: "twice weekly", 3: "three times weekly"}.get(round(weekly), f"{round(weekly)} times weekly")
    days = round(1 / per_day)
    return {7: "once weekly", 14: "every 2 weeks", 30: "monthly"}.get(days, f"every {days} days")
