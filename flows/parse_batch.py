"""Stage 'parse': skip what is known, detect the layout, parse (in worker processes when given a pool)."""
from __future__ import annotations

import codecs
import gc
import re
import signal
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterable, Iterator

from flows.archives import GZIP_MAGIC, ZIP_MAGIC, GzipRefused, gunzip
from flows.inputs import Input, InputProblem, Item, UnchangedFiles
from flows.other_downloads import other_download
from flows.parsers import HEAD_BYTES, claimants
from flows.parsers.model import StudyRecord


@dataclass
class FileOutcome:
    """One input file's fate in this run; flows.assemble.decide_outcome says loaded, rejected or skipped."""

    sha256: str
    path: str
    size: int
    mtime: datetime | None
    layout: str | None = None
    outcome: str = "rejected"
    nct_ids: list[str] = field(default_factory=list)
    known: bool = False  # unchanged since a past run, or a copy of a file earlier in this one


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
    # Files recorded unchanged by an earlier run: not read, so nothing to parse.
    unchanged: list[UnchangedFiles] = field(default_factory=list)


def _sniff_failure(data: bytes) -> tuple[str, str]:
    """Why no parser claimed these bytes, in words a user can act on."""
    head = data[:HEAD_BYTES]
    if not data.strip():
        return "empty file", f"{len(data)} bytes, no content"
    packed = _packed(data)
    if packed is not None:
        return packed
    if b"\x00" in head:
        return "binary data", "contains NUL bytes: not a text, JSON or XML registry record"
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        cut_at_head_end = len(data) > len(head) and exc.start >= len(head) - 3
        if not cut_at_head_end:  # a multi-byte character cut by the head's end is not an error
            return "undecodable text", f"not UTF-8: byte 0x{head[exc.start]:02x} at offset {exc.start}"
    if _CLASSIC_API.search(head):
        return "classic API (v1) response", ("ClinicalTrials.gov's retired classic API (v1: FullStudiesResponse, "
                                             "PascalCase ProtocolSection) is not read; download the study again "
                                             "from API v2 (protocolSection), which ctgov_json_v2 reads")
    if _HTML.match(head):
        return "HTML page", ("a web page's markup is not read (a ClinicalTrials.gov Archive or study page saved as "
                             "HTML): fetch the record as API v2 JSON or legacy XML (trialqc pull), or save a "
                             "republished page as text")
    if (download := other_download(head)) is not None:  # the registry's CSV, TSV, RIS or FHIR JSON
        return download
    return "unknown layout", "no parser recognises this file (tried: " + ", ".join(_layouts()) + ")"


# What a response of the retired classic API (v1) opens with: its envelopes, or a study's PascalCase sections.
_CLASSIC_API = re.compile(rb'"(?:FullStudiesResponse|StudyFieldsResponse|ProtocolSection|FullStudies)"\s*:')
# A web page: its doctype or <html> first, after any byte-order mark, spaces and comments.
_HTML = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)


# Compressed files other than .zip and .gz, told by their first bytes (bzip2's by its first block's magic too).
_COMPRESSED = ((b"\xfd7zXZ\x00", "xz"), (b"\x28\xb5\x2f\xfd", "zstd"), (b"7z\xbc\xaf\x27\x1c", "7z"),
               (b"Rar!\x1a\x07", "rar"))
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")


def _packed(data: bytes) -> tuple[str, str] | None:
    """Why an archive or compressed file that trialqc does not open was not read, or None."""
    name = next((name for magic, name in _COMPRESSED if data.startswith(magic)), None)
    if name is None and _BZIP2.match(data):
        name = "bzip2"
    if name is not None:
        return "compressed file", f"{name} data is not read: decompress it, or give it as .zip or .gz"
    if data[257:262] == b"ustar":
        return "tar archive", "a tar archive is not read: unpack it into the source folder, or give it as a .zip"
    if data.startswith(ZIP_MAGIC):
        return "zip archive not named .zip", "a zip archive is read only under a name ending .zip: rename it"
    if data.startswith(b"%PDF-"):
        return "PDF document", "a PDF is not a registry record: give the study as API v2 JSON, legacy XML or a page"
    return None


def _layouts() -> list[str]:
    from flows.parsers import LAYOUT_IDS

    return list(LAYOUT_IDS)


# UTF-32's before UTF-16's: the little-endian UTF-32 mark begins with UTF-16's.
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_XML_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])[^"']+""")


def as_utf8(data: bytes) -> bytes:
    """The bytes as UTF-8 for the parsers: text with a byte-order mark (UTF-16 or UTF-32), or UTF-16 without one,
    is transcoded."""
    codec = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    head = data[:200]
    if codec is None and len(head) >= 8 and head.count(0) * 3 >= len(head):
        zeros_odd = head[1::2].count(0) > head[0::2].count(0)
        codec = "utf-16-le" if zeros_odd else "utf-16-be"
    if codec is None:
        return data
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return data  # not text after all: detection says why
    if any(ord(c) < 32 and c not in "\t\n\r" for c in text[:200]):
        return data
    return _XML_ENCODING.sub(r"\g<1>UTF-8", text, count=1).encode("utf-8")


