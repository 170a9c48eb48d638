"""Shared fixtures: the bundled samples, the shared corpus when present, a run helper, a migrated Prefect database."""
from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

from flows.run import run_pipeline
from tests.new_warehouse import connect_new

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
SHARED = ROOT.parent / "shared"
AS_OF = date(2026, 11, 22)

# Property tests judge what a reading gives, not how long one example takes: hypothesis's default deadline
# (200 ms an example) would fail them on a busy host. A test that bounds its time says so itself
# (tests/test_parser_properties.py).
settings.register_profile("trialqc", deadline=None)
settings.load_profile("trialqc")


@pytest.fixture(autouse=True)
def workers_forked_here(monkeypatch):
    """A run's workers are forked from the test's process, however much it holds: a test process grows past
    flows/worker_processes.py's FORK_MAX_BYTES as the suite runs, and every run would then start a fork server
    (about 1.3 s). Tests of the fork server set the threshold themselves."""
    from flows import worker_processes

    monkeypatch.setattr(worker_processes, "FORK_MAX_BYTES", 2**62)


@contextmanager
def forked_here():
    """`workers_forked_here` for the runs of a module-scoped fixture, which no test's monkeypatch covers."""
    from flows import worker_processes

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(worker_processes, "FORK_MAX_BYTES", 2**62)
        yield


def samples_as_run_left_them(records: Path, db: Path, tmp_path: Path) -> Path:
    """The samples folder `records` set back as a module's first run over them saw it (the same path, sizes and
    modification times), and a copy of that run's warehouse `db` at tmp_path / "w.duckdb": for a test that begins
    after that run. Returns `records`."""
    shutil.rmtree(records)
    shutil.copytree(SAMPLES, records)  # (copies the modification times too)
    shutil.copyfile(db, tmp_path / "w.duckdb")
    return records


@pytest.fixture
def samples(tmp_path) -> Path:
    """A copy of the bundled sample records that a test may change."""
    target = tmp_path / "records"
    shutil.copytree(SAMPLES, target)
    return target


def assert_rejects_agree(con, result) -> None:
    """meta.rejects holds exactly the run's rejected inputs: its count is the summary's."""
    rows = con.execute("SELECT count(*) FROM meta.rejects WHERE run_id = ?", [result.run_id]).fetchone()[0]
    assert rows == result.rejected == len(result.rejects), (rows, result.rejected, result.rejects)


def runner(db: Path, con, first: int = 1):
    """Run the pipeline (plain stages, no Prefect) into the warehouse `db`, open as `con` (`.con`): the runs are
    run<first>, run<first + 1>, ..."""
    counter = iter(range(first, 1000))

    def _run(source: Path, as_of: date = AS_OF, **kwargs):
        result = run_pipeline(con, run_id=f"run{next(counter)}", source=source, db_path=db, as_of=as_of, **kwargs)
        assert_rejects_agree(con, result)
        return result

    _run.con = con
    return _run


@pytest.fixture
def run(tmp_path):
    """Run the pipeline (plain stages, no Prefect) into one warehouse per test."""
    db = tmp_path / "trials.duckdb"
    con = connect_new(db)
    yield runner(db, con)
    con.close()


@pytest.fixture(scope="session")
def migrated_prefect_db(tmp_path_factory) -> Path:
    """A Prefect database migrated once for the whole session, shared by its pytest-xdist workers: a new
    PREFECT_HOME given a copy (`prefect_home_from`) starts its server without creating and migrating one, which
    took 15-20 s on a busy 2-core machine."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    base = tmp_path_factory.getbasetemp()
    shared = (base.parent if worker else base) / "prefect-migrated"  # one folder for every worker of a session
    shared.mkdir(exist_ok=True)
    db = shared / "prefect.db"
    with open(shared / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one worker migrates; the others wait for it and use its database
        if not db.exists():
            home = shared / "home"
            env = dict(os.environ, PREFECT_HOME=str(home), DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false")
            env.pop("PREFECT_API_URL", None)
            prefect = Path(sys.executable).parent / "prefect"
            made = subprocess.run([str(prefect), "server", "database", "upgrade", "-y"], env=env,
                                  capture_output=True, text=True, timeout=600)
            assert made.returncode == 0, made.stdout + made.stderr
            (home / "prefect.db").rename(db)  # whole or not at all for a worker that finds it
    return db


def prefect_home_from(migrated: Path, home: Path) -> Path:
    """`home` as a new PREFECT_HOME whose database is a copy of the session's migrated one."""
    home.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(migrated, home / "prefect.db")
    return home


