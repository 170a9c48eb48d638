"""A frequency stated before an amount and tied to it ("once daily at 150 mg", "Osimertinib daily (150 mg)"): the
words that tie it, whether it is the amount's own, and where the frequency after each amount may be read."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

from checks.dose_frequency import (
    CYCLE_DAYS, CYCLE_DAYS_LEAST, FREQUENCY, FREQUENCY_WINDOW, MOST_TIMES_BEFORE, OR_AFTER, RARE_FREQUENCY_WORDS,
    SENTENCE_END, USUAL_FREQUENCY, frequency,
)
from checks.dose_routes import ROUTES

# What ties a frequency stated before an amount to it: "once daily at 150 mg", "twice daily at a dose of 300 mg",
# "every 3 weeks (Q3W) at the dose of 200 mg", "once daily dosing of 0.5 mg", "daily (150 mg)", "once per day, 60 mg",
# with a route or words of how it is taken between ("orally twice daily with or without food at 300 mg"), never
# another name ("once daily, clopidogrel at 75 mg": the frequency may be another drug's). Not "at doses of" (levels),
# "at least 150 mg" or "at week 12".
HOW_TAKEN = (r"given|administered|self-administered|taken|dosed|infused|injected|delivered|with\s+or\s+without"
             r"|with(?=\s+(?:food|meals?|water|breakfast))|without|food|meals?|water|in|the|morning|evening|before"
             r"|after|breakfast|lunch|dinner|supper|on|an|empty|stomach|fasting")
_TAKEN = r"(?<![\w-])(?:" + "|".join(words for _, words in ROUTES) + "|" + HOW_TAKEN + r")(?![\w-])"
_DOSE_OF = (r"(?:(?:at|in|with)\s+(?:(?:a|the)\s+)?(?:(?:fixed|flat|single|standard|recommended|usual|oral)\s+)?"
            r"dos(?:e|age)|dosing)\s+(?:of\s+)?")
FREQUENCY_TIE = re.compile(
    rf"\.?[\s,)]*(?:{_TAKEN}[\s,()]*){{0,6}}(?:{_DOSE_OF}|at\s+|(?P<comma>,\s*)|(?P<paren>\(\s*))", re.I)
# How FREQUENCY_TIE ends, right before the amount: most amounts have none of these before them; and the words of
# them that end other words too ("treat", "beta").
_TIE_ENDS = ("(", ",", "dose", "dosage", "dosing", "at", "of")
_TIE_WORD_ENDS = ("at", "of")
TIE_WINDOW = 12
# Only a route or words of how it is taken between an amount and the frequency after it ("100 mg orally, once
# daily"): the frequency is that amount's.
_ONLY_TAKEN = re.compile(rf"[\s,()/]*(?:{_TAKEN}[\s,()/]*)*", re.I)


def may_be_tied(text: str, start: int) -> bool:
    """Whether a word that may tie a frequency before it to the amount at `start` stands right before it: most
    amounts have none."""
    before = text[max(0, start - TIE_WINDOW):start].rstrip().lower()
    if not before.endswith(_TIE_ENDS):
        return False
    return not before.endswith(_TIE_WORD_ENDS) or not before[-3:-2].isalpha()


def frequency_tie(text: str, end: int, start: int) -> str | None:
    """How the frequency ending at `end` is tied to the amount at `start`: '(' for a parenthesis ("daily (150 mg)"),
    ',' for a comma ("once per day, 60 mg"), 'at' for words ("at", "at a dose of"), or None when it is not."""
    m = FREQUENCY_TIE.fullmatch(text, end, start)
    if m is None:
        return None
    return "(" if m.group("paren") else "," if m.group("comma") else "at"


def only_taken_between(text: str, end: int, start: int) -> bool:
    """Whether nothing but a route or words of how it is taken stand between end and start ("100 mg orally, once
    daily")."""
    return _ONLY_TAKEN.fullmatch(text, end, start) is not None


# How far before an amount a frequency tied to it may start ("orally twice daily with food at a dose of 300 mg").
LEAD_WINDOW = 70
# A part of every frequency FREQUENCY reads but "x" ("2x daily" says "daily"): most texts before an amount have none.
_FREQUENCY_HINT = re.compile(r"da[iy]|week|wk|month|every|time|twice|thrice|night|bedtime|alternate|q\.?\d|q\.?[dow]\b"
                             r"|q\.?o\.?d|[bt]\.?i\.?d|q\.?i\.?d|o\.?d\b|q\d|\d\s*(?:h|hrs?|hours?)\b", re.I)


@dataclass(frozen=True)
class Lead:
    """A frequency stated before an amount and tied to it ("once daily at 150 mg"): where it starts,
    administrations a day, whether the amount is the day's total ("daily (150 mg)"), and the drug whose name stands
    between them ("weekly paclitaxel at 50 mg/m2"), if one does."""

    start: int
    per_day: float
    total: bool
    drug: str | None = None


def lead(text: str, start: int, previous_end: int) -> Lead | None:
    """The frequency stated before the amount at `start` and tied to it ("Olaparib given orally twice daily at a dose
    of 300 mg", "Bevacizumab IV Q3W at 15 mg/kg", "Osimertinib daily (150 mg)"), in its sentence after the amount
    before (ending at `previous_end`); None where none is, where the frequency is the amount before's ("100 mg orally
    once daily at ...", and any before a parenthesis or a comma: "900 mg of the drug daily (300 mg three times
    daily)"), one of two ("weekly or every other week at") or the most times it may be given."""
    if not may_be_tied(text, start):
        return None
    low = max(previous_end, start - LEAD_WINDOW)
    if not _FREQUENCY_HINT.search(text, low, start):
        return None
    for sentence_end in SENTENCE_END.finditer(text, low, start):
        low = sentence_end.end()
    lower = text[low:start].lower()
    pattern = FREQUENCY if any(word in lower for word in RARE_FREQUENCY_WORDS) else USUAL_FREQUENCY
    found = earlier = None
    for m in pattern.finditer(text, low, start):
        earlier, found = found, m
    if found is None or (tie := frequency_tie(text, found.end(), start)) is None:
        return None
    if earlier is not None and OR_AFTER.fullmatch(text, earlier.end(), found.start()):
        return None  # "weekly or every other week at 40 mg": either schedule may be given
    if previous_end and SENTENCE_END.search(text, previous_end, found.start()) is None \
            and (tie != "at" or only_taken_between(text, previous_end, found.start())):
        return None
    if MOST_TIMES_BEFORE.search(text[max(low, found.start() - 20):found.start()]):
        return None  # "up to three times daily at 400 mg"
    per_day, total = frequency(text[found.start():start], text)
    return None if per_day is None else Lead(found.start(), per_day, total)


def frequency_window_end(read: list, leads: list[Lead | None], i: int, sentence_end: int) -> int:
    """Where the frequency of the i-th amount read may end: before the next amount or the frequency tied to it
    ("Pembrolizumab 200 mg and lenvatinib once daily at 20 mg": "once daily" is lenvatinib's), its sentence's end,
    and FREQUENCY_WINDOW on."""
    end = min(sentence_end, read[i][2] + FREQUENCY_WINDOW)
    if i + 1 < len(read):
        end = min(end, leads[i + 1].start if leads[i + 1] else read[i + 1][0].start())
    return end


def lead_is_own(text: str, read: list, leads: list[Lead | None], i: int, sentence_end: int,
                names: Mapping[str, str] | None = None) -> bool:
    """Whether the frequency tied to the i-th amount is its own, not shared with the amounts after it in its
    sentence that state none ("weekly at 150 mg/m2 on day 1 and 100 mg/m2 on day 8", "once daily at 2 mg/kg or
    4 mg/kg", "once daily (100 mg d1, 200 mg d2, 400 mg d3-28)") and are not another drug's (`names`: "weekly
    paclitaxel 80 mg/m2 and cisplatin 30 mg/m2"), nor a cycle's given on several of its days ("every 3 weeks at
    75 mg/m2 on days 1 and 8")."""
    amount_end = read[i][2]
    if 1 / leads[i].per_day >= CYCLE_DAYS_LEAST and CYCLE_DAYS.search(text, amount_end, sentence_end):
        return False
    j = i + 1
    if j == len(read) or read[j][0].start() >= sentence_end or leads[j]:
        return True
    if read[j][0].group("per_time"):
        return True
    if names and leads[i].drug and other_drug_between(text, amount_end, read[j][0].start(), leads[i].drug, names):
        return True
    following_end = SENTENCE_END.search(text, read[j][2])
    window_end = frequency_window_end(read, leads, j, following_end.start() if following_end else len(text))
    return frequency(text[read[j][2]:window_end], text)[0] is not None


def other_drug_between(text: str, end: int, start: int, drug: str, names: Mapping[str, str]) -> bool:
    """Whether another drug's name than `drug` stands between `end` and `start` (`names` maps the study's drug words
    to its drugs' names)."""
    return any(names.get(word, drug) != drug for word in _WORDS.findall(text[end:start].lower()))


_WORDS = re.compile(r"[a-z][\w-]*")
