"""Trial-summary page text: summary, description, a 'NCT number' key/value block and 'See also' trials."""
from __future__ import annotations

import re
from itertools import compress, count, repeat
from operator import not_

from flows.parsers import labels
from flows.parsers.summary_text import design
from flows.parsers.dates import date_columns
from flows.parsers.model import Parsed, Problem, StudyRecord
from flows.parsers.page_text import (NCT_ID, Sections, add_rows, failure, has_line, head_text, int_value, nonblank,
                                     read_page, split_sections, text_block, truncated)

LAYOUT = "summary_text"
# What a trial-summary page shows ("table" = every column of it): no eligibility criteria, no
# outcomes, no arms or interventions, no posting dates.
CARRIES = frozenset({
    "studies.brief_title", "studies.overall_status", "studies.phase", "studies.study_type",
    "studies.enrollment", "studies.enrollment_type", "studies.start_date", "studies.primary_completion_date",
    "studies.completion_date", "studies.source", "brief_summaries", "detailed_descriptions", "conditions",
    "designs", "eligibilities.gender", "eligibilities.minimum_age", "eligibilities.maximum_age",
    "eligibilities.healthy_volunteers", "sponsors", "central_contacts", "related_studies",
})
HEADINGS = frozenset({"Clinical Trial Summary", "Clinical Trial Description", "Study Design",
                      "Related Conditions & MeSH terms", "See also"})
# Page chrome: the site logo's alt text and the header row of the 'See also' table.
_CHROME = frozenset({"Clinical Trials Logo", "Status Clinical Trial Phase"})
# The key/value block, 'Key value' on one line; longer keys first so 'Start date' is not 'Status'.
# Keys other than these six are the labelled fields of summary_text.design (Phase, Enrollment, Ages...).
OWN_KEYS = ("NCT number", "Source", "Contact", "Phone", "Email", "Study type")
KEYS = OWN_KEYS + tuple(label.capitalize() for label in design.FIELDS if label.capitalize() not in OWN_KEYS)
_KEY_LINE = re.compile(r"^(%s)(?:\s+(.*))?$" % "|".join(
    re.escape(key) for key in sorted(KEYS, key=len, reverse=True)), re.IGNORECASE)
_KEY_CASE = {key.lower(): key for key in KEYS}
_SEE_ALSO = re.compile(r"^(?P<status>.+?)\s+(?P<nct>NCT\d{8})\s+-\s+(?P<title>.*?)"
                       r"(?:\s+(?P<phase>(?:Early )?Phase \d(?:/Phase \d)?|N/A))?$")


_NCT_NUMBER_LINE = re.compile(r"(?im)^[ \t]*NCT number NCT")


def sniff(head: bytes) -> bool:
    """True for trial-summary page text: a 'Clinical Trial Summary' heading with its logo or description."""
    text = head_text(head)
    return text is not None and has_line(text, "Clinical Trial Summary") and (
        any(has_line(text, line) for line in ("Clinical Trials Logo", "Clinical Trial Description"))
        or _NCT_NUMBER_LINE.search(text) is not None)


def parse(raw: bytes) -> Parsed:
    """Read one trial-summary page into one StudyRecord, or problems and no record."""
    lines = read_page(LAYOUT, raw)
    if isinstance(lines, Parsed):
        return lines
    lines = without_chrome(lines)
    start, end, values, strays = key_block(lines)
    sections = split_sections(lines[:start] + lines[end:], HEADINGS)
    nct_id = values.get("NCT number") if NCT_ID.fullmatch(values.get("NCT number") or "") else None
    if missing := _missing_part(sections, values):
        return truncated(LAYOUT, missing, sections, nct_id)
    if nct_id is None:
        return failure(LAYOUT, "no NCT id: 'NCT number' holds no NCTnnnnnnnn value")
    fields, unknown = design.labelled_lines(sections.lines("Study Design"))
    for key, value in values.items():
        if key not in OWN_KEYS:
            fields[design.FIELDS[key.lower()]] = value  # the key block wins over a Study Design line
    record = StudyRecord(nct_id, {"studies": [_study_row(sections, values, fields)]})
    _read_children(record, sections, values, fields)
    problems = [Problem("unknown label", f"'{label}' under 'Study Design'", nct_id) for label in unknown]
    problems += [Problem("unknown label", f"key block line starting '{word}'", nct_id) for word in strays]
    if fields.get("ages") and design.ages(fields["ages"]) == (None, None):
        problems.append(Problem("unreadable value", "'Ages' is not an age range", nct_id))
    return Parsed(layout=LAYOUT, records=[record], problems=problems)


def without_chrome(lines: list[str]) -> list[str]:
    """The lines that are no page chrome (stripped, the logo's alt text or the 'See also' header row)."""
    return list(compress(lines, map(not_, map(_CHROME.__contains__, map(str.strip, lines)))))


def _missing_part(sections: Sections, values: dict[str, str]) -> str | None:
    """What a whole page has and this one lacks; the key block closes the page (only 'See also' follows)."""
    if "Clinical Trial Summary" not in sections:
        return "'Clinical Trial Summary' section"
    if "NCT number" not in values:
        return "'NCT number' key block"
    return None if "Status" in values else "'Status' line in the key block"


