"""A design term of another trial named: one this study is a part or a follow-up of, one participants completed or
came from, one named by its code, acronym or name in words, or one planned."""
from __future__ import annotations

import re

from checks.design_term_words import DESIGN_RUN_AFTER, ENDS_WITH_TRIAL, WORDS_BEFORE_TERM, holds_any

# A trial's code or name set before a term of it in apposition ("CALGB C9781, a phase III randomized study", "the
# Women's Health Initiative, a randomized trial"): words opening with a capital or a digit, "of", "for", "in", "on" or
# "and" between them, a trial's noun after them.
_APPOSED_TRIAL = (r"(?:the\s+)?(?:(?-i:[A-Z0-9])[\w'\u2019/-]*\s+(?:(?:of|for|in|on|and)\s+)?){0,5}?"
                  r"(?-i:[A-Z0-9])[\w'\u2019/-]*(?:\s+(?:trial|study|protocol))?,\s+")
# A term that names another trial, this study a part or a follow-up of it ("An Open-label Substudy of the Randomized
# ABC Trial", "Long-term follow-up of the double-blind XYZ trial"). A term with its own noun is the other trial where
# an indefinite article opens it ("a companion study to a phase III randomized study", "a companion study to CALGB
# C9781, a phase III randomized study"), or after a study that is a part of another ("a companion study to the phase
# III randomized study", "an ancillary study to the randomized trial"): a part is never its own parent, while "the
# randomized study" after "follow-up of" or "extension of" may be this one.
_OF_ANOTHER_TRIAL_BEFORE = re.compile(
    r"\b(?:(?P<part>sub-?study|ancillary\s+study|companion\s+study|add-on\s+study)|follow-?up(?:\s+study)?"
    rf"|extension(?:\s+study)?)\s+(?:of|to|within|from)\s+(?:{_APPOSED_TRIAL})?(?:the|(?P<indefinite>an?))\s+"
    rf"{WORDS_BEFORE_TERM}$", re.I)
# The same for the trial participants completed or came from ("subjects who completed the randomized,
# placebo-controlled Study 301", "following completion of the double-blind study CL-301", "interviews with participants
# of a randomized trial": a trial, not "the" one, which is often this study) or a trial planned ("data to plan a
# randomised trial", "A Pilot Study to Define the Best Dosing Schedule for a Planned Phase II Randomized Trial",
# NCT00370292); with words (folded) one of which every match holds.
FROM_OR_FOR_ANOTHER_TRIAL_BEFORE = re.compile(
    r"\b(?:(?:completed|completing|finished|completion\s+of|participated\s+in|enrolled\s+in|rolled\s+over\s+from)"
    r"\s+(?:the|a|an)|plan(?:ning)?\s+an?|(?:for|towards?|before)\s+an?\s+planned"
    r"|(?:participants|patients|subjects|individuals|people)\s+(?:of|from)\s+an?)"
    rf"\s+{WORDS_BEFORE_TERM}$", re.I)
FROM_OR_FOR_WORDS = ("complet", "finished", "participated", "enrolled", "rolled", "plan", "participants", "patients",
                     "subjects", "individuals", "people")
# The trial's noun a few words after such a term, not past words that lead back to this study ("completed the
# double-blind treatment period of this study").
TRIAL_NAMED_AFTER = re.compile(
    DESIGN_RUN_AFTER
    + r"(?:,?\s+(?!(?:of|in|within|this|our|present|current)\b)[\w-]+){0,4}?\s+(?:study|trial|protocol|rct)\b", re.I)
# What a study gives or goes through, named after "study" ("the double-blind study medication of study ABC-123"):
# "study" there is no trial's noun.
_STUDY_THINGS = (r"(?:medications?|drugs?|treatments?|therap(?:y|ies)|products?|agents?|interventions?|periods?"
                 r"|phases?|parts?|visits?|assignments?|regimens?|doses?)\b")
