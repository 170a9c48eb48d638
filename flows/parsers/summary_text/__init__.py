"""Trial-summary page text: summary, description, a 'NCT number' key/value block and 'See also' trials."""
from __future__ import annotations

import re

from flows.parsers import labels
from flows.parsers.dates import date_columns
from flows.parsers.model import Parsed, StudyRecord
from flows.parsers.page_text import (NCT_ID, Sections, failure, has_line, head_text, int_value, nonblank,
                                     read_page, split_sections, text_block, truncated)

LAYOUT = "summary_text"
HEADINGS = frozenset({"Clinical Trial Summary", "Clinical Trial Description", "Study Design",
                      "Related Conditions & MeSH terms", "See also"})
# Page chrome: the site logo's alt text and the header row of the 'See also' table.
_CHROME = frozenset({"Clinical Trials Logo", "Status Clinical Trial Phase"})
# The key/value block, 'Key value' on one line; longer keys first so 'Start date' is not 'Status'.
KEYS = ("NCT number", "Study type", "Source", "Contact", "Phone", "Email", "Status", "Phase",
        "Start date", "Primary completion date", "Completion date", "Enrollment")
_KEY_LINE = re.compile(r"^(%s)(?:\s+(.*))?$" % "|".join(
    re.escape(key) for key in sorted(KEYS, key=len, reverse=True)))
_SEE_ALSO = re.compile(r"^(?P<status>.+?)\s+(?P<nct>NCT\d{8})\s+-\s+(?P<title>.*?)"
                       r"(?:\s+(?P<phase>(?:Early )?Phase \d(?:/Phase \d)?|N/A))?$")


def sniff(head: bytes) -> bool:
    """True for trial-summary page text: a 'Clinical Trial Summary' heading with its logo or description."""
    text = head_text(head)
    return text is not None and has_line(text, "Clinical Trial Summary") and any(
        has_line(text, line) for line in ("Clinical Trials Logo", "Clinical Trial Description"))


def parse(raw: bytes) -> Parsed:
    """Read one trial-summary page into one StudyRecord, or problems and no record."""
    lines = read_page(LAYOUT, raw)
    if isinstance(lines, Parsed):
        return lines
    lines = [line for line in lines if line.strip() not in _CHROME]
    start, end, values = key_block(lines)
    sections = split_sections(lines[:start] + lines[end:], HEADINGS)
    nct_id = values.get("NCT number") if NCT_ID.fullmatch(values.get("NCT number") or "") else None
    if missing := _missing_part(sections, values):
        return truncated(LAYOUT, missing, sections, nct_id)
    if nct_id is None:
        return failure(LAYOUT, "no NCT id: 'NCT number' holds no NCTnnnnnnnn value")
    record = StudyRecord(nct_id, {"studies": [_study_row(sections, values)]})
    _read_children(record, sections, values)
    return Parsed(layout=LAYOUT, records=[record])


def _missing_part(sections: Sections, values: dict[str, str]) -> str | None:
    """What a whole page has and this one lacks; the key block closes the page (only 'See also' follows)."""
    if "Clinical Trial Summary" not in sections:
        return "'Clinical Trial Summary' section"
    if "NCT number" not in values:
        return "'NCT number' key block"
    return None if "Status" in values else "'Status' line in the key block"


def key_block(lines: list[str]) -> tuple[int, int, dict[str, str]]:
    """Where the key/value block starts and ends (the run of key lines from 'NCT number'), and its values."""
    start = next((i for i, line in enumerate(lines) if line.strip().startswith("NCT number ")), len(lines))
    values: dict[str, str] = {}
    end = start
    for index in range(start, len(lines)):
        match = _KEY_LINE.match(lines[index].strip())
        if match and match.group(2):
            values.setdefault(match.group(1), match.group(2).strip())
        elif lines[index].strip():
            break
        end = index + 1
    return start, end, values


def _study_row(sections: Sections, values: dict[str, str]) -> dict[str, object]:
    """The studies row; this page shows no title and no date types."""
    study: dict[str, object] = {
        "brief_title": next(iter(nonblank(sections.preamble)), None),
        "overall_status": labels.overall_status(values.get("Status")),
        "phase": labels.phase(values.get("Phase")),
        "study_type": labels.lookup("study_type", values.get("Study type")),
        "enrollment": int_value(values.get("Enrollment")),
        "source": values.get("Source"),
    }
    study.update(date_columns("start_date", values.get("Start date")))
    study.update(date_columns("primary_completion_date", values.get("Primary completion date")))
    study.update(date_columns("completion_date", values.get("Completion date")))
    return study


def _read_children(record: StudyRecord, sections: Sections, values: dict[str, str]) -> None:
    """Summary, description, conditions, sponsor, the one central contact, related trials."""
    if text := text_block(sections.lines("Clinical Trial Summary")):
        record.add("brief_summaries", {"description": text})
    if text := text_block(sections.lines("Clinical Trial Description")):
        record.add("detailed_descriptions", {"description": text})
    for name in nonblank(sections.lines("Related Conditions & MeSH terms")):
        record.add("conditions", {"name": name})
    if values.get("Source"):
        record.add("sponsors", {"agency_class": None, "lead_or_collaborator": "lead", "name": values["Source"]})
    if any(values.get(key) for key in ("Contact", "Phone", "Email")):
        record.add("central_contacts", {"contact_type": "primary", "name": values.get("Contact"),
                                        "phone": values.get("Phone"), "email": values.get("Email")})
    for row in see_also(sections.lines("See also")):
        record.add("related_studies", row)


def see_also(lines: list[str]) -> list[dict[str, object]]:
    """'Completed NCT03529955 - <title> Phase 2' rows."""
    rows = []
    for line in nonblank(lines):
        if match := _SEE_ALSO.match(line):
            rows.append({"related_nct_id": match.group("nct"),
                         "stated_status": labels.overall_status(match.group("status")),
                         "stated_phase": labels.phase(match.group("phase")), "title": match.group("title")})
    return rows
