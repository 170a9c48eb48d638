"""Contact and responsible-party names, phones and emails stay in their tables: never in logs, rejects,
the run summary artifact or the reports."""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

from flows import summary
from warehouse.tables import PERSONAL_COLUMNS

ROOT = Path(__file__).resolve().parent.parent


def test_personal_data_never_leaves_its_tables(run, samples, tmp_path, caplog):
    shutil.copy(ROOT / "tests/golden/ctgov_xml/observational_central_contacts.xml", samples)
    (samples / "broken.json").write_bytes(b'{"protocolSection": {"contactsLocationsModule": ')
    caplog.set_level(logging.DEBUG)
    result = run(samples)
    personal = {value for table, columns in PERSONAL_COLUMNS.items() for column in columns
                for (value,) in run.con.execute(f"SELECT DISTINCT {column} FROM {table}").fetchall()
                if value and len(value) > 3}
    assert len(personal) >= 4, personal
    from checks.report import write_report

    reports = write_report(run.con, tmp_path / "reports")
    outputs = {
        "logs": caplog.text,
        "rejects": str(run.con.execute("SELECT * FROM meta.rejects").fetchall()),
        "issues": str(run.con.execute("SELECT message, evidence FROM quality_issues").fetchall()),
        "artifact": summary.to_markdown(result),
        **{str(p): Path(p).read_text(errors="replace") for p in reports if Path(p).is_file()},
    }
    leaks = {(where, value) for where, text in outputs.items() for value in personal if value in text}
    assert not leaks