# A trial named as the one participants came from: by its code ("study CL-201"), its acronym ("the ABC trial"), or
# as the main, parent or core trial ("the double-blind medication of the main study", "who decline randomization in
# the main trial").
_NAMED_TRIAL = (r"(?:(?:study|trial|protocol)\s+(?=[\w-]*\d)[\w-]+"
                r"|(?-i:[A-Z][A-Z0-9-]+)\s+(?:study|trial)\b"
                r"|(?:main|parent|core|preceding|previous|prior|original|originating|feeder|lead-in|pivotal|antecedent)"
                r"\s+(?:study|trial|protocol)\b)")
# A term of a trial named a few words on ("randomized to the experimental arm of study CL-201", "patients randomized
# to placebo in the ABC trial", "the double-blind study medication of study ABC-123", "the randomized treatment of
# the parent study", "randomized and met all inclusion/exclusion criteria in Protocol NRP104.303", "who were randomized
# and received either Menactra® or Menomune® vaccine in trial MTA29", NCT01239043): the trial participants came
# from. Not a term of this study's own noun ("A Randomized Substudy of the ABC Trial").
IN_A_NAMED_TRIAL_AFTER = re.compile(
    r"(?:,?\s+(?!(?:sub-?)?(?:study|trial|design)\b(?!\s+" + _STUDY_THINGS + r"))[\w-]+[\u00ae\u2122]?"
    r"(?:/[\w-]+)?){0,8}?\s+"
    r"(?:of|in|from|during)\s+(?:the\s+)?" + _NAMED_TRIAL, re.I)
# A term of a trial named by its code or acronym right after its noun, the trial spoken of as one participants were
# in, came from or go to ("In the double-blind study ABC-123, patients received drug X or placebo", "participants from
# the randomized PARADIGM trial", "may be eligible for the double-blind study ABC-456", "This open-label study follows
# the double-blind study ABC-123", "A single-arm study within the randomized ABC platform trial"): not this study.
# The term may name, in brackets, the part of a trial whose code comes before it ("in the E3810-J081-308 (NCI01397448)
# [Double-Blind Phase] study", an extension's summary): `_CODE_BEFORE_THE_PART`.
_CODE_WITH_ID = r"(?=[\w-]*\d)(?-i:[A-Z0-9])[\w-]*(?:\s*\(\s*(?=[\w-]*\d)[\w-]+\s*\))?"
NAMED_AFTER_THE_BEFORE = re.compile(
    r"\b(?:in|within|from|of|after|during|following|into|than|since|for|to|with|follows?|continues?|extends?)\s+the\s+"
    rf"(?:{_CODE_WITH_ID}\s*[\[(]\s*)?{WORDS_BEFORE_TERM}$", re.I)
_CODE_BEFORE_THE_PART = re.compile(rf"\bthe\s+{_CODE_WITH_ID}\s*[\[(]\s*$")
_PART_CLOSES_BEFORE_THE_NOUN = re.compile(
    r"\s+(?:phase|period|part|portion|stage)\s*[\])]\s*(?:study|trial|protocol)\b", re.I)
# A code holds a digit ("ABC-123", "301"); an acronym is in capitals, which tell it from a word only in a text not
# written in capitals (a title in capitals: `_NUMBERED_NAMED_AFTER`, `_NUMBER_AFTER`).
_NUMBER = r"(?=[\w-]*\d)(?-i:[A-Z0-9])[\w-]*"
_CODE = rf"(?:{_NUMBER}|(?-i:[A-Z]{{2,}}[A-Z0-9-]*)\b)"
# A code in brackets ("clinical study (TG002)"); an acronym in brackets may be the design's own ("trial (RCT)").
_NUMBER_IN_BRACKETS = rf"\(\s*{_NUMBER}\s*\)"
# The kind of trial an acronym may name ("the randomized ABC platform trial").
_KIND_OF_TRIAL = r"(?:platform|master|umbrella|basket|adaptive|pilot|main|core|parent|pivotal|registration)"
_CODE_NAMED_AFTER = re.compile(
    rf"{DESIGN_RUN_AFTER}(?:,?\s+[\w-]+){{0,3}}?\s+(?:(?:study|trial)\s+(?:{_CODE}|{_NUMBER_IN_BRACKETS})"
    rf"|(?-i:[A-Z][A-Z0-9-]+)\s+(?:{_KIND_OF_TRIAL}\s+)?(?:study|trial)\b)", re.I)
