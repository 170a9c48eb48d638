"""meddatax.com study page text, compact (positional values) and labelled ('Recruitment Status') variants."""
from __future__ import annotations

import re

from flows.parsers import labels
from flows.parsers.aggregator_text import design
from flows.parsers.aggregator_text import people_places as people
from flows.parsers.aggregator_text.basic_information import basic_information, typed
from flows.parsers.copied_text import copied_page, of_study, visible_text
from flows.parsers.aggregator_text.labelled_fields import apply_fields
from flows.parsers.aggregator_text.list_items import list_items
from flows.parsers.aggregator_text.page_chrome import (  # noqa: F401 (the page chrome is part of this layout)
    _CHROME_ENDS, _CHROME_LENGTHS, _CHROME_LINES, CHROME, CHROME_END_CHARACTERS, HEADINGS, WHITESPACE, page_sections,
    heading_otherwise, headings_in_usual_case, study_sections, without_chrome)
from flows.parsers.aggregator_text.results_page import (RESULTS_HEADINGS, is_results_page, results_page_reject,
                                                        shows_results_page)
from flows.parsers.aggregator_text.saved_copy import page_lines as own_lines
from flows.parsers.aggregator_text.site_controls import may_show_ellipsis, without_controls, without_reader_head
from flows.parsers.aggregator_text.title import title_of
from flows.parsers.aggregator_text.unread_parts import unread_problems
from flows.parsers.aggregator_text.wrapped_lines import sheet_width
from flows.parsers.dates import date_columns, registry_date_columns
from flows.parsers.list_marks import bracketed_wraps, filled_lines
from flows.parsers.model import Parsed, Problem, Refused, StudyRecord
from flows.parsers.page_controls import CUT_TEXT
from flows.parsers.page_encodings import saved_head_text
from flows.parsers.page_sections import Sections, first_missing, has_line
from flows.parsers.page_text import NCT_ID, failure, nonblank, text_block, truncated
from flows.parsers.page_values import add_rows, int_value
from flows.parsers.several_pages import page_starts, quoted_starts, several_pages

LAYOUT = "aggregator_text"
# What a meddatax study page shows ("table" = every column of it): no outcome measures (they sit on
# its results sub-page), no official title, keywords or posting dates other than the last update.
CARRIES = frozenset({
    "studies.brief_title", "studies.overall_status", "studies.phase", "studies.study_type",
    "studies.enrollment", "studies.start_date", "studies.primary_completion_date", "studies.completion_date",
    "studies.last_update_posted_date", "brief_summaries", "detailed_descriptions",
    "conditions", "designs", "design_groups", "interventions", "design_group_interventions", "eligibilities",
    "facilities", "countries", "sponsors", "overall_officials", "central_contacts", "id_information",
    "responsible_parties",
})
# A compact block's one date, which a record gives as its start or as its completion date.
UNDECIDED_DATE = "unreadable value: a start or completion date undecided"
_PREAMBLE_VALUE = re.compile(r"^(NCT ID|Last Updated):\s*(.*)$")
# The line each page begins its study with (one per page).
_PAGE_ID_LINE = re.compile(r"NCT ID:\s*NCT\d{8}")
# The sponsor's free-text sections: a line in them may name another study as a page's 'NCT ID:' line does.
_FREE_TEXT = frozenset({"Brief Summary", "Detailed Description"})
# The headings a study page or its results sub-page shows first below its 'NCT ID:' line.
_OPENING = frozenset({"Study Results", "Basic Information", *RESULTS_HEADINGS})
# The longest line that spells a heading, with a count or a colon after it and a few characters of indentation.
_HEADING_LENGTH = max(map(len, HEADINGS | _OPENING)) + len(" (99999):") + 8
# A whole page has its key block and ends with 'More Related Trials' (shown even when empty).
REQUIRED = ("Basic Information", "More Related Trials")



# The page's 'NCT ID:' line holds the id alone (a sentence that starts 'NCT ID:' is no such line).
_NCT_ID_LINE = re.compile(r"(?m)^[ \t]*NCT ID:[ \t]*\S*[ \t]*$")
# Headings no other site's page shows, beside 'Basic Information'; a page whose top was not copied still has them.
_OWN_HEADINGS = ("Related Clinical Trials", "Study Groups", "Other Intervention Names", "Principal Investigators",
                 "Facility Contacts", "More Related Trials")


