"""clincosm.com study page text: header, description, design, arms, outcomes, people, More Information."""
from __future__ import annotations

import re
from collections.abc import Callable

from flows.parsers.copied_text import copied_page, of_study, visible_text
from flows.parsers.ctgov_classic_text import design, header, more_information, sites
from flows.parsers.ctgov_classic_text import people_places as people
from flows.parsers.ctgov_classic_text.arms import arms_undecided, groups_undecided, typed_descriptions_undecided
from flows.parsers.ctgov_classic_text.headings import (  # noqa: F401 (HEADINGS: the layout's headings)
    CLOSING, HEADINGS, LOCATIONS, OWN_SECTIONS, header_on_own_lines, own_sections_in_capitals, sections_in_usual_case)
from flows.parsers.ctgov_classic_text.label_lines import leading_with_colons, with_colons
from flows.parsers.ctgov_classic_text.outcomes import read_outcomes
from flows.parsers.ctgov_classic_text.page_bounds import page_start_lines, page_top
from flows.parsers.ctgov_classic_text.page_controls import without_controls
from flows.parsers.ctgov_classic_text.printed_copy import as_screen_text, is_printed, is_wrapped
from flows.parsers.ctgov_classic_text.status_line import stopped_status
from flows.parsers.ctgov_classic_text.study_design import is_design_label
from flows.parsers.ctgov_classic_text.title import page_title
from flows.parsers.model import Parsed, Problem, StudyRecord
from flows.parsers.page_controls import CUT_TEXT
from flows.parsers.page_encodings import saved_head_text
from flows.parsers.page_sections import Sections, first_missing, has_line, split_sections
from flows.parsers.page_text import NCT_ID, failure, nonblank, text_block, truncated
from flows.parsers.page_values import add_rows, first_line, no_value
from flows.parsers.several_pages import several_pages

LAYOUT = "ctgov_classic_text"
# What a clincosm page shows ("table" = every column of it); the registry's timeline beyond the
# first, results' and last postings, results, contacts and the responsible party are not read from it. The header's
# status shows why the study stopped, in brackets, wherever the record gives it ('Terminated (Slow accrual)'): a bare
# 'Terminated' gives none.
CARRIES = frozenset({
    "studies.results_first_posted_date", "studies.is_unapproved_device", "studies.is_ppsd", "studies.is_us_export",
    "studies.plan_to_share_ipd", "studies.plan_to_share_ipd_description", "studies.ipd_time_frame",
    "studies.ipd_access_criteria", "studies.ipd_url", "ipd_information_types", "studies.biospec_retention",
    "studies.biospec_description", "studies.target_duration", "studies.number_of_groups", "studies.patient_registry",
    "studies.expanded_access_type_individual", "studies.expanded_access_type_intermediate",
    "studies.expanded_access_type_treatment", "study_references",
    "studies.brief_title", "studies.official_title", "studies.overall_status", "studies.why_stopped", "studies.phase",
    "studies.study_type", "studies.enrollment", "studies.enrollment_type", "studies.start_date",
    "studies.primary_completion_date", "studies.completion_date", "studies.study_first_posted_date",
    "studies.last_update_posted_date", "studies.verification_date", "studies.is_fda_regulated_drug",
    "studies.is_fda_regulated_device", "brief_summaries", "detailed_descriptions",
    "conditions", "keywords", "designs", "design_groups", "interventions", "intervention_other_names",
    "design_group_interventions",
    "design_outcomes", "eligibilities", "facilities", "countries", "sponsors", "overall_officials",
    "id_information", "page_header_metrics",
})


# The page's header names the study: 'CT.gov ID' with the NCT id on the next line that is not blank.
_CTGOV_ID = re.compile(r"(?m)^[ \t]*CT\.gov ID[ \t]*\n(?:[ \t]*\n)*[ \t]*NCT\d{8}[ \t]*$")


