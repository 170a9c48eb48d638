"""One frozen settings object; the only reader of environment variables."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_API_URL = "https://clinicaltrials.gov/api/v2"

# Offline by default: no analytics, no telemetry, a start-up timeout for a fresh machine.
PREFECT_DEFAULTS = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",
    # A fresh Prefect database takes ~17 s to create on a small machine.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_HOME": str(PROJECT_ROOT / ".prefect"),
    "GX_ANALYTICS_ENABLED": "false",
}


def apply_offline_defaults() -> None:
    """Set the offline Prefect/GX defaults unless the user set them already (before importing prefect)."""
    for name, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(name, value)


@dataclass(frozen=True)
class Settings:
    """Where trialqc reads from and writes to, and how big its batches are."""

    source: Path
    db_path: Path
    # Where reports are written (TRIALQC_REPORTS); None: the `reports` folder beside the warehouse (reports_for).
    reports_dir: Path | None
    batch_size: int
    # How many business days (the registry posts on weekdays) a copy of a record may age before
    # the freshness rules ask for a refresh.
    freshness_business_days: int = 10
    # Where a Prefect server runs. Unset: `trialqc run` runs the stages without Prefect (no server start-up).
    prefect_api_url: str | None = None
    # How long `trialqc run --prefect` waits for its temporary Prefect server to answer.
    prefect_start_timeout: float = 120.0
    # Extract stage: where pulled pages land, which registry API, how politely it is asked.
    landing_dir: Path = PROJECT_ROOT / "data" / "landing"
    api_url: str = DEFAULT_API_URL
    bulk_url: str | None = None
    api_min_interval: float = 1.0
    api_backoff: float = 2.0
    # Seconds a pull waits for the registry to send anything (a stalled answer is retried, then the pull stops
    # incomplete and resumable).
    api_timeout: float = 60.0
    # Whether a report validates the warehouse for its Great Expectations Data Docs (TRIALQC_DATA_DOCS): a child
    # that loads Great Expectations, seconds of CPU a run. Off, the report's Data Docs page says they were left out.
    data_docs: bool = True

    def resolve(self, source: str | Path | None, db: str | Path | None) -> tuple[Path, Path]:
        """The source and warehouse paths of a run (arguments over settings); a missing source is a UsageError."""
        from flows.errors import UsageError

        source_path = Path(source) if source else self.source
        if not source_path.exists():
            raise UsageError(f"source {source_path} does not exist")
        return source_path, Path(db) if db else self.db_path

    def reports_for(self, db_path: Path | None = None) -> Path:
        """The folder a warehouse's reports are written to: TRIALQC_REPORTS, or the `reports` folder beside the
        warehouse (warehouse/reports for the default one), so that two warehouses' reports never overwrite each
        other."""
        if self.reports_dir is not None:
            return self.reports_dir
        return Path(db_path or self.db_path).resolve().parent / "reports"

    @classmethod
    def from_env(cls) -> "Settings":
        """Defaults, overridden by TRIALQC_SOURCE, TRIALQC_DB, TRIALQC_REPORTS, TRIALQC_BATCH_SIZE,
        TRIALQC_FRESHNESS_BUSINESS_DAYS, PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
        TRIALQC_LANDING, TRIALQC_API_URL, TRIALQC_BULK_URL,
        TRIALQC_API_MIN_INTERVAL, TRIALQC_API_BACKOFF, TRIALQC_API_TIMEOUT, TRIALQC_DATA_DOCS (on or off)."""
        env = os.environ
        return cls(
            source=Path(env.get("TRIALQC_SOURCE", PROJECT_ROOT / "data" / "samples")),
            db_path=Path(env.get("TRIALQC_DB", PROJECT_ROOT / "warehouse" / "trials.duckdb")),
            reports_dir=Path(env["TRIALQC_REPORTS"]) if env.get("TRIALQC_REPORTS") else None,
            batch_size=_number("TRIALQC_BATCH_SIZE", "2000", int, 1),
            freshness_business_days=_number("TRIALQC_FRESHNESS_BUSINESS_DAYS", "10", int, 0),
            prefect_api_url=env.get("PREFECT_API_URL") or None,
            prefect_start_timeout=_number("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120", float, 0),
            landing_dir=Path(env.get("TRIALQC_LANDING", PROJECT_ROOT / "data" / "landing")),
            api_url=check_url(env.get("TRIALQC_API_URL", DEFAULT_API_URL), "TRIALQC_API_URL").rstrip("/"),
            bulk_url=check_url(env.get("TRIALQC_BULK_URL") or None, "TRIALQC_BULK_URL"),
            api_min_interval=_number("TRIALQC_API_MIN_INTERVAL", "1.0", float, 0),
            api_backoff=_number("TRIALQC_API_BACKOFF", "2.0", float, 0),
            api_timeout=_number("TRIALQC_API_TIMEOUT", "60", float, 1),
            data_docs=_switch("TRIALQC_DATA_DOCS", True),
        )


def _number(name: str, default: str, kind: Callable[[str], int | float], least: float):
    """The environment variable `name` as a number of `kind` (int or float) of at least `least`; a UsageError that
    names the variable and its value otherwise."""
    from flows.errors import UsageError

    given = os.environ.get(name, default)
    try:
        value = kind(given.strip())
    except ValueError:
        value = None
    if value is None or value < least:
        what = "a whole number" if kind is int else "a number"
        raise UsageError(f"{name} must be {what} of at least {least:g}, not {given!r}")
    return value


# An address the registry client can ask: http:// or https://, then a host (the scheme in any case, as typed).
_HTTP_URL = re.compile(r"https?://[^\s/?#]+\S*", re.I)


def check_url(given: str | None, name: str) -> str | None:
    """`given` (the setting or option `name`) when it is an http(s) URL or not given; a UsageError that names it and
    its value otherwise: a pull would take it as a registry that cannot be reached and record an incomplete pull."""
    from flows.errors import UsageError

    if given is not None and not _HTTP_URL.fullmatch(given.strip()):
        raise UsageError(f"{name} must be an http:// or https:// URL, not {given!r}")
    return given.strip() if given is not None else None


# The words a switch such as TRIALQC_DATA_DOCS may be given, as shells and container files write them.
SWITCH_WORDS = {"on": True, "1": True, "true": True, "yes": True, "off": False, "0": False, "false": False,
                "no": False}


def _switch(name: str, default: bool) -> bool:
    """The environment variable `name` as on or off (unset or empty: `default`); a UsageError that names the variable
    and its value otherwise."""
    from flows.errors import UsageError

    given = os.environ.get(name, "").strip()
    if not given:
        return default
    value = SWITCH_WORDS.get(given.lower())
    if value is None:
        raise UsageError(f"{name} must be on or off, not {given!r}")
    return value


# DuckDB's memory limit as TRIALQC_DUCKDB_MEMORY may give it: a number and a unit of bytes ("2GB", "1.5 GiB").
_MEMORY = re.compile(r"\d+(?:\.\d+)?\s*(?:[KMGT]i?B|B)", re.I)


def check_environment() -> None:
    """Raise UsageError for any trialqc environment variable a command would fail on later: every setting, and
    TRIALQC_DUCKDB_MEMORY (read where the warehouse is opened)."""
    from flows.errors import UsageError

    Settings.from_env()
    memory = os.environ.get("TRIALQC_DUCKDB_MEMORY")
    if memory and not _MEMORY.fullmatch(memory.strip()):
        raise UsageError(f"TRIALQC_DUCKDB_MEMORY must be an amount of memory such as 2GB or 1.5GiB, not {memory!r}")
