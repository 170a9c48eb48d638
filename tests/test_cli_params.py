"""Option values read without pydantic (flows/cli_params.py) come out as typer's own validators give them:
the same value of the same type, or the same error message; and `trialqc run` imports no pydantic."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import pytest
import typer
from typer._click.exceptions import BadParameter
from typer._coercion import build_runtime_param

import flows.cli  # noqa: F401  (installs the direct reading)
from flows.cli_params import install

app = typer.Typer()


@app.command()
def sample(
    text: Optional[str] = typer.Option(None),
    count: Optional[int] = typer.Option(None, min=1),
    bounded: int = typer.Option(5, min=2, max=10),
    clamped: int = typer.Option(5, min=2, max=10, clamp=True),
    plain: int = typer.Option(0),
    folder: Optional[Path] = typer.Option(None),
    existing: Optional[Path] = typer.Option(None, exists=True, dir_okay=False),
    flag: bool = typer.Option(False),
) -> None:
    """A command with one option of each kind read directly."""


VALUES = ["", "0", "1", "2", "7", "10", "11", "-1", "+3", " 4", "4 ", "1_0", "007", "3.0", "1e3", "x", "１",
          "99999999999999999", "999999999999999999", "9999999999999999999999", "a/b", "a//b", "a/", "./a", ".",
          "..", "/", "/tmp", "/nonexistent/x.duckdb", "~/x", "-", "it's", "ü ñ", "a\x00b", "\udcff", "true", "no"]


def _outcome(runtime, value, param, ctx):
    try:
        result = runtime.coerce(value, param=param, ctx=ctx)
    except BadParameter as exc:
        return "error", exc.format_message()
    return type(result), result


def test_the_direct_reading_is_installed_once():
    assert install() is False  # flows.cli installed it already


@pytest.mark.parametrize("value", [None, *VALUES, True, False, 3, Path("/tmp")], ids=repr)
def test_each_value_comes_out_as_typer_reads_it(value, tmp_path):
    command = typer.main.get_command(app)
    ctx = command.make_context("sample", [])
    for param in command.params:
        direct = param.get_runtime_param()
        assert type(direct).__name__ == "PlainParam"
        assert _outcome(direct, value, param, ctx) == _outcome(build_runtime_param(param.type_descriptor), value,
                                                              param, ctx), param.name


def test_an_existing_file_option_reads_as_typer_reads_it(tmp_path):
    (tmp_path / "f.json").write_text("{}")
    command = typer.main.get_command(app)
    ctx = command.make_context("sample", [])
    param = next(p for p in command.params if p.name == "existing")
    for value in (str(tmp_path / "f.json"), str(tmp_path), str(tmp_path / "missing.json"), str(tmp_path) + "//f.json"):
        assert _outcome(param.get_runtime_param(), value, param, ctx) == \
            _outcome(build_runtime_param(param.type_descriptor), value, param, ctx)
