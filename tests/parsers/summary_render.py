"""A registry record (API v2 JSON) shown as the trial-summary site shows a study: its logo, the title, 'Clinical Trial
Summary' and 'Clinical Trial Description', 'Study Design' as labelled lines, 'Related Conditions & MeSH terms' one a
line, the 'NCT number' key block and the closing 'See also' table; and the ways a page of it is saved (wrapped at a
fixed width, Windows line ends, tabs between key and value, bulleted conditions, a cookie notice and the site's
footer, a section left out)."""
from __future__ import annotations

import calendar
import textwrap

LOGO = "Clinical Trials Logo"
SEE_ALSO_HEADER = "  Status Clinical Trial Phase"
# The registry's values as the site words them.
STATUSES = {
    "RECRUITING": "Recruiting", "NOT_YET_RECRUITING": "Not yet recruiting", "COMPLETED": "Completed",
    "ACTIVE_NOT_RECRUITING": "Active, not recruiting", "ENROLLING_BY_INVITATION": "Enrolling by invitation",
    "TERMINATED": "Terminated", "WITHDRAWN": "Withdrawn", "SUSPENDED": "Suspended", "UNKNOWN": "Unknown status",
    "WITHHELD": "Withheld", "AVAILABLE": "Available", "NO_LONGER_AVAILABLE": "No longer available",
    "TEMPORARILY_NOT_AVAILABLE": "Temporarily not available", "APPROVED_FOR_MARKETING": "Approved for marketing",
}
PHASES = {"EARLY_PHASE1": "Early Phase 1", "PHASE1": "Phase 1", "PHASE2": "Phase 2", "PHASE3": "Phase 3",
          "PHASE4": "Phase 4", "NA": "N/A"}
STUDY_TYPES = {"INTERVENTIONAL": "Interventional", "OBSERVATIONAL": "Observational",
               "EXPANDED_ACCESS": "Expanded Access"}
ALLOCATIONS = {"RANDOMIZED": "Randomized", "NON_RANDOMIZED": "Non-Randomized", "NA": "N/A"}
MODELS = {"PARALLEL": "Parallel Assignment", "SINGLE_GROUP": "Single Group Assignment",
          "CROSSOVER": "Crossover Assignment", "FACTORIAL": "Factorial Assignment",
          "SEQUENTIAL": "Sequential Assignment"}
MASKINGS = {"NONE": "None (Open Label)", "SINGLE": "Single", "DOUBLE": "Double", "TRIPLE": "Triple",
            "QUADRUPLE": "Quadruple"}
WHO_MASKED = {"PARTICIPANT": "Participant", "CARE_PROVIDER": "Care Provider", "INVESTIGATOR": "Investigator",
              "OUTCOMES_ASSESSOR": "Outcomes Assessor"}
PURPOSES = {"TREATMENT": "Treatment", "PREVENTION": "Prevention", "DIAGNOSTIC": "Diagnostic",
            "SUPPORTIVE_CARE": "Supportive Care", "SCREENING": "Screening",
            "HEALTH_SERVICES_RESEARCH": "Health Services Research", "BASIC_SCIENCE": "Basic Science",
            "DEVICE_FEASIBILITY": "Device Feasibility", "ECT": "Educational/Counseling/Training", "OTHER": "Other"}
OBSERVATIONAL_MODELS = {"COHORT": "Cohort", "CASE_CONTROL": "Case-Control", "CASE_ONLY": "Case-Only",
                        "CASE_CROSSOVER": "Case-Crossover", "ECOLOGIC_OR_COMMUNITY": "Ecologic or Community",
                        "FAMILY_BASED": "Family-Based", "DEFINED_POPULATION": "Defined Population",
                        "NATURAL_HISTORY": "Natural History", "OTHER": "Other"}
TIME_PERSPECTIVES = {"PROSPECTIVE": "Prospective", "RETROSPECTIVE": "Retrospective",
                     "CROSS_SECTIONAL": "Cross-Sectional", "OTHER": "Other"}
