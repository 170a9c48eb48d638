"""clincosm pages saved one after another in one file: where each begins (its 'CT.gov ID' heading, its title above
its header)."""
from __future__ import annotations

from flows.parsers.ctgov_classic_text.headings import FREE_TEXT, HEADER, HEADINGS, heading_spelt
from flows.parsers.several_pages import page_starts, quoted_starts

# The headings a page shows first below its 'CT.gov ID': the rest of its header, then its first sections.
_OPENING = frozenset({*HEADER, "Study Details", "Study Description", "Brief Summary"})


def starts_page(line: str) -> bool:
    """Whether the line is a page's 'CT.gov ID' heading (one per page), alone or with the id beside it."""
    return line == "CT.gov ID" or line.startswith(("CT.gov ID:", "CT.gov ID\t"))


def page_start_lines(lines: list[str]) -> tuple[list[int], dict]:
    """The indexes of the page's and each further page's 'CT.gov ID' line; not a line of a description that names
    another study as a header does ('CT.gov ID' above its id), whose next heading is none a page opens with. Also
    the start lines that another section holds (quoted_starts)."""
    return quoted_starts(lines, page_starts(lines, starts_page, "CT.gov ID"), _heading_of, FREE_TEXT, _OPENING,
                         frozenset(HEADER))


def _heading_of(line: str) -> str | None:
    """The heading a line spells in any case, a header's heading also with its value beside it; None for text."""
    stripped = line.strip()
    return next((label for label in HEADER if _is_label(stripped, label)), None) or heading_spelt(line)


def _is_label(line: str, label: str) -> bool:
    """Whether the line is the header heading `label`, alone or with its value beside it."""
    return line.casefold() == label.casefold() or line.startswith((f"{label}:", f"{label}\t"))


_SECTION_HEADINGS = frozenset(heading.casefold() for heading in HEADINGS.difference(HEADER))


def page_top(lines: list[str], lo: int, start: int) -> tuple[int, int] | None:
    """Where the page whose 'CT.gov ID' is lines[start] begins: its title, the line right above its header. The
    lines between the page above's last section heading ('Study Results', whose text is not read) and it may be
    either page's."""
    last = next((at for at in range(start - 1, lo - 1, -1) if lines[at].strip().casefold() in _SECTION_HEADINGS), None)
    if last is None:
        return None
    header = next(at for at in range(last + 1, start + 1) if _in_header(lines[at].strip()))
    return last + 1, next((at for at in range(header - 1, last, -1) if lines[at].strip()), header)


def _in_header(line: str) -> bool:
    """Whether the line is a header heading, alone or with its value beside it."""
    return any(_is_label(line, label) for label in HEADER)
