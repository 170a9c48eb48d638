"""A frequency written right before a drug's name, the name right before its amount ("weekly paclitaxel at 50 mg/m2",
"Twice daily oral apixaban 5 mg", "daily aspirin 81 mg"): the amount's frequency, read only with the study's drug
names; and the drug names a text is read with."""
from __future__ import annotations

import re
from typing import Mapping

from checks.dose_frequency import (
    FREQUENCY, MOST_TIMES_BEFORE, OR_AFTER, RANGE_BEFORE, RARE_FREQUENCY_WORDS, SENTENCE_END, USUAL_FREQUENCY,
    frequency,
)
from checks.dose_frequency_before import HOW_TAKEN, LEAD_WINDOW, Lead, lead, only_taken_between
from checks.dose_routes import ROUTES
from checks.dose_varying import names_change_escalation, variable_dosing

_ROUTE_WORDS = "|".join(words for _, words in ROUTES)
# What may stand between a frequency and the drug's name after it: a route, a product's form or a dose level ("Twice
# daily oral apixaban", "weekly Inj Cisplatin", "daily low-dose aspirin", "once daily extended-release metformin").
_FORMS = (r"inj\.?|injections?|infusions?|tablets?|tabs?|capsules?|caps?|(?:low|high|standard|full|fixed|reduced)"
          r"[\s-]dose|(?:extended|modified|prolonged|sustained|delayed|immediate)[\s-]release|film-coated|"
          r"enteric-coated|er|xr|sr|ir|ec")
_BEFORE_NAME = re.compile(rf"\.?(?:[\s()-]+(?<![\w-])(?:{_ROUTE_WORDS}|{_FORMS})(?![\w-]))*[\s(-]+", re.I)
# What may stand between the drug's name and its amount: a trademark sign, a route, how it is taken, a form or a salt,
# and the words that tie an amount to it ("weekly paclitaxel at a dose of 50 mg/m2", "daily aspirin tablets (81 mg)",
# "Twice daily Spectrila® 5,000 U/m2").
_NAMED = re.compile(
    rf"(?<![\w-])([a-z][\w-]*?)[®™]?[\s:,()-]*(?:(?<![\w-])(?:{_ROUTE_WORDS}|{_FORMS}|{HOW_TAKEN}|hydrochloride|hcl"
    rf"|sodium|at|a|dose|dosage|of|fixed|flat)(?![\w-])\.?[\s:,()-]*)*$", re.I)
# The word right before a point, a space, a hyphen or a parenthesis between ("vitamin D3", "Nab-paclitaxel (Abraxane)").
_WORD_BEFORE = re.compile(r"(?<![\w-])([a-z][\w-]*?)[\s(-]*$", re.I)
# What opens the frequency's part of the text, so the frequency is no earlier amount's: the text's or a line's start
# or a list mark ("- daily aspirin 81 mg", "2) weekly cisplatin"), a colon, a parenthesis or a plus, a word that joins
# a drug on ("and", "plus", "with", "then", "followed by", "or": "175 mg/m2 every 3 weeks or weekly paclitaxel 80
# mg/m2") or one of receiving it ("Patients receive weekly ...").
_OPENS = re.compile(
    r"(?:^|\n)\s*(?:[-*•·]|\(?\d{1,2}[.)]|\(?[a-z][.)])?\s*$|[:;(+&]\s*$"
    r"|(?<![\w-])(?:and|or|plus|with|then|followed\s+by|receiv(?:e|es|ed|ing)|tak(?:e|es|ing)|took|start(?:s|ed|ing)?"
    r"|continu(?:e|es|ed|ing))\s+$", re.I)
_OPENS_WINDOW = 30
_COMMA_BEFORE = re.compile(r",\s*$")


def leads_read(text: str, read: list, names: Mapping[str, str]) -> list[Lead | None]:
    """The frequency stated before each amount read (`amounts_read`) and tied to it (`lead`), or, with the study's
    drug names, written right before the drug's name before it (`name_lead`)."""
    leads = []
    for i, (m, _, _) in enumerate(read):
        previous_end = read[i - 1][2] if i else 0
        found = lead(text, m.start(), previous_end)
        if found is None and names:
            found = name_lead(text, m.start(), previous_end, names)
        leads.append(found)
    return leads