def sniff(head: bytes) -> bool:
    """True for meddatax study page text: 'Basic Information' with an 'NCT ID:' line or another own heading; and for
    its results sub-page ('NCT ID:' with the sub-page's own heading or title), which parse() rejects as such."""
    # 'Last Updated:' is not required: a page of a record never updated has none
    text = visible_text(saved_head_text(head))
    if text is None:
        return False
    if not has_line(text, "Basic Information"):
        return "NCT ID:" in text and _NCT_ID_LINE.search(text) is not None and shows_results_page(text)
    # the substring test first: a line-anchored search walks the whole head
    if "NCT ID:" in text and _NCT_ID_LINE.search(text) is not None:
        return True
    return any(has_line(text, heading) for heading in _OWN_HEADINGS)


def parse(raw: bytes) -> Parsed:
    """Read one meddatax study page into one StudyRecord, or problems and no record."""
    page = copied_page(LAYOUT, raw, sniff)  # decoded as saved, read back from mis-decoding, no zero-width marks
    if isinstance(page, Parsed):
        return page
    lines, copied = page
    lines = own_lines(without_reader_head(lines))
    starts, inside = quoted_starts(lines, page_starts(lines, _PAGE_ID_LINE.fullmatch, "NCT ID:"), _heading_of,
                                   _FREE_TEXT, _OPENING)
    if several := several_pages(LAYOUT, lines, starts, _page_top, parse, inside=inside):
        several.problems += copied
        return several
    lines, cut = without_controls(lines, may_show_ellipsis(raw))
    sections = study_sections(lines)
    if "Basic Information" not in sections and (shown := headings_in_usual_case(lines)) is not lines:
        lines, sections = shown, study_sections(shown)  # a copy that shows its headings in capitals
    preamble = dict(_preamble_value(line) for line in nonblank(sections.preamble))
    nct_id = preamble.get("NCT ID") if NCT_ID.fullmatch(preamble.get("NCT ID") or "") else None
    if "Basic Information" not in sections and is_results_page(lines):  # the study's results, not its page
        return results_page_reject(LAYOUT, nct_id)
    if missing := first_missing(sections, REQUIRED):
        return truncated(LAYOUT, f"'{missing}' section", sections, nct_id)
    if nct_id is None:
        return failure(LAYOUT, "no NCT id: no 'NCT ID: NCTnnnnnnnn' line")
    # a print's, or a copy's saved as text at a fixed width (no print's header or footer), where it wraps the
    # page's lines: both wrap every longer line between words at the sheet's width
    width = sheet_width(lines, True)
    basic = basic_information(design.unwrapped(sections.lines("Basic Information"), width))
    title, title_problem = _title(list(map(str.strip, sections.preamble)), width)
    record = StudyRecord(nct_id, {"studies": [_study_row(title, preamble, basic)]})
    problems = [Problem(title_problem.reason, title_problem.detail, nct_id)] if title_problem else []
    problems += [Problem("unreadable value", detail, nct_id) for detail in _read_descriptions(record, sections, width)]
    problems += [Problem("unknown label", f"'{line}' under 'Basic Information'", nct_id)
                 for line in basic.get("unread", ())]
    if (one := basic.get("one bare date")) is not None:
        problems.append(Problem(UNDECIDED_DATE, f"'Basic Information' gives one date, '{one}', without saying "
                                                "whether it is the start or the completion date; neither is read",
                                nct_id))
    problems += design.read_design(record, sections, width)
    problems += apply_fields(record, [("Basic Information", label, value) for label, value in basic.get("fields", ())])
    problems += people.read_people_places(record, sections, width)
    problems += unread_problems(sections, nct_id)
    problems += [Problem(CUT_TEXT, f"'{text[:60]}' ends where the page's 'Show more' hid the rest; it is read as "
                                   "shown", nct_id) for text in cut]
    problems += of_study(copied, nct_id)
    return Parsed(layout=LAYOUT, records=[record], problems=problems)


