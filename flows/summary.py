"""What a run found, read back from the warehouse: counts, rejects, issues."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import duckdb

from checks.shown_text import markdown_cell
from warehouse.literals import literal

# The layouts whose records show every field (the registry's own records: their parsers carry no CARRIES):
# none of their fields is "never shown", so a warehouse of only these needs no parser to say so (importing
# the parsers' package, which checks.missing_fields does, loads every parser). Pinned to the parsers by
# tests/test_summary_shortcuts.py.
SHOWS_EVERY_FIELD = frozenset({"ctgov_json_v2", "ctgov_xml"})
# freshness.* issues are the age of our copy, not a defect of the record: counted apart, as the report shows them.
COPY_AGE = "rule_id LIKE 'freshness.%'"
COPY_AGE_ROW = "age of our copy"


@dataclass
class RunSummary:
    """The numbers a user sees at the end of a run (and in the Prefect artifact)."""

    run_id: str
    as_of: date
    db_path: str
    files_seen: int = 0
    loaded: int = 0
    rejected: int = 0
    skipped: int = 0
    studies_loaded: int = 0
    studies_total: int = 0
    rejects: list[tuple[str, str, str]] = field(default_factory=list)  # path, stage, reason
    issues_by_category: dict[str, dict[str, int]] = field(default_factory=dict)  # the record's defects
    copy_age_issues: dict[str, int] = field(default_factory=dict)  # severity -> freshness.* issues, counted apart
    issues_by_rule: list[tuple[str, str, int]] = field(default_factory=list)  # rule_id, severity, studies
    issues_run: int = 0
    failed_rules: dict[str, str] = field(default_factory=dict)
    # layout -> fields its pages never show (said once per layout, not as an issue on each study)
    not_carried: dict[str, list[str]] = field(default_factory=dict)
    load_problems: int = 0
    gx_docs: str | None = None
    # Seconds per stage (read, parse, validate, assemble, load, check); parse, validate and assemble
    # are summed over the worker processes that ran them side by side.
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def counts(self) -> dict[str, int]:
        """The load_runs counters."""
        return {"files_seen": self.files_seen, "loaded": self.loaded, "rejected": self.rejected,
                "skipped": self.skipped, "studies_loaded": self.studies_loaded}


def fill_from_warehouse(con: duckdb.DuckDBPyConnection, summary: RunSummary, by_rule: bool = True) -> RunSummary:
    """Add the run's rejects and the warehouse's issue counts to the summary; with `by_rule`, also the studies
    flagged by each rule (only the Markdown summary shows them; counting them costs a distinct count over every
    issue, about 40 ms at 20,000 studies)."""
    summary.studies_total = con.execute("SELECT count(*) FROM studies").fetchone()[0]
    run = literal(summary.run_id)  # not bound: see warehouse/literals.py
    summary.rejects = con.execute(f"SELECT path, stage, reason FROM meta.rejects WHERE run_id = {run} ORDER BY path"
                                  ).fetchall()
    summary.load_problems = con.execute(f"SELECT count(*) FROM meta.load_problems WHERE run_id = {run}").fetchone()[0]
    layouts = [row[0] for row in con.execute("SELECT DISTINCT source_layout FROM studies ORDER BY 1").fetchall()]
    summary.not_carried = never_shown(layouts)
    by_cat: dict[str, dict[str, int]] = {}
    for copy_age, category, severity, n in con.execute(
        f"SELECT {COPY_AGE} AS copy_age, category, severity, count(*) FROM quality_issues GROUP BY ALL ORDER BY ALL"
    ).fetchall():
        if copy_age:
            summary.copy_age_issues[severity] = summary.copy_age_issues.get(severity, 0) + n
        else:
            by_cat.setdefault(category, {})[severity] = n
    summary.issues_by_category = by_cat
    if by_rule:
        summary.issues_by_rule = con.execute(
            "SELECT rule_id, severity, count(DISTINCT nct_id) AS n FROM quality_issues GROUP BY ALL "
            "ORDER BY n DESC, rule_id").fetchall()
    return summary


def never_shown(layouts: list[str | None]) -> dict[str, list[str]]:
    """layout -> the fields judged by missing-field rules that its pages never show, for the layouts with any."""
    others = [layout for layout in layouts if layout is not None and layout not in SHOWS_EVERY_FIELD]
    if not others:
        return {}
    from checks.missing_fields import not_carried

    return {layout: fields for layout in others if (fields := not_carried(layout))}


def to_markdown(summary: RunSummary) -> str:
    """The run summary as Markdown, for the Prefect UI artifact (no personal data)."""
    lines = [
        f"# trialqc run {summary.run_id}", "",
        f"as of **{summary.as_of}** into `{summary.db_path}`", "",
        "| files seen | loaded | rejected | skipped | studies loaded | studies in warehouse |",
        "|---|---|---|---|---|---|",
        f"| {summary.files_seen} | {summary.loaded} | {summary.rejected} | {summary.skipped} "
        f"| {summary.studies_loaded} | {summary.studies_total} |", "",
        "## Quality issues in the warehouse", "", "| category | error | warning | info |", "|---|---|---|---|",
    ]
    for category, sev in sorted(summary.issues_by_category.items()):
        lines.append(f"| {category} | {sev.get('error', 0)} | {sev.get('warning', 0)} | {sev.get('info', 0)} |")
    if summary.copy_age_issues:
        sev = summary.copy_age_issues
        lines += [f"| *{COPY_AGE_ROW}* | {sev.get('error', 0)} | {sev.get('warning', 0)} | {sev.get('info', 0)} |",
                  "", f"*{COPY_AGE_ROW}* (`freshness.*`): a reason to fetch a record again, not a defect of it."]
    if summary.issues_by_rule:
        lines += ["", "## Studies with an issue, by rule", "", "| rule | severity | studies |", "|---|---|---|"]
        lines += [f"| `{rule}` | {severity} | {n} |" for rule, severity, n in summary.issues_by_rule]
    if summary.rejects:
        lines += ["", "## Rejected in this run", "", "| path | stage | reason |", "|---|---|---|"]
        lines += [f"| {markdown_cell(p)} | {markdown_cell(s)} | {markdown_cell(r)} |" for p, s, r in summary.rejects[:200]]
    if summary.load_problems:
        lines += ["", f"{summary.load_problems} problem(s) in files that loaded: see `meta.load_problems`."]
    if summary.not_carried:
        lines += ["", "## What each source layout never shows (not counted as missing)", ""]
        lines += [f"- `{layout}`: {', '.join(fields)}" for layout, fields in summary.not_carried.items()]
    if summary.failed_rules:
        lines += ["", "## Rules that could not run", ""]
        lines += [f"- `{rule}`: {markdown_cell(err)}" for rule, err in summary.failed_rules.items()]
    return "\n".join(lines) + "\n"
