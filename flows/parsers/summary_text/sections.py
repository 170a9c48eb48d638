"""Trial-summary page, its parts in page order: the headings above the key block, the key block, 'See also'."""
from __future__ import annotations

from flows.parsers.page_text import Sections, split_sections

# The headings above the key block, in page order; the key block follows them, and the 'See also' table it.
ABOVE_KEY_BLOCK = ("Clinical Trial Summary", "Clinical Trial Description", "Study Design",
                   "Related Conditions & MeSH terms")


def key_block_line(lines: list[str]) -> int:
    """The index of the key block's 'NCT number' line (len(lines) when none): the last such line, as the page
    spells the key or else in another case, since a description may quote another trial's 'NCT number'."""
    stripped = [line.strip() for line in lines]
    for spelt in (lambda line: line.startswith("NCT number "), lambda line: line.lower().startswith("nct number ")):
        found = [index for index, line in enumerate(stripped) if spelt(line)]
        if found:
            return found[-1]
    return len(lines)


def page_sections(lines: list[str], start: int, end: int, headings: frozenset[str]) -> Sections:
    """The sections of a page whose key block is lines[start:end]: each heading above it is the last line so
    before the next (a summary or description may hold a 'Study Design' or 'See also' line of its own), the
    headings below it as split_sections finds them."""
    above: list[tuple[int, str]] = []
    limit = start
    for heading in reversed(ABOVE_KEY_BLOCK):
        at = next((index for index in range(limit - 1, -1, -1) if lines[index].strip() == heading), None)
        if at is not None:
            above.insert(0, (at, heading))
            limit = at
    ends = [at for at, _ in above[1:]] + [start]
    found = [(heading, lines[at + 1:stop]) for (at, heading), stop in zip(above, ends)]
    below = split_sections(lines[end:], headings.difference(heading for _, heading in above))
    found += [(heading, below.lines(heading)) for heading in below.order]
    return Sections(lines[:above[0][0]] if above else lines[:start], found)
