"""Terminal output: the run summary and the issue list, with rich."""
from __future__ import annotations

import duckdb
from rich.console import Console
from rich.table import Table

from flows.summary import RunSummary

CATEGORIES = ("missing_field", "date_anomaly", "contradiction")
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def print_summary(console: Console, s: RunSummary) -> None:
    """Print what a run saw, loaded, rejected and found."""
    console.rule(f"trialqc run {s.run_id}")
    console.print(f"as of [bold]{s.as_of}[/], warehouse [bold]{s.db_path}[/]")
    files = Table("files seen", "loaded", "rejected", "skipped", "studies loaded", "studies in warehouse")
    files.add_row(*map(str, (s.files_seen, s.loaded, s.rejected, s.skipped, s.studies_loaded, s.studies_total)))
    console.print(files)
    if s.rejects:
        rejects = Table("rejected file", "stage", "reason", title="Rejected in this run")
        for path, stage, reason in s.rejects[:50]:
            rejects.add_row(path, stage, reason)
        console.print(rejects)
    issues = Table("category", "error", "warning", "info", "total", title="Quality issues in the warehouse")
    for category in CATEGORIES:
        sev = s.issues_by_category.get(category, {})
        issues.add_row(category, *(str(sev.get(k, 0)) for k in ("error", "warning", "info")), str(sum(sev.values())))
    console.print(issues)
    if s.load_problems:
        console.print(f"{s.load_problems} problem(s) in files that loaded: see [bold]meta.load_problems[/]")
    for layout, fields in s.not_carried.items():
        console.print(f"[dim]{layout} pages never show {', '.join(fields)}: not counted as missing[/]")
    for rule_id, error in s.failed_rules.items():
        console.print(f"[red]rule {rule_id} could not run:[/] {error}")
    console.print(f"Details: [bold]trialqc issues[/] (or --nct NCT..., --category ...); "
                  f"SQL: [bold].venv/bin/duckdb {s.db_path}[/]")


def print_issues(console: Console, con: duckdb.DuckDBPyConnection, *, nct: str | None = None,
                 category: str | None = None, limit: int = 200) -> int:
    """Print quality issues, study by study; returns how many matched."""
    where, params = [], []
    if nct:
        where.append("nct_id = ?")
        params.append(nct.upper())
    if category:
        where.append("category = ?")
        params.append(category)
    sql = ("SELECT nct_id, severity, rule_id, category, array_to_string(fields, ', '), message, evidence "
           "FROM quality_issues" + (" WHERE " + " AND ".join(where) if where else "") +
           " ORDER BY nct_id, CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, rule_id")
    rows = con.execute(sql, params).fetchall()
    if not rows:
        console.print("No quality issues match.")
        return 0
    current = None
    for nct_id, severity, rule_id, cat, fields, message, evidence in rows[:limit]:
        if nct_id != current:
            console.rule(f"[bold]{nct_id}")
            current = nct_id
        console.print(f"[{SEVERITY_STYLE.get(severity, '')}]{severity:7}[/] {rule_id} ({cat}) — {message}")
        console.print(f"         fields: {fields}", style="dim")
        if evidence:
            console.print(f"         evidence: {evidence}", style="dim", markup=False, highlight=False)
    if len(rows) > limit:
        console.print(f"... {len(rows) - limit} more (use --limit, --nct or --category)")
    return len(rows)
