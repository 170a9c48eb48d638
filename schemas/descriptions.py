"""Free-text and list tables: summaries, descriptions, conditions, keywords."""
from __future__ import annotations

from schemas.base import Int, StudyChild, Text, column, row_id


class BriefSummaries(StudyChild):
    """The sponsor's short synopsis."""

    description: Text = column("brief summary text")
    id: Int = row_id()


class DetailedDescriptions(StudyChild):
    """The extended description."""

    description: Text = column("detailed description text")
    id: Int = row_id()


class Conditions(StudyChild):
    """Conditions or diseases studied, one row each."""

    name: Text = column("condition name as the source gives it")
    downcase_name: Text = column("name in lower case, as AACT stores it for matching")
    id: Int = row_id()


class Keywords(StudyChild):
    """Keywords supplied by the sponsor, one row each."""

    name: Text = column("keyword")
    downcase_name: Text = column("name in lower case, as AACT stores it for matching")
    id: Int = row_id()
