"""ClinicalTrials.gov's other download formats, named when no parser claims a file.

The registry's search page and API give a study in several formats; trialqc reads the record (API v2 JSON, and
legacy XML). A CSV or TSV table of chosen fields, a RIS citation and a FHIR resource are not that record: each is a
reject that says what it is and what to download instead. So is a table of AACT's database (its pipe-delimited flat
files, or an export of AACT's or trialqc's own tables): trialqc builds those tables from the records. Only the
format's own marks are read (a table's header of the registry's or AACT's column names, RIS tag lines, a FHIR
document's resourceType), and no value of the file is quoted.
"""
from __future__ import annotations

import csv
import re

INSTEAD = "download the records as JSON instead (the API's format=json, or the bulk ctg-studies.json.zip)"

# The column names of the registry's CSV download (API v2 format=csv, and the search page's CSV and TSV).
COLUMNS = frozenset((
    "NCT Number", "Study Title", "Study URL", "Acronym", "Study Status", "Brief Summary", "Study Results",
    "Conditions", "Interventions", "Primary Outcome Measures", "Secondary Outcome Measures",
    "Other Outcome Measures", "Sponsor", "Collaborators", "Sex", "Age", "Phases", "Enrollment", "Funder Type",
    "Study Type", "Study Design", "Other IDs", "Start Date", "Primary Completion Date", "Completion Date",
    "First Posted", "Results First Posted", "Last Update Posted", "Locations", "Study Documents",
))
# Tab first: a TSV's cells may hold commas. A spreadsheet saved in a comma-decimal locale writes semicolons.
_DELIMITERS = (("\t", "TSV"), (",", "CSV"), (";", "CSV"))
# AACT's flat files part their cells with '|'; an export of its tables (psql, DuckDB COPY) may use any of these.
_TABLE_DELIMITERS = ("|", "\t", ",", ";")
# A column name as AACT's tables spell them: lower case words joined by underscores ('nct_id', 'downcase_name').
_AACT_COLUMN = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
# Columns of AACT's tables (and trialqc's, which keep AACT's names) that a table of anything else seldom has: one
# of them beside nct_id makes a header AACT's ('id', 'name' and 'description' are in too many other tables).
AACT_COLUMNS = frozenset((
    "brief_title", "official_title", "acronym", "overall_status", "last_known_status", "why_stopped", "phase",
    "study_type", "enrollment", "enrollment_type", "start_date", "start_month_year", "primary_completion_date",
    "completion_date", "study_first_submitted_date", "study_first_posted_date", "last_update_posted_date",
    "verification_date", "nlm_download_date_description", "nlm_download_date", "has_results", "number_of_arms",
    "number_of_groups",
    "downcase_name", "mesh_term", "downcase_mesh_term", "mesh_type", "intervention_type", "group_type",
    "outcome_type", "measure", "time_frame", "criteria", "gender", "minimum_age", "maximum_age",
    "healthy_volunteers", "agency_class", "lead_or_collaborator", "allocation", "intervention_model",
    "primary_purpose", "masking", "observational_model", "time_perspective", "id_type", "id_value",
    "responsible_party_type", "reference_type", "citation", "pmid", "plan_to_share_ipd", "contact_type",
))
# A row of the API's CSV without its header (a later page of a search): the study's id first, its URL in the row.
_HEADERLESS_ROW = re.compile(r'"?NCT\d{8}"?[\t,;].*clinicaltrials\.gov/study/NCT\d{8}', re.I)

# A RIS tag line: two capitals (or a capital and a digit), two spaces, a hyphen ("TY  - JOUR", "ER  -").
_RIS_TAG = re.compile(r"[A-Z][A-Z0-9]  -(?: |$)")
_RIS_REGISTRY_ID = re.compile(r"^AN  - NCT\d{8}\s*$", re.M)