RETENTIONS = {"NONE_RETAINED": "None Retained", "SAMPLES_WITH_DNA": "Samples With DNA",
              "SAMPLES_WITHOUT_DNA": "Samples Without DNA"}
SEXES = {"ALL": "All", "FEMALE": "Female", "MALE": "Male"}
COUNT_TYPES = {"ACTUAL": "Actual", "ESTIMATED": "Anticipated"}
FOOTER = ["", "About us | Contact | Privacy policy | Terms of use", "\u00a9 2026 Clinical Trials Summary"]
COOKIE_NOTICE = ["We use cookies to improve your experience on our site.", "Accept all cookies", ""]


def shown_date(text: str | None) -> str | None:
    """'2020-04-02' -> 'April 2, 2020'; '2020-04' -> 'April 2020'."""
    if not text:
        return None
    parts = [int(part) for part in text.split("-")]
    month = calendar.month_name[parts[1]]
    return f"{month} {parts[2]}, {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"


def shown_ages(minimum: str | None, maximum: str | None) -> str | None:
    """The ages as the site words them: '18 Years to 65 Years', '18 Years and older', 'up to 17 Years'."""
    if minimum and maximum:
        return f"{minimum} to {maximum}"
    if minimum:
        return f"{minimum} and older"
    return f"up to {maximum}" if maximum else None


def _masking(info: dict) -> str | None:
    masking = MASKINGS.get(info.get("masking"))
    who = [WHO_MASKED[role] for role in info.get("whoMasked") or [] if role in WHO_MASKED]
    return f"{masking} ({', '.join(who)})" if masking and who and info.get("masking") != "NONE" else masking


def design_lines(protocol: dict) -> list[str]:
    """The 'Study Design' section's lines."""
    design = protocol.get("designModule", {})
    info = design.get("designInfo", {})
    enrollment = design.get("enrollmentInfo", {})
    values = [
        ("Allocation", ALLOCATIONS.get(info.get("allocation"))),
        ("Intervention model", MODELS.get(info.get("interventionModel"))),
        ("Intervention model description", info.get("interventionModelDescription")),
        ("Observational model", OBSERVATIONAL_MODELS.get(info.get("observationalModel"))),
        ("Time perspective", TIME_PERSPECTIVES.get(info.get("timePerspective"))),
        ("Masking", _masking(info.get("maskingInfo", {}))),
        ("Masking description", info.get("maskingInfo", {}).get("maskingDescription")),
        ("Primary purpose", PURPOSES.get(info.get("primaryPurpose"))),
    ]
    if "count" in enrollment:
        kind = COUNT_TYPES.get(enrollment.get("type"))
        values.append(("Enrollment", f"{enrollment['count']} ({kind})" if kind else str(enrollment["count"])))
    biospec = design.get("bioSpec", {})
    values += [("Biospecimen retention", RETENTIONS.get(biospec.get("retention"))),
               ("Biospecimen description", biospec.get("description"))]
    return [f"{label}: {' '.join(value.split())}" for label, value in values if value]


