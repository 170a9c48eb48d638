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
from flows.extract.registry_client import RETRY_STATUSES
from flows.extract.search import PAGE_SIZE, Search

# How much of a page token a message quotes (the registry's tokens are long and opaque).
TOKEN_SHOWN = 24


class PullInterrupted(TrialQCError):
    """The registry or the network failed past the retries; the pull resumes from its state."""


class PullRefused(TrialQCError):
    """The registry refused the query itself (a 4xx other than 429): asking again will not help."""


class LandingUnwritable(PullInterrupted):
    """A landed page or the pull's state could not be written (disk full, no permission); the pull resumes."""


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
    except httpx.RequestError as error:  # a dropped connection, a timeout, a redirect loop, a body that is no gzip
        raise PullInterrupted(f"{type(error).__name__}: {error}") from error
    if response.status_code in (400, 404):
        said = " ".join(response.text.split())[:300]
        raise PullRefused(f"HTTP {response.status_code} for {response.request.url}: {said}")
    if response.status_code != 200:
        after = " after retries" if response.status_code in RETRY_STATUSES else ""
        raise PullInterrupted(f"HTTP {response.status_code}{after} for {response.request.url}")
    try:
        document = orjson.loads(response.content)
    except orjson.JSONDecodeError as error:
        raise PullInterrupted(f"page is not complete JSON ({error})") from error
    if not isinstance(document, dict) or not isinstance(document.get("studies", []), list):
        raise PullInterrupted("page is not an API v2 studies page")
    return response.content, document


def study_ids(studies: list) -> set[str]:
    """The NCT ids of a page's studies (an entry without one is no study the gate can count)."""
    ids = set()
    for study in studies:
        try:
            nct_id = study["protocolSection"]["identificationModule"]["nctId"]
        except (KeyError, TypeError):
            continue
        if isinstance(nct_id, str):
            ids.add(nct_id)
    return ids


def landed_ids(folder: Path, pages: int) -> set[str]:
    """The ids of the first `pages` pages landed in `folder` (a resumed pull counts each study once)."""
    ids: set[str] = set()
    for number in range(1, pages + 1):
        try:
            ids |= study_ids(orjson.loads((folder / page_name(number)).read_bytes()).get("studies") or [])
        except (OSError, orjson.JSONDecodeError, AttributeError):
            continue
    return ids


def page_name(number: int) -> str:
    """The file name of the `number`th page of a pull."""
    return f"page-{number:05d}.json"


def land_pages(client: httpx.Client, landing: Path, state: PullState, progress: Progress,
               page_size: int = PAGE_SIZE) -> Reconciliation:
    """Fetch and land pages from where the state says until the last one; save the state after each.

    The gate counts distinct studies: a study sent twice (on one page or on two) counts once. A page
    token sent again (a loop) or a page of nothing new ends the pull, which then starts over next time.
    """
    folder = landing / state.folder
    received = landed_ids(folder, state.pages)
    asked = state.extra.setdefault("tokens", [])
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
        new = study_ids(studies) - received
        if not new:
            return _start_over(state, f"page {state.pages + 1} brought no study not already received")
        _land(folder, state, body)
        received |= new
        asked.append(state.next_page_token or "")
        state.pages, state.studies, state.next_page_token = state.pages + 1, len(received), token
        _save(landing, state)
        progress.advance(len(new))
        if not token:
            return reconcile(state, None)
        if token in asked:
            return _start_over(state, f"the registry sent page token {str(token)[:TOKEN_SHOWN]!r} again, a loop")


def _start_over(state: PullState, stop: str) -> Reconciliation:
    """End a pull whose paging went wrong: no token is kept, so the next pull asks the search afresh."""
    state.next_page_token = None
    return reconcile(state, f"{stop}; the next pull starts over")


def _land(folder: Path, state: PullState, body: bytes) -> None:
    """Write the next page's bytes; a write that fails interrupts the pull (it resumes at this page)."""
    path = folder / page_name(state.pages + 1)
    try:
        write_atomically(path, body)
    except OSError as error:
        raise LandingUnwritable(f"could not write {path} ({error.strerror or error})") from error


def _save(landing: Path, state: PullState) -> None:
    """Save the state after a landed page; a write that fails interrupts the pull."""
    try:
        save_state(landing, state.extra["slug"], state)
    except OSError as error:
        raise LandingUnwritable(f"could not save the pull's state in {landing} ({error.strerror or error})") from error


def reconcile(state: PullState, stop: str | None) -> Reconciliation:
    """Compare the studies received with totalCount; say why the pull is short when it is."""
    announced, received = state.total_count, state.studies
    if announced is None:
        return Reconciliation(None, received, "the registry announced no totalCount for this query")
    if received == announced:
        return Reconciliation(announced, received, None)
    why = f"received {received} of {announced} studies announced"
    if received > announced:
        why = f"received {received} studies, more than the {announced} announced (the registry changed meanwhile)"
    return Reconciliation(announced, received, f"{why} ({stop})" if stop else why)


def new_state(search: Search, *, pull_id: str, folder: str, mode: str, since: date | None,
              stamp: datetime | None) -> PullState:
    """The state of a fresh pull of `search`."""
    return PullState(pull_id=pull_id, search_key=search.key, mode=mode, folder=folder,
                     params=search.params(since), since=since.isoformat() if since else None,
                     data_timestamp=stamp.isoformat() if stamp else None,
                     started_at=datetime.now().isoformat(), extra={"slug": search.slug})
