"""Terminal output: the run summary and the issue list, with rich (every value escaped: brackets show,
control characters that could rewrite the screen show as U+FFFD)."""
from __future__ import annotations

import duckdb
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from checks.rule import CATEGORIES, SEVERITIES
from checks.shown_text import shown
from flows.summary import RunSummary

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
SEVERITY_ORDER = "list_position(['error', 'warning', 'info'], severity)"
# freshness.* issues are about the age of our copy, not a defect of the record: shown apart.
FRESHNESS = "rule_id LIKE 'freshness.%'"


def print_summary(console: Console, s: RunSummary) -> None:
    """Print what a run saw, loaded, rejected and found."""
    console.rule(f"trialqc run {escape(s.run_id)}")
    console.print(f"as of [bold]{s.as_of}[/], warehouse [bold]{escape(shown(s.db_path))}[/]")
    files = Table("files seen", "loaded", "rejected", "skipped", "studies loaded", "studies in warehouse")
    files.add_row(*map(str, (s.files_seen, s.loaded, s.rejected, s.skipped, s.studies_loaded, s.studies_total)))
    console.print(files)
    if s.rejects:
        rejects = Table("rejected file", "stage", "reason", title="Rejected in this run")
        rejects.columns[0].overflow = "fold"  # a path is shown whole, folded over lines, never cut
        for path, stage, reason in s.rejects[:50]:
            rejects.add_row(*(escape(shown(value or "")) for value in (path, stage, reason)))
        console.print(rejects)
    issues = Table("category", *SEVERITIES, "total", title="Quality issues in the warehouse")
    for category in CATEGORIES:
        sev = s.issues_by_category.get(category, {})
        if sev or category != "invalid_value":
            issues.add_row(category, *(str(sev.get(k, 0)) for k in SEVERITIES), str(sum(sev.values())))
    console.print(issues)
    if s.load_problems:
        console.print(f"{s.load_problems} problem(s) in files that loaded: see [bold]meta.load_problems[/]")
    for layout, fields in s.not_carried.items():
        console.print(f"[dim]{layout} pages are not expected to show {', '.join(fields)}: not counted as missing[/]")
    for rule_id, error in s.failed_rules.items():
        console.print(f"[red]rule {escape(rule_id)} could not run:[/] {escape(shown(error))}")
    console.print(f"Details: [bold]trialqc issues[/] (or --nct NCT..., --severity error, --since-last); "
                  f"SQL: [bold].venv/bin/duckdb {escape(shown(s.db_path))}[/]", soft_wrap=True)


def _issue_line(console: Console, severity: str, rule_id: str, cat: str, fields: str, message: str,
                evidence: str | None, prefix: str = "") -> None:
    style = SEVERITY_STYLE.get(severity, "")
    console.print(f"{escape(prefix)}[{style}]{severity:7}[/] {escape(rule_id)} ({escape(cat)}) — "
                  f"{escape(shown(message))}")
    console.print(f"         fields: {shown(fields or '')}", style="dim", markup=False, highlight=False)
    if evidence:
        console.print(f"         evidence: {shown(evidence)}", style="dim", markup=False, highlight=False)


def _where(nct: str | None, category: str | None, severity: str | None) -> tuple[str, list]:
    where, params = [], []
    for column, value in (("nct_id", nct.upper() if nct else None), ("category", category), ("severity", severity)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    return (" WHERE " + " AND ".join(where) if where else ""), params


def print_issues(console: Console, con: duckdb.DuckDBPyConnection, *, nct: str | None = None,
                 category: str | None = None, severity: str | None = None, limit: int = 200) -> int:
    """Print quality issues, study by study, the record's defects before the age of our copy; returns how many.
    The studies with an error come first, then those with a warning, so that a limit never hides an error behind
    another study's notes."""
    where, params = _where(nct, category, severity)
    rows = con.execute(
        "SELECT nct_id, severity, rule_id, category, array_to_string(fields, ', '), message, evidence, freshness "
        f"FROM (SELECT *, {FRESHNESS} AS freshness, min({SEVERITY_ORDER}) OVER (PARTITION BY nct_id, {FRESHNESS}) "
        f"AS worst FROM quality_issues{where}) "
        f"ORDER BY freshness, worst, nct_id, {SEVERITY_ORDER}, rule_id", params).fetchall()
    if not rows:
        console.print("No quality issues match.")
        return 0
    current, freshness_shown = None, False
    for nct_id, sev, rule_id, cat, fields, message, evidence, freshness in rows[:limit]:
        if freshness and not freshness_shown:
            console.rule("[bold]Age of our copy (freshness.*): not a defect of the record", style="blue")
            freshness_shown, current = True, None
        if nct_id != current:
            console.rule(f"[bold]{escape(nct_id)}")
            current = nct_id
        _issue_line(console, sev, rule_id, cat, fields, message, evidence)
    if len(rows) > limit:
        console.print(f"... {len(rows) - limit} more (use --limit, --nct, --severity or --category)")
    return len(rows)
