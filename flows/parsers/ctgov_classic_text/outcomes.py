"""clincosm study page, 'Outcome Measures': numbered outcomes with their time frames and descriptions, per type."""
from __future__ import annotations

import re

from flows.parsers.page_sections import split_sections
from flows.parsers.page_text import text_block

_NUMBERED = re.compile(r"^\s*(\d+)\.\s+(\S.*)$")
# An outcome's number as the page shows it ('1.'), or as a copy through a word processor numbers its list ('1)',
# '(1)'); the lines of one list use one form.
_NUMBERED_IN_ANY_FORM = re.compile(r"^\s*(?:(\d+)\.|(\d+)\)|\((\d+)\))\s+(\S.*)$")
# The time frame an outcome's line gives after its label rather than in brackets ('ESSDAI - Time Frame: 12 weeks',
# 'ESSDAI (Time Frame: 12 weeks)'), and the word a cheap test looks for first.
_TIME_FRAME_LABEL = "time frame:"
_LABELLED_IN_LINE = re.compile(r"(?P<measure>.*?\S)\s*(?:[-\u2013\u2014,;]\s*)?(?:\((?P<bracketed>\s*time frame:\s*"
                               r"[^()]*\S)\s*\)|time frame:\s*(?P<plain>\S.*?))\s*", re.I)
_LAST_BRACKET = re.compile(r"^(.*?)\s*\[([^\[\]]*)\]\s*$")
OUTCOME_HEADINGS = {"Primary Outcome Measures": "primary", "Secondary Outcome Measures": "secondary",
                    "Other Outcome Measures": "other"}
OUTCOME_SECTIONS = frozenset(OUTCOME_HEADINGS)
_BRACKET_DEPTH = {"]": 1, "[": -1}
# A bracket in the registry's text, escaped: never the page's own bracket around a time frame.
_ESCAPED_BRACKET = "\\]"


def outcome_measures(lines: list[str]) -> list[dict[str, object]]:
    """'1. ESSDAI [12 weeks]' lines with their indented descriptions, per outcome heading."""
    return read_outcomes(lines)[0]


def unread_outcomes(lines: list[str]) -> list[str]:
    """The outcome headings whose lines give no outcome that outcome_measures reads."""
    return read_outcomes(lines)[1]


def read_outcomes(lines: list[str]) -> tuple[list[dict[str, object]], list[str]]:
    """The section's outcome rows (outcome_measures) and the outcome headings whose lines give none (unread_outcomes),
    from one reading of it."""
    parts = split_sections(lines, OUTCOME_SECTIONS)
    rows: list[dict[str, object]] = []
    unread: list[str] = []
    for heading, outcome_type in OUTCOME_HEADINGS.items():
        items = _numbered_items(parts.lines(heading)) or _unnumbered_items(parts.lines(heading))
        if not items and any(line.strip() for line in parts.lines(heading)):
            unread.append(heading)
        rows += [{"outcome_type": outcome_type, **_labelled_time_frame(_measure_nested(text)),
                  "description": text_block(more)} for text, more in map(_unwrapped, items)]
    return rows, unread


def _numbered_items(lines: list[str]) -> list[tuple[str, list[str]]]:
    """(outcome line, the lines below it) of each numbered outcome. [] where an outcome line without its number
    (it ends with its [time frame]) stands above the first numbered line: the copy left the outcomes' numbers out,
    and numbered lines below are a list in an outcome's description ('1. minor')."""
    items: list[tuple[str, list[str]]] = []
    indent, form = 0, 0
    for line in lines:
        match = _NUMBERED_IN_ANY_FORM.match(line) if line else None  # a blank line is never a numbered one
        if not items and not match and _ends_with_time_frame(line):
            return []
        # a numbered line indented deeper than the first outcome, or numbered in another form, is a list in the
        # description above it
        if match and _number(match) == len(items) + 1 and (not items or (_indent(line) <= indent
                                                                          and match.lastindex - 1 == form)):
            indent, form = (indent, form) if items else (_indent(line), match.lastindex - 1)
            items.append((match.group(4).strip(), []))
        elif items:
            items[-1][1].append(line.strip())
    return items


def _number(match: re.Match) -> int:
    """The number of a numbered line, in whichever form it is shown."""
    return int(match.group(1) or match.group(2) or match.group(3))


