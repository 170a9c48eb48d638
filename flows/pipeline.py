"""The Prefect flow: discover -> parse -> validate -> load -> check -> report, batch by batch."""
from __future__ import annotations

import itertools
import uuid
from datetime import date
from pathlib import Path

from flows.settings import Settings, apply_offline_defaults

apply_offline_defaults()

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.artifacts import create_markdown_artifact  # noqa: E402
from prefect.cache_policies import NONE  # noqa: E402
from prefect.runtime import flow_run  # noqa: E402

import checks  # noqa: E402
from flows import assemble as assemble_stage  # noqa: E402
from flows import inputs, parse_batch, summary, validate  # noqa: E402
from flows.errors import UsageError  # noqa: E402
from warehouse import connect, load  # noqa: E402


@task(cache_policy=NONE)
def discover_files(source: Path) -> list[Path]:
    """List the input files under the source."""
    files = inputs.discover(source)
    get_run_logger().info("discovered %d files under %s", len(files), source)
    return files


@task(cache_policy=NONE)
def parse_files(items: list, known: set[str]) -> parse_batch.ParsedBatch:
    """Detect each input's layout and parse it; known inputs are skipped."""
    return parse_batch.parse_inputs(items, known)


@task(cache_policy=NONE)
def validate_studies(parsed: parse_batch.ParsedBatch) -> validate.ValidatedBatch:
    """Validate the batch's rows with pandera, once per table."""
    return validate.validate_batch(parsed)


@task(cache_policy=NONE)
def load_studies(con, run_id: str, parsed, validated) -> load.LoadResult:
    """Write the batch to the warehouse in one transaction."""
    return load.load_batch(con, assemble_stage.assemble(run_id, parsed, validated))


@task(cache_policy=NONE)
def check_studies(con, run_id: str, as_of: date, nct_ids: list[str] | None) -> checks.CheckResult:
    """Run every quality rule on the loaded studies and replace their issues."""
    result = checks.run_checks(con, run_id=run_id, as_of=as_of, nct_ids=nct_ids)
    get_run_logger().info("checks: %d issues on %s studies", result.issues,
                          "all" if nct_ids is None else len(nct_ids))
    for rule_id, error in result.failed_rules.items():
        get_run_logger().warning("rule %s could not run: %s", rule_id, error)
    return result


def _scope(con, touched: set[str]) -> list[str]:
    """The touched studies plus the studies whose records speak of them (related_studies)."""
    if not touched:
        return []
    rows = con.execute(
        "SELECT DISTINCT nct_id FROM related_studies WHERE list_contains(?, related_nct_id)", [sorted(touched)]
    ).fetchall()
    return sorted(touched | {r[0] for r in rows})


def _batches(items, size: int):
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


@flow(name="trialqc")
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
    as_of = as_of or date.today()
    run_id = flow_run.id or uuid.uuid4().hex
    logger = get_run_logger()
    con = connect.connect(db_path)
    try:
        result = _run(con, run_id, source_path, db_path, as_of, batch_size or settings.batch_size, recheck_all)
    finally:
        con.close()
    create_markdown_artifact(summary.to_markdown(result), key="trialqc-run-summary",
                             description="files, rejects and quality issues of this run")
    logger.info("run %s: %d files seen, %d loaded, %d rejected, %d skipped", run_id,
                result.files_seen, result.loaded, result.rejected, result.skipped)
    return result


def _run(con, run_id, source_path, db_path, as_of, batch_size, recheck_all) -> summary.RunSummary:
    logger = get_run_logger()
    load.start_run(con, run_id, as_of, str(source_path))
    result = summary.RunSummary(run_id, as_of, str(db_path))
    status = "failed"
    try:
        known = {r[0] for r in con.execute("SELECT DISTINCT sha256 FROM meta.source_files").fetchall()}
        touched: set[str] = set()
        files = discover_files(source_path)
        for number, items in enumerate(_batches(inputs.read_inputs(files), batch_size), start=1):
            parsed = parse_files(items, known)
            validated = validate_studies(parsed)
            loaded = load_studies(con, run_id, parsed, validated)
            known.update(f.sha256 for f in parsed.files if f.sha256)
            touched.update(n for n in (s.record.nct_id for s in (validated.records[p] for p in validated.accepted)))
            _count(result, parsed, loaded)
            logger.info("batch %d: %d files (%d loaded, %d rejected, %d skipped so far of %d)", number, len(items),
                        result.loaded, result.rejected, result.skipped, len(files))
        check = check_studies(con, run_id, as_of, None if recheck_all else _scope(con, touched))
        result.issues_run, result.failed_rules = check.issues, check.failed_rules
        status = "completed"
    finally:
        load.finish_run(con, run_id, result.counts, status)
    return summary.fill_from_warehouse(con, result)


def _count(result: summary.RunSummary, parsed: parse_batch.ParsedBatch, loaded: load.LoadResult) -> None:
    for f in parsed.files:
        setattr(result, f.outcome, getattr(result, f.outcome) + 1)
    result.files_seen += len(parsed.files)
    result.studies_loaded += loaded.versions
