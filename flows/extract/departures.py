"""Studies that left the registry: the full id list (fields=NCTId) against the warehouse.

A study missing from a complete id list is marked in meta.registry_departures, never deleted (its
versions stay in meta.source_records); a study that reappears is unmarked. An id list that fails
the gate (fewer ids than announced) marks nothing: a short list must never make studies vanish.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

import httpx

from flows.extract import pull_records
from flows.extract.api_pull import Progress, PullInterrupted, Reconciliation, data_timestamp, fetch_page, reconcile
from flows.extract.pull_records import Departures
from flows.extract.pull_state import PullState
from flows.extract.search import PAGE_SIZE, Search
from flows.publish import writer_connection


@dataclass(frozen=True)
class DepartureOutcome:
    """The id list's gate and, when it passed, what it changed in the warehouse."""

    pull_id: str
    gate: Reconciliation
    departures: Departures | None


def fetch_registry_ids(client: httpx.Client, state: PullState, progress: Progress,
                       page_size: int = PAGE_SIZE) -> tuple[set[str], Reconciliation]:
    """Every NCT id the registry lists, page by page, with the gate's verdict on the list."""
    ids: set[str] = set()
    progress.start(None, 0)
    try:
        while True:
            params = {**state.params, "fields": "NCTId", "pageSize": str(page_size)}
            params.update({"pageToken": state.next_page_token} if state.next_page_token else {"countTotal": "true"})
            _, document = fetch_page(client, params)
            if state.pages == 0:
                state.total_count = document.get("totalCount")
                progress.set_total(state.total_count)
            page_ids = {_nct_id(study) for study in document.get("studies") or []} - {None}
            state.pages, state.next_page_token = state.pages + 1, document.get("nextPageToken")
            ids |= page_ids
            state.studies = len(ids)
            progress.advance(len(page_ids))
            if not page_ids or not state.next_page_token:
                stop = "an id page had no ids" if state.next_page_token else None
                return ids, reconcile(state, stop)
    except PullInterrupted as error:
        return ids, Reconciliation(state.total_count, len(ids), f"id list interrupted: {error}")


def _nct_id(study: object) -> str | None:
    try:
        return study["protocolSection"]["identificationModule"]["nctId"]
    except (KeyError, TypeError):
        return None


def check_departures(*, db, client: httpx.Client, progress: Progress, page_size: int = PAGE_SIZE) -> DepartureOutcome:
    """Fetch the registry's full id list and, if it passes the gate, mark the studies that left."""
    stamp = data_timestamp(client)
    state = PullState(pull_id=uuid.uuid4().hex, search_key=Search().key, mode="id_list", folder="",
                      params={"format": "json"}, data_timestamp=stamp.isoformat() if stamp else None,
                      started_at=datetime.now().isoformat())
    ids, gate = fetch_registry_ids(client, state, progress, page_size)
    with writer_connection(db) as con:
        pull_records.record_pull(con, state, None, "complete" if gate.complete else "incomplete", gate.reason)
        departures = pull_records.mark_departures(con, state.pull_id, ids) if gate.complete else None
    return DepartureOutcome(state.pull_id, gate, departures)
