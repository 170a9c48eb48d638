"""What a `trialqc` command is given, checked before it acts: a category or severity, a study's id, the warehouse to
read and the folder to write the report to; each ends the command with one line when it will not do."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from rich.markup import escape

from flows.cli_console import err, fail
from flows.settings import Settings


def reader(db: Optional[Path]):
    """A read-only connection to the published warehouse, or exit with what to do."""
    from flows.reader import not_a_warehouse, not_duckdb, open_reader
    from warehouse.connect import WarehouseError

    db_path = db or Settings.from_env().db_path
    if not db_path.exists():
        fail(2, f"no warehouse at {db_path}: run `trialqc run` first")
    problem = not_duckdb(db_path)
    if problem:
        fail(2, problem)
    try:
        con = open_reader(db_path, say=lambda line: err.print(escape(line)))
    except WarehouseError as exc:
        fail(1, str(exc))
    problem = not_a_warehouse(con, db_path)
    if problem:
        fail(2, problem)
    return con


def check_choice(value: Optional[str], choices: tuple[str, ...], option: str) -> Optional[str]:
    """The choice as the warehouse writes it, in any case ('ERROR' is error); exit 2 naming the choices."""
    if value and value.strip().lower() not in choices:
        fail(2, f"unknown {option} {value!r}: use {', '.join(choices)}")
    return value.strip().lower() if value else value


def check_study(con, nct: str) -> None:
    """Exit 2 with what is known when the study is not in the warehouse."""
    nct_id = nct.strip().upper()
    if not re.fullmatch(r"NCT\d{8}", nct_id):
        fail(2, f"{nct!r} is not a ClinicalTrials.gov id (NCT followed by 8 digits, e.g. NCT04916756)")
    if con.execute("SELECT count(*) FROM studies WHERE nct_id = ?", [nct_id]).fetchone()[0]:
        return
    rejected = con.execute("SELECT reason, path FROM meta.rejects WHERE nct_id = ? ORDER BY run_id DESC LIMIT 1",
                           [nct_id]).fetchone()
    if rejected:
        fail(2, f"{nct_id} is not in the warehouse: its file {rejected[1]} was rejected ({rejected[0]}); "
                 "see `select * from meta.rejects`")
    fail(2, f"{nct_id} is not in this warehouse: no record of it was loaded (check the id, or load it with "
             "`trialqc run --source ...`)")


def check_report_folder(folder: Path, setting: str) -> None:
    """Exit 2 with one line when the report folder, or a part of its path, is a file (`setting`: what chose it)."""
    from flows.errors import UsageError
    from flows.publish import check_folder

    try:
        check_folder(folder, f"cannot write the report to {folder} ({setting})")
    except UsageError as exc:
        fail(2, str(exc))