def _unnumbered_items(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Outcomes copied without their numbers (a browser copies an ordered list without them): each line as far in
    as the first one that ends with its [time frame] begins one, the lines up to the next are its description
    (indented deeper, or ending otherwise). [] unless the first line is an outcome line, and where a line as far in
    is numbered: an outcome or an item of a description's list cannot be told."""
    filled = [line for line in lines if line.strip()]
    if not filled or not _ends_with_time_frame(filled[0]):
        return []
    indent = _indent(filled[0])
    if any(_indent(line) <= indent and _NUMBERED.match(line) for line in filled):
        return []
    items: list[tuple[str, list[str]]] = []
    for line in filled:
        if _indent(line) <= indent and _ends_with_time_frame(line):
            items.append((line.strip(), []))
        else:
            items[-1][1].append(line.strip())
    return items


def _ends_with_time_frame(line: str) -> bool:
    """Whether the line ends with a bracket as an outcome line's time frame does: the page's own bracket, never one
    escaped as the registry's text escapes its brackets ('assessed \\[pmol/l\\]')."""
    text = line.rstrip()
    return text.endswith("]") and "[" in text and not text.endswith(_ESCAPED_BRACKET)


def _unwrapped(item: tuple[str, list[str]]) -> tuple[str, list[str]]:
    """An outcome line wrapped onto the lines below it (a printed page wraps long lines) joined again: where the
    lines right below it, before a blank line, end with its [time frame]."""
    text, more = item
    run = more[:next((at for at, line in enumerate(more) if not line), len(more))]
    end = next((at for at, line in enumerate(run) if line.endswith("]")), None)
    # a line that ends with a bracket goes on only with its time frame's bracket ('[safety] [From' / 'baseline]')
    if end is None or (text.endswith("]") and not run[0].startswith("[")) or any(map(_NUMBERED.match, run[:end + 1])):
        return item
    return " ".join([text, *run[:end + 1]]), more[end + 1:]


def _labelled_time_frame(measure: dict[str, str | None]) -> dict[str, str | None]:
    """The time frame without the label the registry's own page puts in its bracket ('[ Time Frame: 12 weeks ]')."""
    label, colon, rest = (measure["time_frame"] or "").partition(":")
    if colon and label.strip().casefold() == "time frame":
        return {**measure, "time_frame": rest.strip() or None}
    if measure["time_frame"] is None and _TIME_FRAME_LABEL in (measure["measure"] or "").casefold():
        return _time_frame_in_line(measure)
    return measure


def _time_frame_in_line(measure: dict[str, str | None]) -> dict[str, str | None]:
    """An outcome line that gives its time frame after a 'Time Frame:' label on the line rather than in brackets
    ('ESSDAI - Time Frame: 12 weeks', 'ESSDAI (Time Frame: 12 weeks)'): the measure before the label, the time
    frame after it; the line as it is where no measure precedes the label."""
    match = _LABELLED_IN_LINE.fullmatch(measure["measure"] or "")
    if match is None:
        return measure
    if (frame := match.group("plain")) is None:
        frame = match.group("bracketed").partition(":")[2]
    return {"measure": match.group("measure"), "time_frame": frame.strip() or None}


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _measure(text: str) -> dict[str, str | None]:
    """The measure and the time frame: the last [bracketed] part of the outcome line.

    What _LAST_BRACKET matches, found by string search on a line (the pattern tries every length of
    the measure): the text ends with ']' (then whitespace), the last '[' before it opens a bracket
    with no ']' inside, and the measure is what precedes that '[' without its trailing whitespace."""
    if "\n" not in text:  # '.' and '$' read a line break specially: such text goes to the pattern
        body = text.rstrip()
        if body[-1:] == "]":
            at = body.rfind("[", 0, len(body) - 1)
            if at >= 0 and body.find("]", at, len(body) - 1) < 0:
                return {"measure": body[:at].rstrip() or None, "time_frame": body[at + 1:-1].strip() or None}
        return {"measure": text, "time_frame": None}
    return _measure_by_pattern(text)


def _measure_nested(text: str) -> dict[str, str | None]:
    """_measure, and where it finds no time frame in a line that ends with a bracket, the time frame whose own text
    holds brackets (_opening_bracket)."""
    measure = _measure(text)
    body = text.rstrip()
    if measure["time_frame"] is None and body.endswith("]") and (at := _opening_bracket(body)) > 0:
        return {"measure": body[:at].rstrip() or None, "time_frame": body[at + 1:-1].strip() or None}
    return measure


def _opening_bracket(body: str) -> int:
    """Where the bracket that closes the line opens, for a time frame that holds brackets of its own ('[From the
    first dose until progression [approx. up to 33 months]]') or ends with one ('[After extubation]]'): matched from
    the end outward, the first '[' at which the fewest brackets are left open. -1 when the line has none."""
    depth, least, at = 0, None, -1
    for index in range(len(body) - 1, -1, -1):
        depth += _BRACKET_DEPTH.get(body[index], 0)
        if body[index] == "[" and (least is None or depth < least):
            least, at = depth, index
            if depth == 0:
                break
    return at


def _measure_by_pattern(text: str) -> dict[str, str | None]:
    """_measure read with the pattern (the plain reading)."""
    match = _LAST_BRACKET.match(text)
    if not match:
        return {"measure": text, "time_frame": None}
    return {"measure": match.group(1) or None, "time_frame": match.group(2).strip() or None}
