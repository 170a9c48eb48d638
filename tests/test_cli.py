"""The `trialqc` command as a user meets it: exit codes, readable output, no personal data."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app

ROOT = Path(__file__).resolve().parent.parent
TRIALQC = Path(sys.executable).parent / "trialqc"
# Contact details printed on the sample pages (003, 004): they may live only in central_contacts.
PERSONAL = ("Lan He", "13809156236", "Xajdhl87@mail.xjtu.edu.cn", "8801811237435", "8801730053723",
            "Ariful Islam")

runner = CliRunner()
AS_OF = __import__('datetime').date(2026, 11, 22)


def test_bad_as_of_is_a_usage_error():
    result = runner.invoke(app, ["run", "--as-of", "22/11/2026"])
    assert result.exit_code == 2
    assert "not a date" in result.output


def test_missing_source_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["run", "--source", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_issues_without_a_warehouse_says_what_to_do(tmp_path):
    result = runner.invoke(app, ["issues", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "trialqc run" in result.output


def test_issues_and_report_on_a_loaded_warehouse(run, samples, tmp_path):
    run(samples)
    run.con.close()
    db = str(tmp_path / "trials.duckdb")
    listed = runner.invoke(app, ["issues", "--db", db, "--nct", "NCT04966884"])
    assert listed.exit_code == 0, listed.output
    assert "NCT04966884" in listed.output and "missing_fields." in listed.output
    only = runner.invoke(app, ["issues", "--db", db, "--category", "date_anomaly"])
    assert "missing_field " not in only.output and "date_anomaly" in only.output
    bad = runner.invoke(app, ["issues", "--db", db, "--category", "typo"])
    assert bad.exit_code == 2
    out = tmp_path / "reports"
    report = runner.invoke(app, ["report", "--db", db, "--out", str(out)])
    assert report.exit_code == 0, report.output
    html = "".join(p.read_text() for p in out.rglob("*.html") if "gx" not in p.parts)
    assert "NCT04966884" in html and "not trusted" in html
    everything = listed.output + only.output + html + "".join(
        p.read_text(errors="ignore") for p in (out / "gx").rglob("*.html"))
    gx_index = (out / "gx" / "index.html").read_text()
    assert "trialqc-run1" in gx_index and "<tr>" in gx_index, "the validation runs, by name, without a script"
    assert not re.search(r"<(script|link)[^>]+https?://", "".join(
        p.read_text() for p in (out / "gx").rglob("*.html"))), "Data Docs load nothing from the network"
    assert not [p for p in PERSONAL if p in everything]


def _env(tmp_path) -> dict:
    env = dict(os.environ, PREFECT_HOME=str(tmp_path / "prefect"), DO_NOT_TRACK="1",
               TRIALQC_REPORTS=str(tmp_path / "reports"))
    env.pop("PREFECT_API_URL", None)
    return env


@pytest.mark.slow
@pytest.mark.long  # the flow on an ephemeral Prefect API; tests/test_prefect_server.py runs it against a server
def test_run_through_prefect_prints_the_summary_and_no_personal_data(tmp_path):
    db = tmp_path / "trials.duckdb"
    proc = subprocess.run([str(TRIALQC), "run", "--prefect", "--db", str(db), "--as-of", "2026-11-22"],
                          capture_output=True, text=True, env=_env(tmp_path), cwd=ROOT, timeout=600)
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    assert "files seen" in output and "Quality issues" in output
    assert "Task run 'load-batch" in output
    assert not [p for p in PERSONAL if p in output]
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM studies").fetchone()[0] == 5
    assert con.execute("SELECT status FROM meta.load_runs").fetchall() == [("completed",)]


@pytest.fixture(scope="module")
def loaded_warehouse(tmp_path_factory) -> Path:
    """A warehouse file, closed, with the samples loaded by "run1" and that run's issue history recorded."""
    import shutil

    from flows.run import run_pipeline
    from tests.conftest import SAMPLES, assert_rejects_agree, forked_here
    from tests.new_warehouse import connect_new
    from warehouse.issue_history import after_run

    folder = tmp_path_factory.mktemp("loaded")
    shutil.copytree(SAMPLES, folder / "records")
    db = folder / "trials.duckdb"
    con = connect_new(db)
    with forked_here():
        result = run_pipeline(con, run_id="run1", source=folder / "records", db_path=db, as_of=AS_OF)
    assert_rejects_agree(con, result)
    after_run(con, "run1")
    con.close()
    return db


