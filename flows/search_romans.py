"""The numbers of a query a registry writes in Roman numerals too, after the words it so numbers ("phase 2": phase ii,
"Type 1 diabetes": type i)."""
from __future__ import annotations

import duckdb

from warehouse.search_index import INDEX_SCHEMA

# The numbers a registry writes in Roman numerals too, after the words it so numbers (Phase I-IV, Type I/II, Stage
# I-V, Grade I-IV, Class I-IV, Part I/II); each as the index holds it (Porter stemming leaves them).
ROMAN = {"1": "i", "2": "ii", "3": "iii", "4": "iv", "5": "v"}
ROMAN_AFTER = frozenset({"phase", "type", "stage", "grade", "class", "part"})
# The words whose Roman numeral also names something else beside them ("type I error", "type II error" of a
# study's statistics): their numeral stands between them and the query's next word ("type 2 diabetes" finds
# "Type II Diabetes", not "type II error ... diabetes").
ROMAN_BOTH_SIDES = frozenset({"type"})


def romans(con: duckdb.DuckDBPyConnection, words: list[str], runs: list[int]) -> dict[int, str]:
    """The numbers a query writes alone after a word a registry numbers in Roman numerals too (ROMAN_AFTER), each
    -> its numeral where the index holds it: "phase 2" -> phase ii, "Type 1 diabetes" -> type i."""
    asked = {at: ROMAN[word] for at, word in enumerate(words)
             if word in ROMAN and runs.count(runs[at]) == 1 and at and words[at - 1] in ROMAN_AFTER
             and runs[at - 1] == runs[at] - 1}
    if not asked:
        return {}
    held = {term for (term,) in con.execute(f"SELECT term FROM {INDEX_SCHEMA}.dict WHERE df > 0 AND term IN "
                                            "(SELECT unnest($asked))", {"asked": sorted(set(asked.values()))}
                                            ).fetchall()}
    return {at: roman for at, roman in asked.items() if roman in held}
