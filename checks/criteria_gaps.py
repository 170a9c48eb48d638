"""Where numbered criteria skip numbers or start after 1 (`numbering_gaps`), but for the numbers the record accounts
for: written another way ("3 Serious", "1a.", "**3.**"), named by a lead-in ("criteria 1 to 3 of Part A and:"), kept
from another group's list ("Same as Part A, except:"), a heading's number, or a first criterion written without its."""
from __future__ import annotations

import re
from typing import Iterator

from checks.criteria_gap_bullets import counted_by_bullets, run_on_below_bullets
from checks.criteria_left_out import said_removed, selected_lists
from checks.criteria_list_numbers import IN_LINE_BRACKET, IN_LINE_POINT, LINE_MARKER
from checks.criteria_list_walk import NumberingGap, walk
from checks.criteria_quantities import MARK_AT
from checks.criteria_sections import COLONS, HEADING_FIRST_ITEM, Section, heading_line
from checks.criteria_text import Reading, numbered_reading

# How far before a gap to look for the missing number written without its point.
BARE_LOOKBACK = 300
# A list's bullet before its number ("* 3.", "- 3.").
_BULLET = r"(?:[-*\u2022][ \t]*)?"


def _written_bare(read: Reading, gap: NumberingGap) -> bool:
    """Whether each missing number stands just before the gap written another way: without its point ('3 Serious'), with
    its point run into a criterion that opens with a number ('; 3.4 points ≤ NIHSS score', '; 5.1 Type diabetes':
    NCT05686642, NCT05687890; '* 3.50×10^9/L≤platelets' in a bulleted list), which reads as a decimal or a value, or
    opening a line with a letter, a colon, a dash, a comma or bold marks ("1a. Adults", "1: Age", "**3.** ECOG", "#1.",
    "No. 1", "3 ECOG"), or inside a line with its point or bracket and a comma ("gel. 18,. Any history", "outcomes 2),
    plans to move") or after a stray point ("(e.g. molsidomine) .2. Patients"), in brackets after a semicolon ("; (2).
    The person") or glued to a closing bracket ("(as applicable)8. Females"). A number that opens a line or stands
    mistyped so is looked for from the line of the list number before the gap, however long that criterion is."""
    if gap.found - gap.expected > MAX_WRITTEN_OTHERWISE:
        return False
    text = read.text
    near_start = max(0, gap.at - BARE_LOOKBACK)
    before = text[near_start:gap.at]
    item_start = min(near_start, _item_before(read, gap))
    since_item = text[item_start:gap.at]
    return all(re.search(rf"(?<![\d.,])\b{n}[ \t]+[A-Z][a-z]|(?:[;:]\s+|\n\s*{_BULLET}){n}\\?\.\d", before) is not None
               or re.search(_OPENS_LINE_OTHERWISE.format(n), since_item, re.M) is not None
               or _mistyped(text, item_start, gap.at, n) or _run_on_after_word(since_item, n)
               or re.search(_RUN_ON_BRACKETED_OR_GLUED.format(n), since_item) is not None
               or n == 1 and _lettered_first(read, gap) or _run_on_in_item(read, gap, n)
               for n in range(gap.expected, gap.found))


# A list number run on after a criterion's last word: at the end of a hard-wrapped line, its criterion on the next
# ("... stem cell transplantation 10.\n Received radiotherapy", "... or whooping); 5.\n who had household contact"),
# or inside a line with a letter after it ("... at screening 3A. Have had a revascularization") (the pattern of one
# number, `{}`).
_RUN_ON_AFTER_WORD = r"(?<=[A-Za-z);,] ){0}(?:\\?\.(?=[ \t]*\n[ \t]*[A-Za-z])|[A-Z]\\?\.(?=[ \t]+[A-Z][a-z]))"
# Words a quantity follows ("grade 0 to 10.", "NYHA class 3A."): the number after them is a value, not a list's.
_BEFORE_A_QUANTITY = frozenset(("to", "and", "or", "than", "of", "grade", "stage", "type", "class", "level", "phase",
                                "version", "score", "step", "cycle", "day", "days", "week", "weeks", "month", "visit",
                                "cohort", "part", "group", "arm", "criterion", "criteria", "item", "items", "section",
                                "appendix", "table", "figure", "least", "most", "over", "under", "above", "below",
                                "from", "is", "are", "be", "was", "were", "by", "per", "ecog", "nyha", "who", "tier"))


def _run_on_after_word(since_item: str, number: int) -> bool:
    """Whether `number` stands run on after a criterion's last word in the item before the gap
    (`_RUN_ON_AFTER_WORD`), a word no quantity follows (`_BEFORE_A_QUANTITY`): the missing criterion is there."""
    for m in re.finditer(_RUN_ON_AFTER_WORD.format(number), since_item):
        word = re.search(r"([A-Za-z]+)\W*\Z", since_item[max(0, m.start() - 40):m.start()])
        if word is None or word[1].lower() not in _BEFORE_A_QUANTITY:
            return True
    return False