def key_lines(protocol: dict) -> list[str]:
    """The key block, from its 'NCT number' line."""
    ident, status = protocol["identificationModule"], protocol.get("statusModule", {})
    design, sponsors = protocol.get("designModule", {}), protocol.get("sponsorCollaboratorsModule", {})
    eligibility = protocol.get("eligibilityModule", {})
    study_type = STUDY_TYPES.get(design.get("studyType"))
    if study_type and design.get("patientRegistry"):
        study_type += " [Patient Registry]"
    lines = [f"NCT number {ident['nctId']}", f"Study type {study_type or ''}".rstrip()]
    source, lead = ident.get("organization", {}).get("fullName"), sponsors.get("leadSponsor", {}).get("name")
    if source:
        lines.append(f"Source {source}")
    if lead and lead != source:  # the site names the lead sponsor where it is not the record's source
        lines.append(f"Sponsor {lead}")
    lines += [f"Collaborator {row['name']}" for row in sponsors.get("collaborators", []) if row.get("name")]
    for contact in protocol.get("contactsLocationsModule", {}).get("centralContacts", []):
        lines += [f"{key} {contact[field]}" for key, field in (("Contact", "name"), ("Phone", "phone"),
                                                               ("Email", "email")) if contact.get(field)]
    lines.append(f"Status {STATUSES.get(status.get('overallStatus'), '')}".rstrip())
    if status.get("whyStopped"):
        lines.append(f"Why stopped {' '.join(status['whyStopped'].split())}")
    if phases := design.get("phases"):
        lines.append("Phase " + "/".join(PHASES[phase] for phase in phases))
    for key, struct in (("Start date", "startDateStruct"), ("Primary completion date", "primaryCompletionDateStruct"),
                        ("Completion date", "completionDateStruct")):
        if shown := shown_date(status.get(struct, {}).get("date")):
            lines.append(f"{key} {shown}")
    if ages := shown_ages(eligibility.get("minimumAge"), eligibility.get("maximumAge")):
        lines.append(f"Ages {ages}")
    if eligibility.get("sex") in SEXES:
        lines.append(f"Sex {SEXES[eligibility['sex']]}")
    if "healthyVolunteers" in eligibility:
        lines.append(f"Accepts healthy volunteers {'Yes' if eligibility['healthyVolunteers'] else 'No'}")
    return lines


def page_parts(record: dict) -> dict[str, list[str]]:
    """The page's parts, in page order: top (logo and title), each section's lines, the key block and 'See also'."""
    protocol = record["protocolSection"]
    description = protocol.get("descriptionModule", {})
    return {
        "top": [LOGO, "", protocol["identificationModule"].get("briefTitle", ""), ""],
        "Clinical Trial Summary": (description.get("briefSummary") or "").splitlines(),
        "Clinical Trial Description": (description.get("detailedDescription") or "").splitlines(),
        "Study Design": design_lines(protocol),
        "Related Conditions & MeSH terms": list(protocol.get("conditionsModule", {}).get("conditions", [])),
        "keys": key_lines(protocol),
        "See also": [SEE_ALSO_HEADER],
    }


def assembled(parts: dict[str, list[str]]) -> str:
    """The page's text from its parts, spaced as the site's page is (two blank lines below each section)."""
    lines = list(parts["top"])
    for heading in ("Clinical Trial Summary", "Clinical Trial Description", "Study Design",
                    "Related Conditions & MeSH terms"):
        if heading in parts:
            lines += [heading, "", *parts[heading], "", ""]
    lines += [*parts["keys"], "", "See also", *parts["See also"]]
    return "\n".join(lines) + "\n"


def render(record: dict) -> str:
    """The trial-summary page of an API v2 record."""
    return assembled(page_parts(record))


# Ways a page is saved ------------------------------------------------------------------------------------------


def wrapped(page: str, width: int = 80) -> str:
    """The page as a browser saves it as text at a fixed width: every long line wrapped at `width`."""
    return "\n".join(textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False) if len(line) > width
                     else line for line in page.split("\n"))


def crlf(page: str) -> str:
    """The page saved with Windows line ends."""
    return page.replace("\n", "\r\n")


def tabbed(record: dict) -> str:
    """The page copied from the browser, each key parted from its value by a tab (the key block is a table)."""
    parts = page_parts(record)
    keys = ("NCT number", "Study type", "Source", "Collaborator", "Contact", "Phone", "Email", "Status",
            "Why stopped", "Phase", "Start date", "Primary completion date", "Completion date", "Ages", "Sex",
            "Accepts healthy volunteers")
    parts["keys"] = [next((f"{key}\t{line[len(key) + 1:]}" for key in sorted(keys, key=len, reverse=True)
                           if line.startswith(key + " ")), line) for line in parts["keys"]]
    return assembled(parts)


def bulleted(record: dict) -> str:
    """The page with its conditions listed with bullets, as a copy keeps the list's marks."""
    parts = page_parts(record)
    parts["Related Conditions & MeSH terms"] = [f"\u2022 {name}" for name in parts["Related Conditions & MeSH terms"]]
    return assembled(parts)


