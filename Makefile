# Two commands do all the set-up: `make run` and `make test` (each creates .venv when missing).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Offline: no Prefect analytics or telemetry; Prefect's state lives in the project.
export DO_NOT_TRACK := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_HOME := $(CURDIR)/.prefect
export GX_ANALYTICS_ENABLED := false

.PHONY: run test test-long report ui lock bench clean bytecode

# The project's own modules byte-compiled once (__pycache__, git-ignored), as an install compiles a package:
# where Python writes no bytecode itself (PYTHONDONTWRITEBYTECODE), every `trialqc` start would compile them
# from source (~0.07 s). Up to date, compileall only compares timestamps.
PACKAGES := flows checks warehouse schemas

$(STAMP): requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "needs $(PYTHON) (set PYTHON=...)"; exit 2; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet "pip==26.3"
	$(BIN)/python -m pip install --quiet -r requirements.lock
	PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m compileall -q $(PACKAGES)
	touch $(STAMP)

bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q $(PACKAGES)

run: bytecode  ## load the bundled samples into warehouse/trials.duckdb and print what was found
	$(BIN)/trialqc run $(ARGS)

# Two test processes (pytest-xdist): the suite is mostly CPU-bound Python and DuckDB, so two cores halve it.
# loadfile: a module's tests run on one worker, so module-scoped fixtures (the Prefect server, the loaded
# corpus, the fault tests' reference run) are set up once. (loadgroup's groups are lost under pytest 9.)
PYTEST_WORKERS := -n 2 --dist loadfile

test: $(STAMP)  ## run the test suite (the long variants are `make test-long`)
	$(BIN)/python -m pytest $(PYTEST_WORKERS) $(ARGS)

test-long: $(STAMP)  ## run only the long variants of tests (a few minutes)
	$(BIN)/python -m pytest $(PYTEST_WORKERS) -m long $(ARGS)

report: bytecode  ## write the HTML quality report and GX Data Docs to warehouse/reports/
	$(BIN)/trialqc report

ui: $(STAMP)  ## the Prefect UI on http://127.0.0.1:4200 (runs of `make run` show there)
	$(BIN)/prefect server start --host 127.0.0.1

lock:  ## re-resolve requirements.in into requirements.lock (review the diff)
	rm -rf .lockvenv && $(PYTHON) -m venv .lockvenv && .lockvenv/bin/pip install --quiet -r requirements.in
	{ echo "# Exact set CI tested, from 'make lock' (pip freeze of a venv built from requirements.in)."; \
	  echo "# setuptools is pinned too: the editable install of trialqc builds with it, offline."; \
	  echo "setuptools==80.9.0"; .lockvenv/bin/pip freeze; } > requirements.lock
	rm -rf .lockvenv

bench: $(STAMP)  ## time every stage over 20,000 synthetic studies (N=100000 for more) beside a json.loads floor
	$(BIN)/python bench/run.py --n $(or $(N),20000)

clean:
	rm -rf $(VENV) .prefect warehouse/*.duckdb warehouse/reports