# A list number run on inside a line in brackets and with a point after a semicolon or a full stop ("...
# medication treatment); (2). The person has a phone; (3). ...", "years;(8). The person", NCT01342523), or glued
# with its point to the bracket that closes a word ("R0 (as applicable)8. Females of child-bearing", NCT01371747),
# before its criterion's capitalised word (the pattern of one number, `{}`).
_RUN_ON_BRACKETED_OR_GLUED = r"[;.][ \t]*\({0}\)\\?\.[ \t]*[A-Z][a-z]|(?<=[a-z]\)){0}\\?\.[ \t]+[A-Z][a-z]"


# A first criterion numbered with a letter after its 1 at a line's start ("1a. For Cohort 1:" ... "OR" ... "1b. For
# Cohort 2:" then "2. Adequate general health": NCT00084084): alternatives of one criterion, criterion 1.
_LETTERED_FIRST = re.compile(rf"^[ \t]*{_BULLET}\(?1[a-z]\\?[.)][ \t]+\S", re.M)


def _lettered_first(read: Reading, gap: NumberingGap) -> bool:
    """Whether a list that starts after 1 has its criterion 1 written with letters (`_LETTERED_FIRST`) between its
    section's start and the gap, however long its alternatives are."""
    section = next((s for s in read.sections if s.start <= gap.at < s.end), None)
    return gap.expected == 1 and section is not None and \
        _LETTERED_FIRST.search(read.text, section.start, gap.at) is not None


# A list number run on inside a line after a word or a bracket, before a capitalised word ("... with evidence of
# metastasis 3. Subject has a known KRAS mutation status", "... criterion) 10. Females ... must:") (the pattern of one
# number, `{}`).
_RUN_ON_ITEM = r"(?<=[A-Za-z);,] ){0}\\?\.[ \t]+[A-Z][a-z]"
# A sub-list's first number opening a line ("1. Either commit to ...").
_SUB_LIST_FIRST = re.compile(r"^[ \t]*(?:[-*\u2022][ \t]*)?\(?1[.)][ \t]+\S", re.M)


def _run_on_items(text: str, start: int, end: int, number: int) -> Iterator[re.Match]:
    """Each place between `start` and `end` where `number` stands run on inside a line (`_RUN_ON_ITEM`) after a
    bracket or a word no quantity follows (`_BEFORE_A_QUANTITY`: "grade 3. Patients" is a value)."""
    for m in re.compile(_RUN_ON_ITEM.format(number)).finditer(text, start, end):
        word = re.search(r"([A-Za-z]+) \Z", text[max(start, m.start() - 40):m.start()])
        if word is None or word[1].lower() not in _BEFORE_A_QUANTITY:
            yield m


def _run_on_in_item(read: Reading, gap: NumberingGap, number: int) -> bool:
    """Whether `number` stands run on inside a line (`_run_on_items`) of the criteria from the list number before
    the one missing up to the gap, in the gap's section ("- 1. Subject is >= 18 years old ... Form 2.\n Subject has
    ... metastasis 3. Subject has a known KRAS mutation status" then "4. Subject has": NCT02103062); numbers of
    an earlier list in the text are not read."""
    section = next((s for s in read.sections if s.start <= gap.at < s.end), None)
    item_start = _item_before(read, gap)
    if section is None or item_start >= gap.at:
        return False
    return next(_run_on_items(read.text, max(section.start, item_start), gap.at, number), None) is not None


# A list number inside a line after a sentence's end, with its point and a criterion opening with a capital ("d.
# Platelet count <100,000 / mm3. 17. Serum creatinine levels", NCT04330495; its criterion may open the next line of a
# hard-wrapped paragraph): that criterion stands there, run on (the pattern of one number, `{}`).
_IN_LINE_AFTER_A_SENTENCE = r"(?<=[A-Za-z0-9);,.] ){0}\\?\.(?:[ \t]+|[ \t]*\n[ \t]*)[A-Z][a-z]"


def run_on_at_the_top(text: str, gap: NumberingGap, memo: dict | None = None) -> list[int]:
    """The numbers at the top of the gap, the last missing and down, each standing inside a line (after a sentence's
    end, a word or a bracket, not after a word a quantity follows) between the list number before the gap and the gap
    ("... mm3. 17. Serum creatinine" before "18."): written there, not missing. The gap's first number is never one:
    a gap whose every number so stands is none (`numbering_gaps`)."""
    read = numbered_reading(text, memo)
    return [] if read is None else _standing_in_line(read, gap, range(gap.found - 1, gap.expected, -1))


