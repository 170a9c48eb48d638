"""Run rules over the warehouse and write `quality_issues`, one transaction per run."""
from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import pickle
import tempfile
import threading
import time
from collections import deque
from contextlib import contextmanager, nullcontext
from datetime import date
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, NamedTuple, Sequence

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from checks.parked_issues import ParkedIssues
from checks.rule import SEVERITIES, CheckResult, CheckScope, Finding, Rule, current_extracts_sql
from checks.scoped_tables import covers_every_study, scoped_tables, worth_scoping
from checks.study_text import READS_SINK
from flows.errors import stopped_by_signal
from flows.memory_files import MEMORY, sweep
from flows.worker_processes import WorkerPool
from warehouse.connect import deleting_from, one_thread, transaction
from warehouse.personal_text import masked_column

if TYPE_CHECKING:
    from warehouse.runs import AppendedRows

log = logging.getLogger(__name__)

ISSUE_SCHEMA = pa.schema([
    ("run_id", pa.string()), ("nct_id", pa.string()), ("rule_id", pa.string()),
    ("category", pa.string()), ("severity", pa.string()), ("fields", pa.list_(pa.string())),
    ("message", pa.string()), ("evidence", pa.string()), ("as_of", pa.date32()),
])
# Evidence is an excerpt, not a document: long texts are cut to this many characters.
EVIDENCE_LIMIT = 600


def set_scope(con: duckdb.DuckDBPyConnection, nct_ids: Sequence[str] | None, as_of: date) -> CheckScope:
    """(Re)create the temp table `check_scope` (the studies to check; None = all) and return the scope."""
    con.execute("CREATE OR REPLACE TEMP TABLE check_scope (nct_id VARCHAR PRIMARY KEY)")
    if nct_ids is None:
        con.execute("INSERT INTO check_scope SELECT nct_id FROM studies")
    elif nct_ids:
        scope = pa.table({"nct_id": pa.array(sorted(set(nct_ids)), pa.string())})
        con.register("_scope_in", scope)
        con.execute("INSERT INTO check_scope SELECT nct_id FROM _scope_in")
        con.unregister("_scope_in")
    if nct_ids is None:
        return CheckScope(as_of, frozenset(r[0] for r in con.execute("SELECT nct_id FROM check_scope").fetchall()))
    return CheckScope(as_of, frozenset(nct_ids))


def _scoped_sql(con: duckdb.DuckDBPyConnection, rule: Rule, scope: CheckScope,
                narrowed: bool = False) -> duckdb.DuckDBPyConnection:
    """Run a SQL rule on the scoped studies: the executed cursor.

    `narrowed`: the tables read hold only the scope's studies (scoped copies) or the scope is every study, so
    the rule's SQL runs as written and its rows are kept to the scope by the caller (`_in_scope`): the join to
    `check_scope` would only add to the statement's planning and execution, which at a small scope are most
    of its cost, and would narrow no scan."""
    params = {"as_of": scope.as_of} if "$as_of" in rule.sql else {}
    if rule.params is not None:
        params.update(rule.params())
    if narrowed:
        return con.execute(rule.sql, params)
    return con.execute(
        f"SELECT * FROM ({rule.sql}) AS r WHERE r.nct_id IN (SELECT nct_id FROM check_scope)",
        params,
    )


def _in_scope(found: pa.Table, scope: CheckScope) -> pa.Table:
    """The rows of `found` whose nct_id is in the scope: what `r.nct_id IN (SELECT nct_id FROM check_scope)`
    keeps (a NULL or an id outside it is dropped)."""
    if not found.num_rows:
        return found
    ids = scope.shared(("id array", scope.nct_ids), lambda: pa.array(list(scope.nct_ids), pa.string()))
    keep = pc.is_in(found.column("nct_id").cast(pa.string()), value_set=ids)
    return found if pc.all(keep).as_py() else found.filter(keep)


def findings_of(con: duckdb.DuckDBPyConnection, rule: Rule, scope: CheckScope) -> list[Finding]:
    """Evaluate one rule over the scoped studies; the engine keeps only findings inside the scope."""
    if rule.func is not None:
        found = [f for f in rule.func(con, scope) if f.nct_id in scope.nct_ids]
        return _not_of(found, _extracts(con, scope)) if rule.absence_judged else found
    # A SQL rule's findings are read the one way the run reads them (found_table), settled.
    return [Finding(row["nct_id"], row["message"], row["evidence"], tuple(row["fields"]), row["severity"])
            for row in found_table(con, rule, scope).to_pylist()]


def _clip(text: str) -> str:
    return text if len(text) <= EVIDENCE_LIMIT else text[: EVIDENCE_LIMIT - 1] + "…"


# One rule's findings as issue columns, the rule's defaults filled in (the run's columns are added on writing).
FOUND_SCHEMA = pa.schema([(name, ISSUE_SCHEMA.field(name).type)
                          for name in ("nct_id", "severity", "fields", "message", "evidence")])


