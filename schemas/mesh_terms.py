"""Derived MeSH terms (AACT browse_conditions, browse_interventions) and interventions' other names."""
from __future__ import annotations

import pandera.pandas as pa

from schemas import enums
from schemas.base import Int, StudyChild, Text, column, enum, row_id


class InterventionOtherNames(StudyChild):
    """Other names of an intervention: brand names, codes, synonyms (AACT intervention_other_names)."""

    intervention_name: Text = column("the intervention's name (interventions.name); API v2 "
                                     "armsInterventionsModule.interventions[].name, XML <intervention_name>")
    name: Text = column("one other name; API v2 interventions[].otherNames[], XML <other_name>")
    id: Int = row_id()
    intervention_id: Int = pa.Field(nullable=True, ge=0, description=(
        "the intervention (interventions.id) whose otherNames (XML other_name) give the name"))


class BrowseConditions(StudyChild):
    """MeSH terms the registry derived from the conditions (AACT browse_conditions)."""

    mesh_term: Text = column("MeSH term; API v2 derivedSection.conditionBrowseModule meshes[]/ancestors[].term, "
                             "XML <condition_browse><mesh_term>")
    downcase_mesh_term: Text = column("mesh_term in lower case, as AACT stores it for matching")
    mesh_type: Text = enum(enums.MESH_TYPE, "'mesh-list' (a matched term) or 'mesh-ancestor' (a broader term)")
    id: Int = row_id()


class BrowseInterventions(StudyChild):
    """MeSH terms the registry derived from the interventions (AACT browse_interventions)."""

    mesh_term: Text = column("MeSH term; API v2 derivedSection.interventionBrowseModule meshes[]/ancestors[].term, "
                             "XML <intervention_browse><mesh_term>")
    downcase_mesh_term: Text = column("mesh_term in lower case, as AACT stores it for matching")
    mesh_type: Text = enum(enums.MESH_TYPE, "'mesh-list' (a matched term) or 'mesh-ancestor' (a broader term)")
    id: Int = row_id()
