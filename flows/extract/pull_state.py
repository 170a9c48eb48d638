"""The state of a pull in progress, kept beside the landing folder so an interrupted pull resumes.

One JSON file per search under `<landing>/.pulls/` (hidden: the load stage never reads it). It is
rewritten after each landed page, so a pull killed at any point resumes from the last landed page:
the page in flight is asked again and lands under the same file name, never twice.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

STATE_DIR = ".pulls"


@dataclass
class PullState:
    """Where a pull is: its folder, its query, the next page token and the counts so far."""

    pull_id: str
    search_key: str
    mode: str  # incremental, full, bulk or id_list
    folder: str  # relative to the landing folder, e.g. 20261130T164512.123456Z_condition-lupus
    params: dict[str, str]
    since: str | None = None
    data_timestamp: str | None = None
    started_at: str = ""
    total_count: int | None = None
    next_page_token: str | None = None
    pages: int = 0
    studies: int = 0
    extra: dict = field(default_factory=dict)


def pull_folder_name(slug: str, now: datetime | None = None) -> str:
    """`<UTC timestamp>_<slug>`: folders of successive pulls sort in the order they were taken."""
    now = now or datetime.now(timezone.utc)
    return f"{now.strftime('%Y%m%dT%H%M%S.%f')}Z_{slug}"


def state_path(landing: Path, slug: str) -> Path:
    """The state file of the pull of one search."""
    return landing / STATE_DIR / f"{slug}.json"


def load_state(landing: Path, slug: str) -> PullState | None:
    """The unfinished pull of this search, or None."""
    path = state_path(landing, slug)
    if not path.exists():
        return None
    return PullState(**json.loads(path.read_text()))


def save_state(landing: Path, slug: str, state: PullState) -> None:
    """Write the state atomically (a kill never leaves half a file)."""
    write_atomically(state_path(landing, slug), json.dumps(asdict(state), indent=1).encode())


def drop_state(landing: Path, slug: str) -> None:
    """Forget the pull of this search: it finished (complete or not resumable)."""
    state_path(landing, slug).unlink(missing_ok=True)


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to a hidden temporary file beside `path`, then rename it into place (or leave nothing)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:  # a full disk or Ctrl-C mid-write leaves no half file behind
        temporary.unlink(missing_ok=True)
        raise
