"""clincosm study page headings, and the page read with them in their usual case.

Some saved copies show the headings in capitals ('ELIGIBILITY CRITERIA', 'OUTCOME MEASURES', as the site's style
sheet displays them) or in title case ('Sponsors And Collaborators'). Such a line is the heading it spells when
the page does not also show that heading as usual: a page that has 'Study Design' keeps a 'STUDY DESIGN' line of
its description as text.
"""
from __future__ import annotations

import re

from flows.parsers.ctgov_classic_text.arms import TABLE_HEADERS
from flows.parsers.ctgov_classic_text.outcomes import OUTCOME_SECTIONS
from flows.parsers.page_sections import Sections, has_line, heading_line_limit, sections_at

HEADINGS = frozenset({
    "Sponsor", "Overall Status", "CT.gov ID", "Collaborator", "Study Details", "Study Description",
    "Brief Summary", "Condition or Disease Intervention/Treatment Phase", "Detailed Description",
    "Study Design", "Arms and Interventions", "Outcome Measures", "Eligibility Criteria",
    "Contacts and Locations", "Sponsors and Collaborators", "Investigators",
    "Study Documents (Full-Text)", "More Information", "Study Results",
})
# The order the site shows its sections in. A heading spelt on two lines (a description's own 'Eligibility Criteria'
# line above the section) is the line that keeps this order with the page's other headings.
PAGE_ORDER = (
    "Sponsor", "Overall Status", "CT.gov ID", "Collaborator", "Study Details", "Study Description", "Brief Summary",
    "Condition or Disease Intervention/Treatment Phase", "Detailed Description", "Study Design",
    "Arms and Interventions", "Outcome Measures", "Eligibility Criteria", "Contacts and Locations",
    "Sponsors and Collaborators", "Investigators", "Study Documents (Full-Text)", "More Information", "Study Results",
)
_RANK = {heading: rank for rank, heading in enumerate(PAGE_ORDER)}
# Sections of the sponsor's free text: a line in them may spell a heading that the page shows again below.
FREE_TEXT = frozenset({"Brief Summary", "Detailed Description"})
# A whole page ends with these sections; a page without them was cut short.
CLOSING = ("More Information", "Study Results")
LOCATIONS = "Locations"
CRITERIA = "Criteria"
# Headings inside a section: where its sites, its criteria, its outcomes of each type and its arms table start.
SUB_HEADINGS = frozenset({LOCATIONS, CRITERIA}) | OUTCOME_SECTIONS | TABLE_HEADERS
# Section headings no other site's page shows; a page whose header was not copied still has them.
OWN_SECTIONS = ("Study Details", "Study Description", "Condition or Disease Intervention/Treatment Phase",
                "Arms and Interventions", "Contacts and Locations", "Sponsors and Collaborators",
                "Study Documents (Full-Text)")
# The page header's headings: a saved copy may show each with its value on the same line ('Sponsor<TAB>X').
HEADER = ("Sponsor", "Overall Status", "CT.gov ID", "Collaborator")
_BY_CASEFOLD = {heading.casefold(): heading for heading in HEADINGS | SUB_HEADINGS}
_LONGEST = max(map(len, _BY_CASEFOLD))
_INDENTED = _LONGEST + 16  # no longer line is a heading, however indented
# The longest line that split_sections takes for a section's heading.
_SECTION_LINE_LIMIT = heading_line_limit(HEADINGS)
# What a copy may show after a heading: a colon, or the count of what the section lists ('Locations (12)',
# 'Outcome Measures (3)'); a line ending in neither is looked up as it is.
_COUNT = re.compile(r"\s*\(\d{1,5}\)$")
# Each heading and sub-heading by its spelling in any case, with a colon after it or without.
_SPELT = {f"{key}{colon}": heading for key, heading in _BY_CASEFOLD.items() for colon in ("", ":", " :")}


def in_usual_case(lines: list[str]) -> list[str]:
    """The lines with each heading shown in another case, or with its table's column names parted by tabs
    ('Condition or Disease<TAB>Intervention/Treatment<TAB>Phase'), spelt as usual, where the page lacks the usual
    spelling."""
    return _recased(lines, _spelt_headings(lines))


def sections_in_usual_case(lines: list[str]) -> Sections:
    """The page split at its headings, each shown in another case spelt as usual where the page lacks the usual
    spelling: split_sections(in_usual_case(lines), HEADINGS), told from the lines that spell a heading in any case."""
    spelt = _spelt_headings(lines)
    recased = _recased(lines, spelt)
    shown = [(index, recased[index].strip()) for index, _ in spelt]
    shown = [(index, key) for index, key in shown if key in HEADINGS and len(recased[index]) <= _SECTION_LINE_LIMIT]
    starts = _heading_lines(shown)
    return sections_at(_as_given(lines, recased, starts) if recased is not lines else lines, starts)


