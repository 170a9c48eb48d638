"""Calibrate the quality rules: load record folders, judge each record at its own snapshot, and
print each rule's firing rate per severity and per source layout, beside a published figure.

Usage: python bench/rule_rates.py [--as-of 2026-11-22] [--errors] DIR [DIR ...]
(e.g. ../shared/corpus/json_v2 ../shared/corpus/xml_legacy data/samples). A rule that fires on
most real records is either right for a stated reason or too loose. --errors lists every
error-severity finding with its evidence, to be read against its source record.

Until the parsers fill them, the snapshot date (API v2 versionHolder, XML download_date) and the
registry timeline (first submitted, results, certificate of delay) are read here from the JSON and
XML files; a column the parser already filled is left alone. Text pages give neither.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyarrow as pa  # noqa: E402

import checks  # noqa: E402
from checks.check_scope import set_scope  # noqa: E402
from checks.rule_findings import findings_of  # noqa: E402
from checks.results_deadline import NO_RESULTS, results_due  # noqa: E402
from flows.run import run_pipeline  # noqa: E402
from warehouse.connect import connect  # noqa: E402

TIMELINE = ("snapshot_date", "study_first_submitted_date", "results_first_submitted_date",
            "results_first_posted_date", "disposition_first_submitted_date", "disposition_first_posted_date")
JSON_PATHS = ("derivedSection.miscInfoModule.versionHolder", "protocolSection.statusModule.studyFirstSubmitDate",
              "protocolSection.statusModule.resultsFirstSubmitDate",
              "protocolSection.statusModule.resultsFirstPostDateStruct.date",
              "protocolSection.statusModule.dispFirstSubmitDate",
              "protocolSection.statusModule.dispFirstPostDateStruct.date")
XML_TAGS = ("required_header/download_date", "study_first_submitted", "results_first_submitted",
            "results_first_posted", "disposition_first_submitted", "disposition_first_posted")
# Published figures to read each rate against (the denominators differ: see the note).
PUBLISHED = {
    "timeliness.late_registration": "Haslberger et al., BMJ Open 2023;13:e069553: 53.7% of 1,927 German "
                                    "UMC trials (CT.gov/DRKS, completed 2009-2017) registered retrospectively",
    "timeliness.results_overdue": "DeVito, Bacon & Goldacre, Lancet 2020 (FDAAA TrialsTracker data): "
                                  "of 4,209 trials due, 40.9% reported on time, 64.1% ever -> ~36% of due trials overdue",
}


def _day(text: str | None) -> date | None:
    """A registry date: ISO ('2025-10-02') or legacy XML ('February 03, 2023', with a preamble)."""
    if not text:
        return None
    text = text.strip().removeprefix("ClinicalTrials.gov processed this data on ").strip()
    for form in ("%Y-%m-%d", "%B %d, %Y"):
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    return None


def _dig(doc: dict, path: str):
    for key in path.split("."):
        doc = doc.get(key) if isinstance(doc, dict) else None
    return doc


def timeline_of(path: Path) -> tuple[str, list[date | None]] | None:
    """(nct_id, TIMELINE values) read from one API v2 JSON or legacy XML file, else None."""
    try:
        if path.suffix == ".json":
            doc = json.loads(path.read_bytes())
            return (_dig(doc, "protocolSection.identificationModule.nctId"),
                    [_day(_dig(doc, p)) for p in JSON_PATHS])
        if path.suffix == ".xml":
            root = ET.parse(path).getroot()
            return root.findtext("id_info/nct_id"), [_day(root.findtext(t)) for t in XML_TAGS]
    except (OSError, ValueError, ET.ParseError):
        return None
    return None


def backfill_timeline(con, sources: list[Path]) -> int:
    """Fill NULL snapshot/timeline columns of `studies` from the source files; returns studies touched."""
    rows = [found for source in sources for path in sorted(source.rglob("*"))
            if path.is_file() and (found := timeline_of(path)) and found[0]]
    if not rows:
        return 0
    table = pa.table({"nct_id": [r[0] for r in rows],
                      **{c: pa.array([r[1][i] for r in rows], pa.date32()) for i, c in enumerate(TIMELINE)}})
    con.register("_timeline", table)
    sets = ", ".join(f"{c} = coalesce(s.{c}, t.{c})" for c in TIMELINE)
    con.execute(f"UPDATE studies s SET {sets} FROM _timeline t WHERE t.nct_id = s.nct_id")
    con.unregister("_timeline")
    return len(rows)


def overdue_share(con, as_of: date) -> str:
    """Overdue among trials due (the rule's approximate applicability, deadline passed at the snapshot)."""
    due, overdue = con.execute(
        f"SELECT count(*), count(*) FILTER (WHERE {NO_RESULTS}) FROM studies s WHERE {results_due()}",
        {"as_of": as_of}).fetchone()
    return f"{overdue}/{due} due trials overdue" + (f" ({100 * overdue / due:.0f}%)" if due else "")


# Rules about "now": what they would say if each copy were judged as of the run's as_of instead.
NOW_RULES = ("dates.status_stale_after_completion", "dates.verification_stale",
             "timeliness.not_yet_recruiting_past_start", "timeliness.results_overdue")


def print_ignoring_snapshots(con, as_of: date) -> None:
    """Rates of the rules about now with every snapshot date forgotten (the old behaviour)."""
    rules = {r.id: r for r in checks.all_rules()}
    con.execute("UPDATE studies SET snapshot_date = NULL")
    scope = set_scope(con, None, as_of)
    total = con.execute("SELECT count(*) FROM studies").fetchone()[0]
    print(f"\njudged as of {as_of} instead of each record's snapshot:")
    for rule_id in NOW_RULES:
        found = {f.nct_id for f in findings_of(con, rules[rule_id], scope)}
        print(f"  {rule_id:50s} {len(found):5d} studies {100 * len(found) / total:5.1f}%")


def print_rates(con, as_of: date, show_errors: bool) -> None:
    """One line per rule: studies, rate, findings per severity, rate per layout, published figure."""
    scope = set_scope(con, None, as_of)
    by_layout = dict(con.execute("SELECT nct_id, source_layout FROM studies").fetchall())
    sizes = Counter(by_layout.values())
    layouts, total = sorted(sizes), len(by_layout)
    if not total:
        sys.exit("rule_rates: no study was loaded from the folders given (see the run's rejects above)")
    print(f"\n{total} studies, as of {as_of}, each judged at min(as_of, its snapshot): "
          + ", ".join(f"{k} {v}" for k, v in sorted(sizes.items())) + "\n")
    print(f"{'rule':52s} {'sev':8s} {'studies':>7s} {'rate':>6s} {'err/warn/info':>14s}  "
          + "  ".join(f"{k[:12]:>12s}" for k in layouts) + "  published")
    errors = []
    for rule in checks.all_rules():
        try:
            found = findings_of(con, rule, scope)
        except Exception as exc:  # report, keep calibrating the others
            print(f"{rule.id:52s} FAILED: {exc}")
            continue
        studies = {f.nct_id for f in found}
        sev = Counter(f.severity or rule.severity for f in found)
        errors += [(rule.id, f) for f in found if (f.severity or rule.severity) == "error"]
        per_layout = "  ".join(f"{100 * sum(by_layout[n] == k for n in studies) / sizes[k]:11.1f}%"
                               for k in layouts)
        mix = f"{sev['error']}/{sev['warning']}/{sev['info']}"
        print(f"{rule.id:52s} {rule.severity:8s} {len(studies):7d} {100 * len(studies) / total:5.1f}% "
              f"{mix:>14s}  {per_layout}  {PUBLISHED.get(rule.id, '')}")
    print(f"\nresults overdue among due trials here: {overdue_share(con, as_of)}")
    if show_errors:
        print(f"\n{len(errors)} error-severity findings:")
        for rule_id, f in sorted(errors, key=lambda e: (e[1].nct_id, e[0])):
            print(f"  {f.nct_id} {rule_id}: {f.message} [{f.evidence}]")


def main() -> None:
    """Load, fill the timeline, check, print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("sources", nargs="+", type=Path)
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 11, 22))
    parser.add_argument("--errors", action="store_true", help="list every error-severity finding")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "rates.duckdb"
        con = connect(db)
        for i, source in enumerate(args.sources):
            r = run_pipeline(con, run_id=f"load{i}", source=source, db_path=db, as_of=args.as_of, check=False)
            print(f"{source}: {r.files_seen} files, {r.loaded} loaded, {r.rejected} rejected, {r.skipped} skipped")
        print(f"registry timeline read from {backfill_timeline(con, args.sources)} JSON/XML files")
        print_rates(con, args.as_of, args.errors)
        print_ignoring_snapshots(con, args.as_of)


if __name__ == "__main__":
    main()
