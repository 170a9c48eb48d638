"""Which rules checked the warehouse: a fingerprint of the installed rule catalogue, and the one recorded.

The recorded fingerprint (meta.rules_checked) says that every issue in `quality_issues` was given by those
rules. A run whose installed rules differ re-checks every study (flows/check_studies.py), and the fingerprint
is recorded once that whole check completes: a re-check cut short is done again, whole, by the next run.

The fingerprint is the text of the files a finding depends on: every module of the `checks` package but those
that only present findings (the report's, the Great Expectations suite's and its Data Docs'), which holds every
rule's id, category, severity and SQL and the readings its functions make; and the DDL files that define the
macros the SQL rules are written in. A module added to the package counts unless it is named as a presenting
one: a new reading is never left out. Only files are read (no rule is imported), so a run that finds nothing
new still imports no data library; and beside the fingerprint is recorded what the files were (name, size,
modification and change times, inode), so such a run only looks at them: their text is read again only when
one of them was written, added or removed since.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from warehouse.connect import DDL_DIR, transaction
from warehouse.literals import literal

CHECKS_DIR = Path(__file__).resolve().parent.parent / "checks"
# Modules of the checks package that present findings and decide none.
PRESENTING = ("report", "gx_")
# What a DDL file that defines rule macros holds (135_rule_macros.sql, 209_age_in_days_whole.sql).
MACRO = b"CREATE OR REPLACE MACRO"


def rule_texts(checks_dir: Path | None = None, ddl_dir: Path | None = None) -> dict[str, bytes]:
    """The text of every file that decides findings, by its folder and name, in a fixed order (the installed
    package's unless other folders are given)."""
    checks_dir, ddl_dir = checks_dir or CHECKS_DIR, ddl_dir or DDL_DIR
    texts = {f"checks/{path.name}": path.read_bytes() for path in sorted(checks_dir.glob("*.py"))
             if not path.name.startswith(PRESENTING)}
    for path in sorted(ddl_dir.glob("*.sql")):
        text = path.read_bytes()
        if MACRO in text:
            texts[f"ddl/{path.name}"] = text
    return texts


def fingerprint(checks_dir: Path | None = None, ddl_dir: Path | None = None) -> str:
    """The installed rules' fingerprint: a hash of the name and text of every file that decides findings."""
    digest = hashlib.sha256()
    for name, text in rule_texts(checks_dir, ddl_dir).items():
        digest.update(f"{name}\0{len(text)}\0".encode())
        digest.update(text)
    return digest.hexdigest()[:32]


def sources(checks_dir: Path | None = None, ddl_dir: Path | None = None) -> str:
    """What the files the fingerprint may read are now (their names, sizes, times and inodes), as a hash: any
    write to one of them changes its change time, which no one sets back."""
    checks_dir, ddl_dir = checks_dir or CHECKS_DIR, ddl_dir or DDL_DIR
    found = []
    for folder, suffix in ((checks_dir, ".py"), (ddl_dir, ".sql")):
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.endswith(suffix):
                    stat = entry.stat()
                    found.append((str(folder), entry.name, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns,
                                  stat.st_ino))
    return hashlib.sha256(repr(sorted(found)).encode()).hexdigest()[:32]


@dataclass(frozen=True)
class RulesChecked:
    """The installed rules against the recorded ones: `current` when every issue the warehouse holds is theirs;
    `to_record` when that is so but the record should say it again (nothing recorded yet, or the files touched
    without a change of text)."""

    fingerprint: str
    sources: str
    current: bool
    to_record: bool = False


def compare(con: duckdb.DuckDBPyConnection) -> RulesChecked:
    """The installed rules against those recorded: one row read, and the rule sources' text only when their
    files are not as recorded."""
    now = sources()
    row = con.execute("SELECT fingerprint, sources FROM meta.rules_checked ORDER BY checked_at DESC LIMIT 1"
                      ).fetchone()
    if row is not None and row[1] == now:
        return RulesChecked(row[0], now, current=True)
    installed = fingerprint()
    if row is not None:
        return RulesChecked(installed, now, current=row[0] == installed, to_record=row[0] == installed)
    # A warehouse without issues holds none of older rules.
    return RulesChecked(installed, now, current=not has_issues(con), to_record=True)


def has_issues(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the warehouse holds any quality issue."""
    return con.execute("SELECT EXISTS (SELECT 1 FROM quality_issues)").fetchone()[0]


def record(con: duckdb.DuckDBPyConnection, rules: RulesChecked, run_id: str) -> None:
    """Record that the rules `rules` gave every issue the warehouse holds (as run `run_id` found)."""
    values = ", ".join(map(literal, (rules.fingerprint, rules.sources, run_id, datetime.now())))
    with transaction(con):
        con.execute("DELETE FROM meta.rules_checked")
        con.execute(f"INSERT INTO meta.rules_checked VALUES ({values})")


def recorded(con: duckdb.DuckDBPyConnection) -> str | None:
    """The fingerprint of the rules that gave the warehouse's issues; None when none is recorded."""
    row = con.execute("SELECT fingerprint FROM meta.rules_checked ORDER BY checked_at DESC LIMIT 1").fetchone()
    return row[0] if row else None
