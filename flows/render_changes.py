"""Terminal output of `trialqc issues --since-last`: new, resolved and persisting issues."""
from __future__ import annotations

import duckdb
from rich.console import Console
from rich.markup import escape

from checks.shown_text import shown
from flows.render import SEVERITY_ORDER, SEVERITY_STYLE

GROUPS = (
    ("new", "first_seen_run = $run"),
    ("resolved", "resolved_run = $run"),
    ("persisting", "resolved_run IS NULL AND first_seen_run <> $run"),
)


def last_recorded_run(con: duckdb.DuckDBPyConnection) -> tuple[str, object] | None:
    """The latest run whose issue history was recorded, and its as_of."""
    return con.execute("""SELECT run_id, as_of FROM meta.load_runs WHERE issues_new IS NOT NULL
                          ORDER BY started_at DESC LIMIT 1""").fetchone()


def print_changes(console: Console, con: duckdb.DuckDBPyConnection, *, severity: str | None = None,
                  nct: str | None = None, limit: int = 200) -> dict[str, int]:
    """Print the issues that are new, resolved and persisting since the run before the last; return counts."""
    last = last_recorded_run(con)
    if last is None:
        console.print("No run has recorded issue history yet: run `trialqc run` first.")
        return {}
    console.print(f"Changes in the last run [bold]{escape(last[0])}[/] (as of {last[1]})")
    counts = {}
    for name, condition in GROUPS:
        filters = [condition] + (["severity = $severity"] if severity else []) + (["nct_id = $nct"] if nct else [])
        params = {"run": last[0], **({"severity": severity} if severity else {}), **({"nct": nct.upper()} if nct else {})}
        rows = con.execute(f"""SELECT nct_id, severity, rule_id, message FROM meta.quality_issue_history
                               WHERE {' AND '.join(filters)} ORDER BY {SEVERITY_ORDER}, nct_id, rule_id""",
                           params).fetchall()
        counts[name] = len(rows)
        console.rule(f"[bold]{name}[/]: {len(rows)}")
        for nct_id, sev, rule_id, message in rows[:limit]:
            console.print(f"{escape(nct_id)} [{SEVERITY_STYLE.get(sev, '')}]{sev:7}[/] {escape(rule_id)} — "
                          f"{escape(shown(message))}")
        if len(rows) > limit:
            console.print(f"... {len(rows) - limit} more (use --limit or --severity)")
    return counts