def key_block(lines: list[str]) -> tuple[int, int, dict[str, str], list[str]]:
    """Where the key/value block starts (its 'NCT number' line) and ends (the next heading), its values
    (an empty value kept as ''), and the first word of each line in it that starts with no known key."""
    # the key as the page spells it ('NCT number'), or in another case ('NCT Number'), as every key of the block
    start = next(compress(count(), map(str.startswith, map(str.strip, lines), repeat("NCT number "))), None)
    if start is None:
        start = next((i for i, line in enumerate(lines) if line.strip().lower().startswith("nct number ")), len(lines))
    values: dict[str, str] = {}
    strays: list[str] = []
    end = start
    for index in range(start, len(lines)):
        line = lines[index].strip()
        if line in HEADINGS:
            break
        end = index + 1
        if not line:
            continue
        if match := _KEY_LINE.match(line):
            values.setdefault(_KEY_CASE[match.group(1).lower()], (match.group(2) or "").strip())
        else:
            strays.append(line.split()[0])  # only the first word: the rest may be a person's name
    return start, end, values, strays


def _study_row(sections: Sections, values: dict[str, str], fields: dict[str, str]) -> dict[str, object]:
    """The studies row: the key block and the Study Design lines; a heading or key with no value is NULL."""
    study: dict[str, object] = {
        "brief_title": next(iter(nonblank(sections.preamble)), None),
        "overall_status": None, "phase": None, "study_type": None, "enrollment": None,
        "source": values.get("Source") or None,
    }
    study.update(date_columns("start_date", None))
    study.update(date_columns("primary_completion_date", None))
    study.update(date_columns("completion_date", None))
    study.update(design.study_columns({"study_type": values.get("Study type"), **fields}))
    return study


def _read_children(record: StudyRecord, sections: Sections, values: dict[str, str], fields: dict[str, str]) -> None:
    """Summary, description, conditions, design, ages and sex, sponsor, the one central contact, related trials."""
    if text := text_block(sections.lines("Clinical Trial Summary")):
        record.add("brief_summaries", {"description": text})
    if text := text_block(sections.lines("Clinical Trial Description")):
        record.add("detailed_descriptions", {"description": text})
    add_rows(record, "conditions", [{"name": name} for name in nonblank(sections.lines("Related Conditions & MeSH terms"))])
    for table, row in (("designs", design.design_row(fields)), ("eligibilities", design.eligibility_row(fields))):
        if row is not None:
            record.add(table, row)
    if values.get("Source"):
        record.add("sponsors", {"agency_class": None, "lead_or_collaborator": "lead", "name": values["Source"]})
    if any(values.get(key) for key in ("Contact", "Phone", "Email")):
        record.add("central_contacts", {"contact_type": "primary", "name": values.get("Contact") or None,
                                        "phone": values.get("Phone") or None, "email": values.get("Email") or None})
    add_rows(record, "related_studies", see_also(sections.lines("See also")))


def see_also(lines: list[str]) -> list[dict[str, object]]:
    """'Completed NCT03529955 - <title> Phase 2' rows."""
    rows = []
    for line in nonblank(lines):
        if parts := see_also_parts(line):
            status, nct, title, phase = parts
            rows.append({"related_nct_id": nct, "stated_status": labels.overall_status(status),
                         "stated_phase": labels.phase(phase), "title": title})
    return rows


# The start of a 'See also' line (what _SEE_ALSO matches before the title), and the phase forms that may end it
# with their lengths, longest first.
_SEE_ALSO_HEAD = re.compile(r"(?P<status>.+?)\s+(?P<nct>NCT\d{8})\s+-\s+")
_PHASE_FORM = re.compile(r"(?:Early )?Phase \d(?:/Phase \d)?|N/A")
_PHASE_LENGTHS = (len("Early Phase 1/Phase 2"), len("Phase 1/Phase 2"), len("Early Phase 1"), len("Phase 1"), len("N/A"))


def see_also_parts(line: str) -> tuple[str, str, str, str | None] | None:
    """(status, NCT id, title, phase or None) as _SEE_ALSO reads the line, None when it does not match.

    The pattern's lazy title tries every length before the optional phase; the same reading by string tests:
    on a line without a line break the title always matches once the head does, and the phase is the longest
    phase form that ends the line after whitespace (the shortest title), the title what precedes that run."""
    if "\n" in line:  # '.' and '$' read a line break specially: such a line goes to the pattern
        match = _SEE_ALSO.match(line)
        return match.group("status", "nct", "title", "phase") if match else None
    head = _SEE_ALSO_HEAD.match(line)
    if head is None:
        return None
    rest, end = line[head.end():], len(line) - head.end()
    for size in _PHASE_LENGTHS:
        start = end - size
        if start > 0 and rest[start - 1].isspace() and _PHASE_FORM.fullmatch(rest, start):
            return head.group("status"), head.group("nct"), rest[:start].rstrip(), rest[start:]
    return head.group("status"), head.group("nct"), rest, None