_NUMBERED_NAMED_AFTER = re.compile(
    rf"{DESIGN_RUN_AFTER}(?:,?\s+[\w-]+){{0,3}}?\s+(?:study|trial)\s+(?:{_NUMBER}|{_NUMBER_IN_BRACKETS})", re.I)
# The same after a term that ends with the trial's noun ("the observational cohort study ABC", "the randomised,
# double-blind, placebo controlled study (TG002)").
_CODE_AFTER = re.compile(rf"\s+(?:{_CODE}|{_NUMBER_IN_BRACKETS})", re.I)
_NUMBER_AFTER = re.compile(rf"\s+(?:{_NUMBER}|{_NUMBER_IN_BRACKETS})", re.I)
# Words (folded) one of which every match of IN_A_NAMED_TRIAL_AFTER holds.
TRIAL_NOUNS = ("study", "trial", "protocol")


def of_another_trial(sentence: str, start: int, end: int, near: int) -> bool:
    """Whether the term at sentence[start:end] is of a trial this study is a part or a follow-up of: its noun follows
    ("a substudy of the randomized ABC trial"), or ends a term an indefinite article opens ("a companion study to a
    phase III randomized study") or a part of the trial names ("a companion study to the phase III randomized
    study")."""
    of_another = _OF_ANOTHER_TRIAL_BEFORE.search(sentence, near, start)
    if of_another is None:
        return False
    return bool((of_another.group("indefinite") or of_another.group("part"))
                and ENDS_WITH_TRIAL.search(sentence, start, end) or TRIAL_NAMED_AFTER.match(sentence, end))


def named_by_code(sentence: str, start: int, end: int, after: str | None) -> bool:
    """Whether the trial of the term at sentence[start:end] is named by its code or acronym right after its noun
    ("the double-blind study ABC-123", "the observational cohort study ABC"), or names in brackets the part of a trial
    whose code comes before it ("the E3810-J081-308 (NCI01397448) [Double-Blind Phase] study"). `after`: the folded
    rest, or None."""
    if _PART_CLOSES_BEFORE_THE_NOUN.match(sentence, end) and _CODE_BEFORE_THE_PART.search(
            sentence, max(0, start - 60), start):
        return True
    capitals = sentence[start:end].isupper()
    if ENDS_WITH_TRIAL.search(sentence, start, end):
        return (_NUMBER_AFTER if capitals else _CODE_AFTER).match(sentence, end) is not None
    named_after = _NUMBERED_NAMED_AFTER if capitals else _CODE_NAMED_AFTER
    return (after is None or holds_any(after, TRIAL_NOUNS)) and named_after.match(sentence, end) is not None


# A trial's name in capitalised words ending with its acronym, which a design word may open ("the Randomised Evaluation
# of COVID-19 Therapy (RECOVERY) trial", "the Randomized Aldactone Evaluation Study (RALES)"). Not a part of this study
# named so ("during the Double-Blind Treatment Period (DBTP)", "the Randomized Withdrawal Phase (RWP)").
_NAME_WITH_ACRONYM_AFTER = re.compile(
    r"(?:,?\s+(?!(?:periods?|phases?|parts?|stages?|segments?|epochs?|portions?|extensions?|cohorts?|arms?|groups?)\b)"
    r"(?:(?-i:[A-Z0-9])[\w'-]*|of|for|in|on|and|with|the|to|a|an|versus|vs\.?)){1,10}?\s+"
    r"\((?-i:[A-Z][A-Z0-9-]{2,})\)", re.I)


def named_in_words(sentence: str, start: int, end: int) -> bool:
    """Whether the term at sentence[start:end] opens a trial's name, capitalised and ended by its acronym."""
    return sentence[start].isupper() and _NAME_WITH_ACRONYM_AFTER.match(sentence, end) is not None
