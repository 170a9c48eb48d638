"""What starting `trialqc` costs: the libraries the command and a run that changed nothing must not import,
and a discovery of the source that lists exactly what the plain walk listed (one lstat per plain file)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from flows import inputs
from flows.inputs import FileEntry, InputProblem
from flows.parsers.model import Problem

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"

# Heavy libraries only some paths need: the command itself (its --help, `issues`, `search`) needs none of them.
NOT_FOR_THE_COMMAND = ("pandas", "pandera", "prefect", "great_expectations", "pyarrow", "numpy", "jinja2",
                       "checks.engine", "flows.parsers")
# A re-run that found nothing new (no --report): no parse, no validation, no rule, no page to render, and no
# pandas, numpy or pyarrow (DuckDB imports them on the first parameter bound: such a run binds none,
# warehouse/literals.py; its unchanged files travel as Python columns; no check engine for no study), nor
# pydantic (typer's validators: flows/cli_params.py).
NOT_FOR_A_NO_CHANGE_RUN = ("pandas", "numpy", "pyarrow", "pydantic", "checks.engine", "pandera", "prefect",
                           "great_expectations", "jinja2", "flows.batch_workers", "flows.validate", "flows.assemble",
                           "checks.dates", "checks.contradictions", "checks.report")

IMPORTED = """
import json, sys
{imports}
print(json.dumps(sorted(sys.modules)))
"""
CLI_RUN = """
import json, sys
from flows.cli import app
try:
    app(["run", "--source", sys.argv[1], "--db", sys.argv[2], "--as-of", "2026-11-22", "--no-report"])
except SystemExit as exc:
    assert not exc.code, exc.code
print(json.dumps(sorted(sys.modules)))
"""


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PYTHONPATH=str(ROOT), TRIALQC_REPORTS=str(tmp_path / "reports"))
    return env


def _modules(code: str, env: dict[str, str], *args: str) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=600,
                          cwd=ROOT, env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return set(json.loads(proc.stdout.strip().splitlines()[-1]))


def _loaded(modules: set[str], names: tuple[str, ...]) -> set[str]:
    return {m for m in modules for name in names if m == name or m.startswith(name + ".")}


def test_importing_the_command_loads_no_data_library(tmp_path):
    modules = _modules(IMPORTED.format(imports="import flows.cli"), _env(tmp_path))
    assert "flows.cli" in modules
    assert not _loaded(modules, NOT_FOR_THE_COMMAND)
    # the search, diff and watch commands are made when named: their modules are not loaded for the others
    assert not _loaded(modules, ("flows.cli_search", "flows.cli_diff", "flows.search", "warehouse.versions"))


HELP = """
import json, sys
from flows.cli import app
try:
    app(sys.argv[1:])
except SystemExit as exc:
    assert not exc.code, exc.code
