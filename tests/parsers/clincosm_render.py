"""A clincosm study page made from a ClinicalTrials.gov API v2 record, as the site lays one out (the seeds and the
golden pages of tests/golden/ctgov_classic_text show it), and the fields where the page's reading and the record's
reading differ.

The page is written from what the site's pages look like: header (Sponsor, Overall Status, CT.gov ID, Collaborator,
the derived numbers), Study Details, the condition table, Study Design, Arms and Interventions, Outcome Measures,
Eligibility Criteria, Contacts and Locations, Sponsors and Collaborators, Investigators, More Information."""
from __future__ import annotations

import re
from datetime import date

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_STATUS = {"ACTIVE_NOT_RECRUITING": "Active, not recruiting", "COMPLETED": "Completed",
           "ENROLLING_BY_INVITATION": "Enrolling by invitation", "NOT_YET_RECRUITING": "Not yet recruiting",
           "RECRUITING": "Recruiting", "SUSPENDED": "Suspended", "TERMINATED": "Terminated", "WITHDRAWN": "Withdrawn",
           "AVAILABLE": "Available", "NO_LONGER_AVAILABLE": "No longer available",
           "TEMPORARILY_NOT_AVAILABLE": "Temporarily not available", "APPROVED_FOR_MARKETING": "Approved for marketing",
           "WITHHELD": "Withheld", "UNKNOWN": "Unknown status"}
_CLASS = {"OTHER": "Other", "INDUSTRY": "Industry", "NIH": "NIH", "FED": "U.S. Fed", "OTHER_GOV": "Other_gov",
          "INDIV": "Indiv", "NETWORK": "Network", "UNKNOWN": "Unknown", "AMBIG": "Ambig"}
_PHASE = {"NA": "N/A", "EARLY_PHASE1": "Early Phase 1", "PHASE1": "Phase 1", "PHASE2": "Phase 2", "PHASE3": "Phase 3",
          "PHASE4": "Phase 4"}
_WORDS = {"NA": "N/A", "NON_RANDOMIZED": "Non-Randomized", "SINGLE_GROUP": "Single Group Assignment",
          "PARALLEL": "Parallel Assignment", "CROSSOVER": "Crossover Assignment", "FACTORIAL": "Factorial Assignment",
          "SEQUENTIAL": "Sequential Assignment", "ECT": "Educational/Counseling/Training",
          "CASE_CONTROL": "Case-Control", "CASE_ONLY": "Case-Only", "CASE_CROSSOVER": "Case-Crossover",
          "ECOLOGIC_OR_COMMUNITY": "Ecologic or Community", "FAMILY_BASED": "Family-Based",
          "CROSS_SECTIONAL": "Cross-Sectional", "SAMPLES_WITH_DNA": "Samples With DNA",
          "SAMPLES_WITHOUT_DNA": "Samples Without DNA", "NON_PROBABILITY_SAMPLE": "Non-Probability Sample",
          "CARE_PROVIDER": "Care Provider", "DIETARY_SUPPLEMENT": "Dietary Supplement",
          "COMBINATION_PRODUCT": "Combination Product", "DIAGNOSTIC_TEST": "Diagnostic Test",
          "INTERVENTIONAL": "Interventional", "OBSERVATIONAL": "Observational", "EXPANDED_ACCESS": "Expanded Access"}
_ID_TYPES = {"NIH": "U.S. NIH Grant/Contract", "FDA": "U.S. FDA Grant/Contract", "VA": "U.S. VA Grant/Contract",
             "CDC": "U.S. CDC Grant/Contract", "AHRQ": "U.S. AHRQ Grant/Contract",
             "SAMHSA": "U.S. SAMHSA Grant/Contract", "OTHER_GRANT": "Other Grant/Funding Number",
             "EUDRACT_NUMBER": "EudraCT Number", "CTIS": "EU CT Number", "REGISTRY": "Registry Identifier",
             "OTHER": "Other Identifier"}
