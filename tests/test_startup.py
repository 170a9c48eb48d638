"""What `trialqc run` costs before it reads a file: the libraries a plain run must never import."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"

# A plain run (no --prefect, no PREFECT_API_URL) through the command, then what the process imported.
PLAIN_RUN = """
import json, sys
from flows.cli import app
try:
    app(["run", "--source", sys.argv[1], "--db", sys.argv[2], "--as-of", "2026-11-22", "--workers", "1"])
except SystemExit as exc:
    assert not exc.code, exc.code
print(json.dumps(sorted(sys.modules)))
"""

# Every model's schema, as far as validation sees it.
SCHEMAS = """
import json, sys
if sys.argv[1] == "dask-typing-first":
    import pandera.typing.dask
from schemas import MODELS

def described(model):
    schema = model.to_schema()
    columns = {name: [str(c.dtype), c.nullable, c.coerce, c.required, c.unique, c.regex, c.description,
                      [repr(check) for check in c.checks]] for name, c in schema.columns.items()}
    return [columns, repr(schema.index), schema.strict, schema.coerce, schema.ordered, repr(schema.checks)]

print(json.dumps({table: described(model) for table, model in MODELS.items()}, default=str))
"""


def _python(code: str, *args: str) -> str:
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=600,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout.strip().splitlines()[-1]


def test_a_plain_run_imports_neither_prefect_nor_dask(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    # The report without its GX Data Docs (a child that loads Great Expectations, seconds of CPU), which nothing here
    # reads; test_a_run_with_nothing_to_check_loads_no_rule_family runs with them.
    env.update(PYTHONPATH=str(ROOT), TRIALQC_REPORTS=str(tmp_path / "reports"), TRIALQC_DATA_DOCS="off")
    proc = subprocess.run([sys.executable, "-c", PLAIN_RUN, str(SAMPLES), str(tmp_path / "w.duckdb")],
                          capture_output=True, text=True, timeout=600, cwd=ROOT, env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    modules = set(json.loads(proc.stdout.strip().splitlines()[-1]))
    assert "flows.run" in modules and "schemas.studies" in modules  # the run and its models did load
    assert (tmp_path / "w.duckdb").exists()
    assert not {m for m in modules if m == "prefect" or m.startswith("prefect.")}
    assert "dask.dataframe" not in modules
    assert "pandera.typing.dask" not in modules


def test_models_are_the_same_whether_or_not_dask_typing_was_imported():
    plain = json.loads(_python(SCHEMAS, "plain"))
    with_dask = json.loads(_python(SCHEMAS, "dask-typing-first"))
    assert plain == with_dask
    assert len(plain) >= 20 and plain["studies"][0]["nct_id"][1] is False  # the key is required and non-null


# What the command, the report and the parsers load when imported (no run).
IMPORTED = """
import json, sys
import flows.cli, checks.report, flows.parsers, schemas.enums
print(json.dumps(sorted(sys.modules)))
"""
# (checks.missing_fields is not among them: the run's summary reads what each layout never shows from it.)
RULE_FAMILIES = {"checks.dates", "checks.timeliness", "checks.contradictions", "checks.study_text",
                 "checks.criteria_text", "checks.cross_source"}


def test_the_command_the_report_and_the_parsers_load_no_rule_family_nor_pandas():
    modules = set(json.loads(_python(IMPORTED)))
    assert "flows.cli" in modules and "checks.report" in modules and "schemas.enums" in modules
    assert not modules & RULE_FAMILIES
    assert not {m for m in modules if m.split(".")[0] in ("pandas", "pandera")}
    assert "schemas.studies" not in modules  # no pandera model is built for the parsers' value sets


def test_a_run_with_nothing_to_check_loads_no_rule_family(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PYTHONPATH=str(ROOT), TRIALQC_REPORTS=str(tmp_path / "reports"))
    imported = []
    for _ in range(2):  # the first run loads and checks the samples; the second finds nothing new
        proc = subprocess.run([sys.executable, "-c", PLAIN_RUN, str(SAMPLES), str(tmp_path / "w.duckdb")],
                              capture_output=True, text=True, timeout=600, cwd=ROOT, env=env)
        assert proc.returncode == 0, proc.stderr[-3000:]
        imported.append(set(json.loads(proc.stdout.strip().splitlines()[-1])))
    assert RULE_FAMILIES <= imported[0]
    assert not imported[1] & RULE_FAMILIES
    # every file unchanged: no batch worker, no validation, no pandera model (flows/run.py AllUnchanged)
    assert {"flows.batch_workers", "flows.validate", "pandera"} <= imported[0]
    assert not {m for m in imported[1] if m.split(".")[0] == "pandera" or m in ("flows.batch_workers",
                                                                               "flows.validate", "flows.assemble")}
    assert (tmp_path / "reports" / "quality_report.html").is_file()
