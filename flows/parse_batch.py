"""Stage 'parse': hash, skip what is known, detect the layout, parse; every input gets an outcome."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterable

from flows.inputs import Input, InputProblem
from flows.parsers import HEAD_BYTES, claimants
from flows.parsers.model import StudyRecord


@dataclass
class FileOutcome:
    """One input file's fate in this run: loaded, rejected or skipped."""

    sha256: str
    path: str
    size: int
    mtime: datetime | None
    layout: str | None = None
    outcome: str = "rejected"
    nct_ids: list[str] = field(default_factory=list)


@dataclass
class Reject:
    """A `meta.rejects` row: never carries personal data."""

    sha256: str | None
    path: str
    stage: str
    reason: str
    detail: str = ""
    nct_id: str | None = None


@dataclass
class SourcedRecord:
    """A parsed study with the file it came from."""

    file: FileOutcome
    record: StudyRecord


@dataclass
class ParsedBatch:
    """What the parse stage hands to validation."""

    files: list[FileOutcome] = field(default_factory=list)
    records: list[SourcedRecord] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    # Problems of files that gave records (an unreadable header, an unknown label): not rejects.
    problems: list[Reject] = field(default_factory=list)


def _sniff_failure(data: bytes) -> tuple[str, str]:
    """Why no parser claimed these bytes, in words a user can act on."""
    head = data[:HEAD_BYTES]
    if not data.strip():
        return "empty file", f"{len(data)} bytes, no content"
    if b"\x00" in head:
        return "binary data", "contains NUL bytes: not a text, JSON or XML registry record"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        cut_at_head_end = len(data) > len(head) and exc.start >= len(head) - 3
        if not cut_at_head_end:  # a multi-byte character cut by the head's end is not an error
            return "undecodable text", f"not UTF-8: byte 0x{head[exc.start]:02x} at offset {exc.start}"
    return "unknown layout", "no parser recognises this file (tried: " + ", ".join(_layouts()) + ")"


def _layouts() -> list[str]:
    from flows.parsers import LAYOUT_IDS

    return list(LAYOUT_IDS)


def parse_input(item: Input, batch: ParsedBatch) -> None:
    """Parse one input into the batch: records on success, a reject row otherwise."""
    outcome = FileOutcome(item.sha256, item.path, item.size, item.mtime)
    batch.files.append(outcome)
    parsers = claimants(item.data[:HEAD_BYTES]) if item.data.strip() else []
    if len(parsers) != 1:
        reason, detail = _sniff_failure(item.data) if not parsers else (
            "ambiguous layout", "claimed by " + ", ".join(p.LAYOUT for p in parsers))
        batch.rejects.append(Reject(outcome.sha256, item.path, "detect", reason, detail))
        return
    parser = parsers[0]
    outcome.layout = parser.LAYOUT
    try:
        parsed = parser.parse(item.data)
    except Exception as exc:  # a parser bug must not lose the file: it becomes a reject
        batch.rejects.append(Reject(outcome.sha256, item.path, "parse", "parser error", type(exc).__name__))
        return
    found_in = batch.problems if parsed.records else batch.rejects
    for problem in parsed.problems:
        found_in.append(Reject(outcome.sha256, item.path, problem.stage, problem.reason,
                               problem.detail, problem.nct_id))
    for record in parsed.records:
        batch.records.append(SourcedRecord(outcome, record))
        outcome.nct_ids.append(record.nct_id)


def parse_inputs(items: Iterable[Input | InputProblem], known: set[str]) -> ParsedBatch:
    """Parse a batch of inputs; inputs whose sha256 is known are counted as skipped."""
    batch = ParsedBatch()
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, InputProblem):
            outcome = FileOutcome("", item.path, 0, None)
            batch.files.append(outcome)
            p = item.problem
            batch.rejects.append(Reject(None, item.path, p.stage, p.reason, p.detail))
            continue
        sha = item.sha256
        if sha in known or sha in seen:  # unchanged since a past run, or a copy of a file in this one
            batch.files.append(FileOutcome(sha, item.path, item.size, item.mtime, outcome="skipped"))
            continue
        seen[sha] = item.path
        parse_input(item, batch)
    return batch
