"""`trialqc search`, `trialqc watch add|list|remove` and `trialqc diff`: find, follow and compare studies."""
from __future__ import annotations

import csv
import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, List, Optional

import typer
from rich.text import Text

from checks.shown_text import csv_cell, shown
from flows.cli_arguments import reader
from flows.cli_console import console, err, fail
from flows.search import RESULT_COLUMNS
from flows.reader import foreign_database, not_duckdb
from flows.settings import Settings

watch_app = typer.Typer(no_args_is_help=True, help="Saved searches, evaluated at the end of every run.")
FORMATS = ("table", "csv", "json")


def _published(db: Optional[Path]) -> Path:
    db_path = db or Settings.from_env().db_path
    if not db_path.exists():
        fail(2, f"no warehouse at {db_path}: run `trialqc run` first")
    problem = not_duckdb(db_path)
    if problem:
        fail(2, problem)
    return db_path


@contextmanager
def _writing(db: Optional[Path]) -> Iterator:
    """A connection to write the watch lists as a run writes: under the warehouse's writer lock (waiting for a run
    that writes it), into its working copy, published whole when the block ends. Written into the published file,
    a list saved during a run would be lost when the run publishes its own copy."""
    from flows.errors import InfrastructureError
    from flows.publish import writer_connection
    from warehouse.connect import WarehouseError

    db_path = _published(db)
    problem = foreign_database(db_path)
    if problem:
        fail(2, problem)
    try:
        with writer_connection(db_path, waiting=lambda line: err.print(Text(line))) as con:
            yield con
    except (WarehouseError, InfrastructureError) as exc:
        fail(1, str(exc))


def _query(words: List[str], condition, intervention, sponsor, status, phase, limit):
    from flows.search import SearchQuery, normalize_phases, normalize_statuses

    try:
        return SearchQuery(" ".join(words).strip(), condition, intervention, sponsor,
                           normalize_statuses(status or []), normalize_phases(phase or []), limit)
    except ValueError as exc:
        fail(2, str(exc))


def _refuse_unsearchable(con, text: str) -> None:
    """A query whose words no document can hold is an error, not an empty list; words it leaves out are said, an
    index an earlier trialqc built (which the next run builds again), and the words it searches as acronyms."""
    from flows.search import acronym_note, index_outdated, left_out, operator_note, unsearchable

    reason = unsearchable(con, text)
    if reason:
        fail(2, reason)
    for note in (index_outdated(con) if text.strip() else None, operator_note(text), left_out(con, text),
                 acronym_note(con, text)):
        if note:
            err.print(Text.assemble(("note: ", "bold yellow"), note))


def _say_absent(con, text: str, hint: str) -> None:
    """Say which NCT ids a query names that the warehouse holds no study of (a mistyped id finds nothing)."""
    from flows.search import nct_ids_in

    named = list(nct_ids_in(text))
    held = {nct_id for (nct_id,) in con.execute("SELECT nct_id FROM studies WHERE list_contains(?, nct_id)",
                                                [named]).fetchall()} if named else set()
    absent = [nct_id for nct_id in named if nct_id not in held]
    if absent:
        err.print(Text.assemble(("note: ", "bold yellow"), f"{', '.join(absent)} {'is' if len(absent) == 1 else 'are'} "
                                f"{hint}"))


def print_results(rows: list[dict], fmt: str) -> None:
    """Search results as a terminal table, CSV (no cell a spreadsheet runs as a formula) or JSON (verbatim)."""
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, default=str, indent=2) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(RESULT_COLUMNS))
        writer.writeheader()
        writer.writerows({column: csv_cell(value) for column, value in row.items()} for row in rows)
    else:
        console.print(Text(_count(len(rows), "study", "studies"), style="bold"))
        for row in rows:
            console.print(study_block(row))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 or word == "info" else f"{n} {word}s"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def study_block(row: dict) -> Text:
    """One search result in three lines; Text shows values as they are (no Rich markup is read from them)."""
    facts = [row["overall_status"] or "status not given", row["phase"] or "phase not given",
             f"start {row['start_date'] or '?'}", f"completion {row['completion_date'] or '?'}"]
    issues = [_plural(row["errors"], "error"), _plural(row["warnings"], "warning"), _plural(row["infos"], "info")]
    return Text.assemble(
        (f"{row['rank']:>3}. ", "bold"), (row["nct_id"], "bold cyan"), "  ",
        shown(row["brief_title"] or "(no title)"), "\n",
        "     ", " · ".join(facts), "\n",
        "     issues: ", (issues[0], "bold red" if row["errors"] else ""), ", ",
        (issues[1], "yellow" if row["warnings"] else ""), ", ", issues[2],
        f" · updated {row['last_update_posted_date'] or '?'}",
        f" · matched in {row['matched_in']}" if row.get("matched_in") else "")


