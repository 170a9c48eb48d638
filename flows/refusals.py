"""pandera's check names in a user's words: what a refused value should have been, why a study was rejected."""
from __future__ import annotations

import re

from warehouse.tables import PERSONAL_COLUMNS

_DTYPES = {"int64": "a whole number", "date": "a date (YYYY, YYYY-MM or YYYY-MM-DD)", "float64": "a number",
           "boolean": "true or false", "bool": "true or false", "str": "text"}
_BOUNDS = {"greater_than_or_equal_to": "at least", "less_than_or_equal_to": "at most",
           "greater_than": "more than", "less_than": "less than"}


def expected_words(check: str) -> str:
    """What a value refused by `check` should have been: 'one of NA, PHASE1, ...', 'a whole number'."""
    if check.startswith("isin"):
        values = re.findall(r"'([^']*)'", check)
        return "an API v2 value: one of " + ", ".join(values)
    if check.startswith(("coerce_dtype", "dtype")):
        dtype = check.split("(", 1)[-1].strip("()'").lower()
        return _DTYPES.get(dtype, f"a value of type {dtype}")
    name, _, argument = check.partition("(")
    if name in _BOUNDS:
        return f"a number {_BOUNDS[name]} {argument.rstrip(')')}"
    if name == "str_matches":
        return f"text matching {argument.rstrip(')')}"
    return check


def failure_words(table: str, case) -> tuple[str, str]:
    """(reason, detail) of a pandera failure case that rejects its study; personal data never quoted."""
    column = case.column if isinstance(case.column, str) else table
    check = str(case.check)
    words = "not an API v2 value" if check.startswith("isin") else f"expected {expected_words(check)}"
    value = "<personal data>" if column in PERSONAL_COLUMNS.get(table, ()) else repr(case.failure_case)[:200]
    return f"invalid {table}.{column}: {words}", f"value={value}"
