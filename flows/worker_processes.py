"""Where the run's worker processes start: from a small server process, not from the run's own.

A worker forked from the run's process starts with everything that process holds by then (the files found,
DuckDB's cache, the blocks of unchanged files), and keeps every page of it the run changes afterwards. At
600,000 studies, in the run after 1% of them changed, the two batch workers and the two text-rule workers
forked so held 990 MiB between them (proportional share), and the run 2,376 MiB. Forked instead from
multiprocessing's fork server, a process that has only imported what the workers use (flows/worker_preload.py),
every worker starts as small at any size of warehouse, and the run's process never imports the models and
pandera at all.

The server starts the first time a pool is made (about 1.3 s of one core, on the other one), and is stopped
with `stop_server` once the run has no more workers to start.
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.context

# What the fork server imports once, for every worker to inherit. "__main__" (the program that runs, such as the
# `trialqc` script) first: each worker would otherwise import it again, as multiprocessing does for a new process.
PRELOAD = ["__main__", "flows.worker_preload"]


def worker_context() -> multiprocessing.context.BaseContext:
    """The context the run's pools are made in: the fork server, where the platform has one; else fork."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def stop_server() -> None:
    """Stop the fork server, if it runs (it holds the workers' imports): a later pool starts it again."""
    from multiprocessing import forkserver

    stop = getattr(forkserver._forkserver, "_stop", None)  # not public: without it, it ends with the process
    if stop is not None:
        stop()
