"""A bad setting in the environment, or a warehouse path through a file, is a usage error (exit 2) naming it, not a
traceback; good values pass."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from flows.cli import app


@pytest.mark.parametrize("name, value, said", [
    ("TRIALQC_BATCH_SIZE", "abc", "TRIALQC_BATCH_SIZE must be a whole number of at least 1, not 'abc'"),
    ("TRIALQC_BATCH_SIZE", "0", "TRIALQC_BATCH_SIZE must be a whole number of at least 1, not '0'"),
    ("TRIALQC_FRESHNESS_BUSINESS_DAYS", "-3", "TRIALQC_FRESHNESS_BUSINESS_DAYS must be a whole number of at least 0"),
    ("TRIALQC_API_MIN_INTERVAL", "soon", "TRIALQC_API_MIN_INTERVAL must be a number of at least 0, not 'soon'"),
    ("TRIALQC_DUCKDB_MEMORY", "lots", "TRIALQC_DUCKDB_MEMORY must be an amount of memory such as 2GB"),
    ("TRIALQC_DUCKDB_MEMORY", "2000", "TRIALQC_DUCKDB_MEMORY must be an amount of memory such as 2GB"),
])
def test_a_bad_setting_is_a_usage_error_naming_it(tmp_path, monkeypatch, name, value, said):
    monkeypatch.setenv(name, value)
    result = CliRunner().invoke(app, ["issues", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and said in " ".join(result.output.split()), result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("value", ["2GB", "1.5 GiB", "512MB"])
def test_a_memory_limit_with_its_unit_passes(tmp_path, monkeypatch, value):
    monkeypatch.setenv("TRIALQC_DUCKDB_MEMORY", value)
    result = CliRunner().invoke(app, ["issues", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no warehouse at" in result.output  # past the settings, to the missing file


def test_a_warehouse_path_through_a_file_is_a_usage_error(tmp_path):
    (tmp_path / "notes.txt").write_text("a file")
    source = tmp_path / "in"
    source.mkdir()
    result = CliRunner().invoke(app, ["run", "--source", str(source), "--db", str(tmp_path / "notes.txt" / "w.duckdb")])
    assert result.exit_code == 2, result.output
    assert "is a file, not a folder" in " ".join(result.output.split())


def test_reports_go_beside_their_warehouse_unless_a_folder_is_set(tmp_path, monkeypatch):
    from flows.settings import Settings

    monkeypatch.delenv("TRIALQC_REPORTS", raising=False)
    settings = Settings.from_env()
    assert settings.reports_for(tmp_path / "a" / "w.duckdb") == (tmp_path / "a" / "reports").resolve()
    assert settings.reports_for(tmp_path / "b" / "w.duckdb") == (tmp_path / "b" / "reports").resolve()
    assert settings.reports_for() == settings.db_path.resolve().parent / "reports"
    monkeypatch.setenv("TRIALQC_REPORTS", str(tmp_path / "mine"))
    assert Settings.from_env().reports_for(tmp_path / "a" / "w.duckdb") == tmp_path / "mine"
