"""The GX suite judges the whole warehouse: row counts against the records loaded, shares of
studies missing a field within a band, value distributions; Data Docs build offline."""
from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest

from checks import gx_expectations, gx_suite
from tests.checks import harness

CONTACT = {"contact_type": "primary", "name": "Jane Q. Private", "phone": "+1-555-0142",
           "email": "jane.private@example.org"}
# pandera's row-level checks; GX must not repeat them.
COLUMN_KINDS = {"expect_column_values_to_not_be_null", "expect_column_values_to_be_in_set",
                "expect_column_values_to_be_between", "expect_column_values_to_match_regex"}


@pytest.fixture
def no_network(monkeypatch):
    """Record, and refuse, any attempt to open a network connection."""
    attempts = []

    def refuse(_sock, address, *_args):
        attempts.append(address)
        raise OSError(f"network disabled in tests: {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts


def _warehouse(tmp_path, count: int = 4, loaded: int | None = None, **values):
    """`count` clean studies (the last observational) changed by `values`, of which `loaded`
    came from a source record."""
    studies = {}
    for i in range(count):
        study = harness.clean_study()
        if i == count - 1:
            study["studies"][0].update(study_type="OBSERVATIONAL", phase=None)
        study["studies"][0].update(values)
        study["central_contacts"] = [CONTACT]
        studies[f"NCT0100000{i}"] = study
    con = harness.warehouse_with(tmp_path, studies)
    for nct_id in sorted(studies)[: count if loaded is None else loaded]:
        con.execute("INSERT INTO meta.source_records (nct_id, sha256, layout) VALUES (?, ?, 'ctgov_json_v2')",
                    [nct_id, nct_id * 2])
    return con


def _failed(con) -> set[str]:
    return {f"{r.expectation.kind}:{r.expectation.field}" for r in gx_suite.validate_warehouse(con) if not r.success}


def test_a_sound_warehouse_meets_every_expectation(tmp_path, no_network):
    assert _failed(_warehouse(tmp_path)) == set()
    assert no_network == []


def test_row_count_is_checked_against_the_records_loaded(tmp_path):
    assert _failed(_warehouse(tmp_path, loaded=3)) == {"expect_table_row_count_to_equal:studies"}


def test_share_of_studies_missing_a_field_outside_its_band(tmp_path):
    failed = _failed(_warehouse(tmp_path, start_date=None, start_date_precision=None))
    assert failed == {"expect_column_mean_to_be_between:studies.has_start_date"}


def test_value_distribution_outside_what_the_registry_holds(tmp_path):
    failed = _failed(_warehouse(tmp_path, overall_status="WITHDRAWN", why_stopped="No funding"))
    assert failed == {"expect_column_most_common_value_to_be_in_set:studies.overall_status"}


def test_suite_does_not_repeat_pandera_column_checks():
    kinds = {e.kind for e in gx_expectations.SUITE}
    assert not kinds & COLUMN_KINDS
    assert "expect_table_row_count_to_equal" in kinds
    assert all(e.table in gx_expectations.FRAMES for e in gx_expectations.SUITE)


def test_gx_writes_no_per_study_issue():
    assert gx_suite.RULES == ()


def test_build_data_docs_writes_index_without_contacts(tmp_path, no_network):
    con = _warehouse(tmp_path, loaded=3)
    index = gx_suite.build_data_docs(con, tmp_path / "reports" / "gx")
    assert index == tmp_path / "reports" / "gx" / "index.html" and index.is_file()
    pages = [p.read_text(encoding="utf-8") for p in index.parent.rglob("*.html")]
    texts = [" ".join(re.sub("<[^>]+>", " ", page).split()) for page in pages]
    assert any("Must have exactly 3 rows" in text for text in texts), "the failed row count is documented"
    for value in (CONTACT["name"], CONTACT["phone"], CONTACT["email"]):
        assert not any(value in page for page in pages)
    assert not any("great-expectations-web-assets" in page for page in pages)
    assert no_network == []


def test_rebuilt_data_docs_show_only_the_latest_validation(tmp_path):
    con = _warehouse(tmp_path)
    out = tmp_path / "gx"
    gx_suite.build_data_docs(con, out)
    gx_suite.build_data_docs(con, out)
    pages = list((out / "validations").rglob("*.html"))
    assert len(pages) == len(gx_expectations.tables())


def test_median_enrollment_outside_its_band(tmp_path):
    assert _failed(_warehouse(tmp_path, enrollment=5000)) == {
        "expect_column_median_to_be_between:studies.enrollment"}


def test_kept_data_docs_index_says_for_which_run_they_hold(tmp_path):
    from checks import gx_docs

    con = _warehouse(tmp_path)
    out = tmp_path / "gx"
    gx_suite.build_data_docs(con, out, "trialqc-1")
    index = gx_docs.restate_index(out, "trialqc-2").read_text()
    assert "Current for run <code>trialqc-2</code>" in index
    links = re.findall(r"href='(validations/[^']+)'", index)
    assert len(links) == len(gx_expectations.tables()) and all((out / link).is_file() for link in links)
    assert "trialqc-1" in index and "passed" in index


def _runs_listed(folder) -> list[dict]:
    """The Data Docs index's rows without the validation time (and the page named after it)."""
    import json

    from checks import gx_docs

    return [{k: v for k, v in row.items() if k not in ("time", "link")}
            for row in json.loads((folder / gx_docs.RUNS).read_text())]


def _without_network(inputs, out_dir, run_name):
    """write_data_docs in the child with every network connection refused; an attempt fails it."""
    from checks import gx_docs

    attempts = []

    def refuse(_sock, address, *_args):
        attempts.append(address)
        raise OSError(f"network disabled in tests: {address}")
    socket.socket.connect = socket.socket.connect_ex = refuse
    index = gx_docs.write_data_docs(inputs, out_dir, run_name)
    if attempts:
        raise RuntimeError(f"tried the network: {attempts}")
    return index


def test_data_docs_validated_in_a_child_process_are_those_validated_here(tmp_path, no_network):
    from checks import gx_docs
    from checks.gx_suite import suite_inputs

    con = _warehouse(tmp_path, loaded=3)  # the row count fails: a result the child must carry too
    gx_docs.build_data_docs(con, tmp_path / "here", "trialqc-1")
    job = gx_docs.start_data_docs(con, tmp_path / "child", "trialqc-1")
    assert isinstance(job, gx_docs.DataDocsJob)
    assert job.result() == tmp_path / "child" / "index.html"
    assert _runs_listed(tmp_path / "child") == _runs_listed(tmp_path / "here")
    assert [r["success"] for r in _runs_listed(tmp_path / "child")] == [False, True]
    assert sorted(p.relative_to(tmp_path / "child").parts[:3] for p in (tmp_path / "child").rglob("*.html")) == \
        sorted(p.relative_to(tmp_path / "here").parts[:3] for p in (tmp_path / "here").rglob("*.html"))
    offline = gx_docs.DataDocsJob(suite_inputs(con), tmp_path / "offline", "trialqc-1", work=_without_network)
    assert offline.result() == tmp_path / "offline" / "index.html"
    assert no_network == []


def _fails(inputs, out_dir, run_name):
    raise ValueError(f"no frame {sorted(inputs.frames)[0]}")


def _at_work_until_stopped(inputs, out_dir, run_name):
    import signal

    signal.pause()


def _resident(inputs, out_dir, run_name):
    """The child's resident memory (MiB) and parent, as its index page's name."""
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return Path(out_dir) / f"{int(status['VmRSS'].split()[0]) // 1024}-{int(status['PPid'])}"


def test_a_child_that_fails_says_why_and_one_no_longer_wanted_is_stopped(tmp_path):
    from checks import gx_docs
    from checks.gx_suite import suite_inputs

    con = _warehouse(tmp_path)
    with pytest.raises(gx_docs.DataDocsError, match="ValueError: no frame interventional_studies"):
        gx_docs.DataDocsJob(suite_inputs(con), tmp_path / "gx", "trialqc-1", work=_fails).result()

    job = gx_docs.DataDocsJob(suite_inputs(con), tmp_path / "gx", "trialqc-1", work=_at_work_until_stopped)
    job.cancel()
    assert not job.process.is_alive() and job.process.exitcode != 0


def test_the_data_docs_child_of_a_large_process_starts_with_nothing_of_what_it_holds(tmp_path, monkeypatch):
    """Forked, the child would begin with all this process holds (a run's DuckDB pages) and keep every page of it
    this process changes while the report goes on; a small process forks it, since it then starts at once."""
    import os

    from checks import gx_docs
    from checks.gx_suite import suite_inputs
    from flows import worker_processes

    # written, so resident: 384 MiB a process forked from here would hold, well above what a new interpreter holds
    # once it has imported the report's libraries (about 200 MiB)
    ballast = b"\x01" * (384 * 2**20)
    con = _warehouse(tmp_path)

    def child() -> tuple[int, int]:
        resident, parent = gx_docs.DataDocsJob(suite_inputs(con), tmp_path / "gx", "trialqc-1",
                                               work=_resident).result().name.split("-")
        return int(resident), int(parent)
    monkeypatch.setattr(worker_processes, "FORK_MAX_BYTES", 128 * 2**20)  # as a run's process over 256 MiB
    resident, parent = child()
    assert parent == os.getpid() and resident < 300
    monkeypatch.setattr(worker_processes, "FORK_MAX_BYTES", 2**62)  # as a small one: forked
    resident, parent = child()
    assert parent == os.getpid() and resident >= 384 and len(ballast) == 384 * 2**20


def test_data_docs_pages_are_flushed_to_disk_before_the_index_that_vouches_for_them(tmp_path, monkeypatch):
    """A later run keeps Data Docs whose runs file it reads (restate_index): after a power cut, their pages must
    not read as empty. The index.html there at the flush is Great Expectations' own, replaced after it."""
    from checks import gx_docs

    out = tmp_path / "gx"
    ours = lambda: "Expectations over the whole" in (out / "index.html").read_text(encoding="utf-8")  # noqa: E731
    seen = []

    def flush(folder):
        pages = list((out / "validations").rglob("*.html"))
        seen.append((folder, len(pages), (out / gx_docs.RUNS).exists(), ours()))
    monkeypatch.setattr(gx_docs, "flush_to_disk", flush)
    gx_suite.build_data_docs(_warehouse(tmp_path), out)
    assert seen == [(out, len(gx_expectations.tables()), False, False)]  # every page; neither runs file nor index
    assert ours() and (out / gx_docs.RUNS).is_file()