print(json.dumps(sorted(sys.modules)))
"""


def test_the_search_diff_and_watch_commands_are_made_when_named_or_listed(tmp_path):
    from typer.testing import CliRunner

    from flows.cli import app

    help_text = CliRunner().invoke(app, ["--help"]).output
    shown = [name for name in ("run", "pull", "issues", "report", "serve", "search", "diff", "watch")
             if f"│ {name} " in help_text]
    assert shown == ["run", "pull", "issues", "report", "serve", "search", "diff", "watch"]
    listed = _modules(HELP, _env(tmp_path), "--help")
    assert {"flows.cli_search", "flows.cli_diff"} <= listed
    named = _modules(HELP, _env(tmp_path), "watch", "--help")
    assert "flows.cli_search" in named
    for command in ("issues", "report", "pull", "serve"):
        alone = _modules(HELP, _env(tmp_path), command, "--help")
        assert not _loaded(alone, ("flows.cli_search", "flows.cli_diff")), command
    assert "Did you mean 'search'" in CliRunner().invoke(app, ["serch"]).output


def test_importing_the_run_and_its_session_loads_neither_pandas_nor_a_template_engine(tmp_path):
    # (pyarrow.Table and pyarrow.array import pandas when first called; the modules make no table on import)
    modules = _modules(IMPORTED.format(imports="import flows.run, flows.warehouse_session"), _env(tmp_path))
    assert "flows.run" in modules and "flows.warehouse_session" in modules
    assert not _loaded(modules, ("pandas", "pandera", "prefect", "jinja2", "checks.engine"))


def test_a_run_that_changed_nothing_imports_no_parser_stage_rule_or_template(tmp_path):
    env, db = _env(tmp_path), str(tmp_path / "w.duckdb")
    first = _modules(CLI_RUN, env, str(SAMPLES), db)
    again = _modules(CLI_RUN, env, str(SAMPLES), db)
    assert {"flows.batch_workers", "pandera", "checks.dates"} <= first  # the first run did load and check
    assert not _loaded(again, NOT_FOR_A_NO_CHANGE_RUN)
    assert not _loaded(first | again, ("flows.cli_search", "flows.cli_diff"))


def test_a_run_that_changed_nothing_and_keeps_its_report_imports_no_data_library(tmp_path):
    env, db = _env(tmp_path), str(tmp_path / "w.duckdb")
    with_report = CLI_RUN.replace(', "--no-report"', "")
    first = _modules(with_report, env, str(SAMPLES), db)
    again = _modules(with_report, env, str(SAMPLES), db)
    assert {"pandas", "checks.report", "flows.batch_workers"} <= first
    assert "checks.report" in again and not _loaded(again, ("pandas", "numpy", "pyarrow", "pydantic", "pandera",
                                                            "checks.engine", "great_expectations",
                                                            "flows.batch_workers", "checks.dates"))


def _walk_before(root: Path, folder: Path, found: list) -> None:
    """The walk discover did before it was made cheaper: the reference the faster walk must agree with."""
    try:
        entries = list(os.scandir(folder))
    except OSError as exc:
        found.append(InputProblem(str(folder), Problem("unreadable folder", type(exc).__name__, stage="read")))
        return
    for entry in entries:
        if entry.name.startswith(".") or entry.name in inputs.IGNORED_NAMES:
            continue
        if entry.is_symlink():
            found.append(inputs._link(root, Path(entry.path)))
        elif entry.is_dir(follow_symlinks=False):
            _walk_before(root, Path(entry.path), found)
        elif entry.is_file(follow_symlinks=False):
            st = entry.stat(follow_symlinks=False)
            found.append(FileEntry(entry.path, st.st_size, st.st_mtime))


def _discover_before(source: Path) -> list:
    root = source.resolve()
    if root.is_file():
        st = root.stat()
        return [FileEntry(str(root), st.st_size, st.st_mtime)]
    found: list = []
    _walk_before(root, root, found)
    return sorted(found, key=lambda e: e.path)


@pytest.fixture
def tricky(tmp_path) -> Path:
    """A source folder with every kind of entry discover must tell apart."""
    src, outside = tmp_path / "src", tmp_path / "outside"
    (src / "a" / "deep" / "er").mkdir(parents=True)
    (src / "empty").mkdir()
    (src / ".hidden_dir").mkdir()
    outside.mkdir()
    for path in ("a.json", "a-b.json", "a/1.json", "a/deep/2.xml", "a/deep/er/3.txt", "ü ñ space.json",
                 ".hidden.json", ".hidden_dir/x.json", "README.md", "labels.csv", "a/SOURCES.md", "a/.DS_Store"):
        (src / path).write_text(path)
    (outside / "o.json").write_text("o")
    (outside / "dir").mkdir()
    with zipfile.ZipFile(src / "bulk.ZIP", "w") as archive:
        archive.writestr("NCT00000001.json", "{}")
    os.symlink(src / "a" / "1.json", src / "link_in.json")
    os.symlink(outside / "o.json", src / "link_out.json")
    os.symlink(src / "a" / "deep", src / "link_dir_in")
    os.symlink(outside / "dir", src / "a" / "link_dir_out")
    os.symlink(src / "loop_b", src / "loop_a")
    os.symlink(src / "loop_a", src / "loop_b")
    os.symlink(src / "gone.json", src / "broken.json")
    os.symlink(src / "a" / "deep" / "2.xml", src / "a" / "deep" / "er" / "up.xml")
    os.mkfifo(src / "a" / "pipe")
    return src


def _described(entries: list) -> list:
    return [(e.path, e.size, e.timestamp) if isinstance(e, FileEntry) else (e.path, e.problem) for e in entries]


def test_discover_lists_the_same_entries_with_the_same_reasons_as_the_plain_walk(tricky):
    before, now = _discover_before(tricky), inputs.discover(tricky)
    assert _described(now) == _described(before)
    assert [type(e) for e in now] == [type(e) for e in before]
    reasons = {Path(e.path).name: e.problem.reason for e in now if isinstance(e, InputProblem)}
    assert reasons == {"link_out.json": "symlink leaves the source folder", "link_dir_in": "symlink to a folder",
                       "link_dir_out": "symlink leaves the source folder", "loop_a": "symlink loop",
                       "loop_b": "symlink loop", "broken.json": "broken symlink"}
    files = [Path(e.path).relative_to(tricky).as_posix() for e in now if isinstance(e, FileEntry)]
    assert files == ["a-b.json", "a.json", "a/1.json", "a/deep/2.xml", "a/deep/er/3.txt", "a/deep/er/up.xml",
                     "bulk.ZIP", "link_in.json", "ü ñ space.json"]
    assert [e.is_zip for e in now if isinstance(e, FileEntry)].count(True) == 1


def test_discover_of_one_file_and_of_an_unreadable_folder_is_as_before(tricky, monkeypatch):
    assert _described(inputs.discover(tricky / "a.json")) == _described(_discover_before(tricky / "a.json"))
    real = os.scandir

    def refusing(path):
        if os.fspath(path).endswith("deep"):
            raise PermissionError(13, "Permission denied")
        return real(path)
    # undone within the test: the test's folder is removed after it with os.scandir on folder descriptors
    with monkeypatch.context() as patch:
        patch.setattr(os, "scandir", refusing)
        now = inputs.discover(tricky)
        assert _described(now) == _described(_discover_before(tricky))
    assert [(Path(e.path).name, e.problem.reason, e.problem.detail) for e in now if isinstance(e, InputProblem)
            and e.problem.reason == "unreadable folder"] == [("deep", "unreadable folder", "PermissionError")]


def test_a_zip_is_told_by_its_name_ending_in_any_case():
    names = ["a.zip", "a.ZIP", "a.Zip", "/x/y.zIp", "zip", ".zip", "a.json", "a.zi", "p", "P", "", "a.xzip", "a.zipp",
             "a.ZiP", "ü.zip", "a.zip/"]
    assert [FileEntry(name, 0, 0.0).is_zip for name in names] == [name[-4:].lower() == ".zip" for name in names]


def test_make_run_byte_compiles_the_project_before_the_command(tmp_path):
    """Where Python writes no bytecode itself, `make run` (and `make report`) still start from compiled modules.

    `make` is the project's own set-up command (`make test` runs this suite), so it is there wherever this runs."""
    for target, command in (("run", "trialqc run"), ("report", "trialqc report")):
        proc = subprocess.run(["make", "-n", target], capture_output=True, text=True, cwd=ROOT, timeout=60)
        assert proc.returncode == 0, proc.stderr
        lines = proc.stdout.splitlines()
        compiled = [i for i, line in enumerate(lines) if "-m compileall" in line]
        started = [i for i, line in enumerate(lines) if command in line]
        assert compiled and started and compiled[-1] < started[0]
        assert lines[compiled[-1]].split()[-4:] == ["flows", "checks", "warehouse", "schemas"]
    for package in ("flows", "checks", "warehouse", "schemas"):
        assert (ROOT / package / "__init__.py").is_file()