def sniff(head: bytes) -> bool:
    """True for clincosm page text: its header ('Sponsor', 'Overall Status', 'CT.gov ID' NCT id) or two own sections."""
    text = visible_text(saved_head_text(head))  # as a browser shows it, in whatever encoding it was saved
    if text is None:
        return False
    # the substring test first: other pages have no 'CT.gov ID' at all, and a line-anchored search walks the head
    if "CT.gov ID" in text and _CTGOV_ID.search(text) and has_line(text, "Overall Status") and has_line(
            text, "Sponsor"):
        return True
    return sum(has_line(text, heading) for heading in OWN_SECTIONS) >= 2 or own_sections_in_capitals(text) >= 2


def parse(raw: bytes) -> Parsed:
    """Read one clincosm study page into one StudyRecord, or problems and no record; a page saved in another encoding
    or copied with characters the site does not show is read as the page, with a problem for each doubt."""
    page = copied_page(LAYOUT, raw, sniff)
    if isinstance(page, Parsed):
        return page
    lines, copied = page
    lines, cut = without_controls(lines, raw)  # a browser's copy keeps the site's 'Show more' and 'Back to top'
    printed = is_printed(lines)
    wrapped = is_wrapped(lines, printed)
    lines = as_screen_text(lines, printed, wrapped)
    starts, inside = page_start_lines(lines)
    if several := several_pages(LAYOUT, lines, starts, page_top, parse, inside=inside):
        several.problems += copied
        return several
    sections = page_sections(lines)
    shown_id = first_line(sections.lines("CT.gov ID"))
    nct_id = shown_id if shown_id and NCT_ID.fullmatch(shown_id) else None
    if missing := first_missing(sections, CLOSING):
        return truncated(LAYOUT, f"'{missing}' section", sections, nct_id)
    if nct_id is None and "CT.gov ID" not in sections:  # a reader view leaves the header out: its status with it
        return failure(LAYOUT, "no NCT id: the page's header (Sponsor, Overall Status, CT.gov ID) was not copied",
                       "the study's status and lead sponsor are not shown: save the whole page",
                       more_information.shown_identifier(sections.lines("More Information")))
    if nct_id is None:
        return failure(LAYOUT, "no NCT id: 'CT.gov ID' holds no NCTnnnnnnnn value")
    record = StudyRecord(nct_id, {"studies": [{}]})
    problems = _read_record(record, sections, wrapped) + of_study(copied, nct_id) + ([
        Problem(CUT_TEXT, f"{len(cut)} text(s) of the page end in an ellipsis and the site's 'Show more': the rest of "
                          "each is not on the page, it is loaded as shown", nct_id)] if cut else [])
    return Parsed(layout=LAYOUT, records=[record], problems=problems)


def page_sections(lines: list[str]) -> Sections:
    """The page split at its headings (shown in another case or as usual, the header's with their values beside)."""
    return sections_in_usual_case(header_on_own_lines(lines))


def _read_record(record: StudyRecord, sections: Sections, wrapped: bool = False) -> list[Problem]:
    """Fill every table from the page's sections (of a copy that wraps its lines: the title may be wrapped too);
    problems for what could not be read."""
    unread = _read_header(record, sections)
    listed = _read_description(record, sections)
    problems = unread + _read_design(record, sections, listed)
    record.study["brief_title"], unread = page_title(sections.preamble, record.study.get("official_title"), wrapped,
                                                     record.nct_id)
    problems = unread + problems
    problems += _read_people_places(record, sections)
    problems += more_information.read_more_information(record, sections)
    return problems + _read_header_numbers(record, sections)


def _read_header(record: StudyRecord, sections: Sections) -> list[Problem]:
    """Title, status and sponsors above 'Study Details'; a problem per sponsor whose agency class is not read."""
    # the title (read with the Official Title, page_title) is the line right above the header
    record.study.update(brief_title=None, **stopped_status(nonblank(sections.lines("Overall Status"))))
    # the header's word for no collaborator: its own '(none)', or a copy's 'Not Provided', 'N/A' or '-'
    collaborators = [line for line in header.number_lines(nonblank(sections.lines("Collaborator")))[2]
                     if line != "(none)" and not no_value(line)]
    lead = first_line(sections.lines("Sponsor"))
    listed = sections.lines("Sponsors and Collaborators")
    add_rows(record, "sponsors", people.sponsors(lead, collaborators, listed))
    record.tables["page_header_metrics"] = []  # filled last (read against the page), kept in page order
    return [Problem("unknown value", f"agency class '{shown}' of a sponsor in the page's header is none the parser "
                                     "knows: the sponsor's agency_class is not loaded", record.nct_id)
            for shown in people.unread_classes(lead, collaborators, listed)]