def _as_given(lines: list[str], recased: list[str], starts: list[tuple[int, str]]) -> list[str]:
    """The recased lines, but with the page's own text on each line that spells a section's heading and starts no
    section, and on every line of a free-text section (a description's 'STUDY DESIGN' or 'Locations:' line is the
    description's text, as the page gives it)."""
    begins = dict(starts)
    kept = list(recased)
    free = False
    for index, line in enumerate(lines):
        if index in begins:
            free = begins[index] in FREE_TEXT
        elif kept[index] is not line and (free or kept[index].strip() in HEADINGS):
            kept[index] = line
    return kept


def _heading_lines(shown: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Of the lines spelling a heading (number, heading; page order), the one that starts each section: a heading's
    only line, and of a heading spelt on several lines the one in the site's order among the page's other headings
    (_in_page_order); the other lines are text of the section they are in."""
    lines_of: dict[str, list[int]] = {}
    for index, key in shown:
        lines_of.setdefault(key, []).append(index)
    if len(lines_of) == len(shown):  # each heading on one line: the usual page
        return shown
    single = [(index, key) for index, key in shown if len(lines_of[key]) == 1]
    starts = dict(single)
    for key, indexes in lines_of.items():
        if len(indexes) > 1:
            starts[_in_page_order(key, indexes, single)] = key
    return sorted(starts.items())


def _in_page_order(key: str, indexes: list[int], single: list[tuple[int, str]]) -> int:
    """The line of a heading spelt on several lines that starts its section: the one with the fewest of the page's
    other headings out of the site's order around it; of lines alike so, the first, unless it stands in a free-text
    section (a summary's or description's own line that spells the heading shown again below it)."""
    rank = _RANK[key]
    misplaced = [sum((other < index) != (_RANK[heading] < rank) for other, heading in single) for index in indexes]
    fewest = [index for index, count in zip(indexes, misplaced) if count == min(misplaced)]
    above = [heading for other, heading in single if other < fewest[0]]
    return fewest[-1] if above and above[-1] in FREE_TEXT else fewest[0]


def _spelt_headings(lines: list[str]) -> list[tuple[int, str]]:
    """The number of each line that spells a heading in any case (one with tabs read with its cells parted by a
    space), and that heading, in page order."""
    # a blank line and one longer than a heading's spells none: passed over without a call
    return [(index, heading) for index, line in enumerate(lines)
            if line and len(line) <= _INDENTED and (heading := heading_spelt(line))]


def heading_spelt(line: str) -> str | None:
    """The heading or sub-heading a line spells in any case, with a colon or a count after it (a line with tabs read
    with its cells parted by a space); None for any other line."""
    if not line or len(line) > _INDENTED:
        return None
    key = (" ".join(line.split()) if "\t" in line else line.strip()).casefold()
    return _SPELT.get(key) or (")" in key and _counted(key)) or None


def _counted(key: str) -> str | None:
    """The heading or sub-heading a stripped, case-folded line spells with a count after it ('locations (12)')."""
    return _BY_CASEFOLD.get(_COUNT.sub("", key)) if key[-1] == ")" else None


def _recased(lines: list[str], spelt: list[tuple[int, str]]) -> list[str]:
    """The lines with each heading of `spelt` (_spelt_headings) spelt as usual where the page lacks the usual
    spelling."""
    usual = {heading for index, heading in spelt if lines[index].strip() == heading}
    recased = {index: heading for index, heading in spelt if heading not in usual}
    return [recased.get(index, line) for index, line in enumerate(lines)] if recased else lines


def header_on_own_lines(lines: list[str]) -> list[str]:
    """The page with each header heading that shows its value on its line ('Sponsor<TAB>X', 'CT.gov ID: NCT...') on a
    line of its own above the value; only in the header, above the first other heading (a description's
    'Sponsor: ...' stays text)."""
    kept: list[str] = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.casefold() in _BY_CASEFOLD and stripped not in HEADER:
            return kept + lines[index:] if len(kept) > index else lines
        if not stripped.startswith(HEADER):  # most lines: no header heading begins them
            kept.append(line)
            continue
        label = next(label for label in HEADER if stripped.startswith(label))
        value = stripped[len(label) + 1:].strip()
        kept += [label, value] if stripped[len(label):][:1] in ("\t", ":") and value else [line]
    return kept


def own_sections_in_capitals(text: str) -> int:
    """How many of the page's own section headings the text shows in capitals (a saved copy's style)."""
    return sum(has_line(text, heading.upper()) for heading in OWN_SECTIONS)
