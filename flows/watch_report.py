"""What the watch lists show: a Markdown section for the run's artifact, an HTML page per list."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import datetime
from pathlib import Path

import duckdb

from checks.shown_text import markdown_cell, shown_in_template
from warehouse.literals import literal

TEMPLATES = Path(__file__).parent / "templates"
EVENT_TITLES = {"entered": "Entered the list", "left": "Left the list", "changed": "Record changed",
                "issue_new": "New issues", "issue_resolved": "Resolved issues"}


def _dicts(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> list[dict]:
    cursor = con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def run_lists(con: duckdb.DuckDBPyConnection, run_id: str) -> list[dict]:
    """The watch lists evaluated at a run, with their counts and events."""
    lists = _dicts(con, "SELECT w.*, l.query FROM meta.watch_runs w LEFT JOIN meta.watch_lists l USING (name) "
                        f"WHERE w.run_id = {literal(run_id)} ORDER BY w.name", [])  # no parameter: literals.py
    for item in lists:
        item["events"] = _dicts(con, "SELECT nct_id, event, detail FROM meta.watch_events WHERE run_id = ? "
                                     "AND name = ? ORDER BY event, nct_id, detail", [run_id, item["name"]])
    return lists


def watch_markdown(con: duckdb.DuckDBPyConnection, run_id: str) -> str:
    """The watch lists of a run as a Markdown section (empty when there are none)."""
    lists = run_lists(con, run_id)
    if not lists:
        return ""
    lines = ["## Watch lists", "", "| list | studies | entered | left | changed | new issues | resolved issues |",
             "|---|---|---|---|---|---|---|"]
    lines += [f"| {markdown_cell(w['name'])} | {w['members']} | {w['entered']} | {w['left']} | {w['changed']} "
              f"| {w['issues_new']} | {w['issues_resolved']} |" for w in lists]
    for w in lists:
        if not w["events"]:
            continue
        lines += ["", f"### {markdown_cell(w['name'])}", "", "| study | what | detail |", "|---|---|---|"]
        lines += [f"| {e['nct_id']} | {EVENT_TITLES[e['event']]} | {markdown_cell(e['detail'])} |"
                  for e in w["events"][:500]]
    return "\n".join(lines) + "\n"


# A list's name as its page's file name writes it: runs of anything but a letter or a digit as one dash.
NOT_SLUG = re.compile(r"[^a-z0-9]+")


def _name_hash(name: str) -> str:
    return hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]


def page_name(name: str) -> str:
    """The file name of a watch list's page: watch-<name as letters, digits and dashes>.html, accents stripped
    ("Étude" -> etude); a name whose letters are not all Latin (肺癌, рак лёгкого) adds a short hash of itself,
    so that two such names are two pages, not one."""
    decomposed = unicodedata.normalize("NFKD", name)
    slug = NOT_SLUG.sub("-", decomposed.encode("ascii", "ignore").decode().lower()).strip("-")
    lost = any(not ch.isascii() and unicodedata.category(ch)[0] in "LN" for ch in decomposed)
    return "watch-" + "-".join(part for part in (slug or "list", _name_hash(name) if lost else "") if part) + ".html"


def page_names(names: list[str]) -> dict[str, str]:
    """Each list's page file name, one page a list: of names that would share a page ("recruiting baricitinib",
    "recruiting-baricitinib"), the first given keeps it and each other adds a short hash of its name."""
    pages, taken = {}, set()
    for name in names:
        page = page_name(name)
        if page in taken:
            page = page.removesuffix(".html") + f"-{_name_hash(name)}.html"
        pages[name] = page
        taken.add(page)
    return pages


def page_context(con: duckdb.DuckDBPyConnection, name: str) -> dict:
    """What one watch list's page shows: its search, current studies and its events run by run."""
    watch = _dicts(con, "SELECT * FROM meta.watch_lists WHERE name = ?", [name])
    latest = _dicts(con, "SELECT run_id, evaluated_at FROM meta.watch_runs WHERE name = ? "
                         "ORDER BY evaluated_at DESC LIMIT 1", [name])
    members = _dicts(con, """
        SELECT m.rank, s.nct_id, s.brief_title, s.overall_status, s.phase, s.start_date, s.completion_date,
               s.last_update_posted_date,
               (SELECT count(*) FROM quality_issues q WHERE q.nct_id = s.nct_id AND q.severity = 'error') AS errors,
               (SELECT count(*) FROM quality_issues q WHERE q.nct_id = s.nct_id AND q.severity = 'warning') AS warnings,
               (SELECT count(*) FROM quality_issues q WHERE q.nct_id = s.nct_id AND q.severity = 'info') AS infos
        FROM meta.watch_members m JOIN studies s USING (nct_id)
        WHERE m.name = ? AND m.run_id = ? ORDER BY m.rank""", [name, latest[0]["run_id"] if latest else None])
    runs = _dicts(con, "SELECT w.*, l.as_of FROM meta.watch_runs w LEFT JOIN meta.load_runs l USING (run_id) "
                       "WHERE w.name = ? ORDER BY w.evaluated_at DESC LIMIT 50", [name])
    for run in runs:
        run["events"] = _dicts(con, "SELECT nct_id, event, detail FROM meta.watch_events WHERE run_id = ? "
                                    "AND name = ? ORDER BY event, nct_id, detail", [run["run_id"], name])
    return {"name": name, "watch": watch[0] if watch else None, "members": members, "runs": runs,
            "event_titles": EVENT_TITLES, "generated": datetime.now().strftime("%Y-%m-%d %H:%M")}


def write_watch_pages(con: duckdb.DuckDBPyConnection, out_dir: Path) -> list[Path]:
    """Write one HTML page per saved watch list into out_dir; the paths written."""
    return [path for _, path in watch_pages_written(con, out_dir)]


def watch_pages_written(con: duckdb.DuckDBPyConnection, out_dir: Path) -> list[tuple[str, Path]]:
    """Write one HTML page per saved watch list into out_dir; each list's name and the path of its page, by
    name. The oldest of lists whose names would share a page keeps its plain name (page_names)."""
    names = [name for (name,) in con.execute("SELECT name FROM meta.watch_lists ORDER BY name").fetchall()]
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if not names:  # no template to load (and compile) for no page
        return []
    from jinja2 import Environment, FileSystemLoader, select_autoescape  # only where pages are written

    from checks.report_fingerprints import write_page

    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                      finalize=shown_in_template)
    template = env.get_template("watch_list.html.j2")
    oldest_first = [name for (name,) in con.execute(
        "SELECT name FROM meta.watch_lists ORDER BY created_at, name").fetchall()]
    pages = page_names(oldest_first)
    written = []
    for name in names:
        path = out_dir / pages[name]
        write_page(path, template.render(**page_context(con, name)))
        written.append((name, path))
    return written
