"""The registry's bulk download (ctg-studies.json.zip, one JSON file per study): streamed to disk,
resumed with HTTP Range where the server allows it, verified, then handed to the load stage."""
from __future__ import annotations

import os
import re
import uuid
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import httpx

from flows.errors import TrialQCError
from flows.extract import pull_records
from flows.extract.api_pull import Progress
from flows.extract.pull_state import PullState, drop_state, load_state, pull_folder_name, save_state
from flows.extract.registry_client import Politeness
from flows.inputs import passed_over
from flows.publish import writer_connection

BULK_FILE = "ctg-studies.json.zip"
BULK_KEY = "bulk"


class BulkInterrupted(TrialQCError):
    """The download stopped short past its attempts; the next pull resumes it."""


@dataclass(frozen=True)
class BulkOutcome:
    """A bulk pull: the verified zip (None when not), its entry count, and why it is not usable."""

    pull_id: str
    path: Path | None
    entries: int | None
    reason: str | None
    resumable: bool

    @property
    def complete(self) -> bool:
        """True when the zip arrived whole (its entries are reconciled with the studies after the load)."""
        return self.reason is None


def _send(client: httpx.Client, url: str, part: Path, progress: Progress) -> None:
    """One request for the rest of the file: append on 206 from our offset, start over on 200."""
    offset = part.stat().st_size if part.exists() else 0
    headers = {"Range": f"bytes={offset}-"} if offset else {}
    with client.stream("GET", url, headers=headers) as response:
        if response.status_code == 416 and offset:  # nothing left to send: the file is whole
            return
        if response.status_code not in (200, 206):
            raise BulkInterrupted(f"HTTP {response.status_code} for {url}")
        resumed = response.status_code == 206 and _range_start(response) == offset
        progress.start(_total_size(response, offset if resumed else 0), offset if resumed else 0)
        with open(part, "ab" if resumed else "wb") as out:
            for chunk in response.iter_bytes():
                out.write(chunk)
                progress.advance(len(chunk))


def _range_start(response: httpx.Response) -> int | None:
    match = re.match(r"bytes (\d+)-", response.headers.get("Content-Range", ""))
    return int(match.group(1)) if match else None


def _total_size(response: httpx.Response, offset: int) -> int | None:
    total = re.search(r"/(\d+)$", response.headers.get("Content-Range", ""))
    if total:
        return int(total.group(1))
    length = response.headers.get("Content-Length")
    return offset + int(length) if length and length.isascii() and length.isdigit() else None


def download(client: httpx.Client, url: str, part: Path, politeness: Politeness, progress: Progress) -> None:
    """Stream `url` into `part`, resuming a cut transfer with Range; at most `politeness.attempts` tries."""
    part.parent.mkdir(parents=True, exist_ok=True)
    for attempt in range(1, max(politeness.attempts, 1) + 1):
        try:
            return _send(client, url, part, progress)
        except httpx.RequestError as error:  # a dropped connection, a timeout, a redirect loop
            failure = f"{type(error).__name__}: {error}"
            wait = politeness.wait_before_retry(attempt, None)
            if attempt < politeness.attempts and wait > 0:
                politeness.sleep(wait)
    size = part.stat().st_size if part.exists() else 0
    raise BulkInterrupted(f"download cut at {size} bytes ({failure}); the next pull resumes from there")


def verify_zip(path: Path) -> tuple[int | None, str | None]:
    """(number of files the loader reads, None) when every member's CRC checks out, else (None, why not).

    Folders, hidden files and descriptive files (a README, macOS's __MACOSX copies) are not counted:
    the loader passes over them, so the gate after the load would never close."""
    try:
        with zipfile.ZipFile(path) as archive:
            broken = archive.testzip()
            if broken is not None:
                return None, f"zip member {broken} is corrupt"
            return sum(1 for info in archive.infolist() if not info.is_dir() and not passed_over(info.filename)), None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as error:
        return None, f"not a whole zip ({type(error).__name__}: {error})"


def _bulk_state(landing: Path, db: Path) -> PullState:
    state = load_state(landing, BULK_KEY)
    if state is None:
        state = PullState(pull_id=uuid.uuid4().hex, search_key=BULK_KEY, mode="bulk",
                          folder=pull_folder_name(BULK_KEY), params={}, started_at=datetime.now().isoformat(),
                          extra={"slug": BULK_KEY})
        save_state(landing, BULK_KEY, state)
        with writer_connection(db) as con:
            pull_records.record_pull(con, state, str(landing / state.folder), "running", finished=False)
    return state


def pull_bulk(*, url: str, landing: Path, db: Path, client: httpx.Client, politeness: Politeness,
              progress: Progress) -> BulkOutcome:
    """Download and verify the bulk zip into `<landing>/<timestamp>_bulk/`; record it."""
    state = _bulk_state(landing, db)
    folder = landing / state.folder
    part, target = folder / f".{BULK_FILE}.part", folder / BULK_FILE
    entries, reason, resumable = None, None, False
    try:
        download(client, url, part, politeness, progress)
        entries, reason = verify_zip(part)
    except BulkInterrupted as error:
        reason, resumable = str(error), True
    except OSError as error:  # the disk filled up or the folder is not writable: what arrived is kept
        reason = f"could not write {part} at {_size(part)} bytes ({error.strerror or error}); the next pull resumes"
        resumable = True
    except KeyboardInterrupt:  # recorded, and the state kept: the next --bulk pull resumes with Range
        _record(db, state, target, f"stopped by Ctrl-C at {_size(part)} bytes; the next pull resumes from there")
        raise
    if entries is not None:
        os.replace(part, target)
    elif not resumable:
        part.unlink(missing_ok=True)  # a transfer that ended "whole" but is no zip cannot be resumed
    state.total_count = entries
    _record(db, state, target, reason)
    if not resumable:
        drop_state(landing, BULK_KEY)
    return BulkOutcome(state.pull_id, target if entries is not None else None, entries, reason, resumable)


def _size(part: Path) -> int:
    return part.stat().st_size if part.exists() else 0


def _record(db: Path, state: PullState, target: Path, reason: str | None) -> None:
    """Record the bulk pull: downloaded (its gate closes after the load) or incomplete with the reason."""
    with writer_connection(db) as con:
        pull_records.record_pull(con, state, str(target.resolve()), "downloaded" if reason is None else "incomplete",
                                 reason)
