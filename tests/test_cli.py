"""The `trialqc` command as a user meets it: exit codes, readable output, no personal data."""
from __future__ import annotations

import os
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
    html = (out / "quality_report.html").read_text()
    assert "NCT04966884" in html and "not trusted" in html
    everything = listed.output + only.output + html + "".join(
        p.read_text(errors="ignore") for p in (out / "gx").rglob("*.html"))
    assert not [p for p in PERSONAL if p in everything]


def _env(tmp_path) -> dict:
    env = dict(os.environ, PREFECT_HOME=str(tmp_path / "prefect"), DO_NOT_TRACK="1",
               TRIALQC_REPORTS=str(tmp_path / "reports"))
    env.pop("PREFECT_API_URL", None)
    return env


@pytest.mark.slow
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


@pytest.mark.slow
def test_a_locked_warehouse_is_an_infrastructure_fault(tmp_path):
    db = tmp_path / "trials.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb,sys; c=duckdb.connect(sys.argv[1]); print('ready', flush=True); sys.stdin.read()",
         str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        proc = subprocess.run([str(TRIALQC), "run", "--db", str(db)], capture_output=True, text=True,
                              env=_env(tmp_path), cwd=ROOT, timeout=600)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Another process may hold it open" in proc.stdout + proc.stderr