def _standing_in_line(read: Reading, gap: NumberingGap, numbers: range) -> list[int]:
    """The first of `numbers` and those after it, up to the first that does not, that stand inside a line between
    the list number before the gap and the gap (`_IN_LINE_AFTER_A_SENTENCE`), in ascending order."""
    text = read.text
    section = next((s for s in read.sections if s.start <= gap.at < s.end), None)
    start = max(section.start, _item_before(read, gap)) if section is not None else gap.at
    standing = []
    for number in numbers:
        places = re.compile(_IN_LINE_AFTER_A_SENTENCE.format(number)).finditer(text, start, gap.at)
        if not any(_no_quantity_before(text, start, m.start()) for m in places):
            break
        standing.append(number)
    return sorted(standing)


def _every_number_in_line(read: Reading, gap: NumberingGap) -> bool:
    """Whether every number of the gap stands inside a line before it (`_standing_in_line`): a paragraph that runs its
    criteria on ("... long QT syndromes. 9. Patients receiving ... dosing 10. Use of any" before "11."), none lost."""
    numbers = range(gap.expected, gap.found)
    return len(_standing_in_line(read, gap, numbers)) == len(numbers)


def _no_quantity_before(text: str, start: int, at: int) -> bool:
    """Whether the word right before `at` is none a quantity follows (`_BEFORE_A_QUANTITY`)."""
    word = re.search(r"([A-Za-z]+) \Z", text[max(start, at - 40):at])
    return word is None or word[1].lower() not in _BEFORE_A_QUANTITY


def _sub_list_closed(read: Reading, gap: NumberingGap) -> bool:
    """Whether the number found after a sub-list's last item continues the list above it: the number before it
    stands run on inside a line earlier in the section (`_run_on_items`), and a sub-list numbered from 1 opens a line
    below it ("10. Females ... must:" "1. Either ..." "2. Have a negative pregnancy test" "11. Male subjects":
    NCT02103062). The gap is the sub-list's end, not criteria lost."""
    section = next((s for s in read.sections if s.start <= gap.at < s.end), None)
    if gap.expected < 2 or gap.found < 3 or section is None:
        return False
    return any(_SUB_LIST_FIRST.search(read.text, m.end(), gap.at) is not None
               for m in _run_on_items(read.text, section.start, gap.at, gap.found - 1))


def _item_before(read: Reading, gap: NumberingGap) -> int:
    """Where the line starts of the last list number before the gap that is the number before the one missing (the
    gap's own position when there is none): its criterion runs on up to the gap, whatever its length."""
    section = next((s for s in read.sections if s.start <= gap.at < s.end), None)
    before = [mk.start for mk in read.candidates(section) if mk.start < gap.at and mk.number == gap.expected - 1] \
        if section is not None else []
    return read.text.rfind("\n", 0, before[-1]) + 1 if before else gap.at


# A list number inside a line, before its criterion, typed with its point or bracket and a comma after white space
# ("18,.", "3.,", "2),"), or with a stray point before it, written apart from the sentence before ("molsidomine) .2.
# Patients"), or after a sentence's end with its point moved onto the criterion ("components. 5 .Use of any",
# NCT04534725): the number is there, mistyped (the pattern of one number, `{}`).
_MISTYPED_MARK = (r"(?<=[ \t]){0}(?:,\.|\.,|\),)[ \t]*[A-Za-z]|(?<=[ \t]\.){0}\\?\.[ \t]*[A-Z]"
                  r"|(?<=[.;][ \t]){0}[ \t]\\?\.(?=[A-Z][a-z])")


def _mistyped(text: str, start: int, end: int, number: int) -> bool:
    """Whether `number` stands between `start` and `end` typed with a comma or after a stray point
    (`_MISTYPED_MARK`), closing no bracket opened before it on its line ("(grade 1 or 2), or" is a quantity)."""
    for m in re.compile(_MISTYPED_MARK.format(number)).finditer(text, start, end):
        line = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
        if line.rfind("(") <= line.rfind(")"):
            return True
    return False


