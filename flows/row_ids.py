"""AACT's row ids: each study table's `id`, and the ids by which a link table names its arm and intervention.

A row's id is its study's NCT number * ROW_ID_STRIDE + the row's rank among the study's rows of the table
(1 for the first, in the record's order). The same record gives the same ids in any file order, batch or run,
and two studies' ids never meet. Set once a batch is validated, a whole column at a time.

A link names the row it links by name (an arm's title, an intervention's name). An API v2 or XML record says
which intervention a link or other name belongs to: the parser gives that intervention's position among the
record's interventions (0 for the first) as intervention_id, made here into the intervention's id, as two
interventions of a study may share a name. Otherwise the name tells: the first row of the study of that exact
name, else the first whose name matches without regard to case and surrounding spaces (as the protocol rules
read links). A link whose name matches no row keeps a NULL id and is a load problem of its file.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from flows.parse_batch import Reject
from flows.validated import ValidatedBatch
from warehouse.tables import ID_TABLES, LINK_IDS, ROW_ID_STRIDE

# meta.load_problems reasons of a link whose name matches no row, by the table it names.
UNLINKED = {"design_groups": "link names no arm", "interventions": "link names no intervention"}


def ranks_in_record(positions: np.ndarray) -> np.ndarray:
    """Each row's rank among the rows of its record (1 for the first), rows in record order."""
    count = len(positions)
    if not count:
        return np.zeros(0, dtype=np.int64)
    order = None
    if (positions[1:] < positions[:-1]).any():  # validation keeps record order; a stable sort if not
        order = np.argsort(positions, kind="stable")
        positions = positions[order]
    starts = np.flatnonzero(np.concatenate(([True], positions[1:] != positions[:-1])))
    ranks = np.arange(1, count + 1, dtype=np.int64) - np.repeat(starts, np.diff(np.append(starts, count)))
    if order is not None:
        ranks[order] = ranks.copy()
    return ranks


def _ints(values: np.ndarray, missing: np.ndarray | None = None) -> pd.arrays.IntegerArray:
    """int64 values as the models' Int64 column (NULL where `missing`)."""
    return pd.arrays.IntegerArray(values, np.zeros(len(values), dtype=bool) if missing is None else missing)


def _nct_numbers(validated: ValidatedBatch) -> np.ndarray:
    """The NCT number of each accepted record, by record position, read from its `studies` row's validated
    NCT id (NCT + 8 digits) all at once."""
    numbers = np.zeros(len(validated.records), dtype=np.int64)
    studies = validated.frames.get("studies")
    if studies is not None and len(studies):
        digits = pc.utf8_slice_codeunits(pa.array(studies["nct_id"].array, type=pa.large_string()), 3)
        numbers[studies.index.to_numpy(dtype=np.int64)] = pc.cast(digits, pa.int64()).to_numpy()
    return numbers


def number(validated: ValidatedBatch) -> list[Reject]:
    """Set `id` of every table that has one and the link tables' ids of what they name.

    A study with ROW_ID_STRIDE rows or more in one table cannot be numbered: it is rejected (taken out of the
    batch), and so returned."""
    frames, numbers = validated.frames, _nct_numbers(validated)
    too_many: dict[int, str] = {}
    for table in ID_TABLES:
        frame = frames.get(table)
        if frame is None:
            continue
        positions = frame.index.to_numpy(dtype=np.int64)
        ranks = ranks_in_record(positions)
        if len(ranks) and ranks.max() >= ROW_ID_STRIDE:
            for pos in np.unique(positions[ranks >= ROW_ID_STRIDE]).tolist():
                too_many.setdefault(pos, table)
        frames[table] = frame.assign(id=_ints(numbers[positions] * ROW_ID_STRIDE + ranks))
    rejects = _refuse(validated, too_many) if too_many else []
    frames = validated.frames
    for table, links in LINK_IDS.items():
        frame = frames.get(table)
        if frame is None:
            continue
        found = {column: _link_ids(frame, column, name, frames.get(target), target_name, numbers)
                 for column, name, target, target_name in links}
        frames[table] = frame.assign(**found)
    return rejects