# A JSON token that matters to the document's shape: a string (closed or not), or a bracket or colon.
_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*("?)|[{}\[\]:]')
_RESOURCE_TYPE = re.compile(r"[A-Z][A-Za-z]{1,63}")
_RESEARCH_STUDY_KEY = re.compile(r'"resourceType"\s*:\s*"ResearchStudy"')


def other_download(head: bytes) -> tuple[str, str] | None:
    """(reason, detail) of a reject for a file in one of the registry's other download formats, or None."""
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    for named in (_fhir_json, _ris, _table):
        found = named(text)
        if found is not None:
            return found
    return None


def _first_lines(text: str, count: int) -> list[str]:
    """The first `count` lines that are not blank, without their line ends."""
    lines = []
    for line in text.splitlines():
        if line.strip():
            lines.append(line)
            if len(lines) == count:
                break
    return lines


def _table(text: str) -> tuple[str, str] | None:
    """A CSV or TSV table whose header names the registry's columns, or a headerless page of the API's CSV."""
    first = _first_lines(text, 1)
    if not first:
        return None
    line = first[0]
    for delimiter, name in _DELIMITERS:
        if delimiter not in line:
            continue
        known = _header_cells(line, delimiter) & COLUMNS
        if "NCT Number" in known and len(known) >= 2:
            return (f"{name} download", f"a table of studies (its header: NCT Number and {len(known) - 1} more of "
                                         f"ClinicalTrials.gov's columns) is not a study record: {INSTEAD}")
    if _HEADERLESS_ROW.match(line):
        return ("CSV download", "rows of studies without a header (a later page of the API's format=csv) are not a "
                                f"study record: {INSTEAD}")
    return _aact_table(line)


def _aact_table(line: str) -> tuple[str, str] | None:
    """A table whose header is AACT's: an nct_id column and another of AACT_COLUMNS, among column names spelt as
    AACT spells them."""
    for delimiter in _TABLE_DELIMITERS:
        if delimiter not in line:
            continue
        cells = [cell.strip().strip('"') for cell in line.split(delimiter)]
        if ("nct_id" in cells and not AACT_COLUMNS.isdisjoint(cells)
                and all(_AACT_COLUMN.fullmatch(cell) for cell in cells)):
            more = f"{len(cells) - 1} more column{'s' if len(cells) > 2 else ''}"
            return ("AACT table", f"a table with AACT's column names (its header: nct_id and {more}), as AACT's flat "
                                  "files and exports of AACT's or trialqc's tables have, is not a study record: "
                                  f"trialqc builds such tables from the records; {INSTEAD}")
    return None


def _header_cells(line: str, delimiter: str) -> set[str]:
    """The cells of a header line, quotes and spaces around them taken off."""
    try:
        return {cell.strip() for cell in next(csv.reader([line], delimiter=delimiter), [])}
    except csv.Error:  # a cell the line leaves open: no header a spreadsheet or the registry writes
        return set()


def _ris(text: str) -> tuple[str, str] | None:
    """A RIS citation file: its first line opens a reference (TY), and tag lines follow it."""
    lines = _first_lines(text, 2)
    if len(lines) < 2 or not lines[0].startswith("TY  -") or not all(_RIS_TAG.match(line) for line in lines):
        return None
    if _RIS_REGISTRY_ID.search(text):
        return ("RIS citation", "a RIS file (tag lines TY ... ER, as the API's format=ris gives) cites a study but "
                                f"holds no record of it: {INSTEAD}")
    return ("RIS citation", f"a RIS file (tag lines TY ... ER) holds citations, not study records: {INSTEAD}")


def _fhir_json(text: str) -> tuple[str, str] | None:
    """A FHIR JSON resource: the document's first object declares its resourceType (a ResearchStudy, a Bundle)."""
    kind = resource_type(text)
    if kind is None:
        return None
    if kind == "Bundle" and _RESEARCH_STUDY_KEY.search(text):
        kind = "Bundle of ResearchStudy resources"
    elif kind != "Bundle":
        kind = f"{kind} resource"
    return ("FHIR JSON", f"a FHIR {kind} is not read (FHIR JSON, as the API's format=fhir.json gives a study): "
                         f"{INSTEAD}")


def resource_type(text: str) -> str | None:
    """The resourceType a JSON document's first resource declares at its own level: a key of the top object (or of
    the first object of a top array, or of an NDJSON file's first line); None when that object names none."""
    if text.lstrip()[:1] not in ("{", "["):
        return None
    open_brackets: list[str] = []
    last, before_last = "", ""
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token[0] == '"' and not match.group(1):
            return None  # a string the head cuts short: nothing more to read
        if token in ("{", "["):
            open_brackets.append(token)
        elif token in ("}", "]"):
            if open_brackets:
                open_brackets.pop()
            if open_brackets in ([], ["["]):
                return None  # the first resource ended without naming its type
        elif token[0] == '"' and last == ":" and before_last == '"resourceType"' and open_brackets in (["{"],
                                                                                                       ["[", "{"]):
            value = token[1:-1]
            return value if _RESOURCE_TYPE.fullmatch(value) else None
        before_last, last = last, token
    return None
