"""Files read and hashed in the worker processes; the run's process decides, before loading, what was known."""
from __future__ import annotations

import os

import numpy as np

from flows import batch_workers, inputs, parse_batch
from warehouse import runs


def _noting(monkeypatch, module, name: str, where) -> None:
    """Replace module.name by a wrapper that notes the calling process (a forked worker inherits it)."""
    real = getattr(module, name)

    def noted(*args, **kwargs):
        with open(where, "a") as out:
            out.write(f"{os.getpid()}\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, noted)


def test_plain_files_are_read_in_the_workers_not_in_the_run_process(run, samples, tmp_path, monkeypatch):
    where = tmp_path / "read_in"
    _noting(monkeypatch, inputs, "_read_file", where)
    result = run(samples, batch_size=2, workers=2)
    assert result.loaded == 5
    pids = where.read_text().split()
    assert len(pids) == 5 and str(os.getpid()) not in pids
    assert result.stage_seconds["read_files"] > 0


def test_files_touched_since_the_last_run_are_known_in_the_worker_without_parsing(run, samples, tmp_path,
                                                                                   monkeypatch):
    run(samples, workers=2)
    for path in samples.iterdir():
        os.utime(path, (1_800_000_000, 1_800_000_000))  # a new mtime, the same content: read and hashed again
    where = tmp_path / "parsed_in"
    _noting(monkeypatch, parse_batch, "parse_input", where)
    result = run(samples, batch_size=2, workers=2)
    assert (result.loaded, result.skipped) == (0, 5)
    assert not where.exists()  # every file taken as known by its recorded hash, none parsed again


def test_recorded_prefixes_are_the_first_64_bits_of_every_recorded_hash(run, samples):
    run(samples, workers=1)
    shas = [r[0] for r in run.con.execute("SELECT sha256 FROM meta.source_files").fetchall()]
    assert len(shas) == 5
    assert runs.recorded_prefixes(run.con).tolist() == sorted({int(sha[:16], 16) for sha in shas})


def test_a_wrong_guess_of_a_known_file_is_prepared_again_before_loading(samples):
    entry = inputs.discover(samples)[0]
    sha = inputs.read_items([entry])[0].sha256
    # A recorded hash that shares the file's first 64 bits: the worker takes the file as known.
    guessed = batch_workers.prepare_read("r", [entry], set(), np.array([int(sha[:16], 16)], dtype=np.uint64))
    assert guessed.known == {sha} and guessed.batch.versions.empty
    ahead = batch_workers.BatchesAhead("r", 1, None)
    settled = ahead.settle([entry], guessed, lambda shas: set())  # ... but the warehouse does not know it
    assert settled.known == set() and len(settled.batch.versions) == 1
    assert settled.batch.files["outcome"].tolist() == ["loaded"]
    # A right guess is loaded as the worker prepared it.
    assert ahead.settle([entry], guessed, lambda shas: set(shas)) is guessed


def test_workers_inherit_the_recorded_prefixes_once_instead_of_receiving_them_with_each_batch(run, samples,
                                                                                            monkeypatch):
    run(samples, workers=1)
    sent = []
    real = batch_workers._BatchPool.apply_async

    def noted(self, func, args=(), *rest, **kwargs):
        sent.append(args)
        return real(self, func, args, *rest, **kwargs)

    monkeypatch.setattr(batch_workers._BatchPool, "apply_async", noted)
    for path in samples.iterdir():
        os.utime(path, (1_800_000_000, 1_800_000_000))
    result = run(samples, batch_size=2, workers=2)
    assert (result.loaded, result.skipped) == (0, 5)
    assert sent and not any(isinstance(arg, np.ndarray) for args in sent for arg in args)
    assert batch_workers._recorded_at_fork is None  # the run's process keeps no copy once the workers end
