"""Trial-summary page, the study facts a page may show besides its design: biospecimens, expanded-access types,
why the study stopped, the number of arms or groups, a registry's follow-up, and intervention other names (which this
page cannot place), read into AACT's columns."""
from __future__ import annotations

import re

from flows.parsers import labels
from flows.parsers.page_values import int_value
from schemas import enums

# The problem reason of other intervention names a page shows without saying whose they are (as meddatax's).
UNREAD_OTHER_NAMES = "unread section: other intervention names"

# Display label (lower case) -> the field it fills; in the key block ('Biospecimen retention Samples With DNA')
# or under 'Study Design' ('Expanded Access Type: Individual Patients').
FIELDS = {
    "biospecimen retention": "biospec_retention", "biospecimen": "biospecimen",
    "biospecimen description": "biospec_description", "expanded access type": "expanded_access_type",
    "expanded access types": "expanded_access_type", "why stopped": "why_stopped",
    "why study stopped": "why_stopped", "other names": "other_names", "other name": "other_names",
    "other intervention names": "other_names", "number of groups/cohorts": "number_of_groups",
    "number of groups": "number_of_groups", "number of arms": "number_of_arms",
    "target follow-up duration": "target_duration", "target duration": "target_duration",
}
# The counts among them: a whole number is read, any other text kept as shown (validation refuses it).
_COUNTS = ("number_of_groups", "number_of_arms")
# The registry's expanded-access types as pages show them -> AACT's flag column for each.
_ACCESS_TYPES = {
    "individual patients": "expanded_access_type_individual", "individual patient": "expanded_access_type_individual",
    "individual": "expanded_access_type_individual",
    "intermediate-size population": "expanded_access_type_intermediate",
    "intermediate size population": "expanded_access_type_intermediate",
    "intermediate": "expanded_access_type_intermediate",
    "treatment ind/protocol": "expanded_access_type_treatment", "treatment ind": "expanded_access_type_treatment",
    "treatment protocol": "expanded_access_type_treatment", "treatment": "expanded_access_type_treatment",
}
# Several types in one value are parted by commas or semicolons ('Treatment IND/Protocol' holds a slash).
_TYPE_SEPARATOR = re.compile(r"\s*[,;]\s*")
# An expanded-access study type shown with its type in brackets: 'Expanded Access (Individual Patients)'.
_ACCESS_STUDY_TYPE = re.compile(r"^Expanded\s+Access\s*\((.+)\)$", re.IGNORECASE)


def study_facts(values: dict[str, str], study_type: str | None = None) -> tuple[dict[str, object],
                                                                                list[tuple[str, str]]]:
    """The studies columns these values (and the study type as shown) give, only those they give, and (reason,
    detail) of each that cannot be read: a retention the registry does not name, an expanded-access type it
    does not know, other names."""
    columns, problems = _biospecimen(values)
    if values.get("why_stopped"):
        columns["why_stopped"] = values["why_stopped"]
    if values.get("target_duration"):  # a patient registry's follow-up, as the registry words it ('2 Years')
        columns["target_duration"] = values["target_duration"]
    columns.update({column: int_value(values[column]) for column in _COUNTS if values.get(column)})
    access, unknown = access_types(values.get("expanded_access_type"))
    if not values.get("expanded_access_type") and (match := _ACCESS_STUDY_TYPE.match((study_type or "").strip())):
        access, unknown = access_types(match.group(1))
        access, unknown = (access, []) if not unknown else ({}, [])  # a gloss naming no type is the type's own
    columns.update(access)
    problems += [("unreadable value", f"'Expanded access type' '{part}' is none of the registry's types")
                 for part in unknown]
    if values.get("other_names"):
        problems.append((UNREAD_OTHER_NAMES, "'Other names' on a page that shows no intervention to give them to"))
    return columns, problems


def _biospecimen(values: dict[str, str]) -> tuple[dict[str, object], list[tuple[str, str]]]:
    """biospec_retention and biospec_description as the page gives them, and what cannot be read of them."""
    columns: dict[str, object] = {}
    problems: list[tuple[str, str]] = []
    if (retention := _retention(values.get("biospec_retention"))) is not None:
        columns["biospec_retention"] = retention
    elif values.get("biospec_retention"):
        problems.append(("unreadable value", f"'Biospecimen retention' '{values['biospec_retention']}' is none of "
                                             "the registry's retentions"))
    if shown := values.get("biospecimen"):
        # a bare 'Biospecimen' value is the retention when it names one, else it may be the description
        if (retention := _retention(shown)) is None:
            problems.append(("unreadable value", "'Biospecimen' is no retention the registry names: retention or "
                                                 "description cannot be told"))
        else:
            columns.setdefault("biospec_retention", retention)
    if values.get("biospec_description"):
        columns["biospec_description"] = values["biospec_description"]
    return columns, problems


def access_types(text: str | None) -> tuple[dict[str, bool], list[str]]:
    """'Individual Patients, Treatment IND/Protocol' -> the AACT flags of the types named (True; a type not named
    is left NULL, as API v2 leaves it out) and the parts that name no type."""
    flags: dict[str, bool] = {}
    unknown: list[str] = []
    for part in filter(None, _TYPE_SEPARATOR.split((text or "").strip())):
        column = _ACCESS_TYPES.get(" ".join(part.lower().split()))
        if column is None:
            unknown.append(part)
        else:
            flags[column] = True
    return flags, unknown


def _retention(text: str | None) -> str | None:
    """'Samples With DNA' -> SAMPLES_WITH_DNA; None for text that is none of the registry's retentions."""
    spelt = labels.enum_spelling(text)
    return spelt if spelt in enums.BIOSPEC_RETENTION else None
