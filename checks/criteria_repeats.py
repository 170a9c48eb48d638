"""Criteria stated twice in one list (`repeated_items`), a short one only as a list line of its own: not a deleted
criterion's placeholder or a note written alike, nor two criteria whose signs differ ("HBsAg (+)", "HBsAg (-)")."""
from __future__ import annotations

import re
from bisect import bisect_left

from checks.criteria_headings import stated_twice_across_headings
from checks.criteria_items import ITEM_MARK_AT, MIN_ITEM_WORDS, SHORT_ITEM_WORDS, Item, items, short_item, words_of
from checks.criteria_list_breaks import LIST_LINE, NEXT_TEXT_LINE, new_list_between
from checks.criteria_list_numbers import indent
from checks.criteria_repeat_screen import may_repeat, short_lines_may_repeat, word_bytes
from checks.criteria_sections import Section
from checks.criteria_text import numbered_reading, reading, text_sections

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
    read = numbered_reading(text, memo)

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
                not _two_criteria(text, first, item) and not _numbered_again_otherwise(text, first, item) and \
                _in_one_list(text, first, item):
            repeats.append((first, item))
        seen[item.key] = item
    return repeats


def _in_one_list(text: str, first: Item, repeat: Item) -> bool:
    """Whether two items stand in one list (`new_list_between`), or in an exclusion section under topical headings
    that exclude them at the same time (checks.criteria_headings)."""
    return not new_list_between(text, first, repeat) or repeat.section == "exclusion" and \
        stated_twice_across_headings(text, first.start, first.end, repeat.start)


def _started_again(first: Item, repeat: Item) -> bool:
    """Whether the repeat has the first's list number with other items between: a list numbered again from there
    ("1. Age 18 years or older", "2. Confirmed sepsis", "1. Age 18 years or older"), as another group's is."""
    return first.number is not None and first.number == repeat.number and first.end != repeat.start


def _numbered_again_otherwise(text: str, first: Item, repeat: Item) -> bool:
    """Whether the repeat's list is numbered again (`_started_again`) with marks written otherwise ("2. Junior high
    school education or above" then, after another group's heading run inline, "2) Junior high school education or
    above"): another group's list written apart, not the first list pasted again, which keeps its marks."""
    if not _started_again(first, repeat):
        return False
    marks = [ITEM_MARK_AT.match(text, item.start, item.end) for item in (first, repeat)]
    return all(marks) and _MARK_DIGITS.sub("", marks[0].group(0)) != _MARK_DIGITS.sub("", marks[1].group(0))


_MARK_DIGITS = re.compile(r"[\d\s]+")


# A heading written as a list line: in bold ("* **Prior therapy**") or in capitals, two words of three letters or more
# ("1. PRIOR CONCURRENT THERAPY"; not "ECOG PS 0-1").
_BOLD = re.compile(r"\*\*|__")
_CAPITAL_WORDS = re.compile(r"[A-Z]{3,}")


def _short_criterion(text: str, item: Item) -> bool:
    """Whether a short item (fewer than `MIN_ITEM_WORDS` words) is a criterion its list states on a line of its own:
    the line opens with a list mark and holds all of the item's words, and it is no heading: in bold, in capitals,
    or above list lines indented below it ("1. Prior therapy" then "   * No prior chemotherapy"), its own list's."""
    mark_end = ITEM_MARK_AT.match(text, item.start, item.end).end()
    line_start = text.rfind("\n", 0, mark_end) + 1
    line_end = text.find("\n", mark_end)
    line_end = len(text) if line_end < 0 else line_end
    opening = ITEM_MARK_AT.match(text, line_start, line_end).end()  # the line's list mark, from its start
    if LIST_LINE.match(text, line_start) is None or opening < mark_end or \
            words_of(text[line_end:item.end] if line_end < item.end else text[item.end:line_end]):
        return False  # no list line, or the item opens inside its line, ends inside it or goes on below it
    line = text[line_start:line_end]
    if _BOLD.search(line) or line.isupper() and len(_CAPITAL_WORDS.findall(line)) >= 2:
        return False
    below = NEXT_TEXT_LINE.search(text, line_end)
    return below is None or LIST_LINE.match(below[1]) is None or indent(below[1]) <= indent(line)
