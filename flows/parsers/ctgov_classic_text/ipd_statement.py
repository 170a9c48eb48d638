"""clincosm study page, the Individual Participant Data (IPD) Sharing Statement under More Information: whether and how
the data will be shared, loaded into AACT's studies columns, and the documents shared beside them."""
from __future__ import annotations

from flows.parsers import labels
from flows.parsers.page_text import unbullet
from schemas.enums import IPD_INFO_TYPE, PLAN_TO_SHARE_IPD

# Label -> studies column; the plan's answer is its API v2 enum ('Yes' -> YES, 'Undecided' -> UNDECIDED).
_COLUMNS = {"Plan to Share IPD": "plan_to_share_ipd", "Plan Description": "plan_to_share_ipd_description",
            "Time Frame": "ipd_time_frame", "Access Criteria": "ipd_access_criteria", "URL": "ipd_url"}
LABELS = frozenset(_COLUMNS) | {"Supporting Materials"}
# The documents the page lists under 'Supporting Materials', as API v2 names them.
_INFO_TYPES = {"study protocol": "STUDY_PROTOCOL", "statistical analysis plan (sap)": "SAP",
               "statistical analysis plan": "SAP", "informed consent form (icf)": "ICF",
               "informed consent form": "ICF", "clinical study report (csr)": "CSR", "clinical study report": "CSR",
               "analytic code": "ANALYTIC_CODE"}


def ipd_statement(values: dict[str, list[str]]) -> tuple[dict[str, object], list[dict[str, str]]]:
    """The studies columns the statement gives (only those it gives) and its ipd_information_types rows. A value
    that is none of its kind is kept as shown, for validation to refuse and quote."""
    columns: dict[str, object] = {}
    for label, column in _COLUMNS.items():
        if shown := "\n".join(values.get(label, [])):
            columns[column] = shown
    if plan := columns.get("plan_to_share_ipd"):
        columns["plan_to_share_ipd"] = spelt if (spelt := labels.enum_spelling(plan)) in PLAN_TO_SHARE_IPD else plan
    materials = [unbullet(line) for line in values.get("Supporting Materials", [])]
    return columns, [{"name": _info_type(name)} for name in materials]


def _info_type(name: str) -> str:
    """The API v2 name of a document listed under 'Supporting Materials': its full name ('Statistical Analysis Plan
    (SAP)'), or its abbreviation or API name alone in any case ('SAP', 'Csr', 'Analytic Code'); else as shown."""
    if (known := _INFO_TYPES.get(" ".join(name.split()).casefold())) is not None:
        return known
    return spelt if (spelt := labels.enum_spelling(name)) in IPD_INFO_TYPE else name