def found_table(con: duckdb.DuckDBPyConnection, rule: Rule, scope: CheckScope, narrowed: bool = False) -> pa.Table:
    """A SQL rule's findings on the scoped studies, column by column, with a finding's fields, severity and
    evidence settled as `issue_columns` settles a function rule's. `narrowed`: see `_scoped_sql`."""
    return _settled(con, rule, scope, _scoped_sql(con, rule, scope, narrowed).to_arrow_table(), narrowed)


# The rows of a SQL rule's findings settled and parked at a time in a check's pass over all its studies.
FOUND_BATCH_ROWS = 20_000


def found_batches(con: duckdb.DuckDBPyConnection, rule: Rule, scope: CheckScope) -> Iterator[pa.Table]:
    """`found_table`, FOUND_BATCH_ROWS rows at a time as the rule's query streams them, so that a rule that
    flags every study of a large check is never held whole. The query keeps to the scope itself: a batch
    kept to it here would look up every id of a large scope again. No other statement may run on `con`
    meanwhile: it would end the query (what an absence-judged rule reads besides is read first)."""
    if rule.absence_judged:
        _extracts(con, scope)
    for batch in _scoped_sql(con, rule, scope).fetch_record_batch(FOUND_BATCH_ROWS):
        found = _settled(con, rule, scope, pa.Table.from_batches([batch]), narrowed=False)
        if found.num_rows:
            yield found


def _settled(con: duckdb.DuckDBPyConnection, rule: Rule, scope: CheckScope, found: pa.Table,
             narrowed: bool) -> pa.Table:
    """Rows a SQL rule's query gave, settled as `found_table` says."""
    if narrowed:
        found = _in_scope(found, scope)
    if rule.absence_judged and found.num_rows:
        found = _not_of(found, _extracts(con, scope))
    rows, names = found.num_rows, found.column_names
    if not rows:
        return FOUND_SCHEMA.empty_table()
    if "evidence" not in names:
        evidence = pa.array([""] * rows, pa.string())
    elif pa.types.is_string(found.schema.field("evidence").type):
        evidence = found.column("evidence").fill_null("")
        if pc.max(pc.utf8_length(evidence)).as_py() > EVIDENCE_LIMIT:
            evidence = pa.array([_clip(text) for text in evidence.to_pylist()], pa.string())
    else:  # evidence that is not text: as a Finding turns it into text
        evidence = pa.array([_clip(str(value or "")) for value in found.column("evidence").to_pylist()], pa.string())
    default_fields = pa.scalar(list(rule.fields), FOUND_SCHEMA.field("fields").type)
    if "fields" in names:
        fields = found.column("fields").cast(FOUND_SCHEMA.field("fields").type)
        given = pc.fill_null(pc.greater(pc.list_value_length(fields), 0), False)
        fields = pc.if_else(given, fields, default_fields)
    else:
        fields = pa.repeat(default_fields, rows)
    if "severity" in names:
        severity = found.column("severity").cast(pa.string())
        valid = pc.fill_null(pc.is_in(severity, value_set=pa.array(SEVERITIES, pa.string())), False)
        severity = pc.if_else(valid, severity, pa.scalar(rule.severity, pa.string()))
    else:
        severity = pa.repeat(pa.scalar(rule.severity, pa.string()), rows)
    return pa.Table.from_arrays([found.column("nct_id").cast(pa.string()), severity, fields,
                                 found.column("message").cast(pa.string()), evidence], schema=FOUND_SCHEMA)


def issue_columns(rule: Rule, found: list[Finding]) -> pa.Table:
    """A function rule's findings as issue columns: each finding's fields and severity, else the rule's."""
    return pa.Table.from_arrays([
        pa.array([f.nct_id for f in found], pa.string()),
        pa.array([f.severity if f.severity in SEVERITIES else rule.severity for f in found], pa.string()),
        pa.array([list(f.fields or rule.fields) for f in found], FOUND_SCHEMA.field("fields").type),
        pa.array([f.message for f in found], pa.string()),
        pa.array([_clip(f.evidence) for f in found], pa.string()),
    ], schema=FOUND_SCHEMA)


def _issues(run_id: str, rule: Rule, found: pa.Table, as_of: date) -> pa.Table:
    """A rule's issue rows: its found columns with the run's and the rule's."""
    def same(value, kind: pa.DataType) -> pa.Array:
        return pa.repeat(pa.scalar(value, kind), found.num_rows)
    columns = {"run_id": same(run_id, pa.string()), "rule_id": same(rule.id, pa.string()),
               "category": same(rule.category, pa.string()), "as_of": same(as_of, pa.date32())}
    return pa.Table.from_arrays([columns[name] if name in columns else found.column(name)
                                 for name in ISSUE_SCHEMA.names], schema=ISSUE_SCHEMA)


