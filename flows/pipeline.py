"""The Prefect flow: the stages of flows/run.py, each wrapped in a task working on whole batches."""
from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from flows.settings import Settings, apply_offline_defaults

apply_offline_defaults()

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.artifacts import create_markdown_artifact  # noqa: E402
from prefect.cache_policies import NONE  # noqa: E402
from prefect.runtime import flow_run  # noqa: E402

from flows import after_run, run, summary  # noqa: E402
from flows.errors import UsageError  # noqa: E402
from warehouse import connect  # noqa: E402

# Batches move between tasks in memory; nothing is cached or persisted by Prefect.
TASK = {"cache_policy": NONE, "persist_result": False}

TASK_STAGES = run.Stages(
    discover=task(name="discover", **TASK)(run.PLAIN.discover),
    parse=task(name="parse-batch", **TASK)(run.PLAIN.parse),
    validate=task(name="validate-batch", **TASK)(run.PLAIN.validate),
    load=task(name="load-batch", **TASK)(run.PLAIN.load),
    check=task(name="check-studies", **TASK)(run.PLAIN.check),
)

SEARCH_AND_WATCH_LISTS = task(name="search-and-watch-lists", **TASK)(after_run.refresh_search_and_watch_lists)


@flow(name="trialqc", log_prints=False)
def trialqc_flow(
    source: str | None = None,
    db: str | None = None,
    as_of: date | None = None,
    batch_size: int | None = None,
    recheck_all: bool = False,
) -> summary.RunSummary:
    """Load registry records from `source` into the warehouse `db` and check their quality."""
    settings = Settings.from_env()
    source_path = Path(source) if source else settings.source
    if not source_path.exists():
        raise UsageError(f"source {source_path} does not exist")
    db_path = Path(db) if db else settings.db_path
    run_id = str(flow_run.id or uuid.uuid4())
    con = connect.connect(db_path)
    try:
        result = run.run_pipeline(
            con, run_id=run_id, source=source_path, db_path=db_path, as_of=as_of or date.today(),
            batch_size=batch_size or settings.batch_size, recheck_all=recheck_all,
            stages=TASK_STAGES, log=get_run_logger(),
        )
        watch_md = SEARCH_AND_WATCH_LISTS(con, run_id)
    finally:
        con.close()
    create_markdown_artifact(summary.to_markdown(result) + watch_md, key="trialqc-run-summary",
                             description="Files, rejects and quality issues of this run")
    return result
