"""A warehouse checked by other rules than the installed ones has every study checked again by its next run, whose
issues are then a new warehouse's; the same rules check only what changed; a re-check cut short is done again.

The runs check with the structured-field families (tests/structured_rule_families.py): what is judged is which
studies a run checks and with which rules, the same for every family."""
from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest

from checks import engine, issue_rows
from tests.conftest import ROOT, SAMPLES, forked_here, runner, samples_as_run_left_them
from tests.new_warehouse import connect_new
from tests.structured_rule_families import STRUCTURED_FAMILIES, structured_rule_families
from warehouse import rules_checked
from warehouse.connect import connect

ISSUES = "SELECT * EXCLUDE (run_id) FROM quality_issues ORDER BY ALL"
CHANGED = "trialqc's rules changed since this warehouse was last checked: re-checking all 5 studies"


def _issues(con) -> list[tuple]:
    return con.execute(ISSUES).fetchall()


def _checked_by(con) -> set[str]:
    return {row[0] for row in con.execute("SELECT DISTINCT run_id FROM quality_issues").fetchall()}


@dataclasses.dataclass
class FirstRun:
    """The samples' folder and the warehouse of run1 over it (closed), its issues, the rule a test changes (the one
    that found the most issues) with its new severity, and the issues of a new warehouse built with that change."""

    records: Path
    db: Path
    issues: list[tuple]
    rule_id: str
    severity: str
    fresh: list[tuple]


def _other_rules(patch, rule_id: str, severity: str) -> None:
    family = import_module(f"checks.{rule_id.split('.')[0]}")
    patch.setattr(family, "RULES", tuple(dataclasses.replace(rule, severity=severity) if rule.id == rule_id
                                         else rule for rule in family.RULES))


def _copy_of_the_modules(checks_dir: Path, folder: Path) -> Path:
    folder.mkdir(parents=True)
    for module in checks_dir.glob("*.py"):
        shutil.copy2(module, folder / module.name)
    return folder


@pytest.fixture(scope="module", autouse=True)
def rule_sources_as_installed(tmp_path_factory):
    """The fingerprint reads a copy of the checks package's sources as they are when the module starts, which only its
    tests change."""
    folder = _copy_of_the_modules(rules_checked.CHECKS_DIR, tmp_path_factory.mktemp("rule-sources") / "checks")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rules_checked, "CHECKS_DIR", folder)
        yield folder


@pytest.fixture(scope="module")
def first_run(tmp_path_factory) -> FirstRun:
    folder = tmp_path_factory.mktemp("first-run")
    shutil.copytree(SAMPLES, folder / "records")
    db, fresh_db = folder / "w.duckdb", folder / "fresh.duckdb"
    with forked_here(), structured_rule_families(), pytest.MonkeyPatch.context() as patch:
        con = connect(db)
        runner(db, con)(folder / "records", workers=1)
        issues = _issues(con)
        rule_id, severity = con.execute(
            "SELECT rule_id, any_value(severity) FROM quality_issues WHERE rule_id NOT LIKE 'freshness.%' "
            "GROUP BY rule_id ORDER BY count(*) DESC, rule_id LIMIT 1").fetchone()
        con.close()
        other = "info" if severity != "info" else "warning"
        _other_rules(patch, rule_id, other)
        con = connect_new(fresh_db)
        runner(fresh_db, con, first=100)(folder / "records", workers=1)
        fresh = _issues(con)
        con.close()
    assert fresh != issues  # the change shows in the issues
    return FirstRun(folder / "records", db, issues, rule_id, other, fresh)


@pytest.fixture
def run(first_run, tmp_path, monkeypatch):
    """Runs run2, run3, ... into a copy of the first run's warehouse, over its records as it saw them."""
    monkeypatch.setattr("checks.FAMILY_MODULES", STRUCTURED_FAMILIES)
    samples_as_run_left_them(first_run.records, first_run.db, tmp_path)
    con = connect(tmp_path / "w.duckdb")
    yield runner(tmp_path / "w.duckdb", con, first=2)
    con.close()


@pytest.fixture
def installed(tmp_path, monkeypatch) -> Path:
    """The checks package's sources as installed: a copy the test may change."""
    folder = _copy_of_the_modules(rules_checked.CHECKS_DIR, tmp_path / "installed" / "checks")
    monkeypatch.setattr(rules_checked, "CHECKS_DIR", folder)
    return folder


@pytest.fixture
def upgraded(first_run, installed, monkeypatch) -> None:
    """The rule changed in its family's catalogue and in its module's source, as an upgrade of trialqc changes it."""
    _other_rules(monkeypatch, first_run.rule_id, first_run.severity)
    source = installed / f"{first_run.rule_id.split('.')[0]}.py"
    source.write_text(source.read_text() + f"\n# {first_run.rule_id}: {first_run.severity}\n")


def _said(caplog) -> list[str]:
    return [record.getMessage() for record in caplog.records]


def test_a_changed_rule_has_every_study_checked_again_as_a_new_warehouse_would(first_run, run, upgraded, caplog):
    assert rules_checked.recorded(run.con) != rules_checked.fingerprint()
    with caplog.at_level(logging.INFO, logger="trialqc"):
        again = run(first_run.records, workers=1)
    assert again.loaded == 0 and again.skipped == 5
    assert _said(caplog).count(CHANGED) == 1
    assert _issues(run.con) == first_run.fresh
    assert _checked_by(run.con) == {"run2"}
    assert run.con.execute("SELECT DISTINCT severity FROM quality_issues WHERE rule_id = ?", [first_run.rule_id]
                           ).fetchall() == [(first_run.severity,)]
    assert rules_checked.recorded(run.con) == rules_checked.fingerprint()
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="trialqc"):
        run(first_run.records, workers=1)  # the rules are now recorded: nothing to check
    assert CHANGED not in _said(caplog)
    assert _checked_by(run.con) == {"run2"}


