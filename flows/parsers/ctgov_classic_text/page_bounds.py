"""clincosm pages saved one after another in one file: where each begins (its 'CT.gov ID' heading, its title above
its header)."""
from __future__ import annotations

from flows.parsers.ctgov_classic_text.headings import HEADER, HEADINGS


def starts_page(line: str) -> bool:
    """Whether the line is a page's 'CT.gov ID' heading (one per page), alone or with the id beside it."""
    return line == "CT.gov ID" or line.startswith(("CT.gov ID:", "CT.gov ID\t"))


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
    return any(line.casefold() == label.casefold() or line.startswith((f"{label}:", f"{label}\t")) for label in HEADER)
