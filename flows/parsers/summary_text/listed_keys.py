"""Trial-summary page, key block lines a page may repeat, one a line: the study's other ids, its outcomes, its
officials, conditions, keywords and countries, read into id_information, design_outcomes, overall_officials,
responsible_parties, conditions, keywords and countries."""
from __future__ import annotations

import re

from flows.parsers.ctgov_classic_text.more_information import typed_id
from flows.parsers.facility_address import COUNTRIES

# Key (as the page spells it) -> (table, what the key says of each row).
KEYS = {
    "Org study ID": ("id_information", "org_study_id"), "Organization study ID": ("id_information", "org_study_id"),
    "Unique protocol ID": ("id_information", "org_study_id"), "Protocol ID": ("id_information", "org_study_id"),
    "Secondary ID": ("id_information", "secondary_id"), "Secondary IDs": ("id_information", "secondary_id"),
    # the registry's own page lists the organisation's id first, then the secondary ids, under this label
    "Other Study ID Numbers": ("id_information", None), "Other study IDs": ("id_information", None),
    "Primary outcome": ("design_outcomes", "primary"), "Primary outcomes": ("design_outcomes", "primary"),
    "Primary outcome measure": ("design_outcomes", "primary"),
    "Primary outcome measures": ("design_outcomes", "primary"),
    "Secondary outcome": ("design_outcomes", "secondary"), "Secondary outcomes": ("design_outcomes", "secondary"),
    "Secondary outcome measure": ("design_outcomes", "secondary"),
    "Secondary outcome measures": ("design_outcomes", "secondary"),
    "Other outcome": ("design_outcomes", "other"), "Other outcomes": ("design_outcomes", "other"),
    "Other outcome measure": ("design_outcomes", "other"), "Other outcome measures": ("design_outcomes", "other"),
    "Other pre-specified outcome": ("design_outcomes", "other"),
    "Principal investigator": ("overall_officials", "PRINCIPAL_INVESTIGATOR"),
    "Study director": ("overall_officials", "STUDY_DIRECTOR"), "Study chair": ("overall_officials", "STUDY_CHAIR"),
    "Responsible party": ("responsible_parties", None),
    "Condition": ("conditions", None), "Conditions": ("conditions", None), "Keyword": ("keywords", None),
    "Keywords": ("keywords", None), "Country": ("countries", None), "Countries": ("countries", None),
}
# Several ids or names in one value ('R01 CA123456, 2020-001234-56'; 'Asthma, COPD'): an id or a name may hold a
# comma ('Carcinoma, Non-Small-Cell Lung', 'Korea, Republic of'), so they are not split.
_SEVERAL = re.compile(r"[,;]\s")
# An outcome's time frame in its last bracket, with or without the registry's label: '[Time Frame: 12 months]'.
_TIME_FRAME = re.compile(r"^(?P<measure>.*?)\s*\[\s*(?:Time\s*Frame\s*:\s*)?(?P<frame>[^\[\]]*?)\s*\]$", re.IGNORECASE)
# The registry's responsible-party types as pages show them.
_PARTY_TYPES = {"sponsor": "SPONSOR", "principal investigator": "PRINCIPAL_INVESTIGATOR",
                "sponsor-investigator": "SPONSOR_INVESTIGATOR", "sponsor investigator": "SPONSOR_INVESTIGATOR"}


def listed_rows(keyed: list[tuple[str | None, str]]) -> tuple[dict[str, list[dict]], list[str]]:
    """The rows of the listed keys among (key, value) lines, by table, and what could not be read (named, never
    quoted: a value may name a person)."""
    tables: dict[str, list[dict]] = {}
    unread: list[str] = []
    for key, value in keyed:
        if key not in KEYS or not value:
            continue
        table, kind = KEYS[key]
        row, problem = _ROW[table](kind, value)
        if row is not None:
            tables.setdefault(table, []).append(row)
        if problem:
            unread.append(f"'{key}' {problem}")
    if org := [row for row in tables.get("id_information", []) if row["id_source"] is None]:
        given = any(row["id_source"] == "org_study_id" for row in tables["id_information"])
        for index, row in enumerate(org):
            row["id_source"] = "secondary_id" if index or given else "org_study_id"
    return tables, unread


def _id_row(source: str | None, value: str) -> tuple[dict | None, str | None]:
    if _SEVERAL.search(value):
        return None, "names several ids in one line: where one ends cannot be told"
    return {"id_source": source, **typed_id(value)}, None


def _name_row(_: None, value: str) -> tuple[dict | None, str | None]:
    if _SEVERAL.search(value):
        return None, "holds a comma or semicolon: one name or several cannot be told"
    return {"name": value}, None


def _outcome_row(outcome_type: str, value: str) -> tuple[dict | None, str | None]:
    match = _TIME_FRAME.match(value)
    measure, frame = match.group("measure", "frame") if match else (value, None)
    return {"outcome_type": outcome_type, "measure": measure or None, "time_frame": frame or None,
            "description": None}, None


def _country_row(_: None, value: str) -> tuple[dict | None, str | None]:
    # the registry spells some countries with a comma ('Korea, Republic of'): such a name is one country
    if " ".join(value.split()).casefold() in COUNTRIES:
        return {"name": value}, None
    return _name_row(None, value)


def _official_row(role: str, value: str) -> tuple[dict | None, str | None]:
    return {"role": role, "name": value, "affiliation": None}, None


def _party_row(_: None, value: str) -> tuple[dict | None, str | None]:
    party = _PARTY_TYPES.get(" ".join(value.lower().split()))
    if party is None:
        return None, "is none of the registry's responsible-party types"
    return {"responsible_party_type": party, "name": None, "title": None, "affiliation": None}, None


_ROW = {"id_information": _id_row, "design_outcomes": _outcome_row, "overall_officials": _official_row,
        "responsible_parties": _party_row, "conditions": _name_row, "keywords": _name_row, "countries": _country_row}