def _preamble_value(line: str) -> tuple[str, str]:
    """'NCT ID: NCT05300932' -> ('NCT ID', 'NCT05300932'); the title line -> ('title', line)."""
    match = _PREAMBLE_VALUE.match(line)
    return (match.group(1), match.group(2).strip()) if match else ("title", line)


def _title(preamble: list[str], width: int | None = None) -> tuple[str | Refused | None, Problem | None]:
    """The lines right above 'NCT ID:' (a saved page may keep the site's menu above the title; a long title may be
    wrapped over several lines, by a print at `width` too), no menu item; and the problem of a title the page leaves
    undecided."""
    above = next((preamble[:at] for at, line in enumerate(preamble) if _preamble_value(line)[0] == "NCT ID"), preamble)
    return title_of([line for line in above
                     if not line or (_preamble_value(line)[0] == "title" and line not in HEADINGS)], width)


def _study_row(title: str | Refused | None, preamble: dict[str, str], basic: dict) -> dict[str, object]:
    """The studies row: title, the Basic Information block and the last update."""
    enrollment, enrollment_type = typed(basic.get("enrollment"))
    study: dict[str, object] = {
        "brief_title": title,
        "overall_status": labels.page_label("status", basic.get("status")),
        "phase": labels.phase(basic.get("phase")),
        "study_type": labels.lookup("study_type", basic.get("study_type")),
        "enrollment": int_value(enrollment),
    }
    if enrollment_type:
        study["enrollment_type"] = labels.lookup("enrollment_type", enrollment_type)
    if labels.shows_patient_registry(basic.get("study_type")):
        study["patient_registry"] = True
    for prefix in ("start_date", "primary_completion_date", "completion_date"):
        value, date_type = typed(basic.get(prefix))
        study.update(registry_date_columns(prefix, value, labels.lookup("date_type", date_type)))
    if (one := basic.get("one bare date")) is not None:
        # refused as shown in both columns it may be, so that neither is judged missing nor read as the other
        for prefix, other in (("start_date", "completion date"), ("completion_date", "start date")):
            study[prefix] = Refused(one, f"a date told apart from the {other} (the page shows one date, which may "
                                         "be either)")
    study.update(date_columns("last_update_posted_date", preamble.get("Last Updated")))
    return study


def _read_descriptions(record: StudyRecord, sections: Sections, width: int | None) -> list[str]:
    """Brief summary, detailed description, conditions; why a condition line of a page wrapped at `width` may be
    another's wrapped rest (a name a wrap broke inside its brackets is one name again: list_marks.bracketed_wraps)."""
    for table, heading in (("brief_summaries", "Brief Summary"), ("detailed_descriptions", "Detailed Description")):
        if text := text_block(sections.lines(heading)):
            record.add(table, {"description": text})
    listed = nonblank(sections.lines("Conditions"))
    add_rows(record, "conditions", [{"name": name} for name in list_items(bracketed_wraps(listed, width))])
    return filled_lines(listed, width)


def _heading_of(line: str) -> str | None:
    """The heading a line spells, as usual or otherwise ('BASIC INFORMATION', 'Locations (3)'); None for text."""
    if len(line) > _HEADING_LENGTH:
        return None
    key = line.strip()
    return key if key in HEADINGS or key in RESULTS_HEADINGS else heading_otherwise(key) if key else None


def _page_top(lines: list[str], lo: int, start: int) -> tuple[int, int] | None:
    """Where the page whose 'NCT ID:' line is lines[start] begins: the first line of its title as the page reads it,
    below the page above's last heading ('More Related Trials') and the last related trial listed under it. The
    lines between that trial and the title may be either page's."""
    last = next((at for at in range(start - 1, lo - 1, -1) if lines[at].strip() in HEADINGS), None)
    if last is None:
        return None
    lowest = next((at + 1 for at in range(start - 1, last, -1) if people.related_trials([lines[at]])), last + 1)
    title, problem = _title(list(map(str.strip, without_chrome(lines[lowest:start]))))
    if problem is not None:
        return None
    top = next((at for at in range(start - 1, lowest - 1, -1)
                if title is not None and _title(list(map(str.strip, without_chrome(lines[at:start]))))[0] == title),
               start)
    return lowest, top
