"""The topical headings of ACTG-style exclusion criteria, and when a criterion under two of them is stated twice.

Old ACTG records list their exclusions in blocks under topical headings ("Co-existing Condition:", "Concurrent
Medication:", "Excluded:", "Patients with the following are excluded:", "Prior Medication:", "Risk Behavior:"),
and often copy a whole block of conditions under a second heading. A criterion in two such blocks is stated twice
when both exclude it at the same time: what a patient has or takes now ("Co-existing Condition", "Concurrent
Medication", "Patients with the following are excluded"), or had before within the same window. The same words
under "Concurrent Medication:" and under "Prior Medication: Excluded within 12 weeks prior to study entry:" are two
criteria (its use now, its use before), unless they date themselves ("History of ...").

Only the headings of `TOPICAL` are read as topics: any other heading between two items (a cohort, a part, an arm,
a disease, "Healthy volunteers:") or a paragraph that is no heading keeps them apart, as in any other list.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

NOW, BEFORE = "now", "before"
_WHO = r"(?:patients|subjects|volunteers|participants)"
_WHAT = r"(?:symptoms?|conditions?)(?:\s+(?:or|and)\s+(?:symptoms?|conditions?))?"
# Each entry: (what the heading says, when what it lists is excluded, pattern of the heading without its colon).
# None: the heading says no time, and takes the time of the heading above it.
TOPICAL = tuple((name, when, re.compile(pattern, re.I)) for name, when, pattern in (
    ("co-existing condition", NOW, r"co-?existing\s+conditions?"),
    ("risk behavior", NOW, r"risk\s+behaviou?rs?"),
    ("concurrent medication", NOW, r"concurrent\s+(?:medications?|treatments?|therap(?:y|ies))"
                                   r"(?:\s*/\s*(?:medications?|treatments?))?"),
    ("prior medication", BEFORE, r"prior\s+(?:medications?|treatments?|therap(?:y|ies))"
                                 r"(?:\s*/\s*(?:medications?|treatments?))?"),
    ("conditions excluded", NOW, rf"(?:{_WHO}\s+with\s+)?(?:any\s+of\s+)?the\s+(?:following\s+)?(?:{_WHAT}\s+)?"
                                 r"(?:are|will\s+be)\s+excluded"),
    ("prior conditions excluded", BEFORE, rf"{_WHO}\s+(?:with\s+(?:any\s+of\s+)?the\s+(?:following\s+)?prior\s+"
                                          rf"conditions?\s+(?:are|will\s+be)\s+excluded"
                                          rf"|may\s+not\s+have\s+the\s+following\s+prior\s+conditions?)"),
    ("excluded within", BEFORE, r"excluded\s+within\s+[^:]{1,40}"),
    ("excluded as ongoing", NOW, r"excluded\s+as\s+ongoing\b[^:]{0,80}"),
    ("excluded", None, r"excluded"),
))
# A heading line: an optional list mark, then one or two topical headings, each ending in a colon ("Prior
# Medication: Excluded:"), the ASCII one or the full-width one of Chinese, Japanese and Korean text ("："), read alike.
_AS_ASCII_COLON = str.maketrans("\uff1a", ":")
_COLONS = (":", "\uff1a")
_MARK = re.compile(r"^[ \t]*(?:[-*•][ \t]*|\(?\d{1,2}[ \t]?(?:\\?\.|\))[ \t]*)")
# What opens a criteria heading line before "inclusion criteria" or "exclusion criteria" (case aside): a bullet or
# a section's letter or Roman numeral ("A. Inclusion Criteria", "II. EXCLUSION CRITERIA", "Ⅱ. Exclusion criteria"),
# markdown's bold marks ("**Inclusion Criteria:**", "* __Exclusion Criteria__"), then at most three words
# that qualify the list ("Key", "Selected", "General", "Other", "Primary Study", "Substudy", "Disease-specific",
# "Maintenance Phase", "Part 1 additional", "Healthy Volunteer"), a group's word with its letter or number. A criterion
# that names the criteria opens with other words ("Meets all inclusion criteria", "Failure to meet the inclusion
# criteria").
_QUALIFIER = (
    r"(?:key|main|principal|major|selected|general|specific|additional|other|further|primary|secondary|common|study|"
    r"sub-?study|disease[ \t-]specific|maintenance|extension|screening|randomi[sz]ation|treatment|escalation|expansion|"
    r"dose[ \t-](?:escalation|expansion)|healthy|volunteers?|patients?|participants?|subjects?|"
    r"(?:part|cohort|arm|group|phase|period|stage|module)(?:[ \t]+(?:[a-z]|\d{1,2}[a-z]?|[ivx]{1,4})\b)?)"
)
HEADING_OPENING = (rf"(?:[-*•][ \t]*|(?-i:[A-H]|[IVX]{{1,4}}|[\u2160-\u216b])[.)][ \t]+)?(?:\*\*|__)?"
                   rf"(?:{_QUALIFIER}[ \t]+){{0,3}}?")
# The words that may qualify a heading that stands inside a line ("... complications. Key Exclusion Criteria: ...").
HEADING_QUALIFIER = _QUALIFIER
_CRITERIA_HEADING = re.compile(
    rf"^[ \t]*{HEADING_OPENING}(?:(?:non[ \t-]?)?(?:inclusion|exclusion)[ \t]+criteria(?![^\W_])"
    r"|criteria[ \t]+for[ \t]+(?:inclusion|exclusion)(?![^\W_]))", re.I)
# A criterion that dates itself: the same under a heading of now and one of before.
_SELF_DATED = re.compile(r"[^A-Za-z]*(?:a\s+)?(?:(?:known\s+)?history\s+of|known|prior|previous(?:ly)?)\b", re.I)


class Unit(NamedTuple):
    """A run of non-blank lines, or a list item with its wrapped lines: its span, whether a list mark opens it."""

    start: int
    end: int
    listed: bool


def units(text: str, start: int, end: int) -> list[Unit]:
    """The units of text[start:end]: a blank line ends one, and a line opened by a list mark starts one."""
    found: list[Unit] = []
    at, open_start, open_listed, last_end = start, None, False, start
    while at < end:
        line_end = text.find("\n", at, end)
        line_end = end if line_end < 0 else line_end
        line = text[at:line_end]
        if not line.strip():
            if open_start is not None:
                found.append(Unit(open_start, last_end, open_listed))
                open_start = None
        else:
            mark = _MARK.match(line)
            listed = mark is not None and bool(line[mark.end():].strip())
            if open_start is not None and listed:
                found.append(Unit(open_start, last_end, open_listed))
                open_start = None
            if open_start is None:
                open_start, open_listed = at, listed
            last_end = line_end
        at = line_end + 1
    if open_start is not None:
        found.append(Unit(open_start, last_end, open_listed))
    return found


def _body(line: str) -> str:
    """A line without its list mark and surrounding white space."""
    mark = _MARK.match(line)
    return line[mark.end() if mark else 0:].strip()


def topics(heading: str) -> list[tuple[str, str | None]] | None:
    """(name, when) of each topical heading of a heading line ("Prior Medication: Excluded:"), or None when the
    line is no topical heading (a cohort's, a criterion's, a sentence)."""
    body = _body(heading).translate(_AS_ASCII_COLON)
    if not body.endswith(":") or "\n" in body:
        return None
    parts = [part.strip() for part in body[:-1].split(":")]
    found = []
    for part in parts:
        entry = next(((name, when) for name, when, pattern in TOPICAL if pattern.fullmatch(part)), None)
        if entry is None:
            return None
        found.append(entry)
    return found


class Block(NamedTuple):
    """The topical headings a criterion stands under: their text, when what they list is excluded, its window."""

    headings: str
    when: str | None
    window: str | None


def _line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _words(text: str) -> str:
    return " ".join(text.split())


# How many units a criterion is read back past one by one before the rest of a long list is passed over at once.
LONG_LIST = 30


@lru_cache(maxsize=4)
def _text_units(text: str) -> tuple[list[Unit], list[int]]:
    """The units of the whole text and where each starts: read once for every criterion asked about."""
    found = units(text, 0, len(text))
    return found, [unit.start for unit in found]


@lru_cache(maxsize=4)
def _stops(text: str) -> list[int]:
    """For each of the text's units, the nearest unit at or before it that a reading back stops at or takes in: a
    heading (a section's or a topical one) or a paragraph; -1 where only list items stand before. Read once, so
    that criteria asked about one by one are not each read back past every item of a long list."""
    found, last, stops = _text_units(text)[0], -1, []
    for unit in found:
        piece = text[unit.start:unit.end]
        if not unit.listed or _CRITERIA_HEADING.match(piece) or topics(piece) is not None:
            last = len(stops)
        stops.append(last)
    return stops


def block_of(text: str, at: int) -> Block | None:
    """The topical headings above the criterion that starts at offset `at`, read back past the items of its list;
    None when a paragraph, another heading or the section's heading comes first."""
    above: list[tuple[str, list[tuple[str, str | None]]]] = []
    # The units before the criterion's line (`units(text, 0, end)`, read from the last): the one that runs on past
    # it is cut at the line break before it (its lines up to there are not blank).
    end = _line_start(text, at)
    found, starts = _text_units(text)
    i = bisect_left(starts, end) - 1
    items_read = 0
    while i >= 0:
        unit = found[i]
        if unit.end >= end:
            unit = Unit(unit.start, end - 1, unit.listed)
        elif not above and items_read > LONG_LIST and _stops(text)[i] < i:
            i = _stops(text)[i]  # a long list with no heading read yet: passed over to the unit that stops the reading
            continue
        items_read += 1
        piece = text[unit.start:unit.end]
        if _CRITERIA_HEADING.match(piece):
            break
        found_topics = topics(piece)
        if found_topics is not None:
            above.insert(0, (piece, found_topics))
        elif above:
            break
        elif not unit.listed:
            return None
        i -= 1
    times = [when for _, found in above for _, when in found if when is not None]
    if not times:
        return None
    windows = [_words(_body(piece)).lower() for piece, found in above
               if any(name == "excluded within" for name, _ in found)]
    return Block(" ".join(_words(piece) for piece, _ in above), BEFORE if BEFORE in times else NOW,
                 windows[-1] if windows else None)


def _only_topics_between(text: str, start: int, end: int) -> bool:
    """Whether only items and topical headings stand after the lines of the item at offset `start` and before
    `end`: no section heading, no paragraph, and no other heading, but a list item ending in a colon that stands
    in both copies of a block ("-  Rash:")."""
    words = None
    for unit in units(text, _line_start(text, start), end):
        if unit.start <= start:
            continue  # the first item's own lines, which a heading-like line of its own may have cut short
        piece = text[unit.start:unit.end]
        if _CRITERIA_HEADING.match(piece):
            return False
        if topics(piece) is not None:
            continue
        if not unit.listed:
            return False
        if piece.rstrip().endswith(_COLONS):
            words = _words(text) if words is None else words
            if words.count(_words(piece)) < 2:
                return False
    return True


def stated_twice_across_headings(text: str, first_start: int, first_end: int, repeat_start: int) -> bool:
    """Whether a criterion (the words of text[first_start:first_end]) and its repeat at `repeat_start`, with
    headings between them, stand under topical headings that exclude it at the same time."""
    first, repeat = block_of(text, first_start), block_of(text, repeat_start)
    if first is None or repeat is None:
        return False
    if not _only_topics_between(text, first_start, _line_start(text, repeat_start)):
        return False
    if first.when == repeat.when:
        return first.window == repeat.window
    dated = _SELF_DATED.match(text, first_start, first_end)
    return first.window is None and repeat.window is None and dated is not None


# Who a list line may name as the people whose criteria follow ("* Caregivers", "* Sibling donors", "**Patients**",
# "* Recipients (n = 20)"), with the words that may stand before them ("For caregivers", "Family caregivers").
_PEOPLE = (r"(?:patients?|participants?|subjects?|care-?givers?|carers?|donors?|recipients?|parents?|guardians?|"
           r"mothers?|fathers?|partners?|spouses?|siblings?|relatives?|dyads?|household[ \t]+contacts?|"
           r"(?:index[ \t]+)?cases?|teachers?|students?|clinicians?|physicians?|nurses?|(?:health[ \t-]?care[ \t]+)?"
           r"providers?|staff(?:[ \t]+members?)?|family[ \t]+members?|wom[ae]n|m[ae]n|females|males|adults?|"
           r"adolescents?|child(?:ren)?|infants?|neonates?|new-?borns?|bab(?:y|ies))")
_PEOPLE_BEFORE = (r"(?:for|all|the|family|informal|primary|sibling|related|unrelated|living|index|patient|parent|"
                  r"household|participating|study|pregnant|pre-?menopausal|post-?menopausal|paediatric|pediatric|"
                  r"adult|older)")
_OPENING = r"[ \t]*(?:[-*•][ \t]*)?(?:\*\*|__)?[ \t]*"
_CLOSING = r"[ \t]*(?:\*\*|__)?[ \t]*[:\uff1a]?[ \t]*(?:\*\*|__)?[ \t]*"
_PEOPLE_LINE = re.compile(rf"{_OPENING}(?:{_PEOPLE_BEFORE}[ \t]+){{0,2}}{_PEOPLE}(?:[ \t]*\([^)\n]{{1,40}}\))?"
                          rf"(?:[ \t]+only)?{_CLOSING}", re.I)
# A step or a period of the study whose criteria follow: the registration steps of cooperative-group records ("* STEP
# 1 REGISTRATION", "* STEP 2: RANDOMIZATION", "* PRE-REGISTRATION ELIGIBILITY CRITERIA", "* REGISTRATION TO STEP 2"),
# a retreatment, an extension or a crossover, a cohort named by its purpose ("* Expansion cohort only").
# A time of the study's checks ("* Prior to Day 1", "* At screening", "* Visit 2") too, and a sub-study ("* Main
# Study", "* Optional Biopsy Sub-study").
_OCCASION = (r"(?:step[ \t]*\d{1,2}[a-z]?|(?:pre-?|re-?)?registration|randomi[sz]ation|re-?treatment|extension|"
             r"cross-?over|roll-?over|continuation|re-?enrol?ment|maintenance|induction|consolidation|expansion|"
             r"escalation|(?:pre-?|re-?)?screening|baseline|day[ \t]*-?\d{1,3}|visit[ \t]*\d{1,2}|sub-?stud(?:y|ies)|"
             r"(?:main|core|parent)[ \t]+study)")
_OCCASION_WORD = (rf"(?:{_OCCASION}|to|for|the|of|dose|eligibility|inclusion|exclusion|criteria|cohorts?|phase|part|"
                  r"period|portion|study|only|prior|before|at|after|optional|additional|biopsy|pk|pharmacokinetic|"
                  r"imaging|genetic|\([^)\n]{1,40}\))")
_OCCASION_LINE = re.compile(
    rf"{_OPENING}(?=[^\n]*?\b{_OCCASION})(?:{_OCCASION_WORD}[ \t:\uff1a\-\u2013]*){{1,6}}{_CLOSING}", re.I)
# The places whose participants' criteria follow ("* Japan only", "* Country-specific (France)", "* For participants
# in Germany", "* Site B"), and a numbered population or indication ("* Population 2", "* Indication 1: NSCLC").
_PLACE_LINE = re.compile(
    rf"{_OPENING}(?:(?i:for[ \t]+(?:participants|patients|subjects|sites)[ \t]+in[ \t]+(?:the[ \t]+)?)"
    r"[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){0,2}(?:[ \t]+only)?|[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){0,2}[ \t]+only"
    r"|(?i:country[ \t-]specific)(?:[ \t]*\([^)\n]{1,40}\))?"
    r"|(?i:site|population|indication)[ \t]+(?:[A-Z]{1,2}|\d{1,2}[a-z]?|[IVX]{1,4})\b"
    r"(?:[ \t]*[:\-\u2013][^\n]{0,60})?)"
    rf"{_CLOSING}")
# What a criteria heading may name as another list's occasion or people ("Inclusion Criteria for Stage 2",
# "Exclusion Criteria for Caregivers"; not "... for all patients", every list's people).
_NAMES_OCCASION = re.compile(rf"\b(?:{_OCCASION}|stage[ \t]*(?:\d{{1,2}}|[ivx]{{1,4}})\b|(?<!all ){_PEOPLE})", re.I)
# A line longer than this names no list: it is a criterion.
LABEL_LENGTH = 100


def names_another_list(line: str) -> bool:
    """Whether a line between two criteria alike names another list for them to stand in: only the people whose
    criteria follow ("* Caregivers", "**Donors**") or a step or period of the study ("* STEP 2 RANDOMIZATION",
    "* Expansion cohort only"), or a criteria heading that names either ("Inclusion Criteria for Retreatment",
    "Randomization Inclusion Criteria", "Inclusion Criteria (Step 2)"). The same criterion in two such lists is
    stated once for each: the patients and their carers, each step's check of eligibility."""
    words = line.strip(" \t-*•_")
    if len(line) > LABEL_LENGTH or not words[:1].isupper():
        return False  # a wrapped criterion's last line ("     patients") opens in lower case
    if _PEOPLE_LINE.fullmatch(line) or _OCCASION_LINE.fullmatch(line) or _PLACE_LINE.fullmatch(line):
        return True
    return _CRITERIA_HEADING.match(line) is not None and _NAMES_OCCASION.search(line) is not None
