"""The set-based SQL forms of rule tests give the answers of the plainer forms they replace."""
from __future__ import annotations

import duckdb
import pytest

from checks.missing_fields import _blank

TEXTS = [None, "", " ", "   ", "a", " a", "a ", "  a  ", "\n", "\t ", " \n", "\u00a0", " \u00a0 ", "\u3000", "\u2003a",
         "\u2028", "é", " x" * 500, "x" * 5000] + [chr(i) for i in range(1, 128)] + [chr(i) + "x" for i in range(1, 128)]


@pytest.mark.parametrize("text", TEXTS)
def test_blank_is_null_or_only_spaces_as_trim_says(text):
    con = duckdb.connect()
    fast, plain = con.execute(f"SELECT {_blank('$t')}, coalesce(trim($t), '') = ''", {"t": text}).fetchone()
    assert fast == plain
