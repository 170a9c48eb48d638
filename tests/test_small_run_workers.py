"""A run's text-rule workers are forked only when its check may use them: not for a run whose only batch of
files (the stream ended with it) and the studies still unchecked are too few for the check to send any."""
from __future__ import annotations

from contextlib import ExitStack

from checks import engine
from flows import run
from flows.inputs import FileEntry
from flows.unchanged_files import Columns, UnchangedFiles


def _batch(files: int, unchanged: int = 0, last: bool = True) -> run.Batch:
    batch = run.Batch([FileEntry(f"/x/{i}.json", 10, 0.0) for i in range(files)])
    if unchanged:
        batch.append(UnchangedFiles(Columns({"path": [f"/u/{i}" for i in range(unchanged)],
                                             "sha256": ["0" * 64] * unchanged})))
    batch.last = last
    return batch


def test_the_stream_ending_inside_a_batch_marks_it_last():
    stream = iter([FileEntry(f"/x/{i}.json", 10, 0.0) for i in range(5)])
    first = run.next_batch(stream, 3)
    second = run.next_batch(stream, 3)
    assert (len(first), first.last) == (3, False)
    assert (len(second), second.last) == (2, True)
    assert run.next_batch(iter([FileEntry("/x/a.json", 10, 0.0)]), 1).last is False  # full: more may follow


def test_check_workers_are_kept_for_runs_whose_check_may_use_them(monkeypatch):
    monkeypatch.setattr(engine, "PARALLEL_MIN_STUDIES", 100)
    starter = run.BatchStarter("r", 2, None, ExitStack(), pending=lambda: 0)
    assert not starter._checks_many(_batch(99, unchanged=5000))  # a small change: nothing to send them
    assert starter._checks_many(_batch(100))
    assert starter._checks_many(_batch(10, last=False))  # more batches may follow
    assert starter._checks_many([FileEntry("/x/a.json", 10, 0.0)])  # a batch not from next_batch
    waiting = run.BatchStarter("r", 2, None, ExitStack(), pending=lambda: 95)  # an interrupted run's studies
    assert waiting._checks_many(_batch(5))
