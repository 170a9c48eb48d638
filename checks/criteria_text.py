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

What each part reads is in the modules beside this one, which `Reading` draws on: `criteria_sections` (the
headings and the sections they open), `criteria_list_numbers` (where list numbers stand), `criteria_list_walk` (the
numbers that number items, and the lists they open), `criteria_quantities` (a number that skips in a run-in list, or
is a quantity), `criteria_gaps` and `criteria_left_out` (numbers skipped, and those the record leaves out on
purpose), `criteria_items` (the criteria as items), `criteria_group_labels` (lines that name a group),
`criteria_list_breaks` (whether two criteria stand in one list), `criteria_repeats` and `criteria_repeated_sections`
(a criterion or a section stated twice).
"""
from __future__ import annotations

from bisect import bisect_left
from functools import partial

from checks.criteria_list_numbers import AS_MARKER, Marker, candidate_rows, markers_in, may_number
from checks.criteria_repeat_screen import word_bytes
from checks.criteria_sections import Section, sections

# A section kept as a plain tuple of its fields, made a `Section` when asked for (as a list number is, `AS_MARKER`).
_AS_SECTION = partial(tuple.__new__, Section)


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
        self.numbered = False  # whether the text was found to hold a list number (`numbered_reading`)

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
        return list(map(AS_MARKER, rows[span[0]:span[1]])) if span is not None else markers_in(self.text, section)

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
            rows = candidate_rows(self.text, self.sections, in_line)
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
    fields (as a reading keeps its list numbers, `AS_MARKER`)."""
    read = memo.get(Reading) if memo is not None else None
    if read is not None:
        return read.sections
    if memo is None:
        return sections(text, lowered)
    found = memo.get(sections)
    if found is None:
        found = memo[sections] = tuple(map(tuple, sections(text, lowered)))
    return list(map(_AS_SECTION, found))


def numbered_reading(text: str | None, memo: dict | None) -> Reading | None:
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


def _list_numbers(text: str, memo: dict | None) -> list[int]:
    """Where the candidate list numbers of the text stand, as both rules see them."""
    read = numbered_reading(text, memo)
    return read.list_numbers() if read is not None else []
