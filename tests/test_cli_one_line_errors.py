"""One-line errors where a user once met a traceback or a misleading outcome: a PREFECT_API_URL nothing answers at,
a report or landing folder that is a file, a registry URL setting that is no URL, an unknown `diff --from` prefix
(refused before anything is shown), and a reader that closes the command's output early (`| head`)."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.search_fixtures import record_version, run_and_refresh, write_record
from warehouse.connect import connect

TRIALQC = Path(sys.executable).parent / "trialqc"
STUDY = "NCT04916756"
runner = CliRunner()


def _said(result) -> str:
    """The command's output as one line (Rich wraps long messages)."""
    return " ".join(result.output.split())


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    """A warehouse holding one version of one study, its search index made."""
    tmp = tmp_path_factory.mktemp("one-study")
    db = tmp / "w.duckdb"
    write_record(tmp / "download", record_version())
    con = connect(db)
    try:
        run_and_refresh(con, db, tmp / "download", "r1")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return db


@pytest.fixture
def silent_port() -> int:
    """A loopback port nothing listens on (bound, then let go)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- a PREFECT_API_URL that no Prefect API answers at ---------------------------------------------------------------

def test_a_run_whose_prefect_api_does_not_answer_is_refused_in_one_line(tmp_path, monkeypatch, silent_port):
    url = f"http://127.0.0.1:{silent_port}/api"
    monkeypatch.setenv("PREFECT_API_URL", url)
    (tmp_path / "in").mkdir()
    result = runner.invoke(app, ["run", "--source", str(tmp_path / "in"), "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 2, result.output
    said = _said(result)
    assert f"PREFECT_API_URL is set to {url} but no Prefect API answers there (ConnectError)" in said
    assert "`prefect server start`" in said and "`unset PREFECT_API_URL` to run without a server" in said
    assert "Nothing was done." in said and "Traceback" not in result.output
    assert not (tmp_path / "w.duckdb").exists()


def test_a_prefect_api_url_that_is_no_url_is_refused_before_the_run(tmp_path, monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", "localhost:4200/api")
    (tmp_path / "in").mkdir()
    result = runner.invoke(app, ["run", "--source", str(tmp_path / "in"), "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 2, result.output
    assert "PREFECT_API_URL is set to localhost:4200/api but no Prefect API answers there" in _said(result)


def test_serve_names_the_setting_the_same_way(monkeypatch, silent_port):
    from flows.serve import ServeError, check_api

    monkeypatch.setenv("PREFECT_API_URL", f"http://127.0.0.1:{silent_port}/api")
    with pytest.raises(ServeError) as refused:
        check_api(say=lambda line: None)
    assert refused.value.exit_code == 2
    assert f"PREFECT_API_URL is set to http://127.0.0.1:{silent_port}/api but no Prefect API answers" in str(
        refused.value)
    assert "then run `trialqc serve` again" in str(refused.value)


@pytest.fixture(scope="module")
def web_server():
    """A loopback HTTP server that is no Prefect API: GET /<code>/health answers with that status code."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Answer(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(int(self.path.split("/")[1]))
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Answer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("code, refused", [(200, False), (401, False), (403, False), (404, True), (502, True)])
def test_an_api_that_answers_passes_unless_it_says_it_is_not_there_or_fails(web_server, code, refused):
    from flows.errors import UsageError
    from flows.prefect_server import check_api_answers

    url = f"{web_server}/{code}"
    if not refused:  # a Prefect API, or one asking for credentials (Prefect Cloud: its client sends them)
        assert check_api_answers(url, "") is None
        return
    with pytest.raises(UsageError) as said:
        check_api_answers(url, "")
    assert f"PREFECT_API_URL is set to {url} but no Prefect API answers there (HTTP {code})" in str(said.value)


# --- a report folder that is a file -----------------------------------------------------------------------------------

@pytest.mark.parametrize("how", ["--out", "TRIALQC_REPORTS", "--out through a file"])
def test_a_report_folder_that_is_a_file_is_refused_in_one_line(warehouse, tmp_path, monkeypatch, how):
    blocking = tmp_path / "notes.duckdb"
    blocking.write_text("a file")
    folder = blocking / "reports" if how.endswith("through a file") else blocking
    if how == "TRIALQC_REPORTS":
        monkeypatch.setenv("TRIALQC_REPORTS", str(folder))
        result = runner.invoke(app, ["report", "--db", str(warehouse)])
    else:
        result = runner.invoke(app, ["report", "--db", str(warehouse), "--out", str(folder)])
    assert result.exit_code == 2, result.output
    assert (f"cannot write the report to {folder} (--out or TRIALQC_REPORTS): {blocking} is a file, not a folder"
            in _said(result))
    assert "Traceback" not in result.output and blocking.read_text() == "a file"


# --- registry URL settings that are no http(s) URL --------------------------------------------------------------------

