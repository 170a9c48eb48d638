"""clincosm study page, the 'More Information' section: study ids, postings, verification, FDA flags, keywords."""
from __future__ import annotations

import re

from flows.parsers import labels
from flows.parsers.dates import date_columns, to_month
from flows.parsers.model import StudyRecord
from flows.parsers.page_text import Sections, add_rows, first, labelled_values, unbullet

# The registry's page shows a secondary id's type after it: '2020-001234-56 ( EudraCT Number )'.
_TYPED_ID = re.compile(r"^(.*?\S)\s*\(\s*([^()]*?)\s*\)$")
_ID_TYPES = {"u.s. nih grant/contract": "NIH", "u.s. fda grant/contract": "FDA", "u.s. va grant/contract": "VA",
             "u.s. cdc grant/contract": "CDC", "u.s. ahrq grant/contract": "AHRQ",
             "u.s. samhsa grant/contract": "SAMHSA", "other grant/funding number": "OTHER_GRANT",
             "eudract number": "EUDRACT_NUMBER", "eu ct number": "CTIS",
             "registry identifier": "REGISTRY", "other identifier": "OTHER"}


def read_more_information(record: StudyRecord, sections: Sections) -> None:
    """Study ids, posting dates, verification date, FDA regulation flags, keywords."""
    values = labelled_values(sections.lines("More Information"), key_start="Keywords provided by")
    ids = [unbullet(value) for value in values.get("Other Study ID Numbers", [])]
    for index, value in enumerate(ids):
        record.add("id_information", {"id_source": "secondary_id" if index else "org_study_id",
                                      **typed_id(value)})
    keywords = next((v for k, v in values.items() if k.startswith("Keywords provided by")), [])
    add_rows(record, "keywords", [{"name": keyword} for keyword in map(unbullet, keywords)])
    record.study.update(date_columns("study_first_posted_date", first(values.get("First Posted"))))
    record.study.update(date_columns("last_update_posted_date", first(values.get("Last Update Posted"))))
    record.study.update(verification_columns(first(values.get("Last Verified"))))
    record.study.update(
        is_fda_regulated_drug=labels.lookup("yes_no", first(values.get("Studies a U.S. FDA-regulated Drug Product"))),
        is_fda_regulated_device=labels.lookup("yes_no",
                                              first(values.get("Studies a U.S. FDA-regulated Device Product"))))


def typed_id(text: str) -> dict[str, str | None]:
    """'2020-001234-56 ( EudraCT Number )' -> id_type EUDRACT_NUMBER and the id; an id without a known type as shown."""
    match = _TYPED_ID.match(text)
    id_type = _ID_TYPES.get(" ".join(match.group(2).split()).casefold()) if match else None
    return {"id_type": id_type, "id_value": match.group(1) if id_type else text}


def verification_columns(text: str | None) -> dict[str, object]:
    """'Jun 1, 2021' -> verification_date 2021-06-01 at month precision."""
    columns = date_columns("verification_date", text)
    # ClinicalTrials.gov records verification to the month; clincosm prints it as the 1st.
    if columns["verification_date_precision"] == "day" and columns["verification_date"].day == 1:
        columns = to_month(columns, "verification_date")
    return columns
