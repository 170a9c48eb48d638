"""Trial-summary page text: summary, description, a 'NCT number' key/value block and 'See also' trials."""
from __future__ import annotations

import re
from itertools import compress, count
from operator import not_

from flows.parsers.summary_text import design
from flows.parsers.summary_text.see_also import SEE_ALSO_ROW as _SEE_ALSO, see_also, see_also_parts
from flows.parsers.summary_text.sections import (NCT_KEY, NCT_KEY_ANY_CASE, continues_name, key_block_line,
                                                 keys_above, page_sections)
from flows.parsers.dates import date_columns
from flows.parsers.model import Parsed, Problem, StudyRecord
from flows.parsers.page_text import (NCT_ID, Sections, add_rows, distinct_rows, failure, has_line, head_text, nonblank,
                                     read_page, several_pages, text_block, truncated, unbullet)

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
# Keys other than these are the labelled fields of summary_text.design (Phase, Enrollment, Ages...).
OWN_KEYS = ("NCT number", "Source", "Collaborators", "Collaborator", "Contact", "Phone", "Email", "Study type")
_COLLABORATOR_KEYS = ("Collaborator", "Collaborators")
# The keys whose value is a name, which a narrow page may wrap onto the next line.
_NAME_KEYS = frozenset({"Source", "Collaborator", "Collaborators", "Contact"})
_CONTACT_COLUMNS = {"Contact": "name", "Phone": "phone", "Email": "email"}
KEYS = OWN_KEYS + tuple(label.capitalize() for label in design.FIELDS if label.capitalize() not in OWN_KEYS)
# A key may be followed by a colon ('Status: Recruiting').
_KEY_LINE = re.compile(r"^(%s)(?:\s*:)?(?:\s+(.*))?$" % "|".join(
    re.escape(key) for key in sorted(KEYS, key=len, reverse=True)), re.IGNORECASE)
_KEY_CASE = {key.lower(): key for key in KEYS}


# The key block's first line, its cells parted by spaces or, copied from the page's table, a tab.
_NCT_NUMBER_LINE = re.compile(r"(?im)^[ \t]*NCT number[ \t]+NCT")
# A page's own 'NCT number' key line (one per page).
_NCT_KEY_LINE = re.compile(r"NCT number:?\s+NCT\d{8}$", re.IGNORECASE)
# The page's own headings, summary then description: a page copied from below its summary still has the second.
_OWN_HEADINGS = ("Clinical Trial Summary", "Clinical Trial Description")


def sniff(head: bytes) -> bool:
    """True for trial-summary page text: its summary or description heading with the other, the logo or key block."""
    text = head_text(head)
    if text is None:
        return False
    shown = [heading for heading in _OWN_HEADINGS if has_line(text, heading)]
    return bool(shown) and (len(shown) == 2 or has_line(text, "Clinical Trials Logo")
                            or _NCT_NUMBER_LINE.search(text) is not None)


def parse(raw: bytes) -> Parsed:
    """Read one trial-summary page into one StudyRecord, or problems and no record."""
    lines = read_page(LAYOUT, raw)
    if isinstance(lines, Parsed):
        return lines
    if (several := several_pages(LAYOUT, lines, "Clinical Trial Summary".__eq__)) and \
            several_pages(LAYOUT, lines, _NCT_KEY_LINE.match):  # a description may quote either line, not both
        return several
    lines = without_chrome(lines)
    at = key_block_line(lines)
    start, end, values, strays = key_block(lines[at:])
    if (first := keys_above(lines, at + start, _KEY_LINE)) < at + start:
        values, strays = key_values(lines[first:at + end])
        start = first - at
    sections = page_sections(lines, start + at, end + at, HEADINGS)
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
    unread = _read_children(record, sections, values, fields, lines[start + at:end + at])
    problems = [Problem("unknown label", f"'{label}' under 'Study Design'", nct_id) for label in unknown]
    problems += [Problem("unknown label", f"key block line starting '{word}'", nct_id) for word in strays]
    problems += [Problem("unreadable value", detail, nct_id) for detail in design.unreadable(fields) + unread]
    return Parsed(layout=LAYOUT, records=[record], problems=problems)


