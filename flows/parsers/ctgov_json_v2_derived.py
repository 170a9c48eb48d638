"""API v2 derivedSection: the MeSH terms the registry derives from conditions and interventions."""
from __future__ import annotations

from flows.parsers.ctgov_json_v2_fields import objects, section, text
from flows.parsers.model import ColumnRows, Row

# (mesh_type, key of the browse module): AACT's names for matched terms and their broader terms.
_MESH_LISTS = (("mesh-list", "meshes"), ("mesh-ancestor", "ancestors"))


def derived_tables(derived: dict) -> dict[str, list[Row]]:
    """browse_conditions and browse_interventions of one derivedSection."""
    return {
        "browse_conditions": mesh_rows(section(derived, "conditionBrowseModule")),
        "browse_interventions": mesh_rows(section(derived, "interventionBrowseModule")),
    }


def mesh_rows(module: dict) -> ColumnRows:
    """One row per MeSH term of a browse module, matched terms first, then ancestors (held as columns)."""
    terms, types = [], []
    for mesh_type, key in _MESH_LISTS:
        for item in objects(module, key):
            term = item.get("term")
            if type(term) is not str or term.isspace():  # the usual term is a non-blank string
                term = text(term)
            if term:
                terms.append(term)
                types.append(mesh_type)
    return ColumnRows({"mesh_term": terms,
                       "downcase_mesh_term": [term.lower() if type(term) is str else None for term in terms],
                       "mesh_type": types})
