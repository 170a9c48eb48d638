"""The participants' ages the inclusion criteria state against the record's Minimum Age and Maximum Age.

ClinicalTrials.gov's review asks that the criteria's age limits agree with the ages given as data
(`eligibilities.minimum_age`, `maximum_age`: '18 Years', '6 Months', 'N/A'): a data team that filters by the
structured ages gets the wrong trials when they differ ("Age 12 to 17 years" with a minimum of '18 Years', "aged
18-65 years" with no maximum). Only one clear age limit for everyone is read: a criterion of the inclusion list that
opens with the participants' age ("Age 18-65 years", "Male or female, aged 18 to 75", "18 years of age or older").
Ages of other people (parents, children of the participants), gestational ages, ages at an event (at diagnosis, at
the time of migraine onset, when a vaccine was received), durations, several groups' ages, and a limit that the
criterion qualifies ("18 years or the age of majority", "or 16 with parental consent") are no such limit, and the
text stays unread. Ages are compared as calendar lengths, as protocol.minimum_age_above_maximum compares them, and a
bound written with "under", "older than" or as a plain range may mean the next whole age ('under 18' and '17 Years'
agree; '18 to 65' and '64 Years' agree), and "between 18 and 65" may leave both its ends out ('19 Years' to '64
Years' agree, not '19 Years' to '65'). A lower age of 0 ("aged 0-6 months") sets no minimum; units and the word for
age written in another language ("Edad ≥ 18 años", "6-24 meses") are read as they say, and a bare letter after an
age ("0-6 m") leaves it unread.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterator, NamedTuple

import duckdb

from checks.criteria_text import GROUP_LABEL, LABEL_WIDTH, text_sections
from checks.rule import CheckScope, Finding, Rule
from checks.study_text import excerpt, rows_by_study, texts_by_study

RULE_ID = "contradictions.criteria_age_differs"
# The layouts that state a limit the record does not set as 'N/A' (legacy XML) or leave it out (API v2), and the
# clincosm page, whose one line states both ends ("18 Years and Older": no maximum; "up to 5 Days": no minimum):
# there an absent age is no limit where the other is given. Another republished page may show one end only (a
# meddatax page its minimum), or no ages at all: there an absent age is unknown.
REGISTRY_LAYOUTS = ("ctgov_json_v2", "ctgov_xml")
OPEN_END_LAYOUTS = REGISTRY_LAYOUTS + ("ctgov_classic_text",)
NO_LIMIT = ("n/a", "")
# Mean length in days of each unit the registry writes ages in (as the SQL macro age_in_days), and how far one such
# age may lie from its mean as a calendar length (a month is 28 to 31 days, a year 365 or 366).
UNIT_DAYS = {"year": 365.25, "month": 30.4375, "week": 7.0, "day": 1.0, "hour": 1 / 24, "minute": 1 / 1440}
UNIT_SLACK = {"year": 0.75, "month": 2.5}
# How the criteria write each unit (lower case), and what they mean: in English, and as records written in or
# translated from Spanish, Portuguese, French, German, Italian and Dutch keep them ("6-24 meses", "1-12 Monate").
_UNIT_WORDS = {"y": "year", "yr": "year", "yrs": "year", "year": "year", "years": "year", "month": "month",
               "months": "month", "mo": "month", "mos": "month", "mth": "month", "mths": "month", "week": "week",
               "weeks": "week", "wk": "week", "wks": "week", "day": "day", "days": "day", "hour": "hour",
               "hours": "hour", "hr": "hour", "hrs": "hour"}
_LOCAL_UNIT_WORDS = {"year": ("años", "año", "anos", "ano", "ans", "jahre", "jahren", "jahr", "anni", "jaar"),
                     "month": ("meses", "mes", "mois", "monate", "monaten", "monat", "mesi", "maanden"),
                     "week": ("semanas", "semana", "semaines", "semaine", "wochen", "woche", "settimane", "weken"),
                     "day": ("días", "dias", "día", "dia", "jours", "jour", "tage", "tagen", "giorni", "dagen")}
_UNIT_WORDS.update({word: unit for unit, words in _LOCAL_UNIT_WORDS.items() for word in words})
# The words that can make a number an age (`_AGE_BEFORE`, `_AGE_AFTER`, `_SELF_AGED`), in lower case: a criterion
# without one (nor an age group's word before a bracket, `_AGE_GROUP_OPENING`) states no age. "age" opens a word, "yo"
# ends one ("18yo"); found by str.find, faster than a pattern.
AGE_WORDS = ("age", "old", "younger", "yo", "y/o", "edad", "idade", "\u00e2ge", "et\u00e0", "leeftijd", "alter")

# The signs and words of bounds, written one way (markdown escapes "\<", symbols ">/=", "=<", dashes).
_SPELLINGS = ((re.compile(r"\\([<>=\-])"), r"\1"), (re.compile(r">\s*/?\s*=|=>|\u2267|\uff1e="), "\u2265"),
              (re.compile(r"<\s*/?\s*=|=<|\u2266|\uff1c="), "\u2264"), (re.compile(r"[\u2013\u2014~\uff5e]"), "-"),
              (re.compile(r"\uff1e"), ">"), (re.compile(r"\uff1c"), "<"))
# Every character a pattern of `_SPELLINGS` opens with: a criterion that holds none is written one way already.
_SPELLING_SIGN = re.compile(r"[\\<>=~\u2013\u2014\u2266\u2267\uff1c\uff1e\uff5e]")
# A number of one to three digits, not part of a longer number or a decimal's fraction: the character before its
# first digit is looked behind from after that digit, so a search tries the look-behind only at digits.
_NUM = r"(\d(?<![\d.,]\d)\d{0,2}(?:\.\d{1,2})?)(?!\d|[.,]\d)"
_LOCAL_UNIT = "|".join(word for words in _LOCAL_UNIT_WORDS.values() for word in words)
_UNIT = rf"(?:\s*-?(years?|yrs?|y|months?|mos?|mths?|weeks?|wks?|days?|hours?|hrs?|{_LOCAL_UNIT})\b\.?)?"
# A letter after an age that may be a unit but says not which ("0-6 m", "18 d", "12 w"): the age is not read.
_UNREAD_UNIT = re.compile(r"\s*-?(?:m|d|w)\b")
_OF_AGE = r"(?:\s*(?:old|of\s+age))?"
_THE_AGE_OF = r"(?:the\s+age\s+of\s+)?"
# Each form of bound: (name, pattern); the groups are number, unit (and again for a range). The order is the order
# they are tried at one place: the longer words first.
_BOUND_FORMS = (
    ("range between", rf"between\s+(?:the\s+ages?\s+of\s+)?{_NUM}{_UNIT}{_OF_AGE}\s*(?:and|-|to|&)\s*{_NUM}{_UNIT}"),
    ("lower", rf"(?:\u2265|at\s+least|a\s+minimum\s+of|minimum(?:\s+of)?|not\s+(?:less|younger)\s+than"
              rf"|no\s+(?:less|younger)\s+than|(?:greater|older|more)\s+than\s+or\s+equal\s+to"
              rf"|equal\s+to\s+or\s+(?:greater|older|more)\s+than)\s*(?:\(\s*\u2265\s*\)\s*)?{_THE_AGE_OF}"
              rf"{_NUM}{_UNIT}"),
    ("upper", rf"(?:\u2264|up\s+to|a\s+maximum\s+of|maximum(?:\s+of)?|not\s+(?:older|more)\s+than"
              rf"|no\s+(?:older|more)\s+than|not\s+exceeding|(?:less|younger)\s+than\s+or\s+equal\s+to"
              rf"|equal\s+to\s+or\s+(?:less|younger)\s+than)\s*(?:\(\s*\u2264\s*\)\s*)?{_THE_AGE_OF}"
              rf"{_NUM}{_UNIT}"),
    ("lower", rf"{_NUM}{_UNIT}{_OF_AGE}\s*(?:or|and)\s+(?:older|over|above|more|upwards?)\b"),
    ("lower", rf"{_NUM}\s*\+{_UNIT}"),  # "aged 18+", "18+ years old"
    ("upper", rf"{_NUM}{_UNIT}{_OF_AGE}\s*(?:or|and)\s+(?:younger|under|below)\b"),
    ("range strict", rf"(?:from\s+)?{_NUM}{_UNIT}{_OF_AGE}\s*(?:-|to)\s*(?:<|under|less\s+than|younger\s+than)\s*"
                     rf"{_NUM}{_UNIT}"),
    ("range inclusive", rf"(?:from\s+)?{_NUM}{_UNIT}{_OF_AGE}\s*(?:-|to)\s*\u2264\s*{_NUM}{_UNIT}"),
    ("range", rf"(?:from\s+)?{_NUM}{_UNIT}{_OF_AGE}\s*(?:-|to|until|through|thru)\s*{_NUM}{_UNIT}"),
    ("lower strict", rf"(?:>|over|above|older\s+than|more\s+than|greater\s+than)\s*{_THE_AGE_OF}{_NUM}{_UNIT}"),
    ("upper strict", rf"(?:<|under|below|younger\s+than|less\s+than)\s*{_THE_AGE_OF}{_NUM}{_UNIT}"),
)
# Every character a form of bound opens with: a digit, a sign, or the first letter of its words ("between", "from",
# "at least", "minimum", "not", "no", "greater", "older", "more", "equal", "up to", "less", "younger", "over", "above",
# "under", "below"). Looked ahead for first, it lets a search pass over every other character at once, where the
# forms (each a group, which the search cannot look into) would each be tried there.
_BOUND_OPENS = r"(?=[\dbfamngoeuly\u2265\u2264<>])"
_BOUND = re.compile(_BOUND_OPENS + "(?:" + "|".join(f"(?P<f{i}>{pattern})" for i, (_, pattern)
                                                    in enumerate(_BOUND_FORMS)) + ")")
# The age word right before a bound: "Age", "aged", "Age range:", "Age at entry:", "must be aged between".
_AGE_BEFORE = re.compile(r"\bage[sd]?\b(?:[\s:,(]*(?:is|of|range|at|entry|screening|enrol?ment|inclusion|"
                         r"the|time|limits?|must|be|should|eligible|participants?|patients?|subjects?)\b)*"
                         r"[\s:,(]*\Z")
# What says the bound is an age when it follows it: "years old", "years of age", "-year-old", "y/o".
# The word for age in Spanish, Portuguese, French, Italian, Dutch and German right before a bound ("Edad ≥ 18 años",
# "Alter: 18-65 Jahre"): read only with the bound's unit, as "alter" is an English verb too ("drugs that alter").
_LOCAL_AGE_BEFORE = re.compile(r"\b(?:edad|idade|\u00e2ge|et\u00e0|leeftijd|alter)\b[\s:,(]*\Z")
_AGE_AFTER = re.compile(r"\s*(?:-?\s*(?:years?|yrs?)\s*-?\s*old|old\b|of\s+age\b|y/?o\b)")
_SELF_AGED = re.compile(r"\bold|\bages?\b|\byounger\b|\bolder\b")
# An age group's word right before a bound in brackets: "Adults (≥ 18 years)", "Children (2 to 11 years)".
_AGE_GROUP = r"\b(?:adults?|adolescents?|child(?:ren)?|minors?|elderly|infants?|teen(?:ager)?s?)\s*\("
_AGE_GROUP_BEFORE = re.compile(_AGE_GROUP + r"\s*\Z")
# The same ending at the bracket it opens, in the text's lower case, searched for in the few characters before each
# bracket (a search for one character is fast, trying the words at every character is not).
_AGE_GROUP_OPENING = re.compile(_AGE_GROUP + r"\Z")
AGE_GROUP_REACH = 16
# What joins two bounds of one statement: "≥ 18 and ≤ 65", ">18 years and < 75 years", "≥13 to ≤ 65", "at least
# 18 years old and no older than 65".
_JOIN = re.compile(r"\s*(?:,|and|&|but|to)?\s*(?:(?:years?|yrs?)\s+)?(?:(?:of\s+age|old)\s*)?(?:,?\s*and\s+)?")
# Another age, duration or limit after a criterion's age: "(≥ 18 years in Germany)", "and 12-17 (adolescents)",
# "with diabetes for at least 1 year".
_LATER_AGE = re.compile(r"\d\s*-?\s*(?:years?|yrs?|months?|mos?|weeks?|wks?|days?)\b|\d{1,3}\s*(?:-|to)\s*\d"
                        r"|[<>\u2264\u2265]\s*\d")
_DIGIT = re.compile(r"\d")
# How far before a bound its age word may stand ("Age at screening: "), and how long a bound is at most.
AGE_WORD_REACH = 60
BOUND_WIDTH = 120
# An alternative limit: another bound after "or" ("≥ 18 years, or ≥ 12 years if ..."), and words that make a limit
# hold only somewhere or for some ("the age of majority", "legal age", "in Japan", "unless", "if").
_QUALIFIED = re.compile(
    r"\b(?:majority|legal|legally|local(?:ly)?|countr(?:y|ies)|jurisdictions?|regulat\w*|permitted|where|if|unless|"
    r"except\w*|provided|japan\w*|korea\w*|taiwan\w*|emancipated|guardian\w*|parental|assent)\b|\bor\b[^.;]{0,40}\d")
# Words that say the age is another person's or a pregnancy's (anywhere in the criterion): "children aged 6-12 of the
# participants", "parents aged 18 or older", "born at < 32 weeks gestational age".
_OTHERS = re.compile(
    r"\b(?:parents?|guardians?|caregivers?|carers?|mothers?|fathers?|partners?|spouses?|siblings?|donors?|"
    r"husbands?|wives|wife|offspring|relatives?|family|families|informants?|companions?|dyads?|recipients?|"
    r"sons?|daughters?|babies|baby|gestation\w*|post-?menstrual|post-?conceptional|corrected|premature\w*|preterm|"
    r"index\s+(?:cases?|patients?|child(?:ren)?)|"
    r"born|(?:child|children)\s+of|of\s+(?:the\s+)?(?:participants?|patients?|subjects?|women|mothers?))\b")
# Words before the age that make it conditional, negated or an age at an event: "For patients ≥ 50 years",
# "diagnosed before age 40", "Age at diagnosis ≤ 18", "who received the vaccine at less than 12 months of age",
# "Not older than" aside (a bound's own words).
_OPENING_NOT_THE_LIMIT = re.compile(
    r"\b(?:diagnos\w*|onset|symptoms?|menarche|menopaus\w*|transplant\w*|hsct|surgery|injury|infection|"
    r"presentation|first|since|duration|history|for|if|in|when|whose|among|those|with|no|except|exclud\w*|unless|"
    r"before|after|prior|by|until|received|receiving|vaccinated|immuni[sz]ed|underwent|undergone|began|begun|"
    r"started|developed|experienced|occurred|had(?!\s+to\b))\b|\bnot\b(?!\s+(?:older|younger|less|more)\b)")
# A test, image, sample or document named before the bound: the age is its own, not the participants' ("MRI available
# (not older than 4 years prior to enrolment)", "Mammogram no older than 12 months", "Tumour biopsy not older than 6
# months", "CT scan less than 28 days old").
_RECORD_BEFORE = re.compile(
    r"\b(?:mri|ct|pet|scans?|imag\w*|x-?rays?|radiograph\w*|mammogra\w*|ultrasound|echo\w*|ecg|ekg|angiogra\w*|"
    r"colonoscop\w*|endoscop\w*|biops\w*|specimens?|samples?|tissue|blocks?|slides?|tests?|results?|reports?|"
    r"documents?|documentation|records?|assessments?|measurements?|films?|labs?|laboratory|values?|data)\b")
# An event after the age: "≤ 18 years at diagnosis", "before 40 years at onset", "18 years of age at diagnosis",
# and up to two words before the event after a word for when ("Less than 50 years of age at the time of migraine
# onset", "at first cluster attack", "when the first lesions appeared"). Those words are none of the study's own
# moments ("at the time of consent", "at the screening visit", "at the time of planned surgery"), nor words that
# join another clause ("at enrolment and with a diagnosis of ..."): an age then is the participants'. After "of"
# the event follows at once ("without a history of spine surgery" names no age's event).
_STUDY_MOMENT = (r"(?:screen|consent|enrol|inclu|entry|random|regist|visit|sign|study|trial|baseline|dos|vaccinat|"
                 r"treat|participa|plann|schedul|upcoming|elective|propos|intend|and\b|or\b|with\b|who\b|in\b)")
_EVENT = (r"(?:diagnos|onset|symptom|seizure|attack|episode|relapse|stroke|transplant|hsct|surgery|injury|infection|"
          r"presentation|menarche|menopaus|birth|delivery|conception|began|begun|started|occurred|appeared)")
_AT_EVENT = re.compile(r"[^.;]{0,20}?(?:\bof\s+(?:the\s+)?(?:initial\s+|first\s+)?"
                       r"|\b(?:at|by|before|after|when|since)\s+(?:the\s+)?(?:time\s+of\s+)?"
                       r"(?:(?:the|their|his|her|initial|first)\s+)?"
                       rf"(?:(?!{_STUDY_MOMENT})[a-z][\w'-]*\s+){{0,2}}?){_EVENT}")
# How far into its criterion the participants' age may begin ("Male or female patients aged ..."), and how long a
# criterion read is (a longer one describes more than the participants' ages).
OPENING_REACH = 60
CRITERION_WIDTH = 240
# A criterion ends at a blank line, before a line a list mark opens, at a semicolon, or at a sentence's end (a full
# stop before a capital, not that of "i.e." or "e.g."): a hard-wrapped criterion's lines stay together. Each way
# opens with its character (the full stop's "i.e." is looked behind from after it), so a search skips to a line
# break, a semicolon or a full stop rather than trying the pattern at every character.
_CRITERION_END = re.compile(r"\n[ \t]*(?=\n|[-*\u2022]|\(?\d{1,2}[.)]|\(?[a-z][.)]\s)|;"
                            r"|\.(?<!i\.e\.)(?<!e\.g\.)(?=\s+[A-Z(])")
# A line of one to three words that only names what the criteria below it are for ("PATIENT:", "DONOR:", "Healthy
# volunteers:"); a lead-in sentence ("Participants must meet all of the following:") is no such label.
LABEL_LINE = re.compile(r"^[ \t]*[-*\u2022]?[ \t]*[A-Za-z][A-Za-z&/-]*(?:[ \t]+[A-Za-z&/-]+){0,2}[ \t]*:[ \t]*$", re.M)
LIST_MARK = re.compile(r"[\s\-*\u2022\u00b7>]*(?:\(?\d{1,2}[.)]\s*|\(?[a-z][.)]\s+|\(?[ivx]{1,4}[.)]\s+)?[\s\-*]*")
# Groups, cohorts or parts with their own criteria: their ages are theirs, not everyone's. A group's letter is no
# short English word: "willing to take part in the study", "in all parts of the study", "either arm of the trial"
# name no group. (Searched in the text's lower case, which is faster than a search that ignores case.)
_SHORT_WORDS = r"(?:of|in|on|to|at|by|as|is|or|if|so|be|up|an|no|we|it|me|my|us|he|do)\b"
GROUP_WORDS = re.compile(r"\b(?:cohorts?|parts?|arms?|groups?|strat(?:um|a)|sub-?stud(?:y|ies)|panels?|"
                          rf"segments?|modules?)\s+(?:(?!{_SHORT_WORDS})[a-z]{{1,2}}|\d{{1,2}}[a-z]?|[ivx]{{1,4}})\b"
                          r"|\bcohort\b")

# An inclusion heading that names the group its criteria are for ("Inclusion Criteria for Cohort 1", "Pediatric
# Inclusion Criteria", "Healthy Volunteer Inclusion Criteria").
GROUP_HEADING = re.compile(r"cohort|part|arm\b|group|healthy|volunteer|patient|adult|p(?:a)?ediatric|child|"
                            r"adolescent|infant|donor|caregiver|parent|stage|phase|period|module|sub-?study", re.I)


class Age(NamedTuple):
    """An age: a number and its unit ('year', 'month', ...)."""

    number: float
    unit: str

    @property
    def days(self) -> float:
        return self.number * UNIT_DAYS[self.unit]

    @property
    def slack(self) -> float:
        return UNIT_SLACK.get(self.unit, 0.0)

    def shifted(self, step: int) -> "Age":
        """The age `step` whole units later (or earlier)."""
        return Age(self.number + step, self.unit)


class Bound(NamedTuple):
    """One side of the ages a criterion allows: 'lower' or 'upper', the age, and how it is written ('inclusive',
    'strict' for "under 18" / "older than 18", 'range' for the end of "18 to 65", 'between' for either end of
    "between 18 and 65", which may be meant to leave both ends out)."""

    side: str
    age: Age
    kind: str


class Statement(NamedTuple):
    """The participants' ages one criterion states: its bounds, where the criterion stands in the text, and what
    part of the criteria states it."""

    bounds: tuple[Bound, ...]
    start: int
    end: int
    source: str = "inclusion criteria"


def _spelled(piece: str) -> str:
    """The criterion in lower case with its signs and dashes written one way (as it is when it holds none of the
    characters `_SPELLINGS` rewrite, as most criteria hold none)."""
    piece = piece.lower()
    if _SPELLING_SIGN.search(piece) is None:
        return piece
    for pattern, written in _SPELLINGS:
        piece = pattern.sub(written, piece)
    return piece


def _unit(word: str | None) -> str | None:
    return _UNIT_WORDS.get(word.rstrip(".")) if word else None


def _bounds_of(match: re.Match, following_unit: str | None) -> list[Bound]:
    """The bounds of one matched form; an age without its unit takes the unit written after it, else years."""
    form = match.lastgroup  # the form's group encloses every other group of its match, so it closes last
    name = _BOUND_FORMS[int(form[1:])][0]
    values = match.groups()[match.re.groupindex[form]:][:5]
    if name.startswith("range"):
        lo_n, lo_u, hi_n, hi_u = values[:4]
        hi_unit = _unit(hi_u) or _unit(lo_u) or following_unit or "year"
        kind = name.partition(" ")[2]
        lower_kind = "between" if kind == "between" else "inclusive"
        return [Bound("lower", Age(float(lo_n), _unit(lo_u) or hi_unit), lower_kind),
                Bound("upper", Age(float(hi_n), hi_unit), kind or "range")]
    number, unit = values[:2]
    side, _, strict = name.partition(" ")
    return [Bound(side, Age(float(number), _unit(unit) or following_unit or "year"),
                  "strict" if strict else "inclusive")]


def _aged(text: str, m: re.Match) -> bool:
    """Whether the bound `m` is an age: an age word before it ("Age", "aged between"), "old" or "of age" after it,
    or its own words say so ("18 years or older", "between the ages of"), an age group's word before it in brackets
    ("Adults (≥ 18 years)"), or the word for age in another language before a bound with its unit ("Edad ≥ 18
    años")."""
    return (_AGE_BEFORE.search(text, max(0, m.start() - AGE_WORD_REACH), m.start()) is not None
            or _AGE_AFTER.match(text, m.end()) is not None or _SELF_AGED.search(m.group(0)) is not None
            or _AGE_GROUP_BEFORE.search(text, max(0, m.start() - AGE_WORD_REACH), m.start()) is not None
            or _LOCAL_AGE_BEFORE.search(text, max(0, m.start() - AGE_WORD_REACH), m.start()) is not None
            and any(_unit(word) for word in m.groups() if word))


def _first_age_bound(text: str, reach: int) -> re.Match | None:
    """The first bound of the criterion `text` (spelled) that starts by `reach` and is an age (`_aged`). Bounds are
    found in order: once one starts past `reach`, so does every later one, and the search stops there."""
    for m in _BOUND.finditer(text, 0, reach + BOUND_WIDTH):
        if m.start() > reach:
            return None
        if _aged(text, m):
            return m
    return None


def _criterion_statement(piece: str) -> tuple[Bound, ...] | None:
    """The participants' age bounds the criterion `piece` opens with; () when it states none; None when it states
    an age that cannot be read as one limit for everyone (qualified, conditional, another person's)."""
    text = _spelled(piece)
    if _DIGIT.search(text) is None:
        return ()
    mark = LIST_MARK.match(text).end()
    if text.startswith("(", mark) and _BOUND.match(text, mark + 1):
        return None  # a sentence's note in brackets, cut from it at a full stop: "... the booster. (18-59 years) ..."
    reach = mark + OPENING_REACH
    first = _first_age_bound(text, reach)
    if first is None:
        return ()
    opening = text[mark:first.start()]
    if (_DIGIT.search(opening) or _OPENING_NOT_THE_LIMIT.search(opening) or _RECORD_BEFORE.search(opening)
            or _OTHERS.search(text)):
        return None
    chained = [first]
    while True:  # the bounds written on from the first: "≥ 18 and ≤ 65 years", ">18 years and < 75 years"
        joined = _JOIN.match(text, chained[-1].end())
        following = _BOUND.match(text, joined.end())
        if following is None or joined.end() == chained[-1].end():
            break
        chained.append(following)
    end = chained[-1].end()
    if any(not any(_unit(word) for word in m.groups() if word) and _UNREAD_UNIT.match(text, m.end())
           for m in chained):
        return None  # "0-6 m": months or minutes, not said
    if _QUALIFIED.search(text, end) or _AT_EVENT.match(text, end) or _LATER_AGE.search(text, end):
        return None  # an alternative, a place, an event, or another age or duration further on
    bounds: list[Bound] = []
    for i, m in enumerate(chained):
        following_unit = next((_unit(w) for later in chained[i + 1:] for w in later.groups() if _unit(w)), None)
        bounds.extend(_bounds_of(m, following_unit))
    if _INCLUSIVE.search(text, end):  # "between 18 and 65 years, inclusive": both ends are in
        bounds = [b._replace(kind=_INCLUSIVE_KIND[b.side]) if b.kind == "between" else b for b in bounds]
    sides = {b.side: b.age for b in bounds}
    if len(sides) != len(bounds) or (len(sides) == 2 and sides["lower"].days > sides["upper"].days):
        return None  # two limits of one side, or a range that ends before it starts ("18-5 years")
    return tuple(bounds)


# A range said to hold its ends after it: "between 18 and 65 years, inclusive", "(both inclusive)", "inclusively".
_INCLUSIVE = re.compile(r"\binclusive")
# What each end of "between 18 and 65" is when the criterion says its ends are in: that of "18 to 65".
_INCLUSIVE_KIND = {"lower": "inclusive", "upper": "range"}


def _age_words(lowered: str, start: int, end: int) -> list[int]:
    """Where the words that can make a number an age stand in lowered[start:end], in order."""
    places = []
    for word in AGE_WORDS:
        at = lowered.find(word, start, end)
        while at >= 0:
            if word in ("age", "old") and at and lowered[at - 1].isalpha():
                pass  # "stage", "page", "dosage"; "threshold", "hold", "bold"
            elif word == "yo" and lowered[at + 2:at + 3].isalpha():
                pass  # "your", "beyond"
            else:
                places.append(at)
            at = lowered.find(word, at + 1, end)
    at = lowered.find("(", start, end)
    while at >= 0:
        m = _AGE_GROUP_OPENING.search(lowered, max(start, at - AGE_GROUP_REACH), at + 1)
        if m is not None:
            places.append(m.start())
        at = lowered.find("(", at + 1, end)
    return sorted(places)


def criteria_pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The criteria of text[start:end] as spans: each ends at a line break, a semicolon or a sentence's end."""
    at = start
    for m in _CRITERION_END.finditer(text, start, end):
        if m.start() > at:
            yield at, m.start()
        at = m.end()
    if end > at:
        yield at, end


def stated_ages(text: str, lowered: str | None = None, memo: dict | None = None) -> Statement | None:
    """The one age limit for all participants the inclusion criteria state, or None when they state none or it
    cannot be read as one (several groups, several limits, a qualified or conditional one). `lowered`: text.lower(),
    and `memo`: the text's readings by other rules (a StudyText's), if at hand."""
    lowered = text.lower() if lowered is None else lowered
    found = _one_statement(text, lowered, memo)
    if found is None or found[1] is not None and _for_groups(text, lowered, *found[1], found[0]):
        return None
    return found[0]


Settled = Callable[[tuple[Bound, ...]], bool]


def _one_statement(text: str, lowered: str, memo: dict | None,
                   settled: Settled | None = None) -> tuple[Statement, tuple[int, int] | None] | None:
    """`stated_ages` but for the groups the criteria may be of (`_for_groups`, asked last as it reads the most):
    the statement and its inclusion section's span (None for a PDQ block's age: `_patient_characteristics`).
    `settled(bounds)`: whether a statement of these bounds leaves nothing to find whatever else the criteria state
    (it agrees with the record): the rest is then not read."""
    parts = text_sections(text, lowered, memo)
    inclusion = [s for s in parts if s.name == "inclusion"]
    if not inclusion and not any(s.name == "exclusion" for s in parts):
        statement = _patient_characteristics(text, lowered)
        return None if statement is None else (statement, None)
    if len(inclusion) != 1:
        return None  # none, or one list for each group ("Patient Inclusion Criteria", "Donor Inclusion Criteria")
    section = inclusion[0]
    # Only the criteria with a word that can make a number an age are read: most have none.
    places = _age_words(lowered, section.start, section.end)
    if not places:
        return None
    found: list[Statement] = []
    at = 0
    for start, end in criteria_pieces(text, section.start, section.end):
        while at < len(places) and places[at] < start:
            at += 1
        if at == len(places):
            break
        if places[at] >= min(end, start + CRITERION_WIDTH):
            continue
        bounds = _criterion_statement(text[start:min(end, start + CRITERION_WIDTH)])
        if bounds is None:
            return None
        if bounds:
            if settled is not None and settled(bounds):
                return None  # one statement that agrees, or two: nothing to find either way
            found.append(Statement(bounds, start, end))
    if len(found) != 1:
        return None
    return found[0], (section.start, section.end)


# A legacy record's criteria in the PDQ's form: "PATIENT CHARACTERISTICS:" then labels and their values, the age's
# among them ("Age: 18 and over", or "Age:" above a bullet "-  18 to 65"), for every participant; each value runs to
# the next label ("Performance status:", "Sex:"), wrapped or not. The heading and the age's label open a word
# (looked behind from after their first letter, so a search skips to that letter rather than trying the look-behind
# at every character): "Age:", not "Dosage:" nor "Non-age:".
_PDQ_HEADING = re.compile(r"p(?<!\wp)atient characteristics\b")
_PDQ_AGE = re.compile(r"a(?<![\w-]a)ge\s*:")
_PDQ_NEXT_LABEL = re.compile(r"(?<=\s)(?=[A-Z][A-Za-z]+(?:[ /-][A-Za-z]+){0,3}\s*:)|\n[ \t]*[A-Z][A-Z /-]{3,}:")
_PDQ_BULLET = re.compile(r"(?:^|\n)[ \t]*[-*\u2022][ \t]+")
PDQ_AGE_WIDTH = 120


def _patient_characteristics(text: str, lowered: str) -> Statement | None:
    """The one age limit a PDQ block's "Age:" gives ("PATIENT CHARACTERISTICS: Age: 18 to 65 Performance status:
    ..."), or None where the text has no such block, several, several ages, or an age that is no one limit ("Any
    age", "Children", "5 and over (cystic fibrosis); under 18 (all others)")."""
    if lowered.count("patient characteristics") != 1:
        return None
    heading = _PDQ_HEADING.search(lowered)
    ages = list(_PDQ_AGE.finditer(lowered, heading.end()))
    if len(ages) != 1:
        return None
    start = ages[0].end()
    label = _PDQ_NEXT_LABEL.search(text, start + 1, start + PDQ_AGE_WIDTH)
    end = label.start() if label else min(len(text), start + PDQ_AGE_WIDTH)
    value = " ".join(_PDQ_BULLET.sub(" ", text[start:end]).split())
    bounds = _criterion_statement(f"Age: {value}") if value else ()
    if not bounds:
        return None
    return Statement(bounds, ages[0].start(), end, "criteria's patient characteristics")


# A line of at most LABEL_WIDTH characters that is a group's label (criteria_text's GROUP_LABEL, the whole line),
# found in one search over the text rather than line by line.
GROUP_LABEL_LINE = re.compile(rf"^(?=[^\n]{{0,{LABEL_WIDTH}}}$)(?:{GROUP_LABEL.pattern})$", re.M)


# A list item's mark at the start of a line ("* ", "- ", "1. "): a group's label is a line of its own, not an item.
_ITEM_MARK = re.compile(r"[ \t]*(?:[-*\u2022][ \t]+|\(?\d{1,2}[.)][ \t]*)")


def _for_groups(text: str, lowered: str, start: int, end: int, statement: Statement | None = None) -> bool:
    """Whether the inclusion criteria text[start:end] are those of several groups, or of one group its heading
    names: a cohort's or a part's label, a line that only names whom the criteria below it are for (`lowered`:
    the text's lower case). The statement's own list item that names the participants with their ages in brackets
    ("* Adults (18 years or older)") is no label, unless a colon ends it as a label's does."""
    body = text[start:end]
    heading = text[text.rfind("\n", 0, start) + 1:start]
    return bool(LABEL_LINE.search(body) or GROUP_HEADING.search(heading)
                or GROUP_WORDS.search(lowered[start:end])
                or any(not _the_statement_item(body, m, start, statement) for m in GROUP_LABEL_LINE.finditer(body)))


def _the_statement_item(body: str, m: re.Match, start: int, statement: Statement | None) -> bool:
    """Whether the label-like line `m` of `body` (the text from `start` on) is the statement's own list item."""
    return (statement is not None and start + m.start() <= statement.start < start + m.end() + 1
            and _ITEM_MARK.match(m.group()) is not None and not m.group().rstrip().endswith((":", "\uff1a")))


# The participants' babies or children as participants too, which the statement's own line may name beside the
# age ("Women aged 18 or older and their infants").
_THEIR_CHILDREN = (
    r"\b(?:their|her)\s+(?:new-?born\s+)?(?:new-?borns?|neonates?|infants?|bab(?:y|ies)|child(?:ren)?|offspring)\b"
    r"|\b(?:new-?borns?|neonates?|infants?|bab(?:y|ies)|child(?:ren)?|offspring)\s+(?:born\s+to|of)\s+(?:the\s+)?"
    r"(?:enrolled|participating|included|consenting|eligible|study|these|those)\b")
_CHILDREN_TOO = re.compile(_THEIR_CHILDREN)

# Elsewhere in the inclusion criteria, what makes the one age read no limit for everyone: an age for some countries
# or by law ("* For Japan: ≥ 20 years", "; ≥ 20 years in Taiwan", "or the age of majority"), or the ages of some
# people written without an age word ("Adolescents 12 to 17 years may be enrolled after ...", "(Patients who are 16
# or 17 years of age may be enrolled in the US)", "Adult men with a history of ADHD between 18 and 30 years"), not
# how long they have had a disease ("Adults with diabetes for 1 to 10 years"), or the participants' babies or
# children as participants too ("* Their newborn infants", "* Infants born to enrolled mothers"). Searched in the
# text's lower case.
_AGE_ELSEWHERE = re.compile(
    r"\b(?:japan\w*|korea\w*|taiwan\w*|age\s+of\s+(?:majority|consent)|legal(?:ly)?\s+(?:age|adults?|of\s+age))\b"
    r"|\b(?:adolescents?|teen\w*|children|child|minors?|p(?:a)?ediatric|infants?|adults?|elderly|patients?|"
    r"participants?|subjects?|volunteers?|men|women|males?|females?|individuals?|persons?|people|those)\b"
    r"(?:(?!\b(?:for|since|duration|within|past|last|diagnos\w*)\b)[^.;:\n]){0,40}?"
    r"\b\d{1,3}\s*(?:-|to|or|and)\s*\d{1,3}\s*(?:years?|yrs?)\b"
    r"|" + _THEIR_CHILDREN)


def _age_elsewhere(lowered: str, statement: Statement, start: int, end: int) -> bool:
    """Whether the inclusion criteria lowered[start:end] state, beside the statement, an age for some places or by
    law, or some people's ages (`_AGE_ELSEWHERE`), or the statement names the participants' babies or children
    beside them (`_THEIR_CHILDREN`): the statement's age is then not everyone's."""
    return (_AGE_ELSEWHERE.search(lowered, start, statement.start) is not None
            or _AGE_ELSEWHERE.search(lowered, statement.end, end) is not None
            or _CHILDREN_TOO.search(lowered, statement.start, statement.end) is not None)


# A structured age as the registry writes it: a number and a unit ('18 Years', '6 Months').
_STRUCTURED_AGE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([A-Za-z]+?)s?\s*")


@lru_cache(maxsize=4096)
def structured_age(value: str | None, registry: bool) -> Age | None | bool:
    """A structured age ('18 Years') as an Age; False when the record sets no limit ('N/A', or none given in a
    registry record or on a clincosm page beside the other age: `registry`); None when unknown (a page that may not
    show it, or a value that is no age). Kept for each value: records write a few ages ('18 Years', '65 Years',
    'N/A') over and over, and an Age is never changed."""
    if value is None or value.strip().lower() in NO_LIMIT:
        return False if registry else None
    m = _STRUCTURED_AGE.fullmatch(value)
    if m is None or m.group(2).lower() not in UNIT_DAYS:
        return None
    return Age(float(m.group(1)), m.group(2).lower())


def _between(age: Age, low: Age, high: Age) -> bool:
    """Whether `age` lies from `low` to `high` as calendar lengths."""
    return low.days - low.slack - age.slack <= age.days <= high.days + high.slack + age.slack


def agrees(bound: Bound, limit: Age | bool | None) -> bool:
    """Whether the structured limit fits the criterion's bound: the same age, or the next whole age where the words
    may mean it ('under 18': 17 or 18; 'older than 18': 18 or 19; the end of '18 to 65': 64 to 66)."""
    if limit is None:
        return True
    age = bound.age
    if limit is False:
        return bound.side == "lower" and age.number == 0  # "aged 0-6 months": from birth, no minimum
    if bound.side == "lower":
        return _between(limit, age, age.shifted(1) if bound.kind == "strict" else age)
    if bound.kind == "strict":
        return _between(limit, age.shifted(-1), age)
    return _between(limit, age.shifted(-1), age.shifted(1))


def _exclusive_between(bounds: tuple[Bound, ...], limits: dict[str, Age | bool | None]) -> bool:
    """Whether the record's ages are the ends of "between 18 and 65" both left out: '19 Years' and '64 Years'."""
    ends = {b.side: b.age for b in bounds if b.kind == "between"}
    low, high = limits["lower"], limits["upper"]
    if len(ends) != 2 or not isinstance(low, Age) or not isinstance(high, Age):
        return False
    above, below = ends["lower"].shifted(1), ends["upper"].shifted(-1)
    return _between(low, above, above) and _between(high, below, below)


def disagreeing(bounds: tuple[Bound, ...], limits: dict[str, Age | bool | None]) -> list[Bound]:
    """The criterion's bounds the record's limits ({'lower': ..., 'upper': ...}, as `structured_age` gives them) do
    not fit (`agrees`), none where they are both ends of "between 18 and 65" left out."""
    wrong = [b for b in bounds if not agrees(b, limits[b.side])]
    return [] if wrong and _exclusive_between(bounds, limits) else wrong


def _said(age: Age) -> str:
    number = f"{age.number:g}"
    return f"{number} {age.unit}{'' if age.number == 1 else 's'}"


def _ages_said(bounds: tuple[Bound, ...]) -> str:
    """The criterion's ages in words: '18 to 65 years', 'at least 18 years', 'under 18 years'."""
    by_side = {b.side: b for b in bounds}
    lower, upper = by_side.get("lower"), by_side.get("upper")
    if lower and upper:
        return f"{_said(lower.age)} to {_said(upper.age)}"
    if lower:
        return f"{'over' if lower.kind == 'strict' else 'at least'} {_said(lower.age)}"
    return f"{'under' if upper.kind == 'strict' else 'up to'} {_said(upper.age)}"


def _limit_said(value: str | None) -> str:
    return f"'{value}'" if value else "none given"


def study_age_findings(nct_id: str, criteria: str, minimum: str | None, maximum: str | None,
                       registry: bool, lowered: str | None = None, memo: dict | None = None) -> Iterator[Finding]:
    """A finding when the inclusion criteria's one age limit disagrees with the record's minimum or maximum age
    (`registry`: an absent age is no limit, as in a registry record; `lowered`, `memo`: as `stated_ages` takes them)."""
    lowered = criteria.lower() if lowered is None else lowered
    limits = {"lower": structured_age(minimum, registry), "upper": structured_age(maximum, registry)}
    if limits["lower"] is None and limits["upper"] is None:
        return  # both ages unknown (a page that may not show them): every bound agrees with them (`agrees`)
    found = _one_statement(criteria, lowered, memo, lambda bounds: not disagreeing(bounds, limits))
    if found is None:
        return
    statement = found[0]
    wrong = disagreeing(statement.bounds, limits)
    if not wrong or found[1] is not None and (_for_groups(criteria, lowered, *found[1], statement)
                                              or _age_elsewhere(lowered, statement, *found[1])):
        return  # (read only where they disagree)
    sides = " and ".join(("minimum" if b.side == "lower" else "maximum") for b in wrong)
    message = (f"The {statement.source} state the participants' ages as {_ages_said(statement.bounds)}, which "
               f"disagrees with the record's "
               f"{sides} age (minimum {_limit_said(minimum)}, maximum {_limit_said(maximum)}).")
    evidence = (f"eligibilities.criteria: '{excerpt(criteria, statement.start, statement.end, 0)}'; "
                f"eligibilities.minimum_age={_limit_said(minimum)}; eligibilities.maximum_age={_limit_said(maximum)}")
    yield Finding(nct_id, message, evidence)


def criteria_age_differs(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> Iterator[Finding]:
    """The inclusion criteria state one age limit for all participants that the record's ages do not give."""
    # Every read is made, even with no text to judge: the run's process makes them for its workers (checks/engine.py).
    texts = texts_by_study(con, scope, ("eligibilities.criteria",))
    ages = rows_by_study(con, scope, "eligibilities", ("minimum_age", "maximum_age"))
    layouts = rows_by_study(con, scope, "studies", ("source_layout",))
    for nct_id, found in texts.items():
        rows = ages.get(nct_id)
        if not rows or len(rows) != 1 or len(found) != 1:
            continue  # one criteria text beside one pair of ages
        layout = layouts.get(nct_id, [(None,)])[0][0]
        minimum, maximum = rows[0]
        registry = layout in OPEN_END_LAYOUTS and not (minimum is None and maximum is None)
        yield from study_age_findings(nct_id, found[0].text, minimum, maximum, registry, found[0].lowered,
                                      found[0].memo)


RULES = (
    Rule(RULE_ID, "contradiction", "warning",
         "ClinicalTrials.gov's review asks that the criteria's age limits agree with the record's Minimum and "
         "Maximum Age: a data team filtering by the structured ages gets the wrong trials when they differ. Read "
         "from text, so a warning, and only where the inclusion criteria state one age limit for everyone; ages "
         "are compared as calendar lengths, and 'under 18' agrees with '17 Years'.",
         ("eligibilities.criteria", "eligibilities.minimum_age", "eligibilities.maximum_age"),
         func=criteria_age_differs, in_worker=True),
)