def without_chrome(lines: list[str]) -> list[str]:
    """The lines that are no page chrome (stripped, the logo's alt text or the 'See also' header row, whose cells
    a copied table may part with tabs)."""
    return list(compress(lines, map(not_, map(_CHROME.__contains__, map(" ".join, map(str.split, lines))))))


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
    start = next(compress(count(), map(NCT_KEY.match, map(str.strip, lines))), None)
    if start is None:
        start = next(compress(count(), map(NCT_KEY_ANY_CASE.match, map(str.strip, lines))), len(lines))
    end = start
    for index in range(start, len(lines)):
        if lines[index].strip() in HEADINGS:
            break
        end = index + 1
    return (start, end, *key_values(lines[start:end]))


def key_values(block: list[str]) -> tuple[dict[str, str], list[str]]:
    """The key block's values (an empty value kept as ''; the first line of a key wins) and the first word of
    each line that starts with no known key and continues no value."""
    values: dict[str, str] = {}
    strays: list[str] = []
    for key, value in keyed_lines(block):
        if key is None:
            strays.append(value.split()[0])  # only the first word: the rest may be a person's name
        else:
            values.setdefault(key, value)
    return values, strays


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


def _read_children(record: StudyRecord, sections: Sections, values: dict[str, str], fields: dict[str, str],
                   block: list[str]) -> list[str]:
    """Summary, description, conditions, design, ages and sex, sponsor and collaborators, central contacts,
    related trials; what could not be read (never quoting it)."""
    if text := text_block(sections.lines("Clinical Trial Summary")):
        record.add("brief_summaries", {"description": text})
    if text := text_block(sections.lines("Clinical Trial Description")):
        record.add("detailed_descriptions", {"description": text})
    names = filter(None, map(unbullet, sections.lines("Related Conditions & MeSH terms")))
    add_rows(record, "conditions", [{"name": name} for name in names])
    for table, row in (("designs", design.design_row(fields)), ("eligibilities", design.eligibility_row(fields))):
        if row is not None:
            record.add(table, row)
    if values.get("Source"):
        record.add("sponsors", {"agency_class": None, "lead_or_collaborator": "lead", "name": values["Source"]})
    names, unread = collaborators(block)
    add_rows(record, "sponsors", [{"agency_class": None, "lead_or_collaborator": "collaborator", "name": name}
                                  for name in names])
    add_rows(record, "central_contacts", central_contacts(block))
    rows, strays = see_also(sections.lines("See also"))
    add_rows(record, "related_studies", distinct_rows(rows))  # a trial listed twice says the same once
    if strays:
        unread.append(f"{strays} line(s) under 'See also' that start no trial row")
    return unread


def central_contacts(block: list[str]) -> list[dict[str, object]]:
    """One contact per 'Contact' line with the 'Phone' and 'Email' lines after it; as AACT, the first is the
    primary contact and the others backup."""
    contacts: list[dict[str, object]] = []
    for key, value in keyed_lines(block):
        column = _CONTACT_COLUMNS.get(key)
        if column is None:
            continue
        if key == "Contact" or not contacts or contacts[-1][column] is not None:
            contacts.append(dict.fromkeys(_CONTACT_COLUMNS.values()))
        contacts[-1][column] = value or None
    kept = [contact for contact in contacts if any(contact.values())]
    return [{"contact_type": "backup" if index else "primary", **contact} for index, contact in enumerate(kept)]


def keyed_lines(block: list[str]) -> list[tuple[str | None, str]]:
    """(key as the page's key list spells it, value) of each line of the key block, in page order; (None, line)
    for a line that starts with no known key, unless it is the wrapped rest of a name (see continues_name)."""
    found: list[tuple[str | None, str]] = []
    for line in nonblank(block):
        if match := _KEY_LINE.match(line):
            found.append((_KEY_CASE[match.group(1).lower()], (match.group(2) or "").strip()))
        elif found and found[-1][0] in _NAME_KEYS and continues_name(found[-1][1], line):
            found[-1] = (found[-1][0], f"{found[-1][1]} {line}")
        else:
            found.append((None, line))
    return found


def collaborators(block: list[str]) -> tuple[list[str], list[str]]:
    """The names on the key block's 'Collaborator' lines, one a line; a 'Collaborators' line naming several with
    commas cannot be split safely (a name may hold a comma: 'University of California, San Francisco')."""
    names: list[str] = []
    unread: list[str] = []
    for key, value in keyed_lines(block):
        if key in _COLLABORATOR_KEYS and value:
            if key == "Collaborators" and "," in value:
                unread.append("'Collaborators' names several collaborators in one line")
            else:
                names.append(value)
    return names, unread
