"""clincosm study page, the 'More Information' section: study ids, postings, verification, the oversight flags,
the IPD sharing statement, keywords."""
from __future__ import annotations

from flows.parsers import labels
from flows.parsers.ctgov_classic_text.ipd_statement import LABELS as IPD_LABELS
from flows.parsers.ctgov_classic_text.ipd_statement import ipd_statement
from flows.parsers.ctgov_classic_text.label_lines import values_below_labels, with_colons
from flows.parsers.ctgov_classic_text.publications import UNTYPED, publications
from flows.parsers.dates import date_columns, day_value, to_month
from flows.parsers.model import NCT_ID, Problem, StudyRecord
from flows.parsers.page_sections import Sections
from flows.parsers.page_text import unbullet
from flows.parsers.page_values import add_rows, first, labelled_values

# The registry's page shows a secondary id's type after it, in parentheses: '2020-001234-56 ( EudraCT Number )'.
_DEPTH = {")": 1, "(": -1}
_ID_TYPES = {"u.s. nih grant/contract": "NIH", "u.s. fda grant/contract": "FDA", "u.s. va grant/contract": "VA",
             "u.s. cdc grant/contract": "CDC", "u.s. ahrq grant/contract": "AHRQ",
             "u.s. samhsa grant/contract": "SAMHSA", "other grant/funding number": "OTHER_GRANT",
             "eudract number": "EUDRACT_NUMBER", "eu ct number": "CTIS",
             "registry identifier": "REGISTRY", "other identifier": "OTHER"}

# The registry's oversight questions -> studies columns; the first two are loaded (NULL) when the page omits them.
_FLAGS = {"Studies a U.S. FDA-regulated Drug Product": "is_fda_regulated_drug",
          "Studies a U.S. FDA-regulated Device Product": "is_fda_regulated_device",
          "Device Product Not Approved or Cleared by U.S. FDA": "is_unapproved_device",
          "Pediatric Postmarket Surveillance of a Device Product": "is_ppsd",
          "Product Manufactured in and Exported from the U.S.": "is_us_export"}
_ALWAYS = ("is_fda_regulated_drug", "is_fda_regulated_device")
# The labels of the section's values (a value may be shown on its label's line).
_LABELS = frozenset(_FLAGS) | IPD_LABELS | {"Responsible Party", "ClinicalTrials.gov Identifier",
                                            "Other Study ID Numbers", "First Posted", "Results First Posted",
                                            "Last Update Posted", "Last Verified"}

# The labels a copy may show without their colon ('Responsible Party', its value on the next line): the values'
# labels, the label of the MeSH terms list and those of the publications of a kind.
_SHOWN_LABELS = _LABELS | {"Additional relevant MeSH terms", "Publications of Results",
                           "Publications automatically indexed to this study by ClinicalTrials.gov Identifier "
                           "(NCT Number)"}


def read_more_information(record: StudyRecord, sections: Sections) -> list[Problem]:
    """Study ids, posting dates (results' when posted), verification date, oversight flags, IPD sharing, keywords,
    publications; a problem when the kind of a publication is not shown."""
    lines = with_colons(sections.lines("More Information"), _SHOWN_LABELS.__contains__)
    values = labelled_values(values_below_labels(lines, _LABELS.__contains__), key_start="Keywords provided by")
    ids = [unbullet(value) for value in values.get("Other Study ID Numbers", [])]
    for index, value in enumerate(ids):
        record.add("id_information", {"id_source": "secondary_id" if index else "org_study_id",
                                      **typed_id(value)})
    keywords = next((v for k, v in values.items() if k.startswith("Keywords provided by")), [])
    add_rows(record, "keywords", [{"name": keyword} for keyword in map(unbullet, keywords)])
    record.study.update(date_columns("study_first_posted_date", first(values.get("First Posted"))))
    record.study.update(date_columns("last_update_posted_date", first(values.get("Last Update Posted"))))
    record.study.update(verification_columns(first(values.get("Last Verified"))))
    record.study.update({column: labels.lookup("yes_no", first(values.get(label))) for label, column in _FLAGS.items()
                         if column in _ALWAYS or values.get(label)})
    if posted := first(values.get("Results First Posted")):  # shown once the registry posted the study's results
        record.study.update(results_first_posted_date=day_value(posted), has_results=True)
    ipd, info_types = ipd_statement(values)
    record.study.update(ipd)
    add_rows(record, "ipd_information_types", info_types)
    # the list ends at the section's next label, shown on its own line or with its value beside it
    references, untyped = publications(values_below_labels(lines, _LABELS.__contains__), _ends_publications)
    add_rows(record, "study_references", references)
    return [Problem(UNTYPED, f"{untyped} citation(s) under 'Publications' with no label saying whether they are "
                             "background, results or indexed by the registry: their reference_type is NULL",
                    record.nct_id)] if untyped else []


def _ends_publications(line: str) -> bool:
    """Whether a line ending with a colon is a label of the section (the publications end above it), not a wrapped
    citation's line that ends with its title's colon."""
    label = line.rstrip(":").strip()
    return label in _SHOWN_LABELS or label.startswith("Keywords provided by")


def shown_identifier(lines: list[str]) -> str | None:
    """The NCT id the section shows as 'ClinicalTrials.gov Identifier' (on its label's line or below it), else None."""
    values = labelled_values(values_below_labels(lines, _LABELS.__contains__))
    shown = first(values.get("ClinicalTrials.gov Identifier"))
    return shown if shown and NCT_ID.fullmatch(shown) else None


def typed_id(text: str) -> dict[str, str | None]:
    """'2020-001234-56 ( EudraCT Number )' -> id_type EUDRACT_NUMBER and the id; a type followed by what it is
    ('( Registry Identifier: NCI CTRP )') -> also id_type_description; an id without a known type as shown."""
    match = _id_and_type(text)
    shown, colon, description = match[1].partition(":") if match else ("", "", "")
    id_type = _ID_TYPES.get(" ".join(shown.split()).casefold()) if match else None
    if id_type and colon:
        return {"id_type": id_type, "id_value": match[0], "id_type_description": description.strip() or None}
    return {"id_type": id_type, "id_value": match[0] if id_type else text}


def _id_and_type(text: str) -> tuple[str, str] | None:
    """'X ( Type: what (W) )' -> ('X', 'Type: what (W)'): the id and what its last parentheses hold, matched from the
    end outward (a type's description may hold parentheses of its own); None when the text ends with none."""
    if not text.endswith(")"):
        return None
    depth = 0
    for at in range(len(text) - 1, -1, -1):
        depth += _DEPTH.get(text[at], 0)
        if depth == 0:
            shown_id = text[:at].strip()
            return (shown_id, text[at + 1:-1].strip()) if shown_id else None
    return None


def verification_columns(text: str | None) -> dict[str, object]:
    """'Jun 1, 2021' -> verification_date 2021-06-01 at month precision."""
    columns = date_columns("verification_date", text)
    # ClinicalTrials.gov records verification to the month; clincosm prints it as the 1st.
    if columns["verification_date_precision"] == "day" and columns["verification_date"].day == 1:
        columns = to_month(columns, "verification_date")
    return columns
