"""The GX suite's frames read what they say: a brief summary counts when trimmed it is not empty."""
from __future__ import annotations

import duckdb
import pytest

from checks.gx_expectations import FRAMES, NOT_BLANK

SUMMARIES = [None, "", " ", "   ", "\u00a0", "\u00a0\u00a0", "\u3000", " \u2003 ", "\t", "\n", " \t ", "x", " x",
             "x ", "  x  ", "\u00a0x", "é", " é", "\u0301", " \u0301", "e\u0301", "日本", "   .", " \u00a0\u3000 x"]


def test_the_not_blank_test_is_trim_not_empty_on_every_kind_of_start():
    """The first character decides only when trim keeps it; blank and space-led summaries are trimmed whole."""
    con = duckdb.connect()
    con.execute("CREATE TABLE b (k INTEGER, description VARCHAR)")
    con.executemany("INSERT INTO b VALUES (?, ?)", list(enumerate(SUMMARIES)))
    rows = con.execute(f"SELECT k, trim(b.description) <> '', {NOT_BLANK} FROM b ORDER BY k").fetchall()
    assert [(k, cut) for k, cut, _ in rows] == [(k, first) for k, _, first in rows]
    blank = {SUMMARIES[k] for k, cut, _ in rows if cut is False}
    assert {"", " ", "   ", "\u00a0"} <= blank and not blank & {"x", " x", "\t", "é"}


@pytest.mark.parametrize("summary, counted", [("A study of x.", 1), ("   ", 0), ("", 0), (None, 0), (" x", 1)])
def test_a_study_has_a_brief_summary_when_one_is_not_blank(summary, counted):
    con = duckdb.connect()
    con.execute("CREATE TABLE studies (nct_id VARCHAR, overall_status VARCHAR, enrollment INTEGER, study_type VARCHAR, "
                "start_date DATE, completion_date DATE, primary_completion_date DATE, phase VARCHAR)")
    con.execute("CREATE TABLE conditions (nct_id VARCHAR, name VARCHAR)")
    con.execute("CREATE TABLE brief_summaries (nct_id VARCHAR, description VARCHAR)")
    con.execute("INSERT INTO studies (nct_id) VALUES ('NCT00000001')")
    con.execute("INSERT INTO brief_summaries VALUES ('NCT00000001', ?), ('NCT00000001', '  ')", [summary])
    assert con.execute(f"SELECT has_brief_summary FROM ({FRAMES['studies']})").fetchone()[0] == counted
