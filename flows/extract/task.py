"""The extract stage as a Prefect task, for the head of the flow.

Flow hook (the flow calls it first, before discover/load):

    pulled = extract_stage(pull, db=db)          # pull: dict | None, a flow parameter
    source = source or (pulled.landing if pulled else None)

`pull` is None (no extract: load `source` as before) or a dict with any of:
`term`, `condition`, `intervention`, `sponsor` (at most one; none = the whole registry),
`since` ("YYYY-MM-DD"; default: since the last complete pull of the same search), `full`
(ignore the cursor), `bulk` (the bulk zip instead of a search), `departed` (also fetch the full
id list and mark studies that left), `page_size`, `landing`, `api_url`, `bulk_url`.
Example deployment parameter: {"pull": {"condition": "systemic sclerosis", "departed": true}}.

A pull cut by the network is retried by Prefect (task retries), each retry resuming from the
last landed page; after the last retry the result says INCOMPLETE (counts in the
`trialqc-pull` artifact and meta.registry_pulls) and the flow still loads what landed.
After the load, `close_bulk_gates(db)` reconciles a bulk zip's entries with the studies loaded.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from flows.settings import Settings, apply_offline_defaults

apply_offline_defaults()

from prefect import get_run_logger, task  # noqa: E402
from prefect.artifacts import create_markdown_artifact  # noqa: E402
from prefect.cache_policies import NONE  # noqa: E402

from flows.errors import TrialQCError  # noqa: E402
from flows.extract.command import close_bulk_gates, outcome_complete, politeness_from, pull_request, run_pull  # noqa: E402,F401
from flows.extract.describe import describe  # noqa: E402
from flows.extract.progress import PrefectProgress  # noqa: E402


class PullIncomplete(TrialQCError):
    """A pull stopped short but can resume: raised so Prefect retries the task."""


@dataclass(frozen=True)
class ExtractResult:
    """What the extract stage did: where the pages landed, whether every gate passed, in words."""

    landing: Path
    complete: bool
    lines: tuple[str, ...]


def _resumable(outcome) -> bool:
    return not outcome_complete(outcome) and getattr(outcome, "resumable", False)


def _retry_when_resumable(task, task_run, state) -> bool:
    """Retry only a pull that stopped short and can resume; a refused query is not retried."""
    try:
        state.result()
    except PullIncomplete:
        return True
    except Exception:  # noqa: BLE001 - any other failure is not worth asking again
        return False
    return False


# The tag lets a concurrency limit (`prefect concurrency-limit create clinicaltrials-gov 1`) keep
# every deployment's pulls from asking the registry at the same time.
@task(name="extract", retries=2, retry_condition_fn=_retry_when_resumable, cache_policy=NONE,
      persist_result=False, tags=["clinicaltrials-gov"])
def extract(pull: dict, db: str | None = None) -> ExtractResult:
    """Pull from the registry into the landing folder; raise PullIncomplete to be retried (resumes)."""
    settings = Settings.from_env()
    options = dict(pull)
    since = options.pop("since", None)
    request = pull_request(settings, since=date.fromisoformat(since) if since else None,
                           db=Path(db) if db else None, landing=Path(options.pop("landing")) if "landing" in options
                           else None, **options)
    outcomes = run_pull(request, politeness_from(settings), lambda label: PrefectProgress("trialqc-pull-progress"))
    lines = tuple(describe(o) for o in outcomes)
    log = get_run_logger()
    for line in lines:
        log.info(line)
    if any(_resumable(o) for o in outcomes):
        raise PullIncomplete("; ".join(lines))
    complete = all(outcome_complete(o) for o in outcomes)
    create_markdown_artifact("\n".join(f"- {line}" for line in lines), key="trialqc-pull",
                             description="What the registry announced and what arrived")
    return ExtractResult(request.landing, complete, lines)


def extract_stage(pull: dict | None, db: str | None = None) -> ExtractResult | None:
    """Run the extract task when the flow was given a `pull` parameter; None when it was not."""
    if not pull:
        return None
    backoff = Settings.from_env().api_backoff
    state = extract.with_options(retry_delay_seconds=[backoff * 30, backoff * 120])(pull, db, return_state=True)
    if state.is_completed():
        return state.result()
    error = state.result(raise_on_failure=False)
    if not isinstance(error, PullIncomplete):
        raise error
    settings = Settings.from_env()
    landing = Path(pull.get("landing") or settings.landing_dir)
    line = f"pull INCOMPLETE after retries: {error}"
    get_run_logger().warning(line)
    create_markdown_artifact(f"- {line}", key="trialqc-pull", description="What the registry announced and what arrived")
    return ExtractResult(landing, False, (line,))