def name_lead(text: str, start: int, previous_end: int, names: Mapping[str, str]) -> Lead | None:
    """The frequency written right before the name of the drug whose amount starts at `start`, with only a route or a
    form between ("weekly paclitaxel at 50 mg/m2", "Twice daily oral apixaban 5 mg") and nothing of an earlier amount
    before it (its part of the text opens there: "Aspirin 100 mg and daily clopidogrel 75 mg"); None where none is,
    or where it is one of two ("daily or weekly"), the most times it may be given, or a frequency of another drug."""
    low = max(previous_end, start - LEAD_WINDOW)
    for sentence_end in SENTENCE_END.finditer(text, low, start):
        low = sentence_end.end()
    named = _name_before(text, low, start, names)
    if named is None:
        return None
    drug, name_start = named
    lower = text[low:name_start].lower()
    pattern = FREQUENCY if any(word in lower for word in RARE_FREQUENCY_WORDS) else USUAL_FREQUENCY
    found = earlier = None
    for m in pattern.finditer(text, low, name_start):
        earlier, found = found, m
    if found is None or not _BEFORE_NAME.fullmatch(text, found.end(), name_start) \
            or not _opens(text, found.start(), previous_end):
        return None
    if earlier is not None and OR_AFTER.fullmatch(text, earlier.end(), found.start()) \
            and not (previous_end and only_taken_between(text, previous_end, earlier.start())):
        return None  # "daily or every other day aspirin 81 mg"; not the earlier amount's ("175 mg/m2 every 3 weeks or")
    if MOST_TIMES_BEFORE.search(text[max(low, found.start() - 20):found.start()]) \
            or RANGE_BEFORE.search(text, low, found.start()):
        return None  # "up to three times daily ibuprofen 400 mg", "2-3 times daily ibuprofen 400 mg"
    per_day, total = frequency(text[found.start():found.end()], text)
    return None if per_day is None else Lead(found.start(), per_day, total, drug)


def _name_before(text: str, low: int, start: int, names: Mapping[str, str]) -> tuple[str, int] | None:
    """The drug named right before the amount at `start` with only a route, a form or a tie between, and where its
    name starts (all its words: "vitamin D3", "insulin glargine")."""
    named = _NAMED.search(text, low, start)
    if named is None:
        return None
    word = named.group(1).lower()
    drug = names.get(word) or names.get(word.rsplit("-", 1)[-1])  # "nab-paclitaxel" in a study of paclitaxel
    if drug is None:
        return None
    name_start = named.start()
    while (more := _WORD_BEFORE.search(text, low, name_start)) and names.get(more.group(1).lower()) == drug:
        name_start = more.start()
    return drug, name_start


def _opens(text: str, start: int, previous_end: int) -> bool:
    """Whether the text's part with the frequency at `start` opens right before it, so that it is no earlier amount's
    frequency: a list's or a sentence's start, a joining word, or a comma after words that are no amount's."""
    window = max(0, start - _OPENS_WINDOW)
    if _OPENS.search(text, window, start):
        return True
    if any(not text[m.end():start].strip() for m in SENTENCE_END.finditer(text, window, start)):
        return True
    comma = _COMMA_BEFORE.search(text, window, start)
    return comma is not None and not (previous_end and only_taken_between(text, previous_end, comma.start()))


def names_read_with(text: str | None, drugs: Mapping[str, str]) -> frozenset[tuple[str, str]]:
    """The study's drug words a text writes, each with its drug's name, where reading its doses needs them: a text
    whose doses vary by design (which drug it escalates), or one with a frequency right before a drug's name; none
    for most texts, whose doses are then read once whatever the study."""
    if not text or not drugs or not _DIGIT.search(text):  # every dose has an amount in digits
        return frozenset()
    lower = text.lower()
    words = [word for word in drugs if word in lower]
    if not words or not (_frequency_before_name(text, lower, words)
                         or variable_dosing(text) and names_change_escalation(words, drugs)):
        return frozenset()
    return frozenset((word, drugs[word]) for word in words)


# The last word of a frequency ("twice daily", "q3w", "every 3 weeks", "b.i.d.", "at bedtime") right before a name,
# with only a route or a form between: a screen that passes every frequency `name_lead` reads, and some it does not.
_FREQUENCY_END = re.compile(
    r"(?:(?<![a-z\d])(?:(?:every)?da(?:y|ys|ily)|d|h|hrs?|hours?|weeks?|weekly|wks?|months?|monthly|b\.?i\.?d"
    r"|t\.?i\.?d|q\.?i\.?d|q\.?d|o\.?d|q\.?o\.?d|qw|nightly|bedtime|q\d\s?(?:w|wks?|weeks?))|\d\s?(?:hours?|hrs?|h))\.?"
    rf"(?:[\s()-]+(?:{_ROUTE_WORDS}|{_FORMS})(?![\w-]))*[\s(-]+$", re.I)
# How far before a drug's word the screen looks for the end of a frequency ("once daily extended-release").
_FREQUENCY_END_WINDOW = 40


def _frequency_before_name(text: str, lower: str, words: list[str]) -> bool:
    """Whether a frequency may stand right before one of the drug words (found in `lower`, the text in lower case)
    that an amount follows."""
    cased = text if len(text) == len(lower) else lower  # a route in capitals only ("IT") is read as written
    for word in words:
        at = lower.find(word)
        while at >= 0:
            if at and lower[at - 1] in _NAME_OPENS and _DIGIT.search(lower, at, at + LEAD_WINDOW) \
                    and _FREQUENCY_END.search(cased, max(0, at - _FREQUENCY_END_WINDOW), at):
                return True
            at = lower.find(word, at + len(word))
    return False


# What stands right before a name after a frequency ("weekly paclitaxel", "weekly (IV) paclitaxel", "once-daily").
_NAME_OPENS = frozenset(" \t\n(-")
_DIGIT = re.compile(r"\d")
