"""The report's paged study lists and its study pages, written block by block (bounded memory at any size).

Each page's digest (checks/report_digests.py) is compared with the last report's first; only the
rows of the pages that changed are read and rendered.
"""
from __future__ import annotations

import itertools
from pathlib import Path

import duckdb
import pyarrow as pa
from jinja2 import Environment
from markupsafe import Markup

from checks.report_data import VERDICT_SQL
from checks.report_digests import (ISSUE_ORDER, LIST_ROWS, PAGE_SIZE, VERSION_ORDER, issues_sql, list_digests,
                                   shard_digests, shard_sql, versions_sql)
from checks.report_fingerprints import Fingerprints, of

BLOCK = 20_000  # studies read at once for the study pages
SHARDS_AT_ONCE = BLOCK // 100  # a study page holds up to 100 studies
LIST_ROW_START, LIST_ROW_END = '<tr class="verdict-', "</tr>"  # data is escaped: never "<" in a row's text


def shard_of(nct_id: str) -> str:
    """The study page file of a study: NCT plus its first six digits (up to 100 studies a file)."""
    return nct_id[:9]


def _dicts(rel) -> list[dict]:
    names = [d[0] for d in rel.description]
    return [dict(zip(names, row)) for row in rel.fetchall()]


def _changed(pages: dict, prints: Fingerprints | None) -> list:
    """The keys of `pages` ({key: (file, content)}) whose file is not as the last report wrote it."""
    return [key for key, (target, content) in pages.items() if prints is None or not prints.unchanged(target, content)]


def write_study_lists(con: duckdb.DuckDBPyConnection, env: Environment, out_dir: Path, total: int,
                      prints: Fingerprints | None = None) -> int:
    """studies/page-N.html: every study, worst first, PAGE_SIZE a page; returns the number of pages.

    With `prints`, a page whose content is that of the last report is neither read nor written again,
    and a page written again reuses the rows of the last report's changed pages that did not change."""
    folder = out_dir / "studies"
    folder.mkdir(parents=True, exist_ok=True)
    pages = max(1, -(-total // PAGE_SIZE))
    digests = list_digests(con)
    navs = {page: sorted({1, pages, *range(max(1, page - 5), min(pages, page + 5) + 1)}) for page in range(1, pages + 1)}
    changed = _changed({page: (folder / f"page-{page}.html", (digests.get(page), page, pages, navs[page]))
                        for page in navs}, prints)
    for page in set(navs) - set(changed) if prints is not None else ():
        prints.record_rows(folder / f"page-{page}.html", prints.rows_written(folder / f"page-{page}.html"))
    if not changed:
        return _drop_pages_past(folder, pages)
    template, row = env.get_template("studies_page.html.j2"), env.get_template("studies_row.html.j2").module.row
    reusable = _rows_written(folder, changed, prints)
    cursor = con.cursor()
    rel = cursor.execute(f"SELECT * EXCLUDE (page, pos) FROM ({LIST_ROWS}) WHERE page IN (SELECT unnest(?)) "
                         "ORDER BY pos", [changed])
    names = [d[0] for d in rel.description]
    for page in changed:  # in page order: each takes its PAGE_SIZE rows (the last one what is left)
        found = rel.fetchmany(PAGE_SIZE)
        keys = [of(values)[:32] for values in found]
        rows = [reusable.get(key) or row(dict(zip(names, values), shard=shard_of(values[0])))
                for key, values in zip(keys, found)]
        (folder / f"page-{page}.html").write_text(
            template.render(rows=rows, page=page, pages=pages, nav=navs[page]), encoding="utf-8")
        if prints is not None:
            prints.record_rows(folder / f"page-{page}.html", keys)
    cursor.close()
    return _drop_pages_past(folder, pages)


def _rows_written(folder: Path, pages: list[int], prints: Fingerprints | None) -> dict[str, Markup]:
    """The rows the last report wrote on these pages, by key (a row's key is a hash of what it shows)."""
    found: dict[str, Markup] = {}
    for page in pages if prints is not None else ():
        path = folder / f"page-{page}.html"
        keys = prints.rows_written(path)
        if keys and path.is_file():
            with open(path, encoding="utf-8", newline="") as old:
                rows = _list_rows(old.read())
            if len(rows) == len(keys):
                found.update(zip(keys, map(Markup, rows)))
    return found


def _list_rows(html: str) -> list[str]:
    """The rows of a study list page's HTML, in order."""
    start, end = html.find(LIST_ROW_START), html.rfind(LIST_ROW_END)
    if start < 0:
        return []
    return [row + LIST_ROW_END for row in html[start:end].split(LIST_ROW_END)]


def _drop_pages_past(folder: Path, pages: int) -> int:
    """Remove the list pages of an earlier, bigger warehouse; return the number of pages."""
    for stale in folder.glob("page-*.html"):
        if int(stale.stem.split("-")[1]) > pages:
            stale.unlink()
    return pages


def _block_details(con: duckdb.DuckDBPyConnection, ids: list[str]) -> tuple[dict, dict]:
    """Issues and source versions of a block of studies, by study."""
    con.register("_block", pa.table({"nct_id": ids}))
    try:
        issues = _dicts(con.execute(f"SELECT i.* FROM ({issues_sql(con)}) i SEMI JOIN _block USING (nct_id) "
                                    f"ORDER BY {ISSUE_ORDER}"))
        versions = _dicts(con.execute(f"SELECT v.* FROM ({versions_sql(con)}) v SEMI JOIN _block USING (nct_id) "
                                      f"ORDER BY {VERSION_ORDER}"))
    finally:
        con.unregister("_block")
    group = lambda rows: {k: list(v) for k, v in itertools.groupby(rows, key=lambda r: r["nct_id"])}  # noqa: E731
    return group(issues), group(versions)


def _studies_of(con: duckdb.DuckDBPyConnection, shards: list[str]) -> list[dict]:
    """The studies of some study pages, by nct_id."""
    return _dicts(con.execute(f"SELECT * FROM ({VERDICT_SQL}) WHERE {shard_sql()} IN (SELECT unnest(?)) "
                              "ORDER BY nct_id", [shards]))


def write_study_pages(con: duckdb.DuckDBPyConnection, env: Environment, out_dir: Path,
                      prints: Fingerprints | None = None) -> int:
    """study/<NCT+6 digits>.html: each study with its issues, evidence and every source version.

    Returns the number of pages written; with `prints`, a page whose studies are as the last report
    showed them is neither read nor written again."""
    folder = out_dir / "study"
    folder.mkdir(parents=True, exist_ok=True)
    digests = shard_digests(con)
    changed = _changed({shard: (folder / f"{shard}.html", (shard, digest))
                        for shard, digest in sorted(digests.items())}, prints)
    template = env.get_template("study_shard.html.j2") if changed else None
    for start in range(0, len(changed), SHARDS_AT_ONCE):
        block = _studies_of(con, changed[start:start + SHARDS_AT_ONCE])
        issues, versions = _block_details(con, [s["nct_id"] for s in block])
        for shard, studies in itertools.groupby(block, key=lambda s: shard_of(s["nct_id"])):
            studies = [dict(s, issues=issues.get(s["nct_id"], []), versions=versions.get(s["nct_id"], []))
                       for s in studies]
            (folder / f"{shard}.html").write_text(template.render(shard=shard, studies=studies), encoding="utf-8")
    for stale in folder.glob("*.html"):  # the page of studies no longer in the warehouse
        if stale.stem not in digests:
            stale.unlink()
    return len(changed)
