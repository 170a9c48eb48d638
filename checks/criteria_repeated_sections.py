"""Criteria sections written again whole (`repeated_sections`): the same run of headings and criteria pasted
twice, with nothing between them that says whose the copy is."""
from __future__ import annotations

from checks.criteria_group_labels import group_heading_between, separates
from checks.criteria_items import MIN_ITEM_WORDS, words_of
from checks.criteria_list_breaks import LIST_LINE
from checks.criteria_sections import Section, heading_line
from checks.criteria_text import Reading, text_sections


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
                found.update((j + k, i + k) for k in range(n) if len(words_of(keys[i + k][1])) >= MIN_ITEM_WORDS)
    return [(parts[i], parts[j]) for j, i in sorted(found.items())]


def _heading_of(text: str, part: Section) -> str:
    """The section's heading line, its white space made single spaces."""
    return " ".join(text[text.rfind("\n", 0, part.start) + 1:part.start].split())


def _separates_copy(text: str, first: Section, copy: Section) -> bool:
    """Whether a line that is neither blank, a criteria heading nor a list item stands between the first section's
    heading and its copy's, a list item names a group or offers another set ("* Cohort B", "OR"), or a heading
    there or of the two names a group or other people ("Inclusion Criteria for Cohort B")."""
    start, end = text.rfind("\n", 0, first.start) + 1, text.rfind("\n", 0, copy.start) + 1
    # a line that may stand between them: blank, a criteria heading or a list item (LIST_LINE); any other line (a
    # cohort's or a part's name, a paragraph) may say whose the copy is
    return any(line.strip() and LIST_LINE.match(line) is None and not heading_line(line) or separates(line)
               for line in text[first.start:end].split("\n")) or group_heading_between(text, start, copy.start)
