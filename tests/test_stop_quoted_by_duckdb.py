"""A stop raised in Python code DuckDB calls back while it runs a statement (its import of pyarrow.dataset as it scans
an Arrow table, a Python function) reaches trialqc as DuckDB's own error quoting the KeyboardInterrupt: it is read as
the stop it is, so the run ends as interrupted with one line, not as a failure with a traceback."""
from __future__ import annotations

import duckdb
import pytest

from flows import stops
from flows.errors import stopped_by_signal


@pytest.fixture
def a_stop_was_raised(monkeypatch):
    """This process's handler raised a stop (flows/stops.py counts them)."""
    monkeypatch.setattr(stops, "_raised", [1])


def _raised_by_a_callback() -> duckdb.Error:
    """The error DuckDB raises for a KeyboardInterrupt in a Python function it calls."""
    con = duckdb.connect()

    def stopped(_value: str) -> str:
        raise KeyboardInterrupt("signal 15")

    con.create_function("stopped", stopped, ["VARCHAR"], "VARCHAR")
    try:
        con.execute("SELECT stopped('a')").fetchall()
    except duckdb.Error as exc:
        return exc
    finally:
        con.close()
    raise AssertionError("the statement was not stopped")


@pytest.mark.parametrize("message", [
    "KeyboardInterrupt: signal 15\n\nAt:\n  /app/warehouse/runs.py(194): known_hashes\n",
    "KeyboardInterrupt",
    "Invalid Input Error: arrow_scan: get_next failed(): Invalid: Unknown error: signal 15. Detail: Python "
    "exception: Traceback (most recent call last):\n  File \"x.py\", line 13, in gen\nKeyboardInterrupt: signal 15\n",
], ids=["import-callback", "sigint", "arrow-reader"])
def test_a_duckdb_error_quoting_the_stop_is_the_stop(a_stop_was_raised, message):
    assert stopped_by_signal(duckdb.Error(message))


def test_a_python_function_stopped_inside_a_statement_is_the_stop(a_stop_was_raised):
    assert stopped_by_signal(_raised_by_a_callback())


@pytest.mark.parametrize("message", [
    "Catalog Error: Table with name KeyboardInterrupt does not exist!",
    "Binder Error: KeyboardInterruptions",
    "IO Error: No space left on device",
])
def test_an_error_that_only_names_it_is_no_stop(a_stop_was_raised, message):
    assert not stopped_by_signal(duckdb.Error(message))


def test_without_a_stop_raised_in_this_process_a_quoted_interrupt_is_an_error(monkeypatch):
    monkeypatch.setattr(stops, "_raised", [0])
    assert not stopped_by_signal(duckdb.Error("KeyboardInterrupt: signal 15\n\nAt:\n"))
