"""Terminal output: the run summary and the issue list, with rich (every value escaped: brackets show,
control characters that could rewrite the screen show as U+FFFD)."""
from __future__ import annotations

import duckdb
from rich.console import Console, Group
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from checks.rule import CATEGORIES, SEVERITIES
from checks.shown_text import shown
from flows.summary import COPY_AGE, COPY_AGE_ROW, RunSummary

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
SEVERITY_WIDTH = max(len(severity) for severity in SEVERITY_STYLE)
SEVERITY_ORDER = "list_position(['error', 'warning', 'info'], severity)"
FRESHNESS = COPY_AGE  # freshness.* issues are about the age of our copy, not a defect of the record: shown apart


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
    if s.copy_age_issues:  # apart: a reason to fetch the record again, not a defect of it
        sev = s.copy_age_issues
        issues.add_section()
        issues.add_row(COPY_AGE_ROW, *(str(sev.get(k, 0)) for k in SEVERITIES), str(sum(sev.values())),
                       style="dim")
    console.print(issues)
    if s.load_problems:
        console.print(f"{s.load_problems} problem(s) in files that loaded: see [bold]meta.load_problems[/]")
    for layout, fields in s.not_carried.items():
        console.print(f"[dim]{layout} pages are not expected to show {', '.join(fields)}: not counted as missing[/]")
    for rule_id, error in s.failed_rules.items():
        console.print(f"[red]rule {escape(rule_id)} could not run:[/] {escape(shown(error))}")
    console.print(f"Details: [bold].venv/bin/trialqc issues[/] (or --nct NCT..., --severity error, --since-last); "
                  f"SQL: [bold].venv/bin/duckdb {escape(shown(s.db_path))}[/]", soft_wrap=True)


def _issue_line(console: Console, severity: str, rule_id: str, cat: str, fields: str, message: str,
                evidence: str | None, prefix: str = "") -> None:
    style = SEVERITY_STYLE.get(severity, "")
    details = [f"fields: {shown(fields or '')}"] + ([f"evidence: {shown(evidence)}"] if evidence else [])
    body = [Text.assemble(f"{rule_id} ({cat}) — ", shown(message)),
            *(Padding(Text(detail, style="dim"), (0, 0, 0, 1)) for detail in details)]
    # a wrapped line starts under the rule, not at the margin: the severities stay one column to scan
    line = Table.grid(padding=(0, 1))
    line.add_column(no_wrap=True, width=len(prefix) + SEVERITY_WIDTH)
    line.add_column(overflow="fold")
    line.add_row(Text.assemble(prefix, (severity, style)), Group(*body))
    console.print(line)


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
