"""Golden files for parser tests: <case> input beside <case>.expected.json, regenerated with one flag."""
from __future__ import annotations

import dataclasses
import json
import os
from datetime import date
from pathlib import Path

from flows.parsers.model import ColumnRows, Parsed

GOLDEN_DIR = Path(__file__).resolve().parents[1] / "golden"
# TRIALQC_REGEN_GOLDEN=1 pytest tests/parsers rewrites every expected file; review the diff by hand.
REGENERATE = os.environ.get("TRIALQC_REGEN_GOLDEN") == "1"


def golden_inputs(layout: str, suffix: str) -> list[Path]:
    """The input files of one layout's golden cases."""
    paths = (GOLDEN_DIR / layout).glob(f"*{suffix}")
    return sorted(path for path in paths if not path.name.endswith(".expected.json"))


def every_golden_case() -> list[tuple[str, Path]]:
    """(layout, input) for every case in every folder under tests/golden/ (a folder is named by its layout)."""
    return [(folder.name, case) for folder in sorted(GOLDEN_DIR.iterdir()) if folder.is_dir()
            for case in sorted(folder.iterdir()) if case.is_file() and not case.name.endswith(".expected.json")]


def expected_path(case: Path) -> Path:
    """Where a case's expected result lives."""
    return case.with_name(f"{case.name.rsplit('.', 1)[0]}.expected.json")


def as_plain(parsed: Parsed) -> dict:
    """A Parsed as the JSON shape of an expected file (dates as ISO strings)."""
    document = {
        "records": [{"nct_id": record.nct_id, "tables": record.tables} for record in parsed.records],
        "problems": [dataclasses.asdict(problem) for problem in parsed.problems],
    }
    return json.loads(json.dumps(document, default=_iso))


def check_golden(case: Path, parsed: Parsed) -> None:
    """Assert `parsed` equals the case's expected file (or rewrite it when regenerating)."""
    actual = as_plain(parsed)
    path = expected_path(case)
    if REGENERATE:
        path.write_text(json.dumps(actual, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert actual == expected


def _iso(value: object) -> str | list:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, ColumnRows):  # a table held as columns is its list of rows
        return list(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")