def parse_input(item: Input, batch: ParsedBatch) -> None:
    """Parse one input into the batch: records on success, a reject row otherwise."""
    outcome = FileOutcome(item.sha256, item.path, item.size, item.mtime)
    batch.files.append(outcome)
    data = item.data
    if data[:2] == GZIP_MAGIC:  # a record gzip-compressed (.json.gz): read as its decompressed bytes
        try:
            data = gunzip(data)
        except GzipRefused as refused:
            batch.rejects.append(Reject(outcome.sha256, item.path, "read", "gzip file refused", str(refused)))
            return
        if data[:2] == GZIP_MAGIC or data.startswith(ZIP_MAGIC):
            batch.rejects.append(Reject(outcome.sha256, item.path, "read", "archive inside a gzip file",
                                        "a .gz holding another .gz or a .zip is not read: decompress it first"))
            return
    data = as_utf8(data)
    parsers = claimants(data[:HEAD_BYTES]) if data and not data.isspace() else []
    if len(parsers) != 1:
        reason, detail = _sniff_failure(data) if not parsers else (
            "ambiguous layout", "claimed by " + ", ".join(p.LAYOUT for p in parsers))
        batch.rejects.append(Reject(outcome.sha256, item.path, "detect", reason, detail))
        return
    parser = parsers[0]
    outcome.layout = parser.LAYOUT
    try:
        parsed = parser.parse(data)
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
    if parsed.records and (named := named_study(item.path)) and named not in outcome.nct_ids:
        batch.problems.append(Reject(outcome.sha256, item.path, "parse", NAMED_OTHERWISE,
                                     f"the file name says {named}; it holds {', '.join(outcome.nct_ids[:3])}"
                                     + (" and more" if len(outcome.nct_ids) > 3 else ""), outcome.nct_ids[0]))


# A file named after a study ("NCT02278341.json", "NCT00077454_20050623.xml") that holds another: a download or a
# renaming went wrong, and the study the name promises is not in the warehouse from it. The record inside loads.
NAMED_OTHERWISE = "file named after another study"
_NAMED = re.compile(r"(NCT\d{8})(?![0-9])", re.I)


def named_study(path: str) -> str | None:
    """The NCT number a file's name starts with, or None."""
    found = _NAMED.match(re.split(r"[/\\!]", path)[-1])  # a zip's member is named after the archive's "!"
    return found.group(1).upper() if found else None


@contextmanager
def rows_without_cycle_collection() -> Iterator[None]:
    """While parsing, the cycle collector is off: parsed rows are trees that reference counting frees,
    and a collection would only walk every row held so far, again and again (a tenth of parse time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_chunk(items: list[Input]) -> ParsedBatch:
    """Parse a list of inputs (the unit of work a worker process receives)."""
    batch = ParsedBatch()
    with rows_without_cycle_collection():
        for item in items:
            parse_input(item, batch)
    return batch


def ignore_interrupts() -> None:
    """Worker initializer: Ctrl-C and SIGTERM (a stop sent to the run's whole process group, as a terminal and
    systemd send it) are the run's process's to handle, which ends its workers' pools: a worker never prints a
    traceback, and never dies holding its pool's lock (flows.worker_processes.WorkerPool)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})  # blocked as it started
    _end_with_parent()


def _end_with_parent() -> None:
    """Have Linux kill this worker when the process that started it ends (the run's process, or the fork server,
    which ends with it): a worker that ignores SIGTERM would outlive a run killed outright."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: a worker still ends when its pool does


# Inputs a worker parses per task: large enough that pickling overhead stays small.
CHUNK = 64


def parse_inputs(items: Iterable[Item], known: set[str], pool: Executor | None = None) -> ParsedBatch:
    """Parse a batch of inputs in order; known sha256s and copies within the batch are marked known.

    Parsed here (no pool), each chunk of inputs is let go once parsed: given the items `handed_over`, a
    file's bytes are freed as the batch goes on, not held until it is validated and assembled."""
    batch, todo, seen = ParsedBatch(), [], set()
    for item in items:
        if isinstance(item, UnchangedFiles):
            batch.unchanged.append(item)
        elif isinstance(item, InputProblem):
            batch.files.append(FileOutcome("", item.path, 0, None))
            p = item.problem
            batch.rejects.append(Reject(None, item.path, p.stage, p.reason, p.detail))
        elif item.sha256 in known or item.sha256 in seen:
            batch.files.append(FileOutcome(item.sha256, item.path, item.size, item.mtime, known=True))
        else:
            seen.add(item.sha256)
            batch.files.append(FileOutcome(item.sha256, item.path, item.size, item.mtime))
            todo.append((len(batch.files) - 1, item))
    positions = [[pos for pos, _ in todo[i:i + CHUNK]] for i in range(0, len(todo), CHUNK)]
    chunks = [[item for _, item in todo[i:i + CHUNK]] for i in range(0, len(todo), CHUNK)]
    del todo
    with rows_without_cycle_collection():  # also while workers' results are unpickled here
        if pool is not None and len(chunks) > 1:
            parsed_chunks = pool.map(parse_chunk, chunks)
        else:
            parsed_chunks = map(parse_chunk, handed_over(chunks))
        for at, parsed in zip(positions, parsed_chunks):
            _merge(batch, at, parsed)
    return batch


def handed_over(items: list) -> Iterator:
    """The list's items one by one, each slot emptied as its item is given: the list no longer keeps what
    its consumer has done with."""
    for i in range(len(items)):
        item, items[i] = items[i], None
        yield item


def _merge(batch: ParsedBatch, positions: list[int], parsed: ParsedBatch) -> None:
    """Put a worker's results back in input order: its file outcomes replace the placeholders."""
    for pos, outcome in zip(positions, parsed.files):
        batch.files[pos] = outcome
    batch.records += parsed.records
    batch.rejects += parsed.rejects
    batch.problems += parsed.problems
