"""API v2 derivedSection: the MeSH terms the registry derives from conditions and interventions."""
from __future__ import annotations

from flows.parsers.ctgov_json_v2_fields import objects, section, text
from flows.parsers.model import Row

# (mesh_type, key of the browse module): AACT's names for matched terms and their broader terms.
_MESH_LISTS = (("mesh-list", "meshes"), ("mesh-ancestor", "ancestors"))


def derived_tables(derived: dict) -> dict[str, list[Row]]:
    """browse_conditions and browse_interventions of one derivedSection."""
    return {
        "browse_conditions": mesh_rows(section(derived, "conditionBrowseModule")),
        "browse_interventions": mesh_rows(section(derived, "interventionBrowseModule")),
    }


def mesh_rows(module: dict) -> list[Row]:
    """One row per MeSH term of a browse module, matched terms first, then ancestors."""
    rows = []
    for mesh_type, key in _MESH_LISTS:
        for item in objects(module.get(key)):
            term = item.get("term")
            if type(term) is not str or term.isspace():  # the usual term is a non-blank string
                term = text(term)
            if term:
                rows.append({"mesh_term": term, "downcase_mesh_term": term.lower(), "mesh_type": mesh_type})
    return rows