_INFO_TYPES = {"STUDY_PROTOCOL": "Study Protocol", "SAP": "Statistical Analysis Plan (SAP)",
               "ICF": "Informed Consent Form (ICF)", "CSR": "Clinical Study Report (CSR)",
               "ANALYTIC_CODE": "Analytic Code"}
_REFERENCE_KINDS = {"BACKGROUND": "Publications:", "RESULT": "Publications of Results:",
                    "DERIVED": "Publications automatically indexed to this study by ClinicalTrials.gov Identifier "
                               "(NCT Number):"}
_BULLET, _SUB_BULLET = "\u2022", "\u25e6"
_TYPED_DATES = {"ACTUAL": "Actual", "ESTIMATED": "Anticipated"}
# A markdown list item of the registry's criteria text: its indent, its mark ('*', '-', '+' or '1.') and its text.
_ITEM = re.compile(r"^(\s*)(?:([*+-])|(\d+)[.)])\s+(.*)$")
# A markdown escape the site shows as the character itself ('\>=', '\*').
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>=~|])")


def word(value: str | None) -> str:
    """An enum as the site shows it: 'SUPPORTIVE_CARE' -> 'Supportive Care'."""
    if value is None:
        return ""
    return _WORDS.get(value) or " ".join(part.capitalize() for part in value.split("_"))


def day(text: str | None) -> str:
    """'2023-03-20' -> 'Mar 20, 2023'; '2024-01' -> 'Jan 2024'."""
    if not text:
        return ""
    parts = text.split("-")
    if len(parts) == 1:
        return parts[0]
    shown = _MONTHS[int(parts[1]) - 1]
    return f"{shown} {int(parts[2])}, {parts[0]}" if len(parts) == 3 else f"{shown} {parts[0]}"


def _months(start: str | None, end: str | None) -> float | None:
    """Months from one registry date to another (a month's date counts from its first day)."""
    if not start or not end:
        return None
    first, last = (date(*map(int, (text + "-01")[:10].split("-"))) for text in (start, end))
    return round((last - first).days / 30.4375, 1) if last > first else None


def _header_numbers(protocol: dict) -> list[str]:
    """The bare numbers under the header: enrollment, sites, arms, months, patients per site, per site a month."""
    count = protocol.get("designModule", {}).get("enrollmentInfo", {}).get("count")
    sites = len(protocol.get("contactsLocationsModule", {}).get("locations", []))
    arms = len(protocol.get("armsInterventionsModule", {}).get("armGroups", []))
    status = protocol.get("statusModule", {})
    months = _months(status.get("startDateStruct", {}).get("date"), status.get("completionDateStruct", {}).get("date"))
    if count is None or not sites or not arms:
        return []
    shown = [f"{count:,}", str(sites), str(arms)]
    if months:
        shown.append(f"{months:.1f}")
        if sites > 1:
            shown.append(f"{count / sites:.1f}")
        shown.append(f"{count / sites / months:.1f}")
    return shown


def _sponsor(party: dict) -> str:
    """'Peking Union Medical College Hospital (Other)'."""
    shown = _CLASS.get(party.get("class", ""))
    return f"{party['name']} ({shown})" if shown else party["name"]


def _status_line(status: dict) -> str:
    """'Terminated (Low accrual)', 'Unknown status (was Recruiting)', 'Completed'."""
    shown = _STATUS.get(status.get("overallStatus", ""), status.get("overallStatus", ""))
    if status.get("whyStopped"):
        return f"{shown} ({' '.join(status['whyStopped'].split())})"
    if status.get("lastKnownStatus") and status.get("overallStatus") == "UNKNOWN":
        return f"{shown} (was {_STATUS.get(status['lastKnownStatus'], '')})"
    return shown


def _paragraphs(text: str | None) -> list[str]:
    """A description's paragraphs as the page shows them: one line each, a blank line between."""
    if not text:
        return []
    blocks = [" ".join(_ESCAPE.sub(r"\1", block).split()) for block in re.split(r"\n\s*\n", text)]
    shown = []
    for block in filter(None, blocks):
        shown += [block, ""]
    return shown


