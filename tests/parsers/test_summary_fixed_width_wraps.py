"""Trial-summary pages of older studies saved or printed as text wrapped at a fixed width: long sponsor names (an
institute with its acronym), stopped statuses with long reasons, short summaries and 'See also' rows whose status
wraps are read as the page shows them, and what a page cannot tell stays a load problem."""
from __future__ import annotations

import textwrap

import pytest

from flows.parsers import summary_text
from flows.parsers.model import Refused

TITLE = "A Randomized Study of Two Doses of Aerosol Pentamidine in the Prevention of Pneumocystis Pneumonia"
SUMMARY = ("To evaluate and compare the safety, tolerability, and efficacy of biweekly administration of one of "
           "three doses of aerosol pentamidine when used as a prophylactic agent in patients who have recovered "
           "from their first episode of pneumonia, and to describe how often the pneumonia comes back over two "
           "years of follow-up in each of the three groups of the study.")
SHORT_SUMMARY = "To evaluate the safety of aerosol pentamidine in patients with AIDS."
INSTITUTE = "National Institute of Arthritis and Musculoskeletal and Skin Diseases (NIAMS)"
KEYS = ["NCT number NCT00000436", "Study type Interventional", f"Source {INSTITUTE}", "Status Completed",
        "Phase Phase 2", "Start date July 1992", "Sex All"]
ROWS = ["Completed NCT03529955 - Evaluating Safety & Efficacy of Apremilast in the Treatment of Cutaneous Disease "
        "in Patients With Recalcitrant Dermatomyositis Phase 2",
        "Recruiting NCT05375435 - Efficacy and Safety of Triple Therapy in Patients With Anti-MDA5 "
        "Antibody-positive Dermatomyositis Phase 4",
        "Not yet recruiting NCT05986162 - Safety and Preliminary Clinical Activity of Itolizumab in Dermatomyositis "
        "Phase 1"]


def _page(keys=KEYS, rows=ROWS, summary=SUMMARY, width: int | None = 60, rows_width: int | None = None,
          conditions=("Pneumonia, Pneumocystis",)) -> bytes:
    """The page as the site shows it, each line wrapped at `width` as a browser saves it (the 'See also' rows at
    `rows_width`, the page's width unless given)."""
    def wrapped(lines, at):
        return [textwrap.fill(line, at, break_long_words=False, break_on_hyphens=False) if at and line else line
                for line in lines]
    body = ["Clinical Trials Logo", "", TITLE, "", "Clinical Trial Summary", "", summary, "", "",
            "Clinical Trial Description", "", "", "Study Design", "", "", "Related Conditions & MeSH terms", "",
            *conditions, "", "", *keys, "", "See also"]
    return "\n".join([*wrapped(body, width), "  Status Clinical Trial Phase",
                      *wrapped(rows, rows_width or width)]).encode()


def _read(page: bytes):
    parsed = summary_text.parse(page)
    (record,) = parsed.records
    return record, [(problem.reason, problem.detail) for problem in parsed.problems]


def _lead(record) -> str:
    return next(row["name"] for row in record.tables["sponsors"] if row["lead_or_collaborator"] == "lead")


# A name wrapped onto the next line of the key block --------------------------------------------------------------


@pytest.mark.parametrize("width", [60, 72, 80])
def test_a_source_wrapped_at_the_page_s_width_is_read_whole(width):
    record, problems = _read(_page(width=width))
    assert record.study["source"] == INSTITUTE and _lead(record) == INSTITUTE
    assert problems == []


@pytest.mark.parametrize("name", ["Eunice Kennedy Shriver National Institute of Child Health and Human Development "
                                  "(NICHD)", "National Institute of Diabetes and Digestive and Kidney Diseases "
                                  "(NIDDK)"])
@pytest.mark.parametrize("width", [60, 72, 80])
def test_a_collaborator_wrapped_at_the_page_s_width_is_read_whole(name, width):
    # at 60 the name breaks after 'of' or 'Digestive' (the rest in lower case), at 72 and 80 before a capital
    keys = [*KEYS[:3], f"Collaborator {name}", *KEYS[3:]]
    record, problems = _read(_page(keys, width=width))
    collaborators = [row["name"] for row in record.tables["sponsors"] if row["lead_or_collaborator"] != "lead"]
    assert collaborators == [name] and problems == []


def test_a_line_below_a_name_that_was_not_full_stays_a_line_of_its_own():
    # the Source line had room for the next line's first word: that line is no part of the name
    keys = [*KEYS[:2], "Source Example University", "Sponsored", *KEYS[3:]]
    record, problems = _read(_page(keys))
    assert record.study["source"] == "Example University"
    assert ("unknown label", "key block line starting 'Sponsored'") in problems


def test_a_page_not_wrapped_reads_its_key_lines_as_before():
    keys = [*KEYS[:2], "Source National Institute of Arthritis and Musculoskeletal and Skin Diseases", "(NIAMS)",
            *KEYS[3:]]
    record, problems = _read(_page(keys, width=None))
    assert record.study["source"] == "National Institute of Arthritis and Musculoskeletal and Skin Diseases"
    assert ("unknown label", "key block line starting '(NIAMS)'") in problems


# A stopped status whose reason wraps -------------------------------------------------------------------------------

