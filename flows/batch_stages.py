"""A batch prepared in one process, a worker or the run's own: its deferred files read and hashed, then
parse -> validate -> assemble into the tables the warehouse loads."""
from __future__ import annotations

import numpy as np

from flows import assemble, parse_batch
from flows.inputs import Input, Item, read_items
from flows.prepared_batch import Prepared
from flows.timing import timed
from flows.validated import ValidatedBatch
from warehouse import load


def prepare_read(run_id: str, items: list[Item], known: set[str], recorded: np.ndarray | None) -> Prepared:
    """A worker's whole unit of work: read the batch's deferred files, then `prepare_batch`; a file whose
    hash begins as one `recorded` does is taken as known too (`settle` checks that guess before loading)."""
    seconds: dict[str, float] = {}
    with timed(seconds, "read_files"):
        items = read_items(items)
        if recorded is not None and len(recorded):
            known = known | _recorded_like(items, recorded)
    prepared = prepare_batch(run_id, items, known, handed_over=True)
    prepared.seconds.update(seconds)
    return prepared


def _recorded_like(items: list[Item], recorded: np.ndarray) -> set[str]:
    """The read inputs' hashes whose first 64 bits are among `recorded` (sorted)."""
    shas = [i.sha256 for i in items if isinstance(i, Input)]
    prefixes = np.array([int(sha[:16], 16) for sha in shas], dtype=np.uint64)
    at = np.minimum(np.searchsorted(recorded, prefixes), len(recorded) - 1)
    return {sha for sha, hit in zip(shas, recorded[at] == prefixes) if hit}


def prepare_batch(run_id: str, items: list[Item], known: set[str], handed_over: bool = False) -> Prepared:
    """parse -> validate -> assemble of one batch of read items in this process. `handed_over`: the list is
    this call's to empty, so each file's bytes are freed once it is parsed (a 2,000-file batch of API v2
    JSON holds 41 MiB of them)."""
    seconds: dict[str, float] = {}
    shas = [i.sha256 for i in items if isinstance(i, Input)]
    # No cycle collection until the batch is made: each young collection while it is validated and
    # assembled would walk every parsed row still held (~8% of a worker's time on API v2 JSON). The
    # rows are freed by reference counting once the batch is made; so is nearly everything else.
    with parse_batch.rows_without_cycle_collection():
        with timed(seconds, "parse"):
            parsed = parse_batch.parse_inputs(parse_batch.handed_over(items) if handed_over else items, known)
        with timed(seconds, "validate"):
            validated = validate_records(parsed)
        with timed(seconds, "assemble"):
            # Arrow tables: the process that loads them inserts them as they come, converting nothing
            batch = load.in_arrow(assemble.assemble(run_id, parsed, validated))
        del parsed, validated  # freed now, not walked by the first collection once it is on again
    return Prepared(batch, seconds, shas, {sha for sha in shas if sha in known})


def validate_records(parsed: parse_batch.ParsedBatch) -> ValidatedBatch:
    """Stage 'validate'; a batch with no records (all skipped or rejected) needs no schema pass, and no
    tables: a run that parses nothing (every file unchanged) never imports pandera and the models."""
    if parsed.records:
        from flows import validate  # in a worker, imported by the fork server (flows/worker_preload.py)

        return validate.validate_batch(parsed)
    return ValidatedBatch([], {})
