"""Models of the meta tables of search, watch lists and version history (DDL 170): the data dictionary."""
from __future__ import annotations

import pandera.pandas as pa
from pandera.typing import Series

from schemas.base import Int, Text, column

TextList = Series[object]
Timestamp = Series[pa.DateTime]


class MetaTable(pa.DataFrameModel):
    """A bookkeeping table of schema `meta`."""

    class Config:
        coerce = False
        strict = True


class StudyDocuments(MetaTable):
    """One searchable document per study; the fts index fts_meta_study_documents is built over it."""

    nct_id: Text = pa.Field(description="the study")
    title: Text = column("brief title, official title and acronym")
    names: Text = column("conditions, keywords, interventions, their other names and MeSH terms")
    body: Text = column("brief summary, detailed description, arm titles, outcome measures")
    built_run: Text = column("the run that last wrote this document")


class VersionFields(MetaTable):
    """What a diff needs of each version beyond meta.source_records."""

    nct_id: Text = pa.Field(description="the study")
    sha256: Text = pa.Field(description="the version (as in meta.source_records)")
    primary_outcome_measures: TextList = column("primary outcome measures, in source order")
    primary_outcome_time_frames: TextList = column("their time frames, in the same order")
    arm_titles: TextList = column("arm (design group) titles")
    intervention_names: TextList = column("intervention names")
    loaded_run: Text = column("the run that loaded this version")


class WatchLists(MetaTable):
    """Saved searches, evaluated at the end of every run."""

    name: Text = pa.Field(description="the list's name")
    query: Text = pa.Field(description="words searched for (all must match); empty for filters only")
    condition: Text = column("condition filter (ILIKE over conditions and MeSH terms)")
    intervention: Text = column("intervention filter (names, other names, MeSH terms)")
    sponsor: Text = column("sponsor filter (sponsors and source)")
    statuses: TextList = column("overall statuses kept (API v2 enums)")
    phases: TextList = column("phases kept (API v2 enums)")
    created_at: Timestamp = pa.Field(description="when the list was saved")


class WatchRuns(MetaTable):
    """One evaluation of a watch list at a run, with its counts."""

    run_id: Text = pa.Field(description="the run")
    name: Text = pa.Field(description="the watch list")
    evaluated_at: Timestamp = pa.Field(description="when it was evaluated")
    members: Int = pa.Field(description="studies on the list")
    entered: Int = pa.Field(description="studies that entered it since its previous evaluation")
    left: Int = pa.Field(description="studies that left it")
    changed: Int = pa.Field(description="studies whose record changed in a tracked field")
    issues_new: Int = pa.Field(description="quality issues new on studies that stayed on it")
    issues_resolved: Int = pa.Field(description="quality issues resolved on them")


class WatchMembers(MetaTable):
    """The studies on a watch list at a run."""

    run_id: Text = pa.Field(description="the run")
    name: Text = pa.Field(description="the watch list")
    nct_id: Text = pa.Field(description="the study")
    sha256: Text = column("the version `studies` held at that run")
    rank: Int = column("its rank in the search")


class WatchIssues(MetaTable):
    """The quality issues of a watch list's studies at a run."""

    run_id: Text = pa.Field(description="the run")
    name: Text = pa.Field(description="the watch list")
    nct_id: Text = pa.Field(description="the study")
    rule_id: Text = pa.Field(description="the rule (quality_issues.rule_id)")
    severity: Text = pa.Field(description="error, warning or info")
    message: Text = pa.Field(description="the issue's message")


class WatchEvents(MetaTable):
    """What happened on a watch list at a run."""

    run_id: Text = pa.Field(description="the run")
    name: Text = pa.Field(description="the watch list")
    nct_id: Text = pa.Field(description="the study")
    event: Text = pa.Field(isin=["entered", "left", "changed", "issue_new", "issue_resolved"],
                           description="entered, left, changed, issue_new or issue_resolved")
    detail: Text = column("the fields that changed, or the issue (severity, rule, message)")


META_MODELS = {"meta.study_documents": StudyDocuments, "meta.version_fields": VersionFields,
               "meta.watch_lists": WatchLists, "meta.watch_runs": WatchRuns, "meta.watch_members": WatchMembers,
               "meta.watch_issues": WatchIssues, "meta.watch_events": WatchEvents}