REASON = ("The incidence of delirium observed from interim blinded data was significantly lower than the current "
          "literature in this population.")


@pytest.mark.parametrize("status", [[f"Status Terminated ({REASON})"], ["Status Terminated", f"({REASON})"]])
@pytest.mark.parametrize("width", [60, 72])
def test_a_stopped_status_whose_reason_wraps_over_lines_gives_the_status_and_its_reason(status, width):
    keys = [*KEYS[:3], *status, *KEYS[4:]]
    record, problems = _read(_page(keys, width=width))
    assert record.study["overall_status"] == "TERMINATED" and record.study["why_stopped"] == REASON
    assert problems == []


def test_a_stopped_status_with_a_short_reason_below_it_reads_as_before():
    keys = [*KEYS[:3], "Status Terminated", "(Low accrual)", *KEYS[4:]]
    for width in (None, 60):
        record, problems = _read(_page(keys, width=width))
        assert record.study["overall_status"] == "TERMINATED" and record.study["why_stopped"] == "Low accrual"
        assert problems == []


# A wrapped title above a short summary ---------------------------------------------------------------------------


def test_a_wrapped_title_above_a_short_summary_is_read_whole_by_the_width_of_its_see_also_rows():
    record, problems = _read(_page(summary=SHORT_SUMMARY, width=72))
    assert record.study["brief_title"] == TITLE and problems == []


def test_a_title_over_two_lines_on_a_page_that_shows_no_width_stays_undecided():
    # the 'See also' rows are not wrapped: nothing on the page tells a wrapped title from the site's text and a title
    keys = [*KEYS[:2], "Source Example University", *KEYS[3:]]
    record, problems = _read(_page(keys, summary=SHORT_SUMMARY, width=72, rows_width=400))
    assert isinstance(record.study["brief_title"], Refused)
    assert [reason for reason, _ in problems] == ["unreadable title: its lines undecided"]


# 'See also' rows whose start wraps --------------------------------------------------------------------------------

WITHDRAWN = ("Withdrawn (Decided not to proceed with the study at this time.) NCT05031416 - Developing and Pilot "
             "Testing a Remote Smoking Cessation Digital Therapeutic for Individuals With Serious Mental Illness N/A")
TERMINATED = ("Terminated (lack of enrollment/drug shortages) NCT01406860 - Droperidol Versus Metoclopramide + "
              "Diphenhydramine for the Treatment of Primary Headaches N/A")


def _related(record) -> list[tuple[str, str, str]]:
    return [(row["related_nct_id"], row["stated_status"], row["stated_phase"])
            for row in record.tables["related_studies"]]


@pytest.mark.parametrize("width", [56, 60, 64, 72])
def test_see_also_rows_whose_status_or_id_wraps_start_rows_of_their_own(width):
    # a row's line ends at the dash after its id (60, 64), its line breaks right before the id (56, 64, 72), or
    # its status's reason wraps onto the id's line (56, 60)
    record, problems = _read(_page(rows=[*ROWS[:2], WITHDRAWN, TERMINATED], width=width))
    assert _related(record) == [("NCT03529955", "COMPLETED", "PHASE2"), ("NCT05375435", "RECRUITING", "PHASE4"),
                                ("NCT05031416", "WITHDRAWN", "NA"), ("NCT01406860", "TERMINATED", "NA")]
    assert record.tables["related_studies"][3]["title"] == TERMINATED.split(" - ", 1)[1][:-len(" N/A")]
    assert problems == []


def test_see_also_rows_not_wrapped_read_as_before():
    record, problems = _read(_page(rows=[*ROWS[:2], WITHDRAWN, TERMINATED], width=None))
    assert [nct for nct, _, _ in _related(record)] == ["NCT03529955", "NCT05375435", "NCT05031416", "NCT01406860"]
    assert problems == []


# A condition as long as the page is wide ------------------------------------------------------------------------

LONG_CONDITION = "Unspecified Childhood Solid Tumor, Protocol Specific"


def _conditions(record) -> list[str]:
    return [row["name"] for row in record.tables["conditions"]]


def test_a_condition_line_that_fills_a_wrapped_page_s_width_is_a_load_problem():
    # at 50 the name breaks before 'Specific': the rest of the name or a condition of its own, the page cannot tell
    record, problems = _read(_page(conditions=("Lymphoma", LONG_CONDITION, "Neuroblastoma"), width=50))
    assert _conditions(record) == ["Lymphoma", "Unspecified Childhood Solid Tumor, Protocol", "Specific",
                                   "Neuroblastoma"]
    assert [(reason, detail.split(":")[0]) for reason, detail in problems] == [
        ("unreadable value", "1 condition line(s) fill the page's width (50)")]


@pytest.mark.parametrize("width, conditions", [
    (None, ("Lymphoma", LONG_CONDITION, "Neuroblastoma")),  # a page not wrapped: a line a name
    (50, ("Lymphoma", "Neuroblastoma")),
    (60, ("Lymphoma", "Neuroblastoma", LONG_CONDITION)),  # the long name last: no line below it
])
def test_conditions_whose_lines_leave_room_read_as_before(width, conditions):
    record, problems = _read(_page(conditions=conditions, width=width))
    assert _conditions(record) == list(conditions) and problems == []