def _cell(text: str) -> list[str]:
    """A table cell's text as the page shows it: its lines that are not blank."""
    return [" ".join(_ESCAPE.sub(r"\1", line).split()) for line in text.splitlines() if line.strip()]


def _header(protocol: dict) -> list[str]:
    identification, status = protocol["identificationModule"], protocol.get("statusModule", {})
    sponsors = protocol.get("sponsorCollaboratorsModule", {})
    collaborators = [_sponsor(party) for party in sponsors.get("collaborators", [])] or ["(none)"]
    return ([identification.get("briefTitle", ""), "", "Sponsor", _sponsor(sponsors["leadSponsor"]),
             "Overall Status", _status_line(status), "CT.gov ID", identification["nctId"], "Collaborator"]
            + collaborators + _header_numbers(protocol) + ["", "Study Details", "", "Study Description", ""])


def _interventions_shown(protocol: dict) -> list[dict]:
    return protocol.get("armsInterventionsModule", {}).get("interventions", [])


def _description(protocol: dict) -> list[str]:
    module = protocol.get("descriptionModule", {})
    design = protocol.get("designModule", {})
    table = [f"  {_BULLET} {name}" for name in protocol.get("conditionsModule", {}).get("conditions", [])]
    table += [f"  {_BULLET} {word(item.get('type'))}: {item['name']}" for item in _interventions_shown(protocol)]
    phases = design.get("phases", [])
    if phases:
        table.append("/".join(_PHASE.get(phase, phase) for phase in phases))
    return (["Brief Summary", ""] + _paragraphs(module.get("briefSummary"))
            + ["Condition or Disease Intervention/Treatment Phase"] + table
            + ["", "Detailed Description", ""] + _paragraphs(module.get("detailedDescription")))


def _typed(label: str, struct: dict | None) -> list[str]:
    """'Actual Study Start Date :' and its date; an untyped date under the bare label."""
    if not struct or not struct.get("date"):
        return []
    kind = _TYPED_DATES.get(struct.get("type", ""))
    return [f"{kind} {label} :" if kind else f"{label[0].upper()}{label[1:]} :", day(struct["date"])]


def _masking(info: dict) -> str:
    masking = info.get("masking")
    if masking in (None, "NONE"):
        return "None (Open Label)" if masking else ""
    who = ", ".join(word(role) for role in info.get("whoMasked", []))
    return f"{word(masking)} ({who})" if who else word(masking)


def _design(protocol: dict) -> list[str]:
    design, status = protocol.get("designModule", {}), protocol.get("statusModule", {})
    info = design.get("designInfo", {})
    study_type = word(design.get("studyType"))
    if design.get("patientRegistry"):
        study_type += " [Patient Registry]"
    pairs = [("Study Type:", study_type)]
    enrollment = design.get("enrollmentInfo", {})
    if enrollment.get("count") is not None:
        kind = _TYPED_DATES.get(enrollment.get("type", ""))
        pairs.append((f"{kind} Enrollment :" if kind else "Enrollment :", f"{enrollment['count']:,} participants"))
    expanded = design.get("expandedAccessTypes", {})
    shown_types = [label for key, label in (("individual", "Individual Patients"), ("intermediate",
                   "Intermediate-size Population"), ("treatment", "Treatment IND/Protocol")) if expanded.get(key)]
    pairs += [("Expanded Access Type:", ", ".join(shown_types))] if shown_types else []
    pairs += [("Allocation:", word(info.get("allocation"))),
              ("Intervention Model:", word(info.get("interventionModel"))),
              ("Intervention Model Description:", info.get("interventionModelDescription")),
              ("Masking:", _masking(info.get("maskingInfo", {}))),
              ("Masking Description:", info.get("maskingInfo", {}).get("maskingDescription")),
              ("Primary Purpose:", word(info.get("primaryPurpose"))),
              ("Observational Model:", word(info.get("observationalModel"))),
              ("Time Perspective:", word(info.get("timePerspective")))]
    bio = design.get("bioSpec", {})
    pairs += [("Biospecimen Retention:", word(bio.get("retention"))), ("Biospecimen Description:",
                                                                         bio.get("description")),
              ("Target Follow-Up Duration:", design.get("targetDuration")),
              ("Official Title:", protocol["identificationModule"].get("officialTitle"))]
    lines = ["Study Design", ""]
    for label, value in pairs:
        if value:
            lines += [label, " ".join(value.split())]
    for label, key in (("Study Start Date", "startDateStruct"), ("Primary Completion Date",
                                                                 "primaryCompletionDateStruct"),
                       ("Study Completion Date", "completionDateStruct")):
        lines += _typed(label, status.get(key))
    return lines + [""]


