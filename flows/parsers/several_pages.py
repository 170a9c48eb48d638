"""A text file that holds several pages of one site: each page read as its own study, where each begins is certain;
else the file's reject, with why."""
from __future__ import annotations

from flows.parsers.model import Parsed, Problem
from flows.parsers.page_text import failure

SEVERAL_PAGES = "several pages in one file"
# Two pages of one study in one file that read differently: one file keeps one version of a study (the warehouse
# keys a version by study and file), and which of the two is current cannot be told within one file.
DIFFERING_PAGES = "differing pages of one study in one file"


def page_starts(lines: list[str], starts_page, marker: str | None = None) -> list[int]:
    """The indexes of the lines that begin a page of the layout (`starts_page(stripped line)`). `marker`: text
    every such line holds as written, which passes over the other lines without a call (every page is read so)."""
    if marker is None:
        return [index for index, line in enumerate(lines) if starts_page(line.strip())]
    return [index for index, line in enumerate(lines) if marker in line and starts_page(line.strip())]


def quoted_starts(lines: list[str], starts: list[int], heading_of, free_text: frozenset[str],
                  opening: frozenset[str], skipped: frozenset[str] = frozenset()) -> tuple[list[int], dict]:
    """The page start lines, without each one after the first that a free-text section of the page above quotes: a
    study named in a description ('NCT ID: NCT01234567' on a line of its own). Such a line stands below a free-text
    heading (`free_text`; headings in `skipped`, a page header's own labels, passed over) and the next heading
    below it is none a page opens with (`opening`), where a page's own start line comes with its page's opening
    headings. `heading_of(line)`: the heading a line spells, or None. A line with no heading below it stays a start
    (a page cut short after its start line). Also each kept start line that another section holds, with no page's
    first heading below it: {index: (the heading above it, the heading below it)}, for the file's reject."""
    if len(starts) < 2:
        return starts, {}
    kept, inside = starts[:1], {}
    for at, start in enumerate(starts[1:], 1):
        above = next((heading for line in reversed(lines[kept[-1] + 1:start])
                      if (heading := heading_of(line)) is not None and heading not in skipped), None)
        end = starts[at + 1] if at + 1 < len(starts) else len(lines)
        below = next((heading for line in lines[start + 1:end] if (heading := heading_of(line)) is not None), None)
        if below is None or below in opening:
            kept.append(start)
        elif above not in free_text:
            kept.append(start)
            inside[start] = (above, below)
    return kept, inside


def several_pages(layout: str, lines: list[str], starts: list[int], page_top, read,
                  also: list[int] | None = None, inside: dict | None = None) -> Parsed | None:
    """None when fewer than two pages begin in the file; else each page read on its own by `read(bytes)`, all their
    records and problems in one Parsed, or the file's reject when where each page begins cannot be told.

    `page_top(lines, lo, start)` gives (lowest, top) for the page whose start line is lines[start]: `top` the line
    it begins with (its title above its start line), `lowest` the first line after what the page above surely
    holds (lines between may be either page's: they must read the same either way); None when it cannot be told.
    `also`: where a second start test finds the pages; each page's line must lie between two of `starts`.
    `inside`: the start lines that stand inside a section of the page above (quoted_starts), said in the reject."""
    if len(starts) < 2 or (also is not None and len(also) < 2):
        return None
    if also is not None and not _paired(starts, also):
        return _several(layout, starts, "its page start lines do not pair up")
    ends = also or starts  # the last line of a page's own start lines: the next page begins below it
    edges = [page_top(lines, ends[at - 1] + 1, start) for at, start in enumerate(starts) if at]
    if None in edges:
        return _several(layout, starts, "where a page begins cannot be told")
    tops = [0] + [top for _, top in edges] + [len(lines)]
    pages = [read(_joined(lines[top:end])) for top, end in zip(tops, tops[1:])]
    if not all(page.records for page in pages[:-1]):  # a start line quoted inside a page, or a page cut short
        if inside:
            return _within(layout, *next(iter(inside.items())))
        return _several(layout, starts, "a page before the last is no whole study page")
    for at, (lowest, top) in enumerate(edges):
        if lowest < top and (read(_joined(lines[tops[at]:lowest])) != pages[at]
                             or read(_joined(lines[lowest:tops[at + 2]])) != pages[at + 1]):
            return _several(layout, starts, f"the lines above line {top + 1} may belong to either page")
    return _one_parsed(layout, pages, [top + 1 for top in tops[:-1]])


def _paired(starts: list[int], also: list[int]) -> bool:
    """Whether each page's second start line stands after its first and before the next page's."""
    return len(starts) == len(also) and all(start < other < after for start, other, after
                                            in zip(starts, also, starts[1:] + [float("inf")]))


def _within(layout: str, start: int, headings: tuple[str | None, str]) -> Parsed:
    """The reject of a file whose page start line stands inside a section of the page above it."""
    above, below = headings
    under = f"under its '{above}' heading" if above else "above its first heading"
    return failure(layout, SEVERAL_PAGES, f"line {start + 1} reads as a page's start line but stands inside the page "
                                          f"above, {under}, with no page's first heading below it (the next is "
                                          f"'{below}'): whether it begins another study's page or names another "
                                          "study in the page's text cannot be told: save each study's page as a "
                                          "file of its own")


def _joined(lines: list[str]) -> bytes:
    return "\n".join(lines).encode("utf-8")


def _several(layout: str, starts: list[int], why: str) -> Parsed:
    """The reject of a file in which several pages begin and that is not read page by page."""
    shown = ", ".join(str(start + 1) for start in starts[:5]) + (", ..." if len(starts) > 5 else "")
    return failure(layout, SEVERAL_PAGES, f"{len(starts)} pages begin in it (lines {shown}) and {why}: save each "
                                          "study's page as a file of its own")


def _one_parsed(layout: str, pages: list[Parsed], first_lines: list[int]) -> Parsed:
    """Every page's records and problems; a study whose pages read differently gives no record and a problem."""
    read: dict[str, list[tuple[int, Parsed]]] = {}
    for number, page in zip(first_lines, pages):
        for record in page.records:
            read.setdefault(record.nct_id, []).append((number, page))
    parsed = Parsed(layout)
    for number, page in zip(first_lines, pages):
        copies = read.get(page.records[0].nct_id, []) if page.records else [(number, page)]
        if any(other != page for _, other in copies):
            if copies[0][0] == number:
                lines = ", ".join(str(at) for at, _ in copies)
                parsed.problems.append(Problem(DIFFERING_PAGES, f"its pages beginning at lines {lines} read "
                                               "differently: save each as a file of its own", page.records[0].nct_id))
            continue
        parsed.records += page.records  # the same page again: the product keeps the file's first copy
        if copies[0][0] == number:
            parsed.problems += [_on_page(problem, number, page) for problem in page.problems]
    return parsed


def _on_page(problem: Problem, number: int, page: Parsed) -> Problem:
    """A page's problem; a page that gave no study says where it begins."""
    if page.records:
        return problem
    return Problem(problem.reason, f"{problem.detail} (the page beginning at line {number})".lstrip(),
                   problem.nct_id, problem.stage)
