"""Trial-summary page text: summary, description, a 'NCT number' key/value block and 'See also' trials."""
from __future__ import annotations

import re
from itertools import compress, count
from operator import methodcaller

from flows.parsers.copied_text import copied_page, of_study, visible_text
from flows.parsers.summary_text import design
from flows.parsers.summary_text.list_items import bracketed_wraps, filled_lines, list_names, lone_numbers, named
from flows.parsers.summary_text.listed_keys import listed_rows
from flows.parsers.summary_text.page_controls import without_controls
from flows.parsers.summary_text.page_furniture import dedented, without_furniture
from flows.parsers.summary_text.study_keys import study_keys
# The key block's pattern and spellings, and the 'See also' row pattern, are also read as this module's.
from flows.parsers.summary_text.key_value_block import (  # noqa: F401
    HEADINGS, KEY_CASE as _KEY_CASE, KEY_LINE as _KEY_LINE, OWN_KEYS, central_contacts, collaborators,
    conflicting_keys, key_block, key_values, keyed_lines, undecided_wraps, unwrapped)
from flows.parsers.summary_text.see_also import SEE_ALSO_ROW as _SEE_ALSO, see_also, see_also_parts  # noqa: F401
from flows.parsers.summary_text.stacked_block import unstacked
from flows.parsers.summary_text.title import UNDECIDED_TITLE, navigation, page_title, title_width, wrap_width
from flows.parsers.summary_text.sections import heading_spelt, key_block_line, keys_above, page_sections
from flows.parsers.summary_text.study_facts import study_facts
from flows.parsers.dates import date_columns
from flows.parsers.model import Parsed, Problem, Refused, StudyRecord
from flows.parsers.page_encodings import saved_head_text
from flows.parsers.page_sections import Sections, has_line
from flows.parsers.page_text import NCT_ID, failure, text_block, truncated
from flows.parsers.page_values import add_rows, distinct_rows, no_value
from flows.parsers.several_pages import page_starts, several_pages

LAYOUT = "summary_text"
# What a trial-summary page shows ("table" = every column of it): no eligibility criteria, no
# outcomes, no arms or interventions, no posting dates.
CARRIES = frozenset({
    "studies.brief_title", "studies.overall_status", "studies.phase", "studies.study_type",
    "studies.enrollment", "studies.enrollment_type", "studies.start_date", "studies.primary_completion_date",
    "studies.completion_date", "studies.source", "studies.why_stopped", "studies.biospec_retention",
    "studies.biospec_description", "studies.expanded_access_type_individual",
    "studies.expanded_access_type_intermediate", "studies.expanded_access_type_treatment", "brief_summaries",
    "detailed_descriptions", "conditions", "designs", "eligibilities.gender", "eligibilities.minimum_age",
    "eligibilities.maximum_age", "eligibilities.healthy_volunteers", "sponsors", "central_contacts",
    "related_studies",
})
# Page chrome: the site logo's alt text and the header row of the 'See also' table.
_CHROME = frozenset({"Clinical Trials Logo", "Status Clinical Trial Phase"})
_LOGO = "Clinical Trials Logo"
# How far down a page its logo may stand (below a saved page's menu and cookie notice).
_TOP_LINES = 40
# The last word of each: a line that does not end with one is no chrome.
_CHROME_LAST_WORDS = tuple(sorted({line.split()[-1] for line in _CHROME}))
# The heading of the table that closes every page, as the page spells it and in any case ('See Also' on a page saved
# with title-case headings).
_SEE_ALSO_SPELT, _SEE_ALSO_HEADING = "See also", "see also"
# The longest line that may spell it, indented, with a count after it ('See also (12)').
_SEE_ALSO_LIMIT = 40
# A page that stops before its 'See also' table (which the site shows, listing no trial when it has none) may have
# been cut short in its key block, whose last keys (ages, sex, healthy volunteers) cannot then be told from keys it
# does not give: it is read, and says so.
CUT_SHORT = "page may be cut short"
CUT_SHORT_DETAIL = ("the page stops before its closing 'See also' table: keys its key block ends with (ages, sex, "
                    "healthy volunteers) may have been cut off, not left out by the record")


