"""clincosm page header, the 'Overall Status' line: the status, and what the page shows beside it."""
from __future__ import annotations

import re

from flows.parsers import labels
from flows.parsers.model import Refused
from schemas.enums import OVERALL_STATUS

# A stopped study's status may show why ('Withdrawn (Funding not obtained)'), and so may a completed one's: the
# registry keeps why a study stopped early on some completed records ('Completed (Terminated early due to futility)');
# a note beside an open status ('Recruiting (invitation only)') is no reason it stopped.
_STOPPED = frozenset({"TERMINATED", "WITHDRAWN", "SUSPENDED", "COMPLETED"})
# The statuses whose record must say why the study stopped: a bracket beside one that opens on nothing or holds
# nothing ('Terminated (', 'Withdrawn ()') is a reason the copy lost, not one the record lacks.
_REASON_REQUIRED = frozenset({"TERMINATED", "WITHDRAWN", "SUSPENDED"})
# The brackets a note beside the status opens with, and the one that closes each.
_CLOSING = {"(": ")", "[": "]"}
# A status with a bracket beside it that holds nothing ('Terminated ()', 'Withdrawn [ ]'): the status, as shown.
_EMPTY_NOTE = re.compile(r"(?P<status>[^(\[]+?)\s*(?:\(\s*\)|\[\s*\])")
CUT_NOTE = ("a status with the note beside it whole ('Terminated (Lack of funding)'): the note's bracket never closes, "
            "so where it ends, and why the study stopped or its last known status, is not shown")
EMPTY_NOTE = ("a stopped status with why it stopped beside it ('Terminated (Lack of funding)'): the bracket beside it "
              "holds nothing, so whether the record gives a reason is not shown")


def cut_note(lines: list[str]) -> tuple[str, str] | None:
    """The status and the note beside it whose bracket never closes ('Terminated (The sponsor stopped', 'Recruiting
    (', 'Completed ['), as a copy cut it: the status is plain, what the note says is not on the page ('' when
    nothing follows the bracket). None for a note that closes, or a line that opens with no status."""
    shown = " ".join(line.strip() for line in lines)
    at = min((shown.find(mark) for mark in _CLOSING if shown.find(mark) > 0), default=-1)
    if at < 0 or _CLOSING[shown[at]] in shown[at:]:
        return None
    status = labels.overall_status(shown[:at].strip())
    return (status, shown[at + 1:].strip()) if status in OVERALL_STATUS else None


def _wrapped_note(lines: list[str], start: int) -> str:
    """The lines from `start` through the first that closes a parenthesis, joined by a space: a long note the page
    wrapped ('Terminated (The sponsor stopped the study after' / 'an interim analysis)'); '' when none closes."""
    for end in range(start, len(lines)):
        if lines[end].endswith(")"):
            return " ".join(lines[start:end + 1])
    return ""


def _not_shown(lines: list[str]) -> Refused | None:
    """The lines refused as shown where what the note says is not on the page: a note whose bracket never closes
    (cut_note), and beside a status whose record must say why it stopped a bracket with nothing after it or nothing
    in it ('Terminated (', 'Withdrawn ()': the reason is lost, not missing); None for any other line."""
    if (cut := cut_note(lines)) and (cut[1] or cut[0] in _REASON_REQUIRED):
        return Refused(" ".join(lines), CUT_NOTE)
    empty = _EMPTY_NOTE.fullmatch(" ".join(line.strip() for line in lines))
    if empty and labels.overall_status(empty.group("status")) in _REASON_REQUIRED:
        return Refused(" ".join(lines), EMPTY_NOTE)
    return None


def stopped_status(lines: list[str]) -> dict[str, str | None]:
    """'Terminated (Lack of funding)', on one line, on two or wrapped over more: the status and why the study
    stopped, and 'Completed (Terminated early due to futility)' alike; 'Unknown status (was Recruiting)': the status
    and the last known one. A note the page does not show whole is refused as shown (_not_shown); beside another
    status a bracket with nothing after it leaves the status alone ('Recruiting ('). A note after another status, or
    the results display after Completed ('Completed (Has Results)'), leaves the line as shown."""
    if refused := _not_shown(lines):
        return {"overall_status": refused}
    shown = lines[0] if lines else ""
    at = shown.find("(")
    if at > 0 and not shown.endswith(")"):
        shown = _wrapped_note(lines, 0) or shown
    if at > 0 and shown.endswith(")") and (status := labels.overall_status(shown[:at].strip())) in OVERALL_STATUS:
        note, own_line = shown[at + 1:-1].strip(), False
    else:
        status, own_line = labels.page_label("status", shown or None), True
        below = _wrapped_note(lines, 1) if len(lines) > 1 and lines[1].startswith("(") else ""
        note = below[1:-1].strip()
    was = labels.overall_status(note[4:]) if status == "UNKNOWN" and note[:4].casefold() == "was " else None
    if note and status in _STOPPED and not (status == "COMPLETED" and labels.RESULTS_NOTE.fullmatch(note)):
        return {"overall_status": status, "why_stopped": note}
    if was in OVERALL_STATUS:
        return {"overall_status": status, "last_known_status": was}
    return {"overall_status": status if own_line or not note else labels.overall_status(shown)}
