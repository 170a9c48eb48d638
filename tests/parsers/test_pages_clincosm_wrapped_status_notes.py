"""clincosm pages of stopped studies: the 'Overall Status' line's note of why the study stopped, on the status's line
or below it, as the site shows it or wrapped over several lines by a copy saved at a fixed width, read as one note;
a status whose note never closes stays as shown."""
from __future__ import annotations

import pytest

from flows.parsers import ctgov_classic_text
from tests.parsers.page_variants import CLASSIC

_SHOWN = "Overall Status\nCompleted\n"
_LONG_REASON = ("The sponsor decided to stop the study after an interim analysis showed slow recruitment at all sites "
                "and a change in the standard of care; no safety concern was identified")


def _status_of(shown: str, crlf: bool = False) -> dict:
    """The study's status columns of the golden clincosm page whose 'Overall Status' shows `shown`."""
    page = CLASSIC.replace(_SHOWN, f"Overall Status\n{shown}\n")
    assert page != CLASSIC
    parsed = ctgov_classic_text.parse((page.replace("\n", "\r\n") if crlf else page).encode("utf-8"))
    assert len(parsed.records) == 1 and parsed.problems == []
    study = parsed.records[0].tables["studies"][0]
    return {column: study.get(column) for column in ("overall_status", "why_stopped", "last_known_status")}


# (what the page shows under 'Overall Status', status, why stopped, last known status); new behaviour first
_CASES = {
    "note_below_wrapped_over_three_lines": (
        "Terminated\n(The sponsor decided to stop the study after an interim analysis showed slow\nrecruitment at all "
        "sites and a change in the standard of care; no safety\nconcern was identified)",
        "TERMINATED", _LONG_REASON, None),
    "note_beside_wrapped_once": (
        "Terminated (The sponsor decided to stop the study after an interim analysis showed slow\nrecruitment at all "
        "sites)", "TERMINATED", "The sponsor decided to stop the study after an interim analysis showed slow "
        "recruitment at all sites", None),
    "withdrawn_note_beside_wrapped_twice": (
        "Withdrawn (Funding was not obtained from the national research council and the\nhospital board "
        "declined to fund the\nstudy)", "WITHDRAWN", "Funding was not obtained from the national research council "
        "and the hospital board declined to fund the study", None),
    "suspended_note_below_wrapped": (
        "Suspended\n(Enrolment paused by the data monitoring committee pending a review of\nhepatic events)",
        "SUSPENDED", "Enrolment paused by the data monitoring committee pending a review of hepatic events", None),
    "unknown_status_last_known_wrapped": ("Unknown status (was\nRecruiting)", "UNKNOWN", None, "RECRUITING"),
    # guards: shapes read so before
    "note_beside_one_line": ("Terminated (Lack of funding)", "TERMINATED", "Lack of funding", None),
    "note_below_one_line": ("Withdrawn\n(PI left the institution)", "WITHDRAWN", "PI left the institution", None),
    "no_note": ("Recruiting", "RECRUITING", None, None),
    "last_known_one_line": ("Unknown status (was Active, not recruiting)", "UNKNOWN", None, "ACTIVE_NOT_RECRUITING"),
}


@pytest.mark.parametrize("case", _CASES)
def test_a_stopped_studys_note_reads_as_one_note(case):
    shown, status, why, last_known = _CASES[case]
    expected = {"overall_status": status, "why_stopped": why, "last_known_status": last_known}
    assert _status_of(shown) == expected
    assert _status_of(shown, crlf=True) == expected


def test_a_note_that_never_closes_leaves_the_status_as_shown():
    """Without a closing parenthesis the page does not say where the note ends: nothing below is taken into it."""
    shown = _status_of("Terminated (Lack of funding\nfrom the sponsor")
    assert shown["why_stopped"] is None and shown["overall_status"] != "TERMINATED"