# What opens a section whose heading a page spells otherwise ('Study design:'): a Study Design's first label.
_OPENS = {"Study Design": design.opens_section}
# The key block's first line, its cells parted by spaces or, copied from the page's table, a tab.
_NCT_NUMBER_LINE = re.compile(r"(?im)^[ \t]*NCT number[ \t]+NCT")
# A page's own 'NCT number' key line (one per page).
_NCT_KEY_LINE = re.compile(r"NCT number:?\s+NCT\d{8}$", re.IGNORECASE)
# The page's own headings, summary then description: a page copied from below its summary still has the second.
_OWN_HEADINGS = ("Clinical Trial Summary", "Clinical Trial Description")


def sniff(head: bytes) -> bool:
    """True for trial-summary page text: its summary or description heading with the other, the logo or key block."""
    text = visible_text(saved_head_text(head))
    if text is None:
        return False
    shown = [heading for heading in _OWN_HEADINGS if has_line(text, heading)]
    return bool(shown) and (len(shown) == 2 or has_line(text, "Clinical Trials Logo")
                            or _NCT_NUMBER_LINE.search(text) is not None)


def parse(raw: bytes) -> Parsed:
    """Read one trial-summary page into one StudyRecord, or problems and no record."""
    page = copied_page(LAYOUT, raw, sniff)  # decoded as saved, read back from mis-decoding, no zero-width marks
    if isinstance(page, Parsed):
        return page
    lines, copied = page
    # a page printed to PDF: its running header and footer are no part of it
    lines = without_furniture(lines)
    starts = page_starts(lines, "Clinical Trial Summary".__eq__, "Clinical Trial Summary")
    # a description may quote either start line, not both: each page has its two, in order
    if len(starts) > 1 and (several := several_pages(LAYOUT, lines, starts, _page_top, parse,
                                                     also=page_starts(lines, _NCT_KEY_LINE.match))):
        several.problems += copied
        return several
    lines, folded = without_controls(unstacked(without_chrome(below_logo(lines))), raw)
    at = key_block_line(lines)
    lines = lines[:at] + _with_see_also_heading(lines[at:])
    start, end, values, strays = key_block(lines[at:])
    if (first := keys_above(lines, at + start, _KEY_LINE)) < at + start:
        values, strays = key_values(lines[first:at + end])
        start = first - at
    sections = page_sections(lines, start + at, end + at, HEADINGS, _OPENS)
    block = lines[start + at:end + at]
    width = _page_width(sections)
    if (whole := unwrapped(block, width)) != block:  # a name wrapped onto the next line is one
        block = whole
        values, strays = key_values(block)
    nct_id = values.get("NCT number") if NCT_ID.fullmatch(values.get("NCT number") or "") else None
    if missing := _missing_part(sections, values):
        return truncated(LAYOUT, missing, sections, nct_id)
    if nct_id is None:
        return failure(LAYOUT, "no NCT id: 'NCT number' holds no NCTnnnnnnnn value")
    parsed = _read_record(nct_id, sections, values, strays, block, width)
    if _SEE_ALSO_SPELT not in sections:
        parsed.problems.append(Problem(CUT_SHORT, CUT_SHORT_DETAIL, nct_id))
    parsed.problems += [Problem("unreadable value", detail, nct_id) for detail in folded]
    parsed.problems += of_study(copied, nct_id)
    return parsed


