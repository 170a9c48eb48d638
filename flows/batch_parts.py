"""A batch cut into parts for several workers to prepare at once, and the prepared parts merged back into the batch
as one worker would have prepared it whole."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from flows.inputs import Item, UnchangedFiles
from flows.prepared_batch import Prepared
from warehouse import load


# A batch is prepared in parts, one per worker, only when each part has at least this many files to parse:
# a part costs a worker ~0.1 s however small (validation's fixed cost), which a few files do not repay.
SPREAD_MIN_FILES = 64


def to_read(item: Item) -> bool:
    """Whether the item is a file to read and parse, not a block of files recorded unchanged."""
    return not isinstance(item, UnchangedFiles)


def spread(items: list[Item], parts: int, least: int | None = None) -> list[list[Item]]:
    """The batch cut into up to `parts` consecutive parts with as many files to read each, each at least
    `least` of them (blocks of unchanged files go with the files before them, leading ones with the first
    part; default SPREAD_MIN_FILES); in order, nothing left out. A batch too small to cut is its only part."""
    least = SPREAD_MIN_FILES if least is None else least
    files = sum(map(to_read, items))
    parts = min(parts, files // max(least, 1))
    if parts < 2:
        return [items]
    share = -(-files // parts)
    cut, current, counted = [], [], 0
    for item in items:
        if to_read(item) and counted == share:
            cut.append(current)
            current, counted = [], 0
        current.append(item)
        counted += to_read(item)
    cut.append(current)
    return cut


def _concat(tables: list[pa.Table]) -> pa.Table:
    """Tables of the same columns as one (a column all null in one part takes the others' type)."""
    return tables[0] if len(tables) == 1 else pa.concat_tables(tables, promote_options="default")


def _concat_frames(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Frames of the same columns as one; empty ones (their columns untyped) left out."""
    filled = [frame for frame in frames if not frame.empty]
    if not filled:
        return frames[0]
    return filled[0] if len(filled) == 1 else pd.concat(filled, ignore_index=True)


def _last_position(batch: load.LoadBatch) -> int:
    """The greatest record position a batch uses (-1: none)."""
    found = [int(batch.versions["position"].max()) if not batch.versions.empty else -1]
    found += [int(at.max()) for at in batch.positions.values() if len(at)]
    return max(found)


def merged(parts: list[Prepared]) -> Prepared:
    """One prepared batch of the parts of a batch (`spread`), as the whole batch prepared at once gives it:
    every table's rows in file order, the records of each part numbered on from those of the parts before.
    The caller makes sure no part repeats a file of another (`repeats_across`)."""
    if len(parts) == 1:
        return parts[0]
    batches, offset = [], 0
    names, meta_names = {}, {}
    for part in parts:
        batch = part.batch
        if offset:
            batch.versions = batch.versions.assign(position=batch.versions["position"] + offset)
            batch.positions = {table: at + offset for table, at in batch.positions.items()}
        offset = max(offset, _last_position(batch) + 1)
        batches.append(batch)
        names.update(dict.fromkeys(batch.frames))
        meta_names.update(dict.fromkeys(batch.meta_rows))
    frames, positions = {}, {}
    for name in names:
        having = [b for b in batches if name in b.frames]
        frames[name] = _concat([b.frames[name] for b in having])
        if all(name in b.positions for b in having):
            positions[name] = np.concatenate([b.positions[name] for b in having])
    skipped = [b.skipped for b in batches if b.skipped is not None]
    batch = load.LoadBatch(
        batches[0].run_id, _concat_frames([b.files for b in batches]), _concat_frames([b.versions for b in batches]),
        frames, _concat([b.rejects for b in batches]),
        meta_rows={name: _concat([b.meta_rows[name] for b in batches if name in b.meta_rows]) for name in meta_names},
        skipped=_concat(skipped) if skipped else None, positions=positions)
    seconds: dict[str, float] = {}
    for part in parts:
        for stage, spent in part.seconds.items():
            seconds[stage] = seconds.get(stage, 0.0) + spent
    return Prepared(batch, seconds, [sha for part in parts for sha in part.shas],
                    set().union(*(part.known for part in parts)))


def repeats_across(parts: list[Prepared]) -> bool:
    """Whether a file of one part is a copy of one of another: prepared whole, the later one is known."""
    seen: set[str] = set()
    for part in parts:
        shas = set(part.shas)
        if shas & seen:
            return True
        seen |= shas
    return False