def _masked(issues: pa.Table) -> pa.Table:
    """The chunk's issues with what their rules quote from records masked where it is a contact's email or phone
    written into a record's text (warehouse.personal_text), once over every rule's issues."""
    for name in ("message", "evidence"):
        at = issues.schema.get_field_index(name)
        issues = issues.set_column(at, ISSUE_SCHEMA.field(name), masked_column(issues.column(name)))
    return issues


# Studies checked together: bounds the memory rules use (they read their scope's rows at once).
CHUNK_SIZE = 20_000
# Below this many studies, worker rules run in the run's own process: a fork costs more than it saves.
PARALLEL_MIN_STUDIES = 2_000


class Outcome(NamedTuple):
    """What one rule gave on a scope: its findings (a SQL rule's as `found_table` columns), or the
    error that stopped it; and the seconds spent."""

    findings: list[Finding] | pa.Table
    error: str | None
    seconds: float


def run_rules(
    con: duckdb.DuckDBPyConnection,
    rules: Iterable[Rule],
    *,
    run_id: str,
    as_of: date,
    nct_ids: Sequence[str] | None = None,
    chunk_size: int | None = None,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    pool: "CheckWorkers | None" = None,
    appended: "AppendedRows | None" = None,
) -> CheckResult:
    """Run every rule on the scope, chunk by chunk, replacing each chunk's previous issues atomically.

    Rules marked `in_worker` are evaluated in `workers` processes (default: one per core), part of
    the chunk's studies each, while this process runs the SQL rules: those of `pool` when given (see
    `check_workers`), else processes forked for each chunk. A large share of the warehouse in more than one
    chunk has its SQL rules run once over all its studies (`_SqlOnce`). `progress(checked, total)` is called
    after each chunk. `appended`: where the run that loaded the studies put their rows (`warehouse.runs.AppendedRows`),
    which spares a check of exactly those studies the search for them.
    """
    rules = list(rules)
    workers = (os.cpu_count() or 1) if workers is None else workers
    if nct_ids is None:
        nct_ids = [r[0] for r in con.execute("SELECT nct_id FROM studies ORDER BY nct_id").fetchall()]
    ordered = sorted(set(nct_ids))
    chunk_size = chunk_size or _chunk_size(con, len(ordered))
    once = None
    if len(ordered) > chunk_size and not worth_scoping(con, len(ordered)):
        once = _SqlOnce(rules, ordered)  # a large share in many chunks: its SQL rules run once, without copies
    result = CheckResult()
    try:
        for start in range(0, len(ordered), chunk_size):  # nothing to check: no rule runs
            scope = set_scope(con, ordered[start:start + chunk_size], as_of)
            _run_chunk(con, rules, run_id, scope, result, workers, pool, appended, once)
            if progress is not None:
                progress(result.studies, len(ordered))
    except BaseException:
        if once is not None:
            once.close(quietly=True)  # the check's own error is the one to see
        raise
    if once is not None:
        once.close(quietly=False)
    return result


