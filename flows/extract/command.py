"""What `trialqc pull` and the flow's extract task do: one request, run with a client, told in words."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Union

from flows.errors import UsageError
from flows.extract import pull_records
from flows.extract.api_pull import Progress, PullRefused
from flows.extract.bulk import BulkOutcome, pull_bulk
from flows.extract.departures import DepartureOutcome, check_departures
from flows.extract.pull import PullOutcome, pull_search
from flows.extract.registry_client import Politeness, registry_client
from flows.extract.search import PAGE_SIZE, Search, search_from_options
from flows.settings import Settings, check_url
from flows.publish import check_folder, writer_connection

# The registry's own bulk download of every study as API v2 JSON (the "Download" button of
# clinicaltrials.gov); override with --bulk-url or TRIALQC_BULK_URL for a mirror.
DEFAULT_BULK_URL = "https://clinicaltrials.gov/api/int/studies/download?format=json.zip"

Outcome = Union[PullOutcome, BulkOutcome, DepartureOutcome]


@dataclass(frozen=True)
class PullRequest:
    """Everything one pull needs to know: what, from where, to where, since when."""

    search: Search
    since: date | None
    full: bool
    bulk: bool
    departed: bool
    landing: Path
    db: Path
    api_url: str
    bulk_url: str
    page_size: int = PAGE_SIZE
    timeout: float = 60.0  # seconds to wait for the registry to send anything


def pull_request(settings: Settings, *, since: date | None = None, full: bool = False, bulk: bool = False,
                 departed: bool = False, landing: Path | None = None, db: Path | None = None,
                 api_url: str | None = None, bulk_url: str | None = None, page_size: int = PAGE_SIZE,
                 timeout: float | None = None, **search: str | None) -> PullRequest:
    """Check the options and fill the gaps from the settings; a bad combination, a URL that is no http(s) URL or a
    landing folder that is a file (or runs through one) is a UsageError."""
    try:
        chosen = search_from_options(**search)
    except ValueError as error:
        raise UsageError(str(error)) from error
    if bulk and (chosen.kind is not None or since is not None):
        raise UsageError("--bulk downloads the whole registry: it takes no search and no --since")
    if since is not None and full:
        raise UsageError("--since and --full contradict each other: give one")
    if not 1 <= page_size <= PAGE_SIZE:
        raise UsageError(f"--page-size must be between 1 and {PAGE_SIZE}")
    if timeout is not None and not timeout >= 1:
        raise UsageError(f"--timeout must be at least 1 second, not {timeout:g}")
    check_url(api_url or None, "--api-url")
    check_url(bulk_url or None, "--bulk-url")
    check_folder(landing or settings.landing_dir, f"cannot use {landing or settings.landing_dir} as the landing "
                "folder (--landing or TRIALQC_LANDING)")
    return PullRequest(chosen, since, full, bulk, departed, landing or settings.landing_dir, db or settings.db_path,
                       (api_url or settings.api_url).rstrip("/"), bulk_url or settings.bulk_url or DEFAULT_BULK_URL,
                       page_size, timeout if timeout is not None else settings.api_timeout)


def politeness_from(settings: Settings, **overrides) -> Politeness:
    """The pacing and back-off of the settings (TRIALQC_API_MIN_INTERVAL, TRIALQC_API_BACKOFF)."""
    return Politeness(min_interval=settings.api_min_interval, backoff=settings.api_backoff, **overrides)


def run_pull(request: PullRequest, politeness: Politeness, progress_for: Callable[[str], Progress]) -> list[Outcome]:
    """Run the request: the bulk zip or the search, then (if asked) the departed-study check."""
    request.landing.mkdir(parents=True, exist_ok=True)
    outcomes: list[Outcome] = []
    if request.bulk:
        with registry_client(request.api_url, politeness, read_body=False, timeout=request.timeout) as client:
            outcomes.append(pull_bulk(url=request.bulk_url, landing=request.landing, db=request.db, client=client,
                                      politeness=politeness, progress=progress_for("bulk zip (bytes)")))
    with registry_client(request.api_url, politeness, timeout=request.timeout) as client:
        try:
            if not request.bulk:
                outcomes.append(pull_search(request.search, landing=request.landing, db=request.db, client=client,
                                            progress=progress_for(f"pull {request.search.key}"),
                                            since=request.since, full=request.full, page_size=request.page_size))
            if request.departed:
                outcomes.append(check_departures(db=request.db, client=client,
                                                 progress=progress_for("registry id list")))
        except PullRefused as error:
            raise UsageError(f"the registry refused the query: {error}. Nothing was marked complete; the next "
                             "pull of this search starts over") from error
    return outcomes


def close_bulk_gates(db: Path) -> list[str]:
    """Reconcile downloaded bulk zips that the load stage has read since; one line per zip."""
    with writer_connection(db) as con:
        closed = pull_records.reconcile_bulk_loads(con)
    return [f"bulk pull {pull_id}: {studies} studies loaded of {entries} files in the zip"
            + (f" - INCOMPLETE: {reason}" if reason else " - complete") for pull_id, entries, studies, reason in closed]


def pull_in_terminal(request: PullRequest, settings: Settings, console) -> bool:
    """Run the request with rich progress bars and print each outcome; True when every gate passed."""
    from rich.markup import escape

    from flows.extract.describe import describe
    from flows.extract.progress import RichProgress

    for line in close_bulk_gates(request.db):
        console.print(escape(line), highlight=False)
    bars: list[RichProgress] = []

    def progress_for(label: str) -> RichProgress:
        for bar in bars:  # one live display at a time: the previous stage is over
            bar.stop()
        bars.append(RichProgress(console, label))
        return bars[-1]

    try:
        outcomes = run_pull(request, politeness_from(settings), progress_for)
    finally:
        for bar in bars:
            bar.stop()
    for outcome in outcomes:
        style = "green" if outcome_complete(outcome) else "bold red"
        console.print(f"[{style}]{escape(describe(outcome))}[/]", highlight=False)
    return all(outcome_complete(o) for o in outcomes)


def outcome_complete(outcome: Outcome) -> bool:
    """Whether an outcome passed its gate (a departure check passes when its id list did)."""
    return outcome.gate.complete if isinstance(outcome, DepartureOutcome) else outcome.complete