# A Ctrl-C while the command imports its interface: SIGINT sent to itself as DuckDB is first looked for.
STOP_WHILE_STARTING = """
import os, signal, sys
signal.signal(signal.SIGINT, signal.default_int_handler)  # as from a terminal: a background job starts it ignored
class Stop:
    def find_spec(self, name, path=None, target=None):
        if name == "duckdb":
            sys.meta_path.remove(self)
            os.kill(os.getpid(), signal.{stop})
        return None
sys.meta_path.insert(0, Stop())
sys.argv = ["trialqc", "--help"]
from importlib.metadata import entry_points
[command] = [e for e in entry_points(group="console_scripts") if e.name == "trialqc"]
command.load()()
"""


@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM"])
def test_a_stop_while_the_command_starts_ends_it_with_one_line_and_no_traceback(stop):
    """The installed `trialqc` command's imports take a few tenths of a second before any of its handlers is set:
    a Ctrl-C there printed a KeyboardInterrupt traceback out of `import duckdb` (a stop trial 0.09 s in), and a
    SIGTERM killed the command (exit -15)."""
    proc = subprocess.run([sys.executable, "-c", STOP_WHILE_STARTING.format(stop=stop)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 130, proc.stderr
    assert proc.stderr == "error: interrupted while starting: nothing was done.\n"
    assert proc.stdout == ""  # no help: the command did not go on
