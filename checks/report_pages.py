"""The report's paged study lists and its study pages, written block by block (bounded memory at any size).

Each page's digest (checks/report_digests.py) is compared with the last report's first; only the
rows of the pages that changed are read and rendered. A page's rows (or sections), each markup already, go
to its template joined as one piece: the same page as a loop over them, without a template call per row.
"""
from __future__ import annotations

import itertools
from pathlib import Path
from typing import Iterable

import duckdb
from jinja2 import Environment
from markupsafe import Markup

from checks.report_data import verdicts_of
from checks.report_digests import (ISSUE_ORDER, LIST_ROWS, PAGE_SIZE, VERSION_ORDER, issues_sql, list_keys, split,
                                   study_digests, versions_sql)
from checks.report_fingerprints import Fingerprints, write_page
from checks.report_reuse import pieces_written

BLOCK = 20_000  # studies read at once for the study pages
LIST_PAGES_AT_ONCE = BLOCK // PAGE_SIZE  # changed study list pages whose last markup is held at once
SHARDS_AT_ONCE = BLOCK // 100  # a study page holds up to 100 studies
LIST_ROW_START, LIST_ROW_END = '<tr class="verdict-', "</tr>"
SECTION_START, SECTION_END = '<section class="study"', "</section>"


def shard_of(nct_id: str) -> str:
    """The study page file of a study: NCT plus its first six digits (up to 100 studies a file)."""
    return nct_id[:9]


def _dicts(rel) -> list[dict]:
    names = [d[0] for d in rel.description]
    return [dict(zip(names, row)) for row in rel.fetchall()]


def _changed(pages: Iterable[tuple[object, Path, object]], prints: Fingerprints | None) -> list:
    """The keys of `pages` ((key, file, content), each content made as it is compared) whose file is not as the
    last report wrote it."""
    return [key for key, target, content in pages if prints is None or not prints.unchanged(target, content)]


