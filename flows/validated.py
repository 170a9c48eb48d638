"""What validation gives a batch: its valid rows per table, its rejected studies and refused cells.

Apart from flows.validate, so that what only handles a validated batch (assembling it, a batch with
nothing to validate) does not import pandera: a run that parses nothing never needs it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from flows.parse_batch import Reject, SourcedRecord


@dataclass
class RawValue:
    """A refused cell: the record position, where it was, what the source gave and what was expected."""

    position: int
    table: str
    column: str
    raw: str | None
    expected: str


@dataclass
class ValidatedBatch:
    """Valid rows per table (index = position of their record in `records`), and the rest rejected."""

    records: list[SourcedRecord]
    frames: dict[str, pd.DataFrame]
    accepted: list[int] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    raw_values: list[RawValue] = field(default_factory=list)
