"""The text rules (`in_worker`) evaluated in worker processes: those of the run (`CheckWorkers`, given the rows they
read in a file in memory, checks.shared_reads) or processes forked for a chunk, which inherit them."""
from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
from contextlib import contextmanager
from datetime import date
from typing import Callable, Iterator

from checks.rule import CheckScope, Rule
from checks.rule_outcomes import Outcome, evaluate
from checks.shared_reads import MEMORY, ReadsFile, SharedReads, mapped_reads, share_reads, sweep_reads
from checks.study_text import READS_SINK
from flows.worker_processes import WorkerPool


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
    mine = scope.of(sorted(scope.nct_ids)[part::parts])
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
    memory (`share_reads`); without a pool, or for rules that cannot be sent to it, workers forked now
    inherit them.
    """
    global _FORKED
    if not rules:
        yield dict
        return
    failed = {}
    # Sent to the run's workers, the reads are written to their file as they are made, batch by batch.
    sink = ReadsFile.create() if pool is not None and _sendable(rules) else None
    if sink is not None:
        scope.cache[READS_SINK] = sink
    try:
        for rule in rules:
            warm = evaluate(con, rule, scope.of())
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
        shared = share_reads(scope, sink)
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
    a file in memory (`share_reads`), mapped, not copied."""

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
    sweep_reads(MEMORY)
    pool = CheckWorkers(workers, brief)
    try:
        yield pool
    except BaseException:
        pool.close(ended=True)
        raise
    pool.close(ended=False)


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
            scope = CheckScope(as_of, frozenset(nct_ids), mapped_reads(shared))
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
