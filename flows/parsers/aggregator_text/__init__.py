"""meddatax.com study page text, compact (positional values) and labelled ('Recruitment Status') variants."""
from __future__ import annotations

import re

from flows.parsers.aggregator_text import design
from flows.parsers.aggregator_text.basic_information import basic_information, typed
from flows.parsers.aggregator_text import people_places as people
from flows.parsers import labels
from flows.parsers.dates import date_columns
from flows.parsers.model import Parsed, Problem, StudyRecord
from flows.parsers.page_text import (NCT_ID, Sections, add_rows, failure, first_missing, has_line, head_text,
                                     heading_line_limit, int_value, nonblank, read_page, several_pages, text_block,
                                     truncated)

LAYOUT = "aggregator_text"
# What a meddatax study page shows ("table" = every column of it): no outcome measures (they sit on
# its results sub-page), no official title, keywords or posting dates other than the last update.
CARRIES = frozenset({
    "studies.brief_title", "studies.overall_status", "studies.phase", "studies.study_type",
    "studies.enrollment", "studies.start_date", "studies.primary_completion_date", "studies.completion_date",
    "studies.last_update_posted_date", "studies.source", "brief_summaries", "detailed_descriptions",
    "conditions", "designs", "design_groups", "interventions", "design_group_interventions", "eligibilities",
    "facilities", "countries", "sponsors", "overall_officials", "central_contacts", "id_information",
})
# meddatax puts one explainer sentence under every heading: page chrome, never content.
CHROME = {
    "Study Results": "The study team has not published outcome measurements, participant flow, or "
                     "safety data for this trial yet. Check back later for updates.",
    "Basic Information": "Get a concise snapshot of the trial, including recruitment status, study "
                         "phase, enrollment targets, and key timeline milestones.",
    "Brief Summary": "Review the sponsor-provided synopsis that highlights what the study is about and "
                     "why it is being conducted.",
    "Related Clinical Trials": "Explore similar clinical trials based on study characteristics and "
                               "research focus.",
    "Detailed Description": "Dive into the extended narrative that explains the scientific background, "
                            "objectives, and procedures in greater depth.",
    "Conditions": "See the medical conditions and disease areas that this research is targeting or "
                  "investigating.",
    "Study Design": "Understand how the trial is structured, including allocation methods, masking "
                    "strategies, primary purpose, and other design elements.",
    "Study Groups": "Review each arm or cohort in the study, along with the interventions and "
                    "objectives associated with them.",
    "Interventions": "Learn about the drugs, procedures, or behavioral strategies being tested and how "
                     "they are applied within this trial.",
    "Other Intervention Names": "Discover alternative or legacy names that may be used to describe the "
                                "listed interventions across different sources.",
    "Eligibility Criteria": "Check the participation requirements, including inclusion and exclusion "
                            "rules, age limits, and whether healthy volunteers are accepted.",
    "Sponsors": "Meet the organizations funding or collaborating on the study and learn about their roles.",
    "Responsible Party": "Identify the individual or organization who holds primary responsibility for "
                         "the study information submitted to regulators.",
    "Principal Investigators": "Learn about the lead researchers overseeing the trial and their "
                               "institutional affiliations.",
    "Locations": "Explore where the study is taking place and check the recruitment status at each "
                 "participating site.",
    "Countries": "Review the countries where the study has at least one active or historical site.",
    "Central Contacts": "Reach out to these primary contacts for questions about participation or study "
                        "logistics.",
    "Facility Contacts": "Find local site contact details for specific facilities participating in the trial.",
    "Other Identifiers": "Review additional registry numbers or institutional identifiers associated "
                         "with this trial.",
    "More Related Trials": "Additional clinical trials that may be relevant based on similarity analysis.",
}
HEADINGS = frozenset(CHROME)
_HEADING_LINE_LIMIT = heading_line_limit(HEADINGS)
_CHROME_LINES = frozenset(" ".join(s.lower().split()) for s in CHROME.values()) | {"results pending"}
# Only lines about as long as an explainer sentence are compared with them.
_CHROME_LENGTHS = range(min(map(len, _CHROME_LINES)), max(map(len, _CHROME_LINES)) + 40)
# ... and only those ending as one of them ends ('.', 'g'): a cheap test before normalising the line.
_CHROME_ENDS = frozenset(line[-1] for line in _CHROME_LINES)
# The characters whose lower case is one of those ends: the ends and their upper case (no other character
# lower-cases to '.' or an ASCII letter but 'K' (Kelvin sign) to 'k'; a test checks every code point).
CHROME_END_CHARACTERS = frozenset(_CHROME_ENDS | {end.upper() for end in _CHROME_ENDS})
# What str.strip() strips (a test checks every code point): a line ending in it may be one once stripped.
WHITESPACE = frozenset("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
                       "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_MAY_END_CHROME = CHROME_END_CHARACTERS | WHITESPACE
# The explainer sentences as the pages write them (each one of _CHROME_LINES once normalised), told at sight.
_CHROME_AS_WRITTEN = frozenset(line for line in (*CHROME.values(), "Results pending", "Results Pending")
                               if " ".join(line.lower().split()) in _CHROME_LINES)
_PREAMBLE_VALUE = re.compile(r"^(NCT ID|Last Updated):\s*(.*)$")
# The line each page begins its study with (one per page).
_PAGE_ID_LINE = re.compile(r"NCT ID:\s*NCT\d{8}")
# A whole page has its key block and ends with 'More Related Trials' (shown even when empty).
REQUIRED = ("Basic Information", "More Related Trials")



# The page's 'NCT ID:' line holds the id alone (a sentence that starts 'NCT ID:' is no such line).
_NCT_ID_LINE = re.compile(r"(?m)^[ \t]*NCT ID:[ \t]*\S*[ \t]*$")
# Headings no other site's page shows, beside 'Basic Information'; a page whose top was not copied still has them.
_OWN_HEADINGS = ("Related Clinical Trials", "Study Groups", "Other Intervention Names", "Principal Investigators",
                 "Facility Contacts", "More Related Trials")


def sniff(head: bytes) -> bool:
    """True for meddatax study page text: 'Basic Information' with an 'NCT ID:' line or another own heading."""
    # 'Last Updated:' is not required: a page of a record never updated has none
    text = head_text(head)
    if text is None or not has_line(text, "Basic Information"):
        return False
    # the substring test first: a line-anchored search walks the whole head
    if "NCT ID:" in text and _NCT_ID_LINE.search(text) is not None:
        return True
    return any(has_line(text, heading) for heading in _OWN_HEADINGS)


def parse(raw: bytes) -> Parsed:
    """Read one meddatax study page into one StudyRecord, or problems and no record."""
    lines = read_page(LAYOUT, raw)
    if isinstance(lines, Parsed):
        return lines
    if several := several_pages(LAYOUT, lines, _PAGE_ID_LINE.fullmatch):
        return several
    sections = page_sections(lines)
    preamble = dict(_preamble_value(line) for line in nonblank(sections.preamble))
    nct_id = preamble.get("NCT ID") if NCT_ID.fullmatch(preamble.get("NCT ID") or "") else None
    if missing := first_missing(sections, REQUIRED):
        return truncated(LAYOUT, f"'{missing}' section", sections, nct_id)
    if nct_id is None:
        return failure(LAYOUT, "no NCT id: no 'NCT ID: NCTnnnnnnnn' line")
    basic = basic_information(sections.lines("Basic Information"))
    record = StudyRecord(nct_id, {"studies": [_study_row(sections, preamble, basic)]})
    _read_descriptions(record, sections)
    problems = [Problem("unknown label", f"'{line}' under 'Basic Information'", nct_id)
                for line in basic.get("unread", ())]
    problems += design.read_design(record, sections)
    people.read_people_places(record, sections)
    record.study["source"] = next((row["name"] for row in record.tables.get("sponsors", [])
                                   if row["lead_or_collaborator"] == "lead"), None)
    return Parsed(layout=LAYOUT, records=[record], problems=problems)


def page_sections(lines: list[str]) -> Sections:
    """The page split at its headings, the explainer sentence under each heading dropped: what
    split_sections(without_chrome(lines), HEADINGS) gives, in one pass over the lines."""
    preamble: list[str] = []
    current, found, seen = preamble, [], set()
    for line in lines:
        if line[-1:] in _MAY_END_CHROME and _is_chrome(line):
            continue
        if len(line) <= _HEADING_LINE_LIMIT and (key := line.strip()) in HEADINGS and key not in seen:
            seen.add(key)  # a heading's later occurrences are lines of the section they are in
            current = []
            found.append((key, current))
        else:
            current.append(line)
    for heading, section in found:
        _drop_reworded_explainer(heading, section)
    return Sections(preamble, found)


# The words of each heading's explainer, each by its first letters (so 'funding' is 'fund', as 'fund' is).
_WORD = re.compile(r"[a-z]+")
_STEM = 4
_EXPLAINER_WORDS = {heading: frozenset(word[:_STEM] for word in _WORD.findall(text.lower()))
                    for heading, text in CHROME.items()}
# A line whose words and its heading's explainer's words overlap this much (shared / all) is the explainer.
_SHARED_WORDS = 0.6


def _drop_reworded_explainer(heading: str, section: list[str]) -> None:
    """Drop the first line under `heading` when it is its explainer in other words: a sentence no longer than
    the explainers whose words are mostly the heading's explainer's (the site rewords them from time to time)."""
    at = next((index for index, line in enumerate(section) if line.strip()), None)
    if at is None or len(section[at]) >= _CHROME_LENGTHS.stop or not section[at].rstrip().endswith("."):
        return
    words, explainer = frozenset(word[:_STEM] for word in _WORD.findall(section[at].lower())), _EXPLAINER_WORDS[heading]
    if len(words) >= 6 and len(words & explainer) >= _SHARED_WORDS * len(words | explainer):
        del section[at]


def without_chrome(lines: list[str]) -> list[str]:
    """The lines that are no explainer sentence (compared lower-cased, runs of whitespace as one space).

    A line can be one only if it ends (before trailing whitespace) as an explainer does: a line whose last
    character is neither such an end nor whitespace is kept at sight, without being normalised.
    """
    return [line for line in lines if line[-1:] not in _MAY_END_CHROME or not _is_chrome(line)]


def _is_chrome(line: str) -> bool:
    """Whether the line is an explainer sentence: one as meddatax writes it, or one in another case or spacing."""
    return line in _CHROME_AS_WRITTEN or (len(line) in _CHROME_LENGTHS
                                          and " ".join(line.lower().split()) in _CHROME_LINES)


def _preamble_value(line: str) -> tuple[str, str]:
    """'NCT ID: NCT05300932' -> ('NCT ID', 'NCT05300932'); the title line -> ('title', line)."""
    match = _PREAMBLE_VALUE.match(line)
    return (match.group(1), match.group(2).strip()) if match else ("title", line)


def _study_row(sections: Sections, preamble: dict[str, str], basic: dict) -> dict[str, object]:
    """The studies row: title, the Basic Information block and the last update."""
    title = next((line for line in nonblank(sections.preamble) if _preamble_value(line)[0] == "title"), None)
    enrollment, enrollment_type = typed(basic.get("enrollment"))
    study: dict[str, object] = {
        "brief_title": title,
        "overall_status": labels.overall_status(basic.get("status")),
        "phase": labels.phase(basic.get("phase")),
        "study_type": labels.lookup("study_type", basic.get("study_type")),
        "enrollment": int_value(enrollment),
    }
    if enrollment_type:
        study["enrollment_type"] = labels.lookup("enrollment_type", enrollment_type)
    for prefix in ("start_date", "primary_completion_date", "completion_date"):
        value, date_type = typed(basic.get(prefix))
        study.update(date_columns(prefix, value, labels.lookup("date_type", date_type)))
    study.update(date_columns("last_update_posted_date", preamble.get("Last Updated")))
    return study


def _read_descriptions(record: StudyRecord, sections: Sections) -> None:
    """Brief summary, detailed description, conditions."""
    for table, heading in (("brief_summaries", "Brief Summary"), ("detailed_descriptions", "Detailed Description")):
        if text := text_block(sections.lines(heading)):
            record.add(table, {"description": text})
    add_rows(record, "conditions", [{"name": name} for name in nonblank(sections.lines("Conditions"))])
