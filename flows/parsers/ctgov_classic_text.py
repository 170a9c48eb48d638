"""clincosm.com study page text: header, description, design, arms, outcomes, people, More Information."""
from __future__ import annotations

import re

from flows.parsers import labels
from flows.parsers import ctgov_classic_design as design
from flows.parsers import ctgov_classic_people_places as people
from flows.parsers.dates import date_columns, to_month
from flows.parsers.model import Parsed, Problem, StudyRecord
from flows.parsers.page_text import (NCT_ID, Sections, failure, first, first_line, first_missing, has_line,
                                     head_text, labelled_values, nonblank, read_page, split_sections,
                                     text_block, truncated, unbullet)

LAYOUT = "ctgov_classic_text"
HEADINGS = frozenset({
    "Sponsor", "Overall Status", "CT.gov ID", "Collaborator", "Study Details", "Study Description",
    "Brief Summary", "Condition or Disease Intervention/Treatment Phase", "Detailed Description",
    "Study Design", "Arms and Interventions", "Outcome Measures", "Eligibility Criteria",
    "Contacts and Locations", "Sponsors and Collaborators", "Investigators",
    "Study Documents (Full-Text)", "More Information", "Study Results",
})
# A whole page ends with these sections; a page without them was cut short.
CLOSING = ("More Information", "Study Results")
_NUMBER = re.compile(r"^\d[\d,]*(?:\.\d+)?$")


def sniff(head: bytes) -> bool:
    """True for clincosm page text: 'Sponsor', 'Overall Status' and 'CT.gov ID' heading lines."""
    text = head_text(head)
    return text is not None and all(has_line(text, h) for h in ("Sponsor", "Overall Status", "CT.gov ID"))


def parse(raw: bytes) -> Parsed:
    """Read one clincosm study page into one StudyRecord, or problems and no record."""
    lines = read_page(LAYOUT, raw)
    if isinstance(lines, Parsed):
        return lines
    sections = page_sections(lines)
    shown_id = first_line(sections.lines("CT.gov ID"))
    nct_id = shown_id if shown_id and NCT_ID.fullmatch(shown_id) else None
    if missing := first_missing(sections, CLOSING):
        return truncated(LAYOUT, f"'{missing}' section", sections, nct_id)
    if nct_id is None:
        return failure(LAYOUT, "no NCT id: 'CT.gov ID' holds no NCTnnnnnnnn value")
    record = StudyRecord(nct_id, {"studies": [{}]})
    problems = _read_record(record, sections)
    return Parsed(layout=LAYOUT, records=[record], problems=problems)


def page_sections(lines: list[str]) -> Sections:
    """The page split at its headings."""
    return split_sections(lines, HEADINGS)


def _read_record(record: StudyRecord, sections: Sections) -> list[Problem]:
    """Fill every table from the page's sections; problems for what could not be read."""
    problems = _read_header(record, sections)
    listed = _read_description(record, sections)
    _read_design(record, sections, listed)
    _read_people_places(record, sections)
    _read_more_information(record, sections)
    return problems


def _read_header(record: StudyRecord, sections: Sections) -> list[Problem]:
    """Title, status, sponsors and the derived header numbers above 'Study Details'."""
    record.study.update(brief_title=first_line(sections.preamble),
                        overall_status=labels.overall_status(first_line(sections.lines("Overall Status"))))
    below = nonblank(sections.lines("Collaborator"))
    collaborators = [line for line in below if not _NUMBER.match(line) and line != "(none)"]
    lead = first_line(sections.lines("Sponsor"))
    for row in people.sponsors(lead, collaborators, sections.lines("Sponsors and Collaborators")):
        record.add("sponsors", row)
    record.study["source"] = next((r["name"] for r in record.tables.get("sponsors", [])
                                   if r["lead_or_collaborator"] == "lead"), None)
    metrics, problems = header_metrics(sections, record.nct_id)
    if metrics:
        record.add("page_header_metrics", metrics)
    return problems


