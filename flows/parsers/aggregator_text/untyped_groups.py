"""meddatax labelled pages, Study Groups without a 'Group Type' line (an observational study's groups and cohorts have
no type in the registry) whose interventions are labelled: 'name', 'Intervention Type X', [description].

The intervention lines anchor the groups: the lines between one intervention and the next are the next group's title
and description. An intervention's description is known from the Interventions section, so where it ends is read,
not guessed; where it cannot be, the groups are a load problem.
"""
from __future__ import annotations

import re

from flows.parsers.model import Problem

# The most lines a group's head may have: its title and its description (one paragraph a line).
_HEAD_LINES = 2
UNDECIDED_GROUPS = "unreadable section: study groups undecided"

Group = tuple[list[str], list[tuple[str, str, list[str]]]]  # the head lines; each intervention's name, type, text


def anchored_groups(lines: list[str], anchors: list[int], pattern: re.Pattern,
                    descriptions: dict[str, object]) -> list[Group] | Problem:
    """The groups of `lines` (non-blank, stripped) read between the intervention type lines at `anchors`, with
    their interventions; a Problem when a group's head or an intervention's description cannot be told apart."""
    groups: list[Group] = []
    at = 0
    for number, anchor in enumerate(anchors):
        name_at = anchor - 1
        if name_at < at:
            return _undecided(f"'{lines[anchor]}' has no intervention name above it")
        head = lines[at:name_at]
        if head:
            if len(head) > _HEAD_LINES:
                return _undecided(f"{len(head)} lines before '{lines[name_at]}': titles and descriptions of "
                                  "groups without interventions cannot be told apart")
            groups.append((head, []))
        elif not groups:
            return _undecided(f"'{lines[name_at]}' comes before any group title")
        text = _description_lines(lines, anchor, anchors[number + 1] - 1 if number + 1 < len(anchors) else None,
                                  descriptions.get(lines[name_at], _UNKNOWN))
        if text is None:
            return _undecided(f"where the description of '{lines[name_at]}' ends is not known")
        groups[-1][1].append((lines[name_at], pattern.match(lines[anchor]).group(1), text))
        at = anchor + 1 + len(text)
    if rest := lines[at:]:
        if len(rest) > _HEAD_LINES:
            return _undecided(f"{len(rest)} lines after the last intervention: titles and descriptions of groups "
                              "without interventions cannot be told apart")
        groups.append((rest, []))
    return groups


_UNKNOWN = object()


def _description_lines(lines: list[str], anchor: int, next_name: int | None, known: object) -> list[str] | None:
    """The description lines under the intervention type line at `anchor`: those the Interventions section gives
    that intervention (none when it gives it none); None when that section does not list it and the lines before
    the next intervention (or the end) may hold a group's title."""
    after = lines[anchor + 1:next_name]
    if known is _UNKNOWN:
        return [] if not after else None
    if known is None:
        return []
    shown = str(known).split("\n")
    shown = [line.strip() for line in shown if line.strip()]
    return shown if lines[anchor + 1:anchor + 1 + len(shown)] == shown else None


def _undecided(detail: str) -> Problem:
    return Problem(UNDECIDED_GROUPS, f"'Study Groups': {detail}; the groups are not read")
