"""Why a study stopped, as clincosm and trial-summary pages show it beside the status.

A clincosm header shows the reason in brackets wherever the record gives one ('Terminated (Slow accrual)'), so a bare
'Terminated' is a stopped study that gives none, and its layout says so (CARRIES): the reason rules judge it as they
judge the record. A bracket that opens on nothing beside a status that must give a reason ('Terminated (') is a reason
the copy lost, never one the record lacks: the line is refused as shown. A trial summary reads a note beside
'Completed' as why the study ended early, as clincosm does, while the registry's results display beside it
('Completed (Has Results)') and a note beside an open status ('Recruiting (invitation only)') are no reason. Each page
of a real record is read by its layout's reader and judged with the record itself in one warehouse.
"""
from __future__ import annotations

import copy

import pytest

import checks
from flows.parsers import entry_for
from flows.parsers.ctgov_classic_text.status_line import CUT_NOTE, EMPTY_NOTE
from flows.parsers.model import Refused
from flows.parsers.summary_text.see_also import see_also
from tests.checks import harness
from tests.checks.injected_defects import chosen_records, study_tables
from tests.checks.page_defects import page_of, page_tables, validated
from tests.parsers import summary_render
from tests.parsers.test_pages_clincosm_repeated_rows_notes_and_ranks import _read as _read_clincosm
from tests.parsers.test_pages_roundtrip_clincosm import _page as _clincosm_page
from tests.parsers.test_summary_fixed_width_wraps import KEYS as WRAPPED_KEYS
from tests.parsers.test_summary_fixed_width_wraps import _page as _wrapped_summary_page
from tests.parsers.test_summary_repeated_keys_dates_and_collaborators import _page as _summary_page
from tests.parsers.test_summary_study_types_and_numeric_dates import _read as _read_summary
from tests.shared_corpus import needs_corpus

NO_REASON = "status.stopped_without_reason"
COMPLETED_REASON = "status.completed_with_reason_stopped"
RULES = {rule.id: rule for rule in checks.all_rules() if rule.id in (NO_REASON, COMPLETED_REASON)}


# clincosm: the header's status line --------------------------------------------------------------------------------

def _clincosm_status(shown: str) -> dict:
    tables, _ = _read_clincosm(_clincosm_page("").replace("Overall Status\nCompleted\n", f"Overall Status\n{shown}\n"))
    return tables["studies"][0]


def test_a_clincosm_page_shows_why_a_study_stopped_wherever_the_record_gives_it():
    # new: the layout says so, so a bare 'Terminated' is judged as no reason given
    assert entry_for("ctgov_classic_text").shows("studies.why_stopped")


@pytest.mark.parametrize("shown, expected", [
    ("Terminated (", CUT_NOTE), ("Withdrawn (", CUT_NOTE), ("Suspended (", CUT_NOTE), ("TERMINATED (", CUT_NOTE),
    ("Terminated\n(", CUT_NOTE), ("Withdrawn [", CUT_NOTE), ("terminated  (", CUT_NOTE), ("Suspended\n[", CUT_NOTE),
    ("Terminated ()", EMPTY_NOTE), ("Withdrawn [ ]", EMPTY_NOTE), ("Suspended\n()", EMPTY_NOTE),
])
def test_new_a_bracket_with_nothing_in_it_beside_a_stopped_status_is_refused_as_a_lost_reason(shown, expected):
    study = _clincosm_status(shown)
    assert isinstance(study["overall_status"], Refused) and study["overall_status"].expected == expected
    assert study["overall_status"].raw == " ".join(shown.split("\n")) and study.get("why_stopped") is None


@pytest.mark.parametrize("shown, status", [
    ("Recruiting (", "RECRUITING"), ("Completed (", "COMPLETED"), ("Completed [", "COMPLETED"),
    ("Active, not recruiting (", "ACTIVE_NOT_RECRUITING"), ("Enrolling by invitation (", "ENROLLING_BY_INVITATION"),
])
def test_a_bracket_opening_on_nothing_beside_a_status_that_gives_no_reason_leaves_the_status(shown, status):
    study = _clincosm_status(shown)
    assert (study["overall_status"], study.get("why_stopped")) == (status, None)