def _read_record(nct_id: str, sections: Sections, values: dict[str, str], strays: list[str],
                 block: list[str], width: int | None) -> Parsed:
    """The study of a whole page (its key block's values, the block's lines; `width`, that of a page saved wrapped:
    _page_width) and what could not be read of it."""
    # a label alone above its value is one line with it, and a value wrapped onto lines is one
    study_design = design.unwrapped(design.unstacked(sections.lines("Study Design")), width)
    fields, unknown = design.labelled_lines(study_design)
    conflicts = conflicting_keys(block)
    keyed: set[str] = set()
    for key, value in values.items():
        if key not in OWN_KEYS:
            field = design.FIELDS[key.lower()]
            if fields.get(field, value) != value and key not in conflicts:
                conflicts.append(key)
            if field not in keyed:  # the key block wins over a Study Design line, its first key over another
                fields[field] = value
                keyed.add(field)
    facts, fact_problems = study_facts(fields, values.get("Study type"))
    title, title_problem = page_title(sections.preamble, width)
    if title_problem and width is None and (short := _title_width(sections)):  # a short page wrapped
        title, title_problem = page_title(sections.preamble, short)
    keys = study_keys(fields)  # a 'Title' key gives the title
    study = {**_study_row(values, fields), "brief_title": title, **facts, **keys}
    record = StudyRecord(nct_id, {"studies": [study]})
    unread = _read_children(record, sections, values, fields, block, width)
    problems = [Problem("unknown label", f"'{label}' under 'Study Design'", nct_id) for label in unknown]
    if title_problem and "brief_title" not in keys:
        problems.append(Problem(UNDECIDED_TITLE, title_problem, nct_id))
    problems += [Problem("unknown label", f"key block line starting '{word}'", nct_id) for word in strays]
    unread += [f"'{key}' is given twice with different values (the key block's first is read)" for key in conflicts]
    unread += [f"'{label}' is given twice under 'Study Design' with different values (the first is read)"
               for label in design.conflicting_labels(study_design)]
    unread += [f"'{key}' goes on past its line and the next line starts with a key: whether that line is the rest "
               "of it cannot be told" for key in undecided_wraps(block)]
    problems += [Problem("unreadable value", detail, nct_id) for detail in design.unreadable(fields) + unread]
    problems += [Problem(reason, detail, nct_id) for reason, detail in fact_problems]
    return Parsed(layout=LAYOUT, records=[record], problems=problems)


def _page_width(sections: Sections) -> int | None:
    """The width of a page saved wrapped, told by the text it wraps, its margin aside (a print keeping its layout
    indents every line): its summary and description, or, when they are too short to tell, these with the 'See
    also' rows (a status and title each, which such a page wraps as well), or else every line the page shows above
    its key block (a short summary wraps once or twice, a long title or Study Design value once more); None for a
    page not so wrapped."""
    text = [*sections.lines("Clinical Trial Summary"), *sections.lines("Clinical Trial Description")]
    return wrap_width(dedented(text)) or wrap_width(dedented([*text, *sections.lines("See also")])) or wrap_width(
        dedented([*sections.preamble, *text, *sections.lines("Study Design"), *sections.lines("See also")]))


def _title_width(sections: Sections) -> int | None:
    """The width of a short page saved wrapped, told for its title (see title.title_width) by every line it shows
    above its key block and its 'See also' rows."""
    text = [*sections.lines("Clinical Trial Summary"), *sections.lines("Clinical Trial Description"),
            *sections.lines("Study Design"), *sections.lines("See also")]
    lines = dedented([*sections.preamble, *text])
    return title_width(lines[:len(sections.preamble)], lines[len(sections.preamble):])


def below_logo(lines: list[str]) -> list[str]:
    """The page from its logo down, where the logo heads it above its summary: above the logo a saved page keeps
    only the browser's and the site's own lines (its menu, a cookie notice), never the study's title, which the
    site shows below the logo."""
    for at, line in enumerate(lines[:_TOP_LINES]):
        shown = line.strip()
        if shown == _LOGO:
            return lines[at:] if at else lines
        if shown == _OWN_HEADINGS[0]:
            break
    return lines


def without_chrome(lines: list[str]) -> list[str]:
    """The lines that are no page chrome (stripped, the logo's alt text or the 'See also' header row, whose cells
    a copied table may part with tabs). Only a line that ends with a chrome line's last word may be one."""
    ending = compress(count(), map(methodcaller("endswith", _CHROME_LAST_WORDS), map(str.rstrip, lines)))
    kept = list(lines)
    for at in reversed([at for at in ending if " ".join(lines[at].split()) in _CHROME]):
        del kept[at]
    return kept


def _with_see_also_heading(below: list[str]) -> list[str]:
    """The lines from the key block down, the 'See also' heading spelt as the page spells it: a page saved with its
    headings in title case or capitals ('See Also'), or with a colon or a count ('See also (3)') shows the same
    table, which nothing below the key block else is named."""
    return [_SEE_ALSO_SPELT if (key := line.strip().casefold()) == _SEE_ALSO_HEADING or (
        key.startswith(_SEE_ALSO_HEADING) and len(line) <= _SEE_ALSO_LIMIT and heading_spelt(line) == _SEE_ALSO_SPELT)
            else line for line in below]


def _missing_part(sections: Sections, values: dict[str, str]) -> str | None:
    """What a whole page has and this one lacks; the key block closes the page (only 'See also' follows)."""
    if "Clinical Trial Summary" not in sections:
        return "'Clinical Trial Summary' section"
    if "NCT number" not in values:
        return "'NCT number' key block"
    return None if "Status" in values else "'Status' line in the key block"