def with_site_text(record: dict) -> str:
    """The page saved whole, with the site's cookie notice above the logo and its footer below 'See also'."""
    return "\n".join(COOKIE_NOTICE) + "\n" + render(record) + "\n".join(FOOTER) + "\n"


def without_section(record: dict, heading: str) -> str:
    """The page without one of its sections (a page of a study the site shows no such section for)."""
    parts = page_parts(record)
    del parts[heading]
    return assembled(parts)


def reason_beside_status(record: dict) -> str:
    """The page showing why a stopped study stopped in brackets after its status ('Status Terminated (Low
    accrual)'), as the site's other pages do, instead of on a 'Why stopped' line."""
    parts = page_parts(record)
    keys = parts["keys"]
    reason = next((line.removeprefix("Why stopped ") for line in keys if line.startswith("Why stopped ")), None)
    if reason is not None:
        keys[:] = [f"{line} ({reason})" if line.startswith("Status ") else line for line in keys
                   if not line.startswith("Why stopped ")]
    return assembled(parts)


# Ways a page is copied from a browser ----------------------------------------------------------------------------

SITE_HEADER = ["Skip to main content", "Clinical Trials Summary", "Home", "Find a trial", "About us", ""]
SITE_FOOTER = ["", "Clinical Trials Summary", "About us", "Contact us", "Privacy policy", "Follow us", "Facebook",
               "LinkedIn", "\u00a9 2026 Clinical Trials Summary. All rights reserved."]
COOKIE_BANNER = ["", "This website uses cookies. By continuing you agree to our Cookie Policy.", "Accept all cookies",
                 "Reject all", "Manage preferences"]
BACK_TO_TOP = "\u2191 Back to top"


def with_controls(record: dict) -> str:
    """The page copied with the site's controls: 'Show less' below the summary and description (shown whole), a
    'Back to top' link below every section and the key block."""
    parts = page_parts(record)
    for heading in ("Clinical Trial Summary", "Clinical Trial Description"):
        if parts[heading]:
            parts[heading] = [*parts[heading], "Show less"]
    for heading in ("Clinical Trial Summary", "Clinical Trial Description", "Study Design",
                    "Related Conditions & MeSH terms", "keys"):
        parts[heading] = [*parts[heading], "", BACK_TO_TOP]
    return assembled(parts)


def with_site_frame(record: dict) -> str:
    """The page copied whole: the site's header above the logo, its footer (its name, links, social networks and
    copyright line) below 'See also' and its cookie banner below that."""
    return "\n".join(SITE_HEADER) + "\n" + render(record) + "\n".join([*SITE_FOOTER, *COOKIE_BANNER]) + "\n"


def stacked_design(record: dict) -> str:
    """The page copied with its Study Design list one cell a line: each label alone, its value on the next line."""
    parts = page_parts(record)
    cells = [line.split(": ", 1) for line in parts["Study Design"]]
    parts["Study Design"] = [cell for label, value in cells for cell in (f"{label}:", value)]
    return assembled(parts)


def phase_numbers(record: dict) -> str:
    """The page showing its phases by number after the key, a dash between two ('Phase 2-3', 'Phase 1', 'Phase
    N/A')."""
    parts = page_parts(record)
    parts["keys"] = ["Phase " + "-".join(phase.removeprefix("Phase ") for phase in line[6:].split("/Phase "))
                     if line.startswith("Phase Phase") else line for line in parts["keys"]]
    return assembled(parts)


def unspaced(record: dict) -> str:
    """The page copied with its blank lines lost."""
    return "\n".join(line for line in render(record).split("\n") if line.strip()) + "\n"


def spaced(record: dict) -> str:
    """The page copied with a blank line after every line (each element a paragraph)."""
    return "\n\n".join(line for line in render(record).split("\n") if line.strip()) + "\n"


def reader_view(record: dict) -> str:
    """The page as a browser's reader view shows it: the site's domain, the title and the time it takes to read above
    the sections, no logo."""
    parts = page_parts(record)
    parts["top"] = ["clinicaltrialssummary.com", "", parts["top"][2], "", "4\u20135 minutes", ""]
    return assembled(parts)