def _link_ids(links: pd.DataFrame, column: str, name: str, target: pd.DataFrame | None, target_name: str,
              numbers: np.ndarray) -> pd.arrays.IntegerArray:
    """The ids of the rows of `target` the links name: by the position a parser gave in `column`, else by
    `name` (exact, then without regard to case and surrounding spaces); NULL where none is found."""
    positions = links.index.to_numpy(dtype=np.int64)
    ids = np.zeros(len(links), dtype=np.int64)
    open_ = np.ones(len(links), dtype=bool)
    if target is None or target.empty:
        return _ints(ids, open_)
    target_ids = target["id"].to_numpy(dtype=np.int64)
    given = links[column]
    at = ~given.isna().to_numpy()
    if at.any():
        candidate = numbers[positions[at]] * ROW_ID_STRIDE + given[at].to_numpy(dtype=np.int64) + 1
        exists = np.isin(candidate, target_ids)
        ids[np.flatnonzero(at)[exists]] = candidate[exists]
        open_[np.flatnonzero(at)[exists]] = False
    if open_.any():
        keys = pd.DataFrame({"pos": target.index.to_numpy(), "name": target[target_name].array, "id": target_ids})
        keys = keys[keys["name"].notna()]
        wanted = pd.DataFrame({"pos": positions[open_], "name": links[name].array[open_]})
        for key in (lambda names: names, _loose):
            exact = keys.assign(name=key(keys["name"])).drop_duplicates(["pos", "name"])
            match = wanted.assign(name=key(wanted["name"])).merge(exact, how="left", on=["pos", "name"])["id"]
            hit = match.notna().to_numpy()
            rows = np.flatnonzero(open_)[hit]
            ids[rows] = match[hit].to_numpy(dtype=np.int64)
            open_[rows] = False
            wanted = wanted[~hit]
            if not open_.any():
                break
    return _ints(ids, open_)


def _loose(names: pd.Series) -> pd.Series:
    """A name as links match it at last: without regard to case and surrounding spaces (SQL lower(trim(x)))."""
    return names.str.strip(" ").str.lower()


def _refuse(validated: ValidatedBatch, too_many: dict[int, str]) -> list[Reject]:
    """Take the studies out of the batch (its accepted records, rows and refused cells); their rejects."""
    validated.accepted = [pos for pos in validated.accepted if pos not in too_many]
    validated.frames = {table: frame[~frame.index.isin(list(too_many))] for table, frame in validated.frames.items()}
    validated.raw_values = [value for value in validated.raw_values if value.position not in too_many]
    rejects = []
    for pos, table in sorted(too_many.items()):
        sourced = validated.records[pos]
        rejects.append(Reject(sourced.file.sha256, sourced.file.path, "load", "too many rows to number",
                              f"{table} has {ROW_ID_STRIDE:,} rows or more, more than a study's row ids can tell apart",
                              sourced.record.nct_id))
    return rejects


def unlinked(validated: ValidatedBatch, positions: list[int]) -> list[Reject]:
    """A load problem for each name, in links of the records at `positions`, that matches no row it could name
    (once per record and name, however many links give it)."""
    keep = set(positions)
    problems, seen = [], set()
    for table, links in LINK_IDS.items():
        frame = validated.frames.get(table)
        if frame is None or frame.empty:
            continue
        for column, name, target, target_name in links:
            missing = frame[column].isna().to_numpy()
            if not missing.any():
                continue
            for pos, value in zip(frame.index.to_numpy()[missing].tolist(), frame[name][missing].tolist()):
                named = "no name" if value is None or value is pd.NA or value != value else repr(value)
                if pos not in keep or (pos, table, name, named) in seen:
                    continue
                seen.add((pos, table, name, named))
                sourced = validated.records[pos]
                problems.append(Reject(sourced.file.sha256, sourced.file.path, "load", UNLINKED[target],
                                       f"{table}.{name} {named} is the {target_name} of no {target} row "
                                       f"({table}.{column} is NULL)", sourced.record.nct_id))
    return problems
