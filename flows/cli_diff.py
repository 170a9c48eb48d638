"""`trialqc diff`: what changed between versions of a study (status, dates, enrollment, outcomes, arms)."""
from __future__ import annotations

import re
from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table
from rich.text import Text

from checks.shown_text import shown
from flows.cli_arguments import reader
from flows.cli_console import console, fail
from warehouse.versions import describe, diff_versions, study_versions, version_by_sha


# A ClinicalTrials.gov id: NCT and 8 digits.
NCT_ID = re.compile(r"NCT\d{8}")
BOM = "\ufeff"


def _pairs(versions: list[dict], nct_id: str, old: Optional[str], new: Optional[str]) -> list[tuple[dict, dict]]:
    """The versions to compare: every consecutive two, or the --from and --to ones (exit 2 when a prefix names no
    single version)."""
    if not (old or new):
        return list(zip(versions, versions[1:]))
    chosen = [version_by_sha(versions, sha) if sha else default
              for sha, default in ((old, versions[0]), (new, versions[-1]))]
    for sha, version in zip((old, new), chosen):
        if version is None:
            fail(2, f"{nct_id}: no single version whose sha256 starts with {sha!r}")
    return [tuple(chosen)]


def _print_versions(nct_id: str, versions: list[dict]) -> None:
    count = "1 version" if len(versions) == 1 else f"{len(versions)} versions, oldest first"
    table = Table(title=f"{nct_id}: {count}")
    for header in ("sha256", "layout", "last update", "status", "loaded in run", "file"):
        table.add_column(header, overflow="fold")
    for v in versions:
        table.add_row(*[Text(shown(str(x or ""))) for x in (v["sha256"][:12], v["layout"], v["last_update_posted_date"],
                                                     v["overall_status"], v["loaded_run"], v["path"])])
    console.print(table)


def diff(
    nct_ids: List[str] = typer.Argument(..., help="One or more NCT ids."),
    old: Optional[str] = typer.Option(None, "--from", help="sha256 (or its first characters) of the older version."),
    new: Optional[str] = typer.Option(None, "--to", help="sha256 (or its first characters) of the newer version."),
    db: Optional[Path] = typer.Option(None, help="DuckDB warehouse file."),
) -> None:
    """Show what changed between versions of studies (all consecutive versions unless --from/--to)."""
    con = reader(db)
    studies = [(nct_id, _versions(con, nct_id)) for nct_id in _ids(nct_ids)]
    pairs = [_pairs(versions, nct_id, old, new) for nct_id, versions in studies]  # every --from/--to found first
    for (nct_id, versions), compared in zip(studies, pairs):
        _print_versions(nct_id, versions)
        if len(versions) == 1 and not (old or new):
            console.print(Text("one version only: nothing to compare yet (each run that loads a changed record of "
                               "it adds one)"))
        for a, b in compared:
            changes = diff_versions(a, b)
            count = f"{len(changes)} field{'s' if len(changes) > 1 else ''} changed"
            console.print(Text(shown(f"{describe(a)} -> {describe(b)}: "
                                     + (count if changes else "no tracked field changed"))))
            for c in changes:
                console.print(Text(shown(f"  {c.label}: {c.before} -> {c.after}")))


def _ids(given: List[str]) -> list[str]:
    """The ids as the warehouse writes them (upper case; a byte-order mark or line end from a file of ids taken
    off), once each; any that is no NCT id is an error before anything is shown."""
    ids: dict[str, str] = {}
    for text in given:
        nct_id = text.replace(BOM, "").strip().upper()
        if not NCT_ID.fullmatch(nct_id):
            fail(2, f"{text!r} is not a ClinicalTrials.gov id (NCT followed by 8 digits, e.g. NCT04916756)")
        ids.setdefault(nct_id, text)
    return list(ids)


def _versions(con, nct_id: str) -> list[dict]:
    versions = study_versions(con, nct_id)
    if not versions:
        fail(2, f"no version of {nct_id} in the warehouse (check the id, or load its record with "
                 "`trialqc run --source ...`)")
    return versions