def _read_header_numbers(record: StudyRecord, sections: Sections) -> list[Problem]:
    """The derived header numbers, read against what the page says of enrollment, arms and sites."""
    known = {"enrollment": record.study.get("enrollment"), "arms": len(record.tables.get("design_groups", [])) or None,
             "sites": len(record.tables.get("facilities", [])) or None,
             "enrollment_type": record.study.get("enrollment_type")}
    metrics, problems = header_metrics(sections, record.nct_id, known)
    if metrics:
        record.add("page_header_metrics", metrics)
    else:
        del record.tables["page_header_metrics"]
    return problems


def header_metrics(sections: Sections, nct_id: str | None = None,
                   known: dict[str, int | str | None] | None = None) -> tuple[dict | None, list[Problem]]:
    """The bare numbers under 'Collaborator' as a page_header_metrics row, and problems."""
    numbers, enrollment_type, _ = header.number_lines(nonblank(sections.lines("Collaborator")))
    metrics, problems = header.read_header(numbers, known or {}, nct_id)
    shown = (known or {}).get("enrollment_type")
    if enrollment_type and shown and enrollment_type != shown:
        problems.append(Problem("clincosm header enrollment type disagrees",
                                f"the header shows {enrollment_type}, Study Design {shown}", nct_id))
    return metrics, problems


def _read_description(record: StudyRecord, sections: Sections) -> list[tuple[str, str]]:
    """Brief summary, the conditions table and the detailed description; the listed interventions."""
    conditions, listed, phase = design.condition_table(sections.lines(
        "Condition or Disease Intervention/Treatment Phase"))
    record.study["phase"] = phase
    for table, heading in (("brief_summaries", "Brief Summary"), ("detailed_descriptions", "Detailed Description")):
        # a page's word for no text ('None provided.', 'Not Provided') is no text
        if (text := text_block(sections.lines(heading))) and not no_value(text):
            record.add(table, {"description": text})
    add_rows(record, "conditions", [{"name": name} for name in conditions])
    return listed


def _read_design(record: StudyRecord, sections: Sections, listed: list[tuple[str, str]]) -> list[Problem]:
    """Study Design, Arms and Interventions, Outcome Measures; a problem per label the parser does not know."""
    shown = with_colons(sections.lines("Study Design"), is_design_label)  # a copy may lose the labels' colons
    study, design_row, unknown, unreadable = design.read_study_design(shown)
    record.study.update(study)
    if any(value is not None for value in design_row.values()):
        record.add("designs", design_row)
    header_arms = _header_shows_arms(sections, record.study.get("enrollment"))
    for table, rows in design.arms_and_interventions(sections.lines("Arms and Interventions"), listed,
                                                     header_arms).items():
        add_rows(record, table, rows)
    outcomes, unread_outcomes = read_outcomes(sections.lines("Outcome Measures"))
    add_rows(record, "design_outcomes", outcomes)
    return ([Problem("unknown label", f"'{label}' under 'Study Design'", record.nct_id) for label in unknown]
            + [Problem("unknown value", f"{why} (under 'Study Design')", record.nct_id) for why in unreadable]
            + [Problem("unreadable section", f"'{heading}' shows no outcome line the parser reads: none of its "
                       "outcomes is loaded", record.nct_id) for heading in unread_outcomes]
            + ([Problem("unreadable section: study groups undecided", "the Group/Cohort table was copied without "
                        "its blank lines: its groups and descriptions are not loaded", record.nct_id)]
               if groups_undecided(sections.lines("Arms and Interventions")) else [])
            + _undecided_arms(sections.lines("Arms and Interventions"), listed, record.nct_id)
            + _undecided_typed_descriptions(sections.lines("Arms and Interventions"), listed, header_arms,
                                            record.nct_id))