@pytest.mark.parametrize("name, value", [
    ("TRIALQC_API_URL", "notaurl"),
    ("TRIALQC_API_URL", "clinicaltrials.gov/api/v2"),  # the scheme left out
    ("TRIALQC_API_URL", "htps://clinicaltrials.gov/api/v2"),  # a typo in it
    ("TRIALQC_API_URL", "http://"),  # no host
    ("TRIALQC_BULK_URL", "ftp://mirror.example.org/studies.zip"),
    ("TRIALQC_BULK_URL", "/srv/mirror/studies.zip"),  # a file, not a URL
])
def test_a_registry_url_setting_that_is_no_url_is_a_usage_error_naming_it(tmp_path, monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    result = runner.invoke(app, ["issues", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2, result.output
    assert f"{name} must be an http:// or https:// URL, not {value!r}" in _said(result)


@pytest.mark.parametrize("value", ["https://clinicaltrials.gov/api/v2/", "HTTP://127.0.0.1:8080/api/v2",
                                   "http://mirror.internal:9000/ctgov?format=json"])
def test_a_registry_url_setting_that_is_a_url_passes(tmp_path, monkeypatch, value):
    monkeypatch.setenv("TRIALQC_API_URL", value)
    monkeypatch.setenv("TRIALQC_BULK_URL", value)
    result = runner.invoke(app, ["issues", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "no warehouse at" in result.output  # past the settings, to the missing file


def test_a_registry_url_option_that_is_no_url_is_refused_before_the_pull(tmp_path, monkeypatch):
    monkeypatch.setenv("TRIALQC_LANDING", str(tmp_path / "landing"))
    result = runner.invoke(app, ["pull", "--condition", "lupus", "--db", str(tmp_path / "w.duckdb"),
                                 "--api-url", "127.0.0.1:9/api/v2"])
    assert result.exit_code == 2, result.output
    assert "--api-url must be an http:// or https:// URL, not '127.0.0.1:9/api/v2'" in _said(result)
    assert "INCOMPLETE" not in result.output and not (tmp_path / "w.duckdb").exists()


# --- a landing folder that is a file ----------------------------------------------------------------------------------

@pytest.mark.parametrize("below", [False, True])
def test_a_landing_folder_that_is_a_file_is_a_usage_error_naming_the_setting(tmp_path, monkeypatch, below):
    blocking = tmp_path / "landing.zip"
    blocking.write_text("a file")
    landing = blocking / "pulls" if below else blocking
    monkeypatch.setenv("TRIALQC_LANDING", str(landing))
    result = runner.invoke(app, ["pull", "--condition", "lupus", "--db", str(tmp_path / "w.duckdb"),
                                 "--api-url", "http://127.0.0.1:9/api/v2"])
    assert result.exit_code == 2, result.output
    assert (f"cannot use {landing} as the landing folder (--landing or TRIALQC_LANDING): {blocking} is a file, "
            "not a folder") in _said(result)
    assert "Errno" not in result.output


# --- diff: every --from/--to prefix found before anything is shown ---------------------------------------------------

@pytest.mark.parametrize("option", ["--from", "--to"])
def test_diff_with_an_unknown_version_prefix_shows_nothing_before_the_error(warehouse, option):
    result = runner.invoke(app, ["diff", STUDY, option, "abc123", "--db", str(warehouse)])
    assert result.exit_code == 2, result.output
    assert f"{STUDY}: no single version whose sha256 starts with 'abc123'" in _said(result)
    assert "version" not in result.output.split("error:")[0]  # no table of versions printed first


def test_diff_with_a_known_prefix_still_shows_the_versions(warehouse):
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as con:
        sha = con.execute("SELECT sha256 FROM meta.source_records WHERE nct_id = ?", [STUDY]).fetchone()[0]
    result = runner.invoke(app, ["diff", STUDY, "--from", sha[:10], "--db", str(warehouse)])
    assert result.exit_code == 0, result.output
    assert f"{STUDY}: 1 version" in result.output and "no tracked field changed" in _said(result)


# --- a reader that closes the output early ----------------------------------------------------------------------------

def _with_output_closed(*args: str) -> subprocess.CompletedProcess:
    """The `trialqc` command with its standard output a pipe whose reader has gone (as `| head` after its lines)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run([str(TRIALQC), *args], stdout=write_end, stderr=subprocess.PIPE, text=True,
                              stdin=subprocess.DEVNULL, timeout=120)
    finally:
        os.close(write_end)


@pytest.mark.parametrize("args", [
    ("--help",),  # printed by Typer's console
    ("issues", "--db", "{db}"),  # the command's own console
    ("search", "baricitinib", "--format", "json", "--db", "{db}"),  # written to stdout, flushed at the end
])
def test_output_closed_by_its_reader_ends_quietly_with_success(warehouse, tmp_path, args):
    db = tmp_path / "w.duckdb"
    shutil.copyfile(warehouse, db)
    done = _with_output_closed(*(a.format(db=db) for a in args))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_an_error_with_the_output_closed_keeps_its_exit_code(tmp_path):
    done = _with_output_closed("issues", "--db", str(tmp_path / "none.duckdb"))
    assert done.returncode == 2 and "no warehouse at" in done.stderr