def header_metrics(sections: Sections, nct_id: str | None = None) -> tuple[dict | None, list[Problem]]:
    """The bare numbers under 'Collaborator' as page_header_metrics: 5 numbers, or 6 when sites > 1."""
    numbers = [line for line in nonblank(sections.lines("Collaborator")) if _NUMBER.match(line)]
    values = [float(n.replace(",", "")) for n in numbers]
    if len(values) not in (5, 6):
        return None, [Problem("clincosm header numbers unreadable",
                              f"expected 5 or 6 numbers after 'Collaborator', found {len(values)}", nct_id)]
    # clincosm omits patients-per-site when the study has one site.
    per_site = values[4] if len(values) == 6 else None
    row = {"enrollment": int(values[0]), "sites": int(values[1]), "arms": int(values[2]),
           "duration_months": values[3], "patients_per_site": per_site,
           "patients_per_site_per_month": values[-1]}
    if (len(values) == 6) != (row["sites"] > 1):
        return row, [Problem("clincosm header numbers inconsistent",
                             f"{len(values)} numbers for {row['sites']} site(s)", nct_id)]
    return row, []


def _read_description(record: StudyRecord, sections: Sections) -> list[tuple[str, str]]:
    """Brief summary, the conditions table and the detailed description; the listed interventions."""
    conditions, listed, phase = design.condition_table(sections.lines(
        "Condition or Disease Intervention/Treatment Phase"))
    record.study["phase"] = phase
    for table, heading in (("brief_summaries", "Brief Summary"), ("detailed_descriptions", "Detailed Description")):
        if text := text_block(sections.lines(heading)):
            record.add(table, {"description": text})
    for name in conditions:
        record.add("conditions", {"name": name})
    return listed


def _read_design(record: StudyRecord, sections: Sections, listed: list[tuple[str, str]]) -> None:
    """Study Design, Arms and Interventions, Outcome Measures."""
    study, design_row = design.study_design(sections.lines("Study Design"))
    record.study.update(study)
    if any(value is not None for value in design_row.values()):
        record.add("designs", design_row)
    for table, rows in design.arms_and_interventions(sections.lines("Arms and Interventions"), listed).items():
        for row in rows:
            record.add(table, row)
    for row in design.outcome_measures(sections.lines("Outcome Measures")):
        record.add("design_outcomes", row)


def _read_people_places(record: StudyRecord, sections: Sections) -> None:
    """Eligibility, locations (and the countries they are in), investigators."""
    criteria = split_sections(sections.lines("Eligibility Criteria"), frozenset({"Criteria"}))
    row = people.eligibility(criteria.lines("Criteria"))
    if any(value is not None for value in row.values()):
        record.add("eligibilities", row)
    places = split_sections(sections.lines("Contacts and Locations"), frozenset({"Locations"}))
    for facility in people.locations(places.lines("Locations")):
        record.add("facilities", facility)
    for country in dict.fromkeys(f["country"] for f in record.tables.get("facilities", []) if f["country"]):
        record.add("countries", {"name": country})
    for official in people.investigators(sections.lines("Investigators")):
        record.add("overall_officials", official)


def _read_more_information(record: StudyRecord, sections: Sections) -> None:
    """Study ids, posting dates, verification date, FDA regulation flags, keywords."""
    values = labelled_values(sections.lines("More Information"),
                             lambda line: line.endswith(":") or line.startswith("Keywords provided by"))
    ids = [unbullet(value) for value in values.get("Other Study ID Numbers", [])]
    for index, value in enumerate(ids):
        record.add("id_information", {"id_source": "secondary_id" if index else "org_study_id",
                                      "id_type": None, "id_value": value})
    keywords = next((v for k, v in values.items() if k.startswith("Keywords provided by")), [])
    for keyword in map(unbullet, keywords):
        record.add("keywords", {"name": keyword})
    record.study.update(date_columns("study_first_posted_date", first(values.get("First Posted"))))
    record.study.update(date_columns("last_update_posted_date", first(values.get("Last Update Posted"))))
    record.study.update(verification_columns(first(values.get("Last Verified"))))
    record.study.update(
        is_fda_regulated_drug=labels.lookup("yes_no", first(values.get("Studies a U.S. FDA-regulated Drug Product"))),
        is_fda_regulated_device=labels.lookup("yes_no",
                                              first(values.get("Studies a U.S. FDA-regulated Device Product"))))


def verification_columns(text: str | None) -> dict[str, object]:
    """'Jun 1, 2021' -> verification_date 2021-06-01 at month precision."""
    columns = date_columns("verification_date", text)
    # ClinicalTrials.gov records verification to the month; clincosm prints it as the 1st.
    if columns["verification_date_precision"] == "day" and columns["verification_date"].day == 1:
        columns = to_month(columns, "verification_date")
    return columns