@pytest.fixture(scope="session")
def session_prefect_home(request) -> Path:
    """The PREFECT_HOME of the session's in-process flows and `trialqc run --prefect` (the Makefile's .prefect),
    given the migrated database when it has none yet (a new checkout, CI): its first server then starts as on a
    machine that has run trialqc before. A database already there (or made meanwhile) is never replaced."""
    from flows.settings import PREFECT_DEFAULTS

    home = Path(os.environ.get("PREFECT_HOME") or PREFECT_DEFAULTS["PREFECT_HOME"])
    if not (home / "prefect.db").exists():
        made = prefect_home_from(request.getfixturevalue("migrated_prefect_db"), home / f".seed-{os.getpid()}")
        try:
            os.link(made / "prefect.db", home / "prefect.db")  # only where there is none: never over one in use
        except FileExistsError:
            pass
        finally:
            shutil.rmtree(made, ignore_errors=True)
    return home


def pytest_addoption(parser):
    """--regen-golden rewrites tests/golden/<layout>/<case>.expected.json; review the diff."""
    parser.addoption("--regen-golden", action="store_true", default=False,
                     help="rewrite golden expected files from the parsers' output")


def pytest_configure(config):
    """Hand --regen-golden to tests/parsers/golden.py, which reads it when imported."""
    if config.getoption("--regen-golden"):
        os.environ["TRIALQC_REGEN_GOLDEN"] = "1"


# The folders of many short modules (phrase tables, one layout's parser): run after the others, whose modules run whole
# flows, servers and faults. `make test` hands modules to its two processes in this order, each to the first one free,
# so the short ones fill the end of the run instead of one long module running there alone.
SHORT_MODULE_FOLDERS = ("checks", "parsers")
# The modules of those folders that check whole warehouses or run the pipeline (10-50 s each on CI's 2-core machine),
# longest first: they begin those folders, so that the short modules, not one of these, end the run.
LONG_MODULES_OF_SHORT_FOLDERS = ("checks/test_scoped_tables.py", "parsers/test_several_pages_split.py",
                                 "checks/test_worker_rules.py", "checks/test_criteria_repeat_screen.py",
                                 "checks/test_sql_once.py", "checks/test_appended_rows.py",
                                 "checks/test_criteria_shared_words.py", "checks/test_rare_shapes_structured_rules.py",
                                 "checks/test_shared_reads_file.py", "checks/test_gx_suite.py")


def pytest_collection_modifyitems(config, items):
    """The tests of SHORT_MODULE_FOLDERS last, their LONG_MODULES_OF_SHORT_FOLDERS first; every module's own order
    kept."""
    tests = Path(__file__).resolve().parent
    rank = {name: i for i, name in enumerate(LONG_MODULES_OF_SHORT_FOLDERS)}

    def place(item) -> tuple[bool, int]:
        path = item.path.resolve()
        if not path.is_relative_to(tests) or path.relative_to(tests).parts[0] not in SHORT_MODULE_FOLDERS:
            return False, 0
        return True, rank.get(path.relative_to(tests).as_posix(), len(rank))
    items.sort(key=place)


@pytest.fixture(scope="session", autouse=True)
def _prefect_test_server_stopped_in_session():
    """Stop a temporary Prefect server started by an in-process flow before the test worker's output closes.

    Left to Prefect's own exit hook, its 'Stopping temporary server' log line meets a closed stream under
    pytest-xdist and prints a logging traceback after the summary.
    """
    yield
    import sys
    server = sys.modules.get("prefect.server.api.server")
    if server is not None:
        # What the flows logged goes to the server while it answers: left to the exit, Prefect's log worker sent
        # it to the stopped server and retried for about 70 s before the process ended.
        from prefect.events.worker import EventsWorker
        from prefect.logging.handlers import APILogWorker

        APILogWorker.drain_all(timeout=30)
        EventsWorker.drain_all(timeout=30)
        for instance in list(server.SubprocessASGIServer._instances.values()):
            instance.stop()
