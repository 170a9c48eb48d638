"""The report's paged study lists and its study pages, written block by block (bounded memory at any size)."""
from __future__ import annotations

import itertools
from pathlib import Path

import duckdb
import pyarrow as pa
from jinja2 import Environment

from checks.report_data import DEFECT, VERDICT_SQL, has_table
from checks.report_fingerprints import Fingerprints

PAGE_SIZE = 1000  # studies per list page
BLOCK = 20_000  # studies read at once for the study pages
WORST_FIRST = "list_position(['untrusted', 'review', 'trusted'], verdict), errors DESC, warnings DESC, nct_id"


def shard_of(nct_id: str) -> str:
    """The study page file of a study: NCT plus its first six digits (up to 100 studies a file)."""
    return nct_id[:9]


def _dicts(rel) -> list[dict]:
    names = [d[0] for d in rel.description]
    return [dict(zip(names, row)) for row in rel.fetchall()]


def write_study_lists(con: duckdb.DuckDBPyConnection, env: Environment, out_dir: Path, total: int,
                      prints: Fingerprints | None = None) -> int:
    """studies/page-N.html: every study, worst first, PAGE_SIZE a page; returns the number of pages.

    With `prints`, a page whose content is that of the last report is not written again."""
    folder = out_dir / "studies"
    folder.mkdir(parents=True, exist_ok=True)
    pages = max(1, -(-total // PAGE_SIZE))
    template = env.get_template("studies_page.html.j2")
    cursor = con.cursor()
    rel = cursor.execute(f"SELECT * FROM ({VERDICT_SQL}) ORDER BY {WORST_FIRST}")
    names = [d[0] for d in rel.description]
    for page in range(1, pages + 1):
        studies = [dict(zip(names, row), shard=shard_of(row[0])) for row in rel.fetchmany(PAGE_SIZE)]
        nav = sorted({1, pages, *range(max(1, page - 5), min(pages, page + 5) + 1)})
        target = folder / f"page-{page}.html"
        if prints is not None and prints.unchanged(target, (studies, page, pages, nav)):
            continue
        target.write_text(template.render(studies=studies, page=page, pages=pages, nav=nav), encoding="utf-8")
    for stale in folder.glob("page-*.html"):  # pages of an earlier, bigger warehouse
        if int(stale.stem.split("-")[1]) > pages:
            stale.unlink()
    cursor.close()
    return pages


def _block_details(con: duckdb.DuckDBPyConnection, ids: list[str]) -> tuple[dict, dict]:
    """Issues and source versions of a block of studies, by study."""
    con.register("_block", pa.table({"nct_id": ids}))
    history = has_table(con, "meta", "quality_issue_history")
    first_seen = ("(SELECT min(h.first_seen_run) FROM meta.quality_issue_history h WHERE h.nct_id = q.nct_id "
                  "AND h.rule_id = q.rule_id AND h.resolved_run IS NULL)") if history else "NULL"
    issues = _dicts(con.execute(f"""
        SELECT q.nct_id, severity, rule_id, message, evidence, fields, NOT ({DEFECT}) AS freshness,
               {first_seen} AS first_seen
        FROM quality_issues q JOIN _block USING (nct_id)
        ORDER BY q.nct_id, freshness, list_position(['error', 'warning', 'info'], severity), rule_id, message,
                 evidence"""))
    snapshot = "r.snapshot_date" if con.execute(
        "SELECT count(*) FROM duckdb_columns() WHERE schema_name = 'meta' AND table_name = 'source_records' "
        "AND column_name = 'snapshot_date'").fetchone()[0] else "NULL AS snapshot_date"
    versions = _dicts(con.execute(f"""
        SELECT r.nct_id, layout, last_update_posted_date, {snapshot}, overall_status, is_current, path, loaded_run
        FROM meta.source_records r JOIN _block USING (nct_id)
        ORDER BY r.nct_id, last_update_posted_date DESC NULLS LAST, layout, path, loaded_run"""))
    con.unregister("_block")
    group = lambda rows: {k: list(v) for k, v in itertools.groupby(rows, key=lambda r: r["nct_id"])}  # noqa: E731
    return group(issues), group(versions)


def write_study_pages(con: duckdb.DuckDBPyConnection, env: Environment, out_dir: Path,
                      prints: Fingerprints | None = None) -> int:
    """study/<NCT+6 digits>.html: each study with its issues, evidence and every source version.

    Returns the number of pages written; with `prints`, a page whose studies are as the last report
    showed them is not written again."""
    folder = out_dir / "study"
    folder.mkdir(parents=True, exist_ok=True)
    template = env.get_template("study_shard.html.j2")
    reader = con.cursor()
    rel = reader.execute(f"SELECT * FROM ({VERDICT_SQL}) ORDER BY nct_id")
    names = [d[0] for d in rel.description]
    written = 0
    while block := [dict(zip(names, row)) for row in rel.fetchmany(BLOCK)]:
        issues, versions = _block_details(con, [s["nct_id"] for s in block])
        for shard, studies in itertools.groupby(block, key=lambda s: shard_of(s["nct_id"])):
            studies = [dict(s, issues=issues.get(s["nct_id"], []), versions=versions.get(s["nct_id"], []))
                       for s in studies]
            target = folder / f"{shard}.html"
            if prints is not None and prints.unchanged(target, (shard, studies)):
                continue
            target.write_text(template.render(shard=shard, studies=studies), encoding="utf-8")
            written += 1
    reader.close()
    return written