@pytest.mark.parametrize("shown, status, why", [
    ("Terminated (Slow accrual)", "TERMINATED", "Slow accrual"),
    ("Withdrawn\n(Study was not funded)", "WITHDRAWN", "Study was not funded"),
    ("Suspended (Pending DSMB review of\nan unexpected SAE)", "SUSPENDED", "Pending DSMB review of an unexpected SAE"),
    ("Terminated", "TERMINATED", None), ("Withdrawn", "WITHDRAWN", None),
    # a completed study's note that names results but says why it ended early stays its reason
    ("Completed (Study halted early: interim results showed futility)", "COMPLETED",
     "Study halted early: interim results showed futility"),
    ("Completed (No further funding after year 2)", "COMPLETED", "No further funding after year 2"),
])
def test_a_clincosm_status_line_gives_the_reason_it_shows_and_none_it_does_not(shown, status, why):
    study = _clincosm_status(shown)
    assert (study["overall_status"], study.get("why_stopped")) == (status, why)


@pytest.mark.parametrize("shown", [
    "Completed (Has Results)", "Completed (No Results Available)", "COMPLETED (has results)",
    "Completed (With Results)", "Completed\n(Results Submitted)", "Completed (Results posted)",
])
def test_new_the_results_display_beside_completed_on_clincosm_is_no_reason(shown):
    study = _clincosm_status(shown)
    assert study.get("why_stopped") is None and study["overall_status"] in ("COMPLETED", " ".join(shown.split()))


# Trial summary: the Status key ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lines, why", [
    (["Status Completed (Terminated early due to futility)"], "Terminated early due to futility"),
    (["Status COMPLETED (Arrêt prématuré : recrutement insuffisant)"], "Arrêt prématuré : recrutement insuffisant"),
    (["Status completed (stopped early, sufficient data acquired to meet the study's objectives)"],
     "stopped early, sufficient data acquired to meet the study's objectives"),
    (["Status: Completed (Terminated early; the DSMB recommended stopping (efficacy))"],
     "Terminated early; the DSMB recommended stopping (efficacy)"),
    (["Status Completed", "(Terminated early due to futility)"], "Terminated early due to futility"),
    (["Status Completed", "(No further funding after", "year 2)"], "No further funding after year 2"),
    (["Status Completed (Study halted early: interim results showed futility)"],
     "Study halted early: interim results showed futility"),
    (["Status Completed (Terminated early)", "Why stopped Terminated early"], "Terminated early"),
])
def test_new_a_note_beside_completed_on_a_trial_summary_is_why_it_stopped(lines, why):
    record, problems = _read_summary(_summary_page(lines))
    assert (record.study["overall_status"], record.study["why_stopped"]) == ("COMPLETED", why)
    assert problems == []


def test_new_a_note_beside_completed_unlike_the_why_stopped_line_is_a_problem():
    record, problems = _read_summary(_summary_page(["Status Completed (Terminated early)",
                                                    "Why stopped Sponsor decision"]))
    assert (record.study["overall_status"], record.study["why_stopped"]) == ("COMPLETED", "Sponsor decision")
    assert problems == [("unreadable value", "'Status' gives why the study stopped otherwise than 'Why stopped' "
                                             "(the 'Why stopped' line is read)")]


REASON = ("Terminated early after the second interim analysis: the conditional power for the primary endpoint was "
          "below the futility boundary.")


@pytest.mark.parametrize("status", [[f"Status Completed ({REASON})"], ["Status Completed", f"({REASON})"]])
@pytest.mark.parametrize("width", [60, 72])
def test_new_a_note_beside_completed_wrapped_at_the_page_s_width_is_read_whole(status, width):
    record, problems = _read_summary(_wrapped_summary_page([*WRAPPED_KEYS[:3], *status, *WRAPPED_KEYS[4:]],
                                                           width=width))
    assert (record.study["overall_status"], record.study["why_stopped"]) == ("COMPLETED", REASON)
    assert problems == []


@pytest.mark.parametrize("lines, status, stray", [
    (["Status Completed (Has Results)"], "Completed (Has Results)", None),
    (["Status Completed (No Results Available)"], "Completed (No Results Available)", None),
    (["Status Completed (results submitted)"], "Completed (results submitted)", None),
    (["Status Completed", "(Has Results)"], "COMPLETED", "(Has"),
    (["Status Completed", "(No Results Available)"], "COMPLETED", "(No"),
    (["Status Recruiting (invitation only)"], "Recruiting (invitation only)", None),
    (["Status Enrolling by invitation (family members of participants)"],
     "Enrolling by invitation (family members of participants)", None),
    (["Status Completed"], "COMPLETED", None),
])
def test_the_results_display_or_a_note_beside_an_open_status_is_no_reason(lines, status, stray):
    record, problems = _read_summary(_summary_page(lines))
    assert (record.study["overall_status"], record.study.get("why_stopped")) == (status, None)
    assert problems == ([("unknown label", f"key block line starting '{stray}'")] if stray else [])


