"""clincosm page header, the 'Overall Status' line: the status, and what the page shows beside it."""
from __future__ import annotations

from flows.parsers import labels
from schemas.enums import OVERALL_STATUS

# A stopped study's status may show why ('Withdrawn (Funding not obtained)').
_STOPPED = frozenset({"TERMINATED", "WITHDRAWN", "SUSPENDED"})


def _wrapped_note(lines: list[str], start: int) -> str:
    """The lines from `start` through the first that closes a parenthesis, joined by a space: a long note the page
    wrapped ('Terminated (The sponsor stopped the study after' / 'an interim analysis)'); '' when none closes."""
    for end in range(start, len(lines)):
        if lines[end].endswith(")"):
            return " ".join(lines[start:end + 1])
    return ""


def stopped_status(lines: list[str]) -> dict[str, str | None]:
    """'Terminated (Lack of funding)', on one line, on two or wrapped over more: the status and why the study
    stopped; 'Unknown status (was Recruiting)': the status and the last known one. A note after another status
    leaves the line as shown."""
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
    if note and status in _STOPPED:
        return {"overall_status": status, "why_stopped": note}
    if was in OVERALL_STATUS:
        return {"overall_status": status, "last_known_status": was}
    return {"overall_status": status if own_line or not note else labels.overall_status(shown)}
