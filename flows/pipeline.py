"""The Prefect flow: the stages of flows/run.py, each wrapped in a task working on whole batches."""
from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

from flows.settings import Settings, apply_offline_defaults

apply_offline_defaults()

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.cache_policies import NONE  # noqa: E402
from prefect.runtime import flow_run  # noqa: E402

from flows import run, summary  # noqa: E402
from flows import artifacts, run_labels, warehouse_session  # noqa: E402  (issue 10 hooks)
from flows.errors import UsageError  # noqa: E402

# Batches move between tasks in memory; nothing is cached or persisted by Prefect.
TASK = {"cache_policy": NONE, "persist_result": False}

TASK_STAGES = run.Stages(
    discover=task(name="discover", **TASK, **run_labels.IO_TASK_OPTIONS)(run.PLAIN.discover),
    parse=task(name="parse-batch", **TASK)(run.PLAIN.parse),
    validate=task(name="validate-batch", **TASK)(run.PLAIN.validate),
    load=task(name="load-batch", **TASK, **run_labels.IO_TASK_OPTIONS)(run.PLAIN.load),
    check=task(name="check-studies", **TASK)(run.PLAIN.check),
)


@flow(name="trialqc", log_prints=False)
def trialqc_flow(
    source: str | None = None,
    db: str | None = None,
    as_of: date | None = None,
    batch_size: int | None = None,
    recheck_all: bool = False,
    report: bool = True,
) -> summary.RunSummary:
    """Load registry records from `source` into the warehouse `db` and check their quality."""
    settings = Settings.from_env()
    source_path = Path(source) if source else settings.source
    if not source_path.exists():
        raise UsageError(f"source {source_path} does not exist")
    db_path = Path(db) if db else settings.db_path
    run_id = str(flow_run.id or uuid.uuid4())
    as_of = as_of or date.today()
    # issue 10 hook: tags; lock + private working copy + issue history + report, published at the end
    run_labels.tag_current_run(str(source_path), as_of)
    stages, progress = artifacts.tracked(TASK_STAGES)
    with warehouse_session.warehouse_session(db_path, run_id, get_run_logger(),
                                             settings.reports_dir if report else None) as session:
        result = run.run_pipeline(
            session.con, run_id=run_id, source=source_path, db_path=db_path, as_of=as_of,
            batch_size=batch_size or settings.batch_size, recheck_all=recheck_all,
            stages=stages, log=get_run_logger(),
        )
    artifacts.run_artifacts(result, session.rule_changes, next(iter(session.report_paths), None), progress)
    return result