def test_the_same_rules_check_only_the_studies_loaded_and_read_no_rule_source(first_run, run, monkeypatch, request):
    page = first_run.records / "000_3bb08d04cc95d761.txt"
    page.write_text(page.read_text().replace("11 participants", "13 participants"))

    def unread():
        raise AssertionError("the rule sources were read again")
    with monkeypatch.context() as patch:
        patch.setattr(rules_checked, "fingerprint", unread)
        run(first_run.records, workers=1)
    counts = dict(run.con.execute("SELECT run_id, count(DISTINCT nct_id) FROM quality_issues GROUP BY 1").fetchall())
    assert counts["run2"] == 1 and counts["run1"] == 4
    # the same text in other files (a reinstall), written again: read, found the same, recorded as they are now
    installed = request.getfixturevalue("installed")
    for module in installed.glob("*.py"):
        module.write_bytes(module.read_bytes())
        os.utime(module, (10**9, 10**9))
    run(first_run.records, workers=1)
    assert _checked_by(run.con) == {"run1", "run2"}
    assert run.con.execute("SELECT sources, run_id FROM meta.rules_checked").fetchall() == [
        (rules_checked.sources(), "run3")]


def test_a_recheck_cut_short_is_done_again_whole_by_the_next_run(first_run, run, upgraded, monkeypatch, caplog):
    first = rules_checked.recorded(run.con)
    chunks = {"written": 0}
    write_issues = issue_rows.write_issues

    def failing_second_chunk(con, issues):
        chunks["written"] += 1
        if chunks["written"] == 2:
            raise OSError("No space left on device")
        write_issues(con, issues)
    with monkeypatch.context() as patch:
        patch.setattr(engine, "CHUNK_SIZE", 2)
        patch.setattr(engine, "write_issues", failing_second_chunk)
        with pytest.raises(OSError):
            run(first_run.records, workers=1)
    assert _checked_by(run.con) == {"run1", "run2"}  # the first chunk's studies were checked again
    assert rules_checked.recorded(run.con) == first
    with caplog.at_level(logging.INFO, logger="trialqc"):
        run(first_run.records, workers=1)
    assert CHANGED in _said(caplog)
    assert _checked_by(run.con) == {"run3"}
    assert _issues(run.con) == first_run.fresh
    assert rules_checked.recorded(run.con) == rules_checked.fingerprint()


def test_issues_of_no_recorded_rules_are_checked_again(first_run, run):
    run.con.execute("DELETE FROM meta.rules_checked")  # as a warehouse made before the rules were recorded
    assert not rules_checked.compare(run.con).current
    run(first_run.records, workers=1)
    assert _checked_by(run.con) == {"run2"}
    assert rules_checked.compare(run.con).current


def test_a_new_warehouse_records_its_rules_before_its_first_check(tmp_path):
    con = connect_new(tmp_path / "w.duckdb")
    assert rules_checked.compare(con) == rules_checked.RulesChecked(
        rules_checked.fingerprint(), rules_checked.sources(), current=True, to_record=True)
    con.close()


@pytest.mark.parametrize("module, changes", [
    ("dates.py", True), ("study_text.py", True), ("report.py", False), ("report_pages.py", False),
    ("gx_suite.py", False), ("gx_docs.py", False),
])
def test_the_fingerprint_covers_the_rule_and_reading_modules_not_the_presenting_ones(installed, module, changes):
    before = rules_checked.fingerprint()
    source = installed / module
    source.write_text(source.read_text().replace('"', "'", 1) + "\n")
    assert (rules_checked.fingerprint() != before) is changes


def test_the_fingerprint_covers_a_new_module_and_the_rule_macros(installed, tmp_path, monkeypatch):
    before = rules_checked.fingerprint()
    (installed / "dose_new_reading.py").write_text('"""A reading."""\n')
    assert rules_checked.fingerprint() != before
    ddl = tmp_path / "ddl"
    shutil.copytree(rules_checked.DDL_DIR, ddl)
    monkeypatch.setattr(rules_checked, "DDL_DIR", ddl)
    with_module = rules_checked.fingerprint()
    (ddl / "999_bookkeeping.sql").write_text("CREATE TABLE IF NOT EXISTS meta.other (x INTEGER);\n")
    assert rules_checked.fingerprint() == with_module
    (ddl / "999_macro.sql").write_text("CREATE OR REPLACE MACRO date_lo(d, prec) AS d;\n")
    assert rules_checked.fingerprint() != with_module


CATALOGUE_READS = """
import json, sys
import checks, checks.engine
checks.all_rules()
print(json.dumps(sorted(name for name in sys.modules if name.startswith("checks."))))
"""


def test_the_rule_catalogue_reads_no_module_the_fingerprint_leaves_out():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    read = subprocess.run([sys.executable, "-c", CATALOGUE_READS], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=300, check=True).stdout.splitlines()[-1]
    modules = {name.split(".")[1] + ".py" for name in json.loads(read)}
    covered = {name.split("/")[1] for name in rules_checked.rule_texts() if name.startswith("checks/")}
    # the Great Expectations suite is a family without per-study rules (checks/gx_suite.py: RULES = ())
    assert modules - covered == {"gx_suite.py", "gx_expectations.py", "gx_validation.py"}
    assert import_module("checks.gx_suite").RULES == ()
