"""Great Expectations Data Docs pages that render styled offline, and their static index of the runs validated.

GX's pages load Bootstrap, jQuery and more from public CDNs, and build their index table with
bootstrap-table from a CDN; offline that index is empty and every page unstyled. Here the CDN
links point at copies in static/vendor (Bootstrap 4.6, jQuery 3.6: MIT), links to libraries we
do not ship are dropped, and index.html is a plain table that needs no script.
"""
from __future__ import annotations

import re
from html import escape
from pathlib import Path

ASSETS = Path(__file__).parent / "gx_assets"
VENDORED = {
    r"https://[^\"']*bootstrap(?:/[\d.]+)?/css/bootstrap\.min\.css": "static/vendor/bootstrap.min.css",
    r"https://[^\"']*bootstrap(?:/[\d.]+)?/js/bootstrap\.min\.js": "static/vendor/bootstrap.bundle.min.js",
    r"https://code\.jquery\.com/jquery-[\d.]+\.min\.js": "static/vendor/jquery.min.js",
}
DROPPED = re.compile(r"<(?:script|link)[^>]*(?:unpkg\.com|cdnjs\.cloudflare\.com|cdn\.jsdelivr\.net)[^>]*>"
                     r"(?:</script>)?")
REMOTE_LOGO = re.compile(r"https://great-expectations-web-assets\.[^\"']*?\.png(\?[^\"']*)?")
# GX marks each expectation's status with a Font Awesome icon, whose font comes from a CDN we drop: without it
# the Status column is blank. These marks stand in for the icons GX uses (passed, failed, raised an error).
STATUS_MARKS = ("<style>.fas { font-style: normal; font-weight: bold; }"
                " .fa-check-circle::before { content: '\\2713'; } .fa-times::before { content: '\\2717 failed'; }"
                " .fa-exclamation-triangle::before { content: '\\26A0 error'; }</style>")


def localise(out_dir: Path) -> None:
    """Point every page at the vendored assets; drop CDN links we do not ship; mark each status; name the data
    asset."""
    for page in out_dir.rglob("*.html"):
        up = "../" * (len(page.relative_to(out_dir).parts) - 1)
        html = page.read_text(encoding="utf-8")
        for pattern, local in VENDORED.items():
            html = re.sub(pattern, up + local, html)
        html = DROPPED.sub("", html)
        html = REMOTE_LOGO.sub(f"{up}static/images/logo-long.png", html)
        html = html.replace("</head>", STATUS_MARKS + "</head>", 1)
        parts = page.relative_to(out_dir).parts
        if parts[0] == "validations":  # validations/<table>/<run name>/<time>/<batch>.html
            html = html.replace("Data asset: None", f"Data asset: {escape(parts[1])}")
        page.write_text(html, encoding="utf-8")


RUNS = "runs.json"  # what the index lists, kept so the index can be written again without GX


def run_rows(out_dir: Path, results: list[tuple[str, str, object]]) -> list[dict]:
    """The index's rows (table, run name, page, time, result) of GX's validation results."""
    rows = []
    for table, run_name, result in results:
        pages = sorted((out_dir / "validations" / table).glob(f"{run_name}/*/*.html"))
        stats = result.statistics
        link = pages[-1].relative_to(out_dir).as_posix() if pages else ""
        rows.append({"table": table, "run_name": run_name, "link": link,
                     "time": f"{result.meta['run_id'].run_time:%Y-%m-%d %H:%M}", "success": bool(result.success),
                     "met": stats["successful_expectations"], "evaluated": stats["evaluated_expectations"]})
    return rows


def write_index(out_dir: Path, runs: list[dict], current: str | None = None) -> Path:
    """A static index of the validation runs (table, result, time, run name) and the suites."""
    # the result first after the suite: on a phone the run's long name is what scrolls out of sight
    rows = [f"<tr><td><a href='expectations/{escape(r['table'])}.html'>{escape(r['table'])}</a></td>"
            + ("<td class='text-success'>passed</td>" if r["success"] else "<td class='text-danger'>failed</td>")
            + f"<td>{r['met']} of {r['evaluated']}</td><td>{escape(r['time'])}</td>"
            + f"<td><a href='{escape(r['link'])}'>{escape(r['run_name'])}</a></td></tr>" for r in runs]
    still = "" if current is None or all(r["run_name"] == current for r in runs) else (
        f"<p>Current for run <code>{escape(current)}</code>: every expectation observes the same value in the "
        "warehouse now as in the validation run listed (computed in DuckDB), so it was not validated again.</p>")
    index = out_dir / "index.html"
    index.write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>trialqc — Great Expectations Data Docs</title>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<link rel='stylesheet' href='static/vendor/bootstrap.min.css'></head><body class='container my-4'>"
        "<h1>Great Expectations Data Docs</h1><p class='text-muted'>Expectations over the whole trialqc warehouse "
        "(row counts against the records loaded, the share of studies missing a field, value distributions). "
        "Row-level checks are pandera's, applied on the way in.</p>" + still +
        "<div class='table-responsive'><table class='table table-sm table-striped'><thead><tr><th>frame (suite)</th>"
        "<th>result</th><th>expectations met</th><th>run time</th><th>validation run</th></tr></thead><tbody>"
        + "".join(rows) +
        "</tbody></table></div></body></html>", encoding="utf-8")
    return index