def _intervention_lines(item: dict) -> list[str]:
    lines = [f"{word(item.get('type'))}: {item['name']}"]
    if item.get("description"):
        lines += _cell(item["description"])
    if item.get("otherNames"):
        lines += ["Other Names:"] + [f"  {_BULLET} {name}" for name in item["otherNames"]]
    return lines


def _arms(protocol: dict) -> list[str]:
    module = protocol.get("armsInterventionsModule", {})
    observational = protocol.get("designModule", {}).get("studyType") == "OBSERVATIONAL"
    interventions = {f"{word(item.get('type'))}: {item['name']}": item for item in module.get("interventions", [])}
    lines = ["Arms and Interventions", "",
             f"{'Group/Cohort' if observational else 'Arm'} Intervention/Treatment"]
    for arm in module.get("armGroups", []):
        kind = word(arm.get("type")) if arm.get("type") else ""
        lines.append(f"{kind}: {arm['label']}" if kind and not observational else arm["label"])
        lines.append("")
        if arm.get("description"):  # the cell's lines; a row with neither description nor intervention is empty
            lines += _cell(arm["description"]) + [""]
        elif not arm.get("interventionNames"):
            lines.append("")
        for name in arm.get("interventionNames", []):  # an arm's interventions follow one another
            # of interventions of one name, the one that names this arm
            item = next((item for item in module.get("interventions", []) if arm["label"] in item.get(
                "armGroupLabels", []) and f"{word(item.get('type'))}: {item['name']}" == name), interventions.get(name))
            lines += _intervention_lines(item) if item else [name]
        if arm.get("interventionNames"):
            lines.append("")
    if not module.get("armGroups"):
        for item in module.get("interventions", []):
            lines += _intervention_lines(item) + [""]
    return lines


def _outcomes(protocol: dict) -> list[str]:
    module = protocol.get("outcomesModule", {})
    lines = ["Outcome Measures", ""]
    for key, heading in (("primaryOutcomes", "Primary"), ("secondaryOutcomes", "Secondary"),
                         ("otherOutcomes", "Other")):
        if not module.get(key):
            continue
        lines += [f"{heading} Outcome Measures", ""]
        for number, outcome in enumerate(module[key], 1):
            frame = f" [{' '.join(outcome['timeFrame'].split())}]" if outcome.get("timeFrame") else ""
            lines += [f"  {number}. {' '.join(outcome['measure'].split())}{frame}", ""]
            if outcome.get("description"):
                lines += ["    " + line if line else "" for line in _paragraphs(outcome["description"])]
    return lines


def _ages(module: dict) -> str:
    low, high = module.get("minimumAge"), module.get("maximumAge")
    if low and high:
        return f"{low} to {high}"
    if low:
        return f"{low} and Older"
    return f"up to {high}" if high else ""