def write_study_lists(con: duckdb.DuckDBPyConnection, env: Environment, out_dir: Path, total: int,
                      prints: Fingerprints | None = None) -> int:
    """studies/page-N.html: every study, worst first, PAGE_SIZE a page; returns the number of pages.

    With `prints`, a page whose rows are those of the last report is neither read nor written again, and a
    page written again reuses the rows the last report wrote on the changed pages of its block (LIST_PAGES_AT_ONCE)
    that did not change: each row's key (report_digests.list_keys) tells which, and only the other rows are read
    and rendered."""
    folder = out_dir / "studies"
    folder.mkdir(parents=True, exist_ok=True)
    pages = max(1, -(-total // PAGE_SIZE))
    if prints is not None and prints.kept and prints.carry("studies"):
        return pages  # nothing they show changed since the last report (Fingerprints.kept)
    listed = list_keys(con)
    keys = {page: listed.get(page, ("", ""))[1] for page in range(1, pages + 1)}  # joined

    def keyed(page: int) -> list[tuple[str, str]]:  # (nct_id, row key) of a page's rows, in order
        ids, joined = listed.get(page, ("", ""))
        return list(zip(split(ids), split(joined)))
    navs = {page: sorted({1, pages, *range(max(1, page - 5), min(pages, page + 5) + 1)})
            for page in range(1, pages + 1)}
    changed = _changed(((page, folder / f"page-{page}.html", (split(keys[page]), page, pages, navs[page]))
                        for page in navs), prints)
    for page in set(navs) - set(changed) if prints is not None else ():
        prints.record_rows(folder / f"page-{page}.html", keys[page])
    if not changed:
        return _drop_pages_past(folder, pages)
    template, row = env.get_template("studies_page.html.j2"), env.get_template("studies_row.html.j2").module.row
    # The changed pages a block at a time: the markup of a block's last pages is held, not every page's (at
    # 600,000 studies a 1% change moves rows on every page: 200 MB of rows). A row is taken again from a page
    # of its own block; one that moved across blocks is rendered again. A page with many rows to render reads
    # its rows in list order (as a first report does); the few rows of the other pages are read by study.
    blocks = [changed[at:at + LIST_PAGES_AT_ONCE] for at in range(0, len(changed), LIST_PAGES_AT_ONCE)]
    whole, few = set(), []
    for block in blocks:
        written = _keys_written(folder, block, prints)
        for page in block:
            fresh = [nct_id for nct_id, key in keyed(page) if key not in written]
            if len(fresh) > PAGE_SIZE // 4:
                whole.add(page)
            else:
                few += fresh
    drawn = {values["nct_id"]: values for values in _list_rows_of(con, few)} if few else {}
    cursor = con.cursor()
    rel = cursor.execute(f"SELECT * EXCLUDE (page, pos) FROM ({LIST_ROWS}) WHERE page IN (SELECT unnest(?)) "
                         "ORDER BY pos", [sorted(whole)]) if whole else None
    names = [d[0] for d in rel.description] if rel is not None else []
    for block in blocks:  # in page order: each whole page takes its rows (the last one what is left)
        reusable = pieces_written([folder / f"page-{page}.html" for page in block], prints, LIST_ROW_START,
                                  LIST_ROW_END)
        # rows whose keys a page of the last report names, on a page that no longer holds them as named
        missing = [nct_id for page in block if page not in whole for nct_id, key in keyed(page)
                   if key not in reusable and nct_id not in drawn]
        if missing:
            drawn.update((values["nct_id"], values) for values in _list_rows_of(con, missing))
        for page in block:
            entries = keyed(page)
            if page in whole:
                found = [dict(zip(names, values)) for values in rel.fetchmany(len(entries))]
            else:
                found = [drawn.get(nct_id) for nct_id, _ in entries]
            rows = [reusable.get(key) or row(dict(values, shard=shard_of(nct_id)))
                    for (nct_id, key), values in zip(entries, found)]
            write_page(folder / f"page-{page}.html",
                       template.render(rows=[Markup("".join(rows))], page=page, pages=pages, nav=navs[page]))
            if prints is not None:
                prints.record_rows(folder / f"page-{page}.html", keys[page])
    cursor.close()
    return _drop_pages_past(folder, pages)


def _keys_written(folder: Path, pages: list[int], prints: Fingerprints | None) -> set[str]:
    """The keys of the rows the last report wrote on these list pages (those still on disk)."""
    if prints is None:
        return set()
    found: set[str] = set()
    for page in pages:
        path = folder / f"page-{page}.html"
        written = prints.rows_written(path)
        if written and path.is_file():
            found.update(written)
    return found


def _list_rows_of(con: duckdb.DuckDBPyConnection, ids: list[str]) -> list[dict]:
    """Some studies' rows as the study lists show them (as LIST_ROWS gives them, without page and position)."""
    scoped = verdicts_of("nct_id IN (SELECT unnest($ids))")
    return _dicts(con.execute(f"SELECT * FROM ({scoped})", {"ids": ids}))


def _drop_pages_past(folder: Path, pages: int) -> int:
    """Remove the list pages of an earlier, bigger warehouse; return the number of pages."""
    for stale in folder.glob("page-*.html"):
        if int(stale.stem.split("-")[1]) > pages:
            stale.unlink()
    return pages


def _block_details(con: duckdb.DuckDBPyConnection, ids: list[str]) -> tuple[dict, dict]:
    """Issues and source versions of a block of studies, by study."""
    import pyarrow as pa  # only where study pages are written again: a report that keeps them does not need it

    con.register("_block", pa.table({"nct_id": ids}))
    try:
        issues = _dicts(con.execute(f"SELECT i.* FROM ({issues_sql(con, '_block')}) i "
                                    f"ORDER BY {ISSUE_ORDER}"))
        versions = _dicts(con.execute(f"SELECT v.*, l.started_at AS loaded_started FROM ({versions_sql(con)}) v "
                                      "SEMI JOIN _block USING (nct_id) LEFT JOIN meta.load_runs l ON "
                                      f"l.run_id = v.loaded_run ORDER BY {VERSION_ORDER}"))
    finally:
        con.unregister("_block")
    group = lambda rows: {k: list(v) for k, v in itertools.groupby(rows, key=lambda r: r["nct_id"])}  # noqa: E731
    return group(issues), group(versions)


def _studies_of(con: duckdb.DuckDBPyConnection, ids: list[str]) -> list[dict]:
    """Some studies as their pages show them, by nct_id (their verdicts read from their own issues only)."""
    scoped = verdicts_of("nct_id IN (SELECT unnest($ids))")
    return _dicts(con.execute(f"SELECT * FROM ({scoped}) ORDER BY nct_id", {"ids": ids}))


def write_study_pages(con: duckdb.DuckDBPyConnection, env: Environment, out_dir: Path,
                      prints: Fingerprints | None = None) -> int:
    """study/<NCT+6 digits>.html: each study with its issues, evidence and every source version.

    Returns the number of pages written; with `prints`, a page whose studies are as the last report
    showed them is neither read nor written again, and one written again reads and renders only its
    studies that changed."""
    folder = out_dir / "study"
    folder.mkdir(parents=True, exist_ok=True)
    if prints is not None and prints.kept and prints.carry("study"):
        return 0  # nothing they show changed since the last report (Fingerprints.kept)
    shards = study_digests(con)  # shard -> its studies' digests, joined

    def keyed(shard: str) -> list[tuple[str, str]]:  # (nct_id, digest) of a page's studies, in order
        return [(key.split(":", 1)[0], key) for key in split(shards[shard])]
    changed = _changed(((shard, folder / f"{shard}.html", (shard, split(joined))) for shard, joined in shards.items()),
                       prints)
    for shard in set(shards) - set(changed) if prints is not None else ():
        prints.record_rows(folder / f"{shard}.html", shards[shard])
    if changed:
        template = env.get_template("study_shard.html.j2")
        section = env.get_template("study_section.html.j2").module.section
    for start in range(0, len(changed), SHARDS_AT_ONCE):
        pages = changed[start:start + SHARDS_AT_ONCE]
        reusable = pieces_written([folder / f"{shard}.html" for shard in pages], prints, SECTION_START, SECTION_END)
        drawn = _sections(con, section, [i for shard in pages for i, key in keyed(shard) if key not in reusable])
        for shard in pages:
            sections = [reusable.get(key) or drawn[i] for i, key in keyed(shard)]
            write_page(folder / f"{shard}.html", template.render(shard=shard, sections=[Markup("".join(sections))]))
            if prints is not None:
                prints.record_rows(folder / f"{shard}.html", shards[shard])
    for stale in folder.glob("*.html"):  # the page of studies no longer in the warehouse
        if stale.stem not in shards:
            stale.unlink()
    return len(changed)


def _sections(con: duckdb.DuckDBPyConnection, section, ids: list[str]) -> dict[str, str]:
    """The study sections of these studies, read and rendered, by nct_id."""
    if not ids:
        return {}
    block = _studies_of(con, ids)
    issues, versions = _block_details(con, [s["nct_id"] for s in block])
    return {s["nct_id"]: section(dict(s, issues=issues.get(s["nct_id"], []), versions=versions.get(s["nct_id"], [])))
            for s in block}