@pytest.mark.parametrize("width", [60, 72])
def test_the_results_display_wrapped_below_completed_is_no_reason(width):
    keys = [*WRAPPED_KEYS[:3], "Status Completed", "(No Results Available)", *WRAPPED_KEYS[4:]]
    record, _ = _read_summary(_wrapped_summary_page(keys, width=width))
    assert (record.study["overall_status"], record.study.get("why_stopped")) == ("COMPLETED", None)


def test_new_a_see_also_row_completed_with_a_note_is_completed():
    rows, strays = see_also(["Completed (Terminated early) NCT01000020 - A Study of Drug Q Phase 2",
                             "Completed (Has Results) NCT01000016 - A Study of Drug K Phase 3"])
    assert [row["stated_status"] for row in rows] == ["COMPLETED", "Completed (Has Results)"] and strays == 0


@pytest.mark.parametrize("shown", ["Terminated (", "Withdrawn (", "Suspended [", "Terminated ()", "WITHDRAWN [ ]"])
def test_new_a_bracket_with_nothing_in_it_beside_a_stopped_status_on_a_trial_summary_is_kept_as_shown(shown):
    # kept as shown, validation refuses it: never read as a stopped study that gives no reason
    record, _ = _read_summary(_summary_page([f"Status {shown}"]))
    assert (record.study["overall_status"], record.study.get("why_stopped")) == (shown, None)


@pytest.mark.parametrize("shown, status", [("Recruiting (", "RECRUITING"), ("Completed (", "COMPLETED"),
                                           ("Terminated", "TERMINATED"), ("Withdrawn", "WITHDRAWN"),
                                           ("Terminated (-)", "TERMINATED")])  # the page's word for no value
def test_a_bracket_with_nothing_in_it_beside_another_status_on_a_trial_summary_reads_as_before(shown, status):
    record, _ = _read_summary(_summary_page([f"Status {shown}"]))
    assert (record.study["overall_status"], record.study.get("why_stopped")) == (status, None)


def test_new_a_reason_that_starts_below_a_bracket_opening_on_nothing_is_read():
    record, problems = _read_summary(_summary_page(["Status Terminated (", "Low accrual)"]))
    assert (record.study["overall_status"], record.study["why_stopped"]) == ("TERMINATED", "Low accrual")
    assert problems == []


# Pages of a real record, judged as the record -----------------------------------------------------------------------

def _stopped(record: dict, status: str, why: str | None) -> dict:
    """The record with `status` and `why` (None: no reason given)."""
    record = copy.deepcopy(record)
    module = record["protocolSection"]["statusModule"]
    module.pop("whyStopped", None)
    module["overallStatus"] = status
    if why is not None:
        module["whyStopped"] = why
    return record


def _status_shown(shown: str):
    """A clincosm page of the record with its status line replaced by `shown`."""
    def show(record: dict, nct_id: str) -> str:
        page = page_of(record, nct_id, "clincosm")
        line = page.split("Overall Status\n", 1)[1].split("\n", 1)[0]
        return page.replace(f"Overall Status\n{line}\n", f"Overall Status\n{shown}\n", 1)
    return show


def _summary_status_shown(*lines: str):
    """A trial summary of the record with its Status line (and its Why stopped line) replaced by `lines`."""
    def show(record: dict, nct_id: str) -> str:
        kept = [line for line in page_of(record, nct_id, "trial-summary").split("\n")
                if not line.startswith("Why stopped ")]
        at = next(index for index, line in enumerate(kept) if line.startswith("Status "))
        return "\n".join([*kept[:at], *lines, *kept[at + 1:]])
    return show


def _reason_beside_status(record: dict, nct_id: str) -> str:
    """A trial summary of the record showing why it stopped in brackets beside its status."""
    record = copy.deepcopy(record)
    record["protocolSection"]["identificationModule"]["nctId"] = nct_id
    return summary_render.reason_beside_status(record)


