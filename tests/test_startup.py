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
    env.update(PYTHONPATH=str(ROOT), TRIALQC_REPORTS=str(tmp_path / "reports"))
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
