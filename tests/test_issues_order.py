"""`trialqc issues` lists the studies with an error first, so its limit never hides an error behind other studies'
notes; a study's own issues stay together, errors first, and the age of our copy comes last."""
from __future__ import annotations

from datetime import date

from typer.testing import CliRunner

from flows.cli import app
from warehouse.connect import connect

ISSUES = [  # (study, rule, severity)
    ("NCT00000101", "missing_fields.no_start_date", "info"),
    ("NCT00000102", "dates.verification_stale", "warning"),
    ("NCT00000103", "missing_fields.no_enrollment", "info"),
    ("NCT00000103", "identity.nct_number_not_yet_issued", "error"),
    ("NCT00000101", "freshness.copy_is_old", "info"),
]


def _warehouse(tmp_path):
    db = tmp_path / "w.duckdb"
    con = connect(db)
    con.executemany("INSERT INTO quality_issues VALUES ('r1', ?, ?, 'contradiction', ?, ['studies.x'], ?, NULL, ?)",
                    [[nct, rule, severity, f"an issue of {nct}", date(2026, 11, 30)] for nct, rule, severity in ISSUES])
    con.close()
    return db


def _shown(output: str) -> list[str]:
    return [word for line in output.splitlines() for word in line.split() if "." in word and word[0].islower()]


def test_the_study_with_an_error_comes_first_and_a_limit_keeps_it(tmp_path):
    db = str(_warehouse(tmp_path))
    everything = CliRunner().invoke(app, ["issues", "--db", db])
    assert everything.exit_code == 0, everything.output
    assert [rule for rule in _shown(everything.output) if "_" in rule] == [
        "identity.nct_number_not_yet_issued", "missing_fields.no_enrollment", "dates.verification_stale",
        "missing_fields.no_start_date", "freshness.copy_is_old"]
    limited = CliRunner().invoke(app, ["issues", "--db", db, "--limit", "1"])
    assert "identity.nct_number_not_yet_issued" in limited.output and "4 more" in limited.output
