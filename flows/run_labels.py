"""How runs are labelled and retried in Prefect: tags (source, as_of) and retries on I/O tasks only."""
from __future__ import annotations

from datetime import date

import duckdb
from prefect import get_client
from prefect.runtime import flow_run

# I/O tasks (reading the source folder, writing the warehouse) may meet a passing fault (a network
# share that stalls, a full disk being cleaned); parse and validate are deterministic and get none.
IO_RETRIES = {"retries": 2, "retry_delay_seconds": [5, 30]}


def _transient(task, task_run, state) -> bool:
    """Retry only faults of the machine (OS or DuckDB I/O errors), never bad data or a bad call."""
    try:
        state.result(raise_on_failure=True)
    except (OSError, duckdb.IOException):
        return True
    except Exception:
        return False
    return False


IO_TASK_OPTIONS = {**IO_RETRIES, "retry_condition_fn": _transient}


def run_tags(source: str, as_of: date) -> list[str]:
    """The tags of a run: where it read from and the date it checked against."""
    return ["trialqc", f"source:{source}", f"as_of:{as_of.isoformat()}"]


def tag_current_run(source: str, as_of: date) -> None:
    """Add the run's tags to the current flow run (no-op outside a flow run)."""
    run_id = flow_run.id
    if not run_id:
        return
    with get_client(sync_client=True) as client:
        current = client.read_flow_run(run_id)
        client.update_flow_run(run_id, tags=sorted(set(current.tags) | set(run_tags(source, as_of))))
