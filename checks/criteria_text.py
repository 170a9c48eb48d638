"""Read eligibility criteria text: sections, numbered items; find numbering gaps and repeated items.

Criteria come as markdown ("* 1\\. Diagnosis"), hard-wrapped legacy text, or page text where
several numbered items share a line ("...Friction Rub 6.Age >= 18 years 7.If female...").
A number that opens an item always counts; a number inside a line counts only when it
continues an open list (5 -> 6), so "at least 3. Patients" inside a sentence is not item 3, or
when it skips one or two numbers of a list run in on its line in the way a criterion opens
("2. ECOG 0-1 4. Adequate organ function", not "grade 2. Prior therapy" nor "7. 5 mg/kg").
Lists nest ("5. one of the following: 1)... 4)... 6.Age"), so open lists form a stack.
A heading opens a section on a line of its own, or inside a line where one-line and flattened
criteria carry it ("Inclusion Criteria: Adults aged 18-65; ... Exclusion Criteria: Type 1 diabetes; ...").
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import accumulate, chain
from operator import itemgetter
from typing import Iterator, NamedTuple

from checks.criteria_headings import HEADING_OPENING, HEADING_QUALIFIER, stated_twice_across_headings
from checks.criteria_repeat_screen import may_repeat, short_lines_may_repeat, word_bytes

# A heading line: its mark and qualifiers (checks.criteria_headings), then "inclusion" or "exclusion" ("non-inclusion"
# is exclusion, as French records say it) and "criteria", or "Criteria for inclusion" (an underscore after it is a
# bold mark: "__Exclusion Criteria__").
_HEADING = re.compile(
    rf"^[ \t]*{HEADING_OPENING}(?:(non[ \t-]?)?(inclusion|exclusion)[ \t]+criteria|criteria[ \t]+for[ \t]+"
    r"(inclusion|exclusion))(?![^\W_])[^\n]{0,60}$",
    re.I | re.M,
)
# A heading that stands inside a line, before its first criterion (`_inline_headings`): the heading's words (as
# `_HEADING`'s, the same groups), then what ends a heading there: a colon, also after "include" or "are as follows"
# ("Exclusion criteria include: ..."), a full stop before a capital or a list mark ("Study Exclusion Criteria. History
# of ..."), a dash ("EXCLUSION CRITERIA - Patients with ..."), or a list mark after ("Exclusion Criteria • ...").
# A sentence that names the criteria goes on otherwise ("Further exclusion criteria apply.", "exclusion criteria 3.2",
# "exclusion criteria are present:", "Exclusion criteria for part B:").
_HEADING_WORDS = (r"(?:(non[ \t-]?)?(inclusion|exclusion)[ \t]+criteria|criteria[ \t]+for[ \t]+(inclusion|exclusion))"
                  r"(?![^\W_])")
_INLINE_END = (r"(?:[ \t]*(?:\*\*|__))?"
               r"(?:[ \t]*[:\uff1a]|[ \t]+(?:includes?|are(?:[ \t]+as[ \t]+follows)?)[ \t]*[:\uff1a]"
               r"|\.(?=[ \t]*(?:(?-i:[A-Z])|[-*\u2022]|\(?\d{1,2}[.)]))"
               r"|[ \t]+[-\u2013\u2014](?=[ \t])"
               r"|(?=[ \t]*[*\u2022]))")
# The heading at the start of a line that goes on with its first criterion ("Inclusion Criteria: Adults aged 18-65;
# HbA1c ..."), too long for `_HEADING`; and one inside a line, from its first (capitalised) word: at most three words
# that qualify it ("Key", "Study"), then its words.
_LINE_HEADING = re.compile(rf"[ \t]*{HEADING_OPENING}{_HEADING_WORDS}{_INLINE_END}", re.I)
_MID_HEADING = re.compile(rf"(?:{HEADING_QUALIFIER}[ \t]+){{0,3}}?{_HEADING_WORDS}{_INLINE_END}", re.I)
# What may follow "criteria" where a heading that stands inline ends (`_INLINE_END`) or goes on ("Criteria for
# inclusion"): only there are a line's inline headings looked for.
_MAY_END_HEADING = re.compile(r"[ \t]*(?:[:\uff1a.\-\u2013\u2014*\u2022_]|(?i:includes?|are|for)\b)")
# The words of a heading, in any case, where `_inline_headings` looks for one.
_HEADING_WORDS_ANY_CASE = re.compile(
    r"(?:non[ \t-]?)?(?:in|ex)clusion[ \t]+criteria|criteria[ \t]+for[ \t]+(?:in|ex)clusion", re.I)
# How far before a heading's words its qualifiers may start; a capital that opens a word (where one may start).
QUALIFIER_REACH = 60
_CAPITAL = re.compile(r"(?<!\w)[A-Z]")
# What ends a criterion before a heading inside its line: a sentence's end, a bracket, a colon, a list mark.
_ITEM_END = ".;!?)]:*\u2022\uff1a\u3002"
# The last word of a sentence that goes on into the words of a heading: they name the criteria ("meet the following
# Inclusion Criteria:", "as per Exclusion Criteria: ...").
_LAST_WORD = re.compile(r"(?<!\w)\w+$")
WORD_REACH = 40
_GOES_ON = frozenset((
    "a", "an", "the", "this", "these", "those", "following", "all", "any", "each", "either", "neither", "no", "none",
    "of", "per", "to", "for", "in", "on", "under", "by", "with", "without", "from", "and", "or", "nor", "as", "than",
    "that", "which", "is", "are", "be", "been", "not", "see", "meet", "meets", "met", "meeting", "fulfil", "fulfils",
    "fulfill", "fulfills", "fulfilled", "fulfilling", "satisfy", "satisfies", "satisfied", "satisfying", "listed",
    "our", "their", "his", "her", "its", "same", "both", "remaining", "specified", "defined", "protocol"))
# A list mark after a heading (its first criterion's).
_MARK_AFTER = re.compile(r"[ \t]*(?:[-*\u2022]|\(?\d{1,2}[.)])")
# The colon that ends a heading or a group's label: the ASCII one, or the full-width one of Chinese, Japanese and
# Korean text ("入选标准：", "Cohort A："), which the same records' lines end in as others end in ":".
COLONS = (":", "\uff1a")
_COLON = re.compile("[:\uff1a]")
# A list number opening a line: "3.", "3)", "(3)", "3\\." (markdown), or with the full-width point or bracket or the
# ideographic full stop of Chinese, Japanese and Korean text ("3．", "（3）", "3）", "3。").
_FULL_WIDTH_MARKS = "．。）"
_LINE_NUMBER = rf"[(（]?(\d{{1,2}})[ \t]?(?:\\?\.|[){_FULL_WIDTH_MARKS}])(?!\d)"
_LINE_MARKER = re.compile(rf"^[ \t]*(?:[-*•][ \t]*)?{_LINE_NUMBER}", re.M)
# The same after a line break: a search for a line break is fast, trying `^` at every character is not.
_NEXT_LINE_MARKER = re.compile(rf"\n[ \t]*(?:[-*•][ \t]*)?{_LINE_NUMBER}")
# The same at the start of a section inside a line, after a heading that stands there ("Inclusion Criteria: 1. Age").
_SECTION_NUMBER = re.compile(rf"[ \t]*(?:[-*•][ \t]*)?{_LINE_NUMBER}")
# A number in brackets at the end of a hard-wrapped line, its criterion on the next ("... testosterone (2)\nAt least
# 2 weeks since ...", NCT00003394). (A bare "2)" or "2." there more often ends a sentence: "grade 0 to 2.") Never
# before a line that opens with what opens a heading: a section's list numbers are read within its bounds.
_NEXT_LINE_TEXT = (r"(?=[ \t]*\n(?![ \t]*(?:[-*•][ \t]*)?(?:(?i:key|main)[ \t]+)?(?i:inclusion|exclusion)[ \t]+"
                   r"(?i:criteria)\b)[ \t]*[A-Za-z(\[])")
_WRAPPED_AFTER = rf"(?<=\(\d\)){_NEXT_LINE_TEXT}|(?<=\(\d\d\)){_NEXT_LINE_TEXT}"
# A number after white space or ;,( (the digit is matched first, so the search skips to digits).
_INLINE_MARKER = re.compile(r"(\d(?<=[\s;,(]\d)\d?)(?:\\?\.|\))(?:(?=[ \t]*[A-Za-z(\[]|[ \t]+\d)|"
                            + _WRAPPED_AFTER + ")")
# The same matches found from their point or bracket: a search for one character is fast, trying a
# digit test at every character is not. At most one look-behind holds at a point (the character two
# before a one-digit number is its digit's neighbour in a two-digit one), and its group is the number.
_AFTER_INLINE = r"(?=[ \t]*[A-Za-z(\[]|[ \t]+\d)"
_INLINE_POINT = re.compile(r"\.(?:(?<=[\s;,(](\d)\.)|(?<=[\s;,(](\d\d)\.)|(?<=[\s;,(](\d)\\\.)|(?<=[\s;,(](\d\d)\\\.))"
                           + _AFTER_INLINE)
_INLINE_BRACKET = re.compile(r"\)(?:(?<=[\s;,(](\d)\))|(?<=[\s;,(](\d\d)\)))(?:"
                             + _AFTER_INLINE + "|" + _WRAPPED_AFTER + ")")
# The same, but for the numbers right after a line break, which are lines' numbers (`_NEXT_LINE_MARKER` finds each of
# them): what is left to look for inside lines.
_IN_LINE = r"(?:[^\S\n]|[;,(])"
_IN_LINE_POINT = re.compile(rf"\.(?:(?<={_IN_LINE}(\d)\.)|(?<={_IN_LINE}(\d\d)\.)|(?<={_IN_LINE}(\d)\\\.)|"
                            rf"(?<={_IN_LINE}(\d\d)\\\.))" + _AFTER_INLINE)
_IN_LINE_BRACKET = re.compile(rf"\)(?:(?<={_IN_LINE}(\d)\))|(?<={_IN_LINE}(\d\d)\)))(?:"
                              + _AFTER_INLINE + "|" + _WRAPPED_AFTER + ")")
_HEADING_NUMBER = re.compile(r"[:\uff1a\s](\d{1,2})\\?[.)]\s*$")
# The first item written on the heading line itself ("Exclusion Criteria: 1. Pregnancy", "Inclusion criteria: (1) Age"):
# the list of the lines below goes on from it.
_HEADING_FIRST_ITEM = re.compile(r"criteria\b[ \t]*(?:[:\uff1a.\-\u2013][ \t]*)?\(?(\d{1,2})[ \t]?(?:\\?\.|\))(?!\d)",
                                 re.I)
# A line that opens with a bullet or a list number (not a bold line, "**Part B**").
_LIST_LINE = re.compile(rf"[ \t]*(?:[-•]|\*(?!\*)|[(（]?\d{{1,2}}[ \t]?(?:\\?\.|[){_FULL_WIDTH_MARKS}]))")
# A line's list number and how it is written ("3.", "(3)", "3)", or full-width: "3．" as "3.", "（3）" as "(3)"): a
# parent item above criteria marked otherwise (bulleted, or numbered "1)" under "1."), as lists are written flat.
_NUMBERED_LINE = re.compile(rf"[ \t]*(?:[-*•][ \t]*)?([(（]?)\d{{1,2}}[ \t]?(\\?\.(?!\d)|[){_FULL_WIDTH_MARKS}])")
# A line that only names a group of participants, with or without a list mark or a colon: a cohort's, a part's or
# an arm's letter or number ("Cohort B", "* Part A (dose escalation)", "Group 2 - adolescents"), a sex or an age
# group ("* Male participants", "* Females", "Women of childbearing potential", "* Girls", "* Children (Cohort 2)"),
# healthy volunteers, controls, a dose-escalation or dose-expansion phase, other people than the patients
# ("* Caregivers", "Sibling donors", "**Mothers**", "* Relatives", "* Clinicians", "* Nurses", "* Staff"), or a label
# in brackets ("\\[Expansion Part\\]"). The criteria below it are that group's: the same criterion under two such
# lines is stated once for each group, and their ages and sex are theirs. (Not a step of the study, "* STEP 2
# RANDOMIZATION": the patients of each step are the same people; checks.criteria_headings reads such lines for the
# duplicate rule.)
GROUP_LABEL = re.compile(
    r"[ \t]*(?:[-*•][ \t]*|\(?\d{1,2}[ \t]?(?:\\?\.|\))[ \t]*)?[*_]*(?:"
    r"\\?\[[^\]\n]{1,60}\\?\]"
    r"|(?i:cohorts?|parts?|arms?|groups?|phases?|periods?|modules?|strat(?:um|a)|sub-?stud(?:y|ies)|segments?|panels?)"
    r"[ \t]+(?:[A-Z]{1,2}|\d{1,2}[A-Za-z]?|[IVX]{1,4})\b"
    r"(?:[ \t]*(?:\([^)\n]{1,60}\)|[-\u2013\u2014,][ \t]*[^\n.;:\uff1a]{0,60}))?"
    r"|(?i:(?:males?|females?|men|women|boys|girls|adults?|adolescents?|children|infants?|toddlers?|neonates?"
    r"|p(?:a)?ediatric"
    r"|elderly)(?:[ \t]+(?:(?:not[ \t]+)?of[ \t]+(?:non-?)?(?:child-?bearing|reproductive)[ \t]+potential"
    r"|participants?|subjects?|patients?|volunteers?))?)(?:[ \t]*\([^)\n]{1,60}\))?"
    r"|(?i:(?:healthy|normal)[ \t]+(?:volunteers?|controls?|subjects|participants|individuals|adults)"
    r"|(?:healthy[ \t]+)?controls?(?:[ \t]+group)?"
    r"|dose[ \t-](?:escalation|expansion)(?:[ \t]+(?:phase|part|cohorts?|stage|portion))?)"
    r"|(?i:(?:(?:study|family|related|unrelated|sibling|living|healthy|potential|matched|hla-?(?:matched|identical)"
    r"|haplo-?identical)[ \t]+)?(?:caregivers?|carers?|parents?(?:[ \t]*(?:/|and|or)[ \t]*(?:legal[ \t]+)?guardians?)?"
    r"|guardians?|mothers?|fathers?|partners?|spouses?|siblings?|donors?|recipients?|informants?|family[ \t]+members?"
    r"|household[ \t]+contacts?|index[ \t]+(?:cases?|patients?)|relatives?|dyads?|clinicians?|physicians?|nurses?"
    r"|teachers?|staff(?:[ \t]+members?)?|(?:health[ \t-]?care[ \t]+)?(?:providers?|workers?|professionals?)))"
    r"(?:[ \t]*\([^)\n]{1,60}\))?)"
    r"(?:[ \t]+(?i:only|patients|participants|subjects))?[*_]*[ \t]*[:\uff1a]?[*_]*[ \t]*"
)
# A group's label with its colon inside a line of page text ("... Cohort 2: 1. Age 18 ..."): its criteria follow.
# Searched for before each colon, up to `LABEL_REACH` characters back (the pattern ends at the colon).
_GROUP_LABEL_INLINE = re.compile(
    r"\b(?i:cohort|part|arm|group|phase|period|module|sub-?study)[ \t]+(?:[A-Z]{1,2}|\d{1,2}[A-Za-z]?|[IVX]{1,4})"
    r"(?:[ \t]*\([^)\n]{1,60}\))?[ \t]*[:\uff1a]\Z")
LABEL_REACH = 90
# A line longer than this is no group's label.
LABEL_WIDTH = 120
# A line that only offers another group ("OR", "- Or -", "And/or"): the criteria below it are an alternative set.
_ALTERNATIVE = re.compile(r"[ \t]*(?:[-*•][ \t]*)?(?i:or|and[ \t]*/[ \t]*or)[ \t]*[:\uff1a]?[ \t]*(?:[-*•][ \t]*)?")
_BULLET = re.compile(r"^[ \t]*[-*•][ \t]+|\n[ \t]*\n", re.M)
# A list's first item ("1.", "(1)", "1)"): a line of text right above it heads a new list ("Group B: meet any of 1 to
# 3" then "1. Diagnosed with..."), though no blank line or colon sets it apart.
_FIRST_ITEM = re.compile(rf"[ \t]*[(（]?1[ \t]?(?:\\?\.(?!\d)|[){_FULL_WIDTH_MARKS}])")
# A sub-heading ("Prior Medication:", "Cohort 2 Inclusion Criteria:") starts a new list.
_SUBHEADING = re.compile(r"^[^\n]{0,100}[:\uff1a][ \t]*$", re.M)
# Every list number is a digit before a point or a bracket ("3.", "3 )", "3\\."), in both patterns
# above: a text without one has no list number, so it has no sections worth reading.
_MAY_NUMBER = re.compile(r"\d[ \t]?\\?[.)]")
# The same matches found from their point or bracket (a search for one character is fast, trying a digit
# at every character is not): one look-behind for each way the digit may stand before it.
_MAY_NUMBER_POINT = re.compile(r"\.(?:(?<=\d\.)|(?<=\d[ \t]\.)|(?<=\d\\\.)|(?<=\d[ \t]\\\.))")
_MAY_NUMBER_BRACKET = re.compile(r"\)(?:(?<=\d\))|(?<=\d[ \t]\))|(?<=\d\\\))|(?<=\d[ \t]\\\)))")
MIN_ITEM_WORDS = 6
# A shorter criterion ("* Able to provide informed consent", "5. DSM-5 insomnia disorder patient") is compared only
# when it is a list line of its own (`_short_criterion`), and of this many words at least: "* Female", "* Adults"
# name whose criteria follow more often than they state one.
SHORT_ITEM_WORDS = 3
# How many lists stay open inside one another: criteria nest three or four deep; a text that opens a list at every
# line ("1. ... 1. ... 1. ...") keeps no more, so each number is read against a few lists, not all of them.
MAX_NESTING = 8
_PLUS_ONE = (1).__add__
# Every character that is not a-z or 0-9 (after lower-casing and ASCII encoding) separates words.
_WORD_BYTES = bytes(c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256))
# Legacy records are hard-wrapped at about 100 columns: a shorter line ends its item.
WRAP_WIDTH = 80
# How far before a gap to look for the missing number written without its point.
BARE_LOOKBACK = 300


class Section(NamedTuple):
    """Inclusion, exclusion, or the whole text when it has no headings.

    A named tuple, as `Marker`: made for every criteria text and a key of its list numbers, it is made and
    hashed faster than a frozen dataclass (no two sections of a text share a start, so none are equal)."""

    name: str
    start: int
    end: int
    opened: int = 0  # the item number its heading line holds ("Exclusion Criteria:1.", "Exclusion Criteria: 1. HIV")


class Marker(NamedTuple):
    """A list number in the text (3 in '3.', '3)', '(3)'); `opens_item` when it starts an item.

    A named tuple: a text's markers are made by the dozen for every criteria text, and a tuple is
    made ~4x faster than a frozen dataclass; markers are only read, never compared or hashed."""

    number: int
    start: int
    opens_item: bool


@dataclass(frozen=True)
class NumberingGap:
    """Numbers missing from a list: `expected` was due where `found` stands."""

    section: str
    expected: int
    found: int
    at: int


def _line_starts(text: str) -> list[int]:
    """Where each line starts: 0 and every offset after a newline."""
    starts = list(accumulate(map(_PLUS_ONE, map(len, text.split("\n"))), initial=0))
    starts.pop()  # the offset past the last line
    return starts


def sections(text: str, lowered: str | bytes | None = None) -> list[Section]:
    """The inclusion/exclusion sections of a criteria text, in order (`lowered`: text.lower(), or the
    text's `word_bytes`, if at hand). A section starts after its heading: at the end of a heading line, or right
    after a heading that stands inside a line (`_inline_headings`)."""
    heads = list(_headings(text, text.lower() if lowered is None else lowered))
    if not heads:
        return [Section("criteria", 0, len(text))]
    found = [Section("criteria", 0, heads[0].start())] if text[: heads[0].start()].strip() else []
    for i, m in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        number = _HEADING_FIRST_ITEM.search(m.group(0)) or _HEADING_NUMBER.search(m.group(0))
        found.append(Section(_heading_name(m), m.end(), end, int(number.group(1)) if number else 0))
    return found


def _heading_name(heading: re.Match) -> str:
    """The list a heading line opens: "inclusion" or "exclusion" (a non-inclusion criterion excludes)."""
    if heading.group(1):
        return "exclusion"
    return (heading.group(2) or heading.group(3)).lower()


def _headings(text: str, lowered: str | bytes) -> Iterator[re.Match]:
    """The heading lines of the text: `_HEADING` tried only on lines where the lower-cased text says "criteria"
    and "clusion" (of "inclusion", "exclusion").

    Every heading holds both in any case; lower-casing keeps them at their place unless the text
    holds a letter that lower-cases to two characters (then the lengths differ), the dotless i or
    the long s, which the pattern takes for an i and an s but lower-casing keeps (the only other it
    takes for an ASCII letter, the Kelvin sign, is in neither word). Those texts try every line.
    """
    if len(lowered) != len(text) or "\u0131" in text or "\u017f" in text:
        inline = _HEADING_WORDS_ANY_CASE.search(text) is not None
        for line_start in _line_starts(text):
            m = _HEADING.match(text, line_start)
            if m:
                yield m  # it ends its line
            elif inline:
                line_end = text.find("\n", line_start)
                yield from _inline_headings(text, line_start, len(text) if line_end < 0 else line_end)
        return
    # the text's words hold the same letters and line breaks at the same places
    needle, also, line_break = ("criteria", "clusion", "\n") if isinstance(lowered, str) else \
        (b"criteria", b"clusion", b"\n")
    tried, done, at = -1, -1, lowered.find(needle)
    line_start = line_end = 0
    while at >= 0:
        if at > done:  # `done`: the end of the last line read whole
            line_start = text.rfind("\n", 0, at) + 1
            if line_start > tried:  # a heading ends its line, so no later line start is passed over
                tried = line_start
                line_end = lowered.find(line_break, at)
                line_end = len(lowered) if line_end < 0 else line_end
                if lowered.find(also, line_start, line_end) < 0:
                    done = line_end  # no heading's words on the line
                else:
                    m = _HEADING.match(text, line_start)
                    if m is not None:
                        done = line_end
                        yield m
            if at > done and _MAY_END_HEADING.match(text, at + 8):
                yield from _inline_headings(text, line_start, line_end)  # the line's every heading, found at once
                done = line_end
        at = lowered.find(needle, at + 8)


def _inline_headings(text: str, start: int, end: int) -> Iterator[re.Match]:
    """The headings that stand inside the line text[start:end], which is no heading line (`_HEADING`): at its start
    before the first criterion ("Inclusion Criteria: Adults aged 18-65; HbA1c 7-10%; ..."), or after a criterion that
    ends on the line (`_ends_criterion`: "... complications. Exclusion Criteria: - Child ...", "... Board (MAB)
    Exclusion Criteria:\u2022 Patient ...", "- Diagnosis of autism Exclusion Criteria: - Diagnosis of ..."), as
    flattened and one-line criteria write them; each is a match of the same groups as `_HEADING`'s."""
    found_end = start
    for words in _HEADING_WORDS_ANY_CASE.finditer(text, start, end):
        if words.start() < found_end:
            continue
        heading = _LINE_HEADING.match(text, start, end) if found_end == start else None
        if heading is None or heading.end() <= words.start():
            heading = _mid_heading(text, start, end, words.start())
        if heading is not None:
            found_end = heading.end()
            yield heading


def _mid_heading(text: str, line_start: int, end: int, at: int) -> re.Match | None:
    """The heading whose words start at `at` inside a line (from `line_start` to `end`), opened by a capital: with
    the words that qualify it before them, or alone, after the end of a criterion. Read from its first word: a
    sentence that goes on into its qualifier ("meet the General Exclusion Criteria:") goes on into the rest."""
    for capital in _CAPITAL.finditer(text, max(line_start, at - QUALIFIER_REACH), at + 1):
        heading = _MID_HEADING.match(text, capital.start(), end)
        if heading is not None and heading.end() > at:
            return heading if _ends_criterion(text, line_start, heading) else None
    return None


def _ends_criterion(text: str, line_start: int, heading: re.Match) -> bool:
    """Whether a criterion ends before the heading inside its line: the line's text before it ends with a sentence's
    end, a bracket, a colon or a list mark; or, in a flattened list, with a criterion's last word, when the heading
    is capitalised ("Exclusion Criteria", "EXCLUSION CRITERIA") and a colon or a list mark ends it. Not a sentence
    that goes on into it ("meet the following Inclusion Criteria:", "Inclusion/Exclusion Criteria:")."""
    before = text[line_start:heading.start()].rstrip(" \t")
    if not before:
        return True
    if before[-1] in _ITEM_END or before[-1] == "-" and before[-2:-1].isspace():
        return True
    if not before[-1].isalnum():
        return False  # a comma, a slash, an opening bracket: the sentence goes on
    last = _LAST_WORD.search(before, max(0, len(before) - WORD_REACH))  # None: a word longer than any of `_GOES_ON`
    named = heading.start(2) if heading.start(2) >= 0 else heading.start(3)
    return (last is None or last.group(0).lower() not in _GOES_ON) and text[named].isupper() and \
        (text.endswith(COLONS, heading.start(), heading.end()) or _MARK_AFTER.match(text, heading.end()) is not None)


# A reading keeps its list numbers as plain tuples (number, start, opens_item) and makes them `Marker`s when asked: a
# reading is kept for every criteria text of a run's scope (in a StudyText's memo), and Python's collector stops
# watching a plain tuple of numbers, never a named tuple, so a scope's many list numbers do not lengthen each of its
# full collections. The numbers, their order and their fields are the same either way (`text_sections` keeps the
# sections of a text without a reading alike).
_AS_MARKER = partial(tuple.__new__, Marker)
_AS_SECTION = partial(tuple.__new__, Section)
_START = itemgetter(1)  # where a list number, kept as (number, start, opens_item), stands


class Reading:
    """A criteria text and what is read from it once for every question asked of it: its sections
    and the list numbers of each (the gap and the repeat rules both need them)."""

    __slots__ = ("text", "_lowered", "_words", "sections", "_rows", "_bounds", "_in_line", "numbered")

    def __init__(self, text: str) -> None:
        self.text = text
        self._lowered: str | None = None
        self._words: bytes | None | bool = False  # not read yet
        # The text's headings are found in its words, which hold "criteria" where its lower case does: the text
        # is not lower-cased at all, unless lower-casing changes its length (then it has no words).
        words = self.words
        self.sections = sections(text, words if words is not None else self.lowered)
        # Every section's list numbers, (number, start, opens_item) in order, and where each section's stand among
        # them (keyed by the section's fields); read when first asked for.
        self._rows: tuple[tuple[int, int, bool], ...] | None = None
        self._bounds: dict[tuple, tuple[int, int]] = {}
        self._in_line: tuple[int, ...] = ()
        self.numbered = False  # whether the text was found to hold a list number (`_numbered_reading`)

    @property
    def lowered(self) -> str:
        """text.lower(), made when first asked for."""
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered

    @property
    def words(self) -> bytes | None:
        """`criteria_repeat_screen.word_bytes` of the text: its words at its offsets (None: lower-casing
        changes its length), read once for the screen and the items' keys."""
        if self._words is False:
            self._words = word_bytes(self.text, self._lowered)
        return self._words

    def candidates(self, section: Section) -> list[Marker]:
        """The list numbers in one section, in order."""
        rows, bounds = self._by_section()
        span = bounds.get(section)  # a section equals the tuple of its fields
        return list(map(_AS_MARKER, rows[span[0]:span[1]])) if span is not None else _candidates(self.text, section)

    def list_numbers(self) -> list[int]:
        """Where the list numbers of every section stand, in order."""
        rows, bounds = self._by_section()
        return [row[1] for low, high in bounds.values() for row in rows[low:high]]

    def numbers_inside_lines(self) -> list[int]:
        """Where the list numbers that do not open their line stand, in order: the only ones that end a run of the
        text's words other than at a line break (between a line break and a line's number stand only its indent, a
        bullet and a bracket), as the repeat screen reads them; a heading line's numbers bound no item."""
        self._by_section()
        return list(self._in_line)

    def _by_section(self) -> tuple[tuple[tuple[int, int, bool], ...], dict[tuple, tuple[int, int]]]:
        """Every section's list numbers, read in one pass over the text when first asked for: all of them in order,
        and where each section's stand among them."""
        if self._rows is None:
            in_line: list[int] = []
            rows = _candidate_rows(self.text, self.sections, in_line)
            self._in_line = tuple(in_line)
            starts = [row[1] for row in rows]
            self._bounds = {tuple(section): (bisect_left(starts, section.start), bisect_left(starts, section.end))
                            for section in self.sections}
            self._rows = tuple(rows)
        return self._rows, self._bounds


def reading(text: str, memo: dict | None = None) -> Reading:
    """The reading of a criteria text, kept in `memo` (a StudyText's) when one is given."""
    if memo is None:
        return Reading(text)
    found = memo.get(Reading)
    if found is None:
        found = memo[Reading] = Reading(text)
    return found


def text_sections(text: str, lowered: str, memo: dict | None = None) -> list[Section]:
    """The inclusion/exclusion sections of a criteria text: its reading's where another rule made one, else
    `sections(text, lowered)`, kept in `memo` (a StudyText's) under `sections`: a text without list numbers has no
    reading, and the age, sex and healthy-volunteer rules all ask for its sections. Kept as plain tuples of their
    fields (as a reading keeps its list numbers, `_AS_MARKER`)."""
    read = memo.get(Reading) if memo is not None else None
    if read is not None:
        return read.sections
    if memo is None:
        return sections(text, lowered)
    found = memo.get(sections)
    if found is None:
        found = memo[sections] = tuple(map(tuple, sections(text, lowered)))
    return list(map(_AS_SECTION, found))


# A line of 60 characters or more: the text's first, or one after a line break (found from the line break).
_FIRST_LONG_LINE = re.compile(r"[^\n]{60,}")
_NEXT_LONG_LINE = re.compile(r"\n([^\n]{60,})")


def _hard_wrapped(text: str) -> bool:
    """Whether three lines or more are long (60 characters or more, stripped) and none of those runs past 105.

    Only the lines of 60 characters or more are read (a search skips the others), without splitting the text: only
    they are copied to be stripped, and most texts end at their first line past 105 (one item on one line).
    """
    first = _FIRST_LONG_LINE.match(text)
    lines = chain((first[0],) if first is not None else (), (m[1] for m in _NEXT_LONG_LINE.finditer(text)))
    long_lines = 0
    for line in lines:
        if len(line.strip()) >= 60:
            if len(line) > 105:
                return False
            long_lines += 1
    return long_lines >= 3


def _opens_item(text: str, at: int, wrapped: bool) -> bool:
    """Whether the line at `at` starts an item rather than continuing a wrapped sentence."""
    if not wrapped:
        return True
    end = at - _trailing(text, at, " \t")
    line_end = end - _trailing(text, end, "\n")
    previous = text[text.rfind("\n", 0, line_end) + 1:line_end]
    if not previous.strip() or text.endswith("\n\n", 0, end) or _heading_line(previous):
        return True
    return previous.rstrip()[-1] in ".;:!?)]" or len(previous) < WRAP_WIDTH and not previous.rstrip().endswith(",")


def _heading_line(line: str) -> bool:
    """Whether the line is a criteria heading (`_HEADING`), tried only on a line that says "criteria" in any case
    (or holds a letter beyond ASCII, which the pattern may take for one of its letters)."""
    return ("criteria" in line.lower() or not line.isascii()) and _HEADING.fullmatch(line) is not None


def _trailing(text: str, end: int, chars: str) -> int:
    """How many of `chars` stand just before `end`."""
    start = end
    while start > 0 and text[start - 1] in chars:
        start -= 1
    return end - start


def _candidates(text: str, section: Section) -> list[Marker]:
    """The list numbers in one section, in order: a line's number, and any other number inside a line."""
    return list(map(_AS_MARKER, _candidate_rows(text, [section])))


def _candidate_rows(text: str, parts: list[Section],
                    in_line: list[int] | None = None) -> list[tuple[int, int, bool]]:
    """The list numbers of the sections (in order, sections not overlapping; each as (number, start, opens_item), a
    `Marker`'s fields), found in one pass over the text; `in_line`, when given, gets where the numbers inside lines
    of the sections stand, in order (not those of a heading's line, "Inclusion criteria: 1. Age", which bound no
    item).

    No list number reaches across a section's bounds (a section starts at the end of a heading line, after a
    heading that stands inline, or at 0, and ends at the start of a line, at an inline heading or at the end), so the
    text's numbers inside a section's bounds are the numbers of the section read alone.
    """
    first = _LINE_MARKER.match(text)
    next_lines = list(_NEXT_LINE_MARKER.finditer(text))
    # the number that opens a section inside a line, after a heading that stands there, as a line's number opens it
    heads = [(m, part.start) for part in parts if 0 < part.start < len(text) and text[part.start - 1] != "\n"
             for m in (_SECTION_NUMBER.match(text, part.start),) if m]
    # whether a line's number opens an item is read from the lines above it only in a hard-wrapped text (read only
    # when a line opens with a number)
    wrapped = (first is not None or bool(next_lines) or bool(heads)) and _hard_wrapped(text)
    if wrapped:
        found = [(int(m[1]), m.start(1), _opens_item(text, m.start() + 1, True)) for m in next_lines]
    else:
        found = [(int(m[1]), m.start(1), True) for m in next_lines]
    if first:
        found.insert(0, (int(first[1]), first.start(1), not wrapped or _opens_item(text, 0, True)))
    if heads:
        found.extend((int(m[1]), m.start(1), not wrapped or _opens_item(text, at, True)) for m, at in heads)
        found.sort(key=_START)
    lines = len(found)
    inside_lines = [(int(m[m.lastindex]), m.start(m.lastindex), False)  # as _INLINE_MARKER's
                    for m in chain(_IN_LINE_POINT.finditer(text), _IN_LINE_BRACKET.finditer(text))]
    if inside_lines:
        taken = {row[1] for row in found}  # a line's number that the in-line patterns find too is the line's
        taken.update(_numbers_ending(text, parts))
        found.extend(row for row in inside_lines if row[1] not in taken)
    if len(found) > lines:
        if in_line is not None:
            inside = sorted(row[1] for row in found[lines:])
            for section in parts:
                in_line.extend(inside[bisect_left(inside, section.start):bisect_left(inside, section.end)])
        found.sort(key=_START)
    starts = [row[1] for row in found]
    return [row for section in parts
            for row in found[bisect_left(starts, section.start):bisect_left(starts, section.end)]]


# A number and its point or bracket that end a section inside a line, before the heading that stands there.
_NUMBER_ENDING = re.compile(r"(?<!\d)\d{1,2}\\?[.)][ \t]*\Z")


def _numbers_ending(text: str, parts: list[Section]) -> set[int]:
    """Where the numbers stand that end a section inside a line, right before a heading that stands there ("... 2.
    Consent 3. Exclusion Criteria: ..."): the heading's; no criterion follows them in their section read alone."""
    found = set()
    for part in parts:
        if 0 < part.end < len(text) and text[part.end - 1] != "\n":
            m = _NUMBER_ENDING.search(text, max(part.start, part.end - 8), part.end)
            if m is not None:
                found.add(m.start())
    return found


def _continues(runs: list[list[int]], number: int) -> bool:
    """Append `number` to the innermost open list it continues, closing lists nested after it."""
    for i in range(len(runs) - 1, -1, -1):
        if runs[i][-1] == number - 1:
            del runs[i + 1:]
            runs[i].append(number)
            return True
    return False


def _opens_list(text: str, mk: Marker) -> bool:
    if mk.number != 1:
        return False
    end = mk.start - _trailing(text, mk.start, " \t(")
    return text.endswith(COLONS + (";",), 0, end)


def walk(text: str, section: Section, carried: tuple[int, ...] = (),
         read: Reading | None = None) -> tuple[list[Marker], list[NumberingGap], tuple[int, ...]]:
    """The markers that number items of one section, the gaps between them, and the last number of each list still
    open at the section's end (outer lists first). `carried`: the lists a section before left open; this section's
    list may go on from any of them (exclusions numbered on from the inclusions' outer list or a nested one)."""
    found = read.candidates(section) if read is not None else _candidates(text, section)
    accepted, gaps, runs = [], [], []
    for i, mk in enumerate(found):
        if _continues(runs, mk.number) or (not runs and mk.number - 1 in carried):
            runs = runs or [[mk.number]]
        elif not mk.opens_item and accepted and runs and runs[-1][-1] == accepted[-1].number and \
                _skips_in_run_in(text, found, i, accepted[-1]):
            gaps.append(NumberingGap(section.name, accepted[-1].number + 1, mk.number, mk.start))
            runs[-1].append(mk.number)  # a run-in list skips a number ("... 2. ECOG 0-1 4. Adequate organ function")
        elif not (mk.opens_item or _opens_list(text, mk)) or _goes_back_full_width(text, runs, mk):
            continue
        elif mk.number <= 1 or (runs and mk.number <= runs[-1][-1]):
            runs.append([mk.number])  # a new or a nested list (or a number written twice: "2. ... 2. ...")
            if len(runs) > MAX_NESTING:
                del runs[1]  # lists nest a few deep: the outer list and the latest nested ones stay open
        elif not runs and any(m.number == mk.number - 1 for m in found[:i]):
            runs.append([mk.number])  # the list began inside a line ("...present 3. 12-lead ECG")
        elif goes_on_sentence(text, mk.start) or _bare_at_end(text, mk, section.end):
            continue  # a quantity wrapped to the start of a line ("an ECOG status of\n2. or less", "aged 18 and\n65.")
        elif accepted and _lists_values(text, accepted[-1], mk):
            runs.append([mk.number])  # a scale's values, numbered as the scale numbers them
        elif _stood_for_skipped(runs, mk.number):
            del runs[-1]  # "3. ... 3. ... 5.": the number written twice stood for the one skipped
            runs[-1].append(mk.number)
        else:
            expected = runs[-1][-1] + 1 if runs else max((n for n in carried if n < mk.number), default=0) + 1
            if runs and _resumed(found[i + 1:], expected):
                continue  # one item misnumbered ("7. ... 19) ... 8) ..."): the list goes on at the number expected
            later = [m.number for m in found[i + 1:] if m.opens_item or m.number == mk.number + 1]
            confirmed = later[:1] == [mk.number + 1] or (bool(runs) and not later) or \
                bool(runs) and later[:1] == [1] and _ends_list(text, mk, expected)
            gaps += [NumberingGap(section.name, expected, mk.number, mk.start)] if confirmed else []
            runs = runs or [[]]
            runs[-1].append(mk.number)
        accepted.append(mk)
    return accepted, gaps, tuple(run[-1] for run in runs if run)


# A list number written with a full-width point or bracket or the ideographic full stop ("3．", "（3）", "3。").
_FULL_WIDTH_NUMBER = re.compile(rf"\d{{1,2}}[ \t]?[{_FULL_WIDTH_MARKS}]")


def _goes_back_full_width(text: str, runs: list[list[int]], mk: Marker) -> bool:
    """Whether the list number `mk`, which goes on no open list, is written full-width and goes back to a number of
    the innermost list or below it, other than 1 ("1. 年龄" "2. ECOG" "2．签署知情同意书" "4. ..."): a number written
    otherwise than its list's, that neither opens a list nor goes on one, is not read as one of its numbers (a
    full-width "（1）" opens a list below an item as "(1)" does)."""
    return mk.number > 1 and bool(runs) and mk.number <= runs[-1][-1] and \
        (text.startswith("（", mk.start - 1) or _FULL_WIDTH_NUMBER.match(text, mk.start) is not None)


# How many numbers a list may skip at once where it is read from how its numbers are written, not from lines: inside
# a run-in line ("2. ECOG 0-1 4. Adequate"), or at a list's end before another starts at 1. A larger jump there is a
# quantity ("score 24.", "aged 18 and\n65."), not a list number.
MAX_SKIP_WRITTEN = 2
# What a run-in list's number opens: an item that starts with a capital ("4. Adequate", "(4) HIV"), not a decimal
# split by a space ("7. 5 mg/kg", "version 5. 0").
_RUN_IN_ITEM = re.compile(r"\d{1,2}(?:\\?\.|\))[ \t]+[A-Z]")
# What ends a quantity before a number inside a criterion: a sign, or a word a value follows, a scale's name among
# them ("grade 2. Prior therapy", "NYHA class 3. Hospitalized", "0, 1 or 2. Life", "CTCAE v 5. Active", "Hoehn and
# Yahr 4. Levodopa").
_VALUE_BEFORE = re.compile(
    r"(?:[\u2265\u2264<>=\u00b1\u00d7+~/-]|(?<![^\W\d_])(?i:grades?|stages?|class(?:es)?|types?|versions?|v|ver|levels?"
    r"|scores?|phases?|cycle|day|week|month|year|visit|steps?|parts?|cohorts?|arms?|groups?|lines?"
    r"|criteri(?:on|a)|items?|no|numbers?|category|tier|gleason|nyha|ecog|zubrod|ps|kps|karnofsky|ctcae|yahr|edss|mrs"
    r"|nihss|gcs|asa|figo|who|pugh|bclc|tanner|of|to|than|and|or|nor"
    r"|least|most|about|approximately|over|under|above|below|between|from|by|at|in|on|with|vs|versus|an?|the|page"
    r"|section|appendix|table|figure|see|per))[ \t(]*\Z")


def _skips_in_run_in(text: str, found: list[Marker], i: int, above: Marker) -> bool:
    """Whether the number `found[i]` inside a line skips one or two numbers of a list run in on that line (`above`,
    the list's last number, stands inside the same line: "1. Age 18 or over 2. ECOG 0-1 4. Adequate organ
    function", as a page or an old record writes a list): it is written as `above` is, opens an item with a capital,
    follows no sign or word a value follows (`_VALUE_BEFORE`), the number it skips is not written before it in
    another way, and the next number on the line goes on from it (or none does and it skips one): a list that goes on
    at the number skipped ("4. Bedridden ... 3. Onset") had a quantity there."""
    mk = found[i]
    missing = mk.number - above.number - 1
    if not 1 <= missing <= MAX_SKIP_WRITTEN or above.opens_item or text.find("\n", above.start, mk.start) >= 0:
        return False
    mark, above_mark = _MARK_AT.match(text, mk.start), _MARK_AT.match(text, above.start)
    if above_mark is None or mark is None or mark[0][-1] != above_mark[0][-1] or \
            _RUN_IN_ITEM.match(text, mk.start) is None or \
            _VALUE_BEFORE.search(text, max(0, mk.start - 30), mk.start) is not None:
        return False
    between = text[above.start + 1:mk.start]
    if any(re.search(rf"(?<![\d.,])\b{n}[ \t]*\\?[.)]", between) for n in range(above.number + 1, mk.number)):
        return False  # the number skipped stands in between, written otherwise ("6. ... 7 .Previous ... 8. ...")
    line_end = text.find("\n", mk.start)
    on_line = [m.number for m in found[i + 1:] if line_end < 0 or m.start < line_end]
    return on_line[0] == mk.number + 1 if on_line else missing == 1


def _ends_list(text: str, mk: Marker, expected: int) -> bool:
    """Whether the number `mk`, at a line's start and followed by a list started again at 1 (another cohort's or
    part's list), ends its own list after skipping one or two numbers: it opens an item with a capital ("4. Adequate
    organ function" then "Cohort B:" and "1. Age"), as a last criterion does, not a quantity the line above wraps
    ("aged 18 and\n65.")."""
    return mk.opens_item and mk.number - expected <= MAX_SKIP_WRITTEN and \
        _RUN_IN_ITEM.match(text, mk.start) is not None


def _line_indent(text: str, at: int) -> int:
    """How far the line holding offset `at` is indented."""
    line_start = text.rfind("\n", 0, at) + 1
    return _indent(text[line_start:at + 1])


def _lists_values(text: str, above: Marker, mk: Marker) -> bool:
    """Whether the list number `mk` opens a list indented below the item `above`, after a colon: the values of a
    scale, numbered as the scale numbers them ("Pre-stroke mRS score of:\n   3. Moderate disability\n   4. ...";
    "Hoehn and Yahr stage:\n   2. Bilateral involvement"), which may start at any number."""
    line_start = text.rfind("\n", 0, mk.start) + 1
    return mk.opens_item and text.endswith(COLONS, 0, line_start - _trailing(text, line_start, " \t\r\n")) and \
        _line_indent(text, mk.start) > _line_indent(text, above.start)


_MARK_AT = re.compile(r"\d{1,2}[ \t]?\\?[.)]")
_ONLY_PUNCTUATION = re.compile(r"[\s.,;:)\]]*\Z")


def _bare_at_end(text: str, mk: Marker, end: int) -> bool:
    """Whether nothing but white space and punctuation follows the list number `mk` to the section's `end`: a number
    that closes the text opens no criterion, it ends the sentence above ("women aged between 18 and\n65.")."""
    m = _MARK_AT.match(text, mk.start)
    return m is not None and _ONLY_PUNCTUATION.match(text, m.end(), end) is not None


def _stood_for_skipped(runs: list[list[int]], number: int) -> bool:
    """Whether the open list holds a number written twice ("3. ... 3.", read as a nested list of one item) and
    `number` skips one number after it: the list has as many items as its numbers say, and none is missing."""
    return len(runs) > 1 and runs[-1] == [runs[-2][-1]] and number == runs[-1][-1] + 2


# A list number at the start of a line that goes on the sentence of the line before: that line ends in a word or a
# sign no criterion ends with ("within\n6. months", "greater than\n3. 0 x ULN"), or the number is followed by a
# unit or a comparison no criterion opens with ("\n2. or less", "\n6. months before screening"). Words in lower case
# only ("Hepatitis A" ends a criterion), after a space ("follow-up" ends one); not "over", "above", "under" or
# "below", which end "aged 18 and over", "grade 3 and above"; no "+", which ends "HER2 3+".
_SENTENCE_GOES_ON_BEFORE = tuple(re.compile(pattern + r"[ \t]*$") for pattern in (
    r"(?<!\S)(?:of|to|than|within|least|most|the|an?|by|at|from|for|with|between|in|per)",
    r"(?<!\S)(?:exceeding|exceeds?|be|is|are|was|were)",
    r"[\u2265\u2264<>=\u00b1\u00d7]",
))
_SENTENCE_GOES_ON_AFTER = tuple(re.compile(r"\d{1,2}[ \t]?\\?[.)][ \t]*" + pattern) for pattern in (
    r"(?:months?|weeks?|days?|hours?|years?|times)\b",
    r"(?:mg|mcg|\u00b5g|g/dL|mL|mmol|IU)\b",
    r"(?:x|\u00d7)[ \t]*(?:the[ \t]+)?(?:ULN|upper)\b",
    r"or[ \t]+(?:less|more|greater|higher|lower|above|below|fewer)\b",
))


def goes_on_sentence(text: str, at: int) -> bool:
    """Whether the list number at `at`, at the start of its line, goes on the sentence of the line before."""
    line_start = text.rfind("\n", 0, at) + 1
    if line_start == 0 or text[line_start:at].strip(" \t-*\u2022("):
        return False  # the text's first line, or a number inside a line
    previous = text[max(0, line_start - 41):line_start - 1].rstrip()
    return any(p.search(previous) for p in _SENTENCE_GOES_ON_BEFORE) or \
        any(p.match(text, at) for p in _SENTENCE_GOES_ON_AFTER)


def _resumed(later: list[Marker], expected: int) -> bool:
    """Whether the list goes on later at the number `expected` and the one after it, before any new list starts at 1:
    the number that skipped them is one item's typo ("19)" between "7." and "8) ... 9)", NCT00002644), and no
    criterion is missing. (A lone number that happens to be the one expected resumes nothing.)"""
    wanted = expected
    for mk in later:
        if mk.number == 1:
            return False
        if mk.number == wanted:
            if wanted > expected:
                return True
            wanted += 1
    return False


def _written_bare(text: str, gap: NumberingGap) -> bool:
    """Whether each missing number stands just before the gap written another way: without its point ('3 Serious'),
    with its point run into a criterion that opens with a number ('; 3.4 points ≤ NIHSS score', '; 5.1 Type
    diabetes': NCT05686642, NCT05687890), which reads as a decimal, or opening a line with a letter, a colon, a dash,
    a comma or bold marks ("1a. Adults", "1: Age", "**3.** ECOG", "#1.", "No. 1", "3 ECOG")."""
    if gap.found - gap.expected > MAX_WRITTEN_OTHERWISE:
        return False
    before = text[max(0, gap.at - BARE_LOOKBACK):gap.at]
    return all(re.search(rf"(?<![\d.,])\b{n}[ \t]+[A-Z][a-z]|(?:[;:]\s+|\n\s*){n}\.\d", before) is not None
               or re.search(_OPENS_LINE_OTHERWISE.format(n), before, re.M) is not None
               for n in range(gap.expected, gap.found))


# A list number opening a line written otherwise than `_LINE_MARKER` reads it (the pattern of one number, `{}`):
# after a hash or "No." ("#1.", "No. 1"), or before a letter, a colon, a comma, a dash, an ideographic comma, a bold
# mark or a space ("1a.", "1:", "3 ECOG", "**3.**"); never a larger number nor a decimal.
_OPENS_LINE_OTHERWISE = (r"^[ \t]*(?:[-*\u2022_][ \t]*)*(?:(?:#|No\.?)[ \t]*{0}(?!\d)(?!\\?\.\d)|{0}(?!\d)(?!\\?\.\d)"
                         r"(?=[a-z]{{1,2}}\\?[.)]|[:,\-\u2013\u3001*_]|\\?\.[*_]|[ \t]+\S))")
# A gap of more numbers than this is no run of numbers written otherwise.
MAX_WRITTEN_OTHERWISE = 20


def numbering_gaps(text: str | None, memo: dict | None = None) -> list[NumberingGap]:
    """Where numbered criteria skip numbers or start after 1 (lists may restart or carry on per section).

    `memo` (a StudyText's) keeps what is read from the text for the other questions asked of it.
    """
    read = _numbered_reading(text, memo)
    if read is None:
        return []  # no list number, no gap
    gaps = [gap for gap in _gaps(read) if not _written_bare(text, gap)]
    if not gaps:
        return gaps
    removed = _said_removed(text, read.lowered)
    selections = _selections(read)
    return [gap for gap in gaps if gap.section not in selections
            and not all(n in removed for n in range(gap.expected, gap.found))
            and not _changes_only(read, gap.at) and not _numbers_a_heading(text, gap.at)
            and not _referred_to(read, gap) and not _first_unnumbered(read, gap)]


# How long the one criterion written without its number above a list that starts at 2 may be (a wrapped criterion's
# lines; a longer text is more than one criterion).
UNNUMBERED_WIDTH = 300
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# A title above a list, not its first criterion: a few words that name the criteria ("Eligibility Criteria",
# "Inclusion", "Main criteria") or a line in capitals ("PATIENTS").
_LIST_TITLE = re.compile(r"(?:[^\n\w]*\w+){0,3}?[^\n\w]*\b(?i:criteria|criterion|eligibility|inclusions?|"
                         r"exclusions?)\b(?:[^\n\w]*\w+){0,3}[^\n\w]*|[^a-z]+")


def _first_unnumbered(read: Reading, gap: NumberingGap) -> bool:
    """Whether a list that starts at 2 has its first criterion right above it, written without its number: the only
    text between the section's heading (or the text's start) and the list is one criterion, not a lead-in that ends
    in a colon ("Inclusion Criteria:" then "Age 18 years or older" then "2. ECOG 0-1"). Criterion 1 is there; only
    its number is not."""
    if gap.expected != 1 or gap.found != 2:
        return False
    text = read.text
    section = next((s for s in read.sections if s.start <= gap.at < s.end), None)
    line_start = text.rfind("\n", 0, gap.at) + 1
    if section is None or line_start <= section.start or text[line_start:gap.at].strip(" \t-*\u2022("):
        return False  # the list starts on the heading's line, or inside a line
    above = text[section.start:line_start].strip()
    return 0 < len(above) <= UNNUMBERED_WIDTH and not above.endswith(COLONS) and \
        _BLANK_LINE.search(above) is None and _LINE_MARKER.search(above) is None and \
        _LIST_TITLE.fullmatch(above) is None


# Where a list names only what changes from another group's list: "Same as Part A, except:", "Identical to the
# inclusion criteria for Cohort 1 with the following changes:", "As in Part A, with the following exceptions". The
# criteria below keep the other list's numbers.
_CHANGES_ONLY = re.compile(
    r"\b(?:(?:same|identical)[ \t]+(?:as|to)|as[ \t]+(?:in|for))\b[^.\n]{0,80}?"
    r"\b(?:except|but|with[ \t]+the[ \t]+following)\b"
    r"|\bwith[ \t]+the[ \t]+following[ \t]+(?:changes|modifications|exceptions|differences)\b", re.I)
_CHANGE_WORDS = ("same as", "identical to", "as in", "as for", "following changes", "following modifications",
                 "following exceptions", "following differences")


def _changes_only(read: Reading, at: int) -> bool:
    """Whether the list number at `at` stands below a line, in its own section, that says the list names only what
    changes from another group's list (`_CHANGES_ONLY`): its numbers are the other list's, and the numbers it skips
    are criteria kept, not lost."""
    lowered = read.lowered
    if not any(word in lowered for word in _CHANGE_WORDS):
        return False  # most texts: no such line
    section = next((s for s in read.sections if s.start <= at < s.end), None)
    return section is not None and _CHANGES_ONLY.search(read.text, section.start, at) is not None


def _numbers_a_heading(text: str, at: int) -> bool:
    """Whether the list number at `at` opens a line that is a criteria heading ("2. Inclusion criteria", "3.
    EXCLUSION CRITERIA:"): the number of a section of the document, not of a criterion."""
    line_end = text.find("\n", at)
    mark = _MARK_AT.match(text, at)
    return mark is not None and _heading_line(text[mark.end():len(text) if line_end < 0 else line_end].strip())


# A lead-in that names criteria by their numbers without writing them out: "Patients must meet criteria 1 to 3 of
# Part A and:", "Inclusion criteria 1 through 5 from Part 1 apply, plus:", "In addition to criteria #1-5 above:",
# "Items 1-3 of Part 1 apply", "All inclusion criteria of the main study (1-12) apply".
_REFERRED = re.compile(r"\b(?:criteri(?:on|a)|items?)(?:[ \t]+|\b[^.\n(]{0,40}\()#?(\d{1,2})[ \t]*"
                       r"(?:-|\u2013|to|through|thru)[ \t]*#?(\d{1,2})\b", re.I)


def _referred_to(read: Reading, gap: NumberingGap) -> bool:
    """Whether the numbers a list skips at its start are those a lead-in above it names (`_REFERRED`, from the line
    of the section's heading on) and up to the number found ("criteria 1 to 3 ... and:" then "4."): criteria kept
    from another list, not lost. A list written between the lead-in and the gap ("All criteria 1-3:" then "1.",
    "2.", "4.") has lost one."""
    text = read.text
    section = next((s for s in read.sections if s.start <= gap.at < s.end), None)
    if section is None:
        return False
    begin = text.rfind("\n", 0, section.start) + 1
    for m in _REFERRED.finditer(text, begin, gap.at):
        if int(m[1]) <= gap.expected and int(m[2]) == gap.found - 1 and \
                not any(m.end() <= mk.start < gap.at and mk.opens_item for mk in read.candidates(section)):
            return True
    return False


# A heading that names its list a selection of the protocol's criteria, numbered as the protocol numbers them ("Key
# Inclusion Criteria", "Main exclusion criteria", "Selected Inclusion Criteria", "Inclusion criteria (abbreviated)").
# (Not "Main Study Inclusion Criteria" nor "Inclusion Criteria (Main Study)", which name a part of the study.)
_SELECTION_HEADING = re.compile(
    r"[ \t]*(?:[-*•][ \t]*)?[*_]*(?:key|main|major|principal|selected|summary[ \t]+of(?:[ \t]+the)?|abbreviated)"
    r"[ \t]+(?:inclusion|exclusion|non[ \t-]?inclusion)[ \t]+criteria\b"
    r"|[^\n]*\((?:key|selected|abbreviated|summary|summarized|partial)\b", re.I)
# A record's word that its lists name only some of the protocol's criteria: "Other protocol-defined inclusion/exclusion
# criteria may apply", "Additional eligibility criteria apply", "Not all exclusion criteria are listed". Found from
# "criteria" (`_CRITERIA_APPLY`, which a search finds fast), then the words before it in its sentence
# (`_OTHERS_BEFORE`, up to `OTHERS_REACH` characters).
_CRITERIA_APPLY = re.compile(r"\bcriteria\b(?:[^.\n]{0,40}?\bappl(?:y|ies)\b|[ \t]+(?P<listed>(?:are|have[ \t]+been)"
                             r"[ \t]+(?:listed|shown|included|presented))\b)", re.I)
_OTHERS_BEFORE = re.compile(r"\b(?:other|additional|further|more)\b[^.\n]*\Z", re.I)
_NOT_ALL_BEFORE = re.compile(r"\bnot[ \t]+all\b[^.\n]*\Z", re.I)
OTHERS_REACH = 60


def _criteria_apply(text: str, lowered: str) -> Iterator[re.Match]:
    """What `_CRITERIA_APPLY.finditer(text)` finds, tried only where the lower-cased text says "criteria" (a
    case-blind search scans every character; when lower-casing changes the length, or the text holds the dotless
    i, which the pattern takes for an i, it does)."""
    if len(lowered) != len(text) or "\u0131" in text:
        yield from _CRITERIA_APPLY.finditer(text)
        return
    tried, at = 0, lowered.find("criteria")
    while at >= 0:
        m = _CRITERIA_APPLY.match(text, at) if at >= tried else None
        if m is not None:
            tried = m.end()
            yield m
        at = lowered.find("criteria", at + 8)


def _selections(read: Reading) -> set[str]:
    """The names of the sections whose lists the record says name only some of the protocol's criteria: under a
    heading that says so (`_SELECTION_HEADING`), or all of one name when the text says others apply
    (`_CRITERIA_APPLY`: inclusion, exclusion, or both when it names neither or both). Their numbers are the
    protocol's, and a number skipped there is a criterion left out on purpose, not lost."""
    text = read.text
    named = set()
    for section in read.sections:
        if section.name != "criteria":
            heading = text[text.rfind("\n", 0, section.start) + 1:section.start]
            if _SELECTION_HEADING.match(heading):
                named.add(section.name)
    for m in _criteria_apply(text, read.lowered):
        before = _OTHERS_BEFORE if m["listed"] is None else _NOT_ALL_BEFORE
        said = before.search(text, max(0, m.start() - OTHERS_REACH), m.start())
        if said is None:
            continue
        said = text[said.start():m.end()].lower()
        lists = {name for name in ("inclusion", "exclusion") if name in said}
        named |= lists if len(lists) == 1 else {"inclusion", "exclusion", "criteria"}
    return named


# Numbers as a record names them: "3", "3a", "#3", "3 and 4", "5-7", "5 to 7", "criteria 5 through 7".
_NUMBERS = r"#?\d{1,2}[a-z]?(?:[ \t]*(?:,|and|&|or|-|\u2013|to|through|thru)[ \t]*#?\d{1,2}[a-z]?)*"
_REMOVED = r"(?:deleted|removed|omitted|withdrawn|retired|eliminated|struck|intentionally|no longer|not used)"
# What a record says of a numbered criterion that applies elsewhere or nowhere: "(criterion 2 applies to the
# pediatric cohort only)", "inclusion criterion 3 is not applicable in this country", "criteria 4-5: N/A".
_NOT_APPLIED = r"(?:not[ \t]+applicable|n/a\b|do(?:es)?[ \t]+not[ \t]+apply|appl(?:y|ies)\b[^.\n]{0,50}?\bonly)"
# Where a record says numbered criteria were taken out: "(Criterion 3 was deleted in Amendment 1)", "Note: exclusion
# criteria 5 to 7 have been removed", "Deleted: item #4", or an item for several numbers: "5-7. [Deleted]".
_SAID_REMOVED = re.compile(
    rf"(?:criteri(?:on|a)|items?|numbers?|nos?\.)[ \t]*(?P<named>{_NUMBERS})\b[^.\n]{{0,60}}?\b"
    rf"(?:{_REMOVED}|{_NOT_APPLIED})"
    rf"|\b{_REMOVED}[ \t]*[:\-]?[ \t]*(?:(?:inclusion|exclusion)[ \t]+)?(?:criteri(?:on|a)|items?|numbers?|nos?\.)"
    rf"[ \t]*(?P<after>{_NUMBERS})"
    rf"|^[ \t]*(?:[-*•][ \t]*)?(?P<marked>\d{{1,2}}[ \t]*(?:-|\u2013|to)[ \t]*\d{{1,2}})[ \t]*\\?[.)][ \t]*"
    rf"[\[(]?[ \t]*{_REMOVED}",
    re.I | re.M,
)
_REMOVED_WORDS = ("delet", "remov", "omit", "withdr", "retir", "elimin", "struck", "intention", "no longer", "not used",
                  "appl", "n/a")
_DIGIT = re.compile(r"\d")
_NUMBER_OR_RANGE = re.compile(r"(\d{1,2})(?:[ \t]*(?:-|\u2013|to|through|thru)[ \t]*#?(\d{1,2}))?", re.I)


def _said_removed(text: str, lowered: str | None = None) -> set[int]:
    """The list numbers the record says were deleted or removed (by an amendment), or apply elsewhere or nowhere: a
    gap at those numbers loses no criterion the record does not account for (`lowered`: text.lower(), if at hand)."""
    removed: set[int] = set()
    for start, end in _lines_saying_removed(text, text.lower() if lowered is None else lowered):
        if _DIGIT.search(text, start, end) is None:
            continue  # every statement names a number
        for m in _SAID_REMOVED.finditer(text, start, end):
            for number in _NUMBER_OR_RANGE.finditer(m["named"] or m["after"] or m["marked"]):
                low = int(number[1])
                removed.update(range(low, int(number[2] or low) + 1))
    return removed


def _lines_saying_removed(text: str, lowered: str) -> list[tuple[int, int]]:
    """The spans of the lines that hold a word of removal (`_REMOVED_WORDS`, in any case), where every statement of
    `_SAID_REMOVED` stands (each holds one, and none runs across a line break); most texts have none. The whole
    text when lower-casing (`lowered`) changes its length."""
    if len(lowered) != len(text):
        return [(0, len(text))]
    lines = set()
    for word in _REMOVED_WORDS:
        at = lowered.find(word)
        while at >= 0:
            end = lowered.find("\n", at)
            lines.add((lowered.rfind("\n", 0, at) + 1, len(lowered) if end < 0 else end))
            at = lowered.find(word, at + 1)
    return sorted(lines)


def _gaps(read: Reading) -> list[NumberingGap]:
    """Every section's gaps; a section's list may go on from the lists the section before left open, or from those
    of the last section of its name (inclusions, exclusions, then more inclusions numbered on)."""
    gaps, last, last_by_name, text = [], (), {}, read.text
    for section in read.sections:
        carried = (section.opened,) if section.opened else last + last_by_name.get(section.name, ())
        run_in = _run_in_heading(text, section)
        if run_in is not None:  # read from the heading line's first item ("Criteria: 1." or "Criteria:1. ... 2.")
            section, carried = run_in, (run_in.opened - 1, run_in.opened)
        accepted, found, still_open = walk(text, section, carried, read)
        gaps += found
        last = still_open if accepted else last
        last_by_name[section.name] = last
    return gaps


def _run_in_heading(text: str, section: Section) -> Section | None:
    """The section read from the first item its heading line holds, when that line runs several items in ("Exclusion
    Criteria: 1. Pregnancy 2. Smoking 4. Drug abuse", as a page writes a short list): a number the line skips is a
    criterion lost. None for a heading line with one item or none (its list is read below it)."""
    if not section.opened:
        return None
    line_start = text.rfind("\n", 0, section.start) + 1
    first = _HEADING_FIRST_ITEM.search(text, line_start, section.start)
    if first is None or _IN_LINE_POINT.search(text, first.end(), section.start) is None and \
            _IN_LINE_BRACKET.search(text, first.end(), section.start) is None:
        return None
    return Section(section.name, first.start(1), section.end, section.opened)


class Item(NamedTuple):
    """One criterion: its section, its number if it has one, its span and a comparison key.

    A named tuple, as `Marker`: a text's items are made by the dozen and only read."""

    section: str
    number: int | None
    start: int
    end: int
    key: str


_ITEM_MARK = re.compile(r"^[\s\\*•-]*\(?\d{0,2}[ \t]?(?:\\?\.|\))?")
# The same tried at a piece's start inside the text (`match(text, start, end)` reads text[start:end] as the
# piece: the pattern looks neither behind nor past its match).
_ITEM_MARK_AT = re.compile(_ITEM_MARK.pattern[1:])


def _words(text: str) -> list[bytes]:
    """The runs of a-z and 0-9 in the lower-cased text (anything else, any non-ASCII letter too, separates)."""
    return text.lower().encode("ascii", "replace").translate(_WORD_BYTES).split()


# The ends of `_BULLET`'s matches and the starts of `_SUBHEADING`'s, each found from a character a search skips to
# fast (a line break, a colon) where those patterns, which open at a line's start, are tried at every character: a
# bullet after a line break (the text's first line is matched alone), a blank line, and a colon that ends its line
# (the last of the line: any colon before it is followed by other text), at most `SUBHEADING_REACH` characters into
# the line.
_NEXT_BULLET = re.compile(r"\n[ \t]*[-*•][ \t]+")
_FIRST_BULLET = re.compile(r"[ \t]*[-*•][ \t]+")
_BLANK_LINE_END = re.compile(r"\n[ \t]*\n")
_COLON_ENDING_LINE = re.compile(r"[:\uff1a][ \t]*(?=\n|\Z)")
SUBHEADING_REACH = 100


def _cuts(chunk: str) -> set[int]:
    """Where a bullet, a blank line or a sub-heading cuts a section's text into items: the ends of `_BULLET`'s matches
    and the starts of `_SUBHEADING`'s in `chunk` (bullets and blank lines never overlap: a bullet's match holds no
    line break, and a blank line's no bullet)."""
    cuts = {m.end() for m in _NEXT_BULLET.finditer(chunk)}
    first = _FIRST_BULLET.match(chunk)
    if first is not None:
        cuts.add(first.end())
    cuts.update(m.end() for m in _BLANK_LINE_END.finditer(chunk))
    for colon in _COLON_ENDING_LINE.finditer(chunk):
        at = colon.start()
        line_start = chunk.rfind("\n", 0, at) + 1
        if at - line_start <= SUBHEADING_REACH:
            cuts.add(line_start)
    return cuts


def items(text: str | None, memo: dict | None = None, min_words: int = MIN_ITEM_WORDS) -> Iterator[Item]:
    """The criteria as separate items, split at item numbers, bullets and blank lines, of `min_words` words or
    more."""
    read = reading(text or "", memo)
    # The text's words at its offsets: a piece's words are those of its slice (exact: lower-casing that keeps
    # the length maps each character alone, but for the Greek capital sigma, which is no ASCII letter either way).
    all_words = read.words
    for section in read.sections:
        numbered = {mk.start: mk.number for mk in walk(text, section, (), read)[0]}
        cuts = _cuts(text[section.start:section.end])
        bounds = [section.start] + sorted(set(numbered) | {section.start + c for c in cuts}) + [section.end]
        for start, end in zip(bounds, bounds[1:]):
            mark_end = _ITEM_MARK_AT.match(text, start, end).end()
            words = _words(text[mark_end:end]) if all_words is None else all_words[mark_end:end].split()
            # a piece that ends in a colon before the next item's bullet or bracket leads in the items below it
            if len(words) >= min_words and not text[start:end].rstrip(" \t\n(-*\u2022").endswith(COLONS):
                yield Item(section.name, numbered.get(start), start, end, b" ".join(words).decode("ascii"))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _new_list_between(text: str, first: Item, repeat: Item) -> bool:
    """Whether a heading, a group's label, a paragraph or a parent item stands between two items: a less-indented
    item, or a numbered one above criteria marked otherwise ("1. Patients with AML" then "- Age 18"; "2. Dose level
    2, defined as:" then "1) Hemoglobin ...", as flat lists write a parent and its criteria). A line ending in a
    colon is a heading, unless it is an item of the two items' own numbered list (`_sibling`)."""
    line_start = text.rfind("\n", 0, repeat.start) + 1
    depth = _indent(text[line_start:repeat.start])
    if _group_label_inline(text, first.end, repeat.start) or _group_heading_between(text, first.end, repeat.start) \
            or any(not _sibling(m[0], first, repeat, depth) and not _nested_parent(text, m, first, depth)
                   for m in chain(_SUBHEADING.finditer(text, first.end, repeat.start),
                                  _PARENT_LINE.finditer(text, text.rfind("\n", 0, first.end) + 1, repeat.start))):
        return True
    # How the repeat's list is marked, to tell a parent marked otherwise: its list number's way ("." or ")"), None
    # for a bulleted or unmarked criterion after another, "" when no parent is told so.
    if repeat.number is not None:
        marked = _mark_of(text[line_start:repeat.end])
    else:
        marked = None if first.number is None and not text[line_start:repeat.start].strip(" \t-*•") else ""
    # From the start of the line where the first item ends: a bullet's marker belongs to the next item.
    begin = text.rfind("\n", 0, first.end) + 1
    lo = begin if begin > first.start else first.end
    lines = text[lo:line_start].split("\n")
    if _separator_between(text, lo, line_start) if lo == begin else \
            _separates(lines[0]) or _separator_between(text, lo + 1, line_start):
        return True  # a group's label or "OR" (the first item may end inside a line: the rest of it, then below)
    # the line below each (the text ends with a line break, the last line is empty): the repeat's own line below it
    below = lines[1:-1] + [text[line_start:repeat.end], ""]
    for previous, line, next_line in zip([""] + lines, lines, below):
        if not line.strip():
            continue
        listed = bool(_LIST_LINE.match(line))
        if listed and (_indent(line) < depth or marked != "" and _indent(line) <= depth and
                       _mark_of(line) not in ("", marked)):
            return True
        if not listed and (not previous.strip() or _FIRST_ITEM.match(next_line) or
                           _labels_below(previous, line, next_line, depth)):
            return True
    return False


# A line of any length that leads in the criteria below it: it ends in a colon or in the words that open a list
# ("Male participants with a partner of childbearing potential must agree that the partner uses one of the following
# highly effective methods of contraception until 90 days after the last dose:", "..., including" above a list
# line; not a hard-wrapped criterion's line that ends in "including"). The same criterion below two such lines of a
# flat list is stated once under each.
_PARENT_LINE = re.compile(r"^[^\n]*(?:[:\uff1a][ \t]*$|\b(?:including|such as|as follows|"
                          r"(?:one|any|all|each|either) of the following)[ \t]*"
                          r"(?=\n[ \t]*(?:[-*\u2022]|\(?\d{1,2}[ \t]?(?:\\?\.|\)))))", re.M | re.I)


def _labels_below(previous: str, line: str, next_line: str, depth: int) -> bool:
    """Whether an unmarked line between two list items names the criteria below it ("- Age 18 to 65" then "Patients
    with type 2 diabetes" then "- Signed consent"): short, opening with a capital and ending with no punctuation,
    indented no further than the list, after a short item that ends its sentence (not a wrapped item's next line).
    A criteria heading written again ("Inclusion Criteria (continued)") goes on with the list above."""
    stripped, above = line.strip(), previous.rstrip()
    return len(stripped) <= LABEL_LINE and _HEADING.match(line) is None and stripped[0].isupper() and \
        stripped[-1] not in ".,;-/&(" and _indent(line) <= depth and len(previous) < WRAP_WIDTH and \
        _LIST_LINE.match(previous) is not None and _LIST_LINE.match(next_line) is not None and \
        not above.endswith((",", "-", "/", "(")) and not any(p.search(above) for p in _SENTENCE_GOES_ON_BEFORE) and \
        _ENDS_IN_JOIN.search(above) is None


# A short line between list items is a label (`_labels_below`) when it is at most this long.
LABEL_LINE = 60
# A line that ends in a word joining it to the next ("and", "or", "including") goes on below.
_ENDS_IN_JOIN = re.compile(r"(?<!\S)(?:and|or|nor|including|such as|e\.g\.|i\.e\.|as|if|unless|that|which|who)[ \t]*$",
                           re.I)


def _separates(line: str) -> bool:
    """Whether the line only names a group of participants or offers another set of criteria ("OR")."""
    return len(line) <= LABEL_WIDTH and (_ALTERNATIVE.fullmatch(line) is not None
                                         or GROUP_LABEL.fullmatch(line) is not None)


@lru_cache(maxsize=4)
def _separator_lines(text: str) -> list[int]:
    """Where the text's lines that `_separates` start: read once for every two items compared."""
    starts = _line_starts(text)
    ends = starts[1:] + [len(text) + 1]
    return [start for start, end in zip(starts, ends) if _separates(text[start:end - 1])]


def _separator_between(text: str, start: int, end: int) -> bool:
    """Whether a line that `_separates` starts at or after `start` and before `end`."""
    found = _separator_lines(text)
    i = bisect_left(found, start)
    return i < len(found) and found[i] < end


# A full-width point, bracket or ideographic full stop read as the ASCII mark it stands for.
_AS_ASCII_MARK = str.maketrans("．。（）", "..()")


def _mark_of(line: str) -> str:
    """How the line's list number is written ("()" for "(3)" or "（3）", "." for "3.", "3\\." or "3．", ")" for "3)"), or
    "" for a line that opens with no list number."""
    m = _NUMBERED_LINE.match(line)
    return "" if m is None else (m[1] + m[2][-1]).translate(_AS_ASCII_MARK)


# A word that names a group of participants ("2. Additional criteria for the expansion cohort:"; "Healthy volunteers
# only:"): a line that holds one heads that group's criteria.
_GROUP_WORD = re.compile(r"\b(?:cohorts?|parts?|arms?|groups?|phases?|periods?|modules?|sub-?stud(?:y|ies)|"
                         r"volunteers?|controls?|populations?|only)\b", re.I)


def _sibling(line: str, first: Item, repeat: Item, depth: int) -> bool:
    """Whether a line ending in a colon between two numbered items is an item of their list, numbered between them
    at the repeat's depth and naming no group ("6. Adequate organ function:" between criteria 3 and 9): the two
    stand in one list."""
    mark = _LINE_MARKER.match(line)
    return mark is not None and first.number is not None and repeat.number is not None and \
        first.number < int(mark[1]) < repeat.number and _indent(line) == depth and _GROUP_WORD.search(line) is None


def _nested_parent(text: str, line: re.Match, first: Item, depth: int) -> bool:
    """Whether a list line that leads in criteria (`line`, between two items at the repeat's `depth`) is an item of
    their list with its own criteria indented below it, naming no group: the first item stands at that depth too,
    and the list goes on there after its criteria ("* Adequate liver function:" then "  * Bilirubin <= 1.5 x ULN"
    then "* Signed informed consent"). A flat list, its criteria written at the parent's depth, is read as before."""
    below = _NEXT_TEXT_LINE.search(text, line.end())
    first_line = text.rfind("\n", 0, _ITEM_MARK_AT.match(text, first.start, first.end).end()) + 1
    return _LIST_LINE.match(line[0]) is not None and _indent(line[0]) == depth and \
        _indent(text[first_line:first.end]) == depth and below is not None and _indent(below[1]) > depth and \
        _GROUP_WORD.search(line[0]) is None


# The people a criteria heading may name, whose criteria are listed apart from the others' ("Inclusion Criteria for
# Partners", "Donor Inclusion Criteria", "Exclusion Criteria (Caregivers)").
_PEOPLE_WORD = re.compile(r"\b(?:donors?|recipients?|caregivers?|carers?|parents?|guardians?|mothers?|fathers?|"
                          r"partners?|spouses?|siblings?|infants?|neonates?|newborns?|children|child|adolescents?|"
                          r"adults?|patients?|participants?|subjects?|index|contacts?|households?|famil(?:y|ies)|"
                          r"dyads?|teachers?|students?|clinicians?|physicians?|nurses?|providers?|staff)\b", re.I)


def _group_heading_between(text: str, start: int, end: int) -> bool:
    """Whether a criteria heading that names a group of participants stands in text[start:end] ("Inclusion criteria
    for cohort B", "Exclusion Criteria - Healthy Volunteers", "Inclusion Criteria for Partners"): the criteria below
    it are that group's, though the heading opens a section of the same name as the one above (which a heading
    written again would continue)."""
    between = text[start:end]
    if between.isascii() and "criteria" not in between.lower():
        return False  # every heading says "criteria" (in any case; a letter beyond ASCII may stand for one of its own)
    return any(_GROUP_WORD.search(m[0]) is not None or _PEOPLE_WORD.search(m[0]) is not None
               for m in _HEADING.finditer(text, start, end))


def _group_label_inline(text: str, start: int, end: int) -> bool:
    """Whether a group's label and its colon stand in text[start:end] (`_GROUP_LABEL_INLINE`), looked for from
    each colon."""
    for colon in _COLON.finditer(text, start, end):
        at = colon.start()
        if _GROUP_LABEL_INLINE.search(text, max(start, at - LABEL_REACH), at + 1):
            return True
    return False


# What stands in a list in place of a criterion (its words, as an item's key holds them): a criterion deleted by an
# amendment ("3. [Deleted in Protocol Amendment 2]", "This criterion was removed in version 4.0"), a number left
# blank or said not to apply ("4. Not applicable to this study per Amendment 2", "N/A for this country"), a note
# on the criterion above ("Note: this must be met at screening and at baseline"), and a definition repeated under
# each criterion that uses the term ("A woman of childbearing potential is defined as ..."). Such lines are written
# alike wherever they stand, and state no criterion twice.
_NOT_A_CRITERION = re.compile(
    r"(?:n a |not applicable )?(?:(?:this|the) )?(?:(?:inclusion |exclusion )?(?:criterion|criteria|item|section|point)"
    r"(?: \d{1,2}[a-z]?)? (?:has been |have been |was |were |is |are )?(?:deleted|removed|omitted|withdrawn|retired|"
    r"struck|eliminated|left blank|intentionally left blank|no longer (?:applicable|used|required))\b"
    r"|(?:deleted|removed|omitted|intentionally left blank|left blank intentionally|no longer applicable)\b)"
    r"|(?:notes?|nb|n b|please note|remarks?|comments?) "
    r"|(?:n a|not applicable)\b"
    r"|(?:[a-z0-9]+ ){1,10}(?:is|are) defined as\b"
)


def _states_a_criterion(item: Item) -> bool:
    """Whether the item states a criterion: not a placeholder for one deleted, nor a note (`_NOT_A_CRITERION`)."""
    return _NOT_A_CRITERION.match(item.key) is None


# The signs that turn a criterion's words into its opposite, which an item's key (its words) leaves out:
# "Serum potassium ≥ 3.5 mmol/L" and "Serum potassium < 3.5 mmol/L" are two criteria; so are "HR+/HER2- breast
# cancer" and "HR-/HER2+ breast cancer", "HBsAg (+)" and "HBsAg (-)": a plus, or a minus after a marker's capital,
# digit or bracket that no word or number follows (not the hyphen of "non-small", "HER2-negative" or "18-65").
_SIGNS = re.compile(r"[<>=+\u2264\u2265\u2266\u2267\u00b1]|(?<=[A-Z0-9()])-(?![A-Za-z0-9])")


def _two_criteria(text: str, first: Item, repeat: Item) -> bool:
    """Whether two items with the same words are still two criteria: their comparison signs differ, or the repeat's
    list number is below the first's (its list started again, for another group of participants)."""
    if _SIGNS.findall(text, first.start, first.end) != _SIGNS.findall(text, repeat.start, repeat.end):
        return True
    return first.number is not None and repeat.number is not None and repeat.number < first.number


def repeated_items(text: str | None, memo: dict | None = None) -> list[tuple[Item, Item]]:
    """(first, repeat) for every criterion stated again in the same list (no heading between), or in an exclusion
    section under topical headings that exclude it at the same time (checks.criteria_headings); a short one
    (`SHORT_ITEM_WORDS` to `MIN_ITEM_WORDS` - 1 words) only as a list line of its own, in its own section
    (`_short_criterion`)."""
    if not text:
        return []
    read = _numbered_reading(text, memo)

    def parts() -> list[Section]:  # asked for only when two cuts end alike: the reading is then made
        return reading(text, memo).sections
    if read is None:
        words = word_bytes(text)
        cuts = _inside_lines(text, text_sections(text, words, memo)) if words is not None else []
        screened = may_repeat(text, cuts, MIN_ITEM_WORDS, words=words, parts=parts) if words is not None else True
    else:
        words = read.words
        # a line's number ends its words where the line break does; a section inside a line is cut there too
        numbers = sorted(read.numbers_inside_lines() + _inside_lines(text, read.sections))
        screened = may_repeat(text, numbers, MIN_ITEM_WORDS, read.lowered) if words is None else \
            may_repeat(text, numbers, MIN_ITEM_WORDS, words=words, parts=parts)
    # a text whose items are walked anyway has its short criteria compared in the same walk
    short = screened or words is None or short_lines_may_repeat(words, SHORT_ITEM_WORDS, MIN_ITEM_WORDS - 1)
    if not short:
        return []  # exact: the screens pass every text whose items repeat (checks/criteria_repeat_screen.py)
    return _walk_repeats(text, memo, screened, short)


def _inside_lines(text: str, parts: list[Section]) -> list[int]:
    """Where the sections start and end inside a line (a heading that stands inline, `_inline_headings`): bounds of
    items that the repeat screen takes for cuts, as it takes a list number inside a line (criteria_repeat_screen)."""
    size = len(text)
    return [at for part in parts for at in (part.start, part.end)
            if 0 < at < size and text[at - 1] != "\n" and text[at] != "\n"]


def _numbered_reading(text: str | None, memo: dict | None) -> Reading | None:
    """The text's reading, or None when it holds no list number (no digit before a point or bracket):
    such a text is not read at all, by either rule. A reading kept in `memo` says whether its text was found to
    hold one, as both rules ask."""
    if not text:
        return None
    read = memo.get(Reading) if memo is not None else None
    if read is not None and read.numbered:
        return read
    if not may_number(text):
        return None
    read = reading(text, memo)
    read.numbered = True
    return read


def may_number(text: str) -> bool:
    """Whether the text has a digit before a point or a bracket (`_MAY_NUMBER`), looked for from the point
    or the bracket."""
    return _MAY_NUMBER_POINT.search(text) is not None or _MAY_NUMBER_BRACKET.search(text) is not None


def _list_numbers(text: str, memo: dict | None) -> list[int]:
    """Where the candidate list numbers of the text stand, as both rules see them."""
    read = _numbered_reading(text, memo)
    return read.list_numbers() if read is not None else []


def repeats_in_items(text: str, memo: dict | None = None) -> list[tuple[Item, Item]]:
    """What `repeated_items` finds, found by walking every item of the text (no screen)."""
    return _walk_repeats(text, memo, True, True)


def _walk_repeats(text: str, memo: dict | None, long: bool, short: bool) -> list[tuple[Item, Item]]:
    """The repeats of the text's items of `MIN_ITEM_WORDS` words or more (when `long`), and of its short criteria
    (when `short`, `_short_criterion`): those only within one section, and not in a list numbered again."""
    seen: dict[str, Item] = {}
    repeats = []
    starts = [part.start for part in reading(text, memo).sections] if short else []
    for item in items(text, memo, SHORT_ITEM_WORDS if short else MIN_ITEM_WORDS):
        first = seen.get(item.key)
        if short_item(item):
            if not _short_criterion(text, item):
                continue
            if first and bisect_left(starts, first.start + 1) == bisect_left(starts, item.start + 1) and \
                    _states_a_criterion(item) and not _two_criteria(text, first, item) and \
                    not _started_again(first, item) and _in_one_list(text, first, item):
                repeats.append((first, item))
        elif long and first and first.section == item.section and _states_a_criterion(item) and \
                not _two_criteria(text, first, item) and _in_one_list(text, first, item):
            repeats.append((first, item))
        seen[item.key] = item
    return repeats


def short_item(item: Item) -> bool:
    """Whether the item has fewer than `MIN_ITEM_WORDS` words."""
    return item.key.count(" ") + 1 < MIN_ITEM_WORDS


def _in_one_list(text: str, first: Item, repeat: Item) -> bool:
    """Whether two items stand in one list (`_new_list_between`), or in an exclusion section under topical headings
    that exclude them at the same time (checks.criteria_headings)."""
    return not _new_list_between(text, first, repeat) or repeat.section == "exclusion" and \
        stated_twice_across_headings(text, first.start, first.end, repeat.start)


def _started_again(first: Item, repeat: Item) -> bool:
    """Whether the repeat has the first's list number with other items between: a list numbered again from there
    ("1. Age 18 years or older", "2. Confirmed sepsis", "1. Age 18 years or older"), as another group's is."""
    return first.number is not None and first.number == repeat.number and first.end != repeat.start


# A heading written as a list line: in bold ("* **Prior therapy**") or in capitals, two words of three letters or more
# ("1. PRIOR CONCURRENT THERAPY"; not "ECOG PS 0-1").
_BOLD = re.compile(r"\*\*|__")
_CAPITAL_WORDS = re.compile(r"[A-Z]{3,}")


def _short_criterion(text: str, item: Item) -> bool:
    """Whether a short item (fewer than `MIN_ITEM_WORDS` words) is a criterion its list states on a line of its own:
    the line opens with a list mark and holds all of the item's words, and it is no heading: in bold, in capitals,
    or above list lines indented below it ("1. Prior therapy" then "   * No prior chemotherapy"), its own list's."""
    mark_end = _ITEM_MARK_AT.match(text, item.start, item.end).end()
    line_start = text.rfind("\n", 0, mark_end) + 1
    line_end = text.find("\n", mark_end)
    line_end = len(text) if line_end < 0 else line_end
    opening = _ITEM_MARK_AT.match(text, line_start, line_end).end()  # the line's list mark, from its start
    if _LIST_LINE.match(text, line_start) is None or opening < mark_end or \
            _words(text[line_end:item.end] if line_end < item.end else text[item.end:line_end]):
        return False  # no list line, or the item opens inside its line, ends inside it or goes on below it
    line = text[line_start:line_end]
    if _BOLD.search(line) or line.isupper() and len(_CAPITAL_WORDS.findall(line)) >= 2:
        return False
    below = _NEXT_TEXT_LINE.search(text, line_end)
    return below is None or _LIST_LINE.match(below[1]) is None or _indent(below[1]) <= _indent(line)


# A line that labels the criteria below it with a colon, in at most six words, and names a group or people in them
# ("For healthy volunteers:", "Patients with COPD:", "Healthy control subjects:"; not a lead-in that says what they
# must meet: "All participants must meet the following:").
_LABEL_WITH_COLON = re.compile(r"^[ \t]*(?:[-*\u2022][ \t]*)?[*_]*(?:[^\s:\uff1a]+[ \t]+){0,5}[^\s:\uff1a]+[*_]*[ \t]*"
                               r"[:\uff1a][*_]*[ \t]*$", re.M)
_LEAD_IN_WORD = re.compile(r"\b(?:must|should|shall|will|meet|following)\b", re.I)


def names_groups(text: str) -> bool:
    """Whether the criteria name a group of participants or other people anywhere, as a label of their own or in a
    line's label with a colon ("Cohort 2: 1. Age ..."), or in a criteria heading ("Inclusion Criteria for Donors"):
    the same short criterion may then be each group's."""
    return bool(_separator_lines(text)) or _group_heading_between(text, 0, len(text)) or \
        _group_label_inline(text, 0, len(text)) or \
        any((_GROUP_WORD.search(m[0]) or _PEOPLE_WORD.search(m[0])) and _LEAD_IN_WORD.search(m[0]) is None
            for m in _LABEL_WITH_COLON.finditer(text))


# The next line that holds more than white space (from after an item).
_NEXT_TEXT_LINE = re.compile(r"^([ \t]*\S[^\n]*)", re.M)




def repeated_sections(text: str | None, memo: dict | None = None,
                      lowered: str | None = None) -> list[tuple[Section, Section]]:
    """(first, copy) for every criteria section written again whole, with the sections between them: the same run of
    headings and criteria word for word ("Inclusion Criteria: ... Exclusion Criteria: ..." pasted twice, or one
    "Inclusion Criteria:" list twice), with only headings naming no group and list items between them
    (`_separates_copy`). The copy's items are each the same criterion again, for the same people; one section alike
    in two runs that differ (one exclusion list below two inclusion lists) may be two groups' own. (`lowered`:
    text.lower(), if at hand: the other rules that read the text's sections lower-case it too.)"""
    if not text:
        return []
    read = memo.get(Reading) if memo is not None else None
    if read is not None:
        parts = read.sections
    else:
        parts = text_sections(text, text.lower() if lowered is None else lowered, memo)
    parts = [part for part in parts if part.name != "criteria"]
    if len({part.name for part in parts}) == len(parts):
        return []  # no heading is written twice (most texts: one inclusion and one exclusion section)
    keys = [(_heading_of(text, part), " ".join(text[part.start:part.end].split())) for part in parts]
    found: dict[int, int] = {}  # the copy's index: the first's
    for j in range(1, len(parts)):
        for i in range(j):
            n = j - i
            if j not in found and keys[i] == keys[j] and keys[i:j] == keys[j:j + n] and \
                    not _separates_copy(text, parts[i], parts[j]):
                found.update((j + k, i + k) for k in range(n) if len(_words(keys[i + k][1])) >= MIN_ITEM_WORDS)
    return [(parts[i], parts[j]) for j, i in sorted(found.items())]


def _heading_of(text: str, part: Section) -> str:
    """The section's heading line, its white space made single spaces."""
    return " ".join(text[text.rfind("\n", 0, part.start) + 1:part.start].split())


def _separates_copy(text: str, first: Section, copy: Section) -> bool:
    """Whether a line that is neither blank, a criteria heading nor a list item stands between the first section's
    heading and its copy's, a list item names a group or offers another set ("* Cohort B", "OR"), or a heading
    there or of the two names a group or other people ("Inclusion Criteria for Cohort B")."""
    start, end = text.rfind("\n", 0, first.start) + 1, text.rfind("\n", 0, copy.start) + 1
    # a line that may stand between them: blank, a criteria heading or a list item (_LIST_LINE); any other line (a
    # cohort's or a part's name, a paragraph) may say whose the copy is
    return any(line.strip() and _LIST_LINE.match(line) is None and not _heading_line(line) or _separates(line)
               for line in text[first.start:end].split("\n")) or _group_heading_between(text, start, copy.start)