def _chunk_size(con: duckdb.DuckDBPyConnection, studies: int) -> int:
    """CHUNK_SIZE studies per chunk, or half as many when half a chunk is a small share of the warehouse.

    A chunk checked on copies holds its studies' rows twice while its rules run (~200 MB at 20,000 studies);
    one of a check whose SQL rules ran once (`_SqlOnce`) holds its text rules' reads beside a larger
    warehouse's larger DuckDB limit (at 200,000 studies, chunks of 20,000 peaked 44 MiB above chunks of
    10,000). Half-sized chunks keep a large warehouse's check within the memory of checking 20,000 studies in
    one chunk on the tables themselves, for a few more chunks' fixed costs."""
    half = max(1, CHUNK_SIZE // 2)
    return half if studies > CHUNK_SIZE and worth_scoping(con, half) else CHUNK_SIZE


class _SqlOnce:
    """The SQL rules of a check of many chunks over a large share of the warehouse, run once over all of its
    studies (`run`, during its first chunk) rather than once a chunk on copies of the chunk's rows: they are
    set-based, so each reads the tables once, and no chunk's rows are copied (at 100,000 studies the check's
    process spent 14-15 s of CPU against 22.7 s; docs/performance.md). Their issues wait in
    checks.parked_issues, parked as their queries stream them, until each chunk writes its own."""

    def __init__(self, rules: list[Rule], nct_ids: list[str]) -> None:
        self.rules = [r for r in rules if r.sql is not None and not r.in_worker]
        self.ids = frozenset(r.id for r in self.rules)
        self.nct_ids = nct_ids
        self.parked: ParkedIssues | None = None
        self.done = False

    def run(self, con: duckdb.DuckDBPyConnection, run_id: str, chunk: CheckScope, result: CheckResult) -> None:
        """Every SQL rule over every study of the check, its issues parked and counted in `result`; `check_scope`
        is the chunk's again afterwards."""
        scope = set_scope(con, self.nct_ids, chunk.as_of)
        self.parked = ParkedIssues(con, ISSUE_SCHEMA)
        for rule in self.rules:
            self._park(con, rule, scope, run_id, result)
        set_scope(con, sorted(chunk.nct_ids), chunk.as_of)
        self.done = True

    def _park(self, con: duckdb.DuckDBPyConnection, rule: Rule, scope: CheckScope, run_id: str,
              result: CheckResult) -> None:
        """One rule's issues parked batch by batch, counted in `result`; a rule that fails is reported, as by
        `evaluate`, and none of its issues stay parked."""
        started, rows, error = time.perf_counter(), 0, None
        try:
            for found in found_batches(con, rule, scope):
                self.parked.park(_issues(run_id, rule, found, scope.as_of))
                rows += found.num_rows
        except Exception as exc:  # a rule must never stop the run; it is reported instead
            if stopped_by_signal(exc):
                raise
            self.parked.unpark(rule.id)
            rows, error = 0, f"{type(exc).__name__}: {exc}"
        _counted(result, rule, rows, error, time.perf_counter() - started)

    def taken(self, chunk: CheckScope) -> pa.Table:
        """The parked issues of the chunk's studies (a run of the check's ordered studies)."""
        return self.parked.taken(min(chunk.nct_ids), max(chunk.nct_ids))

    def close(self, quietly: bool) -> None:
        """Drop the parked issues."""
        if self.parked is not None:
            self.parked.close(quietly)


def _counted(result: CheckResult, rule: Rule, rows: int, error: str | None, spent: float) -> bool:
    """A rule's outcome counted in `result`: False when it failed (logged)."""
    result.seconds_by_rule[rule.id] = result.seconds_by_rule.get(rule.id, 0.0) + spent
    if error is not None:
        log.warning("rule %s failed: %s", rule.id, error)
        result.failed_rules[rule.id] = error
        return False
    result.by_rule[rule.id] = result.by_rule.get(rule.id, 0) + rows
    return True


def _tally(result: CheckResult, rule: Rule, outcome: Outcome, run_id: str, as_of: date) -> pa.Table | None:
    """A rule's outcome counted in `result`: its issue rows, or None when it failed (logged)."""
    found, error, spent = outcome
    if not _counted(result, rule, len(found), error, spent):
        return None
    if not isinstance(found, pa.Table):
        found = issue_columns(rule, found)
    return _issues(run_id, rule, found, as_of)


def evaluate(con, rule: Rule, scope: CheckScope, narrowed: bool = False) -> Outcome:
    """One rule on one scope; a rule that fails is reported in the outcome, never raised. `narrowed`: see
    `_scoped_sql`."""
    started = time.perf_counter()
    try:
        found = found_table(con, rule, scope, narrowed) if rule.sql is not None else findings_of(con, rule, scope)
        error = None
    except Exception as exc:  # a rule must never stop the run; it is reported instead
        if stopped_by_signal(exc):  # Ctrl-C or SIGTERM cut its query: the run stops
            raise
        found, error = [], f"{type(exc).__name__}: {exc}"
    return Outcome(found, error, time.perf_counter() - started)


def _run_chunk(con, rules: list[Rule], run_id: str, scope: CheckScope, result: CheckResult,
               workers: int, pool: "CheckWorkers | None" = None, appended: "AppendedRows | None" = None,
               once: _SqlOnce | None = None) -> None:
    """Run every rule on the current check_scope and write its issues (those of the rules of `once`: parked)."""
    studies = len(scope.nct_ids)
    parallel = workers >= 2 and studies >= PARALLEL_MIN_STUDIES
    elsewhere = [r for r in rules if r.in_worker] if parallel else []
    sent = {r.id for r in elsewhere} | (once.ids if once is not None else set())
    # With `once`, the rules left read a large share's tables themselves, as its SQL rules do.
    scoped = once is None and worth_scoping(con, studies)
    # Every study in the scope: a rule's SQL reads the whole tables either way, and runs as written. (With
    # `once`, no SQL rule is left, and a chunk is never every study.)
    whole = not scoped and once is None and covers_every_study(con)
    # Rules that read other studies than those checked read the whole tables: before the copies are made.
    others = [r for r in rules if r.reads_other_studies] if scoped else []
    # The run's record of where it appended the rows applies when the scope is exactly the studies it loaded.
    spans = appended if appended is not None and appended.covers(scope.nct_ids) else None
    # A small check with no text-rule workers (a small share, or a small warehouse checked whole) leaves the
    # second core idle: a second connection takes SQL rules.
    shared = (scoped or whole) and workers >= 2 and not elsewhere
    here, beside = _shares(rules, sent | {r.id for r in others}) if shared else (_Share(), _Share())
    sent |= {r.id for r in here} | {r.id for r in beside}
    # A few studies' copies are a few rows per table: a second DuckDB thread would only add the cost of
    # sharing out every statement (the rules' plans are the same for any number of threads). The second
    # connection starts first: its scope and copies are made while this one's are.
    with one_thread(con) if scoped or shared else nullcontext(), \
            sql_rules_beside(con, beside, scope, spans) as collect_beside:
        outcomes = {r.id: evaluate(con, r, scope) for r in others}
        with scoped_tables(con, scoped, spans), worker_rules(con, elsewhere, scope, workers, pool) as collect:
            # While the workers run, both cores are theirs and this process's: a second DuckDB thread
            # would only contend with them (~1.5x the CPU of the SQL rules for no shorter wall time).
            with one_thread(con) if elsewhere else nullcontext():
                # With a second connection, its statements run while the rules that are not SQL run here (in
                # Python); then this connection's share of the SQL rules, and what is left of the other share.
                for rule in rules:
                    if rule.id not in sent and rule.id not in outcomes:
                        outcomes[rule.id] = evaluate(con, rule, scope, scoped or whole)
                while (rule := _next_rule(here)) is not None:
                    outcomes[rule.id] = evaluate(con, rule, scope, narrowed=True)
                if once is not None and not once.done:
                    # While the workers take the first chunk's text rules. With the pass on two DuckDB threads the
                    # check's process took about a quarter more CPU and peaked 10-65 MiB higher, for a check no
                    # shorter (100,000 and 200,000 studies, docs/performance.md).
                    once.run(con, run_id, scope, result)
            outcomes.update(collect())
        outcomes.update(collect_beside())
    tables = [once.taken(scope)] if once is not None else []
    for rule in rules:
        if rule.id in outcomes:
            issues = _tally(result, rule, outcomes[rule.id], run_id, scope.as_of)
            if issues is not None:
                tables.append(issues)
    issues = _masked(pa.concat_tables(tables)) if tables else ISSUE_SCHEMA.empty_table()
    result.issues += issues.num_rows
    result.studies += len(scope.nct_ids)
    with one_thread(con):  # ~half the CPU of two threads for these few statements, for the same wall time
        write_issues(con, issues)


class _Share(deque):
    """One connection's share of a check's SQL rules, and the other connection's share (`other`), whose last rules
    it takes once its own are done (`_next_rule`)."""

    def __init__(self, rules: Iterable[Rule] = ()) -> None:
        super().__init__(rules)
        self.other: deque[Rule] = deque()


def _shares(rules: list[Rule], taken: set[str]) -> tuple[_Share, _Share]:
    """The SQL rules not already run elsewhere or before the copies, as two shares: this connection's, and every
    second one for the connection beside it. Each connection takes its own share first, then what is left of the
    other's from its far end: a small check's rules cost mostly their planning, which differs from rule to rule,
    and this connection has the rules that are not SQL besides; taken so, the two end together."""
    sql = [r for r in rules if r.sql is not None and r.id not in taken]
    here, beside = _Share(sql[0::2]), _Share(sql[1::2])
    here.other, beside.other = beside, here
    return here, beside


def _next_rule(share: _Share) -> Rule | None:
    """The next rule for a connection to run: the first of its share, else the last left of the other share (each
    rule is taken once: a deque's pops are atomic); None when both are done."""
    for take in (share.popleft, share.other.pop):
        try:
            return take()
        except IndexError:
            continue
    return None


@contextmanager
def sql_rules_beside(con: duckdb.DuckDBPyConnection, rules: Sequence[Rule], scope: CheckScope,
                     spans: "AppendedRows | None") -> Iterator[Callable[[], dict[str, Outcome]]]:
    """Evaluate SQL `rules` on a second connection to the warehouse, in a thread, while the block runs; the block's
    `collect()` waits for their outcomes. The connection has the scope and, for a small share of the warehouse,
    its own scoped copies (temp tables are a connection's own), made as the block's are (`spans`: see
    `scoped_tables`); a scope of every study reads the tables themselves, as the block's connection does. In a
    small check a rule's statement costs mostly its planning, on one core: two connections plan two statements at
    once, and DuckDB lets go of Python while it plans and runs them. `rules` is its share (`_shares`): it takes
    them from the front, while the block's connection may take those left at the end, and then takes those left
    of the other share."""
    if not rules:
        yield dict
        return
    rules = rules if isinstance(rules, _Share) else _Share(rules)
    beside = con.cursor()
    outcomes: dict[str, Outcome] = {}
    failed: list[BaseException] = []
    stopping = threading.Event()

    def evaluate_all() -> None:
        try:
            set_scope(beside, sorted(scope.nct_ids), scope.as_of)
            if not rules:  # the block's connection took them all meanwhile: no copy is needed
                return
            with scoped_tables(beside, worth_scoping(beside, len(scope.nct_ids)), spans):
                while not stopping.is_set() and (rule := _next_rule(rules)) is not None:
                    outcomes[rule.id] = evaluate(beside, rule, scope, narrowed=True)
        except BaseException as exc:  # raised by `collect()`, in the run's thread
            failed.append(exc)

    thread = threading.Thread(target=evaluate_all, name="sql-rules-beside", daemon=True)
    thread.start()

    def collect() -> dict[str, Outcome]:
        thread.join()
        if failed:
            raise failed[0]
        return outcomes
    try:
        yield collect
    finally:
        if thread.is_alive():  # the block failed or was stopped: so are the rules beside it
            stopping.set()
            beside.interrupt()
            thread.join()
        beside.close()


def field_selected(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> frozenset[str]:
    """The scoped studies whose current version is a field-selected extract (flows.parsers.model.FIELD_SELECTED):
    what it leaves out may be in the record, so rules that flag what a record does not give skip them."""
    found = con.execute(f"SELECT nct_id FROM ({current_extracts_sql('main.studies')})").fetchall()
    return frozenset(row[0] for row in found)


def _extracts(con: duckdb.DuckDBPyConnection, scope: CheckScope) -> frozenset[str]:
    """`field_selected`, read once per scope (a rule that flags what a record does not give skips them)."""
    return scope.shared(("field-selected extracts",), lambda: field_selected(con, scope))


def _not_of(found: pa.Table | list[Finding], studies: frozenset[str]) -> pa.Table | list[Finding]:
    """The findings of other studies than these."""
    if not studies:
        return found
    if isinstance(found, pa.Table):
        keep = pc.invert(pc.is_in(found.column("nct_id"), value_set=pa.array(sorted(studies), pa.string())))
        return found.filter(keep)
    return [finding for finding in found if finding.nct_id not in studies]


class _NoWarehouse:
    """The connection a worker rule is given: its reads must all have been made by the run's process."""

    def __getattr__(self, name):
        raise RuntimeError("a rule run in a worker read the warehouse outside checks.study_text's shared reads")


# (rules, scope) for the worker processes, which inherit it when they are forked.
_FORKED: tuple[list[Rule], CheckScope] | None = None


def _evaluate_part(part: int, parts: int) -> dict[str, Outcome]:
    """In a worker: every forked rule on every `parts`-th study of the scope, starting at `part`."""
    gc.disable()  # a worker lives for one chunk; the collector would only re-walk the inherited rows
    rules, scope = _FORKED
    mine = CheckScope(scope.as_of, frozenset(sorted(scope.nct_ids)[part::parts]), scope.cache)
    return {rule.id: evaluate(_NoWarehouse(), rule, mine) for rule in rules}


def _quiet_worker() -> None:
    """Ctrl-C and SIGTERM are the run's to handle (flows.parse_batch.ignore_interrupts): a worker is ended by its
    pool (flows.worker_processes.WorkerPool), without a traceback."""
    from flows.parse_batch import ignore_interrupts

    ignore_interrupts()


@contextmanager
def worker_rules(con, rules: list[Rule], scope: CheckScope, workers: int,
                 pool: "CheckWorkers | None" = None) -> Iterator[Callable[[], dict[str, Outcome]]]:
    """Evaluate `rules` in worker processes while the block runs; the block's `collect()` waits for them.

    Their reads are made here first (a rule run on no studies reads its shared rows and finds
    nothing), so the workers never touch DuckDB. The workers of `pool` are given the rows in a file in
    memory (`_share_reads`); without a pool, or for rules that cannot be sent to it, workers forked now
    inherit them.
    """
    global _FORKED
    if not rules:
        yield dict
        return
    failed = {}
    # Sent to the run's workers, the reads are written to their file as they are made, batch by batch.
    sink = _ReadsFile.create() if pool is not None and _sendable(rules) else None
    if sink is not None:
        scope.cache[READS_SINK] = sink
    try:
        for rule in rules:
            warm = evaluate(con, rule, CheckScope(scope.as_of, frozenset(), scope.cache))
            if warm.error is not None:
                failed[rule.id] = warm
    except BaseException:
        if sink is not None:
            sink.discard()
        raise
    finally:
        scope.cache.pop(READS_SINK, None)  # the rules run here later read as any rule in one process does
    rules = [r for r in rules if r.id not in failed]
    if sink is not None:
        shared = _share_reads(scope, sink)
        if shared is not None:
            with pool.evaluating(rules, scope, shared) as pending:
                yield lambda: {**_merge(pending()), **failed}
            return
    _FORKED = (rules, scope)
    gc.freeze()  # the rows read so far stay out of collections here, and their pages unwritten in the workers
    forked = WorkerPool(workers, initializer=_quiet_worker, context=multiprocessing.get_context("fork"))
    try:
        pending = forked.starmap_async(_evaluate_part, [(k, workers) for k in range(workers)])
        yield lambda: {**_merge(pending.get()), **failed}
        forked.close()
    except BaseException:
        forked.terminate()
        raise
    finally:
        forked.join()
        gc.unfreeze()
        _FORKED = None


def _sendable(rules: list[Rule]) -> bool:
    """Whether the rules can be sent to a worker (their functions importable by name, not made in a call)."""
    try:
        pickle.dumps(rules)
    except (pickle.PicklingError, AttributeError, TypeError):
        return False
    return True


class CheckWorkers:
    """Worker processes for the text rules (`in_worker`), started once for a whole run (`check_workers`).

    Started with the batch workers, from where those start (flows/worker_processes.py: forked while the run's
    process is small, else from the fork server), they start small at any size of warehouse: a process forked
    for each chunk after the loading would start with everything the run's process holds by then (DuckDB's
    cache, the scoped copies of the tables), which grows with the warehouse. A chunk's rows reach them through
    a file in memory (`_share_reads`), mapped, not copied."""

    def __init__(self, processes: int, brief: bool = False) -> None:
        from checks import all_rules
        from flows.worker_processes import worker_context

        all_rules()  # forked, the workers have them imported
        self.processes = processes
        self.pool = WorkerPool(processes, initializer=_quiet_worker, context=worker_context(brief))

    @contextmanager
    def evaluating(self, rules: list[Rule], scope: CheckScope,
                   shared: "SharedReads") -> Iterator[Callable[[], list[dict[str, Outcome]]]]:
        """The rules evaluated on the scope's studies, part of them in each worker, while the block runs;
        the block's callable waits for the parts. The file of shared reads is removed afterwards."""
        ordered = sorted(scope.nct_ids)
        try:
            pending = self.pool.starmap_async(_evaluate_shared, [
                (rules, scope.as_of, ordered[k::self.processes], shared) for k in range(self.processes)])
            yield pending.get
        except BaseException:
            self.pool.terminate()  # parts still being evaluated are not waited for
            raise
        finally:
            os.unlink(shared.path)

    def close(self, ended: bool) -> None:
        """Let the workers finish (`ended`: the run stopped, end them at once) and wait for them."""
        if ended:
            self.pool.terminate()
        else:
            self.pool.close()
        self.pool.join()


@contextmanager
def check_workers(workers: int | None, brief: bool = False) -> Iterator[CheckWorkers | None]:
    """The run's text-rule workers (`CheckWorkers`), started now (`brief`: for a run of one batch to load, see
    flows/worker_processes.py). None with fewer than two workers."""
    workers = (os.cpu_count() or 1) if workers is None else workers
    if workers < 2:
        yield None
        return
    _sweep(MEMORY)
    pool = CheckWorkers(workers, brief)
    try:
        yield pool
    except BaseException:
        pool.close(ended=True)
        raise
    pool.close(ended=False)


# The shared reads are written in memory (flows/memory_files.py), in files named after the run's process.
_READS_PREFIX = "trialqc-reads-"


def _sweep(memory: str) -> None:
    """Remove the files of shared reads left by runs whose process no longer exists (killed mid-chunk)."""
    sweep(memory, _READS_PREFIX)


class SharedReads(NamedTuple):
    """Where the shared reads of a scope wait for the workers: a file in memory holding, for each table, its
    columns read as Arrow IPC streams at (offset, length) (one stream per read of the table), and the
    column lists read of it."""

    path: str
    spans: dict[str, tuple[list[tuple[int, int]], list[tuple[str, ...]]]]


class _ReadsFile:
    """The file of a scope's shared reads while they are made (`checks.study_text.READS_SINK`): each read is
    written to it as an Arrow IPC stream, one record batch at a time as DuckDB gives them, and given back
    mapped from the file. The run's process never holds a whole read in its own memory: at 100,000 studies
    it would beside the scoped copies of the tables, which DuckDB holds then (`checks.scoped_tables`).

    When the file cannot be written (no tmpfs, or it is full) it is `broken`: later reads are read into
    memory as in one process, and the workers are forked with them."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.file = pa.OSFile(path, "wb") if path is not None else None
        self.spans: dict[str, list[tuple[int, int]]] = {}
        self.written: dict[str, set[str]] = {}
        self.broken = path is None

    @classmethod
    def create(cls) -> "_ReadsFile":
        """A new file in memory named after the run's process (for `_sweep`), or a broken one."""
        try:
            handle, path = tempfile.mkstemp(prefix=f"{_READS_PREFIX}{os.getpid()}-", suffix=".arrow", dir=MEMORY)
            os.close(handle)
        except OSError:
            return cls(None)
        return cls(path)

    def write(self, table: str, read: Callable[[], pa.RecordBatchReader]) -> pa.Table:
        """The rows `read()` gives, written to the file and mapped back from it (read into memory when the
        file is broken: a failure of the read itself is raised by that second read)."""
        if not self.broken:
            start = self.file.tell()
            try:
                reader = read()
                with pa.ipc.new_stream(self.file, reader.schema) as writer:
                    for batch in reader:
                        writer.write_batch(batch)
                        del batch  # only the batch being written is held here
                length = self.file.tell() - start
            except (OSError, pa.ArrowException):
                self.broken = True
            else:
                self.spans.setdefault(table, []).append((start, length))
                self.written.setdefault(table, set()).update(reader.schema.names)
                return _mapped_stream(pa.memory_map(self.path).read_buffer(), start, length)
        return read().read_all()

    def discard(self) -> None:
        """Close and remove the file."""
        if self.file is not None:
            self.file.close()
            self.file = None
        if self.path is not None:
            try:
                os.unlink(self.path)
            except FileNotFoundError:
                pass
            self.path = None


def _mapped_stream(buffer: pa.Buffer, start: int, length: int) -> pa.Table:
    return pa.ipc.open_stream(buffer.slice(start, length)).read_all()


def _share_reads(scope: CheckScope, sink: _ReadsFile) -> SharedReads | None:
    """The scope's shared reads (checks.study_text) in the file of `sink`, or None (the file could not be
    written: the workers are then forked with them). Columns read before the file was made (by rules run
    earlier on the scope) are written now; this process's copies of them are replaced by the file's,
    mapped: the memory they took is given back."""
    lists: dict[str, list[tuple[str, ...]]] = {}
    for key in scope.cache:
        if key[0] == "arrow":
            lists.setdefault(key[1], []).append(key[2])
    if not sink.broken:
        for table in lists:
            read = scope.cache[("arrow columns", table)]
            unwritten = [c for c in read if c not in sink.written.get(table, ())]
            if unwritten:
                sink.write(table, pa.table({c: read[c] for c in unwritten}).to_reader)
    if sink.broken:
        sink.discard()
        return None
    sink.file.close()
    sink.file = None
    shared = SharedReads(sink.path, {table: (sink.spans[table], columns) for table, columns in lists.items()})
    scope.cache.update(_mapped_reads(shared))
    pa.default_memory_pool().release_unused()
    return shared


def _mapped_reads(shared: SharedReads) -> dict:
    """The cache entries of the shared reads (as `checks.study_text` keeps them), mapped from their file."""
    entries: dict = {}
    if not shared.spans:
        return entries
    buffer = pa.memory_map(shared.path).read_buffer()
    for table, (streams, lists) in shared.spans.items():
        columns = {}
        for start, length in streams:
            read = _mapped_stream(buffer, start, length)
            columns.update(zip(read.column_names, read.columns))
        entries["arrow columns", table] = columns
        for listed in lists:
            entries["arrow", table, listed] = pa.table([columns["nct_id"]] + [columns[c] for c in listed],
                                                       names=["nct_id", *listed])
    return entries


def _evaluate_shared(rules: list[Rule], as_of: date, nct_ids: list[str], shared: SharedReads) -> dict[str, Outcome]:
    """In a worker of `CheckWorkers`: every rule on the given studies, from the shared reads, evaluated in a
    process forked for it, which leaves without freeing what the rules made (millions of small objects:
    freeing them one by one costs about as much CPU as a tenth of the rules), and the worker stays small."""
    into, out = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(into)
        try:
            gc.disable()  # nothing made here is freed before the process ends
            scope = CheckScope(as_of, frozenset(nct_ids), _mapped_reads(shared))
            found = pickle.dumps({rule.id: evaluate(_NoWarehouse(), rule, scope) for rule in rules},
                                 pickle.HIGHEST_PROTOCOL)
            with os.fdopen(out, "wb") as sink:
                sink.write(found)
        finally:
            os._exit(0)
    os.close(out)
    with os.fdopen(into, "rb") as source:
        found = source.read()
    os.waitpid(pid, 0)
    if not found:
        raise RuntimeError("the process evaluating the text rules ended without their findings")
    return pickle.loads(found)


def _merge(parts: list[dict[str, Outcome]]) -> dict[str, Outcome]:
    """One outcome per rule from the workers' parts: findings joined, the first error, seconds added."""
    merged: dict[str, Outcome] = {}
    for part in parts:
        for rule_id, (found, error, spent) in part.items():
            if rule_id in merged:
                before = merged[rule_id]
                found, error, spent = before.findings + found, before.error or error, before.seconds + spent
            merged[rule_id] = Outcome(found, error, spent)
    return merged


def write_issues(con: duckdb.DuckDBPyConnection, issues: pa.Table) -> None:
    """Replace the issues of the scoped studies with `issues` and mark them checked, in one transaction."""
    # Issues go in sorted, so the table's row order (and any export of it) is the same on every run.
    issues = issues.sort_by([("nct_id", "ascending"), ("rule_id", "ascending"), ("message", "ascending"),
                             ("evidence", "ascending")])
    deleting_from(con, ("quality_issues", "meta.unchecked_studies"))  # the records of the rows deleted are held
    con.register("_issues_in", issues)
    try:
        with transaction(con):
            con.execute("DELETE FROM quality_issues WHERE nct_id IN (SELECT nct_id FROM check_scope)")
            con.execute("INSERT INTO quality_issues SELECT * FROM _issues_in")
            con.execute("DELETE FROM meta.unchecked_studies WHERE nct_id IN (SELECT nct_id FROM check_scope)")
    finally:
        con.unregister("_issues_in")
