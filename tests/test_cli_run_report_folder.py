"""`trialqc run` refuses a report folder that is a file before it loads anything: the run would otherwise load and
check every record, then end without the report it was asked for."""
from __future__ import annotations

import errno
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.search_fixtures import record_version, write_record
from tests.structured_rule_families import structured_rule_families

runner = CliRunner()


def _said(result) -> str:
    """The command's output as one line (Rich wraps long messages)."""
    return " ".join(result.output.split())


@pytest.fixture(autouse=True)
def _structured_rule_families():
    """The runs check with the structured-field families only: what these tests judge is where the report goes and
    how a report that cannot be written ends, not the issues."""
    with structured_rule_families():
        yield


@pytest.fixture
def download(tmp_path) -> Path:
    write_record(tmp_path / "download", record_version())
    return tmp_path / "download"


@pytest.mark.parametrize("through", [False, True])
def test_a_run_whose_report_folder_is_a_file_is_refused_before_anything_is_loaded(download, tmp_path, monkeypatch,
                                                                                   through):
    blocking = tmp_path / "reports.txt"
    blocking.write_text("a file")
    folder = blocking / "reports" if through else blocking
    monkeypatch.setenv("TRIALQC_REPORTS", str(folder))
    db = tmp_path / "w.duckdb"
    result = runner.invoke(app, ["run", "--source", str(download), "--db", str(db), "--as-of", "2026-11-30"])
    assert result.exit_code == 2, result.output
    assert (f"cannot write the report to {folder} (TRIALQC_REPORTS, or --no-report): {blocking} is a file, not a "
            "folder") in _said(result)
    assert "Traceback" not in result.output and blocking.read_text() == "a file"
    assert not db.exists()  # nothing was loaded


def test_a_run_without_its_report_does_not_ask_where_the_report_goes(download, tmp_path, monkeypatch):
    blocking = tmp_path / "reports.txt"
    blocking.write_text("a file")
    monkeypatch.setenv("TRIALQC_REPORTS", str(blocking))
    db = tmp_path / "w.duckdb"
    result = runner.invoke(app, ["run", "--source", str(download), "--db", str(db), "--as-of", "2026-11-30",
                                 "--no-report"])
    assert result.exit_code == 0, result.output
    assert db.exists() and blocking.read_text() == "a file"


@pytest.mark.parametrize("fault", [
    OSError(errno.ENOSPC, "No space left on device", "overview.html"),
    PermissionError(errno.EACCES, "Permission denied", "studies"),
])
def test_a_report_that_cannot_be_written_ends_in_one_line_and_exit_1(download, tmp_path, monkeypatch, fault):
    import checks.report

    db = tmp_path / "w.duckdb"
    loaded = runner.invoke(app, ["run", "--source", str(download), "--db", str(db), "--as-of", "2026-11-30",
                                 "--no-report"])
    assert loaded.exit_code == 0, loaded.output

    def failing(*args, **kwargs):
        raise fault

    monkeypatch.setattr(checks.report, "write_report", failing)
    folder = tmp_path / "out"
    result = runner.invoke(app, ["report", "--db", str(db), "--out", str(folder)])
    assert result.exit_code == 1, result.output
    said = _said(result)
    assert f"cannot write the report to {folder}: {fault.strerror} ({fault.filename})." in said
    assert "run `trialqc report` again" in said and "Traceback" not in result.output


def test_serve_refuses_a_report_folder_that_is_a_file_before_registering_anything(tmp_path, monkeypatch):
    import flows.serve

    def registered(**kwargs):
        raise AssertionError("nothing is registered or served")

    monkeypatch.setattr(flows.serve, "serve_schedule", registered)
    blocking = tmp_path / "reports.txt"
    blocking.write_text("a file")
    monkeypatch.setenv("TRIALQC_REPORTS", str(blocking))
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 2, result.output
    assert (f"cannot write the report to {blocking} (TRIALQC_REPORTS; each scheduled run writes one): {blocking} is "
            "a file, not a folder") in _said(result)
    assert "Traceback" not in result.output and blocking.read_text() == "a file"
