"""What the warehouse keeps of a record's results and their submission, beside AACT's tables (names not AACT's)."""
from __future__ import annotations

import pandera.pandas as pa

from schemas import enums
from schemas.base import Date, Int, StudyChild, Text, column, enum


class AdverseEventSubjectSums(StudyChild):
    """The subjects affected by a record's adverse events, summed by kind as AACT's calculated_values sums its
    reported_events (one row per study whose record gives adverse events; the events themselves are not loaded)."""

    serious_subjects_affected: Int = column(
        "sum of the subjects affected over every serious event's count per group (API v2 adverseEventsModule "
        "seriousEvents[].stats[].numAffected; legacy XML <serious_events> <counts subjects_affected>, the 'Total' "
        "category left out); NULL where the record gives no count of the kind (AACT number_of_sae_subjects)", ge=0)
    other_subjects_affected: Int = column(
        "the same sum over the other (not serious) events: otherEvents, <other_events> (AACT "
        "number_of_nsae_subjects)", ge=0)


class ResultSubmissions(StudyChild):
    """The record's own tracking of its results submissions, event by event (API v2 derivedSection
    submissionTracking, which AACT does not read; AACT's pending_results holds the unposted events)."""

    event: Text = enum(enums.PENDING_RESULTS_EVENT, "RELEASE (results submitted: releaseDate), RESET (returned by "
                       "the registry's quality-control review: resetDate) or UNRELEASE (the submission withdrawn: "
                       "unreleaseDate)")
    event_date_description: Text = column("the event's date as the source gives it")
    event_date: Date = column("the event's date")
    id: Int = pa.Field(nullable=True, ge=0, description=(
        "the row's id, made as the study tables' ids are (the study's NCT number * 1,000,000 + the row's rank among "
        "the study's rows, in the record's order, which is the order of the events)"))