def _loaded(loaded_warehouse: Path, tmp_path) -> str:
    """A copy of the warehouse with the samples loaded and its first run's issue history recorded."""
    import shutil

    shutil.copyfile(loaded_warehouse, tmp_path / "trials.duckdb")
    return str(tmp_path / "trials.duckdb")


def test_text_in_square_brackets_shows_and_severity_filters(loaded_warehouse, tmp_path):
    from warehouse.connect import connect

    db = _loaded(loaded_warehouse, tmp_path)
    con = connect(db)
    con.execute("""INSERT INTO quality_issues VALUES ('run1', 'NCT05792462', 'contradictions.test_rule',
        'contradiction', 'error', ['interventions.description'], 'arm says [2 mg], intervention says [bold]4 mg[/]',
        'evidence [x]', DATE '2026-11-22')""")
    con.close()
    shown = runner.invoke(app, ["issues", "--db", db, "--nct", "NCT05792462", "--severity", "error"])
    assert shown.exit_code == 0, shown.output
    assert "arm says [2 mg], intervention says [bold]4 mg[/]" in " ".join(shown.output.split())
    assert "warning" not in shown.output and "info " not in shown.output
    bad = runner.invoke(app, ["issues", "--db", db, "--severity", "fatal"])
    assert bad.exit_code == 2 and "error, warning, info" in bad.output
    capitals = runner.invoke(app, ["issues", "--db", db, "--nct", "NCT05792462", "--severity", "ERROR"])
    assert capitals.exit_code == 0 and " ".join(capitals.output.split()) == " ".join(shown.output.split())


def test_errors_come_before_warnings_and_info(loaded_warehouse, tmp_path):
    db = _loaded(loaded_warehouse, tmp_path)
    shown = runner.invoke(app, ["issues", "--db", db, "--nct", "NCT04966884"])
    severities = [line.split()[0] for line in shown.output.splitlines()
                  if line.split() and line.split()[0] in ("error", "warning", "info")]
    assert severities == sorted(severities, key=("error", "warning", "info").index) and len(set(severities)) > 1


def test_unknown_study_says_so(loaded_warehouse, tmp_path):
    db = _loaded(loaded_warehouse, tmp_path)
    unknown = runner.invoke(app, ["issues", "--db", db, "--nct", "NCT00000001"])
    assert unknown.exit_code == 2 and "NCT00000001 is not in this warehouse" in " ".join(unknown.output.split())
    malformed = runner.invoke(app, ["issues", "--db", db, "--nct", "NCT123"])
    assert malformed.exit_code == 2 and "not a ClinicalTrials.gov id" in " ".join(malformed.output.split())


def test_since_last_shows_new_resolved_and_persisting(loaded_warehouse, tmp_path):
    from warehouse.connect import connect
    from warehouse.issue_history import after_run

    db = _loaded(loaded_warehouse, tmp_path)
    con = connect(db)
    gone = con.execute("SELECT nct_id, rule_id FROM quality_issues WHERE severity = 'warning' LIMIT 1").fetchone()
    con.execute("DELETE FROM quality_issues WHERE nct_id = ? AND rule_id = ?", list(gone))
    con.execute("""INSERT INTO quality_issues VALUES ('run2', 'NCT05792462', 'dates.test_new', 'date_anomaly',
        'error', ['studies.start_date'], 'a new [date] problem', '', DATE '2026-11-23')""")
    con.execute("INSERT INTO meta.load_runs (run_id, started_at, as_of, status) "
                "VALUES ('run2', now() + INTERVAL 1 MINUTE, DATE '2026-11-23', 'completed')")
    new, resolved = after_run(con, "run2")
    assert (new, resolved) == (1, 1)
    con.close()
    shown = runner.invoke(app, ["issues", "--db", db, "--since-last"])
    assert shown.exit_code == 0, shown.output
    flat = " ".join(shown.output.split())
    assert "new: 1" in flat and "resolved: 1" in flat and "a new [date] problem" in flat
    assert f"{gone[1]}" in shown.output and "persisting:" in shown.output
    errors_only = runner.invoke(app, ["issues", "--db", db, "--since-last", "--severity", "error"])
    assert "resolved: 0" in errors_only.output


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("trialqc ")


