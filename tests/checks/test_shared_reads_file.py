"""The reads sent to the run's text-rule workers are written to their file batch by batch, and the run's process
keeps them only as mapped from it: it never holds a whole read in its own memory."""
from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa

import checks
from checks import engine, rule_workers, shared_reads, study_text
from tests.checks import harness
from tests.checks.test_worker_rules import _issues

STUDIES = 5


def _warehouse(tmp_path):
    return harness.warehouse_with(tmp_path, {f"NCT0100000{i}": harness.clean_study() for i in range(1, STUDIES + 1)})


def _mapped_spans(path: str) -> list[tuple[int, int]]:
    spans = []
    for line in Path("/proc/self/maps").read_text().splitlines():
        if line.endswith(path):
            low, high = line.split()[0].split("-")
            spans.append((int(low, 16), int(high, 16)))
    return spans


def _buffers(column: pa.ChunkedArray):
    for chunk in column.chunks:
        for buffer in chunk.buffers():
            if buffer is not None and buffer.size:
                yield buffer


def test_reads_are_written_in_batches_and_held_only_as_mapped_from_the_file(tmp_path, monkeypatch):
    con = _warehouse(tmp_path)
    monkeypatch.setattr(engine, "PARALLEL_MIN_STUDIES", 0)
    monkeypatch.setattr(rule_workers, "_evaluate_part", None)  # no worker forked for the chunk
    checks.run_checks(con, run_id="t", as_of=harness.AS_OF, workers=1)
    one_process = _issues(con)
    monkeypatch.setattr(study_text, "READ_BATCH_ROWS", 2)
    seen = []
    real_share = rule_workers.share_reads

    def share(scope, sink):
        mapped = _mapped_spans(sink.path)
        reads = {key[1]: columns for key, columns in scope.cache.items() if key[0] == "arrow columns"}
        for table, columns in reads.items():
            for name, column in columns.items():
                for buffer in _buffers(column):  # the rows are the file's pages, not a copy in this process
                    assert any(low <= buffer.address < high for low, high in mapped), (table, name)
        with pa.memory_map(sink.path) as file:
            whole = file.read_buffer()
            batches = [batch for streams in sink.spans.values() for start, length in streams
                       for batch in pa.ipc.open_stream(whole.slice(start, length))]
        seen.append((set(reads), batches))
        return real_share(scope, sink)
    monkeypatch.setattr(rule_workers, "share_reads", share)
    with rule_workers.check_workers(2) as pool:
        result = engine.run_rules(con, checks.all_rules(), run_id="t", as_of=harness.AS_OF, workers=2, pool=pool)
    assert not result.failed_rules
    assert _issues(con) == one_process
    (tables, batches), = seen
    assert {"studies", "eligibilities", "design_groups"} <= tables
    assert batches and max(batch.num_rows for batch in batches) <= 2  # written a bounded piece at a time
    assert sum(batch.num_rows for batch in batches) > 2 * len(tables)


def test_without_a_file_in_memory_the_workers_are_forked_with_the_reads(tmp_path, monkeypatch):
    con = _warehouse(tmp_path)
    monkeypatch.setattr(engine, "PARALLEL_MIN_STUDIES", 0)
    checks.run_checks(con, run_id="t", as_of=harness.AS_OF, workers=1)
    one_process = _issues(con)
    with rule_workers.check_workers(2) as pool:
        monkeypatch.setattr(shared_reads, "MEMORY", str(tmp_path / "missing"))
        result = engine.run_rules(con, checks.all_rules(), run_id="t", as_of=harness.AS_OF, workers=2, pool=pool)
    assert not result.failed_rules
    assert _issues(con) == one_process


def test_a_file_that_fills_up_midway_leaves_the_issues_unchanged(tmp_path, monkeypatch):
    con = _warehouse(tmp_path)
    monkeypatch.setattr(engine, "PARALLEL_MIN_STUDIES", 0)
    checks.run_checks(con, run_id="t", as_of=harness.AS_OF, workers=1)
    one_process = _issues(con)
    writes = []
    real_write = shared_reads.ReadsFile.write

    def write(self, table, read):
        writes.append(table)
        if len(writes) != 3:
            return real_write(self, table, read)
        tries = []

        def full_at_first():  # the third read finds the memory full; read again, it is read into memory
            tries.append(table)
            if len(tries) == 1:
                raise OSError(28, "No space left on device")
            return read()
        return real_write(self, table, full_at_first)
    monkeypatch.setattr(shared_reads.ReadsFile, "write", write)
    with rule_workers.check_workers(2) as pool:
        result = engine.run_rules(con, checks.all_rules(), run_id="t", as_of=harness.AS_OF, workers=2, pool=pool)
    assert len(writes) > 3 and not result.failed_rules
    assert _issues(con) == one_process
    assert not list(Path(shared_reads.MEMORY).glob(f"trialqc-reads-{os.getpid()}-*"))  # the broken file is removed