def criteria_lines(text: str) -> list[str]:
    """The registry's criteria (markdown) as the page shows them: list marks as bullets and numbers, a blank line
    between numbered items, other lines as written."""
    lines: list[str] = []
    for raw in text.splitlines():
        line = _ESCAPE.sub(r"\1", raw.rstrip())
        item = _ITEM.match(line)
        if not line.strip():
            if lines and lines[-1]:
                lines.append("")
            continue
        if item is None:
            lines.append(line.strip())
            continue
        depth = "  " * (len(item[1].expandtabs()) // 2)
        if item[3]:
            if lines and lines[-1]:
                lines.append("")
            lines.append(f"  {depth}{item[3]}. {item[4].strip()}")
        else:
            lines.append(f"  {depth}{_SUB_BULLET if depth else _BULLET} {item[4].strip()}")
    return lines


def _eligibility(protocol: dict) -> list[str]:
    module = protocol.get("eligibilityModule", {})
    lines = ["Eligibility Criteria", "", "Criteria", ""]
    pairs = [("Ages Eligible for Study:", _ages(module)),
             ("Sexes Eligible for Study:", word(module.get("sex"))),
             ("Gender Based Eligibility:", {True: "Yes", False: "No"}.get(module.get("genderBased"))),
             ("Gender Eligibility Description:", module.get("genderDescription")),
             ("Accepts Healthy Volunteers:", {True: "Yes", False: "No"}.get(module.get("healthyVolunteers"))),
             ("Sampling Method:", word(module.get("samplingMethod")))]
    for label, value in pairs:
        if value:
            lines += [label, " ".join(value.split())]
    if module.get("studyPopulation"):
        lines += ["Study Population", ""] + _paragraphs(module["studyPopulation"])
    return lines + criteria_lines(module.get("eligibilityCriteria", "")) + [""]


def site_row(number: int, site: dict) -> str:
    """'1 Peking Union Medical College Hospital Beijing Beijing China 100730'."""
    cells = [site.get("facility"), site.get("city"), site.get("state"), site.get("country"), site.get("zip")]
    return " ".join([str(number)] + [" ".join(cell.split()) for cell in cells if cell])


def _locations(protocol: dict) -> list[str]:
    sites = protocol.get("contactsLocationsModule", {}).get("locations", [])
    lines = ["Contacts and Locations", "", "Locations", ""]
    if sites:
        lines.append("Site City State Country Postal Code")
    for number, site in enumerate(sites, 1):
        lines.append(site_row(number, site))
        if site.get("status"):
            lines.append(_STATUS.get(site["status"], word(site["status"])))
    return lines + [""]


def _people(protocol: dict) -> list[str]:
    sponsors = protocol.get("sponsorCollaboratorsModule", {})
    names = [sponsors["leadSponsor"]["name"]] + [party["name"] for party in sponsors.get("collaborators", [])]
    officials = protocol.get("contactsLocationsModule", {}).get("overallOfficials", [])
    shown = [f"  {_BULLET} {word(person['role'])}: " + ", ".join(filter(None, (person.get("name"),
                                                                            person.get("affiliation"))))
             for person in officials if person.get("role")]
    return (["Sponsors and Collaborators", ""] + [f"  {_BULLET} {name}" for name in names]
            + ["", "Investigators", ""] + (shown or ["None specified."])
            + ["", "Study Documents (Full-Text)", "", "None provided.", ""])


def _secondary_id(item: dict) -> str:
    kind = _ID_TYPES.get(item.get("type", ""))
    if kind and item.get("domain"):
        kind = f"{kind}: {item['domain']}"
    return f"{item['id']} ( {kind} )" if kind else item["id"]


def _references(protocol: dict) -> list[str]:
    references = protocol.get("referencesModule", {}).get("references", [])
    lines = ["Publications", ""]
    for kind, label in _REFERENCE_KINDS.items():
        of_kind = [item for item in references if item.get("type") == kind and item.get("citation")]
        if of_kind:
            lines.append(label)
            lines += [f"  {_BULLET} {' '.join(item['citation'].split())}"
                      + (f" PubMed {item['pmid']}" if item.get("pmid") else "") for item in of_kind]
    return lines if len(lines) > 2 else lines + ["None provided."]


def _more_information(protocol: dict) -> list[str]:
    identification, status = protocol["identificationModule"], protocol.get("statusModule", {})
    oversight, ipd = protocol.get("oversightModule", {}), protocol.get("ipdSharingStatementModule", {})
    org = identification.get("orgStudyIdInfo", {})
    ids = [_secondary_id(org) if org.get("id") else None] + [
        _secondary_id(item) for item in identification.get("secondaryIdInfos", [])]
    lines = ["More Information", ""] + _references(protocol) + [
        "ClinicalTrials.gov Identifier:", identification["nctId"], "Other Study ID Numbers:"]
    lines += [f"  {_BULLET} {shown}" for shown in ids if shown]
    for label, key in (("First Posted:", "studyFirstPostDateStruct"), ("Last Update Posted:",
                                                                       "lastUpdatePostDateStruct")):
        if status.get(key, {}).get("date"):
            lines += [label, day(status[key]["date"])]
    if status.get("statusVerifiedDate"):
        verified = status["statusVerifiedDate"]
        lines += ["Last Verified:", day(verified + "-01" if len(verified) == 7 else verified)]
    if ipd.get("ipdSharing"):
        lines += ["Individual Participant Data (IPD) Sharing Statement:", "", "Plan to Share IPD:",
                  word(ipd["ipdSharing"])]
        for label, key in (("Plan Description:", "description"), ("Time Frame:", "timeFrame"),
                           ("Access Criteria:", "accessCriteria"), ("URL:", "url")):
            if ipd.get(key):
                lines += [label, " ".join(ipd[key].split())]
        if ipd.get("infoTypes"):
            lines += ["Supporting Materials:"] + [f"  {_BULLET} {_INFO_TYPES.get(kind, kind)}"
                                                  for kind in ipd["infoTypes"]]
    for label, key in (("Studies a U.S. FDA-regulated Drug Product:", "isFdaRegulatedDrug"),
                       ("Studies a U.S. FDA-regulated Device Product:", "isFdaRegulatedDevice"),
                       ("Device Product Not Approved or Cleared by U.S. FDA:", "isUnapprovedDevice"),
                       ("Pediatric Postmarket Surveillance of a Device Product:", "isPpsd"),
                       ("Product Manufactured in and Exported from the U.S.:", "isUsExport")):
        if oversight.get(key) is not None:
            lines += [label, "Yes" if oversight[key] else "No"]
    keywords = protocol.get("conditionsModule", {}).get("keywords", [])
    if keywords:
        lead = protocol.get("sponsorCollaboratorsModule", {})["leadSponsor"]["name"]
        lines += [f"Keywords provided by {lead}:"] + [f"  {_BULLET} {keyword}" for keyword in keywords]
    verified = status.get("lastUpdatePostDateStruct", {}).get("date")
    return lines + ["Additional relevant MeSH terms:", "", "Study Results", "",
                    f"No Results Posted as of {day(verified)}" if verified else "No Results Posted"]


def render(record: dict) -> str:
    """The clincosm page of an API v2 record."""
    protocol = record["protocolSection"]
    lines = (_header(protocol) + _description(protocol) + _design(protocol) + _arms(protocol) + _outcomes(protocol)
             + _eligibility(protocol) + _locations(protocol) + _people(protocol) + _more_information(protocol))
    return "\n".join(lines) + "\n"


# The studies columns a clincosm page shows, compared between the page's reading and the record's.
STUDY_COLUMNS = (
    "brief_title", "official_title", "overall_status", "why_stopped", "last_known_status", "phase", "study_type",
    "enrollment", "enrollment_type", "start_date", "start_date_type", "start_date_precision",
    "primary_completion_date", "primary_completion_date_type", "primary_completion_date_precision",
    "completion_date", "completion_date_type", "completion_date_precision", "study_first_posted_date",
    "last_update_posted_date", "verification_date", "is_fda_regulated_drug", "is_fda_regulated_device",
    "is_unapproved_device", "is_ppsd", "is_us_export", "plan_to_share_ipd", "plan_to_share_ipd_description",
    "ipd_time_frame", "ipd_access_criteria", "ipd_url", "biospec_retention", "biospec_description",
    "target_duration", "patient_registry", "expanded_access_type_individual", "expanded_access_type_intermediate",
    "expanded_access_type_treatment")
# Each child table's compared columns (its rows compared in order).
TABLE_COLUMNS = {
    "brief_summaries": ("description",), "detailed_descriptions": ("description",), "conditions": ("name",),
    "keywords": ("name",),
    "designs": ("allocation", "intervention_model", "intervention_model_description", "observational_model",
                "time_perspective", "primary_purpose", "masking", "masking_description", "subject_masked",
                "caregiver_masked", "investigator_masked", "outcomes_assessor_masked"),
    "design_groups": ("group_type", "title", "description"),
    "interventions": ("intervention_type", "name", "description"),
    "intervention_other_names": ("intervention_name", "name"),
    "design_group_interventions": ("design_group", "intervention"),
    "design_outcomes": ("outcome_type", "measure", "time_frame", "description"),
    "eligibilities": ("gender", "minimum_age", "maximum_age", "healthy_volunteers", "criteria", "sampling_method",
                      "population", "gender_based", "gender_description"),
    "sponsors": ("name", "agency_class", "lead_or_collaborator"),
    "facilities": ("name", "city", "state", "zip", "country", "status"),
    "countries": ("name",),
    "overall_officials": ("role", "name", "affiliation"),
    "id_information": ("id_source", "id_type", "id_value"),
    "study_references": ("reference_type", "pmid", "citation"),
}
# What the page cannot show as the record holds it: its wrapping, markdown escapes and list marks.
_LIST_MARK = re.compile(r"(?m)^\s*(?:[*+\u2022\u25e6\u00b7-]|\d+[.)])\s+")


def shown_text(value: object, column: str = "") -> object:
    """A text as the page can show it: whitespace collapsed, markdown escapes and (in criteria) list marks dropped."""
    if not isinstance(value, str):
        return value
    text = _ESCAPE.sub(r"\1", value)
    if column == "criteria":
        text = _LIST_MARK.sub("", text)
    return " ".join(text.split()) or None


# Tables whose rows the page may list in another order than the record (links by arm, countries by site).
UNORDERED = frozenset({"design_group_interventions", "intervention_other_names", "countries", "interventions"})
# Rows of the record a page does not show: an NCT alias among the ids.
_UNSHOWN = {"id_information": ("id_source", "nct_alias")}


def _rows(tables: dict, table: str, columns: tuple[str, ...]) -> list[tuple]:
    column, unshown = _UNSHOWN.get(table, ("", None))
    rows = [row for row in tables.get(table, []) if not (table == "countries" and row.get("removed"))
            and not (column and row.get(column) == unshown)]
    shown = [tuple(shown_text(row.get(column), column) for column in columns) for row in rows]
    shown = [row for row in shown if any(value is not None for value in row)]
    # the page shows an intervention (and its links and other names) once, however often the record repeats it
    return sorted(set(shown), key=repr) if table in UNORDERED else shown


def differences(record_tables: dict, page_tables: dict) -> dict[str, tuple]:
    """'table.column' (or 'table' for its row count) -> (the record's values, the page's) where they differ."""
    found: dict[str, tuple] = {}
    study, page = (record_tables.get("studies") or [{}])[0], (page_tables.get("studies") or [{}])[0]
    for column in STUDY_COLUMNS:
        if shown_text(study.get(column), column) != shown_text(page.get(column), column):
            found[f"studies.{column}"] = (study.get(column), page.get(column))
    for table, columns in TABLE_COLUMNS.items():
        expected, read = _rows(record_tables, table, columns), _rows(page_tables, table, columns)
        if len(expected) != len(read):
            found[table] = (expected, read)
            continue
        for at, column in enumerate(columns):
            pairs = [(row[at], other[at]) for row, other in zip(expected, read) if row[at] != other[at]]
            if pairs:
                found[f"{table}.{column}"] = pairs[0]
    return found