def test_rejects_table_shows_whole_paths():
    from io import StringIO

    from rich.console import Console

    from flows.render import print_summary
    from flows.summary import RunSummary

    path = "/data/landing/" + "registry-export-2026-11-22/" * 4 + "NCT00000000_[broken].json"
    out = StringIO()
    print_summary(Console(file=out, width=80), RunSummary("r1", AS_OF, "/tmp/w.duckdb", rejects=[(path, "parse", "cut short")]))
    text = out.getvalue()
    assert "…" not in text
    assert "[broken].json" in text.replace("│", "").replace(" ", "").replace("\n", "")


def test_serve_passes_one_search_to_every_scheduled_run(monkeypatch):
    import flows.serve

    seen = {}
    monkeypatch.setattr(flows.serve, "serve_schedule", lambda **kwargs: seen.update(kwargs))
    result = runner.invoke(app, ["serve", "--condition", "systemic sclerosis", "--departed"])
    assert result.exit_code == 0, result.output
    assert seen["pull"] == {"condition": "systemic sclerosis", "departed": True}
    assert runner.invoke(app, ["serve", "--term", "x", "--sponsor", "y"]).exit_code == 2
    assert runner.invoke(app, ["serve", "--bulk", "--condition", "y"]).exit_code == 2
    seen.clear()
    assert runner.invoke(app, ["serve"]).exit_code == 0 and seen["pull"] is None


def _prefect_api_refused(*args, **kwargs):
    """What a flow run meets once its Prefect server has stopped: Prefect's client refused on loopback."""
    from prefect.client.orchestration import get_client
    from prefect.settings import PREFECT_API_URL, PREFECT_CLIENT_MAX_RETRIES, temporary_settings

    with socket.socket() as closed:  # a loopback port nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    with temporary_settings({PREFECT_API_URL: f"http://127.0.0.1:{port}/api", PREFECT_CLIENT_MAX_RETRIES: 0}):
        with get_client(sync_client=True) as client:
            client.read_flow_runs()


def test_a_prefect_api_that_stops_answering_ends_the_run_with_one_line_and_at_once(tmp_path):
    """One line, exit 1, and no wait for Prefect's queued events, which it would send to the refusing API at exit
    (in a subprocess: trialqc exits at once there)."""
    code = ("import sys, flows.cli as cli, tests.test_cli as t; cli.run_once = t._prefect_api_refused; "
            "cli.app(sys.argv[1:], prog_name='trialqc')")
    done = subprocess.run([sys.executable, "-c", code, "run", "--source", str(ROOT / "data" / "samples"), "--db",
                           str(tmp_path / "w.duckdb")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stderr.startswith("error: the Prefect API stopped answering during the run (ConnectError"), \
        done.stderr
    assert "Traceback" not in done.stdout + done.stderr


def test_a_connection_error_not_from_prefect_s_client_is_not_blamed_on_it(monkeypatch, tmp_path):
    import httpx

    def refused(*args, **kwargs):
        raise httpx.ConnectError("[Errno 111] Connection refused")
    monkeypatch.setattr("flows.cli.run_once", refused)
    result = runner.invoke(app, ["run", "--source", str(ROOT / "data" / "samples"), "--db", str(tmp_path / "w.duckdb")])
    assert isinstance(result.exception, httpx.ConnectError) and "Prefect API" not in result.output