FUTILITY = "Terminated early due to futility"
# name: (page shape, status, why stopped, how the page shows the record (None: as the site shows it), what is
# judged: "record" (each reason rule's findings on the page as on the record) or "none")
PAGES = {
    "new: clincosm, terminated without a reason": ("clincosm", "TERMINATED", None, None, "record"),
    "new: clincosm, withdrawn without a reason": ("clincosm", "WITHDRAWN", None, None, "record"),
    "new: clincosm, suspended without a reason": ("clincosm", "SUSPENDED", None, None, "record"),
    "clincosm, terminated (Slow accrual)": ("clincosm", "TERMINATED", "Slow accrual", None, "record"),
    "clincosm, terminated (N/A)": ("clincosm", "TERMINATED", "N/A", None, "record"),
    "clincosm, completed, terminated early": ("clincosm", "COMPLETED", FUTILITY, None, "record"),
    "clincosm, terminated, the note lost after its bracket": (
        "clincosm", "TERMINATED", "Slow accrual", _status_shown("Terminated ("), "none"),
    "clincosm, withdrawn, the note lost below": (
        "clincosm", "WITHDRAWN", "Funding not obtained", _status_shown("Withdrawn\n("), "none"),
    "new: clincosm, completed with the results display": (
        "clincosm", "COMPLETED", None, _status_shown("Completed (Has Results)"), "none"),
    "new: trial summary, completed, the reason beside the status": (
        "trial-summary", "COMPLETED", FUTILITY, _reason_beside_status, "record"),
    "new: trial summary, completed, the reason below the status": (
        "trial-summary", "COMPLETED", FUTILITY, _summary_status_shown("Status Completed", f"({FUTILITY})"), "record"),
    "trial summary, completed with the results display": (
        "trial-summary", "COMPLETED", None, _summary_status_shown("Status Completed (Has Results)"), "none"),
    "trial summary, recruiting by invitation": (
        "trial-summary", "RECRUITING", None, _summary_status_shown("Status Recruiting (invitation only)"), "none"),
    "trial summary, terminated, the reason beside the status": (
        "trial-summary", "TERMINATED", "Slow accrual", _reason_beside_status, "record"),
    "trial summary, terminated without a reason": ("trial-summary", "TERMINATED", None, None, "record"),
    "new: trial summary, terminated, the note lost after its bracket": (
        "trial-summary", "TERMINATED", "Slow accrual", _summary_status_shown("Status Terminated ("), "none"),
    "clincosm, withdrawn, an empty note": (
        "clincosm", "WITHDRAWN", None, _status_shown("Withdrawn ()"), "none"),
}


@pytest.fixture(scope="module")
def judged(tmp_path_factory):
    """{case: (the page's findings, the record's findings)} of the reason rules, every page and record in one
    warehouse, each under an NCT number of its own just above the record's (so its era reads as the record's)."""
    of, record = next(iter(chosen_records().items()))
    studies, owners = {}, {}
    for at, (name, (shape, status, why, show, _judged)) in enumerate(PAGES.items()):
        changed = _stopped(record, status, why)
        page_id, record_id = (f"NCT{int(of[3:]) + 2 * at + number:08d}" for number in (1, 2))
        studies[page_id] = page_tables(show(changed, page_id) if show else page_of(changed, page_id, shape), shape)
        studies[record_id] = study_tables(changed, record_id)
        owners[page_id], owners[record_id] = (name, "page"), (name, "record")
    validated(studies)
    found = {name: {"page": set(), "record": set()} for name in PAGES}
    con = harness.warehouse_with(tmp_path_factory.mktemp("reasons"), studies)
    try:
        scope = harness.set_scope(con, None, harness.AS_OF)
        for rule in RULES.values():
            for f in harness.findings_of(con, rule, scope):
                name, source = owners[f.nct_id]
                found[name][source].add((rule.id, f.severity or rule.severity))
    finally:
        con.close()
    return found


@needs_corpus
@pytest.mark.parametrize("name", list(PAGES))
def test_a_page_s_reason_is_judged_as_the_record_s(judged, name):
    want = judged[name]["record"] if PAGES[name][4] == "record" else set()
    assert judged[name]["page"] == want
    if name.startswith("new:") and PAGES[name][4] == "record":
        assert want  # the record itself is flagged: the page now is too