def search(
    query: List[str] = typer.Argument(None, help=(
        "Words to search for (every word must match, stemmed); a name written hyphenated, spaced or joined finds "
        "its other spellings (PD-L1, PD L1, PDL1; follow-up, follow up, followup); a word in capitals among words "
        "in small letters, or alone, is an acronym (CART finds CAR-T, not a golf cart); words in double quotes, kept "
        "from the shell ('\"small cell\" lung'), are a phrase.")),
    condition: Optional[str] = typer.Option(None, help="Only studies with a condition (or MeSH term) containing this."),
    intervention: Optional[str] = typer.Option(
        None, help="Only studies with an intervention, other name or MeSH term containing this."),
    sponsor: Optional[str] = typer.Option(None, help="Only studies whose sponsor contains this."),
    status: Optional[List[str]] = typer.Option(None, help="Only this overall status (repeatable), e.g. RECRUITING."),
    phase: Optional[List[str]] = typer.Option(None, help="Only this phase (repeatable), e.g. PHASE2 or 2."),
    limit: int = typer.Option(20, min=1, help="Show at most this many studies."),
    fmt: str = typer.Option("table", "--format", help="table, csv or json."),
    db: Optional[Path] = typer.Option(None, help="DuckDB warehouse file."),
) -> None:
    """Find studies: ranked by BM25 over their text, with status, phase, dates and issue counts."""
    from flows.search import search as run_search
    from warehouse.fts import SearchIndexError

    fmt = fmt.lower()  # --format CSV
    if fmt not in FORMATS:
        fail(2, f"unknown format {fmt!r}: use table, csv or json")
    q = _query(query or [], condition, intervention, sponsor, status, phase, limit)
    con = reader(db)
    _refuse_unsearchable(con, q.text)
    _say_absent(con, q.text, "not in this warehouse (check the id, or load its record with `trialqc run --source ...`)")
    try:
        rows = run_search(con, q)
    except ValueError as exc:
        fail(2, str(exc))
    except SearchIndexError as exc:
        fail(1, str(exc))
    print_results(rows, fmt)


@watch_app.command("add")
def watch_add(
    name: str = typer.Argument(..., help="The list's name."),
    query: List[str] = typer.Argument(None, help="Words to search for, as in `trialqc search`."),
    condition: Optional[str] = typer.Option(None, help="Condition filter, as in `trialqc search`."),
    intervention: Optional[str] = typer.Option(None, help="Intervention filter."),
    sponsor: Optional[str] = typer.Option(None, help="Sponsor filter."),
    status: Optional[List[str]] = typer.Option(None, help="Status filter (repeatable)."),
    phase: Optional[List[str]] = typer.Option(None, help="Phase filter (repeatable)."),
    replace: bool = typer.Option(False, help="Replace a list of the same name."),
    db: Optional[Path] = typer.Option(None, help="DuckDB warehouse file."),
) -> None:
    """Save a search as a watch list; every run then reports what changed on it."""
    from flows.watch import add_watch_list

    name = name.strip()  # "nsclc " is the list "nsclc"
    q = _query(query or [], condition, intervention, sponsor, status, phase, None)
    if not (q.text or condition or intervention or sponsor or q.statuses or q.phases):
        fail(2, f"a watch list needs words to search for or at least one filter after its name {name!r}: "
                 "trialqc watch add NAME QUERY... [--condition C] ...")
    with _writing(db) as con:
        _refuse_unsearchable(con, q.text)
        _say_absent(con, q.text, "not in this warehouse yet: each enters the list when a run loads its record")
        try:
            add_watch_list(con, name, q, replace=replace)
        except ValueError as exc:
            fail(2, str(exc))
    console.print(Text(f"saved watch list {name!r}: the next `trialqc run` evaluates it"))


@watch_app.command("list")
def watch_list(db: Optional[Path] = typer.Option(None, help="DuckDB warehouse file.")) -> None:
    """Show the saved watch lists and their last evaluation."""
    con = reader(db)
    rows = con.execute("""
        SELECT l.name, concat_ws(' ', nullif(l.query, ''), '--condition ' || l.condition,
                 '--intervention ' || l.intervention, '--sponsor ' || l.sponsor,
                 nullif(array_to_string(list_transform(l.statuses, x -> '--status ' || x), ' '), ''),
                 nullif(array_to_string(list_transform(l.phases, x -> '--phase ' || x), ' '), '')) AS search,
               r.members, r.entered, r.left, r.changed, r.issues_new, r.issues_resolved, r.run_id
        FROM meta.watch_lists l LEFT JOIN (SELECT * FROM meta.watch_runs
            QUALIFY row_number() OVER (PARTITION BY name ORDER BY evaluated_at DESC) = 1) r USING (name)
        ORDER BY l.name""").fetchall()
    console.print(Text(_count(len(rows), "watch list", "watch lists"), style="bold"))
    for name, search_text, members, entered, left, changed, new, resolved, run_id in rows:
        last = ("not evaluated yet" if run_id is None else
                f"{_count(members, 'study', 'studies')} at run {run_id[:8]}: {entered} entered, "
                f"{left} left, {changed} changed, {new} new issues, {resolved} resolved")
        console.print(Text.assemble(("  " + shown(name), "bold cyan"), "  ", shown(search_text), "\n    ", last))


@watch_app.command("remove")
def watch_remove(name: str = typer.Argument(..., help="The list's name."),
                 db: Optional[Path] = typer.Option(None, help="DuckDB warehouse file.")) -> None:
    """Forget a watch list (what earlier runs recorded about it is kept)."""
    from flows.watch import remove_watch_list

    with _writing(db) as con:
        removed = remove_watch_list(con, name)
    if not removed:
        fail(2, f"no watch list named {name!r}")
    console.print(Text(f"removed watch list {name!r}"))


@watch_app.command("pages")
def watch_pages(db: Optional[Path] = typer.Option(None, help="DuckDB warehouse file."),
                out: Optional[Path] = typer.Option(None, help="Output folder (default: `reports` beside the "
                                                   "warehouse).")) -> None:
    """Write an HTML page per watch list (its studies, and what changed run by run)."""
    from flows.watch_report import write_watch_pages

    written = write_watch_pages(reader(db), out or Settings.from_env().reports_for(db))
    for path in written:
        console.print(Text(f"wrote {path}"))
    if not written:
        console.print(Text("no watch list to write a page for: save one with `trialqc watch add NAME QUERY...`"))