def _header_shows_arms(sections: Sections, enrollment: int | None) -> Callable[[int], bool]:
    """Whether the page's header shows a number of arms: the header's numbers read with that many arms (and the
    enrollment Study Design shows) give it as the arms' number (False where the page shows no header numbers)."""
    numbers = header.number_lines(nonblank(sections.lines("Collaborator")))[0]

    def shows(arms: int) -> bool:
        row = header.read_header(numbers, {"arms": arms, "enrollment": enrollment})[0]
        return bool(row) and row["arms"] == arms
    return shows


def _undecided_typed_descriptions(lines: list[str], listed: list[tuple[str, str]], header_arms: Callable[[int], bool],
                                  nct_id: str) -> list[Problem]:
    """A problem for a typed line right below an arm's line that may open the arm's description or be one more arm
    (typed_descriptions_undecided): the arms, descriptions and links are not loaded."""
    if not (undecided := typed_descriptions_undecided(lines, listed, header_arms)):
        return []
    shown = "; ".join(f"'{line[:60]}' below the arm '{arm}'" for arm, line in undecided)
    return [Problem("unreadable section: study arms undecided", f"{shown}: the line may open the arm's description "
                    "or head one more arm shown with neither description nor intervention, and the header's number "
                    "of arms does not tell; the arms, descriptions and links are not loaded", nct_id)]


def _undecided_arms(lines: list[str], listed: list[tuple[str, str]], nct_id: str) -> list[Problem]:
    """A problem for an Arm table copied without the shape that tells an 'Other:' arm from an 'Other:'
    intervention (arms_undecided): its arms, descriptions and links are not loaded."""
    if not (undecided := arms_undecided(lines, listed)):
        return []
    shown = "', '".join(undecided)
    return [Problem("unreadable section: study arms undecided", f"the arms table was copied without its blank lines "
                    f"or tab-parted cells: '{shown}' may head an arm or be one more intervention of the arm above; "
                    "its arms, descriptions and links are not loaded", nct_id)]


def _read_people_places(record: StudyRecord, sections: Sections) -> list[Problem]:
    """Eligibility, locations (and the countries they are in), investigators; a problem for ages that cannot be read,
    and per site whose name and city cannot be told apart (or that ends with no known country)."""
    # ages, sexes and volunteers may stand above the 'Criteria' heading as well as below it
    shown = leading_with_colons(sections.lines("Eligibility Criteria"), people.CRITERIA, people.is_eligibility_label)
    row = people.eligibility(shown)
    if any(value is not None for value in row.values()):
        record.add("eligibilities", row)
    ages = people.unread_ages(shown)
    problems = [Problem("unreadable value", f"'Ages Eligible for Study' '{ages}' is no age range the parser reads: "
                                            "the minimum and maximum ages are not loaded", record.nct_id)
                ] if ages else []
    places = split_sections(sections.lines("Contacts and Locations"), frozenset({LOCATIONS}))
    facilities, doubts = sites.locations(places.lines("Locations"))
    add_rows(record, "facilities", facilities)
    add_rows(record, "countries", [{"name": country} for country in dict.fromkeys(
        f["country"] for f in record.tables.get("facilities", []) if f["country"])])
    add_rows(record, "overall_officials", people.investigators(sections.lines("Investigators")))
    problems += [Problem("unknown value", f"'Investigators': role '{role}' is none the parser knows: that official "
                                          "is not loaded", record.nct_id)
                 for role in people.unread_roles(sections.lines("Investigators"))]
    problems += [Problem(people.UNDECIDED_OFFICIAL, f"'Investigators': a {role} line shows an academic rank where the "
                                                    "name's titles end: whether it closes the name or opens the "
                                                    "affiliation is not shown; read with the comma the other titles "
                                                    "part", record.nct_id)
                 for role in people.undecided_officials(sections.lines("Investigators"))]
    return problems + [Problem(sites.UNDECIDABLE, doubt, record.nct_id) for doubt in doubts]
