"""Watch lists and the readers of the published warehouse while something else writes it: a list saved while a run
writes waits for the run and is published with its state, never lost when the run publishes its own copy; the
reading commands read a copy where another process holds the file read-write."""
from __future__ import annotations

import subprocess
import sys
import threading
import time

from typer.testing import CliRunner

from flows.cli import app
from flows.publish import writing
from flows.search import SearchQuery
from flows.watch import add_watch_list, watch_lists
from warehouse.connect import connect


def _warehouse(tmp_path):
    db = tmp_path / "w.duckdb"
    con = connect(db)
    add_watch_list(con, "first", SearchQuery("sclerosis"))
    con.close()
    return db


def test_a_watch_list_saved_while_a_run_writes_waits_for_it_and_is_kept(tmp_path):
    db = _warehouse(tmp_path)
    result = {}
    with writing(db, say=lambda line: None) as work:  # a run: the writer lock held, its working copy written
        con = connect(work)
        con.execute("CREATE TABLE main.written_by_the_run AS SELECT 1 AS x")
        con.close()
        adding = threading.Thread(target=lambda: result.update(out=CliRunner().invoke(
            app, ["watch", "add", "second", "baricitinib", "--db", str(db)])))
        adding.start()
        time.sleep(1.0)
        assert adding.is_alive()  # waits for the run
    adding.join(timeout=60)
    assert result["out"].exit_code == 0, result["out"].output
    assert "another run is writing this warehouse" in result["out"].output
    con = connect(db, read_only=True)
    assert sorted(w.name for w in watch_lists(con)) == ["first", "second"]
    assert con.execute("SELECT x FROM main.written_by_the_run").fetchall() == [(1,)]
    con.close()


def test_a_watch_list_removed_is_published(tmp_path):
    db = _warehouse(tmp_path)
    assert CliRunner().invoke(app, ["watch", "remove", "first", "--db", str(db)]).exit_code == 0
    con = connect(db, read_only=True)
    assert watch_lists(con) == []
    con.close()


def test_reading_commands_read_a_copy_while_another_process_holds_the_file_read_write(tmp_path):
    db = _warehouse(tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); "
                               "print('open', flush=True); time.sleep(60)", str(db)], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        listed = CliRunner().invoke(app, ["watch", "list", "--db", str(db)])
        assert listed.exit_code == 0, listed.output
        assert "reading a copy of its last published state" in listed.output and "first" in listed.output
    finally:
        holder.kill()
        holder.wait()
