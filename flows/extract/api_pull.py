"""Land the pages of one API v2 search as files, resumably, and reconcile them with totalCount."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

import httpx
import orjson

from flows.errors import TrialQCError
from flows.extract.pull_state import PullState, save_state, write_atomically
from flows.extract.search import PAGE_SIZE, Search


class PullInterrupted(TrialQCError):
    """The registry or the network failed past the retries; the pull resumes from its state."""


class PullRefused(TrialQCError):
    """The registry refused the query itself (a 4xx other than 429): asking again will not help."""


class Progress(Protocol):
    """Where a pull reports how far it is (rich in a terminal, an artifact in the Prefect UI)."""

    def start(self, total: int | None, done: int) -> None: ...

    def set_total(self, total: int | None) -> None: ...

    def advance(self, studies: int) -> None: ...


@dataclass(frozen=True)
class Reconciliation:
    """The gate: complete only when the studies received equal the count the registry announced."""

    announced: int | None
    received: int
    reason: str | None  # None when complete

    @property
    def complete(self) -> bool:
        """True when nothing is missing."""
        return self.reason is None


def data_timestamp(client: httpx.Client) -> datetime | None:
    """The registry's data timestamp (GET /version), or None when this server does not say."""
    try:
        response = client.get("version")
        stamp = response.json().get("dataTimestamp") if response.status_code == 200 else None
        return datetime.fromisoformat(stamp) if isinstance(stamp, str) else None
    except (httpx.HTTPError, ValueError, AttributeError):
        return None


def page_params(state: PullState, page_size: int = PAGE_SIZE) -> dict[str, str]:
    """The query of the next page: the search, the page size, and the token or countTotal."""
    params = {**state.params, "pageSize": str(page_size)}
    if state.next_page_token:
        params["pageToken"] = state.next_page_token
    else:
        params["countTotal"] = "true"
    return params


def fetch_page(client: httpx.Client, params: dict[str, str]) -> tuple[bytes, dict]:
    """One page of studies as (the registry's bytes, the parsed document)."""
    try:
        response = client.get("studies", params=params)
    except httpx.TransportError as error:
        raise PullInterrupted(f"{type(error).__name__}: {error}") from error
    if response.status_code in (400, 404):
        raise PullRefused(f"HTTP {response.status_code} for {response.request.url}: {response.text[:300]}")
    if response.status_code != 200:
        raise PullInterrupted(f"HTTP {response.status_code} after retries for {response.request.url}")
    try:
        document = orjson.loads(response.content)
    except orjson.JSONDecodeError as error:
        raise PullInterrupted(f"page is not complete JSON ({error})") from error
    if not isinstance(document, dict) or not isinstance(document.get("studies", []), list):
        raise PullInterrupted("page is not an API v2 studies page")
    return response.content, document


def land_pages(client: httpx.Client, landing: Path, state: PullState, progress: Progress,
               page_size: int = PAGE_SIZE) -> Reconciliation:
    """Fetch and land pages from where the state says until the last one; save the state after each."""
    folder = landing / state.folder
    progress.start(state.total_count, state.studies)
    while True:
        first = state.pages == 0 and not state.next_page_token
        body, document = fetch_page(client, page_params(state, page_size))
        if first:
            state.total_count = document.get("totalCount")
            progress.set_total(state.total_count)
        studies = document.get("studies") or []
        token = document.get("nextPageToken")
        if not studies:
            return reconcile(state, f"page {state.pages + 1} had no studies" if token or not first else None)
        write_atomically(folder / f"page-{state.pages + 1:05d}.json", body)
        state.pages, state.studies, state.next_page_token = state.pages + 1, state.studies + len(studies), token
        save_state(landing, state.extra["slug"], state)
        progress.advance(len(studies))
        if not token:
            return reconcile(state, None)


def reconcile(state: PullState, stop: str | None) -> Reconciliation:
    """Compare the studies received with totalCount; say why the pull is short when it is."""
    announced, received = state.total_count, state.studies
    if announced is None:
        return Reconciliation(None, received, "the registry announced no totalCount for this query")
    if received == announced:
        return Reconciliation(announced, received, None)
    why = f"received {received} of {announced} studies announced"
    return Reconciliation(announced, received, f"{why} ({stop})" if stop else why)


def new_state(search: Search, *, pull_id: str, folder: str, mode: str, since: date | None,
              stamp: datetime | None) -> PullState:
    """The state of a fresh pull of `search`."""
    return PullState(pull_id=pull_id, search_key=search.key, mode=mode, folder=folder,
                     params=search.params(since), since=since.isoformat() if since else None,
                     data_timestamp=stamp.isoformat() if stamp else None,
                     started_at=datetime.now().isoformat(), extra={"slug": search.slug})
