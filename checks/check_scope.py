"""The scope of a check: the studies it checks, in the temp table `check_scope`, and their `CheckScope`."""
from __future__ import annotations

from datetime import date
from typing import Sequence

import duckdb
import pyarrow as pa

from checks.rule import CheckScope


def set_scope(con: duckdb.DuckDBPyConnection, nct_ids: Sequence[str] | None, as_of: date) -> CheckScope:
    """(Re)create the temp table `check_scope` (the studies to check; None = all) and return the scope."""
    con.execute("CREATE OR REPLACE TEMP TABLE check_scope (nct_id VARCHAR PRIMARY KEY)")
    if nct_ids is None:
        con.execute("INSERT INTO check_scope SELECT nct_id FROM studies")
    elif nct_ids:
        scope = pa.table({"nct_id": pa.array(sorted(set(nct_ids)), pa.string())})
        con.register("_scope_in", scope)
        con.execute("INSERT INTO check_scope SELECT nct_id FROM _scope_in")
        con.unregister("_scope_in")
    if nct_ids is None:
        return CheckScope(as_of, frozenset(r[0] for r in con.execute("SELECT nct_id FROM check_scope").fetchall()))
    return CheckScope(as_of, frozenset(nct_ids))
