"""One pull of one search: resume or start, land the pages, pass the gate, record it, move the cursor."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import httpx

from flows.extract import pull_records
from flows.extract.api_pull import (
    Progress, PullInterrupted, PullRefused, Reconciliation, data_timestamp, land_pages, new_state,
)
from flows.extract.pull_state import PullState, drop_state, load_state, pull_folder_name, save_state
from flows.extract.search import PAGE_SIZE, Search
from flows.publish import writer_connection


@dataclass(frozen=True)
class PullOutcome:
    """How a pull ended: complete (passed the gate) or not, with its counts, folder and reason."""

    pull_id: str
    search_key: str
    mode: str
    since: date | None
    folder: Path
    announced: int | None
    received: int
    pages: int
    reason: str | None
    resumed: bool
    resumable: bool
    # The window of an unfinished pull of the same search that this one, asked for another, replaced ("since
    # 2026-01-01", "everything"): its pages stay in their folder and its record stays incomplete.
    replaced: str | None = None

    @property
    def complete(self) -> bool:
        """True when the studies received equal the registry's count."""
        return self.reason is None


def _window(since: str | None) -> str:
    return f"since {since}" if since else "everything"


def asks_otherwise(state: PullState, since: date | None, full: bool) -> bool:
    """Whether the pull asked for names another window than the unfinished pull of its search: a `since` of
    another day, or `full` where that pull was incremental. A pull that names none resumes it."""
    return (since is not None and state.since != since.isoformat()) or (full and state.since is not None)


def start_or_resume(search: Search, landing: Path, db: Path, client: httpx.Client,
                    since: date | None, full: bool) -> tuple[PullState, bool, str | None]:
    """The unfinished pull of this search if there is one and the pull asks for no other window, else a new one
    from the cursor (or `since`, or everything with `full`); and the window of the unfinished pull it replaced."""
    state = load_state(landing, search.slug)
    replaced = None
    if state is not None:
        if not asks_otherwise(state, since, full):
            return state, True, None
        replaced = _window(state.since)
        drop_state(landing, search.slug)  # its pages stay in its folder, its record stays incomplete
    # One writer session for the cursor and the "running" row: each session publishes the warehouse.
    with writer_connection(db) as con:
        cursor = None if full else pull_records.cursor_since(con, search.key)
        start = since or cursor
        mode = "incremental" if start else "full"
        state = new_state(search, pull_id=uuid.uuid4().hex, folder=pull_folder_name(search.slug), mode=mode,
                          since=start, stamp=data_timestamp(client))
        save_state(landing, search.slug, state)
        pull_records.record_pull(con, state, str(landing / state.folder), "running", finished=False)
    return state, False, replaced


def pull_search(search: Search, *, landing: Path, db: Path, client: httpx.Client, progress: Progress,
                since: date | None = None, full: bool = False, page_size: int = PAGE_SIZE) -> PullOutcome:
    """Pull `search` into `landing`: only what changed since its last complete pull, unless `since`/`full`.

    A refused query is recorded and forgotten (the next pull starts over: a page token may have
    expired); Ctrl-C is recorded and keeps the state, so the next pull resumes at the page it stopped.
    """
    state, resumed, replaced = start_or_resume(search, landing, db, client, since, full)
    interrupted = False
    try:
        result = land_pages(client, landing, state, progress, page_size)
    except PullInterrupted as error:
        interrupted = True
        result = Reconciliation(state.total_count, state.studies,
                                f"interrupted after {state.pages} pages: {error}; the next pull resumes here")
    except PullRefused as error:
        state.next_page_token = None
        finish(search, landing, db, state, _stopped(state, f"the registry refused a page ({error})"), resumed)
        raise
    except KeyboardInterrupt:
        finish(search, landing, db, state, _stopped(state, f"stopped by Ctrl-C after {state.pages} pages; "
                                                           "the next pull resumes here"), resumed, interrupted=True)
        raise
    return finish(search, landing, db, state, result, resumed, interrupted, replaced)


def _stopped(state: PullState, reason: str) -> Reconciliation:
    """The gate of a pull that stopped before its last page: never complete."""
    return Reconciliation(state.total_count, state.studies, reason)


def finish(search: Search, landing: Path, db: Path, state: PullState, result: Reconciliation,
           resumed: bool, interrupted: bool = False, replaced: str | None = None) -> PullOutcome:
    """Record the pull; a complete one moves the cursor, an incomplete one keeps its state to resume.

    An interrupted pull resumes at the page that failed; a short one (the registry said it was done)
    resumes only where a page token is left to ask again.
    """
    resumable = not result.complete and (interrupted or bool(state.next_page_token))
    with writer_connection(db) as con:
        pull_records.record_pull(con, state, str(landing / state.folder),
                                 "complete" if result.complete else "incomplete", result.reason)
        if result.complete:
            pull_records.advance_cursor(con, state, next_since(state))
    if not resumable:
        drop_state(landing, search.slug)
    return PullOutcome(state.pull_id, state.search_key, state.mode,
                       date.fromisoformat(state.since) if state.since else None, landing / state.folder,
                       result.announced, result.received, state.pages, result.reason, resumed, resumable, replaced)


def next_since(state: PullState) -> date:
    """Where the next incremental pull starts: the day of the registry's data this pull saw.

    LastUpdatePostDate has day precision and the registry posts updates through the day, so the
    next pull asks from that same day again: a study updated later that day is not missed (it is
    landed twice at worst, and the loader keeps one current version).
    """
    stamp = state.data_timestamp or state.started_at
    return datetime.fromisoformat(stamp).date()