def _study_row(values: dict[str, str], fields: dict[str, str]) -> dict[str, object]:
    """The studies row: the key block and the Study Design lines; a heading or key with no value is NULL."""
    study: dict[str, object] = {
        "overall_status": None, "phase": None, "study_type": None, "enrollment": None,
        "source": values.get("Source") or None,
    }
    study.update(date_columns("start_date", None))
    study.update(date_columns("primary_completion_date", None))
    study.update(date_columns("completion_date", None))
    study.update(design.study_columns({"study_type": values.get("Study type"), **fields}))
    return study


def _read_children(record: StudyRecord, sections: Sections, values: dict[str, str], fields: dict[str, str],
                   block: list[str], width: int | None) -> list[str]:
    """Summary, description, conditions, design, ages and sex, sponsor and collaborators, central contacts,
    related trials; what could not be read (never quoting it)."""
    # a page's word for no value under a heading ('Not Provided') is no text and no condition
    if (text := text_block(dedented(sections.lines("Clinical Trial Summary")))) and not no_value(text):
        record.add("brief_summaries", {"description": text})
    if (text := text_block(dedented(sections.lines("Clinical Trial Description")))) and not no_value(text):
        record.add("detailed_descriptions", {"description": text})
    listed = sections.lines("Related Conditions & MeSH terms")
    names = named(list_names(bracketed_wraps(listed, width)))
    add_rows(record, "conditions", [{"name": name} for name in names])
    unread = lone_numbers(names) + filled_lines(listed, width)
    for table, row in (("designs", design.design_row(fields)), ("eligibilities", design.eligibility_row(fields))):
        if row is not None:
            record.add(table, row)
    # the lead sponsor where the page names it, else the source (the lead sponsor on the seed's pages)
    if lead := values.get("Sponsor") or values.get("Lead sponsor") or values.get("Source"):
        record.add("sponsors", {"agency_class": None, "lead_or_collaborator": "lead", "name": lead})
    names, not_read = collaborators(block)
    unread += not_read
    add_rows(record, "sponsors", [{"agency_class": None, "lead_or_collaborator": "collaborator", "name": name}
                                  for name in names])
    add_rows(record, "central_contacts", central_contacts(block))
    listed, not_listed = listed_rows(keyed_lines(block))
    for table, rows in listed.items():  # a condition both listed and keyed is one
        add_rows(record, table, [row for row in rows if row not in record.tables.get(table, [])])
    unread += not_listed
    rows, strays = see_also(sections.lines("See also"))
    add_rows(record, "related_studies", distinct_rows(rows))  # a trial listed twice says the same once
    if strays:
        unread.append(f"{strays} line(s) under 'See also' that start no trial row")
    if hyphens := sum(isinstance(row["title"], Refused) for row in rows):
        unread.append(f"{hyphens} 'See also' row title(s) wrapped after a word's hyphen: whether the word goes on in "
                      "the next line or a space follows the hyphen cannot be told; each is refused as shown")
    return unread


def _page_top(lines: list[str], lo: int, start: int) -> tuple[int, int] | None:
    """Where the page whose 'Clinical Trial Summary' is lines[start] begins: its title (the part right above the
    summary), below the page above's 'See also' rows; the lines between its last row and the title may be either
    page's. None when the page above has no 'See also', or its last row may go on into what would be the title."""
    last = next((at for at in range(start - 1, lo - 1, -1) if lines[at].strip() == "See also"), None)
    if last is None:
        return None
    lowest, row, goes_on = last + 1, None, False
    for at in range(last + 1, start):
        line = lines[at].strip()
        if line and see_also_parts(line) is not None:
            lowest, row, goes_on = at + 1, line, False
        elif line and row is not None and see_also_parts(f"{row} {line}")[3] is not None:
            lowest, row, goes_on = at + 1, f"{row} {line}", True
    title, problem = page_title(without_chrome(lines[lowest:start]))
    if problem is not None or (goes_on and title is None):
        return None
    top = next((at for at in range(start - 1, lowest - 1, -1) if lines[at].strip() and not navigation(
        lines[at].strip()) and page_title(without_chrome(lines[at:start]))[0] == title), start)
    return lowest, top