# A list number opening a line written otherwise than `LINE_MARKER` reads it (the pattern of one number, `{}`):
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
    read = numbered_reading(text, memo)
    if read is None:
        return []  # no list number, no gap
    gaps = [gap for gap in _gaps(read) if not _written_bare(read, gap)]
    if not gaps:
        return gaps
    removed = said_removed(text, read.lowered)
    selections = selected_lists(read)
    return [gap for gap in gaps if gap.section not in selections
            and not all(n in removed for n in range(gap.expected, gap.found))
            and not _changes_only(read, gap.at) and not _numbers_a_heading(text, gap.at)
            and not _referred_to(read, gap) and not _first_unnumbered(read, gap)
            and not _unnumbered_paragraphs(read, gap) and not counted_by_bullets(read, gap)
            and not run_on_below_bullets(read, gap)
            and not _sub_list_closed(read, gap) and not _every_number_in_line(read, gap)]


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
    in a colon ("Inclusion Criteria:" then "Age 18 years or older" then "2. ECOG 0-1"), or a lead-in that does, with
    its sub-items lettered A, B, C (`_lead_in_with_lettered_items`). Criterion 1 is there; only its number is not."""
    if gap.expected != 1 or gap.found != 2:
        return False
    text = read.text
    section = next((s for s in read.sections if s.start <= gap.at < s.end), None)
    line_start = text.rfind("\n", 0, gap.at) + 1
    if section is None or line_start <= section.start or text[line_start:gap.at].strip(" \t-*\u2022("):
        return False  # the list starts on the heading's line, or inside a line
    above = text[section.start:line_start].strip()
    return 0 < len(above) <= UNNUMBERED_WIDTH and not above.endswith(COLONS) and \
        _BLANK_LINE.search(above) is None and LINE_MARKER.search(above) is None and \
        _LIST_TITLE.fullmatch(above) is None or _lead_in_with_lettered_items(above)


# A line that opens with a sub-item's capital letter and point or bracket ("A. Persistent dry cough", "(B) Fever").
_LETTERED_ITEM = re.compile(r"^[ \t]*(?:[-*\u2022][ \t]*)?\(?([A-Z])[.)][ \t]+\S", re.M)


def _lead_in_with_lettered_items(above: str) -> bool:
    """Whether the text above a list that starts at 2 is its first criterion written without its number as a lead-in
    ending in a colon and its sub-items lettered A, B, C... ("Patients with COVID-19 presenting:" then "A. Dry cough",
    "OR", "B. Flu-like symptoms" then "2. Men and women aged > 50", NCT04403100)."""
    letters = list(_LETTERED_ITEM.finditer(above))
    if len(letters) < 2 or [m[1] for m in letters] != [chr(ord("A") + i) for i in range(len(letters))]:
        return False
    lead_in = above[:letters[0].start()].strip()
    return 0 < len(lead_in) <= UNNUMBERED_WIDTH and lead_in.endswith(COLONS) and \
        _BLANK_LINE.search(lead_in) is None and LINE_MARKER.search(above) is None


# A number run on inside a criterion's paragraph after a word ("at screening and randomization 3. Participants
# reported"): the criterion it numbers lost its line break, not its number (the pattern of one number, `{}`).
_RUN_ON_NUMBER = r"(?<=[a-z,;)] ){0}\\?\.[ \t]+[A-Z]"
# A paragraph that speaks of the criteria, not one of them ("Note: ...", "Criterion 2 applies to all participants").
_ABOUT_CRITERIA = re.compile(r"^note\b|\bcriteri(?:on|a)\b", re.I)
# How many numbers a list may skip and still have them all written as paragraphs without their numbers.
MAX_UNNUMBERED = 3


def _unnumbered_paragraphs(read: Reading, gap: NumberingGap) -> bool:
    """Whether the numbers a list skips after its criterion `gap.expected - 1` are its paragraphs below that criterion
    written without their numbers: one paragraph that opens with no list number for each missing number not run on
    inside one of them (`_RUN_ON_NUMBER`), none a sub-item, a note or a lead-in ending in a colon ("1." then "BMI
    28-40 at screening and randomization 3. Participants ..." then "(4)": criteria 2 and 3 are there)."""
    missing = range(gap.expected, gap.found)
    item_start = _item_before(read, gap)
    if gap.expected < 2 or len(missing) > MAX_UNNUMBERED or item_start >= gap.at:
        return False
    line_start = read.text.rfind("\n", 0, gap.at) + 1
    if read.text[line_start:gap.at].strip(" \t-*\u2022("):
        return False  # the number stands inside a line
    paragraphs = [p.strip() for p in _BLANK_LINE.split(read.text[item_start:line_start])[1:] if p.strip()]
    if any(LINE_MARKER.match(p) or p.startswith(("-", "*", "\u2022", "(")) or p.endswith(COLONS)
           or _ABOUT_CRITERIA.search(p) for p in paragraphs):
        return False
    run_on = [n for n in missing if any(re.search(_RUN_ON_NUMBER.format(n), p) for p in paragraphs)]
    return len(paragraphs) == len(missing) - len(run_on) > 0


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
    mark = MARK_AT.match(text, at)
    return mark is not None and heading_line(text[mark.end():len(text) if line_end < 0 else line_end].strip())


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
    first = HEADING_FIRST_ITEM.search(text, line_start, section.start)
    if first is None or IN_LINE_POINT.search(text, first.end(), section.start) is None and \
            IN_LINE_BRACKET.search(text, first.end(), section.start) is None:
        return None
    return Section(section.name, first.start(1), section.end, section.opened)
