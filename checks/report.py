"""The HTML quality report: which studies can be trusted, and why not (no personal data)."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
from jinja2 import Environment, FileSystemLoader, select_autoescape

TEMPLATES = Path(__file__).parent / "templates"


def _dicts(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    rel = con.execute(sql)
    names = [d[0] for d in rel.description]
    return [dict(zip(names, row)) for row in rel.fetchall()]


def report_context(con: duckdb.DuckDBPyConnection) -> dict:
    """Everything the report shows, read from the warehouse."""
    studies = _dicts(con, """
        SELECT s.nct_id, s.brief_title, s.overall_status, s.source_layout,
               count(*) FILTER (WHERE q.severity = 'error') AS errors,
               count(*) FILTER (WHERE q.severity = 'warning') AS warnings,
               count(*) FILTER (WHERE q.severity = 'info') AS infos
        FROM studies s LEFT JOIN quality_issues q USING (nct_id)
        GROUP BY ALL ORDER BY errors DESC, warnings DESC, s.nct_id""")
    for s in studies:
        s["verdict"] = "untrusted" if s["errors"] else "review" if s["warnings"] else "trusted"
    verdicts = {v: sum(s["verdict"] == v for s in studies) for v in ("trusted", "review", "untrusted")}
    runs = _dicts(con, "SELECT run_id, as_of FROM meta.load_runs ORDER BY started_at DESC LIMIT 1")
    return {
        "studies": studies,
        "verdicts": verdicts,
        "issues": _dicts(con, """SELECT nct_id, severity, rule_id, category, fields, message, evidence
                                  FROM quality_issues ORDER BY nct_id, severity, rule_id"""),
        "by_rule": _dicts(con, """SELECT rule_id, category, severity, count(DISTINCT nct_id) AS n
                                   FROM quality_issues GROUP BY ALL ORDER BY n DESC, rule_id"""),
        "rejects": con.execute("SELECT count(*) FROM meta.rejects").fetchone()[0],
        "last_run": runs[0] if runs else None,
        "generated": datetime.now().strftime("%Y-%m-%d %H:%M"),
    }


def render_report(con: duckdb.DuckDBPyConnection, db_label: str, gx_docs: str | None = None) -> str:
    """The report as an HTML string."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]))
    return env.get_template("report.html.j2").render(db=db_label, gx_docs=gx_docs, **report_context(con))


def write_report(con: duckdb.DuckDBPyConnection, out_dir: Path, db_label: str | None = None) -> list[Path]:
    """Write quality_report.html and the GX Data Docs under out_dir; return the paths written."""
    from checks import gx_suite

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    gx_index = gx_suite.build_data_docs(con, out_dir / "gx")
    written.append(gx_index)
    db_label = db_label or con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()[0]
    html = render_report(con, str(db_label), gx_docs=str(Path(gx_index).relative_to(out_dir)))
    report = out_dir / "quality_report.html"
    report.write_text(html, encoding="utf-8")
    written.insert(0, report)
    return written
